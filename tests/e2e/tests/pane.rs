//! The live page preview beside the editor (issue 18), in the real window: typing into a
//! paragraph changes the pane's pixels on the page where that paragraph is; a long paragraph
//! pushes the 落款 onto a new page and the pane counts it; a click on a line in the pane puts
//! the caret in that paragraph; an IME composition redraws nothing until the word is
//! committed. Screenshots go to <target>/e2e-shots/ (pane-*).

use e2e::{shots_dir, wait_true, App, Res};
use std::process::Command;
use std::time::{Duration, Instant};

/// Our own sentence, repeated to make paragraphs of any length.
const SENTENCE: &str =
    "全镇持续推进基层政务公开标准化规范化建设，村务公开栏按月更新，群众反映的问题当月答复。";

fn long(chars: usize) -> String {
    SENTENCE.chars().cycle().take(chars).collect()
}

async fn seq(app: &App) -> Res<i64> {
    let v = app
        .js(
            "return Number(document.getElementById('pane').dataset.seq)",
            vec![],
        )
        .await?;
    Ok(v.as_i64().unwrap_or(0))
}

async fn pages(app: &App) -> Res<i64> {
    let v = app
        .js(
            "return Number(document.getElementById('pane').dataset.pages)",
            vec![],
        )
        .await?;
    Ok(v.as_i64().unwrap_or(0))
}

/// Waits until the pane has redrawn at least once since `after` and then stays still for
/// 600 ms (no redraw pending).
async fn settled(app: &App, after: i64) -> Res<i64> {
    let start = Instant::now();
    let mut last = seq(app).await?;
    let mut since = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = seq(app).await?;
        if now != last {
            last = now;
            since = Instant::now();
        } else if now > after && since.elapsed() > Duration::from_millis(600) {
            return Ok(now);
        }
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("the pane never settled after redraw {after} (at {now})").into());
        }
    }
}

/// The whole paragraph text set as typed text arrives: an input event, not composing.
async fn put(app: &App, css: &str, text: &str) -> Res<()> {
    app.js(
        "const el=document.querySelector(arguments[0]); el.focus(); el.value=arguments[1];
         el.setSelectionRange(el.value.length, el.value.length);
         el.dispatchEvent(new InputEvent('input',{bubbles:true, inputType:'insertText'}));",
        vec![css.into(), text.into()],
    )
    .await?;
    Ok(())
}

/// The screen rectangle of page `n` of the pane (device pixels of the X screen).
async fn page_rect(app: &App, n: i64) -> Res<(i64, i64, i64, i64)> {
    let v = app
        .js(
            "const r=document.querySelector(`.pane-page[data-page='${arguments[0]}']`).getBoundingClientRect();
             return [Math.round(r.left), Math.round(Math.max(0, r.top)),
                     Math.round(r.width), Math.round(Math.min(r.bottom, window.innerHeight) - Math.max(0, r.top))];",
            vec![n.into()],
        )
        .await?;
    let a: Vec<i64> = v
        .as_array()
        .ok_or("no rect")?
        .iter()
        .map(|x| x.as_i64().unwrap_or(0))
        .collect();
    let (x0, y0) = window_origin(app).await?;
    Ok((x0 + a[0], y0 + a[1], a[2], a[3]))
}

/// Where the web view's top-left corner is on the X screen (xwininfo: the app's window of the
/// web view's size; there is no window manager under Xvfb).
async fn window_origin(app: &App) -> Res<(i64, i64)> {
    let size = app
        .js(
            "return `${window.innerWidth}x${window.innerHeight}`",
            vec![],
        )
        .await?;
    let size = size.as_str().unwrap_or_default().to_string();
    let out = Command::new("xwininfo").args(["-root", "-tree"]).output()?;
    let tree = String::from_utf8_lossy(&out.stdout);
    for line in tree.lines().filter(|l| l.contains(&format!(" {size}+"))) {
        // `… 1280x720+0+0  +0+70`: the last pair is the absolute position.
        if let Some(abs) = line.split_whitespace().last() {
            let nums: Vec<i64> = abs
                .split('+')
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            if nums.len() == 2 {
                return Ok((nums[0], nums[1]));
            }
        }
    }
    Err(format!("no {size} window in xwininfo -root -tree").into())
}

