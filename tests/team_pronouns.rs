//! A team's pronouns follow house style with its verbs: "they", "their"
//! with "are" in British style (the phrasebank's default), "it", "its"
//! with "is" when `style.json` makes teams singular (American style).

use beatwriter::phrasebank::Phrasebank;
use serde_json::json;

/// The built-in phrasebank with `team_verbs` set to `rule` for the wire
/// tone only, and one extra message using every team-pronoun helper.
fn bank(rule: &str) -> Phrasebank {
    let mut files: Vec<(String, String)> = beatwriter::phrasebank::builtin_files()
        .into_iter()
        .map(|(path, text)| {
            if path.ends_with("style.json") {
                let mut style: serde_json::Value = serde_json::from_str(&text).unwrap();
                style["tones"]["wire"]["team_verbs"] = rule.into();
                (path, style.to_string())
            } else {
                (path, text)
            }
        })
        .collect();
    files.push((
        "en/neutral/lead/pronoun_probe.hbs".into(),
        "{{they team cap=true}} {{verb team \"are\" \"is\"}} through: {{their team}} \
         defence held and nobody beat {{them team}}; {{they team}} beat {{themselves team}} once."
            .into(),
    ));
    Phrasebank::from_files("team pronouns", "en", files).unwrap_or_else(|e| panic!("{e}"))
}

fn render(bank: &Phrasebank, tone: &str) -> String {
    let variant = &bank.variants(tone, "lead/pronoun_probe")[0];
    bank.render(variant, &json!({"team": "france", "_tone": tone}))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn british_style_teams_are_they() {
    let b = bank("plural");
    for tone in ["neutral", "wire"] {
        assert_eq!(
            render(&b, tone),
            "They are through: their defence held and nobody beat them; they beat themselves once."
        );
    }
}

#[test]
fn american_style_teams_are_it_as_their_verbs_are_singular() {
    let b = bank("singular");
    assert_eq!(
        render(&b, "wire"),
        "It is through: its defence held and nobody beat it; it beat itself once."
    );
    // The tone without the rule keeps the British default.
    assert!(render(&b, "neutral").starts_with("They are through"));
}
