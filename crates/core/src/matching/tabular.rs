//! Table in, table out: one matching run whose result is three tables (`matches`, `unmatched`
//! with the reasons, `match_statistics`), each led by the columns of the group it was run for.
//!
//! This is the shape a data engine calls once per group (a municipality, a region, any key):
//! pandas' `groupby`, Dask's and Spark's grouped map. The engine hands over one group's
//! households and offers and the group key's values; the key goes back into every row, so the
//! tables of all groups stack into one table per kind, and a row says which group it came from
//! even where the engine dropped the key column on the way (pandas 3's `groupby.apply` does).
//! What the tables hold is decided here, once: the engines and bindings only convert.

use crate::code::InputCode;
use crate::error::BrobyggerError;
use crate::i18n::Lang;
use crate::matching::entry::run;
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::matching::present::{matches_table, statistics_table, unmatched_table};
use crate::present::render::Present;
use crate::present::table::{Cell, Column, ColumnType, Table};

/// The names of the tables a table run makes, in the order [`MatchTables::tables`] gives them.
pub const MATCH_TABLE_NAMES: [&str; 3] = ["matches", "unmatched", "match_statistics"];

/// One column of a group key and this group's value in it, e.g. `("municipality", "Aarhus")`.
/// The value's [`Cell`] variant decides the column's type (text, integer, decimal, date, bool;
/// [`Cell::Missing`] makes an optional text column).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPart {
    /// The column's name, as in the engine's table.
    pub column: String,
    /// This group's value.
    pub value: Cell,
}

impl KeyPart {
    /// A key column and its value.
    pub fn new(column: impl Into<String>, value: Cell) -> Self {
        Self {
            column: column.into(),
            value,
        }
    }
}

/// The result of a table run: the tables named in [`MATCH_TABLE_NAMES`], each with the group
/// key's columns first and then the columns of the library's table of that name.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchTables {
    /// One row per proposed match.
    pub matches: Table,
    /// One row per household left unmatched, with the binding constraint and the reasons.
    pub unmatched: Table,
    /// One row: the run in figures.
    pub statistics: Table,
}

impl MatchTables {
    /// The three tables in the order of [`MATCH_TABLE_NAMES`].
    pub fn tables(&self) -> [&Table; 3] {
        [&self.matches, &self.unmatched, &self.statistics]
    }

    /// Consumes the result into its three tables, in the order of [`MATCH_TABLE_NAMES`].
    pub fn into_tables(self) -> Vec<Table> {
        vec![self.matches, self.unmatched, self.statistics]
    }
}

/// The table named `name` (one of [`MATCH_TABLE_NAMES`]) with no rows, led by the key's
/// columns: what an engine declares as a grouped map's output before any group has run. The
/// key values only give the columns their types. `None` for another name; an error when a key
/// column has the name of one of the table's own columns or is named twice.
pub fn empty_match_table(name: &str, key: &[KeyPart]) -> Result<Option<Table>, BrobyggerError> {
    let table = match name {
        "matches" => matches_table(),
        "unmatched" => unmatched_table(),
        "match_statistics" => statistics_table(),
        _ => return Ok(None),
    };
    keyed(table, key).map(Some)
}

/// Runs a match of one group's `newcomers` with its `offers` under `rules` (as [`run`] does:
/// the same consent gate and validation) and returns its tables in `lang`, every row led by the
/// group `key` (empty for a run that is not one of many).
///
/// Fails with the run's errors, and with `input.key_column` when a key column has the name of
/// a column of the tables (`run`, `newcomer`, `offer`, ...) or is named twice.
pub fn match_tables(
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: impl Into<MatchOptions>,
    key: &[KeyPart],
    lang: Lang,
) -> Result<MatchTables, BrobyggerError> {
    // Check the key before the run, so a clash costs nothing.
    for name in MATCH_TABLE_NAMES {
        empty_match_table(name, key)?;
    }
    let result = run(rules, newcomers, offers, options)?;
    tables_of_run(&result, key, lang)
}

/// The tables of a run already made, led by `key` (see [`match_tables`]).
pub fn tables_of_run(
    result: &MatchRun,
    key: &[KeyPart],
    lang: Lang,
) -> Result<MatchTables, BrobyggerError> {
    let mut matches = None;
    let mut unmatched = None;
    let mut statistics = None;
    for table in Present::tables(result, lang) {
        match table.name.as_str() {
            "matches" => matches = Some(keyed(table, key)?),
            "unmatched" => unmatched = Some(keyed(table, key)?),
            "match_statistics" => statistics = Some(keyed(table, key)?),
            _ => {}
        }
    }
    // A run's tables always include these three (`every_run_has_its_tables` in the tests);
    // should that ever change, the empty table is still the right answer's shape.
    let or_empty = |t: Option<Table>, empty: fn() -> Table| match t {
        Some(t) => Ok(t),
        None => keyed(empty(), key),
    };
    Ok(MatchTables {
        matches: or_empty(matches, matches_table)?,
        unmatched: or_empty(unmatched, unmatched_table)?,
        statistics: or_empty(statistics, statistics_table)?,
    })
}

