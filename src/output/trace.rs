//! Each number a sentence prints, traced to the value it states.
//!
//! A number is matched by meaning before value: a score such as "2-1" is
//! the count of the goal events behind it, a minute ("17'", "on 54
//! minutes") is an event's `minute`, "12 minutes from time" is derived from
//! one, a rating is `ratings.PLAYER`, a tally is the record it belongs to.
//! The sentence's evidence, the players it names and the words around a
//! number choose among the candidates; a candidate is taken only when its
//! value is the number printed. A number nothing explains keeps an empty
//! path, which the tests treat as a failure.

use crate::analysis::Analysis;
use crate::facts::{Derivation, Fact, FactIndex};
use crate::model::{EventType, Match, Side};

/// What a sentence is about, beyond its words.
pub struct Context<'a> {
    /// The section's id (`lead`, `ratings`...).
    pub section: &'a str,
    /// The sentence's evidence: event ids and context entries.
    pub evidence: &'a [String],
    /// The evidence of each beat the sentence expresses.
    pub beat_evidence: Vec<&'a [String]>,
    /// Players named earlier in the same section, most recent first.
    pub section_players: &'a [String],
    /// The sentence.
    pub text: &'a str,
}

/// Traces names and numbers for one match.
pub struct Tracer<'m> {
    m: &'m Match,
    a: Analysis<'m>,
    index: std::sync::Arc<FactIndex>,
    /// Wordings the phrasebank gives one minute ("in the first minute").
    minute_phrases: Vec<(String, u16)>,
}

thread_local! {
    /// The match last traced on this thread, with its index: the index
    /// (every name and number of the match, with its path) was a tenth of
    /// a JSON report's time, and a desk or a round writes many reports of
    /// one match (seeds, tones, sides).
    static LAST_INDEX: std::cell::RefCell<Option<(Match, std::sync::Arc<FactIndex>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The index of `m`: the last one built on this thread when it was built
/// from an equal match. Equal matches serialise alike, so index alike,
/// except for a float written -0.0 where the other has 0.0 (equal, but
/// printed otherwise): a match holding a -0.0 is indexed afresh. (Every
/// float of the model is checked here; a new one must be too.)
fn index_of(m: &Match) -> std::sync::Arc<FactIndex> {
    if has_negative_zero(m) {
        return std::sync::Arc::new(FactIndex::new(m));
    }
    LAST_INDEX.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((seen, index)) = last.as_ref()
            && seen == m
        {
            return index.clone();
        }
        let index = std::sync::Arc::new(FactIndex::new(m));
        *last = Some((m.clone(), index.clone()));
        index
    })
}

/// Whether any float of the match (shots' and sides' xG, ratings) is -0.0.
fn has_negative_zero(m: &Match) -> bool {
    let negative_zero = |x: f32| x == 0.0 && x.is_sign_negative();
    let stats = m.stats.iter().flat_map(|s| [s.home.xg, s.away.xg]);
    m.events
        .iter()
        .map(|e| e.xg)
        .chain(stats)
        .flatten()
        .chain(m.ratings.values().filter_map(|r| match r {
            crate::model::Rating::Mark(x) => Some(*x),
            _ => None,
        }))
        .any(negative_zero)
}

/// Adds one kind of candidate source for a number.
type AddSources<'a> = &'a dyn Fn(&mut Vec<Source>);

/// A value some field holds or the analysis derives.
struct Source {
    value: f64,
    path: String,
    derived: Option<Derivation>,
}

/// How a number is written, which narrows what it can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    /// The minute of a clock: the 17 of "17'" or the 45 of "45+2'".
    Clock,
    /// The added minutes of a clock: the 2 of "45+2'".
    Added,
    /// "53rd", "36th".
    Ordinal,
    /// "6.5".
    Decimal,
}

/// One number as printed.
#[derive(Debug)]
struct Token {
    at: usize,
    text: String,
    value: f64,
    shape: Shape,
    /// For the first number of a score ("2-1"), its partner's index.
    pair: Option<usize>,
    /// The word after it ("minutes", "goals"), lower case.
    unit: String,
    /// The word before it, lower case.
    before: String,
    /// Written as a word ("six", "second"): listed only when traced.
    word: bool,
}

