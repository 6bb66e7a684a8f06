//! Privacy for Kotlin and Swift: consents and bases, proposals and releases with the manifest,
//! audience views, anonymisation, retention, safe tables and survey shares on a
//! [`DossierHandle`]; the [`PseudonymKey`] object; the consented run over profile lists. Every
//! function delegates to the core; records and enums are the core's own.

use crate::convert::{read, write};
use crate::dossier::DossierHandle;
use brobygger::chrono::NaiveDate;
use brobygger::matching::{Cohort, MatchOptions, MatchRun, Newcomer, Offer, RuleSet};
use brobygger::privacy::{
    self as p, AnalystExport, AnalystExportOptions, AnonymisationReport, AnonymiseOptions,
    BasisRef, ConsentRecord, ConsentRecords, Disclosure, ExportManifest, MatchProposal, MatchView,
    NewcomerView, OfferView, Privacy, ProcessingBasis, ProposalSide, ProposalState, ProposeMatch,
    Purpose, ReleaseRequest, RetentionOutcome, RetentionPolicy, RetentionReport, SafeShare,
    SafeTable, SafeTableRequest, Subject, Viewer, WithdrawalReport,
};
use brobygger::{
    BrobyggerError, ConsentId, Dossier, Finding, Lang, MatchRunId, NewcomerId, OfferId, PostId,
    ProposalId, Timestamp,
};
use std::sync::{Arc, RwLock};

/// A secret key for one pseudonymisation domain: pseudonyms are HMAC-SHA256 of an opaque id
/// under it. The key never appears in `toString`, errors or logs.
#[derive(Debug, uniffi::Object)]
pub struct PseudonymKey(p::PseudonymKey);

#[uniffi::export]
impl PseudonymKey {
    /// A fresh random key for `domain`.
    #[uniffi::constructor]
    pub fn generate(domain: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Arc::new(Self(p::PseudonymKey::generate(&domain)?)))
    }

    /// A key for `domain` from hex (at least 64 hex digits). Throws `InvalidInput`.
    #[uniffi::constructor]
    pub fn from_hex(domain: String, hex: String) -> Result<Arc<Self>, BrobyggerError> {
        Ok(Arc::new(Self(p::PseudonymKey::from_hex(&domain, &hex)?)))
    }

    /// The domain.
    pub fn domain(&self) -> Result<String, BrobyggerError> {
        Ok(self.0.domain().to_owned())
    }

    /// The pseudonym of an opaque id of a kind (`newcomer`, `person`, `offer`, ...). A national
    /// id number or a name throws `InvalidInput` (`privacy.not_an_opaque_id`).
    pub fn pseudonym(&self, kind: String, id: String) -> Result<String, BrobyggerError> {
        Ok(self.0.pseudonym(&kind, &id)?.to_string())
    }

    /// The pseudonym of a subject.
    pub fn pseudonym_of(&self, subject: Subject) -> Result<String, BrobyggerError> {
        Ok(self.0.pseudonym_of(&subject)?.to_string())
    }

    /// The key as hex, for a secrets manager. Never log it.
    pub fn export_secret_hex(&self) -> Result<String, BrobyggerError> {
        Ok(self.0.export_secret_hex())
    }
}

fn key_of(key: &Option<Arc<PseudonymKey>>) -> Option<&p::PseudonymKey> {
    key.as_deref().map(|k| &k.0)
}

/// Matches households with offers, using each declared sensitive attribute only for the
/// subjects a consent or basis in `privacy` covers on the run's day; subjects nothing allows
/// matching are left out. `cohorts` make cohort-wide bases apply.
#[uniffi::export]
pub fn match_profiles_consented(
    rule_set: RuleSet,
    newcomers: Vec<Newcomer>,
    offers: Vec<Offer>,
    options: MatchOptions,
    privacy: Privacy,
    cohorts: Vec<Cohort>,
) -> Result<MatchRun, BrobyggerError> {
    let register = p::Register::new(&privacy, &cohorts, &offers);
    p::run_consented(&rule_set, &newcomers, &offers, options, &register)
}

