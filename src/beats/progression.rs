//! `progression`: the eliminated side's recent tournament finishes.
//!
//! What it detects: in a knockout match with a winner, the loser's entries
//! in the context's `history` (oldest first), as one beat. No beat for the
//! winner, none outside knockouts, none when the loser has no history.
//!
//! Why it matters: an exit reads against what came before ("semi-finalists
//! in Russia, runners-up at Euro 2020, out in the last eight in Qatar");
//! the history turns a defeat into a trajectory.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::enum_name;
use serde_json::json;

/// Detects the eliminated side's tournament history.
pub struct Progression;

impl Rule for Progression {
    fn name(&self) -> &'static str {
        "progression"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        if !a.m.fixture.stage.is_knockout() {
            return Vec::new();
        }
        let Some(winner) = a.m.result.winner else {
            return Vec::new();
        };
        let loser = winner.other();
        let team = &a.team(loser).id;
        let history: Vec<_> =
            a.m.context
                .history
                .iter()
                .filter(|f| &f.team == team)
                .map(|f| {
                    json!({
                        "tournament": f.tournament,
                        "host": f.host,
                        "reached": enum_name(&f.reached),
                    })
                })
                .collect();
        if history.is_empty() {
            return Vec::new();
        }
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("progression"),
            side: Some(loser),
            players: Vec::new(),
            slots: json!({
                "team": team,
                "history": history,
            }),
            evidence: vec!["context.history".to_string()],
        }]
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
    fn england_go_out_with_their_history() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = Progression.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, Some(Side::Home));
        assert_eq!(b.slots["team"], "eng");
        assert_eq!(
            b.slots["history"],
            json!([
                {"tournament": "the 2018 World Cup", "host": "Russia", "reached": "semi_final"},
                {"tournament": "Euro 2020", "host": null, "reached": "runner_up"},
            ])
        );
        assert_eq!(b.evidence, vec!["context.history"]);
    }

    #[test]
    fn only_the_losers_history_is_told() {
        // The final: France lost, so only France's two finishes.
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        let beats = Progression.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "fra");
        assert_eq!(beats[0].slots["history"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn no_beat_for_a_winner_without_a_losing_history() {
        // England win: France (the loser) have no history in this fixture.
        let events = json!([{"id": "g1", "period": 2, "minute": 54, "team": "eng", "type": "goal", "player": "eng-kane"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        assert!(
            Progression
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn no_beat_outside_knockouts() {
        let m = fixture(include_str!("../../fixtures/ger-swe-2018-wc-group.json"));
        assert!(
            Progression
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn no_beat_for_a_draw() {
        let m = with_events(
            json!([]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        assert!(
            Progression
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
