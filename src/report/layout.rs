//! Turns report data into pages. Text is placed line by line and a chart as one piece, so
//! a page break never splits a line or a chart; headings move to the next page with the
//! first lines under them. Every page then gets its header and "page X of Y" footer.

use super::data::{Header, ReportData};
use super::doc::{ACCENT, CONFIDENTIAL, Doc, INK, MUTED, Op, RULE, Rgb};
use super::font::{Style, drawable, fonts};
use super::text::{self, Span};
use super::{Audience, ReportRequest, sections};
use chrono::{DateTime, NaiveDate, Utc};

const MARGIN: f32 = 56.0;
const BODY_TOP: f32 = 92.0;
const BODY_BOTTOM_GAP: f32 = 60.0;
pub(crate) const BODY_SIZE: f32 = 9.5;

pub(crate) struct Layout {
    height: f32,
    pub left: f32,
    pub right: f32,
    pub y: f32,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
}

impl Layout {
    fn new(width: f32, height: f32) -> Layout {
        Layout {
            height,
            left: MARGIN,
            right: width - MARGIN,
            y: BODY_TOP,
            pages: Vec::new(),
            ops: Vec::new(),
        }
    }

    fn bottom(&self) -> f32 {
        self.height - BODY_BOTTOM_GAP
    }

