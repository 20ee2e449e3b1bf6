//! `coachbook clients`: the client list, filtered.

use super::Ctx;
use coachbook::Result;
use coachbook::model::{EngagementStatus, Stage};
use coachbook::store::ClientFilter;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let filter = ClientFilter {
        status: args
            .status
            .map(|s| EngagementStatus::parse(&s, "--status"))
            .transpose()?,
        stage: args
            .stage
            .map(|s| Stage::parse(&s, "--stage"))
            .transpose()?,
        include_archived: args.archived,
    };
    let store = ctx.open()?;
    let list = store.list_clients(&filter)?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        super::print::clients(out, &list)?;
    }
    Ok(())
}
