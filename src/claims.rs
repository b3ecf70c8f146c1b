//! Claims: the propositions a template variant asserts beyond its slots.
//!
//! A variant that says "still found a winner with ten men" claims that the
//! winning goal came after the sending-off; one that says "lifted the
//! trophy" claims the match was a final. The variant declares this on its
//! first line, `{{!-- claims: winner_after_red_card --}}`, and the realiser
//! offers it only when every claim it declares holds for the sentence
//! being written. Each claim is one small predicate over the analysis and
//! the sentence's [`Subject`] (its beats, evidence and the side the report
//! is written for). `docs/claims.md` lists them for editors.
//!
//! Claims that something did *not* happen ("did not register an attempt")
//! hold only when the match file declares that kind of event complete
//! (`complete` in the schema): a hand-typed list of events proves what it
//! holds, never what it leaves out.

use crate::analysis::Analysis;
use crate::beats::Beat;
use crate::model::{Coverage, Decision, Event, EventType, SetPiece, Side, Stage};

/// What a sentence is about, for judging its claims.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The match.
    pub analysis: &'a Analysis<'a>,
    /// The side the sentence is about (its `team` slot), when it names one.
    pub side: Option<Side>,
    /// The beats the sentence expresses, protagonist first.
    pub beats: &'a [&'a Beat],
    /// Ids of the events and context entries that prove it.
    pub evidence: &'a [String],
    /// The side the report is written for, if one.
    pub perspective: Option<Side>,
}

/// One claim: its name, what it means, and its test.
pub struct Claim {
    /// The name variants declare.
    pub name: &'static str,
    /// What it asserts, for editors (`docs/claims.md` says the same).
    pub means: &'static str,
    /// Whether it holds for a subject.
    pub holds: fn(&Subject) -> bool,
}

