//! Backups of the whole database in `<data dir>/backups/`:
//! - `gongwen-YYYY-MM-DD.db`: the daily copy made on the first start of a day, by
//!   `VACUUM INTO` a temporary name, synced, then renamed (a half-made copy never carries a
//!   backup's name). Kept: the newest of each of the last 7 days that have a backup, plus the
//!   newest of each of the last 4 weeks that have one (at most 11 files, about a month back).
//! - `gongwen-before-restore-YYYYMMDD-HHMMSS.db`: the state just before the clerk restored a
//!   backup, so that a restore can itself be undone. Never pruned (a restore is rare).
//!
//! A backup is checked before it is used; the database is never overwritten by one without
//! first keeping a copy of what it held.

use super::{db_err, local_now, migrate, schema, user_version, Store};
use crate::error::{Error, ErrorKind, Result};
use crate::log;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const BACKUP_DIR: &str = "backups";
const DAILY_PREFIX: &str = "gongwen-";
const BEFORE_RESTORE_PREFIX: &str = "gongwen-before-restore-";
/// Temporary names of copies being made; a leftover (the process was killed) is removed
/// on a later start.
pub(crate) const TEMP_PREFIX: &str = ".gongwen-backup-";
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// 每日自动备份
    Daily,
    /// 恢复备份前自动保存的当时状态
    BeforeRestore,
}

impl BackupKind {
    pub fn label(&self) -> &'static str {
        match self {
            BackupKind::Daily => "每日自动备份",
            BackupKind::BeforeRestore => "恢复前的数据",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// File name, e.g. `gongwen-2026-11-21.db`: what `restore-backup` takes.
    pub name: String,
    pub path: PathBuf,
    pub kind: BackupKind,
    /// `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` for a before-restore copy.
    pub when: String,
    pub bytes: u64,
}

pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// `YYYY-MM-DD` of a daily backup's name.
fn daily_date(name: &str) -> Option<&str> {
    let d = name.strip_prefix(DAILY_PREFIX)?.strip_suffix(".db")?;
    parse_date(d).map(|_| d)
}

/// A real day written exactly `YYYY-MM-DD`.
fn parse_date(d: &str) -> Option<jiff::civil::Date> {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    d.parse().ok()
}

/// `YYYYMMDD-HHMMSS` → `YYYY-MM-DD HH:MM:SS`.
fn stamp_display(s: &str) -> Option<String> {
    let ok = s.len() == 15
        && s.as_bytes()[8] == b'-'
        && s.bytes()
            .enumerate()
            .all(|(i, c)| i == 8 || c.is_ascii_digit());
    ok.then(|| {
        format!(
            "{}-{}-{} {}:{}:{}",
            &s[0..4],
            &s[4..6],
            &s[6..8],
            &s[9..11],
            &s[11..13],
            &s[13..15]
        )
    })
}

fn classify(name: &str) -> Option<(BackupKind, String)> {
    if let Some(s) = name
        .strip_prefix(BEFORE_RESTORE_PREFIX)
        .and_then(|s| s.strip_suffix(".db"))
    {
        // `-2`, `-3` … when two restores fell in one second.
        let base = match s.get(15..) {
            Some(rest)
                if rest.len() > 1
                    && rest
                        .get(1..)
                        .is_some_and(|n| n.bytes().all(|c| c.is_ascii_digit())) =>
            {
                rest.starts_with('-').then(|| &s[..15])?
            }
            _ => s,
        };
        return stamp_display(base).map(|w| (BackupKind::BeforeRestore, w));
    }
    daily_date(name).map(|d| (BackupKind::Daily, d.to_string()))
}

/// The backups in `data_dir`, newest first. A missing folder is an empty list.
pub fn list_backups(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("读取备份文件夹", &dir, &e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, when)) = classify(&name) else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(BackupInfo {
            path: entry.path(),
            name,
            kind,
            when,
            bytes,
        });
    }
    // Newest first (a before-restore copy, stamped with its time, before the daily copy of
    // its day).
    out.sort_by(|a, b| b.when.cmp(&a.when).then(b.name.cmp(&a.name)));
    Ok(out)
}

