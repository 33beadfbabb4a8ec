//! Which field of the report each typeset line comes from, so that a click on a line in the
//! pane puts the caret in that field and the form can show the page each section starts on.
//!
//! The typesetter's lines do not carry their source; the body's lines follow the blocks of
//! [`body_blocks`] in order, each block's lines holding exactly its characters (line breaking
//! moves no character from one paragraph to another), so the lines are matched to the blocks by
//! counting characters. Lines of kinds the pane does not know (tables, while issue 16 is in
//! progress) take no source and consume none.

use crate::check::Location;
use crate::model::{body_blocks, section_prints, Block, Report, Section, MAX_LEVEL};
use crate::typeset::{Layout, LineKind};

/// The location of each body block of [`body_blocks`], in the same order: opening paragraphs
/// (`Location::Opening`, index into `Report::opening`), then each section depth-first: its
/// heading (a run-in paragraph is located at its heading), its paragraphs and tables
/// (`Location::Paragraph`, index into `Section::paragraphs`), its children.
pub fn block_locations(report: &Report) -> Vec<Location> {
    let mut out = Vec::new();
    for (index, p) in report.opening.iter().enumerate() {
        if !p.trim().is_empty() {
            out.push(Location::Opening { index });
        }
    }
    walk(&report.sections, 1, &mut Vec::new(), &mut out);
    out
}

fn walk(sections: &[Section], level: u8, path: &mut Vec<usize>, out: &mut Vec<Location>) {
    let level = level.min(MAX_LEVEL);
    for (i, s) in sections.iter().enumerate() {
        if !section_prints(s) {
            continue;
        }
        path.push(i);
        out.push(Location::Heading { path: path.clone() });
        let mut items = s
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_blank())
            .peekable();
        if s.run_in && matches!(items.peek(), Some((_, crate::model::Item::Text(_)))) {
            // The first paragraph is part of the run-in paragraph.
            items.next();
        }
        for (index, _) in items {
            out.push(Location::Paragraph {
                path: path.clone(),
                index,
            });
        }
        walk(&s.children, level + 1, path, out);
        path.pop();
    }
}

/// Characters of a block that the typesetter puts on lines (whitespace not counted).
fn block_chars(b: &Block) -> usize {
    let n = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    match b {
        Block::Paragraph(t) => n(t),
        Block::Heading { number, text, .. } => n(number) + n(text),
        Block::RunIn {
            number,
            heading,
            body,
            ..
        } => n(number) + n(heading) + n(body),
        Block::Table(_) => 0,
    }
}

/// The source of every line of `layout`, page by page, line by line (`None` for blank lines,
/// page furniture and lines of unknown kind). `layout` must be the typesetting of `report`.
pub fn line_sources(report: &Report, layout: &Layout) -> Vec<Vec<Option<Location>>> {
    let blocks = body_blocks(report);
    let locs = block_locations(report);
    // (location, characters) of each body block; a mismatch (a model this walk does not
    // mirror) leaves the body unmapped rather than mapped wrongly.
    let body: Vec<(Location, usize)> = if blocks.len() == locs.len() {
        locs.into_iter()
            .zip(blocks.iter().map(block_chars))
            .filter(|(_, n)| *n > 0)
            .collect()
    } else {
        Vec::new()
    };
    let mut cursor = 0usize;
    let mut left = body.first().map(|b| b.1).unwrap_or(0);
    let mut attachment: Option<usize> = None;
    let mut out = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut row = Vec::with_capacity(page.lines.len());
        for line in &page.lines {
            let loc = match line.kind {
                LineKind::Title => Some(Location::Title),
                LineKind::Subtitle => Some(Location::Subtitle),
                LineKind::Addressee => Some(Location::Addressee),
                LineKind::Signature => Some(Location::Signature),
                LineKind::Date => Some(Location::Date),
                LineKind::Note => Some(Location::Note),
                LineKind::Header => Some(Location::Header),
                LineKind::Record => Some(Location::Record),
                LineKind::Attachment => Some(Location::Attachment { index: 0 }),
                LineKind::AttachmentHead => {
                    let next = attachment.map_or(0, |a| a + 1);
                    attachment = Some(next);
                    Some(Location::Attachment { index: next })
                }
                LineKind::AttachmentTitle => attachment.map(|index| Location::Attachment { index }),
                LineKind::Paragraph | LineKind::Heading(_) | LineKind::RunIn(_) => {
                    if let Some(a) = attachment {
                        // An attachment's own pages: located at the attachment's text.
                        Some(Location::AttachmentParagraph {
                            attachment: a,
                            index: 0,
                        })
                    } else if cursor < body.len() {
                        let loc = body[cursor].0.clone();
                        let n = line.text().chars().filter(|c| !c.is_whitespace()).count();
                        left = left.saturating_sub(n);
                        if left == 0 {
                            cursor += 1;
                            left = body.get(cursor).map(|b| b.1).unwrap_or(0);
                        }
                        Some(loc)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            row.push(loc);
        }
        out.push(row);
    }
    out
}
