//! A formal 报告's 版头, 附件 pages and 版记 as DOCX paragraphs (GB/T 9704-2012 §7.2, §7.3.7,
//! §7.4), where [`crate::spec::formal`] puts them. The mark and the names are real text; the
//! red line and the 版记's rules are paragraph borders, which Word, WPS and LibreOffice keep
//! and move with the text when the recipient edits. Where the 版记 goes (this page, a new
//! even page, after a blank page) is the typesetter's decision, so both exporters agree.

use super::styles;
use super::text::sanitize;
use crate::model::Report;
use crate::spec::{twips, Role, Spec};
use crate::typeset::{attachment_label, typeset, FixedMetrics, LineKind};
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Tab, TabValueType,
};

fn fonts(spec: &Spec, role: Role) -> RunFonts {
    let ea = spec.font(role).east_asian;
    RunFonts::new()
        .east_asia(ea)
        .ascii(spec.fonts.latin)
        .hi_ansi(spec.fonts.latin)
}

fn run(spec: &Spec, role: Role, text: &str) -> Run {
    Run::new().add_text(sanitize(text)).fonts(fonts(spec, role))
}

fn exact(p: Paragraph, line: i32) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(line)
            .before(0)
            .after(0),
    )
}

/// A paragraph of the body style without first-line indent.
fn flat() -> Paragraph {
    Paragraph::new().style(styles::NORMAL).indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(0)),
        Some(0),
        None,
    )
}

fn blank(spec: &Spec) -> Paragraph {
    exact(flat(), spec.docx().line_pitch)
}

fn border(pos: ParagraphBorderPosition, sz: usize, space: usize, color: &str) -> ParagraphBorder {
    ParagraphBorder::new(pos)
        .val(BorderType::Single)
        .size(sz)
        .space(space)
        .color(color)
}

fn no_borders() -> ParagraphBorders {
    ParagraphBorders::with_empty()
}

/// The 版头 before the title: the red mark, blank lines, 签发人 lines with the 发文字号 on the
/// last, the red line under it, and the blank lines down to the title's grid line.
pub fn header(report: &Report, spec: &Spec) -> Vec<Paragraph> {
    let Some(h) = report.header.as_ref() else {
        return Vec::new();
    };
    let d = spec.docx();
    let organ = sanitize(h.organ.trim());
    let signer_lines = spec.signer_lines(&h.signers);
    let place = spec.header_place(organ.chars().count(), signer_lines.len());
    let f = spec.docx_formal(organ.chars().count());
    let red = spec.formal.red_hex();
    let mut out = Vec::new();
    let mark = flat()
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(f.mark_line)
                .before(f.mark_before as u32)
                .after(f.mark_after as u32),
        )
        .add_run(
            run(spec, Role::Title, &organ)
                .size(f.mark_half_points)
                .color(&red),
        );
    out.push(mark);
    let mark_slot = spec.slot_at(place.mark_top + place.mark_size);
    for _ in mark_slot + 1 + f.mark_blank_lines..place.first_signer_slot {
        out.push(blank(spec));
    }
    // 签发人 names start at one place on every line; `签发人：` before them on the first.
    let side = spec.formal.header_side_chars as f32 * spec.grid.char_pitch;
    let joined: Vec<String> = signer_lines.iter().map(|l| l.join("\u{3000}")).collect();
    let names_w = joined
        .iter()
        .map(|n| spec.body_text_width(n))
        .fold(0.0f32, f32::max);
    let block = spec.page.text_width();
    let names_x = twips(block - side - names_w);
    let label = "签发人：";
    let label_x = names_x - twips(spec.body_text_width(label));
    let any_signer = h.signers.iter().any(|s| !s.trim().is_empty());
    for (k, names) in joined.iter().enumerate() {
        let last = k + 1 == joined.len();
        let mut p = exact(flat(), d.line_pitch)
            .add_tab(Tab::new().val(TabValueType::Left).pos(twips(side) as usize))
            .add_tab(
                Tab::new()
                    .val(TabValueType::Left)
                    .pos(label_x.max(0) as usize),
            )
            .add_tab(
                Tab::new()
                    .val(TabValueType::Left)
                    .pos(names_x.max(0) as usize),
            );
        if last {
            // The red line spans the standard's block: no left indent (the 发文字号 goes to
            // a tab one character in), the right indent the DOCX block's excess.
            p = p
                .indent(
                    Some(0),
                    Some(SpecialIndentType::FirstLine(0)),
                    Some(d.right_excess),
                    None,
                )
                .add_run(Run::new().add_tab())
                .add_run(run(spec, Role::Body, h.number.trim()));
            p.property = p.property.set_borders(no_borders().set(border(
                ParagraphBorderPosition::Bottom,
                f.red_line_sz,
                f.red_line_space,
                &red,
            )));
        }
        if !last {
            p = p.add_run(Run::new().add_tab());
        }
        // The next tab stop is `签发人：`'s; the names follow it, or sit at their own stop.
        p = p.add_run(Run::new().add_tab());
        if k == 0 && any_signer {
            p = p.add_run(run(spec, Role::Body, label));
        } else {
            p = p.add_run(Run::new().add_tab());
        }
        p = p.add_run(run(spec, Role::Heading2, names));
        out.push(p);
    }
    for i in 0..(place.title_slot - place.number_slot - 1) {
        out.push(if i == 0 {
            // Off the grid, or LibreOffice would round it back up to a pitch.
            exact(flat(), f.after_red_line).snap_to_grid(false)
        } else {
            blank(spec)
        });
    }
    out
}

