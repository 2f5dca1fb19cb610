//! The user's journal: the shortlist, the try-on sessions, the user's own models, their own
//! figures for catalog models and their own measurements, the comparison set and the advisor
//! profile, kept together as one versioned [`Document`].
//!
//! This module is the journal's whole domain; the app's persistence adapter only moves bytes.
//! - [`from_bytes`] is the one loader, for the file at start-up and for imports alike. It checks
//!   everything (size, nesting, version, shape, ranges, duplicates, references) before it returns
//!   a document, upgrades older versions on the way, and names the JSON path of the first problem.
//!   The one thing it drops rather than refuses is a saved advisor profile that is not a valid
//!   [`Profile`] (see [`Document::profile`]).
//! - [`to_bytes`] is the one writer: pretty JSON with its keys in a fixed order, which
//!   [`from_bytes`] reads back equal.
//! - The operations on [`Document`] validate their input and the references it makes, and either
//!   apply whole or leave the document exactly as it was. Those that remove or replace something
//!   return it, so the app can offer undo.
//! - [`import`], [`export_csv`], [`export_markdown`] and [`summaries`] are pure functions.
//!
//! Nothing here reads a clock: dates (`YYYY-MM-DD`) are passed in.
//!
//! ```
//! use headroom_domain::journal::{self, Document, SessionInput, Status};
//! use headroom_domain::Catalog;
//!
//! let catalog = Catalog::from_models(Vec::new());
//! let mut doc = Document::default();
//! let own = doc
//!     .add_own_model(&catalog, serde_json::from_str(r#"{ "brand": "Acme", "model": "X1", "back": "closed" }"#)?)
//!     .unwrap();
//! assert_eq!(own.id, "user-acme-x1-1");
//! doc.add_to_shortlist(&catalog, &own.id, "2025-05-01")?;
//! doc.set_status(&own.id, Status::Tried)?;
//! let input: SessionInput = serde_json::from_str(
//!     r#"{ "model_id": "user-acme-x1-1", "date": "2025-05-02", "ratings": { "comfort": 4 } }"#,
//! )?;
//! let id = doc.add_session(&catalog, input)?;
//! assert_eq!(id, "s-1");
//!
//! let bytes = journal::to_bytes(&doc);
//! assert_eq!(journal::from_bytes(&bytes, &catalog)?, doc);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::advisor::Profile;
use crate::error::Result;
use crate::model::{Back, Cable, FrequencyResponse, Price, Source, StudioNotes, Tier, Transducer};
use crate::{Catalog, Model, Sensitivity};

mod check;
mod curves;
mod export;
mod figures;
mod import;
mod latest;
mod migrate;
mod ops;
mod parse;
mod summary;

pub use curves::{UserCurve, LABEL_CHARS as CURVE_LABEL_CHARS};
pub use export::{export_csv, export_markdown};
pub use figures::UserFigures;
pub use import::{import, ImportMode};
pub use latest::{EarlierSessions, SessionGroup, LATEST_SESSIONS};
pub use summary::{summaries, TryOnSummary, EXCERPT_CHARS};

/// The version [`to_bytes`] writes. [`from_bytes`] reads it and every older one.
pub const CURRENT_VERSION: u32 = 2;
/// The largest file [`from_bytes`] reads: 8 MiB.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The deepest nesting of arrays and objects [`from_bytes`] accepts (the document itself is 1).
pub const MAX_DEPTH: usize = 64;
/// At most this many shortlist entries.
pub const MAX_SHORTLIST: usize = 2_000;
/// At most this many try-on sessions.
pub const MAX_SESSIONS: usize = 20_000;
/// At most this many own models.
pub const MAX_OWN_MODELS: usize = 1_000;
/// At most this many catalog models with the user's own figures.
pub const MAX_FIGURES: usize = 2_000;
/// At most this many imported measurements.
pub const MAX_CURVES: usize = 200;
/// At most this many models in the comparison set.
pub const MAX_COMPARE: usize = 4;
/// The advisor profile's largest size, serialized as compact JSON: 16 KiB. [`from_bytes`] refuses
/// a file whose `profile` is larger before it reads it as a [`Profile`] (Headroom never writes
/// one: [`Document::set_profile`] refuses it too).
pub const MAX_PROFILE_BYTES: usize = 16 * 1024;
/// A shortlist reason's longest length, in characters.
pub const MAX_REASON_CHARS: usize = 200;
/// An own model's name, brand, variant or pads: the longest length, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// A session place's longest length, in characters.
pub const MAX_PLACE_CHARS: usize = 120;
/// A session's notes' longest length, in characters.
pub const MAX_NOTES_CHARS: usize = 10_000;
/// The longest try-on session, in minutes (the shortest is 1).
pub const MAX_MINUTES: u16 = 600;

