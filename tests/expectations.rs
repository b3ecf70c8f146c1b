//! The corpus test: every match with an expectations file in
//! `fixtures/expect/` is written in every tone, from every perspective
//! (neutral and each side) and at ten seeds, and each report, read as the
//! JSON of `report --format json`, is held to what a sub-editor would
//! insist on for that match: the beats the narrative must tell, the words
//! it must use, and the words and claims it must never print.
//!
//! The format of an expectations file is described in `fixtures/README.md`.
//! An expectation that needs a rule not built yet carries `"pending":
//! "why"`: it is still run and its result printed, as PENDING, but it does
//! not fail the test. The table is printed on every run (`cargo test --test
//! expectations -- --nocapture` shows it when everything passes).

mod common;

use beatwriter::Options;
use beatwriter::model::Match;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const TONES: [&str; 3] = ["neutral", "wire", "dramatic"];
const SEEDS: u64 = 10;
/// Where a must-tell beat must appear unless the expectation says otherwise.
const NARRATIVE: [&str; 2] = ["lead", "talking_point"];
/// The sections the engine writes itself (Key Stats prints the desk's own
/// lines as given, and Player Ratings are labels and marks).
const WRITTEN: [&str; 4] = ["lead", "talking_point", "player_of_match", "highlights"];
/// Beat kinds agreed for rules not yet in `src/beats/` (issue 9).
const NEW_KINDS: [&str; 12] = [
    "hat_trick",
    "substitute_scorer",
    "penalty_saved_rebound",
    "extra_time_winner",
    "final_won",
    "milestone",
    "aggregate",
    "table",
    "form",
    "derby",
    "goal_flurry",
    "own_goal",
];

/// One expectations file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectations {
    /// The match: a native fixture or a StatsBomb match in `data/statsbomb/`.
    source: Source,
    /// The story in one line, as a desk would brief it.
    story: String,
    #[serde(default)]
    must_tell: Vec<MustTell>,
    #[serde(default)]
    must_say: Vec<Phrases>,
    #[serde(default)]
    never_say: Vec<Phrases>,
    #[serde(default)]
    never_claims: Vec<NeverClaim>,
    /// What a sub-editor would insist on, in prose; not checked.
    #[serde(default)]
    #[allow(dead_code)]
    notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum Source {
    /// A `beatwriter/1` file, relative to the repository.
    Fixture(String),
    /// A StatsBomb match id with its three files in `data/statsbomb/`.
    Statsbomb(String),
}

/// A beat some sentence of the given sections must express.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MustTell {
    /// A beat kind: the beat's rule, or the `kind` in its slots.
    beat: String,
    /// A player id the beat's slots must name.
    player: Option<String>,
    /// The side the beat is about: its slots' `team` or `winner`.
    team: Option<String>,
    /// Slot values the beat must have.
    #[serde(default)]
    slots: Map<String, Value>,
    sections: Option<Vec<String>>,
    /// The tones it applies to; absent means all.
    #[serde(default)]
    tones: Option<Vec<String>>,
    /// The perspectives it applies to (`"neutral"` or a team id); absent
    /// means all.
    #[serde(default)]
    perspectives: Option<Vec<String>>,
    why: String,
    pending: Option<String>,
}

/// Phrases: for `must_say`, one of them must appear in the sections; for
/// `never_say`, none may. A phrase is words matched case-insensitively and
/// whole; `*` alone matches any one word and a word ending in `*` any word
/// it begins ("eliminat*").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    any: Vec<String>,
    sections: Option<Vec<String>>,
    #[serde(default)]
    tones: Option<Vec<String>>,
    #[serde(default)]
    perspectives: Option<Vec<String>>,
    why: String,
    pending: Option<String>,
}

/// A claim (issue 9's variant claims) no sentence may carry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeverClaim {
    claim: String,
    sections: Option<Vec<String>>,
    why: String,
    pending: Option<String>,
}

/// One written report and how it was written.
struct Run {
    label: String,
    tone: String,
    perspective: String,
    json: Value,
}

