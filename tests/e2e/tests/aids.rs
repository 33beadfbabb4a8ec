//! The drafting aids and printing through the real window: import a pasted 范文 (preview with
//! notes first), fill a placeholder, apply a one-click fix, tick last year's plan, print to the
//! cups-pdf queue. The 范文 below is our own text in the shape the web's have (placeholders,
//! web junk, half-width punctuation).

use e2e::{wait_true, App, Res};
use std::time::{Duration, Instant};

const PASTED: &str = "某某镇2023年政务公开工作总结
来源：某某网  发布时间：2023-12-01  浏览次数：XX
今年以来，我镇坚持以公开促落实,全年共发布信息X条。
一、主要做法
（一）加强组织领导
镇党委专题研究政务公开工作XX次,明确分管领导,落实专人负责。
（二）规范公开内容
及时公开财政预决算、重大项目等信息。
二、存在的问题
公开内容还不够全面。
三、下一步工作打算
（一）加强培训，提高信息发布质量。
（二）拓展渠道，办好政务公开栏。
";

#[tokio::test(flavor = "multi_thread")]
async fn import_fill_fix_next_year() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.click("#b-import").await?;
    app.set_value("#i-text", PASTED).await?;
    app.set_value("#i-unit", "双河镇人民政府").await?;
    app.click("#i-run").await?;
    // The cleaned result and what was removed are shown before anything is created.
    app.wait("#i-accept").await?;
    // What the import removed (the site's chrome) is shown in the preview, lines or notes.
    let removed = app
        .js(
            "const r = document.querySelector('#i-result'); return r.textContent + [...r.querySelectorAll('input, textarea')].map(e => e.value).join('\\n');",
            vec![],
        )
        .await?;
    let removed = removed.as_str().unwrap_or_default();
    assert!(
        removed.contains("浏览次数") || removed.contains("来源"),
        "{removed}"
    );
    app.shot("20-import-preview").await?;
    let before = app
        .js(
            "return document.querySelectorAll('#reports tr').length",
            vec![],
        )
        .await?;
    assert_eq!(before, 0, "nothing is created before 采用");
    app.click("#i-accept").await?;
    app.wait("#step-body[data-step='1']").await?;

    // Unfilled placeholders are errors: exporting asks first, and 先去修改 writes nothing.
    app.click("#b-top-docx").await?;
    app.wait_text(".dialog", "仍要导出吗").await?;
    app.shot("20b-export-asks").await?;
    app.click("#ask-no").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        std::fs::read_dir(save.path())?.count(),
        0,
        "nothing exported"
    );

    // 5 检查: fill the first placeholder; the list is read again and has one fewer.
    app.step(5).await?;
    let head = app.text("#placeholders h3").await?;
    let n: usize = head
        .trim_start_matches("待填项（")
        .trim_end_matches('）')
        .parse()?;
    assert!(n >= 2, "{head}");
    app.shot("21-check-before").await?;
    app.type_into("#ph-0", "36").await?;
    app.click("#placeholders .ph-fill").await?;
    app.wait_text("#placeholders h3", &format!("待填项（{}）", n - 1))
        .await?;
    app.step(2).await?;
    let opening = app.value("#f-opening").await?;
    assert!(opening.contains("36"));
    // The import made the 范文's commas full-width; the clerk types a half-width one again.
    let typed = format!(
        "{}同时,加强宣传,扩大覆盖面。",
        opening.replacen("落实，", "落实,", 1)
    );
    app.set_value("#f-opening", &typed).await?;

    // A one-click fix (the half-width comma) changes the text.
    app.step(5).await?;
    app.wait("#findings").await?;
    let fix = app
        .js("const b=[...document.querySelectorAll('#findings .fix')].find(b=>b.textContent.includes('，')); if(b){b.click(); return true} return false", vec![])
        .await?;
    assert_eq!(fix, true, "a fix for the half-width comma is offered");
    app.wait_text("#toast", "已修正").await?;
    app.step(2).await?;
    let opening = app.value("#f-opening").await?;
    assert!(
        opening.contains("落实，") && opening.matches(',').count() == 2,
        "{opening}"
    );

    // The rest in one go; a version is kept first, so it can be undone.
    app.step(5).await?;
    app.click("#b-fix-all").await?;
    app.click("#ask-yes").await?;
    app.wait_text("#toast", "已修正 2 处").await?;
    app.wait("#step-body[data-step='5']").await?;
    assert_eq!(
        app.js(
            "return document.querySelectorAll('#findings .fix').length",
            vec![]
        )
        .await?,
        0
    );
    app.click("#b-versions").await?;
    app.wait_text("#versions", "全部一键修正之前").await?;
    app.click("#versions .actions button").await?;

    // New from last year: its plans become the checklist beside 正文.
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    app.click("#reports button[title^='以本报告为底稿']")
        .await?;
    // 下一年度 opens the new report.
    app.wait("#step-body[data-step='1']").await?;
    assert_eq!(app.value("#f-year").await?, "2024");
    app.step(3).await?;
    app.wait_text("#carry", "加强培训").await?;
    app.click("#carry input[type=checkbox]").await?;
    app.shot("22-next-year-checklist").await?;
    app.quit().await?;
    Ok(())
}

