//! Command-line interface: `beatwriter report`, `beats`, `validate`,
//! `import`, `lint` and `check`.
//!
//! Each command is a function returning its exit code; errors are printed
//! in one place ([`run`]) in the format `--message-format` asks for.

use beatwriter::error::{Located, Severity};
use beatwriter::{Error, ErrorKind, Options, input, output, report::DEFAULT_SEED};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;

/// The exit codes, as every command's help states them.
macro_rules! exit_codes {
    () => {
        "\n\nExit codes: 0 success; 1 check or lint found problems; 2 bad input or usage;\n3 a phrasebank or internal failure. Problems are printed on standard error as\nFILE:LINE:COLUMN: error: at JSON.PATH: what is wrong; expected what\n(--message-format json: one JSON object per problem)."
    };
}

// `round` and `serve` live in their own files, so their blocks here stay small.
mod round;
mod serve;

/// Writes football match reports from event data.
#[derive(Parser)]
#[command(name = "beatwriter", version, about, long_about = None)]
#[command(after_help = concat!(
    "Examples:\n  beatwriter report fixtures/eng-fra-2022-wc-qf.json\n  beatwriter validate my-match.json\n\nThe match format is documented in docs/schema.md.",
    exit_codes!()
))]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

/// Options every command takes.
#[derive(Args, Clone, Copy)]
struct Global {
    /// How problems are printed: text (FILE:LINE:COLUMN: ...) or json (one
    /// object per line: file, line, column, path, code, severity, message,
    /// expected).
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Text)]
    message_format: MessageFormat,
    /// Print nothing on standard error but errors (no warnings or notices).
    #[arg(short, long, global = true)]
    quiet: bool,
}

/// How diagnostics are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// FILE:LINE:COLUMN: error: message, for people and editors.
    Text,
    /// One JSON object per diagnostic, for tools.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Write a report from a match file.
    #[command(after_help = concat!(REPORT_HELP!(), exit_codes!()))]
    Report(ReportArgs),
    /// List every narrative beat the rules detect, most salient first.
    #[command(after_help = concat!(
        "Examples:\n  beatwriter beats fixtures/eng-fra-2022-wc-qf.json\n  beatwriter beats --json fixtures/eng-fra-2022-wc-qf.json\n\nEach line: the beat's id, whether the report used it (yes or -), salience, rule, the evidence\n(event ids or context entries) and its slots; --json gives the same, with \"used\".\nSalience comes from rules/thresholds.json.",
        exit_codes!()
    ))]
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
    #[command(after_help = concat!(
        "Examples:\n  beatwriter lint                 # the built-in phrasebank\n  beatwriter lint my-phrasebank/  # a desk's edited copy\n\nEvery problem is printed on standard output as FILE:LINE:COLUMN: error: what is wrong, all\nof them, and the exit code is 1 when there is any. Notes (thin coverage, files no code asks\nfor) do not fail.",
        exit_codes!()
    ))]
    Lint {
        /// A phrasebank directory laid out like phrasebank/ (default: the built-in one).
        dir: Option<std::path::PathBuf>,
        /// Language folder to check.
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Check an edited draft against the match: changed scorers, minutes,
    /// scores, teams, players who did not play.
    #[command(after_help = concat!(
        "Examples:\n  beatwriter report fixtures/eng-fra-2022-wc-qf.json -o draft.txt --provenance draft.json\n  (edit draft.txt)\n  beatwriter check draft.txt --match fixtures/eng-fra-2022-wc-qf.json --provenance draft.json\n\nThe options that wrote the draft come from --provenance, or else from the draft's last line\n(-- beatwriter ...); check compares each edited line with the line it was written as, and\nchecks new lines against the match file. Each problem is printed on standard output as\nDRAFT:LINE:COLUMN: error: what changed; expected what the data says. Exit 1 when something\nis wrong, 0 when clean.",
        exit_codes!()
    ))]
    Check {
        /// The edited draft (text, Markdown or HTML paragraphs), or `-` for standard input.
        draft: String,
        /// The match file the draft was written from (with --provenance, the
        /// inputs it records are used when this is left out).
        #[arg(
            long = "match",
            value_name = "FILE",
            required_unless_present = "provenance"
        )]
        match_file: Option<String>,
        /// The phrasebank the draft was written with, if not the built-in one
        /// (or the one the provenance file names).
        #[arg(long, value_name = "DIR")]
        phrasebank: Option<std::path::PathBuf>,
        /// The provenance file `report --provenance` wrote with the draft.
        #[arg(long, value_name = "FILE")]
        provenance: Option<String>,
    },
    /// Write many matches in one process: a directory, a glob, a manifest or
    /// JSON Lines on standard input.
    #[command(after_help = round::HELP)]
    Round(round::RoundArgs),
    /// Serve reports over HTTP, the phrasebank loaded once.
    #[command(after_help = serve::HELP)]
    Serve(serve::ServeArgs),
    /// Check match files and report every problem found.
    #[command(after_help = concat!(
        "Examples:\n  beatwriter validate fixtures/eng-fra-2022-wc-qf.json\n  beatwriter validate fixtures/*.json\n  beatwriter validate - < match.json\n\nPrints \"ok\" for each sound file; otherwise prints each problem on standard error as\nFILE:LINE:COLUMN: error: at JSON.PATH: what is wrong; expected what, and exits 2.",
        exit_codes!()
    ))]
    Validate {
        /// Match files in the beatwriter/1 format, or `-` for standard input.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell) for beatwriter.
    #[command(
        after_help = "Examples:\n  beatwriter completions bash > /etc/bash_completion.d/beatwriter\n  beatwriter completions zsh > ~/.zfunc/_beatwriter"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from these definitions.
    #[command(after_help = "Examples:\n  beatwriter manpage > beatwriter.1 && man ./beatwriter.1")]
    Manpage,
}

