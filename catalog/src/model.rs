//! The headphone model as the catalog describes it.
//!
//! Every figure is optional: `None` means nobody published it, and views show it as unknown,
//! never as zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Cup design: how much of the room gets in and how much of the sound gets out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Back {
    /// Vented cups: natural, speaker-like image; no isolation; leaks.
    Open,
    /// Between the two.
    SemiOpen,
    /// Sealed cups: isolates and keeps the sound in.
    Closed,
}

impl Back {
    /// Every value, in display order.
    pub const ALL: [Back; 3] = [Back::Open, Back::SemiOpen, Back::Closed];

    /// The wire name (`open`, `semi-open`, `closed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Back::Open => "open",
            Back::SemiOpen => "semi-open",
            Back::Closed => "closed",
        }
    }

    /// Words for a sentence ("open back").
    pub fn label(self) -> &'static str {
        match self {
            Back::Open => "Open back",
            Back::SemiOpen => "Semi-open back",
            Back::Closed => "Closed back",
        }
    }
}

/// The kind of driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transducer {
    /// Moving-coil.
    Dynamic,
    /// Planar magnetic (orthodynamic).
    PlanarMagnetic,
    /// Electrostatic (needs its own energiser).
    Electrostatic,
    /// Anything else (AMT, hybrid...).
    Other,
}

impl Transducer {
    /// Every value, in display order.
    pub const ALL: [Transducer; 4] = [
        Transducer::Dynamic,
        Transducer::PlanarMagnetic,
        Transducer::Electrostatic,
        Transducer::Other,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Transducer::Dynamic => "dynamic",
            Transducer::PlanarMagnetic => "planar-magnetic",
            Transducer::Electrostatic => "electrostatic",
            Transducer::Other => "other",
        }
    }
}

/// Price tier. Ordered: `Budget < Midrange < HighEnd`, so a budget is "at most this tier".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Under about $150.
    Budget,
    /// About $150 to $499.
    Midrange,
    /// $500 and up.
    HighEnd,
}

impl Tier {
    /// Every value, cheapest first.
    pub const ALL: [Tier; 3] = [Tier::Budget, Tier::Midrange, Tier::HighEnd];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Budget => "budget",
            Tier::Midrange => "midrange",
            Tier::HighEnd => "high-end",
        }
    }
}

/// The unit a sensitivity figure is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SensitivityUnit {
    /// dB SPL for 1 mW.
    #[serde(rename = "dB/mW")]
    DbPerMw,
    /// dB SPL for 1 Vrms.
    #[serde(rename = "dB/V")]
    DbPerV,
}

impl SensitivityUnit {
    /// The wire name (`dB/mW`, `dB/V`).
    pub fn as_str(self) -> &'static str {
        match self {
            SensitivityUnit::DbPerMw => "dB/mW",
            SensitivityUnit::DbPerV => "dB/V",
        }
    }
}

/// A published sensitivity, always with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sensitivity {
    /// dB SPL.
    pub value: f64,
    /// Per milliwatt or per volt.
    pub unit: SensitivityUnit,
    /// Reference frequency, where the source states one.
    #[serde(default)]
    pub ref_hz: Option<f64>,
}

/// Frequency range as the maker states it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyResponse {
    /// Lower bound, Hz.
    pub low_hz: f64,
    /// Upper bound, Hz.
    pub high_hz: f64,
}

/// How the cable is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CableStyle {
    /// A straight cable.
    Straight,
    /// A coiled cable.
    Coiled,
    /// Both come in the box.
    Both,
}

/// The cable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cable {
    /// Whether it can be unplugged from the headphone.
    #[serde(default)]
    pub detachable: Option<bool>,
    /// Length in metres (the longest one supplied).
    #[serde(default)]
    pub length_m: Option<f64>,
    /// Straight, coiled or both.
    #[serde(default)]
    pub style: Option<CableStyle>,
    /// Plug(s), as published.
    #[serde(default)]
    pub connector: Option<String>,
}

/// An indicative street price with its date and where it was seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// The amount.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// `YYYY-MM` when the price was seen.
    pub as_of: String,
    /// Where it was seen.
    pub source: String,
}

/// Short studio notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudioNotes {
    /// How well it keeps the room out.
    #[serde(default)]
    pub isolation: Option<String>,
    /// How much it lets out.
    #[serde(default)]
    pub leakage: Option<String>,
    /// Long-session comfort.
    #[serde(default)]
    pub comfort: Option<String>,
}

/// What kind of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The maker's spec sheet or product page.
    Maker,
    /// A retailer's copy.
    Retailer,
    /// A reviewer's text or measurement.
    Review,
}

/// Where figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Maker, retailer or review.
    pub kind: SourceKind,
    /// What the page is.
    pub title: String,
    /// Its address.
    pub url: String,
}

/// Whose model this is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// From the embedded catalog.
    #[default]
    Catalog,
    /// Added by the user after trying a pair the catalog lacks.
    User,
}

/// One headphone model (one variant of a family).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Stable slug, unique in the catalog.
    pub id: String,
    /// Slug shared by every variant of the product.
    pub family: String,
    /// Maker.
    pub brand: String,
    /// Model name without the brand.
    pub model: String,
    /// Variant label (`80 ohm`), if the product comes in several.
    #[serde(default)]
    pub variant: Option<String>,
    /// Cup design.
    pub back: Back,
    /// Driver type.
    #[serde(default)]
    pub transducer: Option<Transducer>,
    /// Driver size, mm.
    #[serde(default)]
    pub driver_mm: Option<f64>,
    /// Nominal impedance, ohm.
    #[serde(default)]
    pub impedance_ohm: Option<f64>,
    /// Sensitivity with its unit.
    #[serde(default)]
    pub sensitivity: Option<Sensitivity>,
    /// Weight without cable, grams.
    #[serde(default)]
    pub weight_g: Option<f64>,
    /// Frequency range as stated.
    #[serde(default)]
    pub frequency_response: Option<FrequencyResponse>,
    /// Cable.
    #[serde(default)]
    pub cable: Cable,
    /// Cups fold.
    #[serde(default)]
    pub folds: Option<bool>,
    /// Cups swivel.
    #[serde(default)]
    pub swivels: Option<bool>,
    /// Pad material.
    #[serde(default)]
    pub pads: Option<String>,
    /// Price tier (always set for catalog models).
    #[serde(default)]
    pub tier: Option<Tier>,
    /// Indicative price.
    #[serde(default)]
    pub price: Option<Price>,
    /// Launch year.
    #[serde(default)]
    pub year: Option<u16>,
    /// Studio notes.
    #[serde(default)]
    pub notes: StudioNotes,
    /// Where the figures come from (at least one for catalog models).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Per-figure provenance, keyed by field name.
    #[serde(default)]
    pub figure_notes: BTreeMap<String, String>,
    /// Catalog or the user's own.
    #[serde(default)]
    pub origin: Origin,
}

impl Model {
    /// "Beyerdynamic DT 770 Pro 80 ohm".
    pub fn display_name(&self) -> String {
        let mut name = String::with_capacity(self.brand.len() + self.model.len() + 12);
        if !self.brand.is_empty() {
            name.push_str(&self.brand);
            name.push(' ');
        }
        name.push_str(&self.model);
        if let Some(v) = &self.variant {
            name.push(' ');
            name.push_str(v);
        }
        name
    }
}
