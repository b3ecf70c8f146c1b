//! "validate ok ⇒ report ok": generated matches, and random mutations of
//! the bundled fixtures, either fail validation with a located error or
//! produce a report in every tone and format whose score line is the
//! data's; nothing panics.
//!
//! CI runs 48 cases per property (a few seconds in a debug build). For a
//! longer run locally:
//!
//! ```text
//! BEATWRITER_PROPTEST_CASES=5000 cargo test --release --test validate_then_report
//! ```

use beatwriter::model::{Match, Score};
use beatwriter::{Options, output};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

fn cases() -> u32 {
    std::env::var("BEATWRITER_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Shrinking a failing match is slow and the first case says enough.
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    }
}

const FIXTURES: [&str; 4] = [
    include_str!("../fixtures/eng-fra-2022-wc-qf.json"),
    include_str!("../fixtures/arg-fra-2022-wc-final.json"),
    include_str!("../fixtures/eng-sco-2021-euro-group.json"),
    include_str!("../fixtures/ger-swe-2018-wc-group.json"),
];

/// The built-in phrasebank, compiled once for every case.
fn bank() -> &'static beatwriter::phrasebank::Phrasebank {
    static BANK: std::sync::OnceLock<beatwriter::phrasebank::Phrasebank> =
        std::sync::OnceLock::new();
    BANK.get_or_init(|| beatwriter::phrasebank::Phrasebank::builtin("en").unwrap())
}

/// The final score as a title prints it: after extra time when played.
fn final_score(m: &Match) -> Score {
    m.result.after_extra_time.unwrap_or(m.result.full_time)
}

/// Writes the report in every tone and format and checks the score line.
fn reports_in_every_tone_and_format(m: &Match) -> Result<(), TestCaseError> {
    let score = final_score(m);
    let want = format!(
        "{} {}-{} {}",
        m.teams.home.name, score.home, score.away, m.teams.away.name
    );
    for tone in ["neutral", "wire", "dramatic"] {
        let options = Options {
            tone: tone.to_string(),
            ..Options::default()
        };
        let report = beatwriter::report::write_report_with(m, &options, bank())
            .map_err(|e| TestCaseError::fail(format!("{tone}: validated, yet: {e}")))?;
        prop_assert!(
            report.title.starts_with(&want),
            "{tone}: title {:?}, data {want:?}",
            report.title
        );
        for text in [
            output::text(&report),
            output::markdown(&report),
            output::json(&report, m, "m.json"),
            output::html::page(&output::provenance::view(&report, m, "m.json")),
        ] {
            prop_assert!(!text.is_empty());
        }
    }
    Ok(())
}

// ---- Matches valid by construction ----

/// One generated goal: side (true = home), minute, and how it went in.
#[derive(Debug, Clone, Copy)]
enum How {
    Goal,
    OwnGoal,
    Penalty,
}

fn how() -> impl Strategy<Value = How> {
    prop_oneof![Just(How::Goal), Just(How::OwnGoal), Just(How::Penalty)]
}

#[derive(Debug, Clone)]
struct Plan {
    stage: &'static str,
    goals: Vec<(bool, u16, How, Index)>,
    extra: Vec<(bool, u16, Index)>,
    subs: Vec<(bool, u16, Index, Index)>,
    cards: Vec<(bool, u16, Index)>,
    other: Vec<(bool, u16, u8, Index)>,
    reds: Vec<(bool, u16, Index)>,
    kicks: Vec<bool>,
    home_first: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::sample::select(vec![
            "group",
            "league",
            "friendly",
            "round_of_16",
            "quarter_final",
            "final",
        ]),
        prop::collection::vec((any::<bool>(), 1u16..=90, how(), any::<Index>()), 0..7),
        prop::collection::vec((any::<bool>(), 91u16..=120, any::<Index>()), 0..3),
        prop::collection::vec(
            (any::<bool>(), 46u16..=90, any::<Index>(), any::<Index>()),
            0..5,
        ),
        prop::collection::vec((any::<bool>(), 1u16..=90, any::<Index>()), 0..4),
        prop::collection::vec((any::<bool>(), 1u16..=90, 0u8..7, any::<Index>()), 0..6),
        prop::collection::vec((any::<bool>(), 1u16..=90, any::<Index>()), 0..3),
        (prop::collection::vec(any::<bool>(), 0..40), any::<bool>()),
    )
        .prop_map(
            |(stage, goals, extra, subs, cards, other, reds, (kicks, home_first))| Plan {
                stage,
                goals,
                extra,
                subs,
                cards,
                other,
                reds,
                kicks,
                home_first,
            },
        )
}

