//! Distributing lines over pages of a fixed number of grid lines, the way Word and LibreOffice
//! do with “keep with next” on headings and widow/orphan control on paragraphs, so that our
//! PDF and LibreOffice's rendering of our DOCX break pages alike; and keeping the signing unit
//! and date (落款) on a page with the body (GB/T 9704-2012 §7.3.5), first by the standard's
//! remedy (a tighter line pitch on that page), else by carrying the last body paragraphs over
//! with them ([`Keep`], docs/format.md §10).

use super::{Chunk, Line, LineKind};
use crate::spec::Spec;
use serde::Serialize;

/// How many lines of chunk `k` must start on the same page.
fn lead(chunks: &[Chunk], k: usize) -> usize {
    let c = &chunks[k];
    let n = c.lines.len();
    if c.keep_with_next && k + 1 < chunks.len() {
        return n + lead(chunks, k + 1);
    }
    if let Some(t) = &c.table {
        // The title, the header rows and the first row start on one page.
        return (t.title + t.header + t.units.first().copied().unwrap_or(0)).min(n);
    }
    if c.keep_together {
        n
    } else if c.widow_control {
        // Two lines cannot be split without an orphan or a widow; three only into 2 + 1.
        if n <= 3 {
            n
        } else {
            2
        }
    } else {
        n.min(1)
    }
}

/// Pages as lists of (grid line, line), on the plain grid (attachment pages, tests).
pub(crate) fn paginate(chunks: Vec<Chunk>, per_page: usize) -> Vec<Vec<(u32, Line)>> {
    paginate_ids(chunks, per_page)
        .into_iter()
        .map(|p| p.into_iter().map(|(slot, _, line)| (slot, line)).collect())
        .collect()
}

/// Pages as lists of (grid line, index of the line's chunk, line).
fn paginate_ids(chunks: Vec<Chunk>, per_page: usize) -> Vec<Vec<(u32, usize, Line)>> {
    let per_page = per_page.max(1);
    let leads: Vec<usize> = (0..chunks.len()).map(|k| lead(&chunks, k)).collect();
    let mut pages: Vec<Vec<(u32, usize, Line)>> = vec![Vec::new()];
    let mut slot = 0usize;

    for (k, chunk) in chunks.into_iter().enumerate() {
        let n = chunk.lines.len();
        if n == 0 {
            continue;
        }
        if slot > 0 && leads[k] > per_page - slot && leads[k] <= per_page {
            pages.push(Vec::new());
            slot = 0;
        }
        if let Some(t) = chunk.table.clone() {
            place_table(&mut pages, &mut slot, k, chunk.lines, &t, per_page);
            continue;
        }
        let mut lines = chunk.lines.into_iter();
        let mut left = n;
        while left > 0 {
            if slot >= per_page {
                pages.push(Vec::new());
                slot = 0;
            }
            let avail = per_page - slot;
            let mut take = left.min(avail);
            if take < left {
                if chunk.keep_together {
                    take = 0;
                } else if chunk.widow_control {
                    // Widow: never leave one line for the next page.
                    if left - take == 1 {
                        take -= 1;
                    }
                    // Orphan: never one first line alone at a page's foot.
                    if take == 1 && left == n {
                        take = 0;
                    }
                }
                // A chunk longer than a page has to break somewhere.
                if take == 0 && slot == 0 {
                    take = avail;
                }
            }
            if let Some(page) = pages.last_mut() {
                for line in lines.by_ref().take(take) {
                    page.push((slot as u32, k, line));
                    slot += 1;
                }
            }
            left -= take;
            if left > 0 {
                pages.push(Vec::new());
                slot = 0;
            }
        }
    }
    if pages.last().is_some_and(|p| p.is_empty()) && pages.len() > 1 {
        pages.pop();
    }
    pages
}

