//! The data-driven sections, checked against the reference report and
//! against the input: every fixture writes them, every seed keeps the
//! facts, and every number and name printed is found in the match file.

mod common;

use beatwriter::{Options, Report, output};
use common::{FIXTURES, load};

fn report(path: &str, seed: u64) -> Report {
    common::write(
        &load(path),
        &Options {
            seed,
            ..Options::default()
        },
    )
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
    // Kane's fourth World Cup penalty, in whichever words the variant uses.
    assert!(text.contains("fourth") || text.contains("has 4"), "{text}");
    for needle in [
        "Wayne Rooney",
        "53",
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

#[test]
fn every_number_and_name_is_found_in_the_input() {
    for path in FIXTURES {
        let checker = common::FactChecker::new(&load(path));
        for seed in 0..20 {
            checker.check(&report(path, seed), &format!("{path} seed {seed}"));
        }
    }
}

#[test]
fn no_template_text_leaks() {
    for path in FIXTURES {
        for seed in 0..20 {
            common::check_leaks(&report(path, seed), &format!("{path} seed {seed}"));
        }
    }
}

/// The README's sample is what the first set-up command prints today.
#[test]
fn the_readme_sample_is_the_current_output() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let sample = readme
        .split("```text\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a text sample");
    let report = output::text(&report(FIXTURES[0], beatwriter::report::DEFAULT_SEED));
    for line in sample
        .lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "...")
    {
        assert!(
            report.lines().any(|r| r == line),
            "README line not in today's report:\n{line}"
        );
    }
}
