//! Reading match files: bytes in, a validated [`Match`] out, or an error
//! that says where and what.
//!
//! Parsing is done by serde (with the JSON path tracked by
//! `serde_path_to_error`), then [`validate`] checks what types cannot: that
//! ids resolve, minutes fit their period, scores agree with the goals.

pub mod locate;
pub mod validate;

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::Match;
use locate::{JsonPath, Seg, locate};
use std::io::Read;

/// Reads and validates a match file; `-` reads standard input.
pub fn load_path(path: &str) -> Result<Match> {
    let text = read_source(path)?;
    load_str(path, &text)
}

/// Reads a file, or standard input for `-`, as UTF-8 text.
pub fn read_source(path: &str) -> Result<String> {
    let mut text = String::new();
    let outcome = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    outcome.map_err(|e| {
        Error::single(
            ErrorKind::Io,
            path,
            Diagnostic::new("", format!("cannot read the file: {e}")),
        )
    })?;
    Ok(text)
}

/// Parses and validates match JSON; `file` names the source in errors.
pub fn load_str(file: &str, text: &str) -> Result<Match> {
    let m = parse(file, text)?;
    let mut problems = validate::validate(&m);
    if problems.is_empty() {
        return Ok(m);
    }
    for d in &mut problems {
        d.position = locate(text, &JsonPath::parse(&d.path));
    }
    Err(Error {
        kind: ErrorKind::Invalid,
        file: file.to_string(),
        diagnostics: problems,
    })
}

/// Parses without the semantic checks: shape errors only.
pub fn parse(file: &str, text: &str) -> Result<Match> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Match =
        serde_path_to_error::deserialize(&mut de).map_err(|e| shape_error(file, text, e))?;
    de.end().map_err(|e| {
        let diagnostic = Diagnostic {
            path: String::new(),
            position: Some((e.line(), e.column())),
            message: "unexpected text after the end of the match object".to_string(),
        };
        Error::single(ErrorKind::Syntax, file, diagnostic)
    })?;
    Ok(parsed)
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
    let position = (inner.line() > 0)
        .then(|| (inner.line(), inner.column()))
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

fn shape_error(file: &str, text: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let f = parse_failure(text, &e);
    let message = match f.kind {
        ErrorKind::Syntax => format!("invalid JSON: {}", f.message),
        // Worded for someone editing the file by hand.
        _ => f
            .message
            .replace("unknown variant", "unknown value")
            .replace(
                "data did not match any variant of untagged enum Rating",
                "expected a rating: a number from 0 to 10, or \"n/a\"",
            ),
    };
    Error::single(
        f.kind,
        file,
        Diagnostic {
            path: f.path.to_string(),
            position: f.position,
            message,
        },
    )
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
