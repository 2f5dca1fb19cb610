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

    pub(super) fn entry_index(&self, model_id: &str) -> Result<usize> {
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
mod tests;
