//! The exported PDF checked by real consumers: poppler (`pdffonts`, `pdftotext`, `pdfinfo`,
//! `pdftoppm`) and `qpdf`. These tools are required (CI installs poppler-utils and qpdf); a
//! missing tool fails the test rather than skipping it.

use crate::render_support::render;
use gongwen::export::pdf::{export_pdf, PdfExporter};
use gongwen::fixtures::sample_report;
use gongwen::fonts::{FontSet, Source};
use gongwen::spec::{pt_to_mm, Spec};
use gongwen::typeset::LineKind;
use std::path::Path;
use std::process::Command;

fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is required (poppler-utils / qpdf): {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn exporter() -> PdfExporter {
    PdfExporter::new(FontSet::bundled_only().unwrap())
}

fn export(dir: &Path, pages: usize) -> (std::path::PathBuf, usize) {
    let path = dir.join(format!("sample{pages}.pdf"));
    let r = exporter().export(&sample_report(pages), &path).unwrap();
    assert!(r.missing.is_empty(), "{:?}", r.missing);
    (path, r.pages)
}

#[test]
fn fonts_are_embedded_subsets_with_unicode_maps() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, pages) = export(dir.path(), 5);
    assert!(pages >= 5, "{pages}");
    let (ok, out) = run("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(ok, "{out}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(rows.len() >= 4, "{out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        // … emb sub uni object ID
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
        let name = cols[0];
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "not a subset name: {name}"
        );
    }
}

#[test]
fn text_is_extractable_and_the_file_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, pages) = export(dir.path(), 5);
    let p = pdf.to_str().unwrap();
    let (ok, text) = run("pdftotext", &[p, "-"]);
    assert!(ok, "{text}");
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for sentence in [
        "双河镇人民政府2024年政务公开工作总结",
        "全年通过镇政府信息公开专栏主动公开各类信息482条，其中政策文件37件、工作动态215条。",
        "按照“谁制作、谁公开，谁获取、谁公开”的原则，明确了各站所的公开责任。",
        "一、工作开展情况",
        "附件：1.双河镇2024年政务公开工作台账",
        "2024年12月20日",
    ] {
        assert!(flat.contains(sentence), "missing: {sentence}");
    }
    let (ok, out) = run("qpdf", &["--check", p]);
    assert!(ok, "{out}");
    let (ok, info) = run("pdfinfo", &[p]);
    assert!(ok);
    assert!(
        info.contains("双河镇人民政府2024年政务公开工作总结"),
        "{info}"
    );
    assert!(info.contains("Author:          双河镇人民政府"), "{info}");
    assert!(info.contains("PDF version:     1.7"), "{info}");
    assert!(!info.contains("1970"), "{info}");
    assert!(info.contains(&format!("Pages:           {pages}")));
    assert!(info.contains("A4"));
}

#[test]
fn ink_fills_the_text_block_on_the_rendered_page() {
    let dir = tempfile::tempdir().unwrap();
    let ex = exporter();
    let report = sample_report(5);
    let pdf = dir.path().join("m.pdf");
    ex.export(&report, &pdf).unwrap();
    let layout = ex.layout(&report);
    let spec = Spec::official();
    let (left_mm, right_mm) = (28.0, 184.0);

    // Full pages: 22 lines, none blank.
    let full_pages: Vec<_> = layout
        .pages
        .iter()
        .filter(|p| p.lines.len() == 22 && p.lines.iter().all(|l| l.kind != LineKind::Blank))
        .collect();
    assert!(!full_pages.is_empty());
    let mut measured = 0;
    for full in full_pages {
        let img = render(&pdf, full.number as usize, 150);
        // Everything above the page-number area.
        let (top, bottom) = img.rows(5.0, 266.0).unwrap();
        assert!(
            (top - 37.0).abs() <= 1.0,
            "first line's ink starts {top:.2} mm"
        );
        assert!(
            (bottom - 262.0).abs() <= 1.0,
            "last line's ink ends {bottom:.2} mm"
        );

        // Full body lines: justified, starting at the margin with a character, ending with an
        // ideograph (a closing mark's ink sits in the left of its cell, by design).
        for (i, line) in full.lines.iter().enumerate() {
            let t = line.text();
            let last = t.chars().last().unwrap();
            let next_continues = full.lines.get(i + 1).is_some_and(|n| {
                n.kind == LineKind::Paragraph && (n.left - spec.page.margin_left).abs() < 0.01
            });
            let full_line = line.kind == LineKind::Paragraph
                && (line.left - spec.page.margin_left).abs() < 0.01
                && next_continues
                && ('\u{4E00}'..='\u{9FFF}').contains(&last)
                && ('\u{4E00}'..='\u{9FFF}').contains(&t.chars().next().unwrap());
            if !full_line {
                continue;
            }
            let band_top = pt_to_mm(line.y - 14.0);
            let band_bottom = pt_to_mm(line.y + 2.0);
            let (l, r) = img.cols(band_top, band_bottom).unwrap();
            assert!(
                (l - left_mm).abs() <= 1.0,
                "line {i} ink starts {l:.2} mm: {t}"
            );
            assert!(
                (r - right_mm).abs() <= 1.0,
                "line {i} ink ends {r:.2} mm: {t}"
            );
            measured += 1;
        }
    }
    assert!(measured >= 5, "only {measured} full lines measured");
}

