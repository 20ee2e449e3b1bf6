//! The one open practice, shared by every command. It can be closed and reopened while the
//! app runs (restore a backup, open another file). If the file cannot be opened the app still
//! starts: every command answers with the reason, and `startup_state` tells the UI what to show.

pub use coachbook::store::Problem;
use coachbook::store::{Opening, Passphrase, practice_file};
use coachbook::{Error, ErrorReport, Store};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

pub enum Practice {
    /// Not opened yet, or closed for a restore. The next command opens it.
    Closed,
    /// No file yet (first run): nothing is created before the coach chooses a passphrase or none.
    New,
    /// An encrypted file and no passphrase in memory: the lock screen asks for it.
    Locked,
    /// `read_only`: why the file cannot be changed (the banner says it); writes fail.
    Ready {
        store: Store,
        read_only: Option<String>,
    },
    Unavailable(Problem),
}

struct Inner {
    db_path: PathBuf,
    practice: Practice,
    /// Held only while the encrypted practice is unlocked (wiped when dropped).
    key: Option<Passphrase>,
}

pub struct AppState {
    inner: Mutex<Inner>,
}

impl AppState {
    /// Nothing is opened here: the single-instance check must run first, so a second
    /// launch never touches the file.
    pub fn new(db_path: PathBuf) -> AppState {
        AppState {
            inner: Mutex::new(Inner {
                db_path,
                practice: Practice::Closed,
                key: None,
            }),
        }
    }

    /// A panic in another command must not lock the coach out of their notes.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs one core call against the store; errors cross as `{kind, field, message}`.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> coachbook::Result<T>,
    ) -> Result<T, ErrorReport> {
        let mut inner = self.lock();
        inner.ensure_open();
        match &mut inner.practice {
            Practice::Ready { store, .. } => f(store).map_err(|e| e.report()),
            Practice::Unavailable(problem) => Err(problem.report()),
            Practice::Locked => {
                Err(Error::PassphraseRequired(inner.db_path.display().to_string()).report())
            }
            Practice::New => Err(Error::invalid("practice", "is not created yet").report()),
            Practice::Closed => {
                Err(Error::Io(std::io::Error::other("the practice is closed")).report())
            }
        }
    }

    pub fn db_path(&self) -> PathBuf {
        self.lock().db_path.clone()
    }

    /// Opens the file if nothing is open yet, then reads what the start-up screen needs.
    pub fn status<T>(&self, f: impl FnOnce(&Path, &Practice) -> T) -> T {
        let mut inner = self.lock();
        inner.ensure_open();
        f(&inner.db_path, &inner.practice)
    }

    /// Closes the store, runs `f` on the file (with the passphrase in memory, if any) with no
    /// connection of ours open, then opens `path` (or the same file again). Used by restore
    /// and "Open another file…". `next_key`: the passphrase the file has afterwards (a restored
    /// backup keeps its own); another file starts locked unless one is given.
    pub fn reopen<T>(
        &self,
        path: Option<PathBuf>,
        f: impl FnOnce(&Path, Option<&Passphrase>) -> (T, Option<Passphrase>),
    ) -> T {
        let mut inner = self.lock();
        // Dropping the store closes its connection (and folds the WAL into the file).
        inner.practice = Practice::Closed;
        let (out, next_key) = f(&inner.db_path, inner.key.as_ref());
        if let Some(path) = path {
            inner.db_path = path;
            inner.key = None;
        }
        if next_key.is_some() {
            inner.key = next_key;
            no_core_dumps();
        }
        inner.ensure_open();
        out
    }

    /// The passphrase, only while the practice is open: the backup thread opens its own
    /// connection with it, and does nothing while locked.
    pub fn key(&self) -> Option<Passphrase> {
        let inner = self.lock();
        match &inner.practice {
            Practice::Ready { store, .. } if store.is_encrypted() => inner.key.clone(),
            _ => None,
        }
    }

    /// Whether the practice has a passphrase, from the open store (never by reading the live
    /// file: closing any descriptor of it would drop SQLite's locks in this process).
    pub fn encrypted(&self) -> bool {
        let inner = self.lock();
        match &inner.practice {
            Practice::Ready { store, .. } => store.is_encrypted(),
            Practice::Locked => true,
            _ => false,
        }
    }

    /// First run: creates the practice, encrypted when a passphrase is given.
    pub fn create(&self, key: Option<Passphrase>) -> Result<(), ErrorReport> {
        let mut inner = self.lock();
        inner.ensure_open();
        if !matches!(inner.practice, Practice::New) {
            return Err(Error::invalid("practice", "already exists").report());
        }
        if key.is_some() {
            no_core_dumps();
        }
        let store = Store::open_with(&inner.db_path, key.as_ref()).map_err(|e| e.report())?;
        inner.practice = Practice::Ready {
            store,
            read_only: None,
        };
        inner.key = key;
        Ok(())
    }

    /// Opens the locked practice with `key`; a wrong one leaves it locked.
    pub fn unlock(&self, key: Passphrase) -> Result<(), ErrorReport> {
        let mut inner = self.lock();
        inner.ensure_open();
        if !matches!(inner.practice, Practice::Locked) {
            return Ok(());
        }
        // Before the first decrypted page is in memory.
        no_core_dumps();
        match open(&inner.db_path, Some(&key)) {
            Err(e) => Err(e.report()),
            Ok(practice) => {
                inner.practice = practice;
                inner.key = Some(key);
                Ok(())
            }
        }
    }

    /// Drops the store and the passphrase; a practice without one cannot be locked.
    pub fn lock_now(&self) {
        let mut inner = self.lock();
        if inner.key.is_some() {
            inner.practice = Practice::Locked;
            inner.key = None;
        }
    }

    /// Runs `f` on the open store and keeps the passphrase it leaves (set, change, remove).
    pub fn rekey<T>(
        &self,
        f: impl FnOnce(&mut Store, Option<&Passphrase>) -> coachbook::Result<(T, Option<Passphrase>)>,
    ) -> Result<T, ErrorReport> {
        let mut inner = self.lock();
        inner.ensure_open();
        let Inner { practice, key, .. } = &mut *inner;
        let Practice::Ready { store, .. } = practice else {
            return Err(Error::invalid("practice", "is not open").report());
        };
        let (out, next) = f(store, key.as_ref()).map_err(|e| e.report())?;
        if next.is_some() {
            no_core_dumps();
        }
        *key = next;
        Ok(out)
    }
}