/// The examples of `report --help`.
macro_rules! REPORT_HELP {
    () => {
        "Examples:
  beatwriter report fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --tone wire --for \"Les Bleus\" fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --variants 3 fixtures/eng-fra-2022-wc-qf.json
  beatwriter report --seed 7 --section \"Talking Point\" fixtures/eng-fra-2022-wc-qf.json
  beatwriter report fixtures/eng-fra-2022-wc-qf.json -o draft.txt --provenance draft.json
  cat match.json | beatwriter report --format markdown -
  beatwriter report --statsbomb-events 15986_events.json --statsbomb-lineups 15986_lineups.json \\
      --statsbomb-match 15986_match.json --context context.json

The same file, options and seed always give the same text; another seed changes the
wording, never the facts. Every report ends with a line giving its seed and options, so
any draft can be written again exactly; --provenance FILE also records them beside it.
Reports from StatsBomb data say so (\"Data: StatsBomb\")."
    };
}
use REPORT_HELP;

/// Options of `beatwriter report`.
#[derive(Args)]
struct ReportArgs {
    /// Match file in the beatwriter/1 format, or `-` for standard input.
    #[arg(required_unless_present = "statsbomb_events")]
    file: Option<String>,
    #[command(flatten)]
    statsbomb: StatsbombFeed,
    /// Editorial context (records, next fixture...) to merge into the match,
    /// native or imported: the fields it gives replace the match's.
    #[arg(long, value_name = "FILE")]
    context: Option<std::path::PathBuf>,
    /// Seed for wording choices.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Tone: neutral, wire (short agency copy) or dramatic (tabloid). A folder of
    /// the phrasebank; messages it lacks fall back to neutral.
    #[arg(long, default_value = "neutral")]
    tone: String,
    /// Write for one side's supporters: a team's name, short name, id or a
    /// nickname from the match file (e.g. England, ENG, "Les Bleus"), or
    /// `home` / `away`.
    #[arg(long = "for", value_name = "TEAM")]
    perspective: Option<String>,
    /// Re-roll only this section with --seed, keeping the others as they are at the
    /// default seed (repeatable): lead, talking_point, player_of_match, ratings,
    /// highlights, key_stats (or the heading, "Talking Point").
    #[arg(long = "section", value_name = "NAME")]
    sections: Vec<String>,
    /// Print K alternative drafts, with seeds --seed, --seed + 1, ... (JSON: an array).
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
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Also write a provenance file recording every option, the input files
    /// and fingerprints, for `check --provenance`.
    #[arg(long, value_name = "FILE")]
    provenance: Option<std::path::PathBuf>,
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
    #[command(after_help = concat!(
        "Examples:\n  beatwriter import statsbomb --events 15986_events.json --lineups 15986_lineups.json \\\n      --match 15986_match.json -o barca-girona.json\n  beatwriter report barca-girona.json\n\nThe mapping (clock, own goals, names, computed ratings, the provider's ids) is described in\ndocs/statsbomb.md. StatsBomb data keeps StatsBomb's licence: credit \"Data: StatsBomb\".",
        exit_codes!()
    ))]
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

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// Runs the command line, printing any error; returns the exit code.
pub fn run() -> u8 {
    let cli = Cli::parse();
    let global = cli.global;
    let outcome = match cli.command {
        Command::Report(args) => report(args, global),
        Command::Round(args) => round::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import {
            provider: Provider::Statsbomb(args),
        } => import(args, global),
        Command::Lint { dir, language } => lint(dir, &language, global),
        Command::Beats {
            file,
            json,
            thresholds,
        } => beats(&file, json, thresholds.as_deref()),
        Command::Check {
            draft,
            match_file,
            phrasebank,
            provenance,
        } => check(
            &draft,
            match_file.as_deref(),
            phrasebank,
            provenance.as_deref(),
            global,
        ),
        Command::Validate { files } => Ok(validate(&files, global)),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "beatwriter", &mut out);
            print(&String::from_utf8_lossy(&out));
            Ok(0)
        }
        Command::Manpage => manpage(),
    };
    outcome.unwrap_or_else(|e| {
        emit(&e.located(), global.message_format, Stream::Stderr);
        e.kind.exit_code()
    })
}

