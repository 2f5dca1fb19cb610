//! The journal survives restarts, corrupt files and a second process; every change is on disk
//! before its command returns.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use crate::support::TestApp;

const MAIN: &str = "headroom.json";

fn add_note(app: &TestApp, note: &str) -> Value {
    app.ok(
        "session_add",
        json!({ "session": {
            "model_id": "sennheiser-hd-650", "date": "2026-11-21", "place": "Store",
            "ratings": { "comfort": 4, "clamp": 3 }, "notes": note, "verdict": "maybe"
        } }),
    )
}

fn notes(app: &TestApp) -> Vec<String> {
    app.ok("get_journal", json!({}))["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["notes"].as_str().unwrap().to_owned())
        .collect()
}

fn damaged_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    names.sort();
    names
}

fn notices(app: &TestApp) -> Vec<Value> {
    app.ok("app_info", json!({}))["notices"]
        .as_array()
        .unwrap()
        .clone()
}

/// Two saves, so that both the file and its backup exist; returns the closed app's directory.
fn journal_with_two_notes() -> tempfile::TempDir {
    let app = TestApp::new();
    add_note(&app, "first");
    add_note(&app, "second");
    app.close()
}

#[test]
fn a_note_survives_a_restart() {
    let app = TestApp::new();
    add_note(&app, "Comfortable, a bit warm after an hour");
    app.ok("shortlist_add", json!({ "modelId": "sennheiser-hd-650" }));
    let dir = app.close();
    let app = TestApp::in_dir(dir);
    assert_eq!(notes(&app), ["Comfortable, a bit warm after an hour"]);
    let journal = app.ok("get_journal", json!({}));
    assert_eq!(journal["shortlist"][0]["model_id"], "sennheiser-hd-650");
    assert!(
        notices(&app).is_empty(),
        "a clean restart tells the user nothing"
    );
}

#[test]
fn every_change_is_on_disk_before_the_command_returns() {
    let app = TestApp::new();
    add_note(&app, "on disk");
    let text = fs::read_to_string(app.dir.path().join(MAIN)).unwrap();
    assert!(text.contains("on disk"), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], headroom_domain::journal::CURRENT_VERSION);
}

#[test]
fn a_failed_change_leaves_the_file_alone() {
    let app = TestApp::new();
    add_note(&app, "kept");
    let before = fs::read(app.dir.path().join(MAIN)).unwrap();
    let kind = app.err_kind(
        "session_add",
        json!({ "session": { "model_id": "sennheiser-hd-650", "date": "2026-11-21", "ratings": { "comfort": 9 } } }),
    );
    assert_eq!(kind, "invalid_input");
    assert_eq!(fs::read(app.dir.path().join(MAIN)).unwrap(), before);
    assert_eq!(notes(&app), ["kept"]);
}

/// Each kind of bad file: moved aside untouched, the backup restored, the user told.
#[test]
fn every_kind_of_corrupt_file_is_moved_aside_and_the_backup_restored() {
    let cases: &[(&str, &[u8])] = &[
        ("empty", b""),
        (
            "truncated",
            b"{\"version\": 1, \"shortlist\": [], \"sessions\": [{\"id\": \"s-1\", \"mod",
        ),
        ("not JSON", b"\x00\x01 this is not json \xff"),
        ("newer version", b"{\"version\": 99, \"shortlist\": []}"),
        ("unknown version", b"{\"version\": \"one\"}"),
        ("wrong shape", b"[1, 2, 3]"),
        (
            "wrong field",
            b"{\"version\": 1, \"sessions\": {\"not\": \"a list\"}}",
        ),
    ];
    for (kind, bytes) in cases {
        let dir = journal_with_two_notes();
        fs::write(dir.path().join(MAIN), bytes).unwrap();
        let app = TestApp::in_dir(dir);
        let damaged = damaged_files(app.dir.path());
        assert_eq!(damaged.len(), 1, "{kind}: moved aside: {damaged:?}");
        assert_eq!(
            fs::read(app.dir.path().join(&damaged[0])).unwrap(),
            *bytes,
            "{kind}: the bad file is kept as it was"
        );
        // The backup is written after the file on every save: nothing acknowledged is lost.
        assert_eq!(
            notes(&app),
            ["first", "second"],
            "{kind}: the last good copy is restored"
        );
        let told = notices(&app);
        assert_eq!(told.len(), 1, "{kind}: {told:?}");
        let message = told[0]["message"].as_str().unwrap();
        assert!(
            message.contains(&damaged[0]),
            "{kind}: says where the file went: {message}"
        );
        assert!(message.contains("restored"), "{kind}: {message}");
        // The restored journal is saved again and works.
        add_note(&app, "after recovery");
        assert_eq!(notes(&app), ["first", "second", "after recovery"]);
    }
}

