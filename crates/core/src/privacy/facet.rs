//! The privacy facet: consents and bases, proposals and disclosure, audience views,
//! anonymisation, retention, safe tables and the review.

use crate::dossier::Dossier;
use crate::error::BrobyggerError;
use crate::finding::Finding;
use crate::ids::{ConsentId, MatchRunId, NewcomerId, OfferId, PostId, ProposalId, SurveyId};
use crate::privacy::aggregate::{
    AnalystExport, AnalystExportOptions, SafeShare, SafeShareOptions, SafeTable, SafeTableRequest,
    analyst_export, safe_survey_results, safe_table,
};
use crate::privacy::anonymise::{AnonymisationReport, AnonymiseOptions, anonymise, anonymised};
use crate::privacy::audience::{
    MatchView, NewcomerView, OfferView, Viewer, view_newcomer, view_offer, view_proposal,
};
use crate::privacy::consent::{
    WithdrawalReport, add_consent, add_processing_basis, covering_basis, withdraw_consent,
};
use crate::privacy::disclosure::{
    ExportManifest, ProposeMatch, ReleaseRequest, accept_proposal, decline_proposal,
    disclosure_manifest, expire_proposals, propose_match, propose_run, release_contact_details,
    withdraw_proposal,
};
use crate::privacy::dpv::{ConsentRecords, export_dpv, import_dpv};
use crate::privacy::lookup::{find_consent, find_proposal};
use crate::privacy::model::basis::Purpose;
use crate::privacy::model::consent::{BasisRef, ConsentRecord, ProcessingBasis, Subject};
use crate::privacy::model::proposal::{Disclosure, MatchProposal, ProposalSide, ProposalState};
use crate::privacy::model::retention::RetentionPolicy;
use crate::privacy::pseudonym::PseudonymKey;
use crate::privacy::retention::{
    RetentionOutcome, RetentionReport, add_retention_policy, apply_retention, retention_report,
};
use crate::privacy::review::{ReviewOptions, privacy_review};
use crate::time::Timestamp;
use chrono::NaiveDate;
use std::ops::{Deref, DerefMut};

/// Personal data in the dossier: reached by [`Dossier::privacy`] (read) and
/// [`Dossier::privacy_mut`] (read and change).
#[derive(Debug)]
pub struct PrivacyFacet<D> {
    dossier: D,
}

impl<D> PrivacyFacet<D> {
    pub(crate) fn new(dossier: D) -> Self {
        Self { dossier }
    }
}

impl<'a> PrivacyFacet<&'a Dossier> {
    /// The consent with `id`.
    pub fn consent(&self, id: &ConsentId) -> Option<&'a ConsentRecord> {
        find_consent(self.dossier, id)
    }

    /// The proposal with `id`.
    pub fn proposal(&self, id: &ProposalId) -> Option<&'a MatchProposal> {
        find_proposal(self.dossier, id)
    }
}

impl<D: Deref<Target = Dossier>> PrivacyFacet<D> {
    /// The basis covering `subject` for `purpose` (and `attribute`, e.g. `newcomer.preferences`)
    /// on `on`: a consent first, then any other legal basis.
    pub fn covering_basis(
        &self,
        subject: &Subject,
        purpose: Purpose,
        attribute: Option<&str>,
        on: NaiveDate,
    ) -> Option<BasisRef> {
        covering_basis(&self.dossier, subject, purpose, attribute, on)
    }

    /// Every recorded release of contact details from `from` up to (not including) `until`,
    /// oldest first: whose, to whom, which fields, for what and why.
    pub fn manifest(&self, from: Option<NaiveDate>, until: Option<NaiveDate>) -> ExportManifest {
        disclosure_manifest(&self.dossier, from, until)
    }

    /// A household as `viewer` may see it on `on`. Analysts get a keyed pseudonym when `key`
    /// is given (a fresh random id otherwise, so two exports cannot be linked). A volunteer
    /// sees only a household proposed to their offer.
    pub fn view_newcomer(
        &self,
        newcomer: &NewcomerId,
        viewer: &Viewer,
        on: NaiveDate,
        key: Option<&PseudonymKey>,
    ) -> Result<NewcomerView, BrobyggerError> {
        view_newcomer(&self.dossier, newcomer, viewer, on, key)
    }

