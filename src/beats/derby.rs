//! `derby`: the match is a derby, and who has the bragging rights.
//!
//! What it detects: a match whose context names it a derby
//! (`context.derby`), with the winner (or none, for a draw).
//!
//! Why it matters: in a derby the local rivalry is part of the result, and
//! a report names it.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use serde_json::json;

/// Detects derbies.
pub struct Derby;

impl Rule for Derby {
    fn name(&self) -> &'static str {
        "derby"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(name) = &a.m.context.derby else {
            return Vec::new();
        };
        let winner = a.m.result.winner;
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("derby"),
            side: winner,
            players: Vec::new(),
            slots: json!({
                "derby": name,
                "winner": winner.map(|w| a.team(w).id.clone()),
                "loser": winner.map(|w| a.team(w.other()).id.clone()),
            }),
            evidence: vec!["context.derby".to_string()],
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_named_derby_is_a_derby() {
        let mut m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/eng-sco-2021-euro-group.json"),
        )
        .unwrap();
        assert!(
            Derby
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
        m.context.derby = Some("the Auld Enemy derby".into());
        let beats = Derby.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["winner"], serde_json::Value::Null);
    }
}
