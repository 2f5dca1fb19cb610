//! The comparison's unit tests on invented models: every row, the formatting, the advice, the
//! marks, unknowns, the headroom bar, the refusals, variants, serialization and the exports
//! (checked against `catalog/tests/fixtures/compare/`).

use std::path::PathBuf;

use serde_json::json;

use super::export::md_escape;
use super::format::{num, rounded, signed_weight};
use super::table::mark_best;
use super::*;
use crate::advisor::{self, Profile, Room, SourceChoice, Task};
use crate::error::{Error, Result};
use crate::journal::{TryOnSummary, Verdict as TryVerdict};
use crate::model::{Model, Tier};
use crate::{Catalog, ErrorKind};

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// Three invented models, so nothing here changes when the real catalog does: a light
/// closed 32 ohm model published in dB/mW, a heavier open 300 ohm one in dB/V, and a user's
/// own model with little published (but the same driver size and cable as the others).
fn fixture_catalog() -> Catalog {
    let models = [
        json!({
            "id": "acme-s1", "family": "acme-s1", "brand": "Acme", "model": "S1",
            "back": "closed", "transducer": "dynamic", "driver_mm": 40, "impedance_ohm": 32,
            "sensitivity": { "value": 98, "unit": "dB/mW", "ref_hz": 1000 },
            "weight_g": 250,
            "frequency_response": { "low_hz": 5, "high_hz": 35000 },
            "cable": { "detachable": true, "length_m": 3, "style": "coiled",
                       "connector": "3.5 mm | 6.35 mm" },
            "folds": true, "swivels": true, "pads": "protein leather", "tier": "budget",
            "price": { "amount": 99, "currency": "USD", "as_of": "2025-06",
                       "source": "A *shop*, [link](https://example.com)" },
            "year": 2019,
            "notes": { "isolation": "Good", "leakage": "Low", "comfort": "Snug,\nwarm" },
            "sources": [ { "kind": "maker", "title": "spec", "url": "https://example.com/a" },
                         { "kind": "review", "title": "review", "url": "https://example.com/b" } ],
            "figure_notes": { "weight_g": "measured by a <b>review</b>" },
        }),
        json!({
            "id": "bolt-o2", "family": "bolt-o2", "brand": "Bolt", "model": "O2",
            "variant": "300 ohm",
            "back": "open", "transducer": "dynamic", "driver_mm": 40, "impedance_ohm": 300,
            "sensitivity": { "value": 103, "unit": "dB/V", "ref_hz": null },
            "weight_g": 260,
            "frequency_response": { "low_hz": 10, "high_hz": 41000 },
            "cable": { "detachable": true, "length_m": 3, "style": "straight",
                       "connector": "6.35 mm" },
            "folds": false, "swivels": null, "pads": "velour", "tier": "midrange",
            "price": { "amount": 399, "currency": "USD", "as_of": "2025-06", "source": "shop" },
            "year": 2005,
            "notes": { "isolation": "None", "leakage": "High", "comfort": "Light" },
            "sources": [ { "kind": "maker", "title": "spec", "url": "https://example.com/c" } ],
        }),
        json!({
            "id": "user-mystery-1", "family": "user-mystery-1", "brand": "", "model": "=Mystery",
            "back": "semi-open", "origin": "user", "driver_mm": 40,
            "cable": { "detachable": true, "length_m": 3 },
        }),
    ];
    Catalog::from_models(
        models
            .into_iter()
            .map(|m| serde_json::from_value(m).expect("a valid test model"))
            .collect(),
    )
}

/// A profile with custom source figures, independent of the embedded presets.
fn fixture_profile() -> Profile {
    Profile {
        room: Room::Moderate,
        tasks: vec![Task::Tracking, Task::Mixing],
        source: SourceChoice {
            preset: "custom".to_owned(),
            vrms: Some(1.0),
            output_ohm: Some(10.0),
        },
        budget: Tier::Budget,
        hours: 4.0,
        glasses: true,
        ..Profile::default()
    }
}

