//! Match logic: the checks that make a file a football match that could
//! have happened, beyond ids that resolve and scores that add up.
//!
//! Each check is one rule of `docs/schema.md` ("Match logic"), and each
//! error names the events involved, so a desk can see which entry is wrong.
//! The checks assume the structural ones ran: an event naming an unknown
//! team or player is reported there and skipped here.

use crate::analysis::{Pitch, Status};
use crate::error::Diagnostic;
use crate::model::{Event, EventType, Match, MatchResult, Score, ShotOutcome, Side};
use std::collections::HashMap;

/// Every match-logic problem in `m`.
pub fn check(m: &Match) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    cards(m, &mut out);
    pitch(m, &mut out);
    penalties(m, &mut out);
    periods(m, &mut out);
    shootout(m, &mut out);
    out
}

fn side_of(m: &Match, team: &str) -> Option<Side> {
    [Side::Home, Side::Away]
        .into_iter()
        .find(|&s| m.teams.get(s).id == team)
}

/// `events[i] ("id")`: how messages name an event.
fn cite(m: &Match, i: usize) -> String {
    format!("events[{i}] (\"{}\")", m.events[i].id)
}

/// Cards: a second yellow needs a first; two plain yellows for one player
/// are a second yellow written wrongly (a third yellow is impossible); a
/// player is sent off at most once.
fn cards(m: &Match, out: &mut Vec<Diagnostic>) {
    let mut yellow: HashMap<&str, usize> = HashMap::new();
    let mut dismissed: HashMap<&str, usize> = HashMap::new();
    for (i, e) in m.events.iter().enumerate() {
        let Some(p) = e.player.as_deref() else {
            continue;
        };
        let path = format!("events[{i}].type");
        if let Some(&first) = dismissed.get(p).filter(|_| e.kind.is_sending_off()) {
            out.push(Diagnostic::new(
                path,
                format!(
                    "\"{p}\" is sent off again, already sent off by {}; expected one dismissal per player",
                    cite(m, first)
                ),
            ));
            continue;
        }
        match e.kind {
            EventType::Yellow => {
                if let Some(&first) = yellow.get(p) {
                    out.push(Diagnostic::new(
                        path,
                        format!(
                            "a second \"yellow\" for \"{p}\", booked already by {}; expected \"second_yellow\" for a player's second booking",
                            cite(m, first)
                        ),
                    ));
                } else {
                    yellow.insert(p, i);
                }
            }
            EventType::SecondYellow if !yellow.contains_key(p) => out.push(Diagnostic::new(
                path,
                format!("a second yellow card for \"{p}\" with no earlier yellow card; expected a \"yellow\" event for the same player before it"),
            )),
            _ => {}
        }
        if e.kind.is_sending_off() {
            dismissed.insert(p, i);
        }
    }
}

/// Every player an event names is where the event needs him: see
/// [`Pitch::conflicts`].
fn pitch(m: &Match, out: &mut Vec<Diagnostic>) {
    let mut pitch = Pitch::kick_off(m);
    for (i, e) in m.events.iter().enumerate() {
        // Shoot-out kicks are taken by players on the pitch at the end of
        // play: the same rule, checked against the final state.
        for (field, id, status) in pitch.conflicts(e) {
            // Sending off twice is the cards rule's error; not repeated.
            if e.kind.is_sending_off() && field == "player" {
                continue;
            }
            // Within one clock minute a desk lists an incident and the
            // card or change that followed it in either order (a player
            // still goes off only once).
            if let Status::SubbedOff(at) | Status::SentOff(at) = status
                && e.kind != EventType::Substitution
                && clock(&m.events[at]) == clock(e)
            {
                continue;
            }
            let why = match status {
                Status::Bench => "is a substitute who has not come on".to_string(),
                Status::OnPitch if e.kind == EventType::Substitution => {
                    "is already on the pitch (a starter or a substitute already on)".to_string()
                }
                Status::OnPitch => "is on the pitch".to_string(),
                Status::SubbedOff(at) => format!("was substituted off by {}", cite(m, at)),
                Status::SentOff(at) => format!("was sent off by {}", cite(m, at)),
            };
            let expected = match (e.kind, field) {
                (EventType::Substitution, "player") => {
                    "a substitute who has not played yet coming on"
                }
                (EventType::Yellow | EventType::SecondYellow | EventType::Red, _) => {
                    "a player who has not been sent off"
                }
                _ => "a player on the pitch at the time",
            };
            out.push(Diagnostic::new(
                format!("events[{i}].{field}"),
                format!("\"{id}\" {why}; expected {expected}"),
            ));
        }
        pitch.step(e);
    }
}

