//! Line breaking of one paragraph on the character grid: break opportunities from UAX #14
//! (`unicode-linebreak`) tailored for Chinese, greedy filling where a line may take one more
//! hanging mark (，。 and the other full-width 点号) by squeezing punctuation and tightening
//! (where word-processors hang it beyond the edge), and justification of every line but the
//! last. A line holds what the DOCX's line holds, which is a little wider than the standard's
//! 28 cells (`Spec::docx_line_slack`, about 1.5 pt): a line of mixed text that Word keeps whole
//! is kept here too and squeezed into the measure.

use super::{Metrics, Run};
use crate::spec::Role;
use crate::text::{self as chars, Blank};

/// Lengths closer than this are equal (float noise, not typography).
const EPS: f32 = 0.01;

/// How much the space between two characters may tighten, as a fraction of a cell, when a
/// line must take a hanging mark that squeezing punctuation alone cannot make room for
/// (word-processors hang the mark instead; tightening keeps the ink inside the block).
const MAX_TIGHTEN: f32 = 0.05;

#[derive(Debug, Clone)]
pub struct Item {
    pub ch: char,
    pub role: Role,
    pub size: f32,
    pub bold: bool,
    /// Natural width (a cell for wide characters).
    pub width: f32,
    /// Set in the Latin face at its natural width.
    pub latin: bool,
    /// How much the item may be squeezed, and on which side its blank is.
    pub shrink: f32,
    pub blank: Blank,
}

/// How wide a character cell is for a role and size: the grid's pitch for body-size text, the
/// font size otherwise (title, page number).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub role: Role,
    pub size: f32,
    pub bold: bool,
    pub cell: f32,
}

pub fn items(parts: &[(&str, Style)], metrics: &dyn Metrics) -> Vec<Item> {
    let mut out = Vec::new();
    for (text, st) in parts {
        for c in text.chars().map(chars::clean) {
            let wide = chars::is_wide(c);
            let (width, shrink, blank) = if wide {
                let blank = chars::blank_half(c);
                let shrink = if blank == Blank::None {
                    0.0
                } else {
                    st.cell / 2.0
                };
                (st.cell, shrink, blank)
            } else {
                // The DOCX condenses every character, Latin too, by the difference between
                // the glyph and its grid cell (`w:spacing`, see `spec::docx`); Word and WPS
                // then fit as many digits on a line as the PDF does.
                (
                    metrics.narrow_advance(st.role, c) * st.size + (st.cell - st.size).min(0.0),
                    0.0,
                    Blank::None,
                )
            };
            out.push(Item {
                ch: c,
                role: st.role,
                size: st.size,
                bold: st.bold,
                width,
                latin: !wide,
                shrink,
                blank,
            });
        }
    }
    out
}

/// `allowed[i]`: a line may break before item `i` (`allowed[n]` is the paragraph's end).
pub fn opportunities(items: &[Item]) -> Vec<bool> {
    let n = items.len();
    let text: String = items.iter().map(|i| i.ch).collect();
    let mut allowed = vec![false; n + 1];
    // Byte offsets → item indices.
    let mut idx_of_byte = vec![0usize; text.len() + 1];
    for (ci, (b, _)) in text.char_indices().enumerate() {
        idx_of_byte[b] = ci;
    }
    idx_of_byte[text.len()] = n;
    for (b, _) in unicode_linebreak::linebreaks(&text) {
        if let Some(&i) = idx_of_byte.get(b) {
            allowed[i] = true;
        }
    }
    for i in 1..n {
        let (a, b) = (items[i - 1].ch, items[i].ch);
        // UAX #14 keeps quotation marks glued to both neighbours; in Chinese text “ opens
        // and ” closes, so a break before “ or after ” is fine between wide characters.
        if (chars::is_opening_quote(b) && items[i - 1].width > 0.0 && !items[i - 1].latin)
            || (chars::is_closing_quote(a) && !items[i].latin)
        {
            allowed[i] = true;
        }
        // 避头尾.
        if chars::no_line_start(b) || chars::no_line_end(a) {
            allowed[i] = false;
        }
        // A space starts no line; break after it instead.
        if b == ' ' {
            allowed[i] = false;
        }
    }
    allowed[0] = false;
    allowed[n] = true;
    allowed
}

