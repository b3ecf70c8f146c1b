//! `brace`: a player who scored twice.
//!
//! What it detects: a player with exactly two goals in the match,
//! penalties in play counted and own goals not (the same count as a goals
//! record). Its evidence is those goals. Three or more are a `hat_trick`
//! (its own rule).
//!
//! Why it matters: a multiple scorer is the man of the match in most
//! reports, and a hat-trick in a big match is history.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use serde_json::json;

/// Detects braces.
pub struct Brace;

impl Rule for Brace {
    fn name(&self) -> &'static str {
        "brace"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (player, goals) in a.goals_by_scorer() {
            if goals.len() != 2 {
                continue;
            }
            let kind = "brace";
            let Some(first) = goals.first() else { continue };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(kind),
                side: Some(a.side_of_team(&first.team)),
                players: vec![player.to_string()],
                slots: json!({
                    "player": player,
                    "team": first.team,
                    "count": goals.len(),
                    "kind": kind,
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
    use crate::beats::testing::with_events;
    use serde_json::json;

    fn goal(id: &str, minute: u16, team: &str, kind: &str, player: &str) -> serde_json::Value {
        json!({"id": id, "period": 2, "minute": minute, "team": team, "type": kind, "player": player})
    }

    #[test]
    fn two_goals_with_a_penalty_are_a_brace() {
        let events = json!([
            goal("g1", 50, "eng", "goal", "eng-kane"),
            goal("g2", 60, "eng", "penalty_scored", "eng-kane")
        ]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 2, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        let beats = Brace.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["kind"], "brace");
        assert_eq!(beats[0].slots["count"], 2);
        assert_eq!(beats[0].evidence, vec!["g1", "g2"]);
        assert_eq!(beats[0].salience, Thresholds::builtin().salience("brace"));
    }

    #[test]
    fn an_own_goal_does_not_make_a_brace() {
        // Varane scores once for France and once into his own net.
        let events = json!([
            goal("g1", 50, "fra", "goal", "fra-varane"),
            goal("g2", 60, "eng", "own_goal", "fra-varane")
        ]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 1}}),
        );
        assert!(
            Brace
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn one_goal_each_is_no_brace() {
        let events = json!([
            goal("g1", 50, "eng", "goal", "eng-kane"),
            goal("g2", 60, "eng", "goal", "eng-saka")
        ]);
        let m = with_events(
            events,
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 2, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        assert!(
            Brace
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn messi_brace_in_the_final_and_no_brace_for_a_hat_trick() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        )
        .unwrap();
        let beats = Brace.detect(&Analysis::new(&m), &Thresholds::builtin());
        // Mbappe's three are a hat-trick (its own rule), not a brace.
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["player"], "arg-messi");
        assert_eq!(beats[0].slots["kind"], "brace");
        assert_eq!(beats[0].evidence, vec!["e01", "e19"]);
    }
}
