//! Backups, the check on start, recovery of a damaged database, restore — in the core and
//! through the CLI. Damage is made the way a disk or a crash makes it: pages overwritten
//! with garbage.

use crate::cli_support::{files, gongwen};

use gongwen::fixtures::sample_report;
use gongwen::model::Report;
use gongwen::store::{self, list_backups, open_with_care, BackupKind, Store};
use gongwen::ErrorKind;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

fn report(unit: &str) -> Report {
    let mut r = sample_report(1);
    r.unit = unit.into();
    r.title = format!("{unit}2024年政务公开工作总结");
    r
}

fn units(s: &Store) -> Vec<String> {
    let mut u: Vec<String> = s.list().unwrap().into_iter().map(|r| r.unit).collect();
    u.sort();
    u
}

/// Overwrites every page after the first with garbage (`from_page` = 1), or the header
/// page too (`from_page` = 0). The store must be closed (its WAL checkpointed).
fn damage(db: &Path, from_page: u64) -> Vec<u8> {
    let len = std::fs::metadata(db).unwrap().len();
    assert!(len > 4096 * 2, "database too small to damage: {len}");
    let mut f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    f.seek(SeekFrom::Start(from_page * 4096)).unwrap();
    let mut x: u32 = 0x9E37_79B9;
    let garbage: Vec<u8> = (from_page * 4096..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    f.write_all(&garbage).unwrap();
    f.sync_all().unwrap();
    std::fs::read(db).unwrap()
}

/// A data dir whose database holds "甲镇" in its backup and "甲镇" + "乙镇" now.
fn data_with_backup() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join(store::DB_FILE);
    Store::open_dir(d.path())
        .unwrap()
        .create(&report("甲镇"))
        .unwrap();
    let (mut s, rep) = open_with_care(d.path()).unwrap();
    assert!(rep.backup_made.is_some(), "first start of the day backs up");
    assert!(rep.notices.is_empty(), "{:?}", rep.notices);
    s.create(&report("乙镇")).unwrap();
    drop(s);
    (d, db)
}

#[test]
fn first_start_of_a_day_backs_up_once() {
    let d = tempfile::tempdir().unwrap();
    let (mut s, rep) = open_with_care(d.path()).unwrap();
    assert_eq!(
        rep.backup_made, None,
        "a new empty database has nothing to back up"
    );
    s.create(&report("甲镇")).unwrap();
    drop(s);
    let (s, rep) = open_with_care(d.path()).unwrap();
    let name = rep.backup_made.clone().unwrap();
    assert!(
        name.starts_with("gongwen-") && name.ends_with(".db"),
        "{name}"
    );
    assert_eq!(s.daily_backup_if_due().unwrap(), None);
    drop(s);
    let (_s, rep) = open_with_care(d.path()).unwrap();
    assert_eq!(
        rep,
        store::StartupReport::default(),
        "third start: nothing to do"
    );
    let all = list_backups(d.path()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, name);
    assert_eq!(all[0].kind, BackupKind::Daily);
    // The backup is a complete database of its own, with the report in it.
    let (health, _) = store::backup::check_file(&all[0].path).unwrap();
    assert_eq!(health, store::backup::Health::Good);
    assert_eq!(units(&Store::open_file(&all[0].path).unwrap()), ["甲镇"]);
}

