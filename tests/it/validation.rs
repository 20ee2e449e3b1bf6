//! Every rule names its field; a refused write changes nothing.

use crate::common::*;
use coachbook::Error;
use coachbook::ErrorKind;
use coachbook::model::*;

fn field_of(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Invalid { field, rule }) => {
            assert!(!rule.is_empty());
            field
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

type Breaker = Box<dyn Fn(&mut ClientDetails)>;

#[test]
fn client_rules_name_their_field() {
    let mut t = temp_store();
    let cases: Vec<(&str, Breaker)> = vec![
        ("client.name", Box::new(|d| d.name = "   ".into())),
        (
            "client.email",
            Box::new(|d| d.email = "zoe.example.com".into()),
        ),
        ("client.email", Box::new(|d| d.email = "zoe@".into())),
        (
            "client.sponsor_email",
            Box::new(|d| d.sponsor_email = "a b@c.d".into()),
        ),
        (
            "client.engagement_end",
            Box::new(|d| d.engagement_end = Some(date("2026-01-01"))),
        ),
        (
            "client.tags",
            Box::new(|d| d.tags = vec!["x".into(), "x".into()]),
        ),
        ("client.tags", Box::new(|d| d.tags = vec![" padded".into()])),
        ("client.name", Box::new(|d| d.name = "n".repeat(201))),
    ];
    for (field, break_it) in cases {
        let mut d = client_details("Zoë");
        break_it(&mut d);
        assert_eq!(field_of(t.store.create_client(d)), field);
    }
    assert_eq!(t.store.counts().unwrap().clients, 0, "nothing written");
}

#[test]
fn unknown_enum_values_are_refused_with_the_allowed_list() {
    let err = Stage::parse("ceo", "client.stage").unwrap_err();
    assert_eq!(err.field(), Some("client.stage"));
    assert!(err.to_string().contains("first_time_manager"), "{err}");
    let json = r#"{"name":"A","stage":"wizard","status":"active"}"#;
    assert!(serde_json::from_str::<ClientDetails>(json).is_err());
}

#[test]
fn goal_scores_and_dates_are_checked() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = goal_details("Delegate");
    d.baseline = 11;
    assert_eq!(field_of(t.store.create_goal(c.id, d)), "goal.baseline");
    let mut d = goal_details("Delegate");
    d.target = -1;
    assert_eq!(field_of(t.store.create_goal(c.id, d)), "goal.target");
    let mut d = goal_details("Delegate");
    d.target_date = Some(date("2026-01-01"));
    assert_eq!(field_of(t.store.create_goal(c.id, d)), "goal.target_date");
    let mut d = goal_details("");
    d.title = String::new();
    assert_eq!(field_of(t.store.create_goal(c.id, d)), "goal.title");
    let mut d = goal_details("Delegate");
    d.competency_id = Some(uuid::Uuid::new_v4());
    assert_eq!(field_of(t.store.create_goal(c.id, d)), "goal.competency_id");
    assert_eq!(t.store.counts().unwrap().goals, 0);
}

#[test]
fn check_in_score_must_be_0_to_10() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    assert_eq!(
        field_of(t.store.add_check_in(g.id, check_in_details(11, None))),
        "check_in.score"
    );
    assert_eq!(
        field_of(t.store.add_check_in(g.id, check_in_details(-1, None))),
        "check_in.score"
    );
    assert!(
        t.store
            .add_check_in(g.id, check_in_details(0, None))
            .is_ok()
    );
    assert!(
        t.store
            .add_check_in(g.id, check_in_details(10, None))
            .is_ok()
    );
}

#[test]
fn a_session_cannot_link_another_clients_goal() {
    let mut t = temp_store();
    let a = t.store.create_client(client_details("Ana")).unwrap();
    let b = t.store.create_client(client_details("Ben")).unwrap();
    let bens_goal = t
        .store
        .create_goal(b.id, goal_details("Ben's goal"))
        .unwrap();
    let err = t
        .store
        .create_session(a.id, session_details(vec![bens_goal.id]))
        .unwrap_err();
    assert_eq!(err.field(), Some("session.goal_ids"));
    assert!(err.to_string().contains("another client"), "{err}");
    assert_eq!(t.store.counts().unwrap().sessions, 0, "nothing written");
}