/// `table` with the key's columns first and its values at the head of every row.
fn keyed(mut table: Table, key: &[KeyPart]) -> Result<Table, BrobyggerError> {
    if key.is_empty() {
        return Ok(table);
    }
    for (i, part) in key.iter().enumerate() {
        let clash = table.columns.iter().any(|c| c.name == part.column)
            || key[..i].iter().any(|p| p.column == part.column);
        if clash {
            return Err(BrobyggerError::invalid_input(
                InputCode::KeyColumn,
                &format!("key[{i}]"),
                "the group key column has the name of a result column or is named twice",
            ));
        }
    }
    let mut columns: Vec<Column> = key.iter().map(key_column).collect();
    columns.append(&mut table.columns);
    table.columns = columns;
    for row in &mut table.rows {
        let mut cells: Vec<Cell> = key.iter().map(|p| p.value.clone()).collect();
        cells.append(row);
        *row = cells;
    }
    Ok(table)
}

/// The column a key part makes: named as given, labelled by its name in both languages (the
/// library cannot know what an engine's column means), typed by its value.
fn key_column(part: &KeyPart) -> Column {
    let name = part.column.as_str();
    let column = match &part.value {
        Cell::Missing | Cell::Text { .. } => Column::text(name, name, name),
        Cell::Integer { .. } => Column::integer(name, name, name),
        Cell::Decimal { .. } => Column::decimal(name, name, name),
        Cell::Date { .. } => Column::date(name, name, name),
        Cell::Bool { .. } => Column::bool(name, name, name),
        Cell::TextList { .. } => Column::list(name, name, name),
    };
    match (&part.value, column.kind) {
        (Cell::Missing, ColumnType::Text) => column.optional(),
        _ => column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::Dossier;
    use crate::matching::model::run::Solver;

    fn ikast() -> (Dossier, MatchOptions) {
        let d = Dossier::example("ikast-brande").expect("example");
        let on = "2016-04-01".parse().expect("date");
        (d, MatchOptions::new(Solver::Optimal, on))
    }

    #[test]
    fn every_row_is_led_by_the_key_and_the_tables_are_the_runs() {
        let (d, o) = ikast();
        let key = [
            KeyPart::new("municipality", Cell::text("Ikast-Brande")),
            KeyPart::new("year", Cell::int(2016)),
        ];
        let t = match_tables(
            &d.rule_sets[0],
            &d.cohorts[0].newcomers,
            &d.offers,
            o.clone(),
            &key,
            Lang::En,
        )
        .expect("run");
        let plain = match_tables(
            &d.rule_sets[0],
            &d.cohorts[0].newcomers,
            &d.offers,
            o,
            &[],
            Lang::En,
        )
        .expect("run");
        for (k, p) in t.tables().into_iter().zip(plain.tables()) {
            assert_eq!(k.names()[..2], ["municipality", "year"]);
            assert_eq!(k.names()[2..], p.names()[..]);
            assert_eq!(k.rows.len(), p.rows.len());
            for (kr, pr) in k.rows.iter().zip(&p.rows) {
                assert_eq!(kr[0], Cell::text("Ikast-Brande"));
                assert_eq!(kr[1], Cell::int(2016));
                assert_eq!(kr[2..], pr[..]);
            }
        }
        assert!(!t.matches.rows.is_empty());
        assert_eq!(t.statistics.rows.len(), 1);
    }

    #[test]
    fn a_key_column_with_a_tables_name_is_refused_before_the_run() {
        let (d, o) = ikast();
        for key in [
            vec![KeyPart::new("newcomer", Cell::text("x"))],
            vec![
                KeyPart::new("region", Cell::text("x")),
                KeyPart::new("region", Cell::text("y")),
            ],
        ] {
            let e = match_tables(&d.rule_sets[0], &[], &d.offers, o.clone(), &key, Lang::Da)
                .expect_err("clash");
            assert_eq!(e.code(), "input.key_column");
        }
    }

    #[test]
    fn empty_tables_have_the_columns_of_full_ones() {
        let key = [KeyPart::new("kommune", Cell::Missing)];
        for name in MATCH_TABLE_NAMES {
            let t = empty_match_table(name, &key).expect("ok").expect("known");
            assert_eq!(t.names()[0], "kommune");
            assert!(t.columns[0].optional);
            assert_eq!(
                t.names()[1..],
                crate::tables::empty_table(name).expect("t").names()[..]
            );
        }
        assert!(empty_match_table("scores", &key).expect("ok").is_none());
    }
}
