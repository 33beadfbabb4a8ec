//! Traditional → simplified characters (OpenCC's `t2s` data through `ferrous-opencc`), and
//! removal of the pinyin that scraped pages put after characters (`總結(jié)`).

use crate::text::is_cjk;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;

fn t2s() -> Option<&'static OpenCC> {
    static CC: OnceLock<Option<OpenCC>> = OnceLock::new();
    CC.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// A pinyin syllable as scraped pages write it: lowercase letters with a tone mark, or with a
/// tone digit at the end (`jie2`).
pub fn is_pinyin(s: &str) -> bool {
    let n = s.chars().count();
    if !(1..=7).contains(&n) {
        return false;
    }
    let toned = s.chars().any(|c| TONED.contains(c));
    let letters_ok = s.chars().all(|c| {
        c.is_ascii_lowercase() || c == 'ü' || TONED.contains(c) || ('1'..='5').contains(&c)
    });
    let digit_tone = s.chars().last().is_some_and(|c| ('1'..='5').contains(&c))
        && s.chars().filter(|c| c.is_ascii_digit()).count() == 1
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    letters_ok && (toned || digit_tone)
}

/// Removes `(jié)` / `（jié）` after a Chinese character. Returns the text and how many
/// annotations were removed.
pub fn strip_pinyin(text: &str) -> (String, usize) {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut i = 0;
    while i < c.len() {
        if matches!(c[i], '(' | '（') && i > 0 && is_cjk(c[i - 1]) {
            let close = (i + 1..(i + 10).min(c.len())).find(|&j| matches!(c[j], ')' | '）'));
            if let Some(j) = close {
                let inner: String = c[i + 1..j].iter().collect();
                if is_pinyin(inner.trim()) {
                    removed += 1;
                    i = j + 1;
                    continue;
                }
            }
        }
        out.push(c[i]);
        i += 1;
    }
    (out, removed)
}

/// The line in simplified characters, when it is written in traditional ones; `None` when it
/// is already simplified (or the conversion data is unavailable). A line counts as
/// traditional when conversion changes at least two characters, or one in a short line: a
/// single changed character in a long simplified line is more likely a variant the clerk
/// chose than a traditional text.
pub fn to_simplified(line: &str) -> Option<String> {
    if line.is_ascii() {
        return None;
    }
    let cc = t2s()?;
    let converted = cc.convert(line);
    if converted == line {
        return None;
    }
    let a: Vec<char> = line.chars().collect();
    let b: Vec<char> = converted.chars().collect();
    let changed = if a.len() == b.len() {
        a.iter().zip(&b).filter(|(x, y)| x != y).count()
    } else {
        a.len().max(b.len())
    };
    (changed >= 2 || (changed == 1 && a.len() <= 12)).then_some(converted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_annotations_are_removed_but_not_other_brackets() {
        assert_eq!(strip_pinyin("工作總結(jié)如下").0, "工作總結如下");
        assert_eq!(strip_pinyin("總(zǒng)結（jie2）").0, "總結");
        let keep = "电子版(pdf)、（一）、县(市)区、(以下简称)";
        assert_eq!(strip_pinyin(keep), (keep.to_string(), 0));
    }

    #[test]
    fn traditional_becomes_simplified_and_simplified_stays() {
        assert_eq!(
            to_simplified("政務公開工作總結").as_deref(),
            Some("政务公开工作总结")
        );
        assert_eq!(to_simplified("政务公开工作总结"), None);
        assert_eq!(to_simplified("ABC"), None);
    }
}
