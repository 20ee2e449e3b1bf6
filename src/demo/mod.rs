//! A realistic demo practice, deterministic from a seed and an "as of" date: the same
//! seed and date always give the same practice. Built as an export document and written
//! through `import`, so the demo goes through the same validation as real data.

mod names;
mod phrases;
mod queries;
mod text;

pub use queries::{BenchQuery, benchmark_queries};

use crate::export::{ClientRecord, Document, GoalRecord, ImportOptions, ImportSummary};
use crate::model::*;
use crate::{Error, Result, Store};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use text::Ctx;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 8 clients: a feel for the app.
    Small,
    /// A 10-year practice: ~300 clients, ~15,000 sessions.
    Large,
    /// Ten times large, for search and scaling benchmarks.
    Huge,
}

impl Size {
    pub fn parse(text: &str) -> Result<Size> {
        match text {
            "small" => Ok(Size::Small),
            "large" => Ok(Size::Large),
            "huge" => Ok(Size::Huge),
            other => Err(Error::invalid(
                "size",
                format!("unknown size {other:?}; expected small, large or huge"),
            )),
        }
    }

    fn clients(self) -> usize {
        match self {
            Size::Small => 8,
            Size::Large => 300,
            Size::Huge => 3000,
        }
    }

    /// How far back the practice goes.
    fn years(self) -> i64 {
        match self {
            Size::Small => 2,
            Size::Large | Size::Huge => 10,
        }
    }
}

pub struct DemoOptions {
    pub size: Size,
    pub seed: u64,
    pub as_of: NaiveDate,
}

/// Fills an empty database with the demo practice (refuses a non-empty one: the caller
/// decides about `--force` and clears it first).
pub fn seed(store: &mut Store, options: &DemoOptions) -> Result<ImportSummary> {
    if !store.counts()?.is_empty() {
        return Err(Error::invalid(
            "db",
            "the database already holds clients; the demo goes into an empty one (use --force to replace everything)",
        ));
    }
    let doc = generate(options);
    crate::export::import_document(store, &doc, ImportOptions { update: true })
}

/// Deletes every client and their records (the framework and coach profile stay).
pub fn clear(store: &mut Store) -> Result<()> {
    store.write(|tx| {
        tx.execute("DELETE FROM clients", [])?;
        Ok(())
    })
}

pub fn generate(options: &DemoOptions) -> Document {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(options.seed),
        as_of: options.as_of,
        used_names: Default::default(),
    };
    let competencies = default_competencies();
    let clients = (0..options.size.clients())
        .map(|i| g.client(i, options.size, &competencies))
        .collect::<Vec<_>>();
    let mut clients = clients;
    clients.sort_by(|a, b| {
        (a.client.details.name.to_lowercase(), a.client.id)
            .cmp(&(b.client.details.name.to_lowercase(), b.client.id))
    });
    Document {
        format: crate::export::FORMAT.to_string(),
        version: crate::export::VERSION,
        exported_at: at(options.as_of, 12),
        coach: Coach {
            name: "Alex Morgan".to_string(),
            credentials: "PCC — ICF Professional Certified Coach".to_string(),
            logo: None,
        },
        competencies: competencies.clone(),
        clients,
    }
}

/// The framework seeded by migration 1, as the demo refers to it by name.
fn default_competencies() -> Vec<Competency> {
    crate::store::read::shipped_competencies().expect("the seeded framework reads back")
}

fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default()))
}

struct Gen {
    rng: ChaCha8Rng,
    as_of: NaiveDate,
    used_names: std::collections::HashSet<String>,
}

