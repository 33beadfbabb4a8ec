//! Import on inputs written by us: traditional characters with pinyin and web junk, a whole
//! summary on one line, GBK files, .docx, broken lines, blank gaps.

use gongwen::check::PlaceholderKind;
use gongwen::import::{import_bytes, import_file, import_text, ImportOptions, NoteKind};
use gongwen::model::Date;
use std::io::Write;

const MIXED: &str = "首頁 > 範文大全 > 工作總結
當前位置：首頁>工作總結>政務公開
來源：某某範文網  作者：佚名  更新時間：2024-01-03
青松鎮2023年政務公開工作總結(jié)
[bookmark: _Toc001]
\u{3000}\u{3000}2023年，我鎮在縣委、縣政府的領導下，認真做好政務(wù)公開(kāi)工作，現將有關情況總結如下：
一、工作開展情況
（一）健全工作機制。調整了政務公開領導小組，明確專人負責，全年召開專題會議X次。
（二）做好重點領域公開。在各村公開欄張貼惠農補貼名單，共公開  條信息。
二、存在的問題
一是公開形式較為單一；二是更新不夠及時。
三、下一步工作打算
1.加強業務培訓。每季度組織一次培訓。
2.強化監督考核。把公開工作納入年度考核。
青松鎮人民政府
二〇二四年一月十日
相關推薦
某某鎮2022年工作總結
第一範文網 | 公文寫作網 | 範文大全網
";

#[test]
fn traditional_pinyin_and_junk_become_a_clean_report() {
    let res = import_text(MIXED, &ImportOptions::default()).unwrap();
    let r = &res.report;
    assert_eq!(r.title, "青松镇2023年政务公开工作总结");
    assert_eq!((r.unit.as_str(), r.year), ("青松镇", 2023));
    assert_eq!(r.kind, "township-zwgk");
    assert_eq!(r.opening.len(), 1);
    assert!(
        r.opening[0].starts_with("2023年，我镇在县委"),
        "{}",
        r.opening[0]
    );
    assert!(r.opening[0].contains("政务公开工作"));
    let h: Vec<_> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(h, ["工作开展情况", "存在的问题", "下一步工作打算"]);
    assert_eq!(r.sections[0].children.len(), 2);
    assert!(r.sections[0].children[0].run_in);
    assert_eq!(r.sections[0].children[0].heading, "健全工作机制。");
    assert_eq!(r.sections[2].children.len(), 2);
    assert_eq!(r.signature, "青松镇人民政府");
    assert_eq!(r.date, Date::new(2024, 1, 10));
    // Nothing of the web page is left anywhere.
    let all = serde_json::to_string(r).unwrap();
    for junk in [
        "首页",
        "来源",
        "bookmark",
        "推荐",
        "范文网",
        "jié",
        "wù",
        "2022年",
    ] {
        assert!(!all.contains(junk), "{junk} left in {all}");
    }
    // The clerk sees what was done.
    let kinds: Vec<_> = res.notes.iter().map(|n| n.kind).collect();
    for k in [
        NoteKind::RemovedLine,
        NoteKind::RemovedText,
        NoteKind::Converted,
        NoteKind::PinyinRemoved,
        NoteKind::Gap,
    ] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    // Every removed line is listed with its reason, for the clerk to restore.
    assert!(res
        .removed
        .iter()
        .any(|n| n.restorable && (n.text.contains("範文大全") || n.text.contains("范文大全"))));
    // X次 and the blank before 条 are fields.
    let ph: Vec<_> = res
        .placeholders
        .iter()
        .map(|p| (p.text.as_str(), p.kind))
        .collect();
    assert_eq!(
        ph,
        [
            ("X", PlaceholderKind::Number),
            ("____", PlaceholderKind::Gap)
        ]
    );
}

const ONE_LINE: &str = "柳河乡2024年上半年政务公开工作总结供参考2024年上半年,我乡按照县里的部署推进政务公开。一、主要做法(一)抓好信息发布。全乡通过公开栏发布信息*条。(二)抓好政策解读。组织解读会X场。二、存在问题公开内容还不够细。三、下一步打算1.加强队伍建设。选配专职信息员。2.完善考核办法。每季度通报一次。柳河乡人民政府2024年7月5日";

