//! `beatwriter check`: re-verifies an edited draft against the match.
//!
//! A draft written by beatwriter can be written again: its options come
//! from a provenance file (`report --provenance`), from the draft's last
//! line (`-- beatwriter 0.1.0 --seed 7 --tone neutral`), or, when neither
//! is there, from the tone whose default draft it resembles most. `check`
//! writes that report again and pairs each sentence of the draft with the
//! sentence it came from (the most similar one), wherever paragraphs were
//! merged, split or wrapped in `<p>` tags. It then compares what the two
//! sentences state:
//!
//! - every figure (digits, "six", "53rd", a score such as "2-1") must be
//!   one the original states, next to the same word;
//! - every person, team or place must be one the original names (a team
//!   by any of its names, its nickname or its manager's; a player by full
//!   name, surname or first name alone), none traded for another, and none
//!   swapped with another into the other's place;
//! - no capitalised word may name someone the match does not know.
//!
//! A sentence with no counterpart (new copy) is checked against the match
//! file itself: every figure must be one it holds or derives, every name
//! one it knows. A draft about another match is refused in one line.

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::facts::{FactIndex, number_word};
use crate::model::Match;
use crate::phrasebank::Phrasebank;
use crate::phrasebank::helpers::minutes::{find_minute_phrases, fixed_minute_phrases};
use crate::report::{DEFAULT_SEED, Options, Report, write_report_with};
use std::collections::{BTreeMap, BTreeSet};

/// A line whose facts disagree with the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line of the draft.
    pub line: usize,
    /// 1-based column (in characters) of the word at fault.
    pub column: usize,
    /// A short stable code: `check/figure`, `check/name`, `check/unknown`.
    pub code: &'static str,
    /// What is wrong.
    pub problem: String,
    /// What the data says instead.
    pub data_says: String,
}

impl Finding {
    /// The finding as a diagnostic of `draft`.
    pub fn located(&self, draft: &str) -> crate::error::Located {
        crate::error::Located {
            file: draft.to_string(),
            line: Some(self.line),
            column: Some(self.column.max(1)),
            path: String::new(),
            code: self.code.to_string(),
            severity: crate::error::Severity::Error,
            message: self.problem.clone(),
            expected: Some(self.data_says.clone()),
            snippet: None,
        }
    }
}

/// How similar (shared words over all words) a draft sentence must be to
/// a generated one to be taken as an edit of it.
const SAME_SENTENCE: f64 = 0.4;

/// How sure `check` is of the options that wrote the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Certainty {
    /// From a provenance file or the draft's footer: the draft's own
    /// sentences are written again.
    Known,
    /// Guessed (no footer): the default draft of the closest tone, whose
    /// wording may differ, so only close matches (same minute in a
    /// highlight) are compared and the rest checked against the data.
    Guessed,
}

/// Checks `draft` against `m` with the options in its last line, if it
/// has one; findings in line order, empty when clean.
pub fn check(draft: &str, m: &Match, bank: &Phrasebank) -> Result<Vec<Finding>> {
    check_with(draft, m, bank, None)
}

