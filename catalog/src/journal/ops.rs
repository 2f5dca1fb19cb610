//! The operations on a [`Document`]. Each one checks everything first and changes the document
//! only when nothing can fail any more, so an error leaves the document exactly as it was.
//!
//! Errors: `InvalidInput` names the field of the input (`ratings.comfort: 7 is outside 1–5`);
//! `NotFound` names an unknown model, session or shortlist entry. Every operation that can make
//! the journal larger also refuses (`InvalidInput`) to grow it past
//! [`MAX_BYTES`](super::MAX_BYTES) as saved, so a journal that was saved always loads again.

use std::collections::BTreeMap;

use super::check::{self, quote, Problem};
use super::{
    Document, Entry, OwnModelInput, Session, SessionInput, Status, MAX_COMPARE, MAX_OWN_MODELS,
    MAX_REASON_CHARS, MAX_SESSIONS, MAX_SHORTLIST,
};
use crate::advisor::Profile;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Model, Origin};
use crate::Catalog;

impl Document {
    /// The model with this id, from the catalog or the user's own.
    pub fn model<'a>(&'a self, catalog: &'a Catalog, id: &str) -> Option<&'a Model> {
        catalog.get(id).or_else(|| self.own_model(id))
    }

    /// The user's own model with this id.
    pub fn own_model(&self, id: &str) -> Option<&Model> {
        self.own_models.iter().find(|m| m.id == id)
    }

    /// The shortlist entry for a model, with its position.
    pub fn entry(&self, model_id: &str) -> Option<(usize, &Entry)> {
        self.shortlist
            .iter()
            .enumerate()
            .find(|(_, e)| e.model_id == model_id)
    }

