//! The Markdown export: one folder per client, one file per session with front matter,
//! private notes only when asked, the same bytes every time, and never over someone's files.

use crate::common::*;
use coachbook::export::{MarkdownOptions, export_markdown, markdown};
use coachbook::model::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `root`: relative path → bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

fn demo_store() -> TempStore {
    let mut t = temp_store();
    coachbook::demo::seed(
        &mut t.store,
        &coachbook::demo::DemoOptions {
            size: coachbook::demo::Size::Small,
            seed: 3,
            as_of: date("2026-11-24"),
        },
    )
    .unwrap();
    t
}

#[test]
fn exporting_twice_gives_the_same_tree() {
    let t = demo_store();
    let a = t.dir.path().join("a");
    let b = t.dir.path().join("b");
    let sa = export_markdown(&t.store, &a, &MarkdownOptions::default()).unwrap();
    let sb = export_markdown(&t.store, &b, &MarkdownOptions::default()).unwrap();
    assert_eq!(sa, sb);
    let counts = t.store.counts().unwrap();
    assert_eq!(sa.clients as i64, counts.clients);
    assert_eq!(sa.sessions as i64, counts.sessions);
    let first = tree(&a);
    assert_eq!(first, tree(&b));
    // One file per session plus the marker.
    assert_eq!(first.len() as i64, counts.sessions + 1);
    // Exporting again over the first export replaces it with the same bytes.
    export_markdown(&t.store, &a, &MarkdownOptions::default()).unwrap();
    assert_eq!(tree(&a), first);
    assert!(!t.dir.path().join("a.partial").exists());
    assert!(!t.dir.path().join("a.old").exists());
}

#[test]
fn sessions_have_front_matter_sections_and_safe_names() {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë O'Brien: CEO / COO?"))
        .unwrap();
    let g = t
        .store
        .create_goal(c.id, goal_details("Delegate \"outcomes\""))
        .unwrap();
    let mut d = session_details(vec![g.id]);
    d.notes = "Talked about **delegation**.\n\n- one\n- two".to_string();
    d.private_notes = "Seemed tired: watch for burnout.".to_string();
    let s = t.store.create_session(c.id, d).unwrap();
    let mut empty = session_details(vec![]);
    empty.starts_at = local("2026-03-17T09:30:00+01:00");
    empty.agenda = String::new();
    empty.notes = String::new();
    empty.private_notes = String::new();
    empty.takeaways = String::new();
    empty.next_steps = String::new();
    empty.status = SessionStatus::Planned;
    t.store.create_session(c.id, empty).unwrap();

    let dir = t.dir.path().join("md");
    export_markdown(&t.store, &dir, &MarkdownOptions::default()).unwrap();
    let files = tree(&dir);
    let folder = format!(
        "Zoë O'Brien- CEO - COO- ({})",
        &c.id.simple().to_string()[..8]
    );
    assert_eq!(markdown::client_folder(&c), folder);
    let file = format!(
        "{folder}/2026-03-10 0930 {}.md",
        &s.id.simple().to_string()[..8]
    );
    let text = String::from_utf8(files[&file].clone()).unwrap();
    let expected = format!(
        "---
id: {}
client: \"Zoë O'Brien: CEO / COO?\"
client_id: {}
date: 2026-03-10
start: \"2026-03-10T09:30:00+01:00\"
duration_minutes: 60
format: one_to_one
medium: video
status: held
goals:
  - \"Delegate \\\"outcomes\\\"\"
tags: [coachbook/session]
---

# Session with Zoë O'Brien: CEO / COO? — 2026-03-10 09:30

## Agenda

1. Delegation

## Notes

Talked about **delegation**.

- one
- two

## Takeaways

- Hand over outcomes

## Next steps

- Talk to Sam
",
        s.id, c.id
    );
    assert_eq!(text, expected);
    // A planned session with no text yet: front matter and title only.
    let planned = files
        .iter()
        .find(|(k, _)| k.contains("2026-03-17 0930"))
        .map(|(_, v)| String::from_utf8(v.clone()).unwrap())
        .unwrap();
    assert!(planned.contains("status: planned\ngoals: []\n"));
    assert!(!planned.contains("## "));
}

#[test]
fn private_notes_only_with_include_private() {
    let t = demo_store();
    let private: Vec<String> = t
        .store
        .list_clients(&coachbook::store::ClientFilter {
            include_archived: true,
            ..Default::default()
        })
        .unwrap()
        .iter()
        .flat_map(|c| t.store.sessions_of(c.id).unwrap())
        .map(|s| s.details.private_notes)
        .filter(|p| !p.is_empty())
        .collect();
    assert!(!private.is_empty());
    let without = t.dir.path().join("without");
    let with = t.dir.path().join("with");
    export_markdown(&t.store, &without, &MarkdownOptions::default()).unwrap();
    export_markdown(
        &t.store,
        &with,
        &MarkdownOptions {
            include_private: true,
        },
    )
    .unwrap();
    let all = |root: &Path| -> String {
        tree(root)
            .into_values()
            .map(|b| String::from_utf8(b).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (without, with) = (all(&without), all(&with));
    assert!(!without.contains("## Private notes"));
    assert!(with.contains("## Private notes"));
    for p in &private {
        assert!(!without.contains(p.as_str()), "private note leaked: {p}");
        assert!(with.contains(p.as_str()));
    }
}

#[test]
fn a_folder_that_is_not_an_export_is_refused_untouched() {
    let t = demo_store();
    let dir = t.dir.path().join("documents");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("thesis.md"), "my thesis").unwrap();
    let err = export_markdown(&t.store, &dir, &MarkdownOptions::default()).unwrap_err();
    assert_eq!(err.field(), Some("DIR"));
    assert!(err.is_bad_input());
    assert_eq!(tree(&dir).len(), 1);
    // An empty folder is fine.
    let empty = t.dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    export_markdown(&t.store, &empty, &MarkdownOptions::default()).unwrap();
    assert!(empty.join(markdown::MARKER).is_file());
}

#[test]
fn exporting_again_drops_deleted_sessions_and_follows_renames() {
    let (mut t, c, s) = {
        let mut t = temp_store();
        let c = t
            .store
            .create_client(client_details("Zoë Adeyemi"))
            .unwrap();
        let s = t
            .store
            .create_session(c.id, session_details(vec![]))
            .unwrap();
        (t, c, s)
    };
    let dir = t.dir.path().join("md");
    export_markdown(&t.store, &dir, &MarkdownOptions::default()).unwrap();
    assert_eq!(tree(&dir).len(), 2);
    t.store.delete_session(s.id).unwrap();
    t.store
        .update_client(c.id, client_details("Zoë Okafor"))
        .unwrap();
    t.store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    export_markdown(&t.store, &dir, &MarkdownOptions::default()).unwrap();
    let files = tree(&dir);
    assert_eq!(files.len(), 2);
    assert!(files.keys().any(|k| k.starts_with("Zoë Okafor (")));
    assert!(
        !files
            .keys()
            .any(|k| k.contains(&s.id.simple().to_string()[..8]))
    );
}
