//! The data-driven sections, checked against the reference report and
//! against the input: every fixture writes them, every seed keeps the
//! facts, and every number and name printed is found in the match file.

use beatwriter::analysis::Analysis;
use beatwriter::{Options, Report, input, output, write_report};
use std::collections::HashSet;

const FIXTURES: &[&str] = &[
    "fixtures/eng-fra-2022-wc-qf.json",
    "fixtures/eng-sco-2021-euro-group.json",
    "fixtures/ger-swe-2018-wc-group.json",
    "fixtures/arg-fra-2022-wc-final.json",
];

fn load(path: &str) -> beatwriter::model::Match {
    input::load_path(path).unwrap_or_else(|e| panic!("{e}"))
}

fn report(path: &str, seed: u64) -> Report {
    write_report(
        &load(path),
        &Options {
            seed,
            ..Options::default()
        },
    )
    .unwrap()
}

fn section_lines(r: &Report, id: &str) -> Vec<String> {
    r.sections
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.paragraphs.iter().map(|p| p.text()).collect())
        .unwrap_or_default()
}

#[test]
fn eng_fra_ratings_match_the_reference_line_for_line() {
    let lines = section_lines(&report(FIXTURES[0], 2022), "ratings");
    // The reference report's Player Ratings, as published.
    assert_eq!(
        lines,
        vec![
            "ENGLAND: Pickford 6, Walker 6, Stones 6, Maguire 6, Shaw 6, Rice 6, Bellingham 7, Henderson 6, Kane 6, Saka 7, Foden 6. Subs: Mount n/a, Sterling n/a, Rashford n/a, Grealish n/a.",
            "FRANCE: Lloris 7, Kounde 7, Varane 7, Upamecano 6, T. Hernandez 6, Griezmann 7, Tchouameni 7, Rabiot 6, Dembele 6, Giroud 7, Mbappe 6. Subs: Coman n/a.",
        ]
    );
}

/// Each line of the reference's Match Highlights: minute, the players it
/// names and, for goals, the running score.
const REFERENCE_HIGHLIGHTS: &[(&str, &[&str], Option<&str>)] = &[
    ("17'", &["Tchouameni"], Some("England 0-1 France")),
    ("33'", &["Kane", "Upamecano"], None),
    ("47'", &["Bellingham", "Lloris"], None),
    (
        "54'",
        &["Kane", "Lloris", "Saka", "Tchouameni"],
        Some("England 1-1 France"),
    ),
    ("70'", &["Maguire", "Henderson"], None),
    ("72'", &["Hernandez", "Saka", "Shaw"], None),
    (
        "78'",
        &["Giroud", "Maguire", "Griezmann"],
        Some("England 1-2 France"),
    ),
    ("84'", &["Kane", "Mount", "Hernandez"], None),
];

#[test]
fn eng_fra_highlights_have_every_reference_line_at_every_seed() {
    for seed in 0..20 {
        let lines = section_lines(&report(FIXTURES[0], seed), "highlights");
        assert_eq!(
            lines.len(),
            REFERENCE_HIGHLIGHTS.len(),
            "seed {seed}: {lines:#?}"
        );
        for ((minute, names, score), line) in REFERENCE_HIGHLIGHTS.iter().zip(&lines) {
            assert!(
                line.starts_with(&format!("{minute} – ")),
                "seed {seed}: {line}"
            );
            for name in *names {
                assert!(
                    line.contains(name),
                    "seed {seed}: {name} missing from {line}"
                );
            }
            if let Some(score) = score {
                assert!(
                    line.contains(&format!("GOAL! – {score}.")),
                    "seed {seed}: {line}"
                );
            }
        }
    }
}

#[test]
fn eng_fra_key_stats_carry_the_records() {
    let text = section_lines(&report(FIXTURES[0], 2022), "key_stats").join("\n");
    for needle in [
        "Wayne Rooney",
        "53",
        "fourth",
        "excluding shoot-outs",
        "27",
        "Thierry Henry",
        "Zinedine Zidane",
        "26",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from key stats:\n{text}"
        );
    }
}

#[test]
fn every_fixture_writes_its_data_sections() {
    for path in FIXTURES {
        let m = load(path);
        let r = report(path, 2022);
        let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
        assert!(ids.contains(&"highlights"), "{path}: {ids:?}");
        assert!(ids.contains(&"key_stats"), "{path}: {ids:?}");
        assert_eq!(
            ids.contains(&"ratings"),
            !m.ratings.is_empty(),
            "{path}: {ids:?}"
        );
    }
}

#[test]
fn goalless_draw_has_no_goal_lines() {
    let text = output::text(&report(FIXTURES[1], 2022));
    assert!(text.starts_with("England 0-0 Scotland\n"), "{text}");
    assert!(!text.contains("GOAL!"), "{text}");
}

#[test]
fn shootout_is_reported_apart_from_the_score() {
    let r = report(FIXTURES[3], 2022);
    assert_eq!(r.title, "Argentina 3-3 France (4-2 on penalties)");
    let last = section_lines(&r, "highlights").pop().unwrap();
    assert!(
        last.starts_with("PENALTY SHOOT-OUT – Argentina 4-2 France."),
        "{last}"
    );
    assert!(last.contains("Argentina win the shoot-out"), "{last}");
}

