//! A clerk's day, end to end through the real window: new report from a template, Chinese text
//! in several steps (typed, and through IME composition events), sub-items added and reordered,
//! quit, relaunch, everything still there; then export DOCX and PDF and open both.
//! Screenshots of every step go to <target>/e2e-shots/.

use e2e::{docx_text, wait_file, wait_true, App, Res};

const UNIT: &str = "双河镇人民政府";
const OPENING: &str = "今年以来，我镇认真落实上级部署，政务公开工作稳步推进。";
const BODY1: &str = "全年通过政府网站主动公开信息，按时更新重点领域栏目。";
const SUB_A: &str = "强化组织领导";
const SUB_B: &str = "完善公开制度";
const SUB_B_BODY: &str = "修订主动公开目录，明确公开时限。";
const IME_TEXT: &str = "政务公开";

#[tokio::test(flavor = "multi_thread")]
async fn clerk_writes_quits_relaunches_and_exports() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;

    // ---- first session: write --------------------------------------------------------------
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#app", "还没有报告").await?;
    app.shot("01-list-empty").await?;
    app.click("#b-new").await?;
    app.type_into("#n-unit", UNIT).await?;
    app.set_value("#n-year", "2024").await?;
    app.shot("02-new-report").await?;
    app.click("#n-create").await?;

    // 1 基本信息: the title is proposed from unit and year.
    app.wait("#step-body[data-step='1']").await?;
    let title = app.value("#f-title").await?;
    assert!(title.starts_with("双河镇人民政府2024年"), "{title}");
    // 重新生成标题 asks the core, which names the period and the template's subject.
    app.set_value("#f-period", "上半年").await?;
    app.click("#b-propose").await?;
    wait_true(
        &app,
        "return document.querySelector('#f-title').value === '双河镇人民政府2024年上半年政务公开工作总结'",
    )
    .await?;
    app.set_value("#f-period", "年度").await?;
    app.click("#b-propose").await?;
    wait_true(
        &app,
        "return document.querySelector('#f-title').value === '双河镇人民政府2024年政务公开工作总结'",
    )
    .await?;
    app.saved().await?;
    app.shot("03-step1-basic").await?;

    // 2 导语: typed, then more through an IME composition.
    app.step(2).await?;
    app.type_into("#f-opening", OPENING).await?;
    app.compose_into("#f-opening", IME_TEXT).await?;
    // The field still shows exactly what was committed; nothing half-typed was lost or doubled.
    assert_eq!(
        app.value("#f-opening").await?,
        format!("{OPENING}{IME_TEXT}")
    );
    app.saved().await?;
    app.shot("04-step2-opening").await?;

    // 3 正文: body of the first section, two sub-items, then reorder them.
    app.step(3).await?;
    let first = app
        .js("return document.querySelector('.node').id.slice(2)", vec![])
        .await?;
    let first = first.as_str().unwrap().to_string();
    app.type_into(&format!("#p-{first}"), BODY1).await?;
    // 添加下级 adds a sub-item at the end of the first section and puts the cursor in its heading.
    let focused = "return document.activeElement.id.startsWith('h-') ? document.activeElement.id.slice(2) : ''";
    let count = |n: usize| format!("return document.querySelectorAll('.node').length === {n}");
    let before = app
        .js("return document.querySelectorAll('.node').length", vec![])
        .await?;
    let before = before.as_u64().unwrap() as usize;
    app.click(&format!("#b-child-{first}")).await?;
    wait_true(&app, &count(before + 1)).await?;
    wait_true(&app, "return document.activeElement.id.startsWith('h-')").await?;
    let a = app.js(focused, vec![]).await?.as_str().unwrap().to_string();
    assert!(!a.is_empty(), "the new sub-item's heading has the focus");
    app.type_into(&format!("#h-{a}"), SUB_A).await?;
    app.click(&format!("#b-child-{first}")).await?;
    wait_true(&app, &count(before + 2)).await?;
    wait_true(&app, &format!("return document.activeElement.id.startsWith('h-') && document.activeElement.id !== 'h-{a}'")).await?;
    let b = app.js(focused, vec![]).await?.as_str().unwrap().to_string();
    assert!(!b.is_empty() && b != a);
    app.type_into(&format!("#h-{b}"), SUB_B).await?;
    app.compose_into(&format!("#p-{b}"), SUB_B_BODY).await?;
    let num_a = app.text(&format!("#num-{a}")).await?;
    let num_b = app.text(&format!("#num-{b}")).await?;
    app.saved().await?;
    app.click(&format!("#b-up-{b}")).await?;
    // Move 完善公开制度 above 强化组织领导: the numbers follow the position.
    app.wait_text(&format!("#num-{b}"), &num_a).await?;
    assert_eq!(app.text(&format!("#num-{a}")).await?, num_b);
    // Indent: 强化组织领导 becomes item 1. under 完善公开制度; outdent puts it back.
    app.click(&format!("#b-indent-{a}")).await?;
    app.wait_text(&format!("#num-{a}"), "1.").await?;
    app.js(
        &format!("document.getElementById('n-{b}').scrollIntoView()"),
        vec![],
    )
    .await?;
    app.shot("05-step3-body-indented").await?;
    app.click(&format!("#b-outdent-{a}")).await?;
    app.wait_text(&format!("#num-{a}"), &num_b).await?;
    app.js(
        &format!("document.getElementById('n-{b}').scrollIntoView()"),
        vec![],
    )
    .await?;
    app.shot("05-step3-body").await?;

    // 4 附件与落款
    app.step(4).await?;
    app.retype("#f-signature", UNIT).await?;
    app.set_value("#f-date", "2024-12-20").await?;
    app.saved().await?;
    app.shot("06-step4-closing").await?;

    // 5 检查: placeholders and findings are listed.
    app.step(5).await?;
    app.wait("#findings").await?;
    app.wait_text("#placeholders", "待填项").await?;
    app.shot("07-step5-check").await?;

    // A version, by the shortcut.
    app.js(
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', ctrlKey: true, bubbles: true}))",
        vec![],
    )
    .await?;
    app.wait_text("#toast", "已保存为版本").await?;
    app.quit().await?;

    // ---- second session: everything is there ---------------------------------------------
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#reports", UNIT).await?;
    app.shot("08-list-after-relaunch").await?;
    app.click("#reports td.title a").await?;
    // It opens at the step where it was left.
    app.wait("#step-body[data-step='5']").await?;
    app.step(1).await?;
    assert!(app
        .value("#f-title")
        .await?
        .starts_with("双河镇人民政府2024年"));
    app.step(2).await?;
    assert_eq!(
        app.value("#f-opening").await?,
        format!("{OPENING}{IME_TEXT}")
    );
    app.step(3).await?;
    app.wait(".node.level-2").await?;
    let tree = app.text("#tree").await?;
    let nodes = app
        .js(
            "return [...document.querySelectorAll('.node')].map(n => n.querySelector('.number').textContent + n.querySelector('input.heading').value + '|' + n.querySelector('textarea').value)",
            vec![],
        )
        .await?;
    let nodes: Vec<String> = serde_json::from_value(nodes)?;
    assert!(nodes[0].ends_with(&format!("|{BODY1}")), "{nodes:?} {tree}");
    // The two new sub-items close the first section, in their new order, with their numbers.
    let pos = |h: &str| {
        nodes
            .iter()
            .position(|n| n.contains(h))
            .unwrap_or(usize::MAX)
    };
    assert_eq!(pos(SUB_A), pos(SUB_B) + 1, "{nodes:?}");
    assert_eq!(nodes[pos(SUB_B)], format!("{num_a}{SUB_B}|{SUB_B_BODY}"));
    assert_eq!(nodes[pos(SUB_A)], format!("{num_b}{SUB_A}|"));
    app.step(4).await?;
    assert_eq!(app.value("#f-signature").await?, UNIT);
    // Shown in the document's form, whatever the system's locale.
    assert_eq!(app.value("#f-date").await?, "2024年12月20日");
    app.click("#b-versions").await?;
    app.wait_text("#versions", "的版本").await?;
    app.click("#versions .actions button").await?;

    // 6 预览与导出: the real PDF, page by page; then both exports.
    app.step(6).await?;
    app.wait("#pages[data-ready]").await?;
    let count = app.text("#page-count").await?;
    assert!(count.starts_with("共 "), "{count}");
    app.shot("09-step6-preview").await?;

    app.click("#b-export-docx").await?;
    // Unfilled placeholders are errors: the app asks before exporting.
    if app
        .js("return !!document.getElementById('ask-yes')", vec![])
        .await?
        == true
    {
        app.shot("10-export-confirm").await?;
        app.click("#ask-yes").await?;
    }
    app.wait_text("#export-done", "已导出").await?;
    // The proposed name is 单位+年份+标题 (the title already starts with unit and year).
    let name = format!("{title}.docx");
    let docx = wait_file(&save.path().join(&name)).await?;
    let xml = docx_text(&docx)?;
    assert!(
        xml.contains(SUB_B_BODY) && xml.contains(IME_TEXT),
        "DOCX lacks the text"
    );

    app.click("#b-export-pdf").await?;
    if app
        .js("return !!document.getElementById('ask-yes')", vec![])
        .await?
        == true
    {
        app.click("#ask-yes").await?;
    }
    app.wait_text("#export-done", ".pdf").await?;
    let pdf = wait_file(&save.path().join(name.replace(".docx", ".pdf"))).await?;
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    // Opened by a real reader (poppler, installed by scripts/test).
    let info = std::process::Command::new("pdfinfo")
        .arg(save.path().join(name.replace(".docx", ".pdf")))
        .output()?;
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|p| p.trim().to_string());
    assert_eq!(
        pages.as_deref(),
        Some(count.trim_start_matches("共 ").trim_end_matches(" 页")),
        "{info}"
    );
    app.shot("11-exported").await?;
    // Back to the list: the notice about this report's export goes with it.
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    assert_eq!(
        app.js("return !!document.getElementById('export-done');", vec![])
            .await?,
        false,
        "the export notice stayed after the report was closed"
    );
    app.quit().await?;
    Ok(())
}
