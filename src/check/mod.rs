//! Checks before export (质检): each finding has a location the app can jump to, a Chinese
//! explanation, and a one-click fix where one is safe. Fixes carry the text they expect to
//! change, so a fix made stale by an edit is refused instead of damaging the text.
//!
//! Heading numbers are derived from position, so a numbering "jump" can only come from
//! numbers typed into the text; those are what the numbering checks look at.
//!
//! For the app (all values serde): [`run`] → `Vec<Finding>` (show `message` at `location`;
//! [`Location::describe`] gives `一、（二）第1段`); a finding with a `fix` gets a button that
//! calls [`apply_fix`] (or [`apply_fixes`] for "fix all of this kind"), then run the checks
//! again. [`count`] gives the totals; export with `errors > 0` asks for confirmation.
//! Fields: [`placeholders`] lists them (`location` + char offsets `start..end`), and
//! [`fill_placeholder`] rewrites exactly one; list again after each fill, since a fill
//! shifts the offsets of later fields in the same paragraph (a stale one is refused).
//! The word list comes from `Store::word_list` (or [`WordList::builtin`] without a store).
//! The statutory tables of the 政府信息公开工作年度报告 are checked cell by cell (`table-sum`,
//! `table-text`, and `table-cross-year` with last year's report passed to
//! [`run_with_last_year`]); findings about a cell are at [`Location::TableCell`], and
//! [`fill_totals`] computes the tables' totals on request.

mod charset;
mod dates;
mod formal;
mod keep;
mod level;
mod location;
mod placeholders;
mod punctuation;
mod repeats;
mod structure;
mod tables;

pub use crate::model::{WordEntry, WordList};
pub use location::Location;
pub use placeholders::{fill_placeholder, placeholders, Placeholder, PlaceholderKind};
pub use tables::fill_totals;

use crate::error::{Error, Result};
use crate::model::Report;
use location::{replace_chars, section_at_mut, slice_chars, text_at, text_at_mut};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How serious a finding is; the order is `Error < Warning < Info`, so sorting puts errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be dealt with before the report goes upward; exporting asks for confirmation.
    Error,
    /// Probably wrong and worth a look (a wrong word, a date in the wrong form, a typed number);
    /// export goes ahead without asking.
    Warning,
    /// A hint only: nothing is wrong in what gongwen itself produces (e.g. characters outside
    /// GB2312, which matter only to the recipient's fonts).
    Info,
}

impl Severity {
    /// The Chinese label shown to the clerk: `错误`, `提醒` or `提示`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
            Severity::Info => "提示",
        }
    }
}

