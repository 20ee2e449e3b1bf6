//! Drawing ops → PDF through printpdf (fonts subset on save, text stays real text).

use super::doc::{Doc, Op, Rgb};
use super::font::Style;
use crate::{Error, Result};
use chrono::{DateTime, Datelike, Timelike, Utc};
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op as P, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, TextItem,
    TextMatrix, XObjectId, XObjectTransform,
};
use std::sync::OnceLock;

/// Parsing a face takes a few milliseconds; do it once per process.
fn parsed_fonts() -> Result<&'static [ParsedFont; 3]> {
    static FONTS: OnceLock<Option<[ParsedFont; 3]>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let parse = |s: Style| ParsedFont::from_bytes(s.bytes(), 0, &mut Vec::new());
            Some([
                parse(Style::Regular)?,
                parse(Style::Bold)?,
                parse(Style::Italic)?,
            ])
        })
        .as_ref()
        .ok_or_else(|| Error::Io(std::io::Error::other("the report font cannot be read")))
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

fn pdf_date(t: DateTime<Utc>) -> printpdf::DateTime {
    printpdf::DateTime {
        date: printpdf::Date {
            year: t.year(),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        time: printpdf::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

pub(crate) fn write_pdf(doc: &Doc, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    info.author = doc.author.clone();
    info.creator = "Coachbook".into();
    info.producer = format!("Coachbook {} (printpdf)", crate::VERSION);
    info.subject = "Coaching progress report".into();
    info.creation_date = pdf_date(now);
    info.modification_date = pdf_date(now);
    info.metadata_date = pdf_date(now);

    let fonts: Vec<FontId> = parsed_fonts()?.iter().map(|f| pdf.add_font(f)).collect();
    // A logo that does not decode is left out rather than failing the whole report.
    let logo: Option<(XObjectId, f32, f32)> = doc.logo.as_ref().and_then(|bytes| {
        let img = RawImage::decode_from_bytes(bytes, &mut Vec::new()).ok()?;
        let (w, h) = (img.width as f32, img.height as f32);
        (w > 0.0 && h > 0.0).then(|| (pdf.add_image(&img), w, h))
    });

    let height = doc.height;
    let pages = doc
        .pages
        .iter()
        .map(|ops| {
            let mut w = Writer {
                out: Vec::with_capacity(ops.len() * 3),
                height,
                in_text: false,
                font: None,
                fill: None,
                stroke: None,
            };
            for op in ops {
                w.op(op, &fonts, logo.as_ref());
            }
            w.end_text();
            PdfPage::new(Mm::from(Pt(doc.width)), Mm::from(Pt(doc.height)), w.out)
        })
        .collect();
    pdf.with_pages(pages);
    // printpdf deflates every stream at level 9 (lopdf's `compress`), which was most of the
    // time of a long report; level 6 is several times faster for a few per cent of size.
    let opts = PdfSaveOptions {
        optimize: false,
        ..Default::default()
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut Vec::new());
    for object in lo.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && stream.allows_compression
            && !stream.is_compressed()
        {
            deflate(stream)?;
        }
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| Error::Io(std::io::Error::other(format!("cannot write the PDF: {e}"))))?;
    Ok(bytes)
}

fn deflate(stream: &mut lopdf::Stream) -> Result<()> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    z.write_all(&stream.content)?;
    let packed = z.finish()?;
    if packed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(packed);
    }
    Ok(())
}

/// Emits printpdf ops for one page, setting font, colours and line style only when they
/// change and keeping runs of text in one text object: fewer, shorter content streams are
/// most of what makes a long report fast (they are deflated at the highest level).
struct Writer {
    out: Vec<P>,
    height: f32,
    in_text: bool,
    font: Option<(Style, u32)>,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, u32, bool)>,
}

impl Writer {
    fn pt(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.out.push(P::EndTextSection);
            self.in_text = false;
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.out.push(P::SetFillColor { col: color(c) });
            self.fill = Some(c);
        }
    }

    fn op(&mut self, op: &Op, fonts: &[FontId], logo: Option<&(XObjectId, f32, f32)>) {
        match op {
            Op::Text {
                x,
                y,
                size,
                style,
                color: c,
                text,
            } => {
                if !self.in_text {
                    self.out.push(P::StartTextSection);
                    self.in_text = true;
                }
                let key = (*style, size.to_bits());
                if self.font != Some(key) {
                    self.out.push(P::SetFont {
                        font: PdfFontHandle::External(fonts[*style as usize].clone()),
                        size: Pt(*size),
                    });
                    self.font = Some(key);
                }
                self.fill(*c);
                let at = self.pt(*x, *y);
                self.out.push(P::SetTextMatrix {
                    matrix: TextMatrix::Translate(at.x, at.y),
                });
                self.out.push(P::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Op::Line {
                from,
                to,
                width,
                color: c,
                dashed,
            } => self.stroke(&[*from, *to], *width, *c, *dashed),
            Op::Polyline {
                points,
                width,
                color: c,
                dashed,
            } => self.stroke(points, *width, *c, *dashed),
            Op::Rect { x, y, w, h, fill } => {
                self.end_text();
                self.fill(*fill);
                self.out.push(P::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(self.height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Op::Logo { x, y, w, h } => {
                self.end_text();
                if let Some((id, iw, ih)) = logo {
                    let scale = (w / iw).min(h / ih);
                    // At `dpi`, one image pixel is 72/dpi points.
                    self.out.push(P::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(self.height - y - ih * scale)),
                            dpi: Some(72.0 / scale),
                            ..Default::default()
                        },
                    });
                }
            }
        }
    }

    fn stroke(&mut self, points: &[(f32, f32)], width: f32, c: Rgb, dashed: bool) {
        self.end_text();
        let (old_c, old_w, old_d) = match self.stroke {
            Some((c, w, d)) => (Some(c), Some(w), Some(d)),
            None => (None, None, None),
        };
        if old_c != Some(c) {
            self.out.push(P::SetOutlineColor { col: color(c) });
        }
        if old_w != Some(width.to_bits()) {
            self.out.push(P::SetOutlineThickness { pt: Pt(width) });
        }
        if old_d != Some(dashed) {
            self.out.push(P::SetLineDashPattern {
                dash: if dashed {
                    LineDashPattern::new(0.0, &[3.0, 2.0])
                } else {
                    LineDashPattern::solid()
                },
            });
        }
        self.stroke = Some((c, width.to_bits(), dashed));
        let line = Line {
            points: points
                .iter()
                .map(|(x, y)| LinePoint {
                    p: self.pt(*x, *y),
                    bezier: false,
                })
                .collect(),
            is_closed: false,
        };
        self.out.push(P::DrawLine { line });
    }
}
