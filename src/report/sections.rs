//! The body of the report, one function per audience, each drawing only what its data
//! type holds (see data.rs).

use super::chart;
use super::data::{
    Attendance, ClientExposure, Contents, ForClient, ForCoach, ForSponsor, GoalTrend, Header,
    ReportData,
};
use super::doc::{CONFIDENTIAL, INK, MUTED};
use super::font::Style;
use super::layout::{BODY_SIZE, Layout, date};
use crate::model::{Assignment, Session};

/// Room for a record's heading line, a label and two lines under it, so a heading never ends
/// a page alone.
const KEEP_WITH_BODY: f32 = 10.5 * 1.45 + 8.0 * 1.45 + BODY_SIZE * 1.45 * 2.0 + 8.0;

pub(crate) fn body(l: &mut Layout, data: &ReportData) {
    let h = &data.header;
    match &data.contents {
        Contents::Client(c) => client(l, h, c),
        Contents::Sponsor(s) => sponsor(l, h, s),
        Contents::Coach(c) => coach(l, h, c),
    }
}

/// `one_to_one` → "one-to-one", `real_crisis` → "real crisis".
fn human(s: &str) -> String {
    match s {
        "one_to_one" => "one-to-one".into(),
        "role_play" => "role-play".into(),
        "no_show" => "no-show".into(),
        "self" => "self-rating".into(),
        other => other.replace('_', " "),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn minutes(m: i64) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn client(l: &mut Layout, h: &Header, c: &ForClient) {
    l.heading("Goals");
    if c.goals.is_empty() {
        l.line("No goals set yet.", BODY_SIZE, Style::Italic, MUTED);
    }
    for g in &c.goals {
        goal(l, h, &g.trend, &g.success_criteria);
    }
    l.heading("Sessions held");
    if c.sessions.is_empty() {
        l.line(
            "No sessions were held in this period.",
            BODY_SIZE,
            Style::Italic,
            MUTED,
        );
    }
    for s in &c.sessions {
        l.need(KEEP_WITH_BODY);
        l.line(
            &format!(
                "{} · {} · {} · {}",
                date(s.on),
                human(s.format.as_str()),
                human(s.medium.as_str()),
                minutes(s.minutes as i64)
            ),
            10.5,
            Style::Bold,
            INK,
        );
        text_block(l, "Takeaways", &s.takeaways, MUTED);
        text_block(l, "Next steps", &s.next_steps, MUTED);
        l.gap(6.0);
    }
    l.heading("Crisis exposures");
    if c.exposures.is_empty() {
        l.line(
            "No crisis exposures in this period.",
            BODY_SIZE,
            Style::Italic,
            MUTED,
        );
    }
    for e in &c.exposures {
        exposure_head(l, e);
        text_block(l, "Lessons", &e.lessons, MUTED);
        l.gap(6.0);
    }
    l.heading("Agreed next steps");
    if c.next_steps.trim().is_empty() {
        l.line("No next steps recorded.", BODY_SIZE, Style::Italic, MUTED);
    } else {
        l.markdown(&c.next_steps, 0.0);
    }
}

fn exposure_head(l: &mut Layout, e: &ClientExposure) {
    l.need(KEEP_WITH_BODY);
    l.line(&e.title, 10.5, Style::Bold, INK);
    let due = e
        .due_on
        .map(|d| format!(", due {}", date(d)))
        .unwrap_or_default();
    l.line(
        &format!(
            "{} · stakes {} of 5 · {} · assigned {}{due}",
            capital(&human(e.kind.as_str())),
            e.stakes,
            human(e.status.as_str()),
            date(e.assigned_on)
        ),
        8.5,
        Style::Regular,
        MUTED,
    );
}

fn sponsor(l: &mut Layout, h: &Header, s: &ForSponsor) {
    attendance(l, &s.attendance);
    l.heading("Goals and their trends");
    if s.goals.is_empty() {
        l.line("No goals set yet.", BODY_SIZE, Style::Italic, MUTED);
    }
    for g in &s.goals {
        goal(l, h, g, "");
    }
    l.heading("Crisis exposures by kind and stakes");
    if s.exposures.is_empty() {
        l.line(
            "No crisis exposures in this period.",
            BODY_SIZE,
            Style::Italic,
            MUTED,
        );
    }
    let cols = [0.0, 180.0, 260.0];
    if !s.exposures.is_empty() {
        l.need(BODY_SIZE * 1.45 * 2.0);
        let y = l.y + 8.0;
        for (x, t) in cols.iter().zip(["Kind", "Stakes (1–5)", "Exposures"]) {
            l.text_at(l.left + x, y, 8.5, Style::Bold, MUTED, t);
        }
        l.gap(BODY_SIZE * 1.6);
    }
    for (kind, stakes, n) in &s.exposures {
        l.need(BODY_SIZE * 1.45);
        let y = l.y + 9.0;
        let cells = [
            capital(&human(kind.as_str())),
            stakes.to_string(),
            n.to_string(),
        ];
        for (x, t) in cols.iter().zip(cells) {
            l.text_at(l.left + x, y, BODY_SIZE, Style::Regular, INK, &t);
        }
        l.gap(BODY_SIZE * 1.45);
    }
}

fn attendance(l: &mut Layout, a: &Attendance) {
    l.heading("Attendance");
    let rows = [
        (
            "Sessions held",
            format!("{} ({})", a.held, minutes(a.minutes_held)),
        ),
        ("Cancelled", a.cancelled.to_string()),
        ("No-show", a.no_show.to_string()),
        ("Planned, not yet held", a.planned.to_string()),
    ];
    for (name, value) in rows {
        l.need(BODY_SIZE * 1.45);
        let y = l.y + 9.0;
        l.text_at(l.left, y, BODY_SIZE, Style::Regular, MUTED, name);
        l.text_at(l.left + 140.0, y, BODY_SIZE, Style::Bold, INK, &value);
        l.gap(BODY_SIZE * 1.45);
    }
}

/// A goal's title, numbers, criteria and chart, kept on one page when they fit.
fn goal(l: &mut Layout, h: &Header, t: &GoalTrend, criteria: &str) {
    let has_chart = t.series.iter().any(|(_, p)| !p.is_empty());
    l.need(11.0 * 1.45 + 8.5 * 1.45 * 2.0 + if has_chart { chart::HEIGHT } else { 0.0 });
    l.gap(2.0);
    l.line(&t.title, 11.0, Style::Bold, INK);
    let latest = t.latest.map_or("no rating yet".into(), |s| s.to_string());
    let competency = t
        .competency
        .as_ref()
        .map(|c| format!("{c} · "))
        .unwrap_or_default();
    l.line(
        &format!(
            "{competency}{} · baseline {}, latest {latest}, target {}",
            human(t.status.as_str()),
            t.baseline,
            t.target
        ),
        8.5,
        Style::Regular,
        MUTED,
    );
    if !criteria.trim().is_empty() {
        l.spans(
            &[
                super::text::Span {
                    style: Style::Italic,
                    text: "Success looks like: ".into(),
                },
                super::text::Span {
                    style: Style::Regular,
                    text: criteria.split_whitespace().collect::<Vec<_>>().join(" "),
                },
            ],
            BODY_SIZE,
            0.0,
            INK,
        );
    }
    if has_chart {
        l.need(chart::HEIGHT);
        l.gap(4.0);
        let w = (l.right - l.left).min(420.0);
        for op in chart::chart(t, l.left, l.y, w, h.from, h.to) {
            l.push(op);
        }
        l.gap(chart::HEIGHT);
    }
    l.gap(8.0);
}

fn text_block(l: &mut Layout, label: &str, body: &str, color: super::doc::Rgb) {
    if body.trim().is_empty() {
        return;
    }
    l.label(label, color);
    l.markdown(body, 0.0);
}

fn coach(l: &mut Layout, h: &Header, c: &ForCoach) {
    attendance(l, &c.attendance);
    l.heading("Goals");
    if c.goals.is_empty() {
        l.line("No goals set yet.", BODY_SIZE, Style::Italic, MUTED);
    }
    for g in &c.goals {
        goal(l, h, &g.trend, &g.success_criteria);
        if !g.ratings.is_empty() {
            l.label("Ratings in this period", MUTED);
            for (on, rater, score, note) in &g.ratings {
                let note = if note.trim().is_empty() {
                    String::new()
                } else {
                    format!(
                        " — {}",
                        note.split_whitespace().collect::<Vec<_>>().join(" ")
                    )
                };
                l.line(
                    &format!(
                        "{} · {} · {score}{note}",
                        date(*on),
                        chart::rater_name(*rater)
                    ),
                    8.5,
                    Style::Regular,
                    INK,
                );
            }
            l.gap(6.0);
        }
    }
    l.heading("Sessions");
    if c.sessions.is_empty() {
        l.line(
            "No sessions in this period.",
            BODY_SIZE,
            Style::Italic,
            MUTED,
        );
    }
    for s in &c.sessions {
        session(l, s);
    }
    l.heading("Crisis exposures");
    if c.assignments.is_empty() {
        l.line(
            "No crisis exposures in this period.",
            BODY_SIZE,
            Style::Italic,
            MUTED,
        );
    }
    for a in &c.assignments {
        assignment(l, a);
    }
}

fn session(l: &mut Layout, s: &Session) {
    let d = &s.details;
    l.need(KEEP_WITH_BODY);
    l.line(
        &format!(
            "{} · {} · {} · {} · {}",
            d.starts_at.format("%-d %b %Y %H:%M"),
            human(d.format.as_str()),
            human(d.medium.as_str()),
            minutes(d.duration_minutes as i64),
            human(d.status.as_str())
        ),
        10.5,
        Style::Bold,
        INK,
    );
    text_block(l, "Agenda", &d.agenda, MUTED);
    text_block(l, "Notes", &d.notes, MUTED);
    text_block(l, "Private notes", &d.private_notes, CONFIDENTIAL);
    text_block(l, "Takeaways", &d.takeaways, MUTED);
    text_block(l, "Next steps", &d.next_steps, MUTED);
    l.gap(6.0);
}

fn assignment(l: &mut Layout, a: &Assignment) {
    let d = &a.details;
    exposure_head(
        l,
        &ClientExposure {
            title: d.title.clone(),
            kind: d.kind,
            stakes: d.stakes,
            status: d.status,
            assigned_on: d.assigned_on,
            due_on: d.due_on,
            lessons: String::new(),
        },
    );
    text_block(l, "Scenario", &d.scenario, MUTED);
    text_block(l, "Support plan", &d.support_plan, MUTED);
    if let Some(b) = &d.debrief {
        l.label(
            &format!(
                "Debrief on {} · composure {} of 5 · decision quality {} of 5",
                date(b.held_on),
                b.composure,
                b.decision_quality
            ),
            INK,
        );
        text_block(l, "What happened", &b.what_happened, MUTED);
        text_block(l, "What the client did", &b.client_actions, MUTED);
        text_block(l, "Outcome", &b.outcome, MUTED);
        text_block(l, "Lessons", &b.lessons, MUTED);
    }
    l.gap(6.0);
}
