//! Creating, changing, archiving and deleting records, and what cascades.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::model::*;
use coachbook::store::ClientFilter;

#[test]
fn a_session_keeps_its_utc_offset() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = session_details(vec![]);
    d.starts_at = local("2026-03-29T23:30:00-05:00");
    let s = t.store.create_session(c.id, d).unwrap();
    let back = t.store.session(s.id).unwrap();
    assert_eq!(
        back.details.starts_at.to_rfc3339(),
        "2026-03-29T23:30:00-05:00"
    );
    assert_eq!(back, s);
}

#[test]
fn sessions_are_ordered_by_instant_not_by_local_text() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut late = session_details(vec![]);
    late.starts_at = local("2026-03-10T08:00:00-05:00"); // 13:00 UTC
    let mut early = session_details(vec![]);
    early.starts_at = local("2026-03-10T12:00:00+01:00"); // 11:00 UTC
    let late = t.store.create_session(c.id, late).unwrap();
    let early = t.store.create_session(c.id, early).unwrap();
    let ids: Vec<_> = t
        .store
        .sessions_of(c.id)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, [early.id, late.id]);
}

#[test]
fn updating_a_client_keeps_their_records() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    t.store
        .create_session(c.id, session_details(vec![g.id]))
        .unwrap();
    let mut d = client_details("Zoë Adeyemi");
    d.status = EngagementStatus::Paused;
    let updated = t.store.update_client(c.id, d).unwrap();
    assert_eq!(updated.details.name, "Zoë Adeyemi");
    assert!(updated.updated_at >= c.updated_at);
    assert_eq!(updated.created_at, c.created_at);
    let counts = t.store.counts().unwrap();
    assert_eq!(
        (counts.goals, counts.sessions),
        (1, 1),
        "an update must not cascade"
    );
    assert_eq!(
        t.store.sessions_of(c.id).unwrap()[0].details.goal_ids,
        [g.id]
    );
}

#[test]
fn updating_a_goal_keeps_its_check_ins_and_links() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![g.id]))
        .unwrap();
    t.store
        .add_check_in(g.id, check_in_details(4, Some(s.id)))
        .unwrap();
    let mut d = goal_details("Delegate outcomes");
    d.status = GoalStatus::Achieved;
    t.store.update_goal(g.id, d).unwrap();
    assert_eq!(t.store.check_ins_of(g.id).unwrap().len(), 1);
    assert_eq!(t.store.session(s.id).unwrap().details.goal_ids, [g.id]);
}

#[test]
fn archiving_hides_a_client_from_the_default_list_and_keeps_everything() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    t.store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    t.store.set_client_archived(c.id, true).unwrap();
    assert!(
        t.store
            .list_clients(&ClientFilter::default())
            .unwrap()
            .is_empty()
    );
    let all = t
        .store
        .list_clients(&ClientFilter {
            include_archived: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].archived);
    assert_eq!(t.store.counts().unwrap().sessions, 1);
    t.store.set_client_archived(c.id, false).unwrap();
    assert_eq!(
        t.store
            .list_clients(&ClientFilter::default())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn deleting_a_session_removes_its_links_and_unlinks_its_check_ins() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![g.id]))
        .unwrap();
    let ci = t
        .store
        .add_check_in(g.id, check_in_details(6, Some(s.id)))
        .unwrap();
    t.store.delete_session(s.id).unwrap();
    assert_eq!(t.store.counts().unwrap().sessions, 0);
    let links: i64 = t
        .store
        .conn()
        .query_row("SELECT count(*) FROM session_goals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(links, 0);
    let kept = t.store.check_ins_of(g.id).unwrap();
    assert_eq!(kept.len(), 1, "the rating stays");
    assert_eq!(kept[0].id, ci.id);
    assert_eq!(kept[0].details.session_id, None);
    assert_eq!(
        t.store.delete_session(s.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn deleting_a_goal_removes_its_check_ins_and_links_but_not_the_session() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let keep = t.store.create_goal(c.id, goal_details("Feedback")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![g.id, keep.id]))
        .unwrap();
    let mut a = assignment_details(2, "");
    a.goal_ids = vec![g.id];
    let a = t.store.create_assignment(c.id, a).unwrap();
    t.store
        .add_check_in(g.id, check_in_details(6, None))
        .unwrap();
    t.store.delete_goal(g.id).unwrap();
    let counts = t.store.counts().unwrap();
    assert_eq!(
        (
            counts.goals,
            counts.check_ins,
            counts.sessions,
            counts.assignments
        ),
        (1, 0, 1, 1)
    );
    assert_eq!(t.store.session(s.id).unwrap().details.goal_ids, [keep.id]);
    assert!(
        t.store
            .assignment(a.id)
            .unwrap()
            .details
            .goal_ids
            .is_empty()
    );
}

#[test]
fn goal_links_keep_their_order() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g1 = t.store.create_goal(c.id, goal_details("One")).unwrap();
    let g2 = t.store.create_goal(c.id, goal_details("Two")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![g2.id, g1.id]))
        .unwrap();
    assert_eq!(
        t.store.session(s.id).unwrap().details.goal_ids,
        [g2.id, g1.id]
    );
}

#[test]
fn a_retired_competency_is_not_offered_for_new_goals() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let comp = t.store.competencies().unwrap()[0].clone();
    let mut d = goal_details("Know myself");
    d.competency_id = Some(comp.id);
    let existing = t.store.create_goal(c.id, d.clone()).unwrap();
    t.store
        .conn()
        .execute(
            "UPDATE competencies SET retired = 1 WHERE id = ?1",
            [comp.id.to_string()],
        )
        .unwrap();
    let err = t.store.create_goal(c.id, d.clone()).unwrap_err();
    assert_eq!(err.field(), Some("goal.competency_id"));
    // The old goal keeps it.
    assert!(t.store.update_goal(existing.id, d).is_ok());
}

#[test]
fn the_coach_profile_round_trips_with_a_logo() {
    let mut t = temp_store();
    // A PNG header: signature, IHDR, 40 × 20 pixels (its size is checked, never decoded here).
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x28\0\0\0\x14".to_vec();
    let coach = Coach {
        name: "Alex Morgan".into(),
        credentials: "PCC".into(),
        logo: Some(Logo::from_bytes("image/png".into(), &png)),
    };
    t.store.set_coach(&coach).unwrap();
    assert_eq!(t.store.coach().unwrap(), coach);
    assert_eq!(t.store.coach().unwrap().logo.unwrap().bytes().unwrap(), png);
}

#[test]
fn client_list_summarises_sessions_and_open_assignments() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    t.store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    let mut cancelled = session_details(vec![]);
    cancelled.status = SessionStatus::Cancelled;
    t.store.create_session(c.id, cancelled).unwrap();
    t.store
        .create_assignment(c.id, assignment_details(2, ""))
        .unwrap();
    let list = t.store.list_clients(&ClientFilter::default()).unwrap();
    assert_eq!(list[0].sessions_held, 1);
    assert_eq!(list[0].open_assignments, 1);
    assert_eq!(
        list[0].last_session_at.map(|t| t.to_rfc3339()),
        Some("2026-03-10T09:30:00+01:00".to_string())
    );
    let filtered = t
        .store
        .list_clients(&ClientFilter {
            status: Some(EngagementStatus::Completed),
            ..Default::default()
        })
        .unwrap();
    assert!(filtered.is_empty());
}
