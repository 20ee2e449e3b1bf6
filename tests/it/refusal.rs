//! Bad input is refused whole: random and truncated JSON fed to import, and random values
//! fed to validated store methods, leave the practice's export byte-identical.

use crate::common::snapshot;
use coachbook::Store;
use coachbook::demo::{self, DemoOptions, Size};
use coachbook::export::{self, ImportOptions};
use proptest::prelude::*;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;
use tempfile::TempDir;

/// A small demo practice in a closed file (copied per case: fast, and cases stay apart),
/// and the export of another practice, which would import cleanly.
fn fixture() -> &'static (TempDir, PathBuf, String) {
    static FIXTURE: OnceLock<(TempDir, PathBuf, String)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let options = |seed| DemoOptions {
            size: Size::Small,
            seed,
            as_of: crate::common::date("2026-11-24"),
        };
        let mut t = crate::common::temp_store();
        demo::seed(&mut t.store, &options(1)).unwrap();
        let template = t.dir.path().join("template.db");
        t.store.backup_to(&template).unwrap();
        let mut other = crate::common::temp_store();
        demo::seed(&mut other.store, &options(2)).unwrap();
        (t.dir, template, snapshot(&other.store))
    })
}

fn fresh() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.db");
    std::fs::copy(&fixture().1, &path).unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

/// Runs `f`; if it fails, the export must not have changed. Returns whether it failed.
fn refused_whole(f: impl FnOnce(&mut Store) -> coachbook::Result<()>) -> bool {
    let (_dir, mut store) = fresh();
    let before = snapshot(&store);
    match f(&mut store) {
        Ok(()) => false,
        Err(_) => {
            assert_eq!(
                snapshot(&store),
                before,
                "a refused input changed the practice"
            );
            true
        }
    }
}

fn leaves(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| leaves(c, format!("{path}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| leaves(c, format!("{path}/{i}"), out)),
        _ => out.push(path),
    }
}

fn bad_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::Bool(true)),
        any::<i64>().prop_map(Value::from),
        (-3i64..15).prop_map(Value::from),
        Just(Value::from(1.5)),
        "[a-z0-9 -]{0,12}".prop_map(Value::from),
        Just(Value::from("2026-13-45")),
        Just(Value::from("not-a-uuid")),
        Just(Value::Array(vec![])),
        Just(Value::Object(Default::default())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn truncated_json_is_refused_whole(cut in 0.0f64..1.0, update in any::<bool>()) {
        let text = &fixture().2;
        let mut at = (text.trim_end().len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let refused = refused_whole(|s| {
            export::import_json(s, &text[..at], ImportOptions { update }).map(drop)
        });
        prop_assert!(refused, "a truncated export was imported");
    }

    #[test]
    fn a_random_value_anywhere_in_an_import_is_refused_whole_or_imported(
        pick in any::<prop::sample::Index>(),
        value in bad_value(),
        update in any::<bool>(),
    ) {
        let mut doc: Value = serde_json::from_str(&fixture().2).unwrap();
        let mut paths = Vec::new();
        leaves(&doc, String::new(), &mut paths);
        let path = pick.get(&paths);
        *doc.pointer_mut(path).unwrap() = value;
        let text = doc.to_string();
        // Some values are legal where they land (a note's text): those import, fine.
        refused_whole(|s| export::import_json(s, &text, ImportOptions { update }).map(drop));
    }

    #[test]
    fn random_numbers_in_validated_commands_are_refused_whole_or_saved(
        baseline in -5i32..15, target in -5i32..15, score in -5i32..15,
        stakes in -2i32..8, duration in -30i32..2000, which in 0u8..4,
    ) {
        refused_whole(|s| {
            let clients = s.list_clients(&Default::default())?;
            let client = clients[0].id;
            let goal = s.goals_of(client)?[0].clone();
            match which {
                0 => {
                    let mut d = goal.details.clone();
                    d.baseline = baseline;
                    d.target = target;
                    s.create_goal(client, d).map(drop)
                }
                1 => s.add_check_in(goal.id, crate::common::check_in_details(score, None)).map(drop),
                2 => s
                    .create_assignment(client, crate::common::assignment_details(stakes, "Coach on call"))
                    .map(drop),
                _ => {
                    let session = s.sessions_of(client)?[0].clone();
                    let mut d = session.details.clone();
                    d.duration_minutes = duration;
                    d.notes = format!("changed {duration}");
                    s.update_session(session.id, d).map(drop)
                }
            }
        });
    }
}

#[test]
fn out_of_range_values_are_in_fact_refused() {
    // The property tests above allow success; these must fail.
    assert!(refused_whole(|s| {
        let client = s.list_clients(&Default::default())?[0].id;
        let goal = s.goals_of(client)?[0].id;
        s.add_check_in(goal, crate::common::check_in_details(11, None))
            .map(drop)
    }));
    assert!(refused_whole(|s| {
        let client = s.list_clients(&Default::default())?[0].id;
        s.create_assignment(client, crate::common::assignment_details(6, "x"))
            .map(drop)
    }));
}
