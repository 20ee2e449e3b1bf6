//! A practice that cannot be written — a read-only file, or a read-only folder (WAL needs to
//! create `-wal`/`-shm` beside the file) — opens for reading with `Store::open_read_only`;
//! every write fails with kind `read_only` and the file keeps every byte.
//!
//! Root ignores permission bits, so as root the file or folder is made read-only with a
//! read-only bind mount (the kernel refuses writes with EROFS); otherwise with chmod.

use coachbook::ErrorKind;
use coachbook::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

/// Makes `path` (a file or a folder) read-only until dropped.
enum ReadOnly {
    Mount(PathBuf),
    Mode(PathBuf, u32),
}

impl ReadOnly {
    fn make(path: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        if is_root() {
            let run = |args: &[&str]| {
                let status = Command::new("mount")
                    .args(args)
                    .arg(path)
                    .arg(path)
                    .status();
                assert!(
                    status.is_ok_and(|s| s.success()),
                    "mount {args:?} failed: this test needs to bind-mount as root"
                );
            };
            run(&["--bind"]);
            let status = Command::new("mount")
                .args(["-o", "remount,bind,ro"])
                .arg(path)
                .status();
            assert!(status.is_ok_and(|s| s.success()), "remount read-only");
            ReadOnly::Mount(path.to_path_buf())
        } else {
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            let ro = if path.is_dir() { 0o555 } else { 0o444 };
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(ro)).unwrap();
            ReadOnly::Mode(path.to_path_buf(), mode)
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        match self {
            ReadOnly::Mount(p) => {
                let _ = Command::new("umount").arg(&*p).status();
            }
            ReadOnly::Mode(p, mode) => {
                let _ = std::fs::set_permissions(&*p, std::fs::Permissions::from_mode(*mode));
            }
        }
    }
}

/// A closed practice with one client, in WAL mode with no `-wal`/`-shm` left (clean close).
fn practice(dir: &Path) -> PathBuf {
    let db = dir.join("practice.db");
    let mut store = Store::open(&db).unwrap();
    store
        .create_client(crate::common::client_details("Zoë Ashford"))
        .unwrap();
    drop(store);
    assert!(!dir.join("practice.db-wal").exists());
    db
}

fn check_reads_but_never_writes(db: &Path) {
    let before = std::fs::read(db).unwrap();
    let mut store = Store::open_read_only(db).unwrap();
    let clients = store.list_clients(&Default::default()).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].name, "Zoë Ashford");

    let err = store
        .create_client(crate::common::client_details("Ola Nordmann"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ReadOnly, "{err}");
    let err = store.update_client(clients[0].id, crate::common::client_details("Renamed"));
    assert_eq!(err.unwrap_err().kind(), ErrorKind::ReadOnly);
    drop(store);
    assert_eq!(std::fs::read(db).unwrap(), before, "not a byte written");
}

#[test]
fn a_read_only_file_opens_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = practice(dir.path());
    let _ro = ReadOnly::make(&db);
    // The system refuses writing for real (the app's check asks the same way).
    assert!(std::fs::OpenOptions::new().write(true).open(&db).is_err());
    check_reads_but_never_writes(&db);
}

#[test]
fn a_read_only_folder_opens_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = practice(dir.path());
    let _ro = ReadOnly::make(dir.path());
    assert!(std::fs::File::create(dir.path().join("probe")).is_err());
    // Without `immutable=1` SQLite cannot create the -shm a WAL-mode file needs here.
    check_reads_but_never_writes(&db);
    assert!(!dir.path().join("practice.db-shm").exists());
}

#[test]
fn a_writable_practice_is_still_opened_read_only_on_request() {
    // The read-only connection itself refuses writes (query_only), whatever the file allows.
    let dir = tempfile::tempdir().unwrap();
    let db = practice(dir.path());
    check_reads_but_never_writes(&db);
}

#[test]
fn an_older_or_foreign_file_is_refused_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE notes(x); PRAGMA user_version = 1;")
        .unwrap();
    drop(conn);
    let err = Store::open_read_only(&other).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::NotCoachbook, "{err}");

    let db = practice(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    drop(conn);
    let err = Store::open_read_only(&db).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::NewerSchema, "{err}");
}
