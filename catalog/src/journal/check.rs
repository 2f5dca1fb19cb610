//! The rules every part of a journal obeys, shared by the loader (which names the path in the
//! file, as `InvalidData`) and the operations (which name the field of their input, as
//! `InvalidInput`).

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use super::{
    Document, Entry, Ratings, Session, Sound, CURRENT_VERSION, MAX_BYTES, MAX_COMPARE, MAX_MINUTES,
    MAX_NOTES_CHARS, MAX_OWN_MODELS, MAX_PLACE_CHARS, MAX_PROFILE_BYTES, MAX_REASON_CHARS,
    MAX_SESSIONS, MAX_SHORTLIST,
};
use crate::advisor::Profile;
use crate::error::{Error, ErrorKind};
use crate::load::{is_slug, validate_fields};
use crate::model::{Model, Origin};
use crate::Catalog;

/// What is wrong, and where: `path` is a JSON path (`sessions[3].ratings.comfort`), relative to
/// whatever was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) path: String,
    pub(crate) reason: String,
}

pub(crate) type Checked = std::result::Result<(), Problem>;

impl Problem {
    pub(crate) fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// The same problem seen from `parent` (`sessions[3]` + `ratings.comfort`).
    pub(crate) fn within(self, parent: &str) -> Self {
        Problem {
            path: join(parent, &self.path),
            reason: self.reason,
        }
    }

    /// As bad data in a file or an import.
    pub(crate) fn data(self) -> Error {
        self.error(ErrorKind::InvalidData)
    }

    /// As a bad argument to an operation.
    pub(crate) fn input(self) -> Error {
        self.error(ErrorKind::InvalidInput)
    }

    fn error(self, kind: ErrorKind) -> Error {
        if self.path.is_empty() {
            Error::new(kind, self.reason)
        } else {
            Error::new(kind, format!("{}: {}", self.path, self.reason))
        }
    }
}

/// `parent.child`, `parent[3]`, or either alone when the other is empty.
pub(crate) fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else if child.is_empty() {
        parent.to_owned()
    } else if child.starts_with('[') {
        format!("{parent}{child}")
    } else {
        format!("{parent}.{child}")
    }
}

/// `parent[i]`.
pub(crate) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The path to `key` inside `parent`: `parent.key` for plain keys, `parent["odd key"]` otherwise.
/// Long keys are shortened: the path is for a message, not for a machine.
pub(crate) fn key_path(parent: &str, key: &str) -> String {
    let plain = key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        join(parent, key)
    } else {
        format!("{parent}[{}]", serde_json::Value::from(shorten(key, 40)))
    }
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

/// A value as a message shows it: `"abc"`, `7`, `null`, `an array`.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => Value::from(shorten(s, 40)).to_string(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A user's string inside a message: `` `abc` ``, shortened.
pub(crate) fn quote(s: &str) -> String {
    format!("`{}`", shorten(s, 40))
}

/// A calendar date, `YYYY-MM-DD`, years 1900 to 2999.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(&b[..4]), number(&b[5..7]), number(&b[8..]))
    else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&year) && (1..=days).contains(&day)
}

pub(crate) fn date(field: &str, s: &str) -> Checked {
    if is_date(s) {
        Ok(())
    } else {
        Err(Problem::new(
            field,
            format!("{} is not a date (YYYY-MM-DD)", quote(s)),
        ))
    }
}

/// One line of at most `max` characters: no line breaks, no control characters.
pub(crate) fn one_line(field: &str, s: &str, max: usize) -> Checked {
    text(field, s, max)?;
    if s.chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        return Err(Problem::new(
            field,
            "must be a single line, without line breaks or control characters",
        ));
    }
    Ok(())
}

/// Free text of at most `max` characters.
pub(crate) fn text(field: &str, s: &str, max: usize) -> Checked {
    // Counting stops early, so a huge string costs no more than a short one.
    if s.len() > max && s.chars().nth(max).is_some() {
        let n = s.chars().count();
        return Err(Problem::new(
            field,
            format!("{n} characters, more than the {max} allowed"),
        ));
    }
    Ok(())
}

