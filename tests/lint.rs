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
