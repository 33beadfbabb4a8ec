//! Creating a report from a template, changing its section tree, checking it.

use crate::check::{self, Finding};
use crate::error::{Error, Result};
use crate::model::{Report, Section};
use crate::store::Store;
use crate::templates;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Creates a report from template `kind` (a template id, e.g. `township-zwgk`) for `unit`,
/// `year` and `period` (`年度`, `上半年`, …), with `title` instead of the proposed one when
/// given, and the defaults of the settings (the page-number style); returns its id.
///
/// Errors: `ErrorKind::NotFound` for an unknown template, `Input` when the result is not a valid
/// report (empty unit, a year outside the supported range), `Storage`.
pub fn create_from_template(
    store: &mut Store,
    kind: &str,
    unit: &str,
    year: i32,
    period: &str,
    title: Option<&str>,
) -> Result<i64> {
    let mut report = templates::get(kind)?.instantiate(unit.trim(), year, period);
    if let Some(t) = title {
        report.title = t.trim().to_string();
    }
    report
        .validate()
        .map_err(|m| Error::input(format!("{m}。")))?;
    store.apply_defaults(&mut report)?;
    store.create(&report)
}

/// Adds a section headed `heading` at the end of `parent`'s sub-items (the top level when
/// `None`) of report `id`; returns the report as stored, numbers re-derived.
pub fn add_section(
    store: &mut Store,
    id: i64,
    parent: Option<i64>,
    heading: &str,
) -> Result<Report> {
    store.add_section(id, parent, None, heading)?;
    store.load(id)
}

/// One change to the section tree, as the editor's buttons offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TreeOp {
    /// Delete the section with its sub-items and text.
    Remove,
    /// Swap with the previous sibling.
    Up,
    /// Swap with the next sibling.
    Down,
    /// Become the last sub-item of the previous sibling (one level deeper).
    Indent,
    /// Become the next sibling of the parent (one level up).
    Outdent,
    /// Insert a new section with an empty heading right after this one, at the same level
    /// (under the same parent).
    AddSibling,
}

/// Applies `op` to section `node` of report `id` (one transaction); returns the report as
/// stored. A move that is not possible (the first item up) changes nothing. The section a
/// [`TreeOp::AddSibling`] creates is the one after `node` in the returned report.
///
/// Errors: `ErrorKind::NotFound` for an unknown node, `Input` when indenting would go deeper
/// than four levels (GB/T 9704-2012 §7.3.3 numbers four), `Storage`.
pub fn tree_op(store: &mut Store, id: i64, node: i64, op: TreeOp) -> Result<Report> {
    match op {
        TreeOp::Remove => store.remove_section(node)?,
        TreeOp::Up => store.move_up(node)?,
        TreeOp::Down => store.move_down(node)?,
        TreeOp::Indent => store.indent(node)?,
        TreeOp::Outdent => store.outdent(node)?,
        TreeOp::AddSibling => {
            let (parent, index) = position(&store.load(id)?.sections, None, node)
                .ok_or_else(|| Error::not_found(format!("找不到编号为 {node} 的小节。")))?;
            store.add_section(id, parent, Some(index + 1), "")?;
        }
    }
    store.load(id)
}

/// The parent (`None` at the top level) and 0-based index among its siblings of section
/// `node` in `list`.
fn position(list: &[Section], parent: Option<i64>, node: i64) -> Option<(Option<i64>, usize)> {
    list.iter().enumerate().find_map(|(i, s)| {
        if s.id == Some(node) {
            Some((parent, i))
        } else {
            position(&s.children, s.id, node)
        }
    })
}

/// The pre-export findings for report `id`, checked against the clerk's word list and, for
/// the statutory tables, against last year's report of the same unit and kind
/// ([`super::last_year_report`]).
pub fn run_checks(store: &mut Store, id: i64) -> Result<Vec<Finding>> {
    let words = store.word_list()?;
    let report = store.load(id)?;
    let last = super::last_year_report(store, &report)?;
    Ok(check::run_with_last_year(&report, &words, last.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(list: &[Section]) -> Vec<String> {
        list.iter().map(|s| s.heading.clone()).collect()
    }

    #[test]
    fn add_sibling_inserts_right_after_the_section_at_its_level() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let id =
            create_from_template(&mut s, "township-zwgk", "双河镇", 2024, "年度", None).unwrap();
        let before = s.load(id).unwrap();
        let parent = &before.sections[0];
        let first = parent.children[0].id.unwrap();
        let r = tree_op(&mut s, id, first, TreeOp::AddSibling).unwrap();
        let kids = &r.sections[0].children;
        assert_eq!(kids.len(), parent.children.len() + 1);
        assert_eq!(kids[0].id, Some(first));
        assert!(kids[1].heading.is_empty() && kids[1].id.is_some());
        assert_eq!(headings(&kids[2..]), headings(&parent.children[1..]));
        // At the top level too: after the last section.
        let last = before.sections.last().unwrap().id.unwrap();
        let r = tree_op(&mut s, id, last, TreeOp::AddSibling).unwrap();
        assert_eq!(r.sections.len(), before.sections.len() + 1);
        assert!(r.sections.last().unwrap().heading.is_empty());
        assert!(tree_op(&mut s, id, 999_999, TreeOp::AddSibling).is_err());
    }
}
