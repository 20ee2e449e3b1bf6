use super::Store;
use super::rows::{self, RowExt};
use crate::model::{CheckIn, CheckInDetails, Goal, GoalDetails};
use crate::{Error, Result, time};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

const GOAL_COLUMNS: &str = "id, client_id, competency_id, title, success_criteria, baseline, \
    target, started_on, target_date, status, created_at, updated_at";
const CHECK_IN_COLUMNS: &str =
    "id, goal_id, on_date, score, rater, note, session_id, created_at, updated_at";

fn goal_from_row(r: &rusqlite::Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: r.uuid(0)?,
        client_id: r.uuid(1)?,
        details: GoalDetails {
            competency_id: r.opt_uuid(2)?,
            title: r.get(3)?,
            success_criteria: r.get(4)?,
            baseline: r.get(5)?,
            target: r.get(6)?,
            started_on: r.opt_date(7)?,
            target_date: r.opt_date(8)?,
            status: r.get(9)?,
        },
        created_at: r.ts(10)?,
        updated_at: r.ts(11)?,
    })
}

fn check_in_from_row(r: &rusqlite::Row) -> rusqlite::Result<CheckIn> {
    Ok(CheckIn {
        id: r.uuid(0)?,
        goal_id: r.uuid(1)?,
        details: CheckInDetails {
            on: r.date(2)?,
            score: r.get(3)?,
            rater: r.get(4)?,
            note: r.get(5)?,
            session_id: r.opt_uuid(6)?,
        },
        created_at: r.ts(7)?,
        updated_at: r.ts(8)?,
    })
}

/// Rules that need the database: the competency exists.
pub(crate) fn check_refs(conn: &Connection, d: &GoalDetails) -> Result<()> {
    if let Some(cid) = d.competency_id
        && !super::competencies::exists(conn, cid)?
    {
        return Err(Error::invalid(
            "goal.competency_id",
            format!("no competency {cid} in the framework"),
        ));
    }
    Ok(())
}

/// New choices come from the current framework only.
fn check_not_retired(conn: &Connection, competency_id: Option<Uuid>) -> Result<()> {
    if let Some(cid) = competency_id
        && super::competencies::get(conn, cid)?.retired
    {
        return Err(Error::invalid(
            "goal.competency_id",
            "this competency is retired; choose a current one",
        ));
    }
    Ok(())
}

pub(crate) fn put(conn: &Connection, g: &Goal, replace: bool) -> Result<()> {
    let d = &g.details;
    conn.prepare_cached(&rows::insert_sql("goals", GOAL_COLUMNS, replace))?
        .execute(params![
            rows::id(&g.id),
            rows::id(&g.client_id),
            rows::opt_id(&d.competency_id),
            d.title,
            d.success_criteria,
            d.baseline,
            d.target,
            rows::opt_date(&d.started_on),
            rows::opt_date(&d.target_date),
            d.status,
            rows::ts(&g.created_at),
            rows::ts(&g.updated_at),
        ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Goal> {
    conn.prepare_cached(&format!("SELECT {GOAL_COLUMNS} FROM goals WHERE id = ?1"))?
        .query_row([rows::id(&id)], goal_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("goal", id))
}

pub(crate) fn of_client(conn: &Connection, client_id: Uuid) -> Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GOAL_COLUMNS} FROM goals WHERE client_id = ?1 ORDER BY created_at, id"
    ))?;
    let goals = stmt
        .query_map([rows::id(&client_id)], goal_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(goals)
}

pub(crate) fn put_check_in(conn: &Connection, c: &CheckIn, replace: bool) -> Result<()> {
    let d = &c.details;
    conn.prepare_cached(&rows::insert_sql("check_ins", CHECK_IN_COLUMNS, replace))?
        .execute(params![
            rows::id(&c.id),
            rows::id(&c.goal_id),
            rows::date(&d.on),
            d.score,
            d.rater,
            d.note,
            rows::opt_id(&d.session_id),
            rows::ts(&c.created_at),
            rows::ts(&c.updated_at),
        ])?;
    Ok(())
}

