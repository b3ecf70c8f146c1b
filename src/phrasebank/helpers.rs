//! Template helpers for English: numbers, ordinals, plurals, minutes,
//! possessives, and the referring expressions for players and teams.
//!
//! Referring helpers (`name`, `team`, ...) do not decide the words
//! themselves: whether "Harry Kane" or "Kane" is right depends on what the
//! report said before, which a stateless helper cannot know. They emit a
//! marker that [`crate::realise::refer`] resolves in reading order.

use handlebars::{Handlebars, handlebars_helper};

/// Opens a reference marker (a private-use character).
pub const MARK_OPEN: char = '\u{E000}';
/// Closes a reference marker.
pub const MARK_CLOSE: char = '\u{E001}';
/// Separates a marker's fields.
pub const MARK_SEP: char = '\u{E002}';

/// How a reference should be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// A player: full name first, surname after.
    Name,
    /// A player's full name, always.
    Full,
    /// A player's surname, always.
    Surname,
    /// A player's line-up name ("T. Hernandez").
    Display,
    /// A player described on later mentions ("the Spurs forward").
    Describe,
    /// A team: its name first, then its name or a nickname.
    Team,
    /// A team's name, always.
    TeamName,
    /// A team's manager: full name first, surname after.
    Manager,
    /// A player's subject pronoun: "he" or "she".
    He,
    /// A player's possessive determiner: "his" or "her".
    His,
    /// A player's object pronoun: "him" or "her".
    Him,
    /// A player's reflexive pronoun: "himself" or "herself".
    Himself,
    /// A team's players as a plural noun: "men" or "women" ("ten men").
    Men,
    /// One of a team's players as a noun: "man" or "woman" ("a man short").
    Man,
}

impl RefKind {
    fn code(self) -> char {
        match self {
            RefKind::Name => 'n',
            RefKind::Full => 'f',
            RefKind::Surname => 's',
            RefKind::Display => 'd',
            RefKind::Describe => 'D',
            RefKind::Team => 't',
            RefKind::TeamName => 'T',
            RefKind::Manager => 'm',
            RefKind::He => 'e',
            RefKind::His => 'i',
            RefKind::Him => 'o',
            RefKind::Himself => 'x',
            RefKind::Men => 'M',
            RefKind::Man => 'a',
        }
    }

    /// The kind for a marker code.
    pub fn from_code(c: char) -> Option<RefKind> {
        Some(match c {
            'n' => RefKind::Name,
            'f' => RefKind::Full,
            's' => RefKind::Surname,
            'd' => RefKind::Display,
            'D' => RefKind::Describe,
            't' => RefKind::Team,
            'T' => RefKind::TeamName,
            'm' => RefKind::Manager,
            'e' => RefKind::He,
            'i' => RefKind::His,
            'o' => RefKind::Him,
            'x' => RefKind::Himself,
            'M' => RefKind::Men,
            'a' => RefKind::Man,
            _ => return None,
        })
    }
}

/// The marker text for a reference to `id`.
pub fn marker(kind: RefKind, id: &str, possessive: bool) -> String {
    let flag = if possessive { "p" } else { "" };
    format!(
        "{MARK_OPEN}{}{MARK_SEP}{id}{MARK_SEP}{flag}{MARK_CLOSE}",
        kind.code()
    )
}

/// The marker for a pronoun or gendered noun: `cap` capitalises it (at the
/// start of a sentence), `manager` reads `id` as a team whose manager is
/// meant.
pub fn gender_marker(kind: RefKind, id: &str, cap: bool, manager: bool) -> String {
    let mut flags = String::new();
    if cap {
        flags.push('c');
    }
    if manager {
        flags.push('g');
    }
    format!(
        "{MARK_OPEN}{}{MARK_SEP}{id}{MARK_SEP}{flags}{MARK_CLOSE}",
        kind.code()
    )
}

/// Number in words for one to nine, digits otherwise (newspaper style).
pub fn number_words(n: u64) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// "first" to "tenth" in words, then "11th", "22nd", "103rd".
pub fn ordinal(n: u64) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if (1..=10).contains(&n) {
        return WORDS[n as usize - 1].to_string();
    }
    ordinal_digits(n)
}

