use super::text_enum::text_enum;
use super::validate;
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

text_enum!(
    /// Where the leader is on the path from individual contributor to executive.
    Stage {
        Aspiring => "aspiring",
        FirstTimeManager => "first_time_manager",
        ManagerOfManagers => "manager_of_managers",
        Executive => "executive",
    }
);

text_enum!(
    EngagementStatus {
        Prospect => "prospect",
        Active => "active",
        Paused => "paused",
        Completed => "completed",
    }
);

/// What the coach edits about a client. Text fields are empty strings when unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientDetails {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub role: String,
    pub stage: Stage,
    #[serde(default)]
    pub promotion_date: Option<NaiveDate>,
    #[serde(default)]
    pub sponsor_name: String,
    #[serde(default)]
    pub sponsor_email: String,
    pub status: EngagementStatus,
    #[serde(default)]
    pub engagement_start: Option<NaiveDate>,
    #[serde(default)]
    pub engagement_end: Option<NaiveDate>,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl ClientDetails {
    pub fn validate(&self) -> Result<()> {
        validate::required("client.name", &self.name)?;
        validate::email("client.email", &self.email)?;
        validate::short("client.phone", &self.phone)?;
        validate::short("client.organisation", &self.organisation)?;
        validate::short("client.role", &self.role)?;
        validate::short("client.sponsor_name", &self.sponsor_name)?;
        validate::email("client.sponsor_email", &self.sponsor_email)?;
        validate::date_order(
            "client.engagement_start",
            self.engagement_start,
            "client.engagement_end",
            self.engagement_end,
        )?;
        validate::long("client.background", &self.background)?;
        for tag in &self.tags {
            if tag.trim().is_empty() || tag.trim() != tag {
                return Err(crate::Error::invalid(
                    "client.tags",
                    "each tag must be non-empty with no leading or trailing spaces",
                ));
            }
            validate::max_len("client.tags", tag, 50)?;
        }
        validate::no_duplicates("client.tags", &self.tags)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Client {
    pub id: Uuid,
    #[serde(flatten)]
    pub details: ClientDetails,
    /// Clients are archived, never silently deleted.
    #[serde(default)]
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
