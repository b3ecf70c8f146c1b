//! Where every sentence came from: the view the JSON output serialises and
//! the HTML review page shows. Built from a report and the match it was
//! written from.

use super::trace::{Context, Tracer};
use crate::facts::Fact;
use crate::model::Match;
use crate::report::Report;
use serde::Serialize;

/// Version of the JSON report format.
pub const FORMAT: &str = "beatwriter-report/1";

/// A report with each sentence's provenance.
#[derive(Debug, Serialize)]
pub struct ReportView {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// The headline scoreline.
    pub title: String,
    /// The match file, as the user named it.
    pub source: String,
    /// The credit the data's provider asks for ("Data: StatsBomb"); null
    /// for a desk's own match file.
    pub data_credit: Option<String>,
    /// How it was written.
    pub options: OptionsView,
    /// Sections in reading order.
    pub sections: Vec<SectionView>,
    /// Every beat the rules found, most salient first.
    pub beats: Vec<BeatView>,
    /// Ids of the beats no sentence expresses.
    pub left_out: Vec<String>,
}

/// The options that reproduce the report.
#[derive(Debug, Serialize)]
pub struct OptionsView {
    /// Tone folder.
    pub tone: String,
    /// The side it was written for, if one.
    pub perspective: Option<String>,
    /// Seed.
    pub seed: u64,
    /// Sections re-rolled with `seed` (the rest use the default seed).
    pub rerolled: Vec<String>,
    /// Fingerprint of the phrasebank's files.
    pub phrasebank_version: String,
    /// The command-line options that write it again.
    pub command: String,
}

/// One section.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Stable id (`lead`, `talking_point`...).
    pub id: String,
    /// Heading as printed (empty for the lead).
    pub heading: String,
    /// Paragraphs of sentences.
    pub paragraphs: Vec<Vec<SentenceView>>,
}

/// One sentence and its provenance.
#[derive(Debug, Serialize)]
pub struct SentenceView {
    /// Stable within the report: `s1`, `s2`...
    pub id: String,
    /// The words.
    pub text: String,
    /// Message id in the phrasebank.
    pub message: String,
    /// Template variant: `tone:message#n`.
    pub template: String,
    /// The claims the variant declares, each checked to hold.
    pub claims: Vec<String>,
    /// The beats it expresses.
    pub beats: Vec<BeatRef>,
    /// The events and context entries that prove it.
    pub evidence: Vec<EvidenceView>,
    /// Each name and number it states, with its input path.
    pub facts: Vec<Fact>,
}

/// A beat as a sentence cites it.
#[derive(Debug, Serialize)]
pub struct BeatRef {
    /// Beat id.
    pub id: String,
    /// The rule that found it.
    pub rule: String,
    /// Its salience.
    pub salience: f32,
}

/// A piece of evidence.
#[derive(Debug, Serialize)]
pub struct EvidenceView {
    /// Event id, or a context entry (`record:...`, `context.history`).
    pub id: String,
    /// The event's minute as printed ("17'", "90+5'"); null for context.
    pub minute: Option<String>,
    /// The event's type; null for context.
    pub kind: Option<String>,
}

/// A beat in the report-wide list.
#[derive(Debug, Serialize)]
pub struct BeatView {
    /// Beat id.
    pub id: String,
    /// Rule name.
    pub rule: String,
    /// Salience.
    pub salience: f32,
    /// Whether some sentence expresses it.
    pub used: bool,
    /// Evidence ids.
    pub evidence: Vec<String>,
    /// The beat's slots.
    pub slots: serde_json::Value,
}

/// Builds the view of `report`, written from `m` (read from `source`).
pub fn view(report: &Report, m: &Match, source: &str) -> ReportView {
    let tracer = Tracer::new(m).with_minute_phrases(&report.minute_phrases);
    let used = report.used_beats();
    let mut n = 0;
    let sections = report
        .sections
        .iter()
        .map(|section| {
            // Players named so far in the section, most recent first: "He"
            // in Player of the match is the player its first line names.
            let mut named: Vec<String> = Vec::new();
            let paragraphs = section
                .paragraphs
                .iter()
                .map(|p| {
                    p.sentences
                        .iter()
                        .map(|s| {
                            n += 1;
                            let view = sentence(
                                format!("s{n}"),
                                s,
                                report,
                                m,
                                &tracer,
                                &section.id,
                                &named,
                            );
                            let mut now = tracer.players_named(&s.text);
                            now.reverse();
                            now.append(&mut named);
                            named = now;
                            view
                        })
                        .collect()
                })
                .collect();
            SectionView {
                id: section.id.clone(),
                heading: section.heading.clone(),
                paragraphs,
            }
        })
        .collect();
    let beats: Vec<BeatView> = report
        .beats
        .iter()
        .map(|b| BeatView {
            id: b.id.clone(),
            rule: b.rule.to_string(),
            salience: b.salience,
            used: used.contains(b.id.as_str()),
            evidence: b.evidence.clone(),
            slots: b.slots.clone(),
        })
        .collect();
    ReportView {
        format: FORMAT,
        title: report.title.clone(),
        source: source.to_string(),
        data_credit: report.credit.clone(),
        options: OptionsView {
            tone: report.tone.clone(),
            perspective: report.perspective.clone(),
            seed: report.seed,
            rerolled: report.rerolled.clone(),
            phrasebank_version: report.phrasebank_version.clone(),
            command: super::metadata(report),
        },
        sections,
        left_out: beats
            .iter()
            .filter(|b| !b.used)
            .map(|b| b.id.clone())
            .collect(),
        beats,
    }
}

fn sentence(
    id: String,
    s: &crate::report::Sentence,
    report: &Report,
    m: &Match,
    tracer: &Tracer,
    section: &str,
    named: &[String],
) -> SentenceView {
    let evidence: Vec<EvidenceView> = s
        .evidence
        .iter()
        .map(|e| match m.events.iter().find(|x| &x.id == e) {
            Some(event) => EvidenceView {
                id: e.clone(),
                minute: event.minute.map(|_| event.clock()),
                kind: Some(crate::model::enum_name(&event.kind)),
            },
            None => EvidenceView {
                id: e.clone(),
                minute: None,
                kind: None,
            },
        })
        .collect();
    let cx = Context {
        section,
        evidence: &s.evidence,
        beat_evidence: s
            .beats
            .iter()
            .filter_map(|b| report.beats.iter().find(|x| &x.id == b))
            .map(|b| b.evidence.as_slice())
            .collect(),
        section_players: named,
        text: &s.text,
    };
    SentenceView {
        id,
        text: s.text.clone(),
        message: s.message.clone(),
        template: s.variant.clone(),
        claims: s.claims.clone(),
        beats: s
            .beats
            .iter()
            .filter_map(|b| report.beats.iter().find(|x| &x.id == b))
            .map(|b| BeatRef {
                id: b.id.clone(),
                rule: b.rule.to_string(),
                salience: b.salience,
            })
            .collect(),
        evidence,
        facts: tracer.facts(&s.text, &cx),
    }
}

/// The report as JSON with provenance (see docs/json.md).
pub fn json(report: &Report, m: &Match, source: &str) -> String {
    serde_json::to_string_pretty(&view(report, m, source)).unwrap_or_default() + "\n"
}
