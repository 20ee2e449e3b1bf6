//! Full-text search against real SQLite files: the index follows every write (create, edit,
//! delete, archive, import, demo, migration of an older file), folding, prefixes, phrases,
//! boolean syntax, hostile input, filters, private hits, grouping and ranking.

use crate::common::*;
use coachbook::Store;
use coachbook::export::{self, ImportOptions};
use coachbook::model::*;
use coachbook::search::{self, RecordKind, SearchHit, SearchKind, SearchQuery};
use proptest::prelude::*;
use uuid::Uuid;

fn find(store: &Store, text: &str) -> Vec<SearchHit> {
    search::search(store, &SearchQuery::text(text)).expect("search")
}

fn find_q(store: &Store, q: SearchQuery) -> Vec<SearchHit> {
    search::search(store, &q).expect("search")
}

/// The index holds exactly what the records say (FTS5 integrity check against the content).
fn index_in_sync(store: &Store) {
    search::check_index(store).expect("index in sync with the records");
}

fn kinds_of(hits: &[SearchHit]) -> Vec<SearchKind> {
    hits.iter().map(|h| h.kind).collect()
}

/// A client with a goal and one session whose texts are given.
fn practice_with_session(notes: &str, private_notes: &str) -> (TempStore, Client, Session) {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let g = t
        .store
        .create_goal(c.id, goal_details("Delegate outcomes"))
        .unwrap();
    let mut d = session_details(vec![g.id]);
    d.notes = notes.to_string();
    d.private_notes = private_notes.to_string();
    let s = t.store.create_session(c.id, d).unwrap();
    (t, c, s)
}

#[test]
fn creating_editing_and_deleting_a_session_keeps_the_index_in_sync() {
    let (mut t, c, s) = practice_with_session(
        "We talked about the board meeting and the reorg.",
        "Seems anxious about the merger.",
    );
    index_in_sync(&t.store);
    let hits = find(&t.store, "reorg");
    assert_eq!(kinds_of(&hits), [SearchKind::SessionNotes]);
    let hit = &hits[0];
    assert_eq!(hit.record, RecordKind::Session);
    assert_eq!(hit.record_id, s.id);
    assert_eq!(hit.client_id, c.id);
    assert_eq!(hit.client_name, "Zoë Adeyemi");
    assert_eq!(hit.date, Some(date("2026-03-10")));
    assert!(!hit.is_private);
    assert!(hit.snippet.contains("«reorg»"), "{}", hit.snippet);
    assert!(hit.score > 0.0);

    // Edit: the old words go, the new ones come, the untouched fields stay.
    let mut d = s.details.clone();
    d.notes = "A quiet week: mostly about hiring.".to_string();
    t.store.update_session(s.id, d.clone()).unwrap();
    index_in_sync(&t.store);
    assert!(find(&t.store, "reorg").is_empty());
    assert_eq!(
        kinds_of(&find(&t.store, "hiring")),
        [SearchKind::SessionNotes]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "merger")),
        [SearchKind::SessionPrivateNotes]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "delegation")),
        [SearchKind::SessionAgenda],
        "the agenda from the sample session"
    );

    // Every field of a session is searchable.
    d.takeaways = "- Silence is a tool".to_string();
    d.next_steps = "- Book the offsite".to_string();
    d.agenda = "1. Stakeholder map".to_string();
    t.store.update_session(s.id, d).unwrap();
    index_in_sync(&t.store);
    assert_eq!(
        kinds_of(&find(&t.store, "silence")),
        [SearchKind::SessionTakeaways]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "offsite")),
        [SearchKind::SessionNextSteps]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "stakeholder")),
        [SearchKind::SessionAgenda]
    );

    t.store.delete_session(s.id).unwrap();
    index_in_sync(&t.store);
    assert!(find(&t.store, "hiring").is_empty());
    assert!(find(&t.store, "merger").is_empty());
    // The client and goal are still there.
    assert_eq!(
        kinds_of(&find(&t.store, "adeyemi")),
        [SearchKind::ClientName]
    );
}

