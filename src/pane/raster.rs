//! One page of a [`Layout`](crate::typeset::Layout) as pixels, drawn with the glyph outlines
//! of the very font faces the PDF embeds ([`Faces`]) at the positions the typesetter gave
//! every character: what the pane and step 6 show is what the PDF prints, independent of the
//! fonts the web view has.
//!
//! Why pixels and not SVG (docs/decisions.md, “Preview pane”): a page is a few hundred glyphs;
//! as SVG every one was an element the web view laid out and painted again on each redraw of
//! its part of the window (16 ms of layout per page on the measuring machine, on the web
//! view's main thread, while the clerk types). An image is decoded once and only copied after.
//!
//! Glyphs are filled with anti-aliasing (tiny-skia, the rasteriser of Typst's PNG export),
//! synthetic bold by stroking the outline as the PDF does, each glyph once per size and
//! quarter-pixel offset and copied after (a glyph cache, as every text renderer keeps). Rules
//! (the 版头's red line, the 版记's rules, table borders) are rectangles of their weight
//! centred on their segment, put on whole pixels and at least [`MIN_RULE_PX`] thick, so that
//! a 0.25 pt table border stays a crisp line at pane size.

use crate::fonts::Faces;
use crate::spec::Spec;
use crate::typeset::{Page, Run};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};
use ttf_parser::{GlyphId, OutlineBuilder};

/// Glyphs already rasterised ([`Mask`]), by [`MaskKey`]; `None` for a glyph without outline
/// (a space). Typing redraws the same glyphs at the same sizes keystroke after keystroke, so
/// a page is mostly copies of masks. Bounded: emptied when it holds [`MASK_CACHE_MAX`].
static MASKS: Mutex<Option<HashMap<MaskKey, Option<Arc<Mask>>>>> = Mutex::new(None);
/// The most masks [`MASKS`] keeps: a few MB (a body-size glyph in the pane is ~15 × 15 px).
const MASK_CACHE_MAX: usize = 8_000;
/// Horizontal positions are kept to this fraction of a device px (the vertical ones to whole
/// px: a baseline is horizontal, only the advances accumulate fractions).
const SUBPIXELS: f32 = 4.0;

/// The thinnest rule drawn, in device px: thinner ones would vanish into the anti-aliasing.
pub const MIN_RULE_PX: f32 = 1.0;

/// The largest page image drawn, in device px per side: a bound on memory whatever scale the
/// web view asks for (4000 px is an A4 page at 430 dpi).
pub const MAX_SIDE_PX: f32 = 4000.0;

/// What a glyph's pixels depend on: the font file (hash of its path, face index and size),
/// the glyph id, the size in 1/64 device px, the horizontal subpixel offset, synthetic bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct MaskKey {
    font: u64,
    glyph: u16,
    size64: u32,
    subpixel: u8,
    bold: bool,
}

/// A glyph's coverage (0–255) over a `width` × `height` px box whose top-left corner is
/// (`left`, `top`) px from the glyph's origin on the baseline.
struct Mask {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    alpha: Vec<u8>,
}

/// Collects a ttf-parser outline into a tiny-skia path.
struct Outline(PathBuilder);

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// Rasterises `key`'s glyph from face `file`: the outline scaled to `key.size64` / 64 px per
/// em, shifted by its subpixel offset, and stroked too for synthetic bold (`bold_width`: the
/// stroke in device px, 0 for none). `None` when the glyph has no outline.
fn rasterise(faces: &Faces, file: usize, key: MaskKey, bold_width: f32) -> Option<Mask> {
    let face = faces.face(file)?;
    let mut o = Outline(PathBuilder::new());
    face.outline_glyph(GlyphId(key.glyph), &mut o)?;
    let path = o.0.finish()?;
    let s = key.size64 as f32 / 64.0 / face.units_per_em() as f32;
    let dx = key.subpixel as f32 / SUBPIXELS;
    let b = path.bounds();
    let pad = 1.0 + bold_width;
    let left = (b.left() * s + dx - pad).floor() as i32;
    let right = (b.right() * s + dx + pad).ceil() as i32;
    let top = (-b.bottom() * s - pad).floor() as i32;
    let bottom = (-b.top() * s + pad).ceil() as i32;
    let (width, height) = ((right - left).max(1) as u32, (bottom - top).max(1) as u32);
    let mut pixmap = Pixmap::new(width, height)?;
    // Font units (y up) → px from the mask's top-left corner.
    let t = Transform::from_row(s, 0.0, 0.0, -s, dx - left as f32, -top as f32);
    let mut paint = Paint::default();
    paint.set_color(Color::BLACK);
    paint.anti_alias = true;
    pixmap.fill_path(&path, &paint, FillRule::Winding, t, None);
    if bold_width > 0.0 {
        // The PDF's synthetic bold: the outline stroked (width in font units here).
        let stroke = Stroke {
            width: bold_width / s,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, &paint, &stroke, t, None);
    }
    Some(Mask {
        left,
        top,
        width,
        height,
        alpha: pixmap.data().chunks_exact(4).map(|p| p[3]).collect(),
    })
}

/// Adds `mask` in `color` to the opaque `pixmap` with the glyph's origin at px (`x`, `y`).
fn blend(pixmap: &mut Pixmap, mask: &Mask, x: i32, y: i32, color: [u8; 3]) {
    let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
    let data = pixmap.data_mut();
    for row in 0..mask.height as i32 {
        let py = y + mask.top + row;
        if py < 0 || py >= ph {
            continue;
        }
        for col in 0..mask.width as i32 {
            let px = x + mask.left + col;
            let a = mask.alpha[(row * mask.width as i32 + col) as usize] as u32;
            if a == 0 || px < 0 || px >= pw {
                continue;
            }
            let i = ((py * pw + px) * 4) as usize;
            for (c, v) in data[i..i + 3].iter_mut().zip(color) {
                // Over an opaque page: the colour mixed in by the coverage.
                *c = ((*c as u32 * (255 - a) + v as u32 * a + 127) / 255) as u8;
            }
        }
    }
}

