//! The closing parts and page numbers where both exporters put them. The geometry is computed
//! once (`Spec::signature_place`, `attachment_line`, `page_number_place`); these tests check
//! that our PDF and LibreOffice's rendering of our DOCX agree with it and with each other:
//! the right ends of the signing unit and the date, the start of every attachment line
//! (hanging indent), and each page-number style on odd pages, even pages and page 1.
//!
//! Positions come from `pdftotext -bbox-layout` (glyph boxes, in mm from the page's left
//! edge). Tolerance: 0.5 mm (1.4 pt). Both files set the same glyphs in the same fonts, so what
//! is left is how each measures a line: our PDF centres a 16 pt CJK glyph in its 15.8 pt cell
//! (0.1 pt past each end), LibreOffice ends a right-aligned line on the last glyph's condensed
//! advance (−0.2 pt) and rounds indents to twips; a 1-character mistake in the rules is
//! 5.6 mm, so the tolerance still catches every rule broken.

use crate::render_support::*;
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use gongwen::model::{Date, PageNumberDash, PageNumberPosition, PageNumbers, Report};
use gongwen::spec::closing::Side;
use gongwen::spec::{pt_to_mm, Spec};
use std::path::{Path, PathBuf};

const TOL: f32 = 0.5;

fn our_pdf(report: &Report, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(report, &out)
        .unwrap();
    out
}

fn libreoffice_pdf(report: &Report, dir: &Path, name: &str) -> PathBuf {
    let docx = export(report, dir, name);
    audit(&docx);
    to_pdf(&docx)
}

/// The closing lines of the last page: (xMin, xMax, text) of every line from the first
/// attachment line on.
fn closing_lines(pdf: &Path) -> Vec<(f32, f32, String)> {
    let lines = text_lines(pdf, page_count(pdf));
    let start = lines
        .iter()
        .position(|l| l.2.starts_with("附件："))
        .expect("the attachments note on the last page");
    lines[start..].to_vec()
}

fn line_with<'a>(lines: &'a [(f32, f32, String)], text: &str) -> &'a (f32, f32, String) {
    lines
        .iter()
        .find(|l| l.2 == text)
        .unwrap_or_else(|| panic!("no line “{text}” in {lines:#?}"))
}

fn closing_report(sealed: bool) -> Report {
    let mut r = sample_report(1);
    // Two attachments, the second long enough to wrap: its wrapped line shows the hanging
    // indent.
    r.attachments = vec![
        "双河镇2024年政务公开工作台账".into(),
        "双河镇2024年政务公开重点工作任务分解及各村（社区）落实情况统计表（含附表）".into(),
    ];
    r.signature = "双河镇人民政府".into();
    r.date = Date::new(2024, 12, 20);
    r.seal = sealed;
    r
}

#[test]
fn signature_date_and_attachments_sit_alike_in_pdf_and_docx() {
    let spec = Spec::official();
    let left = pt_to_mm(spec.page.margin_left);
    let right = left + pt_to_mm(spec.page.text_width());
    let dir = tempfile::tempdir().unwrap();
    for sealed in [false, true] {
        let r = closing_report(sealed);
        let tag = if sealed { "sealed" } else { "plain" };
        let ours = closing_lines(&our_pdf(&r, dir.path(), &format!("{tag}.pdf")));
        let lo = closing_lines(&libreoffice_pdf(&r, dir.path(), &format!("{tag}.docx")));
        println!("{tag}: ours {ours:#?}\nLibreOffice {lo:#?}");

        // Signing unit and date: right ends agree (they are right-aligned to the indents of
        // the geometry), and agree with the rule. The unit, all Chinese, starts alike too;
        // the date's start depends on how each renderer spaces digits next to Chinese.
        let date = "2024年12月20日";
        for (text, both_ends) in [("双河镇人民政府", true), (date, false)] {
            let (a, b) = (line_with(&ours, text), line_with(&lo, text));
            assert!(
                (a.1 - b.1).abs() < TOL && (!both_ends || (a.0 - b.0).abs() < TOL),
                "{tag} “{text}”: PDF {:.2}–{:.2} mm, DOCX {:.2}–{:.2} mm",
                a.0,
                a.1,
                b.0,
                b.1
            );
        }
        let cell = pt_to_mm(spec.grid.char_pitch);
        let date_end = line_with(&ours, date).1;
        let want = right - if sealed { 4.0 } else { 2.0 } * cell;
        assert!(
            (date_end - want).abs() < TOL,
            "{tag}: date ends at {date_end:.2} mm, the rule says {want:.2}"
        );
        if !sealed {
            // The date's first character two characters right of the unit's.
            let (unit, d) = (line_with(&ours, "双河镇人民政府"), line_with(&ours, date));
            assert!((d.0 - unit.0 - 2.0 * cell).abs() < TOL, "{unit:?} {d:?}");
        }

        // Attachments: the first line two characters in; the second item under the first
        // name; its wrapped line under its own name (after `2.`).
        let (a, b) = (&ours[..3], &lo[..3]);
        for k in 0..3 {
            assert!(
                (a[k].0 - b[k].0).abs() < TOL,
                "{tag} attachment line {k}: PDF starts at {:.2} mm “{}”, DOCX at {:.2} mm “{}”",
                a[k].0,
                a[k].2,
                b[k].0,
                b[k].2
            );
        }
        assert!((a[0].0 - (left + 2.0 * cell)).abs() < TOL, "{:?}", a[0]);
        assert!(a[1].2.starts_with("2.") && a[1].0 > a[0].0 + 2.5 * cell);
        assert!(
            a[2].0 > a[1].0 + 0.5,
            "wrapped line hangs: {:?} {:?}",
            a[1],
            a[2]
        );
    }
}

