//! The 落款 kept with the body in the DOCX as the typesetter keeps it in the PDF
//! ([`Keep`], GB/T 9704-2012 §7.3.5): the closing parts chained with `keepNext` (and
//! `keepLines`, so a wrapped attachment name never splits); on a tightened page, every
//! paragraph from the first one on that page set off the grid (`snapToGrid` 0) at the same exact
//! line height as the PDF's lines; when the last body paragraphs are carried over, `keepNext`
//! and `keepLines` on them, which Word and LibreOffice both read as "move these whole with
//! what follows".

use crate::model::Report;
use crate::spec::Spec;
use crate::typeset::{typeset, FixedMetrics, Keep, KeepFrom};
use docx_rs::{LineSpacing, LineSpacingType, Paragraph};

/// Rewrites `out[i]` with `f`.
fn edit(out: &mut [Paragraph], i: usize, f: impl Fn(Paragraph) -> Paragraph) {
    let p = std::mem::replace(&mut out[i], Paragraph::new());
    out[i] = f(p);
}

/// Applies the typesetter's decision for `report` to its paragraphs `out`, whose body blocks
/// are `out[body_start..closing_start]` (one paragraph per block of
/// [`crate::model::body_blocks`]) and whose closing parts are `out[closing_start..]`.
///
/// The layout is computed with [`FixedMetrics`] (the Times New Roman table the DOCX measures
/// with everywhere); the PDF uses the embedded fonts' advances, which are the same for the
/// metric-compatible faces.
pub fn keep_closing(
    report: &Report,
    spec: &Spec,
    out: &mut [Paragraph],
    body_start: usize,
    closing_start: usize,
) {
    let keep = typeset(report, spec, &FixedMetrics).keep;
    if keep == Keep::Nothing {
        return;
    }
    let n = out.len();
    for i in closing_start..n {
        edit(out, i, |p| p.keep_lines(true).keep_next(i + 1 < n));
    }
    let carried = match keep {
        Keep::Carried { from_block } => Some(from_block),
        Keep::Alone { from_block } => from_block,
        _ => None,
    };
    if let Some(from) = carried {
        for i in (body_start + from).min(closing_start)..closing_start {
            edit(out, i, |p| p.keep_next(true).keep_lines(true));
        }
    }
    if let Keep::Tightened { from, pitch_twips } = keep {
        let start = match from {
            KeepFrom::BeforeBody => 0,
            KeepFrom::Block(i) => (body_start + i).min(closing_start),
            KeepFrom::Closing => closing_start,
        };
        for i in start..n {
            edit(out, i, |p| {
                p.snap_to_grid(false).line_spacing(
                    LineSpacing::new()
                        .before(0)
                        .after(0)
                        .line(pitch_twips)
                        .line_rule(LineSpacingType::Exact),
                )
            });
        }
    }
}
