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
    // Kept with the id; no caller reads it yet.
    #[allow(dead_code)]
    pub side: usize,
}

/// The printed name and surname from the StatsBomb spellings: the
/// line-up's `player_nickname` when it looks like the name reporters print
/// (see [`nickname_is_printed`]), else a name built from the legal
/// `player_name` by the naming tradition of the player's country (see
/// [`legal_names`]).
pub fn names(p: &raw::LineupPlayer) -> (String, String) {
    let legal = tidy(&p.player_name);
    let legal = legal.as_str();
    let country = p.country.as_ref().map_or("", |c| c.name.as_str());
    let nickname = p.player_nickname.as_deref().map(tidy);
    let nickname = nickname
        .as_deref()
        .filter(|n| !n.is_empty())
        .filter(|n| nickname_is_printed(n, legal) || playing_name(n, country));
    let (name, surname) = match nickname {
        Some(n) if family_name_first_order(n, legal) => (
            n.to_string(),
            n.split_whitespace().next().unwrap_or(n).into(),
        ),
        Some(n) => (n.to_string(), nickname_surname(n, country)),
        None => legal_names(legal, country),
    };
    (name, standing_alone(&surname))
}

/// A name as the reports print it: apostrophes straight, as the
/// phrasebank writes them ("D'Angelo" for "D’Angelo"), and the feed's
/// escaping undone ("O''Hara" and "O\"Sullivan" are O'Hara and
/// O'Sullivan; "Do-Yeon Kim'" has a stray one); spaces single.
fn tidy(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let word = word.replace(['’', '"'], "'").replace("''", "'");
            word.trim_matches('\'').to_string()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A surname printed without its given name starts with a capital, its
/// particle too, as the fixtures and the English press print it ("Van
/// Dijk", "De Jong", "Ter Stegen" after "Virgil van Dijk", "Frenkie de
/// Jong", "Marc-André ter Stegen"): the Dutch rule for a surname standing
/// alone, which English copy follows for every particle.
fn standing_alone(surname: &str) -> String {
    crate::input::text::capitalise(surname)
}

/// The surname of a printed nickname. A nickname keeps only the words
/// reporters print, so a middle word it keeps belongs to the surname
/// ("Griedge Mbock Bathy" for Griedge Mbock Bathy Nka is Mbock Bathy), except
/// where given names are commonly double ("José Luis Morales" is Morales):
/// Spanish and Portuguese names.
fn nickname_surname(nickname: &str, country: &str) -> String {
    let words: Vec<&str> = nickname.split_whitespace().collect();
    let last = surname(nickname);
    let compound_given =
        paternal_surname_first(country) || PLAYING_NAME_COUNTRIES.contains(&country);
    if words.len() == 3 && last.split_whitespace().count() == 1 && !compound_given {
        return words[1..].join(" ");
    }
    last
}

/// The printed name and surname from a legal name alone, as reporters
/// print it, by the naming tradition of the player's country:
/// - Spanish-speaking countries: given name(s) and the father's surname,
///   the mother's dropped ("Javier Hernández Balcázar" is Javier Hernández,
///   later Hernández; see [`spanish_surname`]);
/// - countries whose middle names are family names (Norway, Thailand): the
///   name in full, the words after the given name the surname ("Caroline
///   Graham Hansen" is Graham Hansen, never Hansen);
/// - elsewhere: middle names are given names, which reporters leave out
///   ("Sophie Louise Ingle" is Sophie Ingle, later Ingle).
pub fn legal_names(legal: &str, country: &str) -> (String, String) {
    let words: Vec<&str> = legal.split_whitespace().collect();
    if paternal_surname_first(country) {
        let surname = spanish_surname(legal);
        return (through(&words, &surname), surname);
    }
    if FAMILY_MIDDLE_NAME_COUNTRIES.contains(&country) && words.len() == 3 {
        return (legal.to_string(), words[1..].join(" "));
    }
    let surname = surname(legal);
    let given = words.len() - surname.split_whitespace().count();
    if given > 1 {
        return (format!("{} {surname}", words[0]), surname);
    }
    (legal.to_string(), surname)
}

/// The words of a name up to and including `surname` ("Javier Hernández
/// Balcázar" through "Hernández" is "Javier Hernández"); the whole name
/// when the surname is not in it.
fn through(words: &[&str], surname: &str) -> String {
    let n = surname.split_whitespace().count();
    (n..=words.len())
        .find(|&end| words[end - n..end].join(" ") == surname)
        .map_or_else(|| words.join(" "), |end| words[..end].join(" "))
}

/// Countries where a middle name is by law or custom a family name, which
/// reporters print with the surname: Norway's `mellomnavn` ("Caroline
/// Graham Hansen", "Ingrid Moe Wold", "Vilde Bøe Risa"), and Thailand,
/// where a name is one given name and a surname ("Sukanya Chor
/// Charoenying").
const FAMILY_MIDDLE_NAME_COUNTRIES: &[&str] = &["Norway", "Thailand"];

/// Countries whose footballers commonly play under one word unrelated to
/// their legal name, which reporters print ("Nani" for Luís Carlos Almeida
/// da Cunha, "Coke" for Jorge Andújar Moreno, "Isa" for Thaysa de Moraes
/// Rosa Moreno): Spain and the Portuguese-speaking countries.
const PLAYING_NAME_COUNTRIES: &[&str] = &[
    "Spain",
    "Portugal",
    "Brazil",
    "Angola",
    "Mozambique",
    "Cape Verde",
    "Cape Verde Islands",
    "Guinea-Bissau",
    "São Tomé and Príncipe",
];

/// A one-word nickname from a country where players go by one playing
/// name: reporters print it even when it shares nothing with the legal
/// name. Elsewhere ("Laure" for Gaëtane Thiney, France) such a word is a
/// label, not the printed name.
fn playing_name(nickname: &str, country: &str) -> bool {
    nickname.split_whitespace().count() == 1 && PLAYING_NAME_COUNTRIES.contains(&country)
}

/// Spanish-speaking countries, where a full name is given name(s), the
/// father's surname, then the mother's: reporters use the father's
/// ("Javier Hernández Balcázar" is "Hernández").
const PATERNAL_SURNAME_COUNTRIES: &[&str] = &[
    "Spain",
    "Mexico",
    "Argentina",
    "Colombia",
    "Chile",
    "Peru",
    "Venezuela",
    "Ecuador",
    "Bolivia",
    "Paraguay",
    "Uruguay",
    "Costa Rica",
    "Panama",
    "Honduras",
    "Guatemala",
    "El Salvador",
    "Nicaragua",
    "Cuba",
    "Dominican Republic",
];

fn paternal_surname_first(country: &str) -> bool {
    PATERNAL_SURNAME_COUNTRIES.contains(&country)
}

/// The father's surname of a Spanish full name: with three words or more
/// (one given name, two surnames, particles aside), the second-to-last;
/// "Alejandro Cantero Sánchez" → "Cantero". Two words are given name and
/// surname ("Pedro Porro").
pub fn spanish_surname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mother = surname(name);
    // Where the mother's surname (with its particles) begins.
    let end = words.len() - mother.split_whitespace().count();
    let mut first = end.saturating_sub(1);
    // "Jorge De Frutos Sebastián": "De Frutos", not "Frutos".
    while first > 1 && is_particle(words[first - 1]) {
        first -= 1;
    }
    // At least one given name must be left before it; and a three-word
    // name whose second word ends a double given name ("José Luis
    // Morales") has no mother's surname.
    if first == 0 || end <= first || (first == 1 && ends_given_name(words[1])) {
        return mother;
    }
    words[first..end].join(" ")
}