/// Every attachment with content on pages of its own (GB/T 9704-2012 §7.3.7): `附件N` in
/// 3号黑体 flush left on a new page, a blank line, the name as a title, a blank line, the text.
/// A table is a marker paragraph whose `w:tbl` XML is pushed to `tables` (see
/// `super::table`).
pub fn attachment_pages(report: &Report, spec: &Spec, tables: &mut Vec<String>) -> Vec<Paragraph> {
    let listed: Vec<_> = report
        .attachments
        .iter()
        .filter(|a| !a.name.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, a) in listed.iter().enumerate() {
        if !a.has_content() {
            continue;
        }
        out.push(
            blank(spec)
                .page_break_before(true)
                .keep_next(true)
                .add_run(run(
                    spec,
                    Role::Heading1,
                    &attachment_label(i, listed.len()),
                )),
        );
        for _ in 1..spec.formal.attachment_title_slot {
            out.push(blank(spec).keep_next(true));
        }
        out.push(super::body::title_paragraph(
            Paragraph::new().style(styles::TITLE),
            a.name.trim(),
            Role::Title,
            spec,
        ));
        for _ in 0..spec.blank_lines_after_title {
            out.push(Paragraph::new().style(styles::NORMAL));
        }
        for item in &a.paragraphs {
            if let Some(t) = item.table() {
                tables.push(super::table::table_xml(t, spec));
                out.push(super::table::marker(tables.len() - 1));
                continue;
            }
            let p = item.text().unwrap_or("").trim();
            if !p.is_empty() {
                out.push(
                    Paragraph::new()
                        .style(styles::NORMAL)
                        .add_run(run(spec, Role::Body, p)),
                );
            }
        }
    }
    out
}

/// Ends the section of the numbered pages at `last` (the body's or attachments' last
/// paragraph) with a copy of the document's section properties, footers included, so that
/// the blank page and the 版记 page after it form a section of their own whose footers are
/// empty (GB/T 9704-2012 §7.5); [`blank_footers_in_last_section`] points that section's footer
/// references at the empty footer.
pub fn number_free_section(last: Paragraph, doc_section: &docx_rs::SectionProperty) -> Paragraph {
    last.section_property(doc_section.clone())
}

/// `document.xml` with the footer references of its last `w:sectPr` (the body's, which now
/// holds only the blank page and the 版记 page) pointing at `blank_id`.
pub fn blank_footers_in_last_section(document: &[u8], blank_id: &str) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let Some(at) = xml.rfind("<w:sectPr") else {
        return document.to_vec();
    };
    let (head, tail) = xml.split_at(at);
    let mut tail = tail.to_string();
    for id in super::package::FOOTER_IDS {
        tail = tail.replace(&format!("\"{id}\""), &format!("\"{blank_id}\""));
    }
    format!("{head}{tail}").into_bytes()
}

