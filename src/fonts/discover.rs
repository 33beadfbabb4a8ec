//! Finding the official fonts among the installed ones (fontdb reads the OS font folders and
//! fontconfig's configuration) and in the clerk's imported-fonts folder.

use super::candidates::{self, ALL_FAMILIES};
use super::{FontFile, Source};
use crate::spec::Family;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    pub index: u32,
    pub name: String,
    pub source: Source,
    pub bold: bool,
}

/// The installed/imported faces of each family, best first.
#[derive(Debug, Default)]
pub struct Found {
    families: Vec<(Family, Vec<Candidate>)>,
    pub latin: Option<Candidate>,
    pub latin_bold: Option<Candidate>,
}

impl Found {
    /// Every face found for `f`, best first (system before imported, then by the rank of the
    /// name that matched): the first sets the role, the others supply characters it lacks
    /// in the same style (仿宋_GB2312 lacks 堃, 仿宋 has it).
    pub fn all(&self, f: Family) -> &[Candidate] {
        self.families
            .iter()
            .find(|(g, _)| *g == f)
            .map(|(_, c)| c.as_slice())
            .unwrap_or(&[])
    }
}

fn file_name_lower(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Scans the system (if `system`) and `imported`. Unreadable files are skipped: a broken font
/// in a folder must not stop an export.
pub fn find(system: bool, imported: Option<&Path>) -> Found {
    let mut db = fontdb::Database::new();
    if system {
        db.load_system_fonts();
    }
    if let Some(dir) = imported {
        if dir.is_dir() {
            db.load_fonts_dir(dir);
        }
    }
    let imported_dir = imported.and_then(|d| d.canonicalize().ok());

    struct Face {
        path: PathBuf,
        index: u32,
        names: Vec<String>,
        bold: bool,
        italic: bool,
        source: Source,
    }
    let faces: Vec<Face> = db
        .faces()
        .filter_map(|f| {
            let path = match &f.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                fontdb::Source::Binary(_) => return None,
            };
            let source = match (&imported_dir, path.canonicalize()) {
                (Some(d), Ok(p)) if p.starts_with(d) => Source::Imported,
                _ => Source::System,
            };
            Some(Face {
                names: f.families.iter().map(|(n, _)| n.to_lowercase()).collect(),
                bold: f.weight.0 >= 600,
                italic: f.style != fontdb::Style::Normal,
                index: f.index,
                path,
                source,
            })
        })
        .collect();

    // Rank: system before imported, then by the position of the matching name.
    let pick_all = |names: &[&str], files: &[&str], want_bold: Option<bool>| -> Vec<Candidate> {
        let mut all: Vec<((u8, usize), &Face, String)> = Vec::new();
        for face in &faces {
            if face.italic || want_bold.is_some_and(|b| b != face.bold) {
                continue;
            }
            let by_name = names
                .iter()
                .position(|n| face.names.iter().any(|f| *f == n.to_lowercase()));
            let fname = file_name_lower(&face.path);
            let by_file = files.iter().position(|f| *f == fname);
            let rank = match (by_name, by_file) {
                (Some(i), _) => i,
                (None, Some(i)) => names.len() + i,
                (None, None) => continue,
            };
            let key = (u8::from(face.source == Source::Imported), rank);
            let name = by_name
                .map(|i| names[i].to_string())
                .unwrap_or_else(|| fname.clone());
            all.push((key, face, name));
        }
        // Stable: equal keys keep fontdb's order, so the choice does not flicker.
        all.sort_by_key(|(k, _, _)| *k);
        all.into_iter()
            .map(|(_, f, name)| Candidate {
                path: f.path.clone(),
                index: f.index,
                name,
                source: f.source,
                bold: f.bold,
            })
            .collect()
    };
    let pick = |names: &[&str], files: &[&str], want_bold: Option<bool>| {
        pick_all(names, files, want_bold).into_iter().next()
    };

    let mut found = Found::default();
    for fam in ALL_FAMILIES {
        let all = pick_all(
            candidates::family_names(fam),
            candidates::file_names(fam),
            None,
        );
        if !all.is_empty() {
            found.families.push((fam, all));
        }
    }
    found.latin = pick(
        candidates::LATIN_NAMES,
        candidates::LATIN_FILES,
        Some(false),
    );
    found.latin_bold = pick(
        candidates::LATIN_NAMES,
        candidates::LATIN_BOLD_FILES,
        Some(true),
    );
    found
}

/// Maps a candidate into memory; `None` when the file is missing or not a usable font.
pub fn load(c: &Candidate) -> Option<FontFile> {
    let data = super::FontData::open(&c.path).ok()?;
    let face = ttf_parser::Face::parse(&data, c.index).ok()?;
    // A face that cannot set the basic characters of its kind is no use (e.g. a symbol font
    // that happens to carry an official name).
    let usable = face.glyph_index('中').is_some() || face.glyph_index('0').is_some();
    if !usable {
        return None;
    }
    let postscript_name = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| c.name.clone());
    let bold = c.bold || face.is_bold();
    Some(FontFile {
        name: c.name.clone(),
        postscript_name,
        path: c.path.clone(),
        index: c.index,
        source: c.source,
        bold,
        data,
    })
}
