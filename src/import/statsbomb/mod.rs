//! The StatsBomb open-data importer.
//!
//! Reads `<id>_events.json`, `<id>_lineups.json` and, optionally, the
//! match's entry from a matches file, and builds a validated native
//! [`Match`]. The mapping, by concern:
//!
//! - [`raw`]: the StatsBomb files as serde types (only the fields used);
//! - [`clock`]: elapsed minutes to the clock readers see;
//! - [`lineups`]: squads and names;
//! - [`events`]: goals, penalties, cards, substitutions, highlights;
//! - [`stats`]: team statistics and player tallies for [`crate::ratings`];
//! - [`consistency`]: checks across the files.
//!
//! `docs/statsbomb.md` describes the mapping for users.

pub(crate) mod clock;
pub(crate) mod consistency;
pub(crate) mod events;
pub(crate) mod lineups;
pub(crate) mod raw;
pub(crate) mod stats;

use super::{ImportOptions, Imported, display, parse, read};
use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::{
    Context, Coverage, Decider, Event, Fixture, Match, MatchGender, MatchResult, RatingsBasis,
    SCHEMA_ID, Score, Sides, Stage, Venue,
};
use std::collections::{HashMap, HashSet};

/// Imports one StatsBomb match from files; see the module notes and
/// `docs/statsbomb.md`.
pub fn import(opts: &ImportOptions) -> Result<Imported> {
    let named =
        |path: &std::path::Path| -> Result<(String, String)> { Ok((display(path), read(path)?)) };
    let events = named(&opts.events)?;
    let lineups = named(&opts.lineups)?;
    let match_entry = opts.match_file.as_deref().map(named).transpose()?;
    let context = opts.context.as_deref().map(named).transpose()?;
    fn text(f: &(String, String)) -> (&str, &str) {
        (&f.0, &f.1)
    }
    import_feed(&Feed {
        events: text(&events),
        lineups: text(&lineups),
        match_entry: match_entry.as_ref().map(text),
        context: context.as_ref().map(text),
        lenient: opts.lenient,
    })
}

/// A StatsBomb feed already in memory (a request body, an archive): each
/// file as (the name errors give it, its JSON text).
#[derive(Debug, Clone, Copy)]
pub struct Feed<'a> {
    /// The events file.
    pub events: (&'a str, &'a str),
    /// The line-ups file.
    pub lineups: (&'a str, &'a str),
    /// The match's entry from the matches file (a one-element array).
    pub match_entry: Option<(&'a str, &'a str)>,
    /// Editorial context to merge in (the native `context` object).
    pub context: Option<(&'a str, &'a str)>,
    /// Consistency problems become warnings instead of errors.
    pub lenient: bool,
}

/// Imports one StatsBomb match from texts already in memory: the same
/// mapping and checks as [`import`], without touching the file system.
pub fn import_feed(feed: &Feed) -> Result<Imported> {
    let (events_file, events_text) = feed.events;
    let raw_events: Vec<raw::Event> = parse(
        events_file,
        events_text,
        "a StatsBomb events file (an array of events)",
    )?;
    let (lineups_file, lineups_text) = feed.lineups;
    let lineups: Vec<raw::LineupTeam> = parse(
        lineups_file,
        lineups_text,
        "a StatsBomb line-ups file (an array of two teams)",
    )?;
    let info = match feed.match_entry {
        Some((file, text)) => {
            let mut entries: Vec<raw::MatchInfo> =
                parse(file, text, "a StatsBomb match entry (a one-element array)")?;
            no_duplicate_keys(file, text)?;
            if entries.len() != 1 {
                return Err(Error::single(
                    ErrorKind::Shape,
                    file,
                    Diagnostic::new(
                        "",
                        format!("{} match entries; expected exactly one", entries.len()),
                    ),
                ));
            }
            Some((file.to_string(), text.to_string(), entries.remove(0)))
        }
        None => None,
    };
    from_parts(feed, events_text, raw_events, lineups_file, lineups, info)
}

