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
/// show it (`01-03-2024`, `01.03.2024`). The same forms every spreadsheet cell accepts. The
/// year is written with four digits: chrono's `%Y` alone reads `01-03-16` as the year 16, and a
/// two-digit year is refused rather than guessed (1916 or 2016).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    [
        ("%Y-%m-%d", '-', true),
        ("%d-%m-%Y", '-', false),
        ("%d.%m.%Y", '.', false),
    ]
    .iter()
    .find_map(|&(f, sep, year_first)| {
        // chrono writes years outside 0-9999 with a sign (`-0044-03-15`, `+10000-01-01`).
        let year = if year_first {
            s.strip_prefix(['+', '-']).unwrap_or(s).split(sep).next()
        } else {
            s.rsplit(sep).next()
        }?;
        let digits = year.strip_prefix(['+', '-']).unwrap_or(year);
        if digits.len() < 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        NaiveDate::parse_from_str(s, f).ok()
    })
}

/// Midnight UTC at the start of `date`, for recording day-precision events as instants.
pub fn start_of_day(date: NaiveDate) -> Timestamp {
    date.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// Reads a date argument given as text (Python's `as_of="2024-04-01"`): the forms
/// [`parse_date`] reads, or `input.bad_date` at `argument` saying which forms are read. The
/// error never repeats the text (it could be anything a caller passed, personal data too).
pub fn parse_date_arg(s: &str, argument: &str) -> Result<NaiveDate, crate::error::BrobyggerError> {
    parse_date(s).ok_or_else(|| {
        crate::error::BrobyggerError::parse(
            crate::code::InputCode::BadDate,
            argument,
            (0, 0),
            "not a date: write YYYY-MM-DD (DD-MM-YYYY and DD.MM.YYYY are read too)",
        )
    })
}

/// Reads an instant argument given as text: RFC 3339 with an offset
/// (`2024-04-01T09:30:00Z`, `2024-04-01T11:30:00+02:00`), or a date as [`parse_date_arg`]
/// reads it, meaning the start of that day in UTC. Anything else is `input.bad_instant` at
/// `argument`; the error never repeats the text.
pub fn parse_instant_arg(
    s: &str,
    argument: &str,
) -> Result<Timestamp, crate::error::BrobyggerError> {
    let t = s.trim();
    if let Ok(i) = DateTime::parse_from_rfc3339(t) {
        return Ok(i.with_timezone(&Utc));
    }
    parse_date(t).map(start_of_day).ok_or_else(|| {
        crate::error::BrobyggerError::parse(
            crate::code::InputCode::BadInstant,
            argument,
            (0, 0),
            "not an instant: write RFC 3339 with an offset (2024-04-01T09:30:00Z) or a date (2024-04-01)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arguments_read_the_spreadsheet_forms_and_refuse_the_rest() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 1);
        for s in ["2024-04-01", "01-04-2024", "01.04.2024", " 2024-04-01 "] {
            assert_eq!(parse_date_arg(s, "as_of").ok(), d, "{s}");
        }
        for s in [
            "2024-02-30",
            "april",
            "",
            "2024/04/01",
            "01-04-24",
            "01.04.24",
            "24-04-01",
        ] {
            let e = parse_date_arg(s, "as_of")
                .err()
                .map(|e| (e.code(), e.to_string()));
            let (code, text) = e.unwrap_or_default();
            assert_eq!(code, "input.bad_date", "{s}");
            assert!(
                text.contains("as_of") && text.contains("YYYY-MM-DD"),
                "{text}"
            );
        }
    }

    #[test]
    fn every_date_chrono_holds_reads_back_from_its_iso_form_and_the_danish_forms() {
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(-44, 3, 15).unwrap_or_default(),
            NaiveDate::from_ymd_opt(16, 3, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap_or_default(),
        ] {
            assert_eq!(parse_date(&d.to_string()), Some(d), "{d}");
        }
        // A four-digit year 16 is a choice the writer made; a two-digit one is refused above.
        assert_eq!(parse_date("01-03-0016"), NaiveDate::from_ymd_opt(16, 3, 1));
    }

    #[test]
    fn instant_arguments_read_rfc3339_or_a_day() {
        let at = parse_instant_arg("2024-04-01T11:30:00+02:00", "at").ok();
        assert_eq!(
            at.map(|t| t.to_rfc3339()),
            Some("2024-04-01T09:30:00+00:00".into())
        );
        let day = parse_instant_arg("01-04-2024", "at").ok();
        assert_eq!(
            day.map(|t| t.to_rfc3339()),
            Some("2024-04-01T00:00:00+00:00".into())
        );
        let e = parse_instant_arg("2024-04-01T25:00", "at").err();
        assert_eq!(e.map(|e| e.code()), Some("input.bad_instant"));
    }
}
