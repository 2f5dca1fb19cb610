//! Importing a journal into the current one.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::check::{self, Problem};
use super::ops::{fresh_session_id, own_model_ids};
use super::{
    Document, Ratings, Session, Sound, Verdict, MAX_OWN_MODELS, MAX_SESSIONS, MAX_SHORTLIST,
};
use crate::error::Result;
use crate::model::Model;

/// What an import does with the current journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMode {
    /// Keep everything and add what the import has that the journal lacks.
    Merge,
    /// Drop the current journal; the import becomes the journal.
    Replace,
}

/// The journal after importing `incoming` (read and checked by [`super::from_bytes`]) into
/// `current`. A pure function: the caller stores the result, or keeps `current` on error, so an
/// import applies whole or not at all.
///
/// `Replace` returns `incoming` as it is. `Merge` keeps all of `current` and adds, in the
/// incoming order:
/// - own models, except those identical (ids aside) to one the journal has, which are taken to
///   be that model; one whose id the journal uses for a *different* model gets a fresh `user-…`
///   id. Everything in the import that refers to a model follows it to its id in the result;
/// - shortlist entries for models not on the shortlist yet, at the end (an entry for a model
///   already there is dropped: the current status and reason win);
/// - sessions, except those identical (ids aside) to one the journal has; one whose id the
///   journal uses for a *different* session gets a fresh `s-<n>` id, so nothing is lost, even a
///   session edited differently on two machines;
/// - the comparison set and the profile only when the current journal has none.
///
/// So merging an import again, or a journal with its own export, changes nothing.
///
/// # Errors
/// `InvalidInput` when the merged journal would exceed a cap (2,000 shortlist entries, 20,000
/// sessions, 1,000 own models) or [`super::MAX_BYTES`] once saved.
pub fn import(current: &Document, incoming: Document, mode: ImportMode) -> Result<Document> {
    match mode {
        ImportMode::Replace => Ok(incoming),
        ImportMode::Merge => merge(current, incoming),
    }
}

/// Everything of a session but its id.
type Content<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<u16>,
    Ratings,
    Sound,
    &'a str,
    Option<Verdict>,
);

fn content(s: &Session) -> Content<'_> {
    (
        &s.model_id,
        &s.date,
        &s.place,
        s.minutes,
        s.ratings,
        s.sound,
        &s.notes,
        s.verdict,
    )
}

/// Whether two models are the same but for their ids.
fn same_model(a: &Model, b: &Model) -> bool {
    let mut probe = b.clone();
    probe.id.clone_from(&a.id);
    *a == probe
}

fn merge(current: &Document, incoming: Document) -> Result<Document> {
    let mut out = current.clone();

    // Own model ids in use on either side; fresh ids avoid all of them. (Catalog ids never start
    // with `user-`, and `from_bytes` refuses own models that use a catalog id.)
    let mut model_ids: HashSet<String> = current
        .own_models
        .iter()
        .chain(&incoming.own_models)
        .map(|m| m.id.clone())
        .collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for mut model in incoming.own_models {
        if let Some(same) = current.own_models.iter().find(|m| same_model(m, &model)) {
            if same.id != model.id {
                renamed.insert(model.id.clone(), same.id.clone());
            }
            continue;
        }
        if current.own_model(&model.id).is_some() {
            let (id, _) = own_model_ids(&model.clone().into(), |id| model_ids.contains(id));
            model_ids.insert(id.clone());
            renamed.insert(model.id.clone(), id.clone());
            model.id = id;
        }
        out.own_models.push(model);
    }
    let follow = |id: String| renamed.get(&id).cloned().unwrap_or(id);

    let mut listed: HashSet<String> = out.shortlist.iter().map(|e| e.model_id.clone()).collect();
    for mut entry in incoming.shortlist {
        entry.model_id = follow(entry.model_id);
        if listed.insert(entry.model_id.clone()) {
            out.shortlist.push(entry);
        }
    }

    let known: HashSet<Content<'_>> = current.sessions.iter().map(content).collect();
    let mut ids: HashSet<String> = current.sessions.iter().map(|s| s.id.clone()).collect();
    let mut next = out.next_session.max(incoming.next_session);
    for mut session in incoming.sessions {
        session.model_id = follow(session.model_id);
        if known.contains(&content(&session)) {
            continue;
        }
        if ids.contains(&session.id) {
            session.id = fresh_session_id(&mut next, |id| ids.contains(id))?;
        }
        ids.insert(session.id.clone());
        out.sessions.push(session);
    }
    out.next_session = next;

    // The user's figures and measurements: the current journal's win for a model both have.
    for (id, figures) in incoming.figures {
        out.figures.entry(id).or_insert(figures);
    }
    for (id, curve) in incoming.curves {
        out.curves.entry(follow(id)).or_insert(curve);
    }

    if out.compare.is_empty() {
        out.compare = incoming.compare.into_iter().map(follow).collect();
    }
    if out.profile.is_none() {
        out.profile = incoming.profile;
    }

    let caps = [
        ("shortlist", out.shortlist.len(), MAX_SHORTLIST, "entries"),
        ("sessions", out.sessions.len(), MAX_SESSIONS, "sessions"),
        ("own_models", out.own_models.len(), MAX_OWN_MODELS, "models"),
        ("figures", out.figures.len(), super::MAX_FIGURES, "models"),
        ("curves", out.curves.len(), super::MAX_CURVES, "curves"),
    ];
    for (field, len, max, what) in caps {
        check::cap(field, len, max, what).map_err(|p| {
            Problem::new(
                p.path,
                format!("the merged journal would have {}", p.reason),
            )
            .input()
        })?;
    }
    check::size(&out).map_err(Problem::input)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
