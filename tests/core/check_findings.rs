//! One test per finding type, each with a case that must be flagged and one that must not,
//! plus the fixes. Reports are built by hand from text written by us.

use gongwen::check::{self, codes, FixAction, Location, Severity, WordList};
use gongwen::model::{Date, Report, Section};

/// A report with nothing to find: title, opening, a section with text, signature and date.
fn clean() -> Report {
    let mut r = Report::new("township-zwgk", "青松镇", 2024, "年度");
    r.opening = vec!["2024年，我镇认真做好政务公开工作，现将有关情况总结如下：".into()];
    let mut work = Section::new("工作开展情况");
    work.children.push(Section {
        heading: "健全工作机制".into(),
        run_in: true,
        paragraphs: vec!["调整了领导小组，全年召开会议3次，比2023年多1次。".into()],
        ..Section::default()
    });
    r.sections.push(work);
    let mut plan = Section::new("下一步工作打算");
    plan.paragraphs
        .push("2025年，我镇将继续加强培训，截止日期为每季度末。".into());
    r.sections.push(plan);
    r.signature = "青松镇人民政府".into();
    r.date = Date::new(2024, 12, 20);
    r
}

fn run(r: &Report) -> Vec<check::Finding> {
    check::run(r, &WordList::builtin())
}

fn with_code<'a>(f: &'a [check::Finding], code: &str) -> Vec<&'a check::Finding> {
    f.iter().filter(|f| f.code == code).collect()
}

fn para(r: &mut Report) -> &mut String {
    match &mut r.sections[0].children[0].paragraphs[0] {
        gongwen::model::Item::Text(t) => t,
        gongwen::model::Item::Table { .. } => panic!("the sample's first paragraph is text"),
    }
}

#[test]
fn a_clean_report_has_no_findings() {
    let f = run(&clean());
    assert!(f.is_empty(), "{f:#?}");
    // Our generated sample report (digits, Latin, percentages) has no errors and no
    // punctuation, date or year findings either.
    let f = run(&gongwen::fixtures::sample_report(3));
    assert_eq!(check::count(&f).errors, 0);
    for code in [
        codes::HALF_WIDTH,
        codes::UNPAIRED,
        codes::DATE_FORMAT,
        codes::YEAR_MISMATCH,
        codes::PLACEHOLDER,
    ] {
        assert!(with_code(&f, code).is_empty(), "{code}: {f:#?}");
    }
}

#[test]
fn unfilled_placeholders_are_errors() {
    let mut r = clean();
    *para(&mut r) =
        "全年召开会议X次，公开信息××条，于X月X日前完成，培训（具体数字）人，共  个村。".into();
    let f = run(&r);
    let ph = with_code(&f, codes::PLACEHOLDER);
    assert_eq!(ph.len(), 5);
    assert!(ph.iter().all(|f| f.severity == Severity::Error));
    assert!(ph[0].message.contains("待填项"));
    assert_eq!((ph[0].start, ph[0].end), (Some(6), Some(7)));
    // Not placeholders: Latin words, multiplication, the number of a run-in heading.
    *para(&mut r) = "在LED屏和PDF版上公开，展板3×2米，共12个村。".into();
    assert!(with_code(&run(&r), codes::PLACEHOLDER).is_empty());
}

#[test]
fn filling_a_field_rewrites_only_its_span() {
    let mut r = clean();
    *para(&mut r) = "会议X次，信息X条。".into();
    let ph = check::placeholders(&r);
    assert_eq!(ph.len(), 2);
    assert_eq!(
        ph[1].location,
        Location::Paragraph {
            path: vec![0, 0],
            index: 0
        }
    );
    check::fill_placeholder(&mut r, &ph[1], "482").unwrap();
    assert_eq!(para(&mut r), "会议X次，信息482条。");
    check::fill_placeholder(&mut r, &ph[0], "3").unwrap();
    assert_eq!(para(&mut r), "会议3次，信息482条。");
    // Stale (already filled) and empty values are refused without touching the text.
    assert!(check::fill_placeholder(&mut r, &ph[0], "9").is_err());
    assert!(check::fill_placeholder(&mut r, &ph[1], "  ").is_err());
    assert_eq!(para(&mut r), "会议3次，信息482条。");
}

#[test]
fn empty_sections_are_flagged_but_statements_and_parents_are_not() {
    let mut r = clean();
    r.sections[0].children.push(Section::new("拓宽公开渠道"));
    r.sections[0].children.push(Section::new(""));
    let f = run(&r);
    let e = with_code(&f, codes::EMPTY_SECTION);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].location, Location::Heading { path: vec![0, 1] });
    assert!(e[0].message.contains("拓宽公开渠道"));
    // A list item that is a full sentence, and a heading with sub-items, are not empty.
    r.sections[0].children.truncate(1);
    r.sections[0]
        .children
        .push(Section::new("在公开栏张贴补贴名单；"));
    assert!(with_code(&run(&r), codes::EMPTY_SECTION).is_empty());
}

