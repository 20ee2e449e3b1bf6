use super::Reply;
use crate::state::AppState;
use coachbook::model::{CheckIn, CheckInDetails, Goal, GoalDetails};
use coachbook::views::{GoalProgress, GoalsOverview};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
pub async fn create_goal(
    state: State<'_, AppState>,
    client_id: Uuid,
    details: GoalDetails,
) -> Reply<Goal> {
    state.with(|s| s.create_goal(client_id, details))
}

/// Edit, complete (status achieved), pause or drop a goal.
#[tauri::command]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: Uuid,
    details: GoalDetails,
) -> Reply<Goal> {
    state.with(|s| s.update_goal(id, details))
}

#[tauri::command]
pub async fn delete_goal(state: State<'_, AppState>, id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_goal(id))
}

#[tauri::command]
pub async fn add_check_in(
    state: State<'_, AppState>,
    goal_id: Uuid,
    details: CheckInDetails,
) -> Reply<CheckIn> {
    state.with(|s| s.add_check_in(goal_id, details))
}

#[tauri::command]
pub async fn delete_check_in(state: State<'_, AppState>, id: Uuid) -> Reply<()> {
    state.with(|s| s.delete_check_in(id))
}

/// The trend chart of one goal: every rating, one series per rater kind.
#[tauri::command]
pub async fn goal_progress(state: State<'_, AppState>, goal_id: Uuid) -> Reply<GoalProgress> {
    state.with(|s| GoalProgress::load(s, goal_id, None))
}

/// A client's goals, latest rating against target.
#[tauri::command]
pub async fn goals_overview(state: State<'_, AppState>, client_id: Uuid) -> Reply<GoalsOverview> {
    state.with(|s| GoalsOverview::load(s, client_id, None))
}
