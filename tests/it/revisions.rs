//! Note revisions: one per minute of typing, restorable, and a restore is itself undoable.

use crate::common::*;
use chrono::{DateTime, Duration, Utc};
use coachbook::ErrorKind;

fn at(secs: i64) -> DateTime<Utc> {
    "2026-03-10T09:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::seconds(secs)
}

#[test]
fn saves_within_a_minute_of_typing_make_one_revision_and_later_ones_a_new_one() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = session_details(vec![]);
    d.notes = String::new();
    d.private_notes = String::new();
    let s = t.store.create_session(c.id, d.clone()).unwrap();
    assert!(
        t.store.note_revisions(s.id).unwrap().is_empty(),
        "no notes, no revision"
    );

    for (i, secs) in [0, 5, 20, 59].into_iter().enumerate() {
        d.notes = "word ".repeat(i + 1);
        t.store
            .update_session_at(s.id, d.clone(), at(secs))
            .unwrap();
    }
    let revs = t.store.note_revisions(s.id).unwrap();
    assert_eq!(revs.len(), 1);
    assert_eq!(
        revs[0].notes,
        "word ".repeat(4),
        "the revision holds the latest text"
    );
    assert_eq!(revs[0].started_at, at(0));
    assert_eq!(revs[0].saved_at, at(59));

    d.notes.push_str("more");
    t.store.update_session_at(s.id, d.clone(), at(61)).unwrap();
    let revs = t.store.note_revisions(s.id).unwrap();
    assert_eq!(revs.len(), 2);
    assert_eq!(revs[0].notes, d.notes, "newest first");
}

#[test]
fn changing_other_fields_makes_no_revision() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    assert_eq!(t.store.note_revisions(s.id).unwrap().len(), 1);
    let mut d = s.details.clone();
    d.agenda = "New agenda".into();
    d.duration_minutes = 90;
    t.store.update_session_at(s.id, d, at(3600)).unwrap();
    assert_eq!(t.store.note_revisions(s.id).unwrap().len(), 1);
}

#[test]
fn a_revision_can_be_restored_and_the_restore_undone() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = session_details(vec![]);
    d.notes = "first draft".into();
    d.private_notes = "first private".into();
    let s = t.store.create_session(c.id, d.clone()).unwrap();
    d.notes = "second draft".into();
    d.private_notes = "second private".into();
    t.store
        .update_session_at(s.id, d.clone(), Utc::now() + Duration::minutes(5))
        .unwrap();
    let revs = t.store.note_revisions(s.id).unwrap();
    assert_eq!(revs.len(), 2);
    let first = revs.last().unwrap().id;

    let restored = t.store.restore_note_revision(s.id, first).unwrap();
    assert_eq!(restored.details.notes, "first draft");
    assert_eq!(restored.details.private_notes, "first private");
    assert_eq!(t.store.session(s.id).unwrap().details.notes, "first draft");
    let revs = t.store.note_revisions(s.id).unwrap();
    assert_eq!(revs.len(), 3, "the restore is a revision of its own");
    assert_eq!(revs[0].restored_from, Some(first));

    // The text before the restore is still there to go back to.
    let second = revs[1].id;
    assert_eq!(revs[1].notes, "second draft");
    t.store.restore_note_revision(s.id, second).unwrap();
    assert_eq!(t.store.session(s.id).unwrap().details.notes, "second draft");
}

#[test]
fn a_revision_of_another_session_cannot_be_restored() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let a = t
        .store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    let b = t
        .store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    let rev_of_a = t.store.note_revisions(a.id).unwrap()[0].id;
    assert_eq!(
        t.store
            .restore_note_revision(b.id, rev_of_a)
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn deleting_a_session_deletes_its_revisions() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    t.store.delete_session(s.id).unwrap();
    let n: i64 = t
        .store
        .conn()
        .query_row("SELECT count(*) FROM note_revisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn start_session_begins_now_rounded_down_with_the_active_goals() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let active = t.store.create_goal(c.id, goal_details("Active")).unwrap();
    let mut paused = goal_details("Paused");
    paused.status = coachbook::model::GoalStatus::Paused;
    t.store.create_goal(c.id, paused).unwrap();
    let now = local("2026-03-10T09:37:42.123+01:00");
    let s = t.store.start_session(c.id, now).unwrap();
    assert_eq!(
        s.details.starts_at.to_rfc3339(),
        "2026-03-10T09:35:00+01:00"
    );
    assert_eq!(s.details.goal_ids, [active.id]);
    assert!(s.details.notes.is_empty());
}
