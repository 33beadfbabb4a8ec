//! DOCX-specific calibration of the official layout: how the numbers of [`Spec`] become
//! settings that Word, WPS and LibreOffice turn back into the standard's page. Word-processors
//! place a glyph low in its line box and count lines per page as "body height / pitch", so the
//! margins written into the file differ from the standard's 37/28 mm; the offsets here were
//! measured on LibreOffice's rendering (see `tests/export/docx_layout.rs`).

use super::{twips, Spec};

/// Settings written into the DOCX. Lengths in twips (1/20 pt) unless named otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxLayout {
    /// Page width, 11906 twips (210 mm, A4).
    pub page_width: i32,
    /// Page height, 16838 twips (297 mm, A4).
    pub page_height: i32,
    /// Top margin in twips: 37 mm (GB/T 9704-2012 §5.2.1) less where LibreOffice puts the top of a
    /// 3号 glyph's ink below the top of its line box, so the first line's ink lands on 37 mm.
    pub margin_top: i32,
    /// Bottom margin in twips: page height − top margin − 22.5 line pitches, so 22 lines fit and a
    /// 23rd does not.
    pub margin_bottom: i32,
    /// Left margin (订口) in twips: 28 mm (GB/T 9704-2012 §5.2.1).
    pub margin_left: i32,
    /// Right margin in twips: page width − left margin − the DOCX text width (28 cells plus the
    /// slack LibreOffice needs), so right-aligned text can end where the standard's block does.
    pub margin_right: i32,
    /// Page edge to the top of the (empty) header.
    pub header_distance: i32,
    /// Page edge to the bottom of the footer paragraph.
    pub footer_distance: i32,
    /// `w:docGrid w:type="lines"` pitch, also every paragraph's exact line height, so all
    /// lines sit on one grid and 22 of them fill a page.
    pub line_pitch: i32,
    /// Title lines' exact height.
    pub title_line_pitch: i32,
    /// Character spacing of every run (negative: condensed), so that 28 body characters fit
    /// the 156 mm line; Word would otherwise fit only 27 (see docs/format.md).
    pub char_spacing: i32,
    /// One character cell of body text (glyph + spacing), the unit of indents.
    pub body_char: i32,
    /// How far the DOCX text block's right edge lies right of the standard's (the line
    /// slack): right indents add it so that right-aligned text ends where the PDF's does.
    pub right_excess: i32,
    /// `w:defaultTabStop`.
    pub default_tab_stop: i32,
}

/// Where LibreOffice puts the top of a 3号 glyph's ink below the top of its exact-pitch line
/// box (pt). Measured: the first line's ink lands on the standard's 37 mm with this offset.
const INK_OFFSET_IN_LINE: f32 = 11.3;

/// Twips a line may hold beyond its cells, far less than a 29th cell. LibreOffice needs some:
/// it leaves the last character of each text portion (a stretch of one script and one set of
/// attributes, the last one on a line too) uncondensed by `w:spacing`, contrary to ISO/IEC
/// 29500-1 §17.3.2.35 (measured on 7.4: +0.2 pt per portion), so without slack a line of 28
/// Chinese characters would not fit there. Word and WPS condense every character and use the
/// slack for wider lines of mixed text; the typesetter does the same
/// ([`Spec::docx_line_slack`]).
const LINE_SLACK: i32 = 30;

/// Distance from the bottom of the footer paragraph's box up to the page number's dash (pt),
/// measured likewise, to put the dash `page_number_drop` below the text block.
const DASH_ABOVE_FOOTER_BOTTOM: f32 = 8.0;

