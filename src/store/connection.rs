//! The one place that picks the SQLite build (SQLCipher, through rusqlite's
//! `bundled-sqlcipher`) and opens connections: the key is applied right after opening,
//! before anything reads the file, and "not a database" is told apart from a locked file
//! and a wrong passphrase.

use super::passphrase::{Passphrase, is_encrypted};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

/// Long enough to ride out a backup or a second process's write; short enough that a
/// stuck lock turns into a clear error rather than a frozen window.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// "CoBk": marks the file as ours, so we never migrate somebody else's SQLite database.
pub const APPLICATION_ID: i32 = 0x436F_426B;

/// Read-write, created if missing: the store's own connection. No URI flag: a path that
/// starts with `file:` is a file name, never options (`vfs=`, `mode=`) read from it.
pub const READ_WRITE_CREATE: OpenFlags = OpenFlags::SQLITE_OPEN_READ_WRITE
    .union(OpenFlags::SQLITE_OPEN_CREATE)
    .union(OpenFlags::SQLITE_OPEN_NO_MUTEX);
/// Read-write, never created: checks of existing files.
pub const READ_WRITE: OpenFlags =
    OpenFlags::SQLITE_OPEN_READ_WRITE.union(OpenFlags::SQLITE_OPEN_NO_MUTEX);
/// Read-only: the start-up check, which must not write a byte.
pub const READ_ONLY: OpenFlags =
    OpenFlags::SQLITE_OPEN_READ_ONLY.union(OpenFlags::SQLITE_OPEN_NO_MUTEX);

pub fn open_connection(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    open_with_flags(path, key, READ_WRITE_CREATE)
}

/// Opens `path` and keys it. `key` is used for an encrypted file and for a new file (which
/// is then created encrypted); an existing plain file opens plain whatever `key` says.
pub fn open_with_flags(
    path: &Path,
    key: Option<&Passphrase>,
    flags: OpenFlags,
) -> Result<Connection> {
    quiet_cipher_log();
    let key = key_for(path, key)?;
    let conn = Connection::open_with_flags(path, flags)?;
    defend(&conn)?;
    if let Some(key) = key {
        apply_key(&conn, key)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the header is the first thing that touches the file: a wrong key shows here.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(|e| map_open_error(path, key.is_some(), e))?;
    // The ranking function full-text search uses (FTS5 auxiliary functions are per connection).
    crate::search::rank::register(&conn)?;
    Ok(conn)
}

/// Every file we open may have been handed to us (a backup, "Open another file…"), so its
/// schema is not trusted: `trusted_schema` off — triggers and views may use only functions
/// and virtual tables SQLite marks innocuous (our search triggers write to FTS5, which is;
/// our ranking function is called by queries, never by the schema) — and the defensive flag
/// (no writes to `sqlite_master` or FTS5's shadow tables by ordinary SQL, no
/// `writable_schema`, no `journal_mode=OFF`). Set before the first read parses the schema.
pub(crate) fn defend(conn: &Connection) -> Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

/// True when plain (unkeyed) SQLite finds no database header in `path`. Any other outcome,
/// a failure included, means the header was readable: the real open reports the rest.
pub(crate) fn plain_sqlite_refuses(path: &Path) -> Result<bool> {
    let conn = Connection::open_with_flags(path, READ_ONLY)?;
    defend(&conn)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let first = conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()));
    Ok(first.is_err_and(|e| e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase)))
}

/// For a file, folder or disk that cannot be written. In a read-only folder a WAL-mode file
/// cannot create its `-shm`, so that case is opened `immutable=1` (nobody can change it).
/// Keyed like every other connection.
pub fn open_read_only(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    quiet_cipher_log();
    let key = key_for(path, key)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let open = |target: &Path| -> Result<Connection> {
        let c = Connection::open_with_flags(target, flags)?;
        defend(&c)?;
        if let Some(key) = key {
            apply_key(&c, key)?;
        }
        Ok(c)
    };
    let first_read =
        |c: &Connection| c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()));
    let conn = match open(path) {
        Ok(c) if first_read(&c).is_ok() => c,
        _ => {
            let c = open(Path::new(&immutable_uri(path)?))?;
            first_read(&c).map_err(|e| map_open_error(path, key.is_some(), e))?;
            c
        }
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    crate::search::rank::register(&conn)?;
    Ok(conn)
}