#[test]
fn the_daily_backup_holds_the_state_before_a_schema_upgrade() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join(store::DB_FILE);
    Store::open_dir(d.path())
        .unwrap()
        .create(&report("甲镇"))
        .unwrap();
    // Pretend the database was written by the first gongwen: undo every later migration
    // (a new migration adds its undo here).
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch(
        "DROP TABLE carry_items; DROP TABLE wordlist; DROP TABLE settings;
         ALTER TABLE reports DROP COLUMN subtitle; ALTER TABLE reports DROP COLUMN addressee;
         ALTER TABLE reports DROP COLUMN note; ALTER TABLE reports DROP COLUMN page_numbers;
         ALTER TABLE reports DROP COLUMN list_name; ALTER TABLE reports DROP COLUMN last_step;
         ALTER TABLE reports DROP COLUMN header; ALTER TABLE reports DROP COLUMN record;
         ALTER TABLE paragraphs DROP COLUMN tbl;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(c);
    let (s, rep) = open_with_care(d.path()).unwrap();
    assert_eq!(s.schema_version().unwrap(), store::SCHEMA_VERSION);
    let b = &list_backups(d.path()).unwrap()[0];
    assert_eq!(Some(b.name.clone()), rep.backup_made);
    let (_, version) = store::backup::check_file(&b.path).unwrap();
    assert_eq!(version, 1, "the backup is of the database as it was");
}

#[test]
fn damaged_database_is_moved_aside_and_the_newest_good_backup_restored() {
    for from_page in [1, 0] {
        let (d, db) = data_with_backup();
        let damaged = damage(&db, from_page);
        let (s, rep) = open_with_care(d.path()).unwrap();
        assert_eq!(units(&s), ["甲镇"], "the backup's state is back");
        let aside = rep.moved_aside.clone().expect("moved aside");
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            damaged,
            "kept byte for byte"
        );
        let aside_name = aside.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            aside_name.starts_with("gongwen.db.corrupt-"),
            "{aside_name}"
        );
        assert!(rep
            .restored_from
            .as_deref()
            .unwrap()
            .starts_with("gongwen-"));
        assert_eq!(rep.notices.len(), 1, "{:?}", rep.notices);
        assert!(rep.notices[0].contains("已损坏"), "{}", rep.notices[0]);
        assert!(rep.notices[0].contains(&aside_name), "{}", rep.notices[0]);
        assert!(rep.notices[0].contains("没有删除"), "{}", rep.notices[0]);
        // Editing goes on in the restored database; the next start is ordinary.
        let mut s = s;
        s.create(&report("丙镇")).unwrap();
        drop(s);
        let (s, rep) = open_with_care(d.path()).unwrap();
        assert!(rep.notices.is_empty() && rep.moved_aside.is_none());
        assert_eq!(units(&s), ["丙镇", "甲镇"]);
    }
}

#[test]
fn recovery_prefers_a_daily_backup_to_a_newer_before_restore_copy() {
    let (d, db) = data_with_backup();
    let (mut s, _) = open_with_care(d.path()).unwrap();
    let daily = list_backups(d.path()).unwrap()[0].name.clone();
    // The clerk restores the daily backup; the state they left ("乙镇") is kept as a
    // before-restore copy, newer than the daily one.
    s.restore_backup(&daily).unwrap();
    assert_eq!(
        list_backups(d.path()).unwrap()[0].kind,
        BackupKind::BeforeRestore
    );
    drop(s);
    damage(&db, 1);
    let (s, rep) = open_with_care(d.path()).unwrap();
    assert_eq!(rep.restored_from, Some(daily));
    assert_eq!(units(&s), ["甲镇"]);
}

#[test]
fn damaged_database_without_backup_starts_empty_and_keeps_the_damaged_file() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join(store::DB_FILE);
    {
        let mut s = Store::open_dir(d.path()).unwrap();
        for i in 0..5 {
            s.create(&report(&format!("{i}镇"))).unwrap();
        }
    }
    let damaged = damage(&db, 1);
    let (s, rep) = open_with_care(d.path()).unwrap();
    assert!(units(&s).is_empty());
    assert!(rep.restored_from.is_none());
    assert!(
        rep.notices[0].contains("没有可用的备份"),
        "{:?}",
        rep.notices
    );
    assert_eq!(std::fs::read(rep.moved_aside.unwrap()).unwrap(), damaged);
}

