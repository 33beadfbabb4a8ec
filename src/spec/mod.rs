//! The official layout of GB/T 9704-2012 as it applies to a work summary (see
//! `docs/format.md`), as one value. Every exporter and the typesetter read their
//! numbers from [`Spec::official()`]; no layout number belongs anywhere else.
//!
//! Lengths are in points (1 pt = 1/72 in). Helpers convert to millimetres and twips.

pub mod closing;
pub mod docx;
pub mod formal;
pub mod latin;
pub mod parts;
pub mod table;

pub use crate::model::DocxFontNames;
use serde::Serialize;

/// Points per millimetre: 72 / 25.4 ≈ 2.8346.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// `v` millimetres in pt.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// `v` pt in millimetres.
pub fn pt_to_mm(v: f32) -> f32 {
    v / PT_PER_MM
}

/// Twentieths of a point, the unit of most OOXML lengths.
pub fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// What a piece of text is, typographically. Each role has one font family and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum Role {
    /// 标题: 2号 方正小标宋简体.
    Title,
    /// 正文: 3号 仿宋_GB2312.
    Body,
    /// 一级标题 `一、`: 3号 黑体.
    Heading1,
    /// 二级标题 `（一）`: 3号 楷体_GB2312.
    Heading2,
    /// 三级标题 `1.`: 3号 仿宋_GB2312 (bold).
    Heading3,
    /// 四级标题 `（1）`: 3号 仿宋_GB2312.
    Heading4,
    /// 页码: 4号 宋体.
    PageNumber,
    /// 副标题: 3号 楷体_GB2312 (common practice; GB/T 9704-2012 has no subtitle).
    Subtitle,
}

impl Role {
    /// Every role, in a fixed order (title, body, headings 1–4, page number, subtitle) that
    /// per-role tables index by.
    pub const ALL: [Role; 8] = [
        Role::Title,
        Role::Body,
        Role::Heading1,
        Role::Heading2,
        Role::Heading3,
        Role::Heading4,
        Role::PageNumber,
        Role::Subtitle,
    ];

    /// The role of a heading of `level` 1–4 (GB/T 9704-2012 §7.3.3); a deeper level is set as
    /// level 4.
    pub fn heading(level: u8) -> Role {
        match level {
            1 => Role::Heading1,
            2 => Role::Heading2,
            3 => Role::Heading3,
            _ => Role::Heading4,
        }
    }

    /// Chinese name for reports to the clerk (正文：仿宋（系统）…).
    pub fn label(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Body => "正文",
            Role::Heading1 => "一级标题",
            Role::Heading2 => "二级标题",
            Role::Heading3 => "三级标题",
            Role::Heading4 => "四级标题",
            Role::PageNumber => "页码",
            Role::Subtitle => "副标题",
        }
    }
}

/// Generic families, used to find a close face when the official one is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Family {
    /// 仿宋
    FangSong,
    /// 楷体
    Kai,
    /// 黑体
    Hei,
    /// 宋体
    Song,
    /// 小标宋 (a heavy Song)
    XiaoBiaoSong,
}

/// The font of one role: the face the standard names, its generic family, size and weight.
#[derive(Debug, Clone, Serialize)]
pub struct FontSpec {
    /// The East-Asian font name the receiving office has installed (written into DOCX).
    pub east_asian: &'static str,
    /// Generic family, for fallbacks.
    pub family: Family,
    /// Size in points.
    pub size: f32,
    /// Bold wanted (level-3 headings); a face without a bold gets synthetic bold.
    pub bold: bool,
}

/// The paper and its margins, in pt (GB/T 9704-2012 §5.1, §5.2.1). The margins frame the text
/// block (版心), 156 × 225 mm.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Page width in pt: 595.28 (210 mm, A4, §5.1).
    pub width: f32,
    /// Page height in pt: 841.89 (297 mm, A4, §5.1).
    pub height: f32,
    /// 天头
    pub margin_top: f32,
    /// 订口
    pub margin_left: f32,
    /// Right margin in pt: what is left of 210 mm after 28 mm and the 156 mm block, 26 mm.
    pub margin_right: f32,
    /// Bottom margin in pt: what is left of 297 mm after 37 mm and the 225 mm block, 35 mm.
    pub margin_bottom: f32,
}