/// What one expectation gave over the runs it applies to.
struct Outcome {
    runs: usize,
    failures: Vec<String>,
    /// Why it could not be checked at all (the report lacks what it needs).
    unsupported: Option<String>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(source: &Source) -> (Match, String) {
    match source {
        Source::Fixture(path) => (common::load(path), path.clone()),
        Source::Statsbomb(id) => (common::statsbomb(id), format!("data/statsbomb/{id}")),
    }
}

/// Every tone × perspective × seed, as JSON reports.
fn runs(m: &Match, source: &str) -> Vec<Run> {
    let sides = [None, Some(&m.teams.home.id), Some(&m.teams.away.id)];
    let mut out = Vec::new();
    for tone in TONES {
        for side in sides {
            for seed in 0..SEEDS {
                let options = Options {
                    seed,
                    tone: tone.to_string(),
                    perspective: side.cloned(),
                    ..Options::default()
                };
                let report = common::write(m, &options);
                let text = beatwriter::output::provenance::json(&report, m, source);
                let perspective = side.map_or("neutral", String::as_str).to_string();
                out.push(Run {
                    label: format!("{tone} {perspective} seed {seed}"),
                    tone: tone.to_string(),
                    perspective,
                    json: serde_json::from_str(&text).expect("the JSON report parses"),
                });
            }
        }
    }
    out
}

fn applies(run: &Run, tones: &Option<Vec<String>>, perspectives: &Option<Vec<String>>) -> bool {
    tones.as_ref().is_none_or(|t| t.contains(&run.tone))
        && perspectives
            .as_ref()
            .is_none_or(|p| p.contains(&run.perspective))
}

/// The sentences of the named sections, in reading order.
fn sentences<'a>(report: &'a Value, sections: &[&str]) -> Vec<&'a Value> {
    report["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| sections.contains(&s["id"].as_str().unwrap_or_default()))
        .flat_map(|s| s["paragraphs"].as_array().into_iter().flatten())
        .flat_map(|p| p.as_array().into_iter().flatten())
        .collect()
}

fn text(sentence: &Value) -> &str {
    sentence["text"].as_str().unwrap_or_default()
}

fn section_list<'a>(given: &'a Option<Vec<String>>, default: &[&'a str]) -> Vec<&'a str> {
    given.as_ref().map_or_else(
        || default.to_vec(),
        |s| s.iter().map(String::as_str).collect(),
    )
}

/// Lower-case words: letters, digits and apostrophes; hyphens and all
/// other punctuation separate words ("extra-time" is "extra time").
fn words(s: &str) -> Vec<String> {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some("") => true,
        Some(stem) => word.starts_with(stem),
        None => pattern == word,
    }
}

