//! `woodwork`: a side that hit the post or bar.
//!
//! What it detects: per team, `woodwork` events and `chance` events with
//! outcome `post` or `bar`. One beat per team with at least one, counting
//! them and naming who struck them.
//!
//! Why it matters: "hit the post" is the margin between a goal and a
//! footnote; in a tight or goalless match it is often the nearest either
//! side came.

use super::{Beat, Rule, Thresholds, per_team};
use crate::analysis::Analysis;
use crate::model::{Event, EventType, ShotOutcome};

/// Detects shots off the woodwork, per team.
pub struct Woodwork;

/// True for a shot that hit the post or bar.
fn hit_woodwork(e: &Event) -> bool {
    match e.kind {
        EventType::Woodwork => true,
        EventType::Chance => matches!(e.outcome, Some(ShotOutcome::Post | ShotOutcome::Bar)),
        _ => false,
    }
}

impl Rule for Woodwork {
    fn name(&self) -> &'static str {
        "woodwork"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        per_team(a, t, self.name(), hit_woodwork)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{draw, with_events};
    use serde_json::json;

    fn detect(events: serde_json::Value) -> Vec<Beat> {
        let m = with_events(events, draw());
        Woodwork.detect(&Analysis::new(&m), &Thresholds::builtin())
    }

    #[test]
    fn woodwork_events_and_chances_off_the_frame_count() {
        let beats = detect(json!([
            {"id": "w1", "period": 1, "minute": 10, "team": "fra", "type": "woodwork", "player": "fra-mbappe", "outcome": "bar"},
            {"id": "c1", "period": 2, "minute": 50, "team": "fra", "type": "chance", "player": "fra-giroud", "outcome": "post"},
            {"id": "c2", "period": 2, "minute": 55, "team": "fra", "type": "chance", "player": "fra-mbappe", "outcome": "bar"}
        ]));
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["team"], "fra");
        assert_eq!(s["count"], 3);
        assert_eq!(s["players"], json!(["fra-mbappe", "fra-giroud"]));
        assert_eq!(beats[0].evidence, vec!["w1", "c1", "c2"]);
    }

    #[test]
    fn shots_that_missed_the_frame_are_not_woodwork() {
        let beats = detect(json!([
            {"id": "c1", "period": 2, "minute": 50, "team": "fra", "type": "chance", "player": "fra-giroud", "outcome": "wide"},
            {"id": "c2", "period": 2, "minute": 55, "team": "eng", "type": "chance", "player": "eng-kane", "outcome": "saved", "goalkeeper": "fra-lloris"}
        ]));
        assert!(beats.is_empty());
    }

    #[test]
    fn stones_hit_the_post_against_scotland() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/eng-sco-2021-euro-group.json"),
        )
        .unwrap();
        let beats = Woodwork.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["team"], "eng");
        assert_eq!(s["count"], 1);
        assert_eq!(s["players"], json!(["eng-stones"]));
        assert_eq!(beats[0].evidence, vec!["e01"]);
    }
}
