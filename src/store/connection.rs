//! The one place that picks the SQLite build and opens connections. Encryption at rest
//! (SQLCipher) will be applied here: switching `rusqlite/bundled` to `bundled-sqlcipher` and
//! setting the key right after `Connection::open` is the whole change.

use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// Long enough to ride out a backup or a second process's write; short enough that a
/// stuck lock turns into a clear error rather than a frozen window.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// "CoBk": marks the file as ours, so we never migrate somebody else's SQLite database.
pub const APPLICATION_ID: i32 = 0x436F_426B;

pub fn open_connection(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the header is the first thing that touches the file: map "not a database"
    // here to a clear message.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::NotCoachbook(format!("{} is not a SQLite database", path.display()))
            }
            _ => Error::Db(e),
        })?;
    // The ranking function full-text search uses (FTS5 auxiliary functions are per connection).
    crate::search::rank::register(&conn)?;
    Ok(conn)
}

/// For a file, folder or disk that cannot be written. In a read-only folder a WAL-mode file
/// cannot create its `-shm`, so that case is opened `immutable=1` (nobody can change it).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let first_read =
        |c: &Connection| c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()));
    let conn = match Connection::open_with_flags(path, flags) {
        Ok(c) if first_read(&c).is_ok() => c,
        _ => {
            let c = Connection::open_with_flags(immutable_uri(path)?, flags)?;
            first_read(&c)?;
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
