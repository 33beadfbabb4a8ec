//! Helpers of the exporter tests: exporting, the external consumers (openxml-audit, LibreOffice,
//! poppler) and reading what they give back, including rendered pages as grey pixels. A missing tool fails the test: CI installs them.
#![allow(dead_code)]

use gongwen::model::Report;
use gongwen::spec::Spec;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn export(report: &Report, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    gongwen::export::docx::export_docx(report, &Spec::official(), &out).unwrap();
    out
}

fn run(cmd: &mut Command, what: &str) -> std::process::Output {
    cmd.output().unwrap_or_else(|e| {
        panic!("{what} is needed by this test (CI installs it) but could not be run: {e}")
    })
}

/// `openxml-audit` must report the file valid; returns its report.
pub fn audit(docx: &Path) -> String {
    let out = run(
        Command::new("openxml-audit").arg(docx),
        "openxml-audit (pip install openxml-audit)",
    );
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "openxml-audit rejects {}:\n{text}",
        docx.display()
    );
    assert!(text.contains("Errors: 0"), "{text}");
    text
}

/// LibreOffice headless DOCX → PDF, with a private profile (parallel tests) and the test
/// fontconfig that maps the official font names to the fallbacks.
pub fn to_pdf(docx: &Path) -> PathBuf {
    let dir = docx.parent().unwrap();
    let profile = dir.join("lo-profile");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fontconfig/fonts.conf");
    let out = run(
        Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx)
            .env("FONTCONFIG_FILE", fonts),
        "soffice (libreoffice-writer-nogui)",
    );
    let pdf = docx.with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice failed to convert {}: {}",
        docx.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// LibreOffice's rendering of `docx` with the widths the DOCX asks for restored where
/// LibreOffice departs from them (DOCX → ODT, patched, ODT → PDF); the rendering to compare
/// line and page breaks with:
/// - LibreOffice's DOCX import drops `w:autoSpaceDE`/`w:autoSpaceDN` and puts about a quarter
///   em between Chinese and digits/Latin, which Word and WPS leave out as the DOCX asks:
///   `style:text-autospace="none"`.
/// - LibreOffice leaves the last character of each text portion (a stretch of one script and
///   one set of attributes) without the letter spacing `w:spacing` gives it, where ISO/IEC
///   29500-1 §17.3.2.35 and Word condense every character (see [`condense_by_size`]).
pub fn to_pdf_word_like(docx: &Path) -> PathBuf {
    to_pdf_patched(docx, true)
}

/// As [`to_pdf_word_like`] with only the automatic space removed: LibreOffice's own letter
/// spacing (for the record).
pub fn to_pdf_without_autospace(docx: &Path) -> PathBuf {
    to_pdf_patched(docx, false)
}

/// Replaces a negative letter spacing `k` (pt) of every `style:text-properties` by smaller
/// fonts that give the advances ISO/IEC 29500-1 §17.3.2.35 asks for, which LibreOffice then
/// sets on every character (its letter spacing misses the last character of each portion,
/// +0.2 pt per script change, measured on 7.4): the Asian size S becomes S + k (a CJK glyph's
/// advance is its size: exactly the condensed cell), the Western size S + 2k (a digit's
/// advance is half its size: digits exact; other Latin characters within 0.15 pt of their
/// advance + k). Panics on spacing without both sizes beside it (not written by our DOCX).
pub fn condense_by_size(xml: &str) -> String {
    const TAG: &str = "<style:text-properties ";
    let attr = |el: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let at = el.find(&key)? + key.len();
        Some(el[at..at + el[at..].find('"')?].to_string())
    };
    let pt = |v: &str| -> f32 {
        let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
        let n: f32 = num.parse().unwrap_or_else(|_| panic!("length {v:?}"));
        match unit {
            "pt" => n,
            "in" => n * 72.0,
            "cm" => n * 72.0 / 2.54,
            "mm" => n * 72.0 / 25.4,
            _ => panic!("length {v:?}"),
        }
    };
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(TAG) {
        out.push_str(&rest[..i]);
        let end = i + rest[i..].find('>').unwrap();
        let mut el = rest[i..end].to_string();
        rest = &rest[end..];
        let Some(ls) = attr(&el, "fo:letter-spacing").filter(|v| v != "normal") else {
            out.push_str(&el);
            continue;
        };
        let k = pt(&ls);
        if k >= 0.0 {
            out.push_str(&el);
            continue;
        }
        let (Some(west), Some(asian)) = (
            attr(&el, "fo:font-size"),
            attr(&el, "style:font-size-asian"),
        ) else {
            panic!("letter spacing without both font sizes beside it: {el}");
        };
        let set = |el: &mut String, name: &str, old: &str, new: String| {
            *el = el.replace(&format!(" {name}=\"{old}\""), &format!(" {name}=\"{new}\""));
        };
        set(&mut el, "fo:letter-spacing", &ls, "normal".into());
        set(
            &mut el,
            "fo:font-size",
            &west,
            format!("{:.2}pt", pt(&west) + 2.0 * k),
        );
        set(
            &mut el,
            "style:font-size-asian",
            &asian,
            format!("{:.2}pt", pt(&asian) + k),
        );
        out.push_str(&el);
    }
    out.push_str(rest);
    out
}

