//! The Talking Point: the match's main question, argued in a few short
//! paragraphs about one side.
//!
//! The side is the one with the story: the side knocked out, else the side
//! that came from behind, else the side that lost; a draw is about both.
//! A report written for one side's supporters is about that side.

use super::{Beats, ParagraphPlan, Planned, result_slots};
use crate::analysis::Analysis;
use crate::beats::Beat;
use crate::model::Side;
use serde_json::json;
use std::collections::HashSet;

/// Plans the Talking Point's paragraphs.
/// `told` holds the ids of the beats the lead told: the Talking Point
/// argues those rather than tells them again.
pub fn plan<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    perspective: Option<Side>,
    told: &HashSet<String>,
) -> Vec<ParagraphPlan<'b>> {
    // Written for one side's supporters, it is about that side.
    let subject = perspective.or_else(|| subject(a, beats));
    let team = subject.map(|s| a.team(s).id.clone());
    let mut slots = result_slots(a);
    slots["team"] = json!(team);
    slots["won"] = json!(subject.is_some() && subject == a.m.result.winner);
    slots["tp_eliminated"] = json!(subject.is_some_and(|s| {
        beats
            .of("knockout")
            .any(|b| b.side == Some(s) && b.slots["outcome"] == "eliminated")
    }));
    let mut opening = vec![];
    let mut used = beats.top("result").into_iter().collect::<Vec<_>>();
    if let Some(comeback) = subject.and_then(|s| beats.for_side("comeback", s)) {
        slots["comeback"] = comeback.slots.clone();
        used.push(comeback);
    }
    let comeback = used.iter().copied().find(|b| b.rule == "comeback");
    opening.push(Planned::new("talking/headline", slots.clone(), used).via(comeback, "comeback"));
    if let Some(quiet) = beats.top("quiet_star") {
        let mut s = quiet.slots.clone();
        let side = quiet.side.unwrap_or(Side::Home);
        s["team_won"] = json!(a.m.result.winner == Some(side));
        s["team_lost"] = json!(a.m.result.winner == Some(side.other()));
        opening.push(Planned::new("talking/quiet_star", s, vec![quiet]));
    }
    opening.extend(support(a, beats, subject, &opening));
    if let Some(ours) = perspective.filter(|s| a.m.result.winner == Some(s.other())) {
        opening.extend(consolation(a, beats, ours, &opening));
    }
    let mut paragraphs = vec![opening];
    if let Some(side) = subject {
        paragraphs.extend(what_if(a, beats, side));
    }
    if let Some(ours) = perspective {
        paragraphs.extend(decision_against(a, beats, ours, told));
    }
    if let Some(card) = subject.and_then(|s| beats.for_side("red_card", s)) {
        paragraphs.push(vec![Planned::new(
            "talking/red_card",
            card.slots.clone(),
            vec![card],
        )]);
    }
    if let Some(defence) = beats.top("title_defence") {
        // Holders who win the final have retained it: a different story.
        let message = if defence.slots["status"] == "retained" {
            "talking/title_retained"
        } else {
            "talking/title_defence"
        };
        paragraphs.push(vec![Planned::new(
            message,
            defence.slots.clone(),
            vec![defence],
        )]);
    }
    paragraphs
}

/// Kinds of beat that can support the point, in the order a desk would
/// reach for them.
const SUPPORT: &[&str] = &[
    "milestone",
    "aggregate",
    "comeback",
    "extra_time_winner",
    "late_winner",
    "hat_trick",
    "shock",
    "shootout",
    "penalty_saved_rebound",
    "goal_flurry",
    "substitute_scorer",
    "goalkeeper_heroics",
    "big_chances",
    "woodwork",
    "brace",
    "table",
    "form",
];

/// How many sentences of support the point gets.
const SUPPORTS: usize = 2;

