//! Outcomes over time from Python: `d.outcomes.record(...)`, `.records(household)` and
//! `.cohort_view(cohort, as_of)`, the view as a class with its table. Delegations to the core.

use crate::convert::Date;
use crate::convert::{IntoPy, lang, parse_enum, to_py};
use crate::dossier::Dossier;
use brobygger::outcomes::{OutcomeOptions, OutcomeRecord};
use brobygger::present::{Format, Present};
use pyo3::prelude::*;

/// A dossier's outcome records (the core's `OutcomesFacet`): `d.outcomes.record(...)`,
/// `d.outcomes.cohort_view("ikast-2016-q1", date(2017, 1, 1))`.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierOutcomes {
    dossier: Py<Dossier>,
}

impl DossierOutcomes {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierOutcomes {
    /// Records a household's outcomes on a day: `employment` (`"employed"`, `"in_education"`,
    /// `"internship"`, `"unemployed"`, `"outside_labour_market"`), `self_supporting`, `danish`
    /// (`"no_danish"`, `"a1"` ... `"c1"`), `network` (`"isolated"`, `"own_community"`, `"wider"`).
    /// Raises `InvalidInputError` (`outcome.no_basis`, `outcome.before_arrival`,
    /// `outcome.duplicate_record`) or `NotFoundError`; nothing changes then.
    #[pyo3(signature = (household, cohort, on, *, employment = None, self_supporting = None, danish = None, network = None))]
    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        py: Python<'_>,
        household: &str,
        cohort: &str,
        on: Date,
        employment: Option<&str>,
        self_supporting: Option<bool>,
        danish: Option<&str>,
        network: Option<&str>,
    ) -> PyResult<()> {
        let on = on.0;
        let record = OutcomeRecord {
            household: household.into(),
            cohort: cohort.into(),
            on,
            employment: employment
                .map(|e| parse_enum(e, "employment"))
                .transpose()?,
            self_supporting,
            danish: danish.map(|e| parse_enum(e, "danish")).transpose()?,
            network: network.map(|e| parse_enum(e, "network")).transpose()?,
        };
        let mut d = self.dossier.try_borrow_mut(py)?;
        d.inner.outcomes_mut().record(record).py()
    }

    /// The household's records, oldest first, as dicts.
    fn records<'py>(&self, py: Python<'py>, household: &str) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.try_borrow(py)?;
        to_py(py, &d.inner.outcomes().records(&household.into()))
    }

    /// The cohort's outcomes on `as_of` by whether and how early its households were matched and
    /// introduced; every cell below `min_cell` households (the core's default when None) hidden.
    #[pyo3(signature = (cohort, as_of, min_cell = None))]
    fn cohort_view(
        &self,
        py: Python<'_>,
        cohort: &str,
        as_of: Date,
        min_cell: Option<u32>,
    ) -> PyResult<OutcomeView> {
        let as_of = as_of.0;
        let mut options = OutcomeOptions::as_of(as_of);
        if let Some(m) = min_cell {
            options.min_cell = m;
        }
        let d = self.dossier.try_borrow(py)?;
        Ok(OutcomeView {
            inner: d
                .inner
                .outcomes()
                .cohort_view(&cohort.into(), options)
                .py()?,
        })
    }
}

/// A cohort's outcomes, aggregated: never a household on its own.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct OutcomeView {
    inner: brobygger::outcomes::OutcomeView,
}

#[pymethods]
impl OutcomeView {
    /// Pickling: the core value's serde form (see `_from_state`).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
        crate::convert::reduce(slf.as_any(), crate::convert::state(&slf.get().inner)?)
    }

    /// Unpickling: the value from the state `__reduce__` gave.
    #[staticmethod]
    fn _from_state(state: &[u8]) -> PyResult<Self> {
        Ok(Self {
            inner: crate::convert::from_state(state)?,
        })
    }

    /// The cells as dicts (`grouping`, `timing`, `measure`, `households`, `with_outcome`,
    /// `share`, `suppression`).
    #[getter]
    fn cells<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.cells)
    }

    /// Records left out because no basis covered their household on the day.
    #[getter]
    fn left_out_without_basis(&self) -> u32 {
        self.inner.left_out_without_basis
    }

    /// The `outcomes` table as a dict (`name`, `title`, `columns`, `rows`), texts in `lang`.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &Present::tables(&self.inner, self::lang(lang)?))
    }

    /// The table `table` (`outcomes`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.frame(view.tables(lang), "outcomes", lang)` gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "outcomes", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "outcomes", lang = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "polars", table, lang)
    }

    /// The view as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Jupyter: the view as HTML in `bb.options.lang`.
    fn _repr_html_(&self) -> String {
        self.inner
            .present(Format::HtmlFragment, crate::convert::display_lang())
    }

    fn __repr__(&self) -> String {
        format!(
            "OutcomeView({:?}, as_of={}, households={})",
            self.inner.cohort.as_str(),
            self.inner.as_of,
            self.inner.households_with_record
        )
    }
}
