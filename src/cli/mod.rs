//! The `gongwen` command line: the same core and the same store as the app, for batch use
//! and tests. Output on stdout; errors as one Chinese sentence on stderr with a non-zero exit.

mod actions;
mod args;
mod backup;
mod drafting;
mod show;

use args::Args;
use gongwen::error::{Error, ErrorKind};
use gongwen::model::Report;
use gongwen::ops::{self, Fonts, Format};
use gongwen::spec::DocxFontNames;
use gongwen::store::{self, Store};
use gongwen::templates;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const HELP: &str = "\
公文写作台（gongwen）命令行 —— 起草工作总结，按 GB/T 9704-2012 导出 Word 和 PDF

用法：gongwen [--data-dir 目录] <命令> [参数]

命令：
  new --template 模板 --unit 单位 --year 年份 [--period 年度]   新建报告，输出其编号
  list [--json] [--trash]            列出报告（--trash 列出回收站）
  show 编号 [--json]                 显示报告（--json 输出交换格式）
  templates [--json]                 列出可用模板
  import 文件|- [--json] [--template 模板] [--unit 单位] [--year 年份] [--period 时段]
                                     导入范文（.txt 自动识别 UTF-8/GBK、.docx、本程序的 JSON，
                                     - 为标准输入），清理网页杂质、识别结构，输出编号；
                                     --json 只输出识别出的报告、不保存
  export 编号|文件.json [--docx 输出.docx] [--pdf 输出.pdf] [--docx-fonts gb2312|plain]
                                     导出；--docx-fonts 选 Word 文件里的字体名：gb2312 为
                                     仿宋_GB2312、楷体_GB2312（默认，或取“设置”中的选择），
                                     plain 为仿宋、楷体
  check 编号|文件.json [--json]      导出前质检：每条问题一行（位置、说明）；--json 输出数组。
                                     退出码：没有“错误”级问题为 0，有则为 1
  fix 编号 [序号…] [--all]           列出可一键修正的问题（带序号）；给出序号则修正这几处，
                                     --all 修正全部（修正前自动保存版本“全部一键修正之前”）
  fonts [list|import 字体文件] [--json]   查看各部分所用字体；导入 .ttf/.otf/.ttc 字体到数据文件夹
  printers [--json]                  列出打印机（默认打印机标“默认”）
  print 编号 [--printer 打印机] [--copies 份数] [--duplex]   打印（不指定则用默认打印机）
  totals 编号                        按各项计算政府信息公开年度报告表三、表四的合计并填入，
                                     输出改动的格数（改动前自动保存版本“计算表格合计之前”）
  next-year 编号                     以该报告为底稿新建下一年度报告，输出新编号
  checklist 编号 [--json]            列出从去年“下一步工作打算”带来的待办事项
  words [list|add 错词 正词 [说明]|remove 编号] [--json]   查看或编辑易错词表
  rename 编号 新名称                 改列表中显示的名称（文中打印的标题不变）
  retitle 编号 新标题                改文中打印的标题
  duplicate 编号                     复制一份，输出新编号
  delete 编号 / restore 编号         删除到回收站 / 从回收站恢复
  purge 编号                         彻底删除（仅限回收站中的报告）
  versions 编号                      列出版本
  save-version 编号 [--name 名称]    保存版本，输出版本编号；与最新版本相同时不另存，
                                     输出那个版本的编号
  show-version 版本编号              显示某个版本的文字
  rename-version 版本编号 新名称     给版本改名
  restore-version 版本编号           恢复到某个版本（恢复前自动另存当前状态）
  backups [--json]                   列出数据库备份（每天第一次启动时自动备份）
  restore-backup 备份名              用备份替换整个数据库（替换前自动另存当前数据）

全局选项：
  --data-dir 目录    数据文件夹（默认取环境变量 GONGWEN_DATA_DIR，否则为系统数据目录下的 gongwen）
  -h, --help         显示本帮助
  -V, --version      显示版本

gongwen (公文写作台) command line — draft work summaries, export DOCX and PDF in the
official layout of GB/T 9704-2012.

Usage: gongwen [--data-dir DIR] <command> [arguments]

