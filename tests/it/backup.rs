//! Automatic backups (names, schedule, rotation) and restore (refuses damaged or foreign
//! files, keeps the current file first, restores to an export-identical database).

use crate::common::snapshot;
use chrono::{DateTime, TimeDelta, Utc};
use coachbook::ErrorKind;
use coachbook::Store;
use coachbook::backup::{self, BackupKind, Retention};
use coachbook::demo::{self, DemoOptions, Size};
use proptest::prelude::*;
use std::path::Path;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn demo_store() -> crate::common::TempStore {
    let mut t = crate::common::temp_store();
    let options = DemoOptions {
        size: Size::Small,
        seed: 3,
        as_of: crate::common::date("2026-11-24"),
    };
    demo::seed(&mut t.store, &options).unwrap();
    t
}

fn snapshot_of(path: &Path) -> String {
    snapshot(&Store::open(path).unwrap())
}

#[test]
fn file_names_carry_kind_and_time_and_other_files_are_ignored() {
    let t = at("2026-11-24T09:30:05Z");
    for kind in [BackupKind::Scheduled, BackupKind::BeforeRestore] {
        let name = backup::file_name(kind, t);
        assert_eq!(backup::parse_file_name(&name), Some((kind, t)), "{name}");
    }
    assert_eq!(
        backup::file_name(BackupKind::Scheduled, t),
        "coachbook-20261124-093005.db"
    );
    for other in [
        "notes.db",
        "coachbook-2026.db",
        "coachbook-20261124-093005.partial",
    ] {
        assert_eq!(backup::parse_file_name(other), None, "{other}");
    }
    let dir = tempfile::tempdir().unwrap();
    assert!(
        backup::list_backups(&dir.path().join("missing"))
            .unwrap()
            .is_empty()
    );
    std::fs::write(dir.path().join("readme.txt"), "x").unwrap();
    assert!(backup::list_backups(dir.path()).unwrap().is_empty());
}

#[test]
fn scheduled_runs_write_at_most_one_verified_backup_a_day() {
    let t = demo_store();
    let dir = backup::default_dir(&t.path());
    assert_eq!(dir, t.dir.path().join("backups"));
    let day1 = at("2026-11-24T09:00:00Z");
    let first = backup::run_scheduled(&t.store, &dir, day1).unwrap();
    let written = first.written.unwrap();
    assert_eq!(written.taken_at, day1);
    assert!(written.size > 0);
    assert_eq!(snapshot_of(&written.path), snapshot(&t.store));
    let later = backup::run_scheduled(&t.store, &dir, day1 + TimeDelta::hours(23)).unwrap();
    assert!(later.written.is_none());
    let next = backup::run_scheduled(&t.store, &dir, day1 + TimeDelta::hours(24)).unwrap();
    assert!(next.written.is_some());
    let list = backup::list_backups(&dir).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list[0].taken_at > list[1].taken_at, "newest first");
}

#[test]
fn a_year_of_daily_backups_is_rotated_down_to_the_policy() {
    let t = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let start = at("2025-01-01T08:00:00Z");
    // Copies of one backup under many names: rotation only reads the names.
    let first = backup::back_up_now(&t.store, dir.path(), start).unwrap();
    let source = first.written.unwrap().path;
    for day in 1..400 {
        let name = backup::file_name(BackupKind::Scheduled, start + TimeDelta::days(day));
        std::fs::copy(&source, dir.path().join(name)).unwrap();
    }
    let keep = backup::file_name(BackupKind::BeforeRestore, start);
    std::fs::copy(&source, dir.path().join(&keep)).unwrap();
    let run = backup::back_up_now(&t.store, dir.path(), start + TimeDelta::days(400)).unwrap();
    assert!(!run.deleted.is_empty());
    let left = backup::list_backups(dir.path()).unwrap();
    let scheduled = left
        .iter()
        .filter(|b| b.kind == BackupKind::Scheduled)
        .count();
    assert!(scheduled <= 7 + 4 + 12, "{scheduled} left");
    assert!(
        left.iter().any(|b| b.path.ends_with(&keep)),
        "pre-restore copies stay"
    );
    assert_eq!(left[0].taken_at, start + TimeDelta::days(400));
}

fn stamps() -> impl Strategy<Value = Vec<DateTime<Utc>>> {
    // Up to ~3 years of backups at random minutes.
    prop::collection::vec(0i64..(3 * 365 * 24 * 60), 0..120).prop_map(|mins| {
        mins.into_iter()
            .map(|m| at("2024-01-01T00:00:00Z") + TimeDelta::minutes(m))
            .collect()
    })
}

proptest! {
    #[test]
    fn rotation_keeps_the_newest_and_recent_days_and_is_stable(stamps in stamps()) {
        let keep = Retention::default();
        let doomed = backup::to_delete(&stamps, keep);
        let kept: Vec<_> = stamps.iter().filter(|t| !doomed.contains(t)).copied().collect();
        prop_assert!(doomed.iter().all(|d| stamps.contains(d)));
        prop_assert!(kept.len() <= keep.daily + keep.weekly + keep.monthly);
        if let Some(newest) = stamps.iter().max() {
            prop_assert!(kept.contains(newest));
        }
        // Each of the 7 most recent days with a backup keeps one.
        let mut days: Vec<_> = stamps.iter().map(|t| t.date_naive()).collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        for day in days.iter().take(keep.daily) {
            prop_assert!(kept.iter().any(|t| t.date_naive() == *day), "{day} lost");
        }
        // Rotating again deletes nothing more.
        prop_assert!(backup::to_delete(&kept, keep).is_empty());
    }
}

