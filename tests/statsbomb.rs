//! The StatsBomb importer on the real open-data match Barcelona 2-2
//! Girona (La Liga, 2018-09-23), plus hand-built edge cases.

use beatwriter::import::{ImportOptions, Imported, statsbomb};
use beatwriter::model::{Event, EventType, Match, Rating};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/statsbomb")
        .join(name)
}

fn opts(with_match: bool) -> ImportOptions {
    ImportOptions {
        events: data("15986_events.json"),
        lineups: data("15986_lineups.json"),
        match_file: with_match.then(|| data("15986_match.json")),
        context: None,
        lenient: false,
    }
}

fn real() -> Imported {
    statsbomb::import(&opts(true)).unwrap_or_else(|e| panic!("import failed:\n{e}"))
}

fn display<'a>(m: &'a Match, id: &str) -> &'a str {
    m.teams
        .home
        .squad
        .iter()
        .chain(&m.teams.away.squad)
        .find(|p| p.id == id)
        .map(|p| p.name.as_str())
        .unwrap_or("?")
}

fn of_kind(m: &Match, kind: EventType) -> Vec<&Event> {
    m.events.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn prints_the_report() {
    let imported = real();
    let report = beatwriter::write_report(&imported.m, &beatwriter::Options::default()).unwrap();
    let text = beatwriter::output::text(&report);
    println!("{text}");
    println!(
        "warnings: {:?}\nignored: {:?}",
        imported.warnings, imported.ignored
    );
}

/// The real events as JSON values, for tests that edit them.
fn raw_events() -> Vec<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(data("15986_events.json")).unwrap()).unwrap()
}

/// Writes `value` to a fresh temporary file and returns its path.
fn temp(name: &str, value: &serde_json::Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("beatwriter-sb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(value).unwrap()).unwrap();
    path
}

/// Imports edited events (no match file unless given).
fn import_edited(
    name: &str,
    events: Vec<serde_json::Value>,
    lenient: bool,
) -> Result<Imported, beatwriter::Error> {
    let mut o = opts(false);
    o.events = temp(name, &serde_json::Value::Array(events));
    o.lenient = lenient;
    statsbomb::import(&o)
}

/// The position in `events` of the event with StatsBomb `index`.
fn at_index(events: &[serde_json::Value], index: u64) -> usize {
    events.iter().position(|e| e["index"] == index).unwrap()
}

/// A new event modelled on the one at `pos`: same period and clock.
fn like(
    events: &[serde_json::Value],
    pos: usize,
    id: &str,
    kind: &str,
    team: (u64, &str),
    player: (u64, &str),
) -> serde_json::Value {
    let base = &events[pos];
    serde_json::json!({
        "id": id, "index": NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed), "period": base["period"], "timestamp": base["timestamp"],
        "minute": base["minute"], "second": base["second"],
        "type": {"id": 0, "name": kind},
        "possession": base["possession"], "possession_team": base["possession_team"],
        "play_pattern": {"id": 1, "name": "Regular Play"},
        "team": {"id": team.0, "name": team.1},
        "player": {"id": player.0, "name": player.1},
        "position": {"id": 1, "name": "Goalkeeper"},
        "location": [110.0, 40.0]
    })
}

static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(90000);

const BARCA: (u64, &str) = (217, "Barcelona");
const GIRONA: (u64, &str) = (211, "Girona");
const PIQUE: (u64, &str) = (5213, "Gerard Piqué Bernabéu");
const STUANI: (u64, &str) = (6351, "Cristhian Ricardo Stuani Curbelo");
const SEMEDO: (u64, &str) = (6374, "Nélson Cabral Semedo");
const DEMBELE: (u64, &str) = (5477, "Ousmane Dembélé");

#[test]
fn the_imported_match_validates_and_round_trips() {
    let m = real().m;
    assert!(beatwriter::input::validate::validate(&m).is_empty());
    let json = serde_json::to_string_pretty(&m).unwrap();
    let back = beatwriter::input::load_str("imported.json", &json).unwrap();
    assert_eq!(back, m);
}

