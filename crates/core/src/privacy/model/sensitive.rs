//! What a matching run used of sensitive data and under which basis, and what it had to leave
//! out; stored with the run.

use crate::i18n::{Text, labels};
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

/// Where a matching run's consents and other bases came from (`crate::privacy::gate`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BasisSource {
    /// The dossier's privacy records: a stored cohort, or profiles matched beside a dossier
    /// (its consents count, not the profiles' own columns).
    #[default]
    Dossier,
    /// Privacy records handed over with the call, as a dossier keeps them.
    Records,
    /// The profiles' own consent and basis fields, and the bases declared in the call.
    Profiles,
}

labels!(BasisSource, "basis_source" {
    Dossier => ("sagens samtykker og hjemler", "the dossier's consents and bases"),
    Records => ("medsendte samtykker og hjemler", "consents and bases given with the call"),
    Profiles => ("profilernes egne samtykker og hjemler og dem, kaldet erklærer", "the profiles' own consents and bases and those the call declares"),
});
