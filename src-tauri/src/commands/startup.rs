//! How the practice opens: what the first screen shows (ready, read-only, or a problem with
//! the way out), restoring a backup, and opening another file.

use super::Reply;
use crate::state::{AppState, Practice, Problem};
use coachbook::backup::{self, BackupInfo, BackupKind, RestoreKeys};
use coachbook::settings::Settings;
use coachbook::store::Passphrase;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tauri::State;

/// What the UI renders first.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct StartupState {
    /// This app's version and the newest schema it understands.
    pub version: String,
    pub schema_version: u32,
    pub db_path: String,
    pub status: StartupStatus,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StartupStatus {
    Ready,
    /// No practice file yet: the first-run screen (passphrase or none, then demo or own client).
    New,
    /// Encrypted and not unlocked: the lock screen, nothing of the data.
    Locked,
    /// Open for reading only; `reason` says why (read-only file, folder or disk).
    ReadOnly {
        reason: String,
    },
    /// `latest_backup`: the newest good copy to offer (damaged or foreign files).
    Problem {
        problem: Problem,
        /// One plain sentence for the screen.
        message: String,
        latest_backup: Option<BackupInfo>,
    },
}

#[tauri::command]
pub async fn startup_state(state: State<'_, AppState>) -> Reply<StartupState> {
    Ok(startup(&state))
}

/// Restores `path` over the practice (the current file is kept in the backups folder first)
/// and reopens it. Runs with the store closed; the background backup opens short-lived
/// connections, so a refusal because the file is open is retried for two seconds.
/// `other_file`: the coach confirmed restoring a file that is not one of the listed backups
/// (it is still checked whole before anything is replaced); without it only a listed backup
/// is restored.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
    backup_passphrase: Option<String>,
    other_file: Option<bool>,
) -> Reply<StartupState> {
    let backup_key = backup_passphrase
        .map(Passphrase::new)
        .transpose()
        .map_err(|e| e.report())?;
    let backup = checked_backup(&state.db_path(), &path, other_file.unwrap_or(false))
        .map_err(|e| e.report())?;
    restore(&state, &backup, backup_key)
}

/// A listed backup (in the settings' folder or `backups/` beside the practice), or any full
/// path once the coach confirmed it. Errors on field `path`.
fn checked_backup(db: &Path, path: &str, other_file: bool) -> coachbook::Result<PathBuf> {
    let chosen = coachbook::paths::check_practice_path(path, "path")?;
    let resolved = std::fs::canonicalize(&chosen).unwrap_or_else(|_| chosen.clone());
    let listed = backup_dirs(db)
        .iter()
        .flat_map(|dir| backup::list_backups(dir).unwrap_or_default())
        .any(|b| std::fs::canonicalize(&b.path).is_ok_and(|p| p == resolved));
    if listed || other_file {
        Ok(chosen)
    } else {
        Err(coachbook::Error::invalid(
            "path",
            "is not one of the listed backups: confirm that you want to restore this file",
        ))
    }
}

/// `backup_key`: the backup's passphrase when it differs from the current one (a backup
/// from before a passphrase change); the core's error says so when it is needed. An
/// encrypted practice keeps its current passphrase whatever the backup had.
fn restore(state: &AppState, backup: &Path, backup_key: Option<Passphrase>) -> Reply<StartupState> {
    let restored = state.reopen(None, |db, current| {
        let dir = Settings::load_or_default(db).0.backup_dir(db);
        let keys = RestoreKeys {
            current,
            backup: backup_key.as_ref().or(current),
        };
        let mut tries = 0;
        let result = loop {
            match backup::restore_with(db, backup, &dir, keys, chrono::Utc::now()) {
                Err(e) if is_open_elsewhere(&e) && tries < 20 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                other => break other,
            }
        };
        let next = match &result {
            Ok(outcome) => outcome.protection.key(keys).cloned(),
            Err(_) => None,
        };
        (result, next)
    });
    restored.map_err(|e| e.report())?;
    Ok(startup(state))
}

