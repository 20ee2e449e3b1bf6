//! Where Coachbook may write what the coach asks for. A report, an export, a Markdown export
//! folder or a one-off backup never lands on the practice file, its `-wal`/`-shm`/`-journal`,
//! its settings file, or in a backups folder (whose copies Coachbook rotates and restores
//! from). Paths are compared after resolving symlinks (for a file that does not exist yet:
//! its folder), and, on Unix, by device and inode too, so a symlink or hard link to the
//! practice is caught. The only way to get a [`CheckedOutput`] is [`check_output`], and the
//! writers take one: no caller can skip the check.

use crate::settings::{Settings, settings_path};
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// What is being written (it decides the extension rule and the words of a refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A PDF progress report: must end in `.pdf`.
    Report,
    /// The whole practice as JSON: must end in `.json`.
    JsonExport,
    /// A folder of Markdown files (replaced whole).
    MarkdownExport,
    /// One verified copy of the practice (`coachbook backup DEST`).
    Backup,
}

impl Output {
    fn extension(self) -> Option<&'static str> {
        match self {
            Output::Report => Some("pdf"),
            Output::JsonExport => Some("json"),
            Output::MarkdownExport | Output::Backup => None,
        }
    }

    fn example(self) -> &'static str {
        match self {
            Output::Report => "report.pdf",
            Output::JsonExport => "practice.json",
            Output::MarkdownExport => "notes",
            Output::Backup => "coachbook-copy.db",
        }
    }
}

/// A destination that passed [`check_output`]: the path as given (written through its
/// folder, so the file itself is replaced, never a file a symlink points to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedOutput(PathBuf);

impl CheckedOutput {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

/// Checks `dest` for an output of `kind` from the practice at `db`. Refusals are
/// `Error::Invalid` on `field` (the CLI argument or the UI's field), the rule in words.
pub fn check_output(db: &Path, dest: &Path, kind: Output, field: &str) -> Result<CheckedOutput> {
    let refuse = |rule: String| Error::invalid(field, rule);
    if dest.as_os_str().is_empty() {
        return Err(refuse(format!(
            "choose where to save it (such as {})",
            kind.example()
        )));
    }
    let target = resolve(dest).map_err(&refuse)?;
    let entry = entry_of(dest).map_err(&refuse)?;
    for (protected, what) in protected_files(db) {
        let same = |p: &Path| p == protected || same_file(p, &protected);
        if same(&target) || same(&entry) {
            return Err(refuse(format!(
                "is {what} ({}): choose another {}",
                protected.display(),
                if kind == Output::MarkdownExport {
                    "folder"
                } else {
                    "file"
                }
            )));
        }
    }
    for dir in backup_dirs(db) {
        if target.starts_with(&dir) || entry.starts_with(&dir) {
            return Err(refuse(format!(
                "is in the backups folder ({}), whose copies Coachbook rotates and restores \
                 from: choose another folder",
                dir.display()
            )));
        }
    }
    if kind == Output::MarkdownExport {
        // The export replaces the whole folder: never one that holds the practice.
        let practice = resolve(db).unwrap_or_else(|_| db.to_path_buf());
        if practice.starts_with(&target) {
            return Err(refuse(format!(
                "holds the practice file ({}): choose an empty or new folder",
                practice.display()
            )));
        }
        return Ok(CheckedOutput(dest.to_path_buf()));
    }
    if target.is_dir() {
        return Err(refuse(format!(
            "is a folder; give a file name such as {}",
            kind.example()
        )));
    }
    if let Some(ext) = kind.extension() {
        let ok = dest
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case(ext));
        if !ok {
            return Err(refuse(format!("must end in .{ext}")));
        }
    }
    Ok(CheckedOutput(dest.to_path_buf()))
}

/// The files of the practice at `db` that nothing else may overwrite, resolved.
fn protected_files(db: &Path) -> Vec<(PathBuf, &'static str)> {
    let resolved = |p: &Path| resolve(p).unwrap_or_else(|_| p.to_path_buf());
    let mut files = vec![(resolved(db), "the practice file itself")];
    for (suffix, what) in [
        ("-wal", "the practice's write-ahead log"),
        ("-shm", "the practice's shared-memory index"),
        ("-journal", "the practice's journal"),
    ] {
        files.push((resolved(&crate::private::with_suffix(db, suffix)), what));
    }
    files.push((resolved(&settings_path(db)), "the practice's settings file"));
    files
}

/// The default backups folder and the one the settings name (which may be elsewhere).
fn backup_dirs(db: &Path) -> Vec<PathBuf> {
    let default = crate::backup::default_dir(db);
    let configured = Settings::load_or_default(db).0.backup_dir(db);
    let mut dirs = Vec::new();
    for dir in [default, configured] {
        let dir = resolve(&dir).unwrap_or(dir);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// Symlinks resolved: the whole path when it exists, else its nearest existing folder and
/// the rest of the names as given. `..` after a folder that does not exist is refused
/// (it cannot be resolved without guessing).
pub fn resolve(path: &Path) -> std::result::Result<PathBuf, String> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Ok(p);
    }
    let mut rest = Vec::new();
    let mut base = path.to_path_buf();
    loop {
        let Some(name) = base.file_name().map(|n| n.to_os_string()) else {
            return Err(if base.ends_with("..") {
                format!(
                    "{} goes up (..) from a folder that does not exist",
                    path.display()
                )
            } else {
                format!("{} cannot be resolved", path.display())
            });
        };
        rest.push(name);
        base = crate::private::parent_of(&base).to_path_buf();
        if let Ok(mut found) = std::fs::canonicalize(&base) {
            for name in rest.iter().rev() {
                found.push(name);
            }
            return Ok(found);
        }
        if base == Path::new(".") {
            return Err(format!("{} cannot be resolved", path.display()));
        }
    }
}

/// The directory entry a rename would replace: the folder resolved, the last name as given
/// (a symlink at `dest` is replaced itself, so it is compared as itself too).
fn entry_of(dest: &Path) -> std::result::Result<PathBuf, String> {
    match dest.file_name() {
        Some(name) => Ok(resolve(crate::private::parent_of(dest))?.join(name)),
        None => resolve(dest),
    }
}

/// The same file on disk (device and inode), for hard links and bind mounts.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// "Open another file…" and `COACHBOOK_DB`-style practice paths from the UI: a full path to
/// a file, never a `file:` URI (SQLite would read options such as `vfs=` or `mode=` from it)
/// and never relative (it would depend on where the app was started).
pub fn check_practice_path(path: &str, field: &str) -> Result<PathBuf> {
    let text = path.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "choose a practice file"));
    }
    if text
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
    {
        return Err(Error::invalid(
            field,
            "is a file: URI; give the file's full path (starting with /)",
        ));
    }
    let p = PathBuf::from(text);
    if !p.is_absolute() {
        return Err(Error::invalid(
            field,
            format!("{text} is not a full path (it should start with /)"),
        ));
    }
    if p.is_dir() {
        return Err(Error::invalid(field, format!("{text} is a folder")));
    }
    Ok(p)
}
