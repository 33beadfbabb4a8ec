//! Words of the text that the checks and the importer recognise alike.

/// Words that follow a count (measure words and the like).
const MEASURES: &[&str] = &[
    "个百分点",
    "平方米",
    "人次",
    "小时",
    "分钟",
    "公里",
    "个",
    "条",
    "次",
    "人",
    "件",
    "场",
    "本",
    "份",
    "家",
    "期",
    "篇",
    "项",
    "名",
    "位",
    "户",
    "元",
    "万",
    "亿",
    "千",
    "百",
    "天",
    "余",
    "多",
    "批",
    "所",
    "处",
    "台",
    "套",
    "块",
    "亩",
    "类",
    "组",
    "栏",
    "届",
    "轮",
    "起",
    "例",
    "册",
    "张",
    "幅",
    "页",
    "字",
    "%",
    "％",
    "倍",
    "周",
    "座",
    "辆",
    "间",
    "支",
    "封",
];

/// The length in chars of the measure word (`个` `条` `人次` `个百分点` …) that starts at
/// `chars[at]`, or `None`. A count stands before a measure word, so a blank or a mark there
/// (`共  个`, `X条`) is a number left to fill in.
pub fn measure_word_at(chars: &[char], at: usize) -> Option<usize> {
    word_at(chars, at, MEASURES)
}

/// The length in chars of the first of `words` that starts at `chars[at]`, or `None` (also
/// when `at` is past the end). List longer words before their prefixes.
pub fn word_at(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| {
        let n = w.chars().count();
        let ok = at + n <= chars.len() && w.chars().zip(&chars[at..at + n]).all(|(a, b)| a == *b);
        ok.then_some(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_listed_first() {
        let c: Vec<char> = "个百分点".chars().collect();
        assert_eq!(measure_word_at(&c, 0), Some(4));
        assert_eq!(measure_word_at(&c, 2), None);
        assert_eq!(measure_word_at(&c, 9), None);
    }
}
