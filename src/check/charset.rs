//! Characters outside GB2312 (堃 玥 赟 镕 〇 …): the DOCX names 仿宋_GB2312 and 楷体_GB2312 by
//! default, the fonts the receiving offices have, and those fonts hold GB2312 only, so such a
//! character shows as a blank or a box when the office opens the file. A 提示 per paragraph
//! lists them; the clerk may rephrase, or switch the DOCX fonts to 仿宋/楷体 (GBK) in 设置.

use super::location::{texts, Location};
use super::{codes, Finding, Severity};
use crate::model::Report;
use crate::text::is_wide;

/// Is `c` in GB2312 (GB/T 2312-1980: 682 symbols in rows 1–9, 6,763 hanzi in rows 16–87)?
///
/// Decided by its GBK code: GBK keeps GB2312 where it was (lead and trail bytes 0xA1–0xFE)
/// and adds its own characters around it (trail below 0xA1, leads 0x81–0xA0), plus a few slots
/// inside GB2312's symbol rows that GB2312 left empty (ⅰ–ⅹ in row 2, the vertical forms of
/// row 6, the pinyin letters ɑ ḿ ń ň ǹ ɡ of row 8). Rows 10–15 and 88–94 hold no characters.
pub fn in_gb2312(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(s);
    if unmappable || bytes.len() != 2 {
        return false;
    }
    let (lead, trail) = (bytes[0], bytes[1]);
    let code = u16::from_be_bytes([lead, trail]);
    let gb_row = (0xA1..=0xA9).contains(&lead) || (0xB0..=0xF7).contains(&lead);
    gb_row
        && trail >= 0xA1
        && trail != 0xFF
        && !(0xA2A1..=0xA2AA).contains(&code)
        && !(0xA6E0..=0xA6F5).contains(&code)
        && !(0xA8BB..=0xA8C0).contains(&code)
}

/// Characters the `_GB2312` fonts lack, in order of first appearance, without repeats.
pub fn outside_gb2312(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_wide(c) && !in_gb2312(c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Text set in a `_GB2312` font in the DOCX: not the title (方正小标宋简体) and not level-1
/// headings (黑体), whose fonts cover GBK.
fn in_gb2312_font(loc: &Location) -> bool {
    match loc {
        Location::Title => false,
        Location::Heading { path } => path.len() != 1,
        _ => true,
    }
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for (loc, text) in texts(report) {
        if !in_gb2312_font(&loc) {
            continue;
        }
        let rare = outside_gb2312(text);
        let Some(first) = rare.first() else {
            continue;
        };
        let list: String = rare
            .iter()
            .map(|c| format!("“{c}”"))
            .collect::<Vec<_>>()
            .join("、");
        let start = text.chars().position(|c| c == *first).unwrap_or(0);
        out.push(
            Finding::new(
                Severity::Info,
                codes::OUTSIDE_GB2312,
                loc.clone(),
                format!(
                    "{list}不在 GB2312 字符集内，对方电脑的仿宋_GB2312、楷体_GB2312 字体没有这些字，打开 Word 文件时可能显示为空白或方框。可改用常用字，或在“设置”中把 Word 字体改为“仿宋、楷体”。本程序导出的 PDF 不受影响。"
                ),
            )
            .span(text, start, start + 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_names_are_outside_gb2312_and_common_text_is_inside() {
        for c in ['堃', '玥', '赟', '镕', '〇', 'ⅰ', '嘚'] {
            assert!(!in_gb2312(c), "{c}");
        }
        for c in "双河镇人民政府，。、；：？！“”‘’（）《》——……·％①Ⅰ№℃齄".chars()
        {
            assert!(in_gb2312(c), "{c}");
        }
        assert_eq!(
            outside_gb2312("张堃、李玥和王赟，二〇二四年，张堃"),
            ['堃', '玥', '赟', '〇']
        );
        assert!(outside_gb2312("LED 2.6万 ×").is_empty());
    }
}