/// The second halves of common Spanish double given names ("José Luis",
/// "Juan Carlos", "Miguel Ángel", "José María"): words that are given
/// names, rarely a father's surname.
const SECOND_GIVEN_NAMES: &[&str] = &[
    "luis",
    "carlos",
    "manuel",
    "antonio",
    "maria",
    "jose",
    "ignacio",
    "angel",
    "javier",
    "miguel",
    "francisco",
    "pablo",
    "alberto",
    "andres",
    "eduardo",
    "ramon",
    "jesus",
    "enrique",
    "emilio",
];

fn ends_given_name(word: &str) -> bool {
    SECOND_GIVEN_NAMES.contains(&slug(word).as_str())
}

/// Whether the printed name lists the legal name's parts family name
/// first: StatsBomb writes Korean and Chinese players' legal names given
/// name first ("So-yun Ji", "Shuang Wang") and their printed names as
/// reporters do ("Ji So-yun", "Wang Shuang"). The same two words in the
/// other order is the sign, hyphen or not.
pub fn family_name_first_order(printed: &str, legal: &str) -> bool {
    let p: Vec<String> = printed.split_whitespace().map(slug).collect();
    let l: Vec<String> = legal.split_whitespace().map(slug).collect();
    p.len() == 2 && l.len() == 2 && p[0] == l[1] && p[1] == l[0]
}

