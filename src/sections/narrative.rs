//! The narrative sections: Lead, Talking Point, Player of the match. The
//! planner decides what they say; this module only realises the plan.

use crate::error::Result;
use crate::plan::{self, Beats, ParagraphPlan};
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;

/// Writes the lead.
pub fn lead(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    realise(plan::lead::plan(inputs.a, &Beats::new(inputs.beats)), r)
}

/// Writes the Talking Point.
pub fn talking_point(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    realise(
        plan::talking_point::plan(inputs.a, &Beats::new(inputs.beats)),
        r,
    )
}

/// Writes Player of the match.
pub fn player_of_match(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    realise(
        plan::player_of_match::plan(inputs.a, &Beats::new(inputs.beats)),
        r,
    )
}

fn realise(plan: Vec<ParagraphPlan>, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    plan.into_iter()
        .map(|paragraph| {
            let sentences = paragraph
                .into_iter()
                .map(|p| r.say_beats(&p.message, p.slots, &p.beats))
                .collect::<Result<_>>()?;
            Ok(Paragraph { sentences })
        })
        .collect()
}
