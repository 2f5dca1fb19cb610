//! Scenario tests: the buying guides' advice, pinned on a small fixture catalog
//! (`tests/fixtures/advisor_models.json`) so they don't move when the real catalog grows.
//!
//! Fixture models: closed 32 ohm / 63 ohm (budget) and 250 ohm (midrange), a closed model with
//! no published figures (budget), open 32 ohm / 300 ohm (midrange) and a 20 ohm planar
//! (high-end), and a semi-open 80 ohm (midrange).

use headroom_domain::advisor::{
    recommend, Fit, Profile, Reason, ReasonKind, Recommendation, Room, SourceChoice, Task,
};
use headroom_domain::journal::{TryOnSummary, Verdict as TryVerdict};
use headroom_domain::{load, Back, Catalog, Tier, Verdict};
use proptest::prelude::*;

fn fixture() -> Catalog {
    let text = include_str!("fixtures/advisor_models.json");
    let models = load::load_files(&[("fixtures/advisor_models.json", text)])
        .unwrap_or_else(|e| panic!("fixture: {e}"));
    Catalog::from_models(models)
}

fn source(preset: &str) -> SourceChoice {
    SourceChoice {
        preset: preset.to_owned(),
        ..SourceChoice::default()
    }
}

fn custom(vrms: f64, output_ohm: f64) -> SourceChoice {
    SourceChoice {
        preset: "custom".to_owned(),
        vrms: Some(vrms),
        output_ohm: Some(output_ohm),
    }
}

/// A profile with nothing that favours a cup design: editing in a quiet room, short sessions,
/// monitors at hand, a headphone amp, every tier allowed.
fn neutral() -> Profile {
    Profile {
        room: Room::Quiet,
        others_nearby: false,
        tasks: vec![Task::Editing],
        source: source("amp"),
        budget: Tier::HighEnd,
        hours: 1.0,
        has_monitors: true,
        glasses: false,
        runs_hot: false,
        target_db: 110.0,
        show_over_budget: false,
    }
}

fn rank(profile: &Profile, fits: &[TryOnSummary]) -> Vec<Recommendation> {
    let ranked = recommend(&fixture(), profile, fits).unwrap_or_else(|e| panic!("{e}"));
    for r in &ranked {
        let sum: f64 = r.reasons.iter().map(|x| x.weight).sum();
        assert_eq!(
            r.score, sum,
            "{}: the score is the sum of the reasons",
            r.id
        );
        assert_eq!(r.fit, Fit::from_score(r.score), "{}", r.id);
    }
    ranked
}

fn ids(ranked: &[Recommendation]) -> Vec<&str> {
    ranked.iter().map(|r| r.id.as_str()).collect()
}

fn back_of(id: &str) -> Back {
    fixture().require(id).unwrap().back
}

fn position(ranked: &[Recommendation], id: &str) -> usize {
    ranked
        .iter()
        .position(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id} not ranked: {:?}", ids(ranked)))
}

fn find<'a>(ranked: &'a [Recommendation], id: &str) -> &'a Recommendation {
    &ranked[position(ranked, id)]
}

fn has_reason(r: &Recommendation, kind: ReasonKind, needle: &str) -> Option<Reason> {
    r.reasons
        .iter()
        .find(|x| x.kind == kind && x.text.contains(needle))
        .cloned()
}

fn no_try_on(model_id: &str) -> TryOnSummary {
    TryOnSummary {
        model_id: model_id.to_owned(),
        sessions: 1,
        ..TryOnSummary::default()
    }
}

