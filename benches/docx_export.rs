//! Exporting the 10-page sample report to DOCX bytes (build, schema fixes, deflate).

use criterion::{criterion_group, criterion_main, Criterion};
use gongwen::export::docx::docx_bytes;
use gongwen::fixtures::sample_report;
use gongwen::spec::Spec;
use std::hint::black_box;

fn export_ten_pages(c: &mut Criterion) {
    let report = sample_report(10);
    let spec = Spec::official();
    c.bench_function("docx_export_10_pages", |b| {
        b.iter(|| docx_bytes(black_box(&report), black_box(&spec)).unwrap())
    });
}

criterion_group!(benches, export_ten_pages);
criterion_main!(benches);