/// True when `phrase` appears in `text` as whole words.
fn says(text: &str, phrase: &str) -> bool {
    let pattern: Vec<String> = phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|token| {
            let word = words(token).concat();
            if token.ends_with('*') {
                format!("{word}*")
            } else {
                word
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    let text = words(text);
    !pattern.is_empty()
        && text
            .windows(pattern.len())
            .any(|window| window.iter().zip(&pattern).all(|(w, p)| word_matches(p, w)))
}

/// True when some string anywhere in `value` equals `id`.
fn mentions(value: &Value, id: &str) -> bool {
    match value {
        Value::String(s) => s == id,
        Value::Array(a) => a.iter().any(|v| mentions(v, id)),
        Value::Object(o) => o.values().any(|v| mentions(v, id)),
        _ => false,
    }
}

fn beat_fits(beat: &Value, want: &MustTell) -> bool {
    let slots = &beat["slots"];
    let kind = beat["rule"] == want.beat.as_str() || slots["kind"] == want.beat.as_str();
    let player = want.player.as_ref().is_none_or(|p| mentions(slots, p));
    let team = want
        .team
        .as_ref()
        .is_none_or(|t| slots["team"] == t.as_str() || slots["winner"] == t.as_str());
    let values = want.slots.iter().all(|(k, v)| &slots[k] == v);
    kind && player && team && values
}

fn tells(report: &Value, want: &MustTell) -> bool {
    let sections = section_list(&want.sections, &NARRATIVE);
    let beats = report["beats"].as_array().cloned().unwrap_or_default();
    sentences(report, &sections).iter().any(|s| {
        s["beats"].as_array().into_iter().flatten().any(|cited| {
            beats
                .iter()
                .any(|b| b["id"] == cited["id"] && beat_fits(b, want))
        })
    })
}

fn check_must_tell(runs: &[Run], want: &MustTell) -> Outcome {
    let mut outcome = Outcome::new();
    for run in runs
        .iter()
        .filter(|r| applies(r, &want.tones, &want.perspectives))
    {
        outcome.runs += 1;
        if !tells(&run.json, want) {
            let lead = sentences(&run.json, &["lead"]).first().map(|s| text(s));
            outcome.failures.push(format!(
                "{}: not told; lead opens: {}",
                run.label,
                lead.unwrap_or("")
            ));
        }
    }
    outcome
}

fn check_must_say(runs: &[Run], want: &Phrases) -> Outcome {
    let sections = section_list(&want.sections, &NARRATIVE);
    let mut outcome = Outcome::new();
    for run in runs
        .iter()
        .filter(|r| applies(r, &want.tones, &want.perspectives))
    {
        outcome.runs += 1;
        let all = sentences(&run.json, &sections);
        if !all
            .iter()
            .any(|s| want.any.iter().any(|p| says(text(s), p)))
        {
            let lead = all.first().map(|s| text(s)).unwrap_or("");
            outcome.failures.push(format!(
                "{}: none of {:?}; opens: {lead}",
                run.label, want.any
            ));
        }
    }
    outcome
}

fn check_never_say(runs: &[Run], want: &Phrases) -> Outcome {
    let sections = section_list(&want.sections, &WRITTEN);
    let mut outcome = Outcome::new();
    for run in runs
        .iter()
        .filter(|r| applies(r, &want.tones, &want.perspectives))
    {
        outcome.runs += 1;
        for s in sentences(&run.json, &sections) {
            if let Some(p) = want.any.iter().find(|p| says(text(s), p)) {
                outcome
                    .failures
                    .push(format!("{}: says \"{p}\": {}", run.label, text(s)));
                break;
            }
        }
    }
    outcome
}

fn check_never_claims(runs: &[Run], want: &NeverClaim) -> Outcome {
    let sections = section_list(&want.sections, &WRITTEN);
    let mut outcome = Outcome::new();
    let has_claims = runs.iter().any(|r| {
        sentences(&r.json, &WRITTEN)
            .iter()
            .any(|s| s.get("claims").is_some())
    });
    if !has_claims {
        outcome.unsupported = Some("the JSON report lists no claims yet".into());
        return outcome;
    }
    for run in runs {
        outcome.runs += 1;
        let claimed = sentences(&run.json, &sections).into_iter().find(|s| {
            s["claims"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| mentions(c, &want.claim)))
        });
        if let Some(s) = claimed {
            outcome
                .failures
                .push(format!("{}: claims {}: {}", run.label, want.claim, text(s)));
        }
    }
    outcome
}

impl Outcome {
    fn new() -> Self {
        Outcome {
            runs: 0,
            failures: Vec::new(),
            unsupported: None,
        }
    }
}

/// One row of the printed table.
struct Row {
    case: String,
    what: String,
    why: String,
    pending: Option<String>,
    outcome: Outcome,
}

impl Row {
    fn status(&self) -> &'static str {
        let failed = !self.outcome.failures.is_empty() || self.outcome.unsupported.is_some();
        match (failed, &self.pending) {
            (false, None) => "PASS",
            (false, Some(_)) => "PENDING-PASSES",
            (true, Some(_)) => "PENDING",
            (true, None) => "FAIL",
        }
    }

    fn is_failure(&self) -> bool {
        self.status() == "FAIL"
    }

    fn print(&self) -> String {
        let o = &self.outcome;
        let count = format!("{}/{}", o.runs - o.failures.len().min(o.runs), o.runs);
        let mut line = format!(
            "{:<15} {:<30} {:<62} {count:>7}",
            self.status(),
            self.case,
            self.what
        );
        if let Some(reason) = &o.unsupported {
            line.push_str(&format!("\n    cannot check: {reason}"));
        }
        if let Some(first) = o.failures.first() {
            line.push_str(&format!("\n    e.g. {first}"));
        }
        if self.is_failure() {
            line.push_str(&format!("\n    why it matters: {}", self.why));
        }
        if let Some(p) = &self.pending {
            line.push_str(&format!("\n    pending: {p}"));
        }
        line
    }
}

