//! Meetings for Kotlin and Swift: on a [`DossierHandle`] the meetings facet (`minutes`).
//! Delegations to the core.

use crate::convert::read;
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::{AgreementId, BrobyggerError, Dossier, Minutes};
use std::sync::{Arc, RwLock};

#[uniffi::export]
impl DossierHandle {
    /// The meetings held and their minutes: agendas, decisions, action items.
    pub fn meetings(&self) -> Result<Arc<DossierMeetings>, BrobyggerError> {
        Ok(Arc::new(DossierMeetings(Arc::clone(&self.0))))
    }
}

/// The meetings held and their minutes (the core's `MeetingsFacet`). Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierMeetings(Arc<RwLock<Dossier>>);

#[uniffi::export]
impl DossierMeetings {
    /// The meetings held on or before `as_of` (of `agreement`, or of every agreement), oldest
    /// first, with their agenda, decisions and action items judged on `as_of`; throws
    /// `NotFound` for an agreement the dossier does not hold.
    pub fn minutes(
        &self,
        as_of: NaiveDate,
        agreement: Option<String>,
    ) -> Result<Minutes, BrobyggerError> {
        let id = agreement.map(AgreementId::from);
        read(&self.0)?.meetings().minutes(as_of, id.as_ref())
    }
}
