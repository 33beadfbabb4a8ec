//! The numbers of a formal 报告's 版头, 版记 and 附件 pages (GB/T 9704-2012 §7.2, §7.4, §7.3.7,
//! §7.5), and where their parts stand, computed once for both exporters. Lengths in pt from
//! the page's top edge unless named otherwise; "slot" is a 0-based grid line of the page
//! (see [`super::Grid`]).
//!
//! Placement (docs/format.md §13): the 发文机关标志's ink starts 35 mm below the top of the
//! text block; the 签发人 lines lie on the grid, two blank lines below the grid line the mark
//! ends in; the 发文字号 shares the last 签发人 line; the red line lies 4 mm below that line's
//! em box; the title two blank lines below the grid line the red line falls in. Everything
//! below the mark stays on the grid, so the DOCX (exact line heights) and the PDF agree.

use super::{mm, Spec};
use serde::Serialize;

/// The numbers of the 版头, 版记 and 附件 pages. Sizes in pt; distances in pt unless named.
#[derive(Debug, Clone, Serialize)]
pub struct Formal {
    /// Distance from the top of the text block down to the top of the 发文机关标志's ink:
    /// 35 mm (§7.2.4).
    pub mark_drop: f32,
    /// Largest size of the mark (小标宋): the standard gives none (§7.2.4: 醒目、美观、庄重);
    /// 42 pt (about 15 mm) is common; a longer mark is set smaller so that it fits the block.
    pub mark_max_size: f32,
    /// The mark may fill at most this share of the block's width (a little air each side).
    pub mark_max_width: f32,
    /// Blank grid lines between the mark and the first 签发人 line (§7.2.5: 空二行).
    pub blank_lines_below_mark: u32,
    /// Characters (of body size) of space left of the 发文字号 and right of the 签发人 (§7.2.6).
    pub header_side_chars: u32,
    /// 签发人 names per line; more wrap onto lines above the last (§7.2.6).
    pub signers_per_line: usize,
    /// Distance from the bottom of the 发文字号's em box down to the red line's centre: 4 mm
    /// (§7.2.7).
    pub red_line_drop: f32,
    /// Weight of the red separating line, pt. The standard gives none; chosen 2.25 pt
    /// (0.79 mm), a common weight of the red line in county templates, measured on the
    /// rendered pages (docs/format.md §13).
    pub red_line_weight: f32,
    /// Blank grid lines between the red line and the title (§7.3.1: 空二行).
    pub blank_lines_below_red_line: u32,
    /// The red of the mark and the line, as RGB 0–255 (§7.2.4: 红色).
    pub red: [u8; 3],
    /// Size of the 版记's items: 4号, 14 pt (§7.4.1).
    pub record_size: f32,
    /// Characters (of the 版记 size) of space left of `抄送：` and of the 印发机关, and right
    /// of the 印发日期 (§7.4.2, §7.4.3).
    pub record_side_chars: u32,
    /// Weight of the 版记's first and last rules: 0.35 mm (§7.4.1).
    pub record_outer_rule: f32,
    /// Weight of the rules between the 版记's items: 0.25 mm (§7.4.1).
    pub record_inner_rule: f32,
    /// Distance between two 版记 rules with one item line between them: the body line pitch.
    pub record_pitch: f32,
    /// Grid line (0-based) of an attachment page's title: the third (§7.3.7).
    pub attachment_title_slot: u32,
}

impl Formal {
    /// The official numbers.
    pub fn official(line_pitch: f32) -> Formal {
        Formal {
            mark_drop: mm(35.0),
            mark_max_size: 42.0,
            mark_max_width: 0.96,
            blank_lines_below_mark: 2,
            header_side_chars: 1,
            signers_per_line: 2,
            red_line_drop: mm(4.0),
            red_line_weight: 2.25,
            blank_lines_below_red_line: 2,
            red: [255, 0, 0],
            record_size: 14.0,
            record_side_chars: 1,
            record_outer_rule: mm(0.35),
            record_inner_rule: mm(0.25),
            record_pitch: line_pitch,
            attachment_title_slot: 2,
        }
    }

    /// The red as the six hex digits OOXML writes (`FF0000`).
    pub fn red_hex(&self) -> String {
        format!("{:02X}{:02X}{:02X}", self.red[0], self.red[1], self.red[2])
    }
}

/// Where the parts of the 版头 stand on page 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeaderPlace {
    /// Size of the mark in pt.
    pub mark_size: f32,
    /// Top of the mark's ink, pt from the page top (37 + 35 mm).
    pub mark_top: f32,
    /// Grid line of the first 签发人 line.
    pub first_signer_slot: u32,
    /// Grid line of the last 签发人 line, which also holds the 发文字号.
    pub number_slot: u32,
    /// Centre of the red line, pt from the page top.
    pub red_line_y: f32,
    /// Grid line of the title's first line.
    pub title_slot: u32,
}

