//! New report from last year's (`新建下一年度`): a copy one year on, and a checklist of last
//! year's 下一步工作打算 items to report on in this year's 工作开展情况.
//!
//! What the copy keeps: the kind, unit, signature, seal, page-number style, title and attachments (their year
//! moved on), the opening (a year at the head of a paragraph moved on) and every heading of
//! the body. What it clears: the body text and the date, and the items of 下一步工作打算
//! (they become the checklist). Every figure in last year's body is last year's; left in
//! place they are what a summary most often carries upward by mistake. The old report stays
//! one click away for its wording.

use super::numbering::enumeration_at;
use super::{Report, Section, Status};
use crate::text::ends_clause;

/// The top-level section of plans for next year (下一步工作打算 and its variants), by the
/// words of its heading.
pub fn is_plan_heading(h: &str) -> bool {
    ["下一步", "打算", "计划", "思路", "明年", "工作安排"]
        .iter()
        .any(|k| h.contains(k))
}

/// `2023年` → `2024年` wherever the old year stands as a whole year.
fn bump_years(text: &str, old: i32, new: i32) -> String {
    let (from, to) = (format!("{old}年"), format!("{new}年"));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find(&from) {
        let digit_before = rest[..k].chars().last().is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..k]);
        out.push_str(if digit_before { &from } else { &to });
        rest = &rest[k + from.len()..];
    }
    out.push_str(rest);
    out
}

/// An item without the mark that closed it in the list (`加强培训；` → `加强培训`).
fn strip_end(s: &str) -> String {
    s.trim().trim_end_matches(ends_clause).to_string()
}

/// Splits `一是…。二是…。` into its items; a paragraph without them is one item.
fn enumerated_items(p: &str) -> Vec<String> {
    let c: Vec<char> = p.chars().collect();
    let starts: Vec<usize> = (0..c.len())
        .filter(|&i| enumeration_at(&c, i).is_some())
        .collect();
    if starts.len() < 2 {
        return vec![strip_end(p)];
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let e = starts.get(k + 1).copied().unwrap_or(c.len());
            strip_end(&c[s..e].iter().collect::<String>())
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The items of the 下一步工作打算 section of `r`.
pub fn plan_items(r: &Report) -> Vec<String> {
    let Some(plan) = r
        .sections
        .iter()
        .rev()
        .find(|s| is_plan_heading(&s.heading))
    else {
        return Vec::new();
    };
    if !plan.children.is_empty() {
        return plan
            .children
            .iter()
            .map(|c| {
                let h = strip_end(&c.heading);
                if h.is_empty() {
                    super::texts(&c.paragraphs)
                        .next()
                        .map(strip_end)
                        .unwrap_or_default()
                } else {
                    h
                }
            })
            .filter(|t| !t.is_empty())
            .collect();
    }
    super::texts(&plan.paragraphs)
        .flat_map(enumerated_items)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The copy for next year (see the module comment for what is kept).
pub fn next_year_copy(old: &Report) -> Report {
    let (y0, y1) = (old.year, old.year + 1);
    fn clear(s: &Section) -> Section {
        Section {
            id: None,
            heading: s.heading.clone(),
            run_in: s.run_in,
            paragraphs: Vec::new(),
            children: s.children.iter().map(clear).collect(),
        }
    }
    let mut r = old.clone();
    r.id = None;
    r.year = y1;
    r.title = bump_years(&old.title, y0, y1);
    r.opening = old
        .opening
        .iter()
        .map(|p| {
            if p.trim_start().starts_with(&format!("{y0}年")) {
                bump_years(p, y0, y1)
            } else {
                p.clone()
            }
        })
        .collect();
    r.sections = old.sections.iter().map(clear).collect();
    if let Some(plan) = r
        .sections
        .iter_mut()
        .rev()
        .find(|s| is_plan_heading(&s.heading))
    {
        plan.children.clear();
    }
    r.attachments = old
        .attachments
        .iter()
        .map(|a| super::Attachment {
            name: bump_years(&a.name, y0, y1),
            paragraphs: a.paragraphs.clone(),
        })
        .collect();
    r.date = None;
    r.status = Status::Draft;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_move_on_only_as_whole_years() {
        assert_eq!(
            bump_years("2023年工作，12023年", 2023, 2024),
            "2024年工作，12023年"
        );
    }

    #[test]
    fn yi_shi_items() {
        assert_eq!(
            enumerated_items("明年我们将：一是加强培训；二是强化考核。"),
            vec!["一是加强培训", "二是强化考核"]
        );
        assert_eq!(enumerated_items("继续做好公开。"), vec!["继续做好公开"]);
    }
}
