//! The SQLite store: one file, opened in one place, changed only through migrations.
//! Each noun's queries live in their own file; every multi-row write is one transaction.

pub(crate) mod connection;
pub mod migrations;
mod passphrase;
pub mod practice_file;
mod rekey;
pub(crate) mod rows;

mod assignments;
mod clients;
mod coach;
mod competencies;
mod debriefs;
mod framework;
mod goals;
mod maintenance;
mod revisions;
mod sessions;

pub use clients::{ClientFilter, ClientSummary};
pub use connection::{APPLICATION_ID, BUSY_TIMEOUT};
pub use debriefs::RecordedDebrief;
pub use maintenance::{CheckReport, Counts};
pub use passphrase::{MIN_NEW_LEN, Passphrase, is_encrypted};
pub use practice_file::{Opening, Problem};
pub use rekey::PassphraseChange;
pub(crate) use rekey::reencrypt_file;
pub use revisions::{COALESCE_WINDOW, NoteRevision};

use crate::{Error, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Kept (wiped on drop) for the connections a backup or a check opens on copies.
    key: Option<Passphrase>,
}

impl Store {
    /// Opens (creating if needed) an unencrypted Coachbook database and brings its schema
    /// up to date. An encrypted file is refused with `Error::PassphraseRequired`.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// Opens (creating if needed) a Coachbook database and brings its schema up to date.
    /// With `key`, an encrypted file is unlocked and a new file is created encrypted; an
    /// existing unencrypted file opens as it is (see [`Store::is_encrypted`]).
    /// A file from a newer Coachbook, or a SQLite file that is not ours, is refused untouched.
    pub fn open_with(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::private::create_dir_all(parent).map_err(|e| {
                Error::Io(std::io::Error::new(
                    e.kind(),
                    format!("cannot create the folder {}: {e}", parent.display()),
                ))
            })?;
        }
        create_private_if_missing(path)?;
        let key = connection::key_for(path, key)?;
        let conn = connection::open_connection(path, key)?;
        Store::from_connection(conn, path, key)
    }

    /// The checks and migrations every open goes through, on a keyed connection; `key` is
    /// the one applied to it (none for a plain file).
    fn from_connection(
        mut conn: Connection,
        path: &Path,
        key: Option<&Passphrase>,
    ) -> Result<Store> {
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > migrations::LATEST {
            return Err(Error::NewerSchema {
                found: version,
                supported: migrations::LATEST,
            });
        }
        if version == 0 {
            let tables: i64 = conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                [],
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(Error::NotCoachbook(format!(
                    "{} holds tables of another program",
                    path.display()
                )));
            }
        } else {
            let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
            if app_id != APPLICATION_ID {
                return Err(Error::NotCoachbook(format!(
                    "{} belongs to another program (application id {app_id:#x})",
                    path.display()
                )));
            }
        }
        // Ours and acceptable: a file (and WAL) an older Coachbook left readable by others
        // becomes the coach's alone before anything new is written to it.
        for suffix in ["", "-wal", "-shm", "-journal"] {
            crate::private::tighten(&crate::private::with_suffix(path, suffix));
        }
        connection::configure(&conn)?;
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            key: key.cloned(),
        })
    }

    /// Opens a file that cannot be written, for reading only: no WAL switch, no migration
    /// (an older file that needs one is refused), `query_only` so any write fails.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_read_only_with(path, None)
    }

    /// `open_read_only` for an encrypted file (its passphrase) or a plain one (`None`).
    pub fn open_read_only_with(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        let key = connection::key_for(path, key)?;
        let conn = connection::open_read_only(path, key)?;
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if version > migrations::LATEST {
            return Err(Error::NewerSchema {
                found: version,
                supported: migrations::LATEST,
            });
        }
        if app_id != APPLICATION_ID || version == 0 {
            return Err(Error::NotCoachbook(format!(
                "{} is not a Coachbook database",
                path.display()
            )));
        }
        if version < migrations::LATEST {
            return Err(Error::ReadOnly(format!(
                "{} needs an update to schema version {}, which cannot be written",
                path.display(),
                migrations::LATEST
            )));
        }
        let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(Error::NotCoachbook(format!(
                "{} is damaged ({verdict}); restore a backup",
                path.display()
            )));
        }
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            key: key.cloned(),
        })
    }

    /// True when the file is encrypted (it was opened with its passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    pub(crate) fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries that live outside the store (export, reports, search).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is written, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// A database file SQLite is about to create is created here first, empty and private:
/// SQLite then opens it as a new database and gives its `-wal`/`-shm` the same mode.
pub(crate) fn create_private_if_missing(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Ok(());
    }
    match crate::private::create_new(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// A keyed read-write connection to an existing file, for checks outside the store
/// (restore's "is it open elsewhere?" probe).
pub(crate) fn open_for_check(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    let key = connection::key_for(path, key)?;
    connection::open_with_flags(path, key, connection::READ_WRITE)
}

/// Where the app and the CLI keep the practice unless told otherwise.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "Coachbook", "Coachbook")
        .map(|dirs| dirs.data_dir().join("coachbook.db"))
}

/// `COACHBOOK_DB` wins over the platform default, for the app and the CLI alike.
pub const DB_ENV: &str = "COACHBOOK_DB";

pub fn db_path_from_env() -> Option<PathBuf> {
    std::env::var_os(DB_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(default_db_path)
}

/// Plain reads over any connection or transaction, for modules outside the store
/// (export, reports) that need a consistent snapshot across many queries.
pub(crate) mod read {
    pub(crate) use super::assignments::of_client as assignments_of;
    pub(crate) use super::clients::all as all_clients;
    pub(crate) use super::coach::get as coach;
    pub(crate) use super::competencies::all as competencies;
    pub(crate) use super::competencies::find as competency;
    pub(crate) use super::competencies::shipped as shipped_competencies;
    pub(crate) use super::goals::check_ins_of;
    pub(crate) use super::goals::of_client as goals_of;
    pub(crate) use super::sessions::of_client as sessions_of;
}

/// Writes of whole records as given (ids and time stamps kept), for import.
pub(crate) mod put {
    pub(crate) use super::assignments::put as assignment;
    pub(crate) use super::clients::put as client;
    pub(crate) use super::coach::put as coach;
    pub(crate) use super::competencies::put as competency;
    pub(crate) use super::goals::put as goal;
    pub(crate) use super::goals::put_check_in as check_in;
    pub(crate) use super::sessions::put as session;
}

/// Rules that need the database, shared by the store's own writes and by import.
pub(crate) mod check {
    pub(crate) use super::goals::check_check_in_refs as check_in_refs;
    pub(crate) use super::goals::check_goals_of_client as goals_of_client;
    pub(crate) use super::goals::check_refs as goal_refs;
}
