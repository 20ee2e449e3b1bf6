//! `coachbook search QUERY`: the whole practice's full-text index, grouped by client.

use super::Ctx;
use coachbook::search;
use coachbook::{Error, Result};
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let client_id = args
        .client
        .map(|c| super::parse_client_id("--client", &c))
        .transpose()?;
    let from = args
        .from
        .map(|d| super::parse_date("--from", &d))
        .transpose()?;
    let to = args.to.map(|d| super::parse_date("--to", &d)).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(Error::invalid("--to", format!("{t} is before --from {f}")));
    }
    if !(1..=search::MAX_LIMIT).contains(&args.limit) {
        return Err(Error::invalid(
            "--limit",
            format!("must be between 1 and {}", search::MAX_LIMIT),
        ));
    }
    let mut kinds = Vec::new();
    for k in &args.kind {
        kinds.extend(search::SearchKind::parse_group(k, "--kind")?);
    }
    let store = ctx.open()?;
    if let Some(id) = client_id {
        store.client(id)?;
    }
    let q = search::SearchQuery {
        text: args.query.join(" "),
        client_id,
        from,
        to,
        kinds,
        limit: args.limit,
        prefix_last: false,
        exclude_archived: args.no_archived,
    };
    let groups = search::group_by_client(search::search(&store, &q)?);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &groups)?;
        writeln!(out)?;
    } else {
        super::print::search(out, &groups)?;
    }
    Ok(())
}
