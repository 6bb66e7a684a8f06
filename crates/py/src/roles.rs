//! Role splits from Python: `Roles(dossier, agreement)` asks and changes who does what under
//! one agreement, and read-only views of tasks, assignments, matrices and diffs.
//!
//! Tasks and parties are given as their keys (`"match_volunteers"`, `"activity:act-homework"`,
//! `"department:aalborg/ctf"`) or as dicts shaped like the file; roles as `"responsible"`,
//! `"accountable"`, `"consulted"`, `"informed"`.

use crate::convert::Date;
use crate::convert::{IntoPy, enum_str, from_py, parse_enum, to_py};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::model::{Finding, view};
use brobygger as core;
use brobygger::chrono::NaiveDate;
use brobygger::present::Present;
use brobygger::{AgreementId, Lang, PartyRef, RoleOptions, TaskRef};
use pyo3::prelude::*;
use pyo3::types::PyString;

fn list<T: Clone, V: From<T>>(items: &[T]) -> Vec<V> {
    items.iter().cloned().map(V::from).collect()
}

/// A task key (`"coordinate"`, `"activity:act-x"`) or a dict such as
/// `{"type": "catalogue", "id": "coordinate"}`.
fn task_ref(obj: &Bound<'_, PyAny>) -> PyResult<TaskRef> {
    match obj.cast::<PyString>() {
        Ok(s) => TaskRef::parse_key(&s.to_cow()?)
            .map_err(|e| e.into_error("task"))
            .py(),
        Err(_) => from_py(obj, "task"),
    }
}

/// A party key (`"department:aalborg/ctf"`) or a dict such as
/// `{"type": "organisation", "organisation": "DK-LOCAL-x"}`.
fn party_ref(obj: &Bound<'_, PyAny>) -> PyResult<PartyRef> {
    match obj.cast::<PyString>() {
        Ok(s) => PartyRef::parse_key(&s.to_cow()?)
            .map_err(|e| e.into_error("party"))
            .py(),
        Err(_) => from_py(obj, "party"),
    }
}

fn lang(s: &str) -> PyResult<Lang> {
    crate::convert::lang(s)
}

view!(
    /// A task of a split: its key, name in Danish and English, and whether it is a statutory
    /// municipal duty.
    RoleTask, core::RoleTask, |t| format!("RoleTask({:?})", t.key), {
    /// The key: `"integration_contract"`, `"activity:act-homework"`, `"custom:t-plan"`.
    #[getter]
    fn key(&self) -> &str {
        &self.inner.key
    }
    /// The reference as a dict (`{"type": "catalogue", "id": ...}`).
    #[getter]
    fn task<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.task)
    }
    /// The name in `lang` (`"da"` or `"en"`).
    fn name(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.name.get(self::lang(lang)?).to_owned())
    }
    /// Whether it is a statutory municipal duty.
    #[getter]
    fn statutory(&self) -> bool {
        self.inner.statutory
    }
    /// The kind of department that usually holds it, e.g. `"jobcentre"`.
    #[getter]
    fn typical_department(&self) -> Option<String> {
        self.inner.typical_department.as_ref().map(enum_str)
    }
    /// A citation of the source that describes the task, e.g. `001 "Ressourcer"`.
    #[getter]
    fn citation(&self) -> Option<String> {
        self.inner.source.as_ref().map(|s| s.cite())
    }
});

view!(
    /// One cell of a split: a party's role on a task, and who carries it.
    Assignment, core::Assignment, |a| format!("Assignment({:?}, {:?}, {:?})", a.task.key(), a.party.key(), enum_str(&a.role)), {
    /// The task's key.
    #[getter]
    fn task_key(&self) -> String {
        self.inner.task.key()
    }
    /// The party's key.
    #[getter]
    fn party_key(&self) -> String {
        self.inner.party.key()
    }
    /// `"responsible"`, `"accountable"`, `"consulted"` or `"informed"`.
    #[getter]
    fn role(&self) -> String {
        enum_str(&self.inner.role)
    }
    /// The carrying post or person as a dict (`{"type": "post", "post": ...}`), or None.
    #[getter]
    fn carried_by<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.carried_by)
    }
    /// Hours per month the party expects to spend on it.
    #[getter]
    fn hours_per_month(&self) -> Option<f64> {
        self.inner.hours_per_month
    }
    /// The parties' note on how the role is filled.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }
});

