//! Loading and validating catalog data.
//!
//! Data files hold families; a family's `variants` become separate models whose fields replace
//! the family's. Loading checks every rule in `data/README.md` and names the file, the model and
//! the field of the first problem.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Model, Origin, Tier};

/// The embedded data files: (name relative to `catalog/data`, contents).
pub const EMBEDDED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/model_files.rs"));

/// The buying guides' picks: every one must be in the catalog with this tier.
pub const SEED_MODELS: &[(&str, Tier)] = &[
    ("sony-mdr-7506", Tier::Budget),
    ("beyerdynamic-dt-770-pro-32", Tier::Midrange),
    ("beyerdynamic-dt-770-pro-80", Tier::Midrange),
    ("beyerdynamic-dt-770-pro-250", Tier::Midrange),
    ("audio-technica-ath-m70x", Tier::HighEnd),
    ("beyerdynamic-dt-990-pro-80", Tier::Budget),
    ("beyerdynamic-dt-990-pro-250", Tier::Budget),
    ("ollo-audio-s4x", Tier::Midrange),
    ("sennheiser-hd-650", Tier::Midrange),
    ("audeze-lcd-2", Tier::HighEnd),
    ("audeze-lcd-5", Tier::HighEnd),
];

/// Field names a `figure_notes` key may use.
const FIELDS: &[&str] = &[
    "brand",
    "model",
    "variant",
    "back",
    "transducer",
    "driver_mm",
    "impedance_ohm",
    "sensitivity",
    "weight_g",
    "frequency_response",
    "cable",
    "folds",
    "swivels",
    "pads",
    "tier",
    "price",
    "year",
    "notes",
];

/// Parses every file into models and validates each one and the whole set.
///
/// # Errors
/// `InvalidData` naming the file, the model and the field of the first problem.
pub fn load_files(files: &[(&str, &str)]) -> Result<Vec<Model>> {
    let mut models = Vec::new();
    for (name, text) in files {
        models.extend(parse_file(name, text)?);
    }
    check_unique(&models)?;
    check_brand_spelling(&models)?;
    Ok(models)
}

/// One spelling per brand: "HIFIMAN" and "HiFiMAN" would be two brands in the filters.
fn check_brand_spelling(models: &[Model]) -> Result<()> {
    let mut spelling: std::collections::HashMap<String, &str> = Default::default();
    for m in models {
        let first = *spelling.entry(m.brand.to_lowercase()).or_insert(&m.brand);
        if first != m.brand {
            return Err(Error::invalid_data(
                &format!("model {}", m.id),
                "brand",
                format!(
                    "`{}` is spelled `{first}` elsewhere in the catalog",
                    m.brand
                ),
            ));
        }
    }
    Ok(())
}

/// Checks that the buying guides' picks are present with their tiers.
///
/// # Errors
/// `InvalidData` naming the missing or mis-tiered model.
pub fn check_seed_models(models: &[Model]) -> Result<()> {
    for (id, tier) in SEED_MODELS {
        let model = models.iter().find(|m| m.id == *id).ok_or_else(|| {
            Error::invalid_data(&format!("model {id}"), "id", "seed model missing")
        })?;
        if model.tier != Some(*tier) {
            return Err(Error::invalid_data(
                &format!("model {id}"),
                "tier",
                format!("the buying guides put it in {}", tier.as_str()),
            ));
        }
    }
    Ok(())
}

fn parse_file(name: &str, text: &str) -> Result<Vec<Model>> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::InvalidData,
            format!("{name}: not valid JSON: {e}"),
        )
    })?;
    let families = doc
        .get("families")
        .and_then(Value::as_array)
        .ok_or_else(|| Error::invalid_data(name, "families", "expected an array"))?;
    let mut models = Vec::new();
    for (index, family) in families.iter().enumerate() {
        let family = family.as_object().ok_or_else(|| {
            Error::invalid_data(
                &format!("{name}: family #{index}"),
                "family",
                "expected an object",
            )
        })?;
        let family_name = family
            .get("family")
            .and_then(Value::as_str)
            .unwrap_or("(unnamed)")
            .to_owned();
        match family.get("variants") {
            None => models.push(model_from(name, family.clone())?),
            Some(Value::Array(variants)) => {
                let mut base = family.clone();
                base.remove("variants");
                for variant in variants {
                    let Value::Object(overrides) = variant else {
                        return Err(Error::invalid_data(
                            &format!("{name}: family {family_name}"),
                            "variants",
                            "each variant must be an object",
                        ));
                    };
                    let merged = merge_variant(&base, overrides);
                    models.push(model_from(name, merged)?);
                }
            }
            Some(_) => {
                return Err(Error::invalid_data(
                    &format!("{name}: family {family_name}"),
                    "variants",
                    "expected an array",
                ))
            }
        }
    }
    Ok(models)
}

