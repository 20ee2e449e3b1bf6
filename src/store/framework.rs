//! Editing the competency framework: rename, regroup, add, reorder, retire.
//!
//! Positions are one order over the whole framework, renumbered 1..n after every edit so
//! they stay dense (an imported framework with gaps is tidied on its first edit). The UI
//! shows groups in the order of their first entry, and entries by position within a group.

use super::Store;
use super::competencies::{all, get, put};
use super::rows;
use crate::model::{Competency, CompetencyDetails, Direction};
use crate::{Error, Result};
use rusqlite::{Connection, params};
use uuid::Uuid;

/// Writes position i+1 to the i-th entry wherever it differs.
fn renumber(conn: &Connection, list: &[Competency]) -> Result<Vec<Competency>> {
    let mut stmt = conn.prepare_cached("UPDATE competencies SET position = ?1 WHERE id = ?2")?;
    let mut out = Vec::with_capacity(list.len());
    for (i, c) in list.iter().enumerate() {
        let position = i as i32 + 1;
        if c.position != position {
            stmt.execute(params![position, rows::id(&c.id)])?;
        }
        out.push(Competency {
            position,
            ..c.clone()
        });
    }
    Ok(out)
}

/// Two current entries may not share a name (case aside): the goal form could not tell
/// them apart. A retired one may share a current one's name.
fn check_name_free(list: &[Competency], name: &str, except: Option<Uuid>) -> Result<()> {
    let wanted = name.to_lowercase();
    match list
        .iter()
        .find(|c| !c.retired && Some(c.id) != except && c.name.to_lowercase() == wanted)
    {
        Some(c) => Err(Error::invalid(
            "competency.name",
            format!(
                "{:?} is already a current competency (in {})",
                c.name, c.group
            ),
        )),
        None => Ok(()),
    }
}

/// Just after the last entry of `group`, or at the end when the group is new.
fn end_of_group(list: &[Competency], group: &str) -> usize {
    list.iter()
        .rposition(|c| c.group == group)
        .map_or(list.len(), |i| i + 1)
}

fn index_of(list: &[Competency], id: Uuid) -> Result<usize> {
    list.iter()
        .position(|c| c.id == id)
        .ok_or_else(|| Error::not_found("competency", id))
}

impl Store {
    pub fn competency(&self, id: Uuid) -> Result<Competency> {
        get(&self.conn, id)
    }

    /// Adds an entry at the end of its group, or at `position` (1 = first; clamped to the
    /// framework) when given; the entries from there on move down one.
    pub fn add_competency(
        &mut self,
        details: CompetencyDetails,
        position: Option<i32>,
    ) -> Result<Competency> {
        let details = details.trimmed();
        details.validate()?;
        self.write(|tx| {
            let mut list = all(tx)?;
            check_name_free(&list, &details.name, None)?;
            let at = match position {
                Some(p) => (p.max(1) as usize - 1).min(list.len()),
                None => end_of_group(&list, &details.group),
            };
            let added = Competency {
                id: Uuid::new_v4(),
                name: details.name,
                group: details.group,
                description: details.description,
                position: at as i32 + 1,
                retired: false,
            };
            put(tx, &added, false)?;
            list.insert(at, added.clone());
            renumber(tx, &list)?;
            Ok(added)
        })
    }

    /// Renames or re-describes an entry; a new group moves it to the end of that group.
    /// Goals keep pointing at it, so they show the new name.
    pub fn update_competency(
        &mut self,
        id: Uuid,
        details: CompetencyDetails,
    ) -> Result<Competency> {
        let details = details.trimmed();
        details.validate()?;
        self.write(|tx| {
            let mut list = all(tx)?;
            let i = index_of(&list, id)?;
            if !list[i].retired {
                check_name_free(&list, &details.name, Some(id))?;
            }
            let mut c = list.remove(i);
            let at = if c.group == details.group {
                i
            } else {
                end_of_group(&list, &details.group)
            };
            c.name = details.name;
            c.group = details.group;
            c.description = details.description;
            put(tx, &c, true)?;
            list.insert(at, c);
            let list = renumber(tx, &list)?;
            Ok(list[at].clone())
        })
    }

    /// Swaps an entry with its neighbour in the same group; at the edge of the group nothing
    /// changes. Returns the whole framework in its new order.
    pub fn move_competency(&mut self, id: Uuid, direction: Direction) -> Result<Vec<Competency>> {
        self.write(|tx| {
            let mut list = all(tx)?;
            let i = index_of(&list, id)?;
            let group = list[i].group.clone();
            let same = |c: &Competency| c.group == group;
            let neighbour = match direction {
                Direction::Up => list[..i].iter().rposition(same),
                Direction::Down => list[i + 1..].iter().position(same).map(|j| i + 1 + j),
            };
            if let Some(j) = neighbour {
                list.swap(i, j);
            }
            renumber(tx, &list)
        })
    }

    /// Sets the whole order at once (drag and drop, or moving a group): `ids` must list
    /// every competency, retired ones included, exactly once.
    pub fn reorder_competencies(&mut self, ids: &[Uuid]) -> Result<Vec<Competency>> {
        self.write(|tx| {
            let list = all(tx)?;
            let field = "competency.position";
            let mut ordered = Vec::with_capacity(list.len());
            for (n, id) in ids.iter().enumerate() {
                if ids[..n].contains(id) {
                    return Err(Error::invalid(
                        field,
                        format!("the new order lists {id} twice"),
                    ));
                }
                match list.iter().find(|c| c.id == *id) {
                    Some(c) => ordered.push(c.clone()),
                    None => {
                        return Err(Error::invalid(field, format!("no competency {id}")));
                    }
                }
            }
            if let Some(missing) = list.iter().find(|c| !ids.contains(&c.id)) {
                return Err(Error::invalid(
                    field,
                    format!(
                        "the new order leaves out {:?}: list every competency once",
                        missing.name
                    ),
                ));
            }
            renumber(tx, &ordered)
        })
    }

    /// Retires an entry (kept on old goals, refused for new ones) or brings it back; it
    /// keeps its place either way.
    pub fn set_competency_retired(&mut self, id: Uuid, retired: bool) -> Result<Competency> {
        self.write(|tx| {
            let list = all(tx)?;
            let mut c = list[index_of(&list, id)?].clone();
            if !retired && c.retired {
                check_name_free(&list, &c.name, Some(id))?;
            }
            c.retired = retired;
            put(tx, &c, true)?;
            Ok(c)
        })
    }
}
