//! The real 范文 samples in `../shared/samples/` (beside the repository; READ AT TEST TIME,
//! never copied into the repo). Where the folder is absent, as on a clone elsewhere, each test
//! says so and skips; our own fixtures (`import_fixtures.rs`) carry the suite there.

use gongwen::check::{self, PlaceholderKind, WordList};
use gongwen::import::{import_file, ImportOptions, ImportResult};
use gongwen::model::{Report, Section};
use gongwen::spec::Spec;
use std::io::Write;
use std::path::PathBuf;

fn samples_dir() -> PathBuf {
    std::env::var_os("GONGWEN_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples")))
}

/// Imports a sample, or `None` (with a visible line) when the samples are not here.
fn sample(name: &str) -> Option<ImportResult> {
    let path = samples_dir().join(name);
    if !path.is_file() {
        // Written to the stderr handle directly: the test harness captures println!/eprintln!
        // of passing tests, and a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: sample {} not found (../shared/samples is absent here)",
            path.display()
        );
        return None;
    }
    Some(import_file(&path, &ImportOptions::default()).expect("sample imports"))
}

fn headings(r: &Report) -> Vec<&str> {
    r.sections.iter().map(|s| s.heading.as_str()).collect()
}

/// Section counts by depth (1-based): [level1, level2, level3, level4].
fn counts(r: &Report) -> [usize; 4] {
    fn walk(list: &[Section], depth: usize, out: &mut [usize; 4]) {
        for s in list {
            out[depth.min(3)] += 1;
            walk(&s.children, depth + 1, out);
        }
    }
    let mut out = [0; 4];
    walk(&r.sections, 0, &mut out);
    out
}

fn kinds(res: &ImportResult, kind: PlaceholderKind) -> usize {
    res.placeholders.iter().filter(|p| p.kind == kind).count()
}

/// The imported report exports to DOCX and PDF.
fn exports(r: &Report, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec::official();
    let docx = dir.path().join(format!("{name}.docx"));
    let pdf = dir.path().join(format!("{name}.pdf"));
    for (what, res, out) in [
        (
            "DOCX",
            gongwen::export::docx::export_docx(r, &spec, &docx),
            &docx,
        ),
        (
            "PDF",
            gongwen::export::pdf::export_pdf(r, &spec, None, &pdf),
            &pdf,
        ),
    ] {
        match res {
            Err(e) => panic!(
                "{what} export of {name} failed: {} ({})",
                e.message, e.cause
            ),
            Ok(()) => {
                let len = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
                assert!(len > 1000, "{what} of {name} is {len} bytes");
            }
        }
    }
}

#[test]
fn township_2017_sample() {
    let Some(res) = sample("township-2017-summary.txt") else {
        return;
    };
    let r = &res.report;
    assert_eq!(r.title, "双溪乡2017年政务公开工作总结");
    assert_eq!(
        (r.unit.as_str(), r.year, r.kind.as_str()),
        ("双溪乡", 2017, "township-zwgk")
    );
    let h = headings(r);
    assert_eq!(h.len(), 3);
    assert_eq!(h[0], "2017年工作基本情况");
    assert_eq!(h[1], "主动公开政府信息的情况");
    assert!(h[2].contains("存在的主要问题"), "{}", h[2]);
    // （一）…（五）, （一）…（三）, and the 1.–3. under 三、 (one level deeper, so （一）…).
    assert_eq!(counts(r), [3, 11, 12, 0]);
    assert_eq!(r.sections[1].children[1].children.len(), 8);
    assert_eq!(r.sections[1].children[2].children.len(), 4);
    assert!(r.sections[0].children[0].run_in);
    assert_eq!(r.opening.len(), 1);
    assert!(res.placeholders.is_empty());
    assert!(r.signature.is_empty() && r.date.is_none());
    let findings = check::run(r, &WordList::builtin());
    assert_eq!(check::count(&findings).errors, 0);
    exports(r, "township");
}

#[test]
fn county_2019_sample() {
    let Some(res) = sample("county-2019-summary.txt") else {
        return;
    };
    let r = &res.report;
    assert_eq!(r.title, "2019年度政务公开工作总结");
    assert_eq!(r.year, 2019);
    assert_eq!(
        headings(r),
        ["2019年工作开展情况", "存在的问题", "下一步工作打算"]
    );
    assert_eq!(counts(r), [3, 14, 2, 0]);
    // The "仅供学习参考" line at the top is gone.
    assert!(res
        .removed
        .iter()
        .any(|n| n.restorable && n.text.contains("请勿照搬")));
    assert!(!r.opening.iter().any(|p| p.contains("请勿")));
    assert_eq!(res.placeholders.len(), 23);
    assert_eq!(kinds(&res, PlaceholderKind::Date), 2);
    assert_eq!(kinds(&res, PlaceholderKind::Name), 3); // X县 ×2, X省
    assert_eq!(kinds(&res, PlaceholderKind::Number), 18);
    let findings = check::run(r, &WordList::builtin());
    assert_eq!(check::count(&findings).errors, 23);
    assert!(findings.iter().any(|f| f.code == check::codes::WRONG_WORD));
    exports(r, "county");
}

#[test]
fn city_2023_sample_on_one_line() {
    let Some(res) = sample("city-office-2023-summary.txt") else {
        return;
    };
    let r = &res.report;
    assert_eq!(r.title, "2023年办公室政务公开工作总结");
    assert_eq!(r.year, 2023);
    assert_eq!(headings(r), ["工作完成情况", "下一步工作计划"]);
    assert_eq!(counts(r), [2, 14, 0, 0]);
    assert!(r.sections[0].children.iter().all(|s| s.run_in));
    // "供借鉴" after the title and "供参考" at the end are gone.
    assert!(r.opening[0].starts_with("2023年"));
    let last = r.sections[1].paragraphs.last().unwrap().plain();
    assert!(!last.contains("供参考") && last.ends_with('。'), "{last}");
    assert_eq!(res.placeholders.len(), 9);
    assert_eq!(kinds(&res, PlaceholderKind::Name), 2);
    // Its hundreds of half-width marks in Chinese text are made full-width at import and
    // reported in the notes, so the check has none left to list.
    assert!(res
        .notes
        .iter()
        .any(|n| n.kind == gongwen::import::NoteKind::Punctuation));
    let findings = check::run(r, &WordList::builtin());
    let half = findings
        .iter()
        .filter(|f| f.code == check::codes::HALF_WIDTH)
        .count();
    assert_eq!(half, 0);
    exports(r, "city");
}

/// A clerk's path: fill every field of a sample, then the checks find no error.
#[test]
fn filling_every_field_of_a_sample_leaves_no_error() {
    let Some(res) = sample("county-2019-summary.txt") else {
        return;
    };
    let mut r = res.report.clone();
    let mut n = 0;
    loop {
        let ph = check::placeholders(&r);
        let Some(p) = ph.first() else { break };
        let value = match p.kind {
            PlaceholderKind::Date => "3月1日",
            PlaceholderKind::Name => "青松",
            _ => "12",
        };
        check::fill_placeholder(&mut r, p, value).unwrap();
        n += 1;
    }
    assert_eq!(n, 23);
    let findings = check::run(&r, &WordList::builtin());
    assert_eq!(check::count(&findings).errors, 0, "{findings:#?}");
}