#[test]
fn clock_is_elapsed_minute_plus_one_with_added_time_from_the_period() {
    let imported = real();
    let raw = raw_events();
    for e in &imported.m.events {
        let index: u64 =
            e.id.trim_start_matches("sb")
                .split('-')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        let r = &raw[at_index(&raw, index)];
        let (period, minute) = (
            r["period"].as_u64().unwrap(),
            r["minute"].as_u64().unwrap() as u16,
        );
        let (end, start) = if period == 1 { (45, 0) } else { (90, 45) };
        let want = if minute >= end {
            (Some(end), (minute - end + 1) as u8)
        } else {
            (Some(minute.max(start) + 1), 0)
        };
        assert_eq!((e.minute, e.added), want, "event {}", e.id);
    }
    use beatwriter::inspect::statsbomb::native;
    assert_eq!(native(1, 18), (Some(19), 0));
    assert_eq!(native(1, 46), (Some(45), 2));
    assert_eq!(native(2, 93), (Some(90), 4));
    assert_eq!(native(3, 100), (Some(101), 0));
    assert_eq!(native(4, 121), (Some(120), 2));
    assert_eq!(native(5, 125), (None, 0));
}

#[test]
fn goals_scorers_minutes_and_details() {
    let m = real().m;
    let goals: Vec<(String, u16, &str)> = of_kind(&m, EventType::Goal)
        .iter()
        .map(|e| {
            (
                e.clock(),
                e.minute.unwrap(),
                display(&m, e.player.as_deref().unwrap()),
            )
        })
        .collect();
    let names: Vec<(u16, &str)> = goals.iter().map(|(_, mi, p)| (*mi, *p)).collect();
    assert_eq!(
        names,
        vec![
            (19, "Lionel Messi"),
            (45, "Cristhian Stuani"),
            (51, "Cristhian Stuani"),
            (63, "Gerard Piqué")
        ]
    );
    let messi = of_kind(&m, EventType::Goal)[0];
    assert_eq!(
        messi.assist.as_deref().map(|a| display(&m, a)),
        Some("Arturo Vidal")
    );
    assert_eq!(messi.distance_yards, Some(15));
    assert!((messi.xg.unwrap() - 0.145).abs() < 0.001);
    assert_eq!(
        messi.goalkeeper.as_deref().map(|g| display(&m, g)),
        Some("Yassine Bounou")
    );
    let pique = of_kind(&m, EventType::Goal)[3];
    assert_eq!(pique.body_part, Some(beatwriter::model::BodyPart::Head));
    // The possession came from a corner, but the shot had no key pass: a
    // header that merely followed a corner is not "from a corner".
    assert_eq!(pique.set_piece, None);
    assert_eq!(
        m.result.half_time,
        beatwriter::model::Score { home: 1, away: 1 }
    );
    assert_eq!(
        m.result.full_time,
        beatwriter::model::Score { home: 2, away: 2 }
    );
    assert_eq!(m.result.winner, None);
}

#[test]
fn an_own_goal_pair_counts_once_for_the_benefiting_side() {
    let mut ev = raw_events();
    let pos = at_index(&ev, 2000);
    let against = like(&ev, pos, "og-against", "Own Goal Against", BARCA, PIQUE);
    let for_ = like(&ev, pos, "og-for", "Own Goal For", GIRONA, STUANI);
    ev.insert(pos + 1, for_);
    ev.insert(pos + 1, against);
    let m = import_edited("og.json", ev, false).unwrap().m;
    let og = of_kind(&m, EventType::OwnGoal);
    assert_eq!(og.len(), 1);
    assert_eq!(og[0].team, m.teams.away.id, "credited to Girona");
    assert_eq!(
        display(&m, og[0].player.as_deref().unwrap()),
        "Gerard Piqué"
    );
    assert_eq!(
        m.result.full_time,
        beatwriter::model::Score { home: 2, away: 3 }
    );
}

