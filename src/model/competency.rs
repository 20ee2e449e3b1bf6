use super::text_enum::text_enum;
use super::validate;
use crate::Result;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One entry of the coach's leadership framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Competency {
    pub id: Uuid,
    pub name: String,
    pub group: String,
    #[serde(default)]
    pub description: String,
    /// Order within the framework; lower first.
    pub position: i32,
    /// Retired entries stay on old goals but are not offered for new ones.
    #[serde(default)]
    pub retired: bool,
}

impl Competency {
    pub fn validate(&self) -> Result<()> {
        validate::required("competency.name", &self.name)?;
        validate::required("competency.group", &self.group)?;
        validate::long("competency.description", &self.description)
    }
}

/// What the coach edits about a competency; its place and retirement have their own calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompetencyDetails {
    pub name: String,
    pub group: String,
    #[serde(default)]
    pub description: String,
}

impl CompetencyDetails {
    /// Name and group without stray spaces: "Leading self " must not start a second group.
    pub fn trimmed(self) -> CompetencyDetails {
        CompetencyDetails {
            name: self.name.trim().to_string(),
            group: self.group.trim().to_string(),
            description: self.description,
        }
    }

    pub fn validate(&self) -> Result<()> {
        validate::required("competency.name", &self.name)?;
        validate::required("competency.group", &self.group)?;
        validate::long("competency.description", &self.description)
    }
}

text_enum!(
    /// One step up or down within a competency's group.
    Direction {
        Up => "up",
        Down => "down",
    }
);