/// The squads of the England-France fixture, and who starts.
struct Squads {
    ids: [Vec<String>; 2],
    starter: [Vec<bool>; 2],
    team: [String; 2],
}

fn squads(base: &Value) -> Squads {
    let side = |s: &str| -> (Vec<String>, Vec<bool>) {
        base["teams"][s]["squad"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["id"].as_str().unwrap().to_string(), p["starter"] == true))
            .unzip()
    };
    let (h, hs) = side("home");
    let (a, aws) = side("away");
    Squads {
        ids: [h, a],
        starter: [hs, aws],
        team: [
            base["teams"]["home"]["id"].as_str().unwrap().to_string(),
            base["teams"]["away"]["id"].as_str().unwrap().to_string(),
        ],
    }
}

fn period_of(minute: u16) -> u8 {
    match minute {
        1..=45 => 1,
        46..=90 => 2,
        91..=105 => 3,
        _ => 4,
    }
}

/// Builds a match from the plan that every validation rule accepts.
fn build(plan: &Plan) -> Value {
    let mut m: Value = serde_json::from_str(FIXTURES[0]).unwrap();
    let sq = squads(&m);
    m["match"]["stage"] = json!(plan.stage);
    // Records and ratings stay: they hold for any events.
    // (key, event): key orders events; substitutions sort after other
    // events of their minute, so "on the pitch at minute t" is simple.
    let mut timed: Vec<((u16, u8), Value)> = Vec::new();
    // Substitutions: distinct starters off, distinct substitutes on.
    let mut off_at: [Vec<Option<u16>>; 2] =
        [vec![None; sq.ids[0].len()], vec![None; sq.ids[1].len()]];
    let mut on_at = off_at.clone();
    for &(home, minute, off, on) in &plan.subs {
        let s = usize::from(!home);
        let starters: Vec<usize> = (0..sq.ids[s].len())
            // The goalkeeper (listed first) stays on: saves name him.
            .filter(|&i| i > 0 && sq.starter[s][i] && off_at[s][i].is_none())
            .collect();
        let bench: Vec<usize> = (0..sq.ids[s].len())
            .filter(|&i| !sq.starter[s][i] && on_at[s][i].is_none())
            .collect();
        if starters.is_empty() || bench.is_empty() {
            continue;
        }
        let (off, on) = (
            starters[off.index(starters.len())],
            bench[on.index(bench.len())],
        );
        off_at[s][off] = Some(minute);
        on_at[s][on] = Some(minute);
        timed.push((
            (minute, 1),
            json!({"period": period_of(minute), "minute": minute, "team": sq.team[s], "type": "substitution",
                   "player": sq.ids[s][on], "replaced": sq.ids[s][off]}),
        ));
    }
    let followed = [0, 1].map(|k| timed.iter().any(|(_, e)| e["team"] == sq.team[k]));
    // On the pitch at minute t, as far as substitutions go (before that
    // minute's substitutions).
    let subs_allow = |s: usize, t: u16| -> Vec<usize> {
        (0..sq.ids[s].len())
            .filter(|&i| {
                if !followed[s] {
                    return true;
                }
                let started = sq.starter[s][i] || on_at[s][i].is_some_and(|m| m < t);
                started && off_at[s][i].is_none_or(|m| m >= t)
            })
            .collect()
    };
    // Straight reds: for outfield players on the pitch who are not taken
    // off later (a sent-off player cannot be substituted).
    let mut red_at: [Vec<Option<u16>>; 2] =
        [vec![None; sq.ids[0].len()], vec![None; sq.ids[1].len()]];
    for &(home, minute, who) in &plan.reds {
        let s = usize::from(!home);
        let candidates: Vec<usize> = subs_allow(s, minute)
            .into_iter()
            .filter(|&i| i > 0 && off_at[s][i].is_none() && red_at[s][i].is_none())
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let i = candidates[who.index(candidates.len())];
        red_at[s][i] = Some(minute);
        timed.push((
            (minute, 0),
            json!({"period": period_of(minute), "minute": minute, "team": sq.team[s], "type": "red",
                   "player": sq.ids[s][i], "reason": "foul"}),
        ));
    }
    // On the pitch at minute t: not yet substituted off or sent off (a
    // player sent off in minute t may still be named in it).
    let on_pitch = |s: usize, t: u16| -> Vec<usize> {
        subs_allow(s, t)
            .into_iter()
            .filter(|&i| red_at[s][i].is_none_or(|m| m >= t))
            .collect()
    };
    let goal = |home: bool, minute: u16, how: How, who: Index| {
        let s = usize::from(!home);
        // An own goal is put in by the other side's player.
        let from = if matches!(how, How::OwnGoal) {
            1 - s
        } else {
            s
        };
        let players = on_pitch(from, minute);
        let player = &sq.ids[from][players[who.index(players.len())]];
        let kind = match how {
            How::Goal => "goal",
            How::OwnGoal => "own_goal",
            How::Penalty => "penalty_scored",
        };
        json!({"period": period_of(minute), "minute": minute, "team": sq.team[s], "type": kind, "player": player})
    };
    let mut score = [[0u8; 2]; 3]; // half time, full time, after extra time
    // A goal and a converted penalty by one player in one clock minute
    // cannot both happen (a kick-off, an award and a kick take longer), and
    // validation reads the pair as one penalty entered twice: a later goal
    // of the same player and minute takes the first one's type.
    let mut scored_at = std::collections::HashMap::new();
    for &(home, minute, how, who) in &plan.goals {
        let mut e = goal(home, minute, how, who);
        let first = scored_at
            .entry((e["player"].to_string(), minute))
            .or_insert_with(|| e["type"].clone());
        if e["type"] != "own_goal" && *first != "own_goal" {
            e["type"] = first.clone();
        }
        timed.push(((minute, 0), e));
        let s = usize::from(!home);
        if minute <= 45 {
            score[0][s] += 1;
        }
        score[1][s] += 1;
        score[2][s] += 1;
    }
    // Cards: one yellow each for distinct players.
    let mut booked = std::collections::HashSet::new();
    for &(home, minute, who) in &plan.cards {
        let s = usize::from(!home);
        let i = who.index(sq.ids[s].len());
        let player = &sq.ids[s][i];
        // No booking after a sending-off.
        if red_at[s][i].is_none_or(|m| m >= minute) && booked.insert(player.clone()) {
            timed.push((
                (minute, 0),
                json!({"period": period_of(minute), "minute": minute, "team": sq.team[s], "type": "yellow", "player": player}),
            ));
        }
    }
    // Events that change no score: chances, woodwork, missed and saved
    // penalties, saves, appeals and reviews.
    for &(home, minute, kind, who) in &plan.other {
        let s = usize::from(!home);
        let players = on_pitch(s, minute);
        let player = &sq.ids[s][players[who.index(players.len())]];
        let keeper = &sq.ids[1 - s][0];
        let e = match kind {
            0 => json!({"type": "chance", "player": player, "outcome": "wide", "xg": 0.4}),
            1 => json!({"type": "woodwork", "player": player, "outcome": "post"}),
            2 => json!({"type": "penalty_missed", "player": player, "outcome": "over"}),
            3 => json!({"type": "penalty_saved", "player": player, "goalkeeper": keeper}),
            4 => {
                json!({"type": "save", "team": sq.team[1 - s], "player": keeper, "opponent": player})
            }
            5 => {
                json!({"type": "appeal", "claim": "penalty", "decision": "rejected", "fouled": player})
            }
            _ => {
                json!({"type": "var_review", "claim": "goal", "decision": "rejected", "overturned": false})
            }
        };
        let mut e = e;
        e["period"] = json!(period_of(minute));
        e["minute"] = json!(minute);
        if e.get("team").is_none() {
            e["team"] = json!(sq.team[s]);
        }
        timed.push(((minute, 0), e));
    }
    let knockout = !matches!(plan.stage, "group" | "league" | "friendly");
    let extra_time = knockout && score[1][0] == score[1][1];
    if extra_time {
        for &(home, minute, who) in &plan.extra {
            timed.push(((minute, 0), goal(home, minute, How::Goal, who)));
            score[2][usize::from(!home)] += 1;
        }
    }
    timed.sort_by_key(|(k, _)| *k);
    let mut events: Vec<Value> = timed.into_iter().map(|(_, e)| e).collect();
    let shootout = extra_time && score[2][0] == score[2][1];
    let kicks = if shootout {
        shootout_kicks(plan, &sq, &on_pitch)
    } else {
        Vec::new()
    };
    let mut so = [0u8; 2];
    for (s, scored, player) in &kicks {
        so[*s] += u8::from(*scored);
        events.push(
            json!({"period": 5, "team": sq.team[*s], "type": "shootout_kick", "player": player,
                           "outcome": if *scored { "scored" } else { "saved" }}),
        );
    }
    for (n, e) in events.iter_mut().enumerate() {
        e["id"] = json!(format!("g{n}"));
    }
    m["events"] = Value::Array(events);
    m["result"] = result(score, extra_time, shootout.then_some(so));
    m
}

