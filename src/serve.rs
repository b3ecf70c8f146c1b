//! `beatwriter serve`: the library as an HTTP service, for a CMS that
//! would rather call than spawn a process.
//!
//! The phrasebank is loaded once when the service starts and shared by
//! every request. Writing is CPU work, so each request runs on tokio's
//! blocking pool and requests are served concurrently. Errors carry the
//! same diagnostics as the command line, as JSON, with HTTP 422 for bad
//! input (500 for a failure of our own). `docs/api.md` documents every
//! endpoint with curl examples.

use crate::error::{Diagnostic, Error, ErrorKind};
use crate::model::Match;
use crate::phrasebank::Phrasebank;
use crate::report::Options;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::{Arc, OnceLock};

/// The largest request body accepted by default: a full StatsBomb feed
/// (events, line-ups, match entry) is a few MiB.
pub const DEFAULT_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// What every request shares.
pub struct Service {
    bank: Phrasebank,
    /// The files the phrasebank was built from, for its coverage.
    files: Vec<(String, String)>,
    thresholds: crate::beats::Thresholds,
    coverage: OnceLock<serde_json::Value>,
}

impl Service {
    /// A service writing with the phrasebank built from `files` (as
    /// [`Phrasebank::from_files`]) and the given thresholds.
    pub fn new(
        label: &str,
        files: Vec<(String, String)>,
        thresholds: crate::beats::Thresholds,
    ) -> crate::Result<Self> {
        let bank = Phrasebank::from_files(label, "en", files.clone())?;
        Ok(Service {
            bank,
            files,
            thresholds,
            coverage: OnceLock::new(),
        })
    }
}

/// The routes, with a request body limit of `body_limit` bytes.
pub fn router(service: Arc<Service>, body_limit: usize) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/v1/phrasebank", get(phrasebank))
        .route("/v1/report", post(report))
        .route("/v1/validate", post(validate))
        .route("/v1/check", post(check))
        .route("/v1/import/statsbomb", post(import_statsbomb))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(service)
}

/// Serves on `listener` until SIGTERM or Ctrl-C, then finishes the
/// requests in flight and returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    service: Arc<Service>,
    body_limit: usize,
) -> std::io::Result<()> {
    axum::serve(listener, router(service, body_limit))
        .with_graceful_shutdown(shutdown())
        .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// A failure as a response: the diagnostics as JSON.
struct Failure(Error);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let e = self.0;
        let status = match e.kind {
            ErrorKind::Phrasebank | ErrorKind::Render => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        (status, axum::Json(error_json(&e))).into_response()
    }
}

/// `{"error": {"kind", "file", "message", "diagnostics": [{path, line,
/// column, message}]}}`; `message` is the CLI's text.
pub fn error_json(e: &Error) -> serde_json::Value {
    let diagnostics: Vec<serde_json::Value> = e
        .diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "path": d.path,
                "line": d.position.map(|p| p.0),
                "column": d.position.map(|p| p.1),
                "message": d.message,
            })
        })
        .collect();
    serde_json::json!({
        "error": {
            "kind": format!("{:?}", e.kind).to_lowercase(),
            "file": e.file,
            "message": e.to_string(),
            "diagnostics": diagnostics,
        }
    })
}

fn bad_request(message: String) -> Failure {
    Failure(Error::single(
        ErrorKind::Usage,
        "request",
        Diagnostic::new("", message),
    ))
}

/// Runs CPU work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(bad_internal(format!("the request's worker failed: {e}"))))
}

fn bad_internal(message: String) -> Failure {
    Failure(Error::single(
        ErrorKind::Render,
        "",
        Diagnostic::new("", message),
    ))
}

