//! The assessment, evaluation surveys and reports from Python: `assess`, `report` and the survey
//! functions take a `Dossier`; `Assessment` and `Report` show themselves in Jupyter as HTML.
//!
//! The role split and the checklists are weighed by default; other modules' findings come in as
//! `{"matching": [Finding, ...]}` (a `Finding` object or its `to_dict()` form); report sections
//! as dicts shaped like their JSON (`{"slot": "role_split", "blocks": [{"type": "matrix",
//! "map": {...}}]}`).

use crate::convert::Date;
use crate::convert::{IntoPy, enum_str, from_py, parse_enum, to_py, to_pyerr};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::model::Finding;
use brobygger as core;
use brobygger::Format;
use brobygger::assessment::{
    AssessmentOptions, CategoryAnswer, ExternalFindings, ReportOptions, ReportSection,
    SurveyAnswer, SurveyId, SurveyViewOptions,
};
use brobygger::chrono::NaiveDate;
use brobygger::present::Present;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

fn format(s: &str) -> PyResult<Format> {
    Format::parse_arg(s, "format").py()
}

/// `{"roles": [Finding | dict, ...], ...}` → the core's groups of external findings.
fn external(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<ExternalFindings>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    let dict = obj.cast::<PyDict>().map_err(|_| {
        to_pyerr(core::BrobyggerError::invalid_input(
            brobygger::InputCode::BadField,
            "external",
            "external must be a dict from module name to a list of findings",
        ))
    })?;
    let mut out = Vec::new();
    for (source, findings) in dict.iter() {
        let source: String = source.extract()?;
        let list = findings.cast::<PyList>().map_err(|_| {
            to_pyerr(core::BrobyggerError::invalid_input(
                brobygger::InputCode::BadField,
                &format!("external.{source}"),
                "the findings must be a list",
            ))
        })?;
        let mut group = Vec::new();
        for (j, item) in list.iter().enumerate() {
            match item.cast::<Finding>() {
                Ok(f) => group.push(f.get().inner.clone()),
                Err(_) => group.push(from_py(&item, &format!("external.{source}[{j}]"))?),
            }
        }
        out.push(ExternalFindings {
            source,
            findings: group,
        });
    }
    Ok(out)
}

fn sections(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<ReportSection>> {
    obj.map_or_else(|| Ok(Vec::new()), |o| from_py(o, "sections"))
}

/// The assessment of one agreement as of a date: scores per dimension with reasons, every
/// check's result, and findings with evidence and advice. Shows as HTML in Jupyter.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct Assessment {
    pub(crate) inner: core::Assessment,
}

#[pymethods]
impl Assessment {
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

