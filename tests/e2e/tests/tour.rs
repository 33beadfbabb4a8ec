//! A clerk's whole afternoon with a real 范文 from /work/shared/samples (read at run time, never
//! copied into the repository). Not part of CI (the samples are not in the repository):
//! `xvfb-run -a cargo test -p e2e --test tour -- --ignored`. Screenshots: e2e-shots/tour-*.png.

use e2e::{wait_true, App, Res};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "reads the samples folder outside the repository; run by hand"]
async fn tour_with_a_real_sample() -> Res<()> {
    let sample = std::env::var("GONGWEN_SAMPLE")
        .unwrap_or_else(|_| "/work/shared/samples/township-2017-summary.txt".into());
    let text = std::fs::read_to_string(&sample)?;
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;

    app.click("#b-import").await?;
    app.set_value("#i-text", &text).await?;
    app.set_value("#i-unit", "双河镇人民政府").await?;
    app.click("#i-run").await?;
    app.wait("#i-accept").await?;
    app.js(
        "document.getElementById('i-result').scrollIntoView()",
        vec![],
    )
    .await?;
    app.shot("tour-01-import-result").await?;
    app.click("#i-accept").await?;
    app.wait("#step-body[data-step='1']").await?;
    app.shot("tour-02-basic").await?;
    app.step(2).await?;
    app.shot("tour-03-opening").await?;
    app.step(3).await?;
    app.shot("tour-04-body").await?;
    app.step(5).await?;
    app.shot("tour-05-check").await?;

    // Fill every placeholder with a number, one at a time (the list is read again each time).
    let mut n = 0;
    while app
        .js("return !!document.getElementById('ph-0')", vec![])
        .await?
        == true
        && n < 60
    {
        let before = app.text("#placeholders h3").await?;
        app.type_into("#ph-0", &format!("{}", 10 + n)).await?;
        app.click("#placeholders .ph-fill").await?;
        wait_true(
            &app,
            &format!(
                "const e = document.querySelector('#placeholders h3'); return !!e && e.textContent !== '{before}'"
            ),
        )
        .await?;
        n += 1;
    }
    println!("filled {n} placeholders");
    // Apply every one-click fix offered.
    let mut fixes = 0;
    while app.js("const b=document.querySelector('#findings .fix'); if(b){b.click(); return true} return false", vec![]).await? == true && fixes < 80 {
        app.wait_text("#toast", "修正").await?;
        app.wait("#step-body[data-step='5']").await?;
        fixes += 1;
    }
    println!("applied {fixes} fixes one by one");
    if app
        .js("return !!document.getElementById('b-fix-all')", vec![])
        .await?
        == true
    {
        app.shot("tour-06a-before-fix-all").await?;
        app.click("#b-fix-all").await?;
        app.click("#ask-yes").await?;
        println!("{}", app.wait_text("#toast", "已修正").await?);
    }
    app.shot("tour-06-check-after").await?;
    app.step(4).await?;
    app.set_value("#f-date", "2024-12-20").await?;
    app.saved().await?;
    app.shot("tour-07-closing").await?;
    app.step(6).await?;
    app.wait("#pages[data-ready]").await?;
    println!("preview: {}", app.text("#page-count").await?);
    app.shot("tour-08-preview").await?;
    app.js(
        "document.querySelector('.form-area').scrollTop = 1400",
        vec![],
    )
    .await?;
    app.shot("tour-09-preview-page2").await?;
    app.click("#b-print").await?;
    app.wait("#p-printer").await?;
    app.shot("tour-10-print").await?;
    app.click("#print-panel .actions button").await?;
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    app.click("#reports button[title^='以本报告为底稿']")
        .await?;
    app.wait_text("#toast", "年度报告").await?;
    app.wait("#step-body[data-step='1']").await?;
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    app.shot("tour-11-list").await?;
    app.click("#b-settings").await?;
    app.wait("#settings-fonts li").await?;
    app.shot("tour-12-settings").await?;
    app.quit().await?;
    Ok(())
}
