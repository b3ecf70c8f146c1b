//! `goalkeeper_heroics`: a goalkeeper who kept his side in it.
//!
//! What it detects: per goalkeeper, the saves the events credit him with:
//! `save` events where he is the `player`, `chance` events with outcome
//! `saved` naming him as `goalkeeper`, `penalty_saved` events naming him,
//! and shoot-out kicks with outcome `saved` naming him. One beat per
//! goalkeeper with at least `heroics_min_saves` of them
//! (`rules/thresholds.json`), or with any penalty saved, in play or in a
//! shoot-out.
//!
//! Why it matters: a goalkeeper's night rarely shows in the scoreline;
//! a string of saves, or one penalty kept out, is often the reason his
//! side is still standing.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Event, EventType, ShotOutcome};
use serde_json::json;

/// Detects goalkeepers with a string of saves or a penalty save.
pub struct GoalkeeperHeroics;

/// The goalkeeper an event credits with a save, and whether it was a
/// penalty in play or a shoot-out kick.
fn save_by(e: &Event) -> Option<(&str, Kept)> {
    let saved = e.outcome == Some(ShotOutcome::Saved);
    let keeper = match e.kind {
        EventType::Save => e.player.as_deref(),
        EventType::Chance if saved => e.goalkeeper.as_deref(),
        EventType::PenaltySaved => e.goalkeeper.as_deref(),
        EventType::ShootoutKick if saved => e.goalkeeper.as_deref(),
        _ => None,
    }?;
    let kept = match e.kind {
        EventType::PenaltySaved => Kept::Penalty,
        EventType::ShootoutKick => Kept::Shootout,
        _ => Kept::Shot,
    };
    Some((keeper, kept))
}

/// What a save kept out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kept {
    Shot,
    Penalty,
    Shootout,
}

impl Rule for GoalkeeperHeroics {
    fn name(&self) -> &'static str {
        "goalkeeper_heroics"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        // Keepers in order of their first save, with the saves and how
        // many of them were penalties.
        // Shoot-out saves are counted apart: "two saves, including a
        // penalty" must not fold a shoot-out kick into the match's saves.
        let mut keepers: Vec<(&str, Vec<&str>, Vec<Kept>)> = Vec::new();
        for e in &a.m.events {
            let Some((keeper, kept)) = save_by(e) else {
                continue;
            };
            let i = match keepers.iter().position(|(k, _, _)| *k == keeper) {
                Some(i) => i,
                None => {
                    keepers.push((keeper, Vec::new(), Vec::new()));
                    keepers.len() - 1
                }
            };
            keepers[i].1.push(&e.id);
            keepers[i].2.push(kept);
        }
        let mut beats = Vec::new();
        for (keeper, saves, kinds) in keepers {
            let count = |k: Kept| kinds.iter().filter(|x| **x == k).count();
            let penalty_saves = count(Kept::Penalty);
            let shootout_saves = count(Kept::Shootout);
            let in_play = kinds.len() - shootout_saves;
            if in_play < t.heroics_min_saves && penalty_saves == 0 && shootout_saves == 0 {
                continue;
            }
            let Some((_, side)) = a.player(keeper) else {
                continue;
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(self.name()),
                side: Some(side),
                players: vec![keeper.to_string()],
                slots: json!({
                    "player": keeper,
                    "team": a.team(side).id,
                    "saves": in_play,
                    "penalty_saves": penalty_saves,
                    "shootout_saves": shootout_saves,
                }),
                evidence: saves.iter().map(|id| id.to_string()).collect(),
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

    fn detect(events: serde_json::Value) -> Vec<Beat> {
        let m = with_events(events, draw());
        GoalkeeperHeroics.detect(&Analysis::new(&m), &Thresholds::builtin())
    }

    #[test]
    fn two_saves_make_heroics() {
        let beats = detect(json!([
            {"id": "s1", "period": 1, "minute": 10, "team": "fra", "type": "save", "player": "fra-lloris", "opponent": "eng-kane"},
            {"id": "c1", "period": 2, "minute": 50, "team": "eng", "type": "chance", "player": "eng-bellingham", "outcome": "saved", "goalkeeper": "fra-lloris"},
            {"id": "c2", "period": 2, "minute": 60, "team": "fra", "type": "chance", "player": "fra-giroud", "outcome": "saved", "goalkeeper": "eng-pickford"}
        ]));
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "fra-lloris");
        assert_eq!(s["team"], "fra");
        assert_eq!(s["saves"], 2);
        assert_eq!(s["penalty_saves"], 0);
        assert_eq!(beats[0].evidence, vec!["s1", "c1"]);
    }

    #[test]
    fn one_penalty_save_is_enough() {
        let beats = detect(json!([
            {"id": "p", "period": 2, "minute": 84, "team": "eng", "type": "penalty_saved", "player": "eng-kane", "goalkeeper": "fra-lloris"}
        ]));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["saves"], 1);
        assert_eq!(beats[0].slots["penalty_saves"], 1);
        assert_eq!(beats[0].evidence, vec!["p"]);
    }

    #[test]
    fn one_ordinary_save_and_missed_shots_are_not_heroics() {
        let beats = detect(json!([
            {"id": "s1", "period": 1, "minute": 10, "team": "fra", "type": "save", "player": "fra-lloris"},
            {"id": "c1", "period": 2, "minute": 50, "team": "eng", "type": "chance", "player": "eng-kane", "outcome": "wide", "goalkeeper": "fra-lloris"},
            {"id": "p", "period": 2, "minute": 84, "team": "eng", "type": "penalty_missed", "player": "eng-kane", "outcome": "over"}
        ]));
        assert!(beats.is_empty());
    }

    #[test]
    fn emiliano_martinez_in_the_final() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        )
        .unwrap();
        let beats = GoalkeeperHeroics.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let s = &beats[0].slots;
        assert_eq!(s["player"], "arg-e-martinez");
        assert_eq!(s["team"], "arg");
        // One save in play; Coman's kick was in the shoot-out, counted apart.
        assert_eq!(s["saves"], 1);
        assert_eq!(s["penalty_saves"], 0);
        assert_eq!(s["shootout_saves"], 1);
        // Kolo Muani at 120+3', then Coman's kick in the shoot-out.
        assert_eq!(beats[0].evidence, vec!["e27", "e30"]);
    }

    #[test]
    fn lloris_one_save_against_england_is_not_heroics() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert!(
            GoalkeeperHeroics
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
