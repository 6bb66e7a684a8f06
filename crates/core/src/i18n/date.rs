//! Dates as a reader writes them in prose: `3. december 2026` in Danish, `3 December 2026` in
//! English. Data (files, CSV, tables for programs) keeps ISO `2026-12-03`: [`iso`].

use super::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name (1 to 12) in `lang`: `december` (Danish writes months in lower case),
/// `December`.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let i = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
    match lang {
        Lang::Da => MONTHS_DA[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// The date in prose: `3. december 2026` (da), `3 December 2026` (en). Years before 1 and
/// after 9999 are written as chrono holds them (`-44`, `+12345`).
pub fn long(lang: Lang, d: NaiveDate) -> String {
    let year = d.year();
    let month = month_name(lang, d.month());
    match lang {
        Lang::Da => format!("{}. {month} {year}", d.day()),
        Lang::En => format!("{} {month} {year}", d.day()),
    }
}

/// The date for data: ISO 8601 `2026-12-03`, the same in both languages.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_dane_writes_the_day_with_a_full_stop() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        assert_eq!(long(Lang::Da, d), "3. december 2026");
        assert_eq!(long(Lang::En, d), "3 December 2026");
        assert_eq!(iso(d), "2026-12-03");
    }

    proptest! {
        #[test]
        fn every_date_chrono_holds_is_written(days in (NaiveDate::MIN.num_days_from_ce())..=(NaiveDate::MAX.num_days_from_ce())) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default();
            let da = long(Lang::Da, d);
            let en = long(Lang::En, d);
            let day = format!("{}. ", d.day());
            prop_assert!(da.starts_with(&day));
            prop_assert!(da.contains(MONTHS_DA[d.month0() as usize]));
            prop_assert!(en.contains(MONTHS_EN[d.month0() as usize]));
            prop_assert!(da.ends_with(&d.year().to_string()));
        }
    }
}
