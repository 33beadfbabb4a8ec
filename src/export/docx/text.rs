//! Text made safe for XML: what the clerk pasted may hold control characters (from old
//! documents, terminals, PDFs) that XML 1.0 forbids; one of them would make a corrupt file.
//! And text cut into runs so that Chinese punctuation gets the Chinese font in Word and WPS.

use crate::text::is_wide;

/// Drops characters XML 1.0 does not allow (C0 controls, U+FFFE/U+FFFF) and the invisible
/// C1 controls; tabs and line breaks inside a paragraph become nothing, since paragraphs are
/// already split by the model.
pub fn sanitize(text: &str) -> String {
    text.chars().filter(|&c| allowed(c)).collect()
}

fn allowed(c: char) -> bool {
    !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Does Word need `w:rFonts w:hint="eastAsia"` to set `c` in the East Asian font?
///
/// Word picks one of a run's four fonts per character by its Unicode block (MS-OI29500
/// §2.1.88, Word's reading of ISO/IEC 29500-1 §17.3.2.26): ideographs, CJK symbols
/// (、。《》〇) and full-width forms (，（）：) always take `w:eastAsia`; but the quotation marks,
/// dashes and ellipsis of General Punctuation (“ ” ‘ ’ — …), the middle dot · of Latin-1 and
/// the symbols of U+2100–U+2BFF (№ ℃ ① ■) take `w:hAnsi` (Times New Roman) unless the run
/// carries the East Asian hint; Basic Latin (digits, letters) always takes `w:ascii`, hint or
/// not. WPS follows the same hint (without it WPS, like Word, shows “ ” —— …… in Times New
/// Roman, half-width). LibreOffice ignores the hint and decides by script: the quotation marks
/// follow the script before them (a paragraph-initial “ goes Latin) and · is always Latin, so
/// the exporter names the Chinese face for `w:ascii`/`w:hAnsi` of hinted runs too. The characters are exactly those the PDF typesetter sets full-width in the CJK
/// face ([`is_wide`]) below the CJK blocks.
pub fn needs_east_asian_hint(c: char) -> bool {
    is_wide(c) && (c as u32) < 0x2E80
}

/// `text` cut into runs for the DOCX: `(text, hinted)`. A hinted run holds only full-width
/// characters (ideographs and punctuation, at least one needing the hint); every other
/// character (digits, Latin letters, other narrow marks) stays in unhinted runs, so that no
/// hint can pull it into the Chinese font. Text without such punctuation stays one run.
pub fn east_asian_runs(text: &str) -> Vec<(String, bool)> {
    // Maximal stretches of full-width / narrow characters, then the full-width stretches that
    // need the hint are kept apart and the rest is joined again.
    let mut stretches: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let wide = is_wide(c);
        match stretches.last_mut() {
            Some((s, w)) if *w == wide => s.push(c),
            _ => stretches.push((c.to_string(), wide)),
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (s, wide) in stretches {
        let hinted = wide && s.chars().any(needs_east_asian_hint);
        match out.last_mut() {
            Some((t, false)) if !hinted => t.push_str(&s),
            _ => out.push((s, hinted)),
        }
    }
    out
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

    #[test]
    fn chinese_punctuation_gets_hinted_runs_and_latin_stays_apart() {
        let runs = |t: &str| east_asian_runs(t);
        // No punctuation needing the hint: one run, however mixed.
        assert_eq!(
            runs("全年公开482条，LED屏。"),
            [("全年公开482条，LED屏。".into(), false)]
        );
        assert_eq!(
            runs("按照“谁制作、谁公开”的原则，访问2.6万次——较上年……"),
            [
                ("按照“谁制作、谁公开”的原则，访问".into(), true),
                ("2.6".into(), false),
                ("万次——较上年……".into(), true),
            ]
        );
        // A narrow mark (×, °) never shares a hinted run.
        assert_eq!(
            runs("“甲”3×4"),
            [("“甲”".into(), true), ("3×4".into(), false)]
        );
        assert!(needs_east_asian_hint('·') && needs_east_asian_hint('…'));
        assert!(!needs_east_asian_hint('中') && !needs_east_asian_hint('，'));
        assert!(!needs_east_asian_hint('A') && !needs_east_asian_hint('×'));
    }
}
