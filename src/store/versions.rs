//! Named versions (保存版本 / 恢复): a JSON snapshot of the whole report. Restoring first
//! snapshots the current state, so a restore never loses anything. Ctrl+S saves a version only
//! when the report changed since the newest one ([`Store::save_version_if_changed`]).

use super::reports::{no_report, replace_in, CHINESE_DATE_TIME};
use super::{db_err, local_now, local_time, now_ms, Store};
use crate::error::{Error, Result};
use crate::model::Report;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// One named version (a snapshot) of a report, for the version list.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct VersionInfo {
    /// Store id of the version.
    pub id: i64,
    /// Store id of the report it is a snapshot of.
    pub report_id: i64,
    /// The name the clerk gave it.
    pub name: String,
    /// When it was saved, in milliseconds since the Unix epoch.
    pub created_at: i64,
    /// Local time in the document's date form, `2024年12月20日 16:05`, whatever the system's
    /// locale.
    pub created: String,
}

/// What 保存版本 (Ctrl+S) did: a new version, or none because nothing changed since the newest
/// one.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct VersionSaved {
    /// A version was stored; `false` when the report equals its newest version and nothing was
    /// stored.
    pub saved: bool,
    /// Store id of the new version, or of the newest one when nothing was stored.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The sentence the clerk reads: `已保存为版本“…”。` or `与上一版本“…”相同，未另存。`
    pub message: String,
}

impl VersionSaved {
    fn new(saved: bool, id: i64, name: String) -> VersionSaved {
        let message = if saved {
            format!("已保存为版本“{name}”。")
        } else {
            format!("与上一版本“{name}”相同，未另存。")
        };
        VersionSaved {
            saved,
            id,
            name,
            message,
        }
    }
}

/// The name a version gets when the clerk gives none: `11月30日 14:39 的版本` (local time).
pub fn default_version_name() -> String {
    local_now("%-m月%-d日 %H:%M 的版本")
}