/// The space available to a line: where it starts and how wide it may be.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub x: f32,
    pub width: f32,
}

fn width(items: &[Item]) -> f32 {
    items.iter().map(|i| i.width).sum()
}

fn trailing_spaces(items: &[Item]) -> usize {
    items.iter().rev().take_while(|i| i.ch == ' ').count()
}

/// Width without trailing spaces (they do not count at a line's end).
fn visible_width(items: &[Item]) -> f32 {
    width(&items[..items.len() - trailing_spaces(items)])
}

/// Splits the paragraph into lines; `measure(k)` gives line `k`'s space. A line keeps what
/// fits its measure plus `slack` (pt): the DOCX's line is that much wider than the standard's
/// 28 cells (`Spec::docx_line_slack`), and Word and WPS keep on a line what fits it; such a line
/// is squeezed into its measure when set ([`set_line`]), by at most `slack`.
pub fn break_lines(
    items: &[Item],
    allowed: &[bool],
    measure: &dyn Fn(usize) -> Measure,
    slack: f32,
) -> Vec<std::ops::Range<usize>> {
    let n = items.len();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        // Spaces left over at a line start are dropped.
        while start < n && items[start].ch == ' ' {
            start += 1;
        }
        if start >= n {
            break;
        }
        // The measure (what the PDF's line holds once squeezed) and what the DOCX's line holds.
        let room = measure(lines.len()).width;
        let avail = room + slack;
        let squeezable =
            |line: &[Item]| line.iter().map(|i| i.shrink).sum::<f32>() + tighten_room(line);
        let mut best: Option<usize> = None;
        // Natural width so far: once it is twice the measure, no later break can fit (squeezing
        // never halves a line), so the scan stops there. Without this bound a long run with no
        // break opportunity was rescanned to its end for every line (quadratic).
        let mut raw = 0.0f32;
        for e in start + 1..=n {
            raw += items[e - 1].width;
            if raw > 2.0 * avail + EPS {
                break;
            }
            if !allowed[e] {
                continue;
            }
            let line = &items[start..e];
            let vis = visible_width(line);
            // Fits the measure, or fits the DOCX's line and squeezing its punctuation and
            // tightening its gaps bring it back into the measure.
            if vis <= room + EPS || (vis <= avail + EPS && vis - squeezable(line) <= room + EPS) {
                best = Some(e);
                continue;
            }
            if vis <= avail + EPS {
                // Word keeps it but the PDF cannot squeeze it in (a line of one long word).
                break;
            }
            // One more segment fits only if what overflows is a single hanging mark (，。、
            // and the other 点号 in full width) that squeezing the line's punctuation and
            // tightening its gaps make room for: word-processors hang exactly these marks
            // beyond the edge (we keep the ink inside the block). A closing bracket or
            // quotation mark, or a half-width mark after a number (`61.3%;`), does not hang
            // there, so it moves to the next line with the character before it, as here. Nor
            // does a full-width mark right after digits or Latin (`92.3%，`): LibreOffice
            // hangs a mark only inside a run of Chinese text (measured; Word not checked).
            let body = &line[..line.len() - trailing_spaces(line)];
            let after_chinese = body.len() < 2 || !body[body.len() - 2].latin;
            let hangs = after_chinese
                && body
                    .last()
                    .is_some_and(|i| !i.latin && chars::may_hang(i.ch));
            let core = &body[..body.len() - 1];
            if hangs && width(core) <= avail + EPS && vis - squeezable(line) <= room + EPS {
                best = Some(e);
            }
            break;
        }
        let end = match best {
            Some(e) => e,
            None => {
                // Nothing breakable fits (a very long number or word): cut at the last
                // character that fits, at least one.
                let mut e = start + 1;
                let mut w = items[start].width;
                while e < n && w + items[e].width <= room + EPS {
                    w += items[e].width;
                    e += 1;
                }
                e
            }
        };
        lines.push(start..end);
        start = end;
    }
    lines
}

