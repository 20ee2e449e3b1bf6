//! Reading typed values out of rows: ids, dates and time stamps are stored as text.

use crate::time;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rusqlite::Row;
use rusqlite::types::Type;
use uuid::Uuid;

fn bad(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e))
}

pub trait RowExt {
    fn uuid(&self, idx: usize) -> rusqlite::Result<Uuid>;
    fn opt_uuid(&self, idx: usize) -> rusqlite::Result<Option<Uuid>>;
    fn date(&self, idx: usize) -> rusqlite::Result<NaiveDate>;
    fn opt_date(&self, idx: usize) -> rusqlite::Result<Option<NaiveDate>>;
    fn ts(&self, idx: usize) -> rusqlite::Result<DateTime<Utc>>;
    fn opt_ts(&self, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>>;
    fn local_ts(&self, idx: usize) -> rusqlite::Result<DateTime<FixedOffset>>;
    fn opt_local_ts(&self, idx: usize) -> rusqlite::Result<Option<DateTime<FixedOffset>>>;
}

impl RowExt for Row<'_> {
    fn uuid(&self, idx: usize) -> rusqlite::Result<Uuid> {
        let text: String = self.get(idx)?;
        Uuid::parse_str(&text).map_err(|e| bad(idx, e))
    }
    fn opt_uuid(&self, idx: usize) -> rusqlite::Result<Option<Uuid>> {
        let text: Option<String> = self.get(idx)?;
        text.map(|t| Uuid::parse_str(&t).map_err(|e| bad(idx, e)))
            .transpose()
    }
    fn date(&self, idx: usize) -> rusqlite::Result<NaiveDate> {
        let text: String = self.get(idx)?;
        text.parse().map_err(|e| bad(idx, e))
    }
    fn opt_date(&self, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
        let text: Option<String> = self.get(idx)?;
        text.map(|t| t.parse().map_err(|e| bad(idx, e))).transpose()
    }
    fn ts(&self, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
        let text: String = self.get(idx)?;
        DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| bad(idx, e))
    }
    fn opt_ts(&self, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
        let text: Option<String> = self.get(idx)?;
        text.map(|t| {
            DateTime::parse_from_rfc3339(&t)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|e| bad(idx, e))
        })
        .transpose()
    }
    fn local_ts(&self, idx: usize) -> rusqlite::Result<DateTime<FixedOffset>> {
        let text: String = self.get(idx)?;
        DateTime::parse_from_rfc3339(&text).map_err(|e| bad(idx, e))
    }
    fn opt_local_ts(&self, idx: usize) -> rusqlite::Result<Option<DateTime<FixedOffset>>> {
        let text: Option<String> = self.get(idx)?;
        text.map(|t| DateTime::parse_from_rfc3339(&t).map_err(|e| bad(idx, e)))
            .transpose()
    }
}

pub fn id(id: &Uuid) -> String {
    id.to_string()
}

pub fn opt_id(id: &Option<Uuid>) -> Option<String> {
    id.as_ref().map(Uuid::to_string)
}

pub fn date(d: &NaiveDate) -> String {
    d.to_string()
}

pub fn opt_date(d: &Option<NaiveDate>) -> Option<String> {
    d.as_ref().map(NaiveDate::to_string)
}

pub fn ts(t: &DateTime<Utc>) -> String {
    time::to_text(t)
}

pub fn opt_ts(t: &Option<DateTime<Utc>>) -> Option<String> {
    t.as_ref().map(time::to_text)
}

pub fn local_ts(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339()
}

/// Fixed-width UTC text, so ORDER BY on it is chronological.
pub fn utc_sort_key(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// `INSERT` of `columns` (first one is the id); with `upsert`, an existing row is updated in
/// place. Never `INSERT OR REPLACE`: it deletes first, and the delete cascades to children.
pub fn insert_sql(table: &str, columns: &str, upsert: bool) -> String {
    let names: Vec<&str> = columns.split(',').map(str::trim).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let mut sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    );
    if upsert {
        let sets: Vec<String> = names[1..]
            .iter()
            .map(|n| format!("{n} = excluded.{n}"))
            .collect();
        sql.push_str(&format!(
            " ON CONFLICT ({}) DO UPDATE SET {}",
            names[0],
            sets.join(", ")
        ));
    }
    sql
}
