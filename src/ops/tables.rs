//! The statutory tables of the 政府信息公开工作年度报告: last year's report for the
//! `table-cross-year` checks, and totals computed on request.

use crate::check;
use crate::error::Result;
use crate::model::Report;
use crate::store::Store;
use serde::Serialize;

/// The name of the version kept before [`fill_table_totals`] changes any cell, so that
/// 历史版本 can undo it.
pub const VERSION_BEFORE_TOTALS: &str = "计算表格合计之前";

/// Last year's report of the same unit, kind and period as `report` (its year − 1, not in the
/// 回收站, not `report` itself), the most recently changed one when there are several;
/// `None` when the store has none. Units are compared without surrounding whitespace.
///
/// Errors: `Storage` when the store cannot be read.
pub fn last_year_report(store: &Store, report: &Report) -> Result<Option<Report>> {
    let Some(year) = report.year.checked_sub(1) else {
        return Ok(None);
    };
    let found = store.list()?.into_iter().find(|s| {
        s.year == year
            && s.kind == report.kind
            && s.unit.trim() == report.unit.trim()
            && s.period == report.period
            && Some(s.id) != report.id
    });
    match found {
        Some(s) => store.load(s.id).map(Some),
        None => Ok(None),
    }
}

/// What [`fill_table_totals`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalsFilled {
    /// The report as stored afterwards.
    pub report: Report,
    /// How many table cells were changed (0: the totals already added up).
    pub changed: usize,
}

/// Fills the totals of the statutory tables of report `id` from their parts
/// ([`check::fill_totals`] says which cells), and stores the result in one transaction that
/// first keeps the report as it was as the version [`VERSION_BEFORE_TOTALS`]. When no cell
/// changes nothing is written.
///
/// Errors: `NotFound` when there is no report `id`, `Storage`.
pub fn fill_table_totals(store: &mut Store, id: i64) -> Result<TotalsFilled> {
    let before = store.load(id)?;
    let mut r = before.clone();
    let changed = check::fill_totals(&mut r);
    if changed > 0 {
        store.update_report(id, &r, Some((VERSION_BEFORE_TOTALS, &before)))?;
    }
    Ok(TotalsFilled {
        report: store.load(id)?,
        changed,
    })
}
