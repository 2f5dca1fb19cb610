//! Shortlist, try-on sessions, own models, import and export.

use headroom_domain::journal::{
    self, EarlierSessions, Entry, ImportMode, OwnModelInput, Session, SessionGroup, SessionInput,
    Status, TryOnSummary,
};
use headroom_domain::Model;
use serde::{Deserialize, Serialize};
use tauri::State;

use super::{check_id, today};
use crate::error::{AppError, CmdResult, ErrorKind};
use crate::AppState;

/// Largest journal file the import accepts, in bytes: the domain's, checked before parsing.
const MAX_IMPORT_BYTES: usize = journal::MAX_BYTES;

/// The journal as the views show it: each shortlist entry with its model and try-on summary.
#[derive(Serialize, ts_rs::TS)]
pub struct JournalView {
    /// The journal's revision, read before the data (`persist::Journal::revision`): the view
    /// draws again only when it changed.
    revision: u64,
    shortlist: Vec<ShortlistItem>,
    /// The latest try-ons of each group (a shortlisted model's; the other models' together),
    /// in the order added: a view and every change's answer stay the same size however many
    /// the journal holds. `get_sessions` gives a group in full.
    sessions: Vec<Session>,
    /// How many try-ons of each group `sessions` leaves out.
    earlier_sessions: EarlierSessions,
    own_models: Vec<Model>,
    compare: Vec<String>,
    /// Summaries of every tried model, shortlisted or not.
    summaries: Vec<TryOnSummary>,
    /// The models the sessions refer to, by id, for their names.
    models: Vec<Model>,
}

#[derive(Serialize, ts_rs::TS)]
struct ShortlistItem {
    #[serde(flatten)]
    entry: Entry,
    model: Model,
}

