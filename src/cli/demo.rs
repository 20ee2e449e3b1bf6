//! `coachbook demo`: fill an empty database with a realistic demo practice.

use super::Ctx;
use coachbook::demo::{self, DemoOptions, Size};
use coachbook::{Error, Result};
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let size = Size::parse(&args.size).map_err(|_| {
        Error::invalid(
            "--size",
            format!("{:?}: expected small, large or huge", args.size),
        )
    })?;
    let as_of = match args.as_of {
        Some(d) => super::parse_date("--as-of", &d)?,
        None => chrono::Local::now().date_naive(),
    };
    let mut store = ctx.open()?;
    if args.force {
        demo::clear(&mut store)?;
    }
    let started = std::time::Instant::now();
    let seed = args.seed;
    let summary = demo::seed(&mut store, &DemoOptions { size, seed, as_of })?;
    writeln!(
        out,
        "Demo practice written to {} in {:.1} s: {} clients, {} goals, {} check-ins, {} sessions, {} assignments",
        ctx.db.display(),
        started.elapsed().as_secs_f64(),
        summary.clients,
        summary.goals,
        summary.check_ins,
        summary.sessions,
        summary.assignments
    )?;
    Ok(())
}
