//! The command line as a user meets it: help that teaches, and the
//! `beats` listing.

mod common;

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
    common::assert_ran(&out);
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

/// Runs the command: exit code, stdout, stderr.
fn run_full(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn tmp(name: &str, text: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// A match file with a misspelt team id in one event: bad input.
fn bad_match() -> String {
    let text = std::fs::read_to_string("fixtures/eng-fra-2022-wc-qf.json").unwrap();
    tmp(
        "bad-team.json",
        &text.replacen("\"team\": \"fra\"", "\"team\": \"frx\"", 1),
    )
}

/// Every line of JSON diagnostics has the documented fields.
fn json_diagnostics(text: &str) -> Vec<serde_json::Value> {
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty(), "no diagnostics");
    for d in &lines {
        for field in [
            "file", "line", "column", "path", "code", "severity", "message", "expected",
        ] {
            assert!(d.get(field).is_some(), "{field} missing in {d}");
        }
        if let Some(c) = d["column"].as_u64() {
            assert!(c >= 1, "column 0 in {d}");
        }
    }
    lines
}

/// A text diagnostic: FILE:LINE:COLUMN: error: ...
fn starts_with_place(line: &str, file: &str) -> bool {
    let Some(rest) = line.strip_prefix(&format!("{file}:")) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let (l, c) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok_and(|c| c > 0)
}

#[test]
fn help_states_the_exit_codes() {
    for command in ["report", "validate", "check", "lint", "beats"] {
        let (_, help) = run(&[command, "--help"]);
        assert!(
            help.contains(
                "Exit codes: 0 success; 1 check or lint found problems; 2 bad input or usage;"
            ) && help.contains("3 a phrasebank or internal failure"),
            "{command}:\n{help}"
        );
    }
    let (_, help) = run(&["--help"]);
    assert!(help.contains("Exit codes:"), "{help}");
}

#[test]
fn validate_reports_bad_input_as_file_line_column_on_stderr_and_exits_2() {
    let bad = bad_match();
    let (code, stdout, stderr) = run_full(&["validate", &bad]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let line = stderr.lines().next().unwrap();
    assert!(starts_with_place(line, &bad), "{line}");
    assert!(line.contains(": error: at events[0].team: "), "{line}");
    let (code, _, stderr) = run_full(&["validate", "--message-format", "json", &bad]);
    assert_eq!(code, 2);
    let d = &json_diagnostics(&stderr)[0];
    assert_eq!(d["file"], bad.as_str());
    assert_eq!(d["path"], "events[0].team");
    assert_eq!(d["code"], "invalid");
    assert!(d["line"].as_u64().unwrap() > 1);
    assert!(d["expected"].as_str().unwrap().contains("eng"), "{d}");
}

#[test]
fn validate_takes_several_files_and_reports_each() {
    let bad = bad_match();
    let (code, stdout, stderr) = run_full(&[
        "validate",
        "fixtures/eng-fra-2022-wc-qf.json",
        &bad,
        "fixtures/ger-swe-2018-wc-group.json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok: ")).count(),
        2,
        "{stdout}"
    );
    assert!(stderr.contains(&bad), "{stderr}");
    let (code, _, _) = run_full(&[
        "validate",
        "fixtures/eng-fra-2022-wc-qf.json",
        "fixtures/ger-swe-2018-wc-group.json",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn report_exit_codes_2_for_bad_input_and_3_for_a_broken_phrasebank() {
    let (code, stdout, stderr) = run_full(&["report", &bad_match()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    let (code, _, stderr) = run_full(&[
        "report",
        "--message-format",
        "json",
        "--tone",
        "purple",
        "fixtures/eng-fra-2022-wc-qf.json",
    ]);
    assert_eq!(code, 2);
    let d = &json_diagnostics(&stderr)[0];
    assert_eq!(d["code"], "usage");
    assert!(d["expected"].as_str().unwrap().contains("neutral"), "{d}");
    let (code, _, stderr) = run_full(&[
        "report",
        "--phrasebank",
        "tests/phrasebanks/broken",
        "fixtures/eng-fra-2022-wc-qf.json",
    ]);
    assert_eq!(code, 3, "{stderr}");
    let (code, _, stderr) = run_full(&[
        "report",
        "--message-format",
        "json",
        "--phrasebank",
        "tests/phrasebanks/broken",
        "fixtures/eng-fra-2022-wc-qf.json",
    ]);
    assert_eq!(code, 3);
    assert!(
        json_diagnostics(&stderr)
            .iter()
            .all(|d| d["code"] == "phrasebank"),
        "{stderr}"
    );
}

#[test]
fn lint_findings_go_to_stdout_as_text_or_json_and_exit_1() {
    let (code, stdout, _) = run_full(&["lint", "tests/phrasebanks/broken"]);
    assert_eq!(code, 1);
    let first = stdout.lines().next().unwrap();
    let file = first.split(':').next().unwrap();
    assert!(
        starts_with_place(first, file) && first.contains(": error: "),
        "{first}"
    );
    let (code, stdout, _) = run_full(&[
        "lint",
        "--message-format",
        "json",
        "tests/phrasebanks/broken",
    ]);
    assert_eq!(code, 1);
    let all = json_diagnostics(&stdout);
    assert!(
        all.iter()
            .any(|d| d["severity"] == "error" && d["line"].is_u64())
    );
    assert!(all.iter().all(|d| d["code"] == "lint"));
    let (code, _, _) = run_full(&["lint", "--message-format", "json"]);
    assert_eq!(code, 0);
}

#[test]
fn check_findings_go_to_stdout_as_text_or_json_and_exit_1() {
    let (_, draft, _) = run_full(&["report", "fixtures/eng-fra-2022-wc-qf.json"]);
    let wrong = tmp(
        "wrong-minute.txt",
        &draft.replacen("on 17 minutes", "on 19 minutes", 1),
    );
    let line_no = draft
        .lines()
        .position(|l| l.contains("on 17 minutes"))
        .unwrap()
        + 1;
    let (code, stdout, stderr) = run_full(&[
        "check",
        &wrong,
        "--match",
        "fixtures/eng-fra-2022-wc-qf.json",
    ]);
    assert_eq!(code, 1, "{stderr}");
    let first = stdout.lines().next().unwrap();
    assert!(first.starts_with(&format!("{wrong}:{line_no}:")), "{first}");
    assert!(starts_with_place(first, &wrong), "{first}");
    let (code, stdout, _) = run_full(&[
        "check",
        "--message-format",
        "json",
        &wrong,
        "--match",
        "fixtures/eng-fra-2022-wc-qf.json",
    ]);
    assert_eq!(code, 1);
    let d = &json_diagnostics(&stdout)[0];
    assert_eq!(d["line"], line_no);
    assert_eq!(d["code"], "check/figure");
    let column = d["column"].as_u64().unwrap() as usize;
    let edited = std::fs::read_to_string(&wrong).unwrap();
    let line = edited.lines().nth(line_no - 1).unwrap();
    assert!(
        line[column - 1..].starts_with("19"),
        "column {column} of {line}"
    );
    assert!(d["expected"].as_str().unwrap().starts_with("17"), "{d}");
    let (code, _, stderr) = run_full(&[
        "check",
        "--message-format",
        "json",
        &wrong,
        "--match",
        &bad_match(),
    ]);
    assert_eq!(code, 2);
    json_diagnostics(&stderr);
}

#[test]
fn import_diagnostics_as_text_or_json_exit_2() {
    let cut = tmp("cut.json", "[{\"id\": \"a\"");
    for format in ["text", "json"] {
        let (code, stdout, stderr) = run_full(&[
            "import",
            "statsbomb",
            "--message-format",
            format,
            "--events",
            &cut,
            "--lineups",
            &statsbomb("15986_lineups.json"),
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty());
        if format == "json" {
            let d = &json_diagnostics(&stderr)[0];
            assert_eq!(d["file"], cut.as_str());
            assert_eq!(d["code"], "syntax");
        } else {
            assert!(
                starts_with_place(stderr.lines().next().unwrap(), &cut),
                "{stderr}"
            );
        }
    }
}

const ENG_FRA: &str = "fixtures/eng-fra-2022-wc-qf.json";

#[test]
fn report_writes_to_a_file_with_o() {
    let file = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-o.txt");
    let (code, stdout, _) = run_full(&["report", ENG_FRA, "-o", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty(), "{stdout}");
    let (_, direct, _) = run_full(&["report", ENG_FRA]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), direct);
}

#[test]
fn for_accepts_a_nickname_from_the_file() {
    let (code, by_nickname, stderr) = run_full(&["report", "--for", "Les Bleus", ENG_FRA]);
    assert_eq!(code, 0, "{stderr}");
    let (_, by_name, _) = run_full(&["report", "--for", "France", ENG_FRA]);
    assert_eq!(by_nickname, by_name);
    let (code, by_nickname, _) = run_full(&["report", "--for", "Three Lions", ENG_FRA]);
    assert_eq!(code, 0);
    let (_, by_name, _) = run_full(&["report", "--for", "England", ENG_FRA]);
    assert_eq!(by_nickname, by_name);
}

#[test]
fn for_accepts_home_and_away_as_round_does() {
    // The report's last line repeats the options as given: compare the rest.
    let body = |s: &str| s.trim_end().rsplit_once('\n').map(|(b, _)| b.to_string());
    for (side, team) in [("home", "England"), ("AWAY", "France")] {
        let (code, by_side, stderr) = run_full(&["report", "--for", side, ENG_FRA]);
        assert_eq!(code, 0, "{stderr}");
        let (_, by_name, _) = run_full(&["report", "--for", team, ENG_FRA]);
        assert_eq!(body(&by_side), body(&by_name), "--for {side}");
    }
    let (code, _, stderr) = run_full(&["report", "--for", "Spain", ENG_FRA]);
    assert_eq!(code, 2);
    assert!(stderr.contains("home or away"), "{stderr}");
}

#[test]
fn context_merges_into_a_native_file() {
    let context = tmp(
        "context.json",
        r#"{"key_stats": ["England had lost only one of their previous eight World Cup knockout matches in normal time."]}"#,
    );
    let (code, stdout, stderr) = run_full(&["report", ENG_FRA, "--context", &context]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("previous eight World Cup knockout"),
        "{stdout}"
    );
    // The rest of the context stays: the records are still reported.
    assert!(stdout.contains("53 goals"), "{stdout}");
    let bad = tmp("bad-context.json", r#"{"focus_players": ["nobody"]}"#);
    let (code, _, stderr) = run_full(&["report", ENG_FRA, "--context", &bad]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bad-context.json"), "{stderr}");
}

#[test]
fn quiet_silences_warnings_but_not_errors() {
    let (code, _, stderr) = run_full(&["report", ENG_FRA, "--section", "ratings", "--seed", "5"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("warning:") && stderr.contains("same text") && stderr.contains("ratings"),
        "a re-roll that changed nothing says so: {stderr}"
    );
    let (code, _, stderr) = run_full(&[
        "report",
        ENG_FRA,
        "--section",
        "ratings",
        "--seed",
        "5",
        "--quiet",
    ]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "{stderr}");
    let (code, _, stderr) = run_full(&["report", "--quiet", "no/such.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such.json"));
    let (code, stdout, _) = run_full(&["validate", "--quiet", ENG_FRA]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
}

#[test]
fn a_reroll_that_changed_the_text_says_nothing() {
    let (_, default, _) = run_full(&["report", ENG_FRA]);
    let (_, stdout, stderr) = run_full(&["report", ENG_FRA, "--section", "lead", "--seed", "3"]);
    let body = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("-- "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_ne!(body(&stdout), body(&default), "seed 3 rewrites the lead");
    assert!(!stderr.contains("same text"), "{stderr}");
}

#[test]
fn beats_json_says_which_beats_were_used() {
    let (code, stdout, _) = run_full(&["beats", "--json", ENG_FRA]);
    assert_eq!(code, 0);
    let beats: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let (_, table, _) = run_full(&["beats", ENG_FRA]);
    for b in &beats {
        let row = table
            .lines()
            .find(|l| l.split_whitespace().next() == b["id"].as_str())
            .unwrap();
        let used = row.split_whitespace().nth(1) == Some("yes");
        assert_eq!(b["used"], used, "{row}");
    }
    assert!(beats.iter().any(|b| b["used"] == true) && beats.iter().any(|b| b["used"] == false));
}

#[test]
fn variants_in_json_are_an_array_and_in_markdown_are_ruled_apart() {
    let (code, stdout, stderr) = run_full(&[
        "report",
        ENG_FRA,
        "--variants",
        "3",
        "--seed",
        "4",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let drafts: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let seeds: Vec<u64> = drafts
        .iter()
        .map(|d| d["options"]["seed"].as_u64().unwrap())
        .collect();
    assert_eq!(seeds, vec![4, 5, 6]);
    let (_, stdout, _) = run_full(&["report", ENG_FRA, "--variants", "2", "--format", "markdown"]);
    let parts: Vec<&str> = stdout.split("\n---\n\n").collect();
    assert_eq!(parts.len(), 2, "{stdout}");
    assert!(
        parts.iter().all(|p| p.starts_with("# England 1-2 France")),
        "{stdout}"
    );
}

#[test]
fn completions_and_a_man_page_come_from_the_definitions() {
    let (code, bash, _) = run_full(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(
        bash.contains("beatwriter")
            && bash.contains("--message-format")
            && bash.contains("--statsbomb-events")
    );
    let (code, zsh, _) = run_full(&["completions", "zsh"]);
    assert_eq!(code, 0);
    assert!(zsh.contains("#compdef beatwriter"));
    let (code, man, _) = run_full(&["manpage"]);
    assert_eq!(code, 0);
    assert!(
        man.contains(".TH beatwriter") && man.contains("report"),
        "{man}"
    );
}

#[test]
fn every_output_from_statsbomb_data_credits_statsbomb() {
    let feed = [
        "--statsbomb-events".to_string(),
        statsbomb("15986_events.json"),
        "--statsbomb-lineups".to_string(),
        statsbomb("15986_lineups.json"),
        "--statsbomb-match".to_string(),
        statsbomb("15986_match.json"),
    ];
    let report = |format: &str| {
        let mut args = vec!["report", "--format", format];
        args.extend(feed.iter().map(String::as_str));
        let (code, stdout, stderr) = run_full(&args);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    let text = report("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[lines.len() - 3], "Data: StatsBomb", "{text}");
    assert!(report("markdown").contains("\nData: StatsBomb\n"));
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(json["data_credit"], "Data: StatsBomb");
    assert!(report("html").contains("<p class=\"credit\">Data: StatsBomb</p>"));
    // A desk's own match file has no credit line.
    let (_, native, _) = run_full(&["report", ENG_FRA]);
    assert!(!native.contains("Data: StatsBomb"));
    let (_, native, _) = run_full(&["report", "--format", "json", ENG_FRA]);
    assert!(native.contains("\"data_credit\": null"));
}

#[test]
fn an_imported_match_keeps_the_providers_ids() {
    let (code, stdout, stderr) = run_full(&[
        "import",
        "statsbomb",
        "--events",
        &statsbomb("15986_events.json"),
        "--lineups",
        &statsbomb("15986_lineups.json"),
        "--match",
        &statsbomb("15986_match.json"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let m: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let p = &m["provider"];
    assert_eq!(p["name"], "StatsBomb");
    assert_eq!(p["credit"], "Data: StatsBomb");
    assert_eq!(p["match_id"], "15986");
    // Barcelona is StatsBomb team 217, Messi player 5503 in the open data.
    assert_eq!(p["teams"]["barcelona"], "217");
    assert_eq!(p["players"]["barcelona-lionel-messi"], "5503");
    let events = m["events"].as_array().unwrap();
    assert_eq!(p["events"].as_object().unwrap().len(), events.len());
    // Each event's provider id is an event of the feed.
    let feed = std::fs::read_to_string(statsbomb("15986_events.json")).unwrap();
    for e in events {
        let uuid = p["events"][e["id"].as_str().unwrap()].as_str().unwrap();
        assert!(feed.contains(&format!("\"{uuid}\"")), "{uuid}");
    }
    let squads = ["home", "away"].map(|s| m["teams"][s]["squad"].as_array().unwrap().len());
    assert_eq!(
        p["players"].as_object().unwrap().len(),
        squads[0] + squads[1]
    );
}

#[test]
fn the_readme_covers_import_feeds_context_exit_codes_and_the_sidecar() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for needed in [
        "import statsbomb",
        "--statsbomb-events",
        "--context",
        "--lenient",
        "| 3 | a phrasebank or internal failure |",
        "--message-format json",
        "--provenance",
        "Data: StatsBomb",
        "keeps\nStatsBomb's licence",
    ] {
        assert!(readme.contains(needed), "README lacks {needed:?}");
    }
    // The first screen keeps exactly its two set-up commands.
    let setup = readme
        .split("## Set up on a new machine")
        .nth(1)
        .unwrap()
        .split("```")
        .nth(1)
        .unwrap();
    let commands: Vec<&str> = setup
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(commands.len(), 2, "{setup}");
    assert!(
        commands[0].starts_with("cargo run --release -- report")
            && commands[1].starts_with("cargo test")
    );
}
