//! A clerk's day without friction (issue 17): versions only when something changed, a list
//! name apart from the printed title, a report reopening where it was left, and every step
//! usable on the 1366 × 768 and 1280 × 720 screens clerks have.
//!
//! The screenshot test needs an X screen of at least 1366 × 768:
//! `xvfb-run -a -s "-screen 0 1366x900x24" cargo test -p e2e --test day`.
//! Screenshots: e2e-shots/screen-<width>x<height>-*.png.

use e2e::{shots_dir, wait_file, wait_true, App, Res};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;
use std::time::Duration;

const UNIT: &str = "双河镇人民政府";

async fn ctrl_s(app: &App) -> Res<()> {
    app.js(
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', ctrlKey: true, bubbles: true}))",
        vec![],
    )
    .await?;
    Ok(())
}

/// Empties the toast so that the next message can be told from the last one.
async fn clear_toast(app: &App) -> Res<()> {
    app.js(
        "const t = document.getElementById('toast'); t.textContent = ''; t.className = 'toast';",
        vec![],
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_s_twice_without_a_change_makes_one_version() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report(UNIT).await?;
    app.step(2).await?;
    app.type_into("#f-opening", "全镇推行村务公开栏目规范化。")
        .await?;
    app.saved().await?;

    ctrl_s(&app).await?;
    let first = app.wait_text("#toast", "已保存为版本").await?;
    clear_toast(&app).await?;
    ctrl_s(&app).await?;
    let second = app.wait_text("#toast", "未另存").await?;
    assert!(second.contains("与上一版本"), "{second}");

    let rows = "return document.querySelectorAll('#versions .version').length";
    app.click("#b-versions").await?;
    app.wait("#versions .version").await?;
    assert_eq!(app.js(rows, vec![]).await?, 1, "{first} / {second}");
    // The newest version's text is shown before anything is restored.
    let text = app.wait_text("#version-text", "村务公开栏目规范化").await?;
    assert!(text.contains(UNIT), "{text}");
    // A version can be named.
    app.click("#versions .v-rename").await?;
    app.js(
        "document.querySelector('#versions .version-name-input').value = arguments[0]",
        vec!["送审前".into()],
    )
    .await?;
    app.wait("#versions .version-name-input")
        .await?
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.wait_text("#versions .version-name", "送审前").await?;
    app.shot("day-versions").await?;
    app.click("#versions-close").await?;

    // A change makes the next Ctrl+S a new version.
    app.type_into("#f-opening", "又补一句。").await?;
    app.saved().await?;
    clear_toast(&app).await?;
    ctrl_s(&app).await?;
    app.wait_text("#toast", "已保存为版本").await?;
    app.click("#b-versions").await?;
    app.wait("#versions .version").await?;
    wait_true(
        &app,
        "return document.querySelectorAll('#versions .version').length === 2",
    )
    .await?;
    // Viewing the older one shows its text, without the later sentence.
    app.js(
        "document.querySelectorAll('#versions .v-view')[1].click()",
        vec![],
    )
    .await?;
    app.wait_text("#version-view h4", "送审前").await?;
    let old = app.text("#version-text").await?;
    assert!(!old.contains("又补一句"), "{old}");
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn rename_keeps_the_title() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report(UNIT).await?;
    let title = app.value("#f-title").await?;
    assert!(title.starts_with(UNIT), "{title}");
    app.click("#b-back").await?;

    app.click("#reports .b-rename").await?;
    app.js(
        "document.querySelector('#reports td.title input').value = arguments[0]",
        vec!["送审稿（第二版）".into()],
    )
    .await?;
    app.wait("#reports td.title input")
        .await?
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.wait_text("#reports td.title a", "送审稿（第二版）")
        .await?;
    // The printed title is shown under the list name, unchanged.
    app.wait_text("#reports .printed-title", &title).await?;
    app.shot("day-renamed").await?;

    app.click("#reports td.title a").await?;
    app.wait("#step-body[data-step='1']").await?;
    assert_eq!(app.value("#f-title").await?, title);
    let bar = app
        .js(
            "return document.getElementById('doc-title').textContent",
            vec![],
        )
        .await?;
    assert_eq!(bar.as_str(), Some(title.as_str()));

    // The export proposes the list name as the file name.
    app.click("#b-top-docx").await?;
    app.confirm_if_asked().await?;
    app.wait_text("#export-done", "送审稿（第二版）.docx")
        .await?;
    let docx = wait_file(&save.path().join("送审稿（第二版）.docx")).await?;
    assert!(e2e::docx_text(&docx)?.contains(&title));
    app.wait("#b-open-folder").await?;
    app.shot("day-exported").await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn double_click_opens_at_the_last_step() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report(UNIT).await?;
    app.step(4).await?;
    app.click("#b-back").await?;
    app.wait("#reports tr[data-id]").await?;

    // A real double-click (two clicks of the pointer) on the unit cell, not on the link.
    let cell = app
        .client
        .find(Locator::Css("#reports tr[data-id] td:nth-child(2)"))
        .await?;
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: cell,
            duration: None,
            x: 0,
            y: 0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Pause {
            duration: Duration::from_millis(50),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(mouse).await?;
    app.wait("#step-body[data-step='4']").await?;
    app.wait("#f-signature").await?;
    app.quit().await?;
    Ok(())
}

/// Sets the window to `w` × `h` at the screen's corner and checks that the page got that size.
async fn window_size(app: &App, w: u32, h: u32) -> Res<()> {
    app.client.set_window_rect(0, 0, w, h).await?;
    let script = format!("return window.innerWidth === {w} && window.innerHeight === {h}");
    if wait_true(app, &script).await.is_err() {
        let got = app
            .js("return [window.innerWidth, window.innerHeight]", vec![])
            .await?;
        return Err(format!("window is {got}, not {w}×{h}: is the X screen large enough?").into());
    }
    Ok(())
}

/// Fails when something of the window is cut off on the right: the page wider than the
/// window, or a visible button (or field) reaching past the window's edge or hidden inside a
/// container it overflows sideways.
async fn nothing_cut_off(app: &App, what: &str) -> Res<()> {
    let cut = app
        .js(
            r#"const W = window.innerWidth, H = window.innerHeight, out = [];
            if (document.documentElement.scrollWidth > W + 1) out.push('page ' + document.documentElement.scrollWidth);
            for (const el of document.querySelectorAll('button, input, select, textarea, h2, .doc-title, .notice')) {
              if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0) continue;
              if (r.right > W + 1 || r.left < -1) { out.push((el.id || el.className || el.tagName) + ' x ' + Math.round(r.left) + '..' + Math.round(r.right)); continue; }
              for (let p = el.parentElement; p; p = p.parentElement) {
                const cs = getComputedStyle(p);
                if (p.scrollWidth > p.clientWidth + 1 && cs.overflowX !== 'visible') {
                  const pr = p.getBoundingClientRect();
                  if (r.right > pr.right + 1) out.push((el.id || el.className || el.tagName) + ' in scrolled ' + (p.id || p.className));
                  break;
                }
              }
            }
            // Fixed panels (dialogs, messages) must fit the window's height too.
            for (const d of document.querySelectorAll('.dialog, .notice')) {
              const r = d.getBoundingClientRect();
              if (r.bottom > H + 1 || r.top < -1) out.push('dialog y ' + Math.round(r.top) + '..' + Math.round(r.bottom));
            }
            return out;"#,
            vec![],
        )
        .await?;
    let cut: Vec<String> = serde_json::from_value(cut)?;
    if !cut.is_empty() {
        return Err(format!("{what}: cut off: {cut:?}").into());
    }
    Ok(())
}

/// A PNG of the window's `w` × `h` area of the X screen (the window sits at its corner).
async fn shot(app: &App, w: u32, h: u32, name: &str) -> Res<()> {
    app.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await?;
    let path = shots_dir().join(format!("screen-{w}x{h}-{name}.png"));
    let ok = std::process::Command::new("import")
        .args([
            "-window",
            "root",
            "-crop",
            &format!("{w}x{h}+0+0"),
            "+repage",
        ])
        .arg(&path)
        .status()?
        .success();
    if !ok {
        return Err(format!("import failed for {name}").into());
    }
    Ok(())
}

async fn look(app: &App, w: u32, h: u32, name: &str) -> Res<()> {
    shot(app, w, h, name).await?;
    nothing_cut_off(app, &format!("{w}×{h} {name}")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_fits_1366x768_and_1280x720() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    // The window opens inside the screen's work area.
    let inside = app
        .js(
            "return [window.screenX, window.screenY, window.outerWidth, window.outerHeight, screen.availLeft ?? 0, screen.availTop ?? 0, screen.availWidth, screen.availHeight]",
            vec![],
        )
        .await?;
    let v: Vec<i64> = serde_json::from_value(inside)?;
    println!("window and work area: {v:?}");
    assert!(
        v[0] >= v[4] && v[1] >= v[5] && v[0] + v[2] <= v[4] + v[6] && v[1] + v[3] <= v[5] + v[7],
        "window [x, y, w, h] {:?} not inside the work area {:?}",
        &v[..4],
        &v[4..]
    );
    // Two reports with the same title, told apart by year and period in the list.
    app.new_report(UNIT).await?;
    app.click("#b-back").await?;
    app.click("#b-new").await?;
    app.type_into("#n-unit", UNIT).await?;
    app.set_value("#n-year", "2023").await?;
    app.click("#n-create").await?;
    app.wait("#step-body[data-step='1']").await?;
    app.click("#b-back").await?;
    app.wait("#reports tr[data-id]").await?;

    for (w, h) in [(1366, 768), (1280, 720)] {
        window_size(&app, w, h).await?;
        app.wait("#reports").await?;
        look(&app, w, h, "01-list").await?;
        app.click("#b-new").await?;
        app.wait("#n-unit").await?;
        look(&app, w, h, "02-new").await?;
        app.js("document.getElementById('new-report').remove()", vec![])
            .await?;
        app.click("#reports tr[data-id] td.title a").await?;
        app.wait("#step-body[data-step]").await?;
        for n in 1..=6u8 {
            app.step(n).await?;
            if n == 6 {
                app.wait("#pages[data-ready]").await?;
            }
            if n == 4 {
                app.set_value("#f-date", "2024年12月20日").await?;
                assert_eq!(app.value("#f-date").await?, "2024年12月20日");
            }
            look(&app, w, h, &format!("1{n}-step{n}")).await?;
        }
        // The aside's end (the fonts, the advice) at step 6.
        app.js(
            "const g = document.getElementById('guide'); g.scrollTop = g.scrollHeight;",
            vec![],
        )
        .await?;
        look(&app, w, h, "17-step6-fonts").await?;
        app.click("#b-export-pdf").await?;
        app.confirm_if_asked().await?;
        app.wait("#export-done").await?;
        look(&app, w, h, "18-exported").await?;
        app.js("document.getElementById('export-done').remove()", vec![])
            .await?;
        ctrl_s(&app).await?;
        app.wait_text("#toast", "版本").await?;
        app.click("#b-versions").await?;
        app.wait("#version-text").await?;
        look(&app, w, h, "19-versions").await?;
        app.click("#versions-close").await?;
        app.click("#b-back").await?;
        app.click("#b-settings").await?;
        app.wait("#settings-fonts li").await?;
        look(&app, w, h, "20-settings").await?;
        let fonts = app.text("#settings-fonts").await?;
        assert!(fonts.contains("正文："), "{fonts}");
        assert!(!fonts.contains(".otf") && !fonts.contains('/'), "{fonts}");
        app.click("#b-back").await?;
    }
    app.quit().await?;
    Ok(())
}
