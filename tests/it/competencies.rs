//! Editing the competency framework: positions stay dense, groups keep their entries
//! together, retired entries stay on old goals only, and every rule names its field.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::Store;
use coachbook::model::*;
use coachbook::views::ClientOverview;
use uuid::Uuid;

fn details(name: &str, group: &str) -> CompetencyDetails {
    CompetencyDetails {
        name: name.into(),
        group: group.into(),
        description: "What good looks like".into(),
    }
}

/// Names in framework order; also checks the positions are exactly 1..n.
fn names(store: &Store) -> Vec<String> {
    let list = store.competencies().unwrap();
    let positions: Vec<i32> = list.iter().map(|c| c.position).collect();
    assert_eq!(
        positions,
        (1..=list.len() as i32).collect::<Vec<_>>(),
        "dense"
    );
    list.into_iter().map(|c| c.name).collect()
}

fn id_of(store: &Store, name: &str) -> Uuid {
    let list = store.competencies().unwrap();
    list.iter().find(|c| c.name == name).expect(name).id
}

#[test]
fn the_default_framework_is_dense_and_grouped() {
    let t = temp_store();
    let all = names(&t.store);
    assert_eq!(all.len(), 14);
    assert_eq!(all[4], "Delegation");
}

#[test]
fn a_new_entry_goes_to_the_end_of_its_group_or_where_asked() {
    let mut t = temp_store();
    let added = t
        .store
        .add_competency(details("  Energy management ", "Leading self "), None)
        .unwrap();
    assert_eq!(
        (added.name.as_str(), added.group.as_str()),
        ("Energy management", "Leading self")
    );
    assert_eq!(added.position, 5);
    let all = names(&t.store);
    assert_eq!(all[4..6], ["Energy management", "Delegation"]);

    let new_group = t
        .store
        .add_competency(details("Board presence", "Leading upwards"), None)
        .unwrap();
    assert_eq!(new_group.position, 16, "a new group starts at the end");

    let first = t
        .store
        .add_competency(details("Purpose", "Leading self"), Some(1))
        .unwrap();
    assert_eq!(first.position, 1);
    let last = t
        .store
        .add_competency(details("Legacy", "Leading upwards"), Some(99))
        .unwrap();
    assert_eq!(last.position, 18, "clamped to the end");
    let all = names(&t.store);
    assert_eq!(
        (all[0].as_str(), all[1].as_str()),
        ("Purpose", "Self-awareness")
    );
    assert_eq!(t.store.competency(added.id).unwrap().position, 6);
}