use clap::CommandFactory;

/// Where diagnostics go: errors on standard error, findings of `check`
/// and `lint` on standard output.
#[derive(Clone, Copy)]
enum Stream {
    Stdout,
    Stderr,
}

/// An error as text diagnostics, one per line (for `round`'s summary).
pub fn format_error(e: &Error) -> String {
    e.located()
        .iter()
        .map(Located::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prints diagnostics as text or JSON lines.
fn emit(diagnostics: &[Located], format: MessageFormat, stream: Stream) {
    let text: String = diagnostics
        .iter()
        .map(|d| match format {
            MessageFormat::Text => d.text() + "\n",
            MessageFormat::Json => d.json() + "\n",
        })
        .collect();
    match stream {
        Stream::Stdout => print(&text),
        Stream::Stderr => eprint!("{text}"),
    }
}

/// A warning about `file`, printed unless `--quiet`.
fn warn(file: &str, message: &str, code: &str, global: Global) {
    if global.quiet {
        return;
    }
    let d = beatwriter::error::Diagnostic::new("", message);
    emit(
        &[Located::new(file, &d, code, Severity::Warning)],
        global.message_format,
        Stream::Stderr,
    );
}

/// `beatwriter import statsbomb`.
fn import(args: ImportStatsbomb, global: Global) -> Result<u8, Error> {
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
    let feed = Feed {
        events: args.events,
        lineups: args.lineups,
        match_file: args.match_file,
        context: args.context,
        lenient: args.lenient,
    };
    let imported = statsbomb(&feed, global)?;
    if args.verbose && !global.quiet {
        for (kind, n) in &imported.ignored {
            eprintln!("beatwriter: ignored {n} events of type \"{kind}\"");
        }
    }
    let json = serde_json::to_string_pretty(&imported.m).unwrap_or_default() + "\n";
    write_out(args.output.as_deref(), &json, "the match file")?;
    Ok(0)
}

/// Writes `text` to `path`, or to standard output without one.
fn write_out(path: Option<&std::path::Path>, text: &str, what: &str) -> Result<(), Error> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|e| {
            Error::single(
                ErrorKind::Io,
                path.display().to_string(),
                beatwriter::error::Diagnostic::new("", format!("cannot write {what}: {e}")),
            )
        }),
        None => {
            print(text);
            Ok(())
        }
    }
}

