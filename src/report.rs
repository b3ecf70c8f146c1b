//! The report as data: sections of paragraphs of sentences, each sentence
//! with its provenance. Output formats only print this structure.

use crate::analysis::Analysis;
use crate::beats::{Beat, Thresholds, detect_all};
use crate::error::Result;
use crate::model::Match;
use crate::phrasebank::Phrasebank;
use crate::realise::{Memory, Realiser, refer::rng_for};
use crate::sections;
use serde::Serialize;

/// The seed used when none is given, so default output is stable.
pub const DEFAULT_SEED: u64 = 2022;

/// How to write a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Seeds every wording choice: same input and seed, same text.
    pub seed: u64,
    /// Tone folder of the phrasebank ("neutral").
    pub tone: String,
    /// Language folder of the phrasebank ("en").
    pub language: String,
    /// What the rules count as late, long range, big, and how much each
    /// beat matters.
    pub thresholds: Thresholds,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: DEFAULT_SEED,
            tone: crate::phrasebank::BASE_TONE.to_string(),
            language: "en".to_string(),
            thresholds: Thresholds::builtin(),
        }
    }
}

/// A written report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The headline scoreline, e.g. "England 1-2 France".
    pub title: String,
    /// The sections in reading order.
    pub sections: Vec<Section>,
    /// The seed that produced it.
    pub seed: u64,
    /// The tone it was written in.
    pub tone: String,
    /// Every beat the rules found, most salient first, used or not.
    pub beats: Vec<Beat>,
}

impl Report {
    /// Ids of the beats some sentence expresses.
    pub fn used_beats(&self) -> std::collections::HashSet<&str> {
        self.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .flat_map(|p| &p.sentences)
            .flat_map(|s| s.beats.iter().map(String::as_str))
            .collect()
    }
}

/// One section, such as Player Ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Stable id: `ratings`, `highlights`, `key_stats`.
    pub id: String,
    /// The heading as printed; empty for the lead, which has none.
    pub heading: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph: sentences printed together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

/// One rendered sentence and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// The words.
    pub text: String,
    /// The message it expresses, e.g. `highlight/goal`.
    pub message: String,
    /// The template variant used, e.g. `neutral:highlight/goal#2`.
    pub variant: String,
    /// Ids of the events (or context entries) that prove it.
    pub evidence: Vec<String>,
    /// Ids of the beats it expresses (empty for data-driven lines).
    pub beats: Vec<String>,
}

impl Paragraph {
    /// The paragraph's text, sentences joined by spaces.
    pub fn text(&self) -> String {
        self.sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Writes a report with the built-in phrasebank.
pub fn write_report(m: &Match, options: &Options) -> Result<Report> {
    let bank = Phrasebank::builtin(&options.language)?;
    write_report_with(m, options, &bank)
}

/// Writes a report with a given phrasebank.
pub fn write_report_with(m: &Match, options: &Options, bank: &Phrasebank) -> Result<Report> {
    let analysis = Analysis::new(m);
    let beats = detect_all(&analysis, &options.thresholds);
    let inputs = sections::Inputs {
        a: &analysis,
        beats: &beats,
    };
    let mut out = Vec::new();
    let mut memory = Memory::default();
    for writer in sections::ALL {
        let rng = rng_for(options.seed, writer.id);
        // Stand-alone sections (ratings, highlights) name everyone afresh
        // and leave the narrative's mentions untouched.
        let narrative = std::mem::take(&mut memory.mentions);
        if !writer.standalone {
            memory.mentions = narrative.clone();
        }
        let mut realiser = Realiser::new(bank, &analysis, &options.tone, rng, memory);
        let paragraphs = (writer.write)(&inputs, &mut realiser)?;
        let heading = if writer.headed {
            realiser
                .say(
                    &format!("heading/{}", writer.id),
                    serde_json::json!({}),
                    vec![],
                )?
                .text
        } else {
            String::new()
        };
        memory = realiser.finish();
        if writer.standalone {
            memory.mentions = narrative;
        }
        if !paragraphs.is_empty() {
            out.push(Section {
                id: writer.id.to_string(),
                heading,
                paragraphs,
            });
        }
    }
    let title = {
        let rng = rng_for(options.seed, "title");
        let mut realiser = Realiser::new(bank, &analysis, &options.tone, rng, Memory::default());
        realiser
            .say(
                "heading/title",
                sections::scoreline_slots(&analysis),
                vec![],
            )?
            .text
    };
    Ok(Report {
        title,
        sections: out,
        seed: options.seed,
        beats,
        tone: options.tone.clone(),
    })
}
