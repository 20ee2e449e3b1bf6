//! Per-practice settings beside the database: defaults without a file, a clear error for a
//! broken one, atomic saves that keep keys a newer version wrote, and the backups folder.

use coachbook::ErrorKind;
use coachbook::backup;
use coachbook::settings::{Settings, check_writable_dir, settings_path};
use std::path::{Path, PathBuf};

fn db_in(dir: &Path) -> PathBuf {
    dir.join("coachbook.db")
}

#[test]
fn the_file_sits_beside_the_database() {
    assert_eq!(
        settings_path(Path::new("/data/coachbook.db")),
        Path::new("/data/coachbook.settings.json")
    );
    assert_eq!(
        settings_path(Path::new("/data/practice")),
        Path::new("/data/practice.settings.json")
    );
}

#[test]
fn no_file_means_defaults_and_the_folder_beside_the_database() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_in(tmp.path());
    let s = Settings::load(&db).unwrap();
    assert_eq!(s, Settings::default());
    assert_eq!(s.backup_dir(&db), backup::default_dir(&db));
    assert_eq!(s.backup_dir(&db), tmp.path().join("backups"));
}

#[test]
fn saved_settings_load_back_and_leave_no_temp_file() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_in(tmp.path());
    let target = tmp.path().join("usb stick/coachbook");
    let mut s = Settings::load(&db).unwrap();
    let chosen = s.set_backup_dir(&db, &target).unwrap();
    assert_eq!(chosen, target);
    assert!(target.is_dir(), "the folder is created");
    let back = Settings::load(&db).unwrap();
    assert_eq!(back.backup_dir(&db), target);
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "temp file left: {names:?}"
    );
    assert!(
        std::fs::read_dir(&target).unwrap().next().is_none(),
        "the write probe is removed"
    );
}

#[test]
fn a_broken_file_is_a_clear_error_and_load_or_default_falls_back() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_in(tmp.path());
    std::fs::write(settings_path(&db), "{ \"backup_dir\": ").unwrap();
    let err = Settings::load(&db).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.field(), Some("settings"));
    assert!(
        err.to_string().contains("coachbook.settings.json"),
        "names the file: {err}"
    );
    let (s, warning) = Settings::load_or_default(&db);
    assert_eq!(s, Settings::default());
    assert!(warning.is_some());
}

#[test]
fn keys_from_a_newer_version_survive_a_save_and_missing_keys_default() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_in(tmp.path());
    std::fs::write(
        settings_path(&db),
        r#"{"paper_size": "letter", "idle_lock_minutes": 10}"#,
    )
    .unwrap();
    let mut s = Settings::load(&db).unwrap();
    assert_eq!(s.backup_dir, None);
    s.set_backup_dir(&db, &tmp.path().join("b")).unwrap();
    let text = std::fs::read_to_string(settings_path(&db)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["paper_size"], "letter");
    assert_eq!(json["idle_lock_minutes"], 10);
    assert!(json["backup_dir"].as_str().unwrap().ends_with("/b"));
}

#[test]
fn a_relative_or_unwritable_folder_is_refused_on_the_field_and_nothing_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let db = db_in(tmp.path());
    let mut s = Settings::default();
    for bad in [Path::new(""), Path::new("relative/dir")] {
        let err = s.set_backup_dir(&db, bad).unwrap_err();
        assert_eq!(err.field(), Some("backup_dir"), "{err}");
    }
    // A path under a regular file cannot be created.
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let err = check_writable_dir(&file.join("sub")).unwrap_err();
    assert_eq!(err.field(), Some("backup_dir"));
    assert!(err.to_string().contains("cannot create"), "{err}");
    assert!(!settings_path(&db).exists(), "nothing saved");
    assert_eq!(s.backup_dir, None);
}

#[test]
fn a_relative_configured_folder_counts_from_the_database_folder() {
    let db = Path::new("/data/coachbook.db");
    let s = Settings {
        backup_dir: Some(PathBuf::from("elsewhere")),
        ..Settings::default()
    };
    assert_eq!(s.backup_dir(db), Path::new("/data/elsewhere"));
}
