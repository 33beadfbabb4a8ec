//! App settings kept in the `settings` table (key → text): the defaults new reports start with.

use super::{db_err, Store};
use crate::error::{Error, Result};
use crate::model::PageNumbers;
use rusqlite::{params, OptionalExtension};

const PAGE_NUMBERS_KEY: &str = "page_numbers";

impl Store {
    /// The page-number style new reports start with (设置); the national style of
    /// GB/T 9704-2012 §7.5 until the clerk chooses another. A stored value that cannot be read
    /// is an error, not silently the national style.
    pub fn default_page_numbers(&self) -> Result<PageNumbers> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key=?1",
                [PAGE_NUMBERS_KEY],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| db_err("读取设置", e))?;
        match stored {
            None => Ok(PageNumbers::default()),
            Some(text) => serde_json::from_str(&text).map_err(|e| {
                Error::storage(
                    format!("设置中的默认页码样式无法读取（{text}），请在“设置”中重新选择。"),
                    e,
                )
            }),
        }
    }

    /// Gives a report being started (from a template) the defaults of the settings: its
    /// page-number style.
    pub fn apply_defaults(&self, r: &mut crate::model::Report) -> Result<()> {
        r.page_numbers = self.default_page_numbers()?;
        Ok(())
    }

    /// Sets the page-number style new reports start with; reports already written keep theirs.
    pub fn set_default_page_numbers(&mut self, style: &PageNumbers) -> Result<()> {
        let value = serde_json::to_string(style).unwrap_or_default();
        self.write("保存设置", |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                params![PAGE_NUMBERS_KEY, value],
            )
            .map_err(|e| db_err("保存设置", e))?;
            Ok(())
        })
    }
}
