//! The clerk's reports in one SQLite file (`<data dir>/gongwen.db`), shared by the app and the
//! CLI. WAL mode; every edit is one transaction; paragraphs are rows of their own so that
//! saving one paragraph writes one row. Versioned by `PRAGMA user_version` with forward
//! migrations; a database from a newer gongwen is refused before anything is written.

pub mod backup;
mod carry;
mod font_names;
mod recovery;
mod reports;
mod schema;
mod sections;
mod settings;
mod versions;
mod wordlist;

pub use backup::{list_backups, BackupInfo, BackupKind, RestoreOutcome};
pub use carry::CarryItem;
pub use recovery::{open_with_care, StartupReport};
pub use reports::{ReportMeta, ReportSummary, STEPS};
pub use schema::LATEST as SCHEMA_VERSION;
pub use versions::{VersionInfo, VersionSaved};

use crate::error::{Error, ErrorKind, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Name of the SQLite database file in the data folder.
pub const DB_FILE: &str = "gongwen.db";

/// The data directory: an explicit choice (CLI flag), else `GONGWEN_DATA_DIR`, else the OS
/// data folder (`~/.local/share/gongwen` on Linux, `%APPDATA%\gongwen` on Windows).
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("GONGWEN_DATA_DIR").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("gongwen")).ok_or_else(|| {
        Error::storage(
            "找不到系统的数据文件夹，请用 --data-dir 指定。",
            "no data dir",
        )
    })
}

/// The SQLite database of one data folder: reports, versions, word list, settings, the carried
/// checklist. Every edit is one transaction; errors are `ErrorKind::Storage` (with a Chinese
/// reason: disk full, no permission, damaged file, busy) unless a method says otherwise.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Milliseconds since the Unix epoch: the store's timestamps.
pub(crate) fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

/// Local date and time now, in the system's time zone (TZ, else /etc/localtime, else UTC):
/// `fmt` is a `strftime` format (`%Y-%m-%d`, `%Y%m%d-%H%M%S`).
pub(crate) fn local_now(fmt: &str) -> String {
    jiff::Zoned::now().strftime(fmt).to_string()
}

/// A store timestamp (`ms` since the Unix epoch) as local time in `fmt` (`strftime`); empty
/// for a value outside the years 1–9999.
pub(crate) fn local_time(ms: i64, fmt: &str) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime(fmt)
                .to_string()
        })
        .unwrap_or_default()
}

/// Maps a SQLite error to a sentence for the clerk, by what went wrong.
pub(crate) fn db_err(action: &str, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let what = match e.sqlite_error_code() {
        Some(C::DiskFull) => "磁盘空间已满，请清理磁盘后重试",
        Some(C::ReadOnly) | Some(C::CannotOpen) | Some(C::PermissionDenied) => {
            "数据文件夹不可写或没有权限"
        }
        // The next start moves a damaged file aside and restores the newest backup.
        Some(C::DatabaseCorrupt) | Some(C::NotADatabase) => {
            "数据库文件已损坏或不是本程序的数据库，请关闭后重新打开公文写作台，程序会自动从备份恢复"
        }
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => "数据库正被另一个程序占用，请稍后重试",
        _ => "数据库出错",
    };
    let kind = if matches!(e, rusqlite::Error::QueryReturnedNoRows) {
        ErrorKind::NotFound
    } else {
        ErrorKind::Storage
    };
    Error::new(
        kind,
        format!("{action}失败：{what}。"),
        format!("{action}: {e}"),
    )
}

impl Store {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("创建数据文件夹", dir, &e))?;
        Store::open_file(&dir.join(DB_FILE))
    }

    /// Opens the database at `path`. An existing file is first inspected read-only, so a
    /// newer or foreign file is refused without being touched.
    pub fn open_file(path: &Path) -> Result<Store> {
        if path.exists() {
            let ro = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|e| db_err("打开数据库", e))?;
            let version = user_version(&ro)?;
            if version > schema::LATEST {
                return Err(Error::new(
                    ErrorKind::NewerSchema,
                    format!(
                        "数据库由更新版本的公文写作台创建（结构版本 {version}，本程序只认识到 {}），请升级程序后再打开；数据库未作任何改动。",
                        schema::LATEST
                    ),
                    format!("schema version {version} > {}", schema::LATEST),
                ));
            }
        }
        let mut conn = Connection::open(path).map_err(|e| db_err("打开数据库", e))?;
        // WAL: readers (the CLI) never block the app's writer. synchronous=FULL: a commit
        // is on disk when it returns, so "已保存" is true even across a power cut.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| db_err("打开数据库", e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| db_err("打开数据库", e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| db_err("打开数据库", e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| db_err("打开数据库", e))?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database (SQLite `user_version`); equals
    /// [`SCHEMA_VERSION`] after opening, which migrates forward.
    pub fn schema_version(&self) -> Result<u32> {
        user_version(&self.conn)
    }

    /// Total rows changed through this connection so far (tests use it to prove that an edit
    /// writes only what changed).
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Runs `f` in one transaction; nothing of it persists unless all of it succeeds.
    fn write<T>(
        &mut self,
        action: &str,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_err(action, e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| db_err(action, e))?;
        Ok(out)
    }
}

fn user_version(conn: &Connection) -> Result<u32> {
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))
        .map_err(|e| db_err("读取数据库", e))
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let from = user_version(conn)?;
    if from >= schema::LATEST {
        return Ok(());
    }
    let tx = conn.transaction().map_err(|e| db_err("升级数据库", e))?;
    for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql).map_err(|e| db_err("升级数据库", e))?;
        tx.pragma_update(None, "user_version", (i + 1) as u32)
            .map_err(|e| db_err("升级数据库", e))?;
    }
    tx.commit().map_err(|e| db_err("升级数据库", e))
}

#[cfg(test)]
mod tests;
