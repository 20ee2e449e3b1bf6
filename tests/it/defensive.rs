//! Every connection treats the file's schema as untrusted (`trusted_schema` off) and runs
//! with SQLite's defensive flag, and the whole schema — the search triggers writing to FTS5
//! included — still works under them. An encrypted practice switches core dumps off.

use crate::common;
use coachbook::Store;

#[test]
fn connections_do_not_trust_the_schema_and_refuse_schema_surgery() {
    let mut t = common::temp_store();
    let conn = t.store.conn();
    let trusted: i64 = conn
        .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(trusted, 0);
    // writable_schema cannot be switched on, so sqlite_master cannot be rewritten.
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    let on: i64 = conn
        .query_row("PRAGMA writable_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(on, 0, "defensive: writable_schema stays off");
    let surgery = conn.execute(
        "UPDATE sqlite_master SET sql = 'x' WHERE name = 'clients'",
        [],
    );
    assert!(surgery.is_err(), "sqlite_master is read-only");
    // FTS5's shadow tables cannot be written by ordinary SQL…
    let shadow = conn.execute("DELETE FROM search_index_data", []);
    assert!(shadow.is_err(), "shadow tables are read-only");
    // …while the triggers keep the index in step (FTS5 is innocuous, our functions are built in).
    let client = t
        .store
        .create_client(common::client_details("Zoë Ashford"))
        .unwrap();
    let hits = coachbook::search::search(
        &t.store,
        &coachbook::search::SearchQuery {
            text: "ashford".into(),
            client_id: None,
            from: None,
            to: None,
            kinds: vec![],
            limit: 10,
            prefix_last: false,
            exclude_archived: false,
        },
    )
    .unwrap();
    assert!(hits.iter().any(|h| h.client_id == client.id), "{hits:?}");
    assert!(t.store.check().unwrap().is_ok());
}

#[test]
fn setting_a_passphrase_still_works_under_the_defensive_flag() {
    // sqlcipher_export writes FTS5's shadow tables from inside a function call, which the
    // defensive flag allows; the converted copy must hold the whole index.
    let mut t = common::temp_store();
    t.store
        .create_client(common::client_details("Zoë Ashford"))
        .unwrap();
    let key = coachbook::store::Passphrase::new("correct horse battery").unwrap();
    let dir = t.dir.path().join("backups");
    t.store
        .change_passphrase(Some(&key), &dir, chrono::Utc::now())
        .unwrap();
    assert!(t.store.check().unwrap().is_ok());
    drop(t.store);
    assert!(Store::open_with(&t.dir.path().join("practice.db"), Some(&key)).is_ok());
}

/// Run in a child process (the test binary again), so the test runner keeps its dumps.
#[test]
fn core_dumps_can_be_switched_off_for_good() {
    if std::env::var_os("CORE_DUMP_CHILD").is_some() {
        coachbook::harden::disable_core_dumps().unwrap();
        let (limit, dumpable) = coachbook::harden::core_dump_state();
        println!("core-limit={limit} dumpable={dumpable}");
        return;
    }
    let o = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "defensive::core_dumps_can_be_switched_off_for_good",
            "--exact",
            "--nocapture",
        ])
        .env("CORE_DUMP_CHILD", "1")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("core-limit=0 dumpable=false"), "{out}");
}
