//! The fonts of a [`FontSet`] parsed for one export: glyph lookup with per-character fallback,
//! and the metrics the typesetter needs.

use super::{FontSet, RoleFonts};
use crate::spec::{Role, Spec};
use crate::typeset::Metrics;
use ttf_parser::{Face, GlyphId};

/// A glyph of one font file, ready to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Index into [`FontSet::files`].
    pub file: usize,
    /// Glyph id in that font file.
    pub id: u16,
    /// Advance width in em.
    pub advance: f32,
    /// No font had the character: this is the stand-in `〓` (or `?`).
    pub substituted: bool,
}

/// The conventional mark for a character the type case lacks (Chinese typesetting's 〓),
/// then `?` if even that is missing.
const STAND_INS: [char; 2] = ['〓', '?'];

/// The parsed faces of a [`FontSet`], with the fonts of each role of one layout.
pub struct Faces<'a> {
    set: &'a FontSet,
    /// The fonts of each role of the layout, in the order of [`Role::ALL`].
    roles: [&'a RoleFonts; Role::ALL.len()],
    parsed: Vec<Option<Face<'a>>>,
}

/// Position of `role` in [`Role::ALL`].
fn role_index(role: Role) -> usize {
    match role {
        Role::Title => 0,
        Role::Body => 1,
        Role::Heading1 => 2,
        Role::Heading2 => 3,
        Role::Heading3 => 4,
        Role::Heading4 => 5,
        Role::PageNumber => 6,
        Role::Subtitle => 7,
    }
}

impl<'a> Faces<'a> {
    pub(super) fn new(set: &'a FontSet, spec: &Spec) -> Faces<'a> {
        let parsed = set
            .files()
            .iter()
            .map(|f| Face::parse(&f.data, f.index).ok())
            .collect();
        let roles = Role::ALL.map(|role| set.role(spec, role));
        debug_assert!(Role::ALL
            .iter()
            .enumerate()
            .all(|(i, r)| role_index(*r) == i));
        Faces { set, roles, parsed }
    }

    /// The fonts of `role` in the layout these faces were made for.
    pub fn role(&self, role: Role) -> &'a RoleFonts {
        self.roles[role_index(role)]
    }

    /// The font set these faces were parsed from.
    pub fn set(&self) -> &'a FontSet {
        self.set
    }

    /// The parsed face of file `file` (an index into [`FontSet::files`]); `None` when the index is
    /// out of range or the file could not be parsed.
    pub fn face(&self, file: usize) -> Option<&Face<'a>> {
        self.parsed.get(file).and_then(|f| f.as_ref())
    }

    fn lookup(&self, file: usize, ch: char) -> Option<Glyph> {
        let face = self.face(file)?;
        let id = face.glyph_index(ch).filter(|g| g.0 != 0)?;
        Some(Glyph {
            file,
            id: id.0,
            advance: self.advance(file, id.0),
            substituted: false,
        })
    }

    /// Advance width of a glyph in em (0 for an unknown glyph).
    pub fn advance(&self, file: usize, id: u16) -> f32 {
        self.face(file)
            .and_then(|f| {
                let upem = f.units_per_em() as f32;
                f.glyph_hor_advance(GlyphId(id)).map(|a| a as f32 / upem)
            })
            .unwrap_or(0.0)
    }

    /// The glyph for `ch` in `role`: Latin text (`latin`) from the role's Latin face, CJK from
    /// its CJK face, each falling back through the role's other faces. Never fails.
    pub fn glyph(&self, role: Role, ch: char, latin: bool) -> Glyph {
        let rf = self.role(role);
        // The fallback order, without allocating: this runs for every character typeset
        // and drawn.
        let (first, last) = if latin {
            (Some(rf.latin), None)
        } else {
            (None, Some(rf.latin))
        };
        let order = || first.into_iter().chain(rf.cjk.iter().copied()).chain(last);
        if let Some(g) = order().find_map(|f| self.lookup(f, ch)) {
            return g;
        }
        for stand_in in STAND_INS {
            if let Some(g) = order().find_map(|f| self.lookup(f, stand_in)) {
                return Glyph {
                    substituted: true,
                    ..g
                };
            }
        }
        // Glyph 0 (.notdef) of the role's font: only reachable with fonts lacking even `?`.
        Glyph {
            file: rf.cjk[0],
            id: 0,
            advance: self.advance(rf.cjk[0], 0),
            substituted: true,
        }
    }

    /// Vertical middle of a glyph's ink above the baseline, in em.
    pub fn ink_middle(&self, g: Glyph) -> Option<f32> {
        let face = self.face(g.file)?;
        let bbox = face.glyph_bounding_box(GlyphId(g.id))?;
        Some((bbox.y_min as f32 + bbox.y_max as f32) / 2.0 / face.units_per_em() as f32)
    }
}

impl Metrics for Faces<'_> {
    fn narrow_advance(&self, role: Role, ch: char) -> f32 {
        self.glyph(role, ch, true).advance
    }

    fn ink_middle(&self, role: Role, ch: char, latin: bool) -> Option<f32> {
        Faces::ink_middle(self, self.glyph(role, ch, latin))
    }

    fn ink_top(&self, role: Role, ch: char) -> Option<f32> {
        let g = self.glyph(role, ch, false);
        let face = self.face(g.file)?;
        let bbox = face.glyph_bounding_box(GlyphId(g.id))?;
        Some(bbox.y_max as f32 / face.units_per_em() as f32)
    }
}
