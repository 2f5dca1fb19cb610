//! The user's own figures and measurements: operations, refusals, the catalog they make, and
//! their round trip through the file and an import.

use serde_json::json;

use super::testing::catalog;
use super::{from_bytes, import, to_bytes, Document, ImportMode, OwnModelInput, UserFigures};
use crate::model::{FigureKind, SensitivityUnit};
use crate::sound::GRID;
use crate::ErrorKind;

fn figures(v: serde_json::Value) -> UserFigures {
    serde_json::from_value(v).unwrap()
}

/// A Room EQ Wizard text export: `*` header lines, then frequency, SPL and phase by tabs.
fn rew_export(n: usize) -> String {
    let mut text = String::from(
        "* Measurement data measured by REW V5.20.13\n* Source: E-MU 0202\n* Format: 1/48 octave\n* Freq(Hz)\tSPL(dB)\tPhase(degrees)\n",
    );
    for i in 0..n {
        let f = 20.0 * 1000f64.powf(i as f64 / (n - 1) as f64);
        let db = 85.0 + if f < 200.0 { 4.0 } else { 0.0 };
        text.push_str(&format!("{f:.3}\t{db:.3}\t-12.5\n"));
    }
    text
}

#[test]
fn the_users_sensitivity_replaces_the_catalogs_and_is_marked_as_theirs() {
    let base = catalog();
    let mut doc = Document::default();
    let before = doc.clone();
    let earlier = doc
        .set_figures(
            &base,
            "sennheiser-hd-650",
            figures(json!({ "impedance_ohm": 300, "sensitivity": { "value": 103, "unit": "dB/V", "ref_hz": 1000 } })),
        )
        .unwrap();
    assert_eq!(earlier, None);
    assert!(doc.changes_catalog(&before));
    let mine = doc.catalog(&base).unwrap();
    let m = mine.require("sennheiser-hd-650").unwrap();
    assert_eq!(m.sensitivity.unwrap().value, 103.0);
    assert_eq!(m.sensitivity.unwrap().unit, SensitivityUnit::DbPerV);
    assert_eq!(m.figure_kind("sensitivity"), Some(FigureKind::User));
    assert_eq!(m.figure_kind("impedance_ohm"), Some(FigureKind::User));
    assert_eq!(
        m.figure_notes["sensitivity"],
        "Your own figure. The catalog has nothing."
    );
    // The base catalog is untouched.
    assert!(base
        .require("sennheiser-hd-650")
        .unwrap()
        .sensitivity
        .is_none());

    // Removing gives the figures back for undo; setting them again restores them.
    let removed = doc.remove_figures("sennheiser-hd-650").unwrap();
    assert!(doc.figures.is_empty());
    doc.set_figures(&base, "sennheiser-hd-650", removed)
        .unwrap();
    assert_eq!(doc.figures.len(), 1);
    assert_eq!(from_bytes(&to_bytes(&doc), &base).unwrap(), doc);
    let e = doc.remove_figures("sony-mdr-7506").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn bad_figures_are_refused_naming_the_field_and_nothing_changes() {
    let base = catalog();
    let mut doc = Document::default();
    doc.set_figures(&base, "sony-mdr-7506", figures(json!({ "weight_g": 230 })))
        .unwrap();
    let saved = doc.clone();
    let cases = [
        (json!({}), "figures: enter at least one figure"),
        (
            json!({ "impedance_ohm": 2 }),
            "figures.impedance_ohm: 2 ohm is outside 8–1000 ohm",
        ),
        (
            json!({ "weight_g": 5000 }),
            "figures.weight_g: 5000 g is outside 80–800 g",
        ),
        (
            json!({ "impedance_ohm": 25, "sensitivity": { "value": 118, "unit": "dB/mW", "ref_hz": null } }),
            "figures.sensitivity: 118 dB/mW is outside the plausible range 80–112 dB/mW",
        ),
        (
            json!({ "price": { "amount": 99, "currency": "EUR", "as_of": "2026-01", "source": "box" } }),
            "figures.price.currency: prices are in USD, not `EUR`",
        ),
        (
            json!({ "price": { "amount": 99, "currency": "USD", "as_of": "2026-13", "source": "box" } }),
            "figures.price.as_of: `2026-13` is not a month (YYYY-MM)",
        ),
    ];
    for (input, expected) in cases {
        let e = doc
            .set_figures(&base, "sony-mdr-7506", figures(input.clone()))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{input}");
        assert!(e.message().starts_with(expected), "{input}: {e}");
        assert_eq!(doc, saved, "{input}: a refused change changes nothing");
    }
    let e = doc
        .set_figures(&base, "no-such-model", figures(json!({ "weight_g": 200 })))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    // The user's own models carry their figures themselves.
    let own = doc
        .add_own_model(
            &base,
            serde_json::from_value::<OwnModelInput>(json!({ "model": "X1", "back": "open" }))
                .unwrap(),
        )
        .unwrap();
    let e = doc
        .set_figures(&base, &own.id, figures(json!({ "weight_g": 200 })))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
}

#[test]
fn a_rew_export_imports_as_an_own_models_curve() {
    let base = catalog();
    let mut doc = Document::default();
    let own = doc
        .add_own_model(
            &base,
            serde_json::from_value::<OwnModelInput>(
                json!({ "brand": "Acme", "model": "X1", "back": "open" }),
            )
            .unwrap(),
        )
        .unwrap();
    let before = doc.clone();
    let replaced = doc
        .import_curve(
            &base,
            &own.id,
            "x1-left.txt",
            &rew_export(300),
            "2026-11-29",
        )
        .unwrap();
    assert_eq!(replaced, None);
    assert!(doc.changes_catalog(&before));
    let curve = &doc.curves[&own.id];
    assert_eq!(curve.centi_db.len(), GRID.points);
    assert_eq!(
        (curve.label.as_str(), curve.imported.as_str()),
        ("x1-left.txt", "2026-11-29")
    );
    assert_eq!(curve.centi_db[0], 8900, "20 Hz reads 89 dB, in hundredths");
    // The user's catalog knows it as the model's sound, marked as theirs.
    let mine = doc.catalog(&base).unwrap();
    let sound = mine.sound(&own.id).unwrap();
    assert!(sound.own);
    // It survives the file and blocks deleting the model it belongs to.
    assert_eq!(from_bytes(&to_bytes(&doc), &base).unwrap(), doc);
    let e = doc.delete_own_model(&own.id).unwrap_err();
    assert!(e.message().contains("measurement you imported"), "{e}");
    let removed = doc.remove_curve(&own.id).unwrap();
    doc.set_curve(&base, &own.id, removed).unwrap();
    assert_eq!(doc.curves.len(), 1);
}

#[test]
fn a_bad_measurement_file_is_refused_with_its_line_and_nothing_is_lost() {
    let base = catalog();
    let mut doc = Document::default();
    doc.import_curve(
        &base,
        "audeze-lcd-2",
        "mine.txt",
        &rew_export(100),
        "2026-11-29",
    )
    .unwrap();
    let saved = doc.clone();
    let broken = rew_export(100).replacen("\n1", "\nabc", 1);
    let e = doc
        .import_curve(&base, "audeze-lcd-2", "broken.txt", &broken, "2026-11-30")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.message().starts_with("measurement: line "), "{e}");
    assert!(e.message().contains("`abc"), "{e}");
    assert_eq!(doc, saved, "the earlier curve is still there, unchanged");
    let e = doc
        .import_curve(&base, "audeze-lcd-2", "", &rew_export(100), "2026-11-30")
        .unwrap_err();
    assert!(e.message().starts_with("label: must not be empty"), "{e}");
    assert_eq!(doc, saved);
}