#[test]
fn without_a_good_backup_the_bad_file_is_kept_and_the_journal_starts_empty() {
    let app = TestApp::new();
    add_note(&app, "only");
    let dir = app.close();
    fs::write(dir.path().join(MAIN), b"{ broken").unwrap();
    fs::write(dir.path().join("headroom.json.bak"), b"also broken").unwrap();
    let app = TestApp::in_dir(dir);
    assert!(notes(&app).is_empty());
    let damaged = damaged_files(app.dir.path());
    assert_eq!(damaged.len(), 2, "both bad files are kept: {damaged:?}");
    let kept: Vec<Vec<u8>> = damaged
        .iter()
        .map(|d| fs::read(app.dir.path().join(d)).unwrap())
        .collect();
    assert!(kept.contains(&b"{ broken".to_vec()) && kept.contains(&b"also broken".to_vec()));
    let told = notices(&app);
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(told.iter().any(
        |n| n["level"] == "error" && n["message"].as_str().unwrap().contains("no good backup")
    ));
}

#[test]
fn a_missing_file_is_restored_from_the_backup() {
    let dir = journal_with_two_notes();
    fs::remove_file(dir.path().join(MAIN)).unwrap();
    let app = TestApp::in_dir(dir);
    assert_eq!(notes(&app), ["first", "second"]);
    assert_eq!(notices(&app).len(), 1);
}

#[test]
fn a_second_process_on_the_same_directory_is_refused() {
    let first = TestApp::new();
    let error = headroom_app::AppState::open(
        first.dir.path().to_path_buf(),
        Box::new(headroom_app::persist::NoMirror),
        std::time::SystemTime::now(),
    )
    .err()
    .expect("the directory is in use");
    assert!(error.to_string().contains("already using"), "{error}");
}

#[test]
fn import_replace_and_merge_apply_whole_or_not_at_all() {
    let app = TestApp::new();
    add_note(&app, "mine");
    let exported = app.ok("export_journal", json!({ "format": "json" }));
    let text = exported.as_str().unwrap();

    // A file with one bad field changes nothing, and the error names the place.
    let bad = text.replace("\"comfort\": 4", "\"comfort\": 7");
    let e = app
        .call("import_journal", json!({ "text": bad, "mode": "replace" }))
        .unwrap_err();
    assert_eq!(e["kind"], "invalid_data");
    assert!(e["message"].as_str().unwrap().contains("comfort"), "{e}");
    assert_eq!(notes(&app), ["mine"]);

    for garbage in ["", "nope", "{\"version\": 99}", "[]"] {
        assert!(app
            .call(
                "import_journal",
                json!({ "text": garbage, "mode": "merge" })
            )
            .is_err());
    }
    let huge = "x".repeat(9 * 1024 * 1024);
    assert_eq!(
        app.err_kind("import_journal", json!({ "text": huge, "mode": "merge" })),
        "invalid_input"
    );
    assert_eq!(notes(&app), ["mine"]);

    // Merge adds what is new; replace makes the file the journal.
    add_note(&app, "later");
    app.ok("import_journal", json!({ "text": text, "mode": "merge" }));
    assert_eq!(notes(&app), ["mine", "later"]);
    app.ok("import_journal", json!({ "text": text, "mode": "replace" }));
    assert_eq!(notes(&app), ["mine"]);
}

