//! Importers: turn a data provider's files into a native [`Match`].
//!
//! Each provider lives in its own module ([`statsbomb`]). An importer reads
//! the provider's files, maps them onto the `beatwriter/1` model, checks
//! the result with [`crate::input::validate::validate`] and returns it with
//! the warnings it collected on the way.

pub mod statsbomb;

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::Match;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to import: the provider's files and how strict to be.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The events file (StatsBomb: `<match_id>_events.json`).
    pub events: PathBuf,
    /// The line-ups file (StatsBomb: `<match_id>_lineups.json`).
    pub lineups: PathBuf,
    /// The match's entry from the provider's matches file, when given:
    /// competition, date, venue, referee, managers and the final score.
    pub match_file: Option<PathBuf>,
    /// An editorial context file (a JSON object with the native `context`
    /// fields) merged into the imported match.
    pub context: Option<PathBuf>,
    /// Turn consistency problems (score disagreements, unknown players,
    /// repeated ids) into warnings instead of errors.
    pub lenient: bool,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The native match, already validated.
    pub m: Match,
    /// Problems that did not stop the import (lenient mode) and notes on
    /// guesses made (e.g. teams taken from the line-ups).
    pub warnings: Vec<String>,
    /// Provider event types the importer does not use, with their counts.
    pub ignored: BTreeMap<String, usize>,
}

/// The file name as the user gave it, for error messages.
pub(crate) fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a file as UTF-8 text, with an I/O error naming it. A file whose
/// name ends in `.gz` is decompressed first: providers and open-data
/// mirrors ship feeds gzipped, and a desk should not have to unpack them.
///
/// The text is capped at [`crate::input::MAX_INPUT_BYTES`] after
/// decompression, so neither `/dev/zero` nor a small gzip bomb can exhaust
/// memory.
pub(crate) fn read(path: &Path) -> Result<String> {
    let gzipped = path.extension().is_some_and(|e| e == "gz");
    let text = std::fs::File::open(path)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot read the file: {e}")))
        .and_then(|f| {
            if gzipped {
                crate::input::read_limited(flate2::read::GzDecoder::new(f))
            } else {
                crate::input::read_limited(f)
            }
        });
    text.map_err(|e| {
        Error::single(
            ErrorKind::Io,
            display(path),
            Diagnostic::new("", e.to_string()),
        )
    })
}

/// Deserialises `text` into `T`; on failure, parses again with the JSON
/// path tracked so the error names the path and line:column. `what` says
/// what the file should have been, for the message.
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str, what: &str) -> Result<T> {
    // The fast path: no path tracking unless something is wrong.
    if let Ok(v) = serde_json::from_str::<T>(text) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result: std::result::Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(v) => {
            // Only trailing text can make the plain parse fail here.
            let e = de.end().err();
            match e {
                None => Ok(v),
                Some(e) => Err(Error::single(
                    ErrorKind::Syntax,
                    file,
                    Diagnostic {
                        path: String::new(),
                        position: Some((e.line(), e.column().max(1))),
                        message: "unexpected text after the end of the JSON value".to_string(),
                    },
                )),
            }
        }
        Err(e) => Err(shape_error(file, text, e, what)),
    }
}

fn shape_error(
    file: &str,
    text: &str,
    e: serde_path_to_error::Error<serde_json::Error>,
    what: &str,
) -> Error {
    let f = crate::input::parse_failure(text, &e);
    let bare = &f.message;
    let message = match f.category {
        serde_json::error::Category::Eof => {
            format!("the file ends too soon ({bare}); is it truncated? expected {what}")
        }
        serde_json::error::Category::Syntax => format!("invalid JSON: {bare}; expected {what}"),
        _ => format!("{bare}; expected {what}"),
    };
    f.into_error(file, message)
}

/// Reads an editorial context file (the native `context` object) for
/// `report --context` and `import --context`.
pub fn read_context(path: &std::path::Path) -> Result<crate::model::Context> {
    let file = path.display().to_string();
    let text = crate::input::read_source(&file)?;
    parse(&file, &text, "an editorial context object")
}