#[test]
fn a_merge_keeps_the_current_figures_and_adds_the_imported_ones() {
    let base = catalog();
    let mut current = Document::default();
    current
        .set_figures(&base, "sony-mdr-7506", figures(json!({ "weight_g": 230 })))
        .unwrap();
    let mut incoming = Document::default();
    incoming
        .set_figures(&base, "sony-mdr-7506", figures(json!({ "weight_g": 240 })))
        .unwrap();
    incoming
        .set_figures(&base, "audeze-lcd-2", figures(json!({ "weight_g": 600 })))
        .unwrap();
    incoming
        .import_curve(
            &base,
            "sennheiser-hd-650",
            "hd650.csv",
            &rew_export(80),
            "2026-11-29",
        )
        .unwrap();
    let merged = import(&current, incoming.clone(), ImportMode::Merge).unwrap();
    assert_eq!(
        merged.figures["sony-mdr-7506"].weight_g,
        Some(230.0),
        "current wins"
    );
    assert_eq!(merged.figures["audeze-lcd-2"].weight_g, Some(600.0));
    assert!(merged.curves.contains_key("sennheiser-hd-650"));
    assert_eq!(
        import(&merged, incoming, ImportMode::Merge).unwrap(),
        merged,
        "idempotent"
    );
}

#[test]
fn a_journal_with_bad_figures_or_curves_is_refused_with_the_path() {
    let c = catalog();
    let doc = |extra: serde_json::Value| {
        let mut v = json!({ "version": 2 });
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::to_vec(&v).unwrap()
    };
    let e = super::testing::error_of(
        &doc(json!({ "figures": { "sony-mdr-7506": { "weight_g": 9 } } })),
        &c,
    );
    assert_eq!(e, "figures.sony-mdr-7506.weight_g: 9 g is outside 80–800 g");
    let e = super::testing::error_of(
        &doc(json!({ "figures": { "gone": { "weight_g": 200 } } })),
        &c,
    );
    assert_eq!(e, "figures.gone: `gone` is not a catalog model");
    let e = super::testing::error_of(
        &doc(json!({ "figures": { "sony-mdr-7506": { "mass": 1 } } })),
        &c,
    );
    assert!(
        e.starts_with("figures.sony-mdr-7506: unknown field `mass`"),
        "{e}"
    );
    let e = super::testing::error_of(
        &doc(
            json!({ "curves": { "sony-mdr-7506": { "label": "x", "imported": "2026-01-01", "centi_db": [1, 2] } } }),
        ),
        &c,
    );
    assert_eq!(
        e,
        "curves.sony-mdr-7506.centi_db: 2 levels; a curve has 240"
    );
}

