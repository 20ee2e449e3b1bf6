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

    /// What kind of failure this is, for the UI and the CLI to switch on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::AlreadyExists { .. } => ErrorKind::AlreadyExists,
            Error::InRecord { source, .. } => source.kind(),
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::NotCoachbook(_) => ErrorKind::NotCoachbook,
            Error::ReadOnly(_) => ErrorKind::ReadOnly,
            Error::Db(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) => {
                ErrorKind::ReadOnly
            }
            Error::WrongPassphrase { .. } => ErrorKind::WrongPassphrase,
            Error::PassphraseRequired(_) => ErrorKind::Locked,
            // The UI keeps the text and retries: say why it is not saved.
            Error::Db(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => {
                ErrorKind::DiskFull
            }
            Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => ErrorKind::DiskFull,
            Error::Db(_) | Error::Migration(_) => ErrorKind::Database,
            Error::Io(_) => ErrorKind::Io,
            Error::Json(_) => ErrorKind::Json,
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
            kind: self.kind(),
            field: self.field().map(str::to_string),
            message: self.to_string(),
        }
    }
}

/// The kinds of failure, declared once: the UI gets them as a TypeScript union (ts-rs), so its
/// comparisons are checked by the compiler, and a new kind here is a type error there until handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ErrorKind {
    /// Bad input: `field` names it, the message the rule.
    Invalid,
    NotFound,
    AlreadyExists,
    /// A file from a newer Coachbook.
    NewerSchema,
    /// Not a Coachbook file (or not a database at all).
    NotCoachbook,
    /// A Coachbook file that failed its quick check on opening.
    Damaged,
    /// The file, its folder or the disk does not allow changes.
    ReadOnly,
    WrongPassphrase,
    /// Encrypted, and no passphrase given yet.
    Locked,
    DiskFull,
    Database,
    Io,
    Json,
    /// Not the core's: a call that failed before reaching it (the shell's own errors, as the UI
    /// names them).
    Internal,
}

/// What crosses into the UI when a command fails.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub field: Option<String>,
    pub message: String,
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        e.report()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_crosses_into_the_ui_as_its_snake_case_word() {
        let json = |e: Error| serde_json::to_value(e.report()).expect("serialise")["kind"].clone();
        assert_eq!(
            json(Error::WrongPassphrase { hint: "" }),
            "wrong_passphrase"
        );
        assert_eq!(json(Error::PassphraseRequired("x".into())), "locked");
        assert_eq!(json(Error::not_found("session", "s1")), "not_found");
    }

    #[test]
    fn an_error_inside_an_import_record_keeps_the_kind_and_field_of_its_cause() {
        let e = Error::in_record("r1", Error::invalid("client.name", "must not be empty"));
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert_eq!(e.field(), Some("client.name"));
    }
}