#[test]
fn own_models_and_the_comparison_set_survive_a_restart() {
    let app = TestApp::new();
    let journal = app.ok(
        "own_model_add",
        json!({ "model": { "model": "Store demo X", "brand": "Acme", "back": "closed", "impedance_ohm": 32 } }),
    );
    let id = journal["own_models"][0]["id"].as_str().unwrap().to_owned();
    app.ok("set_compare", json!({ "ids": [id, "sennheiser-hd-650"] }));
    let dir = app.close();

    let app = TestApp::in_dir(dir);
    let own = app.ok("get_model", json!({ "id": id }));
    assert_eq!(own["origin"], "user");
    assert_eq!(own["model"], "Store demo X");
    // It takes part in search and advice like any catalog model.
    let page = app.ok("list_models", json!({ "query": { "text": "store demo" } }));
    assert_eq!(page["models"][0]["id"], id);
    // A profile where a closed 32 ohm model competes (the advice explains the best 100 of
    // some 120 models).
    let advice = app.ok(
        "recommend",
        json!({ "profile": { "budget": "high-end", "tasks": ["tracking"], "room": "noisy" } }),
    );
    assert!(advice["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == id));
    let comparison = app.ok("get_comparison", json!({}));
    assert_eq!(comparison["ids"], json!([id, "sennheiser-hd-650"]));
    assert_eq!(comparison["comparison"]["columns"][0]["origin"], "user");
}

/// The advisor profile is saved and read back typed; one that no longer reads as a valid profile
/// (edited by hand, or from another Headroom) is dropped on load, the defaults apply, and the
/// rest of the journal loads: it is not moved aside as damaged.
#[test]
fn a_saved_profile_survives_a_restart_and_a_bad_one_is_dropped_alone() {
    let app = TestApp::new();
    add_note(&app, "kept");
    let saved =
        json!({ "room": "noisy", "hours": 3.5, "tasks": ["tracking"], "budget": "high-end" });
    app.ok("save_profile", json!({ "profile": saved }));
    let profile = app.ok("get_profile", json!({}));
    assert_eq!(
        (
            &profile["room"],
            &profile["hours"],
            &profile["tasks"],
            &profile["budget"]
        ),
        (
            &saved["room"],
            &saved["hours"],
            &saved["tasks"],
            &saved["budget"]
        )
    );
    // Refused with the field named, and nothing changes.
    let before = fs::read(app.dir.path().join(MAIN)).unwrap();
    let e = app
        .call("save_profile", json!({ "profile": { "hours": 99 } }))
        .unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(e["message"], "hours: 99 is outside 0.25–16 hours");
    assert_eq!(fs::read(app.dir.path().join(MAIN)).unwrap(), before);
    let dir = app.close();

    let app = TestApp::in_dir(dir);
    assert_eq!(app.ok("get_profile", json!({})), profile, "read back equal");
    let mut dir = app.close();

    let defaults = serde_json::to_value(headroom_domain::advisor::Profile::default()).unwrap();
    for bad in [
        json!({ "room": "moon" }),
        json!({ "hours": 999 }),
        json!([1]),
    ] {
        let path = dir.path().join(MAIN);
        let mut file: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        file["profile"] = bad.clone();
        fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
        let app = TestApp::in_dir(dir);
        assert!(
            damaged_files(app.dir.path()).is_empty(),
            "{bad}: not moved aside"
        );
        let told = notices(&app);
        assert!(
            told.len() == 1
                && told[0]["message"]
                    .as_str()
                    .unwrap()
                    .contains("advisor settings could not be read"),
            "{bad}: the user is told, once: {told:?}"
        );
        assert_eq!(notes(&app)[0], "kept", "{bad}: the rest is read");
        assert_eq!(app.ok("get_profile", json!({})), defaults, "{bad}");
        // The next save stores the journal without it.
        add_note(&app, "more");
        let file: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(file["profile"], Value::Null, "{bad}");
        dir = app.close();
    }
}

/// tauri-plugin-store's in-memory store holds the saved document, key by key, after every
/// change, and keeping it so broadcasts nothing to the window: `Store::set` would send each
/// key's whole value (the growing list of sessions) as a `store://change` event on every save.
#[test]
fn the_plugin_store_mirrors_each_save_without_broadcasting_it() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tauri::Listener;
    use tauri_plugin_store::StoreExt;

    let app = TestApp::new();
    let path = app.dir.path().join(MAIN);
    let store = app
        .app
        .get_store(&path)
        .expect("the journal's store is open");
    // A key the document does not have (as after a migration drops one) must not linger.
    store.set("left-over", json!(1));
    let events = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&events);
    app.app.listen_any("store://change", move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    for n in 0..3 {
        add_note(&app, &format!("note {n}"));
    }
    let saved: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    for (key, value) in saved.as_object().unwrap() {
        assert_eq!(store.get(key).as_ref(), Some(value), "{key}");
    }
    let mut keys = store.keys();
    keys.sort();
    let mut expected: Vec<String> = saved.as_object().unwrap().keys().cloned().collect();
    expected.sort();
    assert_eq!(
        keys, expected,
        "the store holds the saved keys and no others"
    );
    assert_eq!(store.get("sessions").unwrap().as_array().unwrap().len(), 3);
    assert_eq!(events.load(Ordering::SeqCst), 0, "no change events");
}

#[test]
fn the_revision_rises_with_every_saved_change_and_only_then() {
    let app = TestApp::new();
    let revision = |cmd: &str| app.ok(cmd, json!({}))["revision"].as_u64().unwrap();
    let start = revision("get_journal");
    assert_eq!(revision("get_journal"), start, "a read changes nothing");
    assert_eq!(revision("get_comparison"), start);
    add_note(&app, "one");
    assert_eq!(revision("get_journal"), start + 1);
    assert_eq!(revision("get_comparison"), start + 1);
    let advice = app.ok("recommend", json!({ "profile": {} }));
    assert_eq!(advice["revision"].as_u64(), Some(start + 1));
    // A refused change saves nothing, so the views on screen stay current.
    app.err_kind("shortlist_add", json!({ "modelId": "no-such-model" }));
    assert_eq!(revision("get_journal"), start + 1);
    // The view a change returns carries the revision it made.
    let after = app.ok("shortlist_add", json!({ "modelId": "sennheiser-hd-650" }));
    assert_eq!(after["revision"].as_u64(), Some(start + 2));
}

/// However many try-ons the journal holds, a view (and every change's answer) carries the five
/// added last of each group, with a count of the rest; `get_sessions` gives a group in full.
#[test]
fn a_view_carries_each_groups_latest_five_try_ons_and_the_rest_on_request() {
    let app = TestApp::new();
    app.ok("shortlist_add", json!({ "modelId": "sennheiser-hd-650" }));
    for i in 1..=12 {
        add_note(&app, &format!("hd650 {i}"));
    }
    let tried = |i: usize| json!({ "session": { "model_id": "sony-mdr-7506", "date": "2026-11-22", "notes": format!("sony {i}") } });
    let mut last = Value::Null;
    for i in 1..=7 {
        last = app.ok("session_add", tried(i));
    }
    let texts = |sessions: &Value| -> Vec<String> {
        sessions
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["notes"].as_str().unwrap().to_owned())
            .collect()
    };
    let names = |prefix: &str, range: std::ops::RangeInclusive<usize>| -> Vec<String> {
        range.map(|i| format!("{prefix} {i}")).collect()
    };
    let latest = [names("hd650", 8..=12), names("sony", 3..=7)].concat();
    for view in [last, app.ok("get_journal", json!({}))] {
        assert_eq!(texts(&view["sessions"]), latest);
        assert_eq!(
            view["earlier_sessions"],
            json!({ "by_model": { "sennheiser-hd-650": 7 }, "others": 2 })
        );
    }
    let all = app.ok(
        "get_sessions",
        json!({ "group": { "model": "sennheiser-hd-650" } }),
    );
    assert_eq!(texts(&all), names("hd650", 1..=12));
    assert_eq!(
        texts(&app.ok("get_sessions", json!({ "group": "others" }))),
        names("sony", 1..=7)
    );
    // Off the shortlist, the model's try-ons join the others'.
    let view = app.ok(
        "shortlist_remove",
        json!({ "modelId": "sennheiser-hd-650" }),
    );
    assert_eq!(view["journal"]["earlier_sessions"]["others"], json!(14));
    assert_eq!(
        texts(&app.ok("get_sessions", json!({ "group": "others" }))).len(),
        19
    );
    assert_eq!(
        app.err_kind(
            "get_sessions",
            json!({ "group": { "model": "sennheiser-hd-650" } })
        ),
        "not_found"
    );
}
