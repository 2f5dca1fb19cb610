//! Generates the Tauri context and the ACL: every app command gets an `allow-<command>`
//! permission, and a command no capability allows cannot be called from the webview.

/// The app's commands. Keep in step with `generate_handler!` in `lib.rs` and with
/// `src-tauri/capabilities/main.json`; the app tests check all three agree.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_models",
    "get_model",
    "source_presets",
    "get_profile",
    "save_profile",
    "recommend",
    "get_journal",
    "shortlist_add",
    "shortlist_set_status",
    "shortlist_set_reason",
    "shortlist_move",
    "shortlist_remove",
    "shortlist_restore",
    "session_add",
    "session_update",
    "session_delete",
    "session_restore",
    "own_model_add",
    "own_model_update",
    "own_model_delete",
    "own_model_restore",
    "set_compare",
    "export_journal",
    "import_journal",
    "get_comparison",
    "export_comparison",
];

fn main() {
    // tauri-build watches `capabilities/` only at its default place.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // tauri-build's own message names the file and the problem.
        panic!("tauri-build: {error:#}");
    }
}
