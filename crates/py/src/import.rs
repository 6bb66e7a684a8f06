//! Spreadsheet lists in Python: newcomers and offers read from CSV (a path, text or bytes) and
//! written back, the documented column layout, a matching run as CSV, and a dossier's
//! reminders. Profiles are plain dicts shaped like the file format, as `match_profiles` takes
//! them.

use crate::convert::Date;
use crate::convert::{IntoPy, from_py, lang, parse_enum, to_py};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::matching::MatchRun;
use brobygger::Lang;
use brobygger::import::{self, CsvOptions, CsvTable, SheetStyle};
use brobygger::matching::{Newcomer, Offer};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

fn options(file_name: Option<String>, ignore_unknown_columns: bool) -> CsvOptions {
    CsvOptions {
        file_name,
        delimiter: None,
        ignore_unknown_columns,
        sheet: None,
    }
}

fn style(s: &str) -> PyResult<SheetStyle> {
    parse_enum(s, "style")
}

fn book_lang(lang: Option<&str>) -> PyResult<Option<Lang>> {
    lang.map(self::lang).transpose()
}

/// Reads a newcomers CSV file (any delimiter, UTF-8 or Windows-1252) into dicts. Raises
/// `ValidationError` (code `import.invalid_csv`) with every problem as a finding whose message
/// starts with the file, line and column; `ParseError`-free: a bad cell is a finding.
#[pyfunction]
#[pyo3(signature = (path, *, ignore_unknown_columns = false))]
pub fn read_newcomers_csv<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = read(&path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    newcomers(py, &bytes, options(name, ignore_unknown_columns))
}

/// Reads an offers CSV file into dicts; as `read_newcomers_csv`.
#[pyfunction]
#[pyo3(signature = (path, *, ignore_unknown_columns = false))]
pub fn read_offers_csv<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = read(&path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    offers(py, &bytes, options(name, ignore_unknown_columns))
}

/// Newcomers from CSV text (or bytes in any encoding the reader knows); as `read_newcomers_csv`.
#[pyfunction]
#[pyo3(signature = (data, *, file_name = None, ignore_unknown_columns = false))]
pub fn newcomers_from_csv<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    file_name: Option<String>,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    newcomers(
        py,
        &bytes_of(data)?,
        options(file_name, ignore_unknown_columns),
    )
}

/// Offers from CSV text or bytes; as `newcomers_from_csv`.
#[pyfunction]
#[pyo3(signature = (data, *, file_name = None, ignore_unknown_columns = false))]
pub fn offers_from_csv<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    file_name: Option<String>,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    offers(
        py,
        &bytes_of(data)?,
        options(file_name, ignore_unknown_columns),
    )
}

/// Reads newcomers CSV text or bytes and never raises for the data: a dict with `newcomers`
/// (the rows without errors), `problems` (every problem with `code`, `severity`, `file`, `line`,
/// `column`, `column_name`, `row`, `text`), `delimiter` and `encoding`.
#[pyfunction]
#[pyo3(signature = (data, *, file_name = None, ignore_unknown_columns = false))]
pub fn check_newcomers_csv<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    file_name: Option<String>,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = bytes_of(data)?;
    let o = options(file_name, ignore_unknown_columns);
    let r = py.detach(|| import::check_newcomers_csv_bytes(&bytes, &o));
    to_py(py, &r)
}

/// Reads offers CSV text or bytes and never raises for the data; as `check_newcomers_csv`.
#[pyfunction]
#[pyo3(signature = (data, *, file_name = None, ignore_unknown_columns = false))]
pub fn check_offers_csv<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    file_name: Option<String>,
    ignore_unknown_columns: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = bytes_of(data)?;
    let o = options(file_name, ignore_unknown_columns);
    let r = py.detach(|| import::check_offers_csv_bytes(&bytes, &o));
    to_py(py, &r)
}

/// Households (dicts shaped like the file format) as CSV text that reads back to them.
#[pyfunction]
pub fn newcomers_to_csv(newcomers: &Bound<'_, PyAny>) -> PyResult<String> {
    let list: Vec<Newcomer> = from_py(newcomers, "newcomers")?;
    import::newcomers_to_csv(&list).py()
}

/// Offers (dicts) as CSV text that reads back to them.
#[pyfunction]
pub fn offers_to_csv(offers: &Bound<'_, PyAny>) -> PyResult<String> {
    let list: Vec<Offer> = from_py(offers, "offers")?;
    import::offers_to_csv(&list).py()
}

/// Households as CSV in a style: `"data"` (for programs, as `newcomers_to_csv`), `"excel_da"`
/// (Danish Excel: byte-order mark, `;`, decimal commas, Danish headings and words) or
/// `"excel_en"`. Reading it gives the same households.
#[pyfunction]
pub fn newcomers_to_csv_styled(newcomers: &Bound<'_, PyAny>, style: &str) -> PyResult<String> {
    let list: Vec<Newcomer> = from_py(newcomers, "newcomers")?;
    Ok(import::newcomers_to_csv_styled(&list, self::style(style)?))
}

