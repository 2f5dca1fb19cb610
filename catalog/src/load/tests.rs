//! The loader's unit tests: variants becoming models, errors naming the file, the model and
//! the field, the embedded files, plausibility, provenance, prices and tiers, brand spelling,
//! duplicate ids and slugs.

use super::*;

const GOOD: &str = r#"{ "families": [ {
        "family": "acme-x1", "brand": "Acme", "model": "X1", "back": "closed",
        "transducer": "dynamic", "driver_mm": 40, "impedance_ohm": null, "sensitivity": null,
        "weight_g": 250, "frequency_response": { "low_hz": 10, "high_hz": 30000 },
        "cable": { "detachable": true, "length_m": 3, "style": "straight", "connector": "3.5 mm" },
        "folds": false, "swivels": true, "pads": "velour", "tier": "budget", "price": null,
        "year": 2020, "notes": { "isolation": null, "leakage": null, "comfort": null },
        "sources": [ { "kind": "maker", "title": "Acme X1 spec sheet", "url": "https://acme.example/x1" } ],
        "figure_notes": {},
        "variants": [
          { "id": "acme-x1-32", "variant": "32 ohm", "impedance_ohm": 32,
            "sensitivity": { "value": 100, "unit": "dB/mW", "ref_hz": 1000 } },
          { "id": "acme-x1-250", "variant": "250 ohm", "impedance_ohm": 250,
            "sensitivity": { "value": 96, "unit": "dB/V", "ref_hz": null } }
        ] } ] }"#;

#[test]
fn variants_become_models_with_their_own_figures() {
    let models = load_files(&[("models/acme.json", GOOD)]).unwrap();
    assert_eq!(models.len(), 2);
    assert_eq!(models[0].id, "acme-x1-32");
    assert_eq!(models[0].impedance_ohm, Some(32.0));
    assert_eq!(models[1].impedance_ohm, Some(250.0));
    assert_eq!(models[1].weight_g, Some(250.0), "family fields carry over");
    assert_eq!(models[1].display_name(), "Acme X1 250 ohm");
}

fn error_for(mutated: &str) -> String {
    load_files(&[("models/acme.json", mutated)])
        .unwrap_err()
        .to_string()
}

