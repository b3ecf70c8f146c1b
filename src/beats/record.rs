//! `record`: a player equalled, broke or extended a record.
//!
//! What it detects: a record from the match context whose holder's tally
//! changed in this match (the tally after kick-off is counted from the
//! events, never taken on the desk's word).
//!
//! Why it matters: records are what readers remember; the reference
//! report's lead opens on one ("Kane equalled England's record...").

use super::{Beat, Rule, Thresholds};
use crate::analysis::{Analysis, RecordStatus};
use crate::model::enum_name;
use serde_json::json;

/// Detects records equalled, broken or extended.
pub struct Record;

impl Rule for Record {
    fn name(&self) -> &'static str {
        "record"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for outcome in a.records() {
            let status = match outcome.status {
                RecordStatus::Equalled => "record_equalled",
                RecordStatus::Broken => "record_broken",
                RecordStatus::Extended => "record_extended",
                RecordStatus::Approached | RecordStatus::Unchanged => continue,
            };
            let r = outcome.record;
            let mut evidence = vec![format!("record:{}", r.id)];
            evidence.extend(
                a.tally_events(&r.player, r.counts)
                    .iter()
                    .map(|e| e.id.clone()),
            );
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience(status)
                    * t.record_weight
                        .get(enum_name(&r.counts).as_str())
                        .copied()
                        .unwrap_or(1.0),
                side: a.player(&r.player).map(|(_, side)| side),
                players: vec![r.player.clone()],
                slots: json!({
                    "status": status,
                    "player": r.player,
                    "team": a.player(&r.player).map(|(_, side)| a.team(side).id.clone()),
                    "counts": enum_name(&r.counts),
                    "scope": r.scope,
                    "note": r.note,
                    "before": r.before,
                    "after": outcome.after,
                    "added": outcome.after - r.before,
                    "record": r.record,
                    "holders": r.holders,
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
    use crate::beats::testing::with_events;
    use serde_json::json;

    fn kane_goal() -> serde_json::Value {
        json!([{"id": "g1", "period": 2, "minute": 54, "team": "eng", "type": "penalty_scored", "player": "eng-kane"}])
    }

    #[test]
    fn a_goal_that_reaches_the_record_equals_it() {
        let m = with_events(
            kane_goal(),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 1, "away": 0}, "winner": "home", "decided_by": "normal_time"}),
        );
        let a = Analysis::new(&m);
        let beats = Record.detect(&a, &Thresholds::builtin());
        let kane: Vec<_> = beats.iter().filter(|b| b.players == ["eng-kane"]).collect();
        assert_eq!(kane.len(), 2, "England goals and World Cup penalties");
        assert_eq!(kane[0].slots["status"], "record_equalled");
        assert_eq!(kane[0].slots["after"], 53);
        assert!(kane[0].evidence.contains(&"g1".to_string()));
    }

    #[test]
    fn no_goal_no_record() {
        let m = with_events(
            json!([]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        let a = Analysis::new(&m);
        assert!(Record.detect(&a, &Thresholds::builtin()).is_empty());
    }
}