view!(
    /// One thing a party does: `task` and the party's `assignment` on it.
    Duty, core::Duty, |d| format!("Duty({:?}, {:?})", d.task.key, enum_str(&d.assignment.role)), {
    /// The task.
    #[getter]
    fn task(&self) -> RoleTask {
        self.inner.task.clone().into()
    }
    /// The party's assignment on it.
    #[getter]
    fn assignment(&self) -> Assignment {
        self.inner.assignment.clone().into()
    }
});

view!(
    /// Who carries a task for one party: the role, the post and the person holding it (an
    /// opaque id) on the date asked about.
    Carrying, core::Carrying, |c| format!("Carrying({:?}, {:?})", c.party.key(), enum_str(&c.role)), {
    /// The party's key.
    #[getter]
    fn party_key(&self) -> String {
        self.inner.party.key()
    }
    /// The party's display name.
    #[getter]
    fn party_name(&self) -> &str {
        &self.inner.party_name
    }
    /// The role.
    #[getter]
    fn role(&self) -> String {
        enum_str(&self.inner.role)
    }
    /// The carrying post's id, if one is named.
    #[getter]
    fn post(&self) -> Option<&str> {
        self.inner.post.as_ref().map(|p| p.as_str())
    }
    /// The carrying person's id on the date asked about, if known.
    #[getter]
    fn person(&self) -> Option<&str> {
        self.inner.person.as_ref().map(|p| p.as_str())
    }
});

view!(
    /// The responsibility matrix of one version of an agreement, with its findings. Render it
    /// with `markdown(lang)` or `html(lang)`; `to_dict()` gives rows and cells as plain data.
    RoleMatrix, core::RoleMatrix, |m| format!("RoleMatrix({:?}, version {}, {} task(s) x {} part(y/ies))", m.agreement.as_str(), m.version, m.rows.len(), m.parties.len()), {
    /// The matrix's tables in `lang` (`"da"` or `"en"`): the `role_matrix` table in long form as a
    /// plain dict (`name`, `title`, `columns`, `rows`), what `role_matrix_frame` reads.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &Present::tables(&self.inner, crate::convert::lang(lang)?))
    }

    /// The table `table` (`role_matrix`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.role_matrix_frame(m)` gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "role_matrix", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "role_matrix", lang = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "polars", table, lang)
    }
    /// The agreement's id.
    #[getter]
    fn agreement(&self) -> &str {
        self.inner.agreement.as_str()
    }
    /// The version shown.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }
    /// The parties' keys, in column order.
    #[getter]
    fn party_keys(&self) -> Vec<String> {
        self.inner.parties.iter().map(|p| p.key.clone()).collect()
    }
    /// The parties' display names, in column order.
    #[getter]
    fn party_names(&self) -> Vec<String> {
        self.inner.parties.iter().map(|p| p.name.clone()).collect()
    }
    /// The tasks, in row order.
    #[getter]
    fn tasks(&self) -> Vec<RoleTask> {
        self.inner.rows.iter().map(|r| r.task.clone().into()).collect()
    }
    /// The roles a party holds on a task (keys), or None if either is not in the matrix.
    fn roles_of(&self, task_key: &str, party_key: &str) -> Option<Vec<String>> {
        self.inner
            .roles_of(task_key, party_key)
            .map(|roles| roles.iter().map(enum_str).collect())
    }
    /// The analysis findings, errors first.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        list(&self.inner.findings)
    }
    /// Where each finding is, in words in `lang`, one for each of `findings` and in its
    /// order ("the coordination time of Røde Kors Ikast, agreement version 1").
    #[pyo3(signature = (lang = "da"))]
    fn finding_words(&self, lang: &str) -> PyResult<Vec<String>> {
        let lang = self::lang(lang)?;
        Ok(self
            .inner
            .finding_words
            .iter()
            .map(|w| w.get(lang).to_owned())
            .collect())
    }
    /// The matrix as a Markdown table with legend and findings, in `lang`.
    #[pyo3(signature = (lang = None))]
    fn markdown(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self.inner.markdown(crate::convert::lang_or_display(lang)?))
    }
    /// The matrix as a self-contained HTML page, in `lang`.
    #[pyo3(signature = (lang = None))]
    fn html(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self.inner.html(crate::convert::lang_or_display(lang)?))
    }
    /// Jupyter shows the matrix as HTML in `bb.options.lang`, its styles scoped to it.
    fn _repr_html_(&self) -> String {
        core::present::page_fragment(&self.inner.html(crate::convert::display_lang()))
    }
});

