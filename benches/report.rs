//! Report speed: one report in-process (England-France, text, JSON, HTML),
//! and `beatwriter report` as a whole process.
//!
//! Run with `cargo bench --bench report`. Only public API that main has
//! too, so the same file benches both sides of a change. To time another
//! build's process side by side with this one's in the same run, name its
//! binary in `BEATWRITER_BASELINE_BIN` (e.g. main's `target/release/beatwriter`):
//! `process/spawn_baseline` spawns it as `process/spawn` spawns this one.

use beatwriter::phrasebank::Phrasebank;
use beatwriter::{Options, input, output};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const ENG_FRA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/eng-fra-2022-wc-qf.json"
);

fn per_report(c: &mut Criterion) {
    let m = input::load_path(ENG_FRA).expect("the fixture");
    let bank = Phrasebank::builtin("en").expect("builtin phrasebank");
    let options = Options::default();
    let write = || beatwriter::report::write_report_with(&m, &options, &bank).unwrap();
    let mut group = c.benchmark_group("report_eng_fra");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("text", |b| b.iter(|| black_box(output::text(&write()))));
    group.bench_function("json", |b| {
        b.iter(|| black_box(output::json(&write(), &m, ENG_FRA)))
    });
    group.bench_function("html", |b| {
        b.iter(|| {
            let view = output::provenance::view(&write(), &m, ENG_FRA);
            black_box(output::html::page(&view))
        })
    });
    group.finish();
}

/// Everything `beatwriter report FILE` does, in-process (read, compile the
/// phrasebank, write, print to a string), and the process itself.
fn whole_process(c: &mut Criterion) {
    let mut group = c.benchmark_group("process");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("in_process", |b| {
        b.iter(|| {
            let m = input::load_path(ENG_FRA).unwrap();
            let report = beatwriter::write_report(&m, &Options::default()).unwrap();
            black_box(output::text(&report))
        })
    });
    group.bench_function("spawn", |b| {
        b.iter(|| black_box(spawn(env!("CARGO_BIN_EXE_beatwriter"))))
    });
    if let Ok(baseline) = std::env::var("BEATWRITER_BASELINE_BIN") {
        group.bench_function("spawn_baseline", |b| b.iter(|| black_box(spawn(&baseline))));
    }
    group.finish();
}

/// `BIN report ENG_FRA`'s standard output, from a finished process.
fn spawn(bin: &str) -> Vec<u8> {
    let out = std::process::Command::new(bin)
        .args(["report", ENG_FRA])
        .output()
        .unwrap();
    assert!(out.status.success(), "{bin} failed");
    out.stdout
}

criterion_group!(benches, per_report, whole_process);
criterion_main!(benches);
