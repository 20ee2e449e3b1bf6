//! `cargo bench --bench search` (part of `make bench`): full-text search on the HUGE demo
//! practice (3,000 clients, ~157,000 sessions, ten years). Builds it in a temp dir, then
//! measures the index (size, build from scratch), 100 fixed queries (p50/p95), a note save
//! with its re-index, and — in the same run, on the same data — ripgrep over the Markdown
//! export, and prints the tables.

use coachbook::Store;
use coachbook::demo::{DemoOptions, Size, benchmark_queries};
use coachbook::export::{MarkdownOptions, export_markdown};
use coachbook::search::{self, SearchQuery};
use common::{ms, once, pct, print_table, row_of};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

const AS_OF: &str = "2026-11-24";
/// Hits per query, as the palette shows.
const LIMIT: u32 = 20;

fn mb(bytes: i64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn file_size(path: &Path) -> i64 {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() as i64).unwrap_or(0);
    size(path) + size(&path.with_extension("db-wal"))
}

/// Bytes of every table and index of the search index (dbstat).
fn index_bytes(store: &Store) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT sum(pgsize) FROM dbstat
             WHERE name LIKE 'search\\_%' ESCAPE '\\' OR name LIKE 'sqlite_autoindex_search\\_%' ESCAPE '\\'",
            [],
            |r| r.get(0),
        )
        .expect("dbstat")
}

/// Puts the file back at schema 2: the search index, its view and triggers gone.
fn drop_search_index(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("open");
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("triggers");
    let mut sql = String::from("BEGIN;");
    for t in triggers {
        sql.push_str(&format!("DROP TRIGGER {t};"));
    }
    sql.push_str(
        "DROP TABLE search_fts; DROP VIEW search_text; DROP TABLE search_docs;
         DROP TABLE search_records; PRAGMA user_version = 2; COMMIT; VACUUM;",
    );
    conn.execute_batch(&sql).expect("drop the index");
}

fn main() {
    if !common::benchmarking() {
        return;
    }
    let today: chrono::NaiveDate = AS_OF.parse().expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.db");
    let mut rows = Vec::new();

    eprintln!("search bench: generating the huge demo practice (a minute or two)…");
    let t = Instant::now();
    let mut store = Store::open(&path).expect("open");
    let summary = coachbook::demo::seed(
        &mut store,
        &DemoOptions {
            size: Size::Huge,
            seed: 1,
            as_of: today,
        },
    )
    .expect("demo");
    let docs: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0))
        .expect("count");
    rows.push(once(
        "generate huge demo, indexed by triggers",
        t.elapsed(),
        format!(
            "{} clients, {} sessions, {} assignments → {docs} search documents",
            summary.clients, summary.sessions, summary.assignments
        ),
    ));
    drop(store);

    // Build from scratch: the same file at schema 2, upgraded by migration 3.
    eprintln!("search bench: index build from scratch…");
    drop_search_index(&path);
    let without = file_size(&path);
    let t = Instant::now();
    let mut store = Store::open(&path).expect("migrate");
    let migrate = t.elapsed();
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    let with = file_size(&path);
    let index = index_bytes(&store);
    rows.push(once(
        "build index from scratch (migration 3)",
        migrate,
        format!("keys for {docs} documents + FTS5 'rebuild', one transaction"),
    ));
    let t = Instant::now();
    search::rebuild_index(&mut store).expect("rebuild");
    rows.push(once(
        "rebuild the index (check --rebuild-search)",
        t.elapsed(),
        "keys dropped and rebuilt + FTS5 'rebuild'".to_string(),
    ));
    rows.push(once(
        "index size",
        Duration::ZERO,
        format!(
            "{} in dbstat (file {} → {}, +{})",
            mb(index),
            mb(without),
            mb(with),
            mb(with - without)
        ),
    ));

    // The 100 fixed queries: warm once, then three timed runs each; a query's time is its median.
    let queries = benchmark_queries();
    let run = |store: &Store, q: &coachbook::demo::BenchQuery, client| {
        let query = SearchQuery {
            prefix_last: q.prefix_last,
            limit: LIMIT,
            client_id: client,
            ..SearchQuery::text(q.text.clone())
        };
        let t = Instant::now();
        let hits = search::search_as_of(store, &query, today).expect("search");
        (t.elapsed(), hits.len())
    };
    let mut per_query = Vec::new();
    let mut empty = 0;
    for q in &queries {
        let (_, n) = run(&store, q, None);
        if n == 0 {
            empty += 1;
        }
    }
    for q in &queries {
        let mut t: Vec<Duration> = (0..3).map(|_| run(&store, q, None).0).collect();
        t.sort();
        per_query.push((q.category, q.text.clone(), t[1]));
    }
    let all: Vec<Duration> = per_query.iter().map(|(_, _, d)| *d).collect();
    let mut sorted = all.clone();
    sorted.sort();
    rows.push(row_of(
        "search: 100 fixed queries, top 20 + snippets",
        all,
        format!(
            "max {}; {} with no hits; ranked: newest {} matches",
            ms(*sorted.last().expect("queries")),
            empty,
            search::CANDIDATES
        ),
    ));
    let busiest: String = store
        .conn()
        .query_row(
            "SELECT client_id FROM sessions GROUP BY client_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("busiest");
    let busiest: uuid::Uuid = busiest.parse().expect("uuid");
    let scoped: Vec<Duration> = queries
        .iter()
        .map(|q| {
            run(&store, q, Some(busiest));
            run(&store, q, Some(busiest)).0
        })
        .collect();
    rows.push(row_of(
        "search within one client (the 100 queries)",
        scoped,
        "busiest client; the client filter is part of the MATCH".to_string(),
    ));

    // A note save now re-indexes the notes in the same transaction.
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
        "save a session note (~5 KB) incl. re-index",
        saves,
        "update_session, synchronous=FULL, one transaction".to_string(),
    ));

    // The same data as Markdown, and ripgrep over it.
    eprintln!("search bench: Markdown export and ripgrep…");
    let md = dir.path().join("md");
    let t = Instant::now();
    let s = export_markdown(
        &store,
        &md,
        &MarkdownOptions {
            include_private: true,
        },
    )
    .expect("markdown");
    rows.push(once(
        "export huge practice to Markdown",
        t.elapsed(),
        format!("{} files in {} folders", s.sessions, s.clients),
    ));

    let rg_sample: Vec<&(&str, String, Duration)> = per_query
        .iter()
        .filter(|(cat, text, _)| {
            (*cat == "word (common)" || *cat == "phrase" || *cat == "word (rare)")
                && text.is_ascii()
        })
        .step_by(5)
        .take(10)
        .collect();
    let mut rg_rows = Vec::new();
    let mut rg_available = true;
    for (_, text, ours) in &rg_sample {
        let pattern = text.trim_matches('"');
        let mut best: Option<(Duration, usize)> = None;
        for _ in 0..3 {
            let t = Instant::now();
            let out = Command::new("rg")
                .args(["-i", "-l", "-F", "--", pattern])
                .arg(&md)
                .output();
            let elapsed = t.elapsed();
            match out {
                Ok(o) => {
                    let files = o.stdout.iter().filter(|b| **b == b'\n').count();
                    if best.is_none_or(|(b, _)| elapsed < b) {
                        best = Some((elapsed, files));
                    }
                }
                Err(_) => {
                    rg_available = false;
                    break;
                }
            }
        }
        if let Some((rg, files)) = best {
            rg_rows.push((text.clone(), *ours, rg, files));
        }
    }

    print_table("operation (huge demo practice)", &rows);
    print_categories(&per_query);
    if rg_available {
        print_rg(&rg_rows);
    } else {
        println!("\nripgrep (`rg`) not found: install Debian's ripgrep for the comparison.");
    }
}