/// The mask of `key`, from [`MASKS`] or rasterised (and kept).
fn mask(faces: &Faces, file: usize, key: MaskKey, bold_width: f32) -> Option<Arc<Mask>> {
    if let Some(hit) = MASKS
        .lock()
        .ok()
        .and_then(|c| c.as_ref().and_then(|m| m.get(&key).cloned()))
    {
        return hit;
    }
    let m = rasterise(faces, file, key, bold_width).map(Arc::new);
    if let Ok(mut c) = MASKS.lock() {
        let cache = c.get_or_insert_with(HashMap::new);
        if cache.len() >= MASK_CACHE_MAX {
            cache.clear();
        }
        cache.insert(key, m.clone());
    }
    m
}

struct Painter<'a, 'f> {
    faces: &'a Faces<'f>,
    spec: &'a Spec,
    /// Device px per pt.
    scale: f32,
    pixmap: Pixmap,
    /// A hash of each font file's identity (path, face index, size), by index into the font
    /// set's files: the mask cache outlives one font set (fonts can be imported).
    fonts: Vec<u64>,
}

impl Painter<'_, '_> {
    fn run(&mut self, run: &Run, color: [u8; 3]) {
        let synthetic = self.faces.role(run.role).synthetic_bold;
        let size = run.size * self.scale;
        let size64 = (size * 64.0).round() as u32;
        let y = (run.y * self.scale).round() as i32;
        for (k, ch) in run.text.chars().enumerate() {
            let g = self.faces.glyph(run.role, ch, run.latin);
            let bold = synthetic && !self.faces.set().files()[g.file].bold;
            let x = run.xs.get(k).copied().unwrap_or(run.x) * self.scale;
            let steps = (x * SUBPIXELS).round();
            let key = MaskKey {
                font: self.fonts.get(g.file).copied().unwrap_or_default(),
                glyph: g.id,
                size64,
                subpixel: steps.rem_euclid(SUBPIXELS) as u8,
                bold,
            };
            let bold_width = if bold {
                size * self.spec.synthetic_bold_stroke
            } else {
                0.0
            };
            if let Some(m) = mask(self.faces, g.file, key, bold_width) {
                let ix = (steps / SUBPIXELS).floor() as i32;
                blend(&mut self.pixmap, &m, ix, y, color);
            }
        }
    }
}

/// `page` (of `width` × `height` pt) drawn at `scale` device px per pt on white, as PNG
/// bytes, with its size in px. The scale is capped so that no side exceeds
/// [`MAX_SIDE_PX`]; `None` when the page has no area at that scale.
pub fn page_png(
    page: &Page,
    width: f32,
    height: f32,
    faces: &Faces,
    spec: &Spec,
    scale: f32,
) -> Option<(Vec<u8>, u32, u32)> {
    let scale = scale.min(MAX_SIDE_PX / width.max(height).max(1.0));
    let (w, h) = (
        (width * scale).round() as u32,
        (height * scale).round() as u32,
    );
    let mut pixmap = Pixmap::new(w, h)?;
    pixmap.fill(Color::WHITE);
    let fonts = faces
        .set()
        .files()
        .iter()
        .map(|f| {
            let mut h = DefaultHasher::new();
            (&f.path, f.index, f.data.len()).hash(&mut h);
            h.finish()
        })
        .collect();
    let mut p = Painter {
        faces,
        spec,
        scale,
        pixmap,
        fonts,
    };
    let red = spec.formal.red;
    for run in page.black_runs() {
        p.run(run, [0, 0, 0]);
    }
    // The 发文机关标志 in red (GB/T 9704-2012 §7.2.4).
    for run in &page.mark {
        p.run(run, red);
    }
    for rule in &page.rules {
        let (x, y, rw, rh) = rule.rect();
        let Some(rect) = snapped(x * scale, y * scale, rw * scale, rh * scale) else {
            continue;
        };
        let [r, g, b] = if rule.red { red } else { [0, 0, 0] };
        let mut paint = Paint::default();
        paint.set_color(Color::from_rgba8(r, g, b, 255));
        p.pixmap
            .fill_rect(rect, &paint, Transform::identity(), None);
    }
    Some((encode(&p.pixmap), w, h))
}

/// A rule's rectangle (device px) on whole pixels, at least [`MIN_RULE_PX`] thick: a rule
/// straddling two pixel rows would be drawn as two grey ones.
fn snapped(x: f32, y: f32, w: f32, h: f32) -> Option<Rect> {
    let span = |a: f32, len: f32| {
        let (lo, hi) = (a.round(), (a + len).round());
        if hi - lo >= MIN_RULE_PX {
            (lo, hi - lo)
        } else {
            // Thinner than a pixel: the pixel row (column) holding its centre line.
            ((a + len / 2.0 - MIN_RULE_PX / 2.0).round(), MIN_RULE_PX)
        }
    };
    let (x, w) = span(x, w);
    let (y, h) = span(y, h);
    Rect::from_xywh(x, y, w, h)
}

/// An opaque pixmap as an RGB PNG (the page is drawn on white: its alpha is always 255, and
/// premultiplied equals straight colour), compressed fast: it lives for one redraw.
fn encode(pixmap: &Pixmap) -> Vec<u8> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    // Writing into a Vec cannot fail; an error leaves an empty image, not a crash.
    let ok = enc
        .write_header()
        .and_then(|mut w| w.write_image_data(&rgb));
    if ok.is_err() {
        out.clear();
    }
    out
}
