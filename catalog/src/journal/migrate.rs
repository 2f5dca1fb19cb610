//! Upgrades from older document versions, one function per step.
//!
//! A step takes the document as the older version wrote it (a JSON object) and returns it in the
//! next version's shape. It checks the shape of what it moves, naming paths in the older
//! version's terms; the result is then read and checked like any current document.
//!
//! To add version N + 1: bump `CURRENT_VERSION`, write `migrate_vN_to_vN1` below, append it to
//! [`STEPS`] (its length is `CURRENT_VERSION`, so forgetting is a compile error), and add a
//! fixture `vN.json` of the old shape with a test that it upgrades to the expected document.

use serde_json::{json, Map, Value};

use super::check::{describe, index, join, Problem};
use super::parse::Fields;
use super::{CURRENT_VERSION, MAX_MINUTES, MAX_SESSIONS, MAX_SHORTLIST};

type Step = fn(Map<String, Value>) -> Result<Map<String, Value>, Problem>;

/// `STEPS[n]` upgrades version `n` to `n + 1`.
const STEPS: [Step; CURRENT_VERSION as usize] = [migrate_v0_to_v1, migrate_v1_to_v2];

/// Upgrades a document of version `from` to [`CURRENT_VERSION`], one step at a time.
pub(crate) fn upgrade(
    mut doc: Map<String, Value>,
    from: u32,
) -> Result<Map<String, Value>, Problem> {
    for (version, step) in STEPS.iter().enumerate().skip(from as usize) {
        doc = step(doc).map_err(|p| {
            let reason = format!("{} (in a version {version} journal)", p.reason);
            Problem::new(p.path, reason)
        })?;
        doc.insert("version".to_owned(), Value::from(version + 1));
    }
    Ok(doc)
}

/// Version 2 adds the user's own figures for catalog models (`figures`) and their imported
/// measurements (`curves`), both empty in an upgraded journal; own models now carry their
/// figures' provenance, which the reader derives. Everything of version 1 stays as it was.
pub(crate) fn migrate_v1_to_v2(mut v1: Map<String, Value>) -> Result<Map<String, Value>, Problem> {
    for key in ["figures", "curves"] {
        if v1.contains_key(key) {
            return Err(Problem::new(key, "is not part of a version 1 journal"));
        }
        v1.insert(key.to_owned(), json!({}));
    }
    Ok(v1)
}

/// Version 0 is the pre-release shape:
///
/// ```text
/// { "version": 0,
///   "favourites": [ { "id": MODEL_ID, "note": STRING?, "added": "YYYY-MM-DD" } ],
///   "tryons": [ { "model": MODEL_ID, "date": "YYYY-MM-DD", "store": STRING?, "minutes": N?,
///                 "comfort": 1-5?, "clamp": 1-5?, "notes": STRING?,
///                 "verdict": "yes" | "maybe" | "no" | null } ] }
/// ```
///
/// Version 1 keeps every value and regroups them: favourites become shortlist entries with the
/// status `favourite` and their note as the reason; try-ons become sessions with the ids `s-1`,
/// `s-2`, ... in file order (so `tryons[i]` is `sessions[i]`), `store` becomes `place`, the two
/// ratings move under `ratings`, and the verdict `yes` becomes `keep`.
pub(crate) fn migrate_v0_to_v1(v0: Map<String, Value>) -> Result<Map<String, Value>, Problem> {
    let f = Fields::of(&v0, "", &["version", "favourites", "tryons"])?;
    let favourites = f.array("favourites", MAX_SHORTLIST, "favourites")?;
    let tryons = f.array("tryons", MAX_SESSIONS, "try-ons")?;

    let mut shortlist = Vec::with_capacity(favourites.len());
    for (i, v) in favourites.iter().enumerate() {
        let path = index("favourites", i);
        let fav = Fields::new(v, &path, &["id", "note", "added"])?;
        shortlist.push(json!({
            "model_id": fav.string("id")?,
            "status": "favourite",
            "reason": fav.string_or_empty("note")?,
            "added": fav.string("added")?,
        }));
    }

    let mut sessions = Vec::with_capacity(tryons.len());
    for (i, v) in tryons.iter().enumerate() {
        let path = index("tryons", i);
        let t = Fields::new(
            v,
            &path,
            &[
                "model", "date", "store", "minutes", "comfort", "clamp", "notes", "verdict",
            ],
        )?;
        let verdict = match t.get("verdict") {
            None | Some(Value::Null) => Value::Null,
            Some(Value::String(s)) if s == "yes" => Value::from("keep"),
            Some(Value::String(s)) if s == "maybe" || s == "no" => Value::from(s.as_str()),
            Some(other) => {
                return Err(Problem::new(
                    join(&path, "verdict"),
                    format!("expected yes, maybe or no, found {}", describe(other)),
                ))
            }
        };
        sessions.push(json!({
            "id": format!("s-{}", i + 1),
            "model_id": t.string("model")?,
            "date": t.string("date")?,
            "place": t.string_or_empty("store")?,
            "minutes": t.int("minutes", 1, i64::from(MAX_MINUTES))?,
            "ratings": { "comfort": t.int("comfort", 1, 5)?, "clamp": t.int("clamp", 1, 5)? },
            "notes": t.string_or_empty("notes")?,
            "verdict": verdict,
        }));
    }

    let mut v1 = Map::new();
    v1.insert("version".to_owned(), Value::from(1));
    v1.insert("shortlist".to_owned(), Value::Array(shortlist));
    v1.insert("next_session".to_owned(), Value::from(sessions.len() + 1));
    v1.insert("sessions".to_owned(), Value::Array(sessions));
    Ok(v1)
}

#[cfg(test)]
mod tests;
