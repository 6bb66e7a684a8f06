//! Matching data in the dossier: cohorts of newcomers with their introduction plan and
//! introductions, volunteer offers, rule sets and stored runs; the operations on them; and
//! their validation (every problem with its path, as part of [`Dossier::validate`]).

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::{FieldPath, Finding};
use crate::i18n::Text;
use crate::ids::{
    CohortId, MatchRunId, MunicipalityId, NewcomerId, OfferId, RuleSetId, is_well_formed,
};
use crate::matching::audience::{self, VolunteerMatchView};
use crate::matching::intro::{
    self, CohortView, IntroductionPlan, IntroductionRecord, IntroductionStatus,
};
use crate::matching::outcome::{MatchOptions, MatchRun};
use crate::matching::profile::{LanguageSkill, Need, Newcomer, Offer, is_language_code};
use crate::matching::rules::{MatchingCode, RuleSet, add};
use crate::validation_code::ValidationCode;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A cohort: newcomer households followed together, with their introduction plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cohort {
    /// Id, e.g. `ikast-2016-h1`.
    pub id: CohortId,
    /// Title, e.g. "Nyankomne i Ikast-Brande, 1. halvår 2016".
    pub title: String,
    /// The municipality receiving them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<MunicipalityId>,
    /// The introduction plan's parameters (seed 001 defaults).
    #[serde(default)]
    pub plan: IntroductionPlan,
    /// The households.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub newcomers: Vec<Newcomer>,
    /// Introductions to volunteer offers, as recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introductions: Vec<IntroductionRecord>,
}

impl Cohort {
    /// The household with `id`.
    pub fn newcomer(&self, id: &NewcomerId) -> Option<&Newcomer> {
        self.newcomers.iter().find(|n| &n.id == id)
    }
}

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
    pub fn code(&self) -> &'static str {
        match self {
            MatchError::UnknownCohort(_) => "not_found.cohort",
            MatchError::UnknownRuleSet(_) => "not_found.rule_set",
            MatchError::UnknownOffer(_) => "not_found.offer",
            MatchError::UnknownNewcomer(_) => "not_found.newcomer",
            MatchError::UnknownRun(_) => "not_found.match_run",
            MatchError::InvalidRuleSet(_) => "matching.invalid_rule_set",
            MatchError::IntroductionBeforeArrival => "introduction.before_arrival",
            MatchError::DuplicateIntroduction => "introduction.duplicate",
            MatchError::DuplicateRun(_) => "matching.duplicate_run",
            MatchError::InvalidRun(_) => "matching.invalid_run",
        }
    }
}

impl From<MatchError> for BrobyggerError {
    fn from(e: MatchError) -> Self {
        let code = e.code().to_owned();
        let nf = |entity: &str, id: String| BrobyggerError::NotFound {
            code: code.clone(),
            entity: entity.into(),
            id,
        };
        match e {
            MatchError::UnknownCohort(id) => nf("cohort", id),
            MatchError::UnknownRuleSet(id) => nf("rule_set", id),
            MatchError::UnknownOffer(id) => nf("offer", id),
            MatchError::UnknownNewcomer(id) => nf("newcomer", id),
            MatchError::UnknownRun(id) => nf("match_run", id),
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

pub(crate) fn find_cohort<'a>(dossier: &'a Dossier, id: &CohortId) -> Option<&'a Cohort> {
    dossier.cohorts.iter().find(|c| &c.id == id)
}

pub(crate) fn find_offer<'a>(dossier: &'a Dossier, id: &OfferId) -> Option<&'a Offer> {
    dossier.offers.iter().find(|o| &o.id == id)
}

pub(crate) fn find_rule_set<'a>(dossier: &'a Dossier, id: &RuleSetId) -> Option<&'a RuleSet> {
    dossier.rule_sets.iter().find(|r| &r.id == id)
}

pub(crate) fn find_match_run<'a>(dossier: &'a Dossier, id: &MatchRunId) -> Option<&'a MatchRun> {
    dossier.match_runs.iter().find(|r| &r.id == id)
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
    // Sensitive attributes only where a consent or basis covers them on the run's day.
    crate::privacy::gate::run_gated(
        rules,
        &cohort.newcomers,
        &dossier.offers,
        &request.options,
        Some(&cohort.id),
        &crate::privacy::consent::Register::of(dossier),
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
        return Err(BrobyggerError::not_found("post", p));
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
    Ok(audience::volunteer_view(r, rules, &newcomers, offer))
}

