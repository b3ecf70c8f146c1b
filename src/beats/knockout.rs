//! `knockout`: a knockout tie sent one side home and the other through.
//!
//! What it detects: in a knockout stage with a winner, two beats: one for
//! the loser (`outcome: "eliminated"`) and one for the winner (`outcome:
//! "progress"`). The winner's beat carries its next match (opponent, stage,
//! weekday) when the context's `next_fixture` is the winner's.
//!
//! A final is told as a trophy won (`final_won`), not as a side knocked
//! out; in a second leg the side that goes out is the loser on aggregate.
//!
//! Why it matters: in a knockout the consequence outweighs the score; "are
//! out of the World Cup" and "will face Morocco on Wednesday" are what the
//! reader needs most after the result.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::enum_name;
use crate::model::{Decider, EventType};
use serde_json::json;

/// Detects elimination and progress in knockout ties.
pub struct Knockout;

impl Rule for Knockout {
    fn name(&self) -> &'static str {
        "knockout"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let stage = a.m.fixture.stage;
        if !stage.is_knockout() || stage == crate::model::Stage::Final {
            return Vec::new();
        }
        let Some(winner) = super::aggregate::tie_winner(a) else {
            return Vec::new();
        };
        let (won, lost) = (&a.team(winner).id, &a.team(winner.other()).id);
        let by_shootout = a.m.result.decided_by == Some(Decider::Shootout);
        let evidence: Vec<String> =
            a.m.events
                .iter()
                .filter(|e| e.kind.is_goal() || (by_shootout && e.kind == EventType::ShootoutKick))
                .map(|e| e.id.clone())
                .collect();
        let next =
            a.m.context
                .next_fixture
                .as_ref()
                .filter(|n| &n.team == won)
                .map(|n| {
                    json!({
                        "opponent": n.opponent,
                        "stage": enum_name(&n.stage),
                        "weekday": n.weekday,
                    })
                });
        vec![
            Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("eliminated"),
                side: Some(winner.other()),
                players: Vec::new(),
                slots: json!({
                    "team": lost,
                    "outcome": "eliminated",
                    "stage": enum_name(&stage),
                }),
                evidence: evidence.clone(),
            },
            Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("progress"),
                side: Some(winner),
                players: Vec::new(),
                slots: json!({
                    "team": won,
                    "outcome": "progress",
                    "stage": enum_name(&stage),
                    "next": next,
                }),
                evidence,
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use crate::model::{Match, Side};
    use serde_json::json;

    fn fixture(text: &str) -> Match {
        crate::input::load_str("f.json", text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_quarter_final_eliminates_the_loser_and_sends_the_winner_on() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = Knockout.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 2);
        let (out, on) = (&beats[0], &beats[1]);
        assert_eq!(out.side, Some(Side::Home));
        assert_eq!(out.slots["team"], "eng");
        assert_eq!(out.slots["outcome"], "eliminated");
        assert_eq!(out.slots["stage"], "quarter_final");
        assert_eq!(out.evidence, vec!["e01", "e05", "e08"]);
        assert_eq!(on.side, Some(Side::Away));
        assert_eq!(on.slots["team"], "fra");
        assert_eq!(on.slots["outcome"], "progress");
        assert_eq!(
            on.slots["next"],
            json!({"opponent": "Morocco", "stage": "semi_final", "weekday": "Wednesday"})
        );
        assert!(
            out.salience > on.salience,
            "elimination is the bigger story"
        );
    }

    #[test]
    fn a_final_is_a_trophy_won_not_a_side_knocked_out() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        assert!(
            Knockout
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_next_fixture_for_the_loser_is_not_the_winners() {
        // The fixture's next match is France's; make England win instead.
        let events = json!([{"id": "g1", "period": 2, "minute": 54, "team": "eng", "type": "goal", "player": "eng-kane"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        let beats = Knockout.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["team"], "fra");
        assert_eq!(beats[1].slots["team"], "eng");
        assert!(beats[1].slots["next"].is_null());
    }

    #[test]
    fn a_draw_decides_nothing() {
        let m = with_events(
            json!([]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        assert!(
            Knockout
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_group_match_is_not_a_knockout() {
        let m = fixture(include_str!("../../fixtures/ger-swe-2018-wc-group.json"));
        assert!(
            Knockout
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
