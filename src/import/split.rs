//! Line structure of a pasted text: split what was run together (a whole summary on one
//! line, headings inline after a sentence, the title glued to the opening, signature and date
//! glued to the last sentence) and join lines broken inside a sentence.

use super::clean::{junk_title_prefix, normalise_spaces, TITLE_END_WORDS};
use super::{Log, NoteKind};
use crate::model::numbering::{parse_marker, Marker};
use crate::text::{ends_clause, find_dates, is_cjk, is_closing_quote, parse_chinese, SENTENCE_END};

/// Stage 5 of the import, "lines": a title glued to the opening or to its subtitle is split
/// off, headings run together with the text (after a sentence end, after a bare heading, or
/// separated only by spaces) go onto lines of their own, spaces inside Chinese text go (a
/// space between two organs or two subtitle phrases stays as U+3000), lines broken inside a
/// sentence are joined, and a signature and date glued to the last sentence are split off.
pub fn run(lines: Vec<String>, log: &mut Log) -> Vec<String> {
    let mut lines = lines;
    split_title(&mut lines, log);
    split_subtitle(&mut lines, log);
    let lines = split_inline_headings(lines, log);
    let lines = split_heading_at_space(lines, log);
    let lines: Vec<String> = lines.iter().map(|l| normalise_spaces(l, log)).collect();
    let mut lines = join_broken_lines(lines, log);
    split_tail(&mut lines, log);
    lines
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

/// `标题 —— 副标题` on one line: split before the dashes when what comes before is a title.
pub fn split_subtitle(lines: &mut Vec<String>, log: &mut Log) {
    for k in 0..lines.len().min(40) {
        let t = lines[k].trim().to_string();
        let Some(b) = t.find("——") else { continue };
        if b == 0 || t.chars().count() > 90 || t.contains(['。', '，']) {
            continue;
        }
        let head = t[..b].trim_end();
        let head_flat: String = head.chars().filter(|c| !is_space(*c)).collect();
        if TITLE_END_WORDS.iter().any(|w| head_flat.ends_with(w)) {
            let sub = t[b..].trim().to_string();
            log.note(NoteKind::Split, "把标题后面的副标题分成了单独的一行", &sub);
            lines.splice(k..=k, [head.to_string(), sub]);
            return;
        }
    }
}

/// `一、健全工作机构 局党组将…`: a heading and its text separated only by a space (between two
/// Chinese characters, within the first 25 characters, before any punctuation).
pub fn split_heading_at_space(lines: Vec<String>, log: &mut Log) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut n = 0;
    for line in lines {
        let t = line.trim();
        let c: Vec<char> = t.chars().collect();
        let Some(m) = parse_marker(&c) else {
            out.push(line);
            continue;
        };
        let mut cut = None;
        for i in m.len + 2..c.len().min(m.len + 26) {
            if "，。；：？！,.;:?!".contains(c[i]) {
                break;
            }
            if is_space(c[i]) && is_cjk(c[i - 1]) {
                let mut j = i;
                while j < c.len() && is_space(c[j]) {
                    j += 1;
                }
                if j < c.len() && is_cjk(c[j]) && c.len() - j >= 8 {
                    cut = Some((i, j));
                }
                break;
            }
        }
        match cut {
            Some((i, j)) => {
                out.push(c[..i].iter().collect());
                out.push(c[j..].iter().collect());
                n += 1;
            }
            None => out.push(line),
        }
    }
    if n > 0 {
        log.note(
            NoteKind::Split,
            format!("把{n}处只用空格隔开的小标题和正文分开了"),
            "",
        );
    }
    out
}

/// Can a Chinese numeral (一 … 九, 十) start with `c`?
fn starts_numeral(c: char) -> bool {
    parse_chinese(&[c]).is_some()
}

/// Numbering state while reading the document: the last number seen at each level, and the
/// level of the last heading.
#[derive(Default)]
struct Seq {
    last: [usize; 5],
    ctx: u8,
}

impl Seq {
    fn accept(&mut self, m: &Marker) {
        let l = m.level as usize;
        self.last[l] = m.ordinal;
        for deeper in self.last.iter_mut().skip(l + 1) {
            *deeper = 0;
        }
        self.ctx = m.level;
    }