/// Places a table's lines (`typeset/table.rs`): the title with the header rows and the first
/// row, then row by row; a row (or rows joined by a merged cell) that does not fit goes to
/// the next page, where the header rows are repeated first. A unit taller than a page breaks
/// at the page's foot.
fn place_table(
    pages: &mut Vec<Vec<(u32, usize, Line)>>,
    slot: &mut usize,
    k: usize,
    lines: Vec<Line>,
    t: &super::table::TableRows,
    per_page: usize,
) {
    let room = per_page;
    let n = lines.len();
    let head = (t.title + t.header).min(n);
    let header: Vec<Line> = lines[t.title.min(n)..head].to_vec();
    let mut units = vec![head + t.units.first().copied().unwrap_or(0)];
    units.extend(t.units.iter().skip(1).copied());
    let mut lines = lines.into_iter();
    let repeat = !header.is_empty() && header.len() * 2 <= room;
    let new_page = |pages: &mut Vec<Vec<(u32, usize, Line)>>, slot: &mut usize, first: bool| {
        // Close the part of the table left on this page with a bottom border.
        if let Some((_, _, last)) = pages.last_mut().and_then(|p| p.last_mut()) {
            if last.kind == LineKind::TableCell {
                if let Some(w) = last.rules.first().map(|r| r.weight) {
                    let y = last.rules.iter().map(|r| r.y1).fold(0.0, f32::max);
                    let (x0, x1) = (last.left, last.right);
                    last.rules
                        .push(super::Rule::horizontal(x0, x1, y, w, false));
                }
            }
        }
        pages.push(Vec::new());
        *slot = 0;
        if !first && repeat {
            if let Some(page) = pages.last_mut() {
                for l in &header {
                    page.push((*slot as u32, k, l.clone()));
                    *slot += 1;
                }
            }
        }
    };
    for (u, size) in units.into_iter().enumerate() {
        let size = size.min(n);
        let top = if u > 0 && repeat { header.len() } else { 0 };
        if *slot > top && size > room.saturating_sub(*slot) {
            new_page(pages, slot, u == 0);
        }
        for line in lines.by_ref().take(size) {
            let limit = if line.kind == LineKind::TableCell {
                room
            } else {
                per_page
            };
            if *slot >= limit {
                new_page(pages, slot, u == 0);
            }
            if let Some(page) = pages.last_mut() {
                page.push((*slot as u32, k, line));
            }
            *slot += 1;
        }
    }
}

/// How the signing unit and the date (落款) were kept on a page with the body
/// (GB/T 9704-2012 §7.3.5: they never start a page alone; when the space left cannot hold them,
/// the standard's remedy is to adjust the line and character spacing). The DOCX exporter writes
/// the same decision as paragraph properties, so that Word, WPS and LibreOffice break where
/// the PDF does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Keep {
    /// No signing unit or date, or no body before them: nothing to keep.
    Nothing,
    /// They fit on the page where the body ends, at the grid pitch.
    Fits,
    /// The standard's remedy: every line from `from` to the end of the report is `pitch_twips`
    /// twips (1/20 pt) high instead of the grid pitch, so that the page where the body ends
    /// holds the closing parts too. The pitch fills the text block exactly and is never below
    /// [`Spec::keep_min_line_pitch`].
    Tightened {
        /// Where the tighter lines start: the first paragraph that starts on that page.
        from: KeepFrom,
        /// Line pitch of the tightened lines, in twips.
        pitch_twips: i32,
    },
    /// The remedy would need a pitch below its limit: the body blocks from `from_block` to the
    /// end of the body (an index into [`crate::model::body_blocks`]; together at least two
    /// lines) are kept whole with the closing parts and move to the next page with them.
    Carried {
        /// First body block kept with the closing parts.
        from_block: usize,
    },
    /// Neither worked (the closing parts with the last lines of the body are longer than a
    /// page): the page of the signing unit or the date holds no line of the body. The check
    /// reports it (`check::codes::SIGNATURE_ALONE`).
    Alone {
        /// First body block kept with the closing parts, when there is a body.
        from_block: Option<usize>,
    },
}