/// `beatwriter lint`: problems and notes on standard output, then the
/// coverage table (text only).
fn lint(dir: Option<std::path::PathBuf>, language: &str, global: Global) -> Result<u8, Error> {
    let lint = match &dir {
        Some(dir) => beatwriter::lint::lint_dir(dir, language)?,
        None => beatwriter::lint::lint_builtin(language),
    };
    let label = dir.map_or(beatwriter::phrasebank::BUILTIN_LABEL.to_string(), |d| {
        d.display().to_string()
    });
    let located = |d: &beatwriter::error::Diagnostic, severity| {
        let file = format!("{label}/{}", d.path);
        let plain = beatwriter::error::Diagnostic {
            path: String::new(),
            ..d.clone()
        };
        Located::new(&file, &plain, "lint", severity)
    };
    let mut all: Vec<Located> = lint
        .problems
        .iter()
        .map(|d| located(d, Severity::Error))
        .collect();
    all.extend(lint.notes.iter().map(|d| located(d, Severity::Note)));
    emit(&all, global.message_format, Stream::Stdout);
    if global.message_format == MessageFormat::Text {
        let mut out = String::new();
        if !lint.coverage.is_empty() {
            out.push('\n');
            out.push_str(&beatwriter::lint::coverage_table(&lint));
        }
        out.push_str(&format!(
            "\n{} problems, {} notes\n",
            lint.problems.len(),
            lint.notes.len()
        ));
        print(&out);
    }
    Ok(u8::from(!lint.problems.is_empty()))
}

/// `beatwriter beats`.
fn beats(file: &str, json: bool, thresholds: Option<&str>) -> Result<u8, Error> {
    let m = input::load_path(file)?;
    let options = Options {
        thresholds: load_thresholds(thresholds)?,
        ..Options::default()
    };
    let report = beatwriter::write_report(&m, &options)?;
    if json {
        let used = report.used_beats();
        let beats: Vec<serde_json::Value> = report
            .beats
            .iter()
            .map(|b| {
                let mut v = serde_json::to_value(b).unwrap_or_default();
                v["used"] = used.contains(b.id.as_str()).into();
                v
            })
            .collect();
        print(&(serde_json::to_string_pretty(&beats).unwrap_or_default() + "\n"));
    } else {
        print(&beats_table(&report));
    }
    Ok(0)
}

/// `beatwriter check`: findings on standard output; exit 1 when any.
fn check(
    draft: &str,
    match_file: Option<&str>,
    phrasebank: Option<std::path::PathBuf>,
    provenance: Option<&str>,
    global: Global,
) -> Result<u8, Error> {
    let text = input::read_source(draft)?;
    let sidecar = match provenance {
        Some(file) => Some(output::sidecar::Sidecar::parse(
            file,
            &input::read_source(file)?,
        )?),
        None => None,
    };
    let (m, match_file) = match (match_file, &sidecar) {
        (Some(file), _) => (input::load_path(file)?, file.to_string()),
        (None, Some(s)) => recorded_match(&s.input, global)?,
        (None, None) => unreachable!("clap requires --match or --provenance"),
    };
    let match_file = match_file.as_str();
    let recorded_bank = sidecar
        .as_ref()
        .and_then(|s| s.options.phrasebank.clone())
        .map(std::path::PathBuf::from);
    let bank = load_bank(phrasebank.or(recorded_bank).as_deref())?;
    let options = match (&sidecar, provenance) {
        (Some(s), Some(file)) => Some(sidecar_options(s, file, &m, &bank, draft, match_file)?),
        _ => None,
    };
    let findings = beatwriter::check::check_with(&text, &m, &bank, options).map_err(|e| Error {
        file: if e.file.is_empty() {
            draft.to_string()
        } else {
            e.file
        },
        ..e
    })?;
    if findings.is_empty() {
        if !global.quiet && global.message_format == MessageFormat::Text {
            print(&format!(
                "ok: {draft}: every name and figure agrees with {match_file}\n"
            ));
        }
        return Ok(0);
    }
    let located: Vec<Located> = findings.iter().map(|f| f.located(draft)).collect();
    emit(&located, global.message_format, Stream::Stdout);
    Ok(1)
}

