//! PDF export: draws the typesetter's pages ([`crate::typeset`]) with `pdf-writer`, embedding
//! a subset of every font used (`subsetter`) with a ToUnicode map, so the file is small, prints
//! the same everywhere and its text can be copied and searched.
//!
//! The app keeps one [`PdfExporter`] (fonts loaded once) and calls [`PdfExporter::render`] after
//! each edit for the preview; the CLI uses [`export_pdf`].

mod embed;

use crate::error::Result;
use crate::fonts::{FontSet, RoleChoice};
use crate::model::Report;
use crate::spec::Spec;
use crate::typeset::{typeset, Layout, Run};
use embed::UsedFont;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

/// A PDF and what went into it.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages (A4 portrait).
    pub pages: usize,
    /// Characters no available font has; they were printed as `〓`.
    pub missing: Vec<char>,
}

/// Renders reports to PDF with fonts loaded once. Cheap to clone.
#[derive(Debug, Clone)]
pub struct PdfExporter {
    fonts: FontSet,
    spec: Spec,
    created: Option<SystemTime>,
}

impl PdfExporter {
    /// An exporter with `fonts` and the official layout ([`Spec::official`], GB/T 9704-2012).
    pub fn new(fonts: FontSet) -> PdfExporter {
        PdfExporter::with_spec(fonts, Spec::official())
    }

    /// An exporter with `fonts` that lays reports out by `spec` instead of the official one.
    pub fn with_spec(fonts: FontSet, spec: Spec) -> PdfExporter {
        PdfExporter {
            fonts,
            spec,
            created: None,
        }
    }

    /// Fixes the creation date written into the file (reproducible output); default: now.
    pub fn with_creation_time(mut self, t: SystemTime) -> PdfExporter {
        self.created = Some(t);
        self
    }

    /// The fonts this exporter embeds.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The layout this exporter typesets by.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Which font sets each role, for the UI (“正文：仿宋（系统）”).
    pub fn font_report(&self) -> Vec<RoleChoice> {
        self.fonts.report(&self.spec)
    }

    /// The pages as the PDF will show them.
    pub fn layout(&self, report: &Report) -> Layout {
        typeset(report, &self.spec, &self.fonts.faces(&self.spec))
    }

    /// The PDF's bytes only; see [`render_full`](Self::render_full) for the errors.
    pub fn render(&self, report: &Report) -> Result<Vec<u8>> {
        Ok(self.render_full(report)?.bytes)
    }

    /// Writes the PDF to `out` atomically.
    pub fn export(&self, report: &Report, out: &Path) -> Result<Rendered> {
        let r = self.render_full(report)?;
        super::write_atomic(out, &r.bytes)?;
        Ok(r)
    }

