//! `late_winner`: the goal that decided the match came late.
//!
//! What it detects: in a match won in normal time or extra time, the goal
//! that put the winner ahead for good, when scored in normal time from
//! `late_minute` on. A winner in extra time is an `extra_time_winner`:
//! "N minutes from time" would misstate it.
//!
//! Why it matters: a late winner is how a match is remembered ("stunned 12
//! minutes from time").

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use serde_json::json;

/// Detects a late decisive goal.
pub struct LateWinner;

impl Rule for LateWinner {
    fn name(&self) -> &'static str {
        "late_winner"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(winner) = a.m.result.winner.filter(|_| a.m.result.shootout.is_none()) else {
            return Vec::new();
        };
        let decisive = a.decisive_goal(winner).map(|(_, e, mo)| (e, mo));
        let Some((e, moment)) = decisive else {
            return Vec::new();
        };
        let late = e.period <= 2 && e.minute.is_some_and(|m| m >= t.late_minute);
        if !late {
            return Vec::new();
        }
        // An own goal's player is an opponent: templates must not credit him.
        let extra = json!({
            "minutes_left": moment.minutes_left,
            "score": moment.after,
            "own_goal": e.kind == crate::model::EventType::OwnGoal,
        });
        vec![Beat::for_event(self.name(), t, winner, e, extra)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use serde_json::json;

    fn two_goals(second_minute: u16) -> crate::model::Match {
        let events = json!([
            {"id": "g1", "period": 1, "minute": 17, "team": "fra", "type": "goal", "player": "fra-tchouameni"},
            {"id": "g2", "period": 2, "minute": 54, "team": "eng", "type": "penalty_scored", "player": "eng-kane"},
            {"id": "g3", "period": 2, "minute": second_minute, "team": "fra", "type": "goal", "player": "fra-giroud"}
        ]);
        with_events(
            events,
            json!({"half_time": {"home": 0, "away": 1}, "full_time": {"home": 1, "away": 2}, "winner": "away", "decided_by": "normal_time"}),
        )
    }

    #[test]
    fn winner_after_the_late_minute_is_late() {
        let m = two_goals(78);
        let beats = LateWinner.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].evidence, vec!["g3"]);
        assert_eq!(beats[0].slots["minutes_left"], 12);
    }

    #[test]
    fn winner_before_the_late_minute_is_not() {
        let m = two_goals(60);
        assert!(
            LateWinner
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_draw_has_no_winner() {
        let events = json!([{"id": "g1", "period": 2, "minute": 88, "team": "fra", "type": "goal", "player": "fra-giroud"},
                            {"id": "g2", "period": 2, "minute": 89, "team": "eng", "type": "goal", "player": "eng-kane"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 1}}),
        );
        assert!(
            LateWinner
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