impl Spec {
    /// The DOCX settings for this layout.
    pub fn docx(&self) -> DocxLayout {
        let p = &self.page;
        let g = &self.grid;
        let body = self.fonts.body.size;
        let line_pitch = twips(g.line_pitch);
        // Condense each glyph to the standard's character pitch (to the nearest twip: 15.8 pt).
        let char_spacing = ((g.char_pitch - body) * 20.0).round() as i32;
        let body_char = twips(body) + char_spacing;
        // The line must hold chars_per_line such cells: the DOCX text block is that wide plus
        // the slack, about 0.5 mm more than 156 mm; the ink still ends on 184 ± 1 mm.
        let text_width = body_char * g.chars_per_line as i32 + LINE_SLACK;
        let top = p.margin_top - INK_OFFSET_IN_LINE;
        // Body height: exactly the grid lines plus a little less than a line of slack, so
        // rounding never drops the last line nor lets a 23rd one in.
        let body_height = g.line_pitch * g.lines_per_page as f32 + g.line_pitch * 0.5;
        let bottom = p.height - top - body_height;
        let text_bottom_from_page_bottom = p.margin_bottom;
        let footer =
            text_bottom_from_page_bottom - self.page_number_drop - DASH_ABOVE_FOOTER_BOTTOM;
        let margin_right = twips(p.width) - twips(p.margin_left) - text_width;
        DocxLayout {
            page_width: twips(p.width),
            page_height: twips(p.height),
            margin_top: twips(top),
            margin_bottom: twips(bottom),
            margin_left: twips(p.margin_left),
            margin_right,
            header_distance: twips(top / 2.0),
            footer_distance: twips(footer),
            line_pitch,
            title_line_pitch: twips(self.title_line_pitch),
            char_spacing,
            body_char,
            right_excess: text_width - twips(p.text_width()),
            default_tab_stop: self.tab_stop_chars as i32 * body_char,
        }
    }
}

impl Spec {
    /// How much more than its measure a line of the DOCX holds, in pt of the PDF's grid: the
    /// DOCX text block is `chars_per_line` condensed cells plus `LINE_SLACK` (30) twips, and Word
    /// and WPS keep on a line whatever fits that block (ISO/IEC 29500-1 §17.3.2.35: `w:spacing`
    /// condenses *every* character, the last one on a line too). The typesetter lets a line hold
    /// as much (and squeezes it into the standard's 156 mm), so that it breaks where they do.
    /// Scaled from the DOCX cell (316 twips) to the grid's (15.79 pt): about 1.5 pt.
    pub fn docx_line_slack(&self) -> f32 {
        let d = self.docx();
        LINE_SLACK as f32 / 20.0 * self.grid.char_pitch / (d.body_char as f32 / 20.0)
    }
}

/// Names Word/WPS use in place of an official font the machine lacks (`w:altName`): the
/// `_GB2312` fonts and the Windows 仿宋/楷体 stand in for each other.
pub fn alt_font_name(east_asian: &str) -> Option<&'static str> {
    match east_asian {
        "仿宋_GB2312" => Some("仿宋"),
        "楷体_GB2312" => Some("楷体"),
        "仿宋" => Some("仿宋_GB2312"),
        "楷体" => Some("楷体_GB2312"),
        "方正小标宋简体" => Some("宋体"),
        "黑体" => Some("SimHei"),
        "宋体" => Some("SimSun"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_eight_condensed_cells_fit_the_line() {
        let s = Spec::official();
        let d = s.docx();
        assert_eq!(d.char_spacing, -4);
        let width = d.page_width - d.margin_left - d.margin_right;
        let n = s.grid.chars_per_line as i32;
        assert!(d.body_char * n <= width && d.body_char * (n + 1) > width);
        // Within a few twips of the standard's 156 mm.
        assert!((width - twips(s.page.text_width())).abs() <= 40, "{width}");
    }

    #[test]
    fn body_holds_twenty_two_lines_but_not_twenty_three() {
        let s = Spec::official();
        let d = s.docx();
        let body = d.page_height - d.margin_top - d.margin_bottom;
        assert_eq!(body / d.line_pitch, s.grid.lines_per_page as i32);
    }

    #[test]
    fn right_excess_is_the_line_slack() {
        let s = Spec::official();
        let d = s.docx();
        let width = d.page_width - d.margin_left - d.margin_right;
        assert_eq!(width - d.right_excess, twips(s.page.text_width()));
        assert!((0..=LINE_SLACK + 20).contains(&d.right_excess));
    }
}
