//! The association directory from Python: the dossier's facet (`d.directory.build()`,
//! `.search(...)`, `.hsds(...)`, `.hsds_json(...)`), the register as a class, and the
//! spreadsheet functions. Every method delegates to the core.

use crate::convert::Date;
use crate::convert::{IntoPy, from_py, lang, to_py};
use crate::dossier::Dossier;
use crate::model::Finding;
use brobygger::chrono::NaiveDate;
use brobygger::directory::{self as dir, DirectoryOptions, DirectoryQuery, HsdsOptions};
use brobygger::present::{Format, Present};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

fn options(as_of: Option<NaiveDate>, listed_only: bool) -> DirectoryOptions {
    DirectoryOptions { as_of, listed_only }
}

fn hsds_options(l: &str, include_internal: bool) -> PyResult<HsdsOptions> {
    Ok(HsdsOptions {
        lang: lang(l)?,
        include_internal,
    })
}

/// A query from free text (`"lektiecafé"`), a dict shaped like the core's `DirectoryQuery`
/// (`text`, `organisation_kinds`, `activity_kinds`, `areas`, `languages`, `target_groups`,
/// `days`, `visibility`, `include_ended`), or None for everything.
fn query(q: Option<&Bound<'_, PyAny>>) -> PyResult<DirectoryQuery> {
    match q {
        None => Ok(DirectoryQuery::default()),
        Some(q) if q.is_none() => Ok(DirectoryQuery::default()),
        Some(q) if q.is_instance_of::<PyString>() => {
            Ok(DirectoryQuery::text(q.extract::<String>()?))
        }
        Some(q) => from_py(q, "query"),
    }
}

/// The association directory of a dossier (the core's `DirectoryFacet`): `d.directory.build()`,
/// `d.directory.search("lektiecafé")`, `d.directory.hsds_json("da")`.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierDirectory {
    dossier: Py<Dossier>,
}

impl DossierDirectory {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierDirectory {
    /// The register: every organisation but individuals, with its entry and offers. With
    /// `as_of`, contact posts are checked for a holder on that day; `listed_only` leaves out
    /// organisations without an entry of their own.
    #[pyo3(signature = (as_of = None, listed_only = false))]
    fn build(&self, py: Python<'_>, as_of: Option<Date>, listed_only: bool) -> PyResult<Directory> {
        let as_of = as_of.map(|v| v.0);
        let d = self.dossier.try_borrow(py)?;
        Ok(Directory {
            inner: d.inner.directory().build(options(as_of, listed_only)),
        })
    }

    /// The associations matching `query` (free text, or a dict of filters), best first, each a
    /// dict `{"association", "score", "matched"}` with the offers narrowed to those that pass.
    #[pyo3(signature = (query = None, as_of = None, listed_only = false))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: Option<&Bound<'py, PyAny>>,
        as_of: Option<Date>,
        listed_only: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = as_of.map(|v| v.0);
        let q = self::query(query)?;
        let d = self.dossier.try_borrow(py)?;
        to_py(
            py,
            &d.inner.directory().search(&q, options(as_of, listed_only)),
        )
    }

    /// The register as Open Referral HSDS 3.0 organizations (plain dicts); public entries only
    /// unless `include_internal`. No personal data.
    #[pyo3(signature = (lang = "da", include_internal = false))]
    fn hsds<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        include_internal: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = hsds_options(lang, include_internal)?;
        let d = self.dossier.try_borrow(py)?;
        to_py(py, &d.inner.directory().hsds(o))
    }

    /// The HSDS export as JSON text (a list of organizations), ready to publish.
    #[pyo3(signature = (lang = "da", include_internal = false))]
    fn hsds_json(&self, py: Python<'_>, lang: &str, include_internal: bool) -> PyResult<String> {
        let o = hsds_options(lang, include_internal)?;
        let d = self.dossier.try_borrow(py)?;
        d.inner.directory().hsds_json(o).py()
    }
}

/// The register of associations and their offers: from `d.directory.build()` or
/// `directory_from_csv(...)`. `tables(lang)` are its DataFrames' tables (`directory`,
/// `directory_offers`); `to_csv()` is the municipality's spreadsheet.
#[pyclass(frozen, module = "brobygger")]
#[derive(Clone, Debug)]
pub struct Directory {
    pub(crate) inner: dir::Directory,
}

