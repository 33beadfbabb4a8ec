//! Which real font file sets each font role (docs/format.md, Fonts): the official or Windows fonts
//! installed on the machine first, then fonts the clerk imported, then the open-licensed
//! fallbacks bundled in `resources/fonts/`. A character missing from a role's font is taken
//! from the next font that has it ([`Faces::glyph`]); the choice is reported to the clerk
//! ([`FontSet::report`]).
//!
//! A [`FontSet`] holds the font files in memory and is cheap to clone; build it once (it scans
//! the system fonts) and keep it for every export. It resolves every family of the standard
//! (regular and bold), not the roles of one layout: which role takes which family is the
//! caller's [`Spec`], given to [`FontSet::faces`], [`FontSet::role`] and [`FontSet::report`],
//! so an exporter built with another spec is served the fonts that spec names.

mod candidates;
mod discover;
mod faces;

pub use faces::{Faces, Glyph};

use candidates::ALL_FAMILIES;

use crate::error::{Error, ErrorKind, Result};
use crate::spec::{Family, Role, Spec};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Set to `1` to ignore the fonts installed on the machine (tests, and to preview what a
/// machine without official fonts prints).
pub const NO_SYSTEM_FONTS_ENV: &str = "GONGWEN_NO_SYSTEM_FONTS";

/// The folder of the fonts the clerk imported, `<data dir>/fonts/`.
pub fn imported_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("fonts")
}

/// Where a font file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Source {
    /// Installed on the machine (OS font folders / fontconfig).
    System,
    /// Imported by the clerk into `<data dir>/fonts/`.
    Imported,
    /// Shipped with gongwen in `resources/fonts/`.
    Bundled,
}

impl Source {
    /// The Chinese label shown to the clerk: `系统`, `导入` or `内置替代`.
    pub fn label(self) -> &'static str {
        match self {
            Source::System => "系统",
            Source::Imported => "导入",
            Source::Bundled => "内置替代",
        }
    }
}

/// A font file's bytes, mapped from disk: a CJK font is 5–20 MB and the preview and an export
/// read a small part of it (the tables, the glyphs used), so only that part takes memory, and
/// it is the page cache's, shared and reclaimable. Read into memory where mapping fails.
pub enum FontData {
    /// Mapped read-only ([`FontData::open`]).
    Mapped(memmap2::Mmap),
    /// Read into memory.
    Owned(Vec<u8>),
}

impl FontData {
    /// The bytes of the font file at `path`, mapped (or read, where the file cannot be
    /// mapped). Errors: those of opening or reading the file.
    pub fn open(path: &Path) -> std::io::Result<FontData> {
        let file = std::fs::File::open(path)?;
        // SAFETY: a mapping is undefined behaviour if the file changes under it. Bundled and
        // system fonts are installed read-only; the fonts a clerk imports are written to a
        // new file and renamed over the old one (`ops::import_font` via `write_atomic`), which
        // leaves an existing mapping intact. fontdb's `memmap` feature makes the same trade.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => Ok(FontData::Mapped(map)),
            Err(_) => std::fs::read(path).map(FontData::Owned),
        }
    }
}

impl std::ops::Deref for FontData {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FontData::Mapped(m) => m,
            FontData::Owned(v) => v,
        }
    }
}

impl std::fmt::Debug for FontData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = match self {
            FontData::Mapped(_) => "mapped",
            FontData::Owned(_) => "owned",
        };
        write!(f, "FontData({how}, {} bytes)", self.len())
    }
}

/// One font file (or one face of a collection), mapped into memory.
#[derive(Debug)]
pub struct FontFile {
    /// Family name as the font names itself (Chinese name when it has one).
    pub name: String,
    /// PostScript name, for the PDF's `/BaseFont`.
    pub postscript_name: String,
    /// Where the file was read from.
    pub path: PathBuf,
    /// Face index inside a `.ttc` collection.
    pub index: u32,
    /// Whether it is a system, imported or bundled font.
    pub source: Source,
    /// The face is itself bold (no synthetic bold needed).
    pub bold: bool,
    /// The whole file's bytes (the collection's, for a `.ttc`).
    pub data: FontData,
}

