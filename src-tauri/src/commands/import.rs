//! Settings → Import: a CSV (column mapping, preview, import) or a folder of Markdown notes
//! (preview, import). Each command one call into `coachbook::import`; the core checks every
//! path the coach typed or picked.

use super::Reply;
use crate::state::AppState;
use coachbook::import::{
    ClientFrom, CsvField, CsvOptions, CsvPreview, DateOrder, ImportPreview, Imported, NotesOptions,
    Zone, csv, notes,
};
use std::path::Path;
use tauri::State;

fn csv_options(mapping: Option<Vec<CsvField>>, dates: Option<DateOrder>) -> CsvOptions {
    CsvOptions {
        mapping,
        dates,
        zone: Zone::Local,
        now: coachbook::time::now(),
    }
}

fn notes_options(client_from: ClientFrom, dates: Option<DateOrder>, private: bool) -> NotesOptions {
    NotesOptions {
        client_from,
        dates,
        private,
        zone: Zone::Local,
        now: coachbook::time::now(),
    }
}

/// The mapping step: headers, the mapping (guessed when `mapping` is null), first rows, plan.
#[tauri::command]
pub async fn import_csv_preview(
    state: State<'_, AppState>,
    path: String,
    mapping: Option<Vec<CsvField>>,
    dates: Option<DateOrder>,
) -> Reply<CsvPreview> {
    let options = csv_options(mapping, dates);
    state.with(|s| csv::preview_file(s, Path::new(path.trim()), &options))
}

/// All rows in one transaction, or none (errors name the row and column).
#[tauri::command]
pub async fn import_csv(
    state: State<'_, AppState>,
    path: String,
    mapping: Vec<CsvField>,
    dates: Option<DateOrder>,
) -> Reply<Imported> {
    let options = csv_options(Some(mapping), dates);
    state.with(|s| csv::import_file(s, Path::new(path.trim()), &options))
}

#[tauri::command]
pub async fn import_notes_preview(
    state: State<'_, AppState>,
    path: String,
    client_from: ClientFrom,
    dates: Option<DateOrder>,
    private: bool,
) -> Reply<ImportPreview> {
    let options = notes_options(client_from, dates, private);
    state.with(|s| notes::preview_dir(s, Path::new(path.trim()), &options))
}

#[tauri::command]
pub async fn import_notes(
    state: State<'_, AppState>,
    path: String,
    client_from: ClientFrom,
    dates: Option<DateOrder>,
    private: bool,
) -> Reply<Imported> {
    let options = notes_options(client_from, dates, private);
    state.with(|s| notes::import_dir(s, Path::new(path.trim()), &options))
}

/// The system's file picker (a CSV) or folder picker; `None` when cancelled. Called from
/// Rust, so the window needs no dialog permission for it.
#[tauri::command]
pub async fn choose_import_source(app: tauri::AppHandle, folder: bool) -> Reply<Option<String>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let mut picker = app.dialog().file();
    picker = if folder {
        picker.set_title("Choose the folder of notes")
    } else {
        picker
            .set_title("Choose the CSV file")
            .add_filter("CSV (comma-separated values)", &["csv", "CSV", "txt"])
    };
    if let Some(home) = app.path().home_dir().ok().filter(|d| d.is_dir()) {
        picker = picker.set_directory(home);
    }
    if let Some(window) = app.get_webview_window("main") {
        picker = picker.set_parent(&window);
    }
    // The picker blocks until the coach chooses; never on the main thread.
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        if folder {
            picker.blocking_pick_folder()
        } else {
            picker.blocking_pick_file()
        }
    })
    .await
    .map_err(|e| coachbook::Error::Io(std::io::Error::other(e.to_string())).report())?;
    Ok(chosen
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
