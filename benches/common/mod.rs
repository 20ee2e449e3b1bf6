//! What the bench binaries share: a row of the table, timing helpers, and the table itself.
#![allow(dead_code)] // each bench uses its own subset

use std::time::{Duration, Instant};

pub struct Row {
    pub what: String,
    pub n: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub note: String,
}

pub fn pct(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// A row from measured samples.
pub fn row_of(what: &str, mut times: Vec<Duration>, note: String) -> Row {
    times.sort();
    Row {
        what: what.to_string(),
        n: times.len(),
        p50: pct(&times, 50),
        p95: pct(&times, 95),
        note,
    }
}

/// A row for something done once (p50 = p95 = the one time).
pub fn once(what: &str, d: Duration, note: String) -> Row {
    row_of(what, vec![d], note)
}

/// Runs `f` once to warm up, then `n` times, and makes a row of it.
pub fn measure(what: &str, n: usize, note: &str, mut f: impl FnMut(usize)) -> Row {
    f(0);
    let times = (0..n)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed()
        })
        .collect();
    row_of(what, times, note.to_string())
}

pub fn ms(d: Duration) -> String {
    if d.is_zero() {
        return "—".to_string();
    }
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{ms:.3} ms")
    }
}

/// `cargo bench` passes `--bench`; `cargo test --benches` does not: run only for real.
pub fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

pub fn print_table(title: &str, rows: &[Row]) {
    println!();
    println!(
        "| {title:<46} | {:>4} | {:>11} | {:>11} | notes",
        "n", "p50", "p95"
    );
    println!(
        "|{:-<48}|{:-<6}|{:-<13}|{:-<13}|{:-<30}",
        "", "", "", "", ""
    );
    for r in rows {
        println!(
            "| {:<46} | {:>4} | {:>11} | {:>11} | {}",
            r.what,
            r.n,
            ms(r.p50),
            ms(r.p95),
            r.note
        );
    }
}
