//! Tests of the operations on a document: shortlist, sessions, own models, compare, profile.

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
