//! The CLI commands over the operations the app offers too: one-click fixes, font import,
//! printing (`gongwen fix`, `gongwen fonts`, `gongwen printers`, `gongwen print`).

use super::args::Args;
use super::{data_dir, id_arg, open_store, print_json, usage};
use gongwen::error::Error;
use gongwen::ops::{self, Fonts};
use gongwen::print::{PrintMethod, PrintOptions};
use std::path::Path;

/// `fix ID` lists the one-click fixes, numbered; `fix ID N…` applies those; `fix ID --all`
/// applies every one (keeping a version first, as the app's 全部一键修正 does).
pub fn fix(args: &Args) -> Result<(), Error> {
    let id = id_arg(args, 1, "报告编号")?;
    let mut store = open_store(args)?;
    if args.flag("all") {
        if args.positionals.len() > 2 {
            return Err(usage("--all 与修正序号不能同时使用。".into()));
        }
        let done = ops::fix_all(&mut store, id)?;
        return report_applied(done.applied);
    }
    let fixes: Vec<_> = ops::run_checks(&mut store, id)?
        .into_iter()
        .filter_map(|f| f.fix.map(|x| (f.location.describe(), f.message, x)))
        .collect();
    let wanted = args.positionals[2..]
        .iter()
        .map(|raw| {
            raw.parse::<usize>()
                .ok()
                .filter(|n| (1..=fixes.len()).contains(n))
                .ok_or_else(|| {
                    usage(format!(
                        "“{raw}”不是有效的修正序号（应为 1 到 {}，用 gongwen fix {id} 查看）。",
                        fixes.len()
                    ))
                })
        })
        .collect::<Result<Vec<usize>, Error>>()?;
    match wanted.as_slice() {
        [] => {
            if fixes.is_empty() {
                println!("没有可一键修正的问题。");
            }
            for (n, (loc, message, f)) in fixes.iter().enumerate() {
                println!("{}\t{loc}：{message} → {}", n + 1, f.label);
            }
            Ok(())
        }
        [one] => {
            ops::apply_fix(&mut store, id, &fixes[one - 1].2)?;
            report_applied(1)
        }
        many => {
            let chosen: Vec<_> = many.iter().map(|n| fixes[n - 1].2.clone()).collect();
            let done = ops::apply_fixes(&mut store, id, &chosen)?;
            report_applied(done.applied)
        }
    }
}

fn report_applied(applied: usize) -> Result<(), Error> {
    println!("已修正 {applied} 处。");
    Ok(())
}

/// `fonts [list] [--json]` shows which font sets each role; `fonts import FILE` copies a font
/// into the data folder.
pub fn fonts(args: &Args) -> Result<(), Error> {
    let fonts = Fonts::new(&data_dir(args)?);
    let rows = match args.positionals.get(1).map(String::as_str) {
        None | Some("list") => fonts.report()?,
        Some("import") => {
            let file = args
                .positionals
                .get(2)
                .ok_or_else(|| usage("缺少要导入的字体文件。".into()))?;
            let rows = fonts.import(Path::new(file))?;
            eprintln!("已导入字体文件 {file}。");
            rows
        }
        Some(other) => {
            return Err(usage(format!(
                "fonts 只认识 list、import，不认识“{other}”。"
            )))
        }
    };
    if args.flag("json") {
        return print_json(&rows.rows);
    }
    for r in rows.rows {
        println!("{}\t{}\t{}", r.summary, r.font_name, r.path);
    }
    if let Some(advice) = rows.advice {
        eprintln!("{advice}");
    }
    Ok(())
}

/// `printers [--json]`: the CUPS queues, the default marked.
pub fn printers(args: &Args) -> Result<(), Error> {
    let setup = ops::print_setup()?;
    if args.flag("json") {
        return print_json(&setup);
    }
    if setup.method == PrintMethod::SystemViewer {
        println!("本机通过系统的 PDF 阅读器打印。");
    } else if setup.printers.is_empty() {
        println!("没有可用的打印机。");
    }
    for p in setup.printers {
        println!("{}{}", p.name, if p.is_default { "\t默认" } else { "" });
    }
    Ok(())
}

/// `print ID [--printer NAME] [--copies N] [--duplex]`: the default printer unless named.
pub fn print(args: &Args) -> Result<(), Error> {
    let id = id_arg(args, 1, "报告编号")?;
    let copies = match args.value("copies") {
        None => 1,
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|_| usage(format!("份数“{raw}”应为 1 到 99 的数字。")))?,
    };
    let options = match ops::print_setup()? {
        s if s.method == PrintMethod::SystemViewer => None,
        s => {
            let printer = match args.value("printer") {
                Some(p) => p.to_string(),
                None => s
                    .printers
                    .into_iter()
                    .find(|p| p.is_default)
                    .map(|p| p.name)
                    .ok_or_else(|| {
                        usage("没有默认打印机，请用 --printer 指定（gongwen printers 列出可用的打印机）。".into())
                    })?,
            };
            Some(PrintOptions {
                printer,
                copies,
                duplex: args.flag("duplex"),
            })
        }
    };
    let report = open_store(args)?.load(id)?;
    let fonts = Fonts::new(&data_dir(args)?);
    let job = ops::print_report(&report, &fonts, options.as_ref(), &std::env::temp_dir())?;
    if job.is_empty() {
        println!("已在系统的 PDF 阅读器中打开，请在其中打印。");
    } else {
        println!("已发送到打印机，任务号 {job}。");
    }
    Ok(())
}
