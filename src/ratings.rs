//! Computed player ratings, for matches whose source has none.
//!
//! The model is deliberately simple and readable, not a scouting tool:
//!
//! 1. Start from **6.0**, an ordinary performance.
//! 2. Add up what the player did ([`WEIGHTS`]): +1.25 a goal, +0.75 an
//!    assist, +0.15 a key pass (a pass leading to a shot that did not
//!    score), +0.15 a shot on target that did not score, +0.2 a save,
//!    +0.1 a defensive action (won tackle, interception, clearance,
//!    block); −1.0 an error leading to a shot or goal, −0.5 a yellow card,
//!    −1.5 a sending-off, −1.0 an own goal.
//! 3. Scale that sum by time on the pitch: ×(0.5 + minutes/180), so a full
//!    90 minutes counts in full and a one-minute cameo counts half; a
//!    short cameo therefore stays near 6.0 whatever happens.
//! 4. Clamp to 3–10 and round to the nearest half mark.
//!
//! Ratings computed this way are marked `ratings_basis: "computed"` in
//! the match file, so a report never passes them off as a desk's marks.

use crate::model::Rating;
use std::collections::BTreeMap;

/// What one player did in a match, as the model counts it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Performance {
    /// Minutes on the pitch.
    pub minutes: f32,
    /// Goals scored (penalties included, own goals not).
    pub goals: u16,
    /// Assists.
    pub assists: u16,
    /// Passes that led to a shot that did not score.
    pub key_passes: u16,
    /// Shots on target that did not score.
    pub shots_on_target: u16,
    /// Saves (goalkeepers).
    pub saves: u16,
    /// Won tackles, interceptions, clearances and blocks.
    pub defensive_actions: u16,
    /// Errors leading to a shot or goal.
    pub errors: u16,
    /// Yellow cards (a second yellow counts under `red_cards`).
    pub yellow_cards: u16,
    /// Sendings-off (straight red or second yellow).
    pub red_cards: u16,
    /// Own goals.
    pub own_goals: u16,
}

/// The model's weights, one per tally, in [`Performance`] order.
pub const WEIGHTS: Weights = Weights {
    goal: 1.25,
    assist: 0.75,
    key_pass: 0.15,
    shot_on_target: 0.15,
    save: 0.2,
    defensive_action: 0.1,
    error: -1.0,
    yellow_card: -0.5,
    red_card: -1.5,
    own_goal: -1.0,
};

/// The weight of each tally in the rating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Per goal.
    pub goal: f32,
    /// Per assist.
    pub assist: f32,
    /// Per key pass.
    pub key_pass: f32,
    /// Per shot on target that did not score.
    pub shot_on_target: f32,
    /// Per save.
    pub save: f32,
    /// Per defensive action.
    pub defensive_action: f32,
    /// Per error.
    pub error: f32,
    /// Per yellow card.
    pub yellow_card: f32,
    /// Per sending-off.
    pub red_card: f32,
    /// Per own goal.
    pub own_goal: f32,
}

/// The rating before rounding: 6.0 plus the weighted tallies, scaled by
/// minutes played, clamped to 3–10.
pub fn score(p: &Performance) -> f32 {
    let w = WEIGHTS;
    let n = |x: u16| x as f32;
    let sum = w.goal * n(p.goals)
        + w.assist * n(p.assists)
        + w.key_pass * n(p.key_passes)
        + w.shot_on_target * n(p.shots_on_target)
        + w.save * n(p.saves)
        + w.defensive_action * n(p.defensive_actions)
        + w.error * n(p.errors)
        + w.yellow_card * n(p.yellow_cards)
        + w.red_card * n(p.red_cards)
        + w.own_goal * n(p.own_goals);
    let scale = 0.5 + p.minutes.clamp(0.0, 90.0) / 180.0;
    (6.0 + sum * scale).clamp(3.0, 10.0)
}

/// The rating as printed: [`score`] rounded to the nearest half.
pub fn rate(p: &Performance) -> Rating {
    Rating::Mark((score(p) * 2.0).round() / 2.0)
}

/// Ratings for every player who played, by player id.
pub fn rate_all(performances: &BTreeMap<String, Performance>) -> BTreeMap<String, Rating> {
    performances
        .iter()
        .filter(|(_, p)| p.minutes > 0.0)
        .map(|(id, p)| (id.clone(), rate(p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(p: &Performance) -> f32 {
        match rate(p) {
            Rating::Mark(m) => m,
            Rating::NotRated(_) => panic!("always a mark"),
        }
    }

    #[test]
    fn an_ordinary_game_is_six_and_marks_are_halves() {
        let p = Performance {
            minutes: 90.0,
            ..Default::default()
        };
        assert_eq!(mark(&p), 6.0);
        let p = Performance {
            minutes: 90.0,
            defensive_actions: 3,
            ..Default::default()
        };
        assert_eq!(mark(&p) * 2.0, (mark(&p) * 2.0).round());
    }

    #[test]
    fn clamped() {
        let p = Performance {
            minutes: 90.0,
            goals: 9,
            ..Default::default()
        };
        assert_eq!(mark(&p), 10.0);
        let p = Performance {
            minutes: 90.0,
            own_goals: 3,
            red_cards: 1,
            errors: 2,
            ..Default::default()
        };
        assert_eq!(mark(&p), 3.0);
    }
}
