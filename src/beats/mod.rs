//! The rules engine: small named rules turn the analysis into beats, the
//! narrative facts a reporter would lead with, each with a salience score
//! and the ids of the events that prove it.
//!
//! Adding a rule: write `src/beats/<name>.rs` with a documented struct
//! implementing [`Rule`] (what it detects, why it matters) and its unit
//! tests, add it to [`registry`], and give its salience a key in
//! `rules/thresholds.json`.

pub(crate) mod aggregate;
pub(crate) mod big_chances;
pub(crate) mod brace;
pub(crate) mod comeback;
pub(crate) mod consolation;
pub(crate) mod decisive_penalty_miss;
pub(crate) mod derby;
pub(crate) mod extra_time_winner;
pub(crate) mod final_won;
pub(crate) mod form;
pub(crate) mod goal;
pub(crate) mod goal_flurry;
pub(crate) mod goalkeeper_heroics;
pub(crate) mod grievance;
pub(crate) mod hat_trick;
pub(crate) mod knockout;
pub(crate) mod late_winner;
pub(crate) mod milestone;
pub(crate) mod next_fixture;
pub(crate) mod own_goal;
pub(crate) mod penalty;
pub(crate) mod penalty_saved_rebound;
pub(crate) mod progression;
pub(crate) mod quiet_star;
pub(crate) mod record;
pub(crate) mod red_card;
pub(crate) mod result;
pub(crate) mod shock;
pub(crate) mod shootout;
pub(crate) mod substitute_scorer;
pub(crate) mod table;
pub(crate) mod title_defence;
pub(crate) mod var_decision;
pub(crate) mod woodwork;

use crate::analysis::Analysis;
use crate::error::{Diagnostic, ErrorKind, Result};
use crate::model::Side;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A narrative fact detected in a match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Beat {
    /// Stable within a report: `b1` is the most salient beat.
    pub id: String,
    /// The rule that found it, e.g. `decisive_penalty_miss`.
    pub rule: &'static str,
    /// How much it matters, from `rules/thresholds.json`.
    pub salience: f32,
    /// The side the beat is about, if one.
    pub side: Option<Side>,
    /// Ids of the players involved, protagonist first.
    pub players: Vec<String>,
    /// Values its templates need, by name.
    pub slots: serde_json::Value,
    /// Ids of the events (or `record:<id>` context entries) that prove it.
    pub evidence: Vec<String>,
}

impl Beat {
    /// A beat about one event: its player, team, minute and added time as
    /// slots (plus `extra`), the event as evidence, and the rule's salience.
    pub fn for_event(
        rule: &'static str,
        t: &Thresholds,
        side: Side,
        e: &crate::model::Event,
        extra: serde_json::Value,
    ) -> Beat {
        let mut slots = serde_json::json!({
            "player": e.player,
            "team": e.team,
            "minute": e.minute,
            "added": e.added,
        });
        if let (Some(slots), serde_json::Value::Object(extra)) = (slots.as_object_mut(), extra) {
            slots.extend(extra);
        }
        Beat {
            id: String::new(),
            rule,
            salience: t.salience(rule),
            side: Some(side),
            players: e.player.iter().cloned().collect(),
            slots,
            evidence: vec![e.id.clone()],
        }
    }
}

/// Whose added time an event's added minutes are: `extra_time` from the
/// first period of extra time on, else `regulation` (the lexicon's keys
/// for "in added time" and "in the added time of extra time").
pub fn added_in(e: &crate::model::Event) -> &'static str {
    if e.period >= 3 {
        "extra_time"
    } else {
        "regulation"
    }
}

/// Tunable numbers for the rules, read from `rules/thresholds.json`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// From this minute of normal time on, a goal or miss is "late".
    pub late_minute: u16,
    /// A shot from at least this far (yards) is "long range".
    pub long_range_yards: u8,
    /// A miss with at least this xG counts as a big chance.
    pub big_chance_xg: f32,
    /// A miss from this close (yards) or closer counts as a big chance.
    pub big_chance_yards: u8,
    /// A winner ranked at least this many places below the loser (a
    /// larger ranking number) makes the result a shock.
    pub shock_ranking_gap: u16,
    /// Saves by one goalkeeper (penalties and shoot-out kicks included)
    /// that make his match heroic.
    pub heroics_min_saves: usize,
    /// Rejected claims (VAR reviews and appeals) that make a grievance.
    pub grievance_min_rejected: usize,
    /// Beats at least this salient must be told in the lead or the
    /// Talking Point, in every tone and perspective.
    #[serde(default = "defaults::must_tell")]
    pub must_tell: f32,
    /// A run of at least this many matches (unbeaten, or without a win)
    /// is news when extended or ended.
    #[serde(default = "defaults::form_min_run")]
    pub form_min_run: u16,
    /// Goals by one side that make a burst...
    #[serde(default = "defaults::flurry_goals")]
    pub flurry_goals: usize,
    /// ...when scored within this many minutes of the first.
    #[serde(default = "defaults::flurry_minutes")]
    pub flurry_minutes: u16,
    /// Two goals by one side within this many minutes are a burst too.
    #[serde(default = "defaults::flurry_pair_minutes")]
    pub flurry_pair_minutes: u16,
    /// `rout_margin` named a kind of story nothing read; a desk's older
    /// file that still has it loads, and the value is ignored.
    #[serde(default, rename = "rout_margin")]
    retired_rout_margin: Option<serde::de::IgnoredAny>,
    /// How much a record counts by what it counts: an all-time scoring
    /// record outranks an assists record of the same status.
    pub record_weight: BTreeMap<String, f32>,
    /// Salience of each rule's beats, by rule name.
    pub salience: BTreeMap<String, f32>,
}