/// Expected page-number text for page `n` as pdftotext joins its words.
fn number_text(dash: PageNumberDash, n: usize) -> String {
    let d = match dash {
        PageNumberDash::Em => "—",
        PageNumberDash::Hyphen => "-",
    };
    format!("{d}{n}{d}")
}

/// The page-number line of page `page`, if any: the text line below the text block.
fn number_line(pdf: &Path, page: usize, spec: &Spec) -> Option<(f32, f32, String)> {
    let text_bottom = pt_to_mm(spec.page.height - spec.page.margin_bottom);
    text_boxes(pdf, page)
        .into_iter()
        .rev()
        .find(|b| b.y0 > text_bottom)
        .map(|b| (b.x0, b.x1, b.text))
}

fn check_numbers(pdf: &Path, style: &PageNumbers, spec: &Spec, what: &str) {
    let left = pt_to_mm(spec.page.margin_left);
    let width = pt_to_mm(spec.page.text_width());
    let pages = page_count(pdf);
    assert!(pages >= 3, "{what}: {pages} pages");
    for page in 1..=pages {
        let line = number_line(pdf, page, spec);
        let Some(place) = spec.page_number_place(style, page as u32) else {
            assert!(line.is_none(), "{what}: page {page} shows {line:?}");
            continue;
        };
        let (x0, x1, text) = line.unwrap_or_else(|| panic!("{what}: no number on page {page}"));
        assert_eq!(text, number_text(style.dash, page), "{what}: page {page}");
        let inset = pt_to_mm(place.inset);
        let (got, want) = match place.side {
            Side::Right => (x1, left + width - inset),
            Side::Left => (x0, left + inset),
            Side::Center => ((x0 + x1) / 2.0, left + width / 2.0),
        };
        assert!(
            (got - want).abs() < TOL,
            "{what}: page {page} number {text} at {x0:.2}–{x1:.2} mm, expected {:?} edge at {want:.2}",
            place.side
        );
    }
}

