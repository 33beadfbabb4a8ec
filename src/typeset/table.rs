//! Tables on the page (docs/format.md, “Tables”): columns fitted to the 156 mm text block,
//! cell text in the body's 仿宋 at the size of [`crate::spec::table::TableLayout`], broken by
//! the same line-breaking code as the body (避头尾, squeezed punctuation), numbers set flush
//! right, header rows centred, merged cells from [`Table::grid`], an optional title centred
//! above, borders as [`Rule`]s inside the text block.
//!
//! Every row is a whole number of body grid lines high, so the table is a run of grid lines
//! ([`LineKind::TableCell`]) that pagination places like any other line, and the body after
//! the table goes on on the grid. Each of those lines carries the runs and border segments
//! that fall in its band, positioned relative to the band's top; pagination keeps a row (or
//! rows joined by a merged cell) together and repeats the header rows on every page the table
//! spans ([`TableRows`]).

use super::breaking::{self, Measure, Style};
use super::{centred_chunk, Chunk, Ctx, Line, LineKind, Rule, Run};
use crate::model::{Grid, Placed, Table};
use crate::spec::Role;

/// How a table's lines group for pagination: `title` lines (the table's title), then
/// `header` lines (the header rows, repeated at the top of every later page), then `units`
/// (grid lines of each row, or of rows joined by a merged cell, never split unless taller
/// than a page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRows {
    pub title: usize,
    pub header: usize,
    pub units: Vec<usize>,
}

/// Horizontal alignment of a cell's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAlign {
    /// Labels: flush left.
    Left,
    /// Header rows: centred.
    Centre,
    /// Numbers (digits with `.`, `,`, `%`, a sign): flush right.
    Right,
}

/// A cell text that is a number: digits, optionally with a decimal point, thousands
/// separators, a sign or a percent sign.
pub fn is_number(text: &str) -> bool {
    let t = text.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '+' | '％'))
}

/// Alignment of cell `p` of a table with `header_rows` header rows: numbers right, header
/// rows centred, other text left.
pub fn cell_align(header_rows: u32, p: &Placed) -> CellAlign {
    if is_number(&p.text) {
        CellAlign::Right
    } else if p.row < header_rows as usize {
        CellAlign::Centre
    } else {
        CellAlign::Left
    }
}

/// Whether cell `p` of a table with `header_rows` header rows sets its text from the top of
/// the cell rather than centred: a body cell merged over several rows (a group label such as
/// `三、本年度办理结果` over 22 rows). Centred, such a label lands wherever the middle of its
/// rows falls and is lost from the page where the group begins when a page break splits the
/// rows; from the top it always stands where the group begins. Both exporters follow this
/// (DOCX `w:vAlign w:val="top"`).
pub fn cell_from_top(header_rows: u32, p: &Placed) -> bool {
    p.rowspan > 1 && p.row >= header_rows as usize
}

/// The geometry both exporters share: column widths and row heights.
#[derive(Debug, Clone, PartialEq)]
pub struct TableGeometry {
    /// The resolved grid (spans placed).
    pub grid: Grid,
    /// Width of each grid column, pt; they add up to at most the text block's width.
    pub widths: Vec<f32>,
    /// Height of each row in body grid lines (≥ 1).
    pub row_lines: Vec<u32>,
    /// Cell text size, pt.
    pub size: f32,
}

impl TableGeometry {
    /// Total width, pt.
    pub fn width(&self) -> f32 {
        self.widths.iter().sum()
    }
}

struct CellText {
    lines: Vec<Line>,
}

fn style(size: f32) -> Style {
    Style {
        role: Role::Body,
        size,
        bold: false,
        cell: size,
    }
}

/// Breaks `text` into lines of `width` pt starting at `x`, with the body's rules, no slack.
fn break_cell(cx: &Ctx, text: &str, size: f32, x: f32, width: f32) -> Vec<Line> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let items = breaking::items(&[(text.trim(), style(size))], cx.metrics);
    let allowed = breaking::opportunities(&items);
    let m = Measure { x, width };
    // Cell lines are not justified (the DOCX aligns them left, centre or right).
    breaking::break_lines(&items, &allowed, &|_| m, 0.0)
        .into_iter()
        .map(|r| {
            cx.line(
                LineKind::TableCell,
                breaking::set_line(&items[r], m, true, 0.0),
            )
        })
        .collect()
}

