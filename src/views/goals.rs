//! Goal progress for the trend chart and the progress report: one series per rater kind,
//! the latest score, and a client's goals latest against target.

use crate::model::{Goal, Rater};
use crate::store::rows::{self, RowExt};
use crate::{Result, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// One rating on the chart; the note and session make the values readable as text too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScorePoint {
    pub check_in_id: Uuid,
    pub on: NaiveDate,
    pub score: i32,
    pub note: String,
    pub session_id: Option<Uuid>,
}

/// Every rating of one kind of rater, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RaterSeries {
    pub rater: Rater,
    pub points: Vec<ScorePoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LatestScore {
    pub on: NaiveDate,
    pub score: i32,
    pub rater: Rater,
}

/// A goal's chart: baseline and target lines come from `goal`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalProgress {
    pub goal: Goal,
    pub competency: Option<String>,
    /// One series per rater kind that rated, in the order self, coach, manager, peer,
    /// direct report.
    pub series: Vec<RaterSeries>,
    /// The newest rating by anyone (the later save wins on the same day).
    pub latest: Option<LatestScore>,
    pub check_ins: i32,
}

/// One goal of a client: where it started, where it is, where it should get.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalStanding {
    pub goal: Goal,
    pub competency: Option<String>,
    pub latest: Option<LatestScore>,
    /// The newest rating of each rater kind that rated, in rater order.
    pub latest_by_rater: Vec<LatestScore>,
    /// Latest minus baseline.
    pub change: Option<i32>,
    /// How far the latest score still is from the target; 0 once reached.
    pub to_target: Option<i32>,
    /// The latest score is at the target or beyond it (below it, for a goal whose target is
    /// under its baseline).
    pub reached: bool,
    pub check_ins: i32,
}

/// All of a client's goals, latest against target, in the order they were set.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalsOverview {
    pub client_id: Uuid,
    /// Ratings after this day are left out (a report's period end); `None` for all.
    pub until: Option<NaiveDate>,
    pub goals: Vec<GoalStanding>,
}

fn competency_name(store: &Store, goal: &Goal) -> Result<Option<String>> {
    match goal.details.competency_id {
        Some(id) => Ok(Some(store.competency(id)?.name)),
        None => Ok(None),
    }
}

impl GoalProgress {
    /// The chart of one goal, with ratings up to `until` (all when `None`).
    pub fn load(store: &Store, goal_id: Uuid, until: Option<NaiveDate>) -> Result<GoalProgress> {
        let tx = store.conn().unchecked_transaction()?;
        let goal = store.goal(goal_id)?;
        let competency = competency_name(store, &goal)?;
        let rows: Vec<(Rater, ScorePoint)> = tx
            .prepare_cached(
                "SELECT id, on_date, score, rater, note, session_id FROM check_ins
                 WHERE goal_id = ?1 AND (?2 IS NULL OR on_date <= ?2)
                 ORDER BY on_date, created_at, id",
            )?
            .query_map(
                rusqlite::params![rows::id(&goal_id), until.as_ref().map(rows::date)],
                |r| {
                    let point = ScorePoint {
                        check_in_id: r.uuid(0)?,
                        on: r.date(1)?,
                        score: r.get(2)?,
                        note: r.get(4)?,
                        session_id: r.opt_uuid(5)?,
                    };
                    Ok((r.get(3)?, point))
                },
            )?
            .collect::<Result<_, _>>()?;
        tx.finish()?;
        let latest = rows.last().map(|(rater, p)| LatestScore {
            on: p.on,
            score: p.score,
            rater: *rater,
        });
        let check_ins = rows.len() as i32;
        let mut by_rater: BTreeMap<Rater, Vec<ScorePoint>> = BTreeMap::new();
        for (rater, point) in rows {
            by_rater.entry(rater).or_default().push(point);
        }
        Ok(GoalProgress {
            goal,
            competency,
            series: by_rater
                .into_iter()
                .map(|(rater, points)| RaterSeries { rater, points })
                .collect(),
            latest,
            check_ins,
        })
    }
}

/// What the ratings of one goal add up to, folded from its check-ins oldest first.
#[derive(Default)]
struct Tally {
    count: i32,
    latest: Option<LatestScore>,
    by_rater: BTreeMap<Rater, LatestScore>,
}

impl GoalStanding {
    fn new(goal: Goal, competency: Option<String>, tally: Tally) -> GoalStanding {
        let (baseline, target) = (goal.details.baseline, goal.details.target);
        let latest = tally.latest;
        // A target under the baseline is a goal to bring something down.
        let to_target = latest.map(|l| {
            if target >= baseline {
                (target - l.score).max(0)
            } else {
                (l.score - target).max(0)
            }
        });
        GoalStanding {
            competency,
            change: latest.map(|l| l.score - baseline),
            reached: to_target == Some(0),
            to_target,
            latest,
            latest_by_rater: tally.by_rater.into_values().collect(),
            check_ins: tally.count,
            goal,
        }
    }
}

impl GoalsOverview {
    /// Every goal of the client with its latest rating up to `until` (all when `None`).
    pub fn load(store: &Store, client_id: Uuid, until: Option<NaiveDate>) -> Result<GoalsOverview> {
        let tx = store.conn().unchecked_transaction()?;
        store.client(client_id)?;
        let mut tallies: HashMap<Uuid, Tally> = HashMap::new();
        let mut stmt = tx.prepare_cached(
            "SELECT ci.goal_id, ci.on_date, ci.score, ci.rater
             FROM check_ins ci JOIN goals g ON g.id = ci.goal_id
             WHERE g.client_id = ?1 AND (?2 IS NULL OR ci.on_date <= ?2)
             ORDER BY ci.goal_id, ci.on_date, ci.created_at, ci.id",
        )?;
        let mut rows = stmt.query(rusqlite::params![
            rows::id(&client_id),
            until.as_ref().map(rows::date)
        ])?;
        while let Some(r) = rows.next()? {
            let score = LatestScore {
                on: r.date(1)?,
                score: r.get(2)?,
                rater: r.get(3)?,
            };
            let tally = tallies.entry(r.uuid(0)?).or_default();
            tally.count += 1;
            tally.latest = Some(score);
            tally.by_rater.insert(score.rater, score);
        }
        drop(rows);
        drop(stmt);
        let goals = store
            .goals_of(client_id)?
            .into_iter()
            .map(|goal| {
                let competency = competency_name(store, &goal)?;
                let tally = tallies.remove(&goal.id).unwrap_or_default();
                Ok(GoalStanding::new(goal, competency, tally))
            })
            .collect::<Result<_>>()?;
        tx.finish()?;
        Ok(GoalsOverview {
            client_id,
            until,
            goals,
        })
    }
}