/// Every claim a variant may declare.
pub const CLAIMS: &[Claim] = &[
    Claim {
        name: "is_final",
        means: "the match is a final",
        holds: |s| stage(s) == Stage::Final,
    },
    Claim {
        name: "not_final",
        means: "the match is not a final",
        holds: |s| stage(s) != Stage::Final,
    },
    Claim {
        name: "knockout",
        means: "the match is a knockout tie",
        holds: |s| stage(s).is_knockout(),
    },
    Claim {
        name: "eliminated",
        means: "the loser of this match is out of the competition, and it was not a final (a final is told as a trophy won)",
        holds: eliminated,
    },
    Claim {
        name: "trophy_won",
        means: "a final with a winner: the winner lifted the trophy",
        holds: trophy_won,
    },
    Claim {
        name: "has_winner",
        means: "the match has a winner: a draw is never a defeat",
        holds: |s| winner(s).is_some(),
    },
    Claim {
        name: "is_draw",
        means: "the match ended level (a shoot-out may still have decided it)",
        holds: |s| s.analysis.m.result.winner.is_none() || s.analysis.m.result.shootout.is_some(),
    },
    Claim {
        name: "goalless",
        means: "no goal was scored in play",
        holds: |s| s.analysis.goals().next().is_none(),
    },
    Claim {
        name: "extra_time_played",
        means: "the match went to extra time",
        holds: |s| s.analysis.m.result.after_extra_time.is_some(),
    },
    Claim {
        name: "in_extra_time",
        means: "the event the sentence tells (its first evidence event) happened in extra time",
        holds: in_extra_time,
    },
    Claim {
        name: "not_in_extra_time",
        means: "the event the sentence tells happened in normal time (so \"N minutes from time\" counts to 90)",
        holds: |s| told(s).is_some_and(|(_, e)| e.period <= 2),
    },
    Claim {
        name: "shootout",
        means: "the match was decided on penalties",
        holds: |s| s.analysis.m.result.shootout.is_some(),
    },
    Claim {
        name: "subject_won",
        means: "the sentence's side won the match",
        holds: |s| side(s).is_some() && side(s) == winner(s),
    },
    Claim {
        name: "subject_lost",
        means: "the sentence's side lost the match",
        holds: |s| side(s).is_some_and(|x| winner(s) == Some(x.other())),
    },
    Claim {
        name: "subject_not_lost",
        means: "the sentence's side did not lose",
        holds: |s| side(s).is_some_and(|x| winner(s) != Some(x.other())),
    },
    Claim {
        name: "ours_won",
        means: "the side the report is written for won",
        holds: |s| s.perspective.is_some() && s.perspective == winner(s),
    },
    Claim {
        name: "ours_lost",
        means: "the side the report is written for lost (never after a draw)",
        holds: |s| s.perspective.is_some_and(|p| winner(s) == Some(p.other())),
    },
    Claim {
        name: "ours_drew",
        means: "the side the report is written for drew",
        holds: |s| s.perspective.is_some() && winner(s).is_none(),
    },
    Claim {
        name: "goal_after_red_card",
        means: "the side of the sending-off the sentence tells scored after it",
        holds: goal_after_red_card,
    },
    Claim {
        name: "winner_after_red_card",
        means: "the side of the sending-off the sentence tells won, and its decisive goal came after the card (\"still found a winner\")",
        holds: winner_after_red_card,
    },
    Claim {
        name: "held_on_after_red_card",
        means: "the side of the sending-off the sentence tells won, and was ahead for good before the card (\"held on with ten\")",
        holds: held_on_after_red_card,
    },
    Claim {
        name: "lead_lost_against_ten",
        means: "a side that led was pegged back by an opponent already reduced to ten men",
        holds: lead_lost_against_ten,
    },
    Claim {
        name: "comeback_win",
        means: "the winner trailed at some point",
        holds: comeback_win,
    },
    Claim {
        name: "came_off_bench",
        means: "the player who scored the goal the sentence tells came on as a substitute",
        holds: came_off_bench,
    },
    Claim {
        name: "saved_then_rebound",
        means: "a penalty the sentence tells was saved and the same side scored the rebound within a minute",
        holds: saved_then_rebound,
    },
    Claim {
        name: "own_goal",
        means: "the goal the sentence tells is an own goal",
        holds: |s| told_goal(s).is_some_and(|e| e.kind == EventType::OwnGoal),
    },
    Claim {
        name: "not_own_goal",
        means: "the goal the sentence tells is not an own goal",
        holds: |s| told_goal(s).is_some_and(|e| e.kind != EventType::OwnGoal),
    },
    Claim {
        name: "direct_free_kick",
        means: "the goal the sentence tells was a free kick shot directly (not a free-kick delivery)",
        holds: |s| told_goal(s).is_some_and(|e| e.set_piece == Some(SetPiece::DirectFreeKick)),
    },
    Claim {
        name: "hat_trick",
        means: "the sentence's player scored three or more goals",
        holds: |s| player(s).is_some_and(|p| s.analysis.tallies(p).goals >= 3),
    },
    Claim {
        name: "sent_off",
        means: "the sentence tells a sending-off (a red card or second yellow): VAR reviews that are not cards never are",
        holds: |s| events(s).any(|e| e.kind.is_sending_off()),
    },
    Claim {
        name: "var_overturned",
        means: "a VAR review the sentence tells changed the on-field decision",
        holds: |s| events(s).any(|e| e.kind == EventType::VarReview && e.overturned),
    },
    Claim {
        name: "var_rejected",
        means: "a VAR review the sentence tells turned the claim down",
        holds: |s| {
            events(s)
                .any(|e| e.kind == EventType::VarReview && e.decision == Some(Decision::Rejected))
        },
    },
    Claim {
        name: "player_played",
        means: "the sentence's player took part: started, or came on",
        holds: |s| player(s).is_some_and(|p| s.analysis.played(p) == Some(true)),
    },
    Claim {
        name: "player_absent_from_play",
        means: "the sentence's player did not take part (needs a complete list of substitutions)",
        holds: |s| player(s).is_some_and(|p| s.analysis.played(p) == Some(false)),
    },
    Claim {
        name: "no_attempt",
        means: "the sentence's player played and had no shot (needs a complete list of shots)",
        holds: no_attempt,
    },
    Claim {
        name: "rarely_featured",
        means: "the sentence's player played and neither shot, scored nor assisted (needs a complete list of shots)",
        holds: |s| no_attempt(s) && player(s).is_some_and(|p| s.analysis.tallies(p).assists == 0),
    },
    Claim {
        name: "no_saves",
        means: "the sentence's goalkeeper made no save (needs a complete list of saves)",
        holds: no_saves,
    },
    Claim {
        name: "underdog_won",
        means: "the winner was ranked, or placed in the table, below the loser",
        holds: underdog_won,
    },
    Claim {
        name: "drawn",
        means: "the match ended level and nobody won it, not even on penalties (the `draw` slot)",
        holds: |s| winner(s).is_none(),
    },
    Claim {
        name: "not_eliminated",
        means: "no side is told as knocked out by this match (the contrary of `eliminated`)",
        holds: |s| !eliminated(s),
    },
    Claim {
        name: "not_knockout",
        means: "the match is not a knockout tie",
        holds: |s| !stage(s).is_knockout(),
    },
    Claim {
        name: "no_extra_time",
        means: "the match did not go to extra time",
        holds: |s| s.analysis.m.result.after_extra_time.is_none(),
    },
    Claim {
        name: "no_shootout",
        means: "the match was not decided on penalties",
        holds: |s| s.analysis.m.result.shootout.is_none(),
    },
    Claim {
        name: "record_broken",
        means: "the record the sentence tells (its first record beat) was broken",
        holds: |s| record_status(s) == Some("record_broken"),
    },
    Claim {
        name: "record_not_broken",
        means: "the sentence tells no broken record: a record it tells was equalled (records told in the lead are broken or equalled)",
        holds: |s| record_status(s) != Some("record_broken"),
    },
    Claim {
        name: "player_side_won",
        means: "the side of the sentence's player won the match",
        holds: |s| player_side(s).is_some_and(|p| winner(s) == Some(p)),
    },
    Claim {
        name: "player_side_not_won",
        means: "the side of the sentence's player did not win (it lost, or the match was drawn)",
        holds: |s| player_side(s).is_some_and(|p| winner(s) != Some(p)),
    },
    Claim {
        name: "comeback_won",
        means: "the side of the comeback the sentence tells (its first comeback beat) won on the score",
        holds: |s| comeback_margin(s) == Some(std::cmp::Ordering::Greater),
    },
    Claim {
        name: "comeback_drew",
        means: "the side of the comeback the sentence tells ended level on the score",
        holds: |s| comeback_margin(s) == Some(std::cmp::Ordering::Equal),
    },
    Claim {
        name: "comeback_with_ten",
        means: "the side of the comeback the sentence tells had a man sent off before its last goal of the comeback",
        holds: comeback_with_ten,
    },
    Claim {
        name: "subject_eliminated",
        means: "the sentence's side went out of the competition in this match (a knockout tie, not a final, that it lost)",
        holds: |s| side(s).is_some_and(|x| subject_out(s, x)),
    },
    Claim {
        name: "subject_not_eliminated",
        means: "the sentence's side did not go out in this match",
        holds: |s| side(s).is_some_and(|x| !subject_out(s, x)),
    },
    Claim {
        name: "subject_led",
        means: "the sentence's side led at some point of the match",
        holds: |s| side(s).is_some_and(|x| ever_led(s.analysis, x)),
    },
    Claim {
        name: "ours_favourite",
        means: "the side the report is written for was ranked, or placed in the table before the match, above the opponent (rankings first)",
        holds: |s| {
            s.perspective
                .is_some_and(|p| favoured(s.analysis, p) == Some(true))
        },
    },
    Claim {
        name: "ours_underdog",
        means: "the side the report is written for was ranked, or placed in the table before the match, below the opponent (rankings first)",
        holds: |s| {
            s.perspective
                .is_some_and(|p| favoured(s.analysis, p) == Some(false))
        },
    },
    Claim {
        name: "defence_alive",
        means: "the holders told of (the sentence's title_defence beat) are still in the competition",
        holds: |s| defence_status(s) == Some("alive"),
    },
    Claim {
        name: "defence_retained",
        means: "the holders told of have just retained the title",
        holds: |s| defence_status(s) == Some("retained"),
    },
    Claim {
        name: "defence_ended",
        means: "the holders told of are out: their defence is over",
        holds: |s| defence_status(s) == Some("ended"),
    },
];

