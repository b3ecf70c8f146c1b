//! The checks serde cannot do: references resolve, minutes fit their
//! period, events are in order, and the result agrees with the goals.
//!
//! Every check adds a [`Diagnostic`] with the JSON path of the offending
//! value; all problems are collected so a desk fixes a file in one pass.

use crate::analysis::EventScores;
use crate::error::Diagnostic;
use crate::model::{Decider, Event, EventType, MAX_GOALS, Match, Rating, SCHEMA_ID, Score, Side};
use std::collections::{HashMap, HashSet};

/// All problems found in a parsed match; empty when it is sound.
pub fn validate(m: &Match) -> Vec<Diagnostic> {
    let mut v = Validator {
        m,
        problems: Vec::new(),
        players: HashMap::new(),
    };
    v.header();
    v.squads();
    v.events();
    v.result();
    v.ratings();
    v.context();
    v.numbers();
    let mut problems = v.problems;
    if let Ok(value) = serde_json::to_value(m) {
        problems.extend(super::text::check(&value));
    }
    problems.extend(super::logic::check(m));
    problems
}

/// The most added minutes an event may show (45+30').
pub const MAX_ADDED: u8 = 30;

/// The largest figure a record may hold (goals, penalties or assists in a
/// career are in the hundreds; this bounds arithmetic, not ambition).
pub const MAX_RECORD: u16 = 9_999;

struct Validator<'a> {
    m: &'a Match,
    problems: Vec<Diagnostic>,
    /// Player id to the side whose squad lists him.
    players: HashMap<&'a str, Side>,
}

