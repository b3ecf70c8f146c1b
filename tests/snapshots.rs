//! Golden reports: each fixture's full text report at the default seed.
//! A change to any wording shows up here as a diff to review line by line
//! (`INSTA_UPDATE=always cargo test --test snapshots`, then read the diff).

mod common;

use beatwriter::{Options, output};

fn snapshot(name: &str) {
    let m = common::load(&format!("fixtures/{name}.json"));
    let report = common::write(&m, &Options::default());
    insta::assert_snapshot!(name, output::text(&report));
}

#[test]
fn eng_fra_2022_wc_qf() {
    snapshot("eng-fra-2022-wc-qf");
}

#[test]
fn eng_sco_2021_euro_group() {
    snapshot("eng-sco-2021-euro-group");
}

#[test]
fn ger_swe_2018_wc_group() {
    snapshot("ger-swe-2018-wc-group");
}

#[test]
fn arg_fra_2022_wc_final() {
    snapshot("arg-fra-2022-wc-final");
}
