//! Turns messages (a message id plus slots) into sentences.
//!
//! For each message the realiser considers every variant the phrasebank
//! offers (a bounded set: one file's variants) and renders each candidate.
//! It keeps only candidates that reuse no template and open with three
//! words no earlier sentence opened with, then prefers the one that
//! repeats the fewest content words already in the report. Ties are broken
//! by a seeded ChaCha generator, so the same seed always gives the same
//! text. Each sentence keeps its provenance: message, variant, and the
//! events and beats behind it.

pub mod refer;

use crate::analysis::Analysis;
use crate::error::{Diagnostic, Error, ErrorKind, Result};
use crate::model::Side;
use crate::phrasebank::{Phrasebank, Variant};
use crate::report::Sentence;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use refer::Mentions;
use std::collections::{HashMap, HashSet};

/// What a report remembers from one section to the next, so the whole
/// report, not just a section, avoids repeating itself.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Variant ids used so far: none is used twice while others remain.
    pub used: HashSet<String>,
    /// Players, teams and managers named so far.
    pub mentions: Mentions,
    /// The first three words of every sentence so far, lower-cased.
    pub openings: HashSet<String>,
    /// Content words used so far, with how often.
    pub words: HashMap<String, usize>,
    /// Content phrases of three words (names, scores and minutes left
    /// out) the narrative has used: none may come twice.
    pub phrases: HashSet<String>,
    /// The kind and name-masked opening of the last narrative sentence:
    /// two sentences of one kind in a row never open alike.
    pub last: Option<(String, String)>,
    /// Ids of the beats the narrative has told so far: a later section
    /// argues them rather than tells them again.
    pub told: HashSet<String>,
}

impl Memory {
    /// What was added since `earlier` (templates, openings, words; names
    /// are left out: each section decides its own mentions).
    pub fn since(&self, earlier: &Memory) -> Memory {
        let mut words = HashMap::new();
        for (w, n) in &self.words {
            let before = earlier.words.get(w).copied().unwrap_or(0);
            if *n > before {
                words.insert(w.clone(), n - before);
            }
        }
        Memory {
            used: self.used.difference(&earlier.used).cloned().collect(),
            mentions: Mentions::default(),
            openings: self
                .openings
                .difference(&earlier.openings)
                .cloned()
                .collect(),
            words,
            phrases: self.phrases.difference(&earlier.phrases).cloned().collect(),
            last: None,
            // What was told is what came before a section: a section
            // written afresh does not take on what later ones told.
            told: HashSet::new(),
        }
    }

    /// Adds what another part of the report used, so a section written
    /// afresh does not clash with the sections around it.
    pub fn absorb(&mut self, other: &Memory) {
        self.used.extend(other.used.iter().cloned());
        self.openings.extend(other.openings.iter().cloned());
        self.phrases.extend(other.phrases.iter().cloned());
        for (w, n) in &other.words {
            *self.words.entry(w.clone()).or_default() += n;
        }
    }
}

/// Writes sentences for one section of a report.
pub struct Realiser<'a> {
    bank: &'a Phrasebank,
    analysis: &'a Analysis<'a>,
    tone: String,
    perspective: Option<Side>,
    rng: ChaCha8Rng,
    memory: Memory,
    /// Phrases of the match file's own text (a record's scope, a side's
    /// standing): repeated as the desk wrote them, like names.
    data: HashSet<String>,
    /// Claims the sentence being written must assert when its file has a
    /// variant that does (the planner's [`crate::plan::Planned::requires`]).
    required: Vec<&'static str>,
}

