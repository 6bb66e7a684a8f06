//! Expectation-alignment checklists from Python: templates (built-in, or read from TOML and
//! JSON), each party's answer sessions, the comparison of their answers, signing readiness and
//! the rendered comparison. `Dossier.checklists` gives the operations on one dossier; structured
//! inputs (parties, answers, requirements) are dicts shaped like the JSON file.

use crate::convert::Instant;
use crate::convert::{IntoPy, enum_str, from_py, parse_enum, to_py};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::model::{Finding, view};
use brobygger as core;
use brobygger::checklists::{builtin_template, builtin_templates};
use brobygger::present::Present;
use brobygger::{
    AgreementId, AnswerInput, ChecklistRequirement, PartyRef, PersonId, ResolveItem, SessionId,
    StartChecklist, TemplateId, Timestamp,
};
use pyo3::prelude::*;

fn findings(items: &[core::Finding]) -> Vec<Finding> {
    items.iter().cloned().map(Finding::from).collect()
}

view!(
    /// A checklist template: sections of items with stable ids, Danish and English text, an
    /// answer kind, a weight, a critical flag and a source. Read one with
    /// `ChecklistTemplate.from_toml(text)`, `.from_json(text)`, `.load(path)` or
    /// `checklist_template(id)`.
    ChecklistTemplate, core::ChecklistTemplate, |t| format!("ChecklistTemplate({:?}, version {}, {} items)", t.id.as_str(), t.version, t.item_count()), {
    /// Reads a template from TOML and checks it. Raises `ParseError` (with `path`, `line`,
    /// `column`), `UnsupportedVersionError` or `ValidationError` (with every finding).
    #[staticmethod]
    fn from_toml(text: &str) -> PyResult<Self> {
        Ok(core::ChecklistTemplate::from_toml(text).py()?.into())
    }
    /// Reads a template from JSON and checks it.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Ok(core::ChecklistTemplate::from_json(text).py()?.into())
    }
    /// Reads a template file (`.toml` or `.json`) and checks it.
    #[staticmethod]
    fn load(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(core::ChecklistTemplate::load(path).py()?.into())
    }
    /// Reads a template from plain Python data shaped like the JSON file, and checks it.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let t: core::ChecklistTemplate = from_py(data, "template")?;
        Ok(t.checked().py()?.into())
    }
    /// The template as TOML.
    fn to_toml(&self) -> PyResult<String> {
        self.inner.to_toml().py()
    }
    /// The template as JSON.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json().py()
    }
    /// Id, e.g. `"joint-expectations"`.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The template's own version.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }
    /// The title in `lang`.
    fn title(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.title.get(crate::convert::lang(lang)?).to_owned())
    }
    /// The sides meant to answer it: `"municipality"`, `"civil_society"`.
    #[getter]
    fn respondents(&self) -> Vec<String> {
        self.inner.respondents.iter().map(enum_str).collect()
    }
    /// The sections with their items, as dicts shaped like the file.
    #[getter]
    fn sections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.sections)
    }
    /// The number of items.
    #[getter]
    fn item_count(&self) -> usize {
        self.inner.item_count()
    }
    /// The items as an app lists them, every text in `lang`: dicts with `section`,
    /// `section_title`, `item`, `text`, `guidance`, `kind`, `options` (`value`, `label`),
    /// `multiple`, `unit`, `min`, `max`, `critical`, `weight` and `source`.
    #[pyo3(signature = (lang = "da"))]
    fn items<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.item_views(crate::convert::lang(lang)?))
    }
    /// Every problem with the template, errors first.
    fn validate(&self) -> Vec<Finding> {
        findings(&self.inner.validate())
    }
    /// The template written out as a form in Markdown, in `lang`.
    #[pyo3(signature = (lang = None))]
    fn describe(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self.inner.describe(crate::convert::lang_or_display(lang)?))
    }
});

