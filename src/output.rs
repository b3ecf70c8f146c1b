//! Printing a [`Report`]: plain text and Markdown.

use crate::report::Report;

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
    out
}

/// Markdown: the title as `#`, headings as `##`.
pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n", report.title);
    for section in &report.sections {
        if section.heading.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("\n## {}\n\n", section.heading));
        }
        for p in &section.paragraphs {
            out.push_str(&p.text());
            out.push_str("\n\n");
        }
        out.pop();
    }
    out
}
