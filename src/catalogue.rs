//! Every message the code can ask the phrasebank for.
//!
//! Section writers and the planner name messages; this list is the
//! contract between them and the phrasebank. `beatwriter lint` checks that
//! each has a neutral variant, and a test checks that every message a
//! report actually uses is listed here, so the list cannot go stale.

/// Message ids, grouped by section.
pub const MESSAGES: &[&str] = &[
    // Headings.
    "heading/title",
    "heading/talking_point",
    "heading/player_of_match",
    "heading/ratings",
    "heading/highlights",
    "heading/key_stats",
    // The lead: its opening, one per kind of story.
    "lead/opening/record_and_miss",
    "lead/opening/miss",
    "lead/opening/comeback",
    "lead/opening/late_winner",
    "lead/opening/record",
    "lead/opening/shootout",
    "lead/opening/goalless",
    "lead/opening/draw",
    "lead/opening/result",
    // The lead's story.
    "lead/goal/opener",
    "lead/goal/equaliser",
    "lead/goal/go_ahead",
    "lead/goal/other",
    "lead/goal/late_winner",
    "lead/grievance",
    "lead/var",
    "lead/red_card",
    "lead/decisive_miss",
    "lead/woodwork",
    "lead/keeper",
    "lead/big_chances",
    "lead/shootout",
    "lead/next_fixture",
    // Talking Point.
    "talking/headline",
    "talking/quiet_star",
    "talking/what_if",
    "talking/progression",
    "talking/red_card",
    "talking/title_defence",
    "talking/title_retained",
    // Player of the match.
    "player_of_match/name",
    "player_of_match/reason",
    // Data sections.
    "ratings/team",
    "highlight/goal",
    "highlight/own_goal",
    "highlight/penalty_awarded",
    "highlight/penalty_scored",
    "highlight/penalty_missed",
    "highlight/penalty_saved",
    "highlight/var_review",
    "highlight/chance",
    "highlight/save",
    "highlight/woodwork",
    "highlight/yellow",
    "highlight/second_yellow",
    "highlight/red",
    "highlight/disallowed_goal",
    "highlight/shootout",
    "key_stats/record_equalled",
    "key_stats/record_broken",
    "key_stats/record_extended",
    "key_stats/desk",
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
