//! The passphrase on the command line: never as an argument (other users see those in
//! `ps`), but as the first line of standard input or from an environment variable.
//! `coachbook passphrase status|set|change|remove`.

use super::Ctx;
use clap::Subcommand;
use coachbook::backup;
use coachbook::store::{self, Passphrase, Store};
use coachbook::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// For scripts: the current passphrase (`--passphrase-stdin` wins).
pub const ENV: &str = "COACHBOOK_PASSPHRASE";
/// For `passphrase set|change`: the new passphrase (`--new-passphrase-stdin` wins).
pub const NEW_ENV: &str = "COACHBOOK_NEW_PASSPHRASE";
/// For `restore`: the backup's passphrase when it differs from the current one.
pub const BACKUP_ENV: &str = "COACHBOOK_BACKUP_PASSPHRASE";

pub const LOCKED_HINT: &str = "use --passphrase-stdin or COACHBOOK_PASSPHRASE";

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Say whether the database is encrypted
    Status,
    /// Encrypt an unencrypted database with a new passphrase (a backup is taken first)
    Set(NewArgs),
    /// Change the passphrase of an encrypted database (a backup is taken first)
    Change(NewArgs),
    /// Decrypt the database: it is stored as plain text afterwards (a backup is taken first)
    Remove {
        /// The backups folder [default: backups/ beside the database]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
pub struct NewArgs {
    /// Read the new passphrase from standard input (the line after the current one,
    /// when --passphrase-stdin is given too) [else: COACHBOOK_NEW_PASSPHRASE]
    #[arg(long)]
    new_passphrase_stdin: bool,
    /// The backups folder [default: backups/ beside the database]
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

fn from_env(var: &str) -> Result<Option<Passphrase>> {
    match std::env::var(var) {
        Ok(text) if !text.is_empty() => Passphrase::new(text).map(Some),
        _ => Ok(None),
    }
}

/// The current passphrase: one line of standard input, else the environment, else none.
pub fn current(stdin: bool) -> Result<Option<Passphrase>> {
    if stdin {
        return read_stdin("--passphrase-stdin").map(Some);
    }
    from_env(ENV)
}

fn read_stdin(field: &str) -> Result<Passphrase> {
    Passphrase::read_line(&mut std::io::stdin().lock()).map_err(|e| match e {
        Error::Invalid { rule, .. } => Error::invalid(field, format!("the line read {rule}")),
        e => e,
    })
}

/// Opens the database, unlocking it with `key`; says so when a passphrase was given for
/// a file that is not encrypted (it is not used there).
pub fn open(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
    let store = Store::open_with(path, key)?;
    if key.is_some() && !store.is_encrypted() {
        eprintln!(
            "Note: {} is not encrypted, so the passphrase was not used \
             (`coachbook passphrase set` protects it).",
            path.display()
        );
    }
    Ok(store)
}

/// The passphrase a backup file needs for a restore.
pub fn for_backup(current: Option<&Passphrase>) -> Result<Option<Passphrase>> {
    Ok(from_env(BACKUP_ENV)?.or_else(|| current.cloned()))
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let (path, key) = (ctx.db.as_path(), ctx.key());
    let encrypted = store::is_encrypted(path)?;
    let (new, dir) = match args.command {
        Command::Status => {
            let state = if encrypted {
                "encrypted (a passphrase opens it)"
            } else if path.exists() {
                "not encrypted"
            } else {
                "missing (it will be created encrypted when a passphrase is given)"
            };
            writeln!(out, "{}: {state}", path.display())?;
            return Ok(());
        }
        Command::Set(args) => {
            if encrypted {
                return Err(Error::invalid(
                    "passphrase",
                    "the database is encrypted already: use `coachbook passphrase change`",
                ));
            }
            (Some(new_passphrase(&args)?), args.dir)
        }
        Command::Change(args) => {
            if !encrypted {
                return Err(Error::invalid(
                    "passphrase",
                    "the database is not encrypted: use `coachbook passphrase set`",
                ));
            }
            (Some(new_passphrase(&args)?), args.dir)
        }
        Command::Remove { dir } => {
            if !encrypted {
                return Err(Error::invalid(
                    "passphrase",
                    "the database is not encrypted",
                ));
            }
            (None, dir)
        }
    };
    let mut store = Store::open_with(path, key)?;
    let dir = dir.unwrap_or_else(|| backup::default_dir(path));
    let change = store.change_passphrase(new.as_ref(), &dir, coachbook::time::now())?;
    if let Some(b) = &change.backup {
        writeln!(out, "Backed up first to {}", b.display())?;
    }
    if change.encrypted {
        writeln!(
            out,
            "{} is encrypted with the new passphrase. Without it the notes cannot be \
             recovered by anyone, including you: keep it safe.",
            path.display()
        )?;
        if !change.plain_backups.is_empty() {
            eprintln!(
                "Warning: {} backups are not encrypted and still hold every note in plain \
                 text; delete them once you trust the encrypted database:",
                change.plain_backups.len()
            );
            for p in &change.plain_backups {
                eprintln!("  {}", p.display());
            }
        }
    } else {
        writeln!(
            out,
            "{} is no longer encrypted: anyone with the file can read it.",
            path.display()
        )?;
    }
    Ok(())
}

fn new_passphrase(args: &NewArgs) -> Result<Passphrase> {
    let new = if args.new_passphrase_stdin {
        read_stdin("--new-passphrase-stdin")?
    } else {
        from_env(NEW_ENV)?.ok_or_else(|| {
            Error::invalid(
                "new_passphrase",
                format!("give it with --new-passphrase-stdin or {NEW_ENV}"),
            )
        })?
    };
    new.check_new("new_passphrase")?;
    Ok(new)
}
