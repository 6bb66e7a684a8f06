//! The matching facet: cohorts, offers, rule sets and runs in the dossier, and introductions.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::ids::NewcomerId;
use crate::ids::RelationshipId;
use crate::ids::{CohortId, MatchRunId, OfferId, RuleSetId};
use crate::matching::audience::VolunteerMatchView;
use crate::matching::lookup::{find_cohort, find_match_run, find_offer, find_rule_set};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::explain::WhyNot;
use crate::matching::model::intro::{CohortView, IntroductionRecord, IntroductionStatus};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::relationship::{
    EndReason, Relationship, RelationshipEventKind, RelationshipState,
};
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::matching::relationships::{
    EventOptions, OfferLoad, ProposeRelationship, end, offer_loads, propose, propose_run, record,
};
use crate::matching::store::{
    MatchRequest, RematchRequest, add_match_run, cohort_view, introduction_status,
    introductions_due, match_cohort, match_profiles, record_introduction, rematch, volunteer_view,
    why_not,
};
use crate::progress::Watch;
use chrono::NaiveDate;
use std::ops::{Deref, DerefMut};

/// Matching in the dossier: reached by [`Dossier::matching`] (read) and
/// [`Dossier::matching_mut`] (read and change).
#[derive(Debug)]
pub struct MatchingFacet<D> {
    dossier: D,
}

impl<D> MatchingFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> MatchingFacet<&'a Dossier> {
    /// The cohort with `id`.
    pub fn cohort(&self, id: &CohortId) -> Option<&'a Cohort> {
        find_cohort(self.dossier, id)
    }

    /// The offer with `id`.
    pub fn offer(&self, id: &OfferId) -> Option<&'a Offer> {
        find_offer(self.dossier, id)
    }

    /// The rule set with `id`.
    pub fn rule_set(&self, id: &RuleSetId) -> Option<&'a RuleSet> {
        find_rule_set(self.dossier, id)
    }

    /// The stored run with `id`.
    pub fn run(&self, id: &MatchRunId) -> Option<&'a MatchRun> {
        find_match_run(self.dossier, id)
    }
}

impl<D: Deref<Target = Dossier>> MatchingFacet<D> {
    /// Matches a stored cohort with the dossier's offers under a stored rule set. The run is
    /// returned, not stored; store it with [`crate::MatchingFacet::add_run`]. A declared sensitive
    /// attribute is used only for the households and offers a consent or basis covers on the
    /// run's day (`crate::privacy::gate`); the run lists what it withheld and what it used.
    pub fn match_cohort(&self, request: &MatchRequest) -> Result<MatchRun, BrobyggerError> {
        match_cohort(&self.dossier, request, &Watch::default())
    }

    /// [`match_cohort`](Self::match_cohort) under `watch`: it reports progress and stops with
    /// `Cancelled` (`work.cancelled`) once the watch is cancelled ([`crate::progress`]).
    pub fn match_cohort_watched(
        &self,
        request: &MatchRequest,
        watch: &Watch,
    ) -> Result<MatchRun, BrobyggerError> {
        match_cohort(&self.dossier, request, watch)
    }

    /// Matches profiles held beside the dossier (households or offers read from files) under
    /// `rules`, with the dossier's consents and bases: the profiles' own consent and basis
    /// fields do not count here, and bases declared in the options are refused (record them
    /// in the dossier). What the gate withheld and used is listed on the run
    /// (`crate::privacy::gate`). The run is returned, not stored.
    pub fn match_profiles(
        &self,
        rules: &RuleSet,
        newcomers: &[Newcomer],
        offers: &[Offer],
        options: impl Into<MatchOptions>,
    ) -> Result<MatchRun, BrobyggerError> {
        match_profiles(
            &self.dossier,
            rules,
            newcomers,
            offers,
            &options.into(),
            &Watch::default(),
        )
    }

    /// [`match_profiles`](Self::match_profiles) under `watch` ([`crate::progress`]).
    pub fn match_profiles_watched(
        &self,
        rules: &RuleSet,
        newcomers: &[Newcomer],
        offers: &[Offer],
        options: impl Into<MatchOptions>,
        watch: &Watch,
    ) -> Result<MatchRun, BrobyggerError> {
        match_profiles(
            &self.dossier,
            rules,
            newcomers,
            offers,
            &options.into(),
            watch,
        )
    }

    /// Matches the households that wait on the day (those who lost a match and those never
    /// matched) with the places relationships and proposals leave, through the consent gate.
    /// Pairs together now or before are never proposed as new; declined pairs and a previous
    /// partner as [`RematchOptions`](crate::matching::RematchOptions) say. Who comes first is
    /// the rule set's business (`waiting_time`, `lost_match`). Returned, not stored.
    pub fn rematch(&self, request: &RematchRequest) -> Result<MatchRun, BrobyggerError> {
        rematch(&self.dossier, request, &Watch::default())
    }

    /// [`rematch`](Self::rematch) under `watch` ([`crate::progress`]).
    pub fn rematch_watched(
        &self,
        request: &RematchRequest,
        watch: &Watch,
    ) -> Result<MatchRun, BrobyggerError> {
        rematch(&self.dossier, request, watch)
    }

    /// Why `newcomer` and `offer` were not matched in the cohort's run of `request`: a side not
    /// in the run, the hard rules that fail, the history, seats, no free place, or by how much
    /// the chosen assignment beats the best with the pair fixed. For every household's next
    /// best offers, ask the run itself (`options.explain.alternatives`).
    pub fn why_not(
        &self,
        request: &MatchRequest,
        newcomer: &NewcomerId,
        offer: &OfferId,
    ) -> Result<WhyNot, BrobyggerError> {
        why_not(&self.dossier, request, newcomer, offer, &Watch::default())
    }

