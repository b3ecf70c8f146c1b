//! Bad input never panics and never yields a report: each case here breaks
//! the England-France fixture in one way and checks the error names the
//! file, the JSON path, a line:column and what was expected, with exit 2.

use std::path::PathBuf;
use std::process::{Command, Output};

const FIXTURE: &str = include_str!("../fixtures/eng-fra-2022-wc-qf.json");

/// Writes `text` to a scratch file and runs `beatwriter <command> FILE`.
fn run_on(name: &str, text: &str, command: &str) -> (PathBuf, Output) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad_input");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .arg(command)
        .arg(&path)
        .output()
        .unwrap();
    (path, output)
}

/// Replaces exactly one occurrence, so each case breaks what it says.
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        FIXTURE.matches(from).count(),
        1,
        "edit target must be unique: {from}"
    );
    FIXTURE.replacen(from, to, 1)
}

/// The 1-based line and column where `needle` starts in the edited text.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    line_col_at(text, text.find(needle).expect("needle present"))
}

/// The 1-based line and column of a byte offset.
fn line_col_at(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// Asserts the common contract and returns stderr for specific checks.
fn rejects(name: &str, text: &str, path: &str, expected: &str) -> String {
    for command in ["report", "validate"] {
        let (file, out) = run_on(name, text, command);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{command} exit code; stderr:\n{stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "{command} printed a report despite bad input"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains(&file.display().to_string()),
            "names the file:\n{stderr}"
        );
        assert!(stderr.contains(path), "names the path {path}:\n{stderr}");
        assert!(
            stderr.contains(expected),
            "says what was expected ({expected}):\n{stderr}"
        );
    }
    run_on(name, text, "validate")
        .1
        .stderr
        .iter()
        .map(|&b| b as char)
        .collect()
}

fn assert_position(stderr: &str, line: usize, col: usize) {
    assert!(
        stderr.contains(&format!(":{line}:{col}: ")),
        "expected position {line}:{col} in:\n{stderr}"
    );
}

#[test]
fn invalid_json() {
    let text = edit("\"season\": \"2022\",", "\"season\": \"2022\"");
    let stderr = rejects(
        "invalid.json",
        &text,
        "",
        "invalid JSON: expected `,` or `}`",
    );
    let (line, _) = position_of(&text, "\"stage\"");
    assert!(stderr.contains(&format!(":{line}:")), "{stderr}");
}

#[test]
fn missing_required_field() {
    let text = edit("\n          \"display\": \"Kane\",", "");
    let stderr = rejects(
        "missing.json",
        &text,
        "teams.home.squad[8]",
        "missing field `display`",
    );
    // serde notices at the end of Kane's entry: the brace that closes it.
    let kane = text.find("\"eng-kane\"").unwrap();
    let close = kane + text[kane..].find('}').unwrap();
    let (line, col) = line_col_at(&text, close);
    assert_position(&stderr, line, col);
}

#[test]
fn wrong_type() {
    let text = edit("\"minute\": 54,", "\"minute\": \"54\",");
    let stderr = rejects(
        "wrong_type.json",
        &text,
        "events[4].minute",
        "expected a whole minute (1 to 120)",
    );
    assert!(!stderr.contains("u16"), "no Rust type names:\n{stderr}");
    let (line, _) = position_of(&text, "\"minute\": \"54\"");
    assert!(stderr.contains(&format!(":{line}:")), "{stderr}");
}

#[test]
fn unknown_field_is_not_ignored() {
    let text = edit(
        "\"distance_yards\": 25,\n      \"placement\"",
        "\"distance_yds\": 25,\n      \"placement\"",
    );
    let stderr = rejects(
        "unknown_field.json",
        &text,
        "events[0].distance_yds",
        "unknown field `distance_yds`, expected one of",
    );
    let (line, _) = position_of(&text, "\"distance_yds\"");
    assert!(stderr.contains(&format!(":{line}:")), "{stderr}");
}

#[test]
fn unknown_event_type() {
    let text = edit("\"type\": \"appeal\"", "\"type\": \"apeal\"");
    let stderr = rejects(
        "unknown_type.json",
        &text,
        "events[1].type",
        "unknown value `apeal`, expected one of",
    );
    let (line, _) = position_of(&text, "\"apeal\"");
    assert!(stderr.contains(&format!(":{line}:")), "{stderr}");
}

#[test]
fn player_not_in_either_squad() {
    let text = edit(
        "\"player\": \"fra-giroud\",\n      \"body",
        "\"player\": \"fra-girou\",\n      \"body",
    );
    let stderr = rejects(
        "unknown_player.json",
        &text,
        "events[7].player",
        "not in either squad; expected the id of a player",
    );
    let (line, col) = position_of(&text, "\"fra-girou\"");
    assert_position(&stderr, line, col);
}

#[test]
fn minute_outside_its_period() {
    let text = edit(
        "\"period\": 1,\n      \"minute\": 33",
        "\"period\": 1,\n      \"minute\": 63",
    );
    let stderr = rejects(
        "minute.json",
        &text,
        "events[2].minute",
        "minute 63 is outside period 1; expected 1 to 45",
    );
    let (line, col) = position_of(&text, "63");
    assert_position(&stderr, line, col);
}

#[test]
fn final_score_disagrees_with_goals() {
    let text = edit(
        "\"full_time\": {\n      \"home\": 1,",
        "\"full_time\": {\n      \"home\": 2,",
    );
    let stderr = rejects(
        "score.json",
        &text,
        "result.full_time",
        "the score says 2-2 but the goals in normal time make it 1-2",
    );
    let (line, col) = position_of(&text, "{\n      \"home\": 2,");
    assert_position(&stderr, line, col);
}

#[test]
fn duplicate_event_ids() {
    let text = edit("\"id\": \"e02\"", "\"id\": \"e01\"");
    let stderr = rejects(
        "duplicate.json",
        &text,
        "events[1].id",
        "event id \"e01\" is already used by events[0]; expected unique ids",
    );
    let second = text.match_indices("\"id\": \"e01\"").nth(1).unwrap().0;
    let (line, col) = line_col_at(&text, second + "\"id\": ".len());
    assert_position(&stderr, line, col);
}

#[test]
fn events_out_of_order() {
    let text = edit(
        "\"period\": 2,\n      \"minute\": 70",
        "\"period\": 2,\n      \"minute\": 50",
    );
    let stderr = rejects(
        "order.json",
        &text,
        "events[5].minute",
        "comes before the one listed above it (period 2, 54'); expected events in match order",
    );
    let (line, col) = position_of(&text, "50");
    assert_position(&stderr, line, col);
}

#[test]
fn several_problems_are_all_reported() {
    let text = edit(
        "\"player\": \"fra-giroud\",\n      \"body",
        "\"player\": \"fra-girou\",\n      \"body",
    )
    .replacen("\"id\": \"e02\"", "\"id\": \"e01\"", 1);
    let (_, out) = run_on("several.json", &text, "validate");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("events[7].player"), "{stderr}");
    assert!(stderr.contains("events[1].id"), "{stderr}");
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args(["report", "no/such/match.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("no/such/match.json: cannot read the file"),
        "{stderr}"
    );
}

#[test]
fn stdin_is_read_for_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(FIXTURE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: -: England v France"));
}

#[test]
fn record_tally_above_the_record_is_rejected() {
    let text = edit(
        "\"before\": 52,\n        \"record\": 53",
        "\"before\": 54,\n        \"record\": 53",
    );
    let stderr = rejects(
        "record.json",
        &text,
        "context.records[0].before",
        "expected \"record\" to be at least \"before\"",
    );
    let (line, col) = position_of(&text, "54,\n        \"record\": 53");
    assert_position(&stderr, line, col);
}

#[test]
fn a_quarter_final_level_after_ninety_minutes_is_bad_input_not_a_report_failure() {
    // Giroud's winner removed and the score made 1-1: no extra time, no
    // shoot-out, no winner. This used to validate, then fail in a template.
    let text = edit(
        "\"full_time\": {\n      \"home\": 1,\n      \"away\": 2\n    },",
        "\"full_time\": {\n      \"home\": 1,\n      \"away\": 1\n    },",
    )
    .replacen(
        "},\n    \"winner\": \"away\",\n    \"decided_by\": \"normal_time\"",
        "}",
        1,
    )
    .replacen(
        "\"type\": \"goal\",\n      \"player\": \"fra-giroud\"",
        "\"type\": \"chance\",\n      \"player\": \"fra-giroud\"",
        1,
    );
    rejects(
        "level-qf.json",
        &text,
        "result",
        "a quarter final match that ends level (1-1) with no winner",
    );
}
