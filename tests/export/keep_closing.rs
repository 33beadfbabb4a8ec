//! The signing unit and the date (落款) never start a page alone (GB/T 9704-2012 §7.3.5): a
//! report is grown a phrase at a time until its 落款 would fall on a page of its own; then our
//! PDF keeps it with the body — by a tighter line pitch on that page, or, beyond the limit,
//! by carrying the last body paragraphs over — and LibreOffice's rendering of our DOCX breaks
//! the pages the same way. A report whose closing parts cannot share a page with the body
//! gets the check's finding.

use crate::render_support::*;
use gongwen::check::{self, codes, WordList};
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use gongwen::model::{Date, Report, Section};
use gongwen::typeset::{Keep, Layout, LineKind};
use std::path::Path;

const UNIT: &str = "双河镇人民政府";

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A report whose last body paragraph has `phrases` phrases.
fn grown(phrases: usize, sealed: bool) -> Report {
    let mut r = sample_report(2);
    r.signature = UNIT.into();
    r.date = Date::new(2024, 12, 20);
    r.seal = sealed;
    let text = "持续深化政务公开标准化规范化建设，".repeat(phrases) + "推动各项工作再上新台阶。";
    r.sections.push(Section {
        heading: "下一步工作打算".into(),
        paragraphs: vec![text.into()],
        ..Section::default()
    });
    r
}

/// The page (1-based) holding the signing unit, and whether body text shares it.
fn signature_page(l: &Layout) -> (usize, bool) {
    let page = l
        .pages
        .iter()
        .find(|p| p.lines.iter().any(|x| x.kind == LineKind::Signature))
        .expect("a signing unit");
    let body = page.lines.iter().any(|x| {
        matches!(
            x.kind,
            LineKind::Paragraph | LineKind::Heading(_) | LineKind::RunIn(_)
        )
    });
    (page.number as usize, body)
}

/// Our PDF and LibreOffice's rendering of our DOCX: same page count, the 落款 on the last
/// page with body text, and that page starting with the same line.
fn compare(r: &Report, ex: &PdfExporter, dir: &Path, name: &str) {
    let ours = ex.layout(r);
    let (page, with_body) = signature_page(&ours);
    assert!(with_body, "{name}: our 落款 stands alone ({:?})", ours.keep);
    assert_eq!(page, ours.pages.len());
    let pdf = dir.join(format!("{name}.pdf"));
    ex.export(r, &pdf).unwrap();
    assert_eq!(page_count(&pdf), page);
    let docx = export(r, dir, &format!("{name}.docx"));
    audit(&docx);
    let lo = to_pdf_word_like(&docx);
    assert_eq!(
        page_count(&lo),
        page,
        "{name}: LibreOffice makes {} pages of the DOCX, we make {page} ({:?})",
        page_count(&lo),
        ours.keep
    );
    let lo_last = squash(&page_text(&lo, page));
    let last = &ours.pages[page - 1];
    let first: String = squash(&last.lines[0].text()).chars().take(10).collect();
    assert!(
        lo_last.starts_with(&first),
        "{name}: our last page starts {first:?}, LibreOffice's {:?}",
        lo_last.chars().take(20).collect::<String>()
    );
    let body_end: String = {
        let text = squash(&r.sections.last().unwrap().paragraphs[0].plain());
        let n = text.chars().count();
        text.chars().skip(n - 8).collect()
    };
    for want in [UNIT, "2024年12月20日", body_end.as_str()] {
        assert!(
            lo_last.contains(want),
            "{name}: LibreOffice's last page lacks {want:?}: {lo_last}"
        );
    }
    println!("{name}: {:?}, {page} pages in both", ours.keep);
}

#[test]
fn the_signature_stays_with_the_body_in_pdf_and_docx() {
    let ex = PdfExporter::new(FontSet::bundled_only().unwrap());
    let dir = tempfile::tempdir().unwrap();
    for sealed in [false, true] {
        let tag = if sealed { "sealed" } else { "plain" };
        // One line gained (28.25 pt), two lines gained (27 pt, the limit), carried.
        let (mut tightened, mut tightest, mut carried) = (None, None, None);
        for phrases in 0..120 {
            let r = grown(phrases, sealed);
            match ex.layout(&r).keep {
                Keep::Tightened { pitch_twips, .. } if pitch_twips < 550 && tightest.is_none() => {
                    tightest = Some(r)
                }
                Keep::Tightened { .. } if tightened.is_none() => tightened = Some(r),
                Keep::Carried { .. } if carried.is_none() => carried = Some(r),
                Keep::Alone { .. } => panic!("{tag}, {phrases} phrases: the 落款 stands alone"),
                _ => {}
            }
            if tightened.is_some() && tightest.is_some() && carried.is_some() {
                break;
            }
        }
        let tightened = tightened.unwrap_or_else(|| panic!("{tag}: never tightened"));
        let tightest = tightest.unwrap_or_else(|| panic!("{tag}: never tightened by two lines"));
        let carried = carried.unwrap_or_else(|| panic!("{tag}: never carried"));
        compare(&tightened, &ex, dir.path(), &format!("{tag}-tightened"));
        compare(&tightest, &ex, dir.path(), &format!("{tag}-tightest"));
        compare(&carried, &ex, dir.path(), &format!("{tag}-carried"));
        // The DOCX carries the decision as paragraph properties.
        let xml = zip_part(
            &dir.path().join(format!("{tag}-tightened.docx")),
            "word/document.xml",
        );
        assert!(
            xml.contains(r#"w:lineRule="exact""#) && xml.contains("snapToGrid"),
            "{tag}"
        );
        let xml = zip_part(
            &dir.path().join(format!("{tag}-carried.docx")),
            "word/document.xml",
        );
        assert!(xml.contains("<w:keepLines"), "{tag}");
        assert!(check::run(&carried, &WordList::builtin())
            .iter()
            .all(|f| f.code != codes::SIGNATURE_ALONE));
    }
}

#[test]
fn a_closing_that_cannot_share_a_page_with_the_body_is_reported() {
    let ex = PdfExporter::new(FontSet::bundled_only().unwrap());
    let words = WordList::builtin();
    let alone = |r: &Report| {
        check::run(r, &words)
            .into_iter()
            .find(|f| f.code == codes::SIGNATURE_ALONE)
    };
    let mut r = grown(3, false);
    assert!(alone(&r).is_none());
    // Attachments until the note and the 落款 are longer than a page.
    let mut n = 0;
    while !matches!(ex.layout(&r).keep, Keep::Alone { .. }) {
        n += 1;
        assert!(n < 40, "never alone");
        r.attachments
            .push(format!("双河镇2024年第{n}季度政务公开工作台账").into());
    }
    let f = alone(&r).expect("the finding");
    assert_eq!(f.severity, check::Severity::Error);
    assert!(f.message.contains("落款"), "{}", f.message);
    assert!(!signature_page(&ex.layout(&r)).1);
}
