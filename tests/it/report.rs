//! PDF progress reports on real SQLite files, checked with qpdf and poppler (pdftotext,
//! pdfinfo, pdfimages): valid files, what each audience may and may not contain, pages,
//! text inside the page box, names outside ASCII.

use crate::common::*;
use chrono::{DateTime, Utc};
use coachbook::ErrorKind;
use coachbook::model::*;
use coachbook::report::{self, Audience, Paper, ReportRequest};
use std::path::Path;
use std::process::Command;
use uuid::Uuid;

const NOTE: &str = "CanaryNoteQx1";
const PRIVATE: &str = "CanaryPrivateQx2";
const TAKEAWAY: &str = "CanaryTakeawayQx3";
const NEXT: &str = "CanaryNextQx4";
const AGENDA: &str = "CanaryAgendaQx5";
const RATING_NOTE: &str = "CanaryRatingQx6";
const SCENARIO: &str = "CanaryScenarioQx7";
const SUPPORT: &str = "CanarySupportQx8";
const HAPPENED: &str = "CanaryHappenedQx9";
const ACTIONS: &str = "CanaryActionsQx10";
const OUTCOME: &str = "CanaryOutcomeQx11";
const LESSON: &str = "CanaryLessonQx12";

/// Text no sponsor may see.
const NOT_FOR_SPONSOR: &[&str] = &[
    NOTE,
    PRIVATE,
    TAKEAWAY,
    NEXT,
    AGENDA,
    RATING_NOTE,
    SCENARIO,
    SUPPORT,
    HAPPENED,
    ACTIONS,
    OUTCOME,
    LESSON,
];
/// Text the client does not get: the coach's own notes and working material.
const NOT_FOR_CLIENT: &[&str] = &[PRIVATE, RATING_NOTE, SCENARIO, SUPPORT];

/// A 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

fn now() -> DateTime<Utc> {
    "2026-04-02T08:00:00Z".parse().unwrap()
}

struct Practice {
    t: TempStore,
    client: Uuid,
    goal: Uuid,
}

/// A client with a goal, ratings, two held sessions, a cancelled one, and a debriefed
/// crisis exposure in March 2026, every free text field holding a canary word.
fn practice(name: &str) -> Practice {
    let mut t = temp_store();
    t.store
        .set_coach(&Coach {
            name: "Søren Ødegård".into(),
            credentials: "PCC, ICF".into(),
            logo: Some(Logo {
                mime: "image/png".into(),
                data: PNG.into(),
            }),
        })
        .unwrap();
    let client = t.store.create_client(client_details(name)).unwrap().id;
    let goal = t
        .store
        .create_goal(client, goal_details("Delegate outcomes to the team"))
        .unwrap()
        .id;
    for (day, score, rater) in [
        ("2026-02-10", 3, Rater::SelfRating),
        ("2026-03-05", 5, Rater::SelfRating),
        ("2026-03-06", 4, Rater::Coach),
        ("2026-03-25", 6, Rater::Manager),
    ] {
        let mut c = check_in_details(score, None);
        c.on = date(day);
        c.rater = rater;
        c.note = format!("rated {RATING_NOTE}");
        t.store.add_check_in(goal, c).unwrap();
    }
    for (at, status) in [
        ("2026-03-10T09:30:00+01:00", SessionStatus::Held),
        ("2026-03-24T09:30:00+01:00", SessionStatus::Held),
        ("2026-03-17T09:30:00+01:00", SessionStatus::Cancelled),
    ] {
        let mut s = session_details(vec![goal]);
        s.starts_at = local(at);
        s.status = status;
        s.agenda = format!("1. {AGENDA}");
        s.notes = format!("Talked about **delegation** {NOTE}.\n\n- first point\n- second point");
        s.private_notes = format!("Seemed tired {PRIVATE}");
        s.takeaways = format!("- Hand over outcomes {TAKEAWAY}");
        s.next_steps = format!("- Talk to Sam {NEXT}");
        t.store.create_session(client, s).unwrap();
    }
    let mut a = assignment_details(4, &format!("Daily check-in call {SUPPORT}"));
    a.scenario = format!("Severity-one outage {SCENARIO}");
    a.goal_ids = vec![goal];
    a.status = AssignmentStatus::Debriefed;
    a.debrief = Some(Debrief {
        held_on: date("2026-03-21"),
        what_happened: HAPPENED.into(),
        client_actions: ACTIONS.into(),
        outcome: OUTCOME.into(),
        lessons: format!("Ask for help early {LESSON}"),
        composure: 4,
        decision_quality: 3,
    });
    t.store.create_assignment(client, a).unwrap();
    Practice { t, client, goal }
}

