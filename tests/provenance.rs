//! The JSON report's provenance holds what each sentence says: every
//! event a sentence cites is one it talks about, every player it names
//! is involved in what it cites, and every number traces to a value (or a
//! derivation from the input) equal to the number printed. Checked for
//! every sentence of every fixture, in every tone, at several seeds.

mod common;

use beatwriter::Options;
use beatwriter::model::{Event, Match};
use beatwriter::output::provenance::{SentenceView, view};

/// The players an event involves.
fn involved(e: &Event) -> Vec<&str> {
    [
        &e.player,
        &e.assist,
        &e.fouled,
        &e.goalkeeper,
        &e.opponent,
        &e.replaced,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect()
}

/// Players a context entry cited as evidence is about.
fn context_players<'m>(m: &'m Match, id: &str) -> Vec<&'m str> {
    if let Some(record) = id.strip_prefix("record:") {
        return m
            .context
            .records
            .iter()
            .filter(|r| r.id == record)
            .map(|r| r.player.as_str())
            .collect();
    }
    if let Some(i) = id
        .strip_prefix("context.focus_players[")
        .and_then(|r| r.strip_suffix(']'))
    {
        return m
            .context
            .focus_players
            .get(i.parse::<usize>().unwrap())
            .map(String::as_str)
            .into_iter()
            .collect();
    }
    Vec::new()
}

fn player_names(m: &Match, id: &str) -> Vec<String> {
    let p = m
        .teams
        .home
        .squad
        .iter()
        .chain(&m.teams.away.squad)
        .find(|p| p.id == id)
        .unwrap();
    vec![p.name.clone(), p.surname.clone(), p.display.clone()]
}

fn check_sentence(m: &Match, s: &SentenceView, label: &str) {
    let events: Vec<&Event> = s
        .evidence
        .iter()
        .filter_map(|ev| m.events.iter().find(|e| e.id == ev.id))
        .collect();
    let mut cited: Vec<&str> = events.iter().flat_map(|e| involved(e)).collect();
    cited.extend(s.evidence.iter().flat_map(|ev| context_players(m, &ev.id)));
    // Every player the sentence names is involved in what it cites.
    for fact in s.facts.iter().filter(|f| f.path.contains(".squad[")) {
        let squad_player = m
            .teams
            .home
            .squad
            .iter()
            .chain(&m.teams.away.squad)
            .find(|p| {
                [&p.name, &p.surname, &p.display]
                    .iter()
                    .any(|n| **n == fact.text)
            });
        let Some(p) = squad_player else { continue };
        assert!(
            cited.contains(&p.id.as_str()),
            "{label}: names {} but cites {:?}: {}",
            fact.text,
            s.evidence.iter().map(|e| &e.id).collect::<Vec<_>>(),
            s.text
        );
    }
    // Every event it cites is one it talks about: a player of the event or its time.
    let aggregate = s.beats.iter().any(|b| {
        matches!(
            b.rule.as_str(),
            "result" | "knockout" | "comeback" | "shootout"
        )
    });
    let names_a_team = [&m.teams.home, &m.teams.away].iter().any(|t| {
        std::iter::once(&t.name)
            .chain(&t.nicknames)
            .any(|n| s.text.to_lowercase().contains(&n.to_lowercase()))
    });
    for e in &events {
        let names: Vec<String> = involved(e)
            .iter()
            .flat_map(|p| player_names(m, p))
            .collect();
        let minute = e.minute.map(|m| m.to_string());
        let left = e.minute.filter(|m| *m <= 90).map(|m| (90 - m).to_string());
        // An event with no player (a team's appeal) is talked about through its team.
        let team = [&m.teams.home, &m.teams.away]
            .into_iter()
            .find(|t| t.id == e.team)
            .unwrap();
        let manager = team.manager.iter().map(|p| &p.surname);
        let team_named = involved(e).is_empty()
            && std::iter::once(&team.name)
                .chain(&team.nicknames)
                .chain(manager)
                .any(|n| s.text.to_lowercase().contains(&n.to_lowercase()));
        // Or refers back to it by what it was ("that miss", "the winner").
        let lower = s.text.to_lowercase();
        let by_kind = kind_words(e.kind).iter().any(|w| lower.contains(w));
        let talks_about = team_named
            || by_kind
            || names.iter().any(|n| s.text.contains(n.as_str()))
            || minute.is_some_and(|m| s.text.contains(&m))
            || left.is_some_and(|l| s.text.contains(&l) || s.text.contains(number_word(&l)))
            || (e.kind.is_goal() && s.message.starts_with("lead/opening"))
            // Goals cited by an aggregate beat prove the result the sentence states.
            || (e.kind.is_goal() && aggregate && names_a_team);
        assert!(
            talks_about,
            "{label}: cites {} ({:?}) but does not talk about it: {}",
            e.id, e.kind, s.text
        );
    }
}