#[test]
fn moving_a_session_to_another_day_moves_its_hits() {
    let (mut t, _, s) = practice_with_session("Budget round prep.", "");
    let mut d = s.details.clone();
    d.starts_at = local("2024-06-01T10:00:00+02:00");
    t.store.update_session(s.id, d).unwrap();
    index_in_sync(&t.store);
    let hits = find(&t.store, "budget");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].date, Some(date("2024-06-01")));
    let in_2026 = SearchQuery {
        from: Some(date("2026-01-01")),
        ..SearchQuery::text("budget")
    };
    assert!(find_q(&t.store, in_2026).is_empty());
    let in_2024 = SearchQuery {
        from: Some(date("2024-06-01")),
        to: Some(date("2024-06-01")),
        ..SearchQuery::text("budget")
    };
    assert_eq!(find_q(&t.store, in_2024).len(), 1);
}

#[test]
fn goals_assignments_debriefs_and_clients_are_indexed_and_follow_edits() {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(ClientDetails {
            organisation: "Helix Biotech".to_string(),
            ..client_details("Benoît Lefèvre")
        })
        .unwrap();
    let g = t
        .store
        .create_goal(
            c.id,
            GoalDetails {
                success_criteria: "Peers rate composure at seven".to_string(),
                ..goal_details("Stay steady in incidents")
            },
        )
        .unwrap();
    let a = t
        .store
        .create_assignment(
            c.id,
            AssignmentDetails {
                // Completed, so the debrief below is a legal move.
                status: AssignmentStatus::Completed,
                ..assignment_details(5, "Coach on call")
            },
        )
        .unwrap();
    index_in_sync(&t.store);
    assert_eq!(kinds_of(&find(&t.store, "steady")), [SearchKind::GoalTitle]);
    assert_eq!(
        kinds_of(&find(&t.store, "composure")),
        [SearchKind::GoalSuccessCriteria]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "bridge")),
        [SearchKind::AssignmentTitle]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "outage")),
        [SearchKind::AssignmentScenario]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "helix")),
        [SearchKind::ClientOrganisation]
    );
    let goal_hit = &find(&t.store, "steady")[0];
    assert_eq!(goal_hit.record, RecordKind::Goal);
    assert_eq!(goal_hit.record_id, g.id);
    assert_eq!(goal_hit.date, Some(date("2026-02-01")));

    // The debrief arrives with its own day.
    let mut ad = a.details.clone();
    ad.status = AssignmentStatus::Debriefed;
    ad.debrief = Some(Debrief {
        held_on: date("2026-03-25"),
        what_happened: "The outage spread to payments".to_string(),
        client_actions: "Assigned owners before causes".to_string(),
        outcome: "Resolved within the day".to_string(),
        lessons: "Over-communicate in a crisis".to_string(),
        composure: 4,
        decision_quality: 4,
    });
    t.store.update_assignment(a.id, ad).unwrap();
    index_in_sync(&t.store);
    let debrief: Vec<(SearchKind, RecordKind)> = ["payments", "owners", "resolved", "communicate"]
        .iter()
        .flat_map(|w| find(&t.store, w))
        .map(|h| (h.kind, h.record))
        .collect();
    assert_eq!(
        debrief,
        [
            (SearchKind::DebriefWhatHappened, RecordKind::Assignment),
            (SearchKind::DebriefClientActions, RecordKind::Assignment),
            (SearchKind::DebriefOutcome, RecordKind::Assignment),
            (SearchKind::DebriefLessons, RecordKind::Assignment),
        ]
    );
    assert_eq!(find(&t.store, "payments")[0].date, Some(date("2026-03-25")));
    assert_eq!(find(&t.store, "payments")[0].record_id, a.id);

    // Renaming the client: the name hit follows, and every hit carries the new name.
    let renamed = ClientDetails {
        organisation: "Helix Biotech".to_string(),
        ..client_details("Benoît Marchand")
    };
    t.store.update_client(c.id, renamed).unwrap();
    index_in_sync(&t.store);
    assert!(find(&t.store, "lefevre").is_empty());
    assert_eq!(
        kinds_of(&find(&t.store, "marchand")),
        [SearchKind::ClientName]
    );
    assert_eq!(find(&t.store, "payments")[0].client_name, "Benoît Marchand");

    t.store.delete_goal(g.id).unwrap();
    t.store.delete_assignment(a.id).unwrap();
    index_in_sync(&t.store);
    assert!(find(&t.store, "steady").is_empty());
    assert!(find(&t.store, "payments OR outage OR bridge").is_empty());
}

