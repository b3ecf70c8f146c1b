//! Whole rounds: many matches written in one process, with the phrasebank
//! loaded once and shared by every worker.
//!
//! A round is a list of [`Input`]s (match files, matches already in
//! memory, StatsBomb feeds), each written once for every tone and seed
//! asked for. Reports are written in parallel (rayon) but handed to the
//! caller in input order, so a round's output is the same for a given
//! input order and seed whatever the number of workers.
//!
//! **Variety across the round.** No two reports open with the same lead
//! variant while an unused variant of their lead message fits. Which
//! variant a report opens with depends on what earlier reports opened
//! with, so that choice is made in input order, by writing only the lead
//! ([`crate::report::lead_variant`]), before the whole reports are written
//! in parallel with the variants to avoid fixed.
//!
//! One bad match never stops a round: its failure is handed to the caller
//! like a written report, and the round goes on.

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::import::ImportOptions;
use crate::model::Match;
use crate::phrasebank::Phrasebank;
use crate::report::{Options, Report};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One match of a round, not yet read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A native `beatwriter/1` match file.
    File(PathBuf),
    /// A native match already in memory (a line of JSON Lines), with the
    /// name errors give it (`stdin:3`).
    Text {
        /// How errors and outputs name it.
        name: String,
        /// The match JSON.
        text: String,
    },
    /// A StatsBomb feed: events, line-ups, optionally the match entry.
    Statsbomb(ImportOptions),
    /// An entry that could not be understood (a bad manifest line): it
    /// fails in its turn, without stopping the round.
    Broken(Error),
}

impl Input {
    /// How outputs and errors name this match.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Text { name, .. } => name.clone(),
            Input::Statsbomb(o) => o.events.display().to_string(),
            Input::Broken(e) => e.file.clone(),
        }
    }

    /// A short name for output files: the file stem (`eng-fra`), the
    /// StatsBomb match id (`15986`), or `stdin-3`.
    pub fn stem(&self) -> String {
        let stem = |p: &Path| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string());
            let name = name.unwrap_or_default();
            let name = name.strip_suffix(".gz").unwrap_or(&name).to_string();
            let name = name.strip_suffix(".json").unwrap_or(&name).to_string();
            name.strip_suffix("_events").unwrap_or(&name).to_string()
        };
        let raw = match self {
            Input::File(path) => stem(path),
            Input::Statsbomb(o) => stem(&o.events),
            Input::Text { name, .. } => name.clone(),
            Input::Broken(e) => e.file.clone(),
        };
        raw.chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    }

    /// Reads and validates the match.
    pub fn load(&self) -> Result<Match> {
        match self {
            Input::File(path) => crate::input::load_path(&path.display().to_string()),
            Input::Text { name, text } => crate::input::load_str(name, text),
            Input::Statsbomb(o) => crate::import::statsbomb::import(o).map(|i| i.m),
            Input::Broken(e) => Err(e.clone()),
        }
    }
}

/// The matches named by command-line arguments, in order: a directory
/// gives its `*.json` files (sorted by name), a pattern with `*`, `?` or
/// `[` the files it matches (sorted), a `.jsonl` file its lines (see
/// [`manifest`]), anything else the match file itself.
pub fn inputs_from_args(args: &[String]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            inputs.extend(dir_inputs(path)?);
        } else if arg.contains(['*', '?', '[']) {
            inputs.extend(glob_inputs(arg)?);
        } else if arg.ends_with(".jsonl") {
            let text = crate::input::read_source(arg)?;
            inputs.extend(manifest(arg, path.parent(), &text));
        } else {
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    Ok(inputs)
}

fn dir_inputs(dir: &Path) -> Result<Vec<Input>> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files.into_iter().map(Input::File).collect())
}

fn glob_inputs(pattern: &str) -> Result<Vec<Input>> {
    let paths = glob::glob(pattern).map_err(|e| {
        Error::single(
            ErrorKind::Usage,
            "",
            Diagnostic::new(
                "",
                format!("the pattern \"{pattern}\" is not a valid glob: {e}"),
            ),
        )
    })?;
    let mut files: Vec<PathBuf> = paths.filter_map(|p| p.ok()).collect();
    files.sort();
    Ok(files.into_iter().map(Input::File).collect())
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::single(
        ErrorKind::Io,
        path.display().to_string(),
        Diagnostic::new("", format!("cannot read the directory: {e}")),
    )
}

