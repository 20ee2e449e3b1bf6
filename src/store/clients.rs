use super::Store;
use super::rows::{self, RowExt};
use crate::model::{Client, ClientDetails, EngagementStatus, Stage};
use crate::{Error, Result, time};
use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

const COLUMNS: &str = "id, name, email, phone, organisation, role, stage, promotion_date, \
    sponsor_name, sponsor_email, status, engagement_start, engagement_end, background, tags, \
    archived_at, created_at, updated_at";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Client> {
    let tags: String = r.get(14)?;
    Ok(Client {
        id: r.uuid(0)?,
        details: ClientDetails {
            name: r.get(1)?,
            email: r.get(2)?,
            phone: r.get(3)?,
            organisation: r.get(4)?,
            role: r.get(5)?,
            stage: r.get(6)?,
            promotion_date: r.opt_date(7)?,
            sponsor_name: r.get(8)?,
            sponsor_email: r.get(9)?,
            status: r.get(10)?,
            engagement_start: r.opt_date(11)?,
            engagement_end: r.opt_date(12)?,
            background: r.get(13)?,
            tags: serde_json::from_str(&tags).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(14, rusqlite::types::Type::Text, e.into())
            })?,
        },
        archived_at: r.opt_ts(15)?,
        created_at: r.ts(16)?,
        updated_at: r.ts(17)?,
    })
}

/// Inserts, or with `replace` updates in place, a validated client record as given.
pub(crate) fn put(conn: &Connection, c: &Client, replace: bool) -> Result<()> {
    let d = &c.details;
    conn.prepare_cached(&rows::insert_sql("clients", COLUMNS, replace))?
        .execute(params![
            rows::id(&c.id),
            d.name,
            d.email,
            d.phone,
            d.organisation,
            d.role,
            d.stage,
            rows::opt_date(&d.promotion_date),
            d.sponsor_name,
            d.sponsor_email,
            d.status,
            rows::opt_date(&d.engagement_start),
            rows::opt_date(&d.engagement_end),
            d.background,
            serde_json::to_string(&d.tags)?,
            rows::opt_ts(&c.archived_at),
            rows::ts(&c.created_at),
            rows::ts(&c.updated_at),
        ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Client> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"))?
        .query_row([rows::id(&id)], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("client", id))
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<Client>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM clients ORDER BY name COLLATE NOCASE, id"
    ))?;
    let clients = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(clients)
}

pub(crate) fn exists(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM clients WHERE id = ?1")?
        .exists([rows::id(&id)])?)
}

/// Which clients a list shows.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientFilter {
    #[serde(default)]
    pub status: Option<EngagementStatus>,
    #[serde(default)]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub include_archived: bool,
}

/// One row of the clients list, with what a coach scans for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientSummary {
    pub id: Uuid,
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub stage: Stage,
    pub status: EngagementStatus,
    pub archived: bool,
    pub sessions_held: i64,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_session_at: Option<DateTime<FixedOffset>>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub next_session_at: Option<DateTime<FixedOffset>>,
    pub open_assignments: i64,
}

impl Store {
    pub fn create_client(&mut self, details: ClientDetails) -> Result<Client> {
        details.validate()?;
        let now = time::now();
        let client = Client {
            id: Uuid::new_v4(),
            details,
            archived_at: None,
            created_at: now,
            updated_at: now,
        };
        self.write(|tx| put(tx, &client, false))?;
        Ok(client)
    }

    pub fn update_client(&mut self, id: Uuid, details: ClientDetails) -> Result<Client> {
        details.validate()?;
        self.write(|tx| {
            let mut client = get(tx, id)?;
            client.details = details;
            client.updated_at = time::now();
            put(tx, &client, true)?;
            Ok(client)
        })
    }

    /// Archived clients leave the default list but keep every record.
    pub fn set_client_archived(&mut self, id: Uuid, archived: bool) -> Result<Client> {
        self.write(|tx| {
            let mut client = get(tx, id)?;
            let now = time::now();
            client.archived_at = if archived {
                client.archived_at.or(Some(now))
            } else {
                None
            };
            client.updated_at = now;
            put(tx, &client, true)?;
            Ok(client)
        })
    }

    pub fn client(&self, id: Uuid) -> Result<Client> {
        get(&self.conn, id)
    }

    pub fn list_clients(&self, filter: &ClientFilter) -> Result<Vec<ClientSummary>> {
        let now = rows::utc_sort_key(&Utc::now().fixed_offset());
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, c.organisation, c.role, c.stage, c.status, c.archived_at IS NOT NULL,
                (SELECT count(*) FROM sessions s WHERE s.client_id = c.id AND s.status = 'held'),
                (SELECT s.starts_at FROM sessions s WHERE s.client_id = c.id AND s.status = 'held'
                    ORDER BY s.starts_at_utc DESC LIMIT 1),
                (SELECT s.starts_at FROM sessions s WHERE s.client_id = c.id AND s.status = 'planned'
                    AND s.starts_at_utc >= ?4 ORDER BY s.starts_at_utc LIMIT 1),
                (SELECT count(*) FROM assignments a WHERE a.client_id = c.id
                    AND a.status IN ('proposed', 'accepted', 'active', 'completed'))
             FROM clients c
             WHERE (?1 IS NULL OR c.status = ?1) AND (?2 IS NULL OR c.stage = ?2)
               AND (?3 OR c.archived_at IS NULL)
             ORDER BY c.name COLLATE NOCASE, c.id",
        )?;
        let rows = stmt.query_map(
            params![filter.status, filter.stage, filter.include_archived, now],
            |r| {
                Ok(ClientSummary {
                    id: r.uuid(0)?,
                    name: r.get(1)?,
                    organisation: r.get(2)?,
                    role: r.get(3)?,
                    stage: r.get(4)?,
                    status: r.get(5)?,
                    archived: r.get(6)?,
                    sessions_held: r.get(7)?,
                    last_session_at: r.opt_local_ts(8)?,
                    next_session_at: r.opt_local_ts(9)?,
                    open_assignments: r.get(10)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
