//! Typed tables: the one definition of what a result's table holds. Named columns with a type
//! (text, integer, decimal, date, bool, list) and a Danish/English label; rows of typed cells.
//!
//! The same table is a Markdown, HTML or text table for people (numbers and yes/no in the
//! reader's language), a CSV file for a spreadsheet (data: decimal point, ISO dates), a
//! pandas DataFrame in Python (each type has one dtype) and plain records for the apps.

use super::doc::{Block, Inline, text};
use crate::i18n::number;
use crate::i18n::{Lang, Text, t};
use chrono::NaiveDate;

/// What a column holds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ColumnType {
    /// Text (an id, a value of a vocabulary as written in files, or words in the table's
    /// language).
    Text,
    /// A whole number.
    Integer,
    /// A number with decimals.
    Decimal,
    /// A calendar day.
    Date,
    /// Yes or no.
    Bool,
    /// A list of texts.
    List,
}

/// One column of a [`Table`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Column {
    /// The column's name for programs: `waiting_days` (snake case, the same in every
    /// language, the name of a CSV header and a DataFrame column).
    pub name: String,
    /// The heading people read.
    pub label: Text,
    /// What the column holds.
    #[serde(rename = "type")]
    pub kind: ColumnType,
    /// Whether a cell may be missing (a nullable column).
    pub optional: bool,
    /// Decimal columns: the decimals shown to people and written to CSV; `None` shows up to
    /// two, without trailing zeros, and writes the number as held.
    pub decimals: Option<u8>,
    /// Decimal columns holding a share from 0 to 1, shown to people as a percentage.
    pub percent: bool,
}

impl Column {
    fn new(name: &str, label: Text, kind: ColumnType) -> Self {
        Self {
            name: name.to_owned(),
            label,
            kind,
            optional: false,
            decimals: None,
            percent: false,
        }
    }

    /// A text column.
    pub fn text(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::Text)
    }

    /// A whole-number column.
    pub fn integer(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::Integer)
    }

    /// A decimal column.
    pub fn decimal(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::Decimal)
    }

    /// A date column.
    pub fn date(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::Date)
    }

    /// A yes/no column.
    pub fn bool(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::Bool)
    }

    /// A column of lists of texts.
    pub fn list(name: &str, da: &str, en: &str) -> Self {
        Self::new(name, Text::new(da, en), ColumnType::List)
    }

    /// This column, with cells that may be missing.
    #[must_use]
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// This decimal column, shown and written with exactly `decimals` decimals.
    #[must_use]
    pub fn decimals(mut self, decimals: u8) -> Self {
        self.decimals = Some(decimals);
        self
    }

    /// This decimal column, a share shown as a percentage.
    #[must_use]
    pub fn percent(mut self) -> Self {
        self.percent = true;
        self
    }

    fn numeric(&self) -> bool {
        matches!(self.kind, ColumnType::Integer | ColumnType::Decimal)
    }
}

/// One cell of a [`Table`]; its variant matches its column's [`ColumnType`] (or is
/// [`Cell::Missing`] in an optional column).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Cell {
    /// No value ("not known", "not applicable").
    Missing,
    /// A text.
    Text {
        /// The text.
        value: String,
    },
    /// A whole number.
    Integer {
        /// The number.
        value: i64,
    },
    /// A number with decimals.
    Decimal {
        /// The number.
        value: f64,
    },
    /// A calendar day.
    Date {
        /// The day.
        value: NaiveDate,
    },
    /// Yes or no.
    Bool {
        /// The value.
        value: bool,
    },
    /// A list of texts; an item may be missing (a party that gave no answer). (Not `List`:
    /// Kotlin would take the name for its own list type inside the generated class.)
    TextList {
        /// The texts.
        values: Vec<Option<String>>,
    },
}

/// Plain values in JSON: `null`, a string, a number, an ISO date string, a boolean or a list.
impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Missing => s.serialize_none(),
            Cell::Text { value } => s.serialize_str(value),
            Cell::Integer { value } => s.serialize_i64(*value),
            Cell::Decimal { value } => s.serialize_f64(*value),
            Cell::Date { value } => s.serialize_str(&crate::i18n::date::iso(*value)),
            Cell::Bool { value } => s.serialize_bool(*value),
            Cell::TextList { values } => values.serialize(s),
        }
    }
}

impl Cell {
    /// A text cell.
    pub fn text(value: impl Into<String>) -> Self {
        Cell::Text {
            value: value.into(),
        }
    }

    /// A text cell holding a vocabulary value as files write it (`major_divergence`).
    pub fn value<V: serde::Serialize>(value: &V) -> Self {
        Cell::text(written(value))
    }

