//! The PDF sets Chinese punctuation in the Chinese face and digits in the Latin one, read back
//! from the file with each character's font (pdfminer.six, installed by `scripts/test` in its
//! venv), and the faces are the bundled Fandol stand-ins when no official font is installed
//! (`pdffonts`, `qpdf --check`). Required tools fail the test when missing; CI installs them.

use gongwen::export::pdf::PdfExporter;
use gongwen::fonts::FontSet;
use gongwen::model::{Report, Section};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Our own text: “ ” —— …… · 、 next to digits, Latin and ideographs.
fn report() -> Report {
    let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
    r.title = "双河镇2024年“放管服”改革工作总结".into();
    r.opening = vec![
        "按照“谁主管、谁负责”的要求，全年办结事项1286件——比上年多19%……群众满意率达到98.5%，LED屏滚动播放·每日更新。".into(),
    ];
    r.sections = vec![Section {
        heading: "“一网通办”持续推进".into(),
        paragraphs: vec!["网上可办事项达到312项，“最多跑一次”事项占比超过九成。".into()],
        children: vec![Section {
            heading: "围绕“办事不求人”优化流程".into(),
            paragraphs: vec!["全年压减证明材料47项。".into()],
            ..Section::default()
        }],
        ..Section::default()
    }];
    r.signature = "双河镇人民政府".into();
    r
}

fn export(dir: &Path) -> PathBuf {
    let pdf = dir.join("fonts.pdf");
    let out = PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(&report(), &pdf)
        .unwrap();
    assert!(out.missing.is_empty(), "{:?}", out.missing);
    pdf
}

/// A Python with pdfminer.six: `python3` on the PATH (scripts/test puts its venv first),
/// else the venv scripts/test creates.
fn python() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_default();
    for p in [
        PathBuf::from("python3"),
        cache.join("gongwen/venv/bin/python3"),
    ] {
        let ok = Command::new(&p)
            .args(["-c", "import pdfminer"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return p;
        }
    }
    panic!("pdfminer.six is needed by this test: run scripts/test once (it installs it in its venv) or pip install pdfminer.six");
}

/// Every character on page 1 with its font's base name (subset tag removed), in text order.
const READ_CHARS: &str = r#"
import sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
def walk(o):
    if isinstance(o, LTChar):
        name = o.fontname.split("+", 1)[-1]
        sys.stdout.write("%s\t%s\t%.1f\n" % (o.get_text(), name, o.size))
        return
    for c in getattr(o, "_objs", []) or []:
        walk(c)
for page in extract_pages(sys.argv[1], page_numbers=[0]):
    walk(page)
"#;

fn chars_with_fonts(pdf: &Path) -> Vec<(String, String)> {
    let out = Command::new(python())
        .args(["-c", READ_CHARS])
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or_default().to_string(),
                f.next().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn chinese_punctuation_in_the_chinese_face_digits_in_the_latin_face() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path());
    let chars = chars_with_fonts(&pdf);
    // The opening paragraph, in reading order: find it by its characters.
    let text: String = chars.iter().map(|(c, _)| c.as_str()).collect();
    let start = text.find("按照").expect("opening paragraph not found");
    let start = text[..start].chars().count();
    let body = &chars[start..start + report().opening[0].chars().count()];
    let font_of = |want: &str| -> Vec<&str> {
        body.iter()
            .filter(|(c, _)| c == want)
            .map(|(_, f)| f.as_str())
            .collect()
    };
    for p in ["“", "”", "—", "…", "·", "、"] {
        let fonts = font_of(p);
        assert!(!fonts.is_empty(), "{p} not found in {text}");
        for f in fonts {
            assert_eq!(f, "FandolFang-Regular", "{p} drawn with {f}");
        }
    }
    for d in ["1", "2", "8", "6", "9", "5", "L", "E", "D", "%"] {
        for f in font_of(d) {
            assert_eq!(f, "LiberationSerif", "{d} drawn with {f}");
        }
    }
    for c in ["按", "谁", "群"] {
        assert!(font_of(c).iter().all(|f| *f == "FandolFang-Regular"));
    }
    // Headings: quotes of a level-1 heading in 黑体, of a level-2 heading in 楷体; the
    // title's in the 小标宋 stand-in.
    let after = |needle: &str| -> String {
        let i = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        let i = text[..i].chars().count();
        chars[i.saturating_sub(1)].1.clone()
    };
    assert_eq!(after("一网通办"), "FandolHei-Regular");
    assert_eq!(after("办事不求人"), "FandolKai-Regular");
    assert_eq!(after("放管服"), "FandolSong-Bold");
}

#[test]
fn bundled_fandol_faces_are_embedded_and_the_file_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path());
    let out = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    let list = String::from_utf8_lossy(&out.stdout);
    for face in [
        "FandolFang-Regular",
        "FandolKai-Regular",
        "FandolHei-Regular",
        "FandolSong-Bold",
        "LiberationSerif",
    ] {
        assert!(
            list.contains(&format!("+{face} ")),
            "{face} missing:\n{list}"
        );
    }
    // CFF outlines embedded as CID-keyed Type 0 fonts (FontFile3/OpenType).
    assert!(list.contains("CID Type 0C"), "{list}");
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf");
    assert!(
        q.status.success(),
        "{}{}",
        String::from_utf8_lossy(&q.stdout),
        String::from_utf8_lossy(&q.stderr)
    );
}
