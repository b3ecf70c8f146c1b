//! `milestone`: a first-ever this match achieved.
//!
//! What it detects: each of the context's `milestones` whose condition
//! the match met: `win` (the side, or the player's side, went through or
//! won), `unbeaten`, `goal` (the player scored) or `played`. The desk
//! writes the milestone before kick-off; beatwriter claims it only when
//! the result delivers it.
//!
//! Why it matters: "the first African side to reach a World Cup
//! semi-final" is the headline of such a match, whatever the score.

use super::{Beat, Rule, Thresholds};
use crate::analysis::Analysis;
use crate::model::{MilestoneCondition, Side};
use serde_json::json;

/// Detects milestones reached.
pub struct Milestone;

impl Rule for Milestone {
    fn name(&self) -> &'static str {
        "milestone"
    }

    fn detect(&self, a: &Analysis, t: &Thresholds) -> Vec<Beat> {
        let mut beats = Vec::new();
        for (i, m) in a.m.context.milestones.iter().enumerate() {
            let (side, player) = match a.player(&m.who) {
                Some((_, side)) => (side, Some(m.who.clone())),
                None if a.m.teams.home.id == m.who => (Side::Home, None),
                None if a.m.teams.away.id == m.who => (Side::Away, None),
                None => continue,
            };
            let through = super::aggregate::tie_winner(a);
            let met = match m.requires {
                MilestoneCondition::Win => through == Some(side),
                MilestoneCondition::Unbeaten => through != Some(side.other()),
                MilestoneCondition::Goal => {
                    player.as_deref().is_some_and(|p| a.tallies(p).goals > 0)
                }
                MilestoneCondition::Played => {
                    player.as_deref().is_none_or(|p| a.played(p) == Some(true))
                }
            };
            if !met {
                continue;
            }
            beats.push(Beat {
                id: String::new(),
                rule: self.name(),
                salience: t.salience("milestone"),
                side: Some(side),
                players: player.iter().cloned().collect(),
                slots: json!({
                    "team": a.team(side).id,
                    "player": player,
                    "what": m.what,
                    "since": m.since,
                }),
                evidence: vec![format!("context.milestones[{i}]")],
            });
        }
        beats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Match, MilestoneCondition};

    fn with(requires: MilestoneCondition, who: &str) -> Match {
        let mut m =
            crate::input::load_str("f", include_str!("../../fixtures/eng-fra-2022-wc-qf.json"))
                .unwrap();
        m.context.milestones = vec![crate::model::Milestone {
            who: who.into(),
            what: "side to do it".into(),
            since: None,
            requires,
        }];
        m
    }

    fn found(m: &Match) -> usize {
        Milestone
            .detect(&Analysis::new(m), &Thresholds::builtin())
            .len()
    }

    #[test]
    fn a_milestone_is_claimed_only_when_the_match_delivers_it() {
        assert_eq!(found(&with(MilestoneCondition::Win, "fra")), 1);
        assert_eq!(found(&with(MilestoneCondition::Win, "eng")), 0);
        assert_eq!(found(&with(MilestoneCondition::Goal, "eng-kane")), 1);
        assert_eq!(found(&with(MilestoneCondition::Goal, "fra-mbappe")), 0);
    }
}
