//! Command-line interface: `beatwriter report`, `beats` and `validate`.

use beatwriter::{Error, ErrorKind, Options, input, output, report::DEFAULT_SEED};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;

// `round` and `serve` live in their own files, so their blocks here stay small.
mod round;
mod serve;

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
    #[command(after_help = REPORT_HELP)]
    Report(ReportArgs),
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
    /// Turn a provider's feed into a beatwriter/1 match file.
    Import {
        #[command(subcommand)]
        provider: Provider,
    },
    /// Check a phrasebank: templates compile, helpers exist, every message has a
    /// neutral variant; prints a coverage table (message × tone).
    #[command(
        after_help = "Examples:\n  beatwriter lint                 # the built-in phrasebank\n  beatwriter lint my-phrasebank/  # a desk's edited copy\n\nEvery problem is printed as FILE:LINE:COLUMN: what is wrong, all of them, and the exit\ncode is 1 when there is any. Notes (thin coverage, files no code asks for) do not fail."
    )]
    Lint {
        /// A phrasebank directory laid out like phrasebank/ (default: the built-in one).
        dir: Option<std::path::PathBuf>,
        /// Language folder to check.
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Check an edited draft against the match: changed scorers, minutes,
    /// scores, teams, players who did not play.
    #[command(
        after_help = "Examples:\n  beatwriter report fixtures/eng-fra-2022-wc-qf.json > draft.txt\n  (edit draft.txt)\n  beatwriter check draft.txt --match fixtures/eng-fra-2022-wc-qf.json\n\nA draft written by beatwriter ends with the options that wrote it; keep that line and check\ncompares each edited line with the line it was written as. Each problem is printed as\nDRAFT:LINE: what changed; the data says what. Exit 1 when something is wrong, 0 when clean."
    )]
    Check {
        /// The edited draft (text or Markdown), or `-` for standard input.
        draft: String,
        /// The match file the draft was written from.
        #[arg(long = "match", value_name = "FILE")]
        match_file: String,
        /// The phrasebank the draft was written with, if not the built-in one.
        #[arg(long, value_name = "DIR")]
        phrasebank: Option<std::path::PathBuf>,
    },
    /// Write many matches in one process: a directory, a glob, a manifest or
    /// JSON Lines on standard input.
    #[command(after_help = round::HELP)]
    Round(round::RoundArgs),
    /// Serve reports over HTTP, the phrasebank loaded once.
    #[command(after_help = serve::HELP)]
    Serve(serve::ServeArgs),
    /// Check a match file and report every problem found.
    #[command(
        after_help = "Examples:\n  beatwriter validate fixtures/eng-fra-2022-wc-qf.json\n  beatwriter validate - < match.json\n\nPrints \"ok\" and exits 0 when the file is sound; otherwise prints each problem as\nFILE:LINE:COLUMN: at JSON.PATH: what is wrong; expected what, and exits 2."
    )]
    Validate {
        /// Match file in the beatwriter/1 format, or `-` for standard input.
        file: String,
    },
}

const REPORT_HELP: &str = "Examples:
  beatwriter report fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --tone wire --for England fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --variants 3 fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --seed 7 --section talking_point fixtures/eng-fra-2022-wc-qf.json
  cat match.json | beatwriter report --format markdown -
  beatwriter report --statsbomb-events 15986_events.json --statsbomb-lineups 15986_lineups.json \\
      --statsbomb-match 15986_match.json

The same file, options and seed always give the same text; another seed changes the
wording, never the facts. Every report ends with a line giving its seed and options, so
any draft can be written again exactly.";