impl<'a> Validator<'a> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Diagnostic::new(path, message));
    }

    fn header(&mut self) {
        if self.m.schema != SCHEMA_ID {
            let found = self.m.schema.clone();
            self.problem(
                "schema",
                format!("unsupported schema \"{found}\"; expected \"{SCHEMA_ID}\""),
            );
        }
        if !is_date(&self.m.fixture.date) {
            let found = self.m.fixture.date.clone();
            self.problem(
                "match.date",
                format!("\"{found}\" is not a date; expected a real day written YYYY-MM-DD"),
            );
        }
    }

    fn squads(&mut self) {
        let teams = &self.m.teams;
        if teams.home.id == teams.away.id {
            self.problem(
                "teams.away.id",
                format!(
                    "both teams have the id \"{}\"; expected two different ids",
                    teams.home.id
                ),
            );
        }
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        if same(&teams.home.name, &teams.away.name) {
            self.problem(
                "teams.away.name",
                format!(
                    "both teams are called \"{}\"; expected two names a reader can tell apart",
                    teams.away.name
                ),
            );
        }
        for side in [Side::Home, Side::Away] {
            let team = teams.get(side);
            let label = side_label(side);
            if team.squad.is_empty() {
                self.problem(
                    format!("teams.{label}.squad"),
                    "the squad is empty; expected at least the starting players",
                );
            }
            for (i, p) in team.squad.iter().enumerate() {
                if self.players.insert(p.id.as_str(), side).is_some() {
                    self.problem(
                        format!("teams.{label}.squad[{i}].id"),
                        format!("player id \"{}\" is used twice; expected unique player ids across both squads", p.id),
                    );
                }
            }
            let starters = team.squad.iter().filter(|p| p.starter).count();
            if starters > 11 {
                self.problem(
                    format!("teams.{label}.squad"),
                    format!("{starters} players are marked as starters; expected at most 11"),
                );
            }
        }
    }

    fn side_of_team(&self, id: &str) -> Option<Side> {
        [Side::Home, Side::Away]
            .into_iter()
            .find(|&s| self.m.teams.get(s).id == id)
    }

    fn team_ids(&self) -> String {
        format!(
            "\"{}\" or \"{}\"",
            self.m.teams.home.id, self.m.teams.away.id
        )
    }

    fn events(&mut self) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut clocks: Vec<(usize, Clock)> = Vec::with_capacity(self.m.events.len());
        for (i, e) in self.m.events.iter().enumerate() {
            let path = format!("events[{i}]");
            if let Some(first) = seen.insert(e.id.as_str(), i) {
                self.problem(
                    format!("{path}.id"),
                    format!(
                        "event id \"{}\" is already used by events[{first}]; expected unique ids",
                        e.id
                    ),
                );
            }
            let Some(side) = self.side_of_team(&e.team) else {
                let expected = self.team_ids();
                self.problem(
                    format!("{path}.team"),
                    format!("unknown team \"{}\"; expected {expected}", e.team),
                );
                continue;
            };
            self.required_fields(&path, e);
            self.event_players(&path, e, side);
            // A minute that does not fit its period is reported once, by
            // `clock`; it takes no part in the order check, so one typo
            // does not make every later event look out of order.
            if self.clock(&path, e) {
                clocks.push((i, (e.period, e.minute.unwrap_or(0), e.added)));
            }
            if let Some(about) = &e.about
                && (!seen.contains_key(about.as_str()) || about == &e.id)
            {
                self.problem(
                    format!("{path}.about"),
                    format!("\"{about}\" is not the id of an earlier event; expected the id of the event this one refers to"),
                );
            }
        }
        self.order(&clocks);
    }

    /// Events are listed in match order. The events that break it are
    /// the fewest whose removal leaves the rest in order (the complement
    /// of a longest non-decreasing run), so one mistyped minute is one
    /// error, whether it is too early or too late.
    fn order(&mut self, clocks: &[(usize, Clock)]) {
        let kept = longest_in_order(clocks);
        let mut k = 0;
        for (n, &(i, key)) in clocks.iter().enumerate() {
            while k < kept.len() && kept[k] < n {
                k += 1;
            }
            if kept.get(k) == Some(&n) {
                continue;
            }
            let before = k.checked_sub(1).map(|k| clocks[kept[k]].1);
            let after = kept.get(k).map(|&j| clocks[j].1);
            let message = match (before, after) {
                (Some(b), _) if key < b => format!(
                    "this event ({}) comes before the one listed above it ({}); expected events in match order",
                    clock_label(key),
                    clock_label(b)
                ),
                (_, Some(a)) => format!(
                    "this event ({}) comes after the one listed below it ({}); expected events in match order",
                    clock_label(key),
                    clock_label(a)
                ),
                _ => continue,
            };
            self.problem(format!("events[{i}].minute"), message);
        }
    }

    /// Fields an event type cannot do without.
    fn required_fields(&mut self, path: &str, e: &Event) {
        let mut need = |field: &str, present: bool| {
            if !present {
                self.problems.push(Diagnostic::new(
                    path.to_string(),
                    format!("a \"{}\" event needs \"{field}\"", type_name(e.kind)),
                ));
            }
        };
        use EventType::*;
        match e.kind {
            Goal | OwnGoal | PenaltyScored | PenaltyMissed | PenaltySaved | Chance | Save
            | Woodwork | Yellow | SecondYellow | Red | Foul | ShootoutKick => {
                need("player", e.player.is_some())
            }
            Substitution => {
                need("player", e.player.is_some());
                need("replaced", e.replaced.is_some());
            }
            VarReview | Appeal => {
                need("claim", e.claim.is_some());
                need("decision", e.decision.is_some());
            }
            PenaltyAwarded | DisallowedGoal => {}
        }
        if e.kind == PenaltySaved {
            need("goalkeeper", e.goalkeeper.is_some());
        }
        if e.kind == ShootoutKick {
            need("outcome", e.outcome.is_some());
        }
    }

    /// Every player an event names exists, on the side the role implies.
    fn event_players(&mut self, path: &str, e: &'a Event, side: Side) {
        let player_side = if e.kind == EventType::OwnGoal {
            side.other()
        } else {
            side
        };
        let roles: [(&str, &Option<String>, Option<Side>); 6] = [
            ("player", &e.player, Some(player_side)),
            ("assist", &e.assist, Some(side)),
            ("replaced", &e.replaced, Some(side)),
            ("goalkeeper", &e.goalkeeper, Some(side.other())),
            ("opponent", &e.opponent, Some(side.other())),
            ("fouled", &e.fouled, None),
        ];
        for (field, id, expected_side) in roles {
            let Some(id) = id else { continue };
            match (self.players.get(id.as_str()).copied(), expected_side) {
                (None, _) => self.problem(
                    format!("{path}.{field}"),
                    format!("player \"{id}\" is not in either squad; expected the id of a player listed under teams.home.squad or teams.away.squad"),
                ),
                (Some(actual), Some(want)) if actual != want => {
                    let team = &self.m.teams.get(want).name;
                    self.problem(
                        format!("{path}.{field}"),
                        format!("player \"{id}\" is not in {team}'s squad; expected a {team} player as the {field} of this \"{}\" event", type_name(e.kind)),
                    )
                }
                _ => {}
            }
        }
    }

    /// The minute fits the period: 1-45 (+added at 45), 46-90 (+added at
    /// 90), 91-105, 106-120; the shoot-out has no minute.
    /// Returns whether the clock is sound.
    fn clock(&mut self, path: &str, e: &Event) -> bool {
        let before = self.problems.len();
        self.clock_fits(path, e);
        if e.added > MAX_ADDED {
            self.problem(
                format!("{path}.added"),
                format!("{} added minutes; expected at most {MAX_ADDED}", e.added),
            );
        }
        self.problems.len() == before
    }

    fn clock_fits(&mut self, path: &str, e: &Event) {
        let range = match e.period {
            1 => (1, 45),
            2 => (46, 90),
            3 => (91, 105),
            4 => (106, 120),
            5 => {
                if e.minute.is_some() || e.added > 0 {
                    self.problem(
                        format!("{path}.minute"),
                        "a minute in the shoot-out (period 5); expected no \"minute\" or \"added\" there, kicks are ordered by their place in the list",
                    );
                }
                if e.kind != EventType::ShootoutKick {
                    self.problem(
                        format!("{path}.period"),
                        format!("a \"{}\" event in period 5; expected only shoot-out kicks in the shoot-out", type_name(e.kind)),
                    );
                }
                return;
            }
            p => {
                self.problem(
                    format!("{path}.period"),
                    format!("period {p} does not exist; expected 1 or 2 (halves), 3 or 4 (extra time) or 5 (shoot-out)"),
                );
                return;
            }
        };
        if e.kind == EventType::ShootoutKick {
            self.problem(
                format!("{path}.period"),
                format!("a shoot-out kick in period {}; expected period 5", e.period),
            );
        }
        let Some(minute) = e.minute else {
            self.problem(
                path.to_string(),
                format!("an event in period {} needs \"minute\"", e.period),
            );
            return;
        };
        if minute < range.0 || minute > range.1 {
            self.problem(
                format!("{path}.minute"),
                format!(
                    "minute {minute} is outside period {}; expected {} to {} (use \"added\" for stoppage time, e.g. minute {} with added 2)",
                    e.period, range.0, range.1, range.1
                ),
            );
        } else if e.added > 0 && minute != range.1 {
            self.problem(
                format!("{path}.added"),
                format!(
                    "added time at minute {minute}; expected added time only on the period's last minute ({})",
                    range.1
                ),
            );
        }
    }

    fn result(&mut self) {
        let r = &self.m.result;
        // Events naming an unknown team are reported on their own; they
        // must not also skew the score.
        let known = self
            .m
            .events
            .iter()
            .filter(|e| self.side_of_team(&e.team).is_some());
        let counted = EventScores::count(known, &self.m.teams.home.id);
        let by_phase = [
            counted.half_time,
            counted.full_time,
            counted.after_extra_time,
        ];
        let (shootout, extra_time_played, shootout_played) = (
            counted.shootout,
            counted.extra_time_played,
            counted.shootout_played,
        );
        self.score_matches(
            "result.half_time",
            Some(r.half_time),
            by_phase[0],
            "goals in the first half",
        );
        self.score_matches(
            "result.full_time",
            Some(r.full_time),
            by_phase[1],
            "goals in normal time",
        );
        match (r.after_extra_time, extra_time_played) {
            (Some(aet), _) => self.score_matches("result.after_extra_time", Some(aet), by_phase[2], "goals in 120 minutes"),
            (None, true) => self.problem("result", "events in extra time (periods 3-4) but no \"after_extra_time\" score; expected the score after 120 minutes"),
            (None, false) => {}
        }
        match (r.shootout, shootout_played) {
            (Some(s), true) => self.score_matches("result.shootout", Some(s), shootout, "scored shoot-out kicks"),
            (Some(_), false) => self.problem("result.shootout", "a shoot-out score but no shoot-out kicks in the events; expected \"shootout_kick\" events in period 5"),
            (None, true) => self.problem("result", "shoot-out kicks in the events but no \"shootout\" score"),
            (None, false) => {}
        }
        self.goal_limits(&counted);
        self.winner();
    }

    /// No side scores more than [`MAX_GOALS`], in the events or the result.
    fn goal_limits(&mut self, counted: &EventScores) {
        let r = &self.m.result;
        let mut scores = vec![
            ("result.half_time", r.half_time),
            ("result.full_time", r.full_time),
        ];
        scores.extend(r.after_extra_time.map(|s| ("result.after_extra_time", s)));
        scores.extend(r.shootout.map(|s| ("result.shootout", s)));
        for (path, score) in scores {
            if score.home.max(score.away) > MAX_GOALS {
                self.problem(
                    path,
                    format!(
                        "a score of {}-{}; expected at most {MAX_GOALS} goals a side",
                        score.home, score.away
                    ),
                );
            }
        }
        for side in [Side::Home, Side::Away] {
            if counted.after_extra_time.of(side) > MAX_GOALS {
                let team = &self.m.teams.get(side).name;
                self.problem(
                    "events",
                    format!(
                        "{} goal events for {team}; expected at most {MAX_GOALS} goals a side",
                        if counted.after_extra_time.of(side) == u8::MAX {
                            "255 or more".to_string()
                        } else {
                            counted.after_extra_time.of(side).to_string()
                        }
                    ),
                );
            }
        }
    }

    fn score_matches(&mut self, path: &str, given: Option<Score>, counted: Score, what: &str) {
        if let Some(given) = given.filter(|&g| g != counted) {
            self.problem(
                path,
                format!(
                    "the score says {}-{} but the {what} make it {}-{}; expected the score to agree with the goal events",
                    given.home, given.away, counted.home, counted.away
                ),
            );
        }
    }

    /// The winner and the way it was decided follow from the scores.
    fn winner(&mut self) {
        let r = &self.m.result;
        // A second leg goes to extra time on a level aggregate, whatever the
        // score on the night: then extra time, not the 90 minutes, decides.
        let second_leg_et = self.m.context.aggregate.is_some() && r.after_extra_time.is_some();
        let night = if second_leg_et {
            None
        } else {
            r.full_time.leader()
        };
        let (expected_winner, expected_decider) = match (night, r.after_extra_time, r.shootout) {
            (Some(w), _, _) => (Some(w), Some(Decider::NormalTime)),
            (None, Some(aet), shootout) => match (aet.leader(), shootout) {
                (Some(w), _) => (Some(w), Some(Decider::ExtraTime)),
                (None, Some(s)) => (s.leader(), s.leader().map(|_| Decider::Shootout)),
                (None, None) => (None, None),
            },
            (None, None, Some(s)) => (s.leader(), s.leader().map(|_| Decider::Shootout)),
            (None, None, None) => (None, None),
        };
        if r.winner != expected_winner {
            let expected = expected_winner.map_or("no winner (a draw)".to_string(), |s| {
                format!("\"{}\"", side_label(s))
            });
            self.problem(
                "result.winner",
                format!("the scores give {expected}; expected \"winner\" to agree with them"),
            );
        }
        if r.decided_by != expected_decider && r.winner == expected_winner {
            let expected = match expected_decider {
                Some(Decider::NormalTime) => "\"normal_time\"",
                Some(Decider::ExtraTime) => "\"extra_time\"",
                Some(Decider::Shootout) => "\"shootout\"",
                None => "no \"decided_by\" (a draw)",
            };
            self.problem(
                "result.decided_by",
                format!("the scores say the match was decided by {expected}"),
            );
        }
    }

    fn ratings(&mut self) {
        for (id, rating) in &self.m.ratings {
            let path = format!("ratings.{id}");
            if !self.players.contains_key(id.as_str()) {
                self.problem(
                    path.clone(),
                    format!("rating for \"{id}\", who is not in either squad; expected player ids from the squads"),
                );
            }
            if let Rating::Mark(mark) = *rating
                && !is_mark(mark)
            {
                self.problem(
                    path,
                    format!(
                        "rating {mark} is not a mark; expected 0 to 10 with at most one decimal (6, 6.5, 7.2) or \"n/a\""
                    ),
                );
            }
        }
    }

    fn context(&mut self) {
        let c = &self.m.context;
        let mut record_ids = HashSet::new();
        for (i, r) in c.records.iter().enumerate() {
            let path = format!("context.records[{i}]");
            self.known_player(&format!("{path}.player"), &r.player);
            if !record_ids.insert(r.id.as_str()) {
                self.problem(
                    format!("{path}.id"),
                    format!(
                        "record id \"{}\" is used twice; expected unique record ids",
                        r.id
                    ),
                );
            }
            for (field, value) in [("before", r.before), ("record", r.record)]
                .into_iter()
                .chain(r.holders.iter().map(|h| ("holders", h.value)))
            {
                if value > MAX_RECORD {
                    self.problem(
                        format!("{path}.{field}"),
                        format!("a figure of {value}; expected at most {MAX_RECORD}"),
                    );
                }
            }
            if r.before > r.record {
                self.problem(
                    format!("{path}.before"),
                    format!("the player's tally before kick-off ({}) is above the record ({}); expected \"record\" to be at least \"before\"", r.before, r.record),
                );
            }
        }
        for (i, p) in c.focus_players.iter().enumerate() {
            self.known_player(&format!("context.focus_players[{i}]"), p);
        }
        for (i, f) in c.history.iter().enumerate() {
            self.known_team(&format!("context.history[{i}].team"), &f.team);
        }
        if let Some(t) = &c.title_defence {
            self.known_team("context.title_defence.team", &t.team);
        }
        if let Some(n) = &c.next_fixture {
            self.known_team("context.next_fixture.team", &n.team);
            if let Some(date) = n.date.as_deref().filter(|d| !is_date(d)) {
                self.problem(
                    "context.next_fixture.date",
                    format!("\"{date}\" is not a date; expected a real day written YYYY-MM-DD"),
                );
            }
        }
    }

    /// Measured values in their ranges: an event's xG is a probability
    /// (0 to 1), a team's xG a finite sum of them, possession a percentage.
    fn numbers(&mut self) {
        for (i, e) in self.m.events.iter().enumerate() {
            if let Some(xg) = e.xg.filter(|x| !(0.0..=1.0).contains(x)) {
                self.problem(
                    format!("events[{i}].xg"),
                    format!("xG {xg} is not a probability; expected 0 to 1"),
                );
            }
        }
        let Some(stats) = &self.m.stats else { return };
        for side in [Side::Home, Side::Away] {
            let (st, label) = (stats.get(side), side_label(side));
            if let Some(xg) = st.xg.filter(|x| !(0.0..=f32::from(MAX_GOALS)).contains(x)) {
                self.problem(
                    format!("stats.{label}.xg"),
                    format!("xG {xg} is out of range; expected 0 to {MAX_GOALS}"),
                );
            }
            if let Some(p) = st.possession.filter(|&p| p > 100) {
                self.problem(
                    format!("stats.{label}.possession"),
                    format!("possession of {p}%; expected 0 to 100"),
                );
            }
        }
    }

    fn known_player(&mut self, path: &str, id: &str) {
        if !self.players.contains_key(id) {
            self.problem(
                path,
                format!(
                    "player \"{id}\" is not in either squad; expected a player id from the squads"
                ),
            );
        }
    }

    fn known_team(&mut self, path: &str, id: &str) {
        if self.side_of_team(id).is_none() {
            let expected = self.team_ids();
            self.problem(path, format!("unknown team \"{id}\"; expected {expected}"));
        }
    }
}

