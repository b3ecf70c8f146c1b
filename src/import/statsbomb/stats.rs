//! Per-team statistics and per-player tallies from the raw events.
//!
//! Team figures: shots and shots on target (scored or saved; shoot-out
//! kicks excluded), xG (sum of `statsbomb_xg`, two decimals), corners
//! (passes of type Corner), fouls (Foul Committed), passes (every Pass
//! event) and offsides (Offside events and offside passes). Player
//! tallies feed [`crate::ratings`].

use super::lineups::Known;
use super::raw;
use crate::model::{Sides, TeamStats};
use crate::ratings::Performance;
use std::collections::{BTreeMap, HashMap};

/// Team statistics, home then away.
pub fn team_stats(raw: &[raw::Event], team_side: &HashMap<u64, usize>) -> Sides<TeamStats> {
    let mut shots = [0u16; 2];
    let mut on_target = [0u16; 2];
    let mut xg = [0f32; 2];
    let mut corners = [0u16; 2];
    let mut fouls = [0u16; 2];
    let mut passes = [0u32; 2];
    let mut offsides = [0u16; 2];
    for e in raw {
        let Some(&side) = team_side.get(&e.team.id) else {
            continue;
        };
        match e.kind.name.as_str() {
            "Shot" if e.period < 5 => {
                shots[side] = shots[side].saturating_add(1);
                if let Some(s) = &e.shot {
                    if super::events::on_target(s.outcome_name()) {
                        on_target[side] = on_target[side].saturating_add(1);
                    }
                    xg[side] += s.statsbomb_xg.unwrap_or(0.0);
                }
            }
            "Pass" => {
                passes[side] = passes[side].saturating_add(1);
                if let Some(p) = &e.pass {
                    if p.kind.as_ref().is_some_and(|k| k.name == "Corner") {
                        corners[side] = corners[side].saturating_add(1);
                    }
                    if p.outcome.as_ref().is_some_and(|o| o.name == "Pass Offside") {
                        offsides[side] = offsides[side].saturating_add(1);
                    }
                }
            }
            "Foul Committed" => fouls[side] = fouls[side].saturating_add(1),
            "Offside" => offsides[side] = offsides[side].saturating_add(1),
            _ => {}
        }
    }
    let team = |i: usize| TeamStats {
        possession: None,
        shots: Some(shots[i]),
        shots_on_target: Some(on_target[i]),
        xg: Some((xg[i] * 100.0).round() / 100.0),
        corners: Some(corners[i]),
        fouls: Some(fouls[i]),
        offsides: Some(offsides[i]),
        passes: Some(passes[i]),
    };
    Sides {
        home: team(0),
        away: team(1),
    }
}

/// A moment in the match: period and elapsed minutes (StatsBomb's clock).
type Moment = (u8, f32);

