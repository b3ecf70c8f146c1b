//! `decisive_penalty_miss`: a late penalty missed or saved while the
//! taker's side was level or one goal behind, and what it cost.
//!
//! What it detects: a penalty kick in play that did not score, taken from
//! the late minute on (`late_minute` in `rules/thresholds.json`) with the
//! taker's side level or one behind, where the score did not change again
//! in that side's favour. The cost is what a goal would have brought:
//! extra time in a knockout tie one behind, a draw in a match one behind,
//! the lead when level.
//!
//! Why it matters: it is the moment a match turns on one player; the
//! reference report's lead is built around one.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects late, costly penalty misses.
pub struct DecisivePenaltyMiss;

impl Rule for DecisivePenaltyMiss {
    fn name(&self) -> &'static str {
        "decisive_penalty_miss"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, (e, moment)) in a.m.events.iter().zip(&a.timeline).enumerate() {
            if !matches!(e.kind, EventType::PenaltyMissed | EventType::PenaltySaved) {
                continue;
            }
            let late = e.period > 2 || e.minute.is_some_and(|m| m >= t.late_minute);
            let margin = moment.margin_before();
            if !late || !(-1..=0).contains(&margin) {
                continue;
            }
            let recovered = a.timeline[i..]
                .iter()
                .any(|later| later.after.of(moment.side) > moment.before.of(moment.side));
            if recovered {
                continue;
            }
            let cost = match (margin, a.m.fixture.stage.is_knockout() && e.period <= 2) {
                (-1, true) => "extra_time",
                (-1, false) => "a_draw",
                _ => "the_lead",
            };
            let extra = json!({
                    "minutes_left": moment.minutes_left,
                    "cost": cost,
                    "outcome": e.outcome,
                    "goalkeeper": e.goalkeeper,
            });
            beats.push(Beat::for_event(self.name(), t, moment.side, e, extra));
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{goal, result, with_events};
    use serde_json::json;

    fn miss(minute: u16) -> serde_json::Value {
        json!({"id": "m", "period": if minute > 45 { 2 } else { 1 }, "minute": minute, "team": "eng", "type": "penalty_missed", "player": "eng-kane", "outcome": "over"})
    }

    #[test]
    fn late_miss_one_behind_in_a_knockout_costs_extra_time() {
        let m = with_events(
            json!([goal("g", 78, "fra", "fra-giroud"), miss(84)]),
            result(0, 1),
        );
        let beats = DecisivePenaltyMiss.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["cost"], "extra_time");
        assert_eq!(beats[0].slots["minutes_left"], 6);
        assert_eq!(beats[0].evidence, vec!["m"]);
    }

    #[test]
    fn early_miss_is_not_decisive() {
        let m = with_events(
            json!([miss(20), goal("g", 78, "fra", "fra-giroud")]),
            result(0, 1),
        );
        assert!(
            DecisivePenaltyMiss
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn miss_while_two_behind_is_not_decisive() {
        let events = json!([
            goal("g1", 60, "fra", "fra-giroud"),
            goal("g2", 70, "fra", "fra-mbappe"),
            miss(84)
        ]);
        let m = with_events(events, result(0, 2));
        assert!(
            DecisivePenaltyMiss
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn miss_followed_by_an_equaliser_cost_nothing() {
        let events = json!([
            goal("g1", 60, "fra", "fra-giroud"),
            miss(80),
            goal("g2", 88, "eng", "eng-saka")
        ]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 1}}),
        );
        assert!(
            DecisivePenaltyMiss
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