/// The message for a whole number outside `low..=high`.
pub(crate) fn outside(value: impl std::fmt::Display, low: i64, high: i64) -> String {
    format!("{value} is outside {low}–{high}")
}

fn rating(field: &str, value: Option<u8>) -> Checked {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(Problem::new(field, outside(v, 1, 5))),
        _ => Ok(()),
    }
}

pub(crate) fn ratings(r: &Ratings) -> Checked {
    r.fields()
        .into_iter()
        .try_for_each(|(name, v)| rating(name, v))
        .map_err(|p| p.within("ratings"))
}

pub(crate) fn sound(s: &Sound) -> Checked {
    s.fields()
        .into_iter()
        .try_for_each(|(name, v)| rating(name, v))
        .map_err(|p| p.within("sound"))
}

pub(crate) fn session_id(field: &str, id: &str) -> Checked {
    if id.len() <= 64 && is_slug(id) {
        Ok(())
    } else {
        Err(Problem::new(
            field,
            format!(
                "{} is not an id: lower-case letters, digits and single hyphens, at most 64",
                quote(id)
            ),
        ))
    }
}

/// An entry's own fields (not whether its model exists).
pub(crate) fn entry(e: &Entry) -> Checked {
    one_line("reason", &e.reason, MAX_REASON_CHARS)?;
    date("added", &e.added)
}

/// A session's own fields (not whether its model exists or its id is unique).
pub(crate) fn session(s: &Session) -> Checked {
    session_id("id", &s.id)?;
    date("date", &s.date)?;
    one_line("place", &s.place, MAX_PLACE_CHARS)?;
    if let Some(m) = s.minutes {
        if !(1..=MAX_MINUTES).contains(&m) {
            return Err(Problem::new("minutes", outside(m, 1, MAX_MINUTES.into())));
        }
    }
    ratings(&s.ratings)?;
    sound(&s.sound)?;
    text("notes", &s.notes, MAX_NOTES_CHARS)
}

/// An own model's fields: the catalog's plausible ranges plus the limits on the user's text.
pub(crate) fn own_model(m: &Model) -> Checked {
    const NAME: usize = super::MAX_NAME_CHARS;
    const NOTE: usize = 1_000;
    if m.origin != Origin::User {
        return Err(Problem::new("origin", "must be `user` for your own models"));
    }
    if !m.id.starts_with("user-") {
        return Err(Problem::new(
            "id",
            format!("{} does not start with `user-`", quote(&m.id)),
        ));
    }
    validate_fields(m).map_err(|(field, reason)| Problem::new(field, reason))?;
    one_line("brand", &m.brand, NAME)?;
    one_line("model", &m.model, NAME)?;
    for (field, value) in [
        ("variant", &m.variant),
        ("pads", &m.pads),
        ("cable.connector", &m.cable.connector),
    ] {
        if let Some(v) = value {
            one_line(field, v, NAME)?;
        }
    }
    if let Some(p) = &m.price {
        one_line("price.source", &p.source, 200)?;
    }
    for (field, value) in [
        ("notes.isolation", &m.notes.isolation),
        ("notes.leakage", &m.notes.leakage),
        ("notes.comfort", &m.notes.comfort),
    ] {
        if let Some(v) = value {
            text(field, v, NOTE)?;
        }
    }
    if m.sources.len() > 20 {
        return Err(Problem::new(
            "sources",
            format!("{} sources, more than the 20 allowed", m.sources.len()),
        ));
    }
    for (i, s) in m.sources.iter().enumerate() {
        let here = index("sources", i);
        one_line(&join(&here, "title"), &s.title, 200)?;
        one_line(&join(&here, "url"), &s.url, 2_000)?;
        // The UI may turn it into a link: no `javascript:` or other schemes.
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return Err(Problem::new(
                join(&here, "url"),
                "must start with https:// or http://",
            ));
        }
    }
    if m.figure_notes.len() > 30 {
        return Err(Problem::new("figure_notes", "more than 30 notes"));
    }
    for (key, note) in &m.figure_notes {
        one_line("figure_notes", key, 40)?;
        text(&key_path("figure_notes", key), note, NOTE)?;
    }
    Ok(())
}

