//! Matching from Python: rule sets, runs over profiles given as dicts, stable matching over
//! explicit preference lists, and the dossier's cohorts, introductions and volunteer views.
//! Solving releases the GIL. Vocabulary values are strings (`"optimal"`, `"longest_waiting"`).

use crate::convert::Date;
use crate::convert::{IntoPy, enum_str, from_py, lang, parse_enum, to_py};
use crate::dossier::Dossier;
use crate::dossier::Shared;
use crate::model::Finding;
use crate::progress::watched;
use brobygger as core;
use brobygger::chrono::NaiveDate;
use brobygger::matching as m;
use brobygger::present::{Format, Present};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A matching rule set: hard rules (filters) and soft criteria (weighted scores), each with
/// an explanation template in Danish and English.
///
/// Load one with `RuleSet.from_toml(text)`, `RuleSet.from_json(text)`, `RuleSet.load(path)`
/// or `RuleSet.from_dict(data)`; `validate()` lists every problem with its path.
#[pyclass(frozen, module = "brobygger")]
#[derive(Clone, Debug)]
pub struct RuleSet {
    pub(crate) inner: m::RuleSet,
}

#[pymethods]
impl RuleSet {
    /// Reads a rule set from TOML. Raises `ParseError` (with path, line and column) or
    /// `UnsupportedVersionError`.
    #[staticmethod]
    fn from_toml(text: &str) -> PyResult<Self> {
        Ok(Self {
            inner: m::RuleSet::from_toml(text).py()?,
        })
    }

