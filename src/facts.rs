//! The facts a text states, traced to the input.
//!
//! A [`FactIndex`] knows every name the match file holds (players, teams,
//! managers, places, people in the context) and every number, each with
//! the JSON path it sits at, plus the numbers the analysis derives (running
//! scores, minutes left, record tallies). The JSON output uses it to show
//! where each name and number of a sentence came from; `beatwriter check`
//! uses it to find names and numbers an editor introduced.

use crate::analysis::Analysis;
use crate::model::Match;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One name or number in a text, and where the input holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// The words as they appear in the text.
    pub text: String,
    /// `name` or `number`.
    pub kind: &'static str,
    /// The JSON path in the match file, or `derived: ...` for a figure the
    /// analysis computes from the input; empty when the input lacks it.
    pub path: String,
    /// For a derived figure, what it is computed from, so a tool can
    /// compute it again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
}

/// How a figure that no single field holds follows from the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Derivation {
    /// What is computed: `goals` (goal events credited to `team` within
    /// `range`), `shootout_goals` (scored kicks), `minutes_left` (`end`
    /// minus the minute), `record_after` (the tally before plus the events
    /// that add to it), `count` (how many entries `from` lists) or
    /// `match_length` (90, or 120 with extra time), `rating_scale` (10:
    /// ratings are marks out of ten), `players_left` (11 less the
    /// sendings-off `from` lists) or `stage_size` (the sides a stage has:
    /// 16 for `round_of_16`, 4 for `semi_final`).
    pub rule: &'static str,
    /// The input paths it is computed from.
    pub from: Vec<String>,
    /// The side a count of goals belongs to: `teams.home` or `teams.away`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// For goals, the events considered: `events[a..b]`, `b` excluded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
    /// For `minutes_left`, the minute the phase ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u16>,
}

/// Every name and number of a match, with its paths.
#[derive(Debug, Clone)]
pub struct FactIndex {
    /// Name surface form → paths, longest names first when matching.
    names: Vec<(String, Vec<String>)>,
    /// Number as written → paths.
    numbers: BTreeMap<String, Vec<String>>,
    /// Every number the match file holds, (path, value), in the walker's
    /// order: the provenance tracer searches these for each figure a
    /// sentence prints, and walking the match once per figure was most of
    /// the JSON output's time.
    number_leaves: Vec<(String, f64)>,
    /// Every `stage` and `reached` field, (path, value), in that order.
    stage_leaves: Vec<(String, String)>,
    /// The first word of each name (its leading run of letters and
    /// digits) → the positions in `names` of the names it opens; names
    /// opening with no such word are in `open`.
    by_first_word: HashMap<String, Vec<usize>>,
    /// Positions in `names` of names with no first word to look up.
    open: Vec<usize>,
}

/// The first word of a name: its leading run of letters and digits.
fn first_word(name: &str) -> &str {
    name.split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
}

impl FactIndex {
    /// Indexes a match.
    pub fn new(m: &Match) -> Self {
        let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut numbers: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut number_leaves = Vec::new();
        let mut stage_leaves = Vec::new();
        let value = serde_json::to_value(m).unwrap_or_default();
        walk(&value, String::new(), &mut |path, v| match v {
            serde_json::Value::Number(n) => {
                if let Some(f) = n.as_f64() {
                    number_leaves.push((path.clone(), f));
                }
                numbers.entry(n.to_string()).or_default().push(path)
            }
            serde_json::Value::String(s) => {
                if is_name_field(&path) {
                    // "the Three Lions" is also written "Three Lions".
                    if let Some(bare) = s.strip_prefix("the ") {
                        names
                            .entry(bare.to_string())
                            .or_default()
                            .push(path.clone());
                    }
                    names.entry(s.clone()).or_default().push(path.clone());
                }
                if path.ends_with(".stage") || path.ends_with(".reached") {
                    stage_leaves.push((path, s.clone()));
                }
            }
            _ => {}
        });
        derived(m, &mut numbers);
        let mut names: Vec<(String, Vec<String>)> =
            names.into_iter().filter(|(n, _)| !n.is_empty()).collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        FactIndex::with_names(names, numbers, number_leaves, stage_leaves)
    }

