//! Matching at scale from Python: dense assignment on a matrix handed over as raw float64
//! bytes (the pure-Python `brobygger.linear_sum_assignment` turns numpy arrays and lists into
//! them), and profiles in bulk (`Profiles`), read from one JSON table (records, columns or a
//! DataFrame's split rows) and matched with the GIL released. No per-object round trips.

use crate::convert::Date;
use crate::convert::{IntoPy, parse_enum};
use crate::matching::{MatchRun, RuleSet};
use brobygger::BrobyggerError;
use brobygger::import::{CsvTable, nested_columns};
use brobygger::matching as m;
use brobygger::matching::{
    DenseTotal, Objective, solve_dense_bytes_watched, solve_dense_owned_watched,
};
use pyo3::IntoPyObjectExt;
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
/// The GIL is released while converting and solving; `progress` and Ctrl-C as for
/// `match_profiles`.
#[pyfunction]
#[pyo3(signature = (data, rows, cols, objective = "minimize", progress = None))]
pub fn _assign_dense(
    py: Python<'_>,
    data: &[u8],
    rows: usize,
    cols: usize,
    objective: &str,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<u32>, Vec<u32>, f64)> {
    let objective: Objective = parse_enum(objective, "objective")?;
    let w = crate::progress::watched(py, progress)?;
    let watch = w.watch();
    let a = py.detach(|| {
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
        solve_dense_owned_watched(matrix, rows, cols, objective, watch)
    });
    let a = w.outcome(py, a)?;
    Ok((a.rows, a.columns, a.total))
}

/// Dense optimal assignment on a row-major matrix given as `bytes` in the element type
/// `typestr` (numpy's `dtype.str`: `<f8`, `<i8`, `|u1`, `|b1`, ...), `rows × cols`. Returns the
/// row indices, their columns and the total: an exact `int` for integer matrices (no rounding
/// above 2**53), a `float` otherwise. Complex numbers, text, objects and dates raise
/// `InvalidInputError` (`assignment.element_type`). Private: call
/// `brobygger.linear_sum_assignment`. The GIL is released while converting and solving;
/// `progress` and Ctrl-C as for `match_profiles`.
#[pyfunction]
#[pyo3(signature = (data, typestr, rows, cols, objective = "minimize", progress = None))]
pub fn _assign_dense_typed<'py>(
    py: Python<'py>,
    data: &[u8],
    typestr: &str,
    rows: usize,
    cols: usize,
    objective: &str,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<u32>, Vec<u32>, Bound<'py, PyAny>)> {
    let objective: Objective = parse_enum(objective, "objective")?;
    let w = crate::progress::watched(py, progress)?;
    let watch = w.watch();
    let s = py.detach(|| solve_dense_bytes_watched(data, typestr, rows, cols, objective, watch));
    let s = w.outcome(py, s)?;
    let total = match s.total {
        DenseTotal::Real(x) => x.into_bound_py_any(py)?,
        DenseTotal::Integer(x) => x.into_bound_py_any(py)?,
    };
    Ok((s.rows, s.columns, total))
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
    /// released for the whole run. `progress`: as in `match_profiles` (a callable, ``"auto"``
    /// or ``False``; by default ``bb.options.progress``); Ctrl-C stops the work.
    #[pyo3(signature = (rules, as_of, solver = "optimal", offer_ranking = "score", id = None, bases = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        py: Python<'_>,
        rules: &RuleSet,
        as_of: Date,
        solver: &str,
        offer_ranking: &str,
        id: Option<String>,
        bases: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<MatchRun> {
        let as_of = as_of.0;
        let options = crate::matching::options(solver, as_of, offer_ranking, id, bases)?;
        let rules = &rules.inner;
        let w = crate::progress::watched(py, progress)?;
        let watch = w.watch();
        let run =
            py.detach(|| m::run_watched(rules, &self.newcomers, &self.offers, options, watch));
        Ok(MatchRun {
            inner: w.outcome(py, run)?,
        })
    }

    /// Pickling: both sides in their serde form (see `_from_state`).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
        let p = slf.get();
        crate::convert::reduce(
            slf.as_any(),
            crate::convert::state(&(&p.newcomers, &p.offers))?,
        )
    }

    /// Unpickling: the profiles from the state `__reduce__` gave.
    #[staticmethod]
    fn _from_state(state: &[u8]) -> PyResult<Self> {
        let (newcomers, offers) = crate::convert::from_state(state)?;
        Ok(Self { newcomers, offers })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Profiles>()
            .map(|o| o.get().newcomers == self.newcomers && o.get().offers == self.offers)
            .unwrap_or(false)
    }

    fn __repr__(&self) -> String {
        format!(
            "Profiles(newcomers={}, offers={})",
            self.newcomers.len(),
            self.offers.len()
        )
    }
}

/// A group key as `(column, value)` pairs, each value converted to a cell.
fn key_parts(key: Option<Vec<(String, Bound<'_, PyAny>)>>) -> PyResult<Vec<m::KeyPart>> {
    key.unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, (column, value))| {
            Ok(m::KeyPart::new(
                column,
                crate::convert::cell(&value, &format!("key[{i}]"))?,
            ))
        })
        .collect()
}

/// One group's run as tables: `profiles` matched under `rules`, returned as the core's tables
/// `matches`, `unmatched` and `match_statistics` (plain dicts as `MatchRun.tables` gives them),
/// every row led by `key`'s `(column, value)` pairs. The GIL is released for the run. Private:
/// call `brobygger.match_tables`.
#[pyfunction]
#[pyo3(signature = (profiles, rules, as_of, solver = "optimal", offer_ranking = "score", key = None, lang = "en", id = None, bases = None))]
#[allow(clippy::too_many_arguments)]
pub fn _match_tables<'py>(
    py: Python<'py>,
    profiles: &Profiles,
    rules: &RuleSet,
    as_of: Date,
    solver: &str,
    offer_ranking: &str,
    key: Option<Vec<(String, Bound<'py, PyAny>)>>,
    lang: &str,
    id: Option<String>,
    bases: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = as_of.0;
    let options = crate::matching::options(solver, as_of, offer_ranking, id, bases)?;
    let key = key_parts(key)?;
    let lang = crate::convert::lang(lang)?;
    let rules = &rules.inner;
    let tables = py
        .detach(|| {
            m::match_tables(
                rules,
                &profiles.newcomers,
                &profiles.offers,
                options,
                &key,
                lang,
            )
        })
        .py()?;
    crate::convert::to_py(py, &tables.into_tables())
}

/// The table `name` (`matches`, `unmatched` or `match_statistics`) with no rows, led by `key`'s
/// columns (typed by the values given): what an engine declares as a grouped map's output.
/// Private: `brobygger.match_tables` and the engine adapters read it.
#[pyfunction]
#[pyo3(signature = (name, key = None))]
pub fn _empty_match_table<'py>(
    py: Python<'py>,
    name: &str,
    key: Option<Vec<(String, Bound<'py, PyAny>)>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = m::empty_match_table(name, &key_parts(key)?).py()?;
    crate::convert::to_py(py, &table)
}
