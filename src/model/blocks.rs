//! The body of a report flattened into the paragraphs every exporter writes, in order, with
//! the derived heading numbers. DOCX and PDF both consume this, so they cannot disagree on
//! numbering, run-in handling or order.

use super::numbering::heading_number;
use super::{Item, Report, Section, Table, MAX_LEVEL};
use crate::text::ends_clause;

/// One paragraph of the flattened body, in the order the exporters write them (see
/// [`body_blocks`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A body paragraph (opening or section text).
    Paragraph(String),
    /// A heading on its own line: `number` + `text`, in the font of its level.
    Heading {
        /// Heading level, 1–4 (`一、`, `（一）`, `1.`, `（1）`; GB/T 9704-2012 §7.3.3).
        level: u8,
        /// The derived number with its punctuation, e.g. `（二）`.
        number: String,
        /// The heading text without its number.
        text: String,
    },
    /// A run-in heading: `number` + `heading` (ending with `。`) in the heading font, then
    /// `body` in the body font, all in one paragraph.
    RunIn {
        /// Heading level, 1–4 (GB/T 9704-2012 §7.3.3), as for [`Block::Heading`].
        level: u8,
        /// The derived number with its punctuation, e.g. `1.`.
        number: String,
        /// The heading sentence, ending with a mark that ends a clause (`。` added when it had none).
        heading: String,
        /// The section's first non-empty paragraph (empty when it has none), set in the body font
        /// after the heading.
        body: String,
    },
    /// A table (in its section's order among the paragraphs).
    Table(Table),
}

/// A run-in heading sentence always ends with a full stop; add `。` when the clerk left off
/// every mark that ends a sentence or clause ([`ends_clause`]).
pub fn run_in_heading(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(ends_clause) {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// Opening paragraphs, then each section depth-first: heading (or run-in paragraph), its
/// paragraphs, its children. Empty paragraphs are dropped (they would print as blank lines).
pub fn body_blocks(report: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    for p in &report.opening {
        push_paragraph(&mut out, p);
    }
    walk(&report.sections, 1, &mut out);
    out
}

fn push_paragraph(out: &mut Vec<Block>, text: &str) {
    let t = text.trim();
    if !t.is_empty() {
        out.push(Block::Paragraph(t.to_string()));
    }
}

/// Whether a section prints anything: a heading, a non-blank item, or a child that prints.
/// A blank section (just added in the editor and left empty) would print as a bare `二、`, so
/// [`body_blocks`] leaves it out.
pub fn section_prints(s: &Section) -> bool {
    !s.heading.trim().is_empty()
        || s.paragraphs.iter().any(|p| !p.is_blank())
        || s.children.iter().any(section_prints)
}

fn walk(sections: &[Section], level: u8, out: &mut Vec<Block>) {
    let level = level.min(MAX_LEVEL);
    // Numbers count the printed sections only, so a blank one leaves no gap (一、二、 not 一、三、).
    for (i, s) in sections.iter().filter(|s| section_prints(s)).enumerate() {
        let number = heading_number(level, i);
        let mut items = s.paragraphs.iter().filter(|p| !p.is_blank()).peekable();
        if s.run_in {
            // The run-in paragraph takes the first paragraph only when no table comes first.
            let body = match items.peek() {
                Some(Item::Text(t)) => {
                    let t = t.trim().to_string();
                    items.next();
                    t
                }
                _ => String::new(),
            };
            out.push(Block::RunIn {
                level,
                number,
                heading: run_in_heading(&s.heading),
                body,
            });
        } else {
            out.push(Block::Heading {
                level,
                number,
                text: s.heading.trim().to_string(),
            });
        }
        for p in items {
            match p {
                Item::Text(t) => out.push(Block::Paragraph(t.trim().to_string())),
                Item::Table { table } => out.push(Block::Table(table.clone())),
            }
        }
        walk(&s.children, level + 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_section_prints_nothing_and_leaves_no_gap_in_the_numbers() {
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.sections = vec![
            Section::new("甲"),
            Section {
                paragraphs: vec!["  ".into()],
                ..Section::new(" ")
            },
            Section::new("乙"),
        ];
        let numbers: Vec<String> = body_blocks(&r)
            .into_iter()
            .map(|b| match b {
                Block::Heading { number, text, .. } => format!("{number}{text}"),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(numbers, ["一、甲", "二、乙"]);
    }

    fn sample() -> Report {
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.opening = vec!["导语。".into(), "  ".into()];
        let mut one = Section::new("工作开展情况");
        one.children.push(Section {
            heading: "强化组织领导".into(),
            run_in: true,
            paragraphs: vec!["成立了领导小组。".into(), "第二段。".into()],
            ..Section::default()
        });
        let mut second = Section::new("完善制度");
        second.children.push(Section::new("细则"));
        second.children[0].children.push(Section::new("第一条"));
        one.children.push(second);
        r.sections.push(one);
        r.sections.push(Section::new("存在的问题"));
        r
    }

    #[test]
    fn numbering_is_derived_from_position() {
        let b = body_blocks(&sample());
        let numbers: Vec<_> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, .. } | Block::RunIn { number, .. } => {
                    Some(number.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(numbers, ["一、", "（一）", "（二）", "1.", "（1）", "二、"]);
    }

    #[test]
    fn run_in_takes_first_paragraph_and_adds_full_stop() {
        let b = body_blocks(&sample());
        assert_eq!(b[0], Block::Paragraph("导语。".into()));
        assert_eq!(
            b[2],
            Block::RunIn {
                level: 2,
                number: "（一）".into(),
                heading: "强化组织领导。".into(),
                body: "成立了领导小组。".into()
            }
        );
        assert_eq!(b[3], Block::Paragraph("第二段。".into()));
        assert_eq!(run_in_heading("已有问号？"), "已有问号？");
    }

    #[test]
    fn moving_a_section_renumbers() {
        let mut r = sample();
        r.sections.swap(0, 1);
        let b = body_blocks(&r);
        assert_eq!(
            b[1],
            Block::Heading {
                level: 1,
                number: "一、".into(),
                text: "存在的问题".into()
            }
        );
    }
}
