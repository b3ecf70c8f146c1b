//! `{{at_minute minute}}` and `{{after_minutes minute}}`: when something
//! happened, in the language's words.
//!
//! The words live in `lexicon.json` under a group named after the helper:
//! a key for a minute with a wording of its own ("1": "in the first
//! minute") and `"other"` for the rest, where `{n}` stands for the minute
//! in figures ("on {n} minutes"). Another language's phrasebank words them
//! its own way without touching a template's logic. The draft checker and
//! the fact tracer read the same entries, so a minute worded without a
//! figure is still a minute to them.

use handlebars::{Handlebars, HelperDef};
use serde_json::Value;
use std::sync::Arc;

/// The minute helpers; each reads the lexicon group of its own name.
pub const MINUTE_HELPERS: &[&str] = &["at_minute", "after_minutes"];

/// The lexicon key for the wording of every minute without its own.
pub const OTHER: &str = "other";

/// The wording `group` gives `minute`: its own entry, else `"other"` with
/// the minute in figures for `{n}`; `None` when the lexicon has neither.
pub fn minute_words(lexicon: &Value, group: &str, minute: u64) -> Option<String> {
    let words = lexicon.get(group)?;
    match words.get(minute.to_string()).and_then(Value::as_str) {
        Some(own) => Some(own.to_string()),
        None => words
            .get(OTHER)?
            .as_str()
            .map(|w| w.replace("{n}", &minute.to_string())),
    }
}

/// The wordings the minute groups give one particular minute, lower case,
/// with that minute: ("in the first minute", 1). A reader of prose needs
/// them, since they state a minute with no figure in them.
pub fn fixed_minute_phrases(lexicon: &Value) -> Vec<(String, u16)> {
    let mut out = Vec::new();
    for group in MINUTE_HELPERS {
        let Some(words) = lexicon.get(*group).and_then(Value::as_object) else {
            continue;
        };
        for (key, text) in words {
            if let (Ok(minute), Some(text)) = (key.parse::<u16>(), text.as_str()) {
                out.push((text.to_lowercase(), minute));
            }
        }
    }
    out
}

/// Where `text` states one of `phrases` (from [`fixed_minute_phrases`]):
/// (start, end, minute) in byte offsets, whole words only, in any case of
/// ASCII letters ("In the first minute" opening a sentence).
pub fn find_minute_phrases(text: &str, phrases: &[(String, u16)]) -> Vec<(usize, usize, u16)> {
    // ASCII lower-casing keeps every byte offset where it was.
    let lower = text.to_ascii_lowercase();
    // "a minute's pause" is not "after a minute".
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    let mut out = Vec::new();
    for (phrase, minute) in phrases.iter().filter(|(p, _)| !p.is_empty()) {
        for (at, _) in lower.match_indices(phrase.as_str()) {
            let end = at + phrase.len();
            if !is_word(lower[..at].chars().next_back()) && !is_word(lower[end..].chars().next()) {
                out.push((at, end, *minute));
            }
        }
    }
    out.sort_unstable();
    out
}

/// One minute helper: `{{at_minute minute}}`, with `cap=true` at the
/// start of a sentence.
struct MinuteHelper {
    group: &'static str,
    lexicon: Arc<Value>,
}

impl HelperDef for MinuteHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let group = self.group;
        let fail = |why: String| -> handlebars::RenderError {
            handlebars::RenderErrorReason::Other(why).into()
        };
        let minute = h
            .param(0)
            .and_then(|p| p.value().as_u64())
            .ok_or_else(|| fail(format!("{group} needs a minute: {{{{{group} minute}}}}")))?;
        let words = minute_words(&self.lexicon, group, minute).ok_or_else(|| {
            fail(format!(
                "lexicon.json has no word for minute {minute} in \"{group}\" (nor \"{OTHER}\")"
            ))
        })?;
        let cap = h.hash_get("cap").and_then(|v| v.value().as_bool()) == Some(true);
        let words = if cap {
            crate::input::text::capitalise(&words)
        } else {
            words
        };
        Ok(handlebars::ScopedJson::Derived(Value::String(words)))
    }
}

/// Registers the minute helpers, worded by `lexicon`.
pub fn register(registry: &mut Handlebars<'static>, lexicon: &Arc<Value>) {
    for group in MINUTE_HELPERS {
        let helper = MinuteHelper {
            group,
            lexicon: lexicon.clone(),
        };
        registry.register_helper(group, Box::new(helper));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lexicon() -> Value {
        json!({
            "at_minute": {"1": "in the first minute", "other": "on {n} minutes"},
            "after_minutes": {"1": "after a minute", "other": "after {n} minutes"}
        })
    }

    fn render(template: &str, minute: u64) -> Result<String, handlebars::RenderError> {
        let mut hb = Handlebars::new();
        register(&mut hb, &Arc::new(lexicon()));
        hb.render_template(template, &json!({ "minute": minute }))
    }

    #[test]
    fn a_minute_of_its_own_then_the_rest_in_figures() {
        assert_eq!(
            render("{{at_minute minute}}", 1).unwrap(),
            "in the first minute"
        );
        assert_eq!(render("{{at_minute minute}}", 12).unwrap(), "on 12 minutes");
        assert_eq!(
            render("{{after_minutes minute}}", 1).unwrap(),
            "after a minute"
        );
        assert_eq!(
            render("{{after_minutes minute}}", 7).unwrap(),
            "after 7 minutes"
        );
    }

    #[test]
    fn cap_opens_a_sentence() {
        assert_eq!(
            render("{{at_minute minute cap=true}}", 1).unwrap(),
            "In the first minute"
        );
        assert_eq!(
            render("{{after_minutes minute cap=true}}", 54).unwrap(),
            "After 54 minutes"
        );
    }

    #[test]
    fn a_lexicon_without_the_words_is_an_error_not_a_gap() {
        let mut hb = Handlebars::new();
        register(&mut hb, &Arc::new(json!({"at_minute": {"1": "early"}})));
        let err = hb
            .render_template("{{at_minute minute}}", &json!({"minute": 5}))
            .unwrap_err();
        assert!(err.to_string().contains("no word for minute 5"), "{err}");
        assert!(render("{{at_minute}}", 5).is_err());
    }

    #[test]
    fn phrases_are_found_as_whole_words_in_any_case() {
        let phrases = fixed_minute_phrases(&lexicon());
        let text = "In the first minute he scored, and after a minute's pause, again";
        assert_eq!(find_minute_phrases(text, &phrases), vec![(0, 19, 1)]);
        assert!(find_minute_phrases("on 12 minutes", &phrases).is_empty());
    }

    #[test]
    fn fixed_phrases_are_the_keyed_minutes() {
        let mut phrases = fixed_minute_phrases(&lexicon());
        phrases.sort();
        assert_eq!(
            phrases,
            vec![
                ("after a minute".to_string(), 1),
                ("in the first minute".to_string(), 1)
            ]
        );
    }
}
