//! Body items: a section's (or an attachment's) body is a list of paragraphs and tables.
//!
//! JSON exchange: an item of `paragraphs` is a string (a paragraph) or
//! `{"table": {"title": "…" | null, "header_rows": N, "rows": [[cell, …], …], "widths": [mm, …] | null}}`,
//! a cell being a string or `{"text": "…", "colspan": n, "rowspan": n}`. Merged cells follow
//! HTML: a cell spanning rows covers the positions below it, and the rows below leave those
//! positions out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Most rows and columns a table may have (a 10 MB paste cut into cells must not make a
/// table the typesetter cannot lay out in reasonable time).
pub const MAX_TABLE_ROWS: usize = 2000;
/// Most columns (grid columns after spans are resolved) a table may have.
pub const MAX_TABLE_COLUMNS: usize = 40;

/// One item of a body: a paragraph (a string, without its first-line indent) or a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Item {
    /// A paragraph, without its first-line indent.
    Text(String),
    /// A table, written `{"table": {…}}` in JSON.
    Table {
        /// The table.
        table: Table,
    },
}

impl Item {
    /// The paragraph's text; `None` for a table.
    pub fn text(&self) -> Option<&str> {
        match self {
            Item::Text(t) => Some(t),
            Item::Table { .. } => None,
        }
    }

    /// The table; `None` for a paragraph.
    pub fn table(&self) -> Option<&Table> {
        match self {
            Item::Table { table } => Some(table),
            Item::Text(_) => None,
        }
    }

    /// The table, mutably; `None` for a paragraph.
    pub fn table_mut(&mut self) -> Option<&mut Table> {
        match self {
            Item::Table { table } => Some(table),
            Item::Text(_) => None,
        }
    }

    /// Whether the item prints nothing: a blank paragraph (tables always print).
    pub fn is_blank(&self) -> bool {
        matches!(self, Item::Text(t) if t.trim().is_empty())
    }

    /// The item as plain text: the paragraph, or a table's title and cells (cells of a row
    /// joined by a tab, rows by a line break) — what search, word counts and plain-text
    /// copies see.
    pub fn plain(&self) -> String {
        match self {
            Item::Text(t) => t.clone(),
            Item::Table { table } => table.plain(),
        }
    }
}

impl From<&str> for Item {
    fn from(t: &str) -> Item {
        Item::Text(t.to_string())
    }
}

impl From<String> for Item {
    fn from(t: String) -> Item {
        Item::Text(t)
    }
}

impl From<Table> for Item {
    fn from(table: Table) -> Item {
        Item::Table { table }
    }
}

impl PartialEq<&str> for Item {
    fn eq(&self, other: &&str) -> bool {
        self.text() == Some(*other)
    }
}

impl PartialEq<str> for Item {
    fn eq(&self, other: &str) -> bool {
        self.text() == Some(other)
    }
}

/// The paragraphs of `items` (tables left out), in order.
pub fn texts(items: &[Item]) -> impl Iterator<Item = &str> {
    items.iter().filter_map(Item::text)
}

/// A table: an optional title (printed centred above it), header rows (repeated on every page
/// the table spans), rows of cells, and column widths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Table {
    /// The title above the table (`表1　…`), or `null`.
    #[serde(default)]
    pub title: Option<String>,
    /// How many of the first rows are header rows (repeated on every page; OOXML
    /// `w:tblHeader`).
    #[serde(default)]
    pub header_rows: u32,
    /// The rows, each a list of the cells that start in it (HTML-style spans).
    #[serde(default)]
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in mm, one per grid column; `null` lets the typesetter share the text
    /// block's 156 mm by content.
    #[serde(default)]
    pub widths: Option<Vec<f32>>,
}

/// One cell: a string, or `{"text", "colspan", "rowspan"}` when it spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Cell {
    /// A cell one column wide and one row high.
    Text(String),
    /// A cell that may span columns and rows.
    Span {
        /// The cell's text (a line break starts a new paragraph in the cell).
        #[serde(default)]
        text: String,
        /// Grid columns covered, ≥ 1.
        #[serde(default = "one")]
        colspan: u32,
        /// Rows covered, ≥ 1.
        #[serde(default = "one")]
        rowspan: u32,
    },
}

fn one() -> u32 {
    1
}

impl Cell {
    /// A plain cell holding `text`.
    pub fn new(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }

