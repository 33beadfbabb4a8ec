use super::*;
use crate::model::{Date, Report, Section, Status};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_dir(dir.path()).unwrap();
    (dir, s)
}

/// A township summary shaped like the built-in template's skeleton (built here: the store
/// sits below the templates).
fn sample() -> Report {
    let run_in = |h: &str| Section {
        run_in: true,
        ..Section::new(h)
    };
    let with = |h: &str, children: Vec<Section>| Section {
        children,
        ..Section::new(h)
    };
    let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
    r.title = "双河镇人民政府2024年政务公开工作总结".into();
    r.sections = vec![
        with(
            "工作开展情况",
            [
                "健全工作机制",
                "做好重点领域信息公开",
                "规范依申请公开",
                "拓宽公开渠道",
            ]
            .map(run_in)
            .into(),
        ),
        Section::new("存在的问题"),
        with(
            "下一步工作打算",
            ["加强业务培训", "强化监督考核"].map(run_in).into(),
        ),
    ];
    r.opening = vec!["第一段导语。".into(), "第二段导语。".into()];
    r.sections[0].children[0].paragraphs = vec!["成立领导小组。".into()];
    r.sections[1].paragraphs = vec!["问题一。".into(), "问题二。".into()];
    r.attachments = vec!["台账".into()];
    r.date = Some(Date::new(2024, 12, 20).unwrap());
    r
}

