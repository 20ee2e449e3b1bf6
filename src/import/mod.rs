//! Bringing an old practice in: clients and sessions from a CSV (a spreadsheet or a coaching
//! platform's export, `csv.rs`) or from a folder of Markdown notes (an Obsidian vault,
//! `notes.rs`). Both make a [`Plan`] — everything that will be created, every problem with
//! the row and column or the file that holds it — which the coach previews; applying it
//! writes all of it in one transaction, or nothing. (The JSON export's own import is
//! `export::import`.)
//!
//! Duplicates: a client already in the practice with the same name and email (or the same
//! name, when the file has no email and the name is unique) gets the new sessions rather than
//! a twin; a session already there (same client, same start, same notes) is skipped, so
//! importing the same file twice changes nothing.

mod columns;
pub mod csv;
mod csv_rows;
pub mod dates;
mod file_dates;
mod folder;
mod front_matter;
mod matching;
pub mod notes;
mod text;
mod values;

pub use columns::CsvField;
pub use csv::{CsvOptions, CsvPreview};
pub use dates::DateOrder;
pub use folder::{Folder, Note};
pub use notes::{ClientFrom, NotesOptions};

use crate::model::{Client, ClientDetails, EngagementStatus, SessionDetails, Stage};
use crate::store::{Store, put};
use crate::{Error, Result};
use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeZone, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The largest CSV file or note read (a 5,000-row practice export is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How many clients and problems a preview lists (the counts are always whole).
pub const PREVIEW_LIMIT: usize = 200;

/// The time zone in which dates without an offset are read.
#[derive(Debug, Clone, Copy)]
pub enum Zone {
    /// The computer's own (the app and the CLI).
    Local,
    /// A fixed offset (tests, benchmarks).
    Fixed(FixedOffset),
}

impl Zone {
    pub fn at(&self, t: NaiveDateTime) -> DateTime<FixedOffset> {
        match self {
            Zone::Fixed(offset) => offset.from_utc_datetime(&(t - offset.to_owned())),
            // A time that does not exist (the hour the clocks skip) is read an hour later.
            Zone::Local => Local
                .from_local_datetime(&t)
                .earliest()
                .or_else(|| {
                    Local
                        .from_local_datetime(&(t + chrono::Duration::hours(1)))
                        .earliest()
                })
                .map(|t| t.fixed_offset())
                .unwrap_or_else(|| t.and_utc().fixed_offset()),
        }
    }
}

/// One thing that stops the import, and where it is: `row 14, column "Date"` or
/// `Clients/Ana Souza/2026-03-14.md, front matter "date"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportProblem {
    pub at: String,
    pub message: String,
}

/// A client the plan creates, or an existing one it adds sessions to.
#[derive(Debug, Clone)]
pub struct PlannedClient {
    /// Set when the client is already in the practice.
    pub existing: Option<Uuid>,
    pub details: ClientDetails,
    pub sessions: Vec<SessionDetails>,
}

/// What an import will create. Previewable; [`apply`] writes it all or refuses.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub clients: Vec<PlannedClient>,
    pub problems: Vec<ImportProblem>,
    /// Things the coach should know that do not stop the import.
    pub notices: Vec<String>,
    /// Set when some dates read both ways and no order was given: the question to ask.
    pub ask_date_order: Option<String>,
    /// Sessions left out because the practice (or the file, earlier) already has them.
    pub duplicate_sessions: usize,
    /// Files or rows left out on purpose, with the reason (hidden files, attachments, …).
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Skipped {
    pub what: String,
    pub why: String,
}

/// One line of the preview's client list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewClient {
    pub name: String,
    pub email: String,
    /// Already in the practice: only the sessions are added.
    pub existing: bool,
    pub sessions: u32,
    /// First and last session date (YYYY-MM-DD), when there are sessions.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// What the coach sees before importing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub new_clients: u32,
    pub existing_clients: u32,
    pub sessions: u32,
    pub duplicate_sessions: u32,
    /// The first [`PREVIEW_LIMIT`] clients.
    pub clients: Vec<PreviewClient>,
    /// The first [`PREVIEW_LIMIT`] problems; `problem_count` is all of them.
    pub problems: Vec<ImportProblem>,
    pub problem_count: u32,
    pub notices: Vec<String>,
    pub ask_date_order: Option<String>,
    /// The first [`PREVIEW_LIMIT`] files or rows left out; `skipped_count` is all of them.
    pub skipped: Vec<Skipped>,
    pub skipped_count: u32,
}

/// What an import wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Imported {
    pub clients_created: u32,
    pub clients_matched: u32,
    pub sessions_created: u32,
    pub duplicate_sessions: u32,
}

impl Plan {
    pub fn problem(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(ImportProblem {
            at: at.into(),
            message: message.into(),
        });
    }

    pub fn session_count(&self) -> usize {
        self.clients.iter().map(|c| c.sessions.len()).sum()
    }

