//! Clients and sessions from a CSV: a spreadsheet saved by LibreOffice, a coaching platform's
//! export, and files with problems (every one named by row and column, nothing written).

use crate::common::temp_store;
use chrono::{DateTime, FixedOffset, Utc};
use coachbook::Store;
use coachbook::import::{self, CsvField, CsvOptions, DateOrder, Zone, csv};
use coachbook::model::{Medium, SessionFormat, SessionStatus};
use coachbook::store::ClientFilter;

pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

pub fn options(dates: Option<DateOrder>) -> CsvOptions {
    CsvOptions {
        mapping: None,
        dates,
        zone: Zone::Fixed(FixedOffset::east_opt(3600).expect("offset")),
        now: "2026-04-01T12:00:00Z"
            .parse::<DateTime<Utc>>()
            .expect("now"),
    }
}

fn all_clients(store: &Store) -> Vec<coachbook::store::ClientSummary> {
    let filter = ClientFilter {
        include_archived: true,
        ..Default::default()
    };
    store.list_clients(&filter).expect("list")
}

#[test]
fn a_libreoffice_spreadsheet_imports_clients_and_their_sessions() {
    let mut t = temp_store();
    let bytes = std::fs::read(fixture("practice-spreadsheet.csv")).expect("fixture");
    let preview = csv::preview(t.store.conn(), &bytes, &options(None)).expect("preview");
    use CsvField::*;
    assert_eq!(
        preview.mapping,
        vec![
            ClientName,
            Email,
            Organisation,
            Role,
            SessionDate,
            SessionTime,
            Duration,
            Status,
            Notes
        ]
    );
    assert_eq!(preview.rows, 10);
    assert_eq!(preview.sample.len(), csv::SAMPLE_ROWS);
    assert_eq!(preview.sample[0][0], "Ana Souza");
    // 13/01/2026 settles the order: no question.
    assert_eq!(preview.plan.ask_date_order, None);
    assert_eq!((preview.plan.new_clients, preview.plan.sessions), (4, 10));
    assert_eq!(preview.plan.problem_count, 0, "{:?}", preview.plan.problems);

    let done = csv::import(&mut t.store, &bytes, &options(None)).expect("import");
    assert_eq!((done.clients_created, done.sessions_created), (4, 10));
    let clients = all_clients(&t.store);
    let lukasz = clients
        .iter()
        .find(|c| c.name == "Łukasz Nowak")
        .expect("Łukasz");
    assert_eq!(lukasz.organisation, "Fabrikam");
    let sessions = t.store.sessions_of(lukasz.id).expect("sessions");
    assert_eq!(sessions.len(), 2);
    let first = &sessions[0].details;
    assert_eq!(first.starts_at.to_rfc3339(), "2026-01-15T14:00:00+01:00");
    assert_eq!(first.duration_minutes, 90);
    assert!(
        first.notes.contains("former peers.\nRole-played"),
        "{:?}",
        first.notes
    );
    assert!(
        first.notes.contains("\"it felt less awkward"),
        "{:?}",
        first.notes
    );
    let zoe = clients
        .iter()
        .find(|c| c.name == "Zoë Brennan")
        .expect("Zoë");
    let statuses: Vec<SessionStatus> = t
        .store
        .sessions_of(zoe.id)
        .expect("sessions")
        .iter()
        .map(|s| s.details.status)
        .collect();
    assert_eq!(
        statuses,
        vec![
            SessionStatus::Held,
            SessionStatus::NoShow,
            SessionStatus::Held
        ]
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut t = temp_store();
    let bytes = std::fs::read(fixture("practice-spreadsheet.csv")).expect("fixture");
    csv::import(&mut t.store, &bytes, &options(None)).expect("first");
    let again = csv::import(&mut t.store, &bytes, &options(None)).expect("second");
    assert_eq!(
        (
            again.clients_created,
            again.clients_matched,
            again.sessions_created,
            again.duplicate_sessions
        ),
        (0, 4, 0, 10)
    );
    assert_eq!(all_clients(&t.store).len(), 4);
}

#[test]
fn a_platform_export_with_dates_that_read_both_ways_asks_first() {
    let mut t = temp_store();
    let bytes = std::fs::read(fixture("platform-export.csv")).expect("fixture");
    let preview = csv::preview(t.store.conn(), &bytes, &options(None)).expect("preview");
    let question = preview.plan.ask_date_order.clone().expect("a question");
    assert!(question.contains("\"Session Date\""), "{question}");
    let refused = csv::import(&mut t.store, &bytes, &options(None)).expect_err("must ask");
    assert_eq!(refused.field(), Some("dates"));
    assert!(all_clients(&t.store).is_empty());

    let done =
        csv::import(&mut t.store, &bytes, &options(Some(DateOrder::MonthFirst))).expect("import");
    // Marcus Obi has two emails: two clients, and the preview said so.
    assert_eq!((done.clients_created, done.sessions_created), (4, 6));
    assert!(
        preview
            .plan
            .notices
            .iter()
            .any(|n| n.contains("Marcus Obi appears with 2 different emails")),
        "{:?}",
        preview.plan.notices
    );
    let priya = all_clients(&t.store)
        .into_iter()
        .find(|c| c.name == "Priya Raman")
        .expect("Priya");
    let sessions = t.store.sessions_of(priya.id).expect("sessions");
    let s = &sessions[0].details;
    assert_eq!(s.starts_at.to_rfc3339(), "2026-03-05T14:30:00+01:00");
    assert_eq!((s.duration_minutes, s.medium), (45, Medium::Video));
    assert_eq!(
        sessions[1].details.private_notes,
        "Seems exhausted; ask about workload next time."
    );
    let last = &sessions[2].details;
    assert_eq!(
        (last.format, last.status),
        (SessionFormat::Team, SessionStatus::Planned)
    );
}

#[test]
fn a_client_already_in_the_practice_gets_the_sessions_not_a_twin() {
    let mut t = temp_store();
    let sheet = std::fs::read(fixture("practice-spreadsheet.csv")).expect("fixture");
    csv::import(&mut t.store, &sheet, &options(None)).expect("spreadsheet");
    let export = std::fs::read(fixture("platform-export.csv")).expect("fixture");
    let preview = csv::preview(
        t.store.conn(),
        &export,
        &options(Some(DateOrder::MonthFirst)),
    )
    .expect("preview");
    let ana = preview
        .plan
        .clients
        .iter()
        .find(|c| c.name == "Ana Souza")
        .expect("Ana");
    assert!(ana.existing);
    assert_eq!(
        (preview.plan.new_clients, preview.plan.existing_clients),
        (3, 1)
    );
    let done =
        csv::import(&mut t.store, &export, &options(Some(DateOrder::MonthFirst))).expect("import");
    assert_eq!((done.clients_created, done.clients_matched), (3, 1));
    let ana = all_clients(&t.store)
        .into_iter()
        .find(|c| c.name == "Ana Souza")
        .expect("Ana");
    assert_eq!(t.store.sessions_of(ana.id).expect("sessions").len(), 4);
}

#[test]
fn every_problem_is_named_by_row_and_column_and_nothing_is_written() {
    let mut t = temp_store();
    let text = "Name,Email,Date,Duration,Status\n\
                Ana Souza,ana@example.com,2026-03-14,60,held\n\
                Sam Lee,not-an-email,2026-03-15,60,held\n\
                Zoë Brennan,zoe@example.com,31/02/2026,60,held\n\
                Ana Souza,ana@example.com,2026-03-20,all day,held\n\
                ,x@example.com,2026-03-21,60,held\n\
                Priya Raman,priya@example.com,2026-03-22,60,rescheduled?\n";
    let preview = csv::preview(t.store.conn(), text.as_bytes(), &options(None)).expect("preview");
    let at: Vec<&str> = preview
        .plan
        .problems
        .iter()
        .map(|p| p.at.as_str())
        .collect();
    assert_eq!(
        at,
        vec![
            "row 3, column \"Email\"",
            "row 4, column \"Date\"",
            "row 5, column \"Duration\"",
            "row 6, column \"Name\"",
            "row 7, column \"Status\"",
        ]
    );
    let err = csv::import(&mut t.store, text.as_bytes(), &options(None)).expect_err("refused");
    assert_eq!(err.field(), Some("row 3, column \"Email\""));
    assert!(err.to_string().contains("and 4 more problems"), "{err}");
    assert!(all_clients(&t.store).is_empty());
}

#[test]
fn a_mapping_given_by_the_caller_wins_and_session_columns_need_a_date() {
    let t = temp_store();
    let text = "Who,When,What\nAna Souza,14/03/2026,Kick-off\n";
    let mut opts = options(None);
    let guessed = csv::preview(t.store.conn(), text.as_bytes(), &opts).expect("preview");
    assert_eq!(
        guessed.mapping,
        vec![CsvField::Ignore, CsvField::SessionDate, CsvField::Ignore]
    );
    assert_eq!(guessed.plan.problems[0].at, "mapping");

    opts.mapping = Some(vec![
        CsvField::ClientName,
        CsvField::Ignore,
        CsvField::Notes,
    ]);
    let no_date = csv::preview(t.store.conn(), text.as_bytes(), &opts).expect("preview");
    assert!(
        no_date.plan.problems[0].message.contains("\"What\""),
        "{:?}",
        no_date.plan.problems
    );

    opts.mapping = Some(vec![
        CsvField::ClientName,
        CsvField::SessionDate,
        CsvField::Agenda,
    ]);
    let ok = csv::preview(t.store.conn(), text.as_bytes(), &opts).expect("preview");
    assert_eq!(
        (ok.plan.new_clients, ok.plan.sessions, ok.plan.problem_count),
        (1, 1, 0)
    );

    opts.mapping = Some(vec![CsvField::ClientName]);
    let err = csv::preview(t.store.conn(), text.as_bytes(), &opts).expect_err("wrong length");
    assert_eq!(err.field(), Some("mapping"));
}

#[test]
fn semicolons_and_windows_1252_from_a_european_excel() {
    let mut t = temp_store();
    let bytes = b"Name;E-mail;Datum;Notes\r\nZo\xEB Brennan;zoe@example.com;14.03.2026;Caf\xE9 chat \x96 good\r\n";
    let preview = csv::preview(t.store.conn(), bytes, &options(None)).expect("preview");
    assert!(
        preview
            .plan
            .notices
            .iter()
            .any(|n| n.contains("Windows-1252"))
    );
    // "Datum" is not an English header: map it.
    let mut opts = options(None);
    opts.mapping = Some(vec![
        CsvField::ClientName,
        CsvField::Email,
        CsvField::SessionDate,
        CsvField::Notes,
    ]);
    csv::import(&mut t.store, bytes, &opts).expect("import");
    let zoe = &all_clients(&t.store)[0];
    assert_eq!(zoe.name, "Zoë Brennan");
    let s = &t.store.sessions_of(zoe.id).expect("sessions")[0];
    assert_eq!(s.details.notes, "Café chat – good");
}

#[test]
fn a_list_of_clients_without_dates_creates_clients_only() {
    let mut t = temp_store();
    let text = "Full name,Email,Company,Job title,Notes,Tags\n\
                Ana Souza,ana@example.com,Northwind,Head of Ops,Referred by Jonas,\"ops, promotion\"\n\
                Sam Lee,,Tailspin,Product Lead,,\n";
    let done = csv::import(&mut t.store, text.as_bytes(), &options(None)).expect("import");
    assert_eq!((done.clients_created, done.sessions_created), (2, 0));
    let ana = all_clients(&t.store)
        .into_iter()
        .find(|c| c.name == "Ana Souza")
        .expect("Ana");
    let ana = t.store.client(ana.id).expect("client");
    assert_eq!(ana.details.background, "Referred by Jonas");
    assert_eq!(
        ana.details.tags,
        vec!["ops".to_string(), "promotion".to_string()]
    );
    assert_eq!(ana.details.role, "Head of Ops");
}

#[test]
fn a_csv_path_is_checked_before_reading() {
    let t = temp_store();
    let db = t.path();
    let err = import::check_path("file", &db, false, &db).expect_err("the practice itself");
    assert!(err.to_string().contains("practice database"), "{err}");
    let err = import::check_path("file", t.dir.path(), false, &db).expect_err("a folder");
    assert_eq!(err.field(), Some("file"));
    let err = import::check_path("folder", &fixture("platform-export.csv"), true, &db)
        .expect_err("a file");
    assert_eq!(err.field(), Some("folder"));
    assert!(import::check_path("file", &fixture("platform-export.csv"), false, &db).is_ok());
}
