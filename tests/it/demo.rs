//! The demo practice: deterministic, realistic, and the size the issue promises.

use coachbook::demo::{DemoOptions, Size, generate};
use coachbook::export::to_json;
use coachbook::model::*;
use std::collections::BTreeSet;

fn options(size: Size, seed: u64) -> DemoOptions {
    DemoOptions {
        size,
        seed,
        as_of: "2026-11-24".parse().unwrap(),
    }
}

#[test]
fn the_same_seed_gives_the_same_practice_and_another_seed_another() {
    let a = to_json(&generate(&options(Size::Small, 3))).unwrap();
    let b = to_json(&generate(&options(Size::Small, 3))).unwrap();
    let c = to_json(&generate(&options(Size::Small, 4))).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn the_small_practice_has_eight_clients_in_every_state() {
    let doc = generate(&options(Size::Small, 1));
    assert_eq!(doc.clients.len(), 8);
    let statuses: BTreeSet<_> = doc
        .clients
        .iter()
        .map(|c| c.client.details.status)
        .collect();
    assert!(statuses.contains(&EngagementStatus::Active));
    assert!(statuses.contains(&EngagementStatus::Prospect));
    assert!(statuses.contains(&EngagementStatus::Paused));
    let upcoming = doc
        .clients
        .iter()
        .flat_map(|c| &c.sessions)
        .filter(|s| s.details.status == SessionStatus::Planned)
        .count();
    assert!(upcoming > 0, "the Today screen needs upcoming sessions");
}

#[test]
fn the_large_practice_is_a_ten_year_practice_with_every_kind_of_exposure() {
    let doc = generate(&options(Size::Large, 1));
    let sessions: usize = doc.clients.iter().map(|c| c.sessions.len()).sum();
    let check_ins: usize = doc
        .clients
        .iter()
        .flat_map(|c| &c.goals)
        .map(|g| g.check_ins.len())
        .sum();
    let assignments: Vec<&Assignment> = doc.clients.iter().flat_map(|c| &c.assignments).collect();
    assert_eq!(doc.clients.len(), 300);
    assert!((12_000..=18_000).contains(&sessions), "{sessions} sessions");
    assert!(
        (15_000..=25_000).contains(&check_ins),
        "{check_ins} check-ins"
    );
    assert!(
        (1_500..=2_500).contains(&assignments.len()),
        "{} assignments",
        assignments.len()
    );
    let kinds: BTreeSet<_> = assignments.iter().map(|a| a.details.kind).collect();
    assert_eq!(kinds.len(), ExposureKind::ALL.len());
    let stakes: BTreeSet<_> = assignments.iter().map(|a| a.details.stakes).collect();
    assert_eq!(stakes, (1..=5).collect());
    assert!(assignments.iter().any(|a| a.details.debrief.is_some()));
    let first = doc
        .clients
        .iter()
        .filter_map(|c| c.client.details.engagement_start)
        .min()
        .unwrap();
    assert!(
        first.to_string().as_str() < "2017-06-01",
        "starts about ten years back: {first}"
    );
    // Notes are real coaching prose, not lorem ipsum.
    let note = &doc
        .clients
        .iter()
        .flat_map(|c| &c.sessions)
        .find(|s| !s.details.notes.is_empty())
        .unwrap()
        .details
        .notes;
    assert!(note.split_whitespace().count() > 40, "{note}");
    assert!(!note.contains("lorem"));
}
