//! Stage 3 of the import, "recognise the input's kind": Markdown (an AI chat answer), a web
//! page (a government site or a 范文 site, with its chrome), or plain text. The kind decides
//! whether Markdown syntax is parsed (`**年` in a plain 范文 is a year placeholder, not bold).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the pasted text is, as recognised by the import; decides whether Markdown syntax is
/// parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Markdown, typically an AI chat's answer (`# ` headings, `**bold**`, `- ` bullets).
    Markdown,
    /// Text copied from a web page, with the site's navigation and notices around it.
    WebPage,
    /// Plain text (a 范文, a document's text).
    Plain,
}

impl InputKind {
    /// The Chinese description shown to the clerk, e.g. `纯文本`.
    pub fn label(self) -> &'static str {
        match self {
            InputKind::Markdown => "Markdown（AI 对话的回答）",
            InputKind::WebPage => "网页（带网站的栏目、信息等）",
            InputKind::Plain => "纯文本",
        }
    }
}

/// Lines that only Markdown writes: `# ` headings, `**x**` pairs, `- ` bullets, `> ` quotes,
/// `---` rules, code fences.
fn markdown_features(text: &str) -> (usize, usize) {
    let mut headings = 0;
    let mut other = 0;
    for l in text.lines() {
        let t = l.trim_start();
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            headings += 1;
        } else if t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("> ")
            || t.trim_end() == "---"
            || t.trim_end() == "***"
            || t.starts_with("```")
        {
            other += 1;
        }
        if t.matches("**").count() >= 2 {
            other += 1;
        }
    }
    (headings, other)
}

/// The kind of `text` (already normalised). `chrome_lines` is how many lines the chrome
/// classifier would remove.
pub fn detect(text: &str, chrome_lines: usize) -> InputKind {
    let (headings, other) = markdown_features(text);
    if (headings >= 1 && headings + other >= 3) || other >= 4 {
        InputKind::Markdown
    } else if chrome_lines >= 2 {
        InputKind::WebPage
    } else {
        InputKind::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let md = "# 标题\n\n## 一、做法\n\n1. **建立台账。**每条\n- 甲\n";
        assert_eq!(detect(md, 0), InputKind::Markdown);
        let star = "**年以来，白河乡……\n一、强化\n力争**年底前完成。\n";
        assert_eq!(detect(star, 0), InputKind::Plain);
        assert_eq!(detect("正文", 3), InputKind::WebPage);
        // A `#` in a plain line is not Markdown.
        assert_eq!(detect("第#3号文件\n一、工作", 0), InputKind::Plain);
    }
}
