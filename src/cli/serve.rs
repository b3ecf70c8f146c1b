//! `beatwriter serve`: the HTTP service; see [`beatwriter::serve`].

use beatwriter::{Error, ErrorKind, error::Diagnostic, serve};
use clap::Args;
use std::path::PathBuf;
use std::sync::Arc;

/// The help printed after `beatwriter serve --help`.
pub const HELP: &str = "Examples:
  beatwriter serve                           # http://127.0.0.1:8080
  beatwriter serve --listen 0.0.0.0:9000 --phrasebank my-phrasebank/
  curl -s --data-binary @fixtures/eng-fra-2022-wc-qf.json 'localhost:8080/v1/report?format=text'

Endpoints: POST /v1/report, /v1/validate, /v1/check, /v1/import/statsbomb; GET /healthz,
/v1/phrasebank. Bad input is answered with HTTP 422 and the same diagnostics as the command
line, as JSON. SIGTERM or Ctrl-C stops the service after the requests in flight. See docs/api.md.";

/// Options of `beatwriter serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port, printed on start).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: String,
    /// A desk's edited phrasebank directory instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    phrasebank: Option<PathBuf>,
    /// A desk's thresholds file instead of the built-in rules/thresholds.json.
    #[arg(long, value_name = "FILE")]
    thresholds: Option<String>,
    /// Largest request body accepted, in bytes (larger ones get HTTP 413).
    #[arg(long, value_name = "BYTES", default_value_t = serve::DEFAULT_BODY_LIMIT)]
    max_body: usize,
    /// Worker threads for the service (default: every core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

/// Serves until SIGTERM or Ctrl-C.
pub fn run(args: ServeArgs) -> Result<u8, Error> {
    let (label, files) = match &args.phrasebank {
        Some(dir) => (
            dir.display().to_string(),
            beatwriter::phrasebank::dir_files(dir)?,
        ),
        None => (
            beatwriter::phrasebank::BUILTIN_LABEL.to_string(),
            beatwriter::phrasebank::builtin_files(),
        ),
    };
    let thresholds = match &args.thresholds {
        None => beatwriter::beats::Thresholds::builtin(),
        Some(p) => beatwriter::beats::Thresholds::parse(p, &beatwriter::input::read_source(p)?)?,
    };
    let service = Arc::new(serve::Service::new(&label, files, thresholds)?);
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = args.threads {
        runtime.worker_threads(n.max(1));
    }
    let runtime = runtime
        .enable_io()
        .build()
        .map_err(|e| failure(ErrorKind::Render, "", format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .map_err(|e| failure(ErrorKind::Io, &args.listen, format!("cannot listen: {e}")))?;
        let address = listener
            .local_addr()
            .map_or(args.listen.clone(), |a| a.to_string());
        eprintln!("beatwriter: listening on http://{address}");
        serve::serve(listener, service, args.max_body)
            .await
            .map_err(|e| failure(ErrorKind::Io, &address, format!("the service failed: {e}")))
    })?;
    eprintln!("beatwriter: stopped");
    Ok(0)
}

fn failure(kind: ErrorKind, file: &str, message: String) -> Error {
    Error::single(kind, file, Diagnostic::new("", message))
}
