//! `beatwriter check` on real edits of a generated report: each of ten
//! deliberate factual edits is flagged on its line; the unedited draft and
//! harmless rewording pass.

mod common;

use beatwriter::check::{Finding, check};
use beatwriter::{Options, output};

fn draft() -> String {
    let m = common::load(common::FIXTURES[0]);
    output::text(&common::write(&m, &Options::default()))
}

fn findings(text: &str) -> Vec<Finding> {
    let m = common::load(common::FIXTURES[0]);
    check(text, &m, common::bank()).unwrap()
}

/// The draft with exactly one occurrence of `from` replaced.
fn edited(from: &str, to: &str) -> (String, usize) {
    let text = draft();
    assert_eq!(
        text.matches(from).count(),
        1,
        "edit target must be unique: {from}"
    );
    let line = text[..text.find(from).unwrap()].matches('\n').count() + 1;
    (text.replacen(from, to, 1), line)
}

/// The draft with `from` replaced inside the line that starts with
/// `start` (a highlight's minute), whatever wording the line has.
fn edited_in_line(start: &str, from: &str, to: &str) -> (String, usize) {
    let text = draft();
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with(start))
        .expect("the line exists");
    assert!(line.contains(from), "{from} not in {line}");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[index] = line.replacen(from, to, 1);
    (lines.join("\n") + "\n", index + 1)
}

#[test]
fn the_unedited_draft_is_clean() {
    assert_eq!(findings(&draft()), vec![]);
}

#[test]
fn harmless_rewording_passes() {
    let text = draft()
        .replacen(
            "broke the deadlock for Les Bleus",
            "opened the scoring for Les Bleus",
            1,
        )
        .replacen(
            "The decisive goal for Les Bleus arrived",
            "The winner for Les Bleus came",
            1,
        )
        .replacen("England are out.", "So England are out.", 1);
    assert_ne!(text, draft(), "the rewording must apply");
    assert_eq!(findings(&text), vec![]);
}

/// Each deliberate edit: what it is, the text changed, the new text, and
/// what the finding must mention.
const EDITS: &[(&str, &str, &str, &str)] = &[
    (
        "wrong minute",
        "on 17 minutes from 25 yards",
        "on 19 minutes from 25 yards",
        "\"19\"",
    ),
    (
        "wrong distance",
        "on 17 minutes from 25 yards",
        "on 17 minutes from 30 yards",
        "\"30\"",
    ),
    (
        "wrong score",
        "78' – GOAL! – England 1-2 France.",
        "78' – GOAL! – England 2-2 France.",
        "\"2-2\"",
    ),
    (
        "wrong team",
        "Morocco are France's next opponents",
        "Morocco are England's next opponents",
        "England",
    ),
    (
        "wrong opponent",
        "Morocco are France's next opponents",
        "Portugal are France's next opponents",
        "Portugal",
    ),
    (
        "wrong record figure",
        "Harry Kane now has 53 goals",
        "Harry Kane now has 54 goals",
        "\"54\"",
    ),
    ("wrong rating", "Bellingham 7", "Bellingham 9", "\"9\""),
    (
        "wrong highlight minute",
        "84' – ENGLAND PENALTY MISS!",
        "86' – ENGLAND PENALTY MISS!",
        "\"86\"",
    ),
];

/// The edited draft has a finding on `line` that mentions `mention`.
fn assert_flagged(what: &str, text: &str, line: usize, mention: &str) {
    let found = findings(text);
    assert!(
        found
            .iter()
            .any(|f| f.line == line && f.problem.contains(mention)),
        "{what}: expected a finding on line {line} mentioning {mention}, got {found:#?}"
    );
}

#[test]
fn every_deliberate_edit_is_flagged_on_its_line() {
    for (what, from, to, mention) in EDITS {
        let (text, line) = edited(from, to);
        assert_flagged(what, &text, line, mention);
    }
}

/// Edits inside the 78th-minute highlight, whichever wording it has.
#[test]
fn a_swapped_scorer_and_an_invented_player_are_flagged() {
    for (what, from, to, mention) in [
        ("swapped scorer", "Giroud", "Mbappe", "Mbappe"),
        ("invented player", "Griezmann", "Pogba", "Pogba"),
    ] {
        let (text, line) = edited_in_line("78'", from, to);
        assert_flagged(what, &text, line, mention);
    }
}

#[test]
fn a_finding_says_what_the_data_holds() {
    let (text, _) = edited("on 17 minutes from 25 yards", "on 19 minutes from 25 yards");
    let found = findings(&text);
    assert!(found[0].data_says.starts_with("17"), "{found:#?}");
}

#[test]
fn new_copy_is_checked_against_the_data() {
    let text = draft().replacen(
        "Talking Point\n",
        "Talking Point\n\nThe crowd of 68,895 saw Pele in the stands.\n",
        1,
    );
    let found = findings(&text);
    assert!(found.iter().any(|f| f.problem.contains("68")), "{found:#?}");
    assert!(
        found.iter().any(|f| f.problem.contains("Pele")),
        "{found:#?}"
    );
}

#[test]
fn the_command_exits_1_on_a_wrong_fact_and_0_when_clean() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("check");
    std::fs::create_dir_all(&dir).unwrap();
    let clean = dir.join("clean.txt");
    let wrong = dir.join("wrong.txt");
    std::fs::write(&clean, draft()).unwrap();
    std::fs::write(&wrong, edited("Bellingham 7", "Bellingham 9").0).unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_beatwriter"))
            .args([
                "check",
                file.to_str().unwrap(),
                "--match",
                common::FIXTURES[0],
            ])
            .output()
            .unwrap()
    };
    assert_eq!(run(&clean).status.code(), Some(0));
    let out = run(&wrong);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("wrong.txt:") && stdout.contains("the data says 7"),
        "{stdout}"
    );
}
