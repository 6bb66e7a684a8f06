//! Matching data in the dossier: cohorts of newcomers with their introduction plan and
//! introductions, volunteer offers, rule sets and stored runs; the operations on them; and
//! their validation (every problem with its path, as part of [`Dossier::validate`]).

use crate::code::{ErrorCode, NotFoundCode};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::ids::{CohortId, MatchRunId, NewcomerId, OfferId, RuleSetId};
use crate::matching::audience::VolunteerMatchView;
use crate::matching::history::{PreviousPartner, history};
use crate::matching::lookup::{find_cohort, find_match_run, find_offer, find_rule_set};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::explain::{PairQuery, WhyNot};
use crate::matching::model::intro::{
    self, CohortView, IntroductionCode, IntroductionRecord, IntroductionStatus,
};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::MatchingCode;
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::matching::validate::run_refs;
use crate::progress::Watch;
use chrono::NaiveDate;

/// A request to match a stored cohort with the dossier's offers under a stored rule set.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchRequest {
    /// The cohort.
    pub cohort: CohortId,
    /// The rule set.
    pub rule_set: RuleSetId,
    /// Solver, date and ranking.
    pub options: MatchOptions,
}

/// Why a matching operation on a dossier was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MatchError {
    /// No such cohort.
    #[error("no cohort {0}")]
    UnknownCohort(String),
    /// No such rule set.
    #[error("no rule set {0}")]
    UnknownRuleSet(String),
    /// No such offer.
    #[error("no offer {0}")]
    UnknownOffer(String),
    /// No such household in the cohort.
    #[error("no newcomer {0} in the cohort")]
    UnknownNewcomer(String),
    /// No such stored run.
    #[error("no match run {0}")]
    UnknownRun(String),
    /// The rule set has errors.
    #[error("the rule set has {} error(s)", .0.len())]
    InvalidRuleSet(Vec<Finding>),
    /// An introduction dated before the household arrived.
    #[error("the introduction is dated before the household's arrival")]
    IntroductionBeforeArrival,
    /// The same introduction is already recorded.
    #[error("this introduction is already recorded")]
    DuplicateIntroduction,
    /// A run with this id is already stored.
    #[error("a match run {0} is already stored")]
    DuplicateRun(String),
    /// A stored run refers to something the dossier does not have.
    #[error("the run has {} problem(s)", .0.len())]
    InvalidRun(Vec<Finding>),
}

impl MatchError {
    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        match self {
            MatchError::UnknownCohort(_) => NotFoundCode::Cohort.into(),
            MatchError::UnknownRuleSet(_) => NotFoundCode::RuleSet.into(),
            MatchError::UnknownOffer(_) => NotFoundCode::Offer.into(),
            MatchError::UnknownNewcomer(_) => NotFoundCode::Newcomer.into(),
            MatchError::UnknownRun(_) => NotFoundCode::MatchRun.into(),
            MatchError::InvalidRuleSet(_) => MatchingCode::InvalidRuleSet.into(),
            MatchError::IntroductionBeforeArrival => IntroductionCode::BeforeArrival.into(),
            MatchError::DuplicateIntroduction => IntroductionCode::Duplicate.into(),
            MatchError::DuplicateRun(_) => MatchingCode::DuplicateRun.into(),
            MatchError::InvalidRun(_) => MatchingCode::InvalidRun.into(),
        }
    }
}

impl From<MatchError> for BrobyggerError {
    fn from(e: MatchError) -> Self {
        let code = e.code();
        match e {
            MatchError::UnknownCohort(id) => BrobyggerError::not_found(NotFoundCode::Cohort, id),
            MatchError::UnknownRuleSet(id) => BrobyggerError::not_found(NotFoundCode::RuleSet, id),
            MatchError::UnknownOffer(id) => BrobyggerError::not_found(NotFoundCode::Offer, id),
            MatchError::UnknownNewcomer(id) => {
                BrobyggerError::not_found(NotFoundCode::Newcomer, id)
            }
            MatchError::UnknownRun(id) => BrobyggerError::not_found(NotFoundCode::MatchRun, id),
            MatchError::InvalidRuleSet(findings) | MatchError::InvalidRun(findings) => {
                BrobyggerError::Validation { code, findings }
            }
            MatchError::IntroductionBeforeArrival => BrobyggerError::InvalidInput {
                code,
                path: "record.on".into(),
                reason: "an introduction cannot be dated before the household's arrival".into(),
            },
            MatchError::DuplicateIntroduction => BrobyggerError::InvalidInput {
                code,
                path: "record".into(),
                reason: "the same introduction (household, day, setting) is already recorded"
                    .into(),
            },
            MatchError::DuplicateRun(id) => BrobyggerError::InvalidInput {
                code,
                path: "run.id".into(),
                reason: format!("a match run {id} is already stored"),
            },
        }
    }
}

