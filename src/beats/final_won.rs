//! `final_won`: a side won a final, and with it the trophy.
//!
//! What it detects: a final with a winner (on the day, or on aggregate in
//! a two-legged final): the winner, the competition, the loser and how it
//! was decided.
//!
//! Why it matters: a final is told as a trophy lifted, not as a side
//! "knocked out"; who won the competition is the first thing a reader
//! needs.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::Stage;
use serde_json::json;

/// Detects finals won.
pub struct FinalWon;

impl Rule for FinalWon {
    fn name(&self) -> &'static str {
        "final_won"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        if a.m.fixture.stage != Stage::Final {
            return Vec::new();
        }
        let Some(winner) = super::aggregate::tie_winner(a) else {
            return Vec::new();
        };
        let evidence = a.goals().map(|(e, _)| e.id.clone()).collect();
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("final_won"),
            side: Some(winner),
            players: Vec::new(),
            slots: json!({
                "team": a.team(winner).id,
                "winner": a.team(winner).id,
                "loser": a.team(winner.other()).id,
                "competition": a.m.fixture.competition,
                "decided_by": a.m.result.decided_by.map(|d| crate::model::enum_name(&d)),
            }),
            evidence,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> crate::model::Match {
        crate::input::load_str("f", text).unwrap()
    }

    #[test]
    fn argentina_won_the_final() {
        let m = load(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        let beats = FinalWon.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["winner"], "arg");
        assert_eq!(beats[0].slots["decided_by"], "shootout");
    }

    #[test]
    fn a_quarter_final_is_no_final() {
        let m = load(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        assert!(
            FinalWon
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