/// A family's fields with a variant's applied: a variant's field replaces the family's, except
/// `provenance` and `figure_notes`, which are merged key by key (the variant's entry wins).
fn merge_variant(family: &Map<String, Value>, variant: &Map<String, Value>) -> Map<String, Value> {
    let mut merged = family.clone();
    for (key, value) in variant {
        match (key.as_str(), merged.get_mut(key), value) {
            ("provenance" | "figure_notes", Some(Value::Object(base)), Value::Object(extra)) => {
                base.extend(extra.clone());
            }
            _ => {
                merged.insert(key.clone(), value.clone());
            }
        }
    }
    merged
}

fn model_from(file: &str, fields: Map<String, Value>) -> Result<Model> {
    let id = fields
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| "(no id)".to_owned());
    let place = format!("{file}: model {id}");
    if fields.contains_key("origin") {
        return Err(Error::invalid_data(
            &place,
            "origin",
            "catalog data may not set it",
        ));
    }
    let model: Model = serde_json::from_value(Value::Object(fields)).map_err(|e| {
        // serde names the field in its message ("unknown field `x`", "missing field `y`").
        Error::new(ErrorKind::InvalidData, format!("{place}: {e}"))
    })?;
    validate_catalog_model(&model).map_err(|e| Error::new(e.kind(), format!("{file}: {e}")))?;
    Ok(model)
}

/// Validates a catalog model: every rule of a user's model plus a tier and a source.
///
/// # Errors
/// `InvalidData` naming the model and field.
pub fn validate_catalog_model(model: &Model) -> Result<()> {
    let place = format!("model {}", model.id);
    validate_fields(model).map_err(|(field, reason)| Error::invalid_data(&place, field, reason))?;
    if model.origin != Origin::Catalog {
        return Err(Error::invalid_data(&place, "origin", "must be catalog"));
    }
    if model.tier.is_none() {
        return Err(Error::invalid_data(
            &place,
            "tier",
            "every catalog model needs a tier",
        ));
    }
    if model.sources.is_empty() {
        return Err(Error::invalid_data(
            &place,
            "sources",
            "at least one source is required",
        ));
    }
    for (i, source) in model.sources.iter().enumerate() {
        if source.title.trim().is_empty() || source.url.trim().is_empty() {
            return Err(Error::invalid_data(
                &place,
                "sources",
                format!("source #{i} needs a title and a url"),
            ));
        }
    }
    for key in model.figure_notes.keys() {
        if !FIELDS.contains(&key.as_str()) {
            return Err(Error::invalid_data(
                &place,
                "figure_notes",
                format!("`{key}` is not a field name"),
            ));
        }
    }
    check_plausible(model).map_err(|(field, reason)| Error::invalid_data(&place, field, reason))?;
    check_provenance(model)
        .map_err(|(field, reason)| Error::invalid_data(&place, field, reason))?;
    check_price_and_tier(model)
        .map_err(|(field, reason)| Error::invalid_data(&place, field, reason))?;
    Ok(())
}

/// Bounds a published figure must fall within, so that a typo or a wrong unit fails the build.
/// Why these numbers: see `data/README.md`, *Plausibility*. They apply to catalog data and to
/// the figures a user enters for a catalog model; the journal's own models keep the wider
/// [`validate_fields`] ranges they were saved under, so no saved journal becomes unreadable.
pub mod bounds {
    /// Nominal impedance, ohm.
    pub const IMPEDANCE_OHM: (f64, f64) = (8.0, 1000.0);
    /// Sensitivity in dB SPL for 1 mW.
    pub const DB_PER_MW: (f64, f64) = (80.0, 112.0);
    /// Sensitivity in dB SPL for 1 Vrms.
    pub const DB_PER_V: (f64, f64) = (88.0, 126.0);
    /// Weight without cable, grams.
    pub const WEIGHT_G: (f64, f64) = (80.0, 800.0);
    /// Driver diameter (planar: longest side), mm.
    pub const DRIVER_MM: (f64, f64) = (20.0, 120.0);
    /// Indicative price, USD.
    pub const PRICE_USD: (f64, f64) = (5.0, 20_000.0);
}

