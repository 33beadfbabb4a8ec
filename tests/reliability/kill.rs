//! Crash safety: a writer process (src/bin/gongwen-crash-writer.rs) applies a stream of
//! edits through the store and is killed with SIGKILL at random moments. After every kill
//! the database must pass `PRAGMA integrity_check`, hold every edit the writer reported as
//! saved, hold each multi-row edit whole or not at all, and hold nothing that was never
//! begun.
//!
//! Bounded: stops after `GONGWEN_KILLS` kills (default 200) or `GONGWEN_KILL_SECONDS`
//! (default 300 s), whichever comes first, and fails unless the kills were all made.

use rusqlite::{Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the writer reported, accumulated over all its runs.
#[derive(Default)]
struct Expect {
    /// report id → the edit that created it (its unit is `U<n>`).
    reports: HashMap<i64, u64>,
    /// node id → its report, for nodes reported added and not reported removed.
    nodes: HashMap<i64, i64>,
    removed: HashSet<i64>,
    /// node → newest edit reported to have set its paragraphs / heading.
    paras: HashMap<i64, u64>,
    heading: HashMap<i64, u64>,
    /// report → newest title edit.
    title: HashMap<i64, u64>,
    versions: Vec<(i64, String)>,
    saved: u64,
}

/// The edit number in a value like `T17` / `P17.3/12` (prefix already stripped: `17…`).
fn edit_of(s: &str) -> Option<u64> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

struct Round {
    lines: Vec<String>,
    /// An edit begun but not reported saved: it may or may not be in the database.
    in_flight: Option<(u64, String)>,
}

fn parse(lines: &[String], expect: &mut Expect) -> Round {
    let mut in_flight = None;
    for l in lines {
        let w: Vec<&str> = l.split(' ').collect();
        match w.as_slice() {
            ["BEGIN", n, rest @ ..] => {
                in_flight = Some((n.parse().unwrap(), rest.join(" ")));
            }
            ["SAVED", n, kind, args @ ..] => {
                let n: u64 = n.parse().unwrap();
                let a: Vec<i64> = args.iter().map(|x| x.parse().unwrap()).collect();
                match *kind {
                    "create" => {
                        expect.reports.insert(a[0], n);
                    }
                    "section" => {
                        expect.nodes.insert(a[1], a[0]);
                    }
                    "paras" => {
                        expect.paras.insert(a[0], n);
                    }
                    "heading" => {
                        expect.heading.insert(a[0], n);
                    }
                    "title" => {
                        expect.title.insert(a[0], n);
                    }
                    "version" => expect.versions.push((a[0], format!("V{n}"))),
                    "remove" => {
                        expect.nodes.remove(&a[0]);
                        expect.paras.remove(&a[0]);
                        expect.heading.remove(&a[0]);
                        expect.removed.insert(a[0]);
                    }
                    other => panic!("unknown edit {other}"),
                }
                expect.saved += 1;
                in_flight = None;
            }
            ["READY"] => {}
            _ => panic!("unexpected writer output {l:?}"),
        }
    }
    Round {
        lines: lines.to_vec(),
        in_flight,
    }
}

/// Checks the database against everything reported so far. `max_begun`: the highest edit
/// number ever begun (no value may come from a later one).
fn verify(db: &Path, expect: &mut Expect, round: &Round, max_begun: u64) {
    let c = Connection::open(db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        ok, "ok",
        "integrity_check after kill; last output {:?}",
        round.lines
    );
    let fk: Option<i64> = c
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(1))
        .optional()
        .unwrap();
    assert_eq!(fk, None, "foreign keys after kill");

    // An in-flight removal may have committed: that node is then simply gone.
    if let Some((_, what)) = &round.in_flight {
        if let Some(node) = what.strip_prefix("remove ") {
            let node: i64 = node.parse().unwrap();
            let gone: Option<i64> = c
                .query_row("SELECT id FROM nodes WHERE id=?1", [node], |r| r.get(0))
                .optional()
                .unwrap();
            if gone.is_none() {
                expect.nodes.remove(&node);
                expect.paras.remove(&node);
                expect.heading.remove(&node);
                expect.removed.insert(node);
            }
        }
    }

    for (id, n) in &expect.reports {
        let unit: Option<String> = c
            .query_row("SELECT unit FROM reports WHERE id=?1", [id], |r| r.get(0))
            .optional()
            .unwrap();
        assert_eq!(
            unit,
            Some(format!("U{n}")),
            "report {id} created by edit {n}"
        );
    }
    for (node, report) in &expect.nodes {
        let r: Option<i64> = c
            .query_row("SELECT report_id FROM nodes WHERE id=?1", [node], |r| {
                r.get(0)
            })
            .optional()
            .unwrap();
        assert_eq!(r, Some(*report), "section {node} reported added");
    }
    for node in &expect.removed {
        let n: i64 = c
            .query_row("SELECT count(*) FROM nodes WHERE id=?1", [node], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 0, "section {node} reported removed");
    }
    for (node, saved) in &expect.paras {
        let mut st = c
            .prepare("SELECT text FROM paragraphs WHERE node_id=?1 ORDER BY ord")
            .unwrap();
        let texts: Vec<String> = st
            .query_map([node], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        // All paragraphs from one edit, complete: `P<n>.<i>/<count>` for i in 0..count.
        let first = texts
            .first()
            .unwrap_or_else(|| panic!("paragraphs of {node} lost"));
        let n = edit_of(&first[1..]).unwrap();
        let count: usize = first.rsplit('/').next().unwrap().parse().unwrap();
        let want: Vec<String> = (0..count).map(|i| format!("P{n}.{i}/{count}")).collect();
        assert_eq!(texts, want, "paragraphs of section {node}: one whole edit");
        assert!(
            n >= *saved && n <= max_begun,
            "section {node}: paragraphs from edit {n}, saved {saved}"
        );
    }
    for (node, saved) in &expect.heading {
        let h: String = c
            .query_row("SELECT heading FROM nodes WHERE id=?1", [node], |r| {
                r.get(0)
            })
            .unwrap();
        let n = edit_of(h.strip_prefix('H').unwrap_or("")).unwrap_or(0);
        assert!(
            n >= *saved && n <= max_begun,
            "heading {h} of {node}, saved {saved}"
        );
    }
    for (report, saved) in &expect.title {
        let t: String = c
            .query_row("SELECT title FROM reports WHERE id=?1", [report], |r| {
                r.get(0)
            })
            .unwrap();
        let n = edit_of(&t[1..]).unwrap();
        assert!(
            n >= *saved && n <= max_begun,
            "title {t} of {report}, saved {saved}"
        );
    }
    for (report, name) in &expect.versions {
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM versions WHERE report_id=?1 AND name=?2",
                rusqlite::params![report, name],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "version {name} of report {report}");
    }
}

