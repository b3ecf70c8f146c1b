//! Player Ratings: one paragraph per team, starters then substitutes, in
//! squad order, with "n/a" where the desk gave it.

use crate::analysis::Analysis;
use crate::error::Result;
use crate::model::{Player, Side};
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;
use serde_json::{Value, json};

/// Writes the ratings section; empty when the match has no ratings.
pub fn write(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let a = inputs.a;
    if a.m.ratings.is_empty() {
        return Ok(Vec::new());
    }
    let mut paragraphs = Vec::new();
    // Marks a model computed must never pass for a desk's judgement.
    if a.m.ratings_basis == Some(crate::model::RatingsBasis::Computed) {
        let note = r.say(
            "ratings/computed",
            json!({}),
            vec!["ratings_basis".to_string()],
        )?;
        paragraphs.push(Paragraph {
            sentences: vec![note],
        });
    }
    for side in [Side::Home, Side::Away] {
        let team = a.team(side);
        let rated = |starter: bool| -> Vec<Value> {
            team.squad
                .iter()
                .filter(|p| p.starter == starter)
                .filter_map(|p| rated_player(a, p))
                .collect()
        };
        let slots = json!({ "team": team.id, "starters": rated(true), "subs": rated(false) });
        let sentence = r.say("ratings/team", slots, vec![format!("ratings:{}", team.id)])?;
        paragraphs.push(Paragraph {
            sentences: vec![sentence],
        });
    }
    Ok(paragraphs)
}

fn rated_player(a: &Analysis, p: &Player) -> Option<Value> {
    let rating = a.m.ratings.get(&p.id)?;
    Some(json!({ "player": p.id, "rating": rating }))
}
