//! `coachbook import-csv` and `coachbook import-notes`: the plan printed, the date question
//! as exit 2 naming `--dates`, problems as exit 2 naming the row and column, and a refused
//! import leaves the file byte-identical (a property test over broken CSVs).

use crate::import_csv::fixture;
use proptest::prelude::*;
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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn import_csv_asks_for_the_date_order_then_imports() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let csv = fixture("platform-export.csv");
    let csv = csv.to_str().expect("path");
    let asked = coachbook(&db, &["import-csv", csv]);
    assert_eq!(asked.status.code(), Some(2), "{}", text(&asked.stderr));
    let err = text(&asked.stderr);
    assert!(err.starts_with("coachbook: --dates: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let dry = coachbook(&db, &["import-csv", csv, "--dates", "mdy", "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("Will create 4 clients and 6 sessions"),
        "{}",
        text(&dry.stdout)
    );
    assert!(text(&dry.stdout).contains("column \"Coach Private Notes\" → private_notes"));
    let list = coachbook(&db, &["clients", "--json"]);
    assert_eq!(text(&list.stdout).trim(), "[]");

    let done = coachbook(
        &db,
        &[
            "import-csv",
            csv,
            "--dates",
            "mdy",
            "--map",
            "Booking ID=tags",
        ],
    );
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(
        text(&done.stdout).contains("Imported 4 new clients and 6 sessions"),
        "{}",
        text(&done.stdout)
    );
    let list = coachbook(&db, &["clients", "--json"]);
    let clients: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(clients.as_array().map(Vec::len), Some(4));
}

#[test]
fn import_csv_names_the_row_and_column_and_a_bad_map() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "Client,Date,Duration\nAna Souza,2026-03-14,forever\n",
    )
    .expect("write");
    let o = coachbook(&db, &["import-csv", file.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr)
            .contains("coachbook: row 2, column \"Duration\": \"forever\" is not a duration"),
        "{}",
        text(&o.stderr)
    );
    let o = coachbook(
        &db,
        &[
            "import-csv",
            file.to_str().expect("path"),
            "--map",
            "Nope=notes",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).starts_with("coachbook: --map: no column \"Nope\""),
        "{}",
        text(&o.stderr)
    );
    let o = coachbook(&db, &["import-csv", db.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
}

#[test]
fn import_notes_imports_a_vault_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let vault = fixture("vault");
    let o = coachbook(&db, &["import-notes", vault.to_str().expect("path")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("Imported 3 new clients and 5 sessions"),
        "{out}"
    );
    assert!(
        out.contains("Templates/Session template.md: a template"),
        "{out}"
    );
    let o = coachbook(
        &db,
        &[
            "import-notes",
            vault.to_str().expect("path"),
            "--client-from",
            "front-matter",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("Clients/Ana Souza/2026/2026-01-13 Kick-off.md"),
        "{}",
        text(&o.stderr)
    );
}

/// A CSV whose good rows are followed, somewhere, by one broken cell.
fn broken_csv() -> impl Strategy<Value = String> {
    let good = (0u32..50, 1u32..28, 15u32..120).prop_map(|(who, day, minutes)| {
        format!("Client {who},c{who}@example.com,2026-03-{day:02},{minutes},Notes of {who}\n")
    });
    let bad = prop_oneof![
        Just("Bad Email,not-an-email,2026-03-01,60,x\n".to_string()),
        Just("Bad Date,b@example.com,2026-02-30,60,x\n".to_string()),
        Just("Bad Length,b@example.com,2026-03-01,9999,x\n".to_string()),
        Just(",nameless@example.com,2026-03-01,60,x\n".to_string()),
        Just("Bad Time,b@example.com,2026-03-01 25:61,60,x\n".to_string()),
    ];
    (
        prop::collection::vec(good, 0..40),
        bad,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut rows, bad, at)| {
            let i = at.index(rows.len() + 1);
            rows.insert(i, bad);
            format!("Client,Email,Date,Duration,Notes\n{}", rows.concat())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn a_refused_import_leaves_the_file_byte_identical(csv in broken_csv()) {
        let mut t = crate::common::temp_store();
        let seed = "Client,Email,Date,Notes\nAna Souza,ana@example.com,2026-01-05,Before\n";
        let opts = crate::import_csv::options(None);
        coachbook::import::csv::import(&mut t.store, seed.as_bytes(), &opts).expect("seed");
        let path = t.path();
        let dir = t.dir;
        drop(t.store);
        let before = std::fs::read(&path).expect("read");
        let mut store = coachbook::Store::open(&path).expect("reopen");
        let refused = coachbook::import::csv::import(&mut store, csv.as_bytes(), &opts);
        prop_assert!(refused.is_err());
        drop(store);
        prop_assert_eq!(std::fs::read(&path).expect("read"), before);
        drop(dir);
    }
}
