// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    headroom_app::mark_start();
    headroom_app::prefer_cpu_painting();
    if let Err(message) = headroom_app::check_display() {
        eprintln!("headroom: {message}");
        std::process::exit(2);
    }
    headroom_app::run();
}
