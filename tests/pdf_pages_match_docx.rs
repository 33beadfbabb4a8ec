//! Our PDF and LibreOffice's rendering of our DOCX break pages alike: the same page count and
//! the same first line on every page (the same bundled faces on both sides, see
//! tests/fontconfig/fonts.conf). Needs LibreOffice and poppler (CI installs them).

mod docx_support;

use docx_support::*;
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pages_break_where_libreoffice_breaks_our_docx() {
    let ex = PdfExporter::new(FontSet::bundled_only().unwrap());
    let dir = tempfile::tempdir().unwrap();
    for n in [5usize, 10] {
        let report = sample_report(n);
        let docx = export(&report, dir.path(), &format!("s{n}.docx"));
        let lo = to_pdf(&docx);
        let ours = ex.layout(&report);
        assert_eq!(
            ours.pages.len(),
            page_count(&lo),
            "sample_report({n}): page count differs from LibreOffice"
        );
        for p in &ours.pages {
            let first = p
                .lines
                .iter()
                .map(|l| squash(&l.text()))
                .find(|t| !t.is_empty())
                .unwrap();
            let start: String = first.chars().take(10).collect();
            let lo_text = squash(&page_text(&lo, p.number as usize));
            assert!(
                lo_text.starts_with(&start),
                "sample_report({n}) page {}: ours starts {start:?}, LibreOffice {:?}",
                p.number,
                lo_text.chars().take(20).collect::<String>()
            );
        }
    }
}
