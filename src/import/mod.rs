//! Import of a 范文: pasted text, `.txt` (UTF-8 or GB18030/GBK, detected), `.docx`, or our
//! JSON. The text is cleaned of web junk, converted to simplified characters, split into
//! title, opening, numbered sections, signature and date, and its placeholders are listed.
//!
//! Pure: nothing here touches the store. The app shows [`ImportResult::notes`] so the clerk
//! sees what was removed or changed, and stores the report as a new one (undo = discard it,
//! or, when importing over an existing report, save a named version before `Store::replace`).
//! [`import_text`] takes a paste, [`import_file`] a path (`-` = stdin), [`import_bytes`] the
//! bytes of a dropped file. Errors are [`Error`]s with a Chinese `message` (`ErrorKind::Input`
//! for anything the clerk's input caused: too long, empty, not text, not a .docx).

mod clean;
mod convert;
mod docx;
mod encoding;
mod split;
mod structure;

use crate::check::{placeholders, Placeholder};
use crate::error::{Error, Result};
use crate::model::Report;
use crate::templates;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Largest text accepted (UTF-8 bytes). A work summary is a few tens of kilobytes; a paste
/// a hundred times that is a mistake (a whole web page, a binary), refused with a message.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Largest file read (a .docx with pictures is bigger than its text).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Choices the clerk may make before importing; everything else is recognised.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Template id (report kind); guessed from the unit when absent.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub period: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A whole line of web junk removed.
    RemovedLine,
    /// Part of a line removed (a note, a bookmark artefact).
    RemovedText,
    /// Traditional characters converted to simplified.
    Converted,
    /// Pinyin annotations removed.
    PinyinRemoved,
    /// Lines broken inside a sentence joined.
    Joined,
    /// Run-together text split.
    Split,
    /// A blank where a number belongs turned into a field.
    Gap,
    /// Headings put on the level their position gives them.
    Renumbered,
    Title,
    Date,
    /// The encoding the file was read in.
    Encoding,
}

/// One thing import did to the text, for the clerk to see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportNote {
    pub kind: NoteKind,
    /// What was done, in Chinese.
    pub message: String,
    /// The text concerned (what was removed), when there is one.
    #[serde(default)]
    pub text: String,
}

impl ImportNote {
    pub fn new(kind: NoteKind, message: impl Into<String>, text: &str) -> ImportNote {
        ImportNote {
            kind,
            message: message.into(),
            text: text.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    pub report: Report,
    pub notes: Vec<ImportNote>,
    pub placeholders: Vec<Placeholder>,
    /// `text`, `docx` or `json`.
    pub format: String,
    /// The encoding a text file was read in (`UTF-8`, `gb18030` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Imports pasted text.
pub fn import_text(text: &str, opts: &ImportOptions) -> Result<ImportResult> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_long(text.len()));
    }
    if text.trim().is_empty() {
        return Err(Error::input("没有可导入的内容：粘贴的文字是空的。"));
    }
    if text.trim_start().starts_with('{') {
        return import_json(text, opts);
    }
    let mut notes = Vec::new();
    let lines = text_to_lines(text, &mut notes);
    let parts = structure::build(&lines, &mut notes);
    let has_content = !parts.opening.is_empty() || !parts.sections.is_empty();
    if !has_content && parts.title.is_empty() {
        return Err(Error::input(
            "没有可导入的内容：除去网页上的多余文字后什么也没剩下。",
        ));
    }
    let report = assemble(parts, opts)?;
    let placeholders = placeholders(&report);
    Ok(ImportResult {
        report,
        notes,
        placeholders,
        format: "text".into(),
        encoding: None,
    })
}

fn too_long(bytes: usize) -> Error {
    Error::new(
        crate::error::ErrorKind::Input,
        format!(
            "内容太长（{:.1} MB），不像是一份工作总结（上限 {} MB）；请只复制范文的正文再导入。",
            bytes as f64 / 1_048_576.0,
            MAX_TEXT_BYTES / 1_048_576
        ),
        format!("input of {bytes} bytes exceeds {MAX_TEXT_BYTES}"),
    )
}