/// Inserts a penalty foul by Semedo on Stuani and a Stuani penalty with `outcome`.
fn with_penalty(outcome: &str, end: [f64; 3]) -> Match {
    let mut ev = raw_events();
    let pos = at_index(&ev, 3000);
    let mut foul = like(&ev, pos, "pen-foul", "Foul Committed", BARCA, SEMEDO);
    foul["foul_committed"] = serde_json::json!({"penalty": true});
    foul["related_events"] = serde_json::json!(["pen-won"]);
    let mut won = like(&ev, pos, "pen-won", "Foul Won", GIRONA, STUANI);
    won["foul_won"] = serde_json::json!({"penalty": true});
    let mut shot = like(&ev, pos, "pen-shot", "Shot", GIRONA, STUANI);
    shot["location"] = serde_json::json!([108.0, 40.0]);
    shot["shot"] = serde_json::json!({
        "statsbomb_xg": 0.76, "end_location": end,
        "outcome": {"id": 1, "name": outcome}, "type": {"id": 88, "name": "Penalty"},
        "body_part": {"id": 40, "name": "Right Foot"}
    });
    shot["related_events"] = serde_json::json!(["pen-gk"]);
    let gk = like(
        &ev,
        pos,
        "pen-gk",
        "Goal Keeper",
        BARCA,
        (20055, "Marc-André ter Stegen"),
    );
    for (k, e) in [foul, won, shot, gk].into_iter().enumerate() {
        ev.insert(pos + 1 + k, e);
    }
    import_edited(&format!("pen-{outcome}.json"), ev, false)
        .unwrap()
        .m
}

#[test]
fn penalties_scored_saved_and_missed_with_their_cause() {
    let m = with_penalty("Goal", [120.0, 38.0, 0.5]);
    let award = of_kind(&m, EventType::PenaltyAwarded);
    assert_eq!(award.len(), 1);
    assert_eq!(award[0].team, m.teams.away.id);
    assert_eq!(
        award[0].fouled.as_deref().map(|p| display(&m, p)),
        Some("Cristhian Stuani")
    );
    assert_eq!(
        award[0].opponent.as_deref().map(|p| display(&m, p)),
        Some("Nélson Semedo")
    );
    let kick = of_kind(&m, EventType::PenaltyScored);
    assert_eq!(kick.len(), 1);
    assert_eq!(kick[0].about.as_deref(), Some(award[0].id.as_str()));
    assert_eq!(m.result.full_time.away, 3);

    let m = with_penalty("Saved", [120.0, 38.0, 0.5]);
    let saved = of_kind(&m, EventType::PenaltySaved);
    assert_eq!(
        saved[0].goalkeeper.as_deref().map(|p| display(&m, p)),
        Some("Marc-André ter Stegen")
    );
    assert_eq!(m.result.full_time.away, 2);

    for (outcome, want) in [
        ("Off T", beatwriter::model::ShotOutcome::Wide),
        ("Post", beatwriter::model::ShotOutcome::Post),
        ("Wayward", beatwriter::model::ShotOutcome::Wide),
    ] {
        let m = with_penalty(outcome, [120.0, 45.0, 1.0]);
        let missed = of_kind(&m, EventType::PenaltyMissed);
        assert_eq!(missed.len(), 1, "{outcome}");
        assert_eq!(missed[0].outcome, Some(want), "{outcome}");
        assert_eq!(m.result.full_time.away, 2);
    }
}

/// The real feed with a shoot-out appended: Barcelona miss three, Girona
/// score three, so it is over after six kicks.
fn with_shootout() -> Vec<serde_json::Value> {
    let mut ev = raw_events();
    let last = ev.len() - 1;
    for n in 0..6 {
        let (team, player, outcome) = if n % 2 == 0 {
            (BARCA, PIQUE, "Off T")
        } else {
            (GIRONA, STUANI, "Goal")
        };
        let mut kick = like(&ev, last, &format!("so-{n}"), "Shot", team, player);
        kick["period"] = serde_json::json!(5);
        kick["minute"] = serde_json::json!(125);
        kick["shot"] = serde_json::json!({"statsbomb_xg": 0.76, "outcome": {"id": 97, "name": outcome}, "type": {"id": 88, "name": "Penalty"}});
        ev.push(kick);
    }
    ev
}

#[test]
fn shootout_kicks_stay_out_of_the_score() {
    // A shoot-out needs a knockout match: the match file says this one was.
    let mut info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("15986_match.json")).unwrap()).unwrap();
    info[0]["competition_stage"] = serde_json::json!({"id": 1, "name": "Quarter-finals"});
    let mut o = opts(true);
    o.match_file = Some(temp("so-match.json", &info));
    o.events = temp("so.json", &serde_json::Value::Array(with_shootout()));
    let m = statsbomb::import(&o).unwrap_or_else(|e| panic!("{e}")).m;
    let kicks = of_kind(&m, EventType::ShootoutKick);
    assert_eq!(kicks.len(), 6);
    assert_eq!(kicks[0].minute, None);
    assert_eq!(
        m.result.full_time,
        beatwriter::model::Score { home: 2, away: 2 }
    );
    assert_eq!(
        m.result.shootout,
        Some(beatwriter::model::Score { home: 0, away: 3 })
    );
}