/// The report list: rename, duplicate, delete to the 回收站 and restore; the word list on the
/// settings page changes what the checks find.
#[tokio::test(flavor = "multi_thread")]
async fn list_operations_and_word_list() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.click("#b-new").await?;
    app.type_into("#n-unit", "双河镇人民政府").await?;
    app.click("#n-create").await?;
    app.step(2).await?;
    app.type_into("#f-opening", "全镇推行村务公开栏目规范化。")
        .await?;
    app.saved().await?;
    app.click("#b-back").await?;

    // 改名: an inline field, Enter keeps it.
    app.click("#reports .row-actions button:nth-child(2)")
        .await?;
    app.wait("#reports td.title input").await?;
    app.js(
        "document.querySelector('#reports td.title input').value = arguments[0]",
        vec!["双河镇2024年村务公开工作总结".into()],
    )
    .await?;
    app.wait("#reports td.title input")
        .await?
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await?;
    app.wait_text("#reports", "双河镇2024年村务公开工作总结")
        .await?;
    // 复制
    app.click("#reports .row-actions button:nth-child(3)")
        .await?;
    app.wait_text("#reports", "（副本）").await?;
    let rows = "return document.querySelectorAll('#reports tr[data-id]').length";
    assert_eq!(app.js(rows, vec![]).await?, 2);
    // 删除 → 回收站 → 恢复
    app.js("[...document.querySelectorAll('#reports tr[data-id]')].find(r=>r.textContent.includes('副本')).querySelector('button.danger').click()", vec![]).await?;
    app.wait_text("#toast", "回收站").await?;
    wait_true(
        &app,
        "return document.querySelectorAll('#reports tr[data-id]').length === 1",
    )
    .await?;
    app.click("#b-trash").await?;
    app.wait_text("#reports", "（副本）").await?;
    app.shot("24-trash").await?;
    app.click("#reports .row-actions button").await?;
    app.wait_text("#toast", "已从回收站恢复").await?;
    app.click("#b-list").await?;
    wait_true(
        &app,
        "return document.querySelectorAll('#reports tr[data-id]').length === 2",
    )
    .await?;

    // A word of the clerk's own is found by the checks; removing it stops that.
    app.click("#b-settings").await?;
    app.type_into("#w-wrong", "村务公开栏目").await?;
    app.type_into("#w-right", "村务公开栏").await?;
    app.click("#w-add").await?;
    app.wait_text("#words", "村务公开栏目").await?;
    app.shot("25-settings-words").await?;
    app.click("#b-back").await?;
    app.click("#reports tr[data-id] td.title a").await?;
    app.wait("#step-body[data-step]").await?;
    app.step(5).await?;
    app.wait_text("#findings", "村务公开栏目").await?;
    app.quit().await?;
    Ok(())
}

