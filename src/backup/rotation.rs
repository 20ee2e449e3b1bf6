//! Which backups to delete: a pure function over their time stamps, so it can be
//! property-tested without files. Grandfather-father-son: the newest backup of each of the
//! most recent days, ISO weeks and months is kept.

use chrono::{DateTime, Datelike, Utc};
use std::collections::BTreeSet;

/// A calendar bucket: (year, day of year | ISO week | month).
type BucketOf = fn(&DateTime<Utc>) -> (i32, u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

impl Default for Retention {
    /// About a year of history in ~23 files.
    fn default() -> Self {
        Retention {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

/// The stamps to delete, oldest first. The newest backup is always kept (when `daily` > 0).
pub fn to_delete(stamps: &[DateTime<Utc>], keep: Retention) -> Vec<DateTime<Utc>> {
    let mut newest_first: Vec<DateTime<Utc>> = stamps.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut kept = BTreeSet::new();
    let buckets: [(usize, BucketOf); 3] = [
        (keep.daily, |t| (t.year(), t.ordinal())),
        (keep.weekly, |t| {
            let w = t.iso_week();
            (w.year(), w.week())
        }),
        (keep.monthly, |t| (t.year(), t.month())),
    ];
    for (count, bucket_of) in buckets {
        let mut seen = BTreeSet::new();
        for t in &newest_first {
            if seen.len() == count {
                break;
            }
            // The first stamp met in a bucket is its newest.
            if seen.insert(bucket_of(t)) {
                kept.insert(*t);
            }
        }
    }
    let mut delete: Vec<DateTime<Utc>> = stamps
        .iter()
        .filter(|t| !kept.contains(*t))
        .copied()
        .collect();
    delete.sort_unstable();
    delete
}
