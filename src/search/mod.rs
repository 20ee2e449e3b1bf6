//! Full-text search across the whole practice: session notes (private ones marked), agendas,
//! takeaways and next steps, goals, assignments and their debriefs, client names and
//! organisations. The index (FTS5, migration 3) is kept in sync by triggers in the same
//! transaction as every write; this module only reads it.
//!
//! How a search runs:
//! 1. The text becomes a safe FTS5 expression ([`query::to_fts`]); filters by client and
//!    kind become part of the same MATCH (each row's `scope` column), a date range becomes
//!    a rowid range (rowids start with the record's day).
//! 2. Candidates: the newest [`CANDIDATES`] matching rows, each scored by
//!    `coachbook_rank` (BM25 with capped document counts, see [`rank`]). Reading newest
//!    first and stopping there bounds the work for a query that matches half the practice;
//!    a query matching fewer rows is ranked over all of them.
//! 3. Score = BM25 × a gentle recency boost ([`recency_boost`]); the best `limit` rows get
//!    their record, client and snippet; hits are returned grouped by client (the group of
//!    the best hit first, each group best first).
//!
//! Snippets mark matches with « and » (a literal « or » in the text is shown as ‹ or ›, so
//! the markers are unambiguous); cut text is shown as "…"; line breaks become spaces.

pub mod query;
pub mod rank;

use crate::model::text_enum::text_enum;
use crate::store::rows;
use crate::{Error, Result, Store};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most candidates ranked per query (the newest matching rows).
pub const CANDIDATES: i64 = 1_000;
pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;
/// A hit from today counts 1 + RECENCY_WEIGHT times its BM25 score, one from a year ago
/// 1 + RECENCY_WEIGHT / 2, ten years ago barely more than 1.
pub const RECENCY_WEIGHT: f64 = 0.3;
/// Tokens of context in a snippet.
const SNIPPET_TOKENS: i32 = 16;

/// rowid = (day << DAY_SHIFT) | (n << 4) | field; see migrations/003_search.sql.
const DAY_SHIFT: u32 = 28;
/// The "day" of undated documents (a client's name and organisation): after every date.
const UNDATED_DAY: i64 = 8_388_607;
/// SQLite's `CAST(julianday(date) AS INTEGER)` minus chrono's days from the common era.
const JULIAN_OFFSET: i64 = 1_721_424;

text_enum!(
    /// Which field of which record a hit is in.
    SearchKind {
        SessionAgenda => "session_agenda",
        SessionNotes => "session_notes",
        SessionPrivateNotes => "session_private_notes",
        SessionTakeaways => "session_takeaways",
        SessionNextSteps => "session_next_steps",
        GoalTitle => "goal_title",
        GoalSuccessCriteria => "goal_success_criteria",
        AssignmentTitle => "assignment_title",
        AssignmentScenario => "assignment_scenario",
        DebriefWhatHappened => "debrief_what_happened",
        DebriefClientActions => "debrief_client_actions",
        DebriefOutcome => "debrief_outcome",
        DebriefLessons => "debrief_lessons",
        ClientName => "client_name",
        ClientOrganisation => "client_organisation",
    }
);

text_enum!(
    /// The record a hit opens: a debrief hit opens its assignment.
    RecordKind {
        Session => "session",
        Goal => "goal",
        Assignment => "assignment",
        Client => "client",
    }
);

impl SearchKind {
    /// The field number in the index (the low four bits of the rowid): the order of `ALL`.
    pub fn field(self) -> i64 {
        SearchKind::ALL.iter().position(|k| *k == self).unwrap_or(0) as i64
    }

    fn from_field(n: i64) -> Option<SearchKind> {
        usize::try_from(n)
            .ok()
            .and_then(|i| SearchKind::ALL.get(i))
            .copied()
    }

    pub fn record(self) -> RecordKind {
        use SearchKind::*;
        match self {
            SessionAgenda | SessionNotes | SessionPrivateNotes | SessionTakeaways
            | SessionNextSteps => RecordKind::Session,
            GoalTitle | GoalSuccessCriteria => RecordKind::Goal,
            AssignmentTitle | AssignmentScenario | DebriefWhatHappened | DebriefClientActions
            | DebriefOutcome | DebriefLessons => RecordKind::Assignment,
            ClientName | ClientOrganisation => RecordKind::Client,
        }
    }

