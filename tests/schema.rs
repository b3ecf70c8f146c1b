//! Checks `docs/match.schema.json`, the JSON Schema of the `beatwriter/1`
//! match format.
//!
//! - The schema is itself valid draft 2020-12 JSON Schema.
//! - Every `fixtures/*.json` file is valid against it.
//! - Documents with typical mistakes are rejected at the right JSON path, and
//!   the unusual-but-legal shapes (added time, own goals, shoot-outs, "n/a"
//!   ratings) are accepted, so the schema is neither toothless nor too strict.
//! - The schema names the same fields, required fields and enum spellings as
//!   the serde types in `src/model.rs`, read as text so that this test does
//!   not need the library to compile.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The fewest fixtures `fixtures/` may hold.
const MIN_FIXTURES: usize = 4;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn schema() -> Value {
    load_json(&root().join("docs/match.schema.json"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema())
        .unwrap_or_else(|e| panic!("docs/match.schema.json does not compile: {e}"))
}

/// Every schema error for `instance`, as (JSON pointer, message) pairs.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(instance)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

fn show(errors: &[(String, String)]) -> String {
    errors
        .iter()
        .map(|(path, message)| {
            let path = if path.is_empty() { "/" } else { path };
            format!("  at {path}: {message}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn schema_is_valid_json_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema must declare draft 2020-12"
    );
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!(
            "docs/match.schema.json is not valid JSON Schema: {e} (at {})",
            e.instance_path()
        );
    }
    validator();
}

#[test]
fn every_fixture_matches_the_schema() {
    let validator = validator();
    let dir = root().join("fixtures");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= MIN_FIXTURES,
        "expected at least {MIN_FIXTURES} fixtures in {}, found {}",
        dir.display(),
        files.len()
    );

    let mut report = Vec::new();
    for file in &files {
        let found = errors(&validator, &load_json(file));
        if !found.is_empty() {
            let name = file.strip_prefix(root()).unwrap_or(file).display();
            report.push(format!("{name}:\n{}", show(&found)));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} fixtures do not match docs/match.schema.json:\n\n{}",
        report.len(),
        files.len(),
        report.join("\n\n")
    );
}

/// A small, sound match: two squads, a goal, a VAR review, ratings and a
/// record. The cases below edit copies of it.
fn minimal_match() -> Value {
    json!({
        "schema": "beatwriter/1",
        "match": {
            "competition": "World Cup",
            "season": "2022",
            "stage": "quarter_final",
            "date": "2022-12-10"
        },
        "teams": {
            "home": {
                "id": "eng",
                "name": "England",
                "short_name": "ENG",
                "squad": [
                    {"id": "eng-kane", "name": "Harry Kane", "display": "Kane",
                     "surname": "Kane", "position": "forward", "starter": true},
                    {"id": "eng-pickford", "name": "Jordan Pickford", "display": "Pickford",
                     "surname": "Pickford", "position": "goalkeeper", "starter": false}
                ]
            },
            "away": {
                "id": "fra",
                "name": "France",
                "short_name": "FRA",
                "squad": [
                    {"id": "fra-lloris", "name": "Hugo Lloris", "display": "Lloris",
                     "surname": "Lloris", "position": "goalkeeper", "starter": true},
                    {"id": "fra-coman", "name": "Kingsley Coman", "display": "Coman",
                     "surname": "Coman", "position": "forward", "starter": false}
                ]
            }
        },
        "result": {
            "half_time": {"home": 1, "away": 0},
            "full_time": {"home": 1, "away": 0},
            "winner": "home",
            "decided_by": "normal_time"
        },
        "events": [
            {"id": "e1", "period": 1, "minute": 17, "team": "eng", "type": "goal", "player": "eng-kane"},
            {"id": "e2", "period": 2, "minute": 70, "team": "fra", "type": "var_review",
             "claim": "penalty", "decision": "rejected"}
        ],
        "ratings": {"eng-kane": 7.5, "fra-lloris": "n/a"},
        "context": {
            "records": [{
                "id": "r1", "player": "eng-kane", "counts": "goals", "scope": "England",
                "before": 52, "record": 53,
                "holders": [{"name": "Wayne Rooney", "surname": "Rooney", "value": 53}]
            }]
        }
    })
}

/// Applies `edit` to a copy of the minimal match.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = minimal_match();
    edit(&mut doc);
    doc
}

