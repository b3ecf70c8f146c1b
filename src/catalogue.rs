//! Every message the code can ask the phrasebank for, and the slots each
//! receives.
//!
//! Section writers and the planner name messages; this list is the
//! contract between them and the phrasebank. `beatwriter lint` checks that
//! each has a neutral variant and that every variable a template uses is
//! one of its message's slots. In debug builds the realiser checks that
//! every slot a message is given is declared here, so the list cannot go
//! stale: the test suite renders every fixture in every tone and
//! perspective.

use crate::phrasebank::helpers::TONE_SLOT;

/// Message ids with the top-level slots each receives, grouped by section.
/// Every message also receives [`TONE_SLOT`] (the tone's name, for house style).
/// A partisan file (`message@for`, `message@against`) receives the slots of
/// its base message.
#[rustfmt::skip]
pub const MESSAGES: &[(&str, &[&str])] = &[
    // Headings: the title names the teams and the score; section headings take no slots.
    ("heading/title", &["home", "away", "score", "shootout"]),
    ("heading/talking_point", &[]),
    ("heading/player_of_match", &[]),
    ("heading/ratings", &[]),
    ("heading/highlights", &[]),
    ("heading/key_stats", &[]),
    // The lead: its opening, one per kind of story (the result, `eliminated`,
    // and the beats that frame it).
    ("lead/opening/record_and_miss", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "hero", "hero_team", "miss", "record",
    ]),
    ("lead/opening/miss", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "hero", "hero_team", "miss",
    ]),
    ("lead/opening/comeback", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "comeback", "ten_men", "late",
    ]),
    ("lead/opening/late_winner", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "hero", "hero_team", "late",
    ]),
    ("lead/opening/record", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "hero", "hero_team", "record",
    ]),
    ("lead/opening/final", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "late",
    ]),
    ("lead/opening/shootout", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "star",
    ]),
    ("lead/opening/goalless", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "team", "opponent",
    ]),
    ("lead/opening/draw", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "team", "opponent",
    ]),
    ("lead/opening/result", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue",
        "eliminated", "shock",
    ]),
    // The lead's story.
    ("lead/goal/opener", &[
        "player", "team", "minute", "added", "score", "state", "header", "long_range", "set_piece",
        "penalty", "own_goal", "assist", "standing", "conceding", "placement", "has_manager",
        "distance", "fouled", "opponent", "flank", "assist_type", "record",
    ]),
    ("lead/goal/equaliser", &[
        "player", "team", "minute", "added", "score", "state", "header", "long_range", "set_piece",
        "penalty", "own_goal", "assist", "standing", "conceding", "placement", "has_manager",
        "distance", "fouled", "opponent", "flank", "assist_type", "record",
    ]),
    ("lead/goal/go_ahead", &[
        "player", "team", "minute", "added", "score", "state", "header", "long_range", "set_piece",
        "penalty", "own_goal", "assist", "standing", "conceding", "placement", "has_manager",
        "distance", "fouled", "opponent", "flank", "assist_type", "record",
    ]),
    ("lead/goal/other", &[
        "player", "team", "minute", "added", "score", "state", "header", "long_range", "set_piece",
        "penalty", "own_goal", "assist", "standing", "conceding", "placement", "has_manager",
        "distance", "fouled", "opponent", "flank", "assist_type", "record",
    ]),
    ("lead/goal/late_winner", &[
        "player", "team", "minute", "added", "score", "state", "header", "long_range", "set_piece",
        "penalty", "own_goal", "assist", "standing", "conceding", "placement", "has_manager",
        "distance", "fouled", "opponent", "flank", "assist_type", "record", "minutes_left",
    ]),
    ("lead/grievance", &["team", "count", "claims", "details"]),
    ("lead/var", &[
        "team", "claim", "decision", "overturned", "via_var", "fouled", "opponent", "minute",
        "added", "decisive",
    ]),
    ("lead/red_card", &[
        "player", "team", "minute", "added", "second_yellow", "score_at_card", "goals_for_after",
        "goals_against_after", "won_anyway", "added_in",
    ]),
    ("lead/decisive_miss", &[
        "player", "team", "minute", "added", "minutes_left", "cost", "outcome", "goalkeeper",
        "earlier_penalty", "via_var", "fouled", "opponent", "has_manager", "added_in",
    ]),
    ("lead/woodwork", &["team", "count", "players", "minute", "added"]),
    ("lead/keeper", &["player", "team", "saves", "penalty_saves", "shootout_saves", "minute", "added"]),
    ("lead/big_chances", &["team", "count", "players", "minute", "added"]),
    ("lead/shootout", &["winner", "score", "kicks", "misses", "saves", "wayward", "result"]),
    ("lead/next_fixture", &["team", "opponent", "stage", "weekday", "date"]),
    // Talking Point support: the evidence for its point, one message per
    // kind of beat, and two drawn from the result (src/plan/talking_point.rs).
    ("talking/support/scoreline", &["team", "opponent", "led", "ever_led", "trailed", "goals_for", "goals_against"]),
    ("talking/support/stats", &["team", "opponent", "shots", "shots_against", "possession", "xg", "xg_against"]),
    ("talking/support/xg", &["team", "opponent", "xg", "xg_against"]),
    ("talking/support/comeback", &["team", "deficit", "outcome"]),
    ("talking/support/hat_trick", &["player", "team", "count", "kind", "minute", "added", "span", "penalties"]),
    ("talking/support/brace", &["player", "team", "count", "kind"]),
    ("talking/support/late_winner", &["player", "team", "minute", "added", "minutes_left", "score", "own_goal"]),
    ("talking/support/extra_time_winner", &["player", "team", "minute", "added", "score", "own_goal"]),
    ("talking/support/shock", &["winner", "loser", "winner_ranking", "loser_ranking", "loser_standing"]),
    ("talking/support/big_chances", &["team", "count", "players"]),
    ("talking/support/goalkeeper_heroics", &["player", "team", "saves", "penalty_saves", "shootout_saves"]),
    ("talking/support/woodwork", &["team", "count", "players"]),
    ("talking/support/goal_flurry", &["team", "scorers", "count", "from_minute", "to_minute", "span", "score"]),
    ("talking/support/substitute_scorer", &["player", "team", "minute", "added", "on_minute", "on_added", "replaced"]),
    ("talking/support/shootout", &["winner", "score", "kicks", "misses", "saves", "wayward"]),
    ("talking/support/penalty_saved_rebound", &["player", "team", "minute", "added", "goalkeeper", "scorer", "same_player", "score"]),
    ("talking/support/milestone", &["team", "player", "what", "since"]),
    ("talking/support/aggregate", &["team", "winner", "loser", "winner_goals", "loser_goals", "leg", "level", "away_goals"]),
    ("talking/support/table", &["team", "opponent", "position_before", "position_after", "points_before", "points_after", "gap", "ahead", "moved", "top"]),
    ("talking/support/form", &["team", "kind", "run"]),
    // Must-tell and context beats, one message per rule: told when the
    // opening and the story did not tell them (src/plan/story.rs).
    ("lead/beat/hat_trick", &["player", "team", "count", "kind", "minute", "added", "span", "penalties"]),
    ("lead/beat/extra_time_winner", &["player", "team", "minute", "added", "score", "own_goal"]),
    ("lead/beat/late_winner", &["player", "team", "minute", "added", "minutes_left", "score", "own_goal"]),
    ("lead/beat/final_won", &["team", "winner", "loser", "competition", "decided_by"]),
    ("lead/beat/milestone", &["team", "player", "what", "since"]),
    ("lead/beat/aggregate", &["team", "winner", "loser", "winner_goals", "loser_goals", "leg", "level", "away_goals"]),
    ("lead/beat/shock", &["winner", "loser", "winner_ranking", "loser_ranking", "loser_standing"]),
    ("lead/beat/comeback", &["team", "deficit", "outcome"]),
    ("lead/beat/knockout", &["team", "outcome", "stage", "next"]),
    ("lead/beat/record", &["status", "player", "team", "counts", "scope", "note", "before", "after", "added", "record", "holders"]),
    ("lead/beat/penalty_saved_rebound", &["player", "team", "minute", "added", "goalkeeper", "scorer", "same_player", "score"]),
    ("lead/beat/substitute_scorer", &["player", "team", "minute", "added", "on_minute", "on_added", "replaced", "score"]),
    ("lead/beat/goal_flurry", &["team", "scorers", "count", "from_minute", "to_minute", "span", "score"]),
    // A side's many goals told by scorer: groups of players with the same count, most first.
    ("lead/scorers", &["team", "groups", "own_goals"]),
    // A substitute's goal or a rebound whose goal another sentence told: the circumstance alone.
    ("lead/angle/substitute_scorer", &["player", "team", "minute", "added", "on_minute", "on_added", "replaced", "score"]),
    // The holders out of a group: their defence ended.
    ("lead/beat/title_defence", &["team", "title", "last_retained_by", "last_retained_year", "status"]),
    ("lead/angle/penalty_saved_rebound", &["player", "team", "minute", "added", "goalkeeper", "scorer", "same_player", "score"]),
    ("lead/beat/table", &["team", "opponent", "position_before", "position_after", "points_before", "points_after", "gap", "ahead", "moved", "top"]),
    ("lead/beat/form", &["team", "kind", "run"]),
    ("lead/beat/derby", &["derby", "winner", "loser"]),
    ("lead/beat/own_goal", &["player", "team", "minute", "added", "conceding", "score"]),
    // Talking Point.
    ("talking/headline", &[
        "winner", "loser", "home", "away", "draw", "goalless", "winner_goals", "loser_goals",
        "extra_time", "shootout", "stage", "knockout", "final", "competition", "venue", "team",
        "won", "tp_eliminated", "comeback",
    ]),
    ("talking/quiet_star", &["player", "team", "team_won", "team_lost"]),
    ("talking/what_if", &["team", "has_manager", "grievance", "miss", "eliminated"]),
    ("talking/progression", &["team", "history", "miss", "final", "stage"]),
    ("talking/red_card", &[
        "player", "team", "minute", "added", "second_yellow", "score_at_card", "goals_for_after",
        "goals_against_after", "won_anyway", "added_in",
    ]),
    ("talking/title_defence", &[
        "team", "title", "last_retained_by", "last_retained_year", "status",
    ]),
    ("talking/title_retained", &[
        "team", "title", "last_retained_by", "last_retained_year", "status",
    ]),
    // Player of the match.
    ("player_of_match/name", &["player", "team"]),
    ("player_of_match/reason", &[
        "player", "team", "goals", "assists", "winning_goal", "header", "record", "rival", "won",
        "rating", "reasons",
    ]),
    ("player_of_match/duel", &[
        "player", "team", "goals", "assists", "winning_goal", "header", "record", "rival", "won",
        "rating", "reasons",
    ]),
    // Data sections: Match Highlights take every slot an event can fill.
    ("ratings/team", &["team", "starters", "subs"]),
    ("ratings/computed", &[]),
    ("highlight/goal", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/own_goal", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/penalty_awarded", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/penalty_scored", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/penalty_missed", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/penalty_saved", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/var_review", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/chance", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/save", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/woodwork", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/yellow", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/second_yellow", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/red", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/disallowed_goal", &[
        "id", "minute", "added", "period", "team", "opponent_team", "home", "away", "is_home",
        "score", "score_before", "goal_state", "minutes_left", "player", "assist", "fouled",
        "goalkeeper", "replaced", "opponent", "body_part", "header", "distance", "set_piece",
        "assist_type", "flank", "placement", "outcome", "style", "via_var", "claim", "decision",
        "overturned", "reason",
    ]),
    ("highlight/shootout", &["home", "away", "score", "winner", "kicks"]),
    ("key_stats/record_equalled", &[
        "status", "player", "team", "counts", "scope", "note", "before", "after", "added",
        "record", "holders",
    ]),
    ("key_stats/record_broken", &[
        "status", "player", "team", "counts", "scope", "note", "before", "after", "added",
        "record", "holders",
    ]),
    ("key_stats/record_extended", &[
        "status", "player", "team", "counts", "scope", "note", "before", "after", "added",
        "record", "holders",
    ]),
    ("key_stats/desk", &["text"]),
    // Written for a beaten side: what it can take from the match.
    ("talking/consolation", &["team", "player", "goals", "minute", "added"]),
    // Written for one side: a VAR call that went against it.
    ("talking/decision_against", &[
        "team", "claimant", "claim", "decision", "overturned", "minute", "added",
    ]),
    // Written for one side: the VAR calls against it the lead told, argued.
    ("talking/decisions_argued", &[
        "team", "opponent", "count", "ours_rejected", "theirs_upheld", "overturned", "missed",
    ]),
];

