//! Whole reports: create, list, load, metadata, rename, duplicate, trash.

use super::{db_err, local_time, now_ms, Store};
use crate::error::{Error, Result};
use crate::model::{
    Attachment, Date, Header, Item, PageNumbers, Record, Report, Section, Status, Table,
};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One line of the report list.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct ReportSummary {
    /// Store id of the report.
    pub id: i64,
    /// Template id of the report's kind, e.g. `township-zwgk`.
    pub kind: String,
    /// 单位.
    pub unit: String,
    /// The year the report is about.
    pub year: i32,
    /// 年度, 上半年 …
    pub period: String,
    /// 标题, as printed at the head of the document.
    pub title: String,
    /// The name the list shows and the export proposes as the file name: the one the clerk
    /// gave with 改名 ([`Store::rename`]), else the title. Never printed in the document.
    pub name: String,
    /// 草稿 or 定稿.
    pub status: Status,
    /// Milliseconds since the Unix epoch.
    pub updated_at: i64,
    /// Local time in the document's date form, `2024年12月20日 16:05`, whatever the
    /// system's locale.
    pub updated: String,
    /// Set when the report is in the 回收站.
    pub trashed_at: Option<i64>,
    /// The editor step (1–6: 基本信息 … 预览与导出) the clerk last had open, where the report
    /// opens again ([`Store::set_last_step`]).
    pub last_step: u8,
}

/// The form of a timestamp the clerk reads: `2024年12月20日 16:05` (no padding zeros in month
/// and day, as 成文日期 is written, GB/T 9704-2012 §7.3.5.1).
pub(super) const CHINESE_DATE_TIME: &str = "%Y年%-m月%-d日 %H:%M";

/// The editor's steps are 1–6; a stored value outside them (another program, a newer build)
/// opens step 1.
pub const STEPS: std::ops::RangeInclusive<u8> = 1..=6;

/// Everything of a report but its text: one row, written in one statement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct ReportMeta {
    /// Template id of the report's kind; see [`Report::kind`].
    pub kind: String,
    /// 单位; see [`Report::unit`].
    pub unit: String,
    /// The year the report is about, 1900–2200 (`ErrorKind::Input` otherwise).
    pub year: i32,
    /// 年度, 上半年 …; see [`Report::period`].
    pub period: String,
    /// 标题; see [`Report::title`].
    pub title: String,
    /// 落款, the signing unit; see [`Report::signature`].
    pub signature: String,
    /// 成文日期, or `None` when not yet set.
    pub date: Option<Date>,
    /// 草稿 or 定稿.
    pub status: Status,
    /// With a seal: the date 4 characters from the right (GB/T 9704-2012 §7.3.5.1).
    pub seal: bool,
    /// 附件说明: the attachments, in order (names, and the text of those printed on pages
    /// of their own); see [`Report::attachments`].
    pub attachments: Vec<Attachment>,
    /// 页码样式 (absent in what an older UI sends: the national style).
    #[serde(default)]
    pub page_numbers: PageNumbers,
    /// 副标题; see [`Report::subtitle`].
    #[serde(default)]
    pub subtitle: Option<String>,
    /// 主送机关; see [`Report::addressee`].
    #[serde(default)]
    pub addressee: Option<String>,
    /// 附注; see [`Report::note`].
    #[serde(default)]
    pub note: Option<String>,
    /// 版头; see [`Report::header`].
    #[serde(default)]
    pub header: Option<Header>,
    /// 版记; see [`Report::record`].
    #[serde(default)]
    pub record: Option<Record>,
}

