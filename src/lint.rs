//! `beatwriter lint`: checks a phrasebank the way an editor needs, without
//! a Rust toolchain. Every problem is reported with its file and line, all
//! of them rather than the first.
//!
//! Problems (exit 1): a template that does not compile; a message the code
//! can ask for with no neutral variant; a helper that does not exist.
//! Notes (no failure): a file no code asks for, and narrative messages
//! with fewer variants in a tone than the house minimum.

use crate::catalogue::{self, MESSAGES};
use crate::error::{Diagnostic, Result};
use crate::phrasebank::{BASE_TONE, Phrasebank, helpers::HELPERS, split_variants};
use std::collections::{BTreeMap, BTreeSet};

/// Helpers handlebars itself provides.
const BUILT_IN_HELPERS: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "log", "eq", "ne", "gt", "gte", "lt", "lte", "and",
    "or", "not", "len", "else",
];

/// Fewest neutral variants a lead or Talking Point message should have.
pub const MIN_NEUTRAL: usize = 4;
/// Fewest variants a lead or Talking Point message should have in any other tone.
pub const MIN_TONE: usize = 2;

/// What lint found.
#[derive(Debug, Default)]
pub struct Lint {
    /// Faults that make the phrasebank unusable or wrong.
    pub problems: Vec<Diagnostic>,
    /// Things an editor may want to do (thin coverage, unused files).
    pub notes: Vec<Diagnostic>,
    /// Message → tone → number of variants (partisan files included).
    pub coverage: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Lints the files of a phrasebank for one language.
pub fn lint(label: &str, language: &str, files: Vec<(String, String)>) -> Lint {
    let mut out = Lint::default();
    for (path, text) in &files {
        unknown_helpers(path, text, &mut out.problems);
    }
    // Coverage comes from the files themselves, so a template that does
    // not compile hides no other problem.
    let prefix = format!("{language}/");
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for (path, text) in &files {
        let Some((tone, message)) = path
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".hbs"))
            .and_then(|r| r.split_once('/'))
        else {
            continue;
        };
        counts.push((
            tone.to_string(),
            message.to_string(),
            split_variants(text).len(),
        ));
    }
    if let Err(e) = Phrasebank::from_files(label, language, files) {
        out.problems.extend(e.diagnostics);
    }
    coverage(counts, &mut out);
    out
}

fn coverage(counts: Vec<(String, String, usize)>, out: &mut Lint) {
    let tones: BTreeSet<String> = counts.iter().map(|(t, _, _)| t.clone()).collect();
    for (tone, message, count) in counts {
        let base = catalogue::base_message(&message).to_string();
        if !MESSAGES.contains(&base.as_str()) {
            out.notes.push(Diagnostic::new(
                format!("{tone}/{message}.hbs"),
                format!("no code asks for the message \"{base}\"; is the file name misspelt?"),
            ));
        }
        out.coverage.entry(message).or_default().insert(tone, count);
    }
    for message in MESSAGES {
        let counts = out.coverage.get(*message).cloned().unwrap_or_default();
        let neutral = counts.get(BASE_TONE).copied().unwrap_or(0);
        if neutral == 0 {
            out.problems.push(Diagnostic::new(
                format!("{BASE_TONE}/{message}.hbs"),
                format!("the message \"{message}\" has no neutral variant; expected the file {BASE_TONE}/{message}.hbs"),
            ));
            continue;
        }
        if !catalogue::is_narrative(message) {
            continue;
        }
        if neutral < MIN_NEUTRAL {
            out.notes.push(Diagnostic::new(
                format!("{BASE_TONE}/{message}.hbs"),
                format!("{neutral} neutral variants; the house minimum for lead and Talking Point messages is {MIN_NEUTRAL}"),
            ));
        }
        for tone in tones.iter().filter(|t| *t != BASE_TONE) {
            let n = counts.get(tone).copied().unwrap_or(0);
            if n < MIN_TONE {
                let what = if n == 0 {
                    "no variant of its own (falls back to neutral)".to_string()
                } else {
                    format!("{n} variant, fewer than {MIN_TONE}")
                };
                out.notes
                    .push(Diagnostic::new(format!("{tone}/{message}.hbs"), what));
            }
        }
    }
}

