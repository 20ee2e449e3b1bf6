//! Encryption is never lost by a restore: a plain backup restored into an encrypted
//! practice is encrypted with the current passphrase, a backup with an older passphrase is
//! re-keyed to the current one; the backups list says which copies are encrypted; after a
//! passphrase change the copies that still open with the old passphrase are found, and
//! re-keyed or deleted at the coach's word.

use crate::common;
use chrono::{DateTime, TimeDelta, Utc};
use coachbook::backup::{self, Protection, RestoreKeys};
use coachbook::store::{self, Passphrase};
use coachbook::{ErrorKind, Store};
use common::snapshot;
use std::path::Path;

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn at(hours: i64) -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse::<DateTime<Utc>>().unwrap() + TimeDelta::hours(hours)
}

fn practice(dir: &Path) -> (std::path::PathBuf, Store) {
    let db = dir.join("practice.db");
    let mut store = Store::open(&db).unwrap();
    store
        .create_client(common::client_details("Zoë Ashford"))
        .unwrap();
    (db, store)
}

#[test]
fn a_plain_backup_restored_into_an_encrypted_practice_stays_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let (db, mut store) = practice(dir.path());
    let plain = backup::back_up_now(&store, &backups, at(-48))
        .unwrap()
        .written
        .unwrap();
    assert!(!plain.encrypted);
    let before = snapshot(&store);
    let key = pass("correct horse battery");
    store
        .change_passphrase(Some(&key), &backups, at(0))
        .unwrap();
    store
        .create_client(common::client_details("After the passphrase"))
        .unwrap();
    drop(store);

    // Without the current passphrase the restore cannot keep the practice encrypted: refused.
    let err = backup::restore_with(&db, &plain.path, &backups, RestoreKeys::default(), at(1))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
    assert!(store::is_encrypted(&db).unwrap(), "untouched");

    let keys = RestoreKeys {
        current: Some(&key),
        backup: Some(&key),
    };
    let outcome = backup::restore_with(&db, &plain.path, &backups, keys, at(1)).unwrap();
    assert_eq!(outcome.protection, Protection::EncryptedWithCurrent);
    assert!(
        store::is_encrypted(&db).unwrap(),
        "the practice is still encrypted"
    );
    assert_eq!(Store::open(&db).err().unwrap().kind(), ErrorKind::Locked);
    assert_eq!(
        snapshot(&Store::open_with(&db, Some(&key)).unwrap()),
        before
    );
    // The file on disk holds no client name in plain text.
    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes.windows(5).any(|w| w == b"Ashfo"), "encrypted bytes");
}

#[test]
fn a_plain_practice_takes_the_backups_protection() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let (db, store) = practice(dir.path());
    let plain = backup::back_up_now(&store, &backups, at(0))
        .unwrap()
        .written
        .unwrap();
    drop(store);
    let outcome = backup::restore(&db, &plain.path, &backups, at(1)).unwrap();
    assert_eq!(outcome.protection, Protection::Plain);
    assert!(!store::is_encrypted(&db).unwrap());
}

#[test]
fn the_backups_list_marks_encrypted_and_plain_copies() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let (_db, mut store) = practice(dir.path());
    backup::back_up_now(&store, &backups, at(-72)).unwrap();
    let key = pass("correct horse battery");
    store
        .change_passphrase(Some(&key), &backups, at(-48))
        .unwrap();
    backup::back_up_now(&store, &backups, at(0)).unwrap();
    let list = backup::list_backups(&backups).unwrap();
    let marks: Vec<(DateTime<Utc>, bool)> =
        list.iter().map(|b| (b.taken_at, b.encrypted)).collect();
    // Newest first: today's (encrypted), the one taken before the change (plain), the first.
    assert_eq!(
        marks,
        vec![(at(0), true), (at(-48), false), (at(-72), false)]
    );
    let json = serde_json::to_value(&list[0]).unwrap();
    assert_eq!(json["encrypted"], true);
}