impl ReportMeta {
    /// The metadata of `r`, as [`Store::update_meta`] writes it.
    pub fn of(r: &Report) -> ReportMeta {
        ReportMeta {
            kind: r.kind.clone(),
            unit: r.unit.clone(),
            year: r.year,
            period: r.period.clone(),
            title: r.title.clone(),
            signature: r.signature.clone(),
            date: r.date,
            status: r.status.clone(),
            seal: r.seal,
            attachments: r.attachments.clone(),
            page_numbers: r.page_numbers,
            subtitle: r.subtitle.clone(),
            addressee: r.addressee.clone(),
            note: r.note.clone(),
            header: r.header.clone(),
            record: r.record.clone(),
        }
    }
}

fn status_str(s: &Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Final => "final",
    }
}

/// The status stored as `draft`/`final`, or `None` for anything else.
fn parse_status(s: &str) -> Option<Status> {
    match s {
        "draft" => Some(Status::Draft),
        "final" => Some(Status::Final),
        _ => None,
    }
}

/// A value of report `id` that the store holds but cannot read (written by another program,
/// or damaged): the report is not opened, rather than opened without it and saved over it.
/// `what` names the field for the clerk (`状态`), `field` for the log (`status`).
fn unreadable(id: i64, title: &str, what: &str, field: &str, value: &str) -> Error {
    let shown: String = value.chars().take(40).collect();
    Error::storage(
        format!(
            "报告“{title}”（编号 {id}）的{what}“{shown}”无法读取，可能被其他程序改动过。为免丢失内容，报告没有打开，数据库未作任何改动；可在“备份”中恢复较早的数据库。"
        ),
        // The value itself may be the clerk's words: it stays out of the log.
        format!("report {id}: unreadable {field}"),
    )
}

pub(super) fn touch(tx: &Transaction, id: i64) -> Result<()> {
    let n = tx
        .execute(
            "UPDATE reports SET updated_at = ?1 WHERE id = ?2",
            params![now_ms(), id],
        )
        .map_err(|e| db_err("保存", e))?;
    if n == 0 {
        return Err(no_report(id));
    }
    Ok(())
}

pub(super) fn no_report(id: i64) -> Error {
    Error::not_found(format!("找不到编号为 {id} 的报告。"))
}

fn page_numbers_json(p: &PageNumbers) -> String {
    serde_json::to_string(p).unwrap_or_default()
}

/// Reads a stored page-number style; a value that cannot be read is an error naming the
/// report, never silently the default.
fn parse_page_numbers(id: i64, text: &str) -> Result<PageNumbers> {
    serde_json::from_str(text).map_err(|e| {
        Error::storage(
            format!("报告 {id} 的页码样式无法读取（{text}），请在“附件与落款”中重新选择页码样式。"),
            e,
        )
    })
}

/// The JSON of a 版头 or 版记 for its column, `None` (NULL) when the report has none.
fn formal_json<T: serde::Serialize>(v: &Option<T>) -> Option<String> {
    v.as_ref().and_then(|v| serde_json::to_string(v).ok())
}

/// A stored 版头 or 版记 (NULL: none); the stored text when it cannot be read.
fn parse_formal<T: serde::de::DeserializeOwned>(
    text: Option<&str>,
) -> std::result::Result<Option<T>, &str> {
    match text {
        None => Ok(None),
        Some(t) => serde_json::from_str(t).map(Some).map_err(|_| t),
    }
}

fn write_meta(tx: &Transaction, id: i64, m: &ReportMeta) -> Result<()> {
    let attachments = serde_json::to_string(&m.attachments).unwrap_or_else(|_| "[]".into());
    let n = tx
        .execute(
            "UPDATE reports SET kind=?1, unit=?2, year=?3, period=?4, title=?5, signature=?6,
                 date=?7, status=?8, seal=?9, attachments=?10, updated_at=?11, page_numbers=?13,
                 subtitle=?14, addressee=?15, note=?16, header=?17, record=?18 WHERE id=?12",
            params![
                m.kind,
                m.unit,
                m.year,
                m.period,
                m.title,
                m.signature,
                m.date.map(|d| d.to_string()),
                status_str(&m.status),
                m.seal,
                attachments,
                now_ms(),
                id,
                page_numbers_json(&m.page_numbers),
                m.subtitle,
                m.addressee,
                m.note,
                formal_json(&m.header),
                formal_json(&m.record)
            ],
        )
        .map_err(|e| db_err("保存", e))?;
    if n == 0 {
        return Err(no_report(id));
    }
    Ok(())
}

