//! The journal as a whole: fixture files (migrations, corrupt files, exports), every rejection of
//! the loader with its path, and property tests.
//!
//! Expected outputs live in `catalog/tests/fixtures/journal/`. After a deliberate change, rewrite
//! them with `HEADROOM_BLESS=1 cargo test -p headroom-domain journal` and review the diff.

use std::path::PathBuf;

use proptest::prelude::*;
use serde_json::{json, Value};

use super::testing::{catalog, error_of};
use super::*;
use crate::advisor::{Profile, Room, SourceChoice, Task};
use crate::ErrorKind;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/journal")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Compares `actual` with a fixture file, or rewrites the file when `HEADROOM_BLESS` is set.
fn matches_fixture(name: &str, actual: &[u8]) {
    if std::env::var_os("HEADROOM_BLESS").is_some() {
        std::fs::write(fixture_path(name), actual).unwrap();
        return;
    }
    let expected = fixture(name);
    assert!(
        expected == actual,
        "{name} differs; actual output:\n{}",
        String::from_utf8_lossy(actual)
    );
}

// ---- migrations ----

// `v0.json` and `v1.json` hold one journal in each older shape; both upgrade to `v2.json`, the
// current shape, which reads back byte for byte.

#[test]
fn journal_v0_fixture_upgrades_to_the_v2_fixture() {
    let doc = from_bytes(&fixture("v0.json"), &catalog()).unwrap();
    matches_fixture("v2.json", &to_bytes(&doc));
}

#[test]
fn journal_v1_fixture_upgrades_to_the_v2_fixture() {
    let v1 = fixture("v1.json");
    assert!(
        v1.starts_with(b"{\n  \"version\": 1,"),
        "v1.json keeps the old shape"
    );
    let doc = from_bytes(&v1, &catalog()).unwrap();
    assert_eq!(to_bytes(&doc), fixture("v2.json"));
}

#[test]
fn journal_v2_fixture_reads_back_byte_for_byte() {
    let bytes = fixture("v2.json");
    let doc = from_bytes(&bytes, &catalog()).unwrap();
    assert_eq!(doc.version, CURRENT_VERSION);
    assert_eq!(to_bytes(&doc), bytes);
}

// ---- corrupt files ----

#[test]
fn journal_corrupt_fixtures_are_refused_with_the_reason() {
    let c = catalog();
    for (file, expected) in [
        ("empty.json", "the file is empty"),
        ("truncated.json", "not valid JSON: the file ends too early (is it truncated?)"),
        ("not-json.json", "not valid JSON: expected value at line 1 column 1"),
        ("array.json", "expected a JSON object with a version"),
        ("no-version.json", "version: missing: every Headroom journal has one"),
        ("newer-version.json", "version: 3: written by a newer Headroom"),
        ("wrong-shape.json", "sessions: expected an array, found an object"),
        ("duplicate-key.json", "version: the key appears twice in one object at line 1"),
        ("too-deep.json", "profile.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: nested deeper than 64 levels"),
        ("out-of-range.json", "sessions[3].ratings.comfort: 7 is outside 1–5"),
        ("duplicate-ids.json", "sessions[1].id: `s-1` is also the id of sessions[0]"),
        ("dangling.json", "sessions[0].model_id: `user-gone-1` is neither in the catalog nor one of your own models"),
    ] {
        let e = error_of(&fixture(file), &c);
        assert!(e.starts_with(expected), "{file}: {e}");
    }
}

#[test]
fn journal_huge_and_deep_inputs_are_refused_at_once() {
    let c = catalog();
    // 50 MB: refused on its length, before any parsing.
    let huge = vec![b'['; 50 * 1024 * 1024];
    let e = error_of(&huge, &c);
    assert_eq!(
        e,
        "the file is 50 MiB, more than the 8 MiB a journal may have"
    );
    // 100,000 levels: refused when the parser reaches level 65, without deep recursion.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = error_of(deep.as_bytes(), &c);
    assert!(
        e.contains(": nested deeper than 64 levels at line 1 column 65"),
        "{e}"
    );
    let deep_objects = "{\"a\":".repeat(100_000);
    assert!(error_of(deep_objects.as_bytes(), &c).contains("nested deeper than 64 levels"));
    // Just under the size limit, and valid: read.
    let mut padded = br#"{"version": 1}"#.to_vec();
    padded.resize(MAX_BYTES, b' ');
    assert!(from_bytes(&padded, &c).is_ok());
}

/// A journal of sessions with long notes, as close to [`MAX_BYTES`] as whole sessions get.
fn nearly_full() -> Document {
    let session = |n: usize| Session {
        id: format!("t{n:05}"),
        model_id: "sony-mdr-7506".into(),
        date: "2025-05-01".into(),
        place: String::new(),
        minutes: None,
        ratings: Ratings::default(),
        sound: Sound::default(),
        notes: "x".repeat(9_000),
        verdict: None,
    };
    let mut doc = Document::default();
    doc.add_to_shortlist(&catalog(), "sony-mdr-7506", "2025-05-01")
        .unwrap();
    doc.sessions.push(session(0));
    let one = check::saved_len(&doc);
    doc.sessions.push(session(1));
    let each = check::saved_len(&doc) - one;
    let n = (MAX_BYTES - one) / each + 1;
    doc.sessions = (0..n).map(session).collect();
    let len = check::saved_len(&doc);
    assert!(len <= MAX_BYTES && MAX_BYTES - len < each, "{len}");
    doc
}

