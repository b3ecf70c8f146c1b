//! The match's story, decided before any section is planned.
//!
//! A desk decides what must be told before writing a word: [`decide`]
//! reads the beats and picks those that must be told: every beat at least
//! as salient as `must_tell` in `rules/thresholds.json` is told in the
//! lead, in every tone and perspective, whatever else the opening chose to
//! lead on. (What the opening leads on is the opening's own choice, in
//! `plan::lead`.)

use super::Beats;
use crate::beats::{Beat, Thresholds};

/// What the match was about.
#[derive(Debug, Clone)]
pub struct Story<'b> {
    /// Beats that must be told in the lead, most salient first.
    pub must_tell: Vec<&'b Beat>,
}

/// Decides the story of a match from its beats.
pub fn decide<'b>(beats: &Beats<'b>, t: &Thresholds) -> Story<'b> {
    let must_tell = beats
        .all()
        .iter()
        .filter(|b| b.salience >= t.must_tell)
        .collect();
    Story { must_tell }
}
