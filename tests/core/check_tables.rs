//! The arithmetic of the statutory tables of the 政府信息公开工作年度报告 (2021 format,
//! 国办公开办函〔2021〕30号): `table-sum`, `table-cross-year` (two reports in a temporary
//! store), `table-text`, and totals computed on request. The tables are the template's
//! (`templates::disclosure`, the official labels) with numbers filled in here; where they sit in
//! the report is up to each test (the checks find them by their labels).

use gongwen::check::{self, codes, fill_totals, Finding, Location, Severity, WordList};
use gongwen::model::{Date, Item, Report, Section, Table};
use gongwen::ops;
use gongwen::store::Store;
use gongwen::templates::disclosure;

const UNIT: &str = "青松镇人民政府";

/// Grid rows of table 三 (header rows included).
const NEW: usize = 3;
const CARRIED: usize = 4;
const DISCLOSED: usize = 5;
const SECRET: usize = 7;
const SEVEN: usize = 26;
const FORWARD: usize = 27;

/// A cell's text: the number in digits, `0` included (the format wants `0`, not a blank).
fn n(v: i64) -> String {
    v.to_string()
}

/// Table 三 of the template (`templates::disclosure::table_three`, the official labels) with
/// the six applicant numbers (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) of each
/// of its 25 numeric rows; the 总计 column is their sum.
fn table_three(values: &[[i64; 6]]) -> Table {
    let mut t = disclosure::table_three();
    assert_eq!(values.len(), 25);
    for (r, v) in (NEW..=FORWARD).zip(values) {
        let row = &mut t.rows[r];
        let k = row.len() - 7;
        for (i, x) in v.iter().enumerate() {
            row[k + i].set_text(&n(*x));
        }
        row[k + 6].set_text(&n(v.iter().sum()));
    }
    t
}

/// Consistent numbers for table 三: 新收 12, 上年结转 2, 予以公开 6, …, （七） 11, 结转 3.
fn three_values(carried: [i64; 6]) -> Vec<[i64; 6]> {
    let new = [10, 1, 0, 0, 1, 0];
    let mut parts = vec![[0i64; 6]; 21];
    parts[0] = [5, 1, 0, 0, 0, 0]; // （一）予以公开
    parts[1] = [1, 0, 0, 0, 0, 0]; // （二）部分公开
    parts[2] = [1, 0, 0, 0, 0, 0]; // （三）1.属于国家秘密
    parts[10] = [1, 0, 0, 0, 1, 0]; // （四）1.本机关不掌握相关政府信息
    parts[14] = [carried[0] - 1, 0, 0, 0, 0, 0]; // （五）2.重复申请
    let mut seven = [0i64; 6];
    for p in &parts {
        for (s, x) in seven.iter_mut().zip(p) {
            *s += x;
        }
    }
    let forward: Vec<i64> = (0..6).map(|i| new[i] + carried[i] - seven[i]).collect();
    let mut out = vec![new, carried];
    out.extend(parts);
    out.push(seven);
    out.push(forward.try_into().unwrap());
    out
}

/// Table 二 of the template with 规章 and 行政规范性文件 (本年制发, 本年废止, 现行有效) and the
/// one-number rows (行政许可 120, 行政处罚 30, 行政强制 2, 行政事业性收费 3.5 万元).
fn table_two(rules: [i64; 3], norms: [i64; 3]) -> Table {
    let mut t = disclosure::table_two();
    for (r, v) in [(2, rules), (3, norms)] {
        for (i, x) in v.iter().enumerate() {
            t.rows[r][1 + i].set_text(&x.to_string());
        }
    }
    for (r, v) in [(6, "120"), (9, "30"), (10, "2"), (13, "3.5")] {
        t.rows[r][1].set_text(v);
    }
    t
}

/// Table 四 of the template from the four results (结果维持, 结果纠正, 其他结果, 尚未审结) of
/// 行政复议, 未经复议直接起诉 and 复议后起诉; each 总计 is their sum.
fn table_four(groups: [[i64; 4]; 3]) -> Table {
    let mut t = disclosure::table_four();
    let cells = &mut t.rows[3];
    for (g, v) in groups.iter().enumerate() {
        for (i, x) in v.iter().enumerate() {
            cells[g * 5 + i].set_text(&x.to_string());
        }
        cells[g * 5 + 4].set_text(&v.iter().sum::<i64>().to_string());
    }
    t
}

