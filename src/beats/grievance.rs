//! `grievance`: a side that felt the decisions went against it.
//!
//! What it detects: a team with at least two claims turned down, counting
//! both VAR reviews (`var_review`) and appeals the referee waved away
//! (`appeal`) decided `rejected`. One beat per such team, listing what it
//! claimed.
//!
//! Why it matters: a run of rejected claims is the "hard done by" thread a
//! report picks up, and what the manager will talk about afterwards.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Decision, EventType, Side};
use serde_json::json;

/// Detects a team with repeated rejected claims.
pub struct Grievance;

impl Rule for Grievance {
    fn name(&self) -> &'static str {
        "grievance"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for side in [Side::Home, Side::Away] {
            let team = a.team(side);
            let rejected: Vec<_> =
                a.m.events
                    .iter()
                    .filter(|e| e.team == team.id)
                    .filter(|e| matches!(e.kind, EventType::VarReview | EventType::Appeal))
                    .filter(|e| e.decision == Some(Decision::Rejected))
                    .collect();
            if rejected.len() < t.grievance_min_rejected {
                continue;
            }
            let claims: Vec<_> = rejected.iter().map(|e| e.claim).collect();
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(self.name()),
                side: Some(side),
                players: Vec::new(),
                slots: json!({
                    "team": team.id,
                    "count": rejected.len(),
                    "claims": claims,
                }),
                evidence: rejected.iter().map(|e| e.id.clone()).collect(),
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{detect, draw, with_events};
    use serde_json::json;

    fn claim(id: &str, minute: u16, team: &str, kind: &str, decision: &str) -> serde_json::Value {
        json!({"id": id, "period": 1, "minute": minute, "team": team, "type": kind, "claim": "penalty", "decision": decision})
    }

    #[test]
    fn two_rejected_claims_make_a_grievance() {
        let events = json!([
            claim("a", 10, "eng", "appeal", "rejected"),
            claim("v", 30, "eng", "var_review", "rejected")
        ]);
        let m = with_events(events, draw());
        let beats = Grievance.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "eng");
        assert_eq!(beats[0].slots["count"], 2);
        assert_eq!(beats[0].slots["claims"], json!(["penalty", "penalty"]));
        assert_eq!(beats[0].evidence, vec!["a", "v"]);
    }

    #[test]
    fn one_rejected_claim_is_not_a_grievance() {
        let events = json!([
            claim("a", 10, "eng", "appeal", "rejected"),
            claim("v", 30, "eng", "var_review", "upheld")
        ]);
        assert!(detect(&Grievance, events, draw()).is_empty());
    }

    #[test]
    fn rejections_of_different_teams_do_not_add_up() {
        let events = json!([
            claim("a", 10, "eng", "appeal", "rejected"),
            claim("v", 30, "fra", "var_review", "rejected")
        ]);
        assert!(detect(&Grievance, events, draw()).is_empty());
    }

    #[test]
    fn england_france_gives_england_a_grievance() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        let beats = Grievance.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "eng");
        assert_eq!(beats[0].evidence, vec!["e02", "e03"]);
    }
}