type Problem = (&'static str, String);

fn within(
    field: &'static str,
    value: f64,
    (low, high): (f64, f64),
    unit: &str,
) -> std::result::Result<(), Problem> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        Err((
            field,
            format!("{value} {unit} is outside the plausible range {low}–{high} {unit}"),
        ))
    }
}

/// The sensitivity in both units, where the impedance allows the conversion; checks each.
pub fn check_sensitivity(
    sensitivity: crate::model::Sensitivity,
    impedance_ohm: Option<f64>,
) -> std::result::Result<(), Problem> {
    use crate::drive::{db_per_mw_from_db_per_v, db_per_v_from_db_per_mw};
    use crate::model::SensitivityUnit;
    let (own, other) = match sensitivity.unit {
        SensitivityUnit::DbPerMw => (bounds::DB_PER_MW, bounds::DB_PER_V),
        SensitivityUnit::DbPerV => (bounds::DB_PER_V, bounds::DB_PER_MW),
    };
    within(
        "sensitivity",
        sensitivity.value,
        own,
        sensitivity.unit.as_str(),
    )?;
    if let Some(z) = impedance_ohm {
        let (converted, unit) = match sensitivity.unit {
            SensitivityUnit::DbPerMw => (db_per_v_from_db_per_mw(sensitivity.value, z), "dB/V"),
            SensitivityUnit::DbPerV => (db_per_mw_from_db_per_v(sensitivity.value, z), "dB/mW"),
        };
        if !(other.0..=other.1).contains(&converted) {
            return Err((
                "sensitivity",
                format!(
                    "{} {} at {z} ohm is {converted:.1} {unit}, outside the plausible range {}–{} {unit}: is the unit right?",
                    sensitivity.value,
                    sensitivity.unit.as_str(),
                    other.0,
                    other.1
                ),
            ));
        }
    }
    Ok(())
}

/// The catalog's plausibility rules (see [`bounds`]).
pub fn check_plausible(m: &Model) -> std::result::Result<(), Problem> {
    if let Some(z) = m.impedance_ohm {
        within("impedance_ohm", z, bounds::IMPEDANCE_OHM, "ohm")?;
    }
    if let Some(s) = m.sensitivity {
        check_sensitivity(s, m.impedance_ohm)?;
    }
    if let Some(w) = m.weight_g {
        within("weight_g", w, bounds::WEIGHT_G, "g")?;
    }
    if let Some(d) = m.driver_mm {
        within("driver_mm", d, bounds::DRIVER_MM, "mm")?;
    }
    if let Some(f) = m.frequency_response {
        if f.low_hz >= f.high_hz {
            return Err((
                "frequency_response",
                format!("low_hz {} is not below high_hz {}", f.low_hz, f.high_hz),
            ));
        }
    }
    Ok(())
}

/// Each provenance entry names a known figure, a source that exists, and a source of the kind
/// its figure kind needs; measured and relayed figures say more in `figure_notes`.
fn check_provenance(m: &Model) -> std::result::Result<(), Problem> {
    use crate::model::{FigureKind, FIGURES};
    for (field, p) in &m.provenance {
        if !FIGURES.contains(&field.as_str()) {
            return Err((
                "provenance",
                format!("`{field}` is not a figure that carries provenance"),
            ));
        }
        if !m.has_figure(field) {
            return Err((
                "provenance",
                format!("`{field}` is not known, so it has no provenance"),
            ));
        }
        let Some(wanted) = p.kind.source_kind() else {
            return Err((
                "provenance",
                format!("`{field}`: catalog data cannot hold the user's own figures"),
            ));
        };
        let Some(source) = p.source.and_then(|i| m.sources.get(i)) else {
            return Err((
                "provenance",
                format!(
                    "`{field}`: source {:?} is not one of the model's sources",
                    p.source
                ),
            ));
        };
        if source.kind != wanted {
            return Err((
                "provenance",
                format!(
                    "`{field}` is {} but its source is a {:?} publication",
                    p.kind.as_str(),
                    source.kind
                ),
            ));
        }
        if matches!(p.kind, FigureKind::Measured | FigureKind::Relayed)
            && !m.figure_notes.contains_key(field)
        {
            return Err((
                "figure_notes",
                format!(
                    "`{field}` is {}: say {} in figure_notes",
                    p.kind.as_str(),
                    if p.kind == FigureKind::Measured {
                        "at what reference it was measured"
                    } else {
                        "what the dataset cites"
                    }
                ),
            ));
        }
    }
    Ok(())
}