/// Stores `r` (its ids dropped) as a version of report `id` named `name` (`未命名版本` when
/// blank), inside the caller's transaction; returns the version's id.
pub(super) fn insert_version(tx: &Transaction, id: i64, name: &str, r: &Report) -> Result<i64> {
    let json = serde_json::to_string(&r.clone().without_ids())
        .map_err(|e| Error::storage("保存版本失败。", e))?;
    let name = match name.trim() {
        "" => "未命名版本",
        n => n,
    };
    tx.execute(
        "INSERT INTO versions (report_id, name, created_at, snapshot) VALUES (?1,?2,?3,?4)",
        params![id, name, now_ms(), json],
    )
    .map_err(|e| db_err("保存版本", e))?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Saves the current state of report `id` under `name`; returns the version's id.
    pub fn save_version(&mut self, id: i64, name: &str) -> Result<i64> {
        let r = self.load(id)?;
        self.write("保存版本", |tx| insert_version(tx, id, name, &r))
    }

    /// Versions of report `id`, newest first.
    pub fn list_versions(&self, id: i64) -> Result<Vec<VersionInfo>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id, report_id, name, created_at
                 FROM versions WHERE report_id=?1 ORDER BY created_at DESC, id DESC",
            )
            .map_err(|e| db_err("读取版本", e))?;
        let rows = st
            .query_map([id], |r| {
                let created_at = r.get(3)?;
                Ok(VersionInfo {
                    id: r.get(0)?,
                    report_id: r.get(1)?,
                    name: r.get(2)?,
                    created_at,
                    created: local_time(created_at, CHINESE_DATE_TIME),
                })
            })
            .map_err(|e| db_err("读取版本", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取版本", e))
    }

    /// Saves the current state of report `id` as a version named `name` (blank: the local
    /// time, [`default_version_name`]) unless it equals the newest version's content, in which
    /// case nothing is stored. Content means the report's text and metadata as a snapshot
    /// holds them (not its list name or last step). `ErrorKind::NotFound` when there is no
    /// such report.
    pub fn save_version_if_changed(&mut self, id: i64, name: &str) -> Result<VersionSaved> {
        let current = self.load(id)?.without_ids();
        let newest: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, name, snapshot FROM versions WHERE report_id=?1
                 ORDER BY created_at DESC, id DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| db_err("读取版本", e))?;
        if let Some((vid, vname, json)) = newest {
            // A snapshot that cannot be read counts as different: a new version is kept.
            if serde_json::from_str::<Report>(&json).is_ok_and(|v| v.without_ids() == current) {
                return Ok(VersionSaved::new(false, vid, vname));
            }
        }
        let name = match name.trim() {
            "" => default_version_name(),
            n => n.to_string(),
        };
        let vid = self.write("保存版本", |tx| insert_version(tx, id, &name, &current))?;
        Ok(VersionSaved::new(true, vid, name))
    }

    /// Renames version `version` (trimmed; blank is refused with `ErrorKind::Input`).
    /// `ErrorKind::NotFound` when there is no such version.
    pub fn rename_version(&mut self, version: i64, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::input("版本名称不能为空。"));
        }
        self.write("版本改名", |tx| {
            let n = tx
                .execute(
                    "UPDATE versions SET name=?1 WHERE id=?2",
                    params![name, version],
                )
                .map_err(|e| db_err("版本改名", e))?;
            if n == 0 {
                return Err(Error::not_found(format!("找不到编号为 {version} 的版本。")));
            }
            Ok(())
        })
    }

    /// The report as it was saved in a version.
    pub fn version_report(&self, version: i64) -> Result<(i64, Report)> {
        let (report_id, json): (i64, String) = self
            .conn
            .query_row(
                "SELECT report_id, snapshot FROM versions WHERE id=?1",
                [version],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| db_err("读取版本", e))?
            .ok_or_else(|| Error::not_found(format!("找不到编号为 {version} 的版本。")))?;
        let r: Report = serde_json::from_str(&json)
            .map_err(|e| Error::storage("版本内容已损坏，无法恢复。", e))?;
        Ok((report_id, r))
    }

    /// Restores a version into its report. The state before the restore is kept as a
    /// version named `恢复前自动保存`.
    pub fn restore_version(&mut self, version: i64) -> Result<i64> {
        let (report_id, r) = self.version_report(version)?;
        self.summary(report_id).map_err(|_| no_report(report_id))?;
        self.save_version(report_id, "恢复前自动保存")?;
        self.write("恢复版本", |tx| replace_in(tx, report_id, &r))?;
        Ok(report_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn report() -> Report {
        let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
        r.title = "双河镇人民政府2024年政务公开工作总结".into();
        r.sections = vec![Section {
            paragraphs: vec!["全年主动公开信息120条。".into()],
            ..Section::new("工作开展情况")
        }];
        r
    }

    #[test]
    fn a_version_is_saved_only_when_the_report_changed() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let id = s.create(&report()).unwrap();
        let first = s.save_version_if_changed(id, "").unwrap();
        assert!(first.saved);
        assert!(first.name.ends_with("的版本"), "{}", first.name);
        assert!(first.message.starts_with("已保存为版本"));
        // Again without a change: nothing stored, the newest version named.
        let again = s.save_version_if_changed(id, "再存一次").unwrap();
        assert!(!again.saved);
        assert_eq!((again.id, &again.name), (first.id, &first.name));
        assert!(again.message.contains("相同，未另存"), "{}", again.message);
        assert_eq!(s.list_versions(id).unwrap().len(), 1);
        // The list name and the step left at are not the report's content.
        s.rename(id, "给自己看的名字").unwrap();
        s.set_last_step(id, 4).unwrap();
        assert!(!s.save_version_if_changed(id, "").unwrap().saved);
        // A changed paragraph is.
        let node = s.load(id).unwrap().sections[0].id.unwrap();
        s.set_section_paragraphs(node, &["全年主动公开信息130条。".into()])
            .unwrap();
        let second = s.save_version_if_changed(id, "改数之后").unwrap();
        assert!(second.saved);
        assert_eq!(second.name, "改数之后");
        assert_ne!(first.id, second.id);
        let v2 = second.id;
        assert_eq!(s.list_versions(id).unwrap().len(), 2);
        let (_, r) = s.version_report(v2).unwrap();
        assert!(serde_json::to_string(&r).unwrap().contains("130条"));
    }

    #[test]
    fn versions_can_be_renamed_but_not_blank() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let id = s.create(&report()).unwrap();
        let v = s.save_version(id, "初稿").unwrap();
        s.rename_version(v, "  送审稿 ").unwrap();
        assert_eq!(s.list_versions(id).unwrap()[0].name, "送审稿");
        assert_eq!(
            s.rename_version(v, " ").unwrap_err().kind,
            crate::ErrorKind::Input
        );
        assert_eq!(
            s.rename_version(v + 99, "x").unwrap_err().kind,
            crate::ErrorKind::NotFound
        );
    }
}
