//! The lead: an opening sentence that ties the biggest beats together,
//! the story in match order, and what comes next.

use super::{Beats, ParagraphPlan, Planned, first_event, result_slots, standing};
use crate::analysis::Analysis;
use crate::beats::Beat;
use crate::model::{EventType, Side};
use serde_json::{Value, json};

/// The lead's opening sentence, planned on its own so the rest can be
/// planned knowing what the chosen wording told.
pub fn opening_sentence<'b>(a: &Analysis, beats: &Beats<'b>) -> Planned<'b> {
    opening(a, beats)
}

/// The lead after its opening, as the lead plans it, knowing the
/// ids of the beats the written opening told (`told`): a late or
/// extra-time winner the opening told is not told again. Returns the
/// paragraphs and the goal beats the opening told that way, which its
/// sentence should cite.
pub fn rest_within<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    told: &[String],
    story_items: usize,
    must_tell: f32,
    with_next: bool,
) -> (Vec<ParagraphPlan<'b>>, Vec<&'b Beat>) {
    let mut paragraphs = Vec::new();
    let (mut items, absorbed) = story_told(a, beats, told);
    let few_goals = a.goals().count() <= MAX_GOALS_ALL_TOLD;
    // A side's tally of scorers is its goals: never left out.
    let kept = |p: &Planned| {
        p.message == "lead/scorers"
            || p.beats
                .iter()
                .any(|b| b.salience >= must_tell || (few_goals && b.rule == "goal"))
    };
    while items.len() > story_items {
        let Some(weakest) = items
            .iter()
            .enumerate()
            .filter(|(_, p)| !kept(p))
            .min_by(|(_, x), (_, y)| salience(x).total_cmp(&salience(y)))
            .map(|(i, _)| i)
        else {
            break;
        };
        items.remove(weakest);
    }
    paragraphs.extend(items.into_iter().map(|p| vec![p]));
    if let Some(next) = beats.top("next_fixture").filter(|_| with_next) {
        paragraphs.push(vec![Planned::new(
            "lead/next_fixture",
            next.slots.clone(),
            vec![next],
        )]);
    }
    (paragraphs, absorbed)
}

/// The sentence that tells one beat on its own (`lead/beat/<rule>`), for
/// the rules that have one.
pub fn beat_sentence(beat: &Beat) -> Option<Planned<'_>> {
    let message = format!("lead/beat/{}", beat.rule);
    crate::catalogue::contains(&message)
        .then(|| Planned::new(message, beat.slots.clone(), vec![beat]))
}

/// Up to this many goals, a lead tells every goal, however short.
pub const MAX_GOALS_ALL_TOLD: usize = 4;

/// The late winner, unless it was an own goal: an own goal's player is an
/// opponent, and no sentence may credit him with the winner.
fn scored_late_winner<'b>(beats: &Beats<'b>) -> Option<&'b Beat> {
    beats
        .top("late_winner")
        .filter(|b| b.slots["own_goal"] != true)
}

/// How much a planned sentence matters: its most salient beat.
fn salience(p: &Planned) -> f32 {
    p.beats.iter().map(|b| b.salience).fold(0.0, f32::max)
}

/// A record the player set or equalled in this match, if any.
fn headline_record<'b>(beats: &Beats<'b>, player: &str) -> Option<&'b Beat> {
    beats
        .of("record")
        .filter(|b| b.players.first().is_some_and(|p| p == player))
        .find(|b| {
            matches!(
                b.slots["status"].as_str(),
                Some("record_equalled" | "record_broken")
            )
        })
}

