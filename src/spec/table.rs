//! Table geometry shared by the typesetter (PDF) and the DOCX exporter: text size, cell
//! margins, the line pitch inside cells, border weight and how row heights round to the body
//! grid (docs/format.md, “Tables”). GB/T 9704-2012 leaves tables open (§8 only covers a table
//! set sideways); the numbers follow common practice for 公文 tables.

use super::{mm, twips, Spec};

/// The table layout of a [`Spec`]: one description both exporters read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableLayout {
    /// Size of cell text in a table of few columns, pt: 小四 (12 pt), two sizes below the
    /// 3号 body, the common size of statistics tables in 公文.
    pub size: f32,
    /// Size of cell text in a dense table ([`TableLayout::dense_columns`] or more grid
    /// columns), pt: 五号 (10.5 pt), the small end of common practice, so that the statutory
    /// table 三 of the disclosure report (10 columns) fits 156 mm without breaking every word.
    pub dense_size: f32,
    /// From this many grid columns on, a table is dense.
    pub dense_columns: usize,
    /// Line pitch inside a cell as a multiple of the text size (exact in the DOCX).
    pub line_factor: f32,
    /// Left and right cell margin, pt.
    pub pad_x: f32,
    /// Space kept above and below a cell's text at the least, pt.
    pub pad_y: f32,
    /// Border weight, pt (OOXML `w:sz` in eighths of a point: 4 = 0.5 pt).
    pub border: f32,
    /// Narrowest column, in characters of the cell text (plus the margins).
    pub min_column_chars: f32,
}

impl TableLayout {
    /// The text size for a table of `columns` grid columns, pt.
    pub fn text_size(&self, columns: usize) -> f32 {
        if columns >= self.dense_columns {
            self.dense_size
        } else {
            self.size
        }
    }

    /// Line pitch inside a cell for text of `size`, in twips (the DOCX writes it exactly; the
    /// PDF uses `twips / 20` pt so that both stack the same lines).
    pub fn line_twips(&self, size: f32) -> i32 {
        twips(size * self.line_factor)
    }

    /// Line pitch inside a cell for text of `size`, pt.
    pub fn line_pitch(&self, size: f32) -> f32 {
        self.line_twips(size) as f32 / 20.0
    }

    /// Border weight in OOXML eighths of a point (`w:sz`).
    pub fn border_eighths(&self) -> usize {
        (self.border * 8.0).round() as usize
    }
}

impl Spec {
    /// How tables are set ([`TableLayout`]). Every row is a whole number of body grid lines
    /// high (the DOCX writes that height, `w:trHeight`), so the body after a table stays on the
    /// grid and Word, WPS and LibreOffice break pages where the PDF does.
    pub fn table(&self) -> TableLayout {
        TableLayout {
            size: 12.0,
            dense_size: 10.5,
            dense_columns: 7,
            line_factor: 1.2,
            pad_x: mm(1.0),
            pad_y: 1.0,
            border: 0.5,
            min_column_chars: 2.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_lines_of_dense_text_fit_one_grid_line() {
        let s = Spec::official();
        let t = s.table();
        let lp = t.line_pitch(t.dense_size);
        assert!(2.0 * lp + 2.0 * t.pad_y <= s.grid.line_pitch, "{lp}");
        assert_eq!(t.text_size(10), 10.5);
        assert_eq!(t.text_size(4), 12.0);
        assert_eq!(t.border_eighths(), 4);
    }
}