/// Words that refer back to an event of this kind.
fn kind_words(kind: beatwriter::model::EventType) -> &'static [&'static str] {
    use beatwriter::model::EventType::*;
    match kind {
        PenaltyMissed | PenaltySaved => &["miss", "penalty", "spot"],
        Goal | PenaltyScored | OwnGoal => &["goal", "winner", "scor", "equalis"],
        VarReview | Appeal => &["var", "decision", "claim", "appeal", "call"],
        Red | SecondYellow => &["sent off", "red card", "dismiss", "ten men", "ten-man"],
        _ => &[],
    }
}

fn number_word(n: &str) -> &'static str {
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ]
    .get(n.parse::<usize>().unwrap_or(99))
    .copied()
    .unwrap_or("\u{0}")
}

#[test]
fn every_sentence_cites_what_it_says() {
    let m = common::load(common::FIXTURES[0]);
    for seed in 0..5 {
        for perspective in [None, Some("England"), Some("France")] {
            let options = Options {
                seed,
                perspective: perspective.map(str::to_string),
                ..Options::default()
            };
            let report = common::write(&m, &options);
            let v = view(&report, &m, "eng-fra.json");
            let mut checked = 0;
            for section in v.sections.iter().filter(|s| {
                matches!(
                    s.id.as_str(),
                    "lead" | "talking_point" | "player_of_match" | "highlights"
                )
            }) {
                for s in section.paragraphs.iter().flatten() {
                    check_sentence(&m, s, &format!("seed {seed} {perspective:?} {}", s.id));
                    checked += 1;
                }
            }
            assert!(checked >= 15, "only {checked} sentences checked");
        }
    }
}

#[test]
fn the_json_names_where_each_fact_came_from() {
    let m = common::load(common::FIXTURES[0]);
    let report = common::write(&m, &Options::default());
    let json: serde_json::Value =
        serde_json::from_str(&beatwriter::output::json(&report, &m, "eng-fra.json")).unwrap();
    assert_eq!(json["format"], "beatwriter-report/1");
    assert_eq!(json["options"]["seed"], 2022);
    assert!(
        json["options"]["phrasebank_version"]
            .as_str()
            .unwrap()
            .starts_with("en-")
    );
    let sentences: Vec<&serde_json::Value> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["paragraphs"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| p.as_array().unwrap())
        })
        .collect();
    for s in &sentences {
        for fact in s["facts"].as_array().unwrap() {
            let path = fact["path"].as_str().unwrap();
            assert!(
                !path.is_empty(),
                "no path for {} in {}",
                fact["text"],
                s["text"]
            );
        }
    }
    let miss = sentences
        .iter()
        .find(|s| s["message"] == "lead/decisive_miss")
        .unwrap();
    assert_eq!(miss["evidence"][0]["id"], "e09");
    assert_eq!(miss["evidence"][0]["minute"], "84'");
    assert!(
        miss["beats"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["rule"] == "decisive_penalty_miss")
    );
    let left_out = json["left_out"].as_array().unwrap();
    assert!(left_out.iter().all(|id| {
        json["beats"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["id"] == *id && b["used"] == false)
    }));
}

