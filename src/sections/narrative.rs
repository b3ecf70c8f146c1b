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
    let story = plan::story::decide(&beats, inputs.thresholds);
    let must_tell = inputs.thresholds.must_tell;
    // Written for one side, the lead closes on that side's next match,
    // never the opponent's.
    let next_is_ours = inputs.perspective.is_none_or(|ours| {
        beats
            .top("next_fixture")
            .is_none_or(|n| n.side == Some(ours))
    });
    let Some(budget) = r.bank().tone_number(r.tone(), "lead_max_words") else {
        let mut paragraphs =
            lead_within(inputs, &beats, usize::MAX, f32::INFINITY, next_is_ours, r)?;
        tell_the_rest(&story, &mut paragraphs, r)?;
        return Ok(paragraphs);
    };
    let start = r.checkpoint();
    let all_items = plan::lead::story(inputs.a, &beats).len();
    // Shorten the story first; only when that is not enough (every goal
    // and must-tell beat kept), leave out the next fixture too.
    let mut last = Vec::new();
    for with_next in [next_is_ours, false] {
        for story_items in (0..=all_items).rev() {
            r.restore(start.clone());
            let mut paragraphs = lead_within(inputs, &beats, story_items, must_tell, with_next, r)?;
            tell_the_rest(&story, &mut paragraphs, r)?;
            let words: usize = paragraphs
                .iter()
                .map(|p| p.text().split_whitespace().count())
                .sum();
            if words <= budget as usize {
                return Ok(paragraphs);
            }
            last = paragraphs;
        }
    }
    Ok(last)
}

/// Writes the lead's opening, then plans and writes the rest knowing what
/// the opening's wording told: a winner it named is not told twice, and
/// the opening cites that goal.
fn lead_within(
    inputs: &Inputs,
    beats: &Beats,
    story_items: usize,
    must_tell: f32,
    with_next: bool,
    r: &mut Realiser,
) -> Result<Vec<Paragraph>> {
    let opening = plan::lead::opening_sentence(inputs.a, beats);
    let mut paragraphs = realise(draw_for_our_side(vec![vec![opening]], inputs), r)?;
    let told: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .flat_map(|s| s.beats.iter().cloned())
        .collect();
    let (rest, absorbed) =
        plan::lead::rest_within(inputs.a, beats, &told, story_items, must_tell, with_next);
    if let Some(first) = paragraphs.first_mut().and_then(|p| p.sentences.first_mut()) {
        for goal in absorbed {
            first.beats.push(goal.id.clone());
            for e in &goal.evidence {
                if !first.evidence.contains(e) {
                    first.evidence.push(e.clone());
                }
            }
        }
    }
    paragraphs.extend(realise(rest, r)?);
    Ok(paragraphs)
}

/// Written for one side, a draw's opening is about that side (its `team`
/// slot, with the `opponent`), so its `@for` variants can frame the
/// point won by an underdog or the favourite held; a draw names no winner
/// for the realiser to take a side from.
fn draw_for_our_side<'b>(
    mut plan: Vec<plan::ParagraphPlan<'b>>,
    inputs: &Inputs,
) -> Vec<plan::ParagraphPlan<'b>> {
    let Some(ours) = inputs.perspective else {
        return plan;
    };
    let opening = plan.first_mut().and_then(|p| p.first_mut());
    if let Some(o) = opening.filter(|o| {
        matches!(
            o.message.as_str(),
            "lead/opening/draw" | "lead/opening/goalless"
        )
    }) {
        o.slots["team"] = serde_json::json!(inputs.a.team(ours).id);
        o.slots["opponent"] = serde_json::json!(inputs.a.team(ours.other()).id);
    }
    plan
}

/// Tells, right after the opening, every must-tell beat the lead has not
/// told: whatever the opening led on, a hat-trick, a trophy or a
/// first-ever is never left out.
fn tell_the_rest(
    story: &plan::story::Story,
    paragraphs: &mut Vec<Paragraph>,
    r: &mut Realiser,
) -> Result<()> {
    let told: std::collections::HashSet<&str> = paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .flat_map(|s| s.beats.iter().map(String::as_str))
        .collect();
    let missing: Vec<plan::Planned> = story
        .must_tell
        .iter()
        .filter(|b| !told.contains(b.id.as_str()))
        .filter_map(|b| plan::lead::beat_sentence(b))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let extra = realise(vec![missing], r)?;
    let at = paragraphs.len().min(1);
    paragraphs.splice(at..at, extra);
    Ok(())
}

/// Writes the Talking Point, about the side the report is written for
/// when there is one, knowing what the lead told.
pub fn talking_point(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    let beats = Beats::new(inputs.beats);
    let plan = plan::talking_point::plan(inputs.a, &beats, inputs.perspective, r.told());
    realise(plan, r)
}

/// Writes Player of the match: for one side's supporters, their star.
pub fn player_of_match(inputs: &Inputs, r: &mut Realiser) -> Result<Vec<Paragraph>> {
    realise(
        plan::player_of_match::plan(inputs.a, &Beats::new(inputs.beats), inputs.perspective),
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