/// The match a provenance file's inputs name: the native file, or the
/// StatsBomb feed (with its context).
fn recorded_match(
    input: &output::sidecar::Inputs,
    global: Global,
) -> Result<(beatwriter::model::Match, String), Error> {
    let path = |p: &Option<String>| p.as_ref().map(std::path::PathBuf::from);
    if let (Some(events), Some(lineups)) = (&input.statsbomb_events, &input.statsbomb_lineups) {
        let feed = Feed {
            events: events.into(),
            lineups: lineups.into(),
            match_file: path(&input.statsbomb_match),
            context: path(&input.context),
            lenient: input.lenient,
        };
        return Ok((statsbomb(&feed, global)?.m, events.clone()));
    }
    let file = input.file.clone().unwrap_or_else(|| "-".to_string());
    let mut m = input::load_path(&file)?;
    if let Some(context) = path(&input.context) {
        merge_context(&mut m, beatwriter::import::read_context(&context)?);
    }
    Ok((m, file))
}

/// The options a provenance file records, once it is clear that the
/// draft, the match, the thresholds and the phrasebank are the ones it
/// names.
fn sidecar_options(
    s: &output::sidecar::Sidecar,
    file: &str,
    m: &beatwriter::model::Match,
    bank: &beatwriter::phrasebank::Phrasebank,
    draft: &str,
    match_file: &str,
) -> Result<Options, Error> {
    let here = output::sidecar::identity(m);
    let mismatch = |message: String| {
        Error::single(
            ErrorKind::Usage,
            draft,
            beatwriter::error::Diagnostic::new("", message),
        )
    };
    if (&here.home, &here.away, &here.date) != (&s.fixture.home, &s.fixture.away, &s.fixture.date) {
        return Err(mismatch(format!(
            "this draft was written from {} v {} ({}), not from {match_file} ({} v {}, {}); expected the match file named in {file}",
            s.fixture.home, s.fixture.away, s.fixture.date, here.home, here.away, here.date
        )));
    }
    if bank.version() != s.options.phrasebank_version {
        return Err(mismatch(format!(
            "the phrasebank is {}, not the {} the draft was written with; expected --phrasebank naming that phrasebank",
            bank.version(),
            s.options.phrasebank_version
        )));
    }
    let thresholds = load_thresholds(s.options.thresholds.as_deref())?;
    if output::sidecar::thresholds_fingerprint(&thresholds) != s.options.thresholds_fingerprint {
        return Err(mismatch(format!(
            "the thresholds ({}) have changed since the draft was written; expected the file as it was",
            s.options.thresholds.as_deref().unwrap_or("built-in")
        )));
    }
    Ok(s.options(thresholds))
}

/// `beatwriter validate`: each file in turn; exit 2 if any is unsound.
fn validate(files: &[String], global: Global) -> u8 {
    let mut code = 0;
    for file in files {
        match input::load_path(file) {
            Ok(m) => {
                if !global.quiet && global.message_format == MessageFormat::Text {
                    print(&format!(
                        "ok: {file}: {} v {}, {} events\n",
                        m.teams.home.name,
                        m.teams.away.name,
                        m.events.len()
                    ));
                }
            }
            Err(e) => {
                emit(&e.located(), global.message_format, Stream::Stderr);
                code = code.max(e.kind.exit_code());
            }
        }
    }
    code
}

/// `beatwriter manpage`: roff from the clap definitions.
fn manpage() -> Result<u8, Error> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| {
            Error::single(
                ErrorKind::Io,
                "",
                beatwriter::error::Diagnostic::new(
                    "",
                    format!("cannot write the manual page: {e}"),
                ),
            )
        })?;
    print(&String::from_utf8_lossy(&out));
    Ok(0)
}

/// A StatsBomb feed's files.
struct Feed {
    events: std::path::PathBuf,
    lineups: std::path::PathBuf,
    match_file: Option<std::path::PathBuf>,
    context: Option<std::path::PathBuf>,
    lenient: bool,
}

/// Imports a StatsBomb feed, printing its warnings on standard error.
fn statsbomb(feed: &Feed, global: Global) -> Result<beatwriter::import::Imported, Error> {
    let options = beatwriter::import::ImportOptions {
        events: feed.events.clone(),
        lineups: feed.lineups.clone(),
        match_file: feed.match_file.clone(),
        context: feed.context.clone(),
        lenient: feed.lenient,
    };
    let imported = beatwriter::import::statsbomb::import(&options)?;
    let file = feed.events.display().to_string();
    for w in &imported.warnings {
        warn(&file, w, "import", global);
    }
    Ok(imported)
}

