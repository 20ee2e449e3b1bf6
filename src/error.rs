//! One error type for the core. Bad input names the field and the rule; the UI receives
//! `ErrorReport { kind, field, message }` and the CLI maps `is_bad_input()` to exit code 2.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value broke a validation rule. `field` is dotted: `session.duration_minutes`.
    #[error("{field}: {rule}")]
    Invalid { field: String, rule: String },

    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    #[error("{what} {id} already exists (use --update to overwrite)")]
    AlreadyExists { what: &'static str, id: String },

    /// An error inside one record of an import, so the coach can find it in the file.
    #[error("record {id}: {source}")]
    InRecord {
        id: String,
        #[source]
        source: Box<Error>,
    },

    #[error(
        "this database was written by a newer Coachbook (schema version {found}); \
         this version understands up to schema version {supported} — update Coachbook to open it"
    )]
    NewerSchema { found: u32, supported: u32 },

    #[error("not a Coachbook database: {0}")]
    NotCoachbook(String),

    /// The practice was opened read-only (read-only file, folder or disk): nothing is written.
    #[error("read-only: {0}")]
    ReadOnly(String),

    /// The file is encrypted and the key derived from the passphrase does not open it.
    /// `hint` (empty, or starting with a space) says more where it helps.
    #[error("the passphrase is wrong{hint}")]
    WrongPassphrase { hint: &'static str },

    /// The file is encrypted and no passphrase was given.
    #[error("{0} is protected by a passphrase")]
    PassphraseRequired(String),

    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),

    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("{0}")]
    Io(#[from] std::io::Error),

    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn invalid(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            rule: rule.into(),
        }
    }

    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            what,
            id: id.to_string(),
        }
    }

    pub fn in_record(id: impl ToString, source: Error) -> Self {
        Error::InRecord {
            id: id.to_string(),
            source: Box::new(source),
        }
    }

    /// A short stable word the UI can switch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::AlreadyExists { .. } => "already_exists",
            Error::InRecord { source, .. } => source.kind(),
            Error::NewerSchema { .. } => "newer_schema",
            Error::NotCoachbook(_) => "not_coachbook",
            Error::ReadOnly(_) => "read_only",
            Error::Db(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) => {
                "read_only"
            }
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::PassphraseRequired(_) => "locked",
            // The UI keeps the text and retries: say why it is not saved.
            Error::Db(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => {
                "disk_full"
            }
            Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => "disk_full",
            Error::Db(_) | Error::Migration(_) => "database",
            Error::Io(_) => "io",
            Error::Json(_) => "json",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            Error::InRecord { source, .. } => source.field(),
            Error::WrongPassphrase { .. } | Error::PassphraseRequired(_) => Some("passphrase"),
            _ => None,
        }
    }

    /// True when the user (or the file they gave) is at fault, not the machine.
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::Invalid { .. }
            | Error::NotFound { .. }
            | Error::AlreadyExists { .. }
            | Error::NewerSchema { .. }
            | Error::NotCoachbook(_)
            | Error::WrongPassphrase { .. }
            | Error::PassphraseRequired(_)
            | Error::Json(_) => true,
            Error::InRecord { source, .. } => source.is_bad_input(),
            Error::Db(_) | Error::Migration(_) | Error::Io(_) | Error::ReadOnly(_) => false,
        }
    }

    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            kind: self.kind().to_string(),
            field: self.field().map(str::to_string),
            message: self.to_string(),
        }
    }
}

/// What crosses into the UI when a command fails.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    pub kind: String,
    pub field: Option<String>,
    pub message: String,
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        e.report()
    }
}