/// Sentences that back the Talking Point's first line: beats about its
/// side first, then beats about the match, then the scoreline and the
/// figures drawn from the result; never a one-line stub.
fn support<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    subject: Option<Side>,
    already: &[Planned<'b>],
) -> Vec<Planned<'b>> {
    let told = |b: &Beat| {
        already.iter().any(|p| {
            p.beats.iter().any(|x| std::ptr::eq(*x, b))
                || p.conditional.iter().any(|(x, _)| std::ptr::eq(*x, b))
        })
    };
    let mut picked: Vec<&'b Beat> = Vec::new();
    for on_side in [true, false] {
        for rule in SUPPORT {
            for b in beats.of(rule) {
                let fits = if on_side {
                    subject.is_some() && b.side == subject
                } else {
                    b.side.is_none() || subject.is_none() || b.side != subject
                };
                if fits
                    && !told(b)
                    && !picked.iter().any(|p| std::ptr::eq(*p, b))
                    && picked.len() < SUPPORTS
                {
                    picked.push(b);
                }
            }
        }
    }
    let mut out: Vec<Planned<'b>> = picked
        .into_iter()
        .map(|b| {
            Planned::new(
                format!("talking/support/{}", b.rule),
                b.slots.clone(),
                vec![b],
            )
        })
        .collect();
    let side = subject.or(a.m.result.winner).unwrap_or(Side::Home);
    let result: Vec<&'b Beat> = beats.top("result").into_iter().collect();
    if out.len() < SUPPORTS && a.goals().next().is_some() {
        let led = a.minutes_led();
        let score = a.m.result.after_extra_time.unwrap_or(a.m.result.full_time);
        out.push(Planned::new(
            "talking/support/scoreline",
            json!({
                "team": a.team(side).id,
                "opponent": a.team(side.other()).id,
                "led": led.get(side),
                "ever_led": a.goals().any(|(_, mo)| mo.after.leader() == Some(side)),
                "trailed": led.get(side.other()),
                "goals_for": score.of(side),
                "goals_against": score.of(side.other()),
            }),
            result.clone(),
        ));
    }
    if out.len() < SUPPORTS
        && let Some(stats) = &a.m.stats
        && let (Some(shots), Some(against)) = (stats.get(side).shots, stats.get(side.other()).shots)
    {
        out.push(Planned::new(
            "talking/support/stats",
            json!({
                "team": a.team(side).id,
                "opponent": a.team(side.other()).id,
                "shots": shots,
                "shots_against": against,
                "possession": stats.get(side).possession,
                "xg": stats.get(side).xg,
                "xg_against": stats.get(side.other()).xg,
            }),
            result.clone(),
        ));
    }
    if out.len() < SUPPORTS
        && let Some(stats) = &a.m.stats
        && let (Some(xg), Some(against)) = (stats.get(side).xg, stats.get(side.other()).xg)
    {
        out.push(Planned::new(
            "talking/support/xg",
            json!({
                "team": a.team(side).id,
                "opponent": a.team(side.other()).id,
                "xg": format!("{xg:.1}"),
                "xg_against": format!("{against:.1}"),
            }),
            result,
        ));
    }
    out
}

/// Beats of a beaten side's own that soften the defeat: what a
/// supporter's paper holds on to.
const CONSOLING: &[&str] = &[
    "hat_trick",
    "brace",
    "goalkeeper_heroics",
    "substitute_scorer",
    "penalty_saved_rebound",
    "consolation",
    "goal",
];

fn consoles(b: &Beat, ours: Side) -> bool {
    b.side == Some(ours) && CONSOLING.contains(&b.rule) && b.slots["own_goal"] != true
}

/// Written for a beaten side, the Talking Point holds on to something of
/// its own when the support has not: its keeper's saves or a feat with
/// its own sentence, else its leading scorer (`talking/consolation`).
fn consolation<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    ours: Side,
    already: &[Planned<'b>],
) -> Option<Planned<'b>> {
    if already
        .iter()
        .any(|p| p.beats.iter().any(|b| consoles(b, ours)))
    {
        return None;
    }
    let feat = ["hat_trick", "brace", "goalkeeper_heroics"]
        .iter()
        .find_map(|rule| beats.for_side(rule, ours));
    if let Some(b) = feat {
        let message = format!("talking/support/{}", b.rule);
        return Some(Planned::new(message, b.slots.clone(), vec![b]));
    }
    let goals: Vec<&'b Beat> = beats.of("goal").filter(|b| consoles(b, ours)).collect();
    let scorer = goals
        .iter()
        .filter_map(|b| b.players.first())
        .max_by_key(|p| a.tallies(p).goals)?;
    let theirs: Vec<&'b Beat> = goals
        .iter()
        .copied()
        .filter(|b| b.players.first() == Some(scorer))
        .collect();
    let last = theirs.last()?;
    Some(Planned::new(
        "talking/consolation",
        json!({
            "team": a.team(ours).id,
            "player": scorer,
            "goals": a.tallies(scorer).goals,
            "minute": last.slots["minute"],
            "added": last.slots["added"],
        }),
        theirs,
    ))
}