/// The whole journal. Build one with [`Default`] (empty) or [`from_bytes`], change it through its
/// methods, store it with [`to_bytes`].
///
/// Invariants (checked by [`from_bytes`], kept by every method): every reference names a catalog
/// model or one of `own_models`; shortlist model ids, session ids and own model ids are unique;
/// every field is within its range; the caps (`MAX_*`) hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`CURRENT_VERSION`] once loaded.
    pub version: u32,
    /// The shortlist, in the user's own order.
    #[serde(default)]
    pub shortlist: Vec<Entry>,
    /// Try-on sessions, in the order they were added.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Models the user added because the catalog lacks them (`origin` is `user`, ids `user-…`).
    #[serde(default)]
    pub own_models: Vec<Model>,
    /// The user's own figures for catalog models, by model id.
    #[serde(default)]
    pub figures: BTreeMap<String, UserFigures>,
    /// The user's own measurements, by model id (a catalog model or an own one).
    #[serde(default)]
    pub curves: BTreeMap<String, UserCurve>,
    /// The comparison set: 0 to 4 distinct model ids.
    #[serde(default)]
    pub compare: Vec<String>,
    /// The advisor profile, valid ([`Profile::validate`]) and at most [`MAX_PROFILE_BYTES`] as
    /// compact JSON; `None` until the user saves one (the advisor then uses the defaults).
    ///
    /// Loading a file ([`from_bytes`]) drops a saved profile that does not read as a valid
    /// `Profile` (an unknown room, hours out of range, not an object...) and reads the rest of the
    /// journal: the defaults apply instead, and a trivial setting never makes the whole journal
    /// damaged. Nothing tells the user (the loader has no channel for notices); the advisor shows
    /// the defaults, and the next save of the profile, or of anything else, stores the document
    /// without it.
    #[serde(default)]
    pub profile: Option<Profile>,
    /// The number in the next generated session id (`s-<n>`). It only grows, so an id is never
    /// handed out twice, even after its session was deleted (its undo may still restore it).
    #[serde(default = "first_session_number")]
    pub next_session: u64,
}

fn first_session_number() -> u64 {
    1
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: CURRENT_VERSION,
            shortlist: Vec::new(),
            sessions: Vec::new(),
            own_models: Vec::new(),
            figures: BTreeMap::new(),
            curves: BTreeMap::new(),
            compare: Vec::new(),
            profile: None,
            next_session: first_session_number(),
        }
    }
}

impl Document {
    /// The user's imported measurements, each as a measurement of its model.
    pub fn user_measurements(&self) -> Vec<crate::sound::Measurement> {
        self.curves
            .iter()
            .map(|(id, c)| c.measurement(id))
            .collect()
    }

    /// Whether this document's catalog (see [`Document::catalog`]) differs from `before`'s:
    /// what the app asks after each change to know whether to rebuild it.
    pub fn changes_catalog(&self, before: &Document) -> bool {
        self.own_models != before.own_models
            || self.figures != before.figures
            || self.curves != before.curves
    }