impl Page {
    /// 版心 width.
    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }
    /// 版心 height.
    pub fn text_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
}

/// The grid of the text block: lines per page and characters per line (GB/T 9704-2012 §5.2.3),
/// and the pitches in pt that make them fill the block.
#[derive(Debug, Clone, Serialize)]
pub struct Grid {
    /// Lines per full page: 22 (§5.2.3).
    pub lines_per_page: u32,
    /// Characters (cells) per full line: 28 (§5.2.3).
    pub chars_per_line: u32,
    /// Baseline-to-baseline distance of body lines, in pt (29.61). The standard measures the block on the
    /// ink (top of the first line's glyphs to the bottom of the last's), hence
    /// (text height − one glyph) / (lines − 1).
    pub line_pitch: f32,
    /// Width of one character cell in pt: text width / chars per line (15.79).
    pub char_pitch: f32,
}

/// The font of every role (GB/T 9704-2012 §5.2.2, §7.3.1, §7.3.3, §7.5).
#[derive(Debug, Clone, Serialize)]
pub struct Fonts {
    /// 标题: 2号 (22 pt) 小标宋 (§7.3.1).
    pub title: FontSpec,
    /// 正文: 3号 (16 pt) 仿宋 (§5.2.2).
    pub body: FontSpec,
    /// Headings of levels 1–4, in order: 黑体, 楷体, bold 仿宋, 仿宋, all 3号 (§7.3.3).
    pub heading: [FontSpec; 4],
    /// 页码: 4号 (14 pt) 宋体 (§7.5).
    pub page_number: FontSpec,
    /// 副标题: 3号 (16 pt) 楷体. The standard has no subtitle; 3号楷体 centred below the title is
    /// the usual practice (`docs/format.md` §4).
    pub subtitle: FontSpec,
    /// Digits and Latin letters in every role but the page number.
    pub latin: &'static str,
}