fn to_pdf_patched(docx: &Path, condense: bool) -> PathBuf {
    let dir = docx.parent().unwrap();
    let odt_dir = dir.join(if condense { "odt" } else { "odt-spacing" });
    std::fs::create_dir_all(&odt_dir).unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fontconfig/fonts.conf");
    let soffice = |args: &[&std::ffi::OsStr]| {
        let out = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("lo-profile").display()
            ))
            .arg("--headless")
            .args(args)
            .env("FONTCONFIG_FILE", &fonts)
            .output()
            .expect("soffice (libreoffice-writer-nogui)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    soffice(&[
        "--convert-to".as_ref(),
        "odt".as_ref(),
        "--outdir".as_ref(),
        odt_dir.as_os_str(),
        docx.as_os_str(),
    ]);
    let odt = odt_dir.join(docx.with_extension("odt").file_name().unwrap());
    // Rewrite the package with the property patched; `mimetype` stays first and stored.
    let mut zin = zip::ZipArchive::new(std::fs::File::open(&odt).unwrap()).unwrap();
    let patched = odt_dir.join("patched.odt");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(&patched).unwrap());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "styles.xml" || name == "content.xml" {
            let xml = String::from_utf8(data).unwrap().replace(
                r#"style:text-autospace="ideograph-alpha""#,
                r#"style:text-autospace="none""#,
            );
            data = if condense {
                condense_by_size(&xml)
            } else {
                xml
            }
            .into_bytes();
        }
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        zout.start_file(
            name,
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap();
    soffice(&[
        "--convert-to".as_ref(),
        "pdf".as_ref(),
        "--outdir".as_ref(),
        odt_dir.as_os_str(),
        patched.as_os_str(),
    ]);
    odt_dir.join("patched.pdf")
}

pub fn page_count(pdf: &Path) -> usize {
    let out = run(Command::new("pdfinfo").arg(pdf), "pdfinfo (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count from pdfinfo: {text}"))
}

pub fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let out = run(
        Command::new("pdftotext")
            .args(["-f", &p, "-l", &p])
            .arg(pdf)
            .arg("-"),
        "pdftotext (poppler-utils)",
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A page rendered in grey, one byte per pixel.
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub dpi: f32,
    pub pixels: Vec<u8>,
}

impl Gray {
    pub fn mm(&self, px: usize) -> f32 {
        px as f32 * 25.4 / self.dpi
    }
    pub fn ink(&self, x: usize, y: usize) -> bool {
        self.pixels[y * self.width + x] < 128
    }
    /// Pixel row of a distance from the top edge, clamped to the page.
    pub fn px(&self, mm: f32) -> usize {
        ((mm * self.dpi / 25.4).round() as usize).min(self.height)
    }
    /// First and last inked row between `top` and `bottom` (mm).
    pub fn rows(&self, top: f32, bottom: f32) -> Option<(f32, f32)> {
        let rows: Vec<usize> = (self.px(top)..self.px(bottom))
            .filter(|&y| (0..self.width).any(|x| self.ink(x, y)))
            .collect();
        Some((self.mm(*rows.first()?), self.mm(*rows.last()? + 1)))
    }
    /// First and last inked column within rows `top..bottom` (mm).
    pub fn cols(&self, top: f32, bottom: f32) -> Option<(f32, f32)> {
        let (t, b) = (self.px(top), self.px(bottom));
        let cols: Vec<usize> = (0..self.width)
            .filter(|&x| (t..b).any(|y| self.ink(x, y)))
            .collect();
        Some((self.mm(*cols.first()?), self.mm(*cols.last()? + 1)))
    }
}

