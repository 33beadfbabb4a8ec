//! The statutory tables of the 政府信息公开工作年度报告 (2021 format, 国办公开办函〔2021〕30号)
//! and their arithmetic, as evaluators check it cell by cell:
//!
//! - `table-sum` ([`codes::TABLE_SUM`]): in table 三, for every applicant column,
//!   一 + 二 = 三（七） + 四, and （七）总计 = （一） + （二） + every numbered item under
//!   （三）–（六）; in every numeric row 总计 = 自然人 + the five 法人或其他组织 columns; in table 四
//!   each 总计 = the four results before it. A cell of tables 二–四 that must hold a number
//!   but does not (`十二`, `12件`) is its own finding under this code.
//! - `table-cross-year` ([`codes::TABLE_CROSS_YEAR`]), with last year's report of the same
//!   unit: this year's 二 = last year's 四 (per column); 现行有效件数 = last year's
//!   + 本年制发件数 − 本年废止件数 (规章, 行政规范性文件).
//! - `table-text` ([`codes::TABLE_TEXT`]): a number written in the text that names a table
//!   quantity (`本年新收政府信息公开申请12件`) equals the cell.
//!
//! The tables are found by their labels (`自然人`, `行政复议`, `现行有效件数` and the row
//! labels `一、`, `（七）` …), wherever they sit among the sections' items, not by their
//! position; labels are compared without whitespace and with `()` read as `（）`. A blank
//! numeric cell counts as 0. [`fill_totals`] computes the totals on request.

use super::location::{section_at_mut, texts, Location};
use super::{codes, Finding, Severity};
use crate::model::{Grid, Item, Placed, Report, Section};
use std::collections::HashMap;

/// A label as compared: no whitespace, `()` as `（）`, full-width digits and `．` as ASCII.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// What a numeric cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    /// Nothing: counts as 0.
    Blank,
    /// A whole number (a count of 件; amounts in 万元 are checked but not summed).
    Count(i64),
    /// A decimal amount (万元), where one is allowed.
    Amount,
    /// Text that is not a number.
    Bad,
}

impl Num {
    fn parse(text: &str, decimal: bool) -> Num {
        let t = norm(text);
        if t.is_empty() {
            return Num::Blank;
        }
        if t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
            return t.parse().map(Num::Count).unwrap_or(Num::Bad);
        }
        let mut parts = t.splitn(2, '.');
        let (int, frac) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if decimal && digits(int) && digits(frac) && t.len() <= 20 {
            return Num::Amount;
        }
        Num::Bad
    }

    /// The value in a sum: blank is 0; `None` for text that is not a whole number.
    fn value(self) -> Option<i64> {
        match self {
            Num::Blank => Some(0),
            Num::Count(n) => Some(n),
            Num::Amount | Num::Bad => None,
        }
    }
}

/// A table among a section's items, with its cells placed on the grid.
struct Spot {
    path: Vec<usize>,
    index: usize,
    grid: Grid,
}

impl Spot {
    fn at(&self, row: usize, col: usize) -> Option<&Placed> {
        self.grid.at(row, col)
    }

    fn location(&self, p: &Placed) -> Location {
        Location::TableCell {
            path: self.path.clone(),
            index: self.index,
            row: p.row,
            cell: p.index,
        }
    }

    /// The number at (`row`, `col`) of the grid and the cell holding it.
    fn num(&self, row: usize, col: usize) -> Option<(Num, &Placed)> {
        let p = self.at(row, col)?;
        Some((Num::parse(&p.text, false), p))
    }

    fn find(&self, label: &str) -> Option<&Placed> {
        self.grid.cells.iter().find(|c| norm(&c.text) == label)
    }
}

/// Every table of the report's sections (at any depth) whose grid resolves, in reading order.
fn spots(report: &Report) -> Vec<Spot> {
    fn walk(list: &[Section], path: &mut Vec<usize>, out: &mut Vec<Spot>) {
        for (i, s) in list.iter().enumerate() {
            path.push(i);
            for (j, item) in s.paragraphs.iter().enumerate() {
                if let Item::Table { table } = item {
                    if let Ok(grid) = table.grid() {
                        out.push(Spot {
                            path: path.clone(),
                            index: j,
                            grid,
                        });
                    }
                }
            }
            walk(&s.children, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&report.sections, &mut Vec::new(), &mut out);
    out
}

/// A numeric column: its grid column and its header label as written.
#[derive(Debug, Clone)]
struct Col {
    grid: usize,
    label: String,
}

/// What a row of table 三 stands for in its sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// 一、本年新收政府信息公开申请数量.
    New,
    /// 二、上年结转政府信息公开申请数量.
    Carried,
    /// （一）, （二） or a numbered item under （三）–（六）: a summand of （七）.
    Part,
    /// （七）总计.
    Total,
    /// 四、结转下年度继续办理.
    Forward,
    /// Anything else (a subtotal row a public template adds).
    Other,
}

#[derive(Debug, Clone)]
struct Row {
    grid: usize,
    label: String,
    role: Role,
}

/// Table 三 (收到和处理政府信息公开申请情况) as recognised.
struct Applications<'a> {
    spot: &'a Spot,
    /// The numeric columns, left to right (自然人 … 总计).
    cols: Vec<Col>,
    /// Index into `cols` of the 总计 column.
    total: usize,
    rows: Vec<Row>,
}

