//! `var_decision`: a VAR intervention, whatever it decided.
//!
//! What it detects: every `var_review` event, with what was claimed, how
//! it was decided and whether the on-field call was overturned; and every
//! penalty kick in play taken `via_var`, which is a review that gave a
//! penalty (claim `penalty`, decision `upheld`, overturned).
//!
//! Why it matters: reviews are what the losing side talks about after the
//! match, and a penalty given by VAR is a turning point in its own right.
//! A decision that settled the result is the story itself, and ranks at
//! `var_decisive` (above the must-tell line): one that let stand, or
//! produced, the goal after which the winner led for good (a VAR penalty
//! scored, a goal upheld on review), or one that ruled out a goal by a
//! side that then lost by one goal or drew (it would have changed the
//! result). The beat's `decisive` slot says so.

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
        for (i, (e, moment)) in a.m.events.iter().zip(&a.timeline).enumerate() {
            let (claim, decision, overturned, via_var) = if e.kind == EventType::VarReview {
                (e.claim, e.decision, e.overturned, false)
            } else if e.kind.is_penalty_kick() && e.via_var {
                (Some(Claim::Penalty), Some(Decision::Upheld), true, true)
            } else {
                continue;
            };
            let decisive = settled_result(a, i);
            let salience = if decisive {
                t.salience("var_decisive")
            } else {
                t.salience(self.name())
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience,
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
                    "decisive": decisive,
                }),
                evidence: vec![e.id.clone()],
            });
        }
        beats
    }
}

/// Whether the VAR decision at position `at` settled the result: it let
/// stand or produced the winner's decisive goal, or it ruled out a goal
/// by a side that lost by one goal or drew.
fn settled_result(a: &Analysis, at: usize) -> bool {
    let e = &a.m.events[at];
    let position = |id: &str| a.m.events.iter().position(|x| x.id == id);
    let goal_at = if e.kind.is_penalty_kick() && e.kind.is_goal() {
        Some(at)
    } else if e.kind == EventType::VarReview && e.claim == Some(Claim::Goal) {
        e.about.as_deref().and_then(position)
    } else {
        None
    };
    let Some(goal_at) = goal_at else {
        return false;
    };
    let target = &a.m.events[goal_at];
    let side = a.side_of_team(&target.team);
    if target.kind.is_goal() && e.decision != Some(Decision::Rejected) {
        return a.m.result.winner == Some(side)
            && a.decisive_goal(side).map(|(i, _, _)| i) == Some(goal_at);
    }
    // A goal ruled out: would it have changed the result?
    let score = a.m.result.after_extra_time.unwrap_or(a.m.result.full_time);
    let margin = i16::from(score.of(side)) - i16::from(score.of(side.other()));
    target.kind == EventType::DisallowedGoal
        && e.decision == Some(Decision::Rejected)
        && (margin == -1 || margin == 0)
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
        // A turned-down claim and a missed penalty settled nothing.
        assert!(beats.iter().all(|b| b.slots["decisive"] == false));
        assert!(
            beats
                .iter()
                .all(|b| b.salience < Thresholds::builtin().must_tell)
        );
    }

    fn beats_of(text: &str) -> Vec<Beat> {
        let m = crate::input::load_str("f", text).unwrap();
        VarDecision.detect(&Analysis::new(&m), &Thresholds::builtin())
    }

    #[test]
    fn a_var_penalty_that_won_a_final_must_be_told() {
        let beats = beats_of(include_str!("../../fixtures/usa-ned-2019-wwc-final.json"));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["decisive"], true);
        assert!(beats[0].salience >= Thresholds::builtin().must_tell);
    }

    #[test]
    fn a_goal_upheld_on_review_that_won_the_match_is_decisive() {
        let beats = beats_of(include_str!("../../fixtures/kor-ger-2018-wc-group.json"));
        assert_eq!(beats[0].slots["decisive"], true);
    }

    #[test]
    fn reviews_in_a_match_they_did_not_settle_are_not_decisive() {
        // Llorente's goal stood, but City won the match; Sterling's goal
        // ruled out would only have stretched City's win.
        let beats = beats_of(include_str!("../../fixtures/mci-tot-2019-cl-qf.json"));
        assert_eq!(beats.len(), 2);
        assert!(beats.iter().all(|b| b.slots["decisive"] == false));
    }
}