/// The matches of a JSON Lines manifest (or standard input), one a line:
/// a native match object (`"schema": "beatwriter/1"`), `{"file": PATH}`,
/// or a StatsBomb triple `{"events": PATH, "lineups": PATH, "match": PATH,
/// "context": PATH, "lenient": BOOL}` (`match`, `context` and `lenient`
/// optional). Relative paths are read from `base` (the manifest's folder).
/// Blank lines are skipped; a line that is none of these fails in its
/// turn as an [`Input::Broken`].
pub fn manifest(label: &str, base: Option<&Path>, text: &str) -> Vec<Input> {
    let label = if label == "-" { "stdin" } else { label };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| manifest_line(&format!("{label}:{}", i + 1), base, line))
        .collect()
}

fn manifest_line(name: &str, base: Option<&Path>, line: &str) -> Input {
    let resolve = |p: &str| match base {
        Some(base) if Path::new(p).is_relative() => base.join(p),
        _ => PathBuf::from(p),
    };
    let broken = |message: String| {
        Input::Broken(Error::single(
            ErrorKind::Shape,
            name,
            Diagnostic::new("", message),
        ))
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return broken(format!("invalid JSON at column {}: {e}", e.column())),
    };
    let text_field = |key: &str| value.get(key).and_then(|v| v.as_str());
    if value.get("schema").is_some() {
        return Input::Text {
            name: name.to_string(),
            text: line.to_string(),
        };
    }
    if let Some(file) = text_field("file") {
        return Input::File(resolve(file));
    }
    match (text_field("events"), text_field("lineups")) {
        (Some(events), Some(lineups)) => Input::Statsbomb(ImportOptions {
            events: resolve(events),
            lineups: resolve(lineups),
            match_file: text_field("match").map(resolve),
            context: text_field("context").map(resolve),
            lenient: value.get("lenient").and_then(|v| v.as_bool()) == Some(true),
        }),
        _ => broken(
            "expected a native match (with \"schema\"), {\"file\": PATH}, or a StatsBomb triple {\"events\": PATH, \"lineups\": PATH, \"match\": PATH}".to_string(),
        ),
    }
}

/// How a round prints each report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown with headings.
    Markdown,
    /// JSON with provenance (docs/json.md).
    Json,
    /// The self-contained HTML review page.
    Html,
}

impl Format {
    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// The report printed in this format; `source` names the match file
    /// in the JSON and HTML provenance.
    pub fn render(self, report: &Report, m: &Match, source: &str) -> String {
        match self {
            Format::Text => crate::output::text(report),
            Format::Markdown => crate::output::markdown(report),
            Format::Json => crate::output::json(report, m, source),
            Format::Html => {
                crate::output::html::page(&crate::output::provenance::view(report, m, source))
            }
        }
    }
}

/// What a round writes: every input in every tone at every seed.
#[derive(Debug, Clone)]
pub struct RoundOptions {
    /// The options each report starts from (thresholds, perspective,
    /// sections, language); its `seed` and `tone` are replaced per report.
    /// A perspective of `home` or `away` means that side of each match.
    /// With sections to re-roll, openings are not steered apart.
    pub base: Options,
    /// The seeds to write each match with, in order.
    pub seeds: Vec<u64>,
    /// The tones to write each match in, in order.
    pub tones: Vec<String>,
    /// The output format.
    pub format: Format,
    /// Keep openings distinct across the round (see the module notes).
    pub variety: bool,
}

/// One report of a round, written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Position of its input in the round.
    pub input: usize,
    /// The input's name.
    pub source: String,
    /// The input's short name, for file names.
    pub stem: String,
    /// The seed it was written with.
    pub seed: u64,
    /// The tone it was written in.
    pub tone: String,
    /// The report in the round's format.
    pub output: String,
    /// The template variant its lead opens with.
    pub opening: Option<String>,
}

/// What happened to one report (or one unreadable input) of a round.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Written.
    Written(Box<Written>),
    /// The input could not be read, or its report not written: every
    /// diagnostic, as the CLI prints them.
    Failed {
        /// The input's name.
        source: String,
        /// Why.
        error: Error,
        /// How many of the round's reports this failure stands for: one,
        /// or every tone and seed of an input that could not be read.
        reports: usize,
    },
}

/// A finished round: counts and the openings used.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Reports written.
    pub written: usize,
    /// Failures, each input or report that failed with why.
    pub failed: Vec<(String, Error)>,
    /// Lead variants opened with, and how many reports opened with each.
    pub openings: BTreeMap<String, usize>,
}

