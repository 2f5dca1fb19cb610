//! The UI's types are generated from the Rust types that cross the IPC boundary, so the two
//! cannot drift: `gen/wire.d.ts` holds a TypeScript declaration of every such type (through
//! ts-rs, from the serde attributes) and a `Commands` map of each command in
//! `src-tauri/commands.txt` to its arguments and its result, read from the command's signature.
//! `ui/api.js` types its one `call` with that map, and `make test` runs `tsc` over the UI
//! (`tests/ui/tsconfig.json`), so a field renamed in Rust changes this file (the test below fails
//! until it is written anew) and then fails the UI's type check wherever the old name is used.
//!
//! Write the file anew after an intended change: `HEADROOM_BLESS=1 cargo test --test app types`.

use std::any::TypeId;
use std::collections::BTreeMap;
use std::path::Path;

use headroom_app::commands::{catalog, compare, figures, journal, Replaced};
use headroom_app::error::AppError;
use headroom_domain::journal as domain;
use headroom_domain::{advisor, drive, query, sound, Model};
use ts_rs::{Config, TypeVisitor, TS};

const OUTPUT: &str = "gen/wire.d.ts";

/// Arguments whose every field has a default (`#[serde(default)]` on the struct): the UI may
/// send any part of them, so the map types them `Partial<...>`. Checked by
/// `defaulted_arguments_parse_from_an_empty_object`.
const DEFAULTED: [&str; 3] = ["Query", "Profile", "ViewOptions"];

/// Every declared type by its TypeScript name; two Rust types may not share one.
struct Declarations<'c> {
    cfg: &'c Config,
    by_name: BTreeMap<String, (TypeId, String)>,
}

impl TypeVisitor for Declarations<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            // A primitive, a collection or a wrapper: nothing to declare, but what it holds may be.
            T::visit_dependencies(self);
            T::visit_generics(self);
            return;
        }
        let name = T::ident(self.cfg);
        let id = TypeId::of::<T::WithoutGenerics>();
        if let Some((seen, _)) = self.by_name.get(&name) {
            assert_eq!(
                *seen, id,
                "two Rust types are both called {name} in TypeScript: rename one (#[ts(rename)])"
            );
            return;
        }
        let decl = T::decl(self.cfg);
        self.by_name.insert(name, (id, decl));
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The commands' argument and result types, as roots of the declarations. `tsc` fails on a name
/// the `Commands` map uses that is not declared, so a root missing here cannot go unnoticed.
fn roots(d: &mut Declarations) {
    d.visit::<AppError>();
    d.visit::<catalog::AppInfo>();
    d.visit::<query::Query>();
    d.visit::<catalog::ModelPage>();
    d.visit::<Model>();
    d.visit::<drive::SourcePreset>();
    d.visit::<advisor::Profile>();
    d.visit::<catalog::AdviceList>();
    d.visit::<journal::JournalView>();
    d.visit::<domain::Status>();
    d.visit::<journal::Undoable<journal::Removed<domain::Entry>>>();
    d.visit::<journal::Undoable<journal::Removed<domain::Session>>>();
    d.visit::<journal::Undoable<journal::Removed<Model>>>();
    d.visit::<domain::SessionGroup>();
    d.visit::<domain::SessionInput>();
    d.visit::<domain::OwnModelInput>();
    d.visit::<domain::ImportMode>();
    d.visit::<journal::ExportFormat>();
    d.visit::<journal::CompareAdded>();
    d.visit::<compare::ComparisonView>();
    d.visit::<compare::CompareFormat>();
    d.visit::<domain::UserFigures>();
    d.visit::<figures::FiguresChanged>();
    d.visit::<sound::ViewOptions>();
    d.visit::<sound::SoundView>();
    d.visit::<Replaced<domain::UserCurve>>();
}

/// One `#[tauri::command]`: its name, its arguments (as the UI passes them) and its result.
struct Command {
    name: String,
    args: Vec<(String, String)>,
    result: String,
}

/// Reads each listed command's signature from its module's source. The commands are plain
/// functions with a `State` first (or no arguments), so the signature is all the text needs.
fn commands(root: &Path) -> Vec<Command> {
    let list = std::fs::read_to_string(root.join("src-tauri/commands.txt")).unwrap();
    let mut out = Vec::new();
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (module, name) = line.split_once("::").expect("module::command");
        let path = root.join(format!("src-tauri/commands/{module}.rs"));
        let source = std::fs::read_to_string(&path).unwrap();
        let start = [format!("pub fn {name}("), format!("pub async fn {name}(")]
            .iter()
            .find_map(|s| source.find(s.as_str()).map(|i| i + s.len()))
            .unwrap_or_else(|| panic!("{}: no command {name}", path.display()));
        let sig = &source[start..];
        let close = matching_paren(sig);
        let params = &sig[..close];
        let rest = &sig[close + 1..];
        let result = rest
            .trim_start()
            .strip_prefix("->")
            .map(|r| r[..r.find('{').unwrap()].trim())
            .unwrap_or("()");
        let args = split_top(params)
            .into_iter()
            .filter(|p| !p.contains("State<"))
            .map(|p| {
                let (arg, ty) = p.split_once(':').expect("name: type");
                (camel(arg.trim()), ts_type(ty.trim()))
            })
            .collect();
        out.push(Command {
            name: name.to_owned(),
            args,
            result: ts_type(result),
        });
    }
    out
}

