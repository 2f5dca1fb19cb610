//! The headphone model as the catalog describes it.
//!
//! Every figure is optional: `None` means nobody published it, and views show it as unknown,
//! never as zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Cup design: how much of the room gets in and how much of the sound gets out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
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

    /// What people read (`Open`), wherever it is shown: the UI reads it from `app_info`.
    pub fn label(self) -> &'static str {
        match self {
            Back::Open => "Open",
            Back::SemiOpen => "Semi-open",
            Back::Closed => "Closed",
        }
    }
}

/// The kind of driver.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
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

    /// What people read (`Planar magnetic`), wherever it is shown.
    pub fn label(self) -> &'static str {
        match self {
            Transducer::Dynamic => "Dynamic",
            Transducer::PlanarMagnetic => "Planar magnetic",
            Transducer::Electrostatic => "Electrostatic",
            Transducer::Other => "Other",
        }
    }
}

/// Price tier. Ordered: `Budget < Midrange < HighEnd`, so a budget is "at most this tier".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
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

    /// The tier a US price puts a model in: budget under $150, midrange $150 to $499,
    /// high-end from $500.
    pub fn for_usd(amount: f64) -> Tier {
        if amount < 150.0 {
            Tier::Budget
        } else if amount < 500.0 {
            Tier::Midrange
        } else {
            Tier::HighEnd
        }
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Budget => "budget",
            Tier::Midrange => "midrange",
            Tier::HighEnd => "high-end",
        }
    }

    /// What people read (`High-end`), wherever it is shown.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Budget => "Budget",
            Tier::Midrange => "Midrange",
            Tier::HighEnd => "High-end",
        }
    }
}

/// The unit a sensitivity figure is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub enum SensitivityUnit {
    /// dB SPL for 1 mW.
    #[serde(rename = "dB/mW")]
    DbPerMw,
    /// dB SPL for 1 Vrms.
    #[serde(rename = "dB/V")]
    DbPerV,
}

impl SensitivityUnit {
    /// Both units.
    pub const ALL: [SensitivityUnit; 2] = [SensitivityUnit::DbPerMw, SensitivityUnit::DbPerV];

    /// The wire name (`dB/mW`, `dB/V`).
    pub fn as_str(self) -> &'static str {
        match self {
            SensitivityUnit::DbPerMw => "dB/mW",
            SensitivityUnit::DbPerV => "dB/V",
        }
    }
}

/// A published sensitivity, always with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct FrequencyResponse {
    /// Lower bound, Hz.
    pub low_hz: f64,
    /// Upper bound, Hz.
    pub high_hz: f64,
}

/// How the cable is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The maker's spec sheet or product page.
    Maker,
    /// A retailer's copy.
    Retailer,
    /// A reviewer's text or measurement.
    Review,
    /// A public dataset that states its own sources.
    Dataset,
}

impl SourceKind {
    /// Every value, in display order.
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Maker,
        SourceKind::Retailer,
        SourceKind::Review,
        SourceKind::Dataset,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Maker => "maker",
            SourceKind::Retailer => "retailer",
            SourceKind::Review => "review",
            SourceKind::Dataset => "dataset",
        }
    }
}

/// How sure a figure is: who published it. Shown beside every figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    /// The maker's own page, spec sheet or manual.
    Maker,
    /// A retailer's copy of the maker's spec.
    Retailer,
    /// A reviewer quoting the maker.
    Review,
    /// A reviewer's or lab's own measurement.
    Measured,
    /// A public dataset that states its own source.
    Relayed,
    /// The user's own figure, from their box or manual.
    User,
}

impl FigureKind {
    /// Every value, surest first.
    pub const ALL: [FigureKind; 6] = [
        FigureKind::Maker,
        FigureKind::Retailer,
        FigureKind::Review,
        FigureKind::Measured,
        FigureKind::Relayed,
        FigureKind::User,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Maker => "maker",
            FigureKind::Retailer => "retailer",
            FigureKind::Review => "review",
            FigureKind::Measured => "measured",
            FigureKind::Relayed => "relayed",
            FigureKind::User => "user",
        }
    }

    /// A short label for the marker beside a figure.
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Maker => "Maker",
            FigureKind::Retailer => "Retailer",
            FigureKind::Review => "Review",
            FigureKind::Measured => "Measured",
            FigureKind::Relayed => "Relayed",
            FigureKind::User => "Yours",
        }
    }

    /// What the kind means, for the marker's explanation and the glossary.
    pub fn explanation(self) -> &'static str {
        match self {
            FigureKind::Maker => "From the maker's own page, spec sheet or manual.",
            FigureKind::Retailer => "From a retailer's copy of the maker's spec.",
            FigureKind::Review => "A reviewer quoting the maker's figure.",
            FigureKind::Measured => {
                "A reviewer's or lab's own measurement, not the maker's figure."
            }
            FigureKind::Relayed => {
                "From a public dataset that states its own source; not read at the maker."
            }
            FigureKind::User => "Your own figure, from your box or manual.",
        }
    }

    /// How a sentence says where the figure comes from ("relayed from a public dataset").
    pub fn phrase(self) -> &'static str {
        match self {
            FigureKind::Maker => "the maker's figure",
            FigureKind::Retailer => "a retailer's copy of the maker's spec",
            FigureKind::Review => "a review quoting the maker",
            FigureKind::Measured => "a reviewer's measurement, not the maker's figure",
            FigureKind::Relayed => "relayed from a public dataset",
            FigureKind::User => "your own figure",
        }
    }

    /// Whether a sentence resting on this figure should say where it comes from: anything but
    /// the maker's own figure (a user's own figure is marked as theirs everywhere).
    pub fn needs_mention(self) -> bool {
        self != FigureKind::Maker
    }

    /// The kind of publication a catalog figure of this kind must cite; `None` for the user's own.
    pub fn source_kind(self) -> Option<SourceKind> {
        match self {
            FigureKind::Maker => Some(SourceKind::Maker),
            FigureKind::Retailer => Some(SourceKind::Retailer),
            FigureKind::Review | FigureKind::Measured => Some(SourceKind::Review),
            FigureKind::Relayed => Some(SourceKind::Dataset),
            FigureKind::User => None,
        }
    }
}