    /// Reads a rule set from JSON.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Ok(Self {
            inner: m::RuleSet::from_json(text).py()?,
        })
    }

    /// Reads a rule set from a `.toml` or `.json` file.
    #[staticmethod]
    fn load(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(Self {
            inner: m::RuleSet::load(path).py()?,
        })
    }

    /// Reads a rule set from plain Python data shaped like the JSON file.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self {
            inner: from_py(data, "rule_set")?,
        })
    }

    /// The id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }

    /// The title in `lang` (`"da"` or `"en"`).
    #[pyo3(signature = (lang = "da"))]
    fn title(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.title.get(crate::convert::lang(lang)?).to_owned())
    }

    /// The rules as dicts (`id`, `strength`, `kind`, `explanation`).
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.rules)
    }

    /// The sensitive attributes the rules may use (`newcomer.preferences`, ...).
    #[getter]
    fn sensitive_attributes(&self) -> Vec<String> {
        self.inner.sensitive_attributes.clone()
    }

    /// The newcomer fields volunteers may see.
    #[getter]
    fn shareable_with_volunteers(&self) -> Vec<String> {
        self.inner.shareable_with_volunteers.clone()
    }

    /// Every finding about the rule set, errors first.
    fn validate(&self) -> Vec<Finding> {
        self.inner.validate().into_iter().map(Into::into).collect()
    }

    /// The warnings if there are no errors; raises `ValidationError` with every finding
    /// otherwise.
    fn check(&self) -> PyResult<Vec<Finding>> {
        Ok(self
            .inner
            .check()
            .py()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The rule set as JSON text.
    fn to_json(&self) -> PyResult<String> {
        self.inner.to_json().py()
    }

    /// The rule set as TOML text.
    fn to_toml(&self) -> PyResult<String> {
        self.inner.to_toml().py()
    }

    /// The rule set as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Pickling: the rule set's serde form (see `_from_state`).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, pyo3::types::PyBytes>,))> {
        crate::convert::reduce(slf.as_any(), crate::convert::state(&slf.get().inner)?)
    }

    /// Unpickling: the rule set from the state `__reduce__` gave.
    #[staticmethod]
    fn _from_state(state: &[u8]) -> PyResult<Self> {
        Ok(Self {
            inner: crate::convert::from_state(state)?,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "RuleSet({:?}, {} rule(s))",
            self.inner.id.as_str(),
            self.inner.rules.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<RuleSet>()
            .map(|o| o.get().inner == self.inner)
            .unwrap_or(false)
    }
}

/// The result of a matching run: proposed matches with scores and explanations, unmatched
/// households with reasons and the binding constraint, unmet demand, unused offers and
/// statistics. Nested values are plain dicts shaped like the JSON file.
#[pyclass(frozen, module = "brobygger")]
#[derive(Clone, Debug)]
pub struct MatchRun {
    pub(crate) inner: m::MatchRun,
}

#[pymethods]
impl MatchRun {
    /// The run's tables in `lang` (`"da"` or `"en"`): plain dicts with `name`, `title`,
    /// `columns` (each `name`, `label`, `type`, `optional`, `decimals`, `percent`) and `rows`
    /// (plain values; dates as ISO strings). What `matches_frame` and the other frames read.
    #[pyo3(signature = (lang = "en"))]
    fn tables<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &Present::tables(&self.inner, self::lang(lang)?))
    }

    /// The table `table` (`matches`, `match_rules`, `unmatched`, `unmet_demand`, `alternatives` or `why_not`) as a pandas DataFrame with one dtype per column, texts in
    /// `lang` (default `bb.options.lang`): what `bb.matches_frame(run)` and the other match frames gives. Needs pandas
    /// (`pip install 'brobygger[pandas]'`).
    #[pyo3(signature = (table = "matches", lang = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "pandas", table, lang)
    }

    /// The table `table` as a polars DataFrame (the same rows and columns as `to_pandas`, one
    /// polars type per column). Needs polars (`pip install polars`).
    #[pyo3(signature = (table = "matches", lang = None))]
    fn to_polars<'py>(
        slf: &Bound<'py, Self>,
        table: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::result_frame(slf.as_any(), "polars", table, lang)
    }
    /// The run's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }

    /// The rule set's id.
    #[getter]
    fn rule_set(&self) -> &str {
        self.inner.rule_set.as_str()
    }

    /// The solver, e.g. `"optimal"`.
    #[getter]
    fn solver(&self) -> String {
        enum_str(&self.inner.solver)
    }

    /// The day of the run.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The matches as dicts: `newcomer`, `offer`, `score`, `waiting_days`, `explanation`.
    #[getter]
    fn matches<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.matches)
    }

    /// `(newcomer, offer, score)` for each match, e.g. for a DataFrame.
    fn pairs(&self) -> Vec<(String, String, f64)> {
        self.inner
            .matches
            .iter()
            .map(|x| (x.newcomer.to_string(), x.offer.to_string(), x.score))
            .collect()
    }

    /// The unmatched households as dicts: `newcomer`, `waiting_days`, `binding`, `reasons`.
    #[getter]
    fn unmatched<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.unmatched)
    }

    /// Needs and languages the offers cannot cover.
    #[getter]
    fn unmet_demand<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.unmet_demand)
    }

    /// Offers with free places that got no household.
    #[getter]
    fn unused_offers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.unused_offers)
    }

    /// Counts, scores and waiting times as a dict.
    #[getter]
    fn statistics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.statistics)
    }

    /// Sensitive attributes withheld for a household or offer (no consent or basis on the
    /// day), and subjects left out, as dicts: `subject`, `attribute`, `rules`, `text`.
    #[getter]
    fn withheld<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.withheld)
    }

    /// The sensitive attributes used and the consent or basis for each, as dicts.
    #[getter]
    fn sensitive_uses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.sensitive_uses)
    }

    /// Each household's next best offers, when asked (`alternatives=k`), as dicts: `newcomer`,
    /// `matched` (its offer or None) and `offers` (each `offer`, `score`, `gap`, `full`).
    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.alternatives)
    }

    /// Answers to the why-not questions asked, as dicts: `newcomer`, `offer`, `reason` (a dict
    /// with `type`, e.g. `"hard_rules"` or `"outscored"`) and `text` (`{da, en}`).
    #[getter]
    fn why_not<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.why_not)
    }

    /// The households in the run that lost a match and wait for a new one (a rematch).
    #[getter]
    fn waiting_again(&self) -> Vec<String> {
        self.inner
            .waiting_again
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    /// How seats and quotas were met and what the quotas cost, as a dict; None when no offer
    /// has seats and the rule set has no quotas.
    #[getter]
    fn structure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.structure)
    }

    /// The run as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Reads a run from plain Python data (as from `to_dict()`).
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self {
            inner: from_py(data, "run")?,
        })
    }

    /// The run as an HTML fragment in `lang`: headline figures, proposed matches with scores,
    /// the unmatched with the deciding constraint and reasons, and unmet demand. Pseudonymous
    /// ids only.
    #[pyo3(signature = (lang = None))]
    fn html(&self, lang: Option<&str>) -> PyResult<String> {
        Ok(self
            .inner
            .present(Format::HtmlFragment, crate::convert::lang_or_display(lang)?))
    }

    /// Jupyter: the run as HTML in `bb.options.lang`.
    fn _repr_html_(&self) -> String {
        self.inner
            .present(Format::HtmlFragment, crate::convert::display_lang())
    }

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

    fn __repr__(&self) -> String {
        format!(
            "MatchRun({:?}, matched={}, unmatched={})",
            self.inner.id.as_str(),
            self.inner.statistics.matched,
            self.inner.statistics.unmatched
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<MatchRun>()
            .map(|o| o.get().inner == self.inner)
            .unwrap_or(false)
    }
}

pub(crate) fn options(
    solver: &str,
    as_of: NaiveDate,
    offer_ranking: &str,
    id: Option<String>,
    bases: Option<&Bound<'_, PyAny>>,
) -> PyResult<m::MatchOptions> {
    Ok(m::MatchOptions {
        solver: parse_enum(solver, "solver")?,
        as_of,
        offer_ranking: parse_enum(offer_ranking, "offer_ranking")?,
        id: id.map(Into::into),
        bases: match bases {
            Some(b) => from_py(b, "bases")?,
            None => Vec::new(),
        },
        explain: Default::default(),
    })
}

/// What a run explains beyond its matches: `k` next-best offers per household and the pairs
/// asked about.
fn explain(alternatives: u32, why_not: Option<Vec<(String, String)>>) -> m::ExplainOptions {
    m::ExplainOptions {
        alternatives,
        why_not: why_not
            .unwrap_or_default()
            .into_iter()
            .map(|(n, o)| m::PairQuery::new(n, o))
            .collect(),
    }
}

