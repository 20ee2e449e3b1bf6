//! `cargo bench --bench import` (part of `make bench`): bringing an old practice in — a
//! 5,000-row CSV (250 clients × 20 sessions, ~80 words of notes each) and a 2,000-note vault
//! (100 client folders, nested by year, front matter, wiki links, one attachment per client).
//! Time to preview and to import into an empty practice, and the import's peak memory,
//! measured in a child process of its own so the generation does not count.

use coachbook::Store;
use coachbook::import::{ClientFrom, CsvOptions, NotesOptions, Zone, csv, notes};
use common::{Row, print_table, row_of};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

const CSV_CLIENTS: usize = 250;
const VAULT_CLIENTS: usize = 100;
const PER_CLIENT: usize = 20;
const RUNS: usize = 5;

const WORDS: &[&str] = &[
    "delegation",
    "feedback",
    "team",
    "trust",
    "board",
    "conversation",
    "stakeholder",
    "the",
    "and",
    "a",
    "her",
    "his",
    "manager",
    "promotion",
    "crisis",
    "outage",
    "review",
    "decision",
    "listened",
    "practised",
    "agreed",
    "next",
    "week",
    "plan",
    "escalation",
    "calm",
];

fn words(seed: usize, n: usize) -> String {
    (0..n)
        .map(|i| WORDS[(seed * 31 + i * 7) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_csv(path: &Path) {
    let mut out = String::from("Client,Email,Company,Session date,Time,Duration,Status,Notes\n");
    for c in 0..CSV_CLIENTS {
        for s in 0..PER_CLIENT {
            let day = 1 + (s * 13 + c) % 28;
            let month = 1 + (s * 5 + c) % 12;
            let _ = writeln!(
                out,
                "Client {c:03},client{c}@example.com,Org {},{day:02}/{month:02}/2025,{:02}:30,60,Held,\"{}\"",
                c % 40,
                8 + s % 9,
                words(c * PER_CLIENT + s, 80)
            );
        }
    }
    std::fs::write(path, out).expect("write csv");
}

fn write_vault(root: &Path) {
    std::fs::create_dir_all(root.join(".obsidian")).expect("mkdir");
    std::fs::write(root.join(".obsidian/app.json"), "{}").expect("write");
    for c in 0..VAULT_CLIENTS {
        let client = root.join(format!("Clients/Client {c:03}"));
        std::fs::create_dir_all(client.join("attachments")).expect("mkdir");
        std::fs::write(client.join("attachments/board.png"), [0u8; 64]).expect("write");
        for s in 0..PER_CLIENT {
            let year = 2024 + s % 2;
            let dir = client.join(year.to_string());
            std::fs::create_dir_all(&dir).expect("mkdir");
            let date = format!("{year}-{:02}-{:02}", 1 + s % 12, 1 + (s * 3 + c) % 28);
            let text = format!(
                "---\ndate: {date}\ntime: \"10:00\"\nduration: 60 min\ntags: [coaching]\n---\n# Session\n\n{}\n\nSee [[Delegation]] and ![[board.png]].\n",
                words(c * PER_CLIENT + s, 200)
            );
            std::fs::write(dir.join(format!("{date} Session.md")), text).expect("write");
        }
    }
}

fn csv_options() -> CsvOptions {
    CsvOptions {
        mapping: None,
        dates: None,
        zone: Zone::Local,
        now: coachbook::time::now(),
    }
}

fn notes_options() -> NotesOptions {
    NotesOptions {
        client_from: ClientFrom::Auto,
        dates: None,
        private: false,
        zone: Zone::Local,
        now: coachbook::time::now(),
    }
}

fn import_once(kind: &str, source: &Path, db: &Path) -> Duration {
    let _ = std::fs::remove_file(db);
    let mut store = Store::open(db).expect("open");
    let t = Instant::now();
    let done = match kind {
        "csv" => csv::import(
            &mut store,
            &std::fs::read(source).expect("read"),
            &csv_options(),
        ),
        _ => notes::import(&mut store, source, &notes_options()),
    }
    .expect("import");
    let took = t.elapsed();
    assert_eq!(
        done.sessions_created as usize,
        PER_CLIENT
            * if kind == "csv" {
                CSV_CLIENTS
            } else {
                VAULT_CLIENTS
            }
    );
    took
}

fn kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The child: one import, then its peak RSS and its RSS before the import (KiB).
fn child(kind: &str, source: &Path, db: &Path) {
    let before = kib("VmRSS:");
    import_once(kind, source, db);
    println!("{} {before}", kib("VmHWM:"));
}

fn peak(kind: &str, source: &Path, db: &Path) -> String {
    let out = Command::new(std::env::current_exe().expect("exe"))
        .args(["--bench", "--child", kind])
        .arg(source)
        .arg(db)
        .output()
        .expect("child");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text
        .split_whitespace()
        .map(|v| v.parse::<u64>().unwrap_or(0));
    let (hwm, before) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    format!(
        "peak RSS {:.1} MB ({:.1} MB before)",
        hwm as f64 / 1024.0,
        before as f64 / 1024.0
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(
            &args[i + 1],
            Path::new(&args[i + 2]),
            Path::new(&args[i + 3]),
        );
        return;
    }
    if !common::benchmarking() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let csv_file = dir.path().join("practice.csv");
    let vault = dir.path().join("vault");
    write_csv(&csv_file);
    write_vault(&vault);
    let db = dir.path().join("import.db");
    let csv_mb = std::fs::metadata(&csv_file).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;

    let mut rows: Vec<Row> = Vec::new();
    let store = Store::open(&dir.path().join("empty.db")).expect("open");
    let bytes = std::fs::read(&csv_file).expect("read");
    let times = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            csv::preview(store.conn(), &bytes, &csv_options()).expect("preview");
            t.elapsed()
        })
        .collect();
    rows.push(row_of(
        "CSV 5,000 rows: preview (read, map, plan)",
        times,
        format!("{csv_mb:.1} MB file"),
    ));
    let times = (0..RUNS)
        .map(|_| import_once("csv", &csv_file, &db))
        .collect();
    rows.push(row_of(
        "CSV 5,000 rows: import, one transaction",
        times,
        peak("csv", &csv_file, &db),
    ));
    let times = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            notes::preview(store.conn(), &vault, &notes_options()).expect("preview");
            t.elapsed()
        })
        .collect();
    rows.push(row_of(
        "Vault 2,000 notes: preview (walk, read, plan)",
        times,
        "warm file cache".to_string(),
    ));
    let times = (0..RUNS)
        .map(|_| import_once("notes", &vault, &db))
        .collect();
    rows.push(row_of(
        "Vault 2,000 notes: import, one transaction",
        times,
        peak("notes", &vault, &db),
    ));
    print_table("Import (debug builds are ~10× slower)", &rows);
}