/// Options of `beatwriter report`.
#[derive(Args)]
struct ReportArgs {
    /// Match file in the beatwriter/1 format, or `-` for standard input.
    #[arg(required_unless_present = "statsbomb_events")]
    file: Option<String>,
    #[command(flatten)]
    statsbomb: StatsbombFeed,
    /// Seed for wording choices.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Tone: neutral, wire (short agency copy) or dramatic (tabloid). A folder of
    /// the phrasebank; messages it lacks fall back to neutral.
    #[arg(long, default_value = "neutral")]
    tone: String,
    /// Write for one side's supporters: a team's name or short name (e.g. England, ENG).
    #[arg(long = "for", value_name = "TEAM")]
    perspective: Option<String>,
    /// Re-roll only this section with --seed, keeping the others as they are at the
    /// default seed (repeatable): lead, talking_point, player_of_match, ratings,
    /// highlights, key_stats.
    #[arg(long = "section", value_name = "NAME")]
    sections: Vec<String>,
    /// Print K alternative drafts, with seeds --seed, --seed + 1, ...
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=50))]
    variants: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// A desk's thresholds file instead of the built-in rules/thresholds.json.
    #[arg(long, value_name = "FILE")]
    thresholds: Option<String>,
    /// A desk's edited phrasebank directory instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    phrasebank: Option<std::path::PathBuf>,
}

/// A StatsBomb open-data feed to write from instead of a match file.
#[derive(Args)]
struct StatsbombFeed {
    /// StatsBomb events file (with --statsbomb-lineups): write straight from the feed.
    #[arg(
        long,
        value_name = "FILE",
        requires = "statsbomb_lineups",
        conflicts_with = "file"
    )]
    statsbomb_events: Option<std::path::PathBuf>,
    /// StatsBomb line-ups file for the same match.
    #[arg(long, value_name = "FILE", requires = "statsbomb_events")]
    statsbomb_lineups: Option<std::path::PathBuf>,
    /// StatsBomb matches-file entry for the match (competition, date, venue, score).
    #[arg(long, value_name = "FILE", requires = "statsbomb_events")]
    statsbomb_match: Option<std::path::PathBuf>,
    /// Editorial context (records, next fixture...) to merge into the imported match.
    #[arg(long, value_name = "FILE", requires = "statsbomb_events")]
    context: Option<std::path::PathBuf>,
    /// Keep going past inconsistencies in the feed, printing warnings.
    #[arg(long, requires = "statsbomb_events")]
    lenient: bool,
}

/// Options of `beatwriter import statsbomb`.
#[derive(Args)]
struct ImportStatsbomb {
    /// The events file (e.g. 15986_events.json).
    #[arg(long, value_name = "FILE")]
    events: std::path::PathBuf,
    /// The line-ups file (e.g. 15986_lineups.json).
    #[arg(long, value_name = "FILE")]
    lineups: std::path::PathBuf,
    /// The match's entry from the matches file; without it, teams come from the
    /// line-ups and the score from the events.
    #[arg(long = "match", value_name = "FILE")]
    match_file: Option<std::path::PathBuf>,
    /// Editorial context (records, next fixture, VAR decisions the feed lacks) to merge in.
    #[arg(long, value_name = "FILE")]
    context: Option<std::path::PathBuf>,
    /// Write the native match file here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Keep going past inconsistencies (score, line-ups, ids), printing warnings.
    #[arg(long)]
    lenient: bool,
    /// List the event types the importer ignored, with counts.
    #[arg(long)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Provider {
    /// StatsBomb open data: events, line-ups and optionally the match entry.
    #[command(
        after_help = "Examples:\n  beatwriter import statsbomb --events 15986_events.json --lineups 15986_lineups.json \\\n      --match 15986_match.json -o barca-girona.json\n  beatwriter report barca-girona.json\n\nThe mapping (clock, own goals, names, computed ratings) is described in docs/statsbomb.md."
    )]
    Statsbomb(ImportStatsbomb),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Plain text.
    Text,
    /// Markdown with headings.
    Markdown,
    /// JSON: sections, paragraphs, sentences, each with its provenance
    /// (see docs/json.md).
    Json,
    /// A self-contained HTML review page: click a sentence to see its provenance.
    Html,
}