impl Applications<'_> {
    fn row(&self, role: Role) -> Option<&Row> {
        self.rows.iter().find(|r| r.role == role)
    }

    /// A `table-sum` error when the whole number at (`row`, `col`) is not `expected` (`why`
    /// says what it should be); nothing when it is, or when the cell holds no whole number
    /// (that has its own finding).
    fn expect(&self, row: &Row, col: &Col, expected: i64, why: &str, out: &mut Vec<Finding>) {
        let Some((n, p)) = self.spot.num(row.grid, col.grid) else {
            return;
        };
        if n.value().is_some_and(|found| found != expected) {
            out.push(error(
                codes::TABLE_SUM,
                self.spot.location(p),
                wrong_cell("三", &row.label, &col.label, expected, why, n),
            ));
        }
    }
}

/// `1.属于国家秘密` (also `1、`, `1．`): a numbered item.
fn is_numbered(label: &str) -> bool {
    let rest = label.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < label.len() && (rest.starts_with('.') || rest.starts_with('、'))
}

/// `（三）` of `（三）不予公开`.
fn bracket_prefix(label: &str) -> &str {
    match label.find('）') {
        Some(i) if label.starts_with('（') => &label[..i + '）'.len_utf8()],
        _ => "",
    }
}

fn applications<'a>(s: &'a Spot) -> Option<Applications<'a>> {
    let natural = s.find("自然人")?;
    if natural.col == 0 {
        return None;
    }
    let first_data = natural.row + natural.rowspan;
    let cols: Vec<Col> = (natural.col..s.grid.columns)
        .map(|c| Col {
            grid: c,
            label: s
                .at(first_data - 1, c)
                .map(|p| p.text.trim().to_string())
                .unwrap_or_default(),
        })
        .collect();
    let total = cols.iter().position(|c| norm(&c.label) == "总计")?;
    let mut rows = Vec::new();
    for r in first_data..s.grid.rows {
        let Some(inner) = s.at(r, natural.col - 1) else {
            continue;
        };
        let label = norm(&inner.text);
        let group = match inner.col {
            0 => String::new(),
            c => s.at(r, c - 1).map(|p| norm(&p.text)).unwrap_or_default(),
        };
        let numbered = is_numbered(&label);
        let role = if label.starts_with("一、") {
            Role::New
        } else if label.starts_with("二、") {
            Role::Carried
        } else if label.starts_with("四、") {
            Role::Forward
        } else if label.starts_with("（七）") {
            Role::Total
        } else if label.starts_with("（一）")
            || label.starts_with("（二）")
            || (numbered
                && ["（三）", "（四）", "（五）", "（六）"].contains(&bracket_prefix(&group)))
        {
            Role::Part
        } else {
            Role::Other
        };
        let shown = if numbered {
            format!("{}{}", bracket_prefix(&group), inner.text.trim())
        } else {
            inner.text.trim().to_string()
        };
        rows.push(Row {
            grid: r,
            label: shown,
            role,
        });
    }
    let has = |role| rows.iter().any(|r: &Row| r.role == role);
    if !(has(Role::New) && has(Role::Total)) {
        return None;
    }
    Some(Applications {
        spot: s,
        cols,
        total,
        rows,
    })
}

/// One group of table 四 (行政复议, or one of the two kinds of 行政诉讼).
struct Group {
    name: String,
    parts: Vec<Col>,
    total: Col,
}

/// Table 四 (政府信息公开行政复议、行政诉讼情况) as recognised.
struct Appeals<'a> {
    spot: &'a Spot,
    groups: Vec<Group>,
    /// The grid rows holding numbers (one in the official table).
    data_rows: Vec<usize>,
}

fn appeals<'a>(s: &'a Spot) -> Option<Appeals<'a>> {
    let mut groups = Vec::new();
    let mut header_end = 0;
    for (key, name) in [
        ("行政复议", "行政复议"),
        ("未经复议直接起诉", "行政诉讼“未经复议直接起诉”"),
        ("复议后起诉", "行政诉讼“复议后起诉”"),
    ] {
        let g = s.find(key)?;
        let below = g.row + g.rowspan;
        let mut parts = Vec::new();
        let mut total = None;
        for c in g.col..g.col + g.colspan {
            let l = s.at(below, c)?;
            header_end = header_end.max(l.row + l.rowspan);
            let col = Col {
                grid: c,
                label: l.text.trim().to_string(),
            };
            if norm(&col.label) == "总计" {
                total = Some(col);
            } else {
                parts.push(col);
            }
        }
        groups.push(Group {
            name: name.to_string(),
            parts,
            total: total?,
        });
    }
    Some(Appeals {
        spot: s,
        groups,
        data_rows: (header_end..s.grid.rows).collect(),
    })
}