/// The daily backups to keep among `dates` (`YYYY-MM-DD`): the newest of each of the last
/// [`KEEP_DAILY`] days and of each of the last [`KEEP_WEEKLY`] weeks (Monday to Sunday).
pub fn retained(dates: &[String]) -> BTreeSet<String> {
    let mut sorted: Vec<(jiff::civil::Date, &String)> = dates
        .iter()
        .filter_map(|d| parse_date(d).map(|day| (day, d)))
        .collect();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.dedup();
    let mut keep = BTreeSet::new();
    // One file per day, so the newest 7 are the daily ones.
    keep.extend(sorted.iter().take(KEEP_DAILY).map(|(_, d)| (*d).clone()));
    // ISO weeks run Monday to Sunday.
    let mut weeks = BTreeSet::new();
    for (day, d) in &sorted {
        let iso = day.iso_week_date();
        let week = (iso.year(), iso.week());
        if weeks.len() == KEEP_WEEKLY && !weeks.contains(&week) {
            break;
        }
        if weeks.insert(week) {
            keep.insert((*d).clone());
        }
    }
    keep
}

/// Removes daily backups that [`retained`] does not keep; returns their names.
pub fn prune(data_dir: &Path) -> Result<Vec<String>> {
    let all = list_backups(data_dir)?;
    let dates: Vec<String> = all
        .iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .map(|b| b.when.clone())
        .collect();
    let keep = retained(&dates);
    let mut removed = Vec::new();
    for b in all {
        if b.kind == BackupKind::Daily && !keep.contains(&b.when) {
            std::fs::remove_file(&b.path).map_err(|e| Error::io("清理旧备份", &b.path, &e))?;
            removed.push(b.name);
        }
    }
    Ok(removed)
}

/// Removes leftover temporary copies (of a process killed while copying) older than a
/// minute; a younger one may belong to another process copying right now.
pub(crate) fn remove_stale_temps(data_dir: &Path) {
    let entries = [data_dir.to_path_buf(), backup_dir(data_dir)]
        .into_iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten();
    for e in entries.flatten() {
        let stale = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 60);
        if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && stale
            && std::fs::remove_file(e.path()).is_ok()
        {
            log::info("backup", "removed a stale temporary copy");
        }
    }
}

fn sync_dir(dir: &Path) {
    // Makes a rename durable; not supported everywhere (Windows), hence best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A consistent copy of the database open in `conn` at `target`: `VACUUM INTO` a temporary
/// name in the same folder, synced, renamed. An existing `target` is replaced.
pub(crate) fn copy_into(conn: &Connection, target: &Path) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("创建备份文件夹", dir, &e))?;
    let tmp = dir.join(format!(
        "{TEMP_PREFIX}{}-{}.tmp",
        std::process::id(),
        super::now_ms()
    ));
    let tmp_str = tmp.to_str().ok_or_else(|| {
        Error::storage(
            "备份失败：数据文件夹的路径含有系统不支持的字符。",
            "backup path not UTF-8",
        )
    })?;
    let result = conn
        .execute("VACUUM INTO ?1", [tmp_str])
        .map_err(|e| db_err("备份数据库", e))
        .and_then(|_| {
            let f = std::fs::File::open(&tmp).map_err(|e| Error::io("备份数据库", &tmp, &e))?;
            f.sync_all()
                .map_err(|e| Error::io("备份数据库", &tmp, &e))?;
            std::fs::rename(&tmp, target).map_err(|e| Error::io("备份数据库", target, &e))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

/// What an integrity check of a database file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Good,
    /// Damaged: SQLite's own words (English), for the log.
    Corrupt(String),
}

/// The check run on start and on every backup before it is used. `PRAGMA quick_check`
/// verifies every page, b-tree and record (what a torn or garbage-overwritten page
/// breaks); unlike `integrity_check` it does not cross-check index entries against their
/// rows, which is O(N log N) and does not find damage of that kind (see docs/reliability.md
/// for the measured cost).
pub const CHECK_PRAGMA: &str = "quick_check";

/// Runs [`CHECK_PRAGMA`] on `conn`. A SQLite error that says "corrupt"/"not a database" is
/// a finding; any other error (locked, unreadable) is returned as an error, because a
/// database that merely cannot be read now must not be treated as damaged.
pub fn check_connection(conn: &Connection) -> Result<Health> {
    let rows: rusqlite::Result<Vec<String>> = conn
        .prepare(&format!("PRAGMA {CHECK_PRAGMA}"))
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect());
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(Health::Good),
        Ok(rows) => Ok(Health::Corrupt(rows.join("; "))),
        Err(e) if is_corruption(&e) => Ok(Health::Corrupt(e.to_string())),
        Err(e) => Err(db_err("检查数据库", e)),
    }
}

pub(crate) fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase)
    )
}

/// Checks a database file, opened read-only. Also reads its schema version so that a
/// header too damaged to read counts as corrupt.
pub fn check_file(path: &Path) -> Result<(Health, u32)> {
    let conn = match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(c) => c,
        Err(e) if is_corruption(&e) => return Ok((Health::Corrupt(e.to_string()), 0)),
        Err(e) => return Err(db_err("检查数据库", e)),
    };
    let version = match conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0)) {
        Ok(v) => v,
        Err(e) if is_corruption(&e) => return Ok((Health::Corrupt(e.to_string()), 0)),
        Err(e) => return Err(db_err("检查数据库", e)),
    };
    Ok((check_connection(&conn)?, version))
}

