//! Time stamps are stored as RFC 3339 text exactly as given (new ones are cut to milliseconds), so a value read back
//! is exactly the value written (the export round trip depends on it).

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

pub fn to_text(ts: &DateTime<Utc>) -> String {
    ts.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