/// "Open another file…": the chosen file becomes the practice until the app quits. A full
/// path to a file (never a `file:` URI or a relative path), field `path`.
#[tauri::command]
pub async fn open_practice(state: State<'_, AppState>, path: String) -> Reply<StartupState> {
    let path = coachbook::paths::check_practice_path(&path, "path").map_err(|e| e.report())?;
    // An encrypted file opens locked: the lock screen asks for its passphrase.
    state.reopen(Some(path), |_, _| ((), None));
    Ok(startup(&state))
}

fn is_open_elsewhere(e: &coachbook::Error) -> bool {
    e.field() == Some("database") && e.kind() == coachbook::ErrorKind::Invalid
}

pub fn startup(state: &AppState) -> StartupState {
    state.status(|db, practice| {
        let status = match practice {
            Practice::Ready {
                read_only: Some(reason),
                ..
            } => StartupStatus::ReadOnly {
                reason: reason.clone(),
            },
            Practice::Ready { .. } | Practice::Closed => StartupStatus::Ready,
            Practice::New => StartupStatus::New,
            Practice::Locked => StartupStatus::Locked,
            Practice::Unavailable(problem) => StartupStatus::Problem {
                message: sentence(problem),
                latest_backup: match problem {
                    Problem::Newer { .. } => None,
                    _ => latest_good_backup(db),
                },
                problem: problem.clone(),
            },
        };
        StartupState {
            version: coachbook::VERSION.to_string(),
            schema_version: coachbook::store::migrations::LATEST,
            db_path: db.display().to_string(),
            status,
        }
    })
}

fn sentence(problem: &Problem) -> String {
    match problem {
        Problem::Damaged { message } => format!(
            "Coachbook checked this file before opening it and found it damaged, so it did not \
             change it. Restore a backup, or open another file. ({message})"
        ),
        Problem::Newer { found, supported } => format!(
            "This practice file was saved by a newer Coachbook (file format {found}). \
             This Coachbook, version {}, reads file formats up to {supported}. \
             Update Coachbook to open it; the file was not changed.",
            coachbook::VERSION
        ),
        Problem::NotCoachbook { message } => {
            format!("This is not a Coachbook practice file: {message}")
        }
        Problem::Other { error } => format!("The practice could not be opened: {}", error.message),
    }
}

/// `backups/` beside the file, and the folder the settings name if another.
fn backup_dirs(db: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![backup::default_dir(db)];
    if let Ok(settings) = Settings::load(db) {
        let configured = settings.backup_dir(db);
        if !dirs.contains(&configured) {
            dirs.push(configured);
        }
    }
    dirs
}

