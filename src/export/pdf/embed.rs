//! Embedding the used glyphs of each font as a subset: a Type0 font with a CID font
//! (TrueType outlines as CIDFontType2/FontFile2, CFF as CIDFontType0/FontFile3 OpenType), the
//! glyph widths, and a ToUnicode map so the text can be extracted and searched.

use crate::error::{Error, ErrorKind, Result};
use crate::fonts::{Faces, FontFile};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

/// The glyphs one font file contributes to the document.
pub struct UsedFont {
    pub file: usize,
    /// Resource name in page dictionaries (`F0`, `F1` …).
    pub name: String,
    pub remapper: GlyphRemapper,
    /// New glyph id → (old glyph id, the character it stands for).
    pub glyphs: BTreeMap<u16, (u16, char)>,
}

impl UsedFont {
    pub fn new(file: usize, name: String) -> UsedFont {
        UsedFont {
            file,
            name,
            remapper: GlyphRemapper::new(),
            glyphs: BTreeMap::new(),
        }
    }

    /// The id to write in the content stream for `old`, recording it for the subset.
    pub fn use_glyph(&mut self, old: u16, ch: char) -> u16 {
        let new = self.remapper.remap(old);
        self.glyphs.entry(new).or_insert((old, ch));
        new
    }
}

pub fn compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2 + 64),
        flate2::Compression::new(LEVEL),
    );
    // Writing into a Vec cannot fail.
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}
const LEVEL: u32 = 6;

/// Six capital letters derived from the glyph set, as PDF asks of a subset's name.
fn subset_tag(u: &UsedFont) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (new, (old, _)) in &u.glyphs {
        for b in [new.to_be_bytes(), old.to_be_bytes()].concat() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h ^= u.file as u64;
    (0..6)
        .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
        .collect()
}

/// A PostScript name safe in a PDF name: ASCII letters, digits, `-` and `_`.
fn ps_name(file: &FontFile, index: usize) -> String {
    let s: String = file
        .postscript_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if s.is_empty() {
        format!("Font{index}")
    } else {
        s
    }
}

/// Writes the font objects for `u` and returns the Type0 font's reference.
pub fn write_font(pdf: &mut Pdf, next: &mut Ref, faces: &Faces, u: &UsedFont) -> Result<Ref> {
    let mut alloc = || {
        let r = *next;
        *next = Ref::new(next.get() + 1);
        r
    };
    let (type0, cid, descriptor, cmap_ref, file_ref) =
        (alloc(), alloc(), alloc(), alloc(), alloc());
    let file = &faces.set().files()[u.file];
    let face = faces.face(u.file).ok_or_else(|| {
        Error::new(
            ErrorKind::Input,
            format!(
                "字体文件“{}”无法读取，请换用其他字体。",
                file.path.display()
            ),
            format!("cannot parse {}", file.path.display()),
        )
    })?;
    let subset = subsetter::subset(&file.data, file.index, &u.remapper).map_err(|e| {
        Error::new(
            ErrorKind::Input,
            format!("字体“{}”无法嵌入 PDF，请换用其他字体。", file.name),
            format!("subsetting {}: {e:?}", file.path.display()),
        )
    })?;
    let cff = face.tables().cff.is_some();
    let base = format!("{}+{}", subset_tag(u), ps_name(file, u.file));
    let upem = face.units_per_em() as f32;
    let to_pdf = |v: f32| v / upem * 1000.0;

    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);

    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(if cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        })
        .base_font(Name(base.as_bytes()))
        .system_info(system_info)
        .font_descriptor(descriptor)
        .default_width(1000.0);
    if !cff {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    {
        // Widths of the new glyph ids, in runs of consecutive ids.
        let mut widths = cid_font.widths();
        let mut run: Vec<f32> = Vec::new();
        let mut run_start = 0u16;
        let mut last: Option<u16> = None;
        for (&new, &(old, _)) in &u.glyphs {
            let w = faces.advance(u.file, old) * 1000.0;
            if last.is_some_and(|l| l + 1 == new) {
                run.push(w);
            } else {
                if !run.is_empty() {
                    widths.consecutive(run_start, run.drain(..));
                }
                run_start = new;
                run.push(w);
            }
            last = Some(new);
        }
        if !run.is_empty() {
            widths.consecutive(run_start, run.drain(..));
        }
    }
    cid_font.finish();

    let bbox = face.global_bounding_box();
    let ascent = to_pdf(face.ascender() as f32);
    let descent = to_pdf(face.descender() as f32);
    let cap = face
        .capital_height()
        .map(|c| to_pdf(c as f32))
        .unwrap_or(ascent);
    let mut flags = FontFlags::SYMBOLIC;
    if face.is_monospaced() {
        flags |= FontFlags::FIXED_PITCH;
    }
    let mut fd = pdf.font_descriptor(descriptor);
    fd.name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            to_pdf(bbox.x_min as f32),
            to_pdf(bbox.y_min as f32),
            to_pdf(bbox.x_max as f32),
            to_pdf(bbox.y_max as f32),
        ))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap)
        .stem_v(if file.bold { 140.0 } else { 80.0 });
    if cff {
        fd.font_file3(file_ref);
    } else {
        fd.font_file2(file_ref);
    }
    fd.finish();

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
    for (&new, &(_, ch)) in &u.glyphs {
        if new != 0 {
            cmap.pair(new, ch);
        }
    }
    let cmap_data = compress(&cmap.finish());
    pdf.stream(cmap_ref, &cmap_data).filter(Filter::FlateDecode);

    let packed = compress(&subset);
    let mut stream = pdf.stream(file_ref, &packed);
    stream.filter(Filter::FlateDecode);
    if cff {
        stream.pair(Name(b"Subtype"), Name(b"OpenType"));
    } else {
        stream.pair(Name(b"Length1"), subset.len() as i32);
    }
    stream.finish();
    Ok(type0)
}
