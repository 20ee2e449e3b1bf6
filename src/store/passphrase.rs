//! The coach's passphrase: held only in memory, wiped when dropped, never printed.
//! SQLCipher turns it into the key itself (PBKDF2-HMAC-SHA512, 256,000 rounds, a random
//! salt per file: SQLCipher 4's defaults), so nothing derived from it is stored by us.

use crate::{Error, Result};
use zeroize::Zeroizing;

/// A new passphrase must be at least this long (in characters). Unlocking accepts any
/// non-empty text: older rules must not lock anybody out.
pub const MIN_NEW_LEN: usize = 8;

#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase as typed. Empty text is refused: SQLCipher treats an empty key as
    /// "no encryption", which must never happen by accident.
    pub fn new(text: impl Into<String>) -> Result<Passphrase> {
        let text = Zeroizing::new(text.into());
        if text.is_empty() {
            return Err(Error::invalid("passphrase", "is empty"));
        }
        if text.contains('\0') {
            return Err(Error::invalid("passphrase", "contains a NUL character"));
        }
        Ok(Passphrase(text))
    }

    /// Reads one line (the line break is not part of it), e.g. from standard input.
    pub fn read_line(reader: &mut impl std::io::BufRead) -> Result<Passphrase> {
        let mut line = Zeroizing::new(String::new());
        reader.read_line(&mut line)?;
        let text = line.strip_suffix('\n').unwrap_or(&line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        Passphrase::new(text)
    }

    /// The rule for a passphrase being set (not for one being used to unlock).
    pub fn check_new(&self, field: &str) -> Result<()> {
        if self.0.chars().count() < MIN_NEW_LEN {
            return Err(Error::invalid(
                field,
                format!("must be at least {MIN_NEW_LEN} characters long"),
            ));
        }
        Ok(())
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }
}

/// True when `path` looks like an encrypted database: it holds whole pages and plain
/// SQLite cannot read its header. A missing or empty file is not encrypted (it will be
/// created as asked). A foreign file that happens to be a whole number of pages cannot be
/// told apart; opening it then fails as a wrong passphrase.
///
/// The header is read through SQLite, never through a file handle of our own: closing any
/// descriptor of a file drops every POSIX lock this process holds on it, SQLite's included,
/// and another process could then take the open practice's WAL for a stale one and delete it.
/// SQLite keeps a closed connection's descriptor while other connections hold locks.
pub fn is_encrypted(path: &std::path::Path) -> Result<bool> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    if len < 512 || len % 512 != 0 {
        return Ok(false);
    }
    super::connection::plain_sqlite_refuses(path)
}