/// The value at a JSON path such as `events[4].minute` or
/// `ratings.eng-kane`.
fn resolve<'v>(root: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    let mut v = root;
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            v = v.get(key)?;
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            v = v.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

fn event_index(path: &str) -> usize {
    path.strip_prefix("events[")
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not an event path: {path}"))
}

fn is_goal(e: &serde_json::Value) -> bool {
    matches!(
        e["type"].as_str(),
        Some("goal" | "own_goal" | "penalty_scored")
    )
}

/// Computes a derivation again from the match file, independently of the
/// library, and returns the value it gives.
fn recompute(root: &serde_json::Value, d: &serde_json::Value, label: &str) -> f64 {
    let from: Vec<&str> = d["from"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for p in &from {
        assert!(resolve(root, p).is_some(), "{label}: {p} does not resolve");
    }
    let events = root["events"].as_array().unwrap();
    let team_id = || {
        resolve(root, d["team"].as_str().unwrap()).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    match d["rule"].as_str().unwrap() {
        "goals" | "shootout_goals" => {
            let team = team_id();
            let range = d["range"].as_str().unwrap_or("");
            let (a, b) = match range
                .strip_prefix("events[")
                .and_then(|r| r.strip_suffix(']'))
            {
                Some(r) => {
                    let (a, b) = r.split_once("..").unwrap();
                    (a.parse().unwrap(), b.parse().unwrap())
                }
                None => (0, events.len()),
            };
            let counts = |e: &serde_json::Value| {
                if d["rule"] == "goals" {
                    is_goal(e)
                } else {
                    e["type"] == "shootout_kick" && e["outcome"] == "scored"
                }
            };
            let expected: Vec<usize> = (a..b)
                .filter(|i| counts(&events[*i]) && events[*i]["team"] == team.as_str())
                .collect();
            let listed: Vec<usize> = from.iter().map(|p| event_index(p)).collect();
            assert_eq!(
                listed, expected,
                "{label}: the goals named are not the goals"
            );
            expected.len() as f64
        }
        "minutes_left" => {
            let end = d["end"].as_f64().unwrap();
            assert!(end == 90.0 || end == 120.0, "{label}: ends at {end}");
            end - resolve(root, from[0]).unwrap().as_f64().unwrap()
        }
        "record_after" => {
            let record_path = from[0].strip_suffix(".before").unwrap();
            let record = resolve(root, record_path).unwrap();
            let player = record["player"].as_str().unwrap();
            let adds = |e: &serde_json::Value| match record["counts"].as_str().unwrap() {
                "goals" => {
                    matches!(e["type"].as_str(), Some("goal" | "penalty_scored"))
                        && e["player"] == player
                }
                "penalties" => e["type"] == "penalty_scored" && e["player"] == player,
                _ => is_goal(e) && e["assist"] == player,
            };
            let expected: Vec<usize> = (0..events.len()).filter(|i| adds(&events[*i])).collect();
            let listed: Vec<usize> = from[1..].iter().map(|p| event_index(p)).collect();
            assert_eq!(
                listed, expected,
                "{label}: the events added are not the tally's"
            );
            record["before"].as_f64().unwrap() + expected.len() as f64
        }
        "count" => from.len() as f64,
        "players_left" => {
            for p in &from {
                let e = resolve(root, p).unwrap();
                assert!(
                    matches!(e["type"].as_str(), Some("red" | "second_yellow")),
                    "{label}: {p} is not a sending-off"
                );
            }
            11.0 - from.len() as f64
        }
        "stage_size" => {
            let stage = resolve(root, from[0]).unwrap().as_str().unwrap();
            match stage {
                "quarter_final" => 8.0,
                "semi_final" => 4.0,
                "final" => 2.0,
                other => other.strip_prefix("round_of_").unwrap().parse().unwrap(),
            }
        }
        "penalty_spot" => {
            let kind = resolve(root, from[0]).unwrap()["type"].as_str().unwrap();
            assert!(
                kind.starts_with("penalty_") || kind == "shootout_kick",
                "{label}: {kind}"
            );
            12.0
        }
        "rating_scale" => {
            assert!(from[0].starts_with("ratings."), "{label}");
            10.0
        }
        "match_length" => {
            let extra = root["result"].get("after_extra_time").is_some();
            assert_eq!(from[0] == "result.after_extra_time", extra, "{label}");
            if extra { 120.0 } else { 90.0 }
        }
        "minutes_led" => {
            // Replay the goals: who led from each one to the next, until
            // the end of play (added time not counted).
            let team = team_id();
            let end = d["end"].as_f64().unwrap();
            assert!(end == 90.0 || end == 120.0, "{label}: ends at {end}");
            let goals: Vec<usize> = (0..events.len()).filter(|i| is_goal(&events[*i])).collect();
            let listed: Vec<usize> = from.iter().map(|p| event_index(p)).collect();
            assert_eq!(listed, goals, "{label}: the goals named are not the goals");
            let (mut ours, mut theirs, mut since, mut led) = (0, 0, 0.0, 0.0);
            for i in goals {
                let at = events[i]["minute"].as_f64().unwrap_or(since).min(end);
                if ours > theirs {
                    led += (at - since).max(0.0);
                }
                if events[i]["team"] == team.as_str() {
                    ours += 1;
                } else {
                    theirs += 1;
                }
                since = at;
            }
            if ours > theirs {
                led += (end - since).max(0.0);
            }
            led
        }
        "minutes_between" => {
            let minute = |p: &str| resolve(root, p).unwrap().as_f64().unwrap();
            minute(from[1]) - minute(from[0])
        }
        other => panic!("{label}: unknown derivation {other}"),
    }
}

/// Every number of one report traces to a value equal to it.
fn check_numbers(root: &serde_json::Value, json: &serde_json::Value, label: &str) -> usize {
    let mut checked = 0;
    for section in json["sections"].as_array().unwrap() {
        for s in section["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p.as_array().unwrap())
        {
            let text = s["text"].as_str().unwrap();
            let label = format!("{label} {}: {text}", section["id"]);
            let facts = s["facts"].as_array().unwrap();
            for f in facts.iter().filter(|f| f["kind"] == "number") {
                let printed = f["text"].as_str().unwrap();
                let path = f["path"].as_str().unwrap();
                assert!(!path.is_empty(), "{label}: \"{printed}\" has no source");
                for bad in [".shirt", ".period", ".id"] {
                    assert!(
                        !path.ends_with(bad),
                        "{label}: \"{printed}\" traced to {path}"
                    );
                }
                let value: f64 = printed.parse().unwrap_or_else(|_| {
                    f64::from(beatwriter::inspect::number_word(printed).unwrap())
                });
                if let Some(d) = f.get("derived") {
                    assert_eq!(recompute(root, d, &label), value, "{label}: {path}");
                } else {
                    let at = resolve(root, path)
                        .unwrap_or_else(|| panic!("{label}: {path} does not resolve"));
                    match at {
                        serde_json::Value::Number(n) => {
                            assert_eq!(n.as_f64().unwrap(), value, "{label}: {path}")
                        }
                        // A desk's key stat printed as given, a stage such as round_of_16.
                        serde_json::Value::String(s) => {
                            assert!(s.contains(printed), "{label}: {path} is {s}")
                        }
                        other => panic!("{label}: {path} is {other}"),
                    }
                }
                if section["id"] == "ratings" {
                    assert!(path.starts_with("ratings."), "{label}: {printed} -> {path}");
                }
                checked += 1;
            }
            // A clock's minute is the event's minute; a score is counted from goals.
            for (i, _) in text.match_indices('\'') {
                let digits: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if digits.is_empty() {
                    continue;
                }
                assert!(
                    facts.iter().any(|f| {
                        let path = f["path"].as_str().unwrap();
                        f["text"] == digits.as_str()
                            && (path.ends_with(".minute") || path.ends_with(".added"))
                    }),
                    "{label}: clock {digits}' not traced to a minute"
                );
            }
            let in_key_stats = s["evidence"][0]["id"]
                .as_str()
                .is_some_and(|e| e.starts_with("context.key_stats"));
            let scores = text.split(' ').filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_digit());
                w.split_once('-').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.chars().all(|c| c.is_ascii_digit())
                        && b.chars().all(|c| c.is_ascii_digit())
                })
            });
            for score in scores.filter(|_| !in_key_stats) {
                assert!(
                    facts.iter().any(|f| f["derived"]["rule"]
                        .as_str()
                        .is_some_and(|r| r.ends_with("goals"))),
                    "{label}: score {score} not counted from goals"
                );
            }
        }
    }
    checked
}

