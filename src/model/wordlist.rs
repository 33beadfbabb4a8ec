//! The list of wrong or easily confused words (错别字/易错词), shipped in
//! `resources/wordlists/confusables.tsv`, and the list of sensitive and spam words (赌博, 色情,
//! 广告) that copied 范文 pick up, shipped in `resources/wordlists/sensitive.tsv`. Both are
//! compiled in, so checks work without a store; the clerk's copy lives in SQLite (see
//! `store::wordlist`) and can be edited. A wrong word may end in `{数}`, which stands for a
//! number (`截止{数}` matches `截止6月底`'s `截止6`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

const BUILTIN_TSV: &str = include_str!("../../resources/wordlists/confusables.tsv");
const SENSITIVE_TSV: &str = include_str!("../../resources/wordlists/sensitive.tsv");
/// Stands for one number (Arabic or Chinese digits) in a word-list entry.
pub const NUMBER_TOKEN: &str = "{数}";

/// One entry of the word list: a wrong or easily confused word and its correction, or a
/// sensitive word (non-empty `category`, no correction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WordEntry {
    /// Store id; absent for entries not read from the store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The word to find; may end in [`NUMBER_TOKEN`] (`截止{数}`).
    pub wrong: String,
    /// The correction offered as a fix; empty for a sensitive word.
    pub right: String,
    /// Why, in Chinese, shown with the finding (may be empty).
    #[serde(default)]
    pub note: String,
    /// Shipped with gongwen (as opposed to added by the clerk).
    #[serde(default)]
    pub builtin: bool,
    /// Empty for a wrong word; the kind of a sensitive word (`赌博`, `色情`, `广告`), which is
    /// flagged as an error with no fix (`right` is empty).
    #[serde(default)]
    pub category: String,
}

impl WordEntry {
    /// True for a sensitive word (flagged as an error, no fix), false for a wrong word.
    pub fn is_sensitive(&self) -> bool {
        !self.category.is_empty()
    }
}

/// Parses `word<TAB>category<TAB>note` lines of the sensitive list.
pub fn parse_sensitive_tsv(text: &str, builtin: bool) -> Vec<WordEntry> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let word = it.next()?.trim();
            let category = it.next()?.trim();
            let note = it.next().unwrap_or("").trim();
            (!word.is_empty() && !category.is_empty()).then(|| WordEntry {
                id: None,
                wrong: word.to_string(),
                right: String::new(),
                note: note.to_string(),
                builtin,
                category: category.to_string(),
            })
        })
        .collect()
}

/// The words the checks look for: wrong words and sensitive words, in one list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WordList {
    /// Every entry, wrong and sensitive words alike.
    pub entries: Vec<WordEntry>,
}

/// Parses `wrong<TAB>right<TAB>note` lines; `#` comments, blank and malformed lines are
/// skipped (a hand-edited file must never stop the checks).
fn parse_tsv(text: &str, builtin: bool) -> Vec<WordEntry> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let wrong = it.next()?.trim();
            let right = it.next()?.trim();
            let note = it.next().unwrap_or("").trim();
            (!wrong.is_empty() && !right.is_empty() && wrong != right).then(|| WordEntry {
                id: None,
                wrong: wrong.to_string(),
                right: right.to_string(),
                note: note.to_string(),
                builtin,
                category: String::new(),
            })
        })
        .collect()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || "０１２３４５６７８９〇零一二三四五六七八九十".contains(c)
}

impl WordList {
    /// The list shipped with gongwen.
    pub fn builtin() -> WordList {
        let mut entries = parse_tsv(BUILTIN_TSV, true);
        entries.extend(parse_sensitive_tsv(SENSITIVE_TSV, true));
        WordList { entries }
    }

    /// Occurrences of wrong words in `text`: `(start, end, entry)` in char offsets.
    /// An occurrence that is part of the right form itself (the right word contains the wrong
    /// one) is not reported.
    pub fn scan(&self, text: &str) -> Vec<(usize, usize, &WordEntry)> {
        let mut out = Vec::new();
        let lower = text.to_lowercase();
        for e in &self.entries {
            if let Some(stem) = e.wrong.strip_suffix(NUMBER_TOKEN) {
                for (b, _) in text.match_indices(stem) {
                    let after = &text[b + stem.len()..];
                    let digits = after.chars().take_while(|c| is_digit(*c)).count();
                    if digits > 0 {
                        let start = text[..b].chars().count();
                        out.push((start, start + stem.chars().count(), e));
                    }
                }
                continue;
            }
            // Sensitive words match in any case (`AV`, `av`); the lowered text keeps offsets
            // for the CJK and ASCII text these words are written in.
            let hay = if e.is_sensitive() && lower.len() == text.len() {
                lower.as_str()
            } else {
                text
            };
            for (b, _) in hay.match_indices(e.wrong.to_lowercase().as_str()) {
                if part_of_right(text, b, e) {
                    continue;
                }
                let start = text[..b].chars().count();
                out.push((start, start + e.wrong.chars().count(), e));
            }
        }
        out.sort_by_key(|(s, e, _)| (*s, *e));
        out
    }
}

/// Is the occurrence of `e.wrong` at byte `b` inside an occurrence of `e.right`?
fn part_of_right(text: &str, b: usize, e: &WordEntry) -> bool {
    e.right.match_indices(e.wrong.as_str()).any(|(k, _)| {
        b >= k
            && text
                .get(b - k..)
                .is_some_and(|rest| rest.starts_with(e.right.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_has_no_identity_entries() {
        let w = WordList::builtin();
        assert!(w.entries.len() >= 40);
        assert!(w.entries.iter().all(|e| e.wrong != e.right && e.builtin));
    }

    #[test]
    fn number_token_and_sensitive_words() {
        let w = WordList::builtin();
        let hits: Vec<_> = w
            .scan("截止6月底，截止日期，老虎机平台，百家乐行政复议")
            .iter()
            .map(|(s, e, x)| (*s, *e, x.wrong.clone(), x.is_sensitive()))
            .collect();
        assert!(hits.contains(&(0, 2, "截止{数}".into(), false)), "{hits:?}");
        assert!(
            !hits.iter().any(|h| h.0 == 6),
            "截止日期 is right: {hits:?}"
        );
        assert!(hits.iter().any(|h| h.2 == "老虎机" && h.3));
        assert!(hits.iter().any(|h| h.2 == "百家乐" && h.3));
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let e = parse_tsv("# c\n\nonly\na\tb\tnote\nx\tx\n", false);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].note, "note");
    }

    #[test]
    fn scan_finds_wrong_words_but_not_the_right_form() {
        let w = WordList {
            entries: parse_tsv("截止目前\t截至目前\t\n公开\t政务公开\t\n", false),
        };
        let hits = w.scan("截止目前已公开，截止日期为月底，政务公开专栏");
        let found: Vec<_> = hits
            .iter()
            .map(|(s, e, x)| (*s, *e, x.wrong.as_str()))
            .collect();
        // 公开 inside 政务公开 is the right form and stays unflagged.
        assert_eq!(found, vec![(0, 4, "截止目前"), (5, 7, "公开")]);
    }
}
