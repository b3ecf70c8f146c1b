//! Resolves the reference markers left by the referring helpers, in
//! reading order: a player's full name on first mention and his surname
//! after; a team's name first and a nickname for variety later.

use crate::analysis::Analysis;
use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::{Gender, MatchGender};
use crate::phrasebank::helpers::{MARK_CLOSE, MARK_OPEN, MARK_SEP, RefKind, possessive};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

/// Who has been mentioned so far in the current scope.
#[derive(Debug, Default, Clone)]
pub struct Mentions {
    seen: HashSet<String>,
}

impl Mentions {
    /// Forgets every mention, for a section that stands on its own.
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    /// Records a mention; true when it is the first.
    fn first(&mut self, key: &str) -> bool {
        self.seen.insert(key.to_string())
    }
}

/// Replaces every marker in `raw` with words; unknown ids are errors.
/// `shift` moves every team-name choice along by that many forms.
pub fn resolve(
    raw: &str,
    a: &Analysis,
    lexicon: &serde_json::Value,
    mentions: &mut Mentions,
    rng: &mut ChaCha8Rng,
    shift: usize,
) -> Result<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find(MARK_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + MARK_OPEN.len_utf8()..];
        let close = after
            .find(MARK_CLOSE)
            .ok_or_else(|| broken("an unclosed reference"))?;
        out.push_str(&words_for(
            &after[..close],
            a,
            lexicon,
            mentions,
            rng,
            shift,
        )?);
        rest = &after[close + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    Ok(out)
}

fn words_for(
    body: &str,
    a: &Analysis,
    lexicon: &serde_json::Value,
    mentions: &mut Mentions,
    rng: &mut ChaCha8Rng,
    shift: usize,
) -> Result<String> {
    let mut fields = body.split(MARK_SEP);
    let kind = fields
        .next()
        .and_then(|k| k.chars().next())
        .and_then(RefKind::from_code);
    let (Some(kind), Some(id), Some(flags)) = (kind, fields.next(), fields.next()) else {
        return Err(broken("a malformed reference"));
    };
    let text = match kind {
        RefKind::Team | RefKind::TeamName | RefKind::Manager => {
            team_words(kind, id, a, mentions, rng, shift)?
        }
        RefKind::He | RefKind::His | RefKind::Him | RefKind::Himself => {
            let text = pronoun(kind, id, flags.contains('g'), a)?;
            return Ok(capitalised(text, flags.contains('c')));
        }
        RefKind::Men | RefKind::Man => {
            let text = team_noun(kind, id, a)?;
            return Ok(capitalised(text, flags.contains('c')));
        }
        _ => player_words(kind, id, a, lexicon, mentions)?,
    };
    let text = if flags.contains('p') {
        possessive(&text)
    } else {
        text
    };
    Ok(if flags.contains('u') {
        text.to_uppercase()
    } else {
        text
    })
}

fn player_words(
    kind: RefKind,
    id: &str,
    a: &Analysis,
    lexicon: &serde_json::Value,
    mentions: &mut Mentions,
) -> Result<String> {
    let (p, side) = a.player(id).ok_or_else(|| {
        broken(&format!(
            "a template names the player \"{id}\", who is not in either squad"
        ))
    })?;
    let first = mentions.first(id);
    Ok(match kind {
        RefKind::Full => p.name.clone(),
        RefKind::Surname => p.surname.clone(),
        RefKind::Display => p.display.clone(),
        _ if first => p.name.clone(),
        // A description once per player, then the surname again.
        RefKind::Describe if mentions.first(&format!("described:{id}")) => {
            describe(p, &a.team(side).name, lexicon).unwrap_or_else(|| p.surname.clone())
        }
        _ => p.surname.clone(),
    })
}

/// "the Spurs forward", "the England captain": the lexicon's `describe`
/// patterns with `{club}`, `{team}` and `{position}` filled in.
fn describe(p: &crate::model::Player, team: &str, lexicon: &serde_json::Value) -> Option<String> {
    let patterns = lexicon.get("describe")?;
    let position = lexicon
        .get("position")?
        .get(crate::sections::enum_name(&p.position))?
        .as_str()?;
    let pattern = match (&p.club, p.captain) {
        (_, true) => patterns.get("captain")?,
        (Some(_), false) => patterns.get("club")?,
        (None, false) => patterns.get("team")?,
    }
    .as_str()?;
    Some(
        pattern
            .replace("{club}", p.club.as_deref().unwrap_or_default())
            .replace("{team}", team)
            .replace("{position}", position),
    )
}

