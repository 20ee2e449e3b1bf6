//! The Today screen: what is next, what is due, and which goals nobody has rated lately.

use crate::model::{AssignmentStatus, ExposureKind, Medium, SessionFormat};
use crate::store::rows::{self, RowExt};
use crate::{Result, Store};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

/// A goal counts as stale after this many days without a check-in.
pub const STALE_AFTER_DAYS: i64 = 30;
/// Assignments due within this many days are shown.
pub const DUE_WITHIN_DAYS: i64 = 14;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Today {
    pub upcoming_sessions: Vec<UpcomingSession>,
    pub assignments: Vec<AssignmentDue>,
    pub stale_goals: Vec<StaleGoal>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UpcomingSession {
    pub session_id: Uuid,
    pub client_id: Uuid,
    pub client_name: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub starts_at: DateTime<FixedOffset>,
    pub duration_minutes: i32,
    pub format: SessionFormat,
    pub medium: Medium,
    pub agenda: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AssignmentDue {
    pub assignment_id: Uuid,
    pub client_id: Uuid,
    pub client_name: String,
    pub title: String,
    pub kind: ExposureKind,
    pub stakes: i32,
    pub status: AssignmentStatus,
    pub due_on: Option<NaiveDate>,
    /// Completed and waiting for the coach to hold the debrief.
    pub awaiting_debrief: bool,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaleGoal {
    pub goal_id: Uuid,
    pub client_id: Uuid,
    pub client_name: String,
    pub title: String,
    pub last_check_in: Option<NaiveDate>,
}

impl Today {
    /// `now` decides what is upcoming; `today` (the coach's local date) what is due.
    pub fn load(store: &Store, now: DateTime<Utc>, today: NaiveDate) -> Result<Today> {
        let conn = store.conn();
        // A session that started up to an hour ago is still "now".
        let from = rows::utc_sort_key(&(now - Duration::hours(1)).fixed_offset());
        let upcoming_sessions = conn
            .prepare_cached(
                "SELECT s.id, s.client_id, c.name, s.starts_at, s.duration_minutes, s.format, s.medium, s.agenda
                 FROM sessions s JOIN clients c ON c.id = s.client_id
                 WHERE s.status = 'planned' AND s.starts_at_utc >= ?1 AND c.archived_at IS NULL
                 ORDER BY s.starts_at_utc LIMIT 20",
            )?
            .query_map([from], |r| {
                Ok(UpcomingSession {
                    session_id: r.uuid(0)?,
                    client_id: r.uuid(1)?,
                    client_name: r.get(2)?,
                    starts_at: r.local_ts(3)?,
                    duration_minutes: r.get(4)?,
                    format: r.get(5)?,
                    medium: r.get(6)?,
                    agenda: r.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;

        let due_by = rows::date(&(today + Duration::days(DUE_WITHIN_DAYS)));
        let today_text = rows::date(&today);
        let assignments = conn
            .prepare_cached(
                "SELECT a.id, a.client_id, c.name, a.title, a.kind, a.stakes, a.status, a.due_on,
                        a.status = 'completed', a.status IN ('accepted', 'active') AND a.due_on < ?2
                 FROM assignments a JOIN clients c ON c.id = a.client_id
                 WHERE c.archived_at IS NULL
                   AND (a.status = 'completed'
                        OR (a.status IN ('accepted', 'active') AND a.due_on IS NOT NULL AND a.due_on <= ?1))
                 ORDER BY a.status = 'completed' DESC, a.due_on, a.id LIMIT 100",
            )?
            .query_map([&due_by, &today_text], |r| {
                Ok(AssignmentDue {
                    assignment_id: r.uuid(0)?,
                    client_id: r.uuid(1)?,
                    client_name: r.get(2)?,
                    title: r.get(3)?,
                    kind: r.get(4)?,
                    stakes: r.get(5)?,
                    status: r.get(6)?,
                    due_on: r.opt_date(7)?,
                    awaiting_debrief: r.get(8)?,
                    overdue: r.get(9)?,
                })
            })?
            .collect::<Result<_, _>>()?;

        let stale_before = rows::date(&(today - Duration::days(STALE_AFTER_DAYS)));
        let stale_goals = conn
            .prepare_cached(
                "SELECT g.id, g.client_id, c.name, g.title,
                        (SELECT max(on_date) FROM check_ins WHERE goal_id = g.id) AS last
                 FROM goals g JOIN clients c ON c.id = g.client_id
                 WHERE g.status = 'active' AND c.status = 'active' AND c.archived_at IS NULL
                   AND coalesce(g.started_on, '0000-00-00') < ?1
                   AND (last IS NULL OR last < ?1)
                 ORDER BY last IS NOT NULL, last, c.name, g.id LIMIT 100",
            )?
            .query_map([&stale_before], |r| {
                Ok(StaleGoal {
                    goal_id: r.uuid(0)?,
                    client_id: r.uuid(1)?,
                    client_name: r.get(2)?,
                    title: r.get(3)?,
                    last_check_in: r.opt_date(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;

        Ok(Today {
            upcoming_sessions,
            assignments,
            stale_goals,
        })
    }
}
