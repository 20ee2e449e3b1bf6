//! The files this run of the app wrote for the coach (saved reports). The window may ask to
//! open or reveal only these: a web page that was somehow made to run script must not be
//! able to open arbitrary files with the system's apps (the opener plugin's JS permissions
//! are gone from the capability; Rust opens on the window's behalf after this check).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A few dozen reports a day at most; the oldest are forgotten past this.
const KEEP: usize = 64;

#[derive(Default)]
pub struct Written(Mutex<Vec<PathBuf>>);

impl Written {
    /// Remembers `path` (resolved: the file as it is on disk now).
    pub fn add(&self, path: &Path) {
        let Ok(path) = std::fs::canonicalize(path) else {
            return;
        };
        let mut list = self.0.lock().unwrap_or_else(|p| p.into_inner());
        list.retain(|p| p != &path);
        list.push(path);
        if list.len() > KEEP {
            list.remove(0);
        }
    }

    /// The resolved path when `path` is a file this run wrote (and it is still a file);
    /// else a field error on `path`.
    pub fn check(&self, path: &str) -> coachbook::Result<PathBuf> {
        let refuse = || {
            coachbook::Error::invalid(
                "path",
                "is not a file Coachbook saved in this session; open it from your file manager",
            )
        };
        let resolved = std::fs::canonicalize(path).map_err(|_| refuse())?;
        let list = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if resolved.is_file() && list.contains(&resolved) {
            Ok(resolved)
        } else {
            Err(refuse())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_written_in_this_run_may_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.pdf");
        let other = dir.path().join("other.pdf");
        std::fs::write(&report, b"%PDF").unwrap();
        std::fs::write(&other, b"%PDF").unwrap();
        let written = Written::default();
        assert!(written.check(report.to_str().unwrap()).is_err(), "not yet");
        written.add(&report);
        assert!(written.check(report.to_str().unwrap()).is_ok());
        let refused = written.check(other.to_str().unwrap()).unwrap_err();
        assert_eq!(refused.field(), Some("path"));
        assert!(written.check("/etc/passwd").is_err());
        // A symlink planted where the report was does not carry the permission elsewhere.
        std::fs::remove_file(&report).unwrap();
        std::os::unix::fs::symlink(&other, &report).unwrap();
        assert!(written.check(report.to_str().unwrap()).is_err());
    }
}