/// A penalty is entered once: no two kicks answer the same award, and a
/// converted penalty is not also written as a plain goal by the same
/// player at the same minute.
fn penalties(m: &Match, out: &mut Vec<Diagnostic>) {
    let mut kicks: HashMap<&str, usize> = HashMap::new();
    // Plain goals by scorer and clock, so the look-up stays linear.
    let mut plain_goals = HashMap::new();
    for (j, g) in m.events.iter().enumerate() {
        if g.kind == EventType::Goal {
            plain_goals
                .entry((g.player.as_deref(), g.period, g.minute, g.added))
                .or_insert(j);
        }
    }
    for (i, e) in m.events.iter().enumerate() {
        if !e.kind.is_penalty_kick() {
            continue;
        }
        if let Some(award) = e.about.as_deref()
            && let Some(&first) = kicks.get(award)
        {
            out.push(Diagnostic::new(
                format!("events[{i}].about"),
                format!(
                    "a second kick for the penalty \"{award}\", already taken in {}; expected each penalty entered once",
                    cite(m, first)
                ),
            ));
        }
        if let Some(award) = e.about.as_deref() {
            kicks.entry(award).or_insert(i);
        }
        if e.kind != EventType::PenaltyScored {
            continue;
        }
        let key = (e.player.as_deref(), e.period, e.minute, e.added);
        let twin = plain_goals.get(&key).map(|&j| (j, ()));
        if let Some((j, _)) = twin {
            out.push(Diagnostic::new(
                format!("events[{j}].type"),
                format!(
                    "a \"goal\" by the same player at the same minute as the converted penalty {}; expected the penalty entered once, as \"penalty_scored\"",
                    cite(m, i)
                ),
            ));
        }
    }
}

/// Extra time is played only in a knockout match level after 90 minutes;
/// a shoot-out only in a knockout match level at the end of play; and a
/// knockout match has a winner. In the second leg of a two-legged tie
/// (`context.aggregate`) "level" means level on aggregate, and the match
/// itself may end level: the tie, not the match, has the winner.
fn periods(m: &Match, out: &mut Vec<Diagnostic>) {
    let r = &m.result;
    let first_leg = m.context.aggregate.as_ref().map(|a| a.first_leg);
    let over_tie = |s: Score| match first_leg {
        Some(f) => Score {
            home: s.home.saturating_add(f.home),
            away: s.away.saturating_add(f.away),
        },
        None => s,
    };
    let knockout = m.fixture.stage.is_knockout();
    let stage = stage_name(m);
    let first_in = |p: u8| m.events.iter().position(|e| e.period == p);
    let extra_time = r.after_extra_time.is_some() || first_in(3).or(first_in(4)).is_some();
    let shootout = r.shootout.is_some() || first_in(5).is_some();
    let at = |p: Option<usize>, fallback: &str| {
        p.map_or(fallback.to_string(), |i| format!("events[{i}].period"))
    };
    let et_path = at(first_in(3).or(first_in(4)), "result.after_extra_time");
    if extra_time && !knockout {
        out.push(Diagnostic::new(
            et_path.clone(),
            format!("extra time in a {stage} match; expected extra time only in a knockout stage"),
        ));
    } else if extra_time && over_tie(r.full_time).leader().is_some() {
        out.push(Diagnostic::new(
            et_path,
            format!(
                "extra time after a decisive 90 minutes ({}); expected extra time only when normal time ends level",
                score(r.full_time)
            ),
        ));
    }
    let so_path = at(first_in(5), "result.shootout");
    let end_of_play = r.after_extra_time.unwrap_or(r.full_time);
    if shootout && !knockout {
        out.push(Diagnostic::new(
            so_path,
            format!(
                "a penalty shoot-out in a {stage} match; expected a shoot-out only in a knockout stage"
            ),
        ));
    } else if shootout && over_tie(end_of_play).leader().is_some() {
        out.push(Diagnostic::new(
            so_path,
            format!(
                "a penalty shoot-out after a decisive {} ({}); expected a shoot-out only when play ends level",
                if r.after_extra_time.is_some() {
                    "extra time"
                } else {
                    "90 minutes"
                },
                score(end_of_play)
            ),
        ));
    } else if knockout && r.winner.is_none() && !shootout && first_leg.is_none() {
        out.push(knockout_level(r, &stage));
    }
}