/// Report options, from the query string or the body's `options`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// Tone folder (`neutral`, `wire`, `dramatic`).
    pub tone: Option<String>,
    /// Write for one side's supporters.
    pub perspective: Option<String>,
    /// Seed for the wording.
    pub seed: Option<u64>,
    /// Sections to re-roll, comma-separated in a query.
    pub sections: Option<Sections>,
    /// `json` (default), `text`, `markdown` or `html`.
    pub format: Option<String>,
}

/// Sections to re-roll: a list in JSON, comma-separated in a query.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Sections {
    /// `["lead", "talking_point"]`.
    List(Vec<String>),
    /// `lead,talking_point`.
    Joined(String),
}

impl ReportQuery {
    /// `other`'s settings over this one's.
    fn or(self, other: ReportQuery) -> ReportQuery {
        ReportQuery {
            tone: other.tone.or(self.tone),
            perspective: other.perspective.or(self.perspective),
            seed: other.seed.or(self.seed),
            sections: other.sections.or(self.sections),
            format: other.format.or(self.format),
        }
    }
}

/// A body that is the match itself, or `{"match": MATCH, "options": {...}}`
/// (what `/v1/import/statsbomb` answers, so its answer can be posted on).
struct MatchBody {
    text: String,
    options: ReportQuery,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, rename = "match")]
    game: &'a RawValue,
    #[serde(default)]
    options: Option<ReportQuery>,
}

fn match_body(body: &str) -> Result<MatchBody, Failure> {
    #[derive(Deserialize)]
    struct Probe {
        schema: Option<serde::de::IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct EnvelopeProbe {
        #[serde(rename = "match")]
        game: Option<serde::de::IgnoredAny>,
    }
    let is_match = serde_json::from_str::<Probe>(body).is_ok_and(|p| p.schema.is_some());
    let is_envelope =
        !is_match && serde_json::from_str::<EnvelopeProbe>(body).is_ok_and(|p| p.game.is_some());
    if is_envelope {
        let envelope: Envelope = serde_json::from_str(body).map_err(|e| {
            bad_request(format!(
                "expected {{\"match\": MATCH, \"options\": {{tone, perspective, seed, sections, format}}}}: {e}"
            ))
        })?;
        return Ok(MatchBody {
            text: envelope.game.get().to_string(),
            options: envelope.options.unwrap_or_default(),
        });
    }
    Ok(MatchBody {
        text: body.to_string(),
        options: ReportQuery::default(),
    })
}

fn load(text: &str) -> Result<Match, Failure> {
    crate::input::load_str("request", text).map_err(Failure)
}

async fn report(
    State(service): State<Arc<Service>>,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
    body: String,
) -> Result<Response, Failure> {
    let Query(query) = query.map_err(|e| bad_request(format!("bad query: {}", e.body_text())))?;
    blocking(move || {
        let body = match_body(&body)?;
        let q = query.or(body.options);
        let m = load(&body.text)?;
        let defaults = Options::default();
        let options = Options {
            seed: q.seed.unwrap_or(defaults.seed),
            tone: q.tone.unwrap_or(defaults.tone.clone()),
            perspective: q.perspective,
            sections: match q.sections {
                None => Vec::new(),
                Some(Sections::List(list)) => list,
                Some(Sections::Joined(s)) => s.split(',').map(str::to_string).collect(),
            },
            thresholds: service.thresholds.clone(),
            ..defaults
        };
        let format = q.format.as_deref().unwrap_or("json");
        let content_type = content_type(format)?;
        let report =
            crate::report::write_report_with(&m, &options, &service.bank).map_err(Failure)?;
        let text = match format {
            "text" => crate::output::text(&report),
            "markdown" => crate::output::markdown(&report),
            "html" => {
                crate::output::html::page(&crate::output::provenance::view(&report, &m, "request"))
            }
            _ => crate::output::json(&report, &m, "request"),
        };
        Ok(([(header::CONTENT_TYPE, content_type)], text).into_response())
    })
    .await
}

fn content_type(format: &str) -> Result<&'static str, Failure> {
    Ok(match format {
        "json" => "application/json",
        "text" => "text/plain; charset=utf-8",
        "markdown" => "text/markdown; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        other => {
            return Err(bad_request(format!(
                "no format called \"{other}\"; expected json, text, markdown or html"
            )));
        }
    })
}

