//! Notes are Markdown. The report draws what a reader would see: paragraphs, bullet and
//! numbered lists, bold and italic; other marks (headings, quotes, code, links) are
//! reduced to their text. Then wrapping with the font's real widths.

use super::font::{Style, drawable, fonts};

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    pub style: Style,
    pub text: String,
}

/// A paragraph or list item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    /// "•" or "3." for list items.
    pub marker: Option<String>,
    pub spans: Vec<Span>,
}

/// One wrapped line: spans with their x offset from the line start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub runs: Vec<(f32, Span)>,
}

pub(crate) fn markdown(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block {
                marker: None,
                spans: inline(&para.join(" ")),
            });
            para.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) {
            flush(&mut para, &mut blocks);
            continue;
        }
        if let Some(item) = bullet(line) {
            flush(&mut para, &mut blocks);
            blocks.push(Block {
                marker: Some("•".into()),
                spans: inline(item),
            });
        } else if let Some((n, item)) = numbered(line) {
            flush(&mut para, &mut blocks);
            blocks.push(Block {
                marker: Some(format!("{n}.")),
                spans: inline(item),
            });
        } else if let Some(h) = line.strip_prefix('#') {
            flush(&mut para, &mut blocks);
            let mut spans = inline(h.trim_start_matches('#').trim());
            spans.iter_mut().for_each(|s| s.style = Style::Bold);
            blocks.push(Block {
                marker: None,
                spans,
            });
        } else if let Some(q) = line.strip_prefix('>') {
            para.push(q.trim());
        } else if blocks
            .last()
            .is_some_and(|b: &Block| b.marker.is_some() && para.is_empty() && raw.starts_with(' '))
        {
            // An indented line continues the list item above it.
            if let Some(last) = blocks.last_mut() {
                last.spans.push(Span {
                    style: Style::Regular,
                    text: " ".into(),
                });
                last.spans.extend(inline(line));
            }
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut blocks);
    blocks
}