#[test]
fn after_a_change_the_copies_with_the_old_passphrase_are_found_then_rekeyed_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let old = pass("the old passphrase");
    let new = pass("the new passphrase");
    let db = dir.path().join("practice.db");
    let mut store = Store::open_with(&db, Some(&old)).unwrap();
    store
        .create_client(common::client_details("Zoë Ashford"))
        .unwrap();
    let daily = backup::back_up_now(&store, &backups, at(-72))
        .unwrap()
        .written
        .unwrap();
    drop(store);
    // A copy kept before a restore is in the same folder and has the old passphrase too.
    let keys = RestoreKeys {
        current: Some(&old),
        backup: Some(&old),
    };
    let kept = backup::restore_with(&db, &daily.path, &backups, keys, at(-48))
        .unwrap()
        .safety_copy
        .unwrap();
    let mut store = Store::open_with(&db, Some(&old)).unwrap();

    let change = store
        .change_passphrase(Some(&new), &backups, at(0))
        .unwrap();
    let taken_first = change.backup.clone().unwrap();
    let mut found = change.old_passphrase_backups.clone();
    found.sort();
    let mut expected = vec![daily.path.clone(), kept.clone(), taken_first.clone()];
    expected.sort();
    assert_eq!(
        found, expected,
        "every copy that opens with the old passphrase"
    );

    // Only listed copies that open with the old passphrase are touched.
    let stranger = dir.path().join("elsewhere.db");
    std::fs::copy(&daily.path, &stranger).unwrap();
    let refused =
        backup::rekey_copies(&backups, std::slice::from_ref(&stranger), &old, &new).unwrap_err();
    assert_eq!(refused.field(), Some("paths"), "{refused}");
    let wrong =
        backup::delete_copies(&backups, std::slice::from_ref(&daily.path), &new).unwrap_err();
    assert_eq!(wrong.field(), Some("paths"), "{wrong}");
    assert!(daily.path.exists());

    let rekeyed =
        backup::rekey_copies(&backups, &[daily.path.clone(), kept.clone()], &old, &new).unwrap();
    assert_eq!(rekeyed.len(), 2);
    for p in [&daily.path, &kept] {
        Store::verify_file(&dir_copy(p, dir.path()), Some(&new)).unwrap();
        assert_eq!(
            Store::open_read_only_with(p, Some(&old))
                .err()
                .unwrap()
                .kind(),
            ErrorKind::WrongPassphrase,
            "{}",
            p.display()
        );
    }
    let deleted =
        backup::delete_copies(&backups, std::slice::from_ref(&taken_first), &old).unwrap();
    assert_eq!(deleted, vec![taken_first.clone()]);
    assert!(!taken_first.exists());
    assert!(backup::opening_with(&backups, &old).unwrap().is_empty());
    drop(store);
}

/// `verify_file` may fold a file's journal: check a copy, never the backup itself.
fn dir_copy(p: &Path, dir: &Path) -> std::path::PathBuf {
    let copy = dir.join(format!(
        "check-{}",
        p.file_name().unwrap().to_string_lossy()
    ));
    std::fs::copy(p, &copy).unwrap();
    copy
}

#[test]
fn the_cli_restores_a_plain_backup_into_an_encrypted_practice_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let cli = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_coachbook"));
        c.arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("COACHBOOK_DB")
            .env_remove("COACHBOOK_PASSPHRASE");
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.output().unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    cli(&["demo", "--seed", "2", "--as-of", "2026-11-24"], &[]);
    let plain = dir.path().join("plain.db");
    cli(&["backup", plain.to_str().unwrap()], &[]);
    cli(
        &["passphrase", "set"],
        &[("COACHBOOK_NEW_PASSPHRASE", "correct horse battery")],
    );
    let out = cli(
        &["restore", plain.to_str().unwrap()],
        &[("COACHBOOK_PASSPHRASE", "correct horse battery")],
    );
    assert!(
        out.contains("encrypted with the current passphrase"),
        "{out}"
    );
    assert!(store::is_encrypted(&db).unwrap());
    let status = cli(
        &["passphrase", "status"],
        &[("COACHBOOK_PASSPHRASE", "correct horse battery")],
    );
    assert!(
        status.contains(": encrypted (a passphrase opens it)"),
        "{status}"
    );
}