#[test]
fn a_shootout_in_a_league_match_is_an_error_in_the_feed() {
    // Without a match file the stage is a league's: no shoot-outs. The
    // error points at the feed's first kick, not the converted match.
    let ev = with_shootout();
    let first = ev.iter().position(|e| e["id"] == "so-0").unwrap();
    let err = import_edited("so-league.json", ev, false).unwrap_err();
    let text = err.to_string();
    assert!(err.file.ends_with("so-league.json"), "{text}");
    let d = err
        .diagnostics
        .iter()
        .find(|d| d.message.contains("a penalty shoot-out in a league match"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(d.path, format!("[{first}]"));
    assert!(d.message.contains("(id so-0)"), "{}", d.message);
    assert!(d.position.is_some());
}

#[test]
fn cards_from_fouls_and_bad_behaviour() {
    let m = real().m;
    let red = of_kind(&m, EventType::Red);
    assert_eq!(red.len(), 1);
    assert_eq!(
        display(&m, red[0].player.as_deref().unwrap()),
        "Clément Lenglet"
    );
    assert_eq!((red[0].period, red[0].minute), (1, Some(33)));
    let yellows: Vec<&str> = of_kind(&m, EventType::Yellow)
        .iter()
        .map(|e| display(&m, e.player.as_deref().unwrap()))
        .collect();
    assert_eq!(yellows.len(), 8, "{yellows:?}");
    assert!(
        yellows.contains(&"Portu") && yellows.contains(&"Gerard Piqué"),
        "Bad Behaviour cards: {yellows:?}"
    );
}

#[test]
fn second_yellow_and_a_card_after_substitution() {
    let mut ev = raw_events();
    // Semedo (booked at 12') gets a second yellow; Dembélé (off at half-time) is booked on the bench.
    let pos = at_index(&ev, 3300);
    let mut second = like(&ev, pos, "second-yellow", "Foul Committed", BARCA, SEMEDO);
    second["foul_committed"] = serde_json::json!({"card": {"id": 6, "name": "Second Yellow"}});
    let mut bench = like(&ev, pos, "bench-card", "Bad Behaviour", BARCA, DEMBELE);
    bench["bad_behaviour"] = serde_json::json!({"card": {"id": 7, "name": "Yellow Card"}});
    ev.insert(pos + 1, bench);
    ev.insert(pos + 1, second);
    let m = import_edited("cards.json", ev, false).unwrap().m;
    let second = of_kind(&m, EventType::SecondYellow);
    assert_eq!(second.len(), 1);
    assert!(second[0].kind.is_sending_off());
    assert!(
        of_kind(&m, EventType::Yellow)
            .iter()
            .any(|e| display(&m, e.player.as_deref().unwrap()) == "Ousmane Dembélé")
    );
}

#[test]
fn substitutions_with_minutes_and_reasons() {
    let m = real().m;
    let subs: Vec<(u16, &str, &str)> = of_kind(&m, EventType::Substitution)
        .iter()
        .map(|e| {
            (
                e.minute.unwrap(),
                display(&m, e.player.as_deref().unwrap()),
                display(&m, e.replaced.as_deref().unwrap()),
            )
        })
        .collect();
    assert_eq!(subs.len(), 6);
    assert!(
        subs.contains(&(46, "Samuel Umtiti", "Ousmane Dembélé")),
        "{subs:?}"
    );
    assert!(subs.contains(&(85, "Seydou Doumbia", "Portu")), "{subs:?}");
    assert!(
        of_kind(&m, EventType::Substitution)
            .iter()
            .all(|e| e.reason == Some(beatwriter::model::Reason::Tactical))
    );
}

#[test]
fn squads_from_lineups() {
    use beatwriter::model::Position;
    let m = real().m;
    assert_eq!(m.teams.home.name, "Barcelona");
    assert_eq!(m.teams.away.name, "Girona");
    for team in [&m.teams.home, &m.teams.away] {
        assert_eq!(team.squad.iter().filter(|p| p.starter).count(), 11);
        assert!(team.squad.iter().all(|p| !p.captain));
    }
    let find = |display: &str| {
        m.teams
            .home
            .squad
            .iter()
            .chain(&m.teams.away.squad)
            .find(|p| p.name == display)
            .unwrap()
    };
    let messi = find("Lionel Messi");
    // Prose uses the line-up name; the legal name is kept beside it.
    assert_eq!(messi.name, "Lionel Messi");
    assert_eq!(
        messi.legal_name.as_deref(),
        Some("Lionel Andrés Messi Cuccittini")
    );
    assert_eq!(messi.surname, "Messi");
    assert_eq!(messi.shirt, Some(10));
    assert_eq!(messi.position, Position::Forward);
    assert!(messi.starter);
    assert_eq!(find("Marc-André ter Stegen").surname, "Ter Stegen");
    assert_eq!(find("Marc-André ter Stegen").position, Position::Goalkeeper);
    assert_eq!(
        find("Ivan Rakitić").surname,
        "Rakitić",
        "no nickname: the name is the display"
    );
    assert!(!find("Ivan Rakitić").starter);
    assert_eq!(find("Gerard Piqué").position, Position::Defender);
    assert_eq!(find("Sergio Busquets").position, Position::Midfielder);
    // Luis and Denis Suárez get distinct ids; unused substitutes are left out.
    let ids: std::collections::HashSet<&str> =
        m.teams.home.squad.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), m.teams.home.squad.len());
    assert!(!m.teams.home.squad.iter().any(|p| p.name == "Denis Suárez"));
}

