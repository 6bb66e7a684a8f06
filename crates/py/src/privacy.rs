//! Privacy from Python: `dossier.privacy` (consents and bases, proposals and releases, the
//! manifest, audience views, anonymisation, retention, safe tables and survey shares, the
//! review), `PseudonymKey` and `match_profiles_consented`. Inputs are dicts shaped like the
//! file format; vocabulary values are strings; dates are `datetime.date`, instants aware
//! `datetime.datetime`.

use crate::convert::{Date, Instant};
use crate::convert::{IntoPy, enum_str, from_py, lang, to_py};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::matching::{MatchRun, RuleSet};
use crate::model::Finding;
use brobygger as core;
use brobygger::matching as m;
use brobygger::privacy as p;
use pyo3::prelude::*;

fn purpose(s: &str) -> PyResult<p::Purpose> {
    p::Purpose::parse(s)
        .map_err(core::BrobyggerError::from)
        .py()
}

fn viewer(s: &str) -> PyResult<p::Viewer> {
    p::Viewer::parse(s).py()
}

fn subject(s: &str) -> PyResult<p::Subject> {
    p::Subject::parse_key(s).py()
}

fn contact_fields(fields: Vec<String>, argument: &str) -> PyResult<Vec<p::ContactField>> {
    fields
        .into_iter()
        .map(|f| crate::convert::parse_enum(&f, argument))
        .collect()
}

/// A secret key for one pseudonymisation domain. Pseudonyms are HMAC-SHA256 of an opaque id
/// under the key; the key is never shown by `repr`, errors or logs.
///
/// Make one with `PseudonymKey.generate(domain)` or `PseudonymKey.from_hex(domain, hex)`.
#[pyclass(frozen, module = "brobygger")]
#[derive(Debug)]
pub struct PseudonymKey {
    pub(crate) inner: p::PseudonymKey,
}

#[pymethods]
impl PseudonymKey {
    /// A fresh random key for `domain`.
    #[staticmethod]
    fn generate(domain: &str) -> PyResult<Self> {
        Ok(Self {
            inner: p::PseudonymKey::generate(domain)
                .map_err(core::BrobyggerError::from)
                .py()?,
        })
    }

    /// A key for `domain` from hex (at least 64 hex digits).
    #[staticmethod]
    fn from_hex(domain: &str, hex: &str) -> PyResult<Self> {
        Ok(Self {
            inner: p::PseudonymKey::from_hex(domain, hex)
                .map_err(core::BrobyggerError::from)
                .py()?,
        })
    }

    /// The domain.
    #[getter]
    fn domain(&self) -> &str {
        self.inner.domain()
    }

    /// The pseudonym of an opaque id of a kind (`newcomer`, `person`, `offer`, ...). A national
    /// id number or a name raises `InvalidInputError` (`privacy.not_an_opaque_id`).
    fn pseudonym(&self, kind: &str, id: &str) -> PyResult<String> {
        Ok(self
            .inner
            .pseudonym(kind, id)
            .map_err(core::BrobyggerError::from)
            .py()?
            .to_string())
    }

    /// The pseudonym of a subject given as `newcomer:<id>`, `person:<id>` or `offer:<id>`.
    fn pseudonym_of(&self, subject_key: &str) -> PyResult<String> {
        Ok(self
            .inner
            .pseudonym_of(&subject(subject_key)?)
            .map_err(core::BrobyggerError::from)
            .py()?
            .to_string())
    }

    /// The key as hex, for a secrets manager. Never log it.
    fn export_secret_hex(&self) -> String {
        self.inner.export_secret_hex()
    }

    fn __repr__(&self) -> String {
        format!(
            "PseudonymKey(domain={:?}, key=<redacted>)",
            self.inner.domain()
        )
    }
}

/// Reads the consents and bases of a DPV document (JSON-LD text, as ``export_dpv`` writes it)
/// without a dossier: a dict with ``consents`` and ``bases``, as the dossier holds them.
#[pyfunction]
pub fn read_dpv<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let r = p::read_dpv(text).py()?;
    to_py(py, &r)
}

