//! `coachbook backups list|run` and `coachbook restore BACKUP`.

use crate::Result;
use crate::backup::{self, BackupKind, RestoreKeys};
use crate::store::Passphrase;
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum BackupsCommand {
    /// The backups, newest first: date, size, file
    List {
        /// The backups folder [default: backups/ beside the database]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Back up now if the last backup is a day old (or always, with --force), then rotate
    Run {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

fn dir_or_default(dir: Option<PathBuf>, db: &Path) -> PathBuf {
    dir.unwrap_or_else(|| backup::default_dir(db))
}

pub fn backups(
    out: &mut impl Write,
    db: &Path,
    key: Option<&Passphrase>,
    command: BackupsCommand,
) -> Result<()> {
    match command {
        BackupsCommand::List { dir, json } => {
            let list = backup::list_backups(&dir_or_default(dir, db))?;
            if json {
                serde_json::to_writer_pretty(&mut *out, &list)?;
                writeln!(out)?;
                return Ok(());
            }
            for b in &list {
                let note = match b.kind {
                    BackupKind::Scheduled => "",
                    BackupKind::BeforeRestore => "  (before a restore)",
                };
                writeln!(
                    out,
                    "{}  {:>8.1} MB  {}{note}",
                    b.taken_at.format("%Y-%m-%d %H:%M UTC"),
                    b.size as f64 / 1e6,
                    b.path.display()
                )?;
            }
            if list.is_empty() {
                writeln!(out, "No backups yet.")?;
            }
        }
        BackupsCommand::Run { dir, force } => {
            let dir = dir_or_default(dir, db);
            let store = super::passphrase::open(db, key)?;
            let now = crate::time::now();
            let run = if force {
                backup::back_up_now(&store, &dir, now)?
            } else {
                backup::run_scheduled(&store, &dir, now)?
            };
            match &run.written {
                Some(b) => writeln!(
                    out,
                    "Backed up to {} ({:.1} MB, {:.2} s), integrity checked",
                    b.path.display(),
                    b.size as f64 / 1e6,
                    run.took.as_secs_f64()
                )?,
                None => writeln!(
                    out,
                    "The last backup is less than a day old; nothing to do (--force to back up anyway)"
                )?,
            }
            for p in &run.deleted {
                writeln!(out, "Rotated out {}", p.display())?;
            }
        }
    }
    Ok(())
}

pub fn restore(
    out: &mut impl Write,
    db: &Path,
    file: &Path,
    dir: Option<PathBuf>,
    keys: RestoreKeys,
) -> Result<()> {
    let dir = dir_or_default(dir, db);
    let outcome = backup::restore_with(db, file, &dir, keys, crate::time::now())?;
    writeln!(out, "Restored {} from {}", db.display(), file.display())?;
    if let Some(copy) = outcome.safety_copy {
        let how = if outcome.safety_copy_raw {
            " (byte for byte: it did not pass its own check)"
        } else {
            ""
        };
        writeln!(
            out,
            "The previous database is kept as {}{how}",
            copy.display()
        )?;
    }
    Ok(())
}
