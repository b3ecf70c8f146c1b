//! The review page for sub-editors: one self-contained HTML file showing
//! the report as a reader sees it, where clicking any sentence shows its
//! provenance (message, template variant, beats, evidence, facts with their
//! input paths), and a side list of every beat the rules found, with the
//! ones the report left out marked.
//!
//! The page loads nothing from the network: the styles and the script are
//! inline, and the provenance travels in the page as JSON inside a
//! `<script type="application/json">` block. Every value taken from the
//! match file or the report passes through [`escape`] before it becomes
//! HTML; the script only ever sets `textContent`.

use super::provenance::{BeatView, ReportView};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Serialises the view as JSON that is safe inside a `<script>` element:
/// `</` becomes `<\/`, and the `<` of `<!--` and of `<script` (any case)
/// becomes `\u003c`, so no string from the input can close the element or
/// switch the parser's state. In JSON `<` only occurs inside strings, where
/// both are valid escapes, so `JSON.parse` reads back the same values.
pub fn data_json(view: &ReportView) -> String {
    let json = serde_json::to_string(view).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(json.len() + 64);
    let mut rest = json.as_str();
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let starts_ci = |word: &str| {
            after
                .get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        };
        if let Some(stripped) = after.strip_prefix('/') {
            out.push_str("<\\/");
            rest = stripped;
            continue;
        }
        if after.starts_with("!--") || starts_ci("script") {
            out.push_str("\\u003c");
        } else {
            out.push('<');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The command that writes this draft again: `beatwriter report FILE` and
/// the options of `view.options.command` (whose first two words are the
/// program and its version). Falls back to that line as it is.
fn regenerate_command(view: &ReportView) -> String {
    let command = &view.options.command;
    let mut words = command.splitn(3, ' ');
    match (words.next(), words.next(), words.next()) {
        (Some("beatwriter"), Some(_version), Some(options)) => {
            format!("beatwriter report {} {options}", shell_word(&view.source))
        }
        _ => command.clone(),
    }
}

/// Quotes a file name for a POSIX shell when it needs it.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+=:,@".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A salience as people write it: `92`, `92.5`.
fn salience(x: f32) -> String {
    format!("{x}")
}

/// The beats, most salient first (stable, so equal saliences keep the
/// order the rules gave them).
fn by_salience(view: &ReportView) -> Vec<&BeatView> {
    let mut beats: Vec<&BeatView> = view.beats.iter().collect();
    beats.sort_by(|a, b| b.salience.total_cmp(&a.salience));
    beats
}

/// The whole review page for `view`: one HTML5 document with inline styles
/// and script, no external assets. Sentences are
/// `<span class="sentence" data-sentence="sN" tabindex="0">`; clicking one
/// (or pressing Enter on it) fills the panel `id="provenance"`. The beats
/// panel lists every beat by salience; beats no sentence expresses carry the
/// class `left-out` and a "left out" label, and clicking a beat highlights
/// the sentences that express it.
pub fn page(view: &ReportView) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let sentence_count: usize = view
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(Vec::len)
        .sum();

    // Head.
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
    );
    let _ = writeln!(
        out,
        "<title>Review: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(&view.title)
    );

    // Header: what was written and how to write it again.
    let perspective = match &view.options.perspective {
        Some(team) => escape(team),
        None => "none (neutral)".to_string(),
    };
    let rerolled = if view.options.rerolled.is_empty() {
        "none".to_string()
    } else {
        view.options
            .rerolled
            .iter()
            .map(|s| escape(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(
        out,
        "<header class=\"masthead\">\n<p class=\"kicker\">beatwriter · review</p>\n\
         <h1>{title}</h1>\n<dl class=\"meta\">\n\
         <div><dt>Source</dt><dd><code>{source}</code></dd></div>\n\
         <div><dt>Tone</dt><dd>{tone}</dd></div>\n\
         <div><dt>Perspective</dt><dd>{perspective}</dd></div>\n\
         <div><dt>Seed</dt><dd>{seed}</dd></div>\n\
         <div><dt>Re-rolled</dt><dd>{rerolled}</dd></div>\n\
         <div><dt>Phrasebank</dt><dd><code>{phrasebank}</code></dd></div>\n\
         <div class=\"wide\"><dt>Regenerate</dt><dd><code class=\"command\">{command}</code></dd></div>\n\
         </dl>\n<p class=\"counts\">{sentences} sentences · {beats} beats · {left_out} left out</p>\n\
         </header>\n",
        title = escape(&view.title),
        source = escape(&view.source),
        tone = escape(&view.options.tone),
        seed = escape(&view.options.seed.to_string()),
        phrasebank = escape(&view.options.phrasebank_version),
        command = escape(&regenerate_command(view)),
        sentences = escape(&sentence_count.to_string()),
        beats = escape(&view.beats.len().to_string()),
        left_out = escape(&view.left_out.len().to_string()),
    );

    // The report as a reader sees it.
    out.push_str("<main class=\"layout\">\n<article class=\"report\" id=\"report\">\n");
    let _ = writeln!(
        out,
        "<p class=\"hint\">Click a sentence, or focus it and press Enter, to see where it came from.</p>"
    );
    for section in &view.sections {
        let _ = writeln!(
            out,
            "<section class=\"section section-{id}\" data-section=\"{id}\">",
            id = escape(&section.id)
        );
        if !section.heading.is_empty() {
            let _ = writeln!(out, "<h2>{}</h2>", escape(&section.heading));
        }
        for paragraph in &section.paragraphs {
            out.push_str("<p>");
            for (i, s) in paragraph.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(
                    out,
                    "<span class=\"sentence\" data-sentence=\"{}\" tabindex=\"0\">{}</span>",
                    escape(&s.id),
                    escape(&s.text)
                );
            }
            out.push_str("</p>\n");
        }
        out.push_str("</section>\n");
    }
    let credit = view.data_credit.as_ref().map_or(String::new(), |c| {
        format!("<p class=\"credit\">{}</p>", escape(c))
    });
    let _ = writeln!(
        out,
        "<footer class=\"metadata\">{credit}-- {}</footer>\n</article>",
        escape(&view.options.command)
    );

    // Side: the provenance panel, then every beat.
    out.push_str(
        "<aside class=\"side\">\n\
         <section id=\"provenance\" class=\"panel\" aria-live=\"polite\">\n\
         <h2>Provenance</h2>\n<div id=\"provenance-body\">\
         <p class=\"empty\">No sentence selected.</p></div>\n</section>\n",
    );
    let _ = write!(
        out,
        "<section id=\"beats\" class=\"panel\">\n<h2>Beats <small>by salience</small></h2>\n\
         <p class=\"note\">Click a beat to highlight the sentences that express it.</p>\n\
         <p id=\"beat-status\" class=\"status\" aria-live=\"polite\"></p>\n<ol class=\"beat-list\">\n"
    );
    for beat in by_salience(view) {
        let left_out = !beat.used;
        let evidence = if beat.evidence.is_empty() {
            "no evidence".to_string()
        } else {
            beat.evidence
                .iter()
                .map(|e| escape(e))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "<li><button type=\"button\" class=\"beat{class}\" data-beat=\"{id}\" aria-pressed=\"false\">\
             <span class=\"beat-head\"><span class=\"beat-id\">{id}</span> \
             <span class=\"rule\">{rule}</span>{label}\
             <span class=\"salience\">{salience}</span></span>\
             <span class=\"beat-evidence\">{evidence}</span></button></li>",
            class = if left_out { " left-out" } else { "" },
            id = escape(&beat.id),
            rule = escape(&beat.rule),
            label = if left_out {
                " <span class=\"tag\">left out</span>"
            } else {
                ""
            },
            salience = escape(&salience(beat.salience)),
        );
    }
    out.push_str("</ol>\n</section>\n</aside>\n</main>\n");

    // Data and behaviour.
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"provenance-data\">{}</script>",
        data_json(view)
    );
    let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

/// The page's styles: system fonts, two columns that stack on narrow screens.
const STYLE: &str = r#"
:root {
  --ink: #1d232b; --muted: #5d6672; --line: #dfe3e8; --paper: #ffffff;
  --wash: #f5f6f8; --accent: #1f5fbf; --select: #ffe08a; --select-edge: #d49b00;
  --match: #d6e8ff; --match-edge: #1f5fbf; --out: #a33a1f; --out-wash: #fff1ec;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
code, .beat-id, .rule, .path, .beat-evidence, .ev {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.86em;
}
.masthead { background: var(--paper); border-bottom: 1px solid var(--line); padding: 1rem 1.5rem 0.75rem; }
.masthead > * { max-width: 1240px; margin-left: auto; margin-right: auto; }
.kicker { margin: 0; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
h1 { margin: 0.15rem auto 0.6rem; font-size: 1.7rem; line-height: 1.2; }
.meta { display: flex; flex-wrap: wrap; gap: 0.35rem 1.5rem; margin-top: 0; margin-bottom: 0.4rem; font-size: 0.9rem; }
.meta div { display: flex; gap: 0.4rem; align-items: baseline; }
.meta .wide { flex-basis: 100%; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.command { background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 0.1rem 0.4rem; }
.counts { color: var(--muted); font-size: 0.85rem; margin-top: 0; margin-bottom: 0; }
.layout {
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 400px);
  gap: 1.5rem; max-width: 1240px; margin: 1.25rem auto; padding: 0 1.5rem;
}
.report { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1.75rem 1rem; min-width: 0; }
.report h2 { font-size: 1.2rem; margin: 1.4rem 0 0.4rem; }
.report p { margin: 0 0 0.8rem; max-width: 44em; }
.hint { color: var(--muted); font-size: 0.85rem; }
.section-ratings p { font-size: 0.92rem; }
.section-highlights p { padding-left: 0.6rem; border-left: 3px solid var(--line); }
.metadata { margin-top: 1.5rem; color: var(--muted); font-size: 0.85rem; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.sentence { cursor: pointer; border-radius: 3px; padding: 0.05em 0; transition: background-color 0.1s; }
.sentence:hover { background: #f1f4f8; box-shadow: 0 1px 0 var(--line); }
.sentence:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.sentence.beat-match { background: var(--match); box-shadow: inset 0 -2px 0 var(--match-edge); }
.sentence.selected { background: var(--select); box-shadow: inset 0 -2px 0 var(--select-edge); }
.side { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto; display: grid; gap: 1rem; min-width: 0; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; }
.panel h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.panel h2 small { color: var(--muted); font-weight: normal; }
.panel h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0.8rem 0 0.3rem; }
.empty, .note, .status { color: var(--muted); font-size: 0.85rem; margin: 0.2rem 0; }
.status:empty { display: none; }
.quote { margin: 0 0 0.5rem; padding: 0.4rem 0.6rem; background: var(--wash); border-left: 3px solid var(--select-edge); font-size: 0.92rem; }
.kv { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; margin: 0; font-size: 0.88rem; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; overflow-wrap: anywhere; }
.items { list-style: none; margin: 0; padding: 0; font-size: 0.88rem; }
.items li { padding: 0.15rem 0; border-bottom: 1px dashed var(--line); overflow-wrap: anywhere; }
.items li:last-child { border-bottom: 0; }
.facts { width: 100%; border-collapse: collapse; font-size: 0.85rem; table-layout: fixed; }
.facts th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
.facts td { vertical-align: top; padding: 0.15rem 0.3rem 0.15rem 0; border-bottom: 1px dashed var(--line); overflow-wrap: anywhere; }
.facts th:nth-child(1) { width: 34%; }
.facts th:nth-child(2) { width: 5em; }
.missing { color: var(--out); }
.beat-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
.beat {
  display: block; width: 100%; text-align: left; font: inherit; font-size: 0.88rem; color: inherit;
  background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.5rem; cursor: pointer;
}
.beat:hover { border-color: #b9c2cc; }
.beat:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.beat-head { display: flex; align-items: baseline; gap: 0.4rem; }
.beat-id { color: var(--muted); min-width: 2.2em; }
.rule { font-weight: 600; overflow-wrap: anywhere; }
.salience { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.beat-evidence { display: block; color: var(--muted); overflow-wrap: anywhere; }
.beat.left-out { background: var(--out-wash); border-style: dashed; border-color: #e5b6a8; }
.tag { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--out); border: 1px solid currentColor; border-radius: 3px; padding: 0 0.25rem; white-space: nowrap; }
.beat.cited { border-color: var(--select-edge); box-shadow: inset 3px 0 0 var(--select-edge); }
.beat.active { border-color: var(--match-edge); box-shadow: inset 3px 0 0 var(--match-edge); background: var(--match); }
@media (max-width: 900px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 0 0.75rem; }
  .side { position: static; max-height: none; overflow: visible; }
  .report { padding: 0.5rem 1rem 1rem; }
  .masthead { padding: 0.75rem; }
}
@media print {
  .side, .hint { display: none; }
  .layout { display: block; }
}
"#;

/// The page's behaviour: reads the provenance JSON and builds the panel
/// with `textContent` only.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("provenance-data").textContent);
  var byId = {};
  data.sections.forEach(function (section) {
    section.paragraphs.forEach(function (paragraph) {
      paragraph.forEach(function (s) { byId[s.id] = s; });
    });
  });
  var body = document.getElementById("provenance-body");
  var status = document.getElementById("beat-status");
  var sentences = Array.prototype.slice.call(document.querySelectorAll(".sentence[data-sentence]"));
  var beats = Array.prototype.slice.call(document.querySelectorAll(".beat[data-beat]"));
  var activeBeat = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function pair(dl, key, value) {
    dl.appendChild(el("dt", null, key));
    dl.appendChild(el("dd", null, value));
  }
  function items(list, render) {
    var ul = el("ul", "items");
    list.forEach(function (x) { ul.appendChild(render(x)); });
    if (!list.length) { ul.appendChild(el("li", "missing", "none")); }
    return ul;
  }

  function show(id) {
    var s = byId[id];
    if (!s) { return; }
    sentences.forEach(function (x) {
      x.classList.toggle("selected", x.getAttribute("data-sentence") === id);
    });
    var cited = {};
    s.beats.forEach(function (b) { cited[b.id] = true; });
    beats.forEach(function (b) { b.classList.toggle("cited", !!cited[b.getAttribute("data-beat")]); });

    body.textContent = "";
    body.appendChild(el("blockquote", "quote", s.text));
    var dl = el("dl", "kv");
    pair(dl, "Sentence", s.id);
    pair(dl, "Message", s.message);
    pair(dl, "Template", s.template);
    body.appendChild(dl);

    body.appendChild(el("h3", null, "Beats"));
    body.appendChild(items(s.beats, function (b) {
      var li = el("li", "beat-ref");
      li.appendChild(el("span", "rule", b.rule));
      li.appendChild(document.createTextNode(" · "));
      li.appendChild(el("span", "beat-id", b.id));
      li.appendChild(document.createTextNode(" · salience " + String(b.salience)));
      return li;
    }));

    body.appendChild(el("h3", null, "Evidence"));
    body.appendChild(items(s.evidence, function (e) {
      var parts = [e.id];
      if (e.minute) { parts.push(e.minute); }
      parts.push(e.kind ? e.kind : "context");
      return el("li", "ev", parts.join(" · "));
    }));

    body.appendChild(el("h3", null, "Facts"));
    if (!s.facts.length) {
      body.appendChild(el("p", "empty", "No names or numbers."));
    } else {
      var table = el("table", "facts");
      var head = el("tr");
      ["Text", "Kind", "Input path"].forEach(function (h) { head.appendChild(el("th", null, h)); });
      table.appendChild(head);
      s.facts.forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", null, f.text));
        tr.appendChild(el("td", null, f.kind));
        tr.appendChild(f.path ? el("td", "path", f.path) : el("td", "missing", "not in input"));
        table.appendChild(tr);
      });
      body.appendChild(table);
    }
  }

  function highlight(id) {
    activeBeat = activeBeat === id ? null : id;
    var count = 0;
    beats.forEach(function (b) {
      var on = b.getAttribute("data-beat") === activeBeat;
      b.classList.toggle("active", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var first = null;
    sentences.forEach(function (x) {
      var s = byId[x.getAttribute("data-sentence")];
      var on = !!activeBeat && !!s && s.beats.some(function (b) { return b.id === activeBeat; });
      x.classList.toggle("beat-match", on);
      if (on) { count += 1; if (!first) { first = x; } }
    });
    if (!activeBeat) {
      status.textContent = "";
    } else if (count) {
      status.textContent = activeBeat + ": " + count + (count === 1 ? " sentence expresses it." : " sentences express it.");
      if (first && first.scrollIntoView) { first.scrollIntoView({ block: "nearest" }); }
    } else {
      status.textContent = activeBeat + " is left out: no sentence expresses it.";
    }
  }

  sentences.forEach(function (x) {
    x.addEventListener("click", function () { show(x.getAttribute("data-sentence")); });
    x.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(x.getAttribute("data-sentence"));
      }
    });
  });
  beats.forEach(function (b) {
    b.addEventListener("click", function () { highlight(b.getAttribute("data-beat")); });
  });
})();
"#;
