//! New report from last year's (`新建下一年度`): the copy one year on
//! ([`crate::model::next_year_copy`], which says what it keeps and clears) and the checklist of
//! last year's 下一步工作打算 ([`crate::model::plan_items`]), stored together. The statutory
//! tables of a 政府信息公开工作年度报告 come back with their structure and the numbers the format
//! carries over ([`crate::templates::disclosure::carry_tables`]).

use crate::error::Result;
use crate::model::{next_year_copy, plan_items};
use crate::store::Store;
use crate::templates::disclosure::carry_tables;

/// Creates next year's report from report `id` together with its checklist of last year's
/// plans, in one transaction (neither exists without the other); returns the new id. Statutory
/// tables are carried with last year's closing numbers (see `carry_tables`).
///
/// Errors: `ErrorKind::NotFound` when there is no report `id`, `Storage`.
pub fn new_from_last_year(store: &mut Store, id: i64) -> Result<i64> {
    let old = store.load(id)?;
    let mut new = next_year_copy(&old);
    carry_tables(&old, &mut new);
    store.create_with_checklist(&new, &plan_items(&old), id)
}
