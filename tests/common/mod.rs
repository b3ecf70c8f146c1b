//! Checks shared by the integration tests: the fact check (every number
//! and name a report prints is found in the input) and the leak check (no
//! template text shows through).

#![allow(dead_code)]

use beatwriter::analysis::Analysis;
use beatwriter::model::Match;
use beatwriter::report::Report;
use std::collections::HashSet;

/// The four bundled fixtures.
pub const FIXTURES: &[&str] = &[
    "fixtures/eng-fra-2022-wc-qf.json",
    "fixtures/eng-sco-2021-euro-group.json",
    "fixtures/ger-swe-2018-wc-group.json",
    "fixtures/arg-fra-2022-wc-final.json",
];

/// Loads a fixture, panicking with the loader's message if it fails.
pub fn load(path: &str) -> Match {
    beatwriter::input::load_path(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Every sentence of a report with the section it is in, title first.
pub fn sentences(r: &Report) -> Vec<(&str, &beatwriter::report::Sentence)> {
    r.sections
        .iter()
        .flat_map(|s| {
            s.paragraphs
                .iter()
                .flat_map(move |p| p.sentences.iter().map(move |x| (s.id.as_str(), x)))
        })
        .collect()
}

/// What a report may say about one match.
pub struct FactChecker {
    m: Match,
    input_words: HashSet<String>,
    derived: HashSet<String>,
    template_words: HashSet<String>,
}

impl FactChecker {
    /// Gathers the words and numbers of the input and the analysis.
    pub fn new(m: &Match) -> Self {
        let mut input_words = HashSet::new();
        input_vocabulary(&serde_json::to_value(m).unwrap(), &mut input_words);
        FactChecker {
            m: m.clone(),
            input_words,
            derived: derived_numbers(m),
            template_words: phrasebank_words(),
        }
    }

    /// Every number, ordinal and capitalised word of the title and every
    /// sentence is in the input (or, for numbers, derived from it; for
    /// capitalised words, written by the phrasebank itself).
    pub fn check(&self, r: &Report, label: &str) {
        let texts = std::iter::once(r.title.as_str())
            .chain(sentences(r).into_iter().map(|(_, s)| s.text.as_str()));
        for text in texts {
            for token in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                self.check_token(token.trim_matches('\''), label, text);
            }
        }
        self.check_claims(r, label);
    }

    /// Every claim every sentence's variant declares holds for the match,
    /// judged again here from the sentence's own beats and evidence.
    pub fn check_claims(&self, r: &Report, label: &str) {
        let a = Analysis::new(&self.m);
        let perspective = r.perspective.as_deref().map(|name| {
            if self.m.teams.home.name == name {
                beatwriter::model::Side::Home
            } else {
                beatwriter::model::Side::Away
            }
        });
        for (_, s) in sentences(r) {
            let beats: Vec<&beatwriter::beats::Beat> = s
                .beats
                .iter()
                .filter_map(|id| r.beats.iter().find(|b| &b.id == id))
                .collect();
            let subject = beatwriter::claims::Subject {
                analysis: &a,
                side: s.about,
                beats: &beats,
                evidence: &s.evidence,
                perspective,
            };
            for claim in &s.claims {
                assert!(
                    beatwriter::claims::holds(claim, &subject),
                    "{label}: the claim {claim} does not hold for {} ({}): {}",
                    s.variant,
                    s.message,
                    s.text
                );
            }
        }
    }

    fn check_token(&self, token: &str, label: &str, text: &str) {
        if token.is_empty() {
            return;
        }
        let lower = token.to_lowercase();
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        let suffix = &lower[digits.len()..];
        if number && (suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) {
            assert!(
                self.input_words.contains(digits) || self.derived.contains(digits),
                "{label}: the number {token} is not in the input: {text}"
            );
        } else if token.chars().next().is_some_and(char::is_uppercase) {
            assert!(
                self.input_words.contains(lower) || self.template_words.contains(lower),
                "{label}: the name {token} is not in the input: {text}"
            );
        }
    }
}

/// No template text shows: no braces, doubled spaces, unresolved names or
/// empty slots, and every sentence starts with a capital and ends with a
/// full stop (label lines excepted).
pub fn check_leaks(r: &Report, label: &str) {
    for (section, s) in sentences(r) {
        let t = &s.text;
        assert!(!t.contains("{{") && !t.contains("}}"), "{label}: {t}");
        assert!(!t.contains("  "), "{label}: doubled space in {t}");
        assert!(
            !t.contains('\u{E000}'),
            "{label}: unresolved reference in {t}"
        );
        assert!(!t.contains("null"), "{label}: empty slot in {t}");
        assert!(
            t.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
            "{label}: {section}: no capital: {t}"
        );
        // Label lines (a team's ratings, the chosen player's name) are not sentences.
        if !matches!(s.message.as_str(), "ratings/team" | "player_of_match/name") {
            assert!(
                t.ends_with('.') || t.ends_with('!') || t.ends_with('?'),
                "{label}: no full stop: {t}"
            );
        }
    }
}

/// Every word of every string in the input, and every number.
fn input_vocabulary(value: &serde_json::Value, words: &mut HashSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            for w in s.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                words.insert(w.to_lowercase());
            }
        }
        serde_json::Value::Number(n) => {
            words.insert(n.to_string());
            if let Some(f) = n.as_f64() {
                words.insert(format!("{f}"));
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| input_vocabulary(v, words)),
        serde_json::Value::Object(o) => o.values().for_each(|v| input_vocabulary(v, words)),
        _ => {}
    }
}

