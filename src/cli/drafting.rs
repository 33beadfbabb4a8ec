//! The CLI commands over import, checks, the word list and new-from-last-year.

use super::args::Args;
use super::{open_store, print_json, report_arg, usage};
use gongwen::check::{self, Severity, WordList};
use gongwen::error::Error;
use gongwen::import::{self, ImportOptions};
use gongwen::store::{self, Store, DB_FILE};
use std::path::Path;

pub fn import(args: &Args) -> Result<(), Error> {
    let file = args
        .positionals
        .get(1)
        .ok_or_else(|| usage("缺少要导入的文件（用 - 表示从标准输入读取）。".into()))?;
    let year = match args.value("year") {
        Some(y) => Some(
            y.trim()
                .parse()
                .map_err(|_| usage(format!("年份“{y}”应为四位数字，例如 2024。")))?,
        ),
        None => None,
    };
    let opts = ImportOptions {
        kind: args.value("template").map(str::to_string),
        unit: args.value("unit").map(str::to_string),
        year,
        period: args.value("period").map(str::to_string),
    };
    let res = import::import_file(Path::new(file), &opts)?;
    let r = &res.report;
    // What was done goes to stderr, so stdout stays the id (or the JSON) for scripts.
    eprintln!(
        "已识别：标题“{}”，{}年，一级标题{}个，共{}个小节，待填项{}处，清理{}处。",
        r.title,
        r.year,
        r.sections.len(),
        r.section_count(),
        res.placeholders.len(),
        res.notes.len()
    );
    if args.flag("json") {
        return print_json(&res.report);
    }
    let id = open_store(args)?.create(&res.report)?;
    println!("{id}");
    Ok(())
}

/// The word list to check with: the clerk's when a store exists, else the shipped one.
fn word_list(args: &Args, for_stored_report: bool) -> Result<WordList, Error> {
    let dir = store::data_dir(args.path("data-dir").as_deref())?;
    if for_stored_report || dir.join(DB_FILE).is_file() {
        return Store::open_dir(&dir)?.word_list();
    }
    Ok(WordList::builtin())
}

/// Returns the exit code: 0 without error-level findings, 1 with.
pub fn check(args: &Args) -> Result<i32, Error> {
    let r = report_arg(args)?;
    let stored = !args
        .positionals
        .get(1)
        .is_some_and(|p| Path::new(p).is_file());
    let words = word_list(args, stored)?;
    // A stored report is checked against last year's of the same unit too (its tables).
    let last = match stored {
        true => gongwen::ops::last_year_report(&open_store(args)?, &r)?,
        false => None,
    };
    let findings = check::run_with_last_year(&r, &words, last.as_ref());
    let counts = check::count(&findings);
    if args.flag("json") {
        print_json(&findings)?;
    } else {
        for f in &findings {
            println!("{}", f.display_line());
        }
        println!(
            "共 {} 个错误、{} 个提醒、{} 个提示。",
            counts.errors, counts.warnings, counts.infos
        );
    }
    Ok(if findings.iter().any(|f| f.severity == Severity::Error) {
        1
    } else {
        0
    })
}

pub fn next_year(args: &Args, id: i64) -> Result<(), Error> {
    let mut s = open_store(args)?;
    let new_id = gongwen::ops::new_from_last_year(&mut s, id)?;
    println!("{new_id}");
    Ok(())
}

pub fn checklist(args: &Args, id: i64) -> Result<(), Error> {
    let items = open_store(args)?.carry_checklist(id)?;
    if args.flag("json") {
        return print_json(&items);
    }
    for i in items {
        println!("{}\t[{}] {}", i.id, if i.done { "x" } else { " " }, i.text);
    }
    Ok(())
}

pub fn words(args: &Args) -> Result<(), Error> {
    let mut s = open_store(args)?;
    match args.positionals.get(1).map(String::as_str) {
        None | Some("list") => {
            let list = s.word_list()?;
            if args.flag("json") {
                return print_json(&list.entries);
            }
            for e in list.entries {
                println!(
                    "{}\t{}\t{}\t{}",
                    e.id.unwrap_or(0),
                    e.wrong,
                    e.right,
                    e.note
                );
            }
            Ok(())
        }
        Some("add") => {
            let (Some(wrong), Some(right)) = (args.positionals.get(2), args.positionals.get(3))
            else {
                return Err(usage(
                    "用法：gongwen words add 错误写法 正确写法 [说明]".into(),
                ));
            };
            let note = args.positionals.get(4).map(String::as_str).unwrap_or("");
            println!("{}", s.add_word(wrong, right, note)?);
            Ok(())
        }
        Some("remove") => {
            let raw = args
                .positionals
                .get(2)
                .ok_or_else(|| usage("缺少词的编号。".into()))?;
            let id = raw
                .parse()
                .map_err(|_| usage(format!("“{raw}”不是有效的编号。")))?;
            s.remove_word(id)
        }
        Some(other) => Err(usage(format!(
            "words 只认识 list、add、remove，不认识“{other}”。"
        ))),
    }
}
