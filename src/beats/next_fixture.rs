//! `next_fixture`: who a side plays next, and when.
//!
//! What it detects: when the context gives a `next_fixture`, one beat with
//! the side that plays next, the opponent, the stage, the weekday and the
//! date.
//!
//! Why it matters: reports close by looking ahead ("France face Morocco on
//! Wednesday"); the reader wants to know what comes next.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::enum_name;
use serde_json::json;

/// Detects the next match of one of the sides.
pub struct NextFixture;

impl Rule for NextFixture {
    fn name(&self) -> &'static str {
        "next_fixture"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(next) = &a.m.context.next_fixture else {
            return Vec::new();
        };
        let teams = &a.m.teams;
        let side = (teams.home.id == next.team || teams.away.id == next.team)
            .then(|| a.side_of_team(&next.team));
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("next_fixture"),
            side,
            players: Vec::new(),
            slots: json!({
                "team": next.team,
                "opponent": next.opponent,
                "stage": enum_name(&next.stage),
                "weekday": next.weekday,
                "date": next.date,
            }),
            evidence: vec!["context.next_fixture".to_string()],
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Match, Side};
    use serde_json::json;

    fn fixture(text: &str) -> Match {
        crate::input::load_str("f.json", text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn france_play_morocco_on_wednesday() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = NextFixture.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, Some(Side::Away));
        assert_eq!(
            b.slots,
            json!({"team": "fra", "opponent": "Morocco", "stage": "semi_final", "weekday": "Wednesday", "date": "2022-12-14"})
        );
        assert_eq!(b.evidence, vec!["context.next_fixture"]);
    }

    #[test]
    fn a_group_match_looks_ahead_too() {
        let m = fixture(include_str!("../../fixtures/eng-sco-2021-euro-group.json"));
        let beats = NextFixture.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].side, Some(Side::Home));
        assert_eq!(beats[0].slots["opponent"], "Czech Republic");
        assert_eq!(beats[0].slots["weekday"], "Tuesday");
    }

    #[test]
    fn no_next_fixture_no_beat() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        assert!(
            NextFixture
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
