//! Who is already in the practice: clients by name (and email), and their sessions'
//! start times and notes, so an import adds to them instead of doubling them.

use super::text::name_key;
use crate::Result;
use crate::store::rows::RowExt;
use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub struct Existing {
    /// name key → (id, lower-case email) of every client with that name, archived too.
    by_name: HashMap<String, Vec<(Uuid, String)>>,
    /// (client, UTC start in seconds, notes) of every session.
    sessions: HashSet<(Uuid, i64, String)>,
}

/// What an imported client turns out to be.
pub enum Match {
    New,
    Existing(Uuid),
    /// Several clients have the name and nothing tells which: the message says so.
    Unclear(String),
}

impl Existing {
    pub fn load(conn: &Connection) -> Result<Existing> {
        let mut by_name: HashMap<String, Vec<(Uuid, String)>> = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, name, email FROM clients")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.uuid(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        for row in rows {
            let (id, name, email) = row?;
            by_name
                .entry(name_key(&name))
                .or_default()
                .push((id, email.trim().to_lowercase()));
        }
        let mut sessions = HashSet::new();
        // Notes and private notes both count: an import may have put the text in either.
        let mut stmt =
            conn.prepare("SELECT client_id, starts_at, notes, private_notes FROM sessions")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.uuid(0)?, r.local_ts(1)?, r.get(2)?, r.get(3)?))
        })?;
        for row in rows {
            let (client, start, notes, private): (Uuid, DateTime<FixedOffset>, String, String) =
                row?;
            if !private.is_empty() {
                sessions.insert((client, start.timestamp(), private));
            }
            sessions.insert((client, start.timestamp(), notes));
        }
        Ok(Existing { by_name, sessions })
    }

    /// By name and email; by name alone when the import has no email for the client (or the
    /// practice has none) and only one client bears the name.
    pub fn client(&self, name: &str, email: &str) -> Match {
        let Some(same_name) = self.by_name.get(&name_key(name)) else {
            return Match::New;
        };
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            if let Some((id, _)) = same_name.iter().find(|(_, e)| *e == email) {
                return Match::Existing(*id);
            }
            let without: Vec<_> = same_name.iter().filter(|(_, e)| e.is_empty()).collect();
            return match without.as_slice() {
                [(id, _)] => Match::Existing(*id),
                // Same name, another email: a different person.
                _ => Match::New,
            };
        }
        match same_name.as_slice() {
            [(id, _)] => Match::Existing(*id),
            _ => Match::Unclear(format!(
                "the practice has {} clients named {name:?}: add their email to tell which",
                same_name.len()
            )),
        }
    }

    /// True (and remembered) when this session is already there or already planned.
    /// `client` is the existing client's id, or a stand-in id for a planned new one.
    pub fn seen_session(
        &mut self,
        client: Uuid,
        start: &DateTime<FixedOffset>,
        notes: &str,
    ) -> bool {
        !self
            .sessions
            .insert((client, start.timestamp(), notes.to_string()))
    }
}