    /// Would a heading number found inside a line continue the numbering?
    fn continues(&self, m: &Marker, after_colon: bool) -> bool {
        let l = m.level as usize;
        m.ordinal == self.last[l] + 1
            && (self.last[l] > 0 || m.level > self.ctx || after_colon || self.ctx == 0)
    }
}

/// Splits lines before inline headings that continue the document's numbering.
pub fn split_inline_headings(lines: Vec<String>, log: &mut Log) -> Vec<String> {
    let mut seq = Seq::default();
    let mut out = Vec::with_capacity(lines.len());
    let mut splits = 0;
    for line in lines {
        let c: Vec<char> = line.chars().collect();
        let mut seg_start = 0;
        // Level of the marker that opened the current segment, and whether the segment has
        // had a sentence end since.
        let mut seg_marker: Option<u8> = None;
        let mut seg_has_end = false;
        if let Some(m) = parse_marker(&c) {
            seq.accept(&m);
            seg_marker = Some(m.level);
        }
        let mut i = 1;
        while i < c.len() {
            if ends_clause(c[i - 1]) {
                seg_has_end = true;
            }
            let starts_marker = matches!(c[i], '（' | '(' | '0'..='9' | '０'..='９' | '①'..='⑳')
                || starts_numeral(c[i]);
            if !starts_marker {
                i += 1;
                continue;
            }
            let raw_prev = c[i - 1];
            // Only a digit run's first digit can start a number (`12.` not `2.`).
            if raw_prev.is_ascii_digit() || starts_numeral(raw_prev) {
                i += 1;
                continue;
            }
            // Spaces between the sentence end and the number do not count.
            let mut pi = i - 1;
            while pi > seg_start && is_space(c[pi]) {
                pi -= 1;
            }
            let prev = c[pi];
            let Some(m) = parse_marker(&c[i..]) else {
                i += 1;
                continue;
            };
            let after_end =
                ends_clause(prev) || is_closing_quote(prev) && pi >= 1 && ends_clause(c[pi - 1]);
            // `一、工作完成情况(一)夯实基础`: a bare heading followed at once by its first
            // sub-heading.
            let after_bare_heading =
                seg_marker.is_some_and(|l| l < m.level) && !seg_has_end && i - seg_start <= 40;
            if (after_end || after_bare_heading) && seq.continues(&m, matches!(prev, '：' | ':')) {
                out.push(c[seg_start..i].iter().collect::<String>());
                seg_start = i;
                seg_marker = Some(m.level);
                seg_has_end = false;
                seq.accept(&m);
                splits += 1;
                i += m.len.max(1);
                continue;
            }
            i += 1;
        }
        out.push(c[seg_start..].iter().collect());
    }
    if splits > 0 {
        log.note(
            NoteKind::Split,
            format!("把连在一起的{splits}处小标题分成了单独的段落"),
            "",
        );
    }
    out
}

/// A title glued to the text after it (`…工作总结2023年，我办…`, `…工作打算 xxxx 年以来，`):
/// split after the last title word (总结, 报告, 打算 …) before the first sentence mark, when
/// only a few characters (the opening's first words) stand between the two. A 范文 site's own
/// heading glued in front of the title is cut off too.
pub fn split_title(lines: &mut Vec<String>, log: &mut Log) {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    let c: Vec<char> = lines[first].trim().chars().collect();
    if c.len() <= 60 || parse_marker(&c).is_some() {
        return;
    }
    let p = c
        .iter()
        .position(|ch| "，。：；,;:".contains(*ch))
        .unwrap_or(c.len());
    let mut cut = None;
    for word in TITLE_END_WORDS {
        let w: Vec<char> = word.chars().collect();
        for k in 0..p.saturating_sub(w.len() - 1) {
            if c[k..k + w.len()] != w[..] {
                continue;
            }
            let e = k + w.len();
            let clean = !c[..e].iter().any(|ch| "，。；：,;:！？!?、".contains(*ch));
            let gap = c[e..p].iter().filter(|ch| !is_space(**ch)).count();
            let next_ok = !c.get(e).is_some_and(|ch| "如了经的和暨及与".contains(*ch));
            if clean && gap <= 14 && (6..=80).contains(&e) && next_ok && cut.is_none_or(|x| e > x) {
                cut = Some(e);
            }
        }
    }
    let Some(cut) = cut else { return };
    let mut title: Vec<char> = c[..cut].to_vec();
    if let Some(k) = junk_title_prefix(&title) {
        let junk: String = title[..k].iter().collect();
        log.removed(&junk, "标题前粘连的范文网站标题", true);
        title.drain(..k);
    }
    let title: String = title.iter().collect();
    let rest: String = c[cut..].iter().collect();
    log.note(NoteKind::Split, "把标题和正文分开了", title.trim());
    lines.splice(
        first..=first,
        [title.trim().to_string(), rest.trim().to_string()],
    );
}

