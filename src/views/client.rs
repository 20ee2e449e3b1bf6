//! The client screen: profile, goals at a glance, assignments, and a paged session timeline.

use crate::model::{Assignment, Client, Goal, Medium, SessionFormat, SessionStatus};
use crate::store::rows::{self, RowExt};
use crate::{Result, Store};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientOverview {
    pub client: Client,
    pub goals: Vec<GoalSummary>,
    pub assignments: Vec<Assignment>,
    /// The newest sessions; more with `session_page`.
    pub sessions: SessionPage,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalSummary {
    pub goal: Goal,
    pub competency: Option<String>,
    pub latest_score: Option<i32>,
    pub latest_on: Option<NaiveDate>,
    pub check_ins: i32,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SessionSummary {
    pub id: Uuid,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub starts_at: DateTime<FixedOffset>,
    pub duration_minutes: i32,
    pub format: SessionFormat,
    pub medium: Medium,
    pub status: SessionStatus,
    /// The first line of the takeaways, else of the agenda, else of the notes.
    pub headline: String,
    pub has_private_notes: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SessionPage {
    pub total: i32,
    pub offset: i32,
    /// Newest first.
    pub items: Vec<SessionSummary>,
}

pub const PAGE_SIZE: i32 = 50;

impl ClientOverview {
    pub fn load(store: &Store, id: Uuid) -> Result<ClientOverview> {
        let tx = store.conn().unchecked_transaction()?;
        let client = store.client(id)?;
        let goals = tx
            .prepare_cached(
                "SELECT g.id, comp.name, count(ci.id),
                    (SELECT score FROM check_ins WHERE goal_id = g.id ORDER BY on_date DESC, created_at DESC, id DESC LIMIT 1),
                    max(ci.on_date)
                 FROM goals g
                 LEFT JOIN competencies comp ON comp.id = g.competency_id
                 LEFT JOIN check_ins ci ON ci.goal_id = g.id
                 WHERE g.client_id = ?1
                 GROUP BY g.id ORDER BY g.created_at, g.id",
            )?
            .query_map([rows::id(&id)], |r| {
                Ok((r.uuid(0)?, r.get::<_, Option<String>>(1)?, r.get(2)?, r.get(3)?, r.opt_date(4)?))
            })?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|(gid, competency, check_ins, latest_score, latest_on)| {
                Ok(GoalSummary {
                    goal: store.goal(gid)?,
                    competency,
                    latest_score,
                    latest_on,
                    check_ins,
                })
            })
            .collect::<Result<_>>()?;
        let overview = ClientOverview {
            client,
            goals,
            assignments: store.assignments_of(id)?,
            sessions: session_page(store, id, 0, PAGE_SIZE)?,
        };
        tx.finish()?;
        Ok(overview)
    }
}

/// One page of a client's sessions, newest first.
pub fn session_page(
    store: &Store,
    client_id: Uuid,
    offset: i32,
    limit: i32,
) -> Result<SessionPage> {
    let conn = store.conn();
    let total: i32 = conn
        .prepare_cached("SELECT count(*) FROM sessions WHERE client_id = ?1")?
        .query_row([rows::id(&client_id)], |r| r.get(0))?;
    let items = conn
        .prepare_cached(
            "SELECT id, starts_at, duration_minutes, format, medium, status, takeaways, agenda, notes,
                    private_notes != ''
             FROM sessions WHERE client_id = ?1
             ORDER BY starts_at_utc DESC, id DESC LIMIT ?2 OFFSET ?3",
        )?
        .query_map(rusqlite::params![rows::id(&client_id), limit.clamp(1, 500), offset.max(0)], |r| {
            let takeaways: String = r.get(6)?;
            let agenda: String = r.get(7)?;
            let notes: String = r.get(8)?;
            let source = [takeaways, agenda, notes].into_iter().find(|t| !t.trim().is_empty()).unwrap_or_default();
            Ok(SessionSummary {
                id: r.uuid(0)?,
                starts_at: r.local_ts(1)?,
                duration_minutes: r.get(2)?,
                format: r.get(3)?,
                medium: r.get(4)?,
                status: r.get(5)?,
                headline: super::headline(&source, 140),
                has_private_notes: r.get(9)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(SessionPage {
        total,
        offset: offset.max(0),
        items,
    })
}
