//! The operations the app and the CLI share, through the real binary on a temporary data dir:
//! one-click fixes (`gongwen fix`), font import (`gongwen fonts import`) and printing
//! (`gongwen printers`, `gongwen print`, with stand-in CUPS tools on PATH).

use crate::cli_support::{files, gongwen, ok};

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const PASTE: &str = "石门乡2024年政务公开工作总结\n2024年，我乡认真做好政务公开。\n一、工作开展情况\n全年发布信息300条,按排专人负责;每月更新一次。\n二、存在的问题\n公开内容还不够全面。\n三、下一步工作打算\n加强培训。\n石门乡人民政府\n2024年12月20日\n";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every section id in reading order, from `show --json`.
fn section_ids(report: &Value) -> Vec<i64> {
    fn walk(list: &Value, out: &mut Vec<i64>) {
        for s in list.as_array().unwrap() {
            out.push(s["id"].as_i64().unwrap());
            walk(&s["children"], out);
        }
    }
    let mut out = Vec::new();
    walk(&report["sections"], &mut out);
    out
}

fn show(p: &Path, id: &str) -> Value {
    serde_json::from_str(&ok(p, &["show", id, "--json"])).unwrap()
}

#[test]
fn fix_lists_applies_one_and_all_in_one_version() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let txt = p.join("paste.txt");
    std::fs::write(&txt, PASTE).unwrap();
    let id = ok(p, &["import", txt.to_str().unwrap()]).trim().to_string();
    // Import makes the punctuation full-width; the half-width marks a clerk types later are
    // put back through the library, on the same store.
    {
        let mut s = gongwen::store::Store::open_dir(p).unwrap();
        let r = s.load(id.parse().unwrap()).unwrap();
        let node = r.sections[0].id.unwrap();
        let typed = "全年发布信息300条,按排专人负责;每月更新一次。".to_string();
        s.set_section_paragraphs(node, &[typed.into()]).unwrap();
    }
    let before = show(p, &id);

    // Listed with numbers: the half-width comma and semicolon, the wrong word.
    let list = ok(p, &["fix", &id]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "{list}");
    assert!(lines[0].starts_with("1\t一、第1段"), "{list}");
    assert!(list.contains("按排"), "{list}");

    // One fix by its number: only that one, no version kept.
    assert_eq!(ok(p, &["fix", &id, "1"]).trim(), "已修正 1 处。");
    let after_one = show(p, &id);
    let text = after_one["sections"][0]["paragraphs"][0].as_str().unwrap();
    assert!(text.starts_with("全年发布信息300条，按排"), "{text}");
    assert!(ok(p, &["versions", &id]).trim().is_empty());

    // A number out of range is a usage error (exit 2) and changes nothing.
    let out = gongwen(p, &["fix", &id, "9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("不是有效的修正序号"),
        "{}",
        stderr(&out)
    );
    assert_eq!(show(p, &id), after_one);

    // The rest at once: one version kept before, every section keeps its id.
    assert_eq!(ok(p, &["fix", &id, "--all"]).trim(), "已修正 2 处。");
    let after = show(p, &id);
    assert_eq!(
        after["sections"][0]["paragraphs"][0],
        "全年发布信息300条，安排专人负责；每月更新一次。"
    );
    assert_eq!(section_ids(&after), section_ids(&before));
    let versions = ok(p, &["versions", &id]);
    assert_eq!(versions.lines().count(), 1, "{versions}");
    assert!(versions.contains("全部一键修正之前"), "{versions}");
    assert_eq!(ok(p, &["fix", &id]).trim(), "没有可一键修正的问题。");
    assert_eq!(ok(p, &["fix", &id, "--all"]).trim(), "已修正 0 处。");
    assert_eq!(ok(p, &["versions", &id]).lines().count(), 1);

    let out = gongwen(p, &["fix", "4242", "--all"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("找不到编号为 4242"));
}

#[test]
fn fonts_import_copies_a_real_font_and_refuses_anything_else() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    let bundled = gongwen::resources::dir().join("fonts/FandolKai-Regular.otf");
    let mine = d.path().join("我的楷体.otf");
    std::fs::copy(&bundled, &mine).unwrap();

    let out = ok(
        &data,
        &["fonts", "import", mine.to_str().unwrap(), "--json"],
    );
    let rows: Value = serde_json::from_str(&out).unwrap();
    assert!(rows.as_array().unwrap().len() >= 6, "{out}");
    assert_eq!(files(&data.join("fonts")), ["我的楷体.otf"]);
    assert_eq!(
        std::fs::read(data.join("fonts/我的楷体.otf")).unwrap(),
        std::fs::read(&bundled).unwrap()
    );
    // Which font wins a role is the font module's choice; the list names one per role.
    let text = ok(&data, &["fonts"]);
    assert_eq!(
        text.lines().count(),
        rows.as_array().unwrap().len(),
        "{text}"
    );
    assert!(text.lines().all(|l| l.contains('：')), "{text}");

    // A renamed document is bad input (exit 2), and nothing is copied.
    let fake = d.path().join("假字体.ttf");
    std::fs::write(&fake, b"PK\x03\x04 a docx renamed").unwrap();
    let out = gongwen(&data, &["fonts", "import", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("不是可用的字体文件"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files(&data.join("fonts")), ["我的楷体.otf"]);

    // A fonts folder that cannot be made is a storage failure (exit 1), said in Chinese.
    let blocked = d.path().join("blocked");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("fonts"), b"a file where the folder goes").unwrap();
    let out = gongwen(&blocked, &["fonts", "import", mine.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("创建字体文件夹失败"),
        "{}",
        stderr(&out)
    );
}

/// A folder with stand-ins for CUPS' `lpstat` and `lp`: two queues, `Office` the default; `lp`
/// records its arguments and keeps a copy of the file it was given.
fn fake_cups(dir: &Path, with_default: bool) {
    let default = if with_default {
        "echo 'system default destination: Office'"
    } else {
        "echo 'no system default destination'"
    };
    let lpstat = format!(
        "#!/bin/sh\ncase \"$1\" in\n  -e) printf 'PDF\\nOffice\\n' ;;\n  -d) {default} ;;\nesac\n"
    );
    let log = dir.join("lp-args");
    let copy = dir.join("spooled.pdf");
    let lp = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nfor last in \"$@\"; do :; done\ncp \"$last\" '{}'\necho 'request id is Office-7 (1 file(s))'\n",
        log.display(),
        copy.display()
    );
    for (name, body) in [("lpstat", lpstat), ("lp", lp)] {
        let f = dir.join(name);
        std::fs::write(&f, body).unwrap();
        Command::new("chmod").arg("+x").arg(&f).status().unwrap();
    }
}

fn with_cups(data: &Path, bin: &Path, tmp: &Path, args: &[&str]) -> Output {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("PATH", path)
        .env("TMPDIR", tmp)
        .env("GONGWEN_NO_SYSTEM_FONTS", "1")
        .output()
        .unwrap()
}

#[test]
fn print_renders_names_and_sends_the_pdf_to_the_default_queue() {
    let d = tempfile::tempdir().unwrap();
    let (data, bin, tmp) = (
        d.path().join("data"),
        d.path().join("bin"),
        d.path().join("tmp"),
    );
    for dir in [&data, &bin, &tmp] {
        std::fs::create_dir_all(dir).unwrap();
    }
    fake_cups(&bin, true);
    let id = ok(
        &data,
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "双河镇人民政府",
            "--year",
            "2024",
        ],
    )
    .trim()
    .to_string();

    let out = with_cups(&data, &bin, &tmp, &["printers", "--json"]);
    let setup: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(setup["method"], "cups");
    assert_eq!(setup["printers"][0]["name"], "Office");
    assert_eq!(setup["printers"][0]["is_default"], true);

    let out = with_cups(
        &data,
        &bin,
        &tmp,
        &["print", &id, "--copies", "2", "--duplex"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Office-7"));
    let args = std::fs::read_to_string(bin.join("lp-args")).unwrap();
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(
        &args[..7],
        [
            "-d",
            "Office",
            "-n",
            "2",
            "-o",
            "sides=two-sided-long-edge",
            "-t"
        ]
    );
    // The job is named by the report's title; the scratch file is gone once spooled.
    assert!(
        args[7].ends_with("双河镇人民政府2024年政务公开工作总结"),
        "{args:?}"
    );
    let pdf = std::fs::read(bin.join("spooled.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(files(&tmp).is_empty(), "{:?}", files(&tmp));

    // A named printer wins over the default; copies out of range are refused before lp.
    let out = with_cups(&data, &bin, &tmp, &["print", &id, "--printer", "PDF"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let args = std::fs::read_to_string(bin.join("lp-args")).unwrap();
    assert!(
        args.starts_with("-d\nPDF\n-n\n1\n-o\nsides=one-sided\n"),
        "{args}"
    );
    let out = with_cups(&data, &bin, &tmp, &["print", &id, "--copies", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("份数"), "{}", stderr(&out));
}

#[test]
fn print_without_a_default_printer_asks_for_one() {
    let d = tempfile::tempdir().unwrap();
    let (data, bin, tmp) = (
        d.path().join("data"),
        d.path().join("bin"),
        d.path().join("tmp"),
    );
    for dir in [&data, &bin, &tmp] {
        std::fs::create_dir_all(dir).unwrap();
    }
    fake_cups(&bin, false);
    let id = ok(
        &data,
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "双河镇人民政府",
            "--year",
            "2024",
        ],
    )
    .trim()
    .to_string();
    let out = with_cups(&data, &bin, &tmp, &["print", &id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--printer"), "{}", stderr(&out));
    assert!(!bin.join("lp-args").exists(), "nothing was sent");
}

#[test]
fn export_names_the_docx_fonts_as_asked() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let id = ok(
        p,
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "双河镇人民政府",
            "--year",
            "2024",
        ],
    )
    .trim()
    .to_string();
    let out = p.join("总结.docx");
    let o = out.to_str().unwrap();
    ok(p, &["export", &id, "--docx", o, "--docx-fonts", "plain"]);
    let read = |f: &Path| {
        let mut z = zip::ZipArchive::new(std::fs::File::open(f).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/styles.xml").unwrap(), &mut s).unwrap();
        s
    };
    let plain = read(&out);
    assert!(
        plain.contains("仿宋") && !plain.contains("仿宋_GB2312"),
        "plain names"
    );
    ok(p, &["export", &id, "--docx", o, "--docx-fonts", "gb2312"]);
    assert!(read(&out).contains("仿宋_GB2312"));
    let bad = gongwen(p, &["export", &id, "--docx", o, "--docx-fonts", "x"]);
    assert_eq!(bad.status.code(), Some(2));
}
