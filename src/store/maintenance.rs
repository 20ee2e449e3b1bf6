use super::{Passphrase, Store, connection};
use crate::{Error, Result};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counts {
    pub clients: i64,
    pub goals: i64,
    pub check_ins: i64,
    pub sessions: i64,
    pub assignments: i64,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        self.clients == 0
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: String,
    pub schema_version: u32,
    pub latest_schema_version: u32,
    /// "ok", or SQLite's list of problems.
    pub integrity: Vec<String>,
    pub foreign_key_problems: i64,
    /// The full-text index matches the records (else `check --rebuild-search` repairs it).
    pub search_index_ok: bool,
    pub counts: Counts,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_key_problems == 0 && self.search_index_ok
    }
}

impl Store {
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            clients: count("clients")?,
            goals: count("goals")?,
            check_ins: count("check_ins")?,
            sessions: count("sessions")?,
            assignments: count("assignments")?,
        })
    }

    /// Full integrity check, foreign-key check, search index check and schema version.
    pub fn check(&self) -> Result<CheckReport> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let foreign_key_problems = fk.query_map([], |_| Ok(()))?.count() as i64;
        Ok(CheckReport {
            path: self.path.display().to_string(),
            schema_version: self.schema_version()?,
            latest_schema_version: super::migrations::LATEST,
            integrity,
            foreign_key_problems,
            search_index_ok: crate::search::index_in_step(self)?,
            counts: self.counts()?,
        })
    }

    /// Copies the live database to `dest` with SQLite's online backup API (writers may keep
    /// going), then checks the copy. An existing `dest` is replaced only by a good copy.
    /// The copy of an encrypted database is encrypted with the same passphrase (its own
    /// salt), and the check reopens it with that passphrase.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let dir = crate::private::parent_of(dest);
        crate::private::create_dir_all(dir)?;
        // Private, with a random name: SQLite fills the empty file and gives its journal
        // the same mode.
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned());
        let prefix = format!(".{}.", name.as_deref().unwrap_or("backup"));
        let (tmp, file) = crate::private::create_temp_in(dir, &prefix, ".partial")?;
        drop(file);
        let copied = self.copy_pages_to(&tmp).and_then(|()| {
            let target = connection::open_with_flags(&tmp, self.key(), connection::READ_WRITE)?;
            let verdict: String = target.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if verdict != "ok" {
                return Err(Error::NotCoachbook(format!(
                    "the backup copy failed its integrity check: {verdict}"
                )));
            }
            // The copy keeps WAL mode from the source; fold it into one self-contained file.
            target.pragma_update(None, "journal_mode", "DELETE")?;
            Ok(())
        });
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(crate::private::with_suffix(&tmp, "-journal"));
            return Err(e);
        }
        std::fs::rename(&tmp, dest)?;
        crate::private::sync_dir(dir);
        Ok(())
    }

    fn copy_pages_to(&self, tmp: &Path) -> Result<()> {
        let mut target = connection::open_connection(tmp, self.key())?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
        // All pages in one step, i.e. one read transaction: in WAL mode saves from other
        // connections go on meanwhile, and (unlike many small steps) they cannot make
        // the copy restart from scratch, which steady autosaves could do forever.
        loop {
            match backup.step(-1)? {
                rusqlite::backup::StepResult::Done => break,
                _ => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
        }
        Ok(())
    }

    /// Checks a database file nobody has open: a Coachbook file, not newer than this
    /// version, and whole (`PRAGMA integrity_check`). Used on a copy about to be restored;
    /// it may fold a WAL-mode file into rollback mode, so never point it at a live file.
    /// An encrypted file needs its passphrase (`Error::WrongPassphrase` otherwise).
    pub fn verify_file(path: &Path, key: Option<&Passphrase>) -> Result<()> {
        let damaged = |e: rusqlite::Error| damaged_or(path, Error::Db(e));
        if !path.is_file() {
            return Err(Error::NotCoachbook(format!(
                "{} is not a file",
                path.display()
            )));
        }
        let key = connection::key_for(path, key)?;
        let conn = connection::open_with_flags(path, key, connection::READ_WRITE)
            .map_err(|e| damaged_or(path, e))?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(damaged)?;
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(damaged)?;
        if app_id != super::APPLICATION_ID || version == 0 {
            return Err(Error::NotCoachbook(format!(
                "{} is not a Coachbook database",
                path.display()
            )));
        }
        if version > super::migrations::LATEST {
            return Err(Error::NewerSchema {
                found: version,
                supported: super::migrations::LATEST,
            });
        }
        let verdict = integrity(&conn, "integrity_check").map_err(damaged)?;
        if verdict != ["ok"] {
            return Err(Error::NotCoachbook(format!(
                "{} is damaged: {}",
                path.display(),
                verdict.join("; ")
            )));
        }
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(damaged)?;
        Ok(())
    }

    /// `open`, after a `PRAGMA quick_check` over a read-only connection: at start-up a
    /// damaged file is refused before anything (WAL switch, migrations) writes to it.
    pub fn open_checked(path: &Path) -> Result<Store> {
        Store::open_checked_with(path, None)
    }

    /// `open_with`, after the same read-only `PRAGMA quick_check` as `open_checked`.
    /// Costs a second key derivation on an encrypted file (the check's own connection).
    pub fn open_checked_with(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        if path.exists() {
            let key = connection::key_for(path, key)?;
            let conn = connection::open_with_flags(path, key, connection::READ_ONLY)
                .map_err(|e| damaged_or(path, e))?;
            let verdict =
                integrity(&conn, "quick_check").map_err(|e| damaged_or(path, Error::Db(e)))?;
            if verdict != ["ok"] {
                return Err(Error::NotCoachbook(format!(
                    "{} is damaged ({}); restore a backup",
                    path.display(),
                    verdict.join("; ")
                )));
            }
        }
        Store::open_with(path, key)
    }
}

fn integrity(conn: &rusqlite::Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// A file SQLite finds corrupt (or SQLCipher finds tampered with) is "damaged".
fn damaged_or(path: &Path, e: Error) -> Error {
    match &e {
        Error::Db(db)
            if matches!(
                db.sqlite_error_code(),
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
            ) =>
        {
            Error::NotCoachbook(format!(
                "{} is damaged or not a database: {db}",
                path.display()
            ))
        }
        _ => e,
    }
}
