//! Measured sound: the curves of one to four models against the target, and the user's own
//! measurements.

use headroom_domain::journal::UserCurve;
use headroom_domain::sound::{self, SoundView, ViewOptions};
use tauri::State;

use super::{check_id, today, Replaced};
use crate::error::{AppError, CmdResult, ErrorKind};
use crate::AppState;

/// The most models one plot shows (the comparison's four).
const MAX_MODELS: usize = headroom_domain::compare::MAX_MODELS;

fn check_ids(ids: &[String]) -> CmdResult<()> {
    if ids.is_empty() || ids.len() > MAX_MODELS {
        return Err(AppError::new(
            ErrorKind::InvalidInput,
            format!("ids: give 1 to {MAX_MODELS} models, not {}", ids.len()),
        ));
    }
    ids.iter().try_for_each(|id| check_id("ids", id))
}

fn build(state: &AppState, ids: &[String], options: ViewOptions) -> CmdResult<SoundView> {
    check_ids(ids)?;
    let catalog = state.catalog();
    let own = state.journal.read(|doc| doc.user_measurements());
    Ok(sound::view(&catalog, &own, ids, options)?)
}

#[tauri::command]
pub fn get_sound(
    state: State<'_, AppState>,
    ids: Vec<String>,
    options: ViewOptions,
) -> CmdResult<SoundView> {
    build(&state, &ids, options)
}

/// The plotted data as CSV, for the UI to save.
#[tauri::command]
pub fn export_sound_csv(
    state: State<'_, AppState>,
    ids: Vec<String>,
    options: ViewOptions,
) -> CmdResult<String> {
    Ok(sound::to_csv(&build(&state, &ids, options)?))
}

/// Imports a measurement file's contents (read by the webview from a file the user picked; no
/// path crosses the boundary) for a model, replacing an earlier one.
#[tauri::command]
pub async fn import_curve(
    state: State<'_, AppState>,
    model_id: String,
    label: String,
    text: String,
) -> CmdResult<Replaced<UserCurve>> {
    check_id("model_id", &model_id)?;
    let previous =
        state.update(|doc, base| doc.import_curve(base, &model_id, &label, &text, &today()))?;
    Ok(Replaced { model_id, previous })
}

#[tauri::command]
pub async fn remove_curve(
    state: State<'_, AppState>,
    model_id: String,
) -> CmdResult<Replaced<UserCurve>> {
    check_id("model_id", &model_id)?;
    let removed = state.update(|doc, _| doc.remove_curve(&model_id))?;
    Ok(Replaced {
        model_id,
        previous: Some(removed),
    })
}

/// Undoes an import or a removal.
#[tauri::command]
pub async fn restore_curve(state: State<'_, AppState>, undo: Replaced<UserCurve>) -> CmdResult<()> {
    check_id("model_id", &undo.model_id)?;
    match undo.previous {
        Some(curve) => {
            state.update(|doc, base| doc.set_curve(base, &undo.model_id, curve).map(drop))
        }
        None => state.update(|doc, _| doc.remove_curve(&undo.model_id).map(drop)),
    }
}
