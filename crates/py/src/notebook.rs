//! For analysts in notebooks: findings as HTML (what `brobygger.Findings` shows in Jupyter) and
//! the assessment of many dossiers in one call with the GIL released.

use crate::assessment::Assessment;
use crate::convert::lang;
use crate::dossier::Dossier;
use crate::model::Finding;
use brobygger as core;
use brobygger::chrono::NaiveDate;
use pyo3::prelude::*;

/// Findings as a self-contained HTML fragment in `lang` (`"da"` or `"en"`): a line of counts
/// per severity and a table of severity, code, path, message and source. Codes, paths and the
/// library's own texts only; no personal values.
#[pyfunction]
#[pyo3(signature = (findings, lang = "da"))]
pub fn findings_html(findings: Vec<PyRef<'_, Finding>>, lang: &str) -> PyResult<String> {
    let lang = self::lang(lang)?;
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
    as_of: NaiveDate,
) -> Vec<Vec<Assessment>> {
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
