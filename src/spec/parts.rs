//! The parts GB/T 9704-2012 places around the title and after the date that a work summary may
//! or may not have: the subtitle (副标题, common practice), the addressee (主送机关, §7.3.2), a
//! joint signature of several organs (联合行文, §7.3.5) and the note (附注, §7.3.6). The numbers
//! are [`Parts`] in [`Spec::parts`]; the functions here turn a report's text into what both
//! exporters print and where (indents in pt from the left edge of the 156 mm text block,
//! right ends in pt from its right edge). The typesetter places the PDF's lines there; the DOCX
//! exporter writes the same as paragraph indents in twips.

use super::closing::SignaturePlace;
use super::Spec;
use serde::Serialize;

/// The rules of the optional parts. Counts are body grid lines or body characters (cells).
#[derive(Debug, Clone, Serialize)]
pub struct Parts {
    /// Blank body lines between the title's last line and the subtitle: 0. The subtitle belongs
    /// to the title block (it is kept with the title); the block as a whole is followed by
    /// [`Spec::blank_lines_after_title`] (one) blank line.
    pub blank_lines_before_subtitle: u32,
    /// Indent of the addressee's first line, in characters: 0 (顶格, GB/T 9704-2012 §7.3.2).
    pub addressee_indent_chars: u32,
    /// Indent of the addressee's wrapped lines, in characters: 0 (回行时仍顶格, §7.3.2).
    pub addressee_wrap_indent_chars: u32,
    /// The mark after the last organ of the addressee: the full-width colon `：` (§7.3.2).
    pub addressee_colon: char,
    /// Blank body lines between the addressee and the text: 0 (the text starts on the next
    /// line).
    pub blank_lines_after_addressee: u32,
    /// Indent of the note's first line, in characters: 2 (居左空二字, §7.3.6).
    pub note_indent_chars: u32,
    /// Indent of the note's wrapped lines, in characters: 0. The standard is silent; the note
    /// wraps like a body paragraph.
    pub note_wrap_indent_chars: u32,
    /// Blank body lines between the date and the note: 0 (成文日期下一行, §7.3.6).
    pub blank_lines_before_note: u32,
    /// The brackets round the note: full-width `（` and `）` (加圆括号, §7.3.6).
    pub note_brackets: (char, char),
}

impl Parts {
    /// The rules as `docs/format.md` §4, §8 and §8a read GB/T 9704-2012.
    pub fn official() -> Parts {
        Parts {
            blank_lines_before_subtitle: 0,
            addressee_indent_chars: 0,
            addressee_wrap_indent_chars: 0,
            addressee_colon: '：',
            blank_lines_after_addressee: 0,
            note_indent_chars: 2,
            note_wrap_indent_chars: 0,
            blank_lines_before_note: 0,
            note_brackets: ('（', '）'),
        }
    }
}

/// Where a paragraph's lines start, in pt from the left edge of the text block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Indents {
    /// Start of the first line.
    pub first: f32,
    /// Start of every wrapped line.
    pub rest: f32,
}

/// A signature of one or more organs and its date (GB/T 9704-2012 §7.3.5): distances in pt from
/// the right edge of the text block to the right end of each organ's line and of the date.
#[derive(Debug, Clone, PartialEq)]
pub struct JointSignaturePlace {
    /// One distance per organ, in the order given.
    pub organ_right: Vec<f32>,
    /// Distance to the right end of the date.
    pub date_right: f32,
}

impl Spec {
    fn chars_pt(&self, n: u32) -> f32 {
        n as f32 * self.grid.char_pitch
    }

    /// The addressee's indents: flush left, wrapped lines too (GB/T 9704-2012 §7.3.2).
    pub fn addressee_indents(&self) -> Indents {
        Indents {
            first: self.chars_pt(self.parts.addressee_indent_chars),
            rest: self.chars_pt(self.parts.addressee_wrap_indent_chars),
        }
    }

    /// The note's indents: two characters in, wrapped lines at the left edge (§7.3.6).
    pub fn note_indents(&self) -> Indents {
        Indents {
            first: self.chars_pt(self.parts.note_indent_chars),
            rest: self.chars_pt(self.parts.note_wrap_indent_chars),
        }
    }

    /// The addressee as printed: trimmed, ending with exactly one full-width colon (§7.3.2),
    /// whether or not the clerk typed one (full- or half-width); `None` when it is empty.
    pub fn addressee_text(&self, addressee: &str) -> Option<String> {
        let name = addressee.trim().trim_end_matches(['：', ':']).trim_end();
        (!name.is_empty()).then(|| format!("{name}{}", self.parts.addressee_colon))
    }

    /// The note as printed: trimmed, in full-width parentheses (§7.3.6). Brackets the clerk
    /// typed round the whole note are kept (half-width ones made full-width), missing ones
    /// added; `None` when it is empty.
    pub fn note_text(&self, note: &str) -> Option<String> {
        let t = note.trim();
        if t.is_empty() {
            return None;
        }
        let (open, close) = self.parts.note_brackets;
        let inner = t
            .strip_prefix(['（', '('])
            .and_then(|s| s.strip_suffix(['）', ')']))
            .unwrap_or(t);
        Some(format!("{open}{}{close}", inner.trim()))
    }