    /// A cell holding `text` that covers `colspan` columns and `rowspan` rows (1 × 1 gives a
    /// plain cell).
    pub fn span(text: &str, colspan: u32, rowspan: u32) -> Cell {
        if colspan <= 1 && rowspan <= 1 {
            Cell::new(text)
        } else {
            Cell::Span {
                text: text.to_string(),
                colspan: colspan.max(1),
                rowspan: rowspan.max(1),
            }
        }
    }

    /// The cell's text.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) | Cell::Span { text: t, .. } => t,
        }
    }

    /// Replaces the cell's text, keeping its spans.
    pub fn set_text(&mut self, new: &str) {
        match self {
            Cell::Text(t) | Cell::Span { text: t, .. } => *t = new.to_string(),
        }
    }

    /// Grid columns covered (≥ 1).
    pub fn colspan(&self) -> u32 {
        match self {
            Cell::Text(_) => 1,
            Cell::Span { colspan, .. } => (*colspan).max(1),
        }
    }

    /// Rows covered (≥ 1).
    pub fn rowspan(&self) -> u32 {
        match self {
            Cell::Text(_) => 1,
            Cell::Span { rowspan, .. } => (*rowspan).max(1),
        }
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Cell {
        Cell::new(t)
    }
}

/// A cell placed on the table's grid (see [`Table::grid`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// First row (0-based, header rows included).
    pub row: usize,
    /// First grid column (0-based).
    pub col: usize,
    /// Rows covered (≥ 1).
    pub rowspan: usize,
    /// Grid columns covered (≥ 1).
    pub colspan: usize,
    /// Index of the cell in `rows[row]`.
    pub index: usize,
    /// The cell's text.
    pub text: String,
}

/// A table's cells resolved onto a rectangular grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Grid columns.
    pub columns: usize,
    /// Rows (the length of `Table::rows`).
    pub rows: usize,
    /// Every cell, row by row, left to right.
    pub cells: Vec<Placed>,
}

impl Grid {
    /// The cell covering grid position (`row`, `col`), if any.
    pub fn at(&self, row: usize, col: usize) -> Option<&Placed> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }

    /// The cell that starts at (`row`, `col`), if one does.
    pub fn starting_at(&self, row: usize, col: usize) -> Option<&Placed> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }
}

impl Table {
    /// A table of plain cells from `rows` (each a list of cell texts), with `header_rows`
    /// header rows, no title and automatic widths.
    pub fn from_rows(header_rows: u32, rows: &[&[&str]]) -> Table {
        Table {
            title: None,
            header_rows,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| Cell::new(t)).collect())
                .collect(),
            widths: None,
        }
    }

    /// Places every cell on the grid (HTML rules: a cell takes the first position of its row
    /// not covered by a cell spanning from above).
    ///
    /// Returns a Chinese message naming the row when the table is empty, a row does not fill
    /// the grid's width, a span runs past the last row, cells overlap, there are more than
    /// [`MAX_TABLE_ROWS`] rows or [`MAX_TABLE_COLUMNS`] columns, `header_rows` exceeds the
    /// rows, or `widths` has the wrong length or a width that is not positive.
    pub fn grid(&self) -> Result<Grid, String> {
        if self.rows.is_empty() {
            return Err("表格没有行".into());
        }
        if self.rows.len() > MAX_TABLE_ROWS {
            return Err(format!(
                "表格有 {} 行，最多 {MAX_TABLE_ROWS} 行",
                self.rows.len()
            ));
        }
        let n = self.rows.len();
        // covered[r] = grid columns of row r already taken by spans from rows above.
        let mut covered: Vec<Vec<bool>> = vec![Vec::new(); n];
        let mut cells = Vec::new();
        let mut columns: Option<usize> = None;
        for (r, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (i, cell) in row.iter().enumerate() {
                while covered[r].get(col).copied().unwrap_or(false) {
                    col += 1;
                }
                let (cs, rs) = (cell.colspan() as usize, cell.rowspan() as usize);
                if r + rs > n {
                    return Err(format!(
                        "表格第 {} 行第 {} 格跨 {rs} 行，超出表格末行",
                        r + 1,
                        i + 1
                    ));
                }
                if col + cs > MAX_TABLE_COLUMNS {
                    return Err(format!("表格最多 {MAX_TABLE_COLUMNS} 列"));
                }
                for cov in &mut covered[r..r + rs] {
                    if cov.len() < col + cs {
                        cov.resize(col + cs, false);
                    }
                    for c in &mut cov[col..col + cs] {
                        if *c {
                            return Err(format!(
                                "表格第 {} 行第 {} 格与上方的合并单元格重叠",
                                r + 1,
                                i + 1
                            ));
                        }
                        *c = true;
                    }
                }
                cells.push(Placed {
                    row: r,
                    col,
                    rowspan: rs,
                    colspan: cs,
                    index: i,
                    text: cell.text().to_string(),
                });
                col += cs;
            }
            let width = covered[r].len();
            if covered[r].iter().any(|c| !c) || width == 0 {
                return Err(format!("表格第 {} 行有空缺的格", r + 1));
            }
            match columns {
                None => columns = Some(width),
                Some(w) if w != width => {
                    return Err(format!(
                        "表格第 {} 行占 {width} 列，第 1 行占 {w} 列",
                        r + 1
                    ))
                }
                _ => {}
            }
        }
        let columns = columns.unwrap_or(0);
        if self.header_rows as usize > n {
            return Err(format!(
                "表格标题行数 {} 多于表格的 {n} 行",
                self.header_rows
            ));
        }
        if let Some(w) = &self.widths {
            if w.len() != columns {
                return Err(format!("表格有 {columns} 列，却给了 {} 个列宽", w.len()));
            }
            if w.iter().any(|x| !x.is_finite() || *x <= 0.0) {
                return Err("表格列宽须为正数（毫米）".into());
            }
        }
        Ok(Grid {
            columns,
            rows: n,
            cells,
        })
    }

    /// Title and cells as plain text: cells of a row joined by a tab, rows by a line break.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        if let Some(t) = &self.title {
            s.push_str(t);
            s.push('\n');
        }
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect::<Vec<_>>().join("\t"))
            .collect();
        s.push_str(&rows.join("\n"));
        s
    }
}

