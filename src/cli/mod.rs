//! The `coachbook` command line: parses arguments and calls the core. Exit codes: 0 ok,
//! 2 bad input (one line on stderr naming the field or argument), 1 anything else.

mod backup;
mod passphrase;
mod report;
mod show;

use crate::demo::{self, DemoOptions, Size};
use crate::export::{self, ImportOptions};
use crate::model::{EngagementStatus, Stage};
use crate::search;
use crate::store::{self, ClientFilter};
use crate::{Error, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
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
    Demo {
        /// small (8 clients), large (10 years, ~300 clients) or huge (10× large)
        #[arg(long, default_value = "small")]
        size: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The demo's "today" [default: today]; same seed and date, same practice
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Replace every client in a non-empty database
        #[arg(long)]
        force: bool,
    },
    /// Import a JSON export, all or nothing
    Import {
        file: PathBuf,
        /// Overwrite records whose id already exists
        #[arg(long)]
        update: bool,
    },
    /// Export the whole practice as JSON (`-` for standard output), or as Markdown files
    Export {
        /// The JSON file (`-` for standard output)
        #[arg(required_unless_present = "markdown", conflicts_with = "markdown")]
        file: Option<PathBuf>,
        /// Write Markdown instead: one folder per client, one file per session
        #[arg(long, value_name = "DIR")]
        markdown: Option<PathBuf>,
        /// With --markdown: include the coach's private notes
        #[arg(long)]
        include_private: bool,
    },
    /// Search the whole practice: notes, agendas, takeaways, goals, assignments, debriefs, clients
    #[command(
        after_help = "QUERY: words (all must match), \"exact phrases\", OR, NOT word or -word, word* for a prefix.\n\
                      Put -- before a query that starts with -."
    )]
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Only this client's records
        #[arg(long, value_name = "ID")]
        client: Option<String>,
        /// From this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Up to this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// session, goal, assignment, debrief, client, agenda, notes, private_notes,
        /// takeaways, next_steps, or a hit kind such as goal_title (repeatable)
        #[arg(long, value_name = "KIND")]
        kind: Vec<String>,
        /// Most hits to show
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// Leave out archived clients
        #[arg(long)]
        no_archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// List clients
    Clients {
        /// prospect, active, paused or completed
        #[arg(long)]
        status: Option<String>,
        /// aspiring, first_time_manager, manager_of_managers or executive
        #[arg(long)]
        stage: Option<String>,
        /// Include archived clients
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// One client
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
    /// Check the database: integrity, foreign keys, schema version
    Check {
        #[arg(long)]
        json: bool,
        /// First rebuild the full-text search index from the records (a repair)
        #[arg(long)]
        rebuild_search: bool,
    },
    /// Copy the database to DEST with SQLite's online backup (safe while the app runs)
    Backup { dest: PathBuf },
    /// Automatic backups: list them, or run one
    Backups {
        #[command(subcommand)]
        command: backup::BackupsCommand,
    },
    /// Replace the database with a backup; the current file is kept in the backups folder
    /// first, and a damaged or foreign file is refused. Close the app first.
    /// The backup's passphrase, when it differs from the current one, comes from
    /// COACHBOOK_BACKUP_PASSPHRASE.
    Restore {
        backup: PathBuf,
        /// The backups folder [default: backups/ beside the database]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// A PDF progress report for one client and period, for the client, the sponsor or the coach
    Report(report::ReportArgs),
    /// Encrypt the database with a passphrase, change it, or remove it
    Passphrase {
        #[command(subcommand)]
        command: passphrase::PassphraseCommand,
    },
}

#[derive(Subcommand)]
enum ClientCommand {
    /// A client's profile, goals, sessions and assignments
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
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

fn db_path(cli_db: Option<PathBuf>) -> Result<PathBuf> {
    cli_db.or_else(store::default_db_path).ok_or_else(|| {
        Error::invalid(
            "--db",
            "no home folder found: give the database path with --db",
        )
    })
}

fn parse_id(text: &str) -> Result<Uuid> {
    parse_client_id("ID", text)
}

fn parse_client_id(field: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a client id")))
}

fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| Error::invalid(field, format!("{text:?} is not a date like 2026-03-31")))
}