fn section(heading: &str, items: Vec<Item>) -> Section {
    Section {
        paragraphs: items,
        ..Section::new(heading)
    }
}

/// A whole annual report whose tables and text agree, with table 三 from `values` and
/// 现行有效件数 `valid` (规章, 行政规范性文件); 本年制发/废止 are 1/0 and 3/1.
fn report(year: i32, unit: &str, values: Vec<[i64; 6]>, valid: [i64; 2]) -> Report {
    let mut r = Report::new("annual-disclosure", unit, year, "年度");
    r.title = format!("{unit}{year}年政府信息公开工作年度报告");
    let total = |row: usize| -> i64 { values[row - 3].iter().sum() };
    let text = format!(
        "本年新收政府信息公开申请{}件，上年结转{}件，予以公开{}件，结转下年度继续办理{}件。\
         发生政府信息公开行政复议1件、行政诉讼2件。",
        total(NEW),
        total(CARRIED),
        total(DISCLOSED),
        total(FORWARD)
    );
    r.sections = vec![
        section("总体情况", vec![text.into()]),
        section(
            "主动公开政府信息情况",
            vec![table_two([1, 0, valid[0]], [3, 1, valid[1]]).into()],
        ),
        section(
            "收到和处理政府信息公开申请情况",
            vec![table_three(&values).into()],
        ),
        section(
            "政府信息公开行政复议、行政诉讼情况",
            vec![table_four([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]).into()],
        ),
        section(
            "存在的主要问题及改进情况",
            vec!["培训不够，明年加强。".into()],
        ),
        section("其他需要报告的事项", vec!["无。".into()]),
    ];
    r.signature = unit.to_string();
    r.date = Date::new(year + 1, 1, 20);
    r
}

/// This year's report (2024): 上年结转 2 (自然人), 现行有效件数 5 and 20.
fn this_year() -> Report {
    report(2024, UNIT, three_values([2, 0, 0, 0, 0, 0]), [5, 20])
}

/// Last year's (2023), whose 结转下年度 and 现行有效件数 this year's follows on from:
/// 结转下年度 2 (自然人), 现行有效件数 4 and 18.
fn last_year() -> Report {
    // With 上年结转 3 its 结转下年度 would be 3 (10 + 3 − 10); one more 予以公开 makes it 2.
    let mut values = three_values([3, 0, 0, 0, 0, 0]);
    values[DISCLOSED - 3][0] += 1;
    values[SEVEN - 3][0] += 1;
    values[FORWARD - 3][0] -= 1;
    report(2023, UNIT, values, [4, 18])
}

fn table_mut(r: &mut Report, section: usize) -> &mut Table {
    r.sections[section].paragraphs[0].table_mut().unwrap()
}

/// Writes `text` into cell `cell` of row `row` of the table of section `section`.
fn set(r: &mut Report, section: usize, row: usize, cell: usize, text: &str) {
    table_mut(r, section).rows[row][cell].set_text(text);
}

fn cell(section: usize, row: usize, cell: usize) -> Location {
    Location::TableCell {
        path: vec![section],
        index: 0,
        row,
        cell,
    }
}

fn findings(r: &Report, last: Option<&Report>) -> Vec<Finding> {
    check::run_with_last_year(r, &WordList::builtin(), last)
}

fn tables_findings(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|f| f.code.starts_with("table-")).collect()
}

/// The one finding with `code` at `loc`, failing with all findings shown otherwise.
fn the<'a>(f: &'a [Finding], code: &str, loc: &Location) -> &'a Finding {
    let hits: Vec<&Finding> = f
        .iter()
        .filter(|x| x.code == code && &x.location == loc)
        .collect();
    assert_eq!(hits.len(), 1, "{code} at {loc:?}: {f:#?}");
    assert_eq!(hits[0].severity, Severity::Error);
    hits[0]
}

fn assert_names(f: &Finding, parts: &[&str]) {
    for p in parts {
        assert!(f.message.contains(p), "“{p}” not in “{}”", f.message);
    }
}