/// A backup checked good and readable by this gongwen, or why not (in Chinese).
fn usable(b: &BackupInfo) -> std::result::Result<(), String> {
    match check_file(&b.path) {
        Ok((Health::Good, v)) if v <= schema::LATEST => Ok(()),
        Ok((Health::Good, _)) => Err("它由更新版本的公文写作台创建".into()),
        Ok((Health::Corrupt(_), _)) => Err("该备份文件也已损坏".into()),
        Err(e) => Err(e.message),
    }
}

/// The newest backup that passes the check, for recovery on start. Daily copies first: a
/// before-restore copy holds a state the clerk chose to leave.
pub(crate) fn newest_good(data_dir: &Path) -> Result<Option<BackupInfo>> {
    let mut all = list_backups(data_dir)?;
    all.sort_by_key(|b| b.kind != BackupKind::Daily);
    for b in all {
        match usable(&b) {
            Ok(()) => return Ok(Some(b)),
            Err(why) => log::warn("recovery", &format!("backup skipped ({}): {why}", b.name)),
        }
    }
    Ok(None)
}

/// Copies a backup file to `db` (a temporary name, synced, renamed).
/// A backup copied, synced, beside `db` under a temporary name: ready to be renamed into
/// place by [`Staged::install`] the moment the damaged file has been moved aside.
pub(crate) struct Staged {
    tmp: PathBuf,
}

pub(crate) fn stage_file(backup: &Path, db: &Path) -> Result<Staged> {
    let dir = db.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!("{TEMP_PREFIX}restore-{}.tmp", std::process::id()));
    let result = std::fs::copy(backup, &tmp).and_then(|_| std::fs::File::open(&tmp)?.sync_all());
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io("从备份恢复", db, &e));
    }
    Ok(Staged { tmp })
}

