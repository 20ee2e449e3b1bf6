//! `coachbook import FILE.json`: a JSON export, all or nothing.

use super::Ctx;
use coachbook::export::{self, ImportOptions};
use coachbook::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    file: PathBuf,
    /// Overwrite records whose id already exists
    #[arg(long)]
    update: bool,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let file = &args.file;
    let text = std::fs::read_to_string(file)
        .map_err(|e| Error::invalid("FILE", format!("cannot read {}: {e}", file.display())))?;
    let mut store = ctx.open()?;
    let update = args.update;
    let s = export::import_json(&mut store, &text, ImportOptions { update })?;
    writeln!(
        out,
        "Imported {} clients, {} goals, {} check-ins, {} sessions, {} assignments",
        s.clients, s.goals, s.check_ins, s.sessions, s.assignments
    )?;
    Ok(())
}
