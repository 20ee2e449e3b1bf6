//! `coachbook check`: integrity, foreign keys, schema version; exit 1 when something is wrong.

use super::Ctx;
use coachbook::Result;
use coachbook::search;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
    /// First rebuild the full-text search index from the records (a repair)
    #[arg(long)]
    rebuild_search: bool,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<ExitCode> {
    let mut store = ctx.open()?;
    if args.rebuild_search {
        let started = std::time::Instant::now();
        search::rebuild_index(&mut store)?;
        eprintln!(
            "Search index rebuilt in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let report = store.check()?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        super::print::check(out, &report)?;
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
