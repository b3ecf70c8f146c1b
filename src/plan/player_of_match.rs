//! Player of the match: one player and the reason, drawn from beats.
//!
//! Each player is scored from what the beats and tallies say: goals,
//! assists, a late winner, a record, a brace, the desk's rating, and a
//! bonus for the winning side. The reason names the beats that decided
//! it, and a rival when the story was a duel between two record-holders.

use super::{Beats, ParagraphPlan, Planned};
use crate::analysis::Analysis;
use crate::beats::Beat;
use crate::model::{Rating, Side};
use serde_json::json;

/// Plans the Player of the match paragraph; none in a match with no goals
/// and no ratings (there is nothing to choose by).
pub fn plan<'b>(a: &Analysis, beats: &Beats<'b>) -> Vec<ParagraphPlan<'b>> {
    let Some((player, side)) = choose(a, beats) else {
        return Vec::new();
    };
    let tallies = a.tallies(&player);
    let late = beats.for_player("late_winner", &player);
    let record = beats.for_player("record", &player);
    let goal_beats: Vec<&Beat> = beats
        .of("goal")
        .filter(|b| b.players.first() == Some(&player))
        .collect();
    let rival = rival(beats, side, record);
    let mut used: Vec<&Beat> = goal_beats
        .iter()
        .copied()
        .chain(late)
        .chain(record)
        .collect();
    if let Some((_, miss, their_record)) = rival {
        used.extend([miss, their_record]);
    }
    let slots = json!({
        "player": player,
        "team": a.team(side).id,
        "goals": tallies.goals,
        "assists": tallies.assists,
        "winning_goal": late.map(|l| l.slots.clone()),
        "header": goal_beats.iter().any(|g| g.slots["header"] == true),
        "record": record.map(|r| r.slots.clone()),
        "rival": rival.as_ref().map(|(p, _, _)| p.clone()),
        "won": a.m.result.winner == Some(side),
        "rating": a.m.ratings.get(&player),
    });
    let name = json!({ "player": player, "team": a.team(side).id });
    vec![
        // The name line cites what the player did, not his rival's miss.
        vec![Planned::new(
            "player_of_match/name",
            name,
            used.iter()
                .copied()
                .filter(|b| b.players.contains(&player))
                .collect(),
        )],
        vec![
            Planned::new("player_of_match/reason", slots, used)
                .via(late, "winning_goal")
                .via(record, "record")
                .via(rival.as_ref().map(|r| r.1), "rival")
                .via(rival.as_ref().map(|r| r.2), "rival"),
        ],
    ]
}

/// The best-scoring player, winners first on equal scores.
fn choose(a: &Analysis, beats: &Beats) -> Option<(String, Side)> {
    let mut best: Option<(f32, String, Side)> = None;
    for side in [Side::Home, Side::Away] {
        for p in &a.team(side).squad {
            let score = score(a, beats, &p.id, side);
            if score > 0.0 && best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, p.id.clone(), side));
            }
        }
    }
    best.map(|(_, p, s)| (p, s))
}

fn score(a: &Analysis, beats: &Beats, player: &str, side: Side) -> f32 {
    let t = a.tallies(player);
    let rating = match a.m.ratings.get(player) {
        Some(Rating::Mark(m)) => *m,
        _ => 0.0,
    };
    let mut score = f32::from(t.goals) * 2.0 + f32::from(t.assists) * 1.5 + rating;
    score += 3.0 * f32::from(u8::from(beats.for_player("late_winner", player).is_some()));
    score += f32::from(u8::from(beats.for_player("record", player).is_some()));
    score += f32::from(u8::from(
        beats.for_player("brace", player).is_some()
            || beats.for_player("hat_trick", player).is_some(),
    ));
    if a.m.result.winner == Some(side) {
        score += 2.0;
    }
    score
}

/// The other side's record-holder who missed the decisive penalty: the
/// duel the reference's verdict turns on.
fn rival<'b>(
    beats: &Beats<'b>,
    side: Side,
    record: Option<&Beat>,
) -> Option<(String, &'b Beat, &'b Beat)> {
    record?;
    let miss = beats.for_side("decisive_penalty_miss", side.other())?;
    let taker = miss.players.first()?;
    let their_record = beats
        .for_player("record", taker)
        .filter(|r| r.slots["counts"] == "goals")?;
    Some((taker.clone(), miss, their_record))
}
