//! Numbers as a reader of each language writes them: `1.234,5` and `81 %` in Danish, `1,234.5`
//! and `81%` in English.
//!
//! These are for prose, tables and reports. Data (JSON, CSV, TOML) keeps the decimal point and
//! no grouping, so a spreadsheet or a program reads it the same in every language.

use super::Lang;

/// The decimal separator: `,` in Danish, `.` in English.
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Da => ',',
        Lang::En => '.',
    }
}

/// The thousands separator: `.` in Danish, `,` in English.
pub fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::Da => '.',
        Lang::En => ',',
    }
}

/// Writes `digits` (ASCII digits only) grouped by three from the right: `1234567` →
/// `1.234.567`. Four-digit numbers are grouped too (`1.234`), as the Danish style guides
/// allow and tables need for aligned columns.
fn group(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Joins a sign, grouped integer digits and fraction digits (may be empty) in `lang`.
fn assemble(lang: Lang, negative: bool, int: &str, frac: &str) -> String {
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group(int, thousands_separator(lang)));
    if !frac.is_empty() {
        out.push(decimal_separator(lang));
        out.push_str(frac);
    }
    out
}

/// A whole number with thousands separators: `1.234` (da), `1,234` (en).
pub fn integer(lang: Lang, n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let digits = n.unsigned_abs().to_string();
    assemble(lang, n < 0, &digits, "")
}

/// What a number that is not finite is written as.
fn not_finite(x: f64) -> String {
    if x.is_nan() {
        "–".to_owned()
    } else if x > 0.0 {
        "∞".to_owned()
    } else {
        "-∞".to_owned()
    }
}

/// Splits `x` rounded to `decimals` places into (negative, integer digits, fraction digits).
///
/// Rounds the digits a reader sees (the shortest decimal that reads back as `x`, so `18.45` is
/// `18.45` and not the binary value just below it) half away from zero, as people round in a
/// report: `12.5` to no places is `13`, `0.125` to two is `0.13`. A value that rounds to zero
/// has no sign (`-0,001` to two places is `0,00`, not `-0,00`).
fn parts(x: f64, decimals: usize) -> (bool, String, String) {
    // `Display` for f64 writes the shortest digits that read back, never an exponent.
    let shown = x.abs().to_string();
    let (int, frac) = shown.split_once('.').unwrap_or((shown.as_str(), ""));
    let mut digits: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals))
        .collect();
    if frac.as_bytes().get(decimals).is_some_and(|d| *d >= b'5') {
        let mut carried = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carried = false;
                break;
            }
        }
        if carried {
            digits.insert(0, b'1');
        }
    }
    let (int, frac) = digits.split_at(digits.len() - decimals);
    let int = String::from_utf8_lossy(int).into_owned();
    let frac = String::from_utf8_lossy(frac).into_owned();
    let zero = int.bytes().all(|b| b == b'0') && frac.bytes().all(|b| b == b'0');
    (x.is_sign_negative() && !zero, int, frac)
}

/// A number with exactly `decimals` decimals: `6,12` (da), `6.12` (en) for `6.1234` and 2.
pub fn fixed(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return not_finite(x);
    }
    let (negative, int, frac) = parts(x, decimals);
    assemble(lang, negative, &int, &frac)
}

/// A number with at most `max_decimals` decimals and no trailing zeros: `18,4` (da) and `18.4`
/// (en) for `18.4` and 2; `5` for `5.0`.
pub fn decimal(lang: Lang, x: f64, max_decimals: usize) -> String {
    if !x.is_finite() {
        return not_finite(x);
    }
    let (negative, int, frac) = parts(x, max_decimals);
    assemble(lang, negative, &int, frac.trim_end_matches('0'))
}

/// A share (0 to 1) as a whole percentage: `81 %` in Danish (with the space Danish writes),
/// `81%` in English.
pub fn percent(lang: Lang, share: f64) -> String {
    percent_with(lang, share, 0)
}

