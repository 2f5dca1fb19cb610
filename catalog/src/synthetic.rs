//! Deterministic synthetic catalogs, for benchmarks and scale tests only: the models are
//! invented and never mixed with the real catalog.

use serde_json::{json, Value};

use crate::{Back, Catalog, Model, Sensitivity, SensitivityUnit, Tier, Transducer};

const BRANDS: [&str; 12] = [
    "Acme", "Bolt", "Cirrus", "Delta", "Ember", "Fjord", "Granite", "Helix", "Ion", "Juniper",
    "Kestrel", "Lumen",
];
const IMPEDANCES: [f64; 10] = [
    16.0, 32.0, 38.0, 64.0, 80.0, 150.0, 250.0, 300.0, 470.0, 600.0,
];

/// `n` varied models: every back, tier and driver type, impedances from 16 to 600 ohm,
/// sensitivities in both units, and some unknown figures, as in real data.
pub fn models(n: usize) -> Vec<Model> {
    (0..n).map(model).collect()
}

/// A catalog of [`models`].
pub fn catalog(n: usize) -> Catalog {
    Catalog::from_models(models(n))
}

/// The same models as a catalog data file (`{ "families": [...] }`) that the loader accepts.
pub fn data_file(n: usize) -> String {
    let families: Vec<Value> = models(n)
        .into_iter()
        .map(|mut m| {
            m.sources = vec![crate::model::Source {
                kind: crate::model::SourceKind::Review,
                title: "Synthetic model for benchmarks".into(),
                url: "https://example.invalid/synthetic".into(),
            }];
            let mut v = serde_json::to_value(m).expect("a model serializes");
            v.as_object_mut().expect("an object").remove("origin");
            v
        })
        .collect();
    serde_json::to_string(&json!({ "families": families })).expect("JSON")
}

fn model(i: usize) -> Model {
    let brand = BRANDS[i % BRANDS.len()];
    let impedance = (!i.is_multiple_of(17)).then_some(IMPEDANCES[i % IMPEDANCES.len()]);
    Model {
        id: format!("synthetic-{i:06}"),
        family: format!("synthetic-{i:06}"),
        brand: brand.to_owned(),
        model: format!(
            "{}{} {}",
            &brand[..1],
            100 + i % 900,
            ["Pro", "Studio", "X", "MkII"][i % 4]
        ),
        variant: i
            .is_multiple_of(5)
            .then(|| format!("{} ohm", IMPEDANCES[i % IMPEDANCES.len()])),
        back: [Back::Open, Back::SemiOpen, Back::Closed][i % 3],
        transducer: Some(
            [
                Transducer::Dynamic,
                Transducer::PlanarMagnetic,
                Transducer::Dynamic,
            ][i % 3],
        ),
        driver_mm: Some(40.0 + (i % 7) as f64),
        impedance_ohm: impedance,
        // 88 to 109 dB/mW, published per volt for every other model: physically consistent, so
        // it passes the loader's plausibility check in both units.
        sensitivity: (!i.is_multiple_of(13)).then(|| {
            let db_per_mw = 88.0 + (i % 22) as f64;
            if i.is_multiple_of(2) {
                Sensitivity {
                    value: db_per_mw,
                    unit: SensitivityUnit::DbPerMw,
                    ref_hz: None,
                }
            } else {
                let z = impedance.unwrap_or(100.0);
                Sensitivity {
                    value: crate::drive::db_per_v_from_db_per_mw(db_per_mw, z).round(),
                    unit: SensitivityUnit::DbPerV,
                    ref_hz: None,
                }
            }
        }),
        weight_g: Some(200.0 + (i % 400) as f64),
        frequency_response: None,
        cable: Default::default(),
        folds: Some(i.is_multiple_of(4)),
        swivels: None,
        pads: None,
        tier: Some([Tier::Budget, Tier::Midrange, Tier::HighEnd][(i / 3) % 3]),
        price: None,
        year: Some(2000 + (i % 25) as u16),
        notes: Default::default(),
        sources: Vec::new(),
        provenance: Default::default(),
        figure_notes: Default::default(),
        origin: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_passes_the_catalog_loader() {
        let text = data_file(50);
        let models = crate::load::load_files(&[("synthetic.json", &text)]).unwrap();
        assert_eq!(models.len(), 50);
        assert_eq!(models, {
            let mut m = super::models(50);
            for x in &mut m {
                x.sources = models[0].sources.clone();
            }
            m
        });
    }
}
