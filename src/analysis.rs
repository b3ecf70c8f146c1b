//! Facts derived once from a validated match and shared by every later
//! stage: who each id is, the score before and after every event, minutes
//! left, per-player tallies and what became of each record.
//!
//! Nothing here writes prose; it answers questions about the match.

use crate::model::{
    Coverage, Event, EventType, Match, Player, Record, Score, ShotOutcome, Side, Tally, Team,
};
use std::collections::HashMap;

/// Everything later stages ask about a match.
#[derive(Debug)]
pub struct Analysis<'m> {
    /// The match analysed.
    pub m: &'m Match,
    /// One entry per event, in the same order as `m.events`.
    pub timeline: Vec<Moment>,
    players: HashMap<&'m str, (&'m Player, Side)>,
    tallies: HashMap<&'m str, Tallies>,
    /// Where every player stood after the last event.
    pitch: Pitch<'m>,
}

/// The state of the match around one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The side the event belongs to.
    pub side: Side,
    /// Score before the event.
    pub before: Score,
    /// Score after the event (the same unless it was a goal).
    pub after: Score,
    /// Minutes left in normal time (or extra time in periods 3-4); `None`
    /// in the shoot-out or in added time.
    pub minutes_left: Option<u16>,
}

impl Moment {
    /// The event's side's lead before it happened (negative when behind).
    pub fn margin_before(&self) -> i16 {
        let (us, them) = (self.before.of(self.side), self.before.of(self.side.other()));
        i16::from(us) - i16::from(them)
    }
}

/// What a goal did to the game, from the scoring side's view:
/// `opener`, `equaliser`, `go_ahead`, `extends` (lead) or `reduces`
/// (a deficit); null for events that are not goals.
pub fn goal_state(e: &Event, moment: Moment) -> Option<&'static str> {
    if !e.kind.is_goal() {
        return None;
    }
    Some(match moment.margin_before() {
        0 if moment.before.home == 0 && moment.before.away == 0 => "opener",
        0 => "go_ahead",
        -1 => "equaliser",
        m if m > 0 => "extends",
        _ => "reduces",
    })
}

/// What one player did in the match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tallies {
    /// Goals, penalties included.
    pub goals: u16,
    /// Penalties scored in play.
    pub penalties: u16,
    /// Assists.
    pub assists: u16,
}

impl Tallies {
    /// The count a record is about.
    pub fn of(&self, tally: Tally) -> u16 {
        match tally {
            Tally::Goals => self.goals,
            Tally::Penalties => self.penalties,
            Tally::Assists => self.assists,
        }
    }
}

/// What a record became by the final whistle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    /// The player reached the record figure, shared with others.
    Equalled,
    /// The player passed the figure held by others.
    Broken,
    /// The player already held it alone and added to it.
    Extended,
    /// The player added to his tally without reaching the record.
    Approached,
    /// Nothing changed in this match.
    Unchanged,
}

/// A record with its outcome.
#[derive(Debug, Clone, Copy)]
pub struct RecordOutcome<'m> {
    /// The record as the desk gave it.
    pub record: &'m Record,
    /// The player's tally after the match.
    pub after: u16,
    /// What became of it.
    pub status: RecordStatus,
}

impl<'m> Analysis<'m> {
    /// Analyses a validated match.
    pub fn new(m: &'m Match) -> Self {
        let mut players = HashMap::new();
        for side in [Side::Home, Side::Away] {
            for p in &m.teams.get(side).squad {
                players.insert(p.id.as_str(), (p, side));
            }
        }
        let mut a = Analysis {
            m,
            timeline: Vec::with_capacity(m.events.len()),
            players,
            tallies: HashMap::new(),
            pitch: Pitch::kick_off(m),
        };
        a.walk_events();
        a
    }

    fn walk_events(&mut self) {
        let mut score = Score::default();
        for e in &self.m.events {
            let side = self.side_of_team(&e.team);
            let before = score;
            if e.kind.is_goal() {
                score.add(side);
            }
            self.timeline.push(Moment {
                side,
                before,
                after: score,
                minutes_left: minutes_left(e),
            });
            self.count(e);
            self.pitch.step(e);
        }
    }