/// Finding codes (stable, for the app and tests).
pub mod codes {
    /// A 范文 placeholder still in the text (`X条`, `（具体数字）`, a blank gap); an error.
    pub const PLACEHOLDER: &str = "placeholder";
    /// A section with neither heading nor content (can be deleted), or a heading with nothing below it.
    pub const EMPTY_SECTION: &str = "empty_section";
    /// A section that has content or subsections but no heading text.
    pub const EMPTY_HEADING: &str = "empty_heading";
    /// The title is empty.
    pub const MISSING_TITLE: &str = "missing_title";
    /// The 发文机关署名 (signing unit, GB/T 9704-2012 §7.3.5) is empty.
    pub const MISSING_SIGNATURE: &str = "missing_signature";
    /// The 成文日期 (GB/T 9704-2012 §7.3.5) is not set.
    pub const MISSING_DATE: &str = "missing_date";
    /// A heading that starts with a number typed by hand (`一、`, `（二）`); the exporters number
    /// headings themselves, so it would appear twice.
    pub const TYPED_NUMBER: &str = "typed_number";
    /// Numbers typed at the head of consecutive paragraphs, or an enumeration in the text, skip or
    /// repeat an item.
    pub const NUMBERING_GAP: &str = "numbering_gap";
    /// Sections nested deeper than the four heading levels `一、（一）1.（1）` (GB/T 9704-2012 §7.3.3).
    pub const TOO_DEEP: &str = "too_deep";
    /// A half-width punctuation mark (`,` `;` `:` …) between Chinese characters where the full-width
    /// one belongs (GB/T 15834); comes with a fix.
    pub const HALF_WIDTH: &str = "half_width_punctuation";
    /// A quotation mark, bracket or 书名号 without its other half in the same text.
    pub const UNPAIRED: &str = "unpaired";
    /// A date in the text that does not exist (`2月30日`); an error.
    pub const INVALID_DATE: &str = "invalid_date";
    /// A valid date not written as `2024年1月5日` (Arabic numerals, no leading zeros; the form
    /// GB/T 9704-2012 §7.3.5.4 gives for 成文日期); comes with a fix.
    pub const DATE_FORMAT: &str = "date_format";
    /// A year that does not fit the report's year: in the title (an error), later than the report's
    /// year outside a next-year plan, last year's at the head of a paragraph, or a 成文日期 that is
    /// neither the report's year nor the next.
    pub const YEAR_MISMATCH: &str = "year_mismatch";
    /// A paragraph identical to an earlier one.
    pub const REPEATED: &str = "repeated_paragraph";
    /// A word from the word list's wrong → right pairs; comes with a fix.
    pub const WRONG_WORD: &str = "wrong_word";
    /// A word the word list marks as sensitive (no replacement); an error.
    pub const SENSITIVE_WORD: &str = "sensitive_word";
    /// Wording of another administrative level (`我县` in a township's report, `我镇` in a county
    /// department's), likely left over from a 范文.
    pub const OTHER_LEVEL: &str = "other_level_wording";
    /// A table pasted as plain text (cells separated by `｜`), which exports as text, not a table.
    pub const PASTED_TABLE: &str = "pasted_table";
    /// Characters outside GB2312, which the recipient's 仿宋_GB2312 / 楷体_GB2312 fonts lack in the
    /// DOCX (the PDF embeds its fonts and is not affected).
    pub const OUTSIDE_GB2312: &str = "outside_gb2312";
    /// The signing unit and date (落款) would stand on a page without body text, and neither a
    /// tighter line pitch nor carrying the last body paragraphs over can help
    /// (GB/T 9704-2012 §7.3.5); an error.
    pub const SIGNATURE_ALONE: &str = "signature_alone";
    /// The 版头 has no 发文机关标志 (GB/T 9704-2012 §7.2.4); an error.
    pub const FORMAL_HEADER: &str = "formal_header";
    /// A 发文字号 not in the `X政〔2024〕12号` form (六角括号, no `第`, no leading zero;
    /// GB/T 9704-2012 §7.2.5); an error.
    pub const DOCUMENT_NUMBER: &str = "document_number";
    /// A 报告 sent upward with a 版头 but no 签发人 (GB/T 9704-2012 §7.2.6); an error.
    pub const MISSING_SIGNER: &str = "missing_signer";
    /// A formal 报告 (it has a 版头) without a 主送机关, the superior organ it is sent to
    /// (GB/T 9704-2012 §7.3.2); a warning.
    pub const MISSING_ADDRESSEE: &str = "missing_addressee";
    /// A 抄送 item holding several organs or punctuation (the exporters separate the items
    /// with `，` and end with `。`, GB/T 9704-2012 §7.4.2).
    pub const CC_FORM: &str = "cc_form";
    /// The 版记 lacks its 印发机关 or 印发日期 (GB/T 9704-2012 §7.4.3).
    pub const FORMAL_RECORD: &str = "formal_record";
    /// The 印发日期 is before the 成文日期; an error.
    pub const PRINTED_BEFORE_DATE: &str = "printed_before_date";
    /// A sum within a statutory table of the 政府信息公开工作年度报告 that does not add up
    /// (table 三: 一 + 二 = 三（七） + 四, （七） = （一） to （六）, 总计 = 自然人 + the five
    /// 法人或其他组织 columns; table 四: each 总计 = its four results; 国办公开办函〔2021〕30号),
    /// or a cell of tables 二–四 that must hold a number and does not; an error.
    pub const TABLE_SUM: &str = "table-sum";
    /// A statutory table that does not follow on from last year's report of the same unit
    /// (this year's 上年结转 = last year's 结转下年度; 现行有效件数 = last year's + 本年制发件数
    /// − 本年废止件数); an error.
    pub const TABLE_CROSS_YEAR: &str = "table-cross-year";
    /// A number in the text that names a table quantity (`本年新收政府信息公开申请12件`) but
    /// differs from the table's cell; an error.
    pub const TABLE_TEXT: &str = "table-text";
    /// A statutory table filled in part, with number cells left blank: the 2021 format wants
    /// `0` where nothing happened, and a blank reads as not filled in; a warning (a table not
    /// filled in at all is not reported).
    pub const TABLE_BLANK: &str = "table-blank";
}