#[test]
fn every_number_traces_to_the_value_it_states() {
    let mut checked = 0;
    for fixture in common::FIXTURES {
        let root: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
        let m = common::load(fixture);
        for tone in ["neutral", "wire", "dramatic"] {
            for seed in [2022, 1, 2] {
                for perspective in [None, Some(m.teams.home.name.clone())] {
                    let options = Options {
                        seed,
                        tone: tone.to_string(),
                        perspective: perspective.clone(),
                        ..Options::default()
                    };
                    let report = common::write(&m, &options);
                    let json: serde_json::Value =
                        serde_json::from_str(&beatwriter::output::json(&report, &m, fixture))
                            .unwrap();
                    let label = format!("{fixture} {tone} seed {seed} {perspective:?}");
                    checked += check_numbers(&root, &json, &label);
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} numbers checked");
}

#[test]
fn numbers_written_as_words_are_traced_too() {
    let m = common::load(common::FIXTURES[0]);
    let report = common::write(&m, &Options::default());
    let json: serde_json::Value =
        serde_json::from_str(&beatwriter::output::json(&report, &m, "eng-fra")).unwrap();
    let facts: Vec<&serde_json::Value> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .flat_map(|p| p.as_array().unwrap())
        .flat_map(|s| s["facts"].as_array().unwrap())
        .collect();
    let rule = |text: &str| {
        facts
            .iter()
            .find(|f| f["text"] == text)
            .map(|f| f["derived"]["rule"].as_str().unwrap_or("").to_string())
    };
    // "six minutes from the end", "two appeals fail", "in the previous two".
    assert_eq!(rule("six").as_deref(), Some("minutes_left"));
    assert_eq!(rule("two").as_deref(), Some("count"));
}

#[test]
fn numbers_from_statsbomb_matches_trace_too() {
    let dir = format!("{}/data/statsbomb", env!("CARGO_MANIFEST_DIR"));
    for id in ["15986", "7298", "3773387"] {
        let file = |kind: &str| {
            let plain = std::path::PathBuf::from(format!("{dir}/{id}_{kind}.json"));
            if plain.exists() {
                plain
            } else {
                plain.with_extension("json.gz")
            }
        };
        let options = beatwriter::import::ImportOptions {
            events: file("events"),
            lineups: file("lineups"),
            match_file: Some(file("match")),
            context: None,
            lenient: false,
        };
        let m = beatwriter::import::statsbomb::import(&options).unwrap().m;
        let root = serde_json::to_value(&m).unwrap();
        let report = common::write(&m, &Options::default());
        let json: serde_json::Value =
            serde_json::from_str(&beatwriter::output::json(&report, &m, id)).unwrap();
        assert!(check_numbers(&root, &json, id) > 10);
    }
}