fn bullet(line: &str) -> Option<&str> {
    ["- ", "* ", "+ ", "• "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .map(|s| s.trim_start_matches("[ ] ").trim_start_matches("[x] "))
}

fn numbered(line: &str) -> Option<(&str, &str)> {
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let item = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    Some((&line[..digits], item))
}

/// `**bold**`, `__bold__`, `*italic*`, `_italic_` (at word edges), `` `code` ``, `[text](url)`.
pub(crate) fn inline(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut cur = String::new();
    let push = |spans: &mut Vec<Span>, cur: &mut String, bold: bool, italic: bool| {
        if cur.is_empty() {
            return;
        }
        let style = if bold {
            Style::Bold
        } else if italic {
            Style::Italic
        } else {
            Style::Regular
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(cur),
            _ => spans.push(Span {
                style,
                text: cur.clone(),
            }),
        }
        cur.clear();
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = if i == 0 { None } else { Some(chars[i - 1]) };
        let edge = |ch: Option<char>| ch.is_none_or(|ch| !ch.is_alphanumeric());
        if (c == '*' || c == '_') && next == Some(c) {
            let closes = text_has_later(&chars, i + 2, c, true);
            if bold || closes {
                push(&mut spans, &mut cur, bold, italic);
                bold = !bold;
                i += 2;
                continue;
            }
        }
        if (c == '*' || (c == '_' && (italic || edge(prev))))
            && (italic
                || (next.is_some_and(|n| !n.is_whitespace())
                    && text_has_later(&chars, i + 1, c, false)))
        {
            push(&mut spans, &mut cur, bold, italic);
            italic = !italic;
            i += 1;
            continue;
        }
        if c == '`' {
            i += 1;
            continue;
        }
        if c == '[' {
            let close = chars[i..].iter().position(|&x| x == ']').map(|p| p + i);
            if let Some(close) = close
                && chars.get(close + 1) == Some(&'(')
                && let Some(end) = chars[close..].iter().position(|&x| x == ')')
            {
                cur.extend(&chars[i + 1..close]);
                i = close + end + 1;
                continue;
            }
        }
        if c == '\\' && next.is_some_and(|n| n.is_ascii_punctuation()) {
            cur.push(next.unwrap_or(c));
            i += 2;
            continue;
        }
        cur.push(c);
        i += 1;
    }
    push(&mut spans, &mut cur, bold, italic);
    spans
}

fn text_has_later(chars: &[char], from: usize, mark: char, double: bool) -> bool {
    (from..chars.len())
        .any(|j| chars[j] == mark && (!double || chars.get(j + 1) == Some(&mark)) && j > from)
}

/// Plain text in one style.
pub(crate) fn plain(text: &str, style: Style) -> Vec<Span> {
    vec![Span {
        style,
        text: text.to_string(),
    }]
}

/// Breaks spans into lines no wider than `width` points at `size`. Words longer than a line
/// are cut by characters so nothing ever runs off the page.
pub(crate) fn wrap(spans: &[Span], size: f32, width: f32) -> Vec<Line> {
    let f = fonts();
    // Words keep their style pieces; a space between words is measured in the style of
    // the text before it.
    let mut words: Vec<Vec<Span>> = vec![Vec::new()];
    for span in spans {
        let text = drawable(&span.text);
        let mut first = true;
        for part in text.split(' ') {
            if !first {
                words.push(Vec::new());
            }
            first = false;
            if !part.is_empty()
                && let Some(w) = words.last_mut()
            {
                w.push(Span {
                    style: span.style,
                    text: part.to_string(),
                });
            }
        }
    }
    let words: Vec<Vec<Span>> = words.into_iter().filter(|w| !w.is_empty()).collect();
    let measure =
        |w: &[Span]| -> f32 { w.iter().map(|s| f.face(s.style).width(&s.text, size)).sum() };
    let mut lines: Vec<Line> = Vec::new();
    let mut line = Line { runs: Vec::new() };
    let mut x = 0.0;
    for word in words {
        let ww = measure(&word);
        if ww > width {
            for piece in split_long(&word, size, width) {
                if !line.runs.is_empty() {
                    lines.push(std::mem::replace(&mut line, Line { runs: Vec::new() }));
                }
                x = place(&mut line, 0.0, piece, size);
            }
            continue;
        }
        let space = f.face(word[0].style).width(" ", size);
        let start = if line.runs.is_empty() { 0.0 } else { x + space };
        if start + ww > width && !line.runs.is_empty() {
            lines.push(std::mem::replace(&mut line, Line { runs: Vec::new() }));
            x = place(&mut line, 0.0, word, size);
        } else {
            x = place(&mut line, start, word, size);
        }
    }
    if !line.runs.is_empty() {
        lines.push(line);
    }
    lines
}

/// Adds a word's spans at `x`, merging with the previous run when the style continues.
fn place(line: &mut Line, x: f32, word: Vec<Span>, size: f32) -> f32 {
    let f = fonts();
    let mut x = x;
    for (k, span) in word.into_iter().enumerate() {
        let w = f.face(span.style).width(&span.text, size);
        match line.runs.last_mut() {
            Some((_, last)) if last.style == span.style => {
                if k == 0 {
                    last.text.push(' ');
                }
                last.text.push_str(&span.text);
            }
            _ => line.runs.push((x, span)),
        }
        x += w;
    }
    x
}

fn split_long(word: &[Span], size: f32, width: f32) -> Vec<Vec<Span>> {
    let f = fonts();
    let mut pieces: Vec<Vec<Span>> = vec![Vec::new()];
    let mut used = 0.0;
    for span in word {
        let face = f.face(span.style);
        for c in span.text.chars() {
            let w = face.width(c.encode_utf8(&mut [0; 4]), size);
            if used + w > width && used > 0.0 {
                pieces.push(Vec::new());
                used = 0.0;
            }
            used += w;
            let Some(piece) = pieces.last_mut() else {
                continue;
            };
            match piece.last_mut() {
                Some(s) if s.style == span.style => s.text.push(c),
                _ => piece.push(Span {
                    style: span.style,
                    text: c.to_string(),
                }),
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_lists_and_emphasis() {
        let b = markdown("Intro **bold** and *it*.\n\n- one\n- two\n1. first");
        assert_eq!(b.len(), 4);
        assert_eq!(b[0].spans[1].style, Style::Bold);
        assert_eq!(b[0].spans[3].style, Style::Italic);
        assert_eq!(b[1].marker.as_deref(), Some("•"));
        assert_eq!(b[3].marker.as_deref(), Some("1."));
    }

    #[test]
    fn snake_case_is_not_italic() {
        let s = inline("a file_name_here and 2*3");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "a file_name_here and 2*3");
    }

    #[test]
    fn wrapped_lines_fit() {
        let text = "word ".repeat(200) + &"x".repeat(300);
        let lines = wrap(&plain(&text, Style::Regular), 10.0, 200.0);
        assert!(lines.len() > 5);
        for l in &lines {
            let (x, last) = l.runs.last().unwrap();
            let w = fonts().face(last.style).width(&last.text, 10.0);
            assert!(x + w <= 200.01, "line too wide: {}", x + w);
        }
    }
}