/// Matches `newcomers` with `offers` (lists of dicts shaped like the file format) under
/// `rules`. `solver` is `"greedy"`, `"optimal"`, `"stable_newcomer_proposing"` or
/// `"stable_offer_proposing"`. Raises `ValidationError` if the rule set has errors. The GIL is
/// released while solving.
///
/// A sensitive attribute a rule reads is used only under the profile's own consent or basis
/// (its `privacy` dict) or a basis in `bases` (dicts with `id`, `basis`, `attributes`,
/// `reference`); otherwise the run withholds it and lists it in `withheld`.
///
/// `progress` shows how far it is: a callable receives each `Progress` update, ``"auto"``
/// shows a tqdm bar (when tqdm is installed and stderr is a terminal or a notebook), ``False``
/// shows nothing; by default ``bb.options.progress`` (off). Ctrl-C or an exception in the
/// callback stops the work.
#[pyfunction]
#[pyo3(signature = (rules, newcomers, offers, as_of, solver = "optimal", offer_ranking = "score", id = None, bases = None, progress = None))]
// The Python signature takes keyword arguments; a Rust options struct would not be Pythonic.
#[allow(clippy::too_many_arguments)]
pub fn match_profiles(
    py: Python<'_>,
    rules: &RuleSet,
    newcomers: &Bound<'_, PyAny>,
    offers: &Bound<'_, PyAny>,
    as_of: Date,
    solver: &str,
    offer_ranking: &str,
    id: Option<String>,
    bases: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<MatchRun> {
    let as_of = as_of.0;
    let newcomers: Vec<m::Newcomer> = from_py(newcomers, "newcomers")?;
    let offers: Vec<m::Offer> = from_py(offers, "offers")?;
    let o = options(solver, as_of, offer_ranking, id, bases)?;
    let rules = &rules.inner;
    let w = watched(py, progress)?;
    let watch = w.watch();
    let run = py.detach(|| m::run_watched(rules, &newcomers, &offers, o, watch));
    Ok(MatchRun {
        inner: w.outcome(py, run)?,
    })
}

/// Each resident's id and its hospital's, or `None`, as `stable_matching` answers.
type StableAnswer<'py> = Vec<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)>;

/// Stable matching over explicit preference lists (hospital/resident form). `residents` and
/// `hospitals` map each id to the other side's ids, best first (unlisted means unacceptable);
/// `capacities` maps each hospital to its places. `optimal` is `"residents"` or `"hospitals"`:
/// whose optimal stable matching to return. Returns each resident's hospital, or None.
/// Raises `ValidationError` listing every unknown or repeated id. The GIL is released while
/// solving.
#[pyfunction]
#[pyo3(signature = (residents, hospitals, capacities, optimal = "residents"))]
pub fn stable_matching<'py>(
    py: Python<'py>,
    residents: &Bound<'py, PyAny>,
    hospitals: &Bound<'py, PyAny>,
    capacities: &Bound<'py, PyAny>,
    optimal: &str,
) -> PyResult<StableAnswer<'py>> {
    let side: m::ProposingSide = parse_enum(optimal, "optimal")?;
    if let Some(out) = stable_by_index(py, residents, hospitals, capacities, side)? {
        return Ok(out);
    }
    let residents: Vec<(String, Vec<String>)> = residents.extract()?;
    let hospitals: Vec<(String, Vec<String>)> = hospitals.extract()?;
    let capacities: Vec<(String, u32)> = capacities.extract()?;
    let ranking = |v: Vec<(String, Vec<String>)>| -> Vec<m::Ranking> {
        v.into_iter()
            .map(|(id, prefers)| m::Ranking { id, prefers })
            .collect()
    };
    let problem = m::PreferenceProblem {
        residents: ranking(residents),
        hospitals: ranking(hospitals),
        capacities: capacities
            .into_iter()
            .map(|(id, capacity)| m::Places { id, capacity })
            .collect(),
    };
    let a = py.detach(|| problem.solve(side)).py()?;
    let text = |s: String| pyo3::types::PyString::new(py, &s).into_any();
    let mut out: Vec<_> = a
        .pairs
        .into_iter()
        .map(|p| (text(p.resident), Some(text(p.hospital))))
        .collect();
    out.extend(a.unmatched_residents.into_iter().map(|r| (text(r), None)));
    Ok(out)
}