/// Numbers the analysis and the rules derive: running scores, minutes
/// left, record tallies after the match, and every number in a beat's
/// slots (two saves, three claims, a two-goal deficit).
fn derived_numbers(m: &Match) -> HashSet<String> {
    let a = Analysis::new(m);
    let mut out = HashSet::new();
    for moment in &a.timeline {
        for n in [moment.after.home, moment.after.away] {
            out.insert(n.to_string());
        }
        if let Some(left) = moment.minutes_left {
            out.insert(left.to_string());
        }
    }
    for r in a.records() {
        out.insert(r.after.to_string());
    }
    let beats = beatwriter::beats::detect_all(&a, &beatwriter::beats::Thresholds::builtin());
    for b in &beats {
        input_vocabulary(&b.slots, &mut out);
    }
    out
}

/// Every word the phrasebank itself writes, outside `{{...}}`, and the
/// lexicon's words.
fn phrasebank_words() -> HashSet<String> {
    // The words the pronoun and agreement helpers write.
    let mut words: HashSet<String> = [
        "he", "she", "his", "her", "hers", "him", "himself", "herself", "man", "men", "woman",
        "women",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let mut stack = vec![std::path::PathBuf::from("phrasebank")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let literal = if path.extension().is_some_and(|e| e == "json") {
                text
            } else {
                text.split("{{")
                    .enumerate()
                    .map(|(i, part)| {
                        if i == 0 {
                            part.to_string()
                        } else {
                            // Quoted wordings inside an expression are the
                            // phrasebank's too: {{alt "Worse followed for" ...}}.
                            part.split_once("}}").map_or(String::new(), |(expr, rest)| {
                                let quoted: Vec<&str> =
                                    expr.split('"').skip(1).step_by(2).collect();
                                format!("{} {rest}", quoted.join(" "))
                            })
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for w in literal.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// Writes a report with the built-in phrasebank, compiled once per test
/// binary (compiling it is most of the cost of a report).
pub fn write(m: &Match, options: &beatwriter::Options) -> Report {
    beatwriter::report::write_report_with(m, options, bank()).unwrap_or_else(|e| panic!("{e}"))
}

/// The built-in phrasebank, compiled once per test binary.
pub fn bank() -> &'static beatwriter::phrasebank::Phrasebank {
    static BANK: std::sync::OnceLock<beatwriter::phrasebank::Phrasebank> =
        std::sync::OnceLock::new();
    BANK.get_or_init(|| beatwriter::phrasebank::Phrasebank::builtin("en").unwrap())
}

/// Every fixture in fixtures/, sorted: the tests that judge the prose
/// (grammar, variety, English) read them all, new ones included.
pub fn all_fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| format!("fixtures/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    out
}

/// Every StatsBomb match shipped in data/statsbomb.
pub const CORPUS: &[&str] = &[
    "15986", "18236", "19714", "22921", "22924", "22943", "3773387", "7298", "7430", "7443",
    "7444", "7445", "7451", "7456", "8658",
];

/// A file of data/statsbomb, gzipped or not.
pub fn statsbomb_data(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/statsbomb");
    let plain = dir.join(name);
    if plain.exists() {
        plain
    } else {
        dir.join(format!("{name}.gz"))
    }
}

/// A StatsBomb corpus match, imported as a user would import it (22924,
/// whose feed has a shot without an outcome, with `--lenient`).
pub fn corpus(id: &str) -> Match {
    import_statsbomb(id, id == "22924")
}

/// A StatsBomb match of data/statsbomb, gzipped or not.
fn import_statsbomb(id: &str, lenient: bool) -> Match {
    let options = beatwriter::import::ImportOptions {
        events: statsbomb_data(&format!("{id}_events.json")),
        lineups: statsbomb_data(&format!("{id}_lineups.json")),
        match_file: Some(statsbomb_data(&format!("{id}_match.json"))),
        context: None,
        lenient,
    };
    beatwriter::import::statsbomb::import(&options)
        .unwrap_or_else(|e| panic!("{id}: {e}"))
        .m
}

/// Every fixture and every corpus match, labelled ("statsbomb 22921").
pub fn every_match() -> Vec<(String, Match)> {
    let mut out: Vec<(String, Match)> = all_fixtures()
        .into_iter()
        .map(|p| {
            let m = load(&p);
            (p, m)
        })
        .collect();
    out.extend(
        CORPUS
            .iter()
            .map(|id| (format!("statsbomb {id}"), corpus(id))),
    );
    out
}

/// The tones every prose test writes in.
pub const TONES: &[&str] = &["neutral", "wire", "dramatic"];

/// The options of every report of a match: every tone, perspective
/// (neutral, then each side) and seed from 0 to `seeds` - 1, each labelled
/// "{tone} for {team:?} seed {seed}".
pub fn every_options(m: &Match, seeds: u64) -> Vec<(String, beatwriter::Options)> {
    let teams = [
        None,
        Some(m.teams.home.name.clone()),
        Some(m.teams.away.name.clone()),
    ];
    let mut out = Vec::new();
    for tone in TONES {
        for team in &teams {
            for seed in 0..seeds {
                let o = beatwriter::Options {
                    seed,
                    tone: tone.to_string(),
                    perspective: team.clone(),
                    ..beatwriter::Options::default()
                };
                out.push((format!("{tone} for {team:?} seed {seed}"), o));
            }
        }
    }
    out
}

/// Every report of a match in every tone, perspective (neutral, then each
/// side) and `seeds` seeds, labelled with `name` first.
pub fn every_report(m: &Match, name: &str, seeds: u64) -> Vec<(String, Report)> {
    every_report_with(m, name, seeds, bank())
}

/// [`every_report`], written with `bank` (a desk's phrasebank).
pub fn every_report_with(
    m: &Match,
    name: &str,
    seeds: u64,
    bank: &beatwriter::phrasebank::Phrasebank,
) -> Vec<(String, Report)> {
    every_options(m, seeds)
        .into_iter()
        .map(|(label, o)| {
            let r = beatwriter::report::write_report_with(m, &o, bank)
                .unwrap_or_else(|e| panic!("{name} {label}: {e}"));
            (format!("{name} {label}"), r)
        })
        .collect()
}

/// Runs `f` on every item on as many threads as the machine has cores,
/// keeping the items' order: writing thousands of reports is the cost of
/// the prose tests.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    })
}

/// A StatsBomb match in `data/statsbomb/` (gzipped or not), imported as
/// `import statsbomb` would, without `--lenient`.
pub fn statsbomb(id: &str) -> Match {
    import_statsbomb(id, false)
}

/// Runs the beatwriter binary with `args`, from the crate's root.
pub fn beatwriter(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

/// Asserts a run of the binary succeeded, showing its standard error if not.
pub fn assert_ran(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
