//! Stage 4 of the import, "remove chrome and junk by line classification": each line of a
//! pasted page is classified, and web chrome (breadcrumbs, the 索引号/信息分类/发布机构
//! metadata block even when its labels lost their first characters, reading counts, font-size
//! and print buttons, reviewer lines) and 范文-site junk ("下面是小编为大家整理的…", `篇一`,
//! repost notices, author tags, company names, lists of county names, teasers ending in `...`)
//! is removed with its reason, left as a blank line so that nothing joins across it. Title
//! junk (`【工作总结】` in front, `（六篇）` or `篇12` behind) is cut off the title line.
//! Also here: whitespace helpers used by the line stage (a blank where a number belongs
//! becomes `____`).

use super::{Log, NoteKind};
use crate::text::{is_cjk, is_cjk_punct, measure_word_at};

/// The whole stage: returns the lines with junk lines blanked.
pub fn run(lines: Vec<String>, log: &mut Log) -> Vec<String> {
    let total = lines.len();
    let framing = assistant_framing(&lines);
    let mut tail = false;
    let mut out = Vec::with_capacity(lines.len());
    let mut removed = 0;
    for (i, raw) in lines.into_iter().enumerate() {
        let line = strip_artefacts(&raw, log);
        if tail {
            log.removed(&line, "网页末尾的推荐区", true);
            out.push(String::new());
            continue;
        }
        if is_tail_marker(&line) && i * 2 >= total {
            log.removed(&line, "网页末尾的推荐区", true);
            tail = true;
            out.push(String::new());
            continue;
        }
        let why = if framing.contains(&i) {
            Some("AI 对话的开场白或结束语（不是总结的内容）")
        } else {
            junk_reason(&line)
        };
        if let Some(why) = why {
            log.removed(&line, why, true);
            removed += 1;
            out.push(String::new());
            continue;
        }
        let line = strip_title_junk(&line, log);
        out.push(strip_note_tokens(&line, log));
    }
    if removed > 0 {
        log.note(
            NoteKind::RemovedLine,
            format!("删除了{removed}行网页栏目、信息和范文网站的说明（可在“已删除”中恢复）"),
            "",
        );
    }
    out
}

/// How many non-empty lines at the start and at the end of a paste are looked at for a chat
/// assistant's framing (its opener sits before the title, its offer after the date).
const FRAMING_LINES: usize = 2;

