//! The StatsBomb open-data files as serde types: only the fields the
//! importer uses. Everything else (freeze frames, carries' end points,
//! 360 data) is skipped without being built, which is what makes typed
//! parsing cheaper than a `serde_json::Value`.

use serde::Deserialize;

/// An `{ "id": .., "name": .. }` pair, the shape StatsBomb uses for
/// teams, players, types and outcomes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Named {
    /// StatsBomb's numeric id.
    pub id: u64,
    /// The name as StatsBomb spells it.
    pub name: String,
}

/// One event of `<match_id>_events.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    /// A UUID, unique within the match.
    pub id: String,
    /// 1-based order in the file.
    pub index: u32,
    /// 1-2 halves, 3-4 extra time, 5 shoot-out.
    pub period: u8,
    /// Elapsed minutes (continuous: period 2 starts at 45).
    pub minute: u16,
    /// Seconds within the minute.
    pub second: u16,
    /// The event type ("Pass", "Shot", ...).
    #[serde(rename = "type")]
    pub kind: Named,
    /// How the possession began ("From Corner", ...).
    // Parsed so a malformed value is reported, though no rule reads it yet.
    #[allow(dead_code)]
    #[serde(default)]
    pub play_pattern: Option<Named>,
    /// The team the event belongs to.
    pub team: Named,
    /// The player, when the event has one.
    #[serde(default)]
    pub player: Option<Named>,
    /// The player's position at the time.
    #[serde(default)]
    pub position: Option<Named>,
    /// `[x, y]` on a 120x80-yard pitch, attacking towards x = 120.
    #[serde(default)]
    pub location: Option<Vec<f32>>,
    /// Ids of events linked to this one (a shot and its keeper's save).
    #[serde(default)]
    pub related_events: Vec<String>,
    /// Pass details.
    #[serde(default)]
    pub pass: Option<Pass>,
    /// Shot details.
    #[serde(default)]
    pub shot: Option<Shot>,
    /// Foul details, including a card.
    #[serde(default)]
    pub foul_committed: Option<Foul>,
    /// Foul-won details.
    // Parsed so a malformed value is reported, though no rule reads it yet.
    #[allow(dead_code)]
    #[serde(default)]
    pub foul_won: Option<Foul>,
    /// Cards outside fouls (dissent and the like).
    #[serde(default)]
    pub bad_behaviour: Option<Foul>,
    /// Substitution details.
    #[serde(default)]
    pub substitution: Option<Substitution>,
    /// Starting XI and tactical shifts.
    #[serde(default)]
    pub tactics: Option<Tactics>,
    /// Goalkeeper actions.
    #[serde(default)]
    pub goalkeeper: Option<Typed>,
    /// Duels (tackles, aerials).
    #[serde(default)]
    pub duel: Option<Typed>,
}

/// A sub-object with an optional type and outcome.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Typed {
    /// The kind ("Shot Saved", "Tackle", ...).
    #[serde(default, rename = "type")]
    pub kind: Option<Named>,
    /// What came of it.
    #[serde(default)]
    pub outcome: Option<Named>,
}

/// Pass details.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Pass {
    /// "Corner", "Free Kick", "Throw-in", ... (absent for open play).
    #[serde(default, rename = "type")]
    pub kind: Option<Named>,
    /// Absent for a completed pass.
    #[serde(default)]
    pub outcome: Option<Named>,
    /// The pass was the assist for a goal.
    #[serde(default)]
    pub goal_assist: bool,
    /// The pass led to a shot.
    // Parsed so a malformed value is reported, though no rule reads it yet.
    #[allow(dead_code)]
    #[serde(default)]
    pub shot_assist: bool,
    /// A cross.
    #[serde(default)]
    pub cross: bool,
    /// A through ball.
    #[serde(default)]
    pub through_ball: bool,
    /// A cut-back.
    #[serde(default)]
    pub cut_back: bool,
    /// "Ground Pass", "Low Pass", "High Pass".
    #[serde(default)]
    pub height: Option<Named>,
    /// The body part.
    #[serde(default)]
    pub body_part: Option<Named>,
}

/// Shot details.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Shot {
    /// StatsBomb's expected-goals value.
    #[serde(default)]
    pub statsbomb_xg: Option<f32>,
    /// "Goal", "Saved", "Off T", "Post", "Wayward", "Blocked", ... Some
    /// older feeds leave it out of a shot; the importer reports that shot
    /// on its own rather than refusing the whole file.
    #[serde(default)]
    pub outcome: Option<Named>,
    /// "Open Play", "Penalty", "Free Kick", "Corner", "Kick Off".
    #[serde(rename = "type")]
    pub kind: Named,
    /// "Head", "Left Foot", "Right Foot", "Other".
    #[serde(default)]
    pub body_part: Option<Named>,
    /// "Volley", "Lob", ...
    #[serde(default)]
    pub technique: Option<Named>,
    /// The id of the pass that made the shot.
    #[serde(default)]
    pub key_pass_id: Option<String>,
    /// Struck first time.
    #[serde(default)]
    pub first_time: bool,
    /// `[x, y, z]` where the ball ended.
    #[serde(default)]
    pub end_location: Option<Vec<f32>>,
}