/// The fonts of one family and weight (and so of every role set in it): CJK faces in fallback
/// order, and the Latin face for digits/letters.
#[derive(Debug, Clone)]
pub struct RoleFonts {
    /// Indices into [`FontSet::files`]; the first is the role's own font.
    pub cjk: Vec<usize>,
    /// Index into [`FontSet::files`] of the face that sets digits and Latin letters (Times New Roman
    /// or its stand-in).
    pub latin: usize,
    /// Bold is wanted but the CJK face is not bold (or a heavy 小标宋 is stood in for by a
    /// Song face): stroke the outline to embolden it.
    pub synthetic_bold: bool,
}

/// What the clerk is told about one role (“正文：仿宋_GB2312（系统）”).
#[derive(Debug, Clone, Serialize)]
pub struct RoleChoice {
    /// The role (title, body, heading level, page number).
    pub role: Role,
    /// 正文, 一级标题 …
    pub role_label: &'static str,
    /// 仿宋, 楷体 … (the kind of face the standard asks for)
    pub family_label: &'static str,
    /// The family of the face the standard asks for (GB/T 9704-2012 §5.2.2, §7.3.1, §7.3.3,
    /// §7.5).
    pub family: Family,
    /// The face the standard names for the role, as the DOCX writes it: `仿宋_GB2312`,
    /// `方正小标宋简体`.
    pub official: &'static str,
    /// The actual font's name, e.g. `FangSong` or `FandolFang`.
    pub font_name: String,
    /// Whether the font is a system, imported or bundled one.
    pub source: Source,
    /// The font file's path.
    pub path: PathBuf,
}

impl RoleChoice {
    /// The face actually used, named in Chinese: `仿宋_GB2312`, `Fandol 仿宋`
    /// (from the names the fonts are installed under).
    pub fn face(&self) -> String {
        candidates::chinese_face_name(&self.font_name)
    }

    /// A bundled stand-in sets the role, not the face the standard names.
    pub fn is_stand_in(&self) -> bool {
        self.source == Source::Bundled
    }

    /// What the clerk reads, naming the face itself: `正文：仿宋_GB2312（系统）`,
    /// `正文：Fandol 仿宋（内置替代，非仿宋_GB2312）`.
    pub fn summary(&self) -> String {
        let not = if self.is_stand_in() {
            format!("，非{}", self.official)
        } else {
            String::new()
        };
        format!(
            "{}：{}（{}{not}）",
            self.role_label,
            self.face(),
            self.source.label()
        )
    }
}

/// One sentence telling the clerk which font files to import to get the faces the standard
/// names, and where a Windows computer keeps them; `None` when no role is set by a bundled
/// stand-in. Families are named once each, 仿宋 first.
pub fn import_advice(choices: &[RoleChoice]) -> Option<String> {
    // The Windows files first (the body's 仿宋 leading), then 方正小标宋, which Windows lacks.
    const ORDER: [Family; 5] = [
        Family::FangSong,
        Family::Kai,
        Family::Hei,
        Family::Song,
        Family::XiaoBiaoSong,
    ];
    let families: Vec<Family> = ORDER
        .into_iter()
        .filter(|f| choices.iter().any(|c| c.is_stand_in() && c.family == *f))
        .collect();
    if families.is_empty() {
        return None;
    }
    let files: Vec<&str> = families
        .iter()
        .map(|&f| candidates::windows_file_hint(f))
        .collect();
    // Windows names its font files in either case; say so with one of the files asked for.
    let upper = files
        .iter()
        .find(|f| f.is_ascii() || f.split('（').next().is_some_and(|n| n.is_ascii()))
        .and_then(|f| f.split('（').next())
        .map(|n| format!("（文件名也可能是大写，如 {}）", n.to_uppercase()))
        .unwrap_or_default();
    Some(format!(
        "要用正式字体，请从装有 Windows 的电脑的 C:\\Windows\\Fonts 文件夹中复制 {}{upper}，再在“设置”中点“导入字体文件……”导入。",
        files.join("、")
    ))
}

#[derive(Debug)]
struct Inner {
    files: Vec<FontFile>,
    /// One entry per family of [`ALL_FAMILIES`] and weight, at [`family_index`].
    families: Vec<RoleFonts>,
}

/// Where the fonts of `family` in `bold` or regular weight are in [`Inner::families`].
fn family_index(family: Family, bold: bool) -> usize {
    let f = ALL_FAMILIES
        .iter()
        .position(|&f| f == family)
        .expect("ALL_FAMILIES lists every family");
    f * 2 + usize::from(bold)
}

/// The resolved fonts for every family of the standard, with the files' bytes. Clone freely
/// (shared).
#[derive(Debug, Clone)]
pub struct FontSet {
    inner: Arc<Inner>,
}