/// Indices of the lines a chat assistant wrote around its answer: among the first and last
/// [`FRAMING_LINES`] non-empty lines, a short line that speaks to the reader (`您`, which an
/// official text addressed upward does not use) or opens like an answer (`当然可以`, `好的，`,
/// `以下是`). Such lines say "here is your summary" / "tell me if you want changes"; they are
/// never part of the document.
fn assistant_framing(lines: &[String]) -> Vec<usize> {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let head = filled.iter().take(FRAMING_LINES);
    let tail = filled.iter().rev().take(FRAMING_LINES);
    let mut out: Vec<usize> = head
        .chain(tail)
        .copied()
        .filter(|&i| is_assistant_framing(&lines[i]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A line in the voice of a chat assistant talking to the user (see [`assistant_framing`]).
fn is_assistant_framing(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 150 {
        return false;
    }
    const OPENERS: &[&str] = &["当然可以", "当然！", "好的，", "好的！", "以下是", "下面是"];
    const OFFERS: &[&str] = &[
        "希望",
        "如需",
        "如果需要",
        "如有需要",
        "请告诉我",
        "可以根据",
    ];
    let to_reader = t.contains('您') || t.contains("请告诉我");
    OPENERS.iter().any(|w| t.starts_with(w))
        || (to_reader && (OFFERS.iter().any(|w| t.contains(w)) || t.contains("为您")))
}

/// Words in a title-line fragment that mark it as a 范文 site's own heading.
const TITLE_JUNK_WORDS: &[&str] = &["范文", "范例", "参考", "精选", "大全", "汇编", "篇"];
/// Words a title ends with.
pub const TITLE_END_WORDS: &[&str] = &[
    "总结", "报告", "汇报", "要点", "计划", "打算", "思路", "方案", "情况", "安排",
];

fn ends_with_title_word(t: &str) -> bool {
    TITLE_END_WORDS.iter().any(|w| t.ends_with(w))
}

/// A count of articles: `（六篇）`, `(3篇)`, `篇一`, `篇12`, `5篇`.
fn is_piece_count(s: &str) -> bool {
    let inner = s
        .trim_start_matches(['（', '(', '【', '['])
        .trim_end_matches(['）', ')', '】', ']']);
    let num = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || "零一二三四五六七八九十百两".contains(c))
    };
    inner.strip_suffix('篇').is_some_and(num)
        || inner.strip_prefix('篇').is_some_and(num)
        || inner
            .strip_prefix("第")
            .and_then(|t| t.strip_suffix('篇'))
            .is_some_and(num)
}

/// Cuts 范文-site decoration off a line that is a title: `【工作总结】` in front, `（六篇）`,
/// `篇12` behind. Other lines are returned unchanged.
pub fn strip_title_junk(line: &str, log: &mut Log) -> String {
    let t = line.trim();
    if t.chars().count() > 60 || t.contains(['。', '，', '；']) {
        return line.to_string();
    }
    let mut cur = t.to_string();
    // `【工作总结】` in front of a title.
    if cur.starts_with('【') {
        if let Some(k) = cur.find('】') {
            let rest = cur[k + '】'.len_utf8()..].trim();
            if cur[..k].chars().count() <= 8
                && rest.chars().count() >= 6
                && ends_with_title_word(rest)
            {
                log.removed(&cur[..k + '】'.len_utf8()], "标题前的网站栏目名", true);
                cur = rest.to_string();
            }
        }
    }
    // `（六篇）`, `篇12`, `5篇` behind.
    for cut in ['（', '(', '篇'] {
        if let Some(k) = cur.rfind(cut) {
            let (head, tail) = cur.split_at(k);
            if is_piece_count(tail) && ends_with_title_word(head.trim()) {
                log.removed(tail, "范文网站的篇目编号", true);
                cur = head.trim().to_string();
            }
        }
    }
    if cur == t {
        line.to_string()
    } else {
        cur
    }
}

/// A 范文 site's own heading glued in front of the real title (`年度总结范文精选3篇（2023
/// 年）梅岭镇2023年…总结`): the prefix up to a closing bracket or `篇`, when it names the
/// site's collection and a whole title follows. Returns the cut in chars.
pub fn junk_title_prefix(title: &[char]) -> Option<usize> {
    let mut best = None;
    for (k, ch) in title.iter().enumerate() {
        if matches!(ch, '）' | ')' | '】' | ']' | '篇') {
            let prefix: String = title[..=k].iter().collect();
            let rest: String = title[k + 1..].iter().collect();
            if TITLE_JUNK_WORDS.iter().any(|w| prefix.contains(w))
                && rest.chars().count() >= 8
                && ends_with_title_word(&rest)
            {
                best = Some(k + 1);
            }
        }
    }
    best
}

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
    "小编",
    "本站",
    "欢迎阅读",
    "希望对你有所帮助",
    "希望对您有所帮助",
    "如需转载",
    "本文链接",
    "如若转载",
    "下载全文",
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
    "浏览量",
    "点击数",
    "日期",
    "投稿",
];

/// Labels of a government site's 信息公开 metadata block (索引号, 信息分类 …).
const META_LABELS: &[&str] = &[
    "索引号",
    "信息分类",
    "内容分类",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "发布机构",
    "发文机关",
    "发布时间",
    "发布日期",
    "成文日期",
    "生效日期",
    "生效时间",
    "废止日期",
    "废止时间",
    "失效时间",
    "文号",
    "发文字号",
    "有效性",
    "主题词",
    "关键词",
    "标题",
    "名称",
    "公开方式",
    "公开范围",
    "公开时限",
    "所属主题",
    "审核人",
    "发布人",
    "信息来源",
];

