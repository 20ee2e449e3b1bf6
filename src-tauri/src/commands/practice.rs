use super::Reply;
use crate::state::AppState;
use coachbook::model::{Competency, Goal};
use coachbook::views::Today;
use serde::Serialize;
use tauri::State;
use uuid::Uuid;

/// What the shell shows about the open practice (how it opened: `startup_state`).
#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: coachbook::VERSION.to_string(),
        db_path: state.db_path().display().to_string(),
    }
}

#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Reply<Today> {
    state.with(|s| Today::load(s, chrono::Utc::now(), chrono::Local::now().date_naive()))
}

/// How many records the practice holds: the welcome screen shows on zero clients.
#[tauri::command]
pub async fn practice_counts(state: State<'_, AppState>) -> Reply<coachbook::store::Counts> {
    state.with(|s| s.counts())
}

#[tauri::command]
pub async fn competencies(state: State<'_, AppState>) -> Reply<Vec<Competency>> {
    state.with(|s| s.competencies())
}

#[tauri::command]
pub async fn client_goals(state: State<'_, AppState>, client_id: Uuid) -> Reply<Vec<Goal>> {
    state.with(|s| s.goals_of(client_id))
}

/// The welcome screen's "Explore the demo practice": the small demo, as of today.
#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Reply<()> {
    state.with(|s| {
        let options = coachbook::demo::DemoOptions {
            size: coachbook::demo::Size::Small,
            seed: 1,
            as_of: chrono::Local::now().date_naive(),
        };
        coachbook::demo::seed(s, &options).map(|_| ())
    })
}

/// When the process started, so the UI's first paint can be timed from launch.
pub struct Startup(pub std::time::Instant);

/// Called once by the UI after its first screen rendered. With COACHBOOK_STARTUP_TIMING set,
/// prints the launch-to-first-paint time (the benchmark reads it); returns it either way.
#[tauri::command]
pub fn first_paint(startup: State<'_, Startup>) -> f64 {
    let ms = startup.0.elapsed().as_secs_f64() * 1000.0;
    if std::env::var_os("COACHBOOK_STARTUP_TIMING").is_some() {
        eprintln!("coachbook: first paint {ms:.0} ms after launch");
    }
    ms
}
