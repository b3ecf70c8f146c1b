//! `shootout`: the match went to penalties.
//!
//! What it detects: a match with a shoot-out score; the beat carries the
//! winner, the shoot-out score, how many kicks were taken, who failed
//! to score (missed or saved), in kick order, and, apart, the goalkeepers
//! who saved kicks (the winner's first) with whom they saved from, and
//! the takers who missed without a save.
//!
//! Why it matters: a shoot-out decides the story. Whatever happened in
//! the 120 minutes, the report leads on who won it and who missed.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{EventType, ShotOutcome};
use serde_json::json;

/// Detects a penalty shoot-out.
pub struct Shootout;

impl Rule for Shootout {
    fn name(&self) -> &'static str {
        "shootout"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(score) = a.m.result.shootout else {
            return Vec::new();
        };
        let kicks: Vec<_> =
            a.m.events
                .iter()
                .filter(|e| e.kind == EventType::ShootoutKick)
                .collect();
        let misses: Vec<String> = kicks
            .iter()
            .filter(|e| e.outcome != Some(ShotOutcome::Scored))
            .filter_map(|e| e.player.clone())
            .collect();
        let winner = a.m.result.winner;
        let saves = saves_by_keeper(a, &kicks, winner);
        let wayward: Vec<String> = kicks
            .iter()
            .filter(|e| !matches!(e.outcome, Some(ShotOutcome::Scored | ShotOutcome::Saved)))
            .filter_map(|e| e.player.clone())
            .collect();
        let mut players = misses.clone();
        players.extend(saves.iter().map(|(k, _)| k.clone()));
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("shootout"),
            side: winner,
            players,
            slots: json!({
                "winner": winner.map(|side| &a.team(side).id),
                "score": score,
                "kicks": kicks.len(),
                "misses": misses,
                "saves": saves
                    .iter()
                    .map(|(keeper, takers)| json!({"goalkeeper": keeper, "takers": takers}))
                    .collect::<Vec<_>>(),
                "wayward": wayward,
            }),
            evidence: kicks.iter().map(|e| e.id.clone()).collect(),
        }]
    }
}

/// The goalkeepers who saved shoot-out kicks, each with the takers he
/// saved from in kick order; the winner's goalkeeper first, since his
/// saves won it.
fn saves_by_keeper(
    a: &Analysis,
    kicks: &[&crate::model::Event],
    winner: Option<crate::model::Side>,
) -> Vec<(String, Vec<String>)> {
    let mut saves: Vec<(String, Vec<String>)> = Vec::new();
    for e in kicks
        .iter()
        .filter(|e| e.outcome == Some(ShotOutcome::Saved))
    {
        let (Some(keeper), Some(taker)) = (&e.goalkeeper, &e.player) else {
            continue;
        };
        match saves.iter_mut().find(|(k, _)| k == keeper) {
            Some((_, takers)) => takers.push(taker.clone()),
            None => saves.push((keeper.clone(), vec![taker.clone()])),
        }
    }
    // The kicker's side is the keeper's opponent: the winner's keeper
    // saved kicks by the loser.
    let winners_keeper = |keeper: &str| {
        a.player(keeper)
            .is_some_and(|(_, side)| Some(side) == winner)
    };
    saves.sort_by_key(|(k, _)| !winners_keeper(k));
    saves
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use crate::model::{Match, Side};
    use serde_json::json;

    fn fixture(text: &str) -> Match {
        crate::input::load_str("f.json", text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_final_went_to_argentina_on_penalties() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        let beats = Shootout.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, Some(Side::Home));
        assert_eq!(b.slots["winner"], "arg");
        assert_eq!(b.slots["score"], json!({"home": 4, "away": 2}));
        assert_eq!(b.slots["kicks"], 8);
        assert_eq!(b.slots["misses"], json!(["fra-coman", "fra-tchouameni"]));
        assert_eq!(
            b.players,
            vec!["fra-coman", "fra-tchouameni", "arg-e-martinez"]
        );
        assert_eq!(
            b.slots["saves"],
            json!([{"goalkeeper": "arg-e-martinez", "takers": ["fra-coman"]}])
        );
        assert_eq!(b.slots["wayward"], json!(["fra-tchouameni"]));
        assert_eq!(
            b.evidence,
            vec!["e28", "e29", "e30", "e31", "e32", "e33", "e34", "e35"]
        );
    }

    #[test]
    fn a_hand_built_shootout_lists_its_miss() {
        let kick = |id: &str, team: &str, player: &str, keeper: &str, outcome: &str| json!({"id": id, "period": 5, "team": team, "type": "shootout_kick", "player": player, "goalkeeper": keeper, "outcome": outcome});
        // Decided after three kicks each: England cannot catch 0-3.
        let events = json!([
            kick("k1", "eng", "eng-kane", "fra-lloris", "over"),
            kick("k2", "fra", "fra-giroud", "eng-pickford", "scored"),
            kick("k3", "eng", "eng-saka", "fra-lloris", "saved"),
            kick("k4", "fra", "fra-mbappe", "eng-pickford", "scored"),
            kick("k5", "eng", "eng-rice", "fra-lloris", "wide"),
            kick("k6", "fra", "fra-griezmann", "eng-pickford", "scored"),
        ]);
        let result = json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0},
                            "after_extra_time": {"home": 0, "away": 0}, "shootout": {"home": 0, "away": 3},
                            "winner": "away", "decided_by": "shootout"});
        let m = with_events(events, result);
        let beats = Shootout.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["winner"], "fra");
        assert_eq!(beats[0].slots["kicks"], 6);
        assert_eq!(
            beats[0].slots["misses"],
            json!(["eng-kane", "eng-saka", "eng-rice"])
        );
        assert_eq!(beats[0].evidence, vec!["k1", "k2", "k3", "k4", "k5", "k6"]);
    }

    #[test]
    fn the_keeper_who_saved_is_named_with_whom_he_saved_from() {
        let m = fixture(include_str!("../../fixtures/ned-crc-2014-wc-qf.json"));
        let beats = Shootout.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(
            beats[0].slots["saves"],
            json!([{"goalkeeper": "ned-krul", "takers": ["crc-ruiz", "crc-umana"]}])
        );
        assert_eq!(beats[0].slots["wayward"], json!([]));
        assert!(beats[0].players.contains(&"ned-krul".to_string()));
    }

    #[test]
    fn no_shootout_no_beat() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        assert!(
            Shootout
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