fn describe_tell(t: &MustTell) -> String {
    let mut what = format!("tell {}", t.beat);
    for id in [&t.player, &t.team].into_iter().flatten() {
        what.push_str(&format!(" {id}"));
    }
    if !t.slots.is_empty() {
        what.push_str(&format!(" {}", Value::Object(t.slots.clone())));
    }
    what
}

fn rows_for(case: &str, e: &Expectations, runs: &[Run]) -> Vec<Row> {
    let row = |what: String, why: &str, pending: &Option<String>, outcome| Row {
        case: case.to_string(),
        what,
        why: why.to_string(),
        pending: pending.clone(),
        outcome,
    };
    let mut rows = Vec::new();
    for t in &e.must_tell {
        rows.push(row(
            describe_tell(t),
            &t.why,
            &t.pending,
            check_must_tell(runs, t),
        ));
    }
    for p in &e.must_say {
        let what = format!("say {:?}", p.any);
        rows.push(row(what, &p.why, &p.pending, check_must_say(runs, p)));
    }
    for p in &e.never_say {
        let what = format!("never say {:?}", p.any);
        rows.push(row(what, &p.why, &p.pending, check_never_say(runs, p)));
    }
    for c in &e.never_claims {
        let what = format!("never claim {}", c.claim);
        rows.push(row(what, &c.why, &c.pending, check_never_claims(runs, c)));
    }
    rows
}

/// Rules of story-telling every report of every match must keep, checked
/// over the same runs as the expectations (issue 9's sub-editor notes).
fn guard_rows(case: &str, m: &Match, runs: &[Run]) -> Vec<Row> {
    let guards: [(&str, &str, Guard); 5] = [
        (
            "guard: each goal told once a section",
            "a goal told in two sentences of one section reads as two goals (arg-fra's burst, ger-swe's winner)",
            goal_told_twice,
        ),
        (
            "guard: an own goal is said to be one",
            "a sentence that tells an own goal without saying so credits the wrong side's player",
            own_goal_unsaid,
        ),
        (
            "guard: a deficit of two or more is stated",
            "a comeback from two or more goals down is told with how far down the side was",
            deficit_unsaid,
        ),
        (
            "guard: extra time's added time says extra time",
            "\"in stoppage time\" alone means the 90 minutes; a moment at 120+1 is in extra time",
            extra_time_unsaid,
        ),
        (
            "guard: a minute count agrees",
            "\"on 1 minutes\" is not English",
            minute_disagrees,
        ),
    ];
    guards
        .iter()
        .map(|(what, why, guard)| {
            let mut outcome = Outcome::new();
            for run in runs {
                outcome.runs += 1;
                if let Some(problem) = guard(m, &run.json) {
                    outcome.failures.push(format!("{}: {problem}", run.label));
                }
            }
            Row {
                case: case.to_string(),
                what: what.to_string(),
                why: why.to_string(),
                pending: None,
                outcome,
            }
        })
        .collect()
}

/// A guard: the first problem it finds in a report, if any.
type Guard = fn(&Match, &Value) -> Option<String>;

/// The report's beats by id.
fn beats_by_id(report: &Value) -> Map<String, Value> {
    report["beats"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| Some((b["id"].as_str()?.to_string(), b.clone())))
        .collect()
}