/// `newcomer:<id>`, `person:<id>` or `offer:<id>`.
#[uniffi::export]
pub fn subject_key(subject: Subject) -> Result<String, BrobyggerError> {
    Ok(subject.key())
}

/// Reads the consents and bases of a DPV document (JSON-LD, as `exportDpv` writes it).
#[uniffi::export]
pub fn read_dpv(text: String) -> Result<ConsentRecords, BrobyggerError> {
    brobygger::privacy::read_dpv(&text)
}

/// `consent:<id>` or `basis:<id>`.
#[uniffi::export]
pub fn basis_key(basis: BasisRef) -> Result<String, BrobyggerError> {
    Ok(basis.key())
}

/// A manifest as a Markdown table.
#[uniffi::export]
pub fn manifest_markdown(manifest: ExportManifest, lang: Lang) -> Result<String, BrobyggerError> {
    Ok(manifest.markdown(lang))
}

/// The dossier's privacy records and rules (the core's `PrivacyFacet`): consents, proposals and
/// releases, views, anonymisation, retention, safe tables. Shares the handle's lock.
#[derive(Debug, uniffi::Object)]
pub struct DossierPrivacy(Arc<RwLock<Dossier>>);

impl DossierPrivacy {
    fn lock(&self) -> &RwLock<Dossier> {
        &self.0
    }
}

#[uniffi::export]
impl DossierHandle {
    /// The dossier's privacy facet.
    pub fn privacy(&self) -> Result<Arc<DossierPrivacy>, BrobyggerError> {
        Ok(Arc::new(DossierPrivacy(Arc::clone(&self.0))))
    }
}

#[uniffi::export]
impl DossierPrivacy {
    /// The privacy records: consents, bases, proposals, retention policies, anonymisations.
    pub fn data(&self) -> Result<Privacy, BrobyggerError> {
        Ok(read(self.lock())?.privacy.clone())
    }

    /// The consents and other legal bases as W3C DPV consent records after ISO/IEC TS 27560
    /// (JSON-LD), each consent's status on `as_of`; subjects by pseudonymous key only.
    pub fn export_dpv(&self, as_of: NaiveDate) -> Result<String, BrobyggerError> {
        Ok(read(self.lock())?.privacy().export_dpv(as_of))
    }

    /// Adds the consents and bases of a DPV document, all or nothing; returns what was added.
    pub fn import_dpv(&self, text: String) -> Result<ConsentRecords, BrobyggerError> {
        write(self.lock())?.privacy_mut().import_dpv(&text)
    }

    /// Adds a consent. Throws `Validation` with every finding; nothing changes then.
    pub fn add_consent(&self, consent: ConsentRecord) -> Result<(), BrobyggerError> {
        write(self.lock())?.privacy_mut().add_consent(consent)
    }

    /// Adds a legal basis other than consent.
    pub fn add_basis(&self, basis: ProcessingBasis) -> Result<(), BrobyggerError> {
        write(self.lock())?.privacy_mut().add_basis(basis)
    }