fn cohort_or_err<'a>(
    dossier: &'a Dossier,
    id: &CohortId,
) -> Result<(usize, &'a Cohort), MatchError> {
    dossier
        .cohorts
        .iter()
        .enumerate()
        .find(|(_, c)| &c.id == id)
        .ok_or_else(|| MatchError::UnknownCohort(id.to_string()))
}

pub(crate) fn match_cohort(
    dossier: &Dossier,
    request: &MatchRequest,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    let (_, cohort) = cohort_or_err(dossier, &request.cohort)?;
    let rules = checked_rules(dossier, &request.rule_set)?;
    run_with_history(
        dossier,
        rules,
        &cohort.newcomers,
        Some(&cohort.id),
        &request.options,
        PreviousPartner::Exclude,
        false,
        false,
        watch,
    )
}

/// How a rematch treats the households' history. The default: every waiting household (those
/// who lost a match and those never matched), a previous partner excluded, declined pairs not
/// proposed again.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RematchOptions {
    /// What to do with a household's previous partner (excluded by default). No binding
    /// default: uniffi cannot write an enum's default in Kotlin, so apps name it.
    pub previous_partner: PreviousPartner,
    /// Propose pairs a side declined before.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub allow_declined: bool,
    /// Only households that lost a match (not those never matched).
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub only_lost: bool,
}

impl RematchOptions {
    /// The previous partner treated as `p`.
    pub fn previous_partner(mut self, p: PreviousPartner) -> Self {
        self.previous_partner = p;
        self
    }

    /// Pairs declined before may be proposed again.
    pub fn allow_declined(mut self, yes: bool) -> Self {
        self.allow_declined = yes;
        self
    }

    /// Only households that lost a match.
    pub fn only_lost(mut self, yes: bool) -> Self {
        self.only_lost = yes;
        self
    }
}

/// A request to rematch: the households waiting on the day (those who lost a match and those
/// never matched, or only the former) matched with the places left, under a rule set whose
/// priority rules (`waiting_time`, `lost_match`) decide who comes first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RematchRequest {
    /// The cohort; every cohort of the dossier (the whole programme) if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub cohort: Option<CohortId>,
    /// The rule set.
    pub rule_set: RuleSetId,
    /// Solver, date and ranking.
    pub options: MatchOptions,
    /// What the history rules out or prefers.
    #[serde(default)]
    pub rematch: RematchOptions,
}

impl RematchRequest {
    /// A rematch of the whole programme under `rule_set`, with the default options.
    pub fn new(rule_set: impl Into<RuleSetId>, options: impl Into<MatchOptions>) -> Self {
        Self {
            cohort: None,
            rule_set: rule_set.into(),
            options: options.into(),
            rematch: RematchOptions::default(),
        }
    }

    /// Only the households of `cohort`.
    pub fn cohort(mut self, cohort: impl Into<CohortId>) -> Self {
        self.cohort = Some(cohort.into());
        self
    }

    /// With `options` for the history.
    pub fn with(mut self, options: impl Into<RematchOptions>) -> Self {
        self.rematch = options.into();
        self
    }
}

pub(crate) fn rematch(
    dossier: &Dossier,
    request: &RematchRequest,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    let rules = checked_rules(dossier, &request.rule_set)?;
    let newcomers: Vec<Newcomer> = match &request.cohort {
        Some(id) => cohort_or_err(dossier, id)?.1.newcomers.clone(),
        None => dossier
            .cohorts
            .iter()
            .flat_map(|c| c.newcomers.iter().cloned())
            .collect(),
    };
    let r = &request.rematch;
    run_with_history(
        dossier,
        rules,
        &newcomers,
        request.cohort.as_ref(),
        &request.options,
        r.previous_partner,
        r.allow_declined,
        r.only_lost,
        watch,
    )
}

