//! A formal 报告 (版头, 附件 pages, 版记; GB/T 9704-2012 §7.2, §7.3.7, §7.4, §7.5) measured on
//! rendered pages at 150 dpi: our PDF through poppler, our DOCX through LibreOffice. Both
//! must put the red mark's ink 72 ± 1 mm from the top of page 1, the red line from 28 to
//! 184 mm, `附件1` at the top left of an attachment's first page, and the 版记's last rule on
//! the bottom edge of the text block (262 mm) of an even last page; the page counts agree,
//! and the pages §7.5 names carry no number.

use crate::render_support::*;
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::formal_report;
use gongwen::fonts::FontSet;
use gongwen::model::Report;
use gongwen::typeset::LineKind;
use std::path::{Path, PathBuf};
use std::process::Command;

const DPI: u32 = 150;
/// Tolerance of the positions, mm (the issue's ± 1 mm).
const TOL: f32 = 1.0;

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

/// A page rendered in colour: (width, height, RGB bytes).
struct Rgb {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Rgb {
    fn mm(&self, px: usize) -> f32 {
        px as f32 * 25.4 / DPI as f32
    }
    fn red(&self, x: usize, y: usize) -> bool {
        let i = (y * self.width + x) * 3;
        let (r, g, b) = (self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]);
        r > 180 && g < 110 && b < 110
    }
    /// Rows (mm) with red ink, and for each the first and last red column (mm).
    fn red_rows(&self) -> Vec<(f32, f32, f32, usize)> {
        (0..self.height)
            .filter_map(|y| {
                let xs: Vec<usize> = (0..self.width).filter(|&x| self.red(x, y)).collect();
                Some((
                    self.mm(y),
                    self.mm(*xs.first()?),
                    self.mm(*xs.last()? + 1),
                    xs.len(),
                ))
            })
            .collect()
    }
}

fn render_rgb(pdf: &Path, page: usize) -> Rgb {
    let p = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", &DPI.to_string(), "-f", &p, "-l", &p])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils)");
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[s..i]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    Rgb {
        width: fields[1].parse().unwrap(),
        height: fields[2].parse().unwrap(),
        pixels: data[i + 1..].to_vec(),
    }
}

/// What a rendered page 1 shows of the 版头: the top of the mark's red ink (mm), and the red
/// line's top, bottom, left and right (mm).
fn header_on_page_one(pdf: &Path) -> (f32, (f32, f32, f32, f32)) {
    let img = render_rgb(pdf, 1);
    let rows = img.red_rows();
    let mark_top = rows.first().expect("red ink on page 1").0;
    // The red line: rows where red spans more than 140 mm without gaps worth a character.
    let line: Vec<_> = rows
        .iter()
        .filter(|r| r.3 as f32 > img.mm(1).recip() * 140.0)
        .collect();
    assert!(!line.is_empty(), "no red line on page 1");
    let top = line.first().unwrap().0;
    let bottom = line.last().unwrap().0 + img.mm(1);
    let left = line.iter().map(|r| r.1).fold(f32::MAX, f32::min);
    let right = line.iter().map(|r| r.2).fold(f32::MIN, f32::max);
    (mark_top, (top, bottom, left, right))
}

/// The lowest full-width black rule of a page (a row inked over more than 140 mm): its
/// middle, in mm from the top.
fn last_rule(pdf: &Path, page: usize) -> f32 {
    let g = render(pdf, page, DPI);
    let min = (140.0 * DPI as f32 / 25.4) as usize;
    let rows: Vec<usize> = (0..g.height)
        .filter(|&y| (0..g.width).filter(|&x| g.ink(x, y)).count() > min)
        .collect();
    let last = *rows.last().expect("a full-width rule");
    let mut first = last;
    while first > 0 && rows.contains(&(first - 1)) {
        first -= 1;
    }
    (g.mm(first) + g.mm(last + 1)) / 2.0
}