#[test]
fn every_page_number_style_in_both_exporters() {
    let spec = Spec::official();
    let dir = tempfile::tempdir().unwrap();
    let styles = [
        ("national", PageNumbers::default()),
        (
            "center",
            PageNumbers {
                position: PageNumberPosition::Center,
                ..PageNumbers::default()
            },
        ),
        (
            "hyphen",
            PageNumbers {
                dash: PageNumberDash::Hyphen,
                ..PageNumbers::default()
            },
        ),
        (
            "no-first",
            PageNumbers {
                first_page: false,
                ..PageNumbers::default()
            },
        ),
    ];
    for (name, style) in styles {
        let mut r = sample_report(3);
        r.page_numbers = style;
        check_numbers(
            &our_pdf(&r, dir.path(), &format!("{name}.pdf")),
            &style,
            &spec,
            &format!("PDF {name}"),
        );
        let docx = export(&r, dir.path(), &format!("{name}.docx"));
        audit(&docx);
        // The DOCX itself: odd/even footers only for the national style, an empty first-page
        // footer with titlePg when page 1 shows no number.
        let settings = zip_part(&docx, "word/settings.xml");
        let document = zip_part(&docx, "word/document.xml");
        let national = style.position == PageNumberPosition::National;
        assert_eq!(
            settings.contains("<w:evenAndOddHeaders/>"),
            national,
            "{name}"
        );
        assert_eq!(
            document.contains(r#"w:footerReference w:type="even""#),
            national,
            "{name}"
        );
        assert_eq!(document.contains("<w:titlePg"), !style.first_page, "{name}");
        assert_eq!(
            document.contains(r#"w:footerReference w:type="first""#),
            !style.first_page,
            "{name}"
        );
        let footer = zip_part(&docx, "word/footer1.xml");
        let (before, _) = spec.page_number_around(style.dash);
        assert!(footer.contains(&before), "{name}: {footer}");
        let jc = if national { "right" } else { "center" };
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{jc}"/>"#)),
            "{name}: {footer}"
        );
        check_numbers(
            &to_pdf(&docx),
            &style,
            &spec,
            &format!("DOCX {name} in LibreOffice"),
        );
    }
}

/// A sealed report keeps one line below the date on the date's page for the seal's lower edge:
/// when the date falls on a page's last line, sealing tightens that page's line pitch so that
/// the seal's line stays on it (the remedy of §7.3.5, docs/format.md §10) instead of moving the
/// 落款 to a page of its own, in our PDF and in LibreOffice's rendering of our DOCX alike.
#[test]
fn the_seal_keeps_a_line_below_the_date_in_both_exporters() {
    let spec = Spec::official();
    let exporter = PdfExporter::new(FontSet::bundled_only().unwrap());
    let last_slot = spec.grid.lines_per_page - 1;
    // One-line paragraphs until the date sits on the last line of its page.
    let mut r = closing_report(false);
    r.attachments.clear();
    r.sections.clear();
    r.opening = vec!["一行。".into(); 20];
    let date_slot = |r: &Report| {
        let l = exporter.layout(r);
        let page = l.pages.last().unwrap();
        page.lines
            .iter()
            .find(|l| l.kind == gongwen::typeset::LineKind::Date)
            .map(|l| l.slot)
    };
    let mut tries = 0;
    while date_slot(&r) != Some(last_slot) {
        r.opening.push("一行。".into());
        tries += 1;
        assert!(tries < 60, "the date never reached the last line");
    }
    let dir = tempfile::tempdir().unwrap();
    let plain = exporter.layout(&r).pages.len();
    r.seal = true;
    let sealed = exporter.layout(&r).pages.len();
    assert_eq!(sealed, plain, "sealing keeps the 落款 on its page");
    assert!(
        matches!(
            exporter.layout(&r).keep,
            gongwen::typeset::Keep::Tightened { .. }
        ),
        "{:?}",
        exporter.layout(&r).keep
    );
    let lo_pdf = libreoffice_pdf(&r, dir.path(), "sealed.docx");
    let lo = page_count(&lo_pdf);
    let ours = page_count(&our_pdf(&r, dir.path(), "sealed.pdf"));
    assert_eq!((ours, lo), (sealed, sealed));
    assert!(page_text(&lo_pdf, lo).contains("双河镇人民政府"));
    r.seal = false;
    let lo = page_count(&libreoffice_pdf(&r, dir.path(), "plain.docx"));
    assert_eq!(lo, plain);
}

/// Where a line with `text` is: (1-based page, its box), first match in the document.
fn locate(pdf: &Path, text: &str) -> (usize, TextBox) {
    for page in 1..=page_count(pdf) {
        if let Some(b) = text_boxes(pdf, page).into_iter().find(|b| b.text == text) {
            return (page, b);
        }
    }
    panic!("no line “{text}” in {}", pdf.display())
}

/// The subtitle, the addressee (wrapped), a joint signature and the note where both exporters
/// put them: on the same page, on the same line (within half a line pitch), at the same x
/// within 0.5 mm, and where the rules of `spec::parts` say; the page counts equal.
#[test]
fn subtitle_addressee_joint_signature_and_note_sit_alike_in_pdf_and_docx() {
    let spec = Spec::official();
    let left = pt_to_mm(spec.page.margin_left);
    let width = pt_to_mm(spec.page.text_width());
    let cell = pt_to_mm(spec.grid.char_pitch);
    let pitch = pt_to_mm(spec.grid.line_pitch);
    let dir = tempfile::tempdir().unwrap();
    let mut r = closing_report(false);
    r.subtitle = Some("——以公开促规范".into());
    // Long enough to wrap: both lines flush left, the colon added at the end.
    r.addressee = Some(
        "县委办公室、县政府办公室、县政务服务和数据管理局、县司法局、县财政局、县档案馆".into(),
    );
    // The first organ longer than the date by more than two characters: the organs' block
    // keeps two characters on its right (the other case is the single unit's, above).
    r.signature = "中共双河镇委员会宣传统战办公室\u{3000}双河镇人民政府".into();
    r.note = Some("联系人：郑某，联系电话：0793-1234567".into());
    // Not `parts.pdf`: LibreOffice writes its PDF of `parts.docx` under that name.
    let ours = our_pdf(&r, dir.path(), "parts-ours.pdf");
    let lo = libreoffice_pdf(&r, dir.path(), "parts.docx");
    assert_eq!(page_count(&ours), page_count(&lo), "page counts");

    let addressee = spec
        .addressee_text(r.addressee.as_deref().unwrap())
        .unwrap();
    let page1 = text_lines(&ours, 1);
    let k = page1
        .iter()
        .position(|l| addressee.starts_with(&l.2))
        .expect("the addressee's first line on page 1");
    let (a1, a2) = (page1[k].2.clone(), page1[k + 1].2.clone());
    assert_eq!(format!("{a1}{a2}"), addressee, "two lines, nothing else");

    // (text, compare the left end, compare the right end)
    let lines = [
        ("——以公开促规范", true, true),
        (a1.as_str(), true, false),
        (a2.as_str(), true, false),
        ("中共双河镇委员会宣传统战办公室", true, true),
        ("双河镇人民政府", true, true),
        ("2024年12月20日", false, true),
        ("（联系人：郑某，联系电话：0793-1234567）", true, false),
    ];
    let mut found = Vec::new();
    for (text, left_end, right_end) in lines {
        let (pa, a) = locate(&ours, text);
        let (pb, b) = locate(&lo, text);
        println!(
            "{text}: PDF p{pa} {:.2}–{:.2} mm y {:.2}; DOCX p{pb} {:.2}–{:.2} mm y {:.2}",
            a.x0, a.x1, a.y0, b.x0, b.x1, b.y0
        );
        assert_eq!(pa, pb, "“{text}” on page {pa} in the PDF, {pb} in the DOCX");
        let (ya, yb) = ((a.y0 + a.y1) / 2.0, (b.y0 + b.y1) / 2.0);
        assert!(
            (ya - yb).abs() < pitch / 2.0,
            "“{text}” on another line: {ya:.2} vs {yb:.2} mm"
        );
        assert!(
            !left_end || (a.x0 - b.x0).abs() < TOL,
            "“{text}” starts at {:.2} (PDF) vs {:.2} mm (DOCX)",
            a.x0,
            b.x0
        );
        assert!(
            !right_end || (a.x1 - b.x1).abs() < TOL,
            "“{text}” ends at {:.2} (PDF) vs {:.2} mm (DOCX)",
            a.x1,
            b.x1
        );
        found.push((pa, a));
    }
    // The rules, on our PDF.
    let (_, sub) = &found[0];
    assert!(
        ((sub.x0 + sub.x1) / 2.0 - (left + width / 2.0)).abs() < TOL,
        "subtitle centred"
    );
    for (_, a) in &found[1..3] {
        assert!((a.x0 - left).abs() < TOL, "addressee flush left: {a:?}");
    }
    let right = left + width;
    for (_, o) in &found[3..5] {
        assert!(
            (right - o.x1 - 2.0 * cell).abs() < TOL,
            "organ 2 characters from the right: {o:?}"
        );
    }
    let (_, note) = &found[6];
    assert!(
        (note.x0 - (left + 2.0 * cell)).abs() < TOL,
        "note 2 characters in: {note:?}"
    );
    // One line after another: subtitle right below the title, the addressee two lines below
    // the subtitle (one blank line), organs, date and note on consecutive lines.
    let y = |i: usize| (found[i].1.y0 + found[i].1.y1) / 2.0;
    assert!((y(1) - y(0) - 2.0 * pitch).abs() < 1.0, "{} {}", y(0), y(1));
    for i in 3..6 {
        assert!(
            (y(i + 1) - y(i) - pitch).abs() < 1.0,
            "line {i}: {} {}",
            y(i),
            y(i + 1)
        );
    }
}
