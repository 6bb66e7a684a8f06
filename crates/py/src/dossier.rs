//! The `Dossier` class: load, inspect, validate, change and save a dossier from Python.

use crate::convert::{Date, Instant};
use crate::convert::{IntoPy, enum_str, from_py, parse_enum, to_py};
use crate::model::{
    Agreement, Finding, HandoverReport, Municipality, Organisation, Person, Post, StatusEvent,
};
use brobygger as core;
use brobygger::{
    AgreementId, Handover, HandoverScope, PersonId, SummaryOptions, TransitionRequest,
};
use pyo3::prelude::*;

/// How long a call waits for another thread's call on the same dossier before it gives up.
const WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Borrowing a shared dossier from a facet or a method: a call that meets another thread's call
/// on the same dossier waits for it (the GIL released meanwhile) instead of failing with
/// `RuntimeError: Already borrowed`; after [`WAIT`] it raises `InvalidInputError` with code
/// `input.busy`.
pub(crate) trait Shared {
    /// The dossier to read.
    fn read_wait<'py>(&'py self, py: Python<'py>) -> PyResult<PyRef<'py, Dossier>>;
    /// The dossier to change.
    fn write_wait<'py>(&'py self, py: Python<'py>) -> PyResult<PyRefMut<'py, Dossier>>;
}

fn busy() -> PyErr {
    crate::convert::to_pyerr(core::BrobyggerError::invalid_input(
        core::InputCode::Busy,
        "dossier",
        "another thread's call on this dossier did not finish in time",
    ))
}

fn pause(py: Python<'_>) {
    py.detach(|| std::thread::sleep(std::time::Duration::from_micros(200)));
}

impl Shared for Py<Dossier> {
    fn read_wait<'py>(&'py self, py: Python<'py>) -> PyResult<PyRef<'py, Dossier>> {
        let start = std::time::Instant::now();
        loop {
            if let Ok(d) = self.try_borrow(py) {
                return Ok(d);
            }
            if start.elapsed() > WAIT {
                return Err(busy());
            }
            pause(py);
        }
    }

    fn write_wait<'py>(&'py self, py: Python<'py>) -> PyResult<PyRefMut<'py, Dossier>> {
        let start = std::time::Instant::now();
        loop {
            if let Ok(d) = self.try_borrow_mut(py) {
                return Ok(d);
            }
            if start.elapsed() > WAIT {
                return Err(busy());
            }
            pause(py);
        }
    }
}

/// A dossier: actors, people, posts and agreements in one document.
///
/// Load one with `Dossier.load(path)`, `Dossier.from_json(text)` or `Dossier.example(name)`.
/// Changes (`transition`, `amend`, `handover`, ...) either succeed completely or raise and
/// leave the dossier as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct Dossier {
    pub(crate) inner: core::Dossier,
}

