//! Setting, changing and removing the passphrase. Always a verified backup first; then
//! either SQLCipher's re-key in place (encrypted → encrypted, one transaction), or a new
//! file written by `sqlcipher_export` (plain ↔ encrypted), checked, and renamed over the
//! old one. The caller must be the only one with the database open (as for a restore).

use super::{Passphrase, Store, connection, is_encrypted};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PassphraseChange {
    /// The verified backup taken before anything changed (with the old passphrase, or
    /// none); `None` when there was nothing to change.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub backup: Option<PathBuf>,
    /// The database is encrypted now.
    pub encrypted: bool,
    /// Backups in the folder that are not encrypted: they still hold every note in plain
    /// text. Taken before the passphrase was set; the coach decides whether to delete them.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub plain_backups: Vec<PathBuf>,
    /// After a change (encrypted → encrypted): the copies in the backups folder (rotated
    /// backups, before-restore copies) that still open with the old passphrase. The coach
    /// may re-key them to the new one or delete them ([`crate::backup::rekey_copies`],
    /// [`crate::backup::delete_copies`]).
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub old_passphrase_backups: Vec<PathBuf>,
}

use crate::private::with_suffix;

/// Encrypts the database file at `path` (nobody else has it open) with `to`: re-keyed in
/// place when it is encrypted with `from`, converted when it is plain. Used on a checked
/// copy about to be restored, so the practice keeps its current passphrase.
pub(crate) fn reencrypt_file(
    path: &Path,
    from: Option<&Passphrase>,
    to: &Passphrase,
) -> Result<()> {
    let mut store = Store::open_with(path, from)?;
    if store.is_encrypted() {
        store.rekey_in_place(to)
    } else {
        store.convert(Some(to))
    }
}

impl Store {
    /// Sets (`Some`, on a plain database), changes (`Some`, on an encrypted one) or
    /// removes (`None`) the passphrase. Every record is kept; a plain database asked to
    /// stay plain is left alone. On success the store is open with the new passphrase.
    pub fn change_passphrase(
        &mut self,
        new: Option<&Passphrase>,
        backups_dir: &Path,
        now: DateTime<Utc>,
    ) -> Result<PassphraseChange> {
        if let Some(new) = new {
            new.check_new("new_passphrase")?;
        }
        let mut backup = None;
        let mut old_passphrase_backups = Vec::new();
        if self.is_encrypted() || new.is_some() {
            let run = crate::backup::back_up_now(self, backups_dir, now)?;
            backup = run.written.map(|b| b.path);
            match (self.key.clone(), new) {
                (Some(old), Some(new)) => {
                    self.rekey_in_place(new)?;
                    old_passphrase_backups = crate::backup::opening_with(backups_dir, &old)?;
                }
                (_, new) => self.convert(new)?,
            }
        }
        Ok(PassphraseChange {
            backup,
            encrypted: self.is_encrypted(),
            plain_backups: plain_backups(backups_dir)?,
            old_passphrase_backups,
        })
    }

    pub(crate) fn rekey_in_place(&mut self, new: &Passphrase) -> Result<()> {
        self.checkpoint()?;
        connection::rekey(&self.conn, new)?;
        self.checkpoint()?;
        self.key = Some(new.clone());
        Ok(())
    }

    /// Folds the WAL into the file; refuses when another connection holds it open.
    fn checkpoint(&self) -> Result<()> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(Error::invalid(
                "database",
                format!(
                    "{} is open in another program: close it, then try again",
                    self.path.display()
                ),
            ));
        }
        Ok(())
    }

    /// Writes the whole database into a new file keyed with `new` (plain for `None`),
    /// checks it, and swaps it in.
    pub(crate) fn convert(&mut self, new: Option<&Passphrase>) -> Result<()> {
        // Created here, empty and private, under a random name: ATTACH then fills it.
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let prefix = format!(".{}.", name.as_deref().unwrap_or("coachbook"));
        let dir = crate::private::parent_of(&self.path).to_path_buf();
        let (tmp, file) = crate::private::create_temp_in(&dir, &prefix, ".converting")?;
        drop(file);
        let written = self
            .export_to(&tmp, new)
            .and_then(|()| self.check_copy(&tmp, new));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(with_suffix(&tmp, "-journal"));
            return Err(e);
        }
        self.checkpoint()?;
        // Close our connection: the old file's WAL must be folded in and gone before the
        // new file takes its name (SQLite would replay a stale WAL into it).
        let old_key = self.key.clone();
        let old = std::mem::replace(&mut self.conn, rusqlite::Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| Error::Db(e))?;
        let path = self.path.clone();
        let swapped = swap_in(&path, &tmp).and_then(|()| Store::open_with(&path, new));
        match swapped {
            Ok(store) => {
                *self = store;
                Ok(())
            }
            Err(e) => {
                // Whichever file holds the name now is whole: keep the store usable on it.
                if let Ok(store) = Store::open_with(&path, old_key.as_ref().or(new)) {
                    *self = store;
                }
                Err(e)
            }
        }
    }

    fn export_to(&self, tmp: &Path, new: Option<&Passphrase>) -> Result<()> {
        let name = tmp
            .to_str()
            .ok_or_else(|| Error::invalid("database", "its path is not valid UTF-8"))?;
        // A bound parameter: the passphrase never becomes part of an SQL text.
        let key = new.map_or(&b""[..], Passphrase::as_bytes);
        self.conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            rusqlite::params![name, key],
        )?;
        let exported = (|| -> Result<()> {
            self.conn
                .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            // sqlcipher_export copies tables, indexes, triggers and views but not the
            // header's user_version and application_id (SQLCipher 4.6.1's source): set
            // here, so the copy is recognised as ours and not migrated again.
            let version = self.schema_version()?;
            self.conn.execute_batch(&format!(
                "PRAGMA converted.user_version = {version};
                 PRAGMA converted.application_id = {};",
                connection::APPLICATION_ID
            ))?;
            Ok(())
        })();
        let detached = self.conn.execute_batch("DETACH DATABASE converted");
        exported?;
        detached?;
        std::fs::File::open(tmp)?.sync_all()?;
        Ok(())
    }

    /// The new file opens with the new key, is whole, and holds as many records.
    fn check_copy(&self, tmp: &Path, new: Option<&Passphrase>) -> Result<()> {
        if new.is_some() != is_encrypted(tmp)? {
            return Err(Error::NotCoachbook(
                "the converted copy is not encrypted as asked".into(),
            ));
        }
        let copy = Store::from_connection(
            connection::open_with_flags(tmp, new, connection::READ_WRITE)?,
            tmp,
            new,
        )?;
        let report = copy.check()?;
        if !report.is_ok() || report.counts != self.counts()? {
            return Err(Error::NotCoachbook(format!(
                "the converted copy failed its check: {:?}, {:?}",
                report.integrity, report.counts
            )));
        }
        copy.conn.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }
}

/// Renames the checked copy over the database, its stale -wal/-shm removed first, and
/// makes the rename durable.
fn swap_in(path: &Path, tmp: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(path, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(tmp, path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}

/// The backups in `dir` that are plain SQLite files.
fn plain_backups(dir: &Path) -> Result<Vec<PathBuf>> {
    let listed = crate::backup::list_backups(dir)?;
    Ok(listed
        .into_iter()
        .filter(|b| b.size > 0 && !b.encrypted)
        .map(|b| b.path)
        .collect())
}
