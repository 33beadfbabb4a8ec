//! Layout regressions caught by reference images, as Typst does: the first and last page of
//! the one-page sample (title, every heading level, attachments, signature, page numbers),
//! rendered with the bundled fonts at low resolution, must match the images kept in
//! `tests/reference/` within a tolerance. Updating a reference is a deliberate act:
//! `GONGWEN_UPDATE_REFERENCES=1 cargo test -p gongwen --test export pdf_reference`, then look at the
//! new images (`pdftoppm -png`) before committing them.

use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const DPI: &str = "36";

fn render(pdf: &Path, page: usize, prefix: &Path) -> Vec<u8> {
    let p = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-gray", "-r", DPI, "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is required");
    assert!(status.success());
    std::fs::read(prefix.with_extension("pgm")).unwrap()
}

fn reference(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name)
}

/// Share of pixels whose grey level differs by more than a third of the range.
fn difference(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len(), "image sizes differ");
    let off = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.abs_diff(**y) > 85)
        .count();
    off as f64 / a.len() as f64
}

/// Renders `pages` of `pdf` and compares each with `tests/reference/{stem}-page{N}.pgm`
/// (or writes them when `GONGWEN_UPDATE_REFERENCES=1`): fewer than 0.2 % of pixels may differ.
fn match_references(pdf: &Path, stem: &str, pages: &[usize], work: &Path) {
    let update = std::env::var("GONGWEN_UPDATE_REFERENCES").is_ok_and(|v| v == "1");
    for &page in pages {
        let name = format!("{stem}-page{page}.pgm");
        let now = render(pdf, page, &work.join(format!("{stem}-{page}")));
        if update {
            std::fs::create_dir_all(reference("")).unwrap();
            std::fs::write(reference(&name), &now).unwrap();
            continue;
        }
        let want = std::fs::read(reference(&name))
            .unwrap_or_else(|e| panic!("missing reference {name} ({e}); see this file's header"));
        let d = difference(&want, &now);
        assert!(
            d < 0.002,
            "page {page} differs from tests/reference/{name} in {:.2} % of pixels",
            d * 100.0
        );
    }
}

#[test]
fn pages_match_their_reference_images() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    let out = PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(&sample_report(1), &pdf)
        .unwrap();
    match_references(&pdf, "sample1", &[1, out.pages], dir.path());
}

/// A formal 报告 with two attachments (版头, 附件 pages, 版记; GB/T 9704-2012 §7.2, §7.3.7,
/// §7.4): page 1 (版头), the first attachment page and the last page (版记) against
/// `tests/reference/formal1-page{N}.pgm`, updated like the above.
#[test]
fn formal_report_pages_match_their_reference_images() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("f.pdf");
    let out = PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(&gongwen::fixtures::formal_report(1), &pdf)
        .unwrap();
    // Six pages: body 1–3, 附件1 on 4, 附件2 on 5, the 版记 on 6.
    assert_eq!(out.pages, 6);
    match_references(&pdf, "formal1", &[1, 4, 6], dir.path());
}

/// The 政府信息公开工作年度报告 (issue 16): the page on which the statutory table 三 (收到和处理
/// 政府信息公开申请情况, 国办公开办函〔2021〕30号) starts, with its spanned header rows, against
/// `tests/reference/annual-table3-page{N}.pgm`, updated like the above.
#[test]
fn annual_report_table_three_matches_its_reference_image() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    let out = PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(&gongwen::fixtures::annual_disclosure_report(), &pdf)
        .unwrap();
    let page = (1..=out.pages)
        .find(|&p| {
            let t = Command::new("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils) is required");
            String::from_utf8_lossy(&t.stdout).contains("勾稽关系")
        })
        .expect("table 三's first header cell is on some page");
    match_references(&pdf, "annual-table3", &[page], dir.path());
}