/// The raw RGB pixels of a rectangle of a screenshot (ImageMagick, as the shots are taken).
fn crop(png: &std::path::Path, (x, y, w, h): (i64, i64, i64, i64)) -> Res<Vec<u8>> {
    let out = Command::new("convert")
        .arg(png)
        .args(["-crop", &format!("{w}x{h}+{x}+{y}"), "+repage", "rgb:-"])
        .output()?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!("convert -crop failed on {}", png.display()).into());
    }
    Ok(out.stdout)
}

/// The page the counter shows: `第 N 页 / 共 M 页` → (N, M).
async fn counter(app: &App) -> Res<(i64, i64)> {
    let t = app.text("#pane-counter").await?;
    let nums: Vec<i64> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(0))
        .collect();
    if nums.len() != 2 || !t.starts_with('第') {
        return Err(format!("#pane-counter reads “{t}”").into());
    }
    Ok((nums[0], nums[1]))
}

#[tokio::test(flavor = "multi_thread")]
async fn pane_follows_the_clerk() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#app", "还没有报告").await?;
    app.new_report("青石镇人民政府").await?;
    // The fold is remembered for the user (localStorage): open it if a run left it folded.
    if app
        .js(
            "return document.getElementById('pane').classList.contains('folded')",
            vec![],
        )
        .await?
        == true
    {
        app.click("#pane-toggle").await?;
    }
    // Step 1 already has the pane, with the first page drawn.
    if let Err(e) = wait_true(&app, "return Number(document.getElementById('pane').dataset.pages) >= 1 && !!document.querySelector(\".pane-page[data-page='1'] img\")").await {
        let state = app
            .js("const p=document.getElementById('pane'); return p ? p.outerHTML.slice(0, 600) + ' | ' + (document.getElementById('pane-counter')||{}).title : 'no #pane'", vec![])
            .await?;
        app.shot("pane-00-failed").await?;
        return Err(format!("{e}; pane: {state}").into());
    }
    app.shot("pane-01-new-report").await?;

    app.step(3).await?;
    let first = "#tree textarea[id^='p-']";
    app.wait(first).await?;
    let s0 = seq(&app).await?;
    // A first section of four long paragraphs: the report runs over several pages.
    let body = [long(300), long(280), long(260), long(240)].join("\n");
    put(&app, first, &body).await?;
    let s1 = settled(&app, s0).await?;
    let n1 = pages(&app).await?;
    assert!(n1 >= 2, "four long paragraphs make {n1} page(s)");
    // The pane shows the page the caret (end of the fourth paragraph) is on.
    let (here, total) = counter(&app).await?;
    assert_eq!(total, n1);
    assert!(here >= 2, "the caret's paragraph is on page {here}");
    wait_true(
        &app,
        &format!("return !!document.querySelector(\".pane-page[data-page='{here}'] img\")"),
    )
    .await?;
    let before = app.shot("pane-02-long-section").await?;
    let before = before.with_file_name("pane-02-long-section-copy.png");
    std::fs::copy(shots_dir().join("pane-02-long-section.png"), &before)?;

    // Typing keys into that paragraph changes the pixels of that page; the focus and the
    // caret stay in the field.
    let rect = page_rect(&app, here).await?;
    let ta = app.wait(first).await?;
    ta.send_keys("新增一句").await?;
    let s2 = settled(&app, s1).await?;
    let after = app.shot("pane-03-typed").await?;
    let (a, b) = (crop(&before, rect)?, crop(&after, rect)?);
    let changed = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert!(
        changed > 0,
        "page {here} of the pane ({rect:?} on the screen) looks the same after typing"
    );
    let focus = app
        .js(
            "const a=document.activeElement; return a.matches(arguments[0]) && a.selectionStart===a.value.length;",
            vec![first.into()],
        )
        .await?;
    assert_eq!(
        focus, true,
        "the caret stayed at the end of the typed paragraph"
    );

    // A long paragraph more pushes the 落款 onto a new page: the pane counts it.
    let mut text = app.value(first).await?;
    let mut s = s2;
    let mut grown = false;
    for _ in 0..8 {
        text.push('\n');
        text.push_str(&long(200));
        put(&app, first, &text).await?;
        s = settled(&app, s).await?;
        if pages(&app).await? > n1 {
            grown = true;
            break;
        }
    }
    assert!(grown, "the pane never showed more than {n1} pages");
    let n2 = pages(&app).await?;
    assert_eq!(counter(&app).await?.1, n2);
    // The last page holds the 落款.
    app.js(
        "const p=document.getElementById('pane-pages'); p.scrollTop=p.scrollHeight;",
        vec![],
    )
    .await?;
    wait_true(
        &app,
        &format!("return !!document.querySelector(\".pane-page[data-page='{n2}'] [data-loc*='signature']\")"),
    )
    .await?;
    app.shot("pane-04-signature-on-new-page").await?;

    // A click on a line of the first paragraph in the pane puts the caret in that paragraph.
    app.click("#tree input[id^='h-']").await?;
    app.js(
        "const p=document.getElementById('pane-pages'); p.scrollTop=0;",
        vec![],
    )
    .await?;
    let line = r#".pane-page[data-page='1'] .ln[data-loc*='"paragraph"'][data-loc*='"index":0']"#;
    wait_true(&app, &format!("return !!document.querySelector({line:?})")).await?;
    app.click(line).await?;
    wait_true(
        &app,
        &format!(
            "const a=document.activeElement; return a.matches({first:?}) && a.selectionStart===0;"
        ),
    )
    .await?;

    // An IME composition: the pinyin typed so far redraws nothing; the committed word does.
    let s3 = settled(&app, seq(&app).await? - 1).await?;
    let base = app.value(first).await?;
    app.js(
        "const el=document.querySelector(arguments[0]);
         el.dispatchEvent(new CompositionEvent('compositionstart',{bubbles:true,data:''}));
         for (const p of ['zh','zheng','zhengwu']) {
           el.value=arguments[1]+p; el.setSelectionRange(el.value.length, el.value.length);
           el.dispatchEvent(new InputEvent('input',{bubbles:true,isComposing:true,data:p,inputType:'insertCompositionText'}));
         }",
        vec![first.into(), base.clone().into()],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        seq(&app).await?,
        s3,
        "the pane redrew during the composition"
    );
    app.js(
        "const el=document.querySelector(arguments[0]);
         el.value=arguments[1]+'政务'; el.setSelectionRange(el.value.length, el.value.length);
         el.dispatchEvent(new InputEvent('input',{bubbles:true,isComposing:true,data:'政务',inputType:'insertCompositionText'}));
         el.dispatchEvent(new CompositionEvent('compositionend',{bubbles:true,data:'政务'}));",
        vec![first.into(), base.into()],
    )
    .await?;
    settled(&app, s3).await?;
    app.shot("pane-05-after-composition").await?;

    // Folded away, the form gets the room; unfolded again, the pages are back.
    app.click("#pane-toggle").await?;
    wait_true(
        &app,
        "return document.getElementById('pane').classList.contains('folded')",
    )
    .await?;
    app.shot("pane-06-folded").await?;
    app.click("#pane-toggle").await?;
    wait_true(&app, "return !document.getElementById('pane').classList.contains('folded') && !!document.querySelector('.pane-page img')").await?;
    app.quit().await
}
