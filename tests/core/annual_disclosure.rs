//! The 政府信息公开工作年度报告 kind (issue 16): a new report carries the three statutory
//! tables of the 2021 format at the head of parts 二/三/四; "new from last year" blanks their
//! numbers but carries the closing ones; a pasted report whose tables arrived one cell per line
//! gets them back as tables, with nothing lost unlisted.

use crate::import_accounting::accounting;
use gongwen::import::{import_text, rebuild, ImportOptions, Role};
use gongwen::model::{Item, Report, Table};
use gongwen::ops;
use gongwen::store::Store;
use gongwen::templates::{
    self,
    disclosure::{self, Statutory, THREE_CARRIED, THREE_CARRY_OVER, THREE_NEW, THREE_TOTAL},
};

fn new_report() -> Report {
    templates::get(disclosure::KIND)
        .unwrap()
        .instantiate("青石镇", 2024, "年度")
}

fn table(r: &Report, part: usize) -> &Table {
    r.sections[part].paragraphs[0]
        .table()
        .unwrap_or_else(|| panic!("part {part} does not start with a table"))
}

#[test]
fn a_new_annual_report_has_six_parts_and_the_three_tables_first() {
    let r = new_report();
    assert_eq!(r.title, "青石镇2024年政府信息公开工作年度报告");
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "总体情况",
            "主动公开政府信息情况",
            "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况",
            "其他需要报告的事项"
        ]
    );
    for s in Statutory::ALL {
        assert_eq!(table(&r, s.part()), &s.table());
        assert_eq!(r.sections[s.part()].heading, s.heading());
        assert!(s.heading_matches(&r.sections[s.part()].heading));
    }
    for k in [0, 4, 5] {
        assert!(r.sections[k].paragraphs.iter().all(|p| p.table().is_none()));
    }
    assert!(r.validate().is_ok());
    let t = templates::get(disclosure::KIND).unwrap();
    assert!(t.sections.iter().all(|s| !s.guidance.what.is_empty()));
    // Every number cell is empty in a new report; every label is the format's.
    let three = table(&r, 2);
    let g = three.grid().unwrap();
    assert_eq!(g.at(THREE_TOTAL, 1).unwrap().text, "（七）总计");
    assert!(g
        .cells
        .iter()
        .filter(|c| c.row >= 3 && c.col >= 3)
        .all(|c| c.text.is_empty()));
}

fn fill(t: &mut Table, s: Statutory, f: impl Fn(usize) -> String) {
    for (k, (r, i)) in s.number_cells().into_iter().enumerate() {
        t.rows[r][i].set_text(&f(k));
    }
}

#[test]
fn new_from_last_year_carries_the_closing_numbers_and_blanks_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(d.path()).unwrap();
    let mut old = new_report();
    old.sections[0]
        .paragraphs
        .push("全年主动公开信息86条。".into());
    for s in Statutory::ALL {
        let t = old.sections[s.part()].paragraphs[0].table_mut().unwrap();
        fill(t, s, |k| (k % 4 + 1).to_string());
    }
    {
        let three = old.sections[2].paragraphs[0].table_mut().unwrap();
        let carry = ["3", "1", "0", "0", "0", "0", "4"];
        for (i, v) in carry.iter().enumerate() {
            three.rows[THREE_CARRY_OVER][i + 1].set_text(v);
        }
        let two = old.sections[1].paragraphs[0].table_mut().unwrap();
        two.rows[2][3].set_text("2");
        two.rows[3][3].set_text("17");
    }
    old.sections[2]
        .paragraphs
        .push("本年度依申请公开工作运行平稳。".into());
    let old_id = store.create(&old).unwrap();
    let new_id = ops::new_from_last_year(&mut store, old_id).unwrap();
    let new = store.load(new_id).unwrap();
    assert_eq!(new.year, 2025);
    assert_eq!(new.title, "青石镇2025年政府信息公开工作年度报告");
    assert_eq!(new.kind, disclosure::KIND);
    // Last year's text is gone; the tables are back, first, with their structure.
    assert!(new.sections[0].paragraphs.is_empty());
    assert_eq!(new.sections[2].paragraphs.len(), 1);
    for s in Statutory::ALL {
        assert_eq!(Statutory::identify(table(&new, s.part())), Some(s));
    }
    let three = table(&new, 2);
    let carried: Vec<&str> = three.rows[THREE_CARRIED][1..]
        .iter()
        .map(|c| c.text())
        .collect();
    assert_eq!(carried, ["3", "1", "0", "0", "0", "0", "4"]);
    for r in [THREE_NEW, THREE_TOTAL, THREE_CARRY_OVER] {
        assert!(
            three.rows[r][1..].iter().all(|c| c.text().is_empty()),
            "row {r}"
        );
    }
    let two = table(&new, 1);
    assert_eq!((two.rows[2][3].text(), two.rows[3][3].text()), ("2", "17"));
    assert!(two.rows[2][1..3].iter().all(|c| c.text().is_empty()));
    assert_eq!(two.rows[13][1].text(), "");
    assert!(table(&new, 3).rows[3].iter().all(|c| c.text().is_empty()));

    // A report of this kind whose table was deleted gets a new one back.
    let mut lost = old.clone();
    lost.id = None;
    lost.sections[3].paragraphs.clear();
    let lost_id = store.create(&lost).unwrap();
    let again_id = ops::new_from_last_year(&mut store, lost_id).unwrap();
    let again = store.load(again_id).unwrap();
    assert_eq!(table(&again, 3), &Statutory::Appeals.table());
}