/// A copy of the minimal match whose events are `events`.
fn with_events(events: Value) -> Value {
    edited(|doc| doc["events"] = events)
}

/// A copy of the minimal match with another result and other events.
fn with_result_and_events(result: Value, events: Value) -> Value {
    edited(|doc| {
        doc["result"] = result;
        doc["events"] = events;
    })
}

#[test]
fn legal_documents_are_accepted() {
    let validator = validator();
    // Each case was also written to pass `beatwriter validate` (scores agree
    // with the goals, events in order, players on the right side), so the
    // list doubles as examples of legal files.
    let cases: Vec<(&str, Value)> = vec![
        ("the minimal match", minimal_match()),
        (
            "added time at the end of each period",
            with_result_and_events(
                json!({
                    "half_time": {"home": 0, "away": 0},
                    "full_time": {"home": 0, "away": 0},
                    "after_extra_time": {"home": 0, "away": 0}
                }),
                json!([
                    {"id": "a", "period": 1, "minute": 45, "added": 2, "team": "eng", "type": "yellow", "player": "eng-kane", "reason": "dissent"},
                    {"id": "b", "period": 2, "minute": 60, "added": 0, "team": "eng", "type": "foul", "player": "eng-kane", "fouled": "fra-lloris"},
                    {"id": "c", "period": 2, "minute": 90, "added": 4, "team": "eng", "type": "chance", "player": "eng-kane", "outcome": "bar"},
                    {"id": "d", "period": 3, "minute": 105, "added": 1, "team": "eng", "type": "woodwork", "player": "eng-kane", "outcome": "post"},
                    {"id": "e", "period": 4, "minute": 120, "added": 3, "team": "fra", "type": "save", "player": "fra-lloris", "opponent": "eng-kane"}
                ]),
            ),
        ),
        (
            "the first and last minute of every period",
            with_result_and_events(
                json!({
                    "half_time": {"home": 0, "away": 0},
                    "full_time": {"home": 1, "away": 0},
                    "after_extra_time": {"home": 1, "away": 0},
                    "winner": "home",
                    "decided_by": "normal_time"
                }),
                json!([
                    {"id": "a", "period": 1, "minute": 1, "team": "eng", "type": "penalty_awarded", "fouled": "eng-kane", "opponent": "fra-lloris"},
                    {"id": "b", "period": 1, "minute": 45, "team": "fra", "type": "red", "player": "fra-lloris", "reason": "denying_goal"},
                    {"id": "c", "period": 2, "minute": 46, "team": "eng", "type": "own_goal", "player": "fra-coman"},
                    {"id": "d", "period": 2, "minute": 90, "team": "fra", "type": "disallowed_goal", "player": "fra-coman", "reason": "offside"},
                    {"id": "e", "period": 3, "minute": 91, "team": "fra", "type": "var_review", "claim": "goal", "decision": "rejected", "about": "d"},
                    {"id": "f", "period": 3, "minute": 105, "team": "eng", "type": "substitution", "player": "eng-pickford", "replaced": "eng-kane", "reason": "injury"},
                    {"id": "g", "period": 4, "minute": 106, "team": "fra", "type": "appeal", "claim": "penalty", "decision": "rejected"},
                    {"id": "h", "period": 4, "minute": 120, "team": "fra", "type": "yellow", "player": "fra-coman", "reason": "time_wasting"}
                ]),
            ),
        ),
        (
            "a shoot-out: period 5, no minute",
            with_result_and_events(
                json!({
                    "half_time": {"home": 0, "away": 0},
                    "full_time": {"home": 0, "away": 0},
                    "after_extra_time": {"home": 0, "away": 0},
                    "shootout": {"home": 1, "away": 0},
                    "winner": "home",
                    "decided_by": "shootout"
                }),
                json!([
                    {"id": "s1", "period": 5, "team": "eng", "type": "shootout_kick", "player": "eng-kane", "outcome": "scored", "goalkeeper": "fra-lloris"},
                    {"id": "s2", "period": 5, "team": "fra", "type": "shootout_kick", "player": "fra-coman", "outcome": "saved", "goalkeeper": "eng-pickford"}
                ]),
            ),
        ),
        (
            "a penalty saved, with every optional event field",
            with_result_and_events(
                json!({
                    "half_time": {"home": 0, "away": 0},
                    "full_time": {"home": 0, "away": 0}
                }),
                json!([
                    {"id": "a", "period": 2, "minute": 83, "team": "eng", "type": "penalty_awarded",
                     "fouled": "eng-kane", "opponent": "fra-lloris", "via_var": true},
                    {"id": "p", "period": 2, "minute": 84, "team": "eng", "type": "penalty_saved",
                     "player": "eng-kane", "goalkeeper": "fra-lloris", "fouled": "eng-kane",
                     "opponent": "fra-coman", "about": "a", "assist": "eng-pickford",
                     "body_part": "right_foot", "distance_yards": 12, "set_piece": "corner",
                     "assist_type": "through_ball", "flank": "right", "placement": "top_corner",
                     "outcome": "saved", "style": ["powerful", "keeper_wrong_way"], "xg": 0.76,
                     "via_var": true, "claim": "penalty", "decision": "upheld", "overturned": true,
                     "reason": "foul"}
                ]),
            ),
        ),
        (
            "a draw with stats and every optional top-level part",
            edited(|doc| {
                doc["result"] = json!({
                    "half_time": {"home": 0, "away": 0},
                    "full_time": {"home": 0, "away": 0}
                });
                doc["events"] = json!([]);
                doc["stats"] = json!({
                    "home": {"possession": 55, "shots": 12, "shots_on_target": 4, "xg": 1.3,
                             "corners": 6, "fouls": 10, "offsides": 2, "passes": 540},
                    "away": {}
                });
                doc["match"]["round"] = json!("Group F");
                doc["match"]["venue"] = json!({"name": "Al Bayt Stadium", "city": "Al Khor"});
                doc["match"]["referee"] = json!("Wilton Sampaio");
                doc["match"]["neutral"] = json!(true);
                doc["teams"]["home"]["nicknames"] = json!(["the Three Lions"]);
                doc["teams"]["home"]["manager"] =
                    json!({"name": "Gareth Southgate", "surname": "Southgate"});
                doc["teams"]["away"]["standing"] = json!(["world champions"]);
                doc["teams"]["home"]["squad"][0]["shirt"] = json!(9);
                doc["teams"]["home"]["squad"][0]["club"] = json!("Spurs");
                doc["teams"]["home"]["squad"][0]["captain"] = json!(true);
                doc["context"] = json!({
                    "records": [{
                        "id": "r1", "player": "eng-kane", "counts": "penalties",
                        "scope": "World Cup history", "note": "excluding shoot-outs",
                        "before": 3, "record": 4
                    }],
                    "history": [{"team": "eng", "tournament": "the 2018 World Cup", "host": "Russia", "reached": "semi_final"}],
                    "focus_players": ["fra-lloris"],
                    "title_defence": {"team": "fra", "title": "World Cup",
                                      "last_retained_by": "Brazil", "last_retained_year": 1962},
                    "next_fixture": {"team": "fra", "opponent": "Morocco", "stage": "round_of_16",
                                     "date": "2022-12-14", "weekday": "Wednesday", "venue": "Al Bayt Stadium"},
                    "key_stats": ["England have never beaten France at a tournament."]
                });
            }),
        ),
    ];
    let mut report = Vec::new();
    for (name, doc) in &cases {
        let found = errors(&validator, doc);
        if !found.is_empty() {
            report.push(format!("{name}:\n{}", show(&found)));
        }
    }
    assert!(
        report.is_empty(),
        "legal documents were rejected:\n\n{}",
        report.join("\n\n")
    );
}

