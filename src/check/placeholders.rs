//! Placeholders left in a 范文 (`X条`, `XX县`, `*个`, `X月X日`, `（具体数字）`, blank gaps) found
//! as fields: the app lists them, jumps to each, and filling one rewrites exactly its span.

use super::location::{replace_chars, slice_chars, text_at, text_at_mut, texts, Location};
use crate::error::{Error, Result};
use crate::model::Report;
use crate::text::{is_cjk, measure_word_at, word_at};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a placeholder stands for, guessed from its mark and neighbours; [`label`](Self::label)
/// names it in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlaceholderKind {
    /// A count or amount: `X条`, `*万余个`, `第X次`.
    Number,
    /// A place or body: `X县`, `*市`.
    Name,
    /// `X月X日`, `X月`.
    Date,
    /// A year: `20XX年`.
    Year,
    /// A blank left to fill: `____个`, `共  个`.
    Gap,
    /// An instruction in brackets: `（具体数字）`, `【单位名称】`.
    Instruction,
    /// A mark with nothing telling what belongs there.
    Text,
}

impl PlaceholderKind {
    /// What the clerk is asked to fill in, in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            PlaceholderKind::Number => "数字",
            PlaceholderKind::Name => "名称",
            PlaceholderKind::Date => "日期",
            PlaceholderKind::Year => "年份",
            PlaceholderKind::Gap => "空白处",
            PlaceholderKind::Instruction => "说明文字",
            PlaceholderKind::Text => "内容",
        }
    }
}

/// One field to fill. `start..end` are char offsets (not bytes) into the text at `location`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placeholder {
    /// The text that holds the field.
    pub location: Location,
    /// First char (not byte) offset of the field in that text, 0-based.
    pub start: usize,
    /// End char offset of the field, exclusive.
    pub end: usize,
    /// The placeholder as it stands in the text, e.g. `XX`.
    pub text: String,
    /// What kind of value belongs there.
    pub kind: PlaceholderKind,
    /// Up to 12 characters either side, for the list in the app.
    pub context: String,
    /// Char (not byte) offset of the field inside `context`: the app marks
    /// `context_at..context_at + (end - start)` there as the one being filled.
    #[serde(default)]
    pub context_at: usize,
}

/// Marks used in place of a number or a name.
fn is_mark(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | '*' | '＊' | 'Ｘ' | 'ｘ' | '✕' | '╳')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

/// Words that end a place or organisation name.
const NAME_ENDS: &[&str] = &[
    "街道", "社区", "单位", "公司", "县", "市", "省", "乡", "镇", "村", "区", "局", "办", "委",
    "部", "厅", "处", "科", "站", "所", "组", "同志",
];

/// Bracketed words that stand for something to fill in.
const INSTRUCTION_WORDS: &[&str] = &[
    "数字",
    "数量",
    "时间",
    "日期",
    "名称",
    "单位",
    "单位名称",
    "姓名",
    "人数",
    "金额",
    "地点",
    "年份",
    "次数",
    "个数",
    "件数",
    "条数",
    "比例",
    "百分比",
    "内容",
    "文件名称",
    "会议名称",
];
const INSTRUCTION_STARTS: &[&str] = &["具体", "填写", "填", "此处", "请填", "待填", "待定", "待补"];

fn ends_with_any(chars: &[char], end: usize, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let n = w.chars().count();
        n <= end && w.chars().zip(&chars[end - n..end]).all(|(a, b)| a == *b)
    })
}