    fn with_names(
        names: Vec<(String, Vec<String>)>,
        numbers: BTreeMap<String, Vec<String>>,
        number_leaves: Vec<(String, f64)>,
        stage_leaves: Vec<(String, String)>,
    ) -> Self {
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut open = Vec::new();
        for (i, (name, _)) in names.iter().enumerate() {
            match first_word(name) {
                "" => open.push(i),
                w => by_first_word.entry(w.to_string()).or_default().push(i),
            }
        }
        FactIndex {
            names,
            numbers,
            number_leaves,
            stage_leaves,
            by_first_word,
            open,
        }
    }

    /// Every number the match file holds, (path, value), in document
    /// order.
    pub(crate) fn number_leaves(&self) -> &[(String, f64)] {
        &self.number_leaves
    }

    /// Every `stage` and `reached` field, (path, value), in document
    /// order.
    pub(crate) fn stage_leaves(&self) -> &[(String, String)] {
        &self.stage_leaves
    }

    /// The index without the names some paths hold (phrases such as a
    /// record's scope, "for France", that are not names of their own).
    pub fn without(&self, drop: impl Fn(&str) -> bool) -> Self {
        let names = self
            .names
            .iter()
            .map(|(n, paths)| {
                let kept: Vec<String> = paths.iter().filter(|p| !drop(p)).cloned().collect();
                (n.clone(), kept)
            })
            .filter(|(_, paths)| !paths.is_empty())
            .collect();
        FactIndex::with_names(
            names,
            self.numbers.clone(),
            self.number_leaves.clone(),
            self.stage_leaves.clone(),
        )
    }

    /// Every name of the match with the paths that hold it.
    pub fn names(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.names.iter().map(|(n, p)| (n.as_str(), p.as_slice()))
    }

    /// Every number the match holds or the analysis derives, as written.
    pub fn number_values(&self) -> std::collections::BTreeSet<String> {
        self.numbers.keys().cloned().collect()
    }

    /// The names `text` states, with their byte spans, longest names
    /// first taking precedence; in no particular order.
    pub fn names_in(&self, text: &str, prefer: &[String]) -> Vec<(usize, usize, Fact)> {
        let mut found = Vec::new();
        let mut taken = vec![false; text.len()];
        // A name stated with a word boundary before it starts a word of
        // the text that is exactly the name's first word (its leading run
        // of letters and digits), so a name whose first word the text
        // lacks cannot match: searching the text for each of the match's
        // hundreds of names was most of the JSON output's time. The names
        // the text's words open are looked up, and tried in the index's
        // order (longest first), as if every name had been.
        let mut candidates: Vec<usize> = self.open.clone();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if let Some(opened) = self.by_first_word.get(word) {
                candidates.extend_from_slice(opened);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for (name, paths) in candidates.into_iter().map(|i| &self.names[i]) {
            find_name(text, name, paths, prefer, &mut taken, &mut found);
        }
        found
    }

    /// The names and numbers `text` states, in reading order. Paths under
    /// one of the `prefer` prefixes (the sentence's evidence events) come
    /// first when a fact sits at several places.
    #[cfg(test)]
    pub fn facts_in(&self, text: &str, prefer: &[String]) -> Vec<Fact> {
        let names = self.names_in(text, prefer);
        let inside_name = |at: usize| names.iter().any(|(s, e, _)| (*s..*e).contains(&at));
        let mut found: Vec<(usize, Fact)> = names.iter().map(|(s, _, f)| (*s, f.clone())).collect();
        for (at, number) in numbers_in(text) {
            if inside_name(at) {
                continue;
            }
            let path = self
                .numbers
                .get(&number)
                .map(|p| best(p, prefer))
                .unwrap_or_default();
            found.push((
                at,
                Fact {
                    text: number,
                    kind: "number",
                    path,
                    derived: None,
                },
            ));
        }
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, f)| f).collect()
    }

    /// Capitalised words of `text` that look like names but are not in the
    /// match, ignoring the first word of each sentence and `known` words.
    #[cfg(test)]
    pub fn unknown_names<'t>(&self, text: &'t str, known: &dyn Fn(&str) -> bool) -> Vec<&'t str> {
        let covered: Vec<bool> = {
            let mut c = vec![false; text.len()];
            for (name, _) in &self.names {
                for (at, _) in text.match_indices(name.as_str()) {
                    c[at..at + name.len()].iter_mut().for_each(|x| *x = true);
                }
            }
            c
        };
        let mut out = Vec::new();
        let mut sentence_start = true;
        for (at, word) in words_with_offsets(text) {
            let first =
                std::mem::replace(&mut sentence_start, word.ends_with(['.', '!', '?', ':']));
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            if !capital || first || covered.get(at).copied().unwrap_or(false) || known(bare) {
                continue;
            }
            out.push(bare);
        }
        out
    }
}