    pub fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.y = BODY_TOP;
    }

    /// Starts a new page unless `h` more points fit on this one (or this page is empty:
    /// something taller than a page is placed anyway rather than looping).
    pub fn need(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > BODY_TOP {
            self.new_page();
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    pub fn push(&mut self, op: Op) {
        self.ops.push(op);
    }

    pub fn text_at(&mut self, x: f32, baseline: f32, size: f32, style: Style, color: Rgb, s: &str) {
        self.ops.push(Op::Text {
            x,
            y: baseline,
            size,
            style,
            color,
            text: drawable(s),
        });
    }

    /// Wrapped spans starting at `indent` from the left margin; each line is kept whole.
    pub fn spans(&mut self, spans: &[Span], size: f32, indent: f32, color: Rgb) {
        let lead = size * 1.45;
        let ascent = fonts().face(Style::Regular).ascent * size;
        for line in text::wrap(spans, size, self.right - self.left - indent) {
            self.need(lead);
            let baseline = self.y + ascent;
            for (x, span) in line.runs {
                self.ops.push(Op::Text {
                    x: self.left + indent + x,
                    y: baseline,
                    size,
                    style: span.style,
                    color,
                    text: span.text,
                });
            }
            self.y += lead;
        }
    }

    pub fn line(&mut self, s: &str, size: f32, style: Style, color: Rgb) {
        self.spans(&text::plain(s, style), size, 0.0, color);
    }

    /// Markdown as paragraphs and list items, indented by `indent`.
    pub fn markdown(&mut self, md: &str, indent: f32) {
        for block in text::markdown(md) {
            match block.marker {
                Some(marker) => {
                    let hang = 12.0;
                    self.need(BODY_SIZE * 1.45);
                    let ascent = fonts().face(Style::Regular).ascent * BODY_SIZE;
                    let x = self.left + indent;
                    let y = self.y + ascent;
                    self.text_at(x, y, BODY_SIZE, Style::Regular, INK, &marker);
                    self.spans(&block.spans, BODY_SIZE, indent + hang, INK);
                }
                None => self.spans(&block.spans, BODY_SIZE, indent, INK),
            }
            self.gap(2.5);
        }
    }

    /// A section heading, kept on a page with room for what follows it.
    pub fn heading(&mut self, s: &str) {
        self.need(14.0 * 1.5 + 60.0);
        self.gap(6.0);
        self.line(s, 14.0, Style::Bold, ACCENT);
        self.push(Op::Line {
            from: (self.left, self.y - 3.0),
            to: (self.right, self.y - 3.0),
            width: 0.6,
            color: RULE,
            dashed: false,
        });
        self.gap(4.0);
    }

    /// A small label over a block of text ("Takeaways"), kept with its first lines.
    pub fn label(&mut self, s: &str, color: Rgb) {
        self.need(8.0 * 1.45 + BODY_SIZE * 1.45 * 2.0);
        self.line(s, 8.0, Style::Bold, color);
    }
}

pub(crate) fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub(crate) fn period(h: &Header) -> String {
    format!("{} – {}", date(h.from), date(h.to))
}

/// Cuts `s` with an ellipsis to fit `max` points.
fn fit(s: &str, size: f32, style: Style, max: f32) -> String {
    let s = drawable(s);
    let face = fonts().face(style);
    if face.width(&s, size) <= max {
        return s;
    }
    let mut out: String = s.clone();
    while !out.is_empty() && face.width(&format!("{out}…"), size) > max {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

fn header_ops(l: &Layout, h: &Header, audience: Audience, page: usize, pages: usize) -> Vec<Op> {
    let face = |s| fonts().face(s);
    let mut ops = Vec::new();
    let half = (l.right - l.left) / 2.0 - 8.0;
    let mut x = l.left;
    if h.logo.is_some() {
        ops.push(Op::Logo {
            x,
            y: 26.0,
            w: 40.0,
            h: 34.0,
        });
        x += 48.0;
    }
    let coach = if h.coach_name.trim().is_empty() {
        "Your coach"
    } else {
        &h.coach_name
    };
    let left_w = half - (x - l.left);
    let mut text = |x: f32, y: f32, size: f32, style: Style, color: Rgb, s: String| {
        ops.push(Op::Text {
            x,
            y,
            size,
            style,
            color,
            text: s,
        })
    };
    text(
        x,
        38.0,
        10.0,
        Style::Bold,
        INK,
        fit(coach, 10.0, Style::Bold, left_w),
    );
    if !h.credentials.trim().is_empty() {
        let c = fit(&h.credentials, 8.5, Style::Regular, left_w);
        text(x, 51.0, 8.5, Style::Regular, MUTED, c);
    }
    let client = fit(&h.client_name, 10.0, Style::Bold, half);
    let cw = face(Style::Bold).width(&client, 10.0);
    text(l.right - cw, 38.0, 10.0, Style::Bold, INK, client);
    let p = period(h);
    let pw = face(Style::Regular).width(&p, 8.5);
    text(l.right - pw, 51.0, 8.5, Style::Regular, MUTED, p);

    let footer_y = l.height - 30.0;
    let (note, color, style) = match audience {
        Audience::Coach => ("Confidential — coach's file", CONFIDENTIAL, Style::Bold),
        Audience::Client => ("Progress report for the client", MUTED, Style::Regular),
        Audience::Sponsor => ("Progress report for the sponsor", MUTED, Style::Regular),
    };
    text(l.left, footer_y, 8.0, style, color, note.to_string());
    let n = format!("page {} of {}", page + 1, pages);
    let nw = face(Style::Regular).width(&n, 8.0);
    text(l.right - nw, footer_y, 8.0, Style::Regular, MUTED, n);
    for y in [66.0, footer_y - 12.0] {
        ops.push(Op::Line {
            from: (l.left, y),
            to: (l.right, y),
            width: 0.6,
            color: RULE,
            dashed: false,
        });
    }
    ops
}

pub(crate) fn lay_out(data: &ReportData, req: &ReportRequest, now: DateTime<Utc>) -> Doc {
    let (width, height) = req.paper.size();
    let mut l = Layout::new(width, height);
    let h = &data.header;
    let (subtitle, author) = match req.audience {
        Audience::Client => ("for the client", "client"),
        Audience::Sponsor => ("for the sponsor", "sponsor"),
        Audience::Coach => ("coach's file", "coach"),
    };
    l.line("Progress report", 20.0, Style::Bold, INK);
    l.line(
        &format!("{} · {} · {subtitle}", h.client_name, period(h)),
        11.0,
        Style::Regular,
        MUTED,
    );
    let by = if h.coach_name.trim().is_empty() {
        String::new()
    } else {
        format!(" by {}", h.coach_name)
    };
    l.line(
        &format!("Prepared on {}{by}", date(now.date_naive())),
        9.0,
        Style::Regular,
        MUTED,
    );
    l.gap(8.0);
    if req.audience == Audience::Coach {
        l.line(
            "Confidential — coach's file. Contains private notes: do not share.",
            10.0,
            Style::Bold,
            CONFIDENTIAL,
        );
        l.gap(4.0);
    }
    if data.empty {
        l.gap(12.0);
        l.line(
            &format!(
                "Nothing was recorded for {} between {} and {}: no sessions, no ratings and no crisis exposures.",
                h.client_name,
                date(h.from),
                date(h.to)
            ),
            12.0,
            Style::Regular,
            INK,
        );
        l.gap(6.0);
        l.line(
            "Choose a longer period to report on earlier work.",
            10.0,
            Style::Regular,
            MUTED,
        );
    } else {
        sections::body(&mut l, data);
    }
    if !l.ops.is_empty() || l.pages.is_empty() {
        l.new_page();
    }
    let total = l.pages.len();
    let mut pages = std::mem::take(&mut l.pages);
    for (i, page) in pages.iter_mut().enumerate() {
        page.extend(header_ops(&l, h, req.audience, i, total));
    }
    Doc {
        width,
        height,
        pages,
        title: format!(
            "Progress report — {} — {} – {} ({author})",
            h.client_name, h.from, h.to
        ),
        author: h.coach_name.clone(),
        logo: h.logo.clone(),
    }
}