#[test]
fn broken_documents_are_rejected() {
    let validator = validator();
    // (what is wrong, the document, the JSON pointer an error must name)
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "an unknown field on an event",
            edited(|doc| doc["events"][0]["scorer"] = json!("eng-kane")),
            "/events/0",
        ),
        (
            "a goal without a player",
            edited(|doc| {
                doc["events"][0].as_object_mut().unwrap().remove("player");
            }),
            "/events/0",
        ),
        (
            "a misspelt event type",
            edited(|doc| doc["events"][0]["type"] = json!("goel")),
            "/events/0/type",
        ),
        (
            "period 6",
            edited(|doc| doc["events"][0]["period"] = json!(6)),
            "/events/0/period",
        ),
        (
            "a first-half event without a minute",
            edited(|doc| {
                doc["events"][0].as_object_mut().unwrap().remove("minute");
            }),
            "/events/0",
        ),
        (
            "a second-half minute in period 1",
            edited(|doc| doc["events"][0]["minute"] = json!(50)),
            "/events/0/minute",
        ),
        (
            "stoppage time written as minute 93 of period 2",
            edited(|doc| doc["events"][1]["minute"] = json!(93)),
            "/events/1/minute",
        ),
        (
            "added time away from the period's end",
            edited(|doc| doc["events"][0]["added"] = json!(2)),
            "/events/0/added",
        ),
        (
            "negative added time",
            edited(|doc| {
                doc["events"][0]["minute"] = json!(45);
                doc["events"][0]["added"] = json!(-1);
            }),
            "/events/0/added",
        ),
        (
            "a fractional minute",
            edited(|doc| doc["events"][0]["minute"] = json!(17.5)),
            "/events/0/minute",
        ),
        (
            "a shoot-out kick with a minute",
            with_events(json!([
                {"id": "s", "period": 5, "minute": 121, "team": "eng", "type": "shootout_kick", "player": "eng-kane", "outcome": "scored"}
            ])),
            "/events/0/minute",
        ),
        (
            "a shoot-out kick in period 2",
            with_events(json!([
                {"id": "s", "period": 2, "minute": 60, "team": "eng", "type": "shootout_kick", "player": "eng-kane", "outcome": "wide"}
            ])),
            "/events/0/period",
        ),
        (
            "a shoot-out kick without an outcome",
            with_events(json!([
                {"id": "s", "period": 5, "team": "eng", "type": "shootout_kick", "player": "eng-kane"}
            ])),
            "/events/0",
        ),
        (
            "a card in the shoot-out",
            with_events(json!([
                {"id": "s", "period": 5, "team": "eng", "type": "yellow", "player": "eng-kane"}
            ])),
            "/events/0/type",
        ),
        (
            "added time in the shoot-out",
            with_events(json!([
                {"id": "s", "period": 5, "added": 1, "team": "eng", "type": "shootout_kick", "player": "eng-kane", "outcome": "scored"}
            ])),
            "/events/0/added",
        ),
        (
            "a substitution without the player replaced",
            with_events(json!([
                {"id": "s", "period": 2, "minute": 60, "team": "eng", "type": "substitution", "player": "eng-kane"}
            ])),
            "/events/0",
        ),
        (
            "a VAR review without a decision",
            edited(|doc| {
                doc["events"][1].as_object_mut().unwrap().remove("decision");
            }),
            "/events/1",
        ),
        (
            "an appeal without a claim",
            with_events(json!([
                {"id": "a", "period": 1, "minute": 5, "team": "eng", "type": "appeal", "decision": "rejected"}
            ])),
            "/events/0",
        ),
        (
            "a penalty saved without the goalkeeper",
            with_events(json!([
                {"id": "p", "period": 1, "minute": 5, "team": "eng", "type": "penalty_saved", "player": "eng-kane"}
            ])),
            "/events/0",
        ),
        (
            "a chance outcome that is not a spelling serde knows",
            edited(|doc| doc["events"][0]["outcome"] = json!("off_target")),
            "/events/0/outcome",
        ),
        (
            "a style that is not a list",
            edited(|doc| doc["events"][0]["style"] = json!("curled")),
            "/events/0/style",
        ),
        (
            "the wrong schema identifier",
            edited(|doc| doc["schema"] = json!("beatwriter/2")),
            "/schema",
        ),
        (
            "an unknown top-level field",
            edited(|doc| doc["notes"] = json!("hello")),
            "",
        ),
        (
            "no result",
            edited(|doc| {
                doc.as_object_mut().unwrap().remove("result");
            }),
            "",
        ),
        (
            "a score above u8",
            edited(|doc| doc["result"]["half_time"]["home"] = json!(256)),
            "/result/half_time/home",
        ),
        (
            "a winner without decided_by",
            edited(|doc| {
                doc["result"].as_object_mut().unwrap().remove("decided_by");
            }),
            "/result",
        ),
        (
            "decided by a shoot-out with no shoot-out score",
            edited(|doc| doc["result"]["decided_by"] = json!("shootout")),
            "/result",
        ),
        (
            "a stage spelt without its underscore",
            edited(|doc| doc["match"]["stage"] = json!("quarterfinal")),
            "/match/stage",
        ),
        (
            "a date not written YYYY-MM-DD",
            edited(|doc| doc["match"]["date"] = json!("10/12/2022")),
            "/match/date",
        ),
        (
            "a month 13",
            edited(|doc| doc["match"]["date"] = json!("2022-13-10")),
            "/match/date",
        ),
        (
            "null for an optional field",
            edited(|doc| doc["match"]["referee"] = Value::Null),
            "/match/referee",
        ),
        (
            "an unknown field on a player",
            edited(|doc| doc["teams"]["home"]["squad"][0]["age"] = json!(29)),
            "/teams/home/squad/0",
        ),
        (
            "a player without starter",
            edited(|doc| {
                doc["teams"]["away"]["squad"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("starter");
            }),
            "/teams/away/squad/0",
        ),
        (
            "a rating above ten",
            edited(|doc| doc["ratings"]["eng-kane"] = json!(11)),
            "/ratings/eng-kane",
        ),
        (
            "a rating written as a string other than n/a",
            edited(|doc| doc["ratings"]["eng-kane"] = json!("N/A")),
            "/ratings/eng-kane",
        ),
        (
            "a record tally that is not a count",
            edited(|doc| doc["context"]["records"][0]["before"] = json!(-1)),
            "/context/records/0/before",
        ),
        (
            "an unknown record count",
            edited(|doc| doc["context"]["records"][0]["counts"] = json!("caps")),
            "/context/records/0/counts",
        ),
        (
            "possession above 100 percent",
            edited(|doc| doc["stats"] = json!({"home": {"possession": 101}, "away": {}})),
            "/stats/home/possession",
        ),
        (
            "stats for one side only",
            edited(|doc| doc["stats"] = json!({"home": {"shots": 3}})),
            "/stats",
        ),
    ];

    let mut report = Vec::new();
    for (what, doc, path) in &cases {
        let found = errors(&validator, doc);
        if found.is_empty() {
            report.push(format!("{what}: accepted, but should be rejected"));
        } else if !found.iter().any(|(at, _)| at == path) {
            report.push(format!(
                "{what}: rejected, but no error names {path:?}:\n{}",
                show(&found)
            ));
        }
    }
    assert!(
        report.is_empty(),
        "the schema let these through or blamed the wrong place:\n\n{}",
        report.join("\n\n")
    );
}