/// A slot whose value is a proposition about the match: a template that
/// tests it in `{{#if}}` decides what is claimed, which a variant must
/// declare instead. `lint` names the claim to declare for each branch.
pub struct ClaimSlot {
    /// The slot path as templates write it (`record.status`).
    pub slot: &'static str,
    /// Limits the rule to messages starting with this, when the slot name
    /// means something else elsewhere (`status`).
    pub message: Option<&'static str>,
    /// The claim to declare where the slot holds.
    pub when_true: &'static str,
    /// The claim to declare where it does not.
    pub when_false: &'static str,
}

/// Every claim-bearing slot. Slots that only carry data the sentence
/// prints (`late`, `record`, `assist`) or choose wording for one fact (a
/// header or a shot, `own_goal` of the goal told) are not claim-bearing;
/// nor is a comparison of two teams unless it is with `winner`/`loser`,
/// which [`WINNER_COMPARISONS`] covers.
pub const CLAIM_SLOTS: &[ClaimSlot] = &[
    ClaimSlot {
        slot: "eliminated",
        message: Some("talking/what_if"),
        when_true: "subject_eliminated",
        when_false: "subject_not_eliminated",
    },
    ClaimSlot {
        slot: "eliminated",
        message: None,
        when_true: "eliminated",
        when_false: "not_eliminated",
    },
    ClaimSlot {
        slot: "draw",
        message: None,
        when_true: "drawn",
        when_false: "has_winner",
    },
    ClaimSlot {
        slot: "final",
        message: None,
        when_true: "is_final",
        when_false: "not_final",
    },
    ClaimSlot {
        slot: "knockout",
        message: None,
        when_true: "knockout",
        when_false: "not_knockout",
    },
    ClaimSlot {
        slot: "extra_time",
        message: None,
        when_true: "extra_time_played",
        when_false: "no_extra_time",
    },
    ClaimSlot {
        slot: "shootout",
        message: None,
        when_true: "shootout",
        when_false: "no_shootout",
    },
    ClaimSlot {
        slot: "record.status",
        message: None,
        when_true: "record_broken",
        when_false: "record_not_broken",
    },
    ClaimSlot {
        slot: "status",
        message: Some("lead/beat/record"),
        when_true: "record_broken",
        when_false: "record_not_broken",
    },
    ClaimSlot {
        slot: "comeback.outcome",
        message: None,
        when_true: "comeback_won",
        when_false: "comeback_drew",
    },
    ClaimSlot {
        slot: "ten_men",
        message: None,
        when_true: "comeback_with_ten",
        when_false: "",
    },
    ClaimSlot {
        slot: "status",
        message: Some("talking/title_defence"),
        when_true: "defence_alive",
        when_false: "defence_ended",
    },
];

/// `(eq SIDE winner)` claims that side won; the claims to declare for
/// each side slot, where it holds and where not. Other side slots compare
/// as the sentence's side (`subject_won`).
pub const WINNER_COMPARISONS: &[(&str, &str, &str)] = &[
    ("hero_team", "player_side_won", "player_side_not_won"),
    ("comeback.team", "comeback_won", "comeback_drew"),
];

/// The claims to declare for `(eq SIDE winner)`: where it holds, and
/// where not (empty when no single claim says so).
pub fn winner_comparison(side: &str) -> (&'static str, &'static str) {
    WINNER_COMPARISONS
        .iter()
        .find(|(s, _, _)| *s == side)
        .map_or(("subject_won", ""), |(_, t, f)| (*t, *f))
}

/// The claim-bearing slot `path` names in `message`, if any.
pub fn claim_slot(message: &str, path: &str) -> Option<&'static ClaimSlot> {
    CLAIM_SLOTS
        .iter()
        .find(|c| c.slot == path && c.message.is_none_or(|m| message.starts_with(m)))
}

/// Whether a variant declaring `claims` tells what `slot` carries: a
/// variant split out of `{{#if eliminated}}` says so by its claim, not by
/// naming the slot.
pub fn declares_slot(claims: &[String], slot: &str) -> bool {
    CLAIM_SLOTS
        .iter()
        .filter(|c| c.slot == slot)
        .any(|c| claims.iter().any(|d| d == c.when_true))
}

/// Claims that only rule a variant out (the "else" of a claim-bearing
/// slot: a winner, not a final, no extra time) tell no story of their
/// own, so they do not make a variant more specific than another.
const CONDITIONS: &[&str] = &[
    "has_winner",
    "not_final",
    "not_eliminated",
    "not_knockout",
    "no_extra_time",
    "no_shootout",
    "record_not_broken",
    "player_side_not_won",
    "not_own_goal",
    "not_in_extra_time",
    "subject_not_lost",
    "subject_not_eliminated",
];

/// How much story a variant's claims tell, for preferring the most
/// specific true variant: one for each claim that is not a mere condition.
pub fn specificity(claims: &[String]) -> usize {
    claims
        .iter()
        .filter(|c| !CONDITIONS.contains(&c.as_str()))
        .count()
}

/// The claim with this name.
pub fn find(name: &str) -> Option<&'static Claim> {
    CLAIMS.iter().find(|c| c.name == name)
}

