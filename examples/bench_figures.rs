//! The in-process figures of `scripts/bench`, as the running app sees them: fonts found and
//! loaded once (as `PdfExporter` is kept by the app), then repeated exports of the sample
//! reports. Prints one JSON object (milliseconds, bytes) on stdout.
//! `cargo run --release --example bench_figures -- [runs]`
//!
//! Timings are medians (and p90) of `runs` repetitions after two warm-up runs, so a busy
//! moment of the machine does not decide the figure.

use gongwen::export::docx::{docx_bytes, export_docx};
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use gongwen::spec::Spec;
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let runs = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(30)
        .max(1);
    match figures(runs) {
        Ok(v) => println!("{v}"),
        Err(e) => {
            eprintln!("{}", e.message);
            eprintln!("(cause: {})", e.cause);
            std::process::exit(1);
        }
    }
}

/// Median and p90 of `runs` timed calls of `f`, in milliseconds, after two untimed ones.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Value {
    for _ in 0..2 {
        black_box(f());
    }
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    json!({ "median_ms": round3(pct(0.5)), "p90_ms": round3(pct(0.9)), "min_ms": round3(ms[0]), "runs": runs })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Peak resident memory of this process so far (VmHWM), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn figures(runs: usize) -> gongwen::Result<Value> {
    let spec = Spec::official();
    let t = Instant::now();
    // As the app does: system fonts, then the bundled fallbacks.
    let fonts = FontSet::discover(None)?;
    let font_load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let exporter = PdfExporter::new(fonts.clone());

    // Exports are written as the app writes them: a temporary name, fsync, rename.
    let dir = std::env::temp_dir().join(format!("gongwen-bench-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| gongwen::Error::io("创建临时文件夹", &dir, &e))?;
    let result = measure(&exporter, &fonts, &spec, &dir, runs, font_load_ms);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn measure(
    exporter: &PdfExporter,
    fonts: &FontSet,
    spec: &Spec,
    dir: &std::path::Path,
    runs: usize,
    font_load_ms: f64,
) -> gongwen::Result<Value> {
    let fonts_used: Vec<String> = exporter
        .font_report()
        .iter()
        .map(|c| format!("{} = {}", c.summary(), c.font_name))
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("font_load_ms".into(), json!(round3(font_load_ms)));
    out.insert("fonts".into(), json!(fonts_used));
    for n in [10usize, 100] {
        let report = sample_report(n);
        let rendered = exporter.render_full(&report)?;
        let docx = docx_bytes(&report, spec)?;
        let (pdf_out, docx_out) = (
            dir.join(format!("r{n}.pdf")),
            dir.join(format!("r{n}.docx")),
        );
        // Once with errors reported, so the timed runs below measure exports that succeed.
        exporter.export(&report, &pdf_out)?;
        export_docx(&report, spec, &docx_out)?;
        // Fewer repetitions of the long report: it is the ratio that matters.
        let r = if n == 10 { runs } else { runs.div_ceil(3) };
        let faces = fonts.faces(spec);
        out.insert(
            format!("r{n}"),
            json!({
                "pages": rendered.pages,
                "pdf_bytes": rendered.bytes.len(),
                "docx_bytes": docx.len(),
                // In memory, as the live preview does.
                "pdf": time(r, || exporter.render(&report).map(|b| b.len())),
                // To a file, as the app's 导出 PDF does.
                "pdf_file": time(r, || exporter.export(&report, &pdf_out).map(|r| r.pages)),
                "typeset": time(r, || gongwen::typeset::typeset(&report, spec, &faces).pages.len()),
                "docx": time(r, || docx_bytes(&report, spec).map(|b| b.len())),
                "docx_file": time(r, || export_docx(&report, spec, &docx_out)),
            }),
        );
    }
    out.insert("peak_rss_kib".into(), json!(peak_rss_kib()));
    Ok(Value::Object(out))
}