    /// The catalog as this user sees it: the embedded `base` plus their own models, with their
    /// own figures in place of the catalog's and their own measurements for models that have
    /// no published one (a published curve stays; theirs is shown beside it in Compare).
    ///
    /// # Errors
    /// `InvalidInput` when an own model's id is taken by the catalog (`from_bytes` refuses such a
    /// journal first).
    pub fn catalog(&self, base: &Catalog) -> Result<Catalog> {
        let with_own = base.with_extra(&self.own_models)?;
        let with_figures = if self.figures.is_empty() {
            with_own
        } else {
            with_own.with_changed_models(|m| {
                if let Some(f) = self.figures.get(&m.id) {
                    f.apply(m);
                }
            })
        };
        if self.curves.is_empty() {
            return Ok(with_figures);
        }
        let target = crate::sound::Measurements::embedded()?.target();
        let curves: Vec<_> = self
            .user_measurements()
            .into_iter()
            .filter(|m| with_figures.sound(&m.model).is_none())
            .collect();
        Ok(with_figures.with_user_curves(curves, target))
    }
}

/// Where a model stands on the user's shortlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not tried yet (the status of a new entry).
    ToTry,
    /// Tried on.
    Tried,
    /// A favourite.
    Favourite,
    /// Bought.
    Bought,
    /// Ruled out.
    RuledOut,
}

impl Status {
    /// Every value, in display order.
    pub const ALL: [Status; 5] = [
        Status::ToTry,
        Status::Tried,
        Status::Favourite,
        Status::Bought,
        Status::RuledOut,
    ];

    /// The wire name (`to-try`, `tried`, `favourite`, `bought`, `ruled-out`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::ToTry => "to-try",
            Status::Tried => "tried",
            Status::Favourite => "favourite",
            Status::Bought => "bought",
            Status::RuledOut => "ruled-out",
        }
    }

    /// Words for people ("To try").
    pub fn label(self) -> &'static str {
        match self {
            Status::ToTry => "To try",
            Status::Tried => "Tried",
            Status::Favourite => "Favourite",
            Status::Bought => "Bought",
            Status::RuledOut => "Ruled out",
        }
    }
}

/// One model on the shortlist. Its position in [`Document::shortlist`] is the user's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A catalog model or one of the user's own.
    pub model_id: String,
    /// Where it stands.
    pub status: Status,
    /// The user's one-line reason (at most 200 characters, no line breaks; may be empty).
    #[serde(default)]
    pub reason: String,
    /// When it was added, `YYYY-MM-DD`.
    pub added: String,
}

/// What the user decided after a try-on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "TryOnVerdict")]
pub enum Verdict {
    /// Wants it.
    Keep,
    /// Undecided.
    Maybe,
    /// Not for them.
    No,
}

impl Verdict {
    /// Every value, in display order.
    pub const ALL: [Verdict; 3] = [Verdict::Keep, Verdict::Maybe, Verdict::No];

    /// The wire name (`keep`, `maybe`, `no`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Keep => "keep",
            Verdict::Maybe => "maybe",
            Verdict::No => "no",
        }
    }

    /// What people read (`Keep`), wherever it is shown.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Keep => "Keep",
            Verdict::Maybe => "Maybe",
            Verdict::No => "No",
        }
    }
}

/// How a model felt, each from 1 to 5 where **5 is always the best** for the wearer; `None` when
/// the user did not rate it (and then left out of the JSON, which keeps journals small).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields, default)]
#[ts(optional_fields)]
pub struct Ratings {
    /// Overall comfort. 5: could wear it all day without noticing; 1: wants it off at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comfort: Option<u8>,
    /// Clamp force. 5: sits securely without pressure; 1: painfully tight (or so loose that it
    /// slides off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clamp: Option<u8>,
    /// Weight as felt on the head. 5: hardly noticeable; 1: heavy, the neck tires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u8>,
    /// Heat. 5: ears stay cool; 1: hot and sweaty within minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heat: Option<u8>,
    /// Pads. 5: soft, roomy, the ears fit inside; 1: hard, or pressing on the ears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pads: Option<u8>,
    /// Fit with glasses, for users who wear them. 5: no pressure on the arms and the seal holds;
    /// 1: painful, or the seal breaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glasses_fit: Option<u8>,
}