/// Signature and date glued to the end of the last paragraph (`…工作水平。某乡人民政府
/// 2017年12月15日`): split them onto lines of their own.
pub fn split_tail(lines: &mut Vec<String>, log: &mut Log) {
    let Some(last) = lines.iter().rposition(|l| !l.trim().is_empty()) else {
        return;
    };
    let line = lines[last].trim().to_string();
    let Some(d) = find_dates(&line).into_iter().last() else {
        return;
    };
    let c: Vec<char> = line.chars().collect();
    if d.end != c.len() || d.start == 0 {
        return;
    }
    let before = &c[..d.start];
    let cut = before
        .iter()
        .rposition(|&ch| SENTENCE_END.contains(&ch) || ch == '；')
        .map(|k| k + 1)
        .unwrap_or(0);
    let signature: String = before[cut..].iter().collect();
    let sig_ok = signature.chars().count() <= 30 && !signature.contains(['，', ',', '、']);
    if !sig_ok {
        return;
    }
    let mut parts = Vec::new();
    if cut > 0 {
        parts.push(before[..cut].iter().collect::<String>());
    }
    if !signature.trim().is_empty() {
        parts.push(signature.trim().to_string());
    }
    parts.push(c[d.start..].iter().collect());
    if parts.len() > 1 {
        log.note(NoteKind::Split, "把落款和成文日期分成了单独的行", "");
        lines.splice(last..=last, parts);
    }
}

fn ends_open(line: &str) -> bool {
    line.ends_with(['，', '、', '（', '《', '“', '—', ',', '('])
        || line.ends_with("及")
        || line.ends_with("和")
}

/// Ends a sentence or clause, or closes what ended one (`…。”`, `（…）`, `《…》`).
fn ends_closed(line: &str) -> bool {
    line.ends_with(|c| ends_clause(c) || matches!(c, '…' | '”' | '’' | '）' | ')' | '》'))
}

/// Joins lines broken inside a sentence (a hard line break from a narrow web column or a PDF):
/// a line that does not end a sentence, is prose, and is followed directly (no blank line)
/// by a line that is not a heading.
pub fn join_broken_lines(lines: Vec<String>, log: &mut Log) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut blank_before = true;
    let mut joined = 0;
    let mut kept = 0; // non-empty lines in `out`
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            blank_before = true;
            out.push(String::new());
            continue;
        }
        let tc: Vec<char> = t.chars().collect();
        let can_join = !blank_before
            && kept > 1 // never onto the title
            && parse_marker(&tc).is_none()
            && find_dates(t).first().is_none_or(|d| d.start != 0);
        if can_join {
            if let Some(prev) = out.last_mut() {
                let pc: Vec<char> = prev.chars().collect();
                // Headings and titles have no comma and no full stop; prose has.
                let bare = parse_marker(&pc).is_none();
                let prose =
                    prev.contains('。') || (bare && (prev.contains(['，', ',']) || pc.len() >= 30));
                // A clause ended by `；` goes on in the next line (hard-broken lists of measures).
                let semicolon = prev.ends_with('；') && !t.starts_with(['（', '(']);
                if semicolon || (!ends_closed(prev) && (ends_open(prev) || prose)) {
                    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if latin(pc.last().copied()) && latin(tc.first().copied()) {
                        prev.push(' ');
                    }
                    prev.push_str(t);
                    joined += 1;
                    continue;
                }
            }
        }
        blank_before = false;
        kept += 1;
        out.push(t.to_string());
    }
    if joined > 0 {
        log.note(
            NoteKind::Joined,
            format!("把句子中间断开的{joined}处换行接上了"),
            "",
        );
    }
    out
}
