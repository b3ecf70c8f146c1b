//! Round speed: the four fixtures × three tones × 100 seeds (1,200
//! reports) through `round::run` on every core, side by side with a plain
//! loop of `serde_json::from_str` over the same match files (one parse a
//! report): the floor any batch writer pays to read its input.
//!
//! Run with `cargo bench --bench round`; the ratio of the two is the cost
//! of writing over reading. A 75,000-report round runs through the CLI:
//! `scripts/bench-round`.

use beatwriter::phrasebank::Phrasebank;
use beatwriter::round::{self, Format, Input, RoundOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const FIXTURES: &[&str] = &[
    "eng-fra-2022-wc-qf.json",
    "eng-sco-2021-euro-group.json",
    "ger-swe-2018-wc-group.json",
    "arg-fra-2022-wc-final.json",
];
const SEEDS: u64 = 100;
const TONES: &[&str] = &["neutral", "wire", "dramatic"];

fn bench(c: &mut Criterion) {
    let paths: Vec<PathBuf> = FIXTURES
        .iter()
        .map(|f| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures")
                .join(f)
        })
        .collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::File).collect();
    let bank = Phrasebank::builtin("en").unwrap();
    let options = RoundOptions {
        base: beatwriter::Options::default(),
        seeds: (0..SEEDS).collect(),
        tones: TONES.iter().map(|t| t.to_string()).collect(),
        format: Format::Text,
        variety: true,
    };
    let reports = FIXTURES.len() as u64 * SEEDS * TONES.len() as u64;
    let mut group = c.benchmark_group("round_1200");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(reports));
    group.bench_function("round", |b| {
        b.iter(|| {
            let mut bytes = 0;
            let summary = round::run(&inputs, &options, &bank, |o| {
                if let round::Outcome::Written(w) = o {
                    bytes += w.output.len();
                }
            });
            assert_eq!(summary.written as u64, reports);
            black_box(bytes)
        })
    });
    group.bench_function("parse_loop", |b| {
        b.iter(|| {
            for text in &texts {
                for _ in 0..SEEDS * TONES.len() as u64 {
                    let m: beatwriter::model::Match =
                        serde_json::from_str(black_box(text)).unwrap();
                    black_box(m);
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
