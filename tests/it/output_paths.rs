//! Every output path is checked in Rust before anything is written: a report, an export or
//! a backup never lands on the practice file, its WAL, its settings or in the backups
//! folder (symlinks and hard links resolved), reports end in .pdf and exports in .json. A
//! refusal is exit 2 with one stderr line naming the argument, and the practice is byte for
//! byte what it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coachbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COACHBOOK_DB")
        .env_remove("COACHBOOK_PASSPHRASE")
        .output()
        .expect("run coachbook")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

struct Practice {
    dir: tempfile::TempDir,
    db: PathBuf,
    client: String,
}

/// A demo practice with one backup, settings and the WAL folded in (so the bytes are stable).
fn practice() -> Practice {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let o = coachbook(&db, &["demo", "--seed", "3", "--as-of", "2026-11-24"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = coachbook(&db, &["backups", "run", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    coachbook::settings::Settings::default().save(&db).unwrap();
    let o = coachbook(&db, &["clients", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let client = list[0]["id"].as_str().unwrap().to_string();
    Practice { dir, db, client }
}

/// Every file in the practice's folder (backups included) with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                todo.push(p);
            } else if meta.is_file() {
                files.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn report_to(p: &Practice, out: &Path) -> Output {
    coachbook(
        &p.db,
        &[
            "report",
            "--client",
            &p.client,
            "--from",
            "2025-11-24",
            "--to",
            "2026-11-24",
            "--audience",
            "coach",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

/// Exit 2, one stderr line that names `arg` and says `rule`, nothing changed on disk.
fn assert_refused(p: &Practice, o: &Output, before: &[(PathBuf, Vec<u8>)], arg: &str, rule: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with(&format!("coachbook: {arg}: ")), "{err}");
    assert!(err.contains(rule), "{err}");
    assert_eq!(snapshot(p.dir.path()), before, "not a byte changed: {err}");
    // And the practice still opens and checks.
    let o = coachbook(&p.db, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_report_is_never_written_over_the_practice_its_wal_its_settings_or_a_backup() {
    let p = practice();
    let before = snapshot(p.dir.path());
    let backup = coachbook::backup::list_backups(&p.dir.path().join("backups")).unwrap()[0]
        .path
        .clone();
    let cases: Vec<(PathBuf, &str)> = vec![
        (p.db.clone(), "is the practice file itself"),
        (
            p.dir.path().join("p.db-wal"),
            "is the practice's write-ahead log",
        ),
        (
            p.dir.path().join("p.db-shm"),
            "is the practice's shared-memory index",
        ),
        (
            p.dir.path().join("p.settings.json"),
            "is the practice's settings file",
        ),
        (backup.clone(), "is in the backups folder"),
        (
            p.dir.path().join("backups/new.pdf"),
            "is in the backups folder",
        ),
        // The same files reached another way.
        (
            p.dir.path().join("backups/../p.db"),
            "is the practice file itself",
        ),
        (p.dir.path().join("r.txt"), "must end in .pdf"),
        (p.dir.path().to_path_buf(), "is a folder"),
    ];
    for (out, rule) in cases {
        let o = report_to(&p, &out);
        assert_refused(&p, &o, &before, "--out", rule);
    }
}

#[test]
fn symlinks_and_hard_links_to_the_practice_are_seen_through() {
    let p = practice();
    let link = p.dir.path().join("innocent.pdf");
    std::os::unix::fs::symlink(&p.db, &link).unwrap();
    let folder_link = p.dir.path().join("elsewhere");
    std::os::unix::fs::symlink(p.dir.path().join("backups"), &folder_link).unwrap();
    let hard = p.dir.path().join("hard.pdf");
    std::fs::hard_link(&p.db, &hard).unwrap();
    let before = snapshot(p.dir.path());
    let o = report_to(&p, &link);
    assert_refused(&p, &o, &before, "--out", "is the practice file itself");
    let o = report_to(&p, &folder_link.join("r.pdf"));
    assert_refused(&p, &o, &before, "--out", "is in the backups folder");
    let o = report_to(&p, &hard);
    assert_refused(&p, &o, &before, "--out", "is the practice file itself");
}

#[test]
fn exports_and_backups_are_checked_the_same_way() {
    let p = practice();
    let before = snapshot(p.dir.path());
    let db = p.db.to_str().unwrap();
    let o = coachbook(&p.db, &["export", db]);
    assert_refused(&p, &o, &before, "FILE", "is the practice file itself");
    let o = coachbook(
        &p.db,
        &["export", p.dir.path().join("all.txt").to_str().unwrap()],
    );
    assert_refused(&p, &o, &before, "FILE", "must end in .json");
    let o = coachbook(&p.db, &["backup", db]);
    assert_refused(&p, &o, &before, "DEST", "is the practice file itself");
    let wal = p.dir.path().join("p.db-wal");
    let o = coachbook(&p.db, &["backup", wal.to_str().unwrap()]);
    assert_refused(&p, &o, &before, "DEST", "write-ahead log");
    let in_backups = p.dir.path().join("backups/mine.db");
    let o = coachbook(&p.db, &["backup", in_backups.to_str().unwrap()]);
    assert_refused(&p, &o, &before, "DEST", "is in the backups folder");
    // A Markdown export replaces its folder whole: never the one holding the practice.
    let folder = p.dir.path().to_str().unwrap();
    let o = coachbook(&p.db, &["export", "--markdown", folder]);
    assert_refused(&p, &o, &before, "--markdown", "holds the practice file");
    let o = coachbook(
        &p.db,
        &[
            "export",
            "--markdown",
            p.dir.path().join("backups").to_str().unwrap(),
        ],
    );
    assert_refused(&p, &o, &before, "--markdown", "is in the backups folder");
}

#[test]
fn good_destinations_still_work() {
    let p = practice();
    let out = p.dir.path().join("Report.PDF");
    let o = report_to(&p, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    let json = p.dir.path().join("all.json");
    let o = coachbook(&p.db, &["export", json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let copy = p.dir.path().join("copy.db");
    let o = coachbook(&p.db, &["backup", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A report over an older report is replaced whole.
    let o = report_to(&p, &out);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_core_refuses_too_whoever_calls_it() {
    use coachbook::paths::{Output as Out, check_output};
    let p = practice();
    let refused = check_output(&p.db, &p.db, Out::Report, "report.out").unwrap_err();
    assert_eq!(refused.field(), Some("report.out"));
    let store = coachbook::Store::open(&p.db).unwrap();
    let req = coachbook::report::ReportRequest {
        client_id: p.client.parse().unwrap(),
        from: "2025-11-24".parse().unwrap(),
        to: "2026-11-24".parse().unwrap(),
        audience: coachbook::report::Audience::Client,
        paper: coachbook::report::Paper::A4,
    };
    let err = coachbook::report::write(&store, &req, chrono::Utc::now(), &p.db).unwrap_err();
    assert_eq!(err.field(), Some("report.out"), "{err}");
    drop(store);
    assert!(
        coachbook::Store::open(&p.db)
            .unwrap()
            .counts()
            .unwrap()
            .clients
            > 0
    );
}

#[test]
fn open_another_file_takes_a_full_path_never_a_uri() {
    use coachbook::paths::check_practice_path;
    let uri = check_practice_path("file:/tmp/x.db?vfs=unix-none", "path").unwrap_err();
    assert_eq!(
        uri.to_string(),
        "path: is a file: URI; give the file's full path (starting with /)"
    );
    let relative = check_practice_path("notes/coachbook.db", "path").unwrap_err();
    assert_eq!(
        relative.to_string(),
        "path: notes/coachbook.db is not a full path (it should start with /)"
    );
    assert!(check_practice_path("/tmp/new.db", "path").is_ok());
}
