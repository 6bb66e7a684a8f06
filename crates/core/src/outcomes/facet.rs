//! The outcomes facet: recording a household's outcomes under a basis for evaluation and
//! statistics, and the cohort's outcomes by whether and how early its households were matched
//! and introduced, aggregated with suppression.

use crate::code::NotFoundCode;
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::ids::{CohortId, NewcomerId};
use crate::outcomes::model::{OutcomeCode, OutcomeRecord};
use crate::outcomes::view::{OutcomeOptions, OutcomeView, cohort_view};
use crate::privacy::consent::covering_basis;
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::Subject;
use std::ops::{Deref, DerefMut};

/// A dossier's outcome records: reached by [`Dossier::outcomes`] and [`Dossier::outcomes_mut`].
#[derive(Debug)]
pub struct OutcomesFacet<D> {
    dossier: D,
}

impl<D> OutcomesFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> OutcomesFacet<D> {
    /// The household's records, oldest first.
    pub fn records(&self, household: &NewcomerId) -> Vec<&OutcomeRecord> {
        let mut out: Vec<&OutcomeRecord> = self
            .dossier
            .outcomes
            .iter()
            .filter(|r| &r.household == household)
            .collect();
        out.sort_by_key(|r| r.on);
        out
    }

    /// The cohort's outcomes on `options.as_of` (each household's latest record), by whether
    /// and how early its households were matched and introduced: counts and shares, with every
    /// cell below `options.min_cell` households suppressed, never a household on its own.
    pub fn cohort_view(
        &self,
        cohort: &CohortId,
        options: OutcomeOptions,
    ) -> Result<OutcomeView, BrobyggerError> {
        cohort_view(&self.dossier, cohort, options)
    }
}

impl<D: DerefMut<Target = Dossier>> OutcomesFacet<D> {
    /// Records a household's outcomes. The household must be in the cohort and have a basis for
    /// evaluation and statistics on the day (a consent or another basis); a record before the
    /// household arrived, or a second record of the same day, is refused. Nothing changes on an
    /// error.
    pub fn record(&mut self, record: OutcomeRecord) -> Result<(), BrobyggerError> {
        let d: &Dossier = &self.dossier;
        let cohort = d
            .cohorts
            .iter()
            .find(|c| c.id == record.cohort)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Cohort, &record.cohort))?;
        let household = cohort
            .newcomers
            .iter()
            .find(|n| n.id == record.household)
            .ok_or_else(|| BrobyggerError::not_found(NotFoundCode::Newcomer, &record.household))?;
        if record.on < household.arrival {
            return Err(BrobyggerError::invalid_input(
                OutcomeCode::BeforeArrival,
                "record.on",
                "the record is dated before the household arrived",
            ));
        }
        if d.outcomes
            .iter()
            .any(|r| r.household == record.household && r.on == record.on)
        {
            return Err(BrobyggerError::invalid_input(
                OutcomeCode::DuplicateRecord,
                "record.on",
                "the household already has a record of that day",
            ));
        }
        let subject = Subject::newcomer(record.household.clone());
        if covering_basis(d, &subject, Purpose::Statistics, None, record.on).is_none() {
            return Err(BrobyggerError::invalid_input(
                OutcomeCode::NoBasis,
                "record.household",
                "no consent or other basis covers evaluation and statistics for the household on the day",
            ));
        }
        self.dossier.outcomes.push(record);
        Ok(())
    }
}
