//! The one sheet writer: a [`Table`](super::Table)'s header and rows as CSV for programs (the
//! data form), as CSV for a spreadsheet program (the Excel form), or as an `.xlsx` workbook.
//!
//! - **Data form** ([`SheetStyle::Data`]): `,` between cells, UTF-8 without a byte-order mark,
//!   `\n` line ends, the columns' names for programs, ISO dates, decimal points, `true`/`false`.
//!   What programs and version control read best; the default everywhere.
//! - **Excel form** ([`SheetStyle::ExcelDa`], [`SheetStyle::ExcelEn`]): a byte-order mark (so
//!   Excel reads UTF-8 and shows "Møldrup", not "MÃ¸ldrup") and `\r\n` line ends; in Danish `;`
//!   between cells (Danish Excel's list separator, because the comma is its decimal separator),
//!   decimal commas, dates as `DD-MM-YYYY`, `ja`/`nej` and the columns' Danish headings; in
//!   English `,`, decimal points, ISO dates and the English headings.
//! - **Workbook** ([`xlsx`]): one sheet, a bold frozen header row, numbers as numbers, dates as
//!   dates (shown in the language's form), text always as text: a workbook cell written as a
//!   string is never run as a formula, so no guard is needed there.
//!
//! Every CSV cell passes [`escape_cell`](super::formula::escape_cell) (formula injection), in
//! every form.

use super::table::{Cell, Column, ColumnType, Table};
use crate::i18n::{Lang, t};
use chrono::{Datelike, NaiveDate};

/// How a sheet is written: for programs, or for a spreadsheet program in a language.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SheetStyle {
    /// For programs: `,`, UTF-8 without a byte-order mark, names for programs, ISO dates,
    /// decimal points.
    #[default]
    Data,
    /// For Danish Excel: a byte-order mark, `\r\n`, `;`, decimal commas, `DD-MM-YYYY`, Danish
    /// headings and words.
    ExcelDa,
    /// For English Excel: a byte-order mark, `\r\n`, `,`, decimal points, ISO dates, English
    /// headings and words.
    ExcelEn,
}

impl SheetStyle {
    /// The Excel form in `lang`.
    pub fn excel(lang: Lang) -> Self {
        match lang {
            Lang::Da => SheetStyle::ExcelDa,
            Lang::En => SheetStyle::ExcelEn,
        }
    }

    /// The language of headings and words; `None` for the data form (names and file keys).
    pub fn lang(self) -> Option<Lang> {
        match self {
            SheetStyle::Data => None,
            SheetStyle::ExcelDa => Some(Lang::Da),
            SheetStyle::ExcelEn => Some(Lang::En),
        }
    }

    /// The cell delimiter.
    pub fn delimiter(self) -> char {
        match self {
            SheetStyle::ExcelDa => ';',
            _ => ',',
        }
    }
}

/// A number as written in a sheet: the shortest text that reads back to the same number, with
/// a decimal comma in Danish.
pub fn number_text(x: f64, lang: Option<Lang>) -> String {
    let s = format!("{x}");
    match lang {
        Some(Lang::Da) => s.replace('.', ","),
        _ => s,
    }
}

/// A day as written in a sheet: `DD-MM-YYYY` in Danish, ISO otherwise.
pub fn date_text(d: NaiveDate, lang: Option<Lang>) -> String {
    match lang {
        Some(Lang::Da) => d.format("%d-%m-%Y").to_string(),
        _ => crate::i18n::date::iso(d),
    }
}

/// A cell's text in `style` (the data form is [`Cell::data`]).
pub(crate) fn cell_text(cell: &Cell, column: &Column, style: SheetStyle) -> String {
    let Some(lang) = style.lang() else {
        return cell.data(column);
    };
    match cell {
        Cell::Decimal { .. } => number_text(
            cell.data(column).parse::<f64>().unwrap_or(f64::NAN),
            Some(lang),
        ),
        Cell::Date { value } => date_text(*value, Some(lang)),
        Cell::Bool { value } => t(
            lang,
            if *value { "ja" } else { "nej" },
            if *value { "yes" } else { "no" },
        )
        .to_owned(),
        Cell::TextList { values } => values
            .iter()
            .map(|v| v.as_deref().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.data(column),
    }
}

/// A column's heading in `style`: its name for programs, or its label in the language.
pub(crate) fn heading(column: &Column, style: SheetStyle) -> String {
    match style.lang() {
        None => column.name.clone(),
        Some(lang) => column.label.get(lang).to_owned(),
    }
}

/// The header and rows as CSV text in `style`.
pub(crate) fn csv(columns: &[Column], rows: &[Vec<Cell>], style: SheetStyle) -> String {
    let (delimiter, end) = match style {
        SheetStyle::Data => (',', "\n"),
        _ => (style.delimiter(), "\r\n"),
    };
    let mut s = String::new();
    if style != SheetStyle::Data {
        s.push('\u{feff}');
    }
    record(
        &mut s,
        columns.iter().map(|c| heading(c, style)),
        delimiter,
        end,
    );
    for row in rows {
        record(
            &mut s,
            row.iter()
                .zip(columns)
                .map(|(c, col)| cell_text(c, col, style)),
            delimiter,
            end,
        );
    }
    s
}

/// Writes one CSV record (RFC 4180): a field is quoted when it holds the delimiter, a quote or
/// a line break, and guarded against formula injection.
fn record(s: &mut String, fields: impl Iterator<Item = String>, delimiter: char, end: &str) {
    let fields: Vec<String> = fields.collect();
    let single_empty = fields.len() == 1 && fields.first().is_some_and(String::is_empty);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push(delimiter);
        }
        let f = super::formula::escape_cell(f);
        if single_empty || f.contains([delimiter, '"', '\n', '\r']) {
            s.push('"');
            s.push_str(&f.replace('"', "\"\""));
            s.push('"');
        } else {
            s.push_str(&f);
        }
    }
    s.push_str(end);
}

