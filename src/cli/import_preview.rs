//! What `import-csv` and `import-notes` print: the plan before, the counts after.

use coachbook::import::{ImportPreview, Imported};
use coachbook::{Error, Result};
use std::io::Write;

pub fn print_plan(out: &mut impl Write, plan: &ImportPreview) -> Result<()> {
    writeln!(
        out,
        "Will create {} clients and {} sessions ({} clients already in the practice get sessions; {} sessions already there are skipped)",
        plan.new_clients, plan.sessions, plan.existing_clients, plan.duplicate_sessions
    )?;
    for c in &plan.clients {
        let email = if c.email.is_empty() {
            String::new()
        } else {
            format!(" <{}>", c.email)
        };
        let when = match (&c.first, &c.last) {
            (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
            (Some(a), _) => format!(", {a}"),
            _ => String::new(),
        };
        let existing = if c.existing {
            " (already in the practice)"
        } else {
            ""
        };
        let n = c.sessions;
        let sessions = if n == 1 {
            "1 session".to_string()
        } else {
            format!("{n} sessions")
        };
        writeln!(out, "  {}{email}{existing}: {sessions}{when}", c.name)?;
    }
    let more = plan.new_clients + plan.existing_clients - plan.clients.len() as u32;
    if more > 0 {
        writeln!(out, "  … and {more} more clients")?;
    }
    for n in &plan.notices {
        writeln!(out, "Note: {n}")?;
    }
    if plan.skipped_count > 0 {
        writeln!(out, "Left out ({}):", plan.skipped_count)?;
        for s in &plan.skipped {
            writeln!(out, "  {}: {}", s.what, s.why)?;
        }
    }
    if plan.problem_count > 0 {
        eprintln!("Problems ({}), nothing imported:", plan.problem_count);
        for p in &plan.problems {
            eprintln!("  {}: {}", p.at, p.message);
        }
    }
    Ok(())
}

/// The first problem (or the date question) as the command's error: exit 2.
pub fn refuse(plan: &ImportPreview) -> Result<()> {
    if let Some(p) = plan.problems.first() {
        let more = match plan.problem_count {
            0 | 1 => String::new(),
            n => format!(" (and {} more problems; nothing was imported)", n - 1),
        };
        return Err(Error::invalid(p.at.clone(), format!("{}{more}", p.message)));
    }
    if let Some(q) = &plan.ask_date_order {
        return Err(Error::invalid(
            "--dates",
            format!("{q}: add --dates dmy or --dates mdy"),
        ));
    }
    Ok(())
}

pub fn print_done(out: &mut impl Write, done: &Imported) -> Result<()> {
    writeln!(
        out,
        "Imported {} new clients and {} sessions ({} clients already in the practice; {} duplicate sessions skipped)",
        done.clients_created, done.sessions_created, done.clients_matched, done.duplicate_sessions
    )?;
    Ok(())
}