/// Defaults for thresholds added after the first release, so a desk's
/// older thresholds file still loads.
mod defaults {
    pub fn must_tell() -> f32 {
        80.0
    }
    pub fn form_min_run() -> u16 {
        5
    }
    pub fn flurry_goals() -> usize {
        3
    }
    pub fn flurry_minutes() -> u16 {
        15
    }
    pub fn flurry_pair_minutes() -> u16 {
        3
    }
}

impl Thresholds {
    /// The thresholds shipped with beatwriter.
    pub fn builtin() -> Self {
        Self::parse(
            "rules/thresholds.json",
            include_str!("../../rules/thresholds.json"),
        )
        .expect("the shipped thresholds parse")
    }

    /// Parses a desk's thresholds file and checks every value is in its
    /// range: an error names the JSON path and line once, and what was
    /// expected.
    pub fn parse(file: &str, text: &str) -> Result<Self> {
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed: std::result::Result<Self, _> = serde_path_to_error::deserialize(&mut de);
        let t = parsed.map_err(|e| {
            let f = crate::input::parse_failure(text, &e);
            let message = match f.kind {
                ErrorKind::Syntax => format!("invalid JSON: {}", f.message),
                _ => f.message.clone(),
            };
            f.into_error(file, message)
        })?;
        let found = t.out_of_range();
        crate::input::verdict(file, text, t, found)
    }

    /// Values outside the range a rule can use: minimums of zero (a
    /// grievance of no rejected claims), infinite or negative weights and
    /// saliences, an xG that is not a probability.
    fn out_of_range(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut whole = |path: &str, value: u64, low: u64, high: u64| {
            if !(low..=high).contains(&value) {
                out.push(Diagnostic::new(
                    path,
                    format!(
                        "{value} is out of range; expected a whole number from {low} to {high}"
                    ),
                ));
            }
        };
        whole("late_minute", self.late_minute.into(), 1, 120);
        whole("long_range_yards", self.long_range_yards.into(), 1, 120);
        whole("big_chance_yards", self.big_chance_yards.into(), 1, 120);
        whole("shock_ranking_gap", self.shock_ranking_gap.into(), 1, 1000);
        whole("heroics_min_saves", self.heroics_min_saves as u64, 1, 100);
        whole(
            "grievance_min_rejected",
            self.grievance_min_rejected as u64,
            1,
            100,
        );
        let mut real = |path: String, value: f32, low: f32, high: f32| {
            if !(value.is_finite() && (low..=high).contains(&value)) {
                out.push(Diagnostic::new(
                    path,
                    format!("{value} is out of range; expected a number from {low} to {high}"),
                ));
            }
        };
        real("big_chance_xg".into(), self.big_chance_xg, 0.01, 1.0);
        for (k, &v) in &self.record_weight {
            real(format!("record_weight.{k}"), v, 0.0, 10.0);
        }
        for (k, &v) in &self.salience {
            real(format!("salience.{k}"), v, 0.0, 1000.0);
        }
        out
    }

    /// The salience configured for a rule (0 when absent, so an unlisted
    /// rule never leads).
    pub fn salience(&self, rule: &str) -> f32 {
        self.salience.get(rule).copied().unwrap_or(0.0)
    }
}

/// A rule: detects one kind of beat.
pub trait Rule {
    /// Its name, used in provenance and `beatwriter beats`.
    fn name(&self) -> &'static str;
    /// Every beat of its kind in the match.
    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat>;
}

/// Every rule, in a fixed order (ties in salience keep this order).
pub fn registry() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(result::ResultRule),
        Box::new(knockout::Knockout),
        Box::new(shootout::Shootout),
        Box::new(goal::GoalRule),
        Box::new(brace::Brace),
        Box::new(late_winner::LateWinner),
        Box::new(comeback::Comeback),
        Box::new(record::Record),
        Box::new(decisive_penalty_miss::DecisivePenaltyMiss),
        Box::new(var_decision::VarDecision),
        Box::new(grievance::Grievance),
        Box::new(red_card::RedCard),
        Box::new(quiet_star::QuietStar),
        Box::new(progression::Progression),
        Box::new(title_defence::TitleDefence),
        Box::new(next_fixture::NextFixture),
        Box::new(shock::Shock),
        Box::new(big_chances::BigChances),
        Box::new(goalkeeper_heroics::GoalkeeperHeroics),
        Box::new(woodwork::Woodwork),
        Box::new(consolation::Consolation),
        Box::new(penalty::Penalty),
        Box::new(hat_trick::HatTrick),
        Box::new(substitute_scorer::SubstituteScorer),
        Box::new(penalty_saved_rebound::PenaltySavedRebound),
        Box::new(extra_time_winner::ExtraTimeWinner),
        Box::new(final_won::FinalWon),
        Box::new(milestone::Milestone),
        Box::new(aggregate::Aggregate),
        Box::new(table::Table),
        Box::new(form::Form),
        Box::new(derby::Derby),
        Box::new(goal_flurry::GoalFlurry),
        Box::new(own_goal::OwnGoal),
    ]
}