/// The import once the files are parsed.
fn from_parts(
    feed: &Feed,
    events_text: &str,
    raw_events: Vec<raw::Event>,
    lineups_file: &str,
    lineups: Vec<raw::LineupTeam>,
    info: Option<(String, String, raw::MatchInfo)>,
) -> Result<Imported> {
    let events_file = feed.events.0.to_string();
    let mut warnings = Vec::new();
    if lineups.len() != 2 {
        return Err(Error::single(
            ErrorKind::Shape,
            lineups_file,
            Diagnostic::new("", format!("{} teams; expected two", lineups.len())),
        ));
    }

    // Consistency of the events with the line-ups.
    let mut problems = consistency::events(&raw_events, &lineups);
    if !problems.is_empty() {
        consistency::locate_all(events_text, &mut problems);
        settle(feed.lenient, &events_file, problems, &mut warnings)?;
    }

    // Home and away: the match file says; else the first Starting XI.
    let starting: Vec<u64> = raw_events
        .iter()
        .filter(|e| e.kind.name == "Starting XI")
        .map(|e| e.team.id)
        .collect();
    let home_id =
        match &info {
            Some((_, _, i)) => i.home_team.home_team_id,
            None => {
                let id = starting.first().copied().unwrap_or(lineups[0].team_id);
                warnings.push(format!(
                "no match file: {} taken as the home side (the first Starting XI in the events)",
                lineups.iter().find(|t| t.team_id == id).map_or("?", |t| &t.team_name)
            ));
                id
            }
        };
    let Some(home_index) = lineups.iter().position(|t| t.team_id == home_id) else {
        return Err(Error::single(
            ErrorKind::Invalid,
            lineups_file,
            Diagnostic::new(
                "",
                format!("the home team (id {home_id}) is not in the line-ups"),
            ),
        ));
    };
    let order = [&lineups[home_index], &lineups[1 - home_index]];
    if let Some((file, _, i)) = &info
        && i.away_team.away_team_id != order[1].team_id
    {
        return Err(Error::single(
            ErrorKind::Invalid,
            file.clone(),
            Diagnostic::new(
                "[0].away_team.away_team_id",
                format!(
                    "away team {} is not in the line-ups",
                    i.away_team.away_team_id
                ),
            ),
        ));
    }

    // What the events say about each player.
    let mut seen: HashMap<u64, lineups::Seen> = HashMap::new();
    for e in &raw_events {
        if let Some(t) = e.tactics.as_ref().filter(|_| e.kind.name == "Starting XI") {
            for p in &t.lineup {
                let s = seen.entry(p.player.id).or_default();
                s.starter = true;
                s.appears = true;
                s.position.get_or_insert_with(|| p.position.name.clone());
            }
        }
        if let Some(p) = &e.player {
            let s = seen.entry(p.id).or_default();
            s.appears = true;
            if let Some(pos) = &e.position {
                s.position.get_or_insert_with(|| pos.name.clone());
            }
        }
        if let Some(sub) = &e.substitution {
            seen.entry(sub.replacement.id).or_default().appears = true;
        }
    }
    let mut used = HashSet::new();
    let mut known = HashMap::new();
    let mut home = lineups::squad(order[0], 0, &seen, &mut used, &mut known, &mut warnings);
    let mut away = lineups::squad(order[1], 1, &seen, &mut used, &mut known, &mut warnings);
    if away.id == home.id {
        away.id = format!("{}-2", away.id);
    }

    let team_side: HashMap<u64, usize> = [(order[0].team_id, 0), (order[1].team_id, 1)].into();
    let by_id = raw_events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let ctx = events::Ctx {
        raw: &raw_events,
        by_id,
        known: &known,
        team_side: team_side.clone(),
        team_ids: [home.id.clone(), away.id.clone()],
    };
    let converted = events::convert(&ctx);
    warnings.extend(converted.warnings);
    let native = converted.events;

    // Nothing that changes the score, a card or the pitch is lost.
    let mut problems = consistency::dropped(&raw_events, &native, &known, &team_side);
    if !problems.is_empty() {
        consistency::locate_all(events_text, &mut problems);
        settle(feed.lenient, &events_file, problems, &mut warnings)?;
    }

    // The result from the events, checked against the match file, and
    // always against the feed's own goal events.
    let counted = crate::analysis::EventScores::count(&native, &home.id);
    let by_phase = [
        counted.half_time,
        counted.full_time,
        counted.after_extra_time,
    ];
    let shootout = counted.shootout;
    let extra_time = native.iter().any(|e| matches!(e.period, 3 | 4))
        || raw_events.iter().any(|e| matches!(e.period, 3 | 4));
    let shootout_played = counted.shootout_played;
    let goals = consistency::feed_goals(&raw_events, &team_side);
    let problems = consistency::feed_score(goals, by_phase[2]);
    settle(feed.lenient, &events_file, problems, &mut warnings)?;
    if let Some((file, text, i)) = &info {
        let mut problems = consistency::score(i, by_phase[2]);
        if !problems.is_empty() {
            consistency::locate_all(text, &mut problems);
            settle(feed.lenient, file, problems, &mut warnings)?;
        }
    }
    let result = result(by_phase, extra_time, shootout_played.then_some(shootout));

    // Fixture.
    let fixture = match &info {
        Some((_, _, i)) => {
            home.manager = i.home_team.managers.first().map(lineups::manager);
            away.manager = i.away_team.managers.first().map(lineups::manager);
            swapped(
                feed.lenient,
                info.as_ref(),
                // The feed's own names: the printed ones drop "Women's".
                [&order[0].team_name, &order[1].team_name],
                &mut warnings,
            )?;
            let stage_name = i.competition_stage.as_ref().map(|s| s.name.as_str());
            Fixture {
                competition: i.competition.competition_name.clone(),
                season: season(&i.season.season_name),
                stage: stage(stage_name.unwrap_or("Regular Season")),
                round: match (stage_name, i.match_week) {
                    (Some("Regular Season") | None, Some(w)) => Some(format!("Matchday {w}")),
                    (Some(s), _) if stage(s) == Stage::Group => Some(s.to_string()),
                    _ => None,
                },
                date: i.match_date.clone(),
                venue: i.stadium.as_ref().map(|s| Venue {
                    name: s.name.clone(),
                    city: None,
                }),
                referee: i.referee.as_ref().map(|r| r.name.clone()),
                neutral: false,
                gender: match_gender(i.home_team.home_team_gender.as_deref()),
            }
        }
        None => {
            warnings.push(
                "no match file: competition, date and venue are unknown (date set to 1900-01-01)"
                    .to_string(),
            );
            Fixture {
                competition: "Unknown competition".to_string(),
                season: String::new(),
                stage: Stage::League,
                round: None,
                date: "1900-01-01".to_string(),
                venue: None,
                referee: None,
                neutral: false,
                gender: None,
            }
        }
    };

    let stats = stats::team_stats(&raw_events, &team_side);
    let performances = stats::performances(&raw_events, &known);
    let ratings = crate::ratings::rate_all(&performances);

    let context = match feed.context {
        Some((file, text)) => {
            let context = parse::<Context>(file, text, "an editorial context object")?;
            no_duplicate_keys(file, text)?;
            context
        }
        None => Context::default(),
    };

    let teams = [
        (home.id.clone(), order[0].team_id),
        (away.id.clone(), order[1].team_id),
    ];
    let provider = provider_ids(&raw_events, &native, &known, teams, &info);
    let m = Match {
        schema: SCHEMA_ID.to_string(),
        fixture,
        teams: Sides { home, away },
        result,
        events: native,
        stats: Some(stats),
        ratings_basis: (!ratings.is_empty()).then_some(RatingsBasis::Computed),
        ratings,
        context,
        provider: Some(provider),
        // The feed lists every card and substitution and the importer keeps
        // them all; it keeps only the notable shots and saves, so those
        // lists are not complete and cannot prove an absence.
        complete: vec![Coverage::Cards, Coverage::Substitutions],
    };
    let problems = crate::input::validate::validate(&m);
    if !problems.is_empty() {
        let mut diagnostics = into_feed(problems, &m.events, &raw_events);
        consistency::locate_all(events_text, &mut diagnostics);
        return Err(Error {
            kind: ErrorKind::Invalid,
            file: events_file,
            diagnostics,
        });
    }
    Ok(Imported {
        m,
        warnings,
        ignored: converted.ignored,
    })
}

