//! The fonts the PDF is drawn with: found once per data folder and reused, and the clerk's
//! own font files copied into `<data dir>/fonts/`.

use crate::error::{Error, Result};
use crate::export::pdf::PdfExporter;
use crate::export::write_atomic;
use crate::fonts::FontSet;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use ts_rs::TS;

/// One line of the font report: which font sets a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FontRow {
    /// The role and the face that sets it, named in Chinese: `正文：仿宋_GB2312（系统）`,
    /// `正文：Fandol 仿宋（内置替代，非仿宋_GB2312）` ([`crate::fonts::RoleChoice::summary`]).
    pub summary: String,
    /// The font's own name, e.g. `FangSong` (details for the curious, not the summary).
    pub font_name: String,
    /// The file it was read from.
    pub path: String,
    /// A bundled stand-in sets the role, not the face GB/T 9704-2012 names.
    pub stand_in: bool,
}

/// The font report: one row per role, and what to import to replace the stand-ins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FontReport {
    /// One row per role, in the order of the roles.
    pub rows: Vec<FontRow>,
    /// One sentence naming the font files to import and where Windows keeps them; `None`
    /// when no role uses a stand-in ([`crate::fonts::import_advice`]).
    pub advice: Option<String>,
}

/// The PDF exporter of one data folder: the system's fonts, then the imported ones in
/// `<data dir>/fonts/`, then the bundled fallbacks. Finding and parsing them takes seconds, so
/// they are found on first use and kept until a font is imported. Shareable across threads.
#[derive(Debug)]
pub struct Fonts {
    dir: PathBuf,
    cache: Mutex<Option<PdfExporter>>,
}

fn poisoned() -> Error {
    Error::internal(
        "内部错误：字体缓存已失效，请重启程序。",
        "font cache lock poisoned",
    )
}

impl Fonts {
    /// The fonts for the data folder `data_dir` (nothing is read yet).
    pub fn new(data_dir: &Path) -> Fonts {
        Fonts {
            dir: crate::fonts::imported_dir(data_dir),
            cache: Mutex::new(None),
        }
    }

    /// `<data dir>/fonts/`, where imported fonts go.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The exporter, finding the fonts on first use. Cheap to clone.
    pub fn exporter(&self) -> Result<PdfExporter> {
        let mut slot = self.cache.lock().map_err(|_| poisoned())?;
        if let Some(e) = slot.as_ref() {
            return Ok(e.clone());
        }
        let imported = self.dir.is_dir().then_some(self.dir.as_path());
        let e = PdfExporter::new(FontSet::discover(imported)?);
        *slot = Some(e.clone());
        Ok(e)
    }

    /// Which font each role resolves to, in the order of the roles, and the advice on what
    /// to import when a stand-in is used.
    pub fn report(&self) -> Result<FontReport> {
        let choices = self.exporter()?.font_report();
        Ok(FontReport {
            rows: choices
                .iter()
                .map(|c| FontRow {
                    summary: c.summary(),
                    font_name: c.font_name.clone(),
                    path: c.path.display().to_string(),
                    stand_in: c.is_stand_in(),
                })
                .collect(),
            advice: crate::fonts::import_advice(&choices),
        })
    }

    /// Copies the font file `src` into `<data dir>/fonts/` ([`import_font`]), forgets the fonts
    /// found so far and returns the report as now resolved.
    pub fn import(&self, src: &Path) -> Result<FontReport> {
        import_font(&self.dir, src)?;
        *self.cache.lock().map_err(|_| poisoned())? = None;
        self.report()
    }
}

/// TrueType, OpenType (CFF) and collections, by their first four bytes (the sfnt version tag
/// of the OpenType specification, or `ttcf`); anything else (a renamed .doc, a .woff) is not
/// a font the exporter can embed.
pub fn is_font_file(bytes: &[u8]) -> bool {
    let magic = bytes.get(..4).unwrap_or_default();
    [&[0, 1, 0, 0][..], b"OTTO", b"ttcf", b"true"].contains(&magic)
}

/// Copies the font file `src` into `fonts_dir` (created if missing) under its own name,
/// atomically; returns the path written.
///
/// Errors: `ErrorKind::Input` when `src` is not a TrueType/OpenType font or has no file name,
/// `Storage` when it cannot be read or the copy cannot be written.
pub fn import_font(fonts_dir: &Path, src: &Path) -> Result<PathBuf> {
    let name = src
        .file_name()
        .ok_or_else(|| Error::input("请选择一个字体文件。"))?;
    let bytes = std::fs::read(src).map_err(|e| Error::io("读取字体文件", src, &e))?;
    if !is_font_file(&bytes) {
        return Err(Error::input(
            "这不是可用的字体文件，请选择 .ttf、.otf 或 .ttc 文件。",
        ));
    }
    std::fs::create_dir_all(fonts_dir).map_err(|e| Error::io("创建字体文件夹", fonts_dir, &e))?;
    let out = fonts_dir.join(name);
    write_atomic(&out, &bytes)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_files_are_recognised_by_their_header() {
        let otf =
            std::fs::read(crate::resources::dir().join("fonts/FandolKai-Regular.otf")).unwrap();
        assert!(is_font_file(&otf));
        let ttf = std::fs::read(crate::resources::dir().join("fonts/LiberationSerif-Regular.ttf"))
            .unwrap();
        assert!(is_font_file(&ttf));
        assert!(is_font_file(b"OTTO...."));
        assert!(!is_font_file(b"PK\x03\x04 a docx"));
        assert!(!is_font_file(b""));
    }

    #[test]
    fn a_renamed_document_is_refused_and_nothing_is_copied() {
        let d = tempfile::tempdir().unwrap();
        let fake = d.path().join("假字体.ttf");
        std::fs::write(&fake, b"PK\x03\x04 not a font").unwrap();
        let dir = d.path().join("fonts");
        let e = import_font(&dir, &fake).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Input);
        assert!(!dir.exists());
        let missing = import_font(&dir, &d.path().join("没有.ttf")).unwrap_err();
        assert_eq!(missing.kind, crate::ErrorKind::Storage);
    }
}
