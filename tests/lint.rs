//! `beatwriter lint` on the shipped phrasebank and on a deliberately
//! broken one under tests/phrasebanks/broken: every fault is found, with
//! its file and line, and the exit code says so.

use std::process::Command;

fn lint(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .arg("lint")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn the_shipped_phrasebank_passes() {
    let (code, out) = lint(&[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 problems"), "{out}");
    assert!(
        out.contains("lead/opening/record_and_miss"),
        "coverage table lists messages:\n{out}"
    );
}

#[test]
fn every_fault_in_a_broken_phrasebank_is_reported_with_its_line() {
    let (code, out) = lint(&["tests/phrasebanks/broken"]);
    assert_eq!(code, 1, "{out}");
    let expect = [
        // An unclosed {{#if}}: handlebars reports it where the template ends.
        (
            "en/neutral/lead/grievance.hbs:",
            "template does not compile",
        ),
        // A misspelt helper, on the line it is written.
        ("en/neutral/lead/var.hbs:3:", "unknown helper \"nmae\""),
        // A misspelt slot, on the line and column it is written, with the
        // slots its message receives.
        (
            "en/neutral/lead/next_fixture.hbs:5:38:",
            "unknown slot `oponent` for lead/next_fixture; expected one of team, opponent, stage, weekday, date",
        ),
        (
            "en/neutral/highlight/goal.hbs:1:",
            "template does not compile",
        ),
        // Messages the code needs that this phrasebank lacks.
        (
            "neutral/lead/opening/record_and_miss.hbs",
            "has no neutral variant",
        ),
    ];
    for (place, what) in expect {
        assert!(
            out.lines()
                .any(|l| l.contains(": error: ") && l.contains(place) && l.contains(what)),
            "missing {place} {what}:\n{out}"
        );
    }
    assert!(
        out.lines()
            .any(|l| l.contains(": note: ") && l.contains("lead/goal/opner")),
        "a misspelt file name is noted:\n{out}"
    );
}

/// A copy of the shipped phrasebank with one template edited.
fn edited_phrasebank(name: &str, file: &str, from: &str, to: &str) -> std::path::PathBuf {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(std::path::Path::new("phrasebank"), &dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    dir
}

#[test]
fn lint_catches_an_unknown_lexicon_group_that_report_would_fail_on() {
    let dir = edited_phrasebank(
        "stag",
        "en/neutral/lead/next_fixture.hbs",
        "{{word \"stage\" stage}}",
        "{{word \"stag\" stage}}",
    );
    let (code, out) = lint(&[dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| l.contains("lead/next_fixture.hbs:")
            && l.contains(": error: lexicon.json has no group \"stag\"; expected one of")
            && l.contains("stage")),
        "{out}"
    );
}

#[test]
fn template_errors_quote_the_line_with_a_caret_and_no_grammar_or_debug_text() {
    // Compile errors, from lint.
    let (_, out) = lint(&["tests/phrasebanks/broken"]);
    let at = out
        .lines()
        .position(|l| l.contains("highlight/goal.hbs:1:64: error: template does not compile"))
        .expect(&out);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[at + 2].starts_with("1 | {{clock minute added}}"),
        "{out}"
    );
    assert_eq!(lines[at + 3].find('^'), Some("1 | ".len() + 63), "{out}");
    assert!(
        !out.contains("expected escape, expression"),
        "a grammar dump: {out}"
    );
    // A render error, from report: an unknown slot in one variant.
    let dir = edited_phrasebank(
        "oponent",
        "en/neutral/lead/next_fixture.hbs",
        "Next for {{teamname team}}",
        "Next for {{oponent}}",
    );
    let mut failures = 0;
    for seed in 0..8 {
        let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
            .args(["report", "--seed", &seed.to_string(), "--phrasebank"])
            .arg(&dir)
            .arg("fixtures/eng-fra-2022-wc-qf.json")
            .output()
            .unwrap();
        if out.status.success() {
            continue;
        }
        failures += 1;
        assert_eq!(out.status.code(), Some(3));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Some("), "Rust debug text: {stderr}");
        assert!(stderr.contains("unknown slot `oponent`"), "{stderr}");
        let quoted = stderr
            .lines()
            .find(|l| l.contains("| ") && l.contains("{{oponent}}"));
        let caret = stderr.lines().find(|l| l.trim_end().ends_with('^'));
        assert!(quoted.is_some() && caret.is_some(), "{stderr}");
        let (quoted, caret) = (quoted.unwrap(), caret.unwrap());
        assert_eq!(&quoted[caret.find('^').unwrap()..][..2], "{{", "{stderr}");
    }
    assert!(failures > 0, "no seed used the edited variant");
}

/// A condition over a claim-bearing slot is a problem at its line and
/// column, naming the claims to declare; wording conditions, side
/// comparisons with anything but the winner, and comments are not.
#[test]
fn a_condition_that_decides_a_claim_is_reported_with_the_claims_to_declare() {
    let (code, out) = lint(&["tests/phrasebanks/claim_conditions"]);
    assert_eq!(code, 1, "{out}");
    let file = "en/neutral/lead/opening/record_and_miss.hbs";
    let expect = [
        (
            "2:15:",
            "`record.status`",
            "`record_broken` / `record_not_broken`",
        ),
        ("4:1:", "`eliminated`", "`eliminated` / `not_eliminated`"),
        (
            "6:1:",
            "`hero_team = winner`",
            "`player_side_won` / `player_side_not_won`",
        ),
        ("9:1:", "`final`", "`is_final` / `not_final`"),
    ];
    let found: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("decides what is claimed"))
        .collect();
    for (place, slot, claims) in expect {
        assert!(
            found.iter().any(|l| l.contains(&format!("{file}:{place}"))
                && l.contains(slot)
                && l.contains(claims)),
            "missing {place} {slot}:\n{out}"
        );
    }
    // The comment's `{{#if draw}}`, `{{#if venue}}` and `(eq hero_team
    // home)` decide nothing.
    assert_eq!(found.len(), expect.len(), "{out}");
}

#[test]
fn the_shipped_phrasebank_decides_no_claim_in_its_text() {
    let (_, out) = lint(&[]);
    assert!(!out.contains("decides what is claimed"), "{out}");
}
