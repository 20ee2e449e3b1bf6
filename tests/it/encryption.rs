//! Encryption at rest (SQLCipher): the bytes on disk (database, WAL, backups) hold no
//! client name or note word; a wrong or missing passphrase fails cleanly; setting,
//! changing and removing the passphrase keep every record; search still works.

use crate::common::snapshot;
use chrono::{DateTime, Utc};
use coachbook::ErrorKind;
use coachbook::backup::{self, RestoreKeys};
use coachbook::demo::{self, DemoOptions, Size};
use coachbook::search::{self, SearchQuery};
use coachbook::store::{self, Passphrase};
use coachbook::{Error, Store};
use std::path::{Path, PathBuf};

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn demo_options() -> DemoOptions {
    DemoOptions {
        size: Size::Small,
        seed: 7,
        as_of: crate::common::date("2026-11-24"),
    }
}

/// A small demo practice in `dir/name`, encrypted when `key` is given.
fn demo_db(dir: &Path, name: &str, key: Option<&Passphrase>) -> (PathBuf, Store) {
    let path = dir.join(name);
    let mut store = Store::open_with(&path, key).unwrap();
    demo::seed(&mut store, &demo_options()).unwrap();
    (path, store)
}

/// Client names and the longer words of the session notes: what a thief must not read.
fn secrets() -> Vec<String> {
    let doc = demo::generate(&demo_options());
    let mut out: Vec<String> = doc
        .clients
        .iter()
        .map(|c| c.client.details.name.clone())
        .collect();
    let mut words: Vec<String> = doc
        .clients
        .iter()
        .flat_map(|c| c.sessions.iter())
        .flat_map(|s| s.details.notes.split(|ch: char| !ch.is_alphanumeric()))
        .filter(|w| w.len() >= 8)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    out.extend(words.into_iter().take(40));
    assert!(out.len() > 20, "enough needles: {out:?}");
    out
}

/// The secrets found in the file's raw bytes (as written, and lower-cased as the search
/// index keeps them).
fn found_in(path: &Path, secrets: &[String]) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    secrets
        .iter()
        .filter(|s| {
            [s.to_string(), s.to_lowercase()]
                .iter()
                .any(|n| bytes.windows(n.len()).any(|w| w == n.as_bytes()))
        })
        .cloned()
        .collect()
}