/// Why a workbook could not be written (the writer's own message; it holds no cell value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub String);

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The header and rows as an `.xlsx` workbook of one sheet named `sheet` (at most 31
/// characters, without `[]:*?/\`; other characters are replaced), headings in `lang` (`None`:
/// names for programs).
pub(crate) fn xlsx(
    sheet: &str,
    columns: &[Column],
    rows: &[Vec<Cell>],
    lang: Option<Lang>,
) -> Result<Vec<u8>, XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| XlsxError(e.to_string());
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let name: String = sheet
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    if !name.trim().is_empty() {
        ws.set_name(name.trim()).map_err(fail)?;
    }
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format(match lang {
        Some(Lang::Da) => "dd-mm-yyyy",
        _ => "yyyy-mm-dd",
    });
    let style = lang.map_or(SheetStyle::Data, SheetStyle::excel);
    for (c, column) in columns.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError("too many columns".into()))?;
        ws.write_string_with_format(0, c, heading(column, style), &bold)
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError("too many rows".into()))?;
        for (c, (cell, column)) in row.iter().zip(columns).enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError("too many columns".into()))?;
            match cell {
                Cell::Missing => {}
                Cell::Integer { value } => {
                    // Beyond 2^53 a spreadsheet's numbers lose digits: write the digits as text.
                    if value.unsigned_abs() < (1u64 << 53) {
                        ws.write_number(r, c, *value as f64).map_err(fail)?;
                    } else {
                        ws.write_string(r, c, value.to_string()).map_err(fail)?;
                    }
                }
                Cell::Decimal { value } if value.is_finite() => {
                    ws.write_number(r, c, *value).map_err(fail)?;
                }
                Cell::Date { value } if (1900..=9999).contains(&value.year()) => {
                    let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        u16::try_from(value.year()).unwrap_or(1900),
                        u8::try_from(value.month()).unwrap_or(1),
                        u8::try_from(value.day()).unwrap_or(1),
                    )
                    .map_err(fail)?;
                    ws.write_datetime_with_format(r, c, &d, &date_format)
                        .map_err(fail)?;
                }
                Cell::Bool { value } => {
                    ws.write_boolean(r, c, *value).map_err(fail)?;
                }
                other => {
                    let s = cell_text(other, column, style);
                    if !s.is_empty() {
                        ws.write_string(r, c, s).map_err(fail)?;
                    }
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    if columns.iter().any(|c| c.kind == ColumnType::Date) || !rows.is_empty() {
        ws.autofit();
    }
    book.save_to_buffer().map_err(fail)
}

impl Table {
    /// The table as CSV for a spreadsheet: a header of column names, then one line per row
    /// (see [`Cell::data`]); fields quoted when they hold a comma, a quote or a line break, and
    /// guarded against formula injection ([`escape_cell`](super::formula::escape_cell)).
    pub fn csv(&self) -> String {
        csv(&self.columns, &self.rows, SheetStyle::Data)
    }

    /// The table as CSV in `style`: the data form ([`Table::csv`]), or the Excel form in a
    /// language (`;`, byte-order mark, decimal commas, the columns' headings; see
    /// [`SheetStyle`]).
    pub fn csv_in(&self, style: SheetStyle) -> String {
        csv(&self.columns, &self.rows, style)
    }

    /// The table as an `.xlsx` workbook of one sheet named after the table's title in `lang`,
    /// with the columns' headings in `lang` (`None`: their names for programs).
    pub fn xlsx(&self, lang: Option<Lang>) -> Result<Vec<u8>, XlsxError> {
        let sheet = lang.map_or(self.name.as_str(), |l| self.title.get(l));
        xlsx(sheet, &self.columns, &self.rows, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Vec<Column>, Vec<Vec<Cell>>) {
        let cols = vec![
            Column::text("area", "Område", "Area"),
            Column::decimal("lat", "Breddegrad", "Latitude"),
            Column::date("on", "Dato", "Date"),
            Column::bool("ok", "I orden", "OK"),
        ];
        let rows = vec![vec![
            Cell::text("Møldrup; =1+1"),
            Cell::decimal(56.1268),
            Cell::date(NaiveDate::from_ymd_opt(2016, 1, 11).unwrap_or_default()),
            Cell::bool(true),
        ]];
        (cols, rows)
    }

    #[test]
    fn the_three_forms() {
        let (cols, rows) = sample();
        assert_eq!(
            csv(&cols, &rows, SheetStyle::Data),
            "area,lat,on,ok\nMøldrup; =1+1,56.1268,2016-01-11,true\n"
        );
        assert_eq!(
            csv(&cols, &rows, SheetStyle::ExcelDa),
            "\u{feff}Område;Breddegrad;Dato;I orden\r\n\"Møldrup; =1+1\";56,1268;11-01-2016;ja\r\n"
        );
        assert_eq!(
            csv(&cols, &rows, SheetStyle::ExcelEn),
            "\u{feff}Area,Latitude,Date,OK\r\nMøldrup; =1+1,56.1268,2016-01-11,yes\r\n"
        );
        let formula = vec![vec![Cell::text("=HYPERLINK(1)")]];
        assert!(csv(&cols[..1], &formula, SheetStyle::ExcelDa).contains("'=HYPERLINK"));
    }

    #[test]
    fn a_workbook_is_a_zip_file() {
        let (cols, rows) = sample();
        let bytes = xlsx("Nyankomne [1]", &cols, &rows, Some(Lang::Da)).unwrap_or_default();
        assert!(bytes.starts_with(b"PK"));
    }
}