/// Inserts the opening and the section tree of `r` into report `id` (which has none).
pub(super) fn insert_content(tx: &Transaction, id: i64, r: &Report) -> Result<()> {
    insert_paragraphs(tx, id, None, &text_rows(&r.opening))?;
    fn nodes(tx: &Transaction, id: i64, parent: Option<i64>, list: &[Section]) -> Result<()> {
        for (ord, s) in list.iter().enumerate() {
            tx.execute(
                "INSERT INTO nodes (report_id, parent_id, ord, heading, run_in) VALUES (?1,?2,?3,?4,?5)",
                params![id, parent, ord as i64, s.heading, s.run_in],
            )
            .map_err(|e| db_err("保存", e))?;
            let node = tx.last_insert_rowid();
            insert_paragraphs(tx, id, Some(node), &item_rows(&s.paragraphs))?;
            nodes(tx, id, Some(node), &s.children)?;
        }
        Ok(())
    }
    nodes(tx, id, None, &r.sections)
}

/// A body item as a `paragraphs` row: (`text`, `tbl`): a paragraph's text and NULL, or an
/// empty text and the table's JSON (migration 7).
pub(super) type ParaRow = (String, Option<String>);

/// The rows of opening paragraphs (plain strings).
pub(super) fn text_rows(paras: &[String]) -> Vec<ParaRow> {
    paras.iter().map(|p| (p.clone(), None)).collect()
}

/// The rows of body items (paragraphs and tables).
pub(super) fn item_rows(items: &[Item]) -> Vec<ParaRow> {
    items
        .iter()
        .map(|i| match i {
            Item::Text(t) => (t.clone(), None),
            Item::Table { table } => (
                String::new(),
                Some(serde_json::to_string(table).expect("a table serialises")),
            ),
        })
        .collect()
}

/// A `paragraphs` row back as a body item; a `tbl` that is not a table is corruption.
fn row_item(text: String, tbl: Option<String>) -> Result<Item> {
    match tbl {
        None => Ok(Item::Text(text)),
        Some(json) => serde_json::from_str::<Table>(&json)
            .map(Item::from)
            .map_err(|e| {
                Error::storage(
                    "数据库中的一个表格已损坏，无法读取；可从“版本”或备份中恢复",
                    format!("paragraphs.tbl is not a table: {e}"),
                )
            }),
    }
}

fn insert_paragraphs(tx: &Transaction, id: i64, node: Option<i64>, rows: &[ParaRow]) -> Result<()> {
    let mut st = tx
        .prepare_cached(
            "INSERT INTO paragraphs (report_id, node_id, ord, text, tbl) VALUES (?1,?2,?3,?4,?5)",
        )
        .map_err(|e| db_err("保存", e))?;
    for (ord, (text, tbl)) in rows.iter().enumerate() {
        st.execute(params![id, node, ord as i64, text, tbl])
            .map_err(|e| db_err("保存", e))?;
    }
    Ok(())
}