#[test]
fn tracking_in_a_noisy_flat_on_a_laptop_ranks_closed_low_impedance_models_first() {
    let profile = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::Tracking],
        source: source("laptop"),
        budget: Tier::Midrange,
        hours: 2.0,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let order = ids(&ranked);
    // Both low-impedance closed models first (tied on score, the louder 63 ohm one leads).
    assert_eq!(&order[..2], ["fx-closed-63", "fx-closed-32"], "{order:?}");
    // Every closed model before any semi-open or open one.
    let last_closed = order
        .iter()
        .rposition(|id| back_of(id) == Back::Closed)
        .unwrap();
    let first_other = order
        .iter()
        .position(|id| back_of(id) != Back::Closed)
        .unwrap();
    assert!(last_closed < first_other, "{order:?}");
    // The 250 ohm closed model is marginal on a laptop jack and says so, in the guide's words.
    let hi = find(&ranked, "fx-closed-250");
    assert!(position(&ranked, "fx-closed-250") > position(&ranked, "fx-closed-32"));
    let short = has_reason(hi, ReasonKind::Con, "250 ohm on your laptop jack").unwrap();
    assert_eq!(
        &*short.text,
        "250 ohm on your laptop jack: about 4 dB short of 110 dB peaks"
    );
    assert_eq!(hi.drive.unwrap().verdict, Verdict::Marginal);
    // The reasons name the user's situation.
    let top = &ranked[0];
    for needle in [
        "Closed back: keeps your vocal mic free of bleed while tracking",
        "Closed back: shuts out your noisy room",
        "Closed back: keeps your sound from the people around you",
    ] {
        assert!(
            has_reason(top, ReasonKind::Pro, needle).is_some(),
            "{needle}"
        );
    }
    assert!(has_reason(find(&ranked, "fx-open-32"), ReasonKind::Con, "vocal mic").is_some());
    assert_eq!(top.fit, Fit::Great);
}

