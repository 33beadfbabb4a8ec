//! The document body as docx-rs paragraphs: title, blank line, the blocks of
//! [`body_blocks`], attachments note, signature and date. Paragraphs name a style of
//! [`super::styles`]; only indents that depend on the text (attachments, signature, date)
//! are set on the paragraph.

use super::styles;
use super::text::{east_asian_runs, sanitize};
use crate::model::{body_blocks, Block, Report};
use crate::spec::docx::{latin_advance, DocxLayout};
use crate::spec::Spec;
use docx_rs::{AlignmentType, Paragraph, Run, RunFonts, SpecialIndentType};

/// The runs of one piece of text in one character style (`None`: the paragraph's): cut
/// where Chinese punctuation needs the East Asian hint (see [`east_asian_runs`]).
fn runs(text: &str, style: Option<&str>) -> Vec<Run> {
    east_asian_runs(&sanitize(text))
        .into_iter()
        .map(|(t, hinted)| {
            let mut r = Run::new().add_text(t);
            if let Some(s) = style {
                r = r.style(s);
            }
            if hinted {
                r = r.fonts(RunFonts::new().hint("eastAsia"));
            }
            r
        })
        .collect()
}

/// `p` with the runs of `text` appended.
fn with_text(p: Paragraph, text: &str, style: Option<&str>) -> Paragraph {
    runs(text, style).into_iter().fold(p, |p, r| p.add_run(r))
}

fn blank() -> Paragraph {
    Paragraph::new().style(styles::NORMAL)
}

/// Width of body text in twips: CJK characters take one condensed cell, Latin and digits
/// their Times New Roman advance.
fn width(spec: &Spec, d: &DocxLayout, text: &str) -> i32 {
    let em = spec.fonts.body.size * 20.0;
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                (latin_advance(c) * em).round() as i32 + d.char_spacing
            } else {
                d.body_char
            }
        })
        .sum()
}

pub fn paragraphs(report: &Report, spec: &Spec) -> Vec<Paragraph> {
    let d = spec.docx();
    let mut out = Vec::new();
    let title = report.title.trim();
    if !title.is_empty() {
        out.push(with_text(
            Paragraph::new().style(styles::TITLE),
            title,
            None,
        ));
        for _ in 0..spec.blank_lines_after_title {
            out.push(blank());
        }
    }
    for block in body_blocks(report) {
        out.push(match block {
            Block::Paragraph(text) => with_text(blank(), &text, None),
            Block::Heading {
                level,
                number,
                text,
            } => with_text(
                Paragraph::new().style(&styles::heading(level)),
                &format!("{number}{text}"),
                None,
            ),
            Block::RunIn {
                level,
                number,
                heading,
                body,
            } => {
                let p = with_text(
                    blank(),
                    &format!("{number}{heading}"),
                    Some(&styles::heading_char(level)),
                );
                with_text(p, &body, None)
            }
        });
    }
    attachments(report, spec, &d, &mut out);
    signature(report, spec, &mut out);
    out
}

/// `附件：1.××` with the names aligned: a hanging indent the width of `附件：` plus the
/// number, so wrapped lines and the following items line up under the first name.
fn attachments(report: &Report, spec: &Spec, d: &DocxLayout, out: &mut Vec<Paragraph>) {
    let names: Vec<String> = report
        .attachments
        .iter()
        .map(|a| sanitize(a.trim()))
        .filter(|a| !a.is_empty())
        .collect();
    if names.is_empty() {
        return;
    }
    for _ in 0..spec.blank_lines_before_attachments {
        out.push(blank());
    }
    const LABEL: &str = "附件：";
    let indent = spec.first_line_indent_chars as i32 * d.body_char;
    let label = width(spec, d, LABEL);
    let single = names.len() == 1;
    for (i, name) in names.iter().enumerate() {
        let number = if single {
            String::new()
        } else {
            format!("{}.", i + 1)
        };
        let left = indent + label + width(spec, d, &number);
        let (text, hanging) = if i == 0 {
            (
                format!("{LABEL}{number}{name}"),
                label + width(spec, d, &number),
            )
        } else {
            (format!("{number}{name}"), width(spec, d, &number))
        };
        out.push(with_text(
            Paragraph::new().style(styles::ATTACHMENT).indent(
                Some(left),
                Some(SpecialIndentType::Hanging(hanging)),
                None,
                None,
            ),
            &text,
            None,
        ));
    }
}

/// Right indents of the signing unit and the date, in twips (FORMAT.md: the unit 2
/// characters from the right, the date's first character 2 characters right of the unit's;
/// a longer date 2 characters from the right with the unit moved; sealed: the date 4
/// characters from the right with the unit centred over it).
pub fn signature_indents(spec: &Spec, unit: &str, date: &str, sealed: bool) -> (i32, i32) {
    let d = spec.docx();
    let c = d.body_char;
    let (u, w) = (width(spec, &d, unit), width(spec, &d, date));
    if sealed {
        let date_right = spec.date_right_chars_sealed as i32 * c;
        return (((date_right * 2 + w - u) / 2).max(0), date_right);
    }
    let unit_right = spec.signature_right_chars as i32 * c;
    let offset = spec.date_offset_chars as i32 * c;
    let date_right = unit_right + u - offset - w;
    let min_date_right = spec.date_right_chars as i32 * c;
    if date_right >= min_date_right {
        (unit_right, date_right)
    } else {
        (min_date_right + w + offset - u, min_date_right)
    }
}

fn signature(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) {
    let unit = sanitize(report.signature.trim());
    let date = report.date.map(|x| x.to_chinese()).unwrap_or_default();
    if unit.is_empty() && date.is_empty() {
        return;
    }
    for _ in 0..spec.blank_lines_before_signature {
        out.push(blank());
    }
    let (unit_right, date_right) = signature_indents(spec, &unit, &date, report.seal);
    for (style, text, right) in [
        (styles::SIGNATURE, &unit, unit_right),
        (styles::DATE, &date, date_right),
    ] {
        if !text.is_empty() {
            out.push(with_text(
                Paragraph::new()
                    .style(style)
                    .align(AlignmentType::Right)
                    .indent(Some(0), None, Some(right), None),
                text,
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_starts_two_characters_right_of_the_unit() {
        let s = Spec::official();
        let c = s.docx().body_char;
        // A unit much longer than the date: unit 2 chars from the right.
        let (u, d) = signature_indents(&s, "双河镇人民政府办公室党政综合办", "2024年1月5日", false);
        assert_eq!(u, 2 * c);
        let unit_start = u + 15 * c;
        let date_w = 3 * c + 6 * (160 + s.docx().char_spacing);
        assert_eq!(d + date_w, unit_start - 2 * c);
        // Date as long as the unit: date 2 chars from the right, unit moved left.
        let (u, d) = signature_indents(&s, "双河镇人民政府", "2024年12月20日", false);
        assert_eq!(d, 2 * c);
        assert!(u > d);
    }

    #[test]
    fn sealed_date_sits_four_characters_from_the_right() {
        let s = Spec::official();
        let c = s.docx().body_char;
        let (_, d) = signature_indents(&s, "双河镇人民政府", "2024年12月20日", true);
        assert_eq!(d, 4 * c);
    }
}
