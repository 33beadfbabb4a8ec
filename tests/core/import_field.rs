//! The field inputs beside the repository (`../shared/field/`, READ AT TEST TIME, never copied
//! into the repo): each `<name>.txt` or `<name>.docx` is imported and compared with its
//! `<name>.expected.json` — title, subtitle, addressee, signature, date, attachments, note,
//! headings (level = depth in the tree, text without its number), placeholder count, strings
//! that must (not) remain in the report's text, and findings of the pre-export checks that must
//! (not) appear. Where the folder is absent the test says so and skips.

use gongwen::check::{self, WordList};
use gongwen::import::{import_file, ImportOptions};
use gongwen::model::{Report, Section};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn field_dir() -> PathBuf {
    std::env::var_os("GONGWEN_FIELD")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/field")))
}

/// Inputs whose comparison does not pass yet, with what is missing; the test fails when one
/// of them starts to pass, so this list stays true.
const NOT_YET: &[(&str, &str)] = &[];

fn headings(r: &Report) -> Vec<(usize, String)> {
    fn walk(list: &[Section], depth: usize, out: &mut Vec<(usize, String)>) {
        for s in list {
            out.push((depth, s.heading.clone()));
            walk(&s.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&r.sections, 1, &mut out);
    out
}

/// Every text of the report as the README defines it.
fn all_text(r: &Report) -> Vec<String> {
    let mut out = vec![r.title.clone()];
    out.extend(r.subtitle.clone());
    out.extend(r.addressee.clone());
    out.extend(r.opening.iter().cloned());
    fn walk(list: &[Section], out: &mut Vec<String>) {
        for s in list {
            out.push(s.heading.clone());
            out.extend(s.paragraphs.iter().map(|p| p.plain()));
            walk(&s.children, out);
        }
    }
    walk(&r.sections, &mut out);
    out.extend(r.attachments.iter().map(|a| a.name.clone()));
    out.push(r.signature.clone());
    out.extend(r.note.clone());
    out
}

fn opt_str(v: &Value) -> String {
    v.as_str().unwrap_or("").to_string()
}

/// The differences between an import and its expected result (empty = passes).
fn compare(input: &Path, expected: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let res = match import_file(input, &ImportOptions::default()) {
        Ok(r) => r,
        Err(e) => return vec![format!("import failed: {}", e.message)],
    };
    let r = &res.report;
    let strings = [
        ("title", r.title.clone()),
        ("subtitle", r.subtitle.clone().unwrap_or_default()),
        ("addressee", r.addressee.clone().unwrap_or_default()),
        ("signature", r.signature.clone()),
        ("note", r.note.clone().unwrap_or_default()),
    ];
    for (k, got) in strings {
        let want = opt_str(&expected[k]);
        if got != want {
            bad.push(format!("{k}: got {got:?}, want {want:?}"));
        }
    }
    let date = r.date.map(|d| d.to_string()).unwrap_or_default();
    if date != opt_str(&expected["date"]) {
        bad.push(format!("date: got {date:?}, want {}", expected["date"]));
    }
    let want_att: Vec<String> = expected["attachments"]
        .as_array()
        .map(|a| a.iter().map(opt_str).collect())
        .unwrap_or_default();
    if r.attachments != want_att {
        bad.push(format!(
            "attachments: got {:?}, want {want_att:?}",
            r.attachments
        ));
    }
    let want_h: Vec<(usize, String)> = expected["headings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| (h[0].as_u64().unwrap_or(0) as usize, opt_str(&h[1])))
                .collect()
        })
        .unwrap_or_default();
    let got_h = headings(r);
    if got_h != want_h {
        bad.push(format!("headings:\n   got  {got_h:?}\n   want {want_h:?}"));
    }
    let want_ph = expected["placeholders"].as_u64().unwrap_or(0) as usize;
    if res.placeholders.len() != want_ph {
        let ph: Vec<_> = res.placeholders.iter().map(|p| p.text.clone()).collect();
        bad.push(format!(
            "placeholders: got {} {ph:?}, want {want_ph}",
            ph.len()
        ));
    }
    let text = all_text(r);
    let list = |k: &str| -> Vec<String> {
        expected[k]
            .as_array()
            .map(|a| a.iter().map(opt_str).collect())
            .unwrap_or_default()
    };
    for s in list("must_not_contain") {
        if let Some(t) = text.iter().find(|t| t.contains(&s)) {
            bad.push(format!("must not contain {s:?}: in {t:?}"));
        }
    }
    for s in list("must_contain") {
        if !text.iter().any(|t| t.contains(&s)) {
            bad.push(format!("must contain {s:?}"));
        }
    }
    let findings = check::run(r, &WordList::builtin());
    let in_finding = |s: &str| {
        findings.iter().any(|f| {
            f.message.contains(s)
                || f.excerpt.contains(s)
                || f.fix.as_ref().is_some_and(|x| {
                    x.label.contains(s)
                        || matches!(&x.action, check::FixAction::Replace { replacement, .. } if replacement.contains(s))
                })
        })
    };
    for s in list("findings_must_include") {
        if !in_finding(&s) {
            bad.push(format!("no finding contains {s:?}"));
        }
    }
    for s in list("findings_must_not_include") {
        if in_finding(&s) {
            let f: Vec<_> = findings
                .iter()
                .filter(|f| f.message.contains(&s) || f.excerpt.contains(&s))
                .map(|f| f.display_line())
                .collect();
            bad.push(format!("a finding contains {s:?}: {f:?}"));
        }
    }
    bad
}

#[test]
fn every_field_input_imports_as_expected() {
    let dir = field_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: field inputs not found at {} (../shared/field is absent here)",
            dir.display()
        );
        return;
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    let mut passed = Vec::new();
    let only = std::env::var("FIELD_ONLY").ok();
    for exp in names {
        let stem = exp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".expected.json")
            .to_string();
        if only.as_deref().is_some_and(|o| !stem.contains(o)) {
            continue;
        }
        let input = ["txt", "docx"]
            .iter()
            .map(|e| dir.join(format!("{stem}.{e}")))
            .find(|p| p.is_file());
        let Some(input) = input else {
            failures.push(format!("{stem}: no input file"));
            continue;
        };
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&exp).unwrap()).expect("expected JSON");
        let bad = compare(&input, &expected);
        let known = NOT_YET.iter().any(|(n, _)| *n == stem);
        if bad.is_empty() {
            passed.push(stem.clone());
            if known {
                failures.push(format!("{stem}: passes now; take it off NOT_YET"));
            }
        } else if !known {
            failures.push(format!("{stem}:\n  {}", bad.join("\n  ")));
        } else {
            let _ = writeln!(std::io::stderr(), "NOT YET {stem}:\n  {}", bad.join("\n  "));
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "field inputs passing ({}): {}",
        passed.len(),
        passed.join(", ")
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
