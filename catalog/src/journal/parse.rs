//! Bytes to [`Document`]: the size and nesting limits, a strict JSON parse, the version and its
//! upgrades, the shape of every field, then the rules in `check`. The one part that is dropped
//! rather than refused is a saved advisor profile that is not a valid [`Profile`]
//! (`usable_profile`).
//!
//! The shape is read by hand from a `serde_json::Value` rather than by `serde(Deserialize)`, so
//! that every message names the JSON path of the problem.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::{Map, Value};

use super::check::{self, describe, index, join, key_path, outside, Problem};
use super::{
    migrate, Document, Entry, Loaded, Ratings, Session, Sound, CURRENT_VERSION, MAX_BYTES,
    MAX_COMPARE, MAX_CURVES, MAX_DEPTH, MAX_FIGURES, MAX_OWN_MODELS, MAX_SESSIONS, MAX_SHORTLIST,
};
use crate::advisor::Profile;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Back, Cable, FrequencyResponse, Model, Origin, Price, Sensitivity, Source, StudioNotes, Tier,
    Transducer,
};
use crate::Catalog;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) fn from_bytes(bytes: &[u8], catalog: &Catalog) -> Result<Loaded> {
    // The length first: nothing about an oversized input is read.
    if bytes.len() > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!(
                "the file is {}, more than the {} a journal may have",
                check::mib(bytes.len()),
                check::mib(MAX_BYTES)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::InvalidData, "the file is empty"));
    }
    let Value::Object(map) = parse_strict(bytes)? else {
        return Err(Error::new(
            ErrorKind::InvalidData,
            "expected a JSON object with a version, found another kind of JSON value",
        ));
    };
    let version = version(&map).map_err(Problem::data)?;
    if version > CURRENT_VERSION {
        return Err(Problem::new(
            "version",
            format!(
                "{version}: written by a newer Headroom (this one reads versions up to \
                 {CURRENT_VERSION}); update Headroom to open it"
            ),
        )
        .data());
    }
    let map = migrate::upgrade(map, version).map_err(Problem::data)?;
    let read = decode(&map).and_then(|loaded| {
        check::document(&loaded.document, catalog)?;
        // Compact JSON, or an upgrade, may grow past the limit once saved pretty-printed.
        check::size(&loaded.document)?;
        Ok(loaded)
    });
    read.map_err(|p| {
        if version < CURRENT_VERSION {
            let reason = format!(
                "{} (in the version {version} journal, once upgraded to version {CURRENT_VERSION})",
                p.reason
            );
            Problem::new(p.path, reason).data()
        } else {
            p.data()
        }
    })
}

fn version(map: &Map<String, Value>) -> std::result::Result<u32, Problem> {
    match map.get("version") {
        None => Err(Problem::new(
            "version",
            "missing: every Headroom journal has one",
        )),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| {
                Problem::new(
                    "version",
                    format!("expected a whole number, found {}", describe(v)),
                )
            }),
    }
}

/// Parses JSON into a `Value`, refusing a key twice in one object and nesting deeper than
/// [`MAX_DEPTH`] as soon as the parser gets there (serde_json's own limit, 128, is never reached,
/// and nothing deeper is ever built, so neither parsing nor dropping can exhaust the stack).
pub(crate) fn parse_strict(bytes: &[u8]) -> Result<Value> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = Strict {
        at: &Seg::Root,
        depth: 0,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| {
        let message = match e.classify() {
            // Our own messages, which name the path.
            Category::Data => e.to_string(),
            Category::Eof => {
                format!("not valid JSON: the file ends too early (is it truncated?): {e}")
            }
            Category::Syntax | Category::Io => format!("not valid JSON: {e}"),
        };
        Error::new(ErrorKind::InvalidData, message)
    })
}

/// Where the parser is, as a linked list on the stack: the path is only written out when
/// something fails.
enum Seg<'a> {
    Root,
    Key(&'a Seg<'a>, &'a str),
    Index(&'a Seg<'a>, usize),
}

impl fmt::Display for Seg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut path = String::new();
        self.write(&mut path);
        if path.is_empty() {
            f.write_str("the top level")
        } else {
            f.write_str(&path)
        }
    }
}

impl Seg<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Seg::Root => {}
            Seg::Key(parent, key) => {
                parent.write(out);
                let joined = key_path(out, key);
                *out = joined;
            }
            Seg::Index(parent, i) => {
                parent.write(out);
                *out = index(out, *i);
            }
        }
    }
}