    /// A whole-number cell from any integer (a count beyond `i64` is held as `i64::MAX`).
    pub fn int(value: impl TryInto<i64>) -> Self {
        Cell::Integer {
            value: value.try_into().unwrap_or(i64::MAX),
        }
    }

    /// A decimal cell.
    pub fn decimal(value: f64) -> Self {
        Cell::Decimal { value }
    }

    /// A date cell.
    pub fn date(value: NaiveDate) -> Self {
        Cell::Date { value }
    }

    /// A yes/no cell.
    pub fn bool(value: bool) -> Self {
        Cell::Bool { value }
    }

    /// A list cell.
    pub fn list<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Cell::TextList {
            values: values.into_iter().map(|v| Some(v.into())).collect(),
        }
    }

    /// A list cell whose items may be missing.
    pub fn list_of_optional<S: Into<String>>(values: impl IntoIterator<Item = Option<S>>) -> Self {
        Cell::TextList {
            values: values.into_iter().map(|v| v.map(Into::into)).collect(),
        }
    }

    /// A cell from an optional value, [`Cell::Missing`] for `None`.
    pub fn opt<T>(value: Option<T>, cell: impl FnOnce(T) -> Cell) -> Self {
        value.map_or(Cell::Missing, cell)
    }

    /// The cell as people read it in `lang`: `18,4` and `81 %` in Danish, `ja`/`nej`, ISO
    /// dates (tables are compact; prose writes dates out), lists joined with `; `, `–` for a
    /// missing value (and a missing item of a list).
    pub fn shown(&self, column: &Column, lang: Lang) -> String {
        match self {
            Cell::Missing => "–".to_owned(),
            Cell::Text { value } => value.clone(),
            Cell::Integer { value } => number::integer(lang, *value),
            Cell::Decimal { value } => {
                if column.percent {
                    number::percent_with(lang, *value, usize::from(column.decimals.unwrap_or(0)))
                } else {
                    match column.decimals {
                        Some(d) => number::fixed(lang, *value, usize::from(d)),
                        None => number::decimal(lang, *value, 2),
                    }
                }
            }
            Cell::Date { value } => crate::i18n::date::iso(*value),
            Cell::Bool { value } => t(
                lang,
                if *value { "ja" } else { "nej" },
                if *value { "yes" } else { "no" },
            )
            .to_owned(),
            Cell::TextList { values } => values
                .iter()
                .map(|v| v.as_deref().unwrap_or("–"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// The cell as data for a CSV file: numbers with a decimal point (rounded to the column's
    /// decimals when it has them), ISO dates, `true`/`false`, lists joined with ` | `, empty
    /// when missing (a missing item of a list too).
    pub fn data(&self, column: &Column) -> String {
        match self {
            Cell::Missing => String::new(),
            Cell::Text { value } => value.clone(),
            Cell::Integer { value } => value.to_string(),
            Cell::Decimal { value } => match column.decimals {
                Some(d) => {
                    let scale = 10f64.powi(i32::from(d));
                    let rounded = (value * scale).round() / scale;
                    if rounded.is_finite() {
                        format!("{rounded}")
                    } else {
                        format!("{value}")
                    }
                }
                None => format!("{value}"),
            },
            Cell::Date { value } => crate::i18n::date::iso(*value),
            Cell::Bool { value } => value.to_string(),
            Cell::TextList { values } => values
                .iter()
                .map(|v| v.as_deref().unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }
}

/// A vocabulary value as files write it (`"under_review"`), or its JSON for a value that is not
/// a plain string.
pub fn written<V: serde::Serialize>(value: &V) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A result's table: a name for programs, a title for people, typed columns and rows.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Table {
    /// The table's name for programs, e.g. `matches` (snake case, the same in both languages).
    pub name: String,
    /// The title people read.
    pub title: Text,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(name: &str, title: Text, columns: Vec<Column>) -> Self {
        Self {
            name: name.to_owned(),
            title,
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; a row with too few cells is filled with [`Cell::Missing`], extra cells are
    /// dropped, so every row has one cell per column.
    pub fn push(&mut self, mut row: Vec<Cell>) {
        row.resize(self.columns.len(), Cell::Missing);
        self.rows.push(row);
    }

    /// The index of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The column names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// The rows as people read them in `lang` (see [`Cell::shown`]).
    pub fn shown_rows(&self, lang: Lang) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| {
                r.iter()
                    .zip(&self.columns)
                    .map(|(c, col)| c.shown(col, lang))
                    .collect()
            })
            .collect()
    }

    /// The table as a block of a document, headed by its column labels in `lang`.
    pub fn block(&self, lang: Lang) -> Block {
        Block::Table {
            head: self
                .columns
                .iter()
                .map(|c| c.label.get(lang).to_owned())
                .collect(),
            rows: self
                .shown_rows(lang)
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|c| vec![text(c)])
                        .collect::<Vec<Vec<Inline>>>()
                })
                .collect(),
            numeric: self.columns.iter().map(Column::numeric).collect(),
        }
    }

    /// The table as Markdown (a GitHub table; numbers aligned right), in `lang`.
    pub fn markdown(&self, lang: Lang) -> String {
        super::doc::markdown(&[self.block(lang)])
    }

    /// The table as an HTML `<table>`, in `lang`.
    pub fn html(&self, lang: Lang) -> String {
        super::doc::html(&[self.block(lang)])
    }

    /// The table as aligned text columns, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        super::doc::plain(&[self.block(lang)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Table {
        let mut t = Table::new(
            "sample",
            Text::new("Prøve", "Sample"),
            vec![
                Column::text("name", "Navn", "Name"),
                Column::integer("n", "Antal", "Count"),
                Column::decimal("km", "Afstand", "Distance"),
                Column::decimal("share", "Andel", "Share").percent(),
                Column::bool("ok", "I orden", "OK"),
                Column::list("why", "Hvorfor", "Why"),
                Column::date("on", "Dato", "Date").optional(),
            ],
        );
        t.push(vec![
            Cell::text("Kultur, \"og\" | fritid"),
            Cell::int(1234),
            Cell::decimal(18.4),
            Cell::decimal(0.81),
            Cell::bool(true),
            Cell::list(["a", "b"]),
            Cell::opt(NaiveDate::from_ymd_opt(2026, 12, 3), Cell::date),
        ]);
        t.push(vec![Cell::text("x")]);
        t
    }

    #[test]
    fn people_read_their_language_and_programs_read_data() {
        let t = sample();
        assert_eq!(
            t.shown_rows(Lang::Da)[0],
            [
                "Kultur, \"og\" | fritid",
                "1.234",
                "18,4",
                "81 %",
                "ja",
                "a; b",
                "2026-12-03"
            ]
        );
        assert_eq!(t.shown_rows(Lang::En)[0][2..5], ["18.4", "81%", "yes"]);
        assert_eq!(
            t.csv(),
            "name,n,km,share,ok,why,on\n\"Kultur, \"\"og\"\" | fritid\",1234,18.4,0.81,true,a | b,2026-12-03\nx,,,,,,\n"
        );
        let md = t.markdown(Lang::Da);
        assert!(md.starts_with("| Navn | Antal | Afstand | Andel | I orden | Hvorfor | Dato |\n|---|---:|---:|---:|---|---|---|\n| Kultur, \"og\" \\| fritid | 1.234 | 18,4 | 81 % |"), "{md}");
        assert!(t.html(Lang::En).contains("<td class=\"num\">18.4</td>"));
        assert_eq!(t.rows[1].len(), 7);
        assert_eq!(t.rows[1][6], Cell::Missing);
        assert_eq!(t.column("km"), Some(2));
    }

    /// Reads one CSV file back (RFC 4180), taking off the formula guard as the library's reader
    /// does, for the round-trip property.
    fn read_csv(s: &str) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(s.as_bytes());
        r.records()
            .map(|rec| {
                rec.map(|r| {
                    r.iter()
                        .map(|c| super::super::formula::unescape_cell(c).to_owned())
                        .collect()
                })
                .unwrap_or_default()
            })
            .collect()
    }

    proptest! {
        #[test]
        fn any_text_survives_csv(cells in prop::collection::vec(any::<String>(), 1..5)) {
            let mut t = Table::new(
                "t",
                Text::new("t", "t"),
                (0..cells.len()).map(|i| Column::text(&format!("c{i}"), "c", "c")).collect(),
            );
            t.push(cells.iter().map(Cell::text).collect());
            let written = t.csv();
            let back = read_csv(&written);
            prop_assert_eq!(back.len(), 2);
            prop_assert_eq!(&back[1], &cells);
            // No cell, as a spreadsheet reads it, starts a formula.
            let mut raw = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(written.as_bytes());
            for rec in raw.records() {
                for cell in rec.unwrap().iter() {
                    prop_assert!(
                        !cell.starts_with(super::super::formula::FORMULA_TRIGGERS)
                            || cell.replace(',', ".").parse::<f64>().is_ok(),
                        "{:?}", cell
                    );
                }
            }
        }
    }
}