/// A rendered candidate before the choice is made.
struct Candidate<'v> {
    variant: &'v Variant,
    text: String,
    /// The mentions it makes that the report had not made: a candidate
    /// keeps these rather than a copy of every mention so far.
    mentions: Vec<String>,
    rng: ChaCha8Rng,
    repeats: usize,
    fresh_opening: bool,
    /// Content phrases the report has already used.
    phrase_repeats: usize,
    /// Opens like the previous sentence of the same kind.
    same_opening: bool,
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
            perspective: None,
            rng,
            memory,
            data: data_phrases(analysis.m),
            required: Vec::new(),
        }
    }

    /// Writes for one side's supporters: messages about that side use
    /// their `@for` variants, messages about the opponent `@against`.
    pub fn with_perspective(mut self, side: Option<Side>) -> Self {
        self.perspective = side;
        self
    }

    /// The realiser's state, to return to with [`Realiser::restore`].
    pub fn checkpoint(&self) -> (Memory, ChaCha8Rng) {
        (self.memory.clone(), self.rng.clone())
    }

    /// Goes back to a checkpoint, as if nothing since had been said.
    pub fn restore(&mut self, (memory, rng): (Memory, ChaCha8Rng)) {
        self.memory = memory;
        self.rng = rng;
    }

    /// What this section leaves for the next.
    pub fn finish(self) -> Memory {
        self.memory
    }

    /// The tone this realiser writes in.
    pub fn tone(&self) -> &str {
        &self.tone
    }

    /// The phrasebank it draws on.
    pub fn bank(&self) -> &Phrasebank {
        self.bank
    }

    /// Renders a message that expresses `beats`: their evidence and ids
    /// become the sentence's provenance.
    pub fn say_beats(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        beats: &[&crate::beats::Beat],
    ) -> Result<Sentence> {
        let sentence = self.say_beats_untold(message, slots, beats)?;
        self.remember_told(&sentence);
        Ok(sentence)
    }

    /// [`Realiser::say_beats`] without recording its beats as told.
    fn say_beats_untold(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        beats: &[&crate::beats::Beat],
    ) -> Result<Sentence> {
        let mut sentence = self.say_about(message, slots, evidence_of(beats), beats)?;
        sentence.beats = beats.iter().map(|b| b.id.clone()).collect();
        Ok(sentence)
    }

    /// Records the beats a narrative sentence told.
    fn remember_told(&mut self, sentence: &Sentence) {
        if is_narrative(&sentence.message) {
            self.memory.told.extend(sentence.beats.iter().cloned());
        }
    }

    /// Ids of the beats the report's narrative has told so far.
    pub fn told(&self) -> &HashSet<String> {
        &self.memory.told
    }

    /// Renders a planned sentence. Its conditional beats are cited only if
    /// the chosen template uses the slot that carries them.
    pub fn say_planned(&mut self, planned: crate::plan::Planned) -> Result<Sentence> {
        let all: Vec<&crate::beats::Beat> = planned
            .beats
            .iter()
            .copied()
            .chain(planned.conditional.iter().map(|(b, _)| *b))
            .collect();
        self.required = planned.requires.clone();
        let said = self.say_beats_untold(&planned.message, planned.slots, &all);
        self.required.clear();
        let mut sentence = said?;
        let source = self.bank.source(&sentence.variant).unwrap_or_default();
        let dropped: Vec<&crate::beats::Beat> = planned
            .conditional
            .iter()
            .filter(|(_, slot)| {
                !uses_slot(source, slot) && !crate::claims::declares_slot(&sentence.claims, slot)
            })
            .map(|(b, _)| *b)
            .collect();
        if !dropped.is_empty() {
            let kept: Vec<&crate::beats::Beat> = all
                .into_iter()
                .filter(|b| !dropped.iter().any(|d| std::ptr::eq(*d, *b)))
                .collect();
            sentence.beats = kept.iter().map(|b| b.id.clone()).collect();
            sentence.evidence = evidence_of(&kept);
        }
        self.remember_told(&sentence);
        Ok(sentence)
    }

    /// Renders `message` with `slots` into a sentence citing `evidence`.
    pub fn say(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        evidence: Vec<String>,
    ) -> Result<Sentence> {
        self.say_about(message, slots, evidence, &[])
    }

    /// Renders `message` about `beats` (whose side and players the
    /// variants' claims are judged on) citing `evidence`.
    fn say_about(
        &mut self,
        message: &str,
        slots: serde_json::Value,
        evidence: Vec<String>,
        beats: &[&crate::beats::Beat],
    ) -> Result<Sentence> {
        // Every slot given must be declared in the catalogue, which lint
        // checks templates against: a slot added here but not there would
        // let lint pass a template that fails, or flag one that works.
        #[cfg(debug_assertions)]
        if let Some(map) = slots.as_object() {
            for key in map.keys() {
                debug_assert!(
                    crate::catalogue::has_slot(message, key),
                    "the message \"{message}\" is given the slot \"{key}\", which src/catalogue.rs does not declare for it (declared: {:?})",
                    crate::catalogue::slots(message)
                );
            }
        }
        let about = self.about(&slots);
        let subject = crate::claims::Subject {
            analysis: self.analysis,
            side: about,
            beats,
            evidence: &evidence,
            perspective: self.perspective,
        };
        let variants = self.variants_for(message, &slots, |claim| {
            crate::claims::holds(claim, &subject)
        });
        if variants.is_empty() {
            return Err(Error::single(
                ErrorKind::Phrasebank,
                "<phrasebank>",
                Diagnostic::new(
                    message,
                    format!(
                        "no template for the message \"{message}\" whose claims hold for this match; expected a file {message}.hbs in the neutral tone with a variant that declares no claim"
                    ),
                ),
            ));
        }
        // One handlebars context for every candidate: the slots are
        // copied into it once, not once a render.
        let slots = handlebars::Context::from(self.with_tone_settings(slots));
        // Draw the tie-break before rendering, so every candidate renders
        // from the same generator state.
        let tie_break = self.rng.next_u64();
        let fresh: Vec<&Variant> = variants
            .iter()
            .copied()
            .filter(|v| !self.memory.used.contains(v.id_str()))
            .collect();
        let pool = if fresh.is_empty() {
            variants.clone()
        } else {
            fresh
        };
        let kind = Kind::of(message);
        // Names are drawn as candidates render ("England" or "the Three
        // Lions"): when no candidate opens afresh, draw them again, a few
        // times at most, before accepting a repeated opening.
        let mut candidates = Vec::new();
        // A redraw changes only the names resolved afterwards, so each
        // variant's template is rendered once, not once a redraw.
        let mut rendered: Vec<Option<String>> = vec![None; pool.len()];
        for redraw in 0..OPENING_REDRAWS {
            candidates.clear();
            for (&variant, raw) in pool.iter().zip(&mut rendered) {
                let raw = match raw {
                    Some(raw) => raw,
                    None => raw.insert(self.bank.render_in(variant, &slots)?),
                };
                candidates.push(self.render_candidate(variant, raw, redraw, &kind)?);
            }
            if candidates.iter().any(|c| c.fresh_opening) {
                break;
            }
        }
        // Every unused wording opens like the previous sentence of its
        // kind ("The United States ..." twice running): a used one that
        // opens otherwise is the lesser repetition.
        if pool.len() < variants.len() && candidates.iter().all(|c| c.same_opening) {
            for &variant in variants
                .iter()
                .filter(|v| self.memory.used.contains(v.id_str()))
            {
                let raw = self.bank.render_in(variant, &slots)?;
                candidates.push(self.render_candidate(variant, &raw, 0, &kind)?);
            }
        }
        let chosen = choose(candidates, tie_break);
        self.commit(&chosen, message);
        Ok(Sentence {
            variant: chosen.variant.id(),
            text: chosen.text,
            message: message.to_string(),
            claims: chosen.variant.claims.clone(),
            about,
            evidence,
            beats: Vec::new(),
        })
    }

    /// Variants for the message, from the side's point of view when the
    /// report is written for one side and the message is about a team.
    /// The tone comes first: a wire report for one side keeps wire's
    /// wording before it borrows neutral's partisan framing.
    /// Only variants whose declared claims all hold are offered; a file
    /// with none left gives way to the next in that order, so a partisan
    /// or toned file falls back to the plain neutral wording.
    fn variants_for(
        &self,
        message: &str,
        slots: &serde_json::Value,
        holds: impl Fn(&str) -> bool,
    ) -> Vec<&'a Variant> {
        let partisan = self
            .stance(slots)
            .map(|stance| format!("{message}@{stance}"));
        let base = crate::phrasebank::BASE_TONE;
        let mut order: Vec<(&str, &str)> = Vec::new();
        if let Some(p) = &partisan {
            order.push((&self.tone, p));
        }
        order.push((&self.tone, message));
        if let Some(p) = &partisan {
            order.push((base, p));
        }
        order.push((base, message));
        order
            .into_iter()
            .map(|(tone, m)| {
                let bank: &'a Phrasebank = self.bank;
                let offered = offered(bank.variants_exact(tone, m), &holds).collect();
                most_specific(asserting(offered, &self.required))
            })
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }

    /// `for` when the message is about the perspective side, `against`
    /// when about the other; judged by the team slot the message centres
    /// on (`team`, else `winner`, else `hero_team`).
    fn stance(&self, slots: &serde_json::Value) -> Option<&'static str> {
        let ours = self.perspective?;
        let team = ["team", "winner", "hero_team"]
            .iter()
            .find_map(|k| slots.get(*k).and_then(|v| v.as_str()))?;
        let side = self.analysis.side_of_team(team);
        if self.analysis.team(side).id != team {
            return None;
        }
        Some(if side == ours { "for" } else { "against" })
    }

    /// The side a message is about: the team its `team` slot names.
    fn about(&self, slots: &serde_json::Value) -> Option<Side> {
        let team = slots.get("team")?.as_str()?;
        let side = self.analysis.side_of_team(team);
        (self.analysis.team(side).id == team).then_some(side)
    }

    fn with_tone_settings(&self, mut slots: serde_json::Value) -> serde_json::Value {
        if let Some(map) = slots.as_object_mut() {
            map.insert(
                crate::phrasebank::helpers::TONE_SLOT.into(),
                serde_json::Value::String(self.tone.clone()),
            );
        }
        slots
    }

    fn render_candidate<'v>(
        &self,
        variant: &'v Variant,
        raw: &str,
        redraw: u64,
        kind: &Kind,
    ) -> Result<Candidate<'v>> {
        let raw = self.settle_alternatives(raw);
        let mut mentions = self.memory.mentions.draft();
        let mut rng = self.rng.clone();
        let text = tidy(&refer::resolve(
            &raw,
            self.analysis,
            self.bank.lexicon(),
            self.bank.style(),
            &mut mentions,
            &mut rng,
            redraw as usize,
        )?);
        let repeats = repeated_words(&text, &self.memory.words);
        let fresh_opening = !self
            .memory
            .openings
            .contains(&opening(body_of(&kind.kind, &text)));
        let mut phrase_repeats = 0;
        if kind.narrative {
            each_phrase(&text, |p| {
                if self.memory.phrases.contains(p) && !self.data.contains(p) {
                    phrase_repeats += 1;
                }
            });
        }
        let same_opening = kind.varied
            && self.memory.last.as_ref().is_some_and(|(last, open)| {
                *last == kind.kind && *open == line_opening(&kind.kind, &text)
            });
        Ok(Candidate {
            variant,
            text,
            mentions: mentions.added(),
            rng,
            repeats,
            fresh_opening,
            phrase_repeats,
            same_opening,
        })
    }

    /// Settles each `{{alt}}` set: the first wording whose content phrases
    /// the report has not used, else the one that repeats fewest.
    fn settle_alternatives<'r>(&self, raw: &'r str) -> std::borrow::Cow<'r, str> {
        use crate::phrasebank::helpers::{ALT_CLOSE, ALT_OPEN, ALT_SEP};
        // Most candidates hold no set: no copy.
        if !raw.contains(ALT_OPEN) {
            return raw.into();
        }
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(open) = rest.find(ALT_OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + ALT_OPEN.len_utf8()..];
            let close = after.find(ALT_CLOSE).unwrap_or(after.len());
            let options: Vec<&str> = after[..close].split(ALT_SEP).collect();
            // The wording repeating the fewest phrases the report has
            // used, the first of equals, judged with the two words either
            // side of it ("made" or "pulled off" before "two saves").
            let before = context_words(&out, true);
            let following = context_words(
                &after[(close + ALT_CLOSE.len_utf8()).min(after.len())..],
                false,
            );
            let used = |o: &&&str| {
                // A wording may open the sentence ("More misery for"): its
                // capital is no name's.
                let mut chars = o.chars();
                let lowered: String = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                let o = if before.trim().is_empty() {
                    lowered.as_str()
                } else {
                    **o
                };
                let mut count = 0;
                each_phrase(&format!("x {before}{o}{following}"), |p| {
                    count += usize::from(self.memory.phrases.contains(p))
                });
                count
            };
            let best = options.iter().min_by_key(used);
            out.push_str(best.copied().unwrap_or_default());
            rest = after
                .get(close + ALT_CLOSE.len_utf8()..)
                .unwrap_or_default();
        }
        out.push_str(rest);
        out.into()
    }

    fn commit(&mut self, chosen: &Candidate, message: &str) {
        if is_narrative(message) {
            self.memory.phrases.extend(phrases(&chosen.text));
        }
        if is_narrative(message) || is_highlight(message) {
            let kind = message_kind(message);
            let open = line_opening(&kind, &chosen.text);
            self.memory.last = Some((kind, open));
        }
        self.memory.used.insert(chosen.variant.id());
        self.memory.mentions.extend(chosen.mentions.iter().cloned());
        let body = body_of(&message_kind(message), &chosen.text);
        self.memory.openings.insert(opening(body));
        for w in content_words(&chosen.text) {
            *self.memory.words.entry(w).or_default() += 1;
        }
        self.rng = chosen.rng.clone();
    }
}

