//! The closing geometry: where the attachments note (附件说明), the signing unit (发文机关署名),
//! the date (成文日期) and the page number stand, computed once from [`Spec`] for every
//! exporter. Lengths are in pt; positions are measured from the edges of the standard's
//! 156 mm text block (版心), so the PDF adds them to the block's edges and the DOCX turns them
//! into paragraph indents with [`super::twips`] and [`super::docx::DocxLayout::right_excess`].
//!
//! The callers measure the text (the typesetter with the embedded fonts, the DOCX exporter with
//! the Times New Roman table of [`super::latin`] and its condensed cells); the rules of
//! GB/T 9704-2012 that turn those widths into positions are here only.

use super::Spec;
use crate::model::{PageNumberDash, PageNumberPosition, PageNumbers};

/// One line of the attachments note (GB/T 9704-2012 §7.3.4): where it starts and where its
/// wrapped lines start, in pt from the left edge of the text block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AttachmentLine {
    /// Start of the item's first line: two characters in for the first item (`附件：1.…`),
    /// under the first name's number for the others.
    pub first: f32,
    /// Start of the wrapped lines: under the item's name, after `附件：` and its number.
    pub name: f32,
}

impl AttachmentLine {
    /// The hanging indent of the item (name − first), in pt.
    pub fn hanging(&self) -> f32 {
        self.name - self.first
    }
}

/// The signing unit and the date (§7.3.5.1 and §7.3.5.3), as distances from the right edge of
/// the text block to the right end of each text, in pt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignaturePlace {
    pub unit_right: f32,
    pub date_right: f32,
}

/// Horizontal alignment of a page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    Center,
}

/// Where a page's number stands: aligned to `side` of the text block with `inset` pt of space
/// (0 when centred); its dash line [`Spec::page_number_drop`] below the block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageNumberPlace {
    pub side: Side,
    pub inset: f32,
}

impl PageNumberPlace {
    /// Left end of a number `width` pt wide, in pt from the left edge of the text block.
    pub fn x(&self, block_width: f32, width: f32) -> f32 {
        match self.side {
            Side::Left => self.inset,
            Side::Right => block_width - self.inset - width,
            Side::Center => (block_width - width) / 2.0,
        }
    }
}

impl Spec {
    /// The `index`-th (0-based) attachment line, given the widths in pt of the label `附件：`
    /// and of the item's number (`1.`; 0 when there is only one attachment). Names line up
    /// after the label and number; wrapped lines align under the name (GB/T 9704-2012 §7.3.4).
    pub fn attachment_line(&self, index: usize, label: f32, number: f32) -> AttachmentLine {
        let indent = self.first_line_indent_chars as f32 * self.grid.char_pitch;
        let names = indent + label;
        AttachmentLine {
            first: if index == 0 { indent } else { names },
            name: names + number,
        }
    }

    /// Where the signing unit and the date end, given their widths in pt (GB/T 9704-2012
    /// §7.3.5): unsealed, the unit two characters from the right and the date's first character
    /// two characters right of the unit's, or, for a date longer than that allows, the date two
    /// characters from the right and the unit moved left; sealed (盖章), the date four
    /// characters from the right with the unit centred over it. A text wider than the block
    /// stays inside it.
    pub fn signature_place(&self, unit: f32, date: f32, sealed: bool) -> SignaturePlace {
        let c = self.grid.char_pitch;
        let (mut unit_right, mut date_right);
        if sealed {
            date_right = self.date_right_chars_sealed as f32 * c;
            unit_right = date_right + (date - unit) / 2.0;
        } else {
            let offset = self.date_offset_chars as f32 * c;
            unit_right = self.signature_right_chars as f32 * c;
            date_right = unit_right + unit - offset - date;
            let min = self.date_right_chars as f32 * c;
            // Float noise is no reason to move the unit.
            if date_right < min - 0.01 {
                date_right = min;
                unit_right = min + date + offset - unit;
            }
        }
        let block = self.page.text_width();
        let keep = |right: f32, w: f32| right.clamp(0.0, (block - w).max(0.0));
        unit_right = keep(unit_right, unit);
        date_right = keep(date_right, date);
        SignaturePlace {
            unit_right,
            date_right,
        }
    }

    /// Where the number of page `page` (1-based) stands in `style`, or `None` when the page
    /// shows none (the first page when asked). National (GB/T 9704-2012 §7.5): odd pages right
    /// and even pages left, one character of the page-number font in from the block's edge;
    /// centred: in the middle of the block.
    pub fn page_number_place(&self, style: &PageNumbers, page: u32) -> Option<PageNumberPlace> {
        if !style.shows(page) {
            return None;
        }
        Some(self.page_number_side(style.position, page % 2 == 1))
    }

