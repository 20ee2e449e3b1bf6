//! `cargo bench --bench report` (part of `make bench`): PDF progress reports on the large
//! demo practice for the client with the most sessions, whole engagement, each audience:
//! time and size. For comparison, the same content written as HTML with inline SVG charts
//! and printed by headless Chromium (Debian's `chromium`), timed as a whole process.

use coachbook::Store;
use coachbook::demo::{DemoOptions, Size};
use coachbook::model::{AssignmentStatus, SessionStatus};
use coachbook::report::{self, Audience, Paper, ReportRequest};
use coachbook::store::ClientFilter;
use coachbook::views::history::ClientHistory;
use common::{Row, measure, print_table, row_of};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

const TARGET_MS: f64 = 100.0;
const TARGET_KB: f64 = 500.0;

fn main() {
    if !common::benchmarking() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("large.db")).expect("open");
    let as_of = "2026-11-24".parse().expect("date");
    coachbook::demo::seed(
        &mut store,
        &DemoOptions {
            size: Size::Large,
            seed: 1,
            as_of,
        },
    )
    .expect("demo");
    let filter = ClientFilter {
        include_archived: true,
        ..Default::default()
    };
    let busiest = store
        .list_clients(&filter)
        .expect("list")
        .into_iter()
        .max_by_key(|c| c.sessions_held)
        .expect("a client");
    let history = ClientHistory::load(&store, busiest.id).expect("history");
    let first = history
        .sessions
        .first()
        .map(|s| s.details.starts_at.date_naive())
        .unwrap_or(as_of);
    let from = history
        .client
        .details
        .engagement_start
        .map_or(first, |d| d.min(first));
    let now = "2026-11-24T12:00:00Z".parse().expect("time");
    let chromium = chromium_path();
    let mut rows: Vec<Row> = Vec::new();
    let mut ratios = Vec::new();
    for audience in Audience::ALL {
        let req = ReportRequest {
            client_id: busiest.id,
            from,
            to: as_of,
            audience,
            paper: Paper::A4,
        };
        let r = report::render(&store, &req, now).expect("report");
        let kb = r.pdf.len() as f64 / 1024.0;
        let row = measure(
            &format!("report, {} (printpdf)", audience.as_str()),
            30,
            &format!(
                "{} pages, {kb:.0} KB{}",
                r.pages,
                if kb > TARGET_KB { " OVER 500 KB" } else { "" }
            ),
            |_| {
                report::render(&store, &req, now).expect("report");
            },
        );
        let ours = row.p50;
        if ours.as_secs_f64() * 1000.0 > TARGET_MS {
            rows.push(row_of(
                "  ^ over the 100 ms target",
                vec![ours],
                String::new(),
            ));
        }
        rows.push(row);
        rows.push(measure(
            &format!("preview, {} (page 1 as SVG)", audience.as_str()),
            30,
            "",
            |_| {
                report::preview(&store, &req, now).expect("preview");
            },
        ));
        let html = html_report(&history, audience, from, as_of);
        let html_path = dir.path().join(format!("{}.html", audience.as_str()));
        std::fs::write(&html_path, html).expect("write html");
        if let Some(chromium) = &chromium {
            let out = dir
                .path()
                .join(format!("{}-chromium.pdf", audience.as_str()));
            let times: Vec<Duration> = (0..3)
                .map(|_| print_with_chromium(chromium, &html_path, &out))
                .collect();
            let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            let row = row_of(
                &format!(
                    "same content, HTML → headless Chromium ({})",
                    audience.as_str()
                ),
                times,
                format!("{:.0} KB, whole process", size as f64 / 1024.0),
            );
            ratios.push((audience, row.p50.as_secs_f64() / ours.as_secs_f64()));
            rows.push(row);
        }
    }
    print_table(
        &format!(
            "Reports: {} ({} sessions), {from} – {as_of}",
            busiest.name,
            history.sessions.len()
        ),
        &rows,
    );
    if chromium.is_none() {
        println!(
            "chromium not found: install it (scripts/install-deps.sh --bench) for the comparison"
        );
    }
    for (a, ratio) in ratios {
        println!("Chromium / printpdf, {}: {ratio:.0}× slower", a.as_str());
    }
}

fn chromium_path() -> Option<String> {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_string)
}

