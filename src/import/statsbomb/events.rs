//! StatsBomb events to native events.
//!
//! Only what a report uses becomes a native event: goals (open play, own
//! goals, penalties), penalty awards, cards, substitutions, shots off the
//! woodwork, big chances (a non-goal shot with xG ≥ [`BIG_CHANCE_XG`]),
//! and saves from shots worth at least [`SAVE_XG`]. Passes, carries and
//! the rest feed the statistics and ratings instead.

use super::clock;
use super::lineups::Known;
use super::raw;
use crate::model::{
    AssistType, BodyPart, Event, EventType, Flank, Reason, SetPiece, ShotOutcome, Style,
};
use std::collections::{BTreeMap, HashMap};

/// A non-goal shot at least this likely to score is a big chance.
pub const BIG_CHANCE_XG: f32 = 0.3;
/// A saved shot at least this likely to score is worth a `save` line.
pub const SAVE_XG: f32 = 0.15;

/// Every event type in the StatsBomb open-data specification; anything
/// else is counted as ignored.
pub const KNOWN_TYPES: &[&str] = &[
    "50/50",
    "Bad Behaviour",
    "Ball Receipt*",
    "Ball Recovery",
    "Block",
    "Camera On",
    "Camera off",
    "Carry",
    "Clearance",
    "Dispossessed",
    "Dribble",
    "Dribbled Past",
    "Duel",
    "Error",
    "Foul Committed",
    "Foul Won",
    "Goal Keeper",
    "Half End",
    "Half Start",
    "Injury Stoppage",
    "Interception",
    "Miscontrol",
    "Offside",
    "Own Goal Against",
    "Own Goal For",
    "Pass",
    "Player Off",
    "Player On",
    "Pressure",
    "Referee Ball-Drop",
    "Shield",
    "Shot",
    "Starting XI",
    "Substitution",
    "Tactical Shift",
];

/// What the conversion needs to know about the match.
pub struct Ctx<'a> {
    /// The raw events, in file order.
    pub raw: &'a [raw::Event],
    /// Raw event id → index into `raw`.
    pub by_id: HashMap<&'a str, usize>,
    /// StatsBomb player id → native id and side.
    pub known: &'a HashMap<u64, Known>,
    /// StatsBomb team id → side (0 home, 1 away).
    pub team_side: HashMap<u64, usize>,
    /// Native team ids, home then away.
    pub team_ids: [String; 2],
}

/// The converted events and what was set aside.
#[derive(Debug, Default)]
pub struct Converted {
    /// Native events in match order.
    pub events: Vec<Event>,
    /// Notes on events that could not be mapped.
    pub warnings: Vec<String>,
    /// Unknown event types with their counts.
    pub ignored: BTreeMap<String, usize>,
}

fn blank(id: String, e: &raw::Event, team: &str, kind: EventType) -> Event {
    let (minute, added) = clock::native(e.period, e.minute);
    Event {
        id,
        period: e.period,
        minute,
        added,
        team: team.to_string(),
        kind,
        player: None,
        assist: None,
        fouled: None,
        goalkeeper: None,
        replaced: None,
        opponent: None,
        about: None,
        body_part: None,
        distance_yards: None,
        set_piece: None,
        assist_type: None,
        flank: None,
        placement: None,
        outcome: None,
        style: Vec::new(),
        xg: None,
        via_var: false,
        claim: None,
        decision: None,
        overturned: false,
        reason: None,
    }
}

/// The native id of an event: `sb` and StatsBomb's index.
pub fn event_id(e: &raw::Event) -> String {
    format!("sb{}", e.index)
}

/// Distance from (x, y) to the middle of the goal at (120, 40), in yards.
pub fn distance_yards(location: &[f32]) -> Option<u8> {
    let (x, y) = (*location.first()?, *location.get(1)?);
    let d = ((120.0 - x).powi(2) + (40.0 - y).powi(2)).sqrt();
    Some(d.round().clamp(0.0, 255.0) as u8)
}

