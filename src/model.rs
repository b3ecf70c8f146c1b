//! The native match format, `beatwriter/1`.
//!
//! These types are the schema: every struct denies unknown fields, so a typo
//! in a match file is an error with a line and column rather than a silently
//! dropped fact. `docs/schema.md` explains each field for the people who
//! write match files; `docs/match.schema.json` is the same contract as JSON
//! Schema, and a test checks every fixture against both.
//!
//! Conventions that hold throughout:
//! - Teams and players are referred to by the `id` their entry declares.
//! - An event's `player` always belongs to the event's `team`, except in an
//!   own goal, where `team` is the side credited with the goal and `player`
//!   the opponent who put the ball in his own net.
//! - Minutes are clock minutes as a reader sees them: `17` is "17'", and
//!   `minute: 45, added: 2` is "45+2'".

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema identifier every native match file must declare.
pub const SCHEMA_ID: &str = "beatwriter/1";

/// One football match with everything a report writer may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    /// Always [`SCHEMA_ID`]; lets later versions of the format coexist.
    pub schema: String,
    /// Where and when the match was played, and at what stage.
    #[serde(rename = "match")]
    pub fixture: Fixture,
    /// The two sides.
    pub teams: Teams,
    /// Scores kept apart by phase, and who won how.
    pub result: MatchResult,
    /// Everything that happened, in match order.
    pub events: Vec<Event>,
    /// Per-team statistics, when the desk or the feed has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stats: Option<Sides<TeamStats>>,
    /// Ratings out of ten by player id, when given by the desk.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, Rating>,
    /// Where the ratings came from: a desk's marks or a computed model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings_basis: Option<RatingsBasis>,
    /// Editorial facts the event data cannot hold.
    #[serde(default)]
    pub context: Context,
    /// The data provider a match was imported from, with its own ids, so
    /// an imported match can be traced back to the feed and credited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provider>,
    /// Kinds of event the `events` list holds in full (set by importers
    /// of complete feeds; absent in hand-typed files, whose lists hold only
    /// what the desk chose). Only a complete kind licenses a claim that
    /// something did not happen ("did not register an attempt").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complete: Vec<Coverage>,
}

/// Where imported data came from: the provider, the credit its licence
/// asks for, and the provider's ids for the match, teams, players and
/// events (by their native ids).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The provider's name: "StatsBomb".
    pub name: String,
    /// The credit every output made from the data carries: "Data: StatsBomb".
    pub credit: String,
    /// The provider's match id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_id: Option<String>,
    /// Native team id → the provider's team id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub teams: BTreeMap<String, String>,
    /// Native player id → the provider's player id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub players: BTreeMap<String, String>,
    /// Native event id → the provider's event id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<String, String>,
}

/// A kind of event a feed can list in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Every shot: goals, chances, woodwork, penalties.
    Shots,
    /// Every save by a goalkeeper.
    Saves,
    /// Every yellow and red card.
    Cards,
    /// Every substitution.
    Substitutions,
}

/// The fixture's identity: competition, stage, date and place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    /// Competition as readers know it: "World Cup", "Premier League".
    pub competition: String,
    /// Season or edition: "2022", "2018-19".
    pub season: String,
    /// How far into the competition this match sits.
    pub stage: Stage,
    /// A finer label for the stage, such as "Group F" or "Matchday 5".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// Calendar date, `YYYY-MM-DD`.
    pub date: String,
    /// Stadium and city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Venue>,
    /// The referee's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referee: Option<String>,
    /// True when neither side plays at home (tournaments, cup finals).
    #[serde(default)]
    pub neutral: bool,
    /// Men's or women's football; absent means men's. Sets every player's
    /// grammatical gender unless the player gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<MatchGender>,
}

/// Whether a match is men's or women's football.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchGender {
    /// Men's football (the default).
    Men,
    /// Women's football.
    Women,
}

/// A person's grammatical gender, for pronouns ("he", "her").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// He, his, him, himself.
    Male,
    /// She, her, her, herself.
    Female,
}

