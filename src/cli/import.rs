//! `coachbook import FILE.json`: a JSON export, all or nothing.

use super::Ctx;
use coachbook::Result;
use coachbook::export::{self, ImportOptions};
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
    let text = export::read_import_file(file, "FILE")?;
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
