//! The phrasebank: every word beatwriter prints comes from here.
//!
//! Layout: `phrasebank/<language>/<tone>/<message>.hbs`, e.g.
//! `en/neutral/highlight/goal.hbs` holds the variants of the message
//! `highlight/goal` in the neutral tone. A file holds one or more variants
//! separated by lines of exactly `---`; each variant is a handlebars
//! template. A tone folder other than `neutral` may hold only some
//! messages: the rest fall back to `neutral`.
//!
//! Templates render in strict mode, so a misspelt slot is an error, never
//! an empty string. The default phrasebank is compiled into the binary;
//! [`Phrasebank::from_dir`] loads a desk's edited copy instead.

mod compile;
pub(crate) mod helpers;
mod native;
mod split;
pub mod style;

pub use split::{declared_claims, split_variants};

use crate::error::{Diagnostic, Error, ErrorKind, Result};
use handlebars::{Context, Handlebars, Output, RenderContext, Renderable, Template};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/phrasebank_files.rs"));
}

/// The tone every message must exist in; other tones fall back to it.
pub const BASE_TONE: &str = "neutral";

/// How errors name the phrasebank compiled into the binary.
pub const BUILTIN_LABEL: &str = "<built-in phrasebank>";

/// The files of the built-in phrasebank: (path under `phrasebank/`, text).
pub fn builtin_files() -> Vec<(String, String)> {
    builtin::FILES
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect()
}

/// The `.hbs` and `.json` files under a phrasebank directory.
pub fn dir_files(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    read_tree(dir, dir, &mut files).map_err(|e| {
        Error::single(
            ErrorKind::Io,
            dir.display().to_string(),
            Diagnostic::new("", format!("cannot read the phrasebank: {e}")),
        )
    })?;
    Ok(files)
}

/// One template variant of a message, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The message it belongs to, e.g. `highlight/goal`.
    pub message: String,
    /// Its tone folder.
    pub tone: String,
    /// 1-based position among the message's variants in that tone.
    pub number: usize,
    /// The file it came from, relative to the phrasebank root.
    pub file: String,
    /// The line in that file where the variant starts.
    pub line: usize,
    /// The propositions it asserts beyond its slots, from a leading
    /// `{{!-- claims: a, b --}}` comment: the realiser offers the variant
    /// only when every one holds (see `crate::claims`).
    pub claims: Vec<String>,
    /// [`Variant::id`], made once: the realiser looks variants up by id
    /// for every candidate it renders.
    key: String,
}

impl Variant {
    /// The variant `number` of `message` in `tone`, written at `at` (file
    /// and line), declaring `claims`.
    pub(crate) fn new(
        message: &str,
        tone: &str,
        number: usize,
        at: (&str, usize),
        claims: Vec<String>,
    ) -> Self {
        Variant {
            message: message.to_string(),
            tone: tone.to_string(),
            number,
            file: at.0.to_string(),
            line: at.1,
            claims,
            key: format!("{tone}:{message}#{number}"),
        }
    }

    /// A stable name: `neutral:highlight/goal#2`.
    pub fn id(&self) -> String {
        self.key.clone()
    }

    /// [`Variant::id`] without a copy.
    pub fn id_str(&self) -> &str {
        &self.key
    }
}

/// A loaded, compiled phrasebank for one language.
pub struct Phrasebank {
    version: String,
    /// Variant id → its template text, for provenance checks.
    /// Borrowed from the binary for the built-in phrasebank: copying its
    /// megabyte of text was a tenth of a report's process time.
    sources: std::collections::HashMap<String, Cow<'static, str>>,
    /// Holds the helpers; templates are compiled into `templates`.
    registry: Handlebars<'static>,
    /// Variant id → its compiled template, compiled on first use for the
    /// built-in phrasebank (a report uses about a hundred of the thousand
    /// or so variants, and compiling them all was most of a process's
    /// time), up front for a desk's own, so every fault is reported when
    /// it is loaded.
    /// Each with whether it uses partials (refused at render), judged
    /// once when compiled rather than at every render.
    templates: std::collections::HashMap<String, OnceLock<(Template, bool)>>,
    lexicon: serde_json::Value,
    style: style::StyleBook,
    /// (tone, message) to its variants.
    variants: BTreeMap<(String, String), Vec<Variant>>,
    language: String,
    /// Where it was read from, to name files in errors.
    label: String,
}