/// One problem found by [`run`]: what ([`code`](codes)), where, how serious, a Chinese message
/// and, where it is safe, a one-click [`Fix`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// How serious it is; exporting with errors asks for confirmation.
    pub severity: Severity,
    /// One of the stable [`codes`], e.g. `"half_width_punctuation"`.
    pub code: String,
    /// The text the finding is about.
    pub location: Location,
    /// Char offsets of the problem in the text at `location`, when it is a span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End of the span, a char offset (exclusive) into the text at `location`; set with `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The offending text with a little context.
    #[serde(default)]
    pub excerpt: String,
    /// Chinese explanation for the clerk.
    pub message: String,
    /// A safe correction, when one exists; apply it with [`apply_fix`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A safe one-click correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Fix {
    /// Button text, e.g. `改为“，”`.
    pub label: String,
    /// The text the fix changes (the finding's location).
    pub location: Location,
    /// What to change there.
    pub action: FixAction,
}

/// What a [`Fix`] does to the text at its location. Each action carries the text it expects, so
/// [`apply_fix`] refuses a fix an edit has made stale (`ErrorKind::Input`) instead of damaging
/// the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FixAction {
    /// Replace chars `start..end` (which must still read `expected`) with `replacement`.
    Replace {
        /// First char (not byte) offset of the span, 0-based.
        start: usize,
        /// End char offset of the span, exclusive.
        end: usize,
        /// What chars `start..end` must still read for the fix to apply.
        expected: String,
        /// The text put in their place.
        replacement: String,
    },
    /// Remove the paragraph at the location (which must still read `expected`).
    RemoveParagraph {
        /// What the paragraph must still read for the fix to apply.
        expected: String,
    },
}

impl Finding {
    pub(crate) fn new(
        severity: Severity,
        code: &str,
        location: Location,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            severity,
            code: code.to_string(),
            location,
            start: None,
            end: None,
            excerpt: String::new(),
            message: message.into(),
            fix: None,
        }
    }

    /// Sets the span and an excerpt of `text` around it.
    pub(crate) fn span(mut self, text: &str, start: usize, end: usize) -> Finding {
        self.start = Some(start);
        self.end = Some(end);
        let n = text.chars().count();
        self.excerpt =
            slice_chars(text, start.saturating_sub(8), (end + 8).min(n)).unwrap_or_default();
        self
    }

    pub(crate) fn replace_fix(
        mut self,
        text: &str,
        label: impl Into<String>,
        replacement: &str,
    ) -> Finding {
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if let Some(expected) = slice_chars(text, start, end) {
                self.fix = Some(Fix {
                    label: label.into(),
                    location: self.location.clone(),
                    action: FixAction::Replace {
                        start,
                        end,
                        expected,
                        replacement: replacement.to_string(),
                    },
                });
            }
        }
        self
    }

    /// One line for the CLI: `错误 一、（二）第1段：……`.
    pub fn display_line(&self) -> String {
        let mut s = format!(
            "{}\t{}：{}",
            self.severity.label(),
            self.location.describe(),
            self.message
        );
        if !self.excerpt.is_empty() {
            s.push_str(&format!("（…{}…）", self.excerpt));
        }
        if let Some(f) = &self.fix {
            s.push_str(&format!(" [可一键修正：{}]", f.label));
        }
        s
    }
}

