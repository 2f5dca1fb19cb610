//! The IPC surface: the main window may call exactly the app's commands; other windows and
//! plugin commands are refused; errors have the `{ kind, message }` shape.

use serde_json::{json, Value};

use crate::support::{invoke, TestApp};

/// Every app command, from the one list `src-tauri/commands.txt` (build.rs makes the handler
/// list and the capability from it too).
pub(crate) fn commands() -> Vec<&'static str> {
    include_str!("../../src-tauri/commands.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once("::").expect("module::command").1)
        .collect()
}

/// Calls every command from the main window, in an order where each one can succeed, and
/// returns the names called.
fn call_every_command(app: &TestApp) -> Vec<&'static str> {
    let mut called = Vec::new();
    let mut ok = |cmd: &'static str, args: Value| -> Value {
        called.push(cmd);
        app.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} refused or failed: {e}"))
    };
    ok("app_info", json!({}));
    ok("list_models", json!({ "query": {} }));
    ok("get_model", json!({ "id": "sennheiser-hd-650" }));
    ok("source_presets", json!({}));
    let profile = ok("get_profile", json!({}));
    ok("save_profile", json!({ "profile": profile }));
    ok("recommend", json!({ "profile": {} }));
    ok("get_journal", json!({}));
    ok("shortlist_add", json!({ "modelId": "sennheiser-hd-650" }));
    ok("shortlist_add", json!({ "modelId": "sony-mdr-7506" }));
    ok(
        "shortlist_set_status",
        json!({ "modelId": "sennheiser-hd-650", "status": "tried" }),
    );
    ok(
        "shortlist_set_reason",
        json!({ "modelId": "sennheiser-hd-650", "reason": "for mixing" }),
    );
    ok(
        "shortlist_move",
        json!({ "modelId": "sony-mdr-7506", "index": 0 }),
    );
    let session =
        json!({ "model_id": "sennheiser-hd-650", "date": "2026-11-21", "place": "Store" });
    let journal = ok("session_add", json!({ "session": session }));
    let id = journal["sessions"][0]["id"].as_str().unwrap().to_owned();
    ok(
        "get_sessions",
        json!({ "group": { "model": "sennheiser-hd-650" } }),
    );
    ok("get_sessions", json!({ "group": "others" }));
    ok("session_update", json!({ "id": id, "session": session }));
    let removed = ok("session_delete", json!({ "id": id }));
    ok("session_restore", json!({ "undo": removed["undo"] }));
    let journal = ok(
        "own_model_add",
        json!({ "model": { "model": "Demo pair", "back": "closed" } }),
    );
    let own = journal["own_models"][0]["id"].as_str().unwrap().to_owned();
    ok(
        "own_model_update",
        json!({ "id": own, "model": { "model": "Demo pair 2", "back": "open" } }),
    );
    let removed = ok("own_model_delete", json!({ "id": own }));
    ok("own_model_restore", json!({ "undo": removed["undo"] }));
    ok(
        "set_compare",
        json!({ "ids": ["sennheiser-hd-650", "sony-mdr-7506"] }),
    );
    ok("get_comparison", json!({}));
    ok("export_comparison", json!({ "format": "markdown" }));
    let exported = ok("export_journal", json!({ "format": "json" }));
    ok(
        "import_journal",
        json!({ "text": exported, "mode": "replace" }),
    );
    let removed = ok("shortlist_remove", json!({ "modelId": "sony-mdr-7506" }));
    ok("shortlist_restore", json!({ "undo": removed["undo"] }));
    ok("compare_add", json!({ "modelId": "audeze-lcd-2" }));
    ok(
        "set_figures",
        json!({ "modelId": "sony-mdr-7506", "figures": { "weight_g": 230 } }),
    );
    ok("remove_figures", json!({ "modelId": "sony-mdr-7506" }));
    let options = json!({ "smoothing": "1/6", "normalize": "1k", "error": false });
    ok(
        "get_sound",
        json!({ "ids": ["sennheiser-hd-650"], "options": options }),
    );
    ok(
        "export_sound_csv",
        json!({ "ids": ["sennheiser-hd-650"], "options": options }),
    );
    let text: String = (0..60)
        .map(|i| {
            format!(
                "{:.2},{}\n",
                20.0 * 1000f64.powf(f64::from(i) / 59.0),
                i % 3
            )
        })
        .collect();
    ok(
        "import_curve",
        json!({ "modelId": "sony-mdr-7506", "label": "mine.csv", "text": text }),
    );
    let removed = ok("remove_curve", json!({ "modelId": "sony-mdr-7506" }));
    ok("restore_curve", json!({ "undo": removed }));
    called
}

#[test]
fn capability_lists_exactly_the_app_commands() {
    // The capability build.rs generated from the command list, as the app embeds it.
    let text =
        std::fs::read_to_string(concat!(env!("OUT_DIR"), "/capabilities/main.json")).unwrap();
    let cap: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        cap["windows"],
        json!(["main"]),
        "only the main window is granted anything"
    );
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_owned())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.sort();
    assert_eq!(
        granted, expected,
        "the capability grants exactly the listed commands"
    );
}

#[test]
fn main_window_may_call_every_app_command() {
    let app = TestApp::new();
    let mut called = call_every_command(&app);
    called.sort_unstable();
    called.dedup();
    let mut all = commands();
    all.sort_unstable();
    assert_eq!(called, all, "every command is exercised");
}

#[test]
fn a_window_outside_the_capability_is_refused() {
    let app = TestApp::new();
    let other = app.window("other");
    for cmd in commands() {
        let e = invoke(&other, cmd, json!({})).expect_err(cmd);
        let text = e.to_string();
        assert!(
            text.contains("not allowed"),
            "{cmd} from another window: {text}"
        );
    }
}

#[test]
fn plugin_and_core_commands_are_refused() {
    let app = TestApp::new();
    for cmd in [
        "plugin:store|load",
        "plugin:store|get",
        "plugin:store|set",
        "plugin:store|save",
        "plugin:fs|read_text_file",
        "plugin:shell|execute",
        "plugin:event|listen",
        "plugin:window|close",
        "plugin:webview|create_webview",
        "plugin:window-state|save_window_state",
        "plugin:window-state|restore_state",
        "plugin:window-state|filename",
    ] {
        let e = app
            .call(cmd, json!({ "path": "x", "key": "k", "rid": 0 }))
            .expect_err(cmd);
        let text = e.to_string();
        assert!(
            text.contains("not allowed") || text.contains("not found"),
            "{cmd} should be refused: {text}"
        );
    }
}

#[test]
fn unknown_commands_are_refused() {
    let app = TestApp::new();
    assert!(app.call("delete_everything", json!({})).is_err());
}

#[test]
fn errors_cross_as_kind_and_message() {
    let app = TestApp::new();
    let e = app
        .call("get_model", json!({ "id": "no-such-model" }))
        .expect_err("unknown id");
    assert_eq!(
        e,
        json!({ "kind": "not_found", "message": "no model with id `no-such-model`" })
    );
}