/// A mark out of ten with at most one decimal; not negative (not even
/// -0, which prints as "-0").
fn is_mark(mark: f32) -> bool {
    let tenths = f64::from(mark) * 10.0;
    (0.0..=10.0).contains(&mark)
        && !mark.is_sign_negative()
        && (tenths - tenths.round()).abs() < 1e-3
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Home => "home",
        Side::Away => "away",
    }
}

/// The type as spelled in the file, for messages.
fn type_name(kind: EventType) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// An event's place in time: period, minute, added minutes.
type Clock = (u8, u16, u8);

/// Positions (into `clocks`) of a longest non-decreasing subsequence, in
/// O(n log n) (patience sorting with back links). It is built from the end
/// so that, between runs of equal length, the one keeping earlier events
/// wins: the event flagged is the one that moved, not its neighbour.
fn longest_in_order(clocks: &[(usize, Clock)]) -> Vec<usize> {
    // Read backwards, the run is non-increasing; tails[k] is the position
    // of the largest last element of such a run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; clocks.len()];
    for n in (0..clocks.len()).rev() {
        let key = clocks[n].1;
        let k = tails.partition_point(|&t| clocks[t].1 >= key);
        back[n] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(n);
        } else {
            tails[k] = n;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(n) = at {
        run.push(n);
        at = back[n];
    }
    run
}

fn clock_label((period, minute, added): Clock) -> String {
    match (period, added) {
        (5, _) => "shoot-out".to_string(),
        (_, 0) => format!("period {period}, {minute}'"),
        _ => format!("period {period}, {minute}+{added}'"),
    }
}

/// `YYYY-MM-DD` naming a day that exists (2022-02-31 does not; 2024-02-29
/// does).
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