/// The opening sentence: the result framed by the most telling beats.
fn opening<'b>(a: &Analysis, beats: &Beats<'b>) -> Planned<'b> {
    let mut slots = result_slots(a);
    let mut used: Vec<&Beat> = beats.top("result").into_iter().collect();
    let eliminated = beats
        .of("knockout")
        .find(|b| b.slots["outcome"] == "eliminated");
    slots["eliminated"] = json!(eliminated.is_some());
    used.extend(eliminated);
    // A final's opening that speaks of the final tells the trophy.
    used.extend(beats.top("final_won"));
    let kind = if let Some(shootout) = beats.top("shootout") {
        used.push(shootout);
        if let Some(star) = star_of_the_losers(a, beats) {
            slots["star"] = star.slots.clone();
            used.push(star);
        }
        "shootout"
    } else if let Some(trophy) = beats.top("final_won") {
        let decider = beats
            .top("extra_time_winner")
            .or_else(|| scored_late_winner(beats));
        slots["late"] = json!(decider.map(|d| d.slots.clone()));
        // The trophy is already among the beats told (above).
        let _ = trophy;
        used.extend(decider);
        "final"
    } else if let Some(miss) = beats.top("decisive_penalty_miss") {
        hero(&mut slots, &mut used, a, miss, "miss");
        let taker = miss.players.first().cloned().unwrap_or_default();
        match headline_record(beats, &taker) {
            Some(record) => {
                slots["record"] = record.slots.clone();
                used.push(record);
                "record_and_miss"
            }
            None => "miss",
        }
    } else if let Some(comeback) = beats.top("comeback") {
        slots["comeback"] = comeback.slots.clone();
        slots["ten_men"] = json!(down_to_ten(a, beats, comeback));
        used.push(comeback);
        if let Some(late) = scored_late_winner(beats) {
            slots["late"] = late.slots.clone();
            used.push(late);
        }
        "comeback"
    } else if let Some(late) = scored_late_winner(beats) {
        hero(&mut slots, &mut used, a, late, "late");
        "late_winner"
    } else if let Some(record) = beats.of("record").find(|b| {
        matches!(
            b.slots["status"].as_str(),
            Some("record_equalled" | "record_broken")
        )
    }) {
        hero(&mut slots, &mut used, a, record, "record");
        "record"
    } else if let Some(shock) = beats.top("shock") {
        slots["shock"] = shock.slots.clone();
        used.push(shock);
        "result"
    } else if slots["goalless"] == json!(true) {
        "goalless"
    } else if slots["draw"] == json!(true) {
        "draw"
    } else {
        slots["shock"] = Value::Null;
        "result"
    };
    // Beats the opening carries in an optional slot count only if the
    // chosen variant uses that slot.
    let optional_slot = |b: &Beat| match b.rule {
        "knockout" => Some("eliminated"),
        "final_won" if kind == "final" => None,
        "final_won" => Some("final"),
        "brace" | "hat_trick" => Some("star"),
        "shock" => Some("shock"),
        "late_winner" if kind == "comeback" || kind == "final" => Some("late"),
        "extra_time_winner" => Some("late"),
        _ => None,
    };
    let optional: Vec<(&Beat, &'static str)> = used
        .iter()
        .filter_map(|b| optional_slot(b).map(|s| (*b, s)))
        .collect();
    // A match that went to extra time says so in its opening.
    let extra_time = a.m.result.after_extra_time.is_some();
    optional
        .into_iter()
        .fold(
            Planned::new(format!("lead/opening/{kind}"), slots, used),
            |p, (b, slot)| p.via(Some(b), slot),
        )
        .requiring("extra_time_played", extra_time)
}

/// Puts a beat's protagonist into the slots as `hero`, with the beat's
/// own slots under `key`.
fn hero<'b>(slots: &mut Value, used: &mut Vec<&'b Beat>, a: &Analysis, beat: &'b Beat, key: &str) {
    let player = beat.players.first().cloned();
    let team = player
        .as_deref()
        .and_then(|p| a.player(p))
        .map(|(_, side)| a.team(side).id.clone());
    slots["hero"] = json!(player);
    slots["hero_team"] = json!(team);
    slots[key] = beat.slots.clone();
    used.push(beat);
}

/// A brace or hat-trick by a player on the losing side (or in a draw).
fn star_of_the_losers<'b>(a: &Analysis, beats: &Beats<'b>) -> Option<&'b Beat> {
    let winner = a.m.result.winner;
    beats
        .of("hat_trick")
        .chain(beats.of("brace"))
        .find(|b| b.side.is_some() && b.side != winner)
}