/// Core dumps off for the rest of the run (see `coachbook::harden`): called whenever a
/// passphrase comes into memory. A failure is said on stderr; the app goes on.
pub fn no_core_dumps() {
    if let Err(e) = coachbook::harden::disable_core_dumps() {
        eprintln!("coachbook-app: could not switch core dumps off: {e}");
    }
}

impl Inner {
    fn ensure_open(&mut self) {
        if !matches!(self.practice, Practice::Closed) {
            return;
        }
        self.practice = match practice_file::open_at_start(&self.db_path, self.key.as_ref()) {
            Opening::New => Practice::New,
            Opening::Locked => {
                // e.g. a restored backup with another passphrase: ask for it.
                self.key = None;
                Practice::Locked
            }
            Opening::Ready { store, read_only } => Practice::Ready { store, read_only },
            Opening::Unavailable(problem) => Practice::Unavailable(problem),
        };
    }
}

/// Opens an existing practice (see `practice_file::open_practice`); a wrong passphrase is the
/// caller's to handle.
pub fn open(path: &Path, key: Option<&Passphrase>) -> Result<Practice, Error> {
    Ok(match practice_file::open_practice(path, key)? {
        Opening::Ready { store, read_only } => Practice::Ready { store, read_only },
        Opening::Unavailable(problem) => Practice::Unavailable(problem),
        Opening::New => Practice::New,
        Opening::Locked => Practice::Locked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use coachbook::model::{ClientDetails, EngagementStatus, Stage};
    use std::process::Command;

    fn details(name: &str) -> ClientDetails {
        ClientDetails {
            name: name.to_string(),
            email: String::new(),
            phone: String::new(),
            organisation: String::new(),
            role: String::new(),
            stage: Stage::FirstTimeManager,
            promotion_date: None,
            sponsor_name: String::new(),
            sponsor_email: String::new(),
            status: EngagementStatus::Active,
            engagement_start: None,
            engagement_end: None,
            background: String::new(),
            tags: Vec::new(),
        }
    }

    /// Root ignores permission bits: as root a read-only bind mount, else chmod 555.
    struct ReadOnlyDir(PathBuf, bool);

    impl ReadOnlyDir {
        fn make(dir: &Path) -> ReadOnlyDir {
            use std::os::unix::fs::PermissionsExt;
            let as_root = Command::new("mount")
                .arg("--bind")
                .arg(dir)
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
            if as_root {
                let ro = Command::new("mount")
                    .args(["-o", "remount,bind,ro"])
                    .arg(dir)
                    .status();
                assert!(ro.is_ok_and(|s| s.success()), "remount read-only");
            } else {
                let perms = std::fs::Permissions::from_mode(0o555);
                std::fs::set_permissions(dir, perms).unwrap();
            }
            ReadOnlyDir(dir.to_path_buf(), as_root)
        }
    }

    impl Drop for ReadOnlyDir {
        fn drop(&mut self) {
            use std::os::unix::fs::PermissionsExt;
            if self.1 {
                let _ = Command::new("umount").arg(&self.0).status();
            } else {
                let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
            }
        }
    }

    #[test]
    fn a_practice_in_a_read_only_folder_reads_and_refuses_writes_by_kind() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        let mut store = Store::open(&db).unwrap();
        store.create_client(details("Zoë Ashford")).unwrap();
        drop(store);
        let before = std::fs::read(&db).unwrap();
        let _ro = ReadOnlyDir::make(dir.path());

        let state = AppState::new(db.clone());
        let reason = state.status(|_, practice| match practice {
            Practice::Ready { read_only, .. } => read_only.clone(),
            _ => None,
        });
        let reason = reason.expect("opened read-only");
        assert!(
            reason.contains("read-only disk") || reason.contains("permissions"),
            "{reason}"
        );
        assert_eq!(state.with(|s| s.counts()).unwrap().clients, 1);
        let err = state.with(|s| s.create_client(details("Ola"))).unwrap_err();
        assert_eq!(err.kind, coachbook::ErrorKind::ReadOnly, "{}", err.message);
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }

    #[test]
    fn a_writable_practice_opens_ready_and_leaves_no_probe_behind() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        drop(Store::open(&db).unwrap());
        let state = AppState::new(db.clone());
        let ready = state.status(|_, p| {
            matches!(
                p,
                Practice::Ready {
                    read_only: None,
                    ..
                }
            )
        });
        assert!(ready);
        state.with(|s| s.create_client(details("Ola"))).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("write-test"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn an_encrypted_practice_starts_locked_and_opens_only_with_its_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("practice.db");
        let state = AppState::new(db.clone());
        assert!(state.status(|_, p| matches!(p, Practice::New)));
        assert!(!db.exists(), "nothing created before the coach chooses");
        let key = Passphrase::new("correct horse").unwrap();
        state.create(Some(key.clone())).unwrap();
        state
            .with(|s| s.create_client(details("Zoë Ashford")))
            .unwrap();
        assert!(state.key().is_some());

        state.lock_now();
        assert!(
            state.key().is_none(),
            "no passphrase in memory while locked"
        );
        assert_eq!(
            state.with(|s| s.counts()).unwrap_err().kind,
            coachbook::ErrorKind::Locked
        );
        let again = AppState::new(db.clone());
        assert!(again.status(|_, p| matches!(p, Practice::Locked)));
        let wrong = again.unlock(Passphrase::new("wrong one").unwrap());
        assert_eq!(
            wrong.unwrap_err().kind,
            coachbook::ErrorKind::WrongPassphrase
        );
        assert!(again.status(|_, p| matches!(p, Practice::Locked)));
        again.unlock(key).unwrap();
        assert_eq!(again.with(|s| s.counts()).unwrap().clients, 1);
        // Decrypted notes in memory: this process can no longer write a core file.
        assert_eq!(coachbook::harden::core_dump_state(), (0, false));
    }
}