/// Validation problems of the converted match, pointed back into the feed:
/// a problem with `events[k]` becomes one with the feed event `events[k]`
/// came from (its position in the file, index and id); others keep their
/// path in the converted match, marked so.
fn into_feed(problems: Vec<Diagnostic>, native: &[Event], raw: &[raw::Event]) -> Vec<Diagnostic> {
    let by_index: HashMap<u32, usize> = raw.iter().enumerate().map(|(i, e)| (e.index, i)).collect();
    let source = |k: usize| -> Option<usize> {
        let id = native.get(k)?.id.strip_prefix("sb")?;
        let index = id.split('-').next()?.parse().ok()?;
        by_index.get(&index).copied()
    };
    problems
        .into_iter()
        .map(|d| {
            let native_event = d
                .path
                .strip_prefix("events[")
                .and_then(|rest| rest.split(']').next())
                .and_then(|k| k.parse::<usize>().ok());
            match native_event.and_then(|k| source(k).map(|i| (k, i))) {
                Some((k, i)) => Diagnostic::new(
                    format!("[{i}]"),
                    format!(
                        "{}: {} (as imported, at {})",
                        consistency::cite(&raw[i]),
                        d.message,
                        d.path.replacen(&format!("events[{k}]"), "event", 1)
                    ),
                ),
                None => Diagnostic::new(
                    "",
                    format!("in the imported match, at {}: {}", d.path, d.message),
                ),
            }
        })
        .collect()
}

