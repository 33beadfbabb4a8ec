//! The clerk's word list in the store, and a new report from last year's with its checklist.

use gongwen::check::{self, codes};
use gongwen::error::ErrorKind;
use gongwen::import::{import_text, ImportOptions};
use gongwen::model::{Date, Section};
use gongwen::ops;
use gongwen::store::Store;

#[test]
fn word_list_is_seeded_once_and_editable() {
    let d = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(d.path()).unwrap();
    let list = s.word_list().unwrap();
    let builtin = check::WordList::builtin();
    assert_eq!(list.entries.len(), builtin.entries.len());
    assert!(list.entries.iter().all(|e| e.id.is_some() && e.builtin));

    let mut r = gongwen::fixtures::sample_report(1);
    r.opening = vec!["我镇按排专人负责，坚持网格化管里。".into()];
    let wrong = |s: &mut Store| {
        let words = s.word_list().unwrap();
        check::run(&r, &words)
            .into_iter()
            .filter(|f| f.code == codes::WRONG_WORD)
            .count()
    };
    assert_eq!(wrong(&mut s), 1);
    let id = s.add_word("管里", "管理", "我们自己加的").unwrap();
    assert_eq!(wrong(&mut s), 2);
    // Changing an existing wrong word keeps its id.
    assert_eq!(s.add_word("管里", "管理", "改了说明").unwrap(), id);
    assert!(s.add_word("同", "同", "").is_err());
    assert!(s.add_word("", "x", "").is_err());

    let builtin_id = s
        .word_list()
        .unwrap()
        .entries
        .iter()
        .find(|e| e.wrong == "按排")
        .and_then(|e| e.id)
        .unwrap();
    s.remove_word(builtin_id).unwrap();
    assert_eq!(wrong(&mut s), 1);
    assert_eq!(
        s.remove_word(builtin_id).unwrap_err().kind,
        ErrorKind::NotFound
    );
    drop(s);
    // Reopened: the removed entry stays removed, the added one stays.
    let mut s = Store::open_dir(d.path()).unwrap();
    assert_eq!(wrong(&mut s), 1);
    assert_eq!(s.restore_builtin_words().unwrap(), 1);
    assert_eq!(wrong(&mut s), 2);
}

#[test]
fn new_from_last_year_keeps_the_skeleton_and_carries_the_plans() {
    let d = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(d.path()).unwrap();
    let old = gongwen::fixtures::sample_report(2);
    let old_id = s.create(&old).unwrap();
    let stored_old = s.load(old_id).unwrap();
    let new_id = ops::new_from_last_year(&mut s, old_id).unwrap();
    let new = s.load(new_id).unwrap();

    assert_eq!(new.year, 2025);
    assert_eq!(new.title, "双河镇人民政府2025年政务公开工作总结");
    assert!(new.opening[0].starts_with("2025年，"));
    assert_eq!(new.date, None);
    assert_eq!(new.unit, old.unit);
    assert_eq!(new.signature, old.signature);
    assert_eq!(new.attachments[0], "双河镇2025年政务公开工作台账");
    // Every heading kept, no body text, and no plan items (they are the checklist).
    assert_eq!(new.sections.len(), old.sections.len());
    assert_eq!(
        new.sections[0].children.len(),
        old.sections[0].children.len()
    );
    assert_eq!(
        new.sections[0].children[1].heading,
        old.sections[0].children[1].heading
    );
    fn text(s: &[Section]) -> usize {
        s.iter()
            .map(|c| c.paragraphs.len() + text(&c.children))
            .sum()
    }
    assert_eq!(text(&new.sections), 0);
    assert!(new.sections[2].children.is_empty());

    let list = s.carry_checklist(new_id).unwrap();
    let texts: Vec<_> = list.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["加强业务培训", "强化监督考核"]);
    assert!(list
        .iter()
        .all(|i| !i.done && i.source_report_id == Some(old_id)));
    s.set_carry_done(list[0].id, true).unwrap();
    assert!(s.carry_checklist(new_id).unwrap()[0].done);
    assert!(s.set_carry_done(9999, true).is_err());

    // The old report is untouched and has no checklist of its own.
    assert_eq!(s.load(old_id).unwrap(), stored_old);
    assert!(s.carry_checklist(old_id).unwrap().is_empty());

    // The new report's empty sections show up in the checks until written.
    let f = check::run(&new, &check::WordList::builtin());
    assert!(f.iter().any(|f| f.code == codes::EMPTY_SECTION));

    // Unknown report: a clear error, nothing created.
    let before = s.list().unwrap().len();
    assert_eq!(
        ops::new_from_last_year(&mut s, 4242).unwrap_err().kind,
        ErrorKind::NotFound
    );
    assert_eq!(s.list().unwrap().len(), before);
    assert_eq!(
        s.carry_checklist(4242).unwrap_err().kind,
        ErrorKind::NotFound
    );
}

#[test]
fn plans_written_as_yi_shi_become_items() {
    let text = "石门乡2023年政务公开工作总结\n一、工作开展情况\n全年发布信息300条。\n二、下一步工作计划\n明年我乡将从三方面入手：一是加强队伍建设；二是完善考核办法；三是拓宽公开渠道。\n石门乡人民政府\n2023年12月28日\n";
    let r = import_text(text, &ImportOptions::default()).unwrap().report;
    assert_eq!(r.date, Date::new(2023, 12, 28));
    let d = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(d.path()).unwrap();
    let id = s.create(&r).unwrap();
    let new_id = ops::new_from_last_year(&mut s, id).unwrap();
    let items: Vec<_> = s
        .carry_checklist(new_id)
        .unwrap()
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert_eq!(
        items,
        ["一是加强队伍建设", "二是完善考核办法", "三是拓宽公开渠道"]
    );
    // Trashing and purging the new report takes its checklist with it.
    s.trash(new_id).unwrap();
    s.purge(new_id).unwrap();
    assert!(s.carry_checklist(new_id).is_err());
}