/// Written for one side, the VAR calls that went against it (our claim
/// rejected, or theirs upheld), in match order, that no grievance (which
/// tells its claims turned down) already covers. The calls the lead told
/// are argued in one sentence (`talking/decisions_argued`) rather than
/// told again; each of the others is told (`talking/decision_against`).
fn decision_against<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    ours: Side,
    told: &HashSet<String>,
) -> Option<ParagraphPlan<'b>> {
    let covered = |b: &Beat| {
        beats
            .for_side("grievance", ours)
            .is_some_and(|g| b.evidence.iter().all(|e| g.evidence.contains(e)))
    };
    let mut calls: Vec<&'b Beat> = beats
        .of("var_decision")
        .filter(|b| {
            let rejected = b.slots["decision"] == "rejected";
            b.side.is_some() && (b.side == Some(ours)) == rejected && !covered(b)
        })
        .collect();
    calls.sort_by_key(|b| super::first_event(a, b).map(|(i, _)| i));
    let (recalled, fresh): (Vec<&'b Beat>, Vec<&'b Beat>) =
        calls.into_iter().partition(|b| told.contains(&b.id));
    let mut paragraph: ParagraphPlan<'b> = Vec::new();
    if !recalled.is_empty() {
        paragraph.push(decisions_argued(a, ours, recalled));
    }
    paragraph.extend(fresh.into_iter().filter_map(|call| {
        let claimant = call.side?;
        Some(Planned::new(
            "talking/decision_against",
            json!({
                "team": a.team(ours).id,
                "claimant": a.team(claimant).id,
                "claim": call.slots["claim"],
                "decision": call.slots["decision"],
                "overturned": call.slots["overturned"],
                "minute": call.slots["minute"],
                "added": call.slots["added"],
            }),
            vec![call],
        ))
    }));
    (!paragraph.is_empty()).then_some(paragraph)
}

/// The VAR calls against our side that the lead told, argued as one
/// grievance: how many there were, how many turned down our claims and how
/// many backed theirs, how many overturned the referee, and how many were
/// penalties given against us that were then missed (no harm done).
fn decisions_argued<'b>(a: &Analysis, ours: Side, calls: Vec<&'b Beat>) -> Planned<'b> {
    let ours_rejected = calls.iter().filter(|b| b.side == Some(ours)).count();
    let overturned = calls
        .iter()
        .filter(|b| b.slots["overturned"] == true)
        .count();
    let missed = calls
        .iter()
        .filter(|b| {
            b.evidence.iter().any(|id| {
                a.m.events
                    .iter()
                    .any(|e| e.id == *id && e.kind.is_penalty_kick() && !e.kind.is_goal())
            })
        })
        .count();
    Planned::new(
        "talking/decisions_argued",
        json!({
            "team": a.team(ours).id,
            "opponent": a.team(ours.other()).id,
            "count": calls.len(),
            "ours_rejected": ours_rejected,
            "theirs_upheld": calls.len() - ours_rejected,
            "overturned": overturned,
            "missed": missed,
        }),
        calls,
    )
}

/// Whose match it was.
fn subject(a: &Analysis, beats: &Beats) -> Option<Side> {
    let eliminated = beats
        .of("knockout")
        .find(|b| b.slots["outcome"] == "eliminated")
        .and_then(|b| b.side);
    let comeback = beats.top("comeback").and_then(|b| b.side);
    eliminated
        .or(comeback)
        .or(a.m.result.winner.map(Side::other))
}

