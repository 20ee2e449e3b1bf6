//! The one open practice, shared by every command. If the file could not be opened the app
//! still starts, and every command answers with the reason so the UI can show it.

use coachbook::{ErrorReport, Store};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct AppState {
    pub db_path: PathBuf,
    store: Result<Mutex<Store>, ErrorReport>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> AppState {
        let store = Store::open(&db_path)
            .map(Mutex::new)
            .map_err(|e| e.report());
        AppState { db_path, store }
    }

    /// Runs one core call against the store; errors cross as `{kind, field, message}`.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> coachbook::Result<T>,
    ) -> Result<T, ErrorReport> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic in another command must not lock the coach out of their notes.
        let mut guard = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard).map_err(|e| e.report())
    }

    pub fn open_error(&self) -> Option<ErrorReport> {
        self.store.as_ref().err().cloned()
    }
}