#[test]
fn red_card_is_a_highlight() {
    let lines = section_lines(&report(FIXTURES[2], 2022), "highlights");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("82' – RED CARD!") && l.contains("Boateng")),
        "{lines:#?}"
    );
}

#[test]
fn same_input_and_seed_give_identical_bytes() {
    for path in FIXTURES {
        assert_eq!(
            output::text(&report(path, 7)),
            output::text(&report(path, 7))
        );
    }
}

#[test]
fn another_seed_changes_wording_not_facts() {
    let base = section_lines(&report(FIXTURES[0], 0), "highlights");
    let mut reworded = false;
    for seed in 1..20 {
        let other = section_lines(&report(FIXTURES[0], seed), "highlights");
        reworded |= other != base;
        for (a, b) in base.iter().zip(&other) {
            assert_eq!(
                a.split(" – ").next(),
                b.split(" – ").next(),
                "minutes differ"
            );
        }
    }
    assert!(reworded, "20 seeds all gave the same words");
}

/// Every word of every string in the input, and every number.
fn input_vocabulary(value: &serde_json::Value, words: &mut HashSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            for w in s.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                words.insert(w.to_lowercase());
            }
        }
        serde_json::Value::Number(n) => {
            words.insert(n.to_string());
            if let Some(f) = n.as_f64() {
                words.insert(format!("{f}"));
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| input_vocabulary(v, words)),
        serde_json::Value::Object(o) => o.values().for_each(|v| input_vocabulary(v, words)),
        _ => {}
    }
}

/// Numbers the analysis derives: running scores, minutes left and record
/// tallies after the match.
fn derived_numbers(m: &beatwriter::model::Match) -> HashSet<String> {
    let a = Analysis::new(m);
    let mut out = HashSet::new();
    for moment in &a.timeline {
        for n in [moment.after.home, moment.after.away] {
            out.insert(n.to_string());
        }
        if let Some(left) = moment.minutes_left {
            out.insert(left.to_string());
        }
    }
    for r in a.records() {
        out.insert(r.after.to_string());
    }
    out
}

/// Every word the phrasebank itself writes (outside `{{...}}`).
fn phrasebank_words() -> HashSet<String> {
    let mut words = HashSet::new();
    let mut stack = vec![std::path::PathBuf::from("phrasebank")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut plain = String::new();
            for (i, part) in text.split("{{").enumerate() {
                let literal = if i == 0 {
                    part
                } else {
                    part.split_once("}}").map_or("", |(_, rest)| rest)
                };
                plain.push_str(literal);
                plain.push(' ');
            }
            // Quoted lexicon values and helper arguments count as phrasebank text too.
            for w in plain.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                words.insert(w.to_lowercase());
            }
            for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                if path.extension().is_some_and(|e| e == "json") {
                    words.insert(w.to_lowercase());
                }
            }
        }
    }
    words
}

#[test]
fn every_number_and_name_is_found_in_the_input() {
    let template_words = phrasebank_words();
    for path in FIXTURES {
        let m = load(path);
        let mut input_words = HashSet::new();
        input_vocabulary(&serde_json::to_value(&m).unwrap(), &mut input_words);
        let derived = derived_numbers(&m);
        for seed in 0..20 {
            let text = output::text(&report(path, seed));
            for token in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                let token = token.trim_matches('\'');
                if token.is_empty() {
                    continue;
                }
                let lower = token.to_lowercase();
                let lower = lower.strip_suffix("'s").unwrap_or(&lower);
                // Ordinals ("53rd") state their number too.
                let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let ordinal = !digits.is_empty()
                    && digits.chars().all(|c| c.is_ascii_digit())
                    && ["st", "nd", "rd", "th"].contains(&&lower[digits.len()..]);
                if ordinal {
                    assert!(
                        input_words.contains(digits) || derived.contains(digits),
                        "{path} seed {seed}: ordinal {token} is not in the input"
                    );
                } else if token.chars().all(|c| c.is_ascii_digit()) {
                    assert!(
                        input_words.contains(lower) || derived.contains(lower),
                        "{path} seed {seed}: number {token} is not in the input"
                    );
                } else if token.chars().next().is_some_and(char::is_uppercase) {
                    assert!(
                        input_words.contains(lower) || template_words.contains(lower),
                        "{path} seed {seed}: name {token} is not in the input"
                    );
                }
            }
        }
    }
}

#[test]
fn no_template_text_leaks() {
    for path in FIXTURES {
        for seed in 0..20 {
            let r = report(path, seed);
            for section in &r.sections {
                for p in &section.paragraphs {
                    for s in &p.sentences {
                        let t = &s.text;
                        assert!(!t.contains("{{") && !t.contains("}}"), "{path}: {t}");
                        assert!(!t.contains("  "), "{path}: doubled space in {t}");
                        assert!(
                            !t.contains('\u{E000}'),
                            "{path}: unresolved reference in {t}"
                        );
                        assert!(!t.contains("null"), "{path}: empty slot in {t}");
                        assert!(
                            t.chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                            "{path}: {t}"
                        );
                        // Label lines (a team's ratings, the chosen player's name) are not sentences.
                        if !matches!(s.message.as_str(), "ratings/team" | "player_of_match/name") {
                            assert!(
                                t.ends_with('.') || t.ends_with('!'),
                                "{path}: no full stop: {t}"
                            );
                        }
                    }
                }
            }
        }
    }
}
