//! Confidentiality over a whole realistic practice: for every client of the demo practice,
//! over their whole history, no sentence of any note, takeaway, next step or debrief reaches
//! the sponsor's report, and no private-note sentence reaches the client's.

use chrono::NaiveDate;
use coachbook::Store;
use coachbook::demo::{DemoOptions, Size};
use coachbook::report::{self, Audience, Paper, ReportRequest};
use coachbook::store::ClientFilter;
use coachbook::views::history::ClientHistory;
use std::process::{Command, Stdio};

fn pdf_text(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-raw", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (scripts/install-deps.sh --test installs it)");
    let mut stdin = child.stdin.take().unwrap();
    let bytes = pdf.to_vec();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &bytes));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    // Lines wrap anywhere: compare with all whitespace folded.
    normal(&String::from_utf8_lossy(&out.stdout))
}

fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences of some Markdown, without list marks or emphasis, long enough to be telling.
fn sentences(md: &str) -> Vec<String> {
    md.lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '#', '>', ' ']))
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(". ")
        })
        .map(|l| normal(&l.replace("**", "").replace('*', "")))
        .filter(|l| l.chars().count() >= 25)
        .collect()
}

#[test]
fn no_sponsor_report_holds_note_text_and_no_client_report_holds_private_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    let as_of: NaiveDate = "2026-11-24".parse().unwrap();
    coachbook::demo::seed(
        &mut store,
        &DemoOptions {
            size: Size::Small,
            seed: 11,
            as_of,
        },
    )
    .unwrap();
    let filter = ClientFilter {
        include_archived: true,
        ..Default::default()
    };
    let mut checked = 0;
    for c in store.list_clients(&filter).unwrap() {
        let h = ClientHistory::load(&store, c.id).unwrap();
        let req = |audience| ReportRequest {
            client_id: c.id,
            from: "2015-01-01".parse().unwrap(),
            to: as_of,
            audience,
            paper: Paper::A4,
        };
        let now = "2026-11-24T12:00:00Z".parse().unwrap();
        let sponsor = pdf_text(
            &report::render(&store, &req(Audience::Sponsor), now)
                .unwrap()
                .pdf,
        );
        let client = pdf_text(
            &report::render(&store, &req(Audience::Client), now)
                .unwrap()
                .pdf,
        );
        let coach = pdf_text(
            &report::render(&store, &req(Audience::Coach), now)
                .unwrap()
                .pdf,
        );

        let mut shared = String::new();
        let mut secret = Vec::new();
        for d in h.sessions.iter().map(|s| &s.details) {
            for text in [&d.notes, &d.takeaways, &d.next_steps, &d.agenda] {
                secret.extend(sentences(text));
                shared.push_str(&normal(text));
            }
        }
        for d in h.sessions.iter().map(|s| &s.details) {
            for p in sentences(&d.private_notes) {
                assert!(
                    !sponsor.contains(&p),
                    "{}: sponsor report has a private note: {p}",
                    c.name
                );
                // The same sentence may also be written in a shareable field; only a
                // sentence that is private alone must stay out of the client's report.
                if !shared.contains(&p) {
                    assert!(
                        !client.contains(&p),
                        "{}: client report has a private note: {p}",
                        c.name
                    );
                }
                assert!(
                    coach.contains(&p),
                    "{}: coach report lacks a private note: {p}",
                    c.name
                );
                checked += 1;
            }
        }
        for a in &h.assignments {
            if let Some(b) = &a.details.debrief {
                for text in [&b.what_happened, &b.client_actions, &b.outcome, &b.lessons] {
                    secret.extend(sentences(text));
                }
            }
        }
        for s in &secret {
            assert!(
                !sponsor.contains(s.as_str()),
                "{}: sponsor report has note text: {s}",
                c.name
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} sentences checked");
}