/// The match file's team names agree with the line-ups' names for the
/// ids it gives: ids swapped between home and away (or a team under the
/// wrong id) would put every goal on the wrong side of the score line.
fn swapped(
    lenient: bool,
    info: Option<&(String, String, raw::MatchInfo)>,
    names: [&str; 2],
    warnings: &mut Vec<String>,
) -> Result<()> {
    let Some((file, text, i)) = info else {
        return Ok(());
    };
    let mut problems = Vec::new();
    for (path, given, id, lineup) in [
        (
            "[0].home_team",
            &i.home_team.home_team_name,
            i.home_team.home_team_id,
            names[0],
        ),
        (
            "[0].away_team",
            &i.away_team.away_team_name,
            i.away_team.away_team_id,
            names[1],
        ),
    ] {
        if given.trim() != lineup.trim() {
            problems.push(Diagnostic::new(
                path,
                format!(
                    "the match file names team {id} \"{given}\" but the line-ups call team {id} \"{lineup}\"; expected the same team under the same id (are home and away swapped?)"
                ),
            ));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    consistency::locate_all(text, &mut problems);
    settle(lenient, file, problems, warnings)
}

/// A small file a desk may edit by hand (the match entry, a context file)
/// has no key twice: the parser would keep the last without a word.
fn no_duplicate_keys(file: &str, text: &str) -> Result<()> {
    let diagnostics = crate::input::duplicate_keys(text);
    if diagnostics.is_empty() {
        return Ok(());
    }
    Err(Error {
        kind: ErrorKind::Invalid,
        file: file.to_string(),
        diagnostics,
    })
}

/// Errors by default; warnings (formatted like errors) when lenient.
fn settle(
    lenient: bool,
    file: &str,
    problems: Vec<Diagnostic>,
    warnings: &mut Vec<String>,
) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    let error = Error {
        kind: ErrorKind::Invalid,
        file: file.to_string(),
        diagnostics: problems,
    };
    if !lenient {
        return Err(error);
    }
    warnings.extend(error.to_string().lines().map(str::to_string));
    Ok(())
}

/// The native result from goals by phase (first half, normal time, 120
/// minutes) and an optional shoot-out score.
fn result(by_phase: [Score; 3], extra_time: bool, shootout: Option<Score>) -> MatchResult {
    let full_time = by_phase[1];
    let after_extra_time = extra_time.then_some(by_phase[2]);
    let (winner, decided_by) = match (full_time.leader(), after_extra_time, shootout) {
        (Some(w), _, _) => (Some(w), Some(Decider::NormalTime)),
        (None, Some(aet), s) => match (aet.leader(), s) {
            (Some(w), _) => (Some(w), Some(Decider::ExtraTime)),
            (None, Some(s)) => (s.leader(), s.leader().map(|_| Decider::Shootout)),
            (None, None) => (None, None),
        },
        (None, None, Some(s)) => (s.leader(), s.leader().map(|_| Decider::Shootout)),
        (None, None, None) => (None, None),
    };
    MatchResult {
        half_time: by_phase[0],
        full_time,
        after_extra_time,
        shootout,
        winner,
        decided_by,
    }
}

/// "2018/2019" → "2018-19"; other spellings unchanged.
pub fn season(name: &str) -> String {
    match name.split_once('/') {
        Some((a, b)) if a.len() == 4 && b.len() == 4 => format!("{a}-{}", &b[2..]),
        _ => name.to_string(),
    }
}

/// Men's or women's football from the match file's `home_team_gender`
/// ("male" or "female"); absent or unknown leaves the default (men's).
pub fn match_gender(gender: Option<&str>) -> Option<MatchGender> {
    match gender? {
        "female" => Some(MatchGender::Women),
        "male" => Some(MatchGender::Men),
        _ => None,
    }
}

/// The native stage for a StatsBomb `competition_stage` name.
pub fn stage(name: &str) -> Stage {
    match name {
        "Regular Season" => Stage::League,
        "Group Stage" => Stage::Group,
        "Round of 16" => Stage::RoundOf16,
        "Quarter-finals" => Stage::QuarterFinal,
        "Semi-finals" => Stage::SemiFinal,
        "3rd Place Final" => Stage::ThirdPlace,
        "Final" => Stage::Final,
        n if n.starts_with("Round of 32") => Stage::RoundOf32,
        n if n.contains("Friendly") => Stage::Friendly,
        _ => Stage::Round,
    }
}

/// StatsBomb's own ids for the match, teams, players and events, by native
/// id, and the credit its licence asks for.
fn provider_ids(
    raw_events: &[raw::Event],
    native: &[crate::model::Event],
    known: &HashMap<u64, lineups::Known>,
    teams: [(String, u64); 2],
    info: &Option<(String, String, raw::MatchInfo)>,
) -> crate::model::Provider {
    let by_index: HashMap<String, &str> = raw_events
        .iter()
        .map(|e| (format!("sb{}", e.index), e.id.as_str()))
        .collect();
    crate::model::Provider {
        name: "StatsBomb".to_string(),
        credit: "Data: StatsBomb".to_string(),
        match_id: info.as_ref().map(|(_, _, i)| i.match_id.to_string()),
        teams: teams
            .into_iter()
            .map(|(native, sb)| (native, sb.to_string()))
            .collect(),
        players: known
            .iter()
            .map(|(sb, k)| (k.id.clone(), sb.to_string()))
            .collect(),
        events: native
            .iter()
            .filter_map(|e| Some((e.id.clone(), by_index.get(&e.id)?.to_string())))
            .collect(),
    }
}