/// Runs the command line; the exit code on success (lint exits 1 when it
/// finds problems).
pub fn run() -> Result<u8, Error> {
    match Cli::parse().command {
        Command::Report(args) => report(args).map(|()| 0),
        Command::Round(args) => round::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import {
            provider: Provider::Statsbomb(args),
        } => {
            let imported = statsbomb(
                &args.events,
                &args.lineups,
                args.match_file.clone(),
                args.context.clone(),
                args.lenient,
            )?;
            if args.verbose {
                for (kind, n) in &imported.ignored {
                    eprintln!("beatwriter: ignored {n} events of type \"{kind}\"");
                }
            }
            let json = serde_json::to_string_pretty(&imported.m).unwrap_or_default() + "\n";
            if let Some(path) = &args.output {
                refuse_to_overwrite_input(
                    path,
                    [
                        Some(&args.events),
                        Some(&args.lineups),
                        args.match_file.as_ref(),
                        args.context.as_ref(),
                    ],
                )?;
            }
            match &args.output {
                Some(path) => std::fs::write(path, json).map_err(|e| {
                    Error::single(
                        ErrorKind::Io,
                        path.display().to_string(),
                        beatwriter::error::Diagnostic::new(
                            "",
                            format!("cannot write the match file: {e}"),
                        ),
                    )
                })?,
                None => print(&json),
            }
            Ok(0)
        }
        Command::Lint { dir, language } => {
            let lint = match &dir {
                Some(dir) => beatwriter::lint::lint_dir(dir, &language)?,
                None => beatwriter::lint::lint_builtin(&language),
            };
            let label = dir.map_or(beatwriter::phrasebank::BUILTIN_LABEL.to_string(), |d| {
                d.display().to_string()
            });
            print(&lint_text(&label, &lint));
            Ok(u8::from(!lint.problems.is_empty()))
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
            Ok(0)
        }
        Command::Check {
            draft,
            match_file,
            phrasebank,
        } => {
            let m = input::load_path(&match_file)?;
            let text = input::read_source(&draft)?;
            let bank = match &phrasebank {
                Some(dir) => beatwriter::phrasebank::Phrasebank::from_dir(dir, "en")?,
                None => beatwriter::phrasebank::Phrasebank::builtin("en")?,
            };
            let findings = beatwriter::check::check(&text, &m, &bank)?;
            if findings.is_empty() {
                print(&format!(
                    "ok: {draft}: every name and figure agrees with {match_file}\n"
                ));
                return Ok(0);
            }
            print(&beatwriter::check::describe(&draft, &findings));
            Ok(1)
        }
        Command::Validate { file } => {
            let m = input::load_path(&file)?;
            print(&format!(
                "ok: {file}: {} v {}, {} events\n",
                m.teams.home.name,
                m.teams.away.name,
                m.events.len()
            ));
            Ok(0)
        }
    }
}

/// Imports a StatsBomb feed, printing its warnings on standard error.
fn statsbomb(
    events: &std::path::Path,
    lineups: &std::path::Path,
    match_file: Option<std::path::PathBuf>,
    context: Option<std::path::PathBuf>,
    lenient: bool,
) -> Result<beatwriter::import::Imported, Error> {
    let options = beatwriter::import::ImportOptions {
        events: events.to_path_buf(),
        lineups: lineups.to_path_buf(),
        match_file,
        context,
        lenient,
    };
    let imported = beatwriter::import::statsbomb::import(&options)?;
    for w in &imported.warnings {
        eprintln!("beatwriter: warning: {w}");
    }
    Ok(imported)
}