    /// The assessment's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
    /// `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
    /// (plain values; dates as ISO strings). What `scores_frame`, `checks_frame` and `assessment_findings_frame` read.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &Present::tables(&self.inner, crate::convert::lang(lang)?),
        )
    }

    /// The table `table` (`scores`, `checks` or `assessment_findings`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.scores_frame(a)` gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "scores", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "scores", lang = None))]
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

    /// The agreement's title in the version judged.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The date the assessment is made as of.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The agreement's status on that date, e.g. `"active"`.
    #[getter]
    fn status(&self) -> String {
        enum_str(&self.inner.status)
    }

    /// The version in force on that date.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }

    /// The mean of the dimension scores (0–100), or None.
    #[getter]
    fn overall(&self) -> Option<u32> {
        self.inner.overall
    }

    /// `"strong"`, `"fair"` or `"weak"`, or None.
    #[getter]
    fn overall_band(&self) -> Option<String> {
        self.inner.overall_band.as_ref().map(enum_str)
    }

    /// Every dimension as a dict: `dimension`, `score`, `band`, `met`, `applicable`,
    /// `not_assessed`, `reason` (`{"da", "en"}`).
    #[getter]
    fn dimensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.dimensions)
    }

    /// Every check as a dict: `code`, `dimension`, `status`, `credit`, `weight`, `evidence`,
    /// `note`.
    #[getter]
    fn checks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.checks)
    }

    /// The findings, errors first.
    #[getter]
    fn findings(&self) -> Vec<AssessedFinding> {
        self.inner
            .findings
            .iter()
            .cloned()
            .map(|inner| AssessedFinding { inner })
            .collect()
    }

    /// The modules whose findings were weighed.
    #[getter]
    fn external_sources(&self) -> Vec<String> {
        self.inner.external_sources.clone()
    }

    /// One dimension's score (a dict as in `dimensions`). Raises `InvalidInputError` for an
    /// unknown dimension.
    fn dimension<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let d: core::Dimension = parse_enum(name, "name")?;
        to_py(py, &self.inner.dimension(d))
    }

    /// One check's result by code (a dict as in `checks`), or None.
    fn check<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.check(code))
    }

    /// The whole assessment as plain data, shaped like its JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The assessment as JSON text.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json().py()
    }

    /// The assessment as a document: `format` is `"md"`, `"html"` or `"html_fragment"`.
    #[pyo3(signature = (lang = None, format = "md"))]
    fn render(&self, lang: Option<&str>, format: &str) -> PyResult<String> {
        Ok(self.inner.render(
            crate::convert::lang_or_display(lang)?,
            self::format(format)?,
        ))
    }

    /// Jupyter: the scores chart, findings and advice, in `bb.options.lang`.
    fn _repr_html_(&self) -> String {
        self.inner
            .render(crate::convert::display_lang(), Format::HtmlFragment)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment({:?}, as_of={}, overall={}, findings={})",
            self.inner.agreement.as_str(),
            self.inner.as_of,
            self.inner
                .overall
                .map_or_else(|| "None".to_owned(), |o| o.to_string()),
            self.inner.findings.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Assessment>()
            .map(|o| o.get().inner == self.inner)
            .unwrap_or(false)
    }
}

/// A finding of the assessment with its dimension, the check it belongs to, the evidence it
/// looked at (paths) and advice.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct AssessedFinding {
    inner: core::assessment::AssessedFinding,
}

#[pymethods]
impl AssessedFinding {
    /// The finding itself (code, severity, path, message, source).
    #[getter]
    fn finding(&self) -> Finding {
        Finding::from(self.inner.finding.clone())
    }

    /// Shortcut for `finding.code`.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.finding.code
    }

    /// Shortcut for `finding.severity`.
    #[getter]
    fn severity(&self) -> String {
        enum_str(&self.inner.finding.severity)
    }

    /// Shortcut for `finding.path`.
    #[getter]
    fn path(&self) -> &str {
        self.inner.finding.path.as_str()
    }

    /// The dimension, e.g. `"meetings"`.
    #[getter]
    fn dimension(&self) -> String {
        enum_str(&self.inner.dimension)
    }

    /// The code of the check it belongs to.
    #[getter]
    fn check(&self) -> &str {
        &self.inner.check
    }

    /// The paths in the dossier the check looked at.
    #[getter]
    fn evidence(&self) -> Vec<String> {
        self.inner
            .evidence
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect()
    }

    /// The message in `lang`.
    fn message(&self, lang: &str) -> PyResult<String> {
        Ok(self
            .inner
            .finding
            .message(crate::convert::lang(lang)?)
            .to_owned())
    }

    /// The evidence in words in `lang`, one for each path in `evidence` and in its order
    /// ("the notice for the “Styregruppemøde” meeting (quarterly), agreement version 1").
    fn evidence_words(&self, lang: &str) -> PyResult<Vec<String>> {
        let lang = crate::convert::lang(lang)?;
        Ok(self
            .inner
            .evidence_words
            .iter()
            .map(|w| w.get(lang).to_owned())
            .collect())
    }

    /// The advice in `lang`.
    fn advice(&self, lang: &str) -> PyResult<String> {
        Ok(self
            .inner
            .advice
            .get(crate::convert::lang(lang)?)
            .to_owned())
    }

    /// As plain data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "AssessedFinding({:?}, {:?}, {:?})",
            self.inner.finding.code,
            enum_str(&self.inner.finding.severity),
            self.inner.finding.path.as_str()
        )
    }
}

