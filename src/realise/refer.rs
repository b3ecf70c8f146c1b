//! Resolves the reference markers left by the referring helpers, in
//! reading order: a player's full name on first mention and his surname
//! after; a team's name first and a nickname for variety later.

use crate::analysis::Analysis;
use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::{Gender, MatchGender};
use crate::phrasebank::helpers::{MARK_CLOSE, MARK_OPEN, MARK_SEP, RefKind, possessive};
use crate::phrasebank::style::StyleBook;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

/// Who has been mentioned so far in the current scope.
#[derive(Debug, Default, Clone)]
pub struct Mentions {
    seen: HashSet<String>,
}

impl Mentions {
    /// A draft on top of these mentions, for one candidate sentence.
    pub fn draft(&self) -> Draft<'_> {
        Draft {
            base: self,
            added: Vec::new(),
        }
    }

    /// Records the mentions a chosen sentence made.
    pub fn extend(&mut self, keys: impl IntoIterator<Item = String>) {
        self.seen.extend(keys);
    }
}

/// The mentions one candidate sentence makes, on top of the report's:
/// the realiser renders a hundred or so candidates a report, and copying
/// every mention so far for each was a large share of its time.
#[derive(Debug)]
pub struct Draft<'m> {
    base: &'m Mentions,
    added: Vec<String>,
}

impl Draft<'_> {
    /// Records a mention; true when it is the first.
    fn first(&mut self, key: &str) -> bool {
        if self.base.seen.contains(key) || self.added.iter().any(|k| k == key) {
            return false;
        }
        self.added.push(key.to_string());
        true
    }

    /// The mentions made in this draft that the report had not made.
    pub fn added(self) -> Vec<String> {
        self.added
    }
}

/// Replaces every marker in `raw` with words; unknown ids are errors.
/// `shift` moves every team-name choice along by that many forms.
pub fn resolve(
    raw: &str,
    a: &Analysis,
    lexicon: &serde_json::Value,
    style: &StyleBook,
    mentions: &mut Draft,
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
        let body = &after[..close];
        rest = &after[close + MARK_CLOSE.len_utf8()..];
        let words = words_for(body, a, lexicon, mentions, rng, shift)?;
        out.push_str(&with_team_article(body, words, &out, rest, a, style));
    }
    out.push_str(rest);
    Ok(out)
}

fn words_for(
    body: &str,
    a: &Analysis,
    lexicon: &serde_json::Value,
    mentions: &mut Draft,
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
            let text = pronoun(kind, id, flags.contains('g'), a, lexicon)?;
            return Ok(capitalised(text, flags.contains('c')));
        }
        RefKind::Men | RefKind::Man => {
            let text = team_noun(kind, id, a, lexicon)?;
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
    mentions: &mut Draft,
) -> Result<String> {
    let (p, side) = a.player(id).ok_or_else(|| {
        broken(&format!(
            "a template names the player \"{id}\", who is not in either squad"
        ))
    })?;
    let first = mentions.first(id);
    // A player known by one name is called by it every time.
    if let Some(known) = &p.known_as {
        return Ok(known.clone());
    }
    // A surname two players of the match share tells neither: the full
    // name ("Kim Do-yeon", "Theo Hernandez") on every mention.
    let short = if a.surname_shared(p) {
        &p.name
    } else {
        &p.surname
    };
    Ok(match kind {
        RefKind::Full => p.name.clone(),
        RefKind::Surname => short.clone(),
        RefKind::Display => p.display.clone(),
        _ if first => p.name.clone(),
        // A description once per player, then the surname again.
        RefKind::Describe if mentions.first(&format!("described:{id}")) => {
            describe(p, &a.team(side).name, lexicon).unwrap_or_else(|| short.clone())
        }
        _ => short.clone(),
    })
}