/// Up to two words of rendered text next to an `{{alt}}` set, with the
/// spaces and punctuation between them and the set: the last two of
/// `text` (`last`), else its first two. An unresolved reference to a
/// player or team, or another set, reads as "Name", which no phrase holds;
/// a pronoun or "man" reads as its men's form.
fn context_words(text: &str, last: bool) -> String {
    use crate::phrasebank::helpers::{ALT_CLOSE, ALT_OPEN, MARK_CLOSE, MARK_OPEN};
    let mut plain = String::with_capacity(text.len());
    let mut inside: Option<char> = None;
    // What a reference stands for: a pronoun or "man" is a word of the
    // phrase (in its men's form), anything else a name.
    let mut stands_for = "Name";
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (None, MARK_OPEN) => {
                inside = Some(MARK_CLOSE);
                stands_for = match chars.peek() {
                    Some('e') => "he",
                    Some('i') => "his",
                    Some('o') => "him",
                    Some('x') => "himself",
                    Some('M') => "men",
                    Some('a') => "man",
                    _ => "Name",
                };
            }
            (None, ALT_OPEN) => {
                inside = Some(ALT_CLOSE);
                stands_for = "Name";
            }
            (None, c) => plain.push(c),
            (Some(close), c) if c == close => {
                plain.push_str(stands_for);
                inside = None;
            }
            (Some(_), _) => {}
        }
    }
    // Byte offsets where words start.
    let starts: Vec<usize> = plain
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && plain[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect();
    if last {
        let from = starts.len().saturating_sub(2);
        starts
            .get(from)
            .map_or(plain.clone(), |&i| plain[i..].to_string())
    } else {
        // Up to the end of the second word.
        let end = starts
            .get(2)
            .map_or(plain.len(), |&i| plain[..i].trim_end().len());
        plain[..end].to_string()
    }
}

