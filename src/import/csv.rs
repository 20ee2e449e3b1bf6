//! Clients and sessions from a CSV: read (any delimiter, UTF-8 or Windows-1252), map the
//! columns (guessed from the headers, or given), plan row by row. Every problem is named by
//! its spreadsheet row (the header is row 1) and its column's header.

use super::columns::{self, CsvField};
use super::dates::{self, DateOrder, Evidence};
use super::matching::Existing;
use super::text::decode;
use super::{ImportPreview, Imported, Plan, Zone};
use crate::store::Store;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;

/// How many rows the mapping step shows.
pub const SAMPLE_ROWS: usize = 5;

#[derive(Debug, Clone)]
pub struct CsvOptions {
    /// One field per column; `None`: guessed from the headers.
    pub mapping: Option<Vec<CsvField>>,
    /// How `03/04/2026` reads; needed only when the file does not settle it.
    pub dates: Option<DateOrder>,
    pub zone: Zone,
    /// Sessions without a status are held before this and planned after.
    pub now: DateTime<Utc>,
}

/// The mapping step: the columns, the mapping in use, the first rows, and the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CsvPreview {
    pub headers: Vec<String>,
    pub mapping: Vec<CsvField>,
    /// The first rows, as many cells as headers.
    pub sample: Vec<Vec<String>>,
    pub rows: u32,
    pub plan: ImportPreview,
}

/// The file as a table: headers and data rows with their spreadsheet row numbers.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub notice: Option<&'static str>,
}

/// The delimiter that splits the header line into the most columns (`,` `;` or tab).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

pub fn read_table(bytes: &[u8]) -> Result<Table> {
    let (text, notice) = decode(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut records = reader.records().enumerate();
    let headers: Vec<String> = match records.next() {
        Some((_, r)) => r
            .map_err(csv_error)?
            .iter()
            .map(|h| h.trim().to_string())
            .collect(),
        None => return Err(Error::invalid("file", "is empty: no header row")),
    };
    if headers.iter().all(String::is_empty) {
        return Err(Error::invalid("row 1", "the header row is empty"));
    }
    let mut rows = Vec::new();
    for (i, record) in records {
        let record = record.map_err(csv_error)?;
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        cells.resize(headers.len().max(cells.len()), String::new());
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push((i + 1, cells));
    }
    Ok(Table {
        headers,
        rows,
        notice,
    })
}

fn csv_error(e: ::csv::Error) -> Error {
    match e.position() {
        Some(p) => Error::invalid(
            format!("line {}", p.line()),
            format!("cannot read the CSV: {e}"),
        ),
        None => Error::invalid("file", format!("cannot read the CSV: {e}")),
    }
}

/// Reads, guesses (or takes) the mapping, plans against the practice: nothing is written.
pub fn preview(conn: &Connection, bytes: &[u8], options: &CsvOptions) -> Result<CsvPreview> {
    let table = read_table(bytes)?;
    let mapping = mapping_of(&table, options)?;
    let plan = plan(conn, &table, &mapping, options)?;
    Ok(CsvPreview {
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, cells)| cells.iter().take(table.headers.len()).cloned().collect())
            .collect(),
        rows: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
        headers: table.headers,
        mapping,
        plan: plan.preview(),
    })
}

/// Plans and writes in one transaction: all rows, or (on any problem) none.
pub fn import(store: &mut Store, bytes: &[u8], options: &CsvOptions) -> Result<Imported> {
    let table = read_table(bytes)?;
    let mapping = mapping_of(&table, options)?;
    super::plan_and_apply(store, options.now, |tx| plan(tx, &table, &mapping, options))
}

fn mapping_of(table: &Table, options: &CsvOptions) -> Result<Vec<CsvField>> {
    match &options.mapping {
        None => Ok(columns::guess(&table.headers)),
        Some(m) if m.len() == table.headers.len() => Ok(m.clone()),
        Some(m) => Err(Error::invalid(
            "mapping",
            format!("has {} fields for {} columns", m.len(), table.headers.len()),
        )),
    }
}

/// Where a cell is, as the coach finds it in the spreadsheet.
pub(super) fn at(headers: &[String], row: usize, col: usize) -> String {
    match headers.get(col).filter(|h| !h.is_empty()) {
        Some(h) => format!("row {row}, column {h:?}"),
        None => format!("row {row}, column {}", column_letter(col)),
    }
}

