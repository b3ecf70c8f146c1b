//! Limits on every input and output: sizes, hostile characters, write
//! failures, files that would overwrite an input, desk thresholds and
//! desk phrasebanks that could crash or escape their folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = include_str!("../fixtures/eng-fra-2022-wc-qf.json");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_beatwriter"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("limits");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn a_write_error_is_an_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = bin()
        .args(["report", "fixtures/eng-fra-2022-wc-qf.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write the output"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_endless_input_is_refused_at_the_limit() {
    let err = beatwriter::input::read_at_most(std::io::repeat(b' '), 1000).unwrap_err();
    assert!(err.to_string().contains("larger than 1000 bytes"), "{err}");
    assert_eq!(
        beatwriter::input::read_at_most(&b"{}"[..], 2).unwrap(),
        "{}"
    );
    if Path::new("/dev/zero").exists() {
        let out = bin().args(["validate", "/dev/zero"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("the most beatwriter reads"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn import_will_not_overwrite_its_input() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/statsbomb");
    let match_file = scratch("7298_match.json");
    std::fs::copy(data.join("7298_match.json"), &match_file).unwrap();
    let before = std::fs::read(&match_file).unwrap();
    let out = bin()
        .args(["import", "statsbomb", "--events"])
        .arg(data.join("7298_events.json.gz"))
        .arg("--lineups")
        .arg(data.join("7298_lineups.json.gz"))
        .arg("--match")
        .arg(&match_file)
        .arg("-o")
        .arg(&match_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is also an input"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&match_file).unwrap(),
        before,
        "input untouched"
    );
}

fn thresholds_with(edit: impl Fn(&mut serde_json::Value)) -> beatwriter::Error {
    let mut t: serde_json::Value =
        serde_json::from_str(include_str!("../rules/thresholds.json")).unwrap();
    edit(&mut t);
    let text = serde_json::to_string_pretty(&t).unwrap();
    beatwriter::beats::Thresholds::parse("t.json", &text).unwrap_err()
}

/// An edit to the thresholds JSON.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

#[test]
fn thresholds_are_range_checked() {
    let cases: [(&str, Edit, &str); 4] = [
        (
            "salience.goal",
            Box::new(|t| t["salience"]["goal"] = serde_json::json!(-5.0)),
            "-5 is out of range; expected a number from 0 to 1000",
        ),
        (
            "grievance_min_rejected",
            Box::new(|t| t["grievance_min_rejected"] = serde_json::json!(0)),
            "0 is out of range; expected a whole number from 1 to 100",
        ),
        (
            "record_weight.goals",
            // Too big for an f32: it would be read as infinity.
            Box::new(|t| t["record_weight"]["goals"] = serde_json::json!(1e39)),
            "out of range",
        ),
        (
            "big_chance_xg",
            Box::new(|t| t["big_chance_xg"] = serde_json::json!(3.5)),
            "expected a number from 0.01 to 1",
        ),
    ];
    for (path, edit, needle) in cases {
        let err = thresholds_with(edit);
        let d = &err.diagnostics[0];
        assert_eq!(d.path, path, "{err}");
        assert!(d.message.contains(needle), "{err}");
        assert!(d.position.is_some(), "{err}");
    }
}

#[test]
fn a_thresholds_type_error_names_its_path_once() {
    let err = thresholds_with(|t| t["salience"]["goal"] = serde_json::json!("high"));
    let text = err.to_string();
    assert_eq!(err.diagnostics[0].path, "salience.goal", "{text}");
    assert_eq!(text.matches("salience.goal").count(), 1, "{text}");
    assert!(
        !text.contains(" at line "),
        "the position is given once, up front: {text}"
    );
}

/// A copy of the built-in phrasebank to break.
fn phrasebank_copy(name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = scratch(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("phrasebank"),
        &dir,
    );
    dir
}

fn lint_and_report(dir: &Path) -> (Output, Output) {
    let lint = bin().arg("lint").arg(dir).output().unwrap();
    let report = bin()
        .args(["report", "--phrasebank"])
        .arg(dir)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eng-fra-2022-wc-qf.json"))
        .output()
        .unwrap();
    (lint, report)
}

#[cfg(unix)]
#[test]
fn phrasebank_files_must_be_regular_files_inside_the_folder() {
    let dir = phrasebank_copy("symlinked");
    let outside = scratch("outside.hbs");
    std::fs::write(&outside, "a secret from outside\n").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("en/neutral/outside.hbs")).unwrap();
    let (lint, report) = lint_and_report(&dir);
    for out in [&lint, &report] {
        assert_ne!(out.status.code(), Some(0), "{}", stderr(out));
        assert!(
            stderr(out).contains("is a symbolic link"),
            "{}",
            stderr(out)
        );
    }
}

#[test]
fn recursive_and_exploding_partials_are_refused_by_lint_and_report() {
    for (name, variant) in [
        (
            "recursive",
            "{{#*inline \"again\"}}{{> again}}{{/inline}}{{> again}}\n",
        ),
        ("nested", "{{#> layout}}x{{/layout}}\n"),
        ("partial", "It was {{> highlight/goal}} again.\n"),
    ] {
        let dir = phrasebank_copy(name);
        let file = dir.join("en/neutral/heading/title.hbs");
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str("---\n");
        text.push_str(variant);
        std::fs::write(&file, text).unwrap();
        let (lint, report) = lint_and_report(&dir);
        let lint_out = String::from_utf8_lossy(&lint.stdout).to_string() + &stderr(&lint);
        assert_eq!(lint.status.code(), Some(1), "{name}: {lint_out}");
        assert!(lint_out.contains("a partial"), "{name}: {lint_out}");
        assert!(
            lint_out.contains("heading/title.hbs:"),
            "{name}: {lint_out}"
        );
        let code = report.status.code();
        assert!(
            matches!(code, Some(1..=3)),
            "{name}: no crash, a clear error: {code:?}"
        );
        assert!(
            stderr(&report).contains("a partial"),
            "{name}: {}",
            stderr(&report)
        );
    }
}

#[test]
fn error_messages_never_carry_terminal_escapes() {
    let text = FIXTURE.replacen("\"team\": \"fra\"", "\"team\": \"\\u001b[2J\\u202efra\"", 1);
    let file = scratch("escape.json");
    std::fs::write(&file, text).unwrap();
    let out = bin().arg("validate").arg(&file).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("\\u{001B}[2J\\u{202E}fra"), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
}

#[test]
fn markdown_output_escapes_markup_in_names() {
    let text = FIXTURE.replacen(
        "\"name\": \"England\"",
        "\"name\": \"*England* [FA](x) <b>\"",
        1,
    );
    let m = beatwriter::input::load_str("md.json", &text).unwrap();
    let report = beatwriter::write_report(&m, &beatwriter::Options::default()).unwrap();
    let md = beatwriter::output::markdown(&report);
    assert!(
        md.starts_with("# \\*England\\* \\[FA\\](x) \\<b\\> 1-2 France\n"),
        "{md}"
    );
    assert!(!md.contains("*England*"), "{md}");
    // Plain text prints the name as it is.
    assert!(beatwriter::output::text(&report).starts_with("*England* [FA](x) <b> 1-2 France"));
    assert_eq!(
        beatwriter::output::markdown_escape("1. Kane\n- x"),
        "1\\. Kane\n\\- x"
    );
}

#[test]
fn a_variant_cannot_render_without_end_or_carry_hidden_characters() {
    // A title of 70,000 characters: rendering stops at the cap, with an error.
    let dir = phrasebank_copy("long");
    std::fs::write(
        dir.join("en/neutral/heading/title.hbs"),
        "a".repeat(70_000) + "\n",
    )
    .unwrap();
    let (_, report) = lint_and_report(&dir);
    assert_eq!(report.status.code().map(|c| c != 0), Some(true));
    assert!(
        stderr(&report).contains("runs past 65536 bytes"),
        "{}",
        stderr(&report)
    );

    // A private-use character would be read as one of beatwriter's own
    // name marks; an ANSI escape would reach the reader's terminal.
    for (name, bad) in [("pua", "\u{E000}"), ("ansi", "\u{1b}[31m")] {
        let dir = phrasebank_copy(name);
        let file = dir.join("en/neutral/heading/title.hbs");
        let text = std::fs::read_to_string(&file).unwrap() + "---\nred " + bad + " text\n";
        std::fs::write(&file, text).unwrap();
        let (lint, _) = lint_and_report(&dir);
        let out = String::from_utf8_lossy(&lint.stdout).to_string();
        assert_eq!(lint.status.code(), Some(1), "{name}: {out}");
        assert!(out.contains("expected printable text"), "{name}: {out}");
    }
}
