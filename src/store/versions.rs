//! Named versions (保存版本 / 恢复): a JSON snapshot of the whole report. Restoring first
//! snapshots the current state, so a restore never loses anything.

use super::reports::{no_report, replace_in};
use super::{db_err, local_time, now_ms, Store};
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
    /// Local time, `2024-12-20 16:05:09`.
    pub created: String,
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
                    created: local_time(created_at, "%Y-%m-%d %H:%M:%S"),
                })
            })
            .map_err(|e| db_err("读取版本", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取版本", e))
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