    /// The session with this id.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub(crate) fn require_model(&self, catalog: &Catalog, id: &str) -> Result<()> {
        match self.model(catalog, id) {
            Some(_) => Ok(()),
            None => Err(Error::not_found("model", id)),
        }
    }

    fn entry_index(&self, model_id: &str) -> Result<usize> {
        self.entry(model_id).map(|(i, _)| i).ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                format!("{} is not on the shortlist", quote(model_id)),
            )
        })
    }

    fn session_index(&self, id: &str) -> Result<usize> {
        self.sessions
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| Error::not_found("try-on session", id))
    }

    fn own_model_index(&self, id: &str) -> Result<usize> {
        self.own_models
            .iter()
            .position(|m| m.id == id)
            .ok_or_else(|| Error::not_found("own model", id))
    }

    /// Applies `change`, and undoes it with `undo` when the journal would no longer fit in
    /// [`MAX_BYTES`](super::MAX_BYTES) once saved: a journal that was saved must always load
    /// again. Counting costs a serialization, the same work as the save after every change.
    pub(crate) fn within_size<T>(
        &mut self,
        change: impl FnOnce(&mut Document) -> T,
        undo: impl FnOnce(&mut Document, T),
    ) -> Result<T> {
        let out = change(self);
        match check::size(self) {
            Ok(()) => Ok(out),
            Err(p) => {
                undo(self, out);
                Err(p.input())
            }
        }
    }

    /// Puts `value` under `model_id` in one of the document's maps keyed by model (`map` picks
    /// it; `name` is its field, for errors) and returns the value it replaced. A model not yet in
    /// the map is refused when it would make more than `max` entries (counted as `what`); the
    /// change is undone when the journal would outgrow its size limit ([`Document::within_size`]).
    pub(crate) fn put_for_model<T>(
        &mut self,
        map: fn(&mut Document) -> &mut BTreeMap<String, T>,
        (name, max, what): (&str, usize, &str),
        model_id: &str,
        value: T,
    ) -> Result<Option<T>> {
        let len = map(self).len();
        if !map(self).contains_key(model_id) {
            check::cap(name, len + 1, max, what).map_err(Problem::input)?;
        }
        let id = model_id.to_owned();
        self.within_size(
            |d| map(d).insert(id.clone(), value),
            |d, old| match old {
                Some(old) => drop(map(d).insert(id.clone(), old)),
                None => drop(map(d).remove(&id)),
            },
        )
    }

    // ---- the shortlist ----

    /// Puts a model at the end of the shortlist with the status `to-try`, no reason and `added`
    /// (`YYYY-MM-DD`) as its date, and returns its position.
    ///
    /// Adding a model that is already on the shortlist is not an error and changes nothing: its
    /// entry keeps its status, reason, date and position, and that position is returned. So a
    /// double click or a retried command is harmless.
    ///
    /// # Errors
    /// `InvalidInput` for a bad date or a full shortlist; `NotFound` for an unknown model.
    pub fn add_to_shortlist(
        &mut self,
        catalog: &Catalog,
        model_id: &str,
        added: &str,
    ) -> Result<usize> {
        check::date("added", added).map_err(Problem::input)?;
        self.require_model(catalog, model_id)?;
        if let Some((i, _)) = self.entry(model_id) {
            return Ok(i);
        }
        full("shortlist", self.shortlist.len(), MAX_SHORTLIST)?;
        let entry = Entry {
            model_id: model_id.to_owned(),
            status: Status::ToTry,
            reason: String::new(),
            added: added.to_owned(),
        };
        self.within_size(
            |d| {
                d.shortlist.push(entry);
                d.shortlist.len() - 1
            },
            |d, _| drop(d.shortlist.pop()),
        )
    }

    /// Sets an entry's status and returns the previous one (for undo).
    ///
    /// # Errors
    /// `NotFound` when the model is not on the shortlist.
    pub fn set_status(&mut self, model_id: &str, status: Status) -> Result<Status> {
        let i = self.entry_index(model_id)?;
        self.within_size(
            |d| std::mem::replace(&mut d.shortlist[i].status, status),
            |d, old| d.shortlist[i].status = old,
        )
    }

    /// Sets an entry's one-line reason (empty to clear it) and returns the previous one.
    ///
    /// # Errors
    /// `InvalidInput` for more than 200 characters or a line break; `NotFound` when the model is
    /// not on the shortlist.
    pub fn set_reason(&mut self, model_id: &str, reason: &str) -> Result<String> {
        check::one_line("reason", reason, MAX_REASON_CHARS).map_err(Problem::input)?;
        let i = self.entry_index(model_id)?;
        self.within_size(
            |d| std::mem::replace(&mut d.shortlist[i].reason, reason.to_owned()),
            |d, old| d.shortlist[i].reason = old,
        )
    }

    /// Takes a model off the shortlist and returns its position and entry, which
    /// [`Document::restore_entry`] puts back. Its sessions stay.
    ///
    /// # Errors
    /// `NotFound` when the model is not on the shortlist.
    pub fn remove_from_shortlist(&mut self, model_id: &str) -> Result<(usize, Entry)> {
        let i = self.entry_index(model_id)?;
        Ok((i, self.shortlist.remove(i)))
    }

    /// Puts a removed entry back at `index` (or at the end, when the shortlist has become
    /// shorter since) and returns the position it got.
    ///
    /// # Errors
    /// `InvalidInput` when the entry is invalid, its model is on the shortlist again, or the
    /// shortlist is full; `NotFound` when its model is gone.
    pub fn restore_entry(
        &mut self,
        catalog: &Catalog,
        entry: Entry,
        index: usize,
    ) -> Result<usize> {
        check::entry(&entry).map_err(Problem::input)?;
        self.require_model(catalog, &entry.model_id)?;
        if self.entry(&entry.model_id).is_some() {
            return Err(Error::invalid_input(
                "model_id",
                format!("{} is already on the shortlist", quote(&entry.model_id)),
            ));
        }
        full("shortlist", self.shortlist.len(), MAX_SHORTLIST)?;
        let index = index.min(self.shortlist.len());
        self.within_size(
            |d| d.shortlist.insert(index, entry),
            |d, ()| drop(d.shortlist.remove(index)),
        )?;
        Ok(index)
    }

    /// Moves an entry to `new_index` (the others shift) and returns its old position.
    ///
    /// # Errors
    /// `NotFound` when the model is not on the shortlist; `InvalidInput` when `new_index` is past
    /// the last entry.
    pub fn move_entry(&mut self, model_id: &str, new_index: usize) -> Result<usize> {
        let from = self.entry_index(model_id)?;
        if new_index >= self.shortlist.len() {
            return Err(Error::invalid_input(
                "new_index",
                format!(
                    "{new_index} is past the end of the shortlist ({} entries)",
                    self.shortlist.len()
                ),
            ));
        }
        let entry = self.shortlist.remove(from);
        self.shortlist.insert(new_index, entry);
        Ok(from)
    }

    // ---- try-on sessions ----

    /// Adds a try-on session and returns its new id, `s-<n>` from the document's counter
    /// ([`Document::next_session`]), which then moves on: ids are never handed out twice.
    /// The model need not be on the shortlist, and is not added to it.
    ///
    /// # Errors
    /// `InvalidInput` naming the field for out-of-range input, or when there are 20,000 sessions
    /// already; `NotFound` for an unknown model.
    pub fn add_session(&mut self, catalog: &Catalog, input: SessionInput) -> Result<String> {
        let mut next = self.next_session;
        let id = fresh_session_id(&mut next, |id| self.session(id).is_some())?;
        let session = input.into_session(id.clone());
        check::session(&session).map_err(Problem::input)?;
        self.require_model(catalog, &session.model_id)?;
        full("sessions", self.sessions.len(), MAX_SESSIONS)?;
        self.within_size(
            |d| {
                d.sessions.push(session);
                std::mem::replace(&mut d.next_session, next)
            },
            |d, previous| {
                d.sessions.pop();
                d.next_session = previous;
            },
        )?;
        Ok(id)
    }

    /// Replaces every field of a session but its id, and returns the session as it was (for
    /// undo: `update_session(catalog, id, previous.into())`).
    ///
    /// # Errors
    /// `InvalidInput` naming the field; `NotFound` for an unknown session or model.
    pub fn update_session(
        &mut self,
        catalog: &Catalog,
        id: &str,
        input: SessionInput,
    ) -> Result<Session> {
        let i = self.session_index(id)?;
        let session = input.into_session(id.to_owned());
        check::session(&session).map_err(Problem::input)?;
        self.require_model(catalog, &session.model_id)?;
        self.within_size(
            |d| std::mem::replace(&mut d.sessions[i], session),
            |d, old| d.sessions[i] = old,
        )
    }

    /// Deletes a session and returns its position and itself, which
    /// [`Document::restore_session`] puts back.
    ///
    /// # Errors
    /// `NotFound` for an unknown session.
    pub fn delete_session(&mut self, id: &str) -> Result<(usize, Session)> {
        let i = self.session_index(id)?;
        Ok((i, self.sessions.remove(i)))
    }

    /// Puts a deleted session back at `index` (or at the end) with its own id, and returns the
    /// position it got.
    ///
    /// # Errors
    /// `InvalidInput` when the session is invalid, its id is taken, or there are 20,000 sessions;
    /// `NotFound` when its model is gone.
    pub fn restore_session(
        &mut self,
        catalog: &Catalog,
        session: Session,
        index: usize,
    ) -> Result<usize> {
        check::session(&session).map_err(Problem::input)?;
        self.require_model(catalog, &session.model_id)?;
        if self.session(&session.id).is_some() {
            return Err(Error::invalid_input(
                "id",
                format!(
                    "{} is already the id of another session",
                    quote(&session.id)
                ),
            ));
        }
        full("sessions", self.sessions.len(), MAX_SESSIONS)?;
        let index = index.min(self.sessions.len());
        self.within_size(
            |d| d.sessions.insert(index, session),
            |d, ()| drop(d.sessions.remove(index)),
        )?;
        Ok(index)
    }

    // ---- own models ----

    /// Adds a model the catalog lacks and returns it. Its id is `user-<brand-model-variant>-<n>`
    /// with the smallest `n` free among the catalog and the own models, its family
    /// `user-<brand-model>`, its origin `user`.
    ///
    /// # Errors
    /// `InvalidInput` naming the field (the catalog's plausible ranges apply), or when there are
    /// 1,000 own models already.
    pub fn add_own_model(&mut self, catalog: &Catalog, input: OwnModelInput) -> Result<Model> {
        full("own_models", self.own_models.len(), MAX_OWN_MODELS)?;
        let (id, family) = own_model_ids(&input, |id| {
            catalog.get(id).is_some() || self.own_model(id).is_some()
        });
        let model = input.into_model(id, family);
        check::own_model(&model).map_err(Problem::input)?;
        self.within_size(
            |d| d.own_models.push(model.clone()),
            |d, ()| drop(d.own_models.pop()),
        )?;
        Ok(model)
    }

    /// Replaces an own model's fields, keeping its id (sessions and the shortlist refer to it),
    /// and returns it as it was (for undo: `update_own_model(id, previous.into())`).
    ///
    /// # Errors
    /// `InvalidInput` naming the field; `NotFound` for an unknown own model.
    pub fn update_own_model(&mut self, id: &str, input: OwnModelInput) -> Result<Model> {
        let i = self.own_model_index(id)?;
        let (_, family) = own_model_ids(&input, |_| false);
        let model = input.into_model(id.to_owned(), family);
        check::own_model(&model).map_err(Problem::input)?;
        self.within_size(
            |d| std::mem::replace(&mut d.own_models[i], model),
            |d, old| d.own_models[i] = old,
        )
    }

    /// Deletes an own model and returns its position and itself, which
    /// [`Document::restore_own_model`] puts back. It is dropped from the comparison set.
    ///
    /// Refused while try-on sessions or a shortlist entry refer to the model: those hold the
    /// user's own words, so they are never deleted along with it. The user deletes them first,
    /// each with its own undo.
    ///
    /// # Errors
    /// `NotFound` for an unknown own model; `InvalidInput` while something refers to it.
    pub fn delete_own_model(&mut self, id: &str) -> Result<(usize, Model)> {
        let i = self.own_model_index(id)?;
        let sessions = self.sessions.iter().filter(|s| s.model_id == id).count();
        if sessions > 0 {
            let what = if sessions == 1 { "session" } else { "sessions" };
            return Err(Error::invalid_input(
                "id",
                format!(
                    "{} has {sessions} try-on {what}; delete them first",
                    quote(id)
                ),
            ));
        }
        if self.entry(id).is_some() {
            return Err(Error::invalid_input(
                "id",
                format!(
                    "{} is on the shortlist; remove it from the shortlist first",
                    quote(id)
                ),
            ));
        }
        if self.curves.contains_key(id) {
            return Err(Error::invalid_input(
                "id",
                format!(
                    "{} has a measurement you imported; remove it first",
                    quote(id)
                ),
            ));
        }
        self.compare.retain(|c| c != id);
        Ok((i, self.own_models.remove(i)))
    }

    /// Puts a deleted own model back at `index` (or at the end) and returns the position it got.
    ///
    /// # Errors
    /// `InvalidInput` when the model is invalid, its id is taken, or there are 1,000 own models.
    pub fn restore_own_model(
        &mut self,
        catalog: &Catalog,
        model: Model,
        index: usize,
    ) -> Result<usize> {
        check::own_model(&model).map_err(Problem::input)?;
        if catalog.get(&model.id).is_some() || self.own_model(&model.id).is_some() {
            return Err(Error::invalid_input(
                "id",
                format!("{} is already the id of another model", quote(&model.id)),
            ));
        }
        full("own_models", self.own_models.len(), MAX_OWN_MODELS)?;
        let index = index.min(self.own_models.len());
        self.within_size(
            |d| d.own_models.insert(index, model),
            |d, ()| drop(d.own_models.remove(index)),
        )?;
        Ok(index)
    }

    // ---- comparison and profile ----

    /// Sets the comparison set (0 to 4 distinct models, in display order) and returns the
    /// previous one.
    ///
    /// # Errors
    /// `InvalidInput` for more than 4 models or one listed twice; `NotFound` for an unknown one.
    pub fn set_compare(&mut self, catalog: &Catalog, ids: Vec<String>) -> Result<Vec<String>> {
        check::cap("compare", ids.len(), MAX_COMPARE, "models").map_err(Problem::input)?;
        for id in &ids {
            self.require_model(catalog, id)?;
        }
        check::compare(&ids, |_| true).map_err(Problem::input)?;
        self.within_size(
            |d| std::mem::replace(&mut d.compare, ids),
            |d, old| d.compare = old,
        )
    }

    /// Adds a model at the end of the comparison set and returns whether it was added: a model
    /// already in it stays where it is (not an error, so a double click is harmless).
    ///
    /// # Errors
    /// `InvalidInput` naming `compare` when the set already holds four models; `NotFound` for
    /// an unknown model.
    pub fn add_to_compare(&mut self, catalog: &Catalog, id: &str) -> Result<bool> {
        self.require_model(catalog, id)?;
        if self.compare.iter().any(|c| c == id) {
            return Ok(false);
        }
        if self.compare.len() >= MAX_COMPARE {
            return Err(Error::invalid_input(
                "compare",
                format!("the comparison holds {MAX_COMPARE} models at most: remove one first"),
            ));
        }
        let id = id.to_owned();
        self.within_size(|d| d.compare.push(id), |d, ()| drop(d.compare.pop()))?;
        Ok(true)
    }

    /// Stores the advisor profile (`None` clears it) and returns the previous one.
    ///
    /// # Errors
    /// `InvalidInput` for a profile the advisor refuses, with [`Profile::validate`]'s message
    /// naming the field (`hours: 99 is outside 0.25–16 hours`), or one larger than
    /// [`MAX_PROFILE_BYTES`](super::MAX_PROFILE_BYTES) as JSON (thousands of tasks).
    pub fn set_profile(&mut self, profile: Option<Profile>) -> Result<Option<Profile>> {
        if let Some(p) = &profile {
            p.validate()?;
            check::profile_size(p).map_err(|p| p.within("profile").input())?;
        }
        self.within_size(
            |d| std::mem::replace(&mut d.profile, profile),
            |d, old| d.profile = old,
        )
    }
}

