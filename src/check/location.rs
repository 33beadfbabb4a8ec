//! Where a piece of text sits in a report, as a value the app can send back to jump to it or to
//! edit exactly that text. Paths index the section tree from the top level (`[0, 1]` is the
//! second child of the first level-1 section).

use crate::model::numbering::heading_number;
use crate::model::{Item, Report, Section};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a piece of text sits in a report (serialised as `{"part": "paragraph", "path": [0, 1],
/// "index": 0}`). Indices and path elements are 0-based; `path` walks the section tree from the
/// top level. The checks report findings here and the app sends it back to jump to or edit the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Location {
    /// The report's title (标题).
    Title,
    /// 副标题.
    Subtitle,
    /// 主送机关.
    Addressee,
    /// 导语 paragraph `index`.
    Opening {
        /// 0-based index into `Report::opening`.
        index: usize,
    },
    /// The heading text of the section at `path`.
    Heading {
        /// 0-based indices from the top-level section down to this one.
        path: Vec<usize>,
    },
    /// Paragraph `index` of the section at `path`.
    Paragraph {
        /// 0-based indices from the top-level section down to the paragraph's section.
        path: Vec<usize>,
        /// 0-based index into that section's `paragraphs`.
        index: usize,
    },
    /// Cell `cell` of row `row` of the table that is item `index` of the section at `path`
    /// (a finding about a number in a statutory table). The app focuses the input with id
    /// `cell-{nodeId}-{index}-{row}-{cell}`.
    TableCell {
        /// 0-based indices from the top-level section down to the table's section.
        path: Vec<usize>,
        /// 0-based index of the table among that section's `paragraphs`.
        index: usize,
        /// 0-based index into the table's `rows` (header rows included).
        row: usize,
        /// 0-based index of the cell in that row (cells covered by a span from above are not
        /// in the row, so this is not always the grid column).
        cell: usize,
    },
    /// 附件说明 item `index`.
    Attachment {
        /// 0-based index into `Report::attachments`.
        index: usize,
    },
    /// Paragraph `index` of attachment `attachment`'s own text (its pages, GB/T 9704-2012
    /// §7.3.7).
    AttachmentParagraph {
        /// 0-based index into `Report::attachments`.
        attachment: usize,
        /// 0-based index into that attachment's `paragraphs`.
        index: usize,
    },
    /// 落款 (signing unit).
    Signature,
    /// 成文日期 (a typed field, not text).
    Date,
    /// 附注 below the date.
    Note,
    /// The report as a whole or its metadata (year, unit).
    Report,
    /// The 版头 (发文机关标志, 发文字号, 签发人; typed fields, not text).
    Header,
    /// The 版记 (抄送, 印发机关, 印发日期; typed fields, not text).
    Record,
}

impl Location {
    /// The section path this location belongs to, if any.
    pub fn path(&self) -> Option<&[usize]> {
        match self {
            Location::Heading { path }
            | Location::Paragraph { path, .. }
            | Location::TableCell { path, .. } => Some(path),
            _ => None,
        }
    }

    /// A short Chinese description for messages, e.g. `一、（二）第1段`.
    pub fn describe(&self) -> String {
        match self {
            Location::Title => "标题".into(),
            Location::Subtitle => "副标题".into(),
            Location::Addressee => "主送机关".into(),
            Location::Note => "附注".into(),
            Location::Opening { index } => format!("导语第{}段", index + 1),
            Location::Heading { path } => format!("{}小标题", numbers(path)),
            Location::Paragraph { path, index } => format!("{}第{}段", numbers(path), index + 1),
            Location::TableCell {
                path, row, cell, ..
            } => {
                format!("{}表格第{}行第{}格", numbers(path), row + 1, cell + 1)
            }
            Location::Attachment { index } => format!("附件{}", index + 1),
            Location::AttachmentParagraph { attachment, index } => {
                format!("附件{}第{}段", attachment + 1, index + 1)
            }
            Location::Header => "版头".into(),
            Location::Record => "版记".into(),
            Location::Signature => "落款".into(),
            Location::Date => "成文日期".into(),
            Location::Report => "报告信息".into(),
        }
    }
}

/// `一、（二）1.` for a path, numbered as the exporters number it.
pub fn numbers(path: &[usize]) -> String {
    path.iter()
        .enumerate()
        .map(|(depth, i)| heading_number((depth + 1).min(4) as u8, *i))
        .collect()
}

pub fn section_at<'a>(report: &'a Report, path: &[usize]) -> Option<&'a Section> {
    let (first, rest) = path.split_first()?;
    let mut cur = report.sections.get(*first)?;
    for i in rest {
        cur = cur.children.get(*i)?;
    }
    Some(cur)
}

pub fn section_at_mut<'a>(report: &'a mut Report, path: &[usize]) -> Option<&'a mut Section> {
    let (first, rest) = path.split_first()?;
    let mut cur = report.sections.get_mut(*first)?;
    for i in rest {
        cur = cur.children.get_mut(*i)?;
    }
    Some(cur)
}

fn item_text(item: &Item) -> Option<&String> {
    match item {
        Item::Text(t) => Some(t),
        Item::Table { .. } => None,
    }
}

fn item_text_mut(item: &mut Item) -> Option<&mut String> {
    match item {
        Item::Text(t) => Some(t),
        Item::Table { .. } => None,
    }
}

