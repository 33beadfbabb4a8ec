//! Text made safe for XML: what the clerk pasted may hold control characters (from old
//! documents, terminals, PDFs) that XML 1.0 forbids; one of them would make a corrupt file.

/// Drops characters XML 1.0 does not allow (C0 controls, U+FFFE/U+FFFF) and the invisible
/// C1 controls; tabs and line breaks inside a paragraph become nothing, since paragraphs are
/// already split by the model.
pub fn sanitize(text: &str) -> String {
    text.chars().filter(|&c| allowed(c)).collect()
}

fn allowed(c: char) -> bool {
    !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Escapes for element text and attribute values (we always quote attributes with `"`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_chinese_stays() {
        assert_eq!(
            sanitize("甲\u{0}乙\u{1b}[0m\t丙\r\n\u{85}丁\u{FFFF}"),
            "甲乙[0m丙丁"
        );
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
