//! The practice as Markdown, for Obsidian or any editor: one folder per client, one `.md`
//! file per session with YAML front matter (date, start, format, medium, status, goals) and
//! the agenda, notes, takeaways and next steps as sections. Private notes only when asked.
//!
//! Deterministic: the same practice gives the same bytes in the same file names (no export
//! time stamp anywhere), so an export can be diffed or kept in git.
//!
//! Names: a client's folder is `<name> (<first 8 hex of the id>)`, a session's file is
//! `<local date> <hhmm> <first 8 hex of the id>.md`; the short id keeps two "Sam Lee"s or
//! two sessions at the same minute apart. Characters that some file system refuses
//! (`/ \ : * ? " < > |`, control characters) become `-`, and names are cut at 80 characters.
//!
//! The export is written next to DIR first and then swapped in, so DIR always holds one
//! whole export. An existing DIR is replaced only if it is empty or an earlier Markdown
//! export (it holds the marker file [`MARKER`]).

use crate::model::{Client, Goal, Session};
use crate::store::{self, Store};
use crate::{Error, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Marks a folder as a Coachbook Markdown export (so a re-export may replace it).
pub const MARKER: &str = ".coachbook-markdown";
const MAX_NAME_CHARS: usize = 80;

#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownOptions {
    /// Write each session's private notes too (the coach's own archive).
    pub include_private: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MarkdownSummary {
    pub clients: usize,
    pub sessions: usize,
}

/// A name any common file system accepts.
pub fn safe_name(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let words: Vec<&str> = replaced.split_whitespace().collect();
    let joined: String = words.join(" ").chars().take(MAX_NAME_CHARS).collect();
    let trimmed = joined.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "unnamed".to_string()
    } else {
        trimmed.to_string()
    }
}

fn short_id(id: &Uuid) -> String {
    id.simple().to_string()[..8].to_string()
}

pub fn client_folder(client: &Client) -> String {
    safe_name(&format!(
        "{} ({})",
        client.details.name.trim(),
        short_id(&client.id)
    ))
}

