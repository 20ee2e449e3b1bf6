//! One page of drawing ops → SVG for the app's preview. Presentation attributes only (no
//! `style=`): the app's CSP blocks inline styles. The logo goes in as a data: URL image.

use super::doc::{Doc, Op, Rgb};
use super::font::Style;
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn stroke(color: Rgb, width: f32, dashed: bool) -> String {
    let dash = if dashed {
        " stroke-dasharray=\"3 2\""
    } else {
        ""
    };
    format!(
        "fill=\"none\" stroke=\"{}\" stroke-width=\"{width:.2}\"{dash}",
        color.hex()
    )
}

fn logo_href(bytes: &[u8]) -> Option<String> {
    use base64::Engine;
    let mime = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return None;
    };
    Some(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

/// Page `index` (0-based) as a standalone SVG document sized in points.
pub(crate) fn page_svg(doc: &Doc, index: usize) -> String {
    let mut s = String::new();
    let (w, h) = (doc.width, doc.height);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.2} {h:.2}\" \
         width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-label=\"{}\" \
         font-family=\"'Noto Sans', 'Inter', sans-serif\">",
        esc(&doc.title)
    );
    let _ = write!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"#ffffff\"/>"
    );
    for op in doc.pages.get(index).map(Vec::as_slice).unwrap_or(&[]) {
        let _ = match op {
            Op::Text {
                x,
                y,
                size,
                style,
                color,
                text,
            } => {
                let extra = match style {
                    Style::Regular => "",
                    Style::Bold => " font-weight=\"bold\"",
                    Style::Italic => " font-style=\"italic\"",
                };
                write!(
                    s,
                    "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{size}\" fill=\"{}\"{extra} \
                     xml:space=\"preserve\">{}</text>",
                    color.hex(),
                    esc(text)
                )
            }
            Op::Line {
                from,
                to,
                width,
                color,
                dashed,
            } => write!(
                s,
                "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\" {}/>",
                from.0,
                from.1,
                to.0,
                to.1,
                stroke(*color, *width, *dashed)
            ),
            Op::Polyline {
                points,
                width,
                color,
                dashed,
            } => {
                let pts: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{x:.2},{y:.2}"))
                    .collect();
                write!(
                    s,
                    "<polyline points=\"{}\" {} stroke-linejoin=\"round\"/>",
                    pts.join(" "),
                    stroke(*color, *width, *dashed)
                )
            }
            Op::Rect { x, y, w, h, fill } => write!(
                s,
                "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{}\"/>",
                fill.hex()
            ),
            Op::Logo { x, y, w, h } => match doc.logo.as_deref().and_then(logo_href) {
                Some(href) => write!(
                    s,
                    "<image x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" \
                     preserveAspectRatio=\"xMinYMin meet\" href=\"{href}\"/>"
                ),
                None => Ok(()),
            },
        };
    }
    s.push_str("</svg>");
    s
}
