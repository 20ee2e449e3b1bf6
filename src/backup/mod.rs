//! Automatic backups: verified copies in a `backups/` folder beside the database (or a
//! folder the coach chose), at most one a day unless forced, rotated by [`rotation`].
//! `Store::backup_to` stays the one online-backup primitive; this module names, lists,
//! schedules and prunes its copies, and restores one.

mod old_keys;
mod restore;
pub mod rotation;

pub use old_keys::{delete_copies, opening_with, rekey_copies};
pub use restore::{Protection, RestoreKeys, RestoreOutcome, restore, restore_with};
pub use rotation::{Retention, to_delete};

use crate::{Result, Store};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const DIR_NAME: &str = "backups";
const SCHEDULED_PREFIX: &str = "coachbook-";
const BEFORE_RESTORE_PREFIX: &str = "coachbook-before-restore-";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// A scheduled run is skipped when the newest backup is younger than this.
pub const INTERVAL: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// `backups/` beside the database file.
pub fn default_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(DIR_NAME)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BackupKind {
    /// Written by a scheduled run or "Back up now"; rotated.
    Scheduled,
    /// The database as it was just before a restore; never rotated away.
    BeforeRestore,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    pub taken_at: DateTime<Utc>,
    pub kind: BackupKind,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: u64,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub path: PathBuf,
    /// Encrypted (it needs the passphrase the practice had when it was taken), or plain
    /// text that anyone with the file can read.
    pub encrypted: bool,
}

pub fn file_name(kind: BackupKind, at: DateTime<Utc>) -> String {
    let prefix = match kind {
        BackupKind::Scheduled => SCHEDULED_PREFIX,
        BackupKind::BeforeRestore => BEFORE_RESTORE_PREFIX,
    };
    format!("{prefix}{}.db", at.format(STAMP))
}

/// The kind and time a backup file's name says; `None` for any other file.
pub fn parse_file_name(name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let stem = name.strip_suffix(".db")?;
    // The longer prefix first: it starts with the shorter one.
    let (kind, stamp) = if let Some(s) = stem.strip_prefix(BEFORE_RESTORE_PREFIX) {
        (BackupKind::BeforeRestore, s)
    } else {
        (BackupKind::Scheduled, stem.strip_prefix(SCHEDULED_PREFIX)?)
    };
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((kind, at))
}

/// The backups in `dir`, newest first. A missing folder holds none.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut list = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some((kind, taken_at)) = entry.file_name().to_str().and_then(parse_file_name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if meta.is_file() {
            let path = entry.path();
            // Told by its header (through SQLite). A copy whose header cannot be read is
            // never called plain (nor offered for deletion as such).
            let encrypted = crate::store::is_encrypted(&path).unwrap_or(true);
            list.push(BackupInfo {
                taken_at,
                kind,
                size: meta.len(),
                path,
                encrypted,
            });
        }
    }
    list.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(a.path.cmp(&b.path)));
    Ok(list)
}

#[derive(Debug, Clone, Serialize)]
pub struct ScheduledRun {
    /// The new backup, or `None` when the newest one is younger than [`INTERVAL`].
    pub written: Option<BackupInfo>,
    #[serde(skip)]
    pub took: std::time::Duration,
    /// Old backups removed by rotation.
    pub deleted: Vec<PathBuf>,
}

/// At most one backup a day: skipped when the newest scheduled backup in `dir` is less
/// than [`INTERVAL`] old. Call it on start, now and then while running, and on quit.
pub fn run_scheduled(store: &Store, dir: &Path, now: DateTime<Utc>) -> Result<ScheduledRun> {
    let newest = list_backups(dir)?
        .into_iter()
        .find(|b| b.kind == BackupKind::Scheduled);
    // A stamp in the future (clock set back) must not stop backups for good.
    if let Some(b) = newest
        && b.taken_at <= now
        && now - b.taken_at < INTERVAL
    {
        return Ok(ScheduledRun {
            written: None,
            took: std::time::Duration::ZERO,
            deleted: Vec::new(),
        });
    }
    back_up_now(store, dir, now)
}

/// "Back up now": a verified copy whatever the schedule, then rotation.
pub fn back_up_now(store: &Store, dir: &Path, now: DateTime<Utc>) -> Result<ScheduledRun> {
    let started = std::time::Instant::now();
    let path = dir.join(file_name(BackupKind::Scheduled, now));
    store.backup_to(&path)?; // integrity-checked before it takes the name
    let size = std::fs::metadata(&path)?.len();
    let took = started.elapsed();
    let deleted = rotate(dir, Retention::default())?;
    Ok(ScheduledRun {
        written: Some(BackupInfo {
            taken_at: parse_file_name(&file_name(BackupKind::Scheduled, now))
                .map_or(now, |(_, at)| at),
            kind: BackupKind::Scheduled,
            size,
            path,
            encrypted: store.is_encrypted(),
        }),
        took,
        deleted,
    })
}

/// Deletes the scheduled backups the retention policy lets go; copies taken before a
/// restore are left alone.
pub fn rotate(dir: &Path, keep: Retention) -> Result<Vec<PathBuf>> {
    let scheduled: Vec<BackupInfo> = list_backups(dir)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Scheduled)
        .collect();
    let stamps: Vec<DateTime<Utc>> = scheduled.iter().map(|b| b.taken_at).collect();
    let doomed = to_delete(&stamps, keep);
    let mut deleted = Vec::new();
    for b in scheduled
        .into_iter()
        .filter(|b| doomed.contains(&b.taken_at))
    {
        std::fs::remove_file(&b.path)?;
        deleted.push(b.path);
    }
    Ok(deleted)
}