/// A report on one agreement to share, in one language; render it as Markdown or HTML, or
/// save it. Shows as HTML in Jupyter.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug)]
pub struct Report {
    dossier: core::Dossier,
    agreement: core::AgreementId,
    options: ReportOptions,
}

impl Report {
    fn render(&self, format: Format) -> PyResult<String> {
        let mut options = self.options.clone();
        options.format = format;
        // Rendering assesses the agreement again and writes charts: other Python threads run
        // meanwhile.
        Python::attach(|py| {
            py.detach(|| self.dossier.assessment().report(&self.agreement, options))
        })
        .py()
    }
}

#[pymethods]
impl Report {
    /// The report as Markdown.
    fn markdown(&self) -> PyResult<String> {
        self.render(Format::Markdown)
    }

    /// The report as a complete, self-contained HTML document.
    fn html(&self) -> PyResult<String> {
        self.render(Format::Html)
    }

    /// The report in `format`: `"md"`, `"html"` or `"html_fragment"`.
    fn render_as(&self, format: &str) -> PyResult<String> {
        self.render(self::format(format)?)
    }

    /// Writes the report to `path` in `format` (`"md"` or `"html"`).
    fn save(&self, path: std::path::PathBuf, format: &str) -> PyResult<()> {
        let text = self.render(self::format(format)?)?;
        core::write_atomic(&path, text).map_err(|e| to_pyerr(e.into()))
    }

    /// The language, `"da"` or `"en"`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.options.lang.code()
    }

    /// Jupyter: the report as an HTML fragment with scoped styles.
    fn _repr_html_(&self) -> PyResult<String> {
        self.render(Format::HtmlFragment)
    }

    fn __repr__(&self) -> String {
        format!(
            "Report({:?}, as_of={}, lang={:?})",
            self.agreement.as_str(),
            self.options.as_of,
            self.options.lang.code()
        )
    }
}

/// The day a built-in example is told as of (the demo assesses it then).
#[pyfunction]
pub fn example_reference_date(name: &str) -> PyResult<NaiveDate> {
    core::example_reference_date(name).py()
}

/// Every check of the assessment as dicts (code, dimension, severity, weight, basis, source,
/// title, advice, external sources and prefixes).
#[pyfunction]
pub fn assessment_catalogue<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &core::assessment::catalogue())
}

/// The Wilson score interval `(low, high)` for `successes` of `n` at normal quantile `z`
/// (1.96 for 95%); None when `n` is 0 or `successes > n`.
#[pyfunction]
#[pyo3(signature = (successes, n, z = core::assessment::Z_95))]
pub fn wilson_interval(successes: u32, n: u32, z: f64) -> Option<(f64, f64)> {
    core::assessment::wilson_interval(successes, n, z).map(|i| (i.low, i.high))
}

/// Partnership health (the core's `AssessmentFacet`): `d.assessment`. Shares the dossier.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierAssessment {
    dossier: Py<Dossier>,
}

