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

fn shape_error(file: &str, text: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
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
    let kind = match inner.classify() {
        serde_json::error::Category::Data => ErrorKind::Shape,
        _ => ErrorKind::Syntax,
    };
    let position = (inner.line() > 0).then(|| (inner.line(), inner.column()));
    let position = position.or_else(|| locate(text, &path));
    let diagnostic = Diagnostic {
        path: path.to_string(),
        position,
        message: explain(inner, kind),
    };
    Error::single(kind, file, diagnostic)
}

/// serde_json's message without its trailing position (we print our own),
/// worded for someone editing the file by hand.
fn explain(e: &serde_json::Error, kind: ErrorKind) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let bare = full.strip_suffix(&suffix).unwrap_or(&full);
    match kind {
        ErrorKind::Syntax => format!("invalid JSON: {bare}"),
        _ => bare.replace("unknown variant", "unknown value").replace(
            "data did not match any variant of untagged enum Rating",
            "expected a rating: a number from 0 to 10, or \"n/a\"",
        ),
    }
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
