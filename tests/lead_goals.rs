//! The lead tells each goal once, in match order, on every fixture and
//! every StatsBomb corpus match, in every tone and perspective.
//!
//! What a sub-editor insists on in a lead (and what it must never do):
//! - a goal is told once: a burst of goals, a substitute's goal, a
//!   rebound, a hat-trick's completion or a winner the opening named is
//!   never told again by another sentence ("Pugh, on as a substitute,
//!   scored on 85 minutes" and then "between the 74th and 87th minutes
//!   ... Pugh on the scoresheet" is one goal told twice);
//! - a feat (a hat-trick, a burst, a substitute's goal) is told once: no
//!   "Mbappe completed a hat-trick" after an opening that said "despite a
//!   hat-trick from Mbappe";
//! - the story runs in match order: no 85th-minute goal before a sentence
//!   about the 74th minute;
//! - a rout of many goals is summarised (scorers grouped), not listed
//!   goal by goal.
//!
//! A sentence *tells* a goal when it carries the goal's own beat (`goal`),
//! a beat that stands for that one goal (a substitute's goal, a rebound,
//! a late or extra-time winner, an own goal), or the burst the goal was
//! part of; a `lead/angle/...` sentence tells only how a goal another
//! sentence told came about (the scorer came off the bench, the penalty
//! was saved first), not the goal. Summaries of the score (the result, a comeback, a tie won)
//! tell no single goal. A sentence's moment is the first goal it tells,
//! or, for a sentence about something else that happened in play (a
//! card, a save, a review, a miss), the first event it cites; sentences
//! about the table, the feat as a whole or what comes next have no moment.
//! The opening is the headline and may name a late winner first: it is
//! held to telling each goal once, not to match order.

mod common;

use beatwriter::model::Match;
use beatwriter::report::{Report, Sentence};
use std::collections::HashMap;

/// Beats whose first evidence is the one goal they are about.
const ONE_GOAL: &[&str] = &[
    "goal",
    "substitute_scorer",
    "penalty_saved_rebound",
    "late_winner",
    "extra_time_winner",
    "own_goal",
];

/// Beats about something that happened at a moment of play, told there.
const IN_PLAY: &[&str] = &[
    "red_card",
    "woodwork",
    "goalkeeper_heroics",
    "var_decision",
    "grievance",
    "decisive_penalty_miss",
    "big_chances",
];

/// Feats that must be told once.
const FEATS: &[&str] = &[
    "hat_trick",
    "brace",
    "goal_flurry",
    "substitute_scorer",
    "penalty_saved_rebound",
    "goal",
];

fn lead(r: &Report) -> Vec<&Sentence> {
    r.sections
        .iter()
        .filter(|s| s.id == "lead")
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| &p.sentences)
        .collect()
}

/// The goal events a sentence tells, by event index.
fn goals_told(m: &Match, r: &Report, s: &Sentence) -> Vec<usize> {
    let index = |id: &str| m.events.iter().position(|e| e.id == id && e.kind.is_goal());
    let mut out = Vec::new();
    let angle = s.message.starts_with("lead/angle/");
    for b in r.beats.iter().filter(|b| s.beats.contains(&b.id)) {
        if ONE_GOAL.contains(&b.rule) && !angle {
            out.extend(b.evidence.first().and_then(|id| index(id)));
        } else if b.rule == "goal_flurry" {
            out.extend(b.evidence.iter().filter_map(|id| index(id)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// When in the match a sentence is set, if it is set at a moment.
fn moment(m: &Match, r: &Report, s: &Sentence) -> Option<usize> {
    if let Some(first) = goals_told(m, r, s).first() {
        return Some(*first);
    }
    let in_play = r
        .beats
        .iter()
        .filter(|b| s.beats.contains(&b.id))
        .all(|b| IN_PLAY.contains(&b.rule));
    if !in_play || s.beats.is_empty() {
        return None;
    }
    s.evidence
        .iter()
        .filter_map(|id| m.events.iter().position(|e| &e.id == id))
        .min()
}

fn check(m: &Match, r: &Report, label: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let sentences = lead(r);
    let mut teller: HashMap<usize, &str> = HashMap::new();
    let mut feat_teller: HashMap<&str, &str> = HashMap::new();
    let mut last: Option<(usize, &str)> = None;
    for s in &sentences {
        for g in goals_told(m, r, s) {
            if let Some(before) = teller.insert(g, &s.text) {
                faults.push(format!(
                    "{label}: goal {} told twice:\n  {before}\n  {}",
                    m.events[g].id, s.text
                ));
            }
        }
        for b in r.beats.iter().filter(|b| s.beats.contains(&b.id)) {
            if FEATS.contains(&b.rule)
                && let Some(before) = feat_teller.insert(&b.id, &s.text)
            {
                faults.push(format!(
                    "{label}: {} told twice:\n  {before}\n  {}",
                    b.rule, s.text
                ));
            }
        }
        // The opening is the headline: it may name the winner first.
        let opening = s.message.starts_with("lead/opening/");
        if let Some(at) = moment(m, r, s).filter(|_| !opening) {
            if let Some((prev, text)) = last
                && at < prev
            {
                faults.push(format!(
                    "{label}: out of match order:\n  {text}\n  {}",
                    s.text
                ));
            }
            last = Some((at, &s.text));
        }
    }
    faults
}

#[test]
fn every_lead_tells_each_goal_once_in_match_order() {
    let matches = common::every_match();
    let faults: Vec<String> = common::par_map(&matches, |(name, m)| {
        common::every_report(m, name, 3)
            .iter()
            .flat_map(|(label, r)| check(m, r, label))
            // One fault per match is enough to see what is wrong.
            .take(1)
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(
        faults.is_empty(),
        "{} faults, first ones:\n{}",
        faults.len(),
        faults
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_rout_of_thirteen_groups_its_scorers() {
    let m = common::corpus("22943");
    for (label, r) in common::every_report(&m, "usa-tha", 3) {
        let lead = lead(&r);
        // The opening, the scorers, nothing goal by goal.
        assert!(
            lead.len() <= 4,
            "{label}: {} sentences:\n{}",
            lead.len(),
            lead.iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let text: Vec<&str> = lead.iter().map(|s| s.text.as_str()).collect();
        let text = text.join(" ");
        for scorer in [
            "Morgan", "Lavelle", "Mewis", "Horan", "Rapinoe", "Pugh", "Lloyd",
        ] {
            assert!(text.contains(scorer), "{label}: no {scorer}: {text}");
        }
        assert!(text.contains("five"), "{label}: Morgan's five: {text}");
    }
}