#[test]
fn new_database_is_at_latest_schema_in_wal_mode() {
    let (_d, s) = temp_store();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = s
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn create_load_round_trip() {
    let (_d, mut s) = temp_store();
    let r = sample();
    let id = s.create(&r).unwrap();
    let back = s.load(id).unwrap();
    assert_eq!(back.id, Some(id));
    assert!(back.sections[0].id.is_some());
    assert_eq!(back.without_ids(), r);
}

#[test]
fn list_is_sorted_by_last_change_and_hides_trash() {
    let (_d, mut s) = temp_store();
    let a = s.create(&sample()).unwrap();
    let b = s.create(&sample()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    s.set_title(a, "改过的标题").unwrap();
    let list = s.list().unwrap();
    assert_eq!(list.iter().map(|x| x.id).collect::<Vec<_>>(), [a, b]);
    assert_eq!(list[0].title, "改过的标题");
    assert_eq!(list[0].name, "改过的标题");
    assert_eq!(list[0].unit, "双河镇人民政府");
    assert_eq!(list[0].year, 2024);
    assert!(
        list[0].updated.contains('年') && list[0].updated.contains('日'),
        "{}",
        list[0].updated
    );

    s.trash(a).unwrap();
    assert_eq!(s.list().unwrap().len(), 1);
    assert_eq!(s.list_trash().unwrap()[0].id, a);
    s.restore(a).unwrap();
    assert_eq!(s.list().unwrap().len(), 2);
}

#[test]
fn purge_only_from_trash() {
    let (_d, mut s) = temp_store();
    let a = s.create(&sample()).unwrap();
    s.save_version(a, "v1").unwrap();
    assert!(s.purge(a).unwrap_err().message.contains("回收站"));
    s.trash(a).unwrap();
    s.purge(a).unwrap();
    assert_eq!(s.load(a).unwrap_err().kind, crate::ErrorKind::NotFound);
    // Cascades: nothing of it is left.
    let left: i64 = s
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM nodes) + (SELECT count(*) FROM paragraphs)
                  + (SELECT count(*) FROM versions)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn saving_one_paragraph_writes_one_paragraph_row() {
    let (_d, mut s) = temp_store();
    let mut r = sample();
    r.sections[1].paragraphs = (0..50).map(|i| format!("第{i}段。").into()).collect();
    let id = s.create(&r).unwrap();
    let node = s.load(id).unwrap().sections[1].id.unwrap();
    let mut paras = r.sections[1].paragraphs.clone();
    paras[17] = "改过的第十七段。".into();
    let before = s.total_changes();
    let written = s.set_section_paragraphs(node, &paras).unwrap();
    assert_eq!(written, 1);
    // One paragraph row plus the report's updated_at.
    assert_eq!(s.total_changes() - before, 2);
    assert_eq!(
        s.load(id).unwrap().sections[1].paragraphs[17],
        "改过的第十七段。"
    );

    // Shorter and longer lists insert and delete only the difference.
    paras.truncate(48);
    assert_eq!(s.set_section_paragraphs(node, &paras).unwrap(), 2);
    paras.push("新段落。".into());
    assert_eq!(s.set_section_paragraphs(node, &paras).unwrap(), 1);
    assert_eq!(s.load(id).unwrap().sections[1].paragraphs, paras);
}

#[test]
fn opening_and_meta_updates() {
    let (_d, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    assert_eq!(s.set_opening(id, &["第一段导语。".into()]).unwrap(), 1);
    let mut m = ReportMeta::of(&s.load(id).unwrap());
    m.status = Status::Final;
    m.period = "上半年".into();
    m.attachments = vec!["甲".into(), "乙".into()];
    m.date = None;
    s.update_meta(id, &m).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(r.opening, ["第一段导语。"]);
    assert_eq!(ReportMeta::of(&r), m);
    m.year = 20240;
    assert!(s.update_meta(id, &m).unwrap_err().message.contains("年份"));
}

#[test]
fn section_tree_edits() {
    let (_d, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    let r = s.load(id).unwrap();
    let first = r.sections[0].id.unwrap();
    let kids: Vec<i64> = r.sections[0]
        .children
        .iter()
        .map(|c| c.id.unwrap())
        .collect();

    // Add a sub-item at position 1 and give it text.
    let new = s.add_section(id, Some(first), Some(1), "新增事项").unwrap();
    s.update_section(new, "新增事项二", true).unwrap();
    s.set_section_paragraphs(new, &["内容。".into()]).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(r.sections[0].children[1].heading, "新增事项二");
    assert!(r.sections[0].children[1].run_in);
    assert_eq!(r.sections[0].children[2].id, Some(kids[1]));

    // Move up / down.
    s.move_up(new).unwrap();
    assert_eq!(s.load(id).unwrap().sections[0].children[0].id, Some(new));
    s.move_up(new).unwrap(); // already first: no-op
    s.move_down(new).unwrap();
    assert_eq!(s.load(id).unwrap().sections[0].children[1].id, Some(new));

    // Indent under the previous sibling, then outdent back after it.
    s.indent(new).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(r.sections[0].children[0].children[0].id, Some(new));
    assert_eq!(r.sections[0].children[0].children[0].paragraphs, ["内容。"]);
    s.outdent(new).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(r.sections[0].children[1].id, Some(new));

    // Remove renumbers the rest.
    s.remove_section(new).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(
        r.sections[0]
            .children
            .iter()
            .map(|c| c.id.unwrap())
            .collect::<Vec<_>>(),
        kids
    );
}

#[test]
fn tree_limits_are_enforced() {
    let (_d, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    let top = s.load(id).unwrap().sections[0].id.unwrap();
    let l2 = s.add_section(id, Some(top), None, "二级").unwrap();
    let l3 = s.add_section(id, Some(l2), None, "三级").unwrap();
    let l4 = s.add_section(id, Some(l3), None, "四级").unwrap();
    let e = s.add_section(id, Some(l4), None, "五级").unwrap_err();
    assert!(e.message.contains("最多 4 级"), "{}", e.message);
    // A node cannot move into its own subtree.
    let e = s.move_section(l2, Some(l4), 0).unwrap_err();
    assert!(e.message.contains("自己的下级"));
    // Moving a 3-level subtree under a level-3 node would make level 5.
    let other = s.add_section(id, Some(top), None, "另一个二级").unwrap();
    let deep = s.add_section(id, Some(other), None, "三级").unwrap();
    let e = s.move_section(l2, Some(deep), 0).unwrap_err();
    assert!(e.message.contains("最多 4 级"));
    assert!(s.load(id).unwrap().validate().is_ok());
}

#[test]
fn duplicate_copies_everything() {
    let (_d, mut s) = temp_store();
    let a = s.create(&sample()).unwrap();
    let b = s.duplicate(a).unwrap();
    assert_ne!(a, b);
    let (ra, rb) = (s.load(a).unwrap(), s.load(b).unwrap());
    assert_eq!(rb.title, ra.title);
    assert_eq!(s.summary(b).unwrap().name, format!("{}（副本）", ra.title));
    assert_eq!(rb.without_ids().sections, ra.without_ids().sections);
}

#[test]
fn versions_snapshot_and_restore() {
    let (_d, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    let v1 = s.save_version(id, "初稿").unwrap();
    let node = s.load(id).unwrap().sections[1].id.unwrap();
    s.set_section_paragraphs(node, &["全部改掉。".into()])
        .unwrap();
    s.set_title(id, "新标题").unwrap();

    s.restore_version(v1).unwrap();
    let r = s.load(id).unwrap();
    assert_eq!(r.without_ids(), sample());
    let versions = s.list_versions(id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].name, "恢复前自动保存");
    assert_eq!(versions[1].name, "初稿");
    // The pre-restore state is itself restorable.
    let (_, before) = s.version_report(versions[0].id).unwrap();
    assert_eq!(before.title, "新标题");
    assert_eq!(before.sections[1].paragraphs, ["全部改掉。"]);
}

#[test]
fn reopening_keeps_data_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open_dir(dir.path())
        .unwrap()
        .create(&sample())
        .unwrap();
    let s = Store::open_dir(dir.path()).unwrap();
    assert_eq!(s.load(id).unwrap().without_ids(), sample());
}

#[test]
fn migrates_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    std::fs::write(&path, b"").unwrap();
    let mut s = Store::open_file(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    s.create(&sample()).unwrap();
}

#[test]
fn newer_schema_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let e = Store::open_file(&path).err().unwrap();
    assert_eq!(e.kind, crate::ErrorKind::NewerSchema);
    assert!(e.message.contains("更新版本"), "{}", e.message);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Not even a WAL file was created.
    assert!(!dir.path().join("gongwen.db-wal").exists());
}

#[test]
fn garbage_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&path, &junk).unwrap();
    let e = Store::open_file(&path).err().unwrap();
    assert!(e.message.contains("损坏"), "{}", e.message);
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn data_dir_precedence() {
    let explicit = std::path::Path::new("/tmp/explicit");
    assert_eq!(data_dir(Some(explicit)).unwrap(), explicit);
}

/// Report `id` of a store in `dir` after another program wrote `sql` into the database.
fn load_after_hand_edit(sql: &str) -> Result<Report> {
    let (dir, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    drop(s);
    let other = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    other.execute_batch(sql).unwrap();
    drop(other);
    let s = Store::open_dir(dir.path()).unwrap();
    let got = s.load(id);
    // Refusing to open wrote nothing: the list still shows the report as it was.
    assert_eq!(s.list().unwrap().len(), 1);
    got
}

#[test]
fn unreadable_values_are_an_error_naming_them_not_dropped() {
    for (sql, what, value) in [
        ("UPDATE reports SET status='archived'", "状态", "archived"),
        (
            "UPDATE reports SET date='2024-02-30'",
            "成文日期",
            "2024-02-30",
        ),
        ("UPDATE reports SET date='去年底'", "成文日期", "去年底"),
        ("UPDATE reports SET attachments='台账'", "附件列表", "台账"),
        (
            "UPDATE reports SET attachments='[1, 2]'",
            "附件列表",
            "[1, 2]",
        ),
    ] {
        let e = load_after_hand_edit(sql).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Storage, "{sql}");
        for part in [
            what,
            value,
            "双河镇人民政府2024年政务公开工作总结",
            "没有打开",
        ] {
            assert!(e.message.contains(part), "{sql}: {}", e.message);
        }
        // The log gets the field, not the clerk's words.
        assert!(!e.cause.contains(value), "{}", e.cause);
    }
}

#[test]
fn stored_values_that_read_back_load_as_before() {
    let r = load_after_hand_edit("UPDATE reports SET date=NULL, attachments='[]'").unwrap();
    assert_eq!((r.date, r.attachments.len()), (None, 0));
    let r = load_after_hand_edit("UPDATE reports SET status='final'").unwrap();
    assert_eq!(r.status, Status::Final);
}

#[test]
fn headings_and_paragraphs_outside_the_tree_are_an_error() {
    // A heading moved under a parent that does not exist (foreign keys off, as another
    // program may have them), and a paragraph of a node that is not in the report.
    for sql in [
        "PRAGMA foreign_keys=OFF; UPDATE nodes SET parent_id=9999 WHERE id=(SELECT max(id) FROM nodes);",
        "PRAGMA foreign_keys=OFF; UPDATE paragraphs SET node_id=9999 WHERE id=(SELECT max(id) FROM paragraphs);",
    ] {
        let e = load_after_hand_edit(sql).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Storage, "{sql}");
        assert!(e.message.contains("无法归入章节结构"), "{}", e.message);
    }
}

#[test]
fn the_list_still_shows_a_report_with_an_unreadable_status() {
    let (dir, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    s.conn
        .execute("UPDATE reports SET status='??' WHERE id=?1", [id])
        .unwrap();
    assert_eq!(s.list().unwrap()[0].status, Status::Draft);
    assert!(s.load(id).is_err());
    drop(dir);
}

#[test]
fn page_number_style_is_stored_and_defaults_come_from_the_settings() {
    use crate::model::{PageNumberDash, PageNumberPosition, PageNumbers};
    let (_d, mut s) = temp_store();
    assert_eq!(s.default_page_numbers().unwrap(), PageNumbers::default());
    let style = PageNumbers {
        position: PageNumberPosition::Center,
        dash: PageNumberDash::Hyphen,
        first_page: false,
    };
    s.set_default_page_numbers(&style).unwrap();
    assert_eq!(s.default_page_numbers().unwrap(), style);
    // A report started from a template takes the default; one written with its own style
    // keeps it, through create, meta updates and load.
    let mut r = sample();
    s.apply_defaults(&mut r).unwrap();
    assert_eq!(r.page_numbers, style);
    let id = s.create(&r).unwrap();
    assert_eq!(s.load(id).unwrap().page_numbers, style);
    let mut meta = ReportMeta::of(&r);
    meta.page_numbers.position = PageNumberPosition::National;
    s.update_meta(id, &meta).unwrap();
    let back = s.load(id).unwrap();
    assert_eq!(back.page_numbers.position, PageNumberPosition::National);
    assert_eq!(back.page_numbers.dash, PageNumberDash::Hyphen);
    // Next year's copy keeps the style.
    let next = s
        .create_with_checklist(&crate::model::next_year_copy(&back), &[], id)
        .unwrap();
    assert_eq!(s.load(next).unwrap().page_numbers, back.page_numbers);
}

#[test]
fn an_unreadable_page_number_style_is_an_error_not_the_default() {
    let (_d, mut s) = temp_store();
    let id = s.create(&sample()).unwrap();
    s.conn
        .execute(
            "UPDATE reports SET page_numbers='{\"position\":\"left\"}' WHERE id=?1",
            [id],
        )
        .unwrap();
    let e = s.load(id).unwrap_err();
    assert!(e.message.contains("页码样式"), "{}", e.message);
    s.conn
        .execute(
            "INSERT INTO settings (key, value) VALUES ('page_numbers', 'x')",
            [],
        )
        .unwrap();
    assert!(s
        .default_page_numbers()
        .unwrap_err()
        .message
        .contains("页码样式"));
}

#[test]
fn reports_written_before_page_number_styles_get_the_national_style() {
    use crate::model::PageNumbers;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        // A database as the previous schema (version 2) left it, with one report.
        let c = rusqlite::Connection::open(&path).unwrap();
        for m in &schema::MIGRATIONS[..2] {
            c.execute_batch(m).unwrap();
        }
        c.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO reports (year, title, created_at, updated_at) VALUES (2023, '旧报告', 0, 0);",
        )
        .unwrap();
    }
    let s = Store::open_dir(dir.path()).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let id = s.list().unwrap()[0].id;
    let r = s.load(id).unwrap();
    assert_eq!(r.title, "旧报告");
    assert_eq!(r.page_numbers, PageNumbers::default());
}

