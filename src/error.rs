//! Errors a person can act on.
//!
//! Every problem with an input names the file, the place in it (a JSON path
//! and, where known, line and column) and what was expected. Problems are
//! collected rather than stopping at the first, so one run shows a desk
//! everything to fix.

use serde::Serialize;
use std::fmt;

/// One problem at one place in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// JSON path to the offending value, e.g. `events[3].player`.
    pub path: String,
    /// 1-based line and column of the value, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `path` with no position yet.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            position: None,
            message: message.into(),
        }
    }
}

/// What kind of failure stopped the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The bytes are not JSON.
    Syntax,
    /// JSON, but not of the expected shape (missing field, wrong type...).
    Shape,
    /// Well formed, but the facts contradict each other.
    Invalid,
    /// The phrasebank is broken.
    Phrasebank,
    /// A template failed to render.
    Render,
    /// A command-line argument is unusable.
    Usage,
}

impl ErrorKind {
    /// A short stable code for machine-readable diagnostics.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Shape => "shape",
            ErrorKind::Invalid => "invalid",
            ErrorKind::Phrasebank => "phrasebank",
            ErrorKind::Render => "render",
            ErrorKind::Usage => "usage",
        }
    }

    /// The command's exit code for this failure: 2 for bad input or usage,
    /// 3 for a phrasebank or internal failure. (0 is success and 1 means
    /// `check` or `lint` found problems.)
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Io
            | ErrorKind::Syntax
            | ErrorKind::Shape
            | ErrorKind::Invalid
            | ErrorKind::Usage => 2,
            ErrorKind::Phrasebank | ErrorKind::Render => 3,
        }
    }
}

/// An error with the file it concerns and every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The failure's kind.
    pub kind: ErrorKind,
    /// The file concerned, as the user named it (`-` for stdin).
    pub file: String,
    /// The problems, at least one.
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// An error with a single problem.
    pub fn single(kind: ErrorKind, file: impl Into<String>, diagnostic: Diagnostic) -> Self {
        Error {
            kind,
            file: file.into(),
            diagnostics: vec![diagnostic],
        }
    }
}

impl fmt::Display for Error {
    /// One line per problem: `file:line:col: at path: message`. Control,
    /// bidirectional and private-use characters (which a message may quote
    /// from a hostile file) are written as `\u{XXXX}`, never sent raw to
    /// the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = crate::input::text::escape;
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // A usage error concerns no file: it is just the message.
            if !self.file.is_empty() {
                write!(f, "{}", clean(&self.file))?;
                if let Some((line, col)) = d.position {
                    write!(f, ":{line}:{col}")?;
                }
                write!(f, ": ")?;
            }
            if d.path.is_empty() {
                write!(f, "{}", clean(&d.message))?;
            } else {
                write!(f, "at {}: {}", clean(&d.path), clean(&d.message))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Each problem as a printable diagnostic.
    pub fn located(&self) -> Vec<Located> {
        self.diagnostics
            .iter()
            .map(|d| Located::new(&self.file, d, self.kind.code(), Severity::Error))
            .collect()
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input, phrasebank or draft is wrong.
    Error,
    /// Worth a look; does not fail.
    Warning,
    /// Advice (lint's notes).
    Note,
}

/// One diagnostic with everything a person or a tool needs to act on it:
/// what `--message-format json` prints, one object per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// The file, as the user named it; empty for a usage error.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// JSON path in the file (`events[3].minute`), or empty.
    pub path: String,
    /// A short stable code: `syntax`, `shape`, `invalid`, `io`, `usage`,
    /// `phrasebank`, `render`, `lint`, `check/figure`, `check/name`...
    pub code: String,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What was expected instead, when the message says.
    pub expected: Option<String>,
    /// The offending line of the file with a caret under the column, when
    /// the message quotes it (phrasebank templates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

impl Located {
    /// A diagnostic of `file`, its message split at "; expected".
    pub fn new(file: &str, d: &Diagnostic, code: &str, severity: Severity) -> Self {
        // A message may carry a quoted source line after its first line.
        let (first, snippet) = match d.message.split_once('\n') {
            Some((first, rest)) => (first, Some(rest.to_string())),
            None => (d.message.as_str(), None),
        };
        // Control, bidirectional and private-use characters a message may
        // quote from a hostile file are written as `\u{XXXX}`, in text and
        // JSON alike, so they never reach a terminal or a CMS raw.
        let clean = crate::input::text::escape;
        let (message, expected) = split_expected(&clean(first));
        let snippet = snippet.map(|s| s.lines().map(clean).collect::<Vec<_>>().join("\n"));
        Located {
            file: clean(file),
            line: d.position.map(|(l, _)| l),
            column: d.position.map(|(_, c)| c.max(1)),
            path: clean(&d.path),
            code: code.to_string(),
            severity,
            message,
            expected,
            snippet,
        }
    }

    /// `FILE:LINE:COLUMN: error: at PATH: message; expected what`, the
    /// form editors' problem matchers read. A diagnostic without a file
    /// (a usage error) starts `beatwriter:`.
    pub fn text(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let place = match (self.file.is_empty(), self.line, self.column) {
            (true, _, _) => "beatwriter".to_string(),
            (false, Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (false, Some(l), None) => format!("{}:{l}", self.file),
            (false, None, _) => self.file.clone(),
        };
        let at = if self.path.is_empty() {
            String::new()
        } else {
            format!("at {}: ", self.path)
        };
        let expected = self
            .expected
            .as_ref()
            .map_or(String::new(), |e| format!("; expected {e}"));
        let snippet = self
            .snippet
            .as_ref()
            .map_or(String::new(), |s| format!("\n{s}"));
        format!(
            "{place}: {severity}: {at}{}{expected}{snippet}",
            self.message
        )
    }

    /// One line of JSON.
    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The line `line` of `source` with a caret under `column` (both 1-based),
/// as rustc and minijinja show it; empty when the line does not exist.
pub fn caret(source: &str, line: usize, column: usize) -> String {
    // Past the end (an unclosed block is reported where the file ends):
    // the last line, the caret after its last character.
    let (line, column, text) = match source.lines().nth(line.saturating_sub(1)) {
        Some(text) => (line, column, text),
        None => match source.lines().enumerate().last() {
            Some((i, text)) => (i + 1, text.chars().count() + 1, text),
            None => return String::new(),
        },
    };
    let gutter = " ".repeat(line.to_string().len());
    let pad: String = text
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!("{gutter} |\n{line} | {text}\n{gutter} | {pad}^")
}

/// "what is wrong; expected what" split into its two halves.
pub fn split_expected(message: &str) -> (String, Option<String>) {
    match message.split_once("; expected ") {
        Some((what, expected)) => (what.to_string(), Some(expected.to_string())),
        None => (message.to_string(), None),
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
