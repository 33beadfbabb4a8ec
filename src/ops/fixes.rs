//! One-click fixes and placeholder filling: the report is changed as a value by `check`, then
//! written back in one transaction that keeps the ids of every section.

use crate::check::{self, Fix, Placeholder};
use crate::error::Result;
use crate::model::Report;
use crate::store::Store;
use serde::Serialize;
use ts_rs::TS;

/// The name of the version kept before [`apply_fixes`] changes anything, so that 历史版本 can
/// undo a whole batch.
pub const VERSION_BEFORE_FIX_ALL: &str = "全部一键修正之前";

/// Applies one fix to report `id` and returns the report as stored.
///
/// Errors: `ErrorKind::Input` when the text no longer reads what the fix expects (nothing is
/// changed; the clerk checks again), `NotFound`, `Storage`.
pub fn apply_fix(store: &mut Store, id: i64, fix: &Fix) -> Result<Report> {
    let mut r = store.load(id)?;
    check::apply_fix(&mut r, fix)?;
    store.update_report(id, &r, None)?;
    store.load(id)
}

/// What [`apply_fixes`] did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FixesApplied {
    /// The report as stored afterwards.
    pub report: Report,
    /// How many of the fixes were applied (stale and overlapping ones are skipped).
    pub applied: usize,
}

/// Applies many fixes to report `id` at once, in one transaction that first keeps the report
/// as it was as the version [`VERSION_BEFORE_FIX_ALL`]. When no fix applies nothing is
/// written (no empty version either).
pub fn apply_fixes(store: &mut Store, id: i64, fixes: &[Fix]) -> Result<FixesApplied> {
    let before = store.load(id)?;
    let mut r = before.clone();
    let applied = check::apply_fixes(&mut r, fixes);
    if applied > 0 {
        store.update_report(id, &r, Some((VERSION_BEFORE_FIX_ALL, &before)))?;
    }
    Ok(FixesApplied {
        report: store.load(id)?,
        applied,
    })
}

/// Checks report `id` and applies every one-click fix the findings offer, as
/// [`apply_fixes`] does (the CLI's `gongwen fix ID --all`).
pub fn fix_all(store: &mut Store, id: i64) -> Result<FixesApplied> {
    let fixes: Vec<Fix> = super::run_checks(store, id)?
        .into_iter()
        .filter_map(|f| f.fix)
        .collect();
    apply_fixes(store, id, &fixes)
}