impl DossierAssessment {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierAssessment {
    /// Assesses an agreement as of a date. The role split and the checklists are always
    /// weighed; `external` maps a module name (`"matching"`, `"introductions"`, or `"roles"` /
    /// `"checklists"` to replace the library's own) to its findings. Raises `NotFoundError` or
    /// `InvalidInputError`.
    #[pyo3(signature = (agreement, as_of, external = None))]
    fn assess(
        &self,
        py: Python<'_>,
        agreement: &str,
        as_of: Date,
        external: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Assessment> {
        let as_of = as_of.0;
        let options = AssessmentOptions {
            as_of,
            external: self::external(external)?,
        };
        let d = self.dossier.read_wait(py)?;
        let inner = d
            .inner
            .assessment()
            .assess(&agreement.into(), options)
            .py()?;
        Ok(Assessment { inner })
    }

    /// Assesses every agreement as of a date.
    fn assess_all(&self, py: Python<'_>, as_of: Date) -> PyResult<Vec<Assessment>> {
        let as_of = as_of.0;
        let d = self.dossier.read_wait(py)?;
        Ok(d.inner
            .assessment()
            .assess_all(as_of)
            .into_iter()
            .map(|inner| Assessment { inner })
            .collect())
    }

    /// Every agreement's health as of a date, as readable text in `lang`: the assessment's
    /// scores, the role split and the checklists (what `brobygger demo` prints).
    #[pyo3(signature = (as_of, lang = None))]
    fn health_summary(&self, py: Python<'_>, as_of: Date, lang: Option<&str>) -> PyResult<String> {
        let as_of = as_of.0;
        let lang = crate::convert::lang_or_display(lang)?;
        Ok(self
            .dossier
            .read_wait(py)?
            .inner
            .assessment()
            .health_summary(as_of, lang))
    }

    /// What a report shows in its role-split and checklist slots unless `sections` are given:
    /// a list of dicts shaped like `sections` (the role matrix as a heat map, the checklists
    /// side by side), to show elsewhere or to adapt and pass back to `report`.
    fn report_sections<'py>(
        &self,
        py: Python<'py>,
        agreement: &str,
        as_of: Date,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = as_of.0;
        let d = self.dossier.read_wait(py)?;
        let sections = d
            .inner
            .assessment()
            .report_sections(&agreement.into(), as_of)
            .py()?;
        to_py(py, &sections)
    }

    /// A report on one agreement in `lang`, with other modules' findings (`external`, as for
    /// `assess`). The role-split and checklist slots show the role matrix and the checklists
    /// side by side unless `sections` (a list of dicts, see `report_sections`) fill a slot
    /// instead. Raises the errors of `assess`, and `InvalidInputError` for bad sections.
    #[pyo3(signature = (agreement, as_of, lang = None, external = None, sections = None))]
    fn report(
        &self,
        py: Python<'_>,
        agreement: &str,
        as_of: Date,
        lang: Option<&str>,
        external: Option<&Bound<'_, PyAny>>,
        sections: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let as_of = as_of.0;
        let options = ReportOptions {
            as_of,
            lang: crate::convert::lang_or_display(lang)?,
            format: Format::Markdown,
            external: self::external(external)?,
            sections: self::sections(sections)?,
        };
        let report = Report {
            dossier: self.dossier.read_wait(py)?.inner.clone(),
            agreement: agreement.into(),
            options,
        };
        // Fail now, not at the first render, for an unknown agreement or bad input.
        report.render(Format::Markdown)?;
        Ok(report)
    }

    /// What the dossier answers to KL's 2015 survey of the municipalities for `municipality`,
    /// as `{question: category}` (today `housing_placement`, from its housing organisations'
    /// placement cooperation). Raises `NotFoundError` for a municipality the dossier lacks.
    fn national_answers<'py>(
        &self,
        py: Python<'py>,
        municipality: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = self.dossier.read_wait(py)?;
        let answers = d
            .inner
            .assessment()
            .national_answers(&municipality.into())
            .py()?;
        let out = PyDict::new(py);
        for a in answers {
            out.set_item(a.question, a.category)?;
        }
        Ok(out)
    }

    /// `municipality` beside KL's 2015 figures: the dossier's own answers with `answers`
    /// (`{question: category}`) added, an answer given replacing the dossier's; rows as
    /// `brobygger.compare_with_national` gives them.
    #[pyo3(signature = (municipality, answers = None))]
    fn compare_with_national<'py>(
        &self,
        py: Python<'py>,
        municipality: &str,
        answers: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let given = match answers {
            Some(a) => crate::national::answers(a)?,
            None => Vec::new(),
        };
        let d = self.dossier.read_wait(py)?;
        let rows = d
            .inner
            .assessment()
            .compare_with_national(&municipality.into(), &given)
            .py()?;
        to_py(py, &rows)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.dossier.read_wait(py)?;
        Ok(format!(
            "DossierAssessment({} agreement(s))",
            d.inner.agreements.len()
        ))
    }
}

