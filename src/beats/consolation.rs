//! `consolation`: the losers' goal that came too late to matter.
//!
//! What it detects: in a match with a winner, the loser's last goal when
//! it left them still behind. Nothing after it changed the outcome, since
//! it was their last. No beat for a draw, for a loser without a goal, or
//! when the loser's last goal drew them level or put them ahead (a
//! shoot-out defeat, say).
//!
//! Why it matters: "a consolation" closes the account of a defeat; it
//! should be named as such, not as a goal that mattered.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects a losing side's consolation goal.
pub struct Consolation;

impl Rule for Consolation {
    fn name(&self) -> &'static str {
        "consolation"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(winner) = a.m.result.winner else {
            return Vec::new();
        };
        let loser = winner.other();
        let Some((e, moment)) = a.goals().filter(|(_, mo)| mo.side == loser).last() else {
            return Vec::new();
        };
        if moment.after.of(loser) >= moment.after.of(winner) {
            return Vec::new();
        }
        let extra = json!({ "score": moment.after, "own_goal": e.kind == EventType::OwnGoal });
        vec![Beat::for_event(self.name(), t, loser, e, extra)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{goal, with_events};
    use crate::model::Match;
    use serde_json::json;

    fn france_won(events: serde_json::Value, home: u8, away: u8) -> Match {
        with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": home, "away": away}, "winner": "away", "decided_by": "normal_time"}),
        )
    }

    fn detect(m: &Match) -> Vec<Beat> {
        Consolation.detect(&Analysis::new(m), &Thresholds::builtin())
    }

    #[test]
    fn a_late_goal_for_the_beaten_side_is_a_consolation() {
        let m = france_won(
            json!([
                goal("g1", 50, "fra", "fra-giroud"),
                goal("g2", 60, "fra", "fra-mbappe"),
                goal("g3", 88, "eng", "eng-kane")
            ]),
            1,
            2,
        );
        let beats = detect(&m);
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "eng-kane");
        assert_eq!(s["team"], "eng");
        assert_eq!(s["minute"], 88);
        assert_eq!(s["score"], json!({"home": 1, "away": 2}));
        assert_eq!(s["own_goal"], false);
        assert_eq!(beats[0].evidence, vec!["g3"]);
    }

    #[test]
    fn only_the_last_of_the_losers_goals_counts() {
        let m = france_won(
            json!([
                goal("g1", 50, "fra", "fra-giroud"),
                goal("g2", 55, "fra", "fra-mbappe"),
                goal("g3", 60, "fra", "fra-mbappe"),
                goal("g4", 70, "eng", "eng-kane"),
                goal("g5", 80, "eng", "eng-saka")
            ]),
            2,
            3,
        );
        let beats = detect(&m);
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].evidence, vec!["g5"]);
    }

    #[test]
    fn an_equaliser_before_a_winner_is_no_consolation() {
        let m = france_won(
            json!([
                goal("g1", 50, "fra", "fra-giroud"),
                goal("g2", 60, "eng", "eng-kane"),
                goal("g3", 80, "fra", "fra-mbappe")
            ]),
            1,
            2,
        );
        assert!(detect(&m).is_empty());
    }

    #[test]
    fn no_consolation_in_a_draw_or_without_a_goal() {
        let draw = with_events(
            json!([
                goal("g1", 50, "fra", "fra-giroud"),
                goal("g2", 60, "eng", "eng-kane")
            ]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 1}}),
        );
        assert!(detect(&draw).is_empty());
        let nil = france_won(json!([goal("g1", 50, "fra", "fra-giroud")]), 0, 1);
        assert!(detect(&nil).is_empty());
    }

    #[test]
    fn no_consolation_in_the_fixtures() {
        // England's penalty drew them level with France; Sweden's goal put
        // them ahead; France's last goal in the final made it 3-3.
        for text in [
            include_str!("../../fixtures/eng-fra-2022-wc-qf.json"),
            include_str!("../../fixtures/ger-swe-2018-wc-group.json"),
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        ] {
            let m = crate::input::load_str("f", text).unwrap();
            assert!(detect(&m).is_empty());
        }
    }
}