/// Table 二 (主动公开政府信息情况) as recognised: the rows of 第二十条第（一）项 and every
/// numeric cell.
struct Issued<'a> {
    spot: &'a Spot,
    /// Grid rows of 规章 and 行政规范性文件, with their labels.
    rows: Vec<(usize, String)>,
    made: Col,
    repealed: Col,
    valid: Col,
}

fn issued<'a>(s: &'a Spot) -> Option<Issued<'a>> {
    let valid = s.find("现行有效件数")?;
    let col_of = |label: &str| {
        s.grid
            .cells
            .iter()
            .find(|c| c.row == valid.row && norm(&c.text) == label)
            .map(|c| Col {
                grid: c.col,
                label: c.text.trim().to_string(),
            })
    };
    let made = col_of("本年制发件数")?;
    let repealed = col_of("本年废止件数")?;
    let mut rows = Vec::new();
    for r in valid.row + 1..s.grid.rows {
        let Some(first) = s.at(r, 0) else { break };
        if first.colspan == s.grid.columns || norm(&first.text) == "信息内容" {
            break;
        }
        rows.push((r, first.text.trim().to_string()));
    }
    Some(Issued {
        spot: s,
        rows,
        made,
        repealed,
        valid: Col {
            grid: valid.col,
            label: valid.text.trim().to_string(),
        },
    })
}

/// The three statutory tables of a report, as far as they are there (the first of each kind
/// in reading order).
struct Statutory<'a> {
    issued: Option<Issued<'a>>,
    applications: Option<Applications<'a>>,
    appeals: Option<Appeals<'a>>,
}

fn statutory<'a>(spots: &'a [Spot]) -> Statutory<'a> {
    Statutory {
        issued: spots.iter().find_map(issued),
        applications: spots.iter().find_map(applications),
        appeals: spots.iter().find_map(appeals),
    }
}

fn error(code: &str, loc: Location, msg: String) -> Finding {
    Finding::new(Severity::Error, code, loc, msg)
}

/// `表三“（七）总计”行“自然人”列：应为 12（（一）至（六）之和），填的是 10。`; a blank cell
/// (counted as 0) is said to be blank, not to hold 0.
fn wrong_cell(table: &str, row: &str, col: &str, expected: i64, why: &str, found: Num) -> String {
    format!(
        "表{table}“{row}”行“{col}”列：应为 {expected}（{why}），{}。",
        found_text(found)
    )
}

/// `填的是 10`, or `没有填（不填算 0）` for a blank cell.
fn found_text(found: Num) -> String {
    match found {
        Num::Blank => "没有填（不填算 0）".to_string(),
        n => format!("填的是 {}", n.value().unwrap_or_default()),
    }
}

/// A finding for a cell that must hold a number and does not.
fn not_a_number(
    spot: &Spot,
    p: &Placed,
    table: &str,
    row: &str,
    col: &str,
    decimal: bool,
) -> Finding {
    let digits: String = norm(&p.text)
        .chars()
        .filter(|c| c.is_ascii_digit() || (decimal && *c == '.'))
        .collect();
    let hint = if digits.is_empty() || digits.starts_with('.') {
        "请只填阿拉伯数字，如 12".to_string()
    } else {
        format!("请只填数字“{digits}”")
    };
    error(
        codes::TABLE_SUM,
        spot.location(p),
        format!(
            "表{table}“{row}”行“{col}”列填的是“{}”，不是数字：{hint}（不填算 0）。",
            p.text.trim()
        ),
    )
}

/// The findings of the three rules for `report`; `last_year` is last year's report of the same
/// unit and kind (the store looks it up), `None` when there is none.
pub fn check(report: &Report, last_year: Option<&Report>, out: &mut Vec<Finding>) {
    let here = spots(report);
    let t = statutory(&here);
    if let Some(a) = &t.issued {
        issued_numbers(a, out);
    }
    if let Some(a) = &t.applications {
        applications_sums(a, out);
    }
    if let Some(a) = &t.appeals {
        appeals_sums(a, out);
    }
    if let Some(last) = last_year {
        let last_spots = spots(last);
        let l = statutory(&last_spots);
        cross_year(&t, &l, last.year, out);
    }
    text_numbers(report, &t, out);
    blank_cells(&t, out);
}

/// A statutory table's name (`二`, `三`, `四`), the table, and the grid positions of its
/// number cells.
type NumberCells<'a> = (&'static str, &'a Spot, Vec<(usize, usize)>);