struct Strict<'a> {
    at: &'a Seg<'a>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Strict<'_> {
    fn enter<E: de::Error>(&self) -> std::result::Result<usize, E> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            Err(E::custom(format!(
                "{}: nested deeper than {MAX_DEPTH} levels",
                self.at
            )))
        } else {
            Ok(depth)
        }
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("{}: not a finite number", self.at)))
    }

    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let depth = self.enter()?;
        let mut items = Vec::new();
        loop {
            let at = Seg::Index(self.at, items.len());
            match seq.next_element_seed(Strict { at: &at, depth })? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let depth = self.enter()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = Seg::Key(self.at, &key);
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "{at}: the key appears twice in one object"
                )));
            }
            let v = map.next_value_seed(Strict { at: &at, depth })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Reads the fields of one JSON object, each at its path. Missing optional fields take their
/// default; `null` is accepted only where the field is optional (`Option`).
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
}

type Read<T> = std::result::Result<T, Problem>;

impl<'a> Fields<'a> {
    /// `v` must be an object whose keys are all in `allowed`.
    pub(crate) fn new(v: &'a Value, path: &'a str, allowed: &[&str]) -> Read<Self> {
        let Value::Object(map) = v else {
            return Err(Problem::new(
                path,
                format!("expected an object, found {}", describe(v)),
            ));
        };
        Fields::of(map, path, allowed)
    }

    /// The same for an object already known to be one.
    pub(crate) fn of(map: &'a Map<String, Value>, path: &'a str, allowed: &[&str]) -> Read<Self> {
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(Problem::new(
                key_path(path, key),
                format!("unknown field (expected {})", allowed.join(", ")),
            ));
        }
        Ok(Fields { map, path })
    }

    fn at(&self, key: &str) -> String {
        key_path(self.path, key)
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// A required string.
    pub(crate) fn string(&self, key: &str) -> Read<String> {
        match self.map.get(key) {
            None => Err(Problem::new(self.at(key), "missing")),
            Some(v) => self.as_string(key, v),
        }
    }

    /// A string that is empty when missing.
    pub(crate) fn string_or_empty(&self, key: &str) -> Read<String> {
        match self.map.get(key) {
            None => Ok(String::new()),
            Some(v) => self.as_string(key, v),
        }
    }

    fn as_string(&self, key: &str, v: &Value) -> Read<String> {
        v.as_str().map(str::to_owned).ok_or_else(|| {
            Problem::new(
                self.at(key),
                format!("expected a string, found {}", describe(v)),
            )
        })
    }

    /// A whole number from `low` to `high`, `None` when missing or null.
    pub(crate) fn int(&self, key: &str, low: i64, high: i64) -> Read<Option<i64>> {
        let v = match self.map.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(v) => v,
        };
        match (v.as_i64(), v.as_u64()) {
            (Some(n), _) if (low..=high).contains(&n) => Ok(Some(n)),
            (Some(n), _) => Err(Problem::new(self.at(key), outside(n, low, high))),
            (None, Some(n)) => Err(Problem::new(self.at(key), outside(n, low, high))),
            (None, None) => Err(Problem::new(
                self.at(key),
                format!(
                    "expected a whole number {low}–{high}, found {}",
                    describe(v)
                ),
            )),
        }
    }

    /// One of the names of a serde enum, `None` when missing or null.
    pub(crate) fn choice<T: DeserializeOwned>(&self, key: &str, names: &str) -> Read<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v @ Value::String(_)) => T::deserialize(v).map(Some).map_err(|_| {
                Problem::new(
                    self.at(key),
                    format!("expected {names}, found {}", describe(v)),
                )
            }),
            Some(v) => Err(Problem::new(
                self.at(key),
                format!("expected {names}, found {}", describe(v)),
            )),
        }
    }

    /// An array of at most `max` items, empty when missing.
    pub(crate) fn array(&self, key: &str, max: usize, what: &str) -> Read<&'a [Value]> {
        match self.map.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => {
                check::cap(&self.at(key), items.len(), max, what)?;
                Ok(items)
            }
            Some(v) => Err(Problem::new(
                self.at(key),
                format!("expected an array, found {}", describe(v)),
            )),
        }
    }
}

