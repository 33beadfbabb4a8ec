//! Advance widths of Times New Roman, the official face for digits and Latin letters (and of
//! its metric twin Liberation Serif, which the PDF embeds where Times New Roman is missing).
//! The one table of Latin widths: the DOCX exporter estimates with it where Word will put
//! right-aligned or hanging text, and the typesetter uses it when no font file is at hand.

/// Widths of U+0020 … U+007E in thousandths of an em (Times-Roman metrics, checked against
/// Liberation Serif by this module's test).
const ASCII: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250,
    278, // ␠ … /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, // 0 … 9
    278, 278, 564, 564, 564, 444, 921, // : … @
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611, // A … Z
    333, 278, 333, 469, 500, 333, // [ … `
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444, // a … z
    480, 200, 480, 541, // { … ~
];

/// Advance width of `c` in Times New Roman, in em. Characters outside printable ASCII get
/// half an em, the width of a digit.
pub fn advance(c: char) -> f32 {
    let i = c as usize;
    match i.checked_sub(0x20).and_then(|k| ASCII.get(k)) {
        Some(&w) => w as f32 / 1000.0,
        None => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_liberation_serif() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/resources/fonts/LiberationSerif-Regular.ttf"
        );
        let data = std::fs::read(path).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let upem = face.units_per_em() as f32;
        for c in ' '..='~' {
            let g = face.glyph_index(c).unwrap();
            let real = face.glyph_hor_advance(g).unwrap() as f32 / upem;
            assert!(
                (real - advance(c)).abs() < 0.0015,
                "{c:?}: table {} font {real}",
                advance(c)
            );
        }
        assert_eq!(advance('中'), 0.5);
    }
}
