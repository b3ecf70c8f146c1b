//! The report as data: sections of paragraphs of sentences, each sentence
//! with its provenance. Output formats only print this structure.

use crate::analysis::Analysis;
use crate::beats::{Beat, Thresholds, detect_all};
use crate::error::Result;
use crate::model::{Match, Side};
use crate::phrasebank::Phrasebank;
use crate::realise::{Memory, Realiser, refer::rng_for};
use crate::sections;
use serde::Serialize;
use std::collections::HashSet;

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
    /// Write for one side's supporters: a team's name, short name or id.
    pub perspective: Option<String>,
    /// Re-roll only these sections with `seed`; the rest stay as they are
    /// at the default seed. Empty: every section uses `seed`.
    pub sections: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: DEFAULT_SEED,
            tone: crate::phrasebank::BASE_TONE.to_string(),
            language: "en".to_string(),
            thresholds: Thresholds::builtin(),
            perspective: None,
            sections: Vec::new(),
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
    /// The side it was written for, if one.
    pub perspective: Option<String>,
    /// The sections re-rolled with `seed` (the rest use the default seed).
    pub rerolled: Vec<String>,
    /// Fingerprint of the phrasebank that wrote it.
    pub phrasebank_version: String,
    /// Every beat the rules found, most salient first, used or not.
    pub beats: Vec<Beat>,
    /// The credit the data's provider asks for ("Data: StatsBomb"), for
    /// reports written from imported data.
    pub credit: Option<String>,
    /// The phrasebank's wordings of one minute ("in the first minute" is
    /// 1), so provenance traces a minute stated without a figure.
    #[serde(skip)]
    pub minute_phrases: Vec<(String, u16)>,
}

impl Report {
    /// The template variant of the first sentence of the lead, if any.
    pub fn opening(&self) -> Option<&str> {
        self.sections
            .first()
            .filter(|s| s.id == "lead")
            .and_then(Report::opening_variant)
    }

