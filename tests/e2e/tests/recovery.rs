//! The app's start goes through the core's careful start: a damaged database is moved aside,
//! the newest good backup restored, and the clerk told so in Chinese — in the real window.

use e2e::{gongwen, App, Res};
use std::io::{Seek, SeekFrom, Write};

#[tokio::test(flavor = "multi_thread")]
async fn damaged_database_is_recovered_and_the_clerk_told() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    gongwen(
        data.path(),
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "恢复测试镇",
            "--year",
            "2024",
        ],
    )?;
    // A second start makes today's backup of the now existing database.
    gongwen(data.path(), &["list"])?;
    let backups = std::fs::read_dir(data.path().join("backups"))?.count();
    assert!(backups >= 1, "no daily backup was made");

    // Damage every page after the first, as a failing disk would.
    let db = data.path().join("gongwen.db");
    let len = std::fs::metadata(&db)?.len();
    let mut f = std::fs::OpenOptions::new().write(true).open(&db)?;
    f.seek(SeekFrom::Start(4096))?;
    f.write_all(&vec![0x5a; (len - 4096) as usize])?;
    f.sync_all()?;
    drop(f);

    let app = App::launch(data.path(), save.path()).await?;
    let toast = app.wait_text("#toast", "已损坏").await?;
    assert!(toast.contains("备份"), "{toast}");
    app.wait_text("#app", "恢复测试镇").await?;
    app.shot("40-recovered-database").await?;
    app.quit().await?;

    // The damaged file was kept, never deleted.
    let kept = std::fs::read_dir(data.path())?
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
    assert!(kept, "the damaged database was not kept");
    Ok(())
}
