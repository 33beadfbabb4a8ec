//! Distributing lines over pages of a fixed number of grid lines, the way Word and LibreOffice
//! do with “keep with next” on headings and widow/orphan control on paragraphs, so that our
//! PDF and LibreOffice's rendering of our DOCX break pages alike.

use super::{Chunk, Line};

/// How many lines of chunk `k` must start on the same page.
fn lead(chunks: &[Chunk], k: usize) -> usize {
    let c = &chunks[k];
    let n = c.lines.len();
    if c.keep_with_next && k + 1 < chunks.len() {
        return n + lead(chunks, k + 1);
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

/// Pages as lists of (grid line, line).
pub fn paginate(chunks: Vec<Chunk>, per_page: usize) -> Vec<Vec<(u32, Line)>> {
    let per_page = per_page.max(1);
    let leads: Vec<usize> = (0..chunks.len()).map(|k| lead(&chunks, k)).collect();
    let mut pages: Vec<Vec<(u32, Line)>> = vec![Vec::new()];
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
                    page.push((slot as u32, line));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::LineKind;

    fn chunk(n: usize, kind: LineKind) -> Chunk {
        let line = Line {
            kind,
            slot: 0,
            y: 0.0,
            left: 0.0,
            right: 0.0,
            natural_cells: 0.0,
            runs: vec![],
        };
        Chunk {
            lines: vec![line; n],
            keep_with_next: matches!(kind, LineKind::Heading(_)),
            keep_together: false,
            widow_control: true,
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
}