/// Fields whose strings are names or places a report may print.
fn is_name_field(path: &str) -> bool {
    const FIELDS: &[&str] = &[
        ".name",
        ".surname",
        ".display",
        ".short_name",
        ".nicknames[",
        ".standing[",
        ".referee",
        ".city",
        ".competition",
        ".opponent",
        ".club",
        ".weekday",
        ".tournament",
        ".host",
        ".last_retained_by",
        ".title",
        ".scope",
    ];
    FIELDS.iter().any(|f| path.contains(f))
}

/// Figures the analysis computes: running scores, minutes left, record
/// tallies after the match.
fn derived(m: &Match, numbers: &mut BTreeMap<String, Vec<String>>) {
    let a = Analysis::new(m);
    for (i, moment) in a.timeline.iter().enumerate() {
        if m.events[i].kind.is_goal() {
            let how = format!("derived: score after events[{i}]");
            numbers
                .entry(moment.after.home.to_string())
                .or_default()
                .push(how.clone());
            numbers
                .entry(moment.after.away.to_string())
                .or_default()
                .push(how);
        }
        if let Some(left) = moment.minutes_left {
            numbers
                .entry(left.to_string())
                .or_default()
                .push(format!("derived: minutes left after events[{i}].minute"));
        }
    }
    for (i, r) in a.records().iter().enumerate() {
        numbers
            .entry(r.after.to_string())
            .or_default()
            .push(format!(
                "derived: context.records[{i}].before plus this match"
            ));
    }
}

/// Visits every leaf of `value` with its JSON path (`events[3].minute`).
pub(crate) fn walk(
    value: &serde_json::Value,
    path: String,
    visit: &mut dyn FnMut(String, &serde_json::Value),
) {
    match value {
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(v, child, visit);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                walk(v, format!("{path}[{i}]"), visit);
            }
        }
        other => visit(path, other),
    }
}

fn best(paths: &[String], prefer: &[String]) -> String {
    paths
        .iter()
        .find(|p| prefer.iter().any(|pre| p.starts_with(pre.as_str())))
        .or_else(|| paths.first())
        .cloned()
        .unwrap_or_default()
}