/// The native body part.
pub fn body_part(name: &str) -> BodyPart {
    match name {
        "Head" => BodyPart::Head,
        "Left Foot" => BodyPart::LeftFoot,
        "Right Foot" => BodyPart::RightFoot,
        _ => BodyPart::Other,
    }
}

/// The shot was on target (scored or saved).
pub fn on_target(outcome: &str) -> bool {
    matches!(outcome, "Goal" | "Saved" | "Saved to Post")
}

/// Converts every event.
pub fn convert(ctx: &Ctx) -> Converted {
    let mut out = Converted::default();
    // Current goalkeeper per side (StatsBomb player id).
    let mut keeper: [Option<u64>; 2] = [None, None];
    // The latest penalty award per side, for the kick's `about`.
    let mut award: [Option<String>; 2] = [None, None];
    let player = |p: &Option<raw::Named>| -> Option<&Known> {
        p.as_ref().and_then(|p| ctx.known.get(&p.id))
    };
    for e in ctx.raw {
        let name = e.kind.name.as_str();
        if !KNOWN_TYPES.contains(&name) {
            *out.ignored.entry(name.to_string()).or_default() += 1;
            continue;
        }
        let Some(&side) = ctx.team_side.get(&e.team.id) else {
            out.warnings.push(format!(
                "event {} names team \"{}\", not in the line-ups; skipped",
                e.index, e.team.name
            ));
            continue;
        };
        let team = &ctx.team_ids[side];
        let other = &ctx.team_ids[1 - side];
        match name {
            // A tactical shift re-lists the side's positions: a new
            // goalkeeper (after a keeper's dismissal, say) shows there.
            "Starting XI" | "Tactical Shift" => {
                if let Some(t) = &e.tactics {
                    keeper[side] = t
                        .lineup
                        .iter()
                        .find(|p| p.position.name == "Goalkeeper")
                        .map(|p| p.player.id);
                }
            }
            "Substitution" => {
                let Some(s) = &e.substitution else { continue };
                let (Some(off), Some(on)) = (player(&e.player), ctx.known.get(&s.replacement.id))
                else {
                    out.warnings.push(format!(
                        "substitution at event {} names a player not in the line-ups; skipped",
                        e.index
                    ));
                    continue;
                };
                if e.player.as_ref().map(|p| p.id) == keeper[side] {
                    keeper[side] = Some(s.replacement.id);
                }
                let mut ev = blank(event_id(e), e, team, EventType::Substitution);
                ev.player = Some(on.id.clone());
                ev.replaced = Some(off.id.clone());
                ev.reason = match s.outcome.as_ref().map(|o| o.name.as_str()) {
                    Some("Injury") => Some(Reason::Injury),
                    Some("Tactical") => Some(Reason::Tactical),
                    _ => None,
                };
                out.events.push(ev);
            }
            "Foul Committed" | "Bad Behaviour" => {
                let details = if name == "Foul Committed" {
                    e.foul_committed.as_ref()
                } else {
                    e.bad_behaviour.as_ref()
                };
                let Some(who) = player(&e.player) else {
                    continue;
                };
                if details.is_some_and(|d| d.penalty) {
                    let mut ev = blank(
                        format!("{}-pen", event_id(e)),
                        e,
                        other,
                        EventType::PenaltyAwarded,
                    );
                    ev.opponent = Some(who.id.clone());
                    ev.fouled = fouled(ctx, e)
                        .and_then(|id| ctx.known.get(&id))
                        .map(|k| k.id.clone());
                    award[1 - side] = Some(ev.id.clone());
                    out.events.push(ev);
                }
                let card = details
                    .and_then(|d| d.card.as_ref())
                    .map(|c| c.name.as_str());
                let kind = match card {
                    Some("Yellow Card") => EventType::Yellow,
                    Some("Second Yellow") => EventType::SecondYellow,
                    Some("Red Card") => EventType::Red,
                    _ => continue,
                };
                if kind.is_sending_off() && e.player.as_ref().map(|p| p.id) == keeper[side] {
                    // A sent-off keeper faces no more shots.
                    keeper[side] = None;
                }
                let mut ev = blank(event_id(e), e, team, kind);
                ev.player = Some(who.id.clone());
                if name == "Foul Committed" {
                    ev.reason = Some(Reason::Foul);
                }
                out.events.push(ev);
            }
            "Own Goal Against" => {
                // StatsBomb pairs this with an "Own Goal For" for the other
                // side; only this half becomes the native own goal.
                let Some(who) = player(&e.player) else {
                    continue;
                };
                let mut ev = blank(event_id(e), e, other, EventType::OwnGoal);
                ev.player = Some(who.id.clone());
                ev.distance_yards = e.location.as_deref().and_then(|l| {
                    // Own-goal locations are from the defender's view.
                    let mirrored = [120.0 - l.first()?, 80.0 - l.get(1)?];
                    distance_yards(&mirrored)
                });
                out.events.push(ev);
            }
            "Shot" => {
                let Some(shot) = &e.shot else { continue };
                let Some(shooter) = player(&e.player) else {
                    continue;
                };
                // A shot without an outcome cannot be placed; the feed
                // audit reports it (see `consistency::dropped`).
                let Some(outcome) = shot.outcome.as_ref().map(|o| o.name.as_str()) else {
                    continue;
                };
                let gk = goalkeeper(ctx, e)
                    .or(keeper[1 - side])
                    .and_then(|id| ctx.known.get(&id))
                    .map(|k| k.id.clone());
                if e.period == 5 {
                    let mut ev = blank(event_id(e), e, team, EventType::ShootoutKick);
                    ev.player = Some(shooter.id.clone());
                    ev.goalkeeper = gk;
                    ev.outcome = Some(match outcome {
                        "Goal" => ShotOutcome::Scored,
                        other => miss(other, shot),
                    });
                    out.events.push(ev);
                    continue;
                }
                let penalty = shot.kind.name == "Penalty";
                let kind = match (penalty, outcome) {
                    (true, "Goal") => EventType::PenaltyScored,
                    (true, "Saved" | "Saved to Post") => EventType::PenaltySaved,
                    (true, _) => EventType::PenaltyMissed,
                    (false, "Goal") => EventType::Goal,
                    (false, "Post" | "Saved to Post") => EventType::Woodwork,
                    (false, _) if shot.statsbomb_xg.unwrap_or(0.0) >= BIG_CHANCE_XG => {
                        EventType::Chance
                    }
                    (false, "Saved") if shot.statsbomb_xg.unwrap_or(0.0) >= SAVE_XG => {
                        EventType::Save
                    }
                    _ => continue,
                };
                let mut ev = blank(event_id(e), e, team, kind);
                if kind == EventType::Save {
                    // The keeper's moment: team and player are the keeper's.
                    let Some(gk) = gk else { continue };
                    ev.team = other.clone();
                    ev.player = Some(gk);
                    ev.opponent = Some(shooter.id.clone());
                    ev.xg = shot.statsbomb_xg;
                    ev.distance_yards = e.location.as_deref().and_then(distance_yards);
                    out.events.push(ev);
                    continue;
                }
                ev.player = Some(shooter.id.clone());
                ev.goalkeeper = gk;
                ev.xg = shot.statsbomb_xg;
                ev.body_part = shot.body_part.as_ref().map(|b| body_part(&b.name));
                ev.distance_yards = e.location.as_deref().and_then(distance_yards);
                if penalty {
                    ev.about = award[side].take();
                } else {
                    shot_details(ctx, e, shot, &mut ev);
                }
                if !matches!(kind, EventType::Goal | EventType::PenaltyScored) {
                    ev.outcome = Some(miss(outcome, shot));
                }
                out.events.push(ev);
            }
            _ => {}
        }
    }
    out
}