    /// Adds a retention policy.
    pub fn add_retention_policy(&self, policy: RetentionPolicy) -> Result<(), BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .add_retention_policy(policy)
    }

    /// Withdraws a consent from a day; returns what depended on it.
    pub fn withdraw_consent(
        &self,
        consent: ConsentId,
        on: NaiveDate,
    ) -> Result<WithdrawalReport, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .withdraw_consent(&consent, on)
    }

    /// The consent or basis covering a subject for a purpose (and attribute) on a day.
    pub fn covering_basis(
        &self,
        subject: Subject,
        purpose: Purpose,
        attribute: Option<String>,
        on: NaiveDate,
    ) -> Result<Option<BasisRef>, BrobyggerError> {
        Ok(read(self.lock())?
            .privacy()
            .covering_basis(&subject, purpose, attribute.as_deref(), on))
    }

    /// The consents.
    pub fn consents(&self) -> Result<Vec<ConsentRecord>, BrobyggerError> {
        Ok(read(self.lock())?.privacy.consents.clone())
    }

    /// The legal bases other than consent.
    pub fn bases(&self) -> Result<Vec<ProcessingBasis>, BrobyggerError> {
        Ok(read(self.lock())?.privacy.bases.clone())
    }

    /// The retention policies.
    pub fn retention_policies(&self) -> Result<Vec<RetentionPolicy>, BrobyggerError> {
        Ok(read(self.lock())?.privacy.retention.clone())
    }

    /// The releases between two days (either open) as a Markdown table in `lang`.
    pub fn manifest_markdown(
        &self,
        lang: Lang,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<String, BrobyggerError> {
        Ok(read(self.lock())?
            .privacy()
            .manifest(from, until)
            .markdown(lang))
    }

    /// The match proposals and their history.
    pub fn proposals(&self) -> Result<Vec<MatchProposal>, BrobyggerError> {
        Ok(read(self.lock())?.privacy.proposals.clone())
    }

    /// Proposes a match; returns its id.
    pub fn propose(&self, request: ProposeMatch) -> Result<ProposalId, BrobyggerError> {
        write(self.lock())?.privacy_mut().propose(request)
    }

    /// Proposes every match of a stored run, all or nothing.
    pub fn propose_run(
        &self,
        run: MatchRunId,
        at: Timestamp,
        expires_on: Option<NaiveDate>,
        by: Option<PostId>,
    ) -> Result<Vec<ProposalId>, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .propose_run(&run, at, expires_on, by)
    }

    /// Records that one side accepted (the household first).
    pub fn accept(
        &self,
        proposal: ProposalId,
        side: ProposalSide,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .accept(&proposal, side, at, by)
    }

    /// Records that one side declined.
    pub fn decline(
        &self,
        proposal: ProposalId,
        side: ProposalSide,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .decline(&proposal, side, at, by)
    }

    /// Withdraws an open proposal.
    pub fn withdraw_proposal(
        &self,
        proposal: ProposalId,
        at: Timestamp,
        by: Option<PostId>,
    ) -> Result<ProposalState, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .withdraw_proposal(&proposal, at, by)
    }

    /// Closes the proposals that lapsed unanswered by a day.
    pub fn expire(&self, on: NaiveDate) -> Result<Vec<ProposalId>, BrobyggerError> {
        Ok(write(self.lock())?.privacy_mut().expire(on))
    }

    /// Releases contact details after both sides accepted. Throws `InvalidInput`
    /// (`privacy.release_before_acceptance`, `privacy.consent_expired`, ...); nothing changes.
    pub fn release(&self, request: ReleaseRequest) -> Result<Vec<Disclosure>, BrobyggerError> {
        write(self.lock())?.privacy_mut().release(request)
    }

    /// A proposal's state, from its events or at an instant.
    pub fn proposal_state(
        &self,
        proposal: ProposalId,
        at: Option<Timestamp>,
    ) -> Result<ProposalState, BrobyggerError> {
        let d = read(self.lock())?;
        let pr = d.privacy().proposal(&proposal).ok_or_else(|| {
            BrobyggerError::not_found(brobygger::NotFoundCode::Proposal, &proposal)
        })?;
        Ok(at.map_or_else(|| pr.state(), |t| pr.state_at(t)))
    }

    /// Every recorded release between two days (either open).
    pub fn manifest(
        &self,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<ExportManifest, BrobyggerError> {
        Ok(read(self.lock())?.privacy().manifest(from, until))
    }

    /// A household as a viewer may see it on a day; analysts get the key's pseudonym.
    pub fn view_newcomer(
        &self,
        newcomer: NewcomerId,
        viewer: Viewer,
        on: NaiveDate,
        key: Option<Arc<PseudonymKey>>,
    ) -> Result<NewcomerView, BrobyggerError> {
        read(self.lock())?
            .privacy()
            .view_newcomer(&newcomer, &viewer, on, key_of(&key))
    }

    /// An offer as a viewer may see it on a day.
    pub fn view_offer(
        &self,
        offer: OfferId,
        viewer: Viewer,
        on: NaiveDate,
    ) -> Result<OfferView, BrobyggerError> {
        read(self.lock())?.privacy().view_offer(&offer, &viewer, on)
    }

    /// A proposal as a viewer may see it on a day.
    pub fn view_proposal(
        &self,
        proposal: ProposalId,
        viewer: Viewer,
        on: NaiveDate,
        key: Option<Arc<PseudonymKey>>,
    ) -> Result<MatchView, BrobyggerError> {
        read(self.lock())?
            .privacy()
            .view_proposal(&proposal, &viewer, on, key_of(&key))
    }

    /// Anonymises in place, with cascade; returns the counts.
    pub fn anonymise(
        &self,
        options: AnonymiseOptions,
        key: Option<Arc<PseudonymKey>>,
    ) -> Result<AnonymisationReport, BrobyggerError> {
        write(self.lock())?
            .privacy_mut()
            .anonymise(&options, key_of(&key))
    }

    /// An anonymised copy as a new handle; this dossier is unchanged.
    pub fn anonymised(
        &self,
        options: AnonymiseOptions,
        key: Option<Arc<PseudonymKey>>,
    ) -> Result<Arc<DossierHandle>, BrobyggerError> {
        let (copy, _) = read(self.lock())?
            .privacy()
            .anonymised(&options, key_of(&key))?;
        DossierHandle::from_data(copy)
    }

    /// What the retention policies make due on a day.
    pub fn retention_report(&self, on: NaiveDate) -> Result<RetentionReport, BrobyggerError> {
        Ok(read(self.lock())?.privacy().retention_report(on))
    }

    /// Deletes and anonymises everything due on a day.
    pub fn apply_retention(&self, on: NaiveDate) -> Result<RetentionOutcome, BrobyggerError> {
        write(self.lock())?.privacy_mut().apply_retention(on)
    }

    /// One table of household counts with small cells suppressed.
    pub fn safe_table(&self, request: SafeTableRequest) -> Result<SafeTable, BrobyggerError> {
        read(self.lock())?.privacy().safe_table(&request)
    }

    /// The standard tables about a cohort for analysts, with the manifest.
    pub fn analyst_export(
        &self,
        options: AnalystExportOptions,
    ) -> Result<AnalystExport, BrobyggerError> {
        read(self.lock())?.privacy().analyst_export(&options)
    }

    /// A survey round's shares with groups under `min_cell` respondents suppressed (the
    /// core's default when null).
    #[uniffi::method(default(min_cell = None))]
    pub fn safe_survey_results(
        &self,
        survey: brobygger::assessment::SurveyId,
        min_cell: Option<u32>,
    ) -> Result<Vec<SafeShare>, BrobyggerError> {
        read(self.lock())?.privacy().safe_survey_results(
            &survey,
            min_cell.map_or_else(
                brobygger::privacy::SafeShareOptions::default,
                brobygger::privacy::SafeShareOptions::min_cell,
            ),
        )
    }

    /// The privacy review on a day; consents lapsing within `warn_days` are reported (the
    /// core's default when null).
    #[uniffi::method(default(warn_days = None))]
    pub fn review(
        &self,
        on: NaiveDate,
        warn_days: Option<u32>,
    ) -> Result<Vec<Finding>, BrobyggerError> {
        let options = warn_days.map_or_else(
            brobygger::privacy::ReviewOptions::default,
            brobygger::privacy::ReviewOptions::warn_days,
        );
        Ok(read(self.lock())?.privacy().review(on, options))
    }
}