view!(
    /// One party's answers to one checklist for one agreement; `submitted` once frozen.
    AnswerSession, core::AnswerSession, |s| format!("AnswerSession({:?}, {:?}, {} answer(s))", s.id.as_str(), s.template.as_str(), s.answers.len()), {
    /// Id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The agreement.
    #[getter]
    fn agreement(&self) -> &str {
        self.inner.agreement.as_str()
    }
    /// The answering party, as a dict (`{"type": "organisation", ...}`).
    #[getter]
    fn party<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.party)
    }
    /// A short key for the party: `organisation:DK-LOCAL-…`.
    #[getter]
    fn party_key(&self) -> String {
        self.inner.party.key()
    }
    /// The template.
    #[getter]
    fn template(&self) -> &str {
        self.inner.template.as_str()
    }
    /// The template version answered.
    #[getter]
    fn template_version(&self) -> u32 {
        self.inner.template_version
    }
    /// When it was started (aware, UTC).
    #[getter]
    fn started_at(&self) -> Timestamp {
        self.inner.started_at
    }
    /// Who started it.
    #[getter]
    fn started_by(&self) -> &str {
        self.inner.started_by.as_str()
    }
    /// The answers (`item`, `value`, `comment`, `at`, `by`), as dicts.
    #[getter]
    fn answers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.answers)
    }
    /// Whether the party has submitted.
    #[getter]
    fn submitted(&self) -> bool {
        self.inner.is_submitted()
    }
    /// When it was submitted, if it was.
    #[getter]
    fn submitted_at(&self) -> Option<Timestamp> {
        self.inner.submitted.as_ref().map(|s| s.at)
    }
});

view!(
    /// The comparison of the parties' latest answers to one checklist: `items` with critical
    /// divergences first, a `score` from 0 to 1, `coverage`, `counts` and `findings`.
    ChecklistAlignment, core::ChecklistAlignment, |a| format!("ChecklistAlignment({:?}, {:?}, score={})", a.agreement.as_str(), a.template.as_str(), a.score.map_or_else(|| "None".to_owned(), |s| s.to_string())), {

    /// The comparison's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
    /// `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
    /// (plain values; dates as ISO strings). What `checklist_frame` reads.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &Present::tables(&self.inner, crate::convert::lang(lang)?))
    }

    /// The table `table` (`checklist`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.checklist_frame(a)` gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "checklist", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "checklist", lang = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "polars", table, lang)
    }
    /// The agreement.
    #[getter]
    fn agreement(&self) -> &str {
        self.inner.agreement.as_str()
    }
    /// The template.
    #[getter]
    fn template(&self) -> &str {
        self.inner.template.as_str()
    }
    /// The template version compared against.
    #[getter]
    fn template_version(&self) -> u32 {
        self.inner.template_version
    }
    /// The weighted overall agreement from 0 to 1, None when there is nothing to compare.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }
    /// The share of the weight every party answered, 0 to 1.
    #[getter]
    fn coverage(&self) -> f64 {
        self.inner.coverage
    }
    /// How many items have each status, and `resolved` and `open_critical`, as a dict.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.counts)
    }
    /// One dict per party: `session`, `party`, `party_name`, `side`, `answered`, `total`,
    /// `submitted`.
    #[getter]
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.columns)
    }
    /// One dict per item, critical divergences first: `item`, `text`, `status`, `score`,
    /// `critical`, `resolved`, `cells` (each party's answer), `resolution`, `source`, ...
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.items)
    }
    /// The findings, errors first.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        findings(&self.inner.findings)
    }
    /// The side-by-side comparison as `"markdown"` or `"html"` in `lang`.
    #[pyo3(signature = (format = "markdown", lang = None))]
    fn render(&self, format: &str, lang: Option<&str>) -> PyResult<String> {
        let format = parse_enum(format, "format")?;
        Ok(self.inner.render(format, crate::convert::lang_or_display(lang)?))
    }
    /// The Markdown comparison in `bb.options.lang`, for Jupyter.
    fn _repr_markdown_(&self) -> String {
        self.inner
            .render(core::Format::Markdown, crate::convert::display_lang())
    }
    /// Jupyter: the side-by-side comparison as HTML in `bb.options.lang`, its styles scoped to it.
    fn _repr_html_(&self) -> String {
        core::present::page_fragment(
            &self
                .inner
                .render(core::Format::Html, crate::convert::display_lang()),
        )
    }
});

view!(
    /// Where an agreement stands with its checklists: `ready` to sign as far as checklists go,
    /// each required checklist's progress, and the `findings`.
    ChecklistReadiness, core::ChecklistReadiness, |r| format!("ChecklistReadiness({:?}, ready={})", r.agreement.as_str(), r.ready), {
    /// The agreement.
    #[getter]
    fn agreement(&self) -> &str {
        self.inner.agreement.as_str()
    }
    /// Whether nothing about checklists blocks signing.
    #[getter]
    fn ready(&self) -> bool {
        self.inner.ready
    }
    /// Each required checklist with each party's progress, as dicts.
    #[getter]
    fn requirements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.requirements)
    }
    /// The findings, errors first.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        findings(&self.inner.findings)
    }
});