/// Every place `name` stands in `text` as whole words, not inside a
/// longer name found before it (`taken`), added to `found` with the best
/// of its `paths`.
fn find_name(
    text: &str,
    name: &str,
    paths: &[String],
    prefer: &[String],
    taken: &mut [bool],
    found: &mut Vec<(usize, usize, Fact)>,
) {
    for (at, _) in text.match_indices(name) {
        let end = at + name.len();
        if taken[at..end].iter().any(|t| *t) || !word_bounded(text, at, end) {
            continue;
        }
        taken[at..end].iter_mut().for_each(|t| *t = true);
        found.push((
            at,
            end,
            Fact {
                text: name.to_string(),
                kind: "name",
                path: best(paths, prefer),
                derived: None,
            },
        ));
    }
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The value of a number word or ordinal ("six", "Ten", "third").
pub fn number_word(word: &str) -> Option<u32> {
    const CARDINALS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const ORDINALS: [&str; 21] = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let lower = word.to_lowercase();
    let found = |list: &[&str]| list.iter().position(|w| !w.is_empty() && *w == lower);
    found(&CARDINALS)
        .or_else(|| found(&ORDINALS))
        .map(|n| n as u32)
}

/// Runs of digits (the number inside "53rd", "17'", "2-1"), with offsets.
pub fn numbers_in(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let before_letter = text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                if !before_letter {
                    out.push((s, text[s..i].to_string()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eng_fra() -> Match {
        crate::input::load_str("f", include_str!("../fixtures/eng-fra-2022-wc-qf.json")).unwrap()
    }

    #[test]
    fn names_and_numbers_trace_to_their_paths() {
        let index = FactIndex::new(&eng_fra());
        let facts = index.facts_in(
            "Olivier Giroud headed in on 78 minutes.",
            &["events[7]".to_string()],
        );
        assert_eq!(facts[0].text, "Olivier Giroud");
        assert_eq!(facts[0].path, "teams.away.squad[9].name");
        assert_eq!(facts[1].text, "78");
        assert_eq!(facts[1].path, "events[7].minute");
    }

    /// Every name tried against the whole text, as `names_in` did before
    /// it looked names up by their first word.
    fn names_in_by_trying_every_name(index: &FactIndex, text: &str) -> Vec<(usize, usize, Fact)> {
        let mut found = Vec::new();
        let mut taken = vec![false; text.len()];
        for (name, paths) in &index.names {
            find_name(text, name, paths, &[], &mut taken, &mut found);
        }
        found
    }

    #[test]
    fn names_looked_up_by_first_word_are_the_names_found_by_trying_every_name() {
        let bank = crate::phrasebank::Phrasebank::builtin("en").unwrap();
        for fixture in [
            "eng-fra-2022-wc-qf",
            "arg-fra-2022-wc-final",
            "usa-ned-2019-wwc-final",
            "kor-ger-2018-wc-group",
        ] {
            let path = format!("{}/fixtures/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
            let m = crate::input::load_path(&path).unwrap();
            let index = FactIndex::new(&m);
            let report =
                crate::report::write_report_with(&m, &crate::Options::default(), &bank).unwrap();
            let mut texts: Vec<String> = crate::output::text(&report)
                .lines()
                .map(str::to_string)
                .collect();
            // Names glued to punctuation, run together, or cut short.
            texts.extend(index.names().map(|(n, _)| {
                let half: String = n.chars().take(n.chars().count() / 2).collect();
                format!("({n}'s {n}{n} {half}")
            }));
            for text in &texts {
                assert_eq!(
                    index.names_in(text, &[]),
                    names_in_by_trying_every_name(&index, text),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn derived_figures_say_how() {
        let index = FactIndex::new(&eng_fra());
        let facts = index.facts_in("his 53rd goal, with 12 minutes left", &[]);
        assert!(
            facts[0].path.starts_with("context.records[0]."),
            "{:?}",
            facts[0]
        );
        assert!(
            facts[1].path.starts_with("derived: minutes left"),
            "{:?}",
            facts[1]
        );
    }

    #[test]
    fn an_invented_player_is_an_unknown_name() {
        let index = FactIndex::new(&eng_fra());
        let unknown = index.unknown_names("France won. Then Pele scored for France.", &|_| false);
        // "Then" opens a sentence; Zidane would be known (a record holder).
        assert_eq!(unknown, vec!["Pele"]);
        assert!(
            index
                .unknown_names("Later Zinedine Zidane watched.", &|_| false)
                .is_empty()
        );
    }
}