/// The variants that may be offered: those whose declared claims all
/// hold (a variant declaring none is always offered). This is the claims
/// filter, a step of its own before any choice among wordings.
pub fn offer(variants: &[Variant], holds: impl Fn(&str) -> bool) -> Vec<Variant> {
    offered(variants, holds).cloned().collect()
}

/// [`offer`] without copying the variants.
fn offered(variants: &[Variant], holds: impl Fn(&str) -> bool) -> impl Iterator<Item = &Variant> {
    variants
        .iter()
        .filter(move |v| v.claims.iter().all(|c| holds(c)))
}

/// Of the variants offered, those that declare every claim the planner
/// requires of the sentence ("after extra time" for a match that went to
/// extra time), when some do; else all of them, so a file written before
/// the claim existed still speaks.
pub fn asserting<'v>(offered: Vec<&'v Variant>, required: &[&str]) -> Vec<&'v Variant> {
    if required.is_empty() {
        return offered;
    }
    let declare_all = |v: &&Variant| required.iter().all(|r| v.claims.iter().any(|c| c == r));
    if offered.iter().any(declare_all) {
        offered.into_iter().filter(declare_all).collect()
    } else {
        offered
    }
}

/// Of the variants offered, those that claim the most: when a final was
/// lost, "beaten in the final" (two claims) tells more of the story than
/// "a setback" (one), so the most specific true story is told. Variety
/// comes from the variants that claim as much. Claims that only rule a
/// variant out (`has_winner`, `not_final`) count for nothing here.
fn most_specific(offered: Vec<&Variant>) -> Vec<&Variant> {
    let weight = |v: &Variant| crate::claims::specificity(&v.claims);
    let most = offered.iter().map(|v| weight(v)).max().unwrap_or(0);
    offered.into_iter().filter(|v| weight(v) == most).collect()
}