fn summary(model_id: &str, comfort: Option<f64>, weight: Option<f64>) -> TryOnSummary {
    TryOnSummary {
        model_id: model_id.to_owned(),
        sessions: 2,
        last_date: "2025-05-03".to_owned(),
        avg_comfort: comfort,
        avg_clamp: Some(4.0),
        avg_weight: weight,
        avg_heat: None,
        avg_pads: None,
        avg_glasses_fit: None,
        avg_bass: Some(3.0),
        avg_mids: None,
        avg_treble: None,
        avg_soundstage: None,
        avg_isolation: None,
        avg_leakage: None,
        last_verdict: Some(TryVerdict::Keep),
        latest_note: Some("Comfy | but *warm*\n<script>".to_owned()),
    }
}

fn fixture_comparison() -> Comparison {
    let tryons = [
        summary("bolt-o2", Some(4.5), Some(4.0)),
        summary("acme-s1", Some(3.0), None),
        summary("not-compared", Some(1.0), None),
    ];
    build(
        &fixture_catalog(),
        &ids(&["bolt-o2", "acme-s1", "user-mystery-1"]),
        &fixture_profile(),
        &tryons,
    )
    .unwrap()
}

fn row<'c>(c: &'c Comparison, key: &str) -> &'c Row {
    c.row(key).unwrap_or_else(|| panic!("no row `{key}`"))
}

fn texts(r: &Row) -> Vec<&str> {
    r.cells.iter().map(|c| c.text.as_str()).collect()
}

fn bests(r: &Row) -> Vec<bool> {
    r.cells.iter().map(|c| c.best).collect()
}

fn error(result: Result<Comparison>) -> Error {
    match result {
        Ok(c) => panic!("expected an error, got {} columns", c.columns.len()),
        Err(e) => e,
    }
}

#[test]
fn compare_has_a_row_for_every_field_and_every_part() {
    let c = fixture_comparison();
    let keys: Vec<&str> = c
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| r.key.as_str())
        .collect();
    // Every field of `Model` except those in the column header (id, family, brand, model,
    // variant), then the advice, the loudness and the try-on summary.
    let expected = [
        "back",
        "transducer",
        "driver_mm",
        "impedance_ohm",
        "sensitivity",
        "sensitivity_db_per_mw",
        "weight_g",
        "frequency_response",
        "cable_detachable",
        "cable_length_m",
        "cable_style",
        "cable_connector",
        "folds",
        "swivels",
        "pads",
        "tier",
        "price",
        "price_source",
        "year",
        "notes_isolation",
        "notes_leakage",
        "notes_comfort",
        "origin",
        "sources_count",
        "sources_kinds",
        "figure_notes",
        "fit",
        "score",
        "budget",
        "reason_1",
        "reason_2",
        "reason_3",
        "preference",
        "band_sub_bass",
        "band_bass",
        "band_low_mids",
        "band_mids",
        "band_presence",
        "band_treble",
        "band_air",
        "measured_by",
        "max_spl_db",
        "headroom_db",
        "verdict",
        "damping",
        "tryon_sessions",
        "tryon_last_date",
        "tryon_comfort",
        "tryon_clamp",
        "tryon_weight",
        "tryon_heat",
        "tryon_pads",
        "tryon_glasses_fit",
        "tryon_verdict",
        "tryon_note",
    ];
    assert_eq!(keys, expected);
    for r in c.sections.iter().flat_map(|s| &s.rows) {
        assert_eq!(r.cells.len(), 3, "row {}", r.key);
    }
    assert_eq!(
        c.columns
            .iter()
            .map(|col| col.name.as_str())
            .collect::<Vec<_>>(),
        ["Bolt O2 300 ohm", "Acme S1", "=Mystery"],
        "the user's order"
    );
    assert_eq!(c.columns[2].origin, Origin::User);
}

#[test]
fn compare_formats_the_catalog_figures() {
    let c = fixture_comparison();
    assert_eq!(
        texts(row(&c, "impedance_ohm")),
        ["300 ohm", "32 ohm", NOT_PUBLISHED]
    );
    assert_eq!(
        texts(row(&c, "sensitivity")),
        ["103 dB/V", "98 dB/mW at 1 kHz", NOT_PUBLISHED]
    );
    // 103 dB/V at 300 ohm is 97.8 dB/mW (ARCHITECTURE.md's worked example).
    let per_mw = row(&c, "sensitivity_db_per_mw");
    assert_eq!(texts(per_mw), ["97.8 dB/mW", "98 dB/mW", NOT_PUBLISHED]);
    assert_eq!(per_mw.cells[0].value, Some(97.8));
    assert_eq!(per_mw.better, None, "sensitivity is not better either way");
    assert_eq!(
        texts(row(&c, "frequency_response")),
        ["10 Hz – 41 kHz", "5 Hz – 35 kHz", NOT_PUBLISHED]
    );
    assert_eq!(
        texts(row(&c, "price")),
        ["399 USD (2025-06)", "99 USD (2025-06)", NOT_PUBLISHED]
    );
    assert_eq!(
        texts(row(&c, "swivels")),
        [NOT_PUBLISHED, "yes", NOT_PUBLISHED]
    );
    assert_eq!(
        texts(row(&c, "sources_kinds")),
        ["maker", "maker, review", "none"]
    );
    assert_eq!(
        texts(row(&c, "origin")),
        ["the catalog", "the catalog", "you"]
    );
}