#[test]
fn archived_clients_stay_searchable_and_can_be_left_out() {
    let (mut t, c, _) = practice_with_session("Talked about the strategy offsite.", "");
    t.store.set_client_archived(c.id, true).unwrap();
    index_in_sync(&t.store);
    let hits = find(&t.store, "offsite");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].client_archived);
    let active_only = SearchQuery {
        exclude_archived: true,
        ..SearchQuery::text("offsite")
    };
    assert!(find_q(&t.store, active_only.clone()).is_empty());
    t.store.set_client_archived(c.id, false).unwrap();
    assert_eq!(find_q(&t.store, active_only).len(), 1);
}

#[test]
fn import_indexes_new_records_updates_changed_ones_and_a_refused_import_leaves_no_trace() {
    let (t, _, s) = practice_with_session("Planning the platform migration.", "");
    let json = snapshot(&t.store);

    let mut other = temp_store();
    export::import_json(&mut other.store, &json, ImportOptions::default()).unwrap();
    index_in_sync(&other.store);
    assert_eq!(find(&other.store, "migration")[0].record_id, s.id);

    // Import with --update rewrites the notes: the index follows.
    let changed = json.replace(
        "Planning the platform migration.",
        "Union negotiation prep.",
    );
    export::import_json(&mut other.store, &changed, ImportOptions { update: true }).unwrap();
    index_in_sync(&other.store);
    assert!(find(&other.store, "migration").is_empty());
    assert_eq!(find(&other.store, "union").len(), 1);

    // A refused import (a bad value in the last record) writes nothing, index included.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["clients"][0]["id"] = serde_json::json!(Uuid::new_v4().to_string());
    let client_id = doc["clients"][0]["id"].clone();
    for key in ["goals", "sessions"] {
        for rec in doc["clients"][0][key].as_array_mut().unwrap() {
            rec["id"] = serde_json::json!(Uuid::new_v4().to_string());
            rec["client_id"] = client_id.clone();
        }
    }
    for g in doc["clients"][0]["goals"].as_array_mut().unwrap() {
        g["check_ins"] = serde_json::json!([]);
    }
    for s in doc["clients"][0]["sessions"].as_array_mut().unwrap() {
        s["goal_ids"] = serde_json::json!([]);
        s["notes"] = serde_json::json!("Quarterly business review");
    }
    doc["clients"][0]["sessions"][0]["duration_minutes"] = serde_json::json!(0);
    export::import_json(&mut other.store, &doc.to_string(), ImportOptions::default())
        .expect_err("a zero duration is refused");
    index_in_sync(&other.store);
    assert!(find(&other.store, "quarterly").is_empty());
}

