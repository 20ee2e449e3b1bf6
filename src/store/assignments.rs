use super::Store;
use super::goals::{check_goals_of_client, links, set_links};
use super::rows::{self, RowExt};
use crate::model::{Assignment, AssignmentDetails, AssignmentStatus, Debrief};
use crate::{Error, Result, time};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

const COLUMNS: &str = "id, client_id, title, kind, stakes, scenario, support_plan, assigned_on, \
    due_on, status, debrief_held_on, debrief_what_happened, debrief_client_actions, \
    debrief_outcome, debrief_lessons, debrief_composure, debrief_decision_quality, \
    created_at, updated_at";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Assignment> {
    let debrief = match r.opt_date(10)? {
        None => None,
        Some(held_on) => Some(Debrief {
            held_on,
            what_happened: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            client_actions: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
            outcome: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
            lessons: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
            composure: r.get(15)?,
            decision_quality: r.get(16)?,
        }),
    };
    Ok(Assignment {
        id: r.uuid(0)?,
        client_id: r.uuid(1)?,
        details: AssignmentDetails {
            title: r.get(2)?,
            kind: r.get(3)?,
            stakes: r.get(4)?,
            scenario: r.get(5)?,
            support_plan: r.get(6)?,
            goal_ids: Vec::new(),
            assigned_on: r.date(7)?,
            due_on: r.opt_date(8)?,
            status: r.get(9)?,
            debrief,
        },
        created_at: r.ts(17)?,
        updated_at: r.ts(18)?,
    })
}

pub(crate) fn put(conn: &Connection, a: &Assignment, replace: bool) -> Result<()> {
    let d = &a.details;
    let b = d.debrief.as_ref();
    conn.prepare_cached(&rows::insert_sql("assignments", COLUMNS, replace))?
        .execute(params![
            rows::id(&a.id),
            rows::id(&a.client_id),
            d.title,
            d.kind,
            d.stakes,
            d.scenario,
            d.support_plan,
            rows::date(&d.assigned_on),
            rows::opt_date(&d.due_on),
            d.status,
            b.map(|b| rows::date(&b.held_on)),
            b.map(|b| &b.what_happened),
            b.map(|b| &b.client_actions),
            b.map(|b| &b.outcome),
            b.map(|b| &b.lessons),
            b.map(|b| b.composure),
            b.map(|b| b.decision_quality),
            rows::ts(&a.created_at),
            rows::ts(&a.updated_at),
        ])?;
    set_links(conn, "assignment_goals", "assignment_id", a.id, &d.goal_ids)
}

fn with_links(conn: &Connection, mut a: Assignment) -> Result<Assignment> {
    a.details.goal_ids = links(conn, "assignment_goals", "assignment_id", a.id)?;
    Ok(a)
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Assignment> {
    let a = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM assignments WHERE id = ?1"))?
        .query_row([rows::id(&id)], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("assignment", id))?;
    with_links(conn, a)
}

pub(crate) fn of_client(conn: &Connection, client_id: Uuid) -> Result<Vec<Assignment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM assignments WHERE client_id = ?1 ORDER BY assigned_on, created_at, id"
    ))?;
    let list: Vec<Assignment> = stmt
        .query_map([rows::id(&client_id)], from_row)?
        .collect::<Result<_, _>>()?;
    list.into_iter().map(|a| with_links(conn, a)).collect()
}

impl Store {
    pub fn create_assignment(
        &mut self,
        client_id: Uuid,
        details: AssignmentDetails,
    ) -> Result<Assignment> {
        details.validate()?;
        self.write(|tx| {
            if !super::clients::exists(tx, client_id)? {
                return Err(Error::not_found("client", client_id));
            }
            check_goals_of_client(tx, client_id, &details.goal_ids, "assignment.goal_ids")?;
            let now = time::now();
            let assignment = Assignment {
                id: Uuid::new_v4(),
                client_id,
                details,
                created_at: now,
                updated_at: now,
            };
            put(tx, &assignment, false)?;
            Ok(assignment)
        })
    }

    /// Moves an assignment to `status` if the flow allows it ([`AssignmentStatus::next`]);
    /// the same status again changes nothing. Debriefed needs a debrief: use `record_debrief`.
    pub fn set_assignment_status(
        &mut self,
        id: Uuid,
        status: AssignmentStatus,
    ) -> Result<Assignment> {
        self.write(|tx| {
            let mut assignment = get(tx, id)?;
            if assignment.details.status == status {
                return Ok(assignment);
            }
            assignment.details.status.check_change(status)?;
            assignment.details.status = status;
            assignment.details.validate()?;
            assignment.updated_at = time::now();
            put(tx, &assignment, true)?;
            Ok(assignment)
        })
    }

    /// Saves an edit; a status change must be a legal move ([`AssignmentStatus::next`]).
    pub fn update_assignment(
        &mut self,
        id: Uuid,
        details: AssignmentDetails,
    ) -> Result<Assignment> {
        details.validate()?;
        self.write(|tx| {
            let mut assignment = get(tx, id)?;
            assignment.details.status.check_change(details.status)?;
            check_goals_of_client(
                tx,
                assignment.client_id,
                &details.goal_ids,
                "assignment.goal_ids",
            )?;
            assignment.details = details;
            assignment.updated_at = time::now();
            put(tx, &assignment, true)?;
            Ok(assignment)
        })
    }

    pub fn delete_assignment(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM assignments WHERE id = ?1", [rows::id(&id)])?;
            if n == 0 {
                return Err(Error::not_found("assignment", id));
            }
            Ok(())
        })
    }

    pub fn assignment(&self, id: Uuid) -> Result<Assignment> {
        get(&self.conn, id)
    }

    pub fn assignments_of(&self, client_id: Uuid) -> Result<Vec<Assignment>> {
        of_client(&self.conn, client_id)
    }
}
