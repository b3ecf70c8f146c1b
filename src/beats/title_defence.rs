//! `title_defence`: where the holders' defence of their title stands.
//!
//! What it detects: when the context names a `title_defence` for one of
//! the two sides, one beat with the title, the last side to retain it and
//! when, and a status: `"ended"` when the holders lost a knockout match,
//! or the context's `round_outcome` says they are out after a group match;
//! `"alive"` otherwise (they won or drew; in a group, the context says
//! they are through). Holders beaten in a group with no `round_outcome`
//! get no beat: the file cannot say whether they are out.
//!
//! Why it matters: holders are judged against history ("no side has
//! retained the World Cup since Brazil in 1962"); whether the defence
//! survives is part of the story of any match they play.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::Advance;
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
        // Outside a knockout only the context can say whether the holders
        // went on (`round_outcome`): out even after a win, through even
        // after a defeat.
        let outcome = a.m.context.round_outcome.as_ref().and_then(|o| o.of(side));
        let status = match (won, lost, a.m.fixture.stage, outcome) {
            // Winning the final is retaining the title.
            (true, _, crate::model::Stage::Final, _) => "retained",
            (_, true, stage, _) if stage.is_knockout() => "ended",
            (_, _, stage, Some(Advance::Eliminated)) if !stage.is_knockout() => "ended",
            (_, _, stage, Some(Advance::Through)) if !stage.is_knockout() => "alive",
            // Holders beaten outside a knockout may or may not be out:
            // without `round_outcome` the match file cannot say, so neither
            // "on course" nor "over".
            (_, true, _, _) => return Vec::new(),
            _ => "alive",
        };
        let mut evidence = vec!["context.title_defence".to_string()];
        if outcome.is_some() && !a.m.fixture.stage.is_knockout() {
            evidence.push("context.round_outcome".to_string());
        }
        // Holders out in a group are the story of the match (a knockout
        // exit is told by `knockout`, a lost final by `final_won`).
        let salience = if status == "ended" && !a.m.fixture.stage.is_knockout() {
            t.salience("title_defence_ended")
        } else {
            t.salience("title_defence")
        };
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience,
            side: Some(side),
            players: Vec::new(),
            slots: json!({
                "team": td.team,
                "title": td.title,
                "last_retained_by": td.last_retained_by,
                "last_retained_year": td.last_retained_year,
                "status": status,
            }),
            evidence,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_beaten_in_a_group_match_are_neither_on_course_nor_out() {
        // Without the round's outcome the file cannot say.
        let mut m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/kor-ger-2018-wc-group.json"),
        )
        .unwrap();
        m.context.round_outcome = None;
        assert!(m.context.title_defence.is_some());
        assert!(
            TitleDefence
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn holders_out_of_their_group_have_ended_it_and_it_must_be_told() {
        let m = fixture(include_str!("../../fixtures/kor-ger-2018-wc-group.json"));
        let t = Thresholds::builtin();
        let beats = TitleDefence.detect(&Analysis::new(&m), &t);
        assert_eq!(beats[0].slots["status"], "ended");
        assert!(beats[0].salience >= t.must_tell);
        assert!(
            beats[0]
                .evidence
                .contains(&"context.round_outcome".to_string())
        );
    }

    #[test]
    fn the_round_outcome_decides_a_group_match_whatever_the_result() {
        // Germany beat Sweden: through or out, only the outcome can say
        // (both are hypothetical: that group was not settled that day).
        let mut m = fixture(include_str!("../../fixtures/ger-swe-2018-wc-group.json"));
        let t = Thresholds::builtin();
        let ger = Analysis::new(&m).side_of_team("ger");
        for (advance, status) in [(Advance::Eliminated, "ended"), (Advance::Through, "alive")] {
            let mut o = crate::model::RoundOutcome {
                home: None,
                away: None,
            };
            match ger {
                crate::model::Side::Home => o.home = Some(advance),
                crate::model::Side::Away => o.away = Some(advance),
            }
            m.context.round_outcome = Some(o);
            let beats = TitleDefence.detect(&Analysis::new(&m), &t);
            assert_eq!(beats[0].slots["status"], status);
        }
    }

    #[test]
    fn a_knockout_tie_needs_no_round_outcome() {
        // France won the quarter-final: an outcome saying otherwise is not
        // read in a knockout, whose result decides.
        let mut m = fixture(include_str!("../../fixtures/eng-fra-2022-wc-qf.json"));
        m.context.round_outcome = Some(crate::model::RoundOutcome {
            home: Some(Advance::Eliminated),
            away: Some(Advance::Eliminated),
        });
        let beats = TitleDefence.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["status"], "alive");
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
