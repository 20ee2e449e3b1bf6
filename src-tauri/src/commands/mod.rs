//! IPC commands, mirroring the core's nouns: each one a few lines that call into the
//! `coachbook` core. Errors cross as `{kind, field, message}`.

pub mod assignments;
pub mod backups;
pub mod clients;
pub mod framework;
pub mod goals;
pub mod import;
pub mod practice;
pub mod report;
pub mod search;
pub mod security;
pub mod sessions;
pub mod startup;

pub type Reply<T> = Result<T, coachbook::ErrorReport>;
