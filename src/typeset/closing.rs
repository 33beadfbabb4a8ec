//! The parts after the body: the attachments note (附件说明), the signing unit and date
//! (署名、成文日期) by the two-character rules with the note (附注) below, and the page number.

use super::breaking::{self, Measure};
use super::{Chunk, Ctx, LineKind, Run};
use crate::model::{PageNumbers, Report};
use crate::spec::Role;

fn text_width(cx: &Ctx, text: &str, role: Role) -> f32 {
    breaking::items(&[(text, cx.style(role))], cx.metrics)
        .iter()
        .map(|i| i.width)
        .sum()
}

/// `附件：1.名称` … one blank line below the body, indented two characters; several
/// attachments are numbered and their names aligned, wrapped lines under the name
/// ([`crate::spec::Spec::attachment_line`]).
pub fn attachments(cx: &Ctx, report: &Report, chunks: &mut Vec<Chunk>) {
    let names: Vec<&str> = report
        .attachments
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if names.is_empty() {
        return;
    }
    for _ in 0..cx.spec.blank_lines_before_attachments {
        chunks.push(cx.blank());
    }
    let body = cx.style(Role::Body);
    let label = "附件：";
    let label_w = text_width(cx, label, Role::Body);
    let right = cx.left() + cx.width();
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let number = if names.len() > 1 {
            format!("{}.", i + 1)
        } else {
            String::new()
        };
        let place = cx
            .spec
            .attachment_line(i, label_w, text_width(cx, &number, Role::Body));
        let (first_x, name_x) = (cx.left() + place.first, cx.left() + place.name);
        let text = if i == 0 {
            format!("{label}{number}{name}")
        } else {
            format!("{number}{name}")
        };
        lines.extend(
            cx.paragraph(LineKind::Attachment, &[(&text, body)], &move |k| {
                let x = if k == 0 { first_x } else { name_x };
                Measure {
                    x,
                    width: right - x,
                }
            }),
        );
    }
    chunks.push(Chunk::para(lines));
}

/// The signing unit (one line per organ of a joint signature) and the date where
/// [`crate::spec::Spec::joint_signature_place`] puts them, and the note (附注) below the date;
/// all kept together.
pub fn signature(cx: &Ctx, report: &Report, chunks: &mut Vec<Chunk>) {
    let organs = cx.spec.signature_organs(&report.signature);
    let date = report.date.map(|d| d.to_chinese()).unwrap_or_default();
    let mut note = super::parts::note_lines(cx, report);
    if organs.is_empty() && date.is_empty() && note.is_empty() {
        return;
    }
    for _ in 0..cx.spec.blank_lines_before_signature {
        chunks.push(cx.blank());
    }
    let right = cx.left() + cx.width();
    let widths: Vec<f32> = organs
        .iter()
        .map(|o| text_width(cx, o, Role::Body))
        .collect();
    let dw = text_width(cx, &date, Role::Body);
    let place = cx.spec.joint_signature_place(&widths, dw, report.seal);
    let mut placed: Vec<(LineKind, &str, f32, f32)> = organs
        .iter()
        .zip(&widths)
        .zip(&place.organ_right)
        .map(|((o, &w), &r)| (LineKind::Signature, *o, r, w))
        .collect();
    placed.push((LineKind::Date, date.as_str(), place.date_right, dw));

    let mut lines = Vec::new();
    for (kind, text, from_right, w) in placed {
        if text.is_empty() {
            continue;
        }
        // A text wider than the block starts at its left edge and wraps.
        let x = (right - from_right - w).max(cx.left());
        let width = w.min(right - x);
        let mut set = cx.paragraph(kind, &[(text, cx.style(Role::Body))], &move |_| Measure {
            x,
            width,
        });
        // A name wider than the block wraps; keep only what the rules place (first line)
        // and the rest below it, all inside the block.
        lines.append(&mut set);
    }
    let note_count = note.iter().filter(|l| l.kind == LineKind::Note).count() as u32;
    lines.append(&mut note);
    if report.seal {
        // Room for the seal's lower edge, on the same page (a note's lines count).
        for _ in 0..cx.spec.seal_blank_lines(note_count) {
            lines.append(&mut cx.blank().lines);
        }
    }
    chunks.push(Chunk {
        lines,
        keep_with_next: false,
        keep_together: true,
        widow_control: false,
        table: None,
    });
}

/// The number of page `n` in the report's style, or nothing on a page that shows none: 4号
/// 宋体 below the text block, its dashes `page_number_drop` below the block's bottom edge,
/// where [`crate::spec::Spec::page_number_place`] puts it.
pub fn page_number(cx: &Ctx, style: &PageNumbers, n: u32) -> Vec<Run> {
    let spec = cx.spec;
    let Some(place) = spec.page_number_place(style, n) else {
        return Vec::new();
    };
    let st = cx.style(Role::PageNumber);
    let text = spec.page_number_text(n, style.dash);
    let items = breaking::items(&[(&text, st)], cx.metrics);
    let w: f32 = items.iter().map(|i| i.width).sum();
    let x = cx.left() + place.x(cx.width(), w);
    let dash = spec.page_number_dash(style.dash);
    let dash_mid = cx
        .metrics
        .ink_middle(Role::PageNumber, dash, !crate::text::is_wide(dash))
        .unwrap_or(spec.dash_ink_middle);
    let bottom = spec.page.margin_top + spec.page.text_height();
    let y = bottom + spec.page_number_drop + dash_mid * st.size;
    breaking::set_line(&items, Measure { x, width: w }, true, y).runs
}
