//! New report from last year's (`新建下一年度`): the copy one year on
//! ([`crate::model::next_year_copy`], which says what it keeps and clears) and the checklist of
//! last year's 下一步工作打算 ([`crate::model::plan_items`]), stored together.

use crate::error::Result;
use crate::model::{next_year_copy, plan_items};
use crate::store::Store;

/// Creates next year's report from report `id` together with its checklist of last year's
/// plans, in one transaction (neither exists without the other); returns the new id.
///
/// Errors: `ErrorKind::NotFound` when there is no report `id`, `Storage`.
pub fn new_from_last_year(store: &mut Store, id: i64) -> Result<i64> {
    let old = store.load(id)?;
    store.create_with_checklist(&next_year_copy(&old), &plan_items(&old), id)
}