fn check_file(pdf: &Path, what: &str) {
    let (mark_top, (top, bottom, left, right)) = header_on_page_one(pdf);
    assert!(
        (mark_top - 72.0).abs() <= TOL,
        "{what}: the mark's red ink starts {mark_top:.2} mm from the top, not 72"
    );
    assert!(
        (left - 28.0).abs() <= TOL && (right - 184.0).abs() <= TOL,
        "{what}: the red line spans {left:.2}–{right:.2} mm, not 28–184"
    );
    eprintln!(
        "{what}: mark {mark_top:.2} mm, red line {top:.2}–{bottom:.2} mm, {left:.2}–{right:.2}"
    );
    let pages = page_count(pdf);
    assert_eq!(pages % 2, 0, "{what}: the last page ({pages}) is not even");
    let rule = last_rule(pdf, pages);
    assert!(
        (rule - 262.0).abs() <= TOL,
        "{what}: the 版记's last rule lies at {rule:.2} mm, not on the block's bottom (262)"
    );
    // Every attachment page starts with its label at the block's top left.
    let mut seen = Vec::new();
    for p in 2..=pages {
        let boxes = text_boxes(pdf, p);
        if let Some(b) = boxes
            .first()
            .filter(|b| b.text.starts_with("附件") && b.text.len() <= 7)
        {
            assert!(
                (b.x0 - 28.0).abs() <= TOL && (b.y0 - 37.0).abs() <= 2.0 * TOL,
                "{what}: {} on page {p} at ({:.2}, {:.2}) mm, not at the top left (28, 37)",
                b.text,
                b.x0,
                b.y0
            );
            seen.push(b.text.clone());
        }
    }
    assert_eq!(seen, ["附件1", "附件2"], "{what}: attachment pages");
    let all: String = (1..=pages).map(|p| page_text(pdf, p)).collect();
    let flat: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    for want in [
        "双政〔2024〕12号",
        "县政务公开办",
        "县委办公室",
        "县政府办公室",
        "李明远",
    ] {
        assert!(
            flat.contains(want),
            "{what}: pdftotext does not find {want}"
        );
    }
}

#[test]
fn formal_report_in_both_exporters() {
    let dir = tempfile::tempdir().unwrap();
    let r = formal_report(2);
    let ours = our_pdf(&r, dir.path(), "ours-formal.pdf");
    let theirs = libreoffice_pdf(&r, dir.path(), "formal.docx");
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&ours)
        .output()
        .unwrap();
    assert!(out.status.success(), "qpdf --check: {out:?}");
    // `GONGWEN_KEEP_FORMAL=dir` keeps both files for looking at them.
    if let Some(keep) = std::env::var_os("GONGWEN_KEEP_FORMAL") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&ours, Path::new(&keep).join("formal-ours.pdf")).unwrap();
        std::fs::copy(&theirs, Path::new(&keep).join("formal-docx.pdf")).unwrap();
        std::fs::copy(
            dir.path().join("formal.docx"),
            Path::new(&keep).join("formal.docx"),
        )
        .unwrap();
    }
    check_file(&ours, "PDF");
    check_file(&theirs, "DOCX");
    assert_eq!(page_count(&ours), page_count(&theirs), "page counts differ");
}

/// A report whose body ends on a full even page: the 版记 goes to the page after a blank
/// page, and neither carries a number (§7.5) in either file.
#[test]
fn blank_page_before_the_record_page_has_no_number() {
    let fonts = FontSet::bundled_only().unwrap();
    let exporter = PdfExporter::new(fonts);
    // Find a body length that leaves an even page too full for the 版记.
    let mut found = None;
    for extra in 0..40 {
        let mut r = formal_report(1);
        r.attachments.iter_mut().for_each(|a| a.paragraphs.clear());
        for k in 0..extra {
            r.opening
                .push(format!("补充说明第{}项情况。", k + 1).repeat(3));
        }
        let layout = exporter.layout(&r);
        let n = layout.pages.len();
        if layout.pages[n - 2].lines.is_empty() {
            found = Some(r);
            break;
        }
    }
    let r = found.expect("some length puts a blank page before the 版记");
    let dir = tempfile::tempdir().unwrap();
    for (what, pdf) in [
        ("PDF", our_pdf(&r, dir.path(), "ours-blank.pdf")),
        ("DOCX", libreoffice_pdf(&r, dir.path(), "blank.docx")),
    ] {
        let n = page_count(&pdf);
        assert_eq!(n % 2, 0, "{what}: {n} pages");
        let blank = page_text(&pdf, n - 1);
        assert!(
            blank.trim().is_empty(),
            "{what}: page {} not blank: {blank}",
            n - 1
        );
        let last = page_text(&pdf, n);
        assert!(
            !last.contains('—'),
            "{what}: the 版记 page shows a number: {last}"
        );
        assert!(
            last.contains("印发"),
            "{what}: no 版记 on the last page: {last}"
        );
        let before = page_text(&pdf, n - 2);
        assert!(
            before.contains('—'),
            "{what}: page {} lost its number",
            n - 2
        );
    }
}

#[test]
fn typeset_formal_parts() {
    let exporter = PdfExporter::new(FontSet::bundled_only().unwrap());
    let r = formal_report(1);
    let layout = exporter.layout(&r);
    let first = &layout.pages[0];
    assert!(!first.mark.is_empty() && first.rules.iter().any(|x| x.red));
    let header: Vec<String> = first
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Header)
        .map(|l| l.text())
        .collect();
    assert_eq!(header.len(), 1, "{header:?}");
    assert!(header[0].contains("双政〔2024〕12号") && header[0].contains("签发人："));
    assert_eq!(layout.pages.len() % 2, 0);
    let last = layout.pages.last().unwrap();
    assert_eq!(last.rules.len(), 3, "three 版记 rules");
}