#[test]
fn compare_advice_rows_show_fit_score_budget_and_top_reasons() {
    let c = fixture_comparison();
    // The budget is `budget`: the midrange model still gets its fit, flagged over budget.
    assert_eq!(
        texts(row(&c, "budget")),
        ["over budget (midrange)", "within budget", "no price tier"]
    );
    let recs = advisor::recommend(
        &fixture_catalog(),
        &Profile {
            show_over_budget: true,
            ..fixture_profile()
        },
        &[
            summary("bolt-o2", Some(4.5), Some(4.0)),
            summary("acme-s1", Some(3.0), None),
        ],
    )
    .unwrap();
    for (i, col) in c.columns.iter().enumerate() {
        let rec = recs.iter().find(|r| r.id == col.id).unwrap();
        assert_eq!(
            row(&c, "score").cells[i].value,
            Some(rounded(rec.score, 2)),
            "{}",
            col.id
        );
        assert_eq!(row(&c, "fit").cells[i].text, rec.fit.label());
        let max = rec
            .reasons
            .iter()
            .map(|r| r.weight.abs())
            .fold(0.0, f64::max);
        let first = &row(&c, "reason_1").cells[i].text;
        assert!(
            first.starts_with(&signed_weight(
                rec.reasons
                    .iter()
                    .find(|r| r.weight.abs() == max)
                    .unwrap()
                    .weight
            )),
            "{first}"
        );
    }
    // The Bolt's two heaviest reasons weigh 4.0 each: they keep the advisor's order.
    assert!(row(&c, "reason_1").cells[0]
        .text
        .starts_with("-4.0 300 ohm on your source"));
    assert_eq!(
        row(&c, "reason_2").cells[0].text,
        "+4.0 You marked it \"keep\" after your own try-on"
    );
    assert!(
        row(&c, "score")
            .cells
            .iter()
            .filter(|cell| cell.best)
            .count()
            == 1
    );
    assert_eq!(signed_weight(-0.5), "-0.5");
    assert_eq!(signed_weight(0.25), "+0.25");
    assert_eq!(signed_weight(2.0), "+2.0");
}

#[test]
fn compare_marks_rows_that_differ() {
    let c = fixture_comparison();
    assert!(!row(&c, "driver_mm").differs, "40 mm three times");
    assert!(!row(&c, "cable_detachable").differs, "yes three times");
    assert!(
        row(&c, "transducer").differs,
        "dynamic, dynamic and unknown differ"
    );
    let catalog = fixture_catalog();
    let two = build(
        &catalog,
        &ids(&["acme-s1", "bolt-o2"]),
        &fixture_profile(),
        &[],
    )
    .unwrap();
    assert!(!row(&two, "driver_mm").differs, "40 mm both");
    assert!(!row(&two, "cable_length_m").differs, "3 m both");
    assert!(!row(&two, "cable_detachable").differs);
    assert!(row(&two, "impedance_ohm").differs);
    assert!(row(&two, "back").differs);
    assert!(!row(&two, "tryon_comfort").differs, "not tried, both");
    // Nobody wears glasses and nobody rated the fit with them: no row.
    let no_glasses = Profile {
        glasses: false,
        ..fixture_profile()
    };
    let plain = build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &no_glasses, &[]).unwrap();
    assert!(plain.row("tryon_glasses_fit").is_none());
    let mut rated = summary("acme-s1", None, None);
    rated.avg_glasses_fit = Some(2.0);
    let with = build(
        &catalog,
        &ids(&["acme-s1", "bolt-o2"]),
        &no_glasses,
        &[rated],
    )
    .unwrap();
    assert_eq!(texts(row(&with, "tryon_glasses_fit")), ["2/5", NOT_TRIED]);
}

