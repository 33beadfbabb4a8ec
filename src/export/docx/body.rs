//! The document body as docx-rs paragraphs: title, subtitle, blank line, addressee, the
//! blocks of [`body_blocks`], attachments note, signature, date and note (the optional parts
//! in [`super::parts`]). Paragraphs name a style of
//! [`super::styles`]; only indents that depend on the text (attachments, signature, date)
//! are set on the paragraph.

use super::parts;
use super::styles;
use super::text::{east_asian_runs, sanitize};
use crate::model::{body_blocks, Block, Report};
use crate::spec::{twips, Role, Spec};
use crate::typeset::{title_lines, FixedMetrics};
use docx_rs::{AlignmentType, BreakType, Paragraph, Run, RunFonts, SpecialIndentType};

/// The runs of one piece of text in one character style (`None`: the paragraph's), set in
/// `east_asian` (the role's East Asian face): cut where Chinese punctuation needs the East
/// Asian hint (see [`east_asian_runs`]). A hinted run holds only full-width characters, so it
/// also names that face for `w:ascii`/`w:hAnsi`: Word and WPS choose it by the hint already,
/// while LibreOffice ignores the hint and sets the Latin-1 middle dot · in the Latin face,
/// half-width (measured with 7.4), which moves its line breaks away from Word's and ours.
fn runs(text: &str, style: Option<&str>, east_asian: &str) -> Vec<Run> {
    east_asian_runs(&sanitize(text))
        .into_iter()
        .map(|(t, hinted)| {
            let mut r = Run::new().add_text(t);
            if let Some(s) = style {
                r = r.style(s);
            }
            if hinted {
                r = r.fonts(
                    RunFonts::new()
                        .hint("eastAsia")
                        .ascii(east_asian)
                        .hi_ansi(east_asian),
                );
            }
            r
        })
        .collect()
}

/// `p` with the runs of `text` appended, in `role`'s East Asian face.
pub(super) fn with_text(
    p: Paragraph,
    text: &str,
    style: Option<&str>,
    east_asian: &str,
) -> Paragraph {
    runs(text, style, east_asian)
        .into_iter()
        .fold(p, |p, r| p.add_run(r))
}

/// A centred title's runs with the typesetter's line breaks (`typeset::title_lines`) as
/// `w:br`, so every word processor breaks it where the PDF does (GB/T 9704-2012 §7.3.1).
pub(super) fn title_paragraph(p: Paragraph, text: &str, role: Role, spec: &Spec) -> Paragraph {
    let face = spec.font(role).east_asian;
    title_lines(text, role, spec, &FixedMetrics)
        .iter()
        .enumerate()
        .fold(p, |p, (i, line)| {
            let p = if i > 0 {
                p.add_run(Run::new().add_break(BreakType::TextWrapping))
            } else {
                p
            };
            with_text(p, line, None, face)
        })
}

pub(super) fn blank() -> Paragraph {
    Paragraph::new().style(styles::NORMAL)
}

/// The body's paragraphs, one per part and per block of [`body_blocks`]; a table is a marker
/// paragraph (`super::table::marker`) whose `w:tbl` XML is pushed to `tables`.
pub fn paragraphs(report: &Report, spec: &Spec, tables: &mut Vec<String>) -> Vec<Paragraph> {
    let mut out = super::formal::header(report, spec);
    let title = report.title.trim();
    if !title.is_empty() {
        out.push(title_paragraph(
            Paragraph::new().style(styles::TITLE),
            title,
            Role::Title,
            spec,
        ));
    }
    let subtitle = parts::subtitle(report, spec, &mut out);
    if !title.is_empty() || subtitle {
        for _ in 0..spec.blank_lines_after_title {
            out.push(blank());
        }
    }
    parts::addressee(report, spec, &mut out);
    let body_face = spec.font(Role::Body).east_asian;
    let body_start = out.len();
    for block in body_blocks(report) {
        out.push(match block {
            Block::Paragraph(text) => with_text(blank(), &text, None, body_face),
            Block::Heading {
                level,
                number,
                text,
            } => with_text(
                Paragraph::new().style(&styles::heading(level)),
                &format!("{number}{text}"),
                None,
                spec.font(Role::heading(level)).east_asian,
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
                    spec.font(Role::heading(level)).east_asian,
                );
                with_text(p, &body, None, body_face)
            }
            Block::Table(t) => {
                tables.push(super::table::table_xml(&t, spec));
                super::table::marker(tables.len() - 1)
            }
        });
    }
    let closing_start = out.len();
    attachments(report, spec, &mut out);
    signature(report, spec, &mut out);
    super::keep::keep_closing(report, spec, &mut out, body_start, closing_start);
    out.extend(super::formal::attachment_pages(report, spec, tables));
    out
}

