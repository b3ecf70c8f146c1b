//! Template helpers for English: numbers, ordinals and counts (house
//! style from `style.json`), plurals, minutes, possessives, pronouns, and the referring expressions for players and teams.
//!
//! Referring helpers (`name`, `team`, ...) do not decide the words
//! themselves: whether "Harry Kane" or "Kane" is right depends on what the
//! report said before, which a stateless helper cannot know. They emit a
//! marker that [`crate::realise::refer`] resolves in reading order.

use super::style::StyleBook;
use handlebars::{Handlebars, handlebars_helper};

pub mod minutes;

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

/// Opens a set of alternative wordings (`{{alt "a" "b"}}`), which the
/// realiser settles: the first whose phrases the report has not used.
pub const ALT_OPEN: char = '\u{E003}';
/// Closes a set of alternative wordings.
pub const ALT_CLOSE: char = '\u{E004}';
/// Separates alternative wordings.
pub const ALT_SEP: char = '\u{E005}';

/// `{{alt "from the spot" "from 12 yards"}}`: wordings that say the same
/// thing, for a phrase a report may need several times.
pub struct AltHelper;

impl handlebars::HelperDef for AltHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
            alt(h)?,
        )))
    }
}

/// What `{{alt}}` writes: its wordings between the set's marks.
pub(crate) fn alt(args: &impl Args) -> Result<String, handlebars::RenderError> {
    let options: Vec<&str> = (0..args.count())
        .filter_map(|i| args.param(i).and_then(|p| p.as_str()))
        .collect();
    if options.is_empty() {
        return Err(other(
            "alt needs one or more wordings: {{alt \"a\" \"b\"}}".into(),
        ));
    }
    let sep = ALT_SEP.to_string();
    Ok(format!("{ALT_OPEN}{}{ALT_CLOSE}", options.join(&sep)))
}

/// A helper's arguments, from handlebars or from the phrasebank's own
/// renderer ([`super::native`]), so both run the same helper code.
pub(crate) trait Args {
    /// Argument `i`; a slot that is not there reads as null.
    fn param(&self, i: usize) -> Option<&serde_json::Value>;
    /// The hash argument `name`; a slot that is not there reads as null.
    fn hash(&self, name: &str) -> Option<&serde_json::Value>;
    /// How many arguments were given.
    fn count(&self) -> usize;
    /// Argument `i` when given and its slot is there.
    fn present(&self, i: usize) -> Option<&serde_json::Value>;
}

impl Args for handlebars::Helper<'_> {
    fn param(&self, i: usize) -> Option<&serde_json::Value> {
        handlebars::Helper::param(self, i).map(|p| p.value())
    }

    fn hash(&self, name: &str) -> Option<&serde_json::Value> {
        self.hash_get(name).map(|p| p.value())
    }

    fn count(&self) -> usize {
        self.params().len()
    }

    fn present(&self, i: usize) -> Option<&serde_json::Value> {
        handlebars::Helper::param(self, i)
            .filter(|p| !p.is_value_missing())
            .map(|p| p.value())
    }
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

/// The marker `{{teamname}}` writes: `upper` asks for capitals.
pub fn teamname_marker(id: &str, poss: bool, upper: bool) -> String {
    let m = marker(RefKind::TeamName, id, poss);
    if upper {
        m.replace(MARK_CLOSE, &format!("u{MARK_CLOSE}"))
    } else {
        m
    }
}

