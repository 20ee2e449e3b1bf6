//! `coachbook backup DEST`: a copy with SQLite's online backup, checked after writing.

use super::Ctx;
use coachbook::{Result, paths};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    dest: PathBuf,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    // Never over the practice, its WAL or settings, nor into the backups folder.
    let dest = paths::Output::Backup;
    paths::check_output(&ctx.db, &args.dest, dest, "DEST")?;
    let store = ctx.open()?;
    let started = std::time::Instant::now();
    store.backup_to(&args.dest)?;
    let size = std::fs::metadata(&args.dest)?.len();
    writeln!(
        out,
        "Backed up to {} ({:.1} MB, {:.2} s), integrity checked",
        args.dest.display(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    )?;
    Ok(())
}
