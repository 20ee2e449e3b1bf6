//! The crash test (`tests/crash.rs`) on an encrypted database, shorter: a driver saves
//! notes through `Store::update_session` on an SQLCipher file and acknowledges each save;
//! it is SIGKILLed at random moments, and after each kill the file opens with the
//! passphrase, passes `PRAGMA integrity_check`, and holds the last acknowledged save.
//! Proves that recovery of an encrypted WAL after a crash loses nothing.

mod common;

use coachbook::Store;
use coachbook::store::Passphrase;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use uuid::Uuid;

const DRIVER_DB: &str = "ENC_CRASH_DRIVER_DB";
const DRIVER_SESSION: &str = "ENC_CRASH_DRIVER_SESSION";
const DRIVER_FIRST_SEQ: &str = "ENC_CRASH_DRIVER_FIRST_SEQ";
/// Fewer than the plain test: each open derives the key (~0.1 s) in driver and checker.
const KILLS: u32 = 40;

fn key() -> Passphrase {
    Passphrase::new("crash test passphrase").unwrap()
}

fn notes_for(seq: u64, rng: &mut ChaCha8Rng) -> String {
    let filler: String = (0..rng.random_range(100..6000))
        .map(|i| (b'a' + (i % 26) as u8) as char)
        .collect();
    format!("seq {seq}\n{filler}")
}

fn seq_of(notes: &str) -> Option<u64> {
    notes.lines().next()?.strip_prefix("seq ")?.parse().ok()
}

#[test]
fn encrypted_crash_driver() {
    let Some(db) = std::env::var_os(DRIVER_DB) else {
        return; // a normal test run: nothing to drive
    };
    let id: Uuid = std::env::var(DRIVER_SESSION).unwrap().parse().unwrap();
    let mut seq: u64 = std::env::var(DRIVER_FIRST_SEQ).unwrap().parse().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seq);
    let mut store = Store::open_with(Path::new(&db), Some(&key())).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    loop {
        let mut details = store.session(id).unwrap().details;
        details.notes = notes_for(seq, &mut rng);
        store.update_session(id, details).unwrap();
        writeln!(out, "ack {seq}").unwrap();
        out.flush().unwrap();
        seq += 1;
    }
}

#[test]
fn sigkill_never_loses_an_acknowledged_save_on_an_encrypted_database() {
    if std::env::var_os(DRIVER_DB).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.db");
    let mut store = Store::open_with(&db, Some(&key())).unwrap();
    let client = store.create_client(common::client_details("Zoe")).unwrap();
    let session = store
        .create_session(client.id, common::session_details(vec![]))
        .unwrap();
    drop(store);
    assert!(coachbook::store::is_encrypted(&db).unwrap());
    let exe = std::env::current_exe().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(0xE0C_C0DE);
    let (mut acked_total, mut losses) = (0u64, 0u32);
    let mut last_acked: Option<u64> = None;
    let mut next_seq = 1u64;

    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "encrypted_crash_driver",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DRIVER_DB, &db)
            .env(DRIVER_SESSION, session.id.to_string())
            .env(DRIVER_FIRST_SEQ, next_seq.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        // Wait for "ready" (the key derivation takes a while), then kill among saves.
        // (libtest prints its own lines first.)
        let ready = std::iter::from_fn(|| rx.recv_timeout(Duration::from_secs(20)).ok())
            .any(|l| l.ends_with("ready"));
        assert!(ready, "driver never became ready");
        std::thread::sleep(Duration::from_micros(rng.random_range(0..30_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            if let Some(seq) = line.strip_prefix("ack ").and_then(|s| s.parse().ok()) {
                acked_total += 1;
                last_acked = Some(seq);
                next_seq = seq + 1;
            }
        }
        let store = Store::open_with(&db, Some(&key())).unwrap();
        let verdict: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "after kill {kill}");
        let found = seq_of(&store.session(session.id).unwrap().details.notes);
        if let Some(acked) = last_acked
            && found.is_none_or(|f| f < acked)
        {
            losses += 1;
            eprintln!("kill {kill}: acked seq {acked}, found {found:?}");
        }
        if let Some(f) = found {
            next_seq = next_seq.max(f + 1);
        }
    }
    println!("encrypted crash test: {KILLS} kills, {acked_total} writes acked, {losses} losses");
    assert_eq!(losses, 0);
    assert!(
        acked_total > u64::from(KILLS),
        "too few saves to prove anything"
    );
    assert!(coachbook::store::is_encrypted(&db).unwrap());
}
