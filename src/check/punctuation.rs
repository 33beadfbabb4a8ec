//! Punctuation: half-width marks in Chinese text (`,` `;` `:` `?` `!` `(` `)` `"` and a `.`
//! ending a Chinese sentence), and unpaired quotes, brackets and book-title marks.

use super::location::{texts, Location};
use super::{codes, Finding, Severity};
use crate::model::Report;
use crate::text::{is_cjk, is_cjk_punct, to_full_width};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for (loc, text) in texts(report) {
        half_width(&loc, text, out);
        unpaired(&loc, text, out);
    }
}

fn nearest(c: &[char], i: usize, step: isize) -> Option<char> {
    let mut j = i as isize + step;
    while j >= 0 && (j as usize) < c.len() {
        let ch = c[j as usize];
        if ch != ' ' {
            return Some(ch);
        }
        j += step;
    }
    None
}

/// Chinese or full-width punctuation: the context in which half-width marks are wrong.
fn chinese(ch: Option<char>) -> bool {
    ch.is_some_and(|ch| is_cjk(ch) || is_cjk_punct(ch))
}

fn half_width(loc: &Location, text: &str, out: &mut Vec<Finding>) {
    let c: Vec<char> = text.chars().collect();
    let mut quotes = 0;
    for i in 0..c.len() {
        let ch = c[i];
        let (prev, next) = (nearest(&c, i, -1), nearest(&c, i, 1));
        let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
        let replacement = match ch {
            // 10:30 and 1,000 are numbers, not Chinese punctuation.
            ',' | ':' if digit(prev) && digit(next) => None,
            '(' | ')' | ',' | ';' | ':' | '?' | '!' => (chinese(prev) || chinese(next))
                .then(|| to_full_width(ch))
                .flatten(),
            '.' => (is_cjk_opt(prev) && (next.is_none() || chinese(next))).then_some('。'),
            '"' => {
                quotes += 1;
                (chinese(prev) || chinese(next)).then_some(if quotes % 2 == 1 {
                    '“'
                } else {
                    '”'
                })
            }
            _ => None,
        };
        if let Some(r) = replacement {
            out.push(
                Finding::new(
                    Severity::Warning,
                    codes::HALF_WIDTH,
                    loc.clone(),
                    format!("中文里用了半角标点“{ch}”，应为全角“{r}”。"),
                )
                .span(text, i, i + 1)
                .replace_fix(text, format!("改为“{r}”"), &r.to_string()),
            );
        }
    }
}

fn is_cjk_opt(ch: Option<char>) -> bool {
    ch.is_some_and(is_cjk)
}

fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '【' => '】',
        '〈' => '〉',
        // Round brackets of either width pair with each other; the width is another check.
        '（' | '(' => ')',
        _ => return None,
    })
}

fn normalise_closer(ch: char) -> Option<char> {
    match ch {
        '）' | ')' => Some(')'),
        '”' | '’' | '》' | '】' | '〉' => Some(ch),
        _ => None,
    }
}

fn unpaired(loc: &Location, text: &str, out: &mut Vec<Finding>) {
    let c: Vec<char> = text.chars().collect();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let report = |ch: char, i: usize, out: &mut Vec<Finding>| {
        out.push(
            Finding::new(
                Severity::Warning,
                codes::UNPAIRED,
                loc.clone(),
                format!("“{ch}”没有配对的另一半，请检查引号、括号或书名号。"),
            )
            .span(text, i, i + 1),
        );
    };
    for (i, &ch) in c.iter().enumerate() {
        if closer_of(ch).is_some() {
            stack.push((ch, i));
        } else if let Some(close) = normalise_closer(ch) {
            match stack
                .iter()
                .rposition(|(o, _)| closer_of(*o) == Some(close))
            {
                // Anything opened after the matching opener is itself unpaired.
                Some(k) => {
                    for (o, at) in stack.drain(k..).skip(1) {
                        report(o, at, out);
                    }
                }
                None => report(ch, i, out),
            }
        }
    }
    for (o, at) in stack {
        report(o, at, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        half_width(&Location::Title, t, &mut out);
        unpaired(&Location::Title, t, &mut out);
        out
    }

    #[test]
    fn half_width_in_chinese_flagged_numbers_and_english_not() {
        let f = run("我镇认真落实,成效明显.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].code, codes::HALF_WIDTH);
        assert!(run("时间10:30，金额1,000元，访问www.gov.cn，比例2.6%。").is_empty());
        assert!(run("Hello, world.").is_empty());
    }

    #[test]
    fn quotes_alternate() {
        let f = run("按照\"谁公开\"的原则");
        let reps: Vec<_> = f
            .iter()
            .filter_map(|f| match &f.fix.as_ref().unwrap().action {
                super::super::FixAction::Replace { replacement, .. } => Some(replacement.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(reps, ["“", "”"]);
    }

    #[test]
    fn unpaired_marks() {
        assert_eq!(run("《条例》（试行）“好”").len(), 0);
        let f = run("学习《条例和“要点");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.code == codes::UNPAIRED));
        assert_eq!(run("多了一个）").len(), 1);
    }
}