/// The one mechanism behind `set_figures` and `set_curve`: a new model past the cap is refused
/// naming the map, replacing an entry at the cap is not, and a change that would make the saved
/// journal too large is undone, restoring the value it replaced.
#[test]
fn a_per_model_entry_keeps_its_cap_and_the_size_limit() {
    let cap = ("figures", 1, "models");
    let small = figures(json!({ "weight_g": 260 }));
    let large = figures(json!({ "weight_g": 260, "impedance_ohm": 300 }));
    let mut doc = Document::default();
    let put = |doc: &mut Document, id: &str, f: &UserFigures| {
        doc.put_for_model(|d| &mut d.figures, cap, id, f.clone())
    };
    assert_eq!(put(&mut doc, "sony-mdr-7506", &small).unwrap(), None);
    let full = doc.clone();
    let err = put(&mut doc, "sennheiser-hd-650", &small).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.message().contains("figures")
            && err.message().contains("2 models, more than the 1 allowed"),
        "{}",
        err.message()
    );
    assert_eq!(doc, full);
    assert_eq!(
        put(&mut doc, "sony-mdr-7506", &large).unwrap(),
        Some(small.clone())
    );
    assert_eq!(
        put(&mut doc, "sony-mdr-7506", &small).unwrap(),
        Some(large.clone())
    );

    // Pad the journal to its limit exactly (with a string no operation would store, set
    // directly): the larger figures no longer fit.
    let padding = |text: String| {
        let mut p = crate::advisor::Profile::default();
        p.source.preset = text;
        Some(p)
    };
    doc.profile = padding(String::new());
    let room = super::MAX_BYTES - super::check::saved_len(&doc);
    doc.profile = padding("x".repeat(room));
    assert_eq!(super::check::saved_len(&doc), super::MAX_BYTES);
    let padded = doc.clone();
    let err = put(&mut doc, "sony-mdr-7506", &large).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("once saved"), "{}", err.message());
    assert_eq!(doc, padded, "the replaced figures are back");
    let roomy = ("figures", 2, "models");
    let err = doc
        .put_for_model(
            |d| &mut d.figures,
            roomy,
            "sennheiser-hd-650",
            small.clone(),
        )
        .unwrap_err();
    assert!(err.message().contains("once saved"), "{}", err.message());
    assert_eq!(doc, padded, "the new entry is gone");
}