impl std::fmt::Debug for Phrasebank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phrasebank")
            .field("language", &self.language)
            .field("messages", &self.variants.len())
            .finish()
    }
}

impl Phrasebank {
    /// The phrasebank compiled into the binary, for `language` ("en").
    pub fn builtin(language: &str) -> Result<Self> {
        let files: Vec<(String, Cow<'static, str>)> = builtin::FILES
            .iter()
            .map(|(path, text)| (path.to_string(), Cow::Borrowed(*text)))
            .collect();
        // Its templates are known to compile (lint and the tests compile
        // every one), so each is compiled when first used.
        let version =
            builtin_fingerprint(language).unwrap_or_else(|| fingerprint(language, &files));
        let how = Load {
            compile: Compile::Lazily,
            index: Some(builtin::VARIANTS),
        };
        Self::load(BUILTIN_LABEL, language, files, version, how)
    }

    /// A phrasebank read from a directory laid out like `phrasebank/`.
    pub fn from_dir(dir: &Path, language: &str) -> Result<Self> {
        let label = dir.display().to_string();
        let mut files = Vec::new();
        read_tree(dir, dir, &mut files).map_err(|e| {
            Error::single(
                ErrorKind::Io,
                &label,
                Diagnostic::new("", format!("cannot read the phrasebank: {e}")),
            )
        })?;
        Self::from_files(&label, language, files)
    }

    /// Compiles templates from (relative path, text) pairs; every faulty
    /// template is reported, not just the first.
    pub fn from_files(label: &str, language: &str, files: Vec<(String, String)>) -> Result<Self> {
        let version = fingerprint(language, &files);
        let files = files.into_iter().map(|(p, t)| (p, Cow::Owned(t))).collect();
        let how = Load {
            compile: Compile::Now,
            index: None,
        };
        Self::load(label, language, files, version, how)
    }

    fn load(
        label: &str,
        language: &str,
        files: Vec<(String, Cow<'static, str>)>,
        version: String,
        how: Load,
    ) -> Result<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        helpers::register(&mut registry);
        let mut bank = Phrasebank {
            version,
            sources: std::collections::HashMap::new(),
            registry,
            templates: std::collections::HashMap::new(),
            lexicon: serde_json::Value::Null,
            style: style::StyleBook::default(),
            variants: BTreeMap::new(),
            language: language.to_string(),
            label: label.to_string(),
        };
        let prefix = format!("{language}/");
        let mut problems = Vec::new();
        let lexicon_path = format!("{prefix}lexicon.json");
        let lexicon = match files.iter().find(|(p, _)| *p == lexicon_path) {
            Some((_, text)) => {
                serde_json::from_str(text.as_ref()).unwrap_or_else(|e: serde_json::Error| {
                    problems.push(Diagnostic {
                        path: lexicon_path.clone(),
                        position: Some((e.line(), e.column().max(1))),
                        message: format!("lexicon is not valid JSON: {e}"),
                    });
                    serde_json::Value::Null
                })
            }
            None => serde_json::Value::Null,
        };
        let style_path = format!("{prefix}style.json");
        let style_rules = match files.iter().find(|(p, _)| *p == style_path) {
            Some((_, text)) => {
                serde_json::from_str(text.as_ref()).unwrap_or_else(|e: serde_json::Error| {
                    problems.push(Diagnostic {
                        path: style_path.clone(),
                        position: Some((e.line(), e.column())),
                        message: format!("style is not valid JSON: {e}"),
                    });
                    serde_json::Value::Null
                })
            }
            None => serde_json::Value::Null,
        };
        bank.style = style::StyleBook::from_json(style_rules);
        helpers::register_style(&mut bank.registry, bank.style.clone(), &lexicon);
        bank.registry.register_helper(
            "word",
            Box::new(helpers::WordHelper {
                lexicon: lexicon.clone(),
            }),
        );
        bank.lexicon = lexicon;
        for (i, (path, text)) in files.iter().enumerate() {
            let Some(rest) = path.strip_prefix(&prefix) else {
                continue;
            };
            let Some((tone, message)) = rest.strip_suffix(".hbs").and_then(|r| r.split_once('/'))
            else {
                continue;
            };
            let pieces = match how.index {
                Some(index) => indexed(text, index[i]),
                None => pieces(text),
            };
            let at = (path.as_str(), text);
            bank.add_file(at, tone, message, pieces, how.compile, &mut problems);
        }
        if bank.variants.is_empty() {
            problems.push(Diagnostic::new("", format!("no templates for language \"{language}\"; expected files like {language}/neutral/highlight/goal.hbs")));
        }
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(Error {
                kind: ErrorKind::Phrasebank,
                file: label.to_string(),
                diagnostics: problems,
            })
        }
    }

