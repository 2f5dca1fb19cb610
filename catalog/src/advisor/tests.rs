//! The advisor's unit tests: numbers in sentences, the profile's checks and wire names, bad
//! try-on averages, the top of a ranking, and every reason reading as its sign.

use std::collections::BTreeMap;

use super::reasons::{join_words, push_num};
use super::*;
use crate::drive::SourceSpec;
use crate::journal::TryOnSummary;
use crate::model::{Back, Cable, Model, Origin, Sensitivity, SensitivityUnit, StudioNotes, Tier};
use crate::Catalog;

fn num(x: f64, d: u32) -> String {
    let mut s = String::new();
    push_num(&mut s, x, d);
    s
}

#[test]
fn numbers_read_naturally() {
    assert_eq!(num(250.0, 1), "250");
    assert_eq!(num(1.5, 2), "1.5");
    assert_eq!(num(0.33, 2), "0.33");
    assert_eq!(num(0.05, 2), "0.05");
    assert_eq!(num(-4.49, 0), "-4");
    assert_eq!(num(3.96, 1), "4");
    assert_eq!(num(107.5, 0), "108");
    assert_eq!(join_words(&["mixing"]), "mixing");
    assert_eq!(join_words(&["a", "b", "c"]), "a, b and c");
}

fn model(id: &str, back: Back, tier: Tier, z: Option<f64>, s_mw: Option<f64>) -> Model {
    Model {
        id: id.to_owned(),
        family: id.to_owned(),
        brand: "Test".to_owned(),
        model: id.to_owned(),
        variant: None,
        back,
        transducer: None,
        driver_mm: None,
        impedance_ohm: z,
        sensitivity: s_mw.map(|value| Sensitivity {
            value,
            unit: SensitivityUnit::DbPerMw,
            ref_hz: None,
        }),
        weight_g: None,
        frequency_response: None,
        cable: Cable::default(),
        folds: None,
        swivels: None,
        pads: None,
        tier: Some(tier),
        price: None,
        year: None,
        notes: StudioNotes::default(),
        sources: Vec::new(),
        provenance: BTreeMap::new(),
        figure_notes: BTreeMap::new(),
        origin: Origin::Catalog,
    }
}

#[test]
fn defaults_are_valid_and_serde_uses_the_wire_names() {
    let p: Profile = serde_json::from_str("{}").unwrap();
    assert_eq!(p, Profile::default());
    p.validate().unwrap();
    let p: Profile = serde_json::from_str(
        r#"{"room":"noisy","tasks":["critical-listening","djing"],"budget":"high-end",
                "source":{"preset":"custom","vrms":2.0,"output_ohm":10.0}}"#,
    )
    .unwrap();
    assert_eq!(p.tasks, vec![Task::CriticalListening, Task::Djing]);
    assert_eq!(p.budget, Tier::HighEnd);
    assert_eq!(p.source.spec().unwrap(), SourceSpec::new(2.0, 10.0));
    let json = serde_json::to_value(Profile::default()).unwrap();
    assert_eq!(json["room"], "quiet");
    assert_eq!(json["target_db"], 110.0);
    assert_eq!(json["show_over_budget"], false);
}

