//! `coachbook import-notes DIR`: a session per dated Markdown note of a folder (an Obsidian
//! vault), all or nothing; `--dry-run` shows the plan without writing.

use super::Ctx;
use super::import_preview::{print_done, print_plan, refuse};
use coachbook::Result;
use coachbook::import::{self, ClientFrom, NotesOptions, Zone, notes};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    dir: PathBuf,
    /// Whose session a note is: the folder it is in, or its front matter's `client:`
    /// [default: the front matter when the note has it, else the folder]
    #[arg(long, value_parser = ["folder", "front-matter"])]
    client_from: Option<String>,
    /// How dates like 03-04-2026 read: dmy or mdy; asked for only when the notes do not settle it
    #[arg(long, value_parser = ["dmy", "mdy"])]
    dates: Option<String>,
    /// Put the text in the sessions' private notes (the coach's alone) instead of their notes
    #[arg(long)]
    private: bool,
    /// Show what would be imported, write nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let dir = import::check_path("DIR", &args.dir, true, &ctx.db)?;
    let mut store = ctx.open()?;
    let options = NotesOptions {
        client_from: match args.client_from.as_deref() {
            Some("folder") => ClientFrom::Folder,
            Some("front-matter") => ClientFrom::FrontMatter,
            _ => ClientFrom::Auto,
        },
        dates: super::import_csv::date_order(args.dates.as_deref()),
        private: args.private,
        zone: Zone::Local,
        now: coachbook::time::now(),
    };
    let folder = notes::read_folder(&dir)?;
    let plan = notes::plan(store.conn(), &folder, &options)?.preview();
    writeln!(out, "{}: {} notes", args.dir.display(), folder.notes.len())?;
    print_plan(out, &plan)?;
    refuse(&plan)?;
    if args.dry_run {
        writeln!(out, "Dry run: nothing was written.")?;
        return Ok(());
    }
    let done = notes::import(&mut store, &dir, &options)?;
    print_done(out, &done)
}