#[test]
fn a_consistent_report_has_no_table_findings() {
    let (this, last) = (this_year(), last_year());
    assert!(tables_findings(&findings(&last, None)).is_empty());
    let f = findings(&this, Some(&last));
    assert!(tables_findings(&f).is_empty(), "{f:#?}");
    // An empty new report (every numeric cell blank) adds up too.
    let blank = report(2024, UNIT, vec![[0; 6]; 25], [0, 0]);
    let mut blank_tables = blank.clone();
    for s in [1, 2, 3] {
        for row in &mut table_mut(&mut blank_tables, s).rows {
            for c in row.iter_mut() {
                if c.text().chars().all(|c| c.is_ascii_digit() || c == '.') {
                    c.set_text("");
                }
            }
        }
    }
    let f = findings(&blank_tables, None);
    assert!(
        tables_findings(&f)
            .iter()
            .all(|f| f.code == codes::TABLE_TEXT),
        "{f:#?}"
    );
}

#[test]
fn a_row_total_that_is_not_the_sum_of_the_applicant_columns() {
    let mut r = this_year();
    set(&mut r, 2, NEW, 7, "10"); // 一 总计: 12
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, NEW, 7));
    assert_names(
        hit,
        &[
            "表三",
            "“一、本年新收政府信息公开申请数量”行",
            "“总计”列",
            "应为 12",
            "填的是 10",
        ],
    );
    // A numbered item of （三） is named with its group.
    let mut r = this_year();
    set(&mut r, 2, SECRET, 3, "4"); // 商业企业 of 1.属于国家秘密, 总计 stays 1
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, SECRET, 8));
    assert_names(
        hit,
        &["“（三）1.属于国家秘密”行", "“总计”列", "应为 5", "填的是 1"],
    );
}

#[test]
fn a_blank_total_is_said_to_be_blank_not_to_hold_0() {
    let mut r = this_year();
    set(&mut r, 2, NEW, 7, ""); // 一 总计: 12, left blank
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, NEW, 7));
    assert_names(hit, &["“总计”列", "应为 12", "没有填（不填算 0）"]);
    assert!(!hit.message.contains("填的是"), "{}", hit.message);
    // Table 四 too.
    let mut r = this_year();
    set(&mut r, 3, 3, 4, ""); // 行政复议 总计: 1
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(3, 3, 4));
    assert_names(hit, &["表四", "应为 1", "没有填（不填算 0）"]);
}

#[test]
fn the_seventh_row_is_the_sum_of_the_results() {
    let mut r = this_year();
    // （七）自然人 is 9; the cell of the row (七) starts after its one label cell.
    set(&mut r, 2, SEVEN, 1, "10");
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, SEVEN, 1));
    assert_eq!(
        hit.message,
        "表三“（七）总计”行“自然人”列：应为 9（（一）至（六）各项之和），填的是 10。"
    );
    // The row's 总计 no longer adds up either.
    the(&f, codes::TABLE_SUM, &cell(2, SEVEN, 7));
}

#[test]
fn new_and_carried_equal_the_results_and_the_carry_forward() {
    let mut r = this_year();
    // 四 自然人: 10 + 2 − 9 = 3; written 2 (and the row's 总计 corrected to match).
    set(&mut r, 2, FORWARD, 1, "2");
    set(&mut r, 2, FORWARD, 7, "2");
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, FORWARD, 1));
    assert_names(
        hit,
        &[
            "“四、结转下年度继续办理”行",
            "“自然人”列",
            "应为 3",
            "填的是 2",
        ],
    );
    the(&f, codes::TABLE_SUM, &cell(2, FORWARD, 7));
    // More results than applications: the finding is on （七）.
    let mut r = this_year();
    for (row, c, v) in [(NEW, 1, "1"), (NEW, 7, "3")] {
        set(&mut r, 2, row, c, v);
    }
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, SEVEN, 1));
    assert_names(hit, &["“（七）总计”行", "“自然人”列", "是 9", "之和 3"]);
}

#[test]
fn each_total_of_table_four_is_its_four_results() {
    let mut r = this_year();
    set(&mut r, 3, 3, 4, "2"); // 行政复议 总计: 1
    set(&mut r, 3, 3, 12, "3"); // 复议后起诉 其他结果 → 总计 should be 4
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(3, 3, 4));
    assert_names(
        hit,
        &["表四", "“行政复议”", "“总计”列", "应为 1", "填的是 2"],
    );
    let hit = the(&f, codes::TABLE_SUM, &cell(3, 3, 14));
    assert_names(hit, &["复议后起诉", "“总计”列", "应为 4", "填的是 1"]);
    assert_eq!(tables_findings(&f).len(), 3, "{f:#?}"); // and the text's 行政复议1件
}

