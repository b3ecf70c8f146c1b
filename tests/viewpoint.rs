//! `--for TEAM`: what a partisan sub-editor insists on, for every match we
//! hold (the native fixtures and the StatsBomb feeds), in every tone, for
//! each side and at several seeds.
//!
//! England v Scotland is also written with the sides' world rankings, and
//! again with the group table, as a draw between a favourite and an
//! underdog.
//!
//! Written for one side's supporters, a report makes that side "us":
//! - a draw is never a defeat;
//! - the next fixture it closes on is ours, and when ours is known the
//!   lead tells it;
//! - the Player of the match is one of ours, or there is none;
//! - partisan copy, dramatic above all, never praises the opponent ("Take
//!   a bow", "history was made", "hero") in a sentence about them;
//! - a beaten side gets its consolation in the Talking Point, drawn from
//!   its own beats (a goal, a brace, its keeper's saves, a record) when it
//!   has one;
//! - a decision that went against us (a VAR call, a sending-off, claims
//!   turned down) is told in the lead or the Talking Point; a VAR call is
//!   told in our words, not the neutral desk's, and argued in the Talking
//!   Point;
//! - "shock" and "upset" follow the rankings or the table; a draw between
//!   a favourite and an underdog is framed from our side of that gap.

mod common;

use beatwriter::Options;
use beatwriter::beats::Beat;
use beatwriter::model::{Match, Side};
use beatwriter::report::{Report, Sentence};
use std::sync::OnceLock;

const TONES: [&str; 3] = ["neutral", "wire", "dramatic"];
const SEEDS: u64 = 3;

/// StatsBomb matches in `data/statsbomb/` that import without `--lenient`.
const STATSBOMB: [&str; 14] = [
    "15986", "18236", "19714", "22921", "22943", "3773387", "7298", "7430", "7443", "7444", "7445",
    "7451", "7456", "8658",
];

/// One report written for one side.
struct Case {
    name: String,
    label: String,
    m: Match,
    tone: &'static str,
    ours: Side,
    report: Report,
}

impl Case {
    fn theirs(&self) -> Side {
        self.ours.other()
    }

    fn sentences<'a>(&'a self, sections: &[&str]) -> Vec<&'a Sentence> {
        self.report
            .sections
            .iter()
            .filter(|s| sections.contains(&s.id.as_str()))
            .flat_map(|s| s.paragraphs.iter().flat_map(|p| &p.sentences))
            .collect()
    }

    fn beat(&self, id: &str) -> Option<&Beat> {
        self.report.beats.iter().find(|b| b.id == id)
    }

    /// The side a sentence is about: its team slot, else its first beat's.
    fn side_of(&self, s: &Sentence) -> Option<Side> {
        s.about
            .or_else(|| s.beats.first().and_then(|id| self.beat(id)?.side))
    }

    fn cites(&self, sections: &[&str], pick: impl Fn(&Beat) -> bool) -> bool {
        self.sentences(sections)
            .iter()
            .any(|s| s.beats.iter().any(|id| self.beat(id).is_some_and(&pick)))
    }

    fn ours_won(&self) -> bool {
        self.m.result.winner == Some(self.ours)
    }

    fn ours_lost(&self) -> bool {
        self.m.result.winner == Some(self.theirs())
    }
}

/// The matches: every native fixture, every StatsBomb feed, and England
/// v Scotland with the sides' world rankings of the day (fourth and
/// 44th), a draw between a favourite and an underdog.
fn matches() -> Vec<(String, Match)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        out.push((name, common::load(p.to_str().unwrap())));
    }
    for id in STATSBOMB {
        out.push((format!("statsbomb-{id}"), common::statsbomb(id)));
    }
    let mut ranked = common::load("fixtures/eng-sco-2021-euro-group.json");
    ranked.teams.home.ranking = Some(4);
    ranked.teams.away.ranking = Some(44);
    out.push(("eng-sco ranked".into(), ranked));
    // The same draw judged by the group table instead: before kick-off
    // England were second on three points, Scotland fourth on none.
    let mut tabled = serde_json::to_value(common::load("fixtures/eng-sco-2021-euro-group.json"))
        .expect("a match serialises");
    tabled["context"]["table"] = serde_json::json!({
        "home": {"position_before": 2, "position_after": 2, "points_before": 3},
        "away": {"position_before": 4, "position_after": 4, "points_before": 0}
    });
    let tabled: Match = serde_json::from_value(tabled).expect("a table is valid context");
    out.push(("eng-sco tabled".into(), tabled));
    out
}

