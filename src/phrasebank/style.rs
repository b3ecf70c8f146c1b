//! House style as data: `phrasebank/<language>/style.json`.
//!
//! A desk's rules for numbers, ordinals, counted nouns, percentages and
//! which names take "the" live in the phrasebank, next to the words, so an
//! editor changes them without touching Rust. Each rule has a default and
//! may be overridden per tone (`tones.<tone>.<rule>`). `docs/style.md`
//! gives the rules and the sources they follow.

use serde_json::Value;

/// A language's house style, read from its `style.json`.
#[derive(Debug, Clone, Default)]
pub struct StyleBook {
    rules: Value,
}

impl StyleBook {
    /// The style in a `style.json` document; an empty document gives the
    /// built-in defaults (figures throughout, no article lists).
    pub fn from_json(rules: Value) -> Self {
        StyleBook { rules }
    }

    /// A rule for a tone: the tone's own value, else the default.
    fn rule(&self, tone: &str, name: &str) -> Option<&Value> {
        self.rules
            .get("tones")
            .and_then(|t| t.get(tone))
            .and_then(|t| t.get(name))
            .or_else(|| self.rules.get("default").and_then(|d| d.get(name)))
    }

    fn limit(&self, tone: &str, name: &str) -> u64 {
        self.rule(tone, name).and_then(Value::as_u64).unwrap_or(0)
    }

    fn word_list(&self, name: &str, n: u64) -> Option<String> {
        self.rules
            .get(name)?
            .get(usize::try_from(n).ok()?)?
            .as_str()
            .map(str::to_string)
    }

    /// A cardinal number: in words up to the tone's limit ("six"), then in
    /// figures ("12"). Nought is "no", for counted nouns ("no saves").
    pub fn number(&self, tone: &str, n: u64) -> String {
        let words = (n <= self.limit(tone, "numbers_in_words_up_to"))
            .then(|| self.word_list("number_words", n))
            .flatten();
        words.unwrap_or_else(|| n.to_string())
    }

    /// An ordinal: in words up to the tone's limit ("fourth"), then
    /// figures with a suffix ("11th", "22nd").
    pub fn ordinal(&self, tone: &str, n: u64) -> String {
        let words = (1..=self.limit(tone, "ordinals_in_words_up_to"))
            .contains(&n)
            .then(|| self.word_list("ordinal_words", n))
            .flatten();
        words.unwrap_or_else(|| super::helpers::ordinal_digits(n))
    }

    /// A counted noun: "one save", "two saves", "12 saves"; with `article`,
    /// one is "a save".
    pub fn count(&self, tone: &str, n: u64, one: &str, many: &str, article: bool) -> String {
        match n {
            1 if article => format!("{} {one}", indefinite(one)),
            1 => format!("{} {one}", self.number(tone, 1)),
            _ => format!("{} {many}", self.number(tone, n)),
        }
    }

    /// The share of a count a detail applies to, after the count:
    /// ", one of them from the spot", ", both from the spot", ", all from
    /// the spot"; for a count of one, ", from the spot"; for none, nothing.
    pub fn share(&self, tone: &str, total: u64, part: u64, detail: &str) -> String {
        match (total, part) {
            (_, 0) => String::new(),
            (1, _) => format!(", {detail}"),
            (2, 2) => format!(", both {detail}"),
            (t, p) if p >= t => format!(", all {detail}"),
            (_, p) => format!(", {} of them {detail}", self.number(tone, p)),
        }
    }

    /// How many times: "once", "twice", then "three times", "12 times".
    pub fn times(&self, tone: &str, n: u64) -> String {
        self.word_list("times_words", n)
            .unwrap_or_else(|| format!("{} times", self.number(tone, n)))
    }

    /// A percentage in the tone's style: "54 per cent".
    pub fn percent(&self, tone: &str, n: u64) -> String {
        let sign = self
            .rule(tone, "percent")
            .and_then(Value::as_str)
            .unwrap_or("%");
        if sign == "%" {
            format!("{n}%")
        } else {
            format!("{n} {sign}")
        }
    }

