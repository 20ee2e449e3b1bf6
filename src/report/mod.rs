//! PDF progress reports for one client over a period, for one audience (client, sponsor or
//! coach). Data → layout (pages of drawing ops) → PDF, or page 1 as SVG for a preview, so
//! the preview is the same layout as the file. See docs/reports.md.

mod chart;
mod data;
mod doc;
mod font;
mod layout;
mod pdf;
mod sections;
mod svg;
mod text;

use crate::{Error, Result, Store};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::str::FromStr;
use uuid::Uuid;

/// Who the report is for; decides what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Goals, sessions held with takeaways and next steps, exposures with their lessons.
    Client,
    /// Attendance, goals and trends, exposures counted: no note or debrief text at all.
    Sponsor,
    /// Everything in the period, private notes included: the coach's own file.
    Coach,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Client, Audience::Sponsor, Audience::Coach];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Client => "client",
            Audience::Sponsor => "sponsor",
            Audience::Coach => "coach",
        }
    }
}

impl FromStr for Audience {
    type Err = Error;
    fn from_str(s: &str) -> Result<Audience> {
        Audience::ALL
            .into_iter()
            .find(|a| a.as_str() == s.trim())
            .ok_or_else(|| {
                Error::invalid(
                    "report.audience",
                    format!("unknown audience {s:?}; expected client, sponsor or coach"),
                )
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

impl FromStr for Paper {
    type Err = Error;
    fn from_str(s: &str) -> Result<Paper> {
        match s.trim() {
            "a4" | "A4" => Ok(Paper::A4),
            "letter" | "Letter" => Ok(Paper::Letter),
            other => Err(Error::invalid(
                "report.paper",
                format!("unknown paper {other:?}; expected a4 or letter"),
            )),
        }
    }
}

/// One report to make. Fields are spelled as in the rest of the API (snake_case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportRequest {
    pub client_id: Uuid,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub audience: Audience,
    #[serde(default)]
    pub paper: Paper,
}

impl ReportRequest {
    pub fn validate(&self) -> Result<()> {
        if self.to < self.from {
            return Err(Error::invalid(
                "report.to",
                "must be on or after report.from",
            ));
        }
        Ok(())
    }
}

/// A finished PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub pdf: Vec<u8>,
    pub pages: u32,
}

/// Page 1 as SVG, drawn from the same layout as the PDF (presentation attributes only, no
/// `style=`, so a strict CSP shows it), and how many pages the PDF has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportPreview {
    pub svg: String,
    pub pages: u32,
}

fn lay_out(store: &Store, req: &ReportRequest, now: DateTime<Utc>) -> Result<doc::Doc> {
    req.validate()?;
    let data = data::gather(store, req)?;
    Ok(layout::lay_out(&data, req, now))
}

/// Makes the report in memory.
pub fn render(store: &Store, req: &ReportRequest, now: DateTime<Utc>) -> Result<Report> {
    let doc = lay_out(store, req, now)?;
    let pages = doc.pages.len() as u32;
    let pdf = pdf::write_pdf(&doc, now)?;
    Ok(Report { pdf, pages })
}

/// Page 1 of the report as an SVG string, for a preview before saving.
pub fn preview(store: &Store, req: &ReportRequest, now: DateTime<Utc>) -> Result<ReportPreview> {
    let doc = lay_out(store, req, now)?;
    Ok(ReportPreview {
        svg: svg::page_svg(&doc, 0),
        pages: doc.pages.len() as u32,
    })
}

/// Makes the report and saves it to `out`: refused on the practice's own files or in a
/// backups folder, and unless it ends in `.pdf` ([`crate::paths`], field `report.out`);
/// written to a private temporary file in the same folder, synced, then renamed over `out`,
/// so on any error nothing (not even part of a file) is left at `out` and an existing file
/// there is untouched. The PDF is readable by the coach's account only.
pub fn write(store: &Store, req: &ReportRequest, now: DateTime<Utc>, out: &Path) -> Result<Report> {
    let out = crate::paths::check_output(
        store.path(),
        out,
        crate::paths::Output::Report,
        "report.out",
    )?;
    let out = out.path();
    let report = render(store, req, now)?;
    crate::private::write_atomically(out, &report.pdf).map_err(|e| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("cannot write {}: {e}", out.display()),
        ))
    })?;
    Ok(report)
}