/// Checks `draft` against `m`, as written with `options` (from a
/// provenance file) or, without them, with the options its last line gives.
pub fn check_with(
    draft: &str,
    m: &Match,
    bank: &Phrasebank,
    options: Option<Options>,
) -> Result<Vec<Finding>> {
    let model = Model::new(m, bank);
    model.same_match(draft)?;
    let options = match options {
        Some(o) => Some(o),
        None => options_of(draft).transpose()?,
    };
    let (source, wholes, certainty) = match options {
        Some(options) => (
            units_of(&write_report_with(m, &options, bank)?, &model),
            Vec::new(),
            Certainty::Known,
        ),
        None => {
            let (units, wholes) = model.closest_default(draft, bank)?;
            (units, wholes, Certainty::Guessed)
        }
    };
    let mut mine: Vec<(usize, Unit)> = Vec::new();
    for (i, raw) in draft.lines().enumerate() {
        let line = clean(raw);
        if line.is_empty() || is_machinery(&line) {
            continue;
        }
        mine.extend(
            split_sentences(&line)
                .into_iter()
                .map(|s| (i, model.unit(s))),
        );
    }
    let pairs = align(&mine, &source, certainty);
    let lines: Vec<&str> = draft.lines().collect();
    let mut findings = Vec::new();
    for ((i, unit), theirs) in mine.iter().zip(pairs) {
        let first = findings.len();
        // Guessing the draft's wording, a sentence whose facts some
        // generated sentence states together is as written.
        if certainty == Certainty::Guessed && stated_together(unit, &wholes) {
            continue;
        }
        match theirs {
            Some(k) => compare(i + 1, unit, &source[k], &mut findings),
            None => model.against_data(i + 1, unit, &mut findings),
        }
        for f in &mut findings[first..] {
            f.column = column_of(lines[*i], &f.problem);
        }
    }
    Ok(findings)
}

/// The generated sentence each draft sentence is an edit of: the most
/// similar one, or, for a sentence too changed to resemble any, the one
/// between the sentences its neighbours are edits of ("Olivier Giroud
/// (France)" made "Antoine Griezmann (France)").
fn align(mine: &[(usize, Unit)], source: &[Unit], certainty: Certainty) -> Vec<Option<usize>> {
    let mut pairs: Vec<Option<usize>> = mine
        .iter()
        .map(|(_, u)| best_match(u, source, certainty))
        .collect();
    if certainty == Certainty::Guessed {
        return pairs;
    }
    for i in 1..pairs.len().saturating_sub(1) {
        if let (None, Some(before), Some(after)) = (pairs[i], pairs[i - 1], pairs[i + 1])
            && after == before + 2
        {
            pairs[i] = Some(before + 1);
        }
    }
    pairs
}

/// Footers, separators and rules that beatwriter itself prints.
fn is_machinery(line: &str) -> bool {
    line.starts_with("-- beatwriter")
        || line.starts_with("<!-- beatwriter")
        || line.starts_with("=== Draft")
        || line.starts_with("Data: ")
        || line.chars().all(|c| c == '-' || c == '*' || c == '_')
}

/// A draft line without markup: HTML tags, Markdown heading marks and
/// the commonest entities removed.
fn clean(raw: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' if !raw.trim_start().starts_with("<!--") => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    // Markdown escapes (`\#`, `\*`) read as the characters they escape.
    let mut plain = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {}
            _ => plain.push(c),
        }
    }
    let out = plain
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ");
    out.trim().trim_start_matches('#').trim().to_string()
}

/// The report options recorded in a draft's last line, if it has one.
fn options_of(draft: &str) -> Option<Result<Options>> {
    let line = draft.lines().rev().find(|l| !l.trim().is_empty())?.trim();
    let rest = line
        .strip_prefix("-- beatwriter ")
        .or_else(|| line.strip_prefix("<!-- beatwriter "))?;
    let rest = rest.trim_end_matches("-->").trim();
    Some(parse_options(rest))
}

fn parse_options(text: &str) -> Result<Options> {
    let mut options = Options::default();
    let words = split_quoted(text);
    let mut it = words.iter().skip(1); // the version
    while let Some(flag) = it.next() {
        let value = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--seed" => {
                options.seed = value
                    .parse()
                    .map_err(|_| bad_footer(&format!("seed \"{value}\" is not a number")))?
            }
            "--tone" => options.tone = value,
            "--for" => options.perspective = Some(value),
            "--section" => options.sections.push(value),
            other => return Err(bad_footer(&format!("unknown option \"{other}\""))),
        }
    }
    Ok(options)
}

fn bad_footer(what: &str) -> Error {
    Error::single(
        ErrorKind::Usage,
        "",
        Diagnostic::new(
            "",
            format!("the draft's last line should give the options that wrote it: {what}"),
        ),
    )
}