impl Fixture {
    /// The grammatical gender of the match's players, unless a player
    /// gives their own.
    pub fn player_gender(&self) -> Gender {
        match self.gender {
            Some(MatchGender::Women) => Gender::Female,
            Some(MatchGender::Men) | None => Gender::Male,
        }
    }
}

/// Where a match was played.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// Stadium name.
    pub name: String,
    /// City or town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// The stage of a competition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// A league fixture.
    League,
    /// A tournament group match.
    Group,
    /// An early cup round with no standard name.
    Round,
    /// Last 32.
    #[serde(rename = "round_of_32")]
    RoundOf32,
    /// Last 16.
    #[serde(rename = "round_of_16")]
    RoundOf16,
    /// Last eight.
    QuarterFinal,
    /// Last four.
    SemiFinal,
    /// The match for third place.
    ThirdPlace,
    /// The final.
    Final,
    /// A friendly.
    Friendly,
}

impl Stage {
    /// True for ties that must produce a winner on the day.
    pub fn is_knockout(self) -> bool {
        matches!(
            self,
            Stage::Round
                | Stage::RoundOf32
                | Stage::RoundOf16
                | Stage::QuarterFinal
                | Stage::SemiFinal
                | Stage::ThirdPlace
                | Stage::Final
        )
    }
}

/// A pair of values, one for each side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sides<T> {
    /// The home side's value (the first-named side at a neutral ground).
    pub home: T,
    /// The away side's value.
    pub away: T,
}

/// The two teams.
pub type Teams = Sides<Team>;

/// Which of the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The home (first-named) side.
    Home,
    /// The away side.
    Away,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Home => Side::Away,
            Side::Away => Side::Home,
        }
    }
}

impl<T> Sides<T> {
    /// The value for one side.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Home => &self.home,
            Side::Away => &self.away,
        }
    }

    /// The value for one side, mutably.
    pub fn get_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Home => &mut self.home,
            Side::Away => &mut self.away,
        }
    }
}

/// One side: identity, how reporters refer to it, and its players.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Short stable id used by events, e.g. `"eng"`.
    pub id: String,
    /// Full name: "England".
    pub name: String,
    /// Abbreviation for tables and headers: "ENG".
    pub short_name: String,
    /// Names reporters use for variety: "the Three Lions".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nicknames: Vec<String>,
    /// Manager or head coach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<Person>,
    /// Standing descriptions true at kick-off: "world champions".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standing: Vec<String>,
    /// World ranking at kick-off (e.g. FIFA's), used to spot shocks; lower
    /// is stronger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<u16>,
    /// Every player who took part (and optionally unused substitutes).
    pub squad: Vec<Player>,
}

/// A named person who is not a player (a manager).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Full name: "Gareth Southgate".
    pub name: String,
    /// Surname for second mentions and possessives: "Southgate".
    pub surname: String,
    /// Grammatical gender; absent means male at a men's match and unknown
    /// at a women's match (the phrasebank then avoids a pronoun).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

/// One player in a squad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Player {
    /// Unique id across both squads, e.g. `"eng-kane"`.
    pub id: String,
    /// Full name for first mention: "Harry Kane".
    pub name: String,
    /// The full legal name, when a provider gives one that differs from
    /// `name` ("Lionel Andrés Messi Cuccittini"); kept, never printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Name as printed in line-ups and ratings: "Kane", "T. Hernandez".
    pub display: String,
    /// Surname for later mentions: "Kane".
    pub surname: String,
    /// The one name reporters use for every mention, first included, when
    /// the player goes by a single name: "Pedri", "Nani", "Marta".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_as: Option<String>,
    /// Shirt number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shirt: Option<u8>,
    /// Broad position.
    pub position: Position,
    /// Club as reporters name it in descriptions: "Spurs", "PSG".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub club: Option<String>,
    /// Wore the armband at kick-off.
    #[serde(default)]
    pub captain: bool,
    /// True for the starting eleven, false for substitutes.
    pub starter: bool,
    /// Grammatical gender, when it differs from the match's `gender`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