/// A knockout match that ends level with no shoot-out.
fn knockout_level(r: &MatchResult, stage: &str) -> Diagnostic {
    let expected = if r.after_extra_time.is_some() {
        "a penalty shoot-out (\"shootout_kick\" events and a \"shootout\" score)"
    } else {
        "extra time (\"after_extra_time\") or a penalty shoot-out"
    };
    Diagnostic::new(
        "result",
        format!(
            "a {stage} match that ends level ({}) with no winner; a knockout match has a winner, so expected {expected}",
            score(r.after_extra_time.unwrap_or(r.full_time))
        ),
    )
}

/// The shoot-out's kicks alternate between the sides, and stop once one
/// side cannot be caught (best of five, then sudden death in pairs); it
/// ends decided.
fn shootout(m: &Match, out: &mut Vec<Diagnostic>) {
    let kicks: Vec<(usize, &Event, Side)> = m
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventType::ShootoutKick)
        .filter_map(|(i, e)| side_of(m, &e.team).map(|s| (i, e, s)))
        .collect();
    let (mut taken, mut scored) = (Score::default(), Score::default());
    let mut previous: Option<(usize, Side)> = None;
    let mut decided_at: Option<usize> = None;
    for &(i, e, side) in &kicks {
        if let Some(decider) = decided_at {
            out.push(Diagnostic::new(
                format!("events[{i}]"),
                format!(
                    "a shoot-out kick after the shoot-out was decided ({} after {}); expected no more kicks",
                    score(scored),
                    cite(m, decider)
                ),
            ));
            return;
        }
        if let Some((j, last)) = previous
            && last == side
        {
            out.push(Diagnostic::new(
                format!("events[{i}].team"),
                format!(
                    "two shoot-out kicks in a row by \"{}\" ({} and this one); expected the sides to take turns",
                    e.team,
                    cite(m, j)
                ),
            ));
        }
        taken.add(side);
        if e.outcome == Some(ShotOutcome::Scored) {
            scored.add(side);
        }
        if decided(taken, scored) {
            decided_at = Some(i);
        }
        previous = Some((i, side));
    }
    if let Some((last, _)) = previous.filter(|_| decided_at.is_none()) {
        out.push(Diagnostic::new(
            format!("events[{last}]"),
            format!(
                "the shoot-out ends undecided ({} from {}-{} kicks); expected kicks until one side has won",
                score(scored),
                taken.home,
                taken.away
            ),
        ));
    }
}

/// True once one side has won: within the first five kicks each, when the
/// other cannot catch up even scoring every kick it has left; after that
/// (sudden death), when both have taken as many kicks and the scores differ.
fn decided(taken: Score, scored: Score) -> bool {
    let (th, ta) = (i32::from(taken.home), i32::from(taken.away));
    let (sh, sa) = (i32::from(scored.home), i32::from(scored.away));
    let beyond_reach = th <= 5 && ta <= 5 && (sh + (5 - th) < sa || sa + (5 - ta) < sh);
    beyond_reach || (th == ta && th >= 5 && sh != sa)
}

fn clock(e: &Event) -> (u8, Option<u16>, u8) {
    (e.period, e.minute, e.added)
}

fn score(s: Score) -> String {
    format!("{}-{}", s.home, s.away)
}

fn stage_name(m: &Match) -> String {
    serde_json::to_value(m.fixture.stage)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}