    /// The verb form for a team as subject: British style treats a team as
    /// its players ("France are", "England have"), so the plural form,
    /// unless the tone's `team_verbs` rule is `"singular"` (American style:
    /// "France is").
    pub fn team_verb<'a>(&self, tone: &str, plural: &'a str, singular: &'a str) -> &'a str {
        match self.rule(tone, "team_verbs").and_then(Value::as_str) {
            Some("singular") => singular,
            _ => plural,
        }
    }

    /// A team's pronoun (`key` is "they", "their", "them" or
    /// "themselves"), agreeing with [`StyleBook::team_verb`]: the plural
    /// forms in British style, the singular ones ("it", "its", "itself")
    /// when the tone's `team_verbs` rule is `"singular"`. The words are
    /// `team_pronouns.plural` and `team_pronouns.singular` in the style.
    pub fn team_pronoun(&self, tone: &str, key: &str) -> Option<String> {
        let number = self.team_verb(tone, "plural", "singular");
        self.rules
            .get("team_pronouns")?
            .get(number)?
            .get(key)?
            .as_str()
            .map(str::to_string)
    }

    /// The name with "the" when house style gives it one: competitions
    /// take it unless listed in `competitions_without_the` ("the World
    /// Cup", "Euro 2020"); teams only when listed in `teams_with_the`
    /// ("the Netherlands", "England").
    pub fn with_article(&self, name: &str, competition: bool) -> String {
        let (list, default) = if competition {
            ("competitions_without_the", true)
        } else {
            ("teams_with_the", false)
        };
        let listed = self
            .rules
            .get(list)
            .and_then(Value::as_array)
            .is_some_and(|l| l.iter().filter_map(Value::as_str).any(|p| matches(p, name)));
        if default != listed && !name.starts_with("the ") {
            format!("the {name}")
        } else {
            name.to_string()
        }
    }
}

/// A list entry matches the whole name, or its start when it ends in "*"
/// ("Euro *" matches "Euro 2020"; "United States*" matches "United
/// States Women's").
fn matches(pattern: &str, name: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => pattern == name,
    }
}