/// Writes `value` over exactly the span of `placeholder` in report `id`; returns the report
/// as stored.
///
/// Errors: `ErrorKind::Input` for an empty value or when the text around the placeholder has
/// changed since it was listed (nothing is changed), `NotFound`, `Storage`.
pub fn fill_placeholder(
    store: &mut Store,
    id: i64,
    placeholder: &Placeholder,
    value: &str,
) -> Result<Report> {
    let mut r = store.load(id)?;
    check::fill_placeholder(&mut r, placeholder, value)?;
    store.update_report(id, &r, None)?;
    store.load(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{codes, WordList};
    use crate::model::Section;

    /// Every section id of `r` with its path, in reading order.
    fn ids(r: &Report) -> Vec<(Vec<usize>, Option<i64>)> {
        fn walk(list: &[Section], at: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, Option<i64>)>) {
            for (i, s) in list.iter().enumerate() {
                at.push(i);
                out.push((at.clone(), s.id));
                walk(&s.children, at, out);
                at.pop();
            }
        }
        let mut out = Vec::new();
        walk(&r.sections, &mut Vec::new(), &mut out);
        out
    }

    fn store_with_half_width() -> (tempfile::TempDir, Store, i64) {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let mut r = crate::templates::get("township-zwgk").unwrap().instantiate(
            "双河镇人民政府",
            2024,
            "年度",
        );
        r.opening = vec!["2024年，我镇认真做好政务公开工作。".into()];
        for (i, s) in r.sections[0].children.iter_mut().enumerate() {
            s.paragraphs = vec![format!("第{}项工作按计划完成。", i + 1).into()];
        }
        r.sections[0].children[0].paragraphs[0] = "成立领导小组,明确分工,落实责任。".into();
        r.sections[1].paragraphs = vec!["公开内容还不够全面;更新不及时。".into()];
        let id = s.create(&r).unwrap();
        (d, s, id)
    }

    #[test]
    fn fix_all_is_one_transaction_that_keeps_every_section_id() {
        let (_d, mut s, id) = store_with_half_width();
        let before = s.load(id).unwrap();
        let fixes: Vec<Fix> = check::run(&before, &WordList::builtin())
            .into_iter()
            .filter(|f| f.code == codes::HALF_WIDTH)
            .filter_map(|f| f.fix)
            .collect();
        assert_eq!(fixes.len(), 3);
        let changes = s.total_changes();
        let done = apply_fixes(&mut s, id, &fixes).unwrap();
        assert_eq!(done.applied, 3);
        assert_eq!(
            done.report.sections[0].children[0].paragraphs[0],
            "成立领导小组，明确分工，落实责任。"
        );
        // The ids of every section — the two fixed ones and all the untouched ones — stay.
        assert_eq!(ids(&done.report), ids(&before));
        // Written: the version, the report row (updated_at), and the two changed paragraphs;
        // no node row and no untouched paragraph.
        assert_eq!(s.total_changes() - changes, 4);
        let versions = s.list_versions(id).unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].name, VERSION_BEFORE_FIX_ALL);
        assert_eq!(
            s.version_report(versions[0].id).unwrap().1,
            before.without_ids()
        );

        // Nothing left to fix: nothing written, no empty version.
        let again = apply_fixes(&mut s, id, &fixes).unwrap();
        assert_eq!(again.applied, 0);
        assert_eq!(s.list_versions(id).unwrap().len(), 1);
    }

    #[test]
    fn a_failed_write_leaves_neither_the_edit_nor_its_version() {
        let (d, mut s, id) = store_with_half_width();
        let before = s.load(id).unwrap();
        // A second connection holds the write lock: the one transaction fails as a whole.
        let other = rusqlite::Connection::open(d.path().join(crate::store::DB_FILE)).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        other.busy_timeout(std::time::Duration::ZERO).unwrap();
        let fixes: Vec<Fix> = check::run(&before, &WordList::builtin())
            .into_iter()
            .filter_map(|f| f.fix)
            .collect();
        let e = apply_fixes(&mut s, id, &fixes).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Storage, "{e:?}");
        other.execute_batch("ROLLBACK").unwrap();
        assert_eq!(s.load(id).unwrap(), before);
        assert!(s.list_versions(id).unwrap().is_empty());
    }

    #[test]
    fn a_single_fix_and_a_filled_placeholder_keep_ids_too() {
        let (_d, mut s, id) = store_with_half_width();
        let before = s.load(id).unwrap();
        let fix = check::run(&before, &WordList::builtin())
            .into_iter()
            .find_map(|f| f.fix)
            .unwrap();
        let after = apply_fix(&mut s, id, &fix).unwrap();
        assert_eq!(ids(&after), ids(&before));
        assert_ne!(after, before);
        // Applying it again is refused as stale input, and changes nothing.
        let e = apply_fix(&mut s, id, &fix).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Input);
        assert_eq!(s.load(id).unwrap(), after);

        let mut r = after.clone();
        r.sections[1].paragraphs.push("全年发布信息X条。".into());
        s.update_report(id, &r, None).unwrap();
        let ph = check::placeholders(&s.load(id).unwrap())
            .into_iter()
            .find(|p| p.text == "X")
            .unwrap();
        let filled = fill_placeholder(&mut s, id, &ph, "300").unwrap();
        assert_eq!(filled.sections[1].paragraphs[1], "全年发布信息300条。");
        assert_eq!(ids(&filled), ids(&before));
    }
}
