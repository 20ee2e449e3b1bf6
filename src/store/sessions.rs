use super::Store;
use super::goals::{check_goals_of_client, links, set_links};
use super::rows::{self, RowExt};
use crate::model::{Session, SessionDetails};
use crate::{Error, Result, time};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

const COLUMNS: &str = "id, client_id, starts_at, starts_at_utc, duration_minutes, format, medium, \
    status, agenda, notes, private_notes, takeaways, next_steps, created_at, updated_at";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.uuid(0)?,
        client_id: r.uuid(1)?,
        details: SessionDetails {
            starts_at: r.local_ts(2)?,
            duration_minutes: r.get(4)?,
            format: r.get(5)?,
            medium: r.get(6)?,
            status: r.get(7)?,
            agenda: r.get(8)?,
            notes: r.get(9)?,
            private_notes: r.get(10)?,
            takeaways: r.get(11)?,
            next_steps: r.get(12)?,
            goal_ids: Vec::new(),
        },
        created_at: r.ts(13)?,
        updated_at: r.ts(14)?,
    })
}

pub(crate) fn put(conn: &Connection, s: &Session, replace: bool) -> Result<()> {
    let d = &s.details;
    conn.prepare_cached(&rows::insert_sql("sessions", COLUMNS, replace))?
        .execute(params![
            rows::id(&s.id),
            rows::id(&s.client_id),
            rows::local_ts(&d.starts_at),
            rows::utc_sort_key(&d.starts_at),
            d.duration_minutes,
            d.format,
            d.medium,
            d.status,
            d.agenda,
            d.notes,
            d.private_notes,
            d.takeaways,
            d.next_steps,
            rows::ts(&s.created_at),
            rows::ts(&s.updated_at),
        ])?;
    set_links(conn, "session_goals", "session_id", s.id, &d.goal_ids)
}

fn with_links(conn: &Connection, mut s: Session) -> Result<Session> {
    s.details.goal_ids = links(conn, "session_goals", "session_id", s.id)?;
    Ok(s)
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Session> {
    let s = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM sessions WHERE id = ?1"))?
        .query_row([rows::id(&id)], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("session", id))?;
    with_links(conn, s)
}

/// Oldest first, as the export lists them.
pub(crate) fn of_client(conn: &Connection, client_id: Uuid) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM sessions WHERE client_id = ?1 ORDER BY starts_at_utc, id"
    ))?;
    let sessions: Vec<Session> = stmt
        .query_map([rows::id(&client_id)], from_row)?
        .collect::<Result<_, _>>()?;
    sessions.into_iter().map(|s| with_links(conn, s)).collect()
}

impl Store {
    pub fn create_session(&mut self, client_id: Uuid, details: SessionDetails) -> Result<Session> {
        details.validate()?;
        self.write(|tx| {
            if !super::clients::exists(tx, client_id)? {
                return Err(Error::not_found("client", client_id));
            }
            check_goals_of_client(tx, client_id, &details.goal_ids, "session.goal_ids")?;
            let now = time::now();
            let session = Session {
                id: Uuid::new_v4(),
                client_id,
                details,
                created_at: now,
                updated_at: now,
            };
            put(tx, &session, false)?;
            Ok(session)
        })
    }

    pub fn update_session(&mut self, id: Uuid, details: SessionDetails) -> Result<Session> {
        details.validate()?;
        self.write(|tx| {
            let mut session = get(tx, id)?;
            check_goals_of_client(tx, session.client_id, &details.goal_ids, "session.goal_ids")?;
            session.details = details;
            session.updated_at = time::now();
            put(tx, &session, true)?;
            Ok(session)
        })
    }

    /// Deletes the session and its goal links; check-ins given in it stay, unlinked.
    pub fn delete_session(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM sessions WHERE id = ?1", [rows::id(&id)])?;
            if n == 0 {
                return Err(Error::not_found("session", id));
            }
            Ok(())
        })
    }

    pub fn session(&self, id: Uuid) -> Result<Session> {
        get(&self.conn, id)
    }

    pub fn sessions_of(&self, client_id: Uuid) -> Result<Vec<Session>> {
        of_client(&self.conn, client_id)
    }
}