/// Why `newcomer` and `offer` were not matched in the cohort's run of `request` (the run made
/// again with the question asked, through the same gate and history).
pub(crate) fn why_not(
    dossier: &Dossier,
    request: &MatchRequest,
    newcomer: &NewcomerId,
    offer: &OfferId,
    watch: &Watch,
) -> Result<WhyNot, BrobyggerError> {
    let (_, cohort) = cohort_or_err(dossier, &request.cohort)?;
    if cohort.newcomer(newcomer).is_none() {
        return Err(MatchError::UnknownNewcomer(newcomer.to_string()).into());
    }
    if find_offer(dossier, offer).is_none() {
        return Err(MatchError::UnknownOffer(offer.to_string()).into());
    }
    let mut asked = request.clone();
    asked.options.explain.why_not = vec![PairQuery::new(newcomer.clone(), offer.clone())];
    asked.options.explain.alternatives = 0;
    match_cohort(dossier, &asked, watch)?
        .why_not
        .pop()
        .ok_or_else(|| BrobyggerError::Internal {
            code: MatchingCode::WhyNotUnanswered.into(),
            reason: "the run did not answer the question".into(),
        })
}

fn checked_rules<'a>(dossier: &'a Dossier, id: &RuleSetId) -> Result<&'a RuleSet, BrobyggerError> {
    let rules =
        find_rule_set(dossier, id).ok_or_else(|| MatchError::UnknownRuleSet(id.to_string()))?;
    let findings = rules.validate();
    if findings
        .iter()
        .any(|f| f.severity == crate::finding::Severity::Error)
    {
        return Err(MatchError::InvalidRuleSet(findings).into());
    }
    Ok(rules)
}

/// A run over `newcomers` that knows the dossier's history on the day: households holding a
/// place are not waiting and stay out; offers lose what relationships and proposals hold; pairs
/// together now or before, or declined, are not proposed; those who lost a match wait from its
/// end and count for the `lost_match` rule. Through the consent gate.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run_with_history(
    dossier: &Dossier,
    rules: &RuleSet,
    newcomers: &[Newcomer],
    cohort: Option<&CohortId>,
    options: &MatchOptions,
    previous: PreviousPartner,
    allow_declined: bool,
    only_lost: bool,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    if !options.bases.is_empty() {
        return Err(declared_basis_refused());
    }
    watch.check()?;
    let mut h = history(dossier, options.as_of, previous, allow_declined);
    h.ctx.watch = watch.clone();
    let waiting: Vec<Newcomer> = newcomers
        .iter()
        .filter(|n| !h.holding.contains(&n.id))
        .filter(|n| !only_lost || h.ctx.lost.contains_key(&n.id))
        .cloned()
        .collect();
    let offers = h.offers(&dossier.offers);
    // Sensitive attributes only where a consent or basis covers them on the run's day.
    let mut run = crate::privacy::gate::run_gated(
        rules,
        &waiting,
        &offers,
        options,
        cohort,
        &crate::privacy::register::Register::of(dossier),
        &h.ctx,
    )?;
    run.waiting_again = waiting
        .iter()
        .filter(|n| h.ctx.lost.contains_key(&n.id))
        .map(|n| n.id.clone())
        .collect();
    Ok(run)
}

/// Profiles matched beside a dossier (households or offers from files): the dossier's consents
/// and bases count, not the profiles' own consent and basis fields (`crate::privacy::gate`).
pub(crate) fn match_profiles(
    dossier: &Dossier,
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: &MatchOptions,
    watch: &Watch,
) -> Result<MatchRun, BrobyggerError> {
    rules.check()?;
    if !options.bases.is_empty() {
        return Err(declared_basis_refused());
    }
    crate::privacy::gate::run_gated(
        rules,
        newcomers,
        offers,
        options,
        None,
        &crate::privacy::register::Register::beside(dossier, offers),
        &crate::matching::candidates::RunContext::on(options.as_of).watched(watch),
    )
}

fn declared_basis_refused() -> BrobyggerError {
    BrobyggerError::invalid_input(
        crate::privacy::model::codes::PrivacyCode::DeclaredBasisInDossier,
        "options.bases",
        "a run beside a dossier uses the dossier's own consents and bases: record the basis in the dossier's privacy records, where the review sees it",
    )
}

