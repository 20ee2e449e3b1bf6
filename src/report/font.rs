//! The report's typeface, Noto Sans (OFL, `assets/fonts/`), compiled in, and just enough of
//! a TrueType reader (cmap, hmtx) to measure text for wrapping. The PDF and the SVG preview
//! use the same widths, so lines break in the same places in both.

use std::collections::HashMap;
use std::sync::OnceLock;

pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
pub(crate) const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");

/// Shown once per character the font cannot draw (CJK, emoji …): Unicode's dotted circle,
/// the usual "a character goes here" mark, so the gap is visible and honest instead of an
/// invisible or wrong glyph. The document title metadata keeps the real text.
pub(crate) const MISSING: char = '\u{25CC}'; // ◌ DOTTED CIRCLE
const MISSING_FALLBACK: char = '?';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Regular,
    Bold,
    Italic,
}

impl Style {
    pub(crate) const ALL: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
            Style::Italic => ITALIC,
        }
    }
}

/// Advance widths in font units per character, for the characters a face maps.
pub(crate) struct Face {
    units_per_em: f32,
    widths: HashMap<char, u16>,
    pub(crate) ascent: f32,
}

impl Face {
    fn parse(data: &[u8]) -> Option<Face> {
        let table = |tag: &[u8; 4]| -> Option<&[u8]> {
            let n = be16(data, 4)? as usize;
            (0..n).find_map(|i| {
                let rec = 12 + i * 16;
                (data.get(rec..rec + 4)? == tag).then_some(())?;
                let off = be32(data, rec + 8)? as usize;
                let len = be32(data, rec + 12)? as usize;
                data.get(off..off + len)
            })
        };
        let head = table(b"head")?;
        let hhea = table(b"hhea")?;
        let hmtx = table(b"hmtx")?;
        let cmap = table(b"cmap")?;
        let units_per_em = be16(head, 18)? as f32;
        let ascent = be16(hhea, 4)? as i16 as f32 / units_per_em;
        let metrics = be16(hhea, 34)? as usize;
        let advance = |gid: u16| -> u16 {
            let i = (gid as usize).min(metrics.saturating_sub(1));
            be16(hmtx, i * 4).unwrap_or(0)
        };
        let mut widths = HashMap::new();
        for (c, gid) in cmap_entries(cmap)? {
            if gid != 0 {
                widths.insert(c, advance(gid));
            }
        }
        Some(Face {
            units_per_em,
            widths,
            ascent,
        })
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.widths.contains_key(&c)
    }

    /// Width in points of `text` at `size`; characters without a glyph are measured as the
    /// placeholder that will be drawn for them.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.widths
                    .get(&c)
                    .or_else(|| self.widths.get(&MISSING))
                    .copied()
                    .unwrap_or(0) as u32
            })
            .sum();
        units as f32 * size / self.units_per_em
    }
}

pub(crate) struct Fonts {
    faces: [Face; 3],
}

impl Fonts {
    pub(crate) fn face(&self, style: Style) -> &Face {
        &self.faces[style as usize]
    }
}

/// Parsed once per process; the fonts are part of the binary, so failing to read them is
/// a build defect, caught by every report test.
pub(crate) fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let parse = |s: Style| {
            Face::parse(s.bytes()).unwrap_or(Face {
                units_per_em: 1000.0,
                widths: HashMap::new(),
                ascent: 0.9,
            })
        };
        Fonts {
            faces: Style::ALL.map(parse),
        }
    })
}

/// The text as it will be drawn: characters every face lacks become [`MISSING`] (or `?` if
/// even that were missing); control characters become spaces.
pub(crate) fn drawable(text: &str) -> String {
    let f = fonts();
    let regular = f.face(Style::Regular);
    let missing = if Style::ALL.iter().all(|s| f.face(*s).has(MISSING)) {
        MISSING
    } else {
        MISSING_FALLBACK
    };
    text.chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if regular.has(c) {
                c
            } else {
                missing
            }
        })
        .collect()
}

fn be16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn be32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// The Unicode mappings of the best cmap subtable: format 12 (full Unicode) if present,
/// else format 4 (the Basic Multilingual Plane).
fn cmap_entries(cmap: &[u8]) -> Option<Vec<(char, u16)>> {
    let n = be16(cmap, 2)? as usize;
    let mut best: Option<(u16, &[u8])> = None;
    for i in 0..n {
        let rec = 4 + i * 8;
        let (platform, encoding) = (be16(cmap, rec)?, be16(cmap, rec + 2)?);
        let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        let sub = cmap.get(be32(cmap, rec + 4)? as usize..)?;
        let format = be16(sub, 0)?;
        if unicode && (format == 4 || format == 12) && best.is_none_or(|(f, _)| format > f) {
            best = Some((format, sub));
        }
    }
    let (format, sub) = best?;
    let mut out = Vec::new();
    if format == 12 {
        let groups = be32(sub, 12)? as usize;
        for g in 0..groups {
            let at = 16 + g * 12;
            let (start, end, gid) = (be32(sub, at)?, be32(sub, at + 4)?, be32(sub, at + 8)?);
            for (k, cp) in (start..=end).enumerate() {
                if let Some(c) = char::from_u32(cp) {
                    out.push((c, (gid + k as u32) as u16));
                }
            }
        }
        return Some(out);
    }
    let segs = be16(sub, 6)? as usize / 2;
    let (ends, starts, deltas, offsets) = (14, 16 + segs * 2, 16 + segs * 4, 16 + segs * 6);
    for s in 0..segs {
        let end = be16(sub, ends + s * 2)?;
        let start = be16(sub, starts + s * 2)?;
        let delta = be16(sub, deltas + s * 2)?;
        let range_offset = be16(sub, offsets + s * 2)? as usize;
        for cp in start..=end {
            if cp == 0xFFFF {
                break;
            }
            let gid = if range_offset == 0 {
                cp.wrapping_add(delta)
            } else {
                let at = offsets + s * 2 + range_offset + (cp - start) as usize * 2;
                match be16(sub, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            if let Some(c) = char::from_u32(cp as u32) {
                out.push((c, gid));
            }
        }
    }
    Some(out)
}