/// Words split on spaces, with "double quotes" grouping and `\` escaping
/// the next character (as [`crate::output::quote`] writes them).
fn split_quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => current.get_or_insert_default().extend(chars.next()),
            '"' => {
                quoted = !quoted;
                current.get_or_insert_default();
            }
            ' ' if !quoted => out.extend(current.take()),
            c => current.get_or_insert_default().push(c),
        }
    }
    out.extend(current);
    out
}

/// Sentences of a line: split after `.`, `!` or `?` when the next word
/// starts with a capital or a digit, but not after an initial ("T.").
fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for w in 0..chars.len() {
        let (at, c) = chars[w];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(w + 1).map(|x| x.1);
        let after = chars.get(w + 2).map(|x| x.1);
        let word_before: String = line[start..at]
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        let initial =
            word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase);
        let boundary = next == Some(' ')
            && after.is_some_and(|a| a.is_uppercase() || a.is_ascii_digit() || a == '"');
        if boundary && !initial {
            out.push(line[start..=at].trim());
            start = at + c.len_utf8();
        }
    }
    let rest = line[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// One sentence with what it states.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    words: BTreeSet<String>,
    refs: Vec<Ref>,
    figures: Vec<Figure>,
    /// Capitalised words that name nobody the match knows.
    unknown: Vec<String>,
    /// The first word is not a name or a word of the phrasebank.
    unknown_first: Option<String>,
}

/// A mention of a person, team or place.
#[derive(Debug, Clone)]
struct Ref {
    entity: String,
    surface: String,
    before: String,
    after: String,
}

/// A figure: a number, a number word, an ordinal or a score.
#[derive(Debug, Clone)]
struct Figure {
    value: String,
    surface: String,
    before: String,
}

/// What `check` knows about a match: its names as entities, its figures
/// and the phrasebank's own words.
struct Model<'m> {
    m: &'m Match,
    index: FactIndex,
    /// A single word of a longer name → the entity, or "" when several
    /// share it.
    tokens: BTreeMap<String, String>,
    /// Every number the match holds or derives.
    values: BTreeSet<String>,
    /// Words the phrasebank writes, lower case.
    known: BTreeSet<String>,
    /// Wordings the lexicon gives one minute ("in the first minute"), which
    /// state it with no figure.
    minute_phrases: Vec<(String, u16)>,
}

