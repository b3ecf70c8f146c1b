//! The library as a desk's program meets it: one phrasebank shared by
//! threads, many reports, imports from bytes already in memory.

use beatwriter::import::{ImportOptions, statsbomb};
use beatwriter::phrasebank::Phrasebank;
use beatwriter::report::write_report_with;
use beatwriter::{Options, input, output};
use std::path::PathBuf;

#[test]
fn threads_share_one_phrasebank_and_write_what_one_thread_writes() {
    let bank = Phrasebank::builtin("en").unwrap();
    let m = input::load_path("fixtures/arg-fra-2022-wc-final.json").unwrap();
    let write = |seed| {
        let options = Options {
            seed,
            ..Options::default()
        };
        output::text(&write_report_with(&m, &options, &bank).unwrap())
    };
    let alone: Vec<String> = (0..4).map(write).collect();
    let together: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|seed| s.spawn(move || write(seed))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(alone, together);
    assert_ne!(alone[0], alone[1], "seeds should change the wording");
}

#[test]
fn a_report_from_the_shared_phrasebank_is_the_one_write_report_writes() {
    let bank = Phrasebank::builtin("en").unwrap();
    let m = input::load_path("fixtures/ger-swe-2018-wc-group.json").unwrap();
    for tone in ["neutral", "wire", "dramatic"] {
        let options = Options {
            tone: tone.to_string(),
            ..Options::default()
        };
        assert_eq!(
            write_report_with(&m, &options, &bank).unwrap(),
            beatwriter::write_report(&m, &options).unwrap()
        );
    }
}

#[test]
fn a_statsbomb_feed_in_memory_imports_as_the_files_do() {
    let path = |f: &str| PathBuf::from(format!("data/statsbomb/15986_{f}.json"));
    let from_files = statsbomb::import(&ImportOptions {
        events: path("events"),
        lineups: path("lineups"),
        match_file: Some(path("match")),
        context: None,
        lenient: false,
    })
    .unwrap();
    let text = |f: &str| std::fs::read_to_string(path(f)).unwrap();
    let (events, lineups, entry) = (text("events"), text("lineups"), text("match"));
    let feed = statsbomb::Feed {
        events: ("events.json", &events),
        lineups: ("lineups.json", &lineups),
        match_entry: Some(("match.json", &entry)),
        context: None,
        lenient: false,
    };
    let in_memory = statsbomb::import_feed(&feed).unwrap();
    assert_eq!(in_memory.m, from_files.m);
    assert_eq!(in_memory.warnings, from_files.warnings);
    // Errors name what the caller called each text.
    let broken = statsbomb::Feed {
        lineups: ("lineups.json", "[1, 2]"),
        ..feed
    };
    let e = statsbomb::import_feed(&broken).unwrap_err();
    assert_eq!(e.file, "lineups.json");
}
