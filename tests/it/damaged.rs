//! Start-up on a damaged file: `Store::open_checked` refuses it before writing a byte.

use coachbook::ErrorKind;
use coachbook::Store;
use coachbook::demo::{self, DemoOptions, Size};

#[test]
fn a_damaged_file_is_refused_at_start_up_and_left_as_it_was() {
    let mut t = crate::common::temp_store();
    let options = DemoOptions {
        size: Size::Small,
        seed: 5,
        as_of: crate::common::date("2026-11-24"),
    };
    demo::seed(&mut t.store, &options).unwrap();
    let db = t.path();
    drop(t.store);
    assert!(Store::open_checked(&db).is_ok(), "a whole file opens");

    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096 * 3..len - 4096] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let err = Store::open_checked(&db).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::NotCoachbook, "{err}");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not a byte written");
    // A read-only WAL reader may create an empty -wal; nothing may be in it.
    let wal = t.dir.path().join("practice.db-wal");
    assert!(std::fs::metadata(&wal).map_or(0, |m| m.len()) == 0);
}

#[test]
fn a_new_file_is_created_as_by_open() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_checked(&dir.path().join("new.db")).unwrap();
    assert!(store.check().unwrap().is_ok());
}
