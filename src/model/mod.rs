//! The report a clerk writes: metadata, an opening, a tree of numbered sections, attachments,
//! signature and date. Heading numbers are derived from position (see [`numbering`]), never
//! stored in the text, so moving a section renumbers everything.
//!
//! The JSON form (serde) is the exchange format of the CLI: `show --json` prints it and
//! `import`/`export FILE.json` read it.

mod blocks;
mod date;
mod docx_fonts;
mod formal;
mod next_year;
pub mod numbering;
mod page_numbers;
mod table;
mod table_edit;
mod wordlist;

pub use blocks::{body_blocks, section_prints, Block};
pub use date::Date;
pub use docx_fonts::DocxFontNames;
pub use formal::{Attachment, Header, Record};
pub use next_year::{is_plan_heading, next_year_copy, plan_items};
pub use page_numbers::{PageNumberDash, PageNumberPosition, PageNumbers};
pub use table::{texts, Cell, Grid, Item, Placed, Table, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS};
pub use table_edit::TableEdit;
pub use wordlist::{parse_sensitive_tsv, WordEntry, WordList, NUMBER_TOKEN};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Deepest heading level the official layout knows (一、（一）1.（1）).
pub const MAX_LEVEL: u8 = 4;

/// Years a report may be about, inclusive: the model, the store and import refuse others,
/// and the app's year fields offer exactly these.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The periods a report is offered for, in the order the app lists them. A report may carry
/// another (an imported 前三季度); see [`period_in_title`].
pub const PERIODS: [&str; 7] = [
    "年度",
    "上半年",
    "下半年",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
];

/// How a period reads after the year in a title or a list (`2024年` + this): the whole year
/// (`年度`, `全年`, or none) adds nothing, any other period is written out (`上半年`).
pub fn period_in_title(period: &str) -> &str {
    match period.trim() {
        "" | "年度" | "全年" => "",
        p => p,
    }
}

/// The message for a year outside [`YEARS`].
pub fn year_out_of_range(year: i32) -> String {
    format!("年份 {year} 不在 {}—{} 之间", YEARS.start(), YEARS.end())
}

/// Whether the report is still being written or finished (定稿).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, TS)]
pub enum Status {
    /// 草稿
    #[default]
    #[serde(rename = "draft", alias = "草稿")]
    Draft,
    /// 定稿
    #[serde(rename = "final", alias = "定稿")]
    Final,
}

impl Status {
    /// The Chinese label: `草稿` or `定稿`.
    pub fn label(&self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::Final => "定稿",
        }
    }
}

/// A work summary: metadata (kind, unit, year, period, status), the title block, the opening,
/// the section tree, attachments note, signature, date, 附注 and page-number style. Serialised
/// as the JSON exchange format; [`validate`](Self::validate) checks what the types cannot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Report {
    /// Store id; absent in a report that was never saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Template id the report was started from (its kind), e.g. `township-zwgk`.
    #[serde(default)]
    pub kind: String,
    /// 单位, e.g. 双河镇人民政府.
    #[serde(default)]
    pub unit: String,
    /// The year the report is about (e.g. 2024); valid from 1900 to 2200.
    pub year: i32,
    /// 年度 / 上半年 / 下半年 / 第一季度 …
    #[serde(default = "default_period")]
    pub period: String,
    /// 标题 (GB/T 9704-2012 §7.3.1), without line breaks; the typesetter splits it into lines.
    #[serde(default)]
    pub title: String,
    /// 副标题: a line below the title, with its leading `——` (GB/T 9704-2012 has no rule for
    /// it; it is centred below the title). `null` when there is none.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// 主送机关, without the trailing `：` (GB/T 9704-2012 §7.3.2: the line after the title,
    /// flush left). Several organs are separated by `、` as written. `null` when there is none.
    #[serde(default)]
    pub addressee: Option<String>,
    /// 导语: paragraphs before the first heading.
    #[serde(default)]
    pub opening: Vec<String>,
    /// Top-level nodes are level 1; children are one level deeper.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// 附件说明: the attachments, in order; one with paragraphs also gets pages of its own
    /// (GB/T 9704-2012 §7.3.7). JSON items are a name or `{"name", "paragraphs"}`.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// 落款: the signing unit; a joint signature names its organs separated by one U+3000
    /// (`中共某镇委员会　某镇人民政府`), which keeps the JSON a plain string.
    #[serde(default)]
    pub signature: String,
    /// 成文日期.
    #[serde(default)]
    pub date: Option<Date>,
    /// 附注 below the date, as written, brackets included (`（此件公开发布）`;
    /// GB/T 9704-2012 §7.3.6). `null` when there is none.
    #[serde(default)]
    pub note: Option<String>,
    /// 草稿 or 定稿.
    #[serde(default)]
    pub status: Status,
    /// With a seal (盖章) the date sits 4 characters from the right instead of 2.
    #[serde(default)]
    pub seal: bool,
    /// 页码样式 (absent in JSON: the national style of GB/T 9704-2012 §7.5).
    #[serde(default)]
    pub page_numbers: PageNumbers,
    /// 版头 of a formal 报告 (GB/T 9704-2012 §7.2); `null` for a summary sent as plain text.
    #[serde(default)]
    pub header: Option<Header>,
    /// 版记 of a formal 报告 (GB/T 9704-2012 §7.4); `null` when there is none.
    #[serde(default)]
    pub record: Option<Record>,
}

