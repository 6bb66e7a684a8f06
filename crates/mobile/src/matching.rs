//! Matching for Kotlin and Swift: rule sets, runs, stable matching over explicit preferences,
//! and on a [`DossierHandle`] the cohorts, matches, volunteer views and the introduction plan
//! (what is due and overdue on a day, the cohort view). Every function delegates to the core.
//! The long ones also come as `…Async` (Kotlin `suspend`, Swift `async`), run off the caller's
//! thread (`crate::background`, ADR 0058).

use crate::background::off_thread;
use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::matching::{
    Cohort, CohortView, EndReason, EventOptions, IntroductionPlan, IntroductionRecord,
    IntroductionStatus, MatchOptions, MatchRequest, MatchRun, Newcomer, Offer, OfferLoad,
    PreferenceProblem, ProposeRelationship, ProposingSide, Relationship, RelationshipEventKind,
    RelationshipState, RematchRequest, RuleSet, StableAssignment, TiedPreferenceProblem,
    TiesAssignment, VolunteerMatchView, WhyNot,
};
use brobygger::progress::ProgressListener;
use brobygger::{
    BrobyggerError, CohortId, Dossier, Finding, MatchRunId, NewcomerId, OfferId, RelationshipId,
};
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

/// `matchProfiles` off the caller's thread: a `suspend` function in Kotlin, `async` in Swift.
/// Cancelling the caller stops waiting at once. A `listener` hears how far the match is (the
/// candidates, then the solve), on the work's thread (ADR 0071).
#[uniffi::export(default(listener = None))]
pub async fn match_profiles_async(
    rule_set: RuleSet,
    newcomers: Vec<Newcomer>,
    offers: Vec<Offer>,
    options: MatchOptions,
    listener: Option<Box<dyn ProgressListener>>,
) -> Result<MatchRun, BrobyggerError> {
    off_thread(move |cancel| {
        let watch = cancel.watch_with(listener);
        brobygger::matching::run_watched(&rule_set, &newcomers, &offers, options, &watch)
    })
    .await
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

/// Stable matching with ties and incomplete lists over explicit preferences (each ranking lists
/// groups of equally good ids, best group first): ties broken by the input's order, then
/// deferred acceptance from the proposing side. The result is weakly stable (`blockingPairs`
/// is 0) and carries the bound on the largest. Throws `Validation` listing every unknown or
/// repeated id.
#[uniffi::export]
pub fn weakly_stable_matching(
    problem: TiedPreferenceProblem,
    proposing: ProposingSide,
) -> Result<TiesAssignment, BrobyggerError> {
    problem.solve(proposing)
}

/// The largest weakly stable matching over explicit preferences with ties: exact for small
/// problems, else the largest over promoted tie-breakings with a maximum matching as `bound`
/// (`exact` says which). Throws `Validation` listing every unknown or repeated id.
#[uniffi::export]
pub fn largest_weakly_stable_matching(
    problem: TiedPreferenceProblem,
) -> Result<TiesAssignment, BrobyggerError> {
    problem.largest()
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

    /// Relationships over time: proposals, answers, starts, check-ins and ends.
    pub fn relationships(&self) -> Result<Arc<DossierRelationships>, BrobyggerError> {
        Ok(Arc::new(DossierRelationships(Arc::clone(&self.0))))
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

    /// Matches the households that wait on the day (those who lost a match and those never
    /// matched) with the places relationships and proposals leave, through the consent gate
    /// (not stored; see `addRun`). Pairs together now or before are never proposed as new.
    pub fn rematch(&self, request: RematchRequest) -> Result<MatchRun, BrobyggerError> {
        read(self.lock())?.matching().rematch(&request)
    }

    /// Why a household and an offer were not matched in the cohort's run of the request: a
    /// side not in the run, the hard rules that fail, the history, seats, no free place, or
    /// the score the chosen assignment would give up.
    pub fn why_not(
        &self,
        request: MatchRequest,
        newcomer: NewcomerId,
        offer: OfferId,
    ) -> Result<WhyNot, BrobyggerError> {
        read(self.lock())?
            .matching()
            .why_not(&request, &newcomer, &offer)
    }

    /// `matchCohort` off the caller's thread (Kotlin `suspend`, Swift `async`): the caller's
    /// thread stays free while the cohort is matched; cancelling the caller stops waiting. A
    /// `listener` hears how far the match is, on the work's thread (ADR 0071).
    #[uniffi::method(default(listener = None))]
    pub async fn match_cohort_async(
        &self,
        request: MatchRequest,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<MatchRun, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |cancel| {
            read(&lock)?
                .matching()
                .match_cohort_watched(&request, &cancel.watch_with(listener))
        })
        .await
    }

    /// `matchProfiles` off the caller's thread (Kotlin `suspend`, Swift `async`); a `listener`
    /// hears how far it is (ADR 0071).
    #[uniffi::method(default(listener = None))]
    pub async fn match_profiles_async(
        &self,
        rule_set: RuleSet,
        newcomers: Vec<Newcomer>,
        offers: Vec<Offer>,
        options: MatchOptions,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<MatchRun, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |cancel| {
            read(&lock)?.matching().match_profiles_watched(
                &rule_set,
                &newcomers,
                &offers,
                options,
                &cancel.watch_with(listener),
            )
        })
        .await
    }

    /// `rematch` off the caller's thread (Kotlin `suspend`, Swift `async`); a `listener` hears
    /// how far it is (ADR 0071).
    #[uniffi::method(default(listener = None))]
    pub async fn rematch_async(
        &self,
        request: RematchRequest,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<MatchRun, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |cancel| {
            read(&lock)?
                .matching()
                .rematch_watched(&request, &cancel.watch_with(listener))
        })
        .await
    }

    /// `whyNot` off the caller's thread (Kotlin `suspend`, Swift `async`): it matches the
    /// cohort again to answer, which a `listener` hears (ADR 0071).
    #[uniffi::method(default(listener = None))]
    pub async fn why_not_async(
        &self,
        request: MatchRequest,
        newcomer: NewcomerId,
        offer: OfferId,
        listener: Option<Box<dyn ProgressListener>>,
    ) -> Result<WhyNot, BrobyggerError> {
        let lock = Arc::clone(&self.0);
        off_thread(move |cancel| {
            read(&lock)?.matching().why_not_watched(
                &request,
                &newcomer,
                &offer,
                &cancel.watch_with(listener),
            )
        })
        .await
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

/// Relationships over time (the core's `RelationshipsFacet`). Shares the handle's lock; every
/// change is checked first, and a refused one throws and leaves the dossier as it was.
#[derive(Debug, uniffi::Object)]
pub struct DossierRelationships(Arc<RwLock<Dossier>>);

impl DossierRelationships {
    fn lock(&self) -> &RwLock<Dossier> {
        &self.0
    }
}

#[uniffi::export]
impl DossierRelationships {
    /// Every relationship, in the dossier's order.
    pub fn all(&self) -> Result<Vec<Relationship>, BrobyggerError> {
        Ok(read(self.lock())?.relationships().all().to_vec())
    }

    /// The relationship with the id, if any.
    pub fn get(&self, id: RelationshipId) -> Result<Option<Relationship>, BrobyggerError> {
        Ok(read(self.lock())?.relationships().get(&id).cloned())
    }

    /// The relationships of a household, oldest first.
    pub fn of_household(&self, newcomer: NewcomerId) -> Result<Vec<Relationship>, BrobyggerError> {
        Ok(read(self.lock())?
            .relationships()
            .of_household(&newcomer)
            .into_iter()
            .cloned()
            .collect())
    }

    /// What relationships and open proposals hold of every offer on a day, and what is free.
    pub fn offer_loads(&self, on: NaiveDate) -> Result<Vec<OfferLoad>, BrobyggerError> {
        Ok(read(self.lock())?.relationships().offer_loads(on))
    }

    /// Proposes a household and an offer as a relationship and returns its id.
    pub fn propose(&self, request: ProposeRelationship) -> Result<RelationshipId, BrobyggerError> {
        write(self.lock())?.relationships_mut().propose(request)
    }

    /// Proposes every match of a stored run, all or nothing.
    pub fn propose_run(
        &self,
        run: MatchRunId,
        on: NaiveDate,
    ) -> Result<Vec<RelationshipId>, BrobyggerError> {
        write(self.lock())?
            .relationships_mut()
            .propose_run(&run, on)
    }

    /// Records an event (an answer, the start, a check-in, a withdrawal) and returns the new
    /// state.
    pub fn record(
        &self,
        id: RelationshipId,
        on: NaiveDate,
        event: RelationshipEventKind,
        options: EventOptions,
    ) -> Result<RelationshipState, BrobyggerError> {
        write(self.lock())?
            .relationships_mut()
            .record(&id, on, event, options)
    }

    /// Ends a running relationship with a reason and returns the new state.
    pub fn end(
        &self,
        id: RelationshipId,
        on: NaiveDate,
        reason: EndReason,
        options: EventOptions,
    ) -> Result<RelationshipState, BrobyggerError> {
        write(self.lock())?
            .relationships_mut()
            .end(&id, on, reason, options)
    }
}