const DOCUMENT_KEYS: &[&str] = &[
    "version",
    "shortlist",
    "sessions",
    "own_models",
    "figures",
    "curves",
    "compare",
    "profile",
    "next_session",
];

/// The shape of a current-version document (its rules are checked afterwards).
fn decode(map: &Map<String, Value>) -> Read<Loaded> {
    let f = Fields::of(map, "", DOCUMENT_KEYS)?;
    let version = f
        .int("version", 0, i64::from(u32::MAX))?
        .unwrap_or_default();
    let shortlist = f
        .array("shortlist", MAX_SHORTLIST, "entries")?
        .iter()
        .enumerate()
        .map(|(i, v)| entry(v, &index("shortlist", i)))
        .collect::<Read<_>>()?;
    let sessions = f
        .array("sessions", MAX_SESSIONS, "sessions")?
        .iter()
        .enumerate()
        .map(|(i, v)| session(v, &index("sessions", i)))
        .collect::<Read<_>>()?;
    let own_models = f
        .array("own_models", MAX_OWN_MODELS, "models")?
        .iter()
        .enumerate()
        .map(|(i, v)| model(v, &index("own_models", i)))
        .collect::<Read<_>>()?;
    let figures = keyed(&f, "figures", MAX_FIGURES, "models")?;
    let curves = keyed(&f, "curves", MAX_CURVES, "curves")?;
    let compare = f
        .array("compare", MAX_COMPARE, "models")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_str().map(str::to_owned).ok_or_else(|| {
                Problem::new(
                    index("compare", i),
                    format!("expected a model id, found {}", describe(v)),
                )
            })
        })
        .collect::<Read<_>>()?;
    let (profile, profile_dropped) = match f.get("profile") {
        None | Some(Value::Null) => (None, false),
        Some(v) => {
            // The size first: nothing about an oversized profile is read.
            check::profile_size(v).map_err(|p| p.within("profile"))?;
            let usable = usable_profile(v);
            let dropped = usable.is_none();
            (usable, dropped)
        }
    };
    let next_session = match f.get("next_session") {
        None => 1,
        Some(v) => v.as_u64().filter(|&n| n >= 1).ok_or_else(|| {
            Problem::new(
                "next_session",
                format!(
                    "expected a whole number of at least 1, found {}",
                    describe(v)
                ),
            )
        })?,
    };
    let document = Document {
        version: u32::try_from(version).unwrap_or(u32::MAX),
        shortlist,
        sessions,
        own_models,
        figures,
        curves,
        compare,
        profile,
        next_session,
    };
    Ok(Loaded {
        document,
        profile_dropped,
    })
}

/// The saved advisor profile when it reads as a valid [`Profile`], else `None`: a profile this
/// Headroom cannot use (an unknown room, hours out of range, not an object...) is dropped, the
/// defaults apply, and the rest of the journal loads (see [`Document::profile`]).
fn usable_profile(v: &Value) -> Option<Profile> {
    if !v.is_object() {
        // `Profile`'s derived `Deserialize` would also take an array of its fields in order.
        return None;
    }
    Profile::deserialize(v)
        .ok()
        .filter(|p| p.validate().is_ok())
}

/// An object keyed by model id (`figures`, `curves`), each value read on its own so that a
/// problem names its path.
fn keyed<T: DeserializeOwned>(
    f: &Fields<'_>,
    key: &str,
    max: usize,
    what: &str,
) -> Read<std::collections::BTreeMap<String, T>> {
    let map = match f.get(key) {
        None | Some(Value::Null) => return Ok(Default::default()),
        Some(Value::Object(map)) => map,
        Some(v) => {
            return Err(Problem::new(
                key,
                format!("expected an object, found {}", describe(v)),
            ))
        }
    };
    if map.len() > max {
        return Err(Problem::new(
            key,
            format!("{} {what}, more than the {max} allowed", map.len()),
        ));
    }
    map.iter()
        .map(|(id, v)| {
            T::deserialize(v)
                .map(|value| (id.clone(), value))
                .map_err(|e| Problem::new(key_path(key, id), e.to_string()))
        })
        .collect()
}

const STATUS_NAMES: &str = "to-try, tried, favourite, bought or ruled-out";
const VERDICT_NAMES: &str = "keep, maybe or no";

