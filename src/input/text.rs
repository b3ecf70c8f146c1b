//! Checks on every string of a match file, and the escaping of untrusted
//! text in messages.
//!
//! A name is printed in headlines and on terminals, so it must be
//! something a reader can see: not empty or blank, not made of zero-width
//! characters, and free of characters that change how text around it is
//! shown (control characters such as the ANSI escape, and the
//! bidirectional overrides such as U+202E). The private-use characters are
//! refused too: beatwriter marks name references inside its own text with
//! U+E000-U+E002, and input must never be able to forge one.

use crate::error::Diagnostic;
use serde_json::Value;

/// Fields that may be empty: an importer that does not know the season
/// leaves it so.
const MAY_BE_EMPTY: &[&str] = &["match.season"];

/// Problems with the strings of `value` (a match as JSON), each at its path.
pub fn check(value: &Value) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut out);
    out
}

fn walk(value: &Value, path: &mut String, out: &mut Vec<Diagnostic>) {
    match value {
        Value::String(s) => {
            if let Some(problem) = problem(s, MAY_BE_EMPTY.contains(&path.as_str())) {
                out.push(Diagnostic::new(path.clone(), problem));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, out);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                // Map keys (ratings' player ids) are text too.
                if let Some(problem) = problem(key, false).filter(|_| len > 0) {
                    out.push(Diagnostic::new(path.clone(), format!("the key {problem}")));
                }
                walk(item, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// What is wrong with one string, if anything.
pub fn problem(s: &str, may_be_empty: bool) -> Option<String> {
    if let Some(c) = s.chars().find(|&c| is_unsafe(c)) {
        return Some(format!(
            "\"{}\" contains the character U+{:04X} ({}); expected printable text only",
            escape(s),
            u32::from(c),
            kind(c)
        ));
    }
    let allowed_empty = may_be_empty && s.is_empty();
    if !allowed_empty && !s.chars().any(is_visible) {
        let what = if s.is_empty() {
            "is empty"
        } else {
            "has no visible character"
        };
        return Some(format!(
            "\"{}\" {what}; expected a name or value a reader can see",
            escape(s)
        ));
    }
    None
}

/// Characters input may not contain anywhere.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi(c) || is_private_use(c)
}

/// The bidirectional formatting characters: marks, embeddings, overrides
/// and isolates.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The Private Use Area of the Basic Multilingual Plane (which holds the
/// internal reference marks U+E000-U+E002).
fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// A character that prints as something: not whitespace and not one of
/// the zero-width characters.
fn is_visible(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        )
        && !is_unsafe(c)
}

fn kind(c: char) -> &'static str {
    if c.is_control() {
        "a control character"
    } else if is_bidi(c) {
        "a bidirectional formatting character"
    } else {
        "a private-use character"
    }
}

/// `s` with every unsafe character written as `\u{XXXX}`, so a message
/// quoting untrusted text cannot drive the terminal that shows it.
pub fn escape(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if is_unsafe(c) {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The text with its first letter a capital: "they" → "They", "van
/// Dijk" → "Van Dijk". One place for every stage that needs it.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_zero_width_names_are_refused() {
        assert!(problem("", false).unwrap().contains("is empty"));
        assert!(problem("  ", false).unwrap().contains("no visible"));
        assert!(problem("\u{200B}", false).unwrap().contains("no visible"));
        assert_eq!(problem("", true), None);
        assert_eq!(problem("Kane", false), None);
        assert_eq!(problem("Kylian Mbappé", false), None);
    }

    #[test]
    fn control_bidi_and_private_use_are_refused_and_escaped() {
        for bad in [
            "\u{1b}[31mKane",
            "Ka\0ne",
            "\u{202E}enaK",
            "\u{E000}0\u{E001}",
        ] {
            let p = problem(bad, false).unwrap();
            assert!(p.contains("U+"), "{p}");
            assert!(!p.chars().any(is_unsafe), "{p:?}");
        }
        assert_eq!(escape("a\u{1b}b"), "a\\u{001B}b");
    }
}
