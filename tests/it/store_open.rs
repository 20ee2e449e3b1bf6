//! Opening files: new, current, older (migrated), newer (refused untouched), foreign.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::store::migrations;
use coachbook::{Error, Store};

#[test]
fn a_new_file_gets_the_latest_schema_and_the_default_framework() {
    let t = temp_store();
    assert_eq!(t.store.schema_version().unwrap(), migrations::LATEST);
    let framework = t.store.competencies().unwrap();
    assert!(framework.len() >= 12);
    let groups: std::collections::BTreeSet<_> =
        framework.iter().map(|c| c.group.as_str()).collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        ["Leading others", "Leading self", "Leading the organisation"]
    );
    assert!(framework.iter().any(|c| c.name == "Leading in a crisis"));
}

#[test]
fn the_connection_is_durable_wal_with_foreign_keys() {
    let t = temp_store();
    let conn = t.store.conn();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let busy: i64 = conn
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(sync, 2, "synchronous=FULL");
    assert!(busy >= 1000);
}

#[test]
fn a_database_written_at_migration_1_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations::migrations().to_version(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO clients (id, name, stage, status, created_at, updated_at)
             VALUES ('6f1d2c3b-0000-4000-8000-000000000001', 'Old Client', 'executive', 'active',
                     '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
        let v: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    let clients = store.list_clients(&Default::default()).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].name, "Old Client");
    // Migration 2's table exists and works.
    store
        .conn()
        .execute("SELECT count(*) FROM note_revisions", [])
        .ok();
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM note_revisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_database_from_a_newer_coachbook_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    match &err {
        Error::NewerSchema { found, supported } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, migrations::LATEST);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert!(err.to_string().contains("newer Coachbook"), "{err}");
    assert!(err.to_string().contains("99"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "file must not change"
    );
    assert!(!dir.path().join("newer.db-wal").exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "just some text, not a database at all, long enough to matter".repeat(20),
    )
    .unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotCoachbook, "{err}");
    assert!(err.is_bad_input());
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE recipes (name TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotCoachbook, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn reopening_keeps_everything() {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let before = snapshot(&t.store);
    let path = t.path();
    drop(t.store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.client(c.id).unwrap(), c);
    assert_eq!(snapshot(&store), before);
}