/// Grievances and the decisive miss: what could have been, and the
/// progression it ended.
fn what_if<'b>(a: &Analysis, beats: &Beats<'b>, side: Side) -> Vec<ParagraphPlan<'b>> {
    let grievance = beats.for_side("grievance", side);
    let miss = beats.for_side("decisive_penalty_miss", side);
    let mut paragraphs = Vec::new();
    if grievance.is_some() || miss.is_some() {
        let mut slots = json!({
            "team": a.team(side).id,
            "has_manager": a.team(side).manager.is_some(),
            "grievance": grievance.map(|g| g.slots.clone()),
            "miss": miss.map(|m| m.slots.clone()),
        });
        slots["eliminated"] = json!(
            beats
                .of("knockout")
                .any(|b| b.side == Some(side) && b.slots["outcome"] == "eliminated")
        );
        paragraphs.push(vec![
            Planned::new(
                "talking/what_if",
                slots,
                grievance.into_iter().chain(miss).collect(),
            )
            .via(grievance, "grievance")
            .via(miss, "miss"),
        ]);
    }
    if let Some(progression) = beats.for_side("progression", side) {
        let mut slots = progression.slots.clone();
        slots["miss"] = json!(miss.map(|m| m.slots.clone()));
        slots["final"] = json!(a.m.fixture.stage == crate::model::Stage::Final);
        slots["stage"] = json!(crate::model::enum_name(&a.m.fixture.stage));
        let used = std::iter::once(progression).chain(miss).collect();
        paragraphs.push(vec![
            Planned::new("talking/progression", slots, used).via(miss, "miss"),
        ]);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beats::{Thresholds, detect_all};

    /// The VAR sentences of one side's Talking Point, with the lead having
    /// told every VAR call or none: each message with the beats it cites
    /// and its `missed` slot.
    fn decisions(
        text: &str,
        team: &str,
        lead_told_calls: bool,
    ) -> Vec<(String, usize, serde_json::Value)> {
        let m = crate::input::load_str("f", text).unwrap();
        let a = Analysis::new(&m);
        let all = detect_all(&a, &Thresholds::builtin());
        let beats = Beats::new(&all);
        let side = if a.m.teams.home.name == team {
            Side::Home
        } else {
            Side::Away
        };
        let told: HashSet<String> = if lead_told_calls {
            beats.of("var_decision").map(|b| b.id.clone()).collect()
        } else {
            HashSet::new()
        };
        plan(&a, &beats, Some(side), &told)
            .into_iter()
            .flatten()
            .filter(|p| p.message.contains("decision"))
            .map(|p| (p.message.clone(), p.beats.len(), p.slots["missed"].clone()))
            .collect()
    }

    /// Manchester City's Talking Point against Tottenham: two VAR calls
    /// went against City.
    fn city_messages(lead_told_calls: bool) -> Vec<(String, usize)> {
        let text = include_str!("../../fixtures/mci-tot-2019-cl-qf.json");
        decisions(text, "Manchester City", lead_told_calls)
            .into_iter()
            .map(|(message, beats, _)| (message, beats))
            .collect()
    }

    #[test]
    fn calls_the_lead_told_are_argued_once_not_told_again() {
        assert_eq!(
            city_messages(true),
            vec![("talking/decisions_argued".to_string(), 2)]
        );
        assert_eq!(
            city_messages(false),
            vec![
                ("talking/decision_against".to_string(), 1),
                ("talking/decision_against".to_string(), 1)
            ]
        );
    }

    #[test]
    fn a_var_penalty_that_was_missed_is_argued_as_no_harm_done() {
        let text = include_str!("../../fixtures/eng-fra-2022-wc-qf.json");
        let france = decisions(text, "France", true);
        assert_eq!(
            france,
            vec![("talking/decisions_argued".to_string(), 1, json!(1))]
        );
        let city = decisions(
            include_str!("../../fixtures/mci-tot-2019-cl-qf.json"),
            "Manchester City",
            true,
        );
        assert_eq!(city[0].2, json!(0));
    }
}