/// True when the comeback side had a man sent off before its last goal.
fn down_to_ten(a: &Analysis, beats: &Beats, comeback: &Beat) -> bool {
    let side = comeback.side;
    let last_goal = comeback
        .evidence
        .iter()
        .filter_map(|id| index_of(a, id))
        .max();
    beats
        .of("red_card")
        .filter(|b| b.side == side)
        .filter_map(|b| first_event(a, b).map(|(i, _)| i))
        .any(|card| last_goal.is_some_and(|g| card < g))
}

/// Whether an event is a shoot-out kick.
fn in_shootout(a: &Analysis, id: &str) -> bool {
    a.m.events
        .iter()
        .any(|e| e.id == id && e.kind == EventType::ShootoutKick)
}

fn index_of(a: &Analysis, id: &str) -> Option<usize> {
    a.m.events.iter().position(|e| e.id == id)
}

/// The story after the opening, one sentence per beat, in match order.
pub fn story<'b>(a: &Analysis, beats: &Beats<'b>) -> Vec<Planned<'b>> {
    story_told(a, beats, &[]).0
}

/// The goal beats whose late or extra-time winner the opening told (the
/// ids in `told`): the opening named the scorer and the moment, so a
/// second sentence would tell the same goal again.
fn told_by_opening<'b>(beats: &Beats<'b>, told: &[String]) -> Vec<&'b Beat> {
    beats
        .of("late_winner")
        .chain(beats.of("extra_time_winner"))
        .filter(|w| told.contains(&w.id))
        .filter_map(|w| {
            beats
                .of("goal")
                .find(|g| g.evidence.first() == w.evidence.first())
        })
        .collect()
}

