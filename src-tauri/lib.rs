//! Headroom's Tauri shell: app state, the commands the UI calls, and the persistence adapter.
//! The product's rules live in the `headroom-domain` crate; this crate wires them to the window.

pub mod commands;
pub mod error;
pub mod persist;
mod state;
mod window;

use std::path::PathBuf;
use std::time::SystemTime;

use tauri::{Manager, Runtime};

pub use state::AppState;
pub use window::WINDOW_STATE_FILE;

/// Environment variable that points Headroom at another data directory (tests, benchmarks,
/// screenshots): nothing then touches the user's real data.
pub const DATA_DIR_ENV: &str = "HEADROOM_DATA_DIR";

static STARTED: std::sync::OnceLock<SystemTime> = std::sync::OnceLock::new();

/// Records when the process started (called first thing in `main`); the start-up benchmark
/// measures from here to the catalog painted in the window.
pub fn mark_start() {
    STARTED.get_or_init(SystemTime::now);
}

/// When the process started, as far as it knows.
pub fn started() -> SystemTime {
    *STARTED.get_or_init(SystemTime::now)
}

/// The WebKitGTK variable that chooses how pages are painted: Skia on the CPU when set (and not
/// "0"), else Skia on the GPU through OpenGL.
pub const CPU_PAINTING_ENV: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// What `prefer_cpu_painting` sets `CPU_PAINTING_ENV` to, given its value now: "1" when it is
/// not set, nothing when the user chose (`=0` brings GPU painting back).
pub fn cpu_painting_choice(current: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    current.is_none().then_some("1")
}

/// Headroom's pages (text, tables, a few SVG plots) are painted by Skia on the CPU, not on the
/// GPU, on Linux. GPU painting gives them nothing a user would see, and costs the web process
/// memory it keeps: Skia's GPU caches and, without a GPU (llvmpipe), the shaders and textures
/// emulated in its own memory, which grows with every new thing drawn (`make bench`: the PSS
/// after start-up and over the mixed actions). Layers are still composited with OpenGL.
/// Called first thing in `main`, before any thread exists.
pub fn prefer_cpu_painting() {
    if cfg!(target_os = "linux") {
        if let Some(value) = cpu_painting_choice(std::env::var_os(CPU_PAINTING_ENV).as_deref()) {
            std::env::set_var(CPU_PAINTING_ENV, value);
        }
    }
}

/// Refuses to start without a display, with one line that says how to run Headroom instead of
/// a panic from GTK.
pub fn check_display() -> Result<(), String> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none_or(|v| v.is_empty())
        && std::env::var_os("WAYLAND_DISPLAY").is_none_or(|v| v.is_empty())
    {
        return Err(
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run Headroom in a \
             desktop session, or headless with `xvfb-run -a headroom`"
                .into(),
        );
    }
    Ok(())
}

/// Adds Headroom's plugins, state and commands to a builder of any runtime, so the app tests
/// run the very same configuration on Tauri's mock runtime. `data_dir_override` says where the
/// user's data lives (tests pass a temporary directory); `None` means `$HEADROOM_DATA_DIR` if
/// set, else the platform's app data directory (`~/.local/share/app.headroom.desktop` on Linux).
pub fn configure<R: Runtime>(
    builder: tauri::Builder<R>,
    data_dir_override: Option<PathBuf>,
) -> tauri::Builder<R> {
    // Chosen once, for the journal and the window's geometry alike.
    let chosen = data_dir_override.or_else(|| {
        std::env::var_os(DATA_DIR_ENV)
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
    });
    let window_state = window::state_plugin(chosen.as_deref());
    builder
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(window_state)
        .on_window_event(window::remember_geometry)
        .setup(move |app| {
            let dir = match chosen {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            // The plugin's store holds the document's keys in memory; the adapter validates and
            // writes the file itself (see persist/), so the store never loads or saves it.
            let store = tauri_plugin_store::StoreBuilder::new(app, dir.join(persist::files::MAIN))
                .create_new()
                .disable_auto_save()
                .build()?;
            let state = AppState::open(dir, Box::new(store), SystemTime::now())?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/generate_handler.rs")))
}

/// Starts the desktop app.
pub fn run() {
    let app = configure(tauri::Builder::default(), None)
        .build(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("headroom: could not start: {error}");
            std::process::exit(1);
        });
    app.run(|app, event| {
        if let tauri::RunEvent::ExitRequested { .. } = event {
            // tauri-plugin-store saves every open store in place when the app exits. The
            // journal is already on disk (every change is saved atomically before its command
            // returns), so close the store first and keep that non-atomic write from happening.
            if let Some(state) = app.try_state::<AppState>() {
                use tauri_plugin_store::StoreExt;
                if let Some(store) = app.get_store(state.journal.path()) {
                    store.close_resource();
                }
                state.journal.close();
            }
        }
    });
}
