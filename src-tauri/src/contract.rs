//! What the web view knows of the core, written as files the UI builds from and checked here,
//! so that the UI never holds a hand copy that can drift:
//!
//! - `ui/src/bindings/<Type>.ts` — TypeScript declarations (ts-rs) of every value a command
//!   takes or returns, with `index.ts` re-exporting them;
//! - `ui/src/bindings/terms.ts` — the core's vocabulary as constants: the year range, the
//!   periods offered, the deepest heading level, the labels of statuses and severities;
//! - `tests/vectors/*.json` — what the core computes for the few pure functions the UI also
//!   runs while the clerk types (heading numbers, location labels, the period in a title,
//!   guidance lookup, dates in Chinese); `ui/src/vectors.test.ts` runs the UI's functions over
//!   the same files.
//!
//! `GONGWEN_WRITE_CONTRACT=1 cargo test -p gongwen-app contract` rewrites them all; without the
//! variable the test fails when any file differs from what the core gives now.

use crate::commands::AppInfo;
use crate::files::Purpose;
use gongwen::check::{Finding, Fix, Location, Placeholder, Severity, WordList};
use gongwen::import::{ImportOptions, ImportResult, Line, Role, Stage};
use gongwen::model::numbering::heading_number;
use gongwen::model::{self, Date, DocxFontNames, PageNumbers, Report, Status, TableEdit};
use gongwen::ops::{FixesApplied, FontReport, FontRow, PrintSetup, TreeOp};
use gongwen::pane::{PaneRequest, PaneView};
use gongwen::print::PrintOptions;
use gongwen::store::{CarryItem, ReportMeta, ReportSummary, VersionInfo, VersionSaved};
use gongwen::templates::{self, Template, TemplateSection};
use gongwen::text::to_chinese;
use gongwen::ErrorKind;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

const WRITE_VAR: &str = "GONGWEN_WRITE_CONTRACT";
const BINDINGS: &str = "ui/src/bindings";
const VECTORS: &str = "tests/vectors";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("src-tauri sits in the repository")
        .to_path_buf()
}

/// Every generated file: path relative to the repository → contents.
fn generated() -> BTreeMap<String, String> {
    let mut out = bindings();
    out.insert(format!("{BINDINGS}/terms.ts"), terms());
    for (name, value) in vectors() {
        out.insert(format!("{VECTORS}/{name}.json"), value);
    }
    out
}