#[test]
fn compare_marks_the_better_value() {
    let c = fixture_comparison();
    // Lighter is better; the unknown weight is never best.
    let weight = row(&c, "weight_g");
    assert_eq!(weight.better, Some(Better::Lower));
    assert_eq!(bests(weight), [false, true, false]);
    // More headroom is better: the 32 ohm, 98 dB/mW model is louder on 1 V.
    let headroom = row(&c, "headroom_db");
    assert_eq!(headroom.better, Some(Better::Higher));
    assert_eq!(bests(headroom), [false, true, false]);
    assert_eq!(bests(row(&c, "max_spl_db")), [false, true, false]);
    // Higher comfort is better; untried is never best.
    assert_eq!(bests(row(&c, "tryon_comfort")), [true, false, false]);
    // Only one known rating: no best.
    assert_eq!(bests(row(&c, "tryon_weight")), [false, false, false]);
    // Equal known ratings: no best.
    assert_eq!(bests(row(&c, "tryon_clamp")), [false, false, false]);
    // Rows without a direction never mark one.
    assert_eq!(bests(row(&c, "impedance_ohm")), [false, false, false]);
}

#[test]
fn compare_best_marks_every_tied_best_value() {
    let cells = |values: &[Option<f64>]| -> Vec<Cell> {
        values
            .iter()
            .map(|v| {
                v.map_or_else(
                    || Cell::unknown(NOT_PUBLISHED),
                    |v| Cell::number(v, num(v, 1)),
                )
            })
            .collect()
    };
    let marked = |values: &[Option<f64>], better| {
        let mut c = cells(values);
        mark_best(&mut c, better);
        c.iter().map(|c| c.best).collect::<Vec<_>>()
    };
    assert_eq!(
        marked(&[Some(250.0), Some(250.0), Some(300.0)], Better::Lower),
        [true, true, false]
    );
    assert_eq!(
        marked(&[Some(3.0), None, Some(5.0), Some(5.0)], Better::Higher),
        [false, false, true, true]
    );
    assert_eq!(
        marked(&[Some(3.0), Some(3.0)], Better::Higher),
        [false, false]
    );
    assert_eq!(marked(&[Some(3.0), None], Better::Higher), [false, false]);
    assert_eq!(marked(&[None, None], Better::Lower), [false, false]);
    assert_eq!(
        marked(&[Some(-3.5), Some(-1.0), None], Better::Higher),
        [false, true, false]
    );
}

#[test]
fn compare_unknowns_read_as_unknown_never_zero() {
    let c = fixture_comparison();
    let mystery = 2;
    for r in c.sections.iter().flat_map(|s| &s.rows) {
        let cell = &r.cells[mystery];
        if cell.known {
            continue;
        }
        assert_eq!(cell.value, None, "row {}", r.key);
        assert!(!cell.best, "row {}", r.key);
        assert!(
            !cell.text.chars().any(|ch| ch.is_ascii_digit()),
            "row {}: {}",
            r.key,
            cell.text
        );
    }
    for key in [
        "impedance_ohm",
        "weight_g",
        "max_spl_db",
        "headroom_db",
        "verdict",
        "year",
    ] {
        assert_eq!(row(&c, key).cells[mystery].text, NOT_PUBLISHED, "{key}");
        assert!(!row(&c, key).cells[mystery].known, "{key}");
    }
    for key in [
        "tryon_sessions",
        "tryon_comfort",
        "tryon_verdict",
        "tryon_note",
    ] {
        assert_eq!(row(&c, key).cells[mystery].text, NOT_TRIED, "{key}");
    }
    // Tried but not rated reads differently from not tried.
    assert_eq!(row(&c, "tryon_heat").cells[0].text, NOT_RATED);
    assert!(!row(&c, "tryon_heat").cells[0].known);
    assert_eq!(row(&c, "headroom_db").cells[mystery].bar, None);
}