view!(
    /// What changed in a split between two versions.
    RoleDiff, core::RoleSplitDiff, |d| format!("RoleDiff({} -> {}, +{} -{} ~{})", d.from_version, d.to_version, d.added.len(), d.removed.len(), d.changed.len()), {
    /// The older version.
    #[getter(from_version)]
    fn older_version(&self) -> u32 {
        self.inner.from_version
    }
    /// The newer version.
    #[getter(to_version)]
    fn newer_version(&self) -> u32 {
        self.inner.to_version
    }
    /// Cells only in the newer version.
    #[getter]
    fn added(&self) -> Vec<Assignment> {
        list(&self.inner.added)
    }
    /// Cells only in the older version.
    #[getter]
    fn removed(&self) -> Vec<Assignment> {
        list(&self.inner.removed)
    }
    /// Cells in both whose carrier, hours or note changed, as `(before, after)` pairs.
    #[getter]
    fn changed(&self) -> Vec<(Assignment, Assignment)> {
        self.inner
            .changed
            .iter()
            .map(|c| (c.before.clone().into(), c.after.clone().into()))
            .collect()
    }
    /// Whether the versions split the roles identically.
    fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }
});

/// Who does what under one agreement of a dossier: questions, changes and reports.
///
/// `Roles(dossier, "aalborg-lbb")` works on the live dossier: changes (`assign`, `unassign`,
/// `change`, `amend`) apply to it all or nothing, and raise with a clear error otherwise.
/// Read methods take `version=None` (the version in force) and `as_of=None` (post holders from
/// their open tenures).
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug)]
pub struct Roles {
    dossier: Py<Dossier>,
    agreement: AgreementId,
}

impl Roles {
    /// The facet as `Dossier.roles(agreement)` hands it out.
    pub(crate) fn of(py: Python<'_>, dossier: Py<Dossier>, agreement: &str) -> PyResult<Self> {
        Self::new(py, dossier, agreement)
    }

    fn with<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&core::Dossier, &AgreementId) -> Result<T, core::BrobyggerError>,
    ) -> PyResult<T> {
        let d = self.dossier.read_wait(py)?;
        f(&d.inner, &self.agreement).py()
    }

    fn with_mut<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut core::Dossier, &AgreementId) -> Result<T, core::BrobyggerError>,
    ) -> PyResult<T> {
        let mut d = self.dossier.write_wait(py)?;
        f(&mut d.inner, &self.agreement).py()
    }
}

fn options(version: Option<u32>, as_of: Option<NaiveDate>, all_catalogue: bool) -> RoleOptions {
    RoleOptions {
        version,
        as_of,
        all_catalogue_tasks: all_catalogue,
    }
}

#[pymethods]
impl Roles {
    /// The roles of `agreement` in `dossier`. Raises `NotFoundError` for an unknown agreement.
    #[new]
    fn new(py: Python<'_>, dossier: Py<Dossier>, agreement: &str) -> PyResult<Self> {
        let roles = Self {
            dossier,
            agreement: AgreementId::new(agreement),
        };
        roles.with(py, |d, id| d.roles(id).split(None).map(|_| ()))?;
        Ok(roles)
    }

    /// The agreement's id.
    #[getter]
    fn agreement(&self) -> &str {
        self.agreement.as_str()
    }

