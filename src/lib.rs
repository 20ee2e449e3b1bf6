//! Coachbook core: domain types and validation, the SQLite store and its migrations,
//! full-text search, the open JSON export format and the demo practice. The command line
//! is the `coachbook` binary (`src/main.rs`, `src/cli/`); no GUI dependency and no clap here.

pub mod backup;
pub mod demo;
pub mod error;
pub mod export;
pub mod harden;
pub mod import;
pub mod model;
pub mod paths;
pub mod private;
pub mod report;
pub mod search;
pub mod settings;
pub mod store;
pub mod time;
pub mod views;

pub use error::{Error, ErrorKind, ErrorReport, Result};
pub use store::Store;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
