//! `substitute_scorer`: a goal by a player who came off the bench.
//!
//! What it detects: each goal (not an own goal) whose scorer came on
//! earlier in the match through a `substitution` event, with the minute he
//! came on and whom he replaced.
//!
//! Why it matters: a substitute who scores is the manager's call paying
//! off, and a reporter always says so ("off the bench to score").

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects goals by substitutes.
pub struct SubstituteScorer;

impl Rule for SubstituteScorer {
    fn name(&self) -> &'static str {
        "substitute_scorer"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, (e, moment)) in a.m.events.iter().zip(&a.timeline).enumerate() {
            if !e.kind.is_goal() || e.kind == EventType::OwnGoal {
                continue;
            }
            let Some(player) = e.player.as_deref() else {
                continue;
            };
            let Some(on) = a.m.events[..i]
                .iter()
                .find(|s| s.kind == EventType::Substitution && s.player.as_deref() == Some(player))
            else {
                continue;
            };
            let extra = json!({
                "on_minute": on.minute,
                "on_added": on.added,
                "replaced": on.replaced,
            });
            let mut beat = Beat::for_event(self.name(), t, moment.side, e, extra);
            beat.evidence.push(on.id.clone());
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

    #[test]
    fn a_goal_after_coming_on_is_a_substitute_scorer() {
        let events = json!([
            {"id": "s1", "period": 2, "minute": 60, "team": "eng", "type": "substitution", "player": "eng-rashford", "replaced": "eng-saka"},
            goal("g1", 70, "eng", "eng-rashford"),
        ]);
        let beats = detect(&SubstituteScorer, events, result(1, 0));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["on_minute"], 60);
        assert_eq!(beats[0].evidence, vec!["g1", "s1"]);
    }

    #[test]
    fn a_starter_is_no_substitute_scorer() {
        let beats = detect(
            &SubstituteScorer,
            json!([goal("g1", 70, "eng", "eng-kane")]),
            result(1, 0),
        );
        assert!(beats.is_empty());
    }
}
