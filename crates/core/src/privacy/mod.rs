//! Privacy by design: consent and other legal bases, disclosure only after both sides accept,
//! audience projections, anonymisation and retention, safe aggregates and pseudonymous linking.
//!
//! Newcomers are vulnerable people, and a municipality may pass on only what the law allows
//! (forvaltningsloven § 27; GDPR art. 9 special categories; a child-protection certificate is
//! criminal-record data, GDPR art. 10). Every app built on the library inherits these rules:
//!
//! - [`consent`]: consent records (whose, which purposes, the sensitive attributes explicitly
//!   covered, given, expiring, withdrawn, the text version) and other legal bases (GDPR art. 6
//!   and 9, databeskyttelsesloven § 8, the exceptions to the duty of confidentiality), and the
//!   one lookup everything else asks: *is there a basis for this subject, purpose and attribute
//!   on this day?* Withdrawing a consent closes what depended on it and reports the rest.
//! - [`gate`]: the hook in matching. A rule set's declared sensitive attribute is used for a
//!   household (or an offer) only when a consent or basis covers it on the run's day; otherwise
//!   the rule sees no value, and the run says so without revealing any value.
//! - [`disclosure`]: a match proposal goes proposed → accepted by the household → accepted by
//!   the volunteer → contact details released (or declined, expired, withdrawn). Every release
//!   is a recorded event with its basis; [`ExportManifest`] lists every field disclosed, to
//!   whom and why.
//! - [`audience`]: what a municipal caseworker, a coordinator, a volunteer and an analyst may
//!   see of a household, an offer and a match, each view with its own manifest.
//! - [`anonymise`] and [`retention`]: transforms that keep statistics useful (dates coarsened
//!   to the start of their quarter with the household's other dates shifted alike, names and
//!   free text removed, fresh ids everywhere the old ones were, small areas merged), applied
//!   with cascade; retention policies per record type report what is due on a day.
//! - [`aggregate`]: counts for analysts and survey shares with cells under a threshold
//!   (default 5) suppressed, including the complementary cells that would reveal them.
//! - [`pseudonym`]: keyed pseudonyms (HMAC-SHA256) with one key per domain, for linking
//!   records across two systems without a national id or a name.
//!
//! ```
//! use brobygger::privacy::{Purpose, Subject};
//! use brobygger::Dossier;
//!
//! let d = Dossier::example("ikast-brande")?;
//! let household = Subject::newcomer("nc-6402-1185");
//! let on = "2016-04-01".parse().unwrap();
//! // The household consented to matching, including its wishes about the volunteer.
//! let basis = d.privacy().covering_basis(&household, Purpose::Matching, Some("newcomer.preferences"), on);
//! assert!(basis.is_some());
//! # Ok::<(), brobygger::BrobyggerError>(())
//! ```
//!
//! Nothing here contacts anyone: the library records decisions and refuses what the rules
//! forbid; people decide.

pub mod aggregate;
pub mod anonymise;
pub mod audience;
pub mod consent;
pub mod disclosure;
pub(crate) mod facet;
pub mod gate;
pub mod pseudonym;
pub mod retention;
pub(crate) mod validate;

pub use aggregate::{
    AggregateDimension, AnalystExport, AnalystExportOptions, DEFAULT_MIN_CELL, SafeCell, SafeShare,
    SafeShareOptions, SafeTable, SafeTableRequest, Suppression,
};
pub use anonymise::{
    AnonymisationRecord, AnonymisationReport, AnonymisationScope, AnonymiseOptions,
};
pub use audience::{
    Audience, FieldDisclosure, MatchView, NewcomerView, OfferView, Treatment, Viewer,
};
pub use consent::{
    BasisRef, BasisScope, ConsentForm, ConsentRecord, LegalBasis, ProcessingBasis, Purpose,
    Subject, WithdrawalReport,
};
pub use disclosure::{
    ContactField, Disclosure, ExportManifest, ManifestEntry, MatchProposal, ProposalEvent,
    ProposalEventKind, ProposalSide, ProposalState, ProposeMatch, Recipient, ReleaseRequest,
};
pub use facet::PrivacyFacet;
pub use gate::{SensitiveUse, WithheldAttribute};
pub use pseudonym::{Pseudonym, PseudonymKey};
pub use retention::{
    RecordRef, RecordType, RetentionAction, RetentionItem, RetentionOutcome, RetentionPolicy,
    RetentionReport, RetentionState,
};
pub use validate::{DEFAULT_WARN_DAYS, ReviewOptions};

