//! Meetings from Python: `d.meetings.minutes(as_of)` as `Minutes` (the meetings held with their
//! agenda, decisions and action items, each with where it stands on the day). Delegations to
//! the core.

use crate::convert::Date;
use crate::convert::{IntoPy, parse_enum, to_py};
use crate::dossier::{Dossier, Shared};
use brobygger::chrono::NaiveDate;
use brobygger::present::Present;
use pyo3::prelude::*;

/// The meetings held and their minutes (the core's `MeetingsFacet`): `d.meetings`. Shares the
/// dossier.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierMeetings {
    dossier: Py<Dossier>,
}

impl DossierMeetings {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierMeetings {
    /// The meetings held on or before `as_of` (of `agreement`, or of every agreement), oldest
    /// first, with their agenda, decisions and action items, each action item's state judged
    /// on `as_of`. Raises `NotFoundError` for an agreement the dossier does not hold.
    #[pyo3(signature = (as_of, agreement = None))]
    fn minutes(&self, py: Python<'_>, as_of: Date, agreement: Option<String>) -> PyResult<Minutes> {
        let as_of = as_of.0;
        let d = self.dossier.read_wait(py)?;
        let id = agreement.map(brobygger::AgreementId::from);
        Ok(Minutes {
            inner: d.inner.meetings().minutes(as_of, id.as_ref()).py()?,
        })
    }
}

/// Meetings held up to a day with their minutes.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct Minutes {
    inner: brobygger::Minutes,
}

#[pymethods]
impl Minutes {
    /// The day the action items are judged on.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The meetings, oldest first, as dicts: `agreement`, `forum`, `forum_name`, `held_on`,
    /// `agenda`, `decisions`, `action_items` (each `what`, `owner`, `owner_name`, `due`,
    /// `status`, `closed_on`, `overdue`, `days_overdue`, `path`) and `path`.
    #[getter]
    fn meetings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.meetings)
    }

    /// Every action item, meeting by meeting, as dicts.
    fn action_items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items: Vec<&brobygger::ActionItemState> = self.inner.action_items().collect();
        to_py(py, &items)
    }

    /// Only the overdue action items, under the meetings that agreed them.
    fn overdue_only(&self) -> Minutes {
        Minutes {
            inner: self.inner.clone().overdue_only(),
        }
    }

    /// The minutes as `"text"`, `"markdown"` or `"html"` in `lang`.
    #[pyo3(signature = (format = "markdown", lang = None))]
    fn render(&self, format: &str, lang: Option<&str>) -> PyResult<String> {
        let format = parse_enum(format, "format")?;
        Ok(self
            .inner
            .present(format, crate::convert::lang_or_display(lang)?))
    }

    /// The Markdown minutes in `bb.options.lang`, for Jupyter.
    fn _repr_markdown_(&self) -> String {
        self.inner
            .present(brobygger::Format::Markdown, crate::convert::display_lang())
    }
}