    // The Cow, not a &str: whether the text is static decides whether a
    // variant's source borrows it.
    #[allow(clippy::ptr_arg)]
    fn add_file(
        &mut self,
        (path, file): (&str, &Cow<'static, str>),
        tone: &str,
        message: &str,
        pieces: Vec<Piece<'_>>,
        compile: Compile,
        problems: &mut Vec<Diagnostic>,
    ) {
        let text: &str = file;
        let key = (tone.to_string(), message.to_string());
        let before = self.variants.get(&key).map_or(0, Vec::len);
        let mut added = Vec::with_capacity(pieces.len());
        for Piece {
            line: start_line,
            body,
            plain,
            claims,
        } in pieces
        {
            let number = before + added.len() + 1;
            let variant = Variant::new(message, tone, number, (path, start_line), claims);
            let compiled = OnceLock::new();
            if compile == Compile::Now {
                match compile::compile(body, variant.id()) {
                    Ok(t) => {
                        let partials = uses_partials(&t);
                        let _ = compiled.set((t, partials));
                    }
                    Err(e) => {
                        let (line, col) = e.pos().unwrap_or((1, 1));
                        let (line, col) = (start_line + line - 1, col.max(1));
                        problems.push(Diagnostic {
                            path: path.to_string(),
                            position: Some((line, col)),
                            message: format!(
                                "template does not compile: {}\n{}",
                                compile_reason(e.reason()),
                                crate::error::caret(text, line, col)
                            ),
                        });
                        continue;
                    }
                }
            }
            // Printable ASCII, tabs and line ends are safe: only text with
            // other bytes needs the character-by-character look.
            if let Some((i, c)) = body.char_indices().filter(|_| !plain).find(|&(_, c)| {
                !matches!(c, '\n' | '\r' | '\t') && crate::input::text::is_unsafe(c)
            }) {
                let at = crate::input::locate::line_col(body, i);
                problems.push(Diagnostic::new(
                    path.to_string(),
                    format!(
                        "line {}: the character U+{:04X}; expected printable text (control, bidirectional and private-use characters would reach readers' screens or forge beatwriter's name marks)",
                        start_line + at.0 - 1,
                        u32::from(c)
                    ),
                ));
                continue;
            }
            if compiled.get().is_some_and(|(_, partials)| *partials) {
                problems.push(partial_problem(path, start_line, body));
                continue;
            }
            self.templates.insert(variant.id(), compiled);
            let source = match file {
                // A slice of the same static text: no copy.
                Cow::Borrowed(all) => {
                    let at = body.as_ptr() as usize - all.as_ptr() as usize;
                    Cow::Borrowed(&all[at..at + body.len()])
                }
                Cow::Owned(_) => Cow::Owned(body.to_string()),
            };
            self.sources.insert(variant.id(), source);
            added.push(variant);
        }
        if !added.is_empty() {
            self.variants.entry(key).or_default().extend(added);
        }
    }

    /// The variants of `message` in `tone`, falling back to neutral.
    pub fn variants(&self, tone: &str, message: &str) -> &[Variant] {
        let key = |t: &str| (t.to_string(), message.to_string());
        self.variants
            .get(&key(tone))
            .or_else(|| self.variants.get(&key(BASE_TONE)))
            .map_or(&[], Vec::as_slice)
    }

    /// Every variant of every message in every tone.
    pub fn all_variants(&self) -> impl Iterator<Item = &Variant> {
        self.variants.values().flatten()
    }

    /// The variants of `message` written in `tone` itself, no fallback.
    pub fn variants_exact(&self, tone: &str, message: &str) -> &[Variant] {
        self.variants
            .get(&(tone.to_string(), message.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// A fingerprint of the files it was built from, `en-1a2b3c4d`: the
    /// same files give the same version, any edit a new one.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The text of every template, for callers that need the words the
    /// phrasebank writes (the draft checker).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.sources.values().map(|s| s.as_ref())
    }

    /// The template text of a variant, by its id.
    pub fn source(&self, variant_id: &str) -> Option<&str> {
        self.sources.get(variant_id).map(|s| s.as_ref())
    }

    /// The language's words (`lexicon.json`): groups of key to word.
    pub fn lexicon(&self) -> &serde_json::Value {
        &self.lexicon
    }

    /// The language's house style (`style.json`).
    pub fn style(&self) -> &style::StyleBook {
        &self.style
    }

    /// A tone's boolean setting from `lexicon.json` (`tones.<tone>.<name>`),
    /// false when unset.
    pub fn tone_setting(&self, tone: &str, name: &str) -> bool {
        self.lexicon
            .get("tones")
            .and_then(|t| t.get(tone))
            .and_then(|t| t.get(name))
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }

    /// A tone's numeric setting from `lexicon.json` (`tones.<tone>.<name>`).
    pub fn tone_number(&self, tone: &str, name: &str) -> Option<u64> {
        self.lexicon.get("tones")?.get(tone)?.get(name)?.as_u64()
    }

    /// The tones this phrasebank has a folder for.
    pub fn tones(&self) -> Vec<&str> {
        let mut tones: Vec<&str> = self.variants.keys().map(|(t, _)| t.as_str()).collect();
        tones.dedup();
        tones
    }

    /// Whether this phrasebank has a folder for `tone`: what
    /// `tones().contains(&tone)` says, without listing every message.
    pub fn has_tone(&self, tone: &str) -> bool {
        let from = (tone.to_string(), String::new());
        self.variants
            .range(from..)
            .next()
            .is_some_and(|((t, _), _)| t == tone)
    }

    /// Renders one variant with its slots. The text is capped at
    /// [`MAX_RENDERED_BYTES`]: rendering stops there with an error, so no
    /// template (say, one looping over a long list) can fill memory.
    pub fn render(&self, variant: &Variant, slots: &serde_json::Value) -> Result<String> {
        self.render_in(variant, &Context::from(slots.clone()))
    }

    /// Renders one variant in a handlebars context made once for all the
    /// variants of a message, so the slots are not copied per candidate.
    pub fn render_in(&self, variant: &Variant, context: &Context) -> Result<String> {
        let id = variant.id_str();
        let failed = |line: Option<usize>, column: Option<usize>, message: String| {
            let position = line.map(|l| (variant.line + l - 1, column.unwrap_or(1)));
            Error::single(
                ErrorKind::Render,
                &variant.file,
                Diagnostic {
                    path: id.to_string(),
                    position,
                    message,
                },
            )
        };
        let (template, partials) = match self.template(id) {
            Some(Ok(t)) => t,
            Some(Err(e)) => {
                let (line, column) = e.pos().map_or((None, None), |(l, c)| (Some(l), Some(c)));
                let message = format!("template does not compile: {}", compile_reason(e.reason()));
                return Err(failed(line, column, message));
            }
            None => return Err(failed(None, None, "no such template".to_string())),
        };
        if *partials {
            let at = partial_at(self.source(id).unwrap_or_default());
            let message = partial_problem(&variant.file, 1, "").message;
            return Err(failed(Some(at.0), Some(at.1), message));
        }
        #[cfg(test)]
        native::record(&variant.message, context.data());
        if let Some(text) = self.render_natively(template, context) {
            return Ok(text);
        }
        let (out, rendered) = self.render_by_handlebars(template, context);
        if out.len() > MAX_RENDERED_BYTES {
            let message = format!(
                "the variant's text runs past {MAX_RENDERED_BYTES} bytes; expected a sentence or a paragraph"
            );
            return Err(failed(None, None, message));
        }
        rendered.map_err(|e| self.render_error(variant, &e))?;
        Ok(out)
    }

    /// A template rendered by handlebars: the text, cut at the cap, and
    /// whether it rendered.
    fn render_by_handlebars(
        &self,
        template: &Template,
        context: &Context,
    ) -> (String, std::result::Result<(), handlebars::RenderError>) {
        let mut out = Text(String::with_capacity(256));
        let mut render_context = RenderContext::new(template.name.as_ref());
        let rendered = template.render(&self.registry, context, &mut render_context, &mut out);
        (out.0, rendered)
    }

    /// Handlebars' text for a template, or its failure in words: what
    /// the native renderer is checked against.
    #[cfg(any(test, debug_assertions))]
    fn handlebars_text(
        &self,
        template: &Template,
        context: &Context,
    ) -> std::result::Result<String, String> {
        match self.render_by_handlebars(template, context) {
            (text, _) if text.len() > MAX_RENDERED_BYTES => Err("past the cap".to_string()),
            (text, rendered) => rendered.map(|()| text).map_err(|e| e.to_string()),
        }
    }

    /// The template rendered by the phrasebank's own renderer (see
    /// [`native`]), or none where it leaves the template to handlebars.
    /// Debug builds render it with handlebars too and insist on the same
    /// text, so every test that writes a report checks the two agree.
    fn render_natively(&self, template: &Template, context: &Context) -> Option<String> {
        let words = native::Words {
            style: &self.style,
            lexicon: &self.lexicon,
        };
        let text = native::render(template, context.data(), &words, MAX_RENDERED_BYTES).ok()?;
        #[cfg(debug_assertions)]
        {
            assert_eq!(
                self.handlebars_text(template, context).as_deref(),
                Ok(text.as_str()),
                "the native renderer and handlebars disagree on {:?} with {}",
                template.name,
                context.data()
            );
        }
        Some(text)
    }

    /// A render error naming the file under the phrasebank, in an editor's
    /// words, with the template line quoted and a caret under the fault.
    fn render_error(&self, variant: &Variant, e: &handlebars::RenderError) -> Error {
        let position = e
            .line_no
            .map(|l| (variant.line + l - 1, e.column_no.unwrap_or(1).max(1)));
        // The variant's own lines, so the caret sits under the fault.
        let quoted = match (position, self.sources.get(&variant.id())) {
            (Some((line, col)), Some(body)) => {
                let local = line + 1 - variant.line;
                crate::error::caret(body, local, col).replacen(
                    &format!("{local} |"),
                    &format!("{line} |"),
                    1,
                )
            }
            _ => String::new(),
        };
        Error::single(
            ErrorKind::Render,
            format!("{}/{}", self.label, variant.file),
            Diagnostic {
                path: variant.id(),
                position,
                message: format!(
                    "template failed to render: {}\n{quoted}",
                    render_reason(e.reason())
                )
                .trim_end()
                .to_string(),
            },
        )
    }

    /// A variant's compiled template, compiled on first use; none for an
    /// unknown id.
    fn template(
        &self,
        id: &str,
    ) -> Option<std::result::Result<&(Template, bool), handlebars::TemplateError>> {
        let (cell, source) = self.templates.get(id).zip(self.sources.get(id))?;
        if let Some(t) = cell.get() {
            return Some(Ok(t));
        }
        Some(compile::compile(source, id.to_string()).map(|t| {
            cell.get_or_init(|| {
                let partials = uses_partials(&t);
                (t, partials)
            })
        }))
    }
}

/// How a phrasebank is loaded.
struct Load {
    compile: Compile,
    /// Each file's variants, found when the binary was built (the
    /// built-in phrasebank, parallel to its files); none to find them in
    /// the text.
    index: Option<&'static [&'static [builtin::Row]]>,
}

/// One variant as its file holds it.
struct Piece<'t> {
    /// The line it starts on.
    line: usize,
    body: &'t str,
    /// All printable ASCII, tabs and line ends (see [`split::is_plain`]).
    plain: bool,
    claims: Vec<String>,
}

/// A file's variants, found in its text.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    split_variants(text)
        .into_iter()
        .map(|(line, body)| Piece {
            line,
            body,
            plain: split::is_plain(body),
            claims: declared_claims(body),
        })
        .collect()
}

