//! A summary sent upward as a formal 报告 (issue 15), made in the real window: the switch
//! “作为正式报告报送” in step 4 (off by default) opens the 版头与版记 fields; an attachment gets
//! text of its own; the preview shows the red 版头 and the 版记; both exports carry them.
//! Screenshots go to <target>/e2e-shots/ (formal-*), the exported files beside them.

use e2e::{docx_text, shots_dir, wait_file, wait_true, App, Res};

const UNIT: &str = "青石镇人民政府";

#[tokio::test(flavor = "multi_thread")]
async fn clerk_sends_a_formal_report() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#app", "还没有报告").await?;
    app.click("#b-new").await?;
    app.type_into("#n-unit", UNIT).await?;
    app.set_value("#n-year", "2024").await?;
    app.click("#n-create").await?;
    app.wait("#step-body[data-step='1']").await?;
    let title = app.value("#f-title").await?;

    app.step(2).await?;
    app.type_into(
        "#f-opening",
        "2024年，我镇各项工作稳步推进，现将全年情况报告如下。",
    )
    .await?;
    app.saved().await?;

    app.step(4).await?;
    // Off by default: the fields are hidden until the switch is on.
    assert_eq!(
        app.js("return document.getElementById('f-formal').checked", vec![])
            .await?,
        false
    );
    app.click("#f-formal").await?;
    wait_true(
        &app,
        "return !document.getElementById('f-formal-fields').hidden",
    )
    .await?;
    app.retype("#f-organ", "青石镇人民政府文件").await?;
    // A number in the wrong form first: the check names it.
    app.type_into("#f-number", "青政(2024)第12号").await?;
    app.saved().await?;
    app.step(5).await?;
    app.wait_text("#findings", "发文字号").await?;
    app.shot("formal-02-step5-number-finding").await?;
    app.step(4).await?;
    app.retype("#f-number", "青政〔2024〕12号").await?;
    app.type_into("#f-signers", "王明远").await?;
    app.set_value("#f-cc", "县政府办公室\n县统计局").await?;
    app.type_into("#f-printed-by", "青石镇党政综合办公室")
        .await?;
    app.set_value("#f-printed-on", "2024-12-21").await?;
    app.set_value("#f-date", "2024-12-20").await?;
    // One name a line (typed keys would not carry the line break).
    app.set_value("#f-attachments", "政务公开工作台账\n依申请公开统计表")
        .await?;
    app.wait("#f-attachment-text-1").await?;
    app.set_value("#f-attachment-text-0", "全年主动公开信息482条。")
        .await?;
    app.set_value("#f-attachment-text-1", "受理依申请公开12件，均按期答复。")
        .await?;
    app.saved().await?;
    app.js(
        "document.getElementById('formal-panel').scrollIntoView()",
        vec![],
    )
    .await?;
    app.shot("formal-01-step4-panel").await?;

    app.step(5).await?;
    app.wait("#findings").await?;
    let findings = app.text("#findings").await?;
    assert!(!findings.contains("发文字号"), "{findings}");
    app.shot("formal-02-step5-check").await?;

    app.step(6).await?;
    app.wait("#pages[data-ready]").await?;
    app.shot("formal-03-preview").await?;

    for (button, ext) in [("#b-export-docx", "docx"), ("#b-export-pdf", "pdf")] {
        app.click(button).await?;
        if app
            .js("return !!document.getElementById('ask-yes')", vec![])
            .await?
            == true
        {
            app.click("#ask-yes").await?;
        }
        app.wait_text("#export-done", &format!(".{ext}")).await?;
    }
    let docx = wait_file(&save.path().join(format!("{title}.docx"))).await?;
    let xml = docx_text(&docx)?;
    for want in [
        "青石镇人民政府文件",
        "青政〔2024〕12号",
        "县政府办公室，县统计局。",
        "受理依申请公开12件",
    ] {
        assert!(xml.contains(want), "DOCX lacks {want}");
    }
    let pdf_path = save.path().join(format!("{title}.pdf"));
    wait_file(&pdf_path).await?;
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf_path)
        .arg("-")
        .output()?;
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for want in [
        "青政〔2024〕12号",
        "王明远",
        "县统计局",
        "附件2",
        "2024年12月21日印发",
    ] {
        assert!(text.contains(want), "PDF lacks {want}: {text}");
    }
    std::fs::copy(&pdf_path, shots_dir().join("formal-export.pdf"))?;
    std::fs::write(shots_dir().join("formal-export.docx"), &docx)?;
    app.quit().await?;
    Ok(())
}
