//! Opens the review page in headless Chromium, clicks the sentence about the
//! decisive penalty miss and checks the provenance panel shows its rule and
//! evidence; also takes a screenshot to look at (target/review/review.png).
//!
//! Without Chromium the test is skipped with a notice, unless the `CI`
//! environment variable is set, when it fails.

use beatwriter::output::html;
use beatwriter::output::provenance::{ReportView, view};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FIXTURE: &str = "fixtures/eng-fra-2022-wc-qf.json";
const TIMEOUT: Duration = Duration::from_secs(60);

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    for name in [
        "chromium",
        "/usr/bin/chromium",
        "chromium-browser",
        "/usr/bin/chromium-browser",
    ] {
        let ok = Command::new(name)
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(PathBuf::from(name));
        }
    }
    None
}

/// Runs Chromium headless on `page` with `extra` flags, killing it after
/// [`TIMEOUT`]; returns what it printed on standard output.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str], tag: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "chromium-{tag}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let stdout_path = dir.join("stdout");
    let stderr_path = dir.join("stderr");
    let url = format!("file://{}", page.canonicalize().unwrap().display());

    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--virtual-time-budget=3000")
        .args(extra)
        .arg(&url)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).unwrap())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
            panic!("chromium did not finish within {TIMEOUT:?}; killed it. stderr:\n{stderr}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    assert!(
        status.success(),
        "chromium exited with {status}; stderr:\n{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    stdout
}

/// The sentence that tells the decisive penalty miss: the first whose
/// beats include the rule `decisive_penalty_miss` and whose only evidence
/// is the miss itself, else the first with that rule.
fn decisive_miss(view: &ReportView) -> (String, String) {
    let sentences: Vec<_> = view
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flatten()
        .filter(|s| s.beats.iter().any(|b| b.rule == "decisive_penalty_miss"))
        .collect();
    let s = sentences
        .iter()
        .find(|s| s.evidence.len() == 1 && s.evidence[0].id == "e09")
        .or(sentences.first())
        .expect("a sentence expresses the decisive penalty miss");
    (s.id.clone(), s.text.clone())
}

/// The provenance panel's markup in a dumped DOM.
fn provenance_panel(dom: &str) -> &str {
    let start = dom
        .find("id=\"provenance\"")
        .expect("the DOM has the provenance panel");
    let end = start + dom[start..].find("</section>").expect("panel is closed");
    &dom[start..end]
}

#[test]
fn clicking_the_decisive_miss_shows_its_provenance() {
    let Some(browser) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "Chromium is not installed (tried chromium, /usr/bin/chromium, chromium-browser); \
                 CI must install it: apt-get install -y chromium"
            );
        }
        eprintln!(
            "notice: Chromium not found; skipping the browser test (set CI to make this fail)"
        );
        return;
    };

    let m = beatwriter::input::load_path(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let report = beatwriter::write_report(&m, &beatwriter::Options::default()).unwrap();
    let view = view(&report, &m, FIXTURE);
    let page = html::page(&view);
    let (id, text) = decisive_miss(&view);

    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/review");
    std::fs::create_dir_all(&out).unwrap();
    let plain = out.join("eng-fra.html");
    std::fs::write(&plain, &page).unwrap();
    let clicked = out.join("eng-fra-clicked.html");
    let script =
        format!("<script>document.querySelector('[data-sentence=\"{id}\"]').click();</script>\n");
    std::fs::write(&clicked, format!("{page}{script}")).unwrap();

    // Before any click the panel says nothing about any beat.
    let dom = run_chromium(&browser, &plain, &["--dump-dom"], "plain");
    let panel = provenance_panel(&dom);
    assert!(panel.contains("No sentence selected."), "{panel}");
    assert!(!panel.contains("decisive_penalty_miss"), "{panel}");

    // After the click it shows the sentence, its rule and its evidence.
    let dom = run_chromium(&browser, &clicked, &["--dump-dom"], "clicked");
    let panel = provenance_panel(&dom);
    assert!(panel.contains("decisive_penalty_miss"), "{panel}");
    assert!(panel.contains("e09"), "{panel}");
    assert!(panel.contains("84'"), "{panel}");
    assert!(panel.contains("e09 · 84' · penalty_missed"), "{panel}");
    let serialised = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(panel.contains(&serialised), "{panel}");
    assert!(
        dom.contains(&format!(
            "<span class=\"sentence selected\" data-sentence=\"{id}\" tabindex=\"0\">"
        )),
        "the clicked sentence is not marked selected"
    );

    // A screenshot of the clicked page, to look at.
    let png = out.join("review.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &browser,
        &clicked,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,1100",
        ],
        "screenshot",
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "screenshot is only {} bytes",
        bytes.len()
    );
}
