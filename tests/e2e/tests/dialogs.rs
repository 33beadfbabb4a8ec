//! The real GTK save dialog, without the test stand-in (GONGWEN_E2E_SAVE_DIR): the app opens
//! it from the Rust side with the proposed name, the clerk types a folder and presses Enter
//! (xdotool, as a keyboard would), and the export lands exactly there.

use e2e::{shots_dir, wait_file, App, Res};
use std::process::Command;
use std::time::{Duration, Instant};

/// Waits for a top-level window whose title is `title` (GTK sets it even without a window
/// manager) and returns its X id.
async fn window_named(title: &str) -> Res<String> {
    let start = Instant::now();
    loop {
        let out = Command::new("xdotool")
            .args(["search", "--name", &format!("^{title}$")])
            .output()?;
        let id = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(str::to_string);
        if let Some(id) = id {
            return Ok(id);
        }
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("no window “{title}” appeared").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn export_through_the_real_save_dialog() -> Res<()> {
    let data = tempfile::tempdir()?;
    let unused = tempfile::tempdir()?;
    let chosen = tempfile::tempdir()?;
    // An empty GONGWEN_E2E_SAVE_DIR means "no stand-in": the real dialog opens.
    let app = App::launch_with(
        data.path(),
        unused.path(),
        &[("GONGWEN_E2E_SAVE_DIR", String::new())],
    )
    .await?;
    app.new_report("青石镇人民政府").await?;
    app.click("#b-top-docx").await?;
    app.confirm_if_asked().await?;
    let dialog = window_named("导出 Word 文档").await?;
    // Let GTK draw the proposed name, then photograph the whole screen (the dialog is not
    // part of the web view's screenshot).
    tokio::time::sleep(Duration::from_millis(800)).await;
    Command::new("import")
        .args(["-window", "root"])
        .arg(shots_dir().join("60-save-dialog.png"))
        .status()?;
    let target = chosen.path().join("导出到这里.docx");
    Command::new("xdotool")
        .args(["windowfocus", "--sync", &dialog])
        .status()?;
    Command::new("xdotool").args(["key", "ctrl+a"]).status()?;
    Command::new("xdotool")
        .args(["type", "--delay", "10"])
        .arg(&target)
        .status()?;
    Command::new("xdotool").args(["key", "Return"]).status()?;
    app.wait_text("#export-done", "已导出").await?;
    let bytes = wait_file(&target).await?;
    assert!(bytes.starts_with(b"PK"), "not a DOCX package");
    assert_eq!(
        std::fs::read_dir(unused.path())?.count(),
        0,
        "the stand-in folder was not used"
    );
    app.quit().await?;
    Ok(())
}