/// English possessive: "Kane's", "Deschamps'".
pub fn possessive(name: &str) -> String {
    // "United States Women's" is already possessive in form: adding
    // another apostrophe gives "Women's'".
    if name.ends_with("'s") || name.ends_with("’s") {
        name.to_string()
    } else if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A score told with the leading side's goals first, as reporters give a
/// running score whoever scored: {home: 2, away: 4} is "4-2".
pub fn tally(score: &serde_json::Map<String, serde_json::Value>) -> String {
    let goals = |k: &str| {
        score
            .get(k)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    let (a, b) = (goals("home"), goals("away"));
    format!("{}-{}", a.max(b), a.min(b))
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
    handlebars_helper!(TallyHelper: |score: object| tally(score));
    handlebars_helper!(ClockHelper: |minute: u64, added: u64| clock(minute, added));
    handlebars_helper!(MarkHelper: |v: Json| mark(v));
    handlebars_helper!(AHelper: |v: Json, {cap: bool = false}| {
        let a = crate::phrasebank::style::indefinite(&mark(v));
        if cap { capitalise(a) } else { a.to_string() }
    });
    handlebars_helper!(NameHelper: |id: str, {poss: bool = false}| marker(RefKind::Name, id, poss));
    handlebars_helper!(FullHelper: |id: str, {poss: bool = false}| marker(RefKind::Full, id, poss));
    handlebars_helper!(SurnameHelper: |id: str, {poss: bool = false}| marker(RefKind::Surname, id, poss));
    handlebars_helper!(DisplayHelper: |id: str| marker(RefKind::Display, id, false));
    handlebars_helper!(DescribeHelper: |id: str, {poss: bool = false}| marker(RefKind::Describe, id, poss));
    handlebars_helper!(TeamHelper: |id: str, {poss: bool = false}| marker(RefKind::Team, id, poss));
    handlebars_helper!(TeamNameHelper: |id: str, {poss: bool = false, upper: bool = false}| teamname_marker(id, poss, upper));
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
    "words",
    "ordinal",
    "plural",
    "upper",
    "poss",
    "clock",
    "mark",
    "name",
    "full",
    "surname",
    "display",
    "describe",
    "team",
    "teamname",
    "manager",
    "word",
    "he",
    "his",
    "him",
    "himself",
    "men",
    "man",
    "count",
    "share",
    "tally",
    "alt",
    "times",
    "percent",
    "the",
    "list",
    "verb",
    "they",
    "their",
    "them",
    "themselves",
    "a",
    "at_minute",
    "after_minutes",
];

/// Registers the style helpers, which need the language's style and words.
pub fn register_style(
    registry: &mut Handlebars<'static>,
    style: StyleBook,
    lexicon: &serde_json::Value,
) {
    let style = std::sync::Arc::new(style);
    let lexicon = std::sync::Arc::new(lexicon.clone());
    for (name, kind) in STYLE_HELPERS {
        let helper = StyleHelper {
            kind: *kind,
            style: style.clone(),
            lexicon: lexicon.clone(),
        };
        registry.register_helper(name, Box::new(helper));
    }
    minutes::register(registry, &lexicon);
}

/// The style helpers by name.
const STYLE_HELPERS: &[(&str, StyleKind)] = &[
    ("words", StyleKind::Words),
    ("ordinal", StyleKind::Ordinal),
    ("count", StyleKind::Count),
    ("share", StyleKind::Share),
    ("times", StyleKind::Times),
    ("percent", StyleKind::Percent),
    ("the", StyleKind::The),
    ("list", StyleKind::List),
    ("verb", StyleKind::Verb),
    ("they", StyleKind::TeamPronoun("they")),
    ("their", StyleKind::TeamPronoun("their")),
    ("them", StyleKind::TeamPronoun("them")),
    ("themselves", StyleKind::TeamPronoun("themselves")),
];

/// The style helper called `name`, if it is one.
pub(crate) fn style_kind(name: &str) -> Option<StyleKind> {
    STYLE_HELPERS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, kind)| *kind)
}

/// Registers every helper on a registry.
pub fn register(registry: &mut Handlebars<'static>) {
    registry.register_helper("plural", Box::new(PluralHelper));
    registry.register_helper("upper", Box::new(UpperHelper));
    registry.register_helper("poss", Box::new(PossHelper));
    registry.register_helper("tally", Box::new(TallyHelper));
    registry.register_helper("alt", Box::new(AltHelper));
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
    registry.register_helper("a", Box::new(AHelper));
}

/// The slot the realiser sets to the tone's name, so the style helpers
/// (`words`, `ordinal`, `count`, ...) apply that tone's house style.
pub const TONE_SLOT: &str = "_tone";