/// Every `{{helper ...}}`, `{{#helper ...}}` and `(helper ...)` a template
/// calls must exist; a typo would otherwise fail only when that branch
/// renders.
fn unknown_helpers(path: &str, text: &str, problems: &mut Vec<Diagnostic>) {
    if !path.ends_with(".hbs") {
        return;
    }
    for (start_line, body) in split_variants(text) {
        let body = blank_comments(body);
        for (offset, line) in body.lines().enumerate() {
            for name in called_helpers(line) {
                if !HELPERS.contains(&name.as_str()) && !BUILT_IN_HELPERS.contains(&name.as_str()) {
                    problems.push(Diagnostic {
                        path: path.to_string(),
                        position: Some((
                            start_line + offset,
                            line.find(&name).map_or(1, |c| c + 1),
                        )),
                        message: format!(
                            "unknown helper \"{name}\"; expected one of {}",
                            HELPERS.join(", ")
                        ),
                    });
                }
            }
        }
    }
}

/// The text with handlebars comments (`{{!-- --}}`, `{{! }}`) replaced by
/// spaces, newlines kept, so lines and columns still match the file.
fn blank_comments(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("{{!") {
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("{{!--") {
            "--}}"
        } else {
            "}}"
        };
        let end = rest[start..]
            .find(close)
            .map_or(rest.len(), |e| start + e + close.len());
        out.extend(
            rest[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Names in helper position inside `{{...}}`: the first word (after any
/// `#` or `~`) when arguments follow, and the first word of every
/// `(sub expression)`. Text outside the braces is prose, never a call.
fn called_helpers(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let close = after.find("}}").unwrap_or(after.len());
        let inner = after[..close].trim_start_matches(['~', '#', '{']);
        if !inner.starts_with(['!', '/', '>']) {
            push_call(inner, &mut names);
            for (i, _) in inner.match_indices('(') {
                push_call(&inner[i + 1..], &mut names);
            }
        }
        rest = &after[close..];
    }
    names
}

/// The name at the start of an expression, if arguments follow it.
fn push_call(expr: &str, names: &mut Vec<String>) {
    let name: String = expr
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if !name.is_empty() && expr[name.len()..].starts_with(' ') {
        names.push(name);
    }
}

/// The coverage table as text: one row per message, one column per tone.
pub fn coverage_table(lint: &Lint) -> String {
    let tones: BTreeSet<&str> = lint
        .coverage
        .values()
        .flat_map(|t| t.keys().map(String::as_str))
        .collect();
    let width = lint
        .coverage
        .keys()
        .map(String::len)
        .max()
        .unwrap_or(7)
        .max(7);
    let mut out = format!("{:<width$}", "MESSAGE");
    for t in &tones {
        out.push_str(&format!(" {t:>9}"));
    }
    out.push('\n');
    for (message, counts) in &lint.coverage {
        out.push_str(&format!("{message:<width$}"));
        for t in &tones {
            out.push_str(&format!(" {:>9}", counts.get(*t).copied().unwrap_or(0)));
        }
        out.push('\n');
    }
    out
}

/// Lints the built-in phrasebank.
pub fn lint_builtin(language: &str) -> Lint {
    lint(
        crate::phrasebank::BUILTIN_LABEL,
        language,
        crate::phrasebank::builtin_files(),
    )
}

/// Lints a phrasebank directory.
pub fn lint_dir(dir: &std::path::Path, language: &str) -> Result<Lint> {
    Ok(lint(
        &dir.display().to_string(),
        language,
        crate::phrasebank::dir_files(dir)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_helpers_in_every_position() {
        assert_eq!(
            called_helpers("{{name player}} {{#if (eq a b)}}{{words n}}{{/if}} {{slot}}"),
            vec!["name", "if", "eq", "words"]
        );
    }

    #[test]
    fn comments_are_not_scanned_but_keep_their_lines() {
        let text = "{{!-- slots (of the first)\nmore --}}\n{{nmae p}}";
        assert_eq!(blank_comments(text).lines().count(), 3);
        let mut problems = Vec::new();
        unknown_helpers("en/neutral/x.hbs", text, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((3, 3)));
    }

    #[test]
    fn an_unknown_helper_is_a_problem_with_its_line() {
        let mut problems = Vec::new();
        unknown_helpers(
            "en/neutral/x.hbs",
            "fine {{name p}}\n---\nline one\n{{nmae p}}",
            &mut problems,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((4, 3)));
        assert!(problems[0].message.contains("nmae"));
    }

    #[test]
    fn the_shipped_phrasebank_has_no_problems() {
        let lint = lint_builtin("en");
        assert!(lint.problems.is_empty(), "{:#?}", lint.problems);
    }
}