/// Offers as CSV in a style; as `newcomers_to_csv_styled`.
#[pyfunction]
pub fn offers_to_csv_styled(offers: &Bound<'_, PyAny>, style: &str) -> PyResult<String> {
    let list: Vec<Offer> = from_py(offers, "offers")?;
    Ok(import::offers_to_csv_styled(&list, self::style(style)?))
}

/// Households as an `.xlsx` workbook (bytes), headings and words in `lang` (`None`: the names
/// and keys programs use). Reading it gives the same households.
#[pyfunction]
#[pyo3(signature = (newcomers, lang = None))]
pub fn newcomers_to_xlsx<'py>(
    py: Python<'py>,
    newcomers: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let list: Vec<Newcomer> = from_py(newcomers, "newcomers")?;
    let bytes = import::newcomers_to_xlsx(&list, book_lang(lang)?).py()?;
    Ok(PyBytes::new(py, &bytes))
}

/// Offers as an `.xlsx` workbook (bytes); as `newcomers_to_xlsx`.
#[pyfunction]
#[pyo3(signature = (offers, lang = None))]
pub fn offers_to_xlsx<'py>(
    py: Python<'py>,
    offers: &Bound<'py, PyAny>,
    lang: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let list: Vec<Offer> = from_py(offers, "offers")?;
    let bytes = import::offers_to_xlsx(&list, book_lang(lang)?).py()?;
    Ok(PyBytes::new(py, &bytes))
}

/// A matching run's household table as CSV in a style (`"data"`, `"excel_da"`, `"excel_en"`),
/// texts in `lang`.
#[pyfunction]
pub fn match_run_to_csv_styled(
    run: PyRef<'_, MatchRun>,
    lang: &str,
    style: &str,
) -> PyResult<String> {
    import::match_run_to_csv_styled(&run.inner, self::lang(lang)?, self::style(style)?).py()
}

/// A matching run's household table as an `.xlsx` workbook (bytes), texts in `lang`.
#[pyfunction]
pub fn match_run_to_xlsx<'py>(
    py: Python<'py>,
    run: PyRef<'py, MatchRun>,
    lang: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = import::match_run_to_xlsx(&run.inner, self::lang(lang)?).py()?;
    Ok(PyBytes::new(py, &bytes))
}

/// The documented columns of `"newcomers"` or `"offers"` files, as dicts (`name`, `required`,
/// `field`, `sensitivity`, `format`, `example`, `quoted_in_problems`).
#[pyfunction]
pub fn csv_columns<'py>(py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
    let table: CsvTable = parse_enum(table, "table")?;
    to_py(py, &import::csv_columns(table))
}

/// A matching run as a table for a spreadsheet (one row per household), texts in `lang`.
#[pyfunction]
#[pyo3(signature = (run, lang = "da"))]
pub fn match_run_to_csv(run: PyRef<'_, MatchRun>, lang: &str) -> PyResult<String> {
    import::match_run_to_csv(&run.inner, self::lang(lang)?).py()
}

fn read(path: &std::path::Path) -> PyResult<Vec<u8>> {
    brobygger::read_input(path)
        .map_err(brobygger::BrobyggerError::from)
        .py()
}

fn bytes_of(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if data.is_instance_of::<PyString>() {
        let text: String = data.extract()?;
        return Ok(text.into_bytes());
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "data must be CSV text (str) or the file's bytes",
    ))
}

fn newcomers<'py>(py: Python<'py>, bytes: &[u8], o: CsvOptions) -> PyResult<Bound<'py, PyAny>> {
    let list = py
        .detach(|| import::newcomers_from_csv_bytes(bytes, &o))
        .py()?;
    to_py(py, &list)
}

fn offers<'py>(py: Python<'py>, bytes: &[u8], o: CsvOptions) -> PyResult<Bound<'py, PyAny>> {
    let list = py
        .detach(|| import::offers_from_csv_bytes(bytes, &o))
        .py()?;
    to_py(py, &list)
}

/// What is due or overdue (the core's `RemindersFacet`): `d.reminders`. Shares the dossier.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierReminders {
    dossier: Py<Dossier>,
}

impl DossierReminders {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierReminders {
    /// What is due or overdue on `as_of` or within `horizon_days` after it: introductions,
    /// meetings to convene, reviews, the end of terms, committee briefings; overdue first. A
    /// list of dicts (`kind`, `state`, `due_on`, `days_overdue`, `agreement`, `cohort`,
    /// `subject`, `path`, `text`, `source`).
    #[pyo3(signature = (as_of, horizon_days = brobygger::DEFAULT_HORIZON_DAYS))]
    fn due<'py>(
        &self,
        py: Python<'py>,
        as_of: Date,
        horizon_days: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = as_of.0;
        let d = self.dossier.read_wait(py)?;
        let due = d
            .inner
            .reminders()
            .due(as_of, brobygger::ReminderOptions::horizon(horizon_days));
        to_py(py, &due)
    }
}
