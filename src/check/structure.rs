//! Structure: missing title/signature/date, empty sections and headings, numbers typed into
//! headings (the layout numbers them), gaps in typed enumerations (`一是…二是…四是`, `1.…3.`),
//! and more than four levels.

use super::location::Location;
use super::{codes, Finding, Severity};
use crate::model::numbering::{enumeration_at, parse_marker_str};
use crate::model::{Report, Section, MAX_LEVEL};
use crate::text::ends_sentence;

/// A heading that is itself a full statement counts as content: it ends like a sentence, or
/// with `；` (one of a list of statements) or `…`. Not with `：`, which announces what follows.
fn is_statement(heading: &str) -> bool {
    heading
        .trim_end()
        .ends_with(|c| ends_sentence(c) || matches!(c, '；' | ';' | '…'))
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    if report.title.trim().is_empty() {
        out.push(Finding::new(
            Severity::Error,
            codes::MISSING_TITLE,
            Location::Title,
            "缺少标题。",
        ));
    }
    if report.signature.trim().is_empty() {
        out.push(Finding::new(
            Severity::Warning,
            codes::MISSING_SIGNATURE,
            Location::Signature,
            "缺少落款（发文机关署名）。",
        ));
    }
    if report.date.is_none() {
        out.push(Finding::new(
            Severity::Warning,
            codes::MISSING_DATE,
            Location::Date,
            "缺少成文日期。",
        ));
    }
    enumeration(&report.opening, |i| Location::Opening { index: i }, out);
    walk(&report.sections, &mut Vec::new(), out);
}

fn walk(list: &[Section], path: &mut Vec<usize>, out: &mut Vec<Finding>) {
    for (i, s) in list.iter().enumerate() {
        path.push(i);
        let heading_loc = Location::Heading { path: path.clone() };
        let has_text = s.paragraphs.iter().any(|p| !p.is_blank());
        if path.len() > MAX_LEVEL as usize {
            out.push(Finding::new(
                Severity::Error,
                codes::TOO_DEEP,
                heading_loc.clone(),
                "标题层级超过四级（一、（一）1.（1）），请把这一节并入上一级。",
            ));
        }
        if s.heading.trim().is_empty() {
            let msg = if has_text || !s.children.is_empty() {
                "这一节缺少小标题。"
            } else {
                "空白小节：没有标题也没有内容，导出时略去（后面的小节依次编号），可以删除。"
            };
            let code = if has_text || !s.children.is_empty() {
                codes::EMPTY_HEADING
            } else {
                codes::EMPTY_SECTION
            };
            out.push(Finding::new(
                Severity::Warning,
                code,
                heading_loc.clone(),
                msg,
            ));
        } else if !has_text && s.children.is_empty() && !is_statement(&s.heading) {
            out.push(Finding::new(
                Severity::Warning,
                codes::EMPTY_SECTION,
                heading_loc.clone(),
                format!("“{}”下面还没有内容。", s.heading.trim()),
            ));
        }
        if let Some(m) = parse_marker_str(s.heading.trim_start()) {
            let lead = s.heading.chars().count() - s.heading.trim_start().chars().count();
            let typed: String = s.heading.chars().skip(lead).take(m.len).collect();
            out.push(
                Finding::new(
                    Severity::Warning,
                    codes::TYPED_NUMBER,
                    heading_loc.clone(),
                    format!(
                        "小标题里手工写了编号“{}”，导出时会自动编号，重复了。",
                        typed.trim()
                    ),
                )
                .span(&s.heading, lead, lead + m.len)
                .replace_fix(&s.heading, "删除手写编号", ""),
            );
        }
        let p = path.clone();
        enumeration(
            &s.paragraphs,
            move |j| Location::Paragraph {
                path: p.clone(),
                index: j,
            },
            out,
        );
        walk(&s.children, path, out);
        path.pop();
    }
}

/// The text of an opening paragraph (a string) or of a body item (`None` for a table).
trait AsParagraph {
    fn paragraph(&self) -> Option<&str>;
}

