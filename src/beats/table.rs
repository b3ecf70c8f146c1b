//! `table`: where a league match left each side in the table.
//!
//! What it detects: for a league match whose context gives the table
//! (`context.table`), one beat per side with its position before and
//! after (when given), its points before and after (3 a win, 1 a draw),
//! and the points gap between the two sides after the match.
//!
//! Why it matters: most of what a desk writes is league football, where
//! "moved top" or "six points clear" is the consequence readers want.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{Side, Stage};
use serde_json::json;

/// Detects table consequences.
pub struct Table;

/// The points a side took from the match: 3 a win, 1 a draw.
pub fn points_won(a: &Analysis, side: Side) -> u16 {
    match a.m.result.winner {
        Some(w) if w == side => 3,
        Some(_) => 0,
        None => 1,
    }
}

impl Rule for Table {
    fn name(&self) -> &'static str {
        "table"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let Some(table) =
            a.m.context
                .table
                .as_ref()
                .filter(|_| a.m.fixture.stage == Stage::League)
        else {
            return Vec::new();
        };
        let after = |s: Side| table.get(s).points_before.map(|p| p + points_won(a, s));
        let mut beats = Vec::new();
        for side in [Side::Home, Side::Away] {
            let row = table.get(side);
            let gap = after(side)
                .zip(after(side.other()))
                .map(|(us, them)| i32::from(us) - i32::from(them));
            let moved = row
                .position_after
                .map(|p| match p.cmp(&row.position_before) {
                    std::cmp::Ordering::Less => "up",
                    std::cmp::Ordering::Greater => "down",
                    std::cmp::Ordering::Equal => "same",
                });
            let top = row.position_after == Some(1);
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("table") + if top { 10.0 } else { 0.0 },
                side: Some(side),
                players: Vec::new(),
                slots: json!({
                    "team": a.team(side).id,
                    "opponent": a.team(side.other()).id,
                    "position_before": row.position_before,
                    "position_after": row.position_after,
                    "points_before": row.points_before,
                    "points_after": after(side),
                    "gap": gap.map(i32::abs),
                    "ahead": gap.map(|g| g > 0),
                    "moved": moved,
                    "top": top,
                }),
                evidence: vec![format!("context.table.{}", crate::model::enum_name(&side))],
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
    fn a_win_moves_a_side_up_and_counts_its_points() {
        let mut m = with_events(
            json!([{"id": "g1", "period": 2, "minute": 50, "team": "eng", "type": "goal", "player": "eng-kane"}]),
            result(1, 0),
        );
        m.fixture.stage = Stage::League;
        m.context.table = serde_json::from_value(json!({
            "home": {"position_before": 3, "position_after": 1, "points_before": 60},
            "away": {"position_before": 1, "position_after": 2, "points_before": 62}
        }))
        .unwrap();
        let beats = Table.detect(&Analysis::new(&m), &Thresholds::builtin());
        assert_eq!(beats.len(), 2);
        assert_eq!(beats[0].slots["points_after"], 63);
        assert_eq!(beats[0].slots["gap"], 1);
        assert_eq!(beats[0].slots["moved"], "up");
        assert_eq!(beats[0].slots["top"], true);
        assert!(beats[0].salience > beats[1].salience);
    }

    #[test]
    fn no_table_or_no_league_no_beat() {
        let m = crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
            .unwrap();
        assert!(
            Table
                .detect(&Analysis::new(&m), &Thresholds::builtin())
                .is_empty()
        );
    }
}