#[test]
fn journal_a_saved_journal_always_loads_again() {
    let c = catalog();
    let mut doc = nearly_full();
    let bytes = to_bytes(&doc);
    assert_eq!(check::saved_len(&doc), bytes.len());
    assert_eq!(
        from_bytes(&bytes, &c).unwrap(),
        doc,
        "at the limit: still read"
    );

    // Operations refuse to grow the journal past what the loader reads, and change nothing.
    let before = doc.clone();
    let long = SessionInput {
        model_id: "sony-mdr-7506".into(),
        date: "2025-05-02".into(),
        notes: "y".repeat(9_000),
        ..SessionInput::default()
    };
    let e = doc.add_session(&c, long.clone()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(
        e.message().starts_with(
            "the journal would take 8.0 MiB once saved, more than the 8 MiB it may have"
        ),
        "{e}"
    );
    assert_eq!(doc, before);
    let e = doc
        .update_session(
            &c,
            "t00000",
            SessionInput {
                notes: "é".repeat(10_000),
                ..long.clone()
            },
        )
        .unwrap_err();
    assert!(e.message().starts_with("the journal would take"), "{e}");
    assert_eq!(doc, before);

    // Shrinking is always possible, and makes room again.
    let (at, removed) = doc.delete_session("t00001").unwrap();
    let id = doc.add_session(&c, long.clone()).unwrap();
    assert!(doc.add_session(&c, long).is_err());
    doc.delete_session(&id).unwrap();
    doc.restore_session(&c, removed, at).unwrap();
    assert_eq!(doc.sessions, before.sessions);

    // Merging cannot overflow either.
    let mut other = Document::default();
    other
        .add_session(
            &c,
            SessionInput {
                model_id: "audeze-lcd-2".into(),
                date: "2025-05-03".into(),
                notes: "z".repeat(9_000),
                ..SessionInput::default()
            },
        )
        .unwrap();
    let e = import(&doc, other, ImportMode::Merge).unwrap_err();
    assert!(e.message().starts_with("the journal would take"), "{e}");

    // A compact file under the limit that would not fit once saved pretty-printed is refused.
    doc.sessions.push(Session {
        id: "extra".into(),
        ..doc.sessions[0].clone()
    });
    let compact = serde_json::to_vec(&doc).unwrap();
    assert!(compact.len() < MAX_BYTES);
    let e = error_of(&compact, &c);
    assert!(
        e.starts_with("the journal would take 8.0 MiB once saved"),
        "{e}"
    );
}

/// A valid journal with two of everything, as JSON to mutate.
fn base() -> Value {
    let c = catalog();
    let mut doc = Document::default();
    doc.add_to_shortlist(&c, "sony-mdr-7506", "2025-05-01")
        .unwrap();
    doc.add_to_shortlist(&c, "sennheiser-hd-650", "2025-05-01")
        .unwrap();
    for model in ["sony-mdr-7506", "audeze-lcd-2"] {
        let input = SessionInput {
            model_id: model.into(),
            date: "2025-05-02".into(),
            ratings: Ratings {
                comfort: Some(3),
                ..Ratings::default()
            },
            ..SessionInput::default()
        };
        doc.add_session(&c, input).unwrap();
    }
    for name in ["X1", "X2"] {
        let input: OwnModelInput =
            serde_json::from_value(json!({ "brand": "Acme", "model": name, "back": "open" }))
                .unwrap();
        doc.add_own_model(&c, input).unwrap();
    }
    doc.set_compare(&c, vec!["sony-mdr-7506".into(), "user-acme-x1-1".into()])
        .unwrap();
    doc.set_profile(Some(Profile {
        room: Room::Noisy,
        ..Profile::default()
    }))
    .unwrap();
    serde_json::from_slice(&to_bytes(&doc)).unwrap()
}

/// The loader's message for `base()` with the value at `pointer` replaced (`None`: removed).
fn rejection(pointer: &str, value: Option<Value>) -> String {
    let mut doc = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match (parent, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(key.into(), v);
        }
        (Value::Object(map), None) => {
            map.remove(key).unwrap();
        }
        (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v,
        _ => panic!("bad pointer {pointer}"),
    }
    error_of(&serde_json::to_vec(&doc).unwrap(), &catalog())
}

#[test]
fn journal_base_document_is_valid() {
    let bytes = serde_json::to_vec(&base()).unwrap();
    let doc = from_bytes(&bytes, &catalog()).unwrap();
    assert_eq!(
        (
            doc.shortlist.len(),
            doc.sessions.len(),
            doc.own_models.len()
        ),
        (2, 2, 2)
    );
}

#[test]
fn journal_a_profile_that_is_not_valid_is_dropped_and_the_rest_loads() {
    let c = catalog();
    let mut expected = from_bytes(&serde_json::to_vec(&base()).unwrap(), &c).unwrap();
    assert!(expected.profile.is_some());
    expected.profile = None;
    for bad in [
        json!({ "hours": 999 }),
        json!({ "room": "moon" }),
        json!({ "target_db": 200, "room": "noisy" }),
        json!({ "tasks": ["mixing", "hacking"] }),
        json!({ "budget": null }),
        json!({ "glasses": "yes" }),
        json!({ "source": { "preset": "toaster" } }),
        json!({ "source": { "preset": "custom", "vrms": 2 } }),
        json!([]),
        json!([1]),
        json!("quiet"),
        json!(7),
    ] {
        let mut file = base();
        file["profile"] = bad.clone();
        let doc = from_bytes(&serde_json::to_vec(&file).unwrap(), &c)
            .unwrap_or_else(|e| panic!("{bad}: {e}"));
        assert_eq!(doc, expected, "{bad}: no profile, everything else read");
        assert_eq!(
            from_bytes(&to_bytes(&doc), &c).unwrap(),
            doc,
            "{bad}: saved without it"
        );
    }
    // The same in an older version's file.
    let doc = from_bytes(br#"{"version": 1, "profile": {"hours": 999}}"#, &c).unwrap();
    assert_eq!(doc, Document::default());
}

#[test]
fn journal_a_saved_profile_reads_with_defaults_for_what_it_lacks() {
    let c = catalog();
    let mut file = base();
    // Unknown fields are ignored, missing ones take their defaults: a profile saved by an
    // older or newer Headroom still counts.
    file["profile"] = json!({ "room": "moderate", "tasks": ["djing"], "cup_colour": "red" });
    let doc = from_bytes(&serde_json::to_vec(&file).unwrap(), &c).unwrap();
    assert_eq!(
        doc.profile,
        Some(Profile {
            room: Room::Moderate,
            tasks: vec![Task::Djing],
            ..Profile::default()
        })
    );
    file["profile"] = json!({});
    let doc = from_bytes(&serde_json::to_vec(&file).unwrap(), &c).unwrap();
    assert_eq!(doc.profile, Some(Profile::default()));
    file["profile"] = Value::Null;
    let doc = from_bytes(&serde_json::to_vec(&file).unwrap(), &c).unwrap();
    assert_eq!(doc.profile, None);
}

#[test]
fn journal_a_profile_round_trips_through_save_and_load() {
    let c = catalog();
    let profile = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::CriticalListening, Task::Tracking],
        source: SourceChoice {
            preset: "custom".into(),
            vrms: Some(1.234_567_890_123),
            output_ohm: Some(0.1),
        },
        budget: crate::Tier::HighEnd,
        hours: 0.25,
        has_monitors: false,
        glasses: true,
        runs_hot: true,
        target_db: 117.3,
        show_over_budget: true,
    };
    let mut doc = Document::default();
    doc.set_profile(Some(profile.clone())).unwrap();
    let bytes = to_bytes(&doc);
    let loaded = from_bytes(&bytes, &c).unwrap();
    assert_eq!(loaded.profile, Some(profile.clone()));
    assert_eq!(loaded, doc);
    assert_eq!(to_bytes(&loaded), bytes, "stable bytes");
    // The on-disk shape: the profile object under "profile", as the advisor's type writes it.
    let file: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(file["profile"], serde_json::to_value(&profile).unwrap());
    assert_eq!(file["profile"]["room"], "noisy");
}