    /// The place of page numbers on odd (`odd`) or even pages in `position`, whatever the page
    /// (the DOCX footers are per odd/even page, not per page).
    pub fn page_number_side(&self, position: PageNumberPosition, odd: bool) -> PageNumberPlace {
        let inset = self.page_number_side_chars as f32 * self.fonts.page_number.size;
        match (position, odd) {
            (PageNumberPosition::Center, _) => PageNumberPlace {
                side: Side::Center,
                inset: 0.0,
            },
            (PageNumberPosition::National, true) => PageNumberPlace {
                side: Side::Right,
                inset,
            },
            (PageNumberPosition::National, false) => PageNumberPlace {
                side: Side::Left,
                inset,
            },
        }
    }

    /// Width in pt of body text measured as the typesetter measures it, without font files: a
    /// character outside ASCII one grid cell, an ASCII character its Times New Roman advance
    /// ([`super::latin::advance`]) less the run's condensing (grid cell − em, when negative). The DOCX exporter feeds these widths to the rules above,
    /// so that its indents are the PDF's positions, whatever each renderer then does to the
    /// spacing of digits (Word condenses them with the run, LibreOffice may add space
    /// between them and Chinese).
    pub fn body_text_width(&self, text: &str) -> f32 {
        let em = self.fonts.body.size;
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    // Condensed like every run, by the cell's shortfall from the em.
                    super::latin::advance(c) * em + (self.grid.char_pitch - em).min(0.0)
                } else {
                    self.grid.char_pitch
                }
            })
            .sum()
    }

    /// The dash on each side of a page number.
    pub fn page_number_dash(&self, dash: PageNumberDash) -> char {
        match dash {
            PageNumberDash::Em => self.page_number_em_dash,
            PageNumberDash::Hyphen => self.page_number_hyphen,
        }
    }

    /// Text before and after the number: `"— "` and `" —"` (or with hyphens).
    pub fn page_number_around(&self, dash: PageNumberDash) -> (String, String) {
        let d = self.page_number_dash(dash);
        (format!("{d} "), format!(" {d}"))
    }

    /// `— 3 —` or `- 3 -`.
    pub fn page_number_text(&self, n: u32, dash: PageNumberDash) -> String {
        let (before, after) = self.page_number_around(dash);
        format!("{before}{n}{after}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_starts_two_characters_right_of_the_unit() {
        let s = Spec::official();
        let c = s.grid.char_pitch;
        // A unit much longer than the date: unit two characters from the right.
        let (unit, date) = (15.0 * c, 3.0 * c + 6.0 * 8.0);
        let p = s.signature_place(unit, date, false);
        assert!((p.unit_right - 2.0 * c).abs() < 1e-3);
        let unit_start = p.unit_right + unit;
        let date_start = p.date_right + date;
        assert!((unit_start - date_start - 2.0 * c).abs() < 1e-3);
        // A date as long as the unit: date two characters from the right, unit moved left.
        let p = s.signature_place(7.0 * c, 4.0 * c + 8.0 * 8.0, false);
        assert!((p.date_right - 2.0 * c).abs() < 1e-3);
        assert!(p.unit_right > p.date_right);
    }

    #[test]
    fn sealed_date_sits_four_characters_from_the_right_under_a_centred_unit() {
        let s = Spec::official();
        let c = s.grid.char_pitch;
        let (unit, date) = (7.0 * c, 4.0 * c + 64.0);
        let p = s.signature_place(unit, date, true);
        assert!((p.date_right - 4.0 * c).abs() < 1e-3);
        let centre = |right: f32, w: f32| right + w / 2.0;
        assert!((centre(p.unit_right, unit) - centre(p.date_right, date)).abs() < 1e-3);
    }

    #[test]
    fn names_wider_than_the_block_stay_inside() {
        let s = Spec::official();
        let w = s.page.text_width();
        let p = s.signature_place(w + 40.0, 100.0, false);
        assert_eq!(p.unit_right, 0.0);
        assert!(p.date_right + 100.0 <= w);
    }

    #[test]
    fn attachment_names_hang_after_label_and_number() {
        let s = Spec::official();
        let c = s.grid.char_pitch;
        let (label, number) = (3.0 * c, 12.0);
        let first = s.attachment_line(0, label, number);
        assert!((first.first - 2.0 * c).abs() < 1e-3);
        assert!((first.hanging() - (label + number)).abs() < 1e-3);
        let second = s.attachment_line(1, label, number);
        assert_eq!(second.first, first.first + label);
        assert_eq!(second.name, first.name);
    }

    #[test]
    fn page_number_sides_and_first_page() {
        let s = Spec::official();
        let national = PageNumbers::default();
        let odd = s.page_number_place(&national, 1).unwrap();
        assert_eq!((odd.side, odd.inset), (Side::Right, 14.0));
        assert_eq!(s.page_number_place(&national, 2).unwrap().side, Side::Left);
        let center = PageNumbers {
            position: PageNumberPosition::Center,
            first_page: false,
            ..national
        };
        assert!(s.page_number_place(&center, 1).is_none());
        let p = s.page_number_place(&center, 2).unwrap();
        assert_eq!(p.x(100.0, 20.0), 40.0);
        assert_eq!(s.page_number_text(12, PageNumberDash::Em), "— 12 —");
        assert_eq!(s.page_number_text(3, PageNumberDash::Hyphen), "- 3 -");
    }
}
