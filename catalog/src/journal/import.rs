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
mod tests {
    use serde_json::json;

    use super::*;
    use crate::advisor::{Profile, Room};
    use crate::journal::testing::catalog;
    use crate::journal::{from_bytes, to_bytes, Entry, SessionInput, Status};
    use crate::ErrorKind;

    fn session(model_id: &str, date: &str, notes: &str) -> SessionInput {
        SessionInput {
            model_id: model_id.into(),
            date: date.into(),
            notes: notes.into(),
            ..SessionInput::default()
        }
    }

    fn noisy() -> Profile {
        Profile {
            room: Room::Noisy,
            hours: 6.0,
            ..Profile::default()
        }
    }

    /// Two journals written on two machines from the same start.
    fn two() -> (Document, Document) {
        let c = catalog();
        let mut a = Document::default();
        a.add_to_shortlist(&c, "sennheiser-hd-650", "2025-05-01")
            .unwrap();
        let own = a
            .add_own_model(
                &c,
                serde_json::from_value(json!({ "brand": "Acme", "model": "X1", "back": "closed" }))
                    .unwrap(),
            )
            .unwrap();
        a.add_session(&c, session("sennheiser-hd-650", "2025-05-02", "airy"))
            .unwrap();
        let mut b = a.clone();

        a.set_reason("sennheiser-hd-650", "mine").unwrap();
        a.add_session(&c, session(&own.id, "2025-05-03", "a's note"))
            .unwrap();

        b.set_reason("sennheiser-hd-650", "theirs").unwrap();
        b.update_own_model(
            &own.id,
            serde_json::from_value(json!({ "brand": "Acme", "model": "X1", "back": "open" }))
                .unwrap(),
        )
        .unwrap();
        b.add_session(&c, session(&own.id, "2025-05-04", "b's note"))
            .unwrap();
        b.add_to_shortlist(&c, &own.id, "2025-05-04").unwrap();
        b.add_to_shortlist(&c, "sony-mdr-7506", "2025-05-04")
            .unwrap();
        b.set_compare(&c, vec![own.id.clone()]).unwrap();
        b.set_profile(Some(noisy())).unwrap();
        (a, b)
    }

    #[test]
    fn replace_takes_the_import_as_it_is() {
        let (a, b) = two();
        assert_eq!(import(&a, b.clone(), ImportMode::Replace).unwrap(), b);
    }

    #[test]
    fn merging_a_journal_with_itself_changes_nothing() {
        let (a, b) = two();
        assert_eq!(import(&a, a.clone(), ImportMode::Merge).unwrap(), a);
        assert_eq!(
            import(&Document::default(), b.clone(), ImportMode::Merge).unwrap(),
            b
        );
        assert_eq!(
            import(&b, Document::default(), ImportMode::Merge).unwrap(),
            b
        );
    }

    #[test]
    fn merge_keeps_both_sides_and_renames_clashes() {
        let (a, b) = two();
        let m = import(&a, b, ImportMode::Merge).unwrap();

        // The own model was changed on b: b's version is kept under a fresh id.
        let ids: Vec<&str> = m.own_models.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["user-acme-x1-1", "user-acme-x1-2"]);
        assert_eq!(m.own_models[1].back, crate::Back::Open);

        // The shortlist: a's entries win, b's new ones follow, pointing at the renamed model.
        let entries: Vec<(&str, &str)> = m
            .shortlist
            .iter()
            .map(|e| (e.model_id.as_str(), e.reason.as_str()))
            .collect();
        assert_eq!(
            entries,
            [
                ("sennheiser-hd-650", "mine"),
                ("user-acme-x1-2", ""),
                ("sony-mdr-7506", "")
            ]
        );

        // Sessions: the shared one once, both s-2s (different sessions) kept, b's renamed.
        let sessions: Vec<(&str, &str, &str)> = m
            .sessions
            .iter()
            .map(|s| (s.id.as_str(), s.model_id.as_str(), s.notes.as_str()))
            .collect();
        assert_eq!(
            sessions,
            [
                ("s-1", "sennheiser-hd-650", "airy"),
                ("s-2", "user-acme-x1-1", "a's note"),
                ("s-3", "user-acme-x1-2", "b's note")
            ]
        );
        assert_eq!(m.next_session, 4);
        assert_eq!(m.compare, ["user-acme-x1-2"], "a had no comparison set");
        assert_eq!(m.profile, Some(noisy()), "a had no profile");

        // The result is a valid journal.
        assert_eq!(from_bytes(&to_bytes(&m), &catalog()).unwrap(), m);
    }

    #[test]
    fn merge_keeps_the_current_profile() {
        let (mut a, b) = two();
        a.set_profile(Some(Profile::default())).unwrap();
        let m = import(&a, b, ImportMode::Merge).unwrap();
        assert_eq!(m.profile, Some(Profile::default()));
    }

    #[test]
    fn an_import_with_an_unusable_profile_brings_the_rest_without_it() {
        let (a, b) = two();
        let mut file: serde_json::Value = serde_json::from_slice(&to_bytes(&b)).unwrap();
        file["profile"] = json!({ "room": "moon", "hours": 999 });
        let incoming = from_bytes(&serde_json::to_vec(&file).unwrap(), &catalog()).unwrap();
        assert_eq!(incoming.profile, None, "dropped");
        assert_eq!(
            incoming,
            Document {
                profile: None,
                ..b.clone()
            },
            "everything else is read"
        );
        let m = import(&a, incoming.clone(), ImportMode::Merge).unwrap();
        assert_eq!(m.profile, None, "neither side has one: the defaults apply");
        assert_eq!(m.sessions.len(), 3, "the import's new session arrives");
        let mut with_profile = a.clone();
        with_profile.set_profile(Some(noisy())).unwrap();
        let m = import(&with_profile, incoming, ImportMode::Merge).unwrap();
        assert_eq!(m.profile, Some(noisy()), "the current profile stays");
    }

    #[test]
    fn merge_refuses_to_exceed_a_cap_and_changes_nothing() {
        let (a, _) = two();
        let big = Document {
            shortlist: (0..MAX_SHORTLIST)
                .map(|i| Entry {
                    model_id: format!("m{i}"),
                    status: Status::ToTry,
                    reason: String::new(),
                    added: "2025-01-01".into(),
                })
                .collect(),
            ..Document::default()
        };
        let before = a.clone();
        let e = import(&a, big, ImportMode::Merge).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(
            e.message(),
            "shortlist: the merged journal would have 2001 entries, more than the 2000 allowed"
        );
        assert_eq!(a, before);
    }
}