#[test]
fn a_cell_that_is_not_a_number_is_its_own_finding() {
    let mut r = this_year();
    set(&mut r, 2, NEW, 1, "十"); // 自然人 10
    set(&mut r, 2, CARRIED, 1, "2件");
    set(&mut r, 1, 2, 1, "一"); // 规章 本年制发件数
    let f = findings(&r, None);
    let hit = the(&f, codes::TABLE_SUM, &cell(2, NEW, 1));
    assert_names(
        hit,
        &[
            "“一、本年新收政府信息公开申请数量”行",
            "“自然人”列",
            "“十”",
            "不是数字",
        ],
    );
    let hit = the(&f, codes::TABLE_SUM, &cell(2, CARRIED, 1));
    assert_names(hit, &["“2件”", "请只填数字“2”"]);
    let hit = the(&f, codes::TABLE_SUM, &cell(1, 2, 1));
    assert_names(hit, &["表二", "“规章”行", "“本年制发件数”列", "“一”"]);
    // The sums that need those cells are not checked (no finding says 应为 about them).
    assert!(
        tables_findings(&f)
            .iter()
            .all(|f| !f.message.contains("应为")),
        "{f:#?}"
    );
    // An amount in 万元 may be a decimal; a count may not.
    let mut r = this_year();
    set(&mut r, 3, 3, 0, "1.5");
    let f = findings(&r, None);
    the(&f, codes::TABLE_SUM, &cell(3, 3, 0));
    assert!(tables_findings(&findings(&this_year(), None)).is_empty());
}

#[test]
fn tables_are_found_by_their_labels_wherever_they_sit() {
    let mut r = this_year();
    // Table 三 moved to a subsection after a paragraph, its labels with half-width brackets
    // and spaces.
    let mut t = table_mut(&mut r, 2).clone();
    for row in &mut t.rows {
        for c in row.iter_mut() {
            let loose = c.text().replace('（', "(").replace('）', ") ");
            c.set_text(&loose);
        }
    }
    t.rows[SEVEN][2].set_text("0"); // 商业企业 of （七）: 1
    r.sections[2].paragraphs.clear();
    r.sections[0].children.push(Section {
        paragraphs: vec!["见下表。".into(), t.into()],
        ..Section::new("申请情况")
    });
    let f = findings(&r, None);
    let loc = Location::TableCell {
        path: vec![0, 0],
        index: 1,
        row: SEVEN,
        cell: 2,
    };
    let hit = the(&f, codes::TABLE_SUM, &loc);
    assert_names(
        hit,
        &["“(七) 总计”行", "“商业企业”列", "应为 1", "填的是 0"],
    );
    assert_eq!(loc.describe(), "一、（一）表格第27行第3格");
    // A table of other labels is not taken for a statutory one.
    let mut r = this_year();
    r.sections[0]
        .paragraphs
        .push(Table::from_rows(1, &[&["项目", "总计"], &["一、培训", "x"]]).into());
    assert!(tables_findings(&findings(&r, None)).is_empty());
}

#[test]
fn findings_in_tables_come_in_reading_order() {
    let mut r = this_year();
    set(&mut r, 3, 3, 4, "2"); // 表四
    set(&mut r, 2, NEW, 7, "13"); // 表三, and the text's 12 differs now
    r.sections[4].paragraphs[0] = "培训不够,明年加强。".into(); // a half-width comma after them
    let f = findings(&r, None);
    let order: Vec<(&str, Option<&[usize]>)> = f
        .iter()
        .filter(|f| f.code.starts_with("table-") || f.code == codes::HALF_WIDTH)
        .map(|f| (f.code.as_str(), f.location.path()))
        .collect();
    let paths: Vec<usize> = order.iter().map(|(_, p)| p.unwrap()[0]).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "{order:?}");
    assert_eq!(
        paths.first(),
        Some(&0),
        "the text's number first: {order:?}"
    );
    assert_eq!(paths.last(), Some(&4), "{order:?}");
}