/// Whether the named claim holds; an unknown name never does (lint
/// reports it, and the realiser must not offer what it cannot check).
pub fn holds(name: &str, subject: &Subject) -> bool {
    find(name).is_some_and(|c| (c.holds)(subject))
}

fn stage(s: &Subject) -> Stage {
    s.analysis.m.fixture.stage
}

fn winner(s: &Subject) -> Option<Side> {
    s.analysis.m.result.winner
}

/// The side that went through (on aggregate in a second leg).
fn tie_winner(s: &Subject) -> Option<Side> {
    crate::beats::aggregate::tie_winner(s.analysis)
}

fn eliminated(s: &Subject) -> bool {
    stage(s).is_knockout()
        && stage(s) != Stage::Final
        && winner(s).is_some()
        && tie_winner(s) == winner(s)
}

fn trophy_won(s: &Subject) -> bool {
    stage(s) == Stage::Final && tie_winner(s).is_some()
}

/// The evidence's events, in the order cited, with their positions.
fn indexed<'a>(s: &'a Subject<'a>) -> impl Iterator<Item = (usize, &'a Event)> + 'a {
    s.evidence.iter().filter_map(|id| {
        s.analysis
            .m
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| &e.id == id)
    })
}

fn events<'a>(s: &'a Subject<'a>) -> impl Iterator<Item = &'a Event> + 'a {
    indexed(s).map(|(_, e)| e)
}

/// The event the sentence tells: its first evidence event.
fn told<'a>(s: &'a Subject<'a>) -> Option<(usize, &'a Event)> {
    indexed(s).next()
}

/// The first goal among the evidence.
fn told_goal<'a>(s: &'a Subject<'a>) -> Option<&'a Event> {
    events(s).find(|e| e.kind.is_goal())
}

/// The sentence's side: the side it names, else its first beat's, else
/// its first event's team.
fn side(s: &Subject) -> Option<Side> {
    s.side
        .or_else(|| s.beats.iter().find_map(|b| b.side))
        .or_else(|| told(s).map(|(_, e)| s.analysis.side_of_team(&e.team)))
}

/// The sentence's player: its first beat's protagonist, else its first
/// event's player.
fn player<'a>(s: &'a Subject<'a>) -> Option<&'a str> {
    s.beats
        .iter()
        .find_map(|b| b.players.first().map(String::as_str))
        .or_else(|| told(s).and_then(|(_, e)| e.player.as_deref()))
}

fn in_extra_time(s: &Subject) -> bool {
    told(s).is_some_and(|(_, e)| matches!(e.period, 3 | 4))
}

/// The first sending-off among the evidence, with its position and side.
fn told_card<'a>(s: &'a Subject<'a>) -> Option<(usize, Side)> {
    indexed(s)
        .find(|(_, e)| e.kind.is_sending_off())
        .map(|(i, e)| (i, s.analysis.side_of_team(&e.team)))
}

fn goal_after_red_card(s: &Subject) -> bool {
    told_card(s).is_some_and(|(at, side)| {
        s.analysis.timeline[at + 1..]
            .iter()
            .zip(&s.analysis.m.events[at + 1..])
            .any(|(mo, e)| e.kind.is_goal() && mo.side == side)
    })
}

/// The position of the goal after which `side` led for good.
fn decisive_goal(a: &Analysis, side: Side) -> Option<usize> {
    a.decisive_goal(side).map(|(i, _, _)| i)
}

fn winner_after_red_card(s: &Subject) -> bool {
    told_card(s).is_some_and(|(at, side)| {
        s.analysis.m.result.winner == Some(side)
            && decisive_goal(s.analysis, side).is_some_and(|g| g > at)
    })
}

fn held_on_after_red_card(s: &Subject) -> bool {
    told_card(s).is_some_and(|(at, side)| {
        s.analysis.m.result.winner == Some(side)
            && decisive_goal(s.analysis, side).is_some_and(|g| g < at)
    })
}

/// Whether `side` had a player sent off before position `at`.
fn short_before(a: &Analysis, side: Side, at: usize) -> bool {
    a.m.events[..at]
        .iter()
        .zip(&a.timeline)
        .any(|(e, mo)| e.kind.is_sending_off() && mo.side == side)
}

fn lead_lost_against_ten(s: &Subject) -> bool {
    let a = s.analysis;
    a.goals().any(|(e, mo)| {
        let at =
            a.m.events
                .iter()
                .position(|x| std::ptr::eq(x, e))
                .unwrap_or(0);
        mo.margin_before() == -1 && mo.after.leader().is_none() && short_before(a, mo.side, at)
    })
}

fn comeback_win(s: &Subject) -> bool {
    winner(s).is_some_and(|w| {
        s.analysis
            .goals()
            .any(|(_, mo)| mo.after.leader() == Some(w.other()))
    })
}

fn came_off_bench(s: &Subject) -> bool {
    let Some(goal) = told_goal(s) else {
        return false;
    };
    let Some(id) = goal.player.as_deref() else {
        return false;
    };
    let came_on = s
        .analysis
        .m
        .events
        .iter()
        .take_while(|e| !std::ptr::eq(*e, goal))
        .any(|e| e.kind == EventType::Substitution && e.player.as_deref() == Some(id));
    goal.kind != EventType::OwnGoal && came_on
}

fn saved_then_rebound(s: &Subject) -> bool {
    let a = s.analysis;
    indexed(s).any(|(i, e)| {
        e.kind == EventType::PenaltySaved
            && a.m.events[i + 1..].iter().take(3).any(|g| {
                g.kind == EventType::Goal
                    && g.team == e.team
                    && g.period == e.period
                    && g.minute.zip(e.minute).is_some_and(|(gm, em)| gm <= em + 1)
            })
    })
}

