//! A table handed over as plain cells (a pandas DataFrame, a dict of columns, a list of records)
//! and the rule that decides whether it is a spreadsheet: when no cell holds a list or a record,
//! several values can only be `;`-separated text, so the table is read by the CSV reader, with
//! its line and column in every problem; otherwise the bulk table reader takes it. The rule and
//! the way a cell is written (empty for nothing, whole numbers without `.0`, dates as
//! `YYYY-MM-DD`) live here so every binding decides alike; a binding only turns its values into
//! [`SheetCell`]s.

use chrono::NaiveDate;

/// One cell of a table, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    /// No value (`None`, NaN, pandas' `NA` and `NaT`).
    Empty,
    /// A truth value.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction, or a whole number a spreadsheet program stored as a float
    /// (pandas turns an integer column with an empty cell into floats).
    Float(f64),
    /// A date (a datetime's day).
    Date(NaiveDate),
    /// Text.
    Text(String),
    /// A list or a record: the table is not a spreadsheet.
    Nested,
}

impl SheetCell {
    /// The cell as a spreadsheet holds it.
    fn text(&self) -> String {
        match self {
            SheetCell::Empty | SheetCell::Nested => String::new(),
            SheetCell::Bool(b) => b.to_string(),
            SheetCell::Int(i) => i.to_string(),
            SheetCell::Float(f) if f.is_nan() => String::new(),
            // Whole floats within i64 are written as integers; `as` is exact for them.
            SheetCell::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => (*f as i64).to_string(),
            SheetCell::Float(f) => f.to_string(),
            SheetCell::Date(d) => d.format("%Y-%m-%d").to_string(),
            SheetCell::Text(s) => s.clone(),
        }
    }
}

/// A table of plain cells: the column names and the rows, each as long as the names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The column names, in order.
    pub columns: Vec<String>,
    /// The rows; a row shorter than the columns has empty cells at its end.
    pub rows: Vec<Vec<SheetCell>>,
}

impl Sheet {
    /// Whether the table is shaped like a spreadsheet: no cell holds a list or a record.
    pub fn is_spreadsheet(&self) -> bool {
        !self
            .rows
            .iter()
            .any(|r| r.iter().any(|c| matches!(c, SheetCell::Nested)))
    }

    /// The table as `;`-separated CSV text for [`newcomers_from_csv`](crate::import::newcomers_from_csv)
    /// and [`offers_from_csv`](crate::import::offers_from_csv) when it is shaped like a
    /// spreadsheet, otherwise `None` (the bulk table reader takes it then).
    pub fn to_csv(&self) -> Option<String> {
        if !self.is_spreadsheet() {
            return None;
        }
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(&self.columns).ok()?;
        for row in &self.rows {
            // Escaped as every CSV the library writes, so the reader's unescaping gives back
            // exactly the cell (a text starting with `'=` stays so).
            let cells: Vec<String> = (0..self.columns.len())
                .map(|i| row.get(i).map(SheetCell::text).unwrap_or_default())
                .map(|c| crate::present::formula::escape_cell(&c).into_owned())
                .collect();
            w.write_record(&cells).ok()?;
        }
        String::from_utf8(w.into_inner().ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_table_is_written_as_a_spreadsheet() {
        let sheet = Sheet {
            columns: vec![
                "id".into(),
                "adults".into(),
                "languages".into(),
                "arrival".into(),
            ],
            rows: vec![
                vec![
                    SheetCell::Text("nc-1".into()),
                    SheetCell::Float(2.0),
                    SheetCell::Text("ar:native;da:A1".into()),
                    SheetCell::Date(NaiveDate::from_ymd_opt(2016, 1, 11).unwrap()),
                ],
                vec![SheetCell::Text("nc-2".into()), SheetCell::Empty],
            ],
        };
        assert_eq!(
            sheet.to_csv().unwrap(),
            "id;adults;languages;arrival\nnc-1;2;\"ar:native;da:A1\";2016-01-11\nnc-2;;;\n"
        );
    }

    #[test]
    fn a_list_in_any_cell_leaves_it_to_the_bulk_reader() {
        let sheet = Sheet {
            columns: vec!["id".into(), "needs".into()],
            rows: vec![vec![SheetCell::Text("nc-1".into()), SheetCell::Nested]],
        };
        assert!(!sheet.is_spreadsheet());
        assert_eq!(sheet.to_csv(), None);
    }

    #[test]
    fn numbers_are_written_as_a_spreadsheet_holds_them() {
        assert_eq!(SheetCell::Float(56.15).text(), "56.15");
        assert_eq!(SheetCell::Float(f64::NAN).text(), "");
        assert_eq!(SheetCell::Float(-3.0).text(), "-3");
        assert_eq!(SheetCell::Bool(true).text(), "true");
        assert_eq!(SheetCell::Int(i64::MIN).text(), i64::MIN.to_string());
    }
}
