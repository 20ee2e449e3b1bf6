//! Settings → Security, the first run and the lock screen: create the practice (with a
//! passphrase or none), unlock, lock, set / change / remove the passphrase, the idle lock.

use super::Reply;
use super::startup::{StartupState, startup};
use crate::backups::{Backups, backup_dir};
use crate::state::AppState;
use coachbook::settings::Settings;
use coachbook::store::{Passphrase, PassphraseChange, is_encrypted};
use coachbook::{Error, ErrorReport};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::State;

/// Minutes of inactivity before the app locks when the settings say nothing.
pub const DEFAULT_LOCK_AFTER_MINUTES: f64 = 10.0;

/// What the Security screen shows.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct SecurityStatus {
    pub encrypted: bool,
    /// 0: never. Fractions allowed.
    pub lock_after_minutes: f64,
    /// Where the backup before a change goes.
    pub backup_dir: String,
}

fn passphrase(text: Option<String>, field: &str) -> Reply<Option<Passphrase>> {
    let key = text
        .map(Passphrase::new)
        .transpose()
        .map_err(|e| on(e, field))?;
    Ok(key)
}

/// The core names the field `passphrase`; the form has several.
fn on(e: Error, field: &str) -> ErrorReport {
    let mut report = e.report();
    if report.field.is_some() {
        report.field = Some(field.to_string());
    }
    report
}

/// First run: creates the practice, encrypted when a passphrase is given (at least 8 characters).
#[tauri::command]
pub async fn create_practice(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> Reply<StartupState> {
    let key = self::passphrase(passphrase, "passphrase")?;
    if let Some(key) = &key {
        key.check_new("passphrase").map_err(|e| e.report())?;
    }
    state.create(key)?;
    Ok(startup(&state))
}

/// Opens the locked practice (about 0.1–1.4 s: the key derivation is slow by design).
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Reply<StartupState> {
    let key = Passphrase::new(passphrase).map_err(|e| e.report())?;
    state.unlock(key)?;
    Ok(startup(&state))
}

/// Closes the store and forgets the passphrase (a practice without one stays open).
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Reply<StartupState> {
    state.lock_now();
    Ok(startup(&state))
}

/// Sets (plain → encrypted), changes, or removes (`new: None`) the passphrase. The core
/// takes a verified backup first; the background backups wait meanwhile.
#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    backups: State<'_, Backups>,
    current: Option<String>,
    new: Option<String>,
) -> Reply<PassphraseChange> {
    change(&state, &backups, current, new)
}

fn change(
    state: &AppState,
    backups: &Backups,
    current: Option<String>,
    new: Option<String>,
) -> Reply<PassphraseChange> {
    let current = passphrase(current, "current_passphrase")?;
    let new = passphrase(new, "new_passphrase")?;
    let dir = backup_dir(&state.db_path());
    backups.paused(|| {
        state.rekey(|store, key| {
            if key.is_some() && key != current.as_ref() {
                return Err(Error::invalid("current_passphrase", "is not right"));
            }
            let change = store.change_passphrase(new.as_ref(), &dir, chrono::Utc::now())?;
            Ok((change, new.clone().filter(|_| store.is_encrypted())))
        })
    })
}

#[tauri::command]
pub async fn security_status(state: State<'_, AppState>) -> Reply<SecurityStatus> {
    let db = state.db_path();
    let settings = Settings::load_or_default(&db).0;
    Ok(SecurityStatus {
        encrypted: state.encrypted(),
        lock_after_minutes: settings
            .lock_after_minutes
            .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES),
        backup_dir: settings.backup_dir(&db).display().to_string(),
    })
}

/// "Lock after N minutes of inactivity"; 0: never.
#[tauri::command]
pub async fn set_lock_after(state: State<'_, AppState>, minutes: f64) -> Reply<()> {
    if !minutes.is_finite() || !(0.0..=24.0 * 60.0).contains(&minutes) {
        let rule = "must be between 0 (never) and 1440 minutes";
        return Err(Error::invalid("lock_after_minutes", rule).report());
    }
    let db = state.db_path();
    let mut settings = Settings::load(&db).map_err(|e| e.report())?;
    settings.lock_after_minutes = Some(minutes);
    settings.save(&db).map_err(|e| e.report())
}

