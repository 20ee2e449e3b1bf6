//! Restore: the chosen backup replaces the database file, only if it is a whole Coachbook
//! database, and only after the current file was copied into the backups folder.
//! The caller must have closed every connection to the database (the app closes its store).

use super::{BackupKind, file_name};
use crate::store::Passphrase;
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

/// The passphrases a restore needs: the current database's (to take its safety copy and
/// to check nobody has it open) and the backup's, which is the one the database had when
/// the backup was taken. Both `None` for unencrypted files.
#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreKeys<'a> {
    pub current: Option<&'a Passphrase>,
    pub backup: Option<&'a Passphrase>,
}

const OLD_PASSPHRASE_HINT: &str = " for this backup: a backup keeps the passphrase the \
     database had when it was taken (try the one used before the last change)";

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// `restore_with` for unencrypted files.
pub fn restore(
    db: &Path,
    backup: &Path,
    backups_dir: &Path,
    now: DateTime<Utc>,
) -> Result<RestoreOutcome> {
    restore_with(db, backup, backups_dir, RestoreKeys::default(), now)
}

/// Restores `backup` over `db`; `keys` unlock the current file and the backup. After it
/// the database has the backup's passphrase.
pub fn restore_with(
    db: &Path,
    backup: &Path,
    backups_dir: &Path,
    keys: RestoreKeys,
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
    refuse_if_open(db, keys.current)?;
    // Checked as a copy beside the database: the check may touch the file, and the final
    // rename must stay on one file system to be atomic.
    let tmp = with_suffix(db, ".restoring");
    std::fs::copy(backup, &tmp)?;
    let checked = std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(Error::from)
        .and_then(|()| Store::verify_file(&tmp, keys.backup))
        .map_err(|e| match e {
            Error::WrongPassphrase { .. } => Error::WrongPassphrase {
                hint: OLD_PASSPHRASE_HINT,
            },
            Error::PassphraseRequired(_) => Error::PassphraseRequired(backup.display().to_string()),
            e => e,
        });
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(with_suffix(&tmp, "-journal"));
        return Err(e);
    }

    let result = keep_current(db, backups_dir, keys.current, now).and_then(|outcome| {
        replace(db, &tmp)?;
        Ok(outcome)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let outcome = result?;
    // Opens (and migrates, for an older backup) as the app will.
    Store::open_with(db, keys.backup)?;
    Ok(outcome)
}

/// Replacing a file another connection holds would leave that program writing to the old
/// inode and its -wal: ask for an exclusive lock, which any open connection prevents.
/// An encrypted database needs its passphrase for this: without it SQLite cannot read
/// the header, so the wrong one is refused here rather than guessed around.
fn refuse_if_open(db: &Path, key: Option<&Passphrase>) -> Result<()> {
    if !db.exists() {
        return Ok(());
    }
    let conn = match crate::store::open_for_check(db, key) {
        Ok(conn) => conn,
        Err(e @ (Error::WrongPassphrase { .. } | Error::PassphraseRequired(_))) => return Err(e),
        // A damaged or foreign file: keep_current copies it as it is.
        Err(_) => return Ok(()),
    };
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
fn keep_current(
    db: &Path,
    dir: &Path,
    key: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<RestoreOutcome> {
    if !db.exists() {
        return Ok(RestoreOutcome {
            safety_copy: None,
            safety_copy_raw: false,
        });
    }
    let copy = dir.join(file_name(BackupKind::BeforeRestore, now));
    // Closing the store checkpoints its WAL into the file, so nothing is left behind.
    let clean = Store::open_with(db, key).and_then(|store| store.backup_to(&copy));
    if clean.is_ok() {
        return Ok(RestoreOutcome {
            safety_copy: Some(copy),
            safety_copy_raw: false,
        });
    }
    // A damaged or foreign file is still the coach's: keep it byte for byte (an encrypted
    // one stays encrypted).
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
