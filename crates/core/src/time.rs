//! Dates and instants, and how they cross the FFI boundary.
//!
//! Calendar dates are [`chrono::NaiveDate`] (ISO `YYYY-MM-DD` in files; `java.time.LocalDate` in
//! Kotlin; an ISO string in Swift). Instants are [`Timestamp`] (RFC 3339 UTC in files;
//! `java.time.Instant` in Kotlin; `Date` in Swift).

#[cfg(feature = "uniffi")]
use crate::code::InputCode;
use chrono::{DateTime, NaiveDate, Utc};

/// A point in time, in UTC.
pub type Timestamp = DateTime<Utc>;

// A string that is not a date this library can hold (Swift passes dates as strings; Kotlin's
// `LocalDate.MAX` is beyond chrono's range) is lifted into a `BrobyggerError::Parse`, so every
// exported function taking a date (all of them return `Result`) throws it as a typed error.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |s| Ok(lift_date(&s)?),
});

/// Reads a date crossing the FFI; the error never quotes the input.
#[cfg(feature = "uniffi")]
pub(crate) fn lift_date(s: &str) -> Result<NaiveDate, crate::error::BrobyggerError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| crate::error::BrobyggerError::Parse {
        code: InputCode::BadDate.into(),
        path: String::new(),
        line: 0,
        column: 0,
        reason: "not a calendar date in ISO form YYYY-MM-DD between the years -262143 and 262142"
            .to_owned(),
    })
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Timestamp, std::time::SystemTime, {
    remote,
    lower: |t| std::time::SystemTime::from(t),
    try_lift: |s| Ok(lift_instant(s)?),
});

/// Reads an instant crossing the FFI. chrono holds about ±262,000 years; an instant outside
/// (Kotlin's `Instant.MAX`) is a `BrobyggerError::Parse`, not chrono's panic.
#[cfg(feature = "uniffi")]
pub(crate) fn lift_instant(
    t: std::time::SystemTime,
) -> Result<Timestamp, crate::error::BrobyggerError> {
    let (secs, nanos) = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => (i64::try_from(d.as_secs()).ok(), d.subsec_nanos()),
        // Before 1970: whole seconds down, nanoseconds up, as chrono counts them.
        Err(e) => {
            let d = e.duration();
            let secs = i64::try_from(d.as_secs()).ok().map(|s| -s);
            match d.subsec_nanos() {
                0 => (secs, 0),
                n => (secs.and_then(|s| s.checked_sub(1)), 1_000_000_000 - n),
            }
        }
    };
    secs.and_then(|s| DateTime::from_timestamp(s, nanos))
        .ok_or_else(|| crate::error::BrobyggerError::Parse {
            code: InputCode::BadInstant.into(),
            path: String::new(),
            line: 0,
            column: 0,
            reason: "an instant outside the years -262143 to 262142".to_owned(),
        })
}

/// Parses a date as people write it: ISO (`2024-03-01`) or day first, as Danish spreadsheets
/// show it (`01-03-2024`, `01.03.2024`). The same forms every spreadsheet cell accepts.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// Midnight UTC at the start of `date`, for recording day-precision events as instants.
pub fn start_of_day(date: NaiveDate) -> Timestamp {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}
