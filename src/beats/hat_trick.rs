//! `hat_trick`: a player who scored three goals or more.
//!
//! What it detects: a player with three or more goals (penalties in play
//! counted, own goals not), with the minute of the goal that completed the
//! hat-trick and the minutes between his first and third goals. Its
//! evidence is his goals. (Two goals are a `brace`.)
//!
//! Why it matters: a hat-trick is the story of a match whatever else
//! happened, and it is told as one feat ("completed his hat-trick on 67
//! minutes"), not a sentence per goal.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects hat-tricks.
pub struct HatTrick;

impl Rule for HatTrick {
    fn name(&self) -> &'static str {
        "hat_trick"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (player, goals) in a.goals_by_scorer() {
            let (Some(first), Some(third)) = (goals.first(), goals.get(2)) else {
                continue;
            };
            let span = third
                .minute
                .zip(first.minute)
                .map(|(t, f)| t.saturating_sub(f));
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("hat_trick"),
                side: Some(a.side_of_team(&first.team)),
                players: vec![player.to_string()],
                slots: json!({
                    "player": player,
                    "team": first.team,
                    "count": goals.len(),
                    "kind": "hat_trick",
                    "minute": third.minute,
                    "added": third.added,
                    "span": span,
                    "penalties": goals.iter().filter(|g| g.kind == EventType::PenaltyScored).count(),
                }),
                evidence: goals.iter().map(|e| e.id.clone()).collect(),
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbappe_completed_his_hat_trick_in_extra_time() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        )
        .unwrap();
        let beats = HatTrick.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["player"], "fra-mbappe");
        assert_eq!(beats[0].slots["count"], 3);
        assert_eq!(beats[0].slots["minute"], 118);
        assert_eq!(beats[0].evidence, vec!["e10", "e11", "e24"]);
    }

    #[test]
    fn two_goals_are_no_hat_trick() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert!(
            HatTrick
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