fn default_period() -> String {
    "年度".to_string()
}

/// One node of the section tree: a heading (numbered by its position and depth, never by its
/// text), its paragraphs, and its subsections one level deeper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, TS)]
pub struct Section {
    /// Store id of the node; absent before it is saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Heading text without its number.
    #[serde(default)]
    pub heading: String,
    /// Run-in (标题句 + 正文 in one paragraph): the heading sentence and the first paragraph
    /// share one paragraph, the heading part in the heading font.
    #[serde(default)]
    pub run_in: bool,
    /// The body under the heading: paragraphs (each a string without its first-line indent)
    /// and tables, in order (JSON: a string or `{"table": {…}}`, see [`Item`]).
    #[serde(default)]
    pub paragraphs: Vec<Item>,
    /// Subsections, one level deeper (at most 4 levels in all, [`MAX_LEVEL`]).
    #[serde(default)]
    pub children: Vec<Section>,
}

impl Section {
    /// An unsaved section with `heading` and nothing under it.
    pub fn new(heading: &str) -> Section {
        Section {
            heading: heading.to_string(),
            ..Section::default()
        }
    }
}

impl Report {
    /// An empty unsaved draft of `kind` (a template id) for `unit`, `year` and `period`: the
    /// signature is the unit, and the title is proposed as `单位 + 年 + 时段 + 政务公开工作总结`.
    pub fn new(kind: &str, unit: &str, year: i32, period: &str) -> Report {
        let mut r = Report {
            id: None,
            kind: kind.to_string(),
            unit: unit.to_string(),
            year,
            period: period.to_string(),
            title: String::new(),
            subtitle: None,
            addressee: None,
            opening: Vec::new(),
            sections: Vec::new(),
            attachments: Vec::new(),
            signature: unit.to_string(),
            date: None,
            note: None,
            status: Status::Draft,
            seal: false,
            page_numbers: PageNumbers::default(),
            header: None,
            record: None,
        };
        r.title = r.proposed_title("政务公开工作总结");
        r
    }

    /// `单位 + 年度/时段 + 事项`, e.g. `双溪乡2017年政务公开工作总结` or
    /// `双溪乡2017年上半年政务公开工作总结`.
    pub fn proposed_title(&self, subject: &str) -> String {
        format!(
            "{}{}年{}{}",
            self.unit,
            self.year,
            period_in_title(&self.period),
            subject
        )
    }

