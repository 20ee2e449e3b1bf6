//! Settings → Backups: the list, "Back up now", the folder. The copies themselves are made by
//! `coachbook::backup` on a connection of their own (see crate::backups).

use super::Reply;
use crate::backups::{BackupOutcome, Backups};
use crate::state::AppState;
use coachbook::backup::{self, BackupInfo};
use coachbook::settings::Settings;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::State;

/// Everything the Backups screen shows.
#[derive(Serialize, ts_rs::TS)]
pub struct BackupsOverview {
    /// Where backups go now.
    pub dir: String,
    /// True when `dir` is the default `backups/` beside the database.
    pub is_default_dir: bool,
    /// Newest first.
    pub backups: Vec<BackupInfo>,
    /// The last attempt since the app started (`None`: none yet).
    pub last: Option<BackupOutcome>,
    /// The settings file could not be read: the defaults are in use.
    pub settings_error: Option<coachbook::ErrorReport>,
}

fn overview(backups: &Backups, db: &Path) -> Reply<BackupsOverview> {
    let (settings, settings_error) = Settings::load_or_default(db);
    let dir = settings.backup_dir(db);
    Ok(BackupsOverview {
        is_default_dir: dir == backup::default_dir(db),
        backups: backup::list_backups(&dir).map_err(|e| e.report())?,
        dir: dir.display().to_string(),
        last: backups.last(),
        settings_error: settings_error.map(|e| e.report()),
    })
}

#[tauri::command]
pub async fn backups_overview(
    backups: State<'_, Backups>,
    state: State<'_, AppState>,
) -> Reply<BackupsOverview> {
    overview(&backups, &state.db_path())
}

/// A verified copy now, whatever the schedule; off the async runtime (it can take a second).
#[tauri::command]
pub async fn back_up_now(app: tauri::AppHandle) -> Reply<Option<BackupInfo>> {
    use tauri::Manager;
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<Backups>().now(&app.state::<AppState>())
    })
    .await
    .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())?
}

/// Makes `dir` the backups folder (created, and checked writable); errors on field `backup_dir`.
#[tauri::command]
pub async fn set_backup_dir(
    backups: State<'_, Backups>,
    state: State<'_, AppState>,
    dir: String,
) -> Reply<BackupsOverview> {
    let db = state.db_path();
    let mut settings = Settings::load_or_default(&db).0;
    settings
        .set_backup_dir(&db, &PathBuf::from(dir.trim()))
        .map_err(|e| e.report())?;
    overview(&backups, &db)
}

/// "Change folder…": the system's folder picker, then as `set_backup_dir`. `None`: cancelled.
/// Called from Rust, so the window needs no dialog permission for it.
#[tauri::command]
pub async fn choose_backup_dir(app: tauri::AppHandle) -> Reply<Option<BackupsOverview>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let db = app.state::<AppState>().db_path();
    let mut picker = app
        .dialog()
        .file()
        .set_title("Choose the backups folder")
        .set_directory(crate::backups::backup_dir(&db));
    if let Some(window) = app.get_webview_window("main") {
        picker = picker.set_parent(&window);
    }
    // The picker blocks until the coach chooses; never on the main thread.
    let chosen = tauri::async_runtime::spawn_blocking(move || picker.blocking_pick_folder())
        .await
        .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())?;
    let Some(dir) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let mut settings = Settings::load_or_default(&db).0;
    settings.set_backup_dir(&db, &dir).map_err(|e| e.report())?;
    overview(&app.state::<Backups>(), &db).map(Some)
}

/// "Show folder": the backups folder in the file manager (created first, so it can open).
#[tauri::command]
pub async fn show_backup_folder(state: State<'_, AppState>, app: tauri::AppHandle) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let dir = crate::backups::backup_dir(&state.db_path());
    std::fs::create_dir_all(&dir).map_err(|e| coachbook::Error::Io(e).report())?;
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())
}