/// One beat per side for the events `counts` picks out (hits of the
/// woodwork, big chances missed...): slots `team`, `count` and `players`
/// (each once, in order of appearance); the events are the evidence.
pub fn per_team(
    a: &Analysis,
    t: &Thresholds,
    rule: &'static str,
    counts: impl Fn(&crate::model::Event) -> bool,
) -> Vec<Beat> {
    let mut beats = Vec::new();
    for side in [Side::Home, Side::Away] {
        let team = a.team(side);
        let events: Vec<_> =
            a.m.events
                .iter()
                .filter(|e| e.team == team.id && counts(e))
                .collect();
        if events.is_empty() {
            continue;
        }
        let mut players: Vec<String> = Vec::new();
        for p in events.iter().filter_map(|e| e.player.as_ref()) {
            if !players.contains(p) {
                players.push(p.clone());
            }
        }
        beats.push(Beat {
            id: String::new(),
            rule,
            salience: t.salience(rule),
            side: Some(side),
            players: players.clone(),
            slots: serde_json::json!({ "team": team.id, "count": events.len(), "players": players }),
            evidence: events.iter().map(|e| e.id.clone()).collect(),
        });
    }
    beats
}

/// All beats of a match, most salient first.
pub fn detect_all(a: &Analysis, t: &Thresholds) -> Vec<Beat> {
    let mut beats: Vec<Beat> = registry().iter().flat_map(|r| r.detect(a, t)).collect();
    beats.sort_by(|x, y| y.salience.total_cmp(&x.salience));
    for (i, b) in beats.iter_mut().enumerate() {
        b.id = format!("b{}", i + 1);
    }
    beats
}

#[cfg(test)]
pub(crate) mod testing {
    //! Small hand-built matches for rule tests.
    use crate::model::Match;

    /// A result with a goalless first half and the given full-time score;
    /// the winner and how it was decided follow from it.
    pub fn result(home: u8, away: u8) -> serde_json::Value {
        let mut r = serde_json::json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": home, "away": away}});
        if home != away {
            r["winner"] = serde_json::json!(if home > away { "home" } else { "away" });
            r["decided_by"] = serde_json::json!("normal_time");
        }
        r
    }

    /// A goalless draw.
    pub fn draw() -> serde_json::Value {
        result(0, 0)
    }

    /// A second-half goal from open play.
    pub fn goal(id: &str, minute: u16, team: &str, player: &str) -> serde_json::Value {
        serde_json::json!({"id": id, "period": 2, "minute": minute, "team": team, "type": "goal", "player": player})
    }

    /// What `rule` finds in the test match with these events and result.
    pub fn detect(
        rule: &dyn super::Rule,
        events: serde_json::Value,
        result: serde_json::Value,
    ) -> Vec<super::Beat> {
        let m = with_events(events, result);
        rule.detect(
            &crate::analysis::Analysis::new(&m),
            &super::Thresholds::builtin(),
        )
    }

    /// The England-France fixture with its events replaced by `events`
    /// and its result by `result` (JSON), validated.
    pub fn with_events(events: serde_json::Value, result: serde_json::Value) -> Match {
        let mut m: serde_json::Value =
            serde_json::from_str(include_str!("../../fixtures/eng-fra-2022-wc-qf.json")).unwrap();
        // A quarter-final must have a winner: a result without one is
        // played as a group match, the stage where a draw can happen.
        if result.get("winner").is_none() {
            m["match"]["stage"] = serde_json::json!("group");
        }
        m["events"] = events;
        m["result"] = result;
        let text = m.to_string();
        crate::input::load_str("test.json", &text).unwrap_or_else(|e| panic!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Thresholds;

    /// A desk's copy of the thresholds from before `rout_margin` was
    /// retired still loads, and reads as the shipped file does.
    #[test]
    fn an_older_thresholds_file_with_rout_margin_loads() {
        let shipped = include_str!("../../rules/thresholds.json");
        let mut older: serde_json::Value = serde_json::from_str(shipped).unwrap();
        older["rout_margin"] = serde_json::json!(3);
        let older = Thresholds::parse("t.json", &older.to_string()).unwrap();
        assert_eq!(older.must_tell, Thresholds::builtin().must_tell);
        assert_eq!(older.salience, Thresholds::builtin().salience);
    }
}