#[test]
fn journal_an_oversized_profile_is_refused_before_it_is_read() {
    // Any object reads as a `Profile` (unknown fields are ignored), so the size comes first.
    let pad = "x".repeat(MAX_PROFILE_BYTES);
    let e = rejection("/profile", Some(json!({ "room": "quiet", "notes": pad })));
    assert_eq!(
        e,
        format!(
            "profile: {} bytes, more than the 16384 allowed",
            MAX_PROFILE_BYTES + 27
        )
    );
    let e = rejection("/profile", Some(json!([pad])));
    assert!(e.starts_with("profile: "), "{e}");
}

#[test]
fn journal_every_rejection_names_its_path() {
    let n = |v: Value| Some(v);
    let cases: Vec<(&str, Option<Value>, String)> = vec![
        ("/bogus", n(json!(1)), "bogus: unknown field (expected version, shortlist, sessions, own_models, figures, curves, compare, profile, next_session)".into()),
        ("/shortlist", n(json!({})), "shortlist: expected an array, found an object".into()),
        ("/shortlist/0", n(json!("sony-mdr-7506")), "shortlist[0]: expected an object, found \"sony-mdr-7506\"".into()),
        ("/shortlist/0/status", n(json!("liked")), "shortlist[0].status: expected to-try, tried, favourite, bought or ruled-out, found \"liked\"".into()),
        ("/shortlist/0/status", None, "shortlist[0].status: missing (expected to-try, tried, favourite, bought or ruled-out)".into()),
        ("/shortlist/0/model_id", n(json!(5)), "shortlist[0].model_id: expected a string, found 5".into()),
        ("/shortlist/0/model_id", None, "shortlist[0].model_id: missing".into()),
        ("/shortlist/0/reason", n(json!("a\nb")), "shortlist[0].reason: must be a single line, without line breaks or control characters".into()),
        ("/shortlist/0/reason", n(json!("r".repeat(201))), "shortlist[0].reason: 201 characters, more than the 200 allowed".into()),
        ("/shortlist/0/reason", n(json!(null)), "shortlist[0].reason: expected a string, found null".into()),
        ("/shortlist/1/added", n(json!("2025-13-01")), "shortlist[1].added: `2025-13-01` is not a date (YYYY-MM-DD)".into()),
        ("/shortlist/1/extra", n(json!(1)), "shortlist[1].extra: unknown field (expected model_id, status, reason, added)".into()),
        ("/shortlist/1/model_id", n(json!("sony-mdr-7506")), "shortlist[1].model_id: `sony-mdr-7506` is on the shortlist twice (first at shortlist[0])".into()),
        ("/shortlist/1/model_id", n(json!("nope")), "shortlist[1].model_id: `nope` is neither in the catalog nor one of your own models".into()),
        ("/sessions/1/ratings/comfort", n(json!(7)), "sessions[1].ratings.comfort: 7 is outside 1–5".into()),
        ("/sessions/1/ratings/comfort", n(json!(0)), "sessions[1].ratings.comfort: 0 is outside 1–5".into()),
        ("/sessions/1/ratings/comfort", n(json!(-3)), "sessions[1].ratings.comfort: -3 is outside 1–5".into()),
        ("/sessions/1/ratings/comfort", n(json!(4.5)), "sessions[1].ratings.comfort: expected a whole number 1–5, found 4.5".into()),
        ("/sessions/1/ratings/comfort", n(json!("4")), "sessions[1].ratings.comfort: expected a whole number 1–5, found \"4\"".into()),
        ("/sessions/1/ratings/glasses_fit", n(json!(6)), "sessions[1].ratings.glasses_fit: 6 is outside 1–5".into()),
        ("/sessions/1/ratings/looks", n(json!(5)), "sessions[1].ratings.looks: unknown field (expected comfort, clamp, weight, heat, pads, glasses_fit)".into()),
        ("/sessions/1/ratings", n(json!([])), "sessions[1].ratings: expected an object, found an array".into()),
        ("/sessions/0/sound/leakage", n(json!(9)), "sessions[0].sound.leakage: 9 is outside 1–5".into()),
        ("/sessions/0/minutes", n(json!(601)), "sessions[0].minutes: 601 is outside 1–600".into()),
        ("/sessions/0/minutes", n(json!(u64::MAX)), "sessions[0].minutes: 18446744073709551615 is outside 1–600".into()),
        ("/sessions/0/place", n(json!("p".repeat(121))), "sessions[0].place: 121 characters, more than the 120 allowed".into()),
        ("/sessions/0/notes", n(json!("n".repeat(10_001))), "sessions[0].notes: 10001 characters, more than the 10000 allowed".into()),
        ("/sessions/0/verdict", n(json!("yes")), "sessions[0].verdict: expected keep, maybe or no, found \"yes\"".into()),
        ("/sessions/0/date", None, "sessions[0].date: missing".into()),
        ("/sessions/0/date", n(json!("2025-02-29")), "sessions[0].date: `2025-02-29` is not a date (YYYY-MM-DD)".into()),
        ("/sessions/0/id", n(json!("S 1")), "sessions[0].id: `S 1` is not an id: lower-case letters, digits and single hyphens, at most 64".into()),
        ("/sessions/1/id", n(json!("s-1")), "sessions[1].id: `s-1` is also the id of sessions[0]".into()),
        ("/sessions/1/model_id", n(json!("nope")), "sessions[1].model_id: `nope` is neither in the catalog nor one of your own models".into()),
        ("/own_models/1/weight_g", n(json!("heavy")), "own_models[1].weight_g: invalid type: string \"heavy\", expected f64".into()),
        ("/own_models/1/weight_g", n(json!(5000)), "own_models[1].weight_g: 5000 g is outside the plausible range 50–1000 g".into()),
        ("/own_models/1/back", n(json!("half")), "own_models[1].back: unknown variant `half`, expected one of `open`, `semi-open`, `closed`".into()),
        ("/own_models/1/origin", n(json!("catalog")), "own_models[1].origin: must be `user` for your own models".into()),
        ("/own_models/1/id", n(json!("acme-x2")), "own_models[1].id: `acme-x2` does not start with `user-`".into()),
        ("/own_models/1/id", n(json!("user-acme-x1-1")), "own_models[1].id: `user-acme-x1-1` is also the id of own_models[0]".into()),
        ("/own_models/1/model", None, "own_models[1]: missing field `model`".into()),
        ("/own_models/1/bogus", n(json!(1)), "own_models[1]: unknown field `bogus`".into()),
        ("/own_models/0/sources", n(json!([{ "kind": "review", "title": "t", "url": "javascript:x" }])), "own_models[0].sources[0].url: must start with https:// or http://".into()),
        ("/compare/1", n(json!("sony-mdr-7506")), "compare[1]: `sony-mdr-7506` is listed twice".into()),
        ("/compare/1", n(json!("nope")), "compare[1]: `nope` is neither in the catalog nor one of your own models".into()),
        ("/compare/1", n(json!(1)), "compare[1]: expected a model id, found 1".into()),
        ("/compare", n(json!(["a", "b", "c", "d", "e"])), "compare: 5 models, more than the 4 allowed".into()),
        ("/profile", n(json!({ "notes": "x".repeat(MAX_PROFILE_BYTES) })), format!("profile: {} bytes, more than the 16384 allowed", MAX_PROFILE_BYTES + 12)),
        ("/next_session", n(json!(0)), "next_session: expected a whole number of at least 1, found 0".into()),
        ("/version", n(json!(null)), "version: expected a whole number, found null".into()),
    ];
    for (pointer, value, expected) in cases {
        let e = rejection(pointer, value);
        assert!(
            e.starts_with(&expected),
            "{pointer}:\n  got      {e}\n  expected {expected}"
        );
    }
}

