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

fn statsbomb(name: &str) -> String {
    format!("{}/data/statsbomb/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_writes_a_match_file_that_validates() {
    let out_file = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("barca-girona.json");
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args([
            "import",
            "statsbomb",
            "--events",
            &statsbomb("15986_events.json"),
            "--lineups",
            &statsbomb("15986_lineups.json"),
        ])
        .args([
            "--match",
            &statsbomb("15986_match.json"),
            "-o",
            out_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ok, stdout) = run(&["validate", out_file.to_str().unwrap()]);
    assert!(ok && stdout.contains("Barcelona v Girona"), "{stdout}");
}

#[test]
fn report_reads_a_statsbomb_feed_directly() {
    let (ok, stdout) = run(&[
        "report",
        "--statsbomb-events",
        &statsbomb("15986_events.json"),
        "--statsbomb-lineups",
        &statsbomb("15986_lineups.json"),
        "--statsbomb-match",
        &statsbomb("15986_match.json"),
    ]);
    assert!(ok, "{stdout}");
    assert!(stdout.starts_with("Barcelona 2-2 Girona\n"), "{stdout}");
    assert!(
        stdout.contains("Lenglet")
            && stdout.contains("Lionel Messi")
            && !stdout.contains("Cuccittini"),
        "{stdout}"
    );
}

#[test]
fn a_truncated_feed_is_a_clear_error() {
    let cut = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cut_events.json");
    let text = std::fs::read_to_string(statsbomb("15986_events.json")).unwrap();
    std::fs::write(&cut, &text[..5000]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args([
            "import",
            "statsbomb",
            "--events",
            cut.to_str().unwrap(),
            "--lineups",
            &statsbomb("15986_lineups.json"),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cut_events.json:") && stderr.contains("truncated"),
        "{stderr}"
    );
}