impl Ratings {
    /// `(field name, value)` for every rating, in display order.
    pub fn fields(&self) -> [(&'static str, Option<u8>); 6] {
        [
            ("comfort", self.comfort),
            ("clamp", self.clamp),
            ("weight", self.weight),
            ("heat", self.heat),
            ("pads", self.pads),
            ("glasses_fit", self.glasses_fit),
        ]
    }
}

/// Quick sound impressions, each from 1 to 5 measuring **how much** of something the user heard
/// (not how good it is: that depends on the job). `None` when not noted (and left out of the
/// JSON).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields, default)]
#[ts(optional_fields)]
pub struct Sound {
    /// Amount of bass. 1: thin, recessed; 3: neutral; 5: boomy, emphasised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bass: Option<u8>,
    /// Amount of mids. 1: scooped; 3: neutral; 5: forward, honky.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mids: Option<u8>,
    /// Amount of treble. 1: dark, dull; 3: neutral; 5: bright, sharp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treble: Option<u8>,
    /// Width of the stage. 1: narrow, inside the head; 5: wide, speaker-like.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soundstage: Option<u8>,
    /// Isolation: how much of the room it keeps out. 1: none; 5: the room disappears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolation: Option<u8>,
    /// Leakage: how much people nearby hear. 1: nothing; 5: they hear every word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leakage: Option<u8>,
}

impl Sound {
    /// `(field name, value)` for every impression, in display order.
    pub fn fields(&self) -> [(&'static str, Option<u8>); 6] {
        [
            ("bass", self.bass),
            ("mids", self.mids),
            ("treble", self.treble),
            ("soundstage", self.soundstage),
            ("isolation", self.isolation),
            ("leakage", self.leakage),
        ]
    }
}

/// One try-on of one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Unique in the document: lower-case letters, digits and hyphens, at most 64 characters
    /// (generated ones are `s-<n>`).
    pub id: String,
    /// A catalog model or one of the user's own.
    pub model_id: String,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// Where ("Thomann Berlin", "at home"): one line, at most 120 characters; may be empty.
    #[serde(default)]
    pub place: String,
    /// Minutes worn, 1 to 600.
    #[serde(default)]
    pub minutes: Option<u16>,
    /// How it felt.
    #[serde(default)]
    pub ratings: Ratings,
    /// How it sounded.
    #[serde(default)]
    pub sound: Sound,
    /// Free text, at most 10,000 characters.
    #[serde(default)]
    pub notes: String,
    /// Keep, maybe or no.
    #[serde(default)]
    pub verdict: Option<Verdict>,
}

/// A new or edited try-on session, as the UI sends it: a [`Session`] without its id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct SessionInput {
    /// A catalog model or one of the user's own.
    pub model_id: String,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// Where: one line, at most 120 characters.
    #[serde(default)]
    pub place: String,
    /// Minutes worn, 1 to 600.
    #[serde(default)]
    pub minutes: Option<u16>,
    /// How it felt.
    #[serde(default)]
    pub ratings: Ratings,
    /// How it sounded.
    #[serde(default)]
    pub sound: Sound,
    /// Free text, at most 10,000 characters.
    #[serde(default)]
    pub notes: String,
    /// Keep, maybe or no.
    #[serde(default)]
    pub verdict: Option<Verdict>,
}

impl SessionInput {
    fn into_session(self, id: String) -> Session {
        Session {
            id,
            model_id: self.model_id,
            date: self.date,
            place: self.place,
            minutes: self.minutes,
            ratings: self.ratings,
            sound: self.sound,
            notes: self.notes,
            verdict: self.verdict,
        }
    }
}

impl From<Session> for SessionInput {
    fn from(s: Session) -> Self {
        SessionInput {
            model_id: s.model_id,
            date: s.date,
            place: s.place,
            minutes: s.minutes,
            ratings: s.ratings,
            sound: s.sound,
            notes: s.notes,
            verdict: s.verdict,
        }
    }
}