/// The 版记 at the foot of its page, with the blank lines (and pages) before it that the
/// typesetter decided on (GB/T 9704-2012 §7.4.1: the last rule on the bottom edge of the
/// block of the last, even page). Returns the paragraphs and whether a blank page precedes
/// the 版记 page (§7.5: neither is numbered).
pub fn record(report: &Report, spec: &Spec) -> (Vec<Paragraph>, bool) {
    let Some(r) = report.record.as_ref() else {
        return (Vec::new(), false);
    };
    let layout = typeset(report, spec, &FixedMetrics);
    let Some(rp) = layout
        .pages
        .iter()
        .position(|p| p.lines.iter().any(|l| l.kind == LineKind::Record))
    else {
        return (Vec::new(), false);
    };
    let page = &layout.pages[rp];
    let n = page
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Record)
        .count();
    let used = page
        .lines
        .iter()
        .filter(|l| l.kind != LineKind::Record)
        .map(|l| l.slot + 1)
        .max()
        .unwrap_or(0);
    let before_empty = rp > 0 && layout.pages[rp - 1].lines.is_empty();
    let d = spec.docx();
    let f = spec.docx_formal(1);
    let per_page = spec.grid.lines_per_page;
    let mut out = Vec::new();
    if before_empty {
        // The blank page: the section break before it starts the page (see
        // [`number_free_section`]).
        out.push(blank(spec));
    }
    let fill = per_page.saturating_sub(used + n as u32);
    let has_cc = r.cc.iter().any(|c| !c.trim().is_empty());
    for i in 0..fill {
        let mut p = blank(spec);
        if i == 0 && used == 0 {
            p = p.page_break_before(true);
        }
        if i + 1 == fill && has_cc {
            // The first rule, above `抄送：`: the last blank line's bottom border, as wide as
            // the block (a border on the 抄送 paragraph would start at its hanging indent).
            p = exact(p, f.record_line).snap_to_grid(false);
            p.property = p.property.set_borders(no_borders().set(border(
                ParagraphBorderPosition::Bottom,
                f.record_outer_sz,
                0,
                "000000",
            )));
            p = p.indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(0)),
                Some(d.right_excess),
                None,
            );
        }
        out.push(p);
    }
    // Items: 抄送 (wrapped lines after the colon), then 印发机关 and 印发日期.
    let side = spec.formal.record_size * spec.formal.record_side_chars as f32;
    let block = spec.page.text_width();
    let size = f.record_half_points;
    let record_run = |t: &str| run(spec, Role::Body, t).size(size);
    let mut items: Vec<Paragraph> = Vec::new();
    let cc: Vec<&str> =
        r.cc.iter()
            .map(|c| c.trim().trim_end_matches(['，', '。', '、', ',']))
            .filter(|c| !c.is_empty())
            .collect();
    if !cc.is_empty() {
        let label = "抄送：";
        let label_w = label.chars().count() as f32 * spec.formal.record_size;
        items.push(
            exact(flat(), f.record_line)
                .indent(
                    Some(twips(side + label_w)),
                    Some(SpecialIndentType::Hanging(twips(label_w))),
                    Some(twips(side) + d.right_excess),
                    None,
                )
                .add_run(record_run(&format!("{label}{}。", cc.join("，")))),
        );
    }
    let by = r.printed_by.trim();
    let on = r
        .printed_on
        .map(|x| format!("{}印发", x.to_chinese()))
        .unwrap_or_default();
    if !by.is_empty() || !on.is_empty() {
        let right = twips(block - side);
        items.push(
            exact(flat(), f.record_line)
                .indent(
                    Some(0),
                    Some(SpecialIndentType::FirstLine(0)),
                    Some(d.right_excess),
                    None,
                )
                .add_tab(Tab::new().val(TabValueType::Left).pos(twips(side) as usize))
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .pos(right.max(0) as usize),
                )
                .add_run(Run::new().add_tab())
                .add_run(record_run(by))
                .add_run(Run::new().add_tab())
                .add_run(record_run(&on)),
        );
    }
    let count = items.len();
    for (i, mut p) in items.into_iter().enumerate() {
        if i + 1 == count {
            // The 印发 line: the rule above it (the first when there is no 抄送) and the last.
            let top = if has_cc {
                f.record_inner_sz
            } else {
                f.record_outer_sz
            };
            p.property = p.property.set_borders(
                no_borders()
                    .set(border(ParagraphBorderPosition::Top, top, 0, "000000"))
                    .set(border(
                        ParagraphBorderPosition::Bottom,
                        f.record_outer_sz,
                        0,
                        "000000",
                    )),
            );
        }
        // Off the grid: a bordered line is taller than a pitch, and LibreOffice would give it
        // two.
        out.push(p.snap_to_grid(false));
    }
    (out, before_empty)
}