pub(crate) fn add_match_run(dossier: &mut Dossier, run: MatchRun) -> Result<(), BrobyggerError> {
    if find_match_run(dossier, &run.id).is_some() {
        return Err(MatchError::DuplicateRun(run.id.to_string()).into());
    }
    let mut findings = Vec::new();
    run_refs(
        dossier,
        &run,
        &FieldPath::root().field("run"),
        &mut findings,
    );
    if !findings.is_empty() {
        return Err(MatchError::InvalidRun(findings).into());
    }
    dossier.match_runs.push(run);
    Ok(())
}

pub(crate) fn record_introduction(
    dossier: &mut Dossier,
    cohort: &CohortId,
    record: IntroductionRecord,
) -> Result<(), BrobyggerError> {
    let (k, c) = cohort_or_err(dossier, cohort)?;
    let n = c
        .newcomer(&record.newcomer)
        .ok_or_else(|| MatchError::UnknownNewcomer(record.newcomer.to_string()))?;
    if record.on < n.arrival {
        return Err(MatchError::IntroductionBeforeArrival.into());
    }
    if let Some(o) = record
        .offers
        .iter()
        .find(|o| find_offer(dossier, o).is_none())
    {
        return Err(MatchError::UnknownOffer(o.to_string()).into());
    }
    if let Some(p) = record.by.as_ref().filter(|p| dossier.post(p).is_none()) {
        return Err(BrobyggerError::not_found(NotFoundCode::Post, p));
    }
    if c.introductions
        .iter()
        .any(|r| r.newcomer == record.newcomer && r.on == record.on && r.setting == record.setting)
    {
        return Err(MatchError::DuplicateIntroduction.into());
    }
    if let Some(c) = dossier.cohorts.get_mut(k) {
        c.introductions.push(record);
    }
    Ok(())
}

pub(crate) fn introduction_status(
    dossier: &Dossier,
    cohort: &CohortId,
    on: NaiveDate,
) -> Result<Vec<IntroductionStatus>, BrobyggerError> {
    let (_, c) = cohort_or_err(dossier, cohort)?;
    Ok(c.newcomers
        .iter()
        .map(|n| {
            let mine: Vec<&IntroductionRecord> = c
                .introductions
                .iter()
                .filter(|r| r.newcomer == n.id)
                .collect();
            c.plan.status(n, &mine, on)
        })
        .collect())
}

pub(crate) fn introductions_due(
    dossier: &Dossier,
    cohort: &CohortId,
    on: NaiveDate,
) -> Result<Vec<Finding>, BrobyggerError> {
    let (k, _) = cohort_or_err(dossier, cohort)?;
    let base = FieldPath::root()
        .field("cohorts")
        .index(k)
        .field("newcomers");
    let mut out: Vec<Finding> = introduction_status(dossier, cohort, on)?
        .iter()
        .enumerate()
        .filter_map(|(i, s)| intro::status_finding(s, base.index(i)))
        .collect();
    crate::finding::sort_findings(&mut out);
    Ok(out)
}

pub(crate) fn cohort_view(
    dossier: &Dossier,
    cohort: &CohortId,
    on: NaiveDate,
) -> Result<CohortView, BrobyggerError> {
    let (k, c) = cohort_or_err(dossier, cohort)?;
    let base = FieldPath::root().field("cohorts").index(k);
    Ok(c.plan
        .cohort_view(&c.id, &base, &c.newcomers, &c.introductions, on))
}

pub(crate) fn volunteer_view(
    dossier: &Dossier,
    run: &MatchRunId,
    offer: &OfferId,
) -> Result<Vec<VolunteerMatchView>, BrobyggerError> {
    let r = find_match_run(dossier, run).ok_or_else(|| MatchError::UnknownRun(run.to_string()))?;
    if find_offer(dossier, offer).is_none() {
        return Err(MatchError::UnknownOffer(offer.to_string()).into());
    }
    let rules = find_rule_set(dossier, &r.rule_set)
        .ok_or_else(|| MatchError::UnknownRuleSet(r.rule_set.to_string()))?;
    let newcomers: Vec<Newcomer> = match &r.cohort {
        Some(c) => find_cohort(dossier, c)
            .map(|c| c.newcomers.clone())
            .unwrap_or_default(),
        None => dossier
            .cohorts
            .iter()
            .flat_map(|c| c.newcomers.iter().cloned())
            .collect(),
    };
    Ok(crate::privacy::audience::volunteer_view(
        r, rules, &newcomers, offer,
    ))
}