/// A file's variants from its build-time index.
fn indexed<'t>(text: &'t str, rows: &[builtin::Row]) -> Vec<Piece<'t>> {
    rows.iter()
        .map(|&(line, start, end, plain, claims)| Piece {
            line,
            body: &text[start..end],
            plain,
            claims: claims.iter().map(|c| c.to_string()).collect(),
        })
        .collect()
}

/// When a phrasebank's templates are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compile {
    /// All of them as it loads, each fault reported.
    Now,
    /// Each when first rendered.
    Lazily,
}

/// The most text one variant may render to: far above any paragraph.
pub const MAX_RENDERED_BYTES: usize = 64 * 1024;

/// Rendered text, grown as needed (handlebars' own output starts at 8 KiB
/// for a sentence of a hundred or two bytes), refusing to grow past
/// [`MAX_RENDERED_BYTES`] (keeping one byte more, so the caller can tell
/// the cap was hit): no template (say, one looping over a long list) can
/// fill memory.
struct Text(String);

impl Output for Text {
    fn write(&mut self, seg: &str) -> std::io::Result<()> {
        if self.0.len() + seg.len() > MAX_RENDERED_BYTES {
            self.0.extend(std::iter::repeat_n(
                ' ',
                MAX_RENDERED_BYTES + 1 - self.0.len(),
            ));
            return Err(std::io::Error::other("rendered text too long"));
        }
        self.0.push_str(seg);
        Ok(())
    }

    fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
        match args.as_str() {
            Some(text) => self.write(text),
            None => self.write(&args.to_string()),
        }
    }
}

/// The problem reported for a variant that uses a partial.
fn partial_problem(path: &str, start_line: usize, body: &str) -> Diagnostic {
    let at = partial_at(body);
    Diagnostic {
        path: path.to_string(),
        position: Some((start_line + at.0 - 1, at.1)),
        message: "a partial ({{> name}}, {{#> name}} or {{#*inline}}); expected plain text, slots and helpers only: a partial can include itself, or itself twice at every level, and never end".to_string(),
    }
}

/// Whether a compiled template includes a partial or defines an inline
/// one, at any depth. Partials are left out of the phrasebank language:
/// none of the shipped templates needs one, and with them a desk's file
/// could recurse until the stack overflows, or double at every level
/// until memory runs out (handlebars bounds neither).
fn uses_partials(t: &handlebars::Template) -> bool {
    use handlebars::template::TemplateElement as E;
    t.elements.iter().any(|e| match e {
        E::PartialExpression(_) | E::PartialBlock(_) => true,
        E::DecoratorExpression(_) | E::DecoratorBlock(_) => true,
        E::HelperBlock(h) => {
            h.template.as_ref().is_some_and(uses_partials)
                || h.inverse.as_ref().is_some_and(uses_partials)
        }
        _ => false,
    })
}

