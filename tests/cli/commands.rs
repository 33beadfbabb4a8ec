//! The `gongwen` CLI end to end, on a temporary data dir (never the user's data).

use crate::cli_support::{gongwen, ok};

use gongwen::model::Report;
use gongwen::store::Store;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Fails with a non-zero exit and one Chinese sentence on stderr.
fn fails(data: &Path, args: &[&str]) -> String {
    let out = gongwen(data, args);
    assert!(!out.status.success(), "gongwen {args:?} should fail");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert!(
        err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "Chinese: {err}"
    );
    err
}

#[test]
fn new_list_show_round_trip() {
    let d = tempfile::tempdir().unwrap();
    let id = ok(
        d.path(),
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "双河镇",
            "--year",
            "2024",
        ],
    );
    let id = id.trim();
    assert_eq!(id, "1");
    let list = ok(d.path(), &["list"]);
    assert!(list.contains("双河镇2024年政务公开工作总结"), "{list}");
    assert!(list.contains("草稿"));

    let json: Value = serde_json::from_str(&ok(d.path(), &["list", "--json"])).unwrap();
    assert_eq!(json[0]["unit"], "双河镇");
    assert_eq!(json[0]["year"], 2024);
    assert!(json[0]["updated"].as_str().unwrap().len() >= 16);

    // The JSON contract of a report.
    let r: Value = serde_json::from_str(&ok(d.path(), &["show", id, "--json"])).unwrap();
    for key in [
        "title",
        "unit",
        "year",
        "period",
        "date",
        "opening",
        "sections",
        "attachments",
        "signature",
        "header",
        "record",
    ] {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
    assert_eq!(r["period"], "年度");
    // A summary sent as plain text: no 版头, no 版记 (issue 15's formal parts are opt-in).
    assert_eq!((&r["header"], &r["record"]), (&Value::Null, &Value::Null));
    assert_eq!(r["date"], Value::Null);
    let first = &r["sections"][0];
    for key in ["heading", "run_in", "paragraphs", "children"] {
        assert!(first.get(key).is_some(), "section lacks {key}");
    }
    assert_eq!(first["heading"], "工作开展情况");

    // Text view shows derived numbers.
    let text = ok(d.path(), &["show", id]);
    assert!(text.contains("一、工作开展情况"), "{text}");
    assert!(text.contains("（一）健全工作机制。"), "{text}");
}

