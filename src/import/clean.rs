//! Cleaning a pasted 范文: web junk (breadcrumbs, 来源/作者/更新时间 lines, `[bookmark: …]`
//! artefacts, "仅供参考/供借鉴" notes, lists of site names at the end) and whitespace
//! (full-width indents, runs of spaces; a blank where a number belongs becomes `____`).

use super::{ImportNote, NoteKind};
use crate::text::{is_cjk, is_cjk_punct, measure_word_at};

/// Newlines of every platform to `\n`; zero-width and control characters removed.
pub fn normalise_newlines(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0b}' | '\u{0c}' => Some('\n'),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

const NOTE_WORDS: &[&str] = &[
    "仅供参考",
    "仅供学习",
    "供学习参考",
    "供借鉴",
    "请勿照搬",
    "原创投稿",
    "转载请注明",
    "版权归",
    "免责声明",
    "本文来源",
    "文章来源",
    "侵权",
    "联系删除",
];
const META_PREFIXES: &[&str] = &[
    "来源",
    "作者",
    "更新时间",
    "发布时间",
    "发布日期",
    "发表时间",
    "更新日期",
    "时间",
    "浏览",
    "阅读",
    "点击",
    "编辑",
    "责任编辑",
    "字号",
    "字体",
    "打印",
    "关闭",
    "分享到",
    "收藏",
    "信息来源",
    "发布机构",
    "文章作者",
    "访问量",
    "浏览次数",
    "阅读量",
];
const BREADCRUMB_PREFIXES: &[&str] = &[
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "你现在的位置",
    "所在位置",
    "网站首页",
    "首页",
];
const TAIL_MARKERS: &[&str] = &[
    "相关推荐",
    "推荐阅读",
    "相关文章",
    "相关阅读",
    "热门文章",
    "热门推荐",
    "猜你喜欢",
    "延伸阅读",
    "更多相关",
    "精选范文",
    "相关范文",
    "热门范文",
];
const NAV_WORDS: &[&str] = &[
    "上一篇",
    "下一篇",
    "返回首页",
    "返回顶部",
    "返回列表",
    "扫码",
    "关注公众号",
    "点击下载",
    "下载本文",
    "立即下载",
    "全文阅读",
    "复制本文",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
];
const SITE_WORDS: &[&str] = &[
    "网", "文库", "范文", "大全", "站", "www", ".com", ".cn", "http", "写作", "文秘",
];

fn sentence_punct(line: &str) -> bool {
    line.contains(['。', '，', '；', '！', '？'])
}

/// Why a whole line is web junk, or `None` when it is text.
pub fn junk_reason(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 {
        return None;
    }
    if n <= 80 && NOTE_WORDS.iter().any(|w| t.contains(w)) {
        return Some("范文网站的说明");
    }
    let colon_after = |p: &str| {
        t.strip_prefix(p)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| {
                rest.starts_with(['：', ':']) || rest.starts_with("次数") || rest.starts_with("量")
            })
    };
    if n <= 100 && META_PREFIXES.iter().any(|p| colon_after(p)) {
        return Some("网页信息行（来源、作者、时间等）");
    }
    if n <= 100 && t.starts_with('【') && META_PREFIXES.iter().any(|p| t[3..].starts_with(p)) {
        return Some("网页信息行（来源、作者、时间等）");
    }
    let arrows = t.matches(['>', '＞', '»', '›', '→']).count();
    if n <= 80
        && !t.contains('。')
        && (arrows >= 2 || (arrows >= 1 && BREADCRUMB_PREFIXES.iter().any(|p| t.starts_with(p))))
    {
        return Some("网页导航（面包屑）");
    }
    if n <= 40 && BREADCRUMB_PREFIXES[..6].iter().any(|p| t.starts_with(p)) && !t.contains('。') {
        return Some("网页导航（面包屑）");
    }
    if n <= 60 && NAV_WORDS.iter().any(|w| t.contains(w)) {
        return Some("网页按钮或链接");
    }
    if !t.contains('。')
        && (t.contains("http://")
            || t.contains("https://")
            || t.contains("www.")
            || t.contains("ICP备")
            || t.contains("Copyright")
            || t.contains('©'))
    {
        return Some("网址或版权信息");
    }
    if !sentence_punct(t) && is_site_list(t) {
        return Some("网站名称列表");
    }
    None
}

/// A line that is a list of site names (`第一范文网 | 公文写作网 | …`) or one site name.
fn is_site_list(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['|', '｜', '·', '•', '/', '\t', '、'])
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split('\u{3000}'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let site = |p: &&str| SITE_WORDS.iter().any(|w| p.contains(w)) && p.chars().count() <= 16;
    let sites = parts.iter().filter(|p| site(p)).count();
    (parts.len() >= 2 && sites * 2 >= parts.len() && sites >= 2)
        || (parts.len() == 1
            && t.chars().count() <= 12
            && t.ends_with('网')
            && ["范文", "文库", "大全", "写作", "文秘"]
                .iter()
                .any(|w| t.contains(w)))
}

/// Is this line the start of the "related articles" area that ends a scraped page?
pub fn is_tail_marker(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 30 && TAIL_MARKERS.iter().any(|m| t.starts_with(m))
}

/// Removes `[bookmark: …]` and similar artefacts left by copy-and-paste from web pages or
/// converted documents.
pub fn strip_artefacts(line: &str, notes: &mut Vec<ImportNote>) -> String {
    let mut out = line.to_string();
    for open in [
        "[bookmark:",
        "[bookmark：",
        "[书签:",
        "[书签：",
        "[Bookmark:",
        "[BOOKMARK:",
        "【bookmark:",
    ] {
        while let Some(b) = out.find(open) {
            let close = out[b..]
                .char_indices()
                .find(|(_, c)| matches!(c, ']' | '】'))
                .map(|(k, c)| b + k + c.len_utf8())
                .unwrap_or(out.len());
            notes.push(ImportNote::new(
                NoteKind::RemovedText,
                "删除了复制时带入的书签标记",
                &out[b..close],
            ));
            out.replace_range(b..close, "");
        }
    }
    out
}

