//! `cargo bench --bench practice` (part of `make bench`): builds the large demo practice (a
//! 10-year practice) in a temp dir and prints one table of timings. Later features add their
//! rows here; full-text search on the huge practice has its own bench (`--bench search`).

use coachbook::Store;
use coachbook::demo::{DemoOptions, Size};
use coachbook::model::{CheckInDetails, GoalDetails, GoalStatus, Rater};
use coachbook::store::ClientFilter;
use coachbook::views::history::ClientHistory;
use coachbook::views::{GoalProgress, GoalsOverview};
use common::{Row, measure, print_table};
use std::time::Instant;

mod common;

fn main() {
    if !common::benchmarking() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.db");
    let mut rows = Vec::new();

    let t = Instant::now();
    let mut store = Store::open(&path).expect("open");
    let summary = coachbook::demo::seed(
        &mut store,
        &DemoOptions {
            size: Size::Large,
            seed: 1,
            as_of: "2026-11-24".parse().expect("date"),
        },
    )
    .expect("demo");
    let demo_time = t.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    rows.push(Row {
        what: "generate large demo (write all)".into(),
        n: 1,
        p50: demo_time,
        p95: demo_time,
        note: format!(
            "{} clients, {} sessions, {} check-ins, {} assignments; {:.1} MB",
            summary.clients,
            summary.sessions,
            summary.check_ins,
            summary.assignments,
            size as f64 / 1e6
        ),
    });
    drop(store);

    rows.push(measure(
        "open the practice file",
        50,
        "open + schema check + pragmas",
        |_| {
            Store::open(&path).expect("open");
        },
    ));
    let mut store = Store::open(&path).expect("open");

    let clients = store.list_clients(&ClientFilter::default()).expect("list");
    rows.push(measure(
        "list clients (with session counts)",
        100,
        &format!("{} rows", clients.len()),
        |_| {
            store.list_clients(&ClientFilter::default()).expect("list");
        },
    ));

    let busiest = clients
        .iter()
        .max_by_key(|c| c.sessions_held)
        .expect("a client");
    let history = ClientHistory::load(&store, busiest.id).expect("history");
    rows.push(measure(
        "load one client's full history",
        100,
        &format!(
            "busiest client: {} sessions, {} goals",
            history.sessions.len(),
            history.goals.len()
        ),
        |_| {
            ClientHistory::load(&store, busiest.id).expect("history");
        },
    ));

    // A goal rated 200 times by all five kinds of rater: the trend chart's worst case.
    let goal = store
        .create_goal(
            busiest.id,
            GoalDetails {
                competency_id: None,
                title: "Lead the incident bridge".into(),
                success_criteria: String::new(),
                baseline: 2,
                target: 8,
                started_on: None,
                target_date: None,
                status: GoalStatus::Active,
            },
        )
        .expect("goal");
    let first_day: chrono::NaiveDate = "2024-01-01".parse().expect("date");
    for i in 0..200 {
        let details = CheckInDetails {
            on: first_day + chrono::Duration::days(i as i64 * 3),
            score: 2 + (i * 7 / 200) as i32 + (i % 3) as i32 - 1,
            rater: Rater::ALL[i % Rater::ALL.len()],
            note: format!("Rating {i}"),
            session_id: None,
        };
        store.add_check_in(goal.id, details).expect("check-in");
    }
    rows.push(measure(
        "goal chart: series of a goal, 200 check-ins",
        200,
        "GoalProgress::load: 5 rater series + latest",
        |_| {
            GoalProgress::load(&store, goal.id, None).expect("progress");
        },
    ));
    let standings = GoalsOverview::load(&store, busiest.id, None).expect("goals");
    rows.push(measure(
        "client goals: latest vs target",
        200,
        &format!("busiest client, {} goals", standings.goals.len()),
        |_| {
            GoalsOverview::load(&store, busiest.id, None).expect("goals");
        },
    ));

    let session = history.sessions.last().expect("a session").clone();
    let words = "The client described the board meeting and the reorg in detail. ".repeat(80);
    rows.push(measure(
        "save a session note (~5 KB, synchronous=FULL)",
        500,
        "update_session, one transaction",
        |i| {
            let mut d = session.details.clone();
            d.notes = format!("{words}{i}");
            store.update_session(session.id, d).expect("save");
        },
    ));

    rows.push(measure("export the whole practice to JSON", 5, "", |_| {
        coachbook::export::export_json(&store, coachbook::time::now()).expect("export");
    }));

    let mut runs = 0;
    rows.push(measure(
        "export the whole practice to Markdown",
        5,
        "one file per session, into a new folder (file-system bound)",
        |_| {
            runs += 1;
            let markdown = dir.path().join(format!("markdown-{runs}"));
            coachbook::export::export_markdown(&store, &markdown, &Default::default())
                .expect("markdown");
        },
    ));

    // The fixed benchmark queries (`cargo bench --bench search` runs them on the huge practice).
    let queries = coachbook::demo::benchmark_queries();
    let today = "2026-11-24".parse().expect("date");
    rows.push(measure(
        "search: 100 fixed queries, top 20 + snippets",
        queries.len(),
        "each query once; see the search bench for the huge practice",
        |i| {
            let q = &queries[i % queries.len()];
            let query = coachbook::search::SearchQuery {
                prefix_last: q.prefix_last,
                limit: 20,
                ..coachbook::search::SearchQuery::text(q.text.clone())
            };
            coachbook::search::search_as_of(&store, &query, today).expect("search");
        },
    ));

    let backup = dir.path().join("backup.db");
    rows.push(measure("online backup + integrity check", 5, "", |_| {
        store.backup_to(&backup).expect("backup");
    }));

    print_table("operation (large demo practice)", &rows);
}