/// What a style helper writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleKind {
    /// `{{words n}}`: "six", "12".
    Words,
    /// `{{ordinal n}}`: "fourth", "11th".
    Ordinal,
    /// `{{count n "save" "saves"}}`: "one save", "two saves"; `a=true`
    /// writes "a save" for one.
    Count,
    /// `{{share n k "from the spot"}}`, after a count of `n`: ", one of
    /// them from the spot" for `k` of them (", both ...", ", all ...", just
    /// ", from the spot" for a count of one, nothing for none).
    Share,
    /// `{{times n}}`: "once", "twice", "three times".
    Times,
    /// `{{percent n}}`: "54 per cent".
    Percent,
    /// `{{the competition}}`: "the World Cup", "Euro 2020"; with
    /// `team=true`, a team's name: "the Netherlands", "England".
    The,
    /// `{{list keys "claim"}}`: lexicon words, equal keys counted together:
    /// "a penalty and a goal", "two penalties".
    List,
    /// `{{verb team "are" "is"}}`: the verb agreeing with a team as
    /// subject, plural in British style ("France are"), singular when
    /// the style's `team_verbs` is `"singular"`.
    Verb,
    /// `{{they team}}`, `{{their team}}`, `{{them team}}`,
    /// `{{themselves team}}` (`cap=true` for a capital): a team's pronoun,
    /// agreeing with `{{verb}}`: "they", "their" in British style, "it",
    /// "its" when the style's `team_verbs` is `"singular"`.
    TeamPronoun(&'static str),
}

/// The helpers that follow house style (`style.json`) for the tone being
/// written.
pub struct StyleHelper {
    /// Which helper this is.
    pub kind: StyleKind,
    /// The language's house style.
    pub style: std::sync::Arc<StyleBook>,
    /// The language's words, for `list`.
    pub lexicon: std::sync::Arc<serde_json::Value>,
}

fn other(message: String) -> handlebars::RenderError {
    handlebars::RenderErrorReason::Other(message).into()
}

fn number_arg(args: &impl Args, i: usize, name: &str) -> Result<u64, handlebars::RenderError> {
    args.param(i)
        .and_then(|p| p.as_u64())
        .ok_or_else(|| other(format!("{name} needs a whole number as argument {}", i + 1)))
}

fn text_arg(args: &impl Args, i: usize, name: &str) -> Result<String, handlebars::RenderError> {
    args.param(i)
        .and_then(|p| p.as_str().map(str::to_string))
        .ok_or_else(|| other(format!("{name} needs text as argument {}", i + 1)))
}

/// What the style helper `kind` writes for `args` in `tone`.
pub(crate) fn style(
    kind: StyleKind,
    style: &StyleBook,
    lexicon: &serde_json::Value,
    args: &impl Args,
    tone: &str,
) -> Result<String, handlebars::RenderError> {
    Ok(match kind {
        StyleKind::Words => style.number(tone, number_arg(args, 0, "words")?),
        StyleKind::Ordinal => style.ordinal(tone, number_arg(args, 0, "ordinal")?),
        StyleKind::Times => style.times(tone, number_arg(args, 0, "times")?),
        StyleKind::Percent => style.percent(tone, number_arg(args, 0, "percent")?),
        StyleKind::The => {
            let team = args.hash("team").and_then(|v| v.as_bool()) == Some(true);
            style.with_article(&text_arg(args, 0, "the")?, !team)
        }
        StyleKind::Count => {
            let n = number_arg(args, 0, "count")?;
            let one = text_arg(args, 1, "count")?;
            let many = text_arg(args, 2, "count")?;
            let article = args.hash("a").and_then(|v| v.as_bool()).unwrap_or(false);
            style.count(tone, n, &one, &many, article)
        }
        StyleKind::Share => style.share(
            tone,
            number_arg(args, 0, "share")?,
            number_arg(args, 1, "share")?,
            &text_arg(args, 2, "share")?,
        ),
        StyleKind::List => list(style, lexicon, args, tone)?,
        StyleKind::Verb => {
            // The team is named so a template reads as what it says
            // ("{{verb team ...}}" after "{{team team}}"), and so a
            // wrong slot fails loudly rather than agreeing silently.
            text_arg(args, 0, "verb")?;
            let plural = text_arg(args, 1, "verb")?;
            let singular = text_arg(args, 2, "verb")?;
            style.team_verb(tone, &plural, &singular).to_string()
        }
        StyleKind::TeamPronoun(key) => {
            // Named like `{{verb}}`'s team, so a wrong slot fails.
            text_arg(args, 0, key)?;
            let word = style.team_pronoun(tone, key).ok_or_else(|| {
                other(format!(
                    "style.json has no team_pronouns entry for \"{key}\""
                ))
            })?;
            let cap = args.hash("cap").and_then(|v| v.as_bool()) == Some(true);
            if cap { capitalise(&word) } else { word }
        }
    })
}

