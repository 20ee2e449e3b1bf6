//! Small rule checks shared by the nouns. Each returns `Error::Invalid` naming the field.

use crate::{Error, Result};
use chrono::NaiveDate;

pub const SHORT_TEXT_MAX: usize = 200;
/// A long note is a few thousand words; 200k characters is far beyond any real session.
pub const LONG_TEXT_MAX: usize = 200_000;

pub fn required(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    max_len(field, value, SHORT_TEXT_MAX)
}

pub fn max_len(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(())
}

pub fn short(field: &str, value: &str) -> Result<()> {
    max_len(field, value, SHORT_TEXT_MAX)
}

pub fn long(field: &str, value: &str) -> Result<()> {
    max_len(field, value, LONG_TEXT_MAX)
}

/// Empty, or one `@` with text on both sides and no spaces.
pub fn email(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    short(field, value)?;
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            "must be an email address like name@example.com",
        ))
    }
}

pub fn in_range(field: &str, value: i32, min: i32, max: i32) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("must be between {min} and {max} (got {value})"),
        ))
    }
}

/// `later` may not come before `earlier` when both are set.
pub fn date_order(
    earlier_field: &str,
    earlier: Option<NaiveDate>,
    later_field: &str,
    later: Option<NaiveDate>,
) -> Result<()> {
    if let (Some(a), Some(b)) = (earlier, later)
        && b < a
    {
        return Err(Error::invalid(
            later_field,
            format!("must not be before {earlier_field} ({a})"),
        ));
    }
    Ok(())
}

pub fn no_duplicates<T: PartialEq + std::fmt::Display>(field: &str, items: &[T]) -> Result<()> {
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            return Err(Error::invalid(field, format!("lists {item} twice")));
        }
    }
    Ok(())
}
