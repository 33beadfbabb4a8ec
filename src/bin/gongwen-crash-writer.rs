//! Test helper for tests/reliability/kill.rs, not for clerks: applies a stream of edits
//! through the store until it is killed, announcing each edit on stdout before it starts
//! (`BEGIN n`) and after its commit returned (`SAVED n …`), each line flushed at once. The
//! harness kills it with SIGKILL at random moments and checks that every SAVED edit is in
//! the database.
//!
//! Usage: gongwen-crash-writer DATA_DIR FIRST_EDIT_NUMBER SEED
//!
//! Values carry the number of the edit that wrote them (`T17`, `P17.3/12`), so the harness
//! can tell which edit a stored value came from.

use gongwen::model::Report;
use gongwen::store::{open_with_care, Store};
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The writer stops by itself after this long, should the harness die without killing it.
const LIFETIME: Duration = Duration::from_secs(120);

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64: enough to vary edits; reproducible from the seed the harness prints.
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // The harness closed its end: nobody is listening, stop.
    if writeln!(out, "{line}").and_then(|_| out.flush()).is_err() {
        std::process::exit(0);
    }
}

struct Known {
    reports: Vec<i64>,
    /// (report, node)
    nodes: Vec<(i64, i64)>,
}

/// The most recently changed reports and their nodes (a bounded number, so start-up stays
/// quick however long the test has run).
fn known(store: &Store) -> Result<Known, gongwen::Error> {
    let mut k = Known {
        reports: Vec::new(),
        nodes: Vec::new(),
    };
    for s in store.list()?.into_iter().take(20) {
        let r = store.load(s.id)?;
        k.reports.push(s.id);
        fn walk(report: i64, s: &[gongwen::model::Section], out: &mut Vec<(i64, i64)>) {
            for n in s {
                if let Some(id) = n.id {
                    out.push((report, id));
                }
                walk(report, &n.children, out);
            }
        }
        walk(s.id, &r.sections, &mut k.nodes);
    }
    Ok(k)
}

fn run() -> Result<(), gongwen::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, first, seed] = args.as_slice() else {
        return Err(gongwen::Error::input(
            "用法：gongwen-crash-writer 数据文件夹 起始编号 随机种子",
        ));
    };
    let mut n: u64 = first
        .parse()
        .map_err(|_| gongwen::Error::input("起始编号应为数字"))?;
    let mut rng = Rng(seed.parse::<u64>().unwrap_or(1).max(1));
    let (mut store, _) = open_with_care(&PathBuf::from(dir))?;
    let mut k = known(&store)?;
    say("READY");
    let started = Instant::now();
    while started.elapsed() < LIFETIME {
        let choice = if k.reports.is_empty() {
            0
        } else {
            rng.below(20)
        };
        let report = k.reports.get(rng.below(k.reports.len())).copied();
        let node = k.nodes.get(rng.below(k.nodes.len())).copied();
        match (choice, report, node) {
            (0..=1, _, _) | (_, None, _) => {
                say(&format!("BEGIN {n} create"));
                let mut r = Report::new("crash", &format!("U{n}"), 2024, "年度");
                r.title = format!("T{n}");
                let id = store.create(&r)?;
                k.reports.push(id);
                say(&format!("SAVED {n} create {id}"));
            }
            (2..=4, Some(r), _) | (_, Some(r), None) => {
                say(&format!("BEGIN {n} section {r}"));
                let id = store.add_section(r, None, None, &format!("S{n}"))?;
                k.nodes.push((r, id));
                say(&format!("SAVED {n} section {r} {id}"));
            }
            (5..=11, _, Some((_, node))) => {
                // Up to 60 rows in one transaction: a wide window for a kill mid-commit.
                let count = 1 + rng.below(60);
                say(&format!("BEGIN {n} paras {node}"));
                let paras: Vec<gongwen::model::Item> = (0..count)
                    .map(|i| format!("P{n}.{i}/{count}").into())
                    .collect();
                store.set_section_paragraphs(node, &paras)?;
                say(&format!("SAVED {n} paras {node}"));
            }
            (12..=14, _, Some((_, node))) => {
                say(&format!("BEGIN {n} heading {node}"));
                store.update_section(node, &format!("H{n}"), n.is_multiple_of(2))?;
                say(&format!("SAVED {n} heading {node}"));
            }
            (15..=16, Some(r), _) => {
                say(&format!("BEGIN {n} title {r}"));
                store.set_title(r, &format!("T{n}"))?;
                say(&format!("SAVED {n} title {r}"));
            }
            (17, Some(r), _) => {
                say(&format!("BEGIN {n} version {r}"));
                store.save_version(r, &format!("V{n}"))?;
                say(&format!("SAVED {n} version {r}"));
            }
            (_, _, Some((_, node))) => {
                say(&format!("BEGIN {n} remove {node}"));
                store.remove_section(node)?;
                k.nodes.retain(|(_, id)| *id != node);
                say(&format!("SAVED {n} remove {node}"));
            }
        }
        n += 1;
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("{} ({})", e.message, e.cause);
        std::process::exit(1);
    }
}