fn dangling(out: &mut Vec<Finding>, path: FieldPath, what_da: &str, what_en: &str, id: &str) {
    add(
        out,
        ValidationCode::DanglingReference,
        path,
        format!("Henvisningen peger på {what_da} '{id}', som ikke findes i dossieret."),
        format!("The reference points at {what_en} '{id}', which is not in the dossier."),
    );
}

fn bad_id(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        ValidationCode::InvalidId,
        path,
        "Id'et skal være 1–128 tegn blandt A–Z, a–z, 0–9, '.', '_', ':' og '-' og starte med et bogstav eller tal.".into(),
        "The id must be 1–128 characters from A–Z, a–z, 0–9, '.', '_', ':' and '-', starting with a letter or digit.".into(),
    );
}

fn empty(out: &mut Vec<Finding>, path: FieldPath) {
    add(
        out,
        ValidationCode::EmptyText,
        path,
        "Feltet er tomt.".into(),
        "The field is empty.".into(),
    );
}

fn duplicate(out: &mut Vec<Finding>, path: FieldPath, id: &str) {
    add(
        out,
        ValidationCode::DuplicateId,
        path,
        format!("Id'et '{id}' er brugt før."),
        format!("The id '{id}' is used before."),
    );
}

fn languages(out: &mut Vec<Finding>, path: FieldPath, skills: &[LanguageSkill]) {
    let mut seen = HashSet::new();
    for (k, s) in skills.iter().enumerate() {
        let p = path.index(k).field("language");
        if !is_language_code(&s.language) {
            add(
                out,
                MatchingCode::InvalidLanguageCode,
                p,
                "Sprogkoden skal være en ISO 639-kode med 2 eller 3 små bogstaver.".into(),
                "The language code must be an ISO 639 code of 2 or 3 lower-case letters.".into(),
            );
        } else if !seen.insert(s.language.as_str()) {
            add(
                out,
                MatchingCode::DuplicateLanguage,
                p,
                "Sproget står der allerede; det højeste niveau gælder.".into(),
                "The language is listed already; the highest level counts.".into(),
            );
        }
    }
}

fn location(
    out: &mut Vec<Finding>,
    path: FieldPath,
    c: Option<crate::matching::profile::Coordinates>,
) {
    if c.is_some_and(|c| !c.is_valid()) {
        add(
            out,
            MatchingCode::InvalidCoordinates,
            path,
            "Koordinaterne skal være endelige, med bredde −90 til 90 og længde −180 til 180."
                .into(),
            "Coordinates must be finite, latitude −90 to 90 and longitude −180 to 180.".into(),
        );
    }
}

fn tags(out: &mut Vec<Finding>, path: FieldPath, items: &[String]) {
    for (k, t) in items.iter().enumerate() {
        if !is_well_formed(t) {
            bad_id(out, path.index(k));
        }
    }
}

fn needs(out: &mut Vec<Finding>, path: FieldPath, items: &[Need]) {
    for (k, n) in items.iter().enumerate() {
        if let Need::Custom { id } = n
            && !is_well_formed(id)
        {
            bad_id(out, path.index(k).field("custom").field("id"));
        }
    }
}

fn run_refs(d: &Dossier, run: &MatchRun, p: &FieldPath, out: &mut Vec<Finding>) {
    if find_rule_set(d, &run.rule_set).is_none() {
        dangling(
            out,
            p.field("rule_set"),
            "regelsættet",
            "the rule set",
            run.rule_set.as_str(),
        );
    }
    let cohort = run.cohort.as_ref().and_then(|c| find_cohort(d, c));
    if let Some(c) = &run.cohort
        && cohort.is_none()
    {
        dangling(out, p.field("cohort"), "kohorten", "the cohort", c.as_str());
    }
    let known = |n: &NewcomerId| match cohort {
        Some(c) => c.newcomer(n).is_some(),
        None => d.cohorts.iter().any(|c| c.newcomer(n).is_some()),
    };
    let mut seen = HashSet::new();
    for (k, m) in run.matches.iter().enumerate() {
        let mp = p.field("matches").index(k);
        if !known(&m.newcomer) {
            dangling(
                out,
                mp.field("newcomer"),
                "husstanden",
                "the household",
                m.newcomer.as_str(),
            );
        }
        if !seen.insert(m.newcomer.as_str()) {
            add(
                out,
                MatchingCode::StoredMatchInvalid,
                mp.field("newcomer"),
                "Husstanden er matchet to gange i samme kørsel.".into(),
                "The household is matched twice in the same run.".into(),
            );
        }
        if find_offer(d, &m.offer).is_none() {
            dangling(
                out,
                mp.field("offer"),
                "tilbuddet",
                "the offer",
                m.offer.as_str(),
            );
        }
    }
    for (k, u) in run.unmatched.iter().enumerate() {
        if !known(&u.newcomer) {
            dangling(
                out,
                p.field("unmatched").index(k).field("newcomer"),
                "husstanden",
                "the household",
                u.newcomer.as_str(),
            );
        }
    }
}

