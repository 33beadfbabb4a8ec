//! The list of wrong or easily confused words (错别字/易错词): ours is shipped in
//! `resources/wordlists/confusables.tsv` (compiled in, so checks work without a store); the
//! clerk's copy lives in the store (`Store::word_list`) and can be edited; the checks scan a
//! text with either.

use serde::{Deserialize, Serialize};

const BUILTIN_TSV: &str = include_str!("../../resources/wordlists/confusables.tsv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordEntry {
    /// Store id; absent for entries not read from the store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub wrong: String,
    pub right: String,
    #[serde(default)]
    pub note: String,
    /// Shipped with gongwen (as opposed to added by the clerk).
    #[serde(default)]
    pub builtin: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WordList {
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
            })
        })
        .collect()
}

impl WordList {
    /// The list shipped with gongwen.
    pub fn builtin() -> WordList {
        WordList {
            entries: parse_tsv(BUILTIN_TSV, true),
        }
    }

    /// Occurrences of wrong words in `text`: `(start, end, entry)` in char offsets.
    /// An occurrence that is part of the right form itself (the right word contains the wrong
    /// one) is not reported.
    pub fn scan(&self, text: &str) -> Vec<(usize, usize, &WordEntry)> {
        let mut out = Vec::new();
        for e in &self.entries {
            for (b, _) in text.match_indices(e.wrong.as_str()) {
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
