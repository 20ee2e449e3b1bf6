//! Dates, times and durations as people type them in spreadsheets, platform exports and
//! file names. A date like `03/04/2026` reads two ways; the caller decides which from the
//! other values of the column (`31/12/2026` settles it) or asks the coach.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// How a numeric date with the year last is read: `31/12/2026` or `12/31/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// A date (and maybe a time, maybe an offset) read from one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Only when the text said it (`2026-03-14T10:00:00+01:00`).
    pub offset: Option<FixedOffset>,
}

/// What one value tells about the column's day/month order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// ISO, a month name, a dotted date: reads one way only.
    None,
    /// Both numbers are 12 or less: reads both ways.
    Ambiguous,
    /// Only one reading is a real date.
    Only(DateOrder),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    // "sept" is a common spelling too.
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .position(|m| w.starts_with(m) && is_month_word(w, m))
        .map(|i| i as u32 + 1)
}

fn is_month_word(w: &str, m: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    w == m || FULL.iter().any(|f| f.starts_with(w) && f.starts_with(m))
}

fn year_of(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(y),
        // Two-digit years: 26 is 2026, 85 is 1985.
        2 if y < 70 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

fn small(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A time of day: `14:30`, `14:30:00`, `2:30 PM`, `2pm`, `14.30`, `14h30`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    let (t, pm) = if let Some(rest) = t.strip_suffix("pm").or_else(|| t.strip_suffix("p.m.")) {
        (rest.trim(), Some(true))
    } else if let Some(rest) = t.strip_suffix("am").or_else(|| t.strip_suffix("a.m.")) {
        (rest.trim(), Some(false))
    } else {
        (t.as_str(), None)
    };
    let parts: Vec<&str> = t.split([':', '.', 'h']).collect();
    let (h, m, s) = match parts.as_slice() {
        [h] if pm.is_some() => (small(h)?, 0, 0),
        [h, m] => (small(h)?, small(m)?, 0),
        [h, m, s] => (small(h)?, small(m)?, s.split('.').next().and_then(small)?),
        _ => return None,
    };
    let h = match pm {
        Some(true) if (1..12).contains(&h) => h + 12,
        Some(false) if h == 12 => 0,
        Some(_) if !(1..=12).contains(&h) => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// The numbers of a `a/b/yyyy` date (also `-` and `.`), and the separator.
fn numeric(text: &str) -> Option<(u32, u32, i32, char)> {
    let sep = ['/', '-', '.'].into_iter().find(|s| text.contains(*s))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    Some((small(a)?, small(b)?, year_of(y)?, sep))
}

pub(super) fn iso(text: &str) -> Option<NaiveDate> {
    let sep = ['-', '/', '.', '_']
        .into_iter()
        .find(|s| text.contains(*s))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, small(m)?, small(d)?)
}

/// Splits a value into its date words and its time words.
fn split(text: &str) -> (Vec<&str>, Vec<&str>) {
    let mut date = Vec::new();
    let mut time = Vec::new();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let is_time = w.contains(':')
            || matches!(lower.as_str(), "am" | "pm" | "a.m." | "p.m.")
            || (i + 1 < words.len() && matches!(words[i + 1].to_lowercase().as_str(), "am" | "pm"));
        if is_time {
            time.push(*w);
        } else {
            date.push(*w);
        }
    }
    (date, time)
}

/// How `text` bears on the day/month order (see [`Evidence`]); `None` for a value that is
/// not a date at all.
pub fn evidence(text: &str) -> Option<Evidence> {
    let text = text.trim();
    let (date, _) = split(text);
    if let [one] = date.as_slice()
        && let Some((a, b, _, sep)) = numeric(one)
        && iso(one).is_none()
    {
        // Dotted dates are day-first wherever they are written (14.03.2026).
        if sep == '.' {
            return Some(Evidence::None);
        }
        return Some(match (a > 12, b > 12) {
            // 03/03/2026 is the same day either way.
            _ if a == b => Evidence::None,
            (false, false) => Evidence::Ambiguous,
            (true, false) => Evidence::Only(DateOrder::DayFirst),
            (false, true) => Evidence::Only(DateOrder::MonthFirst),
            (true, true) => return None,
        });
    }
    parse(text, Some(DateOrder::DayFirst))
        .ok()
        .map(|_| Evidence::None)
}

/// Why a value is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// `03/04/2026` with no order given.
    Ambiguous,
    Invalid(String),
}