/// Whether a provider's nickname is the name reporters print rather than
/// a stray label: it shares a whole part with the legal name ("Lionel
/// Messi" for Lionel Andrés Messi Cuccittini, "Arthur"), or it is one word
/// that shares three letters in a row with a part of the legal name, as
/// the short forms do ("Pedri" for Pedro, "Xavi" for Xavier, "Toño" for
/// Antonio). "Laure" for Gaëtane Thiney is neither, nor is "Nani" (a desk
/// gives such names as `known_as`).
pub fn nickname_is_printed(nickname: &str, legal: &str) -> bool {
    let parts = |s: &str| -> Vec<String> {
        slug(s)
            .split('-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let legal_parts = parts(legal);
    let nick_parts = parts(nickname);
    if nick_parts.iter().any(|n| legal_parts.contains(n)) {
        return true;
    }
    let [single] = nick_parts.as_slice() else {
        return false;
    };
    let chars: Vec<char> = single.chars().collect();
    chars
        .windows(3)
        .map(|w| w.iter().collect::<String>())
        .any(|tri| legal_parts.iter().any(|p| p.contains(&tri)))
}

/// Words that belong to the surname that follows them: "Eugénie Le
/// Sommer" → "Le Sommer", "Virgil van Dijk" → "van Dijk".
const PARTICLES: &[&str] = &[
    "le", "la", "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van",
    "von", "ter", "ten", "zu", "st", "st.", "mac", "al", "el", "ben", "bin",
];

/// The surname reporters use on later mentions:
/// - the last word, with the particles before it ("Le Sommer", "ter
///   Stegen", "van Dijk", "dos Santos");
/// - a hyphenated surname whole ("Alexander-Arnold");
/// - for a two-word name written family name first, the first word: a
///   Korean-style given name is hyphenated with a lower-case second half
///   ("Ji So-yun" → "Ji", "Cho So-hyun" → "Cho");
/// - a single name as it is ("Pedri").
pub fn surname(display: &str) -> String {
    let words: Vec<&str> = display.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return display.to_string();
    };
    if words.len() == 2 && family_name_first(words[0], words[1]) {
        return words[0].to_string();
    }
    let mut first = last;
    while first > 1 && is_particle(words[first - 1]) {
        first -= 1;
    }
    words[first..].join(" ")
}

fn is_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    PARTICLES.contains(&lower.as_str()) || word.chars().next().is_some_and(char::is_lowercase)
}