    /// An offer as `viewer` may see it on `on`. A volunteer sees only their own offer.
    pub fn view_offer(
        &self,
        offer: &OfferId,
        viewer: &Viewer,
        on: NaiveDate,
    ) -> Result<OfferView, BrobyggerError> {
        view_offer(&self.dossier, offer, viewer, on)
    }

    /// A stored proposal as `viewer` may see it on `on`.
    pub fn view_proposal(
        &self,
        proposal: &ProposalId,
        viewer: &Viewer,
        on: NaiveDate,
        key: Option<&PseudonymKey>,
    ) -> Result<MatchView, BrobyggerError> {
        view_proposal(&self.dossier, proposal, viewer, on, key)
    }

    /// An anonymised copy; the dossier itself is unchanged.
    pub fn anonymised(
        &self,
        options: &AnonymiseOptions,
        key: Option<&PseudonymKey>,
    ) -> Result<(Dossier, AnonymisationReport), BrobyggerError> {
        anonymised(&self.dossier, options, key)
    }

    /// What the retention policies make due on `on`, and what will be within each policy's
    /// warning period.
    pub fn retention_report(&self, on: NaiveDate) -> RetentionReport {
        retention_report(&self.dossier, on)
    }

    /// One table of household counts for analysts, with small cells suppressed.
    pub fn safe_table(&self, request: &SafeTableRequest) -> Result<SafeTable, BrobyggerError> {
        safe_table(&self.dossier, request)
    }

    /// The standard tables about a cohort for analysts (by arrival quarter, area, need,
    /// language, household size, children, introduction state, and with a run the match
    /// outcome and offer kind), each with small cells suppressed, and the manifest.
    pub fn analyst_export(
        &self,
        options: &AnalystExportOptions,
    ) -> Result<AnalystExport, BrobyggerError> {
        analyst_export(&self.dossier, options)
    }

    /// A survey round's shares with groups under `min_cell` respondents hidden, and one more
    /// group where the share of all respondents would otherwise reveal a hidden one.
    pub fn safe_survey_results(
        &self,
        survey: &SurveyId,
        options: impl Into<SafeShareOptions>,
    ) -> Result<Vec<SafeShare>, BrobyggerError> {
        safe_survey_results(&self.dossier, survey, options.into().min_cell)
    }

    /// The privacy review on a day: households without a basis for matching, sensitive data
    /// no consent or basis covers, consents lapsing within `warn_days`, open proposals past
    /// their expiry, and what retention makes due. Every finding has a path; none quotes a
    /// value.
    pub fn review(&self, on: NaiveDate, options: impl Into<ReviewOptions>) -> Vec<Finding> {
        privacy_review(&self.dossier, on, options.into().warn_days)
    }

    /// The consents and other legal bases as W3C DPV consent records after ISO/IEC TS 27560
    /// (JSON-LD), each consent's status as of `as_of`; subjects by pseudonymous key only.
    /// [`crate::privacy::read_dpv`] reads them back exactly (ADR 0042).
    pub fn export_dpv(&self, as_of: NaiveDate) -> String {
        export_dpv(&self.dossier, as_of)
    }
}

impl<D: DerefMut<Target = Dossier>> PrivacyFacet<D> {
    /// Adds a consent. Refused (and nothing changes) if it is not valid: every finding is
    /// attached.
    pub fn add_consent(&mut self, consent: ConsentRecord) -> Result<(), BrobyggerError> {
        add_consent(&mut self.dossier, consent)
    }

    /// Adds a legal basis other than consent. Refused (and nothing changes) if it is not valid.
    pub fn add_basis(&mut self, basis: ProcessingBasis) -> Result<(), BrobyggerError> {
        add_processing_basis(&mut self.dossier, basis)
    }

    /// Adds the consents and bases of a DPV document ([`PrivacyFacet::export_dpv`]'s), all or
    /// nothing: refused (and nothing changes) when one is not valid here (an id taken, an
    /// unknown subject). Returns what was added.
    pub fn import_dpv(&mut self, text: &str) -> Result<ConsentRecords, BrobyggerError> {
        import_dpv(&mut self.dossier, text)
    }

