//! Minutes are worded by the `at_minute` and `after_minutes` helpers, from
//! the lexicon: no template words them by hand (re-run
//! `scripts/minute-helpers` after merging templates that do), a desk's
//! lexicon changes every one of them, and the draft checker and the fact
//! tracer read the lexicon's wording of a minute as that minute.

mod common;

use beatwriter::check::check;
use beatwriter::phrasebank::{Phrasebank, builtin_files};
use beatwriter::report::write_report_with;
use beatwriter::{Options, output};

/// Minute wording by hand: a case for minute 1 around "... {{minute}}
/// minutes", or "on/after {{minute}} minutes" with none (which prints
/// "on 1 minutes").
#[test]
fn no_template_words_a_minute_by_hand() {
    let by_hand = regex::Regex::new(
        r"(?i)\{\{#if \(eq [a-z_.]*minute 1\)\}\}|\b(on|after) \{\{[a-z_.]*minute\}\} minutes",
    )
    .unwrap();
    let mut found = Vec::new();
    for (path, text) in builtin_files() {
        for (i, line) in text.lines().enumerate() {
            if let Some(m) = by_hand.find(line) {
                found.push(format!("{path}:{}: {}", i + 1, m.as_str()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "minute wording by hand; run scripts/minute-helpers:\n{}",
        found.join("\n")
    );
}

/// The built-in files with `lexicon.json`'s minute groups replaced.
fn desk_bank() -> Phrasebank {
    let files = builtin_files()
        .into_iter()
        .map(|(path, text)| {
            if path != "en/lexicon.json" {
                return (path, text);
            }
            let mut lexicon: serde_json::Value = serde_json::from_str(&text).unwrap();
            lexicon["at_minute"] =
                serde_json::json!({"1": "in minute one", "other": "at the {n}-minute mark"});
            lexicon["after_minutes"] =
                serde_json::json!({"1": "after one minute", "other": "once {n} minutes had gone"});
            (path, lexicon.to_string())
        })
        .collect();
    Phrasebank::from_files("desk", "en", files).unwrap()
}

/// AC Milan scored in the first minute at Istanbul; the desk's words for
/// it, and for the later goals, replace the house's in every tone.
#[test]
fn a_desks_lexicon_words_every_minute() {
    let m = common::load("fixtures/mil-liv-2005-cl-final.json");
    let bank = desk_bank();
    let house = regex::Regex::new(r"(?i)first minute|after a minute|\bon \d+ minutes").unwrap();
    let (mut own, mut other) = (false, false);
    for tone in ["neutral", "wire", "dramatic"] {
        for seed in 0..8 {
            let options = Options {
                tone: tone.to_string(),
                seed,
                ..Options::default()
            };
            let text = output::text(&write_report_with(&m, &options, &bank).unwrap());
            let found = house.find(&text).map(|m| m.as_str());
            assert_eq!(found, None, "{tone} {seed}: the house's wording in\n{text}");
            own |= text.contains("in minute one") || text.contains("after one minute");
            other |= text.contains("-minute mark") || text.contains("minutes had gone");
        }
    }
    assert!(own, "no report told the first minute in the desk's words");
    assert!(other, "no report told a later minute in the desk's words");
}

/// A goal moved to the first minute by an editor is a changed figure,
/// though "in the first minute" has no digits.
#[test]
fn check_reads_the_first_minute_as_a_minute() {
    let m = common::load(common::FIXTURES[0]);
    let draft = output::text(&common::write(&m, &Options::default()));
    let from = "on 17 minutes from 25 yards";
    assert_eq!(draft.matches(from).count(), 1, "{draft}");
    let edited = draft.replacen(from, "in the first minute from 25 yards", 1);
    let findings = check(&edited, &m, common::bank()).unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].code, "check/figure");
    assert!(
        findings[0].problem.contains("\"in the first minute\"")
            && findings[0].data_says.contains("17"),
        "{findings:?}"
    );
    assert!(check(&draft, &m, common::bank()).unwrap().is_empty());
}

/// In the JSON provenance, "in the first minute" is traced to the goal's
/// minute, as "on 17 minutes" is.
#[test]
fn provenance_traces_the_first_minute_to_the_event() {
    let m = common::load("fixtures/mil-liv-2005-cl-final.json");
    let mut traced = 0;
    for seed in 0..12 {
        let options = Options {
            seed,
            ..Options::default()
        };
        let report = common::write(&m, &options);
        let json: serde_json::Value =
            serde_json::from_str(&output::json(&report, &m, "mil-liv")).unwrap();
        let mut sentences = Vec::new();
        collect_sentences(&json, &mut sentences);
        for s in sentences {
            let text = s["text"].as_str().unwrap().to_lowercase();
            if !text.contains("in the first minute") && !text.contains("after a minute") {
                continue;
            }
            let fact = s["facts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["kind"] == "number" && f["text"].as_str().unwrap().contains("minute"))
                .unwrap_or_else(|| panic!("untraced: {s}"));
            assert_eq!(fact["path"], "events[0].minute", "{s}");
            assert_eq!(m.events[0].minute, Some(1));
            traced += 1;
        }
    }
    assert!(traced > 0, "no report told the first minute");
}

fn collect_sentences<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    match v {
        serde_json::Value::Object(o) if o.contains_key("facts") && o.contains_key("text") => {
            out.push(v);
        }
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_sentences(x, out)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_sentences(x, out)),
        _ => {}
    }
}