impl Staged {
    pub(crate) fn install(self, db: &Path) -> Result<()> {
        std::fs::rename(&self.tmp, db).map_err(|e| Error::io("从备份恢复", db, &e))?;
        sync_dir(db.parent().unwrap_or(Path::new(".")));
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Not installed (an error came first): no copy is left lying about.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Makes the daily backup of the database open in `conn` (read-only is enough) unless one
/// exists for `date` (default: today, local time); returns its name when made. Then prunes.
pub(crate) fn daily_backup(
    conn: &Connection,
    data_dir: &Path,
    date: Option<&str>,
) -> Result<Option<String>> {
    let date = match date {
        Some(d) => d.to_string(),
        None => local_now("%Y-%m-%d"),
    };
    if parse_date(&date).is_none() {
        return Err(Error::input(format!(
            "“{date}”不是 YYYY-MM-DD 格式的日期。"
        )));
    }
    let name = format!("{DAILY_PREFIX}{date}.db");
    let target = backup_dir(data_dir).join(&name);
    if target.exists() {
        return Ok(None);
    }
    copy_into(conn, &target)?;
    log::info("backup", &format!("made {name}"));
    for old in prune(data_dir)? {
        log::info("backup", &format!("pruned {old}"));
    }
    Ok(Some(name))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreOutcome {
    /// The backup restored.
    pub restored: String,
    /// Where the state before the restore was kept (a name in `backups/`).
    pub kept_as: String,
}

impl Store {
    fn data_dir(&self) -> PathBuf {
        self.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Makes today's backup unless one exists; returns its name when one was made, then
    /// prunes old ones. The app may call this now and then while it stays open for days.
    pub fn daily_backup_if_due(&self) -> Result<Option<String>> {
        daily_backup(&self.conn, &self.data_dir(), None)
    }

    /// [`Store::daily_backup_if_due`] for a given date (`YYYY-MM-DD`); tests use it to
    /// simulate many days.
    pub fn daily_backup_for(&self, date: &str) -> Result<Option<String>> {
        daily_backup(&self.conn, &self.data_dir(), Some(date))
    }

    /// Replaces the whole database with the backup `name` (as listed by [`list_backups`]),
    /// after keeping the current state as a `gongwen-before-restore-…` backup. Works on the
    /// open database (SQLite's backup API), so the app need not close anything; other
    /// connections see the restored data on their next read.
    pub fn restore_backup(&mut self, name: &str) -> Result<RestoreOutcome> {
        let data_dir = self.data_dir();
        let backup = list_backups(&data_dir)?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| {
                Error::not_found(format!(
                    "找不到名为“{name}”的备份，请用 gongwen backups 查看可用的备份。"
                ))
            })?;
        usable(&backup).map_err(|why| {
            Error::new(
                ErrorKind::Input,
                format!("不能从备份“{name}”恢复：{why}。数据库未作任何改动。"),
                format!("backup {name} unusable"),
            )
        })?;
        let stamp = local_now("%Y%m%d-%H%M%S");
        let mut kept_as = format!("{BEFORE_RESTORE_PREFIX}{stamp}.db");
        // Never over an earlier copy (it may be the very backup being restored).
        let mut n = 1;
        while backup_dir(&data_dir).join(&kept_as).exists() {
            n += 1;
            kept_as = format!("{BEFORE_RESTORE_PREFIX}{stamp}-{n}.db");
        }
        copy_into(&self.conn, &backup_dir(&data_dir).join(&kept_as)).map_err(|e| {
            Error::new(
                e.kind,
                format!("恢复前保存当前数据失败，未进行恢复：{}", e.message),
                e.cause,
            )
        })?;
        let src = Connection::open_with_flags(&backup.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| db_err("从备份恢复", e))?;
        {
            let b = rusqlite::backup::Backup::new(&src, &mut self.conn)
                .map_err(|e| db_err("从备份恢复", e))?;
            // All pages in one step; another connection writing meanwhile makes SQLite
            // answer busy/locked: retried for up to 5 s, as the store's busy timeout.
            let mut tries = 0;
            loop {
                use rusqlite::backup::StepResult;
                match b.step(-1).map_err(|e| db_err("从备份恢复", e))? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if tries < 500 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(10));
                    }
                    _ => {
                        return Err(Error::storage(
                            "从备份恢复失败：数据库正被另一个程序占用，请关闭其他正在使用公文写作台的窗口后重试。",
                            "backup step busy",
                        ))
                    }
                }
            }
        }
        // A backup from an older gongwen is brought up to the current schema.
        if user_version(&self.conn)? < schema::LATEST {
            migrate(&mut self.conn)?;
        }
        log::info("restore", &format!("restored {name}, kept {kept_as}"));
        Ok(RestoreOutcome {
            restored: name.to_string(),
            kept_as,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(from: (i16, i8, i8), n: i64) -> Vec<String> {
        let start = jiff::civil::date(from.0, from.1, from.2);
        (0..n)
            .map(|i| {
                start
                    .checked_add(jiff::Span::new().days(i))
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn keeps_seven_days_and_four_weeks() {
        // 60 consecutive days ending on Saturday 2026-11-21.
        let all = days((2026, 9, 23), 60);
        assert_eq!(all.last().unwrap(), "2026-11-21");
        let keep: Vec<String> = retained(&all).into_iter().collect();
        assert_eq!(
            keep,
            [
                // the newest (Sunday) of each of the 3 earlier weeks
                "2026-11-01",
                "2026-11-08",
                "2026-11-15",
                // the last 7 days (this week's newest is 11-21)
                "2026-11-16",
                "2026-11-17",
                "2026-11-18",
                "2026-11-19",
                "2026-11-20",
                "2026-11-21",
            ]
            .map(String::from)
        );
    }

    #[test]
    fn sparse_use_keeps_older_weeks() {
        // A clerk who opens the app once a week: 7 daily copies reach back 7 weeks.
        let all: Vec<String> = (0..12)
            .map(|w| days((2026, 1, 5), 7 * 12)[w * 7].clone())
            .collect();
        assert_eq!(retained(&all).len(), KEEP_DAILY);
        assert!(retained(&all).contains("2026-03-23"));
    }

    #[test]
    fn names_are_recognised_strictly() {
        assert!(classify("gongwen-2026-11-21.db").is_some());
        assert_eq!(
            classify("gongwen-before-restore-20261121-183000.db").unwrap(),
            (BackupKind::BeforeRestore, "2026-11-21 18:30:00".to_string())
        );
        assert_eq!(
            classify("gongwen-before-restore-20261121-183000-2.db").unwrap(),
            (BackupKind::BeforeRestore, "2026-11-21 18:30:00".to_string())
        );
        for bad in [
            "gongwen-2026-13-01.db",
            "gongwen-2026-11-21.db-wal",
            "gongwen.db",
            ".gongwen-backup-1-2.tmp",
            "gongwen-before-restore-2026.db",
            "gongwen-before-restore-20261121-183000-.db",
            "gongwen-before-restore-20261121-183000x2.db",
            "gongwen-before-restore-20261121-183000报.db",
            "gongwen-２０２６-11-21.db",
        ] {
            assert!(classify(bad).is_none(), "{bad}");
        }
    }
}