/// "the Spurs forward", "the England captain": the lexicon's `describe`
/// patterns with `{club}`, `{team}` and `{position}` filled in.
fn describe(p: &crate::model::Player, team: &str, lexicon: &serde_json::Value) -> Option<String> {
    let patterns = lexicon.get("describe")?;
    let position = lexicon
        .get("position")?
        .get(crate::model::enum_name(&p.position))?
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
    mentions: &mut Draft,
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

/// A team's name in running prose takes "the" when house style lists it
/// ("the Netherlands"); not in a scoreline ("Netherlands 2-1 England"),
/// told by a score next to the name, nor in capitals or after a
/// possessive nickname form the team chose itself.
fn with_team_article(
    body: &str,
    words: String,
    before: &str,
    after: &str,
    a: &Analysis,
    style: &StyleBook,
) -> String {
    let mut fields = body.split(MARK_SEP);
    let kind = fields.next().and_then(|k| k.chars().next());
    let flags = fields.nth(1).unwrap_or_default();
    let is_name = [&a.m.teams.home.name, &a.m.teams.away.name]
        .iter()
        .any(|n| words.starts_with(n.as_str()));
    let team = matches!(kind, Some('t' | 'T'));
    let scoreline =
        before.trim_end().ends_with(|c: char| c.is_ascii_digit()) || opens_scoreline(after);
    let upper = flags.contains('u');
    if !team || !is_name || scoreline || upper {
        return words;
    }
    style.with_article(&words, false)
}

/// Whether the text after a team's name is the rest of a scoreline: a
/// score, then the other team ("2-1 England"), not a result told in
/// prose ("beat the Netherlands 2-0 in the final").
fn opens_scoreline(after: &str) -> bool {
    let after = after.trim_start();
    let rest = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
    rest.len() < after.len()
        && rest
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == MARK_OPEN)
}

/// The lexicon key of a pronoun kind.
fn pronoun_key(kind: RefKind) -> &'static str {
    match kind {
        RefKind::He => "he",
        RefKind::His => "his",
        RefKind::Him => "him",
        RefKind::Himself => "himself",
        RefKind::Men => "men",
        _ => "man",
    }
}

/// A pronoun's form for a gender, from the lexicon's `pronoun` group.
fn pronoun_form(kind: RefKind, gender: Gender, lexicon: &serde_json::Value) -> Result<String> {
    let g = match gender {
        Gender::Male => "male",
        Gender::Female => "female",
    };
    let key = pronoun_key(kind);
    lexicon
        .get("pronoun")
        .and_then(|p| p.get(key))
        .and_then(|p| p.get(g))
        .and_then(|w| w.as_str())
        .map(str::to_string)
        .ok_or_else(|| broken(&format!("lexicon.json has no pronoun.{key}.{g}")))
}

/// A player's pronoun (or a team's manager's, with `manager`), from the
/// person's `gender`, else the match's.
fn pronoun(
    kind: RefKind,
    id: &str,
    manager: bool,
    a: &Analysis,
    lexicon: &serde_json::Value,
) -> Result<String> {
    let gender = if manager {
        let boss = team_of(id, a)?.manager.ok_or_else(|| {
            broken(&format!(
                "a template uses a pronoun for the manager of \"{id}\", but the match file gives none"
            ))
        })?;
        let mens = a.m.fixture.gender.is_none_or(|g| g == MatchGender::Men);
        match boss.gender.or(mens.then_some(Gender::Male)) {
            Some(g) => g,
            // Unknown: no pronoun at all ("the players", "Hayes").
            None => {
                let fallback = lexicon
                    .get("pronoun_unknown")
                    .and_then(|p| p.get(pronoun_key(kind)))
                    .and_then(|w| w.as_str());
                return Ok(fallback.map_or(boss.surname, str::to_string));
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
    pronoun_form(kind, gender, lexicon)
}

/// "men" or "women", "man" or "woman", for a team, from the match's gender.
fn team_noun(kind: RefKind, id: &str, a: &Analysis, lexicon: &serde_json::Value) -> Result<String> {
    team_of(id, a)?;
    pronoun_form(kind, a.m.fixture.player_gender(), lexicon)
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

#[cfg(test)]
mod tests {
    use super::opens_scoreline;

    #[test]
    fn a_score_then_a_team_is_a_scoreline_a_score_in_prose_is_not() {
        assert!(opens_scoreline(" 2-1 England"));
        assert!(opens_scoreline(" 1-0 \u{E000}t\u{E002}x"));
        assert!(!opens_scoreline(" 2-0 in the final."));
        assert!(!opens_scoreline(" 2-0."));
        assert!(!opens_scoreline(" in the final"));
    }
}