#[test]
fn a_whole_summary_on_one_line_is_split() {
    let r = import_text(ONE_LINE, &ImportOptions::default())
        .unwrap()
        .report;
    assert_eq!(r.title, "柳河乡2024年上半年政务公开工作总结");
    assert_eq!(r.period, "上半年");
    // The half-width comma in Chinese text became full-width at import.
    assert_eq!(
        r.opening,
        ["2024年上半年，我乡按照县里的部署推进政务公开。"]
    );
    let h: Vec<_> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(h, ["主要做法", "存在问题", "下一步打算"]);
    assert_eq!(r.sections[0].children.len(), 2);
    assert_eq!(r.sections[0].children[1].paragraphs, ["组织解读会X场。"]);
    assert_eq!(r.sections[1].paragraphs, ["公开内容还不够细。"]);
    assert_eq!(r.sections[2].children.len(), 2);
    assert_eq!(r.sections[2].children[1].heading, "完善考核办法。");
    assert_eq!(r.signature, "柳河乡人民政府");
    assert_eq!(r.date, Date::new(2024, 7, 5));
}

#[test]
fn lines_broken_inside_sentences_are_joined_and_heading_spellings_nest() {
    let text = "白石乡2024年政务公开工作总结\n\n今年以来，我乡坚持把政务公开作为转变作风、服务群众\n的重要抓手，取得了一定成效。\n一．主要工作\n(一)制度建设\n1、完善审核制度。所有信息先审后发。\n（1）明确审核人员。由党政办主任负责。\n(2)规范审核流程。\n2．建立工作台账\n二：存在的不足\n个别村公开栏内容陈旧。\n";
    let r = import_text(text, &ImportOptions::default()).unwrap().report;
    assert_eq!(
        r.opening,
        ["今年以来，我乡坚持把政务公开作为转变作风、服务群众的重要抓手，取得了一定成效。"]
    );
    assert_eq!(r.sections.len(), 2);
    let l2 = &r.sections[0].children[0];
    assert_eq!(l2.heading, "制度建设");
    assert_eq!(l2.children.len(), 2);
    assert_eq!(l2.children[0].children.len(), 2);
    assert_eq!(l2.children[0].children[1].heading, "规范审核流程。");
    assert_eq!(r.sections[1].heading, "存在的不足");
}

#[test]
fn attachments_note_signature_and_chinese_numeral_date() {
    let text = "东湖街道2024年政务公开工作总结\n一、工作开展情况\n全年发布信息120条。\n附件：1.政务公开工作台账\n2.依申请公开统计表\n东湖街道办事处\n二○二四年十二月十六日\n";
    let r = import_text(text, &ImportOptions::default()).unwrap().report;
    assert_eq!(r.attachments, ["政务公开工作台账", "依申请公开统计表"]);
    assert_eq!(r.signature, "东湖街道办事处");
    assert_eq!(r.date, Date::new(2024, 12, 16));
    assert_eq!(r.sections[0].paragraphs, ["全年发布信息120条。"]);
    assert_eq!(r.kind, "township-zwgk");
}

#[test]
fn gbk_text_file_is_detected() {
    let text = "松林镇2024年政务公开工作总结\n一、工作开展情况\n全年发布信息X条，办理申请  件。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("范文.txt");
    std::fs::write(&path, &gbk).unwrap();
    let res = import_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(res.encoding.as_deref(), Some("gb18030"));
    assert_eq!(res.report.title, "松林镇2024年政务公开工作总结");
    assert_eq!(res.placeholders.len(), 2);
    assert!(res.notes.iter().any(|n| n.kind == NoteKind::Encoding));
}

#[test]
fn big5_traditional_file_becomes_simplified() {
    let text = "松林鎮2024年政務公開工作總結\n一、工作開展情況\n全年發佈資訊三百條，辦理申請十二件，群眾滿意。\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(text);
    let res = import_bytes(&big5, "范文.txt", &ImportOptions::default()).unwrap();
    assert_eq!(res.encoding.as_deref(), Some("Big5"));
    assert_eq!(res.report.title, "松林镇2024年政务公开工作总结");
    assert_eq!(res.report.sections[0].heading, "工作开展情况");
    assert!(res.report.sections[0].paragraphs[0]
        .plain()
        .contains("办理申请"));
}