/// Deletes old backups that still hold the notes in plain text (listed after "set"). Only
/// unencrypted files in the backups folder are touched.
#[tauri::command]
pub async fn delete_plain_backups(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Reply<Vec<String>> {
    let dir = backup_dir(&state.db_path());
    let listed = coachbook::backup::list_backups(&dir).map_err(|e| e.report())?;
    let mut deleted = Vec::new();
    for path in paths.iter().map(PathBuf::from) {
        let ours = listed.iter().any(|b| b.path == path);
        if ours && !is_encrypted(&path).unwrap_or(true) {
            remove(&path)?;
            deleted.push(path.display().to_string());
        }
    }
    Ok(deleted)
}

/// After a passphrase change: re-encrypts the listed copies that still open with the old
/// passphrase with the current one. Returns the copies re-keyed.
#[tauri::command]
pub async fn rekey_old_backups(
    state: State<'_, AppState>,
    backups: State<'_, Backups>,
    old_passphrase: String,
    paths: Vec<String>,
) -> Reply<Vec<String>> {
    old_backups(&state, &backups, old_passphrase, paths, true)
}

/// After a passphrase change: deletes the listed copies that still open with the old one.
#[tauri::command]
pub async fn delete_old_backups(
    state: State<'_, AppState>,
    backups: State<'_, Backups>,
    old_passphrase: String,
    paths: Vec<String>,
) -> Reply<Vec<String>> {
    old_backups(&state, &backups, old_passphrase, paths, false)
}

fn old_backups(
    state: &AppState,
    backups: &Backups,
    old: String,
    paths: Vec<String>,
    rekey: bool,
) -> Reply<Vec<String>> {
    let old = Passphrase::new(old).map_err(|e| on(e, "old_passphrase"))?;
    let Some(new) = state.key() else {
        return Err(Error::invalid("practice", "has no passphrase now").report());
    };
    let dir = backup_dir(&state.db_path());
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    // The background backup's rotation must not delete a copy while it is re-keyed.
    let done = backups
        .paused(|| {
            if rekey {
                coachbook::backup::rekey_copies(&dir, &paths, &old, &new)
            } else {
                coachbook::backup::delete_copies(&dir, &paths, &old)
            }
        })
        .map_err(|e| e.report())?;
    Ok(done.iter().map(|p| p.display().to_string()).collect())
}

fn remove(path: &Path) -> Reply<()> {
    std::fs::remove_file(path).map_err(|e| Error::Io(e).report())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_change_and_remove_keep_the_key_in_step_and_refuse_a_wrong_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        let state = AppState::new(db.clone());
        let backups = Backups::default();
        state.create(None).unwrap();
        let text = |s: &str| Some(s.to_string());

        let short = change(&state, &backups, None, text("short")).unwrap_err();
        assert_eq!(short.field.as_deref(), Some("new_passphrase"));
        let set = change(&state, &backups, None, text("first passphrase")).unwrap();
        assert!(set.encrypted && set.backup.is_some());
        assert!(state.encrypted() && state.key().is_some());

        let wrong =
            change(&state, &backups, text("not it at all"), text("second one")).unwrap_err();
        assert_eq!(wrong.field.as_deref(), Some("current_passphrase"));
        change(
            &state,
            &backups,
            text("first passphrase"),
            text("second one"),
        )
        .unwrap();
        // The background backup opens its own connection with the key held by the state.
        let copy = backups.now(&state).unwrap().expect("a backup");
        assert!(is_encrypted(&copy.path).unwrap());

        let removed = change(&state, &backups, text("second one"), None).unwrap();
        assert!(!removed.encrypted && !state.encrypted() && state.key().is_none());
        state.lock_now();
        assert!(
            state.with(|s| s.counts()).is_ok(),
            "a plain practice does not lock"
        );
    }
}