/// `stable_matching` without copying a single id: lists and tuples of plain `str` are indexed
/// through Python dicts (a `str` keeps its hash), the core solves by index, and the answer
/// hands back the caller's own id objects. Copying every id into Rust and hashing it again
/// cost more than the solve itself at a thousand residents. `None` when the input is of
/// another shape or not well formed: the caller then takes the path by id, whose findings
/// name every problem.
fn stable_by_index<'py>(
    py: Python<'py>,
    residents: &Bound<'py, PyAny>,
    hospitals: &Bound<'py, PyAny>,
    capacities: &Bound<'py, PyAny>,
    side: m::ProposingSide,
) -> PyResult<Option<StableAnswer<'py>>> {
    use pyo3::types::{PyList, PyString, PyTuple};
    /// The items of a list or tuple.
    fn items<'py>(o: &Bound<'py, PyAny>) -> Option<Vec<Bound<'py, PyAny>>> {
        if let Ok(l) = o.cast::<PyList>() {
            Some(l.iter().collect())
        } else if let Ok(t) = o.cast::<PyTuple>() {
            Some(t.iter().collect())
        } else {
            None
        }
    }
    /// An (id, value) pair whose id is a plain `str`.
    fn pair<'py>(o: &Bound<'py, PyAny>) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let t = o.cast::<PyTuple>().ok()?;
        if t.len() != 2 {
            return None;
        }
        let id = t.get_item(0).ok()?;
        id.is_exact_instance_of::<PyString>()
            .then(|| Some((id, t.get_item(1).ok()?)))
            .flatten()
    }
    fn rankings<'py>(o: &Bound<'py, PyAny>) -> Option<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        items(o)?.iter().map(pair).collect()
    }
    /// Each id's position, or `None` if an id repeats.
    fn index<'py>(
        py: Python<'py>,
        side: &[(Bound<'py, PyAny>, Bound<'py, PyAny>)],
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        let d = PyDict::new(py);
        for (k, (id, _)) in side.iter().enumerate() {
            d.set_item(id, k)?;
        }
        Ok((d.len() == side.len()).then_some(d))
    }
    fn lists<'py>(
        side: &[(Bound<'py, PyAny>, Bound<'py, PyAny>)],
        other: &Bound<'py, PyDict>,
    ) -> PyResult<Option<Vec<Vec<u32>>>> {
        let mut out = Vec::with_capacity(side.len());
        for (_, prefers) in side {
            let Some(ids) = items(prefers) else {
                return Ok(None);
            };
            let mut list = Vec::with_capacity(ids.len());
            for id in &ids {
                if !id.is_exact_instance_of::<PyString>() {
                    return Ok(None);
                }
                match other.get_item(id)? {
                    Some(k) => list.push(k.extract::<u32>()?),
                    None => return Ok(None),
                }
            }
            out.push(list);
        }
        Ok(Some(out))
    }
    let (Some(res), Some(hos), Some(caps)) =
        (rankings(residents), rankings(hospitals), items(capacities))
    else {
        return Ok(None);
    };
    let (Some(res_index), Some(hos_index)) = (index(py, &res)?, index(py, &hos)?) else {
        return Ok(None);
    };
    let (Some(newcomers), Some(offers)) = (lists(&res, &hos_index)?, lists(&hos, &res_index)?)
    else {
        return Ok(None);
    };
    let mut places: Vec<Option<u32>> = vec![None; hos.len()];
    for c in &caps {
        let Some((id, capacity)) = pair(c) else {
            return Ok(None);
        };
        let (Some(j), Ok(capacity)) = (hos_index.get_item(&id)?, capacity.extract::<u32>()) else {
            return Ok(None);
        };
        match places.get_mut(j.extract::<usize>()?) {
            Some(slot @ None) => *slot = Some(capacity),
            _ => return Ok(None),
        }
    }
    let Some(capacities) = places.into_iter().collect::<Option<Vec<u32>>>() else {
        return Ok(None);
    };
    let p = m::Preferences {
        newcomers,
        offers,
        capacities,
    };
    if !p.is_well_formed() {
        return Ok(None);
    }
    let assigned = py.detach(|| m::stable(&p, side));
    // As the path by id answers: the matched residents in input order, then the unmatched.
    let mut out = Vec::with_capacity(res.len());
    let mut unmatched = Vec::new();
    for ((id, _), h) in res.iter().zip(assigned) {
        match h.and_then(|h| hos.get(h as usize)) {
            Some((h, _)) => out.push((id.clone(), Some(h.clone()))),
            None => unmatched.push((id.clone(), None)),
        }
    }
    out.extend(unmatched);
    Ok(Some(out))
}

/// The problem with ties that `weakly_stable_matching` and `largest_weakly_stable_matching`
/// take: each ranking is an id and its groups of equally good ids, best group first.
fn tied_problem(
    residents: Vec<(String, Vec<Vec<String>>)>,
    hospitals: Vec<(String, Vec<Vec<String>>)>,
    capacities: Vec<(String, u32)>,
) -> m::TiedPreferenceProblem {
    let ranking = |v: Vec<(String, Vec<Vec<String>>)>| -> Vec<m::TiedRanking> {
        v.into_iter()
            .map(|(id, prefers)| m::TiedRanking { id, prefers })
            .collect()
    };
    m::TiedPreferenceProblem {
        residents: ranking(residents),
        hospitals: ranking(hospitals),
        capacities: capacities
            .into_iter()
            .map(|(id, capacity)| m::Places { id, capacity })
            .collect(),
    }
}