impl<'m> Model<'m> {
    fn new(m: &'m Match, bank: &Phrasebank) -> Self {
        // A record's scope ("for France") is a phrase, not a name.
        let index = FactIndex::new(m).without(|p| p.ends_with(".scope"));
        let mut tokens: BTreeMap<String, String> = BTreeMap::new();
        for (name, paths) in index.names() {
            let entity = entity_of(paths.first().map_or("", String::as_str), name);
            for token in name.split([' ', '-']).filter(|t| t.len() > 1) {
                let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
                if !bare.chars().next().is_some_and(char::is_uppercase) || bare == name {
                    continue;
                }
                match tokens.get(bare) {
                    Some(e) if *e != entity => {
                        tokens.insert(bare.to_string(), String::new());
                    }
                    _ => {
                        tokens.insert(bare.to_string(), entity.clone());
                    }
                }
            }
        }
        let mut values = index.number_values();
        // Figures inside phrases ("over the last 50 years") and stages
        // ("last 16").
        for (name, _) in FactIndex::new(m).names() {
            values.extend(crate::facts::numbers_in(name).into_iter().map(|(_, n)| n));
        }
        values.extend(derived_spans(m));
        let all = serde_json::to_value(m).unwrap_or_default();
        collect_strings(&all, &mut |text| {
            if let Some(n) = crate::output::trace::stage_size(text) {
                values.insert(n.to_string());
            }
        });
        let mut known: BTreeSet<String> = BTreeSet::new();
        let lexicon = bank.lexicon().to_string();
        for text in bank.texts().chain(std::iter::once(lexicon.as_str())) {
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                known.insert(w.to_lowercase());
            }
        }
        Model {
            m,
            index,
            tokens,
            values,
            known,
            minute_phrases: fixed_minute_phrases(bank.lexicon()),
        }
    }

    /// What a sentence states.
    fn unit(&self, text: &str) -> Unit {
        let names = self.index.names_in(text, &[]);
        let inside = |at: usize| names.iter().any(|(s, e, _)| (*s..*e).contains(&at));
        let mut refs: Vec<(usize, Ref)> = names
            .iter()
            .map(|(s, e, f)| {
                (
                    *s,
                    Ref {
                        entity: entity_of(&f.path, &f.text),
                        surface: f.text.clone(),
                        before: word_before(text, *s),
                        after: word_after(text, *e),
                    },
                )
            })
            .collect();
        let mut unknown = Vec::new();
        let mut unknown_first = None;
        for (i, (at, word)) in words_with_offsets(text).enumerate() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let lead = word.len()
                - word
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            if inside(at + lead) {
                continue;
            }
            if !bare.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let possessive = bare.strip_suffix("'s").unwrap_or(bare);
            match self.tokens.get(possessive) {
                Some(entity) if !entity.is_empty() => refs.push((
                    at + lead,
                    Ref {
                        entity: entity.clone(),
                        surface: bare.to_string(),
                        before: word_before(text, at + lead),
                        after: word_after(text, at + lead + bare.len()),
                    },
                )),
                Some(_) => {}
                None if self.is_known_word(bare) => {}
                None if i == 0 => unknown_first = Some(bare.to_string()),
                None => unknown.push(bare.to_string()),
            }
        }
        refs.sort_by_key(|(at, _)| *at);
        Unit {
            text: text.to_string(),
            words: words(text),
            refs: refs.into_iter().map(|(_, r)| r).collect(),
            figures: figures(text, &inside, &self.minute_phrases),
            unknown,
            unknown_first,
        }
    }

    /// A word the phrasebank writes ("GOAL", "SHOOT-OUT") or a number word.
    fn is_known_word(&self, word: &str) -> bool {
        word.split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .all(|p| self.known.contains(&p.to_lowercase()) || number_word(p).is_some())
    }

    /// A sentence with no counterpart: figures the match holds, names it
    /// knows.
    fn against_data(&self, line: usize, unit: &Unit, findings: &mut Vec<Finding>) {
        for f in &unit.figures {
            let parts: Vec<&str> = f.value.split('-').collect();
            if parts.iter().all(|p| self.values.contains(*p)) {
                continue;
            }
            findings.push(Finding {
                line,
                column: 0,
                code: "check/figure",
                problem: format!("the figure \"{}\" is not in the match data", f.surface),
                data_says: "no event, score, minute or record in the match file has it".to_string(),
            });
        }
        for name in unit.unknown.iter().chain(&unit.unknown_first) {
            findings.push(unknown_finding(
                line,
                name,
                "no player, team, manager or place in the match file has this name".to_string(),
            ));
        }
    }

    /// Refuses a draft about another match: its title names a side the
    /// match lacks, or it names neither side at all.
    fn same_match(&self, draft: &str) -> Result<()> {
        let title = draft
            .lines()
            .map(clean)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        let strangers = scoreline_sides(&title)
            .iter()
            .any(|side| !self.is_team(side));
        let sides = draft.lines().map(clean).any(|l| {
            self.unit(&l)
                .refs
                .iter()
                .any(|r| r.entity.starts_with("team:"))
        });
        if !strangers && sides {
            return Ok(());
        }
        let fixture = format!(
            "{} v {} ({})",
            self.m.teams.home.name, self.m.teams.away.name, self.m.fixture.date
        );
        Err(Error::single(
            ErrorKind::Usage,
            "",
            Diagnostic::new(
                "",
                format!(
                    "this draft (\"{title}\") is not about {fixture}, the match given; expected the match file it was written from"
                ),
            ),
        ))
    }

    /// Whether `text` is one of the match's sides, by any of its names.
    fn is_team(&self, text: &str) -> bool {
        let unit = self.unit(text);
        unit.unknown.is_empty()
            && unit.unknown_first.is_none()
            && unit.refs.iter().any(|r| r.entity.starts_with("team:"))
            && unit.refs.iter().all(|r| r.entity.starts_with("team:"))
    }

    /// Without a footer or provenance file: the sentences of the default
    /// draft in the tone the draft resembles most, if it resembles one.
    fn closest_default(&self, draft: &str, bank: &Phrasebank) -> Result<(Vec<Unit>, Vec<Unit>)> {
        let mine: Vec<Unit> = draft
            .lines()
            .map(clean)
            .filter(|l| !l.is_empty() && !is_machinery(l))
            .flat_map(|l| {
                split_sentences(&l)
                    .into_iter()
                    .map(|s| self.unit(s))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut best: Option<(usize, Report)> = None;
        for tone in bank.tones() {
            let options = Options {
                seed: DEFAULT_SEED,
                tone: tone.to_string(),
                ..Options::default()
            };
            let report = write_report_with(self.m, &options, bank)?;
            let units = units_of(&report, self);
            let aligned = mine
                .iter()
                .filter(|u| best_match(u, &units, Certainty::Guessed).is_some())
                .count();
            if best.as_ref().is_none_or(|(n, _)| aligned > *n) {
                best = Some((aligned, report));
            }
        }
        Ok(match best {
            Some((_, report)) => (
                units_of(&report, self),
                lines_of(&report).iter().map(|l| self.unit(l)).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        })
    }
}

/// Every string of a JSON value.
fn collect_strings(v: &serde_json::Value, visit: &mut dyn FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => visit(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, visit)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, visit)),
        _ => {}
    }
}

