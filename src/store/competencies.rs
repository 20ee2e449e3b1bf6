use super::Store;
use super::rows::{self, RowExt};
use crate::model::Competency;
use crate::{Error, Result};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

const COLUMNS: &str = "id, name, group_name, description, position, retired";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Competency> {
    Ok(Competency {
        id: r.uuid(0)?,
        name: r.get(1)?,
        group: r.get(2)?,
        description: r.get(3)?,
        position: r.get(4)?,
        retired: r.get(5)?,
    })
}

pub(crate) fn put(conn: &Connection, c: &Competency, replace: bool) -> Result<()> {
    conn.prepare_cached(&rows::insert_sql("competencies", COLUMNS, replace))?
        .execute(params![
            rows::id(&c.id),
            c.name,
            c.group,
            c.description,
            c.position,
            c.retired
        ])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Competency> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM competencies WHERE id = ?1"))?
        .query_row([rows::id(&id)], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("competency", id))
}

pub(crate) fn find(conn: &Connection, id: Uuid) -> Result<Option<Competency>> {
    match get(conn, id) {
        Ok(c) => Ok(Some(c)),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) fn exists(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(find(conn, id)?.is_some())
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<Competency>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM competencies ORDER BY position, id"
    ))?;
    let list = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(list)
}

/// The framework as migration 1 seeds it, before any coach edited it.
pub(crate) fn shipped() -> Result<Vec<Competency>> {
    let mut conn = Connection::open_in_memory()?;
    super::migrations::migrations().to_version(&mut conn, 1)?;
    all(&conn)
}

impl Store {
    /// The whole framework in order, retired entries included.
    pub fn competencies(&self) -> Result<Vec<Competency>> {
        all(&self.conn)
    }
}
