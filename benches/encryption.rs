//! `cargo bench --bench encryption`: what SQLCipher costs on the large demo practice
//! (10 years, ~300 clients). The same file is measured plain and encrypted (converted
//! with `change_passphrase`, as a coach would): open, search p50/p95 over the 100 fixed
//! queries, note save p50/p95, and a backup, the two files measured in turn.

use coachbook::Store;
use coachbook::demo::{DemoOptions, Size, benchmark_queries};
use coachbook::search::{self, SearchQuery};
use coachbook::store::Passphrase;
use common::{Row, once, print_table, row_of};
use std::path::Path;
use std::time::{Duration, Instant};

mod common;

const AS_OF: &str = "2026-11-24";

/// Runs `f` on each variant in turn, `rounds` times: both see the same machine load
/// (this machine is shared), then one row per variant.
fn interleaved<S>(
    what: &str,
    note: &str,
    rounds: usize,
    state: &mut [S; 2],
    mut f: impl FnMut(&mut S, usize) -> Duration,
) -> [Row; 2] {
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        for (i, s) in state.iter_mut().enumerate() {
            times[i].push(f(s, round));
        }
    }
    let [a, b] = times;
    [
        row_of(&format!("plain: {what}"), a, note.to_string()),
        row_of(&format!("encrypted: {what}"), b, note.to_string()),
    ]
}

fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn compare(plain: &Path, secret: &Path, key: &Passphrase, rows: &mut Vec<Row>) {
    let today: chrono::NaiveDate = AS_OF.parse().expect("date");
    let mut files = [(plain, None), (secret, Some(key))];
    let pairs = [
        interleaved(
            "open",
            "open_with: key derivation + schema check",
            20,
            &mut files,
            |(p, k), _| timed(|| drop(Store::open_with(p, *k).expect("open"))),
        ),
        interleaved(
            "open_checked (start-up)",
            "quick_check on its own connection, then open",
            10,
            &mut files,
            |(p, k), _| timed(|| drop(Store::open_checked_with(p, *k).expect("open"))),
        ),
    ];
    let mut stores = files.map(|(p, k)| Store::open_with(p, k).expect("open"));
    let queries = benchmark_queries();
    let run = |store: &Store, q: &coachbook::demo::BenchQuery| {
        let query = SearchQuery {
            prefix_last: q.prefix_last,
            limit: 20,
            ..SearchQuery::text(q.text.clone())
        };
        timed(|| drop(search::search_as_of(store, &query, today).expect("search")))
    };
    for store in &stores {
        for q in &queries {
            run(store, q);
        }
    }
    let search = interleaved(
        "search, 100 fixed queries",
        "top 20 + snippets; a query's time is its median of 3",
        queries.len(),
        &mut stores,
        |store, i| {
            let mut t: Vec<Duration> = (0..3).map(|_| run(store, &queries[i])).collect();
            t.sort();
            t[1]
        },
    );
    let session_id: String = stores[0]
        .conn()
        .query_row(
            "SELECT id FROM sessions WHERE status = 'held' ORDER BY starts_at_utc DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a session");
    let session = stores[0]
        .session(session_id.parse().expect("uuid"))
        .expect("session");
    let words = "The client described the board meeting and the reorg in detail. ".repeat(80);
    let saves = interleaved(
        "save a session note (~5 KB)",
        "update_session incl. re-index, synchronous=FULL",
        200,
        &mut stores,
        |store, i| {
            let mut d = session.details.clone();
            d.notes = format!("{words}{i}");
            timed(|| drop(store.update_session(session.id, d).expect("save")))
        },
    );
    let backups = interleaved(
        "backup_to (verified)",
        "the whole file, then reopened and integrity-checked",
        3,
        &mut stores,
        |store, _| {
            let dest = store.path().with_extension("backup");
            timed(|| store.backup_to(&dest).expect("backup"))
        },
    );
    for pair in pairs.into_iter().chain([search, saves, backups]) {
        rows.extend(pair);
    }
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

    compare(&plain, &secret, &key, &mut rows);
    print_table("Encryption on the large demo practice", &rows);
}