#[pymethods]
impl Directory {
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

    /// The associations, as dicts shaped like the core's `DirectoryAssociation`.
    #[getter]
    fn associations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.associations)
    }

    /// The associations matching `query` (free text, or a dict of filters), best first.
    #[pyo3(signature = (query = None))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let q = self::query(query)?;
        to_py(py, &self.inner.search(&q))
    }

    /// This register as HSDS 3.0 organizations (plain dicts).
    #[pyo3(signature = (lang = "da", include_internal = false))]
    fn hsds<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
        include_internal: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.hsds(hsds_options(lang, include_internal)?))
    }

    /// This register's HSDS export as JSON text.
    #[pyo3(signature = (lang = "da", include_internal = false))]
    fn hsds_json(&self, lang: &str, include_internal: bool) -> PyResult<String> {
        self.inner
            .hsds_json(hsds_options(lang, include_internal)?)
            .py()
    }

    /// The register as the municipality's spreadsheet (`;`-separated CSV text).
    fn to_csv(&self) -> String {
        dir::directory_to_csv(&self.inner)
    }

    /// The presented tables (`directory`, `directory_offers`) as dicts with `name`, `title`,
    /// `columns` and `rows`, texts in `lang`.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &Present::tables(&self.inner, self::lang(lang)?))
    }

    /// The table `table` (`directory` or `directory_offers`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.frame(d.tables(lang), "directory", lang)` gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "directory", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "directory", lang = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "polars", table, lang)
    }

    /// The register as an HTML fragment: each association with its offers, days and times.
    #[pyo3(signature = (lang = None))]
    fn html(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self
            .inner
            .present(Format::HtmlFragment, crate::convert::lang_or_display(lang)?))
    }

    /// The register as Markdown.
    #[pyo3(signature = (lang = None))]
    fn markdown(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self
            .inner
            .present(Format::Markdown, crate::convert::lang_or_display(lang)?))
    }

    /// The register as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Jupyter: the register as HTML in `bb.options.lang`.
    fn _repr_html_(&self) -> String {
        self.inner
            .present(Format::HtmlFragment, crate::convert::display_lang())
    }

    fn __len__(&self) -> usize {
        self.inner.associations.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Directory(associations={}, offers={})",
            self.inner.associations.len(),
            self.inner.offer_count()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Directory>()
            .map(|o| o.get().inner == self.inner)
            .unwrap_or(false)
    }
}

/// The directory spreadsheet's columns, in order: dicts `{"name", "name_da", "required",
/// "format": {"da", "en"}}`.
#[pyfunction]
pub fn directory_columns(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &dir::directory_columns())
}

/// Reads the directory spreadsheet and never raises for the data: `(Directory, problems)`,
/// the rows with errors left out and every problem as a `Finding` at `rows[<line>].<column>`.
/// `data` is the file's text (`str`), its bytes (UTF-8 or Windows-1252), or a table of plain
/// cells (a dict of column lists, or a list of dicts, e.g. `df.to_dict("list")`).
#[pyfunction]
pub fn directory_from_csv(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
) -> PyResult<(Directory, Vec<Finding>)> {
    let read = if data.is_instance_of::<PyString>() {
        let text: String = data.extract()?;
        py.detach(|| dir::directory_from_csv(&text))
    } else if let Ok(b) = data.cast::<PyBytes>() {
        let bytes = b.as_bytes().to_vec();
        py.detach(|| dir::directory_from_csv_bytes(&bytes))
    } else if let Some(sheet) = crate::convert::sheet(data)? {
        dir::directory_from_sheet(&sheet)
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "data must be CSV text (str), the file's bytes, a dict of column lists or a list of dicts",
        ));
    };
    Ok((
        Directory {
            inner: read.directory,
        },
        read.problems.into_iter().map(Into::into).collect(),
    ))
}

/// The register as the spreadsheet (`;`-separated CSV text); as `Directory.to_csv()`.
#[pyfunction]
pub fn directory_to_csv(directory: &Directory) -> String {
    dir::directory_to_csv(&directory.inner)
}

/// The stable HSDS id (a name-based UUID) the export gives the row `name` of `table`.
#[pyfunction]
pub fn hsds_uuid(table: &str, name: &str) -> String {
    dir::hsds_uuid(table, name)
}