/// Row 0: 项目 (2 rows high), 申请人 (2 columns wide); row 1: 自然人, 法人; row 2: 一, 1, 2.
/// The spanned table the model's tests share.
#[cfg(test)]
pub(crate) fn spanned_example() -> Table {
    Table {
        title: None,
        header_rows: 2,
        rows: vec![
            vec![Cell::span("项目", 1, 2), Cell::span("申请人", 2, 1)],
            vec!["自然人".into(), "法人".into()],
            vec!["一".into(), "1".into(), "2".into()],
        ],
        widths: Some(vec![60.0, 48.0, 48.0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_items_are_strings_or_tables_and_cells_strings_or_spans() {
        let items: Vec<Item> = serde_json::from_str(
            r#"["一段。", {"table": {"title": null, "header_rows": 1,
                "rows": [[{"text": "甲", "colspan": 2}, "乙"], ["1", "2", "3"]], "widths": null}}]"#,
        )
        .unwrap();
        assert_eq!(items[0], "一段。");
        let t = items[1].table().unwrap();
        assert_eq!(t.rows[0][0].colspan(), 2);
        assert_eq!(t.rows[0][1].text(), "乙");
        let back = serde_json::to_string(&items).unwrap();
        assert!(back.starts_with(r#"["一段。",{"table":{"#), "{back}");
        let again: Vec<Item> = serde_json::from_str(&back).unwrap();
        assert_eq!(again, items);
    }

    #[test]
    fn grid_resolves_row_and_column_spans() {
        let g = spanned_example().grid().unwrap();
        assert_eq!((g.columns, g.rows), (3, 3));
        assert_eq!(g.at(1, 0).unwrap().text, "项目");
        assert_eq!(g.starting_at(1, 1).unwrap().text, "自然人");
        assert_eq!(g.at(2, 2).unwrap().text, "2");
    }

    #[test]
    fn grid_names_the_faulty_row() {
        let t = Table::from_rows(0, &[&["a", "b"], &["c"]]);
        assert!(t.grid().unwrap_err().contains("第 2 行"));
        let t = Table {
            rows: vec![vec![Cell::span("a", 1, 3)], vec!["b".into()]],
            ..Table::from_rows(0, &[])
        };
        assert!(t.grid().unwrap_err().contains("超出"));
        let mut t = Table::from_rows(0, &[&["a", "b"]]);
        t.widths = Some(vec![30.0]);
        assert!(t.grid().unwrap_err().contains("列宽"));
        assert!(Table::from_rows(0, &[]).grid().is_err());
    }
}
