//! A date (and maybe a time) inside a note's file name: `2026-03-14 Session`, `14.03.2026`,
//! `2026_03_14`, `20260314`, `2026-03-14 1030 ab12cd34` (Coachbook's own Markdown export).

use super::dates::{DateError, DateOrder, Evidence, When, evidence, iso, parse};
use chrono::NaiveTime;

/// A date (and maybe a time) inside a file name: `2026-03-14 Session`, `14.03.2026`,
/// `2026_03_14`, `20260314`, `2026-03-14 1030 ab12cd34` (Coachbook's own export).
pub fn in_file_name(stem: &str, order: Option<DateOrder>) -> Option<Result<When, DateError>> {
    let (date_text, time) = date_in_name(stem)?;
    Some(parse(&date_text, order).map(|w| When { time, ..w }))
}

/// Whether a file-name date reads both ways (for the folder's ask-or-not decision).
pub fn file_name_evidence(stem: &str) -> Option<Evidence> {
    evidence(&date_in_name(stem)?.0)
}

/// The first run of digits in a file name that is a date (read either way), as date text,
/// and the `hhmm` or `hh-mm` right after it.
fn date_in_name(stem: &str) -> Option<(String, Option<NaiveTime>)> {
    let runs = digit_runs(stem);
    for (i, (start, run)) in runs.iter().enumerate() {
        let next = |k: usize| runs.get(i + k).map(|r| r.1.as_str());
        let joined = |k: usize| -> bool {
            let (Some((s, r)), Some((s2, _))) = (runs.get(i + k - 1), runs.get(i + k)) else {
                return false;
            };
            let sep = stem[s + r.len()..].chars().next();
            sep.is_some_and(|c| "-._".contains(c) && *s2 == s + r.len() + 1)
        };
        let end = |k: usize| runs.get(i + k).map_or(0, |r| r.0 + r.1.len());
        let candidate = match (run.len(), next(1), next(2)) {
            (4, Some(_), Some(_)) if joined(1) && joined(2) => {
                Some((stem[*start..end(2)].to_string(), i + 3))
            }
            (1 | 2, Some(b), Some(y)) if b.len() <= 2 && y.len() == 4 && joined(1) && joined(2) => {
                Some((stem[*start..end(2)].replace('_', "-"), i + 3))
            }
            (8, _, _) => {
                let text = format!("{}-{}-{}", &run[..4], &run[4..6], &run[6..]);
                iso(&text).map(|_| (text, i + 1))
            }
            _ => None,
        };
        let Some((date_text, after)) = candidate else {
            continue;
        };
        let readable = [DateOrder::DayFirst, DateOrder::MonthFirst]
            .into_iter()
            .any(|o| parse(&date_text, Some(o)).is_ok());
        if !readable {
            continue;
        }
        let time = match (runs.get(after), runs.get(after + 1)) {
            (Some((_, hm)), _) if hm.len() == 4 => {
                NaiveTime::from_hms_opt(hm[..2].parse().ok()?, hm[2..].parse().ok()?, 0)
            }
            (Some((s1, h)), Some((s2, m))) if h.len() == 2 && m.len() == 2 && *s2 == s1 + 3 => {
                NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
            }
            _ => None,
        };
        return Some((date_text, time));
    }
    None
}

fn digit_runs(text: &str) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            current.get_or_insert_with(|| (i, String::new())).1.push(c);
        } else if let Some(run) = current.take() {
            runs.push(run);
        }
    }
    runs.extend(current);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn dates_in_file_names() {
        let at = |stem: &str| in_file_name(stem, None).and_then(Result::ok);
        assert_eq!(
            at("2026-03-14 Session").map(|w| w.date),
            Some(d(2026, 3, 14))
        );
        assert_eq!(at("14.03.2026").map(|w| w.date), Some(d(2026, 3, 14)));
        assert_eq!(
            at("Session 2026_03_14").map(|w| w.date),
            Some(d(2026, 3, 14))
        );
        assert_eq!(at("20260314 notes").map(|w| w.date), Some(d(2026, 3, 14)));
        let own = at("2026-03-14 1030 ab12cd34").expect("export name");
        assert_eq!(own.time, NaiveTime::from_hms_opt(10, 30, 0));
        assert_eq!(at("Ana Souza"), None);
        assert_eq!(
            in_file_name("03-04-2026", None),
            Some(Err(DateError::Ambiguous))
        );
        assert_eq!(
            file_name_evidence("13-04-2026"),
            Some(Evidence::Only(DateOrder::DayFirst))
        );
    }
}