/// The whole layout as one value: page, grid, fonts and the spacing rules of the closing parts
/// and page numbers. Lengths in pt unless named otherwise (chars, lines, em). Build it with
/// [`Spec::official`]; every exporter and the typesetter read their numbers from it.
#[derive(Debug, Clone, Serialize)]
pub struct Spec {
    /// Paper and margins.
    pub page: Page,
    /// Lines, characters and their pitches.
    pub grid: Grid,
    /// The font of each role.
    pub fonts: Fonts,
    /// First-line indent of paragraphs and headings, in characters (cells): 2.
    pub first_line_indent_chars: u32,
    /// Line pitch inside a multi-line title, in pt (closer than body lines; 28–35 pt are
    /// common; the official layout uses the body pitch).
    pub title_line_pitch: f32,
    /// Blank body lines between the title and what follows.
    pub blank_lines_after_title: u32,
    /// Blank body lines between the body and the attachments note / the signature.
    pub blank_lines_before_attachments: u32,
    /// Blank body lines between the body (or the attachments note) and the signing unit: 1
    /// (GB/T 9704-2012 §7.3.5.2).
    pub blank_lines_before_signature: u32,
    /// Characters of space right of the signing unit.
    pub signature_right_chars: u32,
    /// Characters the date's first character sits right of the unit's first character.
    pub date_offset_chars: u32,
    /// Characters of space right of the date when it is longer than the unit (no seal).
    pub date_right_chars: u32,
    /// Characters of space right of the date when sealed (盖章).
    pub date_right_chars_sealed: u32,
    /// Blank body lines kept on the page below the date when sealed: the seal (about 42 mm,
    /// four lines) starts within one line below the body and presses on the unit and the date
    /// a little below its centre (§7.3.5.1), so its lower edge reaches about one line below
    /// the date; that line must not fall on the next page.
    pub seal_lines_below_date: u32,
    /// The tightest line pitch, in pt, the typesetter may give the lines of the page where the
    /// body ends so that the signing unit and the date (with the seal space) stay on it: the
    /// remedy of GB/T 9704-2012 §7.3.5 (特殊情况: 调整行距、字距). 27 pt, 91 % of the grid pitch
    /// (the space between lines from 13.6 down to 11 pt): at most 24 lines on a page of 22.
    /// Beyond it the last lines of the body move to the next page with them instead.
    pub keep_min_line_pitch: f32,
    /// Characters of space beside the page number (right on odd pages, left on even).
    pub page_number_side_chars: u32,
    /// Distance in pt from the bottom of the text block down to the page number's dash line:
    /// 7 mm (GB/T 9704-2012 §7.5).
    pub page_number_drop: f32,
    /// The 一字线 around page numbers in the national style (`— 1 —`, §7.5).
    pub page_number_em_dash: char,
    /// The dash of the `- 1 -` style some local rules ask for.
    pub page_number_hyphen: char,
    /// Vertical middle of a dash's ink above the baseline, in em, for a font that cannot tell
    /// (places the page number's dash line; a CJK 一字线 sits about here in Song faces).
    pub dash_ink_middle: f32,
    /// Where a CJK glyph's baseline sits in its em box, from the top, in em: ideographic em
    /// boxes span −0.12 … 0.88 em around the baseline in the usual CJK fonts.
    pub em_ascent: f32,
    /// Default tab stops, in body characters (a tab the recipient types indents like the
    /// first line).
    pub tab_stop_chars: u32,
    /// Outline stroke of synthetic bold (a bold role whose face has no bold), as a fraction of
    /// the font size: about as heavy as Word's fake bold.
    pub synthetic_bold_stroke: f32,
    /// Where the subtitle, the addressee (主送机关), a joint signature and the note (附注)
    /// go (GB/T 9704-2012 §7.3.2, §7.3.5, §7.3.6; see [`parts`]).
    pub parts: parts::Parts,
    /// The 版头, 版记 and 附件 pages of a formal 报告 (GB/T 9704-2012 §7.2, §7.4, §7.3.7).
    pub formal: formal::Formal,
}

impl Spec {
    /// GB/T 9704-2012 as `docs/format.md` reads it.
    pub fn official() -> Spec {
        let page = Page {
            width: mm(210.0),
            height: mm(297.0),
            margin_top: mm(37.0),
            margin_left: mm(28.0),
            margin_right: mm(26.0),
            margin_bottom: mm(35.0),
        };
        let body_size = 16.0; // 3号
        let lines = 22;
        let chars = 28;
        let grid = Grid {
            lines_per_page: lines,
            chars_per_line: chars,
            line_pitch: (page.text_height() - body_size) / (lines - 1) as f32,
            char_pitch: page.text_width() / chars as f32,
        };
        let f = |east_asian, family, size, bold| FontSpec {
            east_asian,
            family,
            size,
            bold,
        };
        let fonts = Fonts {
            title: f("方正小标宋简体", Family::XiaoBiaoSong, 22.0, false),
            body: f("仿宋_GB2312", Family::FangSong, body_size, false),
            heading: [
                f("黑体", Family::Hei, body_size, false),
                f("楷体_GB2312", Family::Kai, body_size, false),
                f("仿宋_GB2312", Family::FangSong, body_size, true),
                f("仿宋_GB2312", Family::FangSong, body_size, false),
            ],
            page_number: f("宋体", Family::Song, 14.0, false),
            subtitle: f("楷体_GB2312", Family::Kai, body_size, false),
            latin: "Times New Roman",
        };
        Spec {
            page,
            fonts,
            first_line_indent_chars: 2,
            // On the body grid: within the usual 28–35 pt, and Word/WPS/LibreOffice with a
            // line grid put every line on it anyway, so DOCX and PDF paginate alike.
            title_line_pitch: grid.line_pitch,
            blank_lines_after_title: 1,
            blank_lines_before_attachments: 1,
            blank_lines_before_signature: 1,
            signature_right_chars: 2,
            date_offset_chars: 2,
            date_right_chars: 2,
            date_right_chars_sealed: 4,
            seal_lines_below_date: 1,
            keep_min_line_pitch: 27.0,
            page_number_side_chars: 1,
            page_number_drop: mm(7.0),
            page_number_em_dash: '—',
            page_number_hyphen: '-',
            dash_ink_middle: 0.3,
            em_ascent: 0.88,
            tab_stop_chars: 2,
            synthetic_bold_stroke: 0.025,
            parts: parts::Parts::official(),
            formal: formal::Formal::official(grid.line_pitch),
            grid,
        }
    }

