//! Bad input: a 10 MB paste, binary garbage named .docx, an empty file, an old .doc, a binary
//! named .txt — each gives one clear Chinese sentence, never a panic, and the store is left
//! exactly as it was.

use gongwen::import::{import_bytes, import_text, ImportOptions};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn gongwen(data: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("GONGWEN_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gongwen");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.unwrap_or(b"").to_vec();
    // Written from a thread: a large paste must not deadlock against the child's output.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Fails with exit code 2 (bad input), nothing on stdout, one Chinese sentence on stderr.
fn refused(data: &Path, args: &[&str], stdin: Option<&[u8]>) -> String {
    let out = gongwen(data, args, stdin);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"));
    err
}

/// 10 MB of text written by us.
fn ten_megabytes() -> String {
    let line = "全镇通过公开栏发布各类信息，群众反映良好，下一步将继续做好这项工作。\n";
    line.repeat(10 * 1024 * 1024 / line.len() + 1)
}

#[test]
fn bad_inputs_change_nothing_in_the_store() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let good = p.join("good.txt");
    std::fs::write(
        &good,
        "石门乡2024年政务公开工作总结\n一、工作开展情况\n全年发布信息X条。\n",
    )
    .unwrap();
    let out = gongwen(p, &["import", good.to_str().unwrap()], None);
    assert!(out.status.success());
    let list_before = gongwen(p, &["list", "--json"], None).stdout;
    let db = std::fs::read(p.join("gongwen.db")).unwrap();

    let big = ten_megabytes();
    assert!(refused(p, &["import", "-"], Some(big.as_bytes())).contains("太长"));
    let big_file = p.join("big.txt");
    std::fs::write(&big_file, &big).unwrap();
    assert!(refused(p, &["import", big_file.to_str().unwrap()], None).contains("太长"));

    let garbage: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let fake = p.join("范文.docx");
    std::fs::write(&fake, &garbage).unwrap();
    assert!(refused(p, &["import", fake.to_str().unwrap()], None).contains("不是有效的 Word"));

    let mut zip_garbage = b"PK\x03\x04".to_vec();
    zip_garbage.extend_from_slice(&garbage);
    std::fs::write(&fake, &zip_garbage).unwrap();
    assert!(refused(p, &["import", fake.to_str().unwrap()], None).contains("不是有效的 Word"));

    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.extend_from_slice(&garbage);
    let doc = p.join("旧文档.doc");
    std::fs::write(&doc, &ole).unwrap();
    assert!(refused(p, &["import", doc.to_str().unwrap()], None).contains(".docx"));

    let bin = p.join("binary.txt");
    std::fs::write(&bin, &garbage).unwrap();
    assert!(refused(p, &["import", bin.to_str().unwrap()], None).contains("不是文本"));

    for name in ["empty.txt", "empty.docx", "empty.json"] {
        let empty = p.join(name);
        std::fs::write(&empty, b"").unwrap();
        assert!(
            refused(p, &["import", empty.to_str().unwrap()], None).contains("空"),
            "{name}"
        );
    }
    assert!(refused(p, &["import", "-"], Some(b"  \n\t\n")).contains("空"));
    let junk_only = p.join("junk.txt");
    std::fs::write(&junk_only, "首页 > 范文 > 总结\n来源：某网站\n").unwrap();
    assert!(refused(p, &["import", junk_only.to_str().unwrap()], None).contains("没有可导入"));

    assert_eq!(gongwen(p, &["list", "--json"], None).stdout, list_before);
    assert_eq!(std::fs::read(p.join("gongwen.db")).unwrap(), db);
}

#[test]
fn library_refuses_without_panicking() {
    let opts = ImportOptions::default();
    let start = std::time::Instant::now();
    let e = import_text(&ten_megabytes(), &opts).unwrap_err();
    eprintln!("10 MB paste refused in {:?}", start.elapsed());
    assert!(e.message.contains("太长"), "{}", e.message);
    assert!(import_text("", &opts).is_err());
    assert!(import_bytes(&[], "a.docx", &opts).is_err());
    assert!(import_bytes(b"PK\x03\x04\x00\x00", "a.docx", &opts).is_err());
    // Odd but valid input imports without panicking: stray markers, lone surrogates' stand-ins,
    // unmatched brackets, only numbers.
    for text in [
        "（",
        "一、",
        "1.",
        "(一)(二)(三)",
        "X",
        "二〇二四年十三月四十日",
        "\u{fffd}\u{fffd}",
        "《《《”””",
        "一、\n（一）\n1.\n（1）\n①\n",
    ] {
        let _ = import_text(text, &opts);
    }
}

#[test]
fn stdin_dash_imports_a_paste() {
    let d = tempfile::tempdir().unwrap();
    let paste = "石门乡2024年政务公开工作总结\n一、工作开展情况\n全年发布信息X条。\n";
    let out = gongwen(d.path(), &["import", "-", "--json"], Some(paste.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: gongwen::model::Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.title, "石门乡2024年政务公开工作总结");
    // --json stores nothing.
    assert!(!d.path().join("gongwen.db").exists());
}

/// Deterministic pseudo-random pastes built from the characters that steer import and checks
/// (markers, brackets, quotes, digits, spaces, placeholders, dates): import, check, apply every
/// fix and fill every field, and nothing may panic.
#[test]
fn random_pastes_never_panic() {
    const PIECES: &[&str] = &[
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（3）",
        "①",
        "。",
        "，",
        ",",
        ".",
        "：",
        "“",
        "”",
        "\"",
        "《",
        "》",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "[bookmark: x",
        "]",
        "X",
        "XX",
        "×",
        "*",
        "＊",
        "x",
        "  ",
        "\u{3000}",
        "\n",
        "\n\n",
        "个",
        "条",
        "年",
        "月",
        "日",
        "2024",
        "二〇二四年",
        "十二月",
        "三十一日",
        "总结",
        "供参考",
        "首页 > ",
        "来源：",
        "政务公开",
        "我镇",
        "工作",
        "_",
        "____",
        "一是",
        "二是",
        "四是",
        "下一步工作打算",
        "2023年",
        "20XX年",
        "X月X日",
        "（具体数字）",
        "镇人民政府",
        "2024年2月30日",
        "2024-1-5",
        "總結(jié)",
        "\t",
        "é",
        "\u{fffd}",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let words = gongwen::check::WordList::builtin();
    for _ in 0..1500 {
        let n = (next() % 60) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let Ok(res) = import_text(&text, &ImportOptions::default()) else {
            continue;
        };
        let mut r = res.report;
        let findings = gongwen::check::run(&r, &words);
        let fixes: Vec<_> = findings.iter().filter_map(|f| f.fix.clone()).collect();
        gongwen::check::apply_fixes(&mut r, &fixes);
        for _ in 0..50 {
            let ph = gongwen::check::placeholders(&r);
            let Some(p) = ph.first() else { break };
            gongwen::check::fill_placeholder(&mut r, p, "7").unwrap();
        }
        let _ = gongwen::check::run(&r, &words);
    }
}
