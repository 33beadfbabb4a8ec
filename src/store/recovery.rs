//! Start-up with care, shared by the app and the CLI: log, check, recover, back up.
//!
//! 1. The database is checked ([`super::backup::CHECK_PRAGMA`]) read-only.
//! 2. A damaged one is moved aside — `gongwen.db.corrupt-<time>` with its `-wal`/`-shm`,
//!    never deleted — and the newest backup that passes the same check takes its place
//!    (none: a new empty database). The clerk is told, in Chinese, in [`StartupReport`].
//! 3. The day's first start makes the daily backup (before any migration) and prunes old
//!    ones; a failed backup is reported but does not stop the clerk from working. A new,
//!    empty database has nothing to back up.
//! 4. The database is opened (migrations; a newer schema is refused untouched).

use super::backup::{self, Health};
use super::{db_err, local_now, schema, Store, DB_FILE};
use crate::error::{Error, Result};
use crate::log;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What happened on start, for the app's notice and the CLI's stderr.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StartupReport {
    /// Sentences for the clerk, in Chinese; empty on an ordinary start.
    pub notices: Vec<String>,
    /// Where a damaged database was moved (it is kept, never deleted).
    pub moved_aside: Option<PathBuf>,
    /// The backup (file name in `backups/`) the database was restored from.
    pub restored_from: Option<String>,
    /// The daily backup made on this start (file name), if one was due.
    pub backup_made: Option<String>,
    /// Why the daily backup failed (Chinese), if it did.
    pub backup_error: Option<String>,
}

/// Opens the store in `data_dir` the careful way (see the module note). Errors only when
/// the database cannot be opened at all (unreadable folder, newer schema, disk full while
/// recovering); a damaged database is not an error but a recovery, reported in
/// [`StartupReport::notices`].
pub fn open_with_care(data_dir: &Path) -> Result<(Store, StartupReport)> {
    std::fs::create_dir_all(data_dir).map_err(|e| Error::io("创建数据文件夹", data_dir, &e))?;
    log::init(data_dir);
    log::info("start", &format!("gongwen {}", env!("CARGO_PKG_VERSION")));
    backup::remove_stale_temps(data_dir);
    let db = data_dir.join(DB_FILE);
    let mut report = StartupReport::default();

    if db.exists() {
        let (health, version) =
            backup::check_file(&db).inspect_err(|e| log::failure("check", e))?;
        if let Health::Corrupt(why) = health {
            log::error("check", &format!("database damaged: {why}"));
            recover(data_dir, &db, &mut report)?;
        } else {
            log::info("check", &format!("{} ok", backup::CHECK_PRAGMA));
        }
        // Today's backup is made before the database is opened for writing, so that it
        // also holds the state before a schema upgrade. A newer database is left alone
        // (opening refuses it below).
        if version <= schema::LATEST {
            backup_before_opening(data_dir, &db, &mut report);
        }
    } else if data_dir.join(format!("{DB_FILE}-wal")).exists() {
        // A WAL without its database: SQLite would replay it onto the new empty file. It is
        // kept aside instead, like a damaged database.
        let stamp = local_now("%Y%m%d-%H%M%S");
        report.moved_aside = Some(move_aside(&db, &stamp)?);
        log::warn("start", "orphaned WAL moved aside");
    }
    if !db.exists() && !backup::list_backups(data_dir)?.is_empty() {
        // Backups but no database: deleted or moved by hand. Start empty, point at backups.
        log::warn("start", "database missing while backups exist");
        report.notices.push(
            "数据文件夹中没有找到数据库，已新建一个空的数据库。如需找回以前的报告，可从备份恢复（命令行：gongwen backups、gongwen restore-backup 备份名）。".into(),
        );
    }

    let store = Store::open_file(&db).inspect_err(|e| log::failure("open", e))?;
    Ok((store, report))
}

/// The daily backup from a read-only connection; a failure is told, not fatal.
fn backup_before_opening(data_dir: &Path, db: &Path, report: &mut StartupReport) {
    let made = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| db_err("备份数据库", e))
        .and_then(|conn| backup::daily_backup(&conn, data_dir, None));
    match made {
        Ok(made) => report.backup_made = made,
        Err(e) => {
            log::failure("backup", &e);
            report.notices.push(format!(
                "今天的自动备份未能完成（{}）；报告照常可以编辑，下次启动时会再试。",
                e.message.trim_end_matches('。')
            ));
            report.backup_error = Some(e.message);
        }
    }
}

/// Moves the damaged database aside and puts the newest good backup in its place.
fn recover(data_dir: &Path, db: &Path, report: &mut StartupReport) -> Result<()> {
    let stamp = local_now("%Y%m%d-%H%M%S");
    // The backup is copied and synced first, so that between moving the damaged file away
    // and renaming the copy into place there is nothing left to fail or be killed in.
    let good = backup::newest_good(data_dir)?;
    let staged = match &good {
        Some(b) => Some(backup::stage_file(&b.path, db)?),
        None => None,
    };
    let aside = move_aside(db, &stamp)?;
    log::warn("recovery", "damaged database moved aside");
    let aside_name = aside
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    report.moved_aside = Some(aside);
    match good.zip(staged) {
        Some((b, staged)) => {
            staged.install(db)?;
            log::info("recovery", &format!("restored {}", b.name));
            report.notices.push(format!(
                "数据库文件已损坏，已原样移到数据文件夹中的“{aside_name}”（没有删除），并从 {} 的备份（{}）恢复了报告；该备份之后所做的修改未能恢复，请核对最近编辑的报告。",
                b.when, b.name
            ));
            report.restored_from = Some(b.name);
        }
        None => {
            log::warn("recovery", "no usable backup; starting empty");
            report.notices.push(format!(
                "数据库文件已损坏，已原样移到数据文件夹中的“{aside_name}”（没有删除）；没有可用的备份，已新建一个空的数据库。请联系技术人员尝试从损坏的文件中找回报告。"
            ));
        }
    }
    Ok(())
}

/// `gongwen.db` → `gongwen.db.corrupt-<stamp>`, with `-wal` and `-shm` renamed alongside so
/// that SQLite still reads the three together. Returns the new path of the main file.
fn move_aside(db: &Path, stamp: &str) -> Result<PathBuf> {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DB_FILE.to_string());
    let dir = db.parent().unwrap_or(Path::new("."));
    let mut base = format!("{name}.corrupt-{stamp}");
    // Two recoveries in one second must not overwrite the first one's files.
    let mut n = 1;
    while dir.join(&base).exists() {
        n += 1;
        base = format!("{name}.corrupt-{stamp}-{n}");
    }
    // The WAL first: a main file without its WAL is still a database, a WAL alone is not.
    for suffix in ["-wal", "-shm", ""] {
        let from = dir.join(format!("{name}{suffix}"));
        if from.exists() {
            let to = dir.join(format!("{base}{suffix}"));
            std::fs::rename(&from, &to).map_err(|e| Error::io("移走损坏的数据库", &from, &e))?;
        }
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(dir.join(base))
}
