//! Spreadsheet formula injection in CSV exports ("CSV injection", OWASP): Excel, LibreOffice and
//! Google Sheets take a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
//! formula, so an area name or a rule's reason such as `=HYPERLINK(...)` would run when a
//! coordinator opens the file.
//!
//! Every CSV writer (the typed tables' [`Table::csv`](crate::present::Table::csv), the profile
//! exports and the spreadsheet handed over by a binding) passes every cell through [`escape_cell`], which puts the common convention's `'`
//! in front of such a cell (spreadsheets show it as text and hide the quote). A plain number such
//! as `-33.9` is left alone, so coordinates stay numbers. A cell that already starts with `'` gets
//! one more, and the reader takes exactly one off ([`unescape_cell`]), so every file the library
//! writes reads back to the same values.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A plain number (`-33.9`, `+4`, `1e-3`, `-33,9`), which a spreadsheet reads as a number and
/// never as a formula.
fn is_plain_number(cell: &str) -> bool {
    cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | 'e' | 'E'))
        && cell.replace(',', ".").parse::<f64>().is_ok()
}

/// The cell as written to a CSV file: with a leading `'` when a spreadsheet would otherwise
/// take it as a formula, or when it already starts with `'` (so the reader can take exactly one
/// off).
pub fn escape_cell(cell: &str) -> Cow<'_, str> {
    let needs = match cell.chars().next() {
        Some('\'') => true,
        Some(c) if FORMULA_TRIGGERS.contains(&c) => !is_plain_number(cell),
        _ => false,
    };
    if needs {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as read from a CSV file: the `'` that [`escape_cell`] put in front of a formula-like
/// cell (or of another `'`) is taken off; any other cell is unchanged.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with('\'') || rest.starts_with(FORMULA_TRIGGERS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_leading_trigger_is_escaped_and_read_back() {
        for t in FORMULA_TRIGGERS {
            for cell in [
                format!("{t}HYPERLINK(\"http://x\",\"klik\")"),
                format!("{t}1+1"),
                format!("{t}cmd|' /C calc'!A0"),
                t.to_string(),
            ] {
                let written = escape_cell(&cell);
                assert!(written.starts_with('\''), "{cell:?} -> {written:?}");
                assert_eq!(unescape_cell(&written), cell);
            }
        }
    }

    #[test]
    fn numbers_and_ordinary_text_are_left_alone() {
        for cell in [
            "-33.9", "+4", "-0,5", "1e-3", "56.1268", "Ikast", "", "a=b", "nc-1",
        ] {
            assert_eq!(escape_cell(cell), cell);
            assert_eq!(unescape_cell(cell), cell);
        }
        // A sum is a formula even though it holds only digits and signs.
        assert_eq!(escape_cell("-1+1"), "'-1+1");
    }

    #[test]
    fn a_leading_quote_survives_the_round_trip() {
        for cell in ["'", "'abc", "''", "'=1", "' =1"] {
            assert_eq!(unescape_cell(&escape_cell(cell)), cell, "{cell:?}");
        }
        // A quote a person typed in front of ordinary text is kept.
        assert_eq!(unescape_cell("'abc"), "'abc");
    }
}
