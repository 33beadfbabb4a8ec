//! The live-preview figures of issue 18, taken in the running app for `scripts/bench-pane`
//! (which writes them into docs/benchmarks.md). Ignored in the normal suite: it asserts
//! nothing about time and takes a few minutes; run it with
//! `cargo test -p e2e --test bench_pane -- --ignored`.
//!
//! 1. Keystroke → updated pane page, for the 10- and 100-page sample reports: in 3 正文 the
//!    driver types one character at a time (WebDriver key events) into a paragraph in the middle
//!    of the report and the page times, for every key, from the keydown's dispatch (a window
//!    capture listener) to the moment the pane's `#pane[data-seq]` goes up (the pane's DOM
//!    contract: it counts completed redraws, raised once the new page content is in the DOM)
//!    and to the animation frame after it (the frame that puts the page on screen).
//!    Without a `#pane` in the step the figures say "pane missing".
//! 2. Opening 6 预览与导出 on the 100-page report → its first page drawn: from the mousedown on
//!    the step's button to `performance.mark("gw-preview-first-page")` (ui/src/steps/preview.ts:
//!    the frame after page 1's image went into the DOM), with the marks between (the core's view
//!    with page 1 received, page 1 in the DOM).
//! 3. Idle memory: PSS from `/proc/PID/smaps_rollup` summed over the app and every process under
//!    it (WebKit's web and network processes), after 5 s without input, with the 100-page report
//!    open in the pane (3 正文) and in 6 预览与导出; per process, and the largest mappings.
//!
//! Environment: `GONGWEN_BENCH_APP` the app binary (scripts/bench passes the release build;
//! default the debug build the e2e tests use), `GONGWEN_BENCH_KEYS` keystrokes per report
//! (default 40, the first 3 not counted), `GONGWEN_BENCH_OPENS` openings of step 6 (default 5).
//! Output: `<target>/e2e-shots/pane-bench.json`.

use e2e::{app_binary, cli_binary, import_sample, shots_dir, wait_true, App, Res};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Listens for keydowns and for `#pane`'s `data-seq` going up; `take()` gives the samples.
const PANE_TIMING: &str = r#"
if (!window.__gwPaneBench) {
  const b = { t0: -1, seq: -1, samples: [], stray: 0, wake: null };
  window.__gwPaneBench = b;
  const seqOf = () => { const p = document.getElementById('pane'); return p ? Number(p.getAttribute('data-seq')) : -1; };
  b.seq = seqOf();
  window.addEventListener('keydown', () => { if (b.t0 < 0) b.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    const s = seqOf();
    if (s <= b.seq) return;
    b.seq = s;
    if (b.t0 < 0) { b.stray++; return; }
    const t0 = b.t0, dom = performance.now() - t0;
    b.t0 = -1;
    // The pane's marks of this redraw (ui/src/pane.ts): request sent, answer received.
    const last = (n) => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime - t0 : null; };
    const request = last('gw-pane-request'), answer = last('gw-pane-answer');
    performance.clearMarks('gw-pane-request');
    performance.clearMarks('gw-pane-answer');
    requestAnimationFrame(() => {
      b.samples.push({ dom, frame: performance.now() - t0, request, answer });
      if (b.wake) b.wake();
    });
  }).observe(document.body, { attributes: true, attributeFilter: ['data-seq'], subtree: true });
}
window.__gwPaneBench.samples.length = 0;
window.__gwPaneBench.t0 = -1;
// A report opened since the last call has a new pane, counting from 0 again.
const pane = document.getElementById('pane');
window.__gwPaneBench.seq = pane ? Number(pane.getAttribute('data-seq')) : -1;
return true;
"#;

/// Characters typed, one per keystroke.
const KEYS: &str =
    "今年我镇继续推进基层政务公开标准化规范化建设按月更新村务公开栏群众反映的问题当月答复";