fn matching_paren(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' if depth == 0 => return i,
            ')' | '>' | ']' => depth -= 1,
            _ => {}
        }
    }
    panic!("unclosed signature")
}

/// Splits on commas outside `<>`, `()` and `[]`, dropping empty parts.
fn split_top(s: &str) -> Vec<&str> {
    let (mut depth, mut from, mut parts) = (0i32, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(s[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(s[from..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Tauri passes a command's snake_case arguments under camelCase names.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// A Rust type as written in a signature, in TypeScript. Named types keep their names (and
/// generic arguments), which the declarations must then hold.
fn ts_type(ty: &str) -> String {
    let ty = ty.trim();
    let ty = ty.strip_prefix("&'static ").unwrap_or(ty);
    if let Some(inner) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return format!("Array<{}>", ts_type(inner));
    }
    match ty {
        "()" => return "null".into(),
        "String" | "&str" => return "string".into(),
        "bool" => return "boolean".into(),
        "usize" | "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "f32" | "f64" => {
            return "number".into()
        }
        _ => {}
    }
    let Some(open) = ty.find('<') else {
        return ty.rsplit("::").next().unwrap().to_owned();
    };
    let outer = ty[..open].rsplit("::").next().unwrap();
    let inner = &ty[open + 1..ty.len() - 1];
    let args: Vec<String> = split_top(inner).into_iter().map(ts_type).collect();
    match outer {
        "CmdResult" => args[0].clone(),
        "Vec" => format!("Array<{}>", args[0]),
        "Option" => format!("{} | null", args[0]),
        _ => format!("{outer}<{}>", args.join(", ")),
    }
}

fn generate(root: &Path) -> String {
    let cfg = Config::new().with_large_int("number");
    let mut decls = Declarations {
        cfg: &cfg,
        by_name: BTreeMap::new(),
    };
    roots(&mut decls);
    let mut out = String::from(
        "// Generated from the Rust types by tests/app/types.rs: do not edit. Write it anew with\n\
         // `HEADROOM_BLESS=1 cargo test --test app types` after changing a type that crosses IPC.\n\n",
    );
    for (_, decl) in decls.by_name.values() {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push('\n');
    }
    out.push_str(
        "\n/** Each command the window may call: its arguments and what it resolves to. */\n",
    );
    out.push_str("export interface Commands {\n");
    for c in commands(root) {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|(n, t)| match DEFAULTED.contains(&t.as_str()) {
                true => format!("{n}: Partial<{t}>"),
                false => format!("{n}: {t}"),
            })
            .collect();
        out.push_str(&format!(
            "  {}: {{ args: {{ {} }}; result: {} }};\n",
            c.name,
            args.join("; "),
            c.result
        ));
    }
    out.push_str("}\n");
    out
}

#[test]
fn types_the_ui_checks_against_are_generated_from_the_rust_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = generate(root);
    let path = root.join(OUTPUT);
    if std::env::var_os("HEADROOM_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let saved = std::fs::read_to_string(&path).unwrap_or_default();
    if saved != fresh {
        let line = saved
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .map_or(saved.lines().count().min(fresh.lines().count()), |i| i);
        panic!(
            "{OUTPUT} is stale from line {}: a type crossing IPC changed. Write it anew with \
             `HEADROOM_BLESS=1 cargo test --test app types`, then run `npx tsc -p tests/ui` to see \
             which UI code the change breaks.\n  saved: {:?}\n  fresh: {:?}",
            line + 1,
            saved.lines().nth(line).unwrap_or(""),
            fresh.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn a_signature_reads_as_typescript() {
    assert_eq!(ts_type("CmdResult<Vec<String>>"), "Array<string>");
    assert_eq!(
        ts_type("CmdResult<Undoable<Removed<Entry>>>"),
        "Undoable<Removed<Entry>>"
    );
    assert_eq!(ts_type("&'static [SourcePreset]"), "Array<SourcePreset>");
    assert_eq!(ts_type("Option<headroom::X>"), "X | null");
    assert_eq!(ts_type("CmdResult<()>"), "null");
    assert_eq!(camel("model_id"), "modelId");
    assert_eq!(
        split_top("a: Vec<u8, X>, b: (u8, u8),"),
        vec!["a: Vec<u8, X>", "b: (u8, u8)"]
    );
}

#[test]
fn defaulted_arguments_parse_from_an_empty_object() {
    assert!(serde_json::from_str::<query::Query>("{}").is_ok());
    assert!(serde_json::from_str::<advisor::Profile>("{}").is_ok());
    assert!(serde_json::from_str::<sound::ViewOptions>("{}").is_ok());
    let cfg = Config::new();
    let names = [
        query::Query::ident(&cfg),
        advisor::Profile::ident(&cfg),
        sound::ViewOptions::ident(&cfg),
    ];
    assert_eq!(names, DEFAULTED);
    // And one that is not: a session needs its fields.
    assert!(serde_json::from_str::<domain::SessionInput>("{}").is_err());
}
