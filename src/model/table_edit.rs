//! Structural edits of a table — insert or remove a row or a column, merge cells, split a merged
//! cell — done on the resolved grid so that every result is again a valid table for
//! [`Table::grid`] (HTML-style spans: a cell spanning rows covers the positions below it and the
//! rows below leave those positions out).
//!
//! The app's table editor addresses a cell as the clerk sees it: row `row` (0-based, header rows
//! included) and `index`, the cell's position in `Table::rows[row]`. Typing in a cell is not an
//! edit here; the editor sets the text itself.

use super::table::{Cell, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One structural change of a table (JSON: `{"op": "insert_row", "at": 2}` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum TableEdit {
    /// A row of empty cells before row `at` (0-based; `at` = the number of rows appends). A
    /// merged cell that crosses the boundary grows by the new row instead of getting a new
    /// cell; a row inserted among the header rows is a header row.
    InsertRow {
        /// Rows above the new row.
        at: u32,
    },
    /// Removes row `row`; merged cells crossing it lose one row, cells only in it are gone.
    RemoveRow {
        /// 0-based row.
        row: u32,
    },
    /// A column of empty cells before (or, with `after`, after) the grid column(s) of cell
    /// `index` of row `row`; merged cells crossing the boundary widen. With column widths,
    /// the new column takes its neighbour's width and all are scaled to the old total.
    InsertColumn {
        /// 0-based row of the cell.
        row: u32,
        /// The cell's position in that row.
        index: u32,
        /// After the cell's last column instead of before its first.
        after: bool,
    },
    /// Removes the grid column where cell `index` of row `row` starts; merged cells crossing
    /// it narrow, cells only in it are gone.
    RemoveColumn {
        /// 0-based row of the cell.
        row: u32,
        /// The cell's position in that row.
        index: u32,
    },
    /// Merges the smallest rectangle of whole cells that holds both cells into one; the texts
    /// are kept, in reading order, one per line.
    Merge {
        /// 0-based row of one corner cell.
        row: u32,
        /// Its position in that row.
        index: u32,
        /// 0-based row of the other corner cell.
        to_row: u32,
        /// Its position in that row.
        to_index: u32,
    },
    /// Splits a merged cell back into single cells; the first keeps the text.
    Split {
        /// 0-based row of the merged cell.
        row: u32,
        /// Its position in that row.
        index: u32,
    },
}

/// The grid with the cell (owner) at every position; owners cover rectangles.
struct Owners {
    texts: Vec<String>,
    at: Vec<Vec<usize>>,
}

/// A cell's rectangle on the grid: first row, first column, rows, columns.
type Rect = (usize, usize, usize, usize);

impl Owners {
    fn of(t: &Table) -> Result<Owners, String> {
        let g = t.grid()?;
        let mut at = vec![vec![0; g.columns]; g.rows];
        for (k, p) in g.cells.iter().enumerate() {
            for row in &mut at[p.row..p.row + p.rowspan] {
                row[p.col..p.col + p.colspan].fill(k);
            }
        }
        Ok(Owners {
            texts: g.cells.into_iter().map(|p| p.text).collect(),
            at,
        })
    }

    fn columns(&self) -> usize {
        self.at.first().map_or(0, Vec::len)
    }

    fn fresh(&mut self) -> usize {
        self.texts.push(String::new());
        self.texts.len() - 1
    }

    /// The rectangle of owner `k` (its first position and extent).
    fn rect(&self, k: usize) -> Option<Rect> {
        let (mut r0, mut c0, mut r1, mut c1) = (usize::MAX, usize::MAX, 0, 0);
        for (r, row) in self.at.iter().enumerate() {
            for (c, &o) in row.iter().enumerate() {
                if o == k {
                    (r0, c0, r1, c1) = (r0.min(r), c0.min(c), r1.max(r), c1.max(c));
                }
            }
        }
        (r0 != usize::MAX).then_some((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    }

    /// The rows of HTML-style cells.
    fn rows(&self) -> Vec<Vec<Cell>> {
        let mut done = vec![false; self.texts.len()];
        let mut rows = vec![Vec::new(); self.at.len()];
        for (r, row) in self.at.iter().enumerate() {
            for (c, &k) in row.iter().enumerate() {
                if done[k] {
                    continue;
                }
                done[k] = true;
                let cs = row[c..].iter().take_while(|&&o| o == k).count();
                let rs = self.at[r..].iter().take_while(|x| x[c] == k).count();
                rows[r].push(Cell::span(&self.texts[k], cs as u32, rs as u32));
            }
        }
        rows
    }
}

impl Table {
    /// A `rows` × `columns` table of empty cells, no header row, no title, automatic widths.
    pub fn blank(rows: usize, columns: usize) -> Table {
        Table {
            title: None,
            header_rows: 0,
            rows: vec![vec![Cell::new(""); columns.max(1)]; rows.max(1)],
            widths: None,
        }
    }

    /// The table after `edit`.
    ///
    /// Errors (Chinese, for the clerk): the table is not valid to begin with (see
    /// [`Table::grid`]), a cell or row does not exist, the last row or column would go, a merge
    /// covers one cell only, a split is asked of a cell that is not merged, or the result
    /// exceeds [`super::MAX_TABLE_ROWS`] / [`super::MAX_TABLE_COLUMNS`].
    pub fn edited(&self, edit: TableEdit) -> Result<Table, String> {
        let mut o = Owners::of(self)?;
        let mut out = self.clone();
        let n = o.at.len();
        let cell = |o: &Owners, row: u32, index: u32| -> Result<Rect, String> {
            let (row, index) = (row as usize, index as usize);
            let mut seen = 0;
            for (c, &k) in o.at.get(row).into_iter().flatten().enumerate() {
                let rect = o.rect(k).expect("an owner on the grid has a rectangle");
                if rect.0 == row && rect.1 == c {
                    if seen == index {
                        return Ok(rect);
                    }
                    seen += 1;
                }
            }
            Err(format!("表格第 {} 行没有第 {} 格", row + 1, index + 1))
        };
        match edit {
            TableEdit::InsertRow { at } => {
                let at = (at as usize).min(n);
                let new: Vec<usize> = (0..o.columns())
                    .map(|c| {
                        if at > 0 && at < n && o.at[at - 1][c] == o.at[at][c] {
                            o.at[at][c]
                        } else {
                            o.fresh()
                        }
                    })
                    .collect();
                o.at.insert(at, new);
                if at < out.header_rows as usize {
                    out.header_rows += 1;
                }
            }
            TableEdit::RemoveRow { row } => {
                let row = row as usize;
                if row >= n {
                    return Err(format!("表格没有第 {} 行", row + 1));
                }
                if n == 1 {
                    return Err("表格至少要有一行；不要这个表格，请用“删除表格”".into());
                }
                o.at.remove(row);
                if row < out.header_rows as usize {
                    out.header_rows -= 1;
                }
            }
            TableEdit::InsertColumn { row, index, after } => {
                let (_, c0, _, cs) = cell(&o, row, index)?;
                let at = if after { c0 + cs } else { c0 };
                let cols = o.columns();
                for r in 0..n {
                    let k = if at > 0 && at < cols && o.at[r][at - 1] == o.at[r][at] {
                        o.at[r][at]
                    } else {
                        o.fresh()
                    };
                    o.at[r].insert(at, k);
                }
                if let Some(w) = &mut out.widths {
                    let total: f32 = w.iter().sum();
                    let like = w[at.min(w.len() - 1)];
                    w.insert(at, like);
                    rescale(w, total);
                }
            }
            TableEdit::RemoveColumn { row, index } => {
                let (_, c0, _, _) = cell(&o, row, index)?;
                if o.columns() == 1 {
                    return Err("表格至少要有一列；不要这个表格，请用“删除表格”".into());
                }
                for r in &mut o.at {
                    r.remove(c0);
                }
                if let Some(w) = &mut out.widths {
                    let total: f32 = w.iter().sum();
                    w.remove(c0);
                    rescale(w, total);
                }
            }
            TableEdit::Merge {
                row,
                index,
                to_row,
                to_index,
            } => {
                let a = cell(&o, row, index)?;
                let b = cell(&o, to_row, to_index)?;
                // The bounding rectangle, grown until no cell sticks out of it.
                let (mut r0, mut c0) = (a.0.min(b.0), a.1.min(b.1));
                let (mut r1, mut c1) = ((a.0 + a.2).max(b.0 + b.2), (a.1 + a.3).max(b.1 + b.3));
                loop {
                    // One pass over the current rectangle; the grown bounds apply next pass.
                    let (mut g0, mut h0, mut g1, mut h1) = (r0, c0, r1, c1);
                    for r in r0..r1 {
                        for c in c0..c1 {
                            let (kr, kc, rs, cs) = o.rect(o.at[r][c]).expect("owner");
                            (g0, h0) = (g0.min(kr), h0.min(kc));
                            (g1, h1) = (g1.max(kr + rs), h1.max(kc + cs));
                        }
                    }
                    if (g0, h0, g1, h1) == (r0, c0, r1, c1) {
                        break;
                    }
                    (r0, c0, r1, c1) = (g0, h0, g1, h1);
                }
                let mut owners: Vec<usize> = Vec::new();
                for r in r0..r1 {
                    for c in c0..c1 {
                        if !owners.contains(&o.at[r][c]) {
                            owners.push(o.at[r][c]);
                        }
                    }
                }
                if owners.len() < 2 {
                    return Err("只选中了一格，请按住 Shift 再点另一格，选出要合并的范围".into());
                }
                let text: Vec<&str> = owners
                    .iter()
                    .map(|&k| o.texts[k].trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                let keep = owners[0];
                o.texts[keep] = text.join("\n");
                for r in r0..r1 {
                    o.at[r][c0..c1].fill(keep);
                }
            }
            TableEdit::Split { row, index } => {
                let (r0, c0, rs, cs) = cell(&o, row, index)?;
                if rs == 1 && cs == 1 {
                    return Err("这一格没有合并，不用拆分".into());
                }
                for r in r0..r0 + rs {
                    for c in c0..c0 + cs {
                        if (r, c) != (r0, c0) {
                            o.at[r][c] = o.fresh();
                        }
                    }
                }
            }
        }
        out.rows = o.rows();
        out.grid()?;
        Ok(out)
    }
}

/// Scales `widths` so that they add up to `total` (mm).
fn rescale(widths: &mut [f32], total: f32) {
    let sum: f32 = widths.iter().sum();
    if sum > 0.0 {
        widths.iter_mut().for_each(|w| *w *= total / sum);
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::spanned_example as spanned;
    use super::*;

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text().to_string()).collect())
            .collect()
    }

    #[test]
    fn a_row_inserted_under_a_tall_cell_makes_it_taller() {
        let t = spanned().edited(TableEdit::InsertRow { at: 1 }).unwrap();
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0][0], Cell::span("项目", 1, 3));
        // The new row has cells only where nothing spans into it.
        assert_eq!(texts(&t)[1], vec!["", ""]);
        assert_eq!(t.header_rows, 3);
        let g = t.grid().unwrap();
        assert_eq!((g.rows, g.columns), (4, 3));
        // At the end: a row of three empty cells, the header untouched.
        let t = spanned().edited(TableEdit::InsertRow { at: 3 }).unwrap();
        assert_eq!(texts(&t)[3], vec!["", "", ""]);
        assert_eq!(t.header_rows, 2);
    }

    #[test]
    fn removing_a_row_shortens_the_cells_that_cross_it() {
        let t = spanned().edited(TableEdit::RemoveRow { row: 1 }).unwrap();
        assert_eq!(
            t.rows,
            vec![
                vec![Cell::new("项目"), Cell::span("申请人", 2, 1)],
                vec!["一".into(), "1".into(), "2".into()],
            ]
        );
        assert_eq!(t.header_rows, 1);
        let one = Table::blank(1, 2);
        assert!(one
            .edited(TableEdit::RemoveRow { row: 0 })
            .unwrap_err()
            .contains("至少"));
    }

    #[test]
    fn columns_are_inserted_and_removed_on_the_grid_and_widths_follow() {
        // After 自然人 (row 1, cell 0, grid column 1): 申请人 widens to 3 columns.
        let t = spanned()
            .edited(TableEdit::InsertColumn {
                row: 1,
                index: 0,
                after: true,
            })
            .unwrap();
        assert_eq!(t.rows[0][1], Cell::span("申请人", 3, 1));
        assert_eq!(texts(&t)[2], vec!["一", "1", "", "2"]);
        let w = t.widths.clone().unwrap();
        assert_eq!(w.len(), 4);
        assert!((w.iter().sum::<f32>() - 156.0).abs() < 0.01, "{w:?}");
        // Removing the column of 项目 (row 0 cell 0) leaves the 申请人 part.
        let t = spanned()
            .edited(TableEdit::RemoveColumn { row: 0, index: 0 })
            .unwrap();
        assert_eq!(
            texts(&t),
            vec![vec!["申请人"], vec!["自然人", "法人"], vec!["1", "2"]]
        );
        assert_eq!(t.grid().unwrap().columns, 2);
    }

    #[test]
    fn merge_takes_the_whole_cells_it_touches_and_split_undoes_it() {
        // 自然人 (1,0) with 1 (2,1): a 2×1 block; then 法人 with 2 → both halves.
        let t = spanned()
            .edited(TableEdit::Merge {
                row: 1,
                index: 0,
                to_row: 2,
                to_index: 2,
            })
            .unwrap();
        assert_eq!(t.rows[1], vec![Cell::span("自然人\n法人\n1\n2", 2, 2)]);
        assert!(t.rows[2] == vec![Cell::new("一")]);
        // 一 (2,0) with 项目 above it: 项目 spans rows 0–1, so the block is rows 0–2 of column 0.
        let t = spanned()
            .edited(TableEdit::Merge {
                row: 2,
                index: 0,
                to_row: 0,
                to_index: 0,
            })
            .unwrap();
        assert_eq!(t.rows[0][0], Cell::span("项目\n一", 1, 3));
        t.grid().unwrap();
        // Merging 1 with 申请人 must take 自然人/法人 too (申请人 is two wide).
        let t = spanned()
            .edited(TableEdit::Merge {
                row: 2,
                index: 1,
                to_row: 0,
                to_index: 1,
            })
            .unwrap();
        assert_eq!(t.rows[0][1].colspan(), 2);
        assert_eq!(t.rows[0][1].rowspan(), 3);
        let back = t.edited(TableEdit::Split { row: 0, index: 1 }).unwrap();
        let g = back.grid().unwrap();
        // 项目 and 一 in column 0, six single cells where the merged one was.
        assert_eq!(g.cells.len(), 2 + 6);
        assert_eq!(
            g.starting_at(0, 1).unwrap().text,
            "申请人\n自然人\n法人\n1\n2"
        );
        assert!(spanned()
            .edited(TableEdit::Split { row: 2, index: 0 })
            .unwrap_err()
            .contains("没有合并"));
        assert!(spanned()
            .edited(TableEdit::Merge {
                row: 2,
                index: 0,
                to_row: 2,
                to_index: 0
            })
            .is_err());
    }

    #[test]
    fn a_cell_that_does_not_exist_is_named() {
        let e = spanned()
            .edited(TableEdit::Split { row: 1, index: 5 })
            .unwrap_err();
        assert!(e.contains("第 2 行没有第 6 格"), "{e}");
    }

    #[test]
    fn the_edit_crosses_as_tagged_json() {
        let e: TableEdit =
            serde_json::from_str(r#"{"op":"insert_column","row":0,"index":1,"after":true}"#)
                .unwrap();
        assert_eq!(
            e,
            TableEdit::InsertColumn {
                row: 0,
                index: 1,
                after: true
            }
        );
    }
}
