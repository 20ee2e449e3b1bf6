//! Import is all or nothing: a bad record names its id and field, and the database is unchanged.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::export::{self, ImportOptions};
use serde_json::{Value, json};

/// A small valid practice as JSON, from a store with one client, goal, session and check-in.
fn sample() -> (Value, String) {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let s = t
        .store
        .create_session(c.id, session_details(vec![g.id]))
        .unwrap();
    t.store
        .add_check_in(g.id, check_in_details(5, Some(s.id)))
        .unwrap();
    let text = snapshot(&t.store);
    (serde_json::from_str(&text).unwrap(), s.id.to_string())
}

/// Imports `doc` into a store that already holds a client, and checks nothing changed.
fn refused(doc: &Value) -> coachbook::Error {
    let mut t = temp_store();
    t.store.create_client(client_details("Existing")).unwrap();
    let before = snapshot(&t.store);
    let err = export::import_json(&mut t.store, &doc.to_string(), ImportOptions::default())
        .expect_err("import must be refused");
    assert_eq!(
        snapshot(&t.store),
        before,
        "database must be unchanged after {err}"
    );
    assert!(err.is_bad_input(), "{err}");
    err
}

#[test]
fn an_invalid_value_names_the_record_and_the_field() {
    let (mut doc, session_id) = sample();
    doc["clients"][0]["sessions"][0]["duration_minutes"] = json!(0);
    let err = refused(&doc);
    let msg = err.to_string();
    assert!(msg.contains(&session_id), "{msg}");
    assert_eq!(err.field(), Some("session.duration_minutes"));
}

#[test]
fn a_value_of_the_wrong_type_names_the_record_and_the_path() {
    let (mut doc, session_id) = sample();
    doc["clients"][0]["sessions"][0]["duration_minutes"] = json!("an hour");
    let msg = refused(&doc).to_string();
    assert!(msg.contains(&session_id), "{msg}");
    assert!(msg.contains("duration_minutes"), "{msg}");
}

#[test]
fn an_unknown_enum_value_is_refused() {
    let (mut doc, _) = sample();
    doc["clients"][0]["stage"] = json!("wizard");
    let msg = refused(&doc).to_string();
    assert!(msg.contains("wizard"), "{msg}");
}

#[test]
fn the_last_bad_record_still_stops_everything_before_it() {
    let (mut doc, _) = sample();
    let mut second = doc["clients"][0].clone();
    second["id"] = json!("11111111-2222-4333-8444-555555555555");
    second["goals"] = json!([]);
    second["sessions"] = json!([]);
    second["email"] = json!("no-at-sign");
    doc["clients"].as_array_mut().unwrap().push(second);
    let err = refused(&doc);
    assert_eq!(err.field(), Some("client.email"));
    assert!(
        err.to_string()
            .contains("11111111-2222-4333-8444-555555555555")
    );
}

#[test]
fn a_goal_listed_under_the_wrong_client_is_refused() {
    let (mut doc, _) = sample();
    doc["clients"][0]["goals"][0]["client_id"] = json!("11111111-2222-4333-8444-555555555555");
    assert_eq!(refused(&doc).field(), Some("goal.client_id"));
}

#[test]
fn a_session_linking_a_goal_that_is_not_there_is_refused() {
    let (mut doc, _) = sample();
    doc["clients"][0]["sessions"][0]["goal_ids"] = json!(["11111111-2222-4333-8444-555555555555"]);
    assert_eq!(refused(&doc).field(), Some("session.goal_ids"));
}

#[test]
fn an_id_twice_in_one_document_is_refused() {
    let (mut doc, _) = sample();
    let copy = doc["clients"][0]["goals"][0].clone();
    doc["clients"][0]["goals"]
        .as_array_mut()
        .unwrap()
        .push(copy);
    let msg = refused(&doc).to_string();
    assert!(msg.contains("twice"), "{msg}");
}

#[test]
fn an_existing_id_is_refused_unless_update() {
    let (doc, _) = sample();
    let text = doc.to_string();
    let mut t = temp_store();
    export::import_json(&mut t.store, &text, ImportOptions::default()).unwrap();
    let before = snapshot(&t.store);
    let err = export::import_json(&mut t.store, &text, ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AlreadyExists, "{err}");
    assert_eq!(snapshot(&t.store), before);

    let mut changed = doc.clone();
    changed["clients"][0]["name"] = json!("Zoë A. Adeyemi");
    export::import_json(
        &mut t.store,
        &changed.to_string(),
        ImportOptions { update: true },
    )
    .unwrap();
    let after: Value = serde_json::from_str(&snapshot(&t.store)).unwrap();
    assert_eq!(after["clients"][0]["name"], "Zoë A. Adeyemi");
    assert_eq!(
        t.store.counts().unwrap().check_ins,
        1,
        "update keeps children"
    );
}

#[test]
fn documents_that_are_not_ours_are_refused() {
    let (doc, _) = sample();
    let mut other = doc.clone();
    other["format"] = json!("something-else");
    assert_eq!(refused(&other).field(), Some("format"));
    let mut newer = doc.clone();
    newer["version"] = json!(2);
    let msg = refused(&newer).to_string();
    assert!(msg.contains("newer Coachbook"), "{msg}");
    assert_eq!(refused(&json!([1, 2, 3])).field(), Some("document"));
}

#[test]
fn truncated_json_is_refused() {
    let (doc, _) = sample();
    let text = doc.to_string();
    let mut t = temp_store();
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
        let err =
            export::import_json(&mut t.store, &text[..cut], ImportOptions::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Json, "{err}");
    }
    assert_eq!(t.store.counts().unwrap().clients, 0);
}
