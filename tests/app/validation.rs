//! Every command validates its arguments. A table sends each command malformed and out-of-range
//! arguments through the IPC layer, as a hostile webview could, and checks the answer: a typed
//! `{ kind, message }` error from the command, or a refusal by Tauri's argument parsing before
//! the command runs (a missing argument, a wrong type, an unknown enum value or field). After
//! every call the saved journal, its backup and what the commands read back are unchanged.
//!
//! Also here: the limits (note length, import size and nesting, the caps on entries) and the
//! proof that no command takes a file path from the webview.

use std::fs;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::support::TestApp;
use crate::surface::commands;

/// What a bad call must get back.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// A `{ kind, message }` error of this kind.
    Kind(&'static str),
    /// Refused by Tauri before the command runs: a plain string naming the argument.
    Refused(&'static str),
    /// Accepted (the command takes no such argument, or reads only): nothing changes.
    Harmless,
}

use Expect::{Harmless, Kind, Refused};

const INVALID: Expect = Kind("invalid_input");
const NOT_FOUND: Expect = Kind("not_found");
const INVALID_DATA: Expect = Kind("invalid_data");

struct Case {
    cmd: &'static str,
    what: String,
    args: Value,
    expect: Expect,
}

/// A string of `n` copies of `c`.
fn long(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// `base` with `key` set to `value` (a JSON object).
fn with(base: &Value, key: &str, value: Value) -> Value {
    let mut out = base.clone();
    out.as_object_mut()
        .expect("an object")
        .insert(key.to_owned(), value);
    out
}

/// `base` without `key`.
fn without(base: &Value, key: &str) -> Value {
    let mut out = base.clone();
    out.as_object_mut().expect("an object").remove(key);
    out
}

/// A journal with something in every part: two shortlist entries, a session, an own model, a
/// comparison set and a saved profile.
struct Fixture {
    session: Value,
    session_id: String,
    own: Value,
    own_id: String,
}

fn fixture(app: &TestApp) -> Fixture {
    app.ok("shortlist_add", json!({ "modelId": "sennheiser-hd-650" }));
    app.ok("shortlist_add", json!({ "modelId": "sony-mdr-7506" }));
    app.ok(
        "shortlist_set_reason",
        json!({ "modelId": "sony-mdr-7506", "reason": "for tracking" }),
    );
    let session = json!({
        "model_id": "sennheiser-hd-650", "date": "2026-11-21", "place": "Store",
        "minutes": 30, "ratings": { "comfort": 4 }, "sound": { "bass": 3 },
        "notes": "fine", "verdict": "maybe"
    });
    let journal = app.ok("session_add", json!({ "session": session }));
    let session_id = journal["sessions"][0]["id"].as_str().unwrap().to_owned();
    let own =
        json!({ "model": "Demo pair", "brand": "Acme", "back": "closed", "impedance_ohm": 32 });
    let journal = app.ok("own_model_add", json!({ "model": own }));
    let own_id = journal["own_models"][0]["id"].as_str().unwrap().to_owned();
    app.ok(
        "set_compare",
        json!({ "ids": ["sennheiser-hd-650", "sony-mdr-7506"] }),
    );
    app.ok(
        "save_profile",
        json!({ "profile": { "budget": "high-end", "hours": 3 } }),
    );
    Fixture {
        session,
        session_id,
        own,
        own_id,
    }
}

/// Everything a change could touch: the files on disk and what the commands read back.
#[derive(Debug, PartialEq)]
struct Snapshot {
    file: Vec<u8>,
    backup: Option<Vec<u8>>,
    journal: Value,
    profile: Value,
    comparison: Value,
    models: Value,
}

fn snapshot(app: &TestApp) -> Snapshot {
    let dir = app.dir.path();
    Snapshot {
        file: fs::read(dir.join("headroom.json")).expect("the journal is saved"),
        backup: fs::read(dir.join("headroom.json.bak")).ok(),
        journal: app.ok("get_journal", json!({})),
        profile: app.ok("get_profile", json!({})),
        comparison: app.ok("get_comparison", json!({})),
        models: app.ok("list_models", json!({ "query": {} }))["total"].clone(),
    }
}

/// The table. Every app command has at least one row.
#[rustfmt::skip]
fn cases(f: &Fixture) -> Vec<Case> {
    let huge = long('x', 1_000_000);
    let mut cases = Vec::new();
    let mut add = |cmd: &'static str, what: &str, args: Value, expect: Expect| {
        cases.push(Case {
            cmd,
            what: what.to_owned(),
            args,
            expect,
        });
    };

    // Commands without arguments ignore whatever is sent along, and change nothing.
    for cmd in [
        "app_info",
        "source_presets",
        "get_profile",
        "get_journal",
        "get_comparison",
    ] {
        add(cmd, "unexpected arguments", json!({ "path": "/etc/passwd", "id": huge, "query": { "text": 5 } }), Harmless);
    }

    // list_models
    let q = |query: Value| json!({ "query": query });
    add("list_models", "no query", json!({}), Refused("query"));
    add("list_models", "query not an object", q(json!("hd650")), Refused("query"));
    add("list_models", "unknown field", q(json!({ "path": "/" })), Refused("query"));
    add("list_models", "text of the wrong type", q(json!({ "text": 650 })), Refused("query"));
    add("list_models", "text over 200 characters", q(json!({ "text": long('a', 201) })), INVALID);
    add("list_models", "text of a million characters", q(json!({ "text": huge })), INVALID);
    add("list_models", "unknown back", q(json!({ "back": ["sideways"] })), Refused("query"));
    add("list_models", "unknown tier", q(json!({ "tier": ["free"] })), Refused("query"));
    add("list_models", "unknown transducer", q(json!({ "transducer": ["laser"] })), Refused("query"));
    add("list_models", "unknown sort", q(json!({ "sort": "price" })), Refused("query"));
    add("list_models", "unknown origin", q(json!({ "origin": "remote" })), Refused("query"));
    add("list_models", "negative impedance", q(json!({ "impedance_min": -1 })), INVALID);
    add("list_models", "impedance too high", q(json!({ "impedance_max": 1e308 })), INVALID);
    add("list_models", "impedance as text", q(json!({ "impedance_max": "NaN" })), Refused("query"));
    add("list_models", "min above max", q(json!({ "impedance_min": 300, "impedance_max": 32 })), INVALID);
    add("list_models", "limit too large", q(json!({ "limit": 100_001 })), INVALID);
    add("list_models", "negative limit", q(json!({ "limit": -1 })), Refused("query"));
    add("list_models", "negative offset", q(json!({ "offset": -5 })), Refused("query"));
    add("list_models", "fractional offset", q(json!({ "offset": 1.5 })), Refused("query"));
    add("list_models", "brand over 100 characters", q(json!({ "brand": [long('b', 101)] })), INVALID);
    add("list_models", "loudness target out of range", q(json!({ "loud_enough": { "source": { "vrms": 1.0, "output_ohm": 1.0 }, "target_db": 500 } })), INVALID);
    add("list_models", "negative source voltage", q(json!({ "loud_enough": { "source": { "vrms": -1.0, "output_ohm": 1.0 }, "target_db": 110 } })), INVALID);

    // get_model
    add("get_model", "no id", json!({}), Refused("id"));
    add("get_model", "id of the wrong type", json!({ "id": ["sennheiser-hd-650"] }), Refused("id"));
    add("get_model", "empty id", json!({ "id": "" }), INVALID);
    add("get_model", "id of a million characters", json!({ "id": huge }), INVALID);
    add("get_model", "unknown id", json!({ "id": "no-such-model" }), NOT_FOUND);
    add("get_model", "a path for an id", json!({ "id": "../../etc/passwd" }), NOT_FOUND);

    // save_profile and recommend take the same profile.
    for cmd in ["save_profile", "recommend"] {
        let p = |profile: Value| json!({ "profile": profile });
        add(cmd, "no profile", json!({}), Refused("profile"));
        add(cmd, "profile not an object", p(json!([1, 2])), Refused("profile"));
        add(cmd, "hours 0", p(json!({ "hours": 0 })), INVALID);
        add(cmd, "negative hours", p(json!({ "hours": -2 })), INVALID);
        add(cmd, "hours too many", p(json!({ "hours": 1e308 })), INVALID);
        add(cmd, "hours as text", p(json!({ "hours": "NaN" })), Refused("profile"));
        add(cmd, "target out of range", p(json!({ "target_db": 200 })), INVALID);
        add(cmd, "unknown budget", p(json!({ "budget": "free" })), Refused("profile"));
        add(cmd, "unknown room", p(json!({ "room": "stadium" })), Refused("profile"));
        add(cmd, "unknown task", p(json!({ "tasks": ["hacking"] })), Refused("profile"));
        add(cmd, "unknown source preset", p(json!({ "source": { "preset": "toaster" } })), INVALID);
        add(cmd, "source preset of a million characters", p(json!({ "source": { "preset": huge } })), INVALID);
        add(cmd, "custom source without figures", p(json!({ "source": { "preset": "custom" } })), INVALID);
        add(cmd, "custom source with a negative voltage", p(json!({ "source": { "preset": "custom", "vrms": -1, "output_ohm": 10 } })), INVALID);
        add(cmd, "custom source with an absurd output impedance", p(json!({ "source": { "preset": "custom", "vrms": 1, "output_ohm": 1e300 } })), INVALID);
        add(cmd, "a flag of the wrong type", p(json!({ "glasses": "yes" })), Refused("profile"));
    }

    // The shortlist.
    let id = |model_id: Value| json!({ "modelId": model_id });
    for cmd in ["shortlist_add", "shortlist_remove"] {
        add(cmd, "no model id", json!({}), Refused("modelId"));
        add(cmd, "the id under its Rust name", json!({ "model_id": "sony-mdr-7506" }), Refused("modelId"));
        add(cmd, "id of the wrong type", id(json!(7)), Refused("modelId"));
        add(cmd, "empty id", id(json!("")), INVALID);
        add(cmd, "id of a million characters", id(json!(huge)), INVALID);
        add(cmd, "unknown model", id(json!("no-such-model")), NOT_FOUND);
    }
    add("shortlist_remove", "model not on the shortlist", id(json!("audeze-lcd-2")), NOT_FOUND);
    let group = |group: Value| json!({ "group": group });
    let model = |id: Value| group(json!({ "model": id }));
    add("get_sessions", "no group", json!({}), Refused("group"));
    add("get_sessions", "an unknown group", group(json!("mine")), Refused("group"));
    add("get_sessions", "a model id of the wrong type", model(json!(7)), Refused("group"));
    add("get_sessions", "a model group with more in it", group(json!({ "model": "sony-mdr-7506", "path": "/" })), Refused("group"));
    add("get_sessions", "empty model id", model(json!("")), INVALID);
    add("get_sessions", "model id of a million characters", model(json!(huge)), INVALID);
    add("get_sessions", "unknown model", model(json!("no-such-model")), NOT_FOUND);
    add("get_sessions", "model not on the shortlist", model(json!("audeze-lcd-2")), NOT_FOUND);
    let status = |model_id: &str, status: Value| json!({ "modelId": model_id, "status": status });
    add("shortlist_set_status", "no status", id(json!("sony-mdr-7506")), Refused("status"));
    add("shortlist_set_status", "unknown status", status("sony-mdr-7506", json!("stolen")), Refused("status"));
    add("shortlist_set_status", "status of the wrong type", status("sony-mdr-7506", json!(1)), Refused("status"));
    add("shortlist_set_status", "model not on the shortlist", status("audeze-lcd-2", json!("tried")), NOT_FOUND);
    add("shortlist_set_status", "empty id", status("", json!("tried")), INVALID);
    let reason = |model_id: &str, reason: Value| json!({ "modelId": model_id, "reason": reason });
    add("shortlist_set_reason", "no reason", id(json!("sony-mdr-7506")), Refused("reason"));
    add("shortlist_set_reason", "reason of the wrong type", reason("sony-mdr-7506", json!(null)), Refused("reason"));
    add("shortlist_set_reason", "reason over 200 characters", reason("sony-mdr-7506", json!(long('r', 201))), INVALID);
    add("shortlist_set_reason", "reason of a million characters", reason("sony-mdr-7506", json!(huge)), INVALID);
    add("shortlist_set_reason", "reason with a line break", reason("sony-mdr-7506", json!("one\ntwo")), INVALID);
    add("shortlist_set_reason", "reason with a control character", reason("sony-mdr-7506", json!("bell\u{7}")), INVALID);
    add("shortlist_set_reason", "reason with a line separator", reason("sony-mdr-7506", json!("one\u{2028}two")), INVALID);
    add("shortlist_set_reason", "model not on the shortlist", reason("audeze-lcd-2", json!("why")), NOT_FOUND);
    let mv = |model_id: &str, index: Value| json!({ "modelId": model_id, "index": index });
    add("shortlist_move", "no index", id(json!("sony-mdr-7506")), Refused("index"));
    add("shortlist_move", "index past the end", mv("sony-mdr-7506", json!(2)), INVALID);
    add("shortlist_move", "huge index", mv("sony-mdr-7506", json!(u64::MAX)), INVALID);
    add("shortlist_move", "negative index", mv("sony-mdr-7506", json!(-1)), Refused("index"));
    add("shortlist_move", "fractional index", mv("sony-mdr-7506", json!(0.5)), Refused("index"));
    add("shortlist_move", "index as text", mv("sony-mdr-7506", json!("0")), Refused("index"));
    add("shortlist_move", "model not on the shortlist", mv("audeze-lcd-2", json!(0)), NOT_FOUND);
    // An undo record comes back from the webview: it is checked like new input.
    let entry = json!({ "model_id": "audeze-lcd-2", "status": "to-try", "reason": "", "added": "2026-11-21" });
    let restore = |item: Value| json!({ "undo": { "item": item, "index": 0 } });
    add("shortlist_restore", "no undo", json!({}), Refused("undo"));
    add("shortlist_restore", "no index", json!({ "undo": { "item": entry } }), Refused("undo"));
    add("shortlist_restore", "negative index", json!({ "undo": { "item": entry, "index": -1 } }), Refused("undo"));
    add("shortlist_restore", "unknown status", restore(with(&entry, "status", json!("owned"))), Refused("undo"));
    add("shortlist_restore", "unknown field", restore(with(&entry, "path", json!("/tmp/x"))), Refused("undo"));
    add("shortlist_restore", "impossible date", restore(with(&entry, "added", json!("2026-13-45"))), INVALID);
    add("shortlist_restore", "no date", restore(without(&entry, "added")), Refused("undo"));
    add("shortlist_restore", "reason over 200 characters", restore(with(&entry, "reason", json!(long('r', 201)))), INVALID);
    add("shortlist_restore", "unknown model", restore(with(&entry, "model_id", json!("no-such-model"))), NOT_FOUND);
    add("shortlist_restore", "model already on the shortlist", restore(with(&entry, "model_id", json!("sony-mdr-7506"))), INVALID);

    // Try-on sessions: session_add and session_update take the same input.
    let s = &f.session;
    for (cmd, args) in [
        ("session_add", json!({})),
        ("session_update", json!({ "id": f.session_id })),
    ] {
        let session = |session: Value| with(&args, "session", session);
        add(cmd, "no session", args.clone(), Refused("session"));
        add(cmd, "session not an object", session(json!("notes")), Refused("session"));
        add(cmd, "unknown field", session(with(s, "path", json!("/etc/passwd"))), Refused("session"));
        add(cmd, "no model", session(without(s, "model_id")), Refused("session"));
        add(cmd, "no date", session(without(s, "date")), Refused("session"));
        add(cmd, "unknown model", session(with(s, "model_id", json!("no-such-model"))), NOT_FOUND);
        add(cmd, "model id of a million characters", session(with(s, "model_id", json!(huge))), NOT_FOUND);
        for date in [
            "2026-13-45",
            "2026-02-30",
            "2025-02-29",
            "26-11-21",
            "2026/11/21",
            "",
            "1899-12-31",
            "3000-01-01",
            "２０２６-11-21",
        ] {
            add(cmd, &format!("date {date:?}"), session(with(s, "date", json!(date))), INVALID);
        }
        add(cmd, "date of the wrong type", session(with(s, "date", json!(20261121))), Refused("session"));
        for rating in ["comfort", "clamp", "weight", "heat", "pads", "glasses_fit"] {
            for value in [0, 6] {
                let ratings = json!({ rating: value });
                add(cmd, &format!("{rating} {value}"), session(with(s, "ratings", ratings)), INVALID);
            }
        }
        for sound in [
            "bass",
            "mids",
            "treble",
            "soundstage",
            "isolation",
            "leakage",
        ] {
            let sounds = json!({ sound: 6 });
            add(cmd, &format!("{sound} 6"), session(with(s, "sound", sounds)), INVALID);
        }
        add(cmd, "rating 256", session(with(s, "ratings", json!({ "comfort": 256 }))), Refused("session"));
        add(cmd, "negative rating", session(with(s, "ratings", json!({ "comfort": -1 }))), Refused("session"));
        add(cmd, "fractional rating", session(with(s, "ratings", json!({ "comfort": 4.5 }))), Refused("session"));
        add(cmd, "unknown rating", session(with(s, "ratings", json!({ "smell": 3 }))), Refused("session"));
        add(cmd, "0 minutes", session(with(s, "minutes", json!(0))), INVALID);
        add(cmd, "601 minutes", session(with(s, "minutes", json!(601))), INVALID);
        add(cmd, "minutes past u16", session(with(s, "minutes", json!(70_000))), Refused("session"));
        add(cmd, "negative minutes", session(with(s, "minutes", json!(-30))), Refused("session"));
        add(cmd, "unknown verdict", session(with(s, "verdict", json!("love"))), Refused("session"));
        add(cmd, "place over 120 characters", session(with(s, "place", json!(long('p', 121)))), INVALID);
        add(cmd, "place with a line break", session(with(s, "place", json!("here\r\nthere"))), INVALID);
        add(cmd, "place with a NUL", session(with(s, "place", json!("shop\u{0}"))), INVALID);
        add(cmd, "notes over 10,000 characters", session(with(s, "notes", json!(long('n', 10_001)))), INVALID);
        add(cmd, "notes over 10,000 characters of 4 bytes", session(with(s, "notes", json!(long('🎧', 10_001)))), INVALID);
        add(cmd, "notes of a million characters", session(with(s, "notes", json!(huge))), INVALID);
    }
    add("session_update", "no id", json!({ "session": s }), Refused("id"));
    add("session_update", "empty id", json!({ "id": "", "session": s }), INVALID);
    add("session_update", "unknown id", json!({ "id": "s-999", "session": s }), NOT_FOUND);
    add("session_update", "id of a million characters", json!({ "id": huge, "session": s }), INVALID);
    add("session_delete", "no id", json!({}), Refused("id"));
    add("session_delete", "id of the wrong type", json!({ "id": 1 }), Refused("id"));
    add("session_delete", "empty id", json!({ "id": "" }), INVALID);
    add("session_delete", "unknown id", json!({ "id": "s-999" }), NOT_FOUND);
    let stored = with(s, "id", json!("s-50"));
    add("session_restore", "no undo", json!({}), Refused("undo"));
    add("session_restore", "no id", restore(s.clone()), Refused("undo"));
    add("session_restore", "id taken", restore(with(s, "id", json!(f.session_id))), INVALID);
    for bad in ["S-1", "s 1", "../s", "", "s--1"] {
        add("session_restore", &format!("id {bad:?}"), restore(with(s, "id", json!(bad))), INVALID);
    }
    add("session_restore", "id over 64 characters", restore(with(s, "id", json!(long('s', 65)))), INVALID);
    add("session_restore", "impossible date", restore(with(&stored, "date", json!("2026-13-45"))), INVALID);
    add("session_restore", "rating 6", restore(with(&stored, "ratings", json!({ "heat": 6 }))), INVALID);
    add("session_restore", "notes over 10,000 characters", restore(with(&stored, "notes", json!(long('n', 10_001)))), INVALID);
    add("session_restore", "unknown model", restore(with(&stored, "model_id", json!("no-such-model"))), NOT_FOUND);

    // Own models: own_model_add and own_model_update take the same input.
    let m = &f.own;
    for (cmd, args) in [
        ("own_model_add", json!({})),
        ("own_model_update", json!({ "id": f.own_id })),
    ] {
        let model = |model: Value| with(&args, "model", model);
        add(cmd, "no model", args.clone(), Refused("model"));
        add(cmd, "no name", model(without(m, "model")), Refused("model"));
        add(cmd, "no back", model(without(m, "back")), Refused("model"));
        add(cmd, "unknown back", model(with(m, "back", json!("sideways"))), Refused("model"));
        add(cmd, "unknown transducer", model(with(m, "transducer", json!("laser"))), Refused("model"));
        add(cmd, "unknown tier", model(with(m, "tier", json!("free"))), Refused("model"));
        add(cmd, "unknown field", model(with(m, "origin", json!("catalog"))), Refused("model"));
        add(cmd, "an id of its own", model(with(m, "id", json!("sennheiser-hd-650"))), Refused("model"));
        add(cmd, "empty name", model(with(m, "model", json!(""))), INVALID);
        add(cmd, "blank name", model(with(m, "model", json!("   "))), INVALID);
        add(cmd, "name over 120 characters", model(with(m, "model", json!(long('m', 121)))), INVALID);
        add(cmd, "name of a million characters", model(with(m, "model", json!(huge))), INVALID);
        add(cmd, "name with a line break", model(with(m, "model", json!("two\nlines"))), INVALID);
        add(cmd, "brand with a control character", model(with(m, "brand", json!("Ac\u{1b}[31mme"))), INVALID);
        add(cmd, "pads over 120 characters", model(with(m, "pads", json!(long('v', 121)))), INVALID);
        add(cmd, "impedance 0", model(with(m, "impedance_ohm", json!(0))), INVALID);
        add(cmd, "negative impedance", model(with(m, "impedance_ohm", json!(-32))), INVALID);
        add(cmd, "impedance 1e308", model(with(m, "impedance_ohm", json!(1e308))), INVALID);
        add(cmd, "impedance as text", model(with(m, "impedance_ohm", json!("NaN"))), Refused("model"));
        add(cmd, "weight 0", model(with(m, "weight_g", json!(0))), INVALID);
        add(cmd, "sensitivity 500", model(with(m, "sensitivity", json!({ "value": 500, "unit": "dB/mW" }))), INVALID);
        add(cmd, "unknown sensitivity unit", model(with(m, "sensitivity", json!({ "value": 100, "unit": "dB/W" }))), Refused("model"));
        add(cmd, "year 1800", model(with(m, "year", json!(1800))), INVALID);
        add(cmd, "negative year", model(with(m, "year", json!(-1))), Refused("model"));
        add(cmd, "price in a made-up currency", model(with(m, "price", json!({ "amount": 100, "currency": "dollars", "as_of": "2026-01", "source": "shop" }))), INVALID);
        let price =
            json!({ "amount": 100, "currency": "EUR", "as_of": "2026-01", "source": "shop" });
        add(cmd, "price currency of a million characters", model(with(m, "price", with(&price, "currency", json!(huge)))), INVALID);
        add(cmd, "price date of a million characters", model(with(m, "price", with(&price, "as_of", json!(huge)))), INVALID);
        add(cmd, "price amount 0 in a huge currency", model(with(m, "price", with(&with(&price, "amount", json!(0)), "currency", json!(huge)))), INVALID);
        add(cmd, "price source of a million characters", model(with(m, "price", with(&price, "source", json!(huge)))), INVALID);
        add(cmd, "figure note key of a million characters", model(with(m, "figure_notes", json!({ huge.as_str(): "n" }))), INVALID);
        add(cmd, "source url of a million characters", model(with(m, "sources", json!([{ "kind": "maker", "title": "x", "url": format!("https://{huge}") }]))), INVALID);
        add(cmd, "a javascript: source", model(with(m, "sources", json!([{ "kind": "maker", "title": "x", "url": "javascript:alert(1)" }]))), INVALID);
        add(cmd, "a data: source", model(with(m, "sources", json!([{ "kind": "maker", "title": "x", "url": "data:text/html,<script>alert(1)</script>" }]))), INVALID);
        add(cmd, "a file: source", model(with(m, "sources", json!([{ "kind": "maker", "title": "x", "url": "file:///etc/passwd" }]))), INVALID);
        let many: Vec<Value> = (0..21)
            .map(|i| json!({ "kind": "maker", "title": format!("t{i}"), "url": "https://example.com" }))
            .collect();
        add(cmd, "21 sources", model(with(m, "sources", json!(many))), INVALID);
        let notes: Map<String, Value> = (0..31).map(|i| (format!("k{i}"), json!("n"))).collect();
        add(cmd, "31 figure notes", model(with(m, "figure_notes", Value::Object(notes))), INVALID);
        add(cmd, "studio note over 1,000 characters", model(with(m, "notes", json!({ "comfort": long('c', 1_001) }))), INVALID);
    }
    add("own_model_update", "no id", json!({ "model": m }), Refused("id"));
    add("own_model_update", "unknown id", json!({ "id": "user-nope-1", "model": m }), NOT_FOUND);
    add("own_model_update", "a catalog model", json!({ "id": "sennheiser-hd-650", "model": m }), NOT_FOUND);
    add("own_model_update", "empty id", json!({ "id": "", "model": m }), INVALID);
    add("own_model_delete", "no id", json!({}), Refused("id"));
    add("own_model_delete", "empty id", json!({ "id": "" }), INVALID);
    add("own_model_delete", "unknown id", json!({ "id": "user-nope-1" }), NOT_FOUND);
    add("own_model_delete", "a catalog model", json!({ "id": "sennheiser-hd-650" }), NOT_FOUND);
    let own_model = |id: &str, origin: &str| {
        let mut model = f.own.clone();
        let o = model.as_object_mut().unwrap();
        o.insert("id".into(), json!(id));
        o.insert("family".into(), json!("user-acme-demo-pair"));
        o.insert("origin".into(), json!(origin));
        model
    };
    add("own_model_restore", "no undo", json!({}), Refused("undo"));
    add("own_model_restore", "a model without its id", restore(f.own.clone()), Refused("undo"));
    add("own_model_restore", "a catalog origin", restore(own_model("user-acme-x-9", "catalog")), INVALID);
    add("own_model_restore", "an id outside user-", restore(own_model("acme-x-9", "user")), INVALID);
    add("own_model_restore", "the id of a catalog model", restore(own_model("sennheiser-hd-650", "user")), INVALID);
    add("own_model_restore", "an id taken", restore(own_model(&f.own_id, "user")), INVALID);
    add("own_model_restore", "an id with a path in it", restore(own_model("user-../../x", "user")), INVALID);
    add("own_model_restore", "unknown origin", restore(own_model("user-acme-x-9", "remote")), Refused("undo"));

    // The comparison set.
    add("set_compare", "no ids", json!({}), Refused("ids"));
    add("set_compare", "ids not a list", json!({ "ids": "sennheiser-hd-650" }), Refused("ids"));
    add("set_compare", "an id of the wrong type", json!({ "ids": [1, 2] }), Refused("ids"));
    add("set_compare", "five models", json!({ "ids": ["sennheiser-hd-650", "sony-mdr-7506", "audeze-lcd-2", "audeze-lcd-5", "ollo-audio-s4x"] }), INVALID);
    let ten_thousand: Vec<String> = (0..10_000).map(|i| format!("m-{i}")).collect();
    add("set_compare", "ten thousand ids", json!({ "ids": ten_thousand }), INVALID);
    add("set_compare", "a model twice", json!({ "ids": ["sony-mdr-7506", "sony-mdr-7506"] }), INVALID);
    add("set_compare", "an unknown model", json!({ "ids": ["sony-mdr-7506", "no-such-model"] }), NOT_FOUND);
    add("set_compare", "an empty id", json!({ "ids": ["sony-mdr-7506", ""] }), INVALID);
    add("set_compare", "an id of a million characters", json!({ "ids": [huge] }), INVALID);

    // Export and import.
    add("export_journal", "no format", json!({}), Refused("format"));
    add("export_journal", "unknown format", json!({ "format": "pdf" }), Refused("format"));
    add("export_journal", "a path for a format", json!({ "format": "/tmp/out.json" }), Refused("format"));
    add("export_comparison", "no format", json!({}), Refused("format"));
    add("export_comparison", "unknown format", json!({ "format": "html" }), Refused("format"));
    add("export_comparison", "format of the wrong type", json!({ "format": 1 }), Refused("format"));
    let import = |text: Value| json!({ "text": text, "mode": "merge" });
    add("import_journal", "no text", json!({ "mode": "merge" }), Refused("text"));
    add("import_journal", "no mode", json!({ "text": "{}" }), Refused("mode"));
    add("import_journal", "unknown mode", json!({ "text": "{}", "mode": "append" }), Refused("mode"));
    add("import_journal", "a document instead of text", import(json!({ "version": 1 })), Refused("text"));
    add("import_journal", "empty text", import(json!("")), INVALID_DATA);
    add("import_journal", "not JSON", import(json!("<script>alert(1)</script>")), INVALID_DATA);
    add("import_journal", "a list", import(json!("[]")), INVALID_DATA);
    add("import_journal", "no version", import(json!("{}")), INVALID_DATA);
    add("import_journal", "a newer version", import(json!("{\"version\": 99}")), INVALID_DATA);
    add("import_journal", "a negative version", import(json!("{\"version\": -1}")), INVALID_DATA);
    add("import_journal", "a key twice", import(json!("{\"version\": 1, \"version\": 1}")), INVALID_DATA);
    add("import_journal", "an unknown field", import(json!("{\"version\": 1, \"path\": \"/etc/passwd\"}")), INVALID_DATA);
    add("import_journal", "a bad rating inside", import(json!(r#"{"version": 1, "sessions": [{"id": "s-9", "model_id": "sony-mdr-7506", "date": "2026-01-01", "ratings": {"comfort": 6}}]}"#)), INVALID_DATA);
    add("import_journal", "an impossible date inside", import(json!(r#"{"version": 1, "sessions": [{"id": "s-9", "model_id": "sony-mdr-7506", "date": "2026-13-45"}]}"#)), INVALID_DATA);
    add("import_journal", "an unknown model inside", import(json!(r#"{"version": 1, "shortlist": [{"model_id": "no-such-model", "status": "to-try", "added": "2026-01-01"}]}"#)), INVALID_DATA);
    add("import_journal", "text over 8 MiB", import(json!(long(' ', 8 * 1024 * 1024 + 1))), INVALID);

    add("compare_add", "no model id", json!({}), Refused("modelId"));
    add("compare_add", "an unknown model", json!({ "modelId": "no-such-model" }), NOT_FOUND);
    add("compare_add", "an empty id", json!({ "modelId": "" }), INVALID);

    // The user's own figures for a catalog model.
    let figures = |model_id: &str, figures: Value| json!({ "modelId": model_id, "figures": figures });
    add("set_figures", "no model id", json!({ "figures": { "weight_g": 230 } }), Refused("modelId"));
    add("set_figures", "no figures", json!({ "modelId": "sony-mdr-7506" }), Refused("figures"));
    add("set_figures", "an unknown field", figures("sony-mdr-7506", json!({ "mass_g": 230 })), Refused("figures"));
    add("set_figures", "a sensitivity without its unit", figures("sony-mdr-7506", json!({ "sensitivity": { "value": 96 } })), Refused("figures"));
    add("set_figures", "a unit that is not one", figures("sony-mdr-7506", json!({ "sensitivity": { "value": 96, "unit": "dB" } })), Refused("figures"));
    add("set_figures", "nothing set", figures("sony-mdr-7506", json!({})), INVALID);
    add("set_figures", "an impossible impedance", figures("sony-mdr-7506", json!({ "impedance_ohm": -4 })), INVALID);
    add("set_figures", "a weight of a tonne", figures("sony-mdr-7506", json!({ "weight_g": 1e6 })), INVALID);
    add("set_figures", "a wrong unit (118 dB/mW at 25 ohm)", figures("sony-mdr-7506", json!({ "impedance_ohm": 25, "sensitivity": { "value": 118, "unit": "dB/mW", "ref_hz": null } })), INVALID);
    add("set_figures", "a price in euros", figures("sony-mdr-7506", json!({ "price": { "amount": 99, "currency": "EUR", "as_of": "2026-01", "source": "box" } })), INVALID);
    add("set_figures", "an unknown model", figures("no-such-model", json!({ "weight_g": 230 })), NOT_FOUND);
    add("set_figures", "an own model", figures(&f.own_id, json!({ "weight_g": 230 })), NOT_FOUND);
    add("set_figures", "an id of a million characters", figures(&huge, json!({ "weight_g": 230 })), INVALID);
    add("remove_figures", "no model id", json!({}), Refused("modelId"));
    add("remove_figures", "a model without figures", json!({ "modelId": "sennheiser-hd-650" }), NOT_FOUND);
    add("remove_figures", "an empty id", json!({ "modelId": "" }), INVALID);

    // Measured sound.
    let sound = |ids: Value, options: Value| json!({ "ids": ids, "options": options });
    for cmd in ["get_sound", "export_sound_csv"] {
        add(cmd, "no ids", json!({ "options": {} }), Refused("ids"));
        add(cmd, "no options", json!({ "ids": ["sennheiser-hd-650"] }), Refused("options"));
        add(cmd, "no models", sound(json!([]), json!({})), INVALID);
        add(cmd, "five models", sound(json!(["a", "b", "c", "d", "e"]), json!({})), INVALID);
        add(cmd, "an unknown model", sound(json!(["no-such-model"]), json!({})), NOT_FOUND);
        add(cmd, "an unknown smoothing", sound(json!(["sennheiser-hd-650"]), json!({ "smoothing": "1/5" })), Refused("options"));
        add(cmd, "an unknown normalisation", sound(json!(["sennheiser-hd-650"]), json!({ "normalize": "2k" })), Refused("options"));
        add(cmd, "an unknown option", sound(json!(["sennheiser-hd-650"]), json!({ "path": "/tmp/x" })), Refused("options"));
        add(cmd, "a good call (reads only)", sound(json!(["sennheiser-hd-650"]), json!({})), Harmless);
    }
    let curve = |model_id: &str, text: Value| json!({ "modelId": model_id, "label": "mine.txt", "text": text });
    add("import_curve", "no text", json!({ "modelId": "sony-mdr-7506", "label": "x" }), Refused("text"));
    add("import_curve", "no label", json!({ "modelId": "sony-mdr-7506", "text": "20,1" }), Refused("label"));
    add("import_curve", "an empty file", curve("sony-mdr-7506", json!("")), INVALID);
    add("import_curve", "not a measurement", curve("sony-mdr-7506", json!("<script>alert(1)</script>")), INVALID);
    add("import_curve", "frequencies going down", curve("sony-mdr-7506", json!("100,1\n50,1\n")), INVALID);
    add("import_curve", "a file over 2 MiB", curve("sony-mdr-7506", json!(long('1', 2 * 1024 * 1024 + 1))), INVALID);
    add("import_curve", "an unknown model", curve("no-such-model", json!("20,1")), NOT_FOUND);
    add("remove_curve", "no model id", json!({}), Refused("modelId"));
    add("remove_curve", "a model without a curve", json!({ "modelId": "sennheiser-hd-650" }), NOT_FOUND);
    add("restore_curve", "no undo", json!({}), Refused("undo"));
    add("restore_curve", "a curve of the wrong length", json!({ "undo": { "model_id": "sony-mdr-7506", "previous": { "label": "x", "imported": "2026-01-01", "centi_db": [1, 2, 3] } } }), INVALID);
    add("restore_curve", "an undo for a model without a curve", json!({ "undo": { "model_id": "sony-mdr-7506", "previous": null } }), NOT_FOUND);

    cases
}

/// Checks one answer against what the case expects; returns a description of the mismatch.
fn check(case: &Case, answer: &Result<Value, Value>) -> Result<(), String> {
    match (case.expect, answer) {
        (Harmless, Ok(_)) => Ok(()),
        (Kind(kind), Err(e)) if e["kind"] == kind => {
            let message = e["message"].as_str().unwrap_or_default();
            if message.is_empty() {
                Err(format!("no message: {e}"))
            } else if message.chars().count() > 400 {
                Err(format!(
                    "a message of {} characters: errors must stay readable",
                    message.chars().count()
                ))
            } else {
                Ok(())
            }
        }
        (Refused(arg), Err(Value::String(text))) if text.contains(arg) => Ok(()),
        (expect, answer) => {
            let mut shown = format!("{answer:?}");
            if shown.len() > 400 {
                let end = (0..=400)
                    .rev()
                    .find(|&i| shown.is_char_boundary(i))
                    .unwrap();
                shown.truncate(end);
                shown.push('…');
            }
            Err(format!("expected {expect:?}, got {shown}"))
        }
    }
}

#[test]
fn every_command_refuses_bad_input_and_changes_nothing() {
    let app = TestApp::new();
    let f = fixture(&app);
    let before = snapshot(&app);
    let cases = cases(&f);

    let mut covered: Vec<&str> = cases.iter().map(|c| c.cmd).collect();
    covered.sort_unstable();
    covered.dedup();
    let mut all = commands();
    all.sort_unstable();
    assert_eq!(covered, all, "every command has bad-input cases");

    let mut failures = Vec::new();
    for case in &cases {
        let answer = app.call(case.cmd, case.args.clone());
        if let Err(problem) = check(case, &answer) {
            failures.push(format!("{} ({}): {problem}", case.cmd, case.what));
        }
        let after = snapshot(&app);
        if after != before {
            failures.push(format!("{} ({}): the journal changed", case.cmd, case.what));
            break;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    println!("{} bad calls over {} commands", cases.len(), all.len());
}

/// Arguments of each kind that Tauri itself refuses are refused for every command that takes
/// arguments: none, null, and a list instead of an object.
#[test]
fn malformed_argument_objects_are_refused_by_every_command_with_arguments() {
    let app = TestApp::new();
    fixture(&app);
    let before = snapshot(&app);
    for (cmd, params) in signatures() {
        if params.iter().all(|(name, _)| name == "state") {
            continue;
        }
        for args in [json!({}), Value::Null, json!([1, 2, 3]), json!("text")] {
            let answer = app.call(&cmd, args.clone());
            assert!(
                matches!(answer, Err(Value::String(_))),
                "{cmd} with {args}: {answer:?}"
            );
        }
    }
    assert_eq!(snapshot(&app), before);
}

// ---- limits ----

fn journal_with(sessions: usize, own_models: usize) -> String {
    let own: Vec<Value> = (1..=own_models)
        .map(|i| {
            json!({
                "id": format!("user-acme-m-{i}"), "family": "user-acme-m", "brand": "Acme",
                "model": format!("M {i}"), "back": "closed", "origin": "user"
            })
        })
        .collect();
    let sessions: Vec<Value> = (1..=sessions)
        .map(|i| json!({ "id": format!("s-{i}"), "model_id": "sony-mdr-7506", "date": "2026-01-01" }))
        .collect();
    let next = sessions.len() + 1;
    json!({ "version": 1, "sessions": sessions, "own_models": own, "next_session": next })
        .to_string()
}

fn message(e: &Value) -> &str {
    e["message"].as_str().unwrap_or_default()
}

#[test]
fn a_50_mb_import_is_refused_before_it_is_read() {
    let app = TestApp::new();
    fixture(&app);
    let before = snapshot(&app);
    // A valid start, then 50 MB of padding: only the length may decide.
    let text = format!(
        "{{\"version\": 1, \"sessions\": [{}]}}",
        " ".repeat(50 * 1024 * 1024)
    );
    for mode in ["merge", "replace"] {
        let e = app
            .call("import_journal", json!({ "text": text, "mode": mode }))
            .expect_err("50 MB is refused");
        assert_eq!(e["kind"], "invalid_input", "{}", message(&e));
        assert!(
            message(&e).contains("bytes") && message(&e).contains("limit"),
            "the error names the limit: {}",
            message(&e)
        );
    }
    assert_eq!(snapshot(&app), before);
}

#[test]
fn a_100000_deep_import_is_refused_without_exhausting_the_stack() {
    let app = TestApp::new();
    fixture(&app);
    let before = snapshot(&app);
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let inside = format!("{{\"version\": 1, \"profile\": {arrays}}}");
    let unclosed = "[".repeat(depth);
    for (what, text) in [
        ("arrays", &arrays),
        ("objects", &objects),
        ("inside a document", &inside),
        ("unclosed", &unclosed),
    ] {
        let e = app
            .call("import_journal", json!({ "text": text, "mode": "replace" }))
            .expect_err(what);
        assert_eq!(e["kind"], "invalid_data", "{what}: {}", message(&e));
        assert!(
            message(&e).contains("nested deeper than 64 levels"),
            "{what}: {}",
            message(&e)
        );
    }
    assert_eq!(snapshot(&app), before);
}

#[test]
fn note_place_and_reason_lengths_are_capped_in_characters() {
    let app = TestApp::new();
    app.ok("shortlist_add", json!({ "modelId": "sony-mdr-7506" }));
    let session = |notes: String, place: String| json!({ "session": { "model_id": "sony-mdr-7506", "date": "2026-01-01", "notes": notes, "place": place } });
    // At the limit, counted in characters, not bytes: 10,000 four-byte characters fit.
    app.ok("session_add", session(long('🎧', 10_000), long('é', 120)));
    app.ok("session_add", session(long('n', 10_000), String::new()));
    let before = snapshot(&app);
    let e = app
        .call("session_add", session(long('n', 10_001), String::new()))
        .unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(
        message(&e),
        "notes: 10001 characters, more than the 10000 allowed"
    );
    let e = app
        .call("session_add", session(String::new(), long('p', 121)))
        .unwrap_err();
    assert_eq!(
        message(&e),
        "place: 121 characters, more than the 120 allowed"
    );
    app.ok(
        "shortlist_set_reason",
        json!({ "modelId": "sony-mdr-7506", "reason": long('r', 200) }),
    );
    let e = app
        .call(
            "shortlist_set_reason",
            json!({ "modelId": "sony-mdr-7506", "reason": long('r', 201) }),
        )
        .unwrap_err();
    assert_eq!(
        message(&e),
        "reason: 201 characters, more than the 200 allowed"
    );
    let after = snapshot(&app);
    assert_eq!(after.journal["sessions"], before.journal["sessions"]);
}

#[test]
fn the_caps_on_entries_hold_through_the_commands() {
    let app = TestApp::new();
    // Imports over a cap are refused, naming it.
    for (text, needle) in [
        (
            journal_with(20_001, 0),
            "sessions: 20001 sessions, more than the 20000 allowed",
        ),
        (
            journal_with(0, 1_001),
            "own_models: 1001 models, more than the 1000 allowed",
        ),
    ] {
        let e = app
            .call("import_journal", json!({ "text": text, "mode": "replace" }))
            .unwrap_err();
        assert_eq!(e["kind"], "invalid_data");
        assert!(message(&e).contains(needle), "{}", message(&e));
    }
    let entries: Vec<Value> = (0..2_001)
        .map(|_| json!({ "model_id": "sony-mdr-7506", "status": "to-try", "added": "2026-01-01" }))
        .collect();
    let e = app
        .call(
            "import_journal",
            json!({ "text": json!({ "version": 1, "shortlist": entries }).to_string(), "mode": "replace" }),
        )
        .unwrap_err();
    assert!(
        message(&e).contains("shortlist: 2001 entries, more than the 2000 allowed"),
        "{}",
        message(&e)
    );

    // A journal at the caps loads; one more through a command is refused and changes nothing.
    app.ok(
        "import_journal",
        json!({ "text": journal_with(20_000, 1_000), "mode": "replace" }),
    );
    let before = snapshot(&app);
    let e = app
        .call(
            "session_add",
            json!({ "session": { "model_id": "sony-mdr-7506", "date": "2026-01-02" } }),
        )
        .unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(message(&e), "sessions: full: at most 20000 are kept");
    let e = app
        .call(
            "own_model_add",
            json!({ "model": { "model": "One more", "back": "open" } }),
        )
        .unwrap_err();
    assert_eq!(e["kind"], "invalid_input");
    assert_eq!(message(&e), "own_models: full: at most 1000 are kept");
    assert_eq!(snapshot(&app), before);
}

// ---- paths ----

/// Every `#[tauri::command]` in `src-tauri/commands/`: its name and its parameters as
/// `(name, type)`, read from the source.
fn signatures() -> Vec<(String, Vec<(String, String)>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/commands");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for piece in text.split("#[tauri::command]").skip(1) {
            let after_fn = piece
                .split_once("fn ")
                .unwrap_or_else(|| panic!("{}: a command without fn", path.display()))
                .1;
            let name = after_fn.split(['(', '<']).next().unwrap().trim().to_owned();
            let open = after_fn.find('(').unwrap();
            let mut depth = 0;
            let mut end = open;
            for (i, c) in after_fn[open..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let params = split_top_level(&after_fn[open + 1..end])
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| {
                    let (name, ty) = p.split_once(':').expect("name: type");
                    (
                        name.trim().to_owned(),
                        ty.split_whitespace().collect::<String>(),
                    )
                })
                .collect();
            out.push((name, params));
        }
    }
    out
}

/// Splits on commas outside `<>`, `()` and `[]`.
fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts
}

/// No command takes a file path: every parameter has a name and a type from a fixed list of
/// values the commands validate, and none is a path. Files are read by the webview from a file
/// the user picked (its text crosses, never its name) or by the persistence adapter from the
/// data directory Rust chose.
#[test]
fn no_command_takes_a_path_from_the_webview() {
    let sigs = signatures();
    let mut names: Vec<&str> = sigs.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    let mut all = commands();
    all.sort_unstable();
    assert_eq!(
        names, all,
        "the commands in src-tauri/commands/ are the app's commands"
    );

    // (parameter, type): extend deliberately, never with a path, a file name or a directory.
    const ALLOWED: &[(&str, &str)] = &[
        ("state", "State<'_,AppState>"),
        ("query", "Query"),
        ("id", "String"),
        ("model_id", "String"),
        ("profile", "Profile"),
        ("status", "Status"),
        ("reason", "String"),
        ("index", "usize"),
        ("undo", "Removed<Entry>"),
        ("undo", "Removed<Session>"),
        ("undo", "Removed<Model>"),
        ("session", "SessionInput"),
        ("model", "OwnModelInput"),
        ("ids", "Vec<String>"),
        ("format", "ExportFormat"),
        ("format", "CompareFormat"),
        ("text", "String"),
        ("mode", "ImportMode"),
        ("figures", "UserFigures"),
        ("options", "ViewOptions"),
        ("label", "String"),
        ("undo", "Replaced<UserCurve>"),
        ("group", "SessionGroup"),
    ];
    for (cmd, params) in &sigs {
        for (name, ty) in params {
            // Whole words of the name and the type, so `profile` is not a `file`.
            let words: Vec<String> = format!("{name} {ty}")
                .split(|c: char| !c.is_ascii_alphanumeric())
                .flat_map(|w| w.split('_'))
                .map(str::to_lowercase)
                .collect();
            for word in [
                "path", "pathbuf", "file", "filename", "dir", "osstr", "osstring", "url",
            ] {
                assert!(
                    !words.iter().any(|w| w == word),
                    "{cmd} takes `{name}: {ty}`: no command may take a {word} from the webview"
                );
            }
            assert!(
                ALLOWED.contains(&(name.as_str(), ty.as_str())),
                "{cmd} takes `{name}: {ty}`, which is not on the list of known argument types"
            );
        }
    }

    // The commands themselves never touch the file system: that is the persistence adapter's.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/commands");
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for word in [
            "std::fs",
            "fs::",
            "File::",
            "OpenOptions",
            "PathBuf",
            "Path::",
        ] {
            assert!(
                !text.contains(word),
                "{} uses `{word}`: commands leave files to src-tauri/persist/",
                path.display()
            );
        }
    }
}

// ---- the content security policy ----

/// The CSP the window gets: scripts and styles from the app only (no inline script, no `eval`),
/// nothing from the network but the IPC. `tests/e2e/security.rs` checks that it is in force.
#[test]
fn the_csp_allows_no_inline_script_eval_or_remote_content() {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json")).unwrap();
    let conf: Value = serde_json::from_str(&text).unwrap();
    let security = &conf["app"]["security"];
    let csp = security["csp"]
        .as_object()
        .expect("the CSP is set, as directives");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["base-uri"], "'none'");
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for source in value.split_whitespace() {
            assert!(
                !source.contains("unsafe")
                    && source != "*"
                    && source != "http:"
                    && source != "https:",
                "{directive} allows {source}"
            );
            let remote = source.contains("://") && source != "http://ipc.localhost";
            assert!(!remote, "{directive} allows remote content from {source}");
        }
    }
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none(),
        "Tauri adds the hashes of its own scripts to the CSP"
    );
    assert_eq!(security["freezePrototype"], true);
}
