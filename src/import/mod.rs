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
mod kind;
mod lines;
mod markdown;
mod normalise;
mod split;
mod structure;
mod tables;

pub use kind::InputKind;
pub use lines::{Line, Role};

use crate::check::{placeholders, Placeholder};
use crate::error::{Error, Result};
use crate::model::Report;
use crate::templates;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Largest text accepted (UTF-8 bytes). A work summary is a few tens of kilobytes; a paste
/// a hundred times that is a mistake (a whole web page, a binary), refused with a message.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Largest file read (a .docx with pictures is bigger than its text).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Choices the clerk may make before importing; everything else is recognised.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
// Every field may be left out (serde default), so in TypeScript too.
#[ts(optional_fields)]
pub struct ImportOptions {
    /// Template id (report kind); guessed from the unit when absent.
    #[serde(default)]
    pub kind: Option<String>,
    /// The unit (单位) to write the report for; also the signature when none was found.
    #[serde(default)]
    pub unit: Option<String>,
    /// The year the report is about; `ErrorKind::Input` outside 1900–2200.
    #[serde(default)]
    pub year: Option<i32>,
    /// The period, e.g. `上半年`; empty means the whole year.
    #[serde(default)]
    pub period: Option<String>,
}

/// What kind of change an [`ImportNote`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    /// No title was found; the clerk is asked to add one.
    Title,
    /// A 成文日期 was found but is not a valid date, so it was not imported.
    Date,
    /// The encoding the file was read in.
    Encoding,
    /// Half-width punctuation in Chinese text made full-width.
    Punctuation,
    /// Markdown syntax removed.
    Markdown,
    /// The kind of input recognised.
    Kind,
    /// A table pasted as plain text (one cell per line) kept together.
    Table,
    /// A part of the document recognised (subtitle, addressee, note, attachments …).
    Part,
}

/// The named stages of the import, in order; every note and every removed piece of text says
/// which stage it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Bytes → text (encoding; a .docx's paragraphs and automatic numbers).
    #[default]
    Decode,
    /// Characters: pinyin, traditional, punctuation, page markers.
    Normalise,
    /// Markdown, web page or plain text.
    Kind,
    /// Web-page chrome and 范文-site junk removed line by line.
    Chrome,
    /// Lines split and joined, spaces inside Chinese text removed.
    Lines,
    /// Title block, subtitle, addressee, headings, tables, attachments, signature, date, note.
    Blocks,
    /// The section tree.
    Tree,
}

impl Stage {
    /// Every stage, in the order they run.
    pub const ALL: [Stage; 7] = [
        Stage::Decode,
        Stage::Normalise,
        Stage::Kind,
        Stage::Chrome,
        Stage::Lines,
        Stage::Blocks,
        Stage::Tree,
    ];

    /// The Chinese name of the stage, e.g. `识别各部分`.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Decode => "读取",
            Stage::Normalise => "文字规范",
            Stage::Kind => "识别类型",
            Stage::Chrome => "去除网页杂项",
            Stage::Lines => "分行与空格",
            Stage::Blocks => "识别各部分",
            Stage::Tree => "建立层级",
        }
    }
}

/// Text the import took out of the input, with the reason. `restorable` text is content the
/// clerk may want back (a line judged to be web junk); the rest is syntax the report shows in
/// another form (a heading number, which is derived from position; Markdown marks; the date as
/// written, which became the 成文日期 field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Removed {
    /// The text taken out, trimmed.
    pub text: String,
    /// Why, in Chinese.
    pub reason: String,
    /// The stage that took it out.
    pub stage: Stage,
    /// Content the clerk may want back (a line judged to be web junk), rather than syntax the
    /// report shows in another form.
    pub restorable: bool,
}

/// What the import proposes for what it cannot know for sure; the clerk confirms or changes
/// it before accepting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Proposal {
    /// Template id: `annual-disclosure` for a title naming a 政府信息公开工作年度报告, else
    /// `township-zwgk` for a 乡/镇/街道 unit, `county-dept-zwgk` otherwise.
    pub kind: String,
    /// Why that kind, in Chinese.
    pub kind_reason: String,
    /// The unit as read from the title or the signature (may be empty).
    pub unit: String,
    /// The year the report is about: from the title, else the year most written in the text,
    /// else the date's.
    pub year: Option<i32>,
    /// A title that names the unit and the year (the imported title when it already does).
    pub title: String,
}