fn immutable_uri(path: &Path) -> Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::invalid("path", format!("{} is not valid UTF-8", path.display())))?;
    let mut uri = String::from("file:");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

/// The key to apply: `key` for an encrypted or a new file, none for an existing plain one.
pub fn key_for<'k>(path: &Path, key: Option<&'k Passphrase>) -> Result<Option<&'k Passphrase>> {
    if key.is_none() || is_encrypted(path)? {
        return Ok(key);
    }
    let exists = path.metadata().is_ok_and(|m| m.len() > 0);
    Ok(key.filter(|_| !exists))
}

/// "File is not a database" from the first read means, in order of likelihood for our
/// own files: a wrong passphrase, a missing one, or a file that is not SQLite at all.
/// The file is probed only here, on the failure path: a successful open costs no extra read.
pub fn map_open_error(path: &Path, keyed: bool, e: rusqlite::Error) -> Error {
    if e.sqlite_error_code() != Some(rusqlite::ErrorCode::NotADatabase) {
        return Error::Db(e);
    }
    let encrypted = match is_encrypted(path) {
        Ok(encrypted) => encrypted,
        Err(probe) => return probe,
    };
    match (encrypted, keyed) {
        (true, true) => Error::WrongPassphrase { hint: "" },
        (true, false) => Error::PassphraseRequired(path.display().to_string()),
        _ => Error::NotCoachbook(format!("{} is not a SQLite database", path.display())),
    }
}

/// SQLCipher prints "ERROR CORE …" lines to stderr on a wrong key; the error itself
/// reaches the user through `Error`, so its log goes off (one global setting). It must be
/// set after SQLCipher's first activation (keying a connection), which installs the
/// stderr default over any earlier setting.
fn quiet_cipher_log() {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| {
        let Ok(conn) = Connection::open_in_memory() else {
            return;
        };
        if let Ok(key) = Passphrase::new("activate") {
            let _ = apply_key(&conn, &key);
        }
        let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE; PRAGMA cipher_log = off;");
    });
}

/// `sqlite3_key_v2`, the C twin of `PRAGMA key = '…'`: the passphrase goes to SQLCipher's
/// KDF without ever becoming part of an SQL text (which SQLite copies and keeps).
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<()> {
    let bytes = key.as_bytes();
    // SAFETY: the handle is live for the call; SQLCipher copies the bytes it is given
    // (pointer + length, so no NUL terminator is needed) and keeps no reference.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_key_v2(
            conn.handle(),
            c"main".as_ptr(),
            bytes.as_ptr().cast(),
            bytes.len() as i32,
        )
    };
    check_rc(rc, "sqlite3_key")
}

/// `sqlite3_rekey_v2`: re-encrypts every page of an encrypted database with a new key.
pub(crate) fn rekey(conn: &Connection, key: &Passphrase) -> Result<()> {
    let bytes = key.as_bytes();
    // SAFETY: as in `apply_key`.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_rekey_v2(
            conn.handle(),
            c"main".as_ptr(),
            bytes.as_ptr().cast(),
            bytes.len() as i32,
        )
    };
    check_rc(rc, "sqlite3_rekey")
}

fn check_rc(rc: i32, what: &str) -> Result<()> {
    if rc == rusqlite::ffi::SQLITE_OK {
        return Ok(());
    }
    Err(Error::Db(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rc),
        Some(format!("{what} failed")),
    )))
}

/// Durability settings, applied only after the schema version was found acceptable
/// (switching to WAL writes to the file, and a newer file must stay untouched).
///
/// `synchronous=FULL`: in WAL mode NORMAL can lose the last commits on power loss (not on
/// a crash); a coach's battery dies mid-session, and FULL costs ~0.1 ms per note save.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
