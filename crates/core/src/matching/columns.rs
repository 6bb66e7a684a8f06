//! Profiles in bulk: many newcomers or offers read from one JSON text, so a binding hands over
//! a whole table in one call instead of converting one object at a time.
//!
//! Three shapes are accepted, all with the field names of the file format:
//! - a list of records: `[{"id": "nc-1", "arrival": "2024-01-02", ...}, ...]`;
//! - columns, an object of equal-length arrays: `{"id": ["nc-1", ...], "arrival": [...]}`;
//! - a table split into column names and rows, as pandas writes with `orient="split"`:
//!   `{"columns": ["id", ...], "data": [["nc-1", ...], ...]}` (an `index` is ignored).
//!
//! The column names are those of the CSV files, defined once in
//! [`crate::import::newcomer_columns`] and [`crate::import::offer_columns`]: a field's own name,
//! or, for the parts of a nested field ([`crate::import::nested_columns`]), flat `lat` and `lon`
//! columns for `location` and, for newcomers, `adults` and `children_ages` for `household`
//! (the nested `location` and `household` objects are read too). So a DataFrame with a
//! spreadsheet's columns means what the spreadsheet means. Cells hold JSON values: a list is a
//! list (`["social_network"]`), not the `;`-separated text of a CSV cell. A `null` cell means the
//! field is absent, as an empty cell in a DataFrame does. Errors name the row and field
//! (`newcomers[3].languages[0].level`) and never quote a value.
//!
//! ```
//! use brobygger::matching::newcomers_from_table;
//!
//! let json = r#"{"id": ["nc-1", "nc-2"], "arrival": ["2024-01-02", "2024-02-01"],
//!               "lat": [56.13, null], "lon": [9.16, null], "needs": [["social_network"], []]}"#;
//! let newcomers = newcomers_from_table(json)?;
//! assert_eq!(newcomers.len(), 2);
//! assert!(newcomers[0].location.is_some() && newcomers[1].location.is_none());
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```

use crate::code::InputCode;
use crate::code::LoadCode;
use crate::error::BrobyggerError;
use crate::import::columns::nested_columns;
use crate::import::csv::CsvTable;
use crate::matching::model::profile::{Newcomer, Offer};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Reads newcomer households from a table (records, columns or split; see the module docs).
pub fn newcomers_from_table(json: &str) -> Result<Vec<Newcomer>, BrobyggerError> {
    from_table(json, "newcomers")
}

/// Reads offers from a table (records, columns or split; see the module docs).
pub fn offers_from_table(json: &str) -> Result<Vec<Offer>, BrobyggerError> {
    from_table(json, "offers")
}

fn invalid(path: String, reason: impl Into<String>) -> BrobyggerError {
    BrobyggerError::invalid_input(InputCode::Table, &path, reason)
}

fn syntax(what: &str, e: &serde_json::Error) -> BrobyggerError {
    BrobyggerError::Parse {
        code: LoadCode::Syntax.into(),
        path: what.to_owned(),
        line: u32::try_from(e.line()).unwrap_or(u32::MAX),
        column: u32::try_from(e.column()).unwrap_or(u32::MAX),
        reason: crate::error::redact_message(&e.to_string()),
    }
}

fn parse<'a, T: serde::Deserialize<'a>>(
    text: &'a str,
    what: &str,
    reason: &str,
) -> Result<T, BrobyggerError> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            syntax(what, &e)
        } else {
            invalid(what.to_owned(), reason)
        }
    })
}

/// A table's cells, borrowed from the text: column names and, per row, one cell per column.
struct Cells<'a> {
    names: Vec<String>,
    rows: Vec<Vec<Option<&'a RawValue>>>,
}

fn cells<'a>(json: &'a str, what: &str) -> Result<Cells<'a>, BrobyggerError> {
    if json.trim_start().starts_with('[') {
        let records: Vec<BTreeMap<String, &RawValue>> =
            parse(json, what, "must be a list of records (objects)")?;
        // Records may differ in their fields: the union of names, absent cells empty.
        let mut names: Vec<String> = records.iter().flat_map(|r| r.keys().cloned()).collect();
        names.sort_unstable();
        names.dedup();
        let rows = records
            .iter()
            .map(|r| names.iter().map(|n| r.get(n).copied()).collect())
            .collect();
        return Ok(Cells { names, rows });
    }
    let top: BTreeMap<String, &RawValue> = parse(
        json,
        what,
        "must be a list of records or an object of columns",
    )?;
    if let (Some(columns), Some(data)) = (top.get("columns"), top.get("data")) {
        let names: Vec<String> = parse(
            columns.get(),
            &format!("{what}.columns"),
            "must be a list of names",
        )?;
        let data: Vec<Vec<&RawValue>> = parse(
            data.get(),
            &format!("{what}.data"),
            "must be a list of rows",
        )?;
        let mut rows = Vec::with_capacity(data.len());
        for (k, row) in data.into_iter().enumerate() {
            if row.len() != names.len() {
                return Err(invalid(
                    format!("{what}.data[{k}]"),
                    format!("a row must have {} cells", names.len()),
                ));
            }
            rows.push(row.into_iter().map(Some).collect());
        }
        return Ok(Cells { names, rows });
    }
    let mut names = Vec::with_capacity(top.len());
    let mut columns: Vec<Vec<&RawValue>> = Vec::with_capacity(top.len());
    for (name, raw) in top {
        let column: Vec<&RawValue> = parse(
            raw.get(),
            &format!("{what}.{name}"),
            "a column must be a list",
        )?;
        if let Some(first) = columns.first()
            && first.len() != column.len()
        {
            return Err(invalid(
                format!("{what}.{name}"),
                format!("has {} values, the others {}", column.len(), first.len()),
            ));
        }
        names.push(name);
        columns.push(column);
    }
    let len = columns.first().map_or(0, Vec::len);
    let rows = (0..len)
        .map(|k| columns.iter().map(|c| c.get(k).copied()).collect())
        .collect();
    Ok(Cells { names, rows })
}

/// A nested field filled from flat columns: its name, and its parts' names with their column
/// in the table (those the table has).
struct Nested {
    field: &'static str,
    parts: Vec<(&'static str, usize)>,
}

/// The nested fields the table's columns fill, from the one column layout.
fn nested_groups(table: CsvTable, names: &[String]) -> Vec<Nested> {
    let mut groups: Vec<Nested> = Vec::new();
    for (column, field) in nested_columns(table) {
        let Some(c) = names.iter().position(|n| n == column) else {
            continue;
        };
        match groups.iter_mut().find(|g| g.field == field) {
            Some(g) => g.parts.push((column, c)),
            None => groups.push(Nested {
                field,
                parts: vec![(column, c)],
            }),
        }
    }
    groups
}

fn from_table<T: DeserializeOwned + Send>(
    json: &str,
    what: &str,
) -> Result<Vec<T>, BrobyggerError> {
    let table_kind = if what == "offers" {
        CsvTable::Offers
    } else {
        CsvTable::Newcomers
    };
    let table = cells(json, what)?;
    let keys: Vec<String> = table
        .names
        .iter()
        .map(|n| serde_json::to_string(n).unwrap_or_default())
        .collect();
    let nested = nested_groups(table_kind, &table.names);
    let read = |first: usize, rows: &[Vec<Option<&RawValue>>]| -> Result<Vec<T>, BrobyggerError> {
        let mut text = String::new();
        let mut out = Vec::with_capacity(rows.len());
        for (k, row) in rows.iter().enumerate() {
            out.push(read_row(row, first + k, what, &keys, &nested, &mut text)?);
        }
        Ok(out)
    };
    // Rows are independent: large tables are read on every core.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(table.rows.len() / 5_000)
        .max(1);
    if threads == 1 {
        return read(0, &table.rows);
    }
    let chunk = table.rows.len().div_ceil(threads);
    let parts: Vec<Result<Vec<T>, BrobyggerError>> = std::thread::scope(|s| {
        let handles: Vec<_> = table
            .rows
            .chunks(chunk)
            .enumerate()
            .map(|(t, rows)| {
                let read = &read;
                s.spawn(move || read(t * chunk, rows))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut out = Vec::with_capacity(table.rows.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// One row written back as a JSON object from its cells' own text and read by the typed
/// reader, with no tree of values in between. Empty cells are left out; flat columns of a
/// nested field (`lat`, `lon`; `adults`, `children_ages`) become that field's object.
fn read_row<T: DeserializeOwned>(
    row: &[Option<&RawValue>],
    k: usize,
    what: &str,
    keys: &[String],
    nested: &[Nested],
    text: &mut String,
) -> Result<T, BrobyggerError> {
    text.clear();
    text.push('{');
    for (c, cell) in row.iter().enumerate() {
        let Some(raw) = cell.filter(|r| r.get() != "null") else {
            continue;
        };
        if nested.iter().any(|g| g.parts.iter().any(|(_, p)| *p == c)) {
            continue;
        }
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(&keys[c]);
        text.push(':');
        text.push_str(raw.get());
    }
    let cell = |c: usize| {
        row.get(c)
            .copied()
            .flatten()
            .map(RawValue::get)
            .filter(|t| *t != "null")
    };
    for g in nested {
        let given = g.parts.iter().filter(|(_, c)| cell(*c).is_some()).count();
        if given == 0 {
            continue;
        }
        // Coordinates are one value: half of one is a mistake, not a position.
        if g.field == "location" && given < 2 {
            return Err(invalid(
                format!("{what}[{k}]"),
                "lat and lon must be given together",
            ));
        }
        if text.len() > 1 {
            text.push(',');
        }
        text.push('"');
        text.push_str(g.field);
        text.push_str("\":{");
        let mut first = true;
        for (name, c) in &g.parts {
            let Some(v) = cell(*c) else { continue };
            if !first {
                text.push(',');
            }
            first = false;
            text.push('"');
            text.push_str(name);
            text.push_str("\":");
            text.push_str(v);
        }
        text.push('}');
    }
    text.push('}');
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = crate::error::error_path(&e);
        BrobyggerError::Parse {
            code: LoadCode::Syntax.into(),
            path: if path == "." {
                format!("{what}[{k}]")
            } else {
                format!("{what}[{k}].{path}")
            },
            line: 0,
            column: 0,
            reason: crate::error::redact_message(&e.inner().to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_shapes_give_the_same_profiles() {
        let records = r#"[{"id": "nc-1", "arrival": "2024-01-02", "location": {"lat": 56.1, "lon": 9.1},
                          "languages": [{"language": "ar", "level": "native"}]},
                         {"id": "nc-2", "arrival": "2024-02-01"}]"#;
        let columns = r#"{"id": ["nc-1", "nc-2"], "arrival": ["2024-01-02", "2024-02-01"],
                          "lat": [56.1, null], "lon": [9.1, null],
                          "languages": [[{"language": "ar", "level": "native"}], null]}"#;
        let split = r#"{"columns": ["id", "arrival", "lat", "lon", "languages"], "index": [0, 1],
                        "data": [["nc-1", "2024-01-02", 56.1, 9.1, [{"language": "ar", "level": "native"}]],
                                 ["nc-2", "2024-02-01", null, null, null]]}"#;
        let a = newcomers_from_table(records).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(newcomers_from_table(columns).unwrap(), a);
        assert_eq!(newcomers_from_table(split).unwrap(), a);
    }

    /// A profile as a record with the CSV layout's flat columns in place of nested fields.
    fn flat(value: serde_json::Value, table: CsvTable) -> serde_json::Value {
        let serde_json::Value::Object(mut record) = value else {
            panic!("a profile is an object")
        };
        for (column, field) in nested_columns(table) {
            let part = record
                .get(field)
                .and_then(|v| v.get(column))
                .cloned()
                .unwrap_or(serde_json::Value::Null);
            record.insert(column.to_owned(), part);
        }
        for (_, field) in nested_columns(table) {
            record.remove(field);
        }
        serde_json::Value::Object(record)
    }

    #[test]
    fn a_table_with_the_csv_columns_means_what_the_csv_file_means() {
        let d = crate::dossier::Dossier::example("ikast-brande").unwrap();
        let newcomers = d.cohorts[0].newcomers.clone();
        let header = crate::import::write::csv_header(CsvTable::Newcomers);
        let csv_names: Vec<&str> = header.trim_end().split(',').collect();
        let records: Vec<_> = newcomers
            .iter()
            .map(|n| flat(serde_json::to_value(n).unwrap(), CsvTable::Newcomers))
            .collect();
        for r in &records {
            for key in r.as_object().unwrap().keys() {
                assert!(csv_names.contains(&key.as_str()), "{key} is no CSV column");
            }
        }
        let json = serde_json::to_string(&records).unwrap();
        assert_eq!(newcomers_from_table(&json).unwrap(), newcomers);
        let csv = crate::import::write::newcomers_to_csv(&newcomers).unwrap();
        let from_csv = crate::import::read::newcomers_from_csv(
            &csv,
            &crate::import::csv::CsvOptions::default(),
        )
        .unwrap();
        assert_eq!(from_csv, newcomers);

        let offers = d.offers.clone();
        let records: Vec<_> = offers
            .iter()
            .map(|o| flat(serde_json::to_value(o).unwrap(), CsvTable::Offers))
            .collect();
        let header = crate::import::write::csv_header(CsvTable::Offers);
        let csv_names: Vec<&str> = header.trim_end().split(',').collect();
        for r in &records {
            for key in r.as_object().unwrap().keys() {
                assert!(csv_names.contains(&key.as_str()), "{key} is no CSV column");
            }
        }
        let json = serde_json::to_string(&records).unwrap();
        assert_eq!(offers_from_table(&json).unwrap(), offers);

        // Children without a count of adults: one adult, as an empty CSV cell says.
        let none = r#"{"id": ["nc-1"], "arrival": ["2024-01-02"]}"#;
        assert_eq!(newcomers_from_table(none).unwrap()[0].household.adults, 1);
        let one = r#"{"id": ["nc-1"], "arrival": ["2024-01-02"], "children_ages": [[6, 9]]}"#;
        let h = &newcomers_from_table(one).unwrap()[0].household;
        assert_eq!((h.adults, h.children_ages.clone()), (1, vec![6, 9]));
        let two = r#"{"id": ["nc-1"], "arrival": ["2024-01-02"], "adults": [2]}"#;
        assert_eq!(newcomers_from_table(two).unwrap()[0].household.adults, 2);
    }

    #[test]
    fn errors_name_row_and_field_without_values() {
        let bad = r#"{"id": ["nc-1", "nc-2"], "arrival": ["2024-01-02", "secret-value"]}"#;
        let e = newcomers_from_table(bad).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("newcomers[1].arrival"), "{text}");
        assert!(!text.contains("secret-value"), "{text}");
        let ragged = r#"{"id": ["a", "b"], "arrival": ["2024-01-02"]}"#;
        assert_eq!(
            newcomers_from_table(ragged).unwrap_err().code(),
            "input.table"
        );
        let half =
            r#"[{"id": "o", "kind": "contact_family", "title": "t", "capacity": 1, "lat": 1.0}]"#;
        assert!(
            offers_from_table(half)
                .unwrap_err()
                .to_string()
                .contains("offers[0]")
        );
        assert!(newcomers_from_table("3").is_err());
        assert!(newcomers_from_table("[1").is_err());
    }

    #[test]
    fn large_tables_are_read_in_order_and_errors_keep_their_row() {
        let n = 12_000;
        let ids: Vec<String> = (0..n).map(|k| format!("\"nc-{k}\"")).collect();
        let mut days: Vec<&str> = vec!["\"2024-01-02\""; n];
        let good = format!(
            "{{\"id\": [{}], \"arrival\": [{}]}}",
            ids.join(","),
            days.join(",")
        );
        let all = newcomers_from_table(&good).unwrap();
        assert_eq!(all.len(), n);
        assert!(
            all.iter()
                .enumerate()
                .all(|(k, x)| x.id.as_str() == format!("nc-{k}"))
        );
        days[11_000] = "\"no\"";
        days[11_500] = "\"no\"";
        let bad = format!(
            "{{\"id\": [{}], \"arrival\": [{}]}}",
            ids.join(","),
            days.join(",")
        );
        let e = newcomers_from_table(&bad).unwrap_err();
        assert!(e.to_string().contains("newcomers[11000].arrival"), "{e}");
    }
}
