//! What a matching run used of sensitive data and under which basis, and what it had to leave
//! out; stored with the run.

use crate::i18n::Text;
use crate::ids::RuleId;
use crate::privacy::model::consent::{BasisRef, Subject};

/// A sensitive attribute a run used for a subject, and the basis that allowed it.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SensitiveUse {
    /// Whose attribute.
    pub subject: Subject,
    /// The attribute, e.g. `newcomer.preferences`.
    pub attribute: String,
    /// The consent or basis.
    pub basis: BasisRef,
}

/// A sensitive attribute a run could not use for a subject.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WithheldAttribute {
    /// Whose attribute.
    pub subject: Subject,
    /// The attribute, e.g. `newcomer.preferences`.
    pub attribute: String,
    /// The rules that read it.
    pub rules: Vec<RuleId>,
    /// What that meant for the run, in Danish and English (no values).
    pub text: Text,
}