/// The first paragraph of a [`Keep::Tightened`] run of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum KeepFrom {
    /// The first paragraph of the report (the title and what precedes the body).
    BeforeBody,
    /// Body block `i` of [`crate::model::body_blocks`] (0-based).
    Block(usize),
    /// The first of the closing parts (the blank line before the attachments note or the
    /// signing unit).
    Closing,
}

/// A placed line: grid line (0-based, one per line on the page), top of its body-size em box
/// in pt below the text block's top, the line.
pub(crate) type Placed = (u32, f32, Line);

fn is_body(line: &Line) -> bool {
    matches!(
        line.kind,
        LineKind::Title
            | LineKind::Paragraph
            | LineKind::Heading(_)
            | LineKind::RunIn(_)
            | LineKind::TableTitle
            | LineKind::TableCell
    )
}

/// Paginates a whole report whose body blocks are `chunks[body_start..closing_start]` (one
/// chunk per block of [`crate::model::body_blocks`]) and whose closing parts (attachments
/// note, signing unit, date, seal space and what follows) are `chunks[closing_start..]`.
///
/// The closing parts are one group: never split, never apart from each other. When they do
/// not fit on the page where the body ends, that page is tightened ([`Keep::Tightened`]) if
/// its lines then keep a pitch of at least [`Spec::keep_min_line_pitch`]; otherwise the last
/// body blocks (at least two lines) go to the next page with them ([`Keep::Carried`]), as
/// LibreOffice moves a paragraph with `keepNext` and `keepLines` (measured: it moves even a
/// `keepNext` paragraph without `keepLines` whole).
pub(crate) fn paginate_report(
    mut chunks: Vec<Chunk>,
    spec: &Spec,
    body_start: usize,
    closing_start: usize,
) -> (Vec<Vec<Placed>>, Keep) {
    let per_page = spec.grid.lines_per_page as usize;
    let closing_start = closing_start.min(chunks.len());
    let body_start = body_start.min(closing_start);
    let signed = chunks[closing_start..].iter().any(|c| {
        c.lines
            .iter()
            .any(|l| matches!(l.kind, LineKind::Signature | LineKind::Date))
    });
    if !signed {
        return (on_grid(paginate_ids(chunks, per_page), spec), Keep::Nothing);
    }
    let n = chunks.len();
    for (k, c) in chunks.iter_mut().enumerate().skip(closing_start) {
        c.keep_together = true;
        c.keep_with_next = k + 1 < n;
    }
    let natural = paginate_ids(chunks.clone(), per_page);
    let body_page = natural
        .iter()
        .rposition(|p| p.iter().any(|(_, k, l)| *k < closing_start && is_body(l)));
    let Some(body_page) = body_page else {
        return (on_grid(natural, spec), Keep::Nothing);
    };
    if natural.len() == body_page + 1 {
        return (on_grid(natural, spec), Keep::Fits);
    }
    if let Some((pages, from, pitch_twips)) = tighten(&natural, body_page, spec) {
        let from = if from < body_start {
            KeepFrom::BeforeBody
        } else if from < closing_start {
            KeepFrom::Block(from - body_start)
        } else {
            KeepFrom::Closing
        };
        return (pages, Keep::Tightened { from, pitch_twips });
    }
    // Carry: the last blocks, at least two lines of the body, kept whole with the closing.
    let mut from = closing_start;
    let mut lines = 0;
    while from > body_start && lines < 2 {
        // A table is not carried: the blocks after it go (the DOCX cannot keep a table with
        // the next paragraph the way it keeps paragraphs).
        if chunks[from - 1].table.is_some() {
            break;
        }
        from -= 1;
        lines += chunks[from].lines.len();
    }
    let from_block = (from < closing_start).then(|| from - body_start);
    for c in &mut chunks[from..closing_start] {
        c.keep_together = true;
        c.keep_with_next = true;
    }
    let pages = paginate_ids(chunks, per_page);
    let signed_page = pages.iter().position(|p| {
        p.iter()
            .any(|(_, _, l)| matches!(l.kind, LineKind::Signature | LineKind::Date))
    });
    let with_body = signed_page.is_some_and(|i| pages[i].iter().any(|(_, _, l)| is_body(l)));
    let keep = match (from_block, with_body) {
        (Some(from_block), true) => Keep::Carried { from_block },
        _ => Keep::Alone { from_block },
    };
    (on_grid(pages, spec), keep)
}