/// All findings for `report`, in reading order (errors are not sorted first: the app shows
/// them where they are; use [`count`] for the totals). Without last year's report: see
/// [`run_with_last_year`].
pub fn run(report: &Report, words: &WordList) -> Vec<Finding> {
    run_with_last_year(report, words, None)
}

/// [`run`], with `last_year` = last year's report of the same unit and kind when there is one
/// (`ops::run_checks` looks it up in the store), for the `table-cross-year` checks of the
/// statutory tables.
pub fn run_with_last_year(
    report: &Report,
    words: &WordList,
    last_year: Option<&Report>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for ph in placeholders(report) {
        let f = Finding::new(
            Severity::Error,
            codes::PLACEHOLDER,
            ph.location.clone(),
            format!(
                "“{}”是范文留下的待填项（{}），请填写实际内容。",
                ph.text,
                ph.kind.label()
            ),
        );
        let text = text_at(report, &ph.location)
            .map(String::as_str)
            .unwrap_or("");
        out.push(f.span(text, ph.start, ph.end));
    }
    structure::check(report, &mut out);
    punctuation::check(report, &mut out);
    dates::check(report, &mut out);
    formal::check(report, &mut out);
    repeats::check(report, &mut out);
    level::check(report, &mut out);
    structure::pasted_tables(report, &mut out);
    charset::check(report, &mut out);
    keep::check(report, &mut out);
    tables::check(report, last_year, &mut out);
    for (loc, text) in location::texts(report) {
        for (start, end, e) in words.scan(text) {
            if e.is_sensitive() {
                let found = slice_chars(text, start, end).unwrap_or_default();
                let mut msg = format!(
                    "“{found}”是{}类敏感词，网上复制来的范文常被混入这类垃圾词：请删除，或改回原来的词",
                    e.category
                );
                if !e.note.is_empty() {
                    msg.push_str(&format!("（{}）", e.note));
                }
                msg.push('。');
                out.push(
                    Finding::new(Severity::Error, codes::SENSITIVE_WORD, loc.clone(), msg)
                        .span(text, start, end),
                );
                continue;
            }
            let (wrong, right) = match e.wrong.strip_suffix(crate::model::NUMBER_TOKEN) {
                Some(stem) => (
                    stem.to_string(),
                    e.right
                        .trim_end_matches(crate::model::NUMBER_TOKEN)
                        .to_string(),
                ),
                None => (e.wrong.clone(), e.right.clone()),
            };
            let e = &WordEntry {
                wrong,
                right,
                ..e.clone()
            };
            let mut msg = format!("“{}”应为“{}”", e.wrong, e.right);
            if !e.note.is_empty() {
                msg.push_str(&format!("（{}）", e.note));
            }
            msg.push('。');
            out.push(
                Finding::new(Severity::Warning, codes::WRONG_WORD, loc.clone(), msg)
                    .span(text, start, end)
                    .replace_fix(text, format!("改为“{}”", e.right), &e.right),
            );
        }
    }
    // Reading order: the order of the texts, then the position inside the text.
    let order: std::collections::HashMap<Location, usize> = location::texts(report)
        .into_iter()
        .enumerate()
        .map(|(i, (l, _))| (l, i))
        .collect();
    let rank = |l: &Location| match l {
        Location::Report => 0,
        Location::Date => usize::MAX,
        // A table's cells come right after the text before the table (its section's
        // heading or an earlier paragraph), row by row.
        Location::TableCell { path, index, .. } => (0..*index)
            .rev()
            .map(|j| Location::Paragraph {
                path: path.clone(),
                index: j,
            })
            .chain([Location::Heading { path: path.clone() }])
            .find_map(|l| order.get(&l))
            .map(|i| i + 1)
            .unwrap_or(usize::MAX - 1),
        other => order.get(other).map(|i| i + 1).unwrap_or(usize::MAX - 1),
    };
    let within = |l: &Location| match l {
        Location::TableCell { row, cell, .. } => (1, *row, *cell),
        _ => (0, 0, 0),
    };
    out.sort_by_key(|f| (rank(&f.location), within(&f.location), f.start.unwrap_or(0)));
    out
}

