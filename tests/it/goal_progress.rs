//! Goal progress: the per-rater series of a goal's chart, and a client's goals latest
//! against target.

use crate::common::*;
use coachbook::ErrorKind;
use coachbook::Store;
use coachbook::model::*;
use coachbook::views::{GoalProgress, GoalStanding, GoalsOverview, LatestScore};
use uuid::Uuid;

fn rate(store: &mut Store, goal: Uuid, on: &str, score: i32, rater: Rater) -> CheckIn {
    let d = CheckInDetails {
        on: date(on),
        score,
        rater,
        note: format!("{rater} on {on}"),
        session_id: None,
    };
    store.add_check_in(goal, d).unwrap()
}

fn latest(on: &str, score: i32, rater: Rater) -> Option<LatestScore> {
    Some(LatestScore {
        on: date(on),
        score,
        rater,
    })
}

#[test]
fn a_goal_has_one_series_per_rater_oldest_first() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let mut d = goal_details("Delegate");
    d.competency_id = Some(t.store.competencies().unwrap()[4].id);
    let g = t.store.create_goal(c.id, d).unwrap();
    // Entered out of date order, as a coach catching up would.
    rate(&mut t.store, g.id, "2026-03-20", 6, Rater::Manager);
    rate(&mut t.store, g.id, "2026-03-01", 4, Rater::Coach);
    rate(&mut t.store, g.id, "2026-02-15", 3, Rater::SelfRating);
    rate(&mut t.store, g.id, "2026-03-10", 5, Rater::Coach);
    // Saves are stamped to the millisecond: make sure this one is later than the manager's.
    std::thread::sleep(std::time::Duration::from_millis(2));
    let last = rate(&mut t.store, g.id, "2026-03-20", 7, Rater::SelfRating);
    rate(&mut t.store, g.id, "2026-02-01", 2, Rater::Coach);

    let p = GoalProgress::load(&t.store, g.id, None).unwrap();
    assert_eq!(p.goal, g);
    assert_eq!(p.competency.as_deref(), Some("Delegation"));
    assert_eq!(p.check_ins, 6);
    let shape: Vec<(Rater, Vec<(String, i32)>)> = p
        .series
        .iter()
        .map(|s| {
            let points = s
                .points
                .iter()
                .map(|p| (p.on.to_string(), p.score))
                .collect();
            (s.rater, points)
        })
        .collect();
    assert_eq!(
        shape,
        [
            (
                Rater::SelfRating,
                vec![("2026-02-15".into(), 3), ("2026-03-20".into(), 7)]
            ),
            (
                Rater::Coach,
                vec![
                    ("2026-02-01".into(), 2),
                    ("2026-03-01".into(), 4),
                    ("2026-03-10".into(), 5)
                ]
            ),
            (Rater::Manager, vec![("2026-03-20".into(), 6)]),
        ]
    );
    // Two ratings on the same day: the later save is the latest.
    assert_eq!(p.latest, latest("2026-03-20", 7, Rater::SelfRating));
    let self_last = p.series[0].points.last().unwrap();
    assert_eq!(self_last.check_in_id, last.id);
    assert_eq!(self_last.note, "self on 2026-03-20");

    let march_first = GoalProgress::load(&t.store, g.id, Some(date("2026-03-01"))).unwrap();
    assert_eq!(march_first.check_ins, 3);
    assert_eq!(march_first.latest, latest("2026-03-01", 4, Rater::Coach));
}

#[test]
fn a_goal_without_ratings_has_an_empty_chart() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let g = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    let p = GoalProgress::load(&t.store, g.id, None).unwrap();
    assert!(p.series.is_empty());
    assert_eq!((p.latest, p.check_ins, p.competency), (None, 0, None));
    let err = GoalProgress::load(&t.store, Uuid::new_v4(), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn the_overview_shows_every_goal_latest_against_target() {
    let mut t = temp_store();
    let c = t.store.create_client(client_details("Zoë")).unwrap();
    let other = t.store.create_client(client_details("Ben")).unwrap();
    // Baseline 3, target 8.
    let climbing = t.store.create_goal(c.id, goal_details("Delegate")).unwrap();
    rate(&mut t.store, climbing.id, "2026-03-01", 5, Rater::Coach);
    rate(
        &mut t.store,
        climbing.id,
        "2026-03-05",
        6,
        Rater::SelfRating,
    );
    rate(&mut t.store, climbing.id, "2026-03-09", 5, Rater::Coach);
    let reached = t.store.create_goal(c.id, goal_details("Feedback")).unwrap();
    rate(&mut t.store, reached.id, "2026-03-01", 9, Rater::Manager);
    // A goal to bring something down: baseline 8, target 3.
    let mut d = goal_details("Fewer escalations to me");
    (d.baseline, d.target) = (8, 3);
    let down = t.store.create_goal(c.id, d).unwrap();
    rate(&mut t.store, down.id, "2026-03-01", 5, Rater::Coach);
    rate(&mut t.store, down.id, "2026-04-01", 3, Rater::Coach);
    let unrated = t.store.create_goal(c.id, goal_details("Not yet")).unwrap();
    let bens = t
        .store
        .create_goal(other.id, goal_details("Ben's"))
        .unwrap();
    rate(&mut t.store, bens.id, "2026-03-01", 10, Rater::Coach);

    let o = GoalsOverview::load(&t.store, c.id, None).unwrap();
    let ids: Vec<Uuid> = o.goals.iter().map(|g| g.goal.id).collect();
    // Goals list by creation time, then id: goals made in the same millisecond (only a test
    // is that fast) fall back to id order.
    let mut expected = [&climbing, &reached, &down, &unrated];
    expected.sort_by_key(|g| (g.created_at, g.id));
    assert_eq!(ids, expected.map(|g| g.id));
    let find =
        |goals: &[GoalStanding], id: Uuid| goals.iter().find(|g| g.goal.id == id).cloned().unwrap();

    let g = &find(&o.goals, climbing.id);
    assert_eq!(g.latest, latest("2026-03-09", 5, Rater::Coach));
    assert_eq!(
        g.latest_by_rater,
        [
            latest("2026-03-05", 6, Rater::SelfRating).unwrap(),
            latest("2026-03-09", 5, Rater::Coach).unwrap(),
        ]
    );
    assert_eq!(
        (g.change, g.to_target, g.reached, g.check_ins),
        (Some(2), Some(3), false, 3)
    );
    let g = &find(&o.goals, reached.id);
    assert_eq!((g.change, g.to_target, g.reached), (Some(6), Some(0), true));
    let g = &find(&o.goals, down.id);
    assert_eq!(
        (g.change, g.to_target, g.reached),
        (Some(-5), Some(0), true)
    );
    let g = &find(&o.goals, unrated.id);
    assert_eq!(
        (g.latest, g.change, g.to_target, g.reached, g.check_ins),
        (None, None, None, false, 0)
    );
    assert!(g.latest_by_rater.is_empty());

    // As of the end of March the bring-down goal was still two points away.
    let march = GoalsOverview::load(&t.store, c.id, Some(date("2026-03-31"))).unwrap();
    let g = &find(&march.goals, down.id);
    assert_eq!(
        (g.latest.unwrap().score, g.to_target, g.reached),
        (5, Some(2), false)
    );

    let err = GoalsOverview::load(&t.store, Uuid::new_v4(), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
