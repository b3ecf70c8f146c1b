//! `beatwriter serve`: the real server binary on a free port, called with
//! a real HTTP client.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_beatwriter"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .strip_prefix("beatwriter: listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line}"))
            .to_string();
        Server {
            child,
            base: address,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An agent that hands back 4xx and 5xx answers instead of failing.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// POSTs `body`; the status and the body of the answer.
fn post(url: &str, body: &str) -> (u16, String) {
    let mut answer = agent().post(url).send(body).unwrap();
    let status = answer.status().as_u16();
    (status, answer.body_mut().read_to_string().unwrap())
}

fn get(url: &str) -> (u16, String) {
    let mut answer = agent().get(url).call().unwrap();
    let status = answer.status().as_u16();
    (status, answer.body_mut().read_to_string().unwrap())
}

fn cli(args: &[&str]) -> String {
    let out = common::beatwriter(args);
    common::assert_ran(&out);
    String::from_utf8(out.stdout).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("fixtures/{name}")).unwrap()
}

const ENG_FRA: &str = "fixtures/eng-fra-2022-wc-qf.json";

#[test]
fn healthz_and_the_phrasebank_coverage() {
    let server = Server::start(&[]);
    assert_eq!(get(&server.url("/healthz")), (200, "ok\n".to_string()));
    let (status, body) = get(&server.url("/v1/phrasebank"));
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        v["tones"].as_array().unwrap().iter().any(|t| t == "wire"),
        "{v}"
    );
    assert!(
        v["coverage"]["lead/opening/result"]["neutral"]
            .as_u64()
            .unwrap()
            > 1
    );
    assert!(v["version"].as_str().unwrap().starts_with("en-"));
}

#[test]
fn a_report_is_the_report_the_command_line_writes() {
    let server = Server::start(&[]);
    let (status, text) = post(
        &server.url("/v1/report?format=text&seed=7&tone=dramatic"),
        &fixture("eng-fra-2022-wc-qf.json"),
    );
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        text,
        cli(&["report", ENG_FRA, "--seed", "7", "--tone", "dramatic"])
    );
    // Options in the body, under the match, say the same.
    let envelope = format!(
        "{{\"match\": {}, \"options\": {{\"tone\": \"wire\", \"seed\": 5, \"perspective\": \"France\", \"format\": \"markdown\", \"sections\": [\"talking_point\"]}}}}",
        fixture("eng-fra-2022-wc-qf.json")
    );
    let (status, markdown) = post(&server.url("/v1/report"), &envelope);
    assert_eq!(status, 200, "{markdown}");
    assert_eq!(
        markdown,
        cli(&[
            "report",
            ENG_FRA,
            "--tone",
            "wire",
            "--seed",
            "5",
            "--for",
            "France",
            "--format",
            "markdown",
            "--section",
            "talking_point"
        ])
    );
    // JSON by default.
    let (status, json) = post(
        &server.url("/v1/report"),
        &fixture("eng-fra-2022-wc-qf.json"),
    );
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["title"], "England 1-2 France");
}

#[test]
fn bad_input_is_422_with_the_cli_diagnostics() {
    let server = Server::start(&[]);
    let broken =
        fixture("eng-fra-2022-wc-qf.json").replacen("\"minute\": 17", "\"minute\": \"x\"", 1);
    assert_ne!(broken, fixture("eng-fra-2022-wc-qf.json"));
    for endpoint in ["/v1/validate", "/v1/report"] {
        let (status, body) = post(&server.url(endpoint), &broken);
        assert_eq!(status, 422, "{endpoint}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        let d = &v["error"]["diagnostics"][0];
        assert!(d["path"].as_str().unwrap().ends_with(".minute"), "{v}");
        assert!(d["line"].as_u64().unwrap() > 1, "{v}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains("minute"),
            "{v}"
        );
    }
    let (status, body) = post(
        &server.url("/v1/report?tone=purple"),
        &fixture("eng-fra-2022-wc-qf.json"),
    );
    assert_eq!(status, 422);
    assert!(body.contains("no tone called"), "{body}");
    // Bad options are 422 with a JSON error too, from the query or the body.
    let (status, body) = post(
        &server.url("/v1/report?seed=soon"),
        &fixture("eng-fra-2022-wc-qf.json"),
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("bad query") && body.contains("seed"),
        "{body}"
    );
    let envelope = format!(
        "{{\"match\": {}, \"options\": {{\"colour\": 1}}}}",
        fixture("eng-fra-2022-wc-qf.json")
    );
    let (status, body) = post(&server.url("/v1/report"), &envelope);
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("unknown field `colour`"), "{body}");
    let (status, body) = post(
        &server.url("/v1/validate"),
        &fixture("ger-swe-2018-wc-group.json"),
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"ok\":true"), "{body}");
}

