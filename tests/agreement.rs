//! Teams take the verb house style gives them: plural in British style
//! ("France are", "England were"), the phrasebank's own `style.json`
//! default; singular when a style says `"team_verbs": "singular"`
//! (American style: "France is"). The templates write the verb with
//! `{{verb team "are" "is"}}`, never by hand.

mod common;

use beatwriter::model::Match;
use beatwriter::phrasebank::Phrasebank;

/// The built-in phrasebank with its style's `team_verbs` set to `rule`.
fn bank_with_team_verbs(rule: &str) -> Phrasebank {
    let files = beatwriter::phrasebank::builtin_files()
        .into_iter()
        .map(|(path, text)| {
            if path.ends_with("style.json") {
                let mut style: serde_json::Value = serde_json::from_str(&text).unwrap();
                style["default"]["team_verbs"] = rule.into();
                (path, style.to_string())
            } else {
                (path, text)
            }
        })
        .collect();
    Phrasebank::from_files("team verbs", "en", files).unwrap_or_else(|e| panic!("{e}"))
}

/// Every "Team verb" a report writes after a team's name or nickname.
fn team_verbs(m: &Match, text: &str) -> Vec<(String, String)> {
    let mut names: Vec<&str> = vec![&m.teams.home.name, &m.teams.away.name];
    for t in [&m.teams.home, &m.teams.away] {
        names.extend(t.nicknames.iter().map(String::as_str));
    }
    let verbs = ["are", "were", "have", "is", "was", "has"];
    let mut out = Vec::new();
    for name in names {
        for (at, _) in text.match_indices(name) {
            // "The burst of goals from Liverpool was...": the team is the
            // object of a preposition, not the subject.
            let before = text[..at].split_whitespace().next_back().unwrap_or("");
            if [
                "from", "for", "of", "by", "against", "to", "over", "with", "and",
            ]
            .contains(&before.to_lowercase().as_str())
            {
                continue;
            }
            let after = &text[at + name.len()..];
            let Some(word) = after.strip_prefix(' ').and_then(|a| a.split(' ').next()) else {
                continue;
            };
            if verbs.contains(&word) {
                out.push((name.to_string(), word.to_string()));
            }
        }
    }
    out
}

/// The team verbs of every fixture's reports in every tone and
/// perspective, written with `bank`.
fn verbs_written(bank: &Phrasebank) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in common::all_fixtures() {
        let m = common::load(&path);
        for (_, r) in common::every_report_with(&m, &path, 3, bank) {
            // Key stats are the desk's own sentences, printed as
            // written ("Liverpool were 3-0 down at half-time").
            let text: Vec<&str> = common::sentences(&r)
                .into_iter()
                .filter(|(_, s)| !s.message.starts_with("key_stats"))
                .map(|(_, s)| s.text.as_str())
                .collect();
            out.extend(team_verbs(&m, &text.join("\n")));
        }
    }
    out
}

#[test]
fn teams_take_plural_verbs_in_british_style() {
    let verbs = verbs_written(common::bank());
    let singular: Vec<_> = verbs
        .iter()
        .filter(|(_, v)| ["is", "was", "has"].contains(&v.as_str()))
        .collect();
    assert!(singular.is_empty(), "{singular:?}");
    assert!(
        verbs.iter().any(|(_, v)| v == "are") && verbs.iter().any(|(_, v)| v == "were"),
        "no team ever took a verb: the test checks nothing: {verbs:?}"
    );
}

#[test]
fn an_american_style_makes_teams_singular() {
    let verbs = verbs_written(&bank_with_team_verbs("singular"));
    let plural: Vec<_> = verbs
        .iter()
        .filter(|(_, v)| ["are", "were"].contains(&v.as_str()))
        .collect();
    assert!(plural.is_empty(), "{plural:?}");
    assert!(
        verbs.iter().any(|(_, v)| v == "is") && verbs.iter().any(|(_, v)| v == "was"),
        "no team ever took a verb: {verbs:?}"
    );
}
