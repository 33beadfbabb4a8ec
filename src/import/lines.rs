//! The recognised document as lines with roles, and the report rebuilt from such lines.
//!
//! The import preview shows [`ImportResult::lines`](super::ImportResult::lines): every line
//! the import kept, with the part it became, and every line it removed as junk, in the order
//! of the input. The clerk changes a line's role, restores a removed line or splits a heading
//! from its body; [`rebuild`](super::rebuild) then builds the report from the edited lines by
//! their roles alone, without guessing again, so the preview's tree is always the core's.

use super::structure::Parts;
use super::{Removed, Stage};
use crate::model::{Date, Item, Report, Section, MAX_LEVEL};
use crate::text::find_dates;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a line is in the document (GB/T 9704-2012 §7.3 names the parts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 标题 (several title lines are joined into one title).
    Title,
    /// 副标题.
    Subtitle,
    /// 主送机关 (written without the trailing `：`).
    Addressee,
    /// 导语: text before the first heading.
    Opening,
    /// A heading; its level is [`Line::level`] (1–4).
    Heading,
    /// Text under the heading above it.
    Body,
    /// A table: pasted as text, its cells separated by `｜`, or a statutory table of an annual
    /// report rebuilt by the import (its cells in reading order, blank ones included,
    /// separated by `｜`).
    Table,
    /// One attachment name (附件说明), without its number.
    Attachment,
    /// 发文机关署名 (several lines make a joint signature).
    Signature,
    /// 成文日期, as written.
    Date,
    /// 附注.
    Note,
    /// Removed as junk; [`Line::reason`] says why.
    Removed,
}

impl Role {
    /// Every role, in the order the parts stand in a document.
    pub const ALL: [Role; 12] = [
        Role::Title,
        Role::Subtitle,
        Role::Addressee,
        Role::Opening,
        Role::Heading,
        Role::Body,
        Role::Table,
        Role::Attachment,
        Role::Signature,
        Role::Date,
        Role::Note,
        Role::Removed,
    ];

    /// The Chinese name the preview shows.
    pub fn label(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Subtitle => "副标题",
            Role::Addressee => "主送机关",
            Role::Opening => "导语",
            Role::Heading => "小标题",
            Role::Body => "正文",
            Role::Table => "表格",
            Role::Attachment => "附件",
            Role::Signature => "落款",
            Role::Date => "成文日期",
            Role::Note => "附注",
            Role::Removed => "已删除",
        }
    }
}

/// One line of the recognised document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Line {
    /// The line's text after normalisation (without its heading number for a heading).
    pub text: String,
    /// What the line is in the document; the clerk may change it in the import preview.
    pub role: Role,
    /// Heading level 1–4 (一、（一）1.（1）) for [`Role::Heading`], 0 otherwise.
    #[serde(default)]
    pub level: u8,
    /// A heading whose first sentence runs on into the next body line in one paragraph.
    #[serde(default)]
    pub run_in: bool,
    /// Why a [`Role::Removed`] line was removed, in Chinese (empty otherwise).
    #[serde(default)]
    pub reason: String,
    /// The import stage that removed a [`Role::Removed`] line.
    #[serde(default)]
    pub stage: Stage,
}

impl Line {
    fn new(text: &str, role: Role) -> Line {
        Line {
            text: text.to_string(),
            role,
            level: 0,
            run_in: false,
            reason: String::new(),
            stage: Stage::Blocks,
        }
    }
}

fn sections_to_lines(list: &[Section], level: u8, out: &mut Vec<Line>) {
    for s in list {
        out.push(Line {
            level,
            run_in: s.run_in,
            ..Line::new(&s.heading, Role::Heading)
        });
        for item in &s.paragraphs {
            let line = match item {
                // One line the preview can edit: every cell in reading order, blank ones
                // included, separated by `｜` like a flagged block (rebuilt by
                // `tables::recognise_line`).
                Item::Table { table } => Line::new(
                    &table
                        .rows
                        .iter()
                        .flatten()
                        .map(|c| c.text())
                        .collect::<Vec<_>>()
                        .join("｜"),
                    Role::Table,
                ),
                Item::Text(p) if p.contains('｜') => Line::new(p, Role::Table),
                Item::Text(p) => Line::new(p, Role::Body),
            };
            out.push(line);
        }
        sections_to_lines(&s.children, level + 1, out);
    }
}

