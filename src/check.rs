//! `beatwriter check`: re-verifies an edited draft against the match.
//!
//! A draft written by beatwriter ends with the options that wrote it
//! (`-- beatwriter 0.1.0 --seed 7 --tone neutral`). `check` writes that
//! report again and pairs each line of the draft with the paragraph it
//! came from (the most similar one). A name or number in the draft line
//! that its paragraph does not state is a changed fact: a swapped scorer,
//! a wrong minute or score, a wrong team. Rewording that keeps the facts
//! passes. Lines with no counterpart (new copy), or a draft without the
//! line, are checked against the match file itself: every number must be
//! one it holds or derives, every name one it knows.

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::facts::{Fact, FactIndex};
use crate::model::Match;
use crate::output;
use crate::phrasebank::Phrasebank;
use crate::report::{Options, Report, write_report_with};
use std::collections::BTreeSet;

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
        }
    }
}

/// How similar a draft line must be to a generated paragraph (shared
/// words over all words) to be taken as an edit of it.
const SAME_PARAGRAPH: f64 = 0.4;

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
    let index = FactIndex::new(m);
    let options = match options {
        Some(o) => Some(o),
        None => options_of(draft).transpose()?,
    };
    let original = match options {
        Some(options) => Some(write_report_with(m, &options, bank)?),
        None => None,
    };
    let paragraphs = original.as_ref().map(paragraphs_of).unwrap_or_default();
    let known = known_words(bank);
    let mut findings = Vec::new();
    for (i, line) in draft.lines().enumerate() {
        let line_no = i + 1;
        let text = line.trim();
        if text.is_empty()
            || text.starts_with("-- beatwriter")
            || text.starts_with("<!-- beatwriter")
        {
            continue;
        }
        let text = text.trim_start_matches('#').trim();
        let first = findings.len();
        match best_match(text, &paragraphs) {
            Some(source) => compare(line_no, text, source, &index, &known, &mut findings),
            None => against_data(line_no, text, &index, &known, &mut findings),
        }
        for f in &mut findings[first..] {
            f.column = column_of(line, &f.problem);
        }
    }
    Ok(findings)
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
/// the next character (as [`output::quote`] writes them).
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

/// Every line the text output prints: title, headings, paragraphs.
fn paragraphs_of(report: &Report) -> Vec<String> {
    output::text(report)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words starting with a capital letter, punctuation trimmed.
fn capitalised_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

fn tokens(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The generated paragraph this line most likely came from.
fn best_match<'p>(line: &str, paragraphs: &'p [String]) -> Option<&'p str> {
    let words = tokens(line);
    paragraphs
        .iter()
        .map(|p| {
            let theirs = tokens(p);
            let shared = words.intersection(&theirs).count() as f64;
            let all = words.union(&theirs).count().max(1) as f64;
            (shared / all, p)
        })
        .filter(|(score, _)| *score >= SAME_PARAGRAPH)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p.as_str())
}

/// Facts in the edited line that its source paragraph does not state, and
/// names the match does not know at all.
fn compare(
    line: usize,
    text: &str,
    source: &str,
    index: &FactIndex,
    known: &dyn Fn(&str) -> bool,
    findings: &mut Vec<Finding>,
) {
    let mine = index.facts_in(text, &[]);
    let theirs = index.facts_in(source, &[]);
    // A name nobody in the match has: an invented player, a wrong
    // opponent. The first word of a sentence counts too when a name of the
    // original line has gone: "Portugal are France's next opponents".
    let lost_a_name = theirs
        .iter()
        .any(|t| t.kind == "name" && !text.contains(t.text.as_str()));
    let source_words = tokens(source);
    let unknown_names = index.unknown_names(text, known);
    for word in capitalised_words(text) {
        let new = !source_words.contains(&word.to_lowercase());
        let named = index.facts_in(word, &[]).iter().any(|f| f.kind == "name") || known(word);
        let unknown = unknown_names.contains(&word);
        if new && !named && (unknown || lost_a_name) {
            findings.push(Finding {
                line,
                column: 0,
                code: "check/unknown",
                problem: format!("\"{word}\" is not in the match"),
                data_says: format!(
                    "no player, team or place of that name; the line as written: \"{source}\""
                ),
            });
        }
    }
    changed_names(line, &mine, &theirs, source, findings);
    changed_figures(line, text, source, findings);
}

