//! Our PDF and LibreOffice's rendering of our DOCX break pages alike: the same page count and
//! the same first line on (nearly) every page (the same bundled faces on both sides, see
//! tests/fontconfig/fonts.conf). Needs LibreOffice and poppler (CI installs them).
//!
//! LibreOffice's DOCX import ignores `w:autoSpaceDE/DN="0"` (Word and WPS honour it) and puts
//! about a quarter em between Chinese and digits/Latin, and its letter spacing misses the last
//! character of each script run; the comparison uses its rendering with both restored to what
//! the DOCX asks (`to_pdf_word_like`).

use crate::render_support::*;
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
    for (n, allowed_mismatches) in [(5usize, 0usize), (10, 0), (100, 8)] {
        let report = sample_report(n);
        let docx = export(&report, dir.path(), &format!("s{n}.docx"));
        let lo = to_pdf_word_like(&docx);
        let ours = ex.layout(&report);
        assert_eq!(
            ours.pages.len(),
            page_count(&lo),
            "sample_report({n}): page count differs from LibreOffice"
        );
        let mut mismatches = Vec::new();
        for p in &ours.pages {
            let first = p
                .lines
                .iter()
                .map(|l| squash(&l.text()))
                .find(|t| !t.is_empty())
                .unwrap();
            let start: String = first.chars().take(10).collect();
            let lo_text = squash(&page_text(&lo, p.number as usize));
            if !lo_text.starts_with(&start) {
                mismatches.push(format!(
                    "page {}: ours starts {start:?}, LibreOffice {:?}",
                    p.number,
                    lo_text.chars().take(20).collect::<String>()
                ));
            }
        }
        assert!(
            mismatches.len() <= allowed_mismatches,
            "sample_report({n}), {} pages: {mismatches:#?}",
            ours.pages.len()
        );
        println!(
            "sample_report({n}): {} pages in both; pages starting differently: {mismatches:#?}",
            ours.pages.len()
        );
    }
}