/// Writes `rows` over the paragraphs of one owner (a node, or the opening when `node` is
/// `None`), touching only the rows that differ. Returns the number of rows written.
pub(super) fn sync_paragraphs(
    tx: &Transaction,
    id: i64,
    node: Option<i64>,
    rows: &[ParaRow],
) -> Result<usize> {
    let existing: Vec<(i64, ParaRow)> = {
        let mut st = tx
            .prepare_cached(
                "SELECT id, text, tbl FROM paragraphs WHERE report_id=?1 AND node_id IS ?2 ORDER BY ord",
            )
            .map_err(|e| db_err("保存", e))?;
        let rows = st
            .query_map(params![id, node], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
            })
            .map_err(|e| db_err("保存", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("保存", e))?
    };
    let mut written = 0;
    for (ord, row) in rows.iter().enumerate() {
        match existing.get(ord) {
            Some((_, old)) if old == row => {}
            Some((pid, _)) => {
                tx.execute(
                    "UPDATE paragraphs SET text=?1, tbl=?2 WHERE id=?3",
                    params![row.0, row.1, pid],
                )
                .map_err(|e| db_err("保存", e))?;
                written += 1;
            }
            None => {
                tx.execute(
                    "INSERT INTO paragraphs (report_id, node_id, ord, text, tbl) VALUES (?1,?2,?3,?4,?5)",
                    params![id, node, ord as i64, row.0, row.1],
                )
                .map_err(|e| db_err("保存", e))?;
                written += 1;
            }
        }
    }
    for (pid, _) in existing.iter().skip(rows.len()) {
        tx.execute("DELETE FROM paragraphs WHERE id=?1", params![pid])
            .map_err(|e| db_err("保存", e))?;
        written += 1;
    }
    Ok(written)
}

fn summary(r: &rusqlite::Row) -> rusqlite::Result<ReportSummary> {
    let updated_at = r.get(7)?;
    Ok(ReportSummary {
        id: r.get(0)?,
        kind: r.get(1)?,
        unit: r.get(2)?,
        year: r.get(3)?,
        period: r.get(4)?,
        title: r.get(5)?,
        // The list shows every report: an unreadable status is listed as 草稿 here, and
        // opening the report ([`Store::load`]) says what is wrong.
        status: parse_status(&r.get::<_, String>(6)?).unwrap_or_default(),
        updated_at,
        updated: local_time(updated_at, CHINESE_DATE_TIME),
        trashed_at: r.get(8)?,
        name: r.get(9)?,
        last_step: r
            .get::<_, i64>(10)
            .ok()
            .and_then(|n| u8::try_from(n).ok())
            .filter(|n| STEPS.contains(n))
            .unwrap_or(1),
    })
}

const SUMMARY_COLUMNS: &str = "id, kind, unit, year, period, title, status, updated_at, trashed_at,
     COALESCE(NULLIF(TRIM(list_name), ''), title), last_step";

impl Store {
    /// Stores a new report (its ids are ignored) and returns its id.
    pub fn create(&mut self, r: &Report) -> Result<i64> {
        r.validate().map_err(Error::input)?;
        self.write("新建报告", |tx| insert_report(tx, r))
    }

    /// Reports not in the 回收站, most recently changed first.
    pub fn list(&self) -> Result<Vec<ReportSummary>> {
        self.query_summaries("trashed_at IS NULL ORDER BY updated_at DESC, id DESC")
    }