/// Imports the bytes of a file; `name` (the file name) decides between .docx, .json and text
/// only when the content does not tell by itself.
pub fn import_bytes(bytes: &[u8], name: &str, opts: &ImportOptions) -> Result<ImportResult> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input("文件是空的，没有可导入的内容。"));
    }
    let lower = name.to_lowercase();
    let wants_docx = lower.ends_with(".docx") || lower.ends_with(".doc") || lower.ends_with(".wps");
    if docx::is_zip(bytes) || docx::is_ole(bytes) || wants_docx {
        let text = docx::text_of_docx(bytes)?;
        let mut r = import_text(&text, opts).map_err(|e| {
            if e.message.contains("空") {
                Error::input("这个 Word 文档里没有文字，没有可导入的内容。")
            } else {
                e
            }
        })?;
        r.format = "docx".into();
        return Ok(r);
    }
    if bytes.len() > MAX_TEXT_BYTES * 2 {
        return Err(too_long(bytes.len()));
    }
    if lower.ends_with(".json") {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::input("文件不是 UTF-8 编码的公文写作台 JSON 文件。"))?;
        return import_json(text, opts);
    }
    let (text, enc) = encoding::decode(bytes)?;
    let mut r = import_text(&text, opts)?;
    if r.format == "text" && enc != "UTF-8" {
        r.notes.insert(
            0,
            ImportNote::new(NoteKind::Encoding, format!("文件是 {enc} 编码，已转换"), ""),
        );
    }
    r.encoding = Some(enc.to_string());
    Ok(r)
}

/// Imports a file (`-` reads standard input).
pub fn import_file(path: &Path, opts: &ImportOptions) -> Result<ImportResult> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("读取标准输入", path, &e))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| Error::io("读取文件", path, &e))?;
        f.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("读取文件", path, &e))?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_long(bytes.len()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_bytes(&bytes, &name, opts)
}

/// Our JSON exchange format (what `show --json` prints).
fn import_json(text: &str, opts: &ImportOptions) -> Result<ImportResult> {
    let r: Report = serde_json::from_str(text).map_err(|e| {
        Error::input(format!(
            "内容不是公文写作台的 JSON 格式（第 {} 行第 {} 列有误）。",
            e.line(),
            e.column()
        ))
    })?;
    from_report(r, opts, "json", None)
}

fn from_report(
    mut r: Report,
    opts: &ImportOptions,
    format: &str,
    encoding: Option<String>,
) -> Result<ImportResult> {
    r.id = None;
    apply_options(&mut r, opts)?;
    r.validate()
        .map_err(|m| Error::input(format!("导入的报告有误：{m}。")))?;
    Ok(ImportResult {
        placeholders: placeholders(&r),
        report: r,
        notes: Vec::new(),
        format: format.into(),
        encoding,
    })
}

/// Cleaning and line structure: everything before the report's parts are recognised.
fn text_to_lines(text: &str, notes: &mut Vec<ImportNote>) -> Vec<String> {
    let text = clean::normalise_newlines(text);
    let (text, pinyin) = convert::strip_pinyin(&text);
    if pinyin > 0 {
        notes.push(ImportNote::new(
            NoteKind::PinyinRemoved,
            format!("删除了{pinyin}处字后的拼音注音"),
            "",
        ));
    }
    let mut converted = 0;
    let mut lines: Vec<String> = Vec::new();
    let mut tail = false;
    let total = text.lines().count();
    for (i, raw) in text.lines().enumerate() {
        let line = match convert::to_simplified(raw) {
            Some(s) => {
                converted += 1;
                s
            }
            None => raw.to_string(),
        };
        let line = clean::strip_artefacts(&line, notes);
        if tail {
            if !line.trim().is_empty() {
                notes.push(ImportNote::new(
                    NoteKind::RemovedLine,
                    "删除了网页末尾的推荐区",
                    line.trim(),
                ));
            }
            continue;
        }
        if clean::is_tail_marker(&line) && i * 2 >= total {
            notes.push(ImportNote::new(
                NoteKind::RemovedLine,
                "删除了网页末尾的推荐区",
                line.trim(),
            ));
            tail = true;
            continue;
        }
        if let Some(why) = clean::junk_reason(&line) {
            notes.push(ImportNote::new(
                NoteKind::RemovedLine,
                format!("删除了{why}"),
                line.trim(),
            ));
            continue;
        }
        lines.push(clean::normalise_spaces(&line, notes));
    }
    if converted > 0 {
        notes.push(ImportNote::new(
            NoteKind::Converted,
            format!("把{converted}行繁体字转换成了简体字"),
            "",
        ));
    }
    split::split_title(&mut lines, notes);
    let lines: Vec<String> = lines
        .iter()
        .map(|l| clean::strip_note_tokens(l, notes))
        .collect();
    let lines = split::join_broken_lines(lines, notes);
    let mut lines = split::split_inline_headings(lines, notes);
    split::split_tail(&mut lines, notes);
    lines
}