/// The sides a scoreline title names: "England" and "France" in "England
/// 1-2 France (4-2 on penalties)"; none when the title has no score.
fn scoreline_sides(title: &str) -> Vec<String> {
    let numbers = crate::facts::numbers_in(title);
    let score = numbers.windows(2).find(|w| {
        let end = w[0].0 + w[0].1.len();
        matches!(&title[end..w[1].0], "-" | "–")
    });
    let Some([(start, _), (at, last)]) = score else {
        return Vec::new();
    };
    let right = &title[at + last.len()..];
    let right = right.split(['(', ':', ',', ';']).next().unwrap_or_default();
    [&title[..*start], right]
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The entity a name stands for: a team (by any of its names or its
/// manager's), a player, a record holder, or the name itself.
fn entity_of(path: &str, name: &str) -> String {
    for side in ["home", "away"] {
        let team = format!("teams.{side}.");
        let Some(rest) = path.strip_prefix(&team) else {
            continue;
        };
        if let Some(squad) = rest.strip_prefix("squad[") {
            return format!("player:{side}:{}", squad.split(']').next().unwrap_or(""));
        }
        return format!("team:{side}");
    }
    if let Some(rest) = path.strip_prefix("context.records[")
        && let Some((record, holder)) = rest.split_once("].holders[")
    {
        return format!("holder:{record}:{}", holder.split(']').next().unwrap_or(""));
    }
    format!("name:{name}")
}

/// Every sentence (and title and heading) of a report.
fn units_of(report: &Report, model: &Model) -> Vec<Unit> {
    lines_of(report)
        .iter()
        .flat_map(|l| {
            split_sentences(l)
                .into_iter()
                .map(|s| model.unit(s))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The title, headings and sentences of a report, as printed.
fn lines_of(report: &Report) -> Vec<String> {
    let mut lines = vec![report.title.clone()];
    for section in &report.sections {
        lines.push(section.heading.clone());
        lines.extend(
            section
                .paragraphs
                .iter()
                .flat_map(|p| &p.sentences)
                .map(|s| s.text.clone()),
        );
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// Whether some generated sentence states every fact of `unit` together:
/// its people, teams and places, and its figures.
fn stated_together(unit: &Unit, wholes: &[Unit]) -> bool {
    if !unit.unknown.is_empty() {
        return false;
    }
    wholes.iter().any(|w| {
        let figures: Vec<String> = w.figures.iter().map(|f| f.value.clone()).collect();
        let mine: Vec<String> = unit.figures.iter().map(|f| f.value.clone()).collect();
        minus(&mine, &figures).is_empty()
            && unit
                .refs
                .iter()
                .all(|r| w.refs.iter().any(|x| x.entity == r.entity))
    })
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The generated sentence this one most likely came from.
fn best_match(unit: &Unit, source: &[Unit], certainty: Certainty) -> Option<usize> {
    let (threshold, clock) = match certainty {
        Certainty::Known => (SAME_SENTENCE, None),
        Certainty::Guessed => (0.6, Some(clock_of(&unit.text))),
    };
    source
        .iter()
        .enumerate()
        .filter(|(_, s)| clock.as_ref().is_none_or(|c| *c == clock_of(&s.text)))
        .map(|(k, s)| {
            let shared = unit.words.intersection(&s.words).count() as f64;
            let all = unit.words.union(&s.words).count().max(1) as f64;
            (shared / all, k)
        })
        .filter(|(score, _)| *score >= threshold)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The clock a highlight starts with ("45+7'"), or empty.
fn clock_of(text: &str) -> String {
    let clock: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if text[clock.len()..].starts_with('\'') {
        clock
    } else {
        String::new()
    }
}

/// What the edited sentence states that the sentence as written does not.
fn compare(line: usize, mine: &Unit, theirs: &Unit, findings: &mut Vec<Finding>) {
    let as_written = format!("the sentence as written: \"{}\"", theirs.text);
    changed_figures(line, mine, theirs, &as_written, findings);
    changed_names(line, mine, theirs, &as_written, findings);
    let lost_a_name = theirs
        .refs
        .iter()
        .any(|r| !mine.refs.iter().any(|x| x.entity == r.entity));
    for name in mine
        .unknown
        .iter()
        .chain(mine.unknown_first.iter().filter(|_| lost_a_name))
    {
        if theirs.text.contains(name.as_str()) {
            continue;
        }
        findings.push(unknown_finding(
            line,
            name,
            format!("no player, team or place of that name; {as_written}"),
        ));
    }
}

fn unknown_finding(line: usize, name: &str, data_says: String) -> Finding {
    Finding {
        line,
        column: 0,
        code: "check/unknown",
        problem: format!("\"{name}\" is not in the match"),
        data_says,
    }
}

/// Figures the edited sentence states that the original does not, or
/// puts next to another word.
fn changed_figures(
    line: usize,
    mine: &Unit,
    theirs: &Unit,
    as_written: &str,
    findings: &mut Vec<Finding>,
) {
    let values = |u: &Unit| {
        u.figures
            .iter()
            .map(|f| f.value.clone())
            .collect::<Vec<_>>()
    };
    let (a, b) = (values(mine), values(theirs));
    let gone = minus(&b, &a);
    let added = minus(&a, &b);
    let mut flagged = BTreeSet::new();
    for f in &mine.figures {
        if !added.contains(&f.value.as_str()) || !flagged.insert(f.value.clone()) {
            continue;
        }
        let data_says = if gone.is_empty() {
            format!("the sentence as written does not state it; {as_written}")
        } else {
            format!("{} ({as_written})", gone.join(", "))
        };
        findings.push(figure_finding(line, &f.surface, data_says));
    }
    // The same figures, next to other words: "Bellingham 6, Henderson 7".
    for f in mine
        .figures
        .iter()
        .filter(|f| !added.contains(&f.value.as_str()))
    {
        let same_place: Vec<&Figure> = theirs
            .figures
            .iter()
            .filter(|t| !f.before.is_empty() && t.before == f.before)
            .collect();
        if let [t] = same_place.as_slice()
            && t.value != f.value
        {
            findings.push(figure_finding(
                line,
                &f.surface,
                format!("{} after \"{}\" ({as_written})", t.surface, f.before),
            ));
        }
    }
}

fn figure_finding(line: usize, surface: &str, data_says: String) -> Finding {
    Finding {
        line,
        column: 0,
        code: "check/figure",
        problem: format!("the figure \"{surface}\" was changed or added"),
        data_says,
    }
}

/// People, teams and places the edited sentence names that the original
/// does not, names more often at another's expense, or swaps into
/// another's place.
fn changed_names(
    line: usize,
    mine: &Unit,
    theirs: &Unit,
    as_written: &str,
    findings: &mut Vec<Finding>,
) {
    let count = |u: &Unit, e: &str| u.refs.iter().filter(|r| r.entity == e).count();
    let kind = |e: &str| e.split(':').next().unwrap_or("").to_string();
    let gone: Vec<&Ref> = theirs
        .refs
        .iter()
        .filter(|r| count(mine, &r.entity) < count(theirs, &r.entity))
        .collect();
    let mut flagged = BTreeSet::new();
    for r in &mine.refs {
        let (now, before) = (count(mine, &r.entity), count(theirs, &r.entity));
        let traded = gone.iter().any(|g| kind(&g.entity) == kind(&r.entity));
        let swapped = theirs.refs.iter().any(|t| {
            t.entity != r.entity
                && kind(&t.entity) == kind(&r.entity)
                && (t.before.clone(), t.after.clone()) == (r.before.clone(), r.after.clone())
                && theirs
                    .refs
                    .iter()
                    .filter(|x| {
                        (x.before.clone(), x.after.clone()) == (t.before.clone(), t.after.clone())
                    })
                    .count()
                    == 1
        });
        let wrong = before == 0 || (now > before && traded) || swapped;
        if !wrong || !flagged.insert(r.entity.clone()) {
            continue;
        }
        let instead: Vec<&str> = gone
            .iter()
            .filter(|g| kind(&g.entity) == kind(&r.entity) && g.entity != r.entity)
            .map(|g| g.surface.as_str())
            .collect();
        let data_says = if instead.is_empty() {
            format!("the sentence as written does not name them there; {as_written}")
        } else {
            format!("{} ({as_written})", instead.join(", "))
        };
        findings.push(Finding {
            line,
            column: 0,
            code: "check/name",
            problem: format!("the name \"{}\" was changed or added", r.surface),
            data_says,
        });
    }
}

/// Minutes the data implies without stating them: how long each side led
/// ("16 minutes behind"), and the span between two goals of one side ("a
/// hat-trick inside 38 minutes", "three goals in 11 minutes").
fn derived_spans(m: &Match) -> Vec<String> {
    let led = crate::analysis::Analysis::new(m).minutes_led();
    let mut out = vec![led.home.to_string(), led.away.to_string()];
    let goals: Vec<(&str, u16)> = m
        .events
        .iter()
        .filter(|e| e.kind.is_goal())
        .filter_map(|e| Some((e.team.as_str(), e.minute?)))
        .collect();
    for (n, (team, a)) in goals.iter().enumerate() {
        for (other, b) in &goals[n + 1..] {
            if team == other {
                out.push(b.abs_diff(*a).to_string());
            }
        }
    }
    out
}

/// The figures of a text outside names: scores such as "1-2" as one,
/// digits, ordinals ("53rd"), number words ("six", "third") and the
/// lexicon's wordings of one minute ("in the first minute" is 1).
fn figures(
    text: &str,
    inside_name: &dyn Fn(usize) -> bool,
    minute_phrases: &[(String, u16)],
) -> Vec<Figure> {
    let numbers = crate::facts::numbers_in(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let (at, n) = &numbers[i];
        let end = at + n.len();
        i += 1;
        if inside_name(*at) {
            continue;
        }
        let joined = numbers
            .get(i)
            .filter(|(next, _)| matches!(&text[end..*next], "-" | "–"));
        let (value, surface) = match joined {
            Some((next, m)) => {
                i += 1;
                (format!("{n}-{m}"), text[*at..next + m.len()].to_string())
            }
            None => (n.clone(), n.clone()),
        };
        out.push((
            *at,
            Figure {
                value,
                surface,
                before: word_before(text, *at),
            },
        ));
    }
    for (at, word) in words_with_offsets(text) {
        for (off, part) in split_with_offsets(word) {
            // "one" and "first" are idioms far more often than figures.
            if let Some(value) = number_word(part).filter(|n| *n != 1)
                && !inside_name(at + off)
            {
                out.push((
                    at + off,
                    Figure {
                        value: value.to_string(),
                        surface: part.to_string(),
                        before: word_before(text, at + off),
                    },
                ));
            }
        }
    }
    for (at, end, minute) in find_minute_phrases(text, minute_phrases) {
        let figure = Figure {
            value: minute.to_string(),
            surface: text[at..end].to_string(),
            before: word_before(text, at),
        };
        out.push((at, figure));
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, f)| f).collect()
}

fn split_with_offsets(word: &str) -> impl Iterator<Item = (usize, &str)> {
    word.split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .map(move |p| (p.as_ptr() as usize - word.as_ptr() as usize, p))
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The word before byte `at`, lower case, punctuation dropped.
fn word_before(text: &str, at: usize) -> String {
    text[..at]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase()
}

/// The word after byte `end`, lower case, a possessive "s" skipped.
fn word_after(text: &str, end: usize) -> String {
    let rest = text[end..].strip_prefix("'s").unwrap_or(&text[end..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase()
}

/// The items of `a` left after taking away one for each item of `b`.
fn minus<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut rest: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| y == x) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => out.push(x.as_str()),
        }
    }
    out
}

/// The 1-based character column of the first quoted word of `problem` in
/// `line`, or 1.
fn column_of(line: &str, problem: &str) -> usize {
    let quoted = problem.split('"').nth(1).unwrap_or_default();
    match line.find(quoted).filter(|_| !quoted.is_empty()) {
        Some(at) => line[..at].chars().count() + 1,
        None => 1,
    }
}

/// The findings as lines a sub-editor reads: `DRAFT:LINE:COLUMN: error: problem; expected ...`.
pub fn describe(file: &str, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| f.located(file).text() + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_but_not_initials() {
        assert_eq!(
            split_sentences("ENGLAND: Pickford 6, T. Hernandez 7. Subs: Mount n/a."),
            vec!["ENGLAND: Pickford 6, T. Hernandez 7.", "Subs: Mount n/a."]
        );
        assert_eq!(
            split_sentences("17' – GOAL! – England 0-1 France. France strike first."),
            vec!["17' – GOAL! – England 0-1 France.", "France strike first."]
        );
    }

    #[test]
    fn figures_read_words_scores_and_ordinals() {
        let f = figures(
            "six minutes from the end, 2-1, his 53rd and third",
            &|_| false,
            &[],
        );
        let values: Vec<&str> = f.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values, vec!["6", "2-1", "53", "3"]);
    }

    #[test]
    fn a_minute_worded_without_a_figure_is_a_figure() {
        let phrases = vec![("in the first minute".to_string(), 1)];
        let f = figures("In the first minute, then 2-1", &|_| false, &phrases);
        let values: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.value.as_str(), f.surface.as_str()))
            .collect();
        assert_eq!(values, vec![("1", "In the first minute"), ("2-1", "2-1")]);
    }

    #[test]
    fn markup_is_dropped() {
        assert_eq!(clean("<p>England are out.</p>"), "England are out.");
        assert_eq!(clean("## Talking Point"), "Talking Point");
    }
}
