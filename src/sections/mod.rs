//! The sections of a report, each written from the analysis.
//!
//! A section writer decides *what* to say (which messages, with which
//! slots and evidence) and leaves *how* to the phrasebank.

pub mod highlights;
pub mod key_stats;
pub mod narrative;
pub mod ratings;

use crate::analysis::{Analysis, Moment, goal_state};
use crate::error::Result;
use crate::model::{Event, Side, enum_name};
use crate::realise::Realiser;
use crate::report::Paragraph;
use serde_json::{Value, json};

/// What section writers work from: the analysis and the detected beats.
pub struct Inputs<'a> {
    /// Facts derived from the match.
    pub a: &'a Analysis<'a>,
    /// Every beat, most salient first.
    pub beats: &'a [crate::beats::Beat],
    /// The side the report is written for, if one.
    pub perspective: Option<Side>,
    /// The rules' thresholds (the planner's must-tell line among them).
    pub thresholds: &'a crate::beats::Thresholds,
}

/// A section's id and the function that writes it.
pub struct SectionWriter {
    /// Stable id, also the heading message `heading/<id>`.
    pub id: &'static str,
    /// What the section shares with the rest of the report.
    pub memory: MemoryPolicy,
    /// False for the lead, which runs under the title with no heading.
    pub headed: bool,
    /// Writes the section's paragraphs; none means the section is left out.
    pub write: fn(&Inputs, &mut Realiser) -> Result<Vec<Paragraph>>,
}

/// What a section shares with the sections around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryPolicy {
    /// Prose that follows on: names, templates, openings and words carry
    /// over (lead, Talking Point, Player of the match).
    Continues,
    /// Names everyone afresh but avoids the report's openings and words
    /// (Key Stats).
    FreshNames,
    /// Shares nothing, so it reads the same in every tone and perspective
    /// (Player Ratings, Match Highlights).
    Isolated,
}

/// Every section, in reading order.
pub const ALL: &[SectionWriter] = &[
    SectionWriter {
        id: "lead",
        memory: MemoryPolicy::Continues,
        headed: false,
        write: narrative::lead,
    },
    SectionWriter {
        id: "talking_point",
        memory: MemoryPolicy::Continues,
        headed: true,
        write: narrative::talking_point,
    },
    SectionWriter {
        id: "player_of_match",
        memory: MemoryPolicy::Continues,
        headed: true,
        write: narrative::player_of_match,
    },
    SectionWriter {
        id: "ratings",
        memory: MemoryPolicy::Isolated,
        headed: true,
        write: ratings::write,
    },
    SectionWriter {
        id: "highlights",
        memory: MemoryPolicy::Isolated,
        headed: true,
        write: highlights::write,
    },
    SectionWriter {
        id: "key_stats",
        memory: MemoryPolicy::FreshNames,
        headed: true,
        write: key_stats::write,
    },
];

/// Slots naming both teams and the final score.
pub fn scoreline_slots(a: &Analysis) -> Value {
    let r = &a.m.result;
    json!({
        "home": a.m.teams.home.id,
        "away": a.m.teams.away.id,
        "score": r.after_extra_time.unwrap_or(r.full_time),
        "shootout": r.shootout,
    })
}

/// Every slot an event can fill, present even when empty (null), so
/// templates in strict mode can test any of them with `{{#if}}`.
pub fn event_slots(a: &Analysis, e: &Event, moment: Moment) -> Value {
    let team = &a.team(moment.side).id;
    let opponent_team = &a.team(moment.side.other()).id;
    let style: serde_json::Map<String, Value> = ALL_STYLES
        .iter()
        .map(|s| {
            (
                s.to_string(),
                Value::Bool(e.style.iter().any(|x| enum_name(x) == *s)),
            )
        })
        .collect();
    json!({
        "id": e.id,
        "minute": e.minute,
        "added": e.added,
        "period": e.period,
        "team": team,
        "opponent_team": opponent_team,
        "home": a.m.teams.home.id,
        "away": a.m.teams.away.id,
        "is_home": moment.side == Side::Home,
        "score": moment.after,
        "score_before": moment.before,
        "goal_state": goal_state(e, moment),
        "minutes_left": moment.minutes_left,
        "player": e.player,
        "assist": e.assist,
        "fouled": e.fouled,
        "goalkeeper": e.goalkeeper,
        "replaced": e.replaced,
        "opponent": e.opponent,
        "body_part": e.body_part,
        "header": e.body_part == Some(crate::model::BodyPart::Head),
        "distance": e.distance_yards,
        "set_piece": e.set_piece,
        "assist_type": e.assist_type,
        "flank": e.flank,
        "placement": e.placement,
        "outcome": e.outcome,
        "style": style,
        "via_var": e.via_var,
        "claim": e.claim,
        "decision": e.decision,
        "overturned": e.overturned,
        "reason": e.reason,
    })
}

/// Style names as written in match files, for `style.<name>` slots.
const ALL_STYLES: &[&str] = &[
    "curled",
    "low",
    "powerful",
    "first_time",
    "volley",
    "chip",
    "tap_in",
    "deflected",
    "just_wide",
    "keeper_wrong_way",
    "solo_run",
    "fine_delivery",
];