    fn opening_variant(lead: &Section) -> Option<&str> {
        lead.paragraphs
            .first()
            .and_then(|p| p.sentences.first())
            .map(|s| s.variant.as_str())
    }

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
    /// The claims its variant declares, each checked to hold
    /// (`crate::claims`).
    pub claims: Vec<String>,
    /// The side its claims were judged about (its `team` slot), if one.
    pub about: Option<crate::model::Side>,
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

/// Writes a report with the built-in phrasebank, loaded for this call.
/// To write many reports, load a [`Phrasebank`] once and use
/// [`write_report_with`].
pub fn write_report(m: &Match, options: &Options) -> Result<Report> {
    let bank = Phrasebank::builtin(&options.language)?;
    write_report_with(m, options, &bank)
}

/// Writes a report with a given phrasebank.
///
/// With `options.sections` empty every section uses `options.seed`.
/// Otherwise the named sections are re-rolled with `options.seed` and the
/// rest are exactly as they would be at [`DEFAULT_SEED`]: an editor
/// re-rolls one paragraph without disturbing the others.
pub fn write_report_with(m: &Match, options: &Options, bank: &Phrasebank) -> Result<Report> {
    write_report_avoiding(m, options, bank, &HashSet::new())
}

/// Writes a report as [`write_report_with`] does, treating the template
/// variants in `avoid` as already used: no sentence takes one of them
/// while another variant of its message fits. A round of reports passes
/// the lead variants earlier reports opened with, so no two open alike.
pub fn write_report_avoiding(
    m: &Match,
    options: &Options,
    bank: &Phrasebank,
    avoid: &HashSet<String>,
) -> Result<Report> {
    check_tone(bank, &options.tone)?;
    let reroll = section_ids(&options.sections)?;
    let ((title, sections, perspective), beats) = with_writer(m, options, bank, |writer| {
        let sections = writer.all_sections(starting_memory(m, avoid), &reroll)?;
        let perspective = writer
            .inputs
            .perspective
            .map(|side| writer.analysis.team(side).name.clone());
        Ok((writer.title()?, sections, perspective))
    })?;
    Ok(Report {
        title,
        sections,
        seed: options.seed,
        tone: options.tone.clone(),
        perspective,
        rerolled: options.sections.clone(),
        phrasebank_version: bank.version().to_string(),
        beats,
        credit: m.provider.as_ref().map(|p| p.credit.clone()),
        minute_phrases: crate::phrasebank::helpers::minutes::fixed_minute_phrases(bank.lexicon()),
    })
}

/// The side the report is written for, from `--for` (a name or nickname).
fn perspective_of(m: &Match, options: &Options) -> Result<Option<Side>> {
    options
        .perspective
        .as_deref()
        .map(|name| find_team(m, name))
        .transpose()
}

/// What the realiser knows before the first sentence: the desk's own key
/// stats print as given, so the prose steers around their openings rather
/// than echo them; and the variants in `avoid` count as already used.
fn starting_memory(m: &Match, avoid: &HashSet<String>) -> Memory {
    let mut memory = Memory::default();
    memory.openings.extend(
        m.context
            .key_stats
            .iter()
            .map(|line| crate::realise::opening(line)),
    );
    memory.used.extend(avoid.iter().cloned());
    memory
}

/// The variant the report's first sentence would use, found by writing
/// only the lead, as [`write_report_avoiding`] with the same arguments
/// would (re-rolled sections are not supported: `options.sections` must be
/// empty). None when the lead says nothing.
pub fn lead_variant(
    m: &Match,
    options: &Options,
    bank: &Phrasebank,
    avoid: &HashSet<String>,
) -> Result<Option<String>> {
    check_tone(bank, &options.tone)?;
    let (lead, _) = with_writer(m, options, bank, |writer| {
        let memory = starting_memory(m, avoid);
        Ok(writer.section(&sections::ALL[0], options.seed, memory)?.0)
    })?;
    Ok(lead
        .as_ref()
        .and_then(Report::opening_variant)
        .map(str::to_string))
}

/// Analyses the match, detects its beats and resolves the side written
/// for, then hands `write` the [`Writer`] every section is written with;
/// the beats come back beside its result, for the report to keep.
fn with_writer<T>(
    m: &Match,
    options: &Options,
    bank: &Phrasebank,
    write: impl FnOnce(&Writer<'_>) -> Result<T>,
) -> Result<(T, Vec<crate::beats::Beat>)> {
    let analysis = Analysis::new(m);
    let beats = detect_all(&analysis, &options.thresholds);
    let perspective = perspective_of(m, options)?;
    let inputs = sections::Inputs {
        a: &analysis,
        beats: &beats,
        perspective,
        thresholds: &options.thresholds,
    };
    let writer = Writer {
        bank,
        analysis: &analysis,
        inputs: &inputs,
        options,
    };
    let written = write(&writer)?;
    Ok((written, beats))
}

/// What every section of one report is written with.
struct Writer<'a> {
    bank: &'a Phrasebank,
    analysis: &'a Analysis<'a>,
    inputs: &'a sections::Inputs<'a>,
    options: &'a Options,
}

impl Writer<'_> {
    /// Writes every section in order from `memory`, then writes again
    /// each section in `reroll`, knowing what all the others used.
    fn all_sections(&self, mut memory: Memory, reroll: &[&str]) -> Result<Vec<Section>> {
        let base_seed = if reroll.is_empty() {
            self.options.seed
        } else {
            DEFAULT_SEED
        };
        let mut drafts = Vec::new();
        for section in sections::ALL {
            // What each section started and ended with is kept only when a
            // section is to be re-rolled: copying it is not free.
            let before = if reroll.is_empty() {
                Memory::default()
            } else {
                memory.clone()
            };
            let (written, after) = self.section(section, base_seed, memory)?;
            let kept = if reroll.is_empty() {
                Memory::default()
            } else {
                after.clone()
            };
            drafts.push((section, written, before, kept));
            memory = after;
        }
        for i in 0..drafts.len() {
            if !reroll.contains(&drafts[i].0.id) {
                continue;
            }
            // Start where this section started, knowing everything the other
            // sections used, so the new draft clashes with none of them.
            let mut start = drafts[i].2.clone();
            for (j, (_, _, before, after)) in drafts.iter().enumerate() {
                if j != i {
                    start.absorb(&after.since(before));
                }
            }
            drafts[i].1 = self.section(drafts[i].0, self.options.seed, start)?.0;
        }
        Ok(drafts.into_iter().filter_map(|d| d.1).collect())
    }

    /// The report's title: the scoreline.
    fn title(&self) -> Result<String> {
        let rng = rng_for(self.options.seed, "title");
        let mut realiser = Realiser::new(
            self.bank,
            self.analysis,
            &self.options.tone,
            rng,
            Memory::default(),
        );
        let slots = sections::scoreline_slots(self.analysis);
        Ok(realiser.say("heading/title", slots, vec![])?.text)
    }