/// The number cells of each statutory table present.
fn number_cells<'a>(t: &'a Statutory) -> Vec<NumberCells<'a>> {
    let mut out = Vec::new();
    if let Some(a) = &t.issued {
        let cells = issued_cells(a.spot)
            .into_iter()
            .map(|(_, p)| (p.row, p.col))
            .collect();
        out.push(("二", a.spot, cells));
    }
    if let Some(a) = &t.applications {
        let cells = a
            .rows
            .iter()
            .flat_map(|r| a.cols.iter().map(move |c| (r.grid, c.grid)))
            .collect();
        out.push(("三", a.spot, cells));
    }
    if let Some(a) = &t.appeals {
        let cols: Vec<usize> = a
            .groups
            .iter()
            .flat_map(|g| g.parts.iter().chain([&g.total]).map(|c| c.grid))
            .collect();
        let cells = a
            .data_rows
            .iter()
            .flat_map(|&r| cols.iter().map(move |&c| (r, c)))
            .collect();
        out.push(("四", a.spot, cells));
    }
    out
}

/// `table-blank`: a statutory table filled in part whose other number cells are blank; one
/// warning per table, at its first blank cell.
fn blank_cells(t: &Statutory, out: &mut Vec<Finding>) {
    for (name, spot, cells) in number_cells(t) {
        // Each cell once (a cell spanning columns covers several positions).
        let mut seen = std::collections::HashSet::new();
        let placed: Vec<&Placed> = cells
            .iter()
            .filter_map(|&(r, c)| spot.at(r, c))
            .filter(|p| seen.insert((p.row, p.col)))
            .collect();
        let blank: Vec<&Placed> = placed
            .iter()
            .copied()
            .filter(|p| norm(&p.text).is_empty())
            .collect();
        if blank.is_empty() || blank.len() == placed.len() {
            continue;
        }
        out.push(Finding::new(
            Severity::Warning,
            codes::TABLE_BLANK,
            spot.location(blank[0]),
            format!(
                "表{name}有 {} 个数字格空着（第一个已标出）：没有发生的请填 0，空着会被看作漏填。",
                blank.len()
            ),
        ));
    }
}

/// The number cells of table 二: every cell right of the label in a row below a `信息内容`
/// header row, with that header row (which names the cell's column).
fn issued_cells(s: &Spot) -> Vec<(usize, &Placed)> {
    let mut out = Vec::new();
    let mut header: Option<usize> = None;
    for r in 0..s.grid.rows {
        let Some(first) = s.at(r, 0) else { continue };
        if first.colspan == s.grid.columns {
            header = None;
        } else if norm(&first.text) == "信息内容" {
            header = Some(r);
        } else if let Some(h) = header {
            out.extend(
                s.grid
                    .cells
                    .iter()
                    .filter(|p| p.row == r && p.col > 0)
                    .map(|p| (h, p)),
            );
        }
    }
    out
}

fn issued_numbers(t: &Issued, out: &mut Vec<Finding>) {
    let s = t.spot;
    // Amounts in 万元 may be decimals.
    for (h, p) in issued_cells(s) {
        let col = s.at(h, p.col).map(|c| c.text.trim()).unwrap_or("");
        let label = s.at(p.row, 0).map(|c| c.text.trim()).unwrap_or("");
        let decimal = col.contains("万元");
        if Num::parse(&p.text, decimal) == Num::Bad {
            out.push(not_a_number(s, p, "二", label, col, decimal));
        }
    }
}

fn applications_sums(t: &Applications, out: &mut Vec<Finding>) {
    let s = t.spot;
    for row in &t.rows {
        for col in &t.cols {
            if let Some((Num::Bad, p)) = s.num(row.grid, col.grid) {
                out.push(not_a_number(s, p, "三", &row.label, &col.label, false));
            }
        }
    }
    let val = |row: &Row, col: &Col| s.num(row.grid, col.grid).and_then(|(n, _)| n.value());
    // Every numeric row: 总计 = 自然人 + the five 法人或其他组织 columns.
    let total_col = &t.cols[t.total];
    for row in &t.rows {
        let parts: Option<i64> = t
            .cols
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != t.total)
            .map(|(_, c)| val(row, c))
            .sum();
        if let Some(expected) = parts {
            t.expect(
                row,
                total_col,
                expected,
                "自然人与法人或其他组织各列之和",
                out,
            );
        }
    }
    // Every column: （七） = the sum of （一）, （二） and the numbered items of （三）–（六）;
    // 一 + 二 = （七） + 四.
    let total_row = t.row(Role::Total);
    for col in &t.cols {
        let Some(total_row) = total_row else { break };
        let parts: Option<i64> = t
            .rows
            .iter()
            .filter(|r| r.role == Role::Part)
            .map(|r| val(r, col))
            .sum();
        if let Some(expected) = parts {
            t.expect(total_row, col, expected, "（一）至（六）各项之和", out);
        }
        let (Some(new), Some(carried), Some(forward)) =
            (t.row(Role::New), t.row(Role::Carried), t.row(Role::Forward))
        else {
            continue;
        };
        let (Some(a), Some(b), Some(seven)) =
            (val(new, col), val(carried, col), val(total_row, col))
        else {
            continue;
        };
        let Some((n, p)) = s.num(forward.grid, col.grid) else {
            continue;
        };
        let Some(found) = n.value() else { continue };
        let expected = a + b - seven;
        if expected == found {
            continue;
        }
        if expected < 0 {
            let p = s.at(total_row.grid, col.grid).unwrap_or(p);
            out.push(error(
                codes::TABLE_SUM,
                s.location(p),
                format!(
                    "表三“{}”行“{}”列是 {seven}，大于一、二两行之和 {}：一加二应等于三（七）加四，请核对。",
                    total_row.label,
                    col.label,
                    a + b
                ),
            ));
            continue;
        }
        out.push(error(
            codes::TABLE_SUM,
            s.location(p),
            wrong_cell(
                "三",
                &forward.label,
                &col.label,
                expected,
                &format!("一、二两行之和 {} 减去（七）总计 {seven}", a + b),
                n,
            ),
        ));
    }
}