impl<'m> Tracer<'m> {
    /// A tracer for `m`.
    pub fn new(m: &'m Match) -> Self {
        Tracer {
            m,
            a: Analysis::new(m),
            index: index_of(m),
            minute_phrases: Vec::new(),
        }
    }

    /// Reads `phrases` (the lexicon's wordings of one minute, from
    /// [`crate::report::Report::minute_phrases`]) as minutes, so "in the
    /// first minute" is traced to the event's minute as "on 17 minutes" is.
    pub fn with_minute_phrases(mut self, phrases: &[(String, u16)]) -> Self {
        self.minute_phrases = phrases.to_vec();
        self
    }

    /// Player ids that `text` names, in reading order.
    pub fn players_named(&self, text: &str) -> Vec<String> {
        let mut names = self.index.names_in(text, &[]);
        names.sort_by_key(|(at, _, _)| *at);
        names
            .iter()
            .filter_map(|(_, _, f)| self.player_at(&f.path))
            .collect()
    }

    /// The names and numbers of `text`, in reading order, each with the
    /// path (or derivation) of the value it states.
    pub fn facts(&self, text: &str, cx: &Context) -> Vec<Fact> {
        let prefer: Vec<String> = self
            .evidence_events(cx)
            .iter()
            .map(|i| format!("events[{i}]."))
            .collect();
        let names = self.index.names_in(text, &prefer);
        let mut tokens = tokens(text, &names);
        minute_tokens(text, &self.minute_phrases, &mut tokens);
        let mut found: Vec<(usize, Fact)> = names.iter().map(|(s, _, f)| (*s, f.clone())).collect();
        let mut done = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            if done[i] {
                continue;
            }
            if let Some(j) = tokens[i].pair {
                let [first, second] = self.score(&tokens[i], &tokens[j], cx);
                found.push((tokens[i].at, first));
                found.push((tokens[j].at, second));
                done[j] = true;
                continue;
            }
            let people = self.people_near(tokens[i].at, &names, cx);
            let fact = self.single(&tokens[i], cx, &people);
            // A number word nothing explains is most often an idiom ("one
            // of", "second half"), not a figure: it is left out.
            if !(tokens[i].word && fact.path.is_empty()) {
                found.push((tokens[i].at, fact));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, f)| f).collect()
    }

    /// Indices of the events the sentence cites.
    fn evidence_events(&self, cx: &Context) -> Vec<usize> {
        cx.evidence.iter().filter_map(|id| self.event(id)).collect()
    }

    fn event(&self, id: &str) -> Option<usize> {
        self.m.events.iter().position(|e| e.id == id)
    }

    /// The player id a name's path belongs to.
    fn player_at(&self, path: &str) -> Option<String> {
        let (side, rest) = if let Some(r) = path.strip_prefix("teams.home.squad[") {
            (Side::Home, r)
        } else {
            (Side::Away, path.strip_prefix("teams.away.squad[")?)
        };
        let i: usize = rest.split(']').next()?.parse().ok()?;
        Some(self.m.teams.get(side).squad.get(i)?.id.clone())
    }

    /// Players named before the number (nearest first), then after it,
    /// then those named earlier in the section.
    fn people_near(&self, at: usize, names: &[(usize, usize, Fact)], cx: &Context) -> Vec<String> {
        let mut named: Vec<(usize, String)> = names
            .iter()
            .filter_map(|(s, _, f)| Some((*s, self.player_at(&f.path)?)))
            .collect();
        named.sort_by_key(|(s, _)| if *s < at { at - s } else { usize::MAX / 2 + s });
        let mut out: Vec<String> = named.into_iter().map(|(_, p)| p).collect();
        out.extend(cx.section_players.iter().cloned());
        out
    }

    /// A score: both numbers traced to the goal events that make them.
    fn score(&self, a: &Token, b: &Token, cx: &Context) -> [Fact; 2] {
        if let Some(stat) = key_stat(cx) {
            return [plain(a, stat.clone()), plain(b, stat)];
        }
        for window in self.score_windows(cx) {
            let (home, away) = self.tally(&window);
            let first = if (home, away) == (a.value, b.value) {
                Side::Home
            } else if (away, home) == (a.value, b.value) {
                Side::Away
            } else {
                continue;
            };
            return [
                self.goals_fact(&a.text, &window, first),
                self.goals_fact(&b.text, &window, first.other()),
            ];
        }
        [self.single(a, cx, &[]), self.single(b, cx, &[])]
    }

    /// The stretches of the match a printed score may describe: after
    /// each goal the sentence cites, the final score, full time, half
    /// time, the shoot-out.
    fn score_windows(&self, cx: &Context) -> Vec<Window> {
        let events = &self.m.events;
        let first_of = |period: u8| {
            events
                .iter()
                .position(|e| e.period >= period)
                .unwrap_or(events.len())
        };
        let mut out: Vec<Window> = self
            .evidence_events(cx)
            .into_iter()
            .filter(|i| events[*i].kind.is_goal())
            .map(|i| Window::Goals(0, i + 1))
            .collect();
        out.push(Window::Goals(0, first_of(5)));
        out.push(Window::Goals(0, first_of(3)));
        out.push(Window::Goals(0, first_of(2)));
        out.push(Window::Shootout);
        // Goals after a sending-off the sentence cites.
        for i in self.evidence_events(cx) {
            if events[i].kind.is_sending_off() {
                out.push(Window::Goals(i + 1, first_of(5)));
            }
        }
        out
    }

    /// The events of `window` that count for `side`.
    fn counted(&self, window: &Window, side: Side) -> Vec<usize> {
        let (start, end) = match window {
            Window::Goals(s, e) => (*s, *e),
            Window::Shootout => (0, self.m.events.len()),
        };
        (start..end)
            .filter(|i| {
                let e = &self.m.events[*i];
                let counts = match window {
                    Window::Goals(..) => e.kind.is_goal(),
                    Window::Shootout => {
                        e.kind == EventType::ShootoutKick
                            && e.outcome == Some(crate::model::ShotOutcome::Scored)
                    }
                };
                counts && self.a.side_of_team(&e.team) == side
            })
            .collect()
    }

    fn tally(&self, window: &Window) -> (f64, f64) {
        let n = |side| self.counted(window, side).len() as f64;
        (n(Side::Home), n(Side::Away))
    }

    /// A number that counts `side`'s goals (or scored kicks) in `window`.
    fn goals_fact(&self, text: &str, window: &Window, side: Side) -> Fact {
        let team = match side {
            Side::Home => "teams.home",
            Side::Away => "teams.away",
        };
        let events = self.counted(window, side);
        let from: Vec<String> = events.iter().map(|i| format!("events[{i}]")).collect();
        let (rule, range, what) = match window {
            Window::Goals(s, e) => ("goals", Some(format!("events[{s}..{e}]")), "goals"),
            Window::Shootout => ("shootout_goals", None, "scored shoot-out kicks"),
        };
        let list = if from.is_empty() {
            "none".to_string()
        } else {
            from.join(", ")
        };
        let within = range.as_ref().map_or(String::new(), |r| format!(" in {r}"));
        Fact {
            text: text.to_string(),
            kind: "number",
            path: format!(
                "derived: {}'s {what}{within}: {list}",
                self.a.team(side).name
            ),
            derived: Some(Derivation {
                rule,
                from,
                team: Some(team.to_string()),
                range,
                end: None,
            }),
        }
    }

    /// One number that is not half of a score.
    fn single(&self, t: &Token, cx: &Context, people: &[String]) -> Fact {
        if let Some(stat) = key_stat(cx) {
            return plain(t, stat);
        }
        let sources = self.sources(t, cx, people);
        match sources.into_iter().find(|s| s.value == t.value) {
            Some(s) => Fact {
                text: t.text.clone(),
                kind: "number",
                path: s.path,
                derived: s.derived,
            },
            None => plain(t, String::new()),
        }
    }

    /// Candidate values for `t`, most likely first, up to the first
    /// kind that holds its value: the caller takes the first that does,
    /// and building every later kind's paths for every number was a
    /// tenth of the JSON output's time.
    fn sources(&self, t: &Token, cx: &Context, people: &[String]) -> Vec<Source> {
        let evidence = self.evidence_events(cx);
        let mut out = Vec::new();
        let minute_unit = t.unit.starts_with("minute");
        let found = |out: &[Source]| out.iter().any(|s| s.value == t.value);
        match t.shape {
            Shape::Clock => self.event_fields(&evidence, "minute", &mut out),
            Shape::Added => self.event_fields(&evidence, "added", &mut out),
            Shape::Decimal => self.ratings(people, &mut out),
            _ if minute_unit => {
                self.event_fields(&evidence, "minute", &mut out);
                self.minutes_left(&evidence, &mut out);
                // "the fifth minute of added time"
                self.event_fields(&evidence, "added", &mut out);
                self.match_length(&mut out);
                self.minutes_led(&mut out);
                self.minutes_between(&evidence, &mut out);
            }
            _ if t.unit == "man" || t.unit == "men" => self.players_left(&evidence, &mut out),
            _ if t.unit.starts_with("yard") => {
                self.event_fields(&evidence, "distance_yards", &mut out);
                self.penalty_spot(&evidence, &mut out);
            }
            _ if cx.section == "ratings" || t.before == "of" || t.before == "mark" => {
                self.ratings(people, &mut out);
            }
            _ => {}
        }
        // "8 out of 10": ratings are marks out of ten (docs/schema.md).
        if t.before == "of" && t.value == 10.0 {
            self.scale(people, &mut out);
        }
        let later: [AddSources; 5] = [
            &|out| self.records(cx, people, out),
            &|out| self.counts(cx, people, out),
            &|out| self.ratings(people, out),
            &|out| self.stages(out),
            &|out| self.fallback(&evidence, out),
        ];
        for add in later {
            if found(&out) {
                break;
            }
            add(&mut out);
        }
        out
    }

    /// `field` of each evidence event (`minute`, `added`, `distance_yards`).
    fn event_fields(&self, evidence: &[usize], field: &str, out: &mut Vec<Source>) {
        for &i in evidence {
            let e = &self.m.events[i];
            let value = match field {
                "minute" => e.minute.map(f64::from),
                "added" => Some(f64::from(e.added)),
                _ => e.distance_yards.map(f64::from),
            };
            if let Some(value) = value {
                out.push(at_path(value, format!("events[{i}].{field}")));
            }
        }
    }

    fn minutes_left(&self, evidence: &[usize], out: &mut Vec<Source>) {
        for &i in evidence {
            let (e, left) = (&self.m.events[i], self.a.timeline[i].minutes_left);
            let (Some(left), Some(minute)) = (left, e.minute) else {
                continue;
            };
            let end = left + minute;
            out.push(Source {
                value: f64::from(left),
                path: format!("derived: minutes left: {end} minus events[{i}].minute"),
                derived: Some(Derivation {
                    rule: "minutes_left",
                    from: vec![format!("events[{i}].minute")],
                    team: None,
                    range: None,
                    end: Some(end),
                }),
            });
        }
    }

    /// Minutes each side spent in front ("16 minutes behind"), from the
    /// goal events that changed who led, over 90 or 120 minutes.
    fn minutes_led(&self, out: &mut Vec<Source>) {
        let led = self.a.minutes_led();
        let end = if self.m.result.after_extra_time.is_some() {
            120
        } else {
            90
        };
        let goals: Vec<String> = (0..self.m.events.len())
            .filter(|&i| self.m.events[i].kind.is_goal())
            .map(|i| format!("events[{i}]"))
            .collect();
        for (side, team) in [(Side::Home, "teams.home"), (Side::Away, "teams.away")] {
            out.push(Source {
                value: f64::from(*led.get(side)),
                path: format!(
                    "derived: minutes {team} led, from the goals {}",
                    goals.join(", ")
                ),
                derived: Some(Derivation {
                    rule: "minutes_led",
                    from: goals.clone(),
                    team: Some(team.to_string()),
                    range: None,
                    end: Some(end),
                }),
            });
        }
    }

    /// The span between two evidence events ("three goals in 11 minutes",
    /// "a hat-trick inside 38 minutes"): the later minute less the earlier.
    fn minutes_between(&self, evidence: &[usize], out: &mut Vec<Source>) {
        for (n, &i) in evidence.iter().enumerate() {
            for &j in &evidence[n + 1..] {
                let (Some(a), Some(b)) = (self.m.events[i].minute, self.m.events[j].minute) else {
                    continue;
                };
                let (first, last, a, b) = if a <= b { (i, j, a, b) } else { (j, i, b, a) };
                out.push(Source {
                    value: f64::from(b - a),
                    path: format!(
                        "derived: minutes between events[{first}].minute and events[{last}].minute"
                    ),
                    derived: Some(Derivation {
                        rule: "minutes_between",
                        from: vec![
                            format!("events[{first}].minute"),
                            format!("events[{last}].minute"),
                        ],
                        team: None,
                        range: None,
                        end: None,
                    }),
                });
            }
        }
    }

    /// 120 when the match went to extra time, else 90.
    fn match_length(&self, out: &mut Vec<Source>) {
        let (value, path) = if self.m.result.after_extra_time.is_some() {
            (120.0, "result.after_extra_time")
        } else {
            (90.0, "result.full_time")
        };
        out.push(Source {
            value,
            path: format!("derived: match length: {value} minutes, as {path} shows"),
            derived: Some(Derivation {
                rule: "match_length",
                from: vec![path.to_string()],
                team: None,
                range: None,
                end: None,
            }),
        });
    }

    /// The figures of each record the sentence cites, records of the
    /// players nearest the number first: the tally after the match, the
    /// other holders' figures, the record, the tally before.
    fn records(&self, cx: &Context, people: &[String], out: &mut Vec<Source>) {
        let outcomes = self.a.records();
        let mut cited: Vec<usize> = cx
            .evidence
            .iter()
            .filter_map(|id| id.strip_prefix("record:"))
            .filter_map(|id| outcomes.iter().position(|r| r.record.id == id))
            .collect();
        cited.sort_by_key(|r| {
            people
                .iter()
                .position(|p| *p == outcomes[*r].record.player)
                .unwrap_or(usize::MAX)
        });
        for r in cited {
            let outcome = &outcomes[r];
            let record = outcome.record;
            let events: Vec<String> = self
                .a
                .tally_events(&record.player, record.counts)
                .iter()
                .filter_map(|e| self.event(&e.id))
                .map(|i| format!("events[{i}]"))
                .collect();
            let mut from = vec![format!("context.records[{r}].before")];
            from.extend(events.iter().cloned());
            out.push(Source {
                value: f64::from(outcome.after),
                path: format!(
                    "derived: context.records[{r}].before plus {}",
                    if events.is_empty() {
                        "nothing in this match".to_string()
                    } else {
                        events.join(", ")
                    }
                ),
                derived: Some(Derivation {
                    rule: "record_after",
                    from,
                    team: None,
                    range: None,
                    end: None,
                }),
            });
            for (j, h) in record.holders.iter().enumerate() {
                out.push(at_path(
                    f64::from(h.value),
                    format!("context.records[{r}].holders[{j}].value"),
                ));
            }
            out.push(at_path(
                f64::from(record.record),
                format!("context.records[{r}].record"),
            ));
            out.push(at_path(
                f64::from(record.before),
                format!("context.records[{r}].before"),
            ));
        }
    }

    /// How many things the sentence counts: the events of one of its
    /// beats, of its evidence, of one kind in it; a side's past
    /// tournaments; a player's goals.
    fn counts(&self, cx: &Context, people: &[String], out: &mut Vec<Source>) {
        // Goals each side scored after a sending-off the sentence cites.
        let after_card = |w: &Window| matches!(w, Window::Goals(s, _) if *s > 0);
        for window in self.score_windows(cx).into_iter().filter(after_card) {
            for side in [Side::Home, Side::Away] {
                let f = self.goals_fact("", &window, side);
                out.push(Source {
                    value: self.counted(&window, side).len() as f64,
                    path: f.path,
                    derived: f.derived,
                });
            }
        }
        let events_of = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| self.event(id))
                .map(|i| format!("events[{i}]"))
                .collect()
        };
        let mut lists: Vec<Vec<String>> = cx.beat_evidence.iter().map(|e| events_of(e)).collect();
        lists.push(events_of(cx.evidence));
        let evidence = self.evidence_events(cx);
        for kind in evidence.iter().map(|i| self.m.events[*i].kind) {
            lists.push(
                evidence
                    .iter()
                    .filter(|i| self.m.events[**i].kind == kind)
                    .map(|i| format!("events[{i}]"))
                    .collect(),
            );
        }
        // "his second penalty", "a second booking": the player's events
        // of the same family up to the one cited.
        for &i in &evidence {
            let e = &self.m.events[i];
            let Some(player) = &e.player else { continue };
            lists.push(
                (0..=i)
                    .filter(|j| {
                        let x = &self.m.events[*j];
                        x.player.as_ref() == Some(player) && family(x.kind) == family(e.kind)
                    })
                    .map(|j| format!("events[{j}]"))
                    .collect(),
            );
        }
        // "Two record scorers": the records the sentence cites.
        lists.push(
            cx.evidence
                .iter()
                .filter_map(|id| id.strip_prefix("record:"))
                .filter_map(|id| self.m.context.records.iter().position(|r| r.id == id))
                .map(|r| format!("context.records[{r}]"))
                .collect(),
        );
        if cx.evidence.iter().any(|e| e == "context.history") {
            // The side the sentence names first.
            let mut teams = [&self.m.teams.home, &self.m.teams.away];
            teams.sort_by_key(|t| !cx.text.contains(t.name.as_str()));
            for team in teams.map(|t| &t.id) {
                lists.push(
                    (self.m.context.history.iter().enumerate())
                        .filter(|(_, f)| &f.team == team)
                        .map(|(i, _)| format!("context.history[{i}]"))
                        .collect(),
                );
            }
        }
        for p in people {
            lists.push(events_of(
                &self
                    .a
                    .tally_events(p, crate::model::Tally::Goals)
                    .iter()
                    .map(|e| e.id.clone())
                    .collect::<Vec<_>>(),
            ));
        }
        for from in lists.into_iter().filter(|l| !l.is_empty()) {
            out.push(Source {
                value: from.len() as f64,
                path: format!("derived: count of {}", from.join(", ")),
                derived: Some(Derivation {
                    rule: "count",
                    from,
                    team: None,
                    range: None,
                    end: None,
                }),
            });
        }
    }

    /// The scale of a rating the sentence gives: every mark is out of ten.
    fn scale(&self, people: &[String], out: &mut Vec<Source>) {
        if let Some(p) = people.iter().find(|p| self.m.ratings.contains_key(*p)) {
            out.push(Source {
                value: 10.0,
                path: format!("derived: ratings.{p} is a mark out of 10"),
                derived: Some(Derivation {
                    rule: "rating_scale",
                    from: vec![format!("ratings.{p}")],
                    team: None,
                    range: None,
                    end: None,
                }),
            });
        }
    }

    /// "Ten-man Germany": eleven less the side's sendings-off up to each
    /// cited event.
    fn players_left(&self, evidence: &[usize], out: &mut Vec<Source>) {
        for &i in evidence {
            let team = &self.m.events[i].team;
            let from: Vec<String> = (0..=i)
                .filter(|j| {
                    let e = &self.m.events[*j];
                    e.kind.is_sending_off() && &e.team == team
                })
                .map(|j| format!("events[{j}]"))
                .collect();
            if from.is_empty() {
                continue;
            }
            out.push(Source {
                value: 11.0 - from.len() as f64,
                path: format!(
                    "derived: 11 players less the sendings-off {}",
                    from.join(", ")
                ),
                derived: Some(Derivation {
                    rule: "players_left",
                    from,
                    team: None,
                    range: None,
                    end: None,
                }),
            });
        }
    }

    /// "missed from 12 yards": a penalty kick (a shoot-out kick too) is
    /// taken from the spot, 12 yards out, by the laws of the game.
    fn penalty_spot(&self, evidence: &[usize], out: &mut Vec<Source>) {
        for &i in evidence {
            let kind = self.m.events[i].kind;
            if kind.is_penalty_kick() || kind == EventType::ShootoutKick {
                out.push(Source {
                    value: 12.0,
                    path: format!("derived: events[{i}] is a penalty, taken from 12 yards"),
                    derived: Some(Derivation {
                        rule: "penalty_spot",
                        from: vec![format!("events[{i}]")],
                        team: None,
                        range: None,
                        end: None,
                    }),
                });
            }
        }
    }

    /// The ratings of the players near the number.
    fn ratings(&self, people: &[String], out: &mut Vec<Source>) {
        for p in people {
            if let Some(crate::model::Rating::Mark(mark)) = self.m.ratings.get(p) {
                out.push(at_path(f64::from(*mark), format!("ratings.{p}")));
            }
        }
    }

    /// Stages that carry a number: "last 16" is `round_of_16`, "last
    /// four" `semi_final`.
    fn stages(&self, out: &mut Vec<Source>) {
        for (path, s) in self.index.stage_leaves() {
            if let Some(n) = stage_size(s) {
                out.push(Source {
                    value: n,
                    path: format!("derived: the last {n} of {path}"),
                    derived: Some(Derivation {
                        rule: "stage_size",
                        from: vec![path.clone()],
                        team: None,
                        range: None,
                        end: None,
                    }),
                });
            }
        }
    }

    /// Any other figure of the events the sentence cites or of the
    /// editorial context; never a shirt number, a period or a score field
    /// (scores are counted from the goals).
    fn fallback(&self, evidence: &[usize], out: &mut Vec<Source>) {
        let cited: Vec<String> = evidence.iter().map(|i| format!("events[{i}].")).collect();
        for (path, n) in self.index.number_leaves() {
            let allowed = path.starts_with("context.")
                || path.starts_with("match.")
                || path.starts_with("stats.")
                || cited.iter().any(|c| path.starts_with(c.as_str()));
            let banned = [".period", ".shirt", ".added"]
                .iter()
                .any(|b| path.ends_with(b));
            if allowed && !banned {
                out.push(at_path(*n, path.clone()));
            }
        }
    }
}

