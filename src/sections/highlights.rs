//! Match Highlights: one line per notable event, with the minute and,
//! for goals, the running score.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::model::enum_name;
use crate::model::{Event, EventType};
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;
use crate::sections::event_slots;

/// Writes one paragraph per notable event, and one for a shoot-out.
pub fn write(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let a = inputs.a;
    let mut paragraphs = Vec::new();
    for (e, moment) in a.m.events.iter().zip(a.timeline.iter().copied()) {
        let Some(message) = message_for(e) else {
            continue;
        };
        let slots = event_slots(a, e, moment);
        let sentence = r.say(&message, slots, evidence(e))?;
        paragraphs.push(Paragraph {
            sentences: vec![sentence],
        });
    }
    if let Some(p) = shootout(a, r)? {
        paragraphs.push(p);
    }
    Ok(paragraphs)
}

/// The message for an event, or `None` for events highlights skip
/// (substitutions, routine fouls, appeals, shoot-out kicks one by one).
fn message_for(e: &Event) -> Option<String> {
    use EventType::*;
    match e.kind {
        Substitution | Foul | Appeal | ShootoutKick => None,
        kind => Some(format!("highlight/{}", enum_name(&kind))),
    }
}

/// The event itself and any earlier event it answers.
fn evidence(e: &Event) -> Vec<String> {
    std::iter::once(e.id.clone())
        .chain(e.about.clone())
        .collect()
}

/// One line summing up a shoot-out: score, winner, and each kick in order.
fn shootout(a: &Analysis, r: &mut Realiser) -> Result<Option<Paragraph>> {
    let Some(score) = a.m.result.shootout else {
        return Ok(None);
    };
    let kicks: Vec<_> =
        a.m.events
            .iter()
            .filter(|e| e.kind == EventType::ShootoutKick)
            .map(|e| {
                serde_json::json!({
                    "player": e.player,
                    "team": e.team,
                    "goalkeeper": e.goalkeeper,
                    "outcome": e.outcome,
                    "scored": e.outcome == Some(crate::model::ShotOutcome::Scored),
                })
            })
            .collect();
    let winner = a.m.result.winner.map(|s| a.team(s).id.clone());
    let slots = serde_json::json!({
        "home": a.m.teams.home.id,
        "away": a.m.teams.away.id,
        "score": score,
        "winner": winner,
        "kicks": kicks,
    });
    let evidence =
        a.m.events
            .iter()
            .filter(|e| e.kind == EventType::ShootoutKick)
            .map(|e| e.id.clone())
            .collect();
    Ok(Some(Paragraph {
        sentences: vec![r.say("highlight/shootout", slots, evidence)?],
    }))
}
