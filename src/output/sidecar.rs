//! The regeneration record kept beside a draft (`report --provenance
//! FILE`), so a draft can be checked and written again without a footer
//! that has to be published or stripped. It records every option, the
//! files the report was written from and fingerprints of the match, the
//! thresholds and the phrasebank, so `check --provenance FILE` can tell
//! when any of them has changed or a draft is checked against the wrong
//! match.

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::Match;
use crate::report::{Options, Report};
use serde::{Deserialize, Serialize};

/// Version of the sidecar format.
pub const FORMAT: &str = "beatwriter-provenance/1";

/// Everything that wrote a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Always [`FORMAT`].
    pub format: String,
    /// The beatwriter version that wrote it.
    pub beatwriter: String,
    /// The input files, as named on the command line.
    pub input: Inputs,
    /// Which match it is, to catch a draft checked against another one.
    #[serde(rename = "match")]
    pub fixture: Identity,
    /// The options.
    pub options: Recorded,
    /// The command-line options that write the draft again.
    pub command: String,
}

/// The files a report was written from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inputs {
    /// A native match file, or `-`.
    pub file: Option<String>,
    /// StatsBomb events, line-ups and match entry, when written from a feed.
    pub statsbomb_events: Option<String>,
    /// StatsBomb line-ups.
    pub statsbomb_lineups: Option<String>,
    /// StatsBomb matches-file entry.
    pub statsbomb_match: Option<String>,
    /// Editorial context merged in.
    pub context: Option<String>,
    /// `--lenient` import.
    pub lenient: bool,
}

/// A match's identity and a fingerprint of its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// Home team's name.
    pub home: String,
    /// Away team's name.
    pub away: String,
    /// Date.
    pub date: String,
    /// Fingerprint of the match as read.
    pub fingerprint: String,
}

/// Every option of `report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    /// Seed.
    pub seed: u64,
    /// Tone.
    pub tone: String,
    /// `--for`, as given.
    pub perspective: Option<String>,
    /// `--section`, as given.
    pub sections: Vec<String>,
    /// `--thresholds FILE`, if any.
    pub thresholds: Option<String>,
    /// Fingerprint of the thresholds used (the built-in ones without a file).
    pub thresholds_fingerprint: String,
    /// `--phrasebank DIR`, if any.
    pub phrasebank: Option<String>,
    /// The phrasebank's fingerprint.
    pub phrasebank_version: String,
    /// `--format`.
    pub format: String,
}

impl Sidecar {
    /// The record of `report`, written from `m` with `options`.
    pub fn new(
        report: &Report,
        m: &Match,
        options: &Options,
        input: Inputs,
        files: (Option<String>, Option<String>),
        format: &str,
    ) -> Self {
        let (thresholds, phrasebank) = files;
        Sidecar {
            format: FORMAT.to_string(),
            beatwriter: env!("CARGO_PKG_VERSION").to_string(),
            input,
            fixture: identity(m),
            options: Recorded {
                seed: options.seed,
                tone: options.tone.clone(),
                perspective: options.perspective.clone(),
                sections: options.sections.clone(),
                thresholds,
                thresholds_fingerprint: thresholds_fingerprint(&options.thresholds),
                phrasebank,
                phrasebank_version: report.phrasebank_version.clone(),
                format: format.to_string(),
            },
            command: super::metadata(report),
        }
    }

    /// The sidecar as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads a sidecar.
    pub fn parse(file: &str, text: &str) -> Result<Self> {
        let sidecar: Sidecar = serde_json::from_str(text).map_err(|e| {
            Error::single(
                ErrorKind::Shape,
                file,
                Diagnostic {
                    path: String::new(),
                    position: Some((e.line(), e.column().max(1))),
                    message: format!(
                        "{e}; expected a provenance file written by `beatwriter report --provenance`"
                    ),
                },
            )
        })?;
        if sidecar.format != FORMAT {
            return Err(Error::single(
                ErrorKind::Shape,
                file,
                Diagnostic::new(
                    "format",
                    format!(
                        "unsupported format \"{}\"; expected \"{FORMAT}\"",
                        sidecar.format
                    ),
                ),
            ));
        }
        Ok(sidecar)
    }

    /// The report options it records, with `thresholds` as loaded by the
    /// caller from [`Recorded::thresholds`].
    pub fn options(&self, thresholds: crate::beats::Thresholds) -> Options {
        Options {
            seed: self.options.seed,
            tone: self.options.tone.clone(),
            perspective: self.options.perspective.clone(),
            sections: self.options.sections.clone(),
            thresholds,
            ..Options::default()
        }
    }
}

/// Who played whom, when, and a fingerprint of everything else.
pub fn identity(m: &Match) -> Identity {
    Identity {
        home: m.teams.home.name.clone(),
        away: m.teams.away.name.clone(),
        date: m.fixture.date.clone(),
        fingerprint: fingerprint(&serde_json::to_string(m).unwrap_or_default()),
    }
}

/// A fingerprint of a set of thresholds.
pub fn thresholds_fingerprint(t: &crate::beats::Thresholds) -> String {
    fingerprint(&format!("{t:?}"))
}

/// FNV-1a, 64 bits, as hex: stable across runs and platforms, which is all
/// a fingerprint needs.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
