//! The import preview's lines: every input gives lines with roles from which `rebuild` makes
//! the same report the import made (so the preview shows what will be stored), and the
//! clerk's corrections — a role changed, a removed line restored, a heading split from its
//! body — reach the report. The field inputs beside the repository are read at test time.

use gongwen::import::{import_file, import_text, rebuild, ImportOptions, Line, Role};
use std::path::PathBuf;

fn field_dir() -> PathBuf {
    std::env::var_os("GONGWEN_FIELD")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/field")))
}

const PASTE: &str = "首页 > 政务公开 > 工作动态\n浏览次数：1024\n\
柳湾镇2024年政务公开工作总结\n县政务公开办：\n\
2024年，我镇认真落实政务公开各项要求，现将有关情况总结如下。\n\
一、主要工作\n（一）健全机制。镇里成立了工作专班，明确专人负责信息发布。\n\
（二）公开重点信息\n全年公开财政预决算、惠民补贴等信息86条。\n\
二、下步打算\n继续完善公开目录。\n\
柳湾镇人民政府\n2025年1月10日\n（联系人：王敏，电话：0000-1234567）\n打印本页 关闭窗口";

#[test]
fn rebuilding_the_recognised_lines_gives_the_imported_report() {
    let dir = field_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} is absent: field inputs skipped", dir.display());
        return;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if ext != "txt" && ext != "docx" {
            continue;
        }
        let r = import_file(&p, &ImportOptions::default()).unwrap();
        assert!(!r.lines.is_empty(), "{}: no lines", p.display());
        let again = rebuild(&r.lines, &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{}: {}", p.display(), e.message));
        assert_eq!(again.report, r.report, "{}", p.display());
        assert_eq!(again.proposal, r.proposal, "{}", p.display());
        let restorable = r.removed.iter().filter(|x| x.restorable).count();
        let listed = r.lines.iter().filter(|l| l.role == Role::Removed).count();
        assert_eq!(
            listed,
            restorable,
            "{}: removed lines in the preview",
            p.display()
        );
        n += 1;
    }
    assert!(n >= 20, "only {n} field inputs read");
}

#[test]
fn lines_come_in_input_order_with_their_roles() {
    let r = import_text(PASTE, &ImportOptions::default()).unwrap();
    let roles: Vec<(Role, &str)> = r.lines.iter().map(|l| (l.role, l.text.as_str())).collect();
    assert_eq!(roles[0], (Role::Removed, "首页 > 政务公开 > 工作动态"));
    assert_eq!(roles[1].0, Role::Removed);
    assert_eq!(roles[2], (Role::Title, "柳湾镇2024年政务公开工作总结"));
    assert_eq!(roles[3], (Role::Addressee, "县政务公开办"));
    assert_eq!(roles[4].0, Role::Opening);
    let heads: Vec<(u8, &str)> = r
        .lines
        .iter()
        .filter(|l| l.role == Role::Heading)
        .map(|l| (l.level, l.text.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            (1, "主要工作"),
            (2, "健全机制。"),
            (2, "公开重点信息"),
            (1, "下步打算")
        ]
    );
    let tail: Vec<Role> = r.lines.iter().rev().take(4).map(|l| l.role).collect();
    assert_eq!(
        tail,
        [Role::Removed, Role::Note, Role::Date, Role::Signature]
    );
}

#[test]
fn the_clerks_corrections_reach_the_report() {
    let r = import_text(PASTE, &ImportOptions::default()).unwrap();
    let mut lines: Vec<Line> = r.lines.clone();
    // The opening becomes a level-1 heading's body: make the opening line a heading.
    let k = lines.iter().position(|l| l.text == "公开重点信息").unwrap();
    lines[k].level = 1;
    // Restore the breadcrumb line as opening text.
    let b = lines
        .iter()
        .position(|l| l.text.starts_with("首页"))
        .unwrap();
    lines[b].role = Role::Opening;
    // Split the run-in heading from its body: the heading keeps its sentence, the body
    // becomes its own line.
    let s = lines.iter().position(|l| l.text == "健全机制。").unwrap();
    lines[s].run_in = false;
    let out = rebuild(&lines, &ImportOptions::default()).unwrap();
    let rep = &out.report;
    assert_eq!(rep.opening[0], "首页 > 政务公开 > 工作动态");
    let top: Vec<&str> = rep.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(top, ["主要工作", "公开重点信息", "下步打算"]);
    assert_eq!(rep.sections[0].children.len(), 1);
    assert!(!rep.sections[0].children[0].run_in);
    assert_eq!(
        rep.sections[1].paragraphs[0],
        "全年公开财政预决算、惠民补贴等信息86条。"
    );
    assert_eq!(rep.addressee.as_deref(), Some("县政务公开办"));
    assert_eq!(
        rep.note.as_deref(),
        Some("（联系人：王敏，电话：0000-1234567）")
    );
    assert!(!out.removed.iter().any(|x| x.text.starts_with("首页")));
    // Everything removed: a clear message, nothing stored.
    let all_gone: Vec<Line> = lines
        .into_iter()
        .map(|mut l| {
            l.role = Role::Removed;
            l
        })
        .collect();
    let e = rebuild(&all_gone, &ImportOptions::default()).unwrap_err();
    assert!(e.message.contains("已删除"), "{}", e.message);
}
