//! A tiny logger: `<data dir>/logs/gongwen.log`, rotated by size (1 MB × 5 files), one line
//! per event, shared by the app and the CLI (appends from several processes interleave by
//! line).
//!
//! Only events and English causes are written, never report text. As a guard against a
//! cause that quotes the clerk's words after all, every character outside printable ASCII is
//! written as `?` — the log is English by design, so this masks exactly what must not be
//! there (Chinese text, file names in Chinese) and nothing a developer needs.
//!
//! Logging never fails the caller: a log that cannot be written is skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folder of the log files inside the data folder.
pub const LOG_DIR: &str = "logs";
/// Name of the current log file; rotated copies get `.1` … `.4`.
pub const LOG_FILE: &str = "gongwen.log";
/// A log file is rotated when the next line would take it past this size.
pub const MAX_BYTES: u64 = 1024 * 1024;
/// Files kept: `gongwen.log` and `gongwen.log.1` … `gongwen.log.4`.
pub const FILES: usize = 5;
/// Longest line written (a runaway cause is cut).
const MAX_LINE: usize = 1000;

static TARGET: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Severity of a log line, written as `INFO`, `WARN` or `ERROR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something that happened as it should (an export, a backup).
    Info,
    /// Something went wrong but was handled (a skipped file, a retry).
    Warn,
    /// An operation failed.
    Error,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Info => "INFO",
            Level::Warn => "WARN",
            Level::Error => "ERROR",
        }
    }
}

/// Sends this process's log to `<data_dir>/logs/gongwen.log` (creating the folder). Calling
/// it again (another data dir) redirects the log.
pub fn init(data_dir: &Path) {
    let dir = data_dir.join(LOG_DIR);
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(mut t) = TARGET.lock() {
        *t = Some(dir.join(LOG_FILE));
    }
}

/// The current log file, if logging was initialised.
pub fn path() -> Option<PathBuf> {
    TARGET.lock().ok().and_then(|t| t.clone())
}

/// Appends an `INFO` line `<UTC time> INFO pid=N event: detail` (non-ASCII masked as `?`);
/// does nothing before [`init`] or when the file cannot be written.
pub fn info(event: &str, detail: &str) {
    write(Level::Info, event, detail);
}

/// Appends a `WARN` line; like [`info`].
pub fn warn(event: &str, detail: &str) {
    write(Level::Warn, event, detail);
}

/// Appends an `ERROR` line; like [`info`]. For an [`Error`](crate::Error) use [`failure`].
pub fn error(event: &str, detail: &str) {
    write(Level::Error, event, detail);
}

/// Logs an error by its kind and English cause (its Chinese message is for the clerk only).
pub fn failure(event: &str, e: &crate::Error) {
    write(Level::Error, event, &format!("{:?}: {}", e.kind, e.cause));
}

/// Printable ASCII only; everything else becomes `?` (see the module note), cut to a line.
pub fn mask(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if (' '..='~').contains(&c) { c } else { '?' })
        .collect();
    if out.len() > MAX_LINE {
        out.truncate(MAX_LINE);
        out.push_str("...");
    }
    out
}

fn write(level: Level, event: &str, detail: &str) {
    let Some(file) = path() else { return };
    let line = format!(
        "{} {} pid={} {}: {}\n",
        utc_timestamp(),
        level.label(),
        std::process::id(),
        mask(event),
        mask(detail)
    );
    // One lock per process around rotate + append keeps this process's lines whole.
    let Ok(_guard) = TARGET.lock() else { return };
    rotate_if_needed(&file, line.len() as u64);
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
    {
        let _ = f.write_all(line.as_bytes());
    }
}

fn numbered(file: &Path, n: usize) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(format!(".{n}"));
    PathBuf::from(s)
}

/// `gongwen.log` → `.1` → … → `.4`; the oldest falls off (a log, not the clerk's data).
fn rotate_if_needed(file: &Path, adding: u64) {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size == 0 || size + adding <= MAX_BYTES {
        return;
    }
    for n in (1..FILES - 1).rev() {
        let from = numbered(file, n);
        if from.exists() {
            let _ = std::fs::rename(&from, numbered(file, n + 1));
        }
    }
    let _ = std::fs::rename(file, numbered(file, 1));
}

/// `YYYY-MM-DDTHH:MM:SSZ`: now, in UTC (a log read on another machine needs no time zone).
pub fn utc_timestamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_everything_but_printable_ascii() {
        assert_eq!(mask("open a\u{7}b 双河镇 é"), "open a?b ??? ?");
        assert!(mask(&"x".repeat(5000)).len() <= MAX_LINE + 3);
    }

    #[test]
    fn timestamps_are_utc_seconds() {
        let t = utc_timestamp();
        assert_eq!(t.len(), "2026-11-21T08:05:09Z".len(), "{t}");
        assert!(t.ends_with('Z') && t.as_bytes()[10] == b'T', "{t}");
    }

    #[test]
    fn rotates_by_size_and_keeps_five_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(LOG_FILE);
        let chunk = "x".repeat(100_000);
        for _ in 0..70 {
            rotate_if_needed(&file, chunk.len() as u64);
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&file)
                .unwrap();
            f.write_all(chunk.as_bytes()).unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "gongwen.log",
                "gongwen.log.1",
                "gongwen.log.2",
                "gongwen.log.3",
                "gongwen.log.4"
            ]
        );
        for n in &names {
            assert!(std::fs::metadata(dir.path().join(n)).unwrap().len() <= MAX_BYTES);
        }
    }
}