/// A date, maybe with a time and an offset: ISO (`2026-03-14`, `2026-03-14 10:30`,
/// RFC 3339), `31/12/2026`, `12/31/2026` (by `order`), `14.03.2026`, `14 Mar 2026`,
/// `March 14, 2026`, each maybe followed by a time (`2:30 PM`).
pub fn parse(text: &str, order: Option<DateOrder>) -> Result<When, DateError> {
    let text = text.trim();
    let bad = || {
        DateError::Invalid(format!(
            "{text:?} is not a date (expected 2026-03-14, 14/03/2026, 03/14/2026 or 14 Mar 2026)"
        ))
    };
    if text.is_empty() {
        return Err(DateError::Invalid("is empty".to_string()));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(When {
            date: t.date_naive(),
            time: Some(t.time()),
            offset: Some(*t.offset()),
        });
    }
    // `2026-03-14T10:30` (no offset), as Obsidian writes date-time properties.
    let (date_text, t_time) = match text.split_once('T') {
        Some((d, t)) if iso(d).is_some() => (d, Some(t)),
        _ => (text, None),
    };
    let (date_words, time_words) = split(date_text);
    let time = match t_time
        .map(str::to_string)
        .or_else(|| (!time_words.is_empty()).then(|| time_words.join(" ")))
    {
        Some(t) => Some(parse_time(&t).ok_or_else(|| {
            DateError::Invalid(format!(
                "{t:?} is not a time of day (expected 14:30 or 2:30 PM)"
            ))
        })?),
        None => None,
    };
    let date = match date_words.as_slice() {
        [one] => {
            if let Some(d) = iso(one) {
                d
            } else if let Some((a, b, y, sep)) = numeric(one) {
                // Dotted dates are day-first wherever they are written; 31/12 can only be.
                let order = if sep == '.' || (a > 12 && b <= 12) {
                    DateOrder::DayFirst
                } else if (b > 12 && a <= 12) || a == b {
                    DateOrder::MonthFirst
                } else {
                    order.ok_or(DateError::Ambiguous)?
                };
                let (d, m) = match order {
                    DateOrder::DayFirst => (a, b),
                    DateOrder::MonthFirst => (b, a),
                };
                NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)?
            } else {
                named(&[one]).ok_or_else(bad)?
            }
        }
        words => named(words).ok_or_else(bad)?,
    };
    Ok(When {
        date,
        time,
        offset: None,
    })
}

