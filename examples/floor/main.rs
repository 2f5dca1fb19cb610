//! The floor for Headroom's start-up and memory benchmark: a minimal Tauri 2 window with the
//! same version of Tauri, the same window and the same CSP, and nothing of Headroom's (no
//! plugins, no state, a page of one script that makes one IPC call). `make bench` launches it
//! exactly as it launches the app, so the two are compared in one run on one machine.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<SystemTime> = OnceLock::new();

#[derive(serde::Serialize)]
struct Started {
    started_ms: u128,
}

/// Named like the app's command so the benchmark asks both the same way (and so that the
/// app's capability, which this example shares, allows it).
#[tauri::command]
fn app_info() -> Started {
    let started = STARTED.get().copied().unwrap_or(UNIX_EPOCH);
    Started {
        started_ms: started
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis()),
    }
}

fn main() {
    STARTED.get_or_init(SystemTime::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_info])
        .run(tauri::generate_context!("examples/floor/tauri.conf.json"))
        .expect("the floor window runs");
}