/// "a" or "an" before a word, by its first sound as spelt (good enough
/// for the nouns templates count: "an appeal", "a save"), or before a
/// figure by how it is read: "an 8-yard", "an 11-yard", "an 18-yard",
/// "an 80th-minute", but "a 6-yard", "a 110-yard".
pub fn indefinite(word: &str) -> &'static str {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        // Eleven and eighteen are read so only at the head of a group of
        // two digits (11, 18, 11,000); eight, eighty and eight hundred
        // always.
        let eleven =
            digits.len() % 3 == 2 && (digits.starts_with("11") || digits.starts_with("18"));
        return if digits.starts_with('8') || eleven {
            "an"
        } else {
            "a"
        };
    }
    let first = word.chars().next().map(|c| c.to_ascii_lowercase());
    if matches!(first, Some('a' | 'e' | 'i' | 'o')) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn book() -> StyleBook {
        StyleBook::from_json(json!({
            "default": {"numbers_in_words_up_to": 9, "ordinals_in_words_up_to": 9, "percent": "per cent"},
            "tones": {"loud": {"numbers_in_words_up_to": 0}},
            "number_words": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
            "ordinal_words": ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"],
            "times_words": ["no times", "once", "twice"],
            "competitions_without_the": ["Euro *", "La Liga"],
            "teams_with_the": ["Netherlands", "United States*"]
        }))
    }

    #[test]
    fn figures_take_the_article_of_how_they_are_read() {
        for (w, a) in [
            ("8", "an"),
            ("11", "an"),
            ("18", "an"),
            ("83", "an"),
            ("800", "an"),
            ("11000", "an"),
            ("6", "a"),
            ("12", "a"),
            ("110", "a"),
            ("180", "a"),
            ("1", "a"),
            ("appeal", "an"),
            ("save", "a"),
        ] {
            assert_eq!(indefinite(w), a, "{w}");
        }
    }

    #[test]
    fn one_to_nine_in_words_then_figures_unless_a_tone_says_otherwise() {
        let b = book();
        assert_eq!(b.number("neutral", 9), "nine");
        assert_eq!(b.number("neutral", 10), "10");
        assert_eq!(b.number("loud", 3), "3");
        assert_eq!(b.ordinal("neutral", 9), "ninth");
        assert_eq!(b.ordinal("neutral", 10), "10th");
        assert_eq!(b.percent("neutral", 54), "54 per cent");
    }

    #[test]
    fn counts_agree_and_shares_never_say_all_of_one() {
        let b = book();
        assert_eq!(b.count("neutral", 1, "save", "saves", false), "one save");
        assert_eq!(
            b.count("neutral", 1, "appeal", "appeals", true),
            "an appeal"
        );
        assert_eq!(b.count("neutral", 12, "save", "saves", false), "12 saves");
        assert_eq!(b.share("neutral", 1, 1, "from the spot"), ", from the spot");
        assert_eq!(
            b.share("neutral", 2, 2, "from the spot"),
            ", both from the spot"
        );
        assert_eq!(
            b.share("neutral", 3, 3, "from the spot"),
            ", all from the spot"
        );
        assert_eq!(
            b.share("neutral", 2, 1, "from the spot"),
            ", one of them from the spot"
        );
        assert_eq!(b.share("neutral", 2, 0, "from the spot"), "");
        assert_eq!(b.times("neutral", 2), "twice");
        assert_eq!(b.times("neutral", 3), "three times");
    }

    #[test]
    fn teams_take_plural_verbs_unless_a_tone_is_american() {
        let b = book();
        assert_eq!(b.team_verb("neutral", "are", "is"), "are");
        let us = StyleBook::from_json(json!({
            "default": {"team_verbs": "plural"},
            "tones": {"us": {"team_verbs": "singular"}}
        }));
        assert_eq!(us.team_verb("neutral", "have", "has"), "have");
        assert_eq!(us.team_verb("us", "have", "has"), "has");
        assert_eq!(us.team_verb("us", "were", "was"), "was");
    }

    #[test]
    fn team_pronouns_agree_with_team_verbs() {
        let style: Value =
            serde_json::from_str(include_str!("../../phrasebank/en/style.json")).unwrap();
        let british = StyleBook::from_json(style.clone());
        assert_eq!(british.team_verb("neutral", "are", "is"), "are");
        assert_eq!(
            british.team_pronoun("neutral", "they").as_deref(),
            Some("they")
        );
        assert_eq!(
            british.team_pronoun("wire", "their").as_deref(),
            Some("their")
        );
        let mut american = style;
        american["tones"]["wire"]["team_verbs"] = "singular".into();
        let us = StyleBook::from_json(american);
        assert_eq!(us.team_verb("wire", "are", "is"), "is");
        let forms: Vec<_> = ["they", "their", "them", "themselves"]
            .iter()
            .map(|k| us.team_pronoun("wire", k).unwrap_or_default())
            .collect();
        assert_eq!(forms, ["it", "its", "it", "itself"]);
        // Other tones keep the default.
        assert_eq!(us.team_pronoun("neutral", "them").as_deref(), Some("them"));
        assert_eq!(us.team_pronoun("wire", "theirs"), None);
    }

    #[test]
    fn articles_come_from_the_lists() {
        let b = book();
        assert_eq!(b.with_article("World Cup", true), "the World Cup");
        assert_eq!(b.with_article("Euro 2020", true), "Euro 2020");
        assert_eq!(b.with_article("Netherlands", false), "the Netherlands");
        assert_eq!(
            b.with_article("United States Women's", false),
            "the United States Women's"
        );
        assert_eq!(b.with_article("England", false), "England");
    }
}
