//! Sessions from a folder of Markdown notes (an Obsidian vault, or any folder with a file per
//! session). Each `.md` file with a date is one session whose notes are the file's text as
//! written (after its front matter). The client comes from the front matter (`client:`) or
//! from the folder the file is in; the date from the front matter (`date:`) or the file name.
//! Hidden files and folders (`.obsidian/`, `.trash/`) and attachments are left out, and the
//! preview lists every file left out and why.

use super::dates::{self, DateError, DateOrder, Evidence, When};
use super::file_dates;
pub use super::folder::{Folder, Note, read_folder};
use super::folder::{client_folder, stem};
use super::front_matter::{self, FrontMatter};
use super::matching::{Existing, Match};
use super::text::name_key;
use super::{ImportPreview, Imported, Plan, PlannedClient, Skipped, Zone, new_client, values};
use crate::model::{Medium, SessionDetails, SessionFormat, SessionStatus, validate};
use crate::store::Store;
use crate::{Error, Result};
use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use uuid::Uuid;

/// Where a note's client comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ClientFrom {
    /// The front matter's `client:` when the note has one, else the folder.
    Auto,
    Folder,
    FrontMatter,
}

#[derive(Debug, Clone)]
pub struct NotesOptions {
    pub client_from: ClientFrom,
    pub dates: Option<DateOrder>,
    /// The notes go into the sessions' private notes (the coach's alone) instead of notes.
    pub private: bool,
    pub zone: Zone,
    pub now: DateTime<Utc>,
}

const CLIENT_KEYS: &[&str] = &["client", "coachee", "client_name"];
const DATE_KEYS: &[&str] = &["date", "session_date", "start", "when", "datetime"];
const TIME_KEYS: &[&str] = &["time", "start_time"];
const DURATION_KEYS: &[&str] = &["duration_minutes", "duration", "length"];

/// Reads the folder and plans against the practice: nothing is written.
pub fn preview(conn: &Connection, dir: &Path, options: &NotesOptions) -> Result<ImportPreview> {
    let folder = read_folder(dir)?;
    Ok(plan(conn, &folder, options)?.preview())
}

/// Reads the folder, plans and writes in one transaction: every note, or (on any problem) none.
pub fn import(store: &mut Store, dir: &Path, options: &NotesOptions) -> Result<Imported> {
    let folder = read_folder(dir)?;
    super::plan_and_apply(store, options.now, |tx| plan(tx, &folder, options))
}

/// [`preview`] of a folder the coach chose (checked: an existing folder).
pub fn preview_dir(store: &Store, dir: &Path, options: &NotesOptions) -> Result<ImportPreview> {
    let dir = super::check_path("folder", dir, true, store.path())?;
    preview(store.conn(), &dir, options)
}

/// [`import`] of a folder the coach chose (checked as in [`preview_dir`]).
pub fn import_dir(store: &mut Store, dir: &Path, options: &NotesOptions) -> Result<Imported> {
    let dir = super::check_path("folder", dir, true, store.path())?;
    import(store, &dir, options)
}

/// The note's date: the front matter's, else the file name's. `Err` names the place.
fn date_of(
    note: &Note,
    fm: &FrontMatter,
    order: Option<DateOrder>,
) -> Option<Result<When, (String, DateError)>> {
    if let Some((key, value)) = fm.get(DATE_KEYS) {
        let at = format!("{}, front matter {key:?}", note.path);
        return Some(dates::parse(value, order).map_err(|e| (at, e)));
    }
    file_dates::in_file_name(stem(&note.path), order).map(|r| r.map_err(|e| (note.path.clone(), e)))
}

fn evidence_of(note: &Note, fm: &FrontMatter) -> Option<Evidence> {
    match fm.get(DATE_KEYS) {
        Some((_, value)) => dates::evidence(value),
        None => file_dates::file_name_evidence(stem(&note.path)),
    }
}

/// The folder's day/month order: given, settled by the notes, or to be asked.
fn date_order(
    parsed: &[(&Note, FrontMatter, &str)],
    options: &NotesOptions,
    plan: &mut Plan,
) -> DateOrder {
    if let Some(order) = options.dates {
        return order;
    }
    let mut found: Option<(DateOrder, &str)> = None;
    let mut ambiguous: Option<&str> = None;
    for (note, fm, _) in parsed {
        match evidence_of(note, fm) {
            Some(Evidence::Only(o)) => match found {
                Some((first, first_path)) if first != o => plan.problem(
                    note.path.clone(),
                    format!("its date reads only the other way round from {first_path:?}'s: the notes mix day-first and month-first dates"),
                ),
                Some(_) => {}
                None => found = Some((o, &note.path)),
            },
            Some(Evidence::Ambiguous) if ambiguous.is_none() => ambiguous = Some(&note.path),
            _ => {}
        }
    }
    if let Some((order, _)) = found {
        return order;
    }
    if let Some(path) = ambiguous {
        plan.ask_date_order = Some(format!(
            "the date of {path:?} (and maybe others) reads both ways: choose day-first \
             (31-12-2026) or month-first (12-31-2026)"
        ));
    }
    DateOrder::DayFirst
}

struct Group {
    key: Uuid,
    planned: PlannedClient,
}

