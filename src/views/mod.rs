//! Read models for the app's screens: each one query-shaped for what a screen shows,
//! so the UI never assembles them from many calls.

pub mod client;
pub mod goals;
pub mod history;
pub mod today;

pub use client::{ClientOverview, GoalSummary, SessionPage, SessionSummary};
pub use goals::{GoalProgress, GoalStanding, GoalsOverview, LatestScore, RaterSeries, ScorePoint};
pub use today::{AssignmentDue, StaleGoal, Today, UpcomingSession};

/// The first meaningful line of some Markdown, without list or heading marks, shortened.
pub(crate) fn headline(text: &str, max: usize) -> String {
    let line = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '#', '>', ' '])
                .trim()
        })
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', ')'])
                .trim()
        })
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let plain = line.replace("**", "").replace('_', " ");
    if plain.chars().count() <= max {
        plain
    } else {
        let mut s: String = plain.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
