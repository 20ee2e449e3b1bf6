//! The integration tests: one binary (one link against SQLCipher and printpdf), a module per
//! area, shared helpers in `common`. Run one area with `cargo test --test it <module>::`.

mod assignment_flow;
mod backup;
mod backup_while_saving;
mod bounded_input;
mod cli;
mod common;
mod competencies;
mod crash;
mod damaged;
mod debrief;
mod defensive;
mod demo;
mod disk_full;
mod encryption;
mod encryption_cli;
mod file_modes;
mod goal_progress;
mod import;
mod markdown_export;
mod output_paths;
mod read_only;
mod records;
mod refusal;
mod report;
mod report_cli;
mod report_demo;
mod restore_encryption;
mod revisions;
mod roundtrip;
mod search;
mod settings;
mod store_open;
mod validation;
mod views;