pub(crate) fn check_ins_of(conn: &Connection, goal_id: Uuid) -> Result<Vec<CheckIn>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHECK_IN_COLUMNS} FROM check_ins WHERE goal_id = ?1 ORDER BY on_date, created_at, id"
    ))?;
    let list = stmt
        .query_map([rows::id(&goal_id)], check_in_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

/// A check-in given in a session must be in a session of the goal's client.
pub(crate) fn check_check_in_refs(
    conn: &Connection,
    client_id: Uuid,
    d: &CheckInDetails,
) -> Result<()> {
    if let Some(sid) = d.session_id {
        let owner: Option<String> = conn
            .prepare_cached("SELECT client_id FROM sessions WHERE id = ?1")?
            .query_row([rows::id(&sid)], |r| r.get(0))
            .optional()?;
        if owner.as_deref() != Some(rows::id(&client_id).as_str()) {
            return Err(Error::invalid(
                "check_in.session_id",
                format!("session {sid} is not a session of this goal's client"),
            ));
        }
    }
    Ok(())
}

/// Every goal must belong to `client_id` (a session or assignment links only its client's goals).
pub(crate) fn check_goals_of_client(
    conn: &Connection,
    client_id: Uuid,
    goal_ids: &[Uuid],
    field: &str,
) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT client_id FROM goals WHERE id = ?1")?;
    for gid in goal_ids {
        let owner: Option<String> = stmt.query_row([rows::id(gid)], |r| r.get(0)).optional()?;
        match owner {
            None => return Err(Error::invalid(field, format!("no goal {gid}"))),
            Some(o) if o != rows::id(&client_id) => {
                return Err(Error::invalid(
                    field,
                    format!("goal {gid} belongs to another client"),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Replaces the goal links of a session or assignment, keeping their order.
pub(crate) fn set_links(
    conn: &Connection,
    table: &str,
    owner_column: &str,
    owner: Uuid,
    goal_ids: &[Uuid],
) -> Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE {owner_column} = ?1"))?
        .execute([rows::id(&owner)])?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {table} ({owner_column}, goal_id, position) VALUES (?1, ?2, ?3)"
    ))?;
    for (pos, gid) in goal_ids.iter().enumerate() {
        insert.execute(params![rows::id(&owner), rows::id(gid), pos as i64])?;
    }
    Ok(())
}

pub(crate) fn links(
    conn: &Connection,
    table: &str,
    owner_column: &str,
    owner: Uuid,
) -> Result<Vec<Uuid>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT goal_id FROM {table} WHERE {owner_column} = ?1 ORDER BY position"
    ))?;
    let ids = stmt
        .query_map([rows::id(&owner)], |r| r.uuid(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

impl Store {
    pub fn create_goal(&mut self, client_id: Uuid, details: GoalDetails) -> Result<Goal> {
        details.validate()?;
        self.write(|tx| {
            if !super::clients::exists(tx, client_id)? {
                return Err(Error::not_found("client", client_id));
            }
            check_refs(tx, &details)?;
            check_not_retired(tx, details.competency_id)?;
            let now = time::now();
            let goal = Goal {
                id: Uuid::new_v4(),
                client_id,
                details,
                created_at: now,
                updated_at: now,
            };
            put(tx, &goal, false)?;
            Ok(goal)
        })
    }

    pub fn update_goal(&mut self, id: Uuid, details: GoalDetails) -> Result<Goal> {
        details.validate()?;
        self.write(|tx| {
            check_refs(tx, &details)?;
            let mut goal = get(tx, id)?;
            // A goal keeps a competency retired since, but cannot switch to a retired one.
            if details.competency_id != goal.details.competency_id {
                check_not_retired(tx, details.competency_id)?;
            }
            goal.details = details;
            goal.updated_at = time::now();
            put(tx, &goal, true)?;
            Ok(goal)
        })
    }

    /// Deletes the goal with its check-ins and its links to sessions and assignments.
    pub fn delete_goal(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM goals WHERE id = ?1", [rows::id(&id)])?;
            if n == 0 {
                return Err(Error::not_found("goal", id));
            }
            Ok(())
        })
    }

    pub fn goal(&self, id: Uuid) -> Result<Goal> {
        get(&self.conn, id)
    }

    pub fn goals_of(&self, client_id: Uuid) -> Result<Vec<Goal>> {
        of_client(&self.conn, client_id)
    }

    pub fn add_check_in(&mut self, goal_id: Uuid, details: CheckInDetails) -> Result<CheckIn> {
        details.validate()?;
        self.write(|tx| {
            let goal = get(tx, goal_id)?;
            check_check_in_refs(tx, goal.client_id, &details)?;
            let now = time::now();
            let check_in = CheckIn {
                id: Uuid::new_v4(),
                goal_id,
                details,
                created_at: now,
                updated_at: now,
            };
            put_check_in(tx, &check_in, false)?;
            Ok(check_in)
        })
    }

    pub fn delete_check_in(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM check_ins WHERE id = ?1", [rows::id(&id)])?;
            if n == 0 {
                return Err(Error::not_found("check-in", id));
            }
            Ok(())
        })
    }

    pub fn check_ins_of(&self, goal_id: Uuid) -> Result<Vec<CheckIn>> {
        check_ins_of(&self.conn, goal_id)
    }
}
