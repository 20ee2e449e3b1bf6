//! `coachbook restore BACKUP`: replace the database with a backup, keeping the current file.

use super::Ctx;
use coachbook::Result;
use coachbook::backup::{self, RestoreKeys};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    backup: PathBuf,
    /// The backups folder [default: backups/ beside the database]
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let backup_key = super::passphrase::for_backup(ctx.key())?;
    let keys = RestoreKeys {
        current: ctx.key(),
        backup: backup_key.as_ref(),
    };
    let (db, file) = (&ctx.db, &args.backup);
    let dir = super::backups::dir_or_default(args.dir, db);
    let outcome = backup::restore_with(db, file, &dir, keys, coachbook::time::now())?;
    writeln!(out, "Restored {} from {}", db.display(), file.display())?;
    match outcome.protection {
        backup::Protection::EncryptedWithCurrent => writeln!(
            out,
            "The backup was not encrypted; the practice stays encrypted with the current passphrase."
        )?,
        backup::Protection::RekeyedToCurrent => writeln!(
            out,
            "The backup had an older passphrase; the practice is encrypted with the current passphrase."
        )?,
        backup::Protection::Plain | backup::Protection::BackupPassphrase => {}
    }
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