/// The beats a sentence cites, in full.
fn cited<'a>(sentence: &Value, beats: &'a Map<String, Value>) -> Vec<&'a Value> {
    sentence["beats"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| beats.get(c["id"].as_str()?))
        .collect()
}

/// Beats whose sentence tells their goals as goals (not a feat or an
/// angle on them: a hat-trick, a substitute's goal, a VAR review).
const GOAL_TELLING: [&str; 4] = ["goal", "goal_flurry", "late_winner", "extra_time_winner"];

fn goal_told_twice(_: &Match, report: &Value) -> Option<String> {
    let beats = beats_by_id(report);
    for section in NARRATIVE {
        let mut told: Vec<(String, String)> = Vec::new();
        for s in sentences(report, &[section]) {
            let mut goals: Vec<String> = cited(s, &beats)
                .iter()
                .filter(|b| GOAL_TELLING.contains(&b["rule"].as_str().unwrap_or_default()))
                .flat_map(|b| b["evidence"].as_array().cloned().unwrap_or_default())
                .filter_map(|e| e.as_str().map(str::to_string))
                .collect();
            goals.sort();
            goals.dedup();
            for g in goals {
                if let Some((_, first)) = told.iter().find(|(x, _)| *x == g) {
                    return Some(format!(
                        "{section} tells {g} twice: \"{first}\" and \"{}\"",
                        text(s)
                    ));
                }
                told.push((g, text(s).to_string()));
            }
        }
    }
    None
}

fn own_goal_unsaid(_: &Match, report: &Value) -> Option<String> {
    let beats = beats_by_id(report);
    let said = ["own goal", "own-goal", "own net", "own goalkeeper"];
    sentences(report, &["lead", "talking_point", "player_of_match"])
        .into_iter()
        .find(|s| {
            cited(s, &beats).iter().any(|b| {
                (b["rule"] == "goal" && b["slots"]["own_goal"] == true) || b["rule"] == "own_goal"
            }) && !said.iter().any(|p| says(text(s), p))
        })
        .map(|s| format!("tells an own goal without saying so: {}", text(s)))
}

fn deficit_unsaid(_: &Match, report: &Value) -> Option<String> {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let beats = beats_by_id(report);
    for s in sentences(report, &WRITTEN) {
        for b in cited(s, &beats).iter().filter(|b| b["rule"] == "comeback") {
            let deficit = b["slots"]["deficit"].as_u64().unwrap_or(0) as usize;
            if deficit < 2 {
                continue;
            }
            let number = WORDS.get(deficit).copied().unwrap_or_default();
            let digit = deficit.to_string();
            if !says(text(s), number) && !says(text(s), &digit) {
                return Some(format!(
                    "a {deficit}-goal comeback without its deficit: {}",
                    text(s)
                ));
            }
        }
    }
    None
}

fn extra_time_unsaid(m: &Match, report: &Value) -> Option<String> {
    let late_in_extra_time = |id: &str| {
        m.events
            .iter()
            .any(|e| e.id == id && e.period >= 3 && e.added > 0)
    };
    sentences(report, &WRITTEN)
        .into_iter()
        .find(|s| {
            let first = s["evidence"]
                .as_array()
                .and_then(|e| e.first())
                .and_then(|e| e["id"].as_str());
            first.is_some_and(late_in_extra_time)
                && ["stoppage time", "added time"]
                    .iter()
                    .any(|p| says(text(s), p))
                && !says(text(s), "extra time")
        })
        .map(|s| {
            format!(
                "extra time's added time told as the 90 minutes': {}",
                text(s)
            )
        })
}

fn minute_disagrees(_: &Match, report: &Value) -> Option<String> {
    sentences(report, &WRITTEN)
        .into_iter()
        .find(|s| says(text(s), "1 minutes"))
        .map(|s| format!("says \"1 minutes\": {}", text(s)))
}

/// The beat kinds an expectation may name: the rules in `src/beats/` and
/// the kinds agreed for issue 9.
fn known_kinds() -> Vec<String> {
    let mut kinds: Vec<String> = NEW_KINDS.iter().map(|k| k.to_string()).collect();
    for entry in std::fs::read_dir(root().join("src/beats"))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".rs").filter(|s| *s != "mod") {
            kinds.push(stem.to_string());
        }
    }
    kinds
}