/// Stable matching with ties and incomplete lists over explicit preferences: `residents` and
/// `hospitals` map each id to groups of the other side's ids, best group first, the ids of a
/// group equally good (unlisted means unacceptable); `capacities` maps each hospital to its
/// places. Ties are broken by the input's order, then deferred acceptance runs from the
/// `optimal` side (`"residents"` or `"hospitals"`). Returns a dict: `pairs` (dicts with
/// `resident` and `hospital`), `unmatched_residents`, `size`, `blocking_pairs` (always 0),
/// `bound`, `exact` and `method`. Raises `ValidationError` listing every unknown or repeated
/// id. The GIL is released while solving.
#[pyfunction]
#[pyo3(signature = (residents, hospitals, capacities, optimal = "residents"))]
pub fn weakly_stable_matching<'py>(
    py: Python<'py>,
    residents: Vec<(String, Vec<Vec<String>>)>,
    hospitals: Vec<(String, Vec<Vec<String>>)>,
    capacities: Vec<(String, u32)>,
    optimal: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let side: m::ProposingSide = parse_enum(optimal, "optimal")?;
    let problem = tied_problem(residents, hospitals, capacities);
    let a = py.detach(|| problem.solve(side)).py()?;
    to_py(py, &a)
}

/// The largest weakly stable matching over explicit preferences with ties (the shapes of
/// `weakly_stable_matching`): exact for small problems, else the largest over promoted
/// tie-breakings with a maximum matching as `bound` (`exact` says which). Returns the same
/// dict. The GIL is released while solving. `progress`: as in `match_profiles`, counting the
/// tie-breakings tried; Ctrl-C stops the search.
#[pyfunction]
#[pyo3(signature = (residents, hospitals, capacities, progress = None))]
pub fn largest_weakly_stable_matching<'py>(
    py: Python<'py>,
    residents: Vec<(String, Vec<Vec<String>>)>,
    hospitals: Vec<(String, Vec<Vec<String>>)>,
    capacities: Vec<(String, u32)>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let problem = tied_problem(residents, hospitals, capacities);
    let w = watched(py, progress)?;
    let watch = w.watch();
    let a = py.detach(|| problem.largest_watched(watch));
    to_py(py, &w.outcome(py, a)?)
}

/// Dossier methods, called from `dossier.rs`.
pub(crate) mod on_dossier {
    use super::*;

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn match_cohort(
        py: Python<'_>,
        d: &core::Dossier,
        cohort: &str,
        rule_set: &str,
        as_of: NaiveDate,
        solver: &str,
        offer_ranking: &str,
        id: Option<String>,
        alternatives: u32,
        why_not: Option<Vec<(String, String)>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<MatchRun> {
        let mut o = options(solver, as_of, offer_ranking, id, None)?;
        o.explain = explain(alternatives, why_not);
        let request = m::MatchRequest {
            cohort: cohort.into(),
            rule_set: rule_set.into(),
            options: o,
        };
        let w = watched(py, progress)?;
        let watch = w.watch();
        let run = py.detach(|| d.matching().match_cohort_watched(&request, watch));
        Ok(MatchRun {
            inner: w.outcome(py, run)?,
        })
    }

    pub(crate) fn record_introduction(
        d: &mut core::Dossier,
        cohort: &str,
        newcomer: &str,
        on: NaiveDate,
        setting: &str,
        offers: Option<Vec<String>>,
        by: Option<String>,
    ) -> PyResult<()> {
        let record = m::IntroductionRecord {
            newcomer: newcomer.into(),
            on,
            setting: parse_enum(setting, "setting")?,
            offers: offers
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            by: by.map(Into::into),
        };
        d.matching_mut()
            .record_introduction(&cohort.into(), record)
            .py()
    }

    pub(crate) fn rule_sets(d: &core::Dossier) -> Vec<RuleSet> {
        d.rule_sets
            .iter()
            .cloned()
            .map(|inner| RuleSet { inner })
            .collect()
    }

    pub(crate) fn match_runs(d: &core::Dossier) -> Vec<MatchRun> {
        d.match_runs
            .iter()
            .cloned()
            .map(|inner| MatchRun { inner })
            .collect()
    }

    pub(crate) fn introductions_due(
        d: &core::Dossier,
        cohort: &str,
        on: NaiveDate,
    ) -> PyResult<Vec<Finding>> {
        Ok(d.matching()
            .introductions_due(&cohort.into(), on)
            .py()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    pub(crate) fn status<'py>(
        py: Python<'py>,
        d: &core::Dossier,
        cohort: &str,
        on: NaiveDate,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &d.matching().introduction_status(&cohort.into(), on).py()?,
        )
    }

    pub(crate) fn cohort_view<'py>(
        py: Python<'py>,
        d: &core::Dossier,
        cohort: &str,
        on: NaiveDate,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &d.matching().cohort_view(&cohort.into(), on).py()?)
    }

    pub(crate) fn volunteer_view<'py>(
        py: Python<'py>,
        d: &core::Dossier,
        run: &str,
        offer: &str,
        lang_code: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let views = d
            .matching()
            .volunteer_view(&run.into(), &offer.into())
            .py()?;
        match lang_code {
            None => to_py(py, &views),
            Some(code) => {
                let l = lang(code)?;
                let texts: Vec<_> = views.iter().map(|v| v.text(l)).collect();
                to_py(py, &texts)
            }
        }
    }
}

