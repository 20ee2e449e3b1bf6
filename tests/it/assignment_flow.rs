//! The assignment status flow: every legal move is taken, every illegal one is refused with
//! an error naming both ends, and a refused change writes nothing.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::model::AssignmentStatus::{self, *};
use coachbook::model::*;
use coachbook::{Error, Store};
use uuid::Uuid;

/// The table the product promises; the model must agree with it exactly.
const LEGAL: &[(AssignmentStatus, AssignmentStatus)] = &[
    (Proposed, Accepted),
    (Proposed, Withdrawn),
    (Accepted, Active),
    (Accepted, Proposed),
    (Accepted, Withdrawn),
    (Active, Completed),
    (Active, Accepted),
    (Active, Withdrawn),
    (Completed, Debriefed),
    (Completed, Active),
    (Completed, Withdrawn),
];

fn pairs() -> impl Iterator<Item = (AssignmentStatus, AssignmentStatus)> {
    AssignmentStatus::ALL
        .iter()
        .flat_map(|a| AssignmentStatus::ALL.iter().map(move |b| (*a, *b)))
}

fn debrief() -> Debrief {
    Debrief {
        held_on: date("2026-03-22"),
        what_happened: "The outage lasted two hours".into(),
        client_actions: "Ran the bridge, delegated comms".into(),
        outcome: "Restored; calm update to execs".into(),
        lessons: "Ask for help earlier".into(),
        composure: 4,
        decision_quality: 3,
    }
}

/// An assignment in `status`, with a debrief written so that debriefed is reachable.
fn assignment_in(store: &mut Store, client_id: Uuid, status: AssignmentStatus) -> Assignment {
    let mut d = assignment_details(2, "");
    d.status = status;
    d.debrief = Some(debrief());
    store
        .create_assignment(client_id, d)
        .expect("any start status")
}

fn assert_refused(err: Error, from: AssignmentStatus, to: AssignmentStatus) {
    assert_eq!(err.field(), Some("assignment.status"), "{from}→{to}: {err}");
    let text = err.to_string();
    assert!(text.contains(&format!("from {from} to {to}")), "{text}");
    if from.is_final() {
        assert!(text.contains("final"), "{text}");
    }
    for next in from.next() {
        assert!(text.contains(next.as_str()), "{text} should list {next}");
    }
}

#[test]
fn the_model_allows_exactly_the_table() {
    let mut illegal = 0;
    for (from, to) in pairs() {
        let legal = LEGAL.contains(&(from, to));
        assert_eq!(from.can_move_to(to), legal, "{from}→{to}");
        assert_eq!(from.check_change(to).is_ok(), legal || from == to);
        if !legal && from != to {
            illegal += 1;
            assert_refused(from.check_change(to).unwrap_err(), from, to);
        }
    }
    assert_eq!(illegal, 36 - 6 - LEGAL.len());
    assert!(Debriefed.is_final() && Withdrawn.is_final());
    let flow = AssignmentStatus::flow();
    assert_eq!(flow.len(), 6);
    assert_eq!(flow[&Completed], [Debriefed, Active, Withdrawn]);
}

#[test]
fn set_status_takes_every_legal_move_and_refuses_every_illegal_one() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    for (from, to) in pairs() {
        let before = assignment_in(&mut t.store, c.id, from);
        let result = t.store.set_assignment_status(before.id, to);
        let stored = t.store.assignment(before.id).unwrap();
        if from == to {
            assert_eq!(result.unwrap(), before, "{from}→{to} changes nothing");
            assert_eq!(stored, before);
        } else if LEGAL.contains(&(from, to)) {
            let moved = result.unwrap_or_else(|e| panic!("{from}→{to}: {e}"));
            assert_eq!(moved.details.status, to);
            assert_eq!(stored, moved);
        } else {
            assert_refused(result.unwrap_err(), from, to);
            assert_eq!(stored, before, "{from}→{to} wrote nothing");
        }
    }
}

#[test]
fn update_refuses_an_illegal_status_change_and_keeps_the_rest_unsaved() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    for (from, to) in pairs() {
        let before = assignment_in(&mut t.store, c.id, from);
        let mut d = before.details.clone();
        d.status = to;
        d.title = "Edited title".into();
        let result = t.store.update_assignment(before.id, d);
        let stored = t.store.assignment(before.id).unwrap();
        if from == to || LEGAL.contains(&(from, to)) {
            let saved = result.unwrap_or_else(|e| panic!("{from}→{to}: {e}"));
            assert_eq!(
                (saved.details.status, saved.details.title.as_str()),
                (to, "Edited title")
            );
            assert_eq!(stored, saved);
        } else {
            assert_refused(result.unwrap_err(), from, to);
            assert_eq!(stored, before, "{from}→{to} wrote nothing");
        }
    }
}

#[test]
fn debriefed_needs_a_debrief_even_when_the_move_is_legal() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = assignment_details(2, "");
    d.status = Completed;
    let a = t.store.create_assignment(c.id, d).unwrap();
    let err = t.store.set_assignment_status(a.id, Debriefed).unwrap_err();
    assert_eq!(err.field(), Some("assignment.debrief"));
    assert_eq!(t.store.assignment(a.id).unwrap(), a);
}

#[test]
fn an_unknown_assignment_is_not_found() {
    let mut t = temp_store();
    let err = t
        .store
        .set_assignment_status(Uuid::new_v4(), Accepted)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn import_takes_any_stored_status_as_history() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let a = assignment_in(&mut t.store, c.id, Debriefed);
    let mut doc = coachbook::export::export_document(&t.store, coachbook::time::now()).unwrap();
    doc.clients[0].assignments[0].details.status = Proposed;
    let options = coachbook::export::ImportOptions { update: true };
    coachbook::export::import_document(&mut t.store, &doc, options).unwrap();
    assert_eq!(t.store.assignment(a.id).unwrap().details.status, Proposed);
}