#[test]
fn check_finds_a_changed_scorer() {
    let server = Server::start(&[]);
    let draft = cli(&["report", ENG_FRA]);
    let body = |draft: &str| {
        serde_json::json!({"draft": draft, "match": serde_json::from_str::<serde_json::Value>(&fixture("eng-fra-2022-wc-qf.json")).unwrap()})
            .to_string()
    };
    let (status, clean) = post(&server.url("/v1/check"), &body(&draft));
    assert_eq!(status, 200, "{clean}");
    assert!(clean.contains("\"ok\":true"), "{clean}");
    let edited = draft.replacen("Aurelien Tchouameni broke", "Antoine Griezmann broke", 1);
    assert_ne!(edited, draft);
    let (status, found) = post(&server.url("/v1/check"), &body(&edited));
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&found).unwrap();
    assert_eq!(v["ok"], false, "{v}");
    assert!(!v["findings"].as_array().unwrap().is_empty());
}

#[test]
fn a_statsbomb_feed_imports_from_the_body_and_reports_on() {
    let server = Server::start(&[]);
    let read = |f: &str| std::fs::read_to_string(format!("data/statsbomb/15986_{f}.json")).unwrap();
    let body = format!(
        "{{\"events\": {}, \"lineups\": {}, \"match\": {}}}",
        read("events"),
        read("lineups"),
        read("match")
    );
    let (status, imported) = post(&server.url("/v1/import/statsbomb"), &body);
    assert_eq!(status, 200, "{imported}");
    let v: serde_json::Value = serde_json::from_str(&imported).unwrap();
    let from_cli: serde_json::Value = serde_json::from_str(&cli(&[
        "import",
        "statsbomb",
        "--events",
        "data/statsbomb/15986_events.json",
        "--lineups",
        "data/statsbomb/15986_lineups.json",
        "--match",
        "data/statsbomb/15986_match.json",
    ]))
    .unwrap();
    assert!(
        v["match"] == from_cli,
        "the imported match differs from `beatwriter import`'s"
    );
    // The import's answer posts straight on to /v1/report.
    let (status, report) = post(&server.url("/v1/report?format=text"), &imported);
    assert_eq!(status, 200, "{report}");
    assert!(report.starts_with("Barcelona"), "{report}");
    let (status, bad) = post(
        &server.url("/v1/import/statsbomb"),
        "{\"events\": [], \"lineups\": [1]}",
    );
    assert_eq!(status, 422, "{bad}");
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let server = Server::start(&["--max-body", "1000"]);
    let (status, _) = post(
        &server.url("/v1/validate"),
        &fixture("eng-fra-2022-wc-qf.json"),
    );
    assert_eq!(status, 413);
    assert_eq!(get(&server.url("/healthz")).0, 200);
}

#[test]
fn concurrent_requests_each_get_their_own_report() {
    let server = Server::start(&[]);
    let url = |seed: u64| server.url(&format!("/v1/report?format=text&seed={seed}"));
    let body = fixture("arg-fra-2022-wc-final.json");
    let expected: Vec<String> = (0..6).map(|s| post(&url(s), &body).1).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..6u64)
            .map(|s| {
                let (url, body) = (url(s), body.clone());
                scope.spawn(move || post(&url, &body))
            })
            .collect();
        for (s, h) in handles.into_iter().enumerate() {
            assert_eq!(h.join().unwrap(), (200, expected[s].clone()));
        }
    });
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let mut server = Server::start(&[]);
    assert_eq!(get(&server.url("/healthz")).0, 200);
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    std::io::Read::read_to_string(server.child.stderr.as_mut().unwrap(), &mut rest).unwrap();
    assert!(rest.contains("beatwriter: stopped"), "{rest}");
}
