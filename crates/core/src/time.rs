//! Dates and instants, and how they cross the FFI boundary.
//!
//! Calendar dates are [`chrono::NaiveDate`] (ISO `YYYY-MM-DD` in files; `java.time.LocalDate` in
//! Kotlin; an ISO string in Swift). Instants are [`Timestamp`] (RFC 3339 UTC in files;
//! `java.time.Instant` in Kotlin; `Date` in Swift).

use chrono::{DateTime, NaiveDate, Utc};

/// A point in time, in UTC.
pub type Timestamp = DateTime<Utc>;

#[cfg(feature = "uniffi")]
uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |s| Ok(NaiveDate::parse_from_str(&s, "%Y-%m-%d")?),
});

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Timestamp, std::time::SystemTime, {
    remote,
    lower: |t| std::time::SystemTime::from(t),
    try_lift: |s| Ok(DateTime::<Utc>::from(s)),
});

/// Parses an ISO date (`2024-03-01`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Midnight UTC at the start of `date`, for recording day-precision events as instants.
pub fn start_of_day(date: NaiveDate) -> Timestamp {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}