    /// Reports in the 回收站, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<ReportSummary>> {
        self.query_summaries("trashed_at IS NOT NULL ORDER BY trashed_at DESC, id DESC")
    }

    fn query_summaries(&self, filter: &str) -> Result<Vec<ReportSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM reports WHERE {filter}");
        let mut st = self
            .conn
            .prepare(&sql)
            .map_err(|e| db_err("读取报告列表", e))?;
        let rows = st
            .query_map([], summary)
            .map_err(|e| db_err("读取报告列表", e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取报告列表", e))
    }

    /// The list line of report `id` (trashed or not). `ErrorKind::NotFound` when there is no such
    /// report.
    pub fn summary(&self, id: i64) -> Result<ReportSummary> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM reports WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], summary)
            .optional()
            .map_err(|e| db_err("读取报告", e))?
            .ok_or_else(|| no_report(id))
    }

    /// The whole report, with the store ids of its nodes.
    ///
    /// Nothing stored is left out: a status, 成文日期 or attachments list that cannot be
    /// read, or a heading or paragraph that belongs nowhere in the section tree, is an
    /// [`ErrorKind::Storage`](crate::ErrorKind::Storage) error that names the report and the
    /// value, never a report quietly without it. A report that does not exist is
    /// `ErrorKind::NotFound`.
    pub fn load(&self, id: i64) -> Result<Report> {
        let row = self
            .conn
            .query_row(
                "SELECT kind, unit, year, period, title, signature, date, status, seal, attachments,
                        page_numbers, subtitle, addressee, note, header, record
                 FROM reports WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        ReportMeta {
                            kind: r.get(0)?,
                            unit: r.get(1)?,
                            year: r.get(2)?,
                            period: r.get(3)?,
                            title: r.get(4)?,
                            signature: r.get(5)?,
                            date: None,
                            status: Status::Draft,
                            seal: r.get(8)?,
                            attachments: Vec::new(),
                            page_numbers: PageNumbers::default(),
                            subtitle: r.get(11)?,
                            addressee: r.get(12)?,
                            note: r.get(13)?,
                            header: None,
                            record: None,
                        },
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, Option<String>>(14)?,
                        r.get::<_, Option<String>>(15)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| db_err("读取报告", e))?
            .ok_or_else(|| no_report(id))?;
        let (m, date, status, attachments, page_numbers, header, record) = row;
        let bad = |what, field, value: &str| unreadable(id, &m.title, what, field, value);
        let status = parse_status(&status).ok_or_else(|| bad("状态", "status", &status))?;
        let date = match date {
            None => None,
            Some(d) => Some(d.parse().map_err(|_| bad("成文日期", "date", &d))?),
        };
        let attachments: Vec<Attachment> = serde_json::from_str(&attachments)
            .map_err(|_| bad("附件列表", "attachments", &attachments))?;
        let header: Option<Header> =
            parse_formal(header.as_deref()).map_err(|v| bad("版头", "header", v))?;
        let record: Option<Record> =
            parse_formal(record.as_deref()).map_err(|v| bad("版记", "record", v))?;
        let mut r = Report {
            id: Some(id),
            kind: m.kind,
            unit: m.unit,
            year: m.year,
            period: m.period,
            title: m.title,
            subtitle: m.subtitle,
            addressee: m.addressee,
            opening: Vec::new(),
            sections: Vec::new(),
            attachments,
            signature: m.signature,
            date,
            note: m.note,
            status,
            seal: m.seal,
            page_numbers: parse_page_numbers(id, &page_numbers)?,
            header,
            record,
        };
        self.load_content(id, &mut r)?;
        Ok(r)
    }

    fn load_content(&self, id: i64, r: &mut Report) -> Result<()> {
        use std::collections::HashMap;
        let err = |e| db_err("读取报告", e);
        let mut paras: HashMap<Option<i64>, Vec<Item>> = HashMap::new();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT node_id, text, tbl FROM paragraphs WHERE report_id=?1 ORDER BY node_id, ord",
            )
            .map_err(err)?;
        for row in st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(err)?
        {
            let (node, text, tbl): (Option<i64>, String, Option<String>) = row.map_err(err)?;
            paras.entry(node).or_default().push(row_item(text, tbl)?);
        }
        let mut children: HashMap<Option<i64>, Vec<(i64, String, bool)>> = HashMap::new();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, parent_id, heading, run_in FROM nodes WHERE report_id=?1 ORDER BY parent_id, ord",
            )
            .map_err(err)?;
        for row in st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .map_err(err)?
        {
            let (nid, parent, heading, run_in): (i64, Option<i64>, String, bool) =
                row.map_err(err)?;
            children
                .entry(parent)
                .or_default()
                .push((nid, heading, run_in));
        }
        fn build(
            parent: Option<i64>,
            children: &mut HashMap<Option<i64>, Vec<(i64, String, bool)>>,
            paras: &mut HashMap<Option<i64>, Vec<Item>>,
        ) -> Vec<Section> {
            let list = children.remove(&parent).unwrap_or_default();
            list.into_iter()
                .map(|(nid, heading, run_in)| Section {
                    id: Some(nid),
                    heading,
                    run_in,
                    paragraphs: paras.remove(&Some(nid)).unwrap_or_default(),
                    children: build(Some(nid), children, paras),
                })
                .collect()
        }
        // The opening holds paragraphs only; a table stored there (never written by this
        // build) is kept as its plain text rather than lost.
        r.opening = paras
            .remove(&None)
            .unwrap_or_default()
            .iter()
            .map(Item::plain)
            .collect();
        r.sections = build(None, &mut children, &mut paras);
        // What the tree did not reach: headings under a parent that is not in this report
        // (or in a loop), paragraphs of such headings or of another report's node.
        let headings: usize = children.values().map(Vec::len).sum();
        let texts: usize = paras.values().map(Vec::len).sum();
        if headings + texts > 0 {
            return Err(Error::storage(
                format!(
                    "报告“{}”（编号 {id}）中有{headings}个小标题、{texts}段文字无法归入章节结构，可能被其他程序改动过。为免丢失内容，报告没有打开，数据库未作任何改动；可在“备份”中恢复较早的数据库。",
                    r.title
                ),
                format!("report {id}: {headings} nodes and {texts} paragraphs outside the tree"),
            ));
        }
        Ok(())
    }

    /// Writes the metadata (everything but the text) of a report.
    pub fn update_meta(&mut self, id: i64, m: &ReportMeta) -> Result<()> {
        if !crate::model::YEARS.contains(&m.year) {
            return Err(Error::input(format!(
                "{}。",
                crate::model::year_out_of_range(m.year)
            )));
        }
        self.write("保存", |tx| write_meta(tx, id, m))
    }

    /// Sets the name the report list shows ([`ReportSummary::name`], trimmed; blank = show the
    /// title again) in one transaction. The printed 标题 is not changed: clerks keep a file
    /// name and the document's heading apart. `ErrorKind::NotFound` when there is no such
    /// report.
    pub fn rename(&mut self, id: i64, name: &str) -> Result<()> {
        let name = Some(name.trim()).filter(|n| !n.is_empty());
        self.write("改名", |tx| {
            tx.execute(
                "UPDATE reports SET list_name=?1 WHERE id=?2",
                params![name, id],
            )
            .map_err(|e| db_err("改名", e))?;
            touch(tx, id)
        })
    }

    /// Sets the printed 标题 of report `id` (trimmed) in one transaction; a report without a
    /// list name of its own is listed under it. `ErrorKind::NotFound` when there is no such
    /// report.
    pub fn set_title(&mut self, id: i64, title: &str) -> Result<()> {
        self.write("修改标题", |tx| {
            tx.execute(
                "UPDATE reports SET title=?1 WHERE id=?2",
                params![title.trim(), id],
            )
            .map_err(|e| db_err("修改标题", e))?;
            touch(tx, id)
        })
    }

    /// Remembers `step` (1–6) as the step report `id` was left at. Not a change of the report:
    /// its last change time and place in the list stay. `ErrorKind::Input` for a step outside
    /// 1–6, `NotFound` when there is no such report.
    pub fn set_last_step(&mut self, id: i64, step: u8) -> Result<()> {
        if !STEPS.contains(&step) {
            return Err(Error::input(format!("没有第 {step} 步，步骤是 1 到 6。")));
        }
        self.write("记住步骤", |tx| {
            let n = tx
                .execute(
                    "UPDATE reports SET last_step=?1 WHERE id=?2",
                    params![step, id],
                )
                .map_err(|e| db_err("记住步骤", e))?;
            if n == 0 {
                return Err(no_report(id));
            }
            Ok(())
        })
    }

    /// Writes the opening (导语) paragraphs; only changed rows are written.
    pub fn set_opening(&mut self, id: i64, paras: &[String]) -> Result<usize> {
        self.write("保存导语", |tx| {
            touch(tx, id)?;
            sync_paragraphs(tx, id, None, &text_rows(paras))
        })
    }

    /// Replaces the whole content and metadata of report `id` with `r` (import into an
    /// existing report, restoring a version).
    pub fn replace(&mut self, id: i64, r: &Report) -> Result<()> {
        r.validate().map_err(Error::input)?;
        self.write("保存", |tx| replace_in(tx, id, r))
    }

    /// Writes `r` over report `id` in one transaction, keeping the store ids of its sections:
    /// a section whose `id` is a node of this report is updated in place (only rows that
    /// differ are written), one without an id is inserted, and stored sections missing from
    /// `r` are deleted. With `keep = Some((name, before))`, `before` is saved as the named
    /// version `name` in the same transaction, so an edit and its undo point are stored
    /// together or not at all.
    ///
    /// Errors: `ErrorKind::Input` when `r` is not a valid report, `NotFound` when there is no
    /// report `id`, `Storage` when the database cannot be written (nothing is then changed).
    pub fn update_report(
        &mut self,
        id: i64,
        r: &Report,
        keep: Option<(&str, &Report)>,
    ) -> Result<()> {
        r.validate().map_err(Error::input)?;
        self.write("保存", |tx| {
            if let Some((name, before)) = keep {
                super::versions::insert_version(tx, id, name, before)?;
            }
            write_meta(tx, id, &ReportMeta::of(r))?;
            sync_paragraphs(tx, id, None, &text_rows(&r.opening))?;
            super::sections::sync_tree(tx, id, &r.sections)
        })
    }

    /// A copy of report `id`, listed as its name with `（副本）` after it (the printed title
    /// stays as it is); returns the new id.
    pub fn duplicate(&mut self, id: i64) -> Result<i64> {
        let mut r = self.load(id)?;
        let name = format!("{}（副本）", self.summary(id)?.name);
        r.status = Status::Draft;
        r.validate().map_err(Error::input)?;
        self.write("复制", |tx| {
            let new = insert_report(tx, &r)?;
            tx.execute(
                "UPDATE reports SET list_name=?1 WHERE id=?2",
                params![name, new],
            )
            .map_err(|e| db_err("复制", e))?;
            Ok(new)
        })
    }

    /// Moves a report to the 回收站 (it stays restorable until purged).
    pub fn trash(&mut self, id: i64) -> Result<()> {
        self.set_trashed(id, Some(now_ms()), "删除")
    }

    /// Takes report `id` back out of the 回收站. `ErrorKind::NotFound` when there is no such report.
    pub fn restore(&mut self, id: i64) -> Result<()> {
        self.set_trashed(id, None, "恢复")
    }

    fn set_trashed(&mut self, id: i64, at: Option<i64>, action: &str) -> Result<()> {
        self.write(action, |tx| {
            let n = tx
                .execute(
                    "UPDATE reports SET trashed_at=?1 WHERE id=?2",
                    params![at, id],
                )
                .map_err(|e| db_err(action, e))?;
            if n == 0 {
                return Err(no_report(id));
            }
            Ok(())
        })
    }

    /// Deletes a report for good. Only reports already in the 回收站 can be purged.
    pub fn purge(&mut self, id: i64) -> Result<()> {
        let s = self.summary(id)?;
        if s.trashed_at.is_none() {
            return Err(Error::input(
                "只能彻底删除回收站中的报告，请先删除到回收站。",
            ));
        }
        self.write("彻底删除", |tx| {
            tx.execute("DELETE FROM reports WHERE id=?1", [id])
                .map_err(|e| db_err("彻底删除", e))?;
            Ok(())
        })
    }
}

