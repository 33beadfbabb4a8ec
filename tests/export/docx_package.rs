//! The DOCX package: valid for openxml-audit, and its XML says what the official layout
//! needs (page, margins, grid, styles with outline levels, fonts, odd/even footers with PAGE
//! fields). Also sanitising, atomic writing and the CLI.

use crate::render_support::{audit, export, zip_part};
use gongwen::fixtures::sample_report;
use gongwen::model::{Date, Report, Section};
use gongwen::spec::Spec;
use std::io::Read;

fn odd_report() -> Report {
    // Control characters and XML specials everywhere, a single attachment, a seal, no title.
    let mut r = Report::new("t", "甲乡<人民>政府&\u{1}", 2023, "上半年");
    r.title = String::new();
    r.opening = vec!["导语\u{0}\u{8}含有控制字符\u{1b}[0m与 <标签> & “引号”。\u{FFFF}".into()];
    let mut s = Section::new("工作\u{7}情况");
    s.run_in = true;
    s.paragraphs = vec!["正文\u{c}一。".into()];
    r.sections.push(s);
    r.attachments = vec!["台账\u{2}".into()];
    r.date = Date::new(2023, 7, 1);
    r.seal = true;
    r
}

#[test]
fn every_exported_test_document_is_valid_for_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut minimal = Report::new("t", "甲乡", 2024, "年度");
    minimal.signature.clear();
    let docs = [
        ("s1.docx", sample_report(1)),
        ("s5.docx", sample_report(5)),
        ("s10.docx", sample_report(10)),
        ("odd.docx", odd_report()),
        ("minimal.docx", minimal),
    ];
    for (name, r) in docs {
        let p = export(&r, dir.path(), name);
        audit(&p);
    }
}

#[test]
fn control_characters_never_reach_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = export(&odd_report(), dir.path(), "odd.docx");
    let doc = zip_part(&p, "word/document.xml");
    assert!(
        !doc.chars().any(|c| c.is_control()),
        "control character left"
    );
    // The quotes are a run of their own, with the East Asian hint.
    assert!(
        doc.contains("导语含有控制字符[0m与 &lt;标签&gt; &amp; </w:t>"),
        "{doc}"
    );
    assert!(doc.contains(">“引号”。</w:t>"), "{doc}");
    let core = zip_part(&p, "docProps/core.xml");
    assert!(core.contains("甲乡&lt;人民&gt;政府&amp;"), "{core}");
}