    /// The subtitle as printed: trimmed, `None` when empty. Its `——` is the clerk's text.
    pub fn subtitle_text(&self, subtitle: &str) -> Option<String> {
        let t = subtitle.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// The organs of a signature, one per printed line (§7.3.5: 联合行文 puts the leading
    /// organ first and the others below it). The report keeps the signature as one string; its
    /// organs are separated by white space: U+3000 (what import writes and the JSON exchange
    /// documents), a line break, or the space a clerk types between two names. An organ's
    /// name has no space in it, so a space is never part of a name.
    pub fn signature_organs<'a>(&self, signature: &'a str) -> Vec<&'a str> {
        signature.split_whitespace().collect()
    }

    /// Where the organs of a signature and the date end, given their widths in pt. The organs
    /// are set as one block as wide as the widest of them, which [`Spec::signature_place`]
    /// places as it places a single unit (the date's first character two characters right of
    /// the block's, or the date two characters from the right edge; sealed, the date four
    /// characters from the right). Unsealed, every organ is right-aligned on the block's right
    /// end (each 右空二字 as a single unit is); sealed, each organ is centred over the date, as
    /// the seal is. GB/T 9704-2012 §7.3.5 asks only that the organs be set one below the other
    /// (依次向下编排); the alignment is ours (`docs/format.md` §8).
    pub fn joint_signature_place(
        &self,
        organs: &[f32],
        date: f32,
        sealed: bool,
    ) -> JointSignaturePlace {
        let widest = organs.iter().copied().fold(0.0, f32::max);
        let SignaturePlace {
            unit_right,
            date_right,
        } = self.signature_place(widest, date, sealed);
        let block = self.page.text_width();
        let organ_right = organs
            .iter()
            .map(|&w| {
                let right = if sealed {
                    date_right + (date - w) / 2.0
                } else {
                    unit_right
                };
                right.clamp(0.0, (block - w).max(0.0))
            })
            .collect();
        JointSignaturePlace {
            organ_right,
            date_right,
        }
    }

    /// Blank lines to keep below the date for a seal when `note_lines` lines of note (and the
    /// blank lines before it) already follow the date on its page: the seal needs
    /// [`Spec::seal_lines_below_date`] lines there, and the note's lines count.
    pub fn seal_blank_lines(&self, note_lines: u32) -> u32 {
        let below = if note_lines > 0 {
            note_lines + self.parts.blank_lines_before_note
        } else {
            0
        };
        self.seal_lines_below_date.saturating_sub(below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressee_ends_with_one_full_width_colon() {
        let s = Spec::official();
        assert_eq!(
            s.addressee_text("县政务公开办").as_deref(),
            Some("县政务公开办：")
        );
        assert_eq!(
            s.addressee_text(" 县政府办公室、县数据局: ").as_deref(),
            Some("县政府办公室、县数据局：")
        );
        assert_eq!(
            s.addressee_text("县政务公开办：").as_deref(),
            Some("县政务公开办：")
        );
        assert_eq!(s.addressee_text(" ： "), None);
        assert_eq!(
            s.addressee_indents(),
            Indents {
                first: 0.0,
                rest: 0.0
            }
        );
    }

    #[test]
    fn note_gets_full_width_parentheses_once() {
        let s = Spec::official();
        for (given, want) in [
            ("此件公开发布", "（此件公开发布）"),
            ("（此件公开发布）", "（此件公开发布）"),
            ("(联系人：郑某，电话：123)", "（联系人：郑某，电话：123）"),
            (" （ 此件公开发布 ） ", "（此件公开发布）"),
        ] {
            assert_eq!(s.note_text(given).as_deref(), Some(want), "{given}");
        }
        assert_eq!(s.note_text("  "), None);
        let c = s.grid.char_pitch;
        let i = s.note_indents();
        assert!((i.first - 2.0 * c).abs() < 1e-4 && i.rest == 0.0);
    }

    #[test]
    fn organs_split_at_white_space() {
        let s = Spec::official();
        assert_eq!(
            s.signature_organs("中共某镇委员会\u{3000}某镇人民政府"),
            ["中共某镇委员会", "某镇人民政府"]
        );
        assert_eq!(
            s.signature_organs("甲局\n乙局\u{3000}\u{3000}丙局 丁局"),
            ["甲局", "乙局", "丙局", "丁局"]
        );
        assert_eq!(s.signature_organs("某镇人民政府"), ["某镇人民政府"]);
        assert!(s.signature_organs(" \u{3000} ").is_empty());
    }

    #[test]
    fn joint_organs_share_the_single_unit_rule() {
        let s = Spec::official();
        let c = s.grid.char_pitch;
        let (a, b, date) = (7.0 * c, 9.0 * c, 4.0 * c + 48.0);
        let p = s.joint_signature_place(&[a, b], date, false);
        let single = s.signature_place(b, date, false);
        assert_eq!(p.organ_right, [single.unit_right, single.unit_right]);
        assert_eq!(p.date_right, single.date_right);
        // The date's first character two characters right of the widest organ's.
        assert!(((p.organ_right[1] + b) - (p.date_right + date) - 2.0 * c).abs() < 1e-3);
        // Sealed: each organ centred over the date, four characters from the right.
        let p = s.joint_signature_place(&[a, b], date, true);
        assert!((p.date_right - 4.0 * c).abs() < 1e-3);
        for (w, r) in [a, b].iter().zip(&p.organ_right) {
            assert!(((r + w / 2.0) - (p.date_right + date / 2.0)).abs() < 1e-3);
        }
        // One organ: exactly the single rule.
        let one = s.joint_signature_place(&[a], date, false);
        let single = s.signature_place(a, date, false);
        assert_eq!(
            (one.organ_right[0], one.date_right),
            (single.unit_right, single.date_right)
        );
    }

    #[test]
    fn a_note_fills_the_seal_line() {
        let s = Spec::official();
        assert_eq!(s.seal_blank_lines(0), s.seal_lines_below_date);
        assert_eq!(s.seal_blank_lines(1), 0);
        assert_eq!(s.seal_blank_lines(3), 0);
    }
}
