//! Writes the England-France report as Markdown, with a chosen seed.
//!
//! Run: `cargo run --example write_report -- fixtures/eng-fra-2022-wc-qf.json 7`

use beatwriter::{Options, input, output, write_report};

fn main() -> Result<(), beatwriter::Error> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/eng-fra-2022-wc-qf.json".to_string());
    let seed = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(beatwriter::report::DEFAULT_SEED);
    let m = input::load_path(&path)?;
    let report = write_report(
        &m,
        &Options {
            seed,
            ..Options::default()
        },
    )?;
    print!("{}", output::markdown(&report));
    Ok(())
}