fn view(state: &AppState) -> JournalView {
    let revision = state.journal.revision();
    let catalog = state.catalog();
    state.journal.read(|doc| {
        let shortlist = doc
            .shortlist
            .iter()
            .filter_map(|entry| {
                let model = catalog.get(&entry.model_id)?.clone();
                Some(ShortlistItem {
                    entry: entry.clone(),
                    model,
                })
            })
            .collect();
        let mut ids: Vec<&str> = doc.sessions.iter().map(|s| s.model_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let (sessions, earlier_sessions) = doc.latest_sessions();
        JournalView {
            revision,
            shortlist,
            sessions,
            earlier_sessions,
            own_models: doc.own_models.clone(),
            compare: doc.compare.clone(),
            summaries: journal::summaries(doc),
            models: ids
                .iter()
                .filter_map(|id| catalog.get(id).cloned())
                .collect(),
        }
    })
}

/// A change that can be undone: the journal after it, and what to hand back to undo it.
#[derive(Serialize, ts_rs::TS)]
pub struct Undoable<T> {
    journal: JournalView,
    undo: T,
}

#[derive(Serialize, Deserialize, ts_rs::TS)]
pub struct Removed<T> {
    item: T,
    index: usize,
}

/// The journal after a removal, and the removed item with its place, to hand back for undo.
fn undoable<T>(state: &AppState, (index, item): (usize, T)) -> Undoable<Removed<T>> {
    Undoable {
        journal: view(state),
        undo: Removed { item, index },
    }
}

#[tauri::command]
pub fn get_journal(state: State<'_, AppState>) -> JournalView {
    view(&state)
}

/// Every try-on of a group, in the order added: a shortlisted model's, or those of the models
/// not on the shortlist.
#[tauri::command]
pub fn get_sessions(state: State<'_, AppState>, group: SessionGroup) -> CmdResult<Vec<Session>> {
    if let SessionGroup::Model(id) = &group {
        check_id("group.model", id)?;
    }
    Ok(state.journal.read(|doc| doc.sessions_in(&group))?)
}

#[tauri::command]
pub async fn shortlist_add(state: State<'_, AppState>, model_id: String) -> CmdResult<JournalView> {
    check_id("model_id", &model_id)?;
    state.update(|doc, base| doc.add_to_shortlist(base, &model_id, &today()))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn shortlist_set_status(
    state: State<'_, AppState>,
    model_id: String,
    status: Status,
) -> CmdResult<JournalView> {
    check_id("model_id", &model_id)?;
    state.update(|doc, _| doc.set_status(&model_id, status))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn shortlist_set_reason(
    state: State<'_, AppState>,
    model_id: String,
    reason: String,
) -> CmdResult<JournalView> {
    check_id("model_id", &model_id)?;
    state.update(|doc, _| doc.set_reason(&model_id, &reason))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn shortlist_move(
    state: State<'_, AppState>,
    model_id: String,
    index: usize,
) -> CmdResult<JournalView> {
    check_id("model_id", &model_id)?;
    state.update(|doc, _| doc.move_entry(&model_id, index))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn shortlist_remove(
    state: State<'_, AppState>,
    model_id: String,
) -> CmdResult<Undoable<Removed<Entry>>> {
    check_id("model_id", &model_id)?;
    let removed = state.update(|doc, _| doc.remove_from_shortlist(&model_id))?;
    Ok(undoable(&state, removed))
}

#[tauri::command]
pub async fn shortlist_restore(
    state: State<'_, AppState>,
    undo: Removed<Entry>,
) -> CmdResult<JournalView> {
    state.update(|doc, base| doc.restore_entry(base, undo.item, undo.index))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn session_add(
    state: State<'_, AppState>,
    session: SessionInput,
) -> CmdResult<JournalView> {
    state.update(|doc, base| doc.add_session(base, session))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn session_update(
    state: State<'_, AppState>,
    id: String,
    session: SessionInput,
) -> CmdResult<JournalView> {
    check_id("id", &id)?;
    state.update(|doc, base| doc.update_session(base, &id, session))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn session_delete(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Undoable<Removed<Session>>> {
    check_id("id", &id)?;
    let removed = state.update(|doc, _| doc.delete_session(&id))?;
    Ok(undoable(&state, removed))
}

#[tauri::command]
pub async fn session_restore(
    state: State<'_, AppState>,
    undo: Removed<Session>,
) -> CmdResult<JournalView> {
    state.update(|doc, base| doc.restore_session(base, undo.item, undo.index))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn own_model_add(
    state: State<'_, AppState>,
    model: OwnModelInput,
) -> CmdResult<JournalView> {
    state.update(|doc, base| doc.add_own_model(base, model))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn own_model_update(
    state: State<'_, AppState>,
    id: String,
    model: OwnModelInput,
) -> CmdResult<JournalView> {
    check_id("id", &id)?;
    state.update(|doc, _| doc.update_own_model(&id, model))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn own_model_delete(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Undoable<Removed<Model>>> {
    check_id("id", &id)?;
    let removed = state.update(|doc, _| doc.delete_own_model(&id))?;
    Ok(undoable(&state, removed))
}

#[tauri::command]
pub async fn own_model_restore(
    state: State<'_, AppState>,
    undo: Removed<Model>,
) -> CmdResult<JournalView> {
    state.update(|doc, base| doc.restore_own_model(base, undo.item, undo.index))?;
    Ok(view(&state))
}

#[tauri::command]
pub async fn set_compare(state: State<'_, AppState>, ids: Vec<String>) -> CmdResult<JournalView> {
    for id in &ids {
        check_id("ids", id)?;
    }
    state.update(|doc, base| doc.set_compare(base, ids))?;
    Ok(view(&state))
}

/// The comparison set after an add, and whether the model was added (it may have been there).
#[derive(Serialize, ts_rs::TS)]
pub struct CompareAdded {
    ids: Vec<String>,
    added: bool,
}

#[tauri::command]
pub async fn compare_add(state: State<'_, AppState>, model_id: String) -> CmdResult<CompareAdded> {
    check_id("model_id", &model_id)?;
    let added = state.update(|doc, base| doc.add_to_compare(base, &model_id))?;
    Ok(CompareAdded {
        ids: state.journal.read(|doc| doc.compare.clone()),
        added,
    })
}

#[derive(Deserialize, Clone, Copy, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
}

/// The journal as text, for the UI to save or copy.
#[tauri::command]
pub fn export_journal(state: State<'_, AppState>, format: ExportFormat) -> String {
    let catalog = state.catalog();
    state.journal.read(|doc| match format {
        ExportFormat::Json => String::from_utf8(journal::to_bytes(doc)).expect("JSON is UTF-8"),
        ExportFormat::Csv => journal::export_csv(doc, &catalog),
        ExportFormat::Markdown => journal::export_markdown(doc, &catalog),
    })
}

/// Imports a journal file's contents (read by the webview from a file the user picked; no path
/// crosses the boundary). All of it applies, or none.
#[tauri::command]
pub async fn import_journal(
    state: State<'_, AppState>,
    text: String,
    mode: ImportMode,
) -> CmdResult<JournalView> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(AppError::new(
            ErrorKind::InvalidInput,
            format!(
                "import: the file is {} bytes; the limit is {MAX_IMPORT_BYTES}",
                text.len()
            ),
        ));
    }
    state.update(|doc, base| {
        let incoming = journal::from_bytes(text.as_bytes(), base)?;
        *doc = journal::import(doc, incoming, mode)?;
        Ok(())
    })?;
    Ok(view(&state))
}
