//! Key Stats: records the match changed (computed from the events and the
//! desk's pre-match tallies), then the desk's own lines.

use crate::analysis::{RecordOutcome, RecordStatus};
use crate::error::Result;
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;
use crate::sections::enum_name;
use serde_json::json;

/// Writes the key stats; empty when nothing changed and the desk gave none.
pub fn write(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let a = inputs.a;
    let mut paragraphs = Vec::new();
    for outcome in a.records() {
        let Some(message) = message_for(&outcome) else {
            continue;
        };
        let rec = outcome.record;
        let mut evidence = vec![format!("record:{}", rec.id)];
        evidence.extend(
            a.tally_events(&rec.player, rec.counts)
                .iter()
                .map(|e| e.id.clone()),
        );
        let slots = json!({
            "player": rec.player,
            "team": a.player(&rec.player).map(|(_, side)| a.team(side).id.clone()),
            "counts": enum_name(&rec.counts),
            "scope": rec.scope,
            "note": rec.note,
            "before": rec.before,
            "after": outcome.after,
            "added": outcome.after - rec.before,
            "record": rec.record,
            "holders": rec.holders,
        });
        let key = format!("record:{}", rec.id);
        let beat: Vec<&crate::beats::Beat> = inputs
            .beats
            .iter()
            .filter(|b| b.evidence.contains(&key))
            .collect();
        let mut sentence = r.say(message, slots, evidence)?;
        sentence.beats = beat.iter().map(|b| b.id.clone()).collect();
        paragraphs.push(Paragraph {
            sentences: vec![sentence],
        });
    }
    for (i, line) in a.m.context.key_stats.iter().enumerate() {
        let sentence = r.say(
            "key_stats/desk",
            json!({ "text": line }),
            vec![format!("context.key_stats[{i}]")],
        )?;
        paragraphs.push(Paragraph {
            sentences: vec![sentence],
        });
    }
    Ok(paragraphs)
}

fn message_for(outcome: &RecordOutcome) -> Option<&'static str> {
    Some(match outcome.status {
        RecordStatus::Equalled => "key_stats/record_equalled",
        RecordStatus::Broken => "key_stats/record_broken",
        RecordStatus::Extended => "key_stats/record_extended",
        RecordStatus::Approached | RecordStatus::Unchanged => return None,
    })
}