#[test]
fn numbers_in_the_text_equal_the_cells_they_name() {
    let mut r = this_year();
    let text = "本年新收政府信息公开申请13件，上年结转2件，予以公开5件，结转下年度继续办理3件。\
                发生政府信息公开行政复议1件、行政诉讼3起。";
    r.sections[0].paragraphs[0] = text.into();
    let f = findings(&r, None);
    let hits: Vec<&Finding> = f.iter().filter(|f| f.code == codes::TABLE_TEXT).collect();
    assert_eq!(hits.len(), 3, "{f:#?}");
    let at = Location::Paragraph {
        path: vec![0],
        index: 0,
    };
    for h in &hits {
        assert_eq!(h.location, at);
        assert_eq!(h.severity, Severity::Error);
    }
    let span = |f: &Finding| -> String {
        text.chars()
            .skip(f.start.unwrap())
            .take(f.end.unwrap() - f.start.unwrap())
            .collect()
    };
    assert_eq!(span(hits[0]), "13");
    assert_names(
        hits[0],
        &[
            "13",
            "表三“一、本年新收政府信息公开申请数量”行“总计”列",
            "填的是 12",
        ],
    );
    assert_eq!(span(hits[1]), "5");
    assert_names(
        hits[1],
        &["“（一）予以公开”行", "“总计”列", "5", "填的是 6"],
    );
    assert_eq!(span(hits[2]), "3");
    assert_names(hits[2], &["表四", "行政诉讼", "总计", "之和是 2", "3"]);
}

#[test]
fn last_years_report_of_the_same_unit_is_checked_against_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let this = store.create(&this_year()).unwrap();
    assert!(ops::last_year_report(&store, &store.load(this).unwrap())
        .unwrap()
        .is_none());
    let cross = |store: &mut Store| -> Vec<Finding> {
        ops::run_checks(store, this)
            .unwrap()
            .into_iter()
            .filter(|f| f.code == codes::TABLE_CROSS_YEAR)
            .collect()
    };
    // Another unit's 2023 report, whose numbers would not fit, is not used.
    let mut other = last_year();
    other.unit = "白云镇人民政府".into();
    set(&mut other, 2, FORWARD, 1, "7");
    set(&mut other, 1, 2, 3, "1");
    store.create(&other).unwrap();
    assert!(cross(&mut store).is_empty());
    // Our own 2023 report, consistent: nothing either.
    let last = store.create(&last_year()).unwrap();
    let found = ops::last_year_report(&store, &store.load(this).unwrap()).unwrap();
    assert_eq!(found.and_then(|r| r.id), Some(last));
    let f = cross(&mut store);
    assert!(f.is_empty(), "{f:#?}");
    // Last year's 四 ≠ this year's 二; last year's 现行有效件数 does not lead to this year's.
    let mut changed = store.load(last).unwrap();
    set(&mut changed, 2, FORWARD, 1, "3"); // 自然人: 2 → 3
    set(&mut changed, 2, FORWARD, 7, "3");
    set(&mut changed, 1, 3, 3, "17"); // 行政规范性文件 现行有效 18 → 17
    store.update_report(last, &changed, None).unwrap();
    let f = cross(&mut store);
    assert_eq!(f.len(), 3, "{f:#?}"); // 自然人, 总计, 行政规范性文件
    let hit = the(&f, codes::TABLE_CROSS_YEAR, &cell(2, CARRIED, 1));
    assert_eq!(
        hit.message,
        "表三“二、上年结转政府信息公开申请数量”行“自然人”列：应为 3\
         （2023年报告表三“四、结转下年度继续办理”行），填的是 2。"
    );
    the(&f, codes::TABLE_CROSS_YEAR, &cell(2, CARRIED, 7));
    let hit = the(&f, codes::TABLE_CROSS_YEAR, &cell(1, 3, 3));
    assert_names(
        hit,
        &[
            "表二“行政规范性文件”行“现行有效件数”列",
            "应为 19",
            "2023年的现行有效件数 17",
            "本年制发件数 3",
            "本年废止件数 1",
            "填的是 20",
        ],
    );
    // Without last year's report the same numbers raise no cross-year finding.
    let r = store.load(this).unwrap();
    assert!(findings(&r, None)
        .iter()
        .all(|f| f.code != codes::TABLE_CROSS_YEAR));
    // A last year's report whose tables were never filled in is not compared with.
    let mut empty = changed.clone();
    for s in [1, 2] {
        for row in &mut table_mut(&mut empty, s).rows {
            for c in row.iter_mut() {
                if c.text().chars().all(|c| c.is_ascii_digit()) {
                    c.set_text("");
                }
            }
        }
    }
    assert!(findings(&r, Some(&empty))
        .iter()
        .all(|f| f.code != codes::TABLE_CROSS_YEAR));
}