    /// Where a player stood at the final whistle (`None` for an id in
    /// neither squad).
    pub fn final_status(&self, id: &str) -> Option<Status> {
        self.pitch.status(id)
    }

    fn count(&mut self, e: &'m Event) {
        if matches!(e.kind, EventType::Goal | EventType::PenaltyScored)
            && let Some(p) = &e.player
        {
            let t = self.tallies.entry(p).or_default();
            // Saturating: validation bounds goals, but a tally must never
            // wrap back to a small number that a record line would trust.
            t.goals = t.goals.saturating_add(1);
            t.penalties = t
                .penalties
                .saturating_add(u16::from(e.kind == EventType::PenaltyScored));
        }
        if e.kind.is_goal()
            && let Some(a) = &e.assist
        {
            let t = self.tallies.entry(a).or_default();
            t.assists = t.assists.saturating_add(1);
        }
    }

    /// The side whose team id this is (validated input always has one).
    pub fn side_of_team(&self, id: &str) -> Side {
        if self.m.teams.away.id == id {
            Side::Away
        } else {
            Side::Home
        }
    }

    /// A team by side.
    pub fn team(&self, side: Side) -> &'m Team {
        self.m.teams.get(side)
    }

    /// A player and his side, by id.
    pub fn player(&self, id: &str) -> Option<(&'m Player, Side)> {
        self.players.get(id).copied()
    }

    /// Whether another player in the match, on either side, goes by the
    /// same surname (three Kims for Korea, two Hernandezes for France):
    /// "Kim" alone would not say which.
    pub fn surname_shared(&self, player: &Player) -> bool {
        self.players
            .values()
            .any(|(other, _)| other.surname == player.surname && other.id != player.id)
    }

    /// What a player did in the match.
    pub fn tallies(&self, id: &str) -> Tallies {
        self.tallies.get(id).copied().unwrap_or_default()
    }

    /// The goal after which `side` led for good, with its moment: the
    /// winner's decisive goal. None when `side` did not end in front.
    pub fn decisive_goal(&self, side: Side) -> Option<(usize, &'m Event, Moment)> {
        let mut at = None;
        for (i, (e, mo)) in self.m.events.iter().zip(&self.timeline).enumerate() {
            if !e.kind.is_goal() {
                continue;
            }
            let leads = mo.after.leader() == Some(side);
            if leads && mo.before.leader() != Some(side) {
                at = Some((i, e, *mo));
            } else if !leads {
                at = None;
            }
        }
        at
    }

    /// The events that changed the score, with their moments.
    pub fn goals(&self) -> impl Iterator<Item = (&'m Event, Moment)> + '_ {
        self.m
            .events
            .iter()
            .zip(self.timeline.iter().copied())
            .filter(|(e, _)| e.kind.is_goal())
    }

    /// Minutes each side spent in the lead over the match's playing time
    /// (90, or 120 with extra time; added time is not counted).
    pub fn minutes_led(&self) -> crate::model::Sides<u16> {
        let end = if self.m.result.after_extra_time.is_some() {
            120
        } else {
            90
        };
        let mut led = crate::model::Sides { home: 0, away: 0 };
        let mut leader = None;
        let mut since = 0u16;
        for (e, moment) in self.goals() {
            let at = e.minute.unwrap_or(since).min(end);
            if let Some(side) = leader {
                *led.get_mut(side) += at.saturating_sub(since);
            }
            leader = moment.after.leader();
            since = at;
        }
        if let Some(side) = leader {
            *led.get_mut(side) += end.saturating_sub(since);
        }
        led
    }

    /// Every record's outcome, in the order the desk listed them.
    pub fn records(&self) -> Vec<RecordOutcome<'m>> {
        self.m
            .context
            .records
            .iter()
            .map(|r| self.record_outcome(r))
            .collect()
    }

    fn record_outcome(&self, r: &'m Record) -> RecordOutcome<'m> {
        let added = self.tallies(&r.player).of(r.counts);
        let after = r.before.saturating_add(added);
        let held_alone = r.before >= r.record && r.holders.is_empty();
        let status = match (added, after.cmp(&r.record)) {
            (0, _) => RecordStatus::Unchanged,
            (_, std::cmp::Ordering::Less) => RecordStatus::Approached,
            (_, _) if held_alone => RecordStatus::Extended,
            (_, std::cmp::Ordering::Equal) => RecordStatus::Equalled,
            (_, std::cmp::Ordering::Greater) => RecordStatus::Broken,
        };
        RecordOutcome {
            record: r,
            after,
            status,
        }
    }
    /// Every scorer with his goals (penalties in play counted, own goals
    /// not), in the order of each scorer's first goal: the count that
    /// braces and hat-tricks are judged on.
    pub fn goals_by_scorer(&self) -> Vec<(&'m str, Vec<&'m Event>)> {
        let mut scorers: Vec<&'m str> = Vec::new();
        for e in &self.m.events {
            if matches!(e.kind, EventType::Goal | EventType::PenaltyScored)
                && let Some(p) = e.player.as_deref()
                && !scorers.contains(&p)
            {
                scorers.push(p);
            }
        }
        scorers
            .into_iter()
            .map(|p| (p, self.tally_events(p, Tally::Goals)))
            .collect()
    }

    /// Ids of the events that added to a player's tally of `tally`.
    pub fn tally_events(&self, player: &str, tally: Tally) -> Vec<&'m Event> {
        self.m
            .events
            .iter()
            .filter(|e| match tally {
                Tally::Goals => {
                    matches!(e.kind, EventType::Goal | EventType::PenaltyScored)
                        && e.player.as_deref() == Some(player)
                }
                Tally::Penalties => {
                    e.kind == EventType::PenaltyScored && e.player.as_deref() == Some(player)
                }
                Tally::Assists => e.kind.is_goal() && e.assist.as_deref() == Some(player),
            })
            .collect()
    }

    /// Whether a player took part: `Some(true)` if he started, a
    /// substitution brought him on or an event names him, `Some(false)` if
    /// none of these and the file lists every substitution, `None` when the
    /// file cannot say. Beats (who may be praised) and claims (what a
    /// sentence may say of him) both ask.
    pub fn played(&self, id: &str) -> Option<bool> {
        let (p, _) = self.player(id)?;
        let named = |sub: bool| {
            self.m.events.iter().any(|e| {
                (e.kind == EventType::Substitution) == sub && e.player.as_deref() == Some(id)
            })
        };
        if p.starter || named(true) || named(false) {
            Some(true)
        } else if self.m.complete.contains(&Coverage::Substitutions) {
            Some(false)
        } else {
            None
        }
    }
}