fn entry(v: &Value, path: &str) -> Read<Entry> {
    let f = Fields::new(v, path, &["model_id", "status", "reason", "added"])?;
    Ok(Entry {
        model_id: f.string("model_id")?,
        status: f.choice("status", STATUS_NAMES)?.ok_or_else(|| {
            Problem::new(
                join(path, "status"),
                format!("missing (expected {STATUS_NAMES})"),
            )
        })?,
        reason: f.string_or_empty("reason")?,
        added: f.string("added")?,
    })
}

const RATINGS: [&str; 6] = ["comfort", "clamp", "weight", "heat", "pads", "glasses_fit"];
const SOUND: [&str; 6] = [
    "bass",
    "mids",
    "treble",
    "soundstage",
    "isolation",
    "leakage",
];

/// Six optional 1–5 numbers; missing object: all `None`.
fn scores(parent: &Fields<'_>, key: &str, path: &str, names: &[&str; 6]) -> Read<[Option<u8>; 6]> {
    let mut out = [None; 6];
    let Some(v) = parent.get(key) else {
        return Ok(out);
    };
    let here = join(path, key);
    let f = Fields::new(v, &here, names)?;
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = f.int(name, 1, 5)?.map(|n| n as u8);
    }
    Ok(out)
}

fn session(v: &Value, path: &str) -> Read<Session> {
    let f = Fields::new(
        v,
        path,
        &[
            "id", "model_id", "date", "place", "minutes", "ratings", "sound", "notes", "verdict",
        ],
    )?;
    let id = f.string("id")?;
    let model_id = f.string("model_id")?;
    let date = f.string("date")?;
    let place = f.string_or_empty("place")?;
    let minutes = f
        .int("minutes", 1, i64::from(super::MAX_MINUTES))?
        .map(|n| n as u16);
    let [comfort, clamp, weight, heat, pads, glasses_fit] = scores(&f, "ratings", path, &RATINGS)?;
    let [bass, mids, treble, soundstage, isolation, leakage] = scores(&f, "sound", path, &SOUND)?;
    Ok(Session {
        id,
        model_id,
        date,
        place,
        minutes,
        ratings: Ratings {
            comfort,
            clamp,
            weight,
            heat,
            pads,
            glasses_fit,
        },
        sound: Sound {
            bass,
            mids,
            treble,
            soundstage,
            isolation,
            leakage,
        },
        notes: f.string_or_empty("notes")?,
        verdict: f.choice("verdict", VERDICT_NAMES)?,
    })
}

/// An own model. Each known field is first read on its own, so a type error names its path;
/// then the whole object is read as a [`Model`], which catches whatever the first pass does not
/// know about (missing fields, and any field added to `Model` later).
fn model(v: &Value, path: &str) -> Read<Model> {
    fn field<T: DeserializeOwned>(v: &Value) -> std::result::Result<(), String> {
        T::deserialize(v).map(drop).map_err(|e| e.to_string())
    }
    let Value::Object(map) = v else {
        return Err(Problem::new(
            path,
            format!("expected an object, found {}", describe(v)),
        ));
    };
    for (key, value) in map {
        let checked = match key.as_str() {
            "id" | "family" | "brand" | "model" => field::<String>(value),
            "variant" | "pads" => field::<Option<String>>(value),
            "back" => field::<Back>(value),
            "transducer" => field::<Option<Transducer>>(value),
            "driver_mm" | "impedance_ohm" | "weight_g" => field::<Option<f64>>(value),
            "sensitivity" => field::<Option<Sensitivity>>(value),
            "frequency_response" => field::<Option<FrequencyResponse>>(value),
            "cable" => field::<Cable>(value),
            "folds" | "swivels" => field::<Option<bool>>(value),
            "tier" => field::<Option<Tier>>(value),
            "price" => field::<Option<Price>>(value),
            "year" => field::<Option<u16>>(value),
            "notes" => field::<StudioNotes>(value),
            "sources" => field::<Vec<Source>>(value),
            "figure_notes" => field::<std::collections::BTreeMap<String, String>>(value),
            "origin" => field::<Origin>(value),
            _ => Ok(()),
        };
        checked.map_err(|reason| Problem::new(key_path(path, key), reason))?;
    }
    let mut model = Model::deserialize(v).map_err(|e| Problem::new(path, e.to_string()))?;
    // Every figure of an own model is the user's, whatever the file says (a version 1 journal
    // says nothing).
    model.mark_figures_as_users();
    Ok(model)
}

#[cfg(test)]
mod tests;