fn no_attempt(s: &Subject) -> bool {
    let a = s.analysis;
    let Some(id) = player(s) else { return false };
    a.m.complete.contains(&Coverage::Shots)
        && a.played(id) == Some(true)
        && !a.m.events.iter().any(|e| {
            let shot = e.kind.is_goal()
                || e.kind.is_penalty_kick()
                || matches!(e.kind, EventType::Chance | EventType::Woodwork);
            let shooter = if e.kind == EventType::Save {
                e.opponent.as_deref()
            } else {
                e.player.as_deref()
            };
            (shot && e.kind != EventType::OwnGoal || e.kind == EventType::Save)
                && shooter == Some(id)
        })
}

fn no_saves(s: &Subject) -> bool {
    let a = s.analysis;
    let Some(id) = player(s) else { return false };
    a.m.complete.contains(&Coverage::Saves)
        && a.played(id) == Some(true)
        && !a.m.events.iter().any(|e| {
            (e.kind == EventType::Save && e.player.as_deref() == Some(id))
                || (e.kind == EventType::PenaltySaved && e.goalkeeper.as_deref() == Some(id))
        })
}

fn underdog_won(s: &Subject) -> bool {
    let a = s.analysis;
    let Some(w) = winner(s) else { return false };
    let (wt, lt) = (a.team(w), a.team(w.other()));
    if let (Some(wr), Some(lr)) = (wt.ranking, lt.ranking) {
        return wr > lr;
    }
    a.m.context
        .table
        .as_ref()
        .is_some_and(|t| t.get(w).position_before > t.get(w.other()).position_before)
}

/// Whether `side` went out in this knockout tie (on aggregate in a second
/// leg); a final is told as a trophy, not an exit.
fn subject_out(s: &Subject, side: Side) -> bool {
    stage(s).is_knockout() && stage(s) != Stage::Final && tie_winner(s) == Some(side.other())
}

/// Where the defence stands in the first title_defence beat the sentence
/// tells: alive, retained or ended.
fn defence_status<'a>(s: &'a Subject<'a>) -> Option<&'a str> {
    s.beats
        .iter()
        .find(|b| b.rule == "title_defence")
        .and_then(|b| b.slots["status"].as_str())
}

/// The status of the first record beat the sentence tells.
fn record_status<'a>(s: &'a Subject<'a>) -> Option<&'a str> {
    s.beats
        .iter()
        .find(|b| b.rule == "record")
        .and_then(|b| b.slots["status"].as_str())
}

/// The side of the sentence's player.
fn player_side(s: &Subject) -> Option<Side> {
    player(s)
        .and_then(|p| s.analysis.player(p))
        .map(|(_, side)| side)
}

/// The first comeback beat the sentence tells.
fn comeback<'a>(s: &'a Subject<'a>) -> Option<&'a Beat> {
    s.beats.iter().copied().find(|b| b.rule == "comeback")
}

/// How the comeback side's final score compares with its opponent's.
fn comeback_margin(s: &Subject) -> Option<std::cmp::Ordering> {
    let side = comeback(s)?.side?;
    let r = &s.analysis.m.result;
    let last = r.after_extra_time.unwrap_or(r.full_time);
    Some(last.of(side).cmp(&last.of(side.other())))
}

fn comeback_with_ten(s: &Subject) -> bool {
    let Some(beat) = comeback(s) else {
        return false;
    };
    let a = s.analysis;
    let last_goal = beat
        .evidence
        .iter()
        .filter_map(|id| a.m.events.iter().position(|e| &e.id == id))
        .max();
    last_goal.is_some_and(|g| beat.side.is_some_and(|side| short_before(a, side, g)))
}

/// Whether `side` was ahead at any point of the match.
fn ever_led(a: &Analysis, side: Side) -> bool {
    a.goals().any(|(_, mo)| mo.after.leader() == Some(side))
}

