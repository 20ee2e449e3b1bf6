//! What each audience may see, gathered from the store. Confidentiality is in the types:
//! the sponsor's contents have no field that could hold a note, takeaway, private note or
//! debrief text, and the client's have no private notes, so the layout cannot leak what
//! was never loaded into them.

use super::{Audience, ReportRequest};
use crate::model::{
    Assignment, AssignmentStatus, Debrief, ExposureKind, GoalStatus, Medium, Rater, Session,
    SessionFormat, SessionStatus,
};
use crate::views::GoalProgress;
use crate::{Result, Store};
use chrono::NaiveDate;

/// On every page.
pub(crate) struct Header {
    pub coach_name: String,
    pub credentials: String,
    pub logo: Option<Vec<u8>>,
    pub client_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A goal's numbers and its ratings as points: no rating notes.
pub(crate) struct GoalTrend {
    pub title: String,
    pub competency: Option<String>,
    pub status: GoalStatus,
    pub baseline: i32,
    pub target: i32,
    pub latest: Option<i32>,
    pub series: Vec<(Rater, Vec<(NaiveDate, i32)>)>,
}

#[derive(Default)]
pub(crate) struct Attendance {
    pub held: u32,
    pub cancelled: u32,
    pub no_show: u32,
    pub planned: u32,
    pub minutes_held: i64,
}

/// A held session as the client sees it: what was agreed, not what the coach noted.
pub(crate) struct SharedSession {
    pub on: NaiveDate,
    pub format: SessionFormat,
    pub medium: Medium,
    pub minutes: i32,
    pub takeaways: String,
    pub next_steps: String,
}

pub(crate) struct ClientGoal {
    pub trend: GoalTrend,
    pub success_criteria: String,
}

pub(crate) struct ClientExposure {
    pub title: String,
    pub kind: ExposureKind,
    pub stakes: i32,
    pub status: AssignmentStatus,
    pub assigned_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub lessons: String,
}

pub(crate) struct ForClient {
    pub goals: Vec<ClientGoal>,
    pub sessions: Vec<SharedSession>,
    pub exposures: Vec<ClientExposure>,
    /// The next steps of the last session held in the period.
    pub next_steps: String,
}

/// Numbers only.
pub(crate) struct ForSponsor {
    pub attendance: Attendance,
    pub goals: Vec<GoalTrend>,
    /// (kind, stakes, how many) for exposures in the period, withdrawn ones left out.
    pub exposures: Vec<(ExposureKind, i32, u32)>,
}

pub(crate) struct CoachGoal {
    pub trend: GoalTrend,
    pub success_criteria: String,
    /// Ratings in the period with their notes.
    pub ratings: Vec<(NaiveDate, Rater, i32, String)>,
}

pub(crate) struct ForCoach {
    pub attendance: Attendance,
    pub goals: Vec<CoachGoal>,
    pub sessions: Vec<Session>,
    pub assignments: Vec<Assignment>,
}

pub(crate) enum Contents {
    Client(ForClient),
    Sponsor(ForSponsor),
    Coach(ForCoach),
}

pub(crate) struct ReportData {
    pub header: Header,
    pub contents: Contents,
    /// Nothing happened in the period: no session, rating or exposure.
    pub empty: bool,
}

pub(crate) fn gather(store: &Store, req: &ReportRequest) -> Result<ReportData> {
    let client = store.client(req.client_id)?;
    let coach = store.coach()?;
    let logo = match &coach.logo {
        Some(l) => l.bytes().ok(),
        None => None,
    };
    let in_period = |d: NaiveDate| d >= req.from && d <= req.to;

    let sessions: Vec<Session> = store
        .sessions_of(req.client_id)?
        .into_iter()
        .filter(|s| in_period(s.details.starts_at.date_naive()))
        .collect();
    let assignments: Vec<Assignment> = store
        .assignments_of(req.client_id)?
        .into_iter()
        .filter(|a| overlaps(a, req.from, req.to))
        .collect();
    let mut progress = Vec::new();
    let mut ratings_in_period = 0;
    for goal in store.goals_of(req.client_id)? {
        let p = GoalProgress::load(store, goal.id, Some(req.to))?;
        let set_on = goal
            .details
            .started_on
            .unwrap_or(goal.created_at.date_naive());
        if set_on > req.to && p.check_ins == 0 {
            continue;
        }
        ratings_in_period += p
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter(|pt| in_period(pt.on))
            .count();
        progress.push(p);
    }
    let empty = sessions.is_empty() && assignments.is_empty() && ratings_in_period == 0;

    let contents = match req.audience {
        Audience::Client => Contents::Client(for_client(&progress, &sessions, &assignments)),
        Audience::Sponsor => Contents::Sponsor(ForSponsor {
            attendance: attendance(&sessions),
            goals: progress.iter().map(trend).collect(),
            exposures: exposure_counts(&assignments),
        }),
        Audience::Coach => Contents::Coach(ForCoach {
            attendance: attendance(&sessions),
            goals: progress
                .iter()
                .map(|p| CoachGoal {
                    trend: trend(p),
                    success_criteria: p.goal.details.success_criteria.clone(),
                    ratings: by_date(
                        p.series
                            .iter()
                            .flat_map(|s| s.points.iter().map(move |pt| (s.rater, pt)))
                            .filter(|(_, pt)| in_period(pt.on))
                            .map(|(r, pt)| (pt.on, r, pt.score, pt.note.clone()))
                            .collect(),
                    ),
                })
                .collect(),
            sessions,
            assignments,
        }),
    };
    Ok(ReportData {
        header: Header {
            coach_name: coach.name,
            credentials: coach.credentials,
            logo,
            client_name: client.details.name,
            from: req.from,
            to: req.to,
        },
        contents,
        empty,
    })
}

/// An exposure belongs to the period when its span (assigned until debriefed, due, or
/// still open) touches it.
fn overlaps(a: &Assignment, from: NaiveDate, to: NaiveDate) -> bool {
    let d = &a.details;
    let end = match (&d.debrief, d.status) {
        (Some(Debrief { held_on, .. }), _) => *held_on,
        // Over, date unknown: the last change is when it was marked so.
        (None, AssignmentStatus::Withdrawn | AssignmentStatus::Completed) => {
            a.updated_at.date_naive().max(d.assigned_on)
        }
        (None, _) => to,
    };
    d.assigned_on <= to && end >= from
}

fn by_date<T>(mut ratings: Vec<(NaiveDate, T, i32, String)>) -> Vec<(NaiveDate, T, i32, String)> {
    ratings.sort_by_key(|r| r.0);
    ratings
}

fn trend(p: &GoalProgress) -> GoalTrend {
    let d = &p.goal.details;
    GoalTrend {
        title: d.title.clone(),
        competency: p.competency.clone(),
        status: d.status,
        baseline: d.baseline,
        target: d.target,
        latest: p.latest.map(|l| l.score),
        series: p
            .series
            .iter()
            .map(|s| {
                (
                    s.rater,
                    s.points.iter().map(|pt| (pt.on, pt.score)).collect(),
                )
            })
            .collect(),
    }
}

fn attendance(sessions: &[Session]) -> Attendance {
    let mut a = Attendance::default();
    for s in sessions {
        match s.details.status {
            SessionStatus::Held => {
                a.held += 1;
                a.minutes_held += s.details.duration_minutes as i64;
            }
            SessionStatus::Cancelled => a.cancelled += 1,
            SessionStatus::NoShow => a.no_show += 1,
            SessionStatus::Planned => a.planned += 1,
        }
    }
    a
}

fn exposure_counts(assignments: &[Assignment]) -> Vec<(ExposureKind, i32, u32)> {
    let mut counts: std::collections::BTreeMap<(ExposureKind, i32), u32> = Default::default();
    for a in assignments {
        if a.details.status != AssignmentStatus::Withdrawn {
            *counts
                .entry((a.details.kind, a.details.stakes))
                .or_default() += 1;
        }
    }
    counts.into_iter().map(|((k, s), n)| (k, s, n)).collect()
}

fn for_client(
    progress: &[GoalProgress],
    sessions: &[Session],
    assignments: &[Assignment],
) -> ForClient {
    let held: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.details.status == SessionStatus::Held)
        .collect();
    ForClient {
        goals: progress
            .iter()
            .map(|p| ClientGoal {
                trend: trend(p),
                success_criteria: p.goal.details.success_criteria.clone(),
            })
            .collect(),
        next_steps: held
            .iter()
            .rev()
            .map(|s| s.details.next_steps.trim())
            .find(|n| !n.is_empty())
            .unwrap_or("")
            .to_string(),
        sessions: held
            .iter()
            .map(|s| SharedSession {
                on: s.details.starts_at.date_naive(),
                format: s.details.format,
                medium: s.details.medium,
                minutes: s.details.duration_minutes,
                takeaways: s.details.takeaways.clone(),
                next_steps: s.details.next_steps.clone(),
            })
            .collect(),
        exposures: assignments
            .iter()
            .filter(|a| a.details.status != AssignmentStatus::Withdrawn)
            .map(|a| ClientExposure {
                title: a.details.title.clone(),
                kind: a.details.kind,
                stakes: a.details.stakes,
                status: a.details.status,
                assigned_on: a.details.assigned_on,
                due_on: a.details.due_on,
                lessons: a
                    .details
                    .debrief
                    .as_ref()
                    .map(|d| d.lessons.clone())
                    .unwrap_or_default(),
            })
            .collect(),
    }
}