#[test]
fn compare_headroom_cells_carry_a_bar() {
    let c = fixture_comparison();
    let headroom = row(&c, "headroom_db");
    for cell in headroom.cells.iter().filter(|cell| cell.known) {
        let h = cell.value.unwrap();
        let bar = cell.bar.unwrap();
        assert!((0.0..=1.0).contains(&bar));
        assert_eq!(
            bar,
            ((h + BAR_SPAN_DB) / (2.0 * BAR_SPAN_DB)).clamp(0.0, 1.0)
        );
        let max = row(&c, "max_spl_db")
            .cells
            .iter()
            .find(|m| m.known)
            .unwrap();
        assert!(max.value.unwrap() > 0.0);
    }
    assert!(c
        .row("max_spl_db")
        .unwrap()
        .cells
        .iter()
        .all(|cell| cell.bar.is_none()));
    assert_eq!(c.target_db, 110.0);
    assert_eq!(c.source_name, "Custom source (1 Vrms, 10 ohm)");
}

#[test]
fn compare_takes_two_to_four_models() {
    let catalog = Catalog::embedded().unwrap();
    let p = Profile::default();
    let all = [
        "sennheiser-hd-650",
        "sony-mdr-7506",
        "audeze-lcd-2",
        "beyerdynamic-dt-990-pro-250",
        "beyerdynamic-dt-770-pro-80",
    ];
    for n in [0, 1, 5] {
        let e = error(build(&catalog, &ids(&all[..n]), &p, &[]));
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{n}: {e}");
        assert!(e.message().starts_with("ids: pick 2 to 4 models"), "{e}");
    }
    for n in 2..=4 {
        let c = build(&catalog, &ids(&all[..n]), &p, &[]).unwrap();
        assert_eq!(c.columns.len(), n);
        let got: Vec<&str> = c.columns.iter().map(|col| col.id.as_str()).collect();
        assert_eq!(got, all[..n]);
    }
}

#[test]
fn compare_refuses_duplicates_and_unknown_ids() {
    let catalog = fixture_catalog();
    let p = fixture_profile();
    let e = error(build(
        &catalog,
        &ids(&["acme-s1", "bolt-o2", "acme-s1"]),
        &p,
        &[],
    ));
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.message(), "ids: `acme-s1` is listed twice");
    let e = error(build(&catalog, &ids(&["acme-s1", "nope"]), &p, &[]));
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.message(), "no model with id `nope`");
    let twice = [
        summary("acme-s1", None, None),
        summary("acme-s1", None, None),
    ];
    let e = error(build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &p, &twice));
    assert_eq!(e.message(), "tryons: two summaries for model `acme-s1`");
    let bad = Profile { hours: 0.0, ..p };
    let e = error(build(&catalog, &ids(&["acme-s1", "bolt-o2"]), &bad, &[]));
    assert!(e.message().starts_with("hours:"), "{e}");
}

fn laptop() -> Profile {
    Profile {
        source: SourceChoice {
            preset: "laptop".to_owned(),
            ..SourceChoice::default()
        },
        ..Profile::default()
    }
}

#[test]
fn compare_variants_are_separate_columns() {
    let catalog = Catalog::embedded().unwrap();
    let pair = ids(&["beyerdynamic-dt-770-pro-32", "beyerdynamic-dt-770-pro-250"]);
    let c = build(&catalog, &pair, &laptop(), &[]).unwrap();
    assert_eq!(c.columns[0].name, "Beyerdynamic DT 770 Pro 32 ohm");
    assert_eq!(c.columns[1].name, "Beyerdynamic DT 770 Pro 250 ohm");
    assert_eq!(texts(row(&c, "impedance_ohm")), ["32 ohm", "250 ohm"]);
    assert!(row(&c, "impedance_ohm").differs);
    assert!(!row(&c, "back").differs, "same family, same cups");
    assert_eq!(c.source_name, "Laptop headphone jack");
    let headroom = row(&c, "headroom_db");
    if pair
        .iter()
        .all(|id| catalog.get(id).unwrap().sensitivity.is_some())
    {
        assert!(headroom.differs);
        assert_eq!(
            bests(headroom),
            [true, false],
            "32 ohm: more headroom on a laptop"
        );
    } else {
        // The catalog does not publish these variants' sensitivity (yet): unknown, not 0.
        assert_eq!(texts(headroom), [NOT_PUBLISHED, NOT_PUBLISHED]);
        assert_eq!(bests(headroom), [false, false]);
    }
}

