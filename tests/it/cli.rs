//! The `coachbook` binary: exit codes 0 / 2 (bad input, one line naming it) / 1.

use std::path::Path;
use std::process::{Command, Output};

fn coachbook(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COACHBOOK_DB")
        .output()
        .expect("run coachbook")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn demo(db: &Path) {
    let o = coachbook(db, &["demo", "--seed", "7", "--as-of", "2026-11-24"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn demo_fills_an_empty_file_and_refuses_a_full_one_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let again = coachbook(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let forced = coachbook(
        &db,
        &["demo", "--force", "--seed", "7", "--as-of", "2026-11-24"],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    let list = coachbook(&db, &["clients", "--json"]);
    let clients: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(clients.as_array().unwrap().len(), 8);
}

#[test]
fn bad_arguments_exit_2_with_one_line_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    for (args, names) in [
        (vec!["demo", "--size", "medium"], "--size"),
        (vec!["demo", "--as-of", "yesterday"], "--as-of"),
        (vec!["client", "show", "not-an-id"], "ID"),
        (
            vec!["client", "show", "11111111-2222-4333-8444-555555555555"],
            "not found",
        ),
        (vec!["clients", "--status", "sleeping"], "--status"),
        (vec!["import", "/nonexistent/file.json"], "FILE"),
    ] {
        let o = coachbook(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(names), "{args:?}: {err}");
    }
}

#[test]
fn a_bad_import_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let export = dir.path().join("e.json");
    assert!(
        coachbook(&db, &["export", export.to_str().unwrap()])
            .status
            .success()
    );
    let before = stdout(&coachbook(&db, &["clients", "--json", "--archived"]));

    let text = std::fs::read_to_string(&export).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let bad_id = doc["clients"][2]["sessions"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    doc["clients"][2]["sessions"][0]["status"] = serde_json::json!("postponed");
    // Fresh ids elsewhere so the only problem is the bad value.
    let other = dir.path().join("other.db");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = coachbook(&other, &["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(&bad_id), "{}", stderr(&o));
    assert!(stderr(&o).contains("sessions[0].status"), "{}", stderr(&o));
    let empty = stdout(&coachbook(&other, &["clients", "--json"]));
    assert_eq!(empty.trim(), "[]");

    // Importing into the same file: every id exists → refused, unchanged.
    let o = coachbook(&db, &["import", export.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&coachbook(&db, &["clients", "--json", "--archived"])),
        before
    );
}

#[test]
fn export_to_stdout_check_and_backup_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let json = coachbook(&db, &["export", "-"]);
    assert!(json.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["format"], "coachbook");
    assert_eq!(doc["version"], 1);

    let check = coachbook(&db, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).contains("Integrity: ok"));

    // Not in the backups folder: that one is Coachbook's own (tests/it/output_paths.rs).
    let dest = dir.path().join("copies").join("copy.db");
    let b = coachbook(&db, &["backup", dest.to_str().unwrap()]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert!(
        !dest.with_extension("db-wal").exists(),
        "a backup is one self-contained file"
    );
    let original = stdout(&coachbook(&db, &["clients", "--json"]));
    assert_eq!(stdout(&coachbook(&dest, &["clients", "--json"])), original);
    assert!(coachbook(&dest, &["check"]).status.success());
}

#[test]
fn a_newer_database_exits_2_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 42;")
        .unwrap();
    let o = coachbook(&db, &["clients"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("42") && err.contains("newer"), "{err}");
}

#[test]
fn client_show_prints_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let list: serde_json::Value =
        serde_json::from_slice(&coachbook(&db, &["clients", "--json"]).stdout).unwrap();
    let busiest = list
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|c| c["sessions_held"].as_i64().unwrap())
        .unwrap();
    let o = coachbook(&db, &["client", "show", busiest["id"].as_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(busiest["name"].as_str().unwrap()));
    assert!(
        text.contains("Goals (") && text.contains("Sessions (") && text.contains("assignments (")
    );
}

#[test]
fn search_prints_hits_grouped_by_client_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let o = coachbook(&db, &["search", "board", "meeting", "--limit", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("«board»"), "{text}");
    assert!(text.contains("[client "), "{text}");
    assert!(text.contains("hits for"), "{text}");

    let o = coachbook(
        &db,
        &["search", "delegation", "--json", "--kind", "session"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let groups: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let groups = groups.as_array().unwrap();
    assert!(!groups.is_empty());
    let client_id = groups[0]["client_id"].as_str().unwrap().to_string();
    for g in groups {
        for h in g["hits"].as_array().unwrap() {
            assert_eq!(h["record"], "session");
            assert!(h["kind"].as_str().unwrap().starts_with("session_"));
            assert_eq!(
                h["is_private"].as_bool().unwrap(),
                h["kind"] == "session_private_notes"
            );
        }
    }

    // Scoped to one client and a date range; a query starting with - after `--`.
    let o = coachbook(
        &db,
        &[
            "search",
            "--client",
            &client_id,
            "--from",
            "2020-01-01",
            "--to",
            "2030-12-31",
            "--json",
            "--",
            "-reorg",
            "delegation",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let groups: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for g in groups.as_array().unwrap() {
        assert_eq!(g["client_id"].as_str().unwrap(), client_id);
    }

    // Hostile text is just text.
    for q in ["\"", "NEAR(", "(((", "*", ""] {
        let o = coachbook(&db, &["search", q]);
        assert!(o.status.success(), "{q}: {}", stderr(&o));
    }
    assert!(stdout(&coachbook(&db, &["search", "zzzzqqq"])).contains("No matches."));
}

#[test]
fn search_with_bad_arguments_exits_2_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    for (args, names) in [
        (vec!["search", "x", "--client", "not-an-id"], "--client"),
        (vec!["search", "x", "--from", "last week"], "--from"),
        (vec!["search", "x", "--to", "2026-02-30"], "--to"),
        (
            vec!["search", "x", "--from", "2026-03-01", "--to", "2026-02-01"],
            "--to",
        ),
        (vec!["search", "x", "--kind", "emails"], "--kind"),
        (vec!["search", "x", "--limit", "0"], "--limit"),
        (
            vec![
                "search",
                "x",
                "--client",
                "11111111-2222-4333-8444-555555555555",
            ],
            "not found",
        ),
        (
            vec!["export", "--include-private", "out.json"],
            "--include-private",
        ),
    ] {
        let o = coachbook(&db, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(names), "{args:?}: {err}");
    }
}

#[test]
fn export_markdown_writes_a_folder_per_client_and_json_export_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let md = dir.path().join("md");
    let o = coachbook(&db, &["export", "--markdown", md.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("as Markdown"));
    let folders = std::fs::read_dir(&md)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(folders, 8);
    let with = dir.path().join("with");
    let o = coachbook(
        &db,
        &[
            "export",
            "--markdown",
            with.to_str().unwrap(),
            "--include-private",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // Not over someone else's folder.
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("keep.txt"), "mine").unwrap();
    let o = coachbook(&db, &["export", "--markdown", docs.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("DIR"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(docs.join("keep.txt")).unwrap(),
        "mine"
    );

    // FILE and --markdown together, or neither, is a usage error (exit 2).
    assert_eq!(
        coachbook(&db, &["export", "x.json", "--markdown", "d"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(coachbook(&db, &["export"]).status.code(), Some(2));
    let json = dir.path().join("e.json");
    assert!(
        coachbook(&db, &["export", json.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("\"format\": \"coachbook\"")
    );
}

#[test]
fn check_reports_a_search_index_out_of_step_and_rebuilds_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    demo(&db);
    let ok = coachbook(&db, &["check"]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("Search index: ok"), "{}", stdout(&ok));
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "DROP TRIGGER search_session_update;
             UPDATE sessions SET notes = 'edited behind the index' WHERE rowid = 3;",
        )
        .unwrap();
    let bad = coachbook(&db, &["check"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stdout(&bad).contains("out of step"), "{}", stdout(&bad));
    let repaired = coachbook(&db, &["check", "--rebuild-search"]);
    assert!(repaired.status.success(), "{}", stdout(&repaired));
    assert!(stdout(&repaired).contains("Search index: ok"));
    assert!(stdout(&coachbook(&db, &["search", "behind the index"])).contains("«behind»"));
}
