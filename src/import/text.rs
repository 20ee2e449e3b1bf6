//! Text as other programs save it: UTF-8 with or without a byte-order mark, UTF-16 (Excel's
//! "Unicode text"), or Windows-1252 (Excel's plain "CSV" on Windows).

/// The text, and a notice when it was not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), Some("read as UTF-16"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), Some("read as UTF-16"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Some(
                "the file is not UTF-8: read as Windows-1252 (check accented letters in the preview)",
            ),
        ),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| word([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Windows-1252: Latin-1 except 0x80–0x9F, which hold € ‚ ƒ „ … and friends.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A name as compared: case, spacing and a leading/trailing blank do not matter.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_and_legacy_encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFZo\xC3\xAB").0, "Zoë");
        assert_eq!(decode(b"Zo\xEB \x80 \x93").0, "Zoë € “");
        assert!(decode(b"Zo\xEB").1.is_some());
        assert_eq!(decode(b"\xFF\xFEZ\0o\0\xEB\0").0, "Zoë");
        assert_eq!(name_key("  Ana   SOUZA "), "ana souza");
    }
}