#[test]
fn validate_names_the_bad_field() {
    let cases: Vec<(Profile, &str)> = vec![
        (
            Profile {
                hours: 0.1,
                ..Profile::default()
            },
            "hours",
        ),
        (
            Profile {
                hours: f64::NAN,
                ..Profile::default()
            },
            "hours",
        ),
        (
            Profile {
                hours: 17.0,
                ..Profile::default()
            },
            "hours",
        ),
        (
            Profile {
                target_db: 89.0,
                ..Profile::default()
            },
            "target_db",
        ),
        (
            Profile {
                target_db: 126.0,
                ..Profile::default()
            },
            "target_db",
        ),
        (
            Profile {
                source: SourceChoice {
                    preset: "walkman".into(),
                    ..SourceChoice::default()
                },
                ..Profile::default()
            },
            "source.preset",
        ),
        (
            Profile {
                source: SourceChoice {
                    preset: "custom".into(),
                    vrms: None,
                    output_ohm: Some(1.0),
                },
                ..Profile::default()
            },
            "source.vrms",
        ),
        (
            Profile {
                source: SourceChoice {
                    preset: "custom".into(),
                    vrms: Some(1.0),
                    output_ohm: None,
                },
                ..Profile::default()
            },
            "source.output_ohm",
        ),
        (
            Profile {
                source: SourceChoice {
                    preset: "custom".into(),
                    vrms: Some(-1.0),
                    output_ohm: Some(1.0),
                },
                ..Profile::default()
            },
            "source.vrms",
        ),
    ];
    for (profile, field) in cases {
        let e = profile.validate().unwrap_err();
        assert!(e.message().starts_with(field), "{field}: {e}");
        let e = recommend(&Catalog::from_models(vec![]), &profile, &[]).unwrap_err();
        assert!(e.message().starts_with(field), "{field}: {e}");
    }
    // The limits themselves are accepted.
    for (hours, target) in [(0.25, 90.0), (16.0, 125.0)] {
        Profile {
            hours,
            target_db: target,
            ..Profile::default()
        }
        .validate()
        .unwrap();
    }
}

#[test]
fn bad_fits_are_refused() {
    let catalog = Catalog::from_models(vec![model("a", Back::Open, Tier::Budget, None, None)]);
    let fit = TryOnSummary {
        model_id: "a".into(),
        sessions: 1,
        avg_comfort: Some(6.0),
        ..TryOnSummary::default()
    };
    let e = recommend(&catalog, &Profile::default(), std::slice::from_ref(&fit)).unwrap_err();
    assert!(e.message().starts_with("fits[0].avg_comfort"), "{e}");
    let ok = TryOnSummary {
        avg_comfort: Some(4.0),
        ..fit
    };
    let e = recommend(&catalog, &Profile::default(), &[ok.clone(), ok]).unwrap_err();
    assert!(e.message().starts_with("fits"), "{e}");
}

#[test]
fn the_top_of_a_ranking_is_the_ranking_cut_short() {
    let catalog = crate::synthetic::catalog(300);
    let profile = Profile {
        budget: Tier::HighEnd,
        runs_hot: true,
        ..Profile::default()
    };
    let all = recommend(&catalog, &profile, &[]).unwrap();
    let (top, total) = recommend_top(&catalog, &profile, &[], 25).unwrap();
    assert_eq!(total, all.len());
    assert_eq!(top.len(), 25);
    assert_eq!(top, all[..25].to_vec(), "same models, order and reasons");
    let (none, total) = recommend_top(&catalog, &profile, &[], 0).unwrap();
    assert!(none.is_empty());
    assert_eq!(total, all.len());
}

#[test]
fn every_reason_reads_as_its_sign() {
    let catalog = Catalog::from_models(vec![
        model("o", Back::Open, Tier::Budget, Some(300.0), Some(90.0)),
        model("s", Back::SemiOpen, Tier::Budget, Some(32.0), Some(100.0)),
        model("c", Back::Closed, Tier::Budget, None, None),
    ]);
    let profile = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![
            Task::Tracking,
            Task::Mixing,
            Task::Casual,
            Task::Commuting,
            Task::Djing,
        ],
        hours: 8.0,
        has_monitors: false,
        glasses: true,
        runs_hot: true,
        source: SourceChoice {
            preset: "phone".into(),
            ..SourceChoice::default()
        },
        ..Profile::default()
    };
    for r in recommend(&catalog, &profile, &[]).unwrap() {
        let sum: f64 = r.reasons.iter().map(|x| x.weight).sum();
        assert_eq!(r.score, sum, "{}", r.id);
        for reason in &r.reasons {
            assert_ne!(reason.weight, 0.0, "{reason:?}");
            assert_eq!(
                reason.kind == ReasonKind::Pro,
                reason.weight > 0.0,
                "{reason:?}"
            );
            assert!(!reason.text.is_empty());
        }
    }
}