fn request(p: &Practice, audience: Audience) -> ReportRequest {
    ReportRequest {
        client_id: p.client,
        from: date("2026-03-01"),
        to: date("2026-03-31"),
        audience,
        paper: Paper::A4,
    }
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (scripts/install-deps.sh --test installs it): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes the report into the practice's temp dir and returns its path.
fn pdf(p: &Practice, req: &ReportRequest, name: &str) -> std::path::PathBuf {
    let out = p.t.dir.path().join(name);
    let r = report::write(&p.t.store, req, now(), &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), r.pdf);
    out
}

fn text(path: &Path) -> String {
    run("pdftotext", &["-layout", path.to_str().unwrap(), "-"])
}

fn page_text(path: &Path, page: u32) -> String {
    let n = page.to_string();
    run(
        "pdftotext",
        &["-f", &n, "-l", &n, path.to_str().unwrap(), "-"],
    )
}

fn info(path: &Path) -> String {
    run("pdfinfo", &[path.to_str().unwrap()])
}

fn pages(path: &Path) -> u32 {
    info(path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo pages")
}

#[test]
fn every_report_passes_qpdf_check_in_both_paper_sizes() {
    let p = practice("Zoë Brandt");
    for audience in Audience::ALL {
        for (paper, size) in [(Paper::A4, "595.28 x 841.89"), (Paper::Letter, "612 x 792")] {
            let mut req = request(&p, audience);
            req.paper = paper;
            let out = pdf(&p, &req, &format!("{audience:?}-{paper:?}.pdf"));
            run("qpdf", &["--check", out.to_str().unwrap()]);
            assert!(
                info(&out).contains(size),
                "{audience:?} {paper:?}: {}",
                info(&out)
            );
        }
    }
    let mut empty = request(&p, Audience::Client);
    (empty.from, empty.to) = (date("2025-01-01"), date("2025-01-31"));
    run(
        "qpdf",
        &["--check", pdf(&p, &empty, "empty.pdf").to_str().unwrap()],
    );
}

#[test]
fn client_report_has_goals_takeaways_lessons_and_no_private_notes() {
    let p = practice("Zoë Brandt");
    let t = text(&pdf(&p, &request(&p, Audience::Client), "client.pdf"));
    for want in [
        "Delegate outcomes to the team",
        TAKEAWAY,
        NEXT,
        LESSON,
        "Run the incident bridge",
    ] {
        assert!(t.contains(want), "client report lacks {want}:\n{t}");
    }
    for canary in NOT_FOR_CLIENT {
        assert!(!t.contains(canary), "client report leaks {canary}");
    }
    // Markdown is drawn, not printed: list bullets, no asterisks.
    assert!(t.contains("• Hand over outcomes"), "{t}");
    assert!(!t.contains("- Hand over"), "{t}");
}

#[test]
fn sponsor_report_has_numbers_and_no_note_or_debrief_text() {
    let p = practice("Zoë Brandt");
    let t = text(&pdf(&p, &request(&p, Audience::Sponsor), "sponsor.pdf"));
    for canary in NOT_FOR_SPONSOR {
        assert!(!t.contains(canary), "sponsor report leaks {canary}:\n{t}");
    }
    assert!(t.contains("Delegate outcomes to the team"), "{t}");
    assert!(t.contains("2 (2 h)"), "two held sessions, two hours:\n{t}");
    assert!(t.contains("Real crisis"), "{t}");
    // The exposure's title is the coach's working material too.
    assert!(!t.contains("Run the incident bridge"), "{t}");
}

#[test]
fn coach_report_has_everything_and_every_page_says_confidential() {
    let p = practice("Zoë Brandt");
    let out = pdf(&p, &request(&p, Audience::Coach), "coach.pdf");
    let t = text(&out);
    for canary in NOT_FOR_SPONSOR {
        assert!(t.contains(canary), "coach report lacks {canary}:\n{t}");
    }
    for page in 1..=pages(&out) {
        assert!(
            page_text(&out, page).contains("Confidential — coach’s file")
                || page_text(&out, page).contains("Confidential — coach's file")
        );
    }
}

#[test]
fn every_page_has_coach_client_period_and_page_x_of_y() {
    let mut p = practice("Zoë Brandt");
    long_history(&mut p, 30);
    let out = pdf(&p, &request(&p, Audience::Coach), "long.pdf");
    let n = pages(&out);
    assert!(n >= 3, "{n} pages");
    for page in 1..=n {
        let t = page_text(&out, page);
        for want in [
            "Søren Ødegård",
            "PCC, ICF",
            "Zoë Brandt",
            "1 Mar 2026 – 31 Mar 2026",
        ] {
            assert!(t.contains(want), "page {page} lacks {want}:\n{t}");
        }
        assert!(
            t.contains(&format!("page {page} of {n}")),
            "page {page}:\n{t}"
        );
    }
}

/// `n` more held sessions in March with long Markdown notes.
fn long_history(p: &mut Practice, n: usize) {
    for i in 0..n {
        let mut s = session_details(vec![p.goal]);
        s.starts_at = local(&format!("2026-03-{:02}T14:00:00+01:00", 1 + i % 28));
        s.notes = "A long paragraph about the week's work and what came of it. ".repeat(12);
        s.takeaways = "- one thing\n- another thing\n\n".repeat(4);
        s.private_notes = "Thoughts ".repeat(80);
        p.t.store.create_session(p.client, s).unwrap();
    }
}

#[test]
fn page_count_grows_with_content() {
    let mut p = practice("Zoë Brandt");
    let before: Vec<u32> = Audience::ALL
        .iter()
        .map(|a| {
            report::render(&p.t.store, &request(&p, *a), now())
                .unwrap()
                .pages
        })
        .collect();
    long_history(&mut p, 20);
    for (a, before) in Audience::ALL.iter().zip(before) {
        let after = report::render(&p.t.store, &request(&p, *a), now())
            .unwrap()
            .pages;
        match a {
            // The sponsor sees counts only: more sessions, same length.
            Audience::Sponsor => assert_eq!(after, before),
            _ => assert!(after > before, "{a:?}: {before} → {after} pages"),
        }
    }
}

#[test]
fn no_text_falls_outside_the_page_box() {
    let mut p = practice("Zoë Brandt-Łukasiewicz-Şulemanoğlu of the Very Long Name Family");
    long_history(&mut p, 6);
    let mut s = session_details(vec![p.goal]);
    s.starts_at = local("2026-03-03T10:00:00+01:00");
    s.takeaways = format!("{}\n\n- {}", "W".repeat(400), "unbroken".repeat(40));
    p.t.store.create_session(p.client, s).unwrap();
    for audience in Audience::ALL {
        for paper in [Paper::A4, Paper::Letter] {
            let mut req = request(&p, audience);
            req.paper = paper;
            let out = pdf(&p, &req, "bbox.pdf");
            let html = run("pdftotext", &["-bbox", out.to_str().unwrap(), "-"]);
            let (mut w, mut h, mut words) = (0.0, 0.0, 0);
            for line in html.lines().map(str::trim) {
                if line.starts_with("<page") {
                    w = attr(line, "width");
                    h = attr(line, "height");
                } else if line.starts_with("<word") {
                    words += 1;
                    let (x0, y0, x1, y1) = (
                        attr(line, "xMin"),
                        attr(line, "yMin"),
                        attr(line, "xMax"),
                        attr(line, "yMax"),
                    );
                    // Inside the 56 pt margins left and right, and on the page.
                    assert!(
                        x0 >= 55.0 && x1 <= w - 55.0 && y0 >= 0.0 && y1 <= h,
                        "{audience:?} {paper:?}: word outside the page box ({w}×{h}): {line}"
                    );
                }
            }
            assert!(words > 100, "{words} words");
        }
    }
}

fn attr(line: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = line.find(&key).expect("attribute") + key.len();
    let end = line[start..].find('"').unwrap() + start;
    line[start..end].parse().unwrap()
}

#[test]
fn names_outside_ascii_extract_and_missing_glyphs_show_a_placeholder() {
    let p = practice("Zoë Łukasz Şule 中文");
    let out = pdf(&p, &request(&p, Audience::Client), "names.pdf");
    let t = text(&out);
    for name in ["Zoë Łukasz Şule", "Søren Ødegård"] {
        assert!(t.contains(name), "{name} not extracted:\n{t}");
    }
    // The font has no CJK: one dotted circle per character, never garbage; the title
    // metadata keeps the real name.
    assert!(t.contains("Şule ◌◌"), "{t}");
    assert!(!t.contains('\u{FFFD}'), "{t}");
    let i = info(&out);
    assert!(
        i.contains("Title:") && i.contains("Zoë Łukasz Şule 中文"),
        "{i}"
    );
    assert!(i.contains("Author:          Søren Ødegård"), "{i}");
    assert!(i.contains("CreationDate:"), "{i}");
}

#[test]
fn the_logo_is_embedded_and_fonts_are_subset() {
    let p = practice("Zoë Brandt");
    let out = pdf(&p, &request(&p, Audience::Client), "logo.pdf");
    let images = run("pdfimages", &["-list", out.to_str().unwrap()]);
    assert!(images.lines().count() >= 3, "no image:\n{images}");
    let fonts = run("pdffonts", &[out.to_str().unwrap()]);
    assert!(fonts.contains("NotoSans"), "{fonts}");
    // Subset: three faces in well under the 1.5 MB of the whole fonts.
    let size = std::fs::metadata(&out).unwrap().len();
    assert!(size < 150_000, "{size} bytes");
}

#[test]
fn an_empty_period_says_so_on_one_page() {
    let p = practice("Zoë Brandt");
    for audience in Audience::ALL {
        let mut req = request(&p, audience);
        (req.from, req.to) = (date("2025-06-01"), date("2025-06-30"));
        let out = pdf(&p, &req, "empty.pdf");
        assert_eq!(pages(&out), 1);
        let t = text(&out);
        assert!(t.contains("Nothing was recorded for Zoë Brandt"), "{t}");
    }
}

#[test]
fn bad_requests_are_refused_naming_the_field() {
    let p = practice("Zoë Brandt");
    let mut req = request(&p, Audience::Client);
    req.to = date("2026-02-01");
    let e = report::render(&p.t.store, &req, now()).unwrap_err();
    assert_eq!(e.field(), Some("report.to"));
    assert_eq!(e.to_string(), "report.to: must be on or after report.from");
    req = request(&p, Audience::Client);
    req.client_id = Uuid::new_v4();
    assert_eq!(
        report::render(&p.t.store, &req, now()).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        "boss".parse::<Audience>().unwrap_err().field(),
        Some("report.audience")
    );
    assert_eq!(
        "a5".parse::<Paper>().unwrap_err().field(),
        Some("report.paper")
    );
}

#[test]
fn write_leaves_nothing_behind_on_error_and_keeps_an_old_file() {
    let p = practice("Zoë Brandt");
    let dir = p.t.dir.path().join("reports");
    std::fs::create_dir(&dir).unwrap();
    let out = dir.join("r.pdf");
    std::fs::write(&out, b"old").unwrap();
    let mut bad = request(&p, Audience::Client);
    bad.client_id = Uuid::new_v4();
    assert!(report::write(&p.t.store, &bad, now(), &out).is_err());
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    let missing = dir.join("no-such-folder").join("r.pdf");
    assert!(report::write(&p.t.store, &request(&p, Audience::Client), now(), &missing).is_err());
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["r.pdf"], "stray files: {names:?}");
}

