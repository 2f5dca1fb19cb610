//! The store document loader and its migrations, from structured input: JSON documents built
//! from the journal's own field names and plausible values (model ids, dates, ratings, enum
//! names), of version 0 (upgraded by the migrations), 1 (current) or newer, so the fuzzer spends
//! its time in the shape checks, the upgrades and the cross-references rather than in the JSON
//! syntax. Every document either loads or is refused, never panics; a loaded one saves and loads
//! back equal, and merges into a journal that is valid again.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use headroom_domain::journal::{self, ImportMode};
use headroom_domain::Catalog;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value};

/// Every key of the version 0 and version 1 documents, at any level.
const KEYS: &[&str] = &[
    "version",
    "shortlist",
    "sessions",
    "own_models",
    "compare",
    "profile",
    "next_session",
    "favourites",
    "tryons",
    "id",
    "note",
    "added",
    "model",
    "date",
    "store",
    "minutes",
    "comfort",
    "clamp",
    "notes",
    "verdict",
    "model_id",
    "status",
    "reason",
    "place",
    "ratings",
    "sound",
    "weight",
    "heat",
    "pads",
    "glasses_fit",
    "bass",
    "mids",
    "treble",
    "soundstage",
    "isolation",
    "leakage",
    "brand",
    "variant",
    "back",
    "family",
    "origin",
    "transducer",
    "driver_mm",
    "impedance_ohm",
    "sensitivity",
    "value",
    "unit",
    "ref_hz",
    "weight_g",
    "frequency_response",
    "low_hz",
    "high_hz",
    "cable",
    "detachable",
    "length_m",
    "style",
    "connector",
    "folds",
    "swivels",
    "tier",
    "price",
    "amount",
    "currency",
    "as_of",
    "source",
    "year",
    "sources",
    "kind",
    "title",
    "url",
    "figure_notes",
    "room",
    "tasks",
    "budget",
    "hours",
    "target_db",
    "preset",
    "vrms",
    "output_ohm",
];

/// Values the checks look for: ids of catalog and own models, session ids, dates good and bad,
/// enum names of every version, units, currencies, addresses.
const WORDS: &[&str] = &[
    "sony-mdr-7506",
    "sennheiser-hd-650",
    "audeze-lcd-2",
    "user-acme-x-1",
    "user-acme-x-2",
    "user-",
    "acme-x",
    "s-1",
    "s-2",
    "s-10",
    "s-01",
    "2026-01-01",
    "2024-02-29",
    "2025-02-29",
    "2026-13-45",
    "1899-12-31",
    "2025-08",
    "to-try",
    "tried",
    "favourite",
    "bought",
    "ruled-out",
    "keep",
    "yes",
    "maybe",
    "no",
    "open",
    "closed",
    "semi-open",
    "user",
    "catalog",
    "dB/mW",
    "dB/V",
    "dynamic",
    "planar-magnetic",
    "budget",
    "midrange",
    "high-end",
    "maker",
    "review",
    "retailer",
    "USD",
    "EUR",
    "https://example.com",
    "javascript:alert(1)",
    "Acme",
    "X",
    "",
    " ",
    "\n",
    "\u{2028}",
    "é",
    "🎧",
    "impedance_ohm",
    "pads",
    "mixing",
    "quiet",
    "phone",
    "custom",
];

#[derive(Arbitrary, Debug)]
enum Key {
    Known(u8),
    Other(String),
}

impl Key {
    fn text(&self) -> String {
        match self {
            Key::Known(i) => KEYS[*i as usize % KEYS.len()].to_owned(),
            Key::Other(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Val {
    Null,
    Bool(bool),
    Small(i8),
    Int(i64),
    Float(f64),
    Word(u8),
    Text(String),
    /// A word repeated: long strings near the limits (120, 200, 10,000 characters).
    Repeat(u8, u16),
    Array(Vec<Val>),
    Object(Vec<(Key, Val)>),
}

impl Val {
    fn json(&self) -> Value {
        match self {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Small(n) => Value::from(*n),
            Val::Int(n) => Value::from(*n),
            Val::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Val::Word(i) => Value::from(WORDS[*i as usize % WORDS.len()]),
            Val::Text(s) => Value::from(s.as_str()),
            Val::Repeat(i, n) => Value::from(WORDS[*i as usize % WORDS.len()].repeat(*n as usize)),
            Val::Array(items) => Value::Array(items.iter().map(Val::json).collect()),
            Val::Object(fields) => object(fields),
        }
    }
}

fn object(fields: &[(Key, Val)]) -> Value {
    let mut map = Map::new();
    for (k, v) in fields {
        map.insert(k.text(), v.json());
    }
    Value::Object(map)
}

#[derive(Arbitrary, Debug)]
struct Input {
    version: u8,
    fields: Vec<(Key, Val)>,
    pretty: bool,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("the embedded catalog loads"))
}

fuzz_target!(|input: Input| {
    let catalog = catalog();
    let Value::Object(mut doc) = object(&input.fields) else {
        unreachable!()
    };
    doc.insert("version".into(), Value::from(input.version % 3));
    let doc = Value::Object(doc);
    let bytes = if input.pretty {
        serde_json::to_vec_pretty(&doc)
    } else {
        serde_json::to_vec(&doc)
    }
    .expect("a JSON value serializes");
    let Ok(loaded) = journal::from_bytes(&bytes, catalog) else {
        return;
    };
    let saved = journal::to_bytes(&loaded);
    let again = journal::from_bytes(&saved, catalog).expect("a loaded journal saves and loads");
    assert_eq!(again, loaded, "the saved journal reads back equal");
    let merged = journal::import(&loaded, loaded.clone(), ImportMode::Merge)
        .expect("a journal merges into itself");
    journal::from_bytes(&journal::to_bytes(&merged), catalog).expect("a merged journal is valid");
    let _ = journal::export_csv(&loaded, catalog);
    let _ = journal::export_markdown(&loaded, catalog);
});
