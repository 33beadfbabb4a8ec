//! Stage 2 of the import, "normalise characters": what every later stage may take for granted.
//!
//! In order: newlines and invisible characters; stray page markers (a document viewer's
//! `2、` `3、` in front of each page's text, a PDF's `— 1 —`); pinyin annotations, including
//! the kind damaged on its way through GBK (`?,@(zhè)` for `。這`); traditional → simplified
//! characters; half-width punctuation in Chinese context (`,` → `，`, `(一)` → `（一）`, but
//! `8:30` and `1,234` stay); `○` inside a date written in Chinese numerals → `〇`.
//! Spaces are left for the line-splitting stage, where a space may still mark a boundary.

use super::convert::{is_pinyin, strip_pinyin, to_simplified};
use super::{Log, NoteKind};
use crate::text::is_cjk;

/// The whole stage.
pub fn run(text: &str, log: &mut Log) -> String {
    let text = super::clean::normalise_newlines(text);
    let text = viewer_page_markers(&text, log);
    let text = pdf_page_numbers(&text, log);
    let (text, repaired) = repair_gbk_damage(&text);
    if repaired > 0 {
        log.note(
            NoteKind::PinyinRemoved,
            format!("修复了{repaired}处经 GBK 转码损坏的文字（带拼音的“?,@(zhè)”之类）"),
            "",
        );
    }
    let (text, pinyin) = strip_pinyin(&text);
    if pinyin > 0 {
        log.note(
            NoteKind::PinyinRemoved,
            format!("删除了{pinyin}处字后的拼音注音"),
            "",
        );
    }
    let mut converted = 0;
    let mut punct = 0;
    let mut out = Vec::new();
    for raw in text.split('\n') {
        let line = match to_simplified(raw) {
            Some(s) => {
                converted += 1;
                s
            }
            None => raw.to_string(),
        };
        let (line, n) = fullwidth_punctuation(&line);
        punct += n;
        out.push(chinese_zero(&line));
    }
    if converted > 0 {
        log.note(
            NoteKind::Converted,
            format!("把{converted}行繁体字转换成了简体字"),
            "",
        );
    }
    if punct > 0 {
        log.note(
            NoteKind::Punctuation,
            format!("把中文里的{punct}个半角标点改成了全角（如“,”改为“，”）"),
            "",
        );
    }
    out.join("\n")
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\u{a0}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{2009}'
    )
}

/// CJK characters and full-width punctuation: Chinese context.
pub fn cjkish(c: char) -> bool {
    is_cjk(c) || "，。、；：？！“”‘’（）《》【】…—·〇".contains(c)
}

/// `N、` (or `N.`) at the start of line `N` of a text, put there by a document viewer that
/// numbers its pages: recognised when every non-empty line carries its own line number and at
/// least one line ends in the middle of a sentence (no closing punctuation), which a list of
/// items never does. The markers are removed and the lines joined without a break.
pub fn viewer_page_markers(text: &str, log: &mut Log) -> String {
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    if lines.len() < 2 {
        return text.to_string();
    }
    let mut lens = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let num = (i + 1).to_string();
        let Some(rest) = t.strip_prefix(num.as_str()) else {
            return text.to_string();
        };
        let Some(sep) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '、' | '.' | '．'))
        else {
            return text.to_string();
        };
        lens.push(t.len() - rest.len() + sep.len_utf8() + (l.len() - t.len()));
    }
    let ends_mid = lines[..lines.len() - 1].iter().any(|l| {
        !l.trim_end().ends_with([
            '。', '！', '？', '；', '：', '”', '）', '.', '!', '?', ';', ':',
        ])
    });
    if !ends_mid {
        return text.to_string();
    }
    let mut out = String::new();
    for (l, n) in lines.iter().zip(lens) {
        log.removed(&l[..n], "文档查看器加在每页开头的页码", true);
        out.push_str(l[n..].trim_end());
    }
    log.note(
        NoteKind::RemovedText,
        format!(
            "删除了文档查看器的{}个页码，并把被页码隔断的文字接上了",
            lines.len()
        ),
        "",
    );
    out
}

