//! `own_goal`: a player put the ball into his own net.
//!
//! What it detects: every `own_goal` event: the unlucky player (from the
//! conceding side), the side credited, the minute and what it did to the
//! score.
//!
//! Why it matters: an own goal is never credited to a scorer; it is its
//! own small story, and a decisive one is a big one.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects own goals.
pub struct OwnGoal;

impl Rule for OwnGoal {
    fn name(&self) -> &'static str {
        "own_goal"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        a.m.events
            .iter()
            .zip(&a.timeline)
            .filter(|(e, _)| e.kind == EventType::OwnGoal)
            .map(|(e, mo)| {
                let extra = json!({
                    "conceding": a.team(mo.side.other()).id,
                    "score": mo.after,
                });
                Beat::for_event(self.name(), t, mo.side, e, extra)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{detect, result};
    use serde_json::json;

    #[test]
    fn an_own_goal_names_the_unlucky_player_and_the_side_credited() {
        let events = json!([{"id": "o1", "period": 2, "minute": 60, "team": "eng", "type": "own_goal", "player": "fra-varane"}]);
        let beats = detect(&OwnGoal, events, result(1, 0));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["player"], "fra-varane");
        assert_eq!(beats[0].slots["conceding"], "fra");
    }

    #[test]
    fn goals_are_not_own_goals() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert!(
            OwnGoal
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
