//! Typing is never behind (issue 17): the driver types Chinese text into a section's text at
//! about 20 characters a second (5 characters every 250 ms) and then pastes 5,000 characters
//! into another section; the store, read back through the CLI on the same data folder, holds
//! every character once and in order.
//!
//! Duration: `GONGWEN_TYPING_SECONDS` (default 20 s here, to keep the suite short; the
//! benchmark, scripts/bench-typing, runs 60 s). The app's own timings of every keystroke (see
//! ui/src/perf.ts) are written to `<target>/e2e-shots/typing-timings.json` for that script;
//! this test asserts nothing about time.

use e2e::{gongwen, shots_dir, wait_true, App, Res};
use std::path::Path;
use std::time::{Duration, Instant};

/// Our own sentences, cycled to make the typed text (Chinese characters and punctuation).
const SENTENCES: &[&str] = &[
    "今年我镇继续推进基层政务公开标准化规范化建设，",
    "按月更新村务公开栏，群众反映的问题当月答复。",
    "围绕乡村振兴、民生保障等重点领域主动公开信息，",
    "并通过微信公众号同步发布，方便群众随时查阅。",
];

fn text_of(chars: usize, offset: usize) -> String {
    SENTENCES
        .iter()
        .cycle()
        .skip(offset)
        .flat_map(|s| s.chars())
        .take(chars)
        .collect()
}

/// The stored paragraphs of the report's top-level section `i`, joined.
fn stored(data: &Path, i: usize) -> Res<String> {
    let list: serde_json::Value = serde_json::from_str(&gongwen(data, &["list", "--json"])?)?;
    let id = list[0]["id"].as_i64().ok_or("no report stored")?;
    let r: serde_json::Value =
        serde_json::from_str(&gongwen(data, &["show", &id.to_string(), "--json"])?)?;
    let paras = r["sections"][i]["paragraphs"]
        .as_array()
        .ok_or("no paragraphs")?
        .iter()
        .filter_map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join("");
    Ok(paras)
}

/// Asserts the stored text is the expected one, naming the first character that differs.
fn same(got: &str, want: &str, what: &str) {
    if got == want {
        return;
    }
    let at = got
        .chars()
        .zip(want.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let near = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(10))
            .take(30)
            .collect::<String>()
    };
    panic!(
        "{what}: stored {} characters, expected {}; first difference at character {at}: stored “{}”, expected “{}”",
        got.chars().count(),
        want.chars().count(),
        near(got),
        near(want)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_fast_and_pasting_store_every_character_once_in_order() -> Res<()> {
    let seconds: u64 = std::env::var("GONGWEN_TYPING_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report("青山镇人民政府").await?;
    app.step(3).await?;
    let ids = app
        .js(
            "return [...document.querySelectorAll('#tree > .node.level-1')].map(n => n.id.slice(2));",
            vec![],
        )
        .await?;
    let first = ids[0].as_str().ok_or("no section")?.to_string();
    let second = ids[1].as_str().ok_or("no second section")?.to_string();

    // ---- typing: 5 characters every 250 ms ---------------------------------------------------
    let field = app.wait(&format!("#p-{first}")).await?;
    field.click().await?;
    app.js("window.__gwInputTiming.start()", vec![]).await?;
    let total = (seconds * 20) as usize;
    let typed = text_of(total, 0);
    let chars: Vec<char> = typed.chars().collect();
    let start = Instant::now();
    let mut late = 0;
    for (k, chunk) in chars.chunks(5).enumerate() {
        let tick = start + Duration::from_millis(250 * k as u64);
        let now = Instant::now();
        if tick > now {
            tokio::time::sleep(tick - now).await;
        } else if now - tick > Duration::from_millis(250) {
            late += 1;
        }
        field.send_keys(&chunk.iter().collect::<String>()).await?;
    }
    let typing_secs = start.elapsed().as_secs_f64();
    let typing_timings = app
        .js("return window.__gwInputTiming.take()", vec![])
        .await?;
    // The field shows exactly what was typed, at once (nothing waits for a save).
    assert_eq!(app.value(&format!("#p-{first}")).await?, typed);
    app.saved().await?;
    app.shot("58-typing-done").await?;

    // ---- pasting 5,000 characters -------------------------------------------------------------
    // One insertion of the whole text, the single input event a paste makes (the driver cannot
    // reach the X clipboard without another tool).
    let pasted = text_of(5000, 1);
    app.click(&format!("#p-{second}")).await?;
    app.js(
        "const el = document.activeElement;
         el.setSelectionRange(el.value.length, el.value.length);
         document.execCommand('insertText', false, arguments[0]);",
        vec![pasted.clone().into()],
    )
    .await?;
    wait_true(
        &app,
        &format!("return document.getElementById('p-{second}').value.length === 5000"),
    )
    .await?;
    let paste_timings = app
        .js("return window.__gwInputTiming.take()", vec![])
        .await?;
    // A few more keys after the paste land after it (the caret is at its end).
    app.client
        .active_element()
        .await?
        .send_keys("完毕。")
        .await?;
    app.saved().await?;
    // Leaving the step saves what is pending, then the store is read back.
    app.step(4).await?;
    app.saved().await?;

    // ---- every character stored once and in order -------------------------------------------
    same(&stored(data.path(), 0)?, &typed, "typed");
    same(
        &stored(data.path(), 1)?,
        &format!("{pasted}完毕。"),
        "pasted",
    );

    let out = serde_json::json!({
        "seconds": seconds,
        "typing_seconds": typing_secs,
        "chars": total,
        "late_chunks": late,
        "typing": typing_timings,
        "paste": paste_timings,
    });
    std::fs::write(
        shots_dir().join("typing-timings.json"),
        serde_json::to_vec_pretty(&out)?,
    )?;
    app.quit().await
}