/// Numbers of errors, warnings and infos.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Findings of severity `Error`.
    pub errors: usize,
    /// Findings of severity `Warning`.
    pub warnings: usize,
    /// Findings of severity `Info`.
    pub infos: usize,
}

/// Counts `findings` by severity.
pub fn count(findings: &[Finding]) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        match f.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    }
    c
}

fn stale() -> Error {
    Error::input("这处文字已经改动，无法自动修正；请重新质检后再试。")
}

/// Applies one fix. Refused (nothing changed) when the text no longer reads what the fix
/// expects.
pub fn apply_fix(report: &mut Report, fix: &Fix) -> Result<()> {
    match &fix.action {
        FixAction::Replace {
            start,
            end,
            expected,
            replacement,
        } => {
            let text = text_at(report, &fix.location).ok_or_else(stale)?;
            if slice_chars(text, *start, *end).as_deref() != Some(expected.as_str()) {
                return Err(stale());
            }
            let new = replace_chars(text, *start, *end, replacement).ok_or_else(stale)?;
            *text_at_mut(report, &fix.location).ok_or_else(stale)? = new;
            Ok(())
        }
        FixAction::RemoveParagraph { expected } => {
            match &fix.location {
                Location::Opening { index } => {
                    let list = &mut report.opening;
                    if list.get(*index) != Some(expected) {
                        return Err(stale());
                    }
                    list.remove(*index);
                }
                Location::Paragraph { path, index } => {
                    let list = &mut section_at_mut(report, path).ok_or_else(stale)?.paragraphs;
                    if list.get(*index).and_then(|p| p.text()) != Some(expected.as_str()) {
                        return Err(stale());
                    }
                    list.remove(*index);
                }
                _ => return Err(stale()),
            }
            Ok(())
        }
    }
}

/// Applies several fixes at once (e.g. "fix all half-width punctuation"): later spans first so
/// earlier offsets stay valid; overlapping or stale fixes are skipped. Returns how many were
/// applied.
pub fn apply_fixes(report: &mut Report, fixes: &[Fix]) -> usize {
    let mut replaces: Vec<&Fix> = fixes
        .iter()
        .filter(|f| matches!(f.action, FixAction::Replace { .. }))
        .collect();
    let start_of = |f: &Fix| match f.action {
        FixAction::Replace { start, end, .. } => (start, end),
        FixAction::RemoveParagraph { .. } => (0, 0),
    };
    replaces.sort_by_key(|f| (f.location.clone(), start_of(f)));
    let mut applied = 0;
    let mut last: Option<(Location, usize)> = None;
    for f in replaces.into_iter().rev() {
        let (s, e) = start_of(f);
        if let Some((loc, from)) = &last {
            if *loc == f.location && e > *from {
                continue; // overlaps a fix already applied
            }
        }
        if apply_fix(report, f).is_ok() {
            applied += 1;
            last = Some((f.location.clone(), s));
        }
    }
    let mut removes: Vec<&Fix> = fixes
        .iter()
        .filter(|f| matches!(f.action, FixAction::RemoveParagraph { .. }))
        .collect();
    removes.sort_by(|a, b| a.location.cmp(&b.location));
    for f in removes.into_iter().rev() {
        if apply_fix(report, f).is_ok() {
            applied += 1;
        }
    }
    applied
}
