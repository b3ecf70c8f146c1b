//! `penalty`: every penalty kick taken in play.
//!
//! What it detects: each `penalty_scored`, `penalty_missed` or
//! `penalty_saved` event (shoot-out kicks are the `shootout` rule's), with
//! its taker, outcome, who won and conceded it, the goalkeeper, and
//! whether VAR gave it. When the kick names its award with `about`, facts
//! missing from the kick (`fouled`, `opponent`, `via_var`) are taken from
//! the award, which is cited as evidence too.
//!
//! Why it matters: a penalty is a set-piece story of its own (who won it,
//! who gave it away, whether VAR stepped in), even when the goal it
//! produced is told elsewhere; its low salience keeps it as detail.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::EventType;
use serde_json::json;

/// Detects penalty kicks in play.
pub struct Penalty;

impl Rule for Penalty {
    fn name(&self) -> &'static str {
        "penalty"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (e, moment) in a.m.events.iter().zip(&a.timeline) {
            let outcome = match e.kind {
                EventType::PenaltyScored => "scored",
                EventType::PenaltyMissed => "missed",
                EventType::PenaltySaved => "saved",
                _ => continue,
            };
            let award = e
                .about
                .as_deref()
                .and_then(|id| a.m.events.iter().find(|x| x.id == id));
            let fouled = e
                .fouled
                .as_ref()
                .or_else(|| award.and_then(|x| x.fouled.as_ref()));
            let opponent = e
                .opponent
                .as_ref()
                .or_else(|| award.and_then(|x| x.opponent.as_ref()));
            let via_var = e.via_var || award.is_some_and(|x| x.via_var);
            let mut players: Vec<String> = e.player.iter().cloned().collect();
            if e.kind == EventType::PenaltySaved {
                players.extend(e.goalkeeper.iter().cloned());
            }
            let mut evidence = vec![e.id.clone()];
            evidence.extend(e.about.iter().cloned());
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(self.name()),
                side: Some(moment.side),
                players,
                slots: json!({
                    "player": e.player,
                    "team": e.team,
                    "minute": e.minute,
                    "added": e.added,
                    "outcome": outcome,
                    "fouled": fouled,
                    "opponent": opponent,
                    "goalkeeper": e.goalkeeper,
                    "via_var": via_var,
                }),
                evidence,
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
    fn a_saved_kick_takes_its_facts_from_the_award() {
        let events = json!([
            {"id": "a", "period": 2, "minute": 60, "team": "eng", "type": "penalty_awarded", "fouled": "eng-saka", "opponent": "fra-upamecano", "via_var": true},
            {"id": "k", "period": 2, "minute": 62, "team": "eng", "type": "penalty_saved", "player": "eng-kane", "goalkeeper": "fra-lloris", "about": "a"}
        ]);
        let m = with_events(events, draw());
        let beats = Penalty.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "eng-kane");
        assert_eq!(s["team"], "eng");
        assert_eq!(s["minute"], 62);
        assert_eq!(s["outcome"], "saved");
        assert_eq!(s["fouled"], "eng-saka");
        assert_eq!(s["opponent"], "fra-upamecano");
        assert_eq!(s["goalkeeper"], "fra-lloris");
        assert_eq!(s["via_var"], true);
        assert_eq!(beats[0].players, vec!["eng-kane", "fra-lloris"]);
        assert_eq!(beats[0].evidence, vec!["k", "a"]);
    }

    #[test]
    fn an_award_without_a_kick_is_no_penalty_beat() {
        let events = json!([
            {"id": "a", "period": 2, "minute": 60, "team": "eng", "type": "penalty_awarded", "fouled": "eng-saka"},
            {"id": "d", "period": 2, "minute": 61, "team": "eng", "type": "disallowed_goal", "reason": "offside"}
        ]);
        let m = with_events(events, draw());
        assert!(
            Penalty
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/eng-sco-2021-euro-group.json"),
        )
        .unwrap();
        assert!(
            Penalty
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn kanes_two_penalties_against_france() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        let beats = Penalty.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 2);
        let (first, second) = (&beats[0].slots, &beats[1].slots);
        assert_eq!(first["player"], "eng-kane");
        assert_eq!(first["outcome"], "scored");
        assert_eq!(first["minute"], 54);
        assert_eq!(first["fouled"], "eng-saka");
        assert_eq!(first["opponent"], "fra-tchouameni");
        assert_eq!(first["goalkeeper"], "fra-lloris");
        assert_eq!(first["via_var"], false);
        assert_eq!(second["outcome"], "missed");
        assert_eq!(second["minute"], 84);
        assert_eq!(second["fouled"], "eng-mount");
        assert_eq!(second["via_var"], true);
        assert_eq!(beats[0].evidence, vec!["e05"]);
        assert_eq!(beats[1].evidence, vec!["e09"]);
    }

    #[test]
    fn shootout_kicks_in_the_final_are_left_to_the_shootout_rule() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        )
        .unwrap();
        let beats = Penalty.detect(&Analysis::new(&m), &Thresholds::builtin());
        let ids: Vec<_> = beats.iter().map(|b| b.evidence[0].as_str()).collect();
        assert_eq!(ids, vec!["e01", "e10", "e24"]);
        assert!(beats.iter().all(|b| b.slots["outcome"] == "scored"));
    }
}