/// How many sides a stage has left: 16 in `round_of_16`, 4 in `semi_final`.
pub fn stage_size(stage: &str) -> Option<f64> {
    match stage {
        "quarter_final" => Some(8.0),
        "semi_final" => Some(4.0),
        "final" => Some(2.0),
        other => other.strip_prefix("round_of_").and_then(|n| n.parse().ok()),
    }
}

/// Events counted together: cards, penalty kicks, goals.
fn family(kind: EventType) -> u8 {
    use EventType::*;
    match kind {
        Yellow | SecondYellow | Red => 1,
        PenaltyScored | PenaltyMissed | PenaltySaved => 2,
        Goal | OwnGoal => 3,
        _ => 0,
    }
}

/// A stretch of the match whose goals make a score.
#[derive(Debug, Clone, Copy)]
enum Window {
    /// Goals among `events[a..b]`.
    Goals(usize, usize),
    /// Scored kicks of the shoot-out.
    Shootout,
}

fn at_path(value: f64, path: String) -> Source {
    Source {
        value,
        path,
        derived: None,
    }
}

fn plain(t: &Token, path: String) -> Fact {
    Fact {
        text: t.text.clone(),
        kind: "number",
        path,
        derived: None,
    }
}

/// The desk's key stat the sentence prints as given, if it is one.
fn key_stat(cx: &Context) -> Option<String> {
    cx.evidence
        .iter()
        .find(|e| e.starts_with("context.key_stats["))
        .cloned()
}