/// Where a player stands at one moment of the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A listed substitute who has not come on.
    Bench,
    /// Playing: a starter, or a substitute who came on.
    OnPitch,
    /// Substituted off (by the event at this index of `events`).
    SubbedOff(usize),
    /// Sent off (by the event at this index of `events`).
    SentOff(usize),
}

/// Who is on the pitch, event by event: starters at kick-off, then every
/// substitution and sending-off in order. This is the one derivation of
/// "who was playing when"; validation walks it to check every event's
/// players, and [`Analysis`] keeps its final state.
#[derive(Debug, Clone)]
pub struct Pitch<'m> {
    status: HashMap<&'m str, Status>,
    /// Index of the next event [`Pitch::step`] will apply.
    next: usize,
}

impl<'m> Pitch<'m> {
    /// The squads at kick-off: starters on the pitch, the rest on the bench.
    ///
    /// A side whose substitutions the file does not record at all (a desk
    /// may list only goals and cards) cannot be followed: its substitutes
    /// count as on the pitch throughout, so naming one is never an error.
    pub fn kick_off(m: &'m Match) -> Self {
        let records_subs = |t: &Team| {
            m.events
                .iter()
                .any(|e| e.kind == EventType::Substitution && e.team == t.id)
        };
        let status = [&m.teams.home, &m.teams.away]
            .into_iter()
            .flat_map(|t| {
                let followed = records_subs(t);
                t.squad.iter().map(move |p| (p, followed))
            })
            .map(|(p, followed)| {
                let s = if p.starter || !followed {
                    Status::OnPitch
                } else {
                    Status::Bench
                };
                (p.id.as_str(), s)
            })
            .collect();
        Pitch { status, next: 0 }
    }

    /// Where a player stands now (`None` for an id in neither squad).
    pub fn status(&self, id: &str) -> Option<Status> {
        self.status.get(id).copied()
    }

