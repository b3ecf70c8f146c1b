//! The StatsBomb importer never drops what changes a report: a goal, a
//! card or a substitution it cannot convert is an error naming the feed
//! event (file, position, index and id), or with `--lenient` a warning
//! that says what the report will lack; one malformed event is that
//! event's error, not the file's.

use beatwriter::import::{ImportOptions, Imported, statsbomb};
use serde_json::{Value, json};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/statsbomb")
        .join(name)
}

fn raw_events() -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(data("15986_events.json")).unwrap()).unwrap()
}

fn temp(name: &str, value: &Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("beatwriter-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(value).unwrap()).unwrap();
    path
}

fn import(
    name: &str,
    events: Vec<Value>,
    match_file: Option<PathBuf>,
    lenient: bool,
) -> Result<Imported, beatwriter::Error> {
    statsbomb::import(&ImportOptions {
        events: temp(name, &Value::Array(events)),
        lineups: data("15986_lineups.json"),
        match_file,
        context: None,
        lenient,
    })
}

/// Stuani's first goal (44'), at this position in the real feed.
const STUANI_GOAL: usize = 2070;

/// Checks the strict import fails naming the event, and the lenient one
/// warns that the goal is missing and that the score no longer agrees
/// with the feed's own goal events (there is no match file to say so).
fn goal_is_never_dropped(name: &str, edit: impl Fn(&mut Value), path: &str, why: &str) {
    let mut ev = raw_events();
    assert_eq!(ev[STUANI_GOAL]["shot"]["outcome"]["name"], "Goal");
    let id = ev[STUANI_GOAL]["id"].as_str().unwrap().to_string();
    edit(&mut ev[STUANI_GOAL]);
    let err = import(name, ev.clone(), None, false).unwrap_err();
    let text = err.to_string();
    assert!(err.file.ends_with(name), "{text}");
    let d = err
        .diagnostics
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}:\n{text}"));
    assert!(d.message.contains(&id), "names the event id: {}", d.message);
    assert!(d.message.contains(why), "{}", d.message);
    assert!(d.position.is_some(), "{text}");

    let imported = import(name, ev, None, true).unwrap();
    let warnings = imported.warnings.join("\n");
    assert!(
        warnings.contains("the report lacks this goal"),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "the feed's goal events make the score 2-2 but the imported events make it 2-1"
        ),
        "{warnings}"
    );
}

#[test]
fn a_goal_without_a_player_is_not_dropped() {
    goal_is_never_dropped(
        "no-player.json",
        |e| {
            e.as_object_mut().unwrap().remove("player");
        },
        &format!("[{STUANI_GOAL}]"),
        "a goal that has no \"player\"",
    );
}

#[test]
fn a_goal_by_a_null_player_is_not_dropped() {
    goal_is_never_dropped(
        "null-player.json",
        |e| e["player"] = Value::Null,
        &format!("[{STUANI_GOAL}]"),
        "a goal that has no \"player\"",
    );
}

#[test]
fn a_goal_of_an_unknown_type_is_not_dropped() {
    goal_is_never_dropped(
        "odd-type.json",
        |e| e["type"]["name"] = json!("Goal Celebration"),
        &format!("[{STUANI_GOAL}].type"),
        "in an event of type \"Goal Celebration\"; expected type \"Shot\"",
    );
}

#[test]
fn a_shot_without_its_shot_object_is_not_dropped() {
    let mut ev = raw_events();
    ev[STUANI_GOAL].as_object_mut().unwrap().remove("shot");
    let err = import("no-shot.json", ev, None, false).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(&format!("[{STUANI_GOAL}]: event 2071")),
        "{text}"
    );
    assert!(text.contains("a Shot with no \"shot\" object"), "{text}");
}

