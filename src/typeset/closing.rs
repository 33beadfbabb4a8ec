//! The parts after the body: the attachments note (附件说明), the signing unit and date
//! (署名、成文日期) by the two-character rules, and the page number.

use super::breaking::{self, Measure};
use super::{Chunk, Ctx, LineKind, Run};
use crate::model::Report;
use crate::spec::Role;

fn text_width(cx: &Ctx, text: &str, role: Role) -> f32 {
    breaking::items(&[(text, cx.style(role))], cx.metrics)
        .iter()
        .map(|i| i.width)
        .sum()
}

/// `附件：1.名称` … one blank line below the body, indented two characters; several
/// attachments are numbered and their names aligned, wrapped lines under the name.
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
    let indent = cx.cells(cx.spec.first_line_indent_chars as f32);
    let name_x0 = cx.left() + indent + text_width(cx, label, Role::Body);
    let right = cx.left() + cx.width();
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let number = if names.len() > 1 {
            format!("{}.", i + 1)
        } else {
            String::new()
        };
        let name_x = name_x0 + text_width(cx, &number, Role::Body);
        let first_x = if i == 0 { cx.left() + indent } else { name_x0 };
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

/// The signing unit right-aligned with two characters of space; the date on the next line,
/// starting two characters right of the unit, or right-aligned with two characters of space
/// (four when sealed) when it is longer.
pub fn signature(cx: &Ctx, report: &Report, chunks: &mut Vec<Chunk>) {
    let unit = report.signature.trim();
    let date = report.date.map(|d| d.to_chinese()).unwrap_or_default();
    if unit.is_empty() && date.is_empty() {
        return;
    }
    for _ in 0..cx.spec.blank_lines_before_signature {
        chunks.push(cx.blank());
    }
    let spec = cx.spec;
    let right = cx.left() + cx.width();
    let (uw, dw) = (
        text_width(cx, unit, Role::Body),
        text_width(cx, &date, Role::Body),
    );
    let offset = cx.cells(spec.date_offset_chars as f32);
    let (mut ux, mut dx);
    if report.seal {
        // With a seal the date sits 4 characters from the right; the unit is centred on it.
        dx = right - cx.cells(spec.date_right_chars_sealed as f32) - dw;
        ux = dx + (dw - uw) / 2.0;
    } else {
        ux = right - cx.cells(spec.signature_right_chars as f32) - uw;
        dx = ux + offset;
        let date_right = right - cx.cells(spec.date_right_chars as f32);
        if dx + dw > date_right + 0.01 {
            dx = date_right - dw;
            ux = dx - offset;
        }
    }
    // Very long names cannot keep the rule; they still stay inside the text block.
    ux = ux.clamp(cx.left(), (right - uw).max(cx.left()));
    dx = dx.clamp(cx.left(), (right - dw).max(cx.left()));

    let mut lines = Vec::new();
    for (kind, text, x, w) in [
        (LineKind::Signature, unit, ux, uw),
        (LineKind::Date, date.as_str(), dx, dw),
    ] {
        if text.is_empty() {
            continue;
        }
        let width = w.min(right - x);
        let mut set = cx.paragraph(kind, &[(text, cx.style(Role::Body))], &move |_| Measure {
            x,
            width,
        });
        // A name wider than the block wraps; keep only what the rules place (first line)
        // and the rest below it, all inside the block.
        lines.append(&mut set);
    }
    chunks.push(Chunk {
        lines,
        keep_with_next: false,
        keep_together: true,
        widow_control: false,
    });
}

/// `— N —` in 4号 宋体 below the text block, its dashes `page_number_drop` below the block's
/// bottom edge; right-aligned with one character of space on odd pages, left on even ones.
pub fn page_number(cx: &Ctx, n: u32) -> Vec<Run> {
    let spec = cx.spec;
    let st = cx.style(Role::PageNumber);
    let text = spec.page_number_text(n);
    let items = breaking::items(&[(&text, st)], cx.metrics);
    let w: f32 = items.iter().map(|i| i.width).sum();
    let side = spec.page_number_side_chars as f32 * st.size;
    let x = if n % 2 == 1 {
        cx.left() + cx.width() - side - w
    } else {
        cx.left() + side
    };
    let dash_mid = cx
        .metrics
        .ink_middle(
            Role::PageNumber,
            spec.page_number_dash.chars().next().unwrap_or('—'),
            false,
        )
        .unwrap_or(0.3);
    let bottom = spec.page.margin_top + spec.page.text_height();
    let y = bottom + spec.page_number_drop + dash_mid * st.size;
    breaking::set_line(&items, Measure { x, width: w }, true, y).runs
}