fn appeals_sums(t: &Appeals, out: &mut Vec<Finding>) {
    let s = t.spot;
    for &r in &t.data_rows {
        let row_name = if t.data_rows.len() > 1 {
            format!("第{}行", r + 1)
        } else {
            String::new()
        };
        for g in &t.groups {
            for col in g.parts.iter().chain([&g.total]) {
                if let Some((Num::Bad, p)) = s.num(r, col.grid) {
                    out.push(not_a_number(s, p, "四", &g.name, &col.label, false));
                }
            }
            let parts: Option<i64> = g
                .parts
                .iter()
                .map(|c| s.num(r, c.grid).and_then(|(n, _)| n.value()))
                .sum();
            let Some((n, p)) = s.num(r, g.total.grid) else {
                continue;
            };
            let (Some(expected), Some(found)) = (parts, n.value()) else {
                continue;
            };
            if expected != found {
                let names: Vec<&str> = g.parts.iter().map(|c| c.label.as_str()).collect();
                out.push(error(
                    codes::TABLE_SUM,
                    s.location(p),
                    format!(
                        "表四{row_name}“{}”下“{}”列：应为 {expected}（{}之和），{}。",
                        g.name,
                        g.total.label,
                        names.join("、"),
                        found_text(n)
                    ),
                ));
            }
        }
    }
}

/// Whether every numeric cell of `cells` is blank: last year's table was never filled in,
/// and comparing with it would only report that.
fn all_blank(spot: &Spot, cells: &[(usize, usize)]) -> bool {
    cells
        .iter()
        .all(|&(r, c)| matches!(spot.num(r, c), None | Some((Num::Blank, _))))
}

