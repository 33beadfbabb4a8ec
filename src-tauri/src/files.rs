//! The only way the UI gets at a file: the clerk picks it in a native dialog that the Rust side
//! opens, and that path — nothing the web view typed — is what the import, font and export
//! commands accept. So a script in the web view (were one ever to run) could not read
//! `~/.ssh/id_rsa` through `import_file` or overwrite a file through `export_pdf`; the JS
//! dialog API is not granted either (see `capabilities/default.json`).

use gongwen::Error;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Paths the clerk chose in a dialog this session, and the folder of the last one.
#[derive(Default)]
pub struct Granted(Mutex<Chosen>);

#[derive(Default)]
struct Chosen {
    paths: HashSet<PathBuf>,
    last_dir: Option<PathBuf>,
}

impl Granted {
    fn add(&self, p: &Path) {
        if let Ok(mut c) = self.0.lock() {
            c.paths.insert(p.to_path_buf());
            c.last_dir = p.parent().map(Path::to_path_buf);
        }
    }

    /// Where a dialog opens: the folder of the last file chosen, else 文档 (Documents), else
    /// home — not the working directory, which for a desktop launch is arbitrary.
    fn start_dir(&self) -> Option<PathBuf> {
        self.0
            .lock()
            .ok()
            .and_then(|c| c.last_dir.clone())
            .filter(|d| d.is_dir())
            .or_else(dirs::document_dir)
            .filter(|d| d.is_dir())
            .or_else(dirs::home_dir)
    }

    /// `path` if the clerk chose it in a dialog, else the Chinese refusal
    /// (`ErrorKind::Input`: the clerk chooses again).
    pub fn check(&self, path: &str) -> Result<PathBuf, Error> {
        let p = PathBuf::from(path);
        match self.0.lock() {
            Ok(c) if c.paths.contains(&p) => Ok(p),
            _ => Err(Error::new(
                gongwen::ErrorKind::Input,
                "只能使用在对话框中选择的文件，请重新选择。",
                format!("path not granted: {path}"),
            )),
        }
    }
}

/// What the clerk is choosing a file for.
#[derive(Clone, Copy, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// A 范文 to import (.docx, .txt).
    Import,
    /// A font file for the exporter.
    Font,
    /// Where to export a Word document.
    Docx,
    /// Where to export a PDF.
    Pdf,
}

/// Opens the open- or save-dialog for `purpose` (blocking: call from an async command, which
/// Tauri runs off the main thread) and grants the chosen path. `name` is the proposed file name
/// for a save dialog.
pub fn choose<R: Runtime>(
    app: &AppHandle<R>,
    granted: &Granted,
    purpose: Purpose,
    name: &str,
) -> Result<Option<String>, Error> {
    let mut dialog = app.dialog().file();
    if let Some(dir) = granted.start_dir() {
        dialog = dialog.set_directory(dir);
    }
    let path = match purpose {
        Purpose::Import | Purpose::Font => {
            let (title, filter, ext): (&str, &str, &[&str]) = match purpose {
                Purpose::Import => ("导入范文", "范文（.docx、.txt）", &["docx", "txt"]),
                _ => ("导入字体文件", "字体文件", &["ttf", "otf", "ttc"]),
            };
            dialog
                .set_title(title)
                .add_filter(filter, ext)
                .blocking_pick_file()
                .map(dialog_path)
                .transpose()?
        }
        Purpose::Docx | Purpose::Pdf => {
            let name = plain_file_name(name)?;
            match e2e_save_dir() {
                Some(dir) => Some(dir.join(name)),
                None => {
                    let (title, filter, ext) = match purpose {
                        Purpose::Docx => ("导出 Word 文档", "Word 文档", "docx"),
                        _ => ("导出 PDF 文件", "PDF 文件", "pdf"),
                    };
                    dialog
                        .set_title(title)
                        .set_file_name(name)
                        .add_filter(filter, &[ext])
                        .blocking_save_file()
                        .map(dialog_path)
                        .transpose()?
                }
            }
        }
    };
    Ok(path.map(|p| {
        granted.add(&p);
        p.display().to_string()
    }))
}

/// A dialog's answer as a local path (a dialog could in principle return a URL).
fn dialog_path(chosen: tauri_plugin_dialog::FilePath) -> Result<PathBuf, Error> {
    chosen
        .into_path()
        .map_err(|_| Error::input("所选位置不是本机上的文件，请重新选择。"))
}

/// The proposed name must be a name, not a path (it comes from the web view).
fn plain_file_name(name: &str) -> Result<&str, Error> {
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.contains(['/', '\\', '\0'])
        || Path::new(name).is_absolute();
    if bad {
        Err(Error::input("文件名无效，请重新输入。"))
    } else {
        Ok(name)
    }
}

/// For the end-to-end tests only: a folder that stands in for the save dialog (WebDriver cannot
/// click a GTK dialog). Read from the environment the app was started with; unset in normal use.
fn e2e_save_dir() -> Option<PathBuf> {
    std::env::var_os("GONGWEN_E2E_SAVE_DIR")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_paths_pass() {
        let g = Granted::default();
        assert!(g.check("/etc/passwd").is_err());
        g.add(Path::new("/tmp/报告.pdf"));
        assert_eq!(
            g.check("/tmp/报告.pdf").unwrap(),
            PathBuf::from("/tmp/报告.pdf")
        );
        assert!(g.check("/tmp/报告.docx").is_err());
    }

    #[test]
    fn proposed_names_cannot_be_paths() {
        for bad in [
            "",
            ".",
            "..",
            "../x.pdf",
            "/etc/x.pdf",
            "a/b.pdf",
            "a\\b.pdf",
        ] {
            assert!(plain_file_name(bad).is_err(), "{bad:?}");
        }
        assert!(plain_file_name("某某镇2024年政务公开工作总结.pdf").is_ok());
    }
}