/// Natural width of `text` on one line, and its widest unbreakable piece, pt.
fn natural(cx: &Ctx, text: &str, size: f32) -> (f32, f32) {
    let items = breaking::items(&[(text.trim(), style(size))], cx.metrics);
    let allowed = breaking::opportunities(&items);
    let total: f32 = items.iter().map(|i| i.width).sum();
    let (mut widest, mut run) = (0.0f32, 0.0f32);
    for (i, it) in items.iter().enumerate() {
        if allowed.get(i).copied().unwrap_or(false) {
            run = 0.0;
        }
        run += it.width;
        widest = widest.max(run);
    }
    (total, widest)
}

/// Column widths in pt: the table's own (mm) when it gives one per column, scaled down to the
/// block if wider; otherwise shared by content — every column gets its minimum (two characters
/// or its widest number, plus the margins) and the rest of the 156 mm goes to the columns in
/// proportion to how much more their text wants.
fn widths(cx: &Ctx, table: &Table, grid: &Grid, size: f32) -> Vec<f32> {
    let block = cx.width();
    let t = cx.spec.table();
    let n = grid.columns.max(1);
    if let Some(w) = table.widths.as_ref() {
        if w.len() == n && w.iter().all(|v| v.is_finite() && *v > 0.0) {
            let pt: Vec<f32> = w.iter().map(|v| crate::spec::mm(*v)).collect();
            let sum: f32 = pt.iter().sum();
            let k = if sum > block { block / sum } else { 1.0 };
            return pt.into_iter().map(|v| v * k).collect();
        }
    }
    // Margins and a border's weight: LibreOffice takes the border off the text's width too.
    let pad = 2.0 * t.pad_x + t.border;
    let mut min = vec![t.min_column_chars * size + pad; n];
    let mut want = min.clone();
    for p in grid.cells.iter().filter(|p| p.colspan == 1 && p.col < n) {
        let (total, widest) = natural(cx, &p.text, size);
        min[p.col] = min[p.col].max((widest + pad).min(block / 3.0));
        want[p.col] = want[p.col].max((total + pad).min(block / 2.0));
    }
    for c in 0..n {
        want[c] = want[c].max(min[c]);
    }
    let sum_min: f32 = min.iter().sum();
    let sum_want: f32 = want.iter().sum();
    if sum_min >= block {
        return min.iter().map(|v| v * block / sum_min).collect();
    }
    if sum_want <= block {
        return want.iter().map(|v| v * block / sum_want).collect();
    }
    let extra = block - sum_min;
    let more = sum_want - sum_min;
    min.iter()
        .zip(&want)
        .map(|(m, w)| m + extra * (w - m) / more)
        .collect()
}

/// Columns and rows of `table` as set on the page with `metrics` (the DOCX exporter writes
/// these widths and heights). `Err` with a Chinese message when the spans do not fit.
pub fn table_geometry(
    table: &Table,
    spec: &crate::spec::Spec,
    metrics: &dyn super::Metrics,
) -> Result<TableGeometry, String> {
    let cx = Ctx { spec, metrics };
    Ok(layout(&cx, table)?.0)
}

fn layout(cx: &Ctx, table: &Table) -> Result<(TableGeometry, Vec<(Placed, CellText)>), String> {
    let grid = table.grid()?;
    let t = cx.spec.table();
    let size = t.text_size(grid.columns);
    let lp = t.line_pitch(size);
    let pitch = cx.spec.grid.line_pitch;
    let widths = widths(cx, table, &grid, size);
    let total: f32 = widths.iter().sum();
    let left = cx.left() + ((cx.width() - total) / 2.0).max(0.0);
    let x_at = |c: usize| left + widths[..c.min(widths.len())].iter().sum::<f32>();
    let mut cells = Vec::new();
    for p in &grid.cells {
        let x0 = x_at(p.col);
        let x1 = x_at(p.col + p.colspan);
        let inner = (x1 - x0 - 2.0 * t.pad_x - t.border).max(size);
        let mut lines = break_cell(cx, &p.text, size, x0 + t.pad_x, inner);
        let align = cell_align(table.header_rows, p);
        for l in &mut lines {
            let room = inner - (l.right - l.left);
            let dx = match align {
                CellAlign::Left => 0.0,
                CellAlign::Centre => room / 2.0,
                CellAlign::Right => room,
            };
            if dx > 0.01 {
                for r in &mut l.runs {
                    r.x += dx;
                    r.xs.iter_mut().for_each(|x| *x += dx);
                }
                l.left += dx;
                l.right += dx;
            }
        }
        cells.push((p.clone(), CellText { lines }));
    }
    // Row heights: whole grid lines holding each cell's lines and its margins.
    let need = |n: usize| -> u32 {
        (((n as f32 * lp + 2.0 * t.pad_y) / pitch) - 1e-3)
            .ceil()
            .max(1.0) as u32
    };
    let mut rows = vec![1u32; grid.rows];
    for (p, c) in cells.iter().filter(|(p, _)| p.rowspan == 1) {
        rows[p.row] = rows[p.row].max(need(c.lines.len()));
    }
    let mut spanning: Vec<&(Placed, CellText)> =
        cells.iter().filter(|(p, _)| p.rowspan > 1).collect();
    spanning.sort_by_key(|(p, _)| p.row + p.rowspan);
    for (p, c) in spanning {
        let end = (p.row + p.rowspan).min(grid.rows);
        let have: u32 = rows[p.row..end].iter().sum();
        let want = need(c.lines.len());
        if want > have && end > p.row {
            rows[end - 1] += want - have;
        }
    }
    Ok((
        TableGeometry {
            grid,
            widths,
            row_lines: rows,
            size,
        },
        cells,
    ))
}