#[test]
fn journal_caps_are_enforced_on_load() {
    let c = catalog();
    let entries: Vec<Value> = (0..=MAX_SHORTLIST)
        .map(|i| json!({ "model_id": format!("m-{i}"), "status": "tried", "added": "2025-01-01" }))
        .collect();
    let e = error_of(
        &serde_json::to_vec(&json!({ "version": CURRENT_VERSION, "shortlist": entries })).unwrap(),
        &c,
    );
    assert_eq!(e, "shortlist: 2001 entries, more than the 2000 allowed");
    let sessions: Vec<Value> = (0..=MAX_SESSIONS)
        .map(|i| json!({ "id": format!("s-{i}") }))
        .collect();
    let e = error_of(
        &serde_json::to_vec(&json!({ "version": CURRENT_VERSION, "sessions": sessions })).unwrap(),
        &c,
    );
    assert_eq!(e, "sessions: 20001 sessions, more than the 20000 allowed");
    let models: Vec<Value> = (0..=MAX_OWN_MODELS).map(|_| json!({})).collect();
    let e = error_of(
        &serde_json::to_vec(&json!({ "version": CURRENT_VERSION, "own_models": models })).unwrap(),
        &c,
    );
    assert_eq!(e, "own_models: 1001 models, more than the 1000 allowed");
}