/// Kicks from the plan's outcomes, alternating, until decided (forced
/// after 20 rounds so a case always ends).
fn shootout_kicks(
    plan: &Plan,
    sq: &Squads,
    on_pitch: &dyn Fn(usize, u16) -> Vec<usize>,
) -> Vec<(usize, bool, String)> {
    let first = usize::from(!plan.home_first);
    let (mut taken, mut scored) = ([0i32; 2], [0i32; 2]);
    let mut out = Vec::new();
    for n in 0.. {
        let s = if n % 2 == 0 { first } else { 1 - first };
        let forced = n >= 40;
        let goal = if forced {
            s == first
        } else {
            plan.kicks.get(n).copied().unwrap_or(n % 3 != 0)
        };
        let players = on_pitch(s, 121);
        let player = sq.ids[s][players[n % players.len()]].clone();
        out.push((s, goal, player));
        taken[s] += 1;
        scored[s] += i32::from(goal);
        let in_five = taken[0] <= 5 && taken[1] <= 5;
        let beyond = in_five
            && (scored[0] + (5 - taken[0]) < scored[1] || scored[1] + (5 - taken[1]) < scored[0]);
        if beyond || (taken[0] == taken[1] && taken[0] >= 5 && scored[0] != scored[1]) {
            break;
        }
    }
    out
}