/// Placeholders in one text: `(start, end, kind)` in char offsets, in order, not overlapping.
pub fn find_in_text(text: &str) -> Vec<(usize, usize, PlaceholderKind)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if let Some(end) = instruction_at(&c, i) {
            out.push((i, end, PlaceholderKind::Instruction));
            i = end;
            continue;
        }
        if matches!(c[i], '_' | '＿') {
            let end = run_end(&c, i, |ch| matches!(ch, '_' | '＿'));
            if end - i >= 2 {
                out.push((i, end, PlaceholderKind::Gap));
            }
            i = end;
            continue;
        }
        if is_space(c[i]) {
            let end = run_end(&c, i, is_space);
            let before = i.checked_sub(1).map(|p| c[p]);
            let after = c.get(end).copied();
            let cjk_both = before.is_some_and(is_cjk) && after.is_some_and(is_cjk);
            // `共 个`: a blank where a count belongs; `甲  乙` between Chinese: a gap.
            if cjk_both && (end - i >= 2 || measure_word_at(&c, end).is_some()) {
                out.push((i, end, PlaceholderKind::Gap));
            }
            i = end;
            continue;
        }
        if is_mark(c[i]) {
            let end = run_end(&c, i, is_mark);
            if let Some(found) = mark_placeholder(&c, i, end) {
                i = found.1;
                out.push(found);
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn run_end(c: &[char], from: usize, f: impl Fn(char) -> bool) -> usize {
    let mut e = from;
    while e < c.len() && f(c[e]) {
        e += 1;
    }
    e
}

/// `（具体数字）`, `(单位名称)`, `【XX】` … starting at `i`: returns the end.
fn instruction_at(c: &[char], i: usize) -> Option<usize> {
    let close = match c[i] {
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '[' => ']',
        _ => return None,
    };
    let limit = (i + 14).min(c.len());
    let j = (i + 1..limit).find(|&j| c[j] == close)?;
    let inner: String = c[i + 1..j].iter().collect();
    let inner = inner.trim();
    if inner.is_empty() {
        return None;
    }
    let inner_chars: Vec<char> = inner.chars().collect();
    let all_marks = inner_chars
        .iter()
        .all(|&ch| is_mark(ch) || matches!(ch, '_' | '＿'));
    let word = INSTRUCTION_WORDS.contains(&inner);
    let starts = word_at(&inner_chars, 0, INSTRUCTION_STARTS).is_some();
    (all_marks || word || starts).then_some(j + 1)
}

/// A run of marks at `i..end`, widened to what it stands for (`20XX`, `X月X日`), or `None`
/// when the marks are not a placeholder (`x` inside a Latin word, `3×4`).
fn mark_placeholder(c: &[char], i: usize, end: usize) -> Option<(usize, usize, PlaceholderKind)> {
    let prev = i.checked_sub(1).map(|p| c[p]);
    let next = c.get(end).copied();
    let latin = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_alphabetic());
    let has_letter_mark = c[i..end]
        .iter()
        .any(|ch| matches!(ch, 'x' | 'X' | 'ｘ' | 'Ｘ'));
    if has_letter_mark && (latin(prev) || latin(next)) {
        return None;
    }
    let digit = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_digit());
    if digit(prev) && digit(next) {
        return None; // 3×4
    }
    if end - i > 8 {
        return None; // a row of stars is decoration, not a field
    }
    // `20XX年`: the digits belong to the field.
    let mut start = i;
    while start > 0 && c[start - 1].is_ascii_digit() && i - start < 3 {
        start -= 1;
    }
    if start < i && next == Some('年') {
        return Some((start, end, PlaceholderKind::Year));
    }
    if next == Some('年') && end - i >= 2 {
        return Some((i, end, PlaceholderKind::Year));
    }
    // `X月X日`: one date field.
    if next == Some('月') {
        let d0 = end + 1;
        let d1 = run_end(c, d0, |ch| is_mark(ch) || ch.is_ascii_digit());
        if d1 > d0 && c.get(d1) == Some(&'日') {
            return Some((i, d1 + 1, PlaceholderKind::Date));
        }
        return Some((i, end, PlaceholderKind::Date));
    }
    if next == Some('日') || next == Some('号') {
        return Some((i, end, PlaceholderKind::Date));
    }
    if measure_word_at(c, end).is_some() || prev == Some('第') {
        return Some((i, end, PlaceholderKind::Number));
    }
    if word_at(c, end, NAME_ENDS).is_some() || ends_with_any(c, i, &["《"]) {
        return Some((i, end, PlaceholderKind::Name));
    }
    Some((i, end, PlaceholderKind::Text))
}

/// Every placeholder in the report, in reading order.
pub fn placeholders(report: &Report) -> Vec<Placeholder> {
    let mut out = Vec::new();
    for (loc, text) in texts(report) {
        for (start, end, kind) in find_in_text(text) {
            out.push(Placeholder {
                text: slice_chars(text, start, end).unwrap_or_default(),
                context: context(text, start, end),
                context_at: start - context_from(start),
                location: loc.clone(),
                start,
                end,
                kind,
            });
        }
    }
    out
}

/// Where the context of a field starting at char `start` begins: 12 chars before it.
fn context_from(start: usize) -> usize {
    start.saturating_sub(12)
}