/// The prose messages whose variety the tones issue asks for: every lead
/// and Talking Point message (at least 4 neutral variants, 2 per other tone).
pub fn is_narrative(message: &str) -> bool {
    message.starts_with("lead/") || message.starts_with("talking/")
}

/// The message a phrasebank file serves, without a perspective suffix
/// (`lead/goal/opener@for` serves `lead/goal/opener`).
pub fn base_message(message: &str) -> &str {
    message.split('@').next().unwrap_or(message)
}

/// Every message id, in catalogue order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    MESSAGES.iter().map(|(id, _)| *id)
}

/// True when the code can ask for the message (a base id, no `@` suffix).
pub fn contains(message: &str) -> bool {
    MESSAGES.iter().any(|(id, _)| *id == message)
}

/// The slots a message (or a partisan file of it) receives, besides
/// [`TONE_SLOT`]; `None` for a message no code asks for.
pub fn slots(message: &str) -> Option<&'static [&'static str]> {
    let base = base_message(message);
    MESSAGES
        .iter()
        .find(|(id, _)| *id == base)
        .map(|(_, slots)| *slots)
}

/// True when `slot` is one the message receives: declared for it, or the
/// tone's digits setting every message gets.
pub fn has_slot(message: &str, slot: &str) -> bool {
    slot == TONE_SLOT || slots(message).is_some_and(|s| s.contains(&slot))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_and_each_of_its_slots_is_declared_once() {
        let mut seen = std::collections::HashSet::new();
        for (id, slots) in MESSAGES {
            assert!(seen.insert(*id), "{id} is declared twice");
            let unique: std::collections::HashSet<_> = slots.iter().collect();
            assert_eq!(unique.len(), slots.len(), "{id} declares a slot twice");
            assert!(!slots.contains(&TONE_SLOT), "{id}: {TONE_SLOT} is implied");
        }
    }

    #[test]
    fn partisan_files_share_their_messages_slots() {
        assert_eq!(slots("lead/goal/opener@for"), slots("lead/goal/opener"));
        assert!(has_slot("lead/next_fixture@against", "opponent"));
        assert!(has_slot("heading/ratings", TONE_SLOT));
        assert!(!has_slot("heading/ratings", "team"));
        assert_eq!(slots("lead/goal/opner"), None);
    }
}