fn result(score: [[u8; 2]; 3], extra_time: bool, shootout: Option<[u8; 2]>) -> Value {
    let s = |x: [u8; 2]| json!({"home": x[0], "away": x[1]});
    let lead = |x: [u8; 2]| match x[0].cmp(&x[1]) {
        std::cmp::Ordering::Greater => Some("home"),
        std::cmp::Ordering::Less => Some("away"),
        std::cmp::Ordering::Equal => None,
    };
    let mut r = json!({"half_time": s(score[0]), "full_time": s(score[1])});
    if extra_time {
        r["after_extra_time"] = s(score[2]);
    }
    if let Some(so) = shootout {
        r["shootout"] = s(so);
    }
    let decided = [
        (lead(score[1]), "normal_time"),
        (lead(score[2]).filter(|_| extra_time), "extra_time"),
        (shootout.and_then(lead), "shootout"),
    ]
    .into_iter()
    .find_map(|(w, how)| w.map(|w| (w, how)));
    if let Some((winner, how)) = decided {
        r["winner"] = json!(winner);
        r["decided_by"] = json!(how);
    }
    r
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_match_valid_by_construction_validates_and_reports(plan in plan()) {
        let value = build(&plan);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let m = beatwriter::input::load_str("generated.json", &text)
            .map_err(|e| TestCaseError::fail(format!("a valid match was refused:\n{e}")))?;
        reports_in_every_tone_and_format(&m)?;
    }

    #[test]
    fn a_mutated_fixture_is_refused_or_reported(
        fixture in 0..FIXTURES.len(),
        edits in prop::collection::vec((any::<Index>(), 0u8..8, any::<Index>()), 1..4),
    ) {
        let mut value: Value = serde_json::from_str(FIXTURES[fixture]).unwrap();
        for (at, how, pick) in edits {
            mutate(&mut value, at, how, pick);
        }
        let text = serde_json::to_string_pretty(&value).unwrap();
        let outcome = beatwriter::input::load_str("mutated.json", &text);
        tally(outcome.is_ok());
        match outcome {
            Ok(m) => reports_in_every_tone_and_format(&m)?,
            Err(e) => prop_assert!(!e.diagnostics.is_empty()),
        }
    }
}

