use super::Reply;
use crate::state::AppState;
use coachbook::model::{Competency, CompetencyDetails, Direction};
use tauri::State;
use uuid::Uuid;

/// Adds a competency at the end of its group.
#[tauri::command]
pub async fn add_competency(
    state: State<'_, AppState>,
    details: CompetencyDetails,
) -> Reply<Competency> {
    state.with(|s| s.add_competency(details, None))
}

/// Rename, regroup or describe a competency.
#[tauri::command]
pub async fn update_competency(
    state: State<'_, AppState>,
    id: Uuid,
    details: CompetencyDetails,
) -> Reply<Competency> {
    state.with(|s| s.update_competency(id, details))
}

/// One step up or down within its group; the whole framework in its new order.
#[tauri::command]
pub async fn move_competency(
    state: State<'_, AppState>,
    id: Uuid,
    direction: Direction,
) -> Reply<Vec<Competency>> {
    state.with(|s| s.move_competency(id, direction))
}

/// Retired competencies stay on old goals but are not offered for new ones.
#[tauri::command]
pub async fn set_competency_retired(
    state: State<'_, AppState>,
    id: Uuid,
    retired: bool,
) -> Reply<Competency> {
    state.with(|s| s.set_competency_retired(id, retired))
}