/// The sheets given as one path or a list of paths, each read with its file name.
fn sheet_files(given: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<core::import::SheetFile>> {
    let Some(given) = given else {
        return Ok(Vec::new());
    };
    let paths: Vec<std::path::PathBuf> = match given.extract::<std::path::PathBuf>() {
        Ok(one) => vec![one],
        Err(_) => given.extract()?,
    };
    paths
        .into_iter()
        .map(|p| {
            let bytes = brobygger::read_input(&p)
                .map_err(brobygger::BrobyggerError::from)
                .py()?;
            let name = p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok(core::import::SheetFile::new(name, bytes))
        })
        .collect()
}

fn agreement_id(s: &str) -> AgreementId {
    AgreementId::new(s)
}

#[pymethods]
impl Dossier {
    /// An empty dossier with a title.
    #[new]
    fn new(title: String) -> Self {
        Self {
            inner: core::Dossier::new(title),
        }
    }

    /// Reads a dossier from JSON text. Raises `ParseError` or `UnsupportedVersionError`.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        Ok(Self {
            inner: core::Dossier::from_json(json).py()?,
        })
    }

    /// Reads a dossier from a JSON file.
    #[staticmethod]
    fn load(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(Self {
            inner: core::Dossier::load(path).py()?,
        })
    }

    /// A dossier from the partnership's own spreadsheets, as `brobygger new` builds it:
    /// `newcomers`, `offers`, `organisations` (the parties: the municipality and the
    /// organisations) and `posts`, each a path or a list of paths to CSV files (any encoding
    /// the importer reads) or `.xlsx` workbooks; `rules` a rule set file (TOML or JSON), so the
    /// cohort can be matched. The parties become a draft agreement with id
    /// `id` (made from the title when absent) starting on `start` (default today), the
    /// households one cohort. Raises `ValidationError` (code `import.invalid_csv`) with every
    /// problem of every sheet as a finding whose message starts with the file, line and column.
    #[staticmethod]
    #[pyo3(signature = (title, *, start = None, newcomers = None, offers = None, organisations = None, posts = None, rules = None, id = None, ignore_unknown_columns = false))]
    #[allow(clippy::too_many_arguments)]
    fn from_sheets(
        py: Python<'_>,
        title: String,
        start: Option<Date>,
        newcomers: Option<&Bound<'_, PyAny>>,
        offers: Option<&Bound<'_, PyAny>>,
        organisations: Option<&Bound<'_, PyAny>>,
        posts: Option<&Bound<'_, PyAny>>,
        rules: Option<std::path::PathBuf>,
        id: Option<String>,
        ignore_unknown_columns: bool,
    ) -> PyResult<Self> {
        let sheets = core::import::Sheets {
            newcomers: sheet_files(newcomers)?,
            offers: sheet_files(offers)?,
            organisations: sheet_files(organisations)?,
            posts: sheet_files(posts)?,
        };
        let start = start
            .map(|d| d.0)
            .unwrap_or_else(|| brobygger::chrono::Utc::now().date_naive());
        let mut options = core::import::SheetsOptions::new(title, start);
        options.id = id;
        options.ignore_unknown_columns = ignore_unknown_columns;
        options.rules = rules.map(core::matching::RuleSet::load).transpose().py()?;
        let inner = py
            .detach(|| core::import::dossier_from_sheets(&sheets, &options))
            .py()?;
        Ok(Self { inner })
    }

    /// A built-in example: `"aalborg"`, `"ikast-brande"` or `"horsens"`.
    #[staticmethod]
    fn example(name: &str) -> PyResult<Self> {
        Ok(Self {
            inner: core::Dossier::example(name).py()?,
        })
    }

    /// Reads a dossier from plain Python data shaped like the JSON file (as from `to_dict()`).
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner: core::Dossier = from_py(data, "dossier")?;
        inner.check_version().py()?;
        Ok(Self { inner })
    }

    /// The dossier as JSON text.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json().py()
    }

    /// The dossier as plain Python data (dicts and lists).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Writes the dossier as JSON to a file.
    fn save(&self, path: std::path::PathBuf) -> PyResult<()> {
        self.inner.save(path).py()
    }

    /// The title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The schema version of the document.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.inner.schema_version
    }

    /// The municipalities.
    #[getter]
    fn municipalities(&self) -> Vec<Municipality> {
        self.inner
            .municipalities
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The organisations.
    #[getter]
    fn organisations(&self) -> Vec<Organisation> {
        self.inner
            .organisations
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The people (staff and volunteers).
    #[getter]
    fn people(&self) -> Vec<Person> {
        self.inner.people.iter().cloned().map(Into::into).collect()
    }

    /// The posts with their holders over time.
    #[getter]
    fn posts(&self) -> Vec<Post> {
        self.inner.posts.iter().cloned().map(Into::into).collect()
    }

    /// The agreements.
    #[getter]
    fn agreements(&self) -> Vec<Agreement> {
        self.inner
            .agreements
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// One agreement by id. Raises `NotFoundError`.
    fn agreement(&self, id: &str) -> PyResult<Agreement> {
        self.inner
            .agreement(&agreement_id(id))
            .cloned()
            .map(Into::into)
            .ok_or_else(|| core::BrobyggerError::not_found(brobygger::NotFoundCode::Agreement, id))
            .py()
    }

    /// Every validation finding, errors first.
    fn validate(&self) -> Vec<Finding> {
        self.inner.validate().into_iter().map(Into::into).collect()
    }

    /// The findings if there are no errors; raises `ValidationError` with all of them otherwise.
    fn check(&self) -> PyResult<Vec<Finding>> {
        Ok(self
            .inner
            .check()
            .py()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The cohorts of newcomer households, as dicts.
    #[getter]
    fn cohorts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.cohorts)
    }

    /// The volunteer offers, as dicts.
    #[getter]
    fn offers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.offers)
    }

    /// The matching rule sets.
    #[getter]
    fn rule_sets(&self) -> Vec<crate::matching::RuleSet> {
        crate::matching::on_dossier::rule_sets(&self.inner)
    }

    /// The stored matching runs.
    #[getter]
    fn match_runs(&self) -> Vec<crate::matching::MatchRun> {
        crate::matching::on_dossier::match_runs(&self.inner)
    }

    /// A readable summary in `lang` (`"da"` or `"en"`), with post holders as of `as_of`.
    #[pyo3(signature = (lang = None, as_of = None))]
    fn summary(&self, lang: Option<&str>, as_of: Option<Date>) -> PyResult<String> {
        let as_of = as_of.map(|v| v.0);
        Ok(self.inner.summary(SummaryOptions {
            lang: crate::convert::lang_or_display(lang)?,
            as_of,
        }))
    }

    /// The person holding `post` on `date`, if anyone. Raises `NotFoundError` for an unknown post.
    fn holder_of(&self, post: &str, date: Date) -> PyResult<Option<String>> {
        let date = date.0;
        self.inner
            .post(&post.into())
            .map(|p| p.holder_on(date).map(|id| id.to_string()))
            .ok_or_else(|| core::BrobyggerError::not_found(brobygger::NotFoundCode::Post, post))
            .py()
    }

    /// The posts `person` holds on `date`.
    fn posts_held_by(&self, person: &str, date: Date) -> Vec<Post> {
        let date = date.0;
        self.inner
            .posts()
            .held_by(&PersonId::new(person), date)
            .into_iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// Moves every post `from_person` holds on `on` to `to_person`, all at once. Limit it to
    /// some agreements with `agreements=[...]`.
    #[pyo3(signature = (from_person, to_person, on, agreements = None))]
    fn handover(
        slf: &Bound<'_, Self>,
        from_person: &str,
        to_person: &str,
        on: Date,
        agreements: Option<Vec<String>>,
    ) -> PyResult<HandoverReport> {
        let on = on.0;
        let scope = match agreements {
            None => HandoverScope::AllPosts,
            Some(ids) => HandoverScope::Agreements {
                agreements: ids.iter().map(|s| agreement_id(s)).collect(),
            },
        };
        let handover = Handover {
            from: PersonId::new(from_person),
            to: PersonId::new(to_person),
            on,
            scope,
        };
        let d: Py<Dossier> = slf.clone().unbind();
        let mut d = d.write_wait(slf.py())?;
        Ok(d.inner.posts_mut().handover(&handover).py()?.into())
    }

    /// Adds a person and returns their id; a random opaque id is made when `id` is None.
    #[pyo3(signature = (name, email = None, phone = None, id = None))]
    fn add_person(
        slf: &Bound<'_, Self>,
        name: String,
        email: Option<String>,
        phone: Option<String>,
        id: Option<String>,
    ) -> PyResult<String> {
        let id = id.map(PersonId::new).unwrap_or_else(PersonId::generate);
        let person = core::Person {
            id: id.clone(),
            name,
            email,
            phone,
            child_protection_certificate: None,
            notes: None,
        };
        let d: Py<Dossier> = slf.clone().unbind();
        d.write_wait(slf.py())?.inner.add_person(person).py()?;
        Ok(id.to_string())
    }

    fn __repr__(&self) -> String {
        format!(
            "Dossier({:?}, {} agreement(s), statuses={:?})",
            self.inner.title,
            self.inner.agreements.len(),
            self.inner
                .agreements
                .iter()
                .map(|a| enum_str(&a.status))
                .collect::<Vec<_>>()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Dossier>()
            .map(|o| o.borrow().inner == self.inner)
            .unwrap_or(false)
    }

    /// Agreements' status transitions, draft terms and amendments:
    /// `d.lifecycle.transition("aalborg-lbb", "signed", by, at)`.
    #[getter]
    fn lifecycle(slf: Bound<'_, Self>) -> DossierLifecycle {
        DossierLifecycle {
            dossier: slf.unbind(),
        }
    }

    /// Cohorts' matching runs and introductions: `d.matching.match_cohort(...)`.
    #[getter]
    fn matching(slf: Bound<'_, Self>) -> crate::matching::DossierMatching {
        crate::matching::DossierMatching::new(slf.unbind())
    }

    /// Relationships over time: proposals, answers, starts, check-ins and ends:
    /// `d.relationships.propose(...)`.
    #[getter]
    fn relationships(slf: Bound<'_, Self>) -> crate::matching::DossierRelationships {
        crate::matching::DossierRelationships::new(slf.unbind())
    }

    /// Partnership health: assessments, the health summary and the report.
    #[getter]
    fn assessment(slf: Bound<'_, Self>) -> crate::assessment::DossierAssessment {
        crate::assessment::DossierAssessment::new(slf.unbind())
    }

    /// Evaluation survey rounds and their results.
    #[getter]
    fn surveys(slf: Bound<'_, Self>) -> crate::assessment::DossierSurveys {
        crate::assessment::DossierSurveys::new(slf.unbind())
    }

    /// What is due or overdue: introductions, meetings, reviews, terms ending, briefings.
    #[getter]
    fn reminders(slf: Bound<'_, Self>) -> crate::import::DossierReminders {
        crate::import::DossierReminders::new(slf.unbind())
    }

    /// The meetings held and their minutes: agendas, decisions, action items.
    #[getter]
    fn meetings(slf: Bound<'_, Self>) -> crate::meetings::DossierMeetings {
        crate::meetings::DossierMeetings::new(slf.unbind())
    }

    /// The dossier's expectation-alignment checklists: sessions, comparisons, requirements.
    #[getter]
    fn checklists(slf: Bound<'_, Self>) -> crate::checklists::DossierChecklists {
        crate::checklists::DossierChecklists::new(slf.unbind())
    }

    /// The role split of `agreement`: `d.roles("aalborg-lbb").matrix()`. Raises
    /// `NotFoundError` for an unknown agreement.
    fn roles(slf: Bound<'_, Self>, agreement: &str) -> PyResult<crate::roles::Roles> {
        crate::roles::Roles::of(slf.py(), slf.clone().unbind(), agreement)
    }

    /// The dossier's privacy records and rules: consents, proposals and releases, views,
    /// anonymisation, retention, safe tables.
    #[getter]
    fn privacy(slf: Bound<'_, Self>) -> crate::privacy::DossierPrivacy {
        crate::privacy::DossierPrivacy::new(slf.unbind())
    }

    /// The association directory: `d.directory.build()`, `d.directory.search("lektiecafé")`,
    /// `d.directory.hsds_json("da")`.
    #[getter]
    fn directory(slf: Bound<'_, Self>) -> crate::directory::DossierDirectory {
        crate::directory::DossierDirectory::new(slf.unbind())
    }

    /// The place (a housing area, a neighbourhood, a school district) with `id`, as a dict, or
    /// None.
    fn place<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.place(&brobygger::PlaceId::new(id)))
    }

    /// The partnership's calendar: `d.calendar.export(date(2017, 6, 30))`,
    /// `d.calendar.ics(date(2017, 6, 30), lang="en")`.
    #[getter]
    fn calendar(slf: Bound<'_, Self>) -> crate::calendar::DossierCalendar {
        crate::calendar::DossierCalendar::new(slf.unbind())
    }

    /// Households' outcomes over time: `d.outcomes.record(...)`, `d.outcomes.cohort_view(...)`.
    #[getter]
    fn outcomes(slf: Bound<'_, Self>) -> crate::outcomes::DossierOutcomes {
        crate::outcomes::DossierOutcomes::new(slf.unbind())
    }

    /// The readable summary in `bb.options.lang`, as Markdown that Jupyter shows line for line.
    fn _repr_markdown_(&self) -> String {
        self.inner.summary_markdown(crate::convert::display_lang())
    }
}