fn context(text: &str, start: usize, end: usize) -> String {
    let from = context_from(start);
    let n = text.chars().count();
    let to = (end + 12).min(n);
    slice_chars(text, from, to).unwrap_or_default()
}

/// Fills one placeholder: rewrites exactly its span with `value`. Refuses when the text has
/// changed since the placeholder was found (the app then lists the placeholders again), so a
/// stale field can never overwrite the wrong characters.
pub fn fill_placeholder(report: &mut Report, ph: &Placeholder, value: &str) -> Result<()> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::input("请填写内容后再确定。"));
    }
    let stale = || Error::input("这处待填项所在的文字已经改动，请刷新待填项列表后再填写。");
    let current = text_at(report, &ph.location).ok_or_else(stale)?;
    if slice_chars(current, ph.start, ph.end).as_deref() != Some(ph.text.as_str()) {
        return Err(stale());
    }
    let new = replace_chars(current, ph.start, ph.end, value).ok_or_else(stale)?;
    if let Some(t) = text_at_mut(report, &ph.location) {
        *t = new;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlaceholderKind::*;

    fn kinds(t: &str) -> Vec<(String, PlaceholderKind)> {
        find_in_text(t)
            .into_iter()
            .map(|(s, e, k)| (slice_chars(t, s, e).unwrap(), k))
            .collect()
    }

    #[test]
    fn marks_numbers_names_dates() {
        assert_eq!(
            kinds("共发布信息X条，召开会议XX场，来件*万余个，第X次会议"),
            vec![
                ("X".into(), Number),
                ("XX".into(), Number),
                ("*".into(), Number),
                ("X".into(), Number)
            ]
        );
        assert_eq!(
            kinds("X月X日，X县召开"),
            vec![("X月X日".into(), Date), ("X".into(), Name)]
        );
        assert_eq!(kinds("《＊市实施办法》"), vec![("＊".into(), Name)]);
        assert_eq!(kinds("20XX年工作"), vec![("20XX".into(), Year)]);
        assert_eq!(kinds("共××人"), vec![("××".into(), Number)]);
    }

    #[test]
    fn gaps_and_instructions() {
        assert_eq!(kinds("共  个"), vec![("  ".into(), Gap)]);
        assert_eq!(kinds("共 个"), vec![(" ".into(), Gap)]);
        assert_eq!(kinds("共____条"), vec![("____".into(), Gap)]);
        assert_eq!(
            kinds("培训（具体数字）人，由【单位名称】负责"),
            vec![
                ("（具体数字）".into(), Instruction),
                ("【单位名称】".into(), Instruction)
            ]
        );
    }

    #[test]
    fn not_placeholders() {
        assert!(kinds("上线PDF电子版，使用Xvfb和LED屏").is_empty());
        assert!(kinds("面积3×4米，（一）做好公开").is_empty());
        assert!(kinds("2 个").is_empty());
        assert!(kinds("").is_empty());
    }

    #[test]
    fn fill_rewrites_exactly_the_span_and_refuses_stale() {
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.opening = vec!["发布信息X条，公开X件。".into()];
        let ph = placeholders(&r);
        assert_eq!(ph.len(), 2);
        fill_placeholder(&mut r, &ph[1], "12").unwrap();
        assert_eq!(r.opening[0], "发布信息X条，公开12件。");
        // The first one is still valid (it lies before the edit).
        fill_placeholder(&mut r, &ph[0], "345").unwrap();
        assert_eq!(r.opening[0], "发布信息345条，公开12件。");
        assert!(fill_placeholder(&mut r, &ph[0], "1").is_err());
        assert!(placeholders(&r).is_empty());
    }

    #[test]
    fn context_at_points_at_the_field_in_its_context() {
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.opening = vec!["发布X条，全年共计召开各类政务公开专题会议XX场，受理申请X件。".into()];
        let ph = placeholders(&r);
        assert_eq!(ph.len(), 3);
        for p in &ph {
            let at: String = p
                .context
                .chars()
                .skip(p.context_at)
                .take(p.end - p.start)
                .collect();
            assert_eq!(at, p.text, "{p:?}");
        }
        // Near the start the context begins with the text; further on, 12 chars before.
        assert_eq!(ph[0].context_at, 2);
        assert_eq!(ph[1].context_at, 12);
        // Two placeholders in one context: each knows which one is its own.
        assert!(ph[2].context.contains("XX") && ph[2].context_at > 0);
    }
}