/// A broad playing position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Goalkeeper.
    Goalkeeper,
    /// Defender.
    Defender,
    /// Midfielder.
    Midfielder,
    /// Forward.
    Forward,
}

/// Scores kept apart by phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchResult {
    /// Score at half-time.
    pub half_time: Score,
    /// Score at the end of normal time (90 minutes plus added time).
    pub full_time: Score,
    /// Score after extra time, counting all 120 minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_extra_time: Option<Score>,
    /// Penalty shoot-out score, never added to the match score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shootout: Option<Score>,
    /// The winning side; absent for a draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<Side>,
    /// How the winner was decided; absent for a draw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<Decider>,
}

/// The most goals one side may score (or be given) in a match file.
pub const MAX_GOALS: u8 = 99;

/// Goals for each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Home goals.
    pub home: u8,
    /// Away goals.
    pub away: u8,
}

impl Score {
    /// The goals of one side.
    pub fn of(self, side: Side) -> u8 {
        match side {
            Side::Home => self.home,
            Side::Away => self.away,
        }
    }

    /// Adds a goal for one side. Saturates rather than wraps: a count past
    /// 255 stays wrong in the direction validation catches (it rejects any
    /// side above [`MAX_GOALS`]), never back to a plausible 0.
    pub fn add(&mut self, side: Side) {
        let goals = match side {
            Side::Home => &mut self.home,
            Side::Away => &mut self.away,
        };
        *goals = goals.saturating_add(1);
    }

    /// Which side leads, if either.
    pub fn leader(self) -> Option<Side> {
        match self.home.cmp(&self.away) {
            std::cmp::Ordering::Greater => Some(Side::Home),
            std::cmp::Ordering::Less => Some(Side::Away),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// How a winner was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decider {
    /// Within 90 minutes plus added time.
    NormalTime,
    /// In extra time.
    ExtraTime,
    /// On penalties.
    Shootout,
}

/// One thing that happened on the pitch.
///
/// The fields beyond `id`, `period`, `minute`, `added`, `team` and `type`
/// are optional in the file; which of them an event type requires is
/// enforced by validation and listed in `docs/schema.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id, cited as evidence by beats and sentences.
    pub id: String,
    /// 1 and 2 the halves, 3 and 4 extra time, 5 the shoot-out.
    pub period: u8,
    /// Clock minute as printed: 17 for 17', 45 for 45+2'. Omitted only in
    /// the shoot-out (period 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<u16>,
    /// Added minutes beyond the period's end: the 2 of 45+2'.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub added: u8,
    /// Id of the team the event belongs to (see module notes).
    pub team: String,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The main player, of `team` (an own goal's scorer excepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub player: Option<String>,
    /// The player who gave the assist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assist: Option<String>,
    /// The player who was fouled (who won a penalty or free kick).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fouled: Option<String>,
    /// The goalkeeper facing the shot or kick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goalkeeper: Option<String>,
    /// The player who went off (substitutions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<String>,
    /// The opposing player involved: who committed the foul, made the
    /// block, or was beaten to the ball.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opponent: Option<String>,
    /// Id of an earlier event this one answers, e.g. the goal a review
    /// concerned or the penalty award a kick took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// How the ball was struck.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_part: Option<BodyPart>,
    /// Distance of the shot from goal, in yards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_yards: Option<u8>,
    /// The set piece the move came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_piece: Option<SetPiece>,
    /// The kind of pass that made the chance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assist_type: Option<AssistType>,
    /// The wing the assist came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flank: Option<Flank>,
    /// Where the shot went in the goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<Placement>,
    /// What became of a shot that did not score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ShotOutcome>,
    /// Descriptive facts about the action, as reporters would note them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub style: Vec<Style>,
    /// Expected-goals value of the shot, when the feed gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xg: Option<f32>,
    /// For penalties: the award came after a VAR intervention.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub via_var: bool,
    /// For reviews and appeals: what `team` claimed or VAR checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    /// For reviews and appeals: whether the claim was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// For reviews: the referee's call on the field was changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overturned: bool,
    /// Why a card was shown or a goal was ruled out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Event {
    /// The minute as printed: "17'", "45+2'"; empty in a shoot-out.
    pub fn clock(&self) -> String {
        match (self.minute, self.added) {
            (None, _) => String::new(),
            (Some(m), 0) => format!("{m}'"),
            (Some(m), a) => format!("{m}+{a}'"),
        }
    }
}

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// A goal from open play or a set piece (not a penalty).
    Goal,
    /// An own goal: `team` is credited, `player` (an opponent) put it in.
    OwnGoal,
    /// A penalty given to `team`; `fouled` won it, `opponent` conceded it.
    PenaltyAwarded,
    /// A penalty converted by `player`.
    PenaltyScored,
    /// A penalty that missed the target (`outcome` says how).
    PenaltyMissed,
    /// A penalty saved by `goalkeeper`.
    PenaltySaved,
    /// A VAR review of `claim`, decided as `decision`.
    VarReview,
    /// A claim by `team` that the referee turned down without a review.
    Appeal,
    /// A shot or opening that did not score.
    Chance,
    /// A notable save: `player` is the goalkeeper, `opponent` the shooter.
    Save,
    /// A shot that hit the post or bar.
    Woodwork,
    /// A yellow card.
    Yellow,
    /// A second yellow card, and so a sending-off.
    SecondYellow,
    /// A straight red card.
    Red,
    /// `player` came on for `replaced`.
    Substitution,
    /// A notable foul by `player` on `fouled`.
    Foul,
    /// A goal ruled out (`reason` says why).
    DisallowedGoal,
    /// A kick in a penalty shoot-out (period 5).
    ShootoutKick,
}

impl EventType {
    /// True for the types that change the score.
    pub fn is_goal(self) -> bool {
        matches!(
            self,
            EventType::Goal | EventType::OwnGoal | EventType::PenaltyScored
        )
    }