/// How many inputs are read at once, and how many reports are written
/// between two hand-overs to the caller: enough work for every core,
/// little enough that a large round never sits in memory whole. Fixed, so
/// the output never depends on the number of workers.
const INPUT_CHUNK: usize = 32;
const REPORT_CHUNK: usize = 256;

/// Writes a round with the shared phrasebank, calling `emit` with every
/// outcome in input order (then tone, then seed). Runs on rayon's current
/// pool: `ThreadPoolBuilder::install` sets the number of workers.
pub fn run(
    inputs: &[Input],
    options: &RoundOptions,
    bank: &Phrasebank,
    mut emit: impl FnMut(&Outcome),
) -> Summary {
    let mut summary = Summary::default();
    let mut variety = Variety::default();
    let mut record = |outcome: Outcome, summary: &mut Summary| {
        emit(&outcome);
        match outcome {
            Outcome::Written(w) => {
                summary.written += 1;
                if let Some(o) = w.opening {
                    *summary.openings.entry(o).or_default() += 1;
                }
            }
            Outcome::Failed { source, error, .. } => summary.failed.push((source, error)),
        }
    };
    for (chunk_index, chunk) in inputs.chunks(INPUT_CHUNK).enumerate() {
        let loaded: Vec<Result<Match>> = chunk.par_iter().map(Input::load).collect();
        let mut jobs = Vec::new();
        for (i, (input, m)) in chunk.iter().zip(&loaded).enumerate() {
            match m {
                Ok(m) => jobs.extend(jobs_for(chunk_index * INPUT_CHUNK + i, input, m, options)),
                Err(error) => {
                    // Earlier jobs first, so outcomes stay in input order.
                    let pending = std::mem::take(&mut jobs);
                    for outcome in write_jobs(pending, options, bank, &mut variety) {
                        record(outcome, &mut summary);
                    }
                    let source = input.name();
                    let error = error.clone();
                    let reports = options.seeds.len() * options.tones.len();
                    let failed = Outcome::Failed {
                        source,
                        error,
                        reports,
                    };
                    record(failed, &mut summary);
                }
            }
            // Keep the jobs in hand bounded.
            while jobs.len() >= REPORT_CHUNK {
                let rest = jobs.split_off(REPORT_CHUNK);
                for outcome in write_jobs(
                    std::mem::replace(&mut jobs, rest),
                    options,
                    bank,
                    &mut variety,
                ) {
                    record(outcome, &mut summary);
                }
            }
        }
        for outcome in write_jobs(jobs, options, bank, &mut variety) {
            record(outcome, &mut summary);
        }
    }
    summary
}

/// One report to write.
struct Job<'m> {
    input: usize,
    source: String,
    stem: String,
    m: &'m Match,
    options: Options,
    avoid: HashSet<String>,
}

fn jobs_for<'m>(index: usize, input: &Input, m: &'m Match, options: &RoundOptions) -> Vec<Job<'m>> {
    let (source, stem) = (input.name(), input.stem());
    let mut jobs = Vec::new();
    for tone in &options.tones {
        for &seed in &options.seeds {
            jobs.push(Job {
                input: index,
                source: source.clone(),
                stem: stem.clone(),
                m,
                options: Options {
                    seed,
                    tone: tone.clone(),
                    perspective: side_for(options.base.perspective.as_deref(), m),
                    ..options.base.clone()
                },
                avoid: HashSet::new(),
            });
        }
    }
    jobs
}

/// The `--for` of one match of a round, found in each match as `report
/// --for` finds it: a team's name, or `home` / `away`.
fn side_for(wanted: Option<&str>, m: &Match) -> Option<String> {
    let wanted = wanted?;
    // A name no team answers to is passed on, so the match fails with
    // `report`'s error rather than being written for neither side.
    Some(match crate::report::find_team(m, wanted) {
        Ok(side) => m.teams.get(side).id.clone(),
        Err(_) => wanted.to_string(),
    })
}

/// Fixes each job's openings to avoid in input order, handing each job to
/// the workers as soon as its openings are fixed, so the ordered choice
/// of openings on this thread overlaps the writing on the others.
/// Outcomes in job order.
fn write_jobs(
    jobs: Vec<Job>,
    options: &RoundOptions,
    bank: &Phrasebank,
    variety: &mut Variety,
) -> Vec<Outcome> {
    let slots: Vec<std::sync::OnceLock<Outcome>> =
        jobs.iter().map(|_| std::sync::OnceLock::new()).collect();
    rayon::scope(|scope| {
        for (mut job, slot) in jobs.into_iter().zip(&slots) {
            // A re-roll keeps the unnamed sections at the default seed,
            // which `lead_variant` does not model: no steering then.
            if options.variety && job.options.sections.is_empty() {
                job.avoid = variety.avoid();
                // A failure here fails the whole report too, in its turn.
                if let Ok(Some(opening)) =
                    crate::report::lead_variant(job.m, &job.options, bank, &job.avoid)
                {
                    variety.opened(&opening, bank);
                }
            }
            scope.spawn(move |_| {
                let _ = slot.set(write_one(job, options.format, bank));
            });
        }
    });
    slots
        .into_iter()
        .map(|s| s.into_inner().expect("every job was written"))
        .collect()
}

