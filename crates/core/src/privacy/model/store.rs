//! The privacy records a dossier keeps.

use crate::ids::PolicyId;
use crate::privacy::model::consent::{ConsentRecord, ProcessingBasis, Subject};
use crate::privacy::model::proposal::MatchProposal;
use crate::privacy::model::retention::RetentionPolicy;
use chrono::NaiveDate;

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

/// An anonymisation applied to the dossier, in its log (never the ids replaced).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnonymisationRecord {
    /// The day.
    pub on: NaiveDate,
    /// Households anonymised.
    pub households: u32,
    /// People anonymised.
    pub people: u32,
    /// The retention policy carried out, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyId>,
    /// The anonymised records under their fresh ids, so retention does not take them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Subject>,
}
