//! Plain-text views for the terminal.

use coachbook::Result;
use coachbook::search::ClientHits;
use coachbook::store::{CheckReport, ClientSummary};
use coachbook::views::history::ClientHistory as History;
use std::io::Write;

pub fn clients(out: &mut impl Write, list: &[ClientSummary]) -> Result<()> {
    if list.is_empty() {
        writeln!(
            out,
            "No clients yet. Try `coachbook demo` for a demo practice."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<36}  {:<28}  {:<26}  {:<10}  {:>8}",
        "ID", "NAME", "ORGANISATION", "STATUS", "SESSIONS"
    )?;
    for c in list {
        writeln!(
            out,
            "{:<36}  {:<28}  {:<26}  {:<10}  {:>8}{}",
            c.id,
            clip(&c.name, 28),
            clip(&c.organisation, 26),
            c.status.as_str(),
            c.sessions_held,
            if c.archived { "  (archived)" } else { "" }
        )?;
    }
    writeln!(out, "{} clients", list.len())?;
    Ok(())
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

pub fn client(out: &mut impl Write, h: &History) -> Result<()> {
    let d = &h.client.details;
    writeln!(out, "{} — {}, {}", d.name, d.role, d.organisation)?;
    writeln!(
        out,
        "  id {}  ·  {}  ·  {}",
        h.client.id,
        d.stage.as_str(),
        d.status.as_str()
    )?;
    if !d.sponsor_name.is_empty() {
        writeln!(out, "  sponsor: {} <{}>", d.sponsor_name, d.sponsor_email)?;
    }
    writeln!(out, "\nGoals ({})", h.goals.len())?;
    for g in &h.goals {
        let latest = g
            .check_ins
            .last()
            .map_or("–".to_string(), |c| c.details.score.to_string());
        let gd = &g.goal.details;
        writeln!(
            out,
            "  [{}] {}  baseline {} → latest {} → target {}  ({} check-ins)",
            gd.status.as_str(),
            gd.title,
            gd.baseline,
            latest,
            gd.target,
            g.check_ins.len()
        )?;
    }
    writeln!(out, "\nSessions ({}), newest first", h.sessions.len())?;
    for s in h.sessions.iter().rev().take(10) {
        let sd = &s.details;
        writeln!(
            out,
            "  {}  {:>3} min  {:<11} {:<9}  {}",
            sd.starts_at.format("%Y-%m-%d %H:%M %:z"),
            sd.duration_minutes,
            sd.format.as_str(),
            sd.status.as_str(),
            sd.takeaways
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("- ")
        )?;
    }
    if h.sessions.len() > 10 {
        writeln!(out, "  … and {} earlier", h.sessions.len() - 10)?;
    }
    writeln!(
        out,
        "\nCrisis-exposure assignments ({})",
        h.assignments.len()
    )?;
    for a in &h.assignments {
        let ad = &a.details;
        writeln!(
            out,
            "  {}  stakes {}  {:<18} {:<10}  {}",
            ad.assigned_on,
            ad.stakes,
            ad.kind.as_str(),
            ad.status.as_str(),
            ad.title
        )?;
    }
    Ok(())
}

pub fn check(out: &mut impl Write, r: &CheckReport) -> Result<()> {
    writeln!(out, "Database: {}", r.path)?;
    writeln!(
        out,
        "Schema version: {} (this Coachbook: {})",
        r.schema_version, r.latest_schema_version
    )?;
    writeln!(out, "Integrity: {}", r.integrity.join("; "))?;
    writeln!(out, "Foreign-key problems: {}", r.foreign_key_problems)?;
    writeln!(
        out,
        "Search index: {}",
        if r.search_index_ok {
            "ok"
        } else {
            "out of step with the records — `coachbook check --rebuild-search` rebuilds it"
        }
    )?;
    let c = &r.counts;
    writeln!(
        out,
        "Records: {} clients, {} goals, {} check-ins, {} sessions, {} assignments",
        c.clients, c.goals, c.check_ins, c.sessions, c.assignments
    )?;
    writeln!(out, "{}", if r.is_ok() { "OK" } else { "PROBLEMS FOUND" })?;
    Ok(())
}

/// Search hits grouped by client, a snippet per hit and the id to open it with.
pub fn search(out: &mut impl Write, groups: &[ClientHits]) -> Result<()> {
    if groups.is_empty() {
        writeln!(out, "No matches.")?;
        return Ok(());
    }
    let mut total = 0;
    for g in groups {
        writeln!(
            out,
            "{}{}  [client {}]",
            g.client_name,
            if g.client_archived { " (archived)" } else { "" },
            g.client_id
        )?;
        for h in &g.hits {
            let date = h.date.map_or("          ".to_string(), |d| d.to_string());
            writeln!(
                out,
                "  {date}  {:<23}  {}{}",
                h.kind.label(),
                if h.is_private { "[private] " } else { "" },
                h.snippet
            )?;
            writeln!(out, "  {:10}  {} {}", "", h.record.as_str(), h.record_id)?;
            total += 1;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{total} hits for {} clients (matches between « and »)",
        groups.len()
    )?;
    Ok(())
}
