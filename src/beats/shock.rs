//! `shock`: the outsider won.
//!
//! What it detects: a match with a winner where both teams carry a world
//! `ranking` and the winner's is worse (a larger number) than the loser's
//! by at least `shock_ranking_gap` places (`rules/thresholds.json`). No
//! beat without both rankings, for a draw, or when the favourite won.
//!
//! Why it matters: an upset is the headline; "24th beat 1st" tells the
//! reader the size of it before any goal is described.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Decider, EventType};
use serde_json::json;

/// Detects an upset by world ranking.
pub struct Shock;

impl Rule for Shock {
    fn name(&self) -> &'static str {
        "shock"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(winner) = a.m.result.winner else {
            return Vec::new();
        };
        let (won, lost) = (a.team(winner), a.team(winner.other()));
        let (Some(winner_ranking), Some(loser_ranking)) = (won.ranking, lost.ranking) else {
            return Vec::new();
        };
        if winner_ranking < loser_ranking.saturating_add(t.shock_ranking_gap) {
            return Vec::new();
        }
        let shootout = a.m.result.decided_by == Some(Decider::Shootout);
        let evidence =
            a.m.events
                .iter()
                .filter(|e| e.kind.is_goal() || (shootout && e.kind == EventType::ShootoutKick))
                .map(|e| e.id.clone())
                .collect();
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience(self.name()),
            side: Some(winner),
            players: Vec::new(),
            slots: json!({
                "winner": won.id,
                "loser": lost.id,
                "winner_ranking": winner_ranking,
                "loser_ranking": loser_ranking,
                "loser_standing": lost.standing.first(),
            }),
            evidence,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use crate::model::Match;
    use serde_json::json;

    /// England (home) beat France 1-0, with the given rankings.
    fn england_win(eng: Option<u16>, fra: Option<u16>) -> Match {
        let events = json!([
            {"id": "g", "period": 2, "minute": 60, "team": "eng", "type": "goal", "player": "eng-kane"}
        ]);
        let mut m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        m.teams.home.ranking = eng;
        m.teams.away.ranking = fra;
        m
    }

    fn detect(m: &Match) -> Vec<Beat> {
        Shock.detect(&Analysis::new(m), &Thresholds::builtin())
    }

    #[test]
    fn an_outsider_beating_a_favourite_is_a_shock() {
        let m = england_win(Some(30), Some(4));
        let beats = detect(&m);
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["winner"], "eng");
        assert_eq!(s["loser"], "fra");
        assert_eq!(s["winner_ranking"], 30);
        assert_eq!(s["loser_ranking"], 4);
        assert_eq!(beats[0].side, Some(crate::model::Side::Home));
        assert_eq!(beats[0].evidence, vec!["g"]);
    }

    #[test]
    fn a_gap_of_exactly_the_threshold_counts() {
        let gap = Thresholds::builtin().shock_ranking_gap;
        assert_eq!(detect(&england_win(Some(4 + gap), Some(4))).len(), 1);
        assert!(detect(&england_win(Some(3 + gap), Some(4))).is_empty());
    }

    #[test]
    fn the_favourite_winning_is_no_shock() {
        assert!(detect(&england_win(Some(4), Some(30))).is_empty());
    }

    #[test]
    fn no_shock_without_both_rankings() {
        assert!(detect(&england_win(Some(30), None)).is_empty());
        assert!(detect(&england_win(None, Some(4))).is_empty());
    }

    #[test]
    fn a_draw_is_no_shock() {
        let mut m = with_events(
            json!([]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        m.teams.home.ranking = Some(60);
        m.teams.away.ranking = Some(1);
        assert!(detect(&m).is_empty());
    }

    #[test]
    fn france_fourth_beating_england_fifth_was_no_shock() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert_eq!(m.teams.home.ranking, Some(5));
        assert_eq!(m.teams.away.ranking, Some(4));
        assert!(detect(&m).is_empty());
    }
}
