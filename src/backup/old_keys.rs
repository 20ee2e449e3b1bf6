//! After a passphrase change the copies in the backups folder still open with the old
//! passphrase: whoever learns it can read them. These find them, and re-key or delete them
//! at the coach's word. Each check costs one key derivation (~0.1 s) per copy.

use super::list_backups;
use crate::store::{Passphrase, connection};
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// The listed backups in `dir` that open with `key`, newest first.
pub fn opening_with(dir: &Path, key: &Passphrase) -> Result<Vec<PathBuf>> {
    Ok(list_backups(dir)?
        .into_iter()
        .filter(|b| b.encrypted && opens_with(&b.path, key))
        .map(|b| b.path)
        .collect())
}

fn opens_with(path: &Path, key: &Passphrase) -> bool {
    connection::open_with_flags(path, Some(key), connection::READ_ONLY).is_ok()
}

/// `paths` must be backups listed in `dir` that open with `old`: anything else is refused
/// (field `paths`) before a file is touched.
fn checked(dir: &Path, paths: &[PathBuf], old: &Passphrase) -> Result<Vec<PathBuf>> {
    let listed = list_backups(dir)?;
    let mut out = Vec::new();
    for path in paths {
        let Some(b) = listed.iter().find(|b| &b.path == path) else {
            return Err(Error::invalid(
                "paths",
                format!("{} is not a backup in {}", path.display(), dir.display()),
            ));
        };
        if !b.encrypted || !opens_with(&b.path, old) {
            return Err(Error::invalid(
                "paths",
                format!("{} does not open with the old passphrase", path.display()),
            ));
        }
        out.push(b.path.clone());
    }
    Ok(out)
}

/// Re-encrypts each copy with `new` (SQLCipher's re-key, one transaction per file), then
/// checks that it opens with `new`. Returns the copies re-keyed.
pub fn rekey_copies(
    dir: &Path,
    paths: &[PathBuf],
    old: &Passphrase,
    new: &Passphrase,
) -> Result<Vec<PathBuf>> {
    let paths = checked(dir, paths, old)?;
    for path in &paths {
        let conn = connection::open_with_flags(path, Some(old), connection::READ_WRITE)?;
        connection::rekey(&conn, new)?;
        conn.close().map_err(|(_, e)| Error::Db(e))?;
        if !opens_with(path, new) {
            return Err(Error::NotCoachbook(format!(
                "{} did not open with the new passphrase after its re-key",
                path.display()
            )));
        }
    }
    Ok(paths)
}

/// Deletes each copy (after the same check as [`rekey_copies`]). Returns the copies deleted.
pub fn delete_copies(dir: &Path, paths: &[PathBuf], old: &Passphrase) -> Result<Vec<PathBuf>> {
    let paths = checked(dir, paths, old)?;
    for path in &paths {
        std::fs::remove_file(path)?;
    }
    Ok(paths)
}
