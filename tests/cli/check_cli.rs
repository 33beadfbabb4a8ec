//! `gongwen check` (exit code 0 without errors, 1 with; `--json` an array), `import` of text,
//! `next-year`, `checklist`, `words` and `totals` through the command line.

use crate::cli_support::gongwen;

use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const PASTE: &str = "石门乡2024年政务公开工作总结\n2024年，我乡认真做好政务公开。\n一、工作开展情况\n全年发布信息X条,按排专人负责。\n二、下一步工作打算\n1.加强培训。每季度一次。\n石门乡人民政府\n2024年12月20日\n";

#[test]
fn import_check_fix_by_hand_and_check_again() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let txt = p.join("paste.txt");
    std::fs::write(&txt, PASTE).unwrap();
    let out = gongwen(p, &["import", txt.to_str().unwrap()]);
    assert!(out.status.success());
    let id = stdout(&out).trim().to_string();
    assert!(String::from_utf8_lossy(&out.stderr).contains("待填项1处"));

    let out = gongwen(p, &["check", &id]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unfilled placeholder is an error"
    );
    let text = stdout(&out);
    assert!(
        text.contains("一、第1段") && text.contains("待填项"),
        "{text}"
    );
    assert!(text.contains("按排"));
    assert!(text.contains("共 1 个错误"));

    let out = gongwen(p, &["check", &id, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = findings.as_array().unwrap();
    // placeholder, wrong word (the half-width comma became full-width at import)
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["code"], "placeholder");

    // Filled and corrected, the same report checks clean (exit 0) from a JSON file.
    let json = stdout(&gongwen(p, &["show", &id, "--json"]));
    let fixed = json.replace("X条，按排", "300条，安排");
    let file = p.join("fixed.json");
    std::fs::write(&file, fixed).unwrap();
    let out = gongwen(p, &["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("共 0 个错误、0 个提醒"));
    let out = gongwen(p, &["check", file.to_str().unwrap(), "--json"]);
    assert_eq!(stdout(&out).trim(), "[]");

    // Bad arguments are usage errors (2), not findings.
    assert_eq!(gongwen(p, &["check"]).status.code(), Some(2));
    assert_eq!(gongwen(p, &["check", &id, "extra"]).status.code(), Some(2));
    assert_eq!(gongwen(p, &["check", "4242"]).status.code(), Some(1));
}

#[test]
fn next_year_checklist_and_words() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let txt = p.join("paste.txt");
    std::fs::write(&txt, PASTE).unwrap();
    let id = stdout(&gongwen(p, &["import", txt.to_str().unwrap()]))
        .trim()
        .to_string();
    let out = gongwen(p, &["next-year", &id]);
    assert!(out.status.success());
    let new_id = stdout(&out).trim().to_string();
    let shown = stdout(&gongwen(p, &["show", &new_id, "--json"]));
    assert!(shown.contains("石门乡2025年政务公开工作总结"));
    let list = stdout(&gongwen(p, &["checklist", &new_id]));
    assert!(list.contains("[ ] 加强培训"), "{list}");

    let out = gongwen(p, &["words", "add", "管里", "管理", "自加"]);
    assert!(out.status.success());
    let words = stdout(&gongwen(p, &["words", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&words).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["wrong"] == "管里" && !e["builtin"].as_bool().unwrap()));
    let word_id = stdout(&out).trim().to_string();
    assert!(gongwen(p, &["words", "remove", &word_id]).status.success());
    assert_eq!(
        gongwen(p, &["words", "remove", &word_id]).status.code(),
        Some(1)
    );
    assert_eq!(gongwen(p, &["words", "bogus"]).status.code(), Some(2));
}

/// `gongwen totals ID` fills the totals of a 政府信息公开 annual report's table 三 (found by its
/// labels; a short one here) and `check` then finds nothing wrong with its sums.
#[test]
fn totals_fill_the_sums_that_check_reports() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let span = |t: &str, c: u32, r: u32| serde_json::json!({"text": t, "colspan": c, "rowspan": r});
    let nums = |v: [&str; 7]| v.map(serde_json::Value::from).to_vec();
    let row = |mut labels: Vec<serde_json::Value>, v: [&str; 7]| {
        labels.extend(nums(v));
        labels
    };
    let rows = vec![
        vec![span("项目", 3, 3), span("申请人情况", 7, 1)],
        vec![
            span("自然人", 1, 2),
            span("法人或其他组织", 5, 1),
            span("总计", 1, 2),
        ],
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .map(serde_json::Value::from)
        .to_vec(),
        row(
            vec![span("一、本年新收政府信息公开申请数量", 3, 1)],
            ["3", "1", "", "", "", "", "3"],
        ),
        row(
            vec![span("二、上年结转政府信息公开申请数量", 3, 1)],
            ["", "", "", "", "", "", ""],
        ),
        row(
            vec![
                span("三、本年度办理结果", 1, 2),
                span("（一）予以公开", 2, 1),
            ],
            ["3", "1", "", "", "", "", "4"],
        ),
        row(
            vec![span("（七）总计", 2, 1)],
            ["3", "1", "", "", "", "", "4"],
        ),
        row(
            vec![span("四、结转下年度继续办理", 3, 1)],
            ["", "", "", "", "", "", ""],
        ),
    ];
    let report = serde_json::json!({
        "kind": "annual-disclosure", "unit": "石门乡人民政府", "year": 2024,
        "title": "石门乡人民政府2024年政府信息公开工作年度报告",
        "sections": [{"heading": "收到和处理政府信息公开申请情况",
                      "paragraphs": [{"table": {"title": null, "header_rows": 3, "rows": rows, "widths": null}}]}],
        "signature": "石门乡人民政府"
    });
    let file = p.join("report.json");
    std::fs::write(&file, report.to_string()).unwrap();
    let id = stdout(&gongwen(p, &["import", file.to_str().unwrap()]))
        .trim()
        .to_string();
    let out = gongwen(p, &["check", &id]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("表三“一、本年新收政府信息公开申请数量”行“总计”列：应为 4")
            && text.contains("填的是 3"),
        "{text}"
    );
    assert_eq!(stdout(&gongwen(p, &["totals", &id])).trim(), "1");
    let text = stdout(&gongwen(p, &["check", &id]));
    // No sum is wrong any more; the blanks are only reminded of (table-blank).
    assert!(!text.contains("表三“"), "{text}");
    assert!(
        text.contains("提醒") && text.contains("个数字格空着"),
        "{text}"
    );
    assert_eq!(stdout(&gongwen(p, &["totals", &id])).trim(), "0");
}
