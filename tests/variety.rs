//! Variety a reader notices: within a report no content phrase of three
//! words (names, scores and minutes aside) comes twice in the prose, and
//! two sentences of one kind in a row (two goals, two cards) never open
//! alike; across the fixtures no stock phrase is in more than a third of
//! the reports.

mod common;

use beatwriter::Options;
use beatwriter::inspect::{data_phrases, is_narrative, masked_opening, message_kind, phrases};
use beatwriter::report::Report;
use std::collections::HashMap;

const TONES: &[&str] = &["neutral", "wire", "dramatic"];
const SEEDS: u64 = 10;

/// Content phrases repeated within a report, summed over every fixture ×
/// tone × perspective × seed (360 reports); measured 2026-11-29.
const MAX_REPEATED: usize = 60;

fn all_reports() -> Vec<(String, Report, std::collections::HashSet<String>)> {
    let mut out = Vec::new();
    for path in common::FIXTURES {
        let m = common::load(path);
        let data = data_phrases(&m);
        let teams = [
            None,
            Some(m.teams.home.name.clone()),
            Some(m.teams.away.name.clone()),
        ];
        for tone in TONES {
            for team in &teams {
                for seed in 0..SEEDS {
                    let o = Options {
                        seed,
                        tone: tone.to_string(),
                        perspective: team.clone(),
                        ..Options::default()
                    };
                    let label = format!("{path} {tone} for {team:?} seed {seed}");
                    out.push((label, common::write(&m, &o), data.clone()));
                }
            }
        }
    }
    out
}

/// The narrative sentences of a report, in order, with their message.
fn narrative(r: &Report) -> Vec<(&str, &str)> {
    common::sentences(r)
        .into_iter()
        .filter(|(_, s)| is_narrative(&s.message))
        .map(|(_, s)| (s.message.as_str(), s.text.as_str()))
        .collect()
}

#[test]
fn no_content_phrase_twice_and_no_kind_opens_alike_twice_running() {
    let reports = all_reports();
    let mut repeated = Vec::new();
    let mut alike = Vec::new();
    for (label, r, data) in &reports {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut last: Option<(String, String)> = None;
        for (message, text) in narrative(r) {
            for p in phrases(text).into_iter().filter(|p| !data.contains(p)) {
                if let Some(first) = seen.insert(p.clone(), text) {
                    repeated.push(format!("{label}: \"{p}\" in\n  {first}\n  {text}"));
                }
            }
            let now = (message_kind(message), masked_opening(text));
            if last.as_ref() == Some(&now) {
                alike.push(format!("{label}: {text}"));
            }
            last = Some(now);
        }
    }
    println!(
        "{} reports; {} repeated phrases; {} same-kind sentences opening alike in a row",
        reports.len(),
        repeated.len(),
        alike.len()
    );
    let mut by_phrase: HashMap<&str, usize> = HashMap::new();
    for r in &repeated {
        let p = r
            .split(": \"")
            .nth(1)
            .and_then(|x| x.split('"').next())
            .unwrap_or_default();
        *by_phrase.entry(p).or_default() += 1;
    }
    let mut by_phrase: Vec<_> = by_phrase.into_iter().collect();
    by_phrase.sort_by_key(|p| std::cmp::Reverse(p.1));
    // Not yet zero: some messages have no wording left that avoids a phrase
    // an earlier sentence used ("claims turned down", "a challenge on").
    // The cap holds the gain (357 before the choice rule and {{alt}}, 59 after) until
    // the phrasebank has the variants to reach zero.
    assert!(
        repeated.len() <= MAX_REPEATED,
        "{} repeated phrases, more than {MAX_REPEATED}; most repeated: {by_phrase:?}\n{}",
        repeated.len(),
        repeated
            .iter()
            .take(4)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        alike.is_empty(),
        "{}",
        alike.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// Phrases a reader spots as stock when they recur.
const STOCK: &[&str] = &[
    "in a winning side",
    "drew first blood",
    "twisted the knife",
    "hero of the hour",
    "brick wall",
    "broke the deadlock",
    "take a bow",
    "cometh the hour",
];

#[test]
fn no_stock_phrase_in_more_than_a_third_of_the_reports() {
    let reports = all_reports();
    let mut over = Vec::new();
    for phrase in STOCK {
        let n = reports
            .iter()
            .filter(|(_, r, _)| beatwriter::output::text(r).to_lowercase().contains(phrase))
            .count();
        let share = n as f64 / reports.len() as f64;
        println!(
            "\"{phrase}\": {n} of {} reports ({:.0}%)",
            reports.len(),
            share * 100.0
        );
        if share > 1.0 / 3.0 {
            over.push(format!("\"{phrase}\" in {n} of {} reports", reports.len()));
        }
    }
    assert!(over.is_empty(), "{over:#?}");
}
