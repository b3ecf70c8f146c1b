//! `extra_time_winner`: the goal that decided the match in extra time.
//!
//! What it detects: in a match won in extra time (no shoot-out), the goal
//! after which the winner led for good, scored in period 3 or 4, with its
//! minute (104 is "the 104th minute", never "16 minutes from time").
//!
//! Why it matters: extra time changes how the match is told; a winner in
//! it is the story, and "late on" or "from time" would misstate it.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use serde_json::json;

/// Detects extra-time winners.
pub struct ExtraTimeWinner;

impl Rule for ExtraTimeWinner {
    fn name(&self) -> &'static str {
        "extra_time_winner"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let r = &a.m.result;
        let Some(winner) = r
            .winner
            .filter(|_| r.shootout.is_none() && r.after_extra_time.is_some())
        else {
            return Vec::new();
        };
        let decisive = a.decisive_goal(winner).map(|(_, e, mo)| (e, mo));
        let Some((e, moment)) = decisive.filter(|(e, _)| matches!(e.period, 3 | 4)) else {
            return Vec::new();
        };
        let extra = json!({
            "score": moment.after,
            "own_goal": e.kind == crate::model::EventType::OwnGoal,
        });
        vec![Beat::for_event(self.name(), t, winner, e, extra)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::detect;
    use serde_json::json;

    fn et_result() -> serde_json::Value {
        json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}, "after_extra_time": {"home": 1, "away": 0}, "winner": "home", "decided_by": "extra_time"})
    }

    #[test]
    fn a_goal_in_extra_time_that_wins_it() {
        let events = json!([{"id": "g1", "period": 4, "minute": 113, "team": "eng", "type": "goal", "player": "eng-kane"}]);
        let beats = detect(&ExtraTimeWinner, events, et_result());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["minute"], 113);
    }

    #[test]
    fn no_extra_time_no_beat() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert!(
            ExtraTimeWinner
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