#[test]
fn the_demo_practice_is_indexed_and_replacing_it_empties_the_old_index() {
    let mut t = temp_store();
    let options = coachbook::demo::DemoOptions {
        size: coachbook::demo::Size::Small,
        seed: 5,
        as_of: date("2026-11-24"),
    };
    coachbook::demo::seed(&mut t.store, &options).unwrap();
    index_in_sync(&t.store);
    let clients = t.store.list_clients(&Default::default()).unwrap();
    for c in &clients {
        let hits = find_q(
            &t.store,
            SearchQuery {
                kinds: vec![SearchKind::ClientName],
                ..SearchQuery::text(format!("\"{}\"", c.name))
            },
        );
        assert!(
            hits.iter().any(|h| h.record_id == c.id),
            "{} not found",
            c.name
        );
    }
    assert!(!find(&t.store, "delegation").is_empty());

    // `demo --force` deletes every client: the cascade takes their index rows along.
    coachbook::demo::clear(&mut t.store).unwrap();
    index_in_sync(&t.store);
    assert!(find(&t.store, "delegation").is_empty());
    let left: i64 = t
        .store
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM search_records) + (SELECT count(*) FROM search_docs)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    coachbook::demo::seed(&mut t.store, &options).unwrap();
    index_in_sync(&t.store);
    assert!(!find(&t.store, "delegation").is_empty());
}

#[test]
fn a_database_written_at_migration_2_is_indexed_when_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        coachbook::store::migrations::migrations()
            .to_version(&mut conn, 2)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, organisation, stage, status, created_at, updated_at)
             VALUES ('6f1d2c3b-0000-4000-8000-000000000001', 'Şule Kaya', 'Fjord Energy',
                     'executive', 'active', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
             INSERT INTO sessions (id, client_id, starts_at, starts_at_utc, duration_minutes,
                     format, medium, status, notes, private_notes, created_at, updated_at)
             VALUES ('6f1d2c3b-0000-4000-8000-000000000002', '6f1d2c3b-0000-4000-8000-000000000001',
                     '2021-05-04T09:00:00+02:00', '2021-05-04T07:00:00.000Z', 60, 'one_to_one',
                     'video', 'held', 'The regulator''s audit went well.', 'Tired again.',
                     '2021-05-04T08:00:00Z', '2021-05-04T10:00:00Z');
             INSERT INTO goals (id, client_id, title, baseline, target, status, created_at, updated_at)
             VALUES ('6f1d2c3b-0000-4000-8000-000000000003', '6f1d2c3b-0000-4000-8000-000000000001',
                     'Lead through the restructuring', 3, 8, 'active',
                     '2021-01-10T00:00:00Z', '2021-01-10T00:00:00Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        coachbook::store::migrations::LATEST
    );
    index_in_sync(&store);
    let audit = find(&store, "regulator audit");
    assert_eq!(kinds_of(&audit), [SearchKind::SessionNotes]);
    assert_eq!(audit[0].date, Some(date("2021-05-04")));
    assert_eq!(audit[0].client_name, "Şule Kaya");
    assert!(find(&store, "tired")[0].is_private);
    assert_eq!(
        find(&store, "restructuring")[0].date,
        Some(date("2021-01-10"))
    );
    assert_eq!(kinds_of(&find(&store, "sule")), [SearchKind::ClientName]);
    assert_eq!(
        kinds_of(&find(&store, "fjord")),
        [SearchKind::ClientOrganisation]
    );
}

#[test]
fn case_and_diacritics_fold_both_ways() {
    let mut t = temp_store();
    let zoe = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let plain = t.store.create_client(client_details("Zoe Plain")).unwrap();
    let mut d = session_details(vec![]);
    d.notes = "Benoît and Şule joined the CAFÉ debrief.".to_string();
    t.store.create_session(zoe.id, d).unwrap();
    let names = |q: &str| -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = find_q(
            &t.store,
            SearchQuery {
                kinds: vec![SearchKind::ClientName],
                ..SearchQuery::text(q)
            },
        )
        .iter()
        .map(|h| h.record_id)
        .collect();
        ids.sort();
        ids
    };
    let mut both = vec![zoe.id, plain.id];
    both.sort();
    assert_eq!(names("zoe"), both);
    assert_eq!(names("Zoë"), both);
    assert_eq!(names("ZOË"), both);
    for q in ["benoit", "BENOÎT", "sule", "Şule", "cafe", "café"] {
        assert_eq!(find(&t.store, q).len(), 1, "{q}");
    }
}