/// What the choice among a message's candidates needs to know of the
/// message, worked out once rather than once a candidate.
struct Kind {
    /// [`is_narrative`].
    narrative: bool,
    /// Whether two of its sentences in a row may not open alike:
    /// narrative sentences, and highlight lines after their heading.
    varied: bool,
    /// [`message_kind`].
    kind: String,
}

impl Kind {
    fn of(message: &str) -> Self {
        Kind {
            narrative: is_narrative(message),
            varied: is_narrative(message) || is_highlight(message),
            kind: message_kind(message),
        }
    }
}

/// How many forms of the team names (name, then each nickname in turn) the
/// realiser tries to find an opening no earlier sentence used.
const OPENING_REDRAWS: u64 = 4;

/// How many more repeated content words than the best candidate a
/// candidate may have and still be chosen. Measured on the England-France
/// report over 50 seeds: 0 gives 20.1 repeated words per report and lead
/// variety (distinct/all bigrams) 0.051; 1 gives 23.1 and 0.060; no
/// preference at all 29.4 and 0.063. 1 keeps most of the variety for a
/// third of the repetition.
pub const REPEAT_TOLERANCE: usize = 1;

/// The evidence of some beats, each id once, in order.
fn evidence_of(beats: &[&crate::beats::Beat]) -> Vec<String> {
    let mut evidence: Vec<String> = Vec::new();
    for e in beats.iter().flat_map(|b| &b.evidence) {
        if !evidence.contains(e) {
            evidence.push(e.clone());
        }
    }
    evidence
}

/// Whether a template's `{{...}}` expressions use `slot` (as a whole
/// path segment: `miss` in `{{#if miss}}` or `miss.cost`, not `missed`).
pub fn uses_slot(source: &str, slot: &str) -> bool {
    source
        .split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}").map(|(expr, _)| expr))
        .any(|expr| {
            expr.match_indices(slot).any(|(at, _)| {
                let before = expr[..at].chars().next_back();
                let after = expr[at + slot.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !ident(before) && !ident(after) && before != Some('"')
            })
        })
}

/// The candidate to keep, by these rules in turn, each applied only when
/// some candidate meets it: it does not open like the previous sentence of
/// its kind; it repeats the fewest content phrases the report has used; it
/// opens with three words no sentence opened with; it is within
/// [`REPEAT_TOLERANCE`] of the fewest repeated content words. The seeded
/// tie-break picks among the rest.
fn choose(candidates: Vec<Candidate>, tie_break: u64) -> Candidate {
    let any_varied = candidates.iter().any(|c| !c.same_opening);
    let candidates: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| !c.same_opening || !any_varied)
        .collect();
    let least_echo = candidates
        .iter()
        .map(|c| c.phrase_repeats)
        .min()
        .unwrap_or(0);
    let candidates: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.phrase_repeats == least_echo)
        .collect();
    let any_fresh = candidates.iter().any(|c| c.fresh_opening);
    let eligible: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.fresh_opening || !any_fresh)
        .collect();
    let fewest = eligible.iter().map(|c| c.repeats).min().unwrap_or(0);
    let mut best: Vec<Candidate> = eligible
        .into_iter()
        .filter(|c| c.repeats <= fewest + REPEAT_TOLERANCE)
        .collect();
    let pick = (tie_break % best.len() as u64) as usize;
    best.swap_remove(pick)
}

/// Messages whose sentences are prose a reader reads in a run (the lead,
/// Talking Point, Player of the match); highlights, ratings, headings and
/// key stats are lists whose lines share a shape on purpose.
pub fn is_narrative(message: &str) -> bool {
    ["lead/", "talking/", "player_of_match/"]
        .iter()
        .any(|p| message.starts_with(p))
}

/// Messages of the minute-by-minute highlights: lines that share their
/// heading ("20' – GOAL! – United States 2-0 Thailand.") on purpose, but
/// whose words after it must not open alike twice running.
pub fn is_highlight(message: &str) -> bool {
    message.starts_with("highlight/")
}

/// The words after a highlight line's heading: past the clock and the
/// label ("72' – YELLOW CARD – ", "90' – FRANCE HIT THE WOODWORK! "), and past the score sentence a goal's
/// heading ends with ("United States 2-0 Thailand. ").
pub fn highlight_body(text: &str) -> &str {
    let Some((_, labelled)) = text.split_once(" – ") else {
        return text;
    };
    // The label ends at a second dash ("GOAL! – "), or is a shout in
    // capitals ("FRANCE HIT THE WOODWORK! ").
    let rest = match labelled.split_once(" – ") {
        Some((_, rest)) => rest,
        None => match labelled.split_once("! ") {
            Some((label, rest)) if !label.chars().any(char::is_lowercase) => rest,
            _ => labelled,
        },
    };
    match rest.split_once(". ") {
        Some((score, body)) if is_score_line(score) => body,
        _ => rest,
    }
}

/// "United States 2-0 Thailand": a sentence holding a score, digits on
/// both sides of a hyphen.
fn is_score_line(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        w.split_once('-').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        })
    })
}

