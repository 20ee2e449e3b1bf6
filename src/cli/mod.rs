//! The `coachbook` command line: parses arguments and calls the core. One file per
//! subcommand, each an `Args` struct and a `run`. Exit codes: 0 ok, 2 bad input (one line
//! on stderr naming the field or argument), 1 anything else.
//!
//! clap lives only here, in the binary: the library and the app never compile it.

mod backup;
mod backups;
mod check;
mod client;
mod clients;
mod demo;
mod export;
mod import;
mod import_csv;
mod import_notes;
mod import_preview;
mod passphrase;
mod print;
mod report;
mod restore;
mod search;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use coachbook::store::{self, Passphrase, Store};
use coachbook::{Error, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use uuid::Uuid;

#[derive(Parser)]
#[command(
    name = "coachbook",
    version,
    about = "Coachbook: a leadership coach's practice, offline"
)]
struct Cli {
    /// The practice database [default: the app's data folder]
    #[arg(long, global = true, env = store::DB_ENV, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Read the passphrase of an encrypted database from the first line of standard
    /// input [else: the COACHBOOK_PASSPHRASE environment variable]
    #[arg(long, global = true)]
    passphrase_stdin: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty database with a realistic demo practice
    Demo(demo::Args),
    /// Import a JSON export, all or nothing
    Import(import::Args),
    /// Clients and sessions from a CSV (a spreadsheet or a coaching platform's export),
    /// all or nothing
    #[command(name = "import-csv")]
    ImportCsv(import_csv::Args),
    /// A session per dated Markdown note of a folder (an Obsidian vault), all or nothing
    #[command(name = "import-notes")]
    ImportNotes(import_notes::Args),
    /// Export the whole practice as JSON (`-` for standard output), or as Markdown files
    Export(export::Args),
    /// Search the whole practice: notes, agendas, takeaways, goals, assignments, debriefs, clients
    #[command(
        after_help = "QUERY: words (all must match), \"exact phrases\", OR, NOT word or -word, word* for a prefix.\n\
                      Put -- before a query that starts with -."
    )]
    Search(search::Args),
    /// List clients
    Clients(clients::Args),
    /// One client
    Client(client::Args),
    /// Check the database: integrity, foreign keys, schema version
    Check(check::Args),
    /// Copy the database to DEST with SQLite's online backup (safe while the app runs)
    Backup(backup::Args),
    /// Automatic backups: list them, or run one
    Backups(backups::Args),
    /// Replace the database with a backup; the current file is kept in the backups folder
    /// first, and a damaged or foreign file is refused. Close the app first.
    /// The backup's passphrase, when it differs from the current one, comes from
    /// COACHBOOK_BACKUP_PASSPHRASE.
    Restore(restore::Args),
    /// A PDF progress report for one client and period, for the client, the sponsor or the coach
    Report(report::Args),
    /// Encrypt the database with a passphrase, change it, or remove it
    Passphrase(passphrase::Args),
}

/// What every subcommand gets: the database and its passphrase (when one was given).
pub struct Ctx {
    pub db: PathBuf,
    pub key: Option<Passphrase>,
}

impl Ctx {
    /// Opens the practice, unlocking it with the passphrase given.
    pub fn open(&self) -> Result<Store> {
        passphrase::open(&self.db, self.key.as_ref())
    }

    pub fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `coachbook export - | head`: the reader left; that is not an error.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e @ Error::PassphraseRequired(_)) => {
            eprintln!("coachbook: {e}: {}", passphrase::LOCKED_HINT);
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("coachbook: {e}");
            if e.is_bad_input() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    coachbook::harden::private_umask();
    let ctx = Ctx {
        db: db_path(cli.db)?,
        key: passphrase::current(cli.passphrase_stdin)?,
    };
    if ctx.key.is_some() {
        // Decrypted notes and the passphrase must never reach a core file.
        coachbook::harden::disable_core_dumps()?;
    }
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Demo(args) => demo::run(args, &ctx, out)?,
        Command::Import(args) => import::run(args, &ctx, out)?,
        Command::ImportCsv(args) => import_csv::run(args, &ctx, out)?,
        Command::ImportNotes(args) => import_notes::run(args, &ctx, out)?,
        Command::Export(args) => export::run(args, &ctx, out)?,
        Command::Search(args) => search::run(args, &ctx, out)?,
        Command::Clients(args) => clients::run(args, &ctx, out)?,
        Command::Client(args) => client::run(args, &ctx, out)?,
        Command::Check(args) => return check::run(args, &ctx, out),
        Command::Backup(args) => backup::run(args, &ctx, out)?,
        Command::Backups(args) => backups::run(args, &ctx, out)?,
        Command::Restore(args) => restore::run(args, &ctx, out)?,
        Command::Report(args) => report::run(args, &ctx, out)?,
        Command::Passphrase(args) => passphrase::run(args, &ctx, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn db_path(cli_db: Option<PathBuf>) -> Result<PathBuf> {
    cli_db.or_else(store::default_db_path).ok_or_else(|| {
        Error::invalid(
            "--db",
            "no home folder found: give the database path with --db",
        )
    })
}

fn parse_client_id(field: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a client id")))
}

fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a date like 2026-03-31")))
}
