//! Checks across the StatsBomb files: the kind of disagreement a feed can
//! carry and a report must not repeat.
//!
//! - every event id is unique;
//! - every event's player (and a substitution's replacement) is in that
//!   team's line-up;
//! - the match file's final score agrees with the goals in the events.
//!
//! By default any of these is an error; with `lenient` they become
//! warnings and the import goes on.

use super::raw;
use crate::error::Diagnostic;
use crate::input::locate::{JsonPath, locate};
use crate::model::Score;
use std::collections::{HashMap, HashSet};

/// Problems in the events file (JSON paths into it).
pub fn events(raw: &[raw::Event], lineups: &[raw::LineupTeam]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let squads: HashMap<u64, HashSet<u64>> = lineups
        .iter()
        .map(|t| (t.team_id, t.lineup.iter().map(|p| p.player_id).collect()))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        if let Some(first) = seen.insert(e.id.as_str(), i) {
            problems.push(Diagnostic::new(
                format!("[{i}].id"),
                format!(
                    "event id \"{}\" is already used by event [{first}]; expected unique ids",
                    e.id
                ),
            ));
        }
        let Some(squad) = squads.get(&e.team.id) else {
            problems.push(Diagnostic::new(
                format!("[{i}].team.id"),
                format!(
                    "team {} ({}) is not in the line-ups file; expected one of the two line-up teams",
                    e.team.id, e.team.name
                ),
            ));
            continue;
        };
        let mut check = |path: String, p: &raw::Named| {
            if !squad.contains(&p.id) {
                problems.push(Diagnostic::new(
                    path,
                    format!(
                        "player {} ({}) is not in {}'s line-up; expected a player of the event's team",
                        p.id, p.name, e.team.name
                    ),
                ));
            }
        };
        if let Some(p) = &e.player {
            check(format!("[{i}].player.id"), p);
        }
        if let Some(s) = &e.substitution {
            check(format!("[{i}].substitution.replacement.id"), &s.replacement);
        }
    }
    problems
}

/// A problem in the match file when its score disagrees with the events.
pub fn score(info: &raw::MatchInfo, counted: Score) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (field, given, counted) in [
        ("home_score", info.home_score, counted.home),
        ("away_score", info.away_score, counted.away),
    ] {
        if let Some(given) = given.filter(|&g| g != counted) {
            problems.push(Diagnostic::new(
                format!("[0].{field}"),
                format!("the match file says {given} but the goals in the events make it {counted}; expected the two to agree"),
            ));
        }
    }
    problems
}

/// Adds line:column positions to diagnostics for `text`.
pub fn locate_all(text: &str, problems: &mut [Diagnostic]) {
    for d in problems {
        d.position = locate(text, &JsonPath::parse(&d.path));
    }
}