/// The Chinese name of the kind of face the standard asks for: `仿宋`, `楷体`, `黑体`, `宋体`,
/// `小标宋` (GB/T 9704-2012 §5.2.2, §7.3.1, §7.3.3 and §7.5 name the face of each part).
pub fn family_label(f: Family) -> &'static str {
    match f {
        Family::FangSong => "仿宋",
        Family::Kai => "楷体",
        Family::Hei => "黑体",
        Family::Song => "宋体",
        Family::XiaoBiaoSong => "小标宋",
    }
}

impl FontSet {
    /// System fonts, then `imported` (the `<data dir>/fonts/` folder, if any), then the bundled
    /// fallbacks. With `GONGWEN_NO_SYSTEM_FONTS=1` the system is skipped.
    pub fn discover(imported: Option<&Path>) -> Result<FontSet> {
        let no_system = std::env::var(NO_SYSTEM_FONTS_ENV).is_ok_and(|v| v == "1");
        let found = discover::find(!no_system, imported);
        Self::build(found, &crate::resources::dir().join("fonts"))
    }

    /// Only the fonts shipped in `resources/fonts/`.
    pub fn bundled_only() -> Result<FontSet> {
        Self::build(
            discover::Found::default(),
            &crate::resources::dir().join("fonts"),
        )
    }

    /// Only the fonts in `dir` (imported fonts), then the bundled fallbacks; no system fonts.
    pub fn imported_and_bundled(dir: &Path) -> Result<FontSet> {
        Self::build(
            discover::find(false, Some(dir)),
            &crate::resources::dir().join("fonts"),
        )
    }

    fn build(found: discover::Found, bundled_dir: &Path) -> Result<FontSet> {
        let mut files: Vec<FontFile> = Vec::new();
        // Load a candidate once even when several roles use it.
        fn load(files: &mut Vec<FontFile>, cand: &discover::Candidate) -> Option<usize> {
            if let Some(i) = files
                .iter()
                .position(|f| f.path == cand.path && f.index == cand.index)
            {
                return Some(i);
            }
            let file = discover::load(cand)?;
            files.push(file);
            Some(files.len() - 1)
        }

        let bundled_cand = |(name, family, bold): (&str, &str, bool)| discover::Candidate {
            path: bundled_dir.join(name),
            index: 0,
            name: family.to_string(),
            source: Source::Bundled,
            bold,
        };
        let b_last = bundled_cand((
            candidates::BUNDLED_LAST_RESORT.0,
            candidates::BUNDLED_LAST_RESORT.1,
            false,
        ));
        let b_latin = bundled_cand((candidates::BUNDLED_LATIN, "Liberation Serif", false));
        let b_latin_bold = bundled_cand((candidates::BUNDLED_LATIN_BOLD, "Liberation Serif", true));

        let mut families = Vec::new();
        for (family, bold) in ALL_FAMILIES.iter().flat_map(|&f| [(f, false), (f, true)]) {
            let mut chain: Vec<usize> = Vec::new();
            let push = |i: Option<usize>, chain: &mut Vec<usize>| {
                if let Some(i) = i {
                    if !chain.contains(&i) {
                        chain.push(i);
                    }
                }
            };
            // The role's own font first: the best installed or imported face, else the bundled
            // stand-in. Then, for characters it lacks, faces of the nearest styles: every
            // installed/imported face of a family, and its bundled stand-in only where none is
            // installed (a machine with the official fonts does not load the stand-ins; they
            // cover no more than GB2312 either). The wide-coverage face comes last.
            for (k, fam) in candidates::style_order(family).into_iter().enumerate() {
                let installed = found.all(fam);
                for c in installed {
                    push(load(&mut files, c), &mut chain);
                }
                if installed.is_empty() || (k == 0 && chain.is_empty()) {
                    push(
                        load(&mut files, &bundled_cand(candidates::bundled(fam))),
                        &mut chain,
                    );
                }
            }
            push(load(&mut files, &b_last), &mut chain);
            let latin_cand = if bold {
                found.latin_bold.as_ref().unwrap_or(&b_latin_bold)
            } else {
                found.latin.as_ref().unwrap_or(&b_latin)
            };
            let latin = load(&mut files, latin_cand)
                .or_else(|| load(&mut files, if bold { &b_latin_bold } else { &b_latin }))
                .or_else(|| chain.first().copied());
            let (Some(&first), Some(latin)) = (chain.first(), latin) else {
                return Err(Error::new(
                    ErrorKind::NotFound,
                    format!(
                        "找不到可用于“{}”的字体，请重新安装本程序或导入字体文件。",
                        family_label(family)
                    ),
                    format!(
                        "no font for {family:?}; bundled dir {}",
                        bundled_dir.display()
                    ),
                ));
            };
            // 小标宋 is a heavy face: a stand-in Song is emboldened to come close to it.
            let heavy_stand_in =
                family == Family::XiaoBiaoSong && files[first].source == Source::Bundled;
            let synthetic_bold = (bold || heavy_stand_in) && !files[first].bold;
            families.push(RoleFonts {
                cjk: chain,
                latin,
                synthetic_bold,
            });
        }
        Ok(FontSet {
            inner: Arc::new(Inner { files, families }),
        })
    }