#[test]
fn restore_of_a_good_backup_gives_its_export_and_keeps_the_current_file() {
    let mut t = demo_store();
    let db = t.path();
    let dir = backup::default_dir(&db);
    let now = at("2026-11-24T10:00:00Z");
    let taken = backup::back_up_now(&t.store, &dir, now)
        .unwrap()
        .written
        .unwrap();
    let backed_up = snapshot(&t.store);
    t.store
        .create_client(crate::common::client_details("After Backup"))
        .unwrap();
    let before_restore = snapshot(&t.store);
    drop(t.store);
    let outcome = backup::restore(&db, &taken.path, &dir, now + TimeDelta::minutes(5)).unwrap();
    assert_eq!(snapshot_of(&db), backed_up);
    let copy = outcome.safety_copy.unwrap();
    assert!(!outcome.safety_copy_raw);
    assert_eq!(snapshot_of(&copy), before_restore);
    let kinds: Vec<_> = backup::list_backups(&dir)
        .unwrap()
        .iter()
        .map(|b| b.kind)
        .collect();
    assert!(kinds.contains(&BackupKind::BeforeRestore));
    assert!(Store::open(&db).unwrap().check().unwrap().is_ok());
}

#[test]
fn restore_refuses_damaged_foreign_or_missing_files_and_leaves_the_database_alone() {
    let t = demo_store();
    let db = t.path();
    let dir = backup::default_dir(&db);
    let now = at("2026-11-24T10:00:00Z");
    let good = backup::back_up_now(&t.store, &dir, now)
        .unwrap()
        .written
        .unwrap();
    let before = snapshot(&t.store);
    drop(t.store);
    let bytes_before = std::fs::read(&db).unwrap();

    let mut damaged = std::fs::read(&good.path).unwrap();
    let len = damaged.len();
    assert!(len > 8 * 4096);
    for b in &mut damaged[4096 * 2..len - 4096] {
        *b = 0x5A;
    }
    let damaged_path = t.dir.path().join("damaged.db");
    std::fs::write(&damaged_path, &damaged).unwrap();
    let foreign = t.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    let text = t.dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words".repeat(200)).unwrap();

    for bad in [
        &damaged_path,
        &foreign,
        &text,
        &t.dir.path().join("missing.db"),
    ] {
        let err = backup::restore(&db, bad, &dir, now).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::NotCoachbook | ErrorKind::Invalid),
            "{}: {err}",
            bad.display()
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes_before,
            "{}",
            bad.display()
        );
        assert_eq!(snapshot_of(&db), before);
    }
    let open = Store::open(&db).unwrap();
    let err = backup::restore(&db, &good.path, &dir, now).unwrap_err();
    assert!(err.to_string().contains("close it"), "{err}");
    drop(open);
    assert_eq!(snapshot_of(&db), before);
    let names: Vec<_> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.contains("restoring")), "{names:?}");
}

fn coachbook(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_coachbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COACHBOOK_DB")
        .output()
        .unwrap()
}

#[test]
fn cli_backups_run_list_and_restore() {
    let t = demo_store();
    let db = t.path();
    let backed_up = snapshot(&t.store);
    drop(t.store);
    let run = coachbook(&db, &["backups", "run"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let again = coachbook(&db, &["backups", "run"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to do"));
    let list = coachbook(&db, &["backups", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let path = list[0]["path"].as_str().unwrap().to_string();

    Store::open(&db)
        .unwrap()
        .create_client(crate::common::client_details("Later"))
        .unwrap();
    let junk = t.dir.path().join("junk.db");
    std::fs::write(&junk, "junk".repeat(1000)).unwrap();
    let refused = coachbook(&db, &["restore", junk.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a Coachbook database"));

    let restored = coachbook(&db, &["restore", &path]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert!(String::from_utf8_lossy(&restored.stdout).contains("previous database is kept"));
    assert_eq!(snapshot_of(&db), backed_up);
}

#[test]
fn restore_refuses_a_backup_from_a_newer_coachbook_naming_both_versions() {
    let t = demo_store();
    let db = t.path();
    let dir = backup::default_dir(&db);
    let now = at("2026-11-24T10:00:00Z");
    let good = backup::back_up_now(&t.store, &dir, now)
        .unwrap()
        .written
        .unwrap();
    let before = snapshot(&t.store);
    drop(t.store);
    rusqlite::Connection::open(&good.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = backup::restore(&db, &good.path, &dir, now).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NewerSchema, "{err}");
    assert!(err.to_string().contains("99"), "{err}");
    assert_eq!(snapshot_of(&db), before);
}

#[test]
fn a_backup_on_its_own_connection_completes_while_notes_are_being_saved() {
    let mut t = demo_store();
    let db = t.path();
    let client = t
        .store
        .create_client(crate::common::client_details("Typing"))
        .unwrap();
    let session = t
        .store
        .create_session(client.id, crate::common::session_details(vec![]))
        .unwrap();
    let dir = t.dir.path().join("elsewhere");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop2 = stop.clone();
    let backups = std::thread::spawn(move || {
        let second = Store::open(&db).unwrap();
        let mut n = 0;
        for i in 0..5 {
            let run = backup::back_up_now(
                &second,
                &dir,
                at("2026-11-24T10:00:00Z") + TimeDelta::days(i),
            );
            assert!(run.unwrap().written.is_some());
            n += 1;
        }
        stop2.store(true, std::sync::atomic::Ordering::SeqCst);
        n
    });
    let mut saves = 0;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let mut d = session.details.clone();
        d.notes = format!("save {saves}");
        let started = std::time::Instant::now();
        t.store.update_session(session.id, d).unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "a save waited on the backup"
        );
        saves += 1;
    }
    assert_eq!(backups.join().unwrap(), 5);
    assert!(saves > 0);
}