/// The match a report is written from: a native file (with `--context`
/// merged in) or a StatsBomb feed.
fn load_match(
    args: &ReportArgs,
    global: Global,
) -> Result<(beatwriter::model::Match, String), Error> {
    if let (Some(events), Some(lineups)) = (
        &args.statsbomb.statsbomb_events,
        &args.statsbomb.statsbomb_lineups,
    ) {
        let feed = Feed {
            events: events.clone(),
            lineups: lineups.clone(),
            match_file: args.statsbomb.statsbomb_match.clone(),
            context: args.context.clone(),
            lenient: args.statsbomb.lenient,
        };
        return Ok((statsbomb(&feed, global)?.m, events.display().to_string()));
    }
    let Some(file) = &args.file else {
        let message = "give a match file, or --statsbomb-events with --statsbomb-lineups";
        return Err(Error::single(
            ErrorKind::Usage,
            "",
            beatwriter::error::Diagnostic::new("", message),
        ));
    };
    let mut m = input::load_path(file)?;
    if let Some(path) = &args.context {
        merge_context(&mut m, beatwriter::import::read_context(path)?);
        let problems = input::validate::validate(&m);
        if !problems.is_empty() {
            return Err(Error {
                kind: ErrorKind::Invalid,
                file: path.display().to_string(),
                diagnostics: problems,
            });
        }
    }
    Ok((m, file.clone()))
}

/// The desk's context replaces each part of the match's that it gives.
fn merge_context(m: &mut beatwriter::model::Match, c: beatwriter::model::Context) {
    let into = &mut m.context;
    if !c.records.is_empty() {
        into.records = c.records;
    }
    if !c.history.is_empty() {
        into.history = c.history;
    }
    if !c.focus_players.is_empty() {
        into.focus_players = c.focus_players;
    }
    if !c.key_stats.is_empty() {
        into.key_stats = c.key_stats;
    }
    into.title_defence = c.title_defence.or(into.title_defence.take());
    into.next_fixture = c.next_fixture.or(into.next_fixture.take());
    // The league and tie context too: a desk's table or form given with
    // `--context` must not be dropped in silence.
    if !c.milestones.is_empty() {
        into.milestones = c.milestones;
    }
    into.aggregate = c.aggregate.or(into.aggregate.take());
    into.table = c.table.or(into.table.take());
    into.form = c.form.or(into.form.take());
    into.derby = c.derby.or(into.derby.take());
    into.round_outcome = c.round_outcome.or(into.round_outcome.take());
}

/// The built-in phrasebank, or a desk's.
fn load_bank(dir: Option<&std::path::Path>) -> Result<beatwriter::phrasebank::Phrasebank, Error> {
    match dir {
        Some(dir) => beatwriter::phrasebank::Phrasebank::from_dir(dir, "en"),
        None => beatwriter::phrasebank::Phrasebank::builtin("en"),
    }
}