/// `InvalidInput` when a list already holds `max` items.
fn full(field: &str, len: usize, max: usize) -> Result<()> {
    if len >= max {
        Err(Error::invalid_input(
            field,
            format!("full: at most {max} are kept"),
        ))
    } else {
        Ok(())
    }
}

/// The first free id `s-<n>` from `*next` on; `*next` moves past it.
pub(crate) fn fresh_session_id(next: &mut u64, taken: impl Fn(&str) -> bool) -> Result<String> {
    loop {
        let id = format!("s-{next}");
        *next = next
            .checked_add(1)
            .ok_or_else(|| Error::invalid_input("next_session", "no session numbers left"))?;
        if !taken(&id) {
            return Ok(id);
        }
    }
}

/// `(id, family)` for an own model: `user-<slug of brand, model and variant>-<n>` with the
/// smallest free `n`, and `user-<slug of brand and model>`. Names without ASCII letters or digits
/// give `model` as the slug.
pub(crate) fn own_model_ids(
    input: &OwnModelInput,
    taken: impl Fn(&str) -> bool,
) -> (String, String) {
    let brand = input.brand.as_deref().unwrap_or("");
    let slug_or_model = |text: String| {
        let s = check::slug(&text, 40);
        if s.is_empty() {
            "model".to_owned()
        } else {
            s
        }
    };
    let family = slug_or_model(format!("{brand} {}", input.model));
    let base = slug_or_model(format!(
        "{brand} {} {}",
        input.model,
        input.variant.as_deref().unwrap_or("")
    ));
    let id = (1u64..)
        .map(|n| format!("user-{base}-{n}"))
        .find(|id| !taken(id))
        .expect("finitely many ids are taken");
    (id, format!("user-{family}"))
}