#[test]
fn preview_is_page_one_as_svg_without_inline_styles() {
    let p = practice("Zoë & <Brandt>");
    for audience in Audience::ALL {
        let req = request(&p, audience);
        let v = report::preview(&p.t.store, &req, now()).unwrap();
        let r = report::render(&p.t.store, &req, now()).unwrap();
        assert_eq!(v.pages, r.pages);
        assert!(v.svg.starts_with("<svg ") && v.svg.ends_with("</svg>"));
        assert!(!v.svg.contains(" style="), "inline style in the preview");
        assert!(v.svg.contains("Zoë &amp; &lt;Brandt&gt;"));
        assert!(v.svg.contains("page 1 of"));
        assert!(v.svg.contains("data:image/png;base64,"), "logo");
        if audience == Audience::Sponsor {
            assert!(!v.svg.contains("Canary"));
        }
    }
}

#[test]
fn the_request_serialises_like_the_rest_of_the_api() {
    let p = practice("Zoë Brandt");
    let json = serde_json::to_value(request(&p, Audience::Sponsor)).unwrap();
    assert_eq!(json["audience"], "sponsor");
    assert_eq!(json["paper"], "a4");
    assert_eq!(json["client_id"], p.client.to_string());
    assert_eq!(json["from"], "2026-03-01");
}

#[test]
fn a_jpeg_logo_is_embedded_too_and_a_missing_one_is_no_gap() {
    let mut p = practice("Zoë Brandt");
    let jpeg = Command::new("convert")
        .args(["-size", "80x40", "xc:#1d4e89", "jpg:-"])
        .output()
        .expect("convert (imagemagick)")
        .stdout;
    let mut coach = p.t.store.coach().unwrap();
    coach.logo = Some(Logo::from_bytes("image/jpeg".into(), &jpeg));
    p.t.store.set_coach(&coach).unwrap();
    let out = pdf(&p, &request(&p, Audience::Sponsor), "jpeg.pdf");
    let images = run("pdfimages", &["-list", out.to_str().unwrap()]);
    assert!(images.contains("80    40"), "{images}");
    coach.logo = None;
    p.t.store.set_coach(&coach).unwrap();
    let out = pdf(&p, &request(&p, Audience::Sponsor), "none.pdf");
    let images = run("pdfimages", &["-list", out.to_str().unwrap()]);
    assert_eq!(images.lines().count(), 2, "{images}");
    assert!(text(&out).contains("Søren Ødegård"));
}
