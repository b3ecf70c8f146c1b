//! Writes reports with the library: the phrasebank is loaded once and
//! shared, and each report is written with `write_report_with`.
//!
//! Run: `cargo run --example write_report -- fixtures/eng-fra-2022-wc-qf.json 7 3`
//! (match file, first seed, how many drafts).

use beatwriter::phrasebank::Phrasebank;
use beatwriter::report::write_report_with;
use beatwriter::{Options, input, output};

fn main() -> Result<(), beatwriter::Error> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/eng-fra-2022-wc-qf.json".to_string());
    let seed = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(beatwriter::report::DEFAULT_SEED);
    let drafts: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    // Compiling the phrasebank is the costly part of a first report: do it
    // once. A `Phrasebank` is `Send + Sync`, so threads can share it too.
    let bank = Phrasebank::builtin("en")?;
    // A match already in memory (a request body, a queue message) loads
    // with `input::load_str`; `load_path` reads a file.
    let m = input::load_path(&path)?;
    for k in 0..drafts {
        let options = Options {
            seed: seed + k,
            ..Options::default()
        };
        let report = write_report_with(&m, &options, &bank)?;
        print!("{}", output::markdown(&report));
    }
    Ok(())
}
