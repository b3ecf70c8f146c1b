//! `beatwriter lint`: checks a phrasebank the way an editor needs, without
//! a Rust toolchain. Every problem is reported with its file and line, all
//! of them rather than the first.
//!
//! Problems (exit 1): a template that does not compile; a message the code
//! can ask for with no neutral variant; a helper that does not exist; a
//! variable that is not one of its message's slots; a claim name that is
//! not one of `crate::claims`; a neutral message file whose variants'
//! claims could all fail together (nothing would be left to say); a
//! condition over a claim-bearing slot (`{{#if eliminated}}`), which a
//! variant must declare as a claim instead.
//! Notes (no failure): a file no code asks for, and narrative messages
//! with fewer variants in a tone than the house minimum.

use crate::catalogue;
use crate::error::{Diagnostic, Result};
use crate::phrasebank::helpers::minutes::{self, MINUTE_HELPERS};
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
    let prefix = format!("{language}/");
    let lexicon: serde_json::Value = files
        .iter()
        .find(|(p, _)| *p == format!("{prefix}lexicon.json"))
        .and_then(|(_, text)| serde_json::from_str(text).ok())
        .unwrap_or_default();
    for (path, text) in &files {
        unknown_helpers(path, text, &mut out.problems);
        unknown_words(path, text, &lexicon, &mut out.problems);
        unworded_minutes(path, text, &lexicon, &mut out.problems);
        if let Some((tone, message)) = tone_and_message(&prefix, path) {
            unknown_slots(path, message, text, &mut out.problems);
            claim_problems(path, tone, message, text, &mut out.problems);
            claim_conditions(path, message, text, &mut out.problems);
        }
    }
    // Coverage comes from the files themselves, so a template that does
    // not compile hides no other problem.
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for (path, text) in &files {
        let Some((tone, message)) = tone_and_message(&prefix, path) else {
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

/// Unknown claim names, each with its line; and a neutral, non-partisan
/// file with no variant free of claims, which could leave a message with
/// nothing to offer.
fn claim_problems(
    path: &str,
    tone: &str,
    message: &str,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let variants = split_variants(text);
    for (line, body) in &variants {
        for claim in crate::phrasebank::declared_claims(body) {
            if crate::claims::find(&claim).is_none() {
                let at = body
                    .lines()
                    .position(|l| l.contains(&claim))
                    .map_or(*line, |i| line + i);
                let known: Vec<&str> = crate::claims::CLAIMS.iter().map(|c| c.name).collect();
                problems.push(Diagnostic {
                    path: path.to_string(),
                    position: Some((at, 1)),
                    message: format!(
                        "unknown claim `{claim}`; expected one of {} (docs/claims.md)",
                        known.join(", ")
                    ),
                });
            }
        }
    }
    let declared: Vec<Vec<String>> = variants
        .iter()
        .map(|(_, body)| crate::phrasebank::declared_claims(body))
        .collect();
    if tone == BASE_TONE && !message.contains('@') && !variants.is_empty() && !covered(&declared) {
        problems.push(Diagnostic {
            path: path.to_string(),
            position: Some((1, 1)),
            message: format!(
                "every variant of {message} declares claims that may all fail together; expected one that declares none, or for each claim-bearing slot both halves (as `drawn` and `has_winner`)"
            ),
        });
    }
}

/// Whether some variant's claims hold in every match: a variant free of
/// claims does; so do variants that between them cover both halves of
/// each claim-bearing slot they split on (`drawn` / `has_winner`). Each
/// claim is tried true and false; only the exact complements of
/// `crate::claims::CLAIM_SLOTS` are tied together, so the answer errs
/// towards a problem, never towards a silent gap.
fn covered(declared: &[Vec<String>]) -> bool {
    let mut names: Vec<&str> = declared.iter().flatten().map(String::as_str).collect();
    names.sort_unstable();
    names.dedup();
    // Beyond this many distinct claims, ask for a plain fallback instead.
    if names.len() > 16 {
        return declared.iter().any(Vec::is_empty);
    }
    let complement = |a: &str, b: &str| {
        crate::claims::CLAIM_SLOTS
            .iter()
            .any(|c| (c.when_true, c.when_false) == (a, b) || (c.when_false, c.when_true) == (a, b))
    };
    (0u32..1 << names.len()).all(|world| {
        let truth = |name: &str| {
            names
                .iter()
                .position(|n| *n == name)
                .is_some_and(|i| world & (1 << i) != 0)
        };
        let possible = names.iter().all(|a| {
            names
                .iter()
                .filter(|b| complement(a, b))
                .all(|b| truth(a) != truth(b))
        });
        !possible || declared.iter().any(|d| d.iter().all(|c| truth(c)))
    })
}

/// Conditions over a claim-bearing slot (`{{#if eliminated}}`, `(eq
/// record.status "record_broken")`): the template decides what is claimed,
/// which a variant must declare instead (docs/claims.md). Each is named
/// with its line and column and the claims to declare.
fn claim_conditions(path: &str, message: &str, text: &str, problems: &mut Vec<Diagnostic>) {
    for (i, line) in text.lines().enumerate() {
        for (col, slot, claims) in claim_bearing(message, line) {
            problems.push(Diagnostic {
                path: path.to_string(),
                position: Some((i + 1, col)),
                message: format!(
                    "a condition on `{slot}` decides what is claimed; split the variant and declare {claims} instead (docs/claims.md)"
                ),
            });
        }
    }
}

/// The claim-bearing conditions in one line: column, slot and the claims
/// to declare. Comments are skipped.
fn claim_bearing(message: &str, line: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = line[from..].find("{{").map(|i| i + from) {
        let Some(end) = line[at..].find("}}").map(|i| i + at) else {
            break;
        };
        let expr = &line[at + 2..end];
        from = end + 2;
        if expr.starts_with('!') {
            // A comment may run past this line or hold `}}`; skip to its end.
            if let Some(close) = line[at..].find("--}}").filter(|_| expr.starts_with("!--")) {
                from = at + close + 4;
            }
            continue;
        }
        let column = line[..at].chars().count() + 1;
        let cond = expr
            .strip_prefix("#if ")
            .or_else(|| expr.strip_prefix("#unless "))
            .map(str::trim);
        if let Some((slot, claims)) = cond.and_then(|c| bare_condition(message, c)) {
            found.push((column, slot, claims));
        }
        for (slot, claims) in eq_conditions(message, expr) {
            found.push((column, slot, claims));
        }
    }
    found
}

fn bare_condition(message: &str, cond: &str) -> Option<(String, String)> {
    crate::claims::claim_slot(message, cond).map(|c| (c.slot.to_string(), halves(c)))
}

/// `(eq SLOT ...)` over a claim-bearing slot, and `(eq SIDE winner)`.
fn eq_conditions(message: &str, expr: &str) -> Vec<(String, String)> {
    expr.match_indices("(eq ")
        .filter_map(|(at, _)| {
            let mut words = expr[at + 4..].split([' ', ')']).filter(|w| !w.is_empty());
            let (a, b) = (words.next()?, words.next()?);
            if let Some(c) = crate::claims::claim_slot(message, a) {
                return Some((a.to_string(), halves(c)));
            }
            let (won, not_won) = crate::claims::winner_comparison(a);
            let claims = if not_won.is_empty() {
                format!("`{won}` on the variant that says it")
            } else {
                format!("`{won}` / `{not_won}`")
            };
            (matches!(b, "winner" | "loser") && !a.starts_with('"'))
                .then(|| (format!("{a} = {b}"), claims))
        })
        .collect()
}

fn halves(c: &crate::claims::ClaimSlot) -> String {
    if c.when_false.is_empty() {
        format!("`{}` on the variant that says it", c.when_true)
    } else {
        format!("`{}` / `{}`", c.when_true, c.when_false)
    }
}

/// The tone and message of a template file (`en/neutral/lead/var.hbs` is
/// `neutral` and `lead/var`); `None` for files that are not templates.
fn tone_and_message<'p>(prefix: &str, path: &'p str) -> Option<(&'p str, &'p str)> {
    path.strip_prefix(prefix)
        .and_then(|r| r.strip_suffix(".hbs"))
        .and_then(|r| r.split_once('/'))
}

fn coverage(counts: Vec<(String, String, usize)>, out: &mut Lint) {
    let tones: BTreeSet<String> = counts.iter().map(|(t, _, _)| t.clone()).collect();
    for (tone, message, count) in counts {
        let base = catalogue::base_message(&message).to_string();
        if !catalogue::contains(&base) {
            out.notes.push(Diagnostic::new(
                format!("{tone}/{message}.hbs"),
                format!("no code asks for the message \"{base}\"; is the file name misspelt?"),
            ));
        }
        out.coverage.entry(message).or_default().insert(tone, count);
    }
    for message in catalogue::ids() {
        let counts = out.coverage.get(message).cloned().unwrap_or_default();
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

/// `{{word "GROUP" slot}}` with a group the lexicon lacks (or, for a
/// literal key, a key its group lacks): `report` would fail on it.
fn unknown_words(
    path: &str,
    text: &str,
    lexicon: &serde_json::Value,
    problems: &mut Vec<Diagnostic>,
) {
    if !path.ends_with(".hbs") {
        return;
    }
    let groups: Vec<&str> = lexicon
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for (start_line, body) in split_variants(text) {
        let body = blank_comments(body);
        for (offset, line) in body.lines().enumerate() {
            for (at, _) in line.match_indices("word \"") {
                let args = &line[at + "word \"".len()..];
                let Some((group, rest)) = args.split_once('"') else {
                    continue;
                };
                let column = at + "word \"".len() + 1;
                let position = Some((start_line + offset, column));
                let Some(words) = lexicon.get(group) else {
                    problems.push(Diagnostic {
                        path: path.to_string(),
                        position,
                        message: format!(
                            "lexicon.json has no group \"{group}\"; expected one of {}",
                            groups.join(", ")
                        ),
                    });
                    continue;
                };
                let literal = rest
                    .trim_start()
                    .strip_prefix('"')
                    .and_then(|r| r.split_once('"'))
                    .map(|(key, _)| key);
                if let Some(key) = literal.filter(|k| words.get(*k).is_none()) {
                    let keys: Vec<&str> = words
                        .as_object()
                        .map(|o| o.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    problems.push(Diagnostic {
                        path: path.to_string(),
                        position,
                        message: format!(
                            "lexicon.json has no word \"{key}\" in \"{group}\"; expected one of {}",
                            keys.join(", ")
                        ),
                    });
                }
            }
        }
    }
}

/// `{{at_minute minute}}` or `{{after_minutes minute}}` in a phrasebank
/// whose lexicon does not word every minute for it (no `"other"` entry
/// with `{n}` in its group): `report` would fail on it.
fn unworded_minutes(
    path: &str,
    text: &str,
    lexicon: &serde_json::Value,
    problems: &mut Vec<Diagnostic>,
) {
    if !path.ends_with(".hbs") {
        return;
    }
    for helper in MINUTE_HELPERS {
        let worded = lexicon
            .get(*helper)
            .and_then(|g| g.get(minutes::OTHER))
            .and_then(serde_json::Value::as_str)
            .is_some_and(|w| w.contains("{n}"));
        let call = format!("{{{{{helper} ");
        let Some((line, column)) = text
            .lines()
            .enumerate()
            .find_map(|(i, l)| l.find(&call).map(|at| (i + 1, l[..at].chars().count() + 1)))
        else {
            continue;
        };
        if !worded {
            problems.push(Diagnostic {
                path: path.to_string(),
                position: Some((line, column)),
                message: format!(
                    "{helper} needs lexicon.json's \"{helper}\" group to word every minute: an \"{}\" entry with {{n}} for the minute, e.g. \"on {{n}} minutes\"",
                    minutes::OTHER
                ),
            });
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

/// Every variable a template uses must be a slot its message receives
/// (see [`catalogue::MESSAGES`]); in strict mode a misspelt slot fails
/// only when that variant renders. Messages no code asks for are noted
/// elsewhere and not checked.
fn unknown_slots(path: &str, message: &str, text: &str, problems: &mut Vec<Diagnostic>) {
    let Some(declared) = catalogue::slots(message) else {
        return;
    };
    let base = catalogue::base_message(message);
    for (start_line, body) in split_variants(text) {
        let body = blank_comments(body);
        for (offset, name) in template_variables(&body) {
            if catalogue::has_slot(base, &name) {
                continue;
            }
            let before = &body[..offset];
            let line = before.matches('\n').count();
            let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
                .chars()
                .count()
                + 1;
            let expected = if declared.is_empty() {
                "it receives no slots".to_string()
            } else {
                format!("expected one of {}", declared.join(", "))
            };
            problems.push(Diagnostic {
                path: path.to_string(),
                position: Some((start_line + line, column)),
                message: format!("unknown slot `{name}` for {base}; {expected}"),
            });
        }
    }
}

/// A piece of a mustache's contents, with its byte offset in the template.
#[derive(Debug, PartialEq)]
enum Token<'t> {
    /// `(`: a sub-expression opens; its first word is a helper.
    Open,
    /// `)`.
    Close,
    /// `|`, around block parameters (`as |item|`).
    Pipe,
    /// `key=`: a hash argument's name (its value follows).
    HashKey,
    /// A word or a quoted string.
    Word(usize, &'t str),
}

/// Splits a mustache's contents (`start` is its offset in the template).
fn tokens(inner: &str, start: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b if b.is_ascii_whitespace() => i += 1,
            b'(' => {
                out.push(Token::Open);
                i += 1;
            }
            b')' => {
                out.push(Token::Close);
                i += 1;
            }
            b'|' => {
                out.push(Token::Pipe);
                i += 1;
            }
            quote @ (b'"' | b'\'') => {
                let end = inner[i + 1..]
                    .find(quote as char)
                    .map_or(inner.len(), |e| i + 1 + e + 1);
                out.push(Token::Word(start + i, &inner[i..end]));
                i = end;
            }
            _ => {
                let end = inner[i..]
                    .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '|' | '='))
                    .map_or(inner.len(), |e| i + e);
                if inner[end..].starts_with('=') {
                    out.push(Token::HashKey);
                    i = end + 1;
                } else {
                    out.push(Token::Word(start + i, &inner[i..end]));
                    i = end;
                }
            }
        }
    }
    out
}

/// True for a string, number or keyword literal: a value, not a variable.
fn is_literal(word: &str) -> bool {
    word.starts_with(['"', '\''])
        || word
            .trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
        || matches!(word, "true" | "false" | "null" | "undefined")
}

/// The slot a path names, from a context `depth` blocks deep (each
/// `#each` or `#with` is one): its first segment, when the path reaches
/// the template's own context; `None` for a block's item (`this`, `@index`,
/// bare names inside `#each`) or a path that names no slot.
fn slot_of(path: &str, depth: usize) -> Option<&str> {
    let mut rest = path;
    if let Some(r) = rest.strip_prefix("@root") {
        rest = r.strip_prefix(['.', '/'])?;
    } else if rest.starts_with('@') {
        return None;
    } else {
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("../") {
            rest = r;
            ups += 1;
        }
        if ups != depth {
            return None;
        }
    }
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("this.")
            .or_else(|| rest.strip_prefix("this/"))
        {
            rest = r;
        } else {
            break;
        }
    }
    let first = rest.split(['.', '/']).next().unwrap_or("");
    let first = first
        .strip_prefix('[')
        .and_then(|f| f.strip_suffix(']'))
        .unwrap_or(first);
    (!first.is_empty() && first != "this" && first != ".").then_some(first)
}

/// Every variable a template uses, as (byte offset, slot name): paths in
/// mustaches, helper arguments, sub-expression arguments and hash values,
/// but not helper names, hash keys or literals. Inside `{{#each}}` and
/// `{{#with}}` names refer to the block's item and are skipped, unless they
/// climb out with `../` (or start at `@root`). Comments must be blanked
/// first ([`blank_comments`]).
fn template_variables(body: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // One entry per open block: true when it changes the context.
    let mut blocks: Vec<bool> = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("{{").map(|o| from + o) {
        let mut start = open + 2;
        let triple = body[start..].starts_with('{');
        if triple {
            start += 1;
        }
        let close = if triple { "}}}" } else { "}}" };
        let end = body[start..].find(close).map_or(body.len(), |e| start + e);
        from = (end + close.len()).min(body.len());
        let mut inner = &body[start..end];
        let mut offset = start;
        let trimmed = inner.trim_start_matches(['~', '&']);
        offset += inner.len() - trimmed.len();
        inner = trimmed.trim_end_matches('~');
        let block = inner.starts_with('#');
        if inner.starts_with(['!', '>', '^']) {
            continue;
        }
        if inner.starts_with('/') {
            blocks.pop();
            continue;
        }
        if block {
            inner = &inner[1..];
            offset += 1;
        }
        let tokens = tokens(inner, offset);
        let mut words = tokens.iter().peekable();
        // `{{else}}` and `{{else if x}}` open nothing new.
        let mut helper_next = block || tokens.len() > 1;
        let mut block_helper = None;
        if let Some(Token::Word(_, "else")) = words.peek() {
            words.next();
            helper_next = true;
        }
        let depth = blocks.iter().filter(|b| **b).count();
        while let Some(token) = words.next() {
            match token {
                Token::Open => helper_next = true,
                Token::Close | Token::HashKey => {}
                // Block parameters name the item, never a slot.
                Token::Pipe => break,
                Token::Word(_, "as") if matches!(words.peek(), Some(Token::Pipe)) => break,
                Token::Word(at, word) => {
                    if helper_next {
                        helper_next = false;
                        block_helper.get_or_insert(*word);
                        continue;
                    }
                    if is_literal(word) {
                        continue;
                    }
                    let is_helper = HELPERS.contains(word) || BUILT_IN_HELPERS.contains(word);
                    if tokens.len() == 1 && is_helper {
                        continue;
                    }
                    if let Some(slot) = slot_of(word, depth) {
                        found.push((*at, slot.to_string()));
                    }
                }
            }
        }
        if block {
            blocks.push(matches!(block_helper, Some("each" | "with")));
        }
    }
    found
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
    fn a_minute_helper_needs_the_lexicon_to_word_every_minute() {
        let text = "fine\n---\nScored {{at_minute minute}}.";
        let lint = |lexicon: serde_json::Value| {
            let mut problems = Vec::new();
            unworded_minutes("en/neutral/x.hbs", text, &lexicon, &mut problems);
            problems
        };
        let problems = lint(serde_json::json!({"at_minute": {"1": "early"}}));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((3, 8)));
        assert!(problems[0].message.contains("\"at_minute\" group"));
        let worded = serde_json::json!({"at_minute": {"other": "on {n} minutes"}});
        assert!(lint(worded).is_empty());
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

    fn names(body: &str) -> Vec<String> {
        template_variables(body)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    }

    #[test]
    fn variables_are_paths_and_helper_arguments() {
        assert_eq!(
            names("{{minute}} {{record.status}} {{name player}} {{teamname team upper=true}}"),
            vec!["minute", "record", "player", "team"]
        );
        assert_eq!(
            names("{{this.minute}} {{{venue}}} {{~ stage ~}}"),
            vec!["minute", "venue", "stage"]
        );
    }

    #[test]
    fn helper_names_hash_keys_and_literals_are_not_variables() {
        assert_eq!(
            names(r#"{{#if (eq record.status "record_broken")}}x{{else if (gt count 2)}}y{{/if}}"#),
            vec!["record", "count"]
        );
        assert_eq!(
            names(
                r#"{{plural n "goal" 'goals'}} {{word 3}} {{lookup x -1}} {{#if true}}{{/if}} {{f a=null b="c d" c=(g e)}}"#
            ),
            vec!["n", "x", "e"]
        );
        // A helper with no arguments is a call, not a slot.
        assert!(names("{{else}}").is_empty());
    }

    #[test]
    fn each_blocks_speak_of_their_items() {
        assert_eq!(
            names(
                "{{#each record.holders}}{{name this}} {{this.x}} {{@index}} {{bare}}{{#unless @last}}, {{/unless}}{{../team}} {{@root.venue}}{{/each}} {{after}}"
            ),
            vec!["record", "team", "venue", "after"]
        );
        // Nested: `../` climbs one block, to the outer item.
        assert_eq!(
            names(
                "{{#each a}}{{#each b}}{{../c}} {{../../d}}{{/each}}{{#if e}}{{../f}}{{/if}}{{/each}}{{g}}"
            ),
            vec!["a", "d", "f", "g"]
        );
        assert_eq!(
            names("{{#each kicks as |kick i|}}{{kick.player}}{{/each}}"),
            vec!["kicks"]
        );
    }

    #[test]
    fn an_unknown_slot_is_a_problem_with_its_line_and_the_slots_expected() {
        let mut problems = Vec::new();
        unknown_slots(
            "en/neutral/lead/next_fixture@for.hbs",
            "lead/next_fixture@for",
            "{{!-- a comment naming {{oponent}} --}}\n{{team team}} play {{opponent}}\n---\n{{_tone}}\nnext: {{oponent}}",
            &mut problems,
        );
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].position, Some((5, 9)));
        assert!(
            problems[0].message.starts_with(
                "unknown slot `oponent` for lead/next_fixture; expected one of team, opponent"
            ),
            "{}",
            problems[0].message
        );
        // Files of messages no code asks for are left to the coverage note.
        let mut problems = Vec::new();
        unknown_slots("en/neutral/x.hbs", "x", "{{anything}}", &mut problems);
        assert!(problems.is_empty());
    }

    #[test]
    fn an_unknown_claim_is_a_problem_with_its_line() {
        let mut problems = Vec::new();
        let text = "plain\n---\n{{!-- claims: is_final, lifted_cup --}}\nWon.\n";
        claim_problems("en/neutral/x.hbs", "neutral", "x", text, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("unknown claim `lifted_cup`"));
        assert_eq!(problems[0].position, Some((3, 1)));
    }

    #[test]
    fn both_halves_of_a_slot_leave_nothing_unsaid() {
        let v = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(covered(&[v(&["drawn"]), v(&["has_winner"])]));
        assert!(covered(&[
            v(&["record_broken", "drawn"]),
            v(&["record_broken", "has_winner"]),
            v(&["record_not_broken"]),
        ]));
        // A draw with a record equalled has nothing to say.
        assert!(!covered(&[
            v(&["record_broken"]),
            v(&["record_not_broken", "has_winner"]),
        ]));
        // Claims that are not each other's complement may both fail.
        assert!(!covered(&[
            v(&["player_side_won"]),
            v(&["player_side_not_won"])
        ]));
        assert!(covered(&[v(&["eliminated"]), v(&[])]));
    }

    #[test]
    fn a_neutral_message_keeps_a_variant_without_claims() {
        let mut problems = Vec::new();
        let text = "{{!-- claims: is_final --}}\nWon the final.\n";
        claim_problems("en/neutral/x.hbs", "neutral", "x", text, &mut problems);
        assert_eq!(problems.len(), 1);
        problems.clear();
        claim_problems("en/dramatic/x.hbs", "dramatic", "x", text, &mut problems);
        claim_problems(
            "en/neutral/x@for.hbs",
            "neutral",
            "x@for",
            text,
            &mut problems,
        );
        assert!(problems.is_empty());
    }

    #[test]
    fn the_shipped_phrasebank_has_no_problems() {
        let lint = lint_builtin("en");
        assert!(lint.problems.is_empty(), "{:#?}", lint.problems);
    }
}
