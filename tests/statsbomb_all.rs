//! Every StatsBomb match shipped in data/statsbomb imports under the
//! hardened checks (match logic included) and reports with the score the
//! feed gives; 22924, whose feed has a Shot without an outcome, imports
//! with --lenient only, and says what it skipped.

use beatwriter::import::{ImportOptions, statsbomb};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    let plain = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/statsbomb")
        .join(name);
    if plain.exists() {
        plain
    } else {
        plain.with_file_name(format!("{name}.gz"))
    }
}

#[test]
fn every_shipped_match_imports_and_reports_its_score() {
    let ids = [
        "15986", "18236", "19714", "22921", "22924", "22943", "3773387", "7298", "7430", "7443",
        "7444", "7445", "7451", "7456", "8658",
    ];
    for id in ids {
        let lenient = id == "22924";
        let match_file = data(&format!("{id}_match.json"));
        let imported = statsbomb::import(&ImportOptions {
            events: data(&format!("{id}_events.json")),
            lineups: data(&format!("{id}_lineups.json")),
            match_file: Some(match_file.clone()),
            context: None,
            lenient,
        })
        .unwrap_or_else(|e| panic!("{id}:\n{e}"));
        if lenient {
            assert!(
                imported
                    .warnings
                    .iter()
                    .any(|w| w.contains("no shot.outcome")),
                "{id}: {:?}",
                imported.warnings
            );
        }
        let info: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&match_file).unwrap()).unwrap();
        let m = &imported.m;
        let score = m.result.after_extra_time.unwrap_or(m.result.full_time);
        assert_eq!(
            (u64::from(score.home), u64::from(score.away)),
            (
                info[0]["home_score"].as_u64().unwrap(),
                info[0]["away_score"].as_u64().unwrap()
            ),
            "{id}"
        );
        let report = beatwriter::write_report(m, &beatwriter::Options::default())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let want = format!(
            "{} {}-{} {}",
            m.teams.home.name, score.home, score.away, m.teams.away.name
        );
        assert!(report.title.starts_with(&want), "{id}: {}", report.title);
    }
}
