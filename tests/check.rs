//! `beatwriter check` on real edits of a generated report: each of ten
//! deliberate factual edits is flagged on its line; the unedited draft and
//! harmless rewording pass.

mod common;

use beatwriter::check::{Finding, check};
use beatwriter::{Options, output};
use common::beatwriter;

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
        stdout.contains("wrong.txt:") && stdout.contains("expected 7 "),
        "{stdout}"
    );
}

/// One edit of the corpus under tests/drafts (see its README).
#[derive(serde::Deserialize)]
struct Edit {
    name: String,
    fixture: String,
    #[serde(default)]
    tone: Option<String>,
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    format: Option<String>,
    op: String,
    #[serde(default)]
    line: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    flag: String,
    /// The footer removed as well as the edit made.
    #[serde(default)]
    no_footer: bool,
}

fn corpus(file: &str) -> Vec<Edit> {
    let path = format!("{}/tests/drafts/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The draft as written, then as edited, and the line of the edit.
fn apply(edit: &Edit) -> (String, String, usize) {
    let m = common::load(&format!("fixtures/{}.json", edit.fixture));
    let options = Options {
        tone: edit.tone.clone().unwrap_or_else(|| "neutral".to_string()),
        seed: edit.seed.unwrap_or(beatwriter::report::DEFAULT_SEED),
        ..Options::default()
    };
    let report = common::write(&m, &options);
    let draft = match edit.format.as_deref() {
        Some("markdown") => output::markdown(&report),
        _ => output::text(&report),
    };
    let mut lines: Vec<String> = draft.lines().map(str::to_string).collect();
    let find = |lines: &[String]| {
        lines
            .iter()
            .position(|l| l.contains(&edit.line))
            .unwrap_or_else(|| panic!("{}: no line contains {:?}", edit.name, edit.line))
    };
    let at = match edit.op.as_str() {
        "replace" => {
            let i = find(&lines);
            assert!(
                lines[i].contains(&edit.from),
                "{}: {:?} not in {}",
                edit.name,
                edit.from,
                lines[i]
            );
            lines[i] = lines[i].replacen(&edit.from, &edit.to, 1);
            i
        }
        "append" => {
            let i = find(&lines);
            lines.insert(i + 1, String::new());
            lines.insert(i + 2, edit.to.clone());
            i + 2
        }
        "merge" => {
            let i = find(&lines);
            let next = (i + 1..lines.len())
                .find(|j| !lines[*j].is_empty())
                .unwrap();
            let joined = format!("{} {}", lines[i], lines[next]);
            lines.drain(i + 1..=next);
            lines[i] = joined;
            i
        }
        "split" => {
            let i = find(&lines);
            let (a, b) = lines[i].split_at(lines[i].find(&edit.from).unwrap() + edit.from.len());
            let (a, b) = (a.to_string(), b.trim().to_string());
            lines[i] = a;
            lines.insert(i + 1, String::new());
            lines.insert(i + 2, b);
            i
        }
        "wrap_p" => {
            for l in lines
                .iter_mut()
                .filter(|l| !l.is_empty() && !l.starts_with("-- "))
            {
                *l = format!("<p>{l}</p>");
            }
            0
        }
        "drop_footer" => {
            lines.retain(|l| !l.starts_with("-- beatwriter"));
            0
        }
        "delete" => {
            let i = find(&lines);
            lines.remove(i);
            i
        }
        other => panic!("unknown op {other}"),
    };
    if edit.no_footer {
        lines.retain(|l| !l.starts_with("-- beatwriter"));
    }
    (draft, lines.join("\n") + "\n", at + 1)
}

#[test]
fn the_corpus_of_edits_is_judged_right() {
    let harmful = corpus("harmful.json");
    let harmless = corpus("harmless.json");
    assert!(harmful.len() >= 30 && harmless.len() >= 30);
    let mut misses = Vec::new();
    let (mut caught, mut false_alarms) = (0, 0);
    for edit in &harmful {
        let (_, text, line) = apply(edit);
        let m = common::load(&format!("fixtures/{}.json", edit.fixture));
        let found = check(&text, &m, common::bank()).unwrap();
        let on_line = found
            .iter()
            .any(|f| f.line == line && f.problem.contains(&edit.flag));
        if on_line {
            caught += 1;
        } else {
            misses.push(format!("missed: {} (line {line}): {found:#?}", edit.name));
        }
    }
    for edit in &harmless {
        let (_, text, _) = apply(edit);
        let m = common::load(&format!("fixtures/{}.json", edit.fixture));
        let found = check(&text, &m, common::bank()).unwrap();
        if !found.is_empty() {
            false_alarms += 1;
            misses.push(format!("false alarm: {}: {found:#?}", edit.name));
        }
    }
    let flagged = caught + false_alarms;
    let precision = caught as f64 / flagged.max(1) as f64;
    let recall = caught as f64 / harmful.len() as f64;
    println!("| edits | count | flagged | passed |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| harmful | {} | {caught} | {} |",
        harmful.len(),
        harmful.len() - caught
    );
    println!(
        "| harmless | {} | {false_alarms} | {} |",
        harmless.len(),
        harmless.len() - false_alarms
    );
    println!("precision {precision:.3}, recall {recall:.3}");
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

fn tmp_path(name: &str) -> String {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("check");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_str().unwrap().to_string()
}

/// eng-fra with the home side renamed to `name`.
fn renamed(name: &str, file: &str) -> String {
    let text = std::fs::read_to_string(common::FIXTURES[0]).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["teams"]["home"]["name"] = name.into();
    let path = tmp_path(file);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

#[test]
fn footers_with_quoted_sections_and_quoted_team_names_round_trip() {
    for (team, file) in [
        ("Côte d'Ivoire", "apostrophe.json"),
        ("The \"Lions\" XI", "quotes.json"),
    ] {
        let m_file = renamed(team, file);
        let draft = tmp_path(&format!("{file}.txt"));
        let out = beatwriter(&[
            "report",
            &m_file,
            "--for",
            team,
            "--seed",
            "9",
            "--section",
            "Talking Point",
            "-o",
            &draft,
        ]);
        common::assert_ran(&out);
        let text = std::fs::read_to_string(&draft).unwrap();
        let footer = text.lines().last().unwrap();
        assert!(footer.contains("--section \"Talking Point\""), "{footer}");
        // The footer reads back as the options that wrote the draft: the
        // unedited draft is clean, and an edit is found.
        let out = beatwriter(&["check", &draft, "--match", &m_file]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{footer}\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(text.contains("\n78' –"), "{text}");
        std::fs::write(&draft, text.replacen("\n78' –", "\n79' –", 1)).unwrap();
        let out = beatwriter(&["check", &draft, "--match", &m_file]);
        assert_eq!(out.status.code(), Some(1), "{footer}");
    }
}

#[test]
fn a_provenance_file_replaces_the_footer_and_records_every_option() {
    let thresholds = tmp_path("thresholds.json");
    std::fs::copy("rules/thresholds.json", &thresholds).unwrap();
    let (draft, sidecar) = (tmp_path("sidecar-draft.txt"), tmp_path("sidecar.json"));
    let fixture = common::FIXTURES[0];
    let out = beatwriter(&[
        "report",
        fixture,
        "--seed",
        "5",
        "--tone",
        "wire",
        "--for",
        "Les Bleus",
        "--thresholds",
        &thresholds,
        "-o",
        &draft,
        "--provenance",
        &sidecar,
    ]);
    common::assert_ran(&out);
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
    assert_eq!(record["format"], "beatwriter-provenance/1");
    assert_eq!(record["options"]["seed"], 5);
    assert_eq!(record["options"]["tone"], "wire");
    assert_eq!(record["options"]["perspective"], "Les Bleus");
    assert_eq!(record["options"]["thresholds"], thresholds.as_str());
    assert!(
        record["options"]["phrasebank_version"]
            .as_str()
            .unwrap()
            .starts_with("en-")
    );
    assert_eq!(record["input"]["file"], fixture);
    // The draft is published without its footer; the sidecar still knows.
    let text = std::fs::read_to_string(&draft).unwrap();
    let published: String = text
        .lines()
        .filter(|l| !l.starts_with("-- "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&draft, &published).unwrap();
    let check =
        |d: &str, m: &str| beatwriter(&["check", d, "--match", m, "--provenance", &sidecar]);
    assert_eq!(check(&draft, fixture).status.code(), Some(0));
    let minute = published.lines().find(|l| l.starts_with("78'")).unwrap();
    std::fs::write(
        &draft,
        published.replacen(minute, &minute.replacen("78'", "79'", 1), 1),
    )
    .unwrap();
    let out = check(&draft, fixture);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"79\""));
    // Changed thresholds are caught.
    let edited = std::fs::read_to_string(&thresholds).unwrap().replacen(
        "\"late_minute\": 75",
        "\"late_minute\": 70",
        1,
    );
    std::fs::write(&thresholds, edited).unwrap();
    let out = check(&draft, fixture);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("thresholds"));
}

#[test]
fn checking_against_the_wrong_match_says_so_in_one_line() {
    let draft = tmp_path("eng-fra-draft.txt");
    let sidecar = tmp_path("eng-fra-sidecar.json");
    let out = beatwriter(&[
        "report",
        common::FIXTURES[0],
        "-o",
        &draft,
        "--provenance",
        &sidecar,
    ]);
    assert!(out.status.success());
    for extra in [vec![], vec!["--provenance", sidecar.as_str()]] {
        for wrong in &common::FIXTURES[1..] {
            let mut args = vec!["check", draft.as_str(), "--match", wrong];
            args.extend(&extra);
            let out = beatwriter(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{wrong}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.starts_with(&format!("{draft}: error: ")) && stderr.contains("not"),
                "{stderr}"
            );
        }
    }
}

#[test]
fn a_draft_from_a_statsbomb_feed_is_checked_against_the_feed_its_sidecar_names() {
    let feed = |name: &str| format!("{}/data/statsbomb/{name}", env!("CARGO_MANIFEST_DIR"));
    let (draft, sidecar) = (tmp_path("sb-draft.txt"), tmp_path("sb-sidecar.json"));
    let out = beatwriter(&[
        "report",
        "--statsbomb-events",
        &feed("15986_events.json"),
        "--statsbomb-lineups",
        &feed("15986_lineups.json"),
        "--statsbomb-match",
        &feed("15986_match.json"),
        "-o",
        &draft,
        "--provenance",
        &sidecar,
    ]);
    common::assert_ran(&out);
    let check = || beatwriter(&["check", &draft, "--provenance", &sidecar]);
    assert_eq!(check().status.code(), Some(0));
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("Data: StatsBomb"));
    let line = text.lines().position(|l| l.contains("Lenglet")).unwrap() + 1;
    std::fs::write(&draft, text.replacen("Lenglet", "Busquets", 1)).unwrap();
    let out = check();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("{draft}:{line}:")) && stdout.contains("Busquets"),
        "{stdout}"
    );
}
