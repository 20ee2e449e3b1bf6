//! The open JSON export format: the whole practice as one versioned document, the coach's
//! exit door. `docs/export-format.md` describes it; `import` reads it back all or nothing.
//! `markdown` writes the sessions as Markdown files (one folder per client).

mod import;
pub mod markdown;

pub use import::{
    ImportOptions, ImportSummary, MAX_IMPORT_BYTES, import_document, import_json, read_import_file,
};
pub use markdown::{MarkdownOptions, MarkdownSummary, export_markdown};

use crate::Result;
use crate::model::{Assignment, CheckIn, Client, Coach, Competency, Goal, Session};
use crate::store::{self, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "coachbook";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub coach: Coach,
    pub competencies: Vec<Competency>,
    pub clients: Vec<ClientRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientRecord {
    #[serde(flatten)]
    pub client: Client,
    #[serde(default)]
    pub goals: Vec<GoalRecord>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalRecord {
    #[serde(flatten)]
    pub goal: Goal,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
}

/// Reads the whole practice in a stable order (clients by name, then id; everything else by
/// date, then id), so the same data always gives the same bytes.
pub fn export_document(store: &Store, exported_at: DateTime<Utc>) -> Result<Document> {
    let conn = store.conn();
    // One read transaction: a consistent snapshot even while the app keeps saving.
    let tx = conn.unchecked_transaction()?;
    let mut clients = Vec::new();
    for client in store::read::all_clients(&tx)? {
        let goals = store::read::goals_of(&tx, client.id)?
            .into_iter()
            .map(|goal| {
                let check_ins = store::read::check_ins_of(&tx, goal.id)?;
                Ok(GoalRecord { goal, check_ins })
            })
            .collect::<Result<_>>()?;
        clients.push(ClientRecord {
            goals,
            sessions: store::read::sessions_of(&tx, client.id)?,
            assignments: store::read::assignments_of(&tx, client.id)?,
            client,
        });
    }
    let doc = Document {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at,
        coach: store::read::coach(&tx)?,
        competencies: store::read::competencies(&tx)?,
        clients,
    };
    tx.finish()?;
    Ok(doc)
}

/// Pretty JSON with a final newline: readable by a person, diffable by git.
pub fn to_json(doc: &Document) -> Result<String> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    Ok(text)
}

pub fn export_json(store: &Store, exported_at: DateTime<Utc>) -> Result<String> {
    to_json(&export_document(store, exported_at)?)
}
