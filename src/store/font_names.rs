//! The setting that chooses the font names written into the DOCX (设置 → Word 字体), one row
//! of the `settings` table.

use super::{db_err, Store};
use crate::error::Result;
use crate::model::DocxFontNames;
use rusqlite::OptionalExtension;

const KEY: &str = "docx_font_names";

impl Store {
    /// The chosen names; the default (`仿宋_GB2312 / 楷体_GB2312`) until the clerk changes it,
    /// and also when the stored value is unknown (written by a newer version).
    pub fn docx_font_names(&self) -> Result<DocxFontNames> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key=?1", [KEY], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| db_err("读取设置", e))?;
        Ok(v.as_deref()
            .and_then(DocxFontNames::from_key)
            .unwrap_or_default())
    }

    /// Stores which 仿宋/楷体 names the DOCX export writes (a setting kept across starts), in one
    /// transaction. Returns `ErrorKind::Storage` when the database cannot be written.
    pub fn set_docx_font_names(&mut self, names: DocxFontNames) -> Result<()> {
        self.write("保存设置", |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [KEY, names.key()],
            )
            .map_err(|e| db_err("保存设置", e))?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_font_names_default_and_persist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        let mut s = Store::open_file(&path).unwrap();
        assert_eq!(s.docx_font_names().unwrap(), DocxFontNames::Gb2312);
        s.set_docx_font_names(DocxFontNames::Plain).unwrap();
        s.set_docx_font_names(DocxFontNames::Plain).unwrap();
        drop(s);
        let s = Store::open_file(&path).unwrap();
        assert_eq!(s.docx_font_names().unwrap(), DocxFontNames::Plain);
    }
}
