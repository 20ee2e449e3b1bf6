//! An image's width and height read from its header, without decoding it: a small file can
//! claim millions of pixels (a "decompression bomb") and make the decoder allocate
//! gigabytes. Only the two formats a logo may have.

/// `(width, height)` of a PNG (its IHDR chunk), or `None` when the header is not whole.
pub fn png(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// `(width, height)` of a JPEG (its first start-of-frame segment), or `None` when no frame
/// header is found before the data ends.
pub fn jpeg(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    loop {
        // A marker is 0xFF (any number of fill bytes) and a code.
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        while *bytes.get(i)? == 0xFF {
            i += 1;
        }
        let code = *bytes.get(i)?;
        i += 1;
        // Markers without a length: RSTn, SOI, TEM.
        if (0xD0..=0xD8).contains(&code) || code == 0x01 {
            continue;
        }
        if code == 0xD9 || code == 0xDA {
            return None; // end of image, or scan data before any frame header
        }
        let len = u16::from_be_bytes(bytes.get(i..i + 2)?.try_into().ok()?) as usize;
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
        if (0xC0..=0xCF).contains(&code) && ![0xC4, 0xC8, 0xCC].contains(&code) {
            let h = u16::from_be_bytes(bytes.get(i + 3..i + 5)?.try_into().ok()?);
            let w = u16::from_be_bytes(bytes.get(i + 5..i + 7)?.try_into().ok()?);
            return Some((u32::from(w), u32::from(h)));
        }
        if len < 2 {
            return None;
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_sizes_come_from_the_header() {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&60_000u32.to_be_bytes());
        b.extend_from_slice(&40u32.to_be_bytes());
        assert_eq!(png(&b), Some((60_000, 40)));
        assert_eq!(png(&b[..20]), None);
    }

    #[test]
    fn jpeg_sizes_skip_other_segments_and_stop_at_the_data() {
        // SOI, APP0 (length 4: two bytes of payload), SOF0 8-bit 30 high 50 wide.
        let b = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xAA, 0xBB, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00,
            0x1E, 0x00, 0x32, 0x01, 0x01, 0x11, 0x00,
        ];
        assert_eq!(jpeg(&b), Some((50, 30)));
        assert_eq!(jpeg(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]), None);
        assert_eq!(jpeg(&b[..12]), None);
    }
}
