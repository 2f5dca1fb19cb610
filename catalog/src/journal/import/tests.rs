//! Tests of importing a journal: replace, merge with renamed clashes, unusable profiles, caps.

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
        serde_json::from_value(json!({ "brand": "Acme", "model": "X1", "back": "open" })).unwrap(),
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
