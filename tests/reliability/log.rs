//! The log in `<data dir>/logs/`: events and English causes, never the report's text —
//! checked after an editing session through the CLI that also ran into errors.

use crate::cli_support::gongwen;

use std::path::Path;

fn all_logs(data: &Path) -> String {
    let mut s = String::new();
    for e in std::fs::read_dir(data.join("logs")).unwrap() {
        s.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    s
}

#[test]
fn a_session_with_errors_leaves_events_but_no_report_text_in_the_log() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    // Report text with ASCII markers too: masking non-ASCII alone would not hide these.
    let secret_title = "Secret-Title-QX7 秘密镇2024年工作总结";
    let secret_para = "Body-Text-QX7 全年发布信息482条。";
    let paste = d.path().join("paste.txt");
    std::fs::write(
        &paste,
        format!(
            "{secret_title}\n一、工作开展情况\n{secret_para}\n二、存在的问题\nProblem-QX7 问题。\n"
        ),
    )
    .unwrap();
    let out = gongwen(&data, &["import", paste.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();

    let edits: &[&[&str]] = &[
        &["rename", &id, "Renamed-QX7 新标题"],
        &["save-version", &id, "--name", "Version-QX7 第一稿"],
        &["check", &id],
        &["show", &id, "--json"],
        // Errors: a folder that does not exist, a name too long, unknown ids, bad input.
        &["export", &id, "--docx", "/nonexistent-QX7/a.docx"],
        &["export", &id, "--docx", &"/tmp/Name-QX7".repeat(40)],
        &["rename", "99999", "Missing-QX7 标题"],
        &["restore-version", "99999"],
        &["words", "add", "Wrong-QX7", "Right-QX7"],
        &["restore-backup", "Backup-QX7"],
        &[
            "new",
            "--template",
            "no-such-QX7",
            "--unit",
            "Unit-QX7",
            "--year",
            "2024",
        ],
    ];
    let mut failures = 0;
    for args in edits {
        if !gongwen(&data, args).status.success() {
            failures += 1;
        }
    }
    assert!(failures >= 5, "the session must include errors: {failures}");

    let log = all_logs(&data);
    assert!(log.contains("INFO") && log.contains("ERROR"), "{log}");
    assert!(log.contains("command export: Storage"), "{log}");
    assert!(log.contains("command rename: NotFound"), "{log}");
    assert!(log.lines().all(|l| l.is_ascii()), "only ASCII in the log");
    for secret in ["秘密镇", "全年发布信息", "新标题", "第一稿"] {
        assert!(!log.contains(secret), "{secret} leaked into the log");
    }
    // The clerk's ASCII words that were in the report, never in a path given to a command.
    for secret in [
        "Secret-Title-QX7",
        "Body-Text-QX7",
        "Problem-QX7",
        "Renamed-QX7",
        "Version-QX7",
        "Missing-QX7",
    ] {
        assert!(
            !log.contains(secret),
            "{secret} leaked into the log:\n{log}"
        );
    }
}
