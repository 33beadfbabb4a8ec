//! Heading numbers of the official layout (GB/T 9704-2012 §7.3.3), derived from a heading's
//! level and position: level 1 `一、`, level 2 `（一）`, level 3 `1.`, level 4 `（1）`; and
//! the same numbers recognised as typed in pasted text, in all their common spellings:
//! level 1 `一、` `一．` `一：`; level 2 `（一）` `(一)`; level 3 `1.` `1．` `1、`;
//! level 4 `（1）` `(1)` `①`.

use crate::text::{ends_clause, parse_chinese, to_chinese};

/// The number (with its punctuation) of the `index`-th (0-based) heading at `level` (1–4).
/// Levels beyond 4 are numbered like level 4; the model refuses them on input.
pub fn heading_number(level: u8, index: usize) -> String {
    let n = index + 1;
    match level {
        1 => format!("{}、", to_chinese(n)),
        2 => format!("（{}）", to_chinese(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// A heading number found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// 1–4, by spelling (not by position in the document).
    pub level: u8,
    /// The number it carries (1-based).
    pub ordinal: usize,
    /// Chars taken by the number, its punctuation and following spaces.
    pub len: usize,
}

fn ascii_number(c: &[char]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    let mut i = 0;
    while i < c.len() && i < 3 {
        let d = match c[i] {
            '0'..='9' => c[i] as usize - '0' as usize,
            '０'..='９' => c[i] as usize - '０' as usize,
            _ => break,
        };
        value = value * 10 + d;
        i += 1;
    }
    (i > 0 && value > 0).then_some((value, i))
}

fn skip_spaces(c: &[char], mut i: usize) -> usize {
    while i < c.len() && matches!(c[i], ' ' | '\u{3000}' | '\t' | '\u{a0}') {
        i += 1;
    }
    i
}

/// The heading number at the start of `c`, if any.
pub fn parse_marker(c: &[char]) -> Option<Marker> {
    let first = *c.first()?;
    // Circled numbers ①–⑳: level 4.
    if ('①'..='⑳').contains(&first) {
        let ordinal = first as usize - '①' as usize + 1;
        return Some(Marker {
            level: 4,
            ordinal,
            len: skip_spaces(c, 1),
        });
    }
    if first == '（' || first == '(' {
        let inner = &c[1..];
        let (ordinal, n, level) = if let Some((v, n)) = parse_chinese(inner) {
            (v, n, 2)
        } else if let Some((v, n)) = ascii_number(inner) {
            (v, n, 4)
        } else {
            return None;
        };
        if !matches!(c.get(1 + n), Some('）') | Some(')')) {
            return None;
        }
        let mut i = 2 + n;
        if matches!(c.get(i), Some('、') | Some('.') | Some('．')) {
            i += 1;
        }
        return Some(Marker {
            level,
            ordinal,
            len: skip_spaces(c, i),
        });
    }
    if let Some((ordinal, n)) = parse_chinese(c) {
        if matches!(
            c.get(n),
            Some('、') | Some('．') | Some('.') | Some('：') | Some(':')
        ) {
            return Some(Marker {
                level: 1,
                ordinal,
                len: skip_spaces(c, n + 1),
            });
        }
        return None;
    }
    if let Some((ordinal, n)) = ascii_number(c) {
        let sep = c.get(n).copied();
        let after = c.get(n + 1).copied();
        let digit_after = after.is_some_and(|a| a.is_ascii_digit() || ('０'..='９').contains(&a));
        // `2.6万` is a number, not a heading.
        if matches!(sep, Some('.') | Some('．') | Some('、')) && !digit_after && after.is_some() {
            return Some(Marker {
                level: 3,
                ordinal,
                len: skip_spaces(c, n + 1),
            });
        }
    }
    None
}

/// An item of a typed enumeration (`一是…；二是…`) starting at `c[i]`: at the start of the
/// text or after a mark that ends a clause, a comma or a space, a Chinese numeral followed by
/// `是`. Returns `(ordinal, chars up to and including 是)`.
pub fn enumeration_at(c: &[char], i: usize) -> Option<(usize, usize)> {
    let boundary =
        i == 0 || ends_clause(c[i - 1]) || matches!(c[i - 1], '，' | ',' | ' ' | '\u{3000}');
    if !boundary {
        return None;
    }
    let (v, n) = parse_chinese(c.get(i..)?)?;
    (c.get(i + n) == Some(&'是')).then_some((v, n + 1))
}

/// [`parse_marker`] on the start of a string (its first 8 chars are enough for any number).
pub fn parse_marker_str(s: &str) -> Option<Marker> {
    let c: Vec<char> = s.chars().take(8).collect();
    parse_marker(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_level() {
        assert_eq!(heading_number(1, 0), "一、");
        assert_eq!(heading_number(1, 10), "十一、");
        assert_eq!(heading_number(2, 2), "（三）");
        assert_eq!(heading_number(3, 11), "12.");
        assert_eq!(heading_number(4, 0), "（1）");
        assert_eq!(heading_number(7, 1), "（2）");
    }

    #[test]
    fn derived_numbers_are_recognised() {
        for level in 1..=4 {
            for i in 0..30 {
                let typed = format!("{}工作", heading_number(level, i));
                let m = parse_marker_str(&typed).unwrap();
                assert_eq!((m.level, m.ordinal), (level, i + 1), "{typed}");
            }
        }
    }

    #[test]
    fn enumerations() {
        let c: Vec<char> = "一是加强；二是强化，十是".chars().collect();
        assert_eq!(enumeration_at(&c, 0), Some((1, 2)));
        assert_eq!(enumeration_at(&c, 5), Some((2, 2)));
        assert_eq!(enumeration_at(&c, 10), Some((10, 2)));
        assert_eq!(enumeration_at(&c, 2), None);
        assert_eq!(enumeration_at(&['统', '一', '是'], 1), None);
    }

    fn m(s: &str) -> Option<(u8, usize, usize)> {
        parse_marker_str(s).map(|m| (m.level, m.ordinal, m.len))
    }

    #[test]
    fn all_spellings() {
        assert_eq!(m("一、工作"), Some((1, 1, 2)));
        assert_eq!(m("十二．工作"), Some((1, 12, 3)));
        assert_eq!(m("三：工作"), Some((1, 3, 2)));
        assert_eq!(m("（二）做法"), Some((2, 2, 3)));
        assert_eq!(m("(十)做法"), Some((2, 10, 3)));
        assert_eq!(m("3.做法"), Some((3, 3, 2)));
        assert_eq!(m("4．做法"), Some((3, 4, 2)));
        assert_eq!(m("12、做法"), Some((3, 12, 3)));
        assert_eq!(m("（1）做法"), Some((4, 1, 3)));
        assert_eq!(m("(2) 做法"), Some((4, 2, 4)));
        assert_eq!(m("③做法"), Some((4, 3, 1)));
    }

    #[test]
    fn not_headings() {
        for s in [
            "一是加强",
            "十分重要",
            "2.6万次",
            "2019年",
            "（以下简称）",
            "一",
            "",
            "1.",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }
}
