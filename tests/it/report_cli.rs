//! `coachbook report` on the demo practice: a valid PDF on good input; exit 2 with one
//! stderr line naming the argument, and no file, on bad input.

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

/// The demo practice and the id of its first client.
fn demo(dir: &Path) -> (std::path::PathBuf, String) {
    let db = dir.join("p.db");
    let o = coachbook(&db, &["demo", "--seed", "3", "--as-of", "2026-11-24"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = coachbook(&db, &["clients", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_string();
    (db, id)
}

#[test]
fn writes_a_valid_pdf_for_each_audience() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = demo(dir.path());
    for audience in ["client", "sponsor", "coach"] {
        let out = dir.path().join(format!("{audience}.pdf"));
        let o = coachbook(
            &db,
            &[
                "report",
                "--client",
                &id,
                "--from",
                "2025-11-24",
                "--to",
                "2026-11-24",
                "--audience",
                audience,
                "--paper",
                "letter",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).starts_with("Wrote "));
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(&out)
            .output()
            .unwrap();
        assert!(check.status.success(), "{audience}: qpdf --check failed");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with("p.db"))
        .collect();
    assert_eq!(names.len(), 3, "only the three reports: {names:?}");
}

#[test]
fn bad_arguments_exit_2_naming_them_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = demo(dir.path());
    let out = dir.path().join("r.pdf");
    let out_s = out.to_str().unwrap();
    let unknown = "00000000-0000-4000-8000-000000000000";
    let cases: [(&[&str], &str); 7] = [
        (
            &[
                "--client",
                "nope",
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--audience",
                "client",
            ],
            "--client",
        ),
        (
            &[
                "--client",
                &id,
                "--from",
                "2026-13-01",
                "--to",
                "2026-02-01",
                "--audience",
                "client",
            ],
            "--from",
        ),
        (
            &[
                "--client",
                &id,
                "--from",
                "2026-01-01",
                "--to",
                "soon",
                "--audience",
                "client",
            ],
            "--to",
        ),
        (
            &[
                "--client",
                &id,
                "--from",
                "2026-03-01",
                "--to",
                "2026-02-01",
                "--audience",
                "client",
            ],
            "--to",
        ),
        (
            &[
                "--client",
                &id,
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--audience",
                "boss",
            ],
            "--audience",
        ),
        (
            &[
                "--client",
                &id,
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--audience",
                "coach",
                "--paper",
                "a5",
            ],
            "--paper",
        ),
        (
            &[
                "--client",
                unknown,
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-01",
                "--audience",
                "sponsor",
            ],
            "not found",
        ),
    ];
    for (args, names) in cases {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--out", out_s]);
        let o = coachbook(&db, &all);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{args:?}: one line, got {err}"
        );
        assert!(err.contains(names), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.to_string_lossy().starts_with("p.db")),
        "{names:?}"
    );
}
