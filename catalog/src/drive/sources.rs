//! The sources a headphone plays from: a source's figures ([`SourceSpec`]) and the named
//! presets (phone, laptop, Mac, interface, amp) read from the embedded `data/sources.json`,
//! each with the publications its figures come from.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::formulas::{check_range, IMPEDANCE_RANGE};
use crate::error::{Error, ErrorKind, Result};

/// The range of open-circuit voltages a source may have, Vrms.
const VRMS_RANGE: (f64, f64) = (0.001, 100.0);
/// The range of output impedances a source may have, ohm.
const OUTPUT_OHM_RANGE: (f64, f64) = (0.0, 10_000.0);

/// What a source puts out: its open-circuit voltage at full volume and its output impedance.
///
/// A Mac's adaptive jack raises its voltage for high-impedance loads; `high_z_vrms` and
/// `high_z_from_ohm` express that (Apple: 1.25 Vrms below 150 ohm, 3 Vrms from 150 ohm to 1 kohm).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Open-circuit voltage at full volume, Vrms.
    pub vrms: f64,
    /// Output impedance, ohm.
    pub output_ohm: f64,
    /// The voltage for loads of `high_z_from_ohm` and up, if the source adapts to the load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_z_vrms: Option<f64>,
    /// The load from which `high_z_vrms` applies, ohm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_z_from_ohm: Option<f64>,
}

impl SourceSpec {
    /// A source with one voltage for every load.
    pub fn new(vrms: f64, output_ohm: f64) -> SourceSpec {
        SourceSpec {
            vrms,
            output_ohm,
            high_z_vrms: None,
            high_z_from_ohm: None,
        }
    }

    /// The open-circuit voltage the source gives a load of `load_ohm`.
    pub fn vrms_into(&self, load_ohm: f64) -> f64 {
        match (self.high_z_vrms, self.high_z_from_ohm) {
            (Some(v), Some(from)) if load_ohm >= from => v,
            _ => self.vrms,
        }
    }

    /// Checks every figure; `field` prefixes the names in errors (`""`, `"source."`).
    ///
    /// # Errors
    /// `InvalidInput` naming the figure that is not finite or out of range.
    pub fn validate(&self, prefix: &str) -> Result<()> {
        check_range(prefix, "vrms", self.vrms, VRMS_RANGE, "Vrms")?;
        check_range(
            prefix,
            "output_ohm",
            self.output_ohm,
            OUTPUT_OHM_RANGE,
            "ohm",
        )?;
        match (self.high_z_vrms, self.high_z_from_ohm) {
            (None, None) => Ok(()),
            (Some(v), Some(from)) => {
                check_range(prefix, "high_z_vrms", v, VRMS_RANGE, "Vrms")?;
                check_range(prefix, "high_z_from_ohm", from, IMPEDANCE_RANGE, "ohm")
            }
            (Some(_), None) => Err(Error::invalid_input(
                &format!("{prefix}high_z_from_ohm"),
                "needed with high_z_vrms",
            )),
            (None, Some(_)) => Err(Error::invalid_input(
                &format!("{prefix}high_z_vrms"),
                "needed with high_z_from_ohm",
            )),
        }
    }
}

/// A publication a preset's figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// What the page is.
    pub title: String,
    /// Its address.
    pub url: String,
    /// The figure it backs (`vrms`, `output_ohm`).
    pub figure: String,
}

/// A named source with its figures and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SourcePreset {
    /// `phone`, `laptop`, `mac`, `interface`, `amp`.
    pub id: String,
    /// What the UI shows.
    pub name: String,
    /// The figures.
    pub spec: SourceSpec,
    /// The real device the figures are for.
    pub device: String,
    /// The main publication behind the figures.
    pub source_title: String,
    /// Its address.
    pub source_url: String,
    /// Why the device is typical and how the figures were read.
    pub note: String,
    /// Further publications, each backing one figure.
    pub other_sources: Vec<Reference>,
    /// True when a figure was not published and an assumption stands in (the note says which).
    pub provisional: bool,
    /// Whether the output impedance was published. When it was not, `spec.output_ohm` is 0:
    /// levels are the most the voltage can give, and the damping check means nothing.
    pub output_ohm_published: bool,
}

impl SourcePreset {
    /// "your laptop jack", "your Mac's headphone jack", ...
    pub fn phrase(&self) -> &'static str {
        phrase_for(&self.id)
    }
}

/// "your laptop jack" for a preset id, "your source" for anything else.
pub(crate) fn phrase_for(id: &str) -> &'static str {
    match id {
        "phone" => "your phone",
        "laptop" => "your laptop jack",
        "mac" => "your Mac's headphone jack",
        "interface" => "your audio interface",
        "amp" => "your headphone amp",
        _ => "your source",
    }
}