fn column_letter(mut col: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'A' + (col % 26) as u8));
        if col < 26 {
            return s;
        }
        col = col / 26 - 1;
    }
}

/// The day/month order of the date column: given, settled by the values, or to be asked.
fn date_order(table: &Table, col: usize, options: &CsvOptions, plan: &mut Plan) -> DateOrder {
    let mut found: Option<(DateOrder, usize, String)> = None;
    let mut ambiguous: Option<String> = None;
    for (row, cells) in &table.rows {
        let cell = cells[col].trim();
        match dates::evidence(cell) {
            Some(Evidence::Only(order)) => match (&found, options.dates) {
                (_, Some(chosen)) if chosen != order => plan.problem(
                    at(&table.headers, *row, col),
                    format!("{cell:?} reads only {}, but {} was chosen", word(order), word(chosen)),
                ),
                (Some((first, first_row, first_cell)), None) if *first != order => plan.problem(
                    at(&table.headers, *row, col),
                    format!(
                        "{cell:?} reads only {}, but {first_cell:?} in row {first_row} reads only {}: \
                         the column mixes both orders",
                        word(order),
                        word(*first)
                    ),
                ),
                (None, _) => found = Some((order, *row, cell.to_string())),
                _ => {}
            },
            Some(Evidence::Ambiguous) if ambiguous.is_none() => ambiguous = Some(cell.to_string()),
            _ => {}
        }
    }
    if let Some(order) = options.dates {
        return order;
    }
    if let Some((order, _, _)) = found {
        return order;
    }
    if let Some(example) = ambiguous {
        let header = &table.headers[col];
        plan.ask_date_order = Some(format!(
            "the dates in column {header:?} read both ways ({example:?} could be day/month or \
             month/day): choose day-first (31/12/2026) or month-first (12/31/2026)"
        ));
    }
    DateOrder::DayFirst
}

fn word(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayFirst => "day-first",
        DateOrder::MonthFirst => "month-first",
    }
}

/// The plan of a read table with a mapping, against the practice on `conn`.
pub fn plan(
    conn: &Connection,
    table: &Table,
    mapping: &[CsvField],
    options: &CsvOptions,
) -> Result<Plan> {
    let mut plan = Plan::default();
    if let Some(n) = table.notice {
        plan.notices.push(n.to_string());
    }
    let col = |f: CsvField| mapping.iter().position(|m| *m == f);
    let has_name = [
        CsvField::ClientName,
        CsvField::FirstName,
        CsvField::LastName,
    ]
    .into_iter()
    .any(|f| col(f).is_some());
    if !has_name {
        plan.problem("mapping", "choose the column that holds the client's name");
        return Ok(plan);
    }
    let date_col = col(CsvField::SessionDate);
    if date_col.is_none()
        && let Some(c) = (0..mapping.len()).find(|&i| mapping[i].is_session())
    {
        plan.problem(
            "mapping",
            format!(
                "column {:?} is about sessions: choose the column with the session date too, or ignore it",
                table.headers[c]
            ),
        );
        return Ok(plan);
    }
    let order = match date_col {
        Some(c) => date_order(table, c, options, &mut plan),
        None => DateOrder::DayFirst,
    };
    let mut existing = Existing::load(conn)?;
    super::csv_rows::plan(
        &mut existing,
        table,
        mapping,
        date_col,
        order,
        options,
        &mut plan,
    )?;
    Ok(plan)
}

/// [`preview`] of a file the coach chose (checked: a readable file, not the practice).
pub fn preview_file(store: &Store, path: &Path, options: &CsvOptions) -> Result<CsvPreview> {
    let file = super::check_path("file", path, false, store.path())?;
    preview(store.conn(), &std::fs::read(file)?, options)
}

/// [`import`] of a file the coach chose (checked as in [`preview_file`]).
pub fn import_file(store: &mut Store, path: &Path, options: &CsvOptions) -> Result<Imported> {
    let file = super::check_path("file", path, false, store.path())?;
    let bytes = std::fs::read(file)?;
    import(store, &bytes, options)
}
