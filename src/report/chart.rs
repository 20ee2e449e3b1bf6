//! A goal's trend chart as vector drawing ops: scores 0–10 over time, one line per rater
//! kind, the baseline and the target as labelled dashed lines, and a legend.

use super::data::GoalTrend;
use super::doc::{INK, MUTED, Op, RULE, Rgb};
use super::font::{Style, fonts};
use crate::model::Rater;
use chrono::NaiveDate;

/// Plot area plus axis labels and legend.
pub(crate) const HEIGHT: f32 = 132.0;
const PLOT_H: f32 = 96.0;
const LABEL_W: f32 = 18.0;
const RIGHT_LABEL_W: f32 = 58.0;
const TARGET: Rgb = Rgb(0x1b, 0x7f, 0x3b);

pub(crate) fn rater_color(r: Rater) -> Rgb {
    match r {
        Rater::SelfRating => Rgb(0x25, 0x63, 0xeb),
        Rater::Coach => Rgb(0xd9, 0x77, 0x06),
        Rater::Manager => Rgb(0x7c, 0x3a, 0xed),
        Rater::Peer => Rgb(0x0e, 0x7c, 0x86),
        Rater::DirectReport => Rgb(0xbe, 0x18, 0x5d),
    }
}

pub(crate) fn rater_name(r: Rater) -> &'static str {
    match r {
        Rater::SelfRating => "self",
        Rater::Coach => "coach",
        Rater::Manager => "manager",
        Rater::Peer => "peer",
        Rater::DirectReport => "direct reports",
    }
}

fn text(x: f32, y: f32, size: f32, color: Rgb, s: &str) -> Op {
    Op::Text {
        x,
        y,
        size,
        style: Style::Regular,
        color,
        text: s.to_string(),
    }
}

fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// Ops for the chart with its top-left corner at (x, y), `w` wide, [`HEIGHT`] tall.
pub(crate) fn chart(
    t: &GoalTrend,
    x: f32,
    y: f32,
    w: f32,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Op> {
    let mut ops = Vec::new();
    let (px, py) = (x + LABEL_W, y + 6.0);
    let pw = w - LABEL_W - RIGHT_LABEL_W;
    // From the first rating (earlier history gives the period its context) to the period's
    // end; a period starting long before the first rating does not squash the lines.
    let first = t
        .series
        .iter()
        .filter_map(|(_, pts)| pts.first().map(|p| p.0))
        .min()
        .unwrap_or(from)
        .min(to);
    let days = (to - first).num_days().max(1) as f32;
    let sx = |d: NaiveDate| px + pw * ((d - first).num_days() as f32 / days).clamp(0.0, 1.0);
    let sy = |score: i32| py + PLOT_H * (1.0 - score.clamp(0, 10) as f32 / 10.0);

    for s in [0, 5, 10] {
        ops.push(Op::Line {
            from: (px, sy(s)),
            to: (px + pw, sy(s)),
            width: 0.4,
            color: RULE,
            dashed: false,
        });
        let label = s.to_string();
        let lw = fonts().face(Style::Regular).width(&label, 7.0);
        ops.push(text(px - 4.0 - lw, sy(s) + 2.5, 7.0, MUTED, &label));
    }
    // The period itself, lightly marked when the chart starts earlier.
    if first < from && from <= to {
        ops.push(Op::Line {
            from: (sx(from), py),
            to: (sx(from), py + PLOT_H),
            width: 0.4,
            color: MUTED,
            dashed: true,
        });
        ops.push(text(
            sx(from) + 2.0,
            py + PLOT_H - 2.0,
            6.5,
            MUTED,
            "period",
        ));
    }
    for (value, label, color) in [
        (t.baseline, format!("baseline {}", t.baseline), MUTED),
        (t.target, format!("target {}", t.target), TARGET),
    ] {
        ops.push(Op::Line {
            from: (px, sy(value)),
            to: (px + pw, sy(value)),
            width: 0.9,
            color,
            dashed: true,
        });
        // Baseline label below its line when the two would collide.
        let dy = if label.starts_with("baseline") && (t.baseline - t.target).abs() <= 1 {
            if t.baseline < t.target { 9.0 } else { -3.0 }
        } else {
            2.5
        };
        ops.push(text(px + pw + 4.0, sy(value) + dy, 7.0, color, &label));
    }
    for (rater, points) in &t.series {
        let color = rater_color(*rater);
        let pts: Vec<(f32, f32)> = points.iter().map(|(d, s)| (sx(*d), sy(*s))).collect();
        if pts.len() > 1 {
            ops.push(Op::Polyline {
                points: pts.clone(),
                width: 1.4,
                color,
                dashed: false,
            });
        }
        for (mx, my) in pts {
            ops.push(Op::Rect {
                x: mx - 1.6,
                y: my - 1.6,
                w: 3.2,
                h: 3.2,
                fill: color,
            });
        }
    }
    // Dates under the plot, then the legend.
    let axis_y = py + PLOT_H + 10.0;
    ops.push(text(px, axis_y, 7.0, MUTED, &short_date(first)));
    let end = short_date(to);
    let ew = fonts().face(Style::Regular).width(&end, 7.0);
    ops.push(text(px + pw - ew, axis_y, 7.0, MUTED, &end));
    let mut lx = px;
    let ly = axis_y + 12.0;
    for (rater, _) in &t.series {
        let color = rater_color(*rater);
        ops.push(Op::Line {
            from: (lx, ly - 2.5),
            to: (lx + 12.0, ly - 2.5),
            width: 1.4,
            color,
            dashed: false,
        });
        let name = rater_name(*rater);
        ops.push(text(lx + 15.0, ly, 7.5, INK, name));
        lx += 15.0 + fonts().face(Style::Regular).width(name, 7.5) + 12.0;
    }
    ops
}