impl AsParagraph for String {
    fn paragraph(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsParagraph for crate::model::Item {
    fn paragraph(&self) -> Option<&str> {
        self.text()
    }
}

/// Typed sequences: paragraphs that start with `1.` `2.` … must count up by one; inside a
/// paragraph `一是` `二是` … likewise.
fn enumeration<P: AsParagraph>(
    paras: &[P],
    loc: impl Fn(usize) -> Location,
    out: &mut Vec<Finding>,
) {
    let mut prev: Option<(u8, usize)> = None;
    for (j, p) in paras.iter().enumerate() {
        // A table interrupts nothing: a sequence may continue after it.
        let Some(p) = p.paragraph() else { continue };
        match parse_marker_str(p.trim_start()) {
            Some(m) => {
                if let Some((level, n)) = prev {
                    if level == m.level && m.ordinal != n + 1 {
                        out.push(Finding::new(
                            Severity::Warning,
                            codes::NUMBERING_GAP,
                            loc(j),
                            format!(
                                "段首编号不连续：上一段是第{n}项，这一段是第{}项。",
                                m.ordinal
                            ),
                        ));
                    }
                }
                prev = Some((m.level, m.ordinal));
            }
            None => prev = None,
        }
        yi_shi(p, loc(j), out);
    }
}

/// `一是…二是…四是`: the ordinals must run 1, 2, 3 …
fn yi_shi(p: &str, loc: Location, out: &mut Vec<Finding>) {
    let c: Vec<char> = p.chars().collect();
    let mut expected = 1;
    let mut i = 0;
    while i < c.len() {
        if let Some((v, n)) = enumeration_at(&c, i) {
            if v != expected && !(v == 1 && expected > 1) {
                out.push(
                    Finding::new(
                        Severity::Warning,
                        codes::NUMBERING_GAP,
                        loc.clone(),
                        format!("列举顺序不连续：这里应为第{expected}项，写成了第{v}项。"),
                    )
                    .span(p, i, i + n),
                );
            }
            expected = v + 1;
            i += n;
            continue;
        }
        i += 1;
    }
}

/// A paragraph that is a table pasted as plain text (its cells joined by `｜` on import, or
/// typed so): four or more short cells, two of them numbers. Tables do not exist in the model
/// yet, so the clerk is told to rebuild it in Word.
pub fn pasted_tables(report: &Report, out: &mut Vec<Finding>) {
    for (loc, text) in super::location::texts(report) {
        if !matches!(loc, Location::Opening { .. } | Location::Paragraph { .. }) {
            continue;
        }
        let cells: Vec<&str> = text.split(['｜', '|']).map(str::trim).collect();
        let numbers = cells
            .iter()
            .filter(|c| {
                !c.is_empty()
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || ".%％".contains(ch))
            })
            .count();
        if cells.len() >= 4 && numbers >= 2 && cells.iter().all(|c| c.chars().count() <= 20) {
            out.push(Finding::new(
                Severity::Warning,
                codes::PASTED_TABLE,
                loc.clone(),
                format!(
                    "这一段是按纯文字粘贴的表格（{}个格子用“｜”隔开）：导出后不是表格，请在 Word 中重新做成表格。",
                    cells.len()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(r: &Report) -> Vec<String> {
        let mut out = Vec::new();
        check(r, &mut out);
        out.into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn yi_shi_gap_is_found_and_a_clean_run_is_not() {
        let mut out = Vec::new();
        yi_shi("一是甲。二是乙。四是丁。", Location::Title, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].excerpt.contains("四是"));
        let mut out = Vec::new();
        yi_shi(
            "一是甲；二是乙；三是丙。统一思想",
            Location::Title,
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn statement_heading_is_not_empty() {
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.signature = "甲乡人民政府".into();
        r.date = crate::model::Date::new(2024, 12, 1);
        r.sections.push(Section::new("公布法律法规；"));
        assert!(codes_of(&r).is_empty());
    }
}
