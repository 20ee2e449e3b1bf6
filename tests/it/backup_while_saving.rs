//! A backup never holds up a save. The app backs up on a connection of its own, read-only
//! (`Store::open_read_only` + `backup::back_up_now`, as `src-tauri/src/backups.rs` does), while
//! the editor saves on the main connection: in WAL mode the copy's read transaction and the
//! saves go on side by side.
//!
//! Figures on the large demo practice (release build):
//! `COACHBOOK_LARGE_DB=/path/large.db cargo test --release --test it backup_while_saving -- --ignored --nocapture`
//! (make the file with `coachbook --db /path/large.db demo --size large`).

use chrono::Utc;
use coachbook::Store;
use coachbook::backup;
use coachbook::demo::{self, DemoOptions, Size};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

struct Run {
    backup_took: Duration,
    backups: usize,
    baseline: Vec<Duration>,
    during: Vec<Duration>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut v = samples.to_vec();
    v.sort();
    let i = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[i.clamp(1, v.len()) - 1]
}

/// Saves a session's notes in a loop on `db`'s main connection: first alone, then while a
/// background thread backs the file up `rounds` times on its own read-only connection.
fn save_while_backing_up(db: &Path, rounds: usize) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let mut main = Store::open(db).unwrap();
    let client = main
        .create_client(crate::common::client_details("Latency"))
        .unwrap();
    let session = main
        .create_session(client.id, crate::common::session_details(vec![]))
        .unwrap();
    let mut details = session.details.clone();
    let mut save = |i: usize| {
        details.notes.push_str(&format!("word {i} "));
        let started = Instant::now();
        main.update_session(session.id, details.clone()).unwrap();
        started.elapsed()
    };
    let baseline: Vec<Duration> = (0..50).map(&mut save).collect();

    let done = AtomicBool::new(false);
    let (backup_took, during) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            let mut took = Duration::ZERO;
            for _ in 0..rounds {
                let ro = Store::open_read_only(db).unwrap();
                let run = backup::back_up_now(&ro, dir.path(), Utc::now()).unwrap();
                took += run.took;
            }
            done.store(true, Ordering::SeqCst);
            took
        });
        let mut during = Vec::new();
        let mut i = 1_000;
        while !done.load(Ordering::SeqCst) {
            during.push(save(i));
            i += 1;
        }
        (worker.join().unwrap(), during)
    });
    // The last copy holds the practice and passes its check.
    let newest = backup::list_backups(dir.path()).unwrap().remove(0);
    assert!(Store::open(&newest.path).unwrap().check().unwrap().is_ok());
    Run {
        backup_took,
        backups: rounds,
        baseline,
        during,
    }
}

fn report(what: &str, r: &Run) {
    eprintln!(
        "{what}: {} backup(s) took {:.0} ms in all; {} saves meanwhile (p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms); alone: p50 {:.1} ms, max {:.1} ms",
        r.backups,
        ms(r.backup_took),
        r.during.len(),
        ms(percentile(&r.during, 50.0)),
        ms(percentile(&r.during, 99.0)),
        ms(*r.during.iter().max().unwrap()),
        ms(percentile(&r.baseline, 50.0)),
        ms(*r.baseline.iter().max().unwrap()),
    );
}

#[test]
fn saves_go_on_while_a_backup_runs_on_its_own_connection() {
    let mut t = crate::common::temp_store();
    let options = DemoOptions {
        size: Size::Small,
        seed: 5,
        as_of: crate::common::date("2026-11-24"),
    };
    demo::seed(&mut t.store, &options).unwrap();
    let db = t.path();
    drop(t.store);
    let r = save_while_backing_up(&db, 10);
    report("small demo", &r);
    // Saves kept completing while ten backups ran back to back…
    assert!(r.during.len() >= 5, "only {} saves", r.during.len());
    // …and none waited for a whole backup: a save that queued behind the copy would take
    // about as long as one backup does.
    let one_backup = r.backup_took / r.backups as u32;
    let worst = *r.during.iter().max().unwrap();
    assert!(
        worst < one_backup.max(Duration::from_millis(50)) * 4,
        "a save took {worst:?} while one backup takes {one_backup:?}"
    );
}

#[test]
#[ignore = "figures on the large demo practice: set COACHBOOK_LARGE_DB, run with --release"]
fn figures_on_the_large_practice() {
    let Some(src) = std::env::var_os("COACHBOOK_LARGE_DB") else {
        panic!("set COACHBOOK_LARGE_DB to a large demo practice");
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("large.db");
    std::fs::copy(src, &db).unwrap();
    let r = save_while_backing_up(&db, 3);
    report("large demo", &r);
    let size = std::fs::metadata(&db).unwrap().len();
    eprintln!("large demo file: {:.1} MB", size as f64 / 1e6);
}

/// The notes as another process (the CLI) reads them from the file right now.
fn notes_read_by_the_cli(db: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coachbook"))
        .args(["--db"])
        .arg(db)
        .args(["export", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A backup's own connection must not cost the main connection its file locks. POSIX locks
/// belong to the process and go when *any* descriptor of the file is closed in it, so opening
/// and closing the database file behind SQLite's back (e.g. to peek at its header) drops them.
/// Then another process that reads the file and closes takes itself for the last user: it
/// checkpoints and deletes the WAL under the app, and the app's next saves land in a deleted
/// file — shown as saved, lost on disk. After a backup made as the app makes it, another
/// process must still see every save.
#[test]
fn after_a_backup_another_process_still_sees_every_save() {
    let t = crate::common::temp_store();
    let db = t.path();
    drop(t.store);
    let dir = tempfile::tempdir().unwrap();
    let mut main = Store::open(&db).unwrap();
    let client = main
        .create_client(crate::common::client_details("Locks"))
        .unwrap();
    let session = main
        .create_session(client.id, crate::common::session_details(vec![]))
        .unwrap();
    let mut details = session.details.clone();
    details.notes = "first save".into();
    main.update_session(session.id, details.clone()).unwrap();

    // What the app's background thread does, while the main connection stays open.
    {
        let ro = Store::open_read_only(&db).unwrap();
        backup::back_up_now(&ro, dir.path(), Utc::now()).unwrap();
    }
    assert!(notes_read_by_the_cli(&db).contains("first save"));

    details.notes = "second save, after the backup and the CLI".into();
    main.update_session(session.id, details.clone()).unwrap();
    assert!(
        db.with_extension("db-wal").exists(),
        "the WAL of the open database is still there"
    );
    assert!(
        notes_read_by_the_cli(&db).contains("second save, after the backup and the CLI"),
        "another process reads the save the app reported done"
    );
}
