//! The report written straight from the real StatsBomb feed passes the
//! same fact and leak checks as the bundled fixtures, in every tone and for
//! each side.

mod common;

#[test]
fn barcelona_girona_states_only_facts_from_the_feed() {
    let m = common::statsbomb("15986");
    assert_eq!(
        (m.teams.home.name.as_str(), m.teams.away.name.as_str()),
        ("Barcelona", "Girona")
    );
    let checker = common::FactChecker::new(&m);
    for (label, r) in common::every_report(&m, "barca-girona", 20) {
        checker.check(&r, &label);
        common::check_leaks(&r, &label);
        assert_eq!(r.title, "Barcelona 2-2 Girona");
    }
}