/// The report's parts as lines in document order, with the restorable removed lines put back
/// where they stood in `normal` (the normalised input). `date_text` is the date as written.
pub fn from_report(r: &Report, removed: &[Removed], normal: &str) -> Vec<Line> {
    let mut kept = Vec::new();
    if !r.title.is_empty() {
        kept.push(Line::new(&r.title, Role::Title));
    }
    if let Some(s) = &r.subtitle {
        kept.push(Line::new(s, Role::Subtitle));
    }
    if let Some(a) = &r.addressee {
        kept.push(Line::new(a, Role::Addressee));
    }
    for p in &r.opening {
        kept.push(Line::new(p, Role::Opening));
    }
    sections_to_lines(&r.sections, 1, &mut kept);
    for a in &r.attachments {
        kept.push(Line::new(&a.name, Role::Attachment));
    }
    for organ in r
        .signature
        .split('\u{3000}')
        .filter(|s| !s.trim().is_empty())
    {
        kept.push(Line::new(organ, Role::Signature));
    }
    if let Some(d) = r.date {
        let written = removed
            .iter()
            .find(|x| x.reason.starts_with("成文日期"))
            .map(|x| x.text.clone())
            .unwrap_or_else(|| d.to_chinese());
        kept.push(Line::new(&written, Role::Date));
    }
    if let Some(n) = &r.note {
        kept.push(Line::new(n, Role::Note));
    }
    // Where each kept line starts in the input: its first few characters, searched onwards
    // from the line before (text the import joined or respaced keeps its first characters).
    let mut at = 0;
    let mut kept_pos = Vec::with_capacity(kept.len());
    for l in &kept {
        let probe: String = l.text.chars().take(6).collect();
        if let Some(p) = normal[at..].find(&probe) {
            at += p;
        }
        kept_pos.push(at);
    }
    let mut gone: Vec<(usize, Line)> = removed
        .iter()
        .filter(|x| x.restorable)
        .map(|x| {
            let pos = normal.find(&x.text).unwrap_or(0);
            (
                pos,
                Line {
                    reason: x.reason.clone(),
                    stage: x.stage,
                    ..Line::new(&x.text, Role::Removed)
                },
            )
        })
        .collect();
    gone.sort_by_key(|(p, _)| *p);
    let mut out = Vec::with_capacity(kept.len() + gone.len());
    let mut g = gone.into_iter().peekable();
    for (l, p) in kept.into_iter().zip(kept_pos) {
        while let Some((_, r)) = g.next_if(|(gp, _)| *gp < p) {
            out.push(r);
        }
        out.push(l);
    }
    out.extend(g.map(|(_, l)| l));
    out
}

/// The parts of a report by the lines' roles alone. Headings deeper than one below the open
/// heading are put one below it; a body line before any heading is opening text; the first
/// body line after a run-in heading runs on from it.
pub fn to_parts(lines: &[Line]) -> Parts {
    let mut parts = Parts::default();
    let mut title = Vec::new();
    let mut signature = Vec::new();
    // Path of the open heading in the tree.
    let mut path: Vec<usize> = Vec::new();
    for l in lines {
        let text = l.text.trim();
        if text.is_empty() {
            continue;
        }
        match l.role {
            Role::Title => title.push(text.to_string()),
            Role::Subtitle => join_into(&mut parts.subtitle, text),
            Role::Addressee => {
                join_into(
                    &mut parts.addressee,
                    text.trim_end_matches(['：', ':']).trim(),
                );
            }
            Role::Opening => parts.opening.push(text.to_string()),
            Role::Heading => {
                let level = l.level.clamp(1, MAX_LEVEL) as usize;
                let depth = (level - 1).min(path.len());
                path.truncate(depth);
                let sec = Section {
                    heading: text.to_string(),
                    run_in: l.run_in,
                    ..Section::default()
                };
                let siblings = match node(&mut parts.sections, &path) {
                    Some(parent) => &mut parent.children,
                    None => &mut parts.sections,
                };
                siblings.push(sec);
                path.push(siblings.len() - 1);
            }
            Role::Body | Role::Table => {
                // A statutory table of an annual report comes back as the table.
                let table = (l.role == Role::Table)
                    .then(|| super::tables::recognise_line(&l.text))
                    .flatten();
                match (node(&mut parts.sections, &path), table) {
                    (Some(s), Some(f)) => s.paragraphs.push(f.table.into()),
                    (Some(s), None) => s.paragraphs.push(text.into()),
                    (None, _) => parts.opening.push(text.to_string()),
                }
            }
            Role::Attachment => parts.attachments.push(text.to_string()),
            Role::Signature => signature.push(text.to_string()),
            Role::Date => {
                parts.date = find_dates(text)
                    .into_iter()
                    .next()
                    .and_then(|d| Date::found(&d))
            }
            Role::Note => join_into(&mut parts.note, text),
            Role::Removed => {}
        }
    }
    parts.title = title.concat();
    parts.signature = signature.join("\u{3000}");
    parts
}

fn join_into(slot: &mut Option<String>, text: &str) {
    match slot {
        Some(s) => s.push_str(text),
        None => *slot = Some(text.to_string()),
    }
}

fn node<'a>(list: &'a mut [Section], path: &[usize]) -> Option<&'a mut Section> {
    let (first, rest) = path.split_first()?;
    let mut cur = list.get_mut(*first)?;
    for i in rest {
        cur = cur.children.get_mut(*i)?;
    }
    Some(cur)
}