/// Every finding about the dossier's matching data.
pub(crate) fn validate(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    let root = FieldPath::root();
    let mut cohort_ids = HashSet::new();
    let mut newcomer_ids: HashMap<&str, ()> = HashMap::new();
    for (k, c) in d.cohorts.iter().enumerate() {
        let cp = root.field("cohorts").index(k);
        if !is_well_formed(c.id.as_str()) {
            bad_id(&mut out, cp.field("id"));
        }
        if !cohort_ids.insert(c.id.as_str()) {
            duplicate(&mut out, cp.field("id"), c.id.as_str());
        }
        if c.title.trim().is_empty() {
            empty(&mut out, cp.field("title"));
        }
        if let Some(m) = &c.municipality
            && d.municipality(m).is_none()
        {
            dangling(
                &mut out,
                cp.field("municipality"),
                "kommunen",
                "the municipality",
                m.as_str(),
            );
        }
        plan(&mut out, cp.field("plan"), &c.plan);
        for (i, n) in c.newcomers.iter().enumerate() {
            let np = cp.field("newcomers").index(i);
            if !is_well_formed(n.id.as_str()) {
                bad_id(&mut out, np.field("id"));
            } else if crate::ids::id_looks_derived(n.id.as_str(), "") {
                add(
                    &mut out,
                    MatchingCode::NewcomerIdNotPseudonymous,
                    np.field("id"),
                    "Id'et ligner et personnummer; brug et tilfældigt id.".into(),
                    "The id looks like a national id number; use a random id.".into(),
                );
            }
            if newcomer_ids.insert(n.id.as_str(), ()).is_some() {
                duplicate(&mut out, np.field("id"), n.id.as_str());
            }
            if n.integration_contract_meeting
                .is_some_and(|m| m < n.arrival)
            {
                add(
                    &mut out,
                    MatchingCode::BeforeArrival,
                    np.field("integration_contract_meeting"),
                    "Datoen ligger før husstandens ankomst.".into(),
                    "The date is before the household's arrival.".into(),
                );
            }
            if n.area.as_deref().is_some_and(|a| a.trim().is_empty()) {
                empty(&mut out, np.field("area"));
            }
            location(&mut out, np.field("location"), n.location);
            languages(&mut out, np.field("languages"), &n.languages);
            needs(&mut out, np.field("needs"), &n.needs);
            tags(&mut out, np.field("industries"), &n.industries);
            tags(&mut out, np.field("interests"), &n.interests);
            for (a, age) in n.household.children_ages.iter().enumerate() {
                if *age >= 18 {
                    add(
                        &mut out,
                        MatchingCode::ChildAgeOutOfRange,
                        np.field("household").field("children_ages").index(a),
                        "Et barn på 18 år eller mere tæller som voksen.".into(),
                        "A child of 18 or more counts as an adult.".into(),
                    );
                }
            }
        }
        for (r, rec) in c.introductions.iter().enumerate() {
            let rp = cp.field("introductions").index(r);
            match c.newcomer(&rec.newcomer) {
                None => dangling(
                    &mut out,
                    rp.field("newcomer"),
                    "husstanden",
                    "the household",
                    rec.newcomer.as_str(),
                ),
                Some(n) if rec.on < n.arrival => add(
                    &mut out,
                    MatchingCode::BeforeArrival,
                    rp.field("on"),
                    "Introduktionen ligger før husstandens ankomst.".into(),
                    "The introduction is before the household's arrival.".into(),
                ),
                Some(_) => {}
            }
            for (q, o) in rec.offers.iter().enumerate() {
                if find_offer(d, o).is_none() {
                    dangling(
                        &mut out,
                        rp.field("offers").index(q),
                        "tilbuddet",
                        "the offer",
                        o.as_str(),
                    );
                }
            }
            if let Some(p) = &rec.by
                && d.post(p).is_none()
            {
                dangling(&mut out, rp.field("by"), "posten", "the post", p.as_str());
            }
        }
    }
    let mut offer_ids = HashSet::new();
    for (j, o) in d.offers.iter().enumerate() {
        let op = root.field("offers").index(j);
        if !is_well_formed(o.id.as_str()) {
            bad_id(&mut out, op.field("id"));
        }
        if !offer_ids.insert(o.id.as_str()) {
            duplicate(&mut out, op.field("id"), o.id.as_str());
        }
        if o.title.trim().is_empty() {
            empty(&mut out, op.field("title"));
        }
        if let Some(party) = &o.provider
            && !d.party_exists(party)
        {
            dangling(
                &mut out,
                op.field("provider"),
                "parten",
                "the party",
                &party.key(),
            );
        }
        if let Some(v) = &o.volunteer
            && d.person(v).is_none()
        {
            dangling(
                &mut out,
                op.field("volunteer"),
                "personen",
                "the person",
                v.as_str(),
            );
        }
        if o.places_taken > o.capacity {
            add(
                &mut out,
                MatchingCode::OverCapacity,
                op.field("places_taken"),
                "Der er flere optagne pladser end kapaciteten.".into(),
                "More places are taken than the capacity.".into(),
            );
        }
        location(&mut out, op.field("location"), o.location);
        languages(&mut out, op.field("languages"), &o.languages);
        needs(&mut out, op.field("serves"), &o.serves);
        tags(&mut out, op.field("industries"), &o.industries);
        tags(&mut out, op.field("interests"), &o.interests);
    }
    let mut rule_set_ids = HashSet::new();
    for (k, rs) in d.rule_sets.iter().enumerate() {
        let rp = root.field("rule_sets").index(k);
        if !rule_set_ids.insert(rs.id.as_str()) {
            duplicate(&mut out, rp.field("id"), rs.id.as_str());
        }
        rs.validate_into(&rp, &mut out);
    }
    let mut run_ids = HashSet::new();
    for (k, r) in d.match_runs.iter().enumerate() {
        let rp = root.field("match_runs").index(k);
        if !is_well_formed(r.id.as_str()) {
            bad_id(&mut out, rp.field("id"));
        }
        if !run_ids.insert(r.id.as_str()) {
            duplicate(&mut out, rp.field("id"), r.id.as_str());
        }
        run_refs(d, r, &rp, &mut out);
    }
    out
}