/// A share (0 to 1) as a percentage with at most `max_decimals` decimals: `12,5 %`, `12.5%`.
pub fn percent_with(lang: Lang, share: f64, max_decimals: usize) -> String {
    let value = decimal(lang, share * 100.0, max_decimals);
    match lang {
        Lang::Da => format!("{value} %"),
        Lang::En => format!("{value}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn danish_uses_a_decimal_comma_and_point_grouping() {
        assert_eq!(decimal(Lang::Da, 18.4, 1), "18,4");
        assert_eq!(decimal(Lang::En, 18.4, 1), "18.4");
        assert_eq!(fixed(Lang::Da, 24.39, 2), "24,39");
        assert_eq!(fixed(Lang::Da, 6.1234, 2), "6,12");
        assert_eq!(integer(Lang::Da, 1234), "1.234");
        assert_eq!(integer(Lang::En, 1234), "1,234");
        assert_eq!(integer(Lang::Da, 999), "999");
        assert_eq!(integer(Lang::Da, -1_234_567), "-1.234.567");
        assert_eq!(decimal(Lang::Da, 12345.5, 2), "12.345,5");
        assert_eq!(decimal(Lang::Da, 5.0, 2), "5");
        assert_eq!(decimal(Lang::Da, -0.001, 2), "0");
        assert_eq!(fixed(Lang::Da, -0.001, 2), "0,00");
        assert_eq!(percent(Lang::Da, 0.81), "81 %");
        assert_eq!(percent(Lang::En, 0.81), "81%");
        assert_eq!(percent_with(Lang::Da, 0.125, 1), "12,5 %");
        assert_eq!(decimal(Lang::Da, f64::NAN, 2), "–");
        assert_eq!(integer(Lang::Da, i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn halves_round_away_from_zero_as_a_reader_rounds() {
        assert_eq!(percent(Lang::Da, 0.625), "63 %");
        assert_eq!(percent(Lang::En, 0.125), "13%");
        assert_eq!(fixed(Lang::Da, 2.5, 0), "3");
        assert_eq!(fixed(Lang::Da, -2.5, 0), "-3");
        assert_eq!(decimal(Lang::En, 0.125, 2), "0.13");
        // 18.45 is written 18.45 (the binary value is a hair below): a half, rounded up.
        assert_eq!(decimal(Lang::Da, 18.45, 1), "18,5");
        assert_eq!(fixed(Lang::Da, 999.96, 1), "1.000,0");
        assert_eq!(fixed(Lang::En, 9.999, 2), "10.00");
        assert_eq!(decimal(Lang::Da, 1e-7, 2), "0");
        assert_eq!(fixed(Lang::En, 1e21, 1), "1,000,000,000,000,000,000,000.0");
    }

    /// Reads a number written by this module back, for the round-trip property.
    fn parse(lang: Lang, s: &str) -> Option<f64> {
        let plain: String = s
            .chars()
            .filter(|c| *c != thousands_separator(lang))
            .map(|c| if c == decimal_separator(lang) { '.' } else { c })
            .collect();
        plain.parse().ok()
    }

    proptest! {
        #[test]
        fn every_integer_reads_back(n in any::<i64>(), da in any::<bool>()) {
            let lang = if da { Lang::Da } else { Lang::En };
            let s = integer(lang, n);
            prop_assert_eq!(parse(lang, &s), Some(n as f64));
            // Groups of three between separators.
            let digits = s.trim_start_matches('-');
            for (i, g) in digits.split(thousands_separator(lang)).enumerate() {
                let ok = if i == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 };
                prop_assert!(ok, "{}", s);
            }
        }

        #[test]
        fn every_finite_number_reads_back_rounded(x in any::<f64>(), d in 0usize..6) {
            prop_assume!(x.is_finite());
            // Within half a unit of the last place (halves round away from zero, so this is
            // the bound, not format!'s round-half-to-even).
            let unit = 10f64.powi(-(d as i32));
            let tolerance = unit / 2.0 * (1.0 + 1e-9) + x.abs() * 1e-15;
            for lang in [Lang::Da, Lang::En] {
                let s = fixed(lang, x, d);
                let back = parse(lang, &s).unwrap_or(f64::NAN);
                prop_assert!((back - x).abs() <= tolerance, "{} -> {}", x, s);
                // Danish never shows a decimal point, English never a decimal comma.
                if lang == Lang::Da {
                    let frac = s.rsplit_once(',').map(|(_, f)| f).unwrap_or("");
                    prop_assert!(!frac.contains('.'));
                    prop_assert_eq!(frac.len(), d);
                }
                let short = decimal(lang, x, d);
                prop_assert_eq!(parse(lang, &short).unwrap_or(f64::NAN), back);
                prop_assert!(!short.ends_with(decimal_separator(lang)));
            }
        }
    }
}