/// An agreement's status transitions, draft terms and amendments (the core's `LifecycleFacet`):
/// `d.lifecycle`. Shares the dossier; a change that fails leaves it as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierLifecycle {
    dossier: Py<Dossier>,
}

#[pymethods]
impl DossierLifecycle {
    /// The findings a status change would meet, without making it.
    fn preview(
        &self,
        py: Python<'_>,
        agreement: &str,
        to: &str,
        at: Instant,
    ) -> PyResult<Vec<Finding>> {
        let at = at.0;
        let to = parse_enum(to, "to")?;
        let findings = self
            .dossier
            .read_wait(py)?
            .inner
            .lifecycle()
            .preview(&agreement_id(agreement), to, at)
            .py()?;
        Ok(findings.into_iter().map(Into::into).collect())
    }

    /// Changes an agreement's status, recorded with who and when. Raises
    /// `InvalidTransitionError` (with the blocking findings), `NotFoundError` or
    /// `InvalidInputError`; the dossier is unchanged then. Pass `override_reason` to go ahead
    /// despite blocking findings; the reason is recorded.
    #[pyo3(signature = (agreement, to, by, at, note = None, override_reason = None))]
    #[allow(clippy::too_many_arguments)]
    fn transition(
        &self,
        py: Python<'_>,
        agreement: &str,
        to: &str,
        by: &str,
        at: Instant,
        note: Option<String>,
        override_reason: Option<String>,
    ) -> PyResult<StatusEvent> {
        let at = at.0;
        let request = TransitionRequest {
            agreement: agreement_id(agreement),
            to: parse_enum(to, "to")?,
            by: PersonId::new(by),
            at,
            note,
            override_reason,
        };
        Ok(self
            .dossier
            .write_wait(py)?
            .inner
            .lifecycle_mut()
            .transition(request)
            .py()?
            .into())
    }

    /// Replaces the terms of a draft or negotiating agreement with `terms` (a dict shaped like
    /// `AgreementTerms.to_dict()`).
    fn edit_terms(
        &self,
        py: Python<'_>,
        agreement: &str,
        terms: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let terms = from_py(terms, "terms")?;
        self.dossier
            .write_wait(py)?
            .inner
            .lifecycle_mut()
            .edit_terms(&agreement_id(agreement), terms)
            .py()
    }

    /// Amends a signed agreement: a new version with `terms` (a dict), recorded with date,
    /// person and reason. Returns the new version number.
    fn amend(
        &self,
        py: Python<'_>,
        agreement: &str,
        terms: &Bound<'_, PyAny>,
        on: Date,
        by: &str,
        reason: String,
    ) -> PyResult<u32> {
        let on = on.0;
        let terms = from_py(terms, "terms")?;
        let amendment = core::Amendment {
            on,
            by: PersonId::new(by),
            reason,
        };
        self.dossier
            .write_wait(py)?
            .inner
            .lifecycle_mut()
            .amend(&agreement_id(agreement), terms, amendment)
            .py()
    }
}
