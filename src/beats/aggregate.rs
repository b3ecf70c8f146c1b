//! `aggregate`: the second leg of a two-legged tie, and who went through.
//!
//! What it detects: a match whose context gives the first leg
//! (`context.aggregate`): the aggregate score (first leg plus this match,
//! extra time included), the side that went through and whether it lost
//! this leg, won it, or drew it.
//!
//! Why it matters: in a second leg the tie, not the match, is the story:
//! a side can lose on the night and go through, or win and go out.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Score, Side};
use serde_json::json;

/// Detects the outcome of a two-legged tie.
pub struct Aggregate;

/// The aggregate score (home and away as in this match), when this match
/// is a second leg.
pub fn aggregate_score(a: &Analysis) -> Option<Score> {
    let agg = a.m.context.aggregate.as_ref()?;
    let r = &a.m.result;
    let now = r.after_extra_time.unwrap_or(r.full_time);
    Some(Score {
        home: now.home.saturating_add(agg.first_leg.home),
        away: now.away.saturating_add(agg.first_leg.away),
    })
}

/// The side that won the tie: on aggregate when this is a second leg (or
/// as the desk says, for away goals), else the match winner.
pub fn tie_winner(a: &Analysis) -> Option<Side> {
    let Some(total) = aggregate_score(a) else {
        return a.m.result.winner;
    };
    a.m.context
        .aggregate
        .as_ref()
        .and_then(|agg| agg.winner)
        .or(total.leader())
        .or(a.m.result.winner)
}

impl Rule for Aggregate {
    fn name(&self) -> &'static str {
        "aggregate"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let (Some(total), Some(through)) = (aggregate_score(a), tie_winner(a)) else {
            return Vec::new();
        };
        let leg = match a.m.result.winner {
            Some(w) if w == through => "won",
            Some(_) => "lost",
            None => "drew",
        };
        let evidence = a
            .goals()
            .map(|(e, _)| e.id.clone())
            .chain(["context.aggregate".to_string()])
            .collect();
        vec![Beat {
            id: String::new(),
            rule: self.name(),
            salience: t.salience("aggregate"),
            side: Some(through),
            players: Vec::new(),
            slots: json!({
                "team": a.team(through).id,
                "winner": a.team(through).id,
                "loser": a.team(through.other()).id,
                "winner_goals": total.of(through),
                "loser_goals": total.of(through.other()),
                "leg": leg,
                "level": total.leader().is_none(),
                // Level on aggregate, no shoot-out tonight, and the desk
                // names who went through: the away-goals rule decided it.
                "away_goals": total.leader().is_none() && a.m.result.shootout.is_none(),
            }),
            evidence,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::testing::with_events;
    use serde_json::json;

    fn second_leg(first_leg: serde_json::Value) -> crate::model::Match {
        let mut m = with_events(
            json!([{"id": "g1", "period": 2, "minute": 50, "team": "eng", "type": "goal", "player": "eng-kane"}]),
            crate::beats::testing::result(1, 0),
        );
        m.context.aggregate = serde_json::from_value(json!({ "first_leg": first_leg })).unwrap();
        m
    }

    #[test]
    fn won_the_leg_but_lost_the_tie() {
        let m = second_leg(json!({"home": 0, "away": 3}));
        let beats = Aggregate.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats[0].slots["winner"], "fra");
        assert_eq!(beats[0].slots["leg"], "lost");
        assert_eq!(
            (
                beats[0].slots["winner_goals"].as_u64(),
                beats[0].slots["loser_goals"].as_u64()
            ),
            (Some(3), Some(1))
        );
    }

    #[test]
    fn no_first_leg_no_beat() {
        let m = second_leg(json!({"home": 0, "away": 0}));
        let mut single = m.clone();
        single.context.aggregate = None;
        assert!(
            Aggregate
                .detect(&Analysis::new(&single), &Thresholds::builtin())
                .is_empty()
        );
        assert_eq!(
            Aggregate.detect(&Analysis::new(&m), &Thresholds::builtin())[0].slots["leg"],
            "won"
        );
    }
}