impl Gen {
    fn id(&mut self) -> Uuid {
        uuid::Builder::from_random_bytes(self.rng.random()).into_uuid()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        items.choose(&mut self.rng).unwrap_or(&items[0])
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items.choose(&mut self.rng).copied().unwrap_or("")
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    fn client(&mut self, index: usize, size: Size, competencies: &[Competency]) -> ClientRecord {
        // Distinct names while the lists allow it: two "Paulina Demir"s confuse a demo.
        let (mut first, mut last) = (self.word(names::FIRST_NAMES), self.word(names::LAST_NAMES));
        for _ in 0..8 {
            if self.used_names.insert(format!("{first} {last}")) {
                break;
            }
            (first, last) = (self.word(names::FIRST_NAMES), self.word(names::LAST_NAMES));
        }
        let org = self.word(names::ORGANISATIONS);
        let stage = *self.pick(&[
            Stage::Aspiring,
            Stage::FirstTimeManager,
            Stage::FirstTimeManager,
            Stage::FirstTimeManager,
            Stage::ManagerOfManagers,
            Stage::ManagerOfManagers,
            Stage::Executive,
        ]);
        let role = *self.pick(match stage {
            Stage::Aspiring => names::ROLES_ASPIRING,
            Stage::FirstTimeManager => names::ROLES_FIRST_TIME,
            Stage::ManagerOfManagers => names::ROLES_MANAGER_OF_MANAGERS,
            Stage::Executive => names::ROLES_EXECUTIVE,
        });
        let span_days = size.years() * 365;
        // The small demo keeps most clients current so every screen has something to show.
        let start_ago = match size {
            Size::Small => [400, 300, 220, 150, 90, 60, 700, 20][index % 8],
            _ => self.rng.random_range(20..span_days),
        };
        let start = self.as_of - Duration::days(start_ago);
        let planned_end = start + Duration::days(self.rng.random_range(300..=850));
        let prospect =
            size != Size::Small && self.chance(0.03) || size == Size::Small && index == 7;
        let status = if prospect {
            EngagementStatus::Prospect
        } else if planned_end < self.as_of {
            EngagementStatus::Completed
        } else if self.chance(0.12) && size != Size::Small || size == Size::Small && index == 5 {
            EngagementStatus::Paused
        } else {
            EngagementStatus::Active
        };
        let domain = format!("{}.example", text::slug(org));
        let sponsor_first = self.word(names::FIRST_NAMES);
        let sponsor_last = self.word(names::LAST_NAMES);
        let id = self.id();
        let created = at(start - Duration::days(14), 9);
        let mut tags = Vec::new();
        for tag in names::TAGS {
            if self.chance(0.15) {
                tags.push(tag.to_string());
            }
        }
        let details = ClientDetails {
            name: format!("{first} {last}"),
            email: format!("{}.{}@{domain}", text::slug(first), text::slug(last)),
            phone: format!("+44 7700 9{:05}", self.rng.random_range(0..100_000)),
            organisation: org.to_string(),
            role: role.to_string(),
            stage,
            promotion_date: (stage != Stage::Aspiring)
                .then(|| start - Duration::days(self.rng.random_range(30..400))),
            sponsor_name: format!("{sponsor_first} {sponsor_last}"),
            sponsor_email: format!(
                "{}.{}@{domain}",
                text::slug(sponsor_first),
                text::slug(sponsor_last)
            ),
            status,
            engagement_start: (!prospect).then_some(start),
            engagement_end: (status == EngagementStatus::Completed).then_some(planned_end),
            background: format!(
                "{first} was promoted for technical excellence and now leads people at {org}. \
                 The sponsor wants {first} to grow from expert to leader; {first} is keen but unsure \
                 what \"good\" looks like in the new role."
            ),
            tags,
        };
        let mut record = ClientRecord {
            client: Client {
                id,
                details,
                archived_at: None,
                created_at: created,
                updated_at: created,
            },
            goals: Vec::new(),
            sessions: Vec::new(),
            assignments: Vec::new(),
        };
        if prospect {
            return record;
        }
        let last_day = match status {
            EngagementStatus::Completed => planned_end,
            EngagementStatus::Paused => self.as_of - Duration::days(self.rng.random_range(10..60)),
            _ => self.as_of + Duration::days(28),
        }
        .max(start);
        let offset = FixedOffset::east_opt(text::offset_seconds(self.word(names::OFFSETS)))
            .unwrap_or(FixedOffset::east_opt(0).expect("zero offset is valid"));
        let ctx = Ctx {
            name: first.to_string(),
            org: org.to_string(),
        };
        self.goals(&mut record, start, status, competencies);
        self.sessions(&mut record, &ctx, start, last_day, offset);
        self.assignments(&mut record, &ctx, start, last_day);
        record.client.updated_at = record
            .sessions
            .iter()
            .map(|s| s.updated_at)
            .filter(|t| *t <= at(self.as_of, 23))
            .max()
            .unwrap_or(created)
            .max(created);
        record
    }

    fn goals(
        &mut self,
        record: &mut ClientRecord,
        start: NaiveDate,
        status: EngagementStatus,
        competencies: &[Competency],
    ) {
        let n = self.rng.random_range(2..=5);
        let mut titles: Vec<&(&str, &str)> = phrases::GOAL_TITLES.iter().collect();
        for _ in 0..n {
            let i = self.rng.random_range(0..titles.len());
            let (comp_name, title) = *titles.swap_remove(i);
            let started = start + Duration::days(self.rng.random_range(0..21));
            let baseline = self.rng.random_range(2..=5);
            let goal_status = match status {
                EngagementStatus::Completed => *self.pick(&[
                    GoalStatus::Achieved,
                    GoalStatus::Achieved,
                    GoalStatus::Achieved,
                    GoalStatus::Dropped,
                ]),
                EngagementStatus::Paused => GoalStatus::Paused,
                _ => *self.pick(&[
                    GoalStatus::Active,
                    GoalStatus::Active,
                    GoalStatus::Active,
                    GoalStatus::Achieved,
                ]),
            };
            let criteria = (self.word(phrases::SUCCESS_CRITERIA)).to_string();
            record.goals.push(GoalRecord {
                goal: Goal {
                    id: self.id(),
                    client_id: record.client.id,
                    details: GoalDetails {
                        competency_id: competencies
                            .iter()
                            .find(|c| c.name == comp_name)
                            .map(|c| c.id),
                        title: title.to_string(),
                        success_criteria: criteria,
                        baseline,
                        target: self.rng.random_range(7..=9),
                        started_on: Some(started),
                        target_date: Some(
                            started + Duration::days(self.rng.random_range(180..=400)),
                        ),
                        status: goal_status,
                    },
                    created_at: at(started, 10),
                    updated_at: at(started, 10),
                },
                check_ins: Vec::new(),
            });
        }
    }

    fn sessions(
        &mut self,
        record: &mut ClientRecord,
        ctx: &Ctx,
        start: NaiveDate,
        last_day: NaiveDate,
        offset: FixedOffset,
    ) {
        let cadence = self.rng.random_range(7..=14);
        let mut rotation = 0usize;
        let mut day = start;
        let mut reports: Vec<&str> = Vec::new();
        for _ in 0..3 {
            reports.push(self.word(names::FIRST_NAMES));
        }
        while day <= last_day {
            let future = day > self.as_of;
            let hour = self.rng.random_range(8..=17);
            let minute = *self.pick(&[0, 0, 30]);
            let local = day.and_hms_opt(hour, minute, 0).unwrap_or_default();
            let starts_at = offset
                .from_local_datetime(&local)
                .single()
                .unwrap_or_else(|| Utc.from_utc_datetime(&local).fixed_offset());
            let status = if future {
                SessionStatus::Planned
            } else {
                *self.pick(&[
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Held,
                    SessionStatus::Cancelled,
                    SessionStatus::NoShow,
                ])
            };
            let live_goals: Vec<usize> = record
                .goals
                .iter()
                .enumerate()
                .filter(|(_, g)| g.goal.details.started_on.is_some_and(|s| s <= day))
                .map(|(i, _)| i)
                .collect();
            // Rotate through the live goals so every goal gets worked on (and rated) in turn.
            let mut goal_idx: Vec<usize> = Vec::new();
            if !live_goals.is_empty() {
                goal_idx.push(live_goals[rotation % live_goals.len()]);
                let second = live_goals[(rotation + 1) % live_goals.len()];
                if self.chance(0.5) && !goal_idx.contains(&second) {
                    goal_idx.push(second);
                }
                rotation += 1;
            }
            let comp = goal_idx
                .first()
                .map(|&i| record.goals[i].goal.details.title.to_lowercase())
                .unwrap_or_else(|| "leadership".to_string());
            let report = *self.pick(&reports);
            let topic = self.word(names::SECTOR_TOPICS);
            let fill = |t: &str| ctx.fill(t, &comp, report, topic);
            let mut s = SessionDetails {
                starts_at,
                duration_minutes: *self.pick(&[45, 60, 60, 60, 90]),
                format: *self.pick(&[
                    SessionFormat::OneToOne,
                    SessionFormat::OneToOne,
                    SessionFormat::OneToOne,
                    SessionFormat::OneToOne,
                    SessionFormat::RolePlay,
                    SessionFormat::Observation,
                    SessionFormat::Team,
                ]),
                medium: *self.pick(&[
                    Medium::Video,
                    Medium::Video,
                    Medium::InPerson,
                    Medium::InPerson,
                    Medium::Phone,
                ]),
                status,
                agenda: text::numbered(&[
                    fill(self.word(phrases::AGENDA)),
                    fill(self.word(phrases::AGENDA)),
                ]),
                notes: String::new(),
                private_notes: String::new(),
                takeaways: String::new(),
                next_steps: String::new(),
                goal_ids: goal_idx.iter().map(|&i| record.goals[i].goal.id).collect(),
            };
            match status {
                SessionStatus::Held => {
                    s.notes = format!(
                        "{}\n\n{} {}\n\n**Practice.** {}\n\n- {}\n- {}",
                        fill(self.word(phrases::OPENINGS)),
                        fill(self.word(phrases::OBSERVATIONS)),
                        fill(self.word(phrases::OBSERVATIONS)),
                        fill(self.word(phrases::PRACTICE)),
                        fill(self.word(phrases::OBSERVATIONS)),
                        fill(self.word(phrases::PRACTICE)),
                    );
                    if self.chance(0.7) {
                        s.private_notes = fill(self.word(phrases::PRIVATE));
                    }
                    s.takeaways = text::bullets(&[
                        fill(self.word(phrases::TAKEAWAYS)),
                        fill(self.word(phrases::TAKEAWAYS)),
                    ]);
                    s.next_steps = text::bullets(&[
                        fill(self.word(phrases::NEXT_STEPS)),
                        fill(self.word(phrases::NEXT_STEPS)),
                    ]);
                }
                SessionStatus::Cancelled => {
                    s.notes = ctx.fill(
                        "Cancelled by {name} at short notice: {topic} took priority.",
                        &comp,
                        report,
                        topic,
                    );
                }
                SessionStatus::NoShow => {
                    s.notes = "No-show; followed up by email the same day.".to_string();
                }
                SessionStatus::Planned => {}
            }
            let created = at(day - Duration::days(7), 9).min(at(self.as_of, 8));
            let updated = if future {
                created
            } else {
                starts_at.with_timezone(&Utc) + Duration::minutes(i64::from(s.duration_minutes))
            };
            let session_id = self.id();
            if status == SessionStatus::Held {
                for &i in &goal_idx {
                    self.check_ins(&mut record.goals[i], day, session_id);
                }
            }
            record.sessions.push(Session {
                id: session_id,
                client_id: record.client.id,
                details: s,
                created_at: created,
                updated_at: updated,
            });
            day += Duration::days(cadence + self.rng.random_range(-2..=2));
        }
    }

    fn check_ins(&mut self, g: &mut GoalRecord, day: NaiveDate, session_id: Uuid) {
        let d = &g.goal.details;
        let (Some(started), Some(target_date)) = (d.started_on, d.target_date) else {
            return;
        };
        let span = (target_date - started).num_days().max(1) as f64;
        // Progress flattens out at the target: growth, not a straight line past it.
        let progress = ((day - started).num_days() as f64 / span).clamp(0.0, 1.0);
        let expected = f64::from(d.baseline) + f64::from(d.target - d.baseline) * progress.sqrt();
        for (rater, p, bias) in [
            (Rater::SelfRating, 0.45, 0.5),
            (Rater::Coach, 0.45, 0.0),
            (Rater::Manager, 0.1, -0.5),
            (Rater::Peer, 0.05, 0.0),
            (Rater::DirectReport, 0.05, -0.3),
        ] {
            if !self.chance(p) {
                continue;
            }
            let noise: f64 = self.rng.random_range(-1.0..1.0);
            let ceiling = f64::from(d.target) + 1.0;
            let score = (expected + bias + noise)
                .min(ceiling)
                .round()
                .clamp(0.0, 10.0) as i32;
            let note = if self.chance(0.2) {
                "Noticeable shift in how the team responds.".to_string()
            } else {
                String::new()
            };
            g.check_ins.push(CheckIn {
                id: self.id(),
                goal_id: g.goal.id,
                details: CheckInDetails {
                    on: day,
                    score,
                    rater,
                    note,
                    session_id: Some(session_id),
                },
                created_at: at(day, 18),
                updated_at: at(day, 18),
            });
        }
    }

    fn assignments(
        &mut self,
        record: &mut ClientRecord,
        ctx: &Ctx,
        start: NaiveDate,
        last_day: NaiveDate,
    ) {
        let engagement_days = (last_day - start).num_days().max(1);
        let n = (engagement_days / 68).max(1);
        for k in 0..n {
            let assigned = start + Duration::days(21 + k * 68 + self.rng.random_range(0..20));
            if assigned > self.as_of {
                break;
            }
            let f = k as f64 / n.max(2) as f64;
            let stakes = (1.0 + f * 4.0 + self.rng.random_range(-0.6..0.6))
                .round()
                .clamp(1.0, 5.0) as i32;
            let kind = match stakes {
                1 => ExposureKind::RolePlay,
                2 => *self.pick(&[ExposureKind::RolePlay, ExposureKind::Shadowing]),
                3 => *self.pick(&[ExposureKind::Shadowing, ExposureKind::StretchAssignment]),
                4 => *self.pick(&[ExposureKind::StretchAssignment, ExposureKind::RealCrisis]),
                _ => ExposureKind::RealCrisis,
            };
            let scenarios: &[(&str, &str)] = match kind {
                ExposureKind::RolePlay => &phrases::SCENARIOS[0..2],
                ExposureKind::Shadowing => &phrases::SCENARIOS[2..4],
                ExposureKind::StretchAssignment => &phrases::SCENARIOS[4..6],
                ExposureKind::RealCrisis => &phrases::SCENARIOS[6..],
            };
            let (title, scenario) = *self.pick(scenarios);
            let topic = self.word(names::SECTOR_TOPICS);
            let report = self.word(names::FIRST_NAMES);
            let fill = |t: &str| ctx.fill(t, "leading in a crisis", report, topic);
            let due = assigned + Duration::days(self.rng.random_range(14..=45));
            let status = if due + Duration::days(14) < self.as_of {
                if self.chance(0.08) {
                    AssignmentStatus::Withdrawn
                } else {
                    AssignmentStatus::Debriefed
                }
            } else if due < self.as_of {
                AssignmentStatus::Completed
            } else if assigned + Duration::days(7) < self.as_of {
                AssignmentStatus::Active
            } else {
                *self.pick(&[AssignmentStatus::Proposed, AssignmentStatus::Accepted])
            };
            let debrief = (status == AssignmentStatus::Debriefed).then(|| {
                let held_on = (due + Duration::days(self.rng.random_range(1..=7))).min(self.as_of);
                let rating = |rng: &mut ChaCha8Rng| {
                    (2.0 + f * 2.5 + rng.random_range(-0.8..0.8))
                        .round()
                        .clamp(1.0, 5.0) as i32
                };
                Debrief {
                    held_on,
                    what_happened: fill(self.word(phrases::WHAT_HAPPENED)),
                    client_actions: fill(self.word(phrases::CLIENT_ACTIONS)),
                    outcome: fill(self.word(phrases::OUTCOMES)),
                    lessons: fill(self.word(phrases::LESSONS)),
                    composure: rating(&mut self.rng),
                    decision_quality: rating(&mut self.rng),
                }
            });
            let goal_ids = record
                .goals
                .iter()
                .find(|g| {
                    g.goal.details.title.contains("crisis")
                        || g.goal.details.title.contains("steady")
                })
                .or(record.goals.first())
                .map(|g| vec![g.goal.id])
                .unwrap_or_default();
            let updated = debrief.as_ref().map_or(assigned, |d| d.held_on);
            record.assignments.push(Assignment {
                id: self.id(),
                client_id: record.client.id,
                details: AssignmentDetails {
                    title: fill(title),
                    kind,
                    stakes,
                    scenario: fill(scenario),
                    support_plan: if stakes >= 3 {
                        fill(self.word(phrases::SUPPORT_PLANS))
                    } else {
                        String::new()
                    },
                    goal_ids,
                    assigned_on: assigned,
                    due_on: Some(due),
                    status,
                    debrief,
                },
                created_at: at(assigned, 10),
                updated_at: at(updated, 16),
            });
        }
    }
}
