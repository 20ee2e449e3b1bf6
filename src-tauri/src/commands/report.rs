//! Progress reports from the client screen (preview, save), and what heads them: the coach's
//! profile (in the practice) and the paper size (a setting beside the database).

use super::Reply;
use crate::state::AppState;
use crate::written::Written;
use coachbook::model::Coach;
use coachbook::report::{self, Paper, ReportPreview, ReportRequest};
use coachbook::settings::Settings;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::State;

/// Page 1 as SVG and the page count, made from the same layout as the PDF.
#[tauri::command]
pub async fn report_preview(
    state: State<'_, AppState>,
    request: ReportRequest,
) -> Reply<ReportPreview> {
    state.with(|s| report::preview(s, &request, coachbook::time::now()))
}

/// What was written, for the "Saved" line and the Open / Show in folder buttons.
#[derive(Serialize, ts_rs::TS)]
pub struct SavedReport {
    pub path: String,
    pub pages: u32,
    pub bytes: u64,
}

/// Writes the PDF to `path` (chosen in the native save dialog): whole or not at all, never
/// over the practice's own files or in the backups folder (the core checks), and remembered
/// so that "Open" and "Show in folder" may open it.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    written: State<'_, Written>,
    request: ReportRequest,
    path: String,
) -> Reply<SavedReport> {
    let out = checked_out(&path).map_err(|e| e.report())?;
    let r = state.with(|s| report::write(s, &request, coachbook::time::now(), &out))?;
    written.add(&out);
    Ok(SavedReport {
        path: out.display().to_string(),
        pages: r.pages,
        bytes: r.pdf.len() as u64,
    })
}

/// "Open": a report this run saved, with the system's PDF viewer.
#[tauri::command]
pub async fn open_written(
    app: tauri::AppHandle,
    written: State<'_, Written>,
    path: String,
) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let file = written.check(&path).map_err(|e| e.report())?;
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())
}

/// "Show in folder": a report this run saved, selected in the file manager.
#[tauri::command]
pub async fn reveal_written(
    app: tauri::AppHandle,
    written: State<'_, Written>,
    path: String,
) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let file = written.check(&path).map_err(|e| e.report())?;
    app.opener()
        .reveal_item_in_dir(file)
        .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())
}

/// Where the save dialog starts the first time: Documents when there is one, else home.
#[tauri::command]
pub fn report_folder(app: tauri::AppHandle) -> Option<String> {
    use tauri::Manager;
    let paths = app.path();
    [paths.document_dir(), paths.home_dir()]
        .into_iter()
        .flatten()
        .find(|dir| dir.is_dir())
        .map(|dir| dir.display().to_string())
}

/// A relative path would land wherever the app was started from: refuse it.
fn checked_out(path: &str) -> coachbook::Result<PathBuf> {
    let out = PathBuf::from(path.trim());
    if !out.is_absolute() {
        return Err(coachbook::Error::invalid(
            "report.out",
            "choose where to save the report",
        ));
    }
    Ok(out)
}

#[tauri::command]
pub async fn get_coach(state: State<'_, AppState>) -> Reply<Coach> {
    state.with(|s| s.coach())
}

/// Name, credentials, logo; errors name `coach.name`, `coach.logo.data`….
#[tauri::command]
pub async fn set_coach(state: State<'_, AppState>, coach: Coach) -> Reply<Coach> {
    state.with(|s| s.set_coach(&coach).and_then(|()| s.coach()))
}

#[tauri::command]
pub async fn get_paper(state: State<'_, AppState>) -> Reply<Paper> {
    load_paper(&state.db_path()).map_err(|e| e.report())
}

#[tauri::command]
pub async fn set_paper(state: State<'_, AppState>, paper: Paper) -> Reply<Paper> {
    store_paper(&state.db_path(), paper).map_err(|e| e.report())?;
    Ok(paper)
}

fn load_paper(db: &Path) -> coachbook::Result<Paper> {
    Settings::load(db).map(|s| s.paper)
}

/// A broken settings file is an error here rather than silently replaced by the defaults.
fn store_paper(db: &Path, paper: Paper) -> coachbook::Result<()> {
    let mut settings = Settings::load(db)?;
    settings.paper = paper;
    settings.save(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_is_remembered_beside_the_database_and_keeps_other_settings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("coachbook.db");
        assert_eq!(load_paper(&db).expect("no file yet"), Paper::A4);
        let settings = coachbook::settings::settings_path(&db);
        std::fs::write(&settings, r#"{"backup_dir": "/b", "future": 1}"#).expect("write");
        assert_eq!(load_paper(&db).expect("old file"), Paper::A4);

        store_paper(&db, Paper::Letter).expect("save");
        assert_eq!(load_paper(&db).expect("load"), Paper::Letter);
        let text = std::fs::read_to_string(&settings).expect("read");
        assert!(text.contains("\"paper\": \"letter\""), "{text}");
        assert!(
            text.contains("\"backup_dir\": \"/b\"") && text.contains("\"future\": 1"),
            "{text}"
        );
    }

    #[test]
    fn a_broken_settings_file_is_reported_not_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("coachbook.db");
        let settings = coachbook::settings::settings_path(&db);
        std::fs::write(&settings, "{ not json").expect("write");
        let err = store_paper(&db, Paper::Letter).expect_err("refused");
        assert_eq!(err.field(), Some("settings"));
        assert_eq!(
            std::fs::read_to_string(&settings).expect("read"),
            "{ not json"
        );
    }

    #[test]
    fn a_report_needs_a_full_path() {
        assert_eq!(checked_out("").unwrap_err().field(), Some("report.out"));
        assert_eq!(
            checked_out("r.pdf").unwrap_err().field(),
            Some("report.out")
        );
        assert!(checked_out("/tmp/r.pdf").is_ok());
    }
}
