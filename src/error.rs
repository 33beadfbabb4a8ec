//! Errors are values: a Chinese sentence for the clerk and an English cause for the log.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad input from the user or a file (the clerk can fix it).
    Input,
    /// Something asked for does not exist.
    NotFound,
    /// The database or a file could not be read or written.
    Storage,
    /// The database was written by a newer gongwen.
    NewerSchema,
    /// A feature that is not built yet.
    Unavailable,
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    /// One sentence in Chinese, shown to the clerk.
    pub message: String,
    /// Technical cause in English, for the log.
    pub cause: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>, cause: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            cause: cause.into(),
        }
    }
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message, "invalid input")
    }
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotFound, message, "not found")
    }
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