/// The numbers of `text` outside names, with their shapes.
fn tokens(text: &str, names: &[(usize, usize, Fact)]) -> Vec<Token> {
    let bytes = text.as_bytes();
    let inside_name = |at: usize| names.iter().any(|(s, e, _)| (*s..*e).contains(&at));
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && !inside_name(i);
        if !starts {
            i += 1;
            continue;
        }
        let mut end = digits_end(bytes, i);
        let mut shape = Shape::Plain;
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_end(bytes, end + 1);
            shape = Shape::Decimal;
        }
        let rest = &text[end..];
        let mut next = end;
        let mut partner = None;
        if rest.starts_with('\'') {
            shape = Shape::Clock;
        } else if let Some(added) = rest.strip_prefix('+')
            && added.starts_with(|c: char| c.is_ascii_digit())
        {
            shape = Shape::Clock;
            let a = end + 1;
            let a_end = digits_end(bytes, a);
            partner = Some((a, a_end, Shape::Added));
            next = a_end;
        } else if let Some(dash) = ["-", "–"].iter().find(|d| rest.starts_with(**d))
            && rest[dash.len()..].starts_with(|c: char| c.is_ascii_digit())
        {
            let b = end + dash.len();
            let b_end = digits_end(bytes, b);
            partner = Some((b, b_end, Shape::Plain));
            next = b_end;
        } else if ["st", "nd", "rd", "th"].iter().any(|s| rest.starts_with(s)) {
            shape = Shape::Ordinal;
        }
        let before = word_before(text, i);
        let first = out.len();
        out.push(token(text, i, end, shape, word_after(text, end), before));
        if let Some((b, b_end, b_shape)) = partner {
            let unit = word_after(text, b_end);
            let is_score = b_shape == Shape::Plain;
            out.push(token(text, b, b_end, b_shape, unit, String::new()));
            if is_score {
                out[first].pair = Some(first + 1);
            }
        }
        i = next.max(end);
    }
    out.extend(word_tokens(text, &inside_name));
    out.sort_by_key(|t| t.at);
    // Partners were indexed before the sort; digits come in order, so
    // re-point each score at the token after it.
    for (k, t) in out.iter_mut().enumerate() {
        if t.pair.is_some() {
            t.pair = Some(k + 1);
        }
    }
    out
}