/// The advisor profile as saved, `p` being the typed one or the JSON value in a file: at most
/// [`MAX_PROFILE_BYTES`] as compact JSON. Counted without building the bytes.
pub(crate) fn profile_size(p: &impl Serialize) -> Checked {
    let mut count = Count(0);
    let size = match serde_json::to_writer(&mut count, p) {
        Ok(()) => count.0,
        Err(_) => usize::MAX,
    };
    if size > MAX_PROFILE_BYTES {
        return Err(Problem::new(
            "",
            format!("{size} bytes, more than the {MAX_PROFILE_BYTES} allowed"),
        ));
    }
    Ok(())
}

/// The advisor profile a document holds: valid for the advisor ([`Profile::validate`], whose
/// message names the field) and within [`MAX_PROFILE_BYTES`].
pub(crate) fn profile(p: &Profile) -> Checked {
    p.validate().map_err(|e| Problem::new("", e.message()))?;
    profile_size(p)
}

/// Counts bytes without storing them.
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `to_bytes(doc).len()`, without building the bytes.
pub(crate) fn saved_len(doc: &Document) -> usize {
    let mut count = Count(0);
    serde_json::to_writer_pretty(&mut count, doc)
        .expect("a journal document serializes: every map in it has string keys");
    count.0 + 1
}

/// The journal as saved fits in [`MAX_BYTES`], so it loads again. (Counts bound the number of
/// items; this bounds their text, which the counts alone allow to reach hundreds of MiB.)
pub(crate) fn size(doc: &Document) -> Checked {
    let len = saved_len(doc);
    if len > MAX_BYTES {
        Err(Problem::new(
            "",
            format!(
                "the journal would take {} once saved, more than the {} it may have; \
                 delete sessions or shorten notes first",
                mib(len),
                mib(MAX_BYTES)
            ),
        ))
    } else {
        Ok(())
    }
}

