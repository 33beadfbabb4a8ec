//! Printing a finished PDF. On Linux (and other Unix systems with CUPS) through the CUPS
//! command-line tools `lpstat` (list queues) and `lp` (submit a job); elsewhere the PDF is
//! opened in the system's viewer, which has its own print dialog. No GUI dependency.

use crate::error::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::Command;
use ts_rs::TS;

/// A CUPS print queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Printer {
    /// The queue name as `lp -d` takes it.
    pub name: String,
    /// Whether it is the system's default destination (`lpstat -d`).
    pub is_default: bool,
}

/// What the clerk chose in the print panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrintOptions {
    /// The CUPS queue name; must not be empty (`ErrorKind::Input`).
    pub printer: String,
    /// Number of copies, 1–99 (`ErrorKind::Input` otherwise).
    pub copies: u32,
    /// 双面打印 (long-edge binding, as a stapled report is read).
    pub duplex: bool,
}

/// How this system prints: through CUPS queues, or by handing the PDF to a viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PrintMethod {
    /// CUPS queues through `lpstat` and `lp` (Linux and other Unix systems except macOS).
    Cups,
    /// The PDF is opened in the system's viewer, whose own dialog prints it (Windows, macOS).
    SystemViewer,
}

/// How this build prints: [`PrintMethod::Cups`] on Unix other than macOS, otherwise
/// [`PrintMethod::SystemViewer`].
pub fn method() -> PrintMethod {
    if cfg!(unix) && !cfg!(target_os = "macos") {
        PrintMethod::Cups
    } else {
        PrintMethod::SystemViewer
    }
}

fn no_cups(e: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Unavailable,
        "本机没有安装打印服务（CUPS），无法列出打印机。请安装 cups 后重试，或先导出 PDF 再用其他程序打印。",
        format!("lpstat: {e}"),
    )
}

/// Queue names from `lpstat -e` output (one per line).
pub fn parse_queues(out: &str) -> Vec<String> {
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The default destination from `lpstat -d` output (`system default destination: PDF`, or a
/// localised form ending in `: NAME`); `None` when there is none.
pub fn parse_default(out: &str) -> Option<String> {
    let line = out.lines().next()?.trim();
    if line.starts_with("no system default") {
        return None;
    }
    let name = line.rsplit_once(':')?.1.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The job id from `lp` output (`request id is PDF-3 (1 file(s))`).
pub fn parse_job(out: &str) -> Option<String> {
    let rest = out.split("request id is ").nth(1)?;
    Some(rest.split_whitespace().next()?.to_string())
}

/// The printers CUPS knows, the default first. An empty list means no printer is set up.
pub fn list_printers() -> Result<Vec<Printer>> {
    let out = Command::new("lpstat")
        .arg("-e")
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| no_cups(&e))?;
    // `lpstat -e` exits non-zero with "No destinations added." when there are none, and when
    // the scheduler is not running; both mean "nothing to print on" for the clerk.
    let queues = if out.status.success() {
        parse_queues(&String::from_utf8_lossy(&out.stdout))
    } else {
        Vec::new()
    };
    let default = Command::new("lpstat")
        .arg("-d")
        .env("LC_ALL", "C")
        .output()
        .ok()
        .and_then(|o| parse_default(&String::from_utf8_lossy(&o.stdout)));
    let mut printers: Vec<Printer> = queues
        .into_iter()
        .map(|name| Printer {
            is_default: default.as_deref() == Some(name.as_str()),
            name,
        })
        .collect();
    printers.sort_by_key(|p| !p.is_default);
    Ok(printers)
}

/// The `lp` arguments for a job (tested without a printer).
pub fn lp_args(file: &Path, o: &PrintOptions) -> Vec<String> {
    let sides = if o.duplex {
        "sides=two-sided-long-edge"
    } else {
        "sides=one-sided"
    };
    vec![
        "-d".into(),
        o.printer.clone(),
        "-n".into(),
        o.copies.to_string(),
        "-o".into(),
        sides.into(),
        "-t".into(),
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "gongwen".into()),
        "--".into(),
        file.display().to_string(),
    ]
}

/// Sends `file` (a PDF) to a CUPS queue; returns the job id.
pub fn print_cups(file: &Path, o: &PrintOptions) -> Result<String> {
    if o.printer.trim().is_empty() {
        return Err(Error::input("请先选择一台打印机。"));
    }
    if !(1..=99).contains(&o.copies) {
        return Err(Error::input("份数应在 1 到 99 之间。"));
    }
    let out = Command::new("lp")
        .args(lp_args(file, o))
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| {
            Error::new(
                ErrorKind::Unavailable,
                "找不到打印命令 lp，请安装 cups-client 后重试。",
                format!("lp: {e}"),
            )
        })?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(Error::new(
            ErrorKind::Unavailable,
            format!(
                "打印机“{}”没有接受打印任务，请检查打印机是否开机、联机。",
                o.printer
            ),
            format!("lp: {}", String::from_utf8_lossy(&out.stderr).trim()),
        ));
    }
    Ok(parse_job(&stdout).unwrap_or_default())
}

/// Opens `file` in the system's PDF viewer (Windows, macOS), where the clerk prints it.
pub fn open_in_viewer(file: &Path) -> Result<()> {
    let status = if cfg!(target_os = "windows") {
        Command::new("cmd")
            .args(["/C", "start", ""])
            .arg(file)
            .status()
    } else if cfg!(target_os = "macos") {
        Command::new("open").arg(file).status()
    } else {
        Command::new("xdg-open").arg(file).status()
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(Error::new(
            ErrorKind::Unavailable,
            "无法用系统的 PDF 阅读器打开文件，请先导出 PDF 再打印。",
            format!("viewer exited with {s}"),
        )),
        Err(e) => Err(Error::new(
            ErrorKind::Unavailable,
            "无法用系统的 PDF 阅读器打开文件，请先导出 PDF 再打印。",
            format!("viewer: {e}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lpstat_and_lp_output() {
        assert_eq!(parse_queues("PDF\nOffice_HP\n\n"), vec!["PDF", "Office_HP"]);
        assert_eq!(
            parse_default("system default destination: PDF\n").as_deref(),
            Some("PDF")
        );
        assert_eq!(parse_default("no system default destination\n"), None);
        assert_eq!(
            parse_job("request id is PDF-12 (1 file(s))\n").as_deref(),
            Some("PDF-12")
        );
        assert_eq!(parse_job("garbage"), None);
    }

    #[test]
    fn lp_arguments_carry_copies_and_sides() {
        let o = PrintOptions {
            printer: "PDF".into(),
            copies: 3,
            duplex: true,
        };
        let a = lp_args(Path::new("/tmp/双河镇2024年总结.pdf"), &o);
        assert_eq!(
            &a[..6],
            ["-d", "PDF", "-n", "3", "-o", "sides=two-sided-long-edge"]
        );
        assert_eq!(a[7], "双河镇2024年总结");
        assert_eq!(a.last().unwrap(), "/tmp/双河镇2024年总结.pdf");
    }

    #[test]
    fn bad_choices_get_a_chinese_message() {
        let mut o = PrintOptions {
            printer: String::new(),
            copies: 1,
            duplex: false,
        };
        assert!(print_cups(Path::new("x.pdf"), &o)
            .unwrap_err()
            .message
            .contains("打印机"));
        o.printer = "PDF".into();
        o.copies = 0;
        assert!(print_cups(Path::new("x.pdf"), &o)
            .unwrap_err()
            .message
            .contains("份数"));
    }
}
