//! Checks across the StatsBomb files: the kind of disagreement a feed can
//! carry and a report must not repeat.
//!
//! - every event id is unique;
//! - every event's player (and a substitution's replacement) is in that
//!   team's line-up;
//! - the match file's final score agrees with the goals in the events;
//! - no event that changes the score, a card or the players on the pitch
//!   is lost in conversion ([`dropped`]), and without a match file the
//!   imported score is checked against the feed's own goal events
//!   ([`feed_score`]).
//!
//! By default any of these is an error; with `lenient` they become
//! warnings, each saying what the report will lack, and the import goes
//! on.

use super::raw;
use crate::error::Diagnostic;
use crate::model::{Event, Score};
use std::collections::{HashMap, HashSet};

/// How a message names a feed event: its index and id.
pub fn cite(e: &raw::Event) -> String {
    format!("event {} (id {})", e.index, e.id)
}

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

/// Adds line:column positions to diagnostics for `text`, in one pass.
pub fn locate_all(text: &str, problems: &mut [Diagnostic]) {
    crate::input::locate_diagnostics(text, problems);
}

/// Feed events that matter to a report (a goal, a card, a substitution)
/// and found no native event: each is named, with why and what a report
/// written without it would lack. Events of a team outside the line-ups
/// are reported by [`events`] and not again here.
pub fn dropped(
    raw: &[raw::Event],
    native: &[Event],
    known: &HashMap<u64, super::lineups::Known>,
    teams: &HashMap<u64, usize>,
) -> Vec<Diagnostic> {
    let converted: HashSet<&str> = native.iter().map(|e| e.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, e) in raw.iter().enumerate() {
        if !teams.contains_key(&e.team.id) {
            continue;
        }
        let Some((path, why, lack)) = fault(e, known) else {
            continue;
        };
        if converted.contains(super::events::event_id(e).as_str()) {
            continue;
        }
        out.push(Diagnostic::new(
            format!("[{i}]{path}"),
            format!(
                "{}: {why}; with --lenient it is skipped and the report lacks {lack}",
                cite(e)
            ),
        ));
    }
    out
}

/// Why an event that matters could not be converted, if it matters:
/// (path within the event, what is wrong, what a report would lack).
fn fault(
    e: &raw::Event,
    known: &HashMap<u64, super::lineups::Known>,
) -> Option<(&'static str, String, &'static str)> {
    let kind = e.kind.name.as_str();
    let player = || match &e.player {
        None => ("", "has no \"player\"".to_string()),
        Some(p) if !known.contains_key(&p.id) => (
            ".player.id",
            format!(
                "names player {} ({}), who is not in the line-ups",
                p.id, p.name
            ),
        ),
        Some(_) => ("", "could not be converted".to_string()),
    };
    let card = [&e.foul_committed, &e.bad_behaviour]
        .into_iter()
        .flatten()
        .filter_map(|f| f.card.as_ref())
        .any(|c| {
            matches!(
                c.name.as_str(),
                "Yellow Card" | "Second Yellow" | "Red Card"
            )
        });
    let goal = e.shot.as_ref().is_some_and(|s| s.outcome_name() == "Goal");
    match (kind, &e.shot) {
        ("Shot", None) => Some((
            "",
            "a Shot with no \"shot\" object; expected its details, with shot.outcome".to_string(),
            "this shot, a goal if it was one",
        )),
        ("Shot", Some(s)) if s.outcome.is_none() => Some((
            ".shot",
            "a Shot with no shot.outcome; expected the outcome (\"Goal\", \"Saved\", \"Off T\", ...)".to_string(),
            "this shot, a goal if it was one",
        )),
        ("Shot", _) if goal => {
            let (path, why) = player();
            Some((path, format!("a goal that {why}; expected the scorer"), "this goal: its side's score is one short"))
        }
        (other, _) if goal => Some((
            ".type",
            format!("a goal (shot.outcome \"Goal\") in an event of type \"{other}\"; expected type \"Shot\""),
            "this goal: its side's score is one short",
        )),
        ("Own Goal Against", _) => {
            let (path, why) = player();
            Some((path, format!("an own goal that {why}; expected the player who put it in"), "this own goal: the other side's score is one short"))
        }
        ("Substitution", _) if e.substitution.is_none() => Some((
            "",
            "a Substitution with no \"substitution\" object; expected the replacement".to_string(),
            "this substitution",
        )),
        ("Substitution", _) => {
            let (path, why) = player();
            Some((path, format!("a substitution that {why} (or whose replacement is not in the line-ups); expected both players from the line-ups"), "this substitution"))
        }
        _ if card => {
            let (path, why) = player();
            Some((path, format!("a card that {why}; expected the player booked"), "this card"))
        }
        _ => None,
    }
}

/// Goals per side (0 home, 1 away) as the feed's own events count them:
/// shots scored in play, and own goals credited to the other side.
pub fn feed_goals(raw: &[raw::Event], teams: &HashMap<u64, usize>) -> [u32; 2] {
    let mut goals = [0u32; 2];
    for e in raw.iter().filter(|e| e.period < 5) {
        let Some(&side) = teams.get(&e.team.id) else {
            continue;
        };
        let scored = e.shot.as_ref().is_some_and(|s| s.outcome_name() == "Goal");
        if scored {
            goals[side] = goals[side].saturating_add(1);
        } else if e.kind.name == "Own Goal Against" {
            goals[1 - side] = goals[1 - side].saturating_add(1);
        }
    }
    goals
}

/// The imported score checked against the feed's own goal events: a
/// difference means goals were lost or invented on the way.
pub fn feed_score(feed: [u32; 2], imported: Score) -> Vec<Diagnostic> {
    let mine = [u32::from(imported.home), u32::from(imported.away)];
    if feed == mine {
        return Vec::new();
    }
    vec![Diagnostic::new(
        "",
        format!(
            "the feed's goal events make the score {}-{} but the imported events make it {}-{}; expected every goal carried over",
            feed[0], feed[1], mine[0], mine[1]
        ),
    )]
}