#[test]
fn a_damaged_backup_is_skipped_for_an_older_good_one() {
    let (d, db) = data_with_backup();
    // A newer backup that is itself damaged.
    let today = list_backups(d.path()).unwrap()[0].clone();
    let newer = today.path.with_file_name("gongwen-2999-01-01.db");
    std::fs::copy(&today.path, &newer).unwrap();
    damage(&newer, 1);
    damage(&db, 1);
    let (s, rep) = open_with_care(d.path()).unwrap();
    assert_eq!(rep.restored_from.as_deref(), Some(today.name.as_str()));
    assert_eq!(units(&s), ["甲镇"]);
    assert!(newer.exists(), "a damaged backup is not deleted either");
}

#[test]
fn a_damaged_wal_and_shm_go_aside_with_the_database() {
    let (d, db) = data_with_backup();
    damage(&db, 1);
    std::fs::write(d.path().join("gongwen.db-wal"), b"").unwrap();
    std::fs::write(d.path().join("gongwen.db-shm"), b"").unwrap();
    let (_s, rep) = open_with_care(d.path()).unwrap();
    let aside = rep.moved_aside.unwrap();
    let mut wal = aside.clone().into_os_string();
    wal.push("-wal");
    assert!(Path::new(&wal).exists(), "the WAL moved with its database");
}

#[test]
fn a_newer_database_is_refused_untouched_not_treated_as_damaged() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join(store::DB_FILE);
    Store::open_dir(d.path())
        .unwrap()
        .create(&report("甲镇"))
        .unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let e = open_with_care(d.path()).err().unwrap();
    assert_eq!(e.kind, ErrorKind::NewerSchema);
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!files(d.path()).iter().any(|f| f.contains("corrupt")));
}

#[test]
fn missing_database_with_backups_starts_empty_and_says_where_the_backups_are() {
    let (d, db) = data_with_backup();
    std::fs::remove_file(&db).unwrap();
    let (_s, rep) = open_with_care(d.path()).unwrap();
    assert!(
        rep.notices[0].contains("restore-backup"),
        "{:?}",
        rep.notices
    );
}

#[test]
fn a_wal_without_its_database_is_kept_aside_not_replayed() {
    let (d, db) = data_with_backup();
    std::fs::remove_file(&db).unwrap();
    std::fs::write(d.path().join("gongwen.db-wal"), b"left over").unwrap();
    let (s, rep) = open_with_care(d.path()).unwrap();
    assert!(units(&s).is_empty());
    let mut wal = rep.moved_aside.unwrap().into_os_string();
    wal.push("-wal");
    assert_eq!(std::fs::read(&wal).unwrap(), b"left over");
    assert!(
        rep.notices[0].contains("restore-backup"),
        "{:?}",
        rep.notices
    );
}

#[test]
fn retention_keeps_seven_daily_and_four_weekly() {
    let d = tempfile::tempdir().unwrap();
    let s = Store::open_dir(d.path()).unwrap();
    // 60 days of daily starts, 2026-09-23 … 2026-11-21.
    let start = jiff::civil::date(2026, 9, 23);
    for i in 0..60 {
        let day = start.checked_add(jiff::Span::new().days(i)).unwrap();
        let made = s.daily_backup_for(&day.to_string()).unwrap();
        assert!(made.is_some());
        assert!(list_backups(d.path()).unwrap().len() <= 11);
    }
    let names: Vec<String> = list_backups(d.path())
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(
        names,
        [
            "gongwen-2026-11-21.db",
            "gongwen-2026-11-20.db",
            "gongwen-2026-11-19.db",
            "gongwen-2026-11-18.db",
            "gongwen-2026-11-17.db",
            "gongwen-2026-11-16.db",
            "gongwen-2026-11-15.db",
            "gongwen-2026-11-08.db",
            "gongwen-2026-11-01.db",
        ]
    );
    assert!(s.daily_backup_for("2026-13-01").is_err());
}

