//! The lifecycle facet: status transitions, draft terms and amendments.

use crate::agreement::{AgreementTerms, Amendment, StatusEvent};
use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::ids::AgreementId;
use crate::lifecycle::policy::TransitionPolicy;
use crate::lifecycle::transition::{
    TransitionRequest, amend, edit_terms, preview_transition, transition, transition_with,
};
use crate::status::AgreementStatus;
use crate::time::Timestamp;
use std::ops::{Deref, DerefMut};

/// Agreements' lifecycle: reached by [`Dossier::lifecycle`] (read) and
/// [`Dossier::lifecycle_mut`] (read and change).
#[derive(Debug)]
pub struct LifecycleFacet<D> {
    dossier: D,
}

impl<D> LifecycleFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<D: Deref<Target = Dossier>> LifecycleFacet<D> {
    /// The findings a transition would meet under the standard policy
    /// ([`TransitionPolicy::standard`]), without making it.
    pub fn preview(
        &self,
        agreement: &AgreementId,
        to: AgreementStatus,
        at: Timestamp,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        preview_transition(
            &self.dossier,
            agreement,
            to,
            at,
            &TransitionPolicy::standard(),
        )
    }

    /// The findings a transition would meet under `policy`, without making it.
    pub fn preview_with(
        &self,
        agreement: &AgreementId,
        to: AgreementStatus,
        at: Timestamp,
        policy: &TransitionPolicy,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        preview_transition(&self.dossier, agreement, to, at, policy)
    }
}

impl<D: DerefMut<Target = Dossier>> LifecycleFacet<D> {
    /// Changes an agreement's status under the standard policy.
    pub fn transition(
        &mut self,
        request: TransitionRequest,
    ) -> Result<StatusEvent, BrobyggerError> {
        transition(&mut self.dossier, request)
    }

    /// Changes an agreement's status under `policy`, recording a dated, attributed event.
    /// Nothing changes if it fails.
    pub fn transition_with(
        &mut self,
        request: TransitionRequest,
        policy: &TransitionPolicy,
    ) -> Result<StatusEvent, BrobyggerError> {
        transition_with(&mut self.dossier, request, policy)
    }

    /// Replaces the terms of an agreement that is still a draft or under negotiation.
    /// Binding agreements are changed with [`crate::LifecycleFacet::amend`].
    pub fn edit_terms(
        &mut self,
        agreement: &AgreementId,
        terms: AgreementTerms,
    ) -> Result<(), BrobyggerError> {
        edit_terms(&mut self.dossier, agreement, terms)
    }

    /// Amends a signed, active or under-review agreement: appends a new version with the new
    /// terms and the amendment record, keeping earlier versions readable. Returns the new
    /// version number. Nothing changes if the new terms have errors.
    pub fn amend(
        &mut self,
        agreement: &AgreementId,
        terms: AgreementTerms,
        amendment: Amendment,
    ) -> Result<u32, BrobyggerError> {
        amend(&mut self.dossier, agreement, terms, amendment)
    }
}