fn corpus() -> &'static [Case] {
    static CORPUS: OnceLock<Vec<Case>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut cases = Vec::new();
        for (name, m) in matches() {
            for ours in [Side::Home, Side::Away] {
                for tone in TONES {
                    for seed in 0..SEEDS {
                        let options = Options {
                            seed,
                            tone: tone.to_string(),
                            perspective: Some(m.teams.get(ours).name.clone()),
                            ..Options::default()
                        };
                        let report = common::write(&m, &options);
                        let label =
                            format!("{name} for {} {tone} seed {seed}", m.teams.get(ours).name);
                        cases.push(Case {
                            name: name.clone(),
                            label,
                            m: m.clone(),
                            tone,
                            ours,
                            report,
                        });
                    }
                }
            }
        }
        cases
    })
}

/// Lower-case words of a text, hyphens splitting.
fn words(s: &str) -> Vec<String> {
    s.replace('\u{2019}', "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `text` holds `phrase` as whole words; a word ending in `*`
/// matches any word it begins.
fn says(text: &str, phrase: &str) -> bool {
    let pattern = words(&phrase.replace('*', "STAR"));
    let text = words(text);
    text.windows(pattern.len()).any(|w| {
        w.iter()
            .zip(&pattern)
            .all(|(t, p)| match p.strip_suffix("star") {
                Some(stem) => t.starts_with(stem),
                None => t == p,
            })
    })
}

fn says_any<'a>(text: &str, phrases: &[&'a str]) -> Option<&'a str> {
    phrases.iter().copied().find(|p| says(text, p))
}

