//! Restore: the chosen backup replaces the database file, only if it is a whole Coachbook
//! database, and only after the current file was copied into the backups folder.
//! The caller must have closed every connection to the database (the app closes its store).

use super::{BackupKind, file_name};
use crate::private::{parent_of, with_suffix};
use crate::store::{Passphrase, is_encrypted};
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
    /// How the restored practice is protected now.
    pub protection: Protection,
}

/// A restore never turns an encrypted practice into plain text: a plain backup restored
/// into an encrypted practice is encrypted with the practice's current passphrase, and a
/// backup with an older passphrase is re-keyed to the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// Plain before and after (the practice had no passphrase, nor the backup).
    Plain,
    /// Encrypted with the passphrase the backup had (which is the current one, or the
    /// practice had none).
    BackupPassphrase,
    /// The backup was plain; the restored practice is encrypted with the current passphrase.
    EncryptedWithCurrent,
    /// The backup had an older passphrase; the restored practice has the current one.
    RekeyedToCurrent,
}

impl Protection {
    /// The passphrase the restored practice opens with, of the two the restore was given.
    pub fn key<'a>(self, keys: RestoreKeys<'a>) -> Option<&'a Passphrase> {
        match self {
            Protection::Plain => None,
            Protection::BackupPassphrase => keys.backup.or(keys.current),
            Protection::EncryptedWithCurrent | Protection::RekeyedToCurrent => keys.current,
        }
    }
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

/// `restore_with` for unencrypted files.
pub fn restore(
    db: &Path,
    backup: &Path,
    backups_dir: &Path,
    now: DateTime<Utc>,
) -> Result<RestoreOutcome> {
    restore_with(db, backup, backups_dir, RestoreKeys::default(), now)
}

/// Restores `backup` over `db`; `keys` unlock the current file and the backup. An
/// encrypted practice stays encrypted with its current passphrase (see [`Protection`]), so
/// its passphrase is required; a plain practice takes the backup's protection.
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
    let encrypted_now = db.exists() && is_encrypted(db)?;
    if encrypted_now && keys.current.is_none() {
        // Without it the restored copy could not be encrypted like the practice.
        return Err(Error::PassphraseRequired(db.display().to_string()));
    }
    refuse_if_open(db, keys.current)?;
    // Checked as a copy beside the database: the check may touch the file, and the final
    // rename must stay on one file system to be atomic. Private, whatever the backup's mode.
    let tmp = private_copy(backup, db)?;
    let checked = Store::verify_file(&tmp, keys.backup).map_err(|e| match e {
        Error::WrongPassphrase { .. } => Error::WrongPassphrase {
            hint: OLD_PASSPHRASE_HINT,
        },
        Error::PassphraseRequired(_) => Error::PassphraseRequired(backup.display().to_string()),
        e => e,
    });
    let protected = checked.and_then(|()| {
        let current = keys.current.filter(|_| encrypted_now);
        protect(&tmp, keys.backup, current)
    });
    let protection = match protected {
        Ok(p) => p,
        Err(e) => {
            remove_with_companions(&tmp);
            return Err(e);
        }
    };

    let result = keep_current(db, backups_dir, keys.current, now).and_then(|(copy, raw)| {
        replace(db, &tmp)?;
        Ok(RestoreOutcome {
            safety_copy: copy,
            safety_copy_raw: raw,
            protection,
        })
    });
    if result.is_err() {
        remove_with_companions(&tmp);
    }
    let outcome = result?;
    // Opens (and migrates, for an older backup) as the app will.
    Store::open_with(db, protection.key(keys))?;
    Ok(outcome)
}

/// A private copy of `backup` beside `db`, synced.
fn private_copy(backup: &Path, db: &Path) -> Result<PathBuf> {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned());
    let prefix = format!(".{}.", name.as_deref().unwrap_or("coachbook"));
    let (tmp, mut file) = crate::private::create_temp_in(parent_of(db), &prefix, ".restoring")?;
    let copied = std::fs::File::open(backup)
        .and_then(|mut from| std::io::copy(&mut from, &mut file))
        .and_then(|_| file.sync_all());
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(tmp)
}

fn remove_with_companions(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Gives the checked copy the practice's protection: encrypted with `current` when the
/// practice has a passphrase (`Some`), else left as the backup is.
fn protect(
    tmp: &Path,
    backup_key: Option<&Passphrase>,
    current: Option<&Passphrase>,
) -> Result<Protection> {
    let backup_encrypted = is_encrypted(tmp)?;
    let Some(current) = current else {
        return Ok(if backup_encrypted {
            Protection::BackupPassphrase
        } else {
            Protection::Plain
        });
    };
    if backup_encrypted && backup_key == Some(current) {
        return Ok(Protection::BackupPassphrase);
    }
    crate::store::reencrypt_file(tmp, backup_key, current)?;
    Ok(if backup_encrypted {
        Protection::RekeyedToCurrent
    } else {
        Protection::EncryptedWithCurrent
    })
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

/// Copies the current database into the backups folder before anything replaces it: the
/// copy, and whether it had to be taken byte for byte.
fn keep_current(
    db: &Path,
    dir: &Path,
    key: Option<&Passphrase>,
    now: DateTime<Utc>,
) -> Result<(Option<PathBuf>, bool)> {
    if !db.exists() {
        return Ok((None, false));
    }
    let copy = dir.join(file_name(BackupKind::BeforeRestore, now));
    // Closing the store checkpoints its WAL into the file, so nothing is left behind.
    let clean = Store::open_with(db, key).and_then(|store| store.backup_to(&copy));
    if clean.is_ok() {
        return Ok((Some(copy), false));
    }
    // A damaged or foreign file is still the coach's: keep it byte for byte (an encrypted
    // one stays encrypted), private like every file Coachbook writes.
    crate::private::create_dir_all(dir)?;
    copy_private(db, &copy)?;
    let wal = with_suffix(db, "-wal");
    if wal.exists() {
        copy_private(&wal, &with_suffix(&copy, "-wal"))?;
    }
    Ok((Some(copy), true))
}

fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut file = crate::private::create_new(to)?;
    std::io::copy(&mut std::fs::File::open(from)?, &mut file)?;
    file.sync_all()?;
    Ok(())
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
    // Makes the rename itself durable.
    std::fs::File::open(parent_of(db))?.sync_all()?;
    Ok(())
}