/// What a sentence of this kind opens with: a highlight line's
/// [`highlight_body`] (its heading opens every line alike on purpose),
/// else the whole sentence.
fn body_of<'t>(kind: &str, text: &'t str) -> &'t str {
    if is_highlight(kind) {
        highlight_body(text)
    } else {
        text
    }
}

/// The opening two sentences of one kind in a row must not share: the
/// [`masked_opening`] of a narrative sentence, or of a highlight line's
/// [`highlight_body`].
pub fn line_opening(kind: &str, text: &str) -> String {
    masked_opening(body_of(kind, text))
}

/// The kind of a message for the opening rule: its first two path parts
/// ("lead/goal" for every goal sentence of the lead).
pub fn message_kind(message: &str) -> String {
    message.split('/').take(2).collect::<Vec<_>>().join("/")
}

/// A word that is part of a name, score or minute: capitalised inside a
/// sentence, or holding a digit.
fn is_name_or_figure(word: &str, first: bool) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || (!first && word.chars().next().is_some_and(char::is_uppercase))
}

/// The first three words with names and figures masked, lower-cased, a
/// run of masked words counting as one: "Mewis added another" and "Morgan
/// added another" open alike, and so do "North Carolina Courage fought
/// back" and "Chicago fought back", but "Manchester City are top" and
/// "Manchester City are now" do not, as "England are top" and "England are
/// now" do not: how many words a name has does not decide it.
pub fn masked_opening(text: &str) -> String {
    let mut out: Vec<String> = Vec::with_capacity(3);
    for (i, w) in text.split_whitespace().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let masked = is_name_or_figure(w, i == 0)
            || (i == 0
                && w.chars().next().is_some_and(char::is_uppercase)
                && !FUNCTION_OPENERS.contains(&w.to_lowercase().as_str()));
        if masked {
            if out.last().is_some_and(|last| last == "#") {
                continue;
            }
            out.push("#".to_string());
        } else {
            out.push(w.to_lowercase());
        }
        if out.len() == 3 {
            break;
        }
    }
    out.join(" ")
}

/// Ordinary words that open sentences, so a capital there is not a name.
const FUNCTION_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "in",
    "on",
    "with",
    "after",
    "from",
    "for",
    "at",
    "but",
    "and",
    "then",
    "there",
    "this",
    "that",
    "they",
    "he",
    "she",
    "his",
    "her",
    "what",
    "so",
    "even",
    "between",
    "having",
    "before",
    "when",
    "as",
    "by",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "no",
    "history",
    "more",
    "another",
    "hope",
    "agony",
    "heartbreak",
    "advantage",
    "level",
    "decisions",
    "refereeing",
    "all",
    "up",
    "next",
    "waiting",
    "cometh",
    "take",
    "inches",
    "injustice",
    "calamity",
    "deflation",
    "pegged",
    "torture",
    "shock",
    "champions",
    "glory",
    "drama",
    "despair",
    "joy",
    "relief",
];

/// The phrases of the match file's own text, which the report repeats as
/// written: records' scopes and notes, standings, nicknames, titles,
/// milestones and derbies.
pub fn data_phrases(m: &crate::model::Match) -> HashSet<String> {
    let mut texts: Vec<&str> = Vec::new();
    for r in &m.context.records {
        texts.push(&r.scope);
        texts.extend(r.note.as_deref());
    }
    for t in [&m.teams.home, &m.teams.away] {
        texts.extend(t.standing.iter().map(String::as_str));
        texts.extend(t.nicknames.iter().map(String::as_str));
    }
    texts.extend(m.context.title_defence.as_ref().map(|t| t.title.as_str()));
    // A milestone is the desk's phrase; the lead and the Talking Point may
    // both state it.
    for milestone in &m.context.milestones {
        texts.extend(milestone.since.as_deref());
    }
    texts.extend(m.context.derby.as_deref());
    texts.push(&m.fixture.competition);
    // Inside a sentence the text follows other words, so its first word
    // is no sentence start: read it as such. A milestone's `what` is
    // written to follow "the first", and is read with it.
    let milestones = m
        .context
        .milestones
        .iter()
        .map(|milestone| format!("x the first {}", milestone.what));
    texts
        .iter()
        .map(|t| format!("x {t}"))
        .chain(milestones)
        .flat_map(|t| phrases(&t))
        .collect()
}

/// Words that tell the time of an event ("in added time", "with seven
/// minutes to go"): like minutes, they repeat by necessity. `joined` is
/// the three words with a space between each.
fn is_time_phrase(words: [&str; 3], joined: &str) -> bool {
    words.iter().any(|w| w.starts_with("minute"))
        || ["added time", "stoppage time", "extra time"]
            .iter()
            .any(|t| joined.contains(t))
}

/// The content phrases of a sentence: every run of three words that holds
/// no name, score or minute and at least one content word.
pub fn phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_phrase(text, |p| out.push(p.to_string()));
    out
}

