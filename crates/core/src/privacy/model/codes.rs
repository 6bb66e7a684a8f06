//! The codes of privacy findings and the privacy error.

use crate::error::BrobyggerError;
use crate::finding::{FindingKind, Severity};

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