#[test]
fn page_numbers_are_printed_on_the_correct_side() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = export(dir.path(), 1);
    for page in [1usize, 2] {
        // 300 dpi: the 宋体 stand-in's 一字线 is a hairline (0.15 mm) that a coarser
        // rendering greys out.
        let img = render(&pdf, page, 300);
        let (l, r) = img.cols(266.0, 275.0).expect("page number ink");
        if page % 2 == 1 {
            // One 14 pt character (4.94 mm) of space right of it.
            assert!((r - (184.0 - 4.94)).abs() < 1.5, "odd page number ends {r}");
        } else {
            assert!(
                (l - (28.0 + 4.94)).abs() < 1.5,
                "even page number starts {l}"
            );
        }
    }
}

#[test]
fn export_pdf_writes_the_file_for_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    export_pdf(&sample_report(1), &Spec::official(), None, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    // Written atomically: nothing else left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let bad = export_pdf(
        &sample_report(1),
        &Spec::official(),
        None,
        Path::new("/nonexistent-dir/x.pdf"),
    )
    .unwrap_err();
    assert!(bad.message.contains("写入文件失败"), "{}", bad.message);
}

#[test]
fn bundled_fonts_only_are_reported_as_substitutes() {
    let fonts = FontSet::bundled_only().unwrap();
    let report = fonts.report(&Spec::official());
    assert_eq!(report.len(), gongwen::spec::Role::ALL.len());
    for c in &report {
        assert_eq!(c.source, Source::Bundled);
    }
    let body = report.iter().find(|c| c.role_label == "正文").unwrap();
    assert_eq!(
        body.summary(),
        "正文：Fandol 仿宋（内置替代，非仿宋_GB2312）"
    );
    let h2 = report.iter().find(|c| c.role_label == "二级标题").unwrap();
    assert_eq!(
        h2.summary(),
        "二级标题：Fandol 楷体（内置替代，非楷体_GB2312）"
    );
    assert_eq!(h2.font_name, "FandolKai");
}

#[test]
fn imported_fonts_come_before_bundled_ones() {
    // A Times-New-Roman-named file in the import folder is taken for digits and Latin.
    let dir = tempfile::tempdir().unwrap();
    let src = gongwen::resources::dir().join("fonts/LiberationSerif-Regular.ttf");
    std::fs::copy(src, dir.path().join("times.ttf")).unwrap();
    let fonts = FontSet::imported_and_bundled(dir.path()).unwrap();
    let body = fonts.role(&Spec::official(), gongwen::spec::Role::Body);
    let latin = &fonts.files()[body.latin];
    assert_eq!(latin.source, Source::Imported, "{:?}", latin.path);
    // And the result still exports.
    let bytes = PdfExporter::new(fonts).render(&sample_report(1)).unwrap();
    assert!(bytes.len() > 1000);
}

#[test]
fn characters_missing_from_a_font_come_from_the_next_one() {
    let fonts = FontSet::bundled_only().unwrap();
    let faces = fonts.faces(&Spec::official());
    // 镕 (GBK, not GB2312) is not in the GB2312 Song face but is in Droid Sans Fallback.
    let body = fonts.role(&Spec::official(), gongwen::spec::Role::Body);
    let g = faces.glyph(gongwen::spec::Role::Body, '镕', false);
    assert!(!g.substituted);
    assert_ne!(g.file, body.cjk[0]);
    // No bundled font has this emoji: it prints as 〓 and is reported, never as a blank box.
    let g = faces.glyph(gongwen::spec::Role::Body, '😀', false);
    assert!(g.substituted && g.id != 0);

    let mut r = sample_report(1);
    r.opening.push("陶镕与表情😀混排。".into());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.pdf");
    let out = PdfExporter::new(fonts.clone()).export(&r, &path).unwrap();
    assert_eq!(out.missing, ['😀']);
    let (ok, text) = run("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(ok);
    assert!(text.contains("陶镕与表情"), "{text}");
}