/// Equal keys once, counted: ["penalty", "penalty", "goal"] with the
/// group "claim" is "two penalties and a goal".
fn list(
    style: &StyleBook,
    lexicon: &serde_json::Value,
    args: &impl Args,
    tone: &str,
) -> Result<String, handlebars::RenderError> {
    let keys: Vec<String> = args
        .param(0)
        .and_then(|p| p.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .ok_or_else(|| other("list needs an array of keys: {{list claims \"claim\"}}".into()))?;
    let group = text_arg(args, 1, "list")?;
    let mut counted: Vec<(String, u64)> = Vec::new();
    for k in keys {
        match counted.iter_mut().find(|(key, _)| *key == k) {
            Some((_, n)) => *n += 1,
            None => counted.push((k, 1)),
        }
    }
    let word = |g: &str, k: &str| {
        lexicon
            .get(g)
            .and_then(|w| w.get(k))
            .and_then(|w| w.as_str())
            .map(str::to_string)
            .ok_or_else(|| other(format!("lexicon.json has no word for \"{k}\" in \"{g}\"")))
    };
    let mut items = Vec::new();
    for (k, n) in &counted {
        items.push(if *n == 1 {
            word(&group, k)?
        } else {
            format!(
                "{} {}",
                style_number(style, tone, *n),
                word(&format!("{group}_plural"), k)?
            )
        });
    }
    Ok(join_and(&items))
}

fn style_number(style: &StyleBook, tone: &str, n: u64) -> String {
    style.number(tone, n)
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl handlebars::HelperDef for StyleHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let tone = ctx
            .data()
            .get(TONE_SLOT)
            .and_then(|d| d.as_str())
            .unwrap_or(crate::phrasebank::BASE_TONE);
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
            style(self.kind, &self.style, &self.lexicon, h, tone)?,
        )))
    }
}

pub(crate) use crate::input::text::capitalise;

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
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
            word(&self.lexicon, h)?,
        )))
    }
}

/// What `{{word group key}}` writes.
pub(crate) fn word(
    lexicon: &serde_json::Value,
    args: &impl Args,
) -> Result<String, handlebars::RenderError> {
    let arg = |i: usize| args.param(i).and_then(|p| p.as_str().map(str::to_string));
    let (Some(group), Some(key)) = (arg(0), arg(1)) else {
        return Err(handlebars::RenderErrorReason::Other(
            "word needs a group and a key, both text: {{word \"placement\" placement}}".into(),
        )
        .into());
    };
    let word = lexicon.get(&group).and_then(|g| g.get(&key));
    // A list of words is a set of wordings for the realiser to settle,
    // as `{{alt}}` writes one: the lexicon's way to vary a phrase a
    // report may need twice ("in the added time of extra time").
    let word = match word {
        Some(serde_json::Value::Array(options)) => {
            let options: Vec<&str> = options.iter().filter_map(|w| w.as_str()).collect();
            (!options.is_empty()).then(|| {
                let sep = ALT_SEP.to_string();
                format!("{ALT_OPEN}{}{ALT_CLOSE}", options.join(&sep))
            })
        }
        other => other.and_then(|w| w.as_str()).map(str::to_string),
    };
    word.ok_or_else(|| {
        handlebars::RenderErrorReason::Other(format!(
            "lexicon.json has no word for \"{key}\" in \"{group}\""
        ))
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_suffixes() {
        assert_eq!(ordinal_digits(11), "11th");
        assert_eq!(ordinal_digits(22), "22nd");
        assert_eq!(ordinal_digits(53), "53rd");
        assert_eq!(ordinal_digits(111), "111th");
    }

    #[test]
    fn lists_join_with_and() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&items(&["a"])), "a");
        assert_eq!(join_and(&items(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn possessive_after_s_is_an_apostrophe() {
        assert_eq!(possessive("Deschamps"), "Deschamps'");
        assert_eq!(possessive("Kane"), "Kane's");
        assert_eq!(possessive("United States Women's"), "United States Women's");
    }

    #[test]
    fn running_scores_lead_with_the_leader() {
        let score = serde_json::json!({"home": 2, "away": 4});
        assert_eq!(tally(score.as_object().unwrap()), "4-2");
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
