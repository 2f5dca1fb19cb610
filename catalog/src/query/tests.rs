//! The query's unit tests: parsing and bounds, every filter and facet count, sorting and
//! paging, the search's match classes, the natural order, and properties of the whole.

use std::time::Instant;

use proptest::prelude::*;

use super::search::push_search_form;
use super::*;
use crate::SensitivityUnit;
use crate::{ErrorKind, Sensitivity};

const EVERY_SORT: [SortKey; 12] = [
    SortKey::Relevance,
    SortKey::Brand,
    SortKey::Model,
    SortKey::Back,
    SortKey::Tier,
    SortKey::Transducer,
    SortKey::Impedance,
    SortKey::Sensitivity,
    SortKey::Weight,
    SortKey::Driver,
    SortKey::Year,
    SortKey::PriceTier,
];

#[allow(clippy::too_many_arguments)]
fn model(
    id: &str,
    brand: &str,
    name: &str,
    variant: Option<&str>,
    back: Back,
    tier: Option<Tier>,
    transducer: Option<Transducer>,
    impedance_ohm: Option<f64>,
    sensitivity: Option<(f64, SensitivityUnit)>,
) -> Model {
    Model {
        id: id.into(),
        family: id.into(),
        brand: brand.into(),
        model: name.into(),
        variant: variant.map(Into::into),
        back,
        transducer,
        driver_mm: None,
        impedance_ohm,
        sensitivity: sensitivity.map(|(value, unit)| Sensitivity {
            value,
            unit,
            ref_hz: None,
        }),
        weight_g: None,
        frequency_response: None,
        cable: Default::default(),
        folds: None,
        swivels: None,
        pads: None,
        tier,
        price: None,
        year: None,
        notes: Default::default(),
        sources: Vec::new(),
        provenance: Default::default(),
        figure_notes: Default::default(),
        origin: Origin::Catalog,
    }
}