/// Numbers written as words: cardinals from two and ordinals from second
/// ("one" and "first" are idioms far more often than figures).
fn word_tokens(text: &str, inside_name: &dyn Fn(usize) -> bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &text[s..i];
                let Some(n) = crate::facts::number_word(word).filter(|n| *n >= 2) else {
                    continue;
                };
                if inside_name(s) {
                    continue;
                }
                // Ordinals end in "d" or "th" ("second", "third", "fifth").
                let lower = word.to_lowercase();
                let ordinal = lower.ends_with('d') || lower.ends_with("th");
                out.push(Token {
                    at: s,
                    text: word.to_string(),
                    value: f64::from(n),
                    shape: if ordinal {
                        Shape::Ordinal
                    } else {
                        Shape::Plain
                    },
                    pair: None,
                    unit: word_after(text, i),
                    before: word_before(text, s),
                    word: true,
                });
            }
            _ => {}
        }
    }
    out
}

/// The lexicon's wordings of one minute in `text`, as minute numbers
/// listed only when traced, merged into `tokens` in reading order.
fn minute_tokens(text: &str, phrases: &[(String, u16)], tokens: &mut Vec<Token>) {
    let found = crate::phrasebank::helpers::minutes::find_minute_phrases(text, phrases);
    if found.is_empty() {
        return;
    }
    for (at, end, minute) in found {
        tokens.push(Token {
            at,
            text: text[at..end].to_string(),
            value: f64::from(minute),
            shape: Shape::Plain,
            pair: None,
            unit: "minute".to_string(),
            before: word_before(text, at),
            word: true,
        });
    }
    tokens.sort_by_key(|t| t.at);
    // Scores point at the token after them; re-point after the sort.
    for (k, t) in tokens.iter_mut().enumerate() {
        if t.pair.is_some() {
            t.pair = Some(k + 1);
        }
    }
}