    /// This layout with the 仿宋/楷体 roles named as `names` asks (DOCX only).
    pub fn with_docx_font_names(mut self, names: DocxFontNames) -> Spec {
        let fonts = &mut self.fonts;
        for f in [
            &mut fonts.title,
            &mut fonts.body,
            &mut fonts.page_number,
            &mut fonts.subtitle,
        ]
        .into_iter()
        .chain(fonts.heading.iter_mut())
        {
            f.east_asian = match f.family {
                Family::FangSong => names.fang_song(),
                Family::Kai => names.kai(),
                _ => f.east_asian,
            };
        }
        self
    }

    /// The font of `role`.
    pub fn font(&self, role: Role) -> &FontSpec {
        match role {
            Role::Title => &self.fonts.title,
            Role::Body => &self.fonts.body,
            Role::Heading1 => &self.fonts.heading[0],
            Role::Heading2 => &self.fonts.heading[1],
            Role::Heading3 => &self.fonts.heading[2],
            Role::Heading4 => &self.fonts.heading[3],
            Role::PageNumber => &self.fonts.page_number,
            Role::Subtitle => &self.fonts.subtitle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_block_is_156_by_225_mm() {
        let s = Spec::official();
        assert!((pt_to_mm(s.page.text_width()) - 156.0).abs() < 0.01);
        assert!((pt_to_mm(s.page.text_height()) - 225.0).abs() < 0.01);
    }

    #[test]
    fn grid_pitches_match_the_standard() {
        let s = Spec::official();
        // (225 − 5.64) / 21 ≈ 10.45 mm ≈ 29.6 pt
        assert!(
            (s.grid.line_pitch - 29.6).abs() < 0.1,
            "{}",
            s.grid.line_pitch
        );
        // 156 / 28 ≈ 5.57 mm ≈ 15.8 pt
        assert!(
            (s.grid.char_pitch - 15.8).abs() < 0.05,
            "{}",
            s.grid.char_pitch
        );
        // The 22 lines' ink fills the block exactly.
        let ink = s.grid.line_pitch * 21.0 + s.fonts.body.size;
        assert!((ink - s.page.text_height()).abs() < 0.01);
    }

    #[test]
    fn roles_have_their_official_fonts() {
        let s = Spec::official();
        assert_eq!(s.font(Role::Title).size, 22.0);
        assert_eq!(s.font(Role::Heading1).east_asian, "黑体");
        assert_eq!(s.font(Role::heading(2)).east_asian, "楷体_GB2312");
        assert_eq!(s.font(Role::PageNumber).size, 14.0);
    }

    #[test]
    fn docx_font_names_switch_fangsong_and_kai_only() {
        let s = Spec::official().with_docx_font_names(DocxFontNames::Plain);
        assert_eq!(s.font(Role::Body).east_asian, "仿宋");
        assert_eq!(s.font(Role::Heading2).east_asian, "楷体");
        assert_eq!(s.font(Role::Heading3).east_asian, "仿宋");
        assert_eq!(s.font(Role::Heading1).east_asian, "黑体");
        assert_eq!(s.font(Role::Title).east_asian, "方正小标宋简体");
        let back = s.with_docx_font_names(DocxFontNames::Gb2312);
        assert_eq!(back.font(Role::Body).east_asian, "仿宋_GB2312");
        assert_eq!(DocxFontNames::from_key("plain"), Some(DocxFontNames::Plain));
        assert_eq!(
            DocxFontNames::from_key(DocxFontNames::Gb2312.key()),
            Some(DocxFontNames::Gb2312)
        );
    }
}
