//! Finding a phrasebank file's variants and their declared claims.
//!
//! Plain functions of the text, with no use of the rest of the crate:
//! build.rs includes this file too, to index the built-in phrasebank's
//! variants when the binary is built rather than at every start.

/// Splits a file into variants at lines of exactly `---`, with the line
/// each starts on; blank variants are skipped.
pub fn split_variants(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut start_line = 1;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            push_variant(&mut out, start_line, &text[start..offset]);
            start = offset + line.len();
            start_line = i + 2;
        }
        offset += line.len();
    }
    push_variant(&mut out, start_line, &text[start..]);
    out
}

/// The claims a variant declares: the names listed in a handlebars
/// comment `{{!-- claims: a, b --}}` among its leading comment lines (a
/// file's first variant may open with a describing comment first).
pub fn declared_claims(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim)
        .take_while(|l| l.is_empty() || (l.starts_with("{{!") && l.ends_with("}}")))
        .filter_map(|l| {
            let inner = l
                .trim_start_matches("{{!--")
                .trim_start_matches("{{!")
                .trim_end_matches("}}")
                .trim_end_matches("--")
                .trim();
            inner.strip_prefix("claims:")
        })
        .flat_map(|list| list.split(','))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn push_variant<'t>(out: &mut Vec<(usize, &'t str)>, line: usize, body: &'t str) {
    if !body.trim().is_empty() {
        out.push((line, body));
    }
}

/// Whether a variant is all printable ASCII, tabs and line ends: text
/// that needs no character-by-character look for unsafe characters.
pub fn is_plain(body: &str) -> bool {
    body.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
}
