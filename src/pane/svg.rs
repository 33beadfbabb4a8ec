//! One page of a [`Layout`] as SVG, drawn with the glyph outlines of the very font faces the
//! PDF embeds ([`Faces`]), at the positions the typesetter gave every character: what the pane
//! shows is what the PDF prints, independent of the fonts the web view has.
//!
//! Each glyph is one `<path>` in font units with the id `g{file}-{glyph id}`, placed by `<use>`
//! with a scale of size / units-per-em and a flip of the y axis. A glyph is defined in the
//! `<defs>` of the first page drawn that uses it, unless the document holding the pages defines
//! it already (the pane keeps one store of glyphs per document: a glyph's outline is ~2 KB, a
//! page uses a few hundred). Rules (the 版头's red
//! line, the 版记's rules, table borders, horizontal or vertical) are `<rect>`s of their weight
//! centred on their segment, as in the PDF. Each line with a source gets a transparent hit
//! rectangle carrying `data-loc` (the [`Location`] as JSON) for click-to-caret.

use crate::check::Location;
use crate::fonts::Faces;
use crate::spec::Spec;
use crate::typeset::{Page, Run};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Outlines already written as path data, by (font file's path and face index, glyph id):
/// typing redraws the same glyphs keystroke after keystroke. Bounded: emptied when it holds
/// [`OUTLINE_CACHE_MAX`] glyphs (a few MB).
static OUTLINES: Mutex<Option<Outlines>> = Mutex::new(None);

/// Path data by (hash of the font file's path, face index and size; glyph id).
type Outlines = HashMap<(u64, u16), Arc<str>>;
/// The most glyph outlines [`OUTLINES`] keeps.
const OUTLINE_CACHE_MAX: usize = 20_000;
use ttf_parser::{GlyphId, OutlineBuilder};

/// Writes a glyph outline as SVG path data in font units (y up, as in the font).
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// Two decimals are 1/100 pt, far below a screen pixel.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Escapes text for an XML attribute value in double quotes.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

struct Drawer<'a, 'f> {
    faces: &'a Faces<'f>,
    spec: &'a Spec,
    /// Glyph ids the document holding the page defines (ids are global in the HTML document).
    known: &'a mut HashSet<String>,
    /// (file, glyph id) → units per em, for glyphs already in `defs`.
    defined: HashMap<(usize, u16), f32>,
    defs: String,
    body: String,
}

impl Drawer<'_, '_> {
    /// Defines the glyph once; returns its units per em (`None`: no outline, e.g. a space).
    fn define(&mut self, file: usize, id: u16) -> Option<f32> {
        if let Some(u) = self.defined.get(&(file, id)) {
            return Some(*u);
        }
        let face = self.faces.face(file)?;
        let upem = face.units_per_em() as f32;
        let name = format!("g{file}-{id}");
        if self.known.contains(&name) {
            self.defined.insert((file, id), upem);
            return Some(upem);
        }
        let f = &self.faces.set().files()[file];
        let mut h = DefaultHasher::new();
        (&f.path, f.index, f.data.len()).hash(&mut h);
        let key = (h.finish(), id);
        let cached = OUTLINES
            .lock()
            .ok()
            .and_then(|c| c.as_ref().and_then(|m| m.get(&key).cloned()));
        let d: Arc<str> = match cached {
            Some(d) => d,
            None => {
                let mut d = PathData(String::new());
                face.outline_glyph(GlyphId(id), &mut d)?;
                let d: Arc<str> = d.0.into();
                if let Ok(mut c) = OUTLINES.lock() {
                    let m = c.get_or_insert_with(HashMap::new);
                    if m.len() >= OUTLINE_CACHE_MAX {
                        m.clear();
                    }
                    m.insert(key, d.clone());
                }
                d
            }
        };
        let _ = write!(self.defs, r#"<path id="{name}" d="{d}"/>"#);
        self.known.insert(name);
        self.defined.insert((file, id), upem);
        Some(upem)
    }

    fn run(&mut self, run: &Run) {
        let synthetic = self.faces.role(run.role).synthetic_bold;
        for (k, ch) in run.text.chars().enumerate() {
            let g = self.faces.glyph(run.role, ch, run.latin);
            let Some(upem) = self.define(g.file, g.id) else {
                continue;
            };
            let x = run.xs.get(k).copied().unwrap_or(run.x);
            let s = run.size / upem;
            let bold = synthetic && !self.faces.set().files()[g.file].bold;
            let _ = write!(
                self.body,
                r##"<use href="#g{}-{}" transform="matrix({} 0 0 {} {} {})""##,
                g.file,
                g.id,
                s,
                -s,
                r2(x),
                r2(run.y)
            );
            if bold {
                // The PDF's synthetic bold: the outline stroked, width in font units.
                let w = run.size * self.spec.synthetic_bold_stroke / s;
                let _ = write!(
                    self.body,
                    r#" stroke="currentColor" stroke-width="{}""#,
                    r2(w)
                );
            }
            self.body.push_str("/>");
        }
    }
}

/// `page` as an SVG document of `width` × `height` pt (viewBox in pt, top-left origin), with a
/// transparent hit rectangle carrying `data-loc` over every line of `sources` that has one.
/// `known`: the glyph ids (`g{file}-{glyph id}`) already defined in the document that will
/// hold the page; the glyphs this page defines are added to it.
pub fn page_svg(
    page: &Page,
    sources: &[Option<Location>],
    width: f32,
    height: f32,
    faces: &Faces,
    spec: &Spec,
    known: &mut HashSet<String>,
) -> String {
    let mut d = Drawer {
        faces,
        spec,
        known,
        defined: HashMap::new(),
        defs: String::new(),
        body: String::new(),
    };
    for run in page.black_runs() {
        d.run(run);
    }
    let [r, g, b] = spec.formal.red;
    let red = format!("#{r:02x}{g:02x}{b:02x}");
    if !page.mark.is_empty() {
        // The 发文机关标志 in red (GB/T 9704-2012 §7.2.4).
        let _ = write!(d.body, r##"<g fill="{red}" color="{red}">"##);
        for run in &page.mark {
            d.run(run);
        }
        d.body.push_str("</g>");
    }
    for rule in &page.rules {
        let (x, y, w, h) = rule.rect();
        let fill = if rule.red { red.as_str() } else { "#000" };
        let _ = write!(
            d.body,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"##,
            r2(x),
            r2(y),
            r2(w),
            r2(h)
        );
    }
    // Hit areas: the line's cells from a little above the baseline's em box to below it.
    let pitch = spec.grid.line_pitch;
    let body_size = spec.fonts.body.size;
    for (line, loc) in page.lines.iter().zip(sources) {
        let Some(loc) = loc else { continue };
        if line.runs.is_empty() {
            continue;
        }
        let left = line.runs.iter().map(|r| r.x).fold(line.left, f32::min);
        let right = line
            .runs
            .iter()
            .map(|r| r.xs.last().copied().unwrap_or(r.x) + r.size)
            .fold(line.right, f32::max);
        let top = line.y - spec.em_ascent * body_size - (pitch - body_size) / 2.0;
        let json = serde_json::to_string(loc).unwrap_or_default();
        let _ = write!(
            d.body,
            r#"<rect class="ln" x="{}" y="{}" width="{}" height="{}" fill="transparent" data-loc="{}"/>"#,
            r2(left),
            r2(top),
            r2(right - left),
            r2(pitch),
            attr(&json)
        );
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMin meet"><rect width="100%" height="100%" fill="#fff"/><defs>{}</defs><g fill="#000" color="#000">{}</g></svg>"##,
        r2(width),
        r2(height),
        d.defs,
        d.body
    )
}