async fn validate(body: String) -> Result<Response, Failure> {
    blocking(move || {
        let m = load(&match_body(&body)?.text)?;
        Ok(axum::Json(serde_json::json!({
            "ok": true,
            "home": m.teams.home.name,
            "away": m.teams.away.name,
            "events": m.events.len(),
        }))
        .into_response())
    })
    .await
}

#[derive(Deserialize)]
struct CheckBody<'a> {
    draft: String,
    #[serde(borrow, rename = "match")]
    game: &'a RawValue,
}

async fn check(State(service): State<Arc<Service>>, body: String) -> Result<Response, Failure> {
    blocking(move || {
        let parsed: CheckBody = serde_json::from_str(&body).map_err(|e| {
            bad_request(format!(
                "expected {{\"draft\": TEXT, \"match\": MATCH}}: {e}"
            ))
        })?;
        let m = load(parsed.game.get())?;
        let findings = crate::check::check(&parsed.draft, &m, &service.bank).map_err(Failure)?;
        let listed: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                serde_json::json!({"line": f.line, "problem": f.problem, "data_says": f.data_says})
            })
            .collect();
        Ok(axum::Json(serde_json::json!({
            "ok": findings.is_empty(),
            "findings": listed,
        }))
        .into_response())
    })
    .await
}

#[derive(Deserialize)]
struct StatsbombBody<'a> {
    #[serde(borrow)]
    events: &'a RawValue,
    #[serde(borrow)]
    lineups: &'a RawValue,
    #[serde(borrow, default, rename = "match")]
    entry: Option<&'a RawValue>,
    #[serde(borrow, default)]
    context: Option<&'a RawValue>,
    #[serde(default)]
    lenient: bool,
}

async fn import_statsbomb(body: String) -> Result<Response, Failure> {
    blocking(move || {
        let parsed: StatsbombBody = serde_json::from_str(&body).map_err(|e| {
            bad_request(format!(
                "expected {{\"events\": [...], \"lineups\": [...], \"match\": [...]}}: {e}"
            ))
        })?;
        // A match entry may come as the object or as the matches file's
        // one-element array.
        let entry = parsed.entry.map(|e| {
            let text = e.get();
            if text.trim_start().starts_with('{') {
                format!("[{text}]")
            } else {
                text.to_string()
            }
        });
        let feed = crate::import::statsbomb::Feed {
            events: ("events", parsed.events.get()),
            lineups: ("lineups", parsed.lineups.get()),
            match_entry: entry.as_deref().map(|t| ("match", t)),
            context: parsed.context.map(|c| ("context", c.get())),
            lenient: parsed.lenient,
        };
        let imported = crate::import::statsbomb::import_feed(&feed).map_err(Failure)?;
        // Serialised straight from the model (not through a `Value`), so
        // numbers print exactly as `beatwriter import` prints them.
        #[derive(serde::Serialize)]
        struct Answer<'a> {
            #[serde(rename = "match")]
            game: &'a Match,
            warnings: &'a [String],
            ignored: &'a std::collections::BTreeMap<String, usize>,
        }
        Ok(axum::Json(Answer {
            game: &imported.m,
            warnings: &imported.warnings,
            ignored: &imported.ignored,
        })
        .into_response())
    })
    .await
}

async fn phrasebank(State(service): State<Arc<Service>>) -> Response {
    let coverage = service.coverage.get_or_init(|| {
        let lint = crate::lint::lint("phrasebank", "en", service.files.clone());
        serde_json::json!({
            "version": service.bank.version(),
            "tones": service.bank.tones(),
            "coverage": lint.coverage,
        })
    });
    axum::Json(coverage.clone()).into_response()
}