#[test]
fn formal_parts_and_attachment_texts_round_trip() {
    use crate::model::{Attachment, Header, Record};
    let (_d, mut s) = temp_store();
    let mut r = sample();
    r.header = Some(Header {
        organ: "双河镇人民政府文件".into(),
        number: "双政〔2024〕12号".into(),
        signers: vec!["李明远".into(), "王建华".into()],
    });
    r.record = Some(Record {
        cc: vec!["县政务公开办".into()],
        printed_by: "双河镇党政综合办公室".into(),
        printed_on: Date::new(2024, 12, 21),
    });
    r.attachments = vec![Attachment {
        name: "台账".into(),
        paragraphs: vec!["第一段。".into()],
    }];
    let id = s.create(&r).unwrap();
    let back = s.load(id).unwrap();
    assert_eq!((&back.header, &back.record), (&r.header, &r.record));
    assert_eq!(back.attachments, r.attachments);
    // Turning the formal parts off stores NULL again.
    let mut m = ReportMeta::of(&back);
    m.header = None;
    m.record = None;
    s.update_meta(id, &m).unwrap();
    let back = s.load(id).unwrap();
    assert!(back.header.is_none() && back.record.is_none());
    // An attachments list written before attachments had texts (plain names) still loads.
    s.conn
        .execute(
            "UPDATE reports SET attachments='[\"台账\",\"名单\"]' WHERE id=?1",
            [id],
        )
        .unwrap();
    assert_eq!(s.load(id).unwrap().attachments, ["台账", "名单"]);
    // A 版头 that cannot be read is an error naming it, not a report without one.
    s.conn
        .execute("UPDATE reports SET header='{' WHERE id=?1", [id])
        .unwrap();
    assert!(s.load(id).unwrap_err().message.contains("版头"));
}