/// Each player's tallies for the ratings model, by native id.
pub fn performances(
    raw: &[raw::Event],
    known: &HashMap<u64, Known>,
) -> BTreeMap<String, Performance> {
    let mut perf: BTreeMap<String, Performance> = BTreeMap::new();
    // Period bounds from Half Start / Half End.
    let mut bounds: BTreeMap<u8, (f32, f32)> = BTreeMap::new();
    let mut on: HashMap<u64, Moment> = HashMap::new();
    let mut off: HashMap<u64, Moment> = HashMap::new();
    let by_id: HashMap<&str, &raw::Event> = raw.iter().map(|e| (e.id.as_str(), e)).collect();
    let at = |e: &raw::Event| (e.period, super::clock::elapsed(e.minute, e.second));
    for e in raw {
        let t = at(e);
        if e.period < 5 {
            let b = bounds.entry(e.period).or_insert((t.1, t.1));
            b.0 = b.0.min(t.1);
            b.1 = b.1.max(t.1);
        }
        let pid = e.player.as_ref().map(|p| p.id);
        let mut tally = |f: &mut dyn FnMut(&mut Performance)| {
            if let Some(k) = pid.and_then(|id| known.get(&id)) {
                f(perf.entry(k.id.clone()).or_default());
            }
        };
        match e.kind.name.as_str() {
            "Starting XI" => {
                for p in e.tactics.iter().flat_map(|t| &t.lineup) {
                    on.insert(p.player.id, t);
                }
            }
            "Substitution" => {
                if let Some(id) = pid {
                    off.insert(id, t);
                }
                if let Some(s) = &e.substitution {
                    on.insert(s.replacement.id, t);
                }
            }
            "Shot" if e.period < 5 => {
                let Some(s) = &e.shot else { continue };
                let goal = s.outcome_name() == "Goal";
                tally(&mut |p| {
                    if goal {
                        p.goals = p.goals.saturating_add(1);
                    } else if super::events::on_target(s.outcome_name()) {
                        p.shots_on_target = p.shots_on_target.saturating_add(1);
                    }
                });
                if let Some(kp) = s.key_pass_id.as_deref().and_then(|id| by_id.get(id))
                    && let Some(k) = kp.player.as_ref().and_then(|pl| known.get(&pl.id))
                {
                    let entry = perf.entry(k.id.clone()).or_default();
                    if goal && kp.pass.as_ref().is_some_and(|p| p.goal_assist) {
                        entry.assists = entry.assists.saturating_add(1);
                    } else {
                        entry.key_passes = entry.key_passes.saturating_add(1);
                    }
                }
            }
            "Own Goal Against" => tally(&mut |p| p.own_goals = p.own_goals.saturating_add(1)),
            "Goal Keeper" => {
                let kind = e
                    .goalkeeper
                    .as_ref()
                    .and_then(|g| g.kind.as_ref())
                    .map(|k| k.name.as_str());
                if matches!(kind, Some("Shot Saved" | "Penalty Saved" | "Save")) {
                    tally(&mut |p| p.saves = p.saves.saturating_add(1));
                }
            }
            "Interception" | "Clearance" | "Block" => {
                tally(&mut |p| p.defensive_actions = p.defensive_actions.saturating_add(1))
            }
            "Duel" => {
                let d = e.duel.clone().unwrap_or_default();
                let tackle = d.kind.as_ref().is_some_and(|k| k.name == "Tackle");
                let won = d.outcome.as_ref().is_some_and(|o| {
                    matches!(
                        o.name.as_str(),
                        "Won" | "Success" | "Success In Play" | "Success Out"
                    )
                });
                if tackle && won {
                    tally(&mut |p| p.defensive_actions = p.defensive_actions.saturating_add(1));
                }
            }
            "Error" => tally(&mut |p| p.errors = p.errors.saturating_add(1)),
            "Foul Committed" | "Bad Behaviour" => {
                let card = e
                    .foul_committed
                    .as_ref()
                    .or(e.bad_behaviour.as_ref())
                    .and_then(|f| f.card.as_ref())
                    .map(|c| c.name.clone());
                match card.as_deref() {
                    Some("Yellow Card") => {
                        tally(&mut |p| p.yellow_cards = p.yellow_cards.saturating_add(1))
                    }
                    Some("Second Yellow" | "Red Card") => {
                        tally(&mut |p| p.red_cards = p.red_cards.saturating_add(1));
                        if let Some(id) = pid {
                            off.entry(id).or_insert(t);
                        }
                    }
                    _ => {}
                }
            }
            "Player Off" => {
                if let Some(id) = pid {
                    off.entry(id).or_insert(t);
                }
            }
            _ => {}
        }
    }
    // Minutes played: the overlap of [on, off] with each period.
    let end = bounds
        .iter()
        .next_back()
        .map(|(&p, &(_, e))| (p, e))
        .unwrap_or((2, 90.0));
    for (sb_id, k) in known {
        let Some(&start) = on.get(sb_id) else {
            continue;
        };
        let stop = off.get(sb_id).copied().unwrap_or(end);
        let mut minutes = 0.0;
        for (&period, &(lo, hi)) in &bounds {
            let from = if period < start.0 {
                continue;
            } else if period == start.0 {
                start.1.max(lo)
            } else {
                lo
            };
            let to = if period > stop.0 {
                continue;
            } else if period == stop.0 {
                stop.1.min(hi)
            } else {
                hi
            };
            minutes += (to - from).max(0.0);
        }
        perf.entry(k.id.clone()).or_default().minutes = minutes;
    }
    perf.retain(|_, p| p.minutes > 0.0);
    perf
}
