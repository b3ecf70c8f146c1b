//! `goal_flurry`: several goals by one side in a few minutes.
//!
//! What it detects: for each side, the longest run of its goals in the
//! same half, added time left out (its minutes do not count a burst): at least `flurry_goals` within `flurry_minutes` of the first,
//! or two within `flurry_pair_minutes`; told as one burst ("three goals in
//! 11 minutes", "two in two minutes").
//!
//! Why it matters: a burst of goals is how a rout or a turnaround is told,
//! not a sentence per goal.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::Side;
use serde_json::json;

/// Detects bursts of goals.
pub struct GoalFlurry;

impl Rule for GoalFlurry {
    fn name(&self) -> &'static str {
        "goal_flurry"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for side in [Side::Home, Side::Away] {
            let goals: Vec<_> = a
                .goals()
                .filter(|(e, mo)| {
                    mo.side == side && e.minute.is_some() && e.added == 0 && e.period <= 4
                })
                .collect();
            let mut best: Option<(usize, usize)> = None;
            for start in 0..goals.len() {
                let (first, _) = goals[start];
                let within = |minutes: u16| {
                    goals[start..]
                        .iter()
                        .take_while(|(e, _)| {
                            e.period == first.period
                                && e.minute.unwrap_or(0) <= first.minute.unwrap_or(0) + minutes
                        })
                        .count()
                };
                let (long, pair) = (within(t.flurry_minutes), within(t.flurry_pair_minutes));
                let end = if long >= t.flurry_goals {
                    long
                } else if pair >= 2 {
                    pair
                } else {
                    0
                };
                if end > 0 && best.is_none_or(|(_, n)| end > n) {
                    best = Some((start, end));
                }
            }
            let Some((start, n)) = best else { continue };
            let run = &goals[start..start + n];
            let (first, last) = (run[0].0, run[n - 1].0);
            let mut scorers: Vec<String> = Vec::new();
            for p in run.iter().filter_map(|(e, _)| e.player.clone()) {
                if !scorers.contains(&p) {
                    scorers.push(p);
                }
            }
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("goal_flurry"),
                side: Some(side),
                players: scorers.clone(),
                slots: json!({
                    "team": a.team(side).id,
                    "scorers": scorers,
                    "count": n,
                    "from_minute": first.minute,
                    "to_minute": last.minute,
                    "span": last.minute.unwrap_or(0).saturating_sub(first.minute.unwrap_or(0)),
                    "score": run[n - 1].1.after,
                }),
                evidence: run.iter().map(|(e, _)| e.id.clone()).collect(),
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::{detect, goal, result};
    use serde_json::json;

    #[test]
    fn three_goals_in_eleven_minutes() {
        let events = json!([
            goal("g1", 50, "eng", "eng-kane"),
            goal("g2", 55, "eng", "eng-saka"),
            goal("g3", 61, "eng", "eng-kane"),
            goal("g4", 85, "eng", "eng-saka")
        ]);
        let beats = detect(&GoalFlurry, events, result(4, 0));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["count"], 3);
        assert_eq!(beats[0].slots["span"], 11);
        assert_eq!(beats[0].evidence, vec!["g1", "g2", "g3"]);
    }

    #[test]
    fn two_goals_in_two_minutes_are_a_burst() {
        let events = json!([
            goal("g1", 54, "eng", "eng-kane"),
            goal("g2", 56, "eng", "eng-kane")
        ]);
        let beats = detect(&GoalFlurry, events, result(2, 0));
        assert_eq!(beats.len(), 1);
        assert_eq!(beats[0].slots["count"], 2);
    }

    #[test]
    fn goals_spread_out_are_no_flurry() {
        let events = json!([
            goal("g1", 50, "eng", "eng-kane"),
            goal("g2", 70, "eng", "eng-saka"),
            goal("g3", 89, "eng", "eng-kane")
        ]);
        assert!(detect(&GoalFlurry, events, result(3, 0)).is_empty());
    }
}