impl OwnModelInput {
    pub(crate) fn into_model(self, id: String, family: String) -> Model {
        let mut model = Model {
            id,
            family,
            brand: self.brand.unwrap_or_default(),
            model: self.model,
            variant: self.variant,
            back: self.back,
            transducer: self.transducer,
            driver_mm: self.driver_mm,
            impedance_ohm: self.impedance_ohm,
            sensitivity: self.sensitivity,
            weight_g: self.weight_g,
            frequency_response: self.frequency_response,
            cable: self.cable,
            folds: self.folds,
            swivels: self.swivels,
            pads: self.pads,
            tier: self.tier,
            price: self.price,
            year: self.year,
            notes: self.notes,
            sources: self.sources,
            provenance: Default::default(),
            figure_notes: self.figure_notes,
            origin: Origin::User,
        };
        model.mark_figures_as_users();
        model
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::journal::testing::catalog;
    use crate::journal::{from_bytes, to_bytes, Ratings, Verdict};

    const HD650: &str = "sennheiser-hd-650";
    const MDR: &str = "sony-mdr-7506";

    /// Runs an operation that must fail, checks the document did not change, returns the error.
    fn refused<T: std::fmt::Debug>(
        doc: &mut Document,
        op: impl FnOnce(&mut Document) -> Result<T>,
    ) -> Error {
        let before = doc.clone();
        let e = op(doc).expect_err("the operation should fail");
        assert_eq!(*doc, before, "a failed operation changed the document: {e}");
        e
    }

    fn input(model_id: &str, date: &str) -> SessionInput {
        SessionInput {
            model_id: model_id.into(),
            date: date.into(),
            ..SessionInput::default()
        }
    }

    fn own(json: serde_json::Value) -> OwnModelInput {
        serde_json::from_value(json).unwrap()
    }

    /// The document still reads back equal: every operation keeps the loader's invariants.
    fn reloads(doc: &Document) {
        assert_eq!(from_bytes(&to_bytes(doc), &catalog()).unwrap(), *doc);
    }

    #[test]
    fn add_to_shortlist_appends_and_is_idempotent() {
        let c = catalog();
        let mut doc = Document::default();
        assert_eq!(doc.add_to_shortlist(&c, HD650, "2025-05-01").unwrap(), 0);
        assert_eq!(doc.add_to_shortlist(&c, MDR, "2025-05-02").unwrap(), 1);
        doc.set_reason(HD650, "mixing").unwrap();
        assert_eq!(
            doc.add_to_shortlist(&c, HD650, "2025-06-01").unwrap(),
            0,
            "already there"
        );
        let (_, e) = doc.entry(HD650).unwrap();
        assert_eq!(
            (e.status, e.reason.as_str(), e.added.as_str()),
            (Status::ToTry, "mixing", "2025-05-01")
        );
        assert_eq!(doc.shortlist.len(), 2);
        reloads(&doc);
    }

    #[test]
    fn add_to_shortlist_refusals() {
        let c = catalog();
        let mut doc = Document::default();
        let e = refused(&mut doc, |d| d.add_to_shortlist(&c, "nope", "2025-05-01"));
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::NotFound, "no model with id `nope`")
        );
        let e = refused(&mut doc, |d| d.add_to_shortlist(&c, HD650, "2025-02-30"));
        assert_eq!(
            (e.kind(), e.message()),
            (
                ErrorKind::InvalidInput,
                "added: `2025-02-30` is not a date (YYYY-MM-DD)"
            )
        );
        doc.shortlist = (0..MAX_SHORTLIST)
            .map(|i| Entry {
                model_id: format!("m{i}"),
                status: Status::ToTry,
                reason: String::new(),
                added: "2025-01-01".into(),
            })
            .collect();
        let e = refused(&mut doc, |d| d.add_to_shortlist(&c, HD650, "2025-05-01"));
        assert_eq!(e.message(), "shortlist: full: at most 2000 are kept");
    }

    #[test]
    fn status_and_reason_return_the_previous_value() {
        let c = catalog();
        let mut doc = Document::default();
        doc.add_to_shortlist(&c, HD650, "2025-05-01").unwrap();
        assert_eq!(
            doc.set_status(HD650, Status::Favourite).unwrap(),
            Status::ToTry
        );
        assert_eq!(
            doc.set_status(HD650, Status::RuledOut).unwrap(),
            Status::Favourite
        );
        assert_eq!(doc.set_reason(HD650, "too warm").unwrap(), "");
        assert_eq!(doc.set_reason(HD650, "").unwrap(), "too warm");
        reloads(&doc);

        let e = refused(&mut doc, |d| d.set_status(MDR, Status::Tried));
        assert_eq!(
            (e.kind(), e.message()),
            (
                ErrorKind::NotFound,
                "`sony-mdr-7506` is not on the shortlist"
            )
        );
        let e = refused(&mut doc, |d| d.set_reason(MDR, "x"));
        assert_eq!(e.kind(), ErrorKind::NotFound);
        let e = refused(&mut doc, |d| d.set_reason(HD650, "two\nlines"));
        assert_eq!(
            e.message(),
            "reason: must be a single line, without line breaks or control characters"
        );
        let e = refused(&mut doc, |d| d.set_reason(HD650, &"x".repeat(201)));
        assert_eq!(
            (e.kind(), e.message()),
            (
                ErrorKind::InvalidInput,
                "reason: 201 characters, more than the 200 allowed"
            )
        );
    }

    #[test]
    fn remove_and_restore_an_entry_in_place() {
        let c = catalog();
        let mut doc = Document::default();
        for id in [HD650, MDR, "audeze-lcd-2"] {
            doc.add_to_shortlist(&c, id, "2025-05-01").unwrap();
        }
        doc.set_reason(MDR, "cheap").unwrap();
        let before = doc.clone();
        let (i, entry) = doc.remove_from_shortlist(MDR).unwrap();
        assert_eq!(i, 1);
        assert_eq!(doc.shortlist.len(), 2);
        assert_eq!(doc.restore_entry(&c, entry.clone(), i).unwrap(), 1);
        assert_eq!(doc, before, "undo restores the exact order");

        let e = refused(&mut doc, |d| d.restore_entry(&c, entry.clone(), 0));
        assert_eq!(
            e.message(),
            "model_id: `sony-mdr-7506` is already on the shortlist"
        );
        let e = refused(&mut doc, |d| {
            d.remove_from_shortlist("beyerdynamic-dt-770-pro-80")
        });
        assert_eq!(e.kind(), ErrorKind::NotFound);

        doc.remove_from_shortlist(MDR).unwrap();
        doc.remove_from_shortlist(HD650).unwrap();
        assert_eq!(
            doc.restore_entry(&c, entry.clone(), 7).unwrap(),
            1,
            "clamped to the end"
        );
        let bad = Entry {
            reason: "a\nb".into(),
            ..entry.clone()
        };
        doc.remove_from_shortlist(MDR).unwrap();
        let e = refused(&mut doc, |d| d.restore_entry(&c, bad, 0));
        assert!(e.message().starts_with("reason: "), "{e}");
        let gone = Entry {
            model_id: "nope".into(),
            ..entry
        };
        assert_eq!(
            refused(&mut doc, |d| d.restore_entry(&c, gone, 0)).kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn move_entry_reorders() {
        let c = catalog();
        let mut doc = Document::default();
        for id in [HD650, MDR, "audeze-lcd-2"] {
            doc.add_to_shortlist(&c, id, "2025-05-01").unwrap();
        }
        let order = |d: &Document| {
            d.shortlist
                .iter()
                .map(|e| e.model_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(doc.move_entry("audeze-lcd-2", 0).unwrap(), 2);
        assert_eq!(order(&doc), ["audeze-lcd-2", HD650, MDR]);
        assert_eq!(doc.move_entry("audeze-lcd-2", 2).unwrap(), 0);
        assert_eq!(order(&doc), [HD650, MDR, "audeze-lcd-2"]);
        let e = refused(&mut doc, |d| d.move_entry(HD650, 3));
        assert_eq!(
            e.message(),
            "new_index: 3 is past the end of the shortlist (3 entries)"
        );
        assert_eq!(
            refused(&mut doc, |d| d.move_entry("nope", 0)).kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn sessions_get_fresh_ids_that_are_never_reused() {
        let c = catalog();
        let mut doc = Document::default();
        assert_eq!(
            doc.add_session(&c, input(HD650, "2025-05-01")).unwrap(),
            "s-1"
        );
        assert_eq!(
            doc.add_session(&c, input(HD650, "2025-05-02")).unwrap(),
            "s-2"
        );
        let (i, deleted) = doc.delete_session("s-2").unwrap();
        assert_eq!(
            doc.add_session(&c, input(MDR, "2025-05-03")).unwrap(),
            "s-3",
            "s-2 may still be restored"
        );
        assert_eq!(doc.restore_session(&c, deleted, i).unwrap(), 1);
        assert_eq!(
            doc.sessions
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["s-1", "s-2", "s-3"]
        );
        assert_eq!(doc.next_session, 4);
        // An imported id in the counter's way is skipped.
        doc.sessions[0].id = "s-4".into();
        assert_eq!(
            doc.add_session(&c, input(MDR, "2025-05-03")).unwrap(),
            "s-5"
        );
        reloads(&doc);
    }

    #[test]
    fn add_session_refusals_name_the_field() {
        let c = catalog();
        let mut doc = Document::default();
        let cases: Vec<(SessionInput, &str)> = vec![
            (
                SessionInput {
                    ratings: Ratings {
                        comfort: Some(7),
                        ..Ratings::default()
                    },
                    ..input(HD650, "2025-05-01")
                },
                "ratings.comfort: 7 is outside 1–5",
            ),
            (
                SessionInput {
                    ratings: Ratings {
                        glasses_fit: Some(0),
                        ..Ratings::default()
                    },
                    ..input(HD650, "2025-05-01")
                },
                "ratings.glasses_fit: 0 is outside 1–5",
            ),
            (
                SessionInput {
                    sound: crate::journal::Sound {
                        leakage: Some(6),
                        ..Default::default()
                    },
                    ..input(HD650, "2025-05-01")
                },
                "sound.leakage: 6 is outside 1–5",
            ),
            (
                SessionInput {
                    minutes: Some(0),
                    ..input(HD650, "2025-05-01")
                },
                "minutes: 0 is outside 1–600",
            ),
            (
                SessionInput {
                    minutes: Some(601),
                    ..input(HD650, "2025-05-01")
                },
                "minutes: 601 is outside 1–600",
            ),
            (
                SessionInput {
                    place: "x".repeat(121),
                    ..input(HD650, "2025-05-01")
                },
                "place: 121 characters, more than the 120 allowed",
            ),
            (
                SessionInput {
                    notes: "n".repeat(10_001),
                    ..input(HD650, "2025-05-01")
                },
                "notes: 10001 characters, more than the 10000 allowed",
            ),
            (
                input(HD650, "yesterday"),
                "date: `yesterday` is not a date (YYYY-MM-DD)",
            ),
        ];
        for (bad, message) in cases {
            let e = refused(&mut doc, |d| d.add_session(&c, bad));
            assert_eq!((e.kind(), e.message()), (ErrorKind::InvalidInput, message));
        }
        let e = refused(&mut doc, |d| d.add_session(&c, input("nope", "2025-05-01")));
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert_eq!(doc.next_session, 1, "a refused session uses no number");
        // Notes may hold 10,000 characters, line breaks included.
        let long = SessionInput {
            notes: "é\n".repeat(5_000),
            ..input(HD650, "2025-05-01")
        };
        doc.add_session(&c, long).unwrap();
        doc.sessions = vec![doc.sessions[0].clone(); MAX_SESSIONS];
        let e = refused(&mut doc, |d| d.add_session(&c, input(HD650, "2025-05-01")));
        assert_eq!(e.message(), "sessions: full: at most 20000 are kept");
    }

    #[test]
    fn update_session_returns_the_previous_version() {
        let c = catalog();
        let mut doc = Document::default();
        let id = doc.add_session(&c, input(HD650, "2025-05-01")).unwrap();
        let edited = SessionInput {
            notes: "warm".into(),
            verdict: Some(Verdict::Maybe),
            ..input(MDR, "2025-05-02")
        };
        let previous = doc.update_session(&c, &id, edited).unwrap();
        assert_eq!(previous.model_id, HD650);
        let now = doc.session(&id).unwrap();
        assert_eq!(
            (now.model_id.as_str(), now.notes.as_str(), now.verdict),
            (MDR, "warm", Some(Verdict::Maybe))
        );
        // Undo.
        doc.update_session(&c, &id, previous.clone().into())
            .unwrap();
        assert_eq!(doc.session(&id), Some(&previous));

        let e = refused(&mut doc, |d| {
            d.update_session(&c, "s-9", input(HD650, "2025-05-01"))
        });
        assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::NotFound, "no try-on session with id `s-9`")
        );
        let e = refused(&mut doc, |d| {
            d.update_session(
                &c,
                &id,
                SessionInput {
                    minutes: Some(900),
                    ..input(HD650, "2025-05-01")
                },
            )
        });
        assert_eq!(e.message(), "minutes: 900 is outside 1–600");
        assert_eq!(
            refused(&mut doc, |d| d.update_session(
                &c,
                &id,
                input("nope", "2025-05-01")
            ))
            .kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn delete_and_restore_sessions() {
        let c = catalog();
        let mut doc = Document::default();
        for day in 1..=3 {
            doc.add_session(&c, input(HD650, &format!("2025-05-0{day}")))
                .unwrap();
        }
        let before = doc.clone();
        let (i, s) = doc.delete_session("s-2").unwrap();
        assert_eq!((i, s.date.as_str()), (1, "2025-05-02"));
        doc.restore_session(&c, s.clone(), i).unwrap();
        assert_eq!(doc, before);
        let e = refused(&mut doc, |d| d.restore_session(&c, s.clone(), 0));
        assert_eq!(
            e.message(),
            "id: `s-2` is already the id of another session"
        );
        assert_eq!(
            refused(&mut doc, |d| d.delete_session("s-9")).kind(),
            ErrorKind::NotFound
        );
        let bad = Session {
            id: "S 2".into(),
            ..s.clone()
        };
        let e = refused(&mut doc, |d| d.restore_session(&c, bad, 0));
        assert!(e.message().starts_with("id: `S 2` is not an id"), "{e}");
        let orphan = Session {
            id: "s-9".into(),
            model_id: "nope".into(),
            ..s
        };
        assert_eq!(
            refused(&mut doc, |d| d.restore_session(&c, orphan, 0)).kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn own_models_get_user_ids_that_do_not_clash() {
        let c = catalog();
        let mut doc = Document::default();
        let a = doc
            .add_own_model(
                &c,
                own(json!({ "brand": "Acme", "model": "X1", "variant": "32 Ω", "back": "closed" })),
            )
            .unwrap();
        assert_eq!(
            (a.id.as_str(), a.family.as_str(), a.origin),
            ("user-acme-x1-32-1", "user-acme-x1", Origin::User)
        );
        let b = doc
            .add_own_model(
                &c,
                own(json!({ "brand": "Acme", "model": "X1", "variant": "32 Ω", "back": "open" })),
            )
            .unwrap();
        assert_eq!(b.id, "user-acme-x1-32-2");
        let d = doc
            .add_own_model(
                &c,
                own(json!({ "model": "ヘッドホン", "back": "open", "weight_g": 250 })),
            )
            .unwrap();
        assert_eq!(
            (d.id.as_str(), d.brand.as_str(), d.display_name().as_str()),
            ("user-model-1", "", "ヘッドホン")
        );
        // A catalog id is never taken, even one that looks like a user id.
        let mut models = c.models().to_vec();
        let mut clash = models[0].clone();
        clash.id = "user-sony-mdr-7506-1".into();
        models.push(clash);
        let c2 = Catalog::from_models(models);
        let m = doc
            .add_own_model(
                &c2,
                own(json!({ "brand": "Sony", "model": "MDR 7506", "back": "closed" })),
            )
            .unwrap();
        assert_eq!(m.id, "user-sony-mdr-7506-2");
        // Own models can be shortlisted, tried and compared like catalog ones.
        doc.add_to_shortlist(&c, &a.id, "2025-05-01").unwrap();
        doc.add_session(&c, input(&a.id, "2025-05-01")).unwrap();
        doc.set_compare(&c, vec![a.id.clone(), HD650.into()])
            .unwrap();
        doc.own_models.pop();
        reloads(&doc);
    }

    #[test]
    fn own_model_refusals_name_the_field() {
        let c = catalog();
        let mut doc = Document::default();
        for (fields, message) in [
            (
                json!({ "model": " ", "back": "open" }),
                "model: must not be empty",
            ),
            (
                json!({ "model": "X", "back": "open", "weight_g": 20 }),
                "weight_g: 20 g is outside the plausible range 50–1000 g",
            ),
            (
                json!({ "model": "X", "back": "open", "brand": "a\nb" }),
                "brand: must be a single line, without line breaks or control characters",
            ),
            (
                json!({ "model": "X", "back": "open", "sources": [{ "kind": "review", "title": "t", "url": "javascript:alert(1)" }] }),
                "sources[0].url: must start with https:// or http://",
            ),
            (
                json!({ "model": "X", "back": "open", "notes": { "comfort": "c".repeat(1001) } }),
                "notes.comfort: 1001 characters, more than the 1000 allowed",
            ),
        ] {
            let e = refused(&mut doc, |d| d.add_own_model(&c, own(fields)));
            assert_eq!((e.kind(), e.message()), (ErrorKind::InvalidInput, message));
        }
        let unknown = serde_json::from_value::<OwnModelInput>(
            json!({ "model": "X", "back": "open", "id": "user-x-1" }),
        );
        assert!(
            unknown
                .unwrap_err()
                .to_string()
                .contains("unknown field `id`"),
            "the UI cannot choose the id"
        );
        doc.own_models = vec![
            Document::default()
                .add_own_model(&c, own(json!({ "model": "X", "back": "open" })))
                .unwrap();
            MAX_OWN_MODELS
        ];
        let e = refused(&mut doc, |d| {
            d.add_own_model(&c, own(json!({ "model": "Y", "back": "open" })))
        });
        assert_eq!(e.message(), "own_models: full: at most 1000 are kept");
    }

    #[test]
    fn update_own_model_keeps_its_id() {
        let c = catalog();
        let mut doc = Document::default();
        let m = doc
            .add_own_model(
                &c,
                own(json!({ "brand": "Acme", "model": "X1", "back": "closed" })),
            )
            .unwrap();
        let previous = doc
            .update_own_model(
                &m.id,
                own(json!({ "brand": "Acme", "model": "X2", "back": "open", "weight_g": 300 })),
            )
            .unwrap();
        assert_eq!(previous, m);
        let now = doc.own_model(&m.id).unwrap();
        assert_eq!(
            (
                now.id.as_str(),
                now.family.as_str(),
                now.model.as_str(),
                now.weight_g
            ),
            ("user-acme-x1-1", "user-acme-x2", "X2", Some(300.0))
        );
        doc.update_own_model(&m.id, previous.clone().into())
            .unwrap();
        assert_eq!(doc.own_model(&m.id), Some(&previous), "undo");
        let e = refused(&mut doc, |d| {
            d.update_own_model(
                &m.id,
                own(json!({ "model": "X", "back": "open", "year": 1800 })),
            )
        });
        assert_eq!(e.message(), "year: 1800 is not a plausible launch year");
        assert_eq!(
            refused(&mut doc, |d| d.update_own_model(
                "user-nope-1",
                own(json!({ "model": "X", "back": "open" }))
            ))
            .kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn delete_own_model_is_refused_while_notes_refer_to_it() {
        let c = catalog();
        let mut doc = Document::default();
        let m = doc
            .add_own_model(
                &c,
                own(json!({ "brand": "Acme", "model": "X1", "back": "closed" })),
            )
            .unwrap();
        doc.add_to_shortlist(&c, &m.id, "2025-05-01").unwrap();
        doc.add_session(&c, input(&m.id, "2025-05-01")).unwrap();
        doc.add_session(&c, input(&m.id, "2025-05-02")).unwrap();
        doc.set_compare(&c, vec![HD650.into(), m.id.clone()])
            .unwrap();

        let e = refused(&mut doc, |d| d.delete_own_model(&m.id));
        assert_eq!(
            (e.kind(), e.message()),
            (
                ErrorKind::InvalidInput,
                "id: `user-acme-x1-1` has 2 try-on sessions; delete them first"
            )
        );
        doc.delete_session("s-1").unwrap();
        doc.delete_session("s-2").unwrap();
        let e = refused(&mut doc, |d| d.delete_own_model(&m.id));
        assert_eq!(
            e.message(),
            "id: `user-acme-x1-1` is on the shortlist; remove it from the shortlist first"
        );
        doc.remove_from_shortlist(&m.id).unwrap();

        let (i, deleted) = doc.delete_own_model(&m.id).unwrap();
        assert_eq!((i, &deleted), (0, &m));
        assert_eq!(doc.compare, [HD650], "dropped from the comparison set");
        reloads(&doc);
        assert_eq!(doc.restore_own_model(&c, deleted.clone(), i).unwrap(), 0);
        let e = refused(&mut doc, |d| d.restore_own_model(&c, deleted.clone(), 0));
        assert_eq!(
            e.message(),
            "id: `user-acme-x1-1` is already the id of another model"
        );
        let catalog_model = c.get(HD650).unwrap().clone();
        let e = refused(&mut doc, |d| d.restore_own_model(&c, catalog_model, 0));
        assert_eq!(e.message(), "origin: must be `user` for your own models");
        assert_eq!(
            refused(&mut doc, |d| d.delete_own_model("user-nope-1")).kind(),
            ErrorKind::NotFound
        );
    }

    #[test]
    fn set_compare_takes_up_to_four_distinct_known_models() {
        let c = catalog();
        let mut doc = Document::default();
        let four: Vec<String> = c.models().iter().map(|m| m.id.clone()).collect();
        assert_eq!(
            doc.set_compare(&c, four.clone()).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(doc.set_compare(&c, vec![]).unwrap(), four);
        let mut five = four.clone();
        five.push(HD650.into());
        let e = refused(&mut doc, |d| d.set_compare(&c, five));
        assert_eq!(e.message(), "compare: 5 models, more than the 4 allowed");
        let e = refused(&mut doc, |d| {
            d.set_compare(&c, vec![HD650.into(), MDR.into(), HD650.into()])
        });
        assert_eq!(
            (e.kind(), e.message()),
            (
                ErrorKind::InvalidInput,
                "compare[2]: `sennheiser-hd-650` is listed twice"
            )
        );
        let e = refused(&mut doc, |d| d.set_compare(&c, vec!["nope".into()]));
        assert_eq!(e.kind(), ErrorKind::NotFound);
    }

    #[test]
    fn add_to_compare_appends_once_and_stops_at_four() {
        let c = catalog();
        let mut doc = Document::default();
        assert!(doc.add_to_compare(&c, "sony-mdr-7506").unwrap());
        assert!(
            !doc.add_to_compare(&c, "sony-mdr-7506").unwrap(),
            "already there"
        );
        for id in [
            "sennheiser-hd-650",
            "audeze-lcd-2",
            "beyerdynamic-dt-770-pro-80",
        ] {
            assert!(doc.add_to_compare(&c, id).unwrap());
        }
        assert_eq!(doc.compare.len(), 4);
        let before = doc.clone();
        doc.compare.pop();
        doc.add_to_compare(&c, "beyerdynamic-dt-770-pro-80")
            .unwrap();
        assert_eq!(doc, before);
        let own = doc
            .add_own_model(&c, own(json!({ "model": "X1", "back": "open" })))
            .unwrap();
        let e = doc.add_to_compare(&c, &own.id).unwrap_err();
        assert_eq!(
            e.to_string(),
            "compare: the comparison holds 4 models at most: remove one first"
        );
        assert_eq!(doc.compare, before.compare, "a refused add changes nothing");
        let e = doc.add_to_compare(&c, "no-such-model").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
    }

    /// A profile unlike the defaults in every field.
    fn noisy_laptop() -> Profile {
        use crate::advisor::{Room, SourceChoice, Task};
        Profile {
            room: Room::Noisy,
            others_nearby: true,
            tasks: vec![Task::Tracking, Task::Commuting],
            source: SourceChoice {
                preset: "custom".into(),
                vrms: Some(0.75),
                output_ohm: Some(2.4),
            },
            budget: crate::Tier::Budget,
            hours: 5.5,
            has_monitors: false,
            glasses: true,
            runs_hot: true,
            target_db: 112.5,
            show_over_budget: true,
        }
    }

    #[test]
    fn set_profile_stores_a_valid_profile_and_returns_the_previous_one() {
        let mut doc = Document::default();
        let p = noisy_laptop();
        assert_eq!(doc.set_profile(Some(p.clone())).unwrap(), None);
        assert_eq!(doc.profile, Some(p.clone()));
        reloads(&doc);
        assert_eq!(
            doc.set_profile(Some(Profile::default())).unwrap(),
            Some(p.clone())
        );
        assert_eq!(doc.set_profile(None).unwrap(), Some(Profile::default()));
        assert_eq!(doc.profile, None);
        reloads(&doc);
    }

    #[test]
    fn set_profile_refuses_an_invalid_profile_naming_the_problem_and_changes_nothing() {
        let mut doc = Document::default();
        doc.set_profile(Some(noisy_laptop())).unwrap();
        let cases = [
            (
                Profile {
                    hours: 99.0,
                    ..noisy_laptop()
                },
                "hours: 99 is outside 0.25–16 hours",
            ),
            (
                Profile {
                    hours: f64::NAN,
                    ..noisy_laptop()
                },
                "hours: NaN is outside 0.25–16 hours",
            ),
            (
                Profile {
                    target_db: 200.0,
                    ..noisy_laptop()
                },
                "target_db: 200 is outside 90–125 dB",
            ),
            (
                Profile {
                    source: crate::advisor::SourceChoice {
                        preset: "toaster".into(),
                        ..Default::default()
                    },
                    ..noisy_laptop()
                },
                "source.preset: `toaster` is not one of phone, laptop, mac, interface, amp, custom",
            ),
            (
                Profile {
                    source: crate::advisor::SourceChoice {
                        preset: "custom".into(),
                        vrms: None,
                        output_ohm: Some(1.0),
                    },
                    ..noisy_laptop()
                },
                "source.vrms: a custom source needs it",
            ),
        ];
        for (bad, message) in cases {
            let e = refused(&mut doc, |d| d.set_profile(Some(bad)));
            assert_eq!((e.kind(), e.message()), (ErrorKind::InvalidInput, message));
        }
        // Valid, but thousands of tasks: larger than a journal keeps.
        let e = refused(&mut doc, |d| {
            d.set_profile(Some(Profile {
                tasks: vec![crate::advisor::Task::Casual; 2_000],
                ..noisy_laptop()
            }))
        });
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(
            e.message().starts_with("profile: ")
                && e.message().ends_with(" bytes, more than the 16384 allowed"),
            "{e}"
        );
        assert_eq!(doc.profile, Some(noisy_laptop()));
    }
}
