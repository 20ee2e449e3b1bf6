//! Domain types and their validation: one file per noun.

pub(crate) mod text_enum;
pub mod validate;

pub mod assignment;
pub mod client;
pub mod coach;
pub mod competency;
pub mod goal;
pub(crate) mod image_size;
pub mod session;

pub use assignment::{Assignment, AssignmentDetails, AssignmentStatus, Debrief, ExposureKind};
pub use client::{Client, ClientDetails, EngagementStatus, Stage};
pub use coach::{Coach, Logo};
pub use competency::{Competency, CompetencyDetails, Direction};
pub use goal::{CheckIn, CheckInDetails, Goal, GoalDetails, GoalStatus, Rater};
pub use session::{Medium, Session, SessionDetails, SessionFormat, SessionStatus};
