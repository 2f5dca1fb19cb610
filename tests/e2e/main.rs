//! End to end: the built app in a real window under Xvfb, driven through tauri-driver and
//! WebKitWebDriver, doing what a user does and asserting on what the window shows.
//!
//! Needs `Xvfb`, `WebKitWebDriver` and `tauri-driver` on the machine (the README's test command
//! installs them). Each test gets its own X display, driver and data directory, and the driver
//! and its children are killed as a process group when the test ends, pass or fail.
//!
//! Linux only (Xvfb, WebKitWebDriver, process groups): on other systems this test binary is
//! empty, and `make test`'s Windows check compiles it as such.
#![cfg(target_os = "linux")]

mod harness;

mod a11y;
mod advice;
mod browse;
mod desktop;
mod journal;
mod screens;
mod security;
mod sound;