impl Spec {
    /// Top of the em box of grid line `slot`, pt from the page top.
    pub fn slot_top(&self, slot: u32) -> f32 {
        self.page.margin_top + slot as f32 * self.grid.line_pitch
    }

    /// The grid line a point `y` pt from the page top falls in: a line reaches down to the
    /// next line's em box.
    pub fn slot_at(&self, y: f32) -> u32 {
        ((y - self.page.margin_top) / self.grid.line_pitch)
            .floor()
            .max(0.0) as u32
    }

    /// The mark's size for a mark of `chars` characters: [`Formal::mark_max_size`], or less so
    /// that it fits the block.
    pub fn mark_size(&self, chars: usize) -> f32 {
        let f = &self.formal;
        let fit = self.page.text_width() * f.mark_max_width / chars.max(1) as f32;
        f.mark_max_size.min(fit).floor()
    }

    /// The 版头's places for a mark of `mark_chars` characters and `signer_lines` 签发人 lines
    /// (at least one: the 发文字号's line) (GB/T 9704-2012 §7.2).
    pub fn header_place(&self, mark_chars: usize, signer_lines: usize) -> HeaderPlace {
        let f = &self.formal;
        let mark_size = self.mark_size(mark_chars);
        let mark_top = self.page.margin_top + f.mark_drop;
        let mark_slot = self.slot_at(mark_top + mark_size);
        let first_signer_slot = mark_slot + 1 + f.blank_lines_below_mark;
        let number_slot = first_signer_slot + signer_lines.max(1) as u32 - 1;
        let red_line_y = self.slot_top(number_slot) + self.fonts.body.size + f.red_line_drop;
        let title_slot = self.slot_at(red_line_y) + 1 + f.blank_lines_below_red_line;
        HeaderPlace {
            mark_size,
            mark_top,
            first_signer_slot,
            number_slot,
            red_line_y,
            title_slot,
        }
    }

    /// The 签发人 names grouped into lines of [`Formal::signers_per_line`], the last line
    /// last (it shares the 发文字号's line); one empty line when there are none.
    pub fn signer_lines<'a>(&self, signers: &'a [String]) -> Vec<Vec<&'a str>> {
        let names: Vec<&str> = signers
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if names.is_empty() {
            return vec![Vec::new()];
        }
        names
            .chunks(self.formal.signers_per_line.max(1))
            .map(|c| c.to_vec())
            .collect()
    }

    /// Centre of the 版记's rule `k` counted upward from the last (k = 0 lies on the bottom
    /// edge of the text block, §7.4.1), pt from the page top.
    pub fn record_rule_y(&self, k: usize) -> f32 {
        self.page.margin_top + self.page.text_height() - k as f32 * self.formal.record_pitch
    }

    /// Baseline of the 版记 item line `k` counted upward from the last (k = 0 is the 印发
    /// line), its em box centred between rules k and k + 1, pt from the page top.
    pub fn record_baseline(&self, k: usize) -> f32 {
        let size = self.formal.record_size;
        let mid = self.record_rule_y(k) - self.formal.record_pitch / 2.0;
        mid - size / 2.0 + self.em_ascent * size
    }

    /// Grid lines the 版记 of `item_lines` lines needs free at the foot of a page: its lines
    /// and one blank line between the text above and its first rule.
    pub fn record_slots(&self, item_lines: usize) -> u32 {
        item_lines as u32 + 1
    }
}

/// Where LibreOffice puts the top of the mark's ink below the top of its exact-height line
/// box, in em of the mark's size: it sets a line's text at the top of a taller exact line.
/// Measured on the rendering of our DOCX (15.4 pt for the 42 pt mark: 0.367 em).
const MARK_INK_BELOW_LINE_TOP_EM: f32 = 0.367;

/// Where LibreOffice draws a paragraph's bottom border: this many pt below the bottom of the
/// paragraph's last exact-height line box, beyond `w:space` (measured).
const BORDER_BELOW_BOX: f32 = 4.1;

/// Twips a 版记 item's exact line is shorter than a pitch: LibreOffice adds its borders' width
/// and spacing to the line (measured).
const RECORD_BORDER_TRIM: i32 = 60;

