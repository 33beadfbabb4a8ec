//! The report leaving the program: the preview PDF, exported DOCX and PDF files, printing.

use super::Fonts;
use crate::error::{Error, Result};
use crate::export;
use crate::model::Report;
use crate::print::{self, PrintMethod, PrintOptions, Printer};
use crate::spec::{DocxFontNames, Spec};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A file format the report is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word (OOXML), for editing and submitting upward, with the names it gives the 仿宋 and
    /// 楷体 roles (a setting).
    Docx(DocxFontNames),
    /// PDF, for printing and archiving.
    Pdf,
}

// These take the report as a value, not the store: rendering takes a moment, and the app's
// autosave must not wait for it behind the store's lock.

/// Writes `report` to `out` (atomically) in the official layout of GB/T 9704-2012.
///
/// Errors: `ErrorKind::Storage` when the file cannot be written (an existing file is then left
/// as it was).
pub fn export(report: &Report, fonts: &Fonts, format: Format, out: &Path) -> Result<()> {
    match format {
        Format::Docx(names) => {
            let spec = Spec::official().with_docx_font_names(names);
            export::docx::export_docx(report, &spec, out)
        }
        Format::Pdf => fonts.exporter()?.export(report, out).map(|_| ()),
    }
}

/// How this system prints, and its printers (none when a viewer prints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintSetup {
    /// Through CUPS queues, or by handing the PDF to the system's viewer.
    pub method: PrintMethod,
    /// The CUPS queues, the default first; empty when none is set up.
    pub printers: Vec<Printer>,
}

/// The print method of this system and its printers.
///
/// Errors: `ErrorKind::Unavailable` when CUPS' `lpstat` is not installed.
pub fn print_setup() -> Result<PrintSetup> {
    let method = print::method();
    let printers = match method {
        PrintMethod::Cups => print::list_printers()?,
        PrintMethod::SystemViewer => Vec::new(),
    };
    Ok(PrintSetup { method, printers })
}

/// The name of the PDF a print job is made from: the title (so that the queue and the viewer
/// show it), `/` and `\` replaced, `报告` when the title is blank.
pub fn print_file_name(title: &str) -> String {
    let name = title.trim();
    if name.is_empty() {
        "报告.pdf".to_string()
    } else {
        format!("{}.pdf", name.replace(['/', '\\'], "_"))
    }
}

/// Prints `report`: renders its PDF into `scratch` (a folder for temporary files), then
/// sends it to the CUPS queue `options` names, or opens it in the system's viewer where there
/// is no CUPS. Returns the CUPS job id (`""` when a viewer was opened). The scratch file is
/// removed once `lp` has spooled it; a viewer still needs it, so it stays then.
///
/// Errors: `ErrorKind::Input` when CUPS prints and no printer is chosen or the copies are out
/// of range, `Unavailable` when `lp` or the viewer is missing or refuses, `Storage`.
pub fn print_report(
    report: &Report,
    fonts: &Fonts,
    options: Option<&PrintOptions>,
    scratch: &Path,
) -> Result<String> {
    let method = print::method();
    if method == PrintMethod::Cups && options.is_none() {
        return Err(Error::input("请先选择一台打印机。"));
    }
    let name = format!(
        "gongwen-{}-{}",
        std::process::id(),
        print_file_name(&report.title)
    );
    let out = scratch.join(name);
    export(report, fonts, Format::Pdf, &out)?;
    match (method, options) {
        (PrintMethod::Cups, Some(o)) => {
            let job = print::print_cups(&out, o);
            // lp copies the file into the spool before it returns, so ours can go.
            std::fs::remove_file(&out).ok();
            job
        }
        _ => print::open_in_viewer(&out).map(|_| String::new()),
    }
}

/// Opens the folder holding `file` (an exported document) in the system's file manager:
/// Explorer with the file selected on Windows, Finder on macOS, the desktop's file manager
/// through `xdg-open` elsewhere. Nothing goes over the network; the program is started and
/// not waited for (Explorer's exit code means nothing).
///
/// Errors: `ErrorKind::NotFound` when the folder no longer exists, `ErrorKind::Unavailable`
/// when no file manager could be started.
pub fn show_in_folder(file: &Path) -> Result<()> {
    let dir = file
        .parent()
        .filter(|d| d.is_dir())
        .ok_or_else(|| Error::not_found("文件所在的文件夹已不存在。"))?;
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("explorer");
        c.arg(format!("/select,{}", file.display()));
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg("-R").arg(file);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(dir);
        c
    };
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| {
            Error::new(
                crate::ErrorKind::Unavailable,
                format!("无法打开文件管理器，文件在：{}", dir.display()),
                format!("file manager: {e}"),
            )
        })?;
    // Reaped in the background so that no zombie is left.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_files_are_named_by_the_title() {
        assert_eq!(print_file_name("  "), "报告.pdf");
        assert_eq!(
            print_file_name("甲/乙\\丙2024年总结"),
            "甲_乙_丙2024年总结.pdf"
        );
    }
}