/// A minimal .docx: only what Word needs to hold text (stored, not compressed).
fn docx_with(paragraphs: &[&str]) -> Vec<u8> {
    let list: Vec<_> = paragraphs.iter().map(|p| (None, *p)).collect();
    docx_numbered(&list, None)
}

/// Paragraphs, each optionally in list level `ilvl` of list 1, and a numbering part.
fn docx_numbered(paragraphs: &[(Option<u8>, &str)], numbering: Option<&str>) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|(lvl, p)| {
            let num = lvl
                .map(|l| format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"1\"/></w:numPr>"))
                .unwrap_or_default();
            format!("<w:p><w:pPr>{num}<w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>")
        })
        .collect();
    let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", opts).unwrap();
            z.write_all(n.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn docx_is_read_paragraph_by_paragraph() {
    let bytes = docx_with(&[
        "红岩镇2024年政务公开工作总结",
        "今年，我镇扎实推进政务公开。",
        "一、工作开展情况",
        "（一）强化组织。成立了工作专班，召开会议×次。",
        "二、下一步工作打算",
        "继续抓好公开。",
        "红岩镇人民政府",
        "2024年12月20日",
    ]);
    let res = import_bytes(&bytes, "范文.docx", &ImportOptions::default()).unwrap();
    assert_eq!(res.format, "docx");
    let r = res.report;
    assert_eq!(r.title, "红岩镇2024年政务公开工作总结");
    assert_eq!(r.sections.len(), 2);
    assert_eq!(
        r.sections[0].children[0].paragraphs,
        ["成立了工作专班，召开会议×次。"]
    );
    assert_eq!(r.date, Date::new(2024, 12, 20));
    assert_eq!(res.placeholders.len(), 1);
}

#[test]
fn docx_automatic_list_numbers_are_seen() {
    let lvl = |i: u8, fmt: &str, text: &str| {
        format!("<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/></w:lvl>")
    };
    let numbering = format!(
        "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"7\">{}{}{}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>",
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "chineseCounting", "（%2）"),
        lvl(2, "decimal", "%3."),
    );
    let bytes = docx_numbered(
        &[
            (None, "金山乡2024年政务公开工作总结"),
            (Some(0), "工作开展情况"),
            (Some(1), "强化组织。成立了工作专班。"),
            (Some(2), "明确分工。"),
            (Some(2), "定期调度。"),
            (Some(1), "规范发布。信息先审后发。"),
            (Some(0), "存在的问题"),
            (Some(1), "更新不够及时。"),
            (None, "金山乡人民政府"),
            (None, "2024年12月1日"),
        ],
        Some(&numbering),
    );
    let r = import_bytes(&bytes, "范文.docx", &ImportOptions::default())
        .unwrap()
        .report;
    let h: Vec<_> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(h, ["工作开展情况", "存在的问题"]);
    assert_eq!(r.sections[0].children.len(), 2);
    assert_eq!(r.sections[0].children[0].children.len(), 2);
    assert_eq!(r.sections[1].children.len(), 1);
    assert_eq!(r.signature, "金山乡人民政府");
}

#[test]
fn options_override_what_was_recognised() {
    let opts = ImportOptions {
        kind: Some("county-dept-zwgk".into()),
        unit: Some("县教育局".into()),
        year: Some(2025),
        period: None,
    };
    let r = import_text("一、工作开展情况\n做了很多工作。", &opts)
        .unwrap()
        .report;
    assert_eq!(
        (r.kind.as_str(), r.unit.as_str(), r.year),
        ("county-dept-zwgk", "县教育局", 2025)
    );
    let bad = ImportOptions {
        kind: Some("nope".into()),
        ..ImportOptions::default()
    };
    assert!(import_text("一、工作\n内容。", &bad).is_err());
}

#[test]
fn json_is_still_our_exchange_format() {
    let r = gongwen::fixtures::sample_report(1);
    let json = serde_json::to_string(&r).unwrap();
    let res = import_text(&json, &ImportOptions::default()).unwrap();
    assert_eq!(res.format, "json");
    assert_eq!(res.report, r);
    assert!(import_text("{ not json", &ImportOptions::default())
        .unwrap_err()
        .message
        .contains("JSON"));
}