    /// The split as plain data (`{"tasks": [...], "assignments": [...]}`), as in the file.
    #[pyo3(signature = (version = None))]
    fn split<'py>(&self, py: Python<'py>, version: Option<u32>) -> PyResult<Bound<'py, PyAny>> {
        let split = self.with(py, |d, id| d.roles(id).split(version).cloned())?;
        to_py(py, &split)
    }

    /// The assignments of the split.
    #[pyo3(signature = (version = None))]
    fn assignments(&self, py: Python<'_>, version: Option<u32>) -> PyResult<Vec<Assignment>> {
        let split = self.with(py, |d, id| d.roles(id).split(version).cloned())?;
        Ok(list(&split.assignments))
    }

    /// The tasks in matrix order: catalogue tasks in use (all of them with
    /// `all_catalogue=True`), the activities, then custom tasks.
    #[pyo3(signature = (version = None, all_catalogue = false))]
    fn tasks(
        &self,
        py: Python<'_>,
        version: Option<u32>,
        all_catalogue: bool,
    ) -> PyResult<Vec<RoleTask>> {
        let tasks = self.with(py, |d, id| {
            d.roles(id).tasks(options(version, None, all_catalogue))
        })?;
        Ok(list(&tasks))
    }

    /// Every finding about the split, errors first (codes `roles.*`).
    #[pyo3(signature = (version = None, as_of = None))]
    fn analyse(
        &self,
        py: Python<'_>,
        version: Option<u32>,
        as_of: Option<Date>,
    ) -> PyResult<Vec<Finding>> {
        let as_of = as_of.map(|v| v.0);
        let findings = self.with(py, |d, id| {
            d.roles(id).analyse(options(version, as_of, false))
        })?;
        Ok(list(&findings))
    }

    /// The responsibility matrix with its findings.
    #[pyo3(signature = (version = None, as_of = None, all_catalogue = false))]
    fn matrix(
        &self,
        py: Python<'_>,
        version: Option<u32>,
        as_of: Option<Date>,
        all_catalogue: bool,
    ) -> PyResult<RoleMatrix> {
        let as_of = as_of.map(|v| v.0);
        let m = self.with(py, |d, id| {
            d.roles(id).matrix(options(version, as_of, all_catalogue))
        })?;
        Ok(m.into())
    }

    /// What a party does: every task it holds a role on (a whole municipality includes its
    /// departments). `party` is a key or a dict.
    #[pyo3(signature = (party, version = None))]
    fn duties(
        &self,
        py: Python<'_>,
        party: &Bound<'_, PyAny>,
        version: Option<u32>,
    ) -> PyResult<Vec<Duty>> {
        let party = party_ref(party)?;
        let duties = self.with(py, |d, id| {
            d.roles(id).duties(&party, options(version, None, false))
        })?;
        Ok(list(&duties))
    }

    /// Who carries a task: each party's role with its post and the person holding it on
    /// `as_of`. `task` is a key or a dict.
    #[pyo3(signature = (task, version = None, as_of = None))]
    fn carriers(
        &self,
        py: Python<'_>,
        task: &Bound<'_, PyAny>,
        version: Option<u32>,
        as_of: Option<Date>,
    ) -> PyResult<Vec<Carrying>> {
        let as_of = as_of.map(|v| v.0);
        let task = task_ref(task)?;
        let out = self.with(py, |d, id| {
            d.roles(id).carriers(&task, options(version, as_of, false))
        })?;
        Ok(list(&out))
    }

    /// Gives `party` the `role` on `task` (draft or negotiating agreements), carried by `post`
    /// or `person` if given. Raises `NotFoundError` (task, party, post, person) or
    /// `InvalidInputError` (a second accountable, a party outside the agreement, ...); nothing
    /// changes then.
    #[pyo3(signature = (task, party, role, post = None, person = None, hours_per_month = None, note = None))]
    #[allow(clippy::too_many_arguments)]
    fn assign(
        &self,
        py: Python<'_>,
        task: &Bound<'_, PyAny>,
        party: &Bound<'_, PyAny>,
        role: &str,
        post: Option<String>,
        person: Option<String>,
        hours_per_month: Option<f64>,
        note: Option<String>,
    ) -> PyResult<()> {
        let carried_by = match (post, person) {
            (Some(post), None) => Some(core::Carrier::Post { post: post.into() }),
            (None, Some(person)) => Some(core::Carrier::Person {
                person: person.into(),
            }),
            (None, None) => None,
            (Some(_), Some(_)) => {
                return Err(crate::convert::to_pyerr(
                    core::BrobyggerError::invalid_input(
                        brobygger::InputCode::PostAndPerson,
                        "person",
                        "give a post or a person, not both",
                    ),
                ));
            }
        };
        let assignment = core::Assignment {
            task: task_ref(task)?,
            party: party_ref(party)?,
            role: parse_enum(role, "role")?,
            carried_by,
            hours_per_month,
            note,
        };
        self.with_mut(py, |d, id| d.roles_mut(id).assign(assignment))
    }

    /// Takes `role` on `task` away from `party` (draft or negotiating agreements) and returns
    /// the removed assignment. Raises `NotFoundError` if the party does not hold it.
    fn unassign(
        &self,
        py: Python<'_>,
        task: &Bound<'_, PyAny>,
        party: &Bound<'_, PyAny>,
        role: &str,
    ) -> PyResult<Assignment> {
        let (task, party) = (task_ref(task)?, party_ref(party)?);
        let role = parse_enum(role, "role")?;
        let removed = self.with_mut(py, |d, id| d.roles_mut(id).unassign(&task, &party, role))?;
        Ok(removed.into())
    }

    /// Applies a list of changes (dicts such as `{"type": "assign", "assignment": {...}}`,
    /// `{"type": "unassign", "task": ..., "party": ..., "role": ...}`, `define_task`,
    /// `remove_task`) in order, all or nothing. Errors name the change: `changes[1].assignment.party`.
    fn change(&self, py: Python<'_>, changes: &Bound<'_, PyAny>) -> PyResult<()> {
        let changes: Vec<core::RoleChange> = from_py(changes, "changes")?;
        self.with_mut(py, |d, id| d.roles_mut(id).change(&changes))
    }

    /// Amends a signed, active or under-review agreement with changes to its split: a new
    /// version recorded with `on`, `by` and `reason`. Returns the new version number.
    fn amend(
        &self,
        py: Python<'_>,
        changes: &Bound<'_, PyAny>,
        on: Date,
        by: &str,
        reason: String,
    ) -> PyResult<u32> {
        let on = on.0;
        let changes: Vec<core::RoleChange> = from_py(changes, "changes")?;
        let amendment = core::Amendment {
            on,
            by: by.into(),
            reason,
        };
        self.with_mut(py, |d, id| d.roles_mut(id).amend(&changes, amendment))
    }

    /// What changed in the split from `from_version` to `to_version`.
    fn diff(&self, py: Python<'_>, from_version: u32, to_version: u32) -> PyResult<RoleDiff> {
        let diff = self.with(py, |d, id| d.roles(id).diff(from_version, to_version))?;
        Ok(diff.into())
    }

    /// The change between two versions as a readable Markdown list in `lang`.
    #[pyo3(signature = (from_version, to_version, lang = None))]
    fn describe_diff(
        &self,
        py: Python<'_>,
        from_version: u32,
        to_version: u32,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let lang = crate::convert::lang_or_display(lang)?;
        self.with(py, |d, id| {
            d.roles(id).describe_diff(from_version, to_version, lang)
        })
    }

    fn __repr__(&self) -> String {
        format!("Roles({:?})", self.agreement.as_str())
    }

    /// Jupyter shows the split in force as its responsibility matrix (HTML, `bb.options.lang`): tasks,
    /// parties by name or post, roles and the analysis findings.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let m = self.with(py, |d, id| d.roles(id).matrix(options(None, None, false)))?;
        Ok(core::present::page_fragment(
            &m.html(crate::convert::display_lang()),
        ))
    }
}

/// The built-in task catalogue: statutory municipal duties first, then typical shared tasks,
/// as dicts `{"id", "name": {"da", "en"}, "description", "statutory", "typical_department",
/// "source"}`.
#[pyfunction]
pub fn task_catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &core::TaskCatalogue::try_builtin().py()?.tasks)
}