#[test]
fn a_card_without_a_player_is_not_dropped() {
    let mut ev = raw_events();
    let card = ev
        .iter()
        .position(|e| e["foul_committed"]["card"]["name"].is_string())
        .expect("the feed has a card");
    ev[card].as_object_mut().unwrap().remove("player");
    let err = import("no-card-player.json", ev.clone(), None, false).unwrap_err();
    assert!(
        err.to_string().contains("a card that has no \"player\""),
        "{err}"
    );
    let imported = import("no-card-player.json", ev, None, true).unwrap();
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("the report lacks this card")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn a_shot_without_an_outcome_is_that_events_error_not_the_files() {
    // Match 22924 (Norway Women's v Nigeria Women's) really has one.
    let opts = |lenient| ImportOptions {
        events: data("22924_events.json.gz"),
        lineups: data("22924_lineups.json.gz"),
        match_file: Some(data("22924_match.json")),
        context: None,
        lenient,
    };
    let err = statsbomb::import(&opts(false)).unwrap_err();
    let text = err.to_string();
    assert_eq!(err.diagnostics.len(), 1, "{text}");
    assert_eq!(err.diagnostics[0].path, "[694].shot");
    assert!(
        text.contains(
            "event 695 (id 604bd4f8-f540-42a5-adaa-1d937a1c9be3): a Shot with no shot.outcome"
        ),
        "{text}"
    );
    assert!(!text.contains("expected a StatsBomb events file"), "{text}");
    let imported = statsbomb::import(&opts(true)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.m.result.full_time.home, 3, "Norway 3-0 Nigeria");
    assert!(imported.warnings.iter().any(|w| w.contains("[694].shot")));
}

#[test]
fn swapped_home_and_away_ids_are_an_error() {
    let mut info: Value =
        serde_json::from_str(&std::fs::read_to_string(data("15986_match.json")).unwrap()).unwrap();
    let home = info[0]["home_team"]["home_team_id"].clone();
    info[0]["home_team"]["home_team_id"] = info[0]["away_team"]["away_team_id"].clone();
    info[0]["away_team"]["away_team_id"] = home;
    let err = import(
        "swapped-events.json",
        raw_events(),
        Some(temp("swapped.json", &info)),
        false,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(err.file.ends_with("swapped.json"), "{text}");
    assert_eq!(err.diagnostics[0].path, "[0].home_team");
    assert!(text.contains("are home and away swapped?"), "{text}");
}

#[test]
fn a_sending_off_twice_in_the_feed_points_at_the_feed() {
    // The converted match is validated with the same rules as a match
    // file; the error names the feed event, not the converted one.
    let mut ev = raw_events();
    let red = ev
        .iter()
        .position(|e| {
            e["foul_committed"]["card"]["name"] == "Red Card"
                || e["bad_behaviour"]["card"]["name"] == "Red Card"
        })
        .expect("Lenglet's red card");
    let mut again = ev[red].clone();
    again["id"] = json!("red-again");
    again["index"] = json!(99_999);
    ev.insert(red + 1, again);
    let err = import("red-twice.json", ev, None, false).unwrap_err();
    let text = err.to_string();
    let d = err
        .diagnostics
        .iter()
        .find(|d| d.message.contains("sent off again"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(d.path, format!("[{}]", red + 1));
    assert!(
        d.message.contains("event 99999 (id red-again)"),
        "{}",
        d.message
    );
    assert!(d.position.is_some());
}

#[test]
fn a_key_twice_in_the_match_file_is_an_error() {
    let text = std::fs::read_to_string(data("15986_match.json"))
        .unwrap()
        .replacen("\"home_score\"", "\"home_score\" : 5, \"home_score\"", 1);
    let path = scratch_text("dup-match.json", &text);
    let err = import("dup-events.json", raw_events(), Some(path), false).unwrap_err();
    assert!(err.file.ends_with("dup-match.json"), "{err}");
    // serde refuses a repeated field of a struct itself; the scan catches
    // repeats serde would keep quietly (map keys, fields it skips).
    assert!(err.to_string().contains("home_score"), "{err}");
    assert!(err.diagnostics[0].position.is_some(), "{err}");
}

fn scratch_text(name: &str, text: &str) -> PathBuf {
    let path = temp(name, &Value::Null);
    std::fs::write(&path, text).unwrap();
    path
}
