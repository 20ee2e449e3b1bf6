//! Input from files is bounded before it is read or decoded: an import over the documented
//! size is refused with one line before the file is read, and a logo's text length and
//! image dimensions are checked before anything decodes it. The practice stays as it was.

use crate::common;
use coachbook::export::{self, MAX_IMPORT_BYTES};
use coachbook::model::{Coach, Logo};
use std::process::Command;

fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0]);
    b
}

#[test]
fn an_import_over_the_limit_is_refused_with_one_line_before_it_is_read() {
    let t = common::temp_store();
    let before = common::snapshot(&t.store);
    let big = t.dir.path().join("huge.json");
    // Sparse: the size is claimed, no disk is used, and nothing could parse it anyway.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_IMPORT_BYTES + 1)
        .unwrap();
    let err = export::read_import_file(&big, "FILE").unwrap_err();
    assert_eq!(err.field(), Some("FILE"));
    assert!(
        err.to_string()
            .ends_with("an import can be at most 256 MB (268435456 bytes)"),
        "{err}"
    );

    let o = Command::new(env!("CARGO_BIN_EXE_coachbook"))
        .arg("--db")
        .arg(t.path())
        .arg("import")
        .arg(&big)
        .env_remove("COACHBOOK_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("coachbook: FILE: ") && stderr.contains("268435457 bytes"),
        "{stderr}"
    );
    assert_eq!(common::snapshot(&t.store), before);

    // At the limit and below, the file is read as usual.
    let small = t.dir.path().join("small.json");
    std::fs::write(&small, "{}").unwrap();
    assert_eq!(export::read_import_file(&small, "FILE").unwrap(), "{}");
}

#[test]
fn a_logo_claiming_huge_dimensions_is_refused_before_decoding() {
    let mut t = common::temp_store();
    let bomb = Coach {
        name: "Alex Morgan".into(),
        credentials: String::new(),
        logo: Some(Logo::from_bytes(
            "image/png".into(),
            &png_header(60_000, 60_000),
        )),
    };
    let err = t.store.set_coach(&bomb).unwrap_err();
    assert_eq!(err.field(), Some("coach.logo.data"));
    assert_eq!(
        err.to_string(),
        "coach.logo.data: is 60000 × 60000 pixels; a logo can be at most 4096 × 4096"
    );
    // A JPEG whose frame header claims 65535 × 65535.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x01, 0x11, 0x00,
    ];
    let coach = Coach {
        logo: Some(Logo::from_bytes("image/jpeg".into(), &jpeg)),
        ..bomb.clone()
    };
    assert!(
        t.store
            .set_coach(&coach)
            .unwrap_err()
            .to_string()
            .contains("65535 × 65535")
    );
    // A header cut short says so rather than guessing.
    let cut = Coach {
        logo: Some(Logo::from_bytes(
            "image/png".into(),
            &png_header(10, 10)[..18],
        )),
        ..bomb.clone()
    };
    assert!(
        t.store
            .set_coach(&cut)
            .unwrap_err()
            .to_string()
            .contains("no size in its header")
    );
    // A fitting logo is kept.
    let fine = Coach {
        logo: Some(Logo::from_bytes("image/png".into(), &png_header(400, 120))),
        ..bomb
    };
    t.store.set_coach(&fine).unwrap();
    assert_eq!(t.store.coach().unwrap(), fine);
}

#[test]
fn an_oversized_logo_text_is_refused_before_it_is_decoded() {
    let logo = Logo {
        mime: "image/png".into(),
        // Not even valid base64: the length alone refuses it.
        data: "!".repeat(3 * 1024 * 1024),
    };
    assert_eq!(
        logo.bytes().unwrap_err().to_string(),
        "coach.logo.data: must be at most 2 MB"
    );
}