fn print_with_chromium(chromium: &str, html: &Path, out: &Path) -> Duration {
    let profile = tempfile::tempdir().expect("profile dir");
    let t = Instant::now();
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    let elapsed = t.elapsed();
    assert!(status.status.success(), "chromium failed");
    elapsed
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Markdown as paragraphs, the way a quick HTML report would show it.
fn md(s: &str) -> String {
    s.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", esc(p)))
        .collect()
}

/// The report's content as one HTML page: the same sections per audience, a 420×110 inline
/// SVG chart per goal, print CSS for A4.
fn html_report(
    h: &ClientHistory,
    audience: Audience,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><meta charset=utf-8><title>Progress report</title><style>\
         @page{{size:A4;margin:20mm}} body{{font-family:'Noto Sans',sans-serif;font-size:9.5pt}}\
         h2{{color:#1d4e89;border-bottom:1px solid #ccc}} .chart{{break-inside:avoid}}</style>\
         <h1>Progress report</h1><p>{} · {from} – {to} · {}</p>",
        esc(&h.client.details.name),
        audience.as_str()
    );
    let in_period = |d: chrono::NaiveDate| d >= from && d <= to;
    let sessions: Vec<_> = h
        .sessions
        .iter()
        .filter(|s| in_period(s.details.starts_at.date_naive()))
        .collect();
    if audience != Audience::Client {
        let held: Vec<_> = sessions
            .iter()
            .filter(|s| s.details.status == SessionStatus::Held)
            .collect();
        let minutes: i32 = held.iter().map(|s| s.details.duration_minutes).sum();
        let _ = write!(
            o,
            "<h2>Attendance</h2><p>Sessions held {} ({} min)</p>",
            held.len(),
            minutes
        );
    }
    o.push_str("<h2>Goals</h2>");
    for g in &h.goals {
        let d = &g.goal.details;
        let _ = write!(
            o,
            "<div class=chart><h3>{}</h3><p>baseline {}, target {}</p>{}</div>",
            esc(&d.title),
            d.baseline,
            d.target,
            svg_chart(g, to)
        );
        if audience == Audience::Coach {
            for c in g.check_ins.iter().filter(|c| in_period(c.details.on)) {
                let _ = write!(
                    o,
                    "<div>{} · {} · {} — {}</div>",
                    c.details.on,
                    c.details.rater,
                    c.details.score,
                    esc(&c.details.note)
                );
            }
        }
    }
    if audience != Audience::Sponsor {
        o.push_str("<h2>Sessions</h2>");
        for s in &sessions {
            let d = &s.details;
            if audience == Audience::Client && d.status != SessionStatus::Held {
                continue;
            }
            let _ = write!(o, "<h3>{} · {}</h3>", d.starts_at.date_naive(), d.format);
            if audience == Audience::Coach {
                let _ = write!(
                    o,
                    "<h4>Agenda</h4>{}<h4>Notes</h4>{}<h4>Private notes</h4>{}",
                    md(&d.agenda),
                    md(&d.notes),
                    md(&d.private_notes)
                );
            }
            let _ = write!(
                o,
                "<h4>Takeaways</h4>{}<h4>Next steps</h4>{}",
                md(&d.takeaways),
                md(&d.next_steps)
            );
        }
    }
    o.push_str("<h2>Crisis exposures</h2>");
    for a in &h.assignments {
        let d = &a.details;
        if d.status == AssignmentStatus::Withdrawn || d.assigned_on > to {
            continue;
        }
        if audience == Audience::Sponsor {
            let _ = write!(o, "<div>{} · stakes {}</div>", d.kind, d.stakes);
            continue;
        }
        let _ = write!(o, "<h3>{}</h3>", esc(&d.title));
        if let Some(b) = &d.debrief {
            if audience == Audience::Coach {
                let _ = write!(
                    o,
                    "{}{}{}{}",
                    md(&d.scenario),
                    md(&b.what_happened),
                    md(&b.client_actions),
                    md(&b.outcome)
                );
            }
            o.push_str(&md(&b.lessons));
        }
    }
    o
}

fn svg_chart(g: &coachbook::export::GoalRecord, to: chrono::NaiveDate) -> String {
    let first = g.check_ins.iter().map(|c| c.details.on).min().unwrap_or(to);
    let days = (to - first).num_days().max(1) as f64;
    let mut series: std::collections::BTreeMap<_, Vec<String>> = Default::default();
    for c in &g.check_ins {
        let x = 20.0 + 340.0 * (c.details.on - first).num_days() as f64 / days;
        let y = 100.0 - 9.0 * c.details.score as f64;
        series
            .entry(c.details.rater)
            .or_default()
            .push(format!("{x:.1},{y:.1}"));
    }
    let mut s = String::from("<svg width=420 height=110 viewBox='0 0 420 110'>");
    for (i, v) in [g.goal.details.baseline, g.goal.details.target]
        .iter()
        .enumerate()
    {
        let y = 100.0 - 9.0 * *v as f64;
        let _ = write!(
            s,
            "<line x1=20 x2=360 y1={y} y2={y} stroke='{}' stroke-dasharray='3 2'/>",
            ["#5b6470", "#1b7f3b"][i]
        );
    }
    for (i, pts) in series.values().enumerate() {
        let _ = write!(
            s,
            "<polyline fill=none stroke-width=1.4 stroke='{}' points='{}'/>",
            ["#2563eb", "#d97706", "#7c3aed", "#0e7c86", "#be185d"][i % 5],
            pts.join(" ")
        );
    }
    s.push_str("</svg>");
    s
}
