//! A CSV's rows as clients and sessions. Rows with the same name and email are one client;
//! a row with a date is also a session of that client. Each cell is checked where it is,
//! so every problem names its row and column.

use super::columns::CsvField;
use super::csv::{Table, at};
use super::dates::{self, DateError, DateOrder};
use super::matching::{Existing, Match};
use super::text::name_key;
use super::{ImportProblem, Plan, PlannedClient, new_client, values};
use crate::model::{Medium, SessionDetails, SessionFormat, SessionStatus, validate};
use crate::{Error, Result};
use chrono::{NaiveTime, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// One row's cells, by field, and the problems found in them.
struct Cells<'a> {
    headers: &'a [String],
    mapping: &'a [CsvField],
    cells: &'a [String],
    row: usize,
    problems: Vec<ImportProblem>,
}

impl<'a> Cells<'a> {
    fn col(&self, f: CsvField) -> Option<usize> {
        self.mapping.iter().position(|m| *m == f)
    }

    /// The trimmed cell of `f`, when the field is mapped and the cell is not empty.
    fn get(&self, f: CsvField) -> Option<(&'a str, usize)> {
        let c = self.col(f)?;
        let v = self.cells.get(c)?.trim();
        (!v.is_empty()).then_some((v, c))
    }

    fn value(&self, f: CsvField) -> &'a str {
        self.get(f).map_or("", |c| c.0)
    }

    fn at(&self, c: usize) -> String {
        at(self.headers, self.row, c)
    }

    fn problem(&mut self, c: usize, message: impl Into<String>) {
        self.problems.push(ImportProblem {
            at: self.at(c),
            message: message.into(),
        });
    }

    /// A validator's verdict, whose field is already the cell's place.
    fn check(&mut self, r: Result<()>) {
        if let Err(Error::Invalid { field, rule }) = r {
            self.problems.push(ImportProblem {
                at: field,
                message: rule,
            });
        }
    }

    fn text(&mut self, f: CsvField) -> String {
        match self.get(f) {
            Some((v, c)) => {
                let r = validate::long(&self.at(c), v);
                self.check(r);
                v.to_string()
            }
            None => String::new(),
        }
    }
}

/// What the whole file's sessions had in common, said once in the preview.
#[derive(Default)]
struct Loose {
    no_time: usize,
    formats: Vec<String>,
    media: Vec<String>,
}

fn session_of(
    c: &mut Cells,
    date_col: usize,
    order: DateOrder,
    options: &super::CsvOptions,
    loose: &mut Loose,
) -> Option<SessionDetails> {
    let date_text = c.cells[date_col].trim();
    if date_text.is_empty() {
        let has_details = (0..c.mapping.len())
            .any(|i| c.mapping[i].is_session() && i != date_col && !c.cells[i].trim().is_empty());
        if has_details {
            c.problem(
                date_col,
                "a session needs a date (the row has session details)",
            );
        }
        return None;
    }
    let notes = c.text(CsvField::Notes);
    let private_notes = c.text(CsvField::PrivateNotes);
    let agenda = c.text(CsvField::Agenda);
    let takeaways = c.text(CsvField::Takeaways);
    let next_steps = c.text(CsvField::NextSteps);
    let when = match dates::parse(date_text, Some(order)) {
        Ok(w) => Some(w),
        Err(DateError::Invalid(m)) => {
            c.problem(date_col, m);
            None
        }
        Err(DateError::Ambiguous) => None,
    };
    let mut time = when.and_then(|w| w.time);
    if let Some((t, col)) = c.get(CsvField::SessionTime) {
        match dates::parse_time(t) {
            Some(parsed) => time = Some(parsed),
            None => c.problem(
                col,
                format!("{t:?} is not a time of day (expected 14:30 or 2:30 PM)"),
            ),
        }
    }
    let duration = match c.get(CsvField::Duration) {
        None => 60,
        Some((d, col)) => match dates::parse_duration(d) {
            Some(m) if (1..=crate::model::session::DURATION_MAX_MINUTES).contains(&m) => m,
            Some(m) => {
                c.problem(
                    col,
                    format!("{m} minutes is not a session length (1 to 720)"),
                );
                60
            }
            None => {
                c.problem(
                    col,
                    format!("{d:?} is not a duration (expected 60, 45 min or 1.5 h)"),
                );
                60
            }
        },
    };
    let w = when?;
    if time.is_none() {
        loose.no_time += 1;
    }
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    let local = w.date.and_time(time.unwrap_or(nine));
    // An offset written in the cell (RFC 3339) is kept; otherwise the computer's zone.
    let starts_at = match w.offset {
        Some(o) if time == w.time => local
            .and_local_timezone(o)
            .single()
            .unwrap_or_else(|| options.zone.at(local)),
        _ => options.zone.at(local),
    };
    let status = match c.get(CsvField::Status) {
        None if starts_at.with_timezone(&Utc) <= options.now => SessionStatus::Held,
        None => SessionStatus::Planned,
        Some((s, col)) => values::status(s).unwrap_or_else(|| {
            c.problem(
                col,
                format!("{s:?} is not a session status (held, planned, cancelled or no-show)"),
            );
            SessionStatus::Held
        }),
    };
    let format = match c.get(CsvField::Format) {
        None => SessionFormat::OneToOne,
        Some((s, _)) => values::format(s).unwrap_or_else(|| {
            loose.formats.push(s.to_string());
            SessionFormat::OneToOne
        }),
    };
    let medium = match c.get(CsvField::Medium) {
        None => Medium::Video,
        Some((s, _)) => values::medium(s).unwrap_or_else(|| {
            loose.media.push(s.to_string());
            Medium::Video
        }),
    };
    Some(SessionDetails {
        starts_at,
        duration_minutes: duration,
        format,
        medium,
        status,
        agenda,
        notes,
        private_notes,
        takeaways,
        next_steps,
        goal_ids: Vec::new(),
    })
}

