//! Reading a folder of notes: every Markdown file below it (hidden files and folders,
//! attachments and links left out, and listed), and which folder names a note's client.

use super::text::decode;
use super::{ImportProblem, Skipped};
use crate::{Error, Result};
use std::path::Path;

/// A note read from the folder: its path below the folder (with `/`) and its text.
pub struct Note {
    pub path: String,
    pub text: String,
}

/// The folder as read: the notes, and what was left out or could not be read.
#[derive(Default)]
pub struct Folder {
    pub notes: Vec<Note>,
    pub skipped: Vec<Skipped>,
    pub unreadable: Vec<ImportProblem>,
    pub notices: Vec<String>,
}

/// Reads every note below `dir` (sorted by path, so a plan is the same every time).
pub fn read_folder(dir: &Path) -> Result<Folder> {
    let mut folder = Folder::default();
    walk(dir, "", &mut folder)?;
    if folder.notes.is_empty() && folder.unreadable.is_empty() {
        return Err(Error::invalid(
            "folder",
            format!("{} holds no Markdown (.md) notes", dir.display()),
        ));
    }
    Ok(folder)
}

fn walk(dir: &Path, prefix: &str, folder: &mut Folder) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}{name}");
        let kind = entry.file_type()?;
        let skip = |folder: &mut Folder, why: &str| {
            folder.skipped.push(Skipped {
                what: path.clone(),
                why: why.to_string(),
            })
        };
        if name.starts_with('.') {
            skip(folder, "hidden");
        } else if kind.is_symlink() {
            skip(folder, "a link: not followed");
        } else if kind.is_dir() {
            walk(&entry.path(), &format!("{path}/"), folder)?;
        } else if !is_markdown(&name) {
            skip(folder, "not a Markdown note (an attachment)");
        } else if entry.metadata()?.len() > super::MAX_FILE_BYTES {
            folder.unreadable.push(ImportProblem {
                at: path,
                message: "is too large for a note".to_string(),
            });
        } else {
            let (text, notice) = decode(&std::fs::read(entry.path())?);
            if let Some(n) = notice {
                folder.notices.push(format!("{path}: {n}"));
            }
            folder.notes.push(Note { path, text });
        }
    }
    Ok(())
}

fn is_markdown(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Folder names that group notes rather than name a client.
fn is_generic(folder: &str) -> bool {
    let w = folder.trim().to_lowercase();
    let digits = w
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '_' || c == '.');
    const WORDS: &[&str] = &[
        "sessions",
        "session notes",
        "notes",
        "meetings",
        "meeting notes",
        "coaching",
        "coaching notes",
        "clients",
        "client notes",
        "archive",
        "archived",
        "journal",
        "daily",
        "daily notes",
        "inbox",
        "people",
        "calls",
        "templates",
        "1-1s",
        "1on1s",
        "one-on-ones",
        "vault",
        "q1",
        "q2",
        "q3",
        "q4",
    ];
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    digits
        || WORDS.contains(&w.as_str())
        || MONTHS
            .iter()
            .any(|m| *m == w || (w.len() >= 3 && m.starts_with(&w)))
        || w.split_once(' ').is_some_and(|(n, m)| {
            n.chars().all(|c| c.is_ascii_digit()) && MONTHS.iter().any(|x| x.starts_with(m))
        })
}

/// The client folder of a note: the nearest folder above it that is not a year, a month or
/// a word like "Sessions"; Coachbook's own export's ` (1a2b3c4d)` suffix is dropped.
pub(super) fn client_folder(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    parts.into_iter().rev().find(|p| !is_generic(p)).map(|p| {
        let p = p.trim();
        match p.rsplit_once(" (") {
            Some((name, id))
                if id.len() == 9
                    && id.ends_with(')')
                    && id[..8].chars().all(|c| c.is_ascii_hexdigit()) =>
            {
                name.to_string()
            }
            _ => p.to_string(),
        }
    })
}

pub(super) fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_is_the_nearest_folder_that_names_someone() {
        assert_eq!(
            client_folder("Clients/Ana Souza/2026/03 March/2026-03-14.md").as_deref(),
            Some("Ana Souza")
        );
        assert_eq!(
            client_folder("Ana Souza (1a2b3c4d)/2026-03-14 1000 abcdef12.md").as_deref(),
            Some("Ana Souza")
        );
        assert_eq!(client_folder("Sessions/2026-03-14.md"), None);
        assert_eq!(client_folder("2026-03-14.md"), None);
    }
}
