//! The narrative sections: Lead, Talking Point, Player of the match. The
//! planner decides what they say; this module only realises the plan.

use crate::error::Result;
use crate::plan::{self, Beats, ParagraphPlan};
use crate::realise::Realiser;
use crate::report::Paragraph;
use crate::sections::Inputs;

/// Writes the lead. A tone with a word budget (`lead_max_words` in the
/// lexicon's `tones`) gets the full story if it fits, else the story
/// re-planned with fewer moments until it does: dropping sentences after
/// writing them would strand a surname whose full name went with them.
pub fn lead(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let beats = Beats::new(inputs.beats);
    let Some(budget) = r.bank().tone_number(r.tone(), "lead_max_words") else {
        return realise(plan::lead::plan(inputs.a, &beats), r);
    };
    let start = r.checkpoint();
    let mut story_items = plan::lead::story(inputs.a, &beats).len();
    loop {
        let paragraphs = realise(plan::lead::plan_within(inputs.a, &beats, story_items), r)?;
        let words: usize = paragraphs
            .iter()
            .map(|p| p.text().split_whitespace().count())
            .sum();
        if words <= budget as usize || story_items == 0 {
            return Ok(paragraphs);
        }
        r.restore(start.clone());
        story_items -= 1;
    }
}

/// Writes the Talking Point, about the side the report is written for
/// when there is one.
pub fn talking_point(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let beats = Beats::new(inputs.beats);
    realise(
        plan::talking_point::plan(inputs.a, &beats, inputs.perspective),
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
                .map(|p| r.say_planned(p))
                .collect::<Result<_>>()?;
            Ok(Paragraph { sentences })
        })
        .collect()
}
