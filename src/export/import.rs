//! Reading an export back: parse, validate every record, then write all of it in one
//! transaction. Any bad record stops the import with its id and field; nothing is written.

use super::{Document, FORMAT, VERSION};
use crate::store::{Store, put};
use crate::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Overwrite records whose id already exists instead of refusing the import.
    pub update: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub clients: usize,
    pub goals: usize,
    pub check_ins: usize,
    pub sessions: usize,
    pub assignments: usize,
}

/// The largest export `read_import_file` reads (docs/export-format.md). Parsing holds the
/// text, a JSON tree of it and the records at once — several times the file's size — so a
/// bigger file is refused before it is read. A ten-year practice exports to far less.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads an export for import: refused (on `field`) when larger than [`MAX_IMPORT_BYTES`]
/// before a byte is read, and never reads more than that (a pipe, a file that grows).
pub fn read_import_file(path: &std::path::Path, field: &str) -> Result<String> {
    use std::io::Read;
    let cannot =
        |e: std::io::Error| Error::invalid(field, format!("cannot read {}: {e}", path.display()));
    let too_big = |len: u64| {
        Error::invalid(
            field,
            format!(
                "{} is {len} bytes; an import can be at most {} MB ({MAX_IMPORT_BYTES} bytes)",
                path.display(),
                MAX_IMPORT_BYTES / 1_048_576
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_IMPORT_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| {
        Error::invalid(
            field,
            format!(
                "{} is not UTF-8 text (not a Coachbook export)",
                path.display()
            ),
        )
    })
}

pub fn import_json(store: &mut Store, text: &str, options: ImportOptions) -> Result<ImportSummary> {
    let doc = parse(text)?;
    import_document(store, &doc, options)
}

/// Parses a document; a value of the wrong type is reported with the id of the record that
/// holds it and the path of the field.
pub fn parse(text: &str) -> Result<Document> {
    let value: Value = serde_json::from_str(text)?;
    let Some(top) = value.as_object() else {
        return Err(Error::invalid("document", "must be a JSON object"));
    };
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Error::invalid(
            "format",
            format!("must be {FORMAT:?}: this is not a Coachbook export"),
        ));
    }
    match top.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(Error::invalid(
                "version",
                format!(
                    "export format version {v} was written by a newer Coachbook; \
                     this version reads version {VERSION}"
                ),
            ));
        }
        _ => return Err(Error::invalid("version", format!("must be {VERSION}"))),
    }
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let (path, message) =
            match node_at(&value, &path).and_then(|node| detail_error(&path, node)) {
                Some((inner_path, message)) => (format!("{path}.{inner_path}"), message),
                None => (path, e.into_inner().to_string()),
            };
        let inner = Error::invalid(path.clone(), message);
        match record_id_at(&value, &path) {
            Some(id) => Error::in_record(id, inner),
            None => inner,
        }
    })
}

/// Serde loses the field name inside `#[serde(flatten)]`; reading the record's own
/// details type again finds it (`clients[2].sessions[0]` → `status`).
fn detail_error(path: &str, node: &Value) -> Option<(String, String)> {
    use crate::model::*;
    fn try_as<T: serde::de::DeserializeOwned>(node: &Value) -> Option<(String, String)> {
        serde_path_to_error::deserialize::<_, T>(node)
            .err()
            .map(|e| (e.path().to_string(), e.into_inner().to_string()))
    }
    let last = path.rsplit('.').next()?.split('[').next()?;
    match last {
        "clients" => try_as::<ClientDetails>(node),
        "goals" => try_as::<GoalDetails>(node),
        "check_ins" => try_as::<CheckInDetails>(node),
        "sessions" => try_as::<SessionDetails>(node),
        "assignments" => try_as::<AssignmentDetails>(node),
        _ => None,
    }
}

fn node_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        node = node.get(key)?;
        if let Some(i) = index {
            node = node.get(i)?;
        }
    }
    Some(node)
}

/// The id of the innermost record on a path like `clients[3].sessions[7].status`.
fn record_id_at(root: &Value, path: &str) -> Option<String> {
    // Walk ever-longer prefixes of the path; the last one that is an object with an id wins.
    let parts: Vec<&str> = path.split('.').collect();
    (1..=parts.len())
        .rev()
        .filter_map(|n| node_at(root, &parts[..n].join(".")))
        .find_map(|node| node.get("id").and_then(Value::as_str).map(str::to_string))
}

fn exists(conn: &Connection, table: &str, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .exists([id.to_string()])?)
}

/// Refuses an id twice in one document, and an existing id unless `update`.
struct Ids {
    seen: HashSet<Uuid>,
    update: bool,
}