/// Evaluation survey rounds (the core's `SurveysFacet`): `d.surveys`. Shares the dossier; a
/// change that fails leaves it as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierSurveys {
    dossier: Py<Dossier>,
}

impl DossierSurveys {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierSurveys {
    /// Every survey round as dicts, shaped like the file.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.dossier.read_wait(py)?.inner.surveys)
    }

    /// The survey round `survey` as a dict, or None.
    fn round<'py>(&self, py: Python<'py>, survey: &str) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        to_py(py, &d.inner.surveys().round(&survey.into()))
    }

    /// The rounds about `agreement`, oldest first, as dicts.
    fn rounds<'py>(&self, py: Python<'py>, agreement: &str) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        to_py(py, &d.inner.surveys().rounds(&agreement.into()))
    }

    /// Adds a survey round (a dict shaped like the file). Raises `ValidationError` with every
    /// problem, or `InvalidInputError`; nothing changes then.
    fn add(&self, py: Python<'_>, round: &Bound<'_, PyAny>) -> PyResult<()> {
        let round = from_py(round, "round")?;
        self.dossier
            .write_wait(py)?
            .inner
            .surveys_mut()
            .add(round)
            .py()
    }

    /// Adds one respondent's answers (`{question_id: "agree", ...}`) to a round's counts for
    /// `group` (`"volunteer"`, `"municipal_staff"`, `"newcomer"`), all or nothing.
    fn record_response(
        &self,
        py: Python<'_>,
        survey: &str,
        group: &str,
        answers: &Bound<'_, PyDict>,
    ) -> PyResult<()> {
        let group = parse_enum(group, "group")?;
        let mut list = Vec::new();
        for (q, a) in answers.iter() {
            let question: String = q.extract()?;
            let answer: String = a.extract()?;
            list.push(SurveyAnswer {
                question: question.into(),
                answer: parse_enum(&answer, "answers")?,
            });
        }
        self.dossier
            .write_wait(py)?
            .inner
            .surveys_mut()
            .record_response(&survey.into(), group, &list)
            .py()
    }

    /// Every share of a round as dicts: `question`, `group` (None for everyone), `positive`,
    /// `respondents`, `share`, `interval` (`{"low", "high"}`), `reference` (the LBB figure).
    fn results<'py>(&self, py: Python<'py>, survey: &str) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        to_py(py, &d.inner.surveys().results(&survey.into()).py()?)
    }

    /// The change of every share from round `before` to round `after`, as dicts with
    /// `before`, `after`, `change`, `interval` (Newcombe) and `significant`.
    fn compare<'py>(
        &self,
        py: Python<'py>,
        before: &str,
        after: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        let changes = d
            .inner
            .surveys()
            .compare(&before.into(), &after.into())
            .py()?;
        to_py(py, &changes)
    }

    /// Adds one respondent of the round's shape's group `group` (`"municipality"` in KL's
    /// shape) to a round's counts: `answers` maps each question id to a category of its scale.
    /// All or nothing; raises `InvalidInputError` for a group, question or category the shape
    /// lacks.
    fn record_answers(
        &self,
        py: Python<'_>,
        survey: &str,
        group: &str,
        answers: &Bound<'_, PyDict>,
    ) -> PyResult<()> {
        let mut list = Vec::new();
        for (q, c) in answers.iter() {
            let question: String = q.extract()?;
            list.push(CategoryAnswer {
                question: question.into(),
                category: c.extract()?,
            });
        }
        self.dossier
            .write_wait(py)?
            .inner
            .surveys_mut()
            .record_answers(&survey.into(), group, &list)
            .py()
    }

    /// Every share of a round of any shape as dicts: `question`, `group` (the shape's group id;
    /// None for everyone), `respondents`, `positive`, `share`, `interval`, `reference` (the
    /// shape's published figure), `suppression` (why hidden: groups under `min_cell` answers).
    #[pyo3(signature = (survey, min_cell = 5))]
    fn shares<'py>(
        &self,
        py: Python<'py>,
        survey: &str,
        min_cell: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        to_py(
            py,
            &d.inner.surveys().shares(&survey.into(), min_cell).py()?,
        )
    }

    /// The change of every share from round `before` to round `after` by the shape's groups,
    /// as dicts with `before`, `after`, `change`, `interval` (Newcombe) and `significant`.
    fn share_changes<'py>(
        &self,
        py: Python<'py>,
        before: &str,
        after: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.dossier.read_wait(py)?;
        let changes = d
            .inner
            .surveys()
            .share_changes(&before.into(), &after.into())
            .py()?;
        to_py(py, &changes)
    }

    /// The round `survey` as `brobygger survey` shows it: its shares by the shape's groups with
    /// Wilson intervals, none under `min_cell` respondents shown (the core's default, 5, when
    /// None), and the changes since `before` (default: the latest earlier round about the same
    /// agreement), only for groups shown in both rounds. Raises `NotFoundError` for an unknown
    /// round.
    #[pyo3(signature = (survey, before = None, min_cell = None))]
    fn view(
        &self,
        py: Python<'_>,
        survey: &str,
        before: Option<&str>,
        min_cell: Option<u32>,
    ) -> PyResult<SurveyView> {
        let mut options = SurveyViewOptions {
            before: before.map(SurveyId::from),
            ..SurveyViewOptions::default()
        };
        if let Some(m) = min_cell {
            options.min_cell = m;
        }
        let d = self.dossier.read_wait(py)?;
        Ok(SurveyView {
            inner: d.inner.surveys().view(&survey.into(), &options).py()?,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.dossier.read_wait(py)?;
        Ok(format!(
            "DossierSurveys({} round(s))",
            d.inner.surveys.len()
        ))
    }
}

/// A survey round for people (`d.surveys.view(...)`): its shares by the shape's groups, small
/// groups hidden, and the changes since an earlier round. What `brobygger survey` prints.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug, Clone)]
pub struct SurveyView {
    inner: core::assessment::SurveyView,
}

#[pymethods]
impl SurveyView {
    /// The round's id.
    #[getter]
    fn survey(&self) -> &str {
        self.inner.survey.as_str()
    }

    /// The earlier round the changes are from, or None.
    #[getter]
    fn before(&self) -> Option<&str> {
        self.inner.before.as_ref().map(|b| b.as_str())
    }

    /// The threshold the shares were shown with.
    #[getter]
    fn min_cell(&self) -> u32 {
        self.inner.min_cell
    }

    /// Every share as dicts (`question`, `group`, `respondents`, `positive`, `share`,
    /// `interval`, `reference`, `suppression`); a hidden share has no numbers.
    #[getter]
    fn shares<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.shares)
    }

    /// The changes since `before` as dicts, for groups shown in both rounds.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.changes)
    }

    /// The tables `group_shares` and `group_share_changes` as dicts (`name`, `title`,
    /// `columns`, `rows`), texts in `lang`.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &Present::tables(&self.inner, crate::convert::lang(lang)?),
        )
    }

    /// The view as a document in `format` (`"text"`, `"markdown"`, `"html"`) and `lang`
    /// (default `bb.options.lang`): who was asked, how shares are hidden, then the tables.
    #[pyo3(signature = (format = "text", lang = None))]
    fn render(&self, format: &str, lang: Option<&str>) -> PyResult<String> {
        Ok(self.inner.present(
            self::format(format)?,
            crate::convert::lang_or_display(lang)?,
        ))
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
            "SurveyView({:?}, before={:?}, shares={})",
            self.inner.survey.as_str(),
            self.inner.before.as_ref().map(|b| b.as_str()),
            self.inner.shares.len()
        )
    }
}
