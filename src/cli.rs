//! Command-line interface: `beatwriter report` and `beatwriter validate`.

use beatwriter::{Error, ErrorKind, Options, input, output, report::DEFAULT_SEED};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;

/// Writes football match reports from event data.
#[derive(Parser)]
#[command(name = "beatwriter", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  beatwriter report fixtures/eng-fra-2022-wc-qf.json\n  beatwriter validate my-match.json\n\nThe match format is documented in docs/schema.md."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a report from a match file.
    #[command(
        after_help = "Examples:\n  beatwriter report fixtures/eng-fra-2022-wc-qf.json\n  beatwriter report --seed 7 --format markdown match.json > report.md\n  cat match.json | beatwriter report -\n\nThe same file and seed always give the same text; another seed changes the wording, never the facts."
    )]
    Report {
        /// Match file in the beatwriter/1 format, or `-` for standard input.
        file: String,
        /// Seed for wording choices.
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A desk's thresholds file instead of the built-in rules/thresholds.json.
        #[arg(long, value_name = "FILE")]
        thresholds: Option<String>,
        /// Tone: neutral, wire (short agency copy) or dramatic (tabloid); a
        /// folder of the phrasebank, falling back to neutral.
        #[arg(long, default_value = "neutral")]
        tone: String,
    },
    /// List every narrative beat the rules detect, most salient first.
    #[command(
        after_help = "Examples:\n  beatwriter beats fixtures/eng-fra-2022-wc-qf.json\n  beatwriter beats --json fixtures/eng-fra-2022-wc-qf.json\n\nEach line: the beat's id, whether the report used it (yes or -), salience, rule, the evidence\n(event ids or context entries) and its slots.\nSalience comes from rules/thresholds.json."
    )]
    Beats {
        /// Match file in the beatwriter/1 format, or `-` for standard input.
        file: String,
        /// Print the beats as JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// A desk's thresholds file instead of the built-in rules/thresholds.json.
        #[arg(long, value_name = "FILE")]
        thresholds: Option<String>,
    },
    /// Check a match file and report every problem found.
    #[command(
        after_help = "Examples:\n  beatwriter validate fixtures/eng-fra-2022-wc-qf.json\n  beatwriter validate - < match.json\n\nPrints \"ok\" and exits 0 when the file is sound; otherwise prints each problem as\nFILE:LINE:COLUMN: at JSON.PATH: what is wrong; expected what, and exits 2."
    )]
    Validate {
        /// Match file in the beatwriter/1 format, or `-` for standard input.
        file: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Plain text.
    Text,
    /// Markdown with headings.
    Markdown,
}

/// Runs the command line.
pub fn run() -> Result<(), Error> {
    let cli = Cli::parse();
    match cli.command {
        Command::Report {
            file,
            seed,
            format,
            thresholds,
            tone,
        } => {
            let m = input::load_path(&file)?;
            let options = Options {
                seed,
                thresholds: load_thresholds(thresholds.as_deref())?,
                tone,
                ..Options::default()
            };
            let report = beatwriter::write_report(&m, &options)?;
            let text = match format {
                Format::Text => output::text(&report),
                Format::Markdown => output::markdown(&report),
            };
            print(&text);
        }
        Command::Beats {
            file,
            json,
            thresholds,
        } => {
            let m = input::load_path(&file)?;
            let options = Options {
                thresholds: load_thresholds(thresholds.as_deref())?,
                ..Options::default()
            };
            let report = beatwriter::write_report(&m, &options)?;
            if json {
                print(&(serde_json::to_string_pretty(&report.beats).unwrap_or_default() + "\n"));
            } else {
                print(&beats_table(&report));
            }
        }
        Command::Validate { file } => {
            let m = input::load_path(&file)?;
            print(&format!(
                "ok: {file}: {} v {}, {} events\n",
                m.teams.home.name,
                m.teams.away.name,
                m.events.len()
            ));
        }
    }
    Ok(())
}

/// One line per beat: id, whether the report used it, salience, rule,
/// evidence and slots.
fn beats_table(report: &beatwriter::Report) -> String {
    let used = report.used_beats();
    let mut out = format!(
        "{:<4} {:<4} {:>8}  {:<22} {:<30} {}\n",
        "ID", "USED", "SALIENCE", "RULE", "EVIDENCE", "SLOTS"
    );
    for b in &report.beats {
        let mark = if used.contains(b.id.as_str()) {
            "yes"
        } else {
            "-"
        };
        out.push_str(&format!(
            "{:<4} {:<4} {:>8.1}  {:<22} {:<30} {}\n",
            b.id,
            mark,
            b.salience,
            b.rule,
            b.evidence.join(","),
            b.slots
        ));
    }
    out
}

/// The thresholds a desk names, or the built-in ones.
fn load_thresholds(path: Option<&str>) -> Result<beatwriter::beats::Thresholds, Error> {
    match path {
        None => Ok(beatwriter::beats::Thresholds::builtin()),
        Some(path) => beatwriter::beats::Thresholds::parse(path, &input::read_source(path)?),
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

/// The error as printed, each line prefixed with the program's name.
pub fn format_error(e: &Error) -> String {
    e.to_string()
        .lines()
        .map(|l| format!("beatwriter: error: {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// 2 for bad input or usage, 1 for failures of our own.
pub fn exit_code(e: &Error) -> u8 {
    match e.kind {
        ErrorKind::Io
        | ErrorKind::Syntax
        | ErrorKind::Shape
        | ErrorKind::Invalid
        | ErrorKind::Usage => 2,
        _ => 1,
    }
}
