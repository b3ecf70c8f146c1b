//! The JSON report's provenance holds what each sentence says: every
//! event a sentence cites is one it talks about, and every player it names
//! is involved in what it cites. Checked for every sentence of the
//! England-France report (the sample is the whole report) at several seeds.

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