// ---- Mutations ----

/// Counts mutated files accepted and refused; with
/// BEATWRITER_PROPTEST_VERBOSE set, prints the tally every 100 cases (to
/// see that the "accepted, so reported" branch is exercised).
fn tally(accepted: bool) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEEN: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];
    SEEN[usize::from(accepted)].fetch_add(1, Ordering::Relaxed);
    let (refused, ok) = (
        SEEN[0].load(Ordering::Relaxed),
        SEEN[1].load(Ordering::Relaxed),
    );
    if std::env::var_os("BEATWRITER_PROPTEST_VERBOSE").is_some() && (refused + ok) % 100 == 0 {
        eprintln!("mutated fixtures: {ok} accepted and reported, {refused} refused");
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

/// Every value's path in the document.
fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, item) in map {
                here.push(Step::Key(k.clone()));
                paths(item, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                here.push(Step::At(i));
                paths(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::At(i) => &mut v[*i],
    })
}

/// Words a mutation may write: ids and enum values found in the fixtures,
/// so edits are often plausible enough to pass the parser.
fn words(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.len() < 30 => out.push(s.clone()),
        Value::Object(map) => map.values().for_each(|x| words(x, out)),
        Value::Array(items) => items.iter().for_each(|x| words(x, out)),
        _ => {}
    }
}

/// One edit at a random place: a new number, a word from the file, null,
/// a removed member or element, a duplicated or swapped element.
fn mutate(doc: &mut Value, at: Index, how: u8, pick: Index) {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let path = all[at.index(all.len())].clone();
    let mut vocabulary = Vec::new();
    words(doc, &mut vocabulary);
    let numbers = [
        0, 1, 2, 3, 5, 11, 45, 46, 90, 91, 99, 100, 120, 121, 255, 256,
    ];
    let Some((last, parent_path)) = path.split_last() else {
        return;
    };
    let parent = get_mut(doc, parent_path);
    match how {
        0 => {
            *get_mut(parent, std::slice::from_ref(last)) = json!(numbers[pick.index(numbers.len())])
        }
        1 => {
            *get_mut(parent, std::slice::from_ref(last)) =
                json!(vocabulary[pick.index(vocabulary.len())])
        }
        2 => *get_mut(parent, std::slice::from_ref(last)) = Value::Null,
        3 | 4 => match (parent, last) {
            (Value::Object(map), Step::Key(k)) => {
                map.remove(k);
            }
            (Value::Array(items), Step::At(i)) => {
                let item = items.remove(*i);
                if how == 4 {
                    // Moved elsewhere rather than lost.
                    let to = pick.index(items.len() + 1);
                    items.insert(to, item);
                }
            }
            _ => {}
        },
        5 => {
            if let (Value::Array(items), Step::At(i)) = (parent, last) {
                let copy = items[*i].clone();
                items.insert(*i + 1, copy);
            }
        }
        _ => {
            let target = get_mut(parent, std::slice::from_ref(last));
            if let Some(n) = target.as_f64() {
                *target = json!(n + if how == 6 { 1.0 } else { -1.0 });
            }
        }
    }
}
