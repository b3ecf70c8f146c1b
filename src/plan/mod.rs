//! The planner: which beats go in which narrative section, in what order,
//! and combined how.
//!
//! It works only with beats and the analysis, and produces [`Planned`]
//! messages (a message id, its slots, the beats it expresses); the
//! phrasebank decides the words. The lead's first sentence aggregates the
//! two or three biggest beats into one ("equalled the record but missed a
//! crucial penalty as..."); the rest of the lead tells the story in match
//! order and closes on what comes next.

pub mod lead;
pub mod player_of_match;
pub mod story;
pub mod talking_point;

use crate::analysis::Analysis;
use crate::beats::Beat;
use crate::model::{Event, Side};
use serde_json::{Value, json};

/// One sentence to write: a message, its slots, and the beats behind it.
#[derive(Debug, Clone)]
pub struct Planned<'b> {
    /// Message id in the phrasebank, e.g. `lead/opening/record_and_miss`.
    pub message: String,
    /// Values for the template.
    pub slots: Value,
    /// The beats the sentence expresses (its provenance).
    pub beats: Vec<&'b Beat>,
    /// Beats the sentence expresses only if its template uses the named
    /// slot: a variant that leaves the miss out does not cite the miss.
    pub conditional: Vec<(&'b Beat, &'static str)>,
    /// Claims the sentence must assert when its message has a variant that
    /// declares them: a story point every wording must carry (extra time
    /// in the opening of a match that went to it, an own goal).
    pub requires: Vec<&'static str>,
}

impl<'b> Planned<'b> {
    /// A planned sentence.
    pub fn new(message: impl Into<String>, slots: Value, beats: Vec<&'b Beat>) -> Self {
        Planned {
            message: message.into(),
            slots,
            beats,
            conditional: Vec::new(),
            requires: Vec::new(),
        }
    }

    /// Requires the sentence to assert `claim` when `when` holds.
    pub fn requiring(mut self, claim: &'static str, when: bool) -> Self {
        if when {
            self.requires.push(claim);
        }
        self
    }

    /// Moves `beat` from the beats the sentence surely expresses to those
    /// it expresses when its template uses `slot`.
    pub fn via(mut self, beat: Option<&'b Beat>, slot: &'static str) -> Self {
        if let Some(beat) = beat {
            self.beats.retain(|b| !std::ptr::eq(*b, beat));
            self.conditional.push((beat, slot));
        }
        self
    }
}

/// A paragraph's worth of planned sentences.
pub type ParagraphPlan<'b> = Vec<Planned<'b>>;

/// Questions the planner asks of the beats.
pub struct Beats<'b> {
    all: &'b [Beat],
}

impl<'b> Beats<'b> {
    /// Wraps the detected beats (most salient first).
    pub fn new(all: &'b [Beat]) -> Self {
        Beats { all }
    }

    /// Every beat, most salient first.
    pub fn all(&self) -> &'b [Beat] {
        self.all
    }

    /// Every beat of a rule, most salient first.
    pub fn of(&self, rule: &str) -> impl Iterator<Item = &'b Beat> + '_ {
        let rule = rule.to_string();
        self.all.iter().filter(move |b| b.rule == rule)
    }

    /// The most salient beat of a rule.
    pub fn top(&self, rule: &str) -> Option<&'b Beat> {
        self.of(rule).next()
    }

    /// The most salient beat of a rule about `player`.
    pub fn for_player(&self, rule: &str, player: &str) -> Option<&'b Beat> {
        self.of(rule)
            .find(|b| b.players.first().is_some_and(|p| p == player))
    }

    /// The most salient beat of a rule on `side`.
    pub fn for_side(&self, rule: &str, side: Side) -> Option<&'b Beat> {
        self.of(rule).find(|b| b.side == Some(side))
    }
}

/// The result in the words' terms: winner's goals first, the stage, and
/// whether the loser is out.
pub fn result_slots(a: &Analysis) -> Value {
    let r = &a.m.result;
    let score = r.after_extra_time.unwrap_or(r.full_time);
    let (winner, loser) = match r.winner {
        Some(w) => (Some(w), Some(w.other())),
        None => (None, None),
    };
    let id = |s: Option<Side>| s.map(|s| a.team(s).id.clone());
    let goals = |s: Option<Side>, fallback: u8| s.map_or(fallback, |s| score.of(s));
    json!({
        "winner": id(winner),
        "loser": id(loser),
        "home": a.m.teams.home.id,
        "away": a.m.teams.away.id,
        "draw": winner.is_none(),
        "goalless": score.home == 0 && score.away == 0,
        "winner_goals": goals(winner, score.home),
        "loser_goals": goals(loser, score.away),
        "extra_time": r.after_extra_time.is_some(),
        "shootout": r.shootout.map(|s| json!({
            "winner_goals": winner.map_or(s.home, |w| s.of(w)),
            "loser_goals": loser.map_or(s.away, |l| s.of(l)),
        })),
        "stage": crate::model::enum_name(&a.m.fixture.stage),
        "knockout": a.m.fixture.stage.is_knockout(),
        "final": a.m.fixture.stage == crate::model::Stage::Final,
        "competition": a.m.fixture.competition,
        "venue": a.m.fixture.venue.as_ref().map(|v| v.name.clone()),
    })
}

/// The event a beat's first evidence id names, if it names one.
pub fn first_event<'m>(a: &Analysis<'m>, beat: &Beat) -> Option<(usize, &'m Event)> {
    beat.evidence
        .iter()
        .find_map(|id| a.m.events.iter().enumerate().find(|(_, e)| &e.id == id))
}

/// A team's standing description ("world champions"), if the desk gave one.
pub fn standing(a: &Analysis, team: &str) -> Option<String> {
    let side = a.side_of_team(team);
    a.team(side).standing.first().cloned()
}