#[test]
fn long_mixing_sessions_in_a_quiet_room_without_monitors_rank_open_backs_first() {
    let profile = Profile {
        room: Room::Quiet,
        tasks: vec![Task::Mixing, Task::Mastering],
        source: source("interface"),
        hours: 6.0,
        has_monitors: false,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let order = ids(&ranked);
    let backs: Vec<Back> = order.iter().map(|id| back_of(id)).collect();
    assert_eq!(
        backs,
        [
            Back::Open,
            Back::Open,
            Back::Open,
            Back::SemiOpen,
            Back::Closed,
            Back::Closed,
            Back::Closed,
            Back::Closed
        ],
        "{order:?}"
    );
    let top = &ranked[0];
    assert!(has_reason(
        top,
        ReasonKind::Pro,
        "so your mixing and mastering translates"
    )
    .is_some());
    assert!(has_reason(top, ReasonKind::Pro, "monitors you don't have").is_some());
    assert!(has_reason(top, ReasonKind::Pro, "6-hour sessions").is_some());
    let closed = find(&ranked, "fx-closed-63");
    assert!(has_reason(closed, ReasonKind::Con, "in-your-head image").is_some());
    assert!(has_reason(
        closed,
        ReasonKind::Con,
        "sweaty ears and fatigue over your 6-hour"
    )
    .is_some());
    // The heavy planar takes a weight con on 6-hour sessions.
    let planar = find(&ranked, "fx-open-planar");
    assert!(has_reason(
        planar,
        ReasonKind::Con,
        "Heavy at 520 g for your 6-hour sessions"
    )
    .is_some());
}

#[test]
fn a_moderate_room_still_favours_open_backs_for_mixing_but_less() {
    let quiet = Profile {
        tasks: vec![Task::Mixing],
        ..neutral()
    };
    let moderate = Profile {
        room: Room::Moderate,
        ..quiet.clone()
    };
    let gap = |p: &Profile| {
        let r = rank(p, &[]);
        find(&r, "fx-open-32").score - find(&r, "fx-closed-32").score
    };
    assert!(
        gap(&quiet) > gap(&moderate),
        "a quiet room favours open backs more"
    );
    assert!(
        gap(&moderate) > 0.0,
        "a moderate room still favours open backs for mixing"
    );
}

#[test]
fn a_noisy_room_turns_mixing_advice_to_closed_backs() {
    let profile = Profile {
        room: Room::Noisy,
        tasks: vec![Task::Mixing],
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    assert_eq!(back_of(&ranked[0].id), Back::Closed, "{:?}", ids(&ranked));
}

#[test]
fn running_hot_favours_open_backs_with_semi_open_between() {
    let profile = Profile {
        runs_hot: true,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let best = |back: Back| {
        ranked
            .iter()
            .filter(|r| back_of(&r.id) == back)
            .map(|r| r.score)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    assert!(
        best(Back::Open) > best(Back::SemiOpen),
        "{:?}",
        ids(&ranked)
    );
    assert!(
        best(Back::SemiOpen) > best(Back::Closed),
        "{:?}",
        ids(&ranked)
    );
    assert_eq!(back_of(&ranked[0].id), Back::Open);
    let closed = find(&ranked, "fx-closed-32");
    assert!(has_reason(
        closed,
        ReasonKind::Con,
        "traps heat around ears that run hot"
    )
    .is_some());
    // Open backs are more delicate with sweat: a small con, smaller than the pro.
    let open = find(&ranked, "fx-open-32");
    let moisture = has_reason(open, ReasonKind::Con, "sweat").unwrap();
    let heat = has_reason(open, ReasonKind::Pro, "lets heat out").unwrap();
    assert!(heat.weight > -moisture.weight);
}

#[test]
fn others_nearby_favour_closed_backs() {
    let profile = Profile {
        others_nearby: true,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    assert_eq!(back_of(&ranked[0].id), Back::Closed, "{:?}", ids(&ranked));
    let open = find(&ranked, "fx-open-32");
    let semi = find(&ranked, "fx-semi-80");
    let closed = find(&ranked, "fx-closed-32");
    assert!(closed.score > semi.score && semi.score > open.score);
    assert!(has_reason(
        open,
        ReasonKind::Con,
        "the people around you hear what you hear"
    )
    .is_some());
}

#[test]
fn commuting_and_djing_favour_closed_backs() {
    for task in [Task::Commuting, Task::Djing] {
        let profile = Profile {
            tasks: vec![task],
            ..neutral()
        };
        let ranked = rank(&profile, &[]);
        assert_eq!(
            back_of(&ranked[0].id),
            Back::Closed,
            "{task:?}: {:?}",
            ids(&ranked)
        );
        let open = find(&ranked, "fx-open-32");
        assert!(
            open.reasons.iter().any(|r| r.kind == ReasonKind::Con),
            "{task:?}"
        );
    }
    let commute = Profile {
        tasks: vec![Task::Commuting],
        ..neutral()
    };
    let ranked = rank(&commute, &[]);
    let folding = find(&ranked, "fx-closed-32");
    assert!(has_reason(folding, ReasonKind::Pro, "Folds up for your commute").is_some());
}

#[test]
fn casual_listening_gives_closed_backs_their_fuller_low_end() {
    let profile = Profile {
        tasks: vec![Task::Casual],
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let closed = find(&ranked, "fx-closed-32");
    assert!(has_reason(closed, ReasonKind::Pro, "fuller low end").is_some());
    let semi = find(&ranked, "fx-semi-80");
    let open = find(&ranked, "fx-open-32");
    let cup = |r: &Recommendation| -> f64 {
        r.reasons
            .iter()
            .filter(|x| x.text.contains(" back:"))
            .map(|x| x.weight)
            .sum()
    };
    assert!(cup(closed) > cup(semi) && cup(semi) > cup(open));
}

#[test]
fn the_budget_tier_is_a_hard_limit() {
    let profile = Profile {
        budget: Tier::Budget,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    assert_eq!(
        ids(&ranked),
        ["fx-closed-63", "fx-closed-32", "fx-closed-unknown"],
        "only budget-tier models"
    );
    assert!(ranked.iter().all(|r| !r.over_budget));

    let shown = Profile {
        show_over_budget: true,
        ..profile
    };
    let ranked = rank(&shown, &[]);
    assert_eq!(ranked.len(), 8, "every model, the dearer ones flagged");
    let first_over = ranked.iter().position(|r| r.over_budget).unwrap();
    assert_eq!(first_over, 3, "{:?}", ids(&ranked));
    for r in &ranked[first_over..] {
        assert!(
            r.over_budget,
            "over-budget models come after every in-budget one"
        );
        let tier = fixture().require(&r.id).unwrap().tier.unwrap();
        assert!(tier > Tier::Budget);
        let con = has_reason(r, ReasonKind::Con, "Above your budget").unwrap();
        assert!(con.text.contains("you set budget"), "{}", con.text);
    }
}

#[test]
fn the_budget_limit_beats_a_better_score() {
    // The open planar is the best mixing pick, but above a midrange budget it goes after every
    // in-budget model, even ones that score far lower.
    let profile = Profile {
        tasks: vec![Task::Mixing],
        budget: Tier::Midrange,
        show_over_budget: true,
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let last = ranked.last().unwrap();
    assert_eq!(last.id, "fx-open-planar");
    assert!(last.score > ranked[ranked.len() - 2].score);
}

#[test]
fn a_no_from_the_users_own_try_on_drops_a_model() {
    let profile = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::Tracking],
        source: source("laptop"),
        budget: Tier::Midrange,
        ..neutral()
    };
    let before = rank(&profile, &[]);
    assert_eq!(before[0].id, "fx-closed-63");
    let fit = TryOnSummary {
        last_verdict: Some(TryVerdict::No),
        ..no_try_on("fx-closed-63")
    };
    let after = rank(&profile, &[fit]);
    let dropped = find(&after, "fx-closed-63");
    assert!(position(&after, "fx-closed-63") > position(&after, "fx-closed-250"));
    let con = has_reason(dropped, ReasonKind::Con, "your own try-on").unwrap();
    assert_eq!(&*con.text, "You marked it \"no\" after your own try-on");
    assert!(
        -con.weight > 3.0,
        "outweighs any single catalog rule, tracking included"
    );
}

#[test]
fn a_model_the_user_found_too_tight_drops() {
    let profile = Profile {
        tasks: vec![Task::Tracking],
        ..neutral()
    };
    let before = rank(&profile, &[]);
    let fit = TryOnSummary {
        sessions: 3,
        avg_clamp: Some(1.0),
        avg_comfort: Some(2.0),
        ..no_try_on(&before[0].id)
    };
    let after = rank(&profile, &[fit]);
    let dropped = find(&after, &before[0].id);
    assert!(position(&after, &before[0].id) > 0);
    assert!(dropped.score < find(&before, &before[0].id).score - 4.0);
    let tight = has_reason(dropped, ReasonKind::Con, "Too tight for you").unwrap();
    assert_eq!(
        &*tight.text,
        "Too tight for you: clamp 1/5 in your own 3 try-ons"
    );
    assert!(has_reason(
        dropped,
        ReasonKind::Con,
        "Uncomfortable for you: comfort 2/5"
    )
    .is_some());
}

#[test]
fn a_model_the_user_loved_rises_past_the_catalog_favourites() {
    let profile = Profile {
        room: Room::Quiet,
        tasks: vec![Task::Mixing],
        hours: 6.0,
        has_monitors: false,
        source: source("interface"),
        ..neutral()
    };
    let before = rank(&profile, &[]);
    assert_eq!(back_of(&before[0].id), Back::Open);
    let fit = TryOnSummary {
        sessions: 2,
        avg_comfort: Some(5.0),
        last_verdict: Some(TryVerdict::Keep),
        ..no_try_on("fx-semi-80")
    };
    let after = rank(&profile, &[fit]);
    assert_eq!(after[0].id, "fx-semi-80", "{:?}", ids(&after));
    let keep = has_reason(&after[0], ReasonKind::Pro, "\"keep\"").unwrap();
    assert!(keep.text.contains("your own try-on"));
    assert!(has_reason(
        &after[0],
        ReasonKind::Pro,
        "Comfortable for you: comfort 5/5"
    )
    .is_some());
}

#[test]
fn try_on_ratings_replace_the_catalogs_guesses() {
    let profile = Profile {
        glasses: true,
        runs_hot: true,
        hours: 4.0,
        ..neutral()
    };
    let before = rank(&profile, &[]);
    let closed = find(&before, "fx-closed-32");
    assert!(has_reason(closed, ReasonKind::Con, "glasses' arms").is_some());
    assert!(has_reason(closed, ReasonKind::Con, "traps heat").is_some());
    assert!(has_reason(closed, ReasonKind::Pro, "Light at 250 g").is_some());

    let fit = TryOnSummary {
        sessions: 2,
        avg_comfort: Some(4.0),
        avg_heat: Some(4.5),
        avg_glasses_fit: Some(5.0),
        ..no_try_on("fx-closed-32")
    };
    let after = rank(&profile, &[fit]);
    let closed = find(&after, "fx-closed-32");
    assert!(
        has_reason(closed, ReasonKind::Con, "glasses' arms").is_none(),
        "guess replaced"
    );
    assert!(
        has_reason(closed, ReasonKind::Con, "traps heat").is_none(),
        "guess replaced"
    );
    assert!(
        has_reason(closed, ReasonKind::Pro, "Light at").is_none(),
        "guess replaced"
    );
    assert!(has_reason(
        closed,
        ReasonKind::Pro,
        "Works with your glasses: glasses fit 5/5"
    )
    .is_some());
    assert!(has_reason(closed, ReasonKind::Pro, "Stayed cool on you: heat 4.5/5").is_some());
    assert!(has_reason(closed, ReasonKind::Pro, "Comfortable for you: comfort 4/5").is_some());
    // Other models keep the guesses.
    assert!(has_reason(find(&after, "fx-closed-63"), ReasonKind::Con, "traps heat").is_some());
}

#[test]
fn a_try_on_with_no_sessions_is_ignored() {
    let profile = neutral();
    let fit = TryOnSummary {
        sessions: 0,
        last_verdict: Some(TryVerdict::No),
        ..no_try_on("fx-open-32")
    };
    assert_eq!(rank(&profile, &[]), rank(&profile, &[fit]));
}

#[test]
fn high_impedance_models_want_more_than_a_phone() {
    let profile = Profile {
        source: source("phone"),
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let hd = find(&ranked, "fx-open-300");
    assert_eq!(hd.drive.unwrap().verdict, Verdict::TooQuiet);
    let con = has_reason(hd, ReasonKind::Con, "300 ohm on your phone").unwrap();
    assert_eq!(
        &*con.text,
        "300 ohm on your phone: about 7 dB short of 110 dB peaks; it needs 2.2 V, a job for a headphone amp"
    );
    let low = find(&ranked, "fx-closed-63");
    assert!(has_reason(
        low,
        ReasonKind::Pro,
        "63 ohm on your phone: peaks reach 118 dB"
    )
    .is_some());
    // On an amp the same model is comfortable.
    let ranked = rank(&neutral(), &[]);
    let hd = find(&ranked, "fx-open-300");
    assert_eq!(hd.drive.unwrap().verdict, Verdict::Comfortable);
}

#[test]
fn the_mac_jack_raises_its_voltage_for_high_impedance_models() {
    let profile = Profile {
        source: source("mac"),
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let hd = find(&ranked, "fx-open-300");
    // 3 V into 300 ohm behind 1.25 ohm: 2.9876 V, 103 + 20·log10(2.9876) = 112.51 dB.
    let d = hd.drive.unwrap();
    assert!((d.max_spl_db - 112.506).abs() < 0.01, "{d:?}");
    let pro = has_reason(hd, ReasonKind::Pro, "300 ohm on your Mac's headphone jack").unwrap();
    assert_eq!(
        &*pro.text,
        "300 ohm on your Mac's headphone jack: just enough, 2.5 dB above your 110 dB peaks"
    );
}

#[test]
fn the_target_level_moves_the_verdict() {
    let at = |target: f64| {
        let profile = Profile {
            source: source("laptop"),
            target_db: target,
            ..neutral()
        };
        find(&rank(&profile, &[]), "fx-closed-250").drive.unwrap()
    };
    assert_eq!(at(110.0).verdict, Verdict::Marginal);
    assert_eq!(at(105.0).verdict, Verdict::Enough);
    assert_eq!(at(115.0).verdict, Verdict::TooQuiet);
    assert!((at(105.0).headroom_db - at(115.0).headroom_db - 10.0).abs() < 1e-9);
}

#[test]
fn a_high_output_impedance_gets_the_damping_warning() {
    let profile = Profile {
        source: custom(2.0, 10.0),
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let low = find(&ranked, "fx-closed-32");
    assert!(!low.drive.unwrap().damping_ok);
    let con = has_reason(low, ReasonKind::Con, "over 1/8").unwrap();
    assert_eq!(
        &*con.text,
        "The 10 ohm output of your source is over 1/8 of this 32 ohm load: expect looser, shifted bass"
    );
    let high = find(&ranked, "fx-open-300");
    assert!(high.drive.unwrap().damping_ok);
    assert!(has_reason(high, ReasonKind::Con, "over 1/8").is_none());
}

#[test]
fn unknown_figures_are_a_small_con_that_says_so() {
    let profile = Profile {
        source: source("laptop"),
        ..neutral()
    };
    let ranked = rank(&profile, &[]);
    let unknown = find(&ranked, "fx-closed-unknown");
    assert!(unknown.drive.is_none());
    let con = has_reason(unknown, ReasonKind::Con, "can't compute").unwrap();
    assert_eq!(
        &*con.text,
        "Impedance and sensitivity not published: can't compute how loud it gets on your laptop jack"
    );
    assert!(con.weight > -1.0, "a small con");
}

#[test]
fn ties_break_on_headroom_then_id() {
    // Same score: the model with more headroom first.
    let ranked = rank(&neutral(), &[]);
    let (a, b) = (find(&ranked, "fx-closed-63"), find(&ranked, "fx-closed-32"));
    assert_eq!(a.score, b.score);
    assert!(a.drive.unwrap().headroom_db > b.drive.unwrap().headroom_db);
    assert!(position(&ranked, "fx-closed-63") < position(&ranked, "fx-closed-32"));

    // Same score and headroom: ids ascending, whatever the catalog order.
    let base = fixture().require("fx-closed-32").unwrap().clone();
    let twin = |id: &str| {
        let mut m = base.clone();
        m.id = id.to_owned();
        m
    };
    for order in [["fx-twin-b", "fx-twin-a"], ["fx-twin-a", "fx-twin-b"]] {
        let catalog = Catalog::from_models(order.iter().map(|id| twin(id)).collect());
        let ranked = recommend(&catalog, &neutral(), &[]).unwrap();
        assert_eq!(ids(&ranked), ["fx-twin-a", "fx-twin-b"]);
    }
}

#[test]
fn the_ranking_is_deterministic_and_ignores_catalog_order() {
    let profile = Profile {
        room: Room::Moderate,
        tasks: vec![Task::Mixing, Task::Tracking],
        source: source("laptop"),
        hours: 3.0,
        glasses: true,
        show_over_budget: true,
        budget: Tier::Midrange,
        ..neutral()
    };
    let first = rank(&profile, &[]);
    assert_eq!(first, rank(&profile, &[]));
    let mut models = fixture().models().to_vec();
    models.reverse();
    let reversed = recommend(&Catalog::from_models(models), &profile, &[]).unwrap();
    assert_eq!(first, reversed);
}

#[test]
fn the_guides_picks_get_a_small_pro_on_the_real_catalog() {
    let catalog = Catalog::embedded().unwrap();
    let ranked = recommend(&catalog, &neutral(), &[]).unwrap();
    let sony = ranked.iter().find(|r| r.id == "sony-mdr-7506").unwrap();
    let pick = has_reason(sony, ReasonKind::Pro, "buying-guide pick").unwrap();
    assert_eq!(
        &*pick.text,
        "A buying-guide pick among budget closed-back models"
    );
}

#[test]
fn recommendations_serialize_with_lower_case_kinds() {
    let ranked = rank(&neutral(), &[]);
    let json = serde_json::to_value(&ranked[0]).unwrap();
    assert!(json["id"].is_string() && json["score"].is_number());
    assert!(matches!(
        json["fit"].as_str(),
        Some("great" | "good" | "fair" | "poor")
    ));
    let reason = &json["reasons"][0];
    assert!(matches!(reason["kind"].as_str(), Some("pro" | "con")));
    assert!(reason["text"].is_string() && reason["weight"].is_number());
    assert!(json["drive"]["headroom_db"].is_number());
    assert_eq!(json["drive"]["verdict"], "comfortable");
    assert_eq!(json["over_budget"], false);
}

fn profile_strategy() -> impl Strategy<Value = Profile> {
    let rooms = prop_oneof![Just(Room::Quiet), Just(Room::Moderate), Just(Room::Noisy)];
    let tasks = proptest::sample::subsequence(Task::ALL.to_vec(), 0..=Task::ALL.len());
    (
        rooms,
        tasks,
        any::<[bool; 4]>(),
        0.25f64..=16.0,
        prop_oneof![
            Just("phone"),
            Just("laptop"),
            Just("mac"),
            Just("interface"),
            Just("amp")
        ],
        90.0f64..=125.0,
    )
        .prop_map(|(room, tasks, flags, hours, preset, target_db)| Profile {
            room,
            tasks,
            others_nearby: flags[0],
            has_monitors: flags[1],
            glasses: flags[2],
            runs_hot: flags[3],
            hours,
            source: source(preset),
            target_db,
            ..neutral()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Three models identical but for the cup: semi-open always scores between open and closed,
    /// and every score is the sum of its reasons.
    #[test]
    fn semi_open_always_scores_between_open_and_closed(profile in profile_strategy()) {
        let base = fixture().require("fx-semi-80").unwrap().clone();
        let models: Vec<_> = [("t-open", Back::Open), ("t-semi", Back::SemiOpen), ("t-closed", Back::Closed)]
            .into_iter()
            .map(|(id, back)| {
                let mut m = base.clone();
                m.id = id.to_owned();
                m.back = back;
                m
            })
            .collect();
        let ranked = recommend(&Catalog::from_models(models), &profile, &[]).unwrap();
        let score = |id: &str| ranked.iter().find(|r| r.id == id).unwrap().score;
        let (o, s, c) = (score("t-open"), score("t-semi"), score("t-closed"));
        prop_assert!(o.min(c) <= s && s <= o.max(c), "open {} semi {} closed {}", o, s, c);
        for r in &ranked {
            let sum: f64 = r.reasons.iter().map(|x| x.weight).sum();
            prop_assert_eq!(r.score, sum);
        }
        // Ranked best first.
        for pair in ranked.windows(2) {
            prop_assert!((pair[0].score * 100.0).round() >= (pair[1].score * 100.0).round());
        }
    }
}

/// Two open models alike but for the impedance, neither with a published sensitivity.
fn unknown_sensitivity_pair() -> Catalog {
    let family = |id: &str, z: u32| {
        format!(
            r#"{{ "family": "{id}", "id": "{id}", "variant": null, "brand": "Fx", "model": "{id}",
              "back": "open", "impedance_ohm": {z}, "sensitivity": null, "tier": "budget",
              "sources": [ {{ "kind": "maker", "title": "sheet", "url": "https://fx.example" }} ],
              "provenance": {{ "impedance_ohm": {{ "kind": "maker", "source": 0 }} }} }}"#
        )
    };
    let text = format!(
        r#"{{ "families": [ {}, {} ] }}"#,
        family("fx-open-32-unknown", 32),
        family("fx-open-250-unknown", 250)
    );
    Catalog::from_models(load::load_files(&[("pair.json", &text)]).unwrap())
}

#[test]
fn without_a_sensitivity_the_guides_impedance_rule_applies_on_a_jack_only() {
    let catalog = unknown_sensitivity_pair();
    for preset in ["phone", "laptop", "mac"] {
        let profile = Profile {
            source: source(preset),
            ..neutral()
        };
        let ranked = recommend(&catalog, &profile, &[]).unwrap();
        assert_eq!(
            ids(&ranked),
            vec!["fx-open-32-unknown", "fx-open-250-unknown"],
            "{preset}"
        );
        let high = find(&ranked, "fx-open-250-unknown");
        let con = has_reason(high, ReasonKind::Con, "buying guides' rule").unwrap();
        assert!(
            con.text.starts_with("250 ohm on your ")
                && con.text.contains("under 150 ohm")
                && con.text.ends_with("a rule of thumb, not a computation"),
            "{preset}: {}",
            con.text
        );
        assert!(
            con.weight <= -2.5,
            "{preset}: close to a computed shortfall"
        );
        // The number itself still can't be computed, and it says so.
        assert!(has_reason(high, ReasonKind::Con, "can't compute").is_some());
        let low = find(&ranked, "fx-open-32-unknown");
        assert!(has_reason(low, ReasonKind::Con, "buying guides' rule").is_none());
    }
    for preset in ["interface", "amp"] {
        let profile = Profile {
            source: source(preset),
            ..neutral()
        };
        let ranked = recommend(&catalog, &profile, &[]).unwrap();
        let high = find(&ranked, "fx-open-250-unknown");
        assert!(
            has_reason(high, ReasonKind::Con, "buying guides' rule").is_none(),
            "{preset}: no penalty with an interface or amp"
        );
        assert_eq!(
            high.score,
            find(&ranked, "fx-open-32-unknown").score,
            "{preset}"
        );
    }
}

#[test]
fn laptop_mixing_on_a_budget_keeps_high_impedance_unknowns_out_of_the_top_three() {
    let catalog = Catalog::embedded().unwrap();
    let profile = Profile {
        tasks: vec![Task::Mixing],
        source: source("laptop"),
        budget: Tier::Budget,
        ..Profile::default()
    };
    let ranked = recommend(&catalog, &profile, &[]).unwrap();
    for r in ranked.iter().take(3) {
        let m = catalog.require(&r.id).unwrap();
        assert!(
            !(m.impedance_ohm.is_some_and(|z| z >= 150.0) && m.sensitivity.is_none()),
            "{} ({:?} ohm, sensitivity unknown) is in the top three: {:?}",
            r.id,
            m.impedance_ohm,
            ids(&ranked[..3])
        );
    }
}

/// The fixture catalog with measured curves: `fx-open-32` measures exactly on the (flat) test
/// target, `fx-open-300` has 6 dB too much bass.
fn fixture_with_curves() -> Catalog {
    use headroom_domain::sound::{Curve, Measurement, Provenance, GRID};
    let provenance = Provenance {
        measurer: "a lab".into(),
        rig: "a rig".into(),
        repository: "o/r".into(),
        path: "p.csv".into(),
        commit: "a".repeat(40),
        read: "2026-11-29".into(),
        note: None,
    };
    let target = Curve::new(vec![0.0; GRID.points]);
    let bassy = Curve::new(
        (0..GRID.points)
            .map(|i| if GRID.frequency(i) < 250.0 { 6.0 } else { 0.0 })
            .collect(),
    );
    let curves =
        [("fx-open-32", target.clone()), ("fx-open-300", bassy)].map(|(id, curve)| Measurement {
            model: id.into(),
            provenance: provenance.clone(),
            curve,
        });
    fixture().with_curves(curves, &target)
}

#[test]
fn for_mixing_measured_neutrality_is_a_reason_and_tracking_ignores_it() {
    let catalog = fixture_with_curves();
    let mixing = Profile {
        tasks: vec![Task::Mixing],
        ..neutral()
    };
    let ranked = recommend(&catalog, &mixing, &[]).unwrap();
    let neutral_model = find(&ranked, "fx-open-32");
    let pro = has_reason(neutral_model, ReasonKind::Pro, "close to the Harman target").unwrap();
    assert_eq!(
        &*pro.text,
        "Measured close to the Harman target: no band from 60 Hz to 10 kHz is 4 dB or more off (a lab's measurement)"
    );
    let bassy = find(&ranked, "fx-open-300");
    let con = has_reason(bassy, ReasonKind::Con, "Bass 60–250 Hz").unwrap();
    assert!(
        con.text.contains("above target")
            && con.text.contains("your mixes may come out bass-light"),
        "{}",
        con.text
    );
    let unmeasured = find(&ranked, "fx-semi-80");
    let small = has_reason(unmeasured, ReasonKind::Con, "No published measurement").unwrap();
    assert!(small.weight > -0.5, "a small, stated amount");

    let tracking = Profile {
        tasks: vec![Task::Tracking],
        ..neutral()
    };
    for r in recommend(&catalog, &tracking, &[]).unwrap() {
        assert!(
            r.reasons
                .iter()
                .all(|x| !x.text.contains("measurement") && !x.text.contains("target:")),
            "{}: tracking is not scored on measured sound",
            r.id
        );
    }
}