#[test]
fn rules_name_their_field_and_write_nothing() {
    let mut t = temp_store();
    let before = t.store.competencies().unwrap();
    let cases = [
        ("competency.name", details("  ", "Leading self")),
        ("competency.group", details("Candour", "")),
        ("competency.name", details(&"n".repeat(201), "Leading self")),
        ("competency.name", details("delegation", "Leading self")),
        ("competency.name", details(" DELEGATION ", "Anything")),
        (
            "competency.description",
            CompetencyDetails {
                description: "d".repeat(200_001),
                ..details("Candour", "Leading self")
            },
        ),
    ];
    for (field, d) in cases {
        let err = t.store.add_competency(d.clone(), None).unwrap_err();
        assert_eq!(err.field(), Some(field), "{d:?}");
        let id = id_of(&t.store, "Giving feedback");
        let err = t.store.update_competency(id, d.clone()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{d:?}");
    }
    assert_eq!(t.store.competencies().unwrap(), before);
    let err = t
        .store
        .update_competency(Uuid::new_v4(), details("X", "Y"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn renaming_keeps_goals_pointing_at_the_entry() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let id = id_of(&t.store, "Delegation");
    let mut g = goal_details("Hand over outcomes");
    g.competency_id = Some(id);
    t.store.create_goal(c.id, g).unwrap();

    let edited = t
        .store
        .update_competency(id, details("Delegating outcomes", "Leading others"))
        .unwrap();
    assert_eq!(
        (edited.position, edited.description.as_str()),
        (5, "What good looks like")
    );
    // Its own name, in another case, is not a clash.
    t.store
        .update_competency(id, details("DELEGATING outcomes", "Leading others"))
        .unwrap();
    let overview = ClientOverview::load(&t.store, c.id).unwrap();
    assert_eq!(
        overview.goals[0].competency.as_deref(),
        Some("DELEGATING outcomes")
    );
}

#[test]
fn regrouping_moves_an_entry_to_the_end_of_its_new_group() {
    let mut t = temp_store();
    let id = id_of(&t.store, "Composure under pressure");
    let moved = t
        .store
        .update_competency(
            id,
            details("Composure under pressure", "Leading the organisation"),
        )
        .unwrap();
    assert_eq!(moved.position, 14);
    let all = names(&t.store);
    assert_eq!(all[1], "Prioritising and time");
    assert_eq!(all[13], "Composure under pressure");
    let alone = t
        .store
        .update_competency(id, details("Composure", "Resilience"))
        .unwrap();
    assert_eq!(alone.position, 14, "a new group at the end");
}

#[test]
fn moving_up_and_down_stays_within_the_group() {
    let mut t = temp_store();
    let delegation = id_of(&t.store, "Delegation");
    let list = t
        .store
        .move_competency(delegation, Direction::Down)
        .unwrap();
    assert_eq!(list[4].name, "Giving feedback");
    assert_eq!(list[5].name, "Delegation");
    assert_eq!(names(&t.store)[4..6], ["Giving feedback", "Delegation"]);
    t.store.move_competency(delegation, Direction::Up).unwrap();
    // First of its group: up does nothing rather than join "Leading self".
    let list = t.store.move_competency(delegation, Direction::Up).unwrap();
    assert_eq!(list[4].name, "Delegation");
    assert_eq!(list[3].name, "Leadership identity");
    let last = id_of(&t.store, "Growing leaders");
    let list = t.store.move_competency(last, Direction::Down).unwrap();
    assert_eq!(list[13].name, "Growing leaders");
    names(&t.store);
}

#[test]
fn a_whole_new_order_must_list_every_entry_once() {
    let mut t = temp_store();
    let before = t.store.competencies().unwrap();
    let mut ids: Vec<Uuid> = before.iter().map(|c| c.id).collect();
    ids.rotate_left(4); // "Leading self" goes after the others
    let list = t.store.reorder_competencies(&ids).unwrap();
    assert_eq!(list[0].name, "Delegation");
    assert_eq!(names(&t.store)[10], "Self-awareness");

    let now = t.store.competencies().unwrap();
    let mut twice = ids.clone();
    twice[1] = twice[0];
    let mut unknown = ids.clone();
    unknown[2] = Uuid::new_v4();
    for bad in [ids[1..].to_vec(), twice, unknown] {
        let err = t.store.reorder_competencies(&bad).unwrap_err();
        assert_eq!(err.field(), Some("competency.position"), "{err}");
        assert_eq!(t.store.competencies().unwrap(), now);
    }
}

#[test]
fn a_retired_entry_stays_on_old_goals_only() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let id = id_of(&t.store, "Building trust");
    let mut g = goal_details("Keep commitments");
    g.competency_id = Some(id);
    let old = t.store.create_goal(c.id, g.clone()).unwrap();
    let other = t
        .store
        .create_goal(c.id, goal_details("No competency yet"))
        .unwrap();

    let retired = t.store.set_competency_retired(id, true).unwrap();
    assert!(retired.retired);
    assert_eq!(retired.position, 8, "keeps its place");
    names(&t.store);
    assert_eq!(
        t.store.create_goal(c.id, g.clone()).unwrap_err().field(),
        Some("goal.competency_id")
    );
    assert_eq!(
        t.store
            .update_goal(other.id, g.clone())
            .unwrap_err()
            .field(),
        Some("goal.competency_id"),
        "an existing goal cannot switch to it either"
    );
    let mut edit = g.clone();
    edit.title = "Keep every commitment".into();
    assert!(
        t.store.update_goal(old.id, edit).is_ok(),
        "the old goal keeps it"
    );

    t.store.set_competency_retired(id, false).unwrap();
    assert!(t.store.create_goal(c.id, g).is_ok());
}

#[test]
fn a_retired_name_can_be_reused_but_not_brought_back_twice() {
    let mut t = temp_store();
    let old = id_of(&t.store, "Giving feedback");
    t.store.set_competency_retired(old, true).unwrap();
    let new = t
        .store
        .add_competency(details("Giving feedback", "Leading others"), None)
        .unwrap();
    let err = t.store.set_competency_retired(old, false).unwrap_err();
    assert_eq!(err.field(), Some("competency.name"));
    assert!(t.store.competency(old).unwrap().retired);
    t.store
        .update_competency(new.id, details("Feedback culture", "Leading others"))
        .unwrap();
    assert!(!t.store.set_competency_retired(old, false).unwrap().retired);
}

#[test]
fn an_imported_framework_with_gaps_is_tidied_on_the_first_edit() {
    let mut t = temp_store();
    t.store
        .conn()
        .execute("UPDATE competencies SET position = position * 10", [])
        .unwrap();
    let id = id_of(&t.store, "Delegation");
    t.store.move_competency(id, Direction::Down).unwrap();
    let all = names(&t.store);
    assert_eq!(all[4..6], ["Giving feedback", "Delegation"]);
}

#[test]
fn a_tailored_framework_restores_into_a_fresh_install() {
    let mut t = temp_store();
    let id = id_of(&t.store, "Delegation");
    t.store
        .update_competency(id, details("Delegating outcomes", "Leading others"))
        .unwrap();
    t.store
        .add_competency(details("Energy", "Leading self"), None)
        .unwrap();
    t.store
        .set_competency_retired(id_of(&t.store, "Leading change"), true)
        .unwrap();
    let backup = snapshot(&t.store);

    let mut fresh = temp_store();
    let options = coachbook::export::ImportOptions::default();
    coachbook::export::import_json(&mut fresh.store, &backup, options).unwrap();
    assert_eq!(
        fresh.store.competencies().unwrap(),
        t.store.competencies().unwrap()
    );

    // An entry this practice edited is still a conflict without --update.
    let mut edited = temp_store();
    let id = id_of(&edited.store, "Giving feedback");
    edited
        .store
        .update_competency(id, details("Feedback", "Leading others"))
        .unwrap();
    let before = snapshot(&edited.store);
    let err = coachbook::export::import_json(&mut edited.store, &backup, options).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AlreadyExists, "{err}");
    assert_eq!(snapshot(&edited.store), before);
}