/// A size for people: `8 MiB`, `14.1 MiB`.
pub(crate) fn mib(bytes: usize) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if bytes.is_multiple_of(1024 * 1024) {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

pub(crate) fn cap(field: &str, len: usize, max: usize, what: &str) -> Checked {
    if len > max {
        Err(Problem::new(
            field,
            format!("{len} {what}, more than the {max} allowed"),
        ))
    } else {
        Ok(())
    }
}

/// The message for a reference to nothing.
pub(crate) fn dangling(id: &str) -> String {
    format!(
        "{} is neither in the catalog nor one of your own models",
        quote(id)
    )
}

/// Every invariant of a document. Problems are reported in this order: version and caps, then
/// the shortlist, the sessions, the own models, the comparison set and the profile, each item
/// in turn.
pub(crate) fn document(doc: &Document, catalog: &Catalog) -> Checked {
    if doc.version != CURRENT_VERSION {
        return Err(Problem::new(
            "version",
            format!(
                "{} is not the current version {CURRENT_VERSION}",
                doc.version
            ),
        ));
    }
    if doc.next_session == 0 {
        return Err(Problem::new("next_session", "must be at least 1"));
    }
    cap("shortlist", doc.shortlist.len(), MAX_SHORTLIST, "entries")?;
    cap("sessions", doc.sessions.len(), MAX_SESSIONS, "sessions")?;
    cap("own_models", doc.own_models.len(), MAX_OWN_MODELS, "models")?;
    cap("compare", doc.compare.len(), MAX_COMPARE, "models")?;

    let own: HashSet<&str> = doc.own_models.iter().map(|m| m.id.as_str()).collect();
    let known = |id: &str| own.contains(id) || catalog.get(id).is_some();

    let mut seen = HashMap::with_capacity(doc.shortlist.len());
    for (i, e) in doc.shortlist.iter().enumerate() {
        let here = index("shortlist", i);
        entry(e).map_err(|p| p.within(&here))?;
        if let Some(first) = seen.insert(e.model_id.as_str(), i) {
            return Err(Problem::new(
                join(&here, "model_id"),
                format!(
                    "{} is on the shortlist twice (first at shortlist[{first}])",
                    quote(&e.model_id)
                ),
            ));
        }
        if !known(&e.model_id) {
            return Err(Problem::new(join(&here, "model_id"), dangling(&e.model_id)));
        }
    }

    let mut seen = HashMap::with_capacity(doc.sessions.len());
    for (i, s) in doc.sessions.iter().enumerate() {
        let here = index("sessions", i);
        session(s).map_err(|p| p.within(&here))?;
        if let Some(first) = seen.insert(s.id.as_str(), i) {
            return Err(Problem::new(
                join(&here, "id"),
                format!("{} is also the id of sessions[{first}]", quote(&s.id)),
            ));
        }
        if !known(&s.model_id) {
            return Err(Problem::new(join(&here, "model_id"), dangling(&s.model_id)));
        }
    }

    let mut seen = HashMap::with_capacity(doc.own_models.len());
    for (i, m) in doc.own_models.iter().enumerate() {
        let here = index("own_models", i);
        own_model(m).map_err(|p| p.within(&here))?;
        if let Some(first) = seen.insert(m.id.as_str(), i) {
            return Err(Problem::new(
                join(&here, "id"),
                format!("{} is also the id of own_models[{first}]", quote(&m.id)),
            ));
        }
        if catalog.get(&m.id).is_some() {
            return Err(Problem::new(
                join(&here, "id"),
                format!("{} is the id of a catalog model", quote(&m.id)),
            ));
        }
    }

    cap("figures", doc.figures.len(), super::MAX_FIGURES, "models")?;
    for (id, f) in &doc.figures {
        let here = key_path("figures", id);
        let model = catalog.get(id).ok_or_else(|| {
            Problem::new(
                here.clone(),
                format!("{} is not a catalog model", quote(id)),
            )
        })?;
        super::figures::check(f, model).map_err(|p| p.within(&here))?;
    }
    cap("curves", doc.curves.len(), super::MAX_CURVES, "curves")?;
    for (id, c) in &doc.curves {
        let here = key_path("curves", id);
        if !known(id) {
            return Err(Problem::new(here, dangling(id)));
        }
        super::curves::check(c).map_err(|p| p.within(&here))?;
    }

    compare(&doc.compare, known)?;

    if let Some(p) = &doc.profile {
        profile(p).map_err(|p| p.within("profile"))?;
    }
    Ok(())
}

/// The comparison set: distinct, known models (the cap is checked by the caller).
pub(crate) fn compare(ids: &[String], known: impl Fn(&str) -> bool) -> Checked {
    for (i, id) in ids.iter().enumerate() {
        let here = index("compare", i);
        if ids[..i].contains(id) {
            return Err(Problem::new(here, format!("{} is listed twice", quote(id))));
        }
        if !known(id) {
            return Err(Problem::new(here, dangling(id)));
        }
    }
    Ok(())
}

/// Lower-case ASCII letters and digits of `text`, runs of anything else made one hyphen, at most
/// `max` bytes (`"Beyerdynamic DT 770 Pro"` → `beyerdynamic-dt-770-pro`). May be empty.
pub(crate) fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                if out.len() + 2 > max {
                    break;
                }
                out.push('-');
            }
            if out.len() + 1 > max {
                break;
            }
            out.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
    }
    out
}

/// Appends `, ` and then `item` unless `out` is empty.
pub(crate) fn push_list(out: &mut String, item: impl std::fmt::Display) {
    if !out.is_empty() {
        out.push_str(", ");
    }
    out.push_str(&item.to_string());
}

#[cfg(test)]
mod tests;