    /// Withdraws a consent with effect from `on`. Open proposals that can no longer go ahead
    /// without it are closed (an event records why); the report lists everything that depended
    /// on it: stored runs that used it, contact details released under it before, and
    /// sensitive data still held that nothing else covers. Refused (and nothing changes) for an
    /// unknown or already withdrawn consent, or a day before it was given.
    pub fn withdraw_consent(
        &mut self,
        id: &ConsentId,
        on: NaiveDate,
    ) -> Result<WithdrawalReport, BrobyggerError> {
        withdraw_consent(&mut self.dossier, id, on)
    }

    /// Adds a retention policy. Refused (and nothing changes) if it is not valid: a period of
    /// zero months, an action the record type does not support, a taken id.
    pub fn add_retention_policy(&mut self, policy: RetentionPolicy) -> Result<(), BrobyggerError> {
        add_retention_policy(&mut self.dossier, policy)
    }

    /// Proposes a match to both sides. Needs a consent or basis for matching the household on
    /// the day (describing the household to the volunteer is part of matching). Refused (and
    /// nothing changes) for an unknown household or offer, a run that does not contain the
    /// match, an open proposal for the same pair, or no basis.
    pub fn propose(&mut self, request: ProposeMatch) -> Result<ProposalId, BrobyggerError> {
        propose_match(&mut self.dossier, request)
    }

    /// Proposes every match of a stored run, all or nothing; returns the new ids in the run's
    /// order.
    pub fn propose_run(
        &mut self,
        run: &MatchRunId,
        at: Timestamp,
        expires_on: Option<NaiveDate>,
        by: Option<PostId>,
    ) -> Result<Vec<ProposalId>, BrobyggerError> {
        propose_run(&mut self.dossier, run, at, expires_on, by)
    }

    /// Records that one side accepted. The household's side accepts first.
    pub fn accept(
        &mut self,
        proposal: &ProposalId,
        side: ProposalSide,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        accept_proposal(&mut self.dossier, proposal, side, at, by)
    }

    /// Records that one side declined; the proposal is closed.
    pub fn decline(
        &mut self,
        proposal: &ProposalId,
        side: ProposalSide,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        decline_proposal(&mut self.dossier, proposal, side, at, by)
    }

    /// Withdraws an open proposal (the coordinator's decision); it is closed.
    pub fn withdraw_proposal(
        &mut self,
        proposal: &ProposalId,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        withdraw_proposal(&mut self.dossier, proposal, at, by)
    }

    /// Closes every open proposal that lapsed unanswered by `on`, recording the expiry at the
    /// start of its expiry day; returns their ids.
    pub fn expire(&mut self, on: NaiveDate) -> Vec<ProposalId> {
        expire_proposals(&mut self.dossier, on)
    }

    /// Releases contact details after both sides accepted: the household's `to_volunteer`
    /// fields to the volunteer, the volunteer's `to_household` fields to the household, each
    /// under a consent or basis for passing on contact details that holds on the day. Refused
    /// (and nothing changes) before both acceptances, without a basis (an expired or withdrawn
    /// consent is named), or with no field.
    pub fn release(&mut self, request: ReleaseRequest) -> Result<Vec<Disclosure>, BrobyggerError> {
        release_contact_details(&mut self.dossier, request)
    }

    /// Anonymises the households and people in scope, with cascade (see the module docs).
    /// With `key`, the fresh ids are keyed pseudonyms (reproducible with the key); without, they
    /// are random. Refused (and nothing changes) for an unknown cohort, household or person.
    pub fn anonymise(
        &mut self,
        options: &AnonymiseOptions,
        key: Option<&PseudonymKey>,
    ) -> Result<AnonymisationReport, BrobyggerError> {
        anonymise(&mut self.dossier, options, key)
    }

    /// Deletes and anonymises every record due on `on` (held-back and upcoming ones stay), all
    /// at once with cascade; returns what was done.
    pub fn apply_retention(&mut self, on: NaiveDate) -> Result<RetentionOutcome, BrobyggerError> {
        apply_retention(&mut self.dossier, on)
    }
}
