//! The preview pane draws the PDF's layout: for real texts imported from `../shared/samples/`
//! (read at test time; skipped where the folder is absent), the pane has the PDF's page count
//! and, on every page, the text pdftotext reads on that page of our PDF, each of the pane's
//! lines starting where a PDF line starts (the first characters of every line shown in a
//! failure), and the page's image has its lines of ink where poppler's rendering of the PDF
//! has them. Needs poppler (pdftotext, pdftoppm).

use crate::render_support::*;
use gongwen::export::pdf::PdfExporter;
use gongwen::fonts::FontSet;
use gongwen::import::{import_file, ImportOptions};
use gongwen::pane::{self, PaneRequest};
use std::io::Write;
use std::path::PathBuf;

/// A pane page's image in grey at 72 dpi (the scale asked for is 1 px per pt).
fn pane_image(page: &pane::PanePage) -> Gray {
    use base64::Engine;
    let data = page
        .image
        .strip_prefix("data:image/png;base64,")
        .expect("a PNG data URL");
    let png = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    let mut d = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut rgb = vec![0; d.output_buffer_size().unwrap()];
    let info = d.next_frame(&mut rgb).unwrap();
    assert_eq!((info.width, info.height), (page.px_width, page.px_height));
    Gray {
        width: info.width as usize,
        height: info.height as usize,
        dpi: 72.0,
        pixels: rgb[..info.buffer_size()]
            .chunks_exact(3)
            .map(|p| ((p[0] as u16 + p[1] as u16 + p[2] as u16) / 3) as u8)
            .collect(),
    }
}

fn samples_dir() -> PathBuf {
    std::env::var_os("GONGWEN_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples")))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The page number's line (`— 3 —`, `- 3 -`): drawn by the pane too, but not a line of the
/// layout's text.
fn is_page_number(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || "—-－ ".contains(c))
}

#[test]
fn pane_lines_are_the_pdf_lines() {
    let dir = samples_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        let _ = writeln!(std::io::stderr(), "SKIPPED: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<(u64, PathBuf)> = entries
        .flatten()
        .map(|e| (e.metadata().map(|m| m.len()).unwrap_or(0), e.path()))
        .filter(|(_, p)| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 2,
        "two samples at least in {}",
        dir.display()
    );
    // The longest sample, and the shortest as a second, different text.
    let chosen = [files.last().unwrap().1.clone(), files[0].1.clone()];
    let ex = PdfExporter::new(FontSet::bundled_only().unwrap());
    let faces = ex.fonts().faces(ex.spec());
    let tmp = tempfile::tempdir().unwrap();
    for path in chosen {
        let report = import_file(&path, &ImportOptions::default())
            .unwrap()
            .report;
        let pdf = tmp.path().join("r.pdf");
        ex.export(&report, &pdf).unwrap();
        let layout = ex.layout(&report);
        let all: Vec<u32> = (1..=layout.pages.len() as u32).collect();
        let view = pane::view(
            &report,
            ex.spec(),
            &faces,
            &PaneRequest {
                pages: all,
                known: Vec::new(),
                // 1 px per pt, as the PDF rendered at 72 dpi.
                scale: 1.0,
            },
        );
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(view.hashes.len(), page_count(&pdf), "{name}: page count");
        assert_eq!(
            view.drawn.len(),
            view.hashes.len(),
            "{name}: every page drawn"
        );
        assert!(view.hashes.len() >= 2, "{name}: a sample of several pages");
        let texts = pane::page_texts(&layout);
        for (i, lines) in texts.iter().enumerate() {
            let ours: Vec<String> = lines
                .iter()
                .map(|l| squash(l))
                .filter(|l| !l.is_empty())
                .collect();
            let theirs: Vec<String> = page_text(&pdf, i + 1)
                .lines()
                .map(squash)
                .filter(|l| !l.is_empty() && !is_page_number(l))
                .collect();
            // pdftotext splits a line at a wide gap now and then, never joins two: the page's
            // text is the same, and every line of the pane starts where a PDF line starts.
            assert_eq!(
                ours.concat(),
                theirs.concat(),
                "{name}, page {}: the pane's text differs from the PDF's",
                i + 1
            );
            let starts = |v: &[String]| -> Vec<(usize, String)> {
                let mut at = 0;
                v.iter()
                    .map(|l| {
                        let s = (at, l.chars().take(4).collect());
                        at += l.chars().count();
                        s
                    })
                    .collect()
            };
            let pdf_starts = starts(&theirs);
            for (at, first) in starts(&ours) {
                assert!(
                    pdf_starts.iter().any(|(a, _)| *a == at),
                    "{name}, page {}: the pane's line {first:?} (character {at}) starts inside a PDF line: {theirs:?}",
                    i + 1
                );
            }
            // The page's image has its ink where the PDF has: the same lines of ink (bands),
            // each within 1 mm of the PDF's (the two rasterisers round glyph edges apart).
            // Any grey is ink: the rasterisers shade hairlines (the dashes around the page
            // number) differently.
            let inked = |mut g: Gray| {
                g.pixels
                    .iter_mut()
                    .for_each(|p| *p = if *p < 224 { 0 } else { 255 });
                g
            };
            let image = inked(pane_image(&view.drawn[i]));
            let pdf_image = inked(render(&pdf, i + 1, 72));
            let (a, b) = (bands(&image), bands(&pdf_image));
            assert_eq!(
                a.len(),
                b.len(),
                "{name}, page {}: {} lines of ink in the pane, {} in the PDF",
                i + 1,
                a.len(),
                b.len()
            );
            for (x, y) in a.iter().zip(&b) {
                let off = [
                    x.top - y.top,
                    x.bottom - y.bottom,
                    x.left - y.left,
                    x.right - y.right,
                ]
                .iter()
                .fold(0f32, |m, d| m.max(d.abs()));
                assert!(
                    off <= 1.0,
                    "{name}, page {}: a line of ink at {x:?} in the pane, {y:?} in the PDF",
                    i + 1
                );
            }
        }
        println!("{name}: {} pages, lines match the PDF", view.hashes.len());
    }
}