    /// True for a penalty kick in play (not a shoot-out kick).
    pub fn is_penalty_kick(self) -> bool {
        matches!(
            self,
            EventType::PenaltyScored | EventType::PenaltyMissed | EventType::PenaltySaved
        )
    }

    /// True for the types that send a player off.
    pub fn is_sending_off(self) -> bool {
        matches!(self, EventType::SecondYellow | EventType::Red)
    }
}

/// The part of the body that struck the ball.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyPart {
    /// Left foot.
    LeftFoot,
    /// Right foot.
    RightFoot,
    /// Head.
    Head,
    /// Anything else.
    Other,
}

/// The set piece a move came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetPiece {
    /// A corner kick.
    Corner,
    /// A free kick taken as a pass or cross.
    FreeKick,
    /// A free kick shot directly at goal.
    DirectFreeKick,
    /// A throw-in.
    ThrowIn,
}

/// The kind of pass behind a chance or goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistType {
    /// A cross from wide.
    Cross,
    /// A pass played in behind the defence.
    ThroughBall,
    /// A ball pulled back from the byline.
    Cutback,
    /// A ground pass.
    Pass,
    /// A header on to a team-mate.
    Header,
    /// A long ball.
    LongBall,
}

/// A wing of the pitch, from the attacking team's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flank {
    /// The left wing.
    Left,
    /// The right wing.
    Right,
}

/// Where a shot went in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Low, inside a post.
    BottomCorner,
    /// High, inside a post.
    TopCorner,
    /// Inside a post, height unknown.
    Corner,
    /// Through the middle.
    Centre,
    /// Into the roof of the net.
    Roof,
}

/// What became of a shot that did not score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShotOutcome {
    /// Kept out by the goalkeeper.
    Saved,
    /// Wide of a post.
    Wide,
    /// Over the bar.
    Over,
    /// Blocked or cut out by a defender.
    Blocked,
    /// Hit the post.
    Post,
    /// Hit the crossbar.
    Bar,
    /// Scored (shoot-out kicks).
    Scored,
}

