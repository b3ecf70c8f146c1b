//! Key Stats: the records the match changed, as the `record` rule found
//! them (counted from the events and the desk's pre-match tallies), in the
//! order the desk listed them; then the desk's own lines.

use crate::error::Result;
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;
use serde_json::json;

/// Writes the key stats; empty when nothing changed and the desk gave none.
pub fn write(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let mut paragraphs = Vec::new();
    for record in &inputs.a.m.context.records {
        let key = format!("record:{}", record.id);
        let Some(beat) = inputs
            .beats
            .iter()
            .find(|b| b.rule == "record" && b.evidence.contains(&key))
        else {
            continue;
        };
        // The beat's status (record_equalled...) names the message.
        let status = beat.slots["status"].as_str().unwrap_or_default();
        let sentence = r.say_beats(&format!("key_stats/{status}"), beat.slots.clone(), &[beat])?;
        paragraphs.push(Paragraph {
            sentences: vec![sentence],
        });
    }
    for (i, line) in inputs.a.m.context.key_stats.iter().enumerate() {
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
