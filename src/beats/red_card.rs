//! `red_card`: a sending-off, and what the match did after it.
//!
//! What it detects: every `red` or `second_yellow` card, with the score
//! when it was shown, the goals each side scored afterwards (the carded
//! player's team first, then the other) and whether the carded team won
//! anyway.
//!
//! Why it matters: playing a man down changes a match; a side that wins
//! with ten men, or collapses after a red, is a story either way.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects sendings-off.
pub struct RedCard;

impl Rule for RedCard {
    fn name(&self) -> &'static str {
        "red_card"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, (e, moment)) in a.m.events.iter().zip(&a.timeline).enumerate() {
            if !e.kind.is_sending_off() {
                continue;
            }
            let side = moment.side;
            let later_goals: Vec<_> = a.m.events[i + 1..]
                .iter()
                .zip(&a.timeline[i + 1..])
                .filter(|(g, _)| g.kind.is_goal())
                .collect();
            let goals_for = later_goals.iter().filter(|(_, mo)| mo.side == side).count();
            let goals_against = later_goals.len() - goals_for;
            let mut evidence = vec![e.id.clone()];
            evidence.extend(later_goals.iter().map(|(g, _)| g.id.clone()));
            let extra = json!({
                    "second_yellow": e.kind == EventType::SecondYellow,
                    "score_at_card": moment.before,
                    "goals_for_after": goals_for,
                    "goals_against_after": goals_against,
                    "won_anyway": a.m.result.winner == Some(side),
                    // Added time in extra time is not the added time of
                    // the 90 minutes.
                    "added_in": super::added_in(e),
            });
            let mut beat = Beat::for_event(self.name(), t, side, e, extra);
            beat.evidence = evidence;
            beats.push(beat);
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{goal, with_events};
    use serde_json::json;

    #[test]
    fn a_straight_red_counts_the_goals_after_it() {
        let events = json!([
            goal("g1", 50, "eng", "eng-kane"),
            {"id": "r", "period": 2, "minute": 60, "team": "eng", "type": "red", "player": "eng-maguire", "reason": "violent_conduct"},
            goal("g2", 70, "fra", "fra-giroud"),
            goal("g3", 80, "fra", "fra-mbappe")
        ]);
        let result = json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 2}, "winner": "away", "decided_by": "normal_time"});
        let m = with_events(events, result);
        let beats = RedCard.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "eng-maguire");
        assert_eq!(s["second_yellow"], false);
        assert_eq!(s["score_at_card"], json!({"home": 1, "away": 0}));
        assert_eq!(s["goals_for_after"], 0);
        assert_eq!(s["goals_against_after"], 2);
        assert_eq!(s["won_anyway"], false);
        assert_eq!(beats[0].evidence, vec!["r", "g2", "g3"]);
    }

    #[test]
    fn a_yellow_is_not_a_sending_off() {
        let events = json!([{"id": "y", "period": 1, "minute": 20, "team": "eng", "type": "yellow", "player": "eng-maguire", "reason": "foul"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        assert!(
            RedCard
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn germany_beat_sweden_after_boateng_went_off() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/ger-swe-2018-wc-group.json"),
        )
        .unwrap();
        let beats = RedCard.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "ger-boateng");
        assert_eq!(s["second_yellow"], true);
        assert_eq!(s["score_at_card"], json!({"home": 1, "away": 1}));
        assert_eq!(s["goals_for_after"], 1);
        assert_eq!(s["won_anyway"], true);
        assert_eq!(beats[0].evidence, vec!["e10", "e13"]);
    }
}