/// Prices are in US dollars; a model the guides do not place has the tier its price gives.
fn check_price_and_tier(m: &Model) -> std::result::Result<(), Problem> {
    let Some(price) = &m.price else { return Ok(()) };
    if price.currency != "USD" {
        return Err((
            "price",
            format!(
                "prices are in USD; put a {} price in figure_notes.price",
                crate::error::shorten(&price.currency, 20)
            ),
        ));
    }
    within("price", price.amount, bounds::PRICE_USD, "USD")?;
    let guide_pick = SEED_MODELS.iter().any(|(id, _)| *id == m.id);
    let by_price = Tier::for_usd(price.amount);
    if !guide_pick && m.tier != Some(by_price) {
        return Err((
            "tier",
            format!(
                "{} USD makes it {}, not {}",
                price.amount,
                by_price.as_str(),
                m.tier.map_or("unset", Tier::as_str)
            ),
        ));
    }
    Ok(())
}

/// The range checks shared by catalog and user models; `Err((field, reason))`.
pub(crate) fn validate_fields(m: &Model) -> std::result::Result<(), Problem> {
    fn range(
        field: &'static str,
        value: Option<f64>,
        low: f64,
        high: f64,
        unit: &str,
    ) -> std::result::Result<(), Problem> {
        value.map_or(Ok(()), |v| within(field, v, (low, high), unit))
    }
    if !is_slug(&m.id) {
        return Err((
            "id",
            "must be lower-case letters, digits and hyphens".into(),
        ));
    }
    if !is_slug(&m.family) {
        return Err((
            "family",
            "must be lower-case letters, digits and hyphens".into(),
        ));
    }
    if m.model.trim().is_empty() {
        return Err(("model", "must not be empty".into()));
    }
    range("impedance_ohm", m.impedance_ohm, 8.0, 1000.0, "ohm")?;
    range(
        "sensitivity",
        m.sensitivity.map(|s| s.value),
        80.0,
        130.0,
        "dB",
    )?;
    range("weight_g", m.weight_g, 50.0, 1000.0, "g")?;
    range("driver_mm", m.driver_mm, 5.0, 150.0, "mm")?;
    range("cable", m.cable.length_m, 0.1, 15.0, "m")?;
    if let Some(s) = m.sensitivity {
        range("sensitivity", s.ref_hz, 20.0, 20_000.0, "Hz")?;
    }
    if let Some(f) = m.frequency_response {
        range("frequency_response", Some(f.low_hz), 1.0, 1000.0, "Hz")?;
        range(
            "frequency_response",
            Some(f.high_hz),
            5_000.0,
            120_000.0,
            "Hz",
        )?;
    }
    if let Some(y) = m.year {
        if !(1950..=2100).contains(&y) {
            return Err(("year", format!("{y} is not a plausible launch year")));
        }
    }
    if let Some(p) = &m.price {
        // The currency first: it is the unit in the amount's message.
        if p.currency.len() != 3 || !p.currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err((
                "price",
                format!(
                    "`{}` is not an ISO currency code",
                    crate::error::shorten(&p.currency, 20)
                ),
            ));
        }
        range("price", Some(p.amount), 1.0, 100_000.0, &p.currency)?;
        if !is_year_month(&p.as_of) {
            return Err((
                "price",
                format!(
                    "as_of `{}` is not YYYY-MM",
                    crate::error::shorten(&p.as_of, 20)
                ),
            ));
        }
    }
    Ok(())
}

fn check_unique(models: &[Model]) -> Result<()> {
    let mut seen = HashSet::with_capacity(models.len());
    for m in models {
        if !seen.insert(m.id.as_str()) {
            return Err(Error::invalid_data(
                &format!("model {}", m.id),
                "id",
                "used by more than one model",
            ));
        }
    }
    Ok(())
}

/// Lower-case ASCII letters, digits and single hyphens, not at the ends.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_year_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_digit)
        && matches!(
            &s[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

#[cfg(test)]
mod tests {
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
            e.contains("models/acme.json")
                && e.contains("acme-x1-250")
                && e.contains("impedance_ohm"),
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
}