/// The newest scheduled backup in the folder the settings name and in `backups/` beside the
/// file. Copies kept before a restore are skipped: they may be the damaged file itself.
fn latest_good_backup(db: &Path) -> Option<BackupInfo> {
    backup_dirs(db)
        .iter()
        .flat_map(|dir| backup::list_backups(dir).unwrap_or_default())
        .filter(|b| b.kind == BackupKind::Scheduled)
        .max_by_key(|b| b.taken_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coachbook::Store;
    use coachbook::demo::{self, DemoOptions, Size};

    /// A demo practice with one backup beside it, then bytes in the middle overwritten.
    fn damaged_practice(dir: &Path) -> (PathBuf, BackupInfo) {
        let db = dir.join("practice.db");
        let mut store = Store::open(&db).unwrap();
        let options = DemoOptions {
            size: Size::Small,
            seed: 3,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        };
        demo::seed(&mut store, &options).unwrap();
        let run = backup::back_up_now(&store, &backup::default_dir(&db), chrono::Utc::now());
        let written = run.unwrap().written.unwrap();
        drop(store);
        let mut bytes = std::fs::read(&db).unwrap();
        let len = bytes.len();
        bytes[4096 * 3..len - 4096].fill(0xA5);
        std::fs::write(&db, &bytes).unwrap();
        (db, written)
    }

    #[test]
    fn a_damaged_file_is_offered_its_latest_backup_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let (db, written) = damaged_practice(dir.path());
        let before = std::fs::read(&db).unwrap();

        let state = AppState::new(db.clone());
        let shown = startup(&state);
        let StartupStatus::Problem {
            problem,
            latest_backup,
            message,
        } = &shown.status
        else {
            panic!("expected a problem, got {:?}", shown.status);
        };
        assert!(matches!(problem, Problem::Damaged { .. }), "{message}");
        assert_eq!(latest_backup.as_ref(), Some(&written));
        // Commands answer with the reason, and still nothing is written.
        let err = state.with(|s| s.counts()).unwrap_err();
        assert_eq!(err.kind, coachbook::ErrorKind::Damaged);
        assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte written");
        let wal = dir.path().join("practice.db-wal");
        assert_eq!(std::fs::metadata(&wal).map_or(0, |m| m.len()), 0);

        // "Restore the latest good backup": the practice is back, the damaged file is kept.
        let after = restore(&state, &written.path, None).unwrap();
        assert!(matches!(after.status, StartupStatus::Ready));
        let counts = state.with(|s| s.counts()).unwrap();
        assert!(counts.clients > 0);
        let kept = backup::list_backups(&backup::default_dir(&db)).unwrap();
        let copy = kept
            .iter()
            .find(|b| b.kind == BackupKind::BeforeRestore)
            .unwrap();
        assert_eq!(std::fs::read(&copy.path).unwrap(), before);
    }

    #[test]
    fn restore_takes_a_listed_backup_or_another_file_only_when_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let (db, written) = damaged_practice(dir.path());
        let listed = written.path.display().to_string();
        assert_eq!(checked_backup(&db, &listed, false).unwrap(), written.path);
        let other = dir.path().join("from-a-usb-stick.db");
        std::fs::copy(&written.path, &other).unwrap();
        let text = other.display().to_string();
        let refused = checked_backup(&db, &text, false).unwrap_err();
        assert_eq!(refused.field(), Some("path"));
        assert!(
            refused
                .to_string()
                .contains("not one of the listed backups"),
            "{refused}"
        );
        assert_eq!(checked_backup(&db, &text, true).unwrap(), other);
        for bad in ["file:///tmp/x.db", "backups/x.db", ""] {
            let e = checked_backup(&db, bad, true).unwrap_err();
            assert_eq!(e.field(), Some("path"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_newer_file_names_both_versions_and_stays_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        drop(Store::open(&db).unwrap());
        let supported = coachbook::store::migrations::LATEST;
        let newer = supported + 3;
        // user_version is the 4-byte big-endian integer at offset 60 of the header.
        let mut bytes = std::fs::read(&db).unwrap();
        bytes[60..64].copy_from_slice(&newer.to_be_bytes());
        std::fs::write(&db, &bytes).unwrap();

        let shown = startup(&AppState::new(db.clone()));
        let StartupStatus::Problem {
            problem, message, ..
        } = &shown.status
        else {
            panic!("expected a problem");
        };
        assert!(matches!(problem, Problem::Newer { found, .. } if *found == newer));
        assert!(
            message.contains(&format!("file format {newer}")),
            "{message}"
        );
        assert!(message.contains(&format!("up to {supported}")), "{message}");
        assert!(message.contains(coachbook::VERSION), "{message}");
        assert_eq!(std::fs::read(&db).unwrap(), bytes);
    }

    #[test]
    fn a_file_of_another_program_is_not_called_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("notes.db");
        std::fs::write(&db, b"just some text, not a database at all").unwrap();
        let shown = startup(&AppState::new(db));
        assert!(matches!(
            shown.status,
            StartupStatus::Problem {
                problem: Problem::NotCoachbook { .. },
                ..
            }
        ));
    }
}
