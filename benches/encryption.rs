//! `cargo bench --bench encryption`: what SQLCipher costs on the large demo practice
//! (10 years, ~300 clients). The same file is measured plain and encrypted (converted
//! with `change_passphrase`, as a coach would): open, search p50/p95 over the 100 fixed
//! queries, note save p50/p95, and a backup.

use coachbook::Store;
use coachbook::demo::{DemoOptions, Size, benchmark_queries};
use coachbook::search::{self, SearchQuery};
use coachbook::store::Passphrase;
use common::{Row, measure, once, print_table, row_of};
use std::path::Path;
use std::time::{Duration, Instant};

mod common;

const AS_OF: &str = "2026-11-24";

fn rows_for(label: &str, path: &Path, key: Option<&Passphrase>, rows: &mut Vec<Row>) {
    let today: chrono::NaiveDate = AS_OF.parse().expect("date");
    rows.push(measure(
        &format!("{label}: open"),
        20,
        "open_with: key derivation + schema check",
        |_| {
            Store::open_with(path, key).expect("open");
        },
    ));
    rows.push(measure(
        &format!("{label}: open_checked (start-up)"),
        10,
        "quick_check on its own connection, then open",
        |_| {
            Store::open_checked_with(path, key).expect("open");
        },
    ));
    let mut store = Store::open_with(path, key).expect("open");
    let queries = benchmark_queries();
    let run = |store: &Store, q: &coachbook::demo::BenchQuery| {
        let query = SearchQuery {
            prefix_last: q.prefix_last,
            limit: 20,
            ..SearchQuery::text(q.text.clone())
        };
        let t = Instant::now();
        search::search_as_of(store, &query, today).expect("search");
        t.elapsed()
    };
    for q in &queries {
        run(&store, q);
    }
    let per_query: Vec<Duration> = queries
        .iter()
        .map(|q| {
            let mut t: Vec<Duration> = (0..3).map(|_| run(&store, q)).collect();
            t.sort();
            t[1]
        })
        .collect();
    rows.push(row_of(
        &format!("{label}: search, 100 fixed queries"),
        per_query,
        "top 20 + snippets; a query's time is its median of 3".into(),
    ));

    let session_id: String = store
        .conn()
        .query_row(
            "SELECT id FROM sessions WHERE status = 'held' ORDER BY starts_at_utc DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a session");
    let session = store
        .session(session_id.parse().expect("uuid"))
        .expect("session");
    let words = "The client described the board meeting and the reorg in detail. ".repeat(80);
    let saves: Vec<Duration> = (0..201)
        .map(|i| {
            let mut d = session.details.clone();
            d.notes = format!("{words}{i}");
            let t = Instant::now();
            store.update_session(session.id, d).expect("save");
            t.elapsed()
        })
        .skip(1)
        .collect();
    rows.push(row_of(
        &format!("{label}: save a session note (~5 KB)"),
        saves,
        "update_session incl. re-index, synchronous=FULL".into(),
    ));

    let dest = path.with_extension("backup");
    let t = Instant::now();
    store.backup_to(&dest).expect("backup");
    rows.push(once(
        &format!("{label}: backup_to (verified)"),
        t.elapsed(),
        format!(
            "{:.1} MB",
            std::fs::metadata(&dest).map_or(0, |m| m.len()) as f64 / 1e6
        ),
    ));
}

fn main() {
    if !common::benchmarking() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.db");
    let secret = dir.path().join("secret.db");
    let mut rows = Vec::new();

    eprintln!("encryption bench: generating the large demo practice…");
    let mut store = Store::open(&plain).expect("open");
    coachbook::demo::seed(
        &mut store,
        &DemoOptions {
            size: Size::Large,
            seed: 1,
            as_of: AS_OF.parse().expect("date"),
        },
    )
    .expect("demo");
    store.backup_to(&secret).expect("copy");
    drop(store);

    let key = Passphrase::new("a long and secret passphrase").expect("passphrase");
    let mut copy = Store::open(&secret).expect("open copy");
    let t = Instant::now();
    copy.change_passphrase(Some(&key), &dir.path().join("backups"), chrono::Utc::now())
        .expect("encrypt");
    rows.push(once(
        "encrypt the practice (backup + sqlcipher_export)",
        t.elapsed(),
        format!(
            "{:.1} MB",
            std::fs::metadata(&secret).map_or(0, |m| m.len()) as f64 / 1e6
        ),
    ));
    drop(copy);

    rows_for("plain", &plain, None, &mut rows);
    rows_for("encrypted", &secret, Some(&key), &mut rows);
    print_table("Encryption on the large demo practice", &rows);
}
