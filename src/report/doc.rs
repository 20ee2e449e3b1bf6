//! The laid-out report: pages of simple drawing operations in points, origin at the top
//! left. The PDF writer and the SVG preview both draw exactly these.

use super::font::Style;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub(crate) const INK: Rgb = Rgb(0x1f, 0x29, 0x37);
pub(crate) const MUTED: Rgb = Rgb(0x5b, 0x64, 0x70);
pub(crate) const RULE: Rgb = Rgb(0xc8, 0xcd, 0xd3);
pub(crate) const ACCENT: Rgb = Rgb(0x1d, 0x4e, 0x89);
pub(crate) const CONFIDENTIAL: Rgb = Rgb(0xa1, 0x1d, 0x1d);

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
        dashed: bool,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
        dashed: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// The coach's logo, fitted into this box.
    Logo { x: f32, y: f32, w: f32, h: f32 },
}

pub(crate) struct Doc {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Vec<Op>>,
    pub title: String,
    pub author: String,
    pub logo: Option<Vec<u8>>,
}
