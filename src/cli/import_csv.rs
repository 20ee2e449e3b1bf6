//! `coachbook import-csv FILE`: clients and sessions from a spreadsheet or a coaching
//! platform's CSV export, all or nothing. The columns are guessed from the headers;
//! `--map` corrects the guess, `--dry-run` shows the plan without writing.

use super::Ctx;
use super::import_preview::{print_plan, refuse};
use coachbook::import::{self, CsvField, CsvOptions, DateOrder, Zone, csv};
use coachbook::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    file: PathBuf,
    /// What a column holds, by header or number (1 is the first): `--map "Datum=session_date"`.
    /// Fields: client_name first_name last_name email phone organisation role tags background
    /// session_date session_time duration notes private_notes agenda takeaways next_steps
    /// status format medium ignore
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// How dates like 03/04/2026 read: dmy (3 April) or mdy (March 4); asked for only when
    /// the file does not settle it
    #[arg(long, value_parser = ["dmy", "mdy"])]
    dates: Option<String>,
    /// Show what would be imported, write nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn date_order(arg: Option<&str>) -> Option<DateOrder> {
    match arg {
        Some("dmy") => Some(DateOrder::DayFirst),
        Some("mdy") => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// Applies `--map` entries to the guessed mapping.
fn mapping(headers: &[String], guessed: Vec<CsvField>, map: &[String]) -> Result<Vec<CsvField>> {
    let mut mapping = guessed;
    for entry in map {
        let bad = |rule: String| Error::invalid("--map", rule);
        let (column, field) = entry
            .rsplit_once('=')
            .ok_or_else(|| bad(format!("{entry:?} is not COLUMN=FIELD")))?;
        let field = CsvField::parse(field).ok_or_else(|| {
            let names: Vec<&str> = CsvField::ALL.iter().map(|f| f.name()).collect();
            bad(format!(
                "{field:?} is not a field; one of: {}",
                names.join(", ")
            ))
        })?;
        let index = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
            .or_else(|| {
                column
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=headers.len()).contains(n))
                    .map(|n| n - 1)
            })
            .ok_or_else(|| {
                bad(format!(
                    "no column {column:?} (the headers: {})",
                    headers.join(", ")
                ))
            })?;
        // One column per field: the new choice takes it from any other column.
        if field != CsvField::Ignore {
            for f in mapping.iter_mut().filter(|f| **f == field) {
                *f = CsvField::Ignore;
            }
        }
        mapping[index] = field;
    }
    Ok(mapping)
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let file = import::check_path("FILE", &args.file, false, &ctx.db)?;
    let bytes = std::fs::read(&file)?;
    let mut store = ctx.open()?;
    let mut options = CsvOptions {
        mapping: None,
        dates: date_order(args.dates.as_deref()),
        zone: Zone::Local,
        now: coachbook::time::now(),
    };
    let guessed = csv::preview(store.conn(), &bytes, &options)?;
    options.mapping = Some(mapping(
        &guessed.headers,
        guessed.mapping.clone(),
        &args.map,
    )?);
    let preview = csv::preview(store.conn(), &bytes, &options)?;
    writeln!(out, "{}: {} rows", args.file.display(), preview.rows)?;
    for (header, field) in preview.headers.iter().zip(&preview.mapping) {
        writeln!(out, "  column {header:?} → {}", field.name())?;
    }
    print_plan(out, &preview.plan)?;
    refuse(&preview.plan)?;
    if args.dry_run {
        writeln!(out, "Dry run: nothing was written.")?;
        return Ok(());
    }
    let done = csv::import(&mut store, &bytes, &options)?;
    super::import_preview::print_done(out, &done)
}