#[test]
fn prefixes_match_as_you_type() {
    let (t, _, _) = practice_with_session("The boardroom was tense; a reorganisation looms.", "");
    assert_eq!(find(&t.store, "reorg*").len(), 1);
    assert!(
        find(&t.store, "reorg").is_empty(),
        "no prefix without a star"
    );
    let typing = |text: &str| {
        find_q(
            &t.store,
            SearchQuery {
                prefix_last: true,
                ..SearchQuery::text(text)
            },
        )
    };
    for partial in ["bo", "boa", "boardr", "tense boar", "Reorganisa"] {
        assert_eq!(typing(partial).len(), 1, "{partial}");
    }
    assert!(typing("boardroom ").len() == 1);
    assert!(
        typing("boar ").is_empty(),
        "a finished word is not a prefix"
    );
    // One letter is not yet a prefix: nothing, and no error.
    assert!(typing("b").is_empty());
    assert_eq!(typing("tense b").len(), 1);
    assert!(find(&t.store, "b*").is_empty());
}

#[test]
fn phrases_and_boolean_syntax() {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let note = |t: &mut TempStore, notes: &str, day: &str| {
        let mut d = session_details(vec![]);
        d.notes = notes.to_string();
        d.agenda = String::new();
        d.starts_at = local(&format!("{day}T09:00:00+00:00"));
        t.store.create_session(c.id, d).unwrap().id
    };
    let a = note(&mut t, "The board meeting ran long.", "2026-01-01");
    let b = note(&mut t, "Meeting the board chair next week.", "2026-01-02");
    let m = note(&mut t, "The merger was announced.", "2026-01-03");
    let ids = |hits: Vec<SearchHit>| {
        let mut v: Vec<Uuid> = hits.iter().map(|h| h.record_id).collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<Uuid>| {
        v.sort();
        v
    };
    assert_eq!(ids(find(&t.store, "\"board meeting\"")), [a]);
    assert_eq!(ids(find(&t.store, "board meeting")), sorted(vec![a, b]));
    assert_eq!(ids(find(&t.store, "board -chair")), [a]);
    assert_eq!(ids(find(&t.store, "board NOT chair")), [a]);
    assert_eq!(ids(find(&t.store, "board AND chair")), [b]);
    assert_eq!(ids(find(&t.store, "merger OR chair")), sorted(vec![b, m]));
    assert_eq!(
        ids(find(&t.store, "the long OR announced")),
        sorted(vec![a, m])
    );
    assert_eq!(ids(find(&t.store, "-\"board chair\" board")), [a]);
    // An unclosed quote is a phrase to the end.
    assert_eq!(ids(find(&t.store, "\"board meeting")), [a]);
}

const HOSTILE: &[&str] = &[
    "",
    " ",
    "\"",
    "\"\"",
    "\"\"\"",
    "'",
    "*",
    "**",
    "* *",
    "a*",
    "(",
    ")",
    "()",
    "(((",
    ")))",
    "NEAR",
    "NEAR(",
    "NEAR(board meeting)",
    "NEAR(board meeting, 2)",
    "board NEAR meeting",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "board AND",
    "OR board",
    "NOT board",
    "-",
    "--",
    "-board",
    "+",
    "+board",
    "^",
    "^board",
    ":",
    "body:board",
    "scope:c",
    "{body}: board",
    "{scope body} : x",
    "col1 : board",
    "\0",
    "board\0meeting",
    "🙂",
    "board 🙂 meeting",
    "\u{308}",
    "\u{308}\u{301}",
    ";DROP TABLE clients;--",
    "'; DELETE FROM sessions; --",
    "%",
    "_",
    "\\",
    "\\\"",
    "\"board\" *",
    "\"board\"*\"",
    "board\"meeting",
    "*board",
    "bo*rd",
    "k1",
    "c0123456789abcdef",
    "rowid:1",
    "rank:bm25",
    "\u{202e}evil",
    "\r\n\t",
];

fn hostile_store() -> TempStore {
    let (t, _, _) = practice_with_session(
        "The board meeting and the reorg. NEAR the end, AND OR NOT were discussed.",
        "Private: board dynamics.",
    );
    t
}

#[test]
fn hostile_queries_return_results_or_nothing_never_an_error() {
    let t = hostile_store();
    let mut long = String::new();
    while long.len() < 10_240 {
        long.push_str("board \"meeting (NEAR* OR -x AND ");
    }
    let ten_kb_words = "board ".repeat(1_800);
    let ten_kb_quotes = "\"".repeat(10_240);
    let ten_kb_parens = "(".repeat(10_240);
    let ten_kb_stars = "*".repeat(10_240);
    let ten_kb_word = "b".repeat(10_240);
    let mut all: Vec<&str> = HOSTILE.to_vec();
    all.extend([
        long.as_str(),
        ten_kb_words.as_str(),
        ten_kb_quotes.as_str(),
        ten_kb_parens.as_str(),
        ten_kb_stars.as_str(),
        ten_kb_word.as_str(),
    ]);
    for text in all {
        for prefix_last in [false, true] {
            let q = SearchQuery {
                prefix_last,
                ..SearchQuery::text(text)
            };
            let result = search::search(&t.store, &q);
            assert!(
                result.is_ok(),
                "{:?} (prefix_last {prefix_last}): {:?}",
                text.chars().take(60).collect::<String>(),
                result.err()
            );
        }
    }
    // Syntax in the query is just text: these still find the note.
    for text in [
        "NEAR(board meeting)",
        "board AND",
        "(board)",
        "+board",
        "^board",
        "board 🙂",
    ] {
        assert!(!find(&t.store, text).is_empty(), "{text}");
    }
    assert!(!find(&t.store, &ten_kb_words).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_a_valid_query(
        text in prop_oneof![
            any::<String>(),
            proptest::collection::vec(any::<u8>(), 0..200)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            "[\"*()\\-+^:{} a-zA-Z0-9NEARORNOT]{0,80}",
        ],
        prefix_last in any::<bool>(),
    ) {
        thread_local! {
            static STORE: TempStore = hostile_store();
        }
        STORE.with(|t| {
            let q = SearchQuery { prefix_last, ..SearchQuery::text(text.clone()) };
            let result = search::search(&t.store, &q);
            prop_assert!(result.is_ok(), "{:?}: {:?}", text, result.err());
            Ok(())
        })?;
    }
}

#[test]
fn filters_by_client_date_range_and_kind() {
    let mut t = temp_store();
    let zoe = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let sam = t.store.create_client(client_details("Sam Okafor")).unwrap();
    for (client, day, notes, private) in [
        (
            zoe.id,
            "2025-01-15",
            "Delegation to Luis worked.",
            "Delegation anxiety.",
        ),
        (zoe.id, "2026-02-15", "Delegation again.", ""),
        (sam.id, "2026-02-20", "Delegation of the budget.", ""),
    ] {
        let mut d = session_details(vec![]);
        d.starts_at = local(&format!("{day}T10:00:00+01:00"));
        d.notes = notes.to_string();
        d.private_notes = private.to_string();
        d.agenda = String::new();
        t.store.create_session(client, d).unwrap();
    }
    t.store
        .create_goal(sam.id, goal_details("Delegation without rescue"))
        .unwrap();

    let base = SearchQuery::text("delegation");
    assert_eq!(find_q(&t.store, base.clone()).len(), 5);

    let zoes = find_q(
        &t.store,
        SearchQuery {
            client_id: Some(zoe.id),
            ..base.clone()
        },
    );
    assert_eq!(zoes.len(), 3);
    assert!(zoes.iter().all(|h| h.client_id == zoe.id));

    let in_2026 = find_q(
        &t.store,
        SearchQuery {
            from: Some(date("2026-01-01")),
            to: Some(date("2026-02-15")),
            ..base.clone()
        },
    );
    assert_eq!(in_2026.len(), 2, "{in_2026:#?}");
    assert!(
        in_2026
            .iter()
            .all(|h| h.date.is_some_and(|d| d.to_string().starts_with("2026")))
    );
    let to_only = find_q(
        &t.store,
        SearchQuery {
            to: Some(date("2025-12-31")),
            ..base.clone()
        },
    );
    assert_eq!(to_only.len(), 2);

    let private = find_q(
        &t.store,
        SearchQuery {
            kinds: vec![SearchKind::SessionPrivateNotes],
            ..base.clone()
        },
    );
    assert_eq!(kinds_of(&private), [SearchKind::SessionPrivateNotes]);
    assert!(private[0].is_private);
    let goals_and_notes = find_q(
        &t.store,
        SearchQuery {
            kinds: vec![SearchKind::GoalTitle, SearchKind::SessionNotes],
            client_id: Some(sam.id),
            ..base.clone()
        },
    );
    let mut got = kinds_of(&goals_and_notes);
    got.sort();
    assert_eq!(got, [SearchKind::SessionNotes, SearchKind::GoalTitle]);

    let err = search::search(
        &t.store,
        &SearchQuery {
            from: Some(date("2026-03-01")),
            to: Some(date("2026-02-01")),
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("to"));
    let err = search::search(
        &t.store,
        &SearchQuery {
            limit: 0,
            ..base.clone()
        },
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("limit"));
    let limited = find_q(&t.store, SearchQuery { limit: 2, ..base });
    assert_eq!(limited.len(), 2);
}

#[test]
fn private_note_hits_are_marked_private() {
    let (t, _, _) = practice_with_session("Burnout came up.", "Burnout risk is real.");
    let hits = find(&t.store, "burnout");
    assert_eq!(hits.len(), 2);
    for h in &hits {
        assert_eq!(
            h.is_private,
            h.kind == SearchKind::SessionPrivateNotes,
            "{h:?}"
        );
    }
    assert_eq!(hits.iter().filter(|h| h.is_private).count(), 1);
}

#[test]
fn hits_are_grouped_by_client_and_ranked_with_a_gentle_recency_boost() {
    let mut t = temp_store();
    let mut clients = Vec::new();
    for name in ["Amara Okafor", "Jonas Becker", "Priya Iyer"] {
        clients.push(t.store.create_client(client_details(name)).unwrap());
    }
    // Same text, different ages; plus a much better match in an old session.
    let mut add = |client: Uuid, day: &str, notes: &str| {
        let mut d = session_details(vec![]);
        d.starts_at = local(&format!("{day}T10:00:00+00:00"));
        d.notes = notes.to_string();
        d.agenda = String::new();
        t.store.create_session(client, d).unwrap().id
    };
    let filler = "We covered a lot of ground on priorities, the team, their manager and the plan.";
    let recent = add(
        clients[0].id,
        "2026-11-01",
        &format!("Escalation handled. {filler}"),
    );
    let old = add(
        clients[1].id,
        "2019-11-01",
        &format!("Escalation handled. {filler}"),
    );
    let strong = add(
        clients[2].id,
        "2018-01-01",
        "Escalation, escalation, escalation.",
    );
    add(
        clients[0].id,
        "2026-10-01",
        &format!("Another escalation. {filler}"),
    );

    let hits = search::search_as_of(
        &t.store,
        &SearchQuery::text("escalation"),
        date("2026-11-24"),
    )
    .unwrap();
    assert_eq!(hits.len(), 4);
    let order: Vec<Uuid> = hits.iter().map(|h| h.record_id).collect();
    // BM25 wins over age: the strong match is first even though it is the oldest.
    assert_eq!(order[0], strong);
    // Same text: the recent one beats the old one.
    let pos = |id| order.iter().position(|x| *x == id).unwrap();
    assert!(pos(recent) < pos(old));
    // Grouped: each client's hits are together, best group first, best hit first.
    let groups = search::group_by_client(hits.clone());
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[0].client_name, "Priya Iyer");
    assert_eq!(groups[1].client_name, "Amara Okafor");
    assert_eq!(groups[1].hits.len(), 2);
    assert!(groups[1].hits[0].score >= groups[1].hits[1].score);
    let flattened: Vec<SearchHit> = groups.into_iter().flat_map(|g| g.hits).collect();
    assert_eq!(flattened, hits);
}

#[test]
fn a_query_matching_more_rows_than_are_ranked_still_answers_and_dates_reach_older_ones() {
    // 1,200 sessions through one import (one transaction), all mentioning "retro".
    let mut t = temp_store();
    let c = t
        .store
        .create_client(client_details("Zoë Adeyemi"))
        .unwrap();
    let base = t
        .store
        .create_session(c.id, session_details(vec![]))
        .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&snapshot(&t.store)).unwrap();
    let template = doc["clients"][0]["sessions"][0].clone();
    let start = date("2020-01-01");
    let sessions: Vec<serde_json::Value> = (0..1_200)
        .map(|i| {
            let mut s = template.clone();
            let day = start + chrono::Duration::days(i);
            s["id"] = serde_json::json!(Uuid::new_v4().to_string());
            s["starts_at"] = serde_json::json!(format!("{day}T09:00:00+00:00"));
            s["notes"] = serde_json::json!(format!("Retro number {i}."));
            s
        })
        .collect();
    doc["clients"][0]["sessions"] = serde_json::Value::Array(sessions);
    t.store.delete_session(base.id).unwrap();
    export::import_json(
        &mut t.store,
        &doc.to_string(),
        ImportOptions { update: true },
    )
    .unwrap();
    index_in_sync(&t.store);

    let hits = find_q(
        &t.store,
        SearchQuery {
            limit: 500,
            ..SearchQuery::text("retro")
        },
    );
    assert_eq!(hits.len(), 500);
    let oldest_shown = hits.iter().filter_map(|h| h.date).min().unwrap();
    assert!(
        oldest_shown > date("2020-06-01"),
        "newest first: {oldest_shown}"
    );
    let early = find_q(
        &t.store,
        SearchQuery {
            to: Some(date("2020-01-10")),
            ..SearchQuery::text("retro")
        },
    );
    assert_eq!(early.len(), 10);
}

#[test]
fn the_index_check_notices_a_drift_and_a_rebuild_repairs_it() {
    let (mut t, _, s) = practice_with_session("Original words.", "");
    let conn = t.store.conn();
    conn.execute_batch("DROP TRIGGER search_session_update")
        .unwrap();
    conn.execute(
        "UPDATE sessions SET notes = 'Other words' WHERE id = ?1",
        [s.id.to_string()],
    )
    .unwrap();
    assert!(search::check_index(&t.store).is_err());
    assert!(!search::index_in_step(&t.store).unwrap());
    let report = t.store.check().unwrap();
    assert!(!report.search_index_ok);
    assert!(!report.is_ok());

    // Keys gone too: noticed, and a rebuild starts from the records alone.
    search::rebuild_index(&mut t.store).unwrap();
    assert!(search::index_in_step(&t.store).unwrap());
    t.store
        .conn()
        .execute_batch("DELETE FROM search_docs WHERE id = (SELECT max(id) FROM search_docs)")
        .unwrap();
    assert!(!search::index_in_step(&t.store).unwrap());
    t.store
        .conn()
        .execute_batch("DELETE FROM search_records")
        .unwrap();
    assert!(!search::index_in_step(&t.store).unwrap());
    search::rebuild_index(&mut t.store).unwrap();
    index_in_sync(&t.store);
    assert!(t.store.check().unwrap().is_ok());
    assert!(find(&t.store, "original").is_empty());
    assert_eq!(
        kinds_of(&find(&t.store, "other")),
        [SearchKind::SessionNotes]
    );
    assert_eq!(
        kinds_of(&find(&t.store, "adeyemi")),
        [SearchKind::ClientName]
    );
}
