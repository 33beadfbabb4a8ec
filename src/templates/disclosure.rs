//! The three statutory tables of the 政府信息公开工作年度报告, as the State Council's
//! disclosure office set them in 2021 (国办公开办函〔2021〕30号, 《中华人民共和国政府信息公开
//! 工作年度报告格式》): table 二 (主动公开政府信息情况), table 三 (收到和处理政府信息公开申请
//! 情况) and table 四 (政府信息公开行政复议、行政诉讼情况).
//!
//! This is the one description of their grids: the template builds new reports from it, "new
//! from last year" carries the closing numbers by it, and the import rebuilds tables pasted one
//! cell per line against it. Labels are the format's own, verbatim; a number cell is `""` in a
//! new report. Rows are HTML-style (a cell spanning rows covers the positions below it, and the
//! rows below leave those positions out; see [`crate::model::Table`]).

use crate::model::{Cell, Item, Report, Section, Table};

/// Id of the report kind whose parts 二/三/四 start with these tables.
pub const KIND: &str = "annual-disclosure";

/// One of the three statutory tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statutory {
    /// Table 二, 主动公开政府信息情况 (part 二 of the report).
    Active,
    /// Table 三, 收到和处理政府信息公开申请情况 (part 三).
    Requests,
    /// Table 四, 政府信息公开行政复议、行政诉讼情况 (part 四).
    Appeals,
}

impl Statutory {
    /// The three tables in the order of the report's parts.
    pub const ALL: [Statutory; 3] = [Statutory::Active, Statutory::Requests, Statutory::Appeals];

    /// The id a template section names the table by (`TemplateSection::table`).
    pub fn id(self) -> &'static str {
        match self {
            Statutory::Active => "disclosure-active",
            Statutory::Requests => "disclosure-requests",
            Statutory::Appeals => "disclosure-appeals",
        }
    }

    /// The table with template id `id`, if it is one of the three.
    pub fn from_id(id: &str) -> Option<Statutory> {
        Statutory::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The table, new: labels of the 2021 format, number cells `""`.
    pub fn table(self) -> Table {
        match self {
            Statutory::Active => table_two(),
            Statutory::Requests => table_three(),
            Statutory::Appeals => table_four(),
        }
    }

    /// Index of the report part (top-level section, 0-based) the table opens: 1 for 二 …
    pub fn part(self) -> usize {
        match self {
            Statutory::Active => 1,
            Statutory::Requests => 2,
            Statutory::Appeals => 3,
        }
    }

    /// The part's heading in the 2021 format (without its number).
    pub fn heading(self) -> &'static str {
        match self {
            Statutory::Active => "主动公开政府信息情况",
            Statutory::Requests => "收到和处理政府信息公开申请情况",
            Statutory::Appeals => "政府信息公开行政复议、行政诉讼情况",
        }
    }

    /// Whether a heading, as a clerk or a pasted report may word it, is this table's part:
    /// it names 主动公开 (二), 申请 (三), or 复议 / 诉讼 (四).
    pub fn heading_matches(self, heading: &str) -> bool {
        match self {
            Statutory::Active => heading.contains("主动公开"),
            Statutory::Requests => heading.contains("申请") && !heading.contains("复议"),
            Statutory::Appeals => heading.contains("复议") || heading.contains("诉讼"),
        }
    }

    /// Which of the three `t` is: the same grid (rows, spans) with the same labels in every
    /// non-number cell. Number cells may hold anything. `None` for any other table (a clerk's
    /// own, or a statutory one whose labels were changed).
    pub fn identify(t: &Table) -> Option<Statutory> {
        Statutory::ALL.into_iter().find(|s| {
            let canon = s.table();
            canon.header_rows == t.header_rows
                && canon.rows.len() == t.rows.len()
                && canon.rows.iter().zip(&t.rows).all(|(a, b)| {
                    a.len() == b.len()
                        && a.iter().zip(b).all(|(x, y)| {
                            x.colspan() == y.colspan()
                                && x.rowspan() == y.rowspan()
                                && (x.text().is_empty() || x.text() == y.text())
                        })
                })
        })
    }

    /// The positions (`row`, index in `rows[row]`) of the number cells, row by row.
    pub fn number_cells(self) -> Vec<(usize, usize)> {
        let t = self.table();
        t.rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, c)| c.text().is_empty())
                    .map(move |(i, _)| (r, i))
            })
            .collect()
    }
}

fn label(t: &str) -> Cell {
    Cell::new(t)
}

fn n() -> Cell {
    Cell::new("")
}

