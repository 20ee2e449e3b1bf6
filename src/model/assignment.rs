use super::text_enum::text_enum;
use super::validate;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

text_enum!(
    /// From a safe rehearsal up to a real crisis.
    ExposureKind {
        RolePlay => "role_play",
        Shadowing => "shadowing",
        StretchAssignment => "stretch_assignment",
        RealCrisis => "real_crisis",
    }
);

text_enum!(
    /// Where an assignment stands; see [`AssignmentStatus::next`] for the moves allowed.
    AssignmentStatus {
        Proposed => "proposed",
        Accepted => "accepted",
        Active => "active",
        Completed => "completed",
        Debriefed => "debriefed",
        Withdrawn => "withdrawn",
    }
);

impl AssignmentStatus {
    /// The statuses an assignment may move to from this one, the usual next step first.
    ///
    /// The flow is proposed → accepted → active → completed → debriefed, and withdrawn from any
    /// status before debriefed. No step may be skipped. One step back is allowed between
    /// accepted, active and completed, so a coach can undo a status set too early (the client
    /// had not actually started, the crisis is not over yet) without withdrawing an exposure
    /// that is still going to happen. Debriefed and withdrawn are final: a debrief is corrected
    /// by editing it, and a withdrawn exposure that comes back is a new assignment, so the
    /// exposure ladder keeps the withdrawal. Creating an assignment may start at any status
    /// (recording an exposure that already happened); the rules apply to changes, and import
    /// takes any stored status as history.
    pub fn next(self) -> &'static [AssignmentStatus] {
        use AssignmentStatus::*;
        match self {
            Proposed => &[Accepted, Withdrawn],
            Accepted => &[Active, Proposed, Withdrawn],
            Active => &[Completed, Accepted, Withdrawn],
            Completed => &[Debriefed, Active, Withdrawn],
            Debriefed | Withdrawn => &[],
        }
    }

    /// True when `to` is a legal move from here (staying put is not a move).
    pub fn can_move_to(self, to: AssignmentStatus) -> bool {
        self.next().contains(&to)
    }

    /// Nothing follows a final status.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Ok when `to` is this status or a legal move; else an error on `assignment.status`
    /// naming both ends and what may follow.
    pub fn check_change(self, to: AssignmentStatus) -> Result<()> {
        if self == to || self.can_move_to(to) {
            return Ok(());
        }
        let allowed = if self.is_final() {
            format!("{self} is final, nothing may follow it")
        } else {
            let names: Vec<&str> = self.next().iter().map(|s| s.as_str()).collect();
            format!("from {self} it may go to: {}", names.join(", "))
        };
        Err(Error::invalid(
            "assignment.status",
            format!("cannot go from {self} to {to}; {allowed}"),
        ))
    }

    /// The whole table, for a UI that offers only the legal next statuses.
    pub fn flow() -> BTreeMap<AssignmentStatus, Vec<AssignmentStatus>> {
        Self::ALL.iter().map(|s| (*s, s.next().to_vec())).collect()
    }
}

pub const STAKES_MIN: i32 = 1;
pub const STAKES_MAX: i32 = 5;
/// From these stakes up the coach must write down the safety net.
pub const SUPPORT_PLAN_REQUIRED_FROM: i32 = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Debrief {
    pub held_on: NaiveDate,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub client_actions: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub lessons: String,
    /// The client's composure as rated by the client, 1–5.
    pub composure: i32,
    /// The coach's rating of the client's decision quality, 1–5.
    pub decision_quality: i32,
}

impl Debrief {
    pub fn validate(&self) -> Result<()> {
        validate::long("debrief.what_happened", &self.what_happened)?;
        validate::long("debrief.client_actions", &self.client_actions)?;
        validate::long("debrief.outcome", &self.outcome)?;
        validate::long("debrief.lessons", &self.lessons)?;
        validate::in_range("debrief.composure", self.composure, 1, 5)?;
        validate::in_range("debrief.decision_quality", self.decision_quality, 1, 5)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AssignmentDetails {
    pub title: String,
    pub kind: ExposureKind,
    /// 1 = safe rehearsal … 5 = could cause major damage.
    pub stakes: i32,
    #[serde(default)]
    pub scenario: String,
    /// The coach's safety net; required from stakes 4 up.
    #[serde(default)]
    pub support_plan: String,
    #[serde(default)]
    pub goal_ids: Vec<Uuid>,
    pub assigned_on: NaiveDate,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    pub status: AssignmentStatus,
    #[serde(default)]
    pub debrief: Option<Debrief>,
}

impl AssignmentDetails {
    pub fn validate(&self) -> Result<()> {
        validate::required("assignment.title", &self.title)?;
        validate::in_range("assignment.stakes", self.stakes, STAKES_MIN, STAKES_MAX)?;
        validate::long("assignment.scenario", &self.scenario)?;
        validate::long("assignment.support_plan", &self.support_plan)?;
        if self.stakes >= SUPPORT_PLAN_REQUIRED_FROM && self.support_plan.trim().is_empty() {
            return Err(Error::invalid(
                "assignment.support_plan",
                format!(
                    "is required when stakes are {SUPPORT_PLAN_REQUIRED_FROM} or higher: \
                     say how you will support the client"
                ),
            ));
        }
        validate::no_duplicates("assignment.goal_ids", &self.goal_ids)?;
        validate::date_order(
            "assignment.assigned_on",
            Some(self.assigned_on),
            "assignment.due_on",
            self.due_on,
        )?;
        match (&self.debrief, self.status) {
            (None, AssignmentStatus::Debriefed) => Err(Error::invalid(
                "assignment.debrief",
                "is required when the status is debriefed",
            )),
            (Some(d), _) => {
                d.validate()?;
                validate::date_order(
                    "assignment.assigned_on",
                    Some(self.assigned_on),
                    "debrief.held_on",
                    Some(d.held_on),
                )
            }
            (None, _) => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Assignment {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub details: AssignmentDetails,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
