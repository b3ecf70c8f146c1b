//! `var_decision`: a VAR intervention, whatever it decided.
//!
//! What it detects: every `var_review` event, with what was claimed, how
//! it was decided and whether the on-field call was overturned; and every
//! penalty kick in play taken `via_var`, which is a review that gave a
//! penalty (claim `penalty`, decision `upheld`, overturned).
//!
//! Why it matters: reviews are what the losing side talks about after the
//! match, and a penalty given by VAR is a turning point in its own right.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Claim, Decision, EventType};
use serde_json::json;

/// Detects VAR reviews and penalties awarded after one.
pub struct VarDecision;

impl Rule for VarDecision {
    fn name(&self) -> &'static str {
        "var_decision"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (e, moment) in a.m.events.iter().zip(&a.timeline) {
            let (claim, decision, overturned, via_var) = if e.kind == EventType::VarReview {
                (e.claim, e.decision, e.overturned, false)
            } else if e.kind.is_penalty_kick() && e.via_var {
                (Some(Claim::Penalty), Some(Decision::Upheld), true, true)
            } else {
                continue;
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(self.name()),
                side: Some(moment.side),
                players: e.fouled.iter().chain(&e.opponent).cloned().collect(),
                slots: json!({
                    "team": e.team,
                    "claim": claim,
                    "decision": decision,
                    "overturned": overturned,
                    "via_var": via_var,
                    "fouled": e.fouled,
                    "opponent": e.opponent,
                    "minute": e.minute,
                    "added": e.added,
                }),
                evidence: vec![e.id.clone()],
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{draw, with_events};
    use serde_json::json;

    #[test]
    fn a_review_is_a_beat_with_its_claim_and_decision() {
        let events = json!([{"id": "v", "period": 1, "minute": 33, "team": "eng", "type": "var_review",
                             "claim": "penalty", "decision": "rejected", "fouled": "eng-kane", "opponent": "fra-upamecano"}]);
        let m = with_events(events, draw());
        let beats = VarDecision.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["claim"], "penalty");
        assert_eq!(beats[0].slots["decision"], "rejected");
        assert_eq!(beats[0].slots["overturned"], false);
        assert_eq!(beats[0].players, vec!["eng-kane", "fra-upamecano"]);
        assert_eq!(beats[0].evidence, vec!["v"]);
    }

    #[test]
    fn a_penalty_via_var_is_an_upheld_overturned_review() {
        let events = json!([{"id": "p", "period": 2, "minute": 84, "team": "eng", "type": "penalty_missed",
                             "player": "eng-kane", "fouled": "eng-mount", "via_var": true, "outcome": "over"}]);
        let m = with_events(events, draw());
        let beats = VarDecision.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["claim"], "penalty");
        assert_eq!(beats[0].slots["decision"], "upheld");
        assert_eq!(beats[0].slots["overturned"], true);
        assert_eq!(beats[0].evidence, vec!["p"]);
    }

    #[test]
    fn appeals_and_ordinary_penalties_are_not_var_decisions() {
        let events = json!([
            {"id": "a", "period": 1, "minute": 17, "team": "eng", "type": "appeal", "claim": "foul", "decision": "rejected"},
            {"id": "p", "period": 2, "minute": 54, "team": "eng", "type": "penalty_scored", "player": "eng-kane"}
        ]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 0},
                                           "winner": "home", "decided_by": "normal_time"}),
        );
        assert!(
            VarDecision
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn england_france_has_a_rejected_review_and_a_var_penalty() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        let beats = VarDecision.detect(&Analysis::new(&m), &Thresholds::builtin());
        let ids: Vec<&str> = beats.iter().map(|b| b.evidence[0].as_str()).collect();
        assert_eq!(ids, vec!["e03", "e09"]);
        assert_eq!(beats[0].slots["decision"], "rejected");
        assert_eq!(beats[1].slots["decision"], "upheld");
    }
}
