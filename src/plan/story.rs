//! The match's story, decided before any section is planned.
//!
//! A desk decides what a match was about before writing a word: a rout, a
//! shock, a comeback, a final won. [`decide`] reads the beats and names the
//! kinds of story the match holds (several may combine), and the beats that
//! must be told: every beat at least as salient as `must_tell` in
//! `rules/thresholds.json` is told in the lead, in every tone and
//! perspective, whatever else the opening chose to lead on.

use super::Beats;
use crate::analysis::Analysis;
use crate::beats::{Beat, Thresholds};

/// A kind of story a match can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A win by `rout_margin` goals or more.
    Rout,
    /// A win by a side ranked or placed far below.
    Shock,
    /// A side came from behind.
    Comeback,
    /// Decided late in normal time.
    LateWinner,
    /// Decided in extra time.
    ExtraTimeWinner,
    /// Decided on penalties.
    Shootout,
    /// No goals.
    Goalless,
    /// A side played with ten men.
    TenMen,
    /// A player scored three or more.
    HatTrick,
    /// A penalty missed or saved that decided or nearly decided it.
    PenaltyDrama,
    /// A final won: a trophy lifted.
    FinalWon,
    /// A record set or equalled.
    Record,
    /// A first-ever reached.
    Milestone,
}

impl Kind {
    /// The kind's name, as in docs/rules.md.
    // Read by the story tests; the planner itself reads `must_tell`.
    #[allow(dead_code)]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Rout => "rout",
            Kind::Shock => "shock",
            Kind::Comeback => "comeback",
            Kind::LateWinner => "late_winner",
            Kind::ExtraTimeWinner => "extra_time_winner",
            Kind::Shootout => "shootout",
            Kind::Goalless => "goalless",
            Kind::TenMen => "ten_men",
            Kind::HatTrick => "hat_trick",
            Kind::PenaltyDrama => "penalty_drama",
            Kind::FinalWon => "final_won",
            Kind::Record => "record",
            Kind::Milestone => "milestone",
        }
    }
}

/// What the match was about.
#[derive(Debug, Clone)]
pub struct Story<'b> {
    /// The kinds of story it holds, most salient first.
    // Read by the story tests; the planner itself reads `must_tell`.
    #[allow(dead_code)]
    pub kinds: Vec<Kind>,
    /// Beats that must be told in the lead, most salient first.
    pub must_tell: Vec<&'b Beat>,
}

impl Story<'_> {
    /// Whether the match is this kind of story.
    // Read by the story tests; the planner itself reads `must_tell`.
    #[allow(dead_code)]
    pub fn is(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// Decides the story of a match from its beats.
pub fn decide<'b>(a: &Analysis, beats: &Beats<'b>, t: &Thresholds) -> Story<'b> {
    let r = &a.m.result;
    let score = r.after_extra_time.unwrap_or(r.full_time);
    let margin = score.home.abs_diff(score.away);
    let mut found: Vec<(f32, Kind)> = Vec::new();
    let mut add = |rule: &str, kind: Kind| {
        if let Some(b) = beats.top(rule) {
            found.push((b.salience, kind));
        }
    };
    add("final_won", Kind::FinalWon);
    add("shootout", Kind::Shootout);
    add("extra_time_winner", Kind::ExtraTimeWinner);
    add("late_winner", Kind::LateWinner);
    add("comeback", Kind::Comeback);
    add("shock", Kind::Shock);
    add("hat_trick", Kind::HatTrick);
    add("decisive_penalty_miss", Kind::PenaltyDrama);
    add("penalty_saved_rebound", Kind::PenaltyDrama);
    add("red_card", Kind::TenMen);
    add("milestone", Kind::Milestone);
    if beats.of("record").any(|b| {
        matches!(
            b.slots["status"].as_str(),
            Some("record_equalled" | "record_broken")
        )
    }) {
        found.push((t.salience("record_equalled"), Kind::Record));
    }
    if r.winner.is_some() && r.shootout.is_none() && margin >= t.rout_margin {
        found.push((t.salience("result") + f32::from(margin) * 10.0, Kind::Rout));
    }
    if score.home == 0 && score.away == 0 {
        found.push((t.salience("result"), Kind::Goalless));
    }
    found.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut kinds: Vec<Kind> = Vec::new();
    for (_, k) in found {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let must_tell = beats
        .all()
        .iter()
        .filter(|b| b.salience >= t.must_tell)
        .collect();
    Story { kinds, must_tell }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::detect_all;

    fn story_of(text: &str) -> Vec<&'static str> {
        let m = crate::input::load_str("f", text).unwrap();
        let a = Analysis::new(&m);
        let t = Thresholds::builtin();
        let all = detect_all(&a, &t);
        let beats = Beats::new(&all);
        decide(&a, &beats, &t)
            .kinds
            .iter()
            .map(|k| k.name())
            .collect()
    }

    #[test]
    fn the_final_is_a_trophy_a_shootout_and_a_hat_trick() {
        let kinds = story_of(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        assert_eq!(kinds[0], "final_won");
        assert!(kinds.contains(&"shootout") && kinds.contains(&"hat_trick"));
        assert!(!kinds.contains(&"rout") && !kinds.contains(&"goalless"));
    }

    #[test]
    fn germany_sweden_is_a_comeback_with_ten_men_and_a_late_winner() {
        let kinds = story_of(include_str!("../../fixtures/ger-swe-2018-wc-group.json"));
        for k in ["comeback", "late_winner", "ten_men"] {
            assert!(kinds.contains(&k), "{k} in {kinds:?}");
        }
        assert!(!kinds.contains(&"final_won"));
    }

    #[test]
    fn a_goalless_draw_is_goalless() {
        let kinds = story_of(include_str!("../../fixtures/eng-sco-2021-euro-group.json"));
        assert!(kinds.contains(&"goalless"));
        assert!(!kinds.contains(&"comeback"));
    }
}
