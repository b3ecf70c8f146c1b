//! The command line as a user meets it: help that teaches, and the
//! `beats` listing.

use std::process::Command;

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in ["report", "validate", "beats"] {
        let (ok, help) = run(&[command, "--help"]);
        assert!(ok, "{command} --help failed");
        assert!(
            help.contains("Examples:") && help.contains(&format!("beatwriter {command} ")),
            "{command}:\n{help}"
        );
    }
}

#[test]
fn beats_lists_the_decisive_miss_with_its_evidence() {
    let (ok, stdout) = run(&["beats", "fixtures/eng-fra-2022-wc-qf.json"]);
    assert!(ok);
    let miss = stdout
        .lines()
        .find(|l| l.contains("decisive_penalty_miss"))
        .expect("a decisive miss");
    assert!(
        miss.contains("e09") && miss.contains("\"cost\":\"extra_time\""),
        "{miss}"
    );
}