/// The preset ids, in display order.
pub const PRESET_IDS: [&str; 5] = ["phone", "laptop", "mac", "interface", "amp"];

pub(super) const SOURCES_JSON: &str = include_str!("../../data/sources.json");

#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    presets: Vec<PresetEntry>,
}

#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
struct PresetEntry {
    id: String,
    name: String,
    device: String,
    vrms: f64,
    /// `null` when nobody published it: computed as negligible, and said so.
    output_ohm: Option<f64>,
    #[serde(default)]
    high_z_vrms: Option<f64>,
    #[serde(default)]
    high_z_from_ohm: Option<f64>,
    source_title: String,
    source_url: String,
    note: String,
    #[serde(default)]
    other_sources: Vec<Reference>,
    provisional: bool,
}

/// Parses and checks a presets file (`{ "presets": [ ... ] }`).
///
/// # Errors
/// `InvalidData` naming the preset and field: bad JSON, a figure out of range, a missing
/// source, a duplicate or unknown id, or one of [`PRESET_IDS`] missing.
pub fn parse_presets(text: &str) -> Result<Vec<SourcePreset>> {
    let file: PresetFile = serde_json::from_str(text)
        .map_err(|e| Error::new(ErrorKind::InvalidData, format!("sources.json: {e}")))?;
    let mut presets = Vec::with_capacity(file.presets.len());
    for entry in file.presets {
        let place = format!("sources.json: preset {}", entry.id);
        if !PRESET_IDS.contains(&entry.id.as_str()) {
            return Err(Error::invalid_data(&place, "id", "not a known preset id"));
        }
        if presets.iter().any(|p: &SourcePreset| p.id == entry.id) {
            return Err(Error::invalid_data(&place, "id", "used twice"));
        }
        let spec = SourceSpec {
            vrms: entry.vrms,
            output_ohm: entry.output_ohm.unwrap_or(0.0),
            high_z_vrms: entry.high_z_vrms,
            high_z_from_ohm: entry.high_z_from_ohm,
        };
        spec.validate("")
            .map_err(|e| Error::new(ErrorKind::InvalidData, format!("{place}: {e}")))?;
        for (field, value) in [
            ("name", &entry.name),
            ("device", &entry.device),
            ("source_title", &entry.source_title),
            ("source_url", &entry.source_url),
            ("note", &entry.note),
        ] {
            if value.trim().is_empty() {
                return Err(Error::invalid_data(&place, field, "must not be empty"));
            }
        }
        if !entry.source_url.starts_with("https://") {
            return Err(Error::invalid_data(
                &place,
                "source_url",
                "must be an https address",
            ));
        }
        for r in &entry.other_sources {
            if r.title.trim().is_empty() || !r.url.starts_with("https://") {
                return Err(Error::invalid_data(
                    &place,
                    "other_sources",
                    "each needs a title and an https url",
                ));
            }
            if !matches!(r.figure.as_str(), "vrms" | "output_ohm" | "high_z_vrms") {
                return Err(Error::invalid_data(
                    &place,
                    "other_sources",
                    format!("`{}` is not a figure of a preset", r.figure),
                ));
            }
        }
        if entry.output_ohm.is_none() && !entry.provisional {
            return Err(Error::invalid_data(
                &place,
                "provisional",
                "must be true when output_ohm is not published",
            ));
        }
        presets.push(SourcePreset {
            output_ohm_published: entry.output_ohm.is_some(),
            id: entry.id,
            name: entry.name,
            spec,
            device: entry.device,
            source_title: entry.source_title,
            source_url: entry.source_url,
            note: entry.note,
            other_sources: entry.other_sources,
            provisional: entry.provisional,
        });
    }
    for id in PRESET_IDS {
        if !presets.iter().any(|p| p.id == id) {
            return Err(Error::invalid_data(
                &format!("sources.json: preset {id}"),
                "id",
                "missing",
            ));
        }
    }
    presets.sort_by_key(|p| PRESET_IDS.iter().position(|id| *id == p.id));
    Ok(presets)
}

/// The embedded source presets, parsed once, in [`PRESET_IDS`] order.
///
/// # Panics
/// If the embedded `data/sources.json` is broken; the crate's tests keep that from shipping.
pub fn presets() -> &'static [SourcePreset] {
    static PRESETS: OnceLock<Vec<SourcePreset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        parse_presets(SOURCES_JSON).unwrap_or_else(|e| panic!("embedded source presets: {e}"))
    })
}

/// The preset with this id.
///
/// # Errors
/// `NotFound` naming the id.
pub fn preset(id: &str) -> Result<&'static SourcePreset> {
    presets()
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::not_found("source preset", id))
}