/// Calls `visit` with each of [`phrases`] in turn, from one buffer: the
/// realiser checks the phrases of every candidate it renders and keeps
/// none of them.
fn each_phrase(text: &str, mut visit: impl FnMut(&str)) {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<Option<std::borrow::Cow<str>>> = raw
        .iter()
        .enumerate()
        .map(|(i, raw_word)| {
            let w = raw_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
            // A capital opening the sentence is a name unless the word is
            // one sentences ordinarily open with.
            let name_first = i == 0
                && w.chars().next().is_some_and(char::is_uppercase)
                && !FUNCTION_OPENERS.contains(&w.to_lowercase().as_str());
            // "the" before a name is the name's own ("the United States",
            // "the Netherlands"): "scored for the" is no phrase.
            let article = w == "the"
                && raw
                    .get(i + 1)
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_uppercase);
            (!w.is_empty() && !name_first && !article && !is_name_or_figure(w, i == 0))
                .then(|| lower(w))
        })
        .collect();
    // Each word is judged once, not once for each of the three windows
    // it falls in.
    let content: Vec<bool> = words
        .iter()
        .map(|w| w.as_deref().is_some_and(is_content_word))
        .collect();
    let mut phrase = String::new();
    for (i, win) in words.windows(3).enumerate() {
        let [Some(a), Some(b), Some(c)] = win else {
            continue;
        };
        let three = [a.as_ref(), b.as_ref(), c.as_ref()];
        if !content[i..i + 3].contains(&true) {
            continue;
        }
        phrase.clear();
        phrase.push_str(three[0]);
        phrase.push(' ');
        phrase.push_str(three[1]);
        phrase.push(' ');
        phrase.push_str(three[2]);
        if !is_time_phrase(three, &phrase) {
            visit(&phrase);
        }
    }
}

/// A word lower-cased, copied only when it has a capital to lower.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        w.into()
    } else {
        w.to_lowercase().into()
    }
}

/// Whether a lower-case word holds a content word: what
/// `!content_words(word).is_empty()` says, without the list.
fn is_content_word(word: &str) -> bool {
    content_word_candidates(word).any(|w| !FUNCTION_WORDS.contains(&w))
}

/// The first three words of a sentence, lower-cased: two sentences that
/// open the same way read as a template showing.
pub fn opening(text: &str) -> String {
    // Into one string: this runs for every rendered candidate.
    let mut out = String::with_capacity(32);
    let words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(3);
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&lower(w));
    }
    out
}

/// Words that carry meaning: lower-case, four letters or more, not a
/// name (names repeat by necessity) and not a function word.
pub fn content_words(text: &str) -> Vec<String> {
    content_word_candidates(text)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

const FUNCTION_WORDS: &[&str] = &[
    "that", "with", "from", "their", "they", "them", "this", "were", "have", "had", "after",
    "when", "into", "than", "then", "been", "would", "could", "while", "only", "over", "what",
    "which", "there", "will", "also", "still", "both",
];

/// The words [`content_words`] keeps, before lower-casing and the
/// function-word filter.
fn content_word_candidates(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| w.len() >= 4 && w.chars().next().is_some_and(|c| c.is_lowercase()))
}

/// How many of the text's [`content_words`] are already in `words`,
/// without building the list: this runs for every rendered candidate, and
/// nearly every word is lower-case already, so needs no copy.
fn repeated_words(text: &str, words: &HashMap<String, usize>) -> usize {
    content_word_candidates(text)
        .filter(|w| {
            let lower: std::borrow::Cow<str> = if w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
            {
                (*w).into()
            } else {
                w.to_lowercase().into()
            };
            !FUNCTION_WORDS.contains(&lower.as_ref()) && words.contains_key(lower.as_ref())
        })
        .count()
}

/// Collapses runs of white space, removes spaces before punctuation and
/// capitalises the first letter: templates are free to span lines and use
/// conditionals without leaving gaps. One pass, one allocation: it runs on
/// every rendered candidate.
pub fn tidy(text: &str) -> String {
    let mut out = Capitalised {
        text: String::with_capacity(text.len()),
        at_start: true,
        previous: ' ',
    };
    for (i, word) in text.split_whitespace().enumerate() {
        // The space between words goes when the next word opens with
        // punctuation that hugs what comes before it.
        if i > 0 && !word.starts_with(['.', ',', ';', ':', '!', '?', ')']) {
            out.push(' ');
        }
        word.chars().for_each(|c| out.push(c));
    }
    out.text
}

/// Text that upper-cases the first letter of the text and of every
/// sentence inside it (after ". ", "! " or "? ") as it is written, so a
/// template may start a clause with "the Three Lions" wherever it falls.
struct Capitalised {
    text: String,
    at_start: bool,
    previous: char,
}

