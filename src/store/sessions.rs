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
            let d = &session.details;
            if !d.notes.is_empty() || !d.private_notes.is_empty() {
                super::revisions::record(tx, session.id, &d.notes, &d.private_notes, now, None)?;
            }
            Ok(session)
        })
    }

    /// Saves the whole session (the editor's autosave calls this on every pause in typing).
    /// A change to the notes is recorded as a note revision in the same transaction.
    pub fn update_session(&mut self, id: Uuid, details: SessionDetails) -> Result<Session> {
        self.update_session_at(id, details, time::now())
    }

    /// `update_session` with the clock given, so revision coalescing can be tested.
    pub fn update_session_at(
        &mut self,
        id: Uuid,
        details: SessionDetails,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Session> {
        details.validate()?;
        self.write(|tx| {
            let mut session = get(tx, id)?;
            check_goals_of_client(tx, session.client_id, &details.goal_ids, "session.goal_ids")?;
            let notes_changed = session.details.notes != details.notes
                || session.details.private_notes != details.private_notes;
            if session.details == details {
                return Ok(session);
            }
            session.details = details;
            session.updated_at = now;
            put(tx, &session, true)?;
            if notes_changed {
                let d = &session.details;
                super::revisions::record(
                    tx,
                    id,
                    &d.notes,
                    &d.private_notes,
                    session.updated_at,
                    None,
                )?;
            }
            Ok(session)
        })
    }

    /// A new session for `client_id` starting now (local time, rounded down to 5 minutes):
    /// what Ctrl+N gives a coach who is about to start taking notes.
    pub fn start_session(
        &mut self,
        client_id: Uuid,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<Session> {
        use chrono::Timelike;
        let minute = now.minute() - now.minute() % 5;
        let starts_at = now
            .with_minute(minute)
            .and_then(|t| t.with_second(0))
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(now);
        let goal_ids = super::goals::of_client(&self.conn, client_id)?
            .into_iter()
            .filter(|g| g.details.status == crate::model::GoalStatus::Active)
            .map(|g| g.id)
            .collect();
        self.create_session(
            client_id,
            SessionDetails {
                starts_at,
                duration_minutes: 60,
                format: crate::model::SessionFormat::OneToOne,
                medium: crate::model::Medium::Video,
                status: crate::model::SessionStatus::Held,
                agenda: String::new(),
                notes: String::new(),
                private_notes: String::new(),
                takeaways: String::new(),
                next_steps: String::new(),
                goal_ids,
            },
        )
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