    /// Applies one event (the next in `events`): a substitution brings
    /// `player` on and takes `replaced` off; a second yellow or a red sends
    /// `player` off. Nothing is checked here: see [`Pitch::conflicts`].
    pub fn step(&mut self, e: &'m Event) {
        let at = self.next;
        self.next += 1;
        if e.kind == EventType::Substitution {
            if let Some(on) = e.player.as_deref().and_then(|p| self.status.get_mut(p)) {
                *on = Status::OnPitch;
            }
            if let Some(off) = e.replaced.as_deref().and_then(|p| self.status.get_mut(p)) {
                *off = Status::SubbedOff(at);
            }
        } else if e.kind.is_sending_off()
            && let Some(p) = e.player.as_deref().and_then(|p| self.status.get_mut(p))
        {
            *p = Status::SentOff(at);
        }
    }

    /// The players `e` names who cannot take the part it gives them, given
    /// where everyone stands before it: `(field, player id, status)`.
    ///
    /// - A substitution brings on a player from the bench and takes off a
    ///   player on the pitch.
    /// - A card may be shown to anyone not yet sent off (benches and
    ///   substituted players get cards too).
    /// - Every other role (scorer, assist, goalkeeper, fouled, opponent) is
    ///   filled by a player on the pitch, except the players of the
    ///   incident behind a penalty, review or appeal (`fouled`,
    ///   `opponent`), who need only have played.
    pub fn conflicts(&self, e: &'m Event) -> Vec<(&'static str, &'m str, Status)> {
        use EventType::*;
        let mut out = Vec::new();
        let mut need = |field: &'static str, id: &'m Option<String>, ok: fn(Status) -> bool| {
            if let Some(id) = id.as_deref()
                && let Some(s) = self.status(id)
                && !ok(s)
            {
                out.push((field, id, s));
            }
        };
        let on = |s| s == Status::OnPitch;
        match e.kind {
            Substitution => {
                need("player", &e.player, |s| s == Status::Bench);
                need("replaced", &e.replaced, on);
            }
            Yellow | SecondYellow | Red => {
                need("player", &e.player, |s| !matches!(s, Status::SentOff(_)))
            }
            _ => need("player", &e.player, on),
        }
        // A penalty, review or appeal names the players of the incident
        // behind it (who won it, who conceded it): one of them may have
        // been sent off for it, or gone off injured, before the kick.
        let incident = matches!(
            e.kind,
            PenaltyAwarded | PenaltyScored | PenaltyMissed | PenaltySaved | VarReview | Appeal
        );
        let played = |s| s != Status::Bench;
        for (field, id) in [
            ("assist", &e.assist),
            ("goalkeeper", &e.goalkeeper),
            ("fouled", &e.fouled),
            ("opponent", &e.opponent),
        ] {
            let incident_role = incident && matches!(field, "fouled" | "opponent");
            need(field, id, if incident_role { played } else { on });
        }
        out
    }
}

/// Minutes left in the current phase (normal time or extra time).
fn minutes_left(e: &Event) -> Option<u16> {
    let end = match e.period {
        1 | 2 => 90,
        3 | 4 => 120,
        _ => return None,
    };
    let minute = e.minute?;
    (e.added == 0 && minute <= end).then(|| end - minute)
}

/// The scores the events make, phase by phase: what a match file's result
/// must agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventScores {
    /// Goals in period 1.
    pub half_time: Score,
    /// Goals in periods 1-2.
    pub full_time: Score,
    /// Goals in periods 1-4.
    pub after_extra_time: Score,
    /// Scored shoot-out kicks.
    pub shootout: Score,
    /// Whether any event falls in extra time (periods 3-4).
    pub extra_time_played: bool,
    /// Whether any event falls in the shoot-out (period 5).
    pub shootout_played: bool,
}