#[test]
fn errors_name_the_file_the_model_and_the_field() {
    let e = error_for(&GOOD.replace("\"impedance_ohm\": 250", "\"impedance_ohm\": 2500"));
    assert!(
        e.contains("models/acme.json") && e.contains("acme-x1-250") && e.contains("impedance_ohm"),
        "{e}"
    );

    let e = error_for(&GOOD.replace("\"back\": \"closed\"", "\"back\": \"opne\""));
    assert!(e.contains("acme-x1-32") && e.contains("opne"), "{e}");

    let e = error_for(&GOOD.replace("\"unit\": \"dB/V\"", "\"unit\": \"dB\""));
    assert!(e.contains("acme-x1-250") && e.contains("dB"), "{e}");

    let e = error_for(&GOOD.replace("\"pads\"", "\"padz\""));
    assert!(e.contains("padz"), "{e}");

    let e = error_for(&GOOD.replace(r#"[ { "kind": "maker", "title": "Acme X1 spec sheet", "url": "https://acme.example/x1" } ]"#, "[]"));
    assert!(e.contains("sources"), "{e}");

    let e = error_for(&GOOD.replace("\"weight_g\": 250", "\"weight_g\": 25"));
    assert!(e.contains("weight_g"), "{e}");

    let e = error_for(&GOOD.replace(
        "\"figure_notes\": {}",
        "\"figure_notes\": {\"wieght\": \"x\"}",
    ));
    assert!(e.contains("wieght"), "{e}");

    let e = error_for("{ \"families\": [ ");
    assert!(
        e.contains("models/acme.json") && e.contains("not valid JSON"),
        "{e}"
    );
}

#[test]
fn every_embedded_file_loads_on_its_own() {
    // One line per broken file, so that each file's first problem shows, not only the
    // first file's.
    let problems: Vec<String> = EMBEDDED_FILES
        .iter()
        .filter_map(|(name, text)| load_files(&[(name, text)]).err())
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn plausibility_refuses_a_wrong_unit_and_out_of_range_figures() {
    // The Hi-X55 case: the maker's 118 dB SPL/V at 25 ohm, entered as per mW.
    let e = error_for(&GOOD.replace(
        r#""sensitivity": { "value": 100, "unit": "dB/mW", "ref_hz": 1000 }"#,
        r#""sensitivity": { "value": 118, "unit": "dB/mW", "ref_hz": 1000 }"#,
    ));
    assert!(e.contains("acme-x1-32") && e.contains("sensitivity"), "{e}");
    // In range per volt, but at 32 ohm 96 dB/V would be 81 dB/mW... still plausible; 89 dB/V
    // at 32 ohm is 74 dB/mW, which no headphone is.
    let e = error_for(&GOOD.replace(
        r#""sensitivity": { "value": 100, "unit": "dB/mW", "ref_hz": 1000 }"#,
        r#""sensitivity": { "value": 89, "unit": "dB/V", "ref_hz": 1000 }"#,
    ));
    assert!(
        e.contains("74.1 dB/mW") && e.contains("is the unit right"),
        "{e}"
    );
    // The maker's own figure in its own unit passes: 118 dB/V at 25 ohm is 102 dB/mW.
    let good = GOOD
        .replace(r#""impedance_ohm": 32"#, r#""impedance_ohm": 25"#)
        .replace(
            r#""sensitivity": { "value": 100, "unit": "dB/mW", "ref_hz": 1000 }"#,
            r#""sensitivity": { "value": 118, "unit": "dB/V", "ref_hz": 1000 }"#,
        );
    load_files(&[("models/acme.json", &good)]).unwrap();

    let e = error_for(&GOOD.replace("\"weight_g\": 250", "\"weight_g\": 900"));
    assert!(e.contains("weight_g") && e.contains("80–800"), "{e}");
    let e = error_for(&GOOD.replace("\"driver_mm\": 40", "\"driver_mm\": 4"));
    assert!(e.contains("driver_mm"), "{e}");
    let e = error_for(&GOOD.replace("\"low_hz\": 10", "\"low_hz\": 40000"));
    assert!(e.contains("frequency_response"), "{e}");
}

#[test]
fn provenance_must_point_at_a_source_of_its_kind() {
    let with = |provenance: &str, notes: &str| {
        GOOD.replace(
            "\"figure_notes\": {}",
            &format!("\"figure_notes\": {notes}, \"provenance\": {provenance}"),
        )
    };
    // Good: the weight from the maker's sheet (source 0 is a maker page).
    let ok = with(r#"{ "weight_g": { "kind": "maker", "source": 0 } }"#, "{}");
    let models = load_files(&[("models/acme.json", &ok)]).unwrap();
    assert_eq!(
        models[0].figure_kind("weight_g"),
        Some(crate::model::FigureKind::Maker)
    );

    let e = error_for(&with(
        r#"{ "weight_g": { "kind": "maker", "source": 3 } }"#,
        "{}",
    ));
    assert!(e.contains("provenance") && e.contains("not one of"), "{e}");
    let e = error_for(&with(
        r#"{ "weight_g": { "kind": "relayed", "source": 0 } }"#,
        "{}",
    ));
    assert!(
        e.contains("weight_g") && e.contains("Maker publication"),
        "{e}"
    );
    let e = error_for(&with(
        r#"{ "price": { "kind": "maker", "source": 0 } }"#,
        "{}",
    ));
    assert!(e.contains("price") && e.contains("not known"), "{e}");
    let e = error_for(&with(r#"{ "weight_g": { "kind": "user" } }"#, "{}"));
    assert!(e.contains("user's own"), "{e}");
    let e = error_for(&with(
        r#"{ "wieght_g": { "kind": "maker", "source": 0 } }"#,
        "{}",
    ));
    assert!(e.contains("wieght_g"), "{e}");
    // A measured figure says at what reference, in figure_notes.
    let measured = with(
        r#"{ "weight_g": { "kind": "measured", "source": 0 } }"#,
        "{}",
    )
    .replace(
        r#""kind": "maker", "title""#,
        r#""kind": "review", "title""#,
    );
    let e = error_for(&measured);
    assert!(e.contains("figure_notes") && e.contains("reference"), "{e}");
}

#[test]
fn a_variant_adds_to_the_family_provenance_instead_of_replacing_it() {
    let text = GOOD
        .replace(
            "\"figure_notes\": {}",
            r#""figure_notes": {}, "provenance": { "weight_g": { "kind": "maker", "source": 0 } }"#,
        )
        .replace(
            r#""impedance_ohm": 32,"#,
            r#""impedance_ohm": 32, "provenance": { "impedance_ohm": { "kind": "maker", "source": 0 } },"#,
        );
    let models = load_files(&[("models/acme.json", &text)]).unwrap();
    assert_eq!(models[0].provenance.len(), 2, "{:?}", models[0].provenance);
    assert_eq!(models[1].provenance.len(), 1, "{:?}", models[1].provenance);
}

#[test]
fn prices_are_usd_and_set_the_tier_of_a_model_the_guides_do_not_place() {
    let priced = |amount: &str, currency: &str| {
        GOOD.replace(
            "\"price\": null",
            &format!(
                r#""price": {{ "amount": {amount}, "currency": "{currency}", "as_of": "2026-01", "source": "x" }}"#
            ),
        )
    };
    load_files(&[("models/acme.json", &priced("129", "USD"))]).unwrap();
    let e = error_for(&priced("129", "EUR"));
    assert!(e.contains("price") && e.contains("USD"), "{e}");
    let e = error_for(&priced("199", "USD"));
    assert!(e.contains("tier") && e.contains("midrange"), "{e}");
    assert_eq!(Tier::for_usd(149.99), Tier::Budget);
    assert_eq!(Tier::for_usd(150.0), Tier::Midrange);
    assert_eq!(Tier::for_usd(500.0), Tier::HighEnd);
}

#[test]
fn a_brand_has_one_spelling() {
    let other = GOOD
        .replace("acme-x1", "acme-x2")
        .replace("\"brand\": \"Acme\"", "\"brand\": \"ACME\"");
    let e = load_files(&[("models/a.json", GOOD), ("models/b.json", &other)]).unwrap_err();
    assert!(e.message().contains("`ACME` is spelled `Acme`"), "{e}");
}

#[test]
fn duplicate_ids_are_refused() {
    let e = load_files(&[("models/a.json", GOOD), ("models/b.json", GOOD)]).unwrap_err();
    assert!(
        e.message().contains("acme-x1-32") && e.message().contains("more than one"),
        "{e}"
    );
}

#[test]
fn slugs() {
    assert!(is_slug("sennheiser-hd-650"));
    for bad in ["", "-a", "a-", "a--b", "HD650", "hd 650", "hd_650"] {
        assert!(!is_slug(bad), "{bad:?}");
    }
}