/// Positions of `label:` in `t` where label is one of META_LABELS, or (when `suffix`) the end
/// of one that lost its first characters in the copy (`号:` for 索引号, `性:` for 有效性).
fn meta_labels(t: &str, suffix: bool) -> usize {
    let c: Vec<char> = t.chars().collect();
    let mut n = 0;
    for (i, ch) in c.iter().enumerate() {
        if !matches!(ch, ':' | '：') {
            continue;
        }
        let before: String = c[i.saturating_sub(5)..i].iter().collect();
        let before = before.trim_end();
        let full = META_LABELS.iter().any(|l| before.ends_with(l));
        let part = suffix && {
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| is_cjk(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            !word.is_empty()
                && META_LABELS
                    .iter()
                    .any(|l| l.ends_with(word.as_str()) && *l != word.as_str())
        };
        if full || part {
            n += 1;
        }
    }
    n
}
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
    if n <= 120 && !t.starts_with(['一', '（']) && NOTE_WORDS.iter().any(|w| t.contains(w)) {
        return Some("范文网站的说明");
    }
    if n <= 160 && !t.contains('。') && meta_labels(t, false) >= 2 {
        return Some("网页上的信息公开属性（索引号、发布机构等）");
    }
    let starts_with_label = |suffix: bool| {
        let head: String = t.chars().take(6).collect();
        head.contains([':', '：']) && meta_labels(&head, suffix) >= 1
    };
    if n <= 100
        && !t.contains('。')
        && (starts_with_label(false) || (starts_with_label(true) && n <= 80))
    {
        return Some("网页上的信息公开属性（索引号、发布机构等）");
    }
    let reviewers = ["初审", "复审", "终审", "审核", "签发", "校对"]
        .iter()
        .filter(|w| t.contains(&format!("{w}:")) || t.contains(&format!("{w}：")))
        .count();
    if reviewers >= 2 && n <= 80 {
        return Some("网页上的审核人信息");
    }
    if is_button_line(t) {
        return Some("网页按钮（字号、打印、关闭）");
    }
    if n <= 12 && is_piece_count(t) {
        return Some("范文网站的篇目编号");
    }
    if t.starts_with(['|', '｜']) && n <= 30 {
        return Some("作者标签或网站栏目");
    }
    if n <= 30
        && !sentence_punct(t)
        && ["有限公司", "有限责任公司", "股份公司", "工作室", "科技公司"]
            .iter()
            .any(|w| t.ends_with(w))
    {
        return Some("标题上方的公司名称（网站的所有者）");
    }
    if t.ends_with("...") && !t.contains('。') {
        return Some("网页摘要（正文开头的重复）");
    }
    if is_name_list(t) {
        return Some("地名或栏目列表");
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
    if n <= 60 && !t.contains(['。', '，']) && NAV_WORDS.iter().any(|w| t.contains(w)) {
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

/// Only bracketed buttons (`【大】【中】【小】 【打印】`) and their words.
fn is_button_line(t: &str) -> bool {
    if !t.contains(['【', '[']) {
        return false;
    }
    let mut rest = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '【' | '[' => depth += 1,
            '】' | ']' => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_whitespace() => {}
            c => rest.push(c),
        }
    }
    rest.chars().count() <= 4
}

/// `20873 梅川县| 杏林市| 柳江县| …`: five or more short names separated by `|`.
fn is_name_list(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 5 && parts.iter().all(|p| p.chars().count() <= 12) && !t.contains('。')
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
pub fn strip_artefacts(line: &str, log: &mut Log) -> String {
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
            log.removed(&out[b..close], "复制时带入的书签标记", false);
            log.note(
                NoteKind::RemovedText,
                "删除了复制时带入的书签标记",
                &out[b..close],
            );
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
pub fn strip_note_tokens(line: &str, log: &mut Log) -> String {
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
                    log.note(NoteKind::RemovedText, "删除了范文网站的提示语", tok);
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
                    log.removed(&out[k..end], "范文网站的提示语", true);
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

/// Organ names end with these.
const ORGAN_ENDS: &[&str] = &[
    "委员会",
    "人民政府",
    "政府",
    "办公室",
    "办事处",
    "局",
    "委",
    "办",
    "院",
    "中心",
    "公司",
];

/// A space that separates two organs (`中共某镇委员会 某镇人民政府`) or two phrases of a
/// subtitle (`——以公开促规范 以服务赢民心`) stays, as one U+3000.
fn keeps_ideographic_space(before: &[char], after: &[char]) -> bool {
    let b: String = before.iter().collect();
    let a: String = after.iter().collect();
    let (Some(pb), Some(na)) = (before.last(), after.first()) else {
        return false;
    };
    if !(is_cjk(*pb) && is_cjk(*na)) || b.contains(['，', '。']) || a.contains(['，', '。']) {
        return false;
    }
    let organ_name = |t: &str| t.chars().count() <= 20 && ORGAN_ENDS.iter().any(|w| t.ends_with(w));
    let organ = organ_name(&b) && organ_name(&a);
    let subtitle = b.starts_with("——") && b.chars().count() <= 20 && a.chars().count() <= 20;
    organ || subtitle
}

fn digit_group(c: char) -> bool {
    c.is_ascii_digit()
}

/// `2 024`, `1 26`: digit groups a PDF copy split with a space, inside Chinese text (a
/// Chinese character or mark on both sides of the whole number).
fn joins_digits(c: &[char], i: usize, j: usize) -> bool {
    let mut a = i;
    while a > 0 && c[a - 1].is_ascii_digit() {
        a -= 1;
    }
    let mut b = j;
    while b < c.len() && c[b].is_ascii_digit() {
        b += 1;
    }
    let before = c[..a].iter().rev().find(|ch| !is_space(**ch)).copied();
    let after = c[b..].iter().find(|ch| !is_space(**ch)).copied();
    before.is_some_and(cjkish) && after.is_some_and(cjkish) && (i - a) + (b - j) <= 5
}

/// Trims the line (full-width indents too) and normalises the spaces inside it: removed next
/// to Chinese text, one space between Latin words, and `____` where a blank stands for a
/// number (`共  个`, `达 人次`).
pub fn normalise_spaces(line: &str, log: &mut Log) -> String {
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
        // A blank before a measure word (`共 个村`) stands for a number. After 共/计/达/第/约/有
        // it does only when it is wide (two spaces or an ideographic one): a single space there
        // is where a PDF copy broke a line inside a word (`现将有 关情况`).
        let wide = j - i >= 2 || c[i..j].contains(&'\u{3000}');
        let gap = is_cjk(prev)
            && is_cjk(next)
            && (measure_word_at(&c, j).is_some() || (wide && "共计达第约有".contains(prev)));
        if gap {
            log.note(
                NoteKind::Gap,
                "把留给数字的空白改成了待填项“____”",
                &c[i.saturating_sub(4)..(j + 2).min(c.len())]
                    .iter()
                    .collect::<String>(),
            );
            log.inserted.push("____".into());
            out.push_str("____");
        } else if keeps_ideographic_space(&c[s..i], &c[j..e]) {
            out.push('\u{3000}');
        } else if digit_group(prev) && digit_group(next) && joins_digits(&c, i, j) {
            // `2 024` → `2024`
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
            "全年在门户网站发布信息315条。",
            "来源于群众的意见建议都得到了答复。",
            "双河镇人民政府",
            "2024年12月20日",
            "为领导决策提供参考。",
        ] {
            assert!(junk_reason(l).is_none(), "{l}");
        }
    }

    #[test]
    fn chat_assistant_framing_only_at_the_ends() {
        let doc = |first: &str, last: &str| -> Vec<String> {
            [
                first,
                "",
                "某镇2025年工作总结",
                "一、主要做法",
                "正文。",
                "某镇人民政府",
                last,
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        };
        let lines = doc(
            "好的，以下是为您起草的工作总结：",
            "如需调整篇幅，请告诉我。",
        );
        assert_eq!(assistant_framing(&lines), vec![0, 6]);
        // The same words inside the document are text: a summary may quote a 您 in a letter.
        let mut inside = doc("某镇2025年工作总结", "2025年12月1日");
        inside.insert(4, "群众来信称“希望您们尽快答复”，我们已按期办结。".into());
        assert!(assistant_framing(&inside).is_empty());
        // A document that begins with 以下 as text (no assistant voice) stays.
        assert!(!is_assistant_framing("以下各项工作均已完成。全年共办理事项300件，办结率100%。这是一个超过一百五十个字符的句子".repeat(3).as_str()));
        assert!(!is_assistant_framing("现将全年工作报告如下："));
        assert!(!is_assistant_framing("某镇人民政府"));
    }

    #[test]
    fn government_site_chrome() {
        for l in [
            " 号: 000734521/202511-00042  信息分类: 计划总结",
            "号: 暂无   性: 有效",
            " 词: 工作总结;信息公开  止时间: 长期",
            "称: 梅岭镇2023年度信息公开工作总结",
            "人: 初审:孙某   复审:周某   终审: 吴某",
            "【大】【中】【小】 【关闭】",
            "索引号:007654321/202511-00019信息分类:计划总结发布机构:梅岭镇人民政府",
            "有效性: 有效",
            "篇一",
            "篇12",
            "| lzh3",
            "青禾远航信息科技有限公司",
            "31406 松阳县| 竹林市| 桐江县| 石门县| 北岸县|",
            "政务公开工作总结过去一年，青松乡始终把公开透明当作一项基础工作...",
            "以下是小编整理的几篇政务公开总结，供大家阅读参考。",
        ] {
            assert!(junk_reason(l).is_some(), "{l}");
        }
        for l in [
            "（二）开通办件进度查询。群众在便民窗口即可查到医保、救助等事项的办理情况。",
            "县政务公开办：",
            "附件：1.统计表",
            "存在问题：",
            "一是把解读材料写得更通俗；二是多办业务培训。",
            "（联系人：陈某，联系电话：0000-XXXXXXX）",
        ] {
            assert!(junk_reason(l).is_none(), "{l}");
        }
    }

    #[test]
    fn title_junk_is_cut_off_the_title_only() {
        let mut log = Log::default();
        assert_eq!(
            strip_title_junk("【工作总结】竹溪镇2025年政务公开工作总结", &mut log),
            "竹溪镇2025年政务公开工作总结"
        );
        assert_eq!(
            strip_title_junk("信息公开工作总结（八篇）", &mut log),
            "信息公开工作总结"
        );
        assert_eq!(
            strip_title_junk("信息公开工作总结篇7", &mut log),
            "信息公开工作总结"
        );
        assert_eq!(log.removed.len(), 3);
        for keep in ["【重要】请于月底前报送。", "一、主要做法", "第三篇章"] {
            assert_eq!(strip_title_junk(keep, &mut log), keep);
        }
        let t: Vec<char> = "信息公开总结参考范例7篇（2025年度）竹溪镇2025年政务公开工作总结"
            .chars()
            .collect();
        assert_eq!(junk_title_prefix(&t), Some(20));
    }

    #[test]
    fn note_tokens_only_at_boundaries() {
        let mut n = Log::default();
        assert_eq!(
            strip_note_tokens("某乡2023年度总结供借鉴2023年，我乡", &mut n),
            "某乡2023年度总结2023年，我乡"
        );
        assert_eq!(strip_note_tokens("服务质量。供参考", &mut n), "服务质量。");
        assert_eq!(
            strip_note_tokens("为决策提供参考。", &mut n),
            "为决策提供参考。"
        );
        assert_eq!(n.notes.len(), 2);
    }

    #[test]
    fn a_single_space_after_you_is_a_line_break_not_a_blank() {
        let mut log = Log::default();
        assert_eq!(
            normalise_spaces("现将有 关事项通报如下", &mut log),
            "现将有关事项通报如下"
        );
        assert_eq!(
            normalise_spaces("全年共  个村参加", &mut log),
            "全年共____个村参加"
        );
        // Wide after 有: still a blank for a number.
        assert_eq!(
            normalise_spaces("全镇有  家企业", &mut log),
            "全镇有____家企业"
        );
    }

    #[test]
    fn spaces_and_gaps() {
        let mut n = Log::default();
        assert_eq!(
            normalise_spaces("\u{3000}\u{3000}共  个村， 召开 3 次", &mut n),
            "共____个村，召开3次"
        );
        assert_eq!(
            normalise_spaces("use  LED  screens", &mut n),
            "use LED screens"
        );
        assert_eq!(n.notes.len(), 1);
        assert_eq!(strip_artefacts("甲[bookmark: _Toc1]乙", &mut n), "甲乙");
        assert_eq!(
            normalise_spaces("截至 2 025 年 10 月底，共 3 48 条", &mut n),
            "截至2025年10月底，共348条"
        );
        assert_eq!(
            normalise_spaces("中共青溪镇委员会 青溪镇人民政府", &mut n),
            "中共青溪镇委员会\u{3000}青溪镇人民政府"
        );
        assert_eq!(
            normalise_spaces("——以公开促规范 以服务赢民心", &mut n),
            "——以公开促规范\u{3000}以服务赢民心"
        );
        assert_eq!(
            normalise_spaces("安排三名 联络员，AB 岗", &mut n),
            "安排三名联络员，AB岗"
        );
        assert_eq!(normalise_spaces("2024 2025", &mut n), "2024 2025");
    }
}