/// Cohorts' matching runs and introductions (the core's `MatchingFacet`): `d.matching`. Shares
/// the dossier; a change that fails leaves it as it was.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierMatching {
    dossier: Py<Dossier>,
}

impl DossierMatching {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierMatching {
    /// Matches a stored cohort with the dossier's offers under a stored rule set (not stored;
    /// see `add_run`). `alternatives=k` adds each household's `k` next-best offers with the
    /// score gap (`run.alternatives`); `why_not=[(newcomer, offer), ...]` asks why those pairs
    /// were not matched (`run.why_not`). Releases the GIL while solving.
    ///
    /// `progress` shows how far it is: a callable receives each `Progress` update, ``"auto"``
    /// shows a tqdm bar (when tqdm is installed and stderr is a terminal or a notebook),
    /// ``False`` shows nothing; by default ``bb.options.progress`` (off). Ctrl-C or an
    /// exception in the callback stops the work; nothing is changed.
    #[pyo3(signature = (cohort, rule_set, as_of, solver = "optimal", offer_ranking = "score", id = None, alternatives = 0, why_not = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn match_cohort(
        &self,
        py: Python<'_>,
        cohort: &str,
        rule_set: &str,
        as_of: Date,
        solver: &str,
        offer_ranking: &str,
        id: Option<String>,
        alternatives: u32,
        why_not: Option<Vec<(String, String)>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::matching::MatchRun> {
        let as_of = as_of.0;
        // A snapshot: the solve runs without the GIL, and a write from another thread meanwhile
        // must neither fail ("Already borrowed") nor change the data under the run.
        let snapshot = self.dossier.read_wait(py)?.inner.clone();
        crate::matching::on_dossier::match_cohort(
            py,
            &snapshot,
            cohort,
            rule_set,
            as_of,
            solver,
            offer_ranking,
            id,
            alternatives,
            why_not,
            progress,
        )
    }

    /// Matches households and offers held outside the dossier (lists of dicts, e.g. read from
    /// spreadsheets) under the dossier's consents and bases, never the profiles' own consent
    /// columns (not stored; see `add_run`). Releases the GIL while solving.
    ///
    /// `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
    /// ``bb.options.progress``).
    #[pyo3(signature = (rules, newcomers, offers, as_of, solver = "optimal", offer_ranking = "score", id = None, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn match_profiles(
        &self,
        py: Python<'_>,
        rules: &RuleSet,
        newcomers: &Bound<'_, PyAny>,
        offers: &Bound<'_, PyAny>,
        as_of: Date,
        solver: &str,
        offer_ranking: &str,
        id: Option<String>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::matching::MatchRun> {
        let as_of = as_of.0;
        let newcomers: Vec<m::Newcomer> = from_py(newcomers, "newcomers")?;
        let offers: Vec<m::Offer> = from_py(offers, "offers")?;
        let o = options(solver, as_of, offer_ranking, id, None)?;
        // A snapshot, as in match_cohort: writes from other threads never meet a borrow.
        let d = self.dossier.read_wait(py)?.inner.clone();
        let rules = &rules.inner;
        let w = watched(py, progress)?;
        let watch = w.watch();
        let run = py.detach(|| {
            d.matching()
                .match_profiles_watched(rules, &newcomers, &offers, o, watch)
        });
        Ok(MatchRun {
            inner: w.outcome(py, run)?,
        })
    }

    /// Matches the households that wait on `as_of` (those who lost a match and those never
    /// matched; only the former with `only_lost=True`) with the places relationships and
    /// proposals leave, through the consent gate; who comes first is the rule set's
    /// `waiting_time` and `lost_match` rules. `previous_partner` is `"exclude"` (the default),
    /// `"allow"` or `"prefer"`; `allow_declined` proposes pairs a side declined before;
    /// `cohort` limits it to one cohort (default: the whole programme). Not stored; see
    /// `add_run`. Releases the GIL while solving.
    ///
    /// `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
    /// ``bb.options.progress``).
    #[pyo3(signature = (rule_set, as_of, cohort = None, solver = "optimal", previous_partner = "exclude", allow_declined = false, only_lost = false, offer_ranking = "score", id = None, alternatives = 0, progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn rematch(
        &self,
        py: Python<'_>,
        rule_set: &str,
        as_of: Date,
        cohort: Option<String>,
        solver: &str,
        previous_partner: &str,
        allow_declined: bool,
        only_lost: bool,
        offer_ranking: &str,
        id: Option<String>,
        alternatives: u32,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::matching::MatchRun> {
        let as_of = as_of.0;
        let mut o = options(solver, as_of, offer_ranking, id, None)?;
        o.explain = explain(alternatives, None);
        let request = m::RematchRequest {
            cohort: cohort.map(Into::into),
            rule_set: rule_set.into(),
            options: o,
            rematch: m::RematchOptions {
                previous_partner: parse_enum(previous_partner, "previous_partner")?,
                allow_declined,
                only_lost,
            },
        };
        // A snapshot, as in match_cohort: writes from other threads never meet a borrow.
        let d = self.dossier.read_wait(py)?.inner.clone();
        let w = watched(py, progress)?;
        let watch = w.watch();
        let run = py.detach(|| d.matching().rematch_watched(&request, watch));
        Ok(MatchRun {
            inner: w.outcome(py, run)?,
        })
    }