fn run(cli: Cli) -> Result<ExitCode> {
    let path = db_path(cli.db)?;
    let key = passphrase::current(cli.passphrase_stdin)?;
    let key = key.as_ref();
    let open = |path: &Path| passphrase::open(path, key);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Demo {
            size,
            seed,
            as_of,
            force,
        } => {
            let size = Size::parse(&size).map_err(|_| {
                Error::invalid("--size", format!("{size:?}: expected small, large or huge"))
            })?;
            let as_of = match as_of {
                Some(d) => parse_date("--as-of", &d)?,
                None => chrono::Local::now().date_naive(),
            };
            let mut store = open(&path)?;
            if force {
                demo::clear(&mut store)?;
            }
            let started = std::time::Instant::now();
            let summary = demo::seed(&mut store, &DemoOptions { size, seed, as_of })?;
            writeln!(
                out,
                "Demo practice written to {} in {:.1} s: {} clients, {} goals, {} check-ins, {} sessions, {} assignments",
                path.display(),
                started.elapsed().as_secs_f64(),
                summary.clients,
                summary.goals,
                summary.check_ins,
                summary.sessions,
                summary.assignments
            )?;
        }
        Command::Import { file, update } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                Error::invalid("FILE", format!("cannot read {}: {e}", file.display()))
            })?;
            let mut store = open(&path)?;
            let s = export::import_json(&mut store, &text, ImportOptions { update })?;
            writeln!(
                out,
                "Imported {} clients, {} goals, {} check-ins, {} sessions, {} assignments",
                s.clients, s.goals, s.check_ins, s.sessions, s.assignments
            )?;
        }
        Command::Export {
            file,
            markdown,
            include_private,
        } => {
            if include_private && markdown.is_none() {
                return Err(Error::invalid(
                    "--include-private",
                    "goes with --markdown (a JSON export always holds private notes)",
                ));
            }
            let store = open(&path)?;
            if store.is_encrypted() {
                eprintln!(
                    "Warning: the database is encrypted, but this export is plain text: \
                     anyone who can read it can read every note."
                );
            }
            if let Some(dir) = markdown {
                let started = std::time::Instant::now();
                let s = export::export_markdown(
                    &store,
                    &dir,
                    &export::MarkdownOptions { include_private },
                )?;
                writeln!(
                    out,
                    "Exported {} sessions of {} clients as Markdown to {} in {:.1} s",
                    s.sessions,
                    s.clients,
                    dir.display(),
                    started.elapsed().as_secs_f64()
                )?;
                eprintln!(
                    "{}",
                    if include_private {
                        "Plain text with private notes: keep it safe."
                    } else {
                        "Private notes left out (add --include-private for the coach's own archive)."
                    }
                );
                return Ok(ExitCode::SUCCESS);
            }
            let Some(file) = file else {
                return Err(Error::invalid(
                    "FILE",
                    "give a file, `-`, or --markdown DIR",
                ));
            };
            let json = export::export_json(&store, crate::time::now())?;
            if file == Path::new("-") {
                out.write_all(json.as_bytes())?;
            } else {
                write_atomically(&file, json.as_bytes())?;
                eprintln!(
                    "Exported to {} — plain text: it holds private notes, keep it safe.",
                    file.display()
                );
            }
        }
        Command::Search {
            query,
            client,
            from,
            to,
            kind,
            limit,
            no_archived,
            json,
        } => {
            let client_id = client
                .map(|c| parse_client_id("--client", &c))
                .transpose()?;
            let from = from.map(|d| parse_date("--from", &d)).transpose()?;
            let to = to.map(|d| parse_date("--to", &d)).transpose()?;
            if let (Some(f), Some(t)) = (from, to)
                && t < f
            {
                return Err(Error::invalid("--to", format!("{t} is before --from {f}")));
            }
            if !(1..=search::MAX_LIMIT).contains(&limit) {
                return Err(Error::invalid(
                    "--limit",
                    format!("must be between 1 and {}", search::MAX_LIMIT),
                ));
            }
            let mut kinds = Vec::new();
            for k in &kind {
                kinds.extend(search::SearchKind::parse_group(k, "--kind")?);
            }
            let store = open(&path)?;
            if let Some(id) = client_id {
                store.client(id)?;
            }
            let q = search::SearchQuery {
                text: query.join(" "),
                client_id,
                from,
                to,
                kinds,
                limit,
                prefix_last: false,
                exclude_archived: no_archived,
            };
            let groups = search::group_by_client(search::search(&store, &q)?);
            if json {
                serde_json::to_writer_pretty(&mut out, &groups)?;
                writeln!(out)?;
            } else {
                show::search(&mut out, &groups)?;
            }
        }
        Command::Clients {
            status,
            stage,
            archived,
            json,
        } => {
            let filter = ClientFilter {
                status: status
                    .map(|s| EngagementStatus::parse(&s, "--status"))
                    .transpose()?,
                stage: stage.map(|s| Stage::parse(&s, "--stage")).transpose()?,
                include_archived: archived,
            };
            let store = open(&path)?;
            let list = store.list_clients(&filter)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &list)?;
                writeln!(out)?;
            } else {
                show::clients(&mut out, &list)?;
            }
        }
        Command::Client {
            command: ClientCommand::Show { id, json },
        } => {
            let id = parse_id(&id)?;
            let store = open(&path)?;
            let history = crate::history::ClientHistory::load(&store, id)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &history)?;
                writeln!(out)?;
            } else {
                show::client(&mut out, &history)?;
            }
        }
        Command::Check {
            json,
            rebuild_search,
        } => {
            let mut store = open(&path)?;
            if rebuild_search {
                let started = std::time::Instant::now();
                search::rebuild_index(&mut store)?;
                eprintln!(
                    "Search index rebuilt in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
            let report = store.check()?;
            if json {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            } else {
                show::check(&mut out, &report)?;
            }
            if !report.is_ok() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Backup { dest } => {
            let store = open(&path)?;
            let started = std::time::Instant::now();
            store.backup_to(&dest)?;
            let size = std::fs::metadata(&dest)?.len();
            writeln!(
                out,
                "Backed up to {} ({:.1} MB, {:.2} s), integrity checked",
                dest.display(),
                size as f64 / 1e6,
                started.elapsed().as_secs_f64()
            )?;
        }
        Command::Backups { command } => backup::backups(&mut out, &path, key, command)?,
        Command::Restore { backup, dir } => {
            let backup_key = passphrase::for_backup(key)?;
            let keys = crate::backup::RestoreKeys {
                current: key,
                backup: backup_key.as_ref(),
            };
            backup::restore(&mut out, &path, &backup, dir, keys)?
        }
        Command::Passphrase { command } => passphrase::run(&mut out, &path, key, command)?,
        Command::Report(args) => report::report(&mut out, &path, key, args)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Write to a temporary file beside `dest`, then rename: a crash leaves the old file or
/// the new one, never half of one.
fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = dest.with_extension("partial");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, dest)?;
    Ok(())
}
