//! Import speed: the StatsBomb importer plus a full report, against the
//! floor of parsing the same events file into a `serde_json::Value`.
//!
//! Run with `cargo bench --bench import`. Both measurements run in one
//! criterion group so their times sit side by side.

use beatwriter::import::{ImportOptions, statsbomb};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/statsbomb")
        .join(name)
}

fn bench(c: &mut Criterion) {
    let events = data("15986_events.json");
    let bytes = std::fs::read(&events).expect("the StatsBomb events file");
    let opts = ImportOptions {
        events,
        lineups: data("15986_lineups.json"),
        match_file: Some(data("15986_match.json")),
        context: None,
        lenient: false,
    };
    let bank = beatwriter::phrasebank::Phrasebank::builtin("en").expect("builtin phrasebank");
    let options = beatwriter::Options::default();

    let mut group = c.benchmark_group("statsbomb_15986");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("value_parse", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(&bytes)).unwrap();
            black_box(v)
        })
    });
    group.bench_function("import_and_report", |b| {
        b.iter(|| {
            let imported = statsbomb::import(black_box(&opts)).unwrap();
            let report =
                beatwriter::report::write_report_with(&imported.m, &options, &bank).unwrap();
            black_box(report)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
