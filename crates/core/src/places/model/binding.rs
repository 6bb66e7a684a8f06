//! How a partnership is bound to a place and for how long, and how it came about: when its
//! problems were identified and its activities fixed, and who came to the table when (004).
//!
//! Kept apart from the places themselves so that the agreement, which holds these, does not
//! reach the matching profiles a place's coordinates come from.

use crate::actors::PartyRef;
use crate::ids::PlaceId;
use chrono::NaiveDate;

/// An agreement's binding to a place: where and for how long the parties commit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlaceBinding {
    /// The place (a place of the dossier).
    pub place: PlaceId,
    /// The first day of the commitment.
    pub from: NaiveDate,
    /// The last day of the commitment; absent when it runs until ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// How a partnership came about: when its problems were identified and its activities fixed,
/// and when each party came to the table.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PartnershipProcess {
    /// The day the parties began identifying the problems together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub problems_identified_from: Option<NaiveDate>,
    /// The day the activities were fixed (decided, planned or written into the agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub activities_fixed_on: Option<NaiveDate>,
    /// When each party came to the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub involvement: Vec<Involvement>,
}

impl PartnershipProcess {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.problems_identified_from.is_none()
            && self.activities_fixed_on.is_none()
            && self.involvement.is_empty()
    }

    /// The day `party` came to the table, if recorded.
    pub fn involved_from(&self, party: &PartyRef) -> Option<NaiveDate> {
        self.involvement
            .iter()
            .filter(|i| &i.party == party)
            .map(|i| i.from)
            .min()
    }
}

/// The day a party came to the table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Involvement {
    /// The party.
    pub party: PartyRef,
    /// The first day it took part.
    pub from: NaiveDate,
}
