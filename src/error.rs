//! Errors are values: a Chinese sentence for the clerk and an English cause for the log.
//!
//! An [`Error`] serialises as `{"kind": "storage", "message": "…"}` — the shape in which it
//! crosses to the app's web view, which decides by `kind` how to show it. The cause is not
//! serialised: it is for the log, in English, and may name paths of the machine.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// What kind of failure an [`Error`] is, so that callers (the CLI's exit code, the app's UI)
/// can tell a bad input from a full disk without reading the message. Serialised in
/// snake_case (`"not_found"`); the names are part of the app's interface and must not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Bad input from the user or a file (the clerk can fix it).
    Input,
    /// Something asked for does not exist.
    NotFound,
    /// The database or a file could not be read or written.
    Storage,
    /// The database was written by a newer gongwen.
    NewerSchema,
    /// A service of the system is missing or refused (no printing service, no PDF viewer),
    /// or a feature that is not built yet.
    Unavailable,
    /// A fault inside the program itself (a lock poisoned by an earlier panic); restarting
    /// the program helps.
    Internal,
}

/// A failure: its [`ErrorKind`], one Chinese sentence for the clerk and an English cause for
/// the log. Every fallible function of the core returns [`Result`] with this error.
#[derive(Debug, Clone)]
pub struct Error {
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// One sentence in Chinese, shown to the clerk.
    pub message: String,
    /// Technical cause in English, for the log.
    pub cause: String,
}

/// The core's result type: `Ok(T)` or an [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error of `kind` with the clerk's Chinese `message` and the English `cause` for the log.
    pub fn new(kind: ErrorKind, message: impl Into<String>, cause: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            cause: cause.into(),
        }
    }
    /// An `ErrorKind::Input` error (the clerk can fix it); the cause reads `invalid input`.
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message, "invalid input")
    }
    /// An `ErrorKind::NotFound` error; the cause reads `not found`.
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotFound, message, "not found")
    }
    /// A fault inside the program (see [`ErrorKind::Internal`]).
    pub fn internal(message: impl Into<String>, cause: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Internal, message, cause.to_string())
    }
    /// An `ErrorKind::Storage` error with the clerk's `message` and `cause` (e.g. the SQLite or
    /// I/O error) for the log.
    pub fn storage(message: impl Into<String>, cause: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Storage, message, cause.to_string())
    }
    /// A file-system error, worded for the clerk by what went wrong.
    pub fn io(action: &str, path: &std::path::Path, e: &std::io::Error) -> Error {
        use std::io::ErrorKind as K;
        let what = match e.kind() {
            K::PermissionDenied | K::ReadOnlyFilesystem => "没有写入权限或文件夹只读",
            K::NotFound => "文件或文件夹不存在",
            K::StorageFull => "磁盘空间已满",
            K::AlreadyExists => "文件已存在",
            _ => "系统拒绝了这次操作",
        };
        Error::new(
            ErrorKind::Storage,
            format!("{action}失败：{what}（{}）。", path.display()),
            format!("{action} {}: {e}", path.display()),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `{"kind": …, "message": …}`: what the web view needs, without the cause (see the module
/// comment).
impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 2)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI matches on these names; renaming one breaks it silently.
    #[test]
    fn kinds_cross_as_stable_snake_case_names() {
        let names: Vec<String> = [
            ErrorKind::Input,
            ErrorKind::NotFound,
            ErrorKind::Storage,
            ErrorKind::NewerSchema,
            ErrorKind::Unavailable,
            ErrorKind::Internal,
        ]
        .iter()
        .map(|k| serde_json::to_string(k).unwrap())
        .collect();
        assert_eq!(
            names,
            [
                "\"input\"",
                "\"not_found\"",
                "\"storage\"",
                "\"newer_schema\"",
                "\"unavailable\"",
                "\"internal\""
            ]
        );
        let e = Error::storage("保存失败：磁盘空间已满。", "disk full at /home/x");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"kind": "storage", "message": "保存失败：磁盘空间已满。"})
        );
    }
}
