use super::Reply;
use crate::state::AppState;
use coachbook::model::{Client, ClientDetails};
use coachbook::store::{ClientFilter, ClientSummary};
use coachbook::views::{ClientOverview, SessionPage, client::session_page};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
pub async fn list_clients(
    state: State<'_, AppState>,
    filter: ClientFilter,
) -> Reply<Vec<ClientSummary>> {
    state.with(|s| s.list_clients(&filter))
}

#[tauri::command]
pub async fn get_client(state: State<'_, AppState>, id: Uuid) -> Reply<Client> {
    state.with(|s| s.client(id))
}

#[tauri::command]
pub async fn create_client(state: State<'_, AppState>, details: ClientDetails) -> Reply<Client> {
    state.with(|s| s.create_client(details))
}

#[tauri::command]
pub async fn update_client(
    state: State<'_, AppState>,
    id: Uuid,
    details: ClientDetails,
) -> Reply<Client> {
    state.with(|s| s.update_client(id, details))
}

#[tauri::command]
pub async fn set_client_archived(
    state: State<'_, AppState>,
    id: Uuid,
    archived: bool,
) -> Reply<Client> {
    state.with(|s| s.set_client_archived(id, archived))
}

#[tauri::command]
pub async fn client_overview(state: State<'_, AppState>, id: Uuid) -> Reply<ClientOverview> {
    state.with(|s| ClientOverview::load(s, id))
}

#[tauri::command]
pub async fn client_sessions(
    state: State<'_, AppState>,
    client_id: Uuid,
    offset: i32,
    limit: i32,
) -> Reply<SessionPage> {
    state.with(|s| session_page(s, client_id, offset, limit))
}
