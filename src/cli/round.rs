//! `beatwriter round`: many matches in one process, the phrasebank loaded
//! once; see [`beatwriter::round`].

use beatwriter::round::{self, Format, Input, Outcome, RoundOptions};
use beatwriter::{Error, ErrorKind, Options, error::Diagnostic, report::DEFAULT_SEED};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// The help printed after `beatwriter round --help`.
pub const HELP: &str = "Examples:
  beatwriter round fixtures/ -o reports/
  beatwriter round 'fixtures/*.json' --seeds 1000 --tone neutral --tone wire -o reports/
  beatwriter round feeds.jsonl --format json > reports.jsonl
  cat matches.jsonl | beatwriter round - --jobs 2

Inputs: a directory (its *.json files), a glob pattern, a match file, a .jsonl manifest or
`-` for JSON Lines on standard input. Each line of JSON Lines is a native match, {\"file\": PATH}
or a StatsBomb triple {\"events\": PATH, \"lineups\": PATH, \"match\": PATH}.

With -o DIR each report is a file (NAME.txt, or NAME-TONE-SEED.txt when there are several
tones or seeds); without it, one JSON object a line on standard output. A bad match never
stops the round: each failure is listed on standard error with its diagnostics, and the exit
code is 1 when any failed. No two reports open with the same lead variant while an unused
one fits (--no-variety turns that off; so does --section).

--for home (or away) writes each match for its home (or away) side's supporters; a team
name writes for that team, and a match it does not play in fails as `report --for` would.";

/// Options of `beatwriter round`.
#[derive(Args)]
pub struct RoundArgs {
    /// Directories, glob patterns, match files, .jsonl manifests, or `-`.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// First seed.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// How many seeds to write each match with: --seed, --seed + 1, ...
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    seeds: u64,
    /// Tone (repeatable: each match is written in every tone given).
    #[arg(long = "tone", default_value = "neutral")]
    tones: Vec<String>,
    /// Write every report for one side's supporters: `home` or `away` (that
    /// side of each match), or a team's name, short name, id or nickname,
    /// which then must play in every match of the round.
    #[arg(long = "for", value_name = "SIDE")]
    perspective: Option<String>,
    /// Re-roll only this section with the seeds, keeping the others as they
    /// are at the default seed (repeatable), as `report --section` does.
    /// Openings are not steered apart then: the lead is not re-rolled
    /// unless named.
    #[arg(long = "section", value_name = "NAME")]
    sections: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RoundFormat::Text)]
    format: RoundFormat,
    /// Write each report to a file in this directory (created if needed).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=512))]
    jobs: Option<u64>,
    /// Write the round's openings (lead variant → reports) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    openings: Option<PathBuf>,
    /// Write each report as `report` would, without steering openings apart.
    #[arg(long)]
    no_variety: bool,
    /// A desk's thresholds file instead of the built-in rules/thresholds.json.
    #[arg(long, value_name = "FILE")]
    thresholds: Option<String>,
    /// A desk's edited phrasebank directory instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    phrasebank: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoundFormat {
    Text,
    Markdown,
    Json,
    Html,
}

/// Runs the round; 0 when every report was written, 1 when some failed.
pub fn run(args: RoundArgs) -> Result<u8, Error> {
    let started = std::time::Instant::now();
    let inputs = inputs(&args.inputs)?;
    let bank = match &args.phrasebank {
        Some(dir) => beatwriter::phrasebank::Phrasebank::from_dir(dir, "en")?,
        None => beatwriter::phrasebank::Phrasebank::builtin("en")?,
    };
    let thresholds = match &args.thresholds {
        None => beatwriter::beats::Thresholds::builtin(),
        Some(p) => beatwriter::beats::Thresholds::parse(p, &beatwriter::input::read_source(p)?)?,
    };
    let options = RoundOptions {
        base: Options {
            thresholds,
            perspective: args.perspective.clone(),
            sections: args.sections.clone(),
            ..Options::default()
        },
        seeds: (0..args.seeds).map(|k| args.seed.wrapping_add(k)).collect(),
        tones: args.tones.clone(),
        format: match args.format {
            RoundFormat::Text => Format::Text,
            RoundFormat::Markdown => Format::Markdown,
            RoundFormat::Json => Format::Json,
            RoundFormat::Html => Format::Html,
        },
        variety: !args.no_variety,
    };
    // A section or tone that does not exist is a usage error, not one
    // failure per report.
    beatwriter::report::check_sections(&options.base.sections)?;
    for tone in &options.tones {
        if !bank.tones().contains(&tone.as_str()) {
            let message = format!(
                "no tone called \"{tone}\"; expected one of {}",
                bank.tones().join(", ")
            );
            return Err(Error::single(
                ErrorKind::Usage,
                "",
                Diagnostic::new("", message),
            ));
        }
    }
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    }
    let total = inputs.len() as u64 * options.seeds.len() as u64 * options.tones.len() as u64;
    let bar = progress_bar(total);
    let several = options.seeds.len() * options.tones.len() > 1;
    let mut sink = Sink::new(args.output.clone(), options.format, several);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0) as usize)
        .build()
        .map_err(|e| internal(format!("cannot start the workers: {e}")))?;
    let summary = pool.install(|| {
        round::run(&inputs, &options, &bank, |outcome| {
            sink.take(outcome);
            bar.inc(match outcome {
                Outcome::Failed { reports, .. } => *reports as u64,
                Outcome::Written(_) => 1,
            });
        })
    });
    bar.finish_and_clear();
    sink.finish()?;
    if let Some(path) = &args.openings {
        let json = serde_json::to_string_pretty(&summary.openings).unwrap_or_default() + "\n";
        std::fs::write(path, json).map_err(|e| write_error(path, &e))?;
    }
    for (_, error) in &summary.failed {
        eprintln!("{}", super::format_error(error));
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "beatwriter: round: {} written, {} failed, {:.1} s, {:.0} reports/s, {} distinct openings",
        summary.written,
        summary.failed.len(),
        seconds,
        summary.written as f64 / seconds.max(1e-9),
        summary.openings.len()
    );
    Ok(u8::from(!summary.failed.is_empty()))
}