#[test]
fn totals_on_request_make_the_tables_add_up() {
    let good = this_year();
    let mut r = good.clone();
    set(&mut r, 2, NEW, 7, "10"); // a row's 总计
    set(&mut r, 2, SEVEN, 1, ""); // a cell of （七）
    set(&mut r, 2, SEVEN, 7, "99"); // （七） 总计
    set(&mut r, 3, 3, 4, "5"); // 行政复议 总计
    set(&mut r, 3, 3, 9, ""); // 未经复议直接起诉 总计
    assert!(!tables_findings(&findings(&r, None)).is_empty());
    assert_eq!(fill_totals(&mut r), 5);
    assert_eq!(r, good, "only the totals changed, to the consistent values");
    assert_eq!(fill_totals(&mut r), 0);
    // Every total left blank (as a clerk types only the parts): all of them are filled.
    let mut bare = good.clone();
    let t = table_mut(&mut bare, 2);
    for row in NEW..=FORWARD {
        let cells = t.rows[row].len();
        t.rows[row][cells - 1].set_text("");
    }
    for c in &mut t.rows[SEVEN][1..] {
        c.set_text("");
    }
    let filled = fill_totals(&mut bare);
    assert_eq!(bare, good);
    // The 25 row totals (（七）'s included) and （七）'s other 6 cells.
    assert_eq!(filled, 31);
    // Parts changed: the totals follow them.
    set(&mut r, 2, SECRET, 3, "2"); // 商业企业 of （三）1.
    set(&mut r, 2, FORWARD, 2, "-"); // not a number: its 总计 is left alone
    let changed = fill_totals(&mut r);
    assert_eq!(changed, 3, "1. 总计, （七）商业企业, （七）总计");
    let t = r.sections[2].paragraphs[0].table().unwrap();
    assert_eq!(t.rows[SECRET][8].text(), "3");
    assert_eq!(t.rows[SEVEN][2].text(), "3");
    assert_eq!(t.rows[SEVEN][7].text(), "13");
    assert_eq!(t.rows[FORWARD][7].text(), "3");
    assert_eq!(t.rows[FORWARD][2].text(), "-", "a part is never touched");
    // In the store: one transaction, a version kept first.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let mut broken = good.clone();
    set(&mut broken, 2, NEW, 7, "10");
    let id = store.create(&broken).unwrap();
    let done = ops::fill_table_totals(&mut store, id).unwrap();
    assert_eq!(done.changed, 1);
    assert_eq!(
        done.report.clone().without_ids(),
        good.clone().without_ids()
    );
    assert_eq!(store.load(id).unwrap(), done.report);
    let versions = store.list_versions(id).unwrap();
    assert_eq!(versions[0].name, ops::VERSION_BEFORE_TOTALS);
    let again = ops::fill_table_totals(&mut store, id).unwrap();
    assert_eq!(again.changed, 0);
    assert_eq!(store.list_versions(id).unwrap().len(), versions.len());
}

#[test]
fn a_table_filled_in_part_is_reminded_of_its_blank_cells() {
    // Every cell written (zeros as 0): no reminder.
    let r = this_year();
    assert!(findings(&r, None)
        .iter()
        .all(|f| f.code != codes::TABLE_BLANK));
    // Two zeros of table 三 left blank: one warning, at the first of them.
    let mut r = this_year();
    set(&mut r, 2, SECRET, 3, "");
    set(&mut r, 2, SECRET, 4, "");
    let blank: Vec<Finding> = findings(&r, None)
        .into_iter()
        .filter(|f| f.code == codes::TABLE_BLANK)
        .collect();
    assert_eq!(blank.len(), 1, "{blank:?}");
    assert_eq!(blank[0].severity, Severity::Warning);
    assert!(
        blank[0].message.contains("表三有 2 个数字格空着"),
        "{}",
        blank[0].message
    );
    assert!(matches!(
        blank[0].location,
        Location::TableCell {
            row: SECRET,
            cell: 3,
            ..
        }
    ));
    // A table not filled in at all (a new report) is not nagged about.
    let fresh = gongwen::templates::get("annual-disclosure")
        .unwrap()
        .instantiate(UNIT, 2024, "年度");
    assert!(findings(&fresh, None)
        .iter()
        .all(|f| f.code != codes::TABLE_BLANK));
}
