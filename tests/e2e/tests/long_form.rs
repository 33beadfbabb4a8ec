//! 3 正文 of a long report builds only the sections near the view (ui/src/steps/body.ts,
//! `LAZY_FROM`): on the 100-page sample report (~440 sections) the form holds a placeholder
//! for every section but the fields of a few; scrolling builds the sections that come into
//! view without moving what is on screen; a click on a line in the preview pane far down the
//! report builds that section and puts the caret in its paragraph; what is typed there is
//! saved; 上移 and 下移 in the middle keep the section in its place on screen.

use e2e::{app_binary, cli_binary, gongwen, import_sample, wait_true, App, Res};
use std::time::Duration;

/// (sections, placeholders, text areas) in the form.
async fn counts(app: &App) -> Res<(u64, u64, u64)> {
    let v = app
        .js(
            "return [document.querySelectorAll('#tree .node').length,
                     document.querySelectorAll('#tree .node.shell').length,
                     document.querySelectorAll('#tree textarea').length];",
            vec![],
        )
        .await?;
    let n = |i: usize| v[i].as_u64().unwrap_or(0);
    Ok((n(0), n(1), n(2)))
}

/// Scrolls 3 正文 to `at` (a fraction of its height), clicks `tool` (`up` or `down`) on the
/// built section nearest the middle of the view and checks that the section stays where it
/// was on screen, renumbered, with the focus on it, in a form drawn lazily again.
async fn moves_in_place(app: &App, tool: &str, at: f64) -> Res<()> {
    app.js(
        "const m = document.getElementById('step-body'); m.scrollTop = m.scrollHeight * arguments[0]; return true;",
        vec![at.into()],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let pick = app
        .js(
            "const m = document.getElementById('step-body').getBoundingClientRect();
             const mid = (m.top + m.bottom) / 2, tool = '.t-' + arguments[0];
             const ns = [...document.querySelectorAll('#tree .node:not(.shell)')]
               .filter((n) => { const b = n.querySelector(tool); return b && !b.disabled; });
             const n = ns.reduce((a, b) => Math.abs(b.getBoundingClientRect().top - mid) < Math.abs(a.getBoundingClientRect().top - mid) ? b : a);
             // The button in view, so that the click does not scroll the form itself.
             n.querySelector(tool).scrollIntoView({ block: 'nearest' });
             return n.id;",
            vec![tool.into()],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let pick = app
        .js(
            "const n = document.getElementById(arguments[0]);
             return [n.id, n.getBoundingClientRect().top, n.querySelector('.number').textContent, n.querySelector('.t-' + arguments[1]).id];",
            vec![pick, tool.into()],
        )
        .await?;
    let node = pick[0].as_str().unwrap_or_default().to_string();
    app.click(&format!("#{}", pick[3].as_str().unwrap_or_default()))
        .await?;
    wait_true(
        app,
        &format!(
            "const n = document.getElementById('{node}');
             return !!n && n.querySelector('.number').textContent !== {:?};",
            pick[2].as_str().unwrap_or_default()
        ),
    )
    .await?;
    let after = app
        .js(
            "const n = document.getElementById(arguments[0]);
             return [n.getBoundingClientRect().top, document.activeElement.id, document.querySelectorAll('#tree .node.shell').length];",
            vec![node.clone().into()],
        )
        .await?;
    let shift = after[0].as_f64().unwrap_or(0.0) - pick[1].as_f64().unwrap_or(0.0);
    assert!(
        shift.abs() < 2.0,
        "{tool} at {at}: the moved section {node} shifted by {shift} px"
    );
    // The focus stays on the button, or goes to the heading when the button can no longer act.
    let focus = after[1].as_str().unwrap_or_default();
    assert!(
        focus == format!("b-{tool}-{}", &node[2..]) || focus == format!("h-{}", &node[2..]),
        "{tool} at {at}: the focus is on {focus}"
    );
    assert!(
        after[2].as_u64().unwrap_or(0) > 300,
        "the redrawn form is lazy again"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_report_builds_the_sections_near_the_view() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let id = import_sample(&cli_binary(&app_binary()), data.path(), 100)?;
    let app = App::launch(data.path(), save.path()).await?;
    app.open_report(id).await?;
    app.step(3).await?;
    app.wait("#tree").await?;
    let (sections, shells, fields) = counts(&app).await?;
    assert!(sections > 300, "the sample has {sections} sections");
    assert!(
        shells > sections * 3 / 4 && fields < 80,
        "{shells} placeholders and {fields} text areas for {sections} sections"
    );
    // Every section has its place at once: the form is about as tall as its text.
    let height = app
        .js(
            "return document.getElementById('step-body').scrollHeight;",
            vec![],
        )
        .await?
        .as_f64()
        .unwrap_or(0.0);
    assert!(height > 40_000.0, "the form is only {height} px tall");

    // Scrolling half way: the sections there are built; the section at the top of the view
    // stays where it was while the ones above it are built.
    app.js(
        "const m = document.getElementById('step-body'); m.scrollTop = m.scrollHeight / 2; return true;",
        vec![],
    )
    .await?;
    wait_true(
        &app,
        "const m = document.getElementById('step-body').getBoundingClientRect();
         return [...document.querySelectorAll('#tree .node')].some((n) => {
           const r = n.getBoundingClientRect();
           return !n.classList.contains('shell') && r.top < m.bottom && r.bottom > m.top && n.querySelector('textarea'); });",
    )
    .await?;
    let top_before = app
        .js(
            "const m = document.getElementById('step-body').getBoundingClientRect();
             const n = [...document.querySelectorAll('#tree .node:not(.shell)')].find((n) => n.getBoundingClientRect().bottom > m.top + 40);
             return [n.id, n.getBoundingClientRect().top];",
            vec![],
        )
        .await?;
    // A small scroll up builds the sections above the view (within the margin already).
    app.js(
        "document.getElementById('step-body').scrollTop -= 300; return true;",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let top_after = app
        .js(
            "return document.getElementById(arguments[0]).getBoundingClientRect().top;",
            vec![top_before[0].clone()],
        )
        .await?;
    let moved = top_after.as_f64().unwrap_or(0.0) - top_before[1].as_f64().unwrap_or(0.0);
    assert!(
        (moved - 300.0).abs() < 2.0,
        "a scroll of 300 px moved the section by {moved} px"
    );
    app.shot("long-form-01-middle").await?;

    // Tree changes (上移, 下移) on the built section nearest the middle of the view, at
    // several places: the step is drawn again, placeholders and all, with that section where
    // it was on screen, its new number, and the focus on it.
    for (tool, at) in [("down", 0.5), ("up", 0.5), ("up", 0.3), ("down", 0.7)] {
        moves_in_place(&app, tool, at).await?;
    }

    // The pane scrolled by hand: its counter says the page in view, not the focused field's.
    app.js(
        "document.querySelector(\".pane-page[data-page='30']\").scrollIntoView(); return true;",
        vec![],
    )
    .await?;
    wait_true(
        &app,
        "return /^第 (29|30|31) 页 \\/ 共 \\d+ 页$/.test(document.getElementById('pane-counter').textContent);",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let counter = app.text("#pane-counter").await?;
    assert!(
        ["第 29 页", "第 30 页", "第 31 页"]
            .iter()
            .any(|p| counter.starts_with(p)),
        "the counter after scrolling the pane to page 30: {counter}"
    );

    // Far down, through the pane: a line of page 90 puts the caret in its paragraph, which
    // is built for it.
    app.js(
        "document.querySelector(\".pane-page[data-page='90']\").scrollIntoView(); return true;",
        vec![],
    )
    .await?;
    let line = r#".pane-page[data-page='90'] .ln[data-loc*='"paragraph"']"#;
    wait_true(&app, &format!("return !!document.querySelector({line:?})")).await?;
    app.click(line).await?;
    wait_true(
        &app,
        "const a = document.activeElement;
         return a instanceof HTMLTextAreaElement && a.id.startsWith('p-') && !a.closest('.node').classList.contains('shell');",
    )
    .await?;
    let field = app
        .js("return document.activeElement.id;", vec![])
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string();
    app.js(
        "const a = document.activeElement; a.setSelectionRange(a.value.length, a.value.length); return true;",
        vec![],
    )
    .await?;
    app.type_into(&format!("#{field}"), "远处补记一句").await?;
    app.saved().await?;
    app.shot("long-form-02-far-section").await?;
    let shown = gongwen(data.path(), &["show", &id.to_string()])?;
    assert!(
        shown.contains("远处补记一句"),
        "the text typed far down was not saved"
    );
    app.quit().await
}
