//! What the app finds when it opens the practice file at start-up: a new practice, a locked
//! one, a ready one (perhaps read-only, with the reason), or a problem to show — told apart
//! here, without the shell, so every case is testable from the core.

use super::{APPLICATION_ID, Passphrase, Store, is_encrypted};
use crate::{Error, ErrorKind, ErrorReport};
use serde::Serialize;
use std::path::Path;

/// Why the practice is not open, as the start-up screen needs it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// A Coachbook file that failed its quick check: never written to.
    Damaged { message: String },
    /// Written by a newer Coachbook: refused untouched.
    Newer { found: u32, supported: u32 },
    /// Some other file (or not a database at all).
    NotCoachbook { message: String },
    /// Anything else (no permission to create the folder, I/O error…).
    Other { error: ErrorReport },
}

impl Problem {
    pub fn report(&self) -> ErrorReport {
        let (kind, message) = match self {
            Problem::Damaged { message } => (ErrorKind::Damaged, message.clone()),
            Problem::Newer { found, supported } => (
                ErrorKind::NewerSchema,
                Error::NewerSchema {
                    found: *found,
                    supported: *supported,
                }
                .to_string(),
            ),
            Problem::NotCoachbook { message } => (ErrorKind::NotCoachbook, message.clone()),
            Problem::Other { error } => return error.clone(),
        };
        ErrorReport {
            kind,
            field: None,
            message,
        }
    }
}

/// The practice file as found on opening.
pub enum Opening {
    /// No file yet (first run): nothing is created before the coach chooses a passphrase or none.
    New,
    /// An encrypted file and no (or no longer the right) passphrase: the lock screen asks.
    Locked,
    /// `read_only`: why the file cannot be changed (the banner says it); writes fail.
    Ready {
        store: Store,
        read_only: Option<String>,
    },
    Unavailable(Problem),
}

/// Start-up: tells a new, locked, ready or unusable practice apart. A wrong `key` (a restored
/// backup with another passphrase, say) gives `Locked`, so the coach is asked again.
pub fn open_at_start(path: &Path, key: Option<&Passphrase>) -> Opening {
    let empty = std::fs::metadata(path).map_or(true, |m| m.len() == 0);
    if empty {
        return Opening::New;
    }
    if key.is_none() && is_encrypted(path).unwrap_or(false) {
        return Opening::Locked;
    }
    match open_practice(path, key) {
        Ok(opening) => opening,
        Err(Error::WrongPassphrase { .. }) => Opening::Locked,
        Err(e) => Opening::Unavailable(classify(path, e)),
    }
}

/// Opens an existing practice: a file we cannot write opens read-only; a writable one is
/// quick-checked before anything writes to it (`open_checked_with`). Only a wrong passphrase
/// is an error (the caller decides: refuse an unlock, or lock); every other failure is an
/// `Unavailable` problem.
pub fn open_practice(path: &Path, key: Option<&Passphrase>) -> Result<Opening, Error> {
    let result = match read_only_reason(path) {
        Some(reason) => Store::open_read_only_with(path, key).map(|store| (store, Some(reason))),
        None => Store::open_checked_with(path, key).map(|store| {
            // SQLite falls back to reading when the OS refuses writes we did not foresee.
            let read_only = store
                .conn()
                .is_readonly("main")
                .unwrap_or(false)
                .then(|| "the system allows reading it only".to_string());
            (store, read_only)
        }),
    };
    match result {
        Ok((store, read_only)) => Ok(Opening::Ready { store, read_only }),
        Err(e @ Error::WrongPassphrase { .. }) => Err(e),
        Err(e) => Ok(Opening::Unavailable(classify(path, e))),
    }
}

/// Sorts a failed open into what the start-up screen says about it.
pub fn classify(path: &Path, e: Error) -> Problem {
    match e {
        Error::NewerSchema { found, supported } => Problem::Newer { found, supported },
        Error::NotCoachbook(message) if has_our_header(path) => Problem::Damaged { message },
        Error::NotCoachbook(message) => Problem::NotCoachbook { message },
        other => Problem::Other {
            error: other.report(),
        },
    }
}

/// The file starts as a SQLite file carrying Coachbook's application id: it is ours, so a
/// failed check means damage, not somebody else's file.
fn has_our_header(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 72];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    read.is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && i32::from_be_bytes([header[68], header[69], header[70], header[71]]) == APPLICATION_ID
}

/// Why an existing practice cannot be changed, found before SQLite touches it. Root ignores
/// permission bits, so this asks the system (open for writing, create a file) rather than
/// reading the mode.
pub fn read_only_reason(path: &Path) -> Option<String> {
    if !path.is_file() {
        return None;
    }
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return Some(describe(&e, "the file"));
    }
    // WAL mode creates `-wal` and `-shm` beside the file.
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A random name, created new, never through a symlink someone planted.
    match crate::private::create_temp_in(dir, ".coachbook-write-test-", "") {
        Ok((probe, _)) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) => Some(describe(&e, "its folder")),
    }
}

fn describe(e: &std::io::Error, what: &str) -> String {
    // EROFS: the whole disk (or mount) is read-only.
    if e.raw_os_error() == Some(30) {
        format!("{what} is on a read-only disk")
    } else if e.kind() == std::io::ErrorKind::PermissionDenied {
        format!("{what} does not allow changes (permissions)")
    } else {
        format!("{what} cannot be written ({e})")
    }
}
