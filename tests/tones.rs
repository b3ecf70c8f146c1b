//! Tones and perspectives change the words, never the facts: every tone ×
//! perspective × seed passes the fact check; wire is short, dramatic is
//! not neutral, a report for one side is framed for it; re-rolling one
//! section leaves the others alone; and leads vary across seeds.

mod common;

use beatwriter::Options;
use beatwriter::report::Report;
use common::{FIXTURES, FactChecker, check_leaks, load, sentences, write};
use std::collections::HashSet;

const TONES: &[&str] = &["neutral", "wire", "dramatic"];

fn options(tone: &str, perspective: Option<&str>, seed: u64) -> Options {
    Options {
        seed,
        tone: tone.to_string(),
        perspective: perspective.map(str::to_string),
        ..Options::default()
    }
}

fn section_text(r: &Report, id: &str) -> String {
    r.sections
        .iter()
        .filter(|s| s.id == id)
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_tone_and_perspective_keeps_the_facts() {
    for path in FIXTURES {
        let m = load(path);
        let checker = FactChecker::new(&m);
        let teams = [
            None,
            Some(m.teams.home.name.as_str()),
            Some(m.teams.away.name.as_str()),
        ];
        for tone in TONES {
            for team in teams {
                for seed in 0..20 {
                    let r = write(&m, &options(tone, team, seed));
                    let label = format!("{path} {tone} for {team:?} seed {seed}");
                    checker.check(&r, &label);
                    check_leaks(&r, &label);
                    let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
                    for needed in [
                        "lead",
                        "talking_point",
                        "player_of_match",
                        "highlights",
                        "key_stats",
                    ] {
                        // Written for a side with no player who scored, assisted
                        // or saved, there is no Player of the match: a
                        // supporter's paper never crowns the opponent's
                        // (tests/viewpoint.rs).
                        let ours_may_lack = team.is_some() && needed == "player_of_match";
                        assert!(
                            ids.contains(&needed) || ours_may_lack,
                            "{label}: no {needed}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn no_template_twice_and_no_two_sentences_open_alike() {
    for path in FIXTURES {
        let m = load(path);
        for tone in TONES {
            for team in [None, Some(m.teams.home.name.as_str())] {
                for seed in 0..20 {
                    let r = write(&m, &options(tone, team, seed));
                    let mut variants = HashSet::new();
                    let mut openings = HashSet::new();
                    for (section, s) in sentences(&r) {
                        if matches!(section, "lead" | "talking_point" | "player_of_match") {
                            assert!(
                                variants.insert(s.variant.clone()),
                                "{path} {tone} {seed}: {} twice",
                                s.variant
                            );
                        }
                        let opening = beatwriter::realise::opening(&s.text);
                        // Highlights open on their minute and kind by design.
                        if section != "highlights" {
                            assert!(
                                openings.insert(opening.clone()),
                                "{path} {tone} {team:?} {seed}: two sentences open \"{opening}\""
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn wire_lead_is_at_most_120_words() {
    for path in FIXTURES {
        let m = load(path);
        for team in [None, Some(m.teams.away.name.as_str())] {
            for seed in 0..20 {
                let lead = section_text(&write(&m, &options("wire", team, seed)), "lead");
                let words = lead.split_whitespace().count();
                assert!(
                    words <= 120,
                    "{path} seed {seed}: wire lead has {words} words:\n{lead}"
                );
            }
        }
    }
}

#[test]
fn wire_uses_no_judgement_adjectives() {
    // Numbers follow house style in every tone (one to nine in words):
    // tests/english.rs checks them.

    const JUDGEMENT: &[&str] = &[
        "crucial",
        "glorious",
        "superb",
        "stunning",
        "brilliant",
        "dramatic",
        "heartbreak",
        "heroic",
        "thrilling",
        "magnificent",
    ];
    for path in FIXTURES {
        let m = load(path);
        for seed in 0..20 {
            let r = write(&m, &options("wire", None, seed));
            for id in ["lead", "talking_point"] {
                let text = section_text(&r, id).to_lowercase();
                for word in JUDGEMENT {
                    assert!(
                        !text.contains(word),
                        "{path} seed {seed}: wire says \"{word}\": {text}"
                    );
                }
            }
        }
    }
}

#[test]
fn dramatic_and_neutral_differ_on_every_fixture() {
    for path in FIXTURES {
        let m = load(path);
        let neutral = section_text(&write(&m, &options("neutral", None, 7)), "lead");
        let dramatic = section_text(&write(&m, &options("dramatic", None, 7)), "lead");
        assert_ne!(neutral, dramatic, "{path}");
    }
}

#[test]
fn highlights_and_ratings_are_the_same_in_every_tone() {
    let m = load(FIXTURES[0]);
    let neutral = write(&m, &options("neutral", None, 3));
    for tone in ["wire", "dramatic"] {
        let other = write(&m, &options(tone, None, 3));
        for id in ["ratings", "highlights"] {
            assert_eq!(
                section_text(&neutral, id),
                section_text(&other, id),
                "{tone} {id}"
            );
        }
    }
}

#[test]
fn a_report_for_each_side_is_framed_for_it() {
    let m = load(FIXTURES[0]);
    for tone in TONES {
        for seed in 0..10 {
            let england = write(&m, &options(tone, Some("England"), seed));
            let france = write(&m, &options(tone, Some("France"), seed));
            for id in ["lead", "talking_point"] {
                assert_ne!(
                    section_text(&england, id),
                    section_text(&france, id),
                    "{tone} seed {seed}: {id} is the same for both sides"
                );
            }
            let first = &sentences(&france)
                .iter()
                .find(|(s, _)| *s == "talking_point")
                .unwrap()
                .1
                .text;
            assert!(
                first.contains("France") || first.contains("Les Bleus"),
                "{tone} seed {seed}: France's Talking Point is about France: {first}"
            );
        }
    }
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let m = load(FIXTURES[0]);
    for tone in TONES {
        let a = write(&m, &options(tone, Some("ENG"), 11));
        let b = write(&m, &options(tone, Some("ENG"), 11));
        assert_eq!(beatwriter::output::text(&a), beatwriter::output::text(&b));
    }
}

#[test]
fn rerolling_one_section_leaves_the_others_as_they_were() {
    let m = load(FIXTURES[0]);
    let base = write(&m, &Options::default());
    let mut changed = false;
    for seed in 1..10 {
        let options = Options {
            seed,
            sections: vec!["talking_point".into()],
            ..Options::default()
        };
        let rerolled = write(&m, &options);
        for section in &base.sections {
            let again = section_text(&rerolled, &section.id);
            if section.id == "talking_point" {
                changed |= again != section_text(&base, &section.id);
            } else {
                assert_eq!(
                    again,
                    section_text(&base, &section.id),
                    "seed {seed}: {} changed",
                    section.id
                );
            }
        }
    }
    assert!(changed, "re-rolling the Talking Point never changed it");
}

/// Distinct word bigrams over all bigrams of the England-France lead at
/// 50 seeds. The floor is set just under the figure measured when the
/// test was written (see the closing note of the tones issue).
#[test]
fn leads_vary_across_fifty_seeds() {
    let m = load(FIXTURES[0]);
    let mut all = 0usize;
    let mut distinct = HashSet::new();
    for seed in 0..50 {
        let lead = section_text(
            &write(
                &m,
                &Options {
                    seed,
                    ..Options::default()
                },
            ),
            "lead",
        )
        .to_lowercase();
        let words: Vec<&str> = lead.split_whitespace().collect();
        for pair in words.windows(2) {
            all += 1;
            distinct.insert((pair[0].to_string(), pair[1].to_string()));
        }
    }
    let ratio = distinct.len() as f64 / all as f64;
    println!(
        "distinct bigrams {} / all {} = {ratio:.3}",
        distinct.len(),
        all
    );
    assert!(ratio >= BIGRAM_FLOOR, "lead variety fell to {ratio:.3}");
}

/// Measured 0.060 (560 distinct of 9361 bigrams) when the neutral
/// phrasebank had four variants per lead message; a drop below this floor
/// means variants were lost or the choice stopped varying.
const BIGRAM_FLOOR: f64 = 0.055;

#[test]
fn no_highlight_template_repeats() {
    for path in FIXTURES {
        let m = load(path);
        let teams = [
            None,
            Some(m.teams.home.name.as_str()),
            Some(m.teams.away.name.as_str()),
        ];
        for team in teams {
            for seed in 0..20 {
                let r = write(&m, &options("neutral", team, seed));
                let mut variants = HashSet::new();
                for (section, s) in sentences(&r) {
                    if section == "highlights" {
                        assert!(
                            variants.insert(s.variant.clone()),
                            "{path} for {team:?} seed {seed}: highlight template {} twice",
                            s.variant
                        );
                    }
                }
            }
        }
    }
}
