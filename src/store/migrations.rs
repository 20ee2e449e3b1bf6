//! The schema, only ever changed by appending a numbered migration (PRAGMA user_version).
//! Never edit a migration that has shipped: add the next one.

use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    // 1: every noun of the domain, and the default competency framework.
    M::up(include_str!("migrations/001_initial.sql")),
    // 2: note revisions, so a coach can go back to what a session's notes said earlier.
    M::up(include_str!("migrations/002_note_revisions.sql")),
    // 3: full-text search (FTS5) over notes, goals, assignments, debriefs and clients, kept
    // in sync by triggers; indexes what is already there.
    M::up(include_str!("migrations/003_search.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

pub const LATEST: u32 = MIGRATIONS.len() as u32;
