//! Matching at scale from Python: dense assignment on a matrix handed over as raw float64
//! bytes (the pure-Python `brobygger.linear_sum_assignment` turns numpy arrays and lists into
//! them), and profiles in bulk (`Profiles`), read from one JSON table (records, columns or a
//! DataFrame's split rows) and matched with the GIL released. No per-object round trips.

use crate::convert::{IntoPy, parse_enum};
use crate::matching::{MatchRun, RuleSet};
use brobygger::BrobyggerError;
use brobygger::chrono::NaiveDate;
use brobygger::import::{CsvTable, nested_columns};
use brobygger::matching as m;
use brobygger::matching::{Objective, solve_dense_owned};
use pyo3::prelude::*;

/// The table (a dict of equal-length column lists, or a list of dicts) as `;`-separated CSV
/// text when the core finds it shaped like a spreadsheet (no cell holds a list or a record),
/// otherwise None. Private: `brobygger.profiles` reads such a side with the CSV reader.
#[pyfunction]
pub fn _spreadsheet_csv(table: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(crate::convert::sheet(table)?.and_then(|s| s.to_csv()))
}

/// Dense optimal assignment on a row-major float64 matrix given as `bytes` (native byte
/// order), `rows × cols`. `objective` is `"minimize"` or `"maximize"`. Returns the row
/// indices, their columns and the total. Private: call `brobygger.linear_sum_assignment`.
/// The GIL is released while converting and solving.
#[pyfunction]
#[pyo3(signature = (data, rows, cols, objective = "minimize"))]
pub fn _assign_dense(
    py: Python<'_>,
    data: &[u8],
    rows: usize,
    cols: usize,
    objective: &str,
) -> PyResult<(Vec<u32>, Vec<u32>, f64)> {
    let objective: Objective = parse_enum(objective, "objective")?;
    let a = py
        .detach(|| {
            if !data.len().is_multiple_of(8) {
                return Err(BrobyggerError::invalid_input(
                    brobygger::matching::AssignmentCode::Shape,
                    "costs",
                    "the buffer is not a whole number of float64 values",
                ));
            }
            let matrix: Vec<f64> = data
                .chunks_exact(8)
                .map(|b| f64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
                .collect();
            solve_dense_owned(matrix, rows, cols, objective).map_err(BrobyggerError::from)
        })
        .py()?;
    Ok((a.rows, a.columns, a.total))
}

/// Newcomer households and offers read once, in bulk, ready to be matched under any rule set.
///
/// Make one with `brobygger.profiles(newcomers, offers)` from DataFrames, dicts of columns or
/// lists of dicts, with `Profiles.from_tables(...)`, or with
/// `Profiles.from_json(newcomers_json, offers_json)`. Reading JSON and matching release the
/// GIL.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug)]
pub struct Profiles {
    newcomers: Vec<m::Newcomer>,
    offers: Vec<m::Offer>,
}

#[pymethods]
impl Profiles {
    /// Reads both sides from JSON tables: a list of records, an object of columns, or
    /// `{"columns": [...], "data": [[...], ...]}` (pandas `orient="split"`), with the column
    /// names of the CSV files (flat `lat`/`lon`, `adults`/`children_ages`); `null` cells are
    /// absent fields. Raises `ParseError` or `InvalidInputError` naming the row and field.
    #[staticmethod]
    fn from_json(py: Python<'_>, newcomers: String, offers: String) -> PyResult<Self> {
        py.detach(|| {
            Ok(Profiles {
                newcomers: m::newcomers_from_table(&newcomers)?,
                offers: m::offers_from_table(&offers)?,
            })
        })
        .py()
    }

    /// Reads both sides straight from Python objects: each a dict of equal-length column
    /// lists (`{"id": [...], "arrival": [...], "lat": [...], "lon": [...]}`, the column names
    /// of the CSV files, or a nested `location` column) or a list of dicts with the field names
    /// of the file format; `None` is an absent field.
    /// Raises `InvalidInputError` naming the row and field (`newcomers[3].needs[0]`).
    #[staticmethod]
    fn from_tables(newcomers: &Bound<'_, PyAny>, offers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Profiles {
            newcomers: crate::bulk::rows(
                newcomers,
                "newcomers",
                &nested_columns(CsvTable::Newcomers),
            )?,
            offers: crate::bulk::rows(offers, "offers", &nested_columns(CsvTable::Offers))?,
        })
    }

    /// Number of newcomer households.
    #[getter]
    fn newcomer_count(&self) -> usize {
        self.newcomers.len()
    }

    /// Number of offers.
    #[getter]
    fn offer_count(&self) -> usize {
        self.offers.len()
    }

    /// Matches the households with the offers under `rules`, like `match_profiles` (the same
    /// consent gate: the profiles' own consent and basis columns, and `bases`). The GIL is
    /// released for the whole run.
    #[pyo3(signature = (rules, as_of, solver = "optimal", offer_ranking = "score", id = None, bases = None))]
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        py: Python<'_>,
        rules: &RuleSet,
        as_of: NaiveDate,
        solver: &str,
        offer_ranking: &str,
        id: Option<String>,
        bases: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<MatchRun> {
        let options = crate::matching::options(solver, as_of, offer_ranking, id, bases)?;
        let rules = &rules.inner;
        let run = py
            .detach(|| m::run(rules, &self.newcomers, &self.offers, options))
            .py()?;
        Ok(MatchRun { inner: run })
    }

    fn __repr__(&self) -> String {
        format!(
            "Profiles(newcomers={}, offers={})",
            self.newcomers.len(),
            self.offers.len()
        )
    }
}