fn on_grid(pages: Vec<Vec<(u32, usize, Line)>>, spec: &Spec) -> Vec<Vec<Placed>> {
    pages
        .into_iter()
        .map(|p| {
            p.into_iter()
                .map(|(slot, _, l)| (slot, slot as f32 * spec.grid.line_pitch, l))
                .collect()
        })
        .collect()
}

/// The pages of `natural` with everything after page `body_page` pulled onto it at a tighter
/// pitch, from the first chunk that starts on that page (lines continuing a paragraph of the
/// page before keep the grid pitch: the DOCX sets a pitch per paragraph). `None` when the pitch
/// would fall below [`Spec::keep_min_line_pitch`]. Returns the pages, the first tightened
/// chunk and the pitch in twips.
fn tighten(
    natural: &[Vec<(u32, usize, Line)>],
    body_page: usize,
    spec: &Spec,
) -> Option<(Vec<Vec<Placed>>, usize, i32)> {
    let page = &natural[body_page];
    let before: Vec<usize> = match body_page {
        0 => Vec::new(),
        i => natural[i - 1].iter().map(|(_, k, _)| *k).collect(),
    };
    let kept = page
        .iter()
        .position(|(_, k, _)| !before.contains(k))
        .unwrap_or(page.len());
    let moved: Vec<&(u32, usize, Line)> = page[kept..]
        .iter()
        .chain(natural[body_page + 1..].iter().flatten())
        .collect();
    let first = moved.first()?.1;
    // A page with table rows is not tightened: the rows keep their heights (the DOCX writes
    // them as row heights) and LibreOffice's rows with borders are a little taller than ours,
    // so the tightened page would not hold there.
    if page.iter().any(|(_, _, l)| l.kind == LineKind::TableCell) {
        return None;
    }
    let (m, t) = (kept as f32, moved.len() as f32);
    if t < 2.0 {
        return None;
    }
    // The last line's em box ends on the block's bottom edge (the page stays filled), the
    // grid lines above keep their pitch.
    let pitch = spec.grid.line_pitch;
    let room = spec.page.text_height() - spec.fonts.body.size - m * pitch;
    let twips = ((room / (t - 1.0)) * 20.0).floor() as i32;
    let twips = twips.min(crate::spec::twips(pitch));
    let tight = twips as f32 / 20.0;
    if tight + 1e-3 < spec.keep_min_line_pitch {
        return None;
    }
    // Word and LibreOffice stack exact line heights in the DOCX body height; check that they
    // hold the page too.
    let d = spec.docx();
    let body_height = d.page_height - d.margin_top - d.margin_bottom;
    if kept as i32 * d.line_pitch + moved.len() as i32 * twips > body_height {
        return None;
    }
    let mut pages = on_grid(natural[..body_page].to_vec(), spec);
    let mut last: Vec<Placed> = page[..kept]
        .iter()
        .map(|(slot, _, l)| (*slot, *slot as f32 * pitch, l.clone()))
        .collect();
    for (j, (_, _, l)) in moved.into_iter().enumerate() {
        let slot = kept + j;
        last.push((slot as u32, m * pitch + j as f32 * tight, l.clone()));
    }
    pages.push(last);
    Some((pages, first, twips))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(n: usize, kind: LineKind) -> Chunk {
        let line = Line {
            kind,
            slot: 0,
            y: 0.0,
            left: 0.0,
            right: 0.0,
            natural_cells: 0.0,
            runs: vec![],
            rules: vec![],
        };
        Chunk {
            lines: vec![line; n],
            keep_with_next: matches!(kind, LineKind::Heading(_)),
            keep_together: false,
            widow_control: true,
            table: None,
        }
    }

    fn shape(pages: &[Vec<(u32, Line)>]) -> Vec<usize> {
        pages.iter().map(|p| p.len()).collect()
    }

    #[test]
    fn heading_moves_with_its_paragraph() {
        // 20 lines, then a heading and a 5-line paragraph: heading + 2 lines do not fit in 2.
        let c = vec![
            chunk(20, LineKind::Paragraph),
            chunk(1, LineKind::Heading(1)),
            chunk(5, LineKind::Paragraph),
        ];
        let p = paginate(c, 22);
        assert_eq!(shape(&p), [20, 6]);
        assert_eq!(p[1][0].1.kind, LineKind::Heading(1));
    }

    #[test]
    fn no_widow_no_orphan() {
        // 21 + 3: two lines fit, but that leaves one alone: 1 moves too… then one alone above
        // (orphan) — so all three move.
        let p = paginate(
            vec![
                chunk(21, LineKind::Paragraph),
                chunk(3, LineKind::Paragraph),
            ],
            22,
        );
        assert_eq!(shape(&p), [21, 3]);
        // 18 + 5: four fit, one would be a widow: 3 stay, 2 move.
        let p = paginate(
            vec![
                chunk(18, LineKind::Paragraph),
                chunk(5, LineKind::Paragraph),
            ],
            22,
        );
        assert_eq!(shape(&p), [21, 2]);
    }

    #[test]
    fn long_paragraph_spans_pages() {
        let p = paginate(vec![chunk(50, LineKind::Paragraph)], 22);
        assert_eq!(shape(&p), [22, 22, 6]);
    }

    /// `body` one-line paragraphs, then the closing parts: a blank line, `attachments` lines
    /// of attachments note (with its blank line), a blank line, unit and date. Returns the
    /// chunks and where the closing starts.
    fn report(body: usize, attachments: usize) -> (Vec<Chunk>, usize) {
        let mut c: Vec<Chunk> = (0..body).map(|_| chunk(1, LineKind::Paragraph)).collect();
        let closing = c.len();
        let blank = || Chunk {
            widow_control: false,
            ..chunk(1, LineKind::Blank)
        };
        if attachments > 0 {
            c.push(blank());
            c.push(chunk(attachments, LineKind::Attachment));
        }
        c.push(blank());
        let mut sig = chunk(1, LineKind::Signature);
        sig.lines.push(chunk(1, LineKind::Date).lines.remove(0));
        sig.keep_together = true;
        c.push(sig);
        (c, closing)
    }

    fn kinds(page: &[Placed]) -> Vec<LineKind> {
        page.iter().map(|(_, _, l)| l.kind).collect()
    }

    #[test]
    fn the_closing_fits_at_the_grid_pitch() {
        let spec = Spec::official();
        let (c, closing) = report(19, 0);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        assert_eq!(keep, Keep::Fits);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].len(), 22);
    }

    #[test]
    fn a_closing_that_would_start_a_page_alone_tightens_the_page() {
        let spec = Spec::official();
        // 20 + blank + unit + date = 23 lines: one too many for the grid.
        let (c, closing) = report(20, 0);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        let Keep::Tightened { from, pitch_twips } = keep else {
            panic!("{keep:?}");
        };
        assert_eq!(from, KeepFrom::Block(0));
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        assert_eq!(
            kinds(page)[20..],
            [LineKind::Blank, LineKind::Signature, LineKind::Date]
        );
        // 23 lines fill the block: the last em box ends on its bottom edge, within a twip a line.
        let pitch = pitch_twips as f32 / 20.0;
        assert!(pitch < spec.grid.line_pitch && pitch >= spec.keep_min_line_pitch);
        let bottom = page[22].1 + spec.fonts.body.size;
        let block = spec.page.text_height();
        assert!(
            bottom <= block + 1e-3 && bottom > block - 22.0 * 0.05,
            "{bottom}"
        );
        for w in page.windows(2) {
            assert!((w[1].1 - w[0].1 - pitch).abs() < 1e-3);
            assert_eq!(w[1].0, w[0].0 + 1);
        }
    }

    #[test]
    fn only_paragraphs_starting_on_the_page_are_tightened() {
        let spec = Spec::official();
        // A 30-line paragraph ends 8 lines into page 2; then 12 one-line paragraphs: 20 lines,
        // and the closing needs 3.
        let (mut c, _) = report(12, 0);
        c.insert(0, chunk(30, LineKind::Paragraph));
        let closing = 13;
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        assert!(
            matches!(
                keep,
                Keep::Tightened {
                    from: KeepFrom::Block(1),
                    ..
                }
            ),
            "{keep:?}"
        );
        assert_eq!(pages.len(), 2);
        let page = &pages[1];
        for (slot, top, _) in &page[..8] {
            assert!((top - *slot as f32 * spec.grid.line_pitch).abs() < 1e-3);
        }
        assert!(page[9].1 - page[8].1 < spec.grid.line_pitch - 0.5);
        assert!(page.last().unwrap().1 + 16.0 <= spec.page.text_height() + 1e-3);
    }

    #[test]
    fn beyond_the_limit_the_last_lines_of_the_body_carry_over() {
        let spec = Spec::official();
        // The body fills the page: 3 more lines would need a pitch of 25.9 pt.
        let (c, closing) = report(22, 0);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        // Two one-line paragraphs move with the closing.
        assert_eq!(keep, Keep::Carried { from_block: 20 });
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 20);
        assert_eq!(
            kinds(&pages[1]),
            [
                LineKind::Paragraph,
                LineKind::Paragraph,
                LineKind::Blank,
                LineKind::Signature,
                LineKind::Date
            ]
        );
        for (slot, top, _) in pages.iter().flatten() {
            assert!((top - *slot as f32 * spec.grid.line_pitch).abs() < 1e-3);
        }
    }

    #[test]
    fn a_closing_longer_than_a_page_stands_alone() {
        let spec = Spec::official();
        let (c, closing) = report(5, 25);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        assert_eq!(
            keep,
            Keep::Alone {
                from_block: Some(3)
            }
        );
        let last = pages.last().unwrap();
        assert!(kinds(last).contains(&LineKind::Signature));
        assert!(!kinds(last).contains(&LineKind::Paragraph));
    }

    #[test]
    fn the_attachments_note_stays_with_the_signature() {
        let spec = Spec::official();
        // 14 + blank + 3 attachment lines + blank + unit + date = 21: fits.
        let (c, closing) = report(14, 3);
        assert_eq!(paginate_report(c, &spec, 0, closing).1, Keep::Fits);
        // 17 + 7 = 24: two lines too many, within the limit (24 lines at 27.03 pt).
        let (c, closing) = report(17, 3);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        assert!(matches!(keep, Keep::Tightened { .. }), "{keep:?}");
        assert_eq!(pages.len(), 1);
        // 19 + 7 = 26: carried; the attachments note goes with the signature.
        let (c, closing) = report(19, 3);
        let (pages, keep) = paginate_report(c, &spec, 0, closing);
        assert_eq!(keep, Keep::Carried { from_block: 17 });
        assert_eq!(
            kinds(&pages[1])[..4],
            [
                LineKind::Paragraph,
                LineKind::Paragraph,
                LineKind::Blank,
                LineKind::Attachment
            ]
        );
    }
}