#[test]
fn team_stats() {
    let m = real().m;
    let s = m.stats.unwrap();
    assert_eq!((s.home.shots, s.away.shots), (Some(20), Some(7)));
    assert_eq!(
        (s.home.shots_on_target, s.away.shots_on_target),
        (Some(11), Some(5))
    );
    assert_eq!((s.home.xg, s.away.xg), (Some(1.31), Some(0.9)));
    assert_eq!((s.home.corners, s.away.corners), (Some(8), Some(2)));
    assert_eq!((s.home.fouls, s.away.fouls), (Some(12), Some(16)));
    assert_eq!((s.home.passes, s.away.passes), (Some(768), Some(380)));
}

#[test]
fn highlights_are_a_short_list() {
    let imported = real();
    let m = &imported.m;
    // No shot reached the big-chance mark (the best miss is 0.29).
    assert!(of_kind(m, EventType::Chance).is_empty());
    let saves = of_kind(m, EventType::Save);
    assert_eq!(saves.len(), 2);
    assert!(
        saves
            .iter()
            .all(|e| e.xg.unwrap() >= beatwriter::inspect::statsbomb::SAVE_XG)
    );
    assert_eq!(
        display(m, saves[0].player.as_deref().unwrap()),
        "Yassine Bounou"
    );
    assert_eq!(saves[0].team, m.teams.away.id);
    assert_eq!(of_kind(m, EventType::Woodwork).len(), 1);
    assert!(m.events.len() < 30, "{} events", m.events.len());
    assert!(imported.ignored.is_empty());
}

#[test]
fn a_big_chance_carries_its_xg_and_goalkeeper() {
    let mut ev = raw_events();
    let pos = at_index(&ev, 2476); // Portu's saved shot, xG 0.29
    ev[pos]["shot"]["statsbomb_xg"] = serde_json::json!(0.45);
    let m = import_edited("chance.json", ev, false).unwrap().m;
    let chances = of_kind(&m, EventType::Chance);
    assert_eq!(chances.len(), 1);
    assert_eq!(chances[0].xg, Some(0.45));
    assert_eq!(
        chances[0].outcome,
        Some(beatwriter::model::ShotOutcome::Saved)
    );
    assert_eq!(
        chances[0].goalkeeper.as_deref().map(|g| display(&m, g)),
        Some("Marc-André ter Stegen")
    );
}