/// Line and column (1-based, within the variant) of the first partial or
/// decorator tag, or the variant's start when none is found by text.
fn partial_at(body: &str) -> (usize, usize) {
    let mut best = None;
    for (i, _) in body.match_indices("{{") {
        let rest = body[i + 2..].trim_start_matches(['~', ' ']);
        if rest.starts_with('>')
            || rest.starts_with("#>")
            || rest.starts_with("#*")
            || rest.starts_with('*')
        {
            best = Some(i);
            break;
        }
    }
    best.map_or((1, 1), |i| crate::input::locate::line_col(body, i))
}

/// A compile error in an editor's words, without the parser's grammar.
fn compile_reason(reason: &handlebars::TemplateErrorReason) -> String {
    use handlebars::TemplateErrorReason as R;
    match reason {
        R::InvalidSyntax(_) => {
            "the {{ }} syntax is broken here: a tag not closed, a block ({{#if}}, {{#each}}) without its {{/if}}, or a stray brace".to_string()
        }
        R::MismatchingClosedHelper(open, close) => {
            format!("{{{{#{open}}}}} is closed by {{{{/{close}}}}}; expected {{{{/{open}}}}}")
        }
        R::InvalidParam(p) => format!("\"{p}\" is not a valid helper argument"),
        other => other.to_string(),
    }
}