/// Descriptive facts about an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// A curling shot.
    Curled,
    /// A low, driven shot.
    Low,
    /// A powerful strike.
    Powerful,
    /// Struck first time.
    FirstTime,
    /// A volley.
    Volley,
    /// A chip or lob.
    Chip,
    /// From almost on the goal line.
    TapIn,
    /// Deflected on its way.
    Deflected,
    /// Only just off target.
    JustWide,
    /// The goalkeeper dived the wrong way.
    KeeperWrongWay,
    /// A solo run before the shot.
    SoloRun,
    /// A first-class delivery for the chance.
    FineDelivery,
}

/// What a team claimed or VAR checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// A penalty for `team`.
    Penalty,
    /// A goal for `team` to stand.
    Goal,
    /// A red card for an opponent.
    RedCard,
    /// A foul by the opponent, e.g. in the build-up to a goal.
    Foul,
}

/// Whether a claim was granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The claim was granted.
    Upheld,
    /// The claim was turned down.
    Rejected,
}

/// Why a card was shown or a goal ruled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A foul.
    Foul,
    /// Handball.
    Handball,
    /// Offside.
    Offside,
    /// Dissent.
    Dissent,
    /// Time-wasting.
    TimeWasting,
    /// Denying an obvious goalscoring opportunity.
    DenyingGoal,
    /// Violent conduct.
    ViolentConduct,
    /// Simulation.
    Simulation,
    /// Injury (substitutions).
    Injury,
    /// A tactical change (substitutions).
    Tactical,
}

/// A desk's rating: a mark out of ten, or "n/a" for a cameo.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Rating {
    /// A mark out of ten; halves allowed.
    Mark(f32),
    /// Too brief an appearance to rate, written `"n/a"`.
    NotRated(NotRated),
}

/// Where a match's ratings came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingsBasis {
    /// Marks given by a desk (the default when `ratings` is present).
    Desk,
    /// Computed from event data by `beatwriter::ratings`.
    Computed,
}

/// The literal `"n/a"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotRated {
    /// Not rated.
    #[serde(rename = "n/a")]
    NA,
}

/// Per-team statistics; every figure optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamStats {
    /// Share of possession, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub possession: Option<u8>,
    /// Shots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shots: Option<u16>,
    /// Shots on target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shots_on_target: Option<u16>,
    /// Expected goals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xg: Option<f32>,
    /// Corners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corners: Option<u16>,
    /// Fouls committed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fouls: Option<u16>,
    /// Offsides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offsides: Option<u16>,
    /// Passes attempted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passes: Option<u32>,
}

/// Editorial context: facts from before kick-off that events cannot hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Records a player could reach in this match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Record>,
    /// Each team's recent finishes in major tournaments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Finish>,
    /// Players the pre-match talk was about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus_players: Vec<String>,
    /// A title holder's defence, and who last managed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_defence: Option<TitleDefence>,
    /// The next match for a side that goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_fixture: Option<NextFixture>,
    /// Key stats written by the desk, printed as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_stats: Vec<String>,
    /// First-evers this match achieved, as the desk words them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The first leg, when this match is the second leg of a two-legged tie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregate: Option<Aggregate>,
    /// Each side's league position and points before (and after) the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Sides<TableRow>>,
    /// Each side's run of results going into the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Sides<Form>>,
    /// The derby this match is, by the name readers know it by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derby: Option<String>,
    /// Where each side stands in the competition at the final whistle,
    /// when the result alone does not settle it (a group decided with this
    /// match): out, or through. Added to `beatwriter/1` after the format's
    /// first release; files without it keep their meaning (nothing is said
    /// of who went on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_outcome: Option<RoundOutcome>,
}

/// Each side's standing in the competition after a match whose result
/// alone does not decide it; a side not given is not known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundOutcome {
    /// The home side's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Advance>,
    /// The away side's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away: Option<Advance>,
}

impl RoundOutcome {
    /// One side's outcome, if known.
    pub fn of(&self, side: Side) -> Option<Advance> {
        match side {
            Side::Home => self.home,
            Side::Away => self.away,
        }
    }
}

