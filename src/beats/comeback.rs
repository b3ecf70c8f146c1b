//! `comeback`: a side that fell behind and did not lose.
//!
//! What it detects: a team that trailed at some point (a goal left it
//! behind) and finished ahead (`won`) or level (`drew`) on the match score
//! after extra time, or after normal time when there was none. A
//! shoot-out does not count: a side level after 120 minutes drew from
//! behind, whoever won the kicks. Its evidence is the goals the side
//! scored after first falling behind.
//!
//! Why it matters: "came from behind" is the shape of the match, often
//! the headline; the size of the deficit says how remarkable it was.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::Side;
use serde_json::json;

/// Detects a side that recovered from a deficit.
pub struct Comeback;

impl Rule for Comeback {
    fn name(&self) -> &'static str {
        "comeback"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let result = &a.m.result;
        let last = result.after_extra_time.unwrap_or(result.full_time);
        let mut beats = Vec::new();
        for side in [Side::Home, Side::Away] {
            let behind =
                |mo: &crate::analysis::Moment| mo.after.of(side) < mo.after.of(side.other());
            let Some(fell_behind) = a.timeline.iter().position(behind) else {
                continue;
            };
            let outcome = match last.of(side).cmp(&last.of(side.other())) {
                std::cmp::Ordering::Greater => "won",
                std::cmp::Ordering::Equal => "drew",
                std::cmp::Ordering::Less => continue,
            };
            let deficit = a
                .timeline
                .iter()
                .map(|mo| mo.after.of(side.other()).saturating_sub(mo.after.of(side)))
                .max()
                .unwrap_or(0);
            let reply: Vec<_> =
                a.m.events
                    .iter()
                    .zip(&a.timeline)
                    .skip(fell_behind + 1)
                    .filter(|(e, mo)| e.kind.is_goal() && mo.side == side)
                    .map(|(e, _)| e.id.clone())
                    .collect();
            let key = if outcome == "won" {
                "comeback_won"
            } else {
                "comeback_drew"
            };
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                // Coming back from further behind is the bigger story.
                salience: t.salience(key) + 5.0 * f32::from(deficit.saturating_sub(1)),
                side: Some(side),
                players: Vec::new(),
                slots: json!({
                    "team": a.team(side).id,
                    "deficit": deficit,
                    "outcome": outcome,
                }),
                evidence: reply,
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{goal, result, with_events};
    use serde_json::json;

    #[test]
    fn a_side_two_behind_that_wins_came_back() {
        let events = json!([
            goal("g1", 50, "fra", "fra-giroud"),
            goal("g2", 55, "fra", "fra-mbappe"),
            goal("g3", 60, "eng", "eng-kane"),
            goal("g4", 70, "eng", "eng-saka"),
            goal("g5", 80, "eng", "eng-kane")
        ]);
        let m = with_events(events, result(3, 2));
        let beats = Comeback.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "eng");
        assert_eq!(beats[0].slots["deficit"], 2);
        assert_eq!(beats[0].slots["outcome"], "won");
        assert_eq!(beats[0].evidence, vec!["g3", "g4", "g5"]);
        // Two goals down is five more than one.
        assert_eq!(
            beats[0].salience,
            Thresholds::builtin().salience("comeback_won") + 5.0
        );
    }

    #[test]
    fn a_side_that_levels_drew_from_behind() {
        let events = json!([
            goal("g1", 50, "fra", "fra-giroud"),
            goal("g2", 60, "eng", "eng-kane")
        ]);
        let m = with_events(events, result(1, 1));
        let beats = Comeback.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["outcome"], "drew");
        assert_eq!(beats[0].evidence, vec!["g2"]);
    }

    #[test]
    fn a_side_that_equalised_but_lost_did_not_come_back() {
        let events = json!([
            goal("g1", 50, "fra", "fra-giroud"),
            goal("g2", 60, "eng", "eng-kane"),
            goal("g3", 80, "fra", "fra-mbappe")
        ]);
        let m = with_events(events, result(1, 2));
        assert!(
            Comeback
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn a_leader_never_trailed_and_the_trailer_lost() {
        let events = json!([
            goal("g1", 50, "eng", "eng-kane"),
            goal("g2", 60, "fra", "fra-giroud"),
            goal("g3", 70, "eng", "eng-saka")
        ]);
        let m = with_events(events, result(2, 1));
        assert!(
            Comeback
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }

    #[test]
    fn germany_came_from_behind_to_beat_sweden() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/ger-swe-2018-wc-group.json"),
        )
        .unwrap();
        let beats = Comeback.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "ger");
        assert_eq!(beats[0].slots["outcome"], "won");
        assert_eq!(beats[0].slots["deficit"], 1);
        assert_eq!(beats[0].evidence, vec!["e05", "e13"]);
    }

    #[test]
    fn france_drew_from_two_behind_in_the_final_despite_losing_the_shootout() {
        let m = crate::input::load_str(
            "f",
            include_str!("../../fixtures/arg-fra-2022-wc-final.json"),
        )
        .unwrap();
        let beats = Comeback.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["team"], "fra");
        assert_eq!(beats[0].slots["outcome"], "drew");
        assert_eq!(beats[0].slots["deficit"], 2);
        assert_eq!(beats[0].evidence, vec!["e10", "e11", "e24"]);
    }
}
