//! Generates the Tauri context and the IPC surface from one list, `src-tauri/commands.txt`:
//! - the handler list the app registers (`OUT_DIR/generate_handler.rs`, included by `lib.rs`);
//! - the ACL: every listed command gets an `allow-<command>` permission, and a command no
//!   capability allows cannot be called from the webview;
//! - the main window's capability (`OUT_DIR/capabilities/main.json`): exactly those
//!   permissions, for the window labelled `main`, and nothing else.

use std::{env, fs, path::PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
    let list = root.join("src-tauri/commands.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let text = fs::read_to_string(&list).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    let mut commands: Vec<(String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (module, name) = line
            .split_once("::")
            .unwrap_or_else(|| panic!("commands.txt line {}: expected module::command", n + 1));
        assert!(
            !commands.iter().any(|(_, c)| c == name),
            "commands.txt line {}: `{name}` is listed twice",
            n + 1
        );
        commands.push((module.to_owned(), name.to_owned()));
    }

    let handler = format!(
        "tauri::generate_handler![\n{}]\n",
        commands
            .iter()
            .map(|(m, c)| format!("    crate::commands::{m}::{c},\n"))
            .collect::<String>()
    );
    fs::write(out.join("generate_handler.rs"), handler).expect("write generate_handler.rs");

    let capabilities = out.join("capabilities");
    fs::create_dir_all(&capabilities).expect("create the capabilities folder");
    let permissions: Vec<String> = commands
        .iter()
        .map(|(_, c)| format!("\"allow-{}\"", c.replace('_', "-")))
        .collect();
    let capability = format!(
        "{{\n  \"identifier\": \"main\",\n  \"description\": \"The main window may call Headroom's own commands (src-tauri/commands.txt) and nothing else: no store, fs or other plugin commands.\",\n  \"windows\": [\"main\"],\n  \"permissions\": [\n    {}\n  ]\n}}\n",
        permissions.join(",\n    ")
    );
    fs::write(capabilities.join("main.json"), capability).expect("write the capability");

    let names: Vec<&'static str> = commands
        .into_iter()
        .map(|(_, c)| &*Box::leak(c.into_boxed_str()))
        .collect();
    let pattern: &'static str = Box::leak(
        format!("{}/*.json", glob_escape(&capabilities.to_string_lossy())).into_boxed_str(),
    );
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern(pattern)
        .app_manifest(
            tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice())),
        );
    if let Err(error) = tauri_build::try_build(attributes) {
        // tauri-build's own message names the file and the problem.
        panic!("tauri-build: {error:#}");
    }
}

/// Escapes glob metacharacters in a path (the build directory may contain any of them).
fn glob_escape(path: &str) -> String {
    path.chars()
        .flat_map(|c| match c {
            '?' | '*' | '[' | ']' => vec!['[', c, ']'],
            _ => vec![c],
        })
        .collect()
}