fn wide(t: &str, colspan: u32) -> Cell {
    Cell::span(t, colspan, 1)
}

fn tall(t: &str, rowspan: u32) -> Cell {
    Cell::span(t, 1, rowspan)
}

/// A row label over `label_cols` columns followed by `numbers` empty number cells.
fn numbers_row(first: Vec<Cell>, numbers: usize) -> Vec<Cell> {
    let mut row = first;
    row.extend((0..numbers).map(|_| n()));
    row
}

/// Table 二, 主动公开政府信息情况 (国办公开办函〔2021〕30号, 格式第二部分): four grid columns,
/// no header rows (each block under a `第二十条第（…）项` row has its own label row).
///
/// Rows: 0 `第二十条第（一）项`; 1 labels 信息内容 / 本年制发件数 / 本年废止件数 / 现行有效件数;
/// 2 规章 and 3 行政规范性文件, three numbers each (cells 1–3); 4 `第二十条第（五）项`;
/// 5 labels; 6 行政许可 (cell 1 over three columns); 7 `第二十条第（六）项`; 8 labels;
/// 9 行政处罚, 10 行政强制; 11 `第二十条第（八）项`; 12 labels; 13 行政事业性收费, in 万元
/// (may be a decimal).
pub fn table_two() -> Table {
    let decisions = || vec![label("信息内容"), wide("本年处理决定数量", 3)];
    let one_number = |t: &str| vec![label(t), wide("", 3)];
    Table {
        title: None,
        header_rows: 0,
        rows: vec![
            vec![wide("第二十条第（一）项", 4)],
            vec![
                label("信息内容"),
                label("本年制发件数"),
                label("本年废止件数"),
                label("现行有效件数"),
            ],
            numbers_row(vec![label("规章")], 3),
            numbers_row(vec![label("行政规范性文件")], 3),
            vec![wide("第二十条第（五）项", 4)],
            decisions(),
            one_number("行政许可"),
            vec![wide("第二十条第（六）项", 4)],
            decisions(),
            one_number("行政处罚"),
            one_number("行政强制"),
            vec![wide("第二十条第（八）项", 4)],
            vec![label("信息内容"), wide("本年收费金额（单位：万元）", 3)],
            one_number("行政事业性收费"),
        ],
        widths: None,
    }
}

/// Row of table 三 holding `一、本年新收政府信息公开申请数量`.
pub const THREE_NEW: usize = 3;
/// Row of table 三 holding `二、上年结转政府信息公开申请数量` (= last year's
/// [`THREE_CARRY_OVER`], per column).
pub const THREE_CARRIED: usize = 4;
/// Row of table 三 holding `（七）总计`.
pub const THREE_TOTAL: usize = 26;
/// Row of table 三 holding `四、结转下年度继续办理`.
pub const THREE_CARRY_OVER: usize = 27;
/// The applicant columns of table 三 in the order of a number row: 自然人, the five
/// 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), 总计. In a number row
/// they are the last seven cells.
pub const THREE_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];
/// Rows of table 二 with 本年制发件数 / 本年废止件数 / 现行有效件数 (规章, 行政规范性文件).
pub const TWO_DOCUMENT_ROWS: [usize; 2] = [2, 3];
/// Cell index of 现行有效件数 in a [`TWO_DOCUMENT_ROWS`] row.
pub const TWO_IN_FORCE: usize = 3;

