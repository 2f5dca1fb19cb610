//! The comparison of the models in the user's comparison set.

use headroom_domain::compare::{self, Comparison};
use headroom_domain::journal;
use serde::{Deserialize, Serialize};
use tauri::State;

use super::catalog::saved_profile;
use crate::error::CmdResult;
use crate::AppState;

/// The comparison set and, when it has two models or more, their comparison for the saved
/// advisor profile.
#[derive(Serialize, ts_rs::TS)]
pub struct ComparisonView {
    /// The journal's revision, read before the data (`persist::Journal::revision`): the view
    /// draws again only when it changed.
    revision: u64,
    ids: Vec<String>,
    comparison: Option<Comparison>,
}

fn build(state: &AppState) -> CmdResult<ComparisonView> {
    let revision = state.journal.revision();
    let catalog = state.catalog();
    let profile = saved_profile(state);
    let (ids, tryons) = state
        .journal
        .read(|doc| (doc.compare.clone(), journal::summaries(doc)));
    let comparison = if ids.len() >= compare::MIN_MODELS {
        Some(compare::build(&catalog, &ids, &profile, &tryons)?)
    } else {
        None
    };
    Ok(ComparisonView {
        revision,
        ids,
        comparison,
    })
}

#[tauri::command]
pub fn get_comparison(state: State<'_, AppState>) -> CmdResult<ComparisonView> {
    build(&state)
}

#[derive(Deserialize, Clone, Copy, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum CompareFormat {
    Markdown,
    Csv,
}

/// The comparison as Markdown or CSV, for the UI to save or copy.
#[tauri::command]
pub fn export_comparison(state: State<'_, AppState>, format: CompareFormat) -> CmdResult<String> {
    let view = build(&state)?;
    let comparison = view.comparison.ok_or_else(|| {
        crate::error::AppError::new(
            crate::error::ErrorKind::InvalidInput,
            "ids: pick at least two models to compare first",
        )
    })?;
    Ok(match format {
        CompareFormat::Markdown => compare::to_markdown(&comparison),
        CompareFormat::Csv => compare::to_csv(&comparison),
    })
}
