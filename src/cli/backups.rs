//! `coachbook backups list|run`: the automatic backups beside the database.

use super::Ctx;
use clap::Subcommand;
use coachbook::Result;
use coachbook::backup::{self, BackupKind};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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

pub(super) fn dir_or_default(dir: Option<PathBuf>, db: &Path) -> PathBuf {
    dir.unwrap_or_else(|| backup::default_dir(db))
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let db = &ctx.db;
    match args.command {
        Command::List { dir, json } => {
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
                    "{}  {:>8.1} MB  {:<9}  {}{note}",
                    b.taken_at.format("%Y-%m-%d %H:%M UTC"),
                    b.size as f64 / 1e6,
                    if b.encrypted { "encrypted" } else { "plain" },
                    b.path.display()
                )?;
            }
            if list.is_empty() {
                writeln!(out, "No backups yet.")?;
            }
        }
        Command::Run { dir, force } => {
            let dir = dir_or_default(dir, db);
            let store = ctx.open()?;
            let now = coachbook::time::now();
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
