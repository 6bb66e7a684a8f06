//! Calendars from Python: `d.calendar.export(as_of, ...)` as a `Calendar` with its events and
//! `to_ics()`, `d.calendar.ics(...)` as the iCalendar text, and `read_ics(text)`. Delegations
//! to the core.

use crate::convert::Date;
use crate::convert::{IntoPy, lang, parse_enum, to_py};
use crate::dossier::{Dossier, Shared};
use brobygger::calendar::{self, CalendarOptions};
use brobygger::chrono::NaiveDate;
use pyo3::prelude::*;

fn options(
    as_of: NaiveDate,
    language: &str,
    audience: &str,
    horizon_days: u32,
) -> PyResult<CalendarOptions> {
    Ok(CalendarOptions::new(as_of)
        .lang(lang(language)?)
        .audience(parse_enum(audience, "audience")?)
        .horizon(horizon_days))
}

/// A dossier's calendar (the core's `CalendarFacet`): `d.calendar.export(date(2017, 6, 30))`,
/// `d.calendar.ics(date(2017, 6, 30), lang="en", audience="partnership")`.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierCalendar {
    dossier: Py<Dossier>,
}

impl DossierCalendar {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierCalendar {
    /// The calendar as of `as_of` in `lang` for `audience` (`"coordinator"`, `"partnership"`,
    /// `"public"`): fixed meetings as series with their notice, meetings held, activities on
    /// their schedules, dated tasks within `horizon_days` and (for coordinators) check-ins.
    #[pyo3(signature = (as_of, lang = "da", audience = "coordinator", horizon_days = brobygger::calendar::DEFAULT_CALENDAR_HORIZON_DAYS))]
    fn export(
        &self,
        py: Python<'_>,
        as_of: Date,
        lang: &str,
        audience: &str,
        horizon_days: u32,
    ) -> PyResult<Calendar> {
        let as_of = as_of.0;
        let options = options(as_of, lang, audience, horizon_days)?;
        let d = self.dossier.read_wait(py)?;
        Ok(Calendar {
            inner: d.inner.calendar().export(options),
        })
    }

    /// The same calendar as iCalendar (RFC 5545) text, to save as a `.ics` file.
    #[pyo3(signature = (as_of, lang = "da", audience = "coordinator", horizon_days = brobygger::calendar::DEFAULT_CALENDAR_HORIZON_DAYS))]
    fn ics(
        &self,
        py: Python<'_>,
        as_of: Date,
        lang: &str,
        audience: &str,
        horizon_days: u32,
    ) -> PyResult<String> {
        let as_of = as_of.0;
        let options = options(as_of, lang, audience, horizon_days)?;
        let d = self.dossier.read_wait(py)?;
        Ok(d.inner.calendar().ics(options))
    }
}

/// A calendar: its name, language and events, and the iCalendar text.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct Calendar {
    inner: calendar::Calendar,
}

#[pymethods]
impl Calendar {
    /// The calendar's name.
    #[getter]
    fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// The language of its texts, `"da"` or `"en"`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.lang.code()
    }

    /// The events as dicts (`uid`, `kind`, `start`, `end`, `summary`, `description`,
    /// `location`, `categories`, `repeat`, `alarm`); times as `{"type": "day", "date": ...}` or
    /// `{"type": "at", "date": ..., "time": "HH:MM"}`, Danish time.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.events)
    }

    /// The iCalendar (RFC 5545) text.
    fn to_ics(&self) -> String {
        self.inner.to_ics()
    }

    /// The calendar as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __len__(&self) -> usize {
        self.inner.events.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Calendar({:?}, lang={:?}, events={})",
            self.inner.name,
            self.inner.lang.code(),
            self.inner.events.len()
        )
    }
}

/// Reads iCalendar text into a `Calendar`. Raises `ParseError` (`calendar.*`, with the line)
/// for a file it cannot read.
#[pyfunction]
pub fn read_ics(text: &str) -> PyResult<Calendar> {
    Ok(Calendar {
        inner: calendar::read_ics(text).py()?,
    })
}
