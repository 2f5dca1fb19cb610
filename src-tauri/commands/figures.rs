//! The user's own figures for a catalog model (from their box or manual).

use headroom_domain::journal::UserFigures;
use headroom_domain::Model;
use serde::Serialize;
use tauri::State;

use super::{check_id, Replaced};
use crate::error::CmdResult;
use crate::AppState;

/// The model as the user now sees it, and how to undo the change.
#[derive(Serialize, ts_rs::TS)]
pub struct FiguresChanged {
    model: Model,
    undo: Replaced<UserFigures>,
}

fn changed(
    state: &AppState,
    model_id: String,
    previous: Option<UserFigures>,
) -> CmdResult<FiguresChanged> {
    Ok(FiguresChanged {
        model: state.catalog().require(&model_id)?.clone(),
        undo: Replaced { model_id, previous },
    })
}

#[tauri::command]
pub async fn set_figures(
    state: State<'_, AppState>,
    model_id: String,
    figures: UserFigures,
) -> CmdResult<FiguresChanged> {
    check_id("model_id", &model_id)?;
    let previous = state.update(|doc, base| doc.set_figures(base, &model_id, figures))?;
    changed(&state, model_id, previous)
}

#[tauri::command]
pub async fn remove_figures(
    state: State<'_, AppState>,
    model_id: String,
) -> CmdResult<FiguresChanged> {
    check_id("model_id", &model_id)?;
    let removed = state.update(|doc, _| doc.remove_figures(&model_id))?;
    changed(&state, model_id, Some(removed))
}