    pub fn preview(&self) -> ImportPreview {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let clients = self
            .clients
            .iter()
            .take(PREVIEW_LIMIT)
            .map(|c| {
                let dates = c.sessions.iter().map(|s| s.starts_at.date_naive());
                PreviewClient {
                    name: c.details.name.clone(),
                    email: c.details.email.clone(),
                    existing: c.existing.is_some(),
                    sessions: count(c.sessions.len()),
                    first: dates.clone().min().map(|d| d.to_string()),
                    last: dates.max().map(|d| d.to_string()),
                }
            })
            .collect();
        let existing = self.clients.iter().filter(|c| c.existing.is_some()).count();
        ImportPreview {
            new_clients: count(self.clients.len() - existing),
            existing_clients: count(existing),
            sessions: count(self.session_count()),
            duplicate_sessions: count(self.duplicate_sessions),
            clients,
            problems: self.problems.iter().take(PREVIEW_LIMIT).cloned().collect(),
            problem_count: count(self.problems.len()),
            notices: self.notices.clone(),
            ask_date_order: self.ask_date_order.clone(),
            skipped: self.skipped.iter().take(PREVIEW_LIMIT).cloned().collect(),
            skipped_count: count(self.skipped.len()),
        }
    }

    /// The plan as an error when it cannot be applied: the first problem's place is the
    /// field, so the CLI's one line and the UI's message both name the row and column.
    pub fn refusal(&self) -> Option<Error> {
        if let Some(first) = self.problems.first() {
            let more = match self.problems.len() {
                1 => String::new(),
                n => format!(" (and {} more problems; nothing was imported)", n - 1),
            };
            return Some(Error::invalid(
                first.at.clone(),
                format!("{}{more}", first.message),
            ));
        }
        self.ask_date_order
            .as_ref()
            .map(|question| Error::invalid("dates", question.clone()))
    }
}

/// Writes a plan inside the caller's transaction: all of it, or (on any error) nothing,
/// since the caller's transaction rolls back.
pub fn apply(tx: &Connection, plan: &Plan, now: DateTime<Utc>) -> Result<Imported> {
    if let Some(e) = plan.refusal() {
        return Err(e);
    }
    let mut done = Imported {
        duplicate_sessions: u32::try_from(plan.duplicate_sessions).unwrap_or(u32::MAX),
        ..Imported::default()
    };
    for planned in &plan.clients {
        let client_id = match planned.existing {
            Some(id) => {
                done.clients_matched += 1;
                id
            }
            None => {
                planned.details.validate()?;
                let client = Client {
                    id: Uuid::new_v4(),
                    details: planned.details.clone(),
                    archived_at: None,
                    created_at: now,
                    updated_at: now,
                };
                put::client(tx, &client, false)?;
                done.clients_created += 1;
                client.id
            }
        };
        for details in &planned.sessions {
            details.validate()?;
            let session = crate::model::Session {
                id: Uuid::new_v4(),
                client_id,
                details: details.clone(),
                created_at: now,
                updated_at: now,
            };
            put::session(tx, &session, false)?;
            done.sessions_created += 1;
        }
    }
    Ok(done)
}

/// Plans inside one IMMEDIATE transaction and applies in the same one, so nothing can
/// change between the duplicate checks and the writes.
pub(crate) fn plan_and_apply(
    store: &mut Store,
    now: DateTime<Utc>,
    make_plan: impl FnOnce(&Connection) -> Result<Plan>,
) -> Result<Imported> {
    store.write(|tx| {
        let plan = make_plan(tx)?;
        apply(tx, &plan, now)
    })
}

/// What a new client gets when the file says nothing more.
pub(crate) fn new_client(name: &str) -> ClientDetails {
    ClientDetails {
        name: name.to_string(),
        email: String::new(),
        phone: String::new(),
        organisation: String::new(),
        role: String::new(),
        stage: Stage::FirstTimeManager,
        promotion_date: None,
        sponsor_name: String::new(),
        sponsor_email: String::new(),
        status: EngagementStatus::Active,
        engagement_start: None,
        engagement_end: None,
        background: String::new(),
        tags: Vec::new(),
    }
}

/// The app's and the CLI's check of a path the coach gave: absolute, there, the right
/// kind, and not the practice itself. `field` names the input in the error.
pub fn check_path(field: &str, path: &Path, want_dir: bool, practice: &Path) -> Result<PathBuf> {
    let bad = |rule: String| Error::invalid(field, rule);
    if path.as_os_str().is_empty() {
        return Err(bad(if want_dir {
            "choose a folder".to_string()
        } else {
            "choose a CSV file".to_string()
        }));
    }
    let meta =
        std::fs::metadata(path).map_err(|e| bad(format!("cannot read {}: {e}", path.display())))?;
    if want_dir && !meta.is_dir() {
        return Err(bad(format!("{} is not a folder", path.display())));
    }
    if !want_dir {
        if !meta.is_file() {
            return Err(bad(format!("{} is not a file", path.display())));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(bad(format!(
                "{} is {} MB; the largest file read is {} MB",
                path.display(),
                meta.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            )));
        }
    }
    let canonical = path
        .canonicalize()
        .map_err(|e| bad(format!("cannot read {}: {e}", path.display())))?;
    if let Ok(db) = practice.canonicalize()
        && canonical == db
    {
        return Err(bad("is the practice database itself".to_string()));
    }
    Ok(canonical)
}
