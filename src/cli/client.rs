//! `coachbook client show ID`: one client's profile, goals, sessions and assignments.

use super::Ctx;
use coachbook::Result;
use coachbook::views::history::ClientHistory;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// A client's profile, goals, sessions and assignments
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let Command::Show { id, json } = args.command;
    let id = super::parse_client_id("ID", &id)?;
    let store = ctx.open()?;
    let history = ClientHistory::load(&store, id)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &history)?;
        writeln!(out)?;
    } else {
        super::print::client(out, &history)?;
    }
    Ok(())
}