#[test]
fn the_match_file_gives_the_fixture() {
    use beatwriter::model::Stage;
    let m = real().m;
    let f = &m.fixture;
    assert_eq!(f.competition, "La Liga");
    assert_eq!(f.season, "2018-19");
    assert_eq!(f.date, "2018-09-23");
    assert_eq!(f.stage, Stage::League);
    assert_eq!(f.round.as_deref(), Some("Matchday 5"));
    assert_eq!(
        f.venue.as_ref().map(|v| v.name.as_str()),
        Some("Spotify Camp Nou")
    );
    assert_eq!(f.referee.as_deref(), Some("Jesús Gil Manzano"));
    assert_eq!(
        m.teams.home.manager.as_ref().map(|p| p.surname.as_str()),
        Some("Valverde")
    );
    assert_eq!(
        m.teams.away.manager.as_ref().map(|p| p.name.as_str()),
        Some("Eusebio Sacristán")
    );
}

#[test]
fn without_a_match_file_home_is_the_first_starting_xi() {
    let imported = statsbomb::import(&opts(false)).unwrap();
    assert_eq!(imported.m.teams.home.name, "Barcelona");
    assert_eq!(
        imported.m.result.full_time,
        beatwriter::model::Score { home: 2, away: 2 }
    );
    assert!(imported.warnings.iter().any(|w| w.contains("home side")));
}

#[test]
fn a_score_disagreement_is_an_error_unless_lenient() {
    let mut info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("15986_match.json")).unwrap()).unwrap();
    info[0]["home_score"] = serde_json::json!(3);
    let mut o = opts(true);
    o.match_file = Some(temp("match-3-2.json", &info));
    let err = statsbomb::import(&o).unwrap_err();
    assert!(err.file.ends_with("match-3-2.json"), "{err}");
    assert_eq!(err.diagnostics[0].path, "[0].home_score");
    assert!(err.diagnostics[0].position.is_some());
    o.lenient = true;
    let imported = statsbomb::import(&o).unwrap();
    assert!(
        imported.warnings.iter().any(|w| w.contains("home_score")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.m.result.full_time.home, 2, "the events win");
}

#[test]
fn a_player_outside_the_lineup_and_repeated_ids_are_errors_unless_lenient() {
    let mut ev = raw_events();
    let pos = at_index(&ev, 500);
    ev[pos]["player"]["id"] = serde_json::json!(999999);
    let dup = ev[pos + 1]["id"].clone();
    ev[pos + 2]["id"] = dup;
    let err = import_edited("bad.json", ev.clone(), false).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("bad.json:") && text.contains(&format!("[{pos}].player.id")),
        "{text}"
    );
    assert!(text.contains("already used"), "{text}");
    assert!(err.diagnostics.iter().all(|d| d.position.is_some()));
    let imported = import_edited("bad-lenient.json", ev, true).unwrap();
    assert!(imported.warnings.len() >= 2);
}

#[test]
fn unknown_event_types_are_counted_and_ignored() {
    let mut ev = raw_events();
    let pos = at_index(&ev, 100);
    let mut odd = like(&ev, pos, "odd-1", "Hologram", BARCA, PIQUE);
    odd["index"] = serde_json::json!(99999);
    ev.insert(pos + 1, odd);
    let imported = import_edited("odd.json", ev, false).unwrap();
    assert_eq!(imported.ignored.get("Hologram"), Some(&1));
}