fn token(text: &str, at: usize, end: usize, shape: Shape, unit: String, before: String) -> Token {
    Token {
        at,
        text: text[at..end].to_string(),
        value: text[at..end].parse().unwrap_or(f64::NAN),
        shape,
        pair: None,
        unit,
        before,
        word: false,
    }
}

fn digits_end(bytes: &[u8], from: usize) -> usize {
    (from..bytes.len())
        .find(|i| !bytes[*i].is_ascii_digit())
        .unwrap_or(bytes.len())
}

/// The next word after `end`, lower case, skipping an ordinal suffix and
/// a hyphen ("25-yard").
fn word_after(text: &str, end: usize) -> String {
    let rest =
        text[end..].trim_start_matches(|c: char| c.is_ascii_alphabetic() && "stndrh".contains(c));
    rest.trim_start_matches([' ', '-', '\''])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

fn word_before(text: &str, at: usize) -> String {
    text[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn an_index_is_reused_only_for_an_equal_match() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/eng-fra-2022-wc-qf.json"
        );
        let m = crate::input::load_path(path).unwrap();
        assert!(!has_negative_zero(&m));
        let first = index_of(&m);
        assert!(Arc::ptr_eq(&first, &index_of(&m.clone())));
        let mut renamed = m.clone();
        renamed.teams.home.name = "Inglaterra".to_string();
        let other = index_of(&renamed);
        assert!(!Arc::ptr_eq(&first, &other));
        assert!(other.names().any(|(n, _)| n == "Inglaterra"));
        assert!(!first.names().any(|(n, _)| n == "Inglaterra"));
        // -0.0 equals 0.0 but prints otherwise: never reused.
        let mut zero = m.clone();
        zero.events[0].xg = Some(-0.0);
        assert!(has_negative_zero(&zero));
        assert!(!Arc::ptr_eq(&index_of(&zero), &index_of(&zero)));
    }
}