use crate::error::BrobyggerError;
use crate::finding::{FindingKind, Severity};

/// The privacy records a dossier keeps: consents, other legal bases, match proposals with their
/// disclosure events, retention policies and a log of anonymisations.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Privacy {
    /// Consents given by households and volunteers, never deleted by withdrawal (the record of
    /// the withdrawal is itself evidence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consents: Vec<ConsentRecord>,
    /// Legal bases other than consent (a statute, a public task), with what they cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<ProcessingBasis>,
    /// Match proposals and their history, including every release of contact details.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<MatchProposal>,
    /// Retention policies per record type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retention: Vec<RetentionPolicy>,
    /// Anonymisations applied to this dossier (counts only, never the ids replaced).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anonymisations: Vec<AnonymisationRecord>,
}

impl Privacy {
    /// Whether there is nothing to store.
    pub fn is_empty(&self) -> bool {
        self.consents.is_empty()
            && self.bases.is_empty()
            && self.proposals.is_empty()
            && self.retention.is_empty()
            && self.anonymisations.is_empty()
    }
}

/// The kinds of finding about privacy: validation of the records, the dated review, withdrawal
/// and retention reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrivacyCode {
    /// An attribute is not a field of a household or an offer.
    UnknownAttribute,
    /// An attribute belongs to the other kind of subject (an offer field on a household's
    /// consent).
    AttributeOfOtherSubject,
    /// A consent names no purpose.
    NoPurpose,
    /// Dates contradict each other (withdrawn before given, expiring before given).
    DatesOutOfOrder,
    /// A legal basis record says "consent"; consents are consent records.
    ConsentAsBasis,
    /// The legal basis cannot serve the purpose (contact details passed on "for a public task").
    BasisDoesNotFitPurpose,
    /// The legal basis cannot cover the attribute's class (special-category data on a
    /// legitimate interest).
    BasisDoesNotCoverAttribute,
    /// A consent lists an attribute that needs no explicit consent.
    AttributeNeedsNoExplicitConsent,
    /// A proposal's history is not a valid sequence of steps.
    InvalidProposalHistory,
    /// A release names a basis the dossier does not have.
    DisclosureBasisMissing,
    /// A stored run used a consent that has since been withdrawn.
    RunUsesWithdrawnConsent,
    /// A household or offer still holds sensitive data whose only consent was withdrawn.
    SensitiveDataAfterWithdrawal,
    /// A retention policy's action cannot apply to its record type.
    RetentionActionNotSupported,
    /// Two retention policies for the same record type.
    DuplicateRetentionPolicy,
    /// A consent lapses within its warning period.
    ConsentExpiring,
    /// A household in a cohort has no consent or basis for matching on the day.
    NoBasisForMatching,
    /// A household or offer holds sensitive data no consent or basis covers on the day.
    SensitiveDataWithoutBasis,
    /// An open proposal is past its expiry day.
    ProposalPastExpiry,
    /// A record is due for deletion or anonymisation.
    RetentionDue,
    /// A record will be due within the policy's warning period.
    RetentionUpcoming,
    /// A record is past its retention period but still referenced by another record.
    RetentionHeldBack,
    /// A withdrawn consent had data released under it before the withdrawal.
    ReleasedBeforeWithdrawal,
    /// A proposal was closed because its basis was withdrawn.
    ProposalClosedByWithdrawal,
}

