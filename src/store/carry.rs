//! The checklist that a report made from last year's (`新建下一年度`) carries: last year's
//! 下一步工作打算 items, each ticked off once this year's text reports on it. What the new
//! report keeps of the old one is [`crate::model::next_year_copy`]; the two are stored together
//! by [`Store::create_with_checklist`].

use super::{db_err, Store};
use crate::error::Result;
use crate::model::Report;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One item of the checklist a report made from last year's carries: a plan of last year's
/// 下一步工作打算 to report on this year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CarryItem {
    /// Store id of the item.
    pub id: i64,
    /// Store id of the report that carries it (this year's).
    pub report_id: i64,
    /// The plan as last year's report wrote it.
    pub text: String,
    /// The report it came from (it may since have been deleted).
    pub source_report_id: Option<i64>,
    /// Ticked off by the clerk once this year's text reports on it.
    pub done: bool,
}

impl Store {
    /// Stores `report` as a new report with `items` as its checklist, their source being report
    /// `source`, in one transaction; returns the new id.
    pub fn create_with_checklist(
        &mut self,
        report: &Report,
        items: &[String],
        source: i64,
    ) -> Result<i64> {
        report.validate().map_err(crate::error::Error::input)?;
        self.write("新建下一年度报告", |tx| {
            let new_id = super::reports::insert_report(tx, report)?;
            for (ord, text) in items.iter().enumerate() {
                tx.execute(
                    "INSERT INTO carry_items (report_id, ord, text, source_report_id) VALUES (?1,?2,?3,?4)",
                    params![new_id, ord as i64, text, source],
                )
                .map_err(|e| db_err("新建下一年度报告", e))?;
            }
            Ok(new_id)
        })
    }

    /// Last year's plans to report on in report `id`, in order.
    pub fn carry_checklist(&self, id: i64) -> Result<Vec<CarryItem>> {
        self.summary(id)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, report_id, text, source_report_id, done FROM carry_items
                 WHERE report_id=?1 ORDER BY ord, id",
            )
            .map_err(|e| db_err("读取去年的工作打算", e))?;
        let rows = st
            .query_map([id], |r| {
                Ok(CarryItem {
                    id: r.get(0)?,
                    report_id: r.get(1)?,
                    text: r.get(2)?,
                    source_report_id: r.get(3)?,
                    done: r.get(4)?,
                })
            })
            .map_err(|e| db_err("读取去年的工作打算", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取去年的工作打算", e))
    }

    /// Ticks a checklist item off (or on again).
    pub fn set_carry_done(&mut self, item_id: i64, done: bool) -> Result<()> {
        self.write("保存勾选", |tx| {
            let n = tx
                .execute(
                    "UPDATE carry_items SET done=?1 WHERE id=?2",
                    params![done, item_id],
                )
                .map_err(|e| db_err("保存勾选", e))?;
            if n == 0 {
                return Err(crate::error::Error::not_found(format!(
                    "找不到编号为 {item_id} 的待办事项。"
                )));
            }
            Ok(())
        })
    }
}