impl EventScores {
    /// Counts `events`; `home` is the home team's id, any other id the
    /// away side's.
    pub fn count<'e>(events: impl IntoIterator<Item = &'e Event>, home: &str) -> Self {
        let mut s = EventScores::default();
        for e in events {
            let side = if e.team == home {
                Side::Home
            } else {
                Side::Away
            };
            s.extra_time_played |= matches!(e.period, 3 | 4);
            s.shootout_played |= e.period == 5;
            if e.kind == EventType::ShootoutKick && e.outcome == Some(ShotOutcome::Scored) {
                s.shootout.add(side);
            }
            if !e.kind.is_goal() {
                continue;
            }
            if e.period == 1 {
                s.half_time.add(side);
            }
            if e.period <= 2 {
                s.full_time.add(side);
            }
            s.after_extra_time.add(side);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Match {
        let text = include_str!("../fixtures/eng-fra-2022-wc-qf.json");
        crate::input::load_str("f.json", text).unwrap()
    }

    #[test]
    fn a_player_played_when_he_started_came_on_or_is_named() {
        let mut m = fixture();
        let a = Analysis::new(&m);
        assert_eq!(a.played("eng-pickford"), Some(true));
        // Mount stayed on the bench, but the file does not list every
        // substitution, so it cannot say.
        assert_eq!(a.played("eng-mount"), None);
        assert_eq!(a.played("nobody"), None);
        m.complete.push(Coverage::Substitutions);
        assert_eq!(Analysis::new(&m).played("eng-mount"), Some(false));
        let text = include_str!("../fixtures/eng-sco-2021-euro-group.json");
        let m = crate::input::load_str("f.json", text).unwrap();
        assert_eq!(Analysis::new(&m).played("eng-grealish"), Some(true));
    }

    #[test]
    fn running_score_follows_the_goals() {
        let m = fixture();
        let a = Analysis::new(&m);
        let scores: Vec<(u8, u8)> = a
            .goals()
            .map(|(_, mo)| (mo.after.home, mo.after.away))
            .collect();
        assert_eq!(scores, vec![(0, 1), (1, 1), (1, 2)]);
    }

    #[test]
    fn minutes_left_counts_to_ninety() {
        let m = fixture();
        let a = Analysis::new(&m);
        let late_goal = m.events.iter().position(|e| e.minute == Some(78)).unwrap();
        assert_eq!(a.timeline[late_goal].minutes_left, Some(12));
    }

    #[test]
    fn france_led_for_most_of_the_match() {
        let m = fixture();
        let led = Analysis::new(&m).minutes_led();
        // 17' to 54', then 78' to 90'.
        assert_eq!((led.home, led.away), (0, 37 + 12));
    }

    #[test]
    fn the_pitch_follows_substitutions_and_sendings_off() {
        let text = include_str!("../fixtures/arg-fra-2022-wc-final.json");
        let m = crate::input::load_str("f.json", text).unwrap();
        let mut pitch = Pitch::kick_off(&m);
        assert_eq!(pitch.status("fra-dembele"), Some(Status::OnPitch));
        assert_eq!(pitch.status("fra-kolo-muani"), Some(Status::Bench));
        for e in &m.events[..3] {
            pitch.step(e);
        }
        // e03 (index 2): Kolo Muani on for Dembele at 41'.
        assert_eq!(pitch.status("fra-dembele"), Some(Status::SubbedOff(2)));
        assert_eq!(pitch.status("fra-kolo-muani"), Some(Status::OnPitch));
        let a = Analysis::new(&m);
        assert_eq!(a.final_status("arg-dybala"), Some(Status::OnPitch));
        assert_eq!(a.final_status("nobody"), None);
    }

    #[test]
    fn a_goalless_draw_has_no_leader() {
        let text = include_str!("../fixtures/eng-sco-2021-euro-group.json");
        let m = crate::input::load_str("f.json", text).unwrap();
        let led = Analysis::new(&m).minutes_led();
        assert_eq!((led.home, led.away), (0, 0));
    }

    #[test]
    fn records_resolve_from_events() {
        let m = fixture();
        let a = Analysis::new(&m);
        let by_id = |id: &str| a.records().into_iter().find(|r| r.record.id == id).unwrap();
        assert_eq!(by_id("r-kane-england-goals").status, RecordStatus::Equalled);
        assert_eq!(by_id("r-kane-england-goals").after, 53);
        assert_eq!(
            by_id("r-griezmann-france-assists").status,
            RecordStatus::Broken
        );
        assert_eq!(
            by_id("r-giroud-france-goals").status,
            RecordStatus::Extended
        );
        assert_eq!(by_id("r-kane-world-cup-penalties").after, 4);
    }
}