/// Whether `side` was the favourite: `Some(true)` when ranked higher (a
/// smaller ranking), else when placed higher in the table before the
/// match; `Some(false)` when lower; `None` when neither is known or they
/// are level. Rankings come first, as in `underdog_won`.
pub fn favoured(a: &Analysis, side: Side) -> Option<bool> {
    let (us, them) = (a.team(side), a.team(side.other()));
    let before = |s: Side| a.m.context.table.as_ref().map(|t| t.get(s).position_before);
    let (ours, theirs) = match (us.ranking, them.ranking) {
        (Some(u), Some(t)) => (u, t),
        _ => (before(side)?, before(side.other())?),
    };
    (ours != theirs).then_some(ours < theirs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Match;

    fn load(name: &str) -> Match {
        let path = format!("{}/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        crate::input::load_path(&path).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Whether `claim` holds in `m` for a sentence naming `side`, about
    /// `beats`, citing the events with these ids and written for
    /// `perspective`: the one place the tests build a [`Subject`].
    fn judge(
        m: &Match,
        claim: &str,
        side: Option<Side>,
        beats: &[&Beat],
        evidence: &[&str],
        perspective: Option<Side>,
    ) -> bool {
        let a = Analysis::new(m);
        let evidence: Vec<String> = evidence.iter().map(|s| s.to_string()).collect();
        let subject = Subject {
            analysis: &a,
            side,
            beats,
            evidence: &evidence,
            perspective,
        };
        assert!(find(claim).is_some(), "no claim {claim}");
        holds(claim, &subject)
    }

    /// Whether `claim` holds in `m` for a sentence citing the events with
    /// these ids and written for `perspective`.
    fn check(m: &Match, claim: &str, evidence: &[&str], perspective: Option<Side>) -> bool {
        judge(m, claim, None, &[], evidence, perspective)
    }

    /// A beat about one player, for claims about the sentence's player.
    fn player_beat(id: &str) -> Beat {
        Beat {
            id: "b1".into(),
            rule: "t",
            salience: 0.0,
            side: None,
            players: vec![id.to_string()],
            slots: serde_json::Value::Null,
            evidence: vec![],
        }
    }

    fn event_id(m: &Match, pick: impl Fn(&Event) -> bool) -> String {
        m.events
            .iter()
            .find(|e| pick(e))
            .map(|e| e.id.clone())
            .expect("an event")
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut names: Vec<&str> = CLAIMS.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), CLAIMS.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        assert!(!holds(
            "no_such_claim",
            &Subject {
                analysis: &Analysis::new(&load("eng-fra-2022-wc-qf")),
                side: None,
                beats: &[],
                evidence: &[],
                perspective: None
            }
        ));
    }

    #[test]
    fn finals_and_eliminations() {
        let (final_, qf, group) = (
            load("arg-fra-2022-wc-final"),
            load("eng-fra-2022-wc-qf"),
            load("eng-sco-2021-euro-group"),
        );
        assert!(check(&final_, "is_final", &[], None));
        assert!(!check(&qf, "is_final", &[], None));
        assert!(check(&final_, "trophy_won", &[], None));
        assert!(!check(&qf, "trophy_won", &[], None));
        // A final's loser is told as beaten in the final, not knocked out.
        assert!(!check(&final_, "eliminated", &[], None));
        assert!(check(&qf, "eliminated", &[], None));
        assert!(!check(&group, "eliminated", &[], None));
    }

    #[test]
    fn a_draw_is_never_a_defeat() {
        let draw = load("eng-sco-2021-euro-group");
        assert!(!check(&draw, "has_winner", &[], None));
        assert!(check(&draw, "is_draw", &[], None));
        assert!(!check(&draw, "ours_lost", &[], Some(Side::Home)));
        assert!(check(&draw, "ours_drew", &[], Some(Side::Home)));
        let qf = load("eng-fra-2022-wc-qf");
        assert!(check(&qf, "ours_lost", &[], Some(Side::Home)));
        assert!(check(&qf, "ours_won", &[], Some(Side::Away)));
        assert!(!check(&qf, "is_draw", &[], None));
        assert!(check(&draw, "goalless", &[], None));
        assert!(!check(&qf, "goalless", &[], None));
    }

    #[test]
    fn extra_time_and_shootouts() {
        let final_ = load("arg-fra-2022-wc-final");
        let et_goal = event_id(&final_, |e| e.kind.is_goal() && e.period == 4);
        let nt_goal = event_id(&final_, |e| e.kind.is_goal() && e.period == 1);
        assert!(check(&final_, "in_extra_time", &[&et_goal], None));
        assert!(!check(&final_, "in_extra_time", &[&nt_goal], None));
        assert!(check(&final_, "not_in_extra_time", &[&nt_goal], None));
        assert!(check(&final_, "extra_time_played", &[], None));
        assert!(check(&final_, "shootout", &[], None));
        let qf = load("eng-fra-2022-wc-qf");
        assert!(!check(&qf, "extra_time_played", &[], None));
        assert!(!check(&qf, "shootout", &[], None));
    }

    #[test]
    fn ten_men() {
        // Germany 2-1 Sweden: Boateng sent off on 82', Kroos's winner at 90+5'.
        let m = load("ger-swe-2018-wc-group");
        let red = event_id(&m, |e| e.kind.is_sending_off());
        assert!(check(&m, "sent_off", &[&red], None));
        assert!(check(&m, "goal_after_red_card", &[&red], None));
        assert!(check(&m, "winner_after_red_card", &[&red], None));
        assert!(!check(&m, "held_on_after_red_card", &[&red], None));
        // Sweden's lead went at 11 v 11 (Reus, 48').
        assert!(!check(&m, "lead_lost_against_ten", &[], None));
        assert!(check(&m, "comeback_win", &[], None));
        let qf = load("eng-fra-2022-wc-qf");
        assert!(!check(&qf, "sent_off", &[], None));
        assert!(!check(&qf, "goal_after_red_card", &[], None));
        assert!(!check(&qf, "comeback_win", &[], None));
    }

    #[test]
    fn goals_told() {
        let qf = load("eng-fra-2022-wc-qf");
        let opener = event_id(&qf, |e| e.kind.is_goal());
        assert!(check(&qf, "not_own_goal", &[&opener], None));
        assert!(!check(&qf, "own_goal", &[&opener], None));
        assert!(!check(&qf, "direct_free_kick", &[&opener], None));
        assert!(!check(&qf, "came_off_bench", &[&opener], None));
        assert!(!check(&qf, "saved_then_rebound", &[&opener], None));
        let final_ = load("arg-fra-2022-wc-final");
        let mbappe = final_
            .events
            .iter()
            .rfind(|e| e.kind.is_goal())
            .unwrap()
            .id
            .clone();
        assert!(check(&final_, "hat_trick", &[&mbappe], None));
        assert!(!check(&qf, "hat_trick", &[&opener], None));
    }

    #[test]
    fn istanbul_a_substitute_and_a_rebound() {
        // AC Milan 3-3 Liverpool, 2005: Smicer came on and scored; Dida
        // saved Alonso's penalty and Alonso scored the rebound.
        let m = load("mil-liv-2005-cl-final");
        let smicer = event_id(&m, |e| {
            e.kind.is_goal() && e.player.as_deref() == Some("liv-smicer")
        });
        let gerrard = event_id(&m, |e| {
            e.kind.is_goal() && e.player.as_deref() == Some("liv-gerrard")
        });
        assert!(check(&m, "came_off_bench", &[&smicer], None));
        assert!(!check(&m, "came_off_bench", &[&gerrard], None));
        let saved = event_id(&m, |e| e.kind == EventType::PenaltySaved);
        assert!(check(&m, "saved_then_rebound", &[&saved], None));
        let qf = load("eng-fra-2022-wc-qf");
        let kane_miss = event_id(&qf, |e| e.kind == EventType::PenaltyMissed);
        assert!(!check(&qf, "saved_then_rebound", &[&kane_miss], None));
    }

    #[test]
    fn free_kicks_and_var() {
        // Kroos's winner against Sweden was a direct free kick.
        let m = load("ger-swe-2018-wc-group");
        let kroos = event_id(&m, |e| e.kind.is_goal() && e.minute == Some(90));
        assert!(check(&m, "direct_free_kick", &[&kroos], None));
        let reus = event_id(&m, |e| e.kind.is_goal() && e.minute == Some(48));
        assert!(!check(&m, "direct_free_kick", &[&reus], None));
        // England's penalty claim for the challenge on Kane was reviewed and
        // turned down: a VAR review, not a sending-off.
        let qf = load("eng-fra-2022-wc-qf");
        let review = event_id(&qf, |e| {
            e.kind == EventType::VarReview && e.decision == Some(Decision::Rejected)
        });
        assert!(check(&qf, "var_rejected", &[&review], None));
        assert!(!check(&qf, "var_overturned", &[&review], None));
        assert!(!check(&qf, "sent_off", &[&review], None));
    }

    #[test]
    fn substitutes_and_absences() {
        // A squad player who never came on, in a hand-typed file that lists
        // chosen events only: no absence can be claimed until the file says
        // its substitutions are complete.
        let mut m = load("ger-swe-2018-wc-group");
        let mut extra = m.teams.home.squad[0].clone();
        extra.id = "ger-unused".into();
        extra.starter = false;
        m.teams.home.squad.push(extra);
        let beat = player_beat("ger-unused");
        let with_player = |m: &Match, claim: &str| judge(m, claim, None, &[&beat], &[], None);
        assert!(!with_player(&m, "player_absent_from_play"));
        assert!(!with_player(&m, "player_played"));
        m.complete = vec![Coverage::Substitutions];
        assert!(with_player(&m, "player_absent_from_play"));
        // Never claim "no attempt" of a player who did not play.
        m.complete.push(Coverage::Shots);
        assert!(!with_player(&m, "no_attempt"));
    }

    #[test]
    fn no_attempt_needs_complete_shots() {
        let mut m = load("eng-fra-2022-wc-qf");
        // A starter with no shot in the file.
        let a = Analysis::new(&m);
        let quiet = m
            .teams
            .away
            .squad
            .iter()
            .find(|p| {
                p.starter
                    && !m.events.iter().any(|e| {
                        e.player.as_deref() == Some(&p.id) || e.opponent.as_deref() == Some(&p.id)
                    })
            })
            .unwrap()
            .id
            .clone();
        drop(a);
        let beat = player_beat(&quiet);
        let of_quiet = |m: &Match, claim: &str| judge(m, claim, None, &[&beat], &[], None);
        assert!(of_quiet(&m, "player_played"));
        assert!(!of_quiet(&m, "no_attempt"));
        assert!(!of_quiet(&m, "rarely_featured"));
        m.complete = vec![Coverage::Shots];
        assert!(of_quiet(&m, "no_attempt"));
        assert!(of_quiet(&m, "rarely_featured"));
    }

    #[test]
    fn underdogs_follow_rankings() {
        let qf = load("eng-fra-2022-wc-qf");
        let (e, f) = (qf.teams.home.ranking, qf.teams.away.ranking);
        assert_eq!(check(&qf, "underdog_won", &[], None), f > e);
        let draw = load("eng-sco-2021-euro-group");
        assert!(!check(&draw, "underdog_won", &[], None));
    }

    /// Whether `claim` holds for a sentence about `beats` (detected on the
    /// match) that names `side`.
    fn check_beats(
        m: &Match,
        claim: &str,
        pick: &dyn Fn(&Beat) -> bool,
        side: Option<Side>,
    ) -> bool {
        let a = Analysis::new(m);
        let detected = crate::beats::detect_all(&a, &crate::beats::Thresholds::builtin());
        let beats: Vec<&Beat> = detected.iter().filter(|b| pick(b)).collect();
        judge(m, claim, side, &beats, &[], None)
    }

    /// A sentence about one side, written for `perspective`.
    fn about(m: &Match, claim: &str, side: Side, perspective: Option<Side>) -> bool {
        judge(m, claim, Some(side), &[], &[], perspective)
    }

    #[test]
    fn the_halves_of_claim_bearing_slots() {
        let (final_, qf, group) = (
            load("arg-fra-2022-wc-final"),
            load("eng-fra-2022-wc-qf"),
            load("eng-sco-2021-euro-group"),
        );
        // A draw with no winner; a shoot-out is decided, so not `drawn`.
        assert!(check(&group, "drawn", &[], None));
        assert!(!check(&qf, "drawn", &[], None));
        assert!(!check(&final_, "drawn", &[], None));
        assert!(check(&group, "not_eliminated", &[], None));
        assert!(check(&final_, "not_eliminated", &[], None));
        assert!(!check(&qf, "not_eliminated", &[], None));
        assert!(check(&group, "not_knockout", &[], None));
        assert!(!check(&qf, "not_knockout", &[], None));
        assert!(check(&qf, "no_extra_time", &[], None));
        assert!(!check(&final_, "no_extra_time", &[], None));
        assert!(check(&qf, "no_shootout", &[], None));
        assert!(!check(&final_, "no_shootout", &[], None));
    }

    #[test]
    fn where_the_holders_defence_stands() {
        // France, the holders, went through in the quarter-final, lost the
        // final; the United States kept the Women's World Cup.
        let defence = |b: &Beat| b.rule == "title_defence";
        let qf = load("eng-fra-2022-wc-qf");
        assert!(check_beats(&qf, "defence_alive", &defence, None));
        assert!(!check_beats(&qf, "defence_ended", &defence, None));
        let final_ = load("arg-fra-2022-wc-final");
        assert!(check_beats(&final_, "defence_ended", &defence, None));
        assert!(!check_beats(&final_, "defence_alive", &defence, None));
        let usa = load("usa-ned-2019-wwc-final");
        assert!(check_beats(&usa, "defence_retained", &defence, None));
        assert!(!check_beats(&usa, "defence_ended", &defence, None));
    }

    #[test]
    fn records_broken_or_equalled() {
        // Kane drew level with Rooney's 53 England goals.
        let mut qf = load("eng-fra-2022-wc-qf");
        let record = |b: &Beat| b.rule == "record";
        assert!(!check_beats(&qf, "record_broken", &record, None));
        assert!(check_beats(&qf, "record_not_broken", &record, None));
        // Had the record stood at his own 52, the same penalty would have
        // broken it.
        let kane = qf
            .context
            .records
            .iter_mut()
            .find(|r| r.id == "r-kane-england-goals")
            .expect("Kane's record");
        kane.record = 52;
        let goals = |b: &Beat| b.rule == "record" && b.slots["counts"] == "goals";
        assert!(check_beats(&qf, "record_broken", &goals, None));
        assert!(!check_beats(&qf, "record_not_broken", &goals, None));
    }

    #[test]
    fn the_side_of_the_sentences_player() {
        let qf = load("eng-fra-2022-wc-qf");
        let miss = |b: &Beat| b.rule == "decisive_penalty_miss";
        let giroud =
            |b: &Beat| b.rule == "goal" && b.players.first().is_some_and(|p| p == "fra-giroud");
        assert!(!check_beats(&qf, "player_side_won", &miss, None));
        assert!(check_beats(&qf, "player_side_not_won", &miss, None));
        assert!(check_beats(&qf, "player_side_won", &giroud, None));
        assert!(!check_beats(&qf, "player_side_not_won", &giroud, None));
        // Without a player the sentence claims neither.
        assert!(!check(&qf, "player_side_won", &[], None));
        assert!(!check(&qf, "player_side_not_won", &[], None));
    }

    #[test]
    fn comebacks_won_drawn_and_with_ten() {
        // Germany came from behind to beat Sweden, Boateng sent off before
        // Kroos's winner.
        let ger = load("ger-swe-2018-wc-group");
        let comeback = |b: &Beat| b.rule == "comeback";
        assert!(check_beats(&ger, "comeback_won", &comeback, None));
        assert!(!check_beats(&ger, "comeback_drew", &comeback, None));
        assert!(check_beats(&ger, "comeback_with_ten", &comeback, None));
        // France came back twice against Argentina and drew 3-3.
        let final_ = load("arg-fra-2022-wc-final");
        assert!(check_beats(&final_, "comeback_drew", &comeback, None));
        assert!(!check_beats(&final_, "comeback_won", &comeback, None));
        assert!(!check_beats(&final_, "comeback_with_ten", &comeback, None));
        // No comeback told, no comeback claimed.
        let qf = load("eng-fra-2022-wc-qf");
        assert!(!check_beats(&qf, "comeback_won", &comeback, None));
        assert!(!check_beats(&qf, "comeback_drew", &comeback, None));
    }

    #[test]
    fn the_sides_own_exit() {
        let (final_, qf) = (load("arg-fra-2022-wc-final"), load("eng-fra-2022-wc-qf"));
        let none = |_: &Beat| false;
        assert!(check_beats(
            &qf,
            "subject_eliminated",
            &none,
            Some(Side::Home)
        ));
        assert!(!check_beats(
            &qf,
            "subject_eliminated",
            &none,
            Some(Side::Away)
        ));
        assert!(check_beats(
            &qf,
            "subject_not_eliminated",
            &none,
            Some(Side::Away)
        ));
        assert!(!check_beats(
            &qf,
            "subject_not_eliminated",
            &none,
            Some(Side::Home)
        ));
        // A final's loser is beaten in the final, not knocked out.
        assert!(!check_beats(
            &final_,
            "subject_eliminated",
            &none,
            Some(Side::Away)
        ));
    }

    #[test]
    fn a_side_that_led_and_one_that_never_did() {
        // Ajax led 2-0 and lost; Tottenham never led until the last kick.
        let ajax = load("aja-tot-2019-cl-sf");
        assert!(about(&ajax, "subject_led", Side::Home, None));
        assert!(about(&ajax, "subject_led", Side::Away, None));
        // Germany never led in Kazan.
        let kazan = load("kor-ger-2018-wc-group");
        assert!(!about(&kazan, "subject_led", Side::Away, None));
        assert!(about(&kazan, "subject_led", Side::Home, None));
        let goalless = load("eng-sco-2021-euro-group");
        assert!(!about(&goalless, "subject_led", Side::Home, None));
    }

    #[test]
    fn favourites_follow_rankings_then_the_table() {
        // South Korea 57th, Germany first.
        let kazan = load("kor-ger-2018-wc-group");
        assert!(check(&kazan, "ours_underdog", &[], Some(Side::Home)));
        assert!(!check(&kazan, "ours_favourite", &[], Some(Side::Home)));
        assert!(check(&kazan, "ours_favourite", &[], Some(Side::Away)));
        assert!(!check(&kazan, "ours_underdog", &[], Some(Side::Away)));
        assert!(!check(&kazan, "ours_underdog", &[], None));
        // No rankings: City first in the table, QPR 17th.
        let qpr = load("mci-qpr-2012-pl");
        assert!(check(&qpr, "ours_favourite", &[], Some(Side::Home)));
        assert!(check(&qpr, "ours_underdog", &[], Some(Side::Away)));
        // Neither rankings nor a table: nobody is favoured.
        let draw = load("eng-sco-2021-euro-group");
        for side in [Side::Home, Side::Away] {
            assert!(!check(&draw, "ours_favourite", &[], Some(side)));
            assert!(!check(&draw, "ours_underdog", &[], Some(side)));
        }
    }
}