/// A whole annual report as copied from a county site's disclosure column: site chrome, the
/// six parts, and the three tables one cell per line (blank cells written as 0), with the
/// variations such pages have: a missing 勾稽 note, half-width brackets, spaces inside labels,
/// numbering left off, straight quotes.
fn pasted_report() -> String {
    let mut l: Vec<String> = [
        "首页 > 政务公开 > 政府信息公开年报",
        "青石镇2024年政府信息公开工作年度报告",
        "发布时间：2025-01-16  来源：青石镇人民政府",
        "一、总体情况",
        "2024年，青石镇围绕群众关心的事项做好信息公开，全年在镇政府信息公开专栏发布信息132条。",
        "（一）主动公开。镇财政预算、民生补贴等信息按时在专栏发布。",
        "（二）依申请公开。全年新收政府信息公开申请5件，均按期答复。",
        "二、主动公开政府信息情况",
        "第二十条第(一)项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规章",
        "0",
        "0",
        "0",
        "行政规范性文件",
        "2",
        "1",
        "9",
        "第二十条第(五)项",
        "信息内容",
        "本年处理决定数量",
        "行政许可",
        "41",
        "第二十条第(六)项",
        "信息内容",
        "本年处理决定数量",
        "行政处罚",
        "7",
        "行政强制",
        "0",
        "第二十条第(八)项",
        "信息内容",
        "本年收费金额(单位:万元)",
        "行政事业性收费",
        "2.5",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "本年新收政府信息公开申请数量",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let row = |l: &mut Vec<String>, label: &str, v: [u32; 7]| {
        l.push(label.to_string());
        l.extend(v.iter().map(u32::to_string));
    };
    l.extend(["4", "1", "0", "0", "0", "0", "5"].map(String::from));
    row(
        &mut l,
        "二、上年结转政府信息公开申请数量",
        [1, 0, 0, 0, 0, 0, 1],
    );
    l.push("三、本年度办理结果".into());
    row(&mut l, "(一)予以公开", [3, 1, 0, 0, 0, 0, 4]);
    row(
        &mut l,
        "(二)部分公开(区分处理的，只计这一情形，不计其他情形)",
        [0; 7],
    );
    let groups: [(&str, &[&str]); 4] = [
        (
            "(三)不予公开",
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及\"三安全一稳定\"",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "(四)无法提供",
            &[
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "(五)不予处理",
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "(六)其他处理",
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    for (g, items) in groups {
        l.push(g.into());
        for (k, item) in items.iter().enumerate() {
            let v = if g.contains("四") && k == 0 {
                [1, 0, 0, 0, 0, 0, 1]
            } else {
                [0; 7]
            };
            row(&mut l, item, v);
        }
    }
    row(&mut l, "(七)总计", [4, 1, 0, 0, 0, 0, 5]);
    row(&mut l, "四、结转下年度 继续办理", [1, 0, 0, 0, 0, 0, 1]);
    l.push("四、政府信息公开行政复议、行政诉讼情况".into());
    for c in ["行政复议", "行政诉讼"] {
        l.push(c.into());
    }
    for c in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
        l.push(c.into());
    }
    l.push("未经复议直接起诉".into());
    l.push("复议后起诉".into());
    for _ in 0..2 {
        for c in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            l.push(c.into());
        }
    }
    for v in [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] {
        l.push(v.to_string());
    }
    l.extend(
        [
            "五、存在的主要问题及改进情况",
            "专栏个别栏目更新偏慢。明年将落实专人每周检查。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "青石镇人民政府",
            "2025年1月16日",
            "【打印本页】【关闭窗口】",
        ]
        .map(String::from),
    );
    l.join("\n")
}

#[test]
fn a_pasted_annual_report_gets_its_statutory_tables_back() {
    let text = pasted_report();
    let res = import_text(&text, &ImportOptions::default()).unwrap();
    let r = &res.report;
    assert_eq!(r.kind, disclosure::KIND);
    assert_eq!(res.proposal.kind, disclosure::KIND);
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings.len(), 6, "{headings:?}");
    assert_eq!(headings[2], "收到和处理政府信息公开申请情况");

    let two = table(r, 1);
    assert_eq!(Statutory::identify(two), Some(Statutory::Active));
    assert_eq!((two.rows[3][1].text(), two.rows[3][3].text()), ("2", "9"));
    assert_eq!(two.rows[6][1].text(), "41");
    assert_eq!(two.rows[9][1].text(), "7");
    assert_eq!(two.rows[13][1].text(), "2.5");

    let three = table(r, 2);
    assert_eq!(Statutory::identify(three), Some(Statutory::Requests));
    let row = |k: usize| -> Vec<&str> {
        three.rows[k]
            .iter()
            .rev()
            .take(7)
            .rev()
            .map(|c| c.text())
            .collect()
    };
    assert_eq!(row(THREE_NEW), ["4", "1", "0", "0", "0", "0", "5"]);
    assert_eq!(row(THREE_CARRIED), ["1", "0", "0", "0", "0", "0", "1"]);
    assert_eq!(row(5), ["3", "1", "0", "0", "0", "0", "4"]);
    assert_eq!(
        row(15),
        ["1", "0", "0", "0", "0", "0", "1"],
        "（四）1. 本机关不掌握"
    );
    assert_eq!(row(THREE_TOTAL), ["4", "1", "0", "0", "0", "0", "5"]);
    assert_eq!(row(THREE_CARRY_OVER), ["1", "0", "0", "0", "0", "0", "1"]);
    // The missing 勾稽 note is put back, the rewritten labels are the format's.
    assert_eq!(
        three.rows[0][0].text(),
        Statutory::Requests.table().rows[0][0].text()
    );
    assert_eq!(three.rows[9][0].text(), "3.危及“三安全一稳定”");

    let four = table(r, 3);
    assert_eq!(Statutory::identify(four), Some(Statutory::Appeals));
    assert_eq!(four.rows[3][0].text(), "1");
    assert_eq!(four.rows[3][4].text(), "1");

    // The tables are not also left as text, and the prose stayed prose.
    for s in &r.sections {
        for p in s.paragraphs.iter().filter_map(Item::text) {
            assert!(
                !p.contains("第二十条") && !p.contains("结果维持") && !p.contains('｜'),
                "{p}"
            );
        }
    }
    assert!(res
        .notes
        .iter()
        .any(|n| n.message.contains("已按2021年格式重建")));
    assert!(res
        .removed
        .iter()
        .any(|x| x.text == "本年新收政府信息公开申请数量" && x.reason.contains("2021")));
    assert_eq!(
        three.rows[THREE_NEW][0].text(),
        "一、本年新收政府信息公开申请数量"
    );

    // Nothing lost unlisted: every character is kept, removed or listed as inserted.
    let (input, output) = accounting(&text, &res);
    assert_eq!(input, output);

    // The preview shows each table as one editable line, and its lines rebuild the same tables.
    let table_lines: Vec<_> = res.lines.iter().filter(|l| l.role == Role::Table).collect();
    assert_eq!(table_lines.len(), 3);
    assert!(table_lines.iter().all(|l| !l.text.contains(['\n', '\t'])));
    assert!(table_lines[0]
        .text
        .starts_with("第二十条第（一）项｜信息内容｜"));
    let again = rebuild(&res.lines, &ImportOptions::default()).unwrap();
    for s in Statutory::ALL {
        assert_eq!(table(&again.report, s.part()), table(r, s.part()));
    }
}

#[test]
fn a_table_that_is_not_the_statutory_one_stays_a_flagged_block() {
    let text = [
        "柳湾乡2024年政府信息公开工作年度报告",
        "一、总体情况",
        "柳湾乡全年依法公开政府信息，没有出现泄密问题。",
        "二、依申请公开情况",
        "类别",
        "个人",
        "单位",
        "合计",
        "收到申请",
        "3",
        "0",
        "3",
        "三、存在的问题",
        "公开的及时性还要提高。",
    ]
    .join("\n");
    let res = import_text(&text, &ImportOptions::default()).unwrap();
    let s = &res.report.sections[1];
    assert!(s.paragraphs.iter().all(|p| p.table().is_none()));
    assert!(s
        .paragraphs
        .iter()
        .any(|p| p.text().is_some_and(|t| t.contains("个人｜单位"))));
    assert!(res
        .notes
        .iter()
        .any(|n| n.message.contains("请在 Word 中重新做成表格")));
}

#[test]
fn tables_pasted_with_the_exact_labels_come_back_unchanged() {
    // Every cell of the three filled tables, one per line, under the six headings: nothing
    // rewritten, nothing added, the tables equal to what was pasted.
    let mut filled = Vec::new();
    for s in Statutory::ALL {
        let mut t = s.table();
        fill(&mut t, s, |k| ((k * 7) % 10).to_string());
        filled.push(t);
    }
    let mut lines = vec!["青石镇2024年政府信息公开工作年度报告".to_string()];
    let r = new_report();
    for (k, part) in r.sections.iter().enumerate() {
        lines.push(format!(
            "{}、{}",
            ["一", "二", "三", "四", "五", "六"][k],
            part.heading
        ));
        if (1..=3).contains(&k) {
            lines.extend(
                filled[k - 1]
                    .rows
                    .iter()
                    .flatten()
                    .map(|c| c.text().to_string()),
            );
        }
        lines.push(format!("本部分的说明文字之{k}，写得很短。"));
    }
    lines.push("青石镇人民政府".into());
    lines.push("2025年1月20日".into());
    let res = import_text(&lines.join("\n"), &ImportOptions::default()).unwrap();
    for s in Statutory::ALL {
        assert_eq!(table(&res.report, s.part()), &filled[s.part() - 1]);
        assert_eq!(res.report.sections[s.part()].paragraphs.len(), 2);
    }
    assert!(res.inserted.iter().all(|t| t == "｜"), "{:?}", res.inserted);
    assert_eq!(res.report.sections.len(), 6);
    assert!(res.report.sections.iter().all(|s| s.children.is_empty()));
}

#[test]
fn the_annual_fixture_adds_up_and_is_valid() {
    let r = gongwen::fixtures::annual_disclosure_report();
    assert!(r.validate().is_ok());
    let three = table(&r, 2);
    let num = |row: usize, col: usize| -> u32 {
        let cells = &three.rows[row];
        cells[cells.len() - 7 + col].text().parse().unwrap()
    };
    for col in 0..7 {
        assert_eq!(
            num(THREE_NEW, col) + num(THREE_CARRIED, col),
            num(THREE_TOTAL, col) + num(THREE_CARRY_OVER, col)
        );
        assert_eq!(
            (5..THREE_TOTAL).map(|r| num(r, col)).sum::<u32>(),
            num(THREE_TOTAL, col)
        );
    }
    for row in 3..=THREE_CARRY_OVER {
        assert_eq!(
            (0..6).map(|c| num(row, c)).sum::<u32>(),
            num(row, 6),
            "row {row}"
        );
    }
    let four = table(&r, 3);
    assert_eq!(four.rows[3][4].text(), "1");
    assert_eq!(Statutory::identify(table(&r, 1)), Some(Statutory::Active));
}

/// Labels of the three tables as pastes write them (exact, without their number, with
/// half-width brackets), numbers, headings and prose, in any order and amount.
fn pasted_line() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let mut labels: Vec<String> = Vec::new();
    for s in Statutory::ALL {
        for c in s
            .table()
            .rows
            .iter()
            .flatten()
            .filter(|c| !c.text().is_empty())
        {
            let t = c.text().to_string();
            labels.push(t.replace('（', "(").replace('）', ")"));
            labels.push(
                t.chars()
                    .skip_while(|c| {
                        !('\u{4e00}'..='\u{9fff}').contains(c) || *c == '一' || *c == '二'
                    })
                    .collect(),
            );
            labels.push(t);
        }
    }
    prop_oneof![
        4 => proptest::sample::select(labels),
        3 => (0u32..30).prop_map(|n| n.to_string()),
        1 => Just("二、主动公开政府信息情况".to_string()),
        1 => Just("三、收到和处理政府信息公开申请情况".to_string()),
        1 => Just("四、政府信息公开行政复议、行政诉讼情况".to_string()),
        1 => Just("全年没有收到需要延期答复的申请。".to_string()),
        1 => Just(String::new()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]
    #[test]
    fn statutory_cells_are_kept_or_listed(lines in proptest::collection::vec(pasted_line(), 1..120)) {
        let mut text = vec!["青石镇2024年政府信息公开工作年度报告".to_string(), "一、总体情况".to_string()];
        text.extend(lines);
        let text = text.join("\n");
        let Ok(res) = import_text(&text, &ImportOptions::default()) else {
            return Ok(());
        };
        let (input, output) = accounting(&text, &res);
        proptest::prop_assert_eq!(input, output);
        for s in &res.report.sections {
            for t in s.paragraphs.iter().filter_map(Item::table) {
                proptest::prop_assert!(Statutory::identify(t).is_some());
                proptest::prop_assert!(t.grid().is_ok());
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]
    /// Whole pasted tables with damage: cells dropped, labels written with half-width
    /// brackets, prose lines slipped in. Whatever is recognised, every character is kept,
    /// removed with a reason, or listed as inserted, and a rebuilt table is the statutory one.
    #[test]
    fn damaged_tables_are_rebuilt_or_flagged_never_lost(
        which in 0usize..3,
        damage in proptest::collection::vec(0u8..30, 200),
    ) {
        let s = Statutory::ALL[which];
        let mut t = s.table();
        fill(&mut t, s, |k| (k % 9).to_string());
        let mut text = vec![
            "青石镇2024年政府信息公开工作年度报告".to_string(),
            "一、总体情况".to_string(),
            "全年工作平稳。".to_string(),
        ];
        for (k, st) in Statutory::ALL.iter().enumerate().take(which + 1) {
            text.push(format!("{}、{}", ["二", "三", "四"][k], st.heading()));
            text.push("见下表。".to_string());
        }
        for (k, c) in t.rows.iter().flatten().enumerate() {
            match damage[k % damage.len()] {
                0 => {}
                1 => text.push(c.text().replace('（', "(").replace('）', ")")),
                2 => {
                    text.push(c.text().to_string());
                    text.push("此处另有说明。".to_string());
                }
                _ => text.push(c.text().to_string()),
            }
        }
        text.push("五、存在的主要问题及改进情况".to_string());
        let text = text.join("\n");
        let res = import_text(&text, &ImportOptions::default()).unwrap();
        let (input, output) = accounting(&text, &res);
        proptest::prop_assert_eq!(input, output);
        for sec in &res.report.sections {
            for t in sec.paragraphs.iter().filter_map(Item::table) {
                proptest::prop_assert_eq!(Statutory::identify(t), Some(s));
            }
        }
        if damage.iter().take(t.rows.iter().flatten().count()).all(|d| *d >= 3) {
            proptest::prop_assert_eq!(table(&res.report, s.part()), &t);
        }
    }
}