/// What the stages record while they run.
#[derive(Debug, Default)]
pub struct Log {
    /// The notes so far, in the order they were made.
    pub notes: Vec<ImportNote>,
    /// The text removed so far.
    pub removed: Vec<Removed>,
    /// Text inserted that was not in the input (a `____` field where a blank stood).
    pub inserted: Vec<String>,
    /// The stage now running; notes and removals are tagged with it.
    pub stage: Stage,
    /// The headings the Markdown syntax marked (`#` … `######`), in document order: the depth
    /// (1 for `#`) and the heading's text as the Markdown stage wrote its line. Stage "blocks"
    /// gives a heading without a typed number its level from this depth.
    pub markdown_headings: Vec<(u8, String)>,
}

impl Log {
    /// Records a note of `kind` with a Chinese `message` about `text`, tagged with the current stage.
    pub fn note(&mut self, kind: NoteKind, message: impl Into<String>, text: &str) {
        let mut n = ImportNote::new(kind, message, text);
        n.stage = self.stage;
        self.notes.push(n);
    }

    /// Records removed text (nothing when it is only whitespace).
    pub fn removed(&mut self, text: &str, reason: impl Into<String>, restorable: bool) {
        if text.trim().is_empty() {
            return;
        }
        self.removed.push(Removed {
            text: text.trim().to_string(),
            reason: reason.into(),
            stage: self.stage,
            restorable,
        });
    }
}

/// One thing import did to the text, for the clerk to see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportNote {
    /// What kind of change it was.
    pub kind: NoteKind,
    /// What was done, in Chinese.
    pub message: String,
    /// The text concerned (what was removed), when there is one.
    #[serde(default)]
    pub text: String,
    /// The stage that made it.
    #[serde(default)]
    pub stage: Stage,
}

impl ImportNote {
    /// A note of `kind`; the stage is `Stage::Decode` until the caller sets it.
    pub fn new(kind: NoteKind, message: impl Into<String>, text: &str) -> ImportNote {
        ImportNote {
            kind,
            message: message.into(),
            text: text.to_string(),
            stage: Stage::Decode,
        }
    }
}

/// What an import produced: the report to confirm, what was done to the text, the placeholders
/// left to fill, what was removed or inserted, and a proposal for kind, year and title. Nothing
/// is stored: the caller saves the report once the clerk accepts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportResult {
    /// The imported report.
    pub report: Report,
    /// Every change the import made to the text, for the clerk to review.
    pub notes: Vec<ImportNote>,
    /// The 范文 fields still to fill in the report (as found by the checks).
    pub placeholders: Vec<Placeholder>,
    /// `text`, `docx` or `json`.
    pub format: String,
    /// The encoding a text file was read in (`UTF-8`, `gb18030` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Every piece of input text that is not in the report, with its reason and stage: the
    /// clerk can restore a `restorable` one before accepting.
    #[serde(default)]
    pub removed: Vec<Removed>,
    /// Text the import put in that the input did not have (a `____` field for a blank).
    #[serde(default)]
    pub inserted: Vec<String>,
    /// Markdown, web page or plain text (`None` for .json).
    #[serde(default)]
    pub input_kind: Option<InputKind>,
    /// Report kind, year and title proposed for the clerk to confirm.
    #[serde(default)]
    pub proposal: Proposal,
    /// The document as recognised, line by line with its role, removed junk lines included,
    /// in the order of the input (empty for .json): what the preview shows and the clerk
    /// edits before [`rebuild`].
    #[serde(default)]
    pub lines: Vec<Line>,
}