#[test]
fn journal_own_models_may_not_take_a_catalog_id() {
    let mut models = catalog().models().to_vec();
    let mut odd = models[0].clone();
    odd.id = "user-acme-x1-1".into();
    models.push(odd);
    let e = error_of(
        &serde_json::to_vec(&base()).unwrap(),
        &Catalog::from_models(models),
    );
    assert_eq!(
        e,
        "own_models[0].id: `user-acme-x1-1` is the id of a catalog model"
    );
}

#[test]
fn journal_serde_deserialize_agrees_with_the_loader() {
    let bytes = fixture("export-input.json");
    let loaded = from_bytes(&bytes, &catalog()).unwrap();
    let derived: Document = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(derived, loaded);
}

// ---- exports ----

#[test]
fn journal_exports_match_their_fixtures() {
    let c = catalog();
    let doc = from_bytes(&fixture("export-input.json"), &c).unwrap();
    matches_fixture("export.csv", export_csv(&doc, &c).as_bytes());
    matches_fixture("export.md", export_markdown(&doc, &c).as_bytes());
    // The JSON export is the document itself and reads back equal.
    assert_eq!(from_bytes(&to_bytes(&doc), &c).unwrap(), doc);
}

// ---- property tests ----

fn one_line(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[^\\p{{Cc}}\u{2028}\u{2029}]{{0,{max}}}")).unwrap()
}

fn free_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(?s:.){0,60}").unwrap()
}

