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