Commands:
  new --template ID --unit UNIT --year YEAR [--period PERIOD]   create a report, print its id
  list [--json] [--trash]            list reports (--trash: the recycle bin)
  show ID [--json]                   show a report (--json: the exchange format)
  templates [--json]                 list the templates
  import FILE|- [--json] [--template ID] [--unit UNIT] [--year YEAR] [--period PERIOD]
                                     import a sample text (.txt in UTF-8/GBK, .docx, our JSON; - is
                                     stdin), clean and structure it, print its id; --json prints it,
                                     stores nothing
  export ID|FILE.json [--docx OUT.docx] [--pdf OUT.pdf] [--docx-fonts gb2312|plain]
                                     export; --docx-fonts picks the font names in the DOCX:
                                     gb2312 = 仿宋_GB2312/楷体_GB2312 (default, or the app's
                                     setting), plain = 仿宋/楷体
  check ID|FILE.json [--json]        pre-export checks, one finding per line (--json: an array);
                                     exit code 0 without error-level findings, 1 with them
  fix ID [N…] [--all]                list the one-click fixes, numbered; apply fixes N…, or all
                                     of them (a version is kept first)
  fonts [list|import FILE] [--json]  which font sets each part; import a .ttf/.otf/.ttc font
  printers [--json]                  list the printers (the default marked)
  print ID [--printer NAME] [--copies N] [--duplex]   print (on the default printer unless named)
  totals ID                          compute the totals of tables 三 and 四 of a 政府信息公开
                                     annual report from their parts, print how many cells changed
                                     (a version is kept first)
  next-year ID                       new report for the next year from this one, print its id
  checklist ID [--json]              last year's plan items carried into this report
  words [list|add WRONG RIGHT [NOTE]|remove ID] [--json]   show or edit the word list
  rename ID NAME                     rename in the list (the printed title stays)
  retitle ID TITLE                   change the printed title
  duplicate ID                       copy a report, print the new id
  delete ID / restore ID             move to / restore from the recycle bin
  purge ID                           delete for good (recycle bin only)
  versions ID                        list the versions
  save-version ID [--name NAME]      save a version, print its id; when the report equals its
                                     newest version nothing is saved and that version's id printed
  show-version VERSION_ID            show the text of a version
  rename-version VERSION_ID NAME     rename a version
  restore-version VERSION_ID         restore a version (the current state is saved first)
  backups [--json]                   list database backups (made on the first start of a day)
  restore-backup NAME                replace the whole database by a backup (kept first)

Global options:
  --data-dir DIR     data folder (default: $GONGWEN_DATA_DIR, else gongwen in the OS data folder)
  -h, --help         show this help
  -V, --version      show the version
";

/// Runs the CLI; returns the process exit code.
pub fn run(raw: Vec<OsString>) -> i32 {
    let args = match Args::parse(raw) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return 2;
        }
    };
    if args.flag("version") {
        println!("gongwen {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if args.flag("help") || args.positionals.is_empty() || args.positionals[0] == "help" {
        print!("{HELP}");
        return if args.positionals.is_empty() && !args.flag("help") {
            2
        } else {
            0
        };
    }
    // `check` reports its findings through the exit code (1 when there are errors).
    let result = if args.positionals[0] == "check" {
        check_command(&args)
    } else {
        dispatch(&args).map(|()| 0)
    };
    // The command's name only: its arguments may be the clerk's words.
    let cmd = args.positionals[0].as_str();
    match result {
        Ok(code) => {
            gongwen::log::info("command", &format!("{cmd} exit {code}"));
            code
        }
        Err(e) => {
            gongwen::log::failure(&format!("command {cmd}"), &e);
            eprintln!("{}", e.message);
            if std::env::var_os("GONGWEN_DEBUG").is_some() {
                eprintln!("(cause: {})", e.cause);
            }
            match e.kind {
                ErrorKind::Input => 2,
                _ => 1,
            }
        }
    }
}

fn check_command(args: &Args) -> Result<i32, Error> {
    args.only(&["json"]).map_err(usage)?;
    if args.positionals.len() > 2 {
        return Err(usage(format!(
            "多余的参数“{}”。",
            args.positionals[2..].join(" ")
        )));
    }
    drafting::check(args)
}

fn usage(msg: String) -> Error {
    Error::input(msg)
}

fn open_store(args: &Args) -> Result<Store, Error> {
    backup::open_store(args)
}

/// The data folder: `--data-dir`, else `GONGWEN_DATA_DIR`, else the OS data folder.
fn data_dir(args: &Args) -> Result<PathBuf, Error> {
    store::data_dir(args.path("data-dir").as_deref())
}

