//! The editor keeps the clerk's place (issue 17): after 上移, 降级, 升级, 添加下级 and 添加同级
//! on a section scrolled into the middle of a long 正文, the section is still where it was on
//! screen and the focus where it was (a new section: in view, its heading focused, the guidance
//! beside it real); Enter and Tab in a heading go on to its text; in 检查 a fix keeps the scroll
//! position and the focus moves on; placeholders are a worklist (the one being filled marked in
//! its snippet, the focus on the next after 填入, listed once); exporting with errors offers 先去修改
//! as the default, which opens 检查 on the first error. The text is our own.

use e2e::{wait_true, App, Res};
use serde_json::Value;

const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const ALT: &str = "\u{E00A}";
const CTRL: &str = "\u{E009}";
const SHIFT: &str = "\u{E008}";
const UP: &str = "\u{E013}";
const RIGHT: &str = "\u{E014}";
const DELETE: &str = "\u{E017}";

/// Where `#id` is on screen (px from the top of the scrolling form), the form's scroll position
/// and the id of the focused element.
async fn place(app: &App, id: &str) -> Res<(f64, f64, String)> {
    let v = app
        .js(
            "const main = document.getElementById('step-body');
             const el = document.getElementById(arguments[0]);
             return [el ? el.getBoundingClientRect().top - main.getBoundingClientRect().top : null,
                     main.scrollTop, document.activeElement ? document.activeElement.id : ''];",
            vec![id.into()],
        )
        .await?;
    Ok((
        v[0].as_f64().ok_or(format!("#{id} is not there"))?,
        v[1].as_f64().unwrap_or(0.0),
        v[2].as_str().unwrap_or("").to_string(),
    ))
}

/// Whether `#id` lies wholly inside the visible part of the form.
async fn in_view(app: &App, id: &str) -> Res<bool> {
    let v = app
        .js(
            "const m = document.getElementById('step-body').getBoundingClientRect();
             const r = document.getElementById(arguments[0]).getBoundingClientRect();
             return r.top >= m.top - 1 && r.top + 40 <= m.bottom + 1;",
            vec![id.into()],
        )
        .await?;
    Ok(v == Value::Bool(true))
}

/// Keys sent to the focused element (modifiers held until the end of `keys`).
async fn keys(app: &App, keys: &str) -> Res<()> {
    app.client.active_element().await?.send_keys(keys).await?;
    Ok(())
}

/// The section ids of the 正文 step in reading order.
async fn node_ids(app: &App) -> Res<Vec<String>> {
    let v = app
        .js(
            "return [...document.querySelectorAll('#tree .node')].map(n => n.id.slice(2));",
            vec![],
        )
        .await?;
    Ok(v.as_array()
        .ok_or("no sections")?
        .iter()
        .filter_map(|x| x.as_str().map(String::from))
        .collect())
}

async fn active(app: &App) -> Res<String> {
    Ok(app
        .js(
            "return document.activeElement ? document.activeElement.id : ''",
            vec![],
        )
        .await?
        .as_str()
        .unwrap_or("")
        .to_string())
}

/// Fills every section's text so that the 正文 is several screens long.
async fn long_body(app: &App) -> Res<()> {
    app.js(
        "document.querySelectorAll('#tree textarea').forEach((t, i) => {
           t.focus();
           t.value = `第${i + 1}项的正文：全年按计划推进各项工作，台账齐全。\\n逐月检查落实情况，发现问题及时整改。\\n年底前完成全部任务。`;
           t.dispatchEvent(new Event('input', {bubbles: true}));
           t.blur();
         });",
        vec![],
    )
    .await?;
    app.saved().await
}