    /// The coach's alone: never shown to a client or sponsor.
    pub fn is_private(self) -> bool {
        self == SearchKind::SessionPrivateNotes
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        use SearchKind::*;
        match self {
            SessionAgenda => "agenda",
            SessionNotes => "notes",
            SessionPrivateNotes => "private notes",
            SessionTakeaways => "takeaways",
            SessionNextSteps => "next steps",
            GoalTitle => "goal",
            GoalSuccessCriteria => "goal criteria",
            AssignmentTitle => "assignment",
            AssignmentScenario => "scenario",
            DebriefWhatHappened => "debrief: what happened",
            DebriefClientActions => "debrief: client actions",
            DebriefOutcome => "debrief: outcome",
            DebriefLessons => "debrief: lessons",
            ClientName => "client",
            ClientOrganisation => "organisation",
        }
    }

    /// A kind, or a group of kinds, by name: any kind's own name, `session`, `goal`,
    /// `assignment` (with its debrief), `debrief`, `client`, or the short `agenda`, `notes`,
    /// `private_notes`, `takeaways`, `next_steps`. `field` names the argument in the error.
    pub fn parse_group(name: &str, field: &str) -> Result<Vec<SearchKind>> {
        use SearchKind::*;
        let name = name.trim().to_lowercase().replace('-', "_");
        let kinds: Vec<SearchKind> = match name.trim_end_matches('s') {
            "session" => vec![
                SessionAgenda,
                SessionNotes,
                SessionPrivateNotes,
                SessionTakeaways,
                SessionNextSteps,
            ],
            "goal" => vec![GoalTitle, GoalSuccessCriteria],
            "assignment" => vec![
                AssignmentTitle,
                AssignmentScenario,
                DebriefWhatHappened,
                DebriefClientActions,
                DebriefOutcome,
                DebriefLessons,
            ],
            "debrief" => vec![
                DebriefWhatHappened,
                DebriefClientActions,
                DebriefOutcome,
                DebriefLessons,
            ],
            "client" => vec![ClientName, ClientOrganisation],
            "agenda" => vec![SessionAgenda],
            "note" => vec![SessionNotes],
            "private_note" | "private" => vec![SessionPrivateNotes],
            "takeaway" => vec![SessionTakeaways],
            "next_step" => vec![SessionNextSteps],
            _ => match SearchKind::ALL.iter().find(|k| k.as_str() == name) {
                Some(k) => vec![*k],
                None => {
                    return Err(Error::invalid(
                        field,
                        format!(
                            "unknown kind {name:?}; expected session, goal, assignment, debrief, \
                             client, agenda, notes, private_notes, takeaways, next_steps or one of: {}",
                            SearchKind::ALL
                                .iter()
                                .map(|k| k.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                }
            },
        };
        Ok(kinds)
    }
}

/// What to search for. Only `text` is required; the rest narrows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchQuery {
    /// Free text: words, "exact phrases", OR, NOT / -word, word* (see `search::query`).
    pub text: String,
    #[serde(default)]
    pub client_id: Option<Uuid>,
    /// First day included (a session's local day, a goal's start, an assignment's day).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day included. With either date set, undated hits (client names) are left out.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Empty: every kind.
    #[serde(default)]
    pub kinds: Vec<SearchKind>,
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// Search as you type: the last word is a prefix unless the text ends in a space.
    #[serde(default)]
    pub prefix_last: bool,
    /// Leave out clients who are archived (they are searchable by default).
    #[serde(default)]
    pub exclude_archived: bool,
}

fn default_limit() -> u32 {
    DEFAULT_LIMIT
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            client_id: None,
            from: None,
            to: None,
            kinds: Vec::new(),
            limit: DEFAULT_LIMIT,
            prefix_last: false,
            exclude_archived: false,
        }
    }
}

impl SearchQuery {
    pub fn text(text: impl Into<String>) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }
}