/// `beatwriter report`: one draft, or K drafts with consecutive seeds.
fn report(args: ReportArgs) -> Result<(), Error> {
    let (m, source) = match (
        &args.file,
        &args.statsbomb.statsbomb_events,
        &args.statsbomb.statsbomb_lineups,
    ) {
        (_, Some(events), Some(lineups)) => {
            let feed = &args.statsbomb;
            let imported = statsbomb(
                events,
                lineups,
                feed.statsbomb_match.clone(),
                feed.context.clone(),
                feed.lenient,
            )?;
            (imported.m, events.display().to_string())
        }
        (Some(file), _, _) => (input::load_path(file)?, file.clone()),
        _ => {
            let message = "give a match file, or --statsbomb-events with --statsbomb-lineups";
            return Err(Error::single(
                ErrorKind::Usage,
                "",
                beatwriter::error::Diagnostic::new("", message),
            ));
        }
    };
    let bank = match &args.phrasebank {
        Some(dir) => beatwriter::phrasebank::Phrasebank::from_dir(dir, "en")?,
        None => beatwriter::phrasebank::Phrasebank::builtin("en")?,
    };
    let base = Options {
        seed: args.seed,
        tone: args.tone,
        perspective: args.perspective,
        sections: args.sections,
        thresholds: load_thresholds(args.thresholds.as_deref())?,
        ..Options::default()
    };
    if args.variants > 1 && matches!(args.format, Format::Json | Format::Html) {
        return Err(Error::single(
            ErrorKind::Usage,
            "",
            beatwriter::error::Diagnostic::new(
                "",
                "--variants writes several drafts one after another, which only text and markdown can hold; write one JSON or HTML file per --seed instead",
            ),
        ));
    }
    let mut out = String::new();
    for k in 0..u64::from(args.variants) {
        let options = Options {
            seed: args.seed.wrapping_add(k),
            ..base.clone()
        };
        let report = beatwriter::report::write_report_with(&m, &options, &bank)?;
        if args.variants > 1 {
            out.push_str(&format!(
                "=== Draft {} of {} (seed {}) ===\n\n",
                k + 1,
                args.variants,
                options.seed
            ));
        }
        out.push_str(&match args.format {
            Format::Text => output::text(&report),
            Format::Markdown => output::markdown(&report),
            Format::Json => output::json(&report, &m, &source),
            Format::Html => output::html::page(&output::provenance::view(&report, &m, &source)),
        });
        if k + 1 < u64::from(args.variants) {
            out.push('\n');
        }
    }
    print(&out);
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

/// Lint's findings: problems, notes, the coverage table, a summary.
fn lint_text(label: &str, lint: &beatwriter::lint::Lint) -> String {
    let line = |kind: &str, d: &beatwriter::error::Diagnostic| {
        let at = d
            .position
            .map_or(String::new(), |(l, c)| format!(":{l}:{c}"));
        format!("{kind}: {label}/{}{at}: {}\n", d.path, d.message)
    };
    let mut out = String::new();
    lint.problems
        .iter()
        .for_each(|d| out.push_str(&line("error", d)));
    lint.notes
        .iter()
        .for_each(|d| out.push_str(&line("note", d)));
    if !lint.coverage.is_empty() {
        out.push('\n');
        out.push_str(&beatwriter::lint::coverage_table(lint));
    }
    out.push_str(&format!(
        "\n{} problems, {} notes\n",
        lint.problems.len(),
        lint.notes.len()
    ));
    out
}

/// The thresholds a desk names, or the built-in ones.
fn load_thresholds(path: Option<&str>) -> Result<beatwriter::beats::Thresholds, Error> {
    match path {
        None => Ok(beatwriter::beats::Thresholds::builtin()),
        Some(path) => beatwriter::beats::Thresholds::parse(path, &input::read_source(path)?),
    }
}

/// `-o FILE` must not be one of the command's inputs: writing it would
/// destroy the feed before anyone noticed.
fn refuse_to_overwrite_input<const N: usize>(
    output: &std::path::Path,
    inputs: [Option<&std::path::PathBuf>; N],
) -> Result<(), Error> {
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // Does not exist yet: nothing to overwrite.
    };
    let clash = inputs
        .into_iter()
        .flatten()
        .find(|i| i.canonicalize().is_ok_and(|i| i == out));
    match clash {
        None => Ok(()),
        Some(input) => Err(Error::single(
            ErrorKind::Usage,
            "",
            beatwriter::error::Diagnostic::new(
                "",
                format!(
                    "-o {} is also an input ({}); expected a different file for the output",
                    output.display(),
                    input.display()
                ),
            ),
        )),
    }
}

/// Writes to stdout. A closed pipe (`| head`) ends quietly; any other
/// write error (a full disk, `> /dev/full`) is reported and exits 3, so a
/// script never takes a truncated report for a finished one.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("beatwriter: error: cannot write the output: {e}");
        std::process::exit(3);
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
