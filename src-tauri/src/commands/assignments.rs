use super::Reply;
use crate::state::AppState;
use coachbook::model::{Assignment, AssignmentDetails, AssignmentStatus, CheckInDetails, Debrief};
use coachbook::store::RecordedDebrief;
use serde::Deserialize;
use std::collections::BTreeMap;
use tauri::State;
use uuid::Uuid;

/// A check-in recorded with a debrief, on one of the assignment's linked goals.
#[derive(Deserialize, ts_rs::TS)]
pub struct DebriefCheckIn {
    pub goal_id: Uuid,
    #[serde(flatten)]
    pub details: CheckInDetails,
}

#[tauri::command]
pub async fn client_assignments(
    state: State<'_, AppState>,
    client_id: Uuid,
) -> Reply<Vec<Assignment>> {
    state.with(|s| s.assignments_of(client_id))
}

#[tauri::command]
pub async fn create_assignment(
    state: State<'_, AppState>,
    client_id: Uuid,
    details: AssignmentDetails,
) -> Reply<Assignment> {
    state.with(|s| s.create_assignment(client_id, details))
}

#[tauri::command]
pub async fn update_assignment(
    state: State<'_, AppState>,
    id: Uuid,
    details: AssignmentDetails,
) -> Reply<Assignment> {
    state.with(|s| s.update_assignment(id, details))
}

#[tauri::command]
pub async fn delete_assignment(state: State<'_, AppState>, id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_assignment(id))
}

/// A legal move only; debriefed goes through `record_debrief`.
#[tauri::command]
pub async fn set_assignment_status(
    state: State<'_, AppState>,
    id: Uuid,
    status: AssignmentStatus,
) -> Reply<Assignment> {
    state.with(|s| s.set_assignment_status(id, status))
}

/// The debrief, the move to debriefed and the check-ins: one save.
#[tauri::command]
pub async fn record_debrief(
    state: State<'_, AppState>,
    assignment_id: Uuid,
    debrief: Debrief,
    check_ins: Vec<DebriefCheckIn>,
) -> Reply<RecordedDebrief> {
    let check_ins = check_ins
        .into_iter()
        .map(|c| (c.goal_id, c.details))
        .collect();
    state.with(|s| s.record_debrief(assignment_id, debrief, check_ins))
}

/// Which statuses may follow which, so the UI offers only legal moves.
#[tauri::command]
pub fn assignment_status_flow() -> BTreeMap<AssignmentStatus, Vec<AssignmentStatus>> {
    AssignmentStatus::flow()
}