// ---------------------------------------------------------------------------
// The schema against src/model.rs
// ---------------------------------------------------------------------------

/// A struct field as serde sees it.
#[derive(Debug)]
struct Field {
    /// The name in JSON (after `rename`).
    name: String,
    /// The Rust type as written.
    ty: String,
    /// True when `#[serde(default...)]` makes it optional.
    optional: bool,
}

/// The data types declared in `src/model.rs`.
#[derive(Debug, Default)]
struct Model {
    structs: BTreeMap<String, Vec<Field>>,
    /// Enums with `rename_all = "snake_case"`, by name: their JSON spellings.
    enums: BTreeMap<String, Vec<String>>,
}

fn serde_args(attr: &str) -> Vec<String> {
    let Some(inner) = attr
        .strip_prefix("#[serde(")
        .and_then(|rest| rest.strip_suffix(")]"))
    else {
        return Vec::new();
    };
    inner.split(',').map(|arg| arg.trim().to_string()).collect()
}

fn quoted_arg(attrs: &[String], key: &str) -> Option<String> {
    attrs.iter().flat_map(|a| serde_args(a)).find_map(|arg| {
        let (k, v) = arg.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn has_arg(attrs: &[String], key: &str) -> bool {
    attrs
        .iter()
        .flat_map(|a| serde_args(a))
        .any(|arg| arg == key || arg.split_once('=').is_some_and(|(k, _)| k.trim() == key))
}

/// serde's `rename_all = "snake_case"` for a variant name.
fn snake_case(variant: &str) -> String {
    let mut out = String::new();
    for (i, ch) in variant.char_indices() {
        if i > 0 && ch.is_uppercase() {
            out.push('_');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

/// Reads the struct and enum declarations of `src/model.rs` line by line.
/// The file keeps one attribute, field or variant per line, which is all
/// this needs.
fn parse_model(source: &str) -> Model {
    enum Body {
        None,
        Struct(String, Vec<Field>),
        Enum(String, bool, Vec<String>),
    }
    let mut model = Model::default();
    let mut attrs: Vec<String> = Vec::new();
    let mut body = Body::None;
    for line in source.lines().map(str::trim) {
        if line.starts_with("//") || line.is_empty() {
            continue;
        }
        if line.starts_with("#[") {
            attrs.push(line.to_string());
            continue;
        }
        let item_name = |rest: &str| -> String {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        match &mut body {
            Body::None => {
                if let Some(rest) = line.strip_prefix("pub struct ") {
                    if line.ends_with('{') {
                        body = Body::Struct(item_name(rest), Vec::new());
                    }
                } else if let Some(rest) = line.strip_prefix("pub enum ") {
                    let snake = quoted_arg(&attrs, "rename_all").as_deref() == Some("snake_case");
                    body = Body::Enum(item_name(rest), snake, Vec::new());
                }
                attrs.clear();
            }
            Body::Struct(name, fields) => {
                if line == "}" {
                    model
                        .structs
                        .insert(std::mem::take(name), std::mem::take(fields));
                    body = Body::None;
                } else if let Some((field, ty)) = line
                    .strip_prefix("pub ")
                    .and_then(|rest| rest.split_once(':'))
                {
                    fields.push(Field {
                        name: quoted_arg(&attrs, "rename").unwrap_or_else(|| field.to_string()),
                        ty: ty.trim().trim_end_matches(',').to_string(),
                        optional: has_arg(&attrs, "default"),
                    });
                }
                attrs.clear();
            }
            Body::Enum(name, snake, variants) => {
                if line == "}" {
                    if *snake {
                        model
                            .enums
                            .insert(std::mem::take(name), std::mem::take(variants));
                    }
                    body = Body::None;
                } else {
                    let variant = item_name(line);
                    variants
                        .push(quoted_arg(&attrs, "rename").unwrap_or_else(|| snake_case(&variant)));
                }
                attrs.clear();
            }
        }
    }
    model
}

/// What a Rust field type must look like in the schema, for the checks below.
fn check_type(ty: &str, prop: &Value) -> Result<(), String> {
    let ty = ty
        .strip_prefix("Option<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(ty);
    let max = match ty {
        "u8" => Some(u8::MAX as u64),
        "u16" => Some(u16::MAX as u64),
        "u32" => Some(u32::MAX as u64),
        _ => None,
    };
    let want = |key: &str, value: Value| -> Result<(), String> {
        if prop.get(key) == Some(&value) {
            Ok(())
        } else {
            Err(format!("{ty} wants \"{key}\": {value}"))
        }
    };
    if let Some(max) = max {
        want("type", json!("integer"))?;
        let lo = prop["minimum"].as_i64();
        let hi = prop["maximum"].as_u64();
        if lo.is_none_or(|lo| lo < 0) || hi.is_none_or(|hi| hi > max) {
            return Err(format!("{ty} wants a minimum >= 0 and a maximum <= {max}"));
        }
        return Ok(());
    }
    match ty {
        "String" => want("type", json!("string")),
        "bool" => want("type", json!("boolean")),
        "f32" | "f64" => want("type", json!("number")),
        t if t.starts_with("Vec<") => want("type", json!("array")),
        t if t.starts_with("BTreeMap<") => want("type", json!("object")),
        _ if prop.get("$ref").is_some() => Ok(()),
        _ => Err(format!("{ty} wants a \"$ref\"")),
    }
}

#[test]
fn schema_mirrors_model_rs() {
    let source = fs::read_to_string(root().join("src/model.rs")).expect("src/model.rs");
    let model = parse_model(&source);
    let schema = schema();
    let defs = schema["$defs"].as_object().expect("$defs");
    assert!(
        model.structs.contains_key("Match") && model.enums.contains_key("EventType"),
        "could not read the types in src/model.rs; has its layout changed?"
    );

    let mut report = Vec::new();
    for (name, fields) in &model.structs {
        // `Sides<T>` is generic: the schema spells it out as `Teams` and `Stats`.
        if name == "Sides" {
            for def in ["Teams", "Stats"] {
                let props: BTreeSet<&str> = defs[def]["properties"]
                    .as_object()
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let want: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                if props != want {
                    report.push(format!(
                        "$defs/{def} (Sides<T>): fields {props:?}, model {want:?}"
                    ));
                }
            }
            continue;
        }
        let (at, def) = if name == "Match" {
            ("the root".to_string(), &schema)
        } else if let Some(def) = defs.get(name) {
            (format!("$defs/{name}"), def)
        } else {
            report.push(format!("struct {name} has no $defs/{name}"));
            continue;
        };
        if def["additionalProperties"] != json!(false) {
            report.push(format!("{at}: additionalProperties must be false"));
        }
        let props = def["properties"].as_object().cloned().unwrap_or_default();
        let required: BTreeSet<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let model_names: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        for extra in props.keys().filter(|k| !model_names.contains(k.as_str())) {
            report.push(format!("{at}: property {extra:?} is not in struct {name}"));
        }
        for field in fields {
            let Some(prop) = props.get(&field.name) else {
                report.push(format!(
                    "{at}: struct {name} field {:?} is missing",
                    field.name
                ));
                continue;
            };
            if required.contains(field.name.as_str()) == field.optional {
                let should = if field.optional {
                    "optional"
                } else {
                    "required"
                };
                report.push(format!("{at}: {:?} should be {should}", field.name));
            }
            if prop["description"].as_str().is_none_or(str::is_empty) {
                report.push(format!("{at}: {:?} has no description", field.name));
            }
            if let Err(e) = check_type(&field.ty, prop) {
                report.push(format!("{at}: {:?}: {e}", field.name));
            }
        }
    }
    for (name, spellings) in &model.enums {
        let listed = defs
            .get(name)
            .and_then(|d| d["enum"].as_array())
            .map(|values| values.iter().filter_map(Value::as_str).collect::<Vec<_>>());
        match listed {
            None => report.push(format!("enum {name} has no $defs/{name} with an \"enum\"")),
            Some(listed) if listed != *spellings => report.push(format!(
                "$defs/{name}: schema lists {listed:?}, serde spells {spellings:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(
        report.is_empty(),
        "docs/match.schema.json has drifted from src/model.rs:\n  {}",
        report.join("\n  ")
    );
}
