//! `big_chances`: a side that missed chances it should have scored.
//!
//! What it detects: per team, the `chance` and `woodwork` events (shots
//! that did not score) that count as big: an xG of at least
//! `big_chance_xg`, a `tap_in`, or a shot from `big_chance_yards` or
//! closer (`rules/thresholds.json`). One beat per team with at least one,
//! counting them and naming the players who missed them.
//!
//! Why it matters: "should have been level" is the story of a side that
//! created enough to win; the misses explain a result the scoreline
//! alone does not.

use super::{Beat, Rule, Thresholds, per_team};
use crate::analysis::Analysis;
use crate::model::{Event, EventType, Style};

/// Detects big chances missed, per team.
pub struct BigChances;

/// True for a shot that did not score and should have.
fn is_big_chance(e: &Event, t: &Thresholds) -> bool {
    matches!(e.kind, EventType::Chance | EventType::Woodwork)
        && (e.xg.is_some_and(|xg| xg >= t.big_chance_xg)
            || e.style.contains(&Style::TapIn)
            || e.distance_yards.is_some_and(|d| d <= t.big_chance_yards))
}

impl Rule for BigChances {
    fn name(&self) -> &'static str {
        "big_chances"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        per_team(a, t, self.name(), |e| is_big_chance(e, t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{draw, with_events};
    use serde_json::json;

    fn detect(events: serde_json::Value) -> Vec<Beat> {
        let m = with_events(events, draw());
        BigChances.detect(&Analysis::new(&m), &Thresholds::builtin())
    }

    #[test]
    fn high_xg_close_range_and_tap_ins_are_big() {
        let beats = detect(json!([
            {"id": "c1", "period": 1, "minute": 10, "team": "eng", "type": "chance", "player": "eng-kane", "xg": 0.45, "outcome": "saved", "goalkeeper": "fra-lloris"},
            {"id": "c2", "period": 1, "minute": 20, "team": "eng", "type": "chance", "player": "eng-saka", "distance_yards": 5, "outcome": "wide"},
            {"id": "c3", "period": 1, "minute": 30, "team": "eng", "type": "woodwork", "player": "eng-kane", "style": ["tap_in"], "outcome": "post"},
            {"id": "c4", "period": 2, "minute": 60, "team": "fra", "type": "chance", "player": "fra-giroud", "xg": 0.5, "outcome": "over"}
        ]));
        assert_eq!(beats.len(), 2);
        let eng = &beats[0];
        assert_eq!(eng.slots["team"], "eng");
        assert_eq!(eng.slots["count"], 3);
        assert_eq!(eng.slots["players"], json!(["eng-kane", "eng-saka"]));
        assert_eq!(eng.evidence, vec!["c1", "c2", "c3"]);
        assert_eq!(beats[1].slots["team"], "fra");
        assert_eq!(beats[1].evidence, vec!["c4"]);
    }

    #[test]
    fn half_chances_and_goals_are_not_big_chances_missed() {
        let beats = detect(json!([
            {"id": "c1", "period": 1, "minute": 10, "team": "eng", "type": "chance", "player": "eng-kane", "xg": 0.1, "distance_yards": 18, "outcome": "wide"},
            {"id": "c2", "period": 1, "minute": 20, "team": "eng", "type": "chance", "player": "eng-saka", "outcome": "blocked"},
            {"id": "d", "period": 1, "minute": 30, "team": "eng", "type": "disallowed_goal", "player": "eng-kane", "reason": "offside"}
        ]));
        assert!(beats.is_empty());
    }

    #[test]
    fn sakas_blocked_tap_in_against_france() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        let beats = BigChances.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "eng");
        assert_eq!(beats[0].slots["count"], 1);
        assert_eq!(beats[0].slots["players"], json!(["eng-saka"]));
        assert_eq!(beats[0].evidence, vec!["e07"]);
    }
}