fn write_one(job: Job, format: Format, bank: &Phrasebank) -> Outcome {
    match crate::report::write_report_avoiding(job.m, &job.options, bank, &job.avoid) {
        Ok(report) => Outcome::Written(Box::new(Written {
            input: job.input,
            output: format.render(&report, job.m, &job.source),
            opening: report.opening().map(str::to_string),
            source: job.source,
            stem: job.stem,
            seed: job.options.seed,
            tone: job.options.tone,
        })),
        Err(mut error) => {
            // An error about the options (no team called so) names no
            // file: in a round it belongs to this match's.
            if error.file.is_empty() {
                error.file = job.source.clone();
            }
            Outcome::Failed {
                source: job.source,
                error,
                reports: 1,
            }
        }
    }
}

/// The lead variants opened with in the current cycle of each lead
/// message: a cycle ends when every variant of the message has opened a
/// report (or none unused fitted), and the next starts afresh.
#[derive(Debug, Default)]
struct Variety {
    /// `tone:message` to the variants used in its current cycle.
    cycles: HashMap<String, HashSet<String>>,
}

impl Variety {
    /// Every variant opened with in the current cycles.
    fn avoid(&self) -> HashSet<String> {
        self.cycles.values().flatten().cloned().collect()
    }

    /// Records that a report opened with `variant` (`tone:message#n`).
    fn opened(&mut self, variant: &str, bank: &Phrasebank) {
        let Some((key, _)) = variant.rsplit_once('#') else {
            return;
        };
        let count = key.split_once(':').map_or(0, |(tone, message)| {
            bank.variants_exact(tone, message).len()
        });
        let cycle = self.cycles.entry(key.to_string()).or_default();
        // Opened with a variant already used: no unused one fitted, so
        // this message starts a new cycle.
        if !cycle.insert(variant.to_string()) {
            cycle.clear();
            cycle.insert(variant.to_string());
        }
        if cycle.len() >= count {
            cycle.clear();
        }
    }
}

// Every worker shares one phrasebank: it must stay `Send + Sync`.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Phrasebank>();
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines_name_their_line_and_resolve_paths() {
        let text = "{\"events\": \"a_events.json\", \"lineups\": \"a_lineups.json\"}\n\nnot json\n{\"file\": \"/abs/m.json\"}\n{\"x\": 1}\n";
        let inputs = manifest("m.jsonl", Some(Path::new("feeds")), text);
        assert_eq!(inputs.len(), 4);
        match &inputs[0] {
            Input::Statsbomb(o) => {
                assert_eq!(o.events, Path::new("feeds/a_events.json"));
                assert_eq!(o.match_file, None);
            }
            other => panic!("expected a StatsBomb input, got {other:?}"),
        }
        assert_eq!(inputs[0].stem(), "a");
        let Input::Broken(e) = &inputs[1] else {
            panic!("a line that is not JSON is broken");
        };
        assert_eq!(e.file, "m.jsonl:3");
        assert!(matches!(&inputs[2], Input::File(p) if p == Path::new("/abs/m.json")));
        assert!(matches!(&inputs[3], Input::Broken(e) if e.file == "m.jsonl:5"));
    }

    #[test]
    fn a_cycle_restarts_when_every_variant_has_opened() {
        let files = vec![(
            "en/neutral/lead/x.hbs".to_string(),
            "a\n---\nb\n".to_string(),
        )];
        let bank = Phrasebank::from_files("t", "en", files).unwrap();
        let mut v = Variety::default();
        v.opened("neutral:lead/x#1", &bank);
        assert_eq!(v.avoid(), HashSet::from(["neutral:lead/x#1".to_string()]));
        v.opened("neutral:lead/x#2", &bank);
        assert!(v.avoid().is_empty());
        v.opened("neutral:lead/x#2", &bank);
        v.opened("neutral:lead/x#2", &bank);
        assert_eq!(v.avoid(), HashSet::from(["neutral:lead/x#2".to_string()]));
    }
}