/// Matches `newcomers` with `offers` (lists of dicts) under `rules`, using each declared
/// sensitive attribute only for the subjects a consent or basis in `privacy` (a dict shaped like
/// a dossier's `privacy`) covers on `as_of`; subjects nothing allows matching are left out.
/// `cohorts` (dicts) make cohort-wide bases apply. The GIL is released while solving.
///
/// `progress`: as in `match_profiles` (a callable, ``"auto"`` or ``False``; by default
/// ``bb.options.progress``). Ctrl-C or an exception in the callback stops the work.
#[pyfunction]
#[pyo3(signature = (rules, newcomers, offers, as_of, privacy, cohorts = None, solver = "optimal", offer_ranking = "score", id = None, progress = None))]
// The Python signature takes keyword arguments; a Rust options struct would not be Pythonic.
#[allow(clippy::too_many_arguments)]
pub fn match_profiles_consented(
    py: Python<'_>,
    rules: &RuleSet,
    newcomers: &Bound<'_, PyAny>,
    offers: &Bound<'_, PyAny>,
    as_of: Date,
    privacy: &Bound<'_, PyAny>,
    cohorts: Option<&Bound<'_, PyAny>>,
    solver: &str,
    offer_ranking: &str,
    id: Option<String>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<MatchRun> {
    let as_of = as_of.0;
    let newcomers: Vec<m::Newcomer> = from_py(newcomers, "newcomers")?;
    let offers: Vec<m::Offer> = from_py(offers, "offers")?;
    let privacy: p::Privacy = from_py(privacy, "privacy")?;
    let cohorts: Vec<m::Cohort> = match cohorts {
        Some(c) => from_py(c, "cohorts")?,
        None => Vec::new(),
    };
    let options = crate::matching::options(solver, as_of, offer_ranking, id, None)?;
    let rules = &rules.inner;
    let w = crate::progress::watched(py, progress)?;
    let watch = w.watch();
    let run = py.detach(|| {
        let register = p::Register::new(&privacy, &cohorts, &offers);
        p::run_consented_watched(rules, &newcomers, &offers, options, &register, watch)
    });
    Ok(MatchRun {
        inner: w.outcome(py, run)?,
    })
}

/// The privacy records and rules of one dossier (`dossier.privacy`). Changes go to the dossier;
/// a refused change raises and leaves it as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierPrivacy {
    dossier: Py<Dossier>,
}

impl DossierPrivacy {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }

    fn read<T>(&self, py: Python<'_>, f: impl FnOnce(&core::Dossier) -> T) -> PyResult<T> {
        Ok(f(&self.dossier.read_wait(py)?.inner))
    }

    fn write<T>(&self, py: Python<'_>, f: impl FnOnce(&mut core::Dossier) -> T) -> PyResult<T> {
        Ok(f(&mut self.dossier.write_wait(py)?.inner))
    }
}

