//! Outcomes over time for Kotlin and Swift: on a [`DossierHandle`] the outcomes facet (`record`,
//! `records`, `cohortView`), and the view's table. Delegations to the core.

use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::outcomes::{OutcomeOptions, OutcomeRecord, OutcomeView};
use brobygger::present::{Present, Table};
use brobygger::{BrobyggerError, CohortId, Dossier, Lang, NewcomerId};
use std::sync::{Arc, RwLock};

#[uniffi::export]
impl DossierHandle {
    /// Households' outcomes over time: recorded under a basis, viewed only in aggregate.
    pub fn outcomes(&self) -> Result<Arc<DossierOutcomes>, BrobyggerError> {
        Ok(Arc::new(DossierOutcomes(Arc::clone(&self.0))))
    }
}

/// A dossier's outcome records (the core's `OutcomesFacet`). Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierOutcomes(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierOutcomes {
    /// Records a household's outcomes; refused (nothing changes) without a basis for evaluation
    /// and statistics on the day, before arrival, or twice on one day.
    pub fn record(&self, record: OutcomeRecord) -> Result<(), BrobyggerError> {
        write(&self.0)?.outcomes_mut().record(record)
    }

    /// The household's records, oldest first.
    pub fn records(&self, household: NewcomerId) -> Result<Vec<OutcomeRecord>, BrobyggerError> {
        Ok(read(&self.0)?
            .outcomes()
            .records(&household)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The cohort's outcomes by whether and how early its households were matched and
    /// introduced, with every small cell hidden.
    pub fn cohort_view(
        &self,
        cohort: CohortId,
        options: OutcomeOptions,
    ) -> Result<OutcomeView, BrobyggerError> {
        read(&self.0)?.outcomes().cohort_view(&cohort, options)
    }
}

/// An outcome view's `outcomes` table in `lang`.
#[uniffi::export]
pub fn outcome_view_tables(view: OutcomeView, lang: Lang) -> Result<Vec<Table>, BrobyggerError> {
    Ok(view.tables(lang))
}