/// A render error in an editor's words, never Rust's debug text.
fn render_reason(reason: &handlebars::RenderErrorReason) -> String {
    use handlebars::RenderErrorReason as R;
    match reason {
        R::MissingVariable(Some(name)) => {
            format!("unknown slot `{name}`: this message does not receive it")
        }
        R::MissingVariable(None) => "a slot this message does not receive".to_string(),
        R::HelperNotFound(name) => format!("unknown helper \"{name}\""),
        R::Other(text) => text.clone(),
        other => other
            .to_string()
            .replace("Some(\"", "\"")
            .replace("\")", "\""),
    }
}

/// FNV-1a over the language's file paths and texts, in path order.
fn fingerprint<T: AsRef<str>>(language: &str, files: &[(String, T)]) -> String {
    let mut sorted: Vec<(&str, &str)> = files
        .iter()
        .filter(|(p, _)| p.starts_with(&format!("{language}/")))
        .map(|(p, t)| (p.as_str(), t.as_ref()))
        .collect();
    sorted.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, text) in sorted {
        for b in path.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{language}-{:08x}", h >> 32)
}

/// The built-in phrasebank's fingerprint for `language`, worked out when
/// the binary was built (see build.rs); none for a language it lacks.
fn builtin_fingerprint(language: &str) -> Option<String> {
    builtin::FINGERPRINTS
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, version)| version.to_string())
}