/// Eight models, deliberately out of order. Canonical (brand, model, variant) order:
/// acme-a1, acme-a2-32, acme-a2-80, acme-a2-250, bolt-e1, bolt-p9, bolt-s3, zeta-z1.
#[rustfmt::skip] // a table reads better one model a line
fn fixture() -> Catalog {
    use Back::*;
    use SensitivityUnit::*;
    use Transducer::*;
    let mut zeta = model("zeta-z1", "Zeta", "Z1", None, Closed, None, Some(Dynamic), Some(300.0), None);
    zeta.origin = Origin::User;
    Catalog::from_models(vec![
        zeta,
        model("acme-a2-250", "Acme", "A2", Some("250 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(250.0), Some((98.0, DbPerV))),
        model("bolt-p9", "Bolt", "P9", None, Open, Some(Tier::HighEnd), Some(PlanarMagnetic), Some(20.0), Some((93.0, DbPerMw))),
        model("acme-a2-32", "Acme", "A2", Some("32 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(32.0), Some((95.0, DbPerV))),
        model("acme-a1", "Acme", "A1", None, Open, Some(Tier::Budget), Some(Dynamic), Some(32.0), Some((100.0, DbPerMw))),
        model("bolt-s3", "Bolt", "S3", None, SemiOpen, Some(Tier::Midrange), None, None, None),
        model("acme-a2-80", "Acme", "A2", Some("80 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(80.0), Some((96.0, DbPerV))),
        model("bolt-e1", "Bolt", "E1", None, Open, Some(Tier::HighEnd), Some(Electrostatic), None, Some((100.0, DbPerV))),
    ])
}

fn ids(catalog: &Catalog, query: &Query) -> Vec<String> {
    let result = run(catalog, query).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        result.total,
        result.ids.len(),
        "these queries are not paged"
    );
    result.ids
}

fn sorted(sort: SortKey, descending: bool) -> Vec<String> {
    ids(
        &fixture(),
        &Query {
            sort,
            descending,
            ..Query::default()
        },
    )
}

fn counts<T: Copy>(facet: &[FacetCount<T>]) -> Vec<(T, usize)> {
    facet.iter().map(|f| (f.value, f.count)).collect()
}

fn brand_counts(facets: &Facets) -> Vec<(&str, usize)> {
    facets
        .brand
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect()
}

#[test]
fn enum_values_index_their_all_lists() {
    // Facet counts and masks index by discriminant and report in `ALL` order.
    assert!(Back::ALL.iter().enumerate().all(|(i, &v)| v as usize == i));
    assert!(Tier::ALL.iter().enumerate().all(|(i, &v)| v as usize == i));
    assert!(Transducer::ALL
        .iter()
        .enumerate()
        .all(|(i, &v)| v as usize == i));
    assert!(Transducer::ALL.len() <= 8, "masks are u8");
}

#[test]
fn no_query_lists_everything_in_brand_model_variant_order() {
    let all = ids(&fixture(), &Query::default());
    assert_eq!(
        all,
        [
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "bolt-e1",
            "bolt-p9",
            "bolt-s3",
            "zeta-z1"
        ]
    );
}

#[test]
fn filters_match_hand_computed_lists() {
    let catalog = fixture();
    let cases: Vec<(Query, Vec<&str>)> = vec![
        (
            Query {
                back: vec![Back::Open],
                ..Default::default()
            },
            vec!["acme-a1", "bolt-e1", "bolt-p9"],
        ),
        (
            Query {
                back: vec![Back::Open, Back::SemiOpen],
                tier: vec![Tier::HighEnd],
                ..Default::default()
            },
            vec!["bolt-e1", "bolt-p9"],
        ),
        // Zeta has no tier, so it fails any tier filter.
        (
            Query {
                tier: vec![Tier::Budget],
                ..Default::default()
            },
            vec!["acme-a1"],
        ),
        // Bolt S3's driver type is unknown: it fails any transducer filter.
        (
            Query {
                brand: vec!["Bolt".into()],
                transducer: vec![Transducer::Dynamic, Transducer::PlanarMagnetic],
                ..Default::default()
            },
            vec!["bolt-p9"],
        ),
        // Bounds are inclusive; unknown impedances fail them.
        (
            Query {
                impedance_min: Some(32.0),
                impedance_max: Some(80.0),
                ..Default::default()
            },
            vec!["acme-a1", "acme-a2-32", "acme-a2-80"],
        ),
        (
            Query {
                impedance_min: Some(250.0),
                ..Default::default()
            },
            vec!["acme-a2-250", "zeta-z1"],
        ),
        (
            Query {
                impedance_max: Some(20.0),
                ..Default::default()
            },
            vec!["bolt-p9"],
        ),
        (
            Query {
                origin: Some(Origin::User),
                ..Default::default()
            },
            vec!["zeta-z1"],
        ),
        (
            Query {
                brand: vec!["Acme".into(), "Zeta".into()],
                back: vec![Back::Open],
                ..Default::default()
            },
            vec!["acme-a1"],
        ),
        // Brands are spelt as the facet gives them; an unknown one matches nothing.
        (
            Query {
                brand: vec!["acme".into()],
                ..Default::default()
            },
            vec![],
        ),
        (
            Query {
                text: "A2 80".into(),
                ..Default::default()
            },
            vec!["acme-a2-80"],
        ),
        (
            Query {
                text: "acme".into(),
                ..Default::default()
            },
            vec!["acme-a1", "acme-a2-32", "acme-a2-80", "acme-a2-250"],
        ),
        (
            Query {
                text: "bolt".into(),
                back: vec![Back::Open],
                ..Default::default()
            },
            vec!["bolt-e1", "bolt-p9"],
        ),
        (
            Query {
                text: "nothing like it".into(),
                ..Default::default()
            },
            vec![],
        ),
        // No letters or digits: no search at all.
        (
            Query {
                text: " -- . ".into(),
                ..Default::default()
            },
            fixture_order(),
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(&catalog, &query), expected, "{query:?}");
    }
}

fn fixture_order() -> Vec<&'static str> {
    vec![
        "acme-a1",
        "acme-a2-32",
        "acme-a2-80",
        "acme-a2-250",
        "bolt-e1",
        "bolt-p9",
        "bolt-s3",
        "zeta-z1",
    ]
}

#[test]
fn facet_counts_ignore_their_own_filter_only() {
    let catalog = fixture();
    let result = run(
        &catalog,
        &Query {
            back: vec![Back::Closed],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        result.ids,
        ["acme-a2-32", "acme-a2-80", "acme-a2-250", "zeta-z1"]
    );
    let f = &result.facets;
    assert_eq!(
        counts(&f.back),
        [(Back::Open, 3), (Back::SemiOpen, 1), (Back::Closed, 4)]
    );
    assert_eq!(
        counts(&f.tier),
        [(Tier::Budget, 0), (Tier::Midrange, 3), (Tier::HighEnd, 0)]
    );
    assert_eq!(
        counts(&f.transducer),
        [
            (Transducer::Dynamic, 4),
            (Transducer::PlanarMagnetic, 0),
            (Transducer::Electrostatic, 0),
            (Transducer::Other, 0)
        ]
    );
    assert_eq!(
        brand_counts(f),
        [("Acme", 3), ("Zeta", 1)],
        "brands without a match are left out"
    );

    // Two facets that exclude each other: nothing matches, yet each facet still counts the
    // models the other one lets through, and the selected brand stays listed.
    let query = Query {
        back: vec![Back::Closed],
        brand: vec!["Bolt".into()],
        ..Default::default()
    };
    let result = run(&catalog, &query).unwrap();
    assert_eq!((result.total, result.ids.len()), (0, 0));
    let f = &result.facets;
    assert_eq!(
        counts(&f.back),
        [(Back::Open, 2), (Back::SemiOpen, 1), (Back::Closed, 0)]
    );
    assert_eq!(brand_counts(f), [("Acme", 3), ("Bolt", 0), ("Zeta", 1)]);
    assert!(f.tier.iter().all(|c| c.count == 0), "{:?}", f.tier);
    assert!(
        f.transducer.iter().all(|c| c.count == 0),
        "{:?}",
        f.transducer
    );
}

#[test]
fn facet_counts_follow_the_text_and_the_other_filters() {
    let catalog = fixture();
    let f = run(
        &catalog,
        &Query {
            text: "bolt".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .facets;
    assert_eq!(
        counts(&f.back),
        [(Back::Open, 2), (Back::SemiOpen, 1), (Back::Closed, 0)]
    );
    assert_eq!(
        counts(&f.tier),
        [(Tier::Budget, 0), (Tier::Midrange, 1), (Tier::HighEnd, 2)]
    );
    assert_eq!(
        counts(&f.transducer),
        [
            (Transducer::Dynamic, 0),
            (Transducer::PlanarMagnetic, 1),
            (Transducer::Electrostatic, 1),
            (Transducer::Other, 0)
        ],
        "S3's unknown driver type counts under no value"
    );
    assert_eq!(brand_counts(&f), [("Bolt", 3)]);

    let query = Query {
        impedance_max: Some(100.0),
        tier: vec![Tier::Midrange],
        ..Default::default()
    };
    let result = run(&catalog, &query).unwrap();
    assert_eq!(result.ids, ["acme-a2-32", "acme-a2-80"]);
    let f = &result.facets;
    // Impedance (not a facet) applies everywhere: a1, a2-32, a2-80 and p9 are left.
    assert_eq!(
        counts(&f.tier),
        [(Tier::Budget, 1), (Tier::Midrange, 2), (Tier::HighEnd, 1)]
    );
    assert_eq!(
        counts(&f.back),
        [(Back::Open, 0), (Back::SemiOpen, 0), (Back::Closed, 2)]
    );
    assert_eq!(brand_counts(f), [("Acme", 2)]);
}

#[test]
fn unknowns_sort_last_in_both_directions() {
    assert_eq!(
        sorted(SortKey::Impedance, false),
        [
            "bolt-p9",
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "zeta-z1",
            "bolt-e1",
            "bolt-s3"
        ]
    );
    // Ties (a1 and a2-32 are both 32 ohm) keep brand/model/variant order when descending.
    assert_eq!(
        sorted(SortKey::Impedance, true),
        [
            "zeta-z1",
            "acme-a2-250",
            "acme-a2-80",
            "acme-a1",
            "acme-a2-32",
            "bolt-p9",
            "bolt-e1",
            "bolt-s3"
        ]
    );
    assert_eq!(
        sorted(SortKey::Tier, false),
        [
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "bolt-s3",
            "bolt-e1",
            "bolt-p9",
            "zeta-z1"
        ]
    );
    assert_eq!(
        sorted(SortKey::Tier, true),
        [
            "bolt-e1",
            "bolt-p9",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "bolt-s3",
            "acme-a1",
            "zeta-z1"
        ]
    );
    assert_eq!(
        sorted(SortKey::PriceTier, true),
        sorted(SortKey::Tier, true)
    );
    // Every model's weight is unknown: brand/model/variant order either way.
    assert_eq!(sorted(SortKey::Weight, true), fixture_order());
}

#[test]
fn sensitivity_sorts_in_db_per_mw() {
    // dB/V → dB/mW: a2-32 95 − 14.9 = 80.1; a2-80 96 − 11.0 = 85.0; a2-250 98 − 6.0 = 92.0
    // (below P9's 93 dB/mW, though 98 > 93 raw). E1's dB/V figure without an impedance is
    // unknown.
    assert_eq!(
        sorted(SortKey::Sensitivity, false),
        [
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "bolt-p9",
            "acme-a1",
            "bolt-e1",
            "bolt-s3",
            "zeta-z1"
        ]
    );
    assert_eq!(
        sorted(SortKey::Sensitivity, true),
        [
            "acme-a1",
            "bolt-p9",
            "acme-a2-250",
            "acme-a2-80",
            "acme-a2-32",
            "bolt-e1",
            "bolt-s3",
            "zeta-z1"
        ]
    );
}

#[test]
fn text_columns_and_relevance_sort_both_ways() {
    assert_eq!(sorted(SortKey::Model, false), fixture_order());
    assert_eq!(
        sorted(SortKey::Model, true),
        [
            "zeta-z1",
            "bolt-s3",
            "bolt-p9",
            "bolt-e1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "acme-a1"
        ]
    );
    assert_eq!(
        sorted(SortKey::Brand, true),
        [
            "zeta-z1",
            "bolt-e1",
            "bolt-p9",
            "bolt-s3",
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250"
        ]
    );
    let mut reversed = fixture_order();
    reversed.reverse();
    assert_eq!(sorted(SortKey::Relevance, true), reversed);
    assert_eq!(
        sorted(SortKey::Back, false),
        [
            "acme-a1",
            "bolt-e1",
            "bolt-p9",
            "bolt-s3",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "zeta-z1"
        ]
    );
    assert_eq!(
        sorted(SortKey::Transducer, true),
        [
            "bolt-e1",
            "bolt-p9",
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "zeta-z1",
            "bolt-s3"
        ]
    );
}

#[test]
fn variants_order_by_number() {
    // The fixture lists them 250, 32, 80; byte order would give 250, 32, 80 too.
    let a2 = ids(
        &fixture(),
        &Query {
            text: "a2".into(),
            ..Default::default()
        },
    );
    assert_eq!(a2, ["acme-a2-32", "acme-a2-80", "acme-a2-250"]);
    let mut names = [
        "250 ohm",
        "HD 600",
        "32 ohm",
        "HD 25",
        "80 ohm",
        "HD 280 Pro",
        "hd 25",
        "DT 1770",
        "DT 770",
    ];
    names.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(
        names,
        [
            "32 ohm",
            "80 ohm",
            "250 ohm",
            "DT 770",
            "DT 1770",
            "HD 25",
            "hd 25",
            "HD 280 Pro",
            "HD 600"
        ]
    );
}

#[test]
fn pages_are_slices_of_the_sorted_matches() {
    let catalog = fixture();
    let page = |sort, descending, offset, limit| {
        let query = Query {
            sort,
            descending,
            offset,
            limit,
            ..Default::default()
        };
        let result = run(&catalog, &query).unwrap();
        assert_eq!(result.total, 8);
        result.ids
    };
    assert_eq!(
        page(SortKey::Relevance, false, 2, Some(3)),
        ["acme-a2-80", "acme-a2-250", "bolt-e1"]
    );
    assert_eq!(
        page(SortKey::Impedance, true, 1, Some(2)),
        ["acme-a2-250", "acme-a2-80"]
    );
    assert_eq!(page(SortKey::Impedance, false, 0, Some(1)), ["bolt-p9"]);
    assert_eq!(page(SortKey::Relevance, false, 7, Some(5)), ["zeta-z1"]);
    assert!(page(SortKey::Relevance, false, 100, None).is_empty());
    assert!(page(SortKey::Weight, false, 0, Some(0)).is_empty());
}

#[test]
fn loud_enough_keeps_models_with_headroom_on_the_source() {
    // 1 Vrms from 0 ohm: headroom = S_V − target. S_V: a1 100 dB/mW at 32 ohm = 114.9;
    // p9 93 dB/mW at 20 ohm = 110.0; a2-32 95, a2-80 96, a2-250 98 (dB/V as published).
    // E1 (no impedance), S3 and Z1 (no sensitivity) cannot be computed and never pass.
    let catalog = fixture();
    let loud = |target_db| Query {
        loud_enough: Some(LoudEnough {
            source: SourceSpec::new(1.0, 0.0),
            target_db,
        }),
        ..Default::default()
    };
    assert_eq!(ids(&catalog, &loud(100.0)), ["acme-a1", "bolt-p9"]);
    // Exactly 0 dB of headroom passes.
    assert_eq!(
        ids(&catalog, &loud(96.0)),
        ["acme-a1", "acme-a2-80", "acme-a2-250", "bolt-p9"]
    );
    assert!(ids(&catalog, &loud(120.0)).is_empty());

    let result = run(
        &catalog,
        &Query {
            back: vec![Back::Closed],
            ..loud(97.0)
        },
    )
    .unwrap();
    assert_eq!(result.ids, ["acme-a2-250"]);
    assert_eq!(
        counts(&result.facets.back),
        [(Back::Open, 2), (Back::SemiOpen, 0), (Back::Closed, 1)]
    );

    let q: Query = serde_json::from_str(
        r#"{ "loud_enough": { "source": { "vrms": 1.0, "output_ohm": 0 }, "target_db": 100 } }"#,
    )
    .unwrap();
    assert_eq!(ids(&catalog, &q), ["acme-a1", "bolt-p9"]);
}

#[test]
fn invalid_queries_name_their_field() {
    let catalog = fixture();
    let cases = [
        (
            "text",
            Query {
                text: "x".repeat(201),
                ..Default::default()
            },
        ),
        (
            "impedance_min",
            Query {
                impedance_min: Some(f64::NAN),
                ..Default::default()
            },
        ),
        (
            "impedance_min",
            Query {
                impedance_min: Some(-1.0),
                ..Default::default()
            },
        ),
        (
            "impedance_max",
            Query {
                impedance_max: Some(f64::INFINITY),
                ..Default::default()
            },
        ),
        (
            "impedance_max",
            Query {
                impedance_max: Some(1000.5),
                ..Default::default()
            },
        ),
        (
            "impedance_min",
            Query {
                impedance_min: Some(300.0),
                impedance_max: Some(100.0),
                ..Default::default()
            },
        ),
        (
            "limit",
            Query {
                limit: Some(100_001),
                ..Default::default()
            },
        ),
        (
            "brand",
            Query {
                brand: vec!["Acme".into(), "b".repeat(101)],
                ..Default::default()
            },
        ),
        (
            "loud_enough.target_db",
            Query {
                loud_enough: Some(LoudEnough {
                    source: SourceSpec::new(1.0, 1.0),
                    target_db: f64::NAN,
                }),
                ..Default::default()
            },
        ),
        (
            "loud_enough.target_db",
            Query {
                loud_enough: Some(LoudEnough {
                    source: SourceSpec::new(1.0, 1.0),
                    target_db: 200.0,
                }),
                ..Default::default()
            },
        ),
        (
            "loud_enough.source.vrms",
            Query {
                loud_enough: Some(LoudEnough {
                    source: SourceSpec::new(-1.0, 1.0),
                    target_db: 110.0,
                }),
                ..Default::default()
            },
        ),
    ];
    for (field, query) in cases {
        let e = run(&catalog, &query).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(
            e.message().starts_with(&format!("{field}:")),
            "{field}: {e}"
        );
    }
    let fine = Query {
        text: "é".repeat(200),
        impedance_min: Some(0.0),
        impedance_max: Some(1000.0),
        limit: Some(100_000),
        brand: vec!["b".repeat(100)],
        ..Default::default()
    };
    assert_eq!(fine.validate(), Ok(()));
}

#[test]
fn queries_come_from_json_with_defaults() {
    let q: Query = serde_json::from_str(
        r#"{ "text": "hd650", "back": ["semi-open"], "tier": ["high-end"], "transducer": ["planar-magnetic"],
                 "sort": "price-tier", "descending": true, "limit": 50, "origin": "user" }"#,
    )
    .unwrap();
    assert_eq!(
        (q.sort, q.descending, q.limit, q.offset),
        (SortKey::PriceTier, true, Some(50), 0)
    );
    assert_eq!(
        (q.back, q.tier, q.origin),
        (
            vec![Back::SemiOpen],
            vec![Tier::HighEnd],
            Some(Origin::User)
        )
    );
    let q: Query = serde_json::from_str("{}").unwrap();
    assert_eq!(
        (q.sort, q.text.as_str(), q.limit),
        (SortKey::Relevance, "", None)
    );
    assert!(serde_json::from_str::<Query>(r#"{ "sort": "loudness" }"#).is_err());
    assert!(serde_json::from_str::<Query>(r#"{ "txet": "hd650" }"#).is_err());

    let result = run(
        &fixture(),
        &Query {
            text: "p9".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["ids"], serde_json::json!(["bolt-p9"]));
    assert_eq!(
        json["facets"]["back"][0],
        serde_json::json!({ "value": "open", "count": 1 })
    );
    assert_eq!(
        json["facets"]["brand"],
        serde_json::json!([{ "value": "Bolt", "count": 1 }])
    );
}

#[test]
fn search_forms_and_word_starts() {
    let mut key = String::new();
    let mut starts = 0;
    push_search_form("Audio-Technica", &mut key, &mut starts);
    push_search_form("ATH-M50xBT2", &mut key, &mut starts);
    assert_eq!(key, "audiotechnicaathm50xbt2");
    let words: Vec<usize> = (0..key.len()).filter(|&i| starts & (1 << i) != 0).collect();
    // audio|technica|ath|m|50|x|bt|2 (lower→upper starts a word: x|BT)
    assert_eq!(words, [0, 5, 13, 16, 17, 19, 20, 22]);
    for text in ["hd650", "HD 650", "HD-650", " h.d 6-5-0 "] {
        assert_eq!(Search::new(text).joined, "hd650", "{text:?}");
    }
}

fn real() -> Catalog {
    Catalog::embedded().unwrap_or_else(|e| panic!("embedded catalog: {e}"))
}

fn search(catalog: &Catalog, text: &str) -> Vec<String> {
    run(
        catalog,
        &Query {
            text: text.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .ids
}

#[test]
fn real_catalog_search_forgives_how_people_type() {
    let catalog = real();
    for text in [
        "hd650",
        "hd 650",
        "HD-650",
        "HD 650",
        "sennheiser hd650",
        "Hd.650",
    ] {
        assert_eq!(
            search(&catalog, text).first().map(String::as_str),
            Some("sennheiser-hd-650"),
            "{text:?}"
        );
    }
    let dt770 = search(&catalog, "dt 770");
    assert_eq!(
        dt770[..3],
        [
            "beyerdynamic-dt-770-pro-32",
            "beyerdynamic-dt-770-pro-80",
            "beyerdynamic-dt-770-pro-250"
        ],
        "{dt770:?}"
    );
    for (text, first) in [
        ("m50x", "audio-technica-ath-m50x"),
        ("ATH-M50X", "audio-technica-ath-m50x"),
        ("lcd2", "audeze-lcd-2"),
        ("LCD-2", "audeze-lcd-2"),
        ("mdr7506", "sony-mdr-7506"),
    ] {
        let found = search(&catalog, text);
        assert_eq!(
            found.first().map(String::as_str),
            Some(first),
            "{text:?}: {found:?}"
        );
    }
    let beyer990 = search(&catalog, "beyer 990");
    assert_eq!(
        beyer990[..2],
        ["beyerdynamic-dt-990-pro-80", "beyerdynamic-dt-990-pro-250"],
        "{beyer990:?}"
    );
}

#[test]
fn real_catalog_facets_add_up() {
    let catalog = real();
    let result = run(&catalog, &Query::default()).unwrap();
    assert_eq!(result.total, catalog.len());
    let sum = |counts: Vec<usize>| counts.into_iter().sum::<usize>();
    assert_eq!(
        sum(result.facets.back.iter().map(|c| c.count).collect()),
        catalog.len()
    );
    assert_eq!(
        sum(result.facets.brand.iter().map(|c| c.count).collect()),
        catalog.len()
    );
    assert_eq!(
        sum(result.facets.tier.iter().map(|c| c.count).collect()),
        catalog.len(),
        "catalog models all have a tier"
    );
}

/// 100,000 synthetic models searched, filtered, faceted and sorted. Run with
/// `cargo test --release -p headroom-domain query::tests::large -- --ignored --nocapture`.
#[test]
#[ignore = "timing: run in release"]
fn large_catalog_is_fast() {
    let base = fixture();
    let models: Vec<Model> = (0..100_000)
        .map(|i| {
            let mut m = base.models()[i % base.len()].clone();
            m.id = format!("{}-{i}", m.id);
            m.brand = format!("Brand {}", i % 97);
            m.model = format!(
                "{} {} {}",
                ["DT", "HD", "ATH-M", "K"][i / 8 % 4],
                i % 1000,
                ["Pro", "X", "S"][i / 32 % 3]
            );
            m.weight_g = (i % 5 != 0).then_some(200.0 + (i % 300) as f64);
            m
        })
        .collect();
    let catalog = Catalog::from_models(models);
    // A page of 100, as the browse view asks; the last query returns every id, which adds
    // 100,000 String clones (the allocator's time, not the query's), so it is only printed.
    let page = Some(100);
    let queries = [
        Query {
            limit: page,
            ..Default::default()
        },
        Query {
            text: "dt 770".into(),
            limit: page,
            ..Default::default()
        },
        Query {
            text: "hd".into(),
            back: vec![Back::Open],
            sort: SortKey::Sensitivity,
            descending: true,
            limit: page,
            ..Default::default()
        },
        Query {
            brand: vec!["Brand 3".into()],
            tier: vec![Tier::Midrange],
            sort: SortKey::Weight,
            limit: page,
            ..Default::default()
        },
        Query {
            text: "brand 1 pro".into(),
            impedance_min: Some(30.0),
            sort: SortKey::Model,
            limit: page,
            ..Default::default()
        },
        Query {
            sort: SortKey::Impedance,
            descending: true,
            offset: 50_000,
            limit: page,
            ..Default::default()
        },
        Query {
            loud_enough: Some(LoudEnough {
                source: SourceSpec::new(1.0, 10.0),
                target_db: 105.0,
            }),
            sort: SortKey::Sensitivity,
            limit: page,
            ..Default::default()
        },
        Query::default(),
    ];
    for query in &queries {
        let mut results = Vec::new();
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                results.push(run(&catalog, query).unwrap());
                start.elapsed()
            })
            .min()
            .unwrap();
        let total = results[0].total;
        println!(
            "{:>8.2} ms  {total:>6} matches  {query:?}",
            best.as_secs_f64() * 1000.0
        );
        if !cfg!(debug_assertions) && query.limit.is_some() {
            assert!(best.as_millis() < 20, "{best:?} for {query:?}");
        }
    }
}

proptest! {
    #[test]
    fn any_text_runs_or_is_refused(
        text in prop_oneof![any::<String>(), "\\PC{150,260}", "[a-zA-Z0-9 .-]{0,30}"],
        sort in 0..EVERY_SORT.len(),
        descending: bool,
        offset in 0usize..10,
        limit in proptest::option::of(0usize..10),
    ) {
        let too_long = text.chars().count() > MAX_TEXT_CHARS;
        let query = Query { text, sort: EVERY_SORT[sort], descending, offset, limit, ..Default::default() };
        match run(&fixture(), &query) {
            Ok(result) => {
                prop_assert!(!too_long);
                prop_assert!(result.ids.len() <= result.total && result.total <= 8);
            }
            Err(e) => {
                prop_assert!(too_long, "{e}");
                prop_assert_eq!(e.kind(), ErrorKind::InvalidInput);
            }
        }
    }
}
