//! For analysts in notebooks: findings as HTML (what `brobygger.Findings` shows in Jupyter),
//! the core's tables that the DataFrames of `brobygger.tables` are made from, and the
//! assessment of many dossiers in one call with the GIL released.

use crate::assessment::Assessment;
use crate::convert::Date;
use crate::convert::{IntoPy, lang, to_py};
use crate::dossier::Dossier;
use crate::model::Finding;
use brobygger as core;
use brobygger::present::Present;
use pyo3::prelude::*;

/// Findings as a self-contained HTML fragment in `lang` (`"da"` or `"en"`): a line of counts
/// per severity and a table of severity, code, path, message and source. Codes, paths and the
/// library's own texts only; no personal values.
#[pyfunction]
#[pyo3(signature = (findings, lang = None))]
pub fn findings_html(findings: Vec<PyRef<'_, Finding>>, lang: Option<&str>) -> PyResult<String> {
    let lang = crate::convert::lang_or_display(lang)?;
    let findings: Vec<core::Finding> = findings.iter().map(|f| f.inner.clone()).collect();
    Ok(core::present::findings_html(&findings, lang))
}

/// Assesses every agreement of every dossier as of `as_of`, with the GIL released while the
/// library works: one list of assessments per dossier, in the dossiers' order (agreements in
/// each dossier's order). Raises `RuntimeError` if a dossier is being changed by another thread
/// at the same time.
#[pyfunction]
pub fn assess_many(
    py: Python<'_>,
    dossiers: Vec<PyRef<'_, Dossier>>,
    as_of: Date,
) -> Vec<Vec<Assessment>> {
    let as_of = as_of.0;
    let inner: Vec<&core::Dossier> = dossiers.iter().map(|d| &d.inner).collect();
    let results: Vec<Vec<core::Assessment>> = py.detach(|| {
        inner
            .iter()
            .map(|d| d.assessment().assess_all(as_of))
            .collect()
    });
    results
        .into_iter()
        .map(|list| list.into_iter().map(|inner| Assessment { inner }).collect())
        .collect()
}

/// Findings as the core's `findings` table in `lang` (`"da"` or `"en"`): a plain dict with
/// `name`, `title`, `columns` and `rows`, what `findings_frame` reads.
#[pyfunction]
#[pyo3(signature = (findings, lang = "en"))]
pub fn findings_table<'py>(
    py: Python<'py>,
    findings: Vec<PyRef<'_, Finding>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = self::lang(lang)?;
    let findings: Vec<core::Finding> = findings.iter().map(|f| f.inner.clone()).collect();
    to_py(py, &findings.as_slice().table("findings", lang))
}

/// The `shares` table of survey rounds (ids) of `dossier`, one after the other, as a plain dict
/// (`name`, `title`, `columns`, `rows`): what `survey_shares_frame` reads.
#[pyfunction]
pub fn survey_shares_table<'py>(
    py: Python<'py>,
    dossier: PyRef<'_, Dossier>,
    surveys: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let ids: Vec<core::SurveyId> = surveys.into_iter().map(Into::into).collect();
    to_py(
        py,
        &core::assessment::survey_shares_table(&dossier.inner, &ids).py()?,
    )
}

/// The `changes` table from survey round `before` to `after` of `dossier`, as a plain dict:
/// what `survey_changes_frame` reads.
#[pyfunction]
pub fn survey_changes_table<'py>(
    py: Python<'py>,
    dossier: PyRef<'_, Dossier>,
    before: &str,
    after: &str,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(
        py,
        &core::assessment::survey_changes_table(&dossier.inner, &before.into(), &after.into())
            .py()?,
    )
}

/// The `introductions` table of a cohort of `dossier` on day `on`, texts in `lang`, as a plain
/// dict: what `introductions_frame` reads.
#[pyfunction]
#[pyo3(signature = (dossier, cohort, on, lang = "en"))]
pub fn introductions_table<'py>(
    py: Python<'py>,
    dossier: PyRef<'_, Dossier>,
    cohort: &str,
    on: Date,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let on = on.0;
    let lang = self::lang(lang)?;
    to_py(
        py,
        &core::matching::introductions_table(&dossier.inner, &cohort.into(), on, lang).py()?,
    )
}

/// The result table named `name` (`"matches"`, `"scores"`, ...; see `table_names()`) with its
/// columns and no rows, as a plain dict: the columns a DataFrame has before there is a result.
/// Raises `NotFoundError` for a name the library does not make and `InvalidInputError` for a
/// language other than `"da"` or `"en"` (the language the frame's texts are asked in).
#[pyfunction]
#[pyo3(signature = (name, lang = "en"))]
pub fn empty_table<'py>(py: Python<'py>, name: &str, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    self::lang(lang)?;
    let table = core::empty_table(name)
        .ok_or_else(|| core::BrobyggerError::not_found(brobygger::NotFoundCode::Table, name))
        .py()?;
    to_py(py, &table)
}

/// The name of every result table the library makes.
#[pyfunction]
pub fn table_names() -> Vec<&'static str> {
    core::TABLE_NAMES.to_vec()
}

/// The `relationships` table of `dossier` on day `on` (one row per relationship proposed by
/// then, with its state on the day), texts in `lang`, as a plain dict: what
/// `relationships_frame` reads.
#[pyfunction]
#[pyo3(signature = (dossier, on, lang = "en"))]
pub fn relationships_table<'py>(
    py: Python<'py>,
    dossier: PyRef<'_, Dossier>,
    on: Date,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let on = on.0;
    let lang = self::lang(lang)?;
    to_py(
        py,
        &core::matching::relationships_table(&dossier.inner, on, lang),
    )
}

/// The `relationship_events` table of `dossier` (one row per event), texts in `lang`, as a
/// plain dict: what `relationship_events_frame` reads.
#[pyfunction]
#[pyo3(signature = (dossier, lang = "en"))]
pub fn relationship_events_table<'py>(
    py: Python<'py>,
    dossier: PyRef<'_, Dossier>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = self::lang(lang)?;
    to_py(
        py,
        &core::matching::relationship_events_table(&dossier.inner, lang),
    )
}
