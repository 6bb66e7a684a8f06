//! The matching facet: cohorts, offers, rule sets and runs in the dossier, and introductions.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::ids::{CohortId, MatchRunId, OfferId, RuleSetId};
use crate::matching::audience::VolunteerMatchView;
use crate::matching::lookup::{find_cohort, find_match_run, find_offer, find_rule_set};
use crate::matching::model::cohort::Cohort;
use crate::matching::model::intro::{CohortView, IntroductionRecord, IntroductionStatus};
use crate::matching::model::profile::{Newcomer, Offer};
use crate::matching::model::rules::RuleSet;
use crate::matching::model::run::MatchRun;
use crate::matching::outcome::MatchOptions;
use crate::matching::store::{
    MatchRequest, add_match_run, cohort_view, introduction_status, introductions_due, match_cohort,
    match_profiles, record_introduction, volunteer_view,
};
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
        match_cohort(&self.dossier, request)
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
        match_profiles(&self.dossier, rules, newcomers, offers, &options.into())
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