/// Imports pasted text through the stages: normalise → kind → (Markdown) → chrome → lines →
/// blocks → tree. Errors: `ErrorKind::Input` when the text is empty, too long, or nothing is
/// left after the junk is removed.
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
    let mut log = Log::default();
    let normal = normalised(text, &mut log);
    let (kind, lines) = text_to_lines(&normal, &mut log);
    log.stage = Stage::Blocks;
    let parts = structure::build(&lines, &mut log);
    let has_content = !parts.opening.is_empty() || !parts.sections.is_empty();
    if !has_content && parts.title.is_empty() {
        return Err(Error::input(
            "没有可导入的内容：除去网页上的多余文字后什么也没剩下。",
        ));
    }
    log.stage = Stage::Tree;
    let (report, proposal) = assemble(parts, &normal, opts)?;
    let placeholders = placeholders(&report);
    let lines = lines::from_report(&report, &log.removed, &normal);
    Ok(ImportResult {
        report,
        notes: log.notes,
        placeholders,
        format: "text".into(),
        encoding: None,
        removed: log.removed,
        inserted: log.inserted,
        input_kind: Some(kind),
        proposal,
        lines,
    })
}

/// The report built from lines with roles, as the clerk corrected them in the import
/// preview: by the roles alone, nothing guessed again (a heading more than one level below
/// the heading above it is put one level below it). `Role::Removed` lines are listed in
/// `removed`; the proposal is made afresh from the rebuilt title and signature. Errors:
/// `ErrorKind::Input` when no line is left but removed ones, or the result is invalid
/// (a date that does not exist).
pub fn rebuild(lines: &[Line], opts: &ImportOptions) -> Result<ImportResult> {
    let parts = lines::to_parts(lines);
    if parts.title.is_empty() && parts.opening.is_empty() && parts.sections.is_empty() {
        return Err(Error::input(
            "没有可导入的内容：所有的行都被标为“已删除”，请至少保留标题或正文。",
        ));
    }
    let text: String = lines
        .iter()
        .filter(|l| l.role != Role::Removed)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (report, proposal) = assemble(parts, &text, opts)?;
    let removed = lines
        .iter()
        .filter(|l| l.role == Role::Removed)
        .map(|l| Removed {
            text: l.text.clone(),
            reason: l.reason.clone(),
            stage: l.stage,
            restorable: true,
        })
        .collect();
    Ok(ImportResult {
        placeholders: placeholders(&report),
        report,
        notes: Vec::new(),
        format: "text".into(),
        encoding: None,
        removed,
        inserted: Vec::new(),
        input_kind: None,
        proposal,
        lines: lines.to_vec(),
    })
}

/// Stage "normalise characters" on its own: the text every later stage starts from (what the
/// import accounts for: every non-space character of it ends up in the report, in
/// [`ImportResult::removed`], or is one of the characters of [`ImportResult::inserted`]).
pub fn normalised(text: &str, log: &mut Log) -> String {
    log.stage = Stage::Normalise;
    normalise::run(text, log)
}

/// Stages "kind", "chrome" and "lines": the normalised text → the cleaned lines.
pub fn text_to_lines(normal: &str, log: &mut Log) -> (InputKind, Vec<String>) {
    log.stage = Stage::Kind;
    let chrome = normal
        .split('\n')
        .filter(|l| clean::junk_reason(l).is_some())
        .count();
    let kind = kind::detect(normal, chrome);
    log.note(NoteKind::Kind, format!("识别为{}", kind.label()), "");
    let lines: Vec<String> = if kind == InputKind::Markdown {
        markdown::to_lines(normal, log)
    } else {
        normal.split('\n').map(String::from).collect()
    };
    log.stage = Stage::Chrome;
    let lines = clean::run(lines, log);
    log.stage = Stage::Lines;
    (kind, split::run(lines, log))
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
        // Our own values (the page-number style) explain themselves in Chinese; say so.
        let said = e.to_string();
        let said = said.split(" at line ").next().unwrap_or("");
        let detail = if said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            format!("：{said}")
        } else {
            String::new()
        };
        Error::input(format!(
            "内容不是公文写作台的 JSON 格式（第 {} 行第 {} 列有误）{detail}。",
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
        removed: Vec::new(),
        inserted: Vec::new(),
        input_kind: None,
        proposal: Proposal::default(),
        lines: Vec::new(),
    })
}

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

/// `白河乡人民政府` → `白河乡`: the unit as a title names it.
fn short_unit(organ: &str) -> String {
    let first = organ.split('\u{3000}').next_back().unwrap_or(organ);
    for tail in ["人民政府", "政府", "办事处"] {
        if let Some(u) = first.strip_suffix(tail) {
            if !u.is_empty() {
                return u.to_string();
            }
        }
    }
    first.to_string()
}