    /// Checks what the JSON form cannot express by its types alone.
    pub fn validate(&self) -> Result<(), String> {
        if !YEARS.contains(&self.year) {
            return Err(year_out_of_range(self.year));
        }
        fn depth(s: &Section) -> u8 {
            1 + s.children.iter().map(depth).max().unwrap_or(0)
        }
        if let Some(d) = self.sections.iter().map(depth).max() {
            if d > MAX_LEVEL {
                return Err(format!(
                    "标题层级最多 {MAX_LEVEL} 级（一、（一）1.（1）），此报告有 {d} 级"
                ));
            }
        }
        fn tables(list: &[Section], at: &mut Vec<String>) -> Result<(), String> {
            for s in list {
                at.push(s.heading.trim().to_string());
                for t in s.paragraphs.iter().filter_map(Item::table) {
                    t.grid()
                        .map_err(|e| format!("“{}”下的{e}", at.join(" › ")))?;
                }
                tables(&s.children, at)?;
                at.pop();
            }
            Ok(())
        }
        tables(&self.sections, &mut Vec::new())?;
        for a in &self.attachments {
            for t in a.paragraphs.iter().filter_map(Item::table) {
                t.grid().map_err(|e| format!("附件“{}”中的{e}", a.name))?;
            }
        }
        Ok(())
    }

    /// The same report without store ids (report and section ids): what a snapshot keeps and
    /// what two copies of one text compare equal on.
    pub fn without_ids(mut self) -> Report {
        fn walk(s: &mut [Section]) {
            for n in s {
                n.id = None;
                walk(&mut n.children);
            }
        }
        self.id = None;
        walk(&mut self.sections);
        self
    }

    /// Number of section nodes at every level.
    pub fn section_count(&self) -> usize {
        fn count(s: &[Section]) -> usize {
            s.iter().map(|c| 1 + count(&c.children)).sum()
        }
        count(&self.sections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_keeps_everything() {
        let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
        r.opening.push("2024年，我镇……".into());
        let mut s = Section::new("工作开展情况");
        s.children.push(Section {
            heading: "强化组织领导".into(),
            run_in: true,
            paragraphs: vec!["成立领导小组。".into()],
            ..Section::default()
        });
        r.sections.push(s);
        r.attachments.push("政务公开工作台账".into());
        r.date = Some(Date::new(2024, 12, 20).unwrap());
        r.status = Status::Final;
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"date\":\"2024-12-20\""));
        assert!(json.contains("\"status\":\"final\""));
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn subtitle_addressee_and_note_are_null_when_absent_and_round_trip() {
        let r: Report = serde_json::from_str(r#"{"unit":"甲乡","year":2023}"#).unwrap();
        assert_eq!(
            (
                r.subtitle.as_deref(),
                r.addressee.as_deref(),
                r.note.as_deref()
            ),
            (None, None, None)
        );
        let json = serde_json::to_value(&r).unwrap();
        assert!(
            json["subtitle"].is_null() && json["addressee"].is_null() && json["note"].is_null()
        );
        let mut r = r;
        r.subtitle = Some("——以公开促落实".into());
        r.addressee = Some("县政务公开办".into());
        r.note = Some("（此件公开发布）".into());
        let back: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn minimal_json_gets_defaults_and_chinese_status() {
        let r: Report =
            serde_json::from_str(r#"{"unit":"甲乡","year":2023,"status":"定稿"}"#).unwrap();
        assert_eq!(r.period, "年度");
        assert_eq!(r.status, Status::Final);
        assert!(r.sections.is_empty());
    }

    #[test]
    fn proposed_title_follows_the_usual_pattern() {
        let mut r = Report::new("x", "双溪乡", 2017, "年度");
        assert_eq!(r.title, "双溪乡2017年政务公开工作总结");
        r.period = "上半年".into();
        assert_eq!(
            r.proposed_title("政务公开工作总结"),
            "双溪乡2017年上半年政务公开工作总结"
        );
    }

    #[test]
    fn validate_rejects_five_levels() {
        let mut r = Report::new("x", "甲", 2024, "年度");
        let mut s = Section::new("1");
        let mut cur = &mut s;
        for _ in 0..4 {
            cur.children.push(Section::new("x"));
            cur = &mut cur.children[0];
        }
        r.sections.push(s);
        assert!(r.validate().unwrap_err().contains("最多 4 级"));
        r.sections[0].children[0].children[0].children[0]
            .children
            .clear();
        assert!(r.validate().is_ok());
    }
}
