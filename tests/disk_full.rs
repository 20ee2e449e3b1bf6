//! A save that hits a full disk fails whole, says "disk_full", and the same save succeeds
//! once space is back. The disk is made "full" with `max_page_count`, which SQLite reports
//! exactly as a full disk (SQLITE_FULL), so the test needs no mount or root.

mod common;

#[test]
fn a_save_on_a_full_disk_fails_whole_and_succeeds_once_space_is_back() {
    let mut t = common::temp_store();
    let client = t
        .store
        .create_client(common::client_details("Zoe"))
        .unwrap();
    let session = t
        .store
        .create_session(client.id, common::session_details(vec![]))
        .unwrap();
    let before = common::snapshot(&t.store);
    let pages: i64 = t
        .store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    t.store
        .conn()
        .pragma_update(None, "max_page_count", pages)
        .unwrap();

    let mut details = session.details.clone();
    details.notes = "A long session, typed at speed. ".repeat(5_000);
    let err = t
        .store
        .update_session(session.id, details.clone())
        .unwrap_err();
    assert_eq!(err.kind(), "disk_full", "{err}");
    assert_eq!(common::snapshot(&t.store), before, "nothing half-written");

    t.store
        .conn()
        .pragma_update(None, "max_page_count", 1_073_741_823i64)
        .unwrap();
    let saved = t.store.update_session(session.id, details.clone()).unwrap();
    assert_eq!(saved.details.notes, details.notes);
    assert_eq!(
        t.store.session(session.id).unwrap().details.notes,
        details.notes
    );
    assert!(t.store.check().unwrap().is_ok());
}
