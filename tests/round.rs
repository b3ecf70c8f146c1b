//! `beatwriter round`: many matches in one process, one report each, a bad
//! match reported without stopping the others, openings kept apart.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn beatwriter(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// A fresh directory under the target dir, for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON objects printed one a line.
fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn a_bad_match_is_reported_and_the_others_are_written() {
    let input = scratch("round-bad-input");
    for f in ["eng-fra-2022-wc-qf.json", "ger-swe-2018-wc-group.json"] {
        std::fs::copy(Path::new("fixtures").join(f), input.join(f)).unwrap();
    }
    std::fs::write(
        input.join("broken.json"),
        "{\"schema\": \"beatwriter/1\",\n  \"teams\": 3}",
    )
    .unwrap();
    let out_dir = scratch("round-bad-output");
    let out = beatwriter(
        &[
            "round",
            input.to_str().unwrap(),
            "--seeds",
            "3",
            "-o",
            out_dir.to_str().unwrap(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    written.sort();
    assert_eq!(written.len(), 6, "{written:?}");
    assert!(written.contains(&"eng-fra-2022-wc-qf-neutral-2023.txt".to_string()));
    let text =
        std::fs::read_to_string(out_dir.join("ger-swe-2018-wc-group-neutral-2022.txt")).unwrap();
    assert!(text.starts_with("Germany 2-1 Sweden\n"), "{text}");
    // The failure names the file, the line:column and the JSON path.
    assert!(stderr.contains("broken.json:2:"), "{stderr}");
    assert!(stderr.contains("at teams"), "{stderr}");
    assert!(stderr.contains("6 written, 1 failed"), "{stderr}");
}

#[test]
fn a_report_in_a_round_is_the_report_the_report_command_writes() {
    let fixture = "fixtures/eng-sco-2021-euro-group.json";
    let round = beatwriter(&["round", fixture, "--seed", "9", "--no-variety"], None);
    assert!(
        round.status.success(),
        "{}",
        String::from_utf8_lossy(&round.stderr)
    );
    let single = beatwriter(&["report", fixture, "--seed", "9"], None);
    let lines = lines(&round);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], fixture);
    assert_eq!(lines[0]["seed"], 9);
    assert_eq!(
        lines[0]["report"].as_str().unwrap(),
        String::from_utf8_lossy(&single.stdout)
    );
}

#[test]
fn json_lines_on_stdin_mix_native_matches_and_statsbomb_triples() {
    let native: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("fixtures/ger-swe-2018-wc-group.json").unwrap(),
    )
    .unwrap();
    let stdin = format!(
        "{}\n{}\nnot a match\n",
        serde_json::to_string(&native).unwrap(),
        r#"{"events": "data/statsbomb/15986_events.json", "lineups": "data/statsbomb/15986_lineups.json", "match": "data/statsbomb/15986_match.json"}"#
    );
    let out = beatwriter(&["round", "-", "--format", "json"], Some(&stdin));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(lines[0]["source"], "stdin:1");
    assert_eq!(lines[0]["report"]["title"], "Germany 2-1 Sweden");
    assert_eq!(lines[1]["source"], "data/statsbomb/15986_events.json");
    assert!(lines[1]["report"]["sections"].is_array());
    assert!(stderr.contains("stdin:3: error: invalid JSON"), "{stderr}");
}

#[test]
fn openings_are_all_used_before_any_repeats_and_jobs_do_not_change_output() {
    let args = |jobs: &'static str| {
        vec![
            "round",
            "fixtures/eng-fra-2022-wc-qf.json",
            "fixtures/arg-fra-2022-wc-final.json",
            "--seeds",
            "8",
            "--jobs",
            jobs,
        ]
    };
    let one = beatwriter(&args("1"), None);
    let two = beatwriter(&args("2"), None);
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(one.stdout, two.stdout, "--jobs changed the round");
    let lines = lines(&one);
    assert_eq!(lines.len(), 16);
    for chunk in lines.chunks(8) {
        let openings: Vec<&str> = chunk
            .iter()
            .map(|l| l["opening"].as_str().unwrap())
            .collect();
        let message = openings[0].rsplit_once('#').unwrap().0;
        let (tone, message) = message.split_once(':').unwrap();
        let bank = beatwriter::phrasebank::Phrasebank::builtin("en").unwrap();
        let all = bank.variants_exact(tone, message);
        // The variants this match can open with: those whose claims hold
        // and claim as much as any. The claims of the openings chosen hold
        // (every sentence's claims are checked elsewhere), so a variant
        // declaring only those, and as specific as the chosen, was on offer.
        let chosen: Vec<&beatwriter::phrasebank::Variant> = openings
            .iter()
            .map(|o| all.iter().find(|v| v.id() == *o).expect(o))
            .collect();
        let holding: std::collections::HashSet<&String> =
            chosen.iter().flat_map(|v| &v.claims).collect();
        let specific = beatwriter::claims::specificity(&chosen[0].claims);
        let variants = all
            .iter()
            .filter(|v| v.claims.iter().all(|c| holding.contains(c)))
            .filter(|v| beatwriter::claims::specificity(&v.claims) == specific)
            .count();
        assert!(
            variants > 1 && variants < 8,
            "{message} offers {variants} variants"
        );
        // Each run of `variants` reports opens with every variant once.
        for window in openings.chunks(variants).filter(|w| w.len() == variants) {
            let distinct: std::collections::HashSet<_> = window.iter().collect();
            assert_eq!(distinct.len(), variants, "{openings:?}");
        }
    }
}

#[test]
fn without_variety_openings_repeat_as_single_reports_do() {
    // The control for the test above: the same seeds written one by one
    // repeat an opening, so the round's spread is its own doing.
    let out = beatwriter(
        &[
            "round",
            "fixtures/eng-fra-2022-wc-qf.json",
            "--seeds",
            "8",
            "--no-variety",
        ],
        None,
    );
    let openings: Vec<String> = lines(&out)
        .iter()
        .map(|l| l["opening"].as_str().unwrap().to_string())
        .collect();
    let distinct: std::collections::HashSet<_> = openings[..4].iter().collect();
    assert!(distinct.len() < 4, "{openings:?}");
}

#[test]
fn openings_file_counts_the_lead_variants() {
    let dir = scratch("round-openings");
    let path = dir.join("openings.json");
    let out = beatwriter(
        &[
            "round",
            "fixtures/ger-swe-2018-wc-group.json",
            "--seeds",
            "4",
            "--tone",
            "neutral",
            "--tone",
            "dramatic",
            "--openings",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let openings: std::collections::BTreeMap<String, usize> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(openings.values().sum::<usize>(), 8);
    assert!(
        openings.keys().any(|k| k.starts_with("dramatic:")),
        "{openings:?}"
    );
}

#[test]
fn an_unknown_tone_is_a_usage_error() {
    let out = beatwriter(&["round", "fixtures/", "--tone", "purple"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no tone called \"purple\""));
}