impl Ids {
    fn claim(
        &mut self,
        conn: &Connection,
        what: &'static str,
        table: &str,
        id: Uuid,
    ) -> Result<()> {
        if !self.seen.insert(id) {
            return Err(Error::invalid("id", "appears twice in the document"));
        }
        if !self.update && exists(conn, table, id)? {
            return Err(Error::AlreadyExists {
                what,
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

fn parent(field: &str, got: Uuid, expected: Uuid, what: &str) -> Result<()> {
    if got == expected {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("is {got} but the record is listed under {what} {expected}"),
        ))
    }
}

pub fn import_document(
    store: &mut Store,
    doc: &Document,
    options: ImportOptions,
) -> Result<ImportSummary> {
    doc.coach.validate()?;
    store.write(|tx| {
        let mut ids = Ids {
            seen: HashSet::new(),
            update: options.update,
        };
        let mut summary = ImportSummary::default();

        let current_coach = crate::store::read::coach(tx)?;
        if current_coach != doc.coach {
            if !current_coach.is_empty() && !options.update {
                return Err(Error::AlreadyExists {
                    what: "coach profile",
                    id: format!("{:?}", current_coach.name),
                });
            }
            put::coach(tx, &doc.coach)?;
        }

        let shipped = crate::store::read::shipped_competencies()?;
        for c in &doc.competencies {
            let in_record = |e| Error::in_record(c.id, e);
            c.validate().map_err(in_record)?;
            if !ids.seen.insert(c.id) {
                return Err(in_record(Error::invalid(
                    "id",
                    "appears twice in the document",
                )));
            }
            // The default framework is in every database: an identical entry is no conflict,
            // and the document's version of an entry this practice never edited wins (a
            // backup of a tailored framework restores into a fresh install).
            match crate::store::read::competency(tx, c.id)? {
                Some(existing) if existing == *c => {}
                Some(existing) if shipped.contains(&existing) => put::competency(tx, c, true)?,
                Some(_) if !options.update => {
                    return Err(in_record(Error::AlreadyExists {
                        what: "competency",
                        id: c.id.to_string(),
                    }));
                }
                _ => put::competency(tx, c, true)?,
            }
        }

        for record in &doc.clients {
            let client = &record.client;
            let at = |e| Error::in_record(client.id, e);
            client.details.validate().map_err(at)?;
            ids.claim(tx, "client", "clients", client.id).map_err(at)?;
            put::client(tx, client, options.update).map_err(at)?;
            summary.clients += 1;

            for g in &record.goals {
                let goal = &g.goal;
                let at = |e| Error::in_record(goal.id, e);
                goal.details.validate().map_err(at)?;
                parent("goal.client_id", goal.client_id, client.id, "client").map_err(at)?;
                ids.claim(tx, "goal", "goals", goal.id).map_err(at)?;
                crate::store::check::goal_refs(tx, &goal.details).map_err(at)?;
                put::goal(tx, goal, options.update).map_err(at)?;
                summary.goals += 1;
            }
            for s in &record.sessions {
                let at = |e| Error::in_record(s.id, e);
                s.details.validate().map_err(at)?;
                parent("session.client_id", s.client_id, client.id, "client").map_err(at)?;
                ids.claim(tx, "session", "sessions", s.id).map_err(at)?;
                crate::store::check::goals_of_client(
                    tx,
                    client.id,
                    &s.details.goal_ids,
                    "session.goal_ids",
                )
                .map_err(at)?;
                put::session(tx, s, options.update).map_err(at)?;
                summary.sessions += 1;
            }
            // Check-ins after sessions: they may point at one.
            for g in &record.goals {
                for c in &g.check_ins {
                    let at = |e| Error::in_record(c.id, e);
                    c.details.validate().map_err(at)?;
                    parent("check_in.goal_id", c.goal_id, g.goal.id, "goal").map_err(at)?;
                    ids.claim(tx, "check-in", "check_ins", c.id).map_err(at)?;
                    crate::store::check::check_in_refs(tx, client.id, &c.details).map_err(at)?;
                    put::check_in(tx, c, options.update).map_err(at)?;
                    summary.check_ins += 1;
                }
            }
            for a in &record.assignments {
                let at = |e| Error::in_record(a.id, e);
                a.details.validate().map_err(at)?;
                parent("assignment.client_id", a.client_id, client.id, "client").map_err(at)?;
                ids.claim(tx, "assignment", "assignments", a.id)
                    .map_err(at)?;
                crate::store::check::goals_of_client(
                    tx,
                    client.id,
                    &a.details.goal_ids,
                    "assignment.goal_ids",
                )
                .map_err(at)?;
                put::assignment(tx, a, options.update).map_err(at)?;
                summary.assignments += 1;
            }
        }
        Ok(summary)
    })
}
