//! Note revisions: a session's notes as they were, one revision per minute of typing.

use super::Store;
use super::rows::{self, RowExt};
use crate::{Error, Result, time};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

/// Saves closer together than this, while typing, extend the same revision.
pub const COALESCE_WINDOW: Duration = Duration::seconds(60);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoteRevision {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub session_id: Uuid,
    pub started_at: DateTime<Utc>,
    pub saved_at: DateTime<Utc>,
    pub notes: String,
    pub private_notes: String,
    /// Set when this revision was made by restoring that one.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub restored_from: Option<i64>,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<NoteRevision> {
    Ok(NoteRevision {
        id: r.get(0)?,
        session_id: r.uuid(1)?,
        started_at: r.ts(2)?,
        saved_at: r.ts(3)?,
        notes: r.get(4)?,
        private_notes: r.get(5)?,
        restored_from: r.get(6)?,
    })
}

const COLUMNS: &str = "id, session_id, started_at, saved_at, notes, private_notes, restored_from";

/// Records the notes as just saved: extends the latest revision if it is a typing revision
/// started less than a minute ago, otherwise starts a new one.
pub(crate) fn record(
    conn: &Connection,
    session_id: Uuid,
    notes: &str,
    private_notes: &str,
    now: DateTime<Utc>,
    restored_from: Option<i64>,
) -> Result<()> {
    let latest: Option<(i64, String, Option<i64>)> = conn
        .prepare_cached(
            "SELECT id, started_at, restored_from FROM note_revisions
             WHERE session_id = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([rows::id(&session_id)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let extend = match (&latest, restored_from) {
        (Some((id, started, None)), None) => DateTime::parse_from_rfc3339(started)
            .map(|s| now - s.with_timezone(&Utc) < COALESCE_WINDOW)
            .unwrap_or(false)
            .then_some(*id),
        _ => None,
    };
    match extend {
        Some(id) => {
            conn.prepare_cached(
                "UPDATE note_revisions SET saved_at = ?2, notes = ?3, private_notes = ?4 WHERE id = ?1",
            )?
            .execute(params![id, rows::ts(&now), notes, private_notes])?;
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO note_revisions (session_id, started_at, saved_at, notes, private_notes, restored_from)
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![rows::id(&session_id), rows::ts(&now), notes, private_notes, restored_from])?;
        }
    }
    Ok(())
}

impl Store {
    /// Newest first.
    pub fn note_revisions(&self, session_id: Uuid) -> Result<Vec<NoteRevision>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM note_revisions WHERE session_id = ?1 ORDER BY id DESC"
        ))?;
        let list = stmt
            .query_map([rows::id(&session_id)], from_row)?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    /// Puts a revision's notes back. The restore is itself a new revision, so it can be undone.
    pub fn restore_note_revision(
        &mut self,
        session_id: Uuid,
        revision_id: i64,
    ) -> Result<crate::model::Session> {
        self.write(|tx| {
            let rev = tx
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM note_revisions WHERE id = ?1"
                ))?
                .query_row([revision_id], from_row)
                .optional()?
                .filter(|r| r.session_id == session_id)
                .ok_or_else(|| Error::not_found("note revision", revision_id))?;
            let mut session = super::sessions::get(tx, session_id)?;
            session.details.notes = rev.notes;
            session.details.private_notes = rev.private_notes;
            session.updated_at = time::now();
            super::sessions::put(tx, &session, true)?;
            record(
                tx,
                session_id,
                &session.details.notes,
                &session.details.private_notes,
                session.updated_at,
                Some(revision_id),
            )?;
            Ok(session)
        })
    }
}
