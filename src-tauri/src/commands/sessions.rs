use super::Reply;
use crate::state::AppState;
use coachbook::model::{Session, SessionDetails};
use coachbook::store::NoteRevision;
use tauri::State;
use uuid::Uuid;

#[tauri::command]
pub async fn get_session(state: State<'_, AppState>, id: Uuid) -> Reply<Session> {
    state.with(|s| s.session(id))
}

/// Ctrl+N: a session for the client starting now, in the laptop's time zone.
#[tauri::command]
pub async fn start_session(state: State<'_, AppState>, client_id: Uuid) -> Reply<Session> {
    state.with(|s| s.start_session(client_id, chrono::Local::now().fixed_offset()))
}

/// The editor's autosave: the whole session, validated, notes revisions coalesced.
#[tauri::command]
pub async fn save_session(
    state: State<'_, AppState>,
    id: Uuid,
    details: SessionDetails,
) -> Reply<Session> {
    state.with(|s| s.update_session(id, details))
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_session(id))
}

#[tauri::command]
pub async fn note_revisions(
    state: State<'_, AppState>,
    session_id: Uuid,
) -> Reply<Vec<NoteRevision>> {
    state.with(|s| s.note_revisions(session_id))
}

#[tauri::command]
pub async fn restore_note_revision(
    state: State<'_, AppState>,
    session_id: Uuid,
    revision_id: i64,
) -> Reply<Session> {
    state.with(|s| s.restore_note_revision(session_id, revision_id))
}
