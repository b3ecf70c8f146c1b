//! `result`: who won, by how much, how and at what stage.
//!
//! What it detects: exactly one beat per match, carrying the final score
//! (after extra time when played, else at full time), the shoot-out score
//! when there was one, the winner and loser (both null for a draw), how
//! the winner was decided, the goal margin (0 for a draw or a shoot-out),
//! and the stage and competition.
//!
//! Why it matters: the result is the one fact every report states; the
//! other beats hang off it, and templates need its numbers to say "beat",
//! "drew with" or "edged past on penalties".

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::enum_name;
use serde_json::json;

/// Detects the result of the match (always one beat).
pub struct ResultRule;

impl Rule for ResultRule {
    fn name(&self) -> &'static str {
        "result"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let r = &a.m.result;
        let score = r.after_extra_time.unwrap_or(r.full_time);
        let margin = score.home.abs_diff(score.away);
        let winner = r.winner.map(|side| a.team(side).id.clone());
        let loser = r.winner.map(|side| a.team(side.other()).id.clone());
        let stage = a.m.fixture.stage;
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("result"),
            side: r.winner,
            players: Vec::new(),
            slots: json!({
                "winner": winner,
                "loser": loser,
                "score": score,
                "shootout": r.shootout,
                "decided_by": r.decided_by.map(|d| enum_name(&d)),
                "margin": margin,
                "stage": enum_name(&stage),
                "knockout": stage.is_knockout(),
                "competition": a.m.fixture.competition,
            }),
            evidence: a.goals().map(|(e, _)| e.id.clone()).collect(),
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
    fn a_win_names_winner_loser_and_margin() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = ResultRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, Some(Side::Away));
        assert_eq!(b.slots["winner"], "fra");
        assert_eq!(b.slots["loser"], "eng");
        assert_eq!(b.slots["score"], json!({"home": 1, "away": 2}));
        assert_eq!(b.slots["margin"], 1);
        assert_eq!(b.slots["decided_by"], "normal_time");
        assert_eq!(b.slots["stage"], "quarter_final");
        assert_eq!(b.slots["knockout"], true);
        assert_eq!(b.slots["competition"], "World Cup");
        assert!(b.slots["shootout"].is_null());
        assert_eq!(b.evidence, vec!["e01", "e05", "e08"]);
    }

    #[test]
    fn a_goalless_draw_has_no_winner() {
        let m = fixture(include_str!("../../fixtures/eng-sco-2021-euro-group.json"));
        let beats = ResultRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, None);
        assert!(b.slots["winner"].is_null());
        assert!(b.slots["loser"].is_null());
        assert!(b.slots["decided_by"].is_null());
        assert_eq!(b.slots["score"], json!({"home": 0, "away": 0}));
        assert_eq!(b.slots["margin"], 0);
        assert_eq!(b.slots["stage"], "group");
        assert_eq!(b.slots["knockout"], false);
        assert!(b.evidence.is_empty());
    }

    #[test]
    fn a_shootout_uses_the_score_after_extra_time() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        let b = &ResultRule.detect(&Analysis::new(&m), &Thresholds::builtin())[0];
        assert_eq!(b.slots["score"], json!({"home": 3, "away": 3}));
        assert_eq!(b.slots["shootout"], json!({"home": 4, "away": 2}));
        assert_eq!(b.slots["margin"], 0);
        assert_eq!(b.slots["decided_by"], "shootout");
        assert_eq!(b.slots["winner"], "arg");
        assert_eq!(b.evidence.len(), 6, "shoot-out kicks are not goals");
    }

    #[test]
    fn a_score_draw_is_one_beat_without_a_winner() {
        let events = json!([{"id": "g1", "period": 2, "minute": 88, "team": "fra", "type": "goal", "player": "fra-giroud"},
                            {"id": "g2", "period": 2, "minute": 89, "team": "eng", "type": "goal", "player": "eng-kane"}]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 1}}),
        );
        let beats = ResultRule.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert!(beats[0].slots["winner"].is_null());
        assert_eq!(beats[0].slots["margin"], 0);
        assert_eq!(beats[0].evidence, vec!["g1", "g2"]);
    }
}