impl Shot {
    /// The outcome's name, or "" when the feed gave none.
    pub fn outcome_name(&self) -> &str {
        self.outcome.as_ref().map_or("", |o| o.name.as_str())
    }
}

/// Fouls, won fouls and bad behaviour share these fields.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Foul {
    /// "Yellow Card", "Second Yellow", "Red Card".
    #[serde(default)]
    pub card: Option<Named>,
    /// The foul gave (or won) a penalty.
    #[serde(default)]
    pub penalty: bool,
}

/// Substitution details: the event's player goes off.
#[derive(Debug, Clone, Deserialize)]
pub struct Substitution {
    /// "Tactical" or "Injury".
    #[serde(default)]
    pub outcome: Option<Named>,
    /// The player coming on.
    pub replacement: Named,
}

/// Starting XI and tactical shifts.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Tactics {
    /// The players and their positions.
    #[serde(default)]
    pub lineup: Vec<TacticsEntry>,
}

/// One player in a Starting XI.
#[derive(Debug, Clone, Deserialize)]
pub struct TacticsEntry {
    /// The player.
    pub player: Named,
    /// The position.
    pub position: Named,
    /// Shirt number.
    // Parsed so a malformed value is reported, though no rule reads it yet.
    #[allow(dead_code)]
    #[serde(default)]
    pub jersey_number: Option<u8>,
}

/// One team of `<match_id>_lineups.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct LineupTeam {
    /// StatsBomb team id.
    pub team_id: u64,
    /// Team name.
    pub team_name: String,
    /// Every player in the matchday squad.
    pub lineup: Vec<LineupPlayer>,
}

/// One player in a line-up.
#[derive(Debug, Clone, Deserialize)]
pub struct LineupPlayer {
    /// StatsBomb player id.
    pub player_id: u64,
    /// The long (legal) name, as events spell it.
    pub player_name: String,
    /// The short name readers know, when StatsBomb has one.
    #[serde(default)]
    pub player_nickname: Option<String>,
    /// Shirt number.
    #[serde(default)]
    pub jersey_number: Option<u8>,
    /// The player's country, which tells the naming tradition (one-word
    /// playing names in Spain, Portugal and Brazil; double surnames in
    /// Spanish-speaking countries).
    #[serde(default)]
    pub country: Option<Named>,
    /// Positions played (newer files only).
    #[serde(default)]
    pub positions: Vec<LineupPosition>,
}

/// A position in a newer line-up file.
#[derive(Debug, Clone, Deserialize)]
pub struct LineupPosition {
    /// The position's name.
    pub position: String,
    /// "Starting XI" for starters.
    #[serde(default)]
    pub start_reason: Option<String>,
}

/// The match's entry from a matches file.
#[derive(Debug, Clone, Deserialize)]
pub struct MatchInfo {
    /// StatsBomb match id.
    pub match_id: u64,
    /// `YYYY-MM-DD`.
    pub match_date: String,
    /// The competition.
    pub competition: Competition,
    /// The season.
    pub season: Season,
    /// The home side.
    pub home_team: HomeTeam,
    /// The away side.
    pub away_team: AwayTeam,
    /// Home goals.
    #[serde(default)]
    pub home_score: Option<u8>,
    /// Away goals.
    #[serde(default)]
    pub away_score: Option<u8>,
    /// The matchweek, for "Matchday 5".
    #[serde(default)]
    pub match_week: Option<u16>,
    /// "Regular Season", "Group Stage", "Final", ...
    #[serde(default)]
    pub competition_stage: Option<Named>,
    /// The ground.
    #[serde(default)]
    pub stadium: Option<Named>,
    /// The referee.
    #[serde(default)]
    pub referee: Option<Named>,
}

/// A competition.
#[derive(Debug, Clone, Deserialize)]
pub struct Competition {
    /// "La Liga".
    pub competition_name: String,
}

/// A season.
#[derive(Debug, Clone, Deserialize)]
pub struct Season {
    /// "2018/2019".
    pub season_name: String,
}

/// The home team of a match entry.
#[derive(Debug, Clone, Deserialize)]
pub struct HomeTeam {
    /// StatsBomb team id.
    pub home_team_id: u64,
    /// Team name.
    pub home_team_name: String,
    /// "male" or "female", when the file says.
    #[serde(default)]
    pub home_team_gender: Option<String>,
    /// Managers (usually one).
    #[serde(default)]
    pub managers: Vec<Manager>,
}

/// The away team of a match entry.
#[derive(Debug, Clone, Deserialize)]
pub struct AwayTeam {
    /// StatsBomb team id.
    pub away_team_id: u64,
    /// Team name.
    pub away_team_name: String,
    /// Managers (usually one).
    #[serde(default)]
    pub managers: Vec<Manager>,
}

/// A manager.
#[derive(Debug, Clone, Deserialize)]
pub struct Manager {
    /// Legal name.
    pub name: String,
    /// Short name, when StatsBomb has one.
    #[serde(default)]
    pub nickname: Option<String>,
}
