//! Autosave latency with a realistic store: 1,000 reports, then one paragraph of one report
//! changed and saved, many times. Prints p50/p99 in milliseconds as JSON for scripts/bench.
//! `cargo run --release --example bench_autosave -- [reports] [saves]`

use gongwen::fixtures::sample_report;
use gongwen::store::Store;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let reports = args.next().flatten().unwrap_or(1000);
    let saves = args.next().flatten().unwrap_or(2000);
    let dir = std::env::temp_dir().join(format!("gongwen-bench-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let result = run(&dir, reports, saves);
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("{}", e.message);
            std::process::exit(1);
        }
    }
}

fn run(dir: &std::path::Path, reports: usize, saves: usize) -> gongwen::Result<String> {
    let mut store = Store::open_dir(dir)?;
    let template = sample_report(3);
    let mut last = 0;
    for _ in 0..reports {
        last = store.create(&template)?;
    }
    let report = store.load(last)?;
    let node = report.sections[0].children[0]
        .id
        .expect("stored sections have ids");
    let mut paras = report.sections[0].children[0].paragraphs.clone();
    let mut times = Vec::with_capacity(saves);
    for i in 0..saves {
        // A keystroke's worth of change in the first paragraph.
        if let gongwen::model::Item::Text(t) = &mut paras[0] {
            t.push(if i % 2 == 0 { '字' } else { '。' });
        }
        let t = Instant::now();
        store.set_section_paragraphs(node, &paras)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let (sync50, sync99) = fsync_floor(dir, saves.min(500))?;
    Ok(format!(
        "{{\"reports\":{reports},\"saves\":{saves},\"p50_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3},\"fsync_p50_ms\":{sync50:.3},\"fsync_p99_ms\":{sync99:.3}}}",
        pct(0.5),
        pct(0.99),
        times[times.len() - 1]
    ))
}

/// The floor under a durable save on this disk: overwriting 4 KiB of a file in the store's
/// folder and `fsync`ing it (SQLite's `synchronous=FULL` does one such sync per commit).
/// p50 and p99 in milliseconds.
fn fsync_floor(dir: &std::path::Path, n: usize) -> gongwen::Result<(f64, f64)> {
    use std::io::{Seek, SeekFrom, Write};
    let path = dir.join("fsync-probe");
    let io = |e: std::io::Error| gongwen::Error::io("测量磁盘同步", &path, &e);
    let mut f = std::fs::File::create(&path).map_err(io)?;
    f.write_all(&[0u8; 65536]).map_err(io)?;
    f.sync_all().map_err(io)?;
    let mut times = Vec::with_capacity(n.max(1));
    for i in 0..n.max(1) {
        f.seek(SeekFrom::Start((i % 16) as u64 * 4096))
            .map_err(io)?;
        f.write_all(&[i as u8; 4096]).map_err(io)?;
        let t = Instant::now();
        f.sync_all().map_err(io)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    Ok((pct(0.5), pct(0.99)))
}