/// Asserts `#id` stayed at the same height on screen (within a few px for re-laid-out text).
fn same_height(before: f64, after: f64, what: &str) {
    assert!(
        (before - after).abs() <= 6.0,
        "{what}: the section moved on screen from {before} to {after} px"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn structural_actions_keep_the_place_and_the_focus() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report("青山镇人民政府").await?;
    app.step(3).await?;
    long_body(&app).await?;

    // A section in the middle of the tree, scrolled to the middle of the form: the third
    // sub-item of the first section.
    let ids = node_ids(&app).await?;
    assert!(ids.len() >= 8, "the template has a long tree: {ids:?}");
    let x = ids[3].clone();
    let num_before = app.text(&format!("#num-{x}")).await?;
    app.js(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});",
        vec![format!("n-{x}").into()],
    )
    .await?;
    app.click(&format!("#h-{x}")).await?;
    let (top0, scroll0, focus0) = place(&app, &format!("n-{x}")).await?;
    assert!(scroll0 > 100.0, "the form is scrolled ({scroll0} px)");
    assert_eq!(focus0, format!("h-{x}"));
    // The buttons say what they do, with their keys in the tooltip.
    let labels = app
        .js(
            "return [...document.querySelectorAll(`#n-${arguments[0]} .tools button`)].map(b => b.textContent + '|' + b.title);",
            vec![x.clone().into()],
        )
        .await?;
    let labels: Vec<&str> = labels
        .as_array()
        .ok_or("no tools")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let names: Vec<&str> = labels
        .iter()
        .map(|l| l.split('|').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "上移",
            "下移",
            "升级",
            "降级",
            "添加同级",
            "添加下级",
            "删除"
        ]
    );
    assert!(
        labels.iter().all(|l| l.contains("（") && l.contains('+')),
        "{labels:?}"
    );
    let run_in = app.text(&format!("#n-{x} .run-in")).await?;
    assert!(
        run_in.contains("标题与正文同段") && !run_in.contains("接排"),
        "{run_in}"
    );
    app.shot("50-body-place-before").await?;

    // 上移 with its key (Alt+↑): the number changes, the section stays put, the focus stays.
    keys(&app, &format!("{ALT}{UP}")).await?;
    wait_true(
        &app,
        &format!("return document.getElementById('num-{x}').textContent !== '{num_before}'"),
    )
    .await?;
    let (top1, _, focus1) = place(&app, &format!("n-{x}")).await?;
    same_height(top0, top1, "上移");
    assert_eq!(
        focus1,
        format!("h-{x}"),
        "the heading keeps the focus after 上移"
    );

    // 降级 (Alt+→): one level deeper, same place, same focus.
    keys(&app, &format!("{ALT}{RIGHT}")).await?;
    wait_true(
        &app,
        &format!("return document.getElementById('n-{x}').classList.contains('level-3')"),
    )
    .await?;
    let (top2, _, focus2) = place(&app, &format!("n-{x}")).await?;
    same_height(top1, top2, "降级");
    assert_eq!(focus2, format!("h-{x}"));
    app.shot("51-body-after-indent").await?;

    // 升级 by its button: the button keeps the focus (it can be pressed again).
    app.click(&format!("#b-outdent-{x}")).await?;
    wait_true(
        &app,
        &format!("return document.getElementById('n-{x}').classList.contains('level-2')"),
    )
    .await?;
    let (top3, _, _) = place(&app, &format!("n-{x}")).await?;
    same_height(top2, top3, "升级");
    let f = active(&app).await?;
    assert!(
        f == format!("b-outdent-{x}") || f == format!("h-{x}"),
        "focus after 升级: {f}"
    );

    // 添加下级 from the text (Ctrl+Shift+Enter): the new item is in view, its heading focused,
    // and the guidance names it and says what to write.
    app.click(&format!("#p-{x}")).await?;
    let before = node_ids(&app).await?;
    keys(&app, &format!("{CTRL}{SHIFT}{ENTER}")).await?;
    wait_true(
        &app,
        &format!(
            "return document.querySelectorAll('#tree .node').length === {}",
            before.len() + 1
        ),
    )
    .await?;
    let after = node_ids(&app).await?;
    let child = after
        .iter()
        .find(|i| !before.contains(i))
        .ok_or("no new section")?
        .clone();
    wait_true(
        &app,
        &format!("return document.activeElement.id === 'h-{child}'"),
    )
    .await?;
    assert!(
        in_view(&app, &format!("n-{child}")).await?,
        "the new item is in view"
    );
    let guide = app.text("#guide").await?;
    let child_num = app.text(&format!("#num-{child}")).await?;
    assert!(
        guide.contains(&child_num) && guide.contains("还没有小标题"),
        "{guide}"
    );
    let what = app.text("#guide .what").await?;
    assert!(
        what.chars().count() > 10,
        "real guidance, not just a number: {guide}"
    );
    app.shot("52-body-new-child").await?;

    // Enter in the new heading goes to its text.
    keys(&app, &format!("公开栏维护{ENTER}")).await?;
    wait_true(
        &app,
        &format!("return document.activeElement.id === 'p-{child}'"),
    )
    .await?;
    assert_eq!(app.value(&format!("#h-{child}")).await?, "公开栏维护");
    // Tab from a heading goes to its text too, not to a checkbox or a button.
    app.click(&format!("#h-{x}")).await?;
    keys(&app, TAB).await?;
    wait_true(
        &app,
        &format!("return document.activeElement.id === 'p-{x}'"),
    )
    .await?;

    // 添加同级 by its button: a sibling after this section, in view and focused.
    let (top4, _, _) = place(&app, &format!("n-{x}")).await?;
    let before = node_ids(&app).await?;
    app.click(&format!("#b-sibling-{x}")).await?;
    wait_true(
        &app,
        &format!(
            "return document.querySelectorAll('#tree .node').length === {}",
            before.len() + 1
        ),
    )
    .await?;
    let after = node_ids(&app).await?;
    let sib = after
        .iter()
        .find(|i| !before.contains(i))
        .ok_or("no new sibling")?
        .clone();
    wait_true(
        &app,
        &format!("return document.activeElement.id === 'h-{sib}'"),
    )
    .await?;
    assert!(
        in_view(&app, &format!("n-{sib}")).await?,
        "the new sibling is in view"
    );
    // Right after this section and its sub-item, at its level.
    let pos = |id: &str| after.iter().position(|i| i == id).unwrap();
    assert_eq!(pos(&sib), pos(&child) + 1, "{after:?}");
    assert!(
        app.js(
            &format!("return document.getElementById('n-{sib}').className === document.getElementById('n-{x}').className"),
            vec![]
        )
        .await?
            == true
    );
    let (top5, _, _) = place(&app, &format!("n-{x}")).await?;
    assert!(
        (top4 - top5).abs() <= 200.0,
        "the view did not jump: {top4} → {top5}"
    );
    app.shot("53-body-new-sibling").await?;

    // 删除 (Alt+Delete) of the empty new sibling: no question, the scroll position stays and the
    // focus goes to the section that moved up into its place.
    let (_, scroll6, _) = place(&app, &format!("n-{sib}")).await?;
    let next = after.get(pos(&sib) + 1).cloned();
    keys(&app, &format!("{ALT}{DELETE}")).await?;
    wait_true(&app, &format!("return !document.getElementById('n-{sib}')")).await?;
    let (_, scroll7, focus7) = place(&app, &format!("n-{x}")).await?;
    assert!(
        (scroll6 - scroll7).abs() <= 6.0,
        "删除 keeps the scroll position: {scroll6} → {scroll7}"
    );
    if let Some(next) = next {
        assert_eq!(
            focus7,
            format!("h-{next}"),
            "the focus goes to the next section"
        );
    }
    app.saved().await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn placeholders_are_a_worklist_fixes_keep_the_place_and_export_leads_to_them() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report("青山镇人民政府").await?;
    app.step(3).await?;
    // Half-width commas in every section (one fixable finding each), and three placeholders in
    // the first section's text.
    app.js(
        "document.querySelectorAll('#tree textarea').forEach((t, i) => {
           t.focus();
           t.value = i === 0
             ? '全年发布信息X条，召开专题会议X次，受理依申请公开X件。'
             : `第${i + 1}项工作按计划完成,台账齐全,群众满意。`;
           t.dispatchEvent(new Event('input', {bubbles: true}));
           t.blur();
         });",
        vec![],
    )
    .await?;
    app.saved().await?;

    // Exporting asks first; the highlighted default is 先去修改, and it has the focus.
    app.click("#b-top-docx").await?;
    app.wait_text(".dialog", "仍要导出吗").await?;
    assert_eq!(active(&app).await?, "ask-no");
    assert_eq!(app.text("#ask-no").await?, "先去修改");
    assert!(
        app.js(
            "return document.getElementById('ask-no').classList.contains('primary') && !document.getElementById('ask-yes').classList.contains('primary')",
            vec![]
        )
        .await?
            == true
    );
    app.shot("54-export-asks-fix-first").await?;
    // Enter takes it: 检查 opens on the first error, which has the focus.
    keys(&app, ENTER).await?;
    app.wait("#step-body[data-step='5']").await?;
    wait_true(
        &app,
        "const a = document.activeElement; return !!a && !!a.closest('.current') && !!a.closest('#step-body');",
    )
    .await?;
    assert_eq!(
        std::fs::read_dir(save.path())?.count(),
        0,
        "nothing exported"
    );
    app.shot("55-export-opened-check").await?;

    // The worklist: three placeholders, each with its own X marked in its snippet.
    app.wait_text("#placeholders h3", "待填项（3）").await?;
    let marks = app
        .js(
            "return [...document.querySelectorAll('#placeholders .ph')].map(r => {
               const m = r.querySelector('mark.ph-here');
               let before = '';
               for (let n = m.previousSibling; n; n = n.previousSibling) before = n.textContent + before;
               return m.textContent + '|' + before;
             });",
            vec![],
        )
        .await?;
    let marks: Vec<&str> = marks
        .as_array()
        .ok_or("no rows")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(marks.len(), 3);
    assert!(marks.iter().all(|m| m.starts_with("X|")), "{marks:?}");
    assert!(marks[0].ends_with("发布信息"), "{marks:?}");
    assert!(marks[1].ends_with("专题会议"), "{marks:?}");
    assert!(marks[2].ends_with("依申请公开"), "{marks:?}");
    // Listed once: the findings do not repeat them; one line links to the worklist.
    let repeated = app
        .js(
            "return [...document.querySelectorAll('#findings .finding')].filter(f => f.textContent.includes('待填项')).length",
            vec![],
        )
        .await?;
    assert_eq!(repeated, 1, "one summary line, no repeats");
    app.click("#f-to-placeholders").await?;
    wait_true(&app, "return document.activeElement.id === 'ph-0'").await?;

    // 填入 with Enter: the focus moves to the next one, now first in the list.
    keys(&app, &format!("128{ENTER}")).await?;
    app.wait_text("#placeholders h3", "待填项（2）").await?;
    wait_true(&app, "return document.activeElement.id === 'ph-0'").await?;
    let next = app.text("#ph-row-0 .context").await?;
    assert!(next.contains("128条，召开专题会议X次"), "{next}");
    let mark = app.text("#ph-row-0 mark").await?;
    assert_eq!(mark, "X");
    app.shot("56-worklist-next").await?;
    // The button does the same; after the last one the focus wraps to what is left.
    app.click("#ph-row-1 input").await?;
    keys(&app, "15").await?;
    app.click("#ph-fill-1").await?;
    app.wait_text("#placeholders h3", "待填项（1）").await?;
    wait_true(&app, "return document.activeElement.id === 'ph-0'").await?;

    // A fix keeps the scroll position, and the focus moves on to the next finding.
    let n_fix = app
        .js(
            "return document.querySelectorAll('#findings button.fix').length",
            vec![],
        )
        .await?
        .as_u64()
        .unwrap_or(0);
    assert!(n_fix >= 5, "{n_fix} fixes offered");
    let i = app
        .js(
            "const all = [...document.querySelectorAll('#findings button.fix')];
             const b = all[Math.floor(all.length / 2)];
             b.scrollIntoView({block: 'center'}); b.focus();
             return Number(b.id.slice(4));",
            vec![],
        )
        .await?
        .as_u64()
        .ok_or("no fix id")?;
    let (_, scroll0, _) = place(&app, &format!("fix-{i}")).await?;
    assert!(scroll0 > 50.0, "the list is scrolled ({scroll0} px)");
    keys(&app, ENTER).await?;
    app.wait_text("#toast", "已修正").await?;
    wait_true(
        &app,
        &format!(
            "return document.querySelectorAll('#findings button.fix').length === {}",
            n_fix - 1
        ),
    )
    .await?;
    let (_, scroll1, focus1) = place(&app, &format!("f-{i}")).await?;
    assert!(
        (scroll0 - scroll1).abs() <= 6.0,
        "the scroll position stays after a fix: {scroll0} → {scroll1}"
    );
    assert!(
        focus1 == format!("fix-{i}") || focus1 == format!("floc-{i}"),
        "the focus moves to the next finding: {focus1}"
    );
    app.shot("57-check-after-fix").await?;
    app.quit().await
}
