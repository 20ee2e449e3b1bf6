//! Automatic backups while the app runs: shortly after start and then every hour a scheduled
//! run (the core makes at most one a day), and one on quit. Each run opens its OWN short-lived
//! connection, so it never takes the main store's lock (typing never waits) and holds nothing
//! open between runs (a restore needs the file to itself). A failed backup never stops the app:
//! its outcome is kept for Settings → Backups. The file backed up is whatever practice the app
//! has open (it can change: "Open another file…"), and only while it opened fine.

use crate::state::{AppState, Practice};
use chrono::{DateTime, Utc};
use coachbook::backup::{self, BackupInfo};
use coachbook::settings::Settings;
use coachbook::{ErrorReport, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The first scheduled run waits this long, so it does not compete with start-up.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);
const EVERY: Duration = Duration::from_secs(60 * 60);

/// How the last backup attempt went: shown as "Last backup: today 10:42" or the error.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupOutcome {
    pub at: DateTime<Utc>,
    /// The copy written; `None` when it failed.
    pub written: Option<BackupInfo>,
    pub error: Option<ErrorReport>,
    /// How long the copy took, in ms.
    #[ts(type = "number")]
    pub took_ms: u64,
}

#[derive(Default)]
pub struct Backups {
    last: Mutex<Option<BackupOutcome>>,
    /// One run at a time (scheduler, "Back up now", quit).
    running: Mutex<()>,
}

impl Backups {
    pub fn last(&self) -> Option<BackupOutcome> {
        self.last.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// A scheduled run: writes a copy only when the newest is a day old. `Ok(None)`: skipped.
    pub fn scheduled(&self, state: &AppState) -> Result<Option<BackupInfo>, ErrorReport> {
        self.run(state, backup::run_scheduled)
    }

    /// "Back up now" and on quit: a copy whatever the schedule.
    pub fn now(&self, state: &AppState) -> Result<Option<BackupInfo>, ErrorReport> {
        self.run(state, backup::back_up_now)
    }

    fn run(
        &self,
        state: &AppState,
        f: impl FnOnce(&Store, &Path, DateTime<Utc>) -> coachbook::Result<backup::ScheduledRun>,
    ) -> Result<Option<BackupInfo>, ErrorReport> {
        let _one_at_a_time = self.running.lock().unwrap_or_else(|p| p.into_inner());
        // Only a practice that opened fine (read-only too); the main lock only for this look.
        let (db, ready) =
            state.status(|db, p| (db.to_path_buf(), matches!(p, Practice::Ready { .. })));
        if !ready || !db.exists() {
            return Ok(None);
        }
        // Locked: not ready, nothing done above. The copy of an encrypted practice is
        // encrypted with the same passphrase (the core does that when given the key).
        let key = state.key();
        if key.is_none() && state.encrypted() {
            return Ok(None);
        }
        let now = Utc::now();
        // A read-only connection of our own: it never writes to the practice, and it refuses
        // a damaged or newer file.
        let result = Store::open_read_only_with(&db, key.as_ref())
            .and_then(|store| f(&store, &backup_dir(&db), now));
        match result {
            Ok(run) if run.written.is_none() => Ok(None),
            Ok(run) => {
                self.record(BackupOutcome {
                    at: now,
                    written: run.written.clone(),
                    error: None,
                    took_ms: u64::try_from(run.took.as_millis()).unwrap_or(u64::MAX),
                });
                Ok(run.written)
            }
            Err(e) => {
                let report = e.report();
                eprintln!("coachbook-app: backup failed: {}", report.message);
                self.record(BackupOutcome {
                    at: now,
                    written: None,
                    error: Some(report.clone()),
                    took_ms: 0,
                });
                Err(report)
            }
        }
    }

    /// Runs `f` while no backup runs (nor starts): a passphrase change needs the file to itself.
    pub fn paused<T>(&self, f: impl FnOnce() -> T) -> T {
        let _no_backup = self.running.lock().unwrap_or_else(|p| p.into_inner());
        f()
    }

    fn record(&self, outcome: BackupOutcome) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(outcome);
    }
}

/// The folder backups go to now (settings are read each time: a change applies at once).
pub fn backup_dir(db: &Path) -> PathBuf {
    Settings::load_or_default(db).0.backup_dir(db)
}

/// Starts the background scheduler. The thread lives as long as the app.
pub fn start_scheduler(app: tauri::AppHandle) {
    use tauri::Manager;
    let spawned = std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || {
            std::thread::sleep(FIRST_RUN_AFTER);
            loop {
                // Errors are recorded for the screen; the next hour tries again.
                let _ = app.state::<Backups>().scheduled(&app.state::<AppState>());
                std::thread::sleep(EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("coachbook-app: automatic backups are off: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coachbook::store::{Passphrase, is_encrypted};

    #[test]
    fn nothing_while_locked_and_an_encrypted_copy_once_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        let key = Passphrase::new("correct horse").unwrap();
        let state = AppState::new(db.clone());
        state.create(Some(key.clone())).unwrap();
        state.lock_now();
        let backups = Backups::default();
        assert_eq!(
            backups.now(&state).unwrap(),
            None,
            "no key in memory: no backup"
        );
        assert!(backups.last().is_none());

        state.unlock(key.clone()).unwrap();
        let written = backups.now(&state).unwrap().expect("a backup");
        assert!(
            is_encrypted(&written.path).unwrap(),
            "the copy stays encrypted"
        );
        assert!(Store::open_read_only_with(&written.path, Some(&key)).is_ok());
    }
}