    /// Writes one section from `memory`; returns it (none when it has
    /// nothing to say) and the memory after it.
    fn section(
        &self,
        writer: &sections::SectionWriter,
        seed: u64,
        memory: Memory,
    ) -> Result<(Option<Section>, Memory)> {
        use sections::MemoryPolicy;
        // Moved, not copied: only what the section must not see is kept
        // aside (the names so far, or the whole memory).
        let mut memory = memory;
        let (start, aside) = match writer.memory {
            MemoryPolicy::Continues => (memory, Memory::default()),
            MemoryPolicy::FreshNames => {
                let names = std::mem::take(&mut memory.mentions);
                let aside = Memory {
                    mentions: names,
                    ..Memory::default()
                };
                (memory, aside)
            }
            MemoryPolicy::Isolated => (Memory::default(), memory),
        };
        let rng = rng_for(seed, writer.id);
        let mut realiser = Realiser::new(self.bank, self.analysis, &self.options.tone, rng, start)
            .with_perspective(self.inputs.perspective);
        let paragraphs = (writer.write)(self.inputs, &mut realiser)?;
        let heading = if writer.headed && !paragraphs.is_empty() {
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
        let after = match writer.memory {
            MemoryPolicy::Continues => realiser.finish(),
            // Later prose goes on naming people as the narrative left them.
            MemoryPolicy::FreshNames => Memory {
                mentions: aside.mentions,
                ..realiser.finish()
            },
            MemoryPolicy::Isolated => aside,
        };
        let section = (!paragraphs.is_empty()).then(|| Section {
            id: writer.id.to_string(),
            heading,
            paragraphs,
        });
        Ok((section, after))
    }
}

/// The side a `--for` name means: a team's name, short name, id or one of
/// its nicknames ("Les Bleus", "the Three Lions" or "Three Lions"), in any
/// case, or `home` / `away` when no team is called so.
pub fn find_team(m: &Match, name: &str) -> Result<crate::model::Side> {
    let wanted = name.trim().to_lowercase();
    let bare = |n: &str| {
        let n = n.to_lowercase();
        n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
    };
    for side in [crate::model::Side::Home, crate::model::Side::Away] {
        let t = m.teams.get(side);
        let named = [&t.name, &t.short_name, &t.id]
            .iter()
            .any(|n| n.to_lowercase() == wanted);
        let nicknamed = t.nicknames.iter().any(|n| bare(n) == bare(&wanted));
        if named || nicknamed {
            return Ok(side);
        }
    }
    // A team's own name wins over these words: a club could be "Home".
    match wanted.as_str() {
        "home" => return Ok(crate::model::Side::Home),
        "away" => return Ok(crate::model::Side::Away),
        _ => {}
    }
    Err(usage(format!(
        "no team called \"{name}\" in this match; expected \"{}\", \"{}\", home or away",
        m.teams.home.name, m.teams.away.name
    )))
}

/// Checks section names as `--section` takes them (an id such as
/// `talking_point`, or a heading such as "Talking Point"): a usage error
/// naming the valid ids for the first that is no section.
pub fn check_sections(names: &[String]) -> Result<()> {
    section_ids(names).map(|_| ())
}

/// The section ids named, checked against the report's sections.
fn section_ids(names: &[String]) -> Result<Vec<&'static str>> {
    names
        .iter()
        .map(|name| {
            let wanted = name.trim().to_lowercase().replace([' ', '-'], "_");
            sections::ALL
                .iter()
                .map(|s| s.id)
                .find(|id| *id == wanted)
                .ok_or_else(|| {
                    let valid: Vec<&str> = sections::ALL.iter().map(|s| s.id).collect();
                    usage(format!(
                        "no section called \"{name}\"; expected one of {}",
                        valid.join(", ")
                    ))
                })
        })
        .collect()
}

fn check_tone(bank: &Phrasebank, tone: &str) -> Result<()> {
    if bank.has_tone(tone) {
        return Ok(());
    }
    Err(usage(format!(
        "no tone called \"{tone}\"; expected one of {}",
        bank.tones().join(", ")
    )))
}

fn usage(message: String) -> crate::Error {
    crate::Error::single(
        crate::ErrorKind::Usage,
        "",
        crate::error::Diagnostic::new("", message),
    )
}