#[test]
fn a_check_in_cannot_point_at_another_clients_session() {
    let mut t = temp_store();
    let a = t.store.create_client(client_details("Ana")).unwrap();
    let b = t.store.create_client(client_details("Ben")).unwrap();
    let goal = t
        .store
        .create_goal(a.id, goal_details("Ana's goal"))
        .unwrap();
    let bens_session = t
        .store
        .create_session(b.id, session_details(vec![]))
        .unwrap();
    let err = t
        .store
        .add_check_in(goal.id, check_in_details(5, Some(bens_session.id)))
        .unwrap_err();
    assert_eq!(err.field(), Some("check_in.session_id"));
}

#[test]
fn session_duration_and_duplicates_are_checked() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let mut d = session_details(vec![]);
    d.duration_minutes = 0;
    assert_eq!(
        field_of(t.store.create_session(c.id, d)),
        "session.duration_minutes"
    );
    let mut d = session_details(vec![]);
    d.duration_minutes = 721;
    assert_eq!(
        field_of(t.store.create_session(c.id, d)),
        "session.duration_minutes"
    );
    assert_eq!(
        field_of(
            t.store
                .create_session(c.id, session_details(vec![g.id, g.id]))
        ),
        "session.goal_ids"
    );
}

#[test]
fn stakes_4_and_up_need_a_support_plan() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    assert_eq!(
        field_of(t.store.create_assignment(c.id, assignment_details(0, ""))),
        "assignment.stakes"
    );
    assert_eq!(
        field_of(
            t.store
                .create_assignment(c.id, assignment_details(6, "plan"))
        ),
        "assignment.stakes"
    );
    assert_eq!(
        field_of(t.store.create_assignment(c.id, assignment_details(4, " "))),
        "assignment.support_plan"
    );
    assert_eq!(
        field_of(t.store.create_assignment(c.id, assignment_details(5, ""))),
        "assignment.support_plan"
    );
    assert!(
        t.store
            .create_assignment(c.id, assignment_details(3, ""))
            .is_ok()
    );
    assert!(
        t.store
            .create_assignment(c.id, assignment_details(5, "Call me any time"))
            .is_ok()
    );
}

#[test]
fn assignment_dates_and_debrief_are_checked() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = assignment_details(2, "");
    d.due_on = Some(date("2026-02-01"));
    assert_eq!(
        field_of(t.store.create_assignment(c.id, d)),
        "assignment.due_on"
    );
    let mut d = assignment_details(2, "");
    d.status = AssignmentStatus::Debriefed;
    assert_eq!(
        field_of(t.store.create_assignment(c.id, d)),
        "assignment.debrief"
    );
    let mut d = assignment_details(2, "");
    d.status = AssignmentStatus::Debriefed;
    d.debrief = Some(Debrief {
        held_on: date("2026-03-25"),
        what_happened: String::new(),
        client_actions: String::new(),
        outcome: String::new(),
        lessons: String::new(),
        composure: 6,
        decision_quality: 3,
    });
    assert_eq!(
        field_of(t.store.create_assignment(c.id, d)),
        "debrief.composure"
    );
}

#[test]
fn a_bad_logo_is_refused() {
    let mut t = temp_store();
    let coach = Coach {
        name: "Alex".into(),
        credentials: "PCC".into(),
        logo: Some(Logo::from_bytes("image/png".into(), b"GIF89a not a png")),
    };
    assert_eq!(field_of(t.store.set_coach(&coach)), "coach.logo.data");
    assert!(t.store.coach().unwrap().is_empty());
}

#[test]
fn errors_become_kind_field_message_for_the_ui() {
    let err = coachbook::Error::invalid("session.notes", "must be at most 200000 characters");
    let report = err.report();
    assert_eq!(report.kind, ErrorKind::Invalid);
    assert_eq!(report.field.as_deref(), Some("session.notes"));
    assert!(report.message.starts_with("session.notes: "));
}
