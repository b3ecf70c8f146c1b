//! The report written straight from the real StatsBomb feed passes the
//! same fact and leak checks as the bundled fixtures, in every tone and for
//! each side.

mod common;

use beatwriter::Options;
use beatwriter::import::{ImportOptions, statsbomb};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/statsbomb")
        .join(name)
}

#[test]
fn barcelona_girona_states_only_facts_from_the_feed() {
    let options = ImportOptions {
        events: data("15986_events.json"),
        lineups: data("15986_lineups.json"),
        match_file: Some(data("15986_match.json")),
        context: None,
        lenient: false,
    };
    let m = statsbomb::import(&options)
        .unwrap_or_else(|e| panic!("{e}"))
        .m;
    let checker = common::FactChecker::new(&m);
    for tone in ["neutral", "wire", "dramatic"] {
        for team in [None, Some("Barcelona"), Some("Girona")] {
            for seed in 0..20 {
                let o = Options {
                    seed,
                    tone: tone.into(),
                    perspective: team.map(str::to_string),
                    ..Options::default()
                };
                let r = common::write(&m, &o);
                let label = format!("barca-girona {tone} {team:?} seed {seed}");
                checker.check(&r, &label);
                common::check_leaks(&r, &label);
                assert_eq!(r.title, "Barcelona 2-2 Girona");
            }
        }
    }
}
