//! The commands the UI calls. Each is a few lines: take the state, validate and convert the
//! input, call one domain function, map the result or the error. No product rules here.
//! Commands that write to disk are `async`, so they run off the main thread.

pub mod catalog;
pub mod compare;
pub mod figures;
pub mod journal;
pub mod sound;

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, CmdResult, ErrorKind};

/// Longest id any command accepts.
const MAX_ID: usize = 200;

fn check_id(field: &str, id: &str) -> CmdResult<()> {
    if id.is_empty() || id.len() > MAX_ID {
        return Err(AppError::new(
            ErrorKind::InvalidInput,
            format!("{field}: must be 1 to {MAX_ID} characters"),
        ));
    }
    Ok(())
}

/// What undoes a change to one of a model's entries in the journal (its figures, its measurement):
/// put `previous` back, or remove the entry when there was none.
#[derive(Serialize, Deserialize, ts_rs::TS)]
pub struct Replaced<T> {
    model_id: String,
    previous: Option<T>,
}

/// Today's date (UTC) as `YYYY-MM-DD`: the shell reads the clock, the domain is handed dates.
fn today() -> String {
    let stamp = crate::persist::files::utc_stamp(SystemTime::now());
    format!("{}-{}-{}", &stamp[0..4], &stamp[4..6], &stamp[6..8])
}