#[test]
fn tables_are_stored_between_paragraphs_and_a_corrupt_one_is_refused() {
    use crate::model::{Cell, Item, Table};
    let (_d, mut s) = temp_store();
    let mut r = sample();
    let table = Table {
        title: Some("表1　主动公开情况".into()),
        header_rows: 1,
        rows: vec![
            vec![Cell::span("信息内容", 1, 1), "本年制发件数".into()],
            vec!["规章".into(), "0".into()],
        ],
        widths: Some(vec![100.0, 56.0]),
    };
    r.sections[1].paragraphs = vec!["问题一。".into(), table.clone().into(), "问题二。".into()];
    let id = s.create(&r).unwrap();
    let back = s.load(id).unwrap();
    assert_eq!(back.sections[1].paragraphs, r.sections[1].paragraphs);
    // Typing in a cell rewrites that one row.
    let node = back.sections[1].id.unwrap();
    let mut items = back.sections[1].paragraphs.clone();
    items[1].table_mut().unwrap().rows[1][1] = Cell::new("2");
    assert_eq!(s.set_section_paragraphs(node, &items).unwrap(), 1);
    assert_eq!(s.load(id).unwrap().sections[1].paragraphs, items);
    // A row whose table JSON was damaged is reported, not read as an empty paragraph.
    s.conn
        .execute("UPDATE paragraphs SET tbl='{' WHERE tbl IS NOT NULL", [])
        .unwrap();
    let e = s.load(id).unwrap_err();
    assert!(e.message.contains("表格已损坏"), "{}", e.message);
    assert!(matches!(items[0], Item::Text(_)));
}
