//! Matching for Kotlin and Swift: rule sets, runs, stable matching over explicit preferences,
//! and on a [`DossierHandle`] the cohorts, matches, volunteer views and the introduction plan
//! (what is due and overdue on a day, the cohort view). Every function delegates to the core.

use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::matching::{
    Cohort, CohortView, IntroductionPlan, IntroductionRecord, IntroductionStatus, MatchOptions,
    MatchRequest, MatchRun, Newcomer, Offer, PreferenceProblem, ProposingSide, RuleSet,
    StableAssignment, VolunteerMatchView,
};
use brobygger::{BrobyggerError, CohortId, Dossier, Finding, MatchRunId, OfferId};
use std::sync::{Arc, RwLock};

/// Reads a rule set from TOML. Throws `Parse` (with path, line and column) or
/// `UnsupportedVersion`.
#[uniffi::export]
pub fn rule_set_from_toml(text: String) -> Result<RuleSet, BrobyggerError> {
    RuleSet::from_toml(&text)
}

/// Reads a rule set from JSON.
#[uniffi::export]
pub fn rule_set_from_json(text: String) -> Result<RuleSet, BrobyggerError> {
    RuleSet::from_json(&text)
}

/// A rule set as TOML.
#[uniffi::export]
pub fn rule_set_to_toml(rule_set: RuleSet) -> Result<String, BrobyggerError> {
    rule_set.to_toml()
}

/// Reads newcomer households from JSON (a list shaped like the file format). Errors carry the
/// path and never quote a value.
#[uniffi::export]
pub fn newcomers_from_json(json: String) -> Result<Vec<Newcomer>, BrobyggerError> {
    brobygger::matching::newcomers_from_json(&json)
}

/// Reads offers from JSON (a list shaped like the file format).
#[uniffi::export]
pub fn offers_from_json(json: String) -> Result<Vec<Offer>, BrobyggerError> {
    brobygger::matching::offers_from_json(&json)
}

/// Every finding about a rule set, errors first, each with its path.
#[uniffi::export]
pub fn validate_rule_set(rule_set: RuleSet) -> Result<Vec<Finding>, BrobyggerError> {
    Ok(rule_set.validate())
}

/// Matches households with offers under a rule set. Throws `Validation` if the rule set has
/// errors.
#[uniffi::export]
pub fn match_profiles(
    rule_set: RuleSet,
    newcomers: Vec<Newcomer>,
    offers: Vec<Offer>,
    options: MatchOptions,
) -> Result<MatchRun, BrobyggerError> {
    brobygger::matching::run(&rule_set, &newcomers, &offers, options)
}

/// Stable matching over explicit preference lists (hospital/resident form), optimal for the
/// proposing side. Throws `Validation` listing every unknown or repeated id.
#[uniffi::export]
pub fn stable_matching(
    problem: PreferenceProblem,
    proposing: ProposingSide,
) -> Result<StableAssignment, BrobyggerError> {
    problem.solve(proposing)
}

/// The introduction plan with the seed's defaults (001 "Hvornår skal frivilligtilbud
/// introduceres?").
#[uniffi::export]
pub fn default_introduction_plan() -> IntroductionPlan {
    IntroductionPlan::default()
}

#[uniffi::export]
impl DossierHandle {
    /// The cohorts of newcomer households.
    pub fn cohorts(&self) -> Result<Vec<Cohort>, BrobyggerError> {
        Ok(read(self.lock())?.cohorts.clone())
    }

    /// The volunteer offers.
    pub fn offers(&self) -> Result<Vec<Offer>, BrobyggerError> {
        Ok(read(self.lock())?.offers.clone())
    }

    /// The matching rule sets.
    pub fn rule_sets(&self) -> Result<Vec<RuleSet>, BrobyggerError> {
        Ok(read(self.lock())?.rule_sets.clone())
    }

    /// The stored matching runs.
    pub fn match_runs(&self) -> Result<Vec<MatchRun>, BrobyggerError> {
        Ok(read(self.lock())?.match_runs.clone())
    }

    /// Cohorts' matching runs and introductions.
    pub fn matching(&self) -> Result<Arc<DossierMatching>, BrobyggerError> {
        Ok(Arc::new(DossierMatching(Arc::clone(&self.0))))
    }
}

/// Cohorts' matching runs and introductions (the core's `MatchingFacet`). Shares the handle's
/// lock; a change that fails leaves the dossier as it was.
#[derive(Debug, uniffi::Object)]
pub struct DossierMatching(Arc<RwLock<Dossier>>);

impl DossierMatching {
    fn lock(&self) -> &RwLock<Dossier> {
        &self.0
    }
}

#[uniffi::export]
impl DossierMatching {
    /// Matches a stored cohort with the dossier's offers (not stored; see `addRun`).
    pub fn match_cohort(&self, request: MatchRequest) -> Result<MatchRun, BrobyggerError> {
        read(self.lock())?.matching().match_cohort(&request)
    }

    /// Matches households and offers held outside the dossier (read from files, say) under
    /// the dossier's consents and bases, never the profiles' own consent fields (not stored;
    /// see `addRun`). Bases in the options are refused: record them in the dossier.
    pub fn match_profiles(
        &self,
        rule_set: RuleSet,
        newcomers: Vec<Newcomer>,
        offers: Vec<Offer>,
        options: MatchOptions,
    ) -> Result<MatchRun, BrobyggerError> {
        read(self.lock())?
            .matching()
            .match_profiles(&rule_set, &newcomers, &offers, options)
    }

    /// Stores a run. Throws if its id is taken or it refers to unknown records; nothing
    /// changes then.
    pub fn add_run(&self, run: MatchRun) -> Result<(), BrobyggerError> {
        write(self.lock())?.matching_mut().add_run(run)
    }

    /// Records that a household was introduced to volunteer offers.
    pub fn record_introduction(
        &self,
        cohort: CohortId,
        record: IntroductionRecord,
    ) -> Result<(), BrobyggerError> {
        write(self.lock())?
            .matching_mut()
            .record_introduction(&cohort, record)
    }

    /// Every household's introduction status in a cohort on a day.
    pub fn introduction_status(
        &self,
        cohort: CohortId,
        on: NaiveDate,
    ) -> Result<Vec<IntroductionStatus>, BrobyggerError> {
        read(self.lock())?
            .matching()
            .introduction_status(&cohort, on)
    }

    /// The introductions due or overdue in a cohort on a day, as findings citing 001.
    pub fn introductions_due(
        &self,
        cohort: CohortId,
        on: NaiveDate,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        read(self.lock())?.matching().introductions_due(&cohort, on)
    }

    /// The evaluator's view of a cohort on a day.
    pub fn cohort_view(
        &self,
        cohort: CohortId,
        on: NaiveDate,
    ) -> Result<CohortView, BrobyggerError> {
        read(self.lock())?.matching().cohort_view(&cohort, on)
    }

    /// The matches of an offer in a stored run, as its volunteer may see them.
    pub fn volunteer_view(
        &self,
        run: MatchRunId,
        offer: OfferId,
    ) -> Result<Vec<VolunteerMatchView>, BrobyggerError> {
        read(self.lock())?.matching().volunteer_view(&run, &offer)
    }
}