/// `beatwriter report`: one draft, or K drafts with consecutive seeds.
fn report(args: ReportArgs, global: Global) -> Result<u8, Error> {
    let file = args.file.as_ref().map(std::path::PathBuf::from);
    let thresholds = args.thresholds.as_ref().map(std::path::PathBuf::from);
    for out in [&args.output, &args.provenance].into_iter().flatten() {
        refuse_to_overwrite_input(
            out,
            [
                file.as_ref(),
                args.statsbomb.statsbomb_events.as_ref(),
                args.statsbomb.statsbomb_lineups.as_ref(),
                args.statsbomb.statsbomb_match.as_ref(),
                args.context.as_ref(),
                thresholds.as_ref(),
            ],
        )?;
    }
    let (m, source) = load_match(&args, global)?;
    let bank = load_bank(args.phrasebank.as_deref())?;
    let base = Options {
        seed: args.seed,
        tone: args.tone.clone(),
        perspective: args.perspective.clone(),
        sections: args.sections.clone(),
        thresholds: load_thresholds(args.thresholds.as_deref())?,
        ..Options::default()
    };
    if args.variants > 1 && matches!(args.format, Format::Html) {
        return Err(Error::single(
            ErrorKind::Usage,
            "",
            beatwriter::error::Diagnostic::new(
                "",
                "--variants writes several drafts, which one HTML page cannot hold; expected one HTML file per --seed, or --format text, markdown or json",
            ),
        ));
    }
    let mut drafts = Vec::new();
    for k in 0..u64::from(args.variants) {
        let options = Options {
            seed: args.seed.wrapping_add(k),
            ..base.clone()
        };
        drafts.push((
            beatwriter::report::write_report_with(&m, &options, &bank)?,
            options,
        ));
    }
    if !args.sections.is_empty() && !global.quiet {
        same_as_default(&m, &base, &bank, &drafts[0].0, global)?;
    }
    let out = render(&drafts, &m, &source, args.format, args.variants);
    write_out(args.output.as_deref(), &out, "the report")?;
    if let Some(path) = &args.provenance {
        let input = output::sidecar::Inputs {
            file: args.file.clone(),
            statsbomb_events: path_string(&args.statsbomb.statsbomb_events),
            statsbomb_lineups: path_string(&args.statsbomb.statsbomb_lineups),
            statsbomb_match: path_string(&args.statsbomb.statsbomb_match),
            context: path_string(&args.context),
            lenient: args.statsbomb.lenient,
        };
        let (report, options) = &drafts[0];
        let sidecar = output::sidecar::Sidecar::new(
            report,
            &m,
            options,
            input,
            (args.thresholds.clone(), path_string(&args.phrasebank)),
            args.format.name(),
        );
        write_out(Some(path), &sidecar.to_json(), "the provenance file")?;
    }
    // The process ends next: freeing the phrasebank's thousands of small
    // allocations one by one was a twentieth of a report's process time.
    std::mem::forget(bank);
    Ok(0)
}

fn path_string(p: &Option<std::path::PathBuf>) -> Option<String> {
    p.as_ref().map(|p| p.display().to_string())
}

/// Says on standard error when re-rolling sections changed nothing: the
/// seed picked the same wording as the default seed.
fn same_as_default(
    m: &beatwriter::model::Match,
    base: &Options,
    bank: &beatwriter::phrasebank::Phrasebank,
    rerolled: &beatwriter::Report,
    global: Global,
) -> Result<(), Error> {
    let default = beatwriter::report::write_report_with(
        m,
        &Options {
            seed: DEFAULT_SEED,
            sections: Vec::new(),
            ..base.clone()
        },
        bank,
    )?;
    let unchanged: Vec<&str> = rerolled
        .sections
        .iter()
        .filter(|s| default.sections.iter().any(|d| d == *s))
        .filter(|s| {
            base.sections
                .iter()
                .any(|name| name.trim().to_lowercase().replace([' ', '-'], "_") == s.id)
        })
        .map(|s| s.id.as_str())
        .collect();
    if !unchanged.is_empty() {
        warn(
            "",
            &format!(
                "the re-roll with --seed {} gave the same text as before for {}; try another --seed",
                base.seed,
                unchanged.join(", ")
            ),
            "reroll",
            global,
        );
    }
    Ok(())
}

/// The drafts in the chosen format: one after another for text and
/// Markdown (Markdown separated by a rule), an array for JSON.
fn render(
    drafts: &[(beatwriter::Report, Options)],
    m: &beatwriter::model::Match,
    source: &str,
    format: Format,
    variants: u32,
) -> String {
    let one = |report: &beatwriter::Report| match format {
        Format::Text => output::text(report),
        Format::Markdown => output::markdown(report),
        Format::Json => output::json(report, m, source),
        Format::Html => output::html::page(&output::provenance::view(report, m, source)),
    };
    if variants == 1 {
        return one(&drafts[0].0);
    }
    match format {
        Format::Json => {
            let views: Vec<_> = drafts
                .iter()
                .map(|(r, _)| output::provenance::view(r, m, source))
                .collect();
            serde_json::to_string_pretty(&views).unwrap_or_default() + "\n"
        }
        Format::Markdown => drafts
            .iter()
            .map(|(r, _)| one(r))
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        _ => drafts
            .iter()
            .enumerate()
            .map(|(k, (r, o))| {
                format!(
                    "=== Draft {} of {variants} (seed {}) ===\n\n{}",
                    k + 1,
                    o.seed,
                    one(r)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
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
