//! Per-practice settings in a small JSON file beside the database (`coachbook.db` →
//! `coachbook.settings.json`). It holds no client data, so it stays readable when the
//! database is damaged or locked — e.g. to find the backups folder for a restore.
//!
//! To add a setting: add a field with a default (`#[serde(default)]` on the struct makes
//! files without it load). Keys this version does not know are kept on save, so an older
//! Coachbook does not drop a newer one's settings.

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where backups go; `None`: `backups/` beside the database.
    pub backup_dir: Option<PathBuf>,
    /// Paper size of progress reports.
    pub paper: crate::report::Paper,
    /// The app locks after this many idle minutes (fractions allowed; 0: never); `None`: the
    /// app's default. Applies only to a practice with a passphrase.
    pub lock_after_minutes: Option<f64>,
    /// Keys written by a newer Coachbook: kept as they are.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// The settings file of the database at `db`.
pub fn settings_path(db: &Path) -> PathBuf {
    db.with_extension("settings.json")
}

impl Settings {
    /// The settings of the practice at `db`. No file yet: the defaults. A file that is not
    /// valid settings JSON is an error (kind `invalid`, field `settings`) naming the file, so
    /// the caller can say so and fall back to [`Settings::default`] rather than guess.
    pub fn load(db: &Path) -> Result<Settings> {
        let path = settings_path(db);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(e.into()),
        };
        serde_json::from_str(&text).map_err(|e| {
            Error::invalid(
                "settings",
                format!("{} is not a valid settings file ({e})", path.display()),
            )
        })
    }

    /// [`Settings::load`], but a missing or broken file gives the defaults; the error, if
    /// any, comes along so the app can show it.
    pub fn load_or_default(db: &Path) -> (Settings, Option<Error>) {
        match Settings::load(db) {
            Ok(s) => (s, None),
            Err(e) => (Settings::default(), Some(e)),
        }
    }

    /// Writes the file whole or not at all: a private temp file, fsync, rename, fsync of the
    /// folder. The file is readable by the coach's account only.
    pub fn save(&self, db: &Path) -> Result<()> {
        let path = settings_path(db);
        crate::private::create_dir_all(crate::private::parent_of(&path))?;
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        crate::private::write_atomically(&path, &bytes)?;
        Ok(())
    }

    /// The backups folder for the database at `db`: the configured one (a relative path
    /// counts from the database's folder) or `backups/` beside the database.
    pub fn backup_dir(&self, db: &Path) -> PathBuf {
        match &self.backup_dir {
            Some(dir) if dir.is_absolute() => dir.clone(),
            Some(dir) => crate::backup::default_dir(db)
                .parent()
                .map_or_else(|| dir.clone(), |p| p.join(dir)),
            None => crate::backup::default_dir(db),
        }
    }

    /// Makes `dir` the backups folder: it must be an absolute path to a folder that can be
    /// created and written to (checked by writing and removing a probe file). Saves the
    /// settings. Errors name the field `backup_dir`.
    pub fn set_backup_dir(&mut self, db: &Path, dir: &Path) -> Result<PathBuf> {
        let dir = check_writable_dir(dir)?;
        self.backup_dir = Some(dir.clone());
        self.save(db)?;
        Ok(dir)
    }
}

/// Creates `dir` if needed and proves a file can be written there.
pub fn check_writable_dir(dir: &Path) -> Result<PathBuf> {
    let refuse = |rule: String| Error::invalid("backup_dir", rule);
    if dir.as_os_str().is_empty() {
        return Err(refuse("choose a folder".into()));
    }
    if !dir.is_absolute() {
        return Err(refuse(format!(
            "{} is not a full path (it should start with /)",
            dir.display()
        )));
    }
    crate::private::create_dir_all(dir)
        .map_err(|e| refuse(format!("cannot create the folder {}: {e}", dir.display())))?;
    // A random name, created new and never through a symlink: nothing planted is written.
    let written = crate::private::create_temp_in(dir, ".coachbook-write-test-", "").and_then(
        |(probe, mut f)| {
            let wrote = f.write_all(b"ok").and_then(|()| f.sync_all());
            let _ = std::fs::remove_file(&probe);
            wrote
        },
    );
    written.map_err(|e| refuse(format!("cannot write to {}: {e}", dir.display())))?;
    Ok(dir.to_path_buf())
}