impl Capitalised {
    fn push(&mut self, c: char) {
        if self.at_start && c.is_alphabetic() {
            self.text.extend(c.to_uppercase());
            self.at_start = false;
        } else {
            self.text.push(c);
            if !c.is_whitespace() {
                self.at_start = false;
            }
        }
        if c == ' ' && matches!(self.previous, '.' | '!' | '?') {
            self.at_start = true;
        }
        self.previous = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(number: usize, claims: &[&str]) -> crate::phrasebank::Variant {
        crate::phrasebank::Variant::new(
            "lead/opening/shootout",
            "neutral",
            number,
            ("", 1),
            claims.iter().map(|c| c.to_string()).collect(),
        )
    }

    #[test]
    fn a_required_claim_keeps_only_the_variants_that_assert_it() {
        let offered = [
            variant(1, &["extra_time_played"]),
            variant(2, &["not_final"]),
            variant(3, &[]),
        ];
        let offered: Vec<&Variant> = offered.iter().collect();
        let kept = asserting(offered.clone(), &["extra_time_played"]);
        assert_eq!(kept.iter().map(|v| v.number).collect::<Vec<_>>(), vec![1]);
        // None declares it: every variant is still offered.
        let kept = asserting(offered.clone(), &["own_goal"]);
        assert_eq!(kept.len(), 3);
        assert_eq!(asserting(offered, &[]).len(), 3);
    }

    #[test]
    fn tidy_fixes_gaps_left_by_conditionals() {
        assert_eq!(
            tidy("  the Three Lions   scored ,\n again . "),
            "The Three Lions scored, again."
        );
    }

    #[test]
    fn every_sentence_starts_with_a_capital() {
        assert_eq!(
            tidy("level! the Three Lions are back. the end"),
            "Level! The Three Lions are back. The end"
        );
        assert_eq!(
            tidy("17' – GOAL! – England 0-1 France."),
            "17' – GOAL! – England 0-1 France."
        );
        assert_eq!(tidy("T. Hernandez"), "T. Hernandez");
        assert_eq!(tidy(" , a ,  , b ( c ) !"), ", a,, b ( c)!");
        assert_eq!(tidy("wait. . done? émile"), "Wait.. Done? Émile");
    }

    /// The three-pass tidy that the one-pass [`tidy`] replaced.
    fn tidy_reference(text: &str) -> String {
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = String::new();
        for c in collapsed.chars() {
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
                out.pop();
            }
            out.push(c);
        }
        let mut capitalised = String::new();
        let (mut at_start, mut previous) = (true, ' ');
        for c in out.chars() {
            if at_start && c.is_alphabetic() {
                capitalised.extend(c.to_uppercase());
                at_start = false;
            } else {
                capitalised.push(c);
                if !c.is_whitespace() {
                    at_start = false;
                }
            }
            if c == ' ' && matches!(previous, '.' | '!' | '?') {
                at_start = true;
            }
            previous = c;
        }
        capitalised
    }

    #[test]
    fn one_pass_tidy_agrees_with_the_three_pass_one() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "a",
            " .x",
            "a ,b",
            "a , , b",
            "x.\u{a0}y",
            "ß straße. ǆemal",
            "1. a ) b",
            "?! a\t\n. b",
            "''quoted'' . next",
            "é . è ! ê ? ë",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every template of the phrasebank, as raw text, exercises the
        // spacing and punctuation templates really have.
        texts.extend(
            crate::phrasebank::builtin_files()
                .into_iter()
                .map(|(_, t)| t),
        );
        for t in &texts {
            assert_eq!(tidy(t), tidy_reference(t), "{t:?}");
        }
    }

    #[test]
    fn phrases_leave_out_names_and_figures() {
        assert_eq!(
            phrases("Morgan added another for the United States on 74 minutes."),
            // "the" before a name is the name's: "another for the" is no
            // phrase of the template's.
            vec!["added another for"]
        );
        assert!(phrases("Kane scored on 54 minutes").is_empty());
        assert_eq!(
            phrases("x the lead for"),
            vec!["x the lead", "the lead for"]
        );
    }

    #[test]
    fn an_alt_set_is_judged_with_the_words_around_it() {
        use crate::phrasebank::helpers::{MARK_CLOSE, MARK_OPEN, MARK_SEP, RefKind, marker};
        let name = marker(RefKind::Name, "usa-mewis", false);
        assert_eq!(
            context_words(&format!("On 54 minutes {name} "), true),
            "minutes Name "
        );
        assert_eq!(context_words(" two saves for them.", false), " two saves");
        let man = format!("{MARK_OPEN}a{MARK_SEP}usa{MARK_SEP}{MARK_CLOSE}");
        assert_eq!(
            context_words(&format!(" {man} short, and"), false),
            " man short,"
        );
        assert_eq!(context_words("", true), "");
    }

    #[test]
    fn openings_mask_names() {
        assert_eq!(
            masked_opening("Mewis added another for them."),
            masked_opening("Morgan added another for them.")
        );
        // A name is one word of the opening, however many it has.
        assert_eq!(
            masked_opening("North Carolina Courage fought back."),
            "# fought back"
        );
        assert_ne!(
            masked_opening("Manchester City are top of the table."),
            masked_opening("Manchester City are now unbeaten in six matches.")
        );
        assert_ne!(
            masked_opening("The lead grew."),
            masked_opening("Morgan added another.")
        );
    }

    #[test]
    fn openings_compare_three_words_without_case() {
        assert_eq!(
            opening("England were level on 54 minutes."),
            "england were level"
        );
        // As the words were lower-cased and joined before it was written
        // into one string.
        let joined = |text: &str| {
            text.split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for text in [
            "",
            " - ",
            "ΟΔΟΣ ΣΑΣ x",
            "«Kane» – scored, twice",
            "İstanbul ÉTÉ a b",
            "a",
        ] {
            assert_eq!(opening(text), joined(text), "{text}");
        }
    }

    #[test]
    fn content_words_skip_names_and_function_words() {
        assert_eq!(
            content_words("Kane scored from the spot after Saka was fouled"),
            vec!["scored", "spot", "fouled"]
        );
    }
}