/// `— 1 —`, `- 2 -`, `－3－` standing between spaces or at a line end: a PDF's page number
/// copied with the text.
pub fn pdf_page_numbers(text: &str, log: &mut Log) -> String {
    let c: Vec<char> = text.chars().collect();
    let dash = |ch: char| matches!(ch, '—' | '-' | '－' | '–');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut n = 0;
    while i < c.len() {
        let boundary_before = i == 0 || is_space(c[i - 1]) || c[i - 1] == '\n';
        if dash(c[i]) && boundary_before {
            let mut j = i + 1;
            while j < c.len() && (dash(c[j]) && j == i + 1) {
                j += 1; // `——` counts as one dash
            }
            while j < c.len() && is_space(c[j]) {
                j += 1;
            }
            let d0 = j;
            while j < c.len() && c[j].is_ascii_digit() {
                j += 1;
            }
            let digits = j - d0;
            while j < c.len() && is_space(c[j]) {
                j += 1;
            }
            if (1..=3).contains(&digits) && j < c.len() && dash(c[j]) {
                let mut k = j + 1;
                if k < c.len() && dash(c[k]) {
                    k += 1;
                }
                let boundary_after = k == c.len() || is_space(c[k]) || c[k] == '\n';
                if boundary_after {
                    let marker: String = c[i..k].iter().collect();
                    log.removed(&marker, "PDF 的页码", true);
                    n += 1;
                    i = k;
                    continue;
                }
            }
        }
        out.push(c[i]);
        i += 1;
    }
    if n > 0 {
        log.note(
            NoteKind::RemovedText,
            format!("删除了{n}个复制时带入的页码（如“— 1 —”）"),
            "",
        );
    }
    out
}

/// The character whose GBK code ends with `trail` and whose reading is `pinyin`: what a text
/// damaged in transit (the lead byte of a GBK character lost, its pinyin annotation kept)
/// meant. Traditional characters are preferred (the damaged texts are traditional ones).
fn gbk_char_for(trail: u8, pinyin: &str) -> Option<char> {
    use pinyin::ToPinyin;
    let mut found = Vec::new();
    for lead in 0x81u8..=0xfe {
        let bytes = [lead, trail];
        let (s, _, bad) = encoding_rs::GBK.decode(&bytes);
        if bad {
            continue;
        }
        let Some(ch) = s.chars().next().filter(|c| is_cjk(*c)) else {
            continue;
        };
        if ch.to_pinyin().is_some_and(|p| p.with_tone() == pinyin) {
            found.push(ch);
        }
    }
    let traditional = |c: &char| to_simplified(&c.to_string()).is_some();
    found
        .iter()
        .find(|c| traditional(c))
        .or(found.first())
        .copied()
}

/// `?,@(zhè)` → `。這`: a full stop that became `?,` and a character reduced to its second
/// byte (an ASCII character) with its pinyin still after it. Returns the text and the number
/// of characters restored.
pub fn repair_gbk_damage(text: &str) -> (String, usize) {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    let mut i = 0;
    while i < c.len() {
        // The damaged character: one ASCII char in GBK's trail range, then `(pinyin)`.
        let start_stop = i + 1 < c.len() && c[i] == '?' && c[i + 1] == ',';
        let at = if start_stop { i + 2 } else { i };
        let prev_ok = at > 0 && (is_cjk(c[at - 1]) || c[at - 1] == ',');
        if prev_ok && at + 2 < c.len() && c[at].is_ascii_graphic() && c[at] as u32 >= 0x40 {
            if let Some(open) = Some(at + 1).filter(|&o| matches!(c[o], '(' | '（')) {
                let close =
                    (open + 1..(open + 9).min(c.len())).find(|&j| matches!(c[j], ')' | '）'));
                if let Some(close) = close {
                    let py: String = c[open + 1..close].iter().collect();
                    if is_pinyin(&py) {
                        if let Some(ch) = gbk_char_for(c[at] as u8, &py) {
                            if start_stop {
                                out.push('。');
                            }
                            out.push(ch);
                            n += 1;
                            i = close + 1;
                            continue;
                        }
                    }
                }
            }
        }
        out.push(c[i]);
        i += 1;
    }
    (out, n)
}

/// Nearest non-space character before `i` and at or after `j`.
fn neighbours(c: &[char], i: usize, j: usize) -> (Option<char>, Option<char>) {
    let prev = c[..i].iter().rev().find(|ch| !is_space(**ch)).copied();
    let next = c[j..].iter().find(|ch| !is_space(**ch)).copied();
    (prev, next)
}