#[test]
fn compare_low_impedance_variant_has_more_headroom_on_a_laptop() {
    // Two variants of one family with the same (invented) 96 dB/mW sensitivity: on the
    // laptop preset the 32 ohm one gets the higher voltage sensitivity and more headroom.
    let variant = |ohm: u32| {
        serde_json::from_value::<Model>(json!({
            "id": format!("acme-c7-{ohm}"), "family": "acme-c7", "brand": "Acme",
            "model": "C7", "variant": format!("{ohm} ohm"), "back": "closed",
            "impedance_ohm": ohm, "weight_g": 270,
            "sensitivity": { "value": 96, "unit": "dB/mW", "ref_hz": 500 },
        }))
        .expect("a valid test model")
    };
    let catalog = Catalog::from_models(vec![variant(250), variant(32)]);
    let c = build(
        &catalog,
        &ids(&["acme-c7-32", "acme-c7-250"]),
        &laptop(),
        &[],
    )
    .unwrap();
    assert_eq!(c.columns[0].name, "Acme C7 32 ohm");
    let headroom = row(&c, "headroom_db");
    assert!(headroom.differs);
    assert!(
        headroom.cells[0].value > headroom.cells[1].value,
        "{:?}",
        texts(headroom)
    );
    assert_eq!(bests(headroom), [true, false]);
    assert_eq!(bests(row(&c, "max_spl_db")), [true, false]);
    assert!(!row(&c, "weight_g").differs);
    assert_eq!(
        bests(row(&c, "weight_g")),
        [false, false],
        "equal weights: no best"
    );
    assert!(!row(&c, "sensitivity").differs);
    assert!(row(&c, "sensitivity_db_per_mw")
        .cells
        .iter()
        .all(|cell| cell.text == "96 dB/mW"));
}

#[test]
fn compare_serializes_for_the_ui() {
    let c = fixture_comparison();
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(
        v["columns"][2],
        json!({ "id": "user-mystery-1", "name": "=Mystery", "origin": "user" })
    );
    let weight = &v["sections"][0]["rows"][6];
    assert_eq!(weight["key"], "weight_g");
    assert_eq!(weight["better"], "lower");
    assert_eq!(
        weight["cells"][1],
        json!({ "text": "250 g", "value": 250.0, "known": true, "best": true, "bar": null, "kind": null })
    );
    assert_eq!(weight["cells"][2]["value"], json!(null));
    assert_eq!(v["sections"][0]["rows"][0]["better"], json!(null));
}

// ---- exports ----

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name)
}

/// Compares `actual` with a fixture file, or rewrites the file when `HEADROOM_BLESS` is set
/// (`HEADROOM_BLESS=1 cargo test -p headroom-domain compare`, then review the diff).
fn matches_fixture(name: &str, actual: &str) {
    let path = fixture_path(name);
    if std::env::var_os("HEADROOM_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
    assert!(
        expected == actual,
        "{name} differs; actual output:\n{actual}"
    );
}

#[test]
fn compare_markdown_matches_its_fixture() {
    matches_fixture("three.md", &to_markdown(&fixture_comparison()));
}

#[test]
fn compare_csv_matches_its_fixture() {
    matches_fixture("three.csv", &to_csv(&fixture_comparison()));
}

#[test]
fn compare_markdown_escapes_user_and_catalog_text() {
    assert_eq!(
        md_escape("a|b\\c*d_e<f>g[h](i)`j`\nk\r\nl\rm ~&!#"),
        "a\\|b\\\\c\\*d\\_e\\<f\\>g\\[h\\](i)\\`j\\` k l m \\~\\&\\!\\#"
    );
    let md = to_markdown(&fixture_comparison());
    assert!(!md.contains("<script>") && !md.contains("<b>"), "{md}");
    assert!(
        md.contains("A \\*shop\\*, \\[link\\](https://example.com)"),
        "no links: {md}"
    );
    assert!(
        md.contains("| ◆ Weight | 260 g | **250 g** | not published |"),
        "{md}"
    );
    // Every table line has as many cells as the header.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let unescaped_pipes = line
            .match_indices('|')
            .filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\')
            .count();
        assert_eq!(unescaped_pipes, 5, "{line}");
    }
}

#[test]
fn compare_csv_neutralises_formulas_in_names() {
    let csv = to_csv(&fixture_comparison());
    assert!(
        csv.starts_with("section,row,Bolt O2 300 ohm,Acme S1,'=Mystery,differs,best\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nSpecs,Weight,260 g,250 g,not published,yes,Acme S1\r\n"),
        "{csv}"
    );
}