/// One client of the file: the rows with the same name and email.
struct Group {
    /// The existing client's id, or a stand-in for a new one (to spot twin sessions).
    key: Uuid,
    planned: PlannedClient,
}

pub(super) fn plan(
    existing: &mut Existing,
    table: &Table,
    mapping: &[CsvField],
    date_col: Option<usize>,
    order: DateOrder,
    options: &super::CsvOptions,
    plan: &mut Plan,
) -> Result<()> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    // name key → (email, first row) of each client of that name in the file.
    let mut emails_of: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    let mut loose = Loose::default();

    for (row, cells) in &table.rows {
        let mut c = Cells {
            headers: &table.headers,
            mapping,
            cells,
            row: *row,
            problems: Vec::new(),
        };
        let name = match c.get(CsvField::ClientName) {
            Some((n, _)) => n.to_string(),
            None => format!(
                "{} {}",
                c.value(CsvField::FirstName),
                c.value(CsvField::LastName)
            )
            .trim()
            .to_string(),
        };
        let name_col = [
            CsvField::ClientName,
            CsvField::FirstName,
            CsvField::LastName,
        ]
        .into_iter()
        .find_map(|f| c.col(f))
        .unwrap_or(0);
        if name.is_empty() {
            c.problem(name_col, "the client's name is empty");
        } else {
            let r = validate::required(&c.at(name_col), &name);
            c.check(r);
        }
        let email = c.value(CsvField::Email);
        if let Some((e, col)) = c.get(CsvField::Email) {
            let r = validate::email(&c.at(col), e);
            c.check(r);
        }
        for f in [CsvField::Phone, CsvField::Organisation, CsvField::Role] {
            if let Some((v, col)) = c.get(f) {
                let r = validate::short(&c.at(col), v);
                c.check(r);
            }
        }
        let mut tags: Vec<String> = Vec::new();
        if let Some((v, col)) = c.get(CsvField::Tags) {
            for t in v.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()) {
                let r = validate::max_len(&c.at(col), t, 50);
                c.check(r);
                if !tags.iter().any(|x| x == t) {
                    tags.push(t.to_string());
                }
            }
        }
        let background = c.text(CsvField::Background);
        let session = date_col.and_then(|dc| session_of(&mut c, dc, order, options, &mut loose));
        if !c.problems.is_empty() {
            plan.problems.append(&mut c.problems);
            continue;
        }

        let key = (name_key(&name), email.to_lowercase());
        let g = match index.get(&key) {
            Some(&g) => g,
            None => {
                let existing_id = match existing.client(&name, email) {
                    Match::Existing(id) => Some(id),
                    Match::New => None,
                    Match::Unclear(m) => {
                        plan.problem(c.at(name_col), m);
                        continue;
                    }
                };
                let mut details = new_client(&name);
                details.email = email.to_string();
                emails_of
                    .entry(key.0.clone())
                    .or_default()
                    .push((email.to_string(), *row));
                index.insert(key, groups.len());
                groups.push(Group {
                    key: existing_id.unwrap_or_else(Uuid::new_v4),
                    planned: PlannedClient {
                        existing: existing_id,
                        details,
                        sessions: Vec::new(),
                    },
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[g];
        let d = &mut group.planned.details;
        // Later rows fill in what earlier rows left empty.
        for (f, slot) in [
            (CsvField::Phone, &mut d.phone),
            (CsvField::Organisation, &mut d.organisation),
            (CsvField::Role, &mut d.role),
            (CsvField::Background, &mut d.background),
        ] {
            if slot.is_empty() {
                *slot = if f == CsvField::Background {
                    background.clone()
                } else {
                    c.value(f).to_string()
                };
            }
        }
        for t in tags {
            if !d.tags.contains(&t) {
                d.tags.push(t);
            }
        }
        if let Some(s) = session {
            if existing.seen_session(group.key, &s.starts_at, &s.notes) {
                plan.duplicate_sessions += 1;
            } else {
                group.planned.sessions.push(s);
            }
        }
    }

    let mut twins: Vec<&Vec<(String, usize)>> =
        emails_of.values().filter(|e| e.len() > 1).collect();
    twins.sort_by_key(|e| e[0].1);
    for emails in twins {
        let rows: Vec<String> = emails.iter().map(|(_, r)| r.to_string()).collect();
        let name = table
            .rows
            .iter()
            .find(|(r, _)| *r == emails[0].1)
            .map(|(_, cells)| {
                let c = Cells {
                    headers: &table.headers,
                    mapping,
                    cells,
                    row: 0,
                    problems: Vec::new(),
                };
                match c.get(CsvField::ClientName) {
                    Some((n, _)) => n.to_string(),
                    None => format!(
                        "{} {}",
                        c.value(CsvField::FirstName),
                        c.value(CsvField::LastName)
                    ),
                }
            })
            .unwrap_or_default();
        plan.notices.push(format!(
            "{} appears with {} different emails (rows {}): imported as {} clients",
            name.trim(),
            emails.len(),
            rows.join(", "),
            emails.len()
        ));
    }
    if loose.no_time > 0 {
        plan.notices.push(format!(
            "{} sessions have no time: they start at 09:00",
            loose.no_time
        ));
    }
    for (what, list, default) in [
        ("format", &loose.formats, "one-to-one"),
        ("medium", &loose.media, "video"),
    ] {
        if let Some(example) = list.first() {
            plan.notices.push(format!(
                "{} sessions have a {what} not recognised (e.g. {example:?}): read as {default}",
                list.len()
            ));
        }
    }
    plan.clients = groups.into_iter().map(|g| g.planned).collect();
    Ok(())
}