/// Names the edited line states that the line as written did not.
fn changed_names(
    line: usize,
    mine: &[Fact],
    theirs: &[Fact],
    source: &str,
    findings: &mut Vec<Finding>,
) {
    let names = |facts: &[Fact]| -> BTreeSet<String> {
        facts
            .iter()
            .filter(|f| f.kind == "name")
            .map(|f| f.text.clone())
            .collect()
    };
    let (mine, theirs) = (names(mine), names(theirs));
    let gone: Vec<&str> = theirs.difference(&mine).map(String::as_str).collect();
    for name in mine.difference(&theirs) {
        let data_says = if gone.is_empty() {
            format!("the line as written does not name them: \"{source}\"")
        } else {
            format!("{} (the line as written: \"{source}\")", gone.join(", "))
        };
        findings.push(Finding {
            line,
            column: 0,
            code: "check/name",
            problem: format!("the name \"{name}\" was changed or added"),
            data_says,
        });
    }
}

/// Figures the edited line states more often than the line as written.
/// Scores ("1-2") count as one figure, so a swapped or changed score is
/// caught even when each digit appears elsewhere.
fn changed_figures(line: usize, text: &str, source: &str, findings: &mut Vec<Finding>) {
    let (mine, theirs) = (figures(text), figures(source));
    let gone: Vec<&str> = minus(&theirs, &mine);
    for figure in minus(&mine, &theirs) {
        let data_says = if gone.is_empty() {
            format!("the line as written does not state it: \"{source}\"")
        } else {
            format!("{} (the line as written: \"{source}\")", gone.join(", "))
        };
        findings.push(Finding {
            line,
            column: 0,
            code: "check/figure",
            problem: format!("the figure \"{figure}\" was changed or added"),
            data_says,
        });
    }
}

/// The figures of a text: scores such as "1-2" as one, other numbers alone.
fn figures(text: &str) -> Vec<String> {
    let numbers = crate::facts::numbers_in(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let (at, n) = &numbers[i];
        let end = at + n.len();
        let joined = numbers
            .get(i + 1)
            .filter(|(next_at, _)| &text[end..*next_at] == "-");
        if let Some((_, m)) = joined {
            out.push(format!("{n}-{m}"));
            i += 2;
        } else {
            out.push(n.clone());
            i += 1;
        }
    }
    out
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

/// A line with no generated counterpart: its numbers and names must be
/// ones the match holds.
fn against_data(
    line: usize,
    text: &str,
    index: &FactIndex,
    known: &dyn Fn(&str) -> bool,
    findings: &mut Vec<Finding>,
) {
    for fact in index
        .facts_in(text, &[])
        .into_iter()
        .filter(|f| f.kind == "number" && f.path.is_empty())
    {
        findings.push(Finding {
            line,
            column: 0,
            code: "check/figure",
            problem: format!("the figure \"{}\" is not in the match data", fact.text),
            data_says: "no event, score, minute or record in the match file has it".to_string(),
        });
    }
    for name in index.unknown_names(text, known) {
        findings.push(Finding {
            line,
            column: 0,
            code: "check/unknown",
            problem: format!("\"{name}\" is not in the match"),
            data_says: "no player, team, manager or place in the match file has this name"
                .to_string(),
        });
    }
}

/// Capitalised words the phrasebank itself writes ("Talking", "GOAL",
/// "VAR"), which are not names: the templates' and the lexicon's words.
fn known_words(bank: &Phrasebank) -> impl Fn(&str) -> bool {
    let mut words: BTreeSet<String> = BTreeSet::new();
    // The phrasebank the draft was written with, not always the built-in one.
    for text in bank.texts() {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            words.insert(w.to_lowercase());
        }
    }
    for w in bank
        .lexicon()
        .to_string()
        .split(|c: char| !c.is_alphanumeric())
    {
        words.insert(w.to_lowercase());
    }
    move |w: &str| words.contains(&w.to_lowercase())
}

/// The findings as lines a sub-editor reads: `DRAFT:LINE: problem; the data says ...`.
pub fn describe(file: &str, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{file}:{}: {}; the data says {}\n",
                f.line, f.problem, f.data_says
            )
        })
        .collect()
}