fn date() -> impl Strategy<Value = String> {
    (1990u32..2040, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn score() -> impl Strategy<Value = Option<u8>> {
    proptest::option::of(1u8..=5)
}

fn ratings() -> impl Strategy<Value = Ratings> {
    [score(), score(), score(), score(), score(), score()].prop_map(
        |[comfort, clamp, weight, heat, pads, glasses_fit]| Ratings {
            comfort,
            clamp,
            weight,
            heat,
            pads,
            glasses_fit,
        },
    )
}

fn sound() -> impl Strategy<Value = Sound> {
    [score(), score(), score(), score(), score(), score()].prop_map(
        |[bass, mids, treble, soundstage, isolation, leakage]| Sound {
            bass,
            mids,
            treble,
            soundstage,
            isolation,
            leakage,
        },
    )
}

fn status() -> impl Strategy<Value = Status> {
    proptest::sample::select(Status::ALL.to_vec())
}

fn verdict() -> impl Strategy<Value = Option<Verdict>> {
    proptest::option::of(proptest::sample::select(Verdict::ALL.to_vec()))
}

/// Numbers a person types: whole, or with one decimal (they read back exactly).
fn figure(low: u32, high: u32) -> impl Strategy<Value = Option<f64>> {
    proptest::option::of((low * 10..=high * 10).prop_map(|n| f64::from(n) / 10.0))
}

fn own_input() -> impl Strategy<Value = OwnModelInput> {
    (
        proptest::option::of(one_line(20)),
        "[A-Za-z0-9][A-Za-z0-9 .-]{0,20}",
        proptest::option::of(one_line(10)),
        proptest::sample::select(crate::Back::ALL.to_vec()),
        figure(50, 1000),
        figure(8, 1000),
        proptest::option::of(1950u16..=2100),
        proptest::option::of(one_line(20)),
    )
        .prop_map(
            |(brand, model, variant, back, weight_g, impedance_ohm, year, pads)| {
                let mut input: OwnModelInput =
                    serde_json::from_value(json!({ "model": model, "back": back })).unwrap();
                input.brand = brand;
                input.variant = variant;
                input.weight_g = weight_g;
                input.impedance_ohm = impedance_ohm;
                input.year = year;
                input.pads = pads;
                input
            },
        )
}

/// Any JSON object, a few levels deep.
fn json_tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        one_line(12).prop_map(Value::from),
    ];
    let tree = leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z ]{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    proptest::collection::btree_map("[a-z_]{1,8}", tree, 0..5)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

/// A valid advisor profile.
fn profile() -> impl Strategy<Value = Profile> {
    let preset = proptest::sample::select(vec!["phone", "laptop", "mac", "interface", "amp"]);
    let source = prop_oneof![
        preset.prop_map(|p| SourceChoice {
            preset: p.into(),
            vrms: None,
            output_ohm: None,
        }),
        (0.001f64..=100.0, 0.0f64..=10_000.0).prop_map(|(vrms, ohm)| SourceChoice {
            preset: "custom".into(),
            vrms: Some(vrms),
            output_ohm: Some(ohm),
        }),
    ];
    (
        proptest::sample::select(Room::ALL.to_vec()),
        proptest::collection::vec(proptest::sample::select(Task::ALL.to_vec()), 0..4),
        source,
        proptest::sample::select(crate::Tier::ALL.to_vec()),
        0.25f64..=16.0,
        90.0f64..=125.0,
        any::<[bool; 5]>(),
    )
        .prop_map(
            |(room, tasks, source, budget, hours, target_db, flags)| Profile {
                room,
                others_nearby: flags[0],
                tasks,
                source,
                budget,
                hours,
                has_monitors: flags[1],
                glasses: flags[2],
                runs_hot: flags[3],
                target_db,
                show_over_budget: flags[4],
            },
        )
}

/// A profile that may be refused: out of range, with an unknown source, or too large.
fn loose_profile() -> impl Strategy<Value = Profile> {
    (
        profile(),
        -1.0f64..30.0,
        50.0f64..200.0,
        "[a-z]{0,8}",
        0usize..4,
    )
        .prop_map(|(p, hours, target_db, preset, pick)| match pick {
            0 => Profile { hours, ..p },
            1 => Profile { target_db, ..p },
            2 => Profile {
                source: SourceChoice {
                    preset,
                    ..p.source.clone()
                },
                ..p
            },
            _ => Profile {
                tasks: vec![Task::Casual; 2_000],
                ..p
            },
        })
}

/// A valid document: references, ids and caps are right by construction.
fn document() -> impl Strategy<Value = Document> {
    let entry = (any::<prop::sample::Index>(), status(), one_line(30), date());
    let session = (
        "[a-z0-9]{1,4}(-[a-z0-9]{1,3})?",
        any::<prop::sample::Index>(),
        date(),
        one_line(20),
        proptest::option::of(1u16..=600),
        ratings(),
        sound(),
        free_text(),
        verdict(),
    );
    (
        proptest::collection::vec(own_input(), 0..3),
        proptest::collection::vec(entry, 0..6),
        proptest::collection::vec(session, 0..8),
        proptest::collection::vec(any::<prop::sample::Index>(), 0..5),
        proptest::option::of(profile()),
        1u64..1_000_000,
    )
        .prop_map(|(own, entries, sessions, compare, profile, next_session)| {
            let c = catalog();
            let mut doc = Document {
                profile,
                next_session,
                ..Document::default()
            };
            for input in own {
                doc.add_own_model(&c, input).unwrap();
            }
            let known: Vec<String> = c
                .models()
                .iter()
                .map(|m| m.id.clone())
                .chain(doc.own_models.iter().map(|m| m.id.clone()))
                .collect();
            for (model, status, reason, added) in entries {
                let model_id = model.get(&known).clone();
                if doc.entry(&model_id).is_none() {
                    doc.shortlist.push(Entry {
                        model_id,
                        status,
                        reason,
                        added,
                    });
                }
            }
            for (id, model, date, place, minutes, ratings, sound, notes, verdict) in sessions {
                if doc.session(&id).is_none() {
                    let model_id = model.get(&known).clone();
                    doc.sessions.push(Session {
                        id,
                        model_id,
                        date,
                        place,
                        minutes,
                        ratings,
                        sound,
                        notes,
                        verdict,
                    });
                }
            }
            for pick in compare {
                let id = pick.get(&known).clone();
                if !doc.compare.contains(&id) {
                    doc.compare.push(id);
                }
            }
            doc
        })
}

/// An operation with arguments that may or may not make sense.
#[derive(Debug, Clone)]
enum Op {
    Shortlist(prop::sample::Index, String),
    Status(prop::sample::Index, Status),
    Reason(prop::sample::Index, String),
    Remove(prop::sample::Index),
    Move(prop::sample::Index, usize),
    AddSession(prop::sample::Index, String, Ratings, Option<u16>, String),
    UpdateSession(prop::sample::Index, prop::sample::Index, Ratings),
    DeleteSession(prop::sample::Index),
    AddOwn(Box<OwnModelInput>),
    DeleteOwn(prop::sample::Index),
    Compare(Vec<prop::sample::Index>),
    Profile(Option<Profile>),
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    let any_rating = || proptest::option::of(0u8..=6);
    let loose_ratings = [
        any_rating(),
        any_rating(),
        any_rating(),
        any_rating(),
        any_rating(),
        any_rating(),
    ]
    .prop_map(
        |[comfort, clamp, weight, heat, pads, glasses_fit]| Ratings {
            comfort,
            clamp,
            weight,
            heat,
            pads,
            glasses_fit,
        },
    );
    let loose_date = prop_oneof![date(), "[0-9-]{0,11}"];
    let index = any::<prop::sample::Index>;
    prop_oneof![
        (index(), loose_date.clone()).prop_map(|(i, d)| Op::Shortlist(i, d)),
        (index(), status()).prop_map(|(i, s)| Op::Status(i, s)),
        (index(), prop_oneof![one_line(205), free_text()]).prop_map(|(i, r)| Op::Reason(i, r)),
        index().prop_map(Op::Remove),
        (index(), 0usize..8).prop_map(|(i, to)| Op::Move(i, to)),
        (
            index(),
            loose_date,
            prop_oneof![ratings(), loose_ratings.clone()],
            proptest::option::of(0u16..=700),
            free_text()
        )
            .prop_map(|(i, d, r, m, n)| Op::AddSession(i, d, r, m, n)),
        (index(), index(), loose_ratings).prop_map(|(s, m, r)| Op::UpdateSession(s, m, r)),
        index().prop_map(Op::DeleteSession),
        own_input().prop_map(|m| Op::AddOwn(Box::new(m))),
        index().prop_map(Op::DeleteOwn),
        proptest::collection::vec(index(), 0..6).prop_map(Op::Compare),
        proptest::option::of(prop_oneof![profile(), loose_profile()]).prop_map(Op::Profile),
        Just(Op::Undo),
    ]
}

/// Something an undo puts back.
enum Removed {
    Entry(usize, Entry),
    Session(usize, Box<Session>),
    Own(usize, Box<Model>),
}

/// Applies `op`; model indices range over the catalog, the own models and one unknown id.
fn apply(doc: &mut Document, op: Op, undo: &mut Vec<Removed>) -> Result<()> {
    let c = catalog();
    let mut models: Vec<String> = c
        .models()
        .iter()
        .map(|m| m.id.clone())
        .chain(doc.own_models.iter().map(|m| m.id.clone()))
        .collect();
    models.push("nobody-knows-me".into());
    let model = |i: prop::sample::Index| i.get(&models).clone();
    let session_id = |doc: &Document, i: prop::sample::Index| {
        if doc.sessions.is_empty() {
            "s-0".to_owned()
        } else {
            i.get(&doc.sessions).id.clone()
        }
    };
    match op {
        Op::Shortlist(i, date) => doc.add_to_shortlist(&c, &model(i), &date).map(drop),
        Op::Status(i, s) => doc.set_status(&model(i), s).map(drop),
        Op::Reason(i, r) => doc.set_reason(&model(i), &r).map(drop),
        Op::Remove(i) => doc
            .remove_from_shortlist(&model(i))
            .map(|(at, e)| undo.push(Removed::Entry(at, e))),
        Op::Move(i, to) => doc.move_entry(&model(i), to).map(drop),
        Op::AddSession(i, date, ratings, minutes, notes) => {
            let input = SessionInput {
                model_id: model(i),
                date,
                ratings,
                minutes,
                notes,
                ..SessionInput::default()
            };
            doc.add_session(&c, input).map(drop)
        }
        Op::UpdateSession(s, m, ratings) => {
            let id = session_id(doc, s);
            let input = SessionInput {
                model_id: model(m),
                date: "2025-01-01".into(),
                ratings,
                ..SessionInput::default()
            };
            doc.update_session(&c, &id, input).map(drop)
        }
        Op::DeleteSession(s) => {
            let id = session_id(doc, s);
            doc.delete_session(&id)
                .map(|(at, s)| undo.push(Removed::Session(at, Box::new(s))))
        }
        Op::AddOwn(input) => doc.add_own_model(&c, *input).map(drop),
        Op::DeleteOwn(i) => doc
            .delete_own_model(&model(i))
            .map(|(at, m)| undo.push(Removed::Own(at, Box::new(m)))),
        Op::Compare(picks) => doc
            .set_compare(&c, picks.into_iter().map(model).collect())
            .map(drop),
        Op::Profile(p) => doc.set_profile(p).map(drop),
        Op::Undo => match undo.pop() {
            None => Ok(()),
            Some(Removed::Entry(at, e)) => doc.restore_entry(&c, e, at).map(drop),
            Some(Removed::Session(at, s)) => doc.restore_session(&c, *s, at).map(drop),
            Some(Removed::Own(at, m)) => doc.restore_own_model(&c, *m, at).map(drop),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn journal_any_bytes_are_read_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Err(e) = from_bytes(&bytes, &catalog()) {
            prop_assert_eq!(e.kind(), ErrorKind::InvalidData);
        }
    }

    #[test]
    fn journal_any_json_is_read_or_refused_without_panic(value in json_tree(), version in 0u32..3, key in "[a-z_]{1,12}") {
        let c = catalog();
        let mut doc = json!({ "version": version });
        doc[key.as_str()] = value.clone();
        let _ = from_bytes(&serde_json::to_vec(&doc).unwrap(), &c);
        // As a saved profile (always under 16 KiB here): read, kept only when it is valid.
        for v in [1, CURRENT_VERSION] {
            let doc = json!({ "version": v, "profile": value.clone() });
            let loaded = from_bytes(&serde_json::to_vec(&doc).unwrap(), &c).unwrap();
            prop_assert!(loaded.profile.as_ref().is_none_or(|p| p.validate().is_ok()));
            prop_assert_eq!(&from_bytes(&to_bytes(&loaded), &c).unwrap(), &loaded);
        }
        // The same value in every place a field can be.
        for field in ["shortlist", "sessions", "own_models", "compare", "favourites", "tryons"] {
            let doc = json!({ "version": version, field: [value.clone(), { "id": value.clone(), "model": value.clone() }] });
            let _ = from_bytes(&serde_json::to_vec(&doc).unwrap(), &c);
        }
    }

    #[test]
    fn journal_documents_round_trip(doc in document()) {
        let bytes = to_bytes(&doc);
        prop_assert_eq!(check::saved_len(&doc), bytes.len());
        prop_assert_eq!(&from_bytes(&bytes, &catalog()).unwrap(), &doc);
        let derived: Document = serde_json::from_slice(&bytes).unwrap();
        prop_assert_eq!(&derived, &doc);
        prop_assert_eq!(to_bytes(&derived), bytes, "stable bytes");
    }

    #[test]
    fn journal_damaged_documents_are_refused_or_read_but_never_panic(doc in document(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = to_bytes(&doc);
        // Anything shorter than the document without its final newline.
        let at = cut.index(bytes.len() - 1);
        let mut truncated = bytes.clone();
        truncated.truncate(at);
        prop_assert!(from_bytes(&truncated, &catalog()).is_err(), "a truncated document is never valid");
        bytes[at] = byte;
        let _ = from_bytes(&bytes, &catalog());
    }

    #[test]
    fn journal_operations_apply_whole_or_not_at_all(start in document(), ops in proptest::collection::vec(op(), 1..24)) {
        let c = catalog();
        let mut doc = start;
        let mut undo = Vec::new();
        for op in ops {
            let before = doc.clone();
            if let Err(e) = apply(&mut doc, op.clone(), &mut undo) {
                prop_assert_eq!(&doc, &before, "{:?} failed with {} but changed the document", op, e);
                prop_assert!(matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::NotFound), "{}", e);
            }
            let reread = from_bytes(&to_bytes(&doc), &c);
            prop_assert_eq!(reread.as_ref().ok(), Some(&doc), "after {:?}: {:?}", op, reread.as_ref().err());
        }
    }

    #[test]
    fn journal_merges_are_valid_and_lose_nothing(a in document(), b in document()) {
        let c = catalog();
        let merged = import(&a, b.clone(), ImportMode::Merge).unwrap();
        prop_assert_eq!(&from_bytes(&to_bytes(&merged), &c).unwrap(), &merged);
        prop_assert_eq!(&merged.shortlist[..a.shortlist.len()], &a.shortlist[..]);
        prop_assert_eq!(&merged.sessions[..a.sessions.len()], &a.sessions[..]);
        // Every incoming session is there, under its own id or a fresh one.
        for s in &b.sessions {
            let same = |m: &Session| m.date == s.date && m.notes == s.notes && m.ratings == s.ratings && m.place == s.place;
            prop_assert!(merged.sessions.iter().any(same), "lost {:?}", s);
        }
        prop_assert_eq!(import(&merged, b, ImportMode::Merge).unwrap(), merged.clone(), "merging twice changes nothing more");
        prop_assert_eq!(import(&merged, merged.clone(), ImportMode::Merge).unwrap(), merged);
    }

    #[test]
    fn journal_csv_has_one_record_of_23_cells_per_row_and_no_live_formula(doc in document()) {
        let c = catalog();
        let csv = export_csv(&doc, &c);
        let records = parse_csv(&csv);
        let sessions_and_idle = doc.sessions.len()
            + doc.shortlist.iter().filter(|e| !doc.sessions.iter().any(|s| s.model_id == e.model_id)).count();
        prop_assert_eq!(records.len(), 1 + sessions_and_idle);
        for record in &records {
            prop_assert_eq!(record.len(), 23);
            for cell in record {
                // A spreadsheet reads a plain number such as `+0` or `-3.5` as that number, not a
                // formula; the export leaves those alone (csv.rs), so only text may not start so.
                let live = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
                prop_assert!(!live, "live formula {:?}", cell);
            }
        }
        // Notes survive, behind the quote that defuses formulas.
        for s in &doc.sessions {
            let cell = records.iter().find(|r| r[5] == s.id).map(|r| r[22].clone()).unwrap();
            let notes = cell.strip_prefix('\'').filter(|_| s.notes.starts_with(['=', '+', '-', '@', '\t', '\r'])).unwrap_or(&cell);
            prop_assert_eq!(notes, s.notes.as_str());
        }
    }

    #[test]
    fn journal_markdown_never_carries_raw_markup_from_user_text(doc in document()) {
        let md = export_markdown(&doc, &catalog());
        prop_assert!(!has_unescaped(&md, '<') && !has_unescaped(&md, '[') && !has_unescaped(&md, '`'));
    }
}

/// Whether `c` occurs in `text` without a backslash escaping it.
fn has_unescaped(text: &str, c: char) -> bool {
    let mut escaped = false;
    for ch in text.chars() {
        if ch == c && !escaped {
            return true;
        }
        escaped = ch == '\\' && !escaped;
    }
    false
}

/// An RFC 4180 reader, for the tests.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => cell.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, _) => cell.push(ch),
        }
    }
    assert!(
        record.is_empty() && cell.is_empty(),
        "the last record ends with CRLF"
    );
    records
}