#[test]
fn typed_numbers_and_numbering_gaps() {
    let mut r = clean();
    r.sections[0].children[0].heading = "（一）健全工作机制".into();
    r.sections[1].paragraphs = vec![
        "1.加强培训。".into(),
        "2.强化考核。".into(),
        "4.完善制度。".into(),
        "一是加强学习；二是改进作风；四是狠抓落实。".into(),
    ];
    let mut f = run(&r);
    let typed = with_code(&f, codes::TYPED_NUMBER);
    assert_eq!(typed.len(), 1);
    let fix = typed[0].fix.clone().unwrap();
    check::apply_fix(&mut r, &fix).unwrap();
    assert_eq!(r.sections[0].children[0].heading, "健全工作机制");
    let gaps = with_code(&f, codes::NUMBERING_GAP);
    assert_eq!(gaps.len(), 2, "{gaps:#?}");
    assert_eq!(
        gaps[0].location,
        Location::Paragraph {
            path: vec![1],
            index: 2
        }
    );
    assert!(gaps[1].excerpt.contains("四是"));
    // Consecutive numbers are fine.
    r.sections[1].paragraphs = vec![
        "1.加强培训。".into(),
        "2.强化考核。".into(),
        "一是学习；二是作风；三是落实。".into(),
    ];
    f = run(&r);
    assert!(with_code(&f, codes::NUMBERING_GAP).is_empty());
    assert!(with_code(&f, codes::TYPED_NUMBER).is_empty());
}

#[test]
fn more_than_four_levels_is_an_error() {
    let mut r = clean();
    let mut s = Section::new("一级");
    let mut cur = &mut s;
    for name in ["二级", "三级", "四级", "五级"] {
        cur.children.push(Section::new(name));
        cur = &mut cur.children[0];
    }
    cur.paragraphs.push("内容。".into());
    r.sections.push(s);
    let f = run(&r);
    let deep = with_code(&f, codes::TOO_DEEP);
    assert_eq!(deep.len(), 1);
    assert_eq!(deep[0].severity, Severity::Error);
    assert_eq!(
        deep[0].location,
        Location::Heading {
            path: vec![2, 0, 0, 0, 0]
        }
    );
}

#[test]
fn half_width_punctuation_with_fix() {
    let mut r = clean();
    *para(&mut r) = "我镇认真落实,成效明显(见附表);群众满意.".into();
    let f = run(&r);
    let hw = with_code(&f, codes::HALF_WIDTH);
    assert_eq!(hw.len(), 5);
    let fixes: Vec<_> = hw.iter().filter_map(|f| f.fix.clone()).collect();
    assert_eq!(check::apply_fixes(&mut r, &fixes), 5);
    assert_eq!(para(&mut r), "我镇认真落实，成效明显（见附表）；群众满意。");
    // Numbers, times, web addresses and English keep their marks.
    *para(&mut r) = "会议于10:30开始，资金1,000元，访问www.gov.cn，增长2.6%。".into();
    assert!(with_code(&run(&r), codes::HALF_WIDTH).is_empty());
}

#[test]
fn unpaired_quotes_brackets_and_title_marks() {
    let mut r = clean();
    *para(&mut r) = "学习《条例和“谁公开谁负责”原则（试行。".into();
    let f = run(&r);
    let u = with_code(&f, codes::UNPAIRED);
    assert_eq!(u.len(), 2, "{u:#?}");
    assert_eq!(u[0].start, Some(2));
    *para(&mut r) = "学习《条例》和“谁公开谁负责”原则（试行）。".into();
    assert!(with_code(&run(&r), codes::UNPAIRED).is_empty());
}

#[test]
fn dates_invalid_or_in_the_wrong_form() {
    let mut r = clean();
    *para(&mut r) = "2023年2月29日召开会议。".into();
    let f = run(&r);
    let bad = with_code(&f, codes::INVALID_DATE);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].severity, Severity::Error);
    assert!(bad[0].fix.is_none());
    for (typed, fixed) in [
        ("2024年01月05日", "2024年1月5日"),
        ("2024-1-5", "2024年1月5日"),
        ("2024.03.15", "2024年3月15日"),
        ("二〇二四年十二月十六日", "2024年12月16日"),
    ] {
        *para(&mut r) = format!("{typed}召开会议。");
        let f = run(&r);
        let d = with_code(&f, codes::DATE_FORMAT);
        assert_eq!(d.len(), 1, "{typed}");
        check::apply_fix(&mut r, d[0].fix.as_ref().unwrap()).unwrap();
        assert_eq!(para(&mut r), &format!("{fixed}召开会议。"));
    }
    // A leap day in a leap year, and the standard form, are fine.
    *para(&mut r) = "2024年2月29日召开会议。".into();
    let f = run(&r);
    assert!(
        with_code(&f, codes::INVALID_DATE).is_empty()
            && with_code(&f, codes::DATE_FORMAT).is_empty()
    );
}

