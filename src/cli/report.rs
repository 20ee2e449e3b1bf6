//! `coachbook report`: a PDF progress report for one client, period and audience.

use super::Ctx;
use coachbook::report::{self, Audience, Paper, ReportRequest};
use coachbook::{Error, Result};

use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The client's id (see `coachbook clients`)
    #[arg(long, value_name = "ID")]
    client: String,
    /// First day of the period (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    from: String,
    /// Last day of the period (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    to: String,
    /// client, sponsor or coach (the coach's file holds private notes)
    #[arg(long)]
    audience: String,
    /// a4 or letter
    #[arg(long, default_value = "a4")]
    paper: String,
    /// The PDF file to write
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// The same rule with the argument's name, so the one stderr line points at what to fix.
fn as_arg(arg: &str, e: Error) -> Error {
    match e {
        Error::Invalid { rule, .. } => Error::invalid(arg, rule),
        other => other,
    }
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let client_id = super::parse_client_id("--client", &args.client)?;
    let from = super::parse_date("--from", &args.from)?;
    let to = super::parse_date("--to", &args.to)?;
    let audience: Audience = args.audience.parse().map_err(|e| as_arg("--audience", e))?;
    let paper: Paper = args.paper.parse().map_err(|e| as_arg("--paper", e))?;
    let req = ReportRequest {
        client_id,
        from,
        to,
        audience,
        paper,
    };
    req.validate()
        .map_err(|_| Error::invalid("--to", format!("{to} is before --from {from}")))?;
    // Before anything is opened: never the practice's own files, a backups folder, or a
    // name without .pdf (the core checks again when it writes).
    coachbook::paths::check_output(
        &ctx.db,
        &args.out,
        coachbook::paths::Output::Report,
        "--out",
    )?;
    let store = ctx.open()?;
    if store.is_encrypted() {
        eprintln!("Warning: the database is encrypted, but the PDF is not: keep it safe.");
    }
    let started = std::time::Instant::now();
    let r = report::write(&store, &req, coachbook::time::now(), &args.out)?;
    writeln!(
        out,
        "Wrote {} ({} pages, {:.0} KB, {} ms)",
        args.out.display(),
        r.pages,
        r.pdf.len() as f64 / 1024.0,
        started.elapsed().as_millis()
    )?;
    if audience == Audience::Coach {
        eprintln!("This report holds private notes: keep it in the coach's own files.");
    }
    Ok(())
}