/// One match: the field of one record, with a highlighted snippet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub kind: SearchKind,
    /// What to open: a session, goal, assignment (also for debrief hits) or client.
    pub record: RecordKind,
    pub record_id: Uuid,
    pub client_id: Uuid,
    pub client_name: String,
    pub client_archived: bool,
    /// The record's day; none for a client's name and organisation.
    pub date: Option<NaiveDate>,
    /// The matching text around the match, matches between « and ».
    pub snippet: String,
    /// A private-notes hit: the coach's alone.
    pub is_private: bool,
    /// BM25 × recency boost; higher is better. Comparable within one search only.
    pub score: f64,
}

/// The hits of one client, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientHits {
    pub client_id: Uuid,
    pub client_name: String,
    pub client_archived: bool,
    pub hits: Vec<SearchHit>,
}

fn day_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JULIAN_OFFSET
}

fn date_of_day(day: i64) -> Option<NaiveDate> {
    if day == UNDATED_DAY {
        return None;
    }
    i32::try_from(day - JULIAN_OFFSET)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// 1 + RECENCY_WEIGHT for today (and planned dates), halving with every year of age.
pub fn recency_boost(date: Option<NaiveDate>, today: NaiveDate) -> f64 {
    match date {
        None => 1.0,
        Some(d) => {
            let age_days = (today - d).num_days().max(0) as f64;
            1.0 + RECENCY_WEIGHT / (1.0 + age_days / 365.0)
        }
    }
}

/// Searches the practice (today from the local clock, for the recency boost).
pub fn search(store: &Store, q: &SearchQuery) -> Result<Vec<SearchHit>> {
    search_as_of(store, q, chrono::Local::now().date_naive())
}

/// [`search`] with "today" given, for tests and reproducible benchmarks.
pub fn search_as_of(store: &Store, q: &SearchQuery, today: NaiveDate) -> Result<Vec<SearchHit>> {
    if q.limit == 0 || q.limit > MAX_LIMIT {
        return Err(Error::invalid(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        ));
    }
    if let (Some(from), Some(to)) = (q.from, q.to)
        && to < from
    {
        return Err(Error::invalid(
            "to",
            format!("{to} is before from ({from})"),
        ));
    }
    let Some(user) = query::compile(&q.text, q.prefix_last) else {
        return Ok(Vec::new());
    };

    let mut filters = Vec::new();
    let mut skip = 0;
    if let Some(client) = q.client_id {
        filters.push(format!("scope : \"c{}\"", client.simple()));
        skip += 1;
    }
    let mut kinds = q.kinds.clone();
    kinds.sort();
    kinds.dedup();
    if !kinds.is_empty() && kinds.len() < SearchKind::ALL.len() {
        let names: Vec<String> = kinds
            .iter()
            .map(|k| format!("\"k{}\"", k.field()))
            .collect();
        filters.push(format!("scope : ({})", names.join(" OR ")));
        skip += kinds.len();
    }
    filters.push(format!("{{body}} : ({})", user.expr));
    let expr = filters.join(" AND ");
    let prefixes: String = user
        .prefixes
        .iter()
        .map(|p| if *p { 'p' } else { '-' })
        .collect();

    let mut lo = q.from.map_or(0, |d| day_of(d) << DAY_SHIFT);
    let mut hi =
        q.to.map_or(i64::MAX, |d| ((day_of(d) + 1) << DAY_SHIFT) - 1);
    if q.from.is_some() || q.to.is_some() {
        hi = hi.min((UNDATED_DAY << DAY_SHIFT) - 1);
    }
    lo = lo.max(0);
    if lo > hi {
        return Ok(Vec::new());
    }

    let conn = store.conn();
    // One read transaction: candidates and details from the same snapshot.
    let tx = conn.unchecked_transaction()?;
    let mut candidates: Vec<(i64, f64)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT rowid, coachbook_rank(search_fts, ?2, ?6) FROM search_fts
             WHERE search_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4
             ORDER BY rowid DESC LIMIT ?5",
        )?;
        let args = params![expr, skip as i64, lo, hi, CANDIDATES, prefixes];
        let rows = stmt.query_map(args, |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (rowid, score) in &mut candidates {
        *score *= recency_boost(date_of_day(*rowid >> DAY_SHIFT), today);
    }
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));

    // The best `limit` candidates with their record and client (archived ones left out if
    // asked), then their snippets in one more query.
    let mut record = tx.prepare_cached(
        "SELECT r.record_id, r.client_id, c.name, c.archived_at IS NOT NULL
         FROM search_records r JOIN clients c ON c.id = r.client_id
         WHERE r.id = ?1",
    )?;
    let mut hits = Vec::new();
    for (rowid, score) in candidates {
        if hits.len() >= q.limit as usize {
            break;
        }
        let Some(kind) = SearchKind::from_field(rowid & 15) else {
            continue;
        };
        let row = record
            .query_row([rowid >> 4], |r| {
                Ok((
                    rows::RowExt::uuid(r, 0)?,
                    rows::RowExt::uuid(r, 1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })
            .optional()?;
        let Some((record_id, client_id, client_name, client_archived)) = row else {
            continue;
        };
        if client_archived && q.exclude_archived {
            continue;
        }
        hits.push((
            rowid,
            SearchHit {
                kind,
                record: kind.record(),
                record_id,
                client_id,
                client_name,
                client_archived,
                date: date_of_day(rowid >> DAY_SHIFT),
                snippet: String::new(),
                is_private: kind.is_private(),
                score,
            },
        ));
    }
    drop(record);
    if let (Some(first), Some(last)) = (
        hits.iter().map(|(rowid, _)| *rowid).min(),
        hits.iter().map(|(rowid, _)| *rowid).max(),
    ) {
        // One MATCH for all snippets: FTS5 reads the rows between the first and the last
        // hit (all among the candidates) and `+rowid IN` (the + keeps it out of FTS5, which
        // would run the whole query again per value) picks the hits before snippet() runs.
        let wanted = serde_json::to_string(&hits.iter().map(|(r, _)| *r).collect::<Vec<_>>())?;
        let mut stmt = tx.prepare_cached(
            "SELECT rowid, snippet(search_fts, 0, char(2), char(3), '…', ?5) FROM search_fts
             WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
               AND +rowid IN (SELECT value FROM json_each(?4))",
        )?;
        let snippets = stmt
            .query_map(params![expr, first, last, wanted, SNIPPET_TOKENS], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<Result<std::collections::HashMap<i64, String>, _>>()?;
        for (rowid, hit) in &mut hits {
            if let Some(raw) = snippets.get(rowid) {
                hit.snippet = clean_snippet(raw);
            }
        }
    }
    tx.finish()?;
    Ok(grouped_order(hits.into_iter().map(|(_, h)| h).collect()))
}

/// The snippet with « » as markers and on one line.
fn clean_snippet(raw: &str) -> String {
    let text = raw
        .replace('«', "‹")
        .replace('»', "›")
        .replace('\u{2}', "«")
        .replace('\u{3}', "»");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Best-first hits reordered so each client's hits are together, clients in the order of
/// their best hit.
fn grouped_order(hits: Vec<SearchHit>) -> Vec<SearchHit> {
    group_by_client(hits)
        .into_iter()
        .flat_map(|g| g.hits)
        .collect()
}

/// Groups hits by client, keeping their order (clients in order of first appearance).
pub fn group_by_client(hits: impl IntoIterator<Item = SearchHit>) -> Vec<ClientHits> {
    let mut groups: Vec<ClientHits> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|g| g.client_id == hit.client_id) {
            Some(g) => g.hits.push(hit),
            None => groups.push(ClientHits {
                client_id: hit.client_id,
                client_name: hit.client_name.clone(),
                client_archived: hit.client_archived,
                hits: vec![hit],
            }),
        }
    }
    groups
}

/// Rebuilds the whole full-text index from the records: its keys (search_records,
/// search_docs) and the FTS5 index. The triggers keep it current; this is the repair when
/// [`index_in_step`] says otherwise, and how the benchmark times a build from scratch.
pub fn rebuild_index(store: &mut Store) -> Result<()> {
    store.write(|tx| {
        tx.execute_batch("DELETE FROM search_docs; DELETE FROM search_records;")?;
        tx.execute_batch(initial_indexing_sql())?;
        Ok(())
    })
}

/// The end of migration 3 that indexes what is in the database (keys, then FTS5
/// 'rebuild'). Migrations never change once shipped, so this stays the same procedure; a
/// later migration that changes the index layout must give `rebuild_index` its own.
fn initial_indexing_sql() -> &'static str {
    const MIGRATION: &str = include_str!("../store/migrations/003_search.sql");
    const MARK: &str = "-- Index what is already there";
    MIGRATION
        .find(MARK)
        .map_or(MIGRATION, |at| &MIGRATION[at..])
}

/// Checks that the index matches the records exactly (FTS5's integrity check, comparing
/// with the content: seconds on a large practice). An index out of step is an error.
pub fn check_index(store: &Store) -> Result<()> {
    store.conn().execute(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )?;
    Ok(())
}

/// [`check_index`] as a yes or no, plus a count of the keys (a record the triggers never saw
/// has no key, and the content check cannot see what has no key): false when the index is
/// out of step with the records.
pub fn index_in_step(store: &Store) -> Result<bool> {
    let keys_complete: bool = store.conn().query_row(
        "SELECT (SELECT count(*) FROM search_records)
                  = (SELECT count(*) FROM sessions) + (SELECT count(*) FROM goals)
                    + 2 * (SELECT count(*) FROM assignments) + (SELECT count(*) FROM clients)
            AND (SELECT count(*) FROM search_docs)
                  = 5 * (SELECT count(*) FROM sessions) + 2 * (SELECT count(*) FROM goals)
                    + 6 * (SELECT count(*) FROM assignments) + 2 * (SELECT count(*) FROM clients)",
        [],
        |r| r.get(0),
    )?;
    if !keys_complete {
        return Ok(false);
    }
    match check_index(store) {
        Ok(()) => Ok(true),
        Err(Error::Db(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_days_match_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for d in [
            "2000-01-01",
            "1970-01-01",
            "2026-11-24",
            "1899-12-31",
            "2099-02-28",
        ] {
            let sql: i64 = conn
                .query_row("SELECT CAST(julianday(?1) AS INTEGER)", [d], |r| r.get(0))
                .unwrap();
            let date: NaiveDate = d.parse().unwrap();
            assert_eq!(day_of(date), sql, "{d}");
            assert_eq!(date_of_day(sql), Some(date));
        }
    }

    #[test]
    fn field_numbers_follow_the_migration() {
        assert_eq!(SearchKind::SessionAgenda.field(), 0);
        assert_eq!(SearchKind::SessionPrivateNotes.field(), 2);
        assert_eq!(SearchKind::GoalTitle.field(), 5);
        assert_eq!(SearchKind::AssignmentTitle.field(), 7);
        assert_eq!(SearchKind::DebriefWhatHappened.field(), 9);
        assert_eq!(SearchKind::ClientName.field(), 13);
        assert_eq!(SearchKind::ClientOrganisation.field(), 14);
        assert_eq!(SearchKind::ALL.len(), 15);
    }

    #[test]
    fn recency_is_gentle() {
        let today: NaiveDate = "2026-11-24".parse().unwrap();
        let year_ago: NaiveDate = "2025-11-24".parse().unwrap();
        let long_ago: NaiveDate = "2016-11-24".parse().unwrap();
        assert!((recency_boost(Some(today), today) - 1.3).abs() < 1e-9);
        assert!((recency_boost(Some(year_ago), today) - 1.15).abs() < 1e-3);
        assert!(recency_boost(Some(long_ago), today) < 1.03);
        assert_eq!(recency_boost(None, today), 1.0);
    }

    #[test]
    fn snippets_have_unambiguous_markers() {
        assert_eq!(
            clean_snippet("«quote» and \u{2}board\u{3}\nmeeting"),
            "‹quote› and «board» meeting"
        );
    }
}
