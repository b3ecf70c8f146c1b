//! Line-ups to squads: who played for whom, under which names.
//!
//! Names: `display` is the line-up's `player_nickname` when present
//! ("Lionel Messi"), else `player_name`; `name` (the full name) is
//! `player_name`, the long legal name events also use; `surname` is the
//! last word of `display`, together with any lower-case particles before
//! it ("ter Stegen", "de Jong"). Positions come from the line-up's
//! `positions` when the file has them, else from the Starting XI, else
//! from the first event the player appears in; unused substitutes (no
//! Starting XI place and no event) are left out of the squad.

use super::raw;
use crate::model::{Person, Player, Position, Team};
use std::collections::{HashMap, HashSet};

/// A player the importer knows, by StatsBomb id.
#[derive(Debug, Clone)]
pub struct Known {
    /// The native player id.
    pub id: String,
    /// 0 for home, 1 for away.
    pub side: usize,
}

/// Native id, surname and display name from the StatsBomb spellings.
pub fn names(p: &raw::LineupPlayer) -> (String, String) {
    let display = p
        .player_nickname
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&p.player_name)
        .trim()
        .to_string();
    let surname = surname(&display);
    (display, surname)
}

/// The last word of a name, with lower-case particles before it:
/// "Lionel Messi" → "Messi", "Marc-André ter Stegen" → "ter Stegen".
pub fn surname(display: &str) -> String {
    let words: Vec<&str> = display.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return display.to_string();
    };
    let mut first = last;
    while first > 0
        && words[first - 1]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    {
        first -= 1;
    }
    words[first..].join(" ")
}

/// A lower-case ASCII slug for ids: "Luis Suárez" → "luis-suarez".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(fold) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Latin letters with diacritics to their base letters.
fn fold(ch: char) -> Vec<char> {
    let base = match ch {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ñ' | 'ń' => 'n',
        'Ñ' => 'N',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'đ' => 'd',
        'ý' | 'ÿ' => 'y',
        'ß' => return vec!['s', 's'],
        c => c,
    };
    vec![base]
}

/// A broad position from a StatsBomb position name.
pub fn position(name: &str) -> Option<Position> {
    if name == "Goalkeeper" {
        Some(Position::Goalkeeper)
    } else if name.contains("Back") {
        Some(Position::Defender)
    } else if name.contains("Midfield") {
        Some(Position::Midfielder)
    } else if name.contains("Forward") || name.contains("Wing") || name.contains("Striker") {
        Some(Position::Forward)
    } else {
        None
    }
}

/// A team id from its name: "Barcelona" → "barcelona".
pub fn team_id(name: &str) -> String {
    let s = slug(name);
    if s.is_empty() { "team".to_string() } else { s }
}

/// "BAR" from "Barcelona".
pub fn short_name(name: &str) -> String {
    slug(name)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(3)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// A manager as a native person.
pub fn manager(m: &raw::Manager) -> Person {
    let name = m
        .nickname
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&m.name)
        .to_string();
    Person {
        surname: surname(&name),
        name,
        gender: None,
    }
}

/// What the events say about a player: starter, first position seen,
/// and whether he appears at all.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    /// In a Starting XI.
    pub starter: bool,
    /// The first position seen (Starting XI first).
    pub position: Option<String>,
    /// Any event names him (including coming on).
    pub appears: bool,
}

/// Builds one side's squad and records every player's native id in `known`.
pub fn squad(
    team: &raw::LineupTeam,
    side: usize,
    seen: &HashMap<u64, Seen>,
    used_ids: &mut HashSet<String>,
    known: &mut HashMap<u64, Known>,
    warnings: &mut Vec<String>,
) -> Team {
    let tid = team_id(&team.team_name);
    let mut squad = Vec::new();
    for p in &team.lineup {
        let s = seen.get(&p.player_id).cloned().unwrap_or_default();
        let lineup_starter = p
            .positions
            .iter()
            .any(|pos| pos.start_reason.as_deref() == Some("Starting XI"));
        let starter = s.starter || lineup_starter;
        if !starter && !s.appears {
            continue;
        }
        let (display, surname) = names(p);
        let mut id = format!("{tid}-{}", slug(&display));
        if !used_ids.insert(id.clone()) {
            id = format!("{id}-{}", p.player_id);
            used_ids.insert(id.clone());
        }
        let position = p
            .positions
            .first()
            .and_then(|pos| position(&pos.position))
            .or_else(|| s.position.as_deref().and_then(position))
            .unwrap_or_else(|| {
                warnings.push(format!(
                    "no position known for {display} ({}); listed as a midfielder",
                    team.team_name
                ));
                Position::Midfielder
            });
        known.insert(
            p.player_id,
            Known {
                id: id.clone(),
                side,
            },
        );
        // Reporters write the line-up name ("Lionel Messi"); the legal
        // name ("Lionel Andrés Messi Cuccittini") is kept but not printed.
        let legal_name = (p.player_name != display).then(|| p.player_name.clone());
        squad.push(Player {
            id,
            name: display.clone(),
            legal_name,
            display,
            surname,
            shirt: p.jersey_number,
            position,
            club: None,
            captain: false,
            starter,
            gender: None,
        });
    }
    // Starters first, then substitutes, each in shirt order.
    squad.sort_by_key(|p| (!p.starter, p.shirt.unwrap_or(u8::MAX)));
    Team {
        id: tid,
        short_name: short_name(&team.team_name),
        name: team.team_name.clone(),
        nicknames: Vec::new(),
        manager: None,
        standing: Vec::new(),
        ranking: None,
        squad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_keep_particles() {
        assert_eq!(surname("Lionel Messi"), "Messi");
        assert_eq!(surname("Marc-André ter Stegen"), "ter Stegen");
        assert_eq!(surname("Arthur"), "Arthur");
        assert_eq!(slug("Ivan Rakitić"), "ivan-rakitic");
        assert_eq!(position("Right Wing Back"), Some(Position::Defender));
        assert_eq!(position("Left Wing"), Some(Position::Forward));
        assert_eq!(
            position("Center Defensive Midfield"),
            Some(Position::Midfielder)
        );
    }
}