/// A new or edited own model, as the UI sends it: a [`Model`] without `id`, `family` and `origin`,
/// which the journal sets. Only `model` and `back` are required; every figure is checked against
/// the same plausible ranges as the catalog's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct OwnModelInput {
    /// Maker, if known.
    #[serde(default)]
    pub brand: Option<String>,
    /// Model name (required, one line, at most 120 characters).
    pub model: String,
    /// Variant label.
    #[serde(default)]
    pub variant: Option<String>,
    /// Cup design (required).
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
    #[ts(as = "Option<Cable>", optional)]
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
    /// Price tier.
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
    #[ts(as = "Option<StudioNotes>", optional)]
    pub notes: StudioNotes,
    /// Where the figures come from (`http(s)` addresses only).
    #[serde(default)]
    #[ts(as = "Option<Vec<Source>>", optional)]
    pub sources: Vec<Source>,
    /// Per-figure provenance, keyed by field name.
    #[serde(default)]
    #[ts(as = "Option<BTreeMap<String, String>>", optional)]
    pub figure_notes: BTreeMap<String, String>,
}

impl From<Model> for OwnModelInput {
    fn from(m: Model) -> Self {
        OwnModelInput {
            brand: (!m.brand.is_empty()).then_some(m.brand),
            model: m.model,
            variant: m.variant,
            back: m.back,
            transducer: m.transducer,
            driver_mm: m.driver_mm,
            impedance_ohm: m.impedance_ohm,
            sensitivity: m.sensitivity,
            weight_g: m.weight_g,
            frequency_response: m.frequency_response,
            cable: m.cable,
            folds: m.folds,
            swivels: m.swivels,
            pads: m.pads,
            tier: m.tier,
            price: m.price,
            year: m.year,
            notes: m.notes,
            sources: m.sources,
            figure_notes: m.figure_notes,
        }
    }
}

/// Reads a journal: the file at start-up or an import. Documents of an older version are
/// upgraded to [`CURRENT_VERSION`]. References are checked against `catalog` (the embedded
/// catalog, without own models: those come from the document itself).
///
/// # Errors
/// `InvalidData`, with a message naming the JSON path of the first problem
/// (`sessions[3].ratings.comfort: 7 is outside 1–5`), when the input is empty, larger than
/// [`MAX_BYTES`], nested deeper than [`MAX_DEPTH`], not JSON (or with a key twice in an object),
/// not an object, without a valid version, of a version newer than [`CURRENT_VERSION`], of the
/// wrong shape (including unknown fields), out of range, over a cap, with a duplicate id, with a
/// reference to a model that is neither in `catalog` nor among its own models, or with a
/// `profile` larger than [`MAX_PROFILE_BYTES`].
///
/// A `profile` that does not read as a valid [`Profile`] is not an error: it is dropped and the
/// document loads without it (see [`Document::profile`]).
pub fn from_bytes(bytes: &[u8], catalog: &Catalog) -> Result<Document> {
    load(bytes, catalog).map(|loaded| loaded.document)
}

/// A journal as [`load`] read it, with what it dropped on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The document, valid.
    pub document: Document,
    /// The file held a profile that did not read as a valid [`Profile`], so the document has
    /// none: the user should be told that the advisor starts from its defaults.
    pub profile_dropped: bool,
}

/// [`from_bytes`], also saying what was dropped rather than refused.
///
/// # Errors
/// As [`from_bytes`].
pub fn load(bytes: &[u8], catalog: &Catalog) -> Result<Loaded> {
    parse::from_bytes(bytes, catalog)
}

/// Writes a journal as pretty JSON (UTF-8, a newline at the end). Keys come in a fixed order
/// (struct fields in declaration order, maps sorted), so equal documents give equal bytes, and
/// [`from_bytes`] reads the result back equal. This is also the JSON export.
pub fn to_bytes(doc: &Document) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(doc)
        .expect("a journal document serializes: every map in it has string keys");
    out.push(b'\n');
    out
}

/// Orders sessions by date, then by id in natural order (`s-9` before `s-10`): "latest" in the
/// summaries and the order of the exports.
pub(crate) fn chronological(a: &Session, b: &Session) -> Ordering {
    a.date
        .cmp(&b.date)
        .then_with(|| crate::query::natural_cmp(&a.id, &b.id))
}

#[cfg(test)]
mod own_data_tests;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
