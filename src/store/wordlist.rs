//! The clerk's word list (易错词表) in SQLite: seeded once from the lists shipped in
//! `resources/wordlists/` (wrong words, and sensitive words, the latter seeded on their own
//! key so a store seeded before they existed gets them), then edited by the clerk.

use super::{db_err, Store};
use crate::error::{Error, Result};
use crate::model::{WordEntry, WordList};
use rusqlite::{params, OptionalExtension};

const SEEDED_KEY: &str = "wordlist_seeded";
const SENSITIVE_SEEDED_KEY: &str = "sensitive_seeded";

impl Store {
    /// Seeds the word list from the shipped one, once; later calls do nothing, so entries
    /// the clerk removed stay removed.
    fn seed_wordlist(&mut self) -> Result<()> {
        for (key, sensitive) in [(SEEDED_KEY, false), (SENSITIVE_SEEDED_KEY, true)] {
            let seeded: Option<String> = self
                .conn
                .query_row("SELECT value FROM settings WHERE key=?1", [key], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(|e| db_err("读取易错词表", e))?;
            if seeded.is_some() {
                continue;
            }
            let builtin = WordList::builtin();
            self.write("载入易错词表", |tx| {
                for e in builtin.entries.iter().filter(|e| e.is_sensitive() == sensitive) {
                    tx.execute(
                        "INSERT OR IGNORE INTO wordlist (wrong, right, note, builtin, category) VALUES (?1,?2,?3,1,?4)",
                        params![e.wrong, e.right, e.note, e.category],
                    )
                    .map_err(|e| db_err("载入易错词表", e))?;
                }
                tx.execute("INSERT INTO settings (key, value) VALUES (?1, '1')", [key])
                    .map_err(|e| db_err("载入易错词表", e))?;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Adds a sensitive word (`category` 赌博/色情/广告 or the clerk's own), or changes the
    /// category and note of an existing one. Returns the entry's id.
    pub fn add_sensitive_word(&mut self, word: &str, category: &str, note: &str) -> Result<i64> {
        let (word, category, note) = (word.trim(), category.trim(), note.trim());
        if word.is_empty() || category.is_empty() {
            return Err(Error::input(
                "请同时填写敏感词和它的类别（如赌博、色情、广告）。",
            ));
        }
        if word.contains(['\t', '\n']) {
            return Err(Error::input("词语里不能有换行或制表符。"));
        }
        self.seed_wordlist()?;
        self.write("保存敏感词", |tx| {
            tx.execute(
                "INSERT INTO wordlist (wrong, right, note, builtin, category) VALUES (?1,'',?2,0,?3)
                 ON CONFLICT(wrong) DO UPDATE SET right='', note=excluded.note, category=excluded.category",
                params![word, note, category],
            )
            .map_err(|e| db_err("保存敏感词", e))?;
            tx.query_row("SELECT id FROM wordlist WHERE wrong=?1", [word], |r| r.get(0))
                .map_err(|e| db_err("保存敏感词", e))
        })
    }

    /// The clerk's word list (seeded on first use).
    pub fn word_list(&mut self) -> Result<WordList> {
        self.seed_wordlist()?;
        let mut st = self
            .conn
            .prepare("SELECT id, wrong, right, note, builtin, category FROM wordlist ORDER BY id")
            .map_err(|e| db_err("读取易错词表", e))?;
        let rows = st
            .query_map([], |r| {
                Ok(WordEntry {
                    id: Some(r.get(0)?),
                    wrong: r.get(1)?,
                    right: r.get(2)?,
                    note: r.get(3)?,
                    builtin: r.get(4)?,
                    category: r.get(5)?,
                })
            })
            .map_err(|e| db_err("读取易错词表", e))?;
        let entries = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取易错词表", e))?;
        Ok(WordList { entries })
    }

    /// Adds an entry, or changes the right form and note of an existing wrong word. Returns
    /// the entry's id.
    pub fn add_word(&mut self, wrong: &str, right: &str, note: &str) -> Result<i64> {
        let (wrong, right, note) = (wrong.trim(), right.trim(), note.trim());
        if wrong.is_empty() || right.is_empty() {
            return Err(Error::input("请同时填写错误写法和正确写法。"));
        }
        if wrong == right {
            return Err(Error::input("错误写法和正确写法相同，无需加入词表。"));
        }
        if wrong.contains(['\t', '\n']) || right.contains(['\t', '\n']) {
            return Err(Error::input("词语里不能有换行或制表符。"));
        }
        self.seed_wordlist()?;
        self.write("保存易错词", |tx| {
            tx.execute(
                "INSERT INTO wordlist (wrong, right, note, builtin) VALUES (?1,?2,?3,0)
                 ON CONFLICT(wrong) DO UPDATE SET right=excluded.right, note=excluded.note, category=''",
                params![wrong, right, note],
            )
            .map_err(|e| db_err("保存易错词", e))?;
            tx.query_row("SELECT id FROM wordlist WHERE wrong=?1", [wrong], |r| {
                r.get(0)
            })
            .map_err(|e| db_err("保存易错词", e))
        })
    }

    /// Removes an entry (a shipped one too: the clerk decides).
    pub fn remove_word(&mut self, id: i64) -> Result<()> {
        self.seed_wordlist()?;
        self.write("删除易错词", |tx| {
            let n = tx
                .execute("DELETE FROM wordlist WHERE id=?1", [id])
                .map_err(|e| db_err("删除易错词", e))?;
            if n == 0 {
                return Err(Error::not_found(format!("词表中没有编号为 {id} 的词。")));
            }
            Ok(())
        })
    }

    /// Puts the shipped entries back (keeping the clerk's own); returns how many were added.
    pub fn restore_builtin_words(&mut self) -> Result<usize> {
        self.seed_wordlist()?;
        let builtin = WordList::builtin();
        self.write("恢复内置易错词", |tx| {
            let mut n = 0;
            for e in &builtin.entries {
                n += tx
                    .execute(
                        "INSERT OR IGNORE INTO wordlist (wrong, right, note, builtin, category) VALUES (?1,?2,?3,1,?4)",
                        params![e.wrong, e.right, e.note, e.category],
                    )
                    .map_err(|e| db_err("恢复内置易错词", e))?;
            }
            Ok(n)
        })
    }
}
