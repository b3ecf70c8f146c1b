//! Turns messages (a message id plus slots) into sentences.
//!
//! For each message the realiser picks a variant with a seeded ChaCha
//! generator (the same seed always picks the same variants), renders it,
//! resolves references in reading order, and tidies spacing and
//! capitals. Each sentence keeps its provenance: message, variant, and the
//! ids of the events behind it.

pub mod refer;

use crate::analysis::Analysis;
use crate::error::Result;
use crate::phrasebank::Phrasebank;
use crate::report::Sentence;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use refer::Mentions;
use std::collections::HashSet;

/// What a report remembers from one section to the next: the templates
/// already used (none is used twice) and who has been named.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Variant ids used so far.
    pub used: HashSet<String>,
    /// Players, teams and managers named so far.
    pub mentions: Mentions,
}

/// Writes sentences for one section of a report.
pub struct Realiser<'a> {
    bank: &'a Phrasebank,
    analysis: &'a Analysis<'a>,
    tone: String,
    rng: ChaCha8Rng,
    used: HashSet<String>,
    mentions: Mentions,
}

impl<'a> Realiser<'a> {
    /// A realiser for one section, seeded from the report seed, carrying
    /// on from what earlier sections said.
    pub fn new(
        bank: &'a Phrasebank,
        analysis: &'a Analysis<'a>,
        tone: &str,
        rng: ChaCha8Rng,
        memory: Memory,
    ) -> Self {
        Realiser {
            bank,
            analysis,
            tone: tone.to_string(),
            rng,
            used: memory.used,
            mentions: memory.mentions,
        }
    }

    /// What this section leaves for the next.
    pub fn finish(self) -> Memory {
        Memory {
            used: self.used,
            mentions: self.mentions,
        }
    }

    /// Renders a message that expresses `beats`: their evidence and ids
    /// become the sentence's provenance.
    pub fn say_beats(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        beats: &[&crate::beats::Beat],
    ) -> Result<Sentence> {
        let mut evidence: Vec<String> = Vec::new();
        for b in beats {
            for e in &b.evidence {
                if !evidence.contains(e) {
                    evidence.push(e.clone());
                }
            }
        }
        let mut sentence = self.say(message, slots, evidence)?;
        sentence.beats = beats.iter().map(|b| b.id.clone()).collect();
        Ok(sentence)
    }

    /// Renders `message` with `slots` into a sentence citing `evidence`.
    ///
    /// Variants not yet used in this report are preferred; a message only
    /// repeats a variant once all of its variants have been used.
    pub fn say(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        evidence: Vec<String>,
    ) -> Result<Sentence> {
        let variants = self.bank.variants(&self.tone, message);
        if variants.is_empty() {
            return Err(crate::error::Error::single(
                crate::error::ErrorKind::Phrasebank,
                "<phrasebank>",
                crate::error::Diagnostic::new(
                    message,
                    format!(
                        "no template for the message \"{message}\"; expected a file {}.hbs in the neutral tone",
                        message
                    ),
                ),
            ));
        }
        let fresh: Vec<_> = variants
            .iter()
            .filter(|v| !self.used.contains(&v.id()))
            .collect();
        let pool: Vec<_> = if fresh.is_empty() {
            variants.iter().collect()
        } else {
            fresh
        };
        let variant = pool[self.rng.random_range(0..pool.len())].clone();
        self.used.insert(variant.id());
        let mut slots = slots;
        if let Some(map) = slots.as_object_mut() {
            let digits = self.bank.tone_setting(&self.tone, "digits");
            map.insert(
                crate::phrasebank::helpers::DIGITS_SLOT.into(),
                serde_json::Value::Bool(digits),
            );
        }
        let raw = self.bank.render(&variant, &slots)?;
        let resolved = refer::resolve(
            &raw,
            self.analysis,
            self.bank.lexicon(),
            &mut self.mentions,
            &mut self.rng,
        )?;
        Ok(Sentence {
            text: tidy(&resolved),
            message: message.to_string(),
            variant: variant.id(),
            evidence,
            beats: Vec::new(),
        })
    }
}

/// Collapses runs of white space, removes spaces before punctuation and
/// capitalises the first letter: templates are free to span lines and use
/// conditionals without leaving gaps.
pub fn tidy(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    capitalise(&out)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_fixes_gaps_left_by_conditionals() {
        assert_eq!(
            tidy("  the Three Lions   scored ,\n again . "),
            "The Three Lions scored, again."
        );
    }
}
