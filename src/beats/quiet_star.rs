//! `quiet_star`: a player the build-up was about made no mark.
//!
//! What it detects: each of the context's `focus_players` who scored no
//! goal, gave no assist and is not the `player` of any goal, chance,
//! woodwork or in-play penalty event. No event proves an absence, so the
//! evidence is the context entry that named him.
//!
//! Why it matters: when the star everyone talked about is kept quiet, that
//! is part of the story ("Mbappe was held in check by Walker").

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects focus players who did nothing of note.
pub struct QuietStar;

impl Rule for QuietStar {
    fn name(&self) -> &'static str {
        "quiet_star"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, id) in a.m.context.focus_players.iter().enumerate() {
            let Some((_, side)) = a.player(id) else {
                continue;
            };
            let tallies = a.tallies(id);
            if tallies.goals > 0 || tallies.assists > 0 {
                continue;
            }
            let involved = a.m.events.iter().any(|e| {
                let attacking = e.kind.is_goal()
                    || e.kind.is_penalty_kick()
                    || matches!(e.kind, EventType::Chance | EventType::Woodwork);
                attacking && e.player.as_deref() == Some(id.as_str())
            });
            // A player who may not have played is no quiet star: saying he
            // did not score would imply he had the chance.
            if involved || a.played(id) != Some(true) {
                continue;
            }
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("quiet_star"),
                side: Some(side),
                players: vec![id.clone()],
                slots: json!({
                    "player": id,
                    "team": a.team(side).id,
                }),
                evidence: vec![format!("context.focus_players[{i}]")],
            });
        }
        beats
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

    fn draw(events: serde_json::Value) -> Match {
        with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        )
    }

    #[test]
    fn mbappe_was_quiet_against_england() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = QuietStar.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].side, Some(Side::Away));
        assert_eq!(beats[0].players, vec!["fra-mbappe"]);
        assert_eq!(
            beats[0].slots,
            json!({"player": "fra-mbappe", "team": "fra"})
        );
        assert_eq!(beats[0].evidence, vec!["context.focus_players[0]"]);
    }

    #[test]
    fn a_focus_player_who_scored_is_not_quiet() {
        let events = json!([{"id": "g1", "period": 2, "minute": 60, "team": "fra", "type": "goal", "player": "fra-mbappe"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 1}, "winner": "away", "decided_by": "normal_time"}),
        );
        assert!(
            QuietStar
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_focus_player_who_assisted_is_not_quiet() {
        let events = json!([{"id": "g1", "period": 2, "minute": 60, "team": "fra", "type": "goal", "player": "fra-giroud", "assist": "fra-mbappe"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 1}, "winner": "away", "decided_by": "normal_time"}),
        );
        assert!(
            QuietStar
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_focus_player_with_a_chance_is_not_quiet() {
        let m = draw(
            json!([{"id": "c1", "period": 1, "minute": 30, "team": "fra", "type": "chance", "player": "fra-mbappe"}]),
        );
        assert!(
            QuietStar
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn the_scorers_in_the_final_were_not_quiet() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        assert!(
            QuietStar
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