/// The table as one chunk: its title's lines, then one [`LineKind::TableCell`] line per grid
/// line of its rows; with [`TableRows`] for pagination. A table whose spans do not fit is set
/// as a paragraph naming the problem.
pub(super) fn chunk(cx: &Ctx, table: &Table) -> Chunk {
    let (geo, cells) = match layout(cx, table) {
        Ok(v) => v,
        Err(e) => {
            let lines = cx.indented(
                LineKind::Paragraph,
                &[(&format!("（表格无法排版：{e}）"), cx.style(Role::Body))],
            );
            return Chunk::para(lines);
        }
    };
    let spec = cx.spec;
    let t = spec.table();
    let pitch = spec.grid.line_pitch;
    let lp = t.line_pitch(geo.size);
    let grid = &geo.grid;
    let left = cx.left() + ((cx.width() - geo.width()) / 2.0).max(0.0);
    let x_at = |c: usize| left + geo.widths[..c.min(geo.widths.len())].iter().sum::<f32>();
    // First grid line of every row, and one past the last.
    let mut first = vec![0usize];
    for n in &geo.row_lines {
        first.push(first.last().copied().unwrap_or(0) + *n as usize);
    }
    let count = *first.last().unwrap_or(&0);
    let blank = cx.blank().lines.remove(0);
    let mut lines: Vec<Line> = (0..count)
        .map(|_| Line {
            kind: LineKind::TableCell,
            left,
            right: left + geo.width(),
            ..blank.clone()
        })
        .collect();
    let ascent = spec.em_ascent * geo.size;
    for (p, c) in &cells {
        let end = (p.row + p.rowspan).min(grid.rows);
        let top = first[p.row] as f32 * pitch;
        let height = (first[end] - first[p.row]) as f32 * pitch;
        let text_top = if cell_from_top(table.header_rows, p) {
            // Centred in the cell's first grid line (or from its top when it needs more).
            top + ((pitch - c.lines.len() as f32 * lp) / 2.0).max(0.0)
        } else {
            top + (height - c.lines.len() as f32 * lp) / 2.0
        };
        for (i, l) in c.lines.iter().enumerate() {
            let baseline = text_top + i as f32 * lp + (lp - geo.size) / 2.0 + ascent;
            let j = (((baseline - ascent) / pitch).floor().max(0.0) as usize)
                .min(count.saturating_sub(1));
            let y = baseline - j as f32 * pitch;
            for r in &l.runs {
                lines[j].runs.push(Run { y, ..r.clone() });
            }
        }
        // Top and bottom edges.
        let (x0, x1) = (x_at(p.col), x_at(p.col + p.colspan));
        lines[first[p.row]]
            .rules
            .push(Rule::horizontal(x0, x1, 0.0, t.border, false));
        lines[first[end] - 1]
            .rules
            .push(Rule::horizontal(x0, x1, pitch, t.border, false));
    }
    // Vertical edges, line by line: the outer edges and wherever two cells meet.
    for r in 0..grid.rows {
        let mut xs = vec![x_at(0), x_at(grid.columns)];
        for c in 1..grid.columns {
            let a = grid.at(r, c - 1).map(|p| (p.row, p.col));
            let b = grid.at(r, c).map(|p| (p.row, p.col));
            if a != b || a.is_none() {
                xs.push(x_at(c));
            }
        }
        for line in &mut lines[first[r]..first[r + 1]] {
            for x in &xs {
                line.rules.push(Rule::vertical(*x, 0.0, pitch, t.border));
            }
        }
    }
    // Pagination units: the header rows, then row by row (LibreOffice breaks the rows of a
    // merged cell apart at a page's foot too; a row itself never breaks, `w:cantSplit`).
    let header_rows = (table.header_rows as usize).min(grid.rows);
    let header = first[header_rows];
    let units: Vec<usize> = geo.row_lines[header_rows..]
        .iter()
        .map(|n| *n as usize)
        .collect();
    let mut all = Vec::new();
    let title = table.title.as_deref().map(str::trim).unwrap_or("");
    if !title.is_empty() {
        all = centred_chunk(cx, title, Role::Body, LineKind::TableTitle).lines;
    }
    let title_lines = all.len();
    all.extend(lines);
    Chunk {
        lines: all,
        keep_with_next: false,
        keep_together: false,
        widow_control: false,
        table: Some(TableRows {
            title: title_lines,
            header,
            units,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Item, Report, Section};
    use crate::spec::Spec;
    use crate::typeset::{typeset, FixedMetrics};

    fn long_table(rows: usize) -> Table {
        let mut t = Table {
            title: Some("各村统计表".into()),
            header_rows: 2,
            rows: vec![
                vec![Cell::span("村", 1, 2), Cell::span("次数", 2, 1)],
                vec![Cell::new("上半年"), Cell::new("下半年")],
            ],
            widths: None,
        };
        for i in 0..rows {
            t.rows.push(vec![
                Cell::new(&format!("第{i}村")),
                Cell::new(&i.to_string()),
                Cell::new("7"),
            ]);
        }
        t
    }

    #[test]
    fn a_label_merged_over_body_rows_stands_in_its_first_row() {
        let mut t = Table::from_rows(1, &[&["组", "项", "数"]]);
        t.rows
            .push(vec![Cell::span("甲组", 1, 6), "一".into(), "1".into()]);
        for k in ["二", "三", "四", "五", "六"] {
            t.rows.push(vec![k.into(), "2".into()]);
        }
        let mut r = Report::new("t", "甲乡", 2024, "年度");
        r.sections.push(Section {
            paragraphs: vec![Item::from(t)],
            ..Section::new("统计")
        });
        let l = typeset(&r, &Spec::official(), &FixedMetrics);
        let y_of = |text: &str| {
            l.pages[0]
                .lines
                .iter()
                .flat_map(|l| l.runs.iter())
                .find(|run| run.text == text)
                .map(|run| run.y)
                .unwrap()
        };
        // Centred over six rows it would sit near the fourth; from the top, beside the first.
        assert!((y_of("甲组") - y_of("一")).abs() < 1.0);
    }

    #[test]
    fn header_rows_repeat_and_borders_stay_in_the_block() {
        let spec = Spec::official();
        let mut r = Report::new("k", "双河镇", 2024, "年度");
        let mut s = Section::new("统计");
        s.paragraphs = vec![Item::Table {
            table: long_table(40),
        }];
        r.sections = vec![s];
        let layout = typeset(&r, &spec, &FixedMetrics);
        let with_table: Vec<_> = layout
            .pages
            .iter()
            .filter(|p| p.lines.iter().any(|l| l.kind == LineKind::TableCell))
            .collect();
        assert!(with_table.len() >= 2);
        let second = with_table[1];
        let first_cell = second
            .lines
            .iter()
            .find(|l| l.kind == LineKind::TableCell)
            .unwrap();
        assert_eq!(first_cell.slot, 0);
        assert!(first_cell.text().contains('村'), "{}", first_cell.text());
        assert!(second.lines[1].text().contains("上半年"));
        let (left, right) = (
            spec.page.margin_left,
            spec.page.margin_left + spec.page.text_width(),
        );
        let (top, bottom) = (
            spec.page.margin_top,
            spec.page.margin_top + spec.page.text_height(),
        );
        for p in &with_table {
            assert!(!p.rules.is_empty());
            // Bands are centred on the grid lines' em boxes: at most half the space between
            // two lines' em boxes beyond the block's top and bottom.
            let half = (spec.grid.line_pitch - spec.fonts.body.size) / 2.0 + 0.01;
            for rule in &p.rules {
                assert!(
                    rule.x0 >= left - 0.01 && rule.x1 <= right + 0.01,
                    "{rule:?}"
                );
                assert!(
                    rule.y0 >= top - half && rule.y1 <= bottom + half,
                    "{rule:?}"
                );
            }
        }
        // What counts as a number (set flush right).
        assert!(is_number("12") && is_number("3.5") && !is_number("第1村") && !is_number(""));
    }
}