/// Typos in an expectations file are errors, not silently passing checks.
fn check_names(case: &str, e: &Expectations, m: &Match) {
    let kinds = known_kinds();
    let teams = [&m.teams.home, &m.teams.away];
    let is_team = |id: &str| teams.iter().any(|t| t.id == id);
    let is_player = |id: &str| teams.iter().any(|t| t.squad.iter().any(|p| p.id == id));
    let perspective_ok =
        |p: &Option<Vec<String>>| p.iter().flatten().all(|p| p == "neutral" || is_team(p));
    for t in &e.must_tell {
        assert!(
            kinds.contains(&t.beat),
            "{case}: unknown beat kind {}",
            t.beat
        );
        assert!(
            t.player.as_deref().is_none_or(is_player),
            "{case}: unknown player {:?}",
            t.player
        );
        assert!(
            t.team.as_deref().is_none_or(is_team),
            "{case}: unknown team {:?}",
            t.team
        );
        assert!(
            perspective_ok(&t.perspectives),
            "{case}: unknown perspective"
        );
    }
    for p in e.must_say.iter().chain(&e.never_say) {
        assert!(
            perspective_ok(&p.perspectives),
            "{case}: unknown perspective"
        );
        assert!(!p.any.is_empty(), "{case}: a phrase list is empty");
    }
    assert!(!e.story.trim().is_empty(), "{case}: no story");
}

fn expectation_files() -> Vec<PathBuf> {
    let dir = root().join("fixtures/expect");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn read_expectations(path: &Path) -> Expectations {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every native fixture has an expectations file, so the corpus cannot grow
/// without saying what each match must read as.
#[test]
fn every_fixture_has_expectations() {
    let named: Vec<String> = expectation_files()
        .iter()
        .filter_map(|p| match read_expectations(p).source {
            Source::Fixture(f) => Some(f),
            Source::Statsbomb(_) => None,
        })
        .collect();
    for entry in std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".json") {
            let path = format!("fixtures/{name}");
            assert!(
                named.contains(&path),
                "{path} has no file in fixtures/expect/"
            );
        }
    }
}

#[test]
fn phrases_match_whole_words() {
    assert!(says("They were knocked out.", "knocked out"));
    assert!(says("after extra-time", "extra time"));
    assert!(says("Spain were eliminated", "eliminat*"));
    assert!(says("16 minutes from time", "* minutes from time"));
    assert!(!says("his", "he"));
    assert!(!says("the theme", "he"));
    assert!(says("He scored", "he"));
    assert!(!says("knocked the ball out", "knocked out"));
    assert!(says("on 1 minutes", "1 minutes"));
    assert!(!says("on 11 minutes", "1 minutes"));
}

#[test]
fn every_report_meets_its_expectations() {
    let mut rows = Vec::new();
    for path in expectation_files() {
        let case = path.file_stem().unwrap().to_string_lossy().to_string();
        let e = read_expectations(&path);
        let (m, source) = load(&e.source);
        check_names(&case, &e, &m);
        let runs = runs(&m, &source);
        rows.extend(rows_for(&case, &e, &runs));
        rows.extend(guard_rows(&case, &m, &runs));
    }
    let table: Vec<String> = rows.iter().map(Row::print).collect();
    let count = |s: &str| rows.iter().filter(|r| r.status() == s).count();
    let summary = format!(
        "{} expectations: {} pass, {} fail, {} pending, {} pending but passing",
        rows.len(),
        count("PASS"),
        count("FAIL"),
        count("PENDING"),
        count("PENDING-PASSES")
    );
    println!("{}\n{summary}", table.join("\n"));
    let failed: Vec<&String> = rows
        .iter()
        .zip(&table)
        .filter(|(r, _)| r.is_failure())
        .map(|(_, t)| t)
        .collect();
    assert!(
        failed.is_empty(),
        "{summary}\n{}",
        failed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
