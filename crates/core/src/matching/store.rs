//! Matching data in the dossier: cohorts of newcomers with their introduction plan and
//! introductions, volunteer offers, rule sets and stored runs; the operations on them; and
//! their validation (every problem with its path, as part of [`Dossier::validate`]).

use crate::code::{ErrorCode, NotFoundCode};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::ids::{CohortId, MatchRunId, OfferId, RuleSetId};
use crate::matching::audience::VolunteerMatchView;
use crate::matching::lookup::{find_cohort, find_match_run, find_offer, find_rule_set};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::intro::{
    self, CohortView, IntroductionCode, IntroductionRecord, IntroductionStatus,
};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::MatchingCode;
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::matching::validate::run_refs;
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
) -> Result<MatchRun, BrobyggerError> {
    let (_, cohort) = cohort_or_err(dossier, &request.cohort)?;
    let rules = find_rule_set(dossier, &request.rule_set)
        .ok_or_else(|| MatchError::UnknownRuleSet(request.rule_set.to_string()))?;
    let findings = rules.validate();
    if findings
        .iter()
        .any(|f| f.severity == crate::finding::Severity::Error)
    {
        return Err(MatchError::InvalidRuleSet(findings).into());
    }
    if !request.options.bases.is_empty() {
        return Err(declared_basis_refused());
    }
    // Sensitive attributes only where a consent or basis covers them on the run's day.
    crate::privacy::gate::run_gated(
        rules,
        &cohort.newcomers,
        &dossier.offers,
        &request.options,
        Some(&cohort.id),
        &crate::privacy::register::Register::of(dossier),
    )
}

/// Profiles matched beside a dossier (households or offers from files): the dossier's consents
/// and bases count, not the profiles' own consent and basis fields (`crate::privacy::gate`).
pub(crate) fn match_profiles(
    dossier: &Dossier,
    rules: &RuleSet,
    newcomers: &[Newcomer],
    offers: &[Offer],
    options: &MatchOptions,
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
