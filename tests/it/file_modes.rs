//! Every file Coachbook creates is readable by the coach's account only (0600) and every
//! folder it creates is 0700, whatever the umask; a practice an older version left readable
//! by others is tightened when it opens.

use crate::common;
use coachbook::Store;
use coachbook::backup;
use coachbook::store::Passphrase;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Every file and folder under `root` that is not 0600 / 0700, with its mode.
fn loose(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let m = mode(&p);
            if p.is_dir() {
                if m != 0o700 {
                    out.push((p.clone(), m));
                }
                todo.push(p);
            } else if m != 0o600 {
                out.push((p, m));
            }
        }
    }
    out
}

fn coachbook(db: &Path, args: &[&str]) -> std::process::Output {
    // A umask that would make everything world-readable: the files must not rely on it.
    Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_coachbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COACHBOOK_DB")
        .output()
        .unwrap()
}

#[test]
fn everything_the_cli_writes_is_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let db = root.join("coachbook.db");
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr))
    };
    ok(coachbook(
        &db,
        &["demo", "--seed", "2", "--as-of", "2026-11-24"],
    ));
    ok(coachbook(&db, &["backups", "run", "--force"]));
    let out = root.join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o700)).unwrap();
    ok(coachbook(
        &db,
        &["export", out.join("all.json").to_str().unwrap()],
    ));
    ok(coachbook(
        &db,
        &[
            "export",
            "--markdown",
            out.join("md").to_str().unwrap(),
            "--include-private",
        ],
    ));
    ok(coachbook(
        &db,
        &["backup", out.join("copy.db").to_str().unwrap()],
    ));
    let list = coachbook(&db, &["clients", "--json"]);
    let clients: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let id = clients[0]["id"].as_str().unwrap();
    let pdf = out.join("r.pdf");
    ok(coachbook(
        &db,
        &[
            "report",
            "--client",
            id,
            "--from",
            "2025-11-24",
            "--to",
            "2026-11-24",
            "--audience",
            "coach",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    assert!(pdf.is_file() && out.join("md").is_dir());
    // The created folders (data/, backups/, md/ and its client folders) and every file.
    assert_eq!(loose(&root), vec![], "everything 0600 / 0700");
}

#[test]
fn the_live_practice_its_wal_and_shm_are_private_while_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new/coachbook.db");
    let mut store = Store::open(&db).unwrap();
    store
        .create_client(common::client_details("Zoë Ashford"))
        .unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let p = coachbook::private::with_suffix(&db, suffix);
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    assert_eq!(mode(&dir.path().join("new")), 0o700);
    coachbook::settings::Settings::default().save(&db).unwrap();
    assert_eq!(mode(&coachbook::settings::settings_path(&db)), 0o600);
    let run = backup::back_up_now(&store, &backup::default_dir(&db), chrono::Utc::now()).unwrap();
    assert_eq!(mode(&run.written.unwrap().path), 0o600);
    assert_eq!(mode(&backup::default_dir(&db)), 0o700);
}

#[test]
fn a_practice_left_readable_by_others_is_tightened_when_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachbook.db");
    let store = Store::open(&db).unwrap();
    let open_again = Store::open(&db).unwrap(); // keeps the WAL and SHM in place
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let p = coachbook::private::with_suffix(&db, suffix);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let store = Store::open(&db).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let p = coachbook::private::with_suffix(&db, suffix);
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    drop((store, open_again));
}

#[test]
fn restored_and_converted_files_are_private_whatever_the_copy_was() {
    let t = common::temp_store();
    let db = t.path();
    let dir = backup::default_dir(&db);
    let copy = t.dir.path().join("loose.db");
    t.store.backup_to(&copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(t.store);
    backup::restore(&db, &copy, &dir, chrono::Utc::now()).unwrap();
    assert_eq!(mode(&db), 0o600, "restored practice");
    let mut store = Store::open(&db).unwrap();
    let key = Passphrase::new("correct horse battery").unwrap();
    store
        .change_passphrase(Some(&key), &dir, chrono::Utc::now())
        .unwrap();
    assert_eq!(mode(&db), 0o600, "encrypted practice");
    drop(store);
    let names: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".partial") || n.ends_with(".restoring") || n.ends_with(".converting")
        })
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
    for b in backup::list_backups(&dir).unwrap() {
        assert_eq!(mode(&b.path), 0o600, "{}", b.path.display());
    }
}