/// Where one figure comes from: its kind and the publication in the model's `sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct FigureSource {
    /// How sure the figure is.
    pub kind: FigureKind,
    /// Index into the model's `sources`; `None` for the user's own figure.
    #[serde(default)]
    pub source: Option<usize>,
}

/// The figures that carry a provenance entry when they are known, by field name.
pub const FIGURES: [&str; 7] = [
    "transducer",
    "driver_mm",
    "impedance_ohm",
    "sensitivity",
    "weight_g",
    "frequency_response",
    "price",
];

/// Where figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// From the embedded catalog.
    #[default]
    Catalog,
    /// Added by the user after trying a pair the catalog lacks.
    User,
}

/// One headphone model (one variant of a family).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
    /// How sure each known figure is, keyed by field name (see [`FIGURES`]).
    #[serde(default)]
    pub provenance: BTreeMap<String, FigureSource>,
    /// Free-text notes per figure (disagreements, references), keyed by field name.
    #[serde(default)]
    pub figure_notes: BTreeMap<String, String>,
    /// Catalog or the user's own.
    #[serde(default)]
    pub origin: Origin,
}

/// What a list of models shows of each (the catalog table, an advice card): the full model is
/// one `get_model` away.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ModelBrief {
    /// Stable slug.
    pub id: String,
    /// Maker.
    pub brand: String,
    /// Model name without the brand.
    pub model: String,
    /// Variant label.
    pub variant: Option<String>,
    /// Cup design.
    pub back: Back,
    /// Driver type.
    pub transducer: Option<Transducer>,
    /// Nominal impedance, ohm.
    pub impedance_ohm: Option<f64>,
    /// Sensitivity with its unit.
    pub sensitivity: Option<Sensitivity>,
    /// Weight without cable, grams.
    pub weight_g: Option<f64>,
    /// Price tier.
    pub tier: Option<Tier>,
    /// Catalog or the user's own.
    pub origin: Origin,
}

impl From<&Model> for ModelBrief {
    fn from(m: &Model) -> Self {
        ModelBrief {
            id: m.id.clone(),
            brand: m.brand.clone(),
            model: m.model.clone(),
            variant: m.variant.clone(),
            back: m.back,
            transducer: m.transducer,
            impedance_ohm: m.impedance_ohm,
            sensitivity: m.sensitivity,
            weight_g: m.weight_g,
            tier: m.tier,
            origin: m.origin,
        }
    }
}

impl Model {
    /// Whether the figure named `field` (one of [`FIGURES`]) is known.
    pub fn has_figure(&self, field: &str) -> bool {
        match field {
            "transducer" => self.transducer.is_some(),
            "driver_mm" => self.driver_mm.is_some(),
            "impedance_ohm" => self.impedance_ohm.is_some(),
            "sensitivity" => self.sensitivity.is_some(),
            "weight_g" => self.weight_g.is_some(),
            "frequency_response" => self.frequency_response.is_some(),
            "price" => self.price.is_some(),
            _ => false,
        }
    }

    /// Marks every known figure as the user's own (their own models hold nothing else).
    pub fn mark_figures_as_users(&mut self) {
        let user = FigureSource {
            kind: FigureKind::User,
            source: None,
        };
        let known: Vec<&str> = FIGURES.into_iter().filter(|f| self.has_figure(f)).collect();
        self.provenance = known.into_iter().map(|f| (f.to_owned(), user)).collect();
    }

    /// The sensitivity in dB SPL for 1 mW: as published, or converted from dB/V with the
    /// nominal impedance where that is known.
    pub fn sensitivity_db_per_mw(&self) -> Option<f64> {
        let s = self.sensitivity?;
        match s.unit {
            SensitivityUnit::DbPerMw => Some(s.value),
            SensitivityUnit::DbPerV => self
                .impedance_ohm
                .filter(|&z| z > 0.0)
                .map(|z| crate::drive::db_per_mw_from_db_per_v(s.value, z)),
        }
    }

    /// How sure the figure named `field` is, where the data says.
    pub fn figure_kind(&self, field: &str) -> Option<FigureKind> {
        self.provenance.get(field).map(|p| p.kind)
    }

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
