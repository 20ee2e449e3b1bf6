//! Sessions from a folder of Markdown notes: an Obsidian vault with nested folders, front
//! matter, wiki links, attachments, a template and hidden folders.

use crate::common::temp_store;
use crate::import_csv::fixture;
use chrono::{DateTime, FixedOffset, Utc};
use coachbook::import::{ClientFrom, DateOrder, NotesOptions, Zone, notes};
use coachbook::model::{Medium, SessionFormat};
use coachbook::store::ClientFilter;
use std::path::Path;

pub fn options(client_from: ClientFrom) -> NotesOptions {
    NotesOptions {
        client_from,
        dates: None,
        private: false,
        zone: Zone::Fixed(FixedOffset::east_opt(3600).expect("offset")),
        now: "2026-04-01T12:00:00Z"
            .parse::<DateTime<Utc>>()
            .expect("now"),
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_vault_imports_one_session_per_dated_note_and_lists_what_it_left_out() {
    let mut t = temp_store();
    let vault = fixture("vault");
    let preview =
        notes::preview(t.store.conn(), &vault, &options(ClientFrom::Auto)).expect("preview");
    assert_eq!(preview.problem_count, 0, "{:?}", preview.problems);
    assert_eq!(preview.ask_date_order, None);
    let names: Vec<(&str, u32)> = preview
        .clients
        .iter()
        .map(|c| (c.name.as_str(), c.sessions))
        .collect();
    assert_eq!(
        names,
        vec![("Ana Souza", 2), ("Łukasz Nowak", 2), ("Sam Lee", 1)]
    );
    let skipped: Vec<(&str, &str)> = preview
        .skipped
        .iter()
        .map(|s| (s.what.as_str(), s.why.as_str()))
        .collect();
    for (what, why) in [
        (".obsidian", "hidden"),
        (".trash", "hidden"),
        (
            "Clients/Ana Souza/attachments/whiteboard.png",
            "not a Markdown note (an attachment)",
        ),
        (
            "Clients/Ana Souza/Ana Souza.md",
            "no date in the front matter or the file name",
        ),
        (
            "Resources/Delegation.md",
            "no date in the front matter or the file name",
        ),
        (
            "Templates/Session template.md",
            "a template (its date is a placeholder)",
        ),
    ] {
        assert!(skipped.contains(&(what, why)), "{what}: {skipped:?}");
    }

    let done = notes::import(&mut t.store, &vault, &options(ClientFrom::Auto)).expect("import");
    assert_eq!((done.clients_created, done.sessions_created), (3, 5));
    let clients = t
        .store
        .list_clients(&ClientFilter::default())
        .expect("list");
    let ana = clients.iter().find(|c| c.name == "Ana Souza").expect("Ana");
    let sessions = t.store.sessions_of(ana.id).expect("sessions");
    let kickoff = &sessions[0].details;
    assert_eq!(kickoff.starts_at.to_rfc3339(), "2026-01-13T09:30:00+01:00");
    // The text as written: wiki links, embeds and quotes untouched, front matter gone.
    let written =
        std::fs::read_to_string(vault.join("Clients/Ana Souza/2026/2026-01-13 Kick-off.md"))
            .expect("note");
    let body = written
        .splitn(3, "---\n")
        .nth(2)
        .expect("body")
        .trim_start_matches('\n');
    assert_eq!(kickoff.notes, body);
    assert!(
        kickoff
            .notes
            .contains("[[Feedback#Difficult conversations|difficult conversations]]")
    );
    assert!(kickoff.notes.contains("![[whiteboard.png]]"));
    assert_eq!(
        sessions[1].details.starts_at.to_rfc3339(),
        "2026-02-24T09:00:00+01:00"
    );

    let lukasz = clients
        .iter()
        .find(|c| c.name == "Łukasz Nowak")
        .expect("Łukasz");
    let first = &t.store.sessions_of(lukasz.id).expect("sessions")[0].details;
    assert_eq!(first.starts_at.to_rfc3339(), "2026-01-15T14:00:00+01:00");
    assert_eq!(
        (first.duration_minutes, first.medium),
        (90, Medium::InPerson)
    );
    let sam = clients.iter().find(|c| c.name == "Sam Lee").expect("Sam");
    let s = &t.store.sessions_of(sam.id).expect("sessions")[0].details;
    assert_eq!(s.format, SessionFormat::RolePlay);
    assert_eq!(s.starts_at.to_rfc3339(), "2026-03-05T16:30:00+01:00");

    let again = notes::import(&mut t.store, &vault, &options(ClientFrom::Auto)).expect("again");
    assert_eq!(
        (
            again.sessions_created,
            again.duplicate_sessions,
            again.clients_matched
        ),
        (0, 5, 3)
    );
}

#[test]
fn client_from_front_matter_only_refuses_notes_without_one() {
    let t = temp_store();
    let preview = notes::preview(
        t.store.conn(),
        &fixture("vault"),
        &options(ClientFrom::FrontMatter),
    )
    .expect("preview");
    let at: Vec<&str> = preview.problems.iter().map(|p| p.at.as_str()).collect();
    assert!(
        at.contains(&"Clients/Ana Souza/2026/2026-02-24 Session.md"),
        "{at:?}"
    );
    assert!(
        preview.problems[0].message.contains("client:"),
        "{:?}",
        preview.problems
    );
}

#[test]
fn a_dated_note_with_no_client_and_a_bad_date_are_named_and_nothing_is_written() {
    let mut t = temp_store();
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "Ana Souza/2026-03-14.md", "Fine.");
    write(dir.path(), "Sessions/2026-03-15.md", "Whose?");
    write(
        dir.path(),
        "Ana Souza/Later.md",
        "---\ndate: 2026-02-30\n---\nNo such day.",
    );
    let err =
        notes::import(&mut t.store, dir.path(), &options(ClientFrom::Auto)).expect_err("refused");
    assert_eq!(
        err.field(),
        Some("Ana Souza/Later.md, front matter \"date\"")
    );
    assert!(err.to_string().contains("and 1 more problems"), "{err}");
    assert!(
        t.store
            .list_clients(&ClientFilter::default())
            .expect("list")
            .is_empty()
    );
}

#[test]
fn file_names_that_read_both_ways_ask_and_the_answer_is_used() {
    let mut t = temp_store();
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "Ana Souza/03-04-2026.md",
        "Early April, or early March?",
    );
    let preview =
        notes::preview(t.store.conn(), dir.path(), &options(ClientFrom::Folder)).expect("preview");
    assert!(preview.ask_date_order.is_some());
    let mut opts = options(ClientFrom::Folder);
    opts.dates = Some(DateOrder::MonthFirst);
    opts.private = true;
    notes::import(&mut t.store, dir.path(), &opts).expect("import");
    let ana = &t
        .store
        .list_clients(&ClientFilter::default())
        .expect("list")[0];
    let s = &t.store.sessions_of(ana.id).expect("sessions")[0].details;
    assert_eq!(s.starts_at.date_naive().to_string(), "2026-03-04");
    assert_eq!(
        (s.notes.as_str(), s.private_notes.as_str()),
        ("", "Early April, or early March?")
    );
}

#[test]
fn coachbooks_own_markdown_export_reads_back_under_the_same_names() {
    let mut t = temp_store();
    let c = t
        .store
        .create_client(crate::common::client_details("Zoë Brennan"))
        .expect("client");
    let mut details = crate::common::session_details(vec![]);
    details.notes = "Talked about delegation.".to_string();
    t.store.create_session(c.id, details).expect("session");
    let out = tempfile::tempdir().expect("dir");
    let dir = out.path().join("md");
    coachbook::export::export_markdown(&t.store, &dir, &Default::default()).expect("export");
    let preview =
        notes::preview(t.store.conn(), &dir, &options(ClientFrom::Folder)).expect("preview");
    assert_eq!(preview.problem_count, 0, "{:?}", preview.problems);
    assert_eq!(preview.clients[0].name, "Zoë Brennan");
    assert!(preview.clients[0].existing);
}

#[test]
fn a_folder_without_notes_is_refused() {
    let t = temp_store();
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "photo.jpg", "not really");
    let err =
        notes::preview(t.store.conn(), dir.path(), &options(ClientFrom::Auto)).expect_err("empty");
    assert_eq!(err.field(), Some("folder"));
}