fn wal(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

#[test]
fn the_bytes_on_disk_hold_no_client_name_or_note_word() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = secrets();
    let key = pass("correct horse battery");

    // The same check finds them in an unencrypted practice: it can fail.
    let (plain, plain_store) = demo_db(dir.path(), "plain.db", None);
    let plain_found = [found_in(&plain, &secrets), found_in(&wal(&plain), &secrets)].concat();
    assert!(plain_found.len() >= secrets.len() / 2, "{plain_found:?}");
    drop(plain_store);

    let (db, store) = demo_db(dir.path(), "secret.db", Some(&key));
    assert!(store.is_encrypted());
    // While open, the writes sit in the WAL: it must be encrypted too.
    assert!(std::fs::metadata(wal(&db)).unwrap().len() > 100_000);
    assert_eq!(found_in(&wal(&db), &secrets), Vec::<String>::new());
    let backups = dir.path().join("backups");
    let taken = backup::back_up_now(&store, &backups, now())
        .unwrap()
        .written
        .unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    drop(store);
    for file in [&db, &taken.path, &copy] {
        assert!(store::is_encrypted(file).unwrap(), "{}", file.display());
        assert_eq!(
            found_in(file, &secrets),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    // The backups open with the same passphrase and hold the same practice.
    let original = snapshot(&Store::open_with(&db, Some(&key)).unwrap());
    for file in [&taken.path, &copy] {
        Store::verify_file(file, Some(&key)).unwrap();
        assert_eq!(
            snapshot(&Store::open_with(file, Some(&key)).unwrap()),
            original
        );
    }
}

#[test]
fn a_wrong_or_missing_passphrase_fails_cleanly_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = demo_db(dir.path(), "secret.db", Some(&pass("the right one")));
    drop(store);
    let before = std::fs::read(&db).unwrap();

    let wrong = pass("the wrong one");
    for err in [
        Store::open_with(&db, Some(&wrong)).err().unwrap(),
        Store::open_checked_with(&db, Some(&wrong)).err().unwrap(),
        Store::verify_file(&db, Some(&wrong)).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::WrongPassphrase, "{err}");
        assert_eq!(err.field(), Some("passphrase"));
        assert_eq!(err.to_string(), "the passphrase is wrong");
        assert!(err.is_bad_input());
    }
    for err in [
        Store::open(&db).err().unwrap(),
        Store::open_checked(&db).err().unwrap(),
    ] {
        assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
        assert!(
            err.to_string().contains("protected by a passphrase"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte changed");
    assert!(std::fs::metadata(wal(&db)).map_or(0, |m| m.len()) == 0);
    assert!(Store::open_with(&db, Some(&pass("the right one"))).is_ok());
}

#[test]
fn is_encrypted_looks_at_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    assert!(!store::is_encrypted(&missing).unwrap());
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(!store::is_encrypted(&empty).unwrap());
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database, just words. ".repeat(50)).unwrap();
    assert!(!store::is_encrypted(&text).unwrap());
    let (plain, s) = demo_db(dir.path(), "plain.db", None);
    drop(s);
    assert!(!store::is_encrypted(&plain).unwrap());
    let (secret, s) = demo_db(dir.path(), "secret.db", Some(&pass("a passphrase")));
    drop(s);
    assert!(store::is_encrypted(&secret).unwrap());
    // A passphrase given for a plain file is not used: it opens plain.
    let reopened = Store::open_with(&plain, Some(&pass("a passphrase"))).unwrap();
    assert!(!reopened.is_encrypted());
}

#[test]
fn set_change_and_remove_keep_every_record_and_the_old_passphrase_stops_working() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let (db, mut store) = demo_db(dir.path(), "practice.db", None);
    let before = snapshot(&store);

    // plain → plain: nothing to do, nothing backed up.
    let none = store.change_passphrase(None, &backups, now()).unwrap();
    assert!(none.backup.is_none() && !none.encrypted);

    let short = store.change_passphrase(Some(&pass("short")), &backups, now());
    assert_eq!(short.unwrap_err().field(), Some("new_passphrase"));

    // plain → encrypted
    let first = pass("first passphrase");
    let set = store
        .change_passphrase(Some(&first), &backups, now())
        .unwrap();
    assert!(set.encrypted && store.is_encrypted());
    let plain_backup = set.backup.unwrap();
    assert!(!store::is_encrypted(&plain_backup).unwrap());
    assert_eq!(
        set.plain_backups,
        vec![plain_backup],
        "the plain copy is named"
    );
    assert_eq!(snapshot(&store), before);
    drop(store);
    assert!(store::is_encrypted(&db).unwrap());
    assert_eq!(Store::open(&db).err().unwrap().kind(), ErrorKind::Locked);
    let mut store = Store::open_checked_with(&db, Some(&first)).unwrap();
    assert!(store.check().unwrap().is_ok());
    assert_eq!(store.schema_version().unwrap(), store::migrations::LATEST);
    assert_eq!(snapshot(&store), before);

    // encrypted → encrypted (re-key)
    let second = pass("second passphrase");
    let later = now() + chrono::TimeDelta::hours(1);
    let changed = store
        .change_passphrase(Some(&second), &backups, later)
        .unwrap();
    assert!(changed.encrypted);
    assert!(store::is_encrypted(&changed.backup.unwrap()).unwrap());
    assert_eq!(snapshot(&store), before);
    drop(store);
    let err = Store::open_with(&db, Some(&first)).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::WrongPassphrase);
    let mut store = Store::open_with(&db, Some(&second)).unwrap();
    assert!(store.check().unwrap().is_ok());
    assert_eq!(snapshot(&store), before);

    // encrypted → plain
    let even_later = later + chrono::TimeDelta::hours(1);
    let removed = store.change_passphrase(None, &backups, even_later).unwrap();
    assert!(!removed.encrypted && !store.is_encrypted());
    assert_eq!(snapshot(&store), before);
    // The store stays usable after a change.
    store
        .create_client(crate::common::client_details("After the change"))
        .unwrap();
    drop(store);
    assert!(!store::is_encrypted(&db).unwrap());
    let store = Store::open(&db).unwrap();
    assert!(store.check().unwrap().is_ok());
    assert_eq!(store.counts().unwrap().clients, 9);
}

