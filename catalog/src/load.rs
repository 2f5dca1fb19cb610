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
/// [`sane`] ranges they were saved under, so no saved journal becomes unreadable.
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

/// The wider ranges every model's figures must fall within, the user's own models included
/// ([`validate_fields`]): a saved journal stays readable under them. The own-model form reads
/// them from `app_info`.
pub mod sane {
    /// Nominal impedance, ohm.
    pub const IMPEDANCE_OHM: (f64, f64) = (8.0, 1000.0);
    /// Sensitivity, dB SPL, in either unit.
    pub const SENSITIVITY_DB: (f64, f64) = (80.0, 130.0);
    /// Weight without cable, grams.
    pub const WEIGHT_G: (f64, f64) = (50.0, 1000.0);
    /// Driver diameter, mm.
    pub const DRIVER_MM: (f64, f64) = (5.0, 150.0);
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
        (low, high): (f64, f64),
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
    range("impedance_ohm", m.impedance_ohm, sane::IMPEDANCE_OHM, "ohm")?;
    let db = m.sensitivity.map(|s| s.value);
    range("sensitivity", db, sane::SENSITIVITY_DB, "dB")?;
    range("weight_g", m.weight_g, sane::WEIGHT_G, "g")?;
    range("driver_mm", m.driver_mm, sane::DRIVER_MM, "mm")?;
    range("cable", m.cable.length_m, (0.1, 15.0), "m")?;
    if let Some(s) = m.sensitivity {
        range("sensitivity", s.ref_hz, (20.0, 20_000.0), "Hz")?;
    }
    if let Some(f) = m.frequency_response {
        range("frequency_response", Some(f.low_hz), (1.0, 1000.0), "Hz")?;
        let high = Some(f.high_hz);
        range("frequency_response", high, (5_000.0, 120_000.0), "Hz")?;
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
        range("price", Some(p.amount), (1.0, 100_000.0), &p.currency)?;
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
mod tests;