/// The editable text at `loc`, if it exists (`None` for a table item).
pub fn text_at<'a>(report: &'a Report, loc: &Location) -> Option<&'a String> {
    match loc {
        Location::Title => Some(&report.title),
        Location::Subtitle => report.subtitle.as_ref(),
        Location::Addressee => report.addressee.as_ref(),
        Location::Note => report.note.as_ref(),
        Location::Opening { index } => report.opening.get(*index),
        Location::Heading { path } => section_at(report, path).map(|s| &s.heading),
        Location::Paragraph { path, index } => {
            section_at(report, path).and_then(|s| item_text(s.paragraphs.get(*index)?))
        }
        Location::Attachment { index } => report.attachments.get(*index).map(|a| &a.name),
        Location::AttachmentParagraph { attachment, index } => report
            .attachments
            .get(*attachment)
            .and_then(|a| item_text(a.paragraphs.get(*index)?)),
        Location::Signature => Some(&report.signature),
        Location::Date
        | Location::Report
        | Location::Header
        | Location::Record
        | Location::TableCell { .. } => None,
    }
}

pub fn text_at_mut<'a>(report: &'a mut Report, loc: &Location) -> Option<&'a mut String> {
    match loc {
        Location::Title => Some(&mut report.title),
        Location::Subtitle => report.subtitle.as_mut(),
        Location::Addressee => report.addressee.as_mut(),
        Location::Note => report.note.as_mut(),
        Location::Opening { index } => report.opening.get_mut(*index),
        Location::Heading { path } => section_at_mut(report, path).map(|s| &mut s.heading),
        Location::Paragraph { path, index } => {
            section_at_mut(report, path).and_then(|s| item_text_mut(s.paragraphs.get_mut(*index)?))
        }
        Location::Attachment { index } => report.attachments.get_mut(*index).map(|a| &mut a.name),
        Location::AttachmentParagraph { attachment, index } => report
            .attachments
            .get_mut(*attachment)
            .and_then(|a| item_text_mut(a.paragraphs.get_mut(*index)?)),
        Location::Signature => Some(&mut report.signature),
        Location::Date
        | Location::Report
        | Location::Header
        | Location::Record
        | Location::TableCell { .. } => None,
    }
}

/// Every piece of text of a report with its location, in reading order.
pub fn texts(report: &Report) -> Vec<(Location, &str)> {
    let mut out = vec![(Location::Title, report.title.as_str())];
    if let Some(s) = &report.subtitle {
        out.push((Location::Subtitle, s.as_str()));
    }
    if let Some(a) = &report.addressee {
        out.push((Location::Addressee, a.as_str()));
    }
    for (i, p) in report.opening.iter().enumerate() {
        out.push((Location::Opening { index: i }, p.as_str()));
    }
    fn walk<'a>(list: &'a [Section], prefix: &mut Vec<usize>, out: &mut Vec<(Location, &'a str)>) {
        for (i, s) in list.iter().enumerate() {
            prefix.push(i);
            out.push((
                Location::Heading {
                    path: prefix.clone(),
                },
                s.heading.as_str(),
            ));
            for (j, p) in s.paragraphs.iter().enumerate() {
                let Some(p) = p.text() else { continue };
                out.push((
                    Location::Paragraph {
                        path: prefix.clone(),
                        index: j,
                    },
                    p,
                ));
            }
            walk(&s.children, prefix, out);
            prefix.pop();
        }
    }
    walk(&report.sections, &mut Vec::new(), &mut out);
    for (i, a) in report.attachments.iter().enumerate() {
        out.push((Location::Attachment { index: i }, a.name.as_str()));
    }
    for (i, a) in report.attachments.iter().enumerate() {
        for (j, p) in a.paragraphs.iter().enumerate() {
            let Some(p) = p.text() else { continue };
            out.push((
                Location::AttachmentParagraph {
                    attachment: i,
                    index: j,
                },
                p,
            ));
        }
    }
    out.push((Location::Signature, report.signature.as_str()));
    if let Some(n) = &report.note {
        out.push((Location::Note, n.as_str()));
    }
    out
}

/// Replaces chars `start..end` of `text` (char offsets, not bytes) with `with`.
/// `None` when the range is outside the text.
pub fn replace_chars(text: &str, start: usize, end: usize, with: &str) -> Option<String> {
    if start > end {
        return None;
    }
    let mut idx = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let b_start = idx.nth(start)?;
    let b_end = if end == start {
        b_start
    } else {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .nth(end)?
    };
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..b_start]);
    out.push_str(with);
    out.push_str(&text[b_end..]);
    Some(out)
}

/// Chars `start..end` of `text`, or `None` when out of range.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<String> {
    if start > end || end > text.chars().count() {
        return None;
    }
    Some(text.chars().skip(start).take(end - start).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_slicing_is_safe_on_chinese() {
        assert_eq!(replace_chars("共X条", 1, 2, "12").unwrap(), "共12条");
        assert_eq!(replace_chars("共X条", 3, 3, "。").unwrap(), "共X条。");
        assert!(replace_chars("共X条", 2, 9, "a").is_none());
        assert!(replace_chars("共X条", 2, 1, "a").is_none());
        assert_eq!(slice_chars("双溪乡", 1, 3).unwrap(), "溪乡");
        assert!(slice_chars("双溪乡", 1, 4).is_none());
    }

    #[test]
    fn describe_uses_derived_numbers() {
        let l = Location::Paragraph {
            path: vec![0, 1, 2],
            index: 0,
        };
        assert_eq!(l.describe(), "一、（二）3.第1段");
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(json, r#"{"part":"paragraph","path":[0,1,2],"index":0}"#);
    }
}