/// This year on the local calendar.
fn current_year() -> i32 {
    i32::from(jiff::Zoned::now().year())
}

/// Year, unit and period read from the title: `双溪乡2017年上半年政务公开工作总结`.
fn meta_from_title(title: &str) -> (Option<i32>, String, Option<String>) {
    let c: Vec<char> = title.chars().collect();
    let mut year = None;
    let mut unit = String::new();
    for i in 0..c.len().saturating_sub(4) {
        let digits = c[i..i + 4].iter().all(|d| d.is_ascii_digit());
        let lead_ok = i == 0 || !c[i - 1].is_ascii_digit();
        if digits && lead_ok && c[i + 4] == '年' {
            year = c[i..i + 4].iter().collect::<String>().parse().ok();
            unit = c[..i].iter().collect();
            break;
        }
    }
    let period = [
        "上半年",
        "下半年",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
        "前三季度",
    ]
    .iter()
    .find(|p| title.contains(*p))
    .map(|p| p.to_string());
    (year, unit.trim().to_string(), period)
}

fn assemble(parts: structure::Parts, opts: &ImportOptions) -> Result<Report> {
    let (title_year, title_unit, period) = meta_from_title(&parts.title);
    let year = title_year
        .or(parts.date.map(|d| d.year))
        .filter(|y| (1900..=2200).contains(y))
        .unwrap_or_else(current_year);
    let unit = if !title_unit.is_empty() && title_unit.chars().count() <= 20 {
        title_unit
    } else {
        parts.signature.clone()
    };
    let mut r = Report::new("", &unit, year, period.as_deref().unwrap_or("年度"));
    r.title = parts.title;
    r.opening = parts.opening;
    r.sections = parts.sections;
    r.attachments = parts.attachments;
    r.signature = parts.signature;
    r.date = parts.date;
    r.kind = guess_kind(&r.unit, &r.title);
    apply_options(&mut r, opts)?;
    r.validate()
        .map_err(|m| Error::input(format!("导入的内容有误：{m}。")))?;
    Ok(r)
}

fn guess_kind(unit: &str, title: &str) -> String {
    let township = ["乡", "镇", "街道"].iter().any(|w| unit.contains(w));
    if title.contains("政务公开") || title.contains("信息公开") {
        if township {
            "township-zwgk".into()
        } else {
            "county-dept-zwgk".into()
        }
    } else {
        String::new()
    }
}

fn apply_options(r: &mut Report, opts: &ImportOptions) -> Result<()> {
    if let Some(k) = opts.kind.as_deref().filter(|k| !k.trim().is_empty()) {
        r.kind = templates::get(k.trim())?.id;
    }
    if let Some(u) = opts
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        r.unit = u.to_string();
        if r.signature.is_empty() {
            r.signature = u.to_string();
        }
    }
    if let Some(y) = opts.year {
        if !(1900..=2200).contains(&y) {
            return Err(Error::input(format!("年份 {y} 不在 1900—2200 之间。")));
        }
        r.year = y;
    }
    if let Some(p) = opts
        .period
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        r.period = p.to_string();
    }
    Ok(())
}