/// Prints through CUPS to the cups-pdf queue `PDF` (scripts/test creates it) and waits for the
/// printed file in ~/PDF.
#[tokio::test(flavor = "multi_thread")]
async fn prints_to_the_cups_pdf_queue() -> Res<()> {
    let queues = std::process::Command::new("lpstat").arg("-e").output()?;
    assert!(
        String::from_utf8_lossy(&queues.stdout)
            .lines()
            .any(|l| l == "PDF"),
        "no CUPS queue PDF: run scripts/test, which starts cupsd and adds the cups-pdf printer"
    );
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.click("#b-new").await?;
    app.type_into("#n-unit", "双河镇人民政府").await?;
    app.click("#n-create").await?;
    app.step(2).await?;
    app.type_into("#f-opening", "打印测试的导语。").await?;
    app.saved().await?;
    // Ctrl+P opens the print panel.
    app.js(
        "document.dispatchEvent(new KeyboardEvent('keydown',{key:'p',ctrlKey:true,bubbles:true}))",
        vec![],
    )
    .await?;
    app.wait("#p-printer").await?;
    assert!(app.text("#p-printer").await?.contains("PDF"));
    app.set_value("#p-copies", "2").await?;
    app.shot("23-print-panel").await?;
    app.click("#p-go").await?;
    let toast = app.wait_text("#toast", "已发送").await?;
    let job = toast
        .split("任务 ")
        .nth(1)
        .and_then(|s| s.split('）').next())
        .unwrap_or("")
        .to_string();
    let n = job.rsplit('-').next().unwrap_or("").to_string();
    assert!(!n.is_empty(), "{toast}");
    let dir = std::path::PathBuf::from(std::env::var("HOME")?).join("PDF");
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(&dir).ok().and_then(|rd| {
            rd.flatten().find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with(&format!("job_{n}.pdf"))
            })
        });
        // cups-pdf creates the file, then writes it: wait for a whole PDF, not the first bytes.
        if let Some(e) = found {
            let b = std::fs::read(e.path())?;
            if b.starts_with(b"%PDF-") && b.windows(5).any(|w| w == b"%%EOF") {
                break;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "job {job} never came out of cups-pdf in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    app.quit().await?;
    Ok(())
}

/// A machine without printers: the print panel says so instead of failing silently.
#[tokio::test(flavor = "multi_thread")]
async fn says_when_there_is_no_printer() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    // An lpstat that answers as CUPS does with no queue, first on the app's PATH.
    let bin = tempfile::tempdir()?;
    let lpstat = bin.path().join("lpstat");
    std::fs::write(
        &lpstat,
        "#!/bin/sh\necho 'lpstat: No destinations added.' >&2\nexit 1\n",
    )?;
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&lpstat)
        .status()?;
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH")?);
    let app = App::launch_with(data.path(), save.path(), &[("PATH", path)]).await?;
    app.new_report("双河镇人民政府").await?;
    app.js(
        "document.dispatchEvent(new KeyboardEvent('keydown',{key:'p',ctrlKey:true,bubbles:true}))",
        vec![],
    )
    .await?;
    app.wait_text("#no-printer", "还没有可用的打印机").await?;
    app.shot("26-no-printer").await?;
    app.quit().await?;
    Ok(())
}

/// 页码样式: the default chosen in 设置 is what a new report starts with, and a report's own
/// choice in 附件与落款 is saved with it.
#[tokio::test(flavor = "multi_thread")]
async fn page_number_style_from_settings_to_the_report() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.click("#b-settings").await?;
    assert_eq!(app.value("#s-pn-position").await?, "national");
    app.set_value("#s-pn-position", "center").await?;
    app.wait_text("#toast", "已保存默认页码样式").await?;
    app.click("#s-pn-first").await?;
    wait_true(
        &app,
        "return !document.getElementById('s-pn-first').checked",
    )
    .await?;
    app.shot("26-settings-page-numbers").await?;
    app.click("#b-back").await?;

    app.new_report("双河镇人民政府").await?;
    app.step(4).await?;
    assert_eq!(app.value("#f-pn-position").await?, "center");
    assert_eq!(
        app.js(
            "return document.getElementById('f-pn-first').checked",
            vec![]
        )
        .await?,
        false
    );
    app.set_value("#f-pn-dash", "hyphen").await?;
    app.saved().await?;
    app.shot("27-closing-page-numbers").await?;
    // Reopened, the report keeps its own style.
    app.click("#b-back").await?;
    app.click("#reports tr[data-id] td.title a").await?;
    app.wait("#step-body[data-step='4']").await?;
    assert_eq!(app.value("#f-pn-dash").await?, "hyphen");
    assert_eq!(app.value("#f-pn-position").await?, "center");
    app.quit().await?;
    Ok(())
}