#[test]
fn period_and_half_year_title() {
    let d = tempfile::tempdir().unwrap();
    let id = ok(
        d.path(),
        &[
            "new",
            "--template",
            "county-dept-zwgk",
            "--unit",
            "县教育局",
            "--year",
            "2025",
            "--period",
            "上半年",
        ],
    );
    let r: Value = serde_json::from_str(&ok(d.path(), &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(r["title"], "县教育局2025年上半年政务公开工作总结");
    assert_eq!(r["period"], "上半年");
}

#[test]
fn import_json_stores_or_prints() {
    let d = tempfile::tempdir().unwrap();
    let mut report = gongwen::fixtures::sample_report(2);
    report.title = "导入测试".into();
    let file = d.path().join("r.json");
    std::fs::write(&file, serde_json::to_string(&report).unwrap()).unwrap();

    // --json prints without storing.
    let printed: Report =
        serde_json::from_str(&ok(d.path(), &["import", file.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(printed, report);
    assert!(ok(d.path(), &["list"]).contains("没有报告"));

    let id = ok(d.path(), &["import", file.to_str().unwrap()]);
    let back: Report = serde_json::from_str(&ok(d.path(), &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(back.title, "导入测试");
    assert_eq!(back.sections.len(), report.sections.len());
    assert_eq!(back.date, report.date);
}

#[test]
fn lifecycle_rename_duplicate_trash_versions() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let id = ok(
        p,
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "甲乡",
            "--year",
            "2023",
        ],
    );
    let id = id.trim();
    // 改名 names the report in the list; the printed title stays.
    let title_before = ok(p, &["show", id])
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    ok(p, &["rename", id, "甲乡总结（送审稿）"]);
    assert!(ok(p, &["list"]).contains("甲乡总结（送审稿）"));
    assert!(ok(p, &["show", id]).starts_with(&title_before));
    ok(p, &["retitle", id, "甲乡2023年政务公开工作总结（送审）"]);
    assert!(ok(p, &["show", id]).starts_with("甲乡2023年政务公开工作总结（送审）"));
    let v = ok(p, &["save-version", id, "--name", "送审前"]);
    // Nothing changed since: no second version, the same id printed.
    assert_eq!(ok(p, &["save-version", id]), v);
    assert_eq!(ok(p, &["versions", id]).lines().count(), 1);
    ok(p, &["rename-version", v.trim(), "送审前定稿"]);
    assert!(ok(p, &["versions", id]).contains("送审前定稿"));
    ok(p, &["retitle", id, "改过"]);
    assert!(ok(p, &["show-version", v.trim()]).starts_with("甲乡2023年政务公开工作总结（送审）"));
    ok(p, &["restore-version", v.trim()]);
    assert!(ok(p, &["show", id]).starts_with("甲乡2023年政务公开工作总结（送审）"));

    let copy = ok(p, &["duplicate", id]);
    assert!(ok(p, &["list"]).contains("（副本）"));
    ok(p, &["delete", copy.trim()]);
    assert!(!ok(p, &["list"]).contains("（副本）"));
    assert!(ok(p, &["list", "--trash"]).contains("（副本）"));
    ok(p, &["restore", copy.trim()]);
    ok(p, &["delete", copy.trim()]);
    ok(p, &["purge", copy.trim()]);
    assert!(fails(p, &["show", copy.trim()]).contains("找不到"));
}

#[test]
fn errors_are_one_chinese_sentence() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    assert!(fails(p, &["frobnicate"]).contains("不认识的命令"));
    assert!(fails(
        p,
        &[
            "new",
            "--template",
            "nope",
            "--unit",
            "甲",
            "--year",
            "2024"
        ]
    )
    .contains("township-zwgk"));
    assert!(fails(p, &["new", "--template", "township-zwgk", "--year", "2024"]).contains("单位"));
    assert!(fails(
        p,
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "甲",
            "--year",
            "二〇二四"
        ]
    )
    .contains("年份"));
    assert!(fails(p, &["show", "abc"]).contains("不是有效的报告编号"));
    assert!(fails(p, &["show", "42"]).contains("找不到编号为 42"));
    assert!(fails(p, &["list", "--bogus"]).contains("不认识的选项"));
    let bad = p.join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    assert!(fails(p, &["import", bad.to_str().unwrap()]).contains("JSON"));
    assert!(fails(p, &["import", p.join("missing.json").to_str().unwrap()]).contains("不存在"));
    assert!(fails(p, &["export", "1"]).contains("--docx"));
}

#[test]
fn help_in_chinese_and_english() {
    let d = tempfile::tempdir().unwrap();
    let help = ok(d.path(), &["--help"]);
    assert!(help.contains("用法"));
    assert!(help.contains("Usage"));
    assert!(help.contains("--data-dir"));
    assert!(ok(d.path(), &["--version"]).starts_with("gongwen "));
}

#[test]
fn newer_database_is_refused_by_the_cli() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("gongwen.db");
    rusqlite_like_newer(&db);
    let before = std::fs::read(&db).unwrap();
    assert!(fails(d.path(), &["list"]).contains("更新版本"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// A database from a future gongwen: our schema plus a higher user_version.
fn rusqlite_like_newer(db: &Path) {
    drop(Store::open_file(db).unwrap());
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("PRAGMA user_version = 1000; PRAGMA journal_mode = DELETE;")
        .unwrap();
}

#[test]
fn cli_and_library_share_one_store() {
    let d = tempfile::tempdir().unwrap();
    // Library (what the app uses) → CLI.
    let mut store = Store::open_dir(d.path()).unwrap();
    let mut r = gongwen::fixtures::sample_report(1);
    r.title = "由程序界面创建".into();
    let app_id = store.create(&r).unwrap();
    assert!(ok(d.path(), &["list"]).contains("由程序界面创建"));
    // CLI → library, while the library connection stays open (WAL).
    let cli_id: i64 = ok(
        d.path(),
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "乙镇",
            "--year",
            "2024",
        ],
    )
    .trim()
    .parse()
    .unwrap();
    assert_ne!(cli_id, app_id);
    assert_eq!(store.load(cli_id).unwrap().unit, "乙镇");
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn data_dir_from_environment() {
    let d = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args([
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "丙乡",
            "--year",
            "2024",
        ])
        .env("GONGWEN_DATA_DIR", d.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(d.path().join("gongwen.db").exists());
}

#[test]
fn page_number_style_travels_through_the_json_exchange_and_both_exports() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let mut json: Value = serde_json::to_value(gongwen::fixtures::sample_report(3)).unwrap();
    // The short form: a string.
    json["page_numbers"] = Value::String("center".into());
    let file = p.join("r.json");
    std::fs::write(&file, json.to_string()).unwrap();
    let id = ok(p, &["import", file.to_str().unwrap()]);
    let id = id.trim();
    let shown: Value = serde_json::from_str(&ok(p, &["show", id, "--json"])).unwrap();
    assert_eq!(
        shown["page_numbers"],
        serde_json::json!({"position": "center", "dash": "em", "first_page": true})
    );
    let (docx, pdf) = (p.join("r.docx"), p.join("r.pdf"));
    ok(
        p,
        &[
            "export",
            id,
            "--docx",
            docx.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    // DOCX: one centred footer, no odd/even pair.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut settings = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/settings.xml").unwrap(), &mut settings)
        .unwrap();
    assert!(!settings.contains("evenAndOddHeaders"), "{settings}");
    // PDF: page 2's number in the middle of the text block (28 + 156 / 2 = 106 mm).
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "2", "-l", "2"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout);
    // The last three words: `—`, `2`, `—`.
    let words: Vec<&str> = html.lines().filter(|l| l.contains("<word")).collect();
    let number = &words[words.len() - 3..];
    let attr = |w: &str, name: &str| -> f32 {
        let k = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[k..k + w[k..].find('"').unwrap()].parse::<f32>().unwrap() * 25.4 / 72.0
    };
    assert!(number[1].contains(">2<"), "{number:?}");
    let middle = (attr(number[0], "xMin") + attr(number[2], "xMax")) / 2.0;
    assert!((middle - 106.0).abs() < 0.5, "{middle} {number:?}");

    // The object form with a bad value is refused in Chinese, naming the field.
    json["page_numbers"] = serde_json::json!({"position": "left"});
    std::fs::write(&file, json.to_string()).unwrap();
    let err = fails(p, &["import", file.to_str().unwrap()]);
    assert!(err.contains("position"), "{err}");
}

/// The JSON exchange names the optional parts exactly `subtitle`, `addressee` and `note`, each
/// a string or null: through `import` (JSON and text), `show --json` and `export FILE.json`,
/// which prints them where GB/T 9704-2012 puts them (with the colon and the parentheses).
#[test]
fn subtitle_addressee_and_note_travel_through_the_json_exchange() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let keys = |v: &Value| -> Vec<Value> {
        ["subtitle", "addressee", "note"]
            .iter()
            .map(|k| {
                let obj = v.as_object().unwrap();
                assert!(obj.contains_key(*k), "{k} missing: {v}");
                obj[*k].clone()
            })
            .collect()
    };
    // Without them: null, never left out, never "".
    let plain: Value = serde_json::to_value(gongwen::fixtures::sample_report(1)).unwrap();
    let file = p.join("plain.json");
    std::fs::write(&file, plain.to_string()).unwrap();
    let id = ok(p, &["import", file.to_str().unwrap()]);
    let shown: Value = serde_json::from_str(&ok(p, &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(keys(&shown), [Value::Null, Value::Null, Value::Null]);

    // With them: strings, unchanged by the store.
    let mut json = plain.clone();
    json["subtitle"] = "——以公开促落实".into();
    json["addressee"] = "县政务公开办".into();
    json["note"] = "此件公开发布".into();
    let file = p.join("parts.json");
    std::fs::write(&file, json.to_string()).unwrap();
    let printed: Value =
        serde_json::from_str(&ok(p, &["import", file.to_str().unwrap(), "--json"])).unwrap();
    let want: Vec<Value> = vec![
        "——以公开促落实".into(),
        "县政务公开办".into(),
        "此件公开发布".into(),
    ];
    assert_eq!(keys(&printed), want);
    let id = ok(p, &["import", file.to_str().unwrap()]);
    let shown: Value = serde_json::from_str(&ok(p, &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(keys(&shown), want);
    let text = ok(p, &["show", id.trim()]);
    for part in ["——以公开促落实", "县政务公开办：", "（此件公开发布）"] {
        assert!(text.contains(part), "{part} in {text}");
    }

    // Exported from the JSON file: the PDF prints the colon and the parentheses.
    let pdf = p.join("parts.pdf");
    ok(
        p,
        &[
            "export",
            file.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let pdf_text: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for part in ["——以公开促落实", "县政务公开办：", "（此件公开发布）"] {
        assert!(pdf_text.contains(part), "{part} in the PDF");
    }

    // A pasted text: the import recognises them and the JSON carries them.
    let txt = p.join("paste.txt");
    std::fs::write(
        &txt,
        "青山镇2024年政务公开工作总结\n——以公开促落实\n县政务公开办：\n2024年，我镇认真落实上级部署，现将有关情况报告如下。\n一、主要做法\n做了很多工作。\n青山镇人民政府\n2024年12月27日\n（此件公开发布）\n",
    )
    .unwrap();
    let printed: Value =
        serde_json::from_str(&ok(p, &["import", txt.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(
        keys(&printed),
        [
            Value::from("——以公开促落实"),
            Value::from("县政务公开办"),
            Value::from("（此件公开发布）")
        ]
    );
}

/// A formal 报告 in the JSON exchange form (issue 15): `header`, `record` and attachments with
/// text are read, kept by `import`, shown by `show --json` and exported by `export FILE.json`;
/// an attachment may still be a plain name.
#[test]
fn formal_parts_in_the_json_exchange() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let json = p.join("formal.json");
    std::fs::write(
        &json,
        r#"{"unit":"青石镇人民政府","year":2024,"title":"青石镇2024年工作总结",
            "opening":["2024年，我镇各项工作稳步推进。"],
            "attachments":["台账",{"name":"名单","paragraphs":["一、甲村。"]}],
            "signature":"青石镇人民政府","date":"2024-12-20",
            "header":{"organ":"青石镇人民政府文件","number":"青政〔2024〕12号","signers":["王某某"]},
            "record":{"cc":["县政府办公室","县统计局"],"printed_by":"青石镇党政综合办公室","printed_on":"2024-12-21"}}"#,
    )
    .unwrap();
    let id = ok(p, &["import", json.to_str().unwrap()]);
    let id = id.trim();
    let r: Value = serde_json::from_str(&ok(p, &["show", id, "--json"])).unwrap();
    assert_eq!(r["header"]["number"], "青政〔2024〕12号");
    assert_eq!(r["record"]["printed_on"], "2024-12-21");
    assert_eq!(
        r["attachments"],
        serde_json::json!([{"name":"台账","paragraphs":[]},{"name":"名单","paragraphs":["一、甲村。"]}])
    );
    let pdf = p.join("formal.pdf");
    ok(
        p,
        &[
            "export",
            json.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for want in [
        "青政〔2024〕12号",
        "县政府办公室，县统计局。",
        "附件2",
        "印发",
    ] {
        assert!(text.contains(want), "no {want} in {text}");
    }
}

#[test]
fn new_annual_disclosure_report_shows_the_three_statutory_tables() {
    let d = tempfile::tempdir().unwrap();
    let templates = ok(d.path(), &["templates"]);
    assert!(
        templates.contains("annual-disclosure\t政府信息公开工作年度报告"),
        "{templates}"
    );
    let id = ok(
        d.path(),
        &[
            "new",
            "--template",
            "annual-disclosure",
            "--unit",
            "青石镇",
            "--year",
            "2024",
        ],
    );
    let r: Value = serde_json::from_str(&ok(d.path(), &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(r["title"], "青石镇2024年政府信息公开工作年度报告");
    assert_eq!(r["kind"], "annual-disclosure");
    let parts = r["sections"].as_array().unwrap();
    assert_eq!(parts.len(), 6);
    assert_eq!(parts[5]["heading"], "其他需要报告的事项");
    // Each table is the first item of part 二/三/四, labels as the 2021 format writes them.
    let table = |k: usize| parts[k]["paragraphs"][0]["table"].clone();
    let two = table(1);
    assert_eq!(two["header_rows"], 0);
    assert_eq!(two["rows"][0][0]["text"], "第二十条第（一）项");
    assert_eq!(two["rows"][0][0]["colspan"], 4);
    assert_eq!(
        two["rows"][1],
        serde_json::json!(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    );
    assert_eq!(two["rows"][2], serde_json::json!(["规章", "", "", ""]));
    assert_eq!(two["rows"][12][1]["text"], "本年收费金额（单位：万元）");
    assert_eq!(two["rows"][13][0], "行政事业性收费");
    let three = table(2);
    assert_eq!(three["header_rows"], 3);
    assert_eq!(three["rows"].as_array().unwrap().len(), 28);
    assert_eq!(three["rows"][0][1]["text"], "申请人情况");
    assert_eq!(three["rows"][1][1]["text"], "法人或其他组织");
    assert_eq!(
        three["rows"][2],
        serde_json::json!([
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他"
        ])
    );
    assert_eq!(
        three["rows"][3][0]["text"],
        "一、本年新收政府信息公开申请数量"
    );
    assert_eq!(three["rows"][5][0]["text"], "三、本年度办理结果");
    assert_eq!(three["rows"][5][0]["rowspan"], 22);
    assert_eq!(three["rows"][9][0], "3.危及“三安全一稳定”");
    assert_eq!(three["rows"][26][0]["text"], "（七）总计");
    assert_eq!(three["rows"][27][0]["text"], "四、结转下年度继续办理");
    assert_eq!(three["rows"][27].as_array().unwrap().len(), 8);
    let four = table(3);
    assert_eq!(four["rows"][0][0]["text"], "行政复议");
    assert_eq!(four["rows"][0][1]["text"], "行政诉讼");
    assert_eq!(four["rows"][1][5]["text"], "未经复议直接起诉");
    assert_eq!(four["rows"][1][6]["text"], "复议后起诉");
    assert_eq!(four["rows"][3].as_array().unwrap().len(), 15);
    // The text view lists the parts with their numbers.
    let text = ok(d.path(), &["show", id.trim()]);
    assert!(
        text.contains("三、收到和处理政府信息公开申请情况"),
        "{text}"
    );
}

#[test]
fn an_imported_annual_report_keeps_its_statutory_table_and_next_year_carries_it() {
    // Part 四's table pasted one cell per line (a web page's table copied as text).
    let mut lines = vec![
        "溪口乡2024年政府信息公开工作年度报告",
        "一、总体情况",
        "溪口乡全年按条例做好信息公开，专栏运行正常。",
        "二、主动公开政府信息情况",
        "全年主动公开信息58条。",
        "三、收到和处理政府信息公开申请情况",
        "全年没有收到政府信息公开申请。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ];
    let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    lines.extend(results);
    lines.extend(results);
    lines.extend(["0", "1", "0", "0", "1"]);
    lines.extend(["0"; 10]);
    lines.extend(["五、存在的主要问题及改进情况", "专栏栏目设置还需优化。"]);
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("年报.txt");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let id = ok(d.path(), &["import", file.to_str().unwrap()]);
    let r: Value = serde_json::from_str(&ok(d.path(), &["show", id.trim(), "--json"])).unwrap();
    assert_eq!(r["kind"], "annual-disclosure");
    let four = &r["sections"][3]["paragraphs"][0]["table"];
    assert_eq!(four["rows"][1][5]["text"], "未经复议直接起诉", "{r}");
    assert_eq!(four["rows"][3][1], "1");
    assert_eq!(four["rows"][3][4], "1");
    assert_eq!(r["sections"][3]["paragraphs"].as_array().unwrap().len(), 1);

    // Next year: the table's structure comes back, its numbers blank (table 四 carries none).
    let next = ok(d.path(), &["next-year", id.trim()]);
    let n: Value = serde_json::from_str(&ok(d.path(), &["show", next.trim(), "--json"])).unwrap();
    let four = &n["sections"][3]["paragraphs"][0]["table"];
    assert_eq!(four["rows"][0][0]["text"], "行政复议");
    assert_eq!(four["rows"][3][1], "");
    // Parts 二 and 三 had no table in the paste; next year they start with the kind's new ones.
    assert_eq!(
        n["sections"][2]["paragraphs"][0]["table"]["rows"][27][0]["text"],
        "四、结转下年度继续办理"
    );
}
