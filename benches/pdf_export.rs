//! PDF export speed: loading fonts (once per app start), typesetting, and whole exports of the
//! sample reports. Run: `cargo bench -p gongwen --bench pdf_export`. Output sizes and page
//! counts are printed before the timings.

use criterion::{criterion_group, criterion_main, Criterion};
use gongwen::export::pdf::PdfExporter;
use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use gongwen::spec::Spec;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let fonts = FontSet::bundled_only().expect("bundled fonts");
    let exporter = PdfExporter::new(fonts.clone());
    let small = sample_report(10);
    let large = sample_report(100);
    for (name, r) in [
        ("sample_report(10)", &small),
        ("sample_report(100)", &large),
    ] {
        let out = exporter.render_full(r).expect("render");
        eprintln!(
            "{name}: {} pages, {} bytes ({:.1} KiB)",
            out.pages,
            out.bytes.len(),
            out.bytes.len() as f64 / 1024.0
        );
    }

    let mut g = c.benchmark_group("pdf");
    g.sample_size(20);
    g.bench_function("load bundled fonts", |b| {
        b.iter(|| black_box(FontSet::bundled_only().expect("fonts")))
    });
    g.bench_function("discover system + bundled fonts", |b| {
        b.iter(|| black_box(FontSet::discover(None).expect("fonts")))
    });
    g.bench_function("typeset sample_report(10)", |b| {
        let faces = fonts.faces(&Spec::official());
        let spec = Spec::official();
        b.iter(|| black_box(gongwen::typeset::typeset(&small, &spec, &faces)))
    });
    g.bench_function("export sample_report(10)", |b| {
        b.iter(|| black_box(exporter.render(&small).expect("render")))
    });
    g.bench_function("export sample_report(100)", |b| {
        b.iter(|| black_box(exporter.render(&large).expect("render")))
    });
    g.finish();
}

criterion_group!(pdf, benches);
criterion_main!(pdf);
