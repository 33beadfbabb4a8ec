//! Markdown (an AI chat answer) → plain lines, with `pulldown-cmark` rather than by pattern:
//! headings, paragraphs, list items and quotes become lines; an ordered list item keeps its
//! number (`1.`) for the heading recogniser; bullets, `>` and `---` go. Bold markers that
//! CommonMark leaves as text next to CJK brackets (`**《…》**和`, `**（一）…。**镇`, whose
//! closing `**` is not right-flanking) are removed too.
//!
//! Everything removed is Markdown syntax, logged as one non-restorable entry. The headings'
//! depths (`#` = 1, `##` = 2 …) are kept in [`Log::markdown_headings`] for stage "blocks",
//! which gives a heading without a typed number (`## 主要做法`) its level from them.

use super::Log;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// The lines of a Markdown text; blocks are separated by a blank line.
pub fn to_lines(text: &str, log: &mut Log) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut heading_depth: Option<u8> = None;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.trim().is_empty() {
            for l in cur.split('\n') {
                out.push(strip_stray_bold(l));
            }
            out.push(String::new());
        }
        cur.clear();
    };
    for ev in Parser::new_ext(text, Options::empty()) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut cur, &mut out);
                heading_depth = Some(level as u8);
            }
            Event::End(TagEnd::Heading(_)) => {
                let line = strip_stray_bold(cur.trim());
                if let Some(depth) = heading_depth.take().filter(|_| !line.trim().is_empty()) {
                    log.markdown_headings.push((depth, line.trim().to_string()));
                }
                flush(&mut cur, &mut out)
            }
            Event::Start(Tag::Paragraph) => {
                // A loose list item's paragraph continues after its number.
                let only_number = !cur.is_empty()
                    && cur.ends_with('.')
                    && cur[..cur.len() - 1].chars().all(|c| c.is_ascii_digit());
                if !only_number {
                    flush(&mut cur, &mut out);
                }
            }
            Event::End(TagEnd::Paragraph) => flush(&mut cur, &mut out),
            Event::Start(Tag::List(start)) => {
                flush(&mut cur, &mut out);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut out);
                if let Some(Some(n)) = lists.last_mut() {
                    cur.push_str(&format!("{n}."));
                    *n += 1;
                }
            }
            Event::End(TagEnd::Item) => flush(&mut cur, &mut out),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                cur.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => cur.push('\n'),
            Event::Rule => flush(&mut cur, &mut out),
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    // What went is syntax: log it as the characters that are in the input and not the output.
    let joined = out.join("\n");
    // A list number CommonMark read from `1)` is written back as `1.`.
    let added = char_difference(&joined, text);
    if !added.is_empty() {
        log.inserted.push(added);
    }
    let removed = char_difference(text, &joined);
    if !removed.is_empty() {
        log.removed(&removed, "Markdown 标记（#、**、>、- 等）", false);
        log.note(
            super::NoteKind::Markdown,
            "按 Markdown 读入：去掉了 #、**、>、-、--- 等标记",
            "",
        );
    }
    out
}

/// Non-space characters of `a` not matched in `b` (as a multiset), in `a`'s order.
pub fn char_difference(a: &str, b: &str) -> String {
    let mut have: HashMap<char, usize> = HashMap::new();
    for c in b.chars().filter(|c| !c.is_whitespace()) {
        *have.entry(c).or_default() += 1;
    }
    a.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| match have.get_mut(c) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// `**` that CommonMark left as text: in pairs on one line, or one next to a CJK bracket or
/// sentence mark. A lone `**年` (a year placeholder) stays.
fn strip_stray_bold(line: &str) -> String {
    let n = line.matches("**").count();
    if n == 0 {
        return line.to_string();
    }
    if n.is_multiple_of(2) {
        return line.replace("**", "");
    }
    let mut out = line.to_string();
    for (b, _) in line
        .match_indices("**")
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        let next = line[b + 2..].chars().next();
        if next != Some('年') {
            out.replace_range(b..b + 2, "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(md: &str) -> Vec<String> {
        to_lines(md, &mut Log::default())
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn headings_lists_quotes_and_bold_next_to_cjk() {
        let md = "# 青山镇2024年工作总结\n\n对照**《手册（试行）》**和要点，把**“公开”**抓在平时。\n\n## 一、主要做法\n\n### **（一）夯实基础。**镇里明确了分管领导。\n\n1. **建立台账。**每条信息都有记录。\n2. 落实审核。\n\n- 专栏没有断档；\n\n> 计划于年底前完成。\n\n---\n\n青山镇人民政府\n";
        assert_eq!(
            lines(md),
            [
                "青山镇2024年工作总结",
                "对照《手册（试行）》和要点，把“公开”抓在平时。",
                "一、主要做法",
                "（一）夯实基础。镇里明确了分管领导。",
                "1.建立台账。每条信息都有记录。",
                "2.落实审核。",
                "专栏没有断档；",
                "计划于年底前完成。",
                "青山镇人民政府",
            ]
        );
    }

    #[test]
    fn heading_depths_are_kept_for_the_blocks_stage() {
        let mut log = Log::default();
        to_lines(
            "# 青山镇2024年工作总结\n\n导语。\n\n## 主要做法\n\n### **强化组织领导**\n\n正文。\n",
            &mut log,
        );
        assert_eq!(
            log.markdown_headings,
            [
                (1, "青山镇2024年工作总结".to_string()),
                (2, "主要做法".to_string()),
                (3, "强化组织领导".to_string()),
            ]
        );
    }

    #[test]
    fn syntax_is_logged_as_removed() {
        let mut log = Log::default();
        to_lines("# 标题\n\n**甲**乙\n", &mut log);
        assert_eq!(log.removed[0].text, "#****");
        assert!(!log.removed[0].restorable);
    }
}