fn cross_year(this: &Statutory, last: &Statutory, last_year: i32, out: &mut Vec<Finding>) {
    // This year's 二 = last year's 四, column by column (matched by their labels).
    if let (Some(t), Some(l)) = (&this.applications, &last.applications) {
        if let (Some(carried), Some(forward)) = (t.row(Role::Carried), l.row(Role::Forward)) {
            let last_cells: Vec<(usize, usize)> =
                l.cols.iter().map(|c| (forward.grid, c.grid)).collect();
            if !all_blank(l.spot, &last_cells) {
                for col in &t.cols {
                    let Some(lcol) = l.cols.iter().find(|c| norm(&c.label) == norm(&col.label))
                    else {
                        continue;
                    };
                    let expected = l
                        .spot
                        .num(forward.grid, lcol.grid)
                        .and_then(|(n, _)| n.value());
                    let Some((n, p)) = t.spot.num(carried.grid, col.grid) else {
                        continue;
                    };
                    if let (Some(expected), Some(found)) = (expected, n.value()) {
                        if expected != found {
                            out.push(error(
                                codes::TABLE_CROSS_YEAR,
                                t.spot.location(p),
                                wrong_cell(
                                    "三",
                                    &carried.label,
                                    &col.label,
                                    expected,
                                    &format!("{last_year}年报告表三“{}”行", forward.label),
                                    n,
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    // 现行有效件数 = last year's + 本年制发件数 − 本年废止件数.
    if let (Some(t), Some(l)) = (&this.issued, &last.issued) {
        let last_cells: Vec<(usize, usize)> =
            l.rows.iter().map(|(r, _)| (*r, l.valid.grid)).collect();
        if all_blank(l.spot, &last_cells) {
            return;
        }
        for (r, label) in &t.rows {
            let Some((lr, _)) = l.rows.iter().find(|(_, x)| norm(x) == norm(label)) else {
                continue;
            };
            let before = l.spot.num(*lr, l.valid.grid).and_then(|(n, _)| n.value());
            let made = t.spot.num(*r, t.made.grid).and_then(|(n, _)| n.value());
            let repealed = t.spot.num(*r, t.repealed.grid).and_then(|(n, _)| n.value());
            let Some((n, p)) = t.spot.num(*r, t.valid.grid) else {
                continue;
            };
            let (Some(before), Some(made), Some(repealed), Some(found)) =
                (before, made, repealed, n.value())
            else {
                continue;
            };
            let expected = before + made - repealed;
            if expected != found {
                out.push(error(
                    codes::TABLE_CROSS_YEAR,
                    t.spot.location(p),
                    wrong_cell(
                        "二",
                        label,
                        &t.valid.label,
                        expected,
                        &format!(
                            "{last_year}年的{} {before} 加{} {made} 减{} {repealed}",
                            t.valid.label, t.made.label, t.repealed.label
                        ),
                        n,
                    ),
                ));
            }
        }
    }
}

/// A table quantity the text may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantity {
    /// 表三 一 总计.
    New,
    /// 表三 二 总计.
    Carried,
    /// 表三 （一）予以公开 总计.
    Disclosed,
    /// 表三 四 总计.
    Forward,
    /// 表四 行政复议 总计.
    Review,
    /// 表四 both 行政诉讼 总计 together.
    Litigation,
}

/// How the text names a quantity: the words that start it, words that may stand between
/// them and the number, words that must not come right before it, and the units after the
/// number.
struct Phrase {
    quantity: Quantity,
    starts: &'static [&'static str],
    fillers: &'static [&'static str],
    not_after: &'static [&'static str],
    units: &'static [char],
}

const COMMON_FILLERS: [&str; 8] = ["共计", "合计", "总计", "共", "为", "达", "：", ":"];

const PHRASES: &[Phrase] = &[
    Phrase {
        quantity: Quantity::New,
        starts: &["新收到", "新收"],
        fillers: &["政府信息公开", "信息公开", "申请", "数量", "的"],
        not_after: &[],
        units: &['件'],
    },
    // `全年收到政府信息公开申请12件` (the template's wording for part 一（二）): received this
    // year, i.e. 新收; `新收到` is the phrase above.
    Phrase {
        quantity: Quantity::New,
        starts: &["收到"],
        fillers: &["政府信息公开", "信息公开", "申请", "数量", "的"],
        not_after: &["新"],
        units: &['件'],
    },
    Phrase {
        quantity: Quantity::Carried,
        starts: &["上年度结转", "上年结转", "上一年度结转"],
        fillers: &["政府信息公开", "信息公开", "申请", "数量", "的"],
        not_after: &[],
        units: &['件'],
    },
    Phrase {
        quantity: Quantity::Disclosed,
        starts: &["予以公开"],
        fillers: &["申请", "的"],
        not_after: &["部分", "不"],
        units: &['件'],
    },
    Phrase {
        quantity: Quantity::Forward,
        starts: &["结转下一年度", "结转下年度", "结转下年", "结转至下年度"],
        fillers: &["继续办理", "办理", "申请", "的"],
        not_after: &[],
        units: &['件'],
    },
    Phrase {
        quantity: Quantity::Review,
        starts: &["行政复议"],
        fillers: &["案件", "申请"],
        not_after: &[],
        units: &['件', '起'],
    },
    Phrase {
        quantity: Quantity::Litigation,
        starts: &["行政诉讼"],
        fillers: &["案件"],
        // `行政复议、行政诉讼案件共3件` counts both together.
        not_after: &["复议、", "复议和", "复议及", "复议与"],
        units: &['件', '起'],
    },
];

/// A number named by the text: char offsets of the digits, the value, and the quantity.
#[cfg(test)]
fn named_numbers(text: &str) -> Vec<(usize, usize, i64, Quantity)> {
    named_numbers_with_unit(text, 2024)
        .into_iter()
        .map(|(s, e, n, q, _)| (s, e, n, q))
        .collect()
}

/// [`named_numbers`] with the unit written after each number (`件`, `起`). A name right after
/// another year (`上年`, `去年`, `2023年` in a report about `year`) is a comparison, not this
/// year's quantity, and is skipped.
fn named_numbers_with_unit(text: &str, year: i32) -> Vec<(usize, usize, i64, Quantity, char)> {
    let chars: Vec<char> = text.chars().collect();
    let starts_at = |i: usize, w: &str| {
        let n = w.chars().count();
        i + n <= chars.len() && chars[i..i + n].iter().copied().eq(w.chars())
    };
    let ends_before = |i: usize, w: &str| {
        let n = w.chars().count();
        i >= n && chars[i - n..i].iter().copied().eq(w.chars())
    };
    let mut out = Vec::new();
    for i in 0..chars.len() {
        for ph in PHRASES {
            let Some(start) = ph.starts.iter().find(|w| starts_at(i, w)) else {
                continue;
            };
            if ph.not_after.iter().any(|w| ends_before(i, w)) {
                continue;
            }
            let other_year = ["上年", "去年", "上一年", "前年"]
                .iter()
                .flat_map(|w| [w.to_string(), format!("{w}度"), format!("{w}的")])
                .any(|w| ends_before(i, &w))
                || (0..i).rev().take(8).any(|k| {
                    // `2023年` / `2023年度` right before the name.
                    let before: String = chars[k..i].iter().collect();
                    let y = before.trim_end_matches(['度', '的']).strip_suffix('年');
                    y.is_some_and(|y| y.len() == 4 && y.parse::<i32>().is_ok_and(|y| y != year))
                });
            if other_year {
                continue;
            }
            let mut j = i + start.chars().count();
            // Words between the name and its number (at most a few).
            for _ in 0..6 {
                match ph
                    .fillers
                    .iter()
                    .chain(COMMON_FILLERS.iter())
                    .find(|w| starts_at(j, w))
                {
                    Some(w) => j += w.chars().count(),
                    None => break,
                }
            }
            let from = j;
            while j < chars.len()
                && (chars[j].is_ascii_digit() || ('０'..='９').contains(&chars[j]))
            {
                j += 1;
            }
            if j == from || j - from > 9 || !chars.get(j).is_some_and(|c| ph.units.contains(c)) {
                continue;
            }
            let digits = norm(&chars[from..j].iter().collect::<String>());
            if let Ok(n) = digits.parse() {
                out.push((from, j, n, ph.quantity, chars[j]));
            }
            break;
        }
    }
    out
}

fn text_numbers(report: &Report, t: &Statutory, out: &mut Vec<Finding>) {
    if t.applications.is_none() && t.appeals.is_none() {
        return;
    }
    for (loc, text) in texts(report) {
        for (start, end, written, q, unit) in named_numbers_with_unit(text, report.year) {
            let Some((found, what)) = table_quantity(t, q) else {
                continue;
            };
            if found != written {
                out.push(
                    error(
                        codes::TABLE_TEXT,
                        loc.clone(),
                        format!("文中写的是 {written} {unit}，{what} {found}：两处应一致。"),
                    )
                    .span(text, start, end),
                );
            }
        }
    }
}

/// The value of a quantity in the tables and how to name its cell(s), when it is a number.
fn table_quantity(t: &Statutory, q: Quantity) -> Option<(i64, String)> {
    match q {
        Quantity::New | Quantity::Carried | Quantity::Disclosed | Quantity::Forward => {
            let a = t.applications.as_ref()?;
            let row = match q {
                Quantity::New => a.row(Role::New)?,
                Quantity::Carried => a.row(Role::Carried)?,
                Quantity::Forward => a.row(Role::Forward)?,
                _ => a
                    .rows
                    .iter()
                    .find(|r| norm(&r.label).starts_with("（一）"))?,
            };
            let col = &a.cols[a.total];
            let n = a.spot.num(row.grid, col.grid)?.0.value()?;
            Some((n, format!("表三“{}”行“{}”列填的是", row.label, col.label)))
        }
        Quantity::Review => {
            let a = t.appeals.as_ref()?;
            let r = *a.data_rows.first()?;
            let g = a.groups.first()?;
            let n = a.spot.num(r, g.total.grid)?.0.value()?;
            Some((n, format!("表四“{}”下“{}”列填的是", g.name, g.total.label)))
        }
        Quantity::Litigation => {
            let a = t.appeals.as_ref()?;
            let r = *a.data_rows.first()?;
            let mut sum = 0;
            for g in &a.groups[1..] {
                sum += a.spot.num(r, g.total.grid)?.0.value()?;
            }
            Some((
                sum,
                "表四“行政诉讼”两个“总计”列（未经复议直接起诉、复议后起诉）之和是".to_string(),
            ))
        }
    }
}

/// Fills the totals of the statutory tables from their parts: in table 三 the 总计 column of
/// every numeric row (自然人 + the five 法人或其他组织 columns) and every cell of the （七）总计
/// row (（一） + （二） + the numbered items of （三）–（六）); in table 四 the three 总计
/// (the four results before each). A total is left as it is when one of its parts is not a
/// number, or when it and all its parts are blank; no other cell is touched. Returns how many
/// cells changed.
pub fn fill_totals(report: &mut Report) -> usize {
    // (section path, item index, row, cell index in the row, new text)
    let mut edits: Vec<(Vec<usize>, usize, usize, usize, String)> = Vec::new();
    {
        let spots = spots(report);
        let t = statutory(&spots);
        if let Some(a) = &t.applications {
            let s = a.spot;
            // Values as they will be, filled in as totals are computed:
            // (row, col) → (value in a sum, whether the cell is blank).
            let mut vals: HashMap<(usize, usize), (Option<i64>, bool)> = HashMap::new();
            for row in &a.rows {
                for col in &a.cols {
                    let n = s.num(row.grid, col.grid).map(|(n, _)| n);
                    vals.insert(
                        (row.grid, col.grid),
                        (n.and_then(Num::value), n == Some(Num::Blank)),
                    );
                }
            }
            let mut set = |row: usize, col: usize, parts: &[(usize, usize)]| {
                let Some(p) = s.at(row, col).filter(|p| p.row == row && p.col == col) else {
                    return;
                };
                let get = |k: &(usize, usize)| vals.get(k).copied().unwrap_or((None, false));
                let Some(sum) = parts.iter().map(|k| get(k).0).sum::<Option<i64>>() else {
                    return;
                };
                if get(&(row, col)).1 && parts.iter().all(|k| get(k).1) {
                    return; // blank, and nothing to add up
                }
                vals.insert((row, col), (Some(sum), false));
                if norm(&p.text) != sum.to_string() {
                    edits.push((s.path.clone(), s.index, p.row, p.index, sum.to_string()));
                }
            };
            let total_col = a.cols[a.total].grid;
            let seven = a.row(Role::Total).map(|r| r.grid);
            let part_cols: Vec<usize> = a
                .cols
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != a.total)
                .map(|(_, c)| c.grid)
                .collect();
            for row in a.rows.iter().filter(|r| Some(r.grid) != seven) {
                let parts: Vec<(usize, usize)> = part_cols.iter().map(|&c| (row.grid, c)).collect();
                set(row.grid, total_col, &parts);
            }
            if let Some(seven) = seven {
                for col in &a.cols {
                    let parts: Vec<(usize, usize)> = a
                        .rows
                        .iter()
                        .filter(|r| r.role == Role::Part)
                        .map(|r| (r.grid, col.grid))
                        .collect();
                    set(seven, col.grid, &parts);
                }
            }
        }
        if let Some(a) = &t.appeals {
            let s = a.spot;
            for &r in &a.data_rows {
                for g in &a.groups {
                    let nums: Vec<Option<Num>> = g
                        .parts
                        .iter()
                        .map(|c| s.num(r, c.grid).map(|(n, _)| n))
                        .collect();
                    let Some(sum) = nums
                        .iter()
                        .map(|n| n.and_then(Num::value))
                        .sum::<Option<i64>>()
                    else {
                        continue;
                    };
                    let Some((n, p)) = s.num(r, g.total.grid) else {
                        continue;
                    };
                    if p.row != r || p.col != g.total.grid {
                        continue;
                    }
                    if n == Num::Blank && nums.iter().all(|x| *x == Some(Num::Blank)) {
                        continue;
                    }
                    if norm(&p.text) != sum.to_string() {
                        edits.push((s.path.clone(), s.index, p.row, p.index, sum.to_string()));
                    }
                }
            }
        }
    }
    let mut changed = 0;
    for (path, index, row, cell, text) in edits {
        let Some(table) = section_at_mut(report, &path)
            .and_then(|s| s.paragraphs.get_mut(index))
            .and_then(Item::table_mut)
        else {
            continue;
        };
        if let Some(c) = table.rows.get_mut(row).and_then(|r| r.get_mut(cell)) {
            if c.text() != text {
                c.set_text(&text);
                changed += 1;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_blank_whole_decimal_or_bad() {
        assert_eq!(Num::parse(" ", false), Num::Blank);
        assert_eq!(Num::parse("12", false), Num::Count(12));
        assert_eq!(Num::parse("１２", false), Num::Count(12));
        assert_eq!(Num::parse("十二", false), Num::Bad);
        assert_eq!(Num::parse("12件", false), Num::Bad);
        assert_eq!(Num::parse("3.5", false), Num::Bad);
        assert_eq!(Num::parse("3.5", true), Num::Amount);
        assert_eq!(Num::parse("3.", true), Num::Bad);
    }

    #[test]
    fn labels_compare_without_spaces_and_bracket_width() {
        assert_eq!(norm(" (七) 总计"), "（七）总计");
        assert!(is_numbered("1.属于国家秘密"));
        assert!(is_numbered("12、其他"));
        assert!(!is_numbered("（一）予以公开"));
        assert_eq!(bracket_prefix("（三）不予公开"), "（三）");
        assert_eq!(bracket_prefix("三、本年度办理结果"), "");
    }

    #[test]
    fn the_text_names_quantities_with_their_numbers() {
        let q = |t: &str| -> Vec<(i64, Quantity)> {
            named_numbers(t)
                .into_iter()
                .map(|(_, _, n, q)| (n, q))
                .collect()
        };
        assert_eq!(
            q("本年新收政府信息公开申请12件，上年结转2件，予以公开8件，部分予以公开1件，不予公开3件。"),
            vec![(12, Quantity::New), (2, Quantity::Carried), (8, Quantity::Disclosed)]
        );
        assert_eq!(
            q("结转下年度继续办理3件；发生行政复议案件1起、行政诉讼2件。"),
            vec![
                (3, Quantity::Forward),
                (1, Quantity::Review),
                (2, Quantity::Litigation)
            ]
        );
        // A number that is not of the quantity (another unit, or words between) is not taken.
        assert!(q("行政复议决定书2份，新收来信5封。").is_empty());
        // Last year's numbers, and the two kinds of case counted together, are not taken.
        assert!(
            q("去年新收申请10件，2023年度新收申请9件，行政复议、行政诉讼案件共3件。").is_empty()
        );
        assert_eq!(q("2024年新收申请9件。"), vec![(9, Quantity::New)]);
        // 收到 this year is 新收; 新收到 is one name, not two.
        assert_eq!(
            q("全年收到政府信息公开申请12件，共新收到申请12件。"),
            vec![(12, Quantity::New), (12, Quantity::New)]
        );
        assert!(q("上年收到申请3件，收到来信5件。").is_empty());
        let (s, e, _, _) = named_numbers("共新收申请１２件")[0];
        assert_eq!((s, e), (5, 7));
    }
}