fn print_categories(per_query: &[(&str, String, Duration)]) {
    println!();
    println!(
        "| {:<18} | {:>3} | {:>9} | {:>9} | {:>9} | slowest",
        "query kind", "n", "p50", "p95", "max"
    );
    println!(
        "|{:-<20}|{:-<5}|{:-<11}|{:-<11}|{:-<11}|{:-<20}",
        "", "", "", "", "", ""
    );
    let mut cats: Vec<&str> = per_query.iter().map(|(c, _, _)| *c).collect();
    cats.dedup();
    for cat in cats {
        let mut items: Vec<(&String, Duration)> = per_query
            .iter()
            .filter(|(c, _, _)| *c == cat)
            .map(|(_, t, d)| (t, *d))
            .collect();
        items.sort_by_key(|(_, d)| *d);
        let times: Vec<Duration> = items.iter().map(|(_, d)| *d).collect();
        let (slowest, max) = items
            .last()
            .map(|(t, d)| ((*t).clone(), *d))
            .unwrap_or_default();
        println!(
            "| {:<18} | {:>3} | {:>9} | {:>9} | {:>9} | {}",
            cat,
            times.len(),
            ms(pct(&times, 50)),
            ms(pct(&times, 95)),
            ms(max),
            slowest
        );
    }
}

fn print_rg(rg_rows: &[(String, Duration, Duration, usize)]) {
    println!();
    println!(
        "| {:<26} | {:>10} | {:>12} | {:>7} | {:>9}",
        "query (same data)", "search", "rg -i -l", "rg/FTS", "rg files"
    );
    println!(
        "|{:-<28}|{:-<12}|{:-<14}|{:-<9}|{:-<11}",
        "", "", "", "", ""
    );
    let mut ratios = Vec::new();
    for (text, ours, rg, files) in rg_rows {
        let ratio = rg.as_secs_f64() / ours.as_secs_f64().max(1e-9);
        ratios.push(ratio);
        println!(
            "| {:<26} | {:>10} | {:>12} | {:>6.0}× | {:>9}",
            text,
            ms(*ours),
            ms(*rg),
            ratio,
            files
        );
    }
    ratios.sort_by(f64::total_cmp);
    if !ratios.is_empty() {
        println!(
            "ripgrep over the Markdown export is {:.0}× slower than the index (median of {} queries; rg: best of 3 runs, warm cache).",
            ratios[ratios.len() / 2],
            ratios.len()
        );
    }
}
