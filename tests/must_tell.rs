//! The story planner's promises, on every match file in `fixtures/`, in
//! every tone and perspective: every beat at least `must_tell` salient is
//! told in the lead or the Talking Point; a wire lead of a match with up to
//! four goals tells every goal; the Talking Point backs its point with at
//! least two more sentences; Player of the match never rests on a mark
//! shared with others or on "a winning side".

mod common;

use beatwriter::beats::Thresholds;

fn told_in<'r>(r: &'r beatwriter::Report, sections: &[&str]) -> Vec<&'r str> {
    r.sections
        .iter()
        .filter(|s| sections.contains(&s.id.as_str()))
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| &p.sentences)
        .flat_map(|s| s.beats.iter().map(String::as_str))
        .collect()
}

#[test]
fn every_must_tell_beat_and_every_goal_is_told() {
    let must_tell = Thresholds::builtin().must_tell;
    for path in common::all_fixtures() {
        let m = common::load(&path);
        let goals = beatwriter::analysis::Analysis::new(&m).goals().count();
        for (label, r) in common::every_report(&m, &path, 3) {
            let narrative = told_in(&r, &["lead", "talking_point"]);
            for b in r.beats.iter().filter(|b| b.salience >= must_tell) {
                assert!(
                    narrative.contains(&b.id.as_str()),
                    "{label}: must-tell beat {} ({}, {}) is not told",
                    b.id,
                    b.rule,
                    b.salience
                );
            }
            if r.tone == "wire" && goals <= 4 {
                let lead = told_in(&r, &["lead"]);
                for b in r.beats.iter().filter(|b| b.rule == "goal") {
                    assert!(
                        lead.contains(&b.id.as_str()),
                        "{label}: goal {} not in the wire lead",
                        b.id
                    );
                }
            }
            let tp: usize = r
                .sections
                .iter()
                .filter(|s| s.id == "talking_point")
                .flat_map(|s| &s.paragraphs)
                .map(|p| p.sentences.len())
                .sum();
            assert!(tp >= 3, "{label}: the Talking Point has {tp} sentences");
            let pom = r
                .sections
                .iter()
                .filter(|s| s.id == "player_of_match")
                .flat_map(|s| s.paragraphs.iter().map(|p| p.text()))
                .collect::<Vec<_>>()
                .join(" ");
            assert!(!pom.contains("winning side"), "{label}: {pom}");
            assert!(!pom.contains("stood out with a mark"), "{label}: {pom}");
        }
    }
}