    /// Why `newcomer` and `offer` were not matched in the cohort's run on `as_of`, as a dict:
    /// `reason` (with `type`: `"not_in_run"`, `"hard_rules"`, `"declined_before"`,
    /// `"together"`, `"seats"`, `"no_free_place"`, `"outscored"`, ...) and `text` (`{da, en}`),
    /// naming rules, ids and points, never a profile's value.
    ///
    /// `progress`: as in `match_cohort` (a callable, ``"auto"`` or ``False``; by default
    /// ``bb.options.progress``); Ctrl-C stops the work.
    #[pyo3(signature = (cohort, rule_set, as_of, newcomer, offer, solver = "optimal", offer_ranking = "score", progress = None))]
    #[allow(clippy::too_many_arguments)]
    fn why_not<'py>(
        &self,
        py: Python<'py>,
        cohort: &str,
        rule_set: &str,
        as_of: Date,
        newcomer: &str,
        offer: &str,
        solver: &str,
        offer_ranking: &str,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = as_of.0;
        let request = m::MatchRequest {
            cohort: cohort.into(),
            rule_set: rule_set.into(),
            options: options(solver, as_of, offer_ranking, None, None)?,
        };
        let d = self.dossier.read_wait(py)?.inner.clone();
        let w = watched(py, progress)?;
        let watch = w.watch();
        let answer = py.detach(|| {
            d.matching()
                .why_not_watched(&request, &newcomer.into(), &offer.into(), watch)
        });
        to_py(py, &w.outcome(py, answer)?)
    }

    /// Stores a run; raises if its id is taken or it refers to unknown records.
    fn add_run(&self, py: Python<'_>, run: &crate::matching::MatchRun) -> PyResult<()> {
        self.dossier
            .write_wait(py)?
            .inner
            .matching_mut()
            .add_run(run.inner.clone())
            .py()
    }

    /// Records that a household was introduced to volunteer offers. `setting` is e.g.
    /// `"integration_contract_meeting"` or `"follow_up_conversation"`.
    #[pyo3(signature = (cohort, newcomer, on, setting = "follow_up_conversation", offers = None, by = None))]
    #[allow(clippy::too_many_arguments)]
    fn record_introduction(
        &self,
        py: Python<'_>,
        cohort: &str,
        newcomer: &str,
        on: Date,
        setting: &str,
        offers: Option<Vec<String>>,
        by: Option<String>,
    ) -> PyResult<()> {
        let on = on.0;
        crate::matching::on_dossier::record_introduction(
            &mut self.dossier.write_wait(py)?.inner,
            cohort,
            newcomer,
            on,
            setting,
            offers,
            by,
        )
    }

    /// Every household's introduction status in a cohort on `on`, as dicts.
    fn introduction_status<'py>(
        &self,
        py: Python<'py>,
        cohort: &str,
        on: Date,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        crate::matching::on_dossier::status(py, &self.dossier.read_wait(py)?.inner, cohort, on)
    }

    /// The introductions due or overdue in a cohort on `on`, as findings citing 001.
    fn introductions_due(&self, py: Python<'_>, cohort: &str, on: Date) -> PyResult<Vec<Finding>> {
        let on = on.0;
        crate::matching::on_dossier::introductions_due(
            &self.dossier.read_wait(py)?.inner,
            cohort,
            on,
        )
    }

    /// The evaluator's view of a cohort on `on`, as a dict.
    fn cohort_view<'py>(
        &self,
        py: Python<'py>,
        cohort: &str,
        on: Date,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        crate::matching::on_dossier::cohort_view(py, &self.dossier.read_wait(py)?.inner, cohort, on)
    }

    /// The matches of `offer` in a stored run as its volunteer may see them; texts as
    /// `{da, en}`, or with `lang` the same keys with each text a string in that language.
    #[pyo3(signature = (run, offer, lang = None))]
    fn volunteer_view<'py>(
        &self,
        py: Python<'py>,
        run: &str,
        offer: &str,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::matching::on_dossier::volunteer_view(
            py,
            &self.dossier.read_wait(py)?.inner,
            run,
            offer,
            lang,
        )
    }
}

/// Relationships over time (the core's `RelationshipsFacet`): `d.relationships`. A match from
/// its proposal to its end, as dated events; every change is checked first and a refused one
/// (ending a relationship that never started, starting a declined one) raises and changes
/// nothing. Records are plain dicts shaped like the JSON file.
#[pyclass(module = "brobygger")]
#[derive(Debug)]
pub struct DossierRelationships {
    dossier: Py<Dossier>,
}

impl DossierRelationships {
    pub(crate) fn new(dossier: Py<Dossier>) -> Self {
        Self { dossier }
    }
}

