//! The DOCX as LibreOffice lays it out, measured on its rendering: pages, 22 lines per full
//! page with the ink from 37 to 262 mm, lines from 28 to 184 mm with 28 characters, page
//! numbers `— N —` on the right of odd and the left of even pages.

use crate::render_support::*;
use gongwen::fixtures::sample_report;
use gongwen::model::PageNumberDash;
use gongwen::spec::{pt_to_mm, Spec};

const TOL: f32 = 1.0;
/// Closing punctuation LibreOffice (like Word) may hang past the right edge.
const HANGING: &str = "，。、；：？！）》”’";

#[test]
fn five_page_sample_in_libreoffice() {
    let spec = Spec::official();
    let (top, left) = (
        pt_to_mm(spec.page.margin_top),
        pt_to_mm(spec.page.margin_left),
    );
    let bottom = pt_to_mm(spec.page.height - spec.page.margin_bottom);
    let right = left + pt_to_mm(spec.page.text_width());
    let lines_per_page = spec.grid.lines_per_page as usize;

    let dir = tempfile::tempdir().unwrap();
    let docx = export(&sample_report(5), dir.path(), "sample5.docx");
    audit(&docx);
    let pdf = to_pdf(&docx);
    let pages = page_count(&pdf);
    println!("LibreOffice pages: {pages}");
    assert!(pages >= 5, "{pages} pages");

    let mut full_pages = 0;
    let mut unused = 0;
    let mut full_lines = 0;
    let mut pixel_full_lines = 0;
    for page in 1..=pages {
        // Page numbers come from the PAGE field, on the side of the page's parity.
        let text = page_text(&pdf, page);
        // Without white space: pdftotext drops the spaces beside the 宋体 stand-in's dashes.
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert!(
            squash(&text).contains(&squash(
                &spec.page_number_text(page as u32, PageNumberDash::Em)
            )),
            "page {page}: {text}"
        );

        let g = render(&pdf, page, 150);
        let all = bands(&g);
        let (body, foot): (Vec<Band>, Vec<Band>) =
            all.iter().partition(|b| b.bottom < bottom + TOL);
        assert_eq!(
            foot.len(),
            1,
            "page {page}: one page-number line below the block: {foot:?}"
        );
        let number = foot[0];
        // The dash line about 7 mm below the block.
        let mid = (number.top + number.bottom) / 2.0;
        let drop = pt_to_mm(spec.page_number_drop);
        assert!(
            (mid - bottom - drop).abs() < 1.5,
            "page {page}: number at {mid:.1} mm"
        );
        let side = pt_to_mm(spec.fonts.page_number.size);
        if page % 2 == 1 {
            assert!(
                (right - side - number.right).abs() < TOL,
                "odd page {page}: {number:?}"
            );
        } else {
            assert!(
                (number.left - left - side).abs() < TOL,
                "even page {page}: {number:?}"
            );
        }

        assert!(
            body.len() <= lines_per_page,
            "page {page}: {} lines",
            body.len()
        );
        for b in &body {
            assert!(
                b.top > top - TOL && b.bottom < bottom + TOL,
                "page {page}: {b:?}"
            );
            assert!(b.left > left - TOL, "page {page}: {b:?}");
        }
        if page < pages {
            unused += lines_per_page - body.len();
        }
        if body.len() == lines_per_page && page > 1 {
            // A full page: the ink spans the text block.
            full_pages += 1;
            let (first, last) = (body[0], body[lines_per_page - 1]);
            assert!(
                (first.top - top).abs() < TOL,
                "page {page}: first ink {:.2}",
                first.top
            );
            assert!(
                (last.bottom - bottom).abs() < TOL,
                "page {page}: last ink {:.2}",
                last.bottom
            );
            // On the pixels: most lines run from 28 to 184 mm (±1 mm).
            let full = body
                .iter()
                .filter(|b| (b.left - left).abs() < TOL && (b.right - right).abs() < TOL)
                .count();
            pixel_full_lines += full;
            println!(
                "page {page}: {} lines ({full} full width), ink {:.1}–{:.1} mm",
                body.len(),
                first.top,
                last.bottom
            );
        }

        // Full lines (not indented, not a paragraph's last) span the block's width and hold
        // 28 characters; a longer one only by a hung closing mark.
        for (x0, x1, s) in text_lines(&pdf, page) {
            // Indented first lines and paragraphs' last lines are not full.
            if x0 > left + TOL || x1 < right - TOL {
                continue;
            }
            let last = s.chars().last().unwrap_or(' ');
            if x1 > right + TOL {
                assert!(
                    HANGING.contains(last),
                    "page {page}: {s} ends at {x1:.1} mm"
                );
                continue;
            }
            if s.chars().all(|c| !c.is_ascii()) {
                assert_eq!(s.chars().count(), 28, "page {page}: {s}");
                full_lines += 1;
            }
        }
    }
    println!("full pages {full_pages}, unused lines {unused}, 28–184 mm lines on them {pixel_full_lines}, full lines of 28 Chinese characters {full_lines}");
    assert!(full_pages >= 2, "no full page measured");
    assert!(
        pixel_full_lines >= 10,
        "{pixel_full_lines} lines span 28–184 mm"
    );
    assert!(full_lines >= 12, "only {full_lines} full lines of Chinese");
    // Keep-with-next and widow control may leave a line free at a page's foot, not more.
    assert!(unused < pages, "{unused} lines left empty on {pages} pages");
}

#[test]
fn ten_page_sample_converts_with_more_pages() {
    let dir = tempfile::tempdir().unwrap();
    let five = to_pdf(&export(&sample_report(5), dir.path(), "a.docx"));
    let ten = to_pdf(&export(&sample_report(10), dir.path(), "b.docx"));
    let (a, b) = (page_count(&five), page_count(&ten));
    assert!(b >= 10 && b > a, "{a} {b}");
    // The closing parts are on the last page: attachments, unit and date.
    let last = page_text(&ten, b).replace(' ', "");
    assert!(
        last.contains("附件：1.") && last.contains("2024年12月20日"),
        "{last}"
    );
}