#[test]
fn document_xml_has_the_official_page_grid_and_footers() {
    let dir = tempfile::tempdir().unwrap();
    let p = export(&sample_report(5), dir.path(), "s5.docx");
    let spec = Spec::official();
    let d = spec.docx();
    let doc = zip_part(&p, "word/document.xml");
    // A4 and the calibrated margins.
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "{doc}"
    );
    let mar = format!(
        r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
        d.margin_top,
        d.margin_right,
        d.margin_bottom,
        d.margin_left,
        d.header_distance,
        d.footer_distance
    );
    assert!(doc.contains(&mar), "{mar} not in document");
    // Left margin 28 mm, text block 156 mm.
    assert_eq!(d.margin_left, 1587);
    assert_eq!(11906 - d.margin_left - d.margin_right, 8878);
    // Line grid of the standard's 29.6 pt pitch.
    assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="592" w:charSpace="0"/>"#));
    // Schema order: footer references first in sectPr, pStyle first in pPr.
    let sect = &doc[doc.find("<w:sectPr>").unwrap()..];
    assert!(sect.starts_with(r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:footerReference w:type="even" r:id="rIdFooter2"/><w:pgSz"#), "{sect}");
    assert!(!doc.contains("<w:pPr><w:rPr"), "rPr first in pPr");
    // Named styles, no direct fonts on the runs.
    assert!(doc.contains(r#"<w:pStyle w:val="Title"/>"#));
    for level in 1..=4 {
        // A level may occur only as run-in headings (heading part in the character style).
        assert!(
            doc.contains(&format!(r#"<w:pStyle w:val="Heading{level}"/>"#))
                || doc.contains(&format!(r#"<w:rStyle w:val="Heading{level}Char"/>"#)),
            "heading {level}"
        );
    }
    assert!(
        doc.contains(r#"<w:rStyle w:val="Heading2Char"/>"#),
        "run-in heading"
    );
    // No direct fonts in the body but on runs of Chinese punctuation (quotes, dashes): those
    // carry the East Asian hint, and name the role's Chinese face for their ASCII slots too, since
    // LibreOffice ignores the hint; such runs hold no Latin letters or digits.
    let direct: Vec<&str> = doc
        .split("<w:rFonts")
        .skip(1)
        .map(|rest| &rest[..rest.find("/>").unwrap_or(rest.len())])
        .collect();
    assert!(
        direct
            .iter()
            .all(|attrs| attrs.contains(r#"w:hint="eastAsia""#)),
        "direct fonts in the body without the East Asian hint: {direct:?}"
    );
    assert!(doc.contains(r#"<w:pStyle w:val="AttachmentNote"/>"#));
    assert!(doc.contains(r#"<w:pStyle w:val="Signature"/>"#));
    assert!(doc.contains(r#"<w:pStyle w:val="Date"/>"#));
    assert!(doc.contains(">2024年12月20日<"), "date in Arabic numerals");

    // Footers: odd right with one 4号 character of space, even left; PAGE fields.
    let rels = zip_part(&p, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml""#));
    assert!(rels.contains(r#"Id="rIdFooter2""#) && rels.contains("footer2.xml"));
    // One 4号 character (280 twips) in from the standard's block edge; on the right that edge
    // lies the DOCX line slack (34 twips) left of the DOCX margin.
    for (part, jc, ind) in [
        (
            "word/footer1.xml",
            "right",
            r#"<w:ind w:left="0" w:right="314"/>"#,
        ),
        (
            "word/footer2.xml",
            "left",
            r#"<w:ind w:left="280" w:right="0"/>"#,
        ),
    ] {
        let f = zip_part(&p, part);
        assert!(f.contains(&format!(r#"<w:jc w:val="{jc}"/>"#)), "{f}");
        assert!(f.contains(ind), "{f}");
        assert!(f.contains(r#"<w:fldChar w:fldCharType="begin""#), "{f}");
        assert!(f.contains("<w:instrText>PAGE</w:instrText>"), "{f}");
        assert!(f.contains(r#"<w:fldChar w:fldCharType="separate""#));
        assert!(f.contains(r#"<w:fldChar w:fldCharType="end""#));
        assert!(f.contains(">— <") && f.contains("> —<"), "{f}");
    }
    let settings = zip_part(&p, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"));
}

#[test]
fn styles_name_the_official_fonts_with_outline_levels() {
    let dir = tempfile::tempdir().unwrap();
    let p = export(&sample_report(1), dir.path(), "s1.docx");
    let styles = zip_part(&p, "word/styles.xml");
    let style = |id: &str| -> String {
        let start = styles
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("style {id} missing"));
        let end = start + styles[start..].find("</w:style>").unwrap();
        styles[start..end].to_string()
    };
    let fonts = |ea: &str| {
        format!(
            r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{ea}" w:cs="Times New Roman"/>"#
        )
    };
    let normal = style("Normal");
    assert!(styles.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#));
    assert!(normal.contains(&fonts("仿宋_GB2312")) && normal.contains(r#"<w:sz w:val="32"/>"#));
    assert!(
        normal.contains(r#"<w:spacing w:before="0" w:after="0" w:line="592" w:lineRule="exact"/>"#)
    );
    assert!(
        normal.contains(r#"<w:ind w:firstLine="632"/>"#),
        "2 cells of 15.8 pt"
    );
    assert!(normal.contains("<w:widowControl/>") && normal.contains(r#"<w:jc w:val="both"/>"#));
    assert!(
        normal.contains(r#"<w:spacing w:val="-4"/>"#),
        "condensed to 28 per line"
    );
    let title = style("Title");
    assert!(title.contains(&fonts("方正小标宋简体")) && title.contains(r#"<w:sz w:val="44"/>"#));
    assert!(title.contains(r#"<w:jc w:val="center"/>"#));
    for (level, ea) in [
        (1, "黑体"),
        (2, "楷体_GB2312"),
        (3, "仿宋_GB2312"),
        (4, "仿宋_GB2312"),
    ] {
        let h = style(&format!("Heading{level}"));
        assert!(
            h.contains(&format!(r#"<w:name w:val="heading {level}"/>"#)),
            "{h}"
        );
        assert!(
            h.contains(&format!(r#"<w:outlineLvl w:val="{}"/>"#, level - 1)),
            "{h}"
        );
        assert!(h.contains("<w:keepNext/>"), "{h}");
        assert!(h.contains(&fonts(ea)), "{h}");
        assert!(style(&format!("Heading{level}Char")).contains(&fonts(ea)));
    }
    assert!(style("Heading3").contains("<w:b/>"));
    for id in ["AttachmentNote", "Signature", "Date"] {
        style(id);
    }
    assert!(style("Footer")
        .contains(r#"<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/>"#));
    assert!(style("Footer").contains(r#"<w:sz w:val="28"/>"#));
    assert!(!styles.contains("Theme"), "no theme fonts (WPS)");
    assert!(styles.contains(r#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#));
    let table = zip_part(&p, "word/fontTable.xml");
    for f in [
        "仿宋_GB2312",
        "方正小标宋简体",
        "黑体",
        "楷体_GB2312",
        "宋体",
        "Times New Roman",
    ] {
        assert!(table.contains(&format!(r#"<w:font w:name="{f}">"#)), "{f}");
    }
    assert!(table.contains(r#"<w:altName w:val="仿宋"/>"#));
}

#[test]
fn every_part_is_deflated_declared_and_related() {
    let dir = tempfile::tempdir().unwrap();
    let p = export(&sample_report(5), dir.path(), "s5.docx");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
    let names: Vec<String> = z.file_names().map(String::from).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    let types = zip_part(&p, "[Content_Types].xml");
    let rels = zip_part(&p, "word/_rels/document.xml.rels") + &zip_part(&p, "_rels/.rels");
    for n in &names {
        let mut f = z.by_name(n).unwrap();
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{n}");
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        if n.ends_with(".rels") || n == "[Content_Types].xml" {
            continue;
        }
        assert!(
            types.contains(&format!(r#"PartName="/{n}""#)),
            "{n} has no content type"
        );
        let target = n.strip_prefix("word/").unwrap_or(n);
        assert!(
            rels.contains(&format!(r#"Target="{target}""#))
                || rels.contains(&format!(r#"Target="{n}""#)),
            "{n} has no relationship"
        );
    }
}

#[test]
fn export_is_atomic_and_failures_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("报告.docx");
    std::fs::write(&out, b"old").unwrap();
    gongwen::export::docx::export_docx(&sample_report(1), &Spec::official(), &out).unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "temporary file left"
    );
    let e = gongwen::export::docx::export_docx(
        &sample_report(1),
        &Spec::official(),
        &dir.path().join("无此文件夹/x.docx"),
    )
    .unwrap_err();
    assert!(e.message.contains("写入文件失败"), "{}", e.message);
}

#[test]
fn same_report_gives_the_same_bytes() {
    let s = Spec::official();
    let a = gongwen::export::docx::docx_bytes(&sample_report(2), &s).unwrap();
    let b = gongwen::export::docx::docx_bytes(&sample_report(2), &s).unwrap();
    assert_eq!(a, b);
}

#[test]
fn cli_exports_a_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    std::fs::write(&json, serde_json::to_string(&sample_report(1)).unwrap()).unwrap();
    let out = dir.path().join("r.docx");
    let st = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("export")
        .arg(&json)
        .arg("--docx")
        .arg(&out)
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    audit(&out);
}

/// A report with a subtitle, an addressee, a joint signature and a note: the package stays
/// valid for openxml-audit, and the parts are paragraphs of their own styles in the order of
/// GB/T 9704-2012 (title, subtitle, one blank line, addressee … organs, date, note), with the
/// colon and the parentheses added.
#[test]
fn subtitle_addressee_joint_signature_and_note_in_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = sample_report(1);
    r.subtitle = Some("——以公开促落实".into());
    r.addressee = Some("县政务公开办".into());
    // Organs separated by a line break (U+3000 is the other separator, in closing_pages.rs).
    r.signature = "中共双河镇委员会\n双河镇人民政府".into();
    r.note = Some("此件公开发布".into());
    r.seal = true;
    let p = export(&r, dir.path(), "parts.docx");
    audit(&p);
    let doc = zip_part(&p, "word/document.xml");
    let styles = zip_part(&p, "word/styles.xml");
    // Paragraph styles in document order.
    let order: Vec<&str> = doc
        .split(r#"<w:pStyle w:val=""#)
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(
        &order[..4],
        ["Title", "Subtitle", "Normal", "Addressee"],
        "{order:?}"
    );
    let tail = &order[order.len() - 4..];
    assert_eq!(
        tail,
        ["Signature", "Signature", "Date", "Note"],
        "{order:?}"
    );
    for text in [
        "——以公开促落实",
        "县政务公开办：",
        "中共双河镇委员会",
        "（此件公开发布）",
    ] {
        assert!(doc.contains(text), "{text}");
    }
    assert!(
        !doc.contains("委员会双河镇") && doc.contains(">双河镇人民政府<"),
        "one organ per paragraph"
    );
    let style = |id: &str| -> String {
        let start = styles
            .find(&format!(r#"w:styleId="{id}""#))
            .unwrap_or_else(|| panic!("style {id} missing"));
        let end = start + styles[start..].find("</w:style>").unwrap();
        styles[start..end].to_string()
    };
    let sub = style("Subtitle");
    assert!(sub.contains(r#"w:eastAsia="楷体_GB2312""#) && sub.contains(r#"<w:sz w:val="32"/>"#));
    assert!(sub.contains(r#"<w:jc w:val="center"/>"#) && sub.contains("<w:keepNext/>"));
    assert!(style("Addressee").contains(r#"<w:ind w:left="0" w:right="0" w:firstLine="0"/>"#));
    let cells = 2 * Spec::official().docx().body_char;
    assert!(style("Note").contains(&format!(r#"w:firstLine="{cells}""#)));
}