/// The year most often written `20xx年` in the text.
fn year_in_text(text: &str) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    let c: Vec<char> = text.chars().collect();
    for i in 0..c.len().saturating_sub(4) {
        let lead_ok = i == 0 || !c[i - 1].is_ascii_digit();
        if lead_ok && c[i..i + 4].iter().all(|d| d.is_ascii_digit()) && c[i + 4] == '年' {
            if let Ok(y) = c[i..i + 4].iter().collect::<String>().parse::<i32>() {
                if crate::model::YEARS.contains(&y) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, -*y))
        .map(|(y, _)| y)
}

/// Report kind proposed from the unit: a 乡/镇/街道 gets the township template.
pub fn propose_kind(unit: &str) -> (String, String) {
    let township = ["乡", "镇", "街道"].iter().find(|w| unit.contains(*w));
    match township {
        Some(w) => (
            "township-zwgk".into(),
            format!("单位“{unit}”是{w}，建议用乡镇模板"),
        ),
        None if unit.is_empty() => (
            "township-zwgk".into(),
            "没有认出单位，先用乡镇模板，可在基本信息中更改".into(),
        ),
        None => (
            "county-dept-zwgk".into(),
            format!("单位“{unit}”不是乡镇，建议用县直部门模板"),
        ),
    }
}

fn assemble(
    parts: structure::Parts,
    text: &str,
    opts: &ImportOptions,
) -> Result<(Report, Proposal)> {
    let (title_year, title_unit, period) = meta_from_title(&parts.title);
    let year = title_year
        .or_else(|| year_in_text(text))
        .or(parts.date.map(|d| d.year))
        .filter(|y| crate::model::YEARS.contains(y));
    let title_unit = title_unit
        .split("关于")
        .next()
        .unwrap_or_default()
        .to_string();
    let unit = if !title_unit.is_empty() && title_unit.chars().count() <= 20 {
        title_unit.clone()
    } else if !parts.signature.is_empty() {
        short_unit(&parts.signature)
    } else {
        String::new()
    };
    let (kind, kind_reason) = if is_annual_disclosure(&parts.title) {
        (
            templates::disclosure::KIND.to_string(),
            "标题是政府信息公开工作年度报告，建议用年度报告模板（含三张法定统计表）".to_string(),
        )
    } else {
        propose_kind(&unit)
    };
    let mut r = Report::new(
        "",
        &unit,
        year.unwrap_or_else(current_year),
        period.as_deref().unwrap_or("年度"),
    );
    let proposed_title = if parts.title.is_empty()
        || (!unit.is_empty() && !parts.title.contains(&unit) && !parts.title.contains("关于"))
    {
        let subject = parts
            .title
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度')
            .to_string();
        let subject = if subject.is_empty() {
            "政务公开工作总结".to_string()
        } else {
            subject
        };
        r.proposed_title(&subject)
    } else {
        parts.title.clone()
    };
    r.title = parts.title;
    r.subtitle = parts.subtitle;
    r.addressee = parts.addressee;
    r.opening = parts.opening;
    r.sections = parts.sections;
    r.attachments = parts.attachments.into_iter().map(Into::into).collect();
    r.signature = parts.signature;
    r.date = parts.date;
    r.note = parts.note;
    r.kind = guess_kind(&r.unit, &r.title);
    apply_options(&mut r, opts)?;
    r.validate()
        .map_err(|m| Error::input(format!("导入的内容有误：{m}。")))?;
    let proposal = Proposal {
        kind,
        kind_reason,
        unit,
        year,
        title: proposed_title,
    };
    Ok((r, proposal))
}

/// Whether a title names a 政府信息公开工作年度报告 (`…政府信息公开工作年度报告`,
/// `…政府信息公开2024年度报告`).
fn is_annual_disclosure(title: &str) -> bool {
    title.contains("信息公开") && title.contains("年度报告")
}

fn guess_kind(unit: &str, title: &str) -> String {
    let township = ["乡", "镇", "街道"].iter().any(|w| unit.contains(w));
    if is_annual_disclosure(title) {
        templates::disclosure::KIND.into()
    } else if title.contains("政务公开") || title.contains("信息公开") {
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
        if !crate::model::YEARS.contains(&y) {
            return Err(Error::input(format!(
                "{}。",
                crate::model::year_out_of_range(y)
            )));
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
