//! The command line on an encrypted database: `--passphrase-stdin` or
//! `COACHBOOK_PASSPHRASE` for every command, exit 2 with a clear line for a missing or
//! wrong passphrase (and no SQLCipher log noise), `coachbook passphrase set|change|remove`,
//! and the plain-text warning of exports.

use coachbook::store;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

struct Run<'a> {
    db: &'a Path,
    env: Vec<(&'a str, &'a str)>,
    stdin: Option<&'a str>,
}

fn cli<'a>(db: &'a Path) -> Run<'a> {
    Run {
        db,
        env: Vec::new(),
        stdin: None,
    }
}

impl<'a> Run<'a> {
    fn env(mut self, k: &'a str, v: &'a str) -> Self {
        self.env.push((k, v));
        self
    }
    fn stdin(mut self, text: &'a str) -> Self {
        self.stdin = Some(text);
        self
    }
    fn run(self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_coachbook"));
        cmd.arg("--db")
            .arg(self.db)
            .args(args)
            .env_remove("COACHBOOK_DB")
            .env_remove("COACHBOOK_PASSPHRASE")
            .env_remove("COACHBOOK_NEW_PASSPHRASE")
            .env_remove("COACHBOOK_BACKUP_PASSPHRASE")
            .envs(self.env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = self.stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

const DEMO: &[&str] = &["demo", "--as-of", "2026-11-24"];

#[test]
fn every_command_needs_the_passphrase_and_a_wrong_one_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("practice.db");
    let made = cli(&db)
        .env("COACHBOOK_PASSPHRASE", "first secret")
        .run(DEMO);
    assert!(made.status.success(), "{}", err(&made));
    assert!(store::is_encrypted(&db).unwrap());

    let locked = cli(&db).run(&["clients"]);
    assert_eq!(locked.status.code(), Some(2));
    assert_eq!(
        err(&locked).trim(),
        format!(
            "coachbook: {} is protected by a passphrase: use --passphrase-stdin or COACHBOOK_PASSPHRASE",
            db.display()
        )
    );
    let wrong = cli(&db)
        .env("COACHBOOK_PASSPHRASE", "not it at all")
        .run(&["check"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(err(&wrong).trim(), "coachbook: the passphrase is wrong");

    let by_stdin = cli(&db)
        .stdin("first secret\n")
        .run(&["--passphrase-stdin", "check", "--json"]);
    assert!(by_stdin.status.success(), "{}", err(&by_stdin));
    assert!(out(&by_stdin).contains("\"ok\""));
    let by_env = cli(&db)
        .env("COACHBOOK_PASSPHRASE", "first secret")
        .run(&["search", "feedback"]);
    assert!(by_env.status.success(), "{}", err(&by_env));
    assert!(!out(&by_env).is_empty());

    let export = cli(&db)
        .env("COACHBOOK_PASSPHRASE", "first secret")
        .run(&["export", "-"]);
    assert!(export.status.success());
    assert!(err(&export).contains("plain text"), "{}", err(&export));
    assert!(out(&export).starts_with('{'));
}

#[test]
fn passphrase_set_change_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("practice.db");
    assert!(cli(&db).run(DEMO).status.success());
    let before = out(&cli(&db).run(&["export", "-"]));
    let export = |key: &str| {
        out(&cli(&db)
            .env("COACHBOOK_PASSPHRASE", key)
            .run(&["export", "-"]))
    };
    let same = |a: &str, b: &str| {
        // `exported_at` differs between runs; everything else must not.
        let strip = |s: &str| {
            let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
            v["exported_at"] = serde_json::Value::Null;
            v
        };
        assert_eq!(strip(a), strip(b));
    };

    let missing = cli(&db).run(&["passphrase", "set"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        err(&missing).contains("COACHBOOK_NEW_PASSPHRASE"),
        "{}",
        err(&missing)
    );

    let set = cli(&db)
        .env("COACHBOOK_NEW_PASSPHRASE", "first secret")
        .run(&["passphrase", "set"]);
    assert!(set.status.success(), "{}", err(&set));
    assert!(out(&set).contains("Backed up first"), "{}", out(&set));
    assert!(
        err(&set).contains("not encrypted"),
        "plain backups named: {}",
        err(&set)
    );
    assert!(store::is_encrypted(&db).unwrap());
    same(&before, &export("first secret"));
    let status = cli(&db).run(&["passphrase", "status"]);
    assert!(out(&status).contains("encrypted (a passphrase opens it)"));

    // Current and new passphrase as two lines of standard input.
    let change = cli(&db).stdin("first secret\nsecond secret\n").run(&[
        "--passphrase-stdin",
        "passphrase",
        "change",
        "--new-passphrase-stdin",
    ]);
    assert!(change.status.success(), "{}", err(&change));
    assert_eq!(
        cli(&db)
            .env("COACHBOOK_PASSPHRASE", "first secret")
            .run(&["clients"])
            .status
            .code(),
        Some(2)
    );
    same(&before, &export("second secret"));

    let remove = cli(&db)
        .env("COACHBOOK_PASSPHRASE", "second secret")
        .run(&["passphrase", "remove"]);
    assert!(remove.status.success(), "{}", err(&remove));
    assert!(!store::is_encrypted(&db).unwrap());
    same(&before, &out(&cli(&db).run(&["export", "-"])));
    let again = cli(&db).run(&["passphrase", "remove"]);
    assert_eq!(again.status.code(), Some(2));
}