/// The built-in checklist templates.
#[pyfunction]
pub(crate) fn checklist_templates() -> Vec<ChecklistTemplate> {
    builtin_templates()
        .iter()
        .cloned()
        .map(Into::into)
        .collect()
}

/// A built-in template by id, in `version` or the newest. Raises `NotFoundError`.
#[pyfunction]
#[pyo3(signature = (id, version = None))]
pub(crate) fn checklist_template(id: &str, version: Option<u32>) -> PyResult<ChecklistTemplate> {
    Ok(builtin_template(&TemplateId::new(id), version).py()?.into())
}

/// The checklists of one dossier (`dossier.checklists`): start and answer sessions, compare,
/// resolve, require before signing, render. Changes go to the dossier; a failed change leaves
/// it as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierChecklists {
    dossier: Py<Dossier>,
}

impl DossierChecklists {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierChecklists {
    /// The dossier's own templates, requirements, sessions and resolutions, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.dossier.read_wait(py)?.inner.checklists)
    }

    /// A template by id (the dossier's own first, then built-in), in `version` or the newest.
    #[pyo3(signature = (id, version = None))]
    fn template(
        &self,
        py: Python<'_>,
        id: &str,
        version: Option<u32>,
    ) -> PyResult<ChecklistTemplate> {
        self.dossier
            .read_wait(py)?
            .inner
            .checklists()
            .template(&TemplateId::new(id), version)
            .cloned()
            .map(Into::into)
            .ok_or_else(|| {
                core::BrobyggerError::not_found(brobygger::NotFoundCode::ChecklistTemplate, id)
            })
            .py()
    }

    /// Adds a template of the dossier's own.
    fn add_template(&self, py: Python<'_>, template: &ChecklistTemplate) -> PyResult<()> {
        self.dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .add_template(template.inner.clone())
            .py()
    }

    /// Requires `template` before `agreement` can be signed, answered by each of `parties`
    /// (dicts like `{"type": "organisation", "organisation": "DK-LOCAL-…"}`).
    #[pyo3(signature = (agreement, template, parties, min_version = None, note = None))]
    fn require(
        &self,
        py: Python<'_>,
        agreement: &str,
        template: &str,
        parties: &Bound<'_, PyAny>,
        min_version: Option<u32>,
        note: Option<String>,
    ) -> PyResult<()> {
        let requirement = ChecklistRequirement {
            agreement: AgreementId::new(agreement),
            template: TemplateId::new(template),
            min_version,
            parties: from_py(parties, "parties")?,
            note,
        };
        self.dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .require(requirement)
            .py()
    }

    /// Drops a requirement; returns whether there was one.
    fn remove_requirement(
        &self,
        py: Python<'_>,
        agreement: &str,
        template: &str,
    ) -> PyResult<bool> {
        Ok(self
            .dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .remove_requirement(&AgreementId::new(agreement), &TemplateId::new(template)))
    }

