//! Restore: the chosen backup replaces the database file, only if it is a whole Coachbook
//! database, and only after the current file was copied into the backups folder.
//! The caller must have closed every connection to the database (the app closes its store).

use super::{BackupKind, file_name};
use crate::{Error, Result, Store};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize)]
pub struct RestoreOutcome {
    /// The database as it was before the restore (absent when there was no database).
    pub safety_copy: Option<PathBuf>,
    /// The current file could not be backed up cleanly (damaged?), so it was copied byte
    /// for byte, with its WAL beside it.
    pub safety_copy_raw: bool,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

pub fn restore(
    db: &Path,
    backup: &Path,
    backups_dir: &Path,
    now: DateTime<Utc>,
) -> Result<RestoreOutcome> {
    if !backup.is_file() {
        return Err(Error::invalid(
            "BACKUP",
            format!("{} is not a file", backup.display()),
        ));
    }
    if db.exists() && std::fs::canonicalize(db)? == std::fs::canonicalize(backup)? {
        return Err(Error::invalid("BACKUP", "is the database itself"));
    }
    refuse_if_open(db)?;
    // Checked as a copy beside the database: the check may touch the file, and the final
    // rename must stay on one file system to be atomic.
    let tmp = with_suffix(db, ".restoring");
    std::fs::copy(backup, &tmp)?;
    let checked = std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(Error::from)
        .and_then(|()| Store::verify_file(&tmp));
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(with_suffix(&tmp, "-journal"));
        return Err(e);
    }

    let result = keep_current(db, backups_dir, now).and_then(|outcome| {
        replace(db, &tmp)?;
        Ok(outcome)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let outcome = result?;
    // Opens (and migrates, for an older backup) as the app will.
    Store::open(db)?;
    Ok(outcome)
}

/// Replacing a file another connection holds would leave that program writing to the old
/// inode and its -wal: ask for an exclusive lock, which any open connection prevents.
fn refuse_if_open(db: &Path) -> Result<()> {
    if !db.exists() {
        return Ok(());
    }
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // An open connection keeps its lock as long as it lives: waiting long does not help.
    conn.busy_timeout(std::time::Duration::from_millis(250))?;
    let probe = conn.execute_batch("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
    match probe {
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
            Err(Error::invalid(
                "database",
                format!(
                    "{} is open in Coachbook or another program: close it, then restore",
                    db.display()
                ),
            ))
        }
        // A damaged or foreign file fails here too; keep_current copies it as it is.
        _ => Ok(()),
    }
}

/// Copies the current database into the backups folder before anything replaces it.
fn keep_current(db: &Path, dir: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    if !db.exists() {
        return Ok(RestoreOutcome {
            safety_copy: None,
            safety_copy_raw: false,
        });
    }
    let copy = dir.join(file_name(BackupKind::BeforeRestore, now));
    // Closing the store checkpoints its WAL into the file, so nothing is left behind.
    let clean = Store::open(db).and_then(|store| store.backup_to(&copy));
    if clean.is_ok() {
        return Ok(RestoreOutcome {
            safety_copy: Some(copy),
            safety_copy_raw: false,
        });
    }
    // A damaged or foreign file is still the coach's: keep it byte for byte.
    std::fs::create_dir_all(dir)?;
    std::fs::copy(db, &copy)?;
    let wal = with_suffix(db, "-wal");
    if wal.exists() {
        std::fs::copy(&wal, with_suffix(&copy, "-wal"))?;
    }
    Ok(RestoreOutcome {
        safety_copy: Some(copy),
        safety_copy_raw: true,
    })
}

/// Renames the checked copy over the database. The old file's -wal/-shm go first: SQLite
/// would replay a stale WAL into the restored file.
fn replace(db: &Path, tmp: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(db, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(tmp, db)?;
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Makes the rename itself durable.
        std::fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}
