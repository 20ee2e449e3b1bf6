use super::Reply;
use crate::state::AppState;
use coachbook::search::{self, ClientHits, SearchQuery};
use tauri::State;

/// The Ctrl+K palette and the client screen's search: ranked hits with snippets, grouped by
/// client (clients in the order of their best hit).
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: SearchQuery) -> Reply<Vec<ClientHits>> {
    state.with(|s| search::search(s, &query).map(search::group_by_client))
}