/// Half-width `, ; : ? ! ( )` in Chinese context → full width. `8:30`, `1,234`, `http://`,
/// Latin text and `[a](b)` links stay. Returns the line and the number of marks changed.
pub fn fullwidth_punctuation(line: &str) -> (String, usize) {
    let mut c: Vec<char> = line.chars().collect();
    let mut n = 0;
    let digit = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_digit());
    let cjk = |ch: Option<char>| ch.is_some_and(cjkish);
    for i in 0..c.len() {
        let (prev, next) = neighbours(&c, i, i + 1);
        let to = match c[i] {
            ',' if (cjk(prev) || cjk(next)) && !(digit(prev) && digit(next)) => '，',
            ';' if cjk(prev) || cjk(next) => '；',
            ':' if !(digit(prev) && digit(next))
                && (cjk(prev) || (cjk(next) && !matches!(next, Some('/')))) =>
            {
                '：'
            }
            '?' if cjk(prev) => '？',
            '!' if cjk(prev) => '！',
            '(' => {
                let close = (i + 1..(i + 60).min(c.len())).find(|&j| c[j] == ')');
                let Some(j) = close else { continue };
                let inner_cjk = c[i + 1..j].iter().any(|ch| is_cjk(*ch));
                if inner_cjk || cjk(prev.filter(|_| i > 0)) {
                    c[j] = '）';
                    n += 1;
                    '（'
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        c[i] = to;
        n += 1;
    }
    (c.into_iter().collect(), n)
}

/// `二○二四年`: the white circle (U+25CB) typed for the Chinese zero (U+3007) inside a
/// number written in Chinese numerals.
pub fn chinese_zero(line: &str) -> String {
    if !line.contains('○') {
        return line.to_string();
    }
    let c: Vec<char> = line.chars().collect();
    let numeral =
        |ch: Option<&char>| ch.is_some_and(|ch| "〇○零一二三四五六七八九十".contains(*ch));
    (0..c.len())
        .map(|i| {
            if c[i] == '○'
                && (numeral(i.checked_sub(1).and_then(|p| c.get(p))) || numeral(c.get(i + 1)))
            {
                '〇'
            } else {
                c[i]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> Log {
        Log::default()
    }

    #[test]
    fn punctuation_in_chinese_context_only() {
        assert_eq!(
            fullwidth_punctuation("上半年,枫林乡围绕公开;现将小结如下:").0,
            "上半年，枫林乡围绕公开；现将小结如下："
        );
        assert_eq!(
            fullwidth_punctuation("(一)抓好制度落实").0,
            "（一）抓好制度落实"
        );
        assert_eq!(fullwidth_punctuation("看懂了?还需要").0, "看懂了？还需要");
        assert_eq!(
            fullwidth_punctuation("纳入考核(每季度通报一次)。").0,
            "纳入考核（每季度通报一次）。"
        );
        for keep in [
            "每周一至周五8:30—17:30开放",
            "共1,234条",
            "see http://a.cn/x, ok",
            "use (a, b) here",
            "[链接](http://x.cn)",
        ] {
            assert_eq!(fullwidth_punctuation(keep).0, keep, "{keep}");
        }
    }

    #[test]
    fn gbk_damage_with_pinyin_is_repaired() {
        let (t, n) = repair_gbk_damage("取得了較好成效?,@(zhè)些做法");
        assert_eq!((t.as_str(), n), ("取得了較好成效。這些做法", 1));
        let (t, n) = repair_gbk_damage("成效?,F(xiàn)在");
        assert_eq!(n, 1, "{t}");
        assert!(t.starts_with("成效。"));
        // Left alone: a formula, an e-mail, a plain bracket.
        for keep in ["f(x)=1", "a@b.cn", "函数F(x)", "电子版(pdf)"] {
            assert_eq!(repair_gbk_damage(keep), (keep.to_string(), 0), "{keep}");
        }
    }

    #[test]
    fn viewer_markers_only_when_they_cut_sentences() {
        let mut l = log();
        let t = viewer_page_markers("1、甲乙丙。二、规\n2、范公开内容。\n3、结束。", &mut l);
        assert_eq!(t, "甲乙丙。二、规范公开内容。结束。");
        assert_eq!(l.removed.len(), 3);
        // A list of items, each a whole sentence: left alone.
        let list = "1.部分社区公开栏内容更新慢。\n2.政策解读形式比较单一。";
        assert_eq!(viewer_page_markers(list, &mut l), list);
    }

    #[test]
    fn pdf_page_numbers_between_spaces() {
        let mut l = log();
        assert_eq!(
            pdf_page_numbers("先审后发。 — 1 — \n（三）", &mut l),
            "先审后发。  \n（三）"
        );
        assert_eq!(l.removed[0].text, "— 1 —");
        for keep in [
            "8:30—17:30",
            "——以公开促落实",
            "2024-12-16",
            "— 以公开促落实",
        ] {
            assert_eq!(pdf_page_numbers(keep, &mut l), keep);
        }
    }

    #[test]
    fn white_circle_in_dates() {
        assert_eq!(
            chinese_zero("二○二四年十二月三十日"),
            "二〇二四年十二月三十日"
        );
        assert_eq!(chinese_zero("○ 项目"), "○ 项目");
    }
}
