use super::text_enum::text_enum;
use super::validate;
use crate::Result;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

text_enum!(
    SessionFormat {
        OneToOne => "one_to_one",
        Team => "team",
        RolePlay => "role_play",
        Observation => "observation",
        Debrief => "debrief",
    }
);

text_enum!(
    Medium {
        InPerson => "in_person",
        Video => "video",
        Phone => "phone",
    }
);

text_enum!(
    SessionStatus {
        Planned => "planned",
        Held => "held",
        Cancelled => "cancelled",
        NoShow => "no_show",
    }
);

pub const DURATION_MAX_MINUTES: i32 = 720;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SessionDetails {
    /// Local start time with the UTC offset it was held in (RFC 3339).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub starts_at: DateTime<FixedOffset>,
    pub duration_minutes: i32,
    pub format: SessionFormat,
    pub medium: Medium,
    pub status: SessionStatus,
    #[serde(default)]
    pub agenda: String,
    /// Markdown, shareable with the client.
    #[serde(default)]
    pub notes: String,
    /// Markdown, the coach's alone: only in a coach report or a full export.
    #[serde(default)]
    pub private_notes: String,
    #[serde(default)]
    pub takeaways: String,
    #[serde(default)]
    pub next_steps: String,
    /// Goals worked on; each must be a goal of the same client.
    #[serde(default)]
    pub goal_ids: Vec<Uuid>,
}

impl SessionDetails {
    pub fn validate(&self) -> Result<()> {
        validate::in_range(
            "session.duration_minutes",
            self.duration_minutes,
            1,
            DURATION_MAX_MINUTES,
        )?;
        validate::long("session.agenda", &self.agenda)?;
        validate::long("session.notes", &self.notes)?;
        validate::long("session.private_notes", &self.private_notes)?;
        validate::long("session.takeaways", &self.takeaways)?;
        validate::long("session.next_steps", &self.next_steps)?;
        validate::no_duplicates("session.goal_ids", &self.goal_ids)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Session {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub details: SessionDetails,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
