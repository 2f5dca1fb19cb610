//! The main window remembers its size, position and maximised state across runs, through
//! tauri-plugin-window-state, used from Rust only: the capability grants the webview none of the
//! plugin's commands (`tests/app/surface.rs` checks they are refused).

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// The window-state file's name in a data directory given by `$HEADROOM_DATA_DIR` or a test.
pub const WINDOW_STATE_FILE: &str = "window-state.json";

/// How long the window must stay still before its geometry is written.
const SETTLE: Duration = Duration::from_millis(400);

fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// The plugin. Its file goes to the platform's config directory
/// (`~/.config/app.headroom.desktop/.window-state.json`), or into `data_dir` when one was chosen
/// (tests, `$HEADROOM_DATA_DIR`), so tests never touch the real user's files.
pub fn state_plugin<R: Runtime>(data_dir: Option<&Path>) -> tauri::plugin::TauriPlugin<R> {
    let mut plugin = tauri_plugin_window_state::Builder::new().with_state_flags(flags());
    if let Some(dir) = data_dir {
        // The plugin joins this to its config directory: an absolute path replaces it.
        let file = std::path::absolute(dir.join(WINDOW_STATE_FILE)).ok();
        match file.as_deref().and_then(Path::to_str) {
            Some(file) => plugin = plugin.with_filename(file),
            // Not UTF-8: remember nothing rather than write outside the chosen directory.
            None => plugin = plugin.with_denylist(&["main"]),
        }
    }
    plugin.build()
}

/// The plugin writes its file when the app exits normally. A killed or crashed app never gets
/// there, so the geometry is also written once the window has stopped moving or resizing.
pub fn remember_geometry<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    static LATEST: AtomicU64 = AtomicU64::new(0);
    if !matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
        return;
    }
    let ticket = LATEST.fetch_add(1, Ordering::SeqCst) + 1;
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        // Only the last event of a drag or resize writes.
        if LATEST.load(Ordering::SeqCst) != ticket {
            return;
        }
        // On the main thread, like the plugin's own save at exit: from another thread, the
        // save would hold the plugin's cache lock while waiting for the main thread, which may
        // itself be waiting for that lock in the plugin's window-event handler (a deadlock).
        let handle = app.clone();
        let queued = app.run_on_main_thread(move || {
            if let Err(error) = handle.save_window_state(flags()) {
                eprintln!("headroom: could not save the window's size and position: {error}");
            }
        });
        // Refused only once the event loop has ended, and then the plugin has saved at exit.
        if let Err(error) = queued {
            eprintln!("headroom: window size and position left to the save at exit: {error}");
        }
    });
}
