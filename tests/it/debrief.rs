//! Recording a debrief with check-ins: one save, and a refused one leaves the database as
//! it was, byte for byte in the export.

use crate::common::*;
use coachbook::model::*;
use coachbook::{Error, Store};
use uuid::Uuid;

struct Practice {
    t: TempStore,
    client: Client,
    delegate: Goal,
    composure: Goal,
    unlinked: Goal,
    assignment: Assignment,
}

/// A client with two goals linked to a completed assignment and one goal that is not.
fn practice(status: AssignmentStatus) -> Practice {
    let mut t = temp_store();
    let client = t.store.create_client(client_details("Zoë")).unwrap();
    let delegate = t
        .store
        .create_goal(client.id, goal_details("Delegate"))
        .unwrap();
    let composure = t
        .store
        .create_goal(client.id, goal_details("Stay calm"))
        .unwrap();
    let unlinked = t
        .store
        .create_goal(client.id, goal_details("Other"))
        .unwrap();
    let mut d = assignment_details(5, "Coach on call during the bridge");
    d.goal_ids = vec![delegate.id, composure.id];
    d.status = status;
    if status == AssignmentStatus::Debriefed {
        d.debrief = Some(debrief());
    }
    let assignment = t.store.create_assignment(client.id, d).unwrap();
    Practice {
        t,
        client,
        delegate,
        composure,
        unlinked,
        assignment,
    }
}

fn debrief() -> Debrief {
    Debrief {
        held_on: date("2026-03-22"),
        what_happened: "Payments were down for two hours".into(),
        client_actions: "Named an incident lead, kept the execs informed".into(),
        outcome: "Restored; no customer escalations".into(),
        lessons: "Decide who talks to whom before the next one".into(),
        composure: 4,
        decision_quality: 3,
    }
}

fn rating(score: i32, rater: Rater) -> CheckInDetails {
    CheckInDetails {
        on: date("2026-03-22"),
        score,
        rater,
        note: "After the outage".into(),
        session_id: None,
    }
}