    /// Typesets `report` on the grid of the spec and draws the pages into a PDF 1.7 with font
    /// subsets embedded, in memory. Returns `ErrorKind::Input` when a font file cannot be parsed or
    /// subset for embedding (the message names the font).
    pub fn render_full(&self, report: &Report) -> Result<Rendered> {
        let faces = self.fonts.faces(&self.spec);
        let layout = typeset(report, &self.spec, &faces);
        let mut pdf = Pdf::new();
        pdf.set_version(1, 7);

        let catalog_id = Ref::new(1);
        let tree_id = Ref::new(2);
        let info_id = Ref::new(3);
        let mut next = Ref::new(4);
        let mut alloc = || {
            let r = next;
            next = Ref::new(next.get() + 1);
            r
        };

        let mut used: Vec<UsedFont> = Vec::new();
        let mut by_file: HashMap<usize, usize> = HashMap::new();
        let mut missing: Vec<char> = Vec::new();
        let mut page_ids = Vec::new();
        let mut contents = Vec::new();
        for page in &layout.pages {
            let mut c = Content::new();
            c.begin_text();
            let mut pen = Pen::default();
            for run in page.black_runs() {
                draw_run(
                    &mut c,
                    &mut pen,
                    run,
                    &self.spec,
                    layout.height,
                    &faces,
                    &mut used,
                    &mut by_file,
                    &mut missing,
                );
            }
            if !page.mark.is_empty() {
                // The 发文机关标志 in red (GB/T 9704-2012 §7.2.4), then black again.
                let [r, g, b] = self.spec.formal.red.map(|v| v as f32 / 255.0);
                c.set_fill_rgb(r, g, b);
                c.set_stroke_rgb(r, g, b);
                for run in &page.mark {
                    draw_run(
                        &mut c,
                        &mut pen,
                        run,
                        &self.spec,
                        layout.height,
                        &faces,
                        &mut used,
                        &mut by_file,
                        &mut missing,
                    );
                }
                c.set_fill_gray(0.0);
                c.set_stroke_gray(0.0);
            }
            c.end_text();
            draw_rules(&mut c, &page.rules, &self.spec, layout.height);
            page_ids.push(alloc());
            contents.push((alloc(), embed::compress(&c.finish())));
        }

        let font_ids: Vec<Ref> = {
            let mut ids = Vec::new();
            for u in &used {
                ids.push(embed::write_font(&mut pdf, &mut next, &faces, u)?);
            }
            ids
        };

        pdf.catalog(catalog_id)
            .pages(tree_id)
            .lang(TextStr("zh-CN"))
            .viewer_preferences()
            .display_doc_title(true);
        pdf.pages(tree_id)
            .kids(page_ids.iter().copied())
            .count(page_ids.len() as i32);
        let media = Rect::new(0.0, 0.0, layout.width, layout.height);
        for (page_id, (content_id, _)) in page_ids.iter().zip(&contents) {
            let mut page = pdf.page(*page_id);
            page.parent(tree_id).media_box(media).contents(*content_id);
            let mut res = page.resources();
            let mut fonts = res.fonts();
            for (u, id) in used.iter().zip(&font_ids) {
                fonts.pair(Name(u.name.as_bytes()), *id);
            }
            fonts.finish();
            res.finish();
            page.finish();
        }
        for (content_id, data) in &contents {
            pdf.stream(*content_id, data).filter(Filter::FlateDecode);
        }

        let author = [report.signature.trim(), report.unit.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("");
        let mut info = pdf.document_info(info_id);
        info.title(TextStr(report.title.trim()))
            .author(TextStr(author))
            .creator(TextStr("公文写作台 gongwen"))
            .producer(TextStr(concat!("gongwen ", env!("CARGO_PKG_VERSION"))))
            .creation_date(pdf_date(self.created.unwrap_or_else(SystemTime::now)));
        info.finish();

        missing.sort_unstable();
        missing.dedup();
        Ok(Rendered {
            bytes: pdf.finish(),
            pages: layout.pages.len(),
            missing,
        })
    }
}

/// Text state already set in the content stream, to skip repeating it.
#[derive(Default)]
struct Pen {
    font: Option<(usize, u32)>,
    bold: Option<bool>,
    /// `Tc`, as the bits of the f32 written.
    spacing: Option<u32>,
}

/// Rounded to 1/100: positions in pt and TJ numbers in 1/1000 em need no more (0.01 pt is
/// 0.0035 mm), and short numbers keep the content streams small.
fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

#[allow(clippy::too_many_arguments)]
fn draw_run(
    c: &mut Content,
    pen: &mut Pen,
    run: &Run,
    spec: &Spec,
    page_height: f32,
    faces: &crate::fonts::Faces,
    used: &mut Vec<UsedFont>,
    by_file: &mut HashMap<usize, usize>,
    missing: &mut Vec<char>,
) {
    let synthetic = faces.role(run.role).synthetic_bold;
    let glyphs: Vec<_> = run
        .text
        .chars()
        .map(|ch| {
            let g = faces.glyph(run.role, ch, run.latin);
            if g.substituted {
                missing.push(ch);
            }
            (ch, g)
        })
        .collect();
    let mut i = 0;
    while i < glyphs.len() {
        let file = glyphs[i].1.file;
        let mut j = i + 1;
        while j < glyphs.len() && glyphs[j].1.file == file {
            j += 1;
        }
        let slot = *by_file.entry(file).or_insert_with(|| {
            used.push(UsedFont::new(file, format!("F{}", used.len())));
            used.len() - 1
        });
        let u = &mut used[slot];
        let key = (slot, run.size.to_bits());
        if pen.font != Some(key) {
            c.set_font(Name(u.name.as_bytes()), run.size);
            pen.font = Some(key);
        }
        // Synthetic bold for CJK faces that have no bold; a real bold Latin face needs none.
        let bold = synthetic && !faces.set().files()[file].bold;
        if pen.bold != Some(bold) {
            if bold {
                c.set_text_rendering_mode(TextRenderingMode::FillStroke);
                c.set_line_width(run.size * spec.synthetic_bold_stroke);
            } else {
                c.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            pen.bold = Some(bold);
        }
        let x0 = run.xs.get(i).copied().unwrap_or(run.x);
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, round2(x0), round2(page_height - run.y)]);
        // Space added after each glyph beyond its advance, in pt (justification, the grid's
        // condensed cells). Equal gaps (the usual case: a justified line in one face) become
        // the character spacing `Tc` and one plain string, instead of a number per glyph.
        let extras: Vec<f32> = (i..j.saturating_sub(1))
            .map(|k| match (run.xs.get(k), run.xs.get(k + 1)) {
                (Some(a), Some(b)) => (b - a) - glyphs[k].1.advance * run.size,
                _ => 0.0,
            })
            .collect();
        let uniform = extras
            .first()
            .is_none_or(|e0| extras.iter().all(|e| (e - e0).abs() < 0.005));
        if uniform {
            let tc = round2(extras.first().copied().unwrap_or(0.0));
            if pen.spacing != Some(tc.to_bits()) {
                c.set_char_spacing(tc);
                pen.spacing = Some(tc.to_bits());
            }
            let ids: Vec<u8> = glyphs[i..j]
                .iter()
                .flat_map(|&(ch, g)| u.use_glyph(g.id, ch).to_be_bytes())
                .collect();
            c.show(Str(&ids));
        } else {
            if pen.spacing != Some(0f32.to_bits()) {
                c.set_char_spacing(0.0);
                pen.spacing = Some(0f32.to_bits());
            }
            let mut shown = c.show_positioned();
            let mut items = shown.items();
            for (k, &(ch, g)) in glyphs.iter().enumerate().take(j).skip(i) {
                let id = u.use_glyph(g.id, ch);
                items.show(Str(&id.to_be_bytes()));
                let extra = extras.get(k - i).copied().unwrap_or(0.0);
                if k + 1 < j && extra.abs() > 0.001 {
                    // TJ numbers move the pen left by n/1000 em; the glyph already moved
                    // it by its advance.
                    items.adjust(round2(-extra * 1000.0 / run.size));
                }
            }
            items.finish();
            shown.finish();
        }
        i = j;
    }
}