/// Keystroke → pane redraw samples for the open report, or `{"pane": false}`.
async fn keystrokes(app: &App, keys: usize) -> Res<Value> {
    app.step(3).await?;
    // The pane may draw its pages a moment after the step.
    let start = Instant::now();
    while app
        .js("return !!document.getElementById('pane');", vec![])
        .await?
        != Value::Bool(true)
    {
        if start.elapsed() > Duration::from_secs(5) {
            return Ok(json!({ "pane": false }));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The fold is remembered for the user (localStorage): open the pane if it is folded.
    if app
        .js(
            "return document.getElementById('pane').classList.contains('folded');",
            vec![],
        )
        .await?
        == Value::Bool(true)
    {
        app.click("#pane-toggle").await?;
    }
    wait_true(app, "return !!document.querySelector('.pane-page img');").await?;
    let pages = app
        .js(
            "return Number(document.getElementById('pane').getAttribute('data-pages'));",
            vec![],
        )
        .await?;
    // A paragraph field in the middle of the report, caret at its end: the form scrolled to
    // its middle (a long report builds the sections there as they come into view), the field
    // nearest the centre of the view.
    app.js(
        "const m = document.getElementById('step-body'); m.scrollTop = (m.scrollHeight - m.clientHeight) / 2; return true;",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let target = app
        .js(
            "const m = document.getElementById('step-body').getBoundingClientRect();
             const mid = (m.top + m.bottom) / 2;
             const all = [...document.querySelectorAll(\"#step-body textarea[id^='p-']\")];
             if (!all.length) return null;
             const off = (el) => { const r = el.getBoundingClientRect(); return Math.abs((r.top + r.bottom) / 2 - mid); };
             const el = all.reduce((a, b) => (off(b) < off(a) ? b : a));
             el.scrollIntoView({ block: 'center' });
             return { id: el.id, of: all.length, sections: document.querySelectorAll('#tree .node').length };",
            vec![],
        )
        .await?;
    let id = target["id"]
        .as_str()
        .ok_or("no paragraph field in 3 正文")?
        .to_string();
    let field = app.wait(&format!("#{id}")).await?;
    field.click().await?;
    app.js(
        "const el = document.activeElement; el.setSelectionRange(el.value.length, el.value.length);",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    app.js(PANE_TIMING, vec![]).await?;
    let chars: Vec<char> = KEYS.chars().collect();
    let mut missed = 0;
    for k in 0..keys {
        let before = app
            .js("return window.__gwPaneBench.samples.length;", vec![])
            .await?
            .as_u64()
            .unwrap_or(0);
        field.send_keys(&chars[k % chars.len()].to_string()).await?;
        // Waits in the page for the sample (no polling through WebDriver while the key is
        // timed: each poll is a script run on the page's main thread).
        let got = app
            .js_async(
                "const [before, done] = arguments;
                 const b = window.__gwPaneBench;
                 if (b.samples.length > before) { done(true); return; }
                 const timer = setTimeout(() => { b.wake = null; done(false); }, 3000);
                 b.wake = () => { clearTimeout(timer); b.wake = null; done(true); };",
                vec![before.into()],
            )
            .await?;
        if got != Value::Bool(true) {
            missed += 1;
            // The pending keydown must not start the next sample.
            app.js("window.__gwPaneBench.t0 = -1;", vec![]).await?;
        }
        // Let the pane settle (a redraw of the neighbours, autosave) before the next key.
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let b = app.js("return window.__gwPaneBench;", vec![]).await?;
    Ok(json!({
        "pane": true,
        "pages": pages,
        "field": target,
        "keys": keys,
        "missed": missed,
        "stray_redraws": b["stray"],
        "samples": b["samples"],
    }))
}

/// Opens 6 预览与导出 `runs` times (from 4 附件与落款) and times its first page.
async fn step6_first_page(app: &App, runs: usize) -> Res<Value> {
    let mut out = Vec::new();
    for _ in 0..runs {
        app.step(4).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.js(
            "performance.clearMarks();
             window.__gwOpen6 = -1;
             document.getElementById('step-6').addEventListener('mousedown',
               () => { window.__gwOpen6 = performance.now(); }, { capture: true, once: true });
             return true;",
            vec![],
        )
        .await?;
        app.click("#step-6").await?;
        app.wait("#pages[data-ready]").await?;
        wait_true(
            app,
            "return performance.getEntriesByName('gw-preview-first-page').length > 0;",
        )
        .await?;
        let r = app
            .js(
                "const t0 = window.__gwOpen6;
                 const at = (n) => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime - t0 : null; };
                 return { start: at('gw-preview-start'), layout: at('gw-preview-layout'), page1: at('gw-preview-page1'),
                          first_page: at('gw-preview-first-page'), t0,
                          pages: Number(document.getElementById('pages').dataset.ready),
                          drawn: document.querySelectorAll('#pages .page-slot img').length };",
                vec![],
            )
            .await?;
        out.push(r);
    }
    Ok(Value::Array(out))
}

/// Every process under `root` (its descendants), as pids.
fn descendants(root: u32) -> Vec<u32> {
    let mut parent = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            // The parent is the 4th field of /proc/PID/stat, after "(comm)" which may hold spaces.
            let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
                continue;
            };
            let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
                continue;
            };
            if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
                parent.push((pid, ppid));
            }
        }
    }
    let mut keep = vec![root];
    let mut changed = true;
    while changed {
        changed = false;
        for &(p, pp) in &parent {
            if keep.contains(&pp) && !keep.contains(&p) {
                keep.push(p);
                changed = true;
            }
        }
    }
    keep.retain(|&p| p != root);
    keep
}

fn comm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// `field:` value in kB of a smaps(_rollup) text.
fn kb(text: &str, field: &str) -> u64 {
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The mappings of `pid` holding the most PSS, grouped by what they map (a file, [heap],
/// anonymous memory), largest first: `[name, pss kB]`.
fn largest_mappings(pid: u32, top: usize) -> Vec<(String, u64)> {
    let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
        return Vec::new();
    };
    let mut by: std::collections::BTreeMap<String, u64> = Default::default();
    let mut name = String::new();
    for line in text.lines() {
        let head = line.split_whitespace().next().unwrap_or("");
        if head.contains('-') && !head.ends_with(':') {
            // A mapping's header: "start-end perms offset dev inode [path]".
            let path = line.split_whitespace().nth(5).unwrap_or("");
            name = if path.is_empty() {
                "[anonymous]".into()
            } else if path.starts_with("/memfd:") {
                path.split(' ').next().unwrap_or(path).into()
            } else {
                path.into()
            };
        } else if let Some(v) = line.strip_prefix("Pss:") {
            let v: u64 = v
                .split_whitespace()
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            *by.entry(name.clone()).or_default() += v;
        }
    }
    let mut v: Vec<_> = by.into_iter().collect();
    v.sort_by_key(|b| std::cmp::Reverse(b.1));
    v.truncate(top);
    v
}

/// PSS and RSS of the app (under tauri-driver and WebKitWebDriver) and every process under it.
fn memory(app: &App) -> Value {
    let all = descendants(app.driver_pid());
    let Some(&root) = all.iter().find(|&&p| comm(p) == "gongwen-app") else {
        return json!({ "error": "no gongwen-app process under tauri-driver" });
    };
    let mut procs = Vec::new();
    let mut total = 0;
    for pid in std::iter::once(root).chain(descendants(root)) {
        let Ok(r) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        let pss = kb(&r, "Pss:");
        total += pss;
        procs.push(json!({
            "pid": pid,
            "name": comm(pid),
            "pss_kib": pss,
            "rss_kib": kb(&r, "Rss:"),
            "pss_anon_kib": kb(&r, "Pss_Anon:"),
            "pss_file_kib": kb(&r, "Pss_File:"),
            "pss_shmem_kib": kb(&r, "Pss_Shmem:"),
            "largest": largest_mappings(pid, 8),
        }));
    }
    json!({ "pss_kib": total, "processes": procs })
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: run by scripts/bench-pane"]
async fn pane_and_preview_figures() -> Res<()> {
    let keys = env_num("GONGWEN_BENCH_KEYS", 40);
    let opens = env_num("GONGWEN_BENCH_OPENS", 5);
    let bin = std::env::var_os("GONGWEN_BENCH_APP")
        .map(PathBuf::from)
        .unwrap_or_else(app_binary);
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let cli = cli_binary(&bin);
    let r10 = import_sample(&cli, data.path(), 10)?;
    let r100 = import_sample(&cli, data.path(), 100)?;
    let app = App::launch_program(&bin, data.path(), save.path(), &[]).await?;

    app.open_report(r10).await?;
    let typing10 = keystrokes(&app, keys).await?;
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    app.open_report(r100).await?;
    let typing100 = keystrokes(&app, keys).await?;
    let pane = typing100["pane"] == Value::Bool(true);
    let memory_pane = if pane {
        tokio::time::sleep(Duration::from_secs(5)).await;
        app.shot("bench-pane-100").await?;
        memory(&app)
    } else {
        Value::Null
    };

    let first_page = step6_first_page(&app, opens).await?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    app.shot("bench-step6-100").await?;
    let memory_step6 = memory(&app);

    let out = json!({
        "app": bin,
        "keys": keys,
        "typing": { "r10": typing10, "r100": typing100 },
        "step6": first_page,
        "memory": { "pane": memory_pane, "step6": memory_step6 },
    });
    std::fs::write(
        shots_dir().join("pane-bench.json"),
        serde_json::to_vec_pretty(&out)?,
    )?;
    app.quit().await
}