fn plan(out: &mut Vec<Finding>, p: FieldPath, plan: &IntroductionPlan) {
    for (field, v) in [
        ("first_within_days", plan.first_within_days),
        ("deadline_months", plan.deadline_months),
        ("repeat_every_days", plan.repeat_every_days),
        ("period_months", plan.period_months),
    ] {
        if v == 0 {
            add(
                out,
                ValidationCode::ZeroInterval,
                p.field(field),
                "Værdien skal være mindst 1.".into(),
                "The value must be at least 1.".into(),
            );
        }
    }
    if plan.period_months < plan.deadline_months {
        add(
            out,
            MatchingCode::ContradictoryParameters,
            p.field("period_months"),
            "Introduktionsperioden er kortere end fristen for første introduktion.".into(),
            "The introduction period is shorter than the deadline for the first introduction."
                .into(),
        );
    }
    if u64::from(plan.first_within_days) > u64::from(plan.deadline_months) * 31 {
        add(
            out,
            MatchingCode::ContradictoryParameters,
            p.field("first_within_days"),
            "Fristen for første introduktion ligger efter fristen for alle introduktioner.".into(),
            "The first introduction's deadline lies after the deadline for every introduction."
                .into(),
        );
    }
}

/// A short text for a binding constraint, for reports.
pub fn describe_binding(b: &crate::matching::outcome::BindingConstraint) -> Text {
    use crate::matching::outcome::BindingConstraint as B;
    match b {
        B::NoOffers => Text::new("ingen tilbud", "no offers"),
        B::Rule { rule, .. } => Text::new(format!("reglen '{rule}'"), format!("the rule '{rule}'")),
        B::NoFreePlaces { .. } => Text::new("ingen ledige pladser", "no free places"),
        B::PlacesTaken { .. } => Text::new("pladserne gik til andre", "places went to others"),
    }
}
