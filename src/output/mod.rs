//! Printing a [`Report`]: plain text, Markdown, and JSON with each
//! sentence's provenance.

pub mod html;
pub mod provenance;
pub mod sidecar;
pub mod trace;

pub use crate::facts::{Derivation, Fact};
pub use provenance::json;

use crate::report::Report;

/// The line that lets anyone write the same draft again: seed, tone, the
/// side it was written for and any re-rolled sections, as the options
/// that produce it.
pub fn metadata(report: &Report) -> String {
    let mut options = format!("--seed {} --tone {}", report.seed, quote(&report.tone));
    if let Some(team) = &report.perspective {
        options.push_str(&format!(" --for {}", quote(team)));
    }
    for section in &report.rerolled {
        options.push_str(&format!(" --section {}", quote(section)));
    }
    format!("beatwriter {} {options}", env!("CARGO_PKG_VERSION"))
}

/// A value as one shell word: bare when it is plain, else in double quotes
/// with `"` and `\` escaped, so a footer reads back exactly.
pub fn quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.,/".contains(c));
    if plain {
        return value.to_string();
    }
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// Backslash-escapes the characters Markdown reads as markup (CommonMark's
/// ASCII punctuation that can open emphasis, code, links, HTML, tables or
/// headings), and a line-leading `+`, `-`, `=` or `1.` that would start a
/// list or underline a heading.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        );
        let leading = line_start && matches!(c, '+' | '-' | '=');
        if special || leading {
            out.push('\\');
        }
        out.push(c);
        if line_start && c.is_ascii_digit() {
            // "1. " at the start of a line would be a list item.
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                out.push(d);
                chars.next();
            }
            if let Some(&p) = chars.peek().filter(|&&p| p == '.' || p == ')') {
                out.push('\\');
                out.push(p);
                chars.next();
            }
        }
        line_start = c == '\n';
    }
    out
}

/// Plain text: title, then each heading followed by its paragraphs,
/// separated by blank lines.
pub fn text(report: &Report) -> String {
    let mut out = format!("{}\n", report.title);
    for section in &report.sections {
        out.push('\n');
        if !section.heading.is_empty() {
            out.push_str(&section.heading);
            out.push_str("\n\n");
        }
        for p in &section.paragraphs {
            out.push_str(&p.text());
            out.push_str("\n\n");
        }
        out.pop();
    }
    if let Some(credit) = &report.credit {
        out.push_str(&format!("\n{credit}\n"));
    }
    out.push_str(&format!("\n-- {}\n", metadata(report)));
    out
}

/// Markdown: the title as `#`, headings as `##`. Text is escaped, so a
/// name such as `*Kane*` or `[x](y)` prints as written instead of turning
/// into emphasis or a link.
pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n", markdown_escape(&report.title));
    for section in &report.sections {
        if section.heading.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("\n## {}\n\n", markdown_escape(&section.heading)));
        }
        for p in &section.paragraphs {
            out.push_str(&markdown_escape(&p.text()));
            out.push_str("\n\n");
        }
        out.pop();
    }
    if let Some(credit) = &report.credit {
        out.push_str(&format!("\n{credit}\n"));
    }
    out.push_str(&format!("\n<!-- {} -->\n", metadata(report)));
    out
}