/// The 版头's red line, the 版记's rules and table borders as filled rectangles of their
/// weight, so the stroke is exactly as thick as the spec says in every viewer. Rules are
/// axis-aligned ([`crate::typeset::Rule`]); a horizontal one spans x0..x1, a vertical one
/// y0..y1, both with the weight centred on the segment.
fn draw_rules(c: &mut Content, rules: &[crate::typeset::Rule], spec: &Spec, page_height: f32) {
    for rule in rules {
        if rule.red {
            let [r, g, b] = spec.formal.red.map(|v| v as f32 / 255.0);
            c.set_fill_rgb(r, g, b);
        } else {
            c.set_fill_gray(0.0);
        }
        let (x, top, w, h) = rule.rect();
        c.rect(
            round2(x),
            round2(page_height - top - h),
            round2(w),
            round2(h),
        );
        c.fill_nonzero();
    }
    c.set_fill_gray(0.0);
}

/// The PDF date of `t` in UTC (a time before 1970 or after 9999 is written as 1970-01-01).
fn pdf_date(t: SystemTime) -> pdf_writer::Date {
    let utc = jiff::Timestamp::try_from(t)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(jiff::tz::TimeZone::UTC);
    // Years of a Timestamp are 1..=9999 (before 1970 it was refused above), months and days
    // and times in their civil ranges: the casts cannot truncate.
    pdf_writer::Date::new(utc.year() as u16)
        .month(utc.month() as u8)
        .day(utc.day() as u8)
        .hour(utc.hour() as u8)
        .minute(utc.minute() as u8)
        .second(utc.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Writes `report` as a PDF in the layout `spec` to `out` (atomically), with the fonts of
/// this machine, the clerk's imported fonts in `imported_fonts` (see
/// [`crate::fonts::imported_dir`]; a missing folder is no error) and the bundled fallbacks.
/// Errors: [`crate::ErrorKind::NotFound`] without any usable font, else those of writing.
pub fn export_pdf(
    report: &Report,
    spec: &Spec,
    imported_fonts: Option<&Path>,
    out: &Path,
) -> Result<()> {
    let fonts = FontSet::discover(imported_fonts.filter(|d| d.is_dir()))?;
    PdfExporter::with_spec(fonts, spec.clone()).export(report, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_are_civil_utc() {
        // 2024-02-29 12:34:56 UTC
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_709_210_096);
        let mut pdf = Pdf::new();
        pdf.document_info(Ref::new(1)).creation_date(pdf_date(t));
        let bytes = pdf.finish();
        let s = String::from_utf8_lossy(&bytes);
        assert!(s.contains("D:20240229123456Z"), "{s}");
    }
}