#[pymethods]
impl DossierRelationships {
    /// Every relationship, in the dossier's order, as dicts.
    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.dossier.read_wait(py)?.inner.relationships().all())
    }

    /// The relationship with `id` as a dict, or None.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &self
                .dossier
                .read_wait(py)?
                .inner
                .relationships()
                .get(&id.into()),
        )
    }

    /// The relationships of a household, oldest first, as dicts.
    fn of_household<'py>(&self, py: Python<'py>, newcomer: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &self
                .dossier
                .read_wait(py)?
                .inner
                .relationships()
                .of_household(&newcomer.into()),
        )
    }

    /// What relationships and open proposals hold of every offer on `on`, and what is free,
    /// as dicts: `offer`, `capacity`, `places_taken`, `held`, `free`, `running`.
    fn offer_loads<'py>(&self, py: Python<'py>, on: Date) -> PyResult<Bound<'py, PyAny>> {
        let on = on.0;
        to_py(
            py,
            &self
                .dossier
                .read_wait(py)?
                .inner
                .relationships()
                .offer_loads(on),
        )
    }

    /// Proposes `newcomer` with `offer` on `on` and returns the relationship's id. Raises (and
    /// nothing changes) for an unknown household, offer, rule set or run, a household no
    /// consent or basis allows matching, a pair together now or before, a pair declined before
    /// (unless `allow_declined`), a household held elsewhere, or an offer without room.
    #[pyo3(signature = (newcomer, offer, on, rule_set = None, run = None, proposal = None, replaces = None, id = None, allow_declined = false))]
    #[allow(clippy::too_many_arguments)]
    fn propose(
        &self,
        py: Python<'_>,
        newcomer: &str,
        offer: &str,
        on: Date,
        rule_set: Option<String>,
        run: Option<String>,
        proposal: Option<String>,
        replaces: Option<String>,
        id: Option<String>,
        allow_declined: bool,
    ) -> PyResult<String> {
        let on = on.0;
        let request = m::ProposeRelationship {
            newcomer: newcomer.into(),
            offer: offer.into(),
            on,
            rule_set: rule_set.map(Into::into),
            run: run.map(Into::into),
            proposal: proposal.map(Into::into),
            replaces: replaces.map(Into::into),
            id: id.map(Into::into),
            allow_declined,
        };
        Ok(self
            .dossier
            .write_wait(py)?
            .inner
            .relationships_mut()
            .propose(request)
            .py()?
            .to_string())
    }

    /// Proposes every match of a stored run on `on`, all or nothing, and returns the new ids; a
    /// household that lost a match gets a relationship that replaces the lost one.
    fn propose_run(&self, py: Python<'_>, run: &str, on: Date) -> PyResult<Vec<String>> {
        let on = on.0;
        Ok(self
            .dossier
            .write_wait(py)?
            .inner
            .relationships_mut()
            .propose_run(&run.into(), on)
            .py()?
            .into_iter()
            .map(|id| id.to_string())
            .collect())
    }

    /// Records an event and returns the new state (`"accepted"`, `"started"`, `"active"`, ...).
    /// `event` is `"accepted"` or `"declined"` (with `side`: `"household"` or `"volunteer"`),
    /// `"withdrawn"`, `"started"` or `"check_in"` (with `outcome`: `"going"`,
    /// `"needs_support"` or `"not_meeting"`); end a relationship with `end`. Raises for a step
    /// that does not follow from the state or a date before the last event.
    #[pyo3(signature = (id, on, event, side = None, outcome = None, by = None))]
    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        py: Python<'_>,
        id: &str,
        on: Date,
        event: &str,
        side: Option<String>,
        outcome: Option<String>,
        by: Option<String>,
    ) -> PyResult<String> {
        let on = on.0;
        let kind = PyDict::new(py);
        kind.set_item("type", event)?;
        if let Some(side) = side {
            kind.set_item("side", side)?;
        }
        if let Some(outcome) = outcome {
            kind.set_item("outcome", outcome)?;
        }
        let kind: m::RelationshipEventKind = from_py(kind.as_any(), "event")?;
        let options = m::EventOptions {
            by: by.map(Into::into),
            rematch: None,
        };
        let state = self
            .dossier
            .write_wait(py)?
            .inner
            .relationships_mut()
            .record(&id.into(), on, kind, options)
            .py()?;
        Ok(enum_str(&state))
    }

    /// Ends a running relationship on `on` with `reason` (`"moved_away"`, `"did_not_click"`,
    /// `"volunteer_stopped"`, `"household_stopped"`, `"goal_reached"`, `"consent_withdrawn"`
    /// or `"other"`) and returns the new state. Whether the household waits for a new match
    /// follows the reason unless `rematch` says.
    #[pyo3(signature = (id, on, reason, by = None, rematch = None))]
    fn end(
        &self,
        py: Python<'_>,
        id: &str,
        on: Date,
        reason: &str,
        by: Option<String>,
        rematch: Option<bool>,
    ) -> PyResult<String> {
        let on = on.0;
        let reason: m::EndReason = parse_enum(reason, "reason")?;
        let options = m::EventOptions {
            by: by.map(Into::into),
            rematch,
        };
        let state = self
            .dossier
            .write_wait(py)?
            .inner
            .relationships_mut()
            .end(&id.into(), on, reason, options)
            .py()?;
        Ok(enum_str(&state))
    }
}