/// The native outcome of a shot that did not score.
fn miss(outcome: &str, shot: &raw::Shot) -> ShotOutcome {
    let height = shot
        .end_location
        .as_deref()
        .and_then(|l| l.get(2).copied())
        .unwrap_or(0.0);
    match outcome {
        "Saved" | "Saved Off Target" => ShotOutcome::Saved,
        "Blocked" => ShotOutcome::Blocked,
        "Post" | "Saved to Post" if height > 2.5 => ShotOutcome::Bar,
        "Post" | "Saved to Post" => ShotOutcome::Post,
        _ if height > 2.67 => ShotOutcome::Over,
        _ => ShotOutcome::Wide,
    }
}

/// Assist, set piece, assist type and style of a shot not from a penalty.
fn shot_details(ctx: &Ctx, e: &raw::Event, shot: &raw::Shot, ev: &mut Event) {
    let key_pass = shot
        .key_pass_id
        .as_deref()
        .and_then(|id| ctx.by_id.get(id))
        .map(|&i| &ctx.raw[i]);
    let pass = key_pass.and_then(|k| k.pass.as_ref().map(|p| (k, p)));
    if let Some((k, p)) = pass {
        if p.goal_assist && ev.kind == EventType::Goal {
            ev.assist = k
                .player
                .as_ref()
                .and_then(|pl| ctx.known.get(&pl.id))
                .map(|k| k.id.clone());
        }
        ev.assist_type = Some(if p.cross {
            AssistType::Cross
        } else if p.through_ball {
            AssistType::ThroughBall
        } else if p.cut_back {
            AssistType::Cutback
        } else if p.body_part.as_ref().is_some_and(|b| b.name == "Head") {
            AssistType::Header
        } else if p.height.as_ref().is_some_and(|h| h.name == "High Pass") {
            AssistType::LongBall
        } else {
            AssistType::Pass
        });
        if p.cross {
            // StatsBomb's y runs from the attackers' left touchline (0).
            ev.flank = k
                .location
                .as_deref()
                .and_then(|l| l.get(1).copied())
                .and_then(|y| {
                    if y < 30.0 {
                        Some(Flank::Left)
                    } else if y > 50.0 {
                        Some(Flank::Right)
                    } else {
                        None
                    }
                });
        }
    }
    let pattern = e.play_pattern.as_ref().map(|p| p.name.as_str());
    let key_pass_type = pass.and_then(|(_, p)| p.kind.as_ref().map(|k| k.name.as_str()));
    ev.set_piece = match (shot.kind.name.as_str(), pattern, key_pass_type) {
        ("Free Kick", _, _) => Some(SetPiece::DirectFreeKick),
        ("Corner", _, _) => Some(SetPiece::Corner),
        (_, Some("From Corner"), _) | (_, _, Some("Corner")) => Some(SetPiece::Corner),
        (_, Some("From Free Kick"), _) | (_, _, Some("Free Kick")) => Some(SetPiece::FreeKick),
        (_, _, Some("Throw-in")) => Some(SetPiece::ThrowIn),
        _ => None,
    };
    if shot.first_time {
        ev.style.push(Style::FirstTime);
    }
    match shot.technique.as_ref().map(|t| t.name.as_str()) {
        Some("Volley" | "Half Volley") => ev.style.push(Style::Volley),
        Some("Lob") => ev.style.push(Style::Chip),
        _ => {}
    }
    if ev.distance_yards.is_some_and(|d| d <= 2) {
        ev.style.push(Style::TapIn);
    }
}

/// The goalkeeper who dealt with a shot, from its related events.
fn goalkeeper(ctx: &Ctx, e: &raw::Event) -> Option<u64> {
    related(ctx, e)
        .find(|r| r.kind.name == "Goal Keeper" && r.team.id != e.team.id)
        .and_then(|r| r.player.as_ref().map(|p| p.id))
}

/// The player fouled, from the foul's related "Foul Won" event.
fn fouled(ctx: &Ctx, e: &raw::Event) -> Option<u64> {
    related(ctx, e)
        .find(|r| r.kind.name == "Foul Won")
        .and_then(|r| r.player.as_ref().map(|p| p.id))
}

fn related<'a>(ctx: &'a Ctx, e: &'a raw::Event) -> impl Iterator<Item = &'a raw::Event> + 'a {
    e.related_events
        .iter()
        .filter_map(|id| ctx.by_id.get(id.as_str()))
        .map(|&i| &ctx.raw[i])
}
