//! Recording a debrief: the debrief, the move to debriefed and the check-ins on the
//! assignment's goals are one save, so a refused check-in leaves the assignment as it was.

use super::Store;
use super::assignments::{get, put};
use super::goals::{check_check_in_refs, put_check_in};
use super::rows;
use crate::model::{Assignment, AssignmentStatus, CheckIn, CheckInDetails, Debrief};
use crate::{Error, Result, time};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

/// What a debrief save wrote: the assignment as it now is, and the new check-ins in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordedDebrief {
    pub assignment: Assignment,
    pub check_ins: Vec<CheckIn>,
}

/// `check_in.score` of the i-th check-in becomes `check_ins[i].score`, so the form can
/// point at the right row.
fn at_check_in(i: usize, e: Error) -> Error {
    match e {
        Error::Invalid { field, rule } => Error::Invalid {
            field: format!(
                "check_ins[{i}].{}",
                field.strip_prefix("check_in.").unwrap_or(&field)
            ),
            rule,
        },
        other => other,
    }
}

/// The goal must be one the assignment works on (which makes it the same client's).
fn check_linked(conn: &Connection, a: &Assignment, goal_id: Uuid) -> Result<()> {
    if a.details.goal_ids.contains(&goal_id) {
        return Ok(());
    }
    let owner: Option<String> = conn
        .prepare_cached("SELECT client_id FROM goals WHERE id = ?1")?
        .query_row([rows::id(&goal_id)], |r| r.get(0))
        .optional()?;
    let rule = match owner {
        None => format!("no goal {goal_id}"),
        Some(o) if o != rows::id(&a.client_id) => {
            format!("goal {goal_id} belongs to another client")
        }
        Some(_) => format!(
            "goal {goal_id} is not linked to this assignment; link it first to rate it here"
        ),
    };
    Err(Error::invalid("check_in.goal_id", rule))
}

impl Store {
    /// Saves the debrief of an active or completed assignment, moves it to debriefed (an
    /// active one passes through completed: a debrief says the exposure is over) and adds
    /// the check-ins, each on a goal linked to the assignment. All of it, or nothing.
    /// A debriefed assignment is not debriefed twice: edit its debrief with
    /// `update_assignment` instead.
    pub fn record_debrief(
        &mut self,
        assignment_id: Uuid,
        debrief: Debrief,
        check_ins: Vec<(Uuid, CheckInDetails)>,
    ) -> Result<RecordedDebrief> {
        debrief.validate()?;
        for (i, (_, d)) in check_ins.iter().enumerate() {
            d.validate().map_err(|e| at_check_in(i, e))?;
        }
        self.write(|tx| {
            let mut assignment = get(tx, assignment_id)?;
            match assignment.details.status {
                AssignmentStatus::Active => {}
                AssignmentStatus::Debriefed => {
                    return Err(Error::invalid(
                        "assignment.status",
                        "is already debriefed: edit the debrief instead of recording another",
                    ));
                }
                other => other.check_change(AssignmentStatus::Debriefed)?,
            }
            let now = time::now();
            assignment.details.debrief = Some(debrief);
            assignment.details.status = AssignmentStatus::Debriefed;
            assignment.details.validate()?;
            assignment.updated_at = now;
            put(tx, &assignment, true)?;

            let mut saved = Vec::with_capacity(check_ins.len());
            for (i, (goal_id, details)) in check_ins.into_iter().enumerate() {
                check_linked(tx, &assignment, goal_id).map_err(|e| at_check_in(i, e))?;
                check_check_in_refs(tx, assignment.client_id, &details)
                    .map_err(|e| at_check_in(i, e))?;
                let check_in = CheckIn {
                    id: Uuid::new_v4(),
                    goal_id,
                    details,
                    created_at: now,
                    updated_at: now,
                };
                put_check_in(tx, &check_in, false)?;
                saved.push(check_in);
            }
            Ok(RecordedDebrief {
                assignment,
                check_ins: saved,
            })
        })
    }
}