/// How much tightening the gaps of a line can absorb: at most one cell (a hanging mark
/// without a blank half, `？` `！`, on a line with no other punctuation to squeeze).
fn tighten_room(line: &[Item]) -> f32 {
    let cell = line.iter().find(|i| !i.latin).map_or(0.0, |i| i.width);
    let gaps = line
        .windows(2)
        .filter(|w| stretchable(&w[0], &w[1]))
        .count();
    (gaps as f32 * MAX_TIGHTEN * cell).min(cell)
}

/// Whether extra space for justification may go between `a` and `b`: anywhere but inside a
/// Latin word or a number.
fn stretchable(a: &Item, b: &Item) -> bool {
    !(a.latin && b.latin) || a.ch == ' ' || b.ch == ' '
}

/// A set line: its runs and its natural width before justification.
pub struct SetLine {
    pub runs: Vec<Run>,
    pub natural: f32,
    pub left: f32,
    pub right: f32,
}

/// Places the items of one line: squeezed if it overflows, justified to `m.width` unless
/// `last`, left-aligned at `m.x`. `y` is the baseline.
pub fn set_line(items: &[Item], m: Measure, last: bool, y: f32) -> SetLine {
    let items = &items[..items.len() - trailing_spaces(items)];
    let natural = width(items);
    let mut widths: Vec<f32> = items.iter().map(|i| i.width).collect();
    let mut shift = vec![0.0f32; items.len()];
    let mut gap = 0.0;
    let gaps = items
        .windows(2)
        .filter(|w| stretchable(&w[0], &w[1]))
        .count();
    if natural > m.width + EPS {
        // Squeeze punctuation first, then tighten the gaps for what is left.
        let mut excess = natural - m.width;
        let total: f32 = items.iter().map(|i| i.shrink).sum();
        if total > 0.0 {
            let f = (excess / total).min(1.0);
            for (k, it) in items.iter().enumerate() {
                let s = it.shrink * f;
                widths[k] -= s;
                if it.blank == Blank::Left {
                    shift[k] = -s;
                }
            }
            excess -= total * f;
        }
        if excess > EPS && gaps > 0 {
            gap = -excess / gaps as f32;
        }
    } else if !last && gaps > 0 {
        gap = (m.width - natural) / gaps as f32;
    }

    let mut runs: Vec<Run> = Vec::new();
    let mut x = m.x;
    for (k, it) in items.iter().enumerate() {
        // A wide glyph is centred in its cell (a 16 pt glyph in a 15.8 pt cell).
        let centre = if it.latin {
            0.0
        } else {
            (it.width - it.size) / 2.0
        };
        let gx = x + centre + shift[k];
        let same = runs.last().is_some_and(|r: &Run| {
            r.role == it.role && r.latin == it.latin && r.size == it.size && r.bold == it.bold
        });
        if !same {
            runs.push(Run {
                role: it.role,
                size: it.size,
                bold: it.bold,
                latin: it.latin,
                x: gx,
                y,
                text: String::new(),
                xs: Vec::new(),
            });
        }
        if let Some(r) = runs.last_mut() {
            r.text.push(it.ch);
            r.xs.push(gx);
        }
        x += widths[k];
        if let Some(next) = items.get(k + 1) {
            if stretchable(it, next) {
                x += gap;
            }
        }
    }
    SetLine {
        runs,
        natural,
        left: m.x,
        right: x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::FixedMetrics;

    fn st() -> Style {
        Style {
            role: Role::Body,
            size: 16.0,
            bold: false,
            cell: 15.8,
        }
    }

    fn lines_of(text: &str, cells: usize) -> Vec<String> {
        let it = items(&[(text, st())], &FixedMetrics);
        let ok = opportunities(&it);
        let m = |_| Measure {
            x: 0.0,
            width: 15.8 * cells as f32,
        };
        break_lines(&it, &ok, &m, 0.0)
            .into_iter()
            .map(|r| it[r].iter().map(|i| i.ch).collect())
            .collect()
    }

    #[test]
    fn closing_punctuation_is_squeezed_into_the_line() {
        // 5 cells; the comma would be the 6th; the pause marks make room.
        let l = lines_of("一、二、三，六七", 5);
        assert_eq!(l, ["一、二、三，", "六七"]);
        // 28 cells with no other punctuation: tightening makes room for the full stop.
        let text = format!("{}。后", "字".repeat(28));
        let l = lines_of(&text, 28);
        assert_eq!(l[1], "后");
        // Too short a line to absorb it: the last character moves down with the mark.
        let l = lines_of("一二三四五，六七", 5);
        assert_eq!(l, ["一二三四", "五，六七"]);
    }

    #[test]
    fn only_full_width_pause_and_stop_marks_hang() {
        // A closing bracket or quotation mark one cell beyond the line moves down with the
        // character before it (word-processors do not hang it).
        assert_eq!(
            lines_of("一二三四（五）六七", 5),
            ["一二三四", "（五）六七"]
        );
        assert_eq!(lines_of("一二三“四五”六七", 5), ["一二三“四", "五”六七"]);
        let text = format!("{}”后", "字".repeat(28));
        assert_eq!(lines_of(&text, 28)[1], "字”后");
        // `？` has no blank half: tightening alone makes room on a full line.
        let text = format!("{}？后", "字".repeat(28));
        assert_eq!(lines_of(&text, 28)[1], "后");
        // A half-width mark after a number does not hang either, nor a full-width one.
        let text = format!("{}61.3%;后", "字".repeat(24));
        assert_eq!(lines_of(&text, 26)[1], "61.3%;后");
        let text = format!("{}12，后", "字".repeat(25));
        assert_eq!(lines_of(&text, 26)[1], "12，后");
        let text = format!("{}二，后", "字".repeat(25));
        assert_eq!(lines_of(&text, 26)[1], "后");
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let l = lines_of("一二三四“五六”七八", 5);
        assert_eq!(l[0], "一二三四");
        assert!(l[1].starts_with('“'));
    }

    #[test]
    fn digits_stay_together() {
        let l = lines_of("一二三四482条", 5);
        assert_eq!(l, ["一二三四", "482条"]);
    }

    #[test]
    fn a_line_holds_what_the_docx_line_holds_and_is_squeezed_into_the_measure() {
        // 26 cells and `ABC` are 443.1 pt: 0.7 pt more than 28 cells, within the DOCX's
        // slack, so Word keeps `ABC` on the line; the typesetter too, and tightens it.
        let text = format!("{}ABC后", "字".repeat(26));
        let it = items(&[(&text, st())], &FixedMetrics);
        let ok = opportunities(&it);
        let m = |_| Measure {
            x: 0.0,
            width: 15.8 * 28.0,
        };
        let lines = break_lines(&it, &ok, &m, 1.5);
        assert_eq!(lines, [0..29, 29..30]);
        let set = set_line(&it[lines[0].clone()], m(0), false, 0.0);
        assert!(set.natural > 15.8 * 28.0 + 0.5);
        assert!((set.right - 15.8 * 28.0).abs() < 0.02, "{}", set.right);
        // Without the slack (or beyond it) `ABC` moves down.
        assert_eq!(break_lines(&it, &ok, &m, 0.0), [0..26, 26..30]);
        assert_eq!(break_lines(&it, &ok, &m, 0.5), [0..26, 26..30]);
    }

    #[test]
    fn squeezed_line_fits_exactly() {
        let it = items(&[("一、二、三，", st())], &FixedMetrics);
        let set = set_line(
            &it,
            Measure {
                x: 0.0,
                width: 79.0,
            },
            false,
            0.0,
        );
        assert!((set.right - 79.0).abs() < 0.02, "{}", set.right);
    }
}