/// Runs a debrief that must be refused; returns the field and checks nothing changed.
fn refused(
    store: &mut Store,
    id: Uuid,
    debrief: Debrief,
    check_ins: Vec<(Uuid, CheckInDetails)>,
) -> String {
    let before = snapshot(store);
    let err = store.record_debrief(id, debrief, check_ins).unwrap_err();
    assert_eq!(snapshot(store), before, "a refused debrief wrote something");
    match err {
        Error::Invalid { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_debrief_saves_the_debrief_the_status_and_the_check_ins_together() {
    let mut p = practice(AssignmentStatus::Completed);
    let saved =
        p.t.store
            .record_debrief(
                p.assignment.id,
                debrief(),
                vec![
                    (p.delegate.id, rating(6, Rater::Coach)),
                    (p.composure.id, rating(7, Rater::SelfRating)),
                ],
            )
            .unwrap();
    let stored = p.t.store.assignment(p.assignment.id).unwrap();
    assert_eq!(stored, saved.assignment);
    assert_eq!(stored.details.status, AssignmentStatus::Debriefed);
    assert_eq!(stored.details.debrief, Some(debrief()));
    assert_eq!(stored.details.goal_ids, p.assignment.details.goal_ids);
    assert_eq!(
        p.t.store.check_ins_of(p.delegate.id).unwrap(),
        [saved.check_ins[0].clone()]
    );
    assert_eq!(
        p.t.store.check_ins_of(p.composure.id).unwrap(),
        [saved.check_ins[1].clone()]
    );
    assert_eq!(saved.check_ins[1].details.rater, Rater::SelfRating);
}

#[test]
fn an_active_assignment_can_be_debriefed_without_check_ins() {
    let mut p = practice(AssignmentStatus::Active);
    let saved =
        p.t.store
            .record_debrief(p.assignment.id, debrief(), vec![])
            .unwrap();
    assert_eq!(saved.assignment.details.status, AssignmentStatus::Debriefed);
    assert!(saved.check_ins.is_empty());
    assert_eq!(p.t.store.counts().unwrap().check_ins, 0);
}

#[test]
fn only_an_active_or_completed_assignment_can_be_debriefed() {
    use AssignmentStatus::*;
    for status in [Proposed, Accepted, Withdrawn, Debriefed] {
        let mut p = practice(status);
        let check_ins = vec![(p.delegate.id, rating(6, Rater::Coach))];
        let field = refused(&mut p.t.store, p.assignment.id, debrief(), check_ins);
        assert_eq!(field, "assignment.status", "from {status}");
    }
}

#[test]
fn a_check_in_on_a_goal_the_assignment_does_not_work_on_is_refused() {
    let mut p = practice(AssignmentStatus::Completed);
    let other = p.t.store.create_client(client_details("Ben")).unwrap();
    let bens =
        p.t.store
            .create_goal(other.id, goal_details("Ben's"))
            .unwrap();
    for (goal, why) in [
        (p.unlinked.id, "not linked"),
        (bens.id, "another client"),
        (Uuid::new_v4(), "no goal"),
    ] {
        let before = snapshot(&p.t.store);
        let err =
            p.t.store
                .record_debrief(
                    p.assignment.id,
                    debrief(),
                    // The first check-in is fine: it must not be written either.
                    vec![
                        (p.delegate.id, rating(6, Rater::Coach)),
                        (goal, rating(5, Rater::Peer)),
                    ],
                )
                .unwrap_err();
        assert_eq!(err.field(), Some("check_ins[1].goal_id"));
        assert!(err.to_string().contains(why), "{err}");
        assert_eq!(snapshot(&p.t.store), before);
    }
}

#[test]
fn bad_values_name_their_field_and_write_nothing() {
    let mut p = practice(AssignmentStatus::Completed);
    let id = p.assignment.id;
    let ok = || vec![(p.delegate.id, rating(6, Rater::Coach))];

    let bad_score = vec![
        (p.delegate.id, rating(6, Rater::Coach)),
        (p.composure.id, rating(11, Rater::Manager)),
    ];
    assert_eq!(
        refused(&mut p.t.store, id, debrief(), bad_score),
        "check_ins[1].score"
    );

    let composure = Debrief {
        composure: 0,
        ..debrief()
    };
    assert_eq!(
        refused(&mut p.t.store, id, composure, ok()),
        "debrief.composure"
    );

    let quality = Debrief {
        decision_quality: 6,
        ..debrief()
    };
    assert_eq!(
        refused(&mut p.t.store, id, quality, ok()),
        "debrief.decision_quality"
    );

    let early = Debrief {
        held_on: date("2026-02-01"),
        ..debrief()
    };
    assert_eq!(refused(&mut p.t.store, id, early, ok()), "debrief.held_on");

    let other = p.t.store.create_client(client_details("Ben")).unwrap();
    let bens_session =
        p.t.store
            .create_session(other.id, session_details(vec![]))
            .unwrap();
    let mut wrong_session = rating(6, Rater::Coach);
    wrong_session.session_id = Some(bens_session.id);
    let check_ins = vec![(p.delegate.id, wrong_session)];
    assert_eq!(
        refused(&mut p.t.store, id, debrief(), check_ins),
        "check_ins[0].session_id"
    );

    // And after all that, the same debrief with good values goes through.
    assert!(p.t.store.record_debrief(id, debrief(), ok()).is_ok());
}

#[test]
fn a_debrief_check_in_may_name_the_session_it_was_given_in() {
    let mut p = practice(AssignmentStatus::Completed);
    let session =
        p.t.store
            .create_session(p.client.id, session_details(vec![p.delegate.id]))
            .unwrap();
    let mut r = rating(6, Rater::Coach);
    r.session_id = Some(session.id);
    let saved =
        p.t.store
            .record_debrief(p.assignment.id, debrief(), vec![(p.delegate.id, r)])
            .unwrap();
    assert_eq!(saved.check_ins[0].details.session_id, Some(session.id));
}
