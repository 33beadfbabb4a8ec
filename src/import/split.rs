//! Line structure of a pasted text: split what was run together (a whole summary on one
//! line, headings inline after a sentence, the title glued to the opening, signature and date
//! glued to the last sentence) and join lines broken inside a sentence.

use super::{ImportNote, NoteKind};
use crate::model::numbering::{parse_marker, Marker};
use crate::text::{ends_clause, find_dates, is_closing_quote, parse_chinese, SENTENCE_END};

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
pub fn split_inline_headings(lines: Vec<String>, notes: &mut Vec<ImportNote>) -> Vec<String> {
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
            let prev = c[i - 1];
            // Only a digit run's first digit can start a number (`12.` not `2.`).
            if prev.is_ascii_digit() || starts_numeral(prev) {
                i += 1;
                continue;
            }
            let Some(m) = parse_marker(&c[i..]) else {
                i += 1;
                continue;
            };
            let after_end =
                ends_clause(prev) || is_closing_quote(prev) && i >= 2 && ends_clause(c[i - 2]);
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
        notes.push(ImportNote::new(
            NoteKind::Split,
            format!("把连在一起的{splits}处小标题分成了单独的段落"),
            "",
        ));
    }
    out
}

/// A title glued to the text after it (`…工作总结2023年，我办…`): split after the title word.
pub fn split_title(lines: &mut Vec<String>, notes: &mut Vec<ImportNote>) {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    let c: Vec<char> = lines[first].chars().collect();
    if c.len() <= 60 || parse_marker(&c).is_some() {
        return;
    }
    for word in ["工作总结", "总结", "报告", "汇报"] {
        let w: Vec<char> = word.chars().collect();
        let found =
            (0..c.len().min(50).saturating_sub(w.len() - 1)).find(|&k| c[k..k + w.len()] == w[..]);
        if let Some(k) = found {
            let prefix = &c[..k];
            if prefix.iter().any(|ch| "，。；,;：:".contains(*ch)) {
                return;
            }
            let cut = k + w.len();
            if c.get(cut).is_some_and(|ch| "如了经的".contains(*ch)) {
                return;
            }
            let title: String = c[..cut].iter().collect();
            let rest: String = c[cut..].iter().collect();
            notes.push(ImportNote::new(
                NoteKind::Split,
                "把标题和正文分开了",
                &title,
            ));
            lines.splice(first..=first, [title, rest]);
            return;
        }
    }
}

/// Signature and date glued to the end of the last paragraph (`…工作水平。某乡人民政府
/// 2017年12月15日`): split them onto lines of their own.
pub fn split_tail(lines: &mut Vec<String>, notes: &mut Vec<ImportNote>) {
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
        notes.push(ImportNote::new(
            NoteKind::Split,
            "把落款和成文日期分成了单独的行",
            "",
        ));
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
pub fn join_broken_lines(lines: Vec<String>, notes: &mut Vec<ImportNote>) -> Vec<String> {
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
                if !ends_closed(prev) && (ends_open(prev) || prose) {
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
        notes.push(ImportNote::new(
            NoteKind::Joined,
            format!("把句子中间断开的{joined}处换行接上了"),
            "",
        ));
    }
    out
}