    /// Every loaded font file; [`RoleFonts`] and [`Glyph`] index into this list.
    pub fn files(&self) -> &[FontFile] {
        &self.inner.files
    }

    /// The fonts of `family` in bold or regular weight.
    pub fn family(&self, family: Family, bold: bool) -> &RoleFonts {
        // `build` pushes one entry per family and weight, in `family_index` order.
        &self.inner.families[family_index(family, bold)]
    }

    /// The fonts of `role` in the layout `spec` (its family and weight).
    pub fn role(&self, spec: &Spec, role: Role) -> &RoleFonts {
        let f = spec.font(role);
        self.family(f.family, f.bold)
    }

    /// The font chosen for each role of `spec`, for the UI and the log.
    pub fn report(&self, spec: &Spec) -> Vec<RoleChoice> {
        Role::ALL
            .iter()
            .map(|role| {
                let rf = self.role(spec, *role);
                let f = &self.inner.files[rf.cjk[0]];
                RoleChoice {
                    role: *role,
                    role_label: role.label(),
                    family_label: family_label(spec.font(*role).family),
                    family: spec.font(*role).family,
                    official: spec.font(*role).east_asian,
                    font_name: f.name.clone(),
                    source: f.source,
                    path: f.path.clone(),
                }
            })
            .collect()
    }

    /// Parses the faces for one export in the layout `spec` (cheap: table directories only).
    pub fn faces(&self, spec: &Spec) -> Faces<'_> {
        Faces::new(self, spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_ins_are_named_as_what_they_are_and_the_advice_says_what_to_import() {
        let set = FontSet::bundled_only().unwrap();
        let choices = set.report(&Spec::official());
        let body = choices.iter().find(|c| c.role == Role::Body).unwrap();
        assert_eq!(
            body.summary(),
            "正文：Fandol 仿宋（内置替代，非仿宋_GB2312）"
        );
        let title = choices.iter().find(|c| c.role == Role::Title).unwrap();
        assert!(
            title.summary().contains("非方正小标宋简体"),
            "{}",
            title.summary()
        );
        // No English family name and no path in what the clerk reads.
        for c in &choices {
            let s = c.summary();
            assert!(!s.contains('/') && !s.contains("Regular"), "{s}");
        }
        let advice = import_advice(&choices).unwrap();
        for want in [
            "C:\\Windows\\Fonts",
            "simfang.ttf",
            "SIMFANG.TTF",
            "simkai.ttf",
            "simhei.ttf",
            "方正小标宋简体",
        ] {
            assert!(advice.contains(want), "{want} missing: {advice}");
        }
        assert_eq!(advice.matches("simfang.ttf").count(), 1, "{advice}");
    }

    #[test]
    fn installed_faces_are_named_in_chinese_without_a_caveat() {
        let c = RoleChoice {
            role: Role::Body,
            role_label: "正文",
            family_label: "仿宋",
            family: Family::FangSong,
            official: "仿宋_GB2312",
            font_name: "FangSong_GB2312".into(),
            source: Source::System,
            path: PathBuf::from("/usr/share/fonts/fangsong_gb2312.ttf"),
        };
        assert_eq!(c.summary(), "正文：仿宋_GB2312（系统）");
        let simfang = RoleChoice {
            font_name: "simfang.ttf".into(),
            source: Source::Imported,
            ..c.clone()
        };
        assert_eq!(simfang.summary(), "正文：仿宋（导入）");
        assert_eq!(import_advice(&[c, simfang]), None);
    }
}
