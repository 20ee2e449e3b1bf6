//! The screens' read models: Today and the client overview.

use crate::common::*;
use chrono::{DateTime, Utc};
use coachbook::model::*;
use coachbook::views::{ClientOverview, Today, client::session_page};

fn now() -> DateTime<Utc> {
    "2026-03-10T08:00:00Z".parse().unwrap()
}

#[test]
fn today_lists_upcoming_sessions_due_assignments_and_stale_goals() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let archived = t.store.create_client(client_details("Gone")).unwrap();

    let mut next = session_details(vec![]);
    next.status = SessionStatus::Planned;
    next.starts_at = local("2026-03-10T14:00:00+01:00");
    let next = t.store.create_session(c.id, next).unwrap();
    let mut past = session_details(vec![]);
    past.status = SessionStatus::Planned;
    past.starts_at = local("2026-03-01T14:00:00+01:00");
    t.store.create_session(c.id, past).unwrap();
    let mut hidden = session_details(vec![]);
    hidden.status = SessionStatus::Planned;
    hidden.starts_at = local("2026-03-11T14:00:00+01:00");
    t.store.create_session(archived.id, hidden).unwrap();

    let mut due = assignment_details(2, "");
    due.status = AssignmentStatus::Active;
    due.due_on = Some(date("2026-03-15"));
    let due = t.store.create_assignment(c.id, due).unwrap();
    let mut later = assignment_details(2, "");
    later.status = AssignmentStatus::Active;
    later.due_on = Some(date("2026-06-15"));
    t.store.create_assignment(c.id, later).unwrap();
    let mut done = assignment_details(2, "");
    done.status = AssignmentStatus::Completed;
    let done = t.store.create_assignment(c.id, done).unwrap();

    let stale = t.store.create_goal(c.id, goal_details("Stale")).unwrap();
    t.store
        .add_check_in(
            stale.id,
            CheckInDetails {
                on: date("2026-02-01"),
                ..check_in_details(4, None)
            },
        )
        .unwrap();
    let fresh = t.store.create_goal(c.id, goal_details("Fresh")).unwrap();
    t.store
        .add_check_in(
            fresh.id,
            CheckInDetails {
                on: date("2026-03-05"),
                ..check_in_details(4, None)
            },
        )
        .unwrap();
    let never = t
        .store
        .create_goal(c.id, goal_details("Never rated"))
        .unwrap();

    t.store.set_client_archived(archived.id, true).unwrap();
    let today = Today::load(&t.store, now(), date("2026-03-10")).unwrap();

    assert_eq!(
        today
            .upcoming_sessions
            .iter()
            .map(|s| s.session_id)
            .collect::<Vec<_>>(),
        [next.id]
    );
    assert_eq!(today.upcoming_sessions[0].client_name, "Zoë");
    let ids: Vec<_> = today.assignments.iter().map(|a| a.assignment_id).collect();
    assert_eq!(
        ids,
        [done.id, due.id],
        "awaiting debrief first, then by due date"
    );
    assert!(today.assignments[0].awaiting_debrief);
    let stale_ids: Vec<_> = today.stale_goals.iter().map(|g| g.goal_id).collect();
    assert_eq!(stale_ids, [never.id, stale.id]);
    assert_eq!(today.stale_goals[1].last_check_in, Some(date("2026-02-01")));
}

#[test]
fn the_client_overview_summarises_goals_and_pages_sessions_newest_first() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    t.store
        .add_check_in(
            g.id,
            CheckInDetails {
                on: date("2026-03-01"),
                ..check_in_details(4, None)
            },
        )
        .unwrap();
    t.store
        .add_check_in(
            g.id,
            CheckInDetails {
                on: date("2026-03-08"),
                ..check_in_details(6, None)
            },
        )
        .unwrap();
    for day in 1..=60 {
        let mut d = session_details(vec![g.id]);
        d.starts_at = local("2026-01-01T09:00:00+01:00") + chrono::Duration::days(day);
        d.takeaways = format!("- Takeaway of day {day}");
        t.store.create_session(c.id, d).unwrap();
    }
    let o = ClientOverview::load(&t.store, c.id).unwrap();
    assert_eq!(o.goals.len(), 1);
    assert_eq!(o.goals[0].latest_score, Some(6));
    assert_eq!(o.goals[0].check_ins, 2);
    assert_eq!(o.sessions.total, 60);
    assert_eq!(o.sessions.items.len(), 50);
    assert_eq!(o.sessions.items[0].headline, "Takeaway of day 60");
    assert!(o.sessions.items[0].has_private_notes);
    let rest = session_page(&t.store, c.id, 50, 50).unwrap();
    assert_eq!(rest.items.len(), 10);
    assert_eq!(rest.items.last().unwrap().headline, "Takeaway of day 1");
}