    /// The requirements, as dicts.
    #[getter]
    fn requirements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &self.dossier.read_wait(py)?.inner.checklists.requirements,
        )
    }

    /// Starts `party`'s answer session (party as a dict) and returns its id.
    #[pyo3(signature = (agreement, party, template, by, at, version = None, id = None))]
    #[allow(clippy::too_many_arguments)]
    fn start(
        &self,
        py: Python<'_>,
        agreement: &str,
        party: &Bound<'_, PyAny>,
        template: &str,
        by: &str,
        at: Instant,
        version: Option<u32>,
        id: Option<String>,
    ) -> PyResult<String> {
        let at = at.0;
        let party: PartyRef = from_py(party, "party")?;
        let start = StartChecklist {
            agreement: AgreementId::new(agreement),
            party,
            template: TemplateId::new(template),
            template_version: version,
            by: PersonId::new(by),
            at,
            id: id.map(SessionId::new),
        };
        Ok(self
            .dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .start(start)
            .py()?
            .to_string())
    }

    /// Records answers in an open session: a list of dicts `{"item": ..., "value": {"type":
    /// "yes_no", "value": "yes"}, "comment": ...}`. Raises `ValidationError` with every problem
    /// (paths `answers[i]...`); nothing is recorded then.
    fn answer(
        &self,
        py: Python<'_>,
        session: &str,
        answers: &Bound<'_, PyAny>,
        by: &str,
        at: Instant,
    ) -> PyResult<()> {
        let at = at.0;
        let answers: Vec<AnswerInput> = from_py(answers, "answers")?;
        self.dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .answer(&SessionId::new(session), answers, &PersonId::new(by), at)
            .py()
    }

    /// Submits a session with every item answered; it is frozen afterwards.
    fn submit(&self, py: Python<'_>, session: &str, by: &str, at: Instant) -> PyResult<()> {
        let at = at.0;
        self.dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .submit(&SessionId::new(session), &PersonId::new(by), at)
            .py()
    }

    /// Records what the parties agreed on a diverging item.
    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        py: Python<'_>,
        agreement: &str,
        template: &str,
        item: &str,
        by: &str,
        at: Instant,
        note: String,
    ) -> PyResult<()> {
        let at = at.0;
        let resolve = ResolveItem {
            agreement: AgreementId::new(agreement),
            template: TemplateId::new(template),
            item: item.into(),
            by: PersonId::new(by),
            at,
            note,
        };
        self.dossier
            .write_wait(py)?
            .inner
            .checklists_mut()
            .resolve(resolve)
            .py()
    }

    /// One session, to resume it. Raises `NotFoundError`.
    fn session(&self, py: Python<'_>, id: &str) -> PyResult<AnswerSession> {
        self.dossier
            .read_wait(py)?
            .inner
            .checklists()
            .session(&SessionId::new(id))
            .cloned()
            .map(Into::into)
            .ok_or_else(|| {
                core::BrobyggerError::not_found(brobygger::NotFoundCode::ChecklistSession, id)
            })
            .py()
    }

    /// The sessions of `agreement`, in the order started.
    fn sessions(&self, py: Python<'_>, agreement: &str) -> PyResult<Vec<AnswerSession>> {
        Ok(self
            .dossier
            .read_wait(py)?
            .inner
            .checklists()
            .sessions(&AgreementId::new(agreement))
            .into_iter()
            .cloned()
            .map(Into::into)
            .collect())
    }

    /// The comparison of the parties' latest answers to `template` for `agreement`.
    fn alignment(
        &self,
        py: Python<'_>,
        agreement: &str,
        template: &str,
    ) -> PyResult<ChecklistAlignment> {
        Ok(self
            .dossier
            .read_wait(py)?
            .inner
            .checklists()
            .alignment(&AgreementId::new(agreement), &TemplateId::new(template))
            .py()?
            .into())
    }

    /// The comparisons of every checklist answered for `agreement`.
    fn alignments(&self, py: Python<'_>, agreement: &str) -> PyResult<Vec<ChecklistAlignment>> {
        Ok(self
            .dossier
            .read_wait(py)?
            .inner
            .checklists()
            .alignments(&AgreementId::new(agreement))
            .py()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Progress on the required checklists and what blocks signing.
    fn readiness(&self, py: Python<'_>, agreement: &str) -> PyResult<ChecklistReadiness> {
        Ok(self
            .dossier
            .read_wait(py)?
            .inner
            .checklists()
            .readiness(&AgreementId::new(agreement))
            .py()?
            .into())
    }

    /// Where each agreement stands with its checklists, as text in `lang` (empty without
    /// checklist data).
    #[pyo3(signature = (lang = None))]
    fn summary(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        let lang = crate::convert::lang_or_display(lang)?;
        Ok(self.dossier.read_wait(py)?.inner.checklists().summary(lang))
    }

    /// The side-by-side comparison as `"markdown"` or `"html"` in `lang`.
    #[pyo3(signature = (agreement, template, format = "markdown", lang = None))]
    fn render_comparison(
        &self,
        py: Python<'_>,
        agreement: &str,
        template: &str,
        format: &str,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let format = parse_enum(format, "format")?;
        let lang = crate::convert::lang_or_display(lang)?;
        self.dossier
            .read_wait(py)?
            .inner
            .checklists()
            .render_comparison(
                &AgreementId::new(agreement),
                &TemplateId::new(template),
                format,
                lang,
            )
            .py()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.dossier.read_wait(py)?;
        let c = &d.inner.checklists;
        Ok(format!(
            "DossierChecklists({} template(s), {} requirement(s), {} session(s), {} resolution(s))",
            c.templates.len(),
            c.requirements.len(),
            c.sessions.len(),
            c.resolutions.len()
        ))
    }
}
