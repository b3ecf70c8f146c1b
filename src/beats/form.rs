//! `form`: a run of results this match extended or ended.
//!
//! What it detects: from the context's `form` (matches unbeaten, matches
//! without a win going into this one), for each side: an unbeaten run of
//! at least `form_min_run` extended (`unbeaten`, now N) or ended (`run_ended`),
//! and a winless run of at least `form_min_run` ended by a win (`first_win`,
//! the first in N).
//!
//! Why it matters: "a first win in nine" or "unbeaten in 12" tells the
//! reader what the result means beyond the day.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::Side;
use serde_json::json;

/// Detects runs of form.
pub struct Form;

impl Rule for Form {
    fn name(&self) -> &'static str {
        "form"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(form) = &a.m.context.form else {
            return Vec::new();
        };
        let mut beats = Vec::new();
        for side in [Side::Home, Side::Away] {
            let f = form.get(side);
            let won = a.m.result.winner == Some(side);
            let lost = a.m.result.winner == Some(side.other());
            let (kind, run) = match (f.unbeaten, f.winless) {
                (Some(n), _) if n >= t.form_min_run && !lost => ("unbeaten", n + 1),
                (Some(n), _) if n >= t.form_min_run && lost => ("run_ended", n),
                (_, Some(n)) if n >= t.form_min_run && won => ("first_win", n + 1),
                _ => continue,
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("form"),
                side: Some(side),
                players: Vec::new(),
                slots: json!({ "team": a.team(side).id, "kind": kind, "run": run }),
                evidence: vec![format!("context.form.{}", crate::model::enum_name(&side))],
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{result, with_events};
    use serde_json::json;

    #[test]
    fn a_win_ends_a_winless_run_and_a_defeat_ends_an_unbeaten_one() {
        let mut m = with_events(
            json!([{"id": "g1", "period": 2, "minute": 50, "team": "eng", "type": "goal", "player": "eng-kane"}]),
            result(1, 0),
        );
        m.context.form = serde_json::from_value(json!({
            "home": {"unbeaten": 0, "winless": 8},
            "away": {"unbeaten": 12, "winless": 0}
        }))
        .unwrap();
        let beats = Form.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 2);
        assert_eq!(
            (
                beats[0].slots["kind"].as_str(),
                beats[0].slots["run"].as_u64()
            ),
            (Some("first_win"), Some(9))
        );
        assert_eq!(
            (
                beats[1].slots["kind"].as_str(),
                beats[1].slots["run"].as_u64()
            ),
            (Some("run_ended"), Some(12))
        );
    }

    #[test]
    fn short_runs_are_not_news() {
        let mut m = with_events(json!([]), result(0, 0));
        m.context.form =
            serde_json::from_value(json!({"home": {"unbeaten": 2}, "away": {"winless": 1}}))
                .unwrap();
        assert!(
            Form.detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
