//! `penalty_saved_rebound`: a penalty saved, and the rebound scored.
//!
//! What it detects: a `penalty_saved` in play followed, within a minute
//! and before any other goal, by a goal for the same side. The taker and
//! the goalkeeper are named; the scorer of the rebound may be the taker.
//!
//! Why it matters: a save that does not count is drama twice over, and a
//! report that says only "saved a penalty" or only "scored" gets it wrong.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects saved penalties scored on the rebound.
pub struct PenaltySavedRebound;

impl Rule for PenaltySavedRebound {
    fn name(&self) -> &'static str {
        "penalty_saved_rebound"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, (e, moment)) in a.m.events.iter().zip(&a.timeline).enumerate() {
            if e.kind != EventType::PenaltySaved {
                continue;
            }
            let rebound = a.m.events[i + 1..]
                .iter()
                .zip(&a.timeline[i + 1..])
                .take_while(|(g, _)| g.period == e.period)
                .find(|(g, _)| g.kind.is_goal())
                .filter(|(g, _)| {
                    g.kind == EventType::Goal
                        && g.team == e.team
                        && g.minute.zip(e.minute).is_some_and(|(gm, em)| gm <= em + 1)
                });
            let Some((goal, after)) = rebound else {
                continue;
            };
            let extra = json!({
                "goalkeeper": e.goalkeeper,
                "scorer": goal.player,
                "same_player": goal.player == e.player,
                "score": after.after,
            });
            let mut beat = Beat::for_event(self.name(), t, moment.side, e, extra);
            beat.players.extend(
                goal.player
                    .iter()
                    .filter(|p| Some(*p) != e.player.as_ref())
                    .cloned(),
            );
            beat.evidence.push(goal.id.clone());
            beats.push(beat);
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{detect, goal, result};
    use serde_json::json;

    fn saved(minute: u16) -> serde_json::Value {
        json!({"id": "p1", "period": 2, "minute": minute, "team": "eng", "type": "penalty_saved", "player": "eng-kane", "goalkeeper": "fra-lloris"})
    }

    #[test]
    fn the_rebound_in_the_same_minute_counts() {
        let beats = detect(
            &PenaltySavedRebound,
            json!([saved(60), goal("g1", 60, "eng", "eng-kane")]),
            result(1, 0),
        );
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["same_player"], true);
        assert_eq!(beats[0].evidence, vec!["p1", "g1"]);
    }

    #[test]
    fn a_goal_much_later_is_no_rebound() {
        let beats = detect(
            &PenaltySavedRebound,
            json!([saved(60), goal("g1", 75, "eng", "eng-kane")]),
            result(1, 0),
        );
        assert!(beats.is_empty());
    }
}