#[test]
fn restore_replaces_everything_and_keeps_what_was_there() {
    let (d, _db) = data_with_backup();
    let (mut s, _) = open_with_care(d.path()).unwrap();
    let other = Store::open_dir(d.path()).unwrap();
    assert_eq!(units(&other), ["乙镇", "甲镇"]);
    let daily = list_backups(d.path()).unwrap()[0].name.clone();
    let out = s.restore_backup(&daily).unwrap();
    assert_eq!(units(&s), ["甲镇"]);
    assert_eq!(
        units(&other),
        ["甲镇"],
        "another open connection sees the restore"
    );
    // The state before the restore is a backup of its own, and restoring it undoes.
    let kept = list_backups(d.path())
        .unwrap()
        .into_iter()
        .find(|b| b.name == out.kept_as)
        .unwrap();
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    s.restore_backup(&out.kept_as).unwrap();
    assert_eq!(units(&s), ["乙镇", "甲镇"]);
    assert_eq!(s.schema_version().unwrap(), store::SCHEMA_VERSION);
}

#[test]
fn restore_refuses_unknown_names_and_damaged_backups_without_change() {
    let (d, _db) = data_with_backup();
    let (mut s, _) = open_with_care(d.path()).unwrap();
    for bad in ["gongwen.db", "../gongwen.db", "gongwen-1999-01-01.db", ""] {
        let e = s.restore_backup(bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotFound, "{bad}");
    }
    let b = list_backups(d.path()).unwrap()[0].clone();
    damage(&b.path, 1);
    let e = s.restore_backup(&b.name).unwrap_err();
    assert!(e.message.contains("已损坏"), "{}", e.message);
    assert_eq!(units(&s), ["乙镇", "甲镇"]);
    assert_eq!(
        list_backups(d.path()).unwrap().len(),
        1,
        "no before-restore copy for a refused restore"
    );
}

#[test]
fn stale_temporary_copies_are_cleared_on_start_young_ones_kept() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join(".gongwen-backup-1-1.tmp");
    let young = dir.join(".gongwen-backup-2-2.tmp");
    std::fs::write(&old, b"half a copy").unwrap();
    std::fs::write(&young, b"being written").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    open_with_care(d.path()).unwrap();
    assert!(!old.exists());
    assert!(young.exists());
}

// ---- through the CLI ----

#[test]
fn cli_list_on_a_damaged_database_tells_the_clerk_and_recovers() {
    let (d, db) = data_with_backup();
    damage(&db, 1);
    let out = gongwen(d.path(), &["list"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stderr.contains("数据库文件已损坏"), "{stderr}");
    assert!(
        stdout.contains("甲镇") && !stdout.contains("乙镇"),
        "{stdout}"
    );
    assert!(files(d.path())
        .iter()
        .any(|f| f.starts_with("gongwen.db.corrupt-")));
    // The log says what happened, in English, without the report's words.
    let log = std::fs::read_to_string(d.path().join("logs/gongwen.log")).unwrap();
    assert!(log.contains("database damaged"), "{log}");
    assert!(log.contains("restored gongwen-"), "{log}");
    assert!(!log.contains("甲镇"));
}

#[test]
fn cli_lists_and_restores_backups() {
    let (d, _db) = data_with_backup();
    let out = gongwen(d.path(), &["backups"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let name = text.split('\t').next().unwrap().to_string();
    assert!(
        name.starts_with("gongwen-") && text.contains("每日自动备份"),
        "{text}"
    );

    let out = gongwen(d.path(), &["backups", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["name"], name.as_str());
    assert_eq!(v[0]["kind"], "daily");

    let out = gongwen(d.path(), &["restore-backup", &name]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("已从备份") && said.contains("gongwen-before-restore-"),
        "{said}"
    );
    let list = String::from_utf8(gongwen(d.path(), &["list"]).stdout).unwrap();
    assert!(list.contains("甲镇") && !list.contains("乙镇"), "{list}");

    let out = gongwen(d.path(), &["restore-backup", "nonesuch.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("找不到名为"));
    let out = gongwen(d.path(), &["restore-backup"]);
    assert_eq!(out.status.code(), Some(2));
}