const NOTE_TOKENS: &[&str] = &[
    "（仅供参考）",
    "(仅供参考)",
    "【仅供参考】",
    "（供参考）",
    "(供参考)",
    "（供借鉴）",
    "(供借鉴)",
    "仅供参考",
    "仅供借鉴",
    "供参考",
    "供借鉴",
];

/// Removes a "供参考/供借鉴" note that stands at a boundary: at the start or end of the line,
/// after the title word 总结/报告, or after a sentence end. `提供参考` and the like stay.
pub fn strip_note_tokens(line: &str, notes: &mut Vec<ImportNote>) -> String {
    let mut out = line.to_string();
    'again: loop {
        for tok in NOTE_TOKENS {
            let mut from = 0;
            while let Some(k) = out[from..].find(tok).map(|k| k + from) {
                let before = out[..k].trim_end();
                let after = out[k + tok.len()..].trim_start();
                let boundary_before = before.is_empty()
                    || before.ends_with(['。', '！', '？', '；', '.', '!'])
                    || before.ends_with("总结")
                    || before.ends_with("报告")
                    || before.ends_with("范文");
                let boundary_after = after.is_empty()
                    || after.starts_with(['。', '，', '！', ' ', '：', ':', '!', '.', ','])
                    || after
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || is_cjk(c));
                if boundary_before && boundary_after {
                    notes.push(ImportNote::new(
                        NoteKind::RemovedText,
                        "删除了范文网站的提示语",
                        tok,
                    ));
                    let mut end = k + tok.len();
                    // A punctuation mark that only served the note goes with it.
                    if before.is_empty() || before.ends_with(['。', '！', '？']) {
                        let rest = &out[end..];
                        if let Some(c) = rest
                            .chars()
                            .next()
                            .filter(|c| matches!(c, '。' | '！' | '.' | '!' | '，' | ','))
                        {
                            end += c.len_utf8();
                        }
                    }
                    out.replace_range(k..end, "");
                    continue 'again;
                }
                from = k + tok.len();
            }
        }
        break;
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\u{a0}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{2009}'
    )
}

/// CJK characters and full-width punctuation: text in which spaces carry no meaning.
fn cjkish(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Trims the line (full-width indents too) and normalises the spaces inside it: removed next
/// to Chinese text, one space between Latin words, and `____` where a blank stands for a
/// number (`共  个`, `达 人次`).
pub fn normalise_spaces(line: &str, notes: &mut Vec<ImportNote>) -> String {
    let c: Vec<char> = line.chars().collect();
    let (mut s, mut e) = (0, c.len());
    while s < e && is_space(c[s]) {
        s += 1;
    }
    while e > s && is_space(c[e - 1]) {
        e -= 1;
    }
    let mut out = String::with_capacity(line.len());
    let mut i = s;
    while i < e {
        if !is_space(c[i]) {
            out.push(c[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < e && is_space(c[j]) {
            j += 1;
        }
        let prev = c[i - 1];
        let next = c[j];
        let gap = is_cjk(prev)
            && is_cjk(next)
            && (measure_word_at(&c, j).is_some() || "共计达第约有".contains(prev));
        if gap {
            notes.push(ImportNote::new(
                NoteKind::Gap,
                "把留给数字的空白改成了待填项“____”",
                &c[i.saturating_sub(4)..(j + 2).min(c.len())]
                    .iter()
                    .collect::<String>(),
            ));
            out.push_str("____");
        } else if !(cjkish(prev) || cjkish(next)) {
            out.push(' ');
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_lines() {
        for l in [
            "首页 > 范文大全 > 工作总结",
            "当前位置：首页>工作总结",
            "来源：某某范文网  作者：佚名  更新时间：2024-01-02",
            "发布时间: 2023-12-01 浏览次数：1024",
            "本文仅供参考，请勿照搬",
            "第一范文网 | 公文写作网 | 范文大全网",
            "上一篇：某某镇工作总结",
            "www.example.cn 版权所有",
        ] {
            assert!(junk_reason(l).is_some(), "{l}");
        }
        for l in [
            "一、工作开展情况",
            "全年通过政府网站发布信息482条。",
            "来源于群众的意见建议都得到了答复。",
            "双河镇人民政府",
            "2024年12月20日",
            "为领导决策提供参考。",
        ] {
            assert!(junk_reason(l).is_none(), "{l}");
        }
    }

    #[test]
    fn note_tokens_only_at_boundaries() {
        let mut n = Vec::new();
        assert_eq!(
            strip_note_tokens("某乡2024年工作总结供借鉴2024年，我乡", &mut n),
            "某乡2024年工作总结2024年，我乡"
        );
        assert_eq!(strip_note_tokens("工作水平。供参考", &mut n), "工作水平。");
        assert_eq!(
            strip_note_tokens("为决策提供参考。", &mut n),
            "为决策提供参考。"
        );
        assert_eq!(n.len(), 2);
    }

    #[test]
    fn spaces_and_gaps() {
        let mut n = Vec::new();
        assert_eq!(
            normalise_spaces("\u{3000}\u{3000}共  个村， 召开 3 次", &mut n),
            "共____个村，召开3次"
        );
        assert_eq!(
            normalise_spaces("use  LED  screens", &mut n),
            "use LED screens"
        );
        assert_eq!(n.len(), 1);
        assert_eq!(strip_artefacts("甲[bookmark: _Toc1]乙", &mut n), "甲乙");
    }
}