    /// [`why_not`](Self::why_not) under `watch` ([`crate::progress`]): it runs the match again.
    pub fn why_not_watched(
        &self,
        request: &MatchRequest,
        newcomer: &NewcomerId,
        offer: &OfferId,
        watch: &Watch,
    ) -> Result<WhyNot, BrobyggerError> {
        why_not(&self.dossier, request, newcomer, offer, watch)
    }

    /// Every household's introduction status in a cohort on `on`, in the cohort's order.
    pub fn introduction_status(
        &self,
        cohort: &CohortId,
        on: NaiveDate,
    ) -> Result<Vec<IntroductionStatus>, BrobyggerError> {
        introduction_status(&self.dossier, cohort, on)
    }

    /// The introductions due or overdue in a cohort on `on`, as findings citing 001.
    pub fn introductions_due(
        &self,
        cohort: &CohortId,
        on: NaiveDate,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        introductions_due(&self.dossier, cohort, on)
    }

    /// The evaluator's view of a cohort on `on`: who was not offered a volunteer contact within
    /// the deadline, and who has had fewer introductions than the plan asks.
    pub fn cohort_view(
        &self,
        cohort: &CohortId,
        on: NaiveDate,
    ) -> Result<CohortView, BrobyggerError> {
        cohort_view(&self.dossier, cohort, on)
    }

    /// The matches of `offer` in a stored run, as the offer's volunteer may see them.
    pub fn volunteer_view(
        &self,
        run: &MatchRunId,
        offer: &OfferId,
    ) -> Result<Vec<VolunteerMatchView>, BrobyggerError> {
        volunteer_view(&self.dossier, run, offer)
    }
}

impl<D: DerefMut<Target = Dossier>> MatchingFacet<D> {
    /// Stores a run. Refused (and nothing changes) if its id is taken or it refers to a rule
    /// set, cohort, household or offer the dossier does not have.
    pub fn add_run(&mut self, run: MatchRun) -> Result<(), BrobyggerError> {
        add_match_run(&mut self.dossier, run)
    }

    /// Records that a household of a cohort was introduced to volunteer offers. Refused (and
    /// nothing changes) for an unknown cohort, household or offer, a date before arrival, or a
    /// duplicate.
    pub fn record_introduction(
        &mut self,
        cohort: &CohortId,
        record: IntroductionRecord,
    ) -> Result<(), BrobyggerError> {
        record_introduction(&mut self.dossier, cohort, record)
    }
}

/// Relationships over time: a match from its proposal to its end, as dated events. Reached by
/// [`Dossier::relationships`] (read) and [`Dossier::relationships_mut`] (read and change).
///
/// Every change is checked first and refused with a typed error that changes nothing.
#[derive(Debug)]
pub struct RelationshipsFacet<D> {
    dossier: D,
}

impl<D> RelationshipsFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> RelationshipsFacet<&'a Dossier> {
    /// Every relationship, in the dossier's order.
    pub fn all(&self) -> &'a [Relationship] {
        &self.dossier.relationships
    }

    /// The relationship with `id`.
    pub fn get(&self, id: &RelationshipId) -> Option<&'a Relationship> {
        self.dossier.relationships.iter().find(|r| &r.id == id)
    }

    /// The relationships of a household, oldest first.
    pub fn of_household(&self, newcomer: &crate::ids::NewcomerId) -> Vec<&'a Relationship> {
        self.dossier
            .relationships
            .iter()
            .filter(|r| &r.newcomer == newcomer)
            .collect()
    }
}

impl<D: Deref<Target = Dossier>> RelationshipsFacet<D> {
    /// What relationships and open proposals hold of every offer on `on`, and what is free.
    pub fn offer_loads(&self, on: NaiveDate) -> Vec<OfferLoad> {
        offer_loads(&self.dossier, on)
    }
}

impl<D: DerefMut<Target = Dossier>> RelationshipsFacet<D> {
    /// Proposes a household and an offer as a relationship. Refused (nothing changes) for an
    /// unknown household, offer, rule set or run, a household no consent or basis allows
    /// matching on the day, a pair together now or before, a pair declined before (unless
    /// `allow_declined`), a household held elsewhere, or an offer without room.
    pub fn propose(
        &mut self,
        request: ProposeRelationship,
    ) -> Result<RelationshipId, BrobyggerError> {
        propose(&mut self.dossier, request)
    }

    /// Proposes every match of a stored run, all or nothing; a household that lost a match
    /// gets a relationship that replaces the lost one.
    pub fn propose_run(
        &mut self,
        run: &MatchRunId,
        on: NaiveDate,
    ) -> Result<Vec<RelationshipId>, BrobyggerError> {
        propose_run(&mut self.dossier, run, on)
    }

    /// Records an event (an answer, the start, a check-in, a withdrawal) and returns the new
    /// state. Refused for a step that does not follow from the state or a date before the
    /// last event.
    pub fn record(
        &mut self,
        id: &RelationshipId,
        on: NaiveDate,
        event: RelationshipEventKind,
        options: impl Into<EventOptions>,
    ) -> Result<RelationshipState, BrobyggerError> {
        record(&mut self.dossier, id, on, event, options.into().by)
    }

    /// Ends a running relationship with a reason; whether the household waits for a new match
    /// follows the reason unless the options say.
    pub fn end(
        &mut self,
        id: &RelationshipId,
        on: NaiveDate,
        reason: EndReason,
        options: impl Into<EventOptions>,
    ) -> Result<RelationshipState, BrobyggerError> {
        end(&mut self.dossier, id, on, reason, options.into())
    }
}