/// English possessive: "Kane's", "Deschamps'".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A match clock as printed: "17'", "45+2'".
pub fn clock(minute: u64, added: u64) -> String {
    if added == 0 {
        format!("{minute}'")
    } else {
        format!("{minute}+{added}'")
    }
}

/// A rating as printed: "6", "6.5", or the given text ("n/a").
pub fn mark(value: &serde_json::Value) -> String {
    match value.as_f64() {
        Some(x) if x.fract() == 0.0 => format!("{x:.0}"),
        Some(x) => format!("{x}"),
        None => value.as_str().unwrap_or_default().to_string(),
    }
}

/// The helper structs, generated by `handlebars_helper!`.
mod defs {
    use super::*;
    handlebars_helper!(PluralHelper: |n: u64, one: str, many: str| if n == 1 { one.to_string() } else { many.to_string() });
    handlebars_helper!(UpperHelper: |s: str| s.to_uppercase());
    handlebars_helper!(PossHelper: |s: str| possessive(s));
    handlebars_helper!(ClockHelper: |minute: u64, added: u64| clock(minute, added));
    handlebars_helper!(MarkHelper: |v: Json| mark(v));
    handlebars_helper!(NameHelper: |id: str, {poss: bool = false}| marker(RefKind::Name, id, poss));
    handlebars_helper!(FullHelper: |id: str, {poss: bool = false}| marker(RefKind::Full, id, poss));
    handlebars_helper!(SurnameHelper: |id: str, {poss: bool = false}| marker(RefKind::Surname, id, poss));
    handlebars_helper!(DisplayHelper: |id: str| marker(RefKind::Display, id, false));
    handlebars_helper!(DescribeHelper: |id: str, {poss: bool = false}| marker(RefKind::Describe, id, poss));
    handlebars_helper!(TeamHelper: |id: str, {poss: bool = false}| marker(RefKind::Team, id, poss));
    handlebars_helper!(TeamNameHelper: |id: str, {poss: bool = false, upper: bool = false}| {
        let m = marker(RefKind::TeamName, id, poss);
        if upper { m.replace(MARK_CLOSE, &format!("u{MARK_CLOSE}")) } else { m }
    });
    handlebars_helper!(ManagerHelper: |id: str, {poss: bool = false}| marker(RefKind::Manager, id, poss));
    handlebars_helper!(HeHelper: |id: str, {cap: bool = false, manager: bool = false}| gender_marker(RefKind::He, id, cap, manager));
    handlebars_helper!(HisHelper: |id: str, {cap: bool = false, manager: bool = false}| gender_marker(RefKind::His, id, cap, manager));
    handlebars_helper!(HimHelper: |id: str, {cap: bool = false, manager: bool = false}| gender_marker(RefKind::Him, id, cap, manager));
    handlebars_helper!(HimselfHelper: |id: str, {cap: bool = false, manager: bool = false}| gender_marker(RefKind::Himself, id, cap, manager));
    handlebars_helper!(MenHelper: |id: str, {cap: bool = false}| gender_marker(RefKind::Men, id, cap, false));
    handlebars_helper!(ManHelper: |id: str, {cap: bool = false}| gender_marker(RefKind::Man, id, cap, false));
}
use defs::*;

/// The names templates may call, for the linter and the editors' guide.
pub const HELPERS: &[&str] = &[
    "words", "ordinal", "plural", "upper", "poss", "clock", "mark", "name", "full", "surname",
    "display", "describe", "team", "teamname", "manager", "word", "he", "his", "him", "himself",
    "men", "man",
];