fn team_words(
    kind: RefKind,
    id: &str,
    a: &Analysis,
    mentions: &mut Mentions,
    rng: &mut ChaCha8Rng,
    shift: usize,
) -> Result<String> {
    // Borrowed, not cloned: a team carries its whole squad, and a report
    // names teams about a hundred times.
    let team = [&a.m.teams.home, &a.m.teams.away]
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| {
            broken(&format!(
                "a template names the team \"{id}\", which is not playing"
            ))
        })?;
    if kind == RefKind::Manager {
        let boss = team.manager.as_ref().ok_or_else(|| {
            broken(&format!(
                "a template names the manager of \"{id}\", but the match file gives none"
            ))
        })?;
        let first = mentions.first(&format!("manager:{id}"));
        return Ok(if first {
            boss.name.clone()
        } else {
            boss.surname.clone()
        });
    }
    let first = mentions.first(&format!("team:{id}"));
    if kind == RefKind::TeamName || first || team.nicknames.is_empty() {
        return Ok(team.name.clone());
    }
    // `shift` lets the realiser try the other forms in turn when a
    // sentence would otherwise open like an earlier one.
    let forms = team.nicknames.len() + 1;
    let pick = (rand::RngExt::random_range(rng, 0..forms) + shift) % forms;
    Ok(team.nicknames.get(pick).unwrap_or(&team.name).clone())
}

/// The words for each pronoun kind, male then female.
fn pronoun_forms(kind: RefKind) -> (&'static str, &'static str) {
    match kind {
        RefKind::He => ("he", "she"),
        RefKind::His => ("his", "her"),
        RefKind::Him => ("him", "her"),
        RefKind::Himself => ("himself", "herself"),
        RefKind::Men => ("men", "women"),
        _ => ("man", "woman"),
    }
}

/// A player's pronoun (or a team's manager's, with `manager`), from the
/// person's `gender`, else the match's.
fn pronoun(kind: RefKind, id: &str, manager: bool, a: &Analysis) -> Result<String> {
    let (male, female) = pronoun_forms(kind);
    let gender = if manager {
        let boss = team_of(id, a)?.manager.ok_or_else(|| {
            broken(&format!(
                "a template uses a pronoun for the manager of \"{id}\", but the match file gives none"
            ))
        })?;
        match boss.gender.or(a
            .m
            .fixture
            .gender
            .is_none_or(|g| g == MatchGender::Men)
            .then_some(Gender::Male))
        {
            Some(g) => g,
            // Unknown: no pronoun at all ("the players", "Hayes").
            None => {
                return Ok(match kind {
                    RefKind::His => "the".to_string(),
                    _ => boss.surname,
                });
            }
        }
    } else {
        let (p, _) = a.player(id).ok_or_else(|| {
            broken(&format!(
                "a template uses a pronoun for the player \"{id}\", who is not in either squad"
            ))
        })?;
        p.gender.unwrap_or_else(|| a.m.fixture.player_gender())
    };
    Ok(match gender {
        Gender::Male => male,
        Gender::Female => female,
    }
    .to_string())
}

/// "men" or "women", "man" or "woman", for a team, from the match's gender.
fn team_noun(kind: RefKind, id: &str, a: &Analysis) -> Result<String> {
    team_of(id, a)?;
    let (male, female) = pronoun_forms(kind);
    Ok(match a.m.fixture.player_gender() {
        Gender::Male => male,
        Gender::Female => female,
    }
    .to_string())
}

fn team_of(id: &str, a: &Analysis) -> Result<crate::model::Team> {
    [&a.m.teams.home, &a.m.teams.away]
        .into_iter()
        .find(|t| t.id == id)
        .cloned()
        .ok_or_else(|| {
            broken(&format!(
                "a template names the team \"{id}\", which is not playing"
            ))
        })
}

fn capitalised(text: String, cap: bool) -> String {
    if !cap {
        return text;
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn broken(what: &str) -> Error {
    Error::single(
        ErrorKind::Render,
        "<phrasebank>",
        Diagnostic::new("", what.to_string()),
    )
}

/// A generator for one purpose, derived from the report seed and a label,
/// so re-rolling one section never disturbs another.
pub fn rng_for(seed: u64, label: &str) -> ChaCha8Rng {
    // FNV-1a: stable across platforms and releases, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in label.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    ChaCha8Rng::seed_from_u64(seed ^ h)
}