impl FindingKind for PrivacyCode {
    fn code(self) -> &'static str {
        use PrivacyCode::*;
        match self {
            UnknownAttribute => "privacy.unknown_attribute",
            AttributeOfOtherSubject => "privacy.attribute_of_other_subject",
            NoPurpose => "privacy.no_purpose",
            DatesOutOfOrder => "privacy.dates_out_of_order",
            ConsentAsBasis => "privacy.consent_as_basis",
            BasisDoesNotFitPurpose => "privacy.basis_does_not_fit_purpose",
            BasisDoesNotCoverAttribute => "privacy.basis_does_not_cover_attribute",
            AttributeNeedsNoExplicitConsent => "privacy.attribute_needs_no_explicit_consent",
            InvalidProposalHistory => "privacy.invalid_proposal_history",
            DisclosureBasisMissing => "privacy.disclosure_basis_missing",
            RunUsesWithdrawnConsent => "privacy.run_uses_withdrawn_consent",
            SensitiveDataAfterWithdrawal => "privacy.sensitive_data_after_withdrawal",
            RetentionActionNotSupported => "privacy.retention_action_not_supported",
            DuplicateRetentionPolicy => "privacy.duplicate_retention_policy",
            ConsentExpiring => "privacy.consent_expiring",
            NoBasisForMatching => "privacy.no_basis_for_matching",
            SensitiveDataWithoutBasis => "privacy.sensitive_data_without_basis",
            ProposalPastExpiry => "privacy.proposal_past_expiry",
            RetentionDue => "privacy.retention_due",
            RetentionUpcoming => "privacy.retention_upcoming",
            RetentionHeldBack => "privacy.retention_held_back",
            ReleasedBeforeWithdrawal => "privacy.released_before_withdrawal",
            ProposalClosedByWithdrawal => "privacy.proposal_closed_by_withdrawal",
        }
    }

    fn severity(self) -> Severity {
        use PrivacyCode::*;
        match self {
            AttributeNeedsNoExplicitConsent
            | RunUsesWithdrawnConsent
            | SensitiveDataAfterWithdrawal
            | DuplicateRetentionPolicy
            | NoBasisForMatching
            | SensitiveDataWithoutBasis
            | RetentionDue => Severity::Warning,
            ConsentExpiring
            | ProposalPastExpiry
            | RetentionUpcoming
            | RetentionHeldBack
            | ReleasedBeforeWithdrawal
            | ProposalClosedByWithdrawal => Severity::Info,
            _ => Severity::Error,
        }
    }
}

