//! Files are written to a temporary name in the target folder, synced, then renamed over the
//! target: a reader never sees a half-written file, and a failure leaves no partial file.
//!
//! Faults and what the clerk is told (each tested in tests/reliability/faults.rs):
//! read-only folder or disk, disk full, a name or path too long, a folder where the file
//! should go, a missing folder. A file that another program holds open is replaced as a
//! whole: on Linux the other program keeps reading its old copy; on Windows, where an open
//! file cannot be replaced, the clerk is asked to close it.

use crate::error::{Error, ErrorKind, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Longest file name most file systems take (bytes; ext4, NTFS in UTF-16 units).
const MAX_NAME_BYTES: usize = 255;
/// Linux's PATH_MAX.
const MAX_PATH_BYTES: usize = 4096;

/// Distinguishes temporary files of one process (two exports at once).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A short temporary name, so that a target name near the length limit still has room.
fn temp_path(dir: &Path) -> PathBuf {
    dir.join(format!(
        ".gongwen-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

fn write_error(path: &Path, what: &str, cause: String) -> Error {
    Error::new(
        ErrorKind::Storage,
        format!(
            "写入文件失败：{what}（{}）。原有文件和报告均未改动。",
            path.display()
        ),
        cause,
    )
}

/// Words an I/O error of a write for the clerk, with what to do about it.
fn io_error(path: &Path, e: &std::io::Error) -> Error {
    use std::io::ErrorKind as K;
    let what = match e.kind() {
        // Windows refuses to replace a file that Word or WPS holds open with "access
        // denied" as well; the likelier cause when the file exists is that one.
        K::PermissionDenied if cfg!(windows) && path.is_file() => {
            "文件可能正被其他程序（如 Word、WPS）打开，请关闭该文件后重试；如仍不行，请换一个文件夹保存"
        }
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "没有写入权限或文件夹只读，请换一个文件夹（例如“文档”或桌面）保存"
        }
        K::StorageFull | K::QuotaExceeded => "磁盘空间已满，请清理磁盘或换一个磁盘保存",
        K::NotFound => "保存位置的文件夹不存在，请重新选择保存位置",
        K::InvalidFilename => "文件名或路径太长，请缩短文件名或换一个较浅的文件夹",
        K::IsADirectory | K::DirectoryNotEmpty => "已有同名的文件夹，请换一个文件名",
        K::NotADirectory => "保存位置不是文件夹，请重新选择保存位置",
        // Windows: the file is open in Word or WPS (sharing violation / lock violation).
        _ if matches!(e.raw_os_error(), Some(32) | Some(33)) || e.kind() == K::ResourceBusy => {
            "文件正被其他程序（如 Word、WPS）打开，请关闭该文件后重试"
        }
        _ => "系统拒绝了这次写入",
    };
    write_error(path, what, format!("write {}: {e}", path.display()))
}

/// Refuses, before touching anything, what cannot work.
fn precheck(path: &Path) -> Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::input(format!("“{}”不是文件名。", path.display())))?;
    if name.len() > MAX_NAME_BYTES {
        return Err(write_error(
            path,
            &format!(
                "文件名太长（{} 字节，最多 {MAX_NAME_BYTES}），请缩短文件名",
                name.len()
            ),
            format!("file name of {} bytes", name.len()),
        ));
    }
    if path.as_os_str().len() >= MAX_PATH_BYTES {
        return Err(write_error(
            path,
            "路径太长，请换一个较浅的文件夹",
            format!("path of {} bytes", path.as_os_str().len()),
        ));
    }
    if path.is_dir() {
        return Err(write_error(
            path,
            "已有同名的文件夹，请换一个文件名",
            "target is a directory".into(),
        ));
    }
    Ok(())
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    precheck(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = temp_path(&dir);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_error(path, &e));
    }
    // Makes the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.bin");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn missing_folder_gives_a_chinese_message() {
        let e = write_atomic(Path::new("/nonexistent-dir/x.docx"), b"x").unwrap_err();
        assert!(e.message.contains("写入文件失败"), "{}", e.message);
        assert!(e.message.contains("文件夹不存在"), "{}", e.message);
        assert!(!Path::new("/nonexistent-dir").exists());
    }

    #[test]
    fn a_name_at_the_limit_still_works() {
        // The temporary name is short, so a 255-byte target name is fine.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(format!("{}.docx", "报".repeat(83)));
        assert_eq!(p.file_name().unwrap().len(), 254);
        write_atomic(&p, b"x").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"x");
    }
}