#[test]
fn sigkill_never_loses_a_saved_edit() {
    let target = env_num("GONGWEN_KILLS", 200);
    let budget = Duration::from_secs(env_num("GONGWEN_KILL_SECONDS", 300));
    let seed0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gongwen.db");
    let mut expect = Expect::default();
    let mut rng = seed0;
    let mut next_edit = 1u64;
    let (mut kills, mut mid_edit, mut at_start) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    while kills < target && started.elapsed() < budget {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen-crash-writer"))
            .arg(dir.path())
            .arg(next_edit.to_string())
            .arg(rng.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut buf = Vec::new();
            // Only whole lines count: a line cut by the kill was never "reported".
            while r.read_until(b'\n', &mut buf).unwrap_or(0) > 0 {
                if buf.ends_with(b"\n") {
                    let _ = tx.send(String::from_utf8_lossy(&buf[..buf.len() - 1]).into());
                }
                buf.clear();
            }
        });
        let mut lines = Vec::new();
        // One kill in eight lands during start-up (check, backup); the rest while editing.
        if rng.is_multiple_of(8) {
            std::thread::sleep(Duration::from_millis(rng % 40));
            at_start += 1;
        } else {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(l) => lines.push(l),
                Err(_) => {
                    let _ = child.kill();
                    let out = child.wait_with_output().unwrap();
                    panic!(
                        "writer did not start: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            }
            std::thread::sleep(Duration::from_micros(rng % 60_000));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        assert!(
            status.code().is_none(),
            "the writer must die by the signal, not exit: {status:?}, {:?}",
            {
                let mut e = String::new();
                use std::io::Read;
                let _ = child.stderr.take().map(|mut s| s.read_to_string(&mut e));
                e
            }
        );
        kills += 1;
        let round = parse(&lines, &mut expect);
        let max_begun = lines
            .iter()
            .filter_map(|l| l.strip_prefix("BEGIN "))
            .filter_map(|l| l.split(' ').next()?.parse::<u64>().ok())
            .max()
            .unwrap_or(next_edit.saturating_sub(1))
            .max(next_edit.saturating_sub(1));
        if round.in_flight.is_some() {
            mid_edit += 1;
        }
        verify(&db, &mut expect, &round, max_begun);
        next_edit = max_begun + 1;
    }
    // Kills during start-up hit the daily backup too: no half copy may carry a backup's
    // name, and the careful start finds nothing to repair.
    let backups = gongwen::store::list_backups(dir.path()).unwrap();
    assert!(!backups.is_empty());
    for b in &backups {
        let (health, _) = gongwen::store::backup::check_file(&b.path).unwrap();
        assert_eq!(health, gongwen::store::backup::Health::Good, "{}", b.name);
    }
    let (_, start) = gongwen::store::open_with_care(dir.path()).unwrap();
    assert!(
        start.notices.is_empty() && start.moved_aside.is_none(),
        "{start:?}"
    );
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "kill test: {kills} SIGKILLs survived in {secs:.1} s ({mid_edit} during an edit, {at_start} during start-up); {} edits reported saved, all present; seed {seed0}",
        expect.saved
    );
    assert!(
        kills >= target,
        "only {kills} kills in {secs:.0} s (wanted {target})"
    );
    assert!(
        expect.saved >= kills,
        "too few edits to mean anything: {}",
        expect.saved
    );
    assert!(
        mid_edit * 4 >= kills,
        "too few kills landed during an edit: {mid_edit}"
    );
}

/// A restore killed at any moment leaves the database wholly as it was or wholly as the
/// backup, never a mix, and never a half-made backup under a backup's name.
#[test]
fn sigkill_during_restore_leaves_one_state_or_the_other() {
    use gongwen::store::{self, Store};
    let target = env_num("GONGWEN_RESTORE_KILLS", 100);
    let dir = tempfile::tempdir().unwrap();
    let mut r = gongwen::fixtures::sample_report(3);
    let unit_set = |s: &Store| {
        let mut u: Vec<String> = s.list().unwrap().into_iter().map(|r| r.unit).collect();
        u.sort();
        u
    };
    {
        let mut s = Store::open_dir(dir.path()).unwrap();
        r.unit = "甲".into();
        s.create(&r).unwrap();
        s.daily_backup_for("2000-01-01").unwrap();
        r.unit = "乙".into();
        s.create(&r).unwrap();
        s.daily_backup_for("2000-01-02").unwrap();
    }
    let states = [
        vec!["甲".to_string()],
        vec!["乙".to_string(), "甲".to_string()],
    ];
    let restore = |name: &str| {
        Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["restore-backup", name])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one whole restore takes on this machine (load varies): kills are spread
    // over twice that, so they land before, during and after restores.
    let t0 = Instant::now();
    assert!(restore("gongwen-2000-01-02.db").wait().unwrap().success());
    // The span then adapts to the load as it changes during the run: shorter after a restore
    // that finished before its kill, longer after one killed while running, so about half the
    // kills land during a restore however busy the machine is.
    let mut span = (t0.elapsed().as_micros() as u64 * 2).max(1000);
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let (mut killed_running, mut finished) = (0, 0);
    let started = Instant::now();
    for _ in 0..target {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let name = ["gongwen-2000-01-01.db", "gongwen-2000-01-02.db"][(rng % 2) as usize];
        let mut child = restore(name);
        std::thread::sleep(Duration::from_micros(rng % span));
        child.kill().unwrap();
        match child.wait().unwrap().code() {
            None => {
                killed_running += 1;
                span += span / 4;
            }
            Some(0) => {
                finished += 1;
                span = (span - span / 5).max(1000);
            }
            Some(c) => panic!("restore failed with exit code {c}"),
        }
        let c = Connection::open(dir.path().join("gongwen.db")).unwrap();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        drop(c);
        let now = unit_set(&Store::open_dir(dir.path()).unwrap());
        assert!(states.contains(&now), "a mixed state: {now:?}");
    }
    for b in store::list_backups(dir.path()).unwrap() {
        let (health, _) = store::backup::check_file(&b.path).unwrap();
        assert_eq!(health, store::backup::Health::Good, "{}", b.name);
    }
    eprintln!(
        "restore kill test: {killed_running} restores killed while running, {finished} finished (kills within {} ms), in {:.1} s",
        span / 1000,
        started.elapsed().as_secs_f64()
    );
    assert!(
        killed_running * 5 >= target && finished > 0,
        "kills must land both during and after restores: {killed_running} / {finished}"
    );
}
