//! Crash safety, proved: a driver process saves session notes through `Store::update_session`
//! (exactly what the app's save command calls) and prints `ack <seq>` after each committed
//! save; the test SIGKILLs it at random moments, then reopens the file and checks that it
//! passes `PRAGMA integrity_check` and holds the last acknowledged save (or a later one).
//!
//! The driver is this test binary re-executed with `CRASH_DRIVER_DB` set: the test code
//! stays out of the shipped `coachbook` binary, and the driver runs the same library code.
//! The same run on an SQLCipher file (fewer kills: every open derives the key, ~0.1 s)
//! proves that recovering an encrypted WAL after a crash loses nothing either.

use coachbook::Store;
use coachbook::store::Passphrase;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use uuid::Uuid;

const DRIVER_DB: &str = "CRASH_DRIVER_DB";
const DRIVER_SESSION: &str = "CRASH_DRIVER_SESSION";
const DRIVER_FIRST_SEQ: &str = "CRASH_DRIVER_FIRST_SEQ";
/// Set for the encrypted run: the driver opens the file with this passphrase.
const DRIVER_KEY: &str = "CRASH_DRIVER_KEY";
const ENCRYPTED_KEY: &str = "crash test passphrase";

fn key_from_env() -> Option<Passphrase> {
    std::env::var(DRIVER_KEY)
        .ok()
        .map(|k| Passphrase::new(k).unwrap())
}

/// Notes that name their save, with filler so a save spans several pages.
fn notes_for(seq: u64, rng: &mut ChaCha8Rng) -> String {
    let filler_len = rng.random_range(100..6000);
    let filler: String = (0..filler_len)
        .map(|i| {
            if i % 61 == 60 {
                '\n'
            } else {
                (b'a' + (i % 26) as u8) as char
            }
        })
        .collect();
    format!("seq {seq}\n{filler}")
}

fn seq_of(notes: &str) -> Option<u64> {
    notes.lines().next()?.strip_prefix("seq ")?.parse().ok()
}

/// Driver mode: save, acknowledge, repeat, until killed.
#[test]
fn crash_driver() {
    let Some(db) = std::env::var_os(DRIVER_DB) else {
        return; // a normal test run: nothing to drive
    };
    let id: Uuid = std::env::var(DRIVER_SESSION).unwrap().parse().unwrap();
    let mut seq: u64 = std::env::var(DRIVER_FIRST_SEQ).unwrap().parse().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seq);
    let mut store = Store::open_with(Path::new(&db), key_from_env().as_ref()).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    loop {
        let mut details = store.session(id).unwrap().details;
        details.notes = notes_for(seq, &mut rng);
        store.update_session(id, details).unwrap();
        // Only after the commit returned: what the app would show as "Saved".
        writeln!(out, "ack {seq}").unwrap();
        out.flush().unwrap();
        seq += 1;
    }
}

enum Line {
    Ready,
    Ack(u64),
}

#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_save() {
    crash_run(None, 240, 0xC0AC_B00C);
}

#[test]
fn sigkill_never_loses_an_acknowledged_save_on_an_encrypted_database() {
    crash_run(Some(ENCRYPTED_KEY), 40, 0xE0C_C0DE);
}

/// Kills a driver `kills` times and checks the file after each kill.
fn crash_run(passphrase: Option<&str>, kills: u32, seed: u64) {
    if std::env::var_os(DRIVER_DB).is_some() {
        return;
    }
    let key = passphrase.map(|k| Passphrase::new(k).unwrap());
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut store = Store::open_with(&db, key.as_ref()).unwrap();
    let client = store
        .create_client(crate::common::client_details("Zoe"))
        .unwrap();
    let session = store
        .create_session(client.id, crate::common::session_details(vec![]))
        .unwrap();
    drop(store);
    assert_eq!(coachbook::store::is_encrypted(&db).unwrap(), key.is_some());
    let exe = std::env::current_exe().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut acked_total, mut checked, mut losses, mut mid_run) = (0u64, 0u32, 0u32, 0u32);
    let mut last_acked: Option<u64> = None;
    let mut next_seq = 1u64;

    for kill in 0..kills {
        let mut driver = Command::new(&exe);
        driver
            .args([
                "crash::crash_driver",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DRIVER_DB, &db)
            .env(DRIVER_SESSION, session.id.to_string())
            .env(DRIVER_FIRST_SEQ, next_seq.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(k) = passphrase {
            driver.env(DRIVER_KEY, k);
        }
        let mut child = driver.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest may print "test crash_driver ... " just before it.
                let parsed = if line.ends_with("ready") {
                    Some(Line::Ready)
                } else {
                    line.strip_prefix("ack ")
                        .and_then(|s| s.parse().ok())
                        .map(Line::Ack)
                };
                if let Some(l) = parsed {
                    let _ = tx.send(l);
                }
            }
        });
        // Most kills land among saves; one in four may land while the file is being
        // opened (recovery of the previous crash's WAL included).
        if kill % 4 != 0 {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(Line::Ready) => {}
                Ok(Line::Ack(_)) => panic!("the driver saved before it said ready"),
                Err(e) => panic!("driver never became ready: {e}"),
            }
            mid_run += 1;
        }
        std::thread::sleep(Duration::from_micros(rng.random_range(0..30_000)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            if let Line::Ack(seq) = line {
                acked_total += 1;
                last_acked = Some(seq);
                next_seq = seq + 1;
            }
        }

        let store = Store::open_with(&db, key.as_ref()).unwrap();
        let verdict: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "after kill {kill}");
        let found = seq_of(&store.session(session.id).unwrap().details.notes);
        if let Some(acked) = last_acked {
            checked += 1;
            if found.is_none_or(|f| f < acked) {
                losses += 1;
                eprintln!("kill {kill}: acked seq {acked}, found {found:?}");
            }
        }
        // A save that committed but was killed before its ack: the next run goes on after it.
        if let Some(f) = found {
            next_seq = next_seq.max(f + 1);
        }
    }

    println!(
        "crash test{}: {kills} kills ({mid_run} among saves), {acked_total} writes acked, \
         {checked} checks of the last acked write, {losses} losses, {:.1} s",
        if key.is_some() { " (encrypted)" } else { "" },
        started.elapsed().as_secs_f64()
    );
    assert_eq!(losses, 0);
    assert!(
        acked_total > u64::from(kills),
        "too few saves to prove anything"
    );
}
