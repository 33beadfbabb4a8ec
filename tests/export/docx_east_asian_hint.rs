//! Chinese punctuation in the DOCX is set in the Chinese font by Word and WPS too: every run
//! holding “ ” ‘ ’ — … · carries `w:rFonts w:hint="eastAsia"`, no run mixes them with digits or
//! Latin letters (which stay Times New Roman), no part names a theme font, and the 设置 choice
//! of font names (仿宋_GB2312/楷体_GB2312 or 仿宋/楷体) reaches styles and font table with
//! `w:altName` both ways.

use crate::render_support::audit;
use gongwen::export::docx::docx_bytes;
use gongwen::fixtures::sample_report;
use gongwen::model::{Report, Section};
use gongwen::spec::{DocxFontNames, Spec};
use std::io::Read;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn part(docx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn report() -> Report {
    let mut r = sample_report(2);
    r.title = "双河镇2024年“放管服”改革工作总结".into();
    r.opening.push(
        "按照“谁主管、谁负责”的要求——全年办结1286件……满意率98.5%，LED屏‘滚动’播放·每日更新，3×4。"
            .into(),
    );
    r.sections.push(Section {
        heading: "“一网通办”持续推进".into(),
        run_in: true,
        paragraphs: vec!["网上可办事项达到312项——“最多跑一次”。".into()],
        ..Section::default()
    });
    r.attachments = vec!["“三公”经费明细表".into()];
    r
}

/// Each run of the body: (its text, has the East Asian hint).
fn runs(document: &str) -> Vec<(String, bool)> {
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .map(|r| {
            let text: String = r
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect();
            let hinted = r
                .descendants()
                .filter(|n| n.has_tag_name((W, "rFonts")))
                .any(|f| f.attribute((W, "hint")) == Some("eastAsia"));
            (text, hinted)
        })
        .collect()
}

fn needs_hint(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

#[test]
fn runs_with_chinese_punctuation_carry_the_east_asian_hint() {
    let bytes = docx_bytes(&report(), &Spec::official()).unwrap();
    let document = part(&bytes, "word/document.xml");
    let runs = runs(&document);
    let mut hinted = 0;
    for (text, hint) in &runs {
        if text.chars().any(needs_hint) {
            assert!(hint, "run {text:?} lacks w:hint=\"eastAsia\"");
            hinted += 1;
        }
        if *hint {
            // Digits, Latin letters and other narrow characters never share a hinted run.
            assert!(
                text.chars().all(|c| !c.is_ascii() && c != '×'),
                "hinted run {text:?} holds Latin or digits"
            );
        }
    }
    assert!(hinted >= 8, "only {hinted} hinted runs");
    // The words came through whole: nothing lost in the cutting.
    let all: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    assert!(all.contains(
        "按照“谁主管、谁负责”的要求——全年办结1286件……满意率98.5%，LED屏‘滚动’播放·每日更新，3×4。"
    ));
    // No theme fonts anywhere but the theme part itself (WPS lets them override the names).
    for name in [
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
        "word/fontTable.xml",
        "word/settings.xml",
    ] {
        let xml = part(&bytes, name);
        for attr in ["asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"] {
            assert!(!xml.contains(attr), "{name} names a theme font ({attr})");
        }
    }
    // Still valid for Word.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hint.docx");
    std::fs::write(&path, &bytes).unwrap();
    audit(&path);
}

#[test]
fn the_font_name_setting_reaches_styles_and_font_table() {
    for (names, fang, kai, alt_fang, alt_kai) in [
        (
            DocxFontNames::Gb2312,
            "仿宋_GB2312",
            "楷体_GB2312",
            "仿宋",
            "楷体",
        ),
        (
            DocxFontNames::Plain,
            "仿宋",
            "楷体",
            "仿宋_GB2312",
            "楷体_GB2312",
        ),
    ] {
        let spec = Spec::official().with_docx_font_names(names);
        let bytes = docx_bytes(&report(), &spec).unwrap();
        let styles = part(&bytes, "word/styles.xml");
        assert!(
            styles.contains(&format!(r#"w:eastAsia="{fang}""#)),
            "{names:?}"
        );
        assert!(
            styles.contains(&format!(r#"w:eastAsia="{kai}""#)),
            "{names:?}"
        );
        assert!(
            !styles.contains(&format!(r#"w:eastAsia="{alt_fang}""#)),
            "{names:?}"
        );
        let table = part(&bytes, "word/fontTable.xml");
        for (name, alt) in [(fang, alt_fang), (kai, alt_kai)] {
            assert!(
                table.contains(&format!(
                    r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/>"#
                )),
                "{names:?}: {table}"
            );
        }
    }
}