/// `附件：1.××` with the names aligned: a hanging indent the width of `附件：` plus the
/// number, so wrapped lines and the following items line up under the first name
/// ([`Spec::attachment_line`]).
fn attachments(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) {
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
    let label = spec.body_text_width(LABEL);
    let single = names.len() == 1;
    for (i, name) in names.iter().enumerate() {
        let number = if single {
            String::new()
        } else {
            format!("{}.", i + 1)
        };
        let place = spec.attachment_line(i, label, spec.body_text_width(&number));
        let text = if i == 0 {
            format!("{LABEL}{number}{name}")
        } else {
            format!("{number}{name}")
        };
        out.push(with_text(
            Paragraph::new().style(styles::ATTACHMENT).indent(
                Some(twips(place.name)),
                Some(SpecialIndentType::Hanging(twips(place.hanging()))),
                None,
                None,
            ),
            &text,
            None,
            spec.font(Role::Body).east_asian,
        ));
    }
}

/// Right indents of the signing unit and the date, in twips from the DOCX text block's right
/// edge, where [`Spec::signature_place`] puts them (a single organ; see
/// [`parts::signature_indents`] for several).
pub fn signature_indents(spec: &Spec, unit: &str, date: &str, sealed: bool) -> (i32, i32) {
    let (organs, date) = parts::signature_indents(spec, &[unit], date, sealed);
    (organs[0], date)
}

/// One paragraph per organ of the signature, the date, then the note; indents from
/// [`Spec::joint_signature_place`] (GB/T 9704-2012 §7.3.5, §7.3.6).
fn signature(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) {
    // Split before sanitising: a line break between organs is a control character that
    // sanitising would drop, gluing the organs together.
    let organs: Vec<String> = spec
        .signature_organs(&report.signature)
        .into_iter()
        .map(sanitize)
        .filter(|o| !o.is_empty())
        .collect();
    let organs: Vec<&str> = organs.iter().map(String::as_str).collect();
    let date = report.date.map(|x| x.to_chinese()).unwrap_or_default();
    let has_note = report
        .note
        .as_deref()
        .and_then(|n| spec.note_text(n))
        .is_some();
    if organs.is_empty() && date.is_empty() && !has_note {
        return;
    }
    for _ in 0..spec.blank_lines_before_signature {
        out.push(blank());
    }
    let (organ_right, date_right) = parts::signature_indents(spec, &organs, &date, report.seal);
    let lines = organs
        .iter()
        .zip(organ_right)
        .map(|(o, r)| (styles::SIGNATURE, *o, r))
        .chain([(styles::DATE, date.as_str(), date_right)]);
    for (style, text, right) in lines {
        if !text.is_empty() {
            out.push(with_text(
                Paragraph::new()
                    .style(style)
                    .align(AlignmentType::Right)
                    .indent(Some(0), None, Some(right), None),
                text,
                None,
                spec.font(Role::Body).east_asian,
            ));
        }
    }
    let note_lines = u32::from(parts::note(report, spec, out));
    if report.seal {
        // Room for the seal's lower edge, kept with the date (its style keeps with the next
        // paragraph), as the typesetter keeps it; a note's line counts.
        for _ in 0..spec.seal_blank_lines(note_lines) {
            out.push(blank());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_are_the_spec_geometry_in_twips() {
        let s = Spec::official();
        let d = s.docx();
        let c = d.body_char;
        // A unit much longer than the date: unit 2 characters from the standard's right edge.
        let (u, _) = signature_indents(&s, "双河镇人民政府办公室党政综合办", "2024年1月5日", false);
        assert!((u - d.right_excess - 2 * c).abs() <= 1, "{u}");
        // Sealed: the date 4 characters from the right.
        let (_, dr) = signature_indents(&s, "双河镇人民政府", "2024年12月20日", true);
        assert!((dr - d.right_excess - 4 * c).abs() <= 1, "{dr}");
    }

    #[test]
    fn a_long_title_carries_the_typesetters_line_breaks() {
        use docx_rs::BuildXML;
        let s = Spec::official();
        let title = "青石镇人民政府关于2025年政务公开工作情况的报告";
        let lines = title_lines(title, Role::Title, &s, &FixedMetrics);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let xml =
            String::from_utf8(title_paragraph(Paragraph::new(), title, Role::Title, &s).build())
                .unwrap();
        let br = xml.find("<w:br").expect("a line break in the title");
        // The first line's last character comes before the break, the second's first after it.
        let last_of_first = lines[0].chars().last().unwrap().to_string();
        let first_of_second = lines[1].chars().next().unwrap().to_string();
        assert!(xml[..br].contains(&last_of_first), "{xml}");
        assert!(xml[br..].contains(&first_of_second), "{xml}");
        // A title that fits one line gets no break.
        let short = String::from_utf8(
            title_paragraph(Paragraph::new(), "青石镇2025年工作总结", Role::Title, &s).build(),
        )
        .unwrap();
        assert!(!short.contains("<w:br"));
    }
}