#[test]
fn years_that_contradict_the_report_year() {
    let mut r = clean();
    r.title = "青松镇2023年政务公开工作总结".into();
    r.opening[0] = "2023年，我镇认真做好政务公开工作。".into();
    *para(&mut r) = "计划于2026年完成。".into();
    let f = run(&r);
    let y = with_code(&f, codes::YEAR_MISMATCH);
    assert_eq!(y.len(), 3, "{y:#?}");
    assert_eq!(
        (y[0].location.clone(), y[0].severity),
        (Location::Title, Severity::Error)
    );
    assert_eq!(y[1].location, Location::Opening { index: 0 });
    let fixes: Vec<_> = y.iter().filter_map(|f| f.fix.clone()).collect();
    assert_eq!(fixes.len(), 2);
    check::apply_fixes(&mut r, &fixes);
    assert_eq!(r.title, "青松镇2024年政务公开工作总结");
    // Comparisons with an earlier year, and next year in 下一步工作打算, are fine.
    assert!(with_code(&run(&clean()), codes::YEAR_MISMATCH).is_empty());
    r.date = Date::new(2021, 1, 1);
    *para(&mut r) = "比2023年增长一成。".into();
    let y = run(&r);
    let y = with_code(&y, codes::YEAR_MISMATCH);
    assert_eq!(y.len(), 1, "only the date of another year: {y:#?}");
    assert_eq!(y[0].location, Location::Date);
}

#[test]
fn repeated_paragraphs_with_removal_fix() {
    let mut r = clean();
    let twice = "在各村公开栏张贴惠农补贴名单，接受群众监督。".to_string();
    r.sections[0].children[0]
        .paragraphs
        .push(twice.clone().into());
    r.sections[1].paragraphs.push(twice.clone().into());
    r.sections[1].paragraphs.push("同上。".into());
    r.sections[1].paragraphs.push("同上。".into());
    let f = run(&r);
    let rep = with_code(&f, codes::REPEATED);
    assert_eq!(rep.len(), 1, "short paragraphs may repeat: {rep:#?}");
    assert_eq!(
        rep[0].location,
        Location::Paragraph {
            path: vec![1],
            index: 1
        }
    );
    assert!(matches!(
        rep[0].fix.as_ref().unwrap().action,
        FixAction::RemoveParagraph { .. }
    ));
    check::apply_fix(&mut r, rep[0].fix.as_ref().unwrap()).unwrap();
    assert_eq!(r.sections[1].paragraphs.len(), 3);
    assert_eq!(r.sections[0].children[0].paragraphs[1], twice.as_str());
    // The same fix again is stale and refused.
    assert!(check::apply_fix(&mut r, rep[0].fix.as_ref().unwrap()).is_err());
}

#[test]
fn wrong_words_from_the_list() {
    let mut r = clean();
    *para(&mut r) = "截止目前，我镇按排专人负责，为其它组织提供便利。".into();
    let f = run(&r);
    let w = with_code(&f, codes::WRONG_WORD);
    assert_eq!(w.len(), 3);
    assert!(w[0].message.contains("截至目前"));
    let fixes: Vec<_> = w.iter().filter_map(|f| f.fix.clone()).collect();
    check::apply_fixes(&mut r, &fixes);
    assert_eq!(
        para(&mut r),
        "截至目前，我镇安排专人负责，为其他组织提供便利。"
    );
    // 截止日期 is right and stays unflagged (it is in clean()).
    assert!(with_code(&run(&clean()), codes::WRONG_WORD).is_empty());
}

#[test]
fn missing_title_signature_and_date() {
    let mut r = clean();
    r.title.clear();
    r.signature.clear();
    r.date = None;
    let f = run(&r);
    assert_eq!(
        with_code(&f, codes::MISSING_TITLE)[0].severity,
        Severity::Error
    );
    assert_eq!(with_code(&f, codes::MISSING_SIGNATURE).len(), 1);
    assert_eq!(with_code(&f, codes::MISSING_DATE).len(), 1);
}

#[test]
fn findings_are_serde_values_for_the_app() {
    let mut r = clean();
    *para(&mut r) = "信息X条,按排专人。".into();
    let f = run(&r);
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["location"]["part"], "paragraph");
    assert_eq!(json[0]["location"]["path"], serde_json::json!([0, 0]));
    let back: Vec<check::Finding> = serde_json::from_value(json).unwrap();
    assert_eq!(back, f);
    // A stale fix is refused and changes nothing.
    let fix = f.iter().find_map(|f| f.fix.clone()).unwrap();
    *para(&mut r) = "全部改写了。".into();
    assert!(check::apply_fix(&mut r, &fix).is_err());
    assert_eq!(para(&mut r), "全部改写了。");
}
