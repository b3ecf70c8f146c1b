//! Reading match files: bytes in, a validated [`Match`] out, or an error
//! that says where and what.
//!
//! Parsing is done by serde (with the JSON path tracked by
//! `serde_path_to_error`), then [`validate`] checks what types cannot: that
//! ids resolve, minutes fit their period, scores agree with the goals.

pub mod locate;
pub mod logic;
pub mod text;
pub mod validate;

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::Match;
use locate::{JsonPath, Seg, locate};
use std::io::Read;

/// The largest input beatwriter reads: 128 MiB. The biggest real feeds
/// are tens of megabytes; past this a file is a mistake (or `/dev/zero`),
/// and reading on would only exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Reads and validates a match file; `-` reads standard input.
pub fn load_path(path: &str) -> Result<Match> {
    let text = read_source(path)?;
    load_str(path, &text)
}

/// Reads a file, or standard input for `-`, as UTF-8 text, refusing
/// anything larger than [`MAX_INPUT_BYTES`].
pub fn read_source(path: &str) -> Result<String> {
    let io_error =
        |message: String| Error::single(ErrorKind::Io, path, Diagnostic::new("", message));
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| io_error(format!("cannot read the file: {e}")))?,
        )
    };
    read_limited(reader).map_err(|e| io_error(e.to_string()))
}

/// Reads at most [`MAX_INPUT_BYTES`] as UTF-8; one byte more is an error
/// that says what the limit is.
pub fn read_limited(reader: impl Read) -> std::io::Result<String> {
    read_at_most(reader, MAX_INPUT_BYTES)
}

/// Reads at most `limit` bytes as UTF-8; one byte more is an error.
pub fn read_at_most(reader: impl Read, limit: u64) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > limit {
        let size = if limit >= 1024 * 1024 {
            format!("{} MiB", limit / (1024 * 1024))
        } else {
            format!("{limit} bytes")
        };
        return Err(std::io::Error::other(format!(
            "the input is larger than {size}, the most beatwriter reads; expected a match file or feed of ordinary size"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the file is not UTF-8 text (byte {}); expected JSON in UTF-8",
                e.utf8_error().valid_up_to() + 1
            ),
        )
    })
}

/// Parses and validates match JSON; `file` names the source in errors.
pub fn load_str(file: &str, text: &str) -> Result<Match> {
    let m = parse(file, text)?;
    let found = validate::validate(&m);
    verdict(file, text, m, found)
}

/// Repeated keys in any object of `text`, which serde would silently
/// resolve by keeping the last.
pub fn duplicate_keys(text: &str) -> Vec<Diagnostic> {
    locate::duplicate_keys(text)
        .into_iter()
        .map(|(path, position)| {
            let key = match path.0.last() {
                Some(Seg::Key(k)) => k.clone(),
                _ => String::new(),
            };
            Diagnostic {
                path: path.to_string(),
                position: Some(position),
                message: format!(
                    "the key \"{}\" appears twice in this object; expected each key once (only one of the two values would be kept)",
                    text::escape(&key)
                ),
            }
        })
        .collect()
}

/// Adds line:column to every diagnostic, in one pass over `text` (one more
/// per level for paths that are absent from the file, such as a missing
/// `result.winner`: those point at the nearest enclosing value).
pub fn locate_diagnostics(text: &str, problems: &mut [Diagnostic]) {
    let mut paths: Vec<JsonPath> = problems.iter().map(|d| JsonPath::parse(&d.path)).collect();
    let mut pending: Vec<usize> = (0..problems.len()).collect();
    while !pending.is_empty() {
        let wanted: Vec<JsonPath> = pending.iter().map(|&n| paths[n].clone()).collect();
        let found = locate::locate_all(text, &wanted);
        let mut still = Vec::new();
        for (&n, position) in pending.iter().zip(found) {
            match position {
                Some(p) => problems[n].position = Some(p),
                None if paths[n].0.pop().is_some() => still.push(n),
                None => {}
            }
        }
        pending = still;
    }
}