/// ts-rs declarations of the command arguments and results, and everything they contain.
fn bindings() -> BTreeMap<String, String> {
    let dir = std::env::temp_dir().join(format!("gongwen-bindings-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    // Ids are SQLite rowids (i64), far below 2^53: plain numbers in JavaScript.
    let cfg = Config::new().with_out_dir(&dir).with_large_int("number");
    macro_rules! export {
        ($($t:ty),* $(,)?) => { $( <$t>::export_all(&cfg).expect(stringify!($t)); )* };
    }
    export!(
        AppInfo,
        CarryItem,
        DocxFontNames,
        ErrorKind,
        Finding,
        Fix,
        FixesApplied,
        FontReport,
        FontRow,
        ImportOptions,
        ImportResult,
        Line,
        PageNumbers,
        PaneRequest,
        PaneView,
        Placeholder,
        PrintOptions,
        PrintSetup,
        Purpose,
        Report,
        ReportMeta,
        ReportSummary,
        Template,
        TableEdit,
        TreeOp,
        VersionInfo,
        VersionSaved,
        WordList,
    );
    let mut out = BTreeMap::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("ts-rs wrote its files") {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        out.insert(format!("{BINDINGS}/{name}.ts"), text);
        names.push(name);
    }
    std::fs::remove_dir_all(&dir).ok();
    names.sort();
    let mut index = String::from(
        "// Written by the gongwen-app test `contract` from the Rust types; do not edit.\n\n",
    );
    for n in &names {
        index.push_str(&format!("export type {{ {n} }} from \"./{n}\";\n"));
    }
    index.push_str("export * from \"./terms\";\n");
    out.insert(format!("{BINDINGS}/index.ts"), index);
    out
}

/// Every status, error kind and severity, in order; the `match`es stop the build when a variant is added
/// and not listed here.
fn statuses() -> Vec<Status> {
    let all = vec![Status::Draft, Status::Final];
    all.iter().for_each(|s| match s {
        Status::Draft | Status::Final => {}
    });
    all
}

fn error_kinds() -> Vec<ErrorKind> {
    use ErrorKind::*;
    let all = vec![Input, NotFound, Storage, NewerSchema, Unavailable, Internal];
    all.iter().for_each(|k| match k {
        Input | NotFound | Storage | NewerSchema | Unavailable | Internal => {}
    });
    all
}

fn severities() -> Vec<Severity> {
    let all = vec![Severity::Error, Severity::Warning, Severity::Info];
    all.iter().for_each(|s| match s {
        Severity::Error | Severity::Warning | Severity::Info => {}
    });
    all
}

/// `{"draft":"草稿",…}`: each value as serde names it → its Chinese label.
fn labels<T: serde::Serialize>(all: Vec<T>, label: impl Fn(&T) -> &'static str) -> String {
    let map: serde_json::Map<String, Value> = all
        .iter()
        .map(|v| {
            let key = serde_json::to_value(v).unwrap();
            (key.as_str().unwrap().to_string(), json!(label(v)))
        })
        .collect();
    serde_json::to_string(&map).unwrap()
}

fn terms() -> String {
    let j = |v: Value| serde_json::to_string(&v).unwrap();
    format!(
        "// Written by the gongwen-app test `contract` from the core's constants; do not edit.\n\
         \n\
         import type {{ ErrorKind }} from \"./ErrorKind\";\n\
         import type {{ PageNumbers }} from \"./PageNumbers\";\n\
         import type {{ Role }} from \"./Role\";\n\
         import type {{ Severity }} from \"./Severity\";\n\
         import type {{ Stage }} from \"./Stage\";\n\
         import type {{ Status }} from \"./Status\";\n\
         \n\
         /** Years a report may be about, inclusive (the core's `model::YEARS`). */\n\
         export const YEARS = {{ min: {min}, max: {max} }} as const;\n\
         \n\
         /** Periods offered for a report, in order (`model::PERIODS`). */\n\
         export const PERIODS: readonly string[] = {periods};\n\
         \n\
         /** Deepest heading level, 一、（一）1.（1） (`model::MAX_LEVEL`). */\n\
         export const MAX_LEVEL = {max_level};\n\
         \n\
         /** What a title names when the report's kind has no template (`templates::GENERIC_SUBJECT`). */\n\
         export const GENERIC_SUBJECT = {subject};\n\
         \n\
         /** The Chinese name of each report status (`Status::label`). */\n\
         export const STATUS_LABEL: Record<Status, string> = {status};\n\
         \n\
         /** The Chinese name of each finding severity (`Severity::label`). */\n\
         export const SEVERITY_LABEL: Record<Severity, string> = {severity};\n\
         \n\
         /** Every kind of error a command can reject with (`ErrorKind`), to recognise one. */\n\
         export const ERROR_KINDS: readonly ErrorKind[] = {error_kinds};\n\
         \n\
         /** The page-number style of a report that has none set (`PageNumbers::default`). */\n\
         export const DEFAULT_PAGE_NUMBERS: PageNumbers = {page_numbers};\n\
         \n\
         /** The roles a line of an import preview can have, in document order, with their Chinese names (`import::Role::label`). */\n\
         export const ROLE_LABEL: [Role, string][] = {roles};\n\
         \n\
         /** The import's stages in order with their Chinese names (`import::Stage::label`). */\n\
         export const STAGE_LABEL: [Stage, string][] = {stages};\n",
        min = model::YEARS.start(),
        max = model::YEARS.end(),
        periods = j(json!(model::PERIODS)),
        max_level = model::MAX_LEVEL,
        subject = j(json!(templates::GENERIC_SUBJECT)),
        status = labels(statuses(), Status::label),
        severity = labels(severities(), |s| s.label()),
        error_kinds = j(json!(error_kinds())),
        page_numbers = j(json!(PageNumbers::default())),
        roles = j(json!(Role::ALL.iter().map(|r| json!([r, r.label()])).collect::<Vec<_>>())),
        stages = j(json!(Stage::ALL.iter().map(|s| json!([s, s.label()])).collect::<Vec<_>>())),
    )
}

/// A JSON object with one entry per line in each array, so that a change reads as a few lines.
fn vector_file(about: &str, parts: &[(&str, Vec<Value>)]) -> String {
    let mut s = format!("{{\n  \"about\": {},\n", json!(about));
    for (i, (key, items)) in parts.iter().enumerate() {
        s.push_str(&format!("  {}: [\n", json!(key)));
        for (k, item) in items.iter().enumerate() {
            let comma = if k + 1 < items.len() { "," } else { "" };
            s.push_str(&format!("    {item}{comma}\n"));
        }
        let comma = if i + 1 < parts.len() { "," } else { "" };
        s.push_str(&format!("  ]{comma}\n"));
    }
    s.push_str("}\n");
    s
}

fn about(what: &str) -> String {
    format!(
        "{what} Written from the core by `{WRITE_VAR}=1 cargo test -p gongwen-app contract`, \
         which fails when this file is out of date; ui/src/vectors.test.ts checks the UI against it."
    )
}

fn vectors() -> Vec<(&'static str, String)> {
    // Heading numbers: every numeral a heading can take, every level (5 numbers like 4), and
    // the number chains and Chinese labels of locations.
    let numerals = (0..=1000).map(|n| json!([n, to_chinese(n)])).collect();
    let headings = (1..=5u8)
        .flat_map(|level| {
            (0..=30)
                .chain([98, 99, 100, 110])
                .map(move |i| json!([level, i, heading_number(level, i)]))
        })
        .collect();
    let paths: Vec<Vec<usize>> = vec![
        vec![],
        vec![0],
        vec![9],
        vec![10, 0],
        vec![0, 1, 2],
        vec![2, 0, 11, 3],
        vec![0, 0, 0, 0, 1],
    ];
    // The chain of numbers is what a heading's label says before 小标题.
    let chains = paths
        .iter()
        .map(|p| {
            let label = Location::Heading { path: p.clone() }.describe();
            json!([p, label.strip_suffix("小标题").expect("a heading label")])
        })
        .collect();
    let locations = [
        Location::Title,
        Location::Opening { index: 0 },
        Location::Opening { index: 11 },
        Location::Heading { path: vec![1] },
        Location::Heading {
            path: vec![0, 2, 1],
        },
        Location::Paragraph {
            path: vec![0, 1],
            index: 2,
        },
        Location::Paragraph {
            path: vec![3, 0, 0, 0, 4],
            index: 0,
        },
        Location::TableCell {
            path: vec![2],
            index: 0,
            row: 26,
            cell: 1,
        },
        Location::Attachment { index: 0 },
        Location::Signature,
        Location::Date,
        Location::Report,
    ]
    .iter()
    .map(|l| json!([l, l.describe()]))
    .collect();
    let numbering = vector_file(
        &about(
            "Heading numbers: [n, text::to_chinese(n)], \
             [level, index, model::numbering::heading_number(level, index)], \
             [path, chain of numbers], [location, Location::describe].",
        ),
        &[
            ("numerals", numerals),
            ("headings", headings),
            ("chains", chains),
            ("locations", locations),
        ],
    );

    // The period as it reads after the year (list lines, titles).
    let periods = model::PERIODS
        .iter()
        .copied()
        .chain(["全年", "", "前三季度", " 上半年 "])
        .map(|p| json!([p, model::period_in_title(p)]))
        .collect();
    let titles = vector_file(
        &about("[period, model::period_in_title(period)]: what follows `2024年`."),
        &[("periods", periods)],
    );

    // Guidance: every path of every built-in template, and paths beside them.
    fn paths_of(s: &[TemplateSection], prefix: &[usize], out: &mut Vec<Vec<usize>>) {
        for (i, node) in s.iter().enumerate() {
            let p = [prefix, &[i]].concat();
            out.push(p.clone());
            paths_of(&node.children, &p, out);
        }
        out.push([prefix, &[s.len()]].concat());
    }
    let all = templates::all();
    let mut lookups = Vec::new();
    for t in &all {
        let mut paths = vec![vec![], vec![0, 0, 0, 0, 0], vec![0, 1, 3, 2]];
        paths_of(&t.sections, &[], &mut paths);
        for p in paths {
            let what = t.guidance_at(&p).map(|g| g.what.clone());
            let near = t.guidance_near(&p);
            let (near_what, depth) = (near.map(|(g, _)| g.what.clone()), near.map(|(_, d)| d));
            lookups.push(json!([t.id, p, what, near_what, depth]));
        }
    }
    let guidance = vector_file(
        &about(
            "Template::guidance_at and guidance_near: `templates` as list_templates sends \
             them; [template id, path, guidance_at.what or null, guidance_near.what or null, \
             guidance_near's depth or null].",
        ),
        &[
            (
                "templates",
                all.iter()
                    .map(|t| serde_json::to_value(t).unwrap())
                    .collect(),
            ),
            ("lookups", lookups),
        ],
    );

    // 成文日期 as the document prints it, for what the date field and the core's JSON hold:
    // ISO dates, valid or not, and nothing.
    let dates = [
        "2024-12-05",
        "2024-01-05",
        "2024-10-20",
        "2024-02-29",
        "2000-02-29",
        "1900-02-28",
        "0001-01-01",
        "9999-12-31",
        "2023-02-29",
        "1900-02-29",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "0000-01-01",
        "",
        "garbage",
    ]
    .iter()
    .map(|s| {
        let chinese = s
            .parse::<Date>()
            .map(|d| d.to_chinese())
            .unwrap_or_default();
        json!([s, chinese])
    })
    .collect();
    let dates = vector_file(
        &about("[ISO date, Date::to_chinese or \"\" when the core refuses the date]."),
        &[("dates", dates)],
    );

    vec![
        ("numbering", numbering),
        ("titles", titles),
        ("guidance", guidance),
        ("dates", dates),
    ]
}

#[test]
fn contract_files_match_the_core() {
    let root = repo();
    let want = generated();
    // Generated files no longer produced (a type renamed or removed) must go too.
    let mut stale: Vec<String> = Vec::new();
    for dir in [BINDINGS, VECTORS] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for e in entries {
                let name = format!("{dir}/{}", e.unwrap().file_name().to_string_lossy());
                if !want.contains_key(&name) {
                    stale.push(name);
                }
            }
        }
    }
    let differ: Vec<&String> = want
        .iter()
        .filter(|(rel, text)| std::fs::read_to_string(root.join(rel)).ok().as_ref() != Some(text))
        .map(|(rel, _)| rel)
        .collect();
    if std::env::var_os(WRITE_VAR).is_some() {
        for rel in &differ {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &want[*rel]).unwrap();
        }
        for rel in &stale {
            std::fs::remove_file(root.join(rel)).unwrap();
        }
        return;
    }
    assert!(
        differ.is_empty() && stale.is_empty(),
        "the UI's copy of the core is out of date (differs: {differ:?}; no longer generated: \
         {stale:?}); run `{WRITE_VAR}=1 cargo test -p gongwen-app contract` and commit the result"
    );
}
