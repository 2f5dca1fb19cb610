//! Embeds every `data/models/*.json` and `data/curves/*.json` file, so adding a brand's file or a
//! model's curve needs no code change.

use std::{env, fs, path::PathBuf};

/// Writes `OUT_DIR/<out>`: a slice of `("<prefix>/<name>", include_str!(<path>))` for every
/// `.json` file directly in `data/<folder>`, sorted by name.
fn embed(folder: &str, out: &str) {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("data")
        .join(folder);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("catalog/data/{folder}: {e}"))
        .map(|entry| entry.expect("readable data dir").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut text = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        text.push_str(&format!(
            "    (\"{folder}/{name}\", include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    text.push(']');
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join(out);
    fs::write(dest, text).unwrap_or_else(|e| panic!("write {out}: {e}"));
}

fn main() {
    embed("models", "model_files.rs");
    embed("curves", "curve_files.rs");
}
