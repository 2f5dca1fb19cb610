//! The app on Tauri's mock runtime with the real context (`generate_context!()`), so the real
//! capabilities apply: commands are called through the IPC layer exactly as the webview calls
//! them, and a command the capability does not allow is refused.

mod support;

mod catalog;
mod crash;
mod painting;
mod persist;
mod surface;
mod types;
mod validation;
