//! `title_defence`: where the holders' defence of their title stands.
//!
//! What it detects: when the context names a `title_defence` for one of
//! the two sides, one beat with the title, the last side to retain it and
//! when, and a status: `"ended"` when the holders lost a knockout match,
//! `"alive"` otherwise (they won, drew, or lost a match that does not
//! eliminate, such as a group game).
//!
//! Why it matters: holders are judged against history ("no side has
//! retained the World Cup since Brazil in 1962"); whether the defence
//! survives is part of the story of any match they play.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use serde_json::json;

/// Detects the state of a title defence.
pub struct TitleDefence;

impl Rule for TitleDefence {
    fn name(&self) -> &'static str {
        "title_defence"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(td) = &a.m.context.title_defence else {
            return Vec::new();
        };
        let teams = &a.m.teams;
        if teams.home.id != td.team && teams.away.id != td.team {
            return Vec::new();
        }
        let side = a.side_of_team(&td.team);
        let won = a.m.result.winner == Some(side);
        let lost = a.m.result.winner == Some(side.other());
        let status = match (won, lost, a.m.fixture.stage) {
            // Winning the final is retaining the title.
            (true, _, crate::model::Stage::Final) => "retained",
            (_, true, stage) if stage.is_knockout() => "ended",
            // Holders beaten outside a knockout may or may not be out:
            // the match file cannot say, so neither "on course" nor "over".
            (_, true, _) => return Vec::new(),
            _ => "alive",
        };
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("title_defence"),
            side: Some(side),
            players: Vec::new(),
            slots: json!({
                "team": td.team,
                "title": td.title,
                "last_retained_by": td.last_retained_by,
                "last_retained_year": td.last_retained_year,
                "status": status,
            }),
            evidence: vec!["context.title_defence".to_string()],
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_beaten_in_a_group_match_are_neither_on_course_nor_out() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/kor-ger-2018-wc-group.json"),
        )
        .unwrap();
        assert!(m.context.title_defence.is_some());
        assert!(
            TitleDefence
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn holders_who_win_the_final_have_retained_it() {
        let text = include_str!("../../fixtures/arg-fra-2022-wc-final.json").replace(
            "\"title_defence\": {\n      \"team\": \"fra\"",
            "\"title_defence\": {\n      \"team\": \"arg\"",
        );
        let m = crate::input::load_str("f", &text).unwrap();
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["status"], "retained");
    }
    use crate::beats::testing::with_events;
    use crate::model::{Match, Side};
    use serde_json::json;

    fn fixture(text: &str) -> Match {
        crate::input::load_str("f.json", text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn france_won_the_quarter_final_so_the_defence_is_alive() {
        let m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        let b = &beats[0];
        assert_eq!(b.side, Some(Side::Away));
        assert_eq!(
            b.slots,
            json!({"team": "fra", "title": "World Cup", "last_retained_by": "Brazil", "last_retained_year": 1962, "status": "alive"})
        );
        assert_eq!(b.evidence, vec!["context.title_defence"]);
    }

    #[test]
    fn losing_the_final_ends_the_defence() {
        let m = fixture(include_str!("../../fixtures/arg-fra-2022-wc-final.json"));
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["status"], "ended");
    }

    #[test]
    fn a_group_win_keeps_it_alive() {
        let m = fixture(include_str!("../../fixtures/ger-swe-2018-wc-group.json"));
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "ger");
        assert_eq!(beats[0].slots["status"], "alive");
    }

    #[test]
    fn a_knockout_draw_does_not_end_it() {
        let m = with_events(
            json!([]),
            json!({"half_time": {"home": 0, "away": 0}, "full_time": {"home": 0, "away": 0}}),
        );
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["status"], "alive");
    }

    #[test]
    fn no_title_defence_no_beat() {
        let m = fixture(include_str!("../../fixtures/eng-sco-2021-euro-group.json"));
        assert!(
            TitleDefence
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