/// Why a privacy operation was refused. Messages name ids, fields and codes, never values.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrivacyError {
    /// No consent or other basis covers the processing on the day.
    #[error("no consent or other basis covers {purpose} of {subject}{} on {on}", attribute.as_ref().map(|a| format!(" ({a})")).unwrap_or_default())]
    NoBasis {
        /// The subject, as a key (`newcomer:nc-…`).
        subject: String,
        /// The purpose's key.
        purpose: &'static str,
        /// The attribute asked about, if any.
        attribute: Option<String>,
        /// The day.
        on: chrono::NaiveDate,
    },
    /// The only consent that would cover it has expired.
    #[error("consent {consent} expired on {expired_on}")]
    ConsentExpired {
        /// The consent.
        consent: String,
        /// The first day it no longer held.
        expired_on: chrono::NaiveDate,
    },
    /// The only consent that would cover it was withdrawn.
    #[error("consent {consent} was withdrawn on {withdrawn_on}")]
    ConsentWithdrawn {
        /// The consent.
        consent: String,
        /// The day the withdrawal took effect.
        withdrawn_on: chrono::NaiveDate,
    },
    /// The consent is already withdrawn.
    #[error("consent {0} is already withdrawn")]
    AlreadyWithdrawn(String),
    /// A date lies before the record it refers to (a withdrawal before the consent was given).
    #[error("{field} lies before {before}")]
    DateBefore {
        /// The argument.
        field: &'static str,
        /// What it may not precede.
        before: &'static str,
    },
    /// Contact details can be released only after both sides accepted.
    #[error("proposal {0} is not accepted by both sides; nothing can be released yet")]
    ReleaseBeforeAcceptance(String),
    /// The volunteer's side answers after the household's side.
    #[error("proposal {0}: the household's side accepts first")]
    OutOfOrder(String),
    /// The proposal is closed (released, declined, expired or withdrawn).
    #[error("proposal {0} is closed")]
    ProposalClosed(String),
    /// The proposal lapsed before the answer.
    #[error("proposal {0} expired before this answer")]
    ProposalExpired(String),
    /// An event cannot precede the proposal's last event.
    #[error("the event is dated before the proposal's last event")]
    EventBeforePrevious,
    /// The same household and offer already have an open proposal.
    #[error("household {newcomer} and offer {offer} already have an open proposal")]
    DuplicateProposal {
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// The run does not propose this match.
    #[error("run {run} does not match household {newcomer} with offer {offer}")]
    NotInRun {
        /// The run.
        run: String,
        /// The household.
        newcomer: String,
        /// The offer.
        offer: String,
    },
    /// A release names no field.
    #[error("a release must name at least one contact field")]
    NothingToRelease,
    /// A volunteer asked about a household not proposed to their offer.
    #[error("household {newcomer} is not proposed to offer {offer}")]
    NotProposedToVolunteer {
        /// The household.
        newcomer: String,
        /// The volunteer's offer.
        offer: String,
    },
    /// A purpose name outside the vocabulary.
    #[error("unknown purpose; expected one of {0}")]
    UnknownPurpose(String),
    /// A pseudonym key is too short or badly encoded.
    #[error("invalid pseudonym key: {0}")]
    InvalidKey(&'static str),
    /// Only opaque ids can be pseudonymised: never a national id number or a name.
    #[error("only an opaque id can be pseudonymised (not a national id number or a name)")]
    NotAnOpaqueId,
    /// A threshold or parameter is out of range.
    #[error("{field}: {reason}")]
    InvalidParameter {
        /// The argument.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A record was not valid; every finding is attached.
    #[error("{} problem(s)", .0.len())]
    Invalid(Vec<crate::finding::Finding>),
}

impl PrivacyError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            PrivacyError::NoBasis { .. } => "privacy.no_basis",
            PrivacyError::ConsentExpired { .. } => "privacy.consent_expired",
            PrivacyError::ConsentWithdrawn { .. } => "privacy.consent_withdrawn",
            PrivacyError::AlreadyWithdrawn(_) => "privacy.already_withdrawn",
            PrivacyError::DateBefore { .. } => "privacy.date_before",
            PrivacyError::ReleaseBeforeAcceptance(_) => "privacy.release_before_acceptance",
            PrivacyError::OutOfOrder(_) => "privacy.out_of_order",
            PrivacyError::ProposalClosed(_) => "privacy.proposal_closed",
            PrivacyError::ProposalExpired(_) => "privacy.proposal_expired",
            PrivacyError::EventBeforePrevious => "privacy.event_before_previous",
            PrivacyError::DuplicateProposal { .. } => "privacy.duplicate_proposal",
            PrivacyError::NotInRun { .. } => "privacy.not_in_run",
            PrivacyError::NothingToRelease => "privacy.nothing_to_release",
            PrivacyError::NotProposedToVolunteer { .. } => "privacy.not_proposed_to_volunteer",
            PrivacyError::UnknownPurpose(_) => "privacy.unknown_purpose",
            PrivacyError::InvalidKey(_) => "privacy.invalid_key",
            PrivacyError::NotAnOpaqueId => "privacy.not_an_opaque_id",
            PrivacyError::InvalidParameter { .. } => "privacy.invalid_parameter",
            PrivacyError::Invalid(_) => "privacy.invalid",
        }
    }

    /// The argument or field the error is about, for [`BrobyggerError::InvalidInput`].
    fn path(&self) -> &'static str {
        match self {
            PrivacyError::NoBasis { .. }
            | PrivacyError::ConsentExpired { .. }
            | PrivacyError::ConsentWithdrawn { .. } => "basis",
            PrivacyError::AlreadyWithdrawn(_) => "consent",
            PrivacyError::DateBefore { field, .. } => field,
            PrivacyError::ReleaseBeforeAcceptance(_)
            | PrivacyError::OutOfOrder(_)
            | PrivacyError::ProposalClosed(_)
            | PrivacyError::ProposalExpired(_) => "proposal",
            PrivacyError::EventBeforePrevious => "at",
            PrivacyError::DuplicateProposal { .. } | PrivacyError::NotInRun { .. } => "proposal",
            PrivacyError::NothingToRelease => "fields",
            PrivacyError::NotProposedToVolunteer { .. } => "viewer.offer",
            PrivacyError::UnknownPurpose(_) => "purpose",
            PrivacyError::InvalidKey(_) => "key",
            PrivacyError::NotAnOpaqueId => "id",
            PrivacyError::InvalidParameter { field, .. } => field,
            PrivacyError::Invalid(_) => "",
        }
    }
}

impl From<PrivacyError> for BrobyggerError {
    fn from(e: PrivacyError) -> Self {
        let code = e.code().to_owned();
        let path = e.path().to_owned();
        match e {
            PrivacyError::Invalid(findings) => BrobyggerError::Validation { code, findings },
            other => BrobyggerError::InvalidInput {
                code,
                path,
                reason: other.to_string(),
            },
        }
    }
}