#[test]
fn search_works_on_an_encrypted_database() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plain) = demo_db(dir.path(), "plain.db", None);
    let (_, secret) = demo_db(dir.path(), "secret.db", Some(&pass("search me please")));
    let doc = demo::generate(&demo_options());
    let name = &doc.clients[0].client.details.name;
    for text in [
        name.as_str(),
        "feedback",
        "deleg*",
        "\"one on one\" OR meeting",
    ] {
        let q = SearchQuery {
            text: text.to_string(),
            ..SearchQuery::default()
        };
        let ids = |s: &Store| {
            search::search(s, &q)
                .unwrap()
                .into_iter()
                .map(|h| (h.record_id, h.kind))
                .collect::<Vec<_>>()
        };
        let found = ids(&secret);
        assert_eq!(found, ids(&plain), "{text}: same hits, same order (rank)");
        if text == name {
            assert!(!found.is_empty(), "{text}");
        }
    }
    assert!(secret.check().unwrap().search_index_ok);
}

#[test]
fn a_backup_needs_the_passphrase_it_was_taken_with() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let old = pass("the old passphrase");
    let new = pass("the new passphrase");
    let (db, mut store) = demo_db(dir.path(), "practice.db", Some(&old));
    let before = snapshot(&store);
    // Two days ago: the backup taken before the change does not rotate it away.
    let taken = backup::back_up_now(&store, &backups, now() - chrono::TimeDelta::days(2))
        .unwrap()
        .written
        .unwrap();
    store
        .change_passphrase(Some(&new), &backups, now() + chrono::TimeDelta::hours(1))
        .unwrap();
    store
        .create_client(crate::common::client_details("After the backup"))
        .unwrap();
    drop(store);

    let later = now() + chrono::TimeDelta::hours(2);
    let with_new = RestoreKeys {
        current: Some(&new),
        backup: Some(&new),
    };
    let err = backup::restore_with(&db, &taken.path, &backups, with_new, later).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WrongPassphrase, "{err}");
    assert!(err.to_string().contains("when it was taken"), "{err}");
    let err = backup::restore_with(&db, &taken.path, &backups, RestoreKeys::default(), later)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");

    let keys = RestoreKeys {
        current: Some(&new),
        backup: Some(&old),
    };
    let outcome = backup::restore_with(&db, &taken.path, &backups, keys, later).unwrap();
    let safety = outcome.safety_copy.unwrap();
    assert!(
        !outcome.safety_copy_raw,
        "the current file was copied cleanly"
    );
    assert!(store::is_encrypted(&safety).unwrap());
    Store::verify_file(&safety, Some(&new)).unwrap();
    // The restored database keeps the practice's current passphrase, not the backup's.
    assert_eq!(outcome.protection, backup::Protection::RekeyedToCurrent);
    assert_eq!(
        snapshot(&Store::open_with(&db, Some(&new)).unwrap()),
        before
    );
    assert_eq!(
        Store::open_with(&db, Some(&old)).err().unwrap().kind(),
        ErrorKind::WrongPassphrase
    );
}

#[test]
fn passphrase_is_never_printed() {
    let p = pass("do not print me");
    assert_eq!(format!("{p:?}"), "Passphrase(hidden)");
    assert!(matches!(
        Passphrase::new("").unwrap_err(),
        Error::Invalid { .. }
    ));
    let line = Passphrase::read_line(&mut "line one\r\nline two\n".as_bytes()).unwrap();
    assert_eq!(line, pass("line one"));
}

#[test]
fn the_read_only_open_takes_the_passphrase_too() {
    let dir = tempfile::tempdir().unwrap();
    let key = pass("read only please");
    let (db, store) = demo_db(dir.path(), "secret.db", Some(&key));
    let before = snapshot(&store);
    drop(store);
    let read_only = Store::open_read_only_with(&db, Some(&key)).unwrap();
    assert!(read_only.is_encrypted());
    assert_eq!(snapshot(&read_only), before);
    drop(read_only);
    let wrong = Store::open_read_only_with(&db, Some(&pass("not this one")));
    assert_eq!(wrong.err().unwrap().kind(), ErrorKind::WrongPassphrase);
    assert_eq!(
        Store::open_read_only(&db).err().unwrap().kind(),
        ErrorKind::Locked
    );
}