/// Registers every helper on a registry.
pub fn register(registry: &mut Handlebars<'static>) {
    registry.register_helper("words", Box::new(NumberHelper { ordinal: false }));
    registry.register_helper("ordinal", Box::new(NumberHelper { ordinal: true }));
    registry.register_helper("plural", Box::new(PluralHelper));
    registry.register_helper("upper", Box::new(UpperHelper));
    registry.register_helper("poss", Box::new(PossHelper));
    registry.register_helper("clock", Box::new(ClockHelper));
    registry.register_helper("mark", Box::new(MarkHelper));
    registry.register_helper("name", Box::new(NameHelper));
    registry.register_helper("full", Box::new(FullHelper));
    registry.register_helper("surname", Box::new(SurnameHelper));
    registry.register_helper("display", Box::new(DisplayHelper));
    registry.register_helper("describe", Box::new(DescribeHelper));
    registry.register_helper("team", Box::new(TeamHelper));
    registry.register_helper("teamname", Box::new(TeamNameHelper));
    registry.register_helper("manager", Box::new(ManagerHelper));
    registry.register_helper("he", Box::new(HeHelper));
    registry.register_helper("his", Box::new(HisHelper));
    registry.register_helper("him", Box::new(HimHelper));
    registry.register_helper("himself", Box::new(HimselfHelper));
    registry.register_helper("men", Box::new(MenHelper));
    registry.register_helper("man", Box::new(ManHelper));
}

/// The slot the realiser sets when the tone wants figures as digits
/// (`"digits": true` for the tone in `lexicon.json`'s `tones`).
pub const DIGITS_SLOT: &str = "_digits";

/// `{{words n}}` and `{{ordinal n}}`: words in prose ("six", "fourth"),
/// digits when the tone asks for figures ("6", "4th").
pub struct NumberHelper {
    /// True for `ordinal`, false for `words`.
    pub ordinal: bool,
}

impl handlebars::HelperDef for NumberHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let name = if self.ordinal { "ordinal" } else { "words" };
        let n = h.param(0).and_then(|p| p.value().as_u64()).ok_or_else(|| {
            handlebars::RenderErrorReason::Other(format!(
                "{name} needs a whole number: {{{{{name} minutes_left}}}}"
            ))
        })?;
        let digits = ctx
            .data()
            .get(DIGITS_SLOT)
            .and_then(|d| d.as_bool())
            .unwrap_or(false);
        let text = match (self.ordinal, digits) {
            (false, false) => number_words(n),
            (false, true) => n.to_string(),
            (true, false) => ordinal(n),
            (true, true) => ordinal_digits(n),
        };
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
            text,
        )))
    }
}

/// "1st", "22nd", "53rd", "111th".
pub fn ordinal_digits(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `{{word "group" key}}`: a word from the language's `lexicon.json`,
/// e.g. `{{word "placement" placement}}` gives "the bottom corner".
/// Words live in the phrasebank so editors and other languages own them.
pub struct WordHelper {
    /// Group name to (key to word).
    pub lexicon: serde_json::Value,
}

impl handlebars::HelperDef for WordHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let arg = |i: usize| {
            h.param(i)
                .and_then(|p| p.value().as_str().map(str::to_string))
        };
        let (Some(group), Some(key)) = (arg(0), arg(1)) else {
            return Err(handlebars::RenderErrorReason::Other(
                "word needs a group and a key, both text: {{word \"placement\" placement}}".into(),
            )
            .into());
        };
        let word = self
            .lexicon
            .get(&group)
            .and_then(|g| g.get(&key))
            .and_then(|w| w.as_str());
        match word {
            Some(w) => Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
                w.to_string(),
            ))),
            None => Err(handlebars::RenderErrorReason::Other(format!(
                "lexicon.json has no word for \"{key}\" in \"{group}\""
            ))
            .into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_are_words_large_are_digits() {
        assert_eq!(number_words(6), "six");
        assert_eq!(number_words(12), "12");
    }

    #[test]
    fn ordinals_in_words_then_suffixes() {
        assert_eq!(ordinal(4), "fourth");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(53), "53rd");
        assert_eq!(ordinal(111), "111th");
    }

    #[test]
    fn possessive_after_s_is_an_apostrophe() {
        assert_eq!(possessive("Deschamps"), "Deschamps'");
        assert_eq!(possessive("Kane"), "Kane's");
    }

    #[test]
    fn clock_shows_added_time() {
        assert_eq!(clock(17, 0), "17'");
        assert_eq!(clock(45, 2), "45+2'");
    }

    #[test]
    fn marks_drop_needless_decimals() {
        assert_eq!(mark(&serde_json::json!(6.0)), "6");
        assert_eq!(mark(&serde_json::json!(6.5)), "6.5");
        assert_eq!(mark(&serde_json::json!("n/a")), "n/a");
    }
}