#[test]
fn truncated_and_foreign_files_are_clear_errors() {
    let text = std::fs::read_to_string(data("15986_events.json")).unwrap();
    let dir = std::env::temp_dir().join(format!("beatwriter-sb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("truncated.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let mut o = opts(false);
    o.events = cut;
    let err = statsbomb::import(&o).unwrap_err();
    assert_eq!(err.kind, beatwriter::ErrorKind::Syntax);
    assert!(
        err.to_string().contains("truncated.json:") && err.to_string().contains("truncated?"),
        "{err}"
    );

    let mut o = opts(false);
    o.events = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/eng-fra-2022-wc-qf.json");
    let err = statsbomb::import(&o).unwrap_err();
    assert_eq!(err.kind, beatwriter::ErrorKind::Shape);
    let text = err.to_string();
    assert!(
        text.contains("eng-fra-2022-wc-qf.json:") && text.contains("StatsBomb events file"),
        "{text}"
    );
}

#[test]
fn a_context_file_is_merged_and_checked() {
    let mut o = opts(true);
    o.context = Some(temp(
        "ctx.json",
        &serde_json::json!({"key_stats": ["Messi's 10th goal of the season"], "focus_players": ["barcelona-lionel-messi"]}),
    ));
    let m = statsbomb::import(&o).unwrap().m;
    assert_eq!(m.context.key_stats.len(), 1);
    o.context = Some(temp("ctx-bad.json", &serde_json::json!({"key_stat": []})));
    let err = statsbomb::import(&o).unwrap_err();
    assert!(
        err.to_string().contains("ctx-bad.json") && err.to_string().contains("unknown field"),
        "{err}"
    );
    o.context = Some(temp(
        "ctx-who.json",
        &serde_json::json!({"focus_players": ["nobody"]}),
    ));
    assert!(
        statsbomb::import(&o).is_err(),
        "an unknown player in the context fails validation"
    );
}

mod ratings {
    use super::*;
    use beatwriter::inspect::{Performance, rate, score};

    fn full(f: impl FnOnce(&mut Performance)) -> Performance {
        let mut p = Performance {
            minutes: 90.0,
            ..Default::default()
        };
        f(&mut p);
        p
    }

    #[test]
    fn the_model_ranks_good_above_bad() {
        let hat_trick = full(|p| {
            p.goals = 3;
            p.key_passes = 2;
        });
        let solid = full(|p| {
            p.defensive_actions = 8;
        });
        let quiet = full(|_| {});
        let awful = full(|p| {
            p.own_goals = 1;
            p.errors = 1;
            p.red_cards = 1;
        });
        let keeper = full(|p| p.saves = 7);
        assert!(score(&hat_trick) > score(&keeper));
        assert!(score(&keeper) > score(&solid));
        assert!(score(&solid) > score(&quiet));
        assert!(score(&quiet) > score(&awful));
        assert_eq!(rate(&quiet), Rating::Mark(6.0));
        assert_eq!(rate(&awful), Rating::Mark(3.0));
        // The same goal counts for less in a cameo, and a quiet cameo is 6.
        let cameo_goal = Performance {
            minutes: 5.0,
            goals: 1,
            ..Default::default()
        };
        assert!(score(&cameo_goal) < score(&full(|p| p.goals = 1)));
        assert_eq!(
            rate(&Performance {
                minutes: 5.0,
                ..Default::default()
            }),
            Rating::Mark(6.0)
        );
    }

    #[test]
    fn real_two_goal_scorer_rates_above_a_cameo_and_ratings_are_marked_computed() {
        let m = real().m;
        assert_eq!(
            m.ratings_basis,
            Some(beatwriter::model::RatingsBasis::Computed)
        );
        let mark = |id: &str| match m.ratings.get(id) {
            Some(Rating::Mark(x)) => *x,
            other => panic!("{id}: {other:?}"),
        };
        let stuani = mark("girona-cristhian-stuani");
        let doumbia = mark("girona-seydou-doumbia");
        assert!(stuani > doumbia, "Stuani {stuani} vs Doumbia {doumbia}");
        assert!(mark("barcelona-clement-lenglet") < 6.0);
        for r in m.ratings.values() {
            let Rating::Mark(x) = r else { panic!() };
            assert!((3.0..=10.0).contains(x) && (x * 2.0).fract() == 0.0);
        }
    }
}

#[test]
fn the_report_tells_the_story() {
    let m = real().m;
    let report = beatwriter::write_report(&m, &beatwriter::Options::default()).unwrap();
    let text = beatwriter::output::text(&report);
    assert!(text.starts_with("Barcelona 2-2 Girona"), "{text}");
    for needle in [
        "19'",
        "45'",
        "51'",
        "63'",
        "RED CARD",
        "Lenglet",
        "came from behind",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
}

#[test]
fn gzipped_feeds_are_read_as_they_are_shipped() {
    let imported = statsbomb::import(&ImportOptions {
        events: data("22921_events.json.gz"),
        lineups: data("22921_lineups.json.gz"),
        match_file: Some(data("22921_match.json")),
        context: None,
        lenient: false,
    })
    .unwrap_or_else(|e| panic!("import failed:\n{e}"));
    let goals = imported
        .m
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventType::Goal | EventType::OwnGoal | EventType::PenaltyScored
            )
        })
        .count();
    assert_eq!(goals, 4, "France Women's 4-0 Korea Republic Women's");
}
