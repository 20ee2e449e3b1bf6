//! Coachbook desktop shell: window, IPC commands, nothing else. Logic lives in the `coachbook` core.

mod backups;
mod bindings;
pub mod commands;
mod state;
mod written;

use state::AppState;
use std::path::PathBuf;

/// Builds and runs the Tauri application; returns when the last window is closed.
pub fn run() {
    let started = std::time::Instant::now();
    coachbook::harden::private_umask();
    // The same file as the CLI: COACHBOOK_DB, else the platform's app-data folder.
    let db_path =
        coachbook::store::db_path_from_env().unwrap_or_else(|| PathBuf::from("coachbook.db"));
    let harden_path = db_path.clone();
    let result = tauri::Builder::default()
        // First, so a second launch hands over to the running one (focus) and exits before
        // anything opens the practice. Without a session bus it does nothing.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // After the single-instance check (plugins set up in order) and before the window
        // starts WebKit's processes, which inherit the core-size limit: an encrypted
        // practice's notes must never reach a core file. The state does it again whenever a
        // passphrase comes into memory later.
        .plugin(
            tauri::plugin::Builder::<tauri::Wry>::new("coachbook-harden")
                .setup(move |_, _| {
                    if coachbook::store::is_encrypted(&harden_path).unwrap_or(false) {
                        state::no_core_dumps();
                    }
                    Ok(())
                })
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(backups::Backups::default())
        .manage(written::Written::default())
        .manage(AppState::new(db_path))
        .manage(commands::practice::Startup(started))
        .invoke_handler(tauri::generate_handler![
            commands::practice::app_info,
            commands::startup::startup_state,
            commands::startup::restore_backup,
            commands::startup::open_practice,
            commands::security::create_practice,
            commands::security::unlock,
            commands::security::lock,
            commands::security::change_passphrase,
            commands::security::security_status,
            commands::security::set_lock_after,
            commands::security::delete_plain_backups,
            commands::security::rekey_old_backups,
            commands::security::delete_old_backups,
            commands::practice::first_paint,
            commands::practice::today,
            commands::practice::practice_counts,
            commands::practice::competencies,
            commands::practice::client_goals,
            commands::practice::load_demo,
            commands::clients::list_clients,
            commands::clients::get_client,
            commands::clients::create_client,
            commands::clients::update_client,
            commands::clients::set_client_archived,
            commands::clients::client_overview,
            commands::clients::client_sessions,
            commands::sessions::get_session,
            commands::sessions::start_session,
            commands::sessions::save_session,
            commands::sessions::delete_session,
            commands::sessions::note_revisions,
            commands::sessions::restore_note_revision,
            commands::search::search,
            commands::goals::create_goal,
            commands::goals::update_goal,
            commands::goals::delete_goal,
            commands::goals::add_check_in,
            commands::goals::delete_check_in,
            commands::goals::goal_progress,
            commands::goals::goals_overview,
            commands::assignments::client_assignments,
            commands::assignments::create_assignment,
            commands::assignments::update_assignment,
            commands::assignments::delete_assignment,
            commands::assignments::set_assignment_status,
            commands::assignments::record_debrief,
            commands::assignments::assignment_status_flow,
            commands::framework::add_competency,
            commands::framework::update_competency,
            commands::framework::move_competency,
            commands::framework::set_competency_retired,
            commands::report::report_preview,
            commands::report::save_report,
            commands::report::open_written,
            commands::report::reveal_written,
            commands::report::report_folder,
            commands::report::get_coach,
            commands::report::set_coach,
            commands::report::get_paper,
            commands::report::set_paper,
            commands::backups::backups_overview,
            commands::backups::back_up_now,
            commands::backups::set_backup_dir,
            commands::backups::choose_backup_dir,
            commands::backups::show_backup_folder,
            commands::import::import_csv_preview,
            commands::import::import_csv,
            commands::import::import_notes_preview,
            commands::import::import_notes,
            commands::import::choose_import_source,
        ])
        .setup(|app| {
            backups::start_scheduler(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    let app = match result {
        Ok(app) => app,
        Err(e) => {
            eprintln!("coachbook-app: could not start the window: {e}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        // The windows are gone (their close handlers flushed the notes): one last backup.
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            let _ = app
                .state::<backups::Backups>()
                .now(&app.state::<AppState>());
        }
    });
}