/// Whether a side goes on in the competition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Advance {
    /// Out of the competition.
    Eliminated,
    /// Into the next round.
    Through,
}

/// A first-ever a side or player reached in this match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Team id or player id of who reached it.
    pub who: String,
    /// What it is, as a phrase after "the first": `"African side to reach a World Cup semi-final"`.
    pub what: String,
    /// When the last comparable thing happened, or since when none had: `"1966"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// What must happen in this match for it to count.
    #[serde(default = "Milestone::default_requires")]
    pub requires: MilestoneCondition,
}

impl Milestone {
    fn default_requires() -> MilestoneCondition {
        MilestoneCondition::Win
    }
}

/// What a milestone needs from the match: a desk writes it before
/// kick-off, and beatwriter claims it only if the result delivers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneCondition {
    /// The side wins (or, for a player, his side wins).
    Win,
    /// The side avoids defeat.
    Unbeaten,
    /// The player scores.
    Goal,
    /// Nothing: it holds whatever happens (a first appearance).
    Played,
}

/// The first leg of a two-legged tie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    /// The first leg's score, keyed by THIS match's home and away sides.
    pub first_leg: Score,
    /// Who went through, when the aggregate score alone does not say
    /// (away goals, or a shoot-out after a level aggregate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<Side>,
}

/// A side's place in a league table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// League position before kick-off (1 is top).
    pub position_before: u16,
    /// League position after the match, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_after: Option<u16>,
    /// Points before kick-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_before: Option<u16>,
}

/// A side's run of results before this match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Matches unbeaten going into this one (0 if the last was lost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unbeaten: Option<u16>,
    /// Matches without a win going into this one (0 if the last was won).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winless: Option<u16>,
}

/// A record: a tally a player could reach or pass in this match.
///
/// The player's tally after the match is `before` plus what the events
/// show (goals, assists or penalties scored), so a record is never claimed
/// on the desk's word alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Unique id, cited as evidence.
    pub id: String,
    /// The player whose tally this is.
    pub player: String,
    /// What is counted.
    pub counts: Tally,
    /// What the record is of, as a phrase: "England's men's senior side".
    pub scope: String,
    /// A qualifier printed in brackets: "excluding shoot-outs".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The player's tally before kick-off.
    pub before: u16,
    /// The record figure at kick-off.
    pub record: u16,
    /// Who else held the record at kick-off, with their figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<Holder>,
}

/// What a record counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tally {
    /// Goals, penalties included, own goals not.
    Goals,
    /// Penalties scored in play.
    Penalties,
    /// Assists.
    Assists,
}

/// Another holder of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// Full name.
    pub name: String,
    /// Surname for later mentions.
    pub surname: String,
    /// Their figure.
    pub value: u16,
}

/// How far a team went in an earlier tournament.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finish {
    /// Team id.
    pub team: String,
    /// The tournament as named: "Euro 2020", "the 2018 World Cup".
    pub tournament: String,
    /// Host country, for "in Russia".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// How far they went.
    pub reached: Reached,
}

/// How far a team went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reached {
    /// Out in the group stage.
    GroupStage,
    /// Out in the last 16.
    #[serde(rename = "round_of_16")]
    RoundOf16,
    /// Out in the quarter-finals.
    QuarterFinal,
    /// Out in the semi-finals.
    SemiFinal,
    /// Lost the final.
    RunnerUp,
    /// Won it.
    Winner,
}

/// A holder defending a title, and the last side to retain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleDefence {
    /// The holders' team id.
    pub team: String,
    /// The title: "World Cup".
    pub title: String,
    /// The last side to retain it: "Brazil".
    pub last_retained_by: String,
    /// The year they did: 1962.
    pub last_retained_year: u16,
}

/// The next match for one of the sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextFixture {
    /// Team id of the side that plays next.
    pub team: String,
    /// The opponent's name.
    pub opponent: String,
    /// The stage of the next match.
    pub stage: Stage,
    /// Date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Day of the week, for "on Wednesday".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// Venue name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
}

/// The snake_case name serde gives an enum value.
pub fn enum_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