pub fn session_file(session: &Session) -> String {
    format!(
        "{} {}.md",
        session.details.starts_at.format("%Y-%m-%d %H%M"),
        short_id(&session.id)
    )
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn yaml_str(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn section(out: &mut String, title: &str, body: &str) {
    let body = body.trim();
    if body.is_empty() {
        return;
    }
    let _ = write!(out, "\n## {title}\n\n{body}\n");
}

/// The Markdown text of one session.
pub fn session_markdown(
    client: &Client,
    session: &Session,
    goals: &HashMap<Uuid, &Goal>,
    options: &MarkdownOptions,
) -> String {
    let d = &session.details;
    let mut out = String::new();
    out.push_str("---\n");
    let _ = writeln!(out, "id: {}", session.id);
    let _ = writeln!(out, "client: {}", yaml_str(&client.details.name));
    let _ = writeln!(out, "client_id: {}", client.id);
    let _ = writeln!(out, "date: {}", d.starts_at.format("%Y-%m-%d"));
    let _ = writeln!(out, "start: {}", yaml_str(&d.starts_at.to_rfc3339()));
    let _ = writeln!(out, "duration_minutes: {}", d.duration_minutes);
    let _ = writeln!(out, "format: {}", d.format);
    let _ = writeln!(out, "medium: {}", d.medium);
    let _ = writeln!(out, "status: {}", d.status);
    if d.goal_ids.is_empty() {
        out.push_str("goals: []\n");
    } else {
        out.push_str("goals:\n");
        for id in &d.goal_ids {
            let title = goals.get(id).map_or("", |g| g.details.title.as_str());
            let _ = writeln!(out, "  - {}", yaml_str(title));
        }
    }
    out.push_str("tags: [coachbook/session]\n");
    out.push_str("---\n\n");
    let _ = writeln!(
        out,
        "# Session with {} — {}",
        client.details.name.trim(),
        d.starts_at.format("%Y-%m-%d %H:%M")
    );
    section(&mut out, "Agenda", &d.agenda);
    section(&mut out, "Notes", &d.notes);
    if options.include_private {
        section(&mut out, "Private notes", &d.private_notes);
    }
    section(&mut out, "Takeaways", &d.takeaways);
    section(&mut out, "Next steps", &d.next_steps);
    out
}

fn is_replaceable(dir: &Path) -> Result<bool> {
    if !dir.exists() {
        return Ok(true);
    }
    if !dir.is_dir() {
        return Ok(false);
    }
    Ok(dir.join(MARKER).is_file() || std::fs::read_dir(dir)?.next().is_none())
}

/// Writes the whole practice under `dir` (see the module comment for names and safety).
pub fn export_markdown(
    store: &Store,
    dir: &Path,
    options: &MarkdownOptions,
) -> Result<MarkdownSummary> {
    // Never over the practice, its folder or a backups folder (the CLI names --markdown).
    crate::paths::check_output(
        store.path(),
        dir,
        crate::paths::Output::MarkdownExport,
        "DIR",
    )?;
    if !is_replaceable(dir)? {
        return Err(Error::invalid(
            "DIR",
            format!(
                "{} is not empty and not an earlier Markdown export; choose an empty or new folder",
                dir.display()
            ),
        ));
    }
    let staging = sibling(dir, "partial");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    crate::private::create_dir_all(&staging)?;
    let summary = match write_tree(store, &staging, options) {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    if dir.exists() {
        let old = sibling(dir, "old");
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        std::fs::rename(dir, &old)?;
        std::fs::rename(&staging, dir)?;
        std::fs::remove_dir_all(&old)?;
    } else {
        std::fs::rename(&staging, dir)?;
    }
    Ok(summary)
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "markdown".to_string());
    dir.with_file_name(format!("{name}.{suffix}"))
}

fn write_tree(store: &Store, root: &Path, options: &MarkdownOptions) -> Result<MarkdownSummary> {
    let conn = store.conn();
    // One read transaction: a consistent snapshot even while the app keeps saving.
    let tx = conn.unchecked_transaction()?;
    let mut summary = MarkdownSummary::default();
    write_private(
        &root.join(MARKER),
        format!(
            "Coachbook Markdown export, format 1{}\n",
            if options.include_private {
                ", with private notes"
            } else {
                ""
            }
        ),
    )?;
    for client in store::read::all_clients(&tx)? {
        let folder = root.join(client_folder(&client));
        crate::private::create_dir_all(&folder)?;
        summary.clients += 1;
        let goals = store::read::goals_of(&tx, client.id)?;
        let by_id: HashMap<Uuid, &Goal> = goals.iter().map(|g| (g.id, g)).collect();
        for session in store::read::sessions_of(&tx, client.id)? {
            let text = session_markdown(&client, &session, &by_id, options);
            write_private(&folder.join(session_file(&session)), text)?;
            summary.sessions += 1;
        }
    }
    tx.finish()?;
    Ok(summary)
}

/// A new file of the export, readable by the coach only (it is plain text, maybe with
/// private notes), in a staging folder only this export writes to.
fn write_private(path: &Path, text: impl AsRef<[u8]>) -> Result<()> {
    use std::io::Write;
    let mut file = crate::private::create_new(path)?;
    file.write_all(text.as_ref())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn names_are_safe_everywhere() {
        assert_eq!(
            safe_name("Zoë Adeyemi (1a2b3c4d)"),
            "Zoë Adeyemi (1a2b3c4d)"
        );
        assert_eq!(safe_name("A/B: C*?\"<>|\\ d"), "A-B- C------- d");
        assert_eq!(safe_name("  ..hidden..  "), "hidden");
        assert_eq!(safe_name("line\nbreak\ttab"), "line-break-tab");
        assert_eq!(safe_name("..."), "unnamed");
        assert_eq!(safe_name(&"x".repeat(300)).chars().count(), 80);
    }
}