/// `14 Mar 2026`, `Mar 14 2026`, `Saturday 14 March 2026`, `14-Mar-2026`.
fn named(words: &[&str]) -> Option<NaiveDate> {
    let words: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty())
        .filter(|w| !WEEKDAYS.iter().any(|d| w.to_lowercase().starts_with(d)))
        .collect();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for w in &words {
        let w = w.trim_end_matches('.');
        if let Some(m) = month_of(w) {
            month.get_or_insert(m);
        } else if w.len() == 4 {
            year = Some(w.parse().ok()?);
        } else {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            day = Some(small(digits)?);
        }
    }
    if words.len() != 3 {
        return None;
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Minutes from `60`, `60 min`, `1h`, `1.5 h`, `1:30`, `1h30`, `90 minutes`, `1 hour`.
pub fn parse_duration(text: &str) -> Option<i32> {
    let t = text.trim().to_lowercase().replace(',', ".");
    if t.is_empty() {
        return None;
    }
    if let Some((h, m)) = t.split_once(':') {
        return Some(small_int(h)? * 60 + small_int(m)?);
    }
    let number_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(number_end);
    let value: f64 = number.parse().ok()?;
    let unit = unit.trim();
    let minutes = match unit {
        "" | "m" | "min" | "mins" | "minute" | "minutes" => value,
        "h" | "hr" | "hrs" | "hour" | "hours" => value * 60.0,
        _ => {
            // `1h30`, `1 h 30 min`
            let rest = unit
                .strip_prefix("hours")
                .or_else(|| unit.strip_prefix("hour"))
                .or_else(|| unit.strip_prefix("hrs"))
                .or_else(|| unit.strip_prefix('h'))?
                .trim();
            let rest = rest
                .trim_end_matches("minutes")
                .trim_end_matches("mins")
                .trim_end_matches("min")
                .trim_end_matches('m')
                .trim();
            value * 60.0 + f64::from(small_int(rest)?)
        }
    };
    if !minutes.is_finite() || minutes.fract() != 0.0 || !(0.0..=100_000.0).contains(&minutes) {
        return None;
    }
    Some(minutes as i32)
}

fn small_int(text: &str) -> Option<i32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn common_date_forms_read_as_the_same_day() {
        for text in [
            "2026-03-14",
            "14/03/2026",
            "14.03.2026",
            "14 Mar 2026",
            "March 14, 2026",
            "Sat, 14 March 2026",
            "14-Mar-2026",
            "14/03/26",
        ] {
            assert_eq!(
                parse(text, None).map(|w| w.date),
                Ok(d(2026, 3, 14)),
                "{text}"
            );
        }
        assert_eq!(
            parse("03/14/2026", None).map(|w| w.date),
            Ok(d(2026, 3, 14))
        );
    }

    #[test]
    fn a_date_that_reads_both_ways_needs_an_order() {
        assert_eq!(parse("03/04/2026", None), Err(DateError::Ambiguous));
        let dm = parse("03/04/2026", Some(DateOrder::DayFirst)).expect("dmy");
        let md = parse("03/04/2026", Some(DateOrder::MonthFirst)).expect("mdy");
        assert_eq!((dm.date, md.date), (d(2026, 4, 3), d(2026, 3, 4)));
        assert_eq!(evidence("03/04/2026"), Some(Evidence::Ambiguous));
        assert_eq!(
            evidence("31/12/2026"),
            Some(Evidence::Only(DateOrder::DayFirst))
        );
        assert_eq!(
            evidence("12/31/2026"),
            Some(Evidence::Only(DateOrder::MonthFirst))
        );
        assert_eq!(evidence("2026-04-03"), Some(Evidence::None));
        assert_eq!(evidence("03.04.2026"), Some(Evidence::None));
        assert_eq!(evidence("soon"), None);
    }

    #[test]
    fn times_ride_along_with_dates() {
        let w = parse("03/14/2026 2:30 PM", None).expect("date");
        assert_eq!(w.time, NaiveTime::from_hms_opt(14, 30, 0));
        let w = parse("2026-03-14T09:05", None).expect("date");
        assert_eq!(w.time, NaiveTime::from_hms_opt(9, 5, 0));
        let w = parse("2026-03-14T09:05:00+01:00", None).expect("date");
        assert_eq!(w.offset.map(|o| o.local_minus_utc()), Some(3600));
        assert!(matches!(
            parse("2026-03-14 25:00", None),
            Err(DateError::Invalid(_))
        ));
        assert_eq!(parse_time("12am"), NaiveTime::from_hms_opt(0, 0, 0));
        assert_eq!(parse_time("14h30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("13pm"), None);
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "31/02/2026",
            "2026-13-01",
            "32.01.2026",
            "tomorrow",
            "14 Foo 2026",
        ] {
            assert!(
                matches!(parse(text, None), Err(DateError::Invalid(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn durations_in_the_usual_spellings() {
        for (text, minutes) in [
            ("60", 60),
            ("45 min", 45),
            ("1h", 60),
            ("1.5 h", 90),
            ("1,5 hours", 90),
            ("1:30", 90),
            ("1h30", 90),
            ("90 minutes", 90),
        ] {
            assert_eq!(parse_duration(text), Some(minutes), "{text}");
        }
        assert_eq!(parse_duration("an hour"), None);
        assert_eq!(parse_duration("1.25 min"), None);
    }
}