/// Collects failures and fails once with all of them, so one run shows
/// every match that breaks a rule.
fn report_failures(rule: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{rule}: {} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const WRITTEN: [&str; 4] = ["lead", "talking_point", "player_of_match", "highlights"];
const NARRATIVE: [&str; 2] = ["lead", "talking_point"];

#[test]
fn the_corpus_covers_every_story() {
    let cases = corpus();
    let has = |f: &dyn Fn(&Case) -> bool| cases.iter().any(f);
    assert!(has(&|c| c.m.result.winner.is_none()), "a draw");
    assert!(has(&|c| c.m.result.shootout.is_some()), "a shoot-out");
    assert!(has(&|c| c.ours_lost()), "a defeat");
    assert!(has(&|c| c.m.context.table.is_some()), "a league table");
    assert!(
        has(&|c| c.ours_won() && favoured(c) == Some(false)),
        "an underdog win"
    );
    assert!(
        has(&|c| c.m.result.winner.is_none() && favoured(c) == Some(false)),
        "an underdog's draw"
    );
    assert!(
        has(&|c| next_fixture_side(c) == Some(c.theirs())),
        "the opponent's next fixture"
    );
}

#[test]
fn a_draw_is_never_a_defeat() {
    const DEFEAT: [&str; 12] = [
        "defeat*",
        "beaten",
        "loss",
        "losers",
        "lose",
        "lost to",
        "lost on",
        "lost at",
        "lost out",
        "lost against",
        "went down",
        "going down",
    ];
    let mut failures = Vec::new();
    for c in corpus().iter().filter(|c| c.m.result.winner.is_none()) {
        for s in c.sentences(&WRITTEN) {
            if let Some(p) = says_any(&s.text, &DEFEAT) {
                failures.push(format!("{}: \"{p}\" in {}", c.label, s.text));
            }
        }
    }
    report_failures("a draw called a defeat", failures);
}

fn next_fixture_side(c: &Case) -> Option<Side> {
    let next = c.m.context.next_fixture.as_ref()?;
    [Side::Home, Side::Away]
        .into_iter()
        .find(|s| c.m.teams.get(*s).id == next.team)
}

#[test]
fn the_next_fixture_is_ours() {
    let mut failures = Vec::new();
    for c in corpus() {
        if c.cites(&WRITTEN, |b| {
            b.rule == "next_fixture" && b.side != Some(c.ours)
        }) {
            failures.push(format!("{}: closes on the opponent's next match", c.label));
        }
        let told = c.cites(&["lead"], |b| b.rule == "next_fixture");
        if next_fixture_side(c) == Some(c.ours) && c.tone != "wire" && !told {
            failures.push(format!("{}: our next match is not told", c.label));
        }
    }
    report_failures("next fixture", failures);
}

#[test]
fn the_player_of_the_match_is_ours() {
    let mut failures = Vec::new();
    for c in corpus() {
        let ours = format!("{})", c.m.teams.get(c.ours).name);
        if let Some(name) = c.sentences(&["player_of_match"]).first()
            && !name.text.ends_with(&ours)
        {
            failures.push(format!("{}: {}", c.label, name.text));
        }
    }
    report_failures("Player of the match", failures);
}

/// Words of praise a supporter's paper keeps for its own side.
const PRAISE: [&str; 26] = [
    "take a bow",
    "hero",
    "heroes",
    "heroics",
    "superb",
    "brilliant",
    "magnificent",
    "history was made",
    "history",
    "stood out",
    "what a performance",
    "what a finish",
    "what a moment",
    "stunning",
    "glory",
    "held their nerve",
    "stood firm",
    "a day for",
    "to thank",
    "made the difference",
    "at the heart",
    "the run goes on",
    "pure theatre",
    "delight",
    "raptures",
    "coolly",
];

#[test]
fn partisan_copy_never_praises_the_opponent() {
    let mut failures = Vec::new();
    for c in corpus() {
        for s in c.sentences(&WRITTEN) {
            if c.side_of(s) != Some(c.theirs()) {
                continue;
            }
            if let Some(p) = says_any(&s.text, &PRAISE) {
                failures.push(format!(
                    "{}: \"{p}\" for the opponent ({}): {}",
                    c.label, s.variant, s.text
                ));
            }
        }
    }
    report_failures("praise for the opponent", failures);
}

/// A beat of our own that softens a defeat: a goal (not one the opponent
/// put into his own net), a brace or hat-trick, the keeper's saves, a
/// record.
fn consoles(b: &Beat, ours: Side) -> bool {
    let rule_fits = match b.rule {
        "goal" | "consolation" => b.slots["own_goal"] != true,
        "brace" | "hat_trick" | "goalkeeper_heroics" | "substitute_scorer" => true,
        "penalty_saved_rebound" => true,
        "record" => matches!(
            b.slots["status"].as_str(),
            Some("record_equalled" | "record_broken")
        ),
        _ => false,
    };
    rule_fits && b.side == Some(ours)
}

#[test]
fn a_beaten_side_gets_its_consolation() {
    let mut failures = Vec::new();
    let mut consoled = 0;
    for c in corpus().iter().filter(|c| c.ours_lost()) {
        if !c.report.beats.iter().any(|b| consoles(b, c.ours)) {
            continue;
        }
        if c.cites(&["talking_point"], |b| consoles(b, c.ours)) {
            consoled += 1;
        } else {
            let tp: Vec<&str> = c
                .sentences(&["talking_point"])
                .iter()
                .map(|s| s.text.as_str())
                .collect();
            failures.push(format!("{}: no consolation in: {}", c.label, tp.join(" ")));
        }
    }
    report_failures("consolation", failures);
    assert!(consoled > 50, "only {consoled} consoled defeats");
}

/// A decision that went against us: our sending-off, our claims turned
/// down, or a VAR review that rejected our claim or upheld theirs.
fn against_us(b: &Beat, ours: Side) -> bool {
    match b.rule {
        "red_card" | "grievance" => b.side == Some(ours),
        "var_decision" => {
            let rejected = b.slots["decision"] == "rejected";
            (b.side == Some(ours)) == rejected
        }
        _ => false,
    }
}

#[test]
fn our_grievances_are_told_in_our_words() {
    let mut failures = Vec::new();
    let mut told = 0;
    for c in corpus() {
        for b in c.report.beats.iter().filter(|b| against_us(b, c.ours)) {
            let telling: Vec<&Sentence> = c
                .sentences(&NARRATIVE)
                .into_iter()
                .filter(|s| {
                    s.beats.contains(&b.id) || b.evidence.iter().all(|e| s.evidence.contains(e))
                })
                .collect();
            if telling.is_empty() {
                failures.push(format!("{}: {} against us not told", c.label, b.rule));
                continue;
            }
            told += 1;
            let argued = c.sentences(&["talking_point"]).iter().any(|s| {
                s.beats.contains(&b.id) || b.evidence.iter().all(|e| s.evidence.contains(e))
            });
            if b.rule == "var_decision" && !argued {
                failures.push(format!(
                    "{}: a VAR call against us left out of the Talking Point",
                    c.label
                ));
            }
            let var: Vec<&&Sentence> = telling.iter().filter(|s| s.message == "lead/var").collect();
            let partisan = var.iter().all(|s| s.variant.contains('@'));
            if c.tone != "wire" && !partisan {
                failures.push(format!(
                    "{}: a VAR call against us told neutrally: {}",
                    c.label, telling[0].text
                ));
            }
        }
    }
    report_failures("grievance", failures);
    assert!(told > 30, "only {told} grievances told");
}

/// Whether our side was the favourite, by rankings else the table.
fn favoured(c: &Case) -> Option<bool> {
    let a = beatwriter::analysis::Analysis::new(&c.m);
    beatwriter::claims::favoured(&a, c.ours)
}

#[test]
fn shock_and_held_follow_who_was_favoured() {
    const SHOCK: [&str; 6] = [
        "shock*",
        "upset",
        "giant*",
        "stunned",
        "toppl*",
        "should not have",
    ];
    const HELD: [&str; 4] = ["were held", "held to", "only a draw", "dropped points"];
    const PROUD: [&str; 3] = ["favourites", "higher ranked", "higher placed"];
    let mut failures = Vec::new();
    for c in corpus() {
        let underdog_won =
            c.m.result
                .winner
                .is_some_and(|w| favoured(c) == Some(w != c.ours));
        let lead = c.sentences(&["lead"]);
        let opening = lead.first().map_or("", |s| s.text.as_str());
        for s in c.sentences(&NARRATIVE) {
            if let Some(p) = says_any(&s.text, &SHOCK).filter(|_| !underdog_won) {
                failures.push(format!("{}: \"{p}\" without an upset: {}", c.label, s.text));
            }
        }
        if underdog_won && c.ours_won() && c.tone != "wire" {
            let all: String = lead.iter().map(|s| s.text.as_str()).collect();
            if says_any(&all, &SHOCK).is_none() && !says(&all, "ranked") {
                failures.push(format!("{}: our upset win untold: {opening}", c.label));
            }
        }
        if c.m.result.winner.is_none() {
            match favoured(c) {
                Some(false) => {
                    if let Some(p) = says_any(opening, &HELD) {
                        failures.push(format!("{}: underdog \"{p}\": {opening}", c.label));
                    }
                    if c.tone != "wire" && says_any(opening, &PROUD).is_none() {
                        failures.push(format!("{}: the underdog's point: {opening}", c.label));
                    }
                }
                Some(true) => {
                    if let Some(p) = says_any(opening, &PROUD) {
                        failures.push(format!("{}: favourite \"{p}\": {opening}", c.label));
                    }
                    if c.tone != "wire" && says_any(opening, &HELD).is_none() {
                        failures.push(format!("{}: the favourite held: {opening}", c.label));
                    }
                }
                None => {}
            }
        }
    }
    report_failures("underdog framing", failures);
}

#[test]
fn every_claim_holds_for_either_side() {
    let mut checker: Option<(&str, common::FactChecker)> = None;
    for c in corpus() {
        if checker.as_ref().is_none_or(|(n, _)| *n != c.name) {
            checker = Some((&c.name, common::FactChecker::new(&c.m)));
        }
        let (_, checker) = checker.as_ref().unwrap();
        checker.check_claims(&c.report, &c.label);
        common::check_leaks(&c.report, &c.label);
    }
}

/// A desk's group table given with `--context` reaches the report: the
/// underdog's copy opens on the draw against the favourites.
#[test]
fn a_table_given_as_context_frames_the_draw() {
    let dir = std::env::temp_dir().join(format!("beatwriter-viewpoint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let context = dir.join("table.json");
    std::fs::write(
        &context,
        r#"{"table": {"home": {"position_before": 2, "points_before": 3},
                      "away": {"position_before": 4, "points_before": 0}}}"#,
    )
    .unwrap();
    let run = |team: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_beatwriter"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "report",
                "fixtures/eng-sco-2021-euro-group.json",
                "--for",
                team,
            ])
            .arg("--context")
            .arg(&context)
            .args(["--format", "json"])
            .output()
            .unwrap();
        common::assert_ran(&out);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["sections"][0]["paragraphs"][0][0].clone()
    };
    let scotland = run("Scotland");
    assert_eq!(scotland["claims"], serde_json::json!(["ours_underdog"]));
    assert!(says(scotland["text"].as_str().unwrap(), "favourites"));
    let england = run("England");
    assert_eq!(england["claims"], serde_json::json!(["ours_favourite"]));
    assert!(says(england["text"].as_str().unwrap(), "held to"));
    std::fs::remove_dir_all(&dir).ok();
}