/// The inputs named; `-` reads JSON Lines from standard input.
fn inputs(args: &[String]) -> Result<Vec<Input>, Error> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            let text = beatwriter::input::read_source("-")?;
            inputs.extend(round::manifest("-", None, &text));
        } else {
            inputs.extend(round::inputs_from_args(std::slice::from_ref(arg))?);
        }
    }
    Ok(inputs)
}

/// A bar on standard error when it is a terminal; nothing otherwise.
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} reports, {per_sec}, {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Where written reports go: files in a directory, or JSON Lines on stdout.
struct Sink {
    dir: Option<PathBuf>,
    format: Format,
    several: bool,
    names: std::collections::HashSet<String>,
    out: std::io::BufWriter<std::io::Stdout>,
    error: Option<Error>,
}

impl Sink {
    fn new(dir: Option<PathBuf>, format: Format, several: bool) -> Self {
        Sink {
            dir,
            format,
            several,
            names: Default::default(),
            out: std::io::BufWriter::new(std::io::stdout()),
            error: None,
        }
    }

    fn take(&mut self, outcome: &Outcome) {
        let Outcome::Written(w) = outcome else {
            return;
        };
        if self.error.is_some() {
            return;
        }
        let result = match self.dir.clone() {
            Some(dir) => {
                let path = dir.join(self.file_name(w));
                std::fs::write(&path, &w.output).map_err(|e| write_error(&path, &e))
            }
            None => self.line(w),
        };
        if let Err(e) = result {
            self.error = Some(e);
        }
    }

    /// NAME.EXT, or NAME-TONE-SEED.EXT in a round of several; a name
    /// already taken gets `-2`, `-3`...
    fn file_name(&mut self, w: &round::Written) -> String {
        let base = if self.several {
            format!("{}-{}-{}", w.stem, w.tone, w.seed)
        } else {
            w.stem.clone()
        };
        let mut name = base.clone();
        let mut n = 1;
        while !self.names.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        format!("{name}.{}", self.format.extension())
    }

    /// One JSON object on a line: source, seed, tone, opening, report (an
    /// object for --format json, a string otherwise).
    fn line(&mut self, w: &round::Written) -> Result<(), Error> {
        let report = match self.format {
            Format::Json => serde_json::from_str(&w.output)
                .unwrap_or_else(|_| serde_json::Value::String(w.output.clone())),
            _ => serde_json::Value::String(w.output.clone()),
        };
        let line = serde_json::json!({
            "source": w.source,
            "seed": w.seed,
            "tone": w.tone,
            "opening": w.opening,
            "report": report,
        });
        let result = serde_json::to_writer(&mut self.out, &line)
            .map_err(std::io::Error::from)
            .and_then(|()| self.out.write_all(b"\n"));
        result.or_else(closed_pipe)
    }

    fn finish(mut self) -> Result<(), Error> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush().or_else(closed_pipe)
    }
}

/// A closed pipe (`| head`) ends the round quietly.
fn closed_pipe(e: std::io::Error) -> Result<(), Error> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Err(internal(format!("cannot write to standard output: {e}")))
}

fn write_error(path: &std::path::Path, e: &std::io::Error) -> Error {
    Error::single(
        ErrorKind::Io,
        path.display().to_string(),
        Diagnostic::new("", format!("cannot write: {e}")),
    )
}

fn internal(message: String) -> Error {
    Error::single(ErrorKind::Render, "", Diagnostic::new("", message))
}