/// A two-word name written family name first, as Korean names are
/// romanised: a short family name, then a given name of two short
/// syllables joined by a hyphen ("Ji So-yun", "Kim Min-Jeong"). A Western
/// hyphenated surname has a longer part ("Alexander-Arnold").
fn family_name_first(family: &str, given: &str) -> bool {
    let short = |s: &str, max: usize| (1..=max).contains(&s.chars().count());
    match given.split_once('-') {
        Some((a, b)) => short(family, 5) && short(a, 5) && short(b, 5) && !b.contains('-'),
        None => false,
    }
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

/// StatsBomb marks women's sides in the name ("France Women's",
/// "Chelsea FCW", "Manchester City WFC"); reporters write "France",
/// "Chelsea", "Manchester City" (the match is already marked women's).
pub fn printed_team_name(name: &str) -> String {
    const SUFFIXES: &[&str] = &[" Women's", " Women", " WFC", " FCW", " LFC", " Ladies"];
    SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(name)
        .to_string()
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
            known_as: None,
            display: surname.clone(),
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
    initial_shared_surnames(&mut squad);
    Team {
        id: tid,
        short_name: short_name(&team.team_name),
        name: printed_team_name(&team.team_name),
        nicknames: Vec::new(),
        manager: None,
        standing: Vec::new(),
        ranking: None,
        squad,
    }
}

/// Line-up names are surnames, as fixtures print them ("Kane"); two
/// players of a side who share one get their initial ("T. Hernandez", "L.
/// Hernandez"), as line-ups print them.
fn initial_shared_surnames(squad: &mut [Player]) {
    let surnames: Vec<String> = squad.iter().map(|p| p.surname.clone()).collect();
    for p in squad.iter_mut() {
        let shared = surnames.iter().filter(|s| **s == p.surname).count() > 1;
        if !shared || p.name == p.surname {
            continue;
        }
        // A family name written first has no initial before it: the full
        // name tells "Kim Do-yeon" from "Kim Hye-ri".
        p.display = if p.name.starts_with(&format!("{} ", p.surname)) {
            p.name.clone()
        } else {
            let initial = p.name.chars().next().unwrap_or_default();
            format!("{initial}. {}", p.surname)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn womens_sides_are_named_as_reporters_name_them() {
        assert_eq!(printed_team_name("United States Women's"), "United States");
        assert_eq!(printed_team_name("Chelsea FCW"), "Chelsea");
        assert_eq!(printed_team_name("Manchester City WFC"), "Manchester City");
        assert_eq!(printed_team_name("Barcelona"), "Barcelona");
    }

    #[test]
    fn surnames_for_every_naming_tradition() {
        assert_eq!(surname("Eugénie Le Sommer"), "Le Sommer");
        assert_eq!(surname("Virgil van Dijk"), "van Dijk");
        assert_eq!(surname("Rafael van der Vaart"), "van der Vaart");
        assert_eq!(surname("Giovani dos Santos"), "dos Santos");
        assert_eq!(surname("Ji So-yun"), "Ji");
        assert_eq!(surname("Kim Min-Jeong"), "Kim");
        assert_eq!(surname("Trent Alexander-Arnold"), "Alexander-Arnold");
        assert_eq!(surname("Pierre-Emerick Aubameyang"), "Aubameyang");
        assert_eq!(surname("Pedri"), "Pedri");
    }

    fn player(legal: &str, nickname: Option<&str>, country: &str) -> raw::LineupPlayer {
        raw::LineupPlayer {
            player_id: 1,
            player_name: legal.into(),
            player_nickname: nickname.map(str::to_string),
            jersey_number: None,
            positions: Vec::new(),
            country: Some(raw::Named {
                id: 0,
                name: country.into(),
            }),
        }
    }

    #[test]
    fn one_word_playing_names_are_printed_where_players_go_by_them() {
        // Corpus players (18236, 3773387, 7456): Iberian and Brazilian
        // playing names that share nothing with the legal name.
        let nani = player("Luís Carlos Almeida da Cunha", Some("Nani"), "Portugal");
        assert_eq!(names(&nani), ("Nani".into(), "Nani".into()));
        let coke = player("Jorge Andújar Moreno", Some("Coke"), "Spain");
        assert_eq!(names(&coke).0, "Coke");
        let isa = player("Thaysa de Moraes Rosa Moreno", Some("Isa"), "Brazil");
        assert_eq!(names(&isa).0, "Isa");
        // Elsewhere such a word is a label (22921, 22924).
        let thiney = player("Gaëtane Thiney", Some("Laure"), "France");
        assert_eq!(names(&thiney), ("Gaëtane Thiney".into(), "Thiney".into()));
        let thorsnes = player("Elise Thorsnes", Some("Hove"), "Norway");
        assert_eq!(names(&thorsnes).1, "Thorsnes");
    }

    #[test]
    fn family_names_written_first_are_the_surname_hyphen_or_not() {
        let de_jong = player("Frenkie de Jong", None, "Netherlands");
        assert_eq!(
            names(&de_jong),
            ("Frenkie de Jong".into(), "De Jong".into())
        );
        let ji = player("So-yun Ji", Some("Ji So-yun"), "Korea (South)");
        assert_eq!(names(&ji), ("Ji So-yun".into(), "Ji".into()));
        let park = player("Ji-Sung Park", Some("Park Ji-Sung"), "Korea (South)");
        assert_eq!(names(&park).1, "Park");
        // Unhyphenated: the same two words in the other order.
        let wang = player("Shuang Wang", Some("Wang Shuang"), "China PR");
        assert_eq!(names(&wang), ("Wang Shuang".into(), "Wang".into()));
        let zhang = player("Rui Zhang", Some("Zhang Rui"), "China PR");
        assert_eq!(names(&zhang).1, "Zhang");
        // A Western name is not reordered.
        let dunn = player(
            "Crystal Alyssia Dunn",
            Some("Crystal Dunn"),
            "United States of America",
        );
        assert_eq!(names(&dunn).1, "Dunn");
    }

    #[test]
    fn spanish_double_surnames_give_the_fathers() {
        // Corpus players with no nickname (18236, 3773387).
        let chicharito = player("Javier Hernández Balcázar", None, "Mexico");
        assert_eq!(
            names(&chicharito),
            ("Javier Hernández".into(), "Hernández".into())
        );
        let cantero = player("Alejandro Cantero Sánchez", None, "Spain");
        assert_eq!(names(&cantero).1, "Cantero");
        assert_eq!(spanish_surname("Jorge De Frutos Sebastián"), "De Frutos");
        assert_eq!(spanish_surname("Juan Pérez de la Cruz"), "Pérez");
        assert_eq!(spanish_surname("Pedro Porro"), "Porro");
        // A double given name leaves one surname in three words.
        assert_eq!(spanish_surname("José Luis Morales"), "Morales");
        assert_eq!(spanish_surname("Miguel Ángel Moyá"), "Moyá");
        assert_eq!(spanish_surname("José Luis Morales Nogales"), "Morales");
        let morales = player("José Luis Morales Nogales", None, "Spain");
        assert_eq!(
            names(&morales),
            ("José Luis Morales".into(), "Morales".into())
        );
        // A printed nickname keeps its own surname; other traditions keep
        // the last word ("Sophie Louise Ingle" is Ingle).
        let alba = player("Jordi Alba Ramos", Some("Jordi Alba"), "Spain");
        assert_eq!(names(&alba).1, "Alba");
        let ingle = player("Sophie Louise Ingle", None, "Wales");
        assert_eq!(names(&ingle), ("Sophie Ingle".into(), "Ingle".into()));
    }

    #[test]
    fn feed_apostrophes_are_tidied() {
        // Corpus spellings (7430, 22943, 22921, 8658).
        assert_eq!(tidy("Sabrina D’Angelo"), "Sabrina D'Angelo");
        assert_eq!(tidy("Kelley Maureen O''Hara"), "Kelley Maureen O'Hara");
        assert_eq!(tidy("Denise O\"Sullivan"), "Denise O'Sullivan");
        assert_eq!(tidy("Do-Yeon Kim'"), "Do-Yeon Kim");
        assert_eq!(tidy("N''Golo  Kanté "), "N'Golo Kanté");
        let dangelo = player("Sabrina D’Angelo", None, "Canada");
        assert_eq!(
            names(&dangelo),
            ("Sabrina D'Angelo".into(), "D'Angelo".into())
        );
    }

    #[test]
    fn middle_names_by_tradition() {
        // Norway's middle names are family names; elsewhere given names.
        assert_eq!(
            legal_names("Caroline Graham Hansen", "Norway"),
            ("Caroline Graham Hansen".into(), "Graham Hansen".into())
        );
        assert_eq!(
            legal_names("Sukanya Chor Charoenying", "Thailand"),
            ("Sukanya Chor Charoenying".into(), "Chor Charoenying".into())
        );
        assert_eq!(
            legal_names("Asisat Lamina Oshoala", "Nigeria"),
            ("Asisat Oshoala".into(), "Oshoala".into())
        );
        assert_eq!(
            legal_names("Rafael van der Vaart", "Netherlands"),
            ("Rafael van der Vaart".into(), "van der Vaart".into())
        );
        // Standing alone, a particle takes a capital.
        let vds = player("Edwin van der Sar", None, "Netherlands");
        assert_eq!(names(&vds).1, "Van der Sar");
        assert_eq!(
            legal_names("Isabell Herlovsen", "Norway"),
            ("Isabell Herlovsen".into(), "Herlovsen".into())
        );
        // A nickname's kept middle word: the surname's outside Iberian
        // traditions, a double given name's inside them.
        let mbock = player(
            "Griedge Mbock Bathy Nka",
            Some("Griedge Mbock Bathy"),
            "France",
        );
        assert_eq!(names(&mbock).1, "Mbock Bathy");
        let morales = player(
            "José Luis Morales Nogales",
            Some("José Luis Morales"),
            "Spain",
        );
        assert_eq!(names(&morales).1, "Morales");
    }

    #[test]
    fn nicknames_are_printed_only_when_they_look_like_the_name() {
        assert!(nickname_is_printed(
            "Lionel Messi",
            "Lionel Andrés Messi Cuccittini"
        ));
        assert!(nickname_is_printed(
            "Arthur",
            "Arthur Henrique Ramos de Oliveira Melo"
        ));
        assert!(nickname_is_printed("Pedri", "Pedro González López"));
        assert!(nickname_is_printed("Xavi", "Xavier Hernández Creus"));
        assert!(nickname_is_printed(
            "Debinha",
            "Débora Cristiane de Oliveira"
        ));
        assert!(!nickname_is_printed("Laure", "Gaëtane Thiney"));
        assert!(!nickname_is_printed("Hove", "Elise Thorsnes"));
        assert!(!nickname_is_printed("Bosshard", "Emilie Haavi"));
    }

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