/// Parses without the semantic checks: shape errors only.
pub fn parse(file: &str, text: &str) -> Result<Match> {
    // serde would read a struct from an array, element by element, and
    // complain about the first element's type: say what is wrong instead.
    if let Some(at) = text.find(|c: char| !c.is_whitespace())
        && text[at..].starts_with('[')
    {
        let diagnostic = Diagnostic {
            path: String::new(),
            position: Some(locate::line_col(text, at)),
            message: "the file holds a JSON array; expected a match object ({ \"schema\": \"beatwriter/1\", ... }) at the top level".to_string(),
        };
        return Err(Error::single(ErrorKind::Shape, file, diagnostic));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Match =
        serde_path_to_error::deserialize(&mut de).map_err(|e| shape_error(file, text, e))?;
    de.end().map_err(|e| {
        let diagnostic = Diagnostic {
            path: String::new(),
            position: Some((e.line(), e.column().max(1))),
            message: "unexpected text after the end of the match object".to_string(),
        };
        Error::single(ErrorKind::Syntax, file, diagnostic)
    })?;
    Ok(parsed)
}

/// serde's message worded for someone editing the file by hand: Rust type
/// names become what the field holds.
fn humane(path: &JsonPath, message: &str) -> String {
    let field = match path.0.last() {
        Some(Seg::Key(k)) => k.as_str(),
        _ => "",
    };
    let wanted = match field {
        "minute" => "a whole minute (1 to 120)".to_string(),
        "added" => format!(
            "a whole number of added minutes (0 to {})",
            validate::MAX_ADDED
        ),
        "period" => "a period: 1 or 2 (halves), 3 or 4 (extra time), 5 (shoot-out)".to_string(),
        "home" | "away" => format!("a whole number of goals (0 to {})", crate::model::MAX_GOALS),
        "shirt" => "a shirt number (0 to 255)".to_string(),
        "before" | "record" | "value" => {
            format!("a whole number (0 to {})", validate::MAX_RECORD)
        }
        "ranking" | "last_retained_year" => "a whole number (0 to 65535)".to_string(),
        "distance_yards" => "a whole number of yards (0 to 255)".to_string(),
        "possession" => "a percentage (0 to 100)".to_string(),
        _ => String::new(),
    };
    let rust_types = [
        "expected u8",
        "expected u16",
        "expected u32",
        "expected f32",
        "expected a boolean",
    ];
    let mut out = message.replace("unknown variant", "unknown value").replace(
        "data did not match any variant of untagged enum Rating",
        "expected a rating: a number from 0 to 10, or \"n/a\"",
    );
    if !wanted.is_empty() {
        for t in rust_types {
            out = out.replace(t, &format!("expected {wanted}"));
        }
    }
    out = out
        .replace("expected u8", "expected a whole number (0 to 255)")
        .replace("expected u16", "expected a whole number (0 to 65535)")
        .replace("expected u32", "expected a whole number")
        .replace("expected f32", "expected a number")
        .replace("expected a boolean", "expected true or false");
    out
}

/// What a failed parse tells about where and why, in our terms.
#[derive(Debug)]
pub struct ParseFailure {
    /// Syntax (not JSON) or shape (not the expected structure).
    pub kind: ErrorKind,
    /// serde_json's own category (end of file, syntax, data...).
    pub category: serde_json::error::Category,
    /// Where in the document.
    pub path: JsonPath,
    /// Line and column, from the parser or found from the path.
    pub position: Option<(usize, usize)>,
    /// serde_json's message without its trailing position (we print our own).
    pub message: String,
}

/// Reads a `serde_path_to_error` failure into a [`ParseFailure`]; shared
/// by every reader of JSON (match files, provider feeds).
pub fn parse_failure(
    text: &str,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> ParseFailure {
    let path = JsonPath(
        e.path()
            .iter()
            .filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                _ => None,
            })
            .collect(),
    );
    let inner = e.inner();
    let category = inner.classify();
    let kind = match category {
        serde_json::error::Category::Data => ErrorKind::Shape,
        _ => ErrorKind::Syntax,
    };
    // serde_json counts a column of 0 for an error before a line's first
    // character; editors count from 1.
    let position = (inner.line() > 0)
        .then(|| (inner.line(), inner.column().max(1)))
        .or_else(|| locate(text, &path));
    let full = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    ParseFailure {
        kind,
        category,
        path,
        position,
        message,
    }
}

impl ParseFailure {
    /// The failure as a one-diagnostic error about `file`, worded by the
    /// reader that knows what it expected there.
    pub fn into_error(self, file: &str, message: String) -> Error {
        Error::single(
            self.kind,
            file,
            Diagnostic {
                path: self.path.to_string(),
                position: self.position,
                message,
            },
        )
    }
}

/// The verdict on a parsed document: `value` if neither its text (keys
/// given twice) nor `found` (the reader's own checks, located here by
/// their JSON paths) has a problem, else every problem at once.
pub fn verdict<T>(file: &str, text: &str, value: T, mut found: Vec<Diagnostic>) -> Result<T> {
    let mut problems = duplicate_keys(text);
    locate_diagnostics(text, &mut found);
    problems.append(&mut found);
    if problems.is_empty() {
        return Ok(value);
    }
    Err(Error {
        kind: ErrorKind::Invalid,
        file: file.to_string(),
        diagnostics: problems,
    })
}

fn shape_error(file: &str, text: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let f = parse_failure(text, &e);
    let message = match f.kind {
        ErrorKind::Syntax => format!("invalid JSON: {}", f.message),
        _ if f.path.0.is_empty() && f.message.starts_with("invalid type") => format!(
            "{}; expected a match object ({{ \"schema\": \"beatwriter/1\", ... }}) at the top level",
            f.message.split(", expected").next().unwrap_or(&f.message)
        ),
        _ => humane(&f.path, &f.message),
    };
    f.into_error(file, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_text_is_a_syntax_error() {
        let text = include_str!("../../fixtures/eng-fra-2022-wc-qf.json").to_string() + "x";
        let err = load_str("f.json", &text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Syntax);
    }

    #[test]
    fn bundled_fixture_loads() {
        let text = include_str!("../../fixtures/eng-fra-2022-wc-qf.json");
        let m = load_str("f.json", text).expect("fixture is valid");
        assert_eq!(m.teams.home.name, "England");
    }
}
