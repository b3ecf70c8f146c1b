//! Errors a person can act on.
//!
//! Every problem with an input names the file, the place in it (a JSON path
//! and, where known, line and column) and what was expected. Problems are
//! collected rather than stopping at the first, so one run shows a desk
//! everything to fix.

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

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