fn read_tree(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        // The entry's own type, not its target's: a symbolic link could
        // reach files outside the folder (or loop), and a FIFO or device
        // would block or never end.
        let kind = entry.file_type()?;
        if kind.is_symlink() || !(kind.is_dir() || kind.is_file()) {
            let what = if kind.is_symlink() {
                "a symbolic link"
            } else {
                "not a regular file"
            };
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "{} is {what}; expected only folders and regular files inside the phrasebank",
                    path.display()
                ),
            ));
        }
        if kind.is_dir() {
            read_tree(root, &path, files)?;
        } else if path.extension().is_some_and(|e| e == "hbs" || e == "json") {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let text = crate::input::read_limited(std::fs::File::open(&path)?)?;
            files.push((rel, text));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_fingerprint_made_at_build_time_is_the_run_time_one() {
        assert!(!builtin::FINGERPRINTS.is_empty());
        for (language, version) in builtin::FINGERPRINTS {
            assert_eq!(*version, fingerprint(language, &builtin_files()));
        }
    }

    #[test]
    fn the_built_in_variant_index_made_at_build_time_is_the_run_time_one() {
        assert_eq!(builtin::VARIANTS.len(), builtin::FILES.len());
        let mut count = 0;
        for ((path, text), rows) in builtin::FILES.iter().zip(builtin::VARIANTS) {
            let found = pieces(if path.ends_with(".hbs") { text } else { "" });
            let built = indexed(text, rows);
            assert_eq!(found.len(), built.len(), "{path}");
            for (f, b) in found.iter().zip(&built) {
                assert_eq!(
                    (f.line, f.body, f.plain, &f.claims),
                    (b.line, b.body, b.plain, &b.claims),
                    "{path}"
                );
                assert!(std::ptr::eq(f.body, b.body), "{path}: same slice");
            }
            count += built.len();
        }
        assert!(count > 500, "only {count} variants");
        assert!(
            builtin::VARIANTS
                .iter()
                .flat_map(|rows| rows.iter())
                .any(|row| !row.4.is_empty()),
            "some variant declares claims"
        );
    }

    #[test]
    fn variants_split_on_dashes_with_their_lines() {
        let text = "first {{a}}\n---\nsecond\nline two\n---\n\n";
        let parts = split_variants(text);
        assert_eq!(parts, vec![(1, "first {{a}}\n"), (3, "second\nline two\n")]);
    }

    #[test]
    fn claims_come_from_a_leading_comment() {
        let body =
            "{{!-- Slots: team. --}}\n{{!-- claims: is_final, in_extra_time --}}\nWon {{team}}.\n";
        assert_eq!(declared_claims(body), vec!["is_final", "in_extra_time"]);
        assert!(declared_claims("{{!-- Slots: team. --}}\nWon.").is_empty());
        // A comment after the text is wording, not a declaration.
        assert!(declared_claims("Won.\n{{!-- claims: is_final --}}").is_empty());
        let files = vec![(
            "en/neutral/a.hbs".to_string(),
            "plain\n---\n{{!-- claims: is_final --}}\nfinal".to_string(),
        )];
        let bank = Phrasebank::from_files("t", "en", files).unwrap();
        let v = bank.variants("neutral", "a");
        assert!(v[0].claims.is_empty());
        assert_eq!(v[1].claims, vec!["is_final"]);
        assert_eq!(
            bank.render(&v[1], &serde_json::json!({})).unwrap().trim(),
            "final"
        );
    }

    #[test]
    fn tone_falls_back_to_neutral() {
        let files = vec![
            ("en/neutral/a.hbs".to_string(), "plain".to_string()),
            ("en/dramatic/b.hbs".to_string(), "loud".to_string()),
            ("en/neutral/b.hbs".to_string(), "quiet".to_string()),
        ];
        let bank = Phrasebank::from_files("t", "en", files).unwrap();
        assert_eq!(bank.variants("dramatic", "a")[0].tone, "neutral");
        assert_eq!(bank.variants("dramatic", "b")[0].tone, "dramatic");
        for tone in ["neutral", "dramatic", "neutra", "dramatics", "", "wire"] {
            assert_eq!(bank.has_tone(tone), bank.tones().contains(&tone), "{tone}");
        }
    }

    #[test]
    fn every_broken_template_is_reported_with_its_line() {
        let files = vec![
            (
                "en/neutral/a.hbs".to_string(),
                "ok\n---\n{{#if x}}open".to_string(),
            ),
            ("en/neutral/b.hbs".to_string(), "{{/each}}".to_string()),
        ];
        let err = Phrasebank::from_files("t", "en", files).unwrap_err();
        assert_eq!(err.diagnostics.len(), 2);
        assert_eq!(err.diagnostics[0].path, "en/neutral/a.hbs");
        assert_eq!(err.diagnostics[0].position.map(|p| p.0), Some(3));
    }

    #[test]
    fn strict_mode_rejects_a_missing_slot() {
        let files = vec![("en/neutral/a.hbs".to_string(), "{{missing}}".to_string())];
        let bank = Phrasebank::from_files("t", "en", files).unwrap();
        let v = &bank.variants("neutral", "a")[0];
        assert!(bank.render(v, &serde_json::json!({})).is_err());
    }
}
