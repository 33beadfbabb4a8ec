//! The 政府信息公开工作年度报告 is offered in the 新建报告 dialog, with its description, and
//! makes a report whose title names it, with the six parts of the 2021 format (issue 16; the
//! tables in them are tested in tests/core and tests/cli). Screenshots go to <target>/e2e-shots/.

use e2e::{wait_true, App, Res};

#[tokio::test(flavor = "multi_thread")]
async fn the_new_report_dialog_offers_the_annual_disclosure_report() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#app", "还没有报告").await?;
    app.click("#b-new").await?;
    let options = app
        .js(
            "return [...document.querySelectorAll('#n-kind option')].map(o => o.value + '|' + o.textContent)",
            vec![],
        )
        .await?;
    let options: Vec<String> = serde_json::from_value(options)?;
    assert!(
        options.contains(&"annual-disclosure|政府信息公开工作年度报告".to_string()),
        "{options:?}"
    );
    app.set_value("#n-kind", "annual-disclosure").await?;
    app.wait_text("#new-report", "国办公开办函〔2021〕30号")
        .await?;
    app.type_into("#n-unit", "青石镇").await?;
    app.set_value("#n-year", "2024").await?;
    app.shot("annual-01-new-dialog").await?;
    app.click("#n-create").await?;
    app.wait("#step-body[data-step='1']").await?;
    wait_true(
        &app,
        "return document.querySelector('#f-title').value === '青石镇2024年政府信息公开工作年度报告'",
    )
    .await?;
    app.shot("annual-02-basic").await?;
    // 正文: the six parts of the 2021 format.
    app.step(3).await?;
    wait_true(
        &app,
        "return document.querySelectorAll('.node.level-1').length === 6",
    )
    .await?;
    app.shot("annual-03-body").await?;
    app.quit().await?;
    Ok(())
}
