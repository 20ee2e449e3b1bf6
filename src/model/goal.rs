use super::text_enum::text_enum;
use super::validate;
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

text_enum!(
    GoalStatus {
        Active => "active",
        Achieved => "achieved",
        Paused => "paused",
        Dropped => "dropped",
    }
);

text_enum!(
    /// Who gave a check-in score.
    Rater {
        SelfRating => "self",
        Coach => "coach",
        Manager => "manager",
        Peer => "peer",
        DirectReport => "direct_report",
    }
);

pub const SCORE_MIN: i32 = 0;
pub const SCORE_MAX: i32 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalDetails {
    #[serde(default)]
    pub competency_id: Option<Uuid>,
    pub title: String,
    #[serde(default)]
    pub success_criteria: String,
    pub baseline: i32,
    pub target: i32,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    pub status: GoalStatus,
}

impl GoalDetails {
    pub fn validate(&self) -> Result<()> {
        validate::required("goal.title", &self.title)?;
        validate::long("goal.success_criteria", &self.success_criteria)?;
        validate::in_range("goal.baseline", self.baseline, SCORE_MIN, SCORE_MAX)?;
        validate::in_range("goal.target", self.target, SCORE_MIN, SCORE_MAX)?;
        validate::date_order(
            "goal.started_on",
            self.started_on,
            "goal.target_date",
            self.target_date,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Goal {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub details: GoalDetails,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckInDetails {
    pub on: NaiveDate,
    pub score: i32,
    pub rater: Rater,
    #[serde(default)]
    pub note: String,
    /// The session the rating was given in, if any; it must be a session of the goal's client.
    #[serde(default)]
    pub session_id: Option<Uuid>,
}

impl CheckInDetails {
    pub fn validate(&self) -> Result<()> {
        validate::in_range("check_in.score", self.score, SCORE_MIN, SCORE_MAX)?;
        validate::long("check_in.note", &self.note)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckIn {
    pub id: Uuid,
    pub goal_id: Uuid,
    #[serde(flatten)]
    pub details: CheckInDetails,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