pub fn render(pdf: &Path, page: usize, dpi: u32) -> Gray {
    let p = page.to_string();
    let out = run(
        Command::new("pdftoppm")
            .args(["-gray", "-r", &dpi.to_string(), "-f", &p, "-l", &p])
            .arg(pdf),
        "pdftoppm (poppler-utils)",
    );
    parse_pgm(&out.stdout, dpi as f32)
}

/// Binary PGM (P5, maxval 255) as pdftoppm writes it.
fn parse_pgm(data: &[u8], dpi: f32) -> Gray {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5", "not a binary PGM");
    let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = data[i + 1..].to_vec();
    assert_eq!(pixels.len(), width * height, "truncated PGM");
    Gray {
        width,
        height,
        dpi,
        pixels,
    }
}

/// A horizontal band of ink (a line of text): rows and the extreme ink columns, in mm.
#[derive(Debug, Clone, Copy)]
pub struct Band {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

pub fn bands(g: &Gray) -> Vec<Band> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, usize, usize)> = None;
    for y in 0..g.height {
        let row = &g.pixels[y * g.width..(y + 1) * g.width];
        let first = row.iter().position(|&p| p < 128);
        let last = row.iter().rposition(|&p| p < 128);
        match (first, last, cur.as_mut()) {
            (Some(f), Some(l), Some(c)) => {
                c.1 = y;
                c.2 = c.2.min(f);
                c.3 = c.3.max(l);
            }
            (Some(f), Some(l), None) => cur = Some((y, y, f, l)),
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
            }
        }
    }
    out.extend(cur);
    // Glyph parts close above each other (the hairline top of a 5 in a Song face) belong to
    // one line; lines are about 5 mm apart.
    let gap = (g.dpi * 1.5 / 25.4) as usize;
    let mut merged: Vec<(usize, usize, usize, usize)> = Vec::new();
    for b in out {
        match merged.last_mut() {
            Some(m) if b.0 <= m.1 + gap => {
                m.1 = b.1;
                m.2 = m.2.min(b.2);
                m.3 = m.3.max(b.3);
            }
            _ => merged.push(b),
        }
    }
    merged
        .into_iter()
        .map(|(t, b, l, r)| Band {
            top: g.mm(t),
            bottom: g.mm(b + 1),
            left: g.mm(l),
            right: g.mm(r + 1),
        })
        .collect()
}

/// A text line as pdftotext finds it: its box in mm from the page's top-left corner and its
/// words joined without spaces.
#[derive(Debug, Clone)]
pub struct TextBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub text: String,
}

/// Text lines of a page with their boxes (`pdftotext -bbox-layout`).
pub fn text_boxes(pdf: &Path, page: usize) -> Vec<TextBox> {
    let p = page.to_string();
    let out = run(
        Command::new("pdftotext")
            .args(["-bbox-layout", "-f", &p, "-l", &p])
            .arg(pdf)
            .arg("-"),
        "pdftotext (poppler-utils)",
    );
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap() + key.len();
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse::<f32>().unwrap() * 25.4 / 72.0
    };
    let mut lines = Vec::new();
    for chunk in html.split("<line ").skip(1) {
        let chunk = chunk.split("</line>").next().unwrap();
        let head = chunk.split('>').next().unwrap();
        let mut text = String::new();
        for w in chunk.split("<word ").skip(1) {
            let inner = w.split_once('>').unwrap().1;
            text.push_str(inner.split("</word>").next().unwrap());
        }
        lines.push(TextBox {
            x0: attr(head, "xMin"),
            y0: attr(head, "yMin"),
            x1: attr(head, "xMax"),
            y1: attr(head, "yMax"),
            text,
        });
    }
    lines
}

/// Text lines of a page as pdftotext finds them: (xMin, xMax in mm, text).
pub fn text_lines(pdf: &Path, page: usize) -> Vec<(f32, f32, String)> {
    text_boxes(pdf, page)
        .into_iter()
        .map(|b| (b.x0, b.x1, b.text))
        .collect()
}

pub fn zip_part(docx: &Path, name: &str) -> String {
    let f = std::fs::File::open(docx).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut part = z
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing from {}", docx.display()));
    let mut s = String::new();
    part.read_to_string(&mut s).unwrap();
    s
}