/// Inserts `r` as a new report inside the caller's transaction; returns its id.
pub(super) fn insert_report(tx: &Transaction, r: &Report) -> Result<i64> {
    let now = now_ms();
    tx.execute(
        "INSERT INTO reports (year, created_at, updated_at) VALUES (?1, ?2, ?2)",
        params![r.year, now],
    )
    .map_err(|e| db_err("新建报告", e))?;
    let id = tx.last_insert_rowid();
    write_meta(tx, id, &ReportMeta::of(r))?;
    insert_content(tx, id, r)?;
    Ok(id)
}

pub(super) fn replace_in(tx: &Transaction, id: i64, r: &Report) -> Result<()> {
    write_meta(tx, id, &ReportMeta::of(r))?;
    tx.execute("DELETE FROM paragraphs WHERE report_id=?1", [id])
        .map_err(|e| db_err("保存", e))?;
    tx.execute("DELETE FROM nodes WHERE report_id=?1", [id])
        .map_err(|e| db_err("保存", e))?;
    insert_content(tx, id, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(title: &str) -> Report {
        let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
        r.title = title.into();
        r
    }

    #[test]
    fn renaming_names_the_list_line_and_keeps_the_title() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let id = s.create(&report("双河镇2024年政务公开工作总结")).unwrap();
        assert_eq!(s.summary(id).unwrap().name, "双河镇2024年政务公开工作总结");
        s.rename(id, " 送审稿 ").unwrap();
        let line = s.summary(id).unwrap();
        assert_eq!(line.name, "送审稿");
        assert_eq!(line.title, "双河镇2024年政务公开工作总结");
        assert_eq!(s.load(id).unwrap().title, "双河镇2024年政务公开工作总结");
        // Writing the metadata (step 1) does not undo the list name.
        let mut m = ReportMeta::of(&s.load(id).unwrap());
        m.title = "新标题".into();
        s.update_meta(id, &m).unwrap();
        assert_eq!(s.summary(id).unwrap().name, "送审稿");
        // A blank name shows the title again.
        s.rename(id, "").unwrap();
        assert_eq!(s.summary(id).unwrap().name, "新标题");
        assert_eq!(
            s.rename(id + 9, "x").unwrap_err().kind,
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn the_last_step_is_kept_without_counting_as_a_change() {
        let d = tempfile::tempdir().unwrap();
        let mut s = Store::open_dir(d.path()).unwrap();
        let id = s.create(&report("甲")).unwrap();
        let before = s.summary(id).unwrap();
        assert_eq!(before.last_step, 1);
        std::thread::sleep(std::time::Duration::from_millis(3));
        s.set_last_step(id, 5).unwrap();
        let after = s.summary(id).unwrap();
        assert_eq!(after.last_step, 5);
        assert_eq!(after.updated_at, before.updated_at);
        assert_eq!(
            s.set_last_step(id, 7).unwrap_err().kind,
            crate::ErrorKind::Input
        );
        assert_eq!(
            s.set_last_step(id, 0).unwrap_err().kind,
            crate::ErrorKind::Input
        );
        assert_eq!(
            s.set_last_step(id + 9, 2).unwrap_err().kind,
            crate::ErrorKind::NotFound
        );
        // A value another program wrote outside 1–6 opens step 1.
        s.conn
            .execute("UPDATE reports SET last_step=42 WHERE id=?1", [id])
            .unwrap();
        assert_eq!(s.summary(id).unwrap().last_step, 1);
    }

    #[test]
    fn a_database_of_the_previous_schema_gets_list_names_and_steps() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join(super::super::DB_FILE);
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            for m in &super::super::schema::MIGRATIONS[..4] {
                c.execute_batch(m).unwrap();
            }
            c.execute_batch(
                "PRAGMA user_version = 4;
                 INSERT INTO reports (year, title, created_at, updated_at) VALUES (2023, '旧报告', 0, 0);",
            )
            .unwrap();
        }
        let s = Store::open_dir(d.path()).unwrap();
        let line = &s.list().unwrap()[0];
        assert_eq!((line.name.as_str(), line.last_step), ("旧报告", 1));
    }
}
