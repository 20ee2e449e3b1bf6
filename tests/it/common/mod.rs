//! Helpers shared by the integration tests: real SQLite files in temp dirs, sample records.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use coachbook::Store;
use coachbook::model::*;
use std::path::PathBuf;
use tempfile::TempDir;
use uuid::Uuid;

pub struct TempStore {
    pub dir: TempDir,
    pub store: Store,
}

impl TempStore {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("practice.db")
    }
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("practice.db")).expect("open new store");
    TempStore { dir, store }
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

pub fn local(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test time")
}

pub fn client_details(name: &str) -> ClientDetails {
    ClientDetails {
        name: name.to_string(),
        email: "zoe@example.com".to_string(),
        phone: String::new(),
        organisation: "Northwind".to_string(),
        role: "Engineering Manager".to_string(),
        stage: Stage::FirstTimeManager,
        promotion_date: Some(date("2026-01-15")),
        sponsor_name: "Sam Sponsor".to_string(),
        sponsor_email: "sam@example.com".to_string(),
        status: EngagementStatus::Active,
        engagement_start: Some(date("2026-02-01")),
        engagement_end: None,
        background: String::new(),
        tags: vec!["promotion-track".to_string()],
    }
}

pub fn goal_details(title: &str) -> GoalDetails {
    GoalDetails {
        competency_id: None,
        title: title.to_string(),
        success_criteria: "Team says they own their work".to_string(),
        baseline: 3,
        target: 8,
        started_on: Some(date("2026-02-01")),
        target_date: Some(date("2026-08-01")),
        status: GoalStatus::Active,
    }
}

pub fn session_details(goal_ids: Vec<Uuid>) -> SessionDetails {
    SessionDetails {
        starts_at: local("2026-03-10T09:30:00+01:00"),
        duration_minutes: 60,
        format: SessionFormat::OneToOne,
        medium: Medium::Video,
        status: SessionStatus::Held,
        agenda: "1. Delegation".to_string(),
        notes: "Talked about **delegation**.".to_string(),
        private_notes: "Seemed tired.".to_string(),
        takeaways: "- Hand over outcomes".to_string(),
        next_steps: "- Talk to Sam".to_string(),
        goal_ids,
    }
}

pub fn check_in_details(score: i32, session_id: Option<Uuid>) -> CheckInDetails {
    CheckInDetails {
        on: date("2026-03-10"),
        score,
        rater: Rater::Coach,
        note: String::new(),
        session_id,
    }
}

pub fn assignment_details(stakes: i32, support_plan: &str) -> AssignmentDetails {
    AssignmentDetails {
        title: "Run the incident bridge".to_string(),
        kind: ExposureKind::RealCrisis,
        stakes,
        scenario: "Severity-one outage".to_string(),
        support_plan: support_plan.to_string(),
        goal_ids: Vec::new(),
        assigned_on: date("2026-03-01"),
        due_on: Some(date("2026-03-20")),
        status: AssignmentStatus::Proposed,
        debrief: None,
    }
}

/// The whole practice as JSON with a fixed export time: equal practices give equal text.
pub fn snapshot(store: &Store) -> String {
    let at = "2026-01-01T00:00:00Z".parse().expect("fixed time");
    coachbook::export::export_json(store, at).expect("export")
}