/// The 版头 and 版记 as DOCX settings (twips unless named), derived from the same numbers as
/// the PDF: [`Spec::header_place`], [`Spec::record_rule_y`]. Calibrated on LibreOffice's
/// rendering (`tests/export/formal_pages.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct DocxFormal {
    /// Spacing before the mark's paragraph, which starts at the top of the text area: puts
    /// the mark's ink on 72 mm.
    pub mark_before: i32,
    /// Exact line height of the mark's paragraph: whole line pitches (LibreOffice snaps a
    /// line to the document grid anyway), enough for the glyphs.
    pub mark_line: i32,
    /// Spacing after the mark's paragraph: spacing before + line + this fill the grid lines
    /// down to the first blank line below the mark, so what follows is on the grid again.
    pub mark_after: i32,
    /// Blank grid lines the mark's paragraph takes in (one of the 空二行 below the mark), so
    /// that its line box is tall enough for the glyphs.
    pub mark_blank_lines: u32,
    /// The mark's size in half-points.
    pub mark_half_points: usize,
    /// `w:space` of the red line (the bottom border of the 发文字号's paragraph), in pt.
    pub red_line_space: usize,
    /// The red line's `w:sz`, in eighths of a point.
    pub red_line_sz: usize,
    /// Exact height of the blank line after the 发文字号: one pitch less what the border
    /// adds, so the title stays on its grid line.
    pub after_red_line: i32,
    /// `w:sz` of the 版记's first and last rules, eighths of a point.
    pub record_outer_sz: usize,
    /// `w:sz` of the rules between the 版记's items, eighths of a point.
    pub record_inner_sz: usize,
    /// The 版记 items' size in half-points (4号).
    pub record_half_points: usize,
    /// Exact line height of a 版记 item: a pitch less what its borders add
    /// (`RECORD_BORDER_TRIM`, measured), so the last rule lands on the block's bottom edge.
    pub record_line: i32,
}

impl Spec {
    /// The DOCX settings of the 版头 and 版记 for a mark of `mark_chars` characters.
    pub fn docx_formal(&self, mark_chars: usize) -> DocxFormal {
        let d = self.docx();
        let f = &self.formal;
        let place = self.header_place(mark_chars, 1);
        let pitch = d.line_pitch;
        // The DOCX text area starts `margin_top` twips down; the mark paragraph fills the
        // grid lines down to the line the mark ends in and one blank line below it.
        let mark_blank_lines = f.blank_lines_below_mark.min(1);
        let lines =
            (self.slot_at(place.mark_top + place.mark_size) + 1 + mark_blank_lines) as i32 * pitch;
        let top = d.margin_top as f32 / 20.0;
        let before =
            super::twips(place.mark_top - MARK_INK_BELOW_LINE_TOP_EM * place.mark_size - top)
                .clamp(0, lines);
        // The glyphs need about 1.3 em; whole pitches, as the grid would make it anyway.
        let glyphs = super::twips(place.mark_size * 1.3);
        let mark_line = ((glyphs + pitch - 1) / pitch).max(1) * pitch;
        // The red line: its centre `red_line_y`, the border drawn `space` below the line box.
        let box_bottom = top + (place.number_slot + 1) as f32 * pitch as f32 / 20.0;
        let eighths = |pt: f32| (pt * 8.0).round() as usize;
        let space = (place.red_line_y - box_bottom - f.red_line_weight / 2.0 - BORDER_BELOW_BOX)
            .round()
            .max(0.0);
        DocxFormal {
            mark_before: before,
            mark_line,
            mark_after: (lines - before - mark_line).max(0),
            mark_blank_lines,
            mark_half_points: (place.mark_size * 2.0).round() as usize,
            red_line_space: space as usize,
            red_line_sz: eighths(f.red_line_weight),
            after_red_line: pitch - super::twips(space + f.red_line_weight),
            record_outer_sz: eighths(f.record_outer_rule),
            record_inner_sz: eighths(f.record_inner_rule),
            record_half_points: (f.record_size * 2.0).round() as usize,
            record_line: pitch - RECORD_BORDER_TRIM,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::pt_to_mm;

    #[test]
    fn the_mark_starts_72_mm_down_and_the_title_follows_on_the_grid() {
        let s = Spec::official();
        let h = s.header_place(9, 1);
        assert!((pt_to_mm(h.mark_top) - 72.0).abs() < 0.01);
        assert!(h.mark_size <= 42.0 && h.mark_size * 9.0 <= s.page.text_width());
        // 签发人 two blank lines below the line the mark ends in.
        assert_eq!(h.first_signer_slot, s.slot_at(h.mark_top + h.mark_size) + 3);
        // The red line below the 发文字号, above the title's line.
        assert!(h.red_line_y > s.slot_top(h.number_slot) + s.fonts.body.size);
        assert!(s.slot_top(h.title_slot - 2) > h.red_line_y - s.grid.line_pitch);
        assert!(h.title_slot < s.grid.lines_per_page / 2);
        // A long mark is smaller.
        assert!(s.mark_size(16) < 30.0);
        // Three signers: two lines, the 发文字号 on the last.
        let names: Vec<String> = ["甲", "乙", "丙"].iter().map(|s| s.to_string()).collect();
        assert_eq!(s.signer_lines(&names), vec![vec!["甲", "乙"], vec!["丙"]]);
        assert_eq!(s.header_place(9, 2).number_slot, h.number_slot + 1);
    }

    #[test]
    fn the_last_record_rule_is_the_bottom_of_the_block() {
        let s = Spec::official();
        assert!((pt_to_mm(s.record_rule_y(0)) - 262.0).abs() < 0.01);
        assert!(s.record_baseline(0) < s.record_rule_y(0));
        assert!(s.record_baseline(0) > s.record_rule_y(1));
        assert_eq!(s.formal.red_hex(), "FF0000");
    }
}
