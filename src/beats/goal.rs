//! `goal`: every goal, with what it did to the score and how it was scored.
//!
//! What it detects: each goal, own goal and penalty scored in play, with
//! the score after it, its state from the scoring side's view (`opener`,
//! `equaliser`, `go_ahead`, `extends`, `reduces`) and the facts a sentence
//! about it needs: header, long range (`long_range_yards` in
//! `rules/thresholds.json`), set piece, penalty, own goal and assist.
//!
//! Why it matters: goals are the backbone of any report; every other beat
//! leans on them. They rank low on their own, with a small lift for goals
//! that levelled the match or put a side ahead.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::analysis::goal_state;
use crate::model::{BodyPart, EventType};
use serde_json::json;

/// Detects every goal.
pub struct GoalRule;

impl Rule for GoalRule {
    fn name(&self) -> &'static str {
        "goal"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (e, moment) in a.goals() {
            let state = goal_state(e, moment);
            let bonus = if matches!(state, Some("equaliser" | "go_ahead")) {
                t.salience("goal_turning_bonus")
            } else {
                0.0
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(self.name()) + bonus,
                side: Some(moment.side),
                players: e.player.iter().chain(&e.assist).cloned().collect(),
                slots: json!({
                    "player": e.player,
                    "team": e.team,
                    "minute": e.minute,
                    "added": e.added,
                    "score": moment.after,
                    "state": state,
                    "header": e.body_part == Some(BodyPart::Head),
                    "long_range": e.distance_yards.is_some_and(|d| d >= t.long_range_yards),
                    "set_piece": e.set_piece,
                    "penalty": e.kind == EventType::PenaltyScored,
                    "own_goal": e.kind == EventType::OwnGoal,
                    "assist": e.assist,
                }),
                evidence: vec![e.id.clone()],
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use serde_json::json;

    fn two_goals() -> crate::model::Match {
        let events = json!([
            {"id": "g1", "period": 1, "minute": 17, "team": "fra", "type": "goal", "player": "fra-tchouameni", "distance_yards": 25},
            {"id": "c", "period": 1, "minute": 30, "team": "eng", "type": "chance", "player": "eng-kane"},
            {"id": "g2", "period": 2, "minute": 54, "team": "eng", "type": "own_goal", "player": "fra-varane"}
        ]);
        with_events(
            events,
            json!({"half_time": {"home": 0, "away": 1}, "full_time": {"home": 1, "away": 1}}),
        )
    }

    #[test]
    fn an_opener_from_distance() {
        let m = two_goals();
        let beats = GoalRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 2);
        let s = &beats[0].slots;
        assert_eq!(s["state"], "opener");
        assert_eq!(s["long_range"], true);
        assert_eq!(s["header"], false);
        assert_eq!(s["score"], json!({"home": 0, "away": 1}));
        assert_eq!(beats[0].evidence, vec!["g1"]);
        assert_eq!(beats[0].salience, Thresholds::builtin().salience("goal"));
    }

    #[test]
    fn an_own_goal_equaliser_is_credited_and_lifted() {
        let m = two_goals();
        let beats = GoalRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        let s = &beats[1].slots;
        assert_eq!(s["state"], "equaliser");
        assert_eq!(s["own_goal"], true);
        assert_eq!(s["team"], "eng");
        assert_eq!(s["long_range"], false);
        assert_eq!(
            beats[1].salience,
            Thresholds::builtin().salience("goal")
                + Thresholds::builtin().salience("goal_turning_bonus")
        );
    }

    #[test]
    fn no_goals_no_beats() {
        let events = json!([{"id": "c", "period": 1, "minute": 30, "team": "eng", "type": "chance", "player": "eng-kane"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        assert!(
            GoalRule
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn england_france_has_three_goals() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        let beats = GoalRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        let states: Vec<_> = beats
            .iter()
            .map(|b| b.slots["state"].as_str().unwrap())
            .collect();
        assert_eq!(states, vec!["opener", "equaliser", "go_ahead"]);
        assert_eq!(beats[1].slots["penalty"], true);
        assert_eq!(beats[2].slots["header"], true);
        assert_eq!(beats[2].slots["assist"], "fra-griezmann");
    }
}