/// Table 三, 收到和处理政府信息公开申请情况 (国办公开办函〔2021〕30号, 格式第三部分): ten grid
/// columns (three label columns, 自然人, five 法人或其他组织 columns, 总计), three header rows.
///
/// Every number row ends in seven number cells in the order of [`THREE_COLUMNS`]. Rows 3 and 4
/// are 一 and 二; rows 5–26 are 三's sub-rows （一）–（七） with the numbered items of （三）–（六）
/// (the first row of a group carries the group's label with its row span); row 27 is 四.
/// There are no subtotal rows: the format has none.
pub fn table_three() -> Table {
    let mut rows = vec![
        vec![
            Cell::span(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            wide("申请人情况", 7),
        ],
        vec![
            tall("自然人", 2),
            wide("法人或其他组织", 5),
            tall("总计", 2),
        ],
        vec![
            label("商业企业"),
            label("科研机构"),
            label("社会公益组织"),
            label("法律服务机构"),
            label("其他"),
        ],
        numbers_row(vec![wide("一、本年新收政府信息公开申请数量", 3)], 7),
        numbers_row(vec![wide("二、上年结转政府信息公开申请数量", 3)], 7),
        numbers_row(
            vec![tall("三、本年度办理结果", 22), wide("（一）予以公开", 2)],
            7,
        ),
        numbers_row(
            vec![wide(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                2,
            )],
            7,
        ),
    ];
    let groups: [(&str, &[&str]); 4] = [
        (
            "（三）不予公开",
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            &[
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "（五）不予处理",
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    for (group, items) in groups {
        for (k, item) in items.iter().enumerate() {
            let mut first = Vec::new();
            if k == 0 {
                first.push(tall(group, items.len() as u32));
            }
            first.push(label(item));
            rows.push(numbers_row(first, 7));
        }
    }
    rows.push(numbers_row(vec![wide("（七）总计", 2)], 7));
    rows.push(numbers_row(vec![wide("四、结转下年度继续办理", 3)], 7));
    Table {
        title: None,
        header_rows: 3,
        rows,
        widths: None,
    }
}

/// The column labels of table 四's number row, left to right: 行政复议 (five), then 行政诉讼
/// 未经复议直接起诉 (five) and 复议后起诉 (five).
pub const FOUR_RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Table 四, 政府信息公开行政复议、行政诉讼情况 (国办公开办函〔2021〕30号, 格式第四部分):
/// fifteen grid columns, three header rows, one number row (row 3) of fifteen cells: 行政复议's
/// [`FOUR_RESULTS`], then 行政诉讼's for 未经复议直接起诉 and for 复议后起诉.
pub fn table_four() -> Table {
    let mut second = FOUR_RESULTS.map(|t| tall(t, 2)).to_vec();
    second.push(wide("未经复议直接起诉", 5));
    second.push(wide("复议后起诉", 5));
    let third: Vec<Cell> = FOUR_RESULTS
        .iter()
        .chain(FOUR_RESULTS.iter())
        .map(|t| label(t))
        .collect();
    Table {
        title: None,
        header_rows: 3,
        rows: vec![
            vec![wide("行政复议", 5), wide("行政诉讼", 10)],
            second,
            third,
            (0..15).map(|_| n()).collect(),
        ],
        widths: None,
    }
}

/// `t` with every number cell emptied (labels and spans kept), for a table of kind `s`.
pub fn blanked(s: Statutory, t: &Table) -> Table {
    let mut out = t.clone();
    for (r, i) in s.number_cells() {
        if let Some(c) = out.rows.get_mut(r).and_then(|row| row.get_mut(i)) {
            c.set_text("");
        }
    }
    out
}

/// This year's table of kind `s` from last year's `old` (already identified as `s`): the
/// structure with the numbers blanked, except the numbers the format carries over —
/// table 三's row 二 (上年结转) takes last year's row 四 (结转下年度继续办理), column by column,
/// and table 二's 现行有效件数 (规章, 行政规范性文件) starts at last year's, so that with
/// 本年制发 and 本年废止 blank the arithmetic holds (国办公开办函〔2021〕30号).
pub fn next_year(s: Statutory, old: &Table) -> Table {
    let mut t = blanked(s, old);
    let cell = |tab: &Table, r: usize, i: usize| -> String {
        tab.rows
            .get(r)
            .and_then(|row| row.get(i))
            .map(|c| c.text().trim().to_string())
            .unwrap_or_default()
    };
    match s {
        Statutory::Requests => {
            let width = t.rows[THREE_CARRIED].len();
            for i in width - 7..width {
                let v = cell(old, THREE_CARRY_OVER, i);
                t.rows[THREE_CARRIED][i].set_text(&v);
            }
        }
        Statutory::Active => {
            for r in TWO_DOCUMENT_ROWS {
                let v = cell(old, r, TWO_IN_FORCE);
                t.rows[r][TWO_IN_FORCE].set_text(&v);
            }
        }
        Statutory::Appeals => {}
    }
    t
}

/// Carries the statutory tables of last year's report `old` into `new` (its next-year copy,
/// whose section tree mirrors `old`'s with the bodies cleared): every statutory table of a
/// top-level section of `old` comes back as the [`next_year`] table at the head of the same
/// section of `new`, in its order. A report of kind [`KIND`] whose part 二/三/四 (by position,
/// heading matching) had lost its table gets a new one. Other tables are not carried (their
/// cells are last year's text).
pub fn carry_tables(old: &Report, new: &mut Report) {
    for (k, (o, s)) in old.sections.iter().zip(new.sections.iter_mut()).enumerate() {
        let carried: Vec<Item> = o
            .paragraphs
            .iter()
            .filter_map(Item::table)
            .filter_map(|t| Statutory::identify(t).map(|st| next_year(st, t).into()))
            .collect();
        let missing = (old.kind == KIND && carried.is_empty())
            .then(|| {
                Statutory::ALL
                    .into_iter()
                    .find(|st| st.part() == k && st.heading_matches(&s.heading))
            })
            .flatten();
        let head: Vec<Item> = match missing {
            Some(st) => vec![st.table().into()],
            None => carried,
        };
        s.paragraphs.splice(0..0, head);
    }
}

/// Puts table `s` first in `section`'s body (used by the template for parts 二/三/四).
pub fn open_with(section: &mut Section, s: Statutory) {
    section.paragraphs.insert(0, s.table().into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_have_the_statutory_shapes() {
        let g = table_two().grid().unwrap();
        assert_eq!((g.columns, g.rows), (4, 14));
        assert_eq!(g.at(13, 3).unwrap().text, "");
        assert_eq!(g.at(6, 2).unwrap().colspan, 3);
        let g = table_three().grid().unwrap();
        assert_eq!((g.columns, g.rows), (10, 28));
        assert_eq!(g.at(20, 0).unwrap().text, "三、本年度办理结果");
        assert_eq!(g.at(14, 1).unwrap().text, "（三）不予公开");
        assert_eq!(g.at(14, 2).unwrap().text, "8.属于行政查询事项");
        assert_eq!(g.at(2, 9).unwrap().text, "总计");
        assert_eq!(g.at(2, 8).unwrap().text, "其他");
        assert_eq!(g.at(25, 2).unwrap().text, "3.其他");
        assert_eq!(g.at(THREE_TOTAL, 1).unwrap().text, "（七）总计");
        assert_eq!(
            g.at(THREE_CARRY_OVER, 2).unwrap().text,
            "四、结转下年度继续办理"
        );
        for r in 3..28 {
            assert!(
                (3..10).all(|c| g.at(r, c).unwrap().text.is_empty()),
                "row {r}"
            );
        }
        let g = table_four().grid().unwrap();
        assert_eq!((g.columns, g.rows), (15, 4));
        assert_eq!(g.at(2, 5).unwrap().text, "结果维持");
        assert_eq!(g.at(2, 10).unwrap().text, "结果维持");
        assert_eq!(g.at(2, 14).unwrap().text, "总计");
        assert_eq!(g.at(1, 6).unwrap().text, "未经复议直接起诉");
        assert_eq!(g.at(2, 3).unwrap().text, "尚未审结");
        assert_eq!(g.at(1, 14).unwrap().text, "复议后起诉");
        assert_eq!(Statutory::Requests.number_cells().len(), 25 * 7);
        assert_eq!(Statutory::Active.number_cells().len(), 6 + 4);
        assert_eq!(Statutory::Appeals.number_cells().len(), 15);
    }

    #[test]
    fn identify_accepts_numbers_and_refuses_changed_labels() {
        let mut t = table_three();
        t.rows[THREE_NEW][1].set_text("12");
        assert_eq!(Statutory::identify(&t), Some(Statutory::Requests));
        t.rows[THREE_NEW][0].set_text("一、新收申请");
        assert_eq!(Statutory::identify(&t), None);
        assert_eq!(Statutory::identify(&table_four()), Some(Statutory::Appeals));
        assert_eq!(Statutory::identify(&table_two()), Some(Statutory::Active));
    }

    #[test]
    fn next_year_carries_closing_numbers_only() {
        let mut three = table_three();
        for (k, (r, i)) in Statutory::Requests.number_cells().into_iter().enumerate() {
            three.rows[r][i].set_text(&k.to_string());
        }
        let next = next_year(Statutory::Requests, &three);
        for i in 1..8 {
            assert_eq!(
                next.rows[THREE_CARRIED][i].text(),
                three.rows[THREE_CARRY_OVER][i].text()
            );
            assert_eq!(next.rows[THREE_NEW][i].text(), "");
            assert_eq!(next.rows[THREE_CARRY_OVER][i].text(), "");
        }
        let mut two = table_two();
        two.rows[2][1].set_text("1");
        two.rows[2][3].set_text("9");
        two.rows[3][3].set_text("14");
        let next = next_year(Statutory::Active, &two);
        assert_eq!(next.rows[2][1].text(), "");
        assert_eq!(next.rows[2][3].text(), "9");
        assert_eq!(next.rows[3][3].text(), "14");
    }
}
