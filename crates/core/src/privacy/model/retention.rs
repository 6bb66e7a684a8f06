//! Retention policies: how long records of a type are kept, and what happens then.

use crate::i18n::{Lang, labels};
use crate::ids::PolicyId;

/// A kind of record a retention policy applies to.
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
pub enum RecordType {
    /// A closed match proposal with its answers and releases.
    MatchCorrespondence,
    /// A household without activity.
    InactiveHousehold,
    /// A stored matching run.
    MatchRun,
    /// A withdrawn or lapsed consent.
    EndedConsent,
    /// A person who holds no post and no offer.
    InactivePerson,
}

labels!(RecordType, "record_type" {
    MatchCorrespondence => ("korrespondance om match", "match correspondence"),
    InactiveHousehold => ("inaktiv husstand", "inactive household"),
    MatchRun => ("matchkørsel", "match run"),
    EndedConsent => ("ophørt samtykke", "ended consent"),
    InactivePerson => ("inaktiv person", "inactive person"),
});

/// What happens to a record when its period is over.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RetentionAction {
    /// Delete it and what only it needs.
    Delete,
    /// Anonymise it with cascade, keeping it for statistics.
    Anonymise,
}

labels!(RetentionAction, "retention_action" {
    Delete => ("slet", "delete"),
    Anonymise => ("anonymisér", "anonymise"),
});

impl RetentionAction {
    /// The action after `skal` / `is due to` in a sentence: `slettes`, `anonymiseres` /
    /// `be deleted`, `be anonymised`.
    pub(crate) fn in_sentence(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RetentionAction::Delete, Lang::Da) => "slettes",
            (RetentionAction::Delete, Lang::En) => "be deleted",
            (RetentionAction::Anonymise, Lang::Da) => "anonymiseres",
            (RetentionAction::Anonymise, Lang::En) => "be anonymised",
        }
    }
}

impl RecordType {
    /// Whether `action` can apply to records of this type.
    pub fn supports(self, action: RetentionAction) -> bool {
        match self {
            RecordType::InactiveHousehold => true,
            RecordType::MatchCorrespondence | RecordType::MatchRun | RecordType::EndedConsent => {
                action == RetentionAction::Delete
            }
            RecordType::InactivePerson => action == RetentionAction::Anonymise,
        }
    }
}

/// How long records of a type are kept, and what happens then.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RetentionPolicy {
    /// Id.
    pub id: PolicyId,
    /// The record type.
    pub record: RecordType,
    /// What happens when the period is over.
    pub action: RetentionAction,
    /// Months kept after the clock starts (at least 1).
    pub keep_months: u32,
    /// Days before the due day that a record is reported as upcoming (default 30).
    #[serde(default = "thirty")]
    pub warn_days: u32,
    /// The rule behind the period, e.g. the controller's deletion policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

fn thirty() -> u32 {
    30
}
