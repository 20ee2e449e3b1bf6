//! Everything about one client in one read: profile, goals with check-ins, sessions and
//! assignments (what `client show` prints and what a full client view needs).

use crate::export::GoalRecord;
use crate::model::{Assignment, Client, Session};
use crate::{Result, Store};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Serialize)]
pub struct ClientHistory {
    pub client: Client,
    pub goals: Vec<GoalRecord>,
    /// Oldest first.
    pub sessions: Vec<Session>,
    pub assignments: Vec<Assignment>,
}

impl ClientHistory {
    pub fn load(store: &Store, id: Uuid) -> Result<ClientHistory> {
        // One read transaction, so a concurrent save cannot give a torn picture.
        let tx = store.conn().unchecked_transaction()?;
        let client = store.client(id)?;
        let goals = store
            .goals_of(id)?
            .into_iter()
            .map(|goal| {
                let check_ins = store.check_ins_of(goal.id)?;
                Ok(GoalRecord { goal, check_ins })
            })
            .collect::<Result<_>>()?;
        let history = ClientHistory {
            client,
            goals,
            sessions: store.sessions_of(id)?,
            assignments: store.assignments_of(id)?,
        };
        tx.finish()?;
        Ok(history)
    }
}