pub fn plan(conn: &Connection, folder: &Folder, options: &NotesOptions) -> Result<Plan> {
    let mut plan = Plan {
        problems: folder.unreadable.clone(),
        skipped: folder.skipped.clone(),
        notices: folder.notices.clone(),
        ..Plan::default()
    };
    let parsed: Vec<(&Note, FrontMatter, &str)> = folder
        .notes
        .iter()
        .map(|n| {
            let (fm, body) = front_matter::split(&n.text);
            (n, fm, body)
        })
        .collect();
    let order = date_order(&parsed, options, &mut plan);
    let mut existing = Existing::load(conn)?;
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut no_time = 0;

    for (note, fm, body) in &parsed {
        // A template's date is a placeholder (`{{date}}`, Templater's `<% … %>`).
        if fm
            .get(DATE_KEYS)
            .is_some_and(|(_, v)| v.contains("{{") || v.contains("<%"))
        {
            plan.skipped.push(Skipped {
                what: note.path.clone(),
                why: "a template (its date is a placeholder)".to_string(),
            });
            continue;
        }
        let when = match date_of(note, fm, Some(order)) {
            None => {
                plan.skipped.push(Skipped {
                    what: note.path.clone(),
                    why: "no date in the front matter or the file name".to_string(),
                });
                continue;
            }
            Some(Err((at, DateError::Invalid(m)))) => {
                plan.problem(at, m);
                continue;
            }
            Some(Err((_, DateError::Ambiguous))) => continue,
            Some(Ok(w)) => w,
        };
        let from_front = fm.get(CLIENT_KEYS).map(|(_, v)| front_matter::unlink(v));
        let name = match options.client_from {
            ClientFrom::FrontMatter => from_front,
            ClientFrom::Folder => client_folder(&note.path),
            ClientFrom::Auto => from_front.or_else(|| client_folder(&note.path)),
        }
        .filter(|n| !n.trim().is_empty());
        let Some(name) = name else {
            plan.problem(
                note.path.clone(),
                match options.client_from {
                    ClientFrom::FrontMatter => "no `client:` in its front matter: whose session is it?",
                    _ => "whose session is it? Put it in a folder named after the client, or add `client: Name` to its front matter",
                },
            );
            continue;
        };
        let name = name.trim().to_string();
        let before = plan.problems.len();
        if let Err(Error::Invalid { rule, .. }) = validate::required("client", &name) {
            plan.problem(format!("{}, client {name:?}", note.path), rule);
        }
        let mut time = when.time;
        if let Some((key, t)) = fm.get(TIME_KEYS) {
            match dates::parse_time(t) {
                Some(parsed) => time = Some(parsed),
                None => plan.problem(
                    format!("{}, front matter {key:?}", note.path),
                    format!("{t:?} is not a time of day"),
                ),
            }
        }
        let duration = match fm.get(DURATION_KEYS) {
            None => 60,
            Some((key, d)) => match dates::parse_duration(d) {
                Some(m) if (1..=crate::model::session::DURATION_MAX_MINUTES).contains(&m) => m,
                _ => {
                    plan.problem(
                        format!("{}, front matter {key:?}", note.path),
                        format!("{d:?} is not a session length (1 to 720 minutes)"),
                    );
                    60
                }
            },
        };
        let text = body.trim_start_matches(['\r', '\n']).to_string();
        if let Err(Error::Invalid { rule, .. }) = validate::long("notes", &text) {
            plan.problem(note.path.clone(), format!("the note {rule}"));
        }
        if time.is_none() {
            no_time += 1;
        }
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
        let local = when.date.and_time(time.unwrap_or(nine));
        let starts_at = match when.offset {
            Some(o) if time == when.time => local
                .and_local_timezone(o)
                .single()
                .unwrap_or_else(|| options.zone.at(local)),
            _ => options.zone.at(local),
        };
        let status = match fm.get(&["status"]) {
            None if starts_at.with_timezone(&Utc) <= options.now => SessionStatus::Held,
            None => SessionStatus::Planned,
            Some((_, s)) => values::status(s).unwrap_or_else(|| {
                plan.problem(
                    format!("{}, front matter \"status\"", note.path),
                    format!("{s:?} is not a session status (held, planned, cancelled or no-show)"),
                );
                SessionStatus::Held
            }),
        };
        if plan.problems.len() > before {
            continue;
        }
        let format = fm
            .get(&["format"])
            .and_then(|(_, f)| values::format(f))
            .unwrap_or(SessionFormat::OneToOne);
        let medium = fm
            .get(&["medium"])
            .and_then(|(_, m)| values::medium(m))
            .unwrap_or(Medium::Video);
        let (notes, private_notes) = if options.private {
            (String::new(), text)
        } else {
            (text, String::new())
        };

        let key = name_key(&name);
        let g = match index.get(&key) {
            Some(&g) => g,
            None => {
                let existing_id = match existing.client(&name, "") {
                    Match::Existing(id) => Some(id),
                    Match::New => None,
                    Match::Unclear(m) => {
                        plan.problem(note.path.clone(), m);
                        continue;
                    }
                };
                index.insert(key, groups.len());
                groups.push(Group {
                    key: existing_id.unwrap_or_else(Uuid::new_v4),
                    planned: PlannedClient {
                        existing: existing_id,
                        details: new_client(&name),
                        sessions: Vec::new(),
                    },
                });
                groups.len() - 1
            }
        };
        let session = SessionDetails {
            starts_at,
            duration_minutes: duration,
            format,
            medium,
            status,
            agenda: String::new(),
            notes,
            private_notes,
            takeaways: String::new(),
            next_steps: String::new(),
            goal_ids: Vec::new(),
        };
        let seen_text = if options.private {
            &session.private_notes
        } else {
            &session.notes
        };
        if existing.seen_session(groups[g].key, &session.starts_at, seen_text) {
            plan.duplicate_sessions += 1;
        } else {
            groups[g].planned.sessions.push(session);
        }
    }
    if no_time > 0 {
        plan.notices.push(format!(
            "{no_time} notes have no time: their sessions start at 09:00"
        ));
    }
    plan.clients = groups.into_iter().map(|g| g.planned).collect();
    Ok(plan)
}