fn id_arg(args: &Args, pos: usize, what: &str) -> Result<i64, Error> {
    let raw = args
        .positionals
        .get(pos)
        .ok_or_else(|| usage(format!("缺少{what}。")))?;
    raw.parse()
        .map_err(|_| usage(format!("“{raw}”不是有效的{what}（应为数字）。")))
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), Error> {
    let s = serde_json::to_string_pretty(v).map_err(|e| Error::storage("输出 JSON 失败。", e))?;
    println!("{s}");
    Ok(())
}

/// Reads a report in our JSON exchange format.
fn read_report_json(path: &Path) -> Result<Report, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("读取文件", path, &e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::input(format!(
            "“{}”不是 UTF-8 编码的公文写作台 JSON 文件；文本或 Word 文件请先用 gongwen import 导入。",
            path.display()
        ))
    })?;
    let r: Report = serde_json::from_str(&text).map_err(|e| {
        Error::input(format!(
            "“{}”不是公文写作台的 JSON 格式（第 {} 行第 {} 列）；文本或 Word 文件请先用 gongwen import 导入。",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    r.validate()
        .map_err(|m| Error::input(format!("“{}”中的报告有误：{m}。", path.display())))?;
    Ok(r)
}

/// `ID` (a report in the store) or `FILE.json` (an existing file).
/// `--docx-fonts gb2312|plain`, else the setting in the store (for a report given by its
/// number), else the default `仿宋_GB2312 / 楷体_GB2312`.
fn docx_font_names(args: &Args) -> Result<DocxFontNames, Error> {
    if let Some(v) = args.value("docx-fonts") {
        return DocxFontNames::from_key(v).ok_or_else(|| {
            usage(format!(
                "--docx-fonts 只能是 gb2312（仿宋_GB2312、楷体_GB2312）或 plain（仿宋、楷体），不是“{v}”。"
            ))
        });
    }
    let by_id = args
        .positionals
        .get(1)
        .is_some_and(|raw| !PathBuf::from(raw).is_file() && raw.parse::<i64>().is_ok());
    if by_id {
        return open_store(args)?.docx_font_names();
    }
    Ok(DocxFontNames::default())
}

fn report_arg(args: &Args) -> Result<Report, Error> {
    let raw = args
        .positionals
        .get(1)
        .ok_or_else(|| usage("缺少报告编号或 JSON 文件。".into()))?;
    let path = PathBuf::from(raw);
    if path.is_file() {
        return read_report_json(&path);
    }
    match raw.parse::<i64>() {
        Ok(id) => open_store(args)?.load(id),
        Err(_) => Err(Error::input(format!(
            "“{raw}”既不是报告编号，也不是存在的文件。"
        ))),
    }
}

fn dispatch(args: &Args) -> Result<(), Error> {
    let cmd = args.positionals[0].as_str();
    let extra = |n: usize| -> Result<(), Error> {
        if args.positionals.len() > n {
            return Err(usage(format!(
                "多余的参数“{}”。",
                args.positionals[n..].join(" ")
            )));
        }
        Ok(())
    };
    match cmd {
        "new" => {
            args.only(&["template", "unit", "year", "period", "title"])
                .map_err(usage)?;
            extra(1)?;
            let kind = args.required("template", "模板编号").map_err(usage)?;
            let unit = args.required("unit", "单位名称").map_err(usage)?;
            let year_raw = args.required("year", "年份").map_err(usage)?;
            let year: i32 = year_raw
                .parse()
                .map_err(|_| usage(format!("年份“{year_raw}”应为四位数字，例如 2024。")))?;
            let period = args.value("period").unwrap_or("年度");
            let title = args.value("title");
            // The template is looked up before the store is opened: a typo creates no folder.
            templates::get(kind)?;
            let mut store = open_store(args)?;
            let id = ops::create_from_template(&mut store, kind, unit, year, period, title)?;
            println!("{id}");
            Ok(())
        }
        "list" => {
            args.only(&["json", "trash"]).map_err(usage)?;
            extra(1)?;
            let store = open_store(args)?;
            let list = if args.flag("trash") {
                store.list_trash()?
            } else {
                store.list()?
            };
            if args.flag("json") {
                return print_json(&list);
            }
            show::print_list(&list);
            Ok(())
        }
        "show" => {
            args.only(&["json"]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            let r = open_store(args)?.load(id)?;
            if args.flag("json") {
                return print_json(&r);
            }
            print!("{}", show::render_text(&r));
            Ok(())
        }
        "templates" => {
            args.only(&["json"]).map_err(usage)?;
            extra(1)?;
            let all = templates::all();
            if args.flag("json") {
                return print_json(&all);
            }
            for t in all {
                println!("{}\t{}\t{}", t.id, t.name, t.description);
            }
            Ok(())
        }
        "import" => {
            args.only(&["json", "template", "unit", "year", "period"])
                .map_err(usage)?;
            extra(2)?;
            drafting::import(args)
        }
        "export" => {
            args.only(&["docx", "pdf", "docx-fonts"]).map_err(usage)?;
            extra(2)?;
            let (docx, pdf) = (args.path("docx"), args.path("pdf"));
            if docx.is_none() && pdf.is_none() {
                return Err(usage("请用 --docx 或 --pdf 指定输出文件。".into()));
            }
            let r = report_arg(args)?;
            let fonts = Fonts::new(&data_dir(args)?);
            let docx = match docx {
                Some(out) => Some((Format::Docx(docx_font_names(args)?), out)),
                None => None,
            };
            for (format, out) in docx.into_iter().chain(pdf.map(|p| (Format::Pdf, p))) {
                ops::export(&r, &fonts, format, &out)?;
                println!("{}", out.display());
            }
            Ok(())
        }
        "check" => check_command(args).map(|_| ()),
        "totals" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            let done = ops::fill_table_totals(&mut open_store(args)?, id)?;
            println!("{}", done.changed);
            Ok(())
        }
        "next-year" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            drafting::next_year(args, id)
        }
        "fix" => {
            args.only(&["all"]).map_err(usage)?;
            actions::fix(args)
        }
        "fonts" => {
            args.only(&["json"]).map_err(usage)?;
            extra(3)?;
            actions::fonts(args)
        }
        "printers" => {
            args.only(&["json"]).map_err(usage)?;
            extra(1)?;
            actions::printers(args)
        }
        "print" => {
            args.only(&["printer", "copies", "duplex"]).map_err(usage)?;
            extra(2)?;
            actions::print(args)
        }
        "checklist" => {
            args.only(&["json"]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            drafting::checklist(args, id)
        }
        "words" => {
            args.only(&["json"]).map_err(usage)?;
            drafting::words(args)
        }
        "rename" | "retitle" | "rename-version" => {
            args.only(&[]).map_err(usage)?;
            extra(3)?;
            let what = if cmd == "rename-version" {
                "版本编号"
            } else {
                "报告编号"
            };
            let id = id_arg(args, 1, what)?;
            let text = args
                .positionals
                .get(2)
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| {
                    let missing = if cmd == "retitle" {
                        "缺少新标题。"
                    } else {
                        "缺少新名称。"
                    };
                    usage(missing.into())
                })?;
            let mut s = open_store(args)?;
            match cmd {
                "rename" => s.rename(id, text),
                "retitle" => s.set_title(id, text),
                _ => s.rename_version(id, text),
            }
        }
        "duplicate" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            println!("{}", open_store(args)?.duplicate(id)?);
            Ok(())
        }
        "delete" | "restore" | "purge" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            let mut s = open_store(args)?;
            match cmd {
                "delete" => s.trash(id),
                "restore" => s.restore(id),
                _ => s.purge(id),
            }
        }
        "versions" => {
            args.only(&["json"]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            let list = open_store(args)?.list_versions(id)?;
            if args.flag("json") {
                return print_json(&list);
            }
            for v in list {
                println!("{}\t{}\t{}", v.id, v.created, v.name);
            }
            Ok(())
        }
        "save-version" => {
            args.only(&["name"]).map_err(usage)?;
            extra(2)?;
            let id = id_arg(args, 1, "报告编号")?;
            let name = args.value("name").unwrap_or("");
            let saved = open_store(args)?.save_version_if_changed(id, name)?;
            if !saved.saved {
                eprintln!("{}", saved.message);
            }
            println!("{}", saved.id);
            Ok(())
        }
        "show-version" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let v = id_arg(args, 1, "版本编号")?;
            let (_, r) = open_store(args)?.version_report(v)?;
            print!("{}", show::render_text(&r));
            Ok(())
        }
        "restore-version" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            let v = id_arg(args, 1, "版本编号")?;
            open_store(args)?.restore_version(v)?;
            Ok(())
        }
        "backups" => {
            args.only(&["json"]).map_err(usage)?;
            extra(1)?;
            backup::list(args)
        }
        "restore-backup" => {
            args.only(&[]).map_err(usage)?;
            extra(2)?;
            backup::restore(args)
        }
        other => Err(usage(format!(
            "不认识的命令“{other}”，请用 gongwen --help 查看用法。"
        ))),
    }
}