/// [`story`], leaving out the goals the opening told (returned apart).
///
/// Each goal is told by one sentence at most (see [`Tellers`]), and the
/// sentences run in match order: a goal's sentence at the goal, a burst
/// at its first goal, a feat at the goal that completed it, a card or a
/// save where it happened; the table and the rivalry after the play.
fn story_told<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    told: &[String],
) -> (Vec<Planned<'b>>, Vec<&'b Beat>) {
    let absorbed = told_by_opening(beats, told);
    let mut items: Vec<(usize, Planned<'b>)> = Vec::new();
    let grievance = beats.top("grievance");
    let in_grievance =
        |b: &Beat| grievance.is_some_and(|g| b.evidence.iter().all(|e| g.evidence.contains(e)));
    let (tallies, tallied) = scorers(a, beats);
    items.extend(tallies);
    let tellers = Tellers::of(a, beats, &absorbed, &tallied, told);
    tell_goals(a, beats, &tellers, &mut items);
    // What the result means in the table and the rivalry, after the play.
    for beat in beats
        .of("table")
        .filter(|b| b.side == a.m.result.winner || a.m.result.winner.is_none())
        .chain(beats.of("form"))
        .chain(beats.of("derby"))
    {
        items.push((
            a.m.events.len() + 1,
            Planned::new(
                format!("lead/beat/{}", beat.rule),
                beat.slots.clone(),
                vec![beat],
            ),
        ));
    }
    if let Some(g) = grievance {
        let claims: Vec<Value> = g
            .evidence
            .iter()
            .filter_map(|id| claim_detail(a, id))
            .collect();
        let mut slots = g.slots.clone();
        slots["details"] = json!(claims);
        let at = g
            .evidence
            .iter()
            .filter_map(|id| index_of(a, id))
            .min()
            .unwrap_or(0);
        let mut used = vec![g];
        used.extend(beats.of("var_decision").filter(|b| in_grievance(b)));
        items.push((at, Planned::new("lead/grievance", slots, used)));
    }
    // Told before the kick at the same moment: the review came first.
    let mut before_kick: Vec<(usize, Planned<'b>)> = Vec::new();
    for var in beats.of("var_decision").filter(|b| !in_grievance(b)) {
        let Some((i, e)) = first_event(a, var) else {
            continue;
        };
        let sentence = Planned::new("lead/var", var.slots.clone(), vec![var]);
        if e.kind == EventType::VarReview {
            items.push((i, sentence));
        } else if var.slots["decisive"] == true && e.kind.is_goal() {
            // A penalty given by VAR is told with the kick itself, unless
            // the decision settled the result: then the review is a
            // sentence of its own, just before the goal it gave.
            before_kick.push((i, sentence));
        }
    }
    items.splice(0..0, before_kick);
    for card in beats.of("red_card") {
        if let Some((i, _)) = first_event(a, card) {
            items.push((
                i,
                Planned::new("lead/red_card", card.slots.clone(), vec![card]),
            ));
        }
    }
    for miss in beats.of("decisive_penalty_miss") {
        if let Some((i, e)) = first_event(a, miss) {
            let mut planned = miss_sentence(a, miss, i, e);
            // The VAR decision that gave the penalty is told in the same sentence.
            planned.beats.extend(
                beats
                    .of("var_decision")
                    .filter(|b| b.evidence.first() == Some(&e.id)),
            );
            items.push((i, planned));
        }
    }
    // Near misses and saves, told where they happened; big chances only
    // when they decided nothing less than the result (a draw).
    let draw = a.m.result.winner.is_none();
    let rebound_saves: Vec<&String> = beats
        .of("penalty_saved_rebound")
        .flat_map(|b| &b.evidence)
        .collect();
    let near_misses = beats
        .of("woodwork")
        .map(|b| ("lead/woodwork", b))
        .chain(
            beats
                .of("goalkeeper_heroics")
                .filter(|b| b.slots["saves"].as_u64().unwrap_or(0) > 0)
                // Saves that were all penalties scored on the rebound
                // are told with the rebound.
                .filter(|b| {
                    !b.evidence
                        .iter()
                        .filter(|e| !in_shootout(a, e))
                        .all(|e| rebound_saves.contains(&e))
                })
                .map(|b| ("lead/keeper", b)),
        )
        .chain(
            beats
                .of("big_chances")
                .filter(|_| draw)
                .map(|b| ("lead/big_chances", b)),
        );
    for (message, beat) in near_misses {
        if let Some((i, e)) = first_event(a, beat) {
            let mut slots = beat.slots.clone();
            slots["minute"] = json!(e.minute);
            slots["added"] = json!(e.added);
            items.push((i, Planned::new(message, slots, vec![beat])));
        }
    }
    if let Some(shootout) = beats.top("shootout") {
        let mut slots = shootout.slots.clone();
        slots["result"] = result_slots(a);
        items.push((
            a.m.events.len(),
            Planned::new("lead/shootout", slots, vec![shootout]),
        ));
    }
    items.sort_by_key(|(i, _)| *i);
    (items.into_iter().map(|(_, p)| p).collect(), absorbed)
}

/// More goals than this by one side are told by scorer, most goals
/// first ("Morgan scored five, Lavelle and Mewis two each..."), not one
/// by one: a lead that lists a rout goal by goal is a list, not a story.
pub const MAX_GOALS_TOLD_IN_TURN: usize = 6;

/// Which sentence tells each goal after the opening, so that none is told
/// twice. In order of precedence: the opening (a late or extra-time
/// winner it named); a side's tally of scorers (a rout); a burst of goals,
/// which names every scorer and the score it left (unless one of its goals
/// is decisive or already told: then each is told on its own); a
/// hat-trick, which tells the goal that completed it unless that goal
/// opened the scoring, levelled, put a side ahead or decided the match
/// (such a goal keeps its own sentence and the feat follows it); a
/// substitute's first goal or a rebound, which tell their goal unless
/// another sentence does (then a sentence of their own, `lead/angle/..`,
/// tells only how the goal came, where it came); and every other goal,
/// its own sentence.
struct Tellers<'b> {
    /// Goal beats some sentence other than their own tells.
    owned: Vec<&'b Beat>,
    /// Bursts to tell, each with the goal beats it tells.
    bursts: Vec<(&'b Beat, Vec<&'b Beat>)>,
    /// Feats and angles to tell (a hat-trick, a substitute's goal, a
    /// rebound), each with the goal beat it tells and where it is told.
    angles: Vec<(&'b Beat, Option<&'b Beat>, usize)>,
}

impl<'b> Tellers<'b> {
    /// Decides who tells which goal, `absorbed` and `tallied` being the
    /// goals the opening and the sides' tallies told, and `told` the beats
    /// the opening told.
    fn of(
        a: &Analysis,
        beats: &Beats<'b>,
        absorbed: &[&'b Beat],
        tallied: &[&'b Beat],
        told: &[String],
    ) -> Self {
        let decisive: Vec<&str> = beats
            .of("late_winner")
            .chain(beats.of("extra_time_winner"))
            .filter_map(|b| b.evidence.first().map(String::as_str))
            .collect();
        let is_decisive = |g: &Beat| {
            g.evidence
                .first()
                .is_some_and(|e| decisive.contains(&e.as_str()))
        };
        let goal_of = |id: &String| beats.of("goal").find(|g| g.evidence.first() == Some(id));
        let mut t = Tellers {
            owned: absorbed.iter().chain(tallied).copied().collect(),
            bursts: Vec::new(),
            angles: Vec::new(),
        };
        for burst in beats.of("goal_flurry") {
            let goals: Vec<&Beat> = burst.evidence.iter().filter_map(goal_of).collect();
            if goals.iter().any(|g| t.has(g) || is_decisive(g)) {
                continue;
            }
            t.owned.extend(&goals);
            t.bursts.push((burst, goals));
        }
        for feat in beats.of("hat_trick") {
            // The opening or a side's tally told the feat already.
            let in_tally = feat
                .evidence
                .first()
                .and_then(goal_of)
                .is_some_and(|g| tallied.iter().any(|x| std::ptr::eq(*x, g)));
            if told.contains(&feat.id) || in_tally {
                continue;
            }
            let completing = feat.evidence.get(2).and_then(goal_of);
            let plain = completing.filter(|g| {
                !t.has(g)
                    && !is_decisive(g)
                    && !matches!(
                        g.slots["state"].as_str(),
                        Some("opener" | "equaliser" | "go_ahead")
                    )
            });
            let at = completing
                .and_then(|g| first_event(a, g))
                .map(|(i, _)| i)
                .or_else(|| feat.evidence.iter().filter_map(|id| index_of(a, id)).max())
                .unwrap_or(0);
            t.owned.extend(plain);
            t.angles.push((feat, plain, at));
        }
        let mut subs_told: Vec<&str> = Vec::new();
        for beat in beats
            .of("substitute_scorer")
            .chain(beats.of("penalty_saved_rebound"))
        {
            if beat.rule == "substitute_scorer" {
                // A substitute is told once, at the first goal.
                let who = beat.players.first().map_or("", String::as_str);
                if subs_told.contains(&who) {
                    continue;
                }
                subs_told.push(who);
            }
            let goal = beats.of("goal").find(|g| {
                g.evidence
                    .first()
                    .is_some_and(|id| beat.evidence.contains(id))
            });
            let Some((goal, (at, _))) = goal.and_then(|g| Some((g, first_event(a, g)?))) else {
                continue;
            };
            // Told by another sentence (a burst, the opening): the angle
            // follows it, telling only how the goal came.
            let told = t.has(goal);
            if !told {
                t.owned.push(goal);
            }
            t.angles.push((beat, (!told).then_some(goal), at));
        }
        t
    }

    /// Whether a sentence other than the goal's own tells it.
    fn has(&self, goal: &Beat) -> bool {
        self.owned.iter().any(|g| std::ptr::eq(*g, goal))
    }
}

/// The goals, bursts, feats and angles, each told once where it happened
/// (see [`Tellers`]).
fn tell_goals<'b>(
    a: &Analysis,
    beats: &Beats<'b>,
    t: &Tellers<'b>,
    items: &mut Vec<(usize, Planned<'b>)>,
) {
    for goal in beats.of("goal").filter(|g| !t.has(g)) {
        if let Some((i, _)) = first_event(a, goal) {
            items.push((i, goal_sentence(a, beats, goal)));
        }
    }
    for (burst, goals) in &t.bursts {
        let at = goals
            .iter()
            .filter_map(|g| first_event(a, g).map(|(i, _)| i))
            .min()
            .unwrap_or(0);
        let mut used = vec![*burst];
        used.extend(goals);
        items.push((
            at,
            Planned::new("lead/beat/goal_flurry", burst.slots.clone(), used),
        ));
    }
    for (beat, goal, at) in &t.angles {
        let mut slots = beat.slots.clone();
        let mut used = vec![*beat];
        used.extend(*goal);
        if beat.rule == "substitute_scorer" {
            slots["score"] = goal.map_or(Value::Null, |g| g.slots["score"].clone());
        }
        // A substitute or a rebound whose goal another sentence told says
        // only how the goal came; a hat-trick is the feat either way.
        let kind = if goal.is_none() && beat.rule != "hat_trick" {
            "angle"
        } else {
            "beat"
        };
        items.push((
            *at,
            Planned::new(format!("lead/{kind}/{}", beat.rule), slots, used),
        ));
    }
}

/// The goals of each side that scored more than
/// [`MAX_GOALS_TOLD_IN_TURN`], told in one sentence by scorer (most goals
/// first, then by first goal), set at the side's first goal; with the goal
/// beats they tell. The sentence tells the side's hat-tricks and braces
/// too: "scored five" is the feat.
fn scorers<'b>(a: &Analysis, beats: &Beats<'b>) -> (Vec<(usize, Planned<'b>)>, Vec<&'b Beat>) {
    let mut items = Vec::new();
    let mut tallied = Vec::new();
    for side in [Side::Home, Side::Away] {
        let team = &a.team(side).id;
        let goals: Vec<&Beat> = beats
            .of("goal")
            .filter(|g| g.slots["team"].as_str() == Some(team))
            .collect();
        if goals.len() <= MAX_GOALS_TOLD_IN_TURN {
            continue;
        }
        let mut by_player: Vec<(String, usize, usize)> = Vec::new();
        let mut own_goals = 0;
        for g in &goals {
            let at = first_event(a, g).map_or(0, |(i, _)| i);
            let player = g.slots["player"].as_str().unwrap_or_default();
            if g.slots["own_goal"] == true {
                own_goals += 1;
            } else if let Some(p) = by_player.iter_mut().find(|p| p.0 == player) {
                p.1 += 1;
                p.2 = p.2.min(at);
            } else {
                by_player.push((player.to_string(), 1, at));
            }
        }
        by_player.sort_by_key(|(_, count, first)| (std::cmp::Reverse(*count), *first));
        let mut groups: Vec<Value> = Vec::new();
        for (count, players) in by_player.chunk_by(|x, y| x.1 == y.1).map(|c| (c[0].1, c)) {
            let names: Vec<&str> = players.iter().map(|p| p.0.as_str()).collect();
            groups.push(json!({"count": count, "players": names}));
        }
        let at = goals
            .iter()
            .filter_map(|g| first_event(a, g).map(|(i, _)| i))
            .min()
            .unwrap_or(0);
        let mut used: Vec<&Beat> = goals.clone();
        used.extend(
            beats
                .of("hat_trick")
                .chain(beats.of("brace"))
                .filter(|b| b.slots["team"].as_str() == Some(team)),
        );
        let slots = json!({"team": team, "groups": groups, "own_goals": own_goals});
        items.push((at, Planned::new("lead/scorers", slots, used)));
        tallied.extend(goals);
    }
    (items, tallied)
}

/// What a rejected claim was: the claim, who was fouled, and by whom.
fn claim_detail(a: &Analysis, id: &str) -> Option<Value> {
    let e = a.m.events.iter().find(|e| e.id == id)?;
    let about_goal = e
        .about
        .as_deref()
        .and_then(|g| a.m.events.iter().find(|x| x.id == g))
        .is_some_and(|g| g.kind.is_goal());
    Some(json!({
        "reviewed": e.kind == EventType::VarReview,
        "claim": e.claim,
        "fouled": e.fouled,
        "opponent": e.opponent,
        "about_goal": about_goal,
        "minute": e.minute,
    }))
}

/// A goal, with a record it completed and whether it was the late winner.
fn goal_sentence<'b>(a: &Analysis, beats: &Beats<'b>, goal: &'b Beat) -> Planned<'b> {
    let mut slots = goal.slots.clone();
    let mut used = vec![goal];
    let goal_id = goal.evidence.first().cloned().unwrap_or_default();
    let event = a.m.events.iter().find(|e| e.id == goal_id);
    let team = slots["team"].as_str().unwrap_or_default().to_string();
    slots["standing"] = json!(standing(a, &team));
    slots["conceding"] = json!(a.team(a.side_of_team(&team).other()).id);
    slots["placement"] = json!(event.and_then(|e| e.placement));
    slots["has_manager"] = json!(a.team(a.side_of_team(&team)).manager.is_some());
    slots["distance"] = json!(event.and_then(|e| e.distance_yards));
    slots["fouled"] = json!(event.and_then(|e| e.fouled.clone()));
    slots["opponent"] = json!(event.and_then(|e| e.opponent.clone()));
    slots["flank"] = json!(event.and_then(|e| e.flank));
    slots["assist_type"] = json!(event.and_then(|e| e.assist_type));
    if let Some(record) = beats
        .of("record")
        .filter(|b| b.evidence.contains(&goal_id))
        .find(|b| {
            matches!(
                b.slots["status"].as_str(),
                Some("record_equalled" | "record_broken")
            ) && b.slots["counts"] == "goals"
        })
    {
        slots["record"] = record.slots.clone();
        used.push(record);
    } else {
        slots["record"] = Value::Null;
    }
    used.extend(
        beats
            .of("own_goal")
            .filter(|b| b.evidence.first() == Some(&goal_id)),
    );
    let state = slots["state"].as_str().unwrap_or("other").to_string();
    let message = match scored_late_winner(beats).filter(|l| l.evidence.contains(&goal_id)) {
        Some(late) => {
            slots["minutes_left"] = late.slots["minutes_left"].clone();
            used.push(late);
            "lead/goal/late_winner".to_string()
        }
        None if matches!(state.as_str(), "opener" | "equaliser" | "go_ahead") => {
            format!("lead/goal/{state}")
        }
        None => "lead/goal/other".to_string(),
    };
    let record = used.iter().copied().find(|b| b.rule == "record");
    let own_goal = event.is_some_and(|e| e.kind == EventType::OwnGoal);
    Planned::new(message, slots, used)
        .via(record, "record")
        .requiring("own_goal", own_goal)
}

/// The decisive miss, with how the penalty came about and whether the
/// taker had already taken one.
fn miss_sentence<'b>(
    a: &Analysis,
    miss: &'b Beat,
    index: usize,
    e: &crate::model::Event,
) -> Planned<'b> {
    let mut slots = miss.slots.clone();
    let earlier = a.m.events[..index]
        .iter()
        .any(|x| x.kind.is_penalty_kick() && x.player == e.player);
    slots["earlier_penalty"] = json!(earlier);
    slots["via_var"] = json!(e.via_var);
    slots["added_in"] = json!(crate::beats::added_in(e));
    slots["fouled"] = json!(e.fouled);
    slots["opponent"] = json!(e.opponent);
    let side: Side = a.side_of_team(&e.team);
    slots["has_manager"] = json!(a.team(side).manager.is_some());
    Planned::new("lead/decisive_miss", slots, vec![miss])
}
