//! The lifecycle of an agreement: its statuses and the steps between them.
//!
//! It sits with the ground types, below the agreement itself, because the boundary error
//! ([`BrobyggerError::InvalidTransition`](crate::BrobyggerError::InvalidTransition)) names
//! the statuses of a refused step.

use crate::i18n::labels;

/// The lifecycle of an agreement.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AgreementStatus {
    /// Being written.
    Draft,
    /// The parties are negotiating and aligning expectations.
    Negotiating,
    /// Signed, not yet started.
    Signed,
    /// Running.
    Active,
    /// Under review by the parties.
    UnderReview,
    /// Ended (completed, terminated or abandoned).
    Ended,
}

labels!(AgreementStatus, "agreement_status" {
    Draft => ("kladde", "draft"),
    Negotiating => ("under forhandling", "negotiating"),
    Signed => ("underskrevet", "signed"),
    Active => ("aktiv", "active"),
    UnderReview => ("under revision", "under review"),
    Ended => ("afsluttet", "ended"),
});

impl AgreementStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [AgreementStatus; 6] = [
        AgreementStatus::Draft,
        AgreementStatus::Negotiating,
        AgreementStatus::Signed,
        AgreementStatus::Active,
        AgreementStatus::UnderReview,
        AgreementStatus::Ended,
    ];

    /// Whether terms are binding in this status, so that changing them needs an amendment.
    pub fn is_binding(self) -> bool {
        matches!(
            self,
            AgreementStatus::Signed | AgreementStatus::Active | AgreementStatus::UnderReview
        )
    }

    /// The statuses reachable in one step.
    pub fn successors(self) -> &'static [AgreementStatus] {
        use AgreementStatus::*;
        match self {
            Draft => &[Negotiating, Ended],
            Negotiating => &[Draft, Signed, Ended],
            Signed => &[Active, Ended],
            Active => &[UnderReview, Ended],
            UnderReview => &[Active, Ended],
            Ended => &[],
        }
    }

    /// Whether `self → to` is an edge of the lifecycle.
    pub fn can_move_to(self, to: AgreementStatus) -> bool {
        self.successors().contains(&to)
    }
}