#[pymethods]
impl DossierPrivacy {
    /// Every privacy record as a dict (`consents`, `bases`, `proposals`, `retention`,
    /// `anonymisations`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.read(py, |d| serde_json::to_value(&d.privacy))?;
        to_py(py, &v.unwrap_or_default())
    }

    /// The consents as dicts.
    #[getter]
    fn consents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.read(py, |d| d.privacy.consents.clone())?;
        to_py(py, &v)
    }

    /// The other legal bases as dicts.
    #[getter]
    fn bases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.read(py, |d| d.privacy.bases.clone())?;
        to_py(py, &v)
    }

    /// The match proposals and their history as dicts.
    #[getter]
    fn proposals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.read(py, |d| d.privacy.proposals.clone())?;
        to_py(py, &v)
    }

    /// The retention policies as dicts.
    #[getter]
    fn retention_policies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = self.read(py, |d| d.privacy.retention.clone())?;
        to_py(py, &v)
    }

    /// Adds a consent (a dict). Raises `ValidationError` with every finding if it is not valid.
    fn add_consent(&self, py: Python<'_>, consent: &Bound<'_, PyAny>) -> PyResult<()> {
        let c: p::ConsentRecord = from_py(consent, "consent")?;
        self.write(py, |d| d.privacy_mut().add_consent(c))?.py()
    }

    /// Adds a legal basis other than consent (a dict).
    fn add_basis(&self, py: Python<'_>, basis: &Bound<'_, PyAny>) -> PyResult<()> {
        let b: p::ProcessingBasis = from_py(basis, "basis")?;
        self.write(py, |d| d.privacy_mut().add_basis(b))?.py()
    }

    /// Adds the consents and bases of a DPV document (``export_dpv``'s JSON-LD text), all or
    /// nothing; returns what was added (a dict: ``consents``, ``bases``). Raises
    /// `ValidationError` when one is not valid here (an id taken), `ParseError`,
    /// `UnsupportedVersionError` or `InvalidInputError` (codes ``privacy.dpv_*``) for a bad
    /// document.
    fn import_dpv<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let r = self.write(py, |d| d.privacy_mut().import_dpv(text))?.py()?;
        to_py(py, &r)
    }

    /// The consents and other legal bases as W3C DPV consent records after ISO/IEC TS 27560
    /// (JSON-LD text), each consent's status as of `as_of`; subjects by pseudonymous key only.
    fn export_dpv(&self, py: Python<'_>, as_of: Date) -> PyResult<String> {
        let as_of = as_of.0;
        self.read(py, |d| d.privacy().export_dpv(as_of))
    }

    /// Adds a retention policy (a dict).
    fn add_retention_policy(&self, py: Python<'_>, policy: &Bound<'_, PyAny>) -> PyResult<()> {
        let r: p::RetentionPolicy = from_py(policy, "policy")?;
        self.write(py, |d| d.privacy_mut().add_retention_policy(r))?
            .py()
    }

    /// Withdraws a consent from `on`; returns what depended on it (`closed_proposals`,
    /// `dependent_runs`, `findings` as dicts).
    fn withdraw_consent<'py>(
        &self,
        py: Python<'py>,
        consent: &str,
        on: Date,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let r = self
            .write(py, |d| {
                d.privacy_mut().withdraw_consent(&consent.into(), on)
            })?
            .py()?;
        to_py(py, &r)
    }

    /// The consent or basis covering `subject` (`newcomer:<id>`, `person:<id>`, `offer:<id>`)
    /// for `purpose` (and `attribute`) on `on`, as a dict, or None. An unknown purpose raises
    /// `InvalidInputError` (`privacy.unknown_purpose`).
    #[pyo3(signature = (subject_key, purpose_name, on, attribute = None))]
    fn covering_basis<'py>(
        &self,
        py: Python<'py>,
        subject_key: &str,
        purpose_name: &str,
        on: Date,
        attribute: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let s = subject(subject_key)?;
        let pu = purpose(purpose_name)?;
        let b = self.read(py, |d| d.privacy().covering_basis(&s, pu, attribute, on))?;
        to_py(py, &b)
    }

    /// Proposes a match; returns the proposal's id.
    #[pyo3(signature = (newcomer, offer, at, expires_on = None, run = None, id = None, by = None))]
    #[allow(clippy::too_many_arguments)]
    fn propose(
        &self,
        py: Python<'_>,
        newcomer: &str,
        offer: &str,
        at: Instant,
        expires_on: Option<Date>,
        run: Option<String>,
        id: Option<String>,
        by: Option<String>,
    ) -> PyResult<String> {
        let expires_on = expires_on.map(|v| v.0);
        let at = at.0;
        let request = p::ProposeMatch {
            newcomer: newcomer.into(),
            offer: offer.into(),
            at,
            expires_on,
            run: run.map(Into::into),
            id: id.map(Into::into),
            by: by.map(Into::into),
        };
        Ok(self
            .write(py, |d| d.privacy_mut().propose(request))?
            .py()?
            .to_string())
    }

    /// Proposes every match of a stored run, all or nothing; returns the new ids.
    #[pyo3(signature = (run, at, expires_on = None, by = None))]
    fn propose_run(
        &self,
        py: Python<'_>,
        run: &str,
        at: Instant,
        expires_on: Option<Date>,
        by: Option<String>,
    ) -> PyResult<Vec<String>> {
        let expires_on = expires_on.map(|v| v.0);
        let at = at.0;
        let ids = self
            .write(py, |d| {
                d.privacy_mut()
                    .propose_run(&run.into(), at, expires_on, by.map(Into::into))
            })?
            .py()?;
        Ok(ids.into_iter().map(|i| i.to_string()).collect())
    }

    /// Records that `side` (`"newcomer"` first, then `"volunteer"`) accepted; returns the state.
    #[pyo3(signature = (proposal, side, at, by = None))]
    fn accept(
        &self,
        py: Python<'_>,
        proposal: &str,
        side: &str,
        at: Instant,
        by: Option<String>,
    ) -> PyResult<String> {
        let at = at.0;
        let side: p::ProposalSide = crate::convert::parse_enum(side, "side")?;
        let s = self
            .write(py, |d| {
                d.privacy_mut()
                    .accept(&proposal.into(), side, at, by.map(Into::into))
            })?
            .py()?;
        Ok(enum_str(&s))
    }

    /// Records that `side` declined; returns the state.
    #[pyo3(signature = (proposal, side, at, by = None))]
    fn decline(
        &self,
        py: Python<'_>,
        proposal: &str,
        side: &str,
        at: Instant,
        by: Option<String>,
    ) -> PyResult<String> {
        let at = at.0;
        let side: p::ProposalSide = crate::convert::parse_enum(side, "side")?;
        let s = self
            .write(py, |d| {
                d.privacy_mut()
                    .decline(&proposal.into(), side, at, by.map(Into::into))
            })?
            .py()?;
        Ok(enum_str(&s))
    }

    /// Withdraws an open proposal; returns the state.
    #[pyo3(signature = (proposal, at, by = None))]
    fn withdraw_proposal(
        &self,
        py: Python<'_>,
        proposal: &str,
        at: Instant,
        by: Option<String>,
    ) -> PyResult<String> {
        let at = at.0;
        let s = self
            .write(py, |d| {
                d.privacy_mut()
                    .withdraw_proposal(&proposal.into(), at, by.map(Into::into))
            })?
            .py()?;
        Ok(enum_str(&s))
    }

    /// Closes the proposals that lapsed unanswered by `on`; returns their ids.
    fn expire(&self, py: Python<'_>, on: Date) -> PyResult<Vec<String>> {
        let on = on.0;
        let ids = self.write(py, |d| d.privacy_mut().expire(on))?;
        Ok(ids.into_iter().map(|i| i.to_string()).collect())
    }

    /// Releases contact details after both sides accepted: the household's `to_volunteer`
    /// fields and the volunteer's `to_household` fields (`"name"`, `"phone"`, `"email"`,
    /// `"address"`). Returns the recorded disclosures as dicts.
    #[pyo3(signature = (proposal, at, to_volunteer = Vec::new(), to_household = Vec::new(), by = None))]
    fn release<'py>(
        &self,
        py: Python<'py>,
        proposal: &str,
        at: Instant,
        to_volunteer: Vec<String>,
        to_household: Vec<String>,
        by: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let at = at.0;
        let request = p::ReleaseRequest {
            proposal: proposal.into(),
            at,
            to_volunteer: contact_fields(to_volunteer, "to_volunteer")?,
            to_household: contact_fields(to_household, "to_household")?,
            by: by.map(Into::into),
        };
        let ds = self.write(py, |d| d.privacy_mut().release(request))?.py()?;
        to_py(py, &ds)
    }

    /// A proposal's state, now or at `at`.
    #[pyo3(signature = (proposal, at = None))]
    fn proposal_state(
        &self,
        py: Python<'_>,
        proposal: &str,
        at: Option<Instant>,
    ) -> PyResult<String> {
        let at = at.map(|v| v.0);
        let state = self
            .read(py, |d| {
                d.privacy().proposal(&proposal.into()).map(|pr| match at {
                    Some(t) => pr.state_at(t),
                    None => pr.state(),
                })
            })?
            .ok_or_else(|| {
                core::BrobyggerError::not_found(brobygger::NotFoundCode::Proposal, proposal)
            })
            .py()?;
        Ok(enum_str(&state))
    }

    /// Every recorded release from `start` up to (not including) `until`: a list of dicts with
    /// `at`, `subject`, `recipient`, `fields`, `purpose`, `basis`, `reason`.
    #[pyo3(signature = (start = None, until = None))]
    fn manifest<'py>(
        &self,
        py: Python<'py>,
        start: Option<Date>,
        until: Option<Date>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let start = start.map(|v| v.0);
        let until = until.map(|v| v.0);
        let m = self.read(py, |d| d.privacy().manifest(start, until))?;
        to_py(py, &m.entries)
    }

    /// The manifest as a Markdown table in `lang`.
    #[pyo3(signature = (lang_code = "da", start = None, until = None))]
    fn manifest_markdown(
        &self,
        py: Python<'_>,
        lang_code: &str,
        start: Option<Date>,
        until: Option<Date>,
    ) -> PyResult<String> {
        let start = start.map(|v| v.0);
        let until = until.map(|v| v.0);
        let l = lang(lang_code)?;
        self.read(py, |d| d.privacy().manifest(start, until).markdown(l))
    }

    /// A household as `viewer` (`"municipal_caseworker"`, `"coordinator"`, `"analyst"` or
    /// `"volunteer:<offer id>"`) may see it on `on`, as a dict (`newcomer`, `fields`,
    /// `withheld`). Analysts get `key`'s pseudonym as the id.
    #[pyo3(signature = (newcomer, viewer_key, on, key = None))]
    fn view_newcomer<'py>(
        &self,
        py: Python<'py>,
        newcomer: &str,
        viewer_key: &str,
        on: Date,
        key: Option<&PseudonymKey>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let v = viewer(viewer_key)?;
        let out = self
            .read(py, |d| {
                d.privacy()
                    .view_newcomer(&newcomer.into(), &v, on, key.map(|k| &k.inner))
            })?
            .py()?;
        to_py(py, &out)
    }

    /// An offer as `viewer` may see it on `on`, as a dict.
    fn view_offer<'py>(
        &self,
        py: Python<'py>,
        offer: &str,
        viewer_key: &str,
        on: Date,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let v = viewer(viewer_key)?;
        let out = self
            .read(py, |d| d.privacy().view_offer(&offer.into(), &v, on))?
            .py()?;
        to_py(py, &out)
    }

    /// A proposal as `viewer` may see it on `on`, as a dict (`state`, `score`, `explanation`,
    /// `shared`, `released`, `fields`).
    #[pyo3(signature = (proposal, viewer_key, on, key = None))]
    fn view_proposal<'py>(
        &self,
        py: Python<'py>,
        proposal: &str,
        viewer_key: &str,
        on: Date,
        key: Option<&PseudonymKey>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let v = viewer(viewer_key)?;
        let out = self
            .read(py, |d| {
                d.privacy()
                    .view_proposal(&proposal.into(), &v, on, key.map(|k| &k.inner))
            })?
            .py()?;
        to_py(py, &out)
    }

    /// Anonymises the records in `scope` (a dict: `{"type": "everyone"}`, `{"type": "cohort",
    /// "cohort": ...}`, `{"type": "newcomers", "newcomers": [...]}`, `{"type": "people",
    /// "people": [...]}`) in place, with cascade; returns the counts.
    #[pyo3(signature = (scope, on, min_area_households = 5, key = None, policy = None))]
    fn anonymise<'py>(
        &self,
        py: Python<'py>,
        scope: &Bound<'_, PyAny>,
        on: Date,
        min_area_households: u32,
        key: Option<&PseudonymKey>,
        policy: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let options = p::AnonymiseOptions {
            scope: from_py(scope, "scope")?,
            on,
            min_area_households,
            policy: policy.map(Into::into),
        };
        let r = self
            .write(py, |d| {
                d.privacy_mut().anonymise(&options, key.map(|k| &k.inner))
            })?
            .py()?;
        to_py(py, &r)
    }

    /// An anonymised copy of the dossier (this one is unchanged) and the counts.
    #[pyo3(signature = (scope, on, min_area_households = 5, key = None))]
    fn anonymised<'py>(
        &self,
        py: Python<'py>,
        scope: &Bound<'_, PyAny>,
        on: Date,
        min_area_households: u32,
        key: Option<&PseudonymKey>,
    ) -> PyResult<(Dossier, Bound<'py, PyAny>)> {
        let on = on.0;
        let options = p::AnonymiseOptions {
            scope: from_py(scope, "scope")?,
            on,
            min_area_households,
            policy: None,
        };
        let (copy, r) = self
            .read(py, |d| {
                d.privacy().anonymised(&options, key.map(|k| &k.inner))
            })?
            .py()?;
        Ok((Dossier { inner: copy }, to_py(py, &r)?))
    }

    /// What the retention policies make due on `on` (`items`, `findings`), as a dict.
    fn retention_report<'py>(&self, py: Python<'py>, on: Date) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let r = self.read(py, |d| d.privacy().retention_report(on))?;
        to_py(py, &r)
    }

    /// Deletes and anonymises everything due on `on`; returns what was done, as a dict.
    fn apply_retention<'py>(&self, py: Python<'py>, on: Date) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let r = self
            .write(py, |d| d.privacy_mut().apply_retention(on))?
            .py()?;
        to_py(py, &r)
    }

    /// One table of household counts by one or two dimensions (`"arrival_quarter"`, `"area"`,
    /// `"need"`, `"language"`, `"household_size"`, `"children"`, `"match_outcome"`,
    /// `"offer_kind"`, `"introduction_state"`), cells under `min_cell` suppressed.
    #[pyo3(signature = (cohort, by, on, run = None, min_cell = None))]
    fn safe_table<'py>(
        &self,
        py: Python<'py>,
        cohort: &str,
        by: Vec<String>,
        on: Date,
        run: Option<String>,
        min_cell: Option<u32>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let by = by
            .iter()
            .map(|b| crate::convert::parse_enum(b, "by"))
            .collect::<PyResult<Vec<p::AggregateDimension>>>()?;
        let mut request = p::SafeTableRequest::new(cohort, by, on);
        request.run = run.map(Into::into);
        request.min_cell = min_cell.unwrap_or(request.min_cell);
        let t = self.read(py, |d| d.privacy().safe_table(&request))?.py()?;
        to_py(py, &t)
    }

    /// The standard tables about a cohort for analysts, with their manifest, as a dict.
    #[pyo3(signature = (cohort, on, run = None, min_cell = None))]
    fn analyst_export<'py>(
        &self,
        py: Python<'py>,
        cohort: &str,
        on: Date,
        run: Option<String>,
        min_cell: Option<u32>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        let mut options = p::AnalystExportOptions::new(cohort, on);
        options.run = run.map(Into::into);
        options.min_cell = min_cell.unwrap_or(options.min_cell);
        let e = self
            .read(py, |d| d.privacy().analyst_export(&options))?
            .py()?;
        to_py(py, &e)
    }

    /// A survey round's shares with groups under `min_cell` respondents hidden (and the ones
    /// that would reveal them), as dicts.
    #[pyo3(signature = (survey, min_cell = None))]
    fn safe_survey_results<'py>(
        &self,
        py: Python<'py>,
        survey: &str,
        min_cell: Option<u32>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let s = self
            .read(py, |d| {
                d.privacy().safe_survey_results(
                    &survey.into(),
                    min_cell.map_or_else(
                        core::privacy::SafeShareOptions::default,
                        core::privacy::SafeShareOptions::min_cell,
                    ),
                )
            })?
            .py()?;
        to_py(py, &s)
    }

    /// The privacy review on `on`: households without a basis for matching, sensitive data
    /// nothing covers, consents lapsing within `warn_days`, lapsed proposals, retention due.
    #[pyo3(signature = (on, warn_days = None))]
    fn review(&self, py: Python<'_>, on: Date, warn_days: Option<u32>) -> PyResult<Vec<Finding>> {
        let on = on.0;
        let options = warn_days.map_or_else(
            core::privacy::ReviewOptions::default,
            core::privacy::ReviewOptions::warn_days,
        );
        let f = self.read(py, |d| d.privacy().review(on, options))?;
        Ok(f.into_iter().map(Into::into).collect())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |d| {
            format!(
                "DossierPrivacy({} consent(s), {} basis record(s), {} proposal(s), {} retention polic(ies))",
                d.privacy.consents.len(),
                d.privacy.bases.len(),
                d.privacy.proposals.len(),
                d.privacy.retention.len()
            )
        })
    }
}
